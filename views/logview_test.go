package views

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"dossier/app"
	"dossier/db"
)

// TestErrorDialogNeverShowsDriverWords: whatever error reaches the window's error dialog
// (a driver's own error, bare or wrapped, an internal error with a driver cause, a failed
// store call), the dialog says it in plain words, without a word of the driver's, and the
// log gets the driver's words.
func TestErrorDialogNeverShowsDriverWords(t *testing.T) {
	u, _ := newTestUI(t)
	var logged []string
	app.SetErrorLog(func(err error) { logged = append(logged, err.Error()) })
	t.Cleanup(func() { app.SetErrorLog(nil) })

	conn, err := sql.Open("sqlite", "file:"+filepath.Join(t.TempDir(), "raw.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	_, driverErr := conn.Exec("SELECT bogus FROM nowhere")
	if driverErr == nil {
		t.Fatal("the bad query succeeded")
	}
	closed, err := db.Open(context.Background(), filepath.Join(t.TempDir(), "closed.dossier"))
	if err != nil {
		t.Fatal(err)
	}
	closed.Close()
	_, closedErr := closed.Actor(context.Background(), 1)

	driverWords := []string{"SQL logic error", "no such table", "nowhere", "sql: ", "database is closed"}
	for _, err := range []error{
		driverErr,
		fmt.Errorf("article 3: %w", driverErr),
		&app.Error{Code: app.EINTERNAL, Message: "The disk is full; nothing was changed.", Err: driverErr},
		closedErr,
	} {
		want := app.ErrorMessage(err)
		logged = nil
		u.showError(err)
		text := topText(u)
		for _, w := range driverWords {
			if strings.Contains(text, w) {
				t.Errorf("the dialog for %q shows %q: %s", err, w, text)
			}
		}
		if !strings.Contains(text, want) {
			t.Errorf("the dialog for %q lacks its message: %s", err, text)
		}
		if len(logged) != 1 || !strings.Contains(logged[0], innermost(err).Error()) {
			t.Errorf("the log did not get %q: %q", err, logged)
		}
		u.win.Canvas().Overlays().Top().Hide()
	}
}

// innermost is the cause at the bottom of err's chain.
func innermost(err error) error {
	for errors.Unwrap(err) != nil {
		err = errors.Unwrap(err)
	}
	return err
}

// TestShowLog: Help ▸ Show log shows the end of the log file, and Copy puts it on the
// clipboard.
func TestShowLog(t *testing.T) {
	test.NewTempApp(t)
	ctx := context.Background()
	dir := t.TempDir()
	logPath := filepath.Join(dir, app.LogName)
	if err := os.WriteFile(logPath, []byte("2026/12/03 02:00:00 error: update actor 7: SQL logic error: no such column: x (1)\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	st, err := db.Open(ctx, filepath.Join(dir, "p.dossier"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	w := test.NewTempWindow(t, nil)
	w.Resize(fyne.NewSize(1200, 800))
	mw := newWindow(ctx, w, st, Projects{LogPath: logPath}, true)
	var show *fyne.MenuItem
	for _, m := range w.MainMenu().Items {
		for _, it := range m.Items {
			if m.Label == "Help" && it.Label == "Show log" {
				show = it
			}
		}
	}
	if show == nil {
		t.Fatal("no Help ▸ Show log")
	}
	show.Action()
	if text := topText(mw.u); !strings.Contains(text, "update actor 7: SQL logic error") || !strings.Contains(text, logPath) {
		t.Fatalf("the log dialog shows: %s", text)
	}
	var copyButton *widget.Button
	for _, o := range test.LaidOutObjects(w.Canvas().Overlays().Top()) {
		if b, ok := o.(*widget.Button); ok && b.Text == "Copy" {
			copyButton = b
		}
	}
	if copyButton == nil {
		t.Fatal("no Copy button")
	}
	test.Tap(copyButton)
	if got := fyne.CurrentApp().Clipboard().Content(); !strings.Contains(got, "update actor 7") {
		t.Errorf("the clipboard holds %q", got)
	}
}
