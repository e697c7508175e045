package views

import (
	"context"
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"dossier/app"
)

// actorPageSize is how many actors one store query fetches; the list pages them in as the
// user scrolls so a project with tens of thousands of actors never sits in memory whole.
const actorPageSize = 200

// allKinds is the kind filter's "no filter" choice.
const allKinds = "All kinds"

const actorsEmptyText = "No actors yet. Add one with New actor, or select a name in an article and choose Add as actor."

// actorsScreen lists the project's actors and edits, merges and deletes them.
type actorsScreen struct {
	u    *UI
	root fyne.CanvasObject

	filter *keyEntry
	kind   *widget.Select
	count  *widget.Label
	list   *widget.List
	empty  *widget.Label
	// emptyBox holds empty, the hint shown instead of an empty list.
	emptyBox *fyne.Container

	// query holds the filter (Text, Kind) the list shows; Offset and Limit are set per page.
	query app.ActorQuery
	// shown is the query whose rows the list holds.
	shown app.ActorQuery
	// total is how many actors match the query, all how many the project has.
	total, all int
	pages      map[int][]app.ActorRow
	pending    map[int]bool
	// gen grows with every reload so that pages of an older query arriving late are dropped.
	gen int
	// updating is set while the list fills a row: a page loaded inline then must not
	// refresh the list from inside its own callback.
	updating bool

	// The open dialogs, kept so tests can drive them.
	form   *actorForm
	picker *actorPicker
}

func newActorsScreen(u *UI) *actorsScreen {
	s := &actorsScreen{u: u, pages: map[int][]app.ActorRow{}, pending: map[int]bool{}}
	s.root = s.build()
	return s
}

func (s *actorsScreen) build() fyne.CanvasObject {
	title := widget.NewLabelWithStyle("Actors", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	title.SizeName = theme.SizeNameSubHeadingText
	s.count = widget.NewLabel("")
	add := widget.NewButtonWithIcon("New actor", theme.ContentAddIcon(), func() {
		s.editActor(app.Actor{Name: strings.TrimSpace(s.filter.Text), Kind: app.Person}, nil)
	})
	add.Importance = widget.HighImportance

	s.filter = s.u.newKeyEntry()
	s.filter.SetPlaceHolder("Filter by name or alias — “mal” finds Nouri al-Maliki")
	s.filter.OnChanged = func(text string) { s.query.Text = text; s.reload() }
	s.filter.OnSubmitted = func(string) { s.openFirst() }
	s.filter.onKey = func(k *fyne.KeyEvent) bool {
		switch {
		case k.Name == fyne.KeyDown && s.total > 0:
			s.u.win.Canvas().Focus(s.list) // then ↑ ↓ move and Space opens
		case k.Name == fyne.KeyEscape && s.filter.Text != "":
			s.filter.SetText("")
		default:
			return false
		}
		return true
	}

	kinds := []string{allKinds}
	for _, k := range app.ActorKinds {
		kinds = append(kinds, k.Label())
	}
	s.kind = widget.NewSelect(kinds, nil)
	s.kind.SetSelectedIndex(0)
	// Set after the first selection: building the screen must not query the store.
	s.kind.OnChanged = func(label string) { s.query.Kind = kindFromLabel(label); s.reload() }

	s.list = widget.NewList(func() int { return s.total }, s.createRow, s.updateRow)
	s.list.OnSelected = func(id widget.ListItemID) {
		s.list.UnselectAll() // so the same row opens again when the user comes back
		if r, ok := s.row(id); ok {
			s.u.openDossier(r.ID)
		}
	}
	s.empty = widget.NewLabel(actorsEmptyText)
	s.empty.Alignment = fyne.TextAlignCenter
	s.empty.Wrapping = fyne.TextWrapWord

	head := container.NewBorder(nil, nil, title, add, container.NewHBox(s.count))
	filters := container.NewBorder(nil, nil, nil, s.kind, s.filter)
	top := container.NewVBox(head, filters, widget.NewSeparator())
	// The box, not the label, is hidden: a stack lays out hidden children too, so the
	// label always has its width when it shows.
	s.emptyBox = container.NewVBox(layout.NewSpacer(), s.empty, layout.NewSpacer(), layout.NewSpacer())
	s.emptyBox.Hide()
	body := container.NewStack(s.list, s.emptyBox)
	return container.NewPadded(container.NewBorder(top, nil, nil, nil, body))
}

// kindFromLabel maps the kind filter's label back to a kind; "" means every kind.
func kindFromLabel(label string) app.ActorKind {
	for _, k := range app.ActorKinds {
		if k.Label() == label {
			return k
		}
	}
	return ""
}

func (s *actorsScreen) content() fyne.CanvasObject { return s.root }

// reload refetches the counts and the first page of the list for the current filter.
func (s *actorsScreen) reload() {
	s.gen++
	gen, q, st := s.gen, s.query, s.u.store
	filtered := strings.TrimSpace(q.Text) != "" || q.Kind != ""
	s.u.async(func(ctx context.Context) {
		total, err := st.CountActors(ctx, q)
		all := total
		if err == nil && filtered {
			all, err = st.CountActors(ctx, app.ActorQuery{})
		}
		var first []app.ActorRow
		if err == nil {
			q.Offset, q.Limit = 0, actorPageSize
			first, err = st.Actors(ctx, q)
		}
		if err != nil {
			s.u.showError(err)
			return
		}
		fyne.Do(func() {
			if gen != s.gen {
				return
			}
			s.total, s.all = total, all
			s.pages = map[int][]app.ActorRow{0: first}
			s.pending = map[int]bool{}
			s.showCounts()
			s.list.Refresh()
			if q.Text != s.shown.Text || q.Kind != s.shown.Kind {
				s.list.ScrollToTop() // a new filter starts at its first match; a plain reload keeps the place
				s.shown = q
			}
		})
	})
}

// showCounts writes the header count and shows the empty state when nothing is listed.
func (s *actorsScreen) showCounts() {
	switch {
	case s.all == 0:
		s.count.SetText("")
		s.empty.SetText(actorsEmptyText)
	case s.total == s.all:
		s.count.SetText(actorPlural(s.all, "actor", "actors"))
	default:
		s.count.SetText(fmt.Sprintf("%d of %s", s.total, actorPlural(s.all, "actor", "actors")))
	}
	if s.all > 0 && s.total == 0 {
		s.empty.SetText(s.noMatchText())
	}
	if s.total == 0 {
		s.emptyBox.Show()
	} else {
		s.emptyBox.Hide()
	}
}

func (s *actorsScreen) noMatchText() string {
	var what []string
	if t := strings.TrimSpace(s.query.Text); t != "" {
		what = append(what, "“"+t+"”")
	}
	if s.query.Kind != "" {
		what = append(what, "of kind "+s.query.Kind.Label())
	}
	return "No actor matches " + strings.Join(what, " ") + ". Clear the filter, or add the actor with New actor."
}

// actorPlural writes "1 actor" or "3 actors".
func actorPlural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}

// row returns the list's row id, loading its page when it is not there yet.
func (s *actorsScreen) row(id widget.ListItemID) (app.ActorRow, bool) {
	p, i := id/actorPageSize, id%actorPageSize
	rows, ok := s.pages[p]
	if !ok {
		s.loadPage(p)
		rows, ok = s.pages[p]
	}
	if !ok || i >= len(rows) {
		return app.ActorRow{}, false
	}
	return rows[i], true
}

func (s *actorsScreen) loadPage(p int) {
	if s.pending[p] {
		return
	}
	s.pending[p] = true
	gen, q, st := s.gen, s.query, s.u.store
	q.Offset, q.Limit = p*actorPageSize, actorPageSize
	s.u.async(func(ctx context.Context) {
		rows, err := st.Actors(ctx, q)
		if err != nil {
			s.u.showError(err) // the page stays pending: no retry loop on a broken store
			return
		}
		fyne.Do(func() {
			if gen != s.gen {
				return
			}
			delete(s.pending, p)
			s.pages[p] = rows
			keepNear(s.pages, p)
			if !s.updating {
				s.list.Refresh()
			}
		})
	})
}

func (s *actorsScreen) createRow() fyne.CanvasObject {
	return newActorRowItem(s.editRow, s.mergeRow, s.deleteRow)
}

func (s *actorsScreen) updateRow(id widget.ListItemID, o fyne.CanvasObject) {
	s.updating = true
	r, ok := s.row(id)
	s.updating = false
	item := o.(*actorRowItem)
	if !ok {
		item.setLoading()
		return
	}
	item.set(r)
}

// openFirst opens the dossier of the first actor listed (Enter in the filter).
func (s *actorsScreen) openFirst() {
	if r, ok := s.row(0); ok && s.total > 0 {
		s.u.openDossier(r.ID)
	}
}

// editRow loads the whole actor (tags and notes are not in the row) and opens the form.
func (s *actorsScreen) editRow(r app.ActorRow) {
	st := s.u.store
	s.u.async(func(ctx context.Context) {
		a, err := st.Actor(ctx, r.ID)
		if err != nil {
			s.u.showError(err)
			return
		}
		fyne.Do(func() { s.editActor(a, nil) })
	})
}

// mergeRow asks which actor absorbs r, explains what will happen and merges.
func (s *actorsScreen) mergeRow(drop app.ActorRow) {
	s.pickActor(fmt.Sprintf("Merge “%s” into…", drop.Name), func(keep app.Actor) {
		if keep.ID == drop.ID {
			s.u.showError(app.Errorf(app.ECONFLICT, "“%s” cannot be merged into itself; pick another actor.", drop.Name))
			return
		}
		s.confirmMerge(keep, drop)
	})
}

// mergeMessage says exactly what a merge does, in the user's names.
func mergeMessage(keep app.Actor, drop app.ActorRow) string {
	var b strings.Builder
	fmt.Fprintf(&b, "“%s” will become an alias of “%s”", drop.Name, keep.Name)
	if len(drop.Aliases) > 0 {
		fmt.Fprintf(&b, ", and so will its aliases (%s)", strings.Join(drop.Aliases, ", "))
	}
	b.WriteString("; its ")
	if drop.Relations > 0 {
		b.WriteString(actorPlural(drop.Relations, "relation", "relations") + ", ")
	}
	fmt.Fprintf(&b, "mentions and notes move to “%s”.\n\nThe merge can be undone from View ▸ Duplicate actors… ▸ Past merges.", keep.Name)
	return b.String()
}

func (s *actorsScreen) confirmMerge(keep app.Actor, drop app.ActorRow) {
	msg := widget.NewLabel(mergeMessage(keep, drop))
	msg.Wrapping = fyne.TextWrapWord
	d := dialog.NewCustomConfirm("Merge actors", "Merge", "Cancel", msg, func(ok bool) {
		if ok {
			s.merge(keep.ID, drop.ID)
		}
	}, s.u.win)
	d.SetConfirmImportance(widget.WarningImportance)
	d.Resize(fyne.NewSize(actorDialogWidth(s.u.win, 520), 0))
	s.u.showConfirm(d, true) // a merge cannot be undone: it takes a click
}

func (s *actorsScreen) merge(keep, drop int64) {
	st := s.u.store
	s.u.async(func(ctx context.Context) {
		kept, err := st.MergeActors(ctx, keep, drop)
		if err != nil {
			s.u.showError(err)
			return
		}
		fyne.Do(func() {
			s.reload()
			s.u.openDossier(kept.ID)
		})
	})
}

// deleteRow asks before deleting; the store refuses while relations name the actor and
// its message says what to do instead.
func (s *actorsScreen) deleteRow(r app.ActorRow) {
	msg := fmt.Sprintf("Delete “%s”? Its mentions and notes go with it; the articles stay. This cannot be undone.", r.Name)
	d := dialog.NewConfirm("Delete actor", msg, func(ok bool) {
		if ok {
			s.delete(r.ID)
		}
	}, s.u.win)
	d.SetConfirmText("Delete")
	d.SetDismissText("Cancel")
	d.SetConfirmImportance(widget.DangerImportance)
	s.u.showConfirm(d, true)
}

func (s *actorsScreen) delete(id int64) {
	st := s.u.store
	s.u.async(func(ctx context.Context) {
		if err := st.DeleteActor(ctx, id); err != nil {
			s.u.showError(err)
			return
		}
		fyne.Do(s.reload)
	})
}

// actorDialogWidth is want, narrowed to fit a small window.
func actorDialogWidth(w fyne.Window, want float32) float32 {
	if room := w.Canvas().Size().Width - 4*theme.Padding(); room > 0 && room < want {
		return room
	}
	return want
}
