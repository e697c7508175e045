package views

import (
	"context"
	"fmt"
	"strings"
	"sync/atomic"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"dossier/app"
)

// queuePageSize is how many names one store query fetches; more are paged in as the
// cursor or the scroll nears the end of what is loaded.
const queuePageSize = 100

// queueKeysText says the keys on screen, so a researcher can triage without the mouse.
const queueKeysText = "↑ ↓ move · Space select · A accept as shown · K change kind · E edit then accept · M merge into an actor · D dismiss — keys act on the selected names, or else on the highlighted one"

// queueScreen is the project's review queue: one row per name the articles suggest,
// busiest first, accepted, merged or dismissed one at a time or many at once.
type queueScreen struct {
	u    *UI
	root fyne.CanvasObject

	count  *widget.Label
	status *widget.Label
	list   *queueList

	rows     []app.QueuedName // loaded so far, in order
	more     bool             // the store has rows after the last loaded
	total    int
	cur      int             // the highlighted row
	selected map[string]bool // by folded name
	// kinds holds kinds the researcher changed with K before accepting.
	kinds map[string]app.ActorKind
	gen   int
	// filling is set while pending articles are read, so that coming back to the screen
	// does not start a second reading beside the first.
	filling atomic.Bool
}

// queueList is the queue's list, taking the triage keys while it has the focus.
type queueList struct {
	widget.List
	s *queueScreen
}

func (l *queueList) TypedKey(k *fyne.KeyEvent) {
	switch k.Name {
	case fyne.KeyUp:
		l.s.move(-1)
	case fyne.KeyDown:
		l.s.move(1)
	case fyne.KeySpace:
		l.s.toggle()
	case fyne.KeyReturn, fyne.KeyEnter:
		l.s.accept()
	default:
		l.List.TypedKey(k)
	}
}

func (l *queueList) TypedRune(r rune) {
	switch r {
	case 'a', 'A':
		l.s.accept()
	case 'd', 'D':
		l.s.dismiss()
	case 'm', 'M':
		l.s.merge()
	case 'e', 'E':
		l.s.editAccept()
	case 'k', 'K':
		l.s.cycleKind()
	} // Space comes as a key too: it is handled there only, or it would toggle twice

}

func newQueueScreen(u *UI) *queueScreen {
	s := &queueScreen{u: u, selected: map[string]bool{}, kinds: map[string]app.ActorKind{}}
	title := widget.NewLabelWithStyle("Suggestions", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	title.SizeName = theme.SizeNameSubHeadingText
	s.count = widget.NewLabel("")
	s.status = widget.NewLabel("")
	s.status.Wrapping = fyne.TextWrapWord
	s.status.Hide() // shown with the first thing done: empty, it left a blank band above the list
	keys := widget.NewLabel(queueKeysText)
	keys.Wrapping = fyne.TextWrapWord
	// Not LowImportance: Fyne draws that in the disabled colour, too faint to read.
	keys.TextStyle = fyne.TextStyle{Italic: true}
	s.list = &queueList{s: s}
	s.list.Length = func() int { return len(s.rows) }
	s.list.CreateItem = s.createRow
	s.list.UpdateItem = s.updateRow
	s.list.OnSelected = func(id widget.ListItemID) { s.cur = id; s.pageNear(id) }
	s.list.ExtendBaseWidget(s.list)
	btn := func(label string, icon fyne.Resource, f func()) *widget.Button {
		b := widget.NewButtonWithIcon(label, icon, f)
		b.Importance = widget.LowImportance
		return b
	}
	bar := container.NewHBox(
		btn("Accept (A)", theme.ConfirmIcon(), s.accept),
		btn("Edit & accept… (E)", theme.DocumentCreateIcon(), s.editAccept),
		btn("Merge into… (M)", theme.ContentAddIcon(), s.merge),
		btn("Dismiss (D)", theme.ContentClearIcon(), s.dismiss),
		btn("Select all loaded", theme.CheckButtonCheckedIcon(), s.selectAll),
		btn("Clear selection", theme.CheckButtonIcon(), s.clearSelection))
	top := container.NewVBox(container.NewHBox(title, s.count), keys, bar, s.status)
	s.root = container.NewBorder(top, nil, nil, nil, s.list) // the list itself, so that it can take the focus
	return s
}

func (s *queueScreen) content() fyne.CanvasObject { return s.root }

// focus gives the list the keyboard.
func (s *queueScreen) focus() {
	if c := s.u.win.Canvas(); c != nil {
		c.Focus(s.list)
	}
}

// reload reads pending articles into the queue first (once, after an upgrade or a
// batch written outside the window, with progress), then shows the first page.
func (s *queueScreen) reload() {
	s.gen++
	gen, st := s.gen, s.u.store
	s.u.async(func(ctx context.Context) {
		pending, err := st.PendingSuggestions(ctx)
		filled := false
		if err == nil && pending > 0 {
			if !s.filling.CompareAndSwap(false, true) {
				return // the reading under way shows the queue when it ends
			}
			defer s.filling.Store(false)
			filled = true
			err = st.FillSuggestionQueue(ctx, func(done, total int) {
				fyne.Do(func() {
					s.count.SetText(fmt.Sprintf("— reading the articles for suggestions once: %s of %s…", dossierThousands(done), dossierThousands(total)))
				})
			})
		}
		var rows []app.QueuedName
		total := 0
		if err == nil {
			rows, err = st.SuggestionQueue(ctx, app.QueueQuery{Limit: queuePageSize})
		}
		if err == nil {
			total, err = st.CountSuggestionQueue(ctx)
		}
		fyne.Do(func() {
			// A reload asked for during a reading returned early: the reading's page,
			// read after it, is the one to show.
			if gen != s.gen && !filled {
				return
			}
			if err != nil {
				s.u.showError(err)
				return
			}
			s.rows, s.total, s.more = rows, total, len(rows) == queuePageSize
			s.cur = min(s.cur, max(len(rows)-1, 0))
			s.kept()
			s.showCount()
			s.list.Refresh()
			if len(rows) > 0 {
				s.list.Select(s.cur)
			}
		})
	})
}

// kept drops selections and changed kinds of names no longer in the queue.
func (s *queueScreen) kept() {
	in := map[string]bool{}
	for _, r := range s.rows {
		in[r.Folded] = true
	}
	for f := range s.selected {
		if !in[f] {
			delete(s.selected, f)
		}
	}
}

func (s *queueScreen) showCount() {
	switch {
	case s.total == 0:
		s.count.SetText("— no names to review: every name the articles suggest is an actor or was dismissed.")
	case len(s.rows) < s.total:
		s.count.SetText(fmt.Sprintf("— %s names to review, %s loaded (scroll for more), %d selected", dossierThousands(s.total), dossierThousands(len(s.rows)), len(s.selected)))
	default:
		s.count.SetText(fmt.Sprintf("— %s names to review, %d selected", dossierThousands(s.total), len(s.selected)))
	}
}

// pageNear loads the next page when row id is near the end of what is loaded.
func (s *queueScreen) pageNear(id int) {
	if !s.more || id < len(s.rows)-20 {
		return
	}
	s.more = false // one load at a time
	gen, st, after := s.gen, s.u.store, s.rows[len(s.rows)-1].Cursor()
	s.u.async(func(ctx context.Context) {
		rows, err := st.SuggestionQueue(ctx, app.QueueQuery{After: after, Limit: queuePageSize})
		fyne.Do(func() {
			if gen != s.gen {
				return
			}
			if err != nil {
				s.u.showError(err)
				return
			}
			s.rows = append(s.rows, rows...)
			s.more = len(rows) == queuePageSize
			s.showCount()
			s.list.Refresh()
		})
	})
}

func (s *queueScreen) createRow() fyne.CanvasObject {
	check := widget.NewCheck("", nil)
	name := widget.NewRichText()
	sample := widget.NewLabel("")
	sample.Truncation = fyne.TextTruncateEllipsis
	sample.TextStyle = fyne.TextStyle{Italic: true} // set apart from the name, yet readable
	return container.NewBorder(nil, nil, check, nil, container.NewVBox(name, sample))
}

func (s *queueScreen) updateRow(id widget.ListItemID, o fyne.CanvasObject) {
	s.pageNear(id)
	if id >= len(s.rows) {
		return
	}
	r := s.rows[id]
	c := o.(*fyne.Container)
	check := c.Objects[1].(*widget.Check)
	check.OnChanged = nil
	check.SetChecked(s.selected[r.Folded])
	check.OnChanged = func(on bool) { s.setSelected(r.Folded, on) }
	texts := c.Objects[0].(*fyne.Container)
	texts.Objects[0].(*widget.RichText).Segments = queueSegments(r, s.kindOf(r))
	texts.Objects[0].Refresh()
	texts.Objects[1].(*widget.Label).SetText(r.Sample)
}

// queueSegments describe a row: "Tamsin Okonkwo-Reyes   person · also “Okonkwo-Reyes” · 2 articles".
func queueSegments(r app.QueuedName, kind app.ActorKind) []widget.RichTextSegment {
	about := []string{kind.Label()}
	if len(r.Aliases) > 0 {
		about = append(about, "also "+quoteList(r.Aliases))
	}
	about = append(about, withheldNotes(r.Withheld)...)
	about = append(about, actorPlural(r.Articles, "article", "articles"))
	return []widget.RichTextSegment{
		&widget.TextSegment{Style: widget.RichTextStyle{Inline: true, SizeName: theme.SizeNameText, TextStyle: fyne.TextStyle{Bold: true}}, Text: r.Name},
		&widget.TextSegment{Style: widget.RichTextStyle{Inline: true, SizeName: theme.SizeNameText, ColorName: theme.ColorNamePlaceHolder}, Text: "   " + strings.Join(about, " · ")},
	}
}

func (s *queueScreen) kindOf(r app.QueuedName) app.ActorKind {
	if k, ok := s.kinds[r.Folded]; ok {
		return k
	}
	if r.Kind == "" {
		return app.OtherKind
	}
	return r.Kind
}

func (s *queueScreen) move(d int) {
	if len(s.rows) == 0 {
		return
	}
	s.cur = min(max(s.cur+d, 0), len(s.rows)-1)
	s.list.Select(s.cur)
}

func (s *queueScreen) setSelected(folded string, on bool) {
	if on {
		s.selected[folded] = true
	} else {
		delete(s.selected, folded)
	}
	s.showCount()
}

func (s *queueScreen) toggle() {
	if s.cur < len(s.rows) {
		f := s.rows[s.cur].Folded
		s.setSelected(f, !s.selected[f])
		s.list.RefreshItem(s.cur)
	}
}

func (s *queueScreen) selectAll() {
	for _, r := range s.rows {
		s.selected[r.Folded] = true
	}
	s.showCount()
	s.list.Refresh()
}

func (s *queueScreen) clearSelection() {
	clear(s.selected)
	s.showCount()
	s.list.Refresh()
}

// targets are the rows an action applies to: the selected ones, else the highlighted one.
func (s *queueScreen) targets() []app.QueuedName {
	var out []app.QueuedName
	for _, r := range s.rows {
		if s.selected[r.Folded] {
			out = append(out, r)
		}
	}
	if len(out) == 0 && s.cur < len(s.rows) {
		out = append(out, s.rows[s.cur])
	}
	return out
}

// cycleKind changes the kind the highlighted name will be accepted with.
func (s *queueScreen) cycleKind() {
	if s.cur >= len(s.rows) {
		return
	}
	r := s.rows[s.cur]
	k := s.kindOf(r)
	for i, x := range app.ActorKinds {
		if x == k {
			s.kinds[r.Folded] = app.ActorKinds[(i+1)%len(app.ActorKinds)]
			break
		}
	}
	s.list.RefreshItem(s.cur)
}

// accept makes actors of the target names with the kind and aliases shown, in one go;
// the store links each new actor's mentions in every article as it saves it.
func (s *queueScreen) accept() {
	ts := s.targets()
	if len(ts) == 0 {
		return
	}
	actors := make([]app.Actor, len(ts))
	for i, r := range ts {
		actors[i] = r.Actor()
		actors[i].Kind = s.kindOf(r)
	}
	s.act(func(ctx context.Context) (string, error) {
		for i, a := range actors {
			if _, err := s.u.store.CreateActor(ctx, a); err != nil {
				return doneSoFar("accepted", i), err
			}
		}
		return fmt.Sprintf("%s now %s, linked in every article.", quoteList(actorNames(actors)), plural(len(actors), "is an actor", "are actors")), nil
	})
}

// editAccept opens the actor form filled with the highlighted name's guess; Enter saves.
func (s *queueScreen) editAccept() {
	if s.cur >= len(s.rows) {
		return
	}
	r := s.rows[s.cur]
	a := r.Actor()
	a.Kind = s.kindOf(r)
	s.u.actors.editActor(a, func(saved app.Actor) {
		s.say(fmt.Sprintf("“%s” is now an actor, linked in every article.", saved.Name))
		s.reload()
	})
}

// merge asks which actor the target names are other names of, and gives it their names
// and aliases.
func (s *queueScreen) merge() {
	ts := s.targets()
	if len(ts) == 0 {
		return
	}
	s.u.actors.pickActor(fmt.Sprintf("Merge %s into…", quoteList(queueNames(ts))), func(into app.Actor) {
		s.mergeInto(ts, into)
	})
}

func (s *queueScreen) mergeInto(ts []app.QueuedName, into app.Actor) {
	var forms []string
	for _, r := range ts {
		forms = append(forms, r.Name)
		forms = append(forms, r.Aliases...)
	}
	s.act(func(ctx context.Context) (string, error) {
		for i, f := range forms {
			if err := s.u.store.AddAlias(ctx, into.ID, f); err != nil {
				return doneSoFar("added as aliases", i), err
			}
		}
		return fmt.Sprintf("%s now also goes by %s.", into.Name, quoteList(forms)), nil
	})
}

// dismiss stops the target names being suggested anywhere in the project.
func (s *queueScreen) dismiss() {
	ts := s.targets()
	if len(ts) == 0 {
		return
	}
	s.act(func(ctx context.Context) (string, error) {
		for i, r := range ts {
			if err := s.u.store.DismissSuggestion(ctx, r.Name); err != nil {
				return doneSoFar("dismissed", i), err
			}
		}
		return fmt.Sprintf("%s will not be suggested again in this project.", quoteList(queueNames(ts))), nil
	})
}

// say shows what the last action did under the buttons, and hides the line when empty.
func (s *queueScreen) say(msg string) {
	s.status.SetText(msg)
	s.status.Hidden = msg == ""
	s.status.Refresh()
}

// act runs a queue action off the UI goroutine, says what it did (or how far it got
// before failing), and reloads the queue.
func (s *queueScreen) act(work func(ctx context.Context) (string, error)) {
	s.u.async(func(ctx context.Context) {
		msg, err := work(ctx)
		fyne.Do(func() {
			s.say(msg)
			if err != nil {
				s.u.showError(err)
			}
			clear(s.selected)
			s.reload()
		})
	})
}

func doneSoFar(what string, n int) string {
	if n == 0 {
		return ""
	}
	return fmt.Sprintf("%d %s before the error.", n, what)
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

func actorNames(as []app.Actor) []string {
	out := make([]string, len(as))
	for i, a := range as {
		out[i] = a.Name
	}
	return out
}

func queueNames(rs []app.QueuedName) []string {
	out := make([]string, len(rs))
	for i, r := range rs {
		out[i] = r.Name
	}
	return out
}
