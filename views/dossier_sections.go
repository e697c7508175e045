package views

import (
	"context"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"dossier/app"
)

// dossierRelationRow is one relation on screen, kept so tests can reach its controls.
type dossierRelationRow struct {
	rel         app.DossierRelation
	counterpart *widget.HyperlinkSegment
	sources     []*dossierTappable
	edit, del   *widget.Button
}

// header is the top of the briefing: who the actor is, and what can be done with it.
func (s *dossierScreen) header(d app.Dossier) fyne.CanvasObject {
	a := d.Actor
	name := dossierProse(&widget.TextSegment{Text: a.Name, Style: widget.RichTextStyle{
		SizeName: theme.SizeNameHeadingText, TextStyle: fyne.TextStyle{Bold: true}}})
	lines := []fyne.CanvasObject{container.NewThemeOverride(name, dossierTitleTheme{})}

	// One text with a line each keeps the lines close, as in a letterhead.
	info := []widget.RichTextSegment{dossierItalic(a.Kind.Label())}
	if a.Description != "" {
		info = append(info, dossierPlain(" — "+a.Description))
	}
	if len(a.Aliases) > 0 {
		info = append(info, dossierNewline(), dossierMuted("also: "), dossierPlain(strings.Join(a.Aliases, ", ")))
	}
	if len(a.Tags) > 0 {
		info = append(info, dossierNewline(), dossierMuted("tags: "), dossierPlain(strings.Join(a.Tags, " · ")))
	}
	info = append(info, dossierNewline(), dossierMuted(s.summary(d)))
	lines = append(lines, dossierProse(info...))

	reload := func(app.Actor) { s.reload() }
	edit := widget.NewButtonWithIcon("Edit actor", theme.DocumentCreateIcon(), func() { s.u.actors.editActor(a, reload) })
	rel := widget.NewButtonWithIcon("New relation", theme.ContentAddIcon(), func() {
		s.u.editRelation(app.Relation{SourceID: a.ID, SourceName: a.Name}, func(app.Relation) { s.reload() })
	})
	note := widget.NewButtonWithIcon("Add note", theme.DocumentIcon(), func() { s.editNote(app.Note{ActorID: a.ID}) })
	exp := widget.NewButtonWithIcon("Export CSV  ("+shortcutKey(fyne.KeyE)+")", theme.DownloadIcon(), s.exportCSV)
	bar := container.NewHBox(edit, rel, note, exp)
	if open := s.u.teamHistory; open != nil && open() != nil {
		bar.Add(widget.NewButtonWithIcon("History…", theme.HistoryIcon(), func() { open()(d) }))
	}
	lines = append(lines, bar)
	return container.NewVBox(lines...)
}

// summary is the one line that says how much the project knows about the actor.
func (s *dossierScreen) summary(d app.Dossier) string {
	parts := []string{dossierCount(dossierRelationTotal(d), "relation", "relations")}
	switch d.MentionTotal {
	case 0:
		parts = append(parts, "named in no article yet")
	default:
		parts = append(parts, "named in "+dossierCount(d.MentionTotal, "article", "articles"))
	}
	if n := len(d.Notes); n > 0 {
		parts = append(parts, dossierCount(n, "note", "notes"))
	}
	return strings.Join(parts, " · ")
}

// relationsSection lists the relations in plain sentences, grouped by what was done.
func (s *dossierScreen) relationsSection(d app.Dossier) fyne.CanvasObject {
	return s.growing(func(more func()) []fyne.CanvasObject { return s.relationsContent(d, more) },
		func() { s.relLimit += dossierRelationsPage })
}

func (s *dossierScreen) relationsContent(d app.Dossier, more func()) []fyne.CanvasObject {
	s.relRows = nil
	total := dossierRelationTotal(d)
	box := []fyne.CanvasObject{dossierHeading("Relations", total)}
	if len(d.Relations) == 0 {
		return append(box, dossierHint("No relations yet — select a quote in an article and choose New relation from quote, or press New relation."))
	}
	if len(d.Relations) < total {
		box = append(box, dossierHint("showing the newest "+dossierThousands(len(d.Relations))+" of "+
			dossierThousands(total)+" (export CSV to see all)"))
	}
	groups := dossierGroups(d.Relations)
	sizes := make([]int, len(groups))
	for i, g := range groups {
		sizes[i] = len(g)
	}
	limit := dossierGroupCap(sizes, min(s.relLimit, dossierMaxRelations))
	hidden := 0
	for _, g := range groups {
		// Each row is a whole sentence ("threatens Iraq — 27 Jan 2026"), so a group needs
		// no heading repeating its verb: the relations of one kind sit together, apart from
		// the next kind.
		var rows []fyne.CanvasObject
		for i, r := range g {
			if i == limit {
				rows = append(rows, dossierIndent(dossierHint("and "+dossierCount(len(g)-limit, "more", "more")+
					" “"+r.Verb+"”"), 4))
				hidden += len(g) - limit
				break
			}
			rows = append(rows, dossierIndent(s.relationRow(r), 2))
		}
		box = append(box, container.New(layout.NewCustomPaddedLayout(theme.Padding()*2, 0, 0, 0),
			dossierStack(theme.Padding(), rows...)))
	}
	switch {
	case hidden > 0 && s.relLimit < dossierMaxRelations:
		box = append(box, dossierMoreButton("Show more relations ("+dossierThousands(hidden)+" not shown)", more))
	case hidden > 0:
		box = append(box, dossierHint("and "+dossierCount(hidden, "more relation", "more relations")+
			" not shown here (export CSV to see all)"))
	}
	return box
}

// dossierRelationTotal is how many relations the actor has, of which the dossier holds
// the newest.
func dossierRelationTotal(d app.Dossier) int { return max(d.RelationTotal, len(d.Relations)) }

// dossierGroups splits relations, already ordered by verb, into runs of the same verb.
func dossierGroups(rels []app.DossierRelation) [][]app.DossierRelation {
	var out [][]app.DossierRelation
	for i := 0; i < len(rels); {
		j := i + 1
		for j < len(rels) && rels[j].Verb == rels[i].Verb {
			j++
		}
		out = append(out, rels[i:j])
		i = j
	}
	return out
}

// dossierGroupCap returns how many rows each group may show so that all groups together
// show at most limit rows, every group keeping at least one: the newest of each verb stay
// visible rather than the first verbs in the alphabet crowding out the rest.
func dossierGroupCap(sizes []int, limit int) int {
	largest, total := 0, 0
	for _, n := range sizes {
		largest = max(largest, n)
		total += n
	}
	if total <= limit {
		return largest
	}
	shown := func(c int) int {
		t := 0
		for _, n := range sizes {
			t += min(n, c)
		}
		return t
	}
	c := 1
	for c < largest && shown(c+1) <= limit {
		c++
	}
	return c
}

// relationRow renders one relation as a sentence, its sources and quotes under it.
func (s *dossierScreen) relationRow(r app.DossierRelation) fyne.CanvasObject {
	row := &dossierRelationRow{rel: r}
	s.relRows = append(s.relRows, row)
	row.counterpart = &widget.HyperlinkSegment{Text: r.CounterpartName, OnTapped: func() { s.u.openDossier(r.CounterpartID) }}
	segs := []widget.RichTextSegment{dossierPlain(r.Verb + " "), row.counterpart}
	// The modality wording ("(conditional)") comes from the domain, so the dossier and
	// the timeline say it the same way.
	if suffix := strings.TrimPrefix(r.Sentence(), r.Verb+" "+r.CounterpartName); suffix != "" {
		segs = append(segs, dossierPlain(suffix))
	}
	// The event's date, and the day it was reported where that differs: never one for the other.
	if when := r.When(); when != "" {
		segs = append(segs, dossierPlain(" — "+when))
	}
	var facts []string
	if r.Confidence != "" && r.Confidence != app.Reported {
		facts = append(facts, r.Confidence)
	}
	if r.SpeakerName != "" {
		facts = append(facts, "according to "+r.SpeakerName)
	}
	if by := s.authors.text(r.UUID); by != "" {
		facts = append(facts, by)
	}
	if len(facts) > 0 {
		segs = append(segs, dossierMuted(" · "+strings.Join(facts, " · ")))
	}

	row.edit = widget.NewButtonWithIcon("", theme.DocumentCreateIcon(), func() {
		s.u.editRelation(r.Relation, func(app.Relation) { s.reload() })
	})
	row.edit.Importance = widget.LowImportance
	row.del = widget.NewButtonWithIcon("", theme.DeleteIcon(), func() { s.confirmDeleteRelation(r) })
	row.del.Importance = widget.LowImportance

	lines := []fyne.CanvasObject{container.NewBorder(nil, nil, nil, container.NewHBox(row.edit, row.del), dossierProse(segs...))}
	for i, e := range r.Evidence {
		if i == dossierMaxSources {
			lines = append(lines, dossierHint("and "+dossierCount(len(r.Evidence)-i, "more source", "more sources")+" — Edit shows them all"))
			break
		}
		lines = append(lines, s.evidenceLines(row, e)...)
	}
	if len(r.Evidence) == 0 {
		lines = append(lines, dossierHint("No source recorded — Edit to add the article that reports it."))
	}
	if r.Note != "" {
		lines = append(lines, dossierProse(dossierMuted("Note: "), dossierPlain(r.Note)))
	}
	return container.NewBorder(nil, nil, dossierPolarityMark(r.Polarity), nil, dossierStack(dossierLineGap(), lines...))
}

// dossierQuoteLength is where a long quote is cut on screen; the article has the rest.
const dossierQuoteLength = 600

// evidenceLines are "Reported by <outlet>, “<title>”" and the quote, both opening the
// article at the passage.
func (s *dossierScreen) evidenceLines(row *dossierRelationRow, e app.Evidence) []fyne.CanvasObject {
	span := dossierSpan(e.Start, e.End)
	open := func() { s.u.openArticle(e.ArticleID, span) }
	by := "Reported in "
	if e.Source != "" {
		by = "Reported by " + e.Source + ", "
	}
	segs := []widget.RichTextSegment{dossierMuted(by), dossierLinkText("“" + e.ArticleTitle + "”")}
	if e.ArticleDate != "" {
		segs = append(segs, dossierMuted(", "+e.ArticleDate.Human()))
	}
	src := newDossierTappable(open, segs...)
	row.sources = append(row.sources, src)
	lines := []fyne.CanvasObject{src}
	if e.Quote != "" {
		q := newDossierTappable(open, dossierItalic("“"+dossierClip(e.Quote, dossierQuoteLength)+"”"))
		lines = append(lines, dossierIndent(container.NewBorder(nil, nil, widget.NewSeparator(), nil, q), 3))
	}
	return lines
}

// confirmDeleteRelation asks before deleting a relation, naming it and what goes with it.
func (s *dossierScreen) confirmDeleteRelation(r app.DossierRelation) {
	msg := "Delete “" + s.d.Actor.Name + " " + r.Sentence() + "”"
	if n := len(r.Evidence); n > 0 {
		msg += " and its " + dossierCount(n, "source", "sources")
	}
	msg += "? The articles stay; this cannot be undone."
	st := s.u.store
	s.u.confirmDelete("Delete relation", msg,
		func(ctx context.Context) error { return st.DeleteRelation(ctx, r.ID) }, s.reload)
}

// timelineSection lists the dated relations and articles, oldest first.
func (s *dossierScreen) timelineSection(d app.Dossier) fyne.CanvasObject {
	return s.growing(func(more func()) []fyne.CanvasObject { return s.timelineContent(d, more) },
		func() { s.timelineLimit += dossierTimelinePage })
}

// timelineContent shows the latest events; earlier ones come on demand, up to a cap.
func (s *dossierScreen) timelineContent(d app.Dossier, more func()) []fyne.CanvasObject {
	box := []fyne.CanvasObject{dossierHeading("Timeline", len(d.Timeline))}
	entries := d.Timeline
	if len(entries) == 0 {
		return append(box, dossierHint("Nothing dated yet — relations with a date and dated articles appear here, oldest first."))
	}
	if shown := min(s.timelineLimit, dossierMaxTimeline); len(entries) > shown {
		earlier := len(entries) - shown
		if s.timelineLimit < dossierMaxTimeline {
			box = append(box, dossierMoreButton("Show earlier events ("+dossierThousands(earlier)+" not shown)", more))
		} else {
			box = append(box, dossierHint("Showing the latest "+dossierThousands(shown)+" of "+
				dossierThousands(len(entries))+" events (export CSV to see all)."))
		}
		entries = entries[earlier:]
	}
	rels := make(map[int64]app.DossierRelation, len(d.Relations))
	for _, r := range d.Relations {
		rels[r.ID] = r
	}
	spans := make(map[int64][2]int, len(d.Mentions))
	for _, m := range d.Mentions {
		spans[m.ArticleID] = dossierMentionSpan(m)
	}
	rows := make([]fyne.CanvasObject, 0, len(entries))
	for _, e := range entries {
		rows = append(rows, s.timelineRow(e, rels, spans))
	}
	// One event a line, close together, so that the dates read as a column.
	return append(box, dossierStack(dossierLineGap(), rows...))
}

// timelineRow is one event: its date in a column, then what happened. A relation opens
// the passage that reports it (its editor when it has no source); an article opens at the
// actor's first mention.
func (s *dossierScreen) timelineRow(e app.TimelineEntry, rels map[int64]app.DossierRelation, spans map[int64][2]int) fyne.CanvasObject {
	date := dossierProse(dossierMuted(e.Date.Human()))
	var mark fyne.CanvasObject
	var open func()
	if e.Kind == "relation" {
		r := rels[e.RelationID]
		mark = dossierPolarityMark(r.Polarity)
		open = func() { s.u.editRelation(r.Relation, func(app.Relation) { s.reload() }) }
		if len(r.Evidence) > 0 {
			ev := r.Evidence[0]
			open = func() { s.u.openArticle(ev.ArticleID, dossierSpan(ev.Start, ev.End)) }
		}
	} else {
		mark = dossierArticleMark()
		open = func() { s.u.openArticle(e.ArticleID, spans[e.ArticleID]) }
	}
	text := newDossierTappable(open, dossierPlain(e.Text))
	return newDossierDateRow(date, container.NewBorder(nil, nil, mark, nil, text))
}

// dossierMentionSpan is the rune range of the mention in its article's body.
func dossierMentionSpan(m app.DossierMention) [2]int {
	return dossierSpan(m.BodyStart, m.BodyStart+(m.End-m.Start))
}

// mentionsSection lists the articles that name the actor, newest first, each with the
// sentence that names it.
func (s *dossierScreen) mentionsSection(d app.Dossier) fyne.CanvasObject {
	return s.growing(func(more func()) []fyne.CanvasObject { return s.mentionsContent(d, more) },
		func() { s.mentionLimit += dossierMentionsPage })
}

func (s *dossierScreen) mentionsContent(d app.Dossier, more func()) []fyne.CanvasObject {
	name := d.Actor.Name
	box := []fyne.CanvasObject{dossierHeading("Articles mentioning "+name, d.MentionTotal)}
	if d.MentionTotal == 0 {
		return append(box, dossierHint("No filed article names "+name+" yet. If articles spell the name differently, "+
			"add the spelling as an alias (Edit actor)."))
	}
	if len(d.Mentions) < d.MentionTotal {
		box = append(box, dossierHint("showing the newest "+dossierThousands(len(d.Mentions))+" of "+
			dossierThousands(d.MentionTotal)+" (export CSV to see all)"))
	}
	for i, m := range d.Mentions {
		if i == s.mentionLimit {
			box = append(box, dossierMoreButton("Show more articles ("+dossierThousands(len(d.Mentions)-i)+" not shown)", more))
			break
		}
		box = append(box, s.mentionRow(m))
	}
	return box
}

// mentionRow is one article: its title as a link, outlet and date, and the sentence with
// the actor's name picked out.
func (s *dossierScreen) mentionRow(m app.DossierMention) fyne.CanvasObject {
	span := dossierMentionSpan(m)
	open := func() { s.u.openArticle(m.ArticleID, span) }
	title := widget.NewHyperlink(m.Title, nil)
	title.Wrapping = fyne.TextWrapWord
	title.TextStyle = fyne.TextStyle{Bold: true}
	title.OnTapped = open

	var meta []string
	if m.Source != "" {
		meta = append(meta, m.Source)
	}
	if m.Date != "" {
		meta = append(meta, m.Date.Human())
	}
	if m.MentionCount > 1 {
		meta = append(meta, "named "+dossierThousands(m.MentionCount)+" times")
	}
	var segs []widget.RichTextSegment
	if len(meta) > 0 {
		segs = append(segs, dossierSmall(strings.Join(meta, " · ")))
	}
	if m.Sentence != "" {
		if len(segs) > 0 {
			segs = append(segs, dossierNewline())
		}
		segs = append(segs, dossierHighlight(m.Sentence, m.Start, m.End)...)
	}
	if len(segs) == 0 {
		return title
	}
	return dossierStack(-theme.InnerPadding(), title, newDossierTappable(open, segs...))
}

// dossierHighlight splits sentence into segments with the runes start..end (the actor's
// name) in bold primary colour. Offsets out of range highlight nothing.
func dossierHighlight(sentence string, start, end int) []widget.RichTextSegment {
	// Going through runes also replaces bytes that are not UTF-8, highlighted or not.
	r := []rune(sentence)
	if start < 0 || end > len(r) || end <= start {
		return []widget.RichTextSegment{dossierPlain(string(r))}
	}
	var segs []widget.RichTextSegment
	if start > 0 {
		segs = append(segs, dossierPlain(string(r[:start])))
	}
	segs = append(segs, &widget.TextSegment{Text: string(r[start:end]), Style: widget.RichTextStyle{Inline: true,
		ColorName: theme.ColorNamePrimary, TextStyle: fyne.TextStyle{Bold: true}}})
	if end < len(r) {
		segs = append(segs, dossierPlain(string(r[end:])))
	}
	return segs
}

// associatesSection lists the actors most linked with this one.
func (s *dossierScreen) associatesSection(d app.Dossier) fyne.CanvasObject {
	box := []fyne.CanvasObject{dossierHeading("Most linked with", -1)}
	if len(d.Associates) == 0 {
		box = append(box, dossierHint("No one yet — relations and articles that name "+d.Actor.Name+
			" together with others will show who it is most linked with."))
		return dossierSection(box...)
	}
	var rows []fyne.CanvasObject
	for _, a := range d.Associates {
		id := a.ActorID
		var facts []string
		if a.Relations > 0 {
			facts = append(facts, dossierCount(a.Relations, "relation", "relations"))
		}
		if a.CoMentions > 0 {
			facts = append(facts, dossierCount(a.CoMentions, "shared article", "shared articles"))
		}
		rows = append(rows, dossierProse(
			&widget.HyperlinkSegment{Text: a.Name, OnTapped: func() { s.u.openDossier(id) }},
			dossierMuted("  "+a.Kind.Label()+" · "+strings.Join(facts, " · ")),
		))
	}
	// One line each, close together: a list to scan rather than paragraphs.
	return dossierSection(append(box, dossierStack(dossierLineGap(), rows...))...)
}
