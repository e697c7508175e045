package views

import (
	"context"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"dossier/app"
	"dossier/db"
	"dossier/db/dbtest"
)

// Invented articles for the queue's tests.
var queueTestArticles = [][2]string{
	{"Harbour warnings", "Dock inspector Tamsin Okonkwo-Reyes said on Monday that the cranes were unsafe. Okonkwo-Reyes told reporters she had written twice."},
	{"Letters unanswered", "Tamsin Okonkwo-Reyes said the board had not answered. Shipping agent Ludo Brannigan said the strike would end soon."},
	{"Strike to end", "Ludo Brannigan spoke after the vote. Harbour pilot Wenna Castellane said the channel was clear."},
}

// queueUI shows the Suggestions screen over a fresh project with the invented articles.
func queueUI(t *testing.T) (*UI, *db.Store, *queueScreen) {
	t.Helper()
	u, st := newTestUI(t)
	for i, a := range queueTestArticles {
		mustArticle(t, st, a[0], "2026-02-0"+string(rune('1'+i)), a[1])
	}
	s := u.queue
	u.win.SetContent(s.content())
	s.reload()
	return u, st, s
}

func queueShown(s *queueScreen) []string { return queueNames(s.rows) }

// highlight moves the cursor to the row named name, as the arrow keys do.
func highlight(t *testing.T, s *queueScreen, name string) {
	t.Helper()
	i := slices.Index(queueShown(s), name)
	if i < 0 {
		t.Fatalf("%q is not in the queue %q", name, queueShown(s))
	}
	for s.cur != i {
		if s.cur < i {
			s.list.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDown})
		} else {
			s.list.TypedKey(&fyne.KeyEvent{Name: fyne.KeyUp})
		}
	}
}

func TestQueueShowsOneRowPerNameBusiestFirst(t *testing.T) {
	_, _, s := queueUI(t)
	got := queueShown(s)
	if len(got) < 3 || got[0] != "Ludo Brannigan" && got[0] != "Tamsin Okonkwo-Reyes" {
		t.Fatalf("queue %q: want the names of two articles first", got)
	}
	for _, want := range []string{"Tamsin Okonkwo-Reyes", "Ludo Brannigan", "Wenna Castellane"} {
		if !slices.Contains(got, want) {
			t.Errorf("queue %q lacks %q", got, want)
		}
	}
	if n := len(slices.Compact(slices.Sorted(slices.Values(got)))); n != len(got) {
		t.Errorf("a name is listed twice: %q", got)
	}
	if s.count.Text == "" {
		t.Error("no count above the queue")
	}
}

// A accepts the highlighted name with the guessed kind and aliases, without a dialog;
// the actor is linked in every article at once and leaves the queue.
func TestQueueAcceptKey(t *testing.T) {
	u, st, s := queueUI(t)
	ctx := context.Background()
	highlight(t, s, "Tamsin Okonkwo-Reyes")
	s.list.TypedRune('a')
	if slices.Contains(queueShown(s), "Tamsin Okonkwo-Reyes") {
		t.Fatal("accepted name still in the queue")
	}
	a, err := st.FindActor(ctx, "Tamsin Okonkwo-Reyes")
	if err != nil {
		t.Fatal(err)
	}
	if a.Kind != app.Person || !slices.Contains(a.Aliases, "Okonkwo-Reyes") {
		t.Errorf("accepted as %+v, want a person with alias Okonkwo-Reyes", a)
	}
	d, err := st.Dossier(ctx, a.ID, 10)
	if err != nil {
		t.Fatal(err)
	}
	if d.MentionTotal != 2 {
		t.Errorf("the new actor is linked in %d articles, want 2", d.MentionTotal)
	}
	if len(u.keyed) != 0 {
		t.Error("accepting opened a dialog")
	}
}

// K changes the kind before accepting; E opens the form filled with the guess.
func TestQueueChangeKindThenAccept(t *testing.T) {
	u, st, s := queueUI(t)
	highlight(t, s, "Wenna Castellane")
	before := s.kindOf(s.rows[s.cur])
	s.list.TypedRune('k')
	after := s.kindOf(s.rows[s.cur])
	if after == before {
		t.Fatalf("K left the kind %s", before)
	}
	s.list.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	a, err := st.FindActor(context.Background(), "Wenna Castellane")
	if err != nil || a.Kind != after {
		t.Fatalf("accepted %+v %v, want kind %s", a, err, after)
	}
	highlight(t, s, "Ludo Brannigan")
	s.list.TypedRune('e')
	if u.actors.form == nil || u.actors.form.name.Text != "Ludo Brannigan" {
		t.Fatal("E did not open the actor form with the name")
	}
	test.Tap(u.actors.form.save)
	if _, err := st.FindActor(context.Background(), "Ludo Brannigan"); err != nil {
		t.Fatal(err)
	}
	if slices.Contains(queueShown(s), "Ludo Brannigan") {
		t.Error("saved name still in the queue")
	}
}

// M merges the name into an existing actor: it becomes an alias there.
func TestQueueMergeIntoActor(t *testing.T) {
	u, st, s := queueUI(t)
	keeper := mustActor(t, st, "Harbour Pilot Service", app.Organisation)
	highlight(t, s, "Wenna Castellane")
	s.list.TypedRune('m')
	if u.actors.picker == nil {
		t.Fatal("M did not open the actor picker")
	}
	u.actors.picker.done(keeper)
	a, err := st.Actor(context.Background(), keeper.ID)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Contains(a.Aliases, "Wenna Castellane") {
		t.Errorf("aliases %q lack the merged name", a.Aliases)
	}
	if slices.Contains(queueShown(s), "Wenna Castellane") {
		t.Error("merged name still in the queue")
	}
}

// D dismisses: the name leaves the queue and never comes back, even from a new article.
func TestQueueDismissKey(t *testing.T) {
	_, st, s := queueUI(t)
	highlight(t, s, "Ludo Brannigan")
	s.list.TypedRune('d')
	if slices.Contains(queueShown(s), "Ludo Brannigan") {
		t.Fatal("dismissed name still in the queue")
	}
	mustArticle(t, st, "Agent again", "2026-03-01", "Ludo Brannigan said he would sail on Friday.")
	s.reload()
	if slices.Contains(queueShown(s), "Ludo Brannigan") {
		t.Error("a dismissed name came back with a new article")
	}
}

// Space selects several names; one key then acts on all of them.
func TestQueueBulkAcceptAndDismiss(t *testing.T) {
	_, st, s := queueUI(t)
	ctx := context.Background()
	highlight(t, s, "Tamsin Okonkwo-Reyes")
	s.list.TypedKey(&fyne.KeyEvent{Name: fyne.KeySpace})
	highlight(t, s, "Wenna Castellane")
	s.list.TypedKey(&fyne.KeyEvent{Name: fyne.KeySpace})
	if len(s.selected) != 2 {
		t.Fatalf("%d selected, want 2", len(s.selected))
	}
	s.list.TypedRune('a')
	for _, n := range []string{"Tamsin Okonkwo-Reyes", "Wenna Castellane"} {
		if _, err := st.FindActor(ctx, n); err != nil {
			t.Errorf("%s not accepted: %v", n, err)
		}
	}
	if len(s.selected) != 0 {
		t.Error("selection kept after the action")
	}
	rest := queueShown(s)
	if len(rest) == 0 {
		t.Fatal("nothing left to dismiss")
	}
	s.selectAll()
	s.list.TypedRune('d')
	if got := queueShown(s); len(got) != 0 {
		t.Errorf("after dismissing all: %q", got)
	}
	dismissed, err := st.DismissedSuggestions(ctx)
	if err != nil || len(dismissed) != len(rest) {
		t.Errorf("dismissed %q %v, want %q", dismissed, err, rest)
	}
}

// The list takes the keyboard when the screen shows (it must be the object in the
// tree, not a part of it), and a real Space press — a key and a rune — toggles once.
func TestQueueListTakesKeysAndSpaceTogglesOnce(t *testing.T) {
	u, _, s := queueUI(t)
	s.focus()
	if u.win.Canvas().Focused() != s.list {
		t.Fatalf("focused %T, want the queue list", u.win.Canvas().Focused())
	}
	s.list.TypedKey(&fyne.KeyEvent{Name: fyne.KeySpace})
	s.list.TypedRune(' ')
	if len(s.selected) != 1 {
		t.Errorf("%d selected after one Space press, want 1", len(s.selected))
	}
}

// Triage of 100 names takes 100 key presses and no dialog: A or D on each highlighted
// name, the next one highlighted at once.
func TestQueueTriageHundredNamesByKeys(t *testing.T) {
	u, st := newTestUI(t)
	ctx := context.Background()
	if err := dbtest.Synthesize(ctx, st.Path(), dbtest.Sizes{Articles: 80, Actors: 10}, 5, nil); err != nil {
		t.Fatal(err)
	}
	s := u.queue
	u.win.SetContent(s.content())
	s.reload()
	start := s.total
	if start < 100 {
		t.Fatalf("only %d names to triage", start)
	}
	accepted := 0
	for i := range 100 {
		name := s.rows[s.cur].Folded
		if i%3 == 0 {
			s.list.TypedRune('d')
		} else {
			s.list.TypedRune('a')
			accepted++
		}
		if len(u.keyed) != 0 {
			t.Fatalf("press %d opened a dialog", i+1)
		}
		if slices.ContainsFunc(s.rows, func(r app.QueuedName) bool { return r.Folded == name }) {
			t.Fatalf("press %d left %q in the queue", i+1, name)
		}
	}
	// Names whose alias became an actor leave with it, so at least 100 are gone.
	if s.total > start-100 {
		t.Errorf("%d names left of %d after 100 presses, want at most %d", s.total, start, start-100)
	}
	n, err := st.CountActors(ctx, app.ActorQuery{})
	if err != nil || n != 10+accepted {
		t.Errorf("%d actors, %v; want %d", n, err, 10+accepted)
	}
}

// A form of a queued name that is already another actor's alias is shown as not
// proposed, with the reason, and accepting leaves it with that actor.
func TestQueueShowsWithheldAlias(t *testing.T) {
	_, st, s := queueUI(t)
	ctx := context.Background()
	if _, err := st.CreateActor(ctx, app.Actor{Name: "Okonkwo-Reyes Shipping", Kind: app.Organisation,
		Aliases: []string{"Okonkwo-Reyes"}}); err != nil {
		t.Fatal(err)
	}
	s.reload()
	i := slices.Index(queueShown(s), "Tamsin Okonkwo-Reyes")
	if i < 0 {
		t.Fatalf("Tamsin Okonkwo-Reyes left the queue because one of her forms is another actor's: %q", queueShown(s))
	}
	text := ""
	for _, seg := range queueSegments(s.rows[i], s.kindOf(s.rows[i])) {
		text += seg.Textual()
	}
	if want := "“Okonkwo-Reyes” not proposed: already a name of “Okonkwo-Reyes Shipping”"; !strings.Contains(text, want) {
		t.Errorf("row reads %q, want it to say %q", text, want)
	}
	highlight(t, s, "Tamsin Okonkwo-Reyes")
	s.list.TypedRune('a')
	a, err := st.FindActor(ctx, "Tamsin Okonkwo-Reyes")
	if err != nil {
		t.Fatal(err)
	}
	if slices.Contains(a.Aliases, "Okonkwo-Reyes") {
		t.Errorf("accepted with the other actor's alias: %+v", a)
	}
}

// The line that says what the last action did takes no room until there is something to
// say (empty, it left a blank band between the buttons and the list).
func TestQueueStatusLineOnlyWhenSaid(t *testing.T) {
	_, _, s := queueUI(t)
	if s.status.Visible() {
		t.Fatal("an empty status line is shown above the queue")
	}
	highlight(t, s, "Ludo Brannigan")
	s.list.TypedRune('d')
	if !s.status.Visible() || s.status.Text == "" {
		t.Errorf("after dismissing, the status line says %q (shown: %v)", s.status.Text, s.status.Visible())
	}
}
