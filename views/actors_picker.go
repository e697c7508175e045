package views

import (
	"context"
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"dossier/app"
)

// pickerLimit is how many matches the picker lists; typing more narrows them.
const pickerLimit = 50

// actorPicker is the search-as-you-type dialog that chooses one actor.
type actorPicker struct {
	s        *actorsScreen
	onPicked func(app.Actor)

	search *keyEntry
	status *widget.Label
	list   *keyList
	pick   *widget.Button
	create *widget.Button
	cancel *widget.Button
	dlg    *dialog.CustomDialog

	rows []app.ActorRow
	// cursor is the highlighted match, which Enter picks; the arrow keys move it.
	cursor int
	// gen drops the answers to searches the user has already typed past.
	gen int
}

// pickActor opens a search-as-you-type actor chooser titled title; onPicked gets the choice.
func (s *actorsScreen) pickActor(title string, onPicked func(app.Actor)) {
	s.pickActorFrom(title, "", onPicked)
}

// pickActorFrom is pickActor with the search already filled in, e.g. with the text
// selected in an article ("Link to actor").
func (s *actorsScreen) pickActorFrom(title, text string, onPicked func(app.Actor)) {
	p := &actorPicker{s: s, onPicked: onPicked}
	p.build(title)
	s.picker = p
	s.u.showKeyed(p.dlg, dialogKeys{cancel: p.close, confirm: p.pickCursor})
	text = strings.TrimSpace(text)
	p.search.SetText(text) // runs the first search through OnChanged
	if text == "" {
		p.find("")
	}
	p.search.CursorColumn = len([]rune(text))
	s.u.win.Canvas().Focus(p.search)
}

func (p *actorPicker) build(title string) {
	p.search = p.s.u.newKeyEntry()
	p.search.SetPlaceHolder("Type a name or alias, e.g. “mal” for Nouri al-Maliki")
	p.search.OnChanged = p.find
	p.search.OnSubmitted = func(string) { p.pickCursor() }
	p.search.onKey = p.key

	p.status = widget.NewLabel("")
	p.status.Wrapping = fyne.TextWrapWord

	p.list = p.s.u.newKeyList(func() int { return len(p.rows) }, p.createRow, p.updateRow)
	p.list.OnSelected = func(id widget.ListItemID) {
		p.list.UnselectAll()
		if id >= 0 && id < len(p.rows) {
			p.choose(p.rows[id])
		}
	}

	p.cancel = &widget.Button{Text: "Cancel", Icon: theme.CancelIcon(), OnTapped: p.close}
	p.create = &widget.Button{Text: "New actor…", Icon: theme.ContentAddIcon(), OnTapped: p.newActor}
	p.pick = &widget.Button{Text: "Choose", Icon: theme.ConfirmIcon(), Importance: widget.HighImportance, OnTapped: p.pickCursor}
	p.pick.Disable()

	top := container.NewVBox(p.search, p.status)
	p.dlg = dialog.NewCustomWithoutButtons(title, container.NewBorder(top, nil, nil, nil, p.list), p.s.u.win)
	p.dlg.SetButtons([]fyne.CanvasObject{p.cancel, p.create, p.pick})
	h := p.s.u.win.Canvas().Size().Height - 8*theme.Padding()
	if h > 480 || h <= 0 {
		h = 480
	}
	p.dlg.Resize(fyne.NewSize(actorDialogWidth(p.s.u.win, 600), h))
}

// pickerRow is a match in the picker: a highlight behind the actor's two lines.
type pickerRow struct {
	widget.BaseWidget
	bg   *canvas.Rectangle
	text *widget.RichText
}

func newPickerRow() *pickerRow {
	r := &pickerRow{bg: canvas.NewRectangle(theme.Color(theme.ColorNameSelection)), text: widget.NewRichText()}
	r.bg.CornerRadius = theme.InputRadiusSize()
	r.bg.Hide()
	r.text.Truncation = fyne.TextTruncateEllipsis
	// The list sizes every row like the first one it creates: give it both lines.
	r.text.Segments = actorRowSegments("Name", app.Person, "", nil)
	r.ExtendBaseWidget(r)
	return r
}

// CreateRenderer stacks the text over its highlight.
func (r *pickerRow) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(container.NewStack(r.bg, r.text))
}

func (r *pickerRow) set(a app.ActorRow, highlighted bool) {
	r.text.Segments = actorRowSegments(a.Name, a.Kind, a.Description, a.Aliases)
	r.text.Refresh()
	r.bg.FillColor = theme.Color(theme.ColorNameSelection) // looked up each time: the theme may change
	r.bg.Hidden = !highlighted
	r.bg.Refresh()
}

func (p *actorPicker) createRow() fyne.CanvasObject { return newPickerRow() }

func (p *actorPicker) updateRow(id widget.ListItemID, o fyne.CanvasObject) {
	if id < len(p.rows) {
		o.(*pickerRow).set(p.rows[id], id == p.cursor)
	}
}

// find searches as the user types.
func (p *actorPicker) find(text string) {
	p.gen++
	gen, st := p.gen, p.s.u.store
	q := app.ActorQuery{Text: strings.TrimSpace(text), Limit: pickerLimit}
	p.s.u.async(func(ctx context.Context) {
		rows, err := st.Actors(ctx, q)
		fyne.Do(func() {
			if gen != p.gen {
				return
			}
			if err != nil {
				p.status.SetText(app.ErrorMessage(err))
				return
			}
			p.rows, p.cursor = rows, 0
			p.list.Refresh()
			p.list.ScrollToTop()
			p.showStatus(q.Text)
		})
	})
}

func (p *actorPicker) showStatus(text string) {
	switch {
	case len(p.rows) == 0 && text == "":
		p.status.SetText("No actors yet. Add one with New actor…")
	case len(p.rows) == 0:
		p.status.SetText(fmt.Sprintf("No actor matches “%s”. Add it with New actor…", text))
	case len(p.rows) == pickerLimit:
		p.status.SetText(fmt.Sprintf("The first %d matches; type more to narrow them. Enter chooses the highlighted one.", pickerLimit))
	default:
		p.status.SetText(actorPlural(len(p.rows), "match", "matches") + ". Enter chooses the highlighted one; ↑ and ↓ move.")
	}
	if len(p.rows) == 0 {
		p.pick.Disable()
		p.create.Importance = widget.HighImportance
	} else {
		p.pick.Enable()
		p.create.Importance = widget.MediumImportance
	}
	p.create.Refresh()
}

// key moves the highlight with the arrow keys and closes on Escape.
func (p *actorPicker) key(k *fyne.KeyEvent) bool {
	switch k.Name {
	case fyne.KeyDown:
		p.moveCursor(1)
	case fyne.KeyUp:
		p.moveCursor(-1)
	case fyne.KeyPageDown:
		p.moveCursor(10)
	case fyne.KeyPageUp:
		p.moveCursor(-10)
	default:
		return false
	}
	return true
}

func (p *actorPicker) moveCursor(by int) {
	if len(p.rows) == 0 {
		return
	}
	old := p.cursor
	p.cursor = min(max(p.cursor+by, 0), len(p.rows)-1)
	p.list.RefreshItem(old)
	p.list.RefreshItem(p.cursor)
	p.list.ScrollTo(p.cursor)
}

func (p *actorPicker) pickCursor() {
	if p.cursor >= 0 && p.cursor < len(p.rows) {
		p.choose(p.rows[p.cursor])
	}
}

// choose loads the whole actor, closes the picker and hands the actor on.
func (p *actorPicker) choose(r app.ActorRow) {
	st := p.s.u.store
	p.s.u.async(func(ctx context.Context) {
		a, err := st.Actor(ctx, r.ID)
		fyne.Do(func() {
			if err != nil {
				p.status.SetText(app.ErrorMessage(err))
				return
			}
			p.done(a)
		})
	})
}

func (p *actorPicker) done(a app.Actor) {
	p.close()
	if p.onPicked != nil {
		p.onPicked(a)
	}
}

// newActor opens the actor form over the picker with the typed text as the name; the
// actor saved (or an existing one the user prefers) is picked.
func (p *actorPicker) newActor() {
	p.s.openActorForm(app.Actor{Name: strings.TrimSpace(p.search.Text), Kind: app.Person}, p.done, p.done)
}

func (p *actorPicker) close() {
	p.dlg.Hide()
	if p.s.picker == p {
		p.s.picker = nil
	}
}
