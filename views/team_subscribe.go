package views

import (
	"context"
	"fmt"
	"slices"
	"sort"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"dossier/app"
)

// File ▸ Team ▸ Subscriptions…: which of the hub collection's articles this project
// takes, by tag, as `dossier sync --only-tag T` / `--all-tags` set it. The dialog lists
// the collection's tags with how many articles carry each, ticks the current
// subscription, says what saving a choice changes, then saves it and syncs.

// teamSubscribeHub is what the dialog needs of a hub (db/hub's Hub).
type teamSubscribeHub interface {
	Collection(ctx context.Context, name string) (id string, canWrite bool, err error)
	Tags(ctx context.Context, collectionID string, limit int) ([]app.HubTag, bool, error)
}

// teamSubscribeStore keeps the project's subscription (db.Store).
type teamSubscribeStore interface {
	HubSyncState(ctx context.Context, place app.HubPlace) (app.HubSyncState, error)
	SetHubSubscription(ctx context.Context, place app.HubPlace, tags []string) error
}

// subscribeTagLimit is how many tags the dialog lists, the most used first (it says so
// when the collection has more).
const subscribeTagLimit = 500

// subsForm is the dialog's state.
type subsForm struct {
	had    []string // the current subscription (none: the whole collection)
	all    *widget.Check
	tags   []string
	checks []*widget.Check
	change *widget.Label
	save   *widget.Button
}

// teamSubscriptions reads the collection's tags and the project's subscription, then
// shows the dialog.
func (mw *Window) teamSubscriptions() {
	ts := mw.teamState()
	ts.mu.Lock()
	place, connected := ts.place, ts.auto != nil
	ts.mu.Unlock()
	store, ok := unwatched(mw.u.store).(teamSubscribeStore)
	if !connected || !ok {
		mw.u.showInfo("Subscriptions", "Connect to the team's hub first (File ▸ Team ▸ Connect…).")
		return
	}
	// Tags are inside each article's JSON: on a hub of a million articles reading them
	// takes seconds, so the wait is said.
	mw.u.tell("Reading the tags of the hub's collection…")
	mw.u.async(func(ctx context.Context) {
		var tags []app.HubTag
		var more bool
		err := mw.withHub(ctx, func(c TeamHub, place app.HubPlace) error {
			h, ok := c.(teamSubscribeHub)
			if !ok {
				return app.Errorf(app.EINTERNAL, "This build of Dossier cannot list a hub's tags.")
			}
			id, _, err := h.Collection(ctx, place.Collection)
			if err == nil {
				tags, more, err = h.Tags(ctx, id, subscribeTagLimit)
			}
			return err
		})
		var st app.HubSyncState
		if err == nil {
			st, err = store.HubSyncState(ctx, place)
		}
		if err != nil {
			mw.u.showError(err)
			return
		}
		fyne.Do(func() { mw.subscriptionsDialog(store, place, st.OnlyTags, tags, more) })
	})
}

// subscriptionsDialog shows the tags ticked as subscribed, Everything, and what a change
// would do.
func (mw *Window) subscriptionsDialog(store teamSubscribeStore, place app.HubPlace, had []string, tags []app.HubTag, more bool) {
	f := &subsForm{had: had, change: widget.NewLabel("")}
	f.change.Wrapping = fyne.TextWrapWord
	f.all = widget.NewCheck("Everything (the whole collection)", func(bool) { f.update() })
	rows := container.NewVBox()
	for _, t := range withSubscribed(tags, had) {
		f.tags = append(f.tags, t.Tag)
		c := widget.NewCheck(tagLine(t), func(bool) { f.update() })
		f.checks = append(f.checks, c)
		rows.Add(c)
	}
	f.all.SetChecked(len(had) == 0)
	for i, t := range f.tags {
		f.checks[i].SetChecked(slices.Contains(had, t))
	}
	intro := widget.NewLabel(subscriptionIntro(place, had, len(tags) == 0, more))
	intro.Wrapping = fyne.TextWrapWord
	body := container.NewBorder(container.NewVBox(intro, f.all), f.change, nil, nil, container.NewVScroll(rows))
	d := dialog.NewCustomWithoutButtons("Subscriptions", body, mw.u.win)
	f.save = widget.NewButton("Save and sync", func() { d.Hide(); mw.saveSubscription(store, place, f) })
	f.save.Importance = widget.HighImportance
	d.SetButtons([]fyne.CanvasObject{widget.NewButton("Cancel", d.Hide), f.save})
	f.update()
	mw.teamState().subs = f
	d.Resize(dossierDialogSize(mw.u.win, 620, 560))
	mw.u.showKeyed(d, dialogKeys{cancel: d.Hide})
}

// withSubscribed is tags plus the subscribed tags no live article carries now, so that
// every tag of the subscription can be unticked.
func withSubscribed(tags []app.HubTag, had []string) []app.HubTag {
	out := append([]app.HubTag(nil), tags...)
	for _, t := range had {
		if !slices.ContainsFunc(tags, func(x app.HubTag) bool { return x.Tag == t }) {
			out = append(out, app.HubTag{Tag: t})
		}
	}
	return out
}

func tagLine(t app.HubTag) string {
	switch t.Articles {
	case 0:
		return t.Tag + " — no article on the hub carries it now"
	case 1:
		return t.Tag + " — 1 article"
	}
	return fmt.Sprintf("%s — %d articles", t.Tag, t.Articles)
}

// subscriptionIntro says what a subscription takes and what this project takes now.
func subscriptionIntro(place app.HubPlace, had []string, noTags, more bool) string {
	s := fmt.Sprintf("Which of the collection “%s” this project takes from the hub. A tag brings the articles carrying it, the relations quoting them, their actors and the notes on any of these; every change made here is sent either way. ", place.Collection)
	if len(had) == 0 {
		s += "Now: everything."
	} else {
		s += "Now: the articles tagged " + strings.Join(had, ", ") + "."
	}
	if noTags {
		s += " No article of the collection has a tag yet."
	}
	if more {
		s += fmt.Sprintf(" Only the %d most used tags are listed: dossier sync --only-tag TAG subscribes to any other.", subscribeTagLimit)
	}
	return s
}

// chosen is the subscription ticked, sorted as the project keeps it: none for Everything.
func (f *subsForm) chosen() []string {
	if f.all.Checked {
		return nil
	}
	var out []string
	for i, c := range f.checks {
		if c.Checked {
			out = append(out, f.tags[i])
		}
	}
	sort.Strings(out)
	return out
}

// update says what the choice changes; Save waits for a tag or Everything. The tags'
// boxes are off while Everything is ticked.
func (f *subsForm) update() {
	for _, c := range f.checks {
		if f.all.Checked {
			c.Disable()
		} else {
			c.Enable()
		}
	}
	if f.save == nil {
		return
	}
	want := f.chosen()
	if !f.all.Checked && len(want) == 0 {
		f.change.SetText("Tick at least one tag, or Everything.")
		f.save.Disable()
		return
	}
	f.change.SetText(app.SubscriptionChange(f.had, want))
	if slices.Equal(f.had, want) {
		f.save.Disable() // nothing to save
		return
	}
	f.save.Enable()
}

// saveSubscription keeps the choice in the project, as dossier sync --only-tag and
// --all-tags do, then syncs.
func (mw *Window) saveSubscription(store teamSubscribeStore, place app.HubPlace, f *subsForm) {
	want := f.chosen()
	mw.u.async(func(ctx context.Context) {
		if err := store.SetHubSubscription(ctx, place, want); err != nil {
			mw.u.showError(err)
			return
		}
		what := "the whole collection"
		if len(want) > 0 {
			what = "the articles tagged " + strings.Join(want, ", ")
		}
		mw.setTeamLine("Team: subscribed to " + what + "; syncing…")
		mw.runSync("")
	})
}
