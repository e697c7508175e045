package hub_test

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"dossier/app"
	"dossier/db"
	"dossier/db/hub"
)

// have says which of the named records a project holds.
func have(t *testing.T, s *db.Store, recs map[string][2]string) map[string]bool {
	t.Helper()
	out := map[string]bool{}
	for name, r := range recs {
		id, err := s.IDByUUID(context.Background(), r[0], r[1])
		if err != nil {
			t.Fatal(err)
		}
		out[name] = id != 0
	}
	return out
}

// A project subscribed to a tag takes only the articles with it, the relations quoting
// them, their actors and the notes on them; a later sync keeps to it, and takes what a
// change brings into it (an article tagged later brings its older relation and actors);
// its own changes are all sent; --all-tags takes the rest, and it then agrees with the
// hub.
func TestSyncSubscribedToATag(t *testing.T) {
	ctx := context.Background()
	tm := newTeam(t)
	a := newProject(t)
	port, err := a.CreateArticle(ctx, app.Article{Title: "Quay closed", Body: syncBodyOne, Date: "2026-03-01", Tags: []string{"Port", "north"}})
	if err != nil {
		t.Fatal(err)
	}
	ferry, err := a.CreateArticle(ctx, app.Article{Title: "Ferry fares", Body: "KESTRAVIK — Ferry fares rise in May, Olaf Brenning said.", Date: "2026-03-02", Tags: []string{"ferry"}})
	if err != nil {
		t.Fatal(err)
	}
	plain, err := a.CreateArticle(ctx, app.Article{Title: "Weather", Body: "KESTRAVIK — Fog again on Wednesday.", Date: "2026-03-03"})
	if err != nil {
		t.Fatal(err)
	}
	ilse := mustActor(t, a, "Ilse Marquand", app.Person)
	board := mustActor(t, a, "Harbour Board", app.Organisation)
	olaf := mustActor(t, a, "Olaf Brenning", app.Person)
	lines := mustActor(t, a, "Fjord Lines", app.Organisation)
	portRel, err := a.CreateRelation(ctx, app.Relation{SourceID: board.ID, Type: "criticises", TargetID: ilse.ID, Start: "2026-03-01",
		Evidence: []app.Evidence{{ArticleID: port.ID, Quote: "The Harbour Board blamed her"}}})
	if err != nil {
		t.Fatal(err)
	}
	ferryRel, err := a.CreateRelation(ctx, app.Relation{SourceID: olaf.ID, Type: "member_of", TargetID: lines.ID, Start: "2026-03-02",
		Evidence: []app.Evidence{{ArticleID: ferry.ID, Quote: "Olaf Brenning said"}}})
	if err != nil {
		t.Fatal(err)
	}
	ilseNote, err := a.CreateNote(ctx, app.Note{ActorID: ilse.ID, Body: "Harbour master since 2019."})
	if err != nil {
		t.Fatal(err)
	}
	olafNote, err := a.CreateNote(ctx, app.Note{ActorID: olaf.ID, Body: "Spokesman; answers by e-mail only."})
	if err != nil {
		t.Fatal(err)
	}
	tm.mustSync(t, a, "ayse")
	recs := map[string][2]string{
		"port": {"article", port.UUID}, "ferry": {"article", ferry.UUID}, "plain": {"article", plain.UUID},
		"ilse": {"actor", ilse.UUID}, "board": {"actor", board.UUID}, "olaf": {"actor", olaf.UUID}, "lines": {"actor", lines.UUID},
		"portRel": {"relation", portRel.UUID}, "ferryRel": {"relation", ferryRel.UUID},
		"ilseNote": {"note", ilseNote.UUID}, "olafNote": {"note", olafNote.UUID},
	}
	check := func(s *db.Store, when string, want ...string) {
		t.Helper()
		in := map[string]bool{}
		for _, w := range want {
			in[w] = true
		}
		for name, got := range have(t, s, recs) {
			if got != in[name] {
				t.Errorf("%s: holds %s: %v, want %v", when, name, got, in[name])
			}
		}
	}

	// Bruno subscribes to "port" (any case), through the batch command.
	pb := filepath.Join(t.TempDir(), "b.dossier")
	b, err := db.Create(ctx, pb)
	if err != nil {
		t.Fatal(err)
	}
	b.Close()
	code, out, errOut := runCLI("sync", "--db", pb, "--hub", tm.url("bruno"), "--collection", "desk", "--only-tag", "PORT")
	if code != 0 || errOut != "" || !strings.Contains(out, "subscribed to the articles tagged port") {
		t.Fatalf("subscribing: exit %d\n%s%s", code, out, errOut)
	}
	b, err = db.Open(ctx, pb)
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	check(b, "subscribed", "port", "ilse", "board", "portRel", "ilseNote")
	tm.quiet(t, b, "bruno")

	// Ayse files another untagged article, edits the ferry relation, tags the plain
	// article "port" and the ferry one too: the subscription keeps to what is tagged,
	// and the ferry article brings its relation, its actors and their note.
	if _, err := a.CreateArticle(ctx, app.Article{Title: "Tides", Body: "KESTRAVIK — Spring tides expected.", Date: "2026-03-04"}); err != nil {
		t.Fatal(err)
	}
	rep := tm.mustSync(t, a, "ayse")
	rep = tm.mustSync(t, b, "bruno")
	if rep.Received != 0 {
		t.Errorf("an untagged article reached the subscribed project:\n%s", rep.Text())
	}
	ferry.Tags = []string{"ferry", "port"}
	if _, err := a.UpdateArticle(ctx, ferry); err != nil {
		t.Fatal(err)
	}
	tm.mustSync(t, a, "ayse")
	rep = tm.mustSync(t, b, "bruno")
	check(b, "after the ferry article was tagged port", "port", "ilse", "board", "portRel", "ilseNote", "ferry", "olaf", "lines", "ferryRel", "olafNote")
	if rep.Received != 5 {
		t.Errorf("received %d, want 5 (article, relation, two actors, note):\n%s", rep.Received, rep.Text())
	}

	// Bruno's own work is all sent, subscribed or not.
	if _, err := b.CreateArticle(ctx, app.Article{Title: "Bruno's notes from the quay", Body: "Talked to two dockers.", Date: "2026-03-05"}); err != nil {
		t.Fatal(err)
	}
	if rep := tm.mustSync(t, b, "bruno"); rep.Sent != 1 {
		t.Errorf("bruno sent %d, want 1:\n%s", rep.Sent, rep.Text())
	}

	// A deletion reaches the subscribed project (deletion markers carry no tags).
	if err := a.DeleteNote(ctx, ilseNote.ID); err != nil {
		t.Fatal(err)
	}
	tm.mustSync(t, a, "ayse")
	tm.mustSync(t, b, "bruno")
	delete(recs, "ilseNote")
	check(b, "after a deletion", "port", "ilse", "board", "portRel", "ferry", "olaf", "lines", "ferryRel", "olafNote")

	// The subscription is kept in the project: a sync with no flag keeps to it.
	t.Setenv("PGPASSWORD", "bruno-password")
	b.Close()
	if code, out, errOut := runCLI("sync", "--db", pb); code != 0 || !strings.Contains(out, "subscribed to the articles tagged port") || !strings.Contains(out, "0 received") {
		t.Errorf("a later sync: exit %d\n%s%s", code, out, errOut)
	}
	if code, _, errOut := runCLI("sync", "--db", pb, "--all-tags", "--only-tag", "x"); code == 0 || !strings.Contains(errOut, "one or the other") {
		t.Errorf("--all-tags with --only-tag: exit %d %s", code, errOut)
	}
	// Unsubscribing takes the rest.
	if code, out, errOut := runCLI("sync", "--db", pb, "--all-tags"); code != 0 || errOut != "" || strings.Contains(out, "subscribed") || !strings.Contains(out, "2 received") {
		t.Errorf("--all-tags: exit %d\n%s%s", code, out, errOut)
	}
	b, err = db.Open(ctx, pb)
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	tm.mustSync(t, a, "ayse")
	tm.agree(t, a, b)
}

// A member without a grant learns nothing through the subscription's functions either.
func TestSubscriptionFunctionsNeedAGrant(t *testing.T) {
	ctx := context.Background()
	tm, port, _ := searchTeam(t)
	coll, _, err := connect(t, tm, "bruno").Collection(ctx, "desk")
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		user string
		want int
	}{{"bruno", 1}, {"dana", 0}} {
		h := connect(t, tm, c.user)
		recs, err := h.Citing(ctx, coll, []string{port.UUID})
		if err != nil || len(recs) != c.want {
			t.Errorf("%s: citing %d relations, want %d (%v)", c.user, len(recs), c.want, err)
		}
	}
}

// The Subscriptions dialog's list: the tags of the collection's live articles,
// lower-cased as subscriptions take them, with how many articles carry each, the most
// used first, cut at the limit (and said to be cut); a trashed article's tags are left out; a
// member without a grant reads none (row-level security).
func TestTagsOfACollection(t *testing.T) {
	ctx := context.Background()
	tm := newTeam(t)
	a := newProject(t)
	for _, art := range []app.Article{
		{Title: "Quay closed", Body: syncBodyOne, Date: "2026-03-01", Tags: []string{"Port", "north"}},
		{Title: "Quay sued", Body: syncBodyTwo, Date: "2026-03-02", Tags: []string{"port"}},
		{Title: "Ferry fares", Body: "KESTRAVIK — Ferry fares rise in May.", Date: "2026-03-03", Tags: []string{"ferry"}},
		{Title: "Weather", Body: "KESTRAVIK — Fog again on Wednesday.", Date: "2026-03-04"},
	} {
		if _, err := a.CreateArticle(ctx, art); err != nil {
			t.Fatal(err)
		}
	}
	gone, err := a.CreateArticle(ctx, app.Article{Title: "Retracted", Body: "KESTRAVIK — A story withdrawn.", Date: "2026-03-05", Tags: []string{"retracted"}})
	if err != nil {
		t.Fatal(err)
	}
	tm.mustSync(t, a, "ayse")
	if err := a.DeleteArticle(ctx, gone.ID); err != nil {
		t.Fatal(err)
	}
	tm.mustSync(t, a, "ayse")

	h, id := tm.connectAs(t, "bruno")
	if err := h.Ping(ctx); err != nil {
		t.Fatalf("ping: %v", err)
	}
	tags, more, err := h.Tags(ctx, id, 10)
	if err != nil || more || fmt.Sprint(tags) != "[{port 2} {ferry 1} {north 1}]" {
		t.Errorf("tags %v, more %v, %v", tags, more, err)
	}
	if tags, more, err = h.Tags(ctx, id, 2); err != nil || !more || fmt.Sprint(tags) != "[{port 2} {ferry 1}]" {
		t.Errorf("cut at 2: tags %v, more %v, %v", tags, more, err)
	}
	dana, err := hub.Connect(ctx, tm.url("dana"))
	if err != nil {
		t.Fatal(err)
	}
	defer dana.Close(ctx)
	if tags, _, err := dana.Tags(ctx, id, 10); err != nil || len(tags) != 0 {
		t.Errorf("a member without a grant reads tags %v (%v)", tags, err)
	}
}
