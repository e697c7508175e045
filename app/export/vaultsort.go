package export

import (
	"bufio"
	"container/heap"
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"os"
	"slices"

	"dossier/app"
)

// A whole-project vault needs each actor's relations together, in its note; the project
// keeps them by relation. Reading them twice, ordered by source and then by target actor,
// read every relation and its evidence twice: half the time of a 100,000-relation vault.
// Instead the relations are read once, in the order they were filed, each made into its
// two lines (one for the source's note, one for the target's, the footnotes shared),
// and the lines are sorted by actor: in memory up to vaultRunBytes, beyond that in
// sorted runs written to temporary files and merged as the actors' notes are written.
// Memory stays bounded whatever the project's size.

// vaultRunBytes is about how much of the lines is held in memory before a sorted run is
// written to a temporary file. SetVaultRunBytes changes it for tests.
var vaultRunBytes = 8 << 20

// vaultLine is one relation as a line of one actor's note.
type vaultLine struct {
	actor    int64  // the actor whose note holds the line
	side     byte   // 0: that actor is the relation's source; 1: its target
	start    string // the relation's start date as stored, which orders the lines
	id       int64  // the relation's id, which orders lines of one date
	sentence string // the relation as a sentence, its footnote references not yet numbered
	notes    []string
}

// lineCmp orders lines as the notes list them: by actor, the relations it is the source
// of before those it is the target of, then by start date and id (SQLite's order on
// those columns: bytewise, as Go compares strings).
func lineCmp(a, b vaultLine) int {
	switch {
	case a.actor != b.actor:
		return cmpInt(a.actor, b.actor)
	case a.side != b.side:
		return int(a.side) - int(b.side)
	case a.start != b.start:
		if a.start < b.start {
			return -1
		}
		return 1
	}
	return cmpInt(a.id, b.id)
}

func cmpInt(a, b int64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

func (l *vaultLine) size() int {
	n := 96 + len(l.start) + len(l.sentence)
	for _, s := range l.notes {
		n += 16 + len(s)
	}
	return n
}

// lineSorter gathers the lines and gives them back sorted.
type lineSorter struct {
	dir   string // where runs are written ("": the system's temporary folder)
	limit int
	lines []vaultLine
	size  int
	runs  []*os.File
	links map[[2]string]string // actorLink's links by UUID and name
}

// maxLinks bounds the links kept: a project's actors are far fewer than its relations,
// and each is linked from the notes of all its counterparts.
const maxLinks = 20_000

// actorLink is the link to an actor's note, made once per actor: folding the name for
// its file name was a tenth of the time spent making the lines.
func (ls *lineSorter) actorLink(name, uuid string) string {
	key := [2]string{uuid, name}
	if l, ok := ls.links[key]; ok {
		return l
	}
	if ls.links == nil || len(ls.links) >= maxLinks {
		ls.links = make(map[[2]string]string)
	}
	l := actorLink(name, uuid)
	ls.links[key] = l
	return l
}

// addRelation makes the relation's two lines. A relation of an actor with itself makes
// two lines in its note, as it did when each side was read on its own.
func (ls *lineSorter) addRelation(r *app.Relation, t app.RelationType) error {
	notes := make([]string, len(r.Evidence))
	for i, e := range r.Evidence {
		notes[i] = footnote(e)
	}
	start := string(r.Start)
	if err := ls.add(vaultLine{actor: r.SourceID, side: 0, start: start, id: r.ID, sentence: relationSentence(r.SourceUUID, r, t, ls.actorLink), notes: notes}); err != nil {
		return err
	}
	return ls.add(vaultLine{actor: r.TargetID, side: 1, start: start, id: r.ID, sentence: relationSentence(r.TargetUUID, r, t, ls.actorLink), notes: notes})
}

func (ls *lineSorter) add(l vaultLine) error {
	ls.lines = append(ls.lines, l)
	ls.size += l.size()
	if ls.size >= ls.limit {
		return ls.spill()
	}
	return nil
}

// spill sorts the lines held and writes them as a run to a new temporary file.
func (ls *lineSorter) spill() error {
	slices.SortFunc(ls.lines, lineCmp)
	f, err := os.CreateTemp(ls.dir, "dossier-vault-*.tmp")
	if err != nil {
		return &app.Error{Code: app.EINTERNAL, Err: err, Message: fmt.Sprintf("Cannot make a temporary file to sort the vault's relations: %v.", err)}
	}
	ls.runs = append(ls.runs, f)
	w := bufio.NewWriterSize(f, 256<<10)
	var buf []byte
	for i := range ls.lines {
		buf = encodeLine(buf[:0], &ls.lines[i])
		w.Write(buf) // the first error is kept by w and returned by Flush
	}
	if err == nil {
		err = w.Flush()
	}
	if err == nil {
		_, err = f.Seek(0, io.SeekStart)
	}
	if err != nil {
		return &app.Error{Code: app.EINTERNAL, Err: err, Message: fmt.Sprintf("Cannot write %s, a temporary file sorting the vault's relations: %v.", f.Name(), err)}
	}
	clear(ls.lines) // let the strings go
	ls.lines, ls.size = ls.lines[:0], 0
	return nil
}

// sorted returns the lines in order: from memory when they all fit, else merged from
// the runs.
func (ls *lineSorter) sorted() (*lineStream, error) {
	if len(ls.runs) == 0 {
		slices.SortFunc(ls.lines, lineCmp)
		lines := ls.lines
		return &lineStream{next: func() (vaultLine, bool, error) {
			if len(lines) == 0 {
				return vaultLine{}, false, nil
			}
			l := lines[0]
			lines[0] = vaultLine{}
			lines = lines[1:]
			return l, true, nil
		}}, nil
	}
	if len(ls.lines) > 0 {
		if err := ls.spill(); err != nil {
			return nil, err
		}
	}
	m := &runMerge{}
	for _, f := range ls.runs {
		r := &runReader{r: bufio.NewReaderSize(f, 64<<10), name: f.Name()}
		if err := m.push(r); err != nil {
			return nil, err
		}
	}
	return &lineStream{next: m.next}, nil
}

// close removes the temporary files.
func (ls *lineSorter) close() {
	for _, f := range ls.runs {
		f.Close()
		os.Remove(f.Name())
	}
	ls.runs, ls.lines = nil, nil
}

func encodeLine(b []byte, l *vaultLine) []byte {
	b = binary.AppendUvarint(b, uint64(l.actor))
	b = append(b, l.side)
	b = appendString(b, l.start)
	b = binary.AppendUvarint(b, uint64(l.id))
	b = appendString(b, l.sentence)
	b = binary.AppendUvarint(b, uint64(len(l.notes)))
	for _, n := range l.notes {
		b = appendString(b, n)
	}
	return b
}

func appendString(b []byte, s string) []byte {
	return append(binary.AppendUvarint(b, uint64(len(s))), s...)
}

// runReader reads back one sorted run.
type runReader struct {
	r    *bufio.Reader
	name string
	head vaultLine
}

// read decodes the next line into head; io.EOF at the run's end, exactly between lines.
func (rr *runReader) read() error {
	actor, err := binary.ReadUvarint(rr.r)
	if err == io.EOF {
		return io.EOF
	}
	var l vaultLine
	l.actor = int64(actor)
	if err == nil {
		l.side, err = rr.r.ReadByte()
	}
	if err == nil {
		l.start, err = rr.string()
	}
	var id, n uint64
	if err == nil {
		id, err = binary.ReadUvarint(rr.r)
		l.id = int64(id)
	}
	if err == nil {
		l.sentence, err = rr.string()
	}
	if err == nil {
		n, err = binary.ReadUvarint(rr.r)
	}
	if err == nil && n > 0 {
		l.notes = make([]string, n)
		for i := range l.notes {
			if l.notes[i], err = rr.string(); err != nil {
				break
			}
		}
	}
	if err != nil {
		if err == io.EOF {
			err = io.ErrUnexpectedEOF
		}
		return &app.Error{Code: app.EINTERNAL, Err: err, Message: fmt.Sprintf("Cannot read back %s, a temporary file sorting the vault's relations: %v.", rr.name, err)}
	}
	rr.head = l
	return nil
}

func (rr *runReader) string() (string, error) {
	n, err := binary.ReadUvarint(rr.r)
	if err != nil {
		return "", err
	}
	b := make([]byte, n)
	_, err = io.ReadFull(rr.r, b)
	return string(b), err
}

// runMerge merges the runs, a heap of their next lines.
type runMerge []*runReader

func (m runMerge) Len() int           { return len(m) }
func (m runMerge) Less(i, j int) bool { return lineCmp(m[i].head, m[j].head) < 0 }
func (m runMerge) Swap(i, j int)      { m[i], m[j] = m[j], m[i] }
func (m *runMerge) Push(x any)        { *m = append(*m, x.(*runReader)) }
func (m *runMerge) Pop() any {
	old := *m
	r := old[len(old)-1]
	*m = old[:len(old)-1]
	return r
}

// push adds a run at its first line; an empty run is left out.
func (m *runMerge) push(r *runReader) error {
	switch err := r.read(); {
	case errors.Is(err, io.EOF):
		return nil
	case err != nil:
		return err
	}
	heap.Push(m, r)
	return nil
}

func (m *runMerge) next() (vaultLine, bool, error) {
	if m.Len() == 0 {
		return vaultLine{}, false, nil
	}
	r := (*m)[0]
	l := r.head
	switch err := r.read(); {
	case errors.Is(err, io.EOF):
		heap.Pop(m)
	case err != nil:
		return vaultLine{}, false, err
	default:
		heap.Fix(m, 0)
	}
	return l, true, nil
}

// lineStream hands out the sorted lines an actor at a time.
type lineStream struct {
	next    func() (vaultLine, bool, error)
	head    vaultLine
	hasHead bool
	done    bool
}

// each hands fn the lines of actor id, skipping those of actors before it (not in the
// export), and stops at the first line of a later actor.
func (st *lineStream) each(id int64, fn func(*vaultLine) error) error {
	for {
		if !st.hasHead && !st.done {
			var err error
			st.head, st.hasHead, err = st.next()
			if err != nil {
				return err
			}
			st.done = !st.hasHead
		}
		if st.done {
			return nil
		}
		switch k := st.head.actor; {
		case k < id:
			st.hasHead = false
		case k == id:
			st.hasHead = false
			if err := fn(&st.head); err != nil {
				return err
			}
		default:
			return nil
		}
	}
}

// relationBatch is how many relations the reader hands the line maker at a time.
const relationBatch = 256

// sortRelations reads every relation once and returns its lines sorted by actor. The
// reading (SQLite) and the making of the lines run side by side, on two goroutines;
// a failure of either stops both. The caller closes the sorter.
func sortRelations(ctx context.Context, j Job, types map[string]app.RelationType, dir string) (*lineSorter, error) {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	ls := &lineSorter{dir: dir, limit: vaultRunBytes}
	batches := make(chan []app.Relation, 4)
	made := make(chan error, 1)
	go func() {
		var err error
		for b := range batches {
			for i := range b {
				if err == nil {
					err = ls.addRelation(&b[i], types[b[i].Type])
				}
			}
			if err != nil {
				cancel() // the reader stops at its next page
			}
		}
		made <- err
	}()
	batch := make([]app.Relation, 0, relationBatch)
	send := func() error {
		select {
		case batches <- batch:
			batch = make([]app.Relation, 0, relationBatch)
			return nil
		case <-ctx.Done():
			return ctx.Err()
		}
	}
	err := j.Src.EachRelation(ctx, app.RelationQuery{}, func(r app.Relation) error {
		batch = append(batch, r)
		if len(batch) == relationBatch {
			return send()
		}
		return nil
	})
	if err == nil && len(batch) > 0 {
		err = send()
	}
	close(batches)
	if merr := <-made; merr != nil {
		err = merr // the reader only stopped because the line maker failed
	}
	if err != nil {
		ls.close()
		return nil, err
	}
	return ls, nil
}
