package views

import (
	"context"
	"fmt"
	"io"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"dossier/app"
)

// dossierMentions is how many relations and mentioning articles the screen asks the store
// for (db.DossierMentions), newest first; the rest are counted, and the CSV export holds
// them all.
const dossierMentions = 200

// Caps on what one dossier builds as widgets, so that a busy actor's page stays quick to
// lay out; the CSV export has everything.
const (
	dossierMaxRelations = 300 // relation rows, shared out among the verb groups
	dossierMaxTimeline  = 300 // timeline entries (the latest ones)
	dossierMaxSources   = 3   // sources shown under one relation
)

// How much of a long section is built at first, and how much more each "Show more" adds.
// Laying out wrapped text is the slow part of the screen (about 3 ms a relation), so a
// busy actor's dossier opens with its newest facts and grows on demand.
const (
	dossierRelationsPage = 60
	dossierMentionsPage  = 30
	dossierTimelinePage  = 60
)

// dossierScreen shows everything known about one actor, as a briefing: who it is, what it
// did and had done to it according to which outlet, when, which articles name it, whom it
// is most linked with, and the researcher's notes.
type dossierScreen struct {
	u      *UI
	root   *fyne.Container // a stack holding the empty state, a message or the scroll
	scroll *container.Scroll

	// actorID is the actor asked for; shown the one whose dossier is on screen (0: none).
	actorID int64
	shown   int64
	d       app.Dossier
	// gen numbers the loads so that the answer to an older one, arriving late, is dropped.
	gen int
	// How many relations, articles and events the long sections show; see dossierRelationsPage.
	relLimit, mentionLimit, timelineLimit int

	// saveCSV asks where to save and calls write with the file; tests replace it.
	saveCSV func(suggestedName string, write func(io.Writer) error)
	// exportedRows is the record count of the last export, for the confirmation.
	exportedRows int

	// q holds the filters bar and the Graph, Timeline and Connections tabs (dossier_graph.go).
	q *dossierQuestions

	authors authorsOf // who added the relations synced with a team hub (team_authors.go)

	// What the tests drive.
	relRows      []*dossierRelationRow
	empty        *widget.Button
	noteEditor   *dossierNoteEditor
	exportDialog *dialog.ConfirmDialog
}

func newDossierScreen(u *UI) *dossierScreen {
	s := &dossierScreen{u: u, root: container.NewStack()}
	s.scroll = container.NewVScroll(widget.NewLabel(""))
	s.saveCSV = s.saveWithDialog
	s.q = newDossierQuestions(s)
	s.showEmpty()
	return s
}

// content returns the screen's root. The project may have changed under it (a switch
// or the sample removed reset actorID), in which case the stale dossier is replaced.
func (s *dossierScreen) content() fyne.CanvasObject {
	if s.actorID == 0 && s.shown != 0 {
		s.showEmpty()
	}
	return s.root
}

// load shows the dossier of one actor.
func (s *dossierScreen) load(actorID int64) {
	s.actorID = actorID
	if actorID == 0 {
		s.showEmpty()
		return
	}
	s.gen++
	gen := s.gen
	if s.shown != actorID {
		s.showMessage("Opening the dossier…", false)
	}
	st := s.u.store
	s.u.async(func(ctx context.Context) {
		d, err := s.q.fetch(ctx, st, actorID)
		fyne.Do(func() {
			if gen != s.gen {
				return
			}
			if err != nil {
				s.shown = 0
				s.showMessage(dossierProblem(err), true)
				return
			}
			s.render(d)
		})
	})
}

// reload fetches the dossier on screen again after an edit, keeping the reading position.
func (s *dossierScreen) reload() {
	if s.actorID != 0 {
		s.load(s.actorID)
	}
}

// render replaces the screen's content with the briefing for d.
func (s *dossierScreen) render(d app.Dossier) {
	// Reloading the same actor (after an edit) keeps the reading position and what was
	// expanded; another actor starts at the top.
	offset := fyne.Position{}
	if s.shown == d.Actor.ID {
		offset = s.scroll.Offset
	} else {
		s.relLimit, s.mentionLimit, s.timelineLimit = dossierRelationsPage, dossierMentionsPage, dossierTimelinePage
	}
	s.d = d
	s.shown = d.Actor.ID
	left := container.NewVBox(s.relationsSection(d), s.timelineSection(d))
	right := container.NewVBox(s.mentionsSection(d), s.associatesSection(d), s.notesSection(d), s.inNotesSection(d))
	body := container.NewVBox(
		s.header(d),
		s.mergesStrip(d.Actor.ID),
		widget.NewSeparator(),
		container.New(&dossierColumns{}, left, right),
	)
	pad := theme.Padding()
	s.scroll.Content = container.New(layout.NewCustomPaddedLayout(pad*2, pad*6, pad*4, pad*4), body)
	s.scroll.Offset = offset
	s.q.show(d)
	if s.q.wrapped(s.root.Objects) {
		s.scroll.Refresh()
		return
	}
	s.setRoot(s.q.wrap(s.scroll))
}

// growing is a section that can show more of itself: content builds its objects, given
// the action that asks for more; grow raises the section's limit.
func (s *dossierScreen) growing(content func(more func()) []fyne.CanvasObject, grow func()) fyne.CanvasObject {
	box := dossierStack(theme.Padding())
	var fill func()
	more := func() {
		grow()
		fill()
		s.scroll.Refresh() // the section got taller: lay the page out again
	}
	fill = func() {
		box.Objects = content(more)
		box.Refresh()
	}
	fill()
	return dossierSection(box)
}

func (s *dossierScreen) setRoot(o fyne.CanvasObject) {
	s.root.Objects = []fyne.CanvasObject{o}
	s.root.Refresh()
}

// showEmpty is the screen before an actor is chosen.
func (s *dossierScreen) showEmpty() {
	s.shown = 0
	s.d = app.Dossier{}
	s.relRows = nil
	title := widget.NewRichText(&widget.TextSegment{Text: "Choose an actor to read its dossier",
		Style: widget.RichTextStyle{SizeName: theme.SizeNameSubHeadingText, Alignment: fyne.TextAlignCenter, TextStyle: fyne.TextStyle{Bold: true}}})
	hint := widget.NewLabel("A dossier gathers what the project knows about one actor:\n" +
		"its relations and the sources that report them, the articles that name it,\n" +
		"the actors it is most linked with, and your notes.")
	hint.Alignment = fyne.TextAlignCenter
	s.empty = widget.NewButtonWithIcon("Choose an actor…  ("+shortcutKey(fyne.KeyD)+")", theme.SearchIcon(), s.u.chooseDossier)
	s.empty.Importance = widget.HighImportance
	s.setRoot(container.NewCenter(container.NewVBox(title, hint, container.NewCenter(s.empty))))
}

// showMessage fills the screen with one line: progress, or a failure with a way out.
func (s *dossierScreen) showMessage(text string, failed bool) {
	l := widget.NewLabel(text)
	l.Wrapping = fyne.TextWrapWord
	l.Alignment = fyne.TextAlignCenter
	// Full width between spacers: a wrapped label inside a Center gets its minimum width
	// and falls apart one letter per row.
	if !failed {
		s.setRoot(container.NewVBox(layout.NewSpacer(), l, layout.NewSpacer()))
		return
	}
	l.Importance = widget.DangerImportance
	choose := widget.NewButtonWithIcon("Choose another actor…", theme.SearchIcon(), s.u.chooseDossier)
	s.setRoot(container.NewVBox(layout.NewSpacer(), l, container.NewCenter(choose), layout.NewSpacer()))
}

// dossierCount writes "1 relation", "3 relations", "1,204 articles".
func dossierCount(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return dossierThousands(n) + " " + many
}

// dossierThousands groups the digits of n by three: 12345 → "12,345".
func dossierThousands(n int) string {
	s := fmt.Sprint(n)
	if n < 0 {
		return "-" + dossierThousands(-n)
	}
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}
