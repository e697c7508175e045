package main

import (
	"bytes"
	"context"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"dossier/app"
	"dossier/db"
)

// The damage cases, each on a real project file through the real binary: dossier check
// reports the damage (exit code and message), check --repair or restore from the newest
// backup brings back a project that passes the full check, and nothing is deleted or
// replaced without a copy.

// damageProject is a project of 300 invented articles (every fifth naming an actor, so
// there are mentions) with a verified backup in its backups folder.
type damageProject struct {
	t       *testing.T
	bin     string
	dir     string
	env     []string
	path    string
	backup  string // the newest verified backup
	backups string // the backups folder
}

const damageArticles = 300

func newDamageProject(t *testing.T) *damageProject {
	t.Helper()
	dir := t.TempDir()
	p := &damageProject{t: t, bin: dossierBinary(t), dir: dir, path: filepath.Join(dir, "p.dossier"),
		env: []string{"HOME=" + dir, "XDG_DATA_HOME=" + dir, "LANG=C.UTF-8"}}
	p.backups = app.BackupDir(filepath.Join(dir, "Dossier"), p.path)
	writeCrashArticles(t, filepath.Join(dir, "in"), damageArticles, "Orla Fenwick")
	p.must("actor", "add", "--db", p.path, "--create", "--name", "Orla Fenwick")
	p.must("import", "--db", p.path, filepath.Join(dir, "in"))
	p.backup = labelled(t, p.must("backup", "--db", p.path), "backup")
	return p
}

func (p *damageProject) must(args ...string) string {
	p.t.Helper()
	code, out, errOut := runBinary(p.t, p.bin, p.env, args...)
	if code != 0 || errOut != "" {
		p.t.Fatalf("dossier %s: exit %d\n%s\n%s", strings.Join(args, " "), code, out, errOut)
	}
	return out
}

// labelled returns the path printed after "label: " in out.
func labelled(t *testing.T, out, label string) string {
	t.Helper()
	m := regexp.MustCompile(`(?m)^` + regexp.QuoteMeta(label) + `: (.+)$`).FindStringSubmatch(out)
	if m == nil {
		t.Fatalf("no %q line in:\n%s", label, out)
	}
	return m[1]
}

// checkFails runs dossier check and wants exit 1 with each of want in its output.
func (p *damageProject) checkFails(want ...string) {
	p.t.Helper()
	code, out, errOut := runBinary(p.t, p.bin, p.env, "check", "--db", p.path)
	if code != 1 {
		p.t.Fatalf("check of the damaged project: exit %d, want 1\n%s\n%s", code, out, errOut)
	}
	for _, w := range want {
		if !strings.Contains(out+errOut, w) {
			p.t.Errorf("check of the damaged project does not say %q:\n%s\n%s", w, out, errOut)
		}
	}
	if !strings.Contains(errOut, p.path) {
		p.t.Errorf("check's message does not name the project %s: %s", p.path, errOut)
	}
}

// restoreKeepsCopy restores the newest backup over the damaged project and checks the
// damaged file was kept, byte for byte, before it was replaced; then the project passes the
// full check and holds the backup's articles.
func (p *damageProject) restoreKeepsCopy(damaged []byte) {
	p.t.Helper()
	out := p.must("restore", "--db", p.path, "--from", p.backup)
	kept := labelled(p.t, out, "copy of the damaged project (to undo the restore)")
	if b, err := os.ReadFile(kept); err != nil || !bytes.Equal(b, damaged) {
		p.t.Fatalf("the damaged project was not kept as it was (%v)", err)
	}
	mustPassCheck(p.t, p.bin, p.env, p.path, "the restore")
	if got := len(projectArticles(p.t, p.path, damageArticles)); got != damageArticles {
		p.t.Fatalf("restored %d articles, want %d", got, damageArticles)
	}
}

// pageOf returns the offset and size of a leaf page of table.
func pageOf(t *testing.T, path, table string) (int64, int) {
	t.Helper()
	ctx := context.Background()
	s, err := db.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	leaves, _, pageSize, err := s.PagesOf(ctx, table)
	if err != nil || len(leaves) < 3 {
		t.Fatalf("leaf pages of %s: %v %v", table, leaves, err)
	}
	return (leaves[len(leaves)/2] - 1) * int64(pageSize), pageSize
}

// TestCorruptedPageIsReportedAndRestored: a page of the articles table overwritten with
// garbage. check reports it and exits 1; --repair refuses to mend it in place and changes
// nothing; restore keeps the damaged file and brings back a whole project.
func TestCorruptedPageIsReportedAndRestored(t *testing.T) {
	p := newDamageProject(t)
	off, size := pageOf(t, p.path, "articles")
	data, err := os.ReadFile(p.path)
	if err != nil {
		t.Fatal(err)
	}
	copy(data[off:off+int64(size)], bytes.Repeat([]byte{0xA5}, size))
	if err := os.WriteFile(p.path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	p.checkFails("PROBLEM integrity", "opened read-only because damaged", "Restore a backup")
	if code, _, errOut := runBinary(t, p.bin, p.env, "check", "--db", p.path, "--repair"); code != 1 || !strings.Contains(errOut, "cannot be repaired in place") {
		t.Fatalf("check --repair of a damaged page: exit %d %s", code, errOut)
	}
	if b, _ := os.ReadFile(p.path); !bytes.Equal(b, data) {
		t.Fatal("check --repair changed the damaged file")
	}
	p.restoreKeepsCopy(data)
}

// TestDriftedIndexIsReportedAndRepaired: an article taken out of the full-text index
// behind Dossier's back. check reports the drift and exits 1; --repair backs the project
// up first, rebuilds the index and passes; no article, actor or mention is lost.
func TestDriftedIndexIsReportedAndRepaired(t *testing.T) {
	p := newDamageProject(t)
	conn, err := sql.Open("sqlite", "file:"+p.path)
	if err != nil {
		t.Fatal(err)
	}
	// The articles are plain ASCII, so their folded index text is their text.
	if _, err := conn.Exec(`INSERT INTO articles_fts(articles_fts, rowid, title, body, notes)
		SELECT 'delete', id, title, body, notes FROM articles WHERE title LIKE 'Dispatch 0007 %'`); err != nil {
		t.Fatal(err)
	}
	conn.Close()
	before := p.must("list", "actors", "--db", p.path, "--json")
	p.checkFails("PROBLEM full-text index articles_fts against the text", "dossier check --repair")
	out := p.must("check", "--db", p.path, "--repair")
	if !strings.Contains(out, "rebuilt the full-text index articles_fts") || strings.Contains(out, "PROBLEM") {
		t.Fatalf("check --repair:\n%s", out)
	}
	pre := labelled(t, out, "backup before the repair (to undo it)")
	if info, err := db.VerifyBackup(context.Background(), pre); err != nil || info.Counts.Articles != damageArticles || filepath.Dir(pre) != p.backups {
		t.Fatalf("the backup taken before the repair: %+v %v", info, err)
	}
	mustPassCheck(t, p.bin, p.env, p.path, "the repair")
	if got := len(projectArticles(t, p.path, damageArticles)); got != damageArticles {
		t.Fatalf("after the repair %d articles, want %d", got, damageArticles)
	}
	if after := p.must("list", "actors", "--db", p.path, "--json"); after != before {
		t.Fatalf("the repair changed the actors (and their mention counts):\n%s\n%s", before, after)
	}
	if found := p.must("search", "--db", p.path, "dispatch 0007"); !strings.Contains(found, "Dispatch 0007") {
		t.Fatalf("after the repair search does not find the article again:\n%s", found)
	}
}

// TestTruncatedFileIsReportedAndRestored: a project file cut short at a page boundary (a
// copy stopped half-way, a full disk). check says its end is missing and exits 1; restore
// keeps the cut file and brings back a whole project.
func TestTruncatedFileIsReportedAndRestored(t *testing.T) {
	p := newDamageProject(t)
	data, err := os.ReadFile(p.path)
	if err != nil {
		t.Fatal(err)
	}
	cut := data[:len(data)/4096*6/10*4096]
	if err := os.WriteFile(p.path, cut, 0o644); err != nil {
		t.Fatal(err)
	}
	p.checkFails("shorter than its header says", "its end is missing", "PROBLEM integrity", "Restore a backup")
	p.restoreKeepsCopy(cut)
}

// TestMissingWALLosesOnlyWhatItHeld: an import killed while the WAL held its committed
// batches (no checkpoint had copied them into the file), then the -wal file deleted, as a
// user tidying "odd files" might. The batches it held are lost: nothing can bring them
// back but a backup taken after them. What must hold: the project still opens and passes
// the full check, holding exactly what it held before that import (a consistent earlier
// state, never half a batch), and importing the same files again files exactly the lost
// articles.
func TestMissingWALLosesOnlyWhatItHeld(t *testing.T) {
	p := newDamageProject(t)
	more := filepath.Join(p.dir, "more")
	const extra = 1200
	writeCrashArticles(t, more, damageArticles+extra, "Orla Fenwick")
	for i := range damageArticles { // the first 300 are the project's already
		os.Remove(filepath.Join(more, fmt.Sprintf("a%04d.txt", i)))
	}
	run := runKilled(t, p.bin, p.env, killAt{afterLines: 1}, "import", "--db", p.path, more)
	if run.summary != "" || len(run.filed) == 0 {
		t.Fatalf("the import was not killed after filing a batch: %d filed, summary %q", len(run.filed), run.summary)
	}
	if st, err := os.Stat(p.path + "-wal"); err != nil || st.Size() == 0 {
		t.Fatalf("the killed import left no WAL: %v", err)
	}
	if err := os.Remove(p.path + "-wal"); err != nil {
		t.Fatal(err)
	}
	// The loss is said: the first check after it names the write-ahead log and exits 1.
	code, out, errOut := runBinary(t, p.bin, p.env, "check", "--db", p.path)
	if code != 1 || !strings.Contains(out+errOut, "write-ahead log") || !strings.Contains(out+errOut, "lost") {
		t.Fatalf("the first check after the WAL was deleted: exit %d\n%s\n%s\nwant the loss said", code, out, errOut)
	}
	mustPassCheck(t, p.bin, p.env, p.path, "deleting the WAL, once the loss was said")
	have := projectArticles(t, p.path, damageArticles+extra)
	if len(have) != damageArticles {
		t.Fatalf("after the WAL was deleted the project holds %d articles, want the %d it held before the import", len(have), damageArticles)
	}
	t.Logf("the killed import had reported %d articles filed; its committed batches were in the deleted WAL and are lost", len(run.filed))
	again := runKilled(t, p.bin, p.env, killAt{afterLines: -1}, "import", "--db", p.path, more)
	if want := fmt.Sprintf("%d filed, 0 duplicates, 0 refused", extra); again.summary != want || again.code != 0 {
		t.Fatalf("the import again: exit %d, %q, want %q", again.code, again.summary, want)
	}
	mustPassCheck(t, p.bin, p.env, p.path, "importing again")
}
