package views

import (
	"bytes"
	"context"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"dossier/app"
)

// browserRows is what the chooser lists, as shown.
func browserRows(b *browser) []string {
	var rows []string
	for i := range b.entries {
		o := b.list.CreateItem()
		b.updateRow(i, o)
		rows = append(rows, o.(*fyne.Container).Objects[1].(*widget.Label).Text)
	}
	return rows
}

// TestImportChooserShowsFilesAndRemembersFolder: the import's chooser is titled plainly,
// starts in the home folder (not the working folder), shows the files of each folder,
// hidden ones aside, and opens next time in the folder of the last import.
func TestImportChooserShowsFilesAndRemembersFolder(t *testing.T) {
	home := t.TempDir()
	t.Setenv("HOME", home)
	t.Setenv("USERPROFILE", home)
	writeTestFiles(t, home, map[string]string{
		"inbox/2026/a.txt": "Harbour levy\n\nThe council met.", "inbox/b.md": "# Ferry\n\nIt sailed.",
		"inbox/.hidden.txt": "x", "notes.txt": "y",
	})
	u, _ := newTestUI(t)
	imp := u.importer()
	var got []string
	b := imp.browse(false, func(p string) { got = append(got, p) })
	if b.dir != home {
		t.Fatalf("the chooser starts in %s, want the home folder %s", b.dir, home)
	}
	if title := impOverlayText(u); !strings.Contains(title, "Import a folder of articles") {
		t.Errorf("the chooser says %q", title)
	}
	if rows := browserRows(b); !slices.Equal(rows, []string{"inbox" + string(filepath.Separator), "notes.txt"}) {
		t.Errorf("home lists %q", rows)
	}
	b.selected(0) // into inbox: its folder and its file are shown, the hidden file is not
	if rows := browserRows(b); !slices.Equal(rows, []string{"2026" + string(filepath.Separator), "b.md"}) {
		t.Errorf("inbox lists %q", rows)
	}
	if !strings.Contains(b.note.Text, "1 file and 1 folder") {
		t.Errorf("the note says %q", b.note.Text)
	}
	b.selected(1) // a file in a folder chooser is shown, not chosen
	if b.chosen != -1 || b.ok.Disabled() {
		t.Errorf("choosing a file in a folder chooser: chosen %d, button disabled %v", b.chosen, b.ok.Disabled())
	}
	test.Tap(b.ok)
	inbox := filepath.Join(home, "inbox")
	if !slices.Equal(got, []string{inbox}) {
		t.Fatalf("imported %q, want the inbox folder", got)
	}

	// The next chooser, of a file this time, opens where the last import was chosen.
	got = nil
	b = imp.browse(true, func(p string) { got = append(got, p) })
	if b.dir != inbox {
		t.Fatalf("the second chooser starts in %s, want %s", b.dir, inbox)
	}
	if !b.ok.Disabled() {
		t.Error("a file chooser can confirm before a file is chosen")
	}
	b.selected(1)
	test.Tap(b.ok)
	if !slices.Equal(got, []string{filepath.Join(inbox, "b.md")}) {
		t.Errorf("imported %q, want b.md", got)
	}
}

// TestFileDialogsLogNothingAboutMissingFolders: Fyne's file dialogs log an error for
// every usual folder a home lacks (Videos…); the window keeps those lines out of the log,
// and only those.
func TestFileDialogsLogNothingAboutMissingFolders(t *testing.T) {
	home := t.TempDir() // no Documents, Music, Pictures, Videos
	t.Setenv("HOME", home)
	t.Setenv("XDG_CONFIG_HOME", filepath.Join(home, ".config"))
	var buf bytes.Buffer
	old, flags := log.Writer(), log.Flags()
	log.SetOutput(&buf)
	t.Cleanup(func() { log.SetOutput(old); log.SetFlags(flags) })

	u, _ := newTestUI(t)
	u.importer().saveWithDialog("import-report.txt", "report") // Fyne's own save dialog
	log.Print("another message")
	if strings.Contains(buf.String(), "favorite") || strings.Contains(buf.String(), "VIDEOS") || strings.Contains(buf.String(), "Cause:") {
		t.Errorf("the log says:\n%s", buf.String())
	}
	if !strings.Contains(buf.String(), "another message") {
		t.Errorf("other messages are lost: %q", buf.String())
	}
}

func writeTestFiles(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, text := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// TestImportSummaryShowsEveryWarning checks the rule for every kind of import warning:
// a filed article's warning is listed in the summary, its count is in the summary's note,
// and both are in the saved report. A long reason can be read in full.
func TestImportSummaryShowsEveryWarning(t *testing.T) {
	u, _ := newTestUI(t)
	imp := u.importer()
	r := &importRun{imp: imp, paths: []string{"/inbox"}, started: time.Date(2026, 5, 1, 15, 30, 0, 0, time.UTC)}
	var sum app.ImportSummary
	for i, kind := range app.WarningKinds {
		res := app.ImportResult{Path: fmt.Sprintf("/inbox/%d.txt", i), Outcome: app.ImportFiled, Title: "Report " + kind, ID: int64(i + 1),
			Warnings: []app.ImportWarning{{Kind: kind, Message: "the warning of kind " + kind, Tally: "with the tally " + kind}}}
		r.result(res)
		sum.Filed++
		sum.Files++
		sum.Warn(res.Warnings)
	}
	long := "“long.txt” " + strings.Repeat("could not be read for a reason that takes many words to say; ", 12) + "the end."
	r.result(app.ImportResult{Path: "/inbox/long.txt", Outcome: app.ImportRefused, Message: long})
	sum.Refused++
	sum.Files++
	imp.showSummary(r, sum, nil)
	s := imp.summary

	var rows []string
	for i := range s.problems {
		row := newProblemRow()
		s.updateRow(i, row)
		labels := row.(*fyne.Container).Objects
		rows = append(rows, labels[0].(*widget.Label).Text+" — "+labels[1].(*widget.Label).Text)
	}
	for i, kind := range app.WarningKinds {
		msg, tally := "the warning of kind "+kind, "1 with the tally "+kind
		if i >= len(rows) || !strings.Contains(rows[i], msg) || !strings.HasPrefix(rows[i], "Filed with warnings: ") {
			t.Errorf("kind %s: the list lacks %q:\n%s", kind, msg, strings.Join(rows, "\n"))
		}
		if !strings.Contains(s.note.Text, tally) {
			t.Errorf("kind %s: the note lacks %q: %q", kind, tally, s.note.Text)
		}
		if !strings.Contains(s.report, msg) || !strings.Contains(s.report, tally) {
			t.Errorf("kind %s: the report lacks %q or %q:\n%s", kind, msg, tally, s.report)
		}
	}

	// Selecting the refusal shows its reason in full, wrapped.
	s.list.Select(len(app.WarningKinds))
	if text := impOverlayText(u); !strings.Contains(text, "the end.") || !strings.Contains(text, "Refused") {
		t.Errorf("the details of the refusal say %q", text)
	}
}

// hungReadStore stands for a project whose import is stuck reading a file (a network
// share gone away): it reports one file's progress, then waits for the cancel alone.
type hungReadStore struct {
	Store
}

func (s hungReadStore) ImportFiles(ctx context.Context, paths []string, opt app.ImportOptions) (app.ImportSummary, error) {
	opt.Progress(app.ImportProgress{Files: 1, TotalFiles: 2, Current: paths[0]})
	<-ctx.Done()
	return app.ImportSummary{Files: 1, Cancelled: true}, ctx.Err()
}

// TestImportCancelEndsAHungRead: the window's Cancel ends an import whose reading hangs:
// the cancel reaches the store at once and the summary says the import was cancelled.
// (db's TestImportCancelWhileAReadHangs shows the store itself returns on the cancel.)
func TestImportCancelEndsAHungRead(t *testing.T) {
	for _, how := range []string{"Cancel", "Esc"} {
		u, st := newTestUI(t)
		u.store = hungReadStore{Store: st}
		imp := u.importer()
		tapped := false
		imp.observe = func(app.ImportProgress) {
			if !tapped {
				tapped = true
				if how == "Esc" {
					pressKey(u, fyne.KeyEscape)
				} else {
					impTap(t, u, "Cancel") // the progress dialog's
				}
			}
		}
		u.importPaths([]string{t.TempDir()}) // would hang here if Cancel did not cancel
		if !tapped || imp.summary == nil || imp.run != nil {
			t.Fatalf("%s: tapped %v, summary %v, still running %v", how, tapped, imp.summary != nil, imp.run != nil)
		}
		if !strings.Contains(imp.summary.note.Text, "You cancelled the import") {
			t.Errorf("%s: the summary says %q", how, imp.summary.note.Text)
		}
	}
}

// TestImportDialogsAnswerTheKeys: the import's dialogs close on Esc like every other (the
// progress dialog's Esc is its Cancel), and Enter closes the summary.
func TestImportDialogsAnswerTheKeys(t *testing.T) {
	t.Setenv("HOME", t.TempDir())
	u, _ := newTestUI(t)
	imp := u.importer()
	summary := func() {
		r := &importRun{imp: imp, paths: []string{"/inbox"}, started: time.Now()}
		r.result(app.ImportResult{Path: "/inbox/a.txt", Outcome: app.ImportRefused, Message: "“a.txt” is empty."})
		imp.showSummary(r, app.ImportSummary{Files: 1, Refused: 1}, nil)
	}
	for name, open := range map[string]func(){
		"import articles": imp.choose,
		"folder chooser":  func() { imp.browse(false, func(string) {}) },
		"file chooser":    func() { imp.browse(true, func(string) {}) },
		"summary":         summary,
		"details":         func() { summary(); imp.summary.list.Select(0) },
	} {
		before := overlays(u)
		open()
		opened := overlays(u)
		if opened <= before {
			t.Fatalf("%s: no dialog opened", name)
		}
		pressKey(u, fyne.KeyEscape)
		if got := overlays(u); got != opened-1 {
			t.Errorf("%s: %d dialogs open after Esc, want %d", name, got, opened-1)
		}
		for overlays(u) > 0 {
			u.win.Canvas().Overlays().Top().Hide()
		}
	}
	summary()
	pressKey(u, fyne.KeyReturn)
	if overlays(u) != 0 {
		t.Errorf("Enter leaves the summary open")
	}
}
