package cli_test

import (
	"bytes"
	"context"
	"database/sql"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"dossier/db"
	"dossier/db/dbtest"
)

// commandsOn are command lines that each open the project at path, reading or writing.
func commandsOn(p *project, path string) [][]string {
	article := p.write("in/a.txt", []byte(strikeText))
	return [][]string{
		{"list", "articles", "--db", path},
		{"list", "actors", "--db", path, "--json"},
		{"search", "--db", path, "harbour"},
		{"suggest", "--db", path},
		{"export", "relations", "--db", path},
		{"backup", "--db", path},
		{"import", "--db", path, article},
		{"actor", "add", "--db", path, "--name", "Ada Keller"},
	}
}

// TestNewProjectOnlyWithCreate: no command turns a missing or empty file into a project
// unless --create says so; the refusal names the file and the flag.
func TestNewProjectOnlyWithCreate(t *testing.T) {
	p := newProject(t)
	missing := filepath.Join(p.dir, "typo.dossier")
	empty := p.write("empty.dossier", nil)
	for _, path := range []string{missing, empty} {
		for _, args := range commandsOn(p, path) {
			r := p.run(args...)
			if r.code != 1 || !strings.Contains(r.errOut, path) || !strings.Contains(r.errOut, "--create") {
				t.Errorf("%q: exit %d, stderr %q; want 1 and a message naming the file and --create", args, r.code, r.errOut)
			}
		}
	}
	if _, err := os.Stat(missing); !os.IsNotExist(err) {
		t.Errorf("a command without --create made %s (%v)", missing, err)
	}
	if st, _ := os.Stat(empty); st.Size() != 0 {
		t.Errorf("a command without --create wrote %d bytes into the empty file", st.Size())
	}
	for _, path := range []string{missing, empty} {
		if out := p.must("actor", "add", "--db", path, "--create", "--name", "Ada Keller"); !strings.Contains(out, "Ada Keller") {
			t.Errorf("actor add --create: %q", out)
		}
		if out := p.must("list", "actors", "--db", path); !strings.Contains(out, "Ada Keller") {
			t.Errorf("the created project lacks its actor: %q", out)
		}
	}
}

// TestForeignFilesUnchangedByCommands runs every command, with and without --create, on
// files that are not Dossier projects, and checks each is refused and left byte for byte.
func TestForeignFilesUnchangedByCommands(t *testing.T) {
	p := newProject(t)
	foreign := filepath.Join(p.dir, "contacts.db")
	emptyDB := filepath.Join(p.dir, "blank.db")
	sqliteFile(t, foreign, "CREATE TABLE contacts(name TEXT); INSERT INTO contacts VALUES ('Ada');")
	sqliteFile(t, emptyDB, "CREATE TABLE t(x); DROP TABLE t;")
	text := p.write("notes.txt", []byte("not a project at all\n"))
	for _, path := range []string{foreign, emptyDB, text} {
		before, _ := os.ReadFile(path)
		for _, args := range commandsOn(p, path) {
			for _, extra := range [][]string{nil, {"--create"}} {
				r := p.run(append(append([]string{}, args...), extra...)...)
				if r.code != 1 || !strings.Contains(r.errOut, "not a Dossier project") || strings.Contains(r.errOut, "newer version") {
					t.Errorf("%q %q: exit %d, stderr %q", args, extra, r.code, r.errOut)
				}
				if after, _ := os.ReadFile(path); !bytes.Equal(before, after) {
					t.Fatalf("%q %q changed %s", args, extra, path)
				}
			}
		}
		for _, ext := range []string{"-wal", "-shm", "-journal"} {
			if _, err := os.Stat(path + ext); err == nil {
				t.Errorf("a refused open left %s%s", path, ext)
			}
		}
	}
}

// sqliteFile makes a database as another program would: with the sqlite3 tool when it is
// installed, else through a plain connection that sets none of Dossier's pragmas.
func sqliteFile(t *testing.T, path, script string) {
	t.Helper()
	if _, err := exec.LookPath("sqlite3"); err == nil {
		if out, err := exec.Command("sqlite3", path, script).CombinedOutput(); err != nil {
			t.Fatalf("sqlite3: %v %s", err, out)
		}
		return
	}
	conn, err := sql.Open("sqlite", "file:"+path)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	if _, err := conn.Exec(script); err != nil {
		t.Fatal(err)
	}
}

// TestListOfDamagedProjectFails damages one page of the articles table of a real
// 5,000-article project: list must fail with a clear message, never print a short list
// and exit 0 (before the fix it printed 499 of 5,000 articles).
func TestListOfDamagedProjectFails(t *testing.T) {
	ctx := context.Background()
	p := noProject(t)
	s, err := db.Create(ctx, p.db)
	if err != nil {
		t.Fatal(err)
	}
	if err := dbtest.Synthesize(ctx, s.Path(), dbtest.Sizes{Articles: 5000, Actors: 40, Relations: 100}, 3, nil); err != nil {
		t.Fatal(err)
	}
	_, interior, pageSize, err := s.PagesOf(ctx, "articles")
	if err != nil || len(interior) < 2 {
		t.Fatalf("interior pages %v, %v", interior, err)
	}
	s.Close()
	f, err := os.OpenFile(p.db, os.O_RDWR, 0)
	if err != nil {
		t.Fatal(err)
	}
	// Eight bytes of cell pointers in an interior page: SQLite itself does not notice when
	// a lookup goes astray, it just misses the row.
	if _, err := f.WriteAt(bytes.Repeat([]byte{0xFF}, 8), (interior[1]-1)*int64(pageSize)+100); err != nil {
		t.Fatal(err)
	}
	f.Close()
	for _, args := range [][]string{{"list", "articles"}, {"list", "articles", "--json"}} {
		r := p.run(args...)
		if r.code != 1 {
			t.Fatalf("%q on a damaged project: exit %d, %d lines out", args, r.code, strings.Count(r.out, "\n"))
		}
		// Found by the open-time check (which names the file and the page) or, on a machine
		// too slow to check this table in time, by the read that meets the page.
		for _, want := range []string{"damaged", "Save a copy"} {
			if !strings.Contains(r.errOut, want) {
				t.Errorf("%q: stderr lacks %q: %s", args, want, r.errOut)
			}
		}
	}
}
