package db

import (
	"context"
	"database/sql"
	"fmt"
	"io/fs"
	"iter"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"slices"
	"strings"
	"sync"
	"sync/atomic"

	"dossier/app"
	"dossier/app/ingest"
)

// Bulk import files articles by the thousand. Reading goroutines read and parse the
// files, several at once, in ingest.Walk's order, and ready each article (normalised,
// checked, hashed); one goroutine files them in batches, one transaction per batch, with
// prepared statements, the outlets of the batch cached, and one mention linker (the
// statements and the compiled names CreateArticle uses) shared by the whole batch.
//
// Duplicates are found with the same rules as CreateArticle (same canonical URL, or the
// same text), against everything filed before and within the batch being filed, since
// the batch's own rows are visible inside its transaction. So a folder imported again
// after a crash or a cancel reports what was filed the first time as duplicates.
//
// Cancelling ctx stops the import after the article being filed, without waiting for the
// files being read (see readFiles), so it ends at once even when a read hangs: the batch
// filed so far is committed, not rolled back, so everything reported as filed stays
// filed. A crash loses only the batch in progress, which the next import of the same
// files files again.

// ImportFiles files every article in the files and folders named by paths. Folders are
// read with everything beneath them, by ingest.Walk's rules: in name order, hidden files
// and folders and links to folders passed over. The project's own files are passed over
// too, so a project kept in the folder being imported is no trouble. Progress reports
// count the files found so far (TotalFiles), counted alongside.
//
// It returns what was committed. On a cancel it returns that and ctx.Err(); on a failure
// of the project itself (read-only, full disk) the batch in progress is rolled back and
// the error returned. A bad file is never an error: it is refused and the import goes on.
//
// The articles filed are left pending for the review queue: the caller reads them with
// FillSuggestionQueue once the import is over (see the README's architecture).
func (s *Store) ImportFiles(ctx context.Context, paths []string, opt app.ImportOptions) (_ app.ImportSummary, err error) {
	defer wrapErr(&err, "import %d files and folders", len(paths))
	// Parsing a large text makes a few short-lived copies of it; by default the collector
	// lets the heap double before it runs, so those copies pile up. A soft limit for the
	// import's length makes it collect sooner (see the README's import memory figures).
	defer limitMemory()()
	cctx, stop := context.WithCancel(ctx)
	counter := &fileCounter{}
	counted := make(chan struct{})
	go func() {
		defer close(counted)
		counter.count(cctx, paths, s.ownFile)
	}()
	defer func() {
		stop()
		if ctx.Err() == nil {
			<-counted
		} // else the counter ends on its own: a cancel must not wait for a folder's listing
	}()
	return s.importItems(ctx, func(ctx context.Context, out chan<- readied) error {
		return readFiles(ctx, paths, s.ownFile, readers(), s.readSource, out)
	}, counter, opt)
}

// ImportArticles files the articles items yields, as ImportFiles does with the files it
// reads. items runs on a goroutine of its own and is stopped (its yield returns false)
// when the import ends early; an item with Err set is reported as refused. An article's
// Hash, when set, is taken to be app.ContentHash of its normalised body, as ingest sets
// it; when empty, or when the body was not normalised, it is computed.
func (s *Store) ImportArticles(ctx context.Context, items iter.Seq[ingest.Item], opt app.ImportOptions) (_ app.ImportSummary, err error) {
	defer wrapErr(&err, "import articles")
	return s.importItems(ctx, func(ctx context.Context, out chan<- readied) error {
		for it := range items {
			select {
			case out <- ready(it):
			case <-ctx.Done():
				return nil
			}
		}
		return nil
	}, nil, opt)
}

// readied is an item made ready to file on a reading goroutine.
type readied struct {
	path  string
	a     app.Article
	warns []app.ImportWarning // reported with the article when it is filed
	canon string
	err   error // refused before filing: unreadable file, invalid article
	// release, on the last article of a file, gives back the bytes the file was
	// reserved (see inFlight) once it has been filed.
	release func()
}

func ready(it ingest.Item) readied {
	r := readied{path: it.Path, a: it.Article, warns: it.Warnings, err: it.Err}
	if r.err != nil {
		return r
	}
	body := r.a.Body
	r.a.Normalize()
	if err := r.a.Validate(); err != nil {
		r.err = err
		return r
	}
	// ingest hashes the normalised body already; hashing 3 KB again would cost the
	// reading goroutine about a fifth of its time.
	if r.a.Hash == "" || r.a.Body != body {
		r.a.Hash = app.ContentHash(r.a.Body)
	}
	r.canon = app.CanonicalURL(r.a.URL)
	// Whoever read the article, one filed without a date is counted as undated.
	if r.a.Date == "" && !slices.ContainsFunc(r.warns, func(w app.ImportWarning) bool { return w.Kind == app.WarnUndated }) {
		r.warns = append(slices.Clip(r.warns), app.UndatedWarning)
	}
	return r
}

// readAhead is how many readied articles may wait for the filing goroutine, and
// filesAhead how many files each reading goroutine may have read (or be reading) before
// the filing goroutine reaches them: enough to keep both sides busy while a slow file is
// parsed. Memory is bounded by bytes too, whatever the files (see inFlight).
const (
	readAhead  = 32
	filesAhead = 4
)

// importItems runs read on a goroutine of its own, feeding the articles it readies to
// the filing loop, and stops it (by cancelling its context) when the import ends early.
func (s *Store) importItems(ctx context.Context, read func(context.Context, chan<- readied) error, total *fileCounter, opt app.ImportOptions) (app.ImportSummary, error) {
	defer s.unmapped(ctx)()
	rctx, stop := context.WithCancel(ctx)
	ch := make(chan readied, readAhead)
	var readErr error
	go readInto(rctx, read, ch, &readErr)
	defer func() {
		stop()
		for range ch { // let the reader see the stop and finish
		}
	}()

	im := &importer{s: s, opt: opt, total: total, batch: opt.BatchSize, stop: ctx.Done()}
	if im.batch <= 0 {
		im.batch = app.DefaultImportBatch
	}
	// The transactions ignore the cancel: a cancel commits the batch filed so far
	// rather than letting database/sql roll it back.
	dbctx := context.WithoutCancel(ctx)
	for {
		if err := ctx.Err(); err != nil {
			err = im.cancelled(dbctx, err)
			return im.sum, err
		}
		var r readied
		var ok bool
		select {
		case r, ok = <-ch:
		case <-ctx.Done():
			continue
		}
		if !ok { // readErr is set before ch is closed
			err := im.finish(ctx, dbctx, readErr)
			return im.sum, err
		}
		if err := im.fileOne(dbctx, r); err != nil {
			return im.sum, err
		}
	}
}

// readInto runs read, feeding ch, closes ch when it returns, and sets *readErr to what it
// returned (a panic in it too, as an error) before closing ch.
func readInto(ctx context.Context, read func(context.Context, chan<- readied) error, ch chan<- readied, readErr *error) {
	defer close(ch)
	defer func() {
		if p := recover(); p != nil {
			*readErr = &app.Error{Code: app.EINTERNAL, Message: "Reading the files failed unexpectedly; what was filed so far is kept.",
				Err: fmt.Errorf("panic: %v", p)}
		}
	}()
	*readErr = read(ctx, ch)
}

// cancelled ends an import cancelled by err: the batch filed so far is committed, and err
// returned unless the commit failed.
func (im *importer) cancelled(ctx context.Context, err error) error {
	im.sum.Cancelled = true
	if cerr := im.commit(ctx); cerr != nil {
		return cerr
	}
	return err
}

// finish ends an import whose files were all read: the last batch is committed, and the
// reading's error, if any (not a cancel's: ctx says that), returned.
func (im *importer) finish(ctx, dbctx context.Context, readErr error) error {
	if err := im.commit(dbctx); err != nil {
		return err
	}
	if readErr != nil && ctx.Err() == nil {
		return readErr
	}
	return nil
}

// fileOne files one readied article, releases its file's bytes when it is the file's
// last, and commits the batch when it is full.
func (im *importer) fileOne(ctx context.Context, r readied) error {
	err := im.file(ctx, r)
	if r.release != nil {
		r.release()
	}
	if err != nil {
		im.rollback()
		return mapError(err)
	}
	if len(im.pending) >= im.batch || im.textBytes >= batchBytes {
		return im.commit(ctx)
	}
	return nil
}

// The full-text index during an import. The trigger that indexes each article as it is
// inserted (articles_ai) makes FTS5 write a segment of the index per article: the insert
// runs a trigger, so SQLite opens a statement savepoint, and FTS5 flushes what it holds
// at every savepoint; its merging of those tiny segments is then most of the cost of
// filing. So each batch sets the trigger aside and indexes its articles with one
// statement before committing, in the batch's own transaction: the trigger and the
// index are never out of step in any committed state, whether the import ends, is
// cancelled (the batch is committed with its index) or crashes (the batch, trigger drop
// included, never was).
//
// This is done only when the trigger is the one known here; a schema that indexes
// articles otherwise keeps its trigger, and the import is merely slower.

// articlesIndexTrigger is the trigger of migration 0005, its blanks collapsed.
var articlesIndexTrigger = `CREATE TRIGGER articles_ai AFTER INSERT ON articles BEGIN INSERT INTO articles_fts(rowid, title, body, notes) VALUES (new.id, ` +
	ftsFoldSQL("new.title") + `, ` + ftsFoldSQL("new.body") + `, ` + ftsFoldSQL("new.notes") + `); END`

// ftsTrigger is the indexing trigger set aside for a batch.
type ftsTrigger struct{ sql string }

// deferIndex drops the indexing trigger inside tx, if it is the one known, and returns it
// to restore; nil when it was left in place.
func deferIndex(ctx context.Context, tx *sql.Tx) (*ftsTrigger, error) {
	var text string
	err := tx.QueryRowContext(ctx, `SELECT sql FROM sqlite_schema WHERE type = 'trigger' AND name = 'articles_ai'`).Scan(&text)
	if err == sql.ErrNoRows || err == nil && strings.Join(strings.Fields(text), " ") != articlesIndexTrigger {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	if _, err := tx.ExecContext(ctx, `DROP TRIGGER articles_ai`); err != nil {
		return nil, err
	}
	return &ftsTrigger{sql: text}, nil
}

// restore indexes the articles filed in the batch and puts the trigger back.
func (t *ftsTrigger) restore(ctx context.Context, tx *sql.Tx, ids []int64) error {
	if t == nil {
		return nil
	}
	index := `INSERT INTO articles_fts(rowid, title, body, notes) SELECT id, ` + ftsFoldSQL("title") + `, ` + ftsFoldSQL("body") + `, ` + ftsFoldSQL("notes") + ` FROM articles `
	if len(ids) > 0 {
		// New rows get ascending ids, so the batch is one range, as a rule.
		first, last := ids[0], ids[len(ids)-1]
		if last-first+1 == int64(len(ids)) {
			if _, err := tx.ExecContext(ctx, index+`WHERE id BETWEEN ? AND ?`, first, last); err != nil {
				return err
			}
		} else {
			for _, id := range ids {
				if _, err := tx.ExecContext(ctx, index+`WHERE id = ?`, id); err != nil {
					return err
				}
			}
		}
	}
	_, err := tx.ExecContext(ctx, t.sql)
	return err
}

// unmapped turns SQLite's memory map of the project file off until the returned func is
// called. A big import reads much of the file back (the full-text index merges its
// segments), and every page read through the map stays counted in the process's
// resident memory, up to the map's size (256 MB, see dsn); through SQLite's page cache
// the import of 100,000 articles stays well under 300 MB. The setting is only a speed
// trade, so a failure to change it is ignored.
func (s *Store) unmapped(ctx context.Context) (restore func()) {
	var size int64
	if err := s.db.QueryRowContext(ctx, `PRAGMA mmap_size`).Scan(&size); err != nil || size == 0 {
		return func() {}
	}
	s.db.ExecContext(ctx, `PRAGMA mmap_size = 0`)
	return func() {
		s.db.ExecContext(context.WithoutCancel(ctx), fmt.Sprintf(`PRAGMA mmap_size = %d`, size))
	}
}

// importer is the filing side of one import.
type importer struct {
	s     *Store
	opt   app.ImportOptions
	total *fileCounter
	batch int
	// stop ends a wait for the project (beginWrite): the batches' ctx ignores the cancel.
	stop <-chan struct{}

	prog     app.ImportProgress
	sum      app.ImportSummary
	lastPath string // the last file counted in prog.Files
	lastSum  string // the last file counted in sum.Files

	// The batch being filed: its transaction, statements, outlet cache and linker, and
	// the results to report once it is committed.
	tx      *sql.Tx
	stmts   importStmts
	outlets map[string]int64
	linker  *linker
	pending []app.ImportResult
	// index is the full-text trigger set aside for the batch, if it was (see ftsDeferred),
	// and filed the ids of the articles the batch filed, which commit indexes.
	index *ftsTrigger
	filed []int64
	// textBytes is the text filed in the batch so far (see batchBytes).
	textBytes int
}

// batchBytes is the most text a batch holds before it is committed, whatever its count
// of articles: SQLite indexes a batch's text in one statement (see deferIndex), and its
// memory for that grows with the text, so a batch of large articles (the most an article
// holds is 20 MB) is committed early.
const batchBytes = 8 << 20

type importStmts struct {
	byURL, byHash, insert, outlet, newOutlet *sql.Stmt
}

// file files one readied item, or notes why it is refused or a duplicate.
func (im *importer) file(ctx context.Context, r readied) error {
	im.prog.Current = r.path
	if r.path != im.lastPath {
		im.prog.Files++
		im.lastPath = r.path
	}
	res := app.ImportResult{Path: r.path, Title: r.a.Title}
	switch {
	case r.err != nil:
		res.Outcome, res.Message = app.ImportRefused, app.ErrorMessage(r.err)
	default:
		if err := im.begin(ctx); err != nil {
			return err
		}
		dup, err := im.duplicate(ctx, &r)
		if err != nil {
			return err
		}
		if dup != nil {
			res.Outcome, res.ID, res.Message = app.ImportDuplicate, dup.Ref, dup.Message
			break
		}
		id, refused, err := im.insert(ctx, &r.a, r.canon)
		switch {
		case err != nil:
			return err
		case refused != nil:
			res.Outcome, res.Message = app.ImportRefused, fmt.Sprintf("“%s”: %s", r.a.Title, app.ErrorMessage(refused))
		default:
			res.Outcome, res.ID, res.Warnings = app.ImportFiled, id, r.warns
		}
	}
	switch res.Outcome {
	case app.ImportFiled:
		im.prog.Filed++
	case app.ImportDuplicate:
		im.prog.Duplicates++
	default:
		im.prog.Refused++
	}
	im.pending = append(im.pending, res)
	if im.tx == nil {
		im.flush() // nothing to commit: refusals are reported at once
	}
	im.progress()
	return nil
}

// begin opens the batch's transaction, prepares its statements and compiles the actors'
// names, unless a batch is open.
func (im *importer) begin(ctx context.Context) error {
	if im.tx != nil {
		return nil
	}
	tx, err := im.s.beginWrite(ctx, im.stop) // waits for another program's write to end
	if err != nil {
		return err
	}
	im.tx = tx
	im.outlets = map[string]int64{}
	im.filed = im.filed[:0]
	im.textBytes = 0
	if im.index, err = deferIndex(ctx, tx); err != nil {
		return err
	}
	prep := func(q string) *sql.Stmt {
		if err != nil {
			return nil
		}
		var st *sql.Stmt
		st, err = tx.PrepareContext(ctx, q)
		return st
	}
	im.stmts = importStmts{
		// Two lookups rather than CreateArticle's one with OR: each uses its index (the
		// canon_url one is partial, so the query repeats its condition).
		byURL:  prep(`SELECT id, title, deleted FROM articles WHERE canon_url = ? AND canon_url <> '' LIMIT 1`),
		byHash: prep(`SELECT id, title, deleted FROM articles WHERE hash = ? LIMIT 1`),
		insert: prep(`INSERT INTO articles(uuid, title, outlet_id, url, canon_url, author, date, dateline,
			language, body, tags, notes, hash, filed, updated) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)`),
		outlet:    prep(`SELECT id FROM outlets WHERE folded = ?`),
		newOutlet: prep(`INSERT INTO outlets(uuid, name, folded) VALUES (?, ?, ?)`),
	}
	if err != nil {
		return err
	}
	// Once per batch, not per import: an actor added while a long import runs is found
	// in the batches filed after it.
	im.linker, err = newLinker(ctx, tx, &im.s.matchers)
	return err
}

// duplicate returns an EDUPLICATE error naming the filed article r repeats, with the
// message CreateArticle gives, or nil.
func (im *importer) duplicate(ctx context.Context, r *readied) (*app.Error, error) {
	var id int64
	var title, deleted string
	how := ""
	if r.canon != "" {
		switch err := im.stmts.byURL.QueryRowContext(ctx, r.canon).Scan(&id, &title, &deleted); {
		case err == nil:
			how = "the same URL"
		case err != sql.ErrNoRows:
			return nil, err
		}
	}
	if how == "" {
		switch err := im.stmts.byHash.QueryRowContext(ctx, r.a.Hash).Scan(&id, &title, &deleted); {
		case err == nil:
			how = "the same text"
		case err == sql.ErrNoRows:
			return nil, nil
		default:
			return nil, err
		}
	}
	return duplicateError(id, title, deleted, how), nil
}

// duplicateError is the EDUPLICATE error for an article that repeats article id.
func duplicateError(id int64, title, deleted, how string) *app.Error {
	where := ""
	if deleted != "" {
		where = " (it is in the trash: restore it from there)"
	}
	return &app.Error{Code: app.EDUPLICATE, Ref: id,
		Message: fmt.Sprintf("Already filed as “%s”%s: %s.", title, where, how)}
}

// insert writes the article and its mentions, as insertArticle does for one article. An
// article the table refuses (a UUID given twice) is refused alone and the batch goes on;
// any other failure breaks the batch.
func (im *importer) insert(ctx context.Context, a *app.Article, canon string) (id int64, refused, err error) {
	outlet, err := im.outletID(ctx, a.Source)
	if err != nil {
		return 0, nil, err
	}
	if a.UUID == "" {
		a.UUID = newUUID()
	}
	t := im.s.now()
	res, err := im.stmts.insert.ExecContext(ctx, a.UUID, a.Title, outlet, a.URL, canon, a.Author, string(a.Date),
		a.Dateline, a.Language, a.Body, joinList(a.Tags), a.Notes, a.Hash, t, t)
	if err != nil {
		if err := mapError(err); app.ErrorCode(err) == app.ECONFLICT {
			return 0, err, nil // SQLite undid this statement only; the batch is intact
		}
		return 0, nil, err
	}
	if id, err = res.LastInsertId(); err != nil {
		return 0, nil, err
	}
	im.filed = append(im.filed, id)
	im.textBytes += len(a.Body)
	// As linkArticleMentions does, with the batch's linker.
	if err := im.linker.link(ctx, id, a.Body); err != nil {
		return 0, nil, fmt.Errorf("linking mentions: %w", err)
	}
	return id, nil, nil
}

// outletID is outletID with the batch's statements and cache.
func (im *importer) outletID(ctx context.Context, name string) (any, error) {
	if name == "" {
		return nil, nil
	}
	folded := app.Fold(name)
	if id, ok := im.outlets[folded]; ok {
		return id, nil
	}
	var id int64
	err := im.stmts.outlet.QueryRowContext(ctx, folded).Scan(&id)
	if err == sql.ErrNoRows {
		var res sql.Result
		if res, err = im.stmts.newOutlet.ExecContext(ctx, newUUID(), name, folded); err == nil {
			id, err = res.LastInsertId()
		}
	}
	if err != nil {
		return nil, err
	}
	im.outlets[folded] = id
	return id, nil
}

// commit commits the open batch, if any, and reports its results.
func (im *importer) commit(ctx context.Context) error {
	if im.tx == nil {
		im.flush()
		return nil
	}
	im.closeStmts()
	err := im.index.restore(ctx, im.tx, im.filed)
	if err == nil {
		err = im.tx.Commit()
	} else {
		im.tx.Rollback()
	}
	im.tx = nil
	if err != nil {
		im.pending = nil
		return mapError(err)
	}
	im.flush()
	im.progress()
	return nil
}

// rollback abandons the open batch after a failure of the project.
func (im *importer) rollback() {
	if im.tx != nil {
		im.closeStmts()
		im.tx.Rollback()
		im.tx = nil
	}
	im.pending = nil
}

func (im *importer) closeStmts() {
	if im.linker != nil {
		im.linker.close()
		im.linker = nil
	}
	for _, st := range []*sql.Stmt{im.stmts.byURL, im.stmts.byHash, im.stmts.insert, im.stmts.outlet, im.stmts.newOutlet} {
		if st != nil {
			st.Close()
		}
	}
	im.stmts = importStmts{}
}

// flush reports the pending results, now safely committed, and counts them.
func (im *importer) flush() {
	for _, r := range im.pending {
		if r.Path != im.lastSum {
			im.sum.Files++
			im.lastSum = r.Path
		}
		switch r.Outcome {
		case app.ImportFiled:
			im.sum.Filed++
			im.sum.Warn(r.Warnings)
			im.prog.Committed++
		case app.ImportDuplicate:
			im.sum.Duplicates++
		default:
			im.sum.Refused++
		}
		if im.opt.Result != nil {
			im.opt.Result(r)
		}
	}
	im.pending = im.pending[:0]
}

func (im *importer) progress() {
	if im.opt.Progress == nil {
		return
	}
	if im.total != nil {
		im.prog.TotalFiles, im.prog.TotalKnown = im.total.get()
		im.prog.TotalFiles = max(im.prog.TotalFiles, im.prog.Files)
	}
	im.opt.Progress(im.prog)
}

// ownFile reports whether path is the project file or one SQLite keeps beside it.
func (s *Store) ownFile(path string) bool {
	if !strings.HasPrefix(filepath.Base(path), filepath.Base(s.path)) {
		return false // the cheap test first: most files are not
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return false
	}
	switch strings.TrimPrefix(abs, s.path) {
	case "", "-wal", "-shm", "-journal":
		return strings.HasPrefix(abs, s.path)
	}
	return false
}

// fileCounter counts the files an import will read, on a goroutine of its own, so the
// progress can say "of about N" long before the reading gets there.
type fileCounter struct {
	n    atomic.Int64
	done atomic.Bool
}

func (c *fileCounter) get() (int, bool) { return int(c.n.Load()), c.done.Load() }

func (c *fileCounter) count(ctx context.Context, paths []string, skip func(string) bool) {
	defer c.done.Store(true)
	listFiles(ctx, paths, skip, func(string) bool {
		c.n.Add(1)
		return true
	})
}

// readers is how many files are read and parsed at once: parsing a web page costs more
// than filing it, so the reading is spread over the processors while one goroutine files.
func readers() int {
	return min(max(runtime.GOMAXPROCS(0), 2), 8)
}

// importMemoryLimit is the Go heap's soft limit while files are imported. It is a target
// for the collector, never a cap: a file that needs more still gets it.
const importMemoryLimit = 160 << 20

// memoryLimit counts the imports running, so that imports that overlap set the limit once
// and the last one to end puts back what was there before.
var memoryLimit struct {
	sync.Mutex
	imports int
	before  int64
}

// limitMemory sets importMemoryLimit for an import and returns what ends it.
func limitMemory() (restore func()) {
	memoryLimit.Lock()
	defer memoryLimit.Unlock()
	if memoryLimit.imports == 0 {
		memoryLimit.before = debug.SetMemoryLimit(importMemoryLimit)
	}
	memoryLimit.imports++
	return func() {
		memoryLimit.Lock()
		defer memoryLimit.Unlock()
		if memoryLimit.imports--; memoryLimit.imports == 0 {
			debug.SetMemoryLimit(memoryLimit.before)
		}
	}
}

// inFlight bounds the bytes of the files read, or being read, but not yet filed, over
// all the reading goroutines together: parsing a file takes several times its size in
// memory for a moment, and a readied article holds its text until it is filed, so
// bounding the count of files alone would let eight readers of 50 MB files take
// gigabytes. A file larger than the bound is read alone.
const inFlight = 32 << 20

// readFiles reads the files under paths, as ingest.Walk would, with workers reading and
// parsing several at once (each file with read; nil is readOne), and sends their articles to out in the order Walk gives them.
// A file whose reading panics is refused; the rest go on. Each file's bytes are reserved
// (see inFlight) before it is read, in the files' order so that the file the filing
// goroutine waits for is never the one kept waiting, and released once its last article
// is filed (readied.release).
//
// When ctx is done readFiles returns at once, without waiting for the workers: a read
// stuck in the file system (a network share gone away) must not keep an import from
// ending. The workers end on their own once their read returns.
func readFiles(ctx context.Context, paths []string, skip func(string) bool, workers int, read func(context.Context, *ingest.Source) []readied, out chan<- readied) error {
	if read == nil {
		read = readOne
	}
	jobs := make(chan readJob)
	order := make(chan readJob, filesAhead*workers)
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			readJobs(ctx, jobs, read)
		}()
	}
	go queueFiles(ctx, paths, skip, newByteBudget(inFlight), order, jobs)
	if !sendInOrder(ctx, order, out) {
		return nil
	}
	wg.Wait() // every file was read: the workers are ending, if not gone
	return nil
}

// readJob is one file readFiles reads.
type readJob struct {
	src     *ingest.Source
	release func()
	res     chan []readied // one value: the file's articles, or its refusal
}

// readJobs is one of readFiles' workers: it reads each job's file and hands the last of
// its articles the release of the file's bytes (released at once when it has none).
func readJobs(ctx context.Context, jobs <-chan readJob, read func(context.Context, *ingest.Source) []readied) {
	for j := range jobs {
		rs := read(ctx, j.src)
		j.src.Close()
		if len(rs) == 0 {
			j.release()
		} else {
			rs[len(rs)-1].release = j.release
		}
		j.res <- rs
	}
}

// queueFiles opens each file listFiles gives, reserves its bytes, and queues it first in
// order (so the files keep their order) then in jobs (to whichever worker is free); a file
// that cannot be opened goes in order with its refusal. It closes both when done.
func queueFiles(ctx context.Context, paths []string, skip func(string) bool, budget *byteBudget, order, jobs chan<- readJob) {
	defer close(order)
	defer close(jobs)
	send := func(ch chan<- readJob, j readJob) bool {
		select {
		case ch <- j:
			return true
		case <-ctx.Done():
			return false
		}
	}
	listFiles(ctx, paths, skip, func(path string) bool {
		j := readJob{res: make(chan []readied, 1)}
		src, err := ingest.Open(path) // refuses pipes and the like without waiting on them
		if err != nil {
			j.res <- []readied{{path: path, err: err}}
			return send(order, j)
		}
		n := min(src.Size(), inFlight)
		if !budget.acquire(ctx, n) {
			src.Close()
			return false
		}
		j.src, j.release = src, func() { budget.release(n) }
		if !send(order, j) || !send(jobs, j) {
			src.Close()
			return false
		}
		return true
	})
}

// sendInOrder sends the articles of each queued file to out, file after file in the
// order queued; false when ctx ended first.
func sendInOrder(ctx context.Context, order <-chan readJob, out chan<- readied) bool {
	for j := range order {
		var rs []readied
		select {
		case rs = <-j.res:
		case <-ctx.Done():
			return false
		}
		for _, r := range rs {
			if ctx.Err() != nil {
				return false
			}
			select {
			case out <- r:
			case <-ctx.Done():
				return false
			}
		}
	}
	return true
}

// readOne reads one file with ingest, readies its articles, and turns a panic of the
// parser into a refusal of the file.
func readOne(ctx context.Context, src *ingest.Source) (rs []readied) {
	path := src.Path()
	defer func() {
		if p := recover(); p != nil {
			rs = []readied{{path: path, err: &app.Error{Code: app.EINTERNAL,
				Message: fmt.Sprintf("“%s” could not be read: Dossier failed on it unexpectedly.", filepath.Base(path)),
				Err:     fmt.Errorf("panic: %v", p)}}}
		}
	}()
	items, _ := src.Read(ctx) // a refused file arrives as an item with Err set
	rs = make([]readied, len(items))
	for i, it := range items {
		rs[i] = ready(it)
	}
	return rs
}

// byteBudget is a count of bytes that goroutines take before reading and give back once
// done, waiting while too few are left.
type byteBudget struct {
	mu    sync.Mutex
	free  int64
	freed chan struct{} // closed, and replaced, whenever bytes are given back
}

func newByteBudget(n int64) *byteBudget {
	return &byteBudget{free: n, freed: make(chan struct{})}
}

// acquire takes n bytes, waiting until they are free; it returns false if ctx is done first.
func (b *byteBudget) acquire(ctx context.Context, n int64) bool {
	for {
		b.mu.Lock()
		if b.free >= n {
			b.free -= n
			b.mu.Unlock()
			return true
		}
		freed := b.freed
		b.mu.Unlock()
		select {
		case <-freed:
		case <-ctx.Done():
			return false
		}
	}
}

// release gives back n bytes.
func (b *byteBudget) release(n int64) {
	b.mu.Lock()
	b.free += n
	close(b.freed)
	b.freed = make(chan struct{})
	b.mu.Unlock()
}

// listFiles calls fn with each file ingest.Walk would read under paths, in the same
// order, until fn returns false or ctx is done: paths in the order given, each folder in
// name order; hidden names inside folders and links to folders passed over, a path named
// explicitly read even when hidden; an unreadable folder given as a file, so that
// reading it reports why. Files skip says so are left out.
func listFiles(ctx context.Context, paths []string, skip func(string) bool, fn func(path string) bool) {
	for _, root := range paths {
		if ctx.Err() != nil || !listRoot(ctx, root, skip, fn) {
			return
		}
	}
}

// listRoot is listFiles for one path given; it returns false when fn asked to stop.
func listRoot(ctx context.Context, root string, skip func(string) bool, fn func(path string) bool) bool {
	st, err := os.Stat(root)
	if err != nil || !st.IsDir() {
		return skip(root) || fn(root)
	}
	root = followLink(root)
	stopped := false
	filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if cerr := ctx.Err(); cerr != nil {
			return cerr
		}
		if hidden, skipDir := hiddenInside(root, path, d); hidden {
			return skipDir
		}
		if !walkedFile(path, d, err) || skip(path) {
			return nil
		}
		if !fn(path) {
			stopped = true
			return filepath.SkipAll
		}
		return nil
	})
	return !stopped
}

// followLink returns the folder a link given as a folder to import points to: WalkDir does
// not follow a link, even one it is asked to walk.
func followLink(root string) string {
	if real, err := filepath.EvalSymlinks(root); err == nil && real != filepath.Clean(root) {
		if lst, err := os.Lstat(root); err == nil && lst.Mode()&fs.ModeSymlink != 0 {
			return real
		}
	}
	return root
}

// hiddenInside reports whether WalkDir's entry is a hidden name inside the folder root,
// passed over, and the answer that passes it over (SkipDir for a folder).
func hiddenInside(root, path string, d fs.DirEntry) (bool, error) {
	if d == nil || path == root || !strings.HasPrefix(d.Name(), ".") || d.Name() == ".." {
		return false, nil
	}
	if d.IsDir() {
		return true, filepath.SkipDir
	}
	return true, nil
}

// walkedFile reports whether WalkDir's entry is one to read: a file, a link to a file, or
// an unreadable folder (err), whose reading says why; not a folder or a link to one.
func walkedFile(path string, d fs.DirEntry, err error) bool {
	switch {
	case err != nil:
		return true
	case d.IsDir():
		return false
	case d.Type()&fs.ModeSymlink != 0:
		if st, err := os.Stat(path); err == nil && st.IsDir() {
			return false
		}
	}
	return true
}
