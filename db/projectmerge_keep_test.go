package db

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"dossier/app"
)

// Conflicts settled record by record: a choice per UUID wins over the choice for the
// rest; a conflict left without a choice still refuses the merge (and writes nothing);
// a choice for a record that is not a conflict is refused, naming it.
func TestMergeProjectKeepPerRecord(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	mine := openAt(t, filepath.Join(dir, "mine.dossier"))
	odile := mustActor(t, mine, "Odile Ferrant", app.Person)
	cato := mustActor(t, mine, "Cato Imre", app.Person)
	lenz := mustActor(t, mine, "Lenz Barrow", app.Person)
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
	edit(theirs, odile.ID, "mayor of Port Vella")
	edit(mine, odile.ID, "former mayor")
	edit(theirs, cato.ID, "harbour pilot")
	edit(mine, cato.ID, "tender board member")
	theirs.Close()
	desc := func(id int64) string {
		a, err := mine.Actor(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		return a.Description
	}

	// One conflict chosen, the other not: refused, nothing written.
	_, err := mine.MergeProject(ctx, theirPath, app.ProjectMergeOptions{Keep: map[string]app.ConflictChoice{odile.UUID: app.TakeTheirs}})
	if !app.IsCode(err, app.ECONFLICT) || !strings.Contains(app.ErrorMessage(err), "1 record(s)") {
		t.Fatalf("one conflict left open: %v", err)
	}
	if desc(odile.ID) != "former mayor" {
		t.Error("the refused merge wrote")
	}

	// A choice for a record that is not in conflict (Lenz was edited on neither side).
	_, err = mine.MergeProject(ctx, theirPath, app.ProjectMergeOptions{Conflicts: app.KeepMine,
		Keep: map[string]app.ConflictChoice{lenz.UUID: app.TakeTheirs}})
	if !app.IsCode(err, app.EINVALID) || !strings.Contains(app.ErrorMessage(err), lenz.UUID) {
		t.Fatalf("a choice for a record not in conflict: %v", err)
	}

	// The dry run shows each settlement; then Odile from theirs, the rest (Cato) mine.
	opt := app.ProjectMergeOptions{Conflicts: app.KeepMine, Keep: map[string]app.ConflictChoice{odile.UUID: app.TakeTheirs}}
	dry := opt
	dry.DryRun = true
	rep, err := mine.MergeProject(ctx, theirPath, dry)
	if err != nil {
		t.Fatal(err)
	}
	why := map[string]string{}
	for _, c := range rep.Conflicts {
		why[c.UUID] = c.Why
	}
	if why[odile.UUID] != "changed on both sides: took theirs (chosen for this record)" || why[cato.UUID] != "changed on both sides: kept yours" {
		t.Errorf("dry run: %v", why)
	}
	if _, err := mine.MergeProject(ctx, theirPath, opt); err != nil {
		t.Fatal(err)
	}
	if desc(odile.ID) != "mayor of Port Vella" || desc(cato.ID) != "tender board member" {
		t.Errorf("after the merge: Odile %q, Cato %q", desc(odile.ID), desc(cato.ID))
	}

	// Merging again: the conflict settled as mine stays settled, nothing is asked or changed.
	rep, err = mine.MergeProject(ctx, theirPath, app.ProjectMergeOptions{})
	if err != nil || len(rep.Conflicts) != 0 || rep.Changed() {
		t.Errorf("merging again: %v, conflicts %+v, changed %v", err, rep.Conflicts, rep.Changed())
	}
	if desc(cato.ID) != "tender board member" {
		t.Errorf("merging again changed Cato: %q", desc(cato.ID))
	}
}

// Every conflict chosen one by one needs no choice for the rest; "both" per record
// makes their version a second record.
func TestMergeProjectKeepEveryRecord(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	mine := openAt(t, filepath.Join(dir, "mine.dossier"))
	odile := mustActor(t, mine, "Odile Ferrant", app.Person)
	cato := mustActor(t, mine, "Cato Imre", app.Person)
	theirPath := filepath.Join(dir, "theirs.dossier")
	if _, err := mine.Backup(ctx, theirPath); err != nil {
		t.Fatal(err)
	}
	theirs := openAt(t, theirPath)
	for _, s := range []*Store{theirs, mine} {
		for _, id := range []int64{odile.ID, cato.ID} {
			a, _ := s.Actor(ctx, id)
			a.Description = "edited in " + filepath.Base(s.Path())
			if _, err := s.UpdateActor(ctx, a); err != nil {
				t.Fatal(err)
			}
		}
	}
	theirs.Close()
	_, err := mine.MergeProject(ctx, theirPath, app.ProjectMergeOptions{Keep: map[string]app.ConflictChoice{
		odile.UUID: app.KeepBoth, cato.UUID: app.KeepMine}})
	if err != nil {
		t.Fatal(err)
	}
	for name, want := range map[string]int{"Odile Ferrant": 2, "Cato Imre": 1} {
		var n int
		if err := mine.db.QueryRow(`SELECT count(*) FROM actors WHERE name = ?`, name).Scan(&n); err != nil || n != want {
			t.Errorf("%d %s, want %d", n, name, want)
		}
	}
}
