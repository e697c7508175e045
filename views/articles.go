package views

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"dossier/app"
)

// articlePageSize is how many list rows are fetched at a time as the user scrolls.
const articlePageSize = 200

// Sort choices of the article list, in the order the Select shows them.
var articleSorts = []struct {
	label string
	sort  app.ArticleSort
}{
	{"Newest first", app.NewestFirst},
	{"Oldest first", app.OldestFirst},
	{"Title", app.ByTitle},
}

// articlesScreen lists the filed articles on the left and shows, edits and files them on
// the right. Its fields are touched on the UI goroutine only; store calls run in u.async
// and come back through fyne.Do.
type articlesScreen struct {
	u    *UI
	root *container.Split

	// The list pane.
	header    *widget.Label
	filter    *widget.Entry
	sorter    *widget.Select
	list      *widget.List
	emptyText *widget.Label
	empty     *fyne.Container // shown instead of the list when it has no rows
	clearBtn  *widget.Button
	undoText  *widget.Label
	undoBtn   *widget.Button
	undoBar   *fyne.Container
	listPane  *fyne.Container

	// The list's state. gen grows with every new query; results of an older query are
	// dropped when they arrive, so a slow search never overwrites a newer one.
	query    app.ArticleQuery
	total    int           // articles the query selects
	layout   articleLayout // where the undated group and its header rows go
	pages    map[int][]app.ArticleRow
	loading  map[int]bool
	gen      int
	pageSize int
	loaded   bool
	store    Store // the project the list and the view were loaded from

	// The article pane (articles_view.go, articles_select.go).
	view *articleView

	// editor is the open article editor and trash the open trash dialog, if any
	// (articles_editor.go, articles_trash.go).
	editor *articleEditor
	trash  *articleTrashDialog

	// Seams: tests replace them so no real file dialog or relation editor opens.
	openFile    func(onPath func(string))
	newRelation func(app.Relation)
}

func newArticlesScreen(u *UI) *articlesScreen {
	s := &articlesScreen{u: u, pageSize: articlePageSize, pages: map[int][]app.ArticleRow{}, loading: map[int]bool{}}
	s.openFile = s.chooseFile
	s.newRelation = func(r app.Relation) {
		u.editRelation(r, func(app.Relation) { s.view.refresh() })
	}
	s.view = newArticleView(s)
	s.root = container.NewHSplit(s.buildListPane(), s.view.content())
	s.root.Offset = 0.4
	return s
}

// content returns the screen's root object.
func (s *articlesScreen) content() fyne.CanvasObject { return s.root }

func (s *articlesScreen) buildListPane() fyne.CanvasObject {
	s.header = widget.NewLabel("Articles")
	s.header.TextStyle = fyne.TextStyle{Bold: true}
	s.header.SizeName = theme.SizeNameSubHeadingText

	s.filter = widget.NewEntry()
	s.filter.SetPlaceHolder("Filter articles…")
	s.filter.OnChanged = func(text string) {
		s.query.Text = text
		s.reload()
	}

	labels := make([]string, len(articleSorts))
	for i, o := range articleSorts {
		labels[i] = o.label
	}
	s.sorter = widget.NewSelect(labels, nil)
	s.sorter.Selected = labels[0]
	s.sorter.OnChanged = func(label string) {
		for _, o := range articleSorts {
			if o.label == label {
				s.query.Sort = o.sort
			}
		}
		s.reload()
	}

	s.list = widget.NewList(func() int { return s.layout.length() }, newArticleRowObject, s.updateRow)
	s.list.OnSelected = s.onSelected

	s.emptyText = widget.NewLabel("")
	s.emptyText.Wrapping = fyne.TextWrapWord
	s.emptyText.Alignment = fyne.TextAlignCenter
	newBtn := widget.NewButtonWithIcon("New article", theme.ContentAddIcon(), s.newArticle)
	importBtn := widget.NewButtonWithIcon("Import files…", theme.FolderOpenIcon(), s.importFiles)
	s.clearBtn = widget.NewButton("Clear the filter", func() { s.filter.SetText("") })
	s.empty = container.NewVBox(layout.NewSpacer(), s.emptyText,
		container.NewCenter(container.NewHBox(newBtn, importBtn, s.clearBtn)), layout.NewSpacer())
	s.empty.Hide()

	s.undoText = widget.NewLabel("")
	s.undoText.Truncation = fyne.TextTruncateEllipsis // a wrapped label here would be cut off at first layout
	s.undoBtn = widget.NewButtonWithIcon("Undo", theme.ContentUndoIcon(), nil)
	closeUndo := widget.NewButtonWithIcon("", theme.CancelIcon(), s.hideUndo)
	closeUndo.Importance = widget.LowImportance
	s.undoBar = container.NewVBox(widget.NewSeparator(),
		container.NewBorder(nil, nil, nil, container.NewHBox(s.undoBtn, closeUndo), s.undoText))
	s.undoBar.Hide()

	top := container.NewVBox(s.header, container.NewBorder(nil, nil, nil, s.sorter, s.filter))
	s.listPane = container.NewBorder(top, s.undoBar, nil, nil, container.NewStack(s.list, s.empty))
	return s.listPane
}

// newArticleRowObject makes one list row: the title in bold, then the date, outlet,
// author and tags on a smaller second line.
func newArticleRowObject() fyne.CanvasObject {
	title := &widget.TextSegment{Style: widget.RichTextStyle{TextStyle: fyne.TextStyle{Bold: true},
		ColorName: theme.ColorNameForeground, SizeName: theme.SizeNameText}}
	meta := &widget.TextSegment{Style: widget.RichTextStyle{ColorName: theme.ColorNameForeground,
		SizeName: theme.SizeNameCaptionText}}
	rt := widget.NewRichText(title, meta)
	rt.Truncation = fyne.TextTruncateEllipsis
	return rt
}

func (s *articlesScreen) updateRow(id widget.ListItemID, o fyne.CanvasObject) {
	rt := o.(*widget.RichText)
	title, meta := rt.Segments[0].(*widget.TextSegment), rt.Segments[1].(*widget.TextSegment)
	title.Style.ColorName, meta.Style.ColorName = theme.ColorNameForeground, theme.ColorNameForeground
	offset, header := s.layout.at(id)
	switch {
	case header != "":
		title.Text, meta.Text = header, s.layout.headerHint(header)
		// Headers are not links: the undated one in the warning colour (their date is
		// missing), the dated one muted.
		title.Style.ColorName, meta.Style.ColorName = theme.ColorNamePlaceHolder, theme.ColorNamePlaceHolder
		if header == s.layout.undatedHeader() {
			title.Style.ColorName = theme.ColorNameWarning
		}
	default:
		if row, ok := s.rowAt(offset); ok {
			title.Text, meta.Text = row.Title, articleRowMeta(row)
		} else {
			title.Text, meta.Text = "…", ""
			s.fetchPage(offset / s.pageSize)
		}
	}
	rt.Refresh()
}

// articleRowMeta is a list row's second line: "27 Jan 2026 · Reuters · Jane Doe · iraq, oil".
// An article without a date says so rather than leaving the place empty.
func articleRowMeta(r app.ArticleRow) string {
	return articleJoin(" · ", articleDateText(r.Date), r.Source, r.Author, strings.Join(r.Tags, ", "))
}

// articleDateText is a date as the article list and view show it: "undated" when unknown.
func articleDateText(d app.Date) string {
	if d == "" {
		return "undated"
	}
	return d.Human()
}

// articleJoin joins the parts that are not blank.
func articleJoin(sep string, parts ...string) string {
	var out []string
	for _, p := range parts {
		if strings.TrimSpace(p) != "" {
			out = append(out, p)
		}
	}
	return strings.Join(out, sep)
}

// row returns the article on list row i if its page is loaded; a group header is no article.
func (s *articlesScreen) row(i int) (app.ArticleRow, bool) {
	offset, header := s.layout.at(i)
	if header != "" {
		return app.ArticleRow{}, false
	}
	return s.rowAt(offset)
}

// rowAt returns the article at offset in the store's order if its page is loaded.
func (s *articlesScreen) rowAt(offset int) (app.ArticleRow, bool) {
	page, ok := s.pages[offset/s.pageSize]
	if !ok || offset < 0 || offset%s.pageSize >= len(page) {
		return app.ArticleRow{}, false
	}
	return page[offset%s.pageSize], true
}

// reload refetches the list (after an import, a project switch, an edit elsewhere).
func (s *articlesScreen) reload() {
	if s.store != s.u.store { // another project was opened: what the pane shows is gone
		s.store = s.u.store
		s.view.clear()
		s.hideUndo()
	}
	s.loaded = true
	s.gen++
	gen, q, st := s.gen, s.query, s.u.store
	q.Limit = s.pageSize
	s.u.async(func(ctx context.Context) {
		n, err := st.CountArticles(ctx, q)
		layout := articleLayout{dated: n, sort: q.Sort}
		if err == nil && n > 0 && q.Sort != app.ByTitle {
			undated := q
			undated.Undated = true
			layout.undated, err = st.CountArticles(ctx, undated)
			layout.dated = n - layout.undated
		}
		var rows []app.ArticleRow
		if err == nil && n > 0 {
			rows, err = st.Articles(ctx, q)
		}
		fyne.Do(func() {
			if gen != s.gen {
				return
			}
			if err != nil {
				s.u.showError(err)
				return
			}
			s.total = n
			s.layout = layout
			s.pages = map[int][]app.ArticleRow{0: rows}
			s.loading = map[int]bool{}
			s.showCount()
			s.list.Refresh()
			s.syncSelection()
		})
	})
}

// fetchPage loads page p of the current query as the list scrolls to it.
func (s *articlesScreen) fetchPage(p int) {
	if s.loading[p] {
		return
	}
	s.loading[p] = true
	gen, q, st := s.gen, s.query, s.u.store
	q.Offset, q.Limit = p*s.pageSize, s.pageSize
	s.u.async(func(ctx context.Context) {
		rows, err := st.Articles(ctx, q)
		fyne.Do(func() {
			if gen != s.gen {
				return
			}
			delete(s.loading, p)
			if err != nil {
				s.u.showError(err)
				return
			}
			s.pages[p] = rows
			keepNear(s.pages, p)
			s.list.Refresh()
		})
	})
}

// showCount updates the header and the empty state.
func (s *articlesScreen) showCount() {
	filtered := strings.TrimSpace(s.query.Text) != ""
	switch {
	case filtered && s.total == 1:
		s.header.SetText("1 matching article")
	case filtered:
		s.header.SetText(articleGroupDigits(s.total) + " matching articles")
	case s.total == 1:
		s.header.SetText("1 article")
	default:
		s.header.SetText(articleGroupDigits(s.total) + " articles")
	}
	if s.total > 0 {
		s.empty.Hide()
		s.list.Show()
		return
	}
	s.list.Hide()
	if filtered {
		s.emptyText.SetText(fmt.Sprintf("No articles match “%s”.", strings.TrimSpace(s.query.Text)))
		s.clearBtn.Show()
	} else {
		s.emptyText.SetText("No articles yet. Press " + shortcutKey(fyne.KeyN) + " to file one, or File ▸ Import files…")
		s.clearBtn.Hide()
	}
	s.empty.Show()
}

// articleGroupDigits writes n with thousands separators: 1234 → "1,234".
func articleGroupDigits(n int) string {
	digits := strconv.Itoa(n)
	neg := strings.HasPrefix(digits, "-")
	digits = strings.TrimPrefix(digits, "-")
	var b strings.Builder
	for i, d := range digits {
		if i > 0 && (len(digits)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(d)
	}
	if neg {
		return "-" + b.String()
	}
	return b.String()
}

func (s *articlesScreen) onSelected(id widget.ListItemID) {
	if _, header := s.layout.at(id); header != "" {
		s.syncSelection() // a group header is not something to open
		return
	}
	row, ok := s.row(id)
	if !ok || row.ID == s.view.articleID {
		return
	}
	s.u.openArticle(row.ID, [2]int{})
}

// syncSelection highlights the open article's row when it is among the loaded rows.
func (s *articlesScreen) syncSelection() {
	id := s.view.articleID
	for p, rows := range s.pages {
		for i, r := range rows {
			if id != 0 && r.ID == id {
				s.list.Select(s.layout.rowOf(p*s.pageSize + i))
				return
			}
		}
	}
	s.list.UnselectAll()
}

// openArticle shows one article; span, when not {0,0}, is a rune range of the body to highlight and scroll to.
func (s *articlesScreen) openArticle(id int64, span [2]int) {
	if !s.loaded || s.store != s.u.store {
		s.reload()
	}
	s.view.open(id, span)
	s.syncSelection()
}

// chooseFile is the real openFile: a file-open dialog for the formats ingest reads.
func (s *articlesScreen) chooseFile(onPath func(string)) {
	s.u.chooseFile("", []string{".txt", ".text", ".md", ".markdown", ".html", ".htm", ".xhtml", ".xml", ".rss", ".atom", ".eml"}, onPath)
}
