package db

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"dossier/app"
)

const (
	mergeBodyMine   = "PORT VELLA — Ilse Marquand, the harbour master, closed the north quay on Monday after a crane failed. The Harbour Board had warned her."
	mergeBodyTheirs = "PORT VELLA — The Harbour Board said on Tuesday it would sue Ilse Marquand over the closure of the north quay."
)

func openAt(t *testing.T, path string) *Store {
	t.Helper()
	s, err := Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func tableRows(t *testing.T, s *Store, table string) int {
	t.Helper()
	var n int
	if err := s.db.QueryRow(`SELECT count(*) FROM ` + table).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

func mergeCount(rep app.ProjectMergeReport, kind string) app.MergeCount {
	for _, c := range rep.Counts {
		if c.Kind == kind {
			return c
		}
	}
	return app.MergeCount{}
}

// Two projects that never met: every record of theirs is added, references are carried
// through UUIDs, mentions are linked, the two Ilse Marquands are proposed as duplicates,
// their file is not written, and merging again changes nothing.
func TestMergeProjectAddsTheirRecords(t *testing.T) {
	ctx := context.Background()
	mine := openTest(t)
	mustActor(t, mine, "Ilse Marquand", app.Person)
	if _, err := mine.CreateArticle(ctx, app.Article{Title: "Quay closed", Body: mergeBodyMine, Date: "2026-03-02"}); err != nil {
		t.Fatal(err)
	}

	theirPath := filepath.Join(t.TempDir(), "theirs.dossier")
	theirs := openAt(t, theirPath)
	ilse := mustActor(t, theirs, "Ilse Marquand", app.Person, "Marquand")
	board := mustActor(t, theirs, "Harbour Board", app.Organisation)
	art, err := theirs.CreateArticle(ctx, app.Article{Title: "Board to sue", Body: mergeBodyTheirs, Date: "2026-03-03", Source: "Vella Post"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := theirs.CreateRelation(ctx, app.Relation{SourceID: board.ID, Type: "threatens", TargetID: ilse.ID, Start: "2026-03-03",
		Evidence: []app.Evidence{{ArticleID: art.ID, Quote: "it would sue Ilse Marquand"}}}); err != nil {
		t.Fatal(err)
	}
	if _, err := theirs.CreateNote(ctx, app.Note{ActorID: board.ID, Body: "Board statements come late on Tuesdays; see [[Ilse Marquand]]."}); err != nil {
		t.Fatal(err)
	}
	theirs.Close()
	before, err := os.ReadFile(theirPath)
	if err != nil {
		t.Fatal(err)
	}

	dry, err := mine.MergeProject(ctx, theirPath, app.ProjectMergeOptions{DryRun: true})
	if err != nil {
		t.Fatal(err)
	}
	if c := mergeCount(dry, "actor"); c.Added != 2 || tableRows(t, mine, "actors") != 1 {
		t.Fatalf("dry run: %+v, and %d actors here (want 2 to add, 1 here)", c, tableRows(t, mine, "actors"))
	}

	rep, err := mine.MergeProject(ctx, theirPath, app.ProjectMergeOptions{})
	if err != nil {
		t.Fatal(err)
	}
	for kind, want := range map[string]int{"actor": 2, "article": 1, "relation": 1, "note": 1} {
		if c := mergeCount(rep, kind); c.Added != want {
			t.Errorf("%s: %+v, want %d added", kind, c, want)
		}
	}
	for table, want := range map[string]int{"actors": 3, "articles": 2, "relations": 1, "evidence": 1, "notes": 1} {
		if n := tableRows(t, mine, table); n != want {
			t.Errorf("%s: %d rows, want %d", table, n, want)
		}
	}
	var source, quoteArticle string
	if err := mine.db.QueryRow(`SELECT a.name, ar.title FROM relations r JOIN actors a ON a.id = r.source_id
		JOIN evidence e ON e.relation_id = r.id JOIN articles ar ON ar.id = e.article_id`).Scan(&source, &quoteArticle); err != nil || source != "Harbour Board" || quoteArticle != "Board to sue" {
		t.Errorf("the relation reads %q, its evidence %q (%v)", source, quoteArticle, err)
	}
	var linked int
	if err := mine.db.QueryRow(`SELECT count(*) FROM mentions m JOIN articles a ON a.id = m.article_id JOIN actors c ON c.id = m.actor_id
		WHERE c.name = 'Harbour Board'`).Scan(&linked); err != nil || linked != 2 {
		t.Errorf("the board is linked in %d articles (%v), want its own and the one already here", linked, err)
	}
	if rep.Duplicates < 1 {
		t.Errorf("the two Ilse Marquands are not proposed as duplicates: %+v", rep)
	}
	// The note's link points at their Ilse Marquand, who came in with it.
	bl, err := mine.Backlinks(ctx, "actor", theirIlse(t, mine, ilse.UUID))
	if err != nil || len(bl.Linked) != 1 {
		t.Errorf("backlinks of the merged Ilse Marquand: %+v %v", bl, err)
	}
	var found int
	if err := mine.db.QueryRow(`SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'sue'`).Scan(&found); err != nil || found != 1 {
		t.Errorf("search finds the merged article %d times (%v), want 1", found, err)
	}
	if err := mine.FillSuggestionQueue(ctx, nil); err != nil {
		t.Fatal(err)
	}
	check, err := mine.Check(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, it := range check.Items {
		if !it.OK() {
			t.Errorf("after the merge the check finds: %s: %v", it.Name, it.Problems)
		}
	}
	after, err := os.ReadFile(theirPath)
	if err != nil || !bytes.Equal(before, after) {
		t.Error("merging wrote to the other project's file")
	}

	again, err := mine.MergeProject(ctx, theirPath, app.ProjectMergeOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if again.Changed() || mergeCount(again, "actor").Unchanged != 2 {
		t.Errorf("merging twice changed something:\n%s", again.Text())
	}
}

// A copy edited apart: a change on one side only is taken or kept without asking; a
// record changed on both is a conflict that refuses the merge until the researcher
// chooses, and writes nothing meanwhile; a deletion on either side is shown, never
// applied.
func TestMergeProjectCopiesEditedApart(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	mine := openAt(t, filepath.Join(dir, "mine.dossier"))
	lenz := mustActor(t, mine, "Lenz Barrow", app.Person)
	odile := mustActor(t, mine, "Odile Ferrant", app.Person)
	cato := mustActor(t, mine, "Cato Imre", app.Person)
	rel, err := mine.CreateRelation(ctx, app.Relation{SourceID: lenz.ID, Type: "meets_with", TargetID: odile.ID, Start: "2026-02"})
	if err != nil {
		t.Fatal(err)
	}
	note, err := mine.CreateNote(ctx, app.Note{ActorID: cato.ID, Body: "Ask about the tender."})
	if err != nil {
		t.Fatal(err)
	}
	// A record neither side touches after the copy: the merge reads from it when they parted.
	if _, err := mine.CreateArticle(ctx, app.Article{Title: "Quay closed", Body: mergeBodyMine}); err != nil {
		t.Fatal(err)
	}
	theirPath := filepath.Join(dir, "theirs.dossier")
	if _, err := mine.Backup(ctx, theirPath); err != nil {
		t.Fatal(err)
	}
	theirs := openAt(t, theirPath)
	edit := func(s *Store, id int64, desc string) {
		t.Helper()
		a, err := s.Actor(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		a.Description = desc
		if _, err := s.UpdateActor(ctx, a); err != nil {
			t.Fatal(err)
		}
	}
	edit(theirs, lenz.ID, "port engineer")        // theirs only
	edit(mine, cato.ID, "tender board member")    // mine only
	edit(theirs, odile.ID, "mayor of Port Vella") // both
	edit(mine, odile.ID, "former mayor")
	if err := theirs.DeleteRelation(ctx, rel.ID); err != nil {
		t.Fatal(err)
	}
	if err := mine.DeleteNote(ctx, note.ID); err != nil {
		t.Fatal(err)
	}
	theirs.Close()

	_, err = mine.MergeProject(ctx, theirPath, app.ProjectMergeOptions{})
	if !app.IsCode(err, app.ECONFLICT) {
		t.Fatalf("a merge with a conflict and no choice: %v", err)
	}
	if a, _ := mine.Actor(ctx, lenz.ID); a.Description != "" {
		t.Errorf("the refused merge wrote %q", a.Description)
	}

	rep, err := mine.MergeProject(ctx, theirPath, app.ProjectMergeOptions{Conflicts: app.TakeTheirs})
	if err != nil {
		t.Fatal(err)
	}
	want := map[int64]string{lenz.ID: "port engineer", cato.ID: "tender board member", odile.ID: "mayor of Port Vella"}
	for id, d := range want {
		if a, err := mine.Actor(ctx, id); err != nil || a.Description != d {
			t.Errorf("actor %d: %q (%v), want %q", id, a.Description, err, d)
		}
	}
	if c := mergeCount(rep, "actor"); c.Updated != 1 || c.KeptMine != 1 || len(rep.Conflicts) != 1 {
		t.Errorf("counts %+v, conflicts %+v", c, rep.Conflicts)
	}
	if len(rep.DeletedThere) != 1 || rep.DeletedThere[0].Kind != "relation" || tableRows(t, mine, "relations") != 1 {
		t.Errorf("their deleted relation: %+v, %d relations here (kept)", rep.DeletedThere, tableRows(t, mine, "relations"))
	}
	if len(rep.DeletedHere) != 1 || rep.DeletedHere[0].Kind != "note" || tableRows(t, mine, "notes") != 0 {
		t.Errorf("my deleted note: %+v, %d notes here (kept deleted)", rep.DeletedHere, tableRows(t, mine, "notes"))
	}

	// Keeping both makes theirs a second actor beside mine.
	edit(mine, odile.ID, "mayor until March")
	t2 := openAt(t, theirPath)
	edit(t2, odile.ID, "mayor, re-elected")
	t2.Close()
	rep, err = mine.MergeProject(ctx, theirPath, app.ProjectMergeOptions{Conflicts: app.KeepBoth})
	if err != nil {
		t.Fatal(err)
	}
	var n int
	if err := mine.db.QueryRow(`SELECT count(*) FROM actors WHERE name = 'Odile Ferrant'`).Scan(&n); err != nil || n != 2 {
		t.Errorf("%d Odile Ferrants after keeping both, want 2:\n%s", n, rep.Text())
	}
}

// A failure in the middle of the merge leaves the project as it was: one transaction.
func TestMergeProjectFailureChangesNothing(t *testing.T) {
	ctx := context.Background()
	mine := openTest(t)
	theirPath := filepath.Join(t.TempDir(), "theirs.dossier")
	theirs := openAt(t, theirPath)
	mustActor(t, theirs, "Harbour Board", app.Organisation)
	if _, err := theirs.CreateArticle(ctx, app.Article{Title: "Board to sue", Body: mergeBodyTheirs}); err != nil {
		t.Fatal(err)
	}
	theirs.Close()
	crash := errors.New("power cut")
	mergeStepHook = func(kind string) error {
		if kind == "article" {
			return crash
		}
		return nil
	}
	defer func() { mergeStepHook = nil }()
	if _, err := mine.MergeProject(ctx, theirPath, app.ProjectMergeOptions{}); !errors.Is(err, crash) {
		t.Fatalf("merge: %v", err)
	}
	if a, b := tableRows(t, mine, "actors"), tableRows(t, mine, "articles"); a+b != 0 {
		t.Errorf("after a failed merge: %d actors, %d articles", a, b)
	}
	mergeStepHook = nil
	if _, err := mine.MergeProject(ctx, theirPath, app.ProjectMergeOptions{}); err != nil {
		t.Fatal(err)
	}
	if tableRows(t, mine, "articles") != 1 {
		t.Error("the merge after the failure did not finish the job")
	}
}

func TestMergeProjectRefusesItself(t *testing.T) {
	s := openTest(t)
	if _, err := s.MergeProject(context.Background(), s.Path(), app.ProjectMergeOptions{}); !app.IsCode(err, app.EINVALID) {
		t.Errorf("merging a project into itself: %v", err)
	}
}

// theirIlse is the id here of the actor with uuid.
func theirIlse(t *testing.T, s *Store, uuid string) int64 {
	t.Helper()
	var id int64
	if err := s.db.QueryRow(`SELECT id FROM actors WHERE uuid = ?`, uuid).Scan(&id); err != nil {
		t.Fatal(err)
	}
	return id
}
