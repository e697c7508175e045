package views

import (
	"context"
	"database/sql"
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

// checkWindow builds the main window over a real project holding two articles, after
// tamper (if any) has changed the closed file behind Dossier's back.
func checkWindow(t *testing.T, tamper ...string) (*Window, *db.Store) {
	t.Helper()
	test.NewTempApp(t)
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "c.dossier")
	st, err := db.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	mustArticle(t, st, "Harbour board meets over ferry tariffs", "2026-03-02", "Ayşe Işıklı told the harbour board that ferry tariffs would rise in May.")
	mustArticle(t, st, "Bridge inspection delayed again", "2026-03-03", "The inspection of the old rail bridge slipped to the autumn.")
	st.Close()
	if len(tamper) > 0 {
		conn, err := sql.Open("sqlite", "file:"+path)
		if err != nil {
			t.Fatal(err)
		}
		for _, q := range tamper {
			if _, err := conn.Exec(q); err != nil {
				t.Fatalf("%s: %v", q, err)
			}
		}
		conn.Close()
	}
	if st, err = db.Open(ctx, path); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	w := test.NewTempWindow(t, nil)
	w.Resize(fyne.NewSize(1200, 800))
	return newWindow(ctx, w, st, Projects{DataDir: t.TempDir()}, true), st
}

// checkButton returns the visible button labelled text in the top dialog, nil when none.
func checkButton(u *UI, text string) *widget.Button {
	top := u.win.Canvas().Overlays().Top()
	if top == nil {
		return nil
	}
	for _, o := range test.LaidOutObjects(top) {
		if b, ok := o.(*widget.Button); ok && b.Text == text && b.Visible() {
			return b
		}
	}
	return nil
}

// TestCheckProjectWhole: Help ▸ Check project on a whole project says every check passed,
// lists them, and offers no repair.
func TestCheckProjectWhole(t *testing.T) {
	mw, _ := checkWindow(t)
	mw.checkProject()
	text := artOverlayText(mw.u)
	if !strings.Contains(text, "checks passed") || !strings.Contains(text, "✓ full-text index articles_fts against the text: 2 rows") {
		t.Fatalf("the report of a whole project: %s", text)
	}
	if checkButton(mw.u, "Repair") != nil {
		t.Fatal("a whole project is offered a repair")
	}
	test.Tap(checkButton(mw.u, "Close"))
	if mw.u.win.Canvas().Overlays().Top() != nil {
		t.Fatalf("a dialog is left open after the report is closed: %s", artOverlayText(mw.u))
	}
}

// TestCheckProjectRepairsDrift: an article taken out of the search index behind the
// store's back is reported with a Repair button; Repair says what it changed, the check
// that follows passes, and search finds the article again.
func TestCheckProjectRepairsDrift(t *testing.T) {
	mw, st := checkWindow(t, `INSERT INTO articles_fts(articles_fts, rowid, title, body, notes)
		SELECT 'delete', id, title, replace(body, 'ı', 'i'), notes FROM articles WHERE title LIKE 'Harbour%'`)
	ctx := context.Background()
	if res, _ := st.Search(ctx, app.SearchQuery{Text: "tariffs"}); len(res.Articles) != 0 {
		t.Fatal("the test did not make the index drift")
	}
	mw.checkProject()
	text := artOverlayText(mw.u)
	if !strings.Contains(text, "✗ full-text index articles_fts against the text") || !strings.Contains(text, "lacks 1 of the 2 rows") {
		t.Fatalf("the drift is not reported: %s", text)
	}
	repair := checkButton(mw.u, "Repair")
	if repair == nil {
		t.Fatal("no Repair button for a drifted index")
	}
	test.Tap(repair)
	text = artOverlayText(mw.u)
	if !strings.Contains(text, "rebuilt the full-text index articles_fts") || !strings.Contains(text, "checks passed") {
		t.Fatalf("after Repair: %s", text)
	}
	// Nothing was removed without a copy: the backup taken first is named and verifies.
	dir := app.BackupDir(mw.projects.DataDir, st.Path())
	entries, err := os.ReadDir(dir)
	if err != nil || len(entries) != 1 || !strings.Contains(text, filepath.Join(dir, entries[0].Name())) {
		t.Fatalf("the repair's backup is not there or not named (%v, %d files):\n%s", err, len(entries), text)
	}
	if _, err := db.VerifyBackup(ctx, filepath.Join(dir, entries[0].Name())); err != nil {
		t.Fatalf("the repair's backup does not verify: %v", err)
	}
	if res, _ := st.Search(ctx, app.SearchQuery{Text: "tariffs"}); len(res.Articles) != 1 {
		t.Fatalf("after the repair search finds %d articles", len(res.Articles))
	}
}

// TestCheckProjectDamageOffersNoRepair: damage the full check's integrity check finds in a
// project that opened normally (here an index whose entries no longer match its table,
// which the open-time check does not look at; a damaged page beyond its time budget is
// the same) is called damage, with what to do, and no Repair is offered: a repair cannot
// mend it in place.
func TestCheckProjectDamageOffersNoRepair(t *testing.T) {
	mw, _ := checkWindow(t, `PRAGMA writable_schema = ON`,
		`UPDATE sqlite_schema SET sql = 'CREATE INDEX articles_hash ON articles(hash DESC)' WHERE name = 'articles_hash'`)
	mw.checkProject()
	text := artOverlayText(mw.u)
	if !strings.Contains(text, "✗ integrity") {
		t.Fatalf("the test did not damage the project: %s", text)
	}
	if checkButton(mw.u, "Repair") != nil {
		t.Fatalf("a damaged project is offered a repair in place: %s", text)
	}
	for _, want := range []string{"This project is damaged", "articles_hash", "Save a copy", "restore a backup"} {
		if !strings.Contains(text, want) {
			t.Errorf("the report lacks %q: %s", want, text)
		}
	}
}
