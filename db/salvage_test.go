package db

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"dossier/app"
)

// salvageSource builds a project of 400 actors (long descriptions, so the actors table
// spans many pages), an article naming some, and a relation with evidence between each
// pair of neighbours; it returns the path, closed, and the actors table's leaf pages.
func salvageSource(t *testing.T) (path string, leaves []int64, pageSize int) {
	t.Helper()
	ctx := context.Background()
	path = filepath.Join(t.TempDir(), "source.dossier")
	s, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	art, err := s.CreateArticle(ctx, app.Article{Title: "Harbour levies under review", Body: "The Quarry Guild and the Lantern Cooperative met at the harbour to argue over levies.", Source: "Test Wire"})
	if err != nil {
		t.Fatal(err)
	}
	var ids []int64
	for i := range 400 {
		a, err := s.CreateActor(ctx, app.Actor{Name: fmt.Sprintf("Guild member %03d", i), Kind: app.Organisation,
			Description: strings.Repeat(fmt.Sprintf("member %d keeps ledgers of the grain barges; ", i), 6)})
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, a.ID)
	}
	for i := 0; i+1 < len(ids); i += 4 {
		if _, err := s.CreateRelation(ctx, app.Relation{SourceID: ids[i], Type: "supports", TargetID: ids[i+1],
			Evidence: []app.Evidence{{ArticleID: art.ID, Quote: "argue over levies", Start: -1, End: -1}}}); err != nil {
			t.Fatal(err)
		}
	}
	leaves, _, pageSize, err = s.PagesOf(ctx, "actors")
	if err != nil || len(leaves) < 10 {
		t.Fatalf("actors has %d leaf pages (%v); the test needs more", len(leaves), err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	return path, leaves, pageSize
}

// TestSalvageSkipsDamagedPageAndSavesTheRest: a page in the middle of the actors table is
// overwritten. Salvage saves every actor on the other pages, says which run of actors it
// could not read, leaves out (and counts) the relations whose actor was lost, rebuilds
// the search indexes, and the new project passes the full check, opens and finds an actor
// by search. The damaged file is left byte for byte; an existing file is never a target.
func TestSalvageSkipsDamagedPageAndSavesTheRest(t *testing.T) {
	ctx := context.Background()
	path, leaves, pageSize := salvageSource(t)
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		t.Fatal(err)
	}
	bad := leaves[len(leaves)/2]
	f.WriteAt(bytes.Repeat([]byte{0xA5}, pageSize), (bad-1)*int64(pageSize))
	f.Close()
	if _, err := Open(ctx, path); !app.IsCode(err, app.ECORRUPT) {
		t.Fatalf("the damaged project opened: %v", err)
	}
	before, _ := os.ReadFile(path)

	out := filepath.Join(t.TempDir(), "salvaged.dossier")
	rep, err := Salvage(ctx, path, out)
	if err != nil {
		t.Fatal(err)
	}
	after, _ := os.ReadFile(path)
	if !bytes.Equal(before, after) {
		t.Fatal("salvage changed the damaged file")
	}
	byName := map[string]app.SalvageTable{}
	for _, tb := range rep.Tables {
		byName[tb.Name] = tb
	}
	actors := byName["actors"]
	if actors.Total != 400 {
		t.Fatalf("actors total %d, want 400 (the table's own count)", actors.Total)
	}
	if actors.Saved == 0 || actors.Saved >= 400 || len(actors.Unreadable) != 1 {
		t.Fatalf("actors: saved %d, unreadable %q; want most saved and one run lost", actors.Saved, actors.Unreadable)
	}
	lost := 400 - actors.Saved
	if lost > 40 {
		t.Fatalf("%d actors lost for one page: rows on whole pages were skipped", lost)
	}
	if !strings.Contains(actors.Unreadable[0], "the rows with ids from") {
		t.Fatalf("unreadable run not said by id: %q", actors.Unreadable[0])
	}
	rel := byName["relations"]
	if rel.Saved != 100 || rel.Dropped == 0 || len(rel.DroppedWhy) == 0 || !strings.Contains(rel.DroppedWhy[0], "actors") {
		t.Fatalf("relations: saved %d dropped %d %q; want the relations of lost actors left out and said", rel.Saved, rel.Dropped, rel.DroppedWhy)
	}
	if ev := byName["evidence"]; ev.Dropped != rel.Dropped {
		t.Fatalf("evidence dropped %d, want %d (that of the relations left out)", ev.Dropped, rel.Dropped)
	}
	if a := byName["articles"]; !a.Whole() || a.Saved != 1 {
		t.Fatalf("articles: %+v, want whole", a)
	}
	if !rep.Check.OK() {
		t.Fatalf("the salvaged project fails the full check:\n%+v", rep.Check)
	}
	text := rep.Text()
	t.Log(text)
	for _, want := range []string{"actors: " + fmt.Sprint(actors.Saved) + " of 400 rows saved", "could not be read", "left out", "passes the full check"} {
		if !strings.Contains(text, want) {
			t.Fatalf("report lacks %q:\n%s", want, text)
		}
	}

	s, err := Open(ctx, out)
	if err != nil {
		t.Fatalf("the salvaged project does not open: %v", err)
	}
	defer s.Close()
	n, err := s.CountActors(ctx, app.ActorQuery{})
	if err != nil || int64(n) != actors.Saved {
		t.Fatalf("the salvaged project has %d actors (%v), want %d", n, err, actors.Saved)
	}
	res, err := s.Search(ctx, app.SearchQuery{Text: "member 001"})
	if err != nil || len(res.Actors) == 0 {
		t.Fatalf("search in the salvaged project found no actor (%v): the index was not rebuilt", err)
	}

	if _, err := Salvage(ctx, path, out); !app.IsCode(err, app.ECONFLICT) {
		t.Fatalf("salvage over an existing file: %v, want ECONFLICT", err)
	}
}

// TestSalvageWholeProjectLosesNothing: salvaging an undamaged project saves every row of
// every table and says so.
func TestSalvageWholeProjectLosesNothing(t *testing.T) {
	ctx := context.Background()
	path, _, _ := salvageSource(t)
	rep, err := Salvage(ctx, path, filepath.Join(t.TempDir(), "copy.dossier"))
	if err != nil {
		t.Fatal(err)
	}
	for _, tb := range rep.Tables {
		if !tb.Whole() {
			t.Errorf("table %s of a whole project: %+v", tb.Name, tb)
		}
	}
	if !rep.Check.OK() || !strings.Contains(rep.Text(), "Every row") {
		t.Fatalf("report:\n%s", rep.Text())
	}
}
