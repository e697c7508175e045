package graph

import (
	"sort"
	"time"

	"dossier/app"
)

// Unit is the width of a timeline's mention bars.
type Unit int

// Units.
const (
	Week Unit = iota
	Month
)

func (u Unit) String() string {
	if u == Week {
		return "week"
	}
	return "month"
}

// Mark is one relation on a timeline, drawn over the whole span its date covers: "2026"
// over the year, "2026-01" over the month.
type Mark struct {
	Edge
	Span      Span
	Precision int    // app.Year, app.Month or app.Day: the start's precision
	Text      string // "rejects United States", from the actor's side
}

// Bar counts the articles naming the actor in one week or month.
type Bar struct {
	Span
	Count int
}

// Timeline is an actor's (or the project's) relations and mentions over time. Nothing
// undated or too coarse for the bars is placed by guess: it is counted or listed apart.
type Timeline struct {
	Marks   []Mark // oldest first
	Undated []Mark // relations with no date, listed apart (Span zero)
	Bars    []Bar  // oldest first, empty weeks or months included
	Unit    Unit
	// ArticlesUndated counts articles with no date; ArticlesCoarse those dated only to
	// the year (or, for weekly bars, to the month), which no bar can hold.
	ArticlesUndated, ArticlesCoarse int
	Start, End                      time.Time // extent of everything placed; zero when nothing is
}

// BuildTimeline places the relations of center (every link when center is 0) that pass f,
// and bins the mentioning articles (counted by their date) by week or month. unit < 0
// picks weeks for up to a year and a half, months beyond.
func BuildTimeline(center int64, links []Link, actors map[int64]Actor, types map[string]app.RelationType,
	f Filter, articles map[app.Date]int, unit Unit) Timeline {
	var tl Timeline
	for _, l := range links {
		self, other := l.From, l.To
		if center != 0 && l.To == center {
			self, other = l.To, l.From
		}
		if f.Check(l, types[l.Type], actors[self], actors[other]) != In {
			continue
		}
		e := edges([]Link{l}, types)[0]
		m := Mark{Edge: e, Text: wording(center, l, types, actors)}
		sp, ok := SpanOfRange(l.Start, l.End)
		if !ok {
			tl.Undated = append(tl.Undated, m)
			continue
		}
		m.Span, m.Precision = sp, l.Start.Precision()
		tl.Marks = append(tl.Marks, m)
		tl.extend(sp)
	}
	sort.SliceStable(tl.Marks, func(i, j int) bool { return tl.Marks[i].Span.Start.Before(tl.Marks[j].Span.Start) })
	counts := map[app.Date]int{}
	for d, n := range articles {
		if f.CheckDate(d) == Out {
			continue
		}
		counts[d] += n
		if sp, ok := SpanOf(d); ok && d.Precision() >= app.Month {
			tl.extend(sp)
		}
	}
	if unit < 0 {
		unit = Month
		if !tl.Start.IsZero() && tl.End.Sub(tl.Start) <= 548*24*time.Hour {
			unit = Week
		}
	}
	tl.Unit = unit
	tl.Bars, tl.ArticlesUndated, tl.ArticlesCoarse = bin(counts, unit, tl.Start, tl.End)
	return tl
}

func (tl *Timeline) extend(sp Span) {
	if tl.Start.IsZero() || sp.Start.Before(tl.Start) {
		tl.Start = sp.Start
	}
	if sp.End.After(tl.End) {
		tl.End = sp.End
	}
}

// wording is the relation seen from center: "rejects United States", "is supported by
// Iran"; for a project timeline, both names: "Iran supports Hamas".
func wording(center int64, l Link, types map[string]app.RelationType, actors map[int64]Actor) string {
	t := types[l.Type]
	label := t.Label
	if label == "" {
		label = l.Type
	}
	switch {
	case center == 0:
		return actorOr(actors, l.From).Name + " " + label + " " + actorOr(actors, l.To).Name
	case l.From == center || !t.Directed:
		other := l.To
		if other == center {
			other = l.From
		}
		return label + " " + actorOr(actors, other).Name
	}
	return t.Inverse + " " + actorOr(actors, l.From).Name
}

// bin counts articles per week (Monday first) or calendar month between start and end.
// A date coarser than the unit is counted apart, never put in the first bin of its span.
func bin(counts map[app.Date]int, unit Unit, start, end time.Time) (bars []Bar, undated, coarse int) {
	need := app.Month
	if unit == Week {
		need = app.Day
	}
	by := map[time.Time]int{}
	for d, n := range counts {
		if d == "" {
			undated += n
			continue
		}
		sp, ok := SpanOf(d)
		t := sp.Start
		if !ok {
			undated += n
			continue
		}
		if d.Precision() < need {
			coarse += n
			continue
		}
		by[binStart(t, unit)] += n
	}
	if start.IsZero() || len(by) == 0 {
		return nil, undated, coarse
	}
	for t := binStart(start, unit); t.Before(end); t = next(t, unit) {
		bars = append(bars, Bar{Span: Span{t, next(t, unit)}, Count: by[t]})
	}
	return bars, undated, coarse
}

func binStart(t time.Time, unit Unit) time.Time {
	t = time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
	if unit == Month {
		return time.Date(t.Year(), t.Month(), 1, 0, 0, 0, 0, time.UTC)
	}
	wd := (int(t.Weekday()) + 6) % 7 // Monday 0
	return t.AddDate(0, 0, -wd)
}

func next(t time.Time, unit Unit) time.Time {
	if unit == Month {
		return t.AddDate(0, 1, 0)
	}
	return t.AddDate(0, 0, 7)
}

// Max returns the largest bar count, 0 when there is none.
func (tl Timeline) Max() int {
	m := 0
	for _, b := range tl.Bars {
		m = max(m, b.Count)
	}
	return m
}
