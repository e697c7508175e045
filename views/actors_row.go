package views

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"dossier/app"
)

// actorRowItem is one row of the actor list: name and kind over description and aliases,
// the number of relations, and the row's actions.
type actorRowItem struct {
	widget.BaseWidget
	text      *widget.RichText
	relations *widget.RichText
	edit      *widget.Button
	merge     *widget.Button
	del       *widget.Button
	row       app.ActorRow
}

func newActorRowItem(onEdit, onMerge, onDelete func(app.ActorRow)) *actorRowItem {
	item := &actorRowItem{text: widget.NewRichText(), relations: widget.NewRichText()}
	item.text.Truncation = fyne.TextTruncateEllipsis
	// The list sizes every row like the first one it creates: give it both lines.
	item.text.Segments = actorRowSegments("Name", app.Person, "description", nil)
	act := func(fn func(app.ActorRow)) func() {
		return func() {
			if item.row.ID != 0 {
				fn(item.row)
			}
		}
	}
	item.edit = &widget.Button{Text: "Edit", Icon: theme.DocumentCreateIcon(), Importance: widget.LowImportance, OnTapped: act(onEdit)}
	item.merge = &widget.Button{Text: "Merge into…", Icon: theme.MailForwardIcon(), Importance: widget.LowImportance, OnTapped: act(onMerge)}
	item.del = &widget.Button{Text: "Delete", Icon: theme.DeleteIcon(), Importance: widget.LowImportance, OnTapped: act(onDelete)}
	item.ExtendBaseWidget(item)
	return item
}

// CreateRenderer lays the text out on the left and the count and actions on the right.
func (item *actorRowItem) CreateRenderer() fyne.WidgetRenderer {
	// The count gets a fixed width so the actions line up from row to row.
	size := fyne.MeasureText("9999 relations", theme.TextSize(), fyne.TextStyle{}).AddWidthHeight(2*theme.InnerPadding(), 2*theme.InnerPadding())
	count := container.New(layout.NewGridWrapLayout(size), item.relations)
	right := container.NewCenter(container.NewHBox(count, item.edit, item.merge, item.del))
	return widget.NewSimpleRenderer(container.NewBorder(nil, nil, nil, right, item.text))
}

// set shows r in the row.
func (item *actorRowItem) set(r app.ActorRow) {
	item.row = r
	item.text.Segments = actorRowSegments(r.Name, r.Kind, r.Description, r.Aliases)
	item.text.Refresh()
	count := mutedText(relationsText(r.Relations), false)
	count.Style.Alignment = fyne.TextAlignTrailing
	item.relations.Segments = []widget.RichTextSegment{count}
	item.relations.Refresh()
	for _, b := range []*widget.Button{item.edit, item.merge, item.del} {
		b.Enable()
	}
}

// setLoading blanks the row while its page is on its way.
func (item *actorRowItem) setLoading() {
	item.row = app.ActorRow{}
	item.text.Segments = []widget.RichTextSegment{mutedText("…", false), mutedText(" ", false)}
	item.text.Refresh()
	item.relations.Segments = nil
	item.relations.Refresh()
	for _, b := range []*widget.Button{item.edit, item.merge, item.del} {
		b.Disable()
	}
}

// actorRowSegments writes an actor as two lines, each one segment so that it truncates
// cleanly: the name in bold, then its kind, description and the other names it goes by.
func actorRowSegments(name string, kind app.ActorKind, description string, aliases []string) []widget.RichTextSegment {
	second := kind.Label()
	if description != "" {
		second += "  —  " + description
	}
	if len(aliases) > 0 {
		second += "  ·  also: " + strings.Join(aliases, ", ")
	}
	bold := widget.RichTextStyleStrong
	bold.Inline = false
	return []widget.RichTextSegment{
		&widget.TextSegment{Text: name, Style: bold},
		mutedText(second, false),
	}
}

// mutedText is a segment in the theme's secondary text colour, which both the light and
// the dark theme keep readable (the "disabled" colour is not).
func mutedText(text string, inline bool) *widget.TextSegment {
	style := widget.RichTextStyleInline
	style.Inline = inline
	style.ColorName = theme.ColorNamePlaceHolder
	return &widget.TextSegment{Text: text, Style: style}
}

func relationsText(n int) string {
	if n == 0 {
		return "no relations"
	}
	return actorPlural(n, "relation", "relations")
}
