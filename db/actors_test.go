package db

import (
	"context"
	"errors"
	"strconv"
	"strings"
	"testing"

	"dossier/app"
)

func asAppError(err error, ae **app.Error) bool { return errors.As(err, ae) }

func mustActor(t *testing.T, s *Store, name string, kind app.ActorKind, aliases ...string) app.Actor {
	t.Helper()
	a, err := s.CreateActor(context.Background(), app.Actor{Name: name, Kind: kind, Aliases: aliases})
	if err != nil {
		t.Fatal(err)
	}
	return a
}

func TestActorsFindAndFilter(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	maliki := mustActor(t, s, "Nouri al-Maliki", app.Person, "Maliki", "al-Maliki", "maliki")
	got, err := s.Actor(ctx, maliki.ID)
	if err != nil || len(got.Aliases) != 2 {
		t.Fatalf("aliases %v (%v): duplicates of a folded alias must be dropped", got.Aliases, err)
	}
	for _, name := range []string{"Maliki", "MALIKI", "nouri al-maliki", "#" + itoa(maliki.ID), maliki.UUID} {
		if a, err := s.FindActor(ctx, name); err != nil || a.ID != maliki.ID {
			t.Errorf("FindActor(%q) = %v, %v", name, a.ID, err)
		}
	}
	rows, err := s.Actors(ctx, app.ActorQuery{Text: "mal"})
	if err != nil || len(rows) != 1 || rows[0].Name != "Nouri al-Maliki" {
		t.Fatalf("prefix of a later word: %+v %v", rows, err)
	}
	mustActor(t, s, "Joshua Harris", app.Person, "Harris")
	mustActor(t, s, "Kamala Harris", app.Person, "Harris")
	_, err = s.FindActor(ctx, "Harris")
	var ae *app.Error
	if !asAppError(err, &ae) || ae.Code != app.EAMBIGUOUS || len(ae.Candidates) != 2 || !strings.Contains(ae.Message, "Joshua Harris") {
		t.Fatalf("ambiguous: %+v", err)
	}
	_, err = s.FindActor(ctx, "Nobody")
	wantCode(t, err, app.ENOTFOUND)
	if rows, _ := s.Actors(ctx, app.ActorQuery{Kind: app.State}); len(rows) != 0 {
		t.Fatalf("kind filter returned %d", len(rows))
	}
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }

func TestRelationsAndEvidence(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	trump := mustActor(t, s, "Donald Trump", app.Person, "Trump")
	iraq := mustActor(t, s, "Iraq", app.State)
	a, err := s.CreateArticle(ctx, article("Warning", "", "On Tuesday Trump said the United States would stop helping Iraq\nif the former premier came back."))
	if err != nil {
		t.Fatal(err)
	}
	r, err := s.CreateRelation(ctx, app.Relation{SourceID: trump.ID, Type: "threatens", TargetID: iraq.ID, Start: "2026-01-27",
		Modality: app.Conditional, Evidence: []app.Evidence{{ArticleID: a.ID, Quote: "stop helping Iraq if the former premier", Start: -1, End: -1}}})
	if err != nil {
		t.Fatal(err)
	}
	got, err := s.Relation(ctx, r.ID)
	if err != nil || len(got.Evidence) != 1 {
		t.Fatalf("relation %+v %v", got, err)
	}
	ev := got.Evidence[0]
	body := []rune(a.Body)
	if ev.Start < 0 || !strings.HasPrefix(string(body[ev.Start:ev.End]), "stop helping Iraq") {
		t.Fatalf("quote across a line break was not located: %d..%d", ev.Start, ev.End)
	}
	if got.SourceName != "Donald Trump" || got.TypeLabel != "threatens" || got.Modality != app.Conditional {
		t.Fatalf("read back %+v", got)
	}
	// A second article backs the same relation.
	b, _ := s.CreateArticle(ctx, article("Follow-up", "", "Trump repeated the threat against Iraq."))
	if _, err := s.AddEvidence(ctx, r.ID, app.Evidence{ArticleID: b.ID, Quote: "repeated the threat"}); err != nil {
		t.Fatal(err)
	}
	if got, _ := s.Relation(ctx, r.ID); len(got.Evidence) != 2 {
		t.Fatalf("evidence rows %d, want 2", len(got.Evidence))
	}
	// A quote that is not in the article is refused.
	_, err = s.AddEvidence(ctx, r.ID, app.Evidence{ArticleID: b.ID, Quote: "words never written"})
	wantCode(t, err, app.EINVALID)
	// Unknown type, same actor twice, bad confidence.
	for _, bad := range []app.Relation{
		{SourceID: trump.ID, Type: "adores", TargetID: iraq.ID},
		{SourceID: trump.ID, Type: "threatens", TargetID: trump.ID},
		{SourceID: trump.ID, Type: "threatens", TargetID: iraq.ID, Confidence: "certain"},
		{SourceID: trump.ID, Type: "threatens", TargetID: iraq.ID, Start: "2026-02", End: "2026-01"},
	} {
		if _, err := s.CreateRelation(ctx, bad); err == nil || app.ErrorMessage(err) == "" {
			t.Errorf("%+v was accepted", bad)
		}
	}
	// Type by label works too.
	if _, err := s.CreateRelation(ctx, app.Relation{SourceID: iraq.ID, Type: "Rejects", TargetID: trump.ID}); err != nil {
		t.Fatalf("type by label: %v", err)
	}
}

func TestRelationToDeletedActor(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	a := mustActor(t, s, "A", app.Person)
	b := mustActor(t, s, "B", app.Person)
	if err := s.DeleteActor(ctx, b.ID); err != nil {
		t.Fatal(err)
	}
	_, err := s.CreateRelation(ctx, app.Relation{SourceID: a.ID, Type: "supports", TargetID: b.ID})
	wantCode(t, err, app.ENOTFOUND)
	if !strings.Contains(app.ErrorMessage(err), "target actor") {
		t.Fatalf("message %q does not name the missing side", app.ErrorMessage(err))
	}
	c := mustActor(t, s, "C", app.Person)
	if _, err := s.CreateRelation(ctx, app.Relation{SourceID: a.ID, Type: "supports", TargetID: c.ID}); err != nil {
		t.Fatal(err)
	}
	wantCode(t, s.DeleteActor(ctx, c.ID), app.ECONFLICT) // a related actor is not deleted silently
	if _, err := s.Actor(ctx, c.ID); err != nil {
		t.Fatal("refused delete removed the actor")
	}
}

func TestMergeKeepsAllLinks(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	keep := mustActor(t, s, "Nouri al-Maliki", app.Person)
	drop := mustActor(t, s, "Maliki", app.Person, "Abu Isra")
	fw := mustActor(t, s, "Coordination Framework", app.Party)
	us := mustActor(t, s, "United States", app.State)
	art, _ := s.CreateArticle(ctx, article("Nominated", "", "The Coordination Framework backed Maliki for a third term."))
	mustRelation(t, s, fw.ID, "nominates", drop.ID)
	mustRelation(t, s, drop.ID, "rejects", us.ID)
	mustRelation(t, s, keep.ID, "leads", us.ID)
	if _, err := s.CreateNote(ctx, app.Note{ActorID: drop.ID, Body: "check the 2010 coalition"}); err != nil {
		t.Fatal(err)
	}
	merged, err := s.MergeActors(ctx, keep.ID, drop.ID)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(merged.Aliases, ",") != "Maliki,Abu Isra" {
		t.Fatalf("aliases after merge %v", merged.Aliases)
	}
	d, err := s.Dossier(ctx, keep.ID, 0)
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Relations) != 3 || len(d.Notes) != 1 || d.MentionTotal != 1 || d.Mentions[0].ArticleID != art.ID {
		t.Fatalf("merged dossier: %d relations, %d notes, %d mentions", len(d.Relations), len(d.Notes), d.MentionTotal)
	}
	_, err = s.Actor(ctx, drop.ID)
	wantCode(t, err, app.ENOTFOUND)
	_, err = s.MergeActors(ctx, keep.ID, keep.ID)
	wantCode(t, err, app.ECONFLICT)
	// Two actors related to each other cannot merge into one.
	_, err = s.MergeActors(ctx, fw.ID, keep.ID)
	wantCode(t, err, app.ECONFLICT)
}

func mustRelation(t *testing.T, s *Store, from int64, typ string, to int64) app.Relation {
	t.Helper()
	r, err := s.CreateRelation(context.Background(), app.Relation{SourceID: from, Type: typ, TargetID: to, Start: "2026-01"})
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func TestEachRelationPagesThroughEverything(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	hub := mustActor(t, s, "Hub", app.Organisation)
	other := mustActor(t, s, "Spoke", app.Person)
	const n = 1203
	for i := range n {
		from, to := hub.ID, other.ID
		if i%2 == 1 {
			from, to = to, from
		}
		if _, err := s.CreateRelation(ctx, app.Relation{SourceID: from, Type: "meets_with", TargetID: to}); err != nil {
			t.Fatal(err)
		}
	}
	cases := []struct{ offset, limit, want int }{{0, 0, n}, {0, 501, 501}, {499, 3, 3}, {1200, 0, 3}, {600, 700, 603}}
	for _, c := range cases {
		var ids []int64
		err := s.EachRelation(ctx, app.RelationQuery{ActorID: hub.ID, Offset: c.offset, Limit: c.limit}, func(r app.Relation) error {
			ids = append(ids, r.ID)
			return nil
		})
		if err != nil || len(ids) != c.want {
			t.Fatalf("offset %d limit %d: %d relations (%v), want %d", c.offset, c.limit, len(ids), err, c.want)
		}
		for i := 1; i < len(ids); i++ {
			if ids[i] <= ids[i-1] {
				t.Fatalf("relations out of order or repeated at %d", i)
			}
		}
	}
	d, err := s.Dossier(ctx, hub.ID, DossierMentions)
	if err != nil || d.RelationTotal != n || len(d.Relations) != DossierMentions {
		t.Fatalf("dossier lists %d of %d relations (%v)", len(d.Relations), d.RelationTotal, err)
	}
}
