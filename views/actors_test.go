package views

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"dossier/app"
	"dossier/db"
)

// showActors puts the actors screen in the test window and loads it.
func showActors(t *testing.T, u *UI) *actorsScreen {
	t.Helper()
	s := u.actors
	u.win.SetContent(s.content())
	s.reload()
	return s
}

// actorsListed returns the names the list shows, fetching rows as the list would.
func actorsListed(s *actorsScreen) []string {
	var out []string
	for i := 0; i < s.list.Length(); i++ {
		if r, ok := s.row(i); ok {
			out = append(out, r.Name)
		}
	}
	return out
}

// actorsRowItem returns the laid-out list row showing the actor called name.
func actorsRowItem(t *testing.T, u *UI, name string) *actorRowItem {
	t.Helper()
	for _, o := range test.LaidOutObjects(u.win.Canvas().Content()) {
		if item, ok := o.(*actorRowItem); ok && item.Visible() && item.row.Name == name {
			return item
		}
	}
	t.Fatalf("no row shows %q", name)
	return nil
}

// actorsTopDialog returns the dialog on top, failing when none is open.
func actorsTopDialog(t *testing.T, u *UI) fyne.CanvasObject {
	t.Helper()
	top := u.win.Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("no dialog is open")
	}
	return top
}

// actorsTapButton taps the button labelled text in the top dialog.
func actorsTapButton(t *testing.T, u *UI, text string) {
	t.Helper()
	for _, o := range test.LaidOutObjects(actorsTopDialog(t, u)) {
		if b, ok := o.(*widget.Button); ok && b.Text == text && b.Visible() {
			test.Tap(b)
			return
		}
	}
	t.Fatalf("the top dialog has no button %q", text)
}

// actorsDialogText joins the text of every label and rich text in the top dialog.
func actorsDialogText(t *testing.T, u *UI) string {
	t.Helper()
	var parts []string
	for _, o := range test.LaidOutObjects(actorsTopDialog(t, u)) {
		switch w := o.(type) {
		case *widget.Label:
			parts = append(parts, w.Text)
		case *widget.RichText:
			parts = append(parts, w.String())
		}
	}
	return strings.Join(parts, "\n")
}

// actorsPress sends one key to a focusable widget.
func actorsPress(e fyne.Focusable, key fyne.KeyName) { e.TypedKey(&fyne.KeyEvent{Name: key}) }

// actorsSample files three actors of the sample story.
func actorsSample(t *testing.T, st *db.Store) (maliki, trump, framework app.Actor) {
	t.Helper()
	maliki = mustActor(t, st, "Nouri al-Maliki", app.Person, "Maliki", "al-Maliki")
	trump = mustActor(t, st, "Donald Trump", app.Person, "Trump")
	framework = mustActor(t, st, "Coordination Framework", app.Party)
	return
}

// actorsRelation files a relation between two actors or fails the test.
func actorsRelation(t *testing.T, st *db.Store, source int64, typ string, target int64) app.Relation {
	t.Helper()
	r, err := st.CreateRelation(context.Background(), app.Relation{SourceID: source, Type: typ, TargetID: target, Start: app.MustDate("2026-01-27")})
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func TestActorsListShowsActorsAndCount(t *testing.T) {
	u, st := newTestUI(t)
	maliki, trump, _ := actorsSample(t, st)
	actorsRelation(t, st, trump.ID, "threatens", maliki.ID)
	s := showActors(t, u)

	if got, want := strings.Join(actorsListed(s), "; "), "Coordination Framework; Donald Trump; Nouri al-Maliki"; got != want {
		t.Errorf("list shows %q, want %q", got, want)
	}
	if s.count.Text != "3 actors" {
		t.Errorf("header count = %q, want %q", s.count.Text, "3 actors")
	}
	if s.emptyBox.Visible() {
		t.Error("the empty state shows over a list of actors")
	}
	item := actorsRowItem(t, u, "Nouri al-Maliki")
	if text := item.text.String(); !strings.Contains(text, "person") || !strings.Contains(text, "also: ") ||
		!strings.Contains(text, "al-Maliki") || !strings.Contains(text, "Maliki, ") && !strings.HasSuffix(text, ", Maliki") {
		t.Errorf("row text = %q, want the kind and the aliases", text)
	}
	if got := item.relations.String(); got != "1 relation" {
		t.Errorf("row relation count = %q, want %q", got, "1 relation")
	}
}

func TestActorsEmptyState(t *testing.T) {
	u, _ := newTestUI(t)
	s := showActors(t, u)
	if !s.emptyBox.Visible() || s.empty.Text != actorsEmptyText {
		t.Errorf("empty state visible=%v text=%q, want the hint to add an actor", s.emptyBox.Visible(), s.empty.Text)
	}
	if s.list.Length() != 0 {
		t.Errorf("list length = %d in an empty project", s.list.Length())
	}
}

func TestActorsFilter(t *testing.T) {
	u, st := newTestUI(t)
	actorsSample(t, st)
	mustActor(t, st, "Malik Party", app.Party)
	s := showActors(t, u)

	for _, tc := range []struct {
		name, text, kind string
		want             string
		count            string
	}{
		{"word inside a name", "mal", allKinds, "Malik Party; Nouri al-Maliki", "2 of 4 actors"},
		{"alias", "trump", allKinds, "Donald Trump", "1 of 4 actors"},
		{"case and diacritics", "MÁLIKI", allKinds, "Nouri al-Maliki", "1 of 4 actors"},
		{"kind", "", app.Party.Label(), "Coordination Framework; Malik Party", "2 of 4 actors"},
		{"text and kind", "mal", app.Person.Label(), "Nouri al-Maliki", "1 of 4 actors"},
		{"no match", "zzz", allKinds, "", "0 of 4 actors"},
		{"everything", "", allKinds, "Coordination Framework; Donald Trump; Malik Party; Nouri al-Maliki", "4 actors"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s.filter.SetText("")
			s.kind.SetSelected(tc.kind)
			test.Type(s.filter, tc.text)
			if got := strings.Join(actorsListed(s), "; "); got != tc.want {
				t.Errorf("list shows %q, want %q", got, tc.want)
			}
			if s.count.Text != tc.count {
				t.Errorf("count = %q, want %q", s.count.Text, tc.count)
			}
			if noMatch := tc.want == ""; s.emptyBox.Visible() != noMatch || (noMatch && !strings.Contains(s.empty.Text, "No actor matches")) {
				t.Errorf("empty state visible=%v text=%q", s.emptyBox.Visible(), s.empty.Text)
			}
		})
	}
}

func TestActorsFilterEnterOpensFirst(t *testing.T) {
	u, st := newTestUI(t)
	maliki, _, _ := actorsSample(t, st)
	s := showActors(t, u)
	test.Type(s.filter, "mal")
	actorsPress(s.filter, fyne.KeyReturn)
	if r := u.history.current; r == nil || r.screen != "dossier" || r.id != maliki.ID {
		t.Errorf("Enter in the filter went to %+v, want the dossier of #%d", r, maliki.ID)
	}
}

func TestActorsTapRowOpensDossier(t *testing.T) {
	u, st := newTestUI(t)
	_, trump, _ := actorsSample(t, st)
	s := showActors(t, u)
	s.list.Select(1) // Donald Trump, by name
	if r := u.history.current; r == nil || r.screen != "dossier" || r.id != trump.ID {
		t.Errorf("selecting a row went to %+v, want the dossier of #%d", r, trump.ID)
	}
}

func TestActorFormCreates(t *testing.T) {
	u, st := newTestUI(t)
	s := showActors(t, u)
	var saved []app.Actor
	s.editActor(app.Actor{Kind: app.Person}, func(a app.Actor) { saved = append(saved, a) })
	f := s.form
	test.Type(f.name, "Nouri al-Maliki")
	f.kind.SetSelected(app.Person.Label())
	test.Type(f.description, "former prime minister of Iraq")
	test.Type(f.aliases, "Maliki\nal-Maliki\n")
	test.Type(f.tags, "iraq, elections")
	actorsTapButton(t, u, "Add actor")

	if len(saved) != 1 {
		t.Fatalf("onSaved called %d times, want once", len(saved))
	}
	a, err := st.FindActor(context.Background(), "al-maliki")
	if err != nil {
		t.Fatal(err)
	}
	if a.ID != saved[0].ID || a.Name != "Nouri al-Maliki" || a.Kind != app.Person || a.Description != "former prime minister of Iraq" {
		t.Errorf("stored %+v", a)
	}
	if got := strings.Join(a.Aliases, "|"); got != "Maliki|al-Maliki" {
		t.Errorf("aliases = %q, want Maliki|al-Maliki", got)
	}
	if got := strings.Join(a.Tags, "|"); got != "iraq|elections" {
		t.Errorf("tags = %q", got)
	}
	if u.win.Canvas().Overlays().Top() != nil {
		t.Error("the form is still open after saving")
	}
	if s.count.Text != "1 actor" {
		t.Errorf("the list was not reloaded: count = %q", s.count.Text)
	}
}

func TestActorFormEdits(t *testing.T) {
	u, st := newTestUI(t)
	maliki, _, _ := actorsSample(t, st)
	s := showActors(t, u)
	test.Tap(actorsRowItem(t, u, "Nouri al-Maliki").edit)
	f := s.form
	if f == nil || f.name.Text != "Nouri al-Maliki" || !strings.Contains(f.aliases.Text, "al-Maliki") {
		t.Fatalf("the edit form does not show the actor: %+v", f)
	}
	f.kind.SetSelected(app.Party.Label())
	actorsTapButton(t, u, "Save")
	a, err := st.Actor(context.Background(), maliki.ID)
	if err != nil {
		t.Fatal(err)
	}
	if a.Kind != app.Party || len(a.Aliases) != 2 {
		t.Errorf("after editing: %+v", a)
	}
}

func TestActorFormKeepsInputOnError(t *testing.T) {
	u, st := newTestUI(t)
	s := showActors(t, u)
	called := false
	s.editActor(app.Actor{Kind: app.Person}, func(app.Actor) { called = true })
	f := s.form
	test.Type(f.description, "leader of a militia")
	test.Type(f.aliases, "Abu Fadak")
	actorsTapButton(t, u, "Add actor")

	if called {
		t.Error("onSaved was called for an actor without a name")
	}
	if actorsTopDialog(t, u) == nil || s.form != f {
		t.Fatal("the form closed on an error")
	}
	if !f.problem.Visible() || !strings.Contains(f.problem.Text, "needs a name") {
		t.Errorf("problem shown = %v %q, want the missing name", f.problem.Visible(), f.problem.Text)
	}
	if f.description.Text != "leader of a militia" || f.aliases.Text != "Abu Fadak" {
		t.Errorf("typed text lost: %q, %q", f.description.Text, f.aliases.Text)
	}
	if n, _ := st.CountActors(context.Background(), app.ActorQuery{}); n != 0 {
		t.Errorf("%d actors stored", n)
	}
	// Fixing the name saves the rest as typed.
	test.Type(f.name, "Abu Fadak al-Mohammadawi")
	actorsTapButton(t, u, "Add actor")
	if !called {
		t.Error("the corrected form did not save")
	}
}

func TestActorFormWarnsOfExistingName(t *testing.T) {
	for _, tc := range []struct {
		name, button string
		wantActors   int
		wantDossier  bool
	}{
		{"back to the form", "Back", 1, false},
		{"add anyway", "Add anyway", 2, false},
		{"open the existing one", "Open it", 1, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			u, st := newTestUI(t)
			maliki := mustActor(t, st, "Nouri al-Maliki", app.Person, "Maliki")
			s := showActors(t, u)
			s.editActor(app.Actor{Kind: app.Person}, nil)
			f := s.form
			test.Type(f.name, "maliki")
			actorsTapButton(t, u, "Add actor")
			if text := actorsDialogText(t, u); !strings.Contains(text, "already a name of “Nouri al-Maliki”") {
				t.Fatalf("warning says %q", text)
			}
			actorsTapButton(t, u, tc.button)
			if n, _ := st.CountActors(context.Background(), app.ActorQuery{}); n != tc.wantActors {
				t.Errorf("%d actors stored, want %d", n, tc.wantActors)
			}
			onDossier := u.history.current != nil && u.history.current.screen == "dossier" && u.history.current.id == maliki.ID
			if onDossier != tc.wantDossier {
				t.Errorf("on the dossier of the existing actor = %v, want %v", onDossier, tc.wantDossier)
			}
			formOpen := u.win.Canvas().Overlays().Top() != nil
			if wantOpen := tc.button == "Back"; formOpen != wantOpen {
				t.Errorf("form open = %v, want %v", formOpen, wantOpen)
			}
		})
	}
}

func TestActorPicker(t *testing.T) {
	for _, tc := range []struct {
		name  string
		typed string
		do    func(p *actorPicker)
		want  string
	}{
		{"enter picks the first match", "mal", func(p *actorPicker) { actorsPress(p.search, fyne.KeyReturn) }, "Nouri al-Maliki"},
		{"down then enter picks the second", "", func(p *actorPicker) {
			actorsPress(p.search, fyne.KeyDown)
			actorsPress(p.search, fyne.KeyReturn)
		}, "Donald Trump"},
		{"tap a match", "", func(p *actorPicker) { p.list.Select(2) }, "Nouri al-Maliki"},
		{"choose button", "trump", func(p *actorPicker) { test.Tap(p.pick) }, "Donald Trump"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			u, st := newTestUI(t)
			actorsSample(t, st)
			s := showActors(t, u)
			var got []app.Actor
			s.pickActor("Open the dossier of…", func(a app.Actor) { got = append(got, a) })
			p := s.picker
			if u.win.Canvas().Focused() != p.search {
				t.Error("the search entry is not focused when the picker opens")
			}
			test.Type(p.search, tc.typed)
			tc.do(p)
			if len(got) != 1 || got[0].Name != tc.want {
				t.Fatalf("picked %+v, want %s", got, tc.want)
			}
			if tc.want == "Nouri al-Maliki" && len(got[0].Aliases) != 2 {
				t.Errorf("the picked actor came without its aliases: %+v", got[0])
			}
			if u.win.Canvas().Overlays().Top() != nil {
				t.Error("the picker is still open")
			}
		})
	}
}

func TestActorPickerNoMatchAndEscape(t *testing.T) {
	u, st := newTestUI(t)
	actorsSample(t, st)
	s := showActors(t, u)
	picked := false
	s.pickActor("Link to actor", func(app.Actor) { picked = true })
	p := s.picker
	test.Type(p.search, "zzz")
	if len(p.rows) != 0 || !strings.Contains(p.status.Text, "No actor matches “zzz”") || !p.pick.Disabled() {
		t.Errorf("no-match state: rows=%d status=%q", len(p.rows), p.status.Text)
	}
	actorsPress(p.search, fyne.KeyReturn)
	actorsPress(p.search, fyne.KeyEscape)
	if picked || u.win.Canvas().Overlays().Top() != nil {
		t.Errorf("picked=%v, picker open=%v after Enter on nothing and Escape", picked, u.win.Canvas().Overlays().Top() != nil)
	}
}

func TestActorPickerNewActor(t *testing.T) {
	u, st := newTestUI(t)
	actorsSample(t, st)
	s := showActors(t, u)
	var got []app.Actor
	s.pickActor("Link to actor", func(a app.Actor) { got = append(got, a) })
	test.Type(s.picker.search, "Hadi al-Amiri")
	actorsTapButton(t, u, "New actor…")
	if s.form == nil || s.form.name.Text != "Hadi al-Amiri" {
		t.Fatal("the form did not open with the typed name")
	}
	s.form.kind.SetSelected(app.Person.Label())
	actorsTapButton(t, u, "Add actor")
	if len(got) != 1 || got[0].Name != "Hadi al-Amiri" || got[0].ID == 0 {
		t.Fatalf("picked %+v, want the new actor", got)
	}
	if u.win.Canvas().Overlays().Top() != nil {
		t.Error("a dialog is still open after creating and picking")
	}
	if _, err := st.FindActor(context.Background(), "hadi al-amiri"); err != nil {
		t.Error(err)
	}
}

func TestActorMergeThroughUI(t *testing.T) {
	u, st := newTestUI(t)
	ctx := context.Background()
	keep := mustActor(t, st, "Nouri al-Maliki", app.Person, "al-Maliki")
	drop := mustActor(t, st, "Maliki", app.Person, "Abu Isra")
	trump := mustActor(t, st, "Donald Trump", app.Person)
	rel := actorsRelation(t, st, trump.ID, "threatens", drop.ID)
	s := showActors(t, u)

	test.Tap(actorsRowItem(t, u, "Maliki").merge)
	if s.picker == nil {
		t.Fatal("Merge into… did not open the picker")
	}
	test.Type(s.picker.search, "nouri")
	actorsPress(s.picker.search, fyne.KeyReturn)
	want := "“Maliki” will become an alias of “Nouri al-Maliki”, and so will its aliases (Abu Isra); its 1 relation, mentions and notes move to “Nouri al-Maliki”."
	if text := actorsDialogText(t, u); !strings.Contains(text, want) {
		t.Fatalf("confirmation says %q, want %q", text, want)
	}
	actorsTapButton(t, u, "Merge")

	r, err := st.Relation(ctx, rel.ID)
	if err != nil {
		t.Fatal(err)
	}
	if r.TargetID != keep.ID {
		t.Errorf("relation target = #%d, want the kept actor #%d", r.TargetID, keep.ID)
	}
	for _, name := range []string{"Maliki", "Abu Isra", "al-Maliki"} {
		if a, err := st.FindActor(ctx, name); err != nil || a.ID != keep.ID {
			t.Errorf("FindActor(%q) = #%d, %v; want the kept actor", name, a.ID, err)
		}
	}
	if c := u.history.current; c == nil || c.screen != "dossier" || c.id != keep.ID {
		t.Errorf("after merging the app shows %+v, want the kept actor's dossier", c)
	}
	if s.total != 2 {
		t.Errorf("the list still counts %d actors", s.total)
	}
}

func TestActorMergeRefusedShowsWhy(t *testing.T) {
	u, st := newTestUI(t)
	keep := mustActor(t, st, "Nouri al-Maliki", app.Person)
	drop := mustActor(t, st, "Maliki", app.Person)
	actorsRelation(t, st, drop.ID, "criticises", keep.ID)
	s := showActors(t, u)
	test.Tap(actorsRowItem(t, u, "Maliki").merge)
	test.Type(s.picker.search, "nouri")
	actorsPress(s.picker.search, fyne.KeyReturn)
	actorsTapButton(t, u, "Merge")
	if text := actorsDialogText(t, u); !strings.Contains(text, "relation(s) with each other") {
		t.Errorf("error shown: %q", text)
	}
	if n, _ := st.CountActors(context.Background(), app.ActorQuery{}); n != 2 {
		t.Errorf("%d actors left, want both", n)
	}
}

func TestActorDelete(t *testing.T) {
	u, st := newTestUI(t)
	ctx := context.Background()
	maliki, trump, framework := actorsSample(t, st)
	actorsRelation(t, st, trump.ID, "threatens", maliki.ID)
	s := showActors(t, u)

	// Refused while the actor takes part in a relation; the store's reason is shown.
	test.Tap(actorsRowItem(t, u, "Donald Trump").del)
	actorsTapButton(t, u, "Delete")
	if text := actorsDialogText(t, u); !strings.Contains(text, "takes part in 1 relation(s)") {
		t.Errorf("refusal shown: %q", text)
	}
	if _, err := st.Actor(ctx, trump.ID); err != nil {
		t.Errorf("the related actor was deleted: %v", err)
	}
	actorsTapButton(t, u, "OK")

	// Allowed otherwise.
	test.Tap(actorsRowItem(t, u, "Coordination Framework").del)
	actorsTapButton(t, u, "Delete")
	if _, err := st.Actor(ctx, framework.ID); !app.IsCode(err, app.ENOTFOUND) {
		t.Errorf("after deleting: %v, want not found", err)
	}
	if s.count.Text != "2 actors" {
		t.Errorf("count after delete = %q", s.count.Text)
	}
}

func TestMergeMessage(t *testing.T) {
	keep := app.Actor{Name: "Nouri al-Maliki"}
	for _, tc := range []struct {
		drop app.ActorRow
		want string
	}{
		{app.ActorRow{Name: "Maliki", Relations: 4}, "“Maliki” will become an alias of “Nouri al-Maliki”; its 4 relations, mentions and notes move to “Nouri al-Maliki”."},
		{app.ActorRow{Name: "Maliki"}, "“Maliki” will become an alias of “Nouri al-Maliki”; its mentions and notes move to “Nouri al-Maliki”."},
		{app.ActorRow{Name: "Maliki", Aliases: []string{"Abu Isra"}, Relations: 1}, "“Maliki” will become an alias of “Nouri al-Maliki”, and so will its aliases (Abu Isra); its 1 relation, mentions and notes move to “Nouri al-Maliki”."},
	} {
		if got := mergeMessage(keep, tc.drop); !strings.HasPrefix(got, tc.want) {
			t.Errorf("mergeMessage(%+v) = %q, want it to start %q", tc.drop, got, tc.want)
		}
	}
}

func TestActorPickerPrefilled(t *testing.T) {
	u, st := newTestUI(t)
	actorsSample(t, st)
	s := showActors(t, u)
	var got app.Actor
	s.pickActorFrom("Link to actor", "  al-Maliki ", func(a app.Actor) { got = a })
	p := s.picker
	if p.search.Text != "al-Maliki" || len(p.rows) != 1 {
		t.Fatalf("search %q lists %d actors, want the one matching al-Maliki", p.search.Text, len(p.rows))
	}
	actorsPress(p.search, fyne.KeyReturn)
	if got.Name != "Nouri al-Maliki" {
		t.Errorf("picked %q", got.Name)
	}
}

func TestActorsListPagesIn(t *testing.T) {
	u, st := newTestUI(t)
	n := actorPageSize + 5
	for i := 0; i < n; i++ {
		mustActor(t, st, fmt.Sprintf("Actor %03d", i), app.Organisation)
	}
	s := showActors(t, u)
	if len(s.pages) != 1 || s.list.Length() != n {
		t.Fatalf("after loading: %d pages, list length %d; want 1 page of %d rows", len(s.pages), s.list.Length(), n)
	}
	s.list.ScrollToBottom()
	last := fmt.Sprintf("Actor %03d", n-1)
	if item := actorsRowItem(t, u, last); item.row.Kind != app.Organisation {
		t.Errorf("last row = %+v", item.row)
	}
	if len(s.pages) != 2 {
		t.Errorf("%d pages loaded after scrolling to the end, want 2", len(s.pages))
	}
}

func TestActorsListMarkup(t *testing.T) {
	u, st := newTestUI(t)
	maliki, trump, _ := actorsSample(t, st)
	actorsRelation(t, st, trump.ID, "threatens", maliki.ID)
	u.win.Resize(fyne.NewSize(900, 600))
	showActors(t, u)
	test.AssertRendersToMarkup(t, "actors/list.xml", u.win.Canvas())
}

func TestActorFormWarnsOfAnAliasAnotherActorHas(t *testing.T) {
	for _, button := range []string{"Back", "Add anyway"} {
		t.Run(button, func(t *testing.T) {
			u, st := newTestUI(t)
			mustActor(t, st, "Nouri al-Maliki", app.Person, "Maliki")
			s := showActors(t, u)
			s.editActor(app.Actor{Kind: app.Person}, nil)
			f := s.form
			test.Type(f.name, "N. al-Maliki")
			test.Type(f.aliases, "MALIKI")
			actorsTapButton(t, u, "Add actor")
			if text := actorsDialogText(t, u); !strings.Contains(text, "“MALIKI” is already a name of Nouri al-Maliki (#1, person)") {
				t.Fatalf("warning says %q", text)
			}
			actorsTapButton(t, u, button)
			want := map[string]int{"Back": 1, "Add anyway": 2}[button]
			if n, _ := st.CountActors(context.Background(), app.ActorQuery{}); n != want {
				t.Errorf("%d actors stored, want %d", n, want)
			}
		})
	}
}
