package db

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"dossier/app"
	"dossier/app/suggest"
	"dossier/db/dbtest"
)

const suggestBody = `BAGHDAD — Former Iraqi Prime Minister Nouri al-Maliki said on Tuesday he would stay in the race, despite a warning from U.S. President Donald Trump.

Caretaker Prime Minister Mohammed Shia Sudani did not comment. Maliki's allies in the Coordination Framework said Sudani had lost the numbers.`

func suggestionNames(sugs []suggest.Suggestion) []string {
	var out []string
	for _, s := range sugs {
		out = append(out, s.Name)
	}
	return out
}

func mustSuggest(t *testing.T, s *Store, id int64) []string {
	t.Helper()
	sugs, err := s.SuggestActors(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	return suggestionNames(sugs)
}

func TestSuggestActorsLeavesOutKnownActors(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	a, err := s.CreateArticle(ctx, app.Article{Title: "Maliki stays in the race", Body: suggestBody})
	if err != nil {
		t.Fatal(err)
	}
	all := []string{"Nouri al-Maliki", "United States", "Donald Trump", "Mohammed Shia Sudani", "Coordination Framework"}
	if got := mustSuggest(t, s, a.ID); !slices.Equal(got, all) {
		t.Fatalf("suggested %q, want %q", got, all)
	}

	// An actor known by one of the forms (here an alias, in another case) hides the suggestion.
	if _, err := s.CreateActor(ctx, app.Actor{Name: "Trump, Donald", Kind: app.Person, Aliases: []string{"donald trump"}}); err != nil {
		t.Fatal(err)
	}
	// An alias that is only a suggestion's short form hides it too: the actor exists.
	framework, err := s.CreateActor(ctx, app.Actor{Name: "Shiite Coordination Framework", Kind: app.Party})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.AddAlias(ctx, framework.ID, "Coordination Framework"); err != nil {
		t.Fatal(err)
	}
	want := []string{"Nouri al-Maliki", "United States", "Mohammed Shia Sudani"}
	if got := mustSuggest(t, s, a.ID); !slices.Equal(got, want) {
		t.Errorf("with Trump and the Framework known: %q, want %q", got, want)
	}

	// A deleted actor is no longer known: its name is suggested again.
	if err := s.DeleteActor(ctx, framework.ID); err != nil {
		t.Fatal(err)
	}
	want = []string{"Nouri al-Maliki", "United States", "Mohammed Shia Sudani", "Coordination Framework"}
	if got := mustSuggest(t, s, a.ID); !slices.Equal(got, want) {
		t.Errorf("after deleting the Framework: %q, want %q", got, want)
	}

	if _, err := s.SuggestActors(ctx, 9999); app.ErrorCode(err) != app.ENOTFOUND {
		t.Errorf("unknown article: %v", err)
	}
}

func TestSuggestActorsAcceptLinksMentions(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	a, err := s.CreateArticle(ctx, app.Article{Title: "Maliki stays in the race", Body: suggestBody})
	if err != nil {
		t.Fatal(err)
	}
	sugs, err := s.SuggestActors(ctx, a.ID)
	if err != nil {
		t.Fatal(err)
	}
	maliki := sugs[0]
	if maliki.Name != "Nouri al-Maliki" || !slices.Equal(maliki.Aliases, []string{"Maliki"}) || maliki.Kind != app.Person {
		t.Fatalf("first suggestion %+v", maliki)
	}
	// Accepting: the suggestion becomes an actor with its aliases, and the store links it.
	actor, err := s.CreateActor(ctx, maliki.Actor())
	if err != nil {
		t.Fatal(err)
	}
	ms, err := s.Mentions(ctx, a.ID)
	if err != nil {
		t.Fatal(err)
	}
	body := []rune(a.Body)
	var linked []string
	for _, m := range ms {
		if m.ActorID == actor.ID {
			linked = append(linked, string(body[m.Start:m.End]))
		}
	}
	if len(linked) != 2 {
		t.Errorf("mentions of the accepted actor: %q", linked)
	}
	if got := mustSuggest(t, s, a.ID); slices.Contains(got, "Nouri al-Maliki") {
		t.Errorf("still suggested after accepting: %q", got)
	}
}

func TestDismissSuggestionIsRememberedPerProject(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	path := filepath.Join(dir, "p.dossier")
	s, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	a, err := s.CreateArticle(ctx, app.Article{Title: "Maliki stays in the race", Body: suggestBody})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.DismissSuggestion(ctx, "  UNITED STATES "); err != nil {
		t.Fatal(err)
	}
	if err := s.DismissSuggestion(ctx, "United States"); err != nil {
		t.Errorf("dismissing twice: %v", err)
	}
	if err := s.DismissSuggestion(ctx, " "); app.ErrorCode(err) != app.EINVALID {
		t.Errorf("dismissing nothing: %v", err)
	}
	s.Close()

	s, err = Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if got := mustSuggest(t, s, a.ID); slices.Contains(got, "United States") || len(got) != 4 {
		t.Errorf("after dismissing and reopening: %q", got)
	}
	if d, err := s.DismissedSuggestions(ctx); err != nil || !slices.Equal(d, []string{"UNITED STATES"}) {
		t.Errorf("dismissed: %q, %v", d, err)
	}

	// Another project knows nothing of it.
	other := openTest(t)
	b, err := other.CreateArticle(ctx, app.Article{Title: "Maliki stays in the race", Body: suggestBody})
	if err != nil {
		t.Fatal(err)
	}
	if got := mustSuggest(t, other, b.ID); !slices.Contains(got, "United States") {
		t.Errorf("another project: %q", got)
	}

	if err := s.RestoreSuggestion(ctx, "united states"); err != nil {
		t.Fatal(err)
	}
	if got := mustSuggest(t, s, a.ID); !slices.Contains(got, "United States") {
		t.Errorf("after restoring: %q", got)
	}
}

func TestFirstRunes(t *testing.T) {
	for _, tt := range []struct {
		s    string
		n    int
		want string
	}{{"abc", 5, "abc"}, {"abc", 2, "ab"}, {"ééé", 2, "éé"}, {"ééé", 3, "ééé"}, {"", 0, ""}, {"ab", 0, ""}} {
		if got := firstRunes(tt.s, tt.n); got != tt.want {
			t.Errorf("firstRunes(%q, %d) = %q, want %q", tt.s, tt.n, got, tt.want)
		}
	}
}

// suggestArticle5KB joins articles of the suggestion evaluation set into one of about 5 KB.
func suggestArticle5KB(b *testing.B) string {
	files, err := filepath.Glob("../app/suggest/testdata/eval/*.txt")
	if err != nil || len(files) == 0 {
		b.Fatalf("no evaluation articles: %v", err)
	}
	var body strings.Builder
	for _, f := range files {
		if body.Len() >= 5<<10 {
			break
		}
		t, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		_, text, _ := strings.Cut(string(t), "\n\n")
		body.WriteString(text + "\n\n")
	}
	return body.String()
}

// BenchmarkSuggestActors times suggesting actors for a 5 KB article in a project of 5,000
// actors, as the article view does when it opens one, next to the README's baseline:
// reading one actor row with its aliases.
func BenchmarkSuggestActors(b *testing.B) {
	ctx := context.Background()
	s, err := Open(ctx, filepath.Join(b.TempDir(), "p.dossier"))
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	if err := dbtest.Synthesize(ctx, s.Path(), dbtest.Sizes{Actors: 5000}, 1, nil); err != nil {
		b.Fatal(err)
	}
	a, err := s.CreateArticle(ctx, app.Article{Title: "Five kilobytes of news", Body: suggestArticle5KB(b)})
	if err != nil {
		b.Fatal(err)
	}
	b.Run("baseline actor row", func(b *testing.B) {
		for b.Loop() {
			if _, err := s.Actor(ctx, 1); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("suggest 5KB article", func(b *testing.B) {
		for b.Loop() {
			if _, err := s.SuggestActors(ctx, a.ID); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// Issue 7: the article's author, from its metadata or a byline at the top of its text, is
// never suggested as an actor.
func TestSuggestActorsLeavesOutTheAuthor(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	byline := "By Ines Moreau and Tomas Reyes · March 4, 2026\n\n"
	for _, tt := range []struct{ name, author, body string }{
		{"metadata", "Ines Moreau, Tomas Reyes", suggestBody + "\n\nInes Moreau and Tomas Reyes contributed reporting from Baghdad."},
		{"byline", "", byline + suggestBody},
	} {
		a, err := s.CreateArticle(ctx, app.Article{Title: "Maliki stays in the race (" + tt.name + ")", Author: tt.author, Body: tt.body})
		if err != nil {
			t.Fatal(err)
		}
		got := mustSuggest(t, s, a.ID)
		for _, who := range []string{"Ines Moreau", "Tomas Reyes"} {
			if slices.Contains(got, who) {
				t.Errorf("%s: the author %s is suggested: %q", tt.name, who, got)
			}
		}
		if !slices.Contains(got, "Donald Trump") {
			t.Errorf("%s: the actors in the story are not suggested: %q", tt.name, got)
		}
	}
}
