package db

import (
	"context"
	"database/sql"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"dossier/app"
	"dossier/app/mention"
)

// shown lists an article's mentions as "name start-end status", in text order.
func shown(t *testing.T, s *Store, articleID int64) []string {
	t.Helper()
	rows, err := s.db.Query(`SELECT ac.name, m.start, m.end, m.status FROM mentions m JOIN actors ac ON ac.id = m.actor_id
		WHERE m.article_id = ? ORDER BY m.start, ac.name`, articleID)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var name, status string
		var start, end int
		if err := rows.Scan(&name, &start, &end, &status); err != nil {
			t.Fatal(err)
		}
		out = append(out, fmt.Sprintf("%s %d-%d %s", name, start, end, status))
	}
	return out
}

func mustArticle(t *testing.T, s *Store, body string) app.Article {
	t.Helper()
	a, err := s.CreateArticle(context.Background(), app.Article{Title: "About " + string([]rune(body)[:min(len([]rune(body)), 20)]), Body: body})
	if err != nil {
		t.Fatal(err)
	}
	return a
}

func wantShown(t *testing.T, s *Store, articleID int64, want ...string) {
	t.Helper()
	if got := shown(t, s, articleID); !slices.Equal(got, want) {
		t.Errorf("mentions of article #%d:\n got %q\nwant %q", articleID, got, want)
	}
}

func TestSharedNameIsAmbiguousUnlessAFullerNameSettlesIt(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	joshua := mustActor(t, s, "Joshua Harris", app.Person, "Harris")
	kamala := mustActor(t, s, "Kamala Harris", app.Person, "Harris")

	alone := mustArticle(t, s, "Harris spoke first.")
	wantShown(t, s, alone.ID, "Joshua Harris 0-6 ambiguous", "Kamala Harris 0-6 ambiguous")
	amb, err := s.AmbiguousMentions(ctx, alone.ID)
	if err != nil || len(amb) != 1 {
		t.Fatalf("AmbiguousMentions = %+v, %v", amb, err)
	}
	want := app.AmbiguousMention{Start: 0, End: 6, Text: "Harris", Candidates: []app.ActorRef{
		{ID: joshua.ID, Name: "Joshua Harris", Kind: app.Person}, {ID: kamala.ID, Name: "Kamala Harris", Kind: app.Person}}}
	if fmt.Sprint(amb[0]) != fmt.Sprint(want) {
		t.Errorf("AmbiguousMentions = %+v\nwant %+v", amb[0], want)
	}

	// Named in full elsewhere in the article (before or after): that one, automatically.
	settled := mustArticle(t, s, "Harris spoke first. Later Joshua Harris’s aide said Harris would stay.")
	wantShown(t, s, settled.ID, "Joshua Harris 0-6 automatic", "Joshua Harris 26-39 automatic", "Joshua Harris 52-58 automatic")
	if amb, _ := s.AmbiguousMentions(ctx, settled.ID); len(amb) != 0 {
		t.Errorf("settled places listed as ambiguous: %+v", amb)
	}

	// Both named in full: still ambiguous, and the nearest full name before (else after) is proposed.
	both := mustArticle(t, s, "Harris spoke. Kamala Harris replied, then Joshua Harris. Harris left.")
	amb, err = s.AmbiguousMentions(ctx, both.ID)
	if err != nil || len(amb) != 2 {
		t.Fatalf("AmbiguousMentions = %+v, %v", amb, err)
	}
	if amb[0].Proposed != kamala.ID || amb[1].Proposed != joshua.ID {
		t.Errorf("proposed %d and %d, want Kamala (%d) then Joshua (%d)", amb[0].Proposed, amb[1].Proposed, kamala.ID, joshua.ID)
	}
	if amb[1].Text != "Harris" || amb[1].Start != 57 {
		t.Errorf("second place %+v", amb[1])
	}
}

func TestResolveMentionSticks(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	joshua := mustActor(t, s, "Joshua Harris", app.Person, "Harris")
	kamala := mustActor(t, s, "Kamala Harris", app.Person, "Harris")
	art := mustArticle(t, s, "Harris spoke. Harris left.")
	if err := s.ResolveMention(ctx, art.ID, 14, kamala.ID); err != nil {
		t.Fatal(err)
	}
	want := []string{"Joshua Harris 0-6 ambiguous", "Kamala Harris 0-6 ambiguous", "Joshua Harris 14-20 rejected", "Kamala Harris 14-20 confirmed"}
	wantShown(t, s, art.ID, want...)
	if amb, _ := s.AmbiguousMentions(ctx, art.ID); len(amb) != 1 || amb[0].Start != 0 || amb[0].Proposed != kamala.ID {
		t.Errorf("after resolving one place: %+v (the confirmed one elsewhere is proposed)", amb)
	}
	// Relinking (the article edited, an alias added to each) leaves the decision alone.
	a, _ := s.Article(ctx, art.ID)
	a.Notes = "edited"
	if _, err := s.UpdateArticle(ctx, a); err != nil {
		t.Fatal(err)
	}
	for _, id := range []int64{joshua.ID, kamala.ID} {
		if err := s.AddAlias(ctx, id, "HARRIS"); err != nil {
			t.Fatal(err)
		}
	}
	wantShown(t, s, art.ID, want...)

	// Another actor than the candidates may be chosen; an empty place is not found.
	other := mustActor(t, s, "Harris County", app.Organisation)
	if err := s.ResolveMention(ctx, art.ID, 0, other.ID); err != nil {
		t.Fatal(err)
	}
	wantShown(t, s, art.ID, "Harris County 0-6 confirmed", "Joshua Harris 0-6 rejected", "Kamala Harris 0-6 rejected",
		"Joshua Harris 14-20 rejected", "Kamala Harris 14-20 confirmed")
	wantCode(t, s.ResolveMention(ctx, art.ID, 3, joshua.ID), app.ENOTFOUND)
	wantCode(t, s.ResolveMention(ctx, art.ID, 0, 999), app.ENOTFOUND)
}

// Ruling out all candidates but one at a place leaves that one, automatically.
func TestRejectingOneCandidateLeavesTheOther(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	mustActor(t, s, "Joshua Harris", app.Person, "Harris")
	mustActor(t, s, "Kamala Harris", app.Person, "Harris")
	art := mustArticle(t, s, "Harris spoke.")
	ms, _ := s.Mentions(ctx, art.ID)
	if err := s.SetMentionStatus(ctx, ms[1].ID, app.MentionRejected); err != nil {
		t.Fatal(err)
	}
	a, _ := s.Article(ctx, art.ID)
	a.Body += " Then nothing."
	if _, err := s.UpdateArticle(ctx, a); err != nil {
		t.Fatal(err)
	}
	wantShown(t, s, art.ID, "Joshua Harris 0-6 automatic", "Kamala Harris 0-6 rejected")
}

func TestNameChangesRelinkSharedNames(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	joshua := mustActor(t, s, "Joshua Harris", app.Person, "Harris")
	art := mustArticle(t, s, "Harris spoke.")
	wantShown(t, s, art.ID, "Joshua Harris 0-6 automatic")

	// A second actor takes the name: the place becomes ambiguous for both.
	kamala := mustActor(t, s, "Kamala Harris", app.Person, "Harris")
	wantShown(t, s, art.ID, "Joshua Harris 0-6 ambiguous", "Kamala Harris 0-6 ambiguous")

	// It drops the name again: back to the first.
	kamala.Aliases = nil
	if _, err := s.UpdateActor(ctx, kamala); err != nil {
		t.Fatal(err)
	}
	wantShown(t, s, art.ID, "Joshua Harris 0-6 automatic")

	// Deleting an actor removes its mentions, and the one sharing its name stands alone.
	kamala.Aliases = []string{"Harris"}
	s.UpdateActor(ctx, kamala)
	wantShown(t, s, art.ID, "Joshua Harris 0-6 ambiguous", "Kamala Harris 0-6 ambiguous")
	if err := s.DeleteActor(ctx, joshua.ID); err != nil {
		t.Fatal(err)
	}
	wantShown(t, s, art.ID, "Kamala Harris 0-6 automatic")
}

func TestDeletingAnActorOrAliasUncoversShorterNames(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	city := mustActor(t, s, "New York", app.OtherKind)
	paper := mustActor(t, s, "New York Times", app.Organisation, "NYT")
	art := mustArticle(t, s, "The New York Times and the NYT.")
	wantShown(t, s, art.ID, "New York Times 4-18 automatic", "New York Times 27-30 automatic")
	paper.Aliases = nil
	if _, err := s.UpdateActor(ctx, paper); err != nil {
		t.Fatal(err)
	}
	wantShown(t, s, art.ID, "New York Times 4-18 automatic")
	if err := s.DeleteActor(ctx, paper.ID); err != nil {
		t.Fatal(err)
	}
	wantShown(t, s, art.ID, "New York 4-12 automatic")
	// Deleting the last alias removes the actor's automatic mentions.
	city.Name = "NYC"
	if _, err := s.UpdateActor(ctx, city); err != nil {
		t.Fatal(err)
	}
	wantShown(t, s, art.ID)
}

func TestMergeSettlesASharedName(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	keep := mustActor(t, s, "Kamala Harris", app.Person, "Harris")
	drop := mustActor(t, s, "K. Harris", app.Person, "Harris")
	art := mustArticle(t, s, "Harris spoke; K. Harris left.")
	wantShown(t, s, art.ID, "K. Harris 0-6 automatic", "K. Harris 14-23 automatic")
	if _, err := s.MergeActors(ctx, keep.ID, drop.ID); err != nil {
		t.Fatal(err)
	}
	wantShown(t, s, art.ID, "Kamala Harris 0-6 automatic", "Kamala Harris 14-23 automatic")
}

// The spellings the issue names are found whether the article or the name came first:
// relinking through the full-text index finds what filing finds.
func TestRelinkFindsWhatFilingFinds(t *testing.T) {
	bodies := []string{
		"Yıldırımoğlu's party and YILDIRIMOGLU’S rivals met Yildirimoglu.",
		"Nouri al-Maliki, Al-Maliki, al Maliki, AL MALIKI and Maliki’s aides.",
		"O’Brien and O'Brien's dog; OBrien is not him.",
		"The U.S.-backed plan: the US said so, but let us wait. US.",
		"Ferrández, FERRANDEZ and Ferrande\u0301z; Mali\u00adki hides behind a soft hyphen.",
		"Øresund, Łódź and Đorđe: Oresund, Lodz, Dorde.",
		"Κυριάκος Μητσοτάκης visited; Мирослав Лайчак and Ерик spoke; أحمد met محمد.",
		"Nobody here.",
	}
	actors := []app.Actor{
		{Name: "Yıldırımoğlu", Kind: app.Person},
		{Name: "Nouri al-Maliki", Kind: app.Person, Aliases: []string{"Maliki"}},
		{Name: "O’Brien", Kind: app.Person},
		{Name: "United States", Kind: app.State, Aliases: []string{"US", "U.S."}},
		{Name: "Ferrández", Kind: app.Person},
		{Name: "Øresund", Kind: app.OtherKind, Aliases: []string{"Lodz", "Đorđe"}},
		{Name: "Kyriakos Mitsotakis", Kind: app.Person, Aliases: []string{"Μητσοτάκης", "Мирослав Лайчак", "Ерик", "احمد", "محمد"}},
	}
	ctx := context.Background()
	filed, relinked := openTest(t), openTest(t)
	for _, a := range actors {
		if _, err := filed.CreateActor(ctx, a); err != nil {
			t.Fatal(err)
		}
	}
	var ids []int64
	for _, b := range bodies {
		ids = append(ids, mustArticle(t, filed, b).ID)
		mustArticle(t, relinked, b)
	}
	for _, a := range actors {
		// Name first, then each alias, as a user would add them.
		aliases := a.Aliases
		a.Aliases = nil
		c, err := relinked.CreateActor(ctx, a)
		if err != nil {
			t.Fatal(err)
		}
		for _, al := range aliases {
			if err := relinked.AddAlias(ctx, c.ID, al); err != nil {
				t.Fatal(err)
			}
		}
	}
	for _, id := range ids {
		if got, want := shown(t, relinked, id), shown(t, filed, id); !slices.Equal(got, want) {
			t.Errorf("article #%d: relinked %q, filed %q", id, got, want)
		}
	}
	wantCounts := []int{3, 5, 2, 3, 4, 6, 5, 0}
	for i, id := range ids {
		if n := len(shown(t, filed, id)); n != wantCounts[i] {
			t.Errorf("%q: %d mentions, want %d: %q", bodies[i], n, wantCounts[i], shown(t, filed, id))
		}
	}
}

// An edited article is checked again for characters the full-text index handles differently.
func TestUncleanArticlesAreAlwaysScanned(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	art := mustArticle(t, s, "Plain words only.")
	scan := func() []string {
		var out []string
		rows, _ := s.db.Query(`SELECT article_id, unclean FROM mention_scan`)
		defer rows.Close()
		for rows.Next() {
			var id, unclean int64
			rows.Scan(&id, &unclean)
			out = append(out, fmt.Sprintf("%d:%d", id, unclean))
		}
		return out
	}
	if got := scan(); len(got) != 0 {
		t.Fatalf("a clean article is in mention_scan: %v", got)
	}
	a, _ := s.Article(ctx, art.ID)
	a.Body = "Words with a dotless ı."
	if _, err := s.UpdateArticle(ctx, a); err != nil {
		t.Fatal(err)
	}
	if got := scan(); !slices.Equal(got, []string{fmt.Sprintf("%d:1", art.ID)}) {
		t.Fatalf("mention_scan = %v", got)
	}
	// An article filed without the linker (as an import might) waits unchecked, and the
	// next relinking reads and checks it.
	if _, err := s.db.Exec(`INSERT INTO articles(uuid, title, hash, filed, updated, body) VALUES ('u', 'raw', 'h', '', '', 'Raw text by Maliki.')`); err != nil {
		t.Fatal(err)
	}
	mustActor(t, s, "Maliki", app.Person)
	if got := scan(); !slices.Equal(got, []string{fmt.Sprintf("%d:1", art.ID)}) {
		t.Fatalf("mention_scan after relinking = %v", got)
	}
	var n int
	s.db.QueryRow(`SELECT count(*) FROM mentions m JOIN articles a ON a.id = m.article_id WHERE a.title = 'raw'`).Scan(&n)
	if n != 1 {
		t.Errorf("the raw article has %d mentions, want 1", n)
	}
}

// The compiled matcher is kept between articles, and never outlives a rolled-back change.
func TestNamesMatcherCacheFollowsTheProject(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	maliki := mustActor(t, s, "Maliki", app.Person)
	m1, _ := s.matchers.matcher(ctx, s.db)
	if m2, _ := s.matchers.matcher(ctx, s.db); m1 != m2 {
		t.Error("the matcher was rebuilt with no name changed")
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := tx.Exec(`INSERT INTO aliases(actor_id, text, folded) VALUES (?, 'Sudani', 'sudani')`, maliki.ID); err != nil {
		t.Fatal(err)
	}
	if m, _ := s.matchers.matcher(ctx, tx); len(m.Find("Sudani")) != 1 {
		t.Error("the matcher inside the transaction misses the new name")
	}
	tx.Rollback()
	art := mustArticle(t, s, "Sudani and Maliki.")
	wantShown(t, s, art.ID, "Maliki 11-17 automatic")
	// A change by anything that writes names, not only the store's methods, is seen.
	if _, err := s.db.Exec(`INSERT INTO aliases(actor_id, text, folded) VALUES (?, 'Nouri', 'nouri')`, maliki.ID); err != nil {
		t.Fatal(err)
	}
	if m, _ := s.matchers.matcher(ctx, s.db); len(m.Find("Nouri")) != 1 {
		t.Error("a name written with SQL is not in the matcher")
	}
}

func TestPlanMentions(t *testing.T) {
	const j, k, x = 1, 2, 3
	match := func(actor int64, start, end int) mention.Match {
		return mention.Match{ActorID: actor, Start: start, End: end}
	}
	row := func(actor int64, start, end int, status string) mentionRow {
		return mentionRow{actor: actor, start: start, end: end, status: status}
	}
	tests := []struct {
		name string
		ms   []mention.Match
		have []mentionRow
		want []mentionRow
	}{
		{"one actor", []mention.Match{match(j, 0, 6)}, nil, []mentionRow{row(j, 0, 6, "automatic")}},
		{"shared", []mention.Match{match(j, 0, 6), match(k, 0, 6)}, nil,
			[]mentionRow{row(j, 0, 6, "ambiguous"), row(k, 0, 6, "ambiguous")}},
		{"fuller name after", []mention.Match{match(j, 0, 6), match(k, 0, 6), match(k, 10, 22)}, nil,
			[]mentionRow{row(k, 0, 6, "automatic"), row(k, 10, 22, "automatic")}},
		{"a fuller name no longer than the shared one does not count", []mention.Match{match(j, 0, 6), match(k, 0, 6), match(k, 10, 16)}, nil,
			[]mentionRow{row(j, 0, 6, "ambiguous"), row(k, 0, 6, "ambiguous"), row(k, 10, 16, "automatic")}},
		{"a rejected fuller name does not count", []mention.Match{match(j, 0, 6), match(k, 0, 6), match(k, 10, 22)},
			[]mentionRow{row(k, 10, 22, "rejected")},
			[]mentionRow{row(j, 0, 6, "ambiguous"), row(k, 0, 6, "ambiguous")}},
		{"a confirmed fuller name counts", []mention.Match{match(j, 0, 6), match(k, 0, 6)},
			[]mentionRow{row(k, 30, 42, "confirmed")}, []mentionRow{row(k, 0, 6, "automatic")}},
		{"a place the user decided is left alone", []mention.Match{match(j, 0, 6), match(k, 0, 6)},
			[]mentionRow{row(x, 0, 6, "confirmed")}, nil},
		{"candidates ruled out", []mention.Match{match(j, 0, 6), match(k, 0, 6), match(x, 0, 6)},
			[]mentionRow{row(x, 0, 6, "rejected")}, []mentionRow{row(j, 0, 6, "ambiguous"), row(k, 0, 6, "ambiguous")}},
		{"all but one ruled out", []mention.Match{match(j, 0, 6), match(k, 0, 6)},
			[]mentionRow{row(k, 0, 6, "rejected")}, []mentionRow{row(j, 0, 6, "automatic")}},
		{"a rejected lone mention", []mention.Match{match(j, 0, 6)}, []mentionRow{row(j, 0, 6, "rejected")}, nil},
		{"old automatic rows do not count", []mention.Match{match(j, 0, 6), match(k, 0, 6)},
			[]mentionRow{row(k, 30, 42, "automatic")},
			[]mentionRow{row(j, 0, 6, "ambiguous"), row(k, 0, 6, "ambiguous")}},
	}
	for _, tt := range tests {
		if got := planMentions(tt.ms, tt.have); fmt.Sprint(got) != fmt.Sprint(tt.want) {
			t.Errorf("%s:\n got %v\nwant %v", tt.name, got, tt.want)
		}
	}
}

// storedLinks returns the automatic and ambiguous mentions of the project.
func storedLinks(t *testing.T, q querier) []string {
	t.Helper()
	rows, err := q.QueryContext(context.Background(), `SELECT article_id, actor_id, start, end, status FROM mentions
		WHERE status IN ('automatic', 'ambiguous') ORDER BY article_id, start, actor_id`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var r mentionRow
		var art int64
		rows.Scan(&art, &r.actor, &r.start, &r.end, &r.status)
		out = append(out, fmt.Sprintf("a%d actor%d %d-%d %s", art, r.actor, r.start, r.end, r.status))
	}
	return out
}

// relinkedFromScratch returns what relinking every article would store, without keeping it.
func relinkedFromScratch(t *testing.T, s *Store) []string {
	t.Helper()
	ctx := context.Background()
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback()
	ids := map[int64]bool{}
	rows, _ := tx.Query(`SELECT id FROM articles`)
	for rows.Next() {
		var id int64
		rows.Scan(&id)
		ids[id] = true
	}
	rows.Close()
	if err := relinkArticles(ctx, tx, ids, nil); err != nil {
		t.Fatal(err)
	}
	return storedLinks(t, tx)
}

// FuzzMentionsStayLinked runs random edits of actors, names and articles, and checks
// after each that the mentions are what linking every article from scratch would give:
// the incremental relinking (through the full-text index, for the names that changed
// only) misses nothing and leaves nothing stale.
func FuzzMentionsStayLinked(f *testing.F) {
	f.Add(uint64(1), 30)
	f.Add(uint64(2), 30)
	f.Add(uint64(3), 60)
	f.Fuzz(func(t *testing.T, seed uint64, steps int) {
		if steps < 0 || steps > 80 {
			return
		}
		checkRandomEdits(t, seed, steps)
	})
}

var editNames = []string{"Harris", "Joshua Harris", "Kamala Harris", "New York", "New York Times", "NYT", "al-Maliki",
	"Nouri al-Maliki", "Maliki", "US", "U.S.", "United States", "Yıldırımoğlu", "O’Brien", "Ferrández", "Iran", "Tehran"}

var editFragments = []string{"Harris said", "Joshua Harris", "Kamala Harris’s", "the New York Times", "New York",
	"NYT", "Al-Maliki", "al Maliki", "Nouri al-Maliki", "MALIKI", "the US", "let us", "U.S.-backed", "United States",
	"Yildirimoglu’s", "Yıldırımoğlu", "O'Brien", "Ferrandez", "Ferrande\u0301z", "Mali\u00adki", "Iran’s", "Iranian",
	"Tehran", "and", "said", "on Monday", ";", ",", "."}

func checkRandomEdits(t *testing.T, seed uint64, steps int) {
	ctx := context.Background()
	s := openTest(t)
	r := rand.New(rand.NewPCG(seed, 9))
	body := func() string {
		var b strings.Builder
		for range 3 + r.IntN(12) {
			b.WriteString(editFragments[r.IntN(len(editFragments))])
			b.WriteString(" ")
		}
		return b.String()
	}
	names := func() []string {
		var out []string
		for range 1 + r.IntN(3) {
			out = append(out, editNames[r.IntN(len(editNames))])
		}
		return out
	}
	var actors, articles []int64
	pick := func(l []int64) int64 { return l[r.IntN(len(l))] }
	for step := range steps {
		var what string
		switch op := r.IntN(10); {
		case op < 3 || len(articles) == 0:
			what = "file an article"
			a, err := s.CreateArticle(ctx, app.Article{Title: fmt.Sprint("t", step), Body: body()})
			if err == nil {
				articles = append(articles, a.ID)
			}
		case op == 3 || len(actors) < 2:
			n := names()
			what = fmt.Sprintf("add actor %q", n)
			var tags []string
			if r.IntN(4) == 0 {
				tags = []string{"gone"}
			}
			a, err := s.CreateActor(ctx, app.Actor{Name: n[0], Kind: app.Person, Aliases: n[1:], Tags: tags})
			if err != nil {
				t.Fatal(err)
			}
			actors = append(actors, a.ID)
		case op == 4 && r.IntN(3) == 0:
			id := pick(articles)
			what = fmt.Sprintf("edit article %d", id)
			a, _ := s.Article(ctx, id)
			a.Body = body()
			s.UpdateArticle(ctx, a) // a duplicate body is refused
		case op == 4 && r.IntN(2) == 0 && len(actors) > 2:
			what = "remove the actors tagged gone"
			if err := s.RemoveTagged(ctx, "gone"); err != nil {
				t.Fatal(err)
			}
			var live []int64
			for _, id := range actors {
				if _, err := s.Actor(ctx, id); err == nil {
					live = append(live, id)
				}
			}
			var arts []int64
			for _, id := range articles {
				if _, err := s.Article(ctx, id); err == nil {
					arts = append(arts, id)
				}
			}
			actors, articles = live, arts
			if len(articles) == 0 {
				continue
			}
		case op == 5:
			id, n := pick(actors), names()[0]
			what = fmt.Sprintf("alias %q for %d", n, id)
			if err := s.AddAlias(ctx, id, n); err != nil {
				t.Fatal(err)
			}
		case op == 6:
			a, _ := s.Actor(ctx, pick(actors))
			what = fmt.Sprintf("drop the aliases of %d", a.ID)
			a.Aliases = nil
			if _, err := s.UpdateActor(ctx, a); err != nil {
				t.Fatal(err)
			}
		case op == 7:
			i := r.IntN(len(actors))
			what = fmt.Sprintf("delete actor %d", actors[i])
			if err := s.DeleteActor(ctx, actors[i]); err != nil {
				t.Fatal(err)
			}
			actors = slices.Delete(actors, i, i+1)
		case op == 8:
			i, j := r.IntN(len(actors)), r.IntN(len(actors))
			if i == j {
				continue
			}
			what = fmt.Sprintf("merge %d into %d", actors[j], actors[i])
			if _, err := s.MergeActors(ctx, actors[i], actors[j]); err != nil {
				t.Fatal(err)
			}
			actors = slices.Delete(actors, j, j+1)
		default:
			id := pick(articles)
			what = fmt.Sprintf("decide in article %d", id)
			if amb, _ := s.AmbiguousMentions(ctx, id); len(amb) > 0 {
				p := amb[r.IntN(len(amb))]
				if err := s.ResolveMention(ctx, id, p.Start, p.Candidates[r.IntN(len(p.Candidates))].ID); err != nil {
					t.Fatal(err)
				}
			} else if ms, _ := s.Mentions(ctx, id); len(ms) > 0 {
				s.SetMentionStatus(ctx, ms[r.IntN(len(ms))].ID, app.MentionRejected)
			}
		}
		if got, want := storedLinks(t, s.db), relinkedFromScratch(t, s); !slices.Equal(got, want) {
			var diff []string
			for _, l := range got {
				if !slices.Contains(want, l) {
					diff = append(diff, "stored only: "+l)
				}
			}
			for _, l := range want {
				if !slices.Contains(got, l) {
					diff = append(diff, "from scratch only: "+l)
				}
			}
			for _, id := range articles {
				a, _ := s.Article(ctx, id)
				diff = append(diff, fmt.Sprintf("a%d %q: %q", id, a.Body, shown(t, s, id)))
			}
			rows, _ := s.db.Query(`SELECT actor_id, group_concat(text, ' | ') FROM aliases GROUP BY actor_id`)
			for rows.Next() {
				var id int64
				var names string
				rows.Scan(&id, &names)
				diff = append(diff, fmt.Sprintf("actor%d: %s", id, names))
			}
			rows.Close()
			t.Fatalf("step %d (%s): the stored mentions are not those relinking from scratch gives:\n%s", step, what, strings.Join(diff, "\n"))
		}
	}
}

func TestMentionsStayLinked(t *testing.T) {
	for seed := range uint64(6) {
		checkRandomEdits(t, seed, 40)
	}
}

// TestFTSSafeAgreesWithIndex checks ftsSafe against the project's full-text index itself:
// for each character it accepts, the index must cut and fold a word holding it exactly as
// the matcher does, and leave the matcher's folded words as they are.
func TestFTSSafeAgreesWithIndex(t *testing.T) {
	s := openTest(t)
	tx, err := s.db.Begin()
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback()
	if _, err := tx.Exec(`CREATE VIRTUAL TABLE temp.probe USING fts5vocab(main, articles_fts, instance)`); err != nil {
		t.Fatal(err)
	}
	ins, err := tx.Prepare(`INSERT INTO articles(id, uuid, title, hash, filed, updated, body) VALUES (?, ?, '', ?, '', '', ?)`)
	if err != nil {
		t.Fatal(err)
	}
	texts := map[int64]string{}
	n := int64(0)
	add := func(text string) {
		n++
		texts[n] = text
		if _, err := ins.Exec(n, fmt.Sprint(n), fmt.Sprint(n), text); err != nil {
			t.Fatal(err)
		}
	}
	safe := 0
	for r := rune(1); r < 0x30000; r++ {
		if !utf8.ValidRune(r) || !unicode.Is(ftsSafe, r) {
			continue
		}
		safe++
		text := "a" + string(r) + "b"
		add(text)
		add(strings.Join(mention.Words(text), " "))
	}
	rows, err := tx.Query(`SELECT doc, term FROM temp.probe ORDER BY doc, offset`)
	if err != nil {
		t.Fatal(err)
	}
	got := map[int64][]string{}
	for rows.Next() {
		var doc int64
		var term string
		rows.Scan(&doc, &term)
		got[doc] = append(got[doc], term)
	}
	rows.Close()
	bad := 0
	for doc, text := range texts {
		if want := mention.Words(text); !slices.Equal(got[doc], want) {
			if bad++; bad <= 20 {
				t.Errorf("%+q: the index has the words %q, the matcher %q", text, got[doc], want)
			}
		}
	}
	if safe < 2000 || bad > 0 {
		t.Errorf("%d characters checked, %d disagree", safe, bad)
	}
	// A sample of what must stay out.
	for _, r := range "\u00adıøØłŁđĐµſ²½ά\u0301\u200dйأ😀" {
		if unicode.Is(ftsSafe, r) {
			t.Errorf("%+q is accepted", r)
		}
	}
}

var _ querier = (*sql.Tx)(nil)
