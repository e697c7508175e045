package db

import (
	"context"
	"path/filepath"
	"testing"

	"dossier/app"
)

func TestDossierBothDirectionsMentionsTimeline(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	trump := mustActor(t, s, "Donald Trump", app.Person, "Trump")
	maliki := mustActor(t, s, "Nouri al-Maliki", app.Person, "Maliki")
	iraq := mustActor(t, s, "Iraq", app.State)
	us := mustActor(t, s, "United States", app.State, "US", "Washington")
	art, err := s.CreateArticle(ctx, app.Article{Title: "Defiance in Baghdad", Date: "2026-01-28", Source: "Test Wire",
		Body: "Trump warned Iraq on Tuesday. Maliki answered the next day that US pressure was interference. Nobody else spoke."})
	if err != nil {
		t.Fatal(err)
	}
	mustRelation(t, s, trump.ID, "threatens", iraq.ID)
	rel, err := s.CreateRelation(ctx, app.Relation{SourceID: maliki.ID, Type: "rejects", TargetID: us.ID, Start: "2026-01-28",
		Evidence: []app.Evidence{{ArticleID: art.ID, Quote: "US pressure was interference"}}})
	if err != nil {
		t.Fatal(err)
	}
	d, err := s.Dossier(ctx, us.ID, DossierMentions)
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Relations) != 1 || d.Relations[0].Direction != app.Incoming || d.Relations[0].Verb != "is rejected by" ||
		d.Relations[0].CounterpartName != "Nouri al-Maliki" || len(d.Relations[0].Evidence) != 1 {
		t.Fatalf("incoming relation seen as %+v", d.Relations)
	}
	if d.MentionTotal != 1 || d.Mentions[0].Sentence != "Maliki answered the next day that US pressure was interference." {
		t.Fatalf("mentions %+v", d.Mentions)
	}
	m := d.Mentions[0]
	if got := string([]rune(m.Sentence)[m.Start:m.End]); got != "US" {
		t.Fatalf("highlight covers %q", got)
	}
	if len(d.Timeline) != 2 || d.Timeline[0].Kind != "relation" && d.Timeline[0].Kind != "article" {
		t.Fatalf("timeline %+v", d.Timeline)
	}
	if len(d.Associates) == 0 || d.Associates[0].Name != "Nouri al-Maliki" || d.Associates[0].Relations != 1 {
		t.Fatalf("associates %+v", d.Associates)
	}
	dt, _ := s.Dossier(ctx, trump.ID, 0)
	if len(dt.Relations) != 1 || dt.Relations[0].Direction != app.Outgoing || dt.Relations[0].Verb != "threatens" {
		t.Fatalf("outgoing relation seen as %+v", dt.Relations)
	}
	// Trashing the article hides it from the dossier; restoring brings it back.
	s.DeleteArticle(ctx, art.ID)
	if d, _ := s.Dossier(ctx, us.ID, 0); d.MentionTotal != 0 || len(d.Relations[0].Evidence) != 0 {
		t.Fatalf("trashed article still in the dossier")
	}
	s.RestoreArticle(ctx, art.ID)
	if r, _ := s.Relation(ctx, rel.ID); len(r.Evidence) != 1 {
		t.Fatal("restore lost the evidence")
	}
}

func TestRejectedMentionStaysRejected(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	iran := mustActor(t, s, "Iran", app.State)
	art, _ := s.CreateArticle(ctx, app.Article{Title: "t", Body: "Iran and Iraq met.", Date: "2026"})
	ms, err := s.Mentions(ctx, art.ID)
	if err != nil || len(ms) != 1 || ms[0].ActorID != iran.ID || ms[0].Start != 0 || ms[0].End != 4 {
		t.Fatalf("mentions %+v %v", ms, err)
	}
	if err := s.SetMentionStatus(ctx, ms[0].ID, app.MentionRejected); err != nil {
		t.Fatal(err)
	}
	// Relinking (an alias added, the article edited) keeps the rejection.
	s.AddAlias(ctx, iran.ID, "Tehran")
	a, _ := s.Article(ctx, art.ID)
	a.Notes = "edited"
	s.UpdateArticle(ctx, a)
	ms, _ = s.Mentions(ctx, art.ID)
	if len(ms) != 1 || ms[0].Status != app.MentionRejected {
		t.Fatalf("after relink %+v", ms)
	}
	if d, _ := s.Dossier(ctx, iran.ID, 0); d.MentionTotal != 0 {
		t.Fatal("a rejected mention shows in the dossier")
	}
}

func TestAddingAnActorLinksExistingArticles(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	s.CreateArticle(ctx, app.Article{Title: "t", Body: "Sudani stepped aside.", Date: "2026-01"})
	sud := mustActor(t, s, "Mohammed Shia al-Sudani", app.Person, "Sudani")
	if d, _ := s.Dossier(ctx, sud.ID, 0); d.MentionTotal != 1 {
		t.Fatalf("mentions after adding the actor: %d", d.MentionTotal)
	}
}

func TestNotesRemoveTaggedSaveCopy(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	mine := mustActor(t, s, "My source", app.Person)
	sample, _ := s.CreateActor(ctx, app.Actor{Name: "Sample actor", Tags: []string{"sample"}})
	s.CreateArticle(ctx, app.Article{Title: "Sample", Body: "sample text", Tags: []string{"iraq", "sample"}})
	s.CreateArticle(ctx, app.Article{Title: "Mine", Body: "my text", Tags: []string{"samples"}})
	mustRelation(t, s, mine.ID, "meets_with", sample.ID)
	n, err := s.CreateNote(ctx, app.Note{ActorID: mine.ID, Body: "first"})
	if err != nil {
		t.Fatal(err)
	}
	n.Body = "# Heading\nsecond"
	if _, err := s.UpdateNote(ctx, n); err != nil {
		t.Fatal(err)
	}
	if ns, _ := s.ActorNotes(ctx, mine.ID); len(ns) != 1 || ns[0].Body != "# Heading\nsecond" {
		t.Fatalf("notes %+v", ns)
	}
	if _, err := s.CreateNote(ctx, app.Note{Body: "  "}); app.ErrorCode(err) != app.EINVALID {
		t.Fatalf("empty note: %v", err)
	}
	if err := s.RemoveTagged(ctx, "sample"); err != nil {
		t.Fatal(err)
	}
	if n, _ := s.CountArticles(ctx, app.ArticleQuery{}); n != 1 {
		t.Fatalf("%d articles left, want only the user's", n)
	}
	if n, _ := s.CountActors(ctx, app.ActorQuery{}); n != 1 {
		t.Fatalf("%d actors left", n)
	}
	copyPath := filepath.Join(t.TempDir(), "copy.dossier")
	if err := s.SaveCopy(ctx, copyPath); err != nil {
		t.Fatal(err)
	}
	wantCode(t, s.SaveCopy(ctx, copyPath), app.ECONFLICT)
	c, err := Open(ctx, copyPath)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	if n, _ := c.CountActors(ctx, app.ActorQuery{}); n != 1 {
		t.Fatalf("copy holds %d actors", n)
	}
}

func TestUpdateRelationKeepsTrashedAndStaleSources(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	a := mustActor(t, s, "Alpha", app.Person)
	b := mustActor(t, s, "Beta", app.Person)
	one, _ := s.CreateArticle(ctx, app.Article{Title: "One", Body: "Alpha praised Beta warmly.", Date: "2026"})
	two, _ := s.CreateArticle(ctx, app.Article{Title: "Two", Body: "Alpha praised Beta again.", Date: "2026"})
	r, err := s.CreateRelation(ctx, app.Relation{SourceID: a.ID, Type: "praises", TargetID: b.ID, Evidence: []app.Evidence{
		{ArticleID: one.ID, Quote: "praised Beta warmly"}, {ArticleID: two.ID, Quote: "praised Beta again"}}})
	if err != nil {
		t.Fatal(err)
	}
	// The first article is edited so its quote is gone, the second is trashed.
	one.Body = "Alpha said nothing about Beta."
	if _, err := s.UpdateArticle(ctx, one); err != nil {
		t.Fatal(err)
	}
	s.DeleteArticle(ctx, two.ID)
	shown, _ := s.Relation(ctx, r.ID)
	if len(shown.Evidence) != 1 || shown.Evidence[0].Start != -1 {
		t.Fatalf("evidence shown: %+v", shown.Evidence)
	}
	shown.Note = "edited"
	if _, err := s.UpdateRelation(ctx, shown); err != nil {
		t.Fatalf("saving a relation with a stale quote: %v", err)
	}
	s.RestoreArticle(ctx, two.ID)
	if got, _ := s.Relation(ctx, r.ID); len(got.Evidence) != 2 || got.Note != "edited" {
		t.Fatalf("after restore: %d sources, note %q", len(got.Evidence), got.Note)
	}
}
