package db

import (
	"context"
	"strings"
	"testing"

	"dossier/app"
)

func mustNote(t *testing.T, s *Store, n app.Note) app.Note {
	t.Helper()
	n, err := s.CreateNote(context.Background(), n)
	if err != nil {
		t.Fatal(err)
	}
	return n
}

func noteLinksOf(t *testing.T, s *Store, noteID int64) []app.StoredLink {
	t.Helper()
	l, err := s.NoteLinks(context.Background(), noteID)
	if err != nil {
		t.Fatal(err)
	}
	return l
}

// TestNoteLinksResolve: a standalone note's links resolve by an actor's name, its alias, an
// article's title and a note's title (case and accents aside); a link to nothing stays,
// marked missing; a name two records answer to is ambiguous until the kind is written.
func TestNoteLinksResolve(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	maliki := mustActor(t, s, "Nouri al-Maliki", app.Person, "Maliki")
	art, err := s.CreateArticle(ctx, app.Article{Title: "Bloc names its candidate", Body: "The bloc met on Monday."})
	if err != nil {
		t.Fatal(err)
	}
	hyp := mustNote(t, s, app.Note{Title: "Working hypothesis", Body: "The bloc will hold."})
	mustActor(t, s, "Harbour Board", app.Organisation, "Board")
	mustNote(t, s, app.Note{Title: "Board", Body: "The board as a note."})
	if _, err := s.CreateArticle(ctx, app.Article{Title: "Board", Body: "An article so titled."}); err != nil {
		t.Fatal(err)
	}
	n := mustNote(t, s, app.Note{Title: "Meeting", Tags: []string{"iraq", " iraq ", "meetings"},
		Body: "[[NOURI AL-MALIKI]] and [[maliki]] read [[Bloc names its candidate]]; see [[working  hypothesis]], [[Zebulon Party]], [[Board]] and [[actor:Board]]."})
	if len(n.Tags) != 2 {
		t.Errorf("tags %q: a repeated tag must be kept once", n.Tags)
	}
	got := noteLinksOf(t, s, n.ID)
	want := []struct{ status, uuid, name string }{
		{app.LinkResolved, maliki.UUID, "Nouri al-Maliki"},
		{app.LinkResolved, maliki.UUID, "Nouri al-Maliki"},
		{app.LinkResolved, art.UUID, "Bloc names its candidate"},
		{app.LinkResolved, hyp.UUID, "Working hypothesis"},
		{app.LinkMissing, "", ""},
		{app.LinkAmbiguous, "", ""},
		{app.LinkResolved, "", "Harbour Board"},
	}
	if len(got) != len(want) {
		t.Fatalf("links %+v", got)
	}
	for i, w := range want {
		if got[i].Status != w.status || (w.uuid != "" && got[i].UUID != w.uuid) || got[i].Name != w.name {
			t.Errorf("link %d %q: %s %q %q, want %s %q %q", i, got[i].Target, got[i].Status, got[i].UUID, got[i].Name, w.status, w.uuid, w.name)
		}
	}
	if got[4].Shown() != "Zebulon Party" {
		t.Errorf("a missing link shows %q", got[4].Shown())
	}
}

// TestNoteLinksSurviveRenames: a link is kept by UUID, shown by the record's current name,
// and still points at it after the note is saved again with its old text.
func TestNoteLinksSurviveRenames(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	a := mustActor(t, s, "Ximena Quiroga", app.Person)
	n := mustNote(t, s, app.Note{Body: "Spoke with [[Ximena Quiroga]]."})
	a.Name = "Ximena Quiroga Vidal"
	if _, err := s.UpdateActor(ctx, a); err != nil {
		t.Fatal(err)
	}
	l := noteLinksOf(t, s, n.ID)
	if len(l) != 1 || l[0].UUID != a.UUID || l[0].Shown() != "Ximena Quiroga Vidal" {
		t.Fatalf("after the rename: %+v", l)
	}
	n.Body += " Again."
	if _, err := s.UpdateNote(ctx, n); err != nil {
		t.Fatal(err)
	}
	if l := noteLinksOf(t, s, n.ID); len(l) != 1 || l[0].UUID != a.UUID || l[0].Status != app.LinkResolved {
		t.Fatalf("after saving the note again: %+v", l)
	}
	b, err := s.Backlinks(ctx, app.LinkActor, a.ID)
	if err != nil || b.LinkedTotal != 1 || len(b.Linked) != 1 || !strings.Contains(b.Linked[0].Sentence, "Ximena Quiroga Vidal") {
		t.Fatalf("backlinks after the rename: %+v, %v", b, err)
	}
}

// TestMissingLinkResolvesWhenCreated: a link to a record that does not exist yet points at
// the actor or note created with that name, by UUID, so a later rename keeps it.
func TestMissingLinkResolvesWhenCreated(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	n := mustNote(t, s, app.Note{Body: "Ask about [[Zebulon Party]] and [[Open questions]]."})
	z := mustActor(t, s, "Zebulon Party", app.Party)
	q := mustNote(t, s, app.Note{Title: "Open questions", Body: "…"})
	l := noteLinksOf(t, s, n.ID)
	if l[0].UUID != z.UUID || l[1].UUID != q.UUID {
		t.Fatalf("links after creating their records: %+v", l)
	}
	var stored int
	s.db.QueryRowContext(ctx, `SELECT count(*) FROM note_links WHERE note_id = ? AND uuid <> ''`, n.ID).Scan(&stored)
	if stored != 2 {
		t.Errorf("%d links stored by UUID, want 2 (resolved when the records were made, not only when read)", stored)
	}
}

// TestBacklinksAndUnlinkedMentions: the dossier's "In your notes" lists the notes linking to
// the actor with the sentence around the link, newest first, and the notes naming it
// without a link; "link it" turns a mention into a link.
func TestBacklinksAndUnlinkedMentions(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	m := mustActor(t, s, "Nouri al-Maliki", app.Person, "Maliki", "US")
	other := mustActor(t, s, "Harbour Board", app.Organisation)
	n1 := mustNote(t, s, app.Note{Title: "Talks", Body: "Preamble. The bloc backed [[Maliki]] on Tuesday. Then lunch."})
	mustNote(t, s, app.Note{Body: "Only [[Harbour Board]] here, and let us wait."})
	n3 := mustNote(t, s, app.Note{Body: "Rumour: maliki may return.\nNothing else."})
	mustNote(t, s, app.Note{Body: "Malikiya is a town."})
	mustNote(t, s, app.Note{Body: "Maliki himself, on his own record.", ActorID: m.ID}) // listed as his note, not as a mention
	b, err := s.Backlinks(ctx, app.LinkActor, m.ID)
	if err != nil {
		t.Fatal(err)
	}
	if b.LinkedTotal != 1 || len(b.Linked) != 1 || b.Linked[0].NoteID != n1.ID {
		t.Fatalf("linked %+v", b.Linked)
	}
	l := b.Linked[0]
	if l.Sentence != "The bloc backed Nouri al-Maliki on Tuesday." || string([]rune(l.Sentence)[l.Start:l.End]) != "Nouri al-Maliki" || l.Heading != "Talks" {
		t.Errorf("linked sentence %q [%d:%d] heading %q", l.Sentence, l.Start, l.End, l.Heading)
	}
	if b.UnlinkedTotal != 1 || len(b.Unlinked) != 1 || b.Unlinked[0].NoteID != n3.ID || b.Unlinked[0].Text != "maliki" {
		t.Fatalf("unlinked %+v (total %d)", b.Unlinked, b.UnlinkedTotal)
	}
	u := b.Unlinked[0]
	if u.Sentence != "Rumour: maliki may return." {
		t.Errorf("unlinked sentence %q", u.Sentence)
	}
	if err := s.LinkMention(ctx, n3.ID, u.At, u.AtEnd, m.ID); err != nil {
		t.Fatal(err)
	}
	n, _ := s.Note(ctx, n3.ID)
	if n.Body != "Rumour: [[Nouri al-Maliki|maliki]] may return.\nNothing else." {
		t.Errorf("linked body %q", n.Body)
	}
	b, _ = s.Backlinks(ctx, app.LinkActor, m.ID)
	if b.LinkedTotal != 2 || b.UnlinkedTotal != 0 || b.Linked[0].NoteID != n3.ID {
		t.Errorf("after link it: %+v", b)
	}
	// The same offsets again are refused: the text there is a link now.
	wantCode(t, s.LinkMention(ctx, n3.ID, u.At, u.AtEnd, m.ID), app.ECONFLICT)
	if b, _ := s.Backlinks(ctx, app.LinkActor, other.ID); b.LinkedTotal != 1 {
		t.Errorf("the board's backlinks: %+v", b)
	}
}

// TestNoteBacklinksOfArticlesAndNotes: articles and notes show the notes linking to them.
func TestNoteBacklinksOfArticlesAndNotes(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	art, _ := s.CreateArticle(ctx, app.Article{Title: "Port strike ends", Body: "Dockers went back."})
	hyp := mustNote(t, s, app.Note{Title: "Hypothesis", Body: "Costs drive it."})
	mustNote(t, s, app.Note{Body: "See [[Port strike ends]] against [[Hypothesis]]."})
	for _, c := range []struct {
		kind string
		id   int64
	}{{app.LinkArticle, art.ID}, {app.LinkNote, hyp.ID}} {
		b, err := s.Backlinks(ctx, c.kind, c.id)
		if err != nil || b.LinkedTotal != 1 {
			t.Errorf("%s backlinks %+v, %v", c.kind, b, err)
		}
	}
}

// TestMergeKeepsNoteLinks: links to an actor merged away point at the actor kept.
func TestMergeKeepsNoteLinks(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	keep := mustActor(t, s, "Nouri al-Maliki", app.Person)
	drop := mustActor(t, s, "N. al-Maliki", app.Person)
	n := mustNote(t, s, app.Note{Body: "[[N. al-Maliki]] spoke."})
	if _, _, _, err := s.Merge(ctx, keep.ID, drop.ID); err != nil {
		t.Fatal(err)
	}
	if l := noteLinksOf(t, s, n.ID); l[0].UUID != keep.UUID || l[0].Gone {
		t.Errorf("after the merge the link is %+v", l[0])
	}
	// Undoing the merge gives the link back to the actor it named.
	ms, err := s.Merges(ctx, keep.ID)
	if err != nil || len(ms) != 1 {
		t.Fatalf("merges %+v %v", ms, err)
	}
	if _, err := s.Unmerge(ctx, ms[0].ID); err != nil {
		t.Fatal(err)
	}
	if l := noteLinksOf(t, s, n.ID); l[0].UUID != drop.UUID || l[0].Gone {
		t.Errorf("after undoing the merge the link is %+v, want it on %s", l[0], drop.UUID)
	}
}

// TestOldNotesKeepWorking: a note written before version 8 (no title, tags or links) is
// listed, found by its words and can be edited.
func TestOldNotesKeepWorking(t *testing.T) {
	ctx := context.Background()
	old, path := openAtVersion(t, 7)
	if _, err := old.db.Exec(`INSERT INTO actors(id, uuid, name, kind, created, updated) VALUES (7, 'u7', 'Ximena Quiroga', 'person', '', '');
		INSERT INTO aliases(actor_id, text, folded, is_name) VALUES (7, 'Ximena Quiroga', 'ximena quiroga', 1);
		INSERT INTO notes(uuid, body, actor_id, created, updated) VALUES ('n1', 'Governor since the spring.', 7, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')`); err != nil {
		t.Fatal(err)
	}
	old.Close()
	s, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	rows, err := s.Notes(ctx, app.NoteQuery{Text: "governor"})
	if err != nil || len(rows) != 1 || rows[0].About != "Ximena Quiroga" || rows[0].Heading != "Governor since the spring." {
		t.Fatalf("notes %+v, %v", rows, err)
	}
	n, err := s.Note(ctx, rows[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	n.Body = "Governor since the spring; see [[Ximena Quiroga]]."
	if _, err := s.UpdateNote(ctx, n); err != nil {
		t.Fatal(err)
	}
	if b, _ := s.Backlinks(ctx, app.LinkActor, 7); b.LinkedTotal != 1 {
		t.Errorf("backlinks %+v", b)
	}
	if rep, err := s.Check(ctx); err != nil || !rep.OK() {
		t.Errorf("the full check after the migration: %+v, %v", rep, err)
	}
}

// TestNotesListFiltersAndOrder: newest edited first, by words and by tag.
func TestNotesListFiltersAndOrder(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	a := mustNote(t, s, app.Note{Title: "Alpha", Tags: []string{"sources"}, Body: "Reliability of the wire."})
	mustNote(t, s, app.Note{Title: "Beta", Tags: []string{"meetings"}, Body: "Lunch with the envoy."})
	a.Body += " Updated."
	if _, err := s.UpdateNote(ctx, a); err != nil {
		t.Fatal(err)
	}
	rows, _ := s.Notes(ctx, app.NoteQuery{})
	if len(rows) != 2 || rows[0].Heading != "Alpha" {
		t.Errorf("order %+v: the note edited last comes first", rows)
	}
	for _, q := range []app.NoteQuery{{Text: "envo"}, {Tag: "meetings"}, {Text: "beta"}} {
		rows, err := s.Notes(ctx, q)
		if n, _ := s.CountNotes(ctx, q); err != nil || len(rows) != 1 || rows[0].Heading != "Beta" || n != 1 {
			t.Errorf("%+v: %+v (%d) %v", q, rows, n, err)
		}
	}
	if tags, _ := s.NoteTags(ctx); strings.Join(tags, ",") != "meetings,sources" {
		t.Errorf("tags %q", tags)
	}
}

// TestLinkSuggestions: typing offers actors by name and alias, notes and articles by
// title, word prefixes folded.
func TestLinkSuggestions(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	m := mustActor(t, s, "Nouri al-Maliki", app.Person, "Maliki")
	mustActor(t, s, "Malik Harbour Co", app.Organisation)
	s.CreateArticle(ctx, app.Article{Title: "Málíki returns to the race", Body: "x"})
	mustNote(t, s, app.Note{Title: "Maliki's allies", Body: "x"})
	got, err := s.LinkSuggestions(ctx, "mal", 0)
	if err != nil {
		t.Fatal(err)
	}
	var kinds []string
	for _, g := range got {
		kinds = append(kinds, g.Kind+":"+g.Name)
	}
	if len(got) != 4 || got[0].Kind != app.LinkActor || got[2].Kind != app.LinkNote || got[3].Kind != app.LinkArticle {
		t.Fatalf("suggestions %q", kinds)
	}
	found := false
	for _, g := range got {
		found = found || g.UUID == m.UUID
	}
	if !found {
		t.Errorf("Maliki not offered: %q", kinds)
	}
	if got, _ := s.LinkSuggestions(ctx, "al-mal", 0); len(got) != 1 || got[0].UUID != m.UUID {
		t.Errorf("al-mal: %+v", got)
	}
}

// TestSearchFindsNotesByWordsAndLinks: a note is found by the words of its title, text and
// tags, and by what it links to: a note linking to an actor through an alias the query
// does not hold is found by the actor's name.
func TestSearchFindsNotesByWordsAndLinks(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	mustActor(t, s, "Nouri al-Maliki", app.Person, "the former prime minister")
	byWords := mustNote(t, s, app.Note{Title: "Coalition arithmetic", Tags: []string{"seats"}, Body: "Counting the votes."})
	byLink := mustNote(t, s, app.Note{Title: "Return", Body: "[[the former prime minister]] is back in talks."})
	mustNote(t, s, app.Note{Body: "Nothing relevant here."})
	for _, c := range []struct {
		query string
		want  int64
	}{{"arithmetic", byWords.ID}, {"votes", byWords.ID}, {"seats", byWords.ID}, {"maliki", byLink.ID}, {"prime minister", byLink.ID}} {
		res, err := s.Search(ctx, app.SearchQuery{Text: c.query})
		if err != nil {
			t.Fatal(err)
		}
		if len(res.Notes) != 1 || res.Notes[0].ID != c.want {
			t.Errorf("%q found notes %+v, want #%d", c.query, res.Notes, c.want)
		}
	}
	res, _ := s.Search(ctx, app.SearchQuery{Text: "maliki"})
	if len(res.Notes) == 1 && (res.Notes[0].Title != "Return" || !strings.Contains(res.Notes[0].Snippet, "Maliki")) {
		t.Errorf("link hit: title %q snippet %q", res.Notes[0].Title, res.Notes[0].Snippet)
	}
	for _, q := range []string{"maliki NOT talks", "(maliki OR votes) AND NOT zzz", `"al maliki"`} {
		if _, err := s.Search(ctx, app.SearchQuery{Text: q}); err != nil {
			t.Errorf("%q: %v", q, err)
		}
	}
}

// TestLinkSuggestionsShareTheList: many actors matching a prefix leave room for the notes
// and articles that match it too.
func TestLinkSuggestionsShareTheList(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	for _, n := range []string{"Harbour One", "Harbour Two", "Harbour Three", "Harbour Four", "Harbour Five", "Harbour Six", "Harbour Seven", "Harbour Eight", "Harbour Nine"} {
		mustActor(t, s, n, app.Organisation)
	}
	mustNote(t, s, app.Note{Title: "Harbour fees", Body: "x"})
	s.CreateArticle(ctx, app.Article{Title: "Harbour reopens", Body: "x"})
	got, err := s.LinkSuggestions(ctx, "harb", 8)
	if err != nil {
		t.Fatal(err)
	}
	kinds := map[string]int{}
	for _, g := range got {
		kinds[g.Kind]++
	}
	if len(got) != 8 || kinds[app.LinkNote] != 1 || kinds[app.LinkArticle] != 1 || kinds[app.LinkActor] != 6 {
		t.Errorf("suggestions by kind %v (%d)", kinds, len(got))
	}
	// A tag is matched whole, its characters as written.
	mustNote(t, s, app.Note{Title: "Odd tag", Tags: []string{"50%_done"}, Body: "x"})
	mustNote(t, s, app.Note{Title: "Other", Tags: []string{"50xydone"}, Body: "x"})
	if rows, _ := s.Notes(ctx, app.NoteQuery{Tag: "50%_done"}); len(rows) != 1 || rows[0].Heading != "Odd tag" {
		t.Errorf("tag filter: %+v", rows)
	}
}

// TestNoteImagesKeptInProject: a PNG is kept and read back whole; a file that is not a
// PNG or JPEG is refused, whatever its name says.
func TestNoteImagesKeptInProject(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	png := append([]byte("\x89PNG\r\n\x1a\n"), make([]byte, 64)...)
	img, err := s.AddNoteImage(ctx, app.NoteImage{Name: "chart.png", Data: png})
	if err != nil || img.UUID == "" || img.MIME != "image/png" {
		t.Fatalf("added %+v, %v", img, err)
	}
	got, err := s.NoteImage(ctx, img.UUID)
	if err != nil || string(got.Data) != string(png) || got.Name != "chart.png" {
		t.Errorf("read back %q %d bytes, %v", got.Name, len(got.Data), err)
	}
	_, err = s.AddNoteImage(ctx, app.NoteImage{Name: "fake.png", Data: []byte("<html>not a picture</html>")})
	wantCode(t, err, app.EINVALID)
	_, err = s.NoteImage(ctx, "no-such-image")
	wantCode(t, err, app.ENOTFOUND)
}
