package views

import (
	"context"
	"fmt"
	"image/color"
	"net/url"
	"strings"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"dossier/app"
)

// articleShownRunes caps the text laid out in the reading view: a book-length paste would
// make every resize slow. The selection mode still holds the whole text.
const articleShownRunes = 200_000

// articleData is everything the article pane shows, loaded in one go off the UI goroutine.
type articleData struct {
	article   app.Article
	mentions  []app.Mention
	notes     []app.Note
	relations []app.Relation
	backlinks app.Backlinks // the notes linking to the article (notes_backlinks.go)
}

func loadArticleData(ctx context.Context, st Store, id int64) (articleData, error) {
	var d articleData
	var err error
	if d.article, err = st.Article(ctx, id); err != nil {
		return d, err
	}
	if d.mentions, err = st.Mentions(ctx, id); err != nil {
		return d, err
	}
	if d.notes, err = st.ArticleNotes(ctx, id); err != nil {
		return d, err
	}
	if d.relations, err = st.Relations(ctx, app.RelationQuery{ArticleID: id}); err != nil {
		return d, err
	}
	d.backlinks, err = st.Backlinks(ctx, app.LinkArticle, id)
	return d, err
}

// articleView is the right pane of the articles screen: one article to read, with its
// mentions linked to dossiers, its notes and the relations it backs. It switches to a
// selection mode (articles_select.go) where a passage can be picked out of the text.
type articleView struct {
	s *articlesScreen
	u *UI

	pane        *fyne.Container // holds one of placeholder, reading, selecting
	placeholder fyne.CanvasObject
	reading     fyne.CanvasObject
	selecting   fyne.CanvasObject

	articleID int64
	span      [2]int
	gen       int
	data      articleData

	trashBanner *fyne.Container
	title       *widget.RichText
	meta        *widget.RichText
	quoteBox    *fyne.Container
	quote       *widget.RichText
	body        *articleFlow
	bodyCut     *widget.Label
	notesBox    *fyne.Container
	relsBox     *fyne.Container
	scroll      *container.Scroll
	page        *fyne.Container

	editBtn, deleteBtn, selectBtn, noteBtn *widget.Button

	sel *articleSelectPane
	// suggestions proposes the names in the article that are not yet actors (suggestions.go).
	suggestions *suggestionsPanel
}

func newArticleView(s *articlesScreen) *articleView {
	v := &articleView{s: s, u: s.u}
	hint := widget.NewLabel("Choose an article on the left to read it here.")
	hint.Alignment = fyne.TextAlignCenter
	hint.Wrapping = fyne.TextWrapWord
	v.placeholder = container.NewVBox(layout.NewSpacer(), hint, layout.NewSpacer())
	v.reading = v.buildReading()
	v.sel = newArticleSelectPane(v)
	v.selecting = v.sel.content()
	v.pane = container.NewStack(v.placeholder)
	return v
}

func (v *articleView) content() fyne.CanvasObject { return v.pane }

func (v *articleView) buildReading() fyne.CanvasObject {
	v.editBtn = widget.NewButtonWithIcon("Edit", theme.DocumentCreateIcon(), func() { v.s.editArticle(v.data.article) })
	v.deleteBtn = widget.NewButtonWithIcon("Delete", theme.DeleteIcon(), func() { v.s.confirmDelete(v.data.article) })
	v.selectBtn = widget.NewButtonWithIcon("Select text…", theme.ContentCutIcon(), v.startSelecting)
	v.noteBtn = widget.NewButtonWithIcon("Add note", theme.ContentAddIcon(), func() {
		v.s.editNote(app.Note{ArticleID: v.articleID})
	})
	toolbar := container.NewHBox(v.editBtn, v.deleteBtn, v.selectBtn, v.noteBtn)

	restore := widget.NewButtonWithIcon("Restore", theme.ContentUndoIcon(), func() { v.s.restore(v.data.article) })
	trashText := widget.NewLabel("This article is in the trash.")
	trashText.Importance = widget.WarningImportance
	v.trashBanner = container.NewBorder(nil, nil, nil, restore, trashText)

	v.title = widget.NewRichText()
	v.title.Wrapping = fyne.TextWrapWord
	v.meta = widget.NewRichText()
	v.meta.Wrapping = fyne.TextWrapWord
	v.quote = widget.NewRichText()
	v.quote.Wrapping = fyne.TextWrapWord
	quoteLabel := widget.NewLabel("Quoted passage:")
	quoteLabel.TextStyle = fyne.TextStyle{Bold: true}
	v.quoteBox = container.NewVBox(quoteLabel, container.NewThemeOverride(v.quote, articleTheme{}))
	v.body = newArticleFlow()
	v.bodyCut = articleWrapped("")
	v.bodyCut.Importance = widget.WarningImportance
	v.bodyCut.Hide()
	v.notesBox = container.NewVBox()
	v.relsBox = container.NewVBox()

	v.suggestions = newSuggestionsPanel(v)
	v.page = container.NewVBox(v.trashBanner, v.title, v.meta, v.quoteBox, widget.NewSeparator(), v.body, v.bodyCut,
		v.suggestions.content(),
		widget.NewSeparator(), articleSection("Notes"), v.notesBox,
		articleSection("Relations this article backs"), v.relsBox)
	v.scroll = container.NewVScroll(container.NewPadded(v.page))
	return container.NewBorder(container.NewVBox(toolbar, widget.NewSeparator()), nil, nil, nil, v.scroll)
}

func articleSection(text string) fyne.CanvasObject {
	return widget.NewRichText(&widget.TextSegment{Style: widget.RichTextStyleSubHeading, Text: text})
}

// show puts one of the pane's modes in place.
func (v *articleView) show(o fyne.CanvasObject) {
	v.pane.Objects = []fyne.CanvasObject{o}
	v.pane.Refresh()
}

// clear empties the pane, e.g. after the article was deleted or another project opened.
func (v *articleView) clear() {
	v.gen++ // drop a load in flight
	v.articleID, v.span, v.data = 0, [2]int{}, articleData{}
	v.show(v.placeholder)
}

// open loads and shows an article, highlighting span (a rune range of the body) when set.
func (v *articleView) open(id int64, span [2]int) {
	v.articleID, v.span = id, span
	v.load(true)
}

// refresh reloads the open article, e.g. after a note, an actor or a relation was saved.
// selectingNow reports whether the pane is in selection mode: a passage being picked.
func (v *articleView) selectingNow() bool {
	return v.selecting != nil && len(v.pane.Objects) > 0 && v.pane.Objects[0] == v.selecting
}

func (v *articleView) refresh() {
	if v.articleID != 0 {
		v.load(false)
	}
}

// load fetches the open article; reading says whether to leave the selection mode.
func (v *articleView) load(reading bool) {
	v.gen++
	gen, id, st := v.gen, v.articleID, v.u.store
	v.u.async(func(ctx context.Context) {
		d, err := loadArticleData(ctx, st, id)
		fyne.Do(func() {
			if gen != v.gen {
				return
			}
			if err != nil {
				v.clear()
				v.u.showError(err)
				return
			}
			v.render(d, reading)
		})
	})
}

func (v *articleView) render(d articleData, reading bool) {
	v.data = d
	a := d.article
	v.trashBanner.Hidden = a.Deleted.IsZero()
	for _, b := range []*widget.Button{v.editBtn, v.deleteBtn, v.selectBtn} {
		if a.Deleted.IsZero() {
			b.Enable()
		} else { // restore it first: working on the trash would be confusing
			b.Disable()
		}
	}
	v.title.Segments = []widget.RichTextSegment{&widget.TextSegment{Style: widget.RichTextStyleHeading, Text: a.Title}}
	v.title.Refresh()
	v.meta.Segments = articleMetaSegments(a)
	v.meta.Refresh()

	span, ok := articleSpan(v.span, a.Body)
	v.quoteBox.Hidden = !ok
	if ok {
		v.quote.Segments = []widget.RichTextSegment{&widget.TextSegment{
			Style: widget.RichTextStyle{Inline: false, ColorName: articleHighlightColor, SizeName: theme.SizeNameText,
				TextStyle: fyne.TextStyle{Italic: true}},
			Text: "“" + strings.TrimSpace(articleRunes(a.Body, span[0], span[1])) + "”",
		}}
		v.quote.Refresh()
	}
	body, cut := a.Body, false
	if utf8.RuneCountInString(body) > articleShownRunes {
		body, cut = string([]rune(body)[:articleShownRunes]), true
	}
	v.body.setSegments(articleBodySegments(body, d.mentions, span, v.u.openDossier))
	v.bodyCut.Hidden = !cut
	v.bodyCut.SetText(fmt.Sprintf("The text goes on: only its first %s characters are shown here. Select text… shows all of it.",
		articleGroupDigits(articleShownRunes)))
	v.notesBox.Objects = append(v.noteObjects(a, d.notes), backlinkObjects(v.u, "Linked from notes", d.backlinks, 0)...)
	v.notesBox.Refresh()
	v.relsBox.Objects = v.relationObjects(d.relations)
	v.relsBox.Refresh()
	v.sel.setText(a.Body)
	v.suggestions.load(a)
	v.page.Refresh()
	if reading || v.pane.Objects[0] == v.placeholder {
		v.show(v.reading)
		v.scrollToSpan(span, ok) // a refresh (a note added at the bottom) keeps the place
	}
}

// scrollToSpan brings the highlighted passage into view: the body knows which of its rows
// the passage starts on, and the rows are about equally tall.
func (v *articleView) scrollToSpan(span [2]int, ok bool) {
	v.scroll.ScrollToTop()
	if !ok {
		return
	}
	at := func() {
		view := v.scroll.Size().Height
		y := v.body.Position().Y + v.body.rowFraction(span[0])*v.body.MinSize().Height
		if y < view*0.7 {
			return // already in sight: keep the title in view too
		}
		page := v.scroll.Content.MinSize().Height
		v.scroll.ScrollToOffset(fyne.NewPos(0, min(y-view/3, max(0, page-view))))
	}
	at()
	fyne.Do(at) // again once the wrapped text has been laid out at its width
}

// articleSpan returns span when it is a non-empty rune range inside body.
func articleSpan(span [2]int, body string) ([2]int, bool) {
	if span[0] < 0 || span[1] <= span[0] || span[1] > utf8.RuneCountInString(body) {
		return [2]int{}, false
	}
	return span, true
}

// articleRunes returns the runes [from, to) of s.
func articleRunes(s string, from, to int) string {
	r := []rune(s)
	from, to = max(0, min(from, len(r))), max(0, min(to, len(r)))
	if to < from {
		return ""
	}
	return string(r[from:to])
}

// articleMetaSegments is the line under the title: outlet, author, date, dateline, then
// the URL as a link and the tags.
func articleMetaSegments(a app.Article) []widget.RichTextSegment {
	var segs []widget.RichTextSegment
	para := func(text string) {
		segs = append(segs, &widget.TextSegment{Style: widget.RichTextStyleParagraph, Text: text})
	}
	if line := articleJoin(" · ", a.Source, articleByAuthor(a.Author), articleDateText(a.Date), a.Dateline); line != "" {
		para(line)
	}
	if a.URL != "" {
		if u, err := url.Parse(a.URL); err == nil && u.Scheme != "" {
			segs = append(segs, &widget.HyperlinkSegment{Text: articleShortURL(a.URL), URL: u},
				&widget.TextSegment{Style: widget.RichTextStyleParagraph})
		} else {
			para(a.URL)
		}
	}
	if len(a.Tags) > 0 {
		para("Tags: " + strings.Join(a.Tags, ", "))
	}
	return segs
}

func articleByAuthor(author string) string {
	if author == "" {
		return ""
	}
	return "by " + author
}

// articleShortURL keeps a URL link from widening the pane: a link cannot wrap.
func articleShortURL(s string) string {
	const max = 60
	if utf8.RuneCountInString(s) <= max {
		return s
	}
	return string([]rune(s)[:max-1]) + "…"
}

// articleHighlight is the style of a quoted passage inside the body: bold, not underlined,
// in a colour of its own (articleTheme), because the theme's primary colour is also the
// colour of links and a highlighted quote must not look like one.
var articleHighlight = widget.RichTextStyle{Inline: true, ColorName: articleHighlightColor,
	SizeName: theme.SizeNameText, TextStyle: fyne.TextStyle{Bold: true}}

// articleHighlightColor names the colour of a highlighted quote; articleTheme defines it.
const articleHighlightColor fyne.ThemeColorName = "dossier-highlight"

// articleTheme is the app's theme plus the highlight colour: a dark amber on light
// backgrounds and a light amber on dark ones, readable and unlike the blue of links.
type articleTheme struct{}

func (articleTheme) base() fyne.Theme { return fyne.CurrentApp().Settings().Theme() }

func (t articleTheme) Color(n fyne.ThemeColorName, v fyne.ThemeVariant) color.Color {
	if n == articleHighlightColor {
		if v == theme.VariantDark {
			return color.NRGBA{R: 0xff, G: 0xc4, B: 0x6b, A: 0xff}
		}
		return color.NRGBA{R: 0x8a, G: 0x4b, B: 0x00, A: 0xff}
	}
	return t.base().Color(n, v)
}

func (t articleTheme) Font(s fyne.TextStyle) fyne.Resource     { return t.base().Font(s) }
func (t articleTheme) Icon(n fyne.ThemeIconName) fyne.Resource { return t.base().Icon(n) }
func (t articleTheme) Size(n fyne.ThemeSizeName) float32       { return t.base().Size(n) }

// articleBodySegments turns an article body into rich-text segments: plain runs of text, each
// mention (except rejected ones) as a link that calls open with its actor, and the span,
// when it is not {0,0}, in the highlight style. Offsets are runes, as the store keeps them.
// Mentions that overlap an earlier one or leave the text are skipped.
func articleBodySegments(body string, mentions []app.Mention, span [2]int, open func(actorID int64)) []widget.RichTextSegment {
	runes := []rune(body)
	n := len(runes)
	var segs []widget.RichTextSegment
	text := func(from, to int, hl bool) {
		if from >= to {
			return
		}
		style := widget.RichTextStyleInline
		if hl {
			style = articleHighlight
		}
		segs = append(segs, &widget.TextSegment{Style: style, Text: string(runes[from:to])})
	}
	// plain writes [from, to), switching style at the span's edges.
	plain := func(from, to int) {
		if span[1] <= span[0] {
			text(from, to, false)
			return
		}
		a, b := max(from, min(span[0], to)), max(from, min(span[1], to))
		text(from, a, false)
		text(a, b, true)
		text(b, to, false)
	}
	pos := 0
	for _, m := range mentions {
		if m.Status == app.MentionRejected || m.Start < pos || m.End <= m.Start || m.End > n {
			continue
		}
		plain(pos, m.Start)
		actor := m.ActorID
		segs = append(segs, &widget.HyperlinkSegment{Text: string(runes[m.Start:m.End]), OnTapped: func() { open(actor) }})
		pos = m.End
	}
	plain(pos, n)
	// End the last line, so whatever follows the body starts on a row of its own.
	return append(segs, &widget.TextSegment{Style: widget.RichTextStyleParagraph})
}

// noteObjects shows the article's own notes field and its attached notes, each with Edit and Delete.
func (v *articleView) noteObjects(a app.Article, notes []app.Note) []fyne.CanvasObject {
	var out []fyne.CanvasObject
	if a.Notes != "" {
		out = append(out, articleWrapped(a.Notes))
	}
	for _, n := range notes {
		n := n
		text := dossierMarkdown(n.Body)
		edit := widget.NewButtonWithIcon("", theme.DocumentCreateIcon(), func() { v.s.editNote(n) })
		del := widget.NewButtonWithIcon("", theme.DeleteIcon(), func() { v.s.confirmDeleteNote(n) })
		edit.Importance, del.Importance = widget.LowImportance, widget.LowImportance
		when := widget.NewLabel(app.DateOf(n.Updated).Human())
		when.SizeName = theme.SizeNameCaptionText
		out = append(out, container.NewBorder(nil, nil, nil, container.NewHBox(when, edit, del), text))
	}
	if len(out) == 0 {
		out = append(out, articleWrapped("No notes yet. Use Add note above to write one."))
	}
	return out
}

// relationObjects shows each relation the article backs as a sentence whose actor names
// open their dossiers: "Donald Trump threatens Iraq — 27 Jan 2026".
func (v *articleView) relationObjects(rels []app.Relation) []fyne.CanvasObject {
	if len(rels) == 0 {
		return []fyne.CanvasObject{articleWrapped("No relations cite this article yet. Use Select text… and New relation from quote to record one.")}
	}
	out := make([]fyne.CanvasObject, 0, len(rels))
	for _, r := range rels {
		r := r
		rt := newArticleFlow(articleRelationSentence(r, v.u.openDossier)...)
		edit := widget.NewButtonWithIcon("", theme.DocumentCreateIcon(), func() {
			v.u.editRelation(r, func(app.Relation) { v.refresh() })
		})
		edit.Importance = widget.LowImportance
		out = append(out, container.NewBorder(nil, nil, nil, edit, rt))
	}
	return out
}

// articleRelationSentence writes a relation as a sentence with linked actor names.
func articleRelationSentence(r app.Relation, open func(int64)) []widget.RichTextSegment {
	plain := func(t string) widget.RichTextSegment {
		return &widget.TextSegment{Style: widget.RichTextStyleInline, Text: t}
	}
	verb := r.TypeLabel
	if verb == "" {
		verb = strings.ReplaceAll(r.Type, "_", " ")
	}
	segs := []widget.RichTextSegment{
		&widget.HyperlinkSegment{Text: r.SourceName, OnTapped: func() { open(r.SourceID) }},
		plain(" " + verb + " "),
		&widget.HyperlinkSegment{Text: r.TargetName, OnTapped: func() { open(r.TargetID) }},
	}
	var tail []string
	if when := app.Range(r.Start, r.End); when != "" {
		tail = append(tail, when)
	}
	if r.Modality != "" && r.Modality != app.Asserted {
		tail = append(tail, r.Modality)
	}
	if r.Confidence == app.Alleged {
		tail = append(tail, r.Confidence)
	}
	if len(tail) > 0 {
		segs = append(segs, plain(" — "+strings.Join(tail, " · ")))
	}
	return append(segs, &widget.TextSegment{Style: widget.RichTextStyleParagraph})
}

func articleWrapped(text string) *widget.Label {
	l := widget.NewLabel(text)
	l.Wrapping = fyne.TextWrapWord
	return l
}

// articleTitle quotes an article's title for a message.
func articleTitle(a app.Article) string { return fmt.Sprintf("“%s”", a.Title) }
