package views

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"dossier/app"
)

// Fixtures for the import tests, written for them.
const (
	impLibraryText = `Library opens on Sundays from May

The town library will open on Sunday afternoons from the first week of May, the
council said, after a petition signed by eight hundred residents.
`
	impOrchardMarkdown = `---
title: Orchard harvest comes in early
source: Valley Courier
date: 2026-09-02
---

Apple growers in the valley began picking ten days earlier than usual after a warm,
dry August, and said the crop was smaller but sweeter.
`
	impTramHTML = `<!DOCTYPE html><html><head><title>Night trams return</title>
<meta property="og:site_name" content="City Wire"></head><body>
<nav><a href="/">Home</a></nav>
<article><h1>Night trams return</h1>
<p>Trams will run all night on Fridays and Saturdays again from next month, the transport
authority announced, ending a pause that began during the rail works.</p></article>
<footer>City Wire</footer></body></html>
`
)

// impFolder writes the fixture folder: three articles, a copy of one with other line
// ends, an empty file and a binary one.
func impFolder(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	blob := make([]byte, 300)
	for i := range blob {
		blob[i] = byte(i * 11)
	}
	for name, data := range map[string][]byte{
		"1-library.txt":       []byte(impLibraryText),
		"2-orchard.md":        []byte(impOrchardMarkdown),
		"3-tram.html":         []byte(impTramHTML),
		"4-library-again.txt": []byte(strings.ReplaceAll(impLibraryText, "\n", "\r\n")),
		"5-empty.txt":         nil,
		"6-blob.txt":          blob,
	} {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// impOverlayText is the text of the labels in the dialog on top.
func impOverlayText(u *UI) string {
	top := u.win.Canvas().Overlays().Top()
	if top == nil {
		return ""
	}
	var parts []string
	for _, o := range test.LaidOutObjects(top) {
		if l, ok := o.(*widget.Label); ok {
			parts = append(parts, l.Text)
		}
	}
	return strings.Join(parts, " | ")
}

// impTap taps the button of the dialog on top whose text is label.
func impTap(t *testing.T, u *UI, label string) {
	t.Helper()
	top := u.win.Canvas().Overlays().Top()
	if top == nil {
		t.Fatalf("no dialog open to tap %q in", label)
	}
	for _, o := range test.LaidOutObjects(top) {
		if b, ok := o.(*widget.Button); ok && b.Text == label {
			test.Tap(b)
			return
		}
	}
	t.Fatalf("no button %q in the dialog: %s", label, impOverlayText(u))
}

func TestImportFolderFromWindow(t *testing.T) {
	u, st := newTestUI(t)
	dir := impFolder(t)
	imp := u.importer()
	imp.pickFolder = func(onPath func(string)) { onPath(dir) }
	var saved, savedName string
	imp.saveReport = func(name, text string) { savedName, saved = name, text }

	u.articles.importFiles() // File ▸ Import files…
	if text := impOverlayText(u); !strings.Contains(text, "drop files and folders") {
		t.Fatalf("the import dialog says %q", text)
	}
	impTap(t, u, "Choose a folder…")

	s := imp.summary
	if s == nil {
		t.Fatal("no summary after the import")
	}
	if want := "3 articles filed · 1 duplicate · 2 refused, from 6 files"; s.headline.Text != want {
		t.Errorf("headline %q, want %q", s.headline.Text, want)
	}
	if imp.run != nil || u.importRunning() {
		t.Error("the import is still marked as running")
	}
	if n := artCount(t, st, app.ArticleQuery{}); n != 3 {
		t.Errorf("%d articles filed, want 3", n)
	}
	if u.articles.total != 3 {
		t.Errorf("the article list shows %d articles, want 3", u.articles.total)
	}
	// The review queue read the new articles once the import was over.
	if n, err := st.PendingSuggestions(context.Background()); err != nil || n != 0 {
		t.Errorf("%d articles (%v) still to read for the review queue after the import", n, err)
	}

	// The list shows the refusals and the duplicate, with their reasons.
	var rows []string
	for i := range s.problems {
		row := newProblemRow()
		s.updateRow(i, row)
		labels := row.(*fyne.Container).Objects
		rows = append(rows, labels[0].(*widget.Label).Text+" — "+labels[1].(*widget.Label).Text)
	}
	// The two articles without a date are filed, with a warning that says so.
	want := []string{
		"Filed with warnings: " + filepath.Join(dir, "1-library.txt") + " — “Library opens on Sundays from May”: undated: no date found",
		"Filed with warnings: " + filepath.Join(dir, "3-tram.html") + " — “Night trams return”: undated: no date found",
		"Duplicate: " + filepath.Join(dir, "4-library-again.txt") + " — Already filed as “Library opens on Sundays from May”: the same text.",
		"Refused: " + filepath.Join(dir, "5-empty.txt") + " — “5-empty.txt” is empty.",
		"Refused: " + filepath.Join(dir, "6-blob.txt") + " — “6-blob.txt” looks like a binary file",
	}
	if len(rows) != len(want) {
		t.Fatalf("list rows:\n%s", strings.Join(rows, "\n"))
	}
	for i := range want {
		if !strings.HasPrefix(rows[i], want[i]) {
			t.Errorf("row %d:\n got %q\nwant %q…", i, rows[i], want[i])
		}
	}
	if s.list.Length() != 5 {
		t.Errorf("the list has %d rows", s.list.Length())
	}

	// Save report… writes every line, filed articles included.
	test.Tap(s.save)
	for _, line := range []string{
		"3 filed, 1 duplicates, 2 refused, from 6 files",
		"filed: " + filepath.Join(dir, "2-orchard.md") + " — “Orchard harvest comes in early”",
		"duplicate: " + filepath.Join(dir, "4-library-again.txt") + " — Already filed as",
		"refused: " + filepath.Join(dir, "5-empty.txt") + " — “5-empty.txt” is empty.",
	} {
		if !strings.Contains(saved, line) {
			t.Errorf("the report lacks %q:\n%s", line, saved)
		}
	}
	if !strings.HasPrefix(savedName, "import-report-") || !strings.HasSuffix(savedName, ".txt") {
		t.Errorf("report file name %q", savedName)
	}
	impTap(t, u, "Close")
	if top := u.win.Canvas().Overlays().Top(); top != nil {
		t.Errorf("a dialog is still open: %s", impOverlayText(u))
	}

	// Importing the folder again (a drop on the window) files nothing twice.
	u.importPaths([]string{dir})
	if want := "0 articles filed · 4 duplicates · 2 refused, from 6 files"; imp.summary.headline.Text != want {
		t.Errorf("second import: headline %q, want %q", imp.summary.headline.Text, want)
	}
}

func TestImportCancelKeepsFirstBatch(t *testing.T) {
	u, st := newTestUI(t)
	dir := t.TempDir()
	for i := range 7 {
		text := fmt.Sprintf("Water level report %d\n\nThe reservoir stood at %d per cent of capacity on day %d.\n", i, 60+i, i+1)
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("%d.txt", i)), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	imp := u.importer()
	imp.batchSize = 2
	// The clock stands still: the dialog shows the first report and no other, since
	// it is updated at most ten times a second.
	clock := time.Date(2026, 5, 1, 15, 30, 0, 0, time.UTC)
	imp.now = func() time.Time { return clock }
	var seen []string
	var first *app.ImportProgress
	imp.observe = func(p app.ImportProgress) {
		if first == nil {
			first = &p
		}
		if p.Committed == 2 && imp.run != nil && !imp.run.cancelBtn.Disabled() {
			seen = append(seen, progressText(p), imp.run.counts.Text)
			// A second import while this one runs is refused with a word, not started.
			u.importPaths([]string{dir})
			seen = append(seen, impOverlayText(u))
			u.win.Canvas().Overlays().Top().Hide()
			impTap(t, u, "Cancel") // the progress dialog's
		}
	}
	u.importPaths([]string{dir})
	if len(seen) != 3 {
		t.Fatalf("the import never reached its second batch: %q", seen)
	}
	if !strings.Contains(seen[2], "already running") {
		t.Errorf("a second import while one runs says %q", seen[2])
	}
	// The folder is counted alongside the import, so the first report may come before
	// the count is done; the dialog then says the total is still being counted.
	wantFirst := "1 of ~7 files · 1 filed · 0 duplicates · 0 refused"
	if !first.TotalKnown {
		wantFirst = progressText(*first)
	}
	if seen[1] != wantFirst || !strings.HasPrefix(seen[1], "1 of ") {
		t.Errorf("the progress dialog says %q, want %q", seen[1], wantFirst)
	}
	if want := "2 of ~7 files · 2 filed · 0 duplicates · 0 refused"; seen[0] != want && !strings.Contains(seen[0], "still counting") {
		t.Errorf("the report at the second batch says %q, want %q", seen[0], want)
	}
	if n := artCount(t, st, app.ArticleQuery{}); n != 2 {
		t.Errorf("%d articles kept after cancelling, want the first batch of 2", n)
	}
	s := imp.summary
	if want := "2 articles filed · 0 duplicates · 0 refused, from 2 files"; s.headline.Text != want {
		t.Errorf("headline %q, want %q", s.headline.Text, want)
	}
	if !strings.Contains(s.note.Text, "You cancelled the import") {
		t.Errorf("the summary says %q", s.note.Text)
	}
	if !strings.Contains(s.report, "Cancelled before the end.") || !strings.Contains(s.report, "import report, 1 May 2026 15:30") {
		t.Errorf("the report does not say it was cancelled:\n%s", s.report)
	}
	impTap(t, u, "Close")

	// Importing the folder again files the rest and lists the first two as duplicates.
	imp.observe = nil
	u.importPaths([]string{dir})
	if want := "5 articles filed · 2 duplicates · 0 refused, from 7 files"; imp.summary.headline.Text != want {
		t.Errorf("second import: headline %q, want %q", imp.summary.headline.Text, want)
	}
	if n := artCount(t, st, app.ArticleQuery{}); n != 7 {
		t.Errorf("%d articles after importing again, want 7", n)
	}
}

func TestImportChooseFile(t *testing.T) {
	u, st := newTestUI(t)
	dir := impFolder(t)
	imp := u.importer()
	imp.pickFile = func(onPath func(string)) { onPath(filepath.Join(dir, "3-tram.html")) }
	u.articles.importFiles()
	impTap(t, u, "Choose a file…")
	if want := "1 article filed · 0 duplicates · 0 refused, from 1 file"; imp.summary.headline.Text != want {
		t.Errorf("headline %q, want %q", imp.summary.headline.Text, want)
	}
	// Nothing refused, nothing twice, but the article has no date: the list says so.
	if imp.summary.list == nil || imp.summary.list.Length() != 1 {
		t.Error("the article filed undated is not listed")
	}
	if !strings.HasPrefix(imp.summary.note.Text, "Warnings: 1 undated.") {
		t.Errorf("the summary says %q", imp.summary.note.Text)
	}
	rows, _ := st.Articles(t.Context(), app.ArticleQuery{})
	if len(rows) != 1 || rows[0].Title != "Night trams return" || rows[0].Source != "City Wire" {
		t.Errorf("filed %+v", rows)
	}

	// Cancel in the first dialog imports nothing.
	u.win.Canvas().Overlays().Top().Hide()
	u.articles.importFiles()
	impTap(t, u, "Cancel")
	if top := u.win.Canvas().Overlays().Top(); top != nil {
		t.Errorf("a dialog is still open: %s", impOverlayText(u))
	}
}

func TestImportProgressText(t *testing.T) {
	tests := []struct {
		p    app.ImportProgress
		want string
	}{
		{app.ImportProgress{}, "0 files · 0 filed · 0 duplicates · 0 refused"},
		{app.ImportProgress{Files: 1234, TotalFiles: 5000, TotalKnown: true, Filed: 1200, Duplicates: 30, Refused: 4},
			"1,234 of ~5,000 files · 1,200 filed · 30 duplicates · 4 refused"},
		{app.ImportProgress{Files: 1, TotalFiles: 1, TotalKnown: true, Duplicates: 1}, "1 of ~1 files · 0 filed · 1 duplicate · 0 refused"},
		// While the folders are still being counted the total so far is only a floor.
		{app.ImportProgress{Files: 1, TotalFiles: 1, Filed: 1}, "1 of 1+ files (still counting) · 1 filed · 0 duplicates · 0 refused"},
	}
	for _, tt := range tests {
		if got := progressText(tt.p); got != tt.want {
			t.Errorf("progressText(%+v) = %q, want %q", tt.p, got, tt.want)
		}
	}
}

func TestImportShortPath(t *testing.T) {
	roots := []string{"/home/ana/inbox", "/tmp/one.txt"}
	for path, want := range map[string]string{
		"/home/ana/inbox/2026/page.html": "inbox/2026/page.html",
		"/home/ana/inbox/a.txt":          "inbox/a.txt",
		"/tmp/one.txt":                   "/tmp/one.txt",
		"/home/ana/elsewhere/b.txt":      "/home/ana/elsewhere/b.txt",
	} {
		if got := shortPath(roots, filepath.FromSlash(path)); got != filepath.FromSlash(want) {
			t.Errorf("shortPath(%q) = %q, want %q", path, got, want)
		}
	}
}
