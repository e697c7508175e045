package views

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"dossier/app"
	"dossier/db"
)

// autosaveChildEnv names the project a child process of TestNoteAutosaveSurvivesKill
// writes a note into; TestMain runs the child instead of the tests when it is set.
const autosaveChildEnv = "DOSSIER_NOTES_AUTOSAVE_CHILD"

func TestMain(m *testing.M) {
	if path := os.Getenv(autosaveChildEnv); path != "" {
		autosaveChild(path)
		return
	}
	os.Exit(m.Run())
}

// autosaveChildText is what the child types; nothing saves it but the autosave's own clock.
const autosaveChildText = "Meeting notes: the envoy left early. [[Harbour Board]] declined to comment"

// autosaveChild opens the project as the window does, types a note into a new note's
// editor with the real autosave clock, says when the autosave stored it, and then hangs
// until it is killed.
func autosaveChild(path string) {
	test.NewApp()
	st, err := db.Open(context.Background(), path)
	if err != nil {
		fmt.Println("ERROR", err)
		os.Exit(1)
	}
	u := newUI(context.Background(), test.NewWindow(nil), st)
	// The real clock, with what it fires handed to this goroutine, as the window's driver
	// runs fyne.Do on its one main thread: the headless driver would run the autosave on
	// the timer's own goroutine, beside the typing (a race the race detector reported
	// when a keystroke took over a second, and which the window never has).
	fired := make(chan func(), 16)
	u.notes.after = func(d time.Duration, f func()) app.Timer {
		return time.AfterFunc(d, func() { fired <- f })
	}
	saved := make(chan app.Note, 4)
	u.notes.newNote()
	ed := u.notes.ed
	ed.onSaved = func(n app.Note) { saved <- n }
	typed := time.Now()
	fyne.DoAndWait(func() { test.Type(ed.source, autosaveChildText) })
	var n app.Note
	for waiting := true; waiting; {
		select {
		case f := <-fired:
			f()
		case n = <-saved:
			waiting = false
		}
	}
	fmt.Printf("SAVED %d after %s\n", n.ID, time.Since(typed).Round(time.Millisecond))
	select {} // killed here
}

// TestNoteAutosaveSurvivesKill runs the editor in a child process, lets the autosave store
// what was typed (nothing else saves it: no Ctrl+S, no leaving the screen), kills the
// child with SIGKILL and opens the project: the text is there and the project is whole.
func TestNoteAutosaveSurvivesKill(t *testing.T) {
	path := filepath.Join(t.TempDir(), "kill.dossier")
	st, err := db.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	st.CreateActor(context.Background(), app.Actor{Name: "Harbour Board", Kind: app.Organisation})
	st.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), autosaveChildEnv+"="+path)
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	cmd.Stderr = os.Stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	line, err := bufio.NewReader(out).ReadString('\n')
	if err != nil || !strings.HasPrefix(line, "SAVED ") {
		cmd.Process.Kill()
		cmd.Wait()
		t.Fatalf("the child said %q (%v)", line, err)
	}
	t.Logf("child: %s", strings.TrimSpace(line))
	if err := cmd.Process.Kill(); err != nil {
		t.Fatal(err)
	}
	cmd.Wait()

	st, err = db.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	rows, err := st.Notes(context.Background(), app.NoteQuery{})
	if err != nil || len(rows) != 1 {
		t.Fatalf("notes after the kill: %+v, %v", rows, err)
	}
	n, _ := st.Note(context.Background(), rows[0].ID)
	if n.Body != autosaveChildText {
		t.Errorf("after the kill the note holds %q, want %q", n.Body, autosaveChildText)
	}
	if links, _ := st.NoteLinks(context.Background(), n.ID); len(links) != 1 || links[0].Status != app.LinkResolved {
		t.Errorf("the link was not saved with the text: %+v", links)
	}
	if rep, err := st.Check(context.Background()); err != nil || !rep.OK() {
		t.Errorf("check after the kill: %+v, %v", rep, err)
	}
}
