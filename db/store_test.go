package db

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"dossier/app"
)

func openTest(t *testing.T) *Store {
	t.Helper()
	s, err := Open(context.Background(), filepath.Join(t.TempDir(), "p.dossier"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func wantCode(t *testing.T, err error, code string) {
	t.Helper()
	if got := app.ErrorCode(err); got != code {
		t.Fatalf("error code = %q (%v), want %q", got, err, code)
	}
}

func TestOpenCreatesVersionedProject(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "new.dossier")
	s, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	migs, _ := migrations()
	v, err := s.SchemaVersion(ctx)
	if err != nil || v != len(migs) || v < 1 {
		t.Fatalf("schema version = %d, %v; want %d", v, err, len(migs))
	}
	types, err := s.RelationTypes(ctx)
	if err != nil || len(types) != len(Vocabulary) {
		t.Fatalf("seeded %d relation types (%v), want %d", len(types), err, len(Vocabulary))
	}
	s.Close()
	// Reopening applies nothing twice and keeps the data.
	s, err = Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if types, _ := s.RelationTypes(ctx); len(types) != len(Vocabulary) {
		t.Fatalf("after reopen: %d types", len(types))
	}
}

func TestOpenRefusesBadFiles(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	text := filepath.Join(dir, "notes.txt")
	os.WriteFile(text, []byte("this is not a database, just some notes\n"), 0o644)
	_, err := Open(ctx, text)
	wantCode(t, err, app.ENOTPROJ)
	if b, _ := os.ReadFile(text); !strings.HasPrefix(string(b), "this is not") {
		t.Fatal("the refused file was changed")
	}

	_, err = Open(ctx, dir)
	wantCode(t, err, app.ENOTPROJ)

	_, err = Open(ctx, filepath.Join(dir, "missing", "x.dossier"))
	wantCode(t, err, app.EINVALID)

	// A project written by a newer Dossier.
	newer := filepath.Join(dir, "newer.dossier")
	s, err := Open(ctx, newer)
	if err != nil {
		t.Fatal(err)
	}
	s.db.Exec("PRAGMA user_version = 99")
	s.Close()
	_, err = Open(ctx, newer)
	wantCode(t, err, app.ETOONEW)
	if !strings.Contains(app.ErrorMessage(err), "newer version") {
		t.Fatalf("message %q does not say why", app.ErrorMessage(err))
	}
}

// TestOneWindowButManyBatchCommands: the window lock keeps a second window off a project,
// never a batch command's Store, which reads and writes beside the window.
func TestOneWindowButManyBatchCommands(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "p.dossier")
	win, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	if err := win.LockWindow(); err != nil {
		t.Fatal(err)
	}
	batch, err := Open(ctx, path)
	if err != nil {
		t.Fatalf("a batch command beside the window was refused: %v", err)
	}
	defer batch.Close()
	if _, err := batch.CreateActor(ctx, app.Actor{Name: "Filed by a script"}); err != nil {
		t.Fatalf("the batch command could not write: %v", err)
	}
	if _, err := win.CreateActor(ctx, app.Actor{Name: "Filed in the window"}); err != nil {
		t.Fatalf("the window lost its project: %v", err)
	}
	n, err := win.CountActors(ctx, app.ActorQuery{})
	if err != nil || n != 2 {
		t.Fatalf("the window sees %d actors (%v), want 2", n, err)
	}
	wantCode(t, batch.LockWindow(), app.ELOCKED)
	win.Close()
	if err := batch.LockWindow(); err != nil {
		t.Fatalf("the window lock outlived its window: %v", err)
	}
}

func TestOpenRefusesAProjectAnotherProgramKeepsLocked(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "p.dossier")
	s, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	h, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	defer h.Close()
	conn, err := h.Conn(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, "BEGIN EXCLUSIVE"); err != nil {
		t.Fatal(err)
	}
	defer conn.ExecContext(ctx, "ROLLBACK")
	// The open waits for its turn (TestWritesWaitTheirTurn), here for a moment only.
	_, err = Open(app.WithPatience(ctx, app.Patience{Wait: 10 * time.Millisecond}), path)
	wantCode(t, err, app.ELOCKED)
}

func TestReadOnlyFileIsRefusedBeforeOpening(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "p.dossier")
	s, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	os.Chmod(path, 0o444)
	defer os.Chmod(path, 0o644)
	_, err = Open(ctx, path)
	wantCode(t, err, app.EREADONLY)
}

func article(title, url, body string) app.Article {
	return app.Article{Title: title, URL: url, Body: body, Source: "Test Wire", Date: "2026-01-28", Tags: []string{"iraq"}}
}

func TestArticleLifecycle(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	a, err := s.CreateArticle(ctx, article("Vote delayed", "https://Example.org/a?utm_source=x", "The vote in parliament was delayed again."))
	if err != nil {
		t.Fatal(err)
	}
	if a.ID == 0 || a.UUID == "" || a.Hash == "" {
		t.Fatalf("created article lacks identity: %+v", a)
	}
	got, err := s.Article(ctx, a.ID)
	if err != nil || got.Title != "Vote delayed" || got.Source != "Test Wire" || got.Date != "2026-01-28" || len(got.Tags) != 1 {
		t.Fatalf("read back %+v, %v", got, err)
	}
	got.Title = "Vote delayed again"
	if _, err := s.UpdateArticle(ctx, got); err != nil {
		t.Fatal(err)
	}
	rows, err := s.Articles(ctx, app.ArticleQuery{Text: "parlia"})
	if err != nil || len(rows) != 1 || rows[0].Title != "Vote delayed again" {
		t.Fatalf("filter by prefix: %+v, %v", rows, err)
	}
	if err := s.DeleteArticle(ctx, a.ID); err != nil {
		t.Fatal(err)
	}
	if n, _ := s.CountArticles(ctx, app.ArticleQuery{}); n != 0 {
		t.Fatalf("trashed article still listed (%d)", n)
	}
	if n, _ := s.CountArticles(ctx, app.ArticleQuery{Trashed: true}); n != 1 {
		t.Fatalf("trash holds %d", n)
	}
	if err := s.RestoreArticle(ctx, a.ID); err != nil {
		t.Fatal(err)
	}
	if n, _ := s.CountArticles(ctx, app.ArticleQuery{}); n != 1 {
		t.Fatalf("restored article not listed (%d)", n)
	}
	wantCode(t, s.PurgeArticle(ctx, a.ID), app.ENOTFOUND) // only trashed articles can be purged
	s.DeleteArticle(ctx, a.ID)
	if err := s.PurgeArticle(ctx, a.ID); err != nil {
		t.Fatal(err)
	}
	_, err = s.Article(ctx, a.ID)
	wantCode(t, err, app.ENOTFOUND)
}

func TestDuplicateArticles(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	first, err := s.CreateArticle(ctx, article("Original", "https://example.org/story", "Ministers met on Tuesday to discuss the budget."))
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name string
		a    app.Article
		how  string
	}{
		{"same URL", article("Other title", "http://www.example.org/story/#top", "Completely different words here."), "same URL"},
		{"same text", article("Copy", "", "  ministers MET on tuesday, to discuss the budget!  "), "same text"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := s.CreateArticle(ctx, c.a)
			wantCode(t, err, app.EDUPLICATE)
			var ae *app.Error
			if !asAppError(err, &ae) || ae.Ref != first.ID || !strings.Contains(ae.Message, c.how) || !strings.Contains(ae.Message, "Original") {
				t.Fatalf("duplicate error %+v", err)
			}
		})
	}
	// A trashed article still counts, and the message says where it is.
	s.DeleteArticle(ctx, first.ID)
	_, err = s.CreateArticle(ctx, article("Again", "https://example.org/story", "x"))
	if !strings.Contains(app.ErrorMessage(err), "trash") {
		t.Fatalf("message %q does not mention the trash", app.ErrorMessage(err))
	}
	if n, _ := s.CountArticles(ctx, app.ArticleQuery{Trashed: true}); n != 1 {
		t.Fatal("the filed article was lost")
	}
}

func TestArticleValidation(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	for name, a := range map[string]app.Article{
		"no title":     {Body: "text"},
		"no body":      {Title: "t"},
		"bad utf8":     {Title: "t", Body: "ab\xffcd"},
		"binary":       {Title: "t", Body: "ab\x00cd"},
		"absurd date":  {Title: "t", Body: "b", Date: "9999-01-01"},
		"invalid date": {Title: "t", Body: "b", Date: "2026-02-30"},
	} {
		_, err := s.CreateArticle(ctx, a)
		if app.ErrorCode(err) != app.EINVALID || app.ErrorMessage(err) == "" {
			t.Errorf("%s: %v, want a clear EINVALID", name, err)
		}
	}
	if n, _ := s.CountArticles(ctx, app.ArticleQuery{}); n != 0 {
		t.Fatalf("%d invalid articles were filed", n)
	}
}

// TestFailedUpdateSaysWhichStepAndWhereTheCopyIs: when an update step cannot run on a
// project (here the step's column is already there), opening says which step failed and
// names the copy taken before the update, not the driver's words alone; the copy opens.
func TestFailedUpdateSaysWhichStepAndWhereTheCopyIs(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "old.dossier")
	s, err := Create(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	migs, err := migrations()
	if err != nil {
		t.Fatal(err)
	}
	// Back one version, as a project of the previous release would be, but with the last
	// step's change already made, so that the step fails.
	if _, err := s.db.ExecContext(ctx, fmt.Sprintf("PRAGMA user_version = %d", len(migs)-1)); err != nil {
		t.Fatal(err)
	}
	s.Close()
	_, err = Open(ctx, path)
	if err == nil {
		t.Fatal("the update of a project whose last step cannot run succeeded")
	}
	msg := app.ErrorMessage(err)
	want := fmt.Sprintf("update step %d of %d failed", len(migs), len(migs))
	if !strings.Contains(msg, want) || !strings.Contains(msg, "A copy taken before any change is ") {
		t.Fatalf("message %q: want it to say %q and name the copy", msg, want)
	}
	copyPath := strings.TrimSuffix(strings.SplitN(strings.SplitN(msg, "A copy taken before any change is ", 2)[1], ". The details", 2)[0], ".")
	if _, err := os.Stat(copyPath); err != nil {
		t.Errorf("the copy named in the message is not there: %v", err)
	}
}
