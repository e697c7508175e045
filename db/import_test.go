package db

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"dossier/app"
	"dossier/app/ingest"
)

// Fixtures for the import tests, written for them.
const (
	importFerryText = `Ferry service resumes after the storm

The island ferry sailed again on Monday after three days tied up in port while gales
blew along the coast. The operator said extra crossings would clear the backlog of
lorries by Wednesday.
`
	importMarketMarkdown = `---
title: Farmers' market moves to the old mill
source: Hillside Gazette
url: https://gazette.example/2026/04/market?utm_source=feed
date: 2026-04-11
tags: [town, food]
---

The Saturday farmers' market will move from the car park to the courtyard of the old
mill next month, giving stallholders shelter from the rain.
`
	importBridgeHTML = `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Bridge repairs close the east road</title>
<meta property="og:site_name" content="Hillside Gazette"></head><body>
<nav><a href="/">Home</a> | <a href="/news">News</a></nav>
<article><h1>Bridge repairs close the east road</h1>
<p>Engineers closed the east road on Tuesday to replace the bearings of the river bridge,
work the county says will take six weeks.</p>
<p>Buses will follow a signed diversion through the village, adding about ten minutes to
each journey into town.</p></article>
<footer>All rights reserved</footer></body></html>
`
)

func writeFiles(t *testing.T, dir string, files map[string][]byte) {
	t.Helper()
	for name, data := range files {
		path := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func binaryBytes() []byte {
	b := make([]byte, 256)
	for i := range b {
		b[i] = byte(i * 13)
	}
	return b
}

// importLog collects what an import reported.
type importLog struct {
	results []app.ImportResult
	last    app.ImportProgress
}

func (l *importLog) options(batch int) app.ImportOptions {
	return app.ImportOptions{
		BatchSize: batch,
		Result:    func(r app.ImportResult) { l.results = append(l.results, r) },
		Progress:  func(p app.ImportProgress) { l.last = p },
	}
}

// lines renders the results as "outcome base-name message-start" lines.
func (l *importLog) lines() []string {
	var out []string
	for _, r := range l.results {
		out = append(out, r.Outcome+" "+filepath.Base(r.Path))
	}
	return out
}

// ftsIntact checks that the full-text index matches the articles and that the trigger
// an import sets aside during a batch is back.
func ftsIntact(t *testing.T, s *Store) {
	t.Helper()
	if _, err := s.db.Exec(`INSERT INTO articles_fts(articles_fts, rank) VALUES ('integrity-check', 1)`); err != nil {
		t.Fatalf("full-text index out of step with the articles: %v", err)
	}
	var text string
	if err := s.db.QueryRow(`SELECT sql FROM sqlite_schema WHERE type = 'trigger' AND name = 'articles_ai'`).Scan(&text); err != nil {
		t.Fatalf("the indexing trigger is gone: %v", err)
	}
	if strings.Join(strings.Fields(text), " ") != articlesIndexTrigger {
		t.Fatalf("the indexing trigger changed: %s", text)
	}
}

func TestImportFilesFolder(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string][]byte{
		"01-ferry.txt":         []byte(importFerryText),
		"02-market.md":         []byte(importMarketMarkdown),
		"03-bridge.html":       []byte(importBridgeHTML),
		"04-empty.txt":         nil,
		"05-blob.txt":          binaryBytes(),
		"06-ferry-again.txt":   []byte(strings.ReplaceAll(importFerryText, "\n", "\r\n")),
		".hidden.txt":          []byte("Hidden\n\nNot to be read."),
		"sub/07-market-url.md": []byte("---\ntitle: Market story, saved again\nurl: https://gazette.example/2026/04/market\n---\n\nA different text about the same market move, saved from the same page.\n"),
	})
	ctx := context.Background()
	s, err := Open(ctx, filepath.Join(dir, "project.dossier")) // the project sits in the folder imported
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	var log importLog
	sum, err := s.ImportFiles(ctx, []string{dir}, log.options(0))
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		"filed 01-ferry.txt", "filed 02-market.md", "filed 03-bridge.html", "refused 04-empty.txt",
		"refused 05-blob.txt", "duplicate 06-ferry-again.txt", "duplicate 07-market-url.md",
	}
	if got := log.lines(); !slices.Equal(got, want) {
		t.Fatalf("results:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if wantSum := (app.ImportSummary{Files: 7, Filed: 3, Duplicates: 2, Refused: 2, Warnings: undated(2)}); !reflect.DeepEqual(sum, wantSum) {
		t.Errorf("summary %+v, want %+v", sum, wantSum)
	}
	r := log.results
	if r[0].Title != "Ferry service resumes after the storm" || r[0].ID == 0 {
		t.Errorf("filed result %+v", r[0])
	}
	if !strings.Contains(r[3].Message, "04-empty.txt") || !strings.Contains(r[4].Message, "binary") {
		t.Errorf("refusals say %q and %q", r[3].Message, r[4].Message)
	}
	if r[5].ID != r[0].ID || r[5].Message != "Already filed as “Ferry service resumes after the storm”: the same text." {
		t.Errorf("duplicate result %+v", r[5])
	}
	if r[6].ID != r[1].ID || r[6].Message != "Already filed as “Farmers' market moves to the old mill”: the same URL." {
		t.Errorf("duplicate result %+v", r[6])
	}
	// The last progress report: every file read and counted, nothing left uncommitted.
	p := log.last
	if p.Files != sum.Files || p.TotalFiles != 7 || !p.TotalKnown || p.Committed != sum.Filed || p.Filed != sum.Filed {
		t.Errorf("last progress %+v (summary %+v)", p, sum)
	}

	// The articles are there, with their outlet, found by the full-text index.
	if n, _ := s.CountArticles(ctx, app.ArticleQuery{}); n != sum.Filed {
		t.Errorf("%d articles stored, %d reported filed", n, sum.Filed)
	}
	if n, _ := s.CountArticles(ctx, app.ArticleQuery{Text: "bearings diversion"}); n != 1 {
		t.Errorf("full-text search found %d bridge articles", n)
	}
	market, err := s.Article(ctx, r[1].ID)
	if err != nil || market.Source != "Hillside Gazette" || market.Date != "2026-04-11" || !slices.Equal(market.Tags, []string{"town", "food"}) {
		t.Errorf("market article %+v, %v", market, err)
	}
	bridge, _ := s.Article(ctx, r[2].ID)
	if bridge.Source != market.Source {
		t.Errorf("outlets %q and %q: one outlet expected", bridge.Source, market.Source)
	}
	var outlets int
	s.db.QueryRow(`SELECT count(*) FROM outlets`).Scan(&outlets)
	if outlets != 1 {
		t.Errorf("%d outlets, want 1", outlets)
	}
	ftsIntact(t, s)
	var mmap int64
	if err := s.db.QueryRow(`PRAGMA mmap_size`).Scan(&mmap); err != nil || mmap != 256<<20 {
		t.Errorf("after the import mmap_size = %d (%v), want it back at 256 MB", mmap, err)
	}
}

// undated is the summary's count of n articles filed without a date.
func undated(n int) []app.WarningCount {
	return []app.WarningCount{{Kind: app.WarnUndated, Tally: "undated", Articles: n}}
}

// items turns articles into an item sequence, as a reader of files would yield them.
func items(arts ...app.Article) func(func(ingest.Item) bool) {
	return func(yield func(ingest.Item) bool) {
		for i, a := range arts {
			if !yield(ingest.Item{Path: fmt.Sprintf("item-%02d", i), Article: a}) {
				return
			}
		}
	}
}

func TestImportDuplicates(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	filed, err := s.CreateArticle(ctx, article("Filed by hand", "https://news.example/a/1", "The first text, filed by hand."))
	if err != nil {
		t.Fatal(err)
	}
	trashed, _ := s.CreateArticle(ctx, article("Then trashed", "", "A text that went to the trash."))
	if err := s.DeleteArticle(ctx, trashed.ID); err != nil {
		t.Fatal(err)
	}
	arts := []app.Article{
		article("Same URL", "https://NEWS.example/a/1#top", "Another text at the same address."),
		article("Same text", "", "The first   text, filed\nby hand."),
		article("In the trash", "", "A text that went to the trash."),
		article("New one", "https://news.example/a/2", "A text never seen before."),
		article("New one again", "https://news.example/a/2?utm_medium=mail", "The same story, seen again in the same batch."),
		article("New text again", "", "A text never seen before!"),
	}
	// Each duplicate gets the message CreateArticle gives for it.
	var wantMsg []string
	for _, a := range arts[:3] {
		_, err := s.CreateArticle(ctx, a)
		wantCode(t, err, app.EDUPLICATE)
		wantMsg = append(wantMsg, app.ErrorMessage(err))
	}
	var log importLog
	sum, err := s.ImportArticles(ctx, items(arts...), log.options(0))
	if err != nil {
		t.Fatal(err)
	}
	if want := (app.ImportSummary{Files: 6, Filed: 1, Duplicates: 5}); !reflect.DeepEqual(sum, want) {
		t.Errorf("summary %+v, want %+v", sum, want)
	}
	wantIDs := []int64{filed.ID, filed.ID, trashed.ID, log.results[3].ID, log.results[3].ID, log.results[3].ID}
	for i, r := range log.results {
		if r.ID != wantIDs[i] {
			t.Errorf("%s: id %d, want %d", r.Title, r.ID, wantIDs[i])
		}
		if i < 3 && r.Message != wantMsg[i] {
			t.Errorf("%s: message %q, want %q", r.Title, r.Message, wantMsg[i])
		}
	}
	if m := log.results[4].Message; m != "Already filed as “New one”: the same URL." {
		t.Errorf("duplicate within the batch: %q", m)
	}
	if m := log.results[5].Message; m != "Already filed as “New one”: the same text." {
		t.Errorf("duplicate within the batch: %q", m)
	}
}

func TestImportRefusals(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	seq := func(yield func(ingest.Item) bool) {
		_ = yield(ingest.Item{Path: "a.pdf", Err: app.Errorf(app.EINVALID, "“a.pdf” is a PDF file.")}) &&
			yield(ingest.Item{Path: "b.txt", Article: app.Article{Title: "No text", Body: "  \n "}}) &&
			yield(ingest.Item{Path: "c.txt", Article: app.Article{Title: "Bad date", Body: "Some text.", Date: "2026-13-40"}}) &&
			yield(ingest.Item{Path: "d.txt", Article: app.Article{Title: "Fine", Body: "Some text."}}) &&
			yield(ingest.Item{Path: "e.txt", Article: app.Article{Title: "Same UUID", Body: "Other text.", UUID: "0190c9b8-0000-7000-8000-000000000001"}}) &&
			yield(ingest.Item{Path: "f.txt", Article: app.Article{Title: "Same UUID again", Body: "Third text.", UUID: "0190c9b8-0000-7000-8000-000000000001"}})
	}
	var log importLog
	sum, err := s.ImportArticles(ctx, seq, log.options(0))
	if err != nil {
		t.Fatal(err)
	}
	if want := (app.ImportSummary{Files: 6, Filed: 2, Refused: 4, Warnings: undated(2)}); !reflect.DeepEqual(sum, want) {
		t.Errorf("summary %+v, want %+v", sum, want)
	}
	want := []string{"refused a.pdf", "refused b.txt", "refused c.txt", "filed d.txt", "filed e.txt", "refused f.txt"}
	if got := log.lines(); !slices.Equal(got, want) {
		t.Errorf("results %q, want %q", got, want)
	}
	for i, sub := range []string{"PDF", "has no text", "2026-13-40", "", "", "Same UUID again"} {
		if !strings.Contains(log.results[i].Message, sub) {
			t.Errorf("%s: message %q lacks %q", log.results[i].Path, log.results[i].Message, sub)
		}
	}
}

func TestImportCancelKeepsFiledBatches(t *testing.T) {
	dir := t.TempDir()
	files := map[string][]byte{}
	for i := range 9 {
		files[fmt.Sprintf("%02d.txt", i)] = fmt.Appendf(nil, "Report number %d\n\nThe council met for the %d time this year and adjourned.\n", i, i+1)
	}
	writeFiles(t, dir, files)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	s := openTest(t)
	var log importLog
	opt := log.options(3)
	opt.Progress = func(p app.ImportProgress) {
		if p.Committed == 3 {
			cancel() // after the first batch
		}
	}
	sum, err := s.ImportFiles(ctx, []string{dir}, opt)
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v, want context.Canceled", err)
	}
	if want := (app.ImportSummary{Files: 3, Filed: 3, Cancelled: true, Warnings: undated(3)}); !reflect.DeepEqual(sum, want) {
		t.Errorf("summary %+v, want %+v", sum, want)
	}
	if n, _ := s.CountArticles(context.Background(), app.ArticleQuery{}); n != 3 {
		t.Errorf("%d articles kept, want the first batch of 3", n)
	}
	ftsIntact(t, s)

	// Importing the folder again files the rest and reports the first three as duplicates.
	var again importLog
	sum, err = s.ImportFiles(context.Background(), []string{dir}, again.options(3))
	if err != nil {
		t.Fatal(err)
	}
	if want := (app.ImportSummary{Files: 9, Filed: 6, Duplicates: 3, Warnings: undated(6)}); !reflect.DeepEqual(sum, want) {
		t.Errorf("second import: summary %+v, want %+v", sum, want)
	}
	if got := again.lines()[:4]; !slices.Equal(got, []string{"duplicate 00.txt", "duplicate 01.txt", "duplicate 02.txt", "filed 03.txt"}) {
		t.Errorf("second import: %q", got)
	}
}

// A crash in the middle of a batch loses that batch and nothing before it; importing
// again files it. The crash is simulated by copying the project while the second batch
// is being filed: the copy is what a crash at that moment leaves on disk.
func TestImportAfterCrash(t *testing.T) {
	dir := t.TempDir()
	files := map[string][]byte{}
	for i := range 7 {
		files[fmt.Sprintf("%02d.md", i)] = fmt.Appendf(nil, "# Harbour log %d\n\nThe tide gauge read %d centimetres above the mark at noon.\n", i, 10*i+3)
	}
	writeFiles(t, filepath.Join(dir, "in"), files)
	ctx := context.Background()
	s := openTest(t)
	crashed := filepath.Join(dir, "crashed.dossier")
	opt := app.ImportOptions{BatchSize: 3, Progress: func(p app.ImportProgress) {
		if p.Committed == 3 && p.Filed == 5 {
			copyFile(t, s.path, crashed)
			copyFile(t, s.path+"-wal", crashed+"-wal")
		}
	}}
	if _, err := s.ImportFiles(ctx, []string{filepath.Join(dir, "in")}, opt); err != nil {
		t.Fatal(err)
	}
	c, err := Open(ctx, crashed)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	if n, _ := c.CountArticles(ctx, app.ArticleQuery{}); n != 3 {
		t.Fatalf("after the crash %d articles, want the first batch of 3", n)
	}
	ftsIntact(t, c)
	var log importLog
	sum, err := c.ImportFiles(ctx, []string{filepath.Join(dir, "in")}, log.options(3))
	if err != nil {
		t.Fatal(err)
	}
	if want := (app.ImportSummary{Files: 7, Filed: 4, Duplicates: 3, Warnings: undated(4)}); !reflect.DeepEqual(sum, want) {
		t.Errorf("import after the crash: %+v, want %+v", sum, want)
	}
	ftsIntact(t, c)
}

func copyFile(t *testing.T, from, to string) {
	t.Helper()
	in, err := os.Open(from)
	if err != nil {
		t.Fatal(err)
	}
	defer in.Close()
	out, err := os.Create(to)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := io.Copy(out, in); err != nil {
		t.Fatal(err)
	}
	if err := out.Close(); err != nil {
		t.Fatal(err)
	}
}

// The import links mentions as CreateArticle does, and an actor added between two
// batches is found in the batches after it.
func TestImportLinksMentionsLikeCreateArticle(t *testing.T) {
	ctx := context.Background()
	bodies := []string{
		"Maria Lindqvist met the port authority on Monday. Lindqvist said the talks went well.",
		"The Port Authority rejected the plan; Lindqvist called that a mistake.",
		"Nobody of note is named here at all.",
		"The PORT AUTHORITY and the Harbour Union signed an agreement.",
		"The Harbour Union thanked Maria Lindqvist.",
		"Harbour Union members voted on Friday.",
	}
	var arts []app.Article
	for i, b := range bodies {
		arts = append(arts, app.Article{Title: fmt.Sprintf("Item %d", i), Body: b})
	}
	actors := func(s *Store) {
		mustActor(t, s, "Maria Lindqvist", app.Person, "Lindqvist")
		mustActor(t, s, "Port Authority", app.Organisation)
	}
	byHand, imported := openTest(t), openTest(t)
	actors(byHand)
	actors(imported)
	mustActor(t, byHand, "Harbour Union", app.Organisation)
	for i, a := range arts {
		if i == 3 {
			continue
		}
		if _, err := byHand.CreateArticle(ctx, a); err != nil {
			t.Fatal(err)
		}
	}
	// Filed by hand, items 0-2 have no Harbour Union (it did not exist yet in the import).
	opt := app.ImportOptions{BatchSize: 3, Result: func(r app.ImportResult) {
		if r.Title == "Item 2" {
			mustActor(t, imported, "Harbour Union", app.Organisation)
		}
	}}
	if _, err := imported.ImportArticles(ctx, items(arts...), opt); err != nil {
		t.Fatal(err)
	}
	// Item 3 is compared by filing it by hand last, so both stores have the same actors.
	if _, err := byHand.CreateArticle(ctx, arts[3]); err != nil {
		t.Fatal(err)
	}
	mentions := func(s *Store) map[string][]string {
		rows, err := s.db.Query(`SELECT a.title, ac.name, m.start, m.end, m.status FROM mentions m
			JOIN articles a ON a.id = m.article_id JOIN actors ac ON ac.id = m.actor_id ORDER BY a.title, m.start`)
		if err != nil {
			t.Fatal(err)
		}
		defer rows.Close()
		out := map[string][]string{}
		for rows.Next() {
			var title, name, status string
			var start, end int
			rows.Scan(&title, &name, &start, &end, &status)
			out[title] = append(out[title], fmt.Sprintf("%s %d-%d %s", name, start, end, status))
		}
		return out
	}
	want, got := mentions(byHand), mentions(imported)
	if len(want["Item 0"]) != 3 || len(want["Item 3"]) != 2 {
		t.Fatalf("the fixture does not mention what it should: %v", want)
	}
	for _, title := range []string{"Item 0", "Item 1", "Item 2", "Item 3", "Item 4", "Item 5"} {
		if !slices.Equal(got[title], want[title]) {
			t.Errorf("%s: imported mentions %q, filed by hand %q", title, got[title], want[title])
		}
	}
}

// A failure of the project itself stops the import and keeps the batches committed before.
func TestImportStopsOnProjectFailure(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	// A trigger that fails like a full disk would is not possible; a dropped table is.
	var arts []app.Article
	for i := range 5 {
		arts = append(arts, app.Article{Title: fmt.Sprintf("Note %d", i), Body: fmt.Sprintf("Entry %d of the harbour log.", i), Source: fmt.Sprintf("Outlet %d", i)})
	}
	opt := app.ImportOptions{BatchSize: 2, Result: func(r app.ImportResult) {
		if r.Title == "Note 1" {
			if _, err := s.db.Exec(`DROP TABLE outlets`); err != nil {
				t.Fatal(err)
			}
		}
	}}
	s.db.Exec(`PRAGMA foreign_keys = OFF`)
	sum, err := s.ImportArticles(ctx, items(arts...), opt)
	if err == nil {
		t.Fatal("the import went on without its outlets table")
	}
	if sum.Filed != 2 {
		t.Errorf("summary %+v: want the first batch of 2 filed", sum)
	}
	var n int
	s.db.QueryRow(`SELECT count(*) FROM articles`).Scan(&n)
	if n != 2 {
		t.Errorf("%d articles kept, want 2", n)
	}
	ftsIntact(t, s)
}

// Each batch sets the indexing trigger aside and indexes its articles itself; a schema
// whose trigger is not the one known keeps it, and the import still indexes everything.
func TestImportIndexesEachBatch(t *testing.T) {
	ctx := context.Background()
	var arts []app.Article
	for i := range 7 {
		arts = append(arts, app.Article{Title: fmt.Sprintf("Dispatch %d", i), Body: fmt.Sprintf("Convoy number %d crossed the pass at dawn.", i)})
	}
	for _, tt := range []struct {
		name     string
		setup    string
		deferred bool
	}{
		{"known trigger", "", true},
		{"other trigger", `DROP TRIGGER articles_ai; CREATE TRIGGER articles_ai AFTER INSERT ON articles BEGIN
			INSERT INTO articles_fts(rowid, title, body, notes) VALUES (new.id, new.title, new.body, new.notes || ''); END`, false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			s := openTest(t)
			if tt.setup != "" {
				if _, err := s.db.Exec(tt.setup); err != nil {
					t.Fatal(err)
				}
			}
			tx, err := s.db.Begin()
			if err != nil {
				t.Fatal(err)
			}
			trig, err := deferIndex(ctx, tx)
			tx.Rollback()
			if err != nil || (trig != nil) != tt.deferred {
				t.Fatalf("deferIndex = %v, %v; want set aside: %v", trig, err, tt.deferred)
			}
			if _, err := s.ImportArticles(ctx, items(arts...), app.ImportOptions{BatchSize: 3}); err != nil {
				t.Fatal(err)
			}
			if n, _ := s.CountArticles(ctx, app.ArticleQuery{Text: "convoy pass"}); n != 7 {
				t.Errorf("the index finds %d of 7 articles", n)
			}
			if _, err := s.db.Exec(`INSERT INTO articles_fts(articles_fts, rank) VALUES ('integrity-check', 1)`); err != nil {
				t.Errorf("index out of step: %v", err)
			}
		})
	}
	// Ids that are not one range are indexed one by one.
	s := openTest(t)
	for _, a := range arts[:4] {
		if _, err := s.CreateArticle(ctx, a); err != nil {
			t.Fatal(err)
		}
	}
	tx, err := s.db.Begin()
	if err != nil {
		t.Fatal(err)
	}
	trig, err := deferIndex(ctx, tx)
	if err == nil { // empty the index, as if none of the four were indexed yet
		_, err = tx.Exec(`INSERT INTO articles_fts(articles_fts) VALUES ('delete-all')`)
	}
	if err == nil {
		err = trig.restore(ctx, tx, []int64{1, 3, 4, 2})
	}
	if err != nil {
		tx.Rollback()
		t.Fatal(err)
	}
	if err := tx.Commit(); err != nil {
		t.Fatal(err)
	}
	ftsIntact(t, s)
}

// The files are read several at once but reported in the order ingest.Walk reads them,
// by its rules: hidden names and links to folders passed over, links to files followed.
func TestImportKeepsWalkOrder(t *testing.T) {
	dir := t.TempDir()
	files := map[string][]byte{}
	for i := range 120 {
		name := fmt.Sprintf("d%d/%c/%03d.txt", i%3, 'a'+rune(i%4), i)
		files[name] = fmt.Appendf(nil, "Bulletin %d\n\nThe weather station logged %d millimetres of rain.\n", i, i*7+1)
	}
	files[".hidden/x.txt"] = []byte("Hidden bulletin\n\nNot to be read.\n")
	files["d1/.skip.txt"] = []byte("Hidden file\n\nNot to be read.\n")
	files["d2/empty.md"] = nil
	writeFiles(t, dir, files)
	symlinkOrSkip(t, filepath.Join(dir, "d0", "a", "000.txt"), filepath.Join(dir, "d1", "link.txt"))
	if err := os.Symlink(filepath.Join(dir, "d0"), filepath.Join(dir, "d2", "loop")); err != nil {
		t.Fatal(err)
	}
	paths := []string{filepath.Join(dir, "d2"), dir, filepath.Join(dir, "d1", ".skip.txt"), filepath.Join(dir, "missing.txt")}
	var want []string
	ingest.Walk(context.Background(), paths, func(it ingest.Item) error {
		want = append(want, it.Path)
		return nil
	})
	s := openTest(t)
	var log importLog
	if _, err := s.ImportFiles(context.Background(), paths, log.options(7)); err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, r := range log.results {
		got = append(got, r.Path)
	}
	if !slices.Equal(got, want) {
		t.Errorf("import order differs from ingest.Walk's:\n got %q\nwant %q", got, want)
	}
	if len(want) != 40+1+120+1+1+1+1 {
		t.Errorf("ingest.Walk read %d files; the fixture expects 165", len(want))
	}
	if log.last.TotalFiles != len(want) || !log.last.TotalKnown {
		t.Errorf("counted %d files (known %v), read %d", log.last.TotalFiles, log.last.TotalKnown, len(want))
	}
}

// symlinkOrSkip makes a symbolic link or skips the test saying why: Windows lets an
// account make them only with Developer Mode on or administrator rights, and some file
// systems (FAT, exFAT, some network shares) have none.
func symlinkOrSkip(t *testing.T, oldname, newname string) {
	t.Helper()
	if err := os.Symlink(oldname, newname); err != nil {
		t.Skipf("this OS or account cannot make symbolic links here (on Windows: Developer Mode or administrator rights): %v", err)
	}
}
