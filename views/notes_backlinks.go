package views

import (
	"context"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"dossier/app"
)

// inNotesSection is the dossier's "In your notes": the notes that link to the actor, each
// with the sentence around the link, then the notes that name it without a link, each
// with "Link it".
func (s *dossierScreen) inNotesSection(d app.Dossier) fyne.CanvasObject {
	b := d.Backlinks
	objs := backlinkObjects(s.u, "In your notes", b, d.Actor.ID)
	if b.LinkedTotal == 0 && b.UnlinkedTotal == 0 {
		objs = append(objs, dossierHint("No note links to "+d.Actor.Name+" yet. Write [["+d.Actor.Name+
			"]] in a note (Notes, "+keyLabel(notesShortcut)+") and it is listed here."))
	}
	return dossierSection(objs...)
}

// backlinkObjects lists the notes of b under a heading: linked ones, then (when actorID
// is set) the unlinked mentions with a button that links them to that actor.
func backlinkObjects(u *UI, heading string, b app.Backlinks, actorID int64) []fyne.CanvasObject {
	objs := []fyne.CanvasObject{dossierHeading(heading, b.LinkedTotal)}
	if len(b.Linked) < b.LinkedTotal {
		objs = append(objs, dossierHint("showing the "+dossierThousands(len(b.Linked))+" notes edited last of "+dossierThousands(b.LinkedTotal)))
	}
	if b.LinkedTotal == 0 && actorID == 0 {
		objs = append(objs, dossierHint("No note links here yet."))
	}
	for _, l := range b.Linked {
		objs = append(objs, backlinkRow(u, l, nil))
	}
	if actorID == 0 || b.UnlinkedTotal == 0 {
		return objs
	}
	count := dossierThousands(b.UnlinkedTotal)
	if b.UnlinkedMore {
		count = "at least " + count
	}
	objs = append(objs, widget.NewSeparator(), dossierProse(dossierStrong("Unlinked mentions"), dossierSmall("  "+count+
		" · notes that name it without a link")))
	if len(b.Unlinked) < b.UnlinkedTotal {
		objs = append(objs, dossierHint("showing "+dossierThousands(len(b.Unlinked))+" of "+count))
	}
	for _, l := range b.Unlinked {
		l := l
		objs = append(objs, backlinkRow(u, l, func() { linkMention(u, l, actorID) }))
	}
	return objs
}

// backlinkRow is one note: its heading as a link that opens it, when it was edited, and
// the sentence with the link (or the name) picked out; linkIt adds a "Link it" button.
func backlinkRow(u *UI, l app.NoteBacklink, linkIt func()) fyne.CanvasObject {
	open := func() { u.openNote(l.NoteID) }
	title := widget.NewHyperlink(l.Heading, nil)
	title.Wrapping = fyne.TextWrapWord
	title.TextStyle = fyne.TextStyle{Bold: true}
	title.OnTapped = open
	segs := []widget.RichTextSegment{dossierSmall(app.DateOf(l.Updated.Local()).Human())}
	if l.Sentence != "" {
		segs = append(segs, dossierNewline())
		segs = append(segs, dossierHighlight(l.Sentence, l.Start, l.End)...)
	}
	row := dossierStack(-theme.InnerPadding(), title, newDossierTappable(open, segs...))
	if linkIt == nil {
		return row
	}
	b := widget.NewButtonWithIcon("Link it", theme.ContentAddIcon(), linkIt)
	b.Importance = widget.LowImportance
	return container.NewBorder(nil, nil, nil, container.NewVBox(b), row)
}

// linkMention turns one unlinked mention into a link, then shows the dossier again.
func linkMention(u *UI, l app.NoteBacklink, actorID int64) {
	st := u.store
	u.async(func(ctx context.Context) {
		if err := st.LinkMention(ctx, l.NoteID, l.At, l.AtEnd, actorID); err != nil {
			u.showError(err)
			return
		}
		fyne.Do(func() {
			u.tell("Linked “" + l.Text + "” in “" + l.Heading + "”.")
			u.dossier.reload()
		})
	})
}
