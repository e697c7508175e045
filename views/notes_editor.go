package views

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"dossier/app"
)

// autosaveDelay is how long after the last keystroke a note is saved: the draft is in the
// project a second after typing stops, so a crash or a killed window loses at most that.
const autosaveDelay = time.Second

// noteLinkScheme marks the links a rendered note makes of its [[links]].
const noteLinkScheme = "dossier-link"

// noteEditor writes one note: title, tags, its Markdown source or its rendered view
// (previewShortcut switches), a word count and how the autosave went. Typing [[ offers the
// project's actors, articles and notes; the rendered view's links open their records.
type noteEditor struct {
	u     *UI
	note  app.Note // as last stored; ID 0 until the first save
	after app.AfterFunc

	title, tags, source *keyEntry
	words, status       *widget.Label
	body                *fyne.Container // the source or the rendered view
	rendered            *fyne.Container
	renderedScroll      *container.Scroll
	previewing          bool
	toggle              *widget.Button

	suggestBox  *fyne.Container
	suggestions []app.LinkSuggestion
	suggestGen  int
	asked       string // the text last looked up
	inserting   bool

	links    []app.StoredLink
	linkSegs []*widget.HyperlinkSegment // the rendered view's record links, for tests

	timer   app.Timer
	saving  bool
	again   bool
	saved   [3]string // title, tags and text as last stored
	onSaved func(app.Note)
	root    fyne.CanvasObject
	// createDialog is the last "Missing link" dialog, for tests.
	createDialog dialog.Dialog
}

func newNoteEditor(u *UI, n app.Note, after app.AfterFunc) *noteEditor {
	if after == nil {
		after = app.RealAfterFunc
	}
	ed := &noteEditor{u: u, note: n, after: after}
	ed.title = u.newKeyEntry()
	ed.title.SetPlaceHolder("Title (optional)")
	ed.title.SetText(n.Title)
	ed.tags = u.newKeyEntry()
	ed.tags.SetPlaceHolder("Tags, separated by commas")
	ed.tags.SetText(strings.Join(n.Tags, ", "))
	ed.source = u.newKeyMultiLineEntry()
	ed.source.SetPlaceHolder("Write in Markdown: # headings, **bold**, *italic*, - lists, > quotes, tables.\n" +
		"Type [[ to link an actor, an article or another note: [[Nouri al-Maliki]].")
	ed.source.SetText(n.Body)
	ed.source.onKey = ed.sourceKey
	ed.saved = [3]string{n.Title, strings.Join(n.Tags, ", "), n.Body}
	ed.words = widget.NewLabel("")
	ed.words.SizeName = theme.SizeNameCaptionText
	ed.status = widget.NewLabel("")
	ed.status.SizeName = theme.SizeNameCaptionText
	ed.status.Truncation = fyne.TextTruncateEllipsis
	if n.ID != 0 {
		ed.status.SetText("Saved " + app.DateOf(n.Updated.Local()).Human())
	}
	ed.countWords()
	for _, e := range []*keyEntry{ed.title, ed.tags, ed.source} {
		e.OnChanged = func(string) { ed.changed() }
		e.onShortcut = ed.shortcut
	}
	ed.source.OnCursorChanged = ed.cursorMoved

	ed.suggestBox = container.NewVBox()
	ed.suggestBox.Hide()
	ed.rendered = dossierStack(theme.Padding())
	ed.renderedScroll = container.NewVScroll(container.NewPadded(ed.rendered))
	ed.body = container.NewStack(ed.source)
	ed.toggle = widget.NewButtonWithIcon("Rendered", theme.VisibilityIcon(), ed.togglePreview)
	del := widget.NewButtonWithIcon("", theme.DeleteIcon(), ed.confirmDelete)
	del.Importance = widget.LowImportance
	pic := widget.NewButtonWithIcon("Picture…", theme.FileImageIcon(), ed.addImage)
	meta := container.NewGridWithColumns(2, ed.title, ed.tags)
	bar := container.NewBorder(nil, nil, nil, container.NewHBox(pic, ed.toggle, del), ed.status)
	foot := container.NewBorder(nil, nil, nil, ed.words, ed.suggestBox)
	// Tab follows the order of the objects: title, tags, then the text (NewBorder would put
	// its centre first, and Tab from the tags would leave the editor).
	ed.root = container.New(layout.NewBorderLayout(meta, foot, nil, nil), meta, container.NewBorder(bar, nil, nil, nil, ed.body), foot)
	if n.ID != 0 {
		ed.loadLinks()
	}
	return ed
}

func (ed *noteEditor) content() fyne.CanvasObject { return ed.root }

// fields is the note as the editor holds it now.
func (ed *noteEditor) fields() (app.Note, [3]string) {
	n := ed.note
	n.Title = ed.title.Text
	n.Tags = nil
	for _, t := range strings.Split(ed.tags.Text, ",") {
		if t = strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(t), "#")); t != "" {
			n.Tags = append(n.Tags, t)
		}
	}
	n.Body = ed.source.Text
	return n, [3]string{ed.title.Text, ed.tags.Text, ed.source.Text}
}

// changed restarts the autosave countdown after a keystroke.
func (ed *noteEditor) changed() {
	ed.countWords()
	if ed.timer != nil {
		ed.timer.Stop()
	}
	ed.timer = ed.after(autosaveDelay, func() { fyne.Do(ed.save) })
	if !ed.inserting {
		ed.cursorMoved()
	}
}

func (ed *noteEditor) countWords() {
	ed.words.SetText(dossierCount(app.WordCount(ed.source.Text), "word", "words"))
}

// save stores the note if it changed since the last save. It runs on the UI goroutine; the
// store is written off it. A save asked while one runs follows it.
func (ed *noteEditor) save() {
	if ed.saving {
		ed.again = true
		return
	}
	n, snap := ed.fields()
	if snap == ed.saved || (n.ID == 0 && strings.TrimSpace(n.Body) == "" && strings.TrimSpace(n.Title) == "") {
		return
	}
	ed.saving = true
	ed.status.SetText("Saving…")
	st := ed.u.store
	ed.u.async(func(ctx context.Context) {
		saved, links, err := storeNote(ctx, st, n)
		fyne.Do(func() { ed.saveDone(saved, links, snap, err) })
	})
}

// flushNow saves at once, on the calling goroutine: the window is closing or the editor
// is replaced, and the text must be in the project before anything else happens.
func (ed *noteEditor) flushNow() {
	if ed.timer != nil {
		ed.timer.Stop()
	}
	n, snap := ed.fields()
	if ed.saving || snap == ed.saved || (n.ID == 0 && strings.TrimSpace(n.Body) == "" && strings.TrimSpace(n.Title) == "") {
		return
	}
	saved, links, err := storeNote(ed.u.ctx, ed.u.store, n)
	ed.saveDone(saved, links, snap, err)
}

// flush is flushNow for an editor being replaced by another.
func (ed *noteEditor) flush() { ed.flushNow() }

func storeNote(ctx context.Context, st Store, n app.Note) (app.Note, []app.StoredLink, error) {
	var err error
	if n.ID == 0 {
		n, err = st.CreateNote(ctx, n)
	} else {
		n, err = st.UpdateNote(ctx, n)
	}
	if err != nil {
		return n, nil, err
	}
	links, err := st.NoteLinks(ctx, n.ID)
	return n, links, err
}

func (ed *noteEditor) saveDone(saved app.Note, links []app.StoredLink, snap [3]string, err error) {
	ed.saving = false
	if err != nil {
		ed.status.Importance = widget.DangerImportance
		ed.status.SetText("Not saved: " + dossierProblem(err))
		ed.again = false
		return
	}
	ed.status.Importance = widget.MediumImportance
	ed.note.ID, ed.note.UUID, ed.note.Created, ed.note.Updated = saved.ID, saved.UUID, saved.Created, saved.Updated
	ed.saved, ed.links = snap, links
	ed.status.SetText("Saved at " + time.Now().Format("15:04:05") + linkSummary(links))
	if ed.previewing {
		ed.render()
	}
	if ed.onSaved != nil {
		ed.onSaved(ed.note)
	}
	if ed.again {
		ed.again = false
		ed.save()
	}
}

// linkSummary says how many links point at nothing: " · 2 links point at nothing yet".
func linkSummary(links []app.StoredLink) string {
	bad := 0
	for _, l := range links {
		if l.Status != app.LinkResolved || l.Gone {
			bad++
		}
	}
	if bad == 0 {
		return ""
	}
	return " · " + dossierCount(bad, "link points", "links point") + " at nothing yet (see Rendered)"
}

func (ed *noteEditor) loadLinks() {
	st, id := ed.u.store, ed.note.ID
	ed.u.async(func(ctx context.Context) {
		links, err := st.NoteLinks(ctx, id)
		if err != nil {
			ed.u.showError(err)
			return
		}
		fyne.Do(func() {
			ed.links = links
			if ed.previewing {
				ed.render()
			}
		})
	})
}

// togglePreview switches between the Markdown source and the rendered note. The
// note is saved first, so that its links are resolved as stored.
func (ed *noteEditor) togglePreview() {
	ed.previewing = !ed.previewing
	if !ed.previewing {
		ed.toggle.SetText("Rendered")
		ed.toggle.SetIcon(theme.VisibilityIcon())
		ed.body.Objects = []fyne.CanvasObject{ed.source}
		ed.body.Refresh()
		ed.u.win.Canvas().Focus(ed.source)
		return
	}
	ed.flushNow()
	ed.hideSuggestions()
	ed.toggle.SetText("Markdown")
	ed.toggle.SetIcon(theme.DocumentCreateIcon())
	ed.render()
	ed.body.Objects = []fyne.CanvasObject{ed.renderedScroll}
	ed.body.Refresh()
}

// render draws the note with its [[links]] as links to their records, then the notes that
// link to this one.
func (ed *noteEditor) render() {
	md, links := linkedMarkdown(ed.source.Text, ed.links)
	ed.linkSegs = nil
	wire := func(segs []widget.RichTextSegment) {
		wireNoteLinks(segs, func(h *widget.HyperlinkSegment) {
			i, err := strconv.Atoi(h.URL.Opaque)
			if err != nil || i < 0 || i >= len(links) {
				return
			}
			l := links[i]
			switch {
			case l.Gone:
				h.Text += " (deleted)"
			case l.Status == app.LinkMissing:
				h.Text += " (missing)"
			case l.Status == app.LinkAmbiguous:
				h.Text += " (ambiguous)"
			case l.Status == "":
				h.Text += " (not saved yet)"
			}
			h.OnTapped = func() { ed.follow(l) }
			ed.linkSegs = append(ed.linkSegs, h)
		})
	}
	objs := ed.renderChunks(md, wire) // pictures kept in the project: notes_images.go
	if strings.TrimSpace(ed.source.Text) == "" {
		objs = append(objs, dossierHint("Nothing written yet. Press Markdown ("+keyLabel(previewShortcut)+") to write."))
	}
	ed.rendered.Objects = objs
	ed.rendered.Refresh()
	if ed.note.ID != 0 {
		ed.loadBacklinks()
	}
}

func (ed *noteEditor) loadBacklinks() {
	st, id := ed.u.store, ed.note.ID
	ed.u.async(func(ctx context.Context) {
		b, err := st.Backlinks(ctx, app.LinkNote, id)
		if err != nil {
			ed.u.showError(err)
			return
		}
		fyne.Do(func() {
			if !ed.previewing || ed.note.ID != id {
				return
			}
			objs := append(ed.rendered.Objects, widget.NewSeparator())
			objs = append(objs, backlinkObjects(ed.u, "Linked from", b, 0)...)
			ed.rendered.Objects = objs
			ed.rendered.Refresh()
		})
	})
}

// linkedMarkdown turns each [[link]] of body into a Markdown link to noteLinkScheme:N,
// N indexing the returned links: the stored link at that place, or the link as parsed
// (status "") when the text changed since the last save.
func linkedMarkdown(body string, stored []app.StoredLink) (string, []app.StoredLink) {
	byStart := map[int]app.StoredLink{}
	for _, l := range stored {
		byStart[l.Start] = l
	}
	var b strings.Builder
	var links []app.StoredLink
	pos := 0
	for _, l := range app.ParseLinks(body) {
		sl, ok := byStart[l.Start]
		if !ok || sl.Target != l.Target || sl.End != l.End {
			sl = app.StoredLink{NoteLink: l}
		}
		b.WriteString(body[pos:l.Start])
		fmt.Fprintf(&b, "[%s](%s:%d)", markdownEscape(sl.Shown()), noteLinkScheme, len(links))
		links = append(links, sl)
		pos = l.End
	}
	b.WriteString(body[pos:])
	return b.String(), links
}

// markdownEscape keeps a link's text from closing the Markdown link it is put in. Only
// brackets can: the renderer shows the rest as written, backslashes included.
func markdownEscape(s string) string {
	return strings.NewReplacer("[", "(", "]", ")").Replace(s)
}

// wireNoteLinks calls fn on every record link of rendered Markdown, however deep.
func wireNoteLinks(segs []widget.RichTextSegment, fn func(*widget.HyperlinkSegment)) {
	for _, seg := range segs {
		switch s := seg.(type) {
		case *widget.HyperlinkSegment:
			if s.URL != nil && s.URL.Scheme == noteLinkScheme {
				fn(s)
			}
		case *widget.ParagraphSegment:
			wireNoteLinks(s.Texts, fn)
		case *markdownQuote:
			wireNoteLinks(s.Texts, fn)
		case *widget.ListSegment:
			wireNoteLinks(s.Items, fn)
		}
	}
}

// follow opens what a link points at, or says why it cannot and offers to make it.
func (ed *noteEditor) follow(l app.StoredLink) {
	switch {
	case l.Status == app.LinkResolved && !l.Gone:
		ed.u.openRecord(l.Kind, l.ID)
	case l.Status == app.LinkAmbiguous:
		ed.u.showInfo("Which one?", "“"+l.Target+"” is the name of several records. Write [[actor:"+l.Target+
			"]], [[article:"+l.Target+"]] or [[note:"+l.Target+"]] to say which.")
	case l.Gone:
		ed.u.showInfo("Deleted", "The "+l.Kind+" this link pointed at was deleted or is in the trash.")
	case l.Status == "":
		ed.u.showInfo("Not saved yet", "This link was typed after the last save; it is resolved in a second, when the note is saved.")
	default:
		ed.offerCreate(l.Target)
	}
}

// offerCreate asks whether to make the record a missing link points at: an actor of a
// chosen kind, or a note with that title.
func (ed *noteEditor) offerCreate(name string) {
	var labels []string
	for _, k := range app.ActorKinds {
		labels = append(labels, k.Label())
	}
	kind := widget.NewSelect(labels, nil)
	kind.SetSelected(app.Person.Label())
	var d dialog.Dialog
	done := func(err error, what string) {
		if err != nil {
			ed.u.showError(err)
			return
		}
		fyne.Do(func() {
			d.Hide()
			ed.u.tell("Created " + what + " “" + name + "”; the link points at it now.")
			ed.loadLinks()
		})
	}
	st := ed.u.store
	actor := widget.NewButtonWithIcon("Create actor", theme.ContentAddIcon(), func() {
		k := app.ActorKinds[max(0, kind.SelectedIndex())]
		ed.u.async(func(ctx context.Context) {
			_, err := st.CreateActor(ctx, app.Actor{Name: name, Kind: k})
			if err == nil && ed.note.ID != 0 {
				err = st.RelinkNote(ctx, ed.note.ID)
			}
			done(err, "the actor")
		})
	})
	actor.Importance = widget.HighImportance
	note := widget.NewButtonWithIcon("Create note", theme.DocumentIcon(), func() {
		ed.u.async(func(ctx context.Context) {
			_, err := st.CreateNote(ctx, app.Note{Title: name})
			if err == nil && ed.note.ID != 0 {
				err = st.RelinkNote(ctx, ed.note.ID)
			}
			done(err, "the note")
		})
	})
	msg := widget.NewLabel("“" + name + "” is not in the project yet. Make it an actor of this kind, or a note with that title:")
	msg.Wrapping = fyne.TextWrapWord
	d = dialog.NewCustom("Missing link", "Cancel", container.NewVBox(msg, kind, container.NewHBox(actor, note)), ed.u.win)
	d.Resize(dossierDialogSize(ed.u.win, 480, 240))
	ed.u.showKeyed(d, dialogKeys{cancel: d.Hide})
	ed.createDialog = d
}

// confirmDelete asks before deleting the note.
func (ed *noteEditor) confirmDelete() {
	if ed.note.ID == 0 {
		ed.source.SetText("")
		ed.title.SetText("")
		return
	}
	st, id := ed.u.store, ed.note.ID
	ed.u.confirmDelete("Delete note", "Delete “"+ed.note.Heading()+"”? This cannot be undone. Links to it will show as deleted.",
		func(ctx context.Context) error { return st.DeleteNote(ctx, id) }, func() {
			if ed.timer != nil {
				ed.timer.Stop()
			}
			ed.u.notes.closed(ed)
		})
}

// shortcut saves at once on the save shortcut, without waiting for the autosave.
func (ed *noteEditor) shortcut(s fyne.Shortcut) bool {
	if sc, ok := s.(*desktop.CustomShortcut); ok && sc.KeyName == ctrlS.KeyName && sc.Modifier == ctrlS.Modifier {
		ed.flushNow()
		return true
	}
	return false
}

// sourceKey picks the first suggestion on Enter and hides them on Esc while a [[link]] is
// being typed.
func (ed *noteEditor) sourceKey(k *fyne.KeyEvent) bool {
	if ed.suggestBox.Hidden || len(ed.suggestions) == 0 {
		return false
	}
	switch k.Name {
	case fyne.KeyReturn, fyne.KeyEnter:
		ed.pick(ed.suggestions[0])
		return true
	case fyne.KeyEscape:
		ed.hideSuggestions()
		return true
	}
	return false
}

// cursorMoved offers records when the cursor is inside a [[link]] being typed.
func (ed *noteEditor) cursorMoved() {
	if ed.inserting || ed.previewing {
		return
	}
	prefix, _, ok := linkPrefixAt(ed.source.Text, ed.source.CursorRow, ed.source.CursorColumn)
	if !ok || strings.TrimSpace(prefix) == "" {
		ed.hideSuggestions()
		return
	}
	if prefix == ed.asked { // a keystroke moves the cursor and changes the text: one look-up
		return
	}
	ed.asked = prefix
	ed.suggestGen++
	gen, st := ed.suggestGen, ed.u.store
	ed.u.async(func(ctx context.Context) {
		got, err := st.LinkSuggestions(ctx, prefix, 8)
		fyne.Do(func() {
			if gen != ed.suggestGen {
				return
			}
			if err != nil {
				ed.status.SetText("Cannot look up links: " + dossierProblem(err))
				return
			}
			ed.showSuggestions(prefix, got)
		})
	})
}

func (ed *noteEditor) showSuggestions(prefix string, got []app.LinkSuggestion) {
	ed.suggestions = got
	var objs []fyne.CanvasObject
	if len(got) == 0 {
		objs = append(objs, dossierHint("Nothing in the project goes by “"+prefix+"”: finish the name and close with ]] to link it later, or create it from the rendered view."))
	} else {
		objs = append(objs, dossierProse(dossierSmall("Link to… (Enter picks the first, Esc hides)")))
	}
	for _, sg := range got {
		sg := sg
		label := sg.Name + "  ·  " + noteKindLabel(sg.Kind)
		if sg.Detail != "" {
			label += " · " + sg.Detail
		}
		b := widget.NewButton(label, func() { ed.pick(sg) })
		b.Alignment = widget.ButtonAlignLeading
		b.Importance = widget.LowImportance
		objs = append(objs, b)
	}
	ed.suggestBox.Objects = objs
	ed.suggestBox.Show()
	ed.suggestBox.Refresh()
}

func noteKindLabel(kind string) string {
	switch kind {
	case app.LinkActor:
		return "actor"
	case app.LinkArticle:
		return "article"
	}
	return "note"
}

func (ed *noteEditor) hideSuggestions() {
	ed.suggestGen++ // an answer still on its way is dropped
	ed.asked = ""
	ed.suggestions = nil
	ed.suggestBox.Objects = nil
	ed.suggestBox.Hide()
}

// pick replaces the [[text being typed with the link to sg.
func (ed *noteEditor) pick(sg app.LinkSuggestion) {
	row, col := ed.source.CursorRow, ed.source.CursorColumn
	_, start, ok := linkPrefixAt(ed.source.Text, row, col)
	if !ok {
		return
	}
	lines := strings.Split(ed.source.Text, "\n")
	line := []rune(lines[row])
	link := app.LinkText(sg.Kind, sg.Name, sg.Ambiguous)
	rest := strings.TrimPrefix(string(line[col:]), "]]") // a closing typed already is replaced
	lines[row] = string(line[:start]) + link + rest
	ed.inserting = true
	ed.source.SetText(strings.Join(lines, "\n"))
	ed.source.CursorRow, ed.source.CursorColumn = row, start+utf8.RuneCountInString(link)
	ed.source.Refresh()
	ed.inserting = false
	ed.hideSuggestions()
	ed.u.win.Canvas().Focus(ed.source)
}

// linkPrefixAt finds the [[link]] being typed at the cursor (row, col in runes): the
// text typed after "[[" and the column of the "[[". A "]]", "|" or bracket typed since
// closes it.
func linkPrefixAt(text string, row, col int) (prefix string, start int, ok bool) {
	lines := strings.Split(text, "\n")
	if row < 0 || row >= len(lines) {
		return "", 0, false
	}
	line := []rune(lines[row])
	col = min(max(col, 0), len(line))
	before := string(line[:col])
	i := strings.LastIndex(before, "[[")
	if i < 0 {
		return "", 0, false
	}
	prefix = before[i+2:]
	if strings.ContainsAny(prefix, "[]|") || utf8.RuneCountInString(prefix) > app.MaxLinkText {
		return "", 0, false
	}
	return prefix, utf8.RuneCountInString(before[:i]), true
}

// openRecord opens what a note links to: a dossier, an article or another note.
func (u *UI) openRecord(kind string, id int64) {
	switch kind {
	case app.LinkActor:
		u.openDossier(id)
	case app.LinkArticle:
		u.openArticle(id, [2]int{})
	case app.LinkNote:
		u.openNote(id)
	}
}

// openNote shows a note in the Notes screen.
func (u *UI) openNote(id int64) { u.navigate(route{screen: "notes", id: id}) }
