package cli_test

import (
	"bytes"
	"context"
	"crypto/sha256"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"

	"dossier/app/cli"
)

// holdWriteLock makes another program hold the project's write lock until release.
func holdWriteLock(t *testing.T, path string) (release func()) {
	t.Helper()
	ctx := context.Background()
	h, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	conn, err := h.Conn(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := conn.ExecContext(ctx, "BEGIN IMMEDIATE"); err != nil {
		t.Fatal(err)
	}
	var once sync.Once
	release = func() {
		once.Do(func() {
			conn.ExecContext(ctx, "ROLLBACK")
			conn.Close()
			h.Close()
		})
	}
	t.Cleanup(release)
	return release
}

// A command that cannot get the project within --wait exits with 75 ("try again"), after
// one line saying it waits, and a message that says to try again.
func TestBusyProjectExitsTryAgain(t *testing.T) {
	p := newProject(t)
	holdWriteLock(t, p.db)
	for _, wait := range []string{"0", "3"} {
		r := p.run("actor", "add", "--db", p.db, "--name", "Waiting Person", "--wait", wait)
		if r.code != cli.ExitTryAgain || cli.ExitTryAgain != 75 {
			t.Fatalf("--wait %s: exit %d, want 75\n%s", wait, r.code, r.errOut)
		}
		if !strings.Contains(r.errOut, "Try again") || !strings.Contains(r.errOut, "another program kept writing to it") {
			t.Fatalf("--wait %s: stderr = %q", wait, r.errOut)
		}
		told := strings.Count(r.errOut, "dossier: waiting for the project: another program is writing to it…\n")
		if want := map[string]int{"0": 0, "3": 1}[wait]; told != want {
			t.Fatalf("--wait %s: the wait was told %d times, want %d:\n%s", wait, told, want, r.errOut)
		}
	}
	r := p.run("actor", "add", "--db", p.db, "--name", "X", "--wait", "-1")
	if r.code != 2 {
		t.Fatalf("--wait -1: exit %d", r.code)
	}
}

// signalWriter is a stderr that tells the test when something was written to it.
type signalWriter struct {
	mu    sync.Mutex
	buf   bytes.Buffer
	wrote chan struct{}
}

func (w *signalWriter) Write(b []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	select {
	case w.wrote <- struct{}{}:
	default:
	}
	return w.buf.Write(b)
}

// An import that meets another program writing waits, says so once on stderr, and files
// everything once the other is done: exit 0.
func TestImportWaitsForAnotherWriter(t *testing.T) {
	p := newProject(t)
	src := p.write("in/strike.txt", []byte(strikeText))
	release := holdWriteLock(t, p.db)
	var out bytes.Buffer
	errOut := &signalWriter{wrote: make(chan struct{}, 1)}
	done := make(chan int, 1)
	go func() {
		done <- cli.Run(context.Background(), []string{"import", "--db", p.db, src}, p.env(&out, errOut))
	}()
	select {
	case <-errOut.wrote:
	case code := <-done:
		t.Fatalf("the import ended (exit %d) without waiting: %s", code, errOut.buf.String())
	}
	release()
	if code := <-done; code != 0 {
		t.Fatalf("exit %d: %s", code, errOut.buf.String())
	}
	if got := errOut.buf.String(); got != "dossier: waiting for the project: another program is writing to it…\n" {
		t.Fatalf("stderr = %q", got)
	}
	if !strings.Contains(out.String(), "1 filed,") {
		t.Fatalf("stdout = %q", out.String())
	}
}

// dirState is a folder's files with their sizes, times and contents' hashes.
func dirState(t *testing.T, dir string) []string {
	t.Helper()
	es, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range es {
		st, err := os.Stat(filepath.Join(dir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		sum := ""
		if !st.IsDir() {
			b, _ := os.ReadFile(filepath.Join(dir, e.Name()))
			sum = fmt.Sprintf("%x", sha256.Sum256(b))
		}
		out = append(out, fmt.Sprintf("%s %d %s %s", e.Name(), st.Size(), st.ModTime(), sum))
	}
	return out
}

// commandNames lists the commands the usage names.
func commandNames(t *testing.T, p *project) []string {
	t.Helper()
	_, list, _ := strings.Cut(p.must("help"), "\nCommands:\n")
	list, _, _ = strings.Cut(list, "\n\n")
	var names []string
	for _, l := range strings.Split(list, "\n") {
		if f := strings.Fields(l); len(f) > 0 {
			names = append(names, f[0])
		}
	}
	return names
}

// The --read-only rule, for every command: a command that only reads runs with
// --read-only on a read-only project in a read-only folder and leaves the folder exactly
// as it was (no -wal, no -shm: compared file by file, so it holds when the test runs as
// root, whom permissions do not stop); a command that writes refuses --read-only by name
// (exit 2) and changes nothing either.
func TestReadOnlyCommandsWriteNothing(t *testing.T) {
	p := newProject(t)
	p.write("in/strike.txt", []byte(strikeText))
	p.must("import", "--db", p.db, filepath.Join(p.dir, "in"))
	p.must("actor", "add", "--db", p.db, "--name", "Port Operator")
	p.must("actor", "add", "--db", p.db, "--name", "Dock Union")
	p.must("relate", "--db", p.db, "--from", "Dock Union", "--type", "threatens", "--to", "Port Operator", "--undated")
	p.must("note", "add", "--db", p.db, "--text", "[[Dock Union]] may strike.")
	ro := filepath.Join(p.dir, "ro")
	os.Mkdir(ro, 0o755)
	if err := os.Rename(p.db, filepath.Join(ro, "research.dossier")); err != nil {
		t.Fatal(err)
	}
	p.db = filepath.Join(ro, "research.dossier")
	os.Chmod(p.db, 0o444)
	os.Chmod(ro, 0o555)
	t.Cleanup(func() { os.Chmod(ro, 0o755) })

	reads := map[string][][]string{
		"list":    {{"list", "articles"}, {"list", "actors"}, {"list", "relations", "--json"}},
		"search":  {{"search", "harbour"}},
		"suggest": {{"suggest"}},
		"actors":  {{"actors", "duplicates"}, {"actors", "duplicates", "--json"}},
		"check":   {{"check"}},
		"export":  {{"export", "relations"}, {"export", "dossier", "--actor", "Dock Union"}},
		"note":    {{"note", "show", "1"}, {"list", "notes", "--json"}},
		"graph":   {{"graph"}, {"graph", "--actor", "Dock Union", "--hops", "2", "--format", "dot"}},
		"path":    {{"path", "--from", "Dock Union", "--to", "Port Operator", "--json"}},
	}
	writes := map[string][][]string{
		"import":  {{"import", filepath.Join(p.dir, "in")}},
		"actor":   {{"actor", "add", "--name", "Someone"}, {"actor", "merge", "--from", "Dock Union", "--into", "Port Operator"}, {"actor", "not-same", "Dock Union", "Port Operator"}},
		"relate":  {{"relate", "--from", "Port Operator", "--type", "threatens", "--to", "Dock Union", "--undated"}},
		"backup":  {{"backup"}},
		"restore": {{"restore", "--from", p.db}},
		"check":   {{"check", "--repair"}},
		"merge":   {{"merge", filepath.Join(p.dir, "other.dossier")}},
		"note":    {{"note", "add", "--text", "More."}},
		"sync":    {{"sync", "--hub", "postgres://nobody@127.0.0.1:1/none", "--collection", "desk"}},
	}
	for _, name := range commandNames(t, p) {
		// hub works on the team's PostgreSQL database, never on a project file.
		if _, ok := reads[name]; !ok && name != "help" && name != "version" && name != "hub" && writes[name] == nil {
			t.Errorf("command %s is in neither list of this test: say whether it reads or writes", name)
		}
	}
	before := dirState(t, ro)
	for name, lines := range reads {
		for _, args := range lines {
			args = append(args, "--db", p.db, "--read-only")
			r := p.run(args...)
			if r.code != 0 || r.errOut != "" {
				t.Errorf("dossier %s: exit %d, stderr %q", strings.Join(args, " "), r.code, r.errOut)
			}
			if r.out == "" && name != "suggest" { // no name to suggest in this project
				t.Errorf("dossier %s printed nothing", strings.Join(args, " "))
			}
			if after := dirState(t, ro); !slices.Equal(before, after) {
				t.Fatalf("dossier %s wrote into the project's folder:\nbefore %v\nafter  %v", strings.Join(args, " "), before, after)
			}
		}
	}
	refusal := regexp.MustCompile(`--read-only|cannot go with --read-only`)
	for _, lines := range writes {
		for _, args := range lines {
			args = append(args, "--db", p.db, "--read-only")
			r := p.run(args...)
			if r.code != 2 || !refusal.MatchString(r.errOut) {
				t.Errorf("dossier %s: exit %d, stderr %q; want a refusal of --read-only (exit 2)", strings.Join(args, " "), r.code, r.errOut)
			}
			if after := dirState(t, ro); !slices.Equal(before, after) {
				t.Fatalf("dossier %s changed the project's folder", strings.Join(args, " "))
			}
		}
	}
}

// Readers never wait for writers: while another program holds the project's write lock
// (a script's import batch), every command that only reads runs at once, even with
// --wait 0, and says nothing about waiting.
func TestReadersDoNotWaitForWriters(t *testing.T) {
	p := newProject(t)
	p.write("in/strike.txt", []byte(strikeText))
	p.must("import", "--db", p.db, filepath.Join(p.dir, "in"))
	p.must("actor", "add", "--db", p.db, "--name", "Port Operator")
	release := holdWriteLock(t, p.db)
	defer release()
	for _, args := range [][]string{
		{"list", "articles"}, {"list", "actors"}, {"list", "relations"},
		{"search", "harbour"}, {"suggest"}, {"check"},
		{"export", "relations"}, {"export", "dossier", "--actor", "Port Operator"},
	} {
		args = append(args, "--db", p.db, "--wait", "0")
		r := p.run(args...)
		if r.code != 0 || r.errOut != "" {
			t.Errorf("dossier %s beside a writer: exit %d, stderr %q", strings.Join(args, " "), r.code, r.errOut)
		}
	}
}
