package views

import (
	"context"
	"fmt"
	"image"
	"image/color"
	"image/draw"
	"math"
	"strconv"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"golang.org/x/image/font"
	"golang.org/x/image/math/fixed"

	"dossier/app"
	"dossier/app/graph"
)

// timelineView draws a timeline as one raster: the relations as bars over the span their
// date covers (a year-dated one over the whole year), stacked in lanes, coloured by
// polarity and paler when not asserted; under them the articles naming the actor per
// week or month; a time axis. The wheel zooms (days to decades), dragging pans, a tap on
// a mark calls onMark.
type timelineView struct {
	widget.BaseWidget
	tl     graph.Timeline
	t0, t1 time.Time // the window shown
	raster *canvas.Raster
	tipBg  *canvas.Rectangle
	tip    *canvas.Text
	size   fyne.Size
	lanes  []int // lane of each mark
	nLanes int
	hover  int
	onMark func(graph.Mark)
}

func newTimelineView() *timelineView {
	v := &timelineView{hover: -1}
	v.raster = canvas.NewRaster(v.render)
	v.tipBg = canvas.NewRectangle(theme.Color(theme.ColorNameOverlayBackground))
	v.tipBg.StrokeColor = theme.Color(theme.ColorNameShadow)
	v.tipBg.StrokeWidth = 1
	v.tip = canvas.NewText("", theme.Color(theme.ColorNameForeground))
	v.tipBg.Hide()
	v.tip.Hide()
	v.ExtendBaseWidget(v)
	return v
}

// setTimeline shows tl over its whole extent.
func (v *timelineView) setTimeline(tl graph.Timeline) {
	v.tl = tl
	v.lanes = nil
	v.hover = -1
	v.t0, v.t1 = tl.Start, tl.End
	if !v.t0.IsZero() {
		pad := v.t1.Sub(v.t0) / 30
		v.t0, v.t1 = v.t0.Add(-pad), v.t1.Add(pad)
	}
	v.raster.Refresh()
}

// timelineLabelled is how many marks a timeline can show with their wording written.
const timelineLabelled = 60

// assignLanes stacks the marks: each goes in the first lane free where it starts, its
// written wording counted in when the marks are few enough to be labelled. It works in
// screen units, so it is redone when the view changes.
func (v *timelineView) assignLanes() {
	v.lanes = make([]int, len(v.tl.Marks))
	var ends []float64
	face := graphFace(11)
	for i, m := range v.tl.Marks {
		x0, x1 := v.x(m.Span.Start), v.x(m.Span.End)
		x1 = math.Max(x1, x0+4)
		if face != nil && len(v.tl.Marks) <= timelineLabelled {
			// The wording goes right of the mark, or left when the right has no room.
			lw := 8 + float64(font.MeasureString(face, m.Text).Ceil())
			if x1+lw > float64(v.size.Width)-timelineMargin {
				x0 -= lw
			} else {
				x1 += lw
			}
		}
		lane := -1
		for l, e := range ends {
			if x0 >= e+2 {
				lane = l
				break
			}
		}
		if lane < 0 {
			lane = len(ends)
			ends = append(ends, 0)
		}
		ends[lane] = x1
		v.lanes[i] = lane
	}
	v.nLanes = len(ends)
}

func (v *timelineView) x(t time.Time) float64 {
	w := float64(v.size.Width) - 2*timelineMargin
	span := v.t1.Sub(v.t0).Seconds()
	if span <= 0 {
		return timelineMargin
	}
	return timelineMargin + w*t.Sub(v.t0).Seconds()/span
}

func (v *timelineView) timeAt(x float64) time.Time {
	w := float64(v.size.Width) - 2*timelineMargin
	f := (x - timelineMargin) / w
	return v.t0.Add(time.Duration(f * float64(v.t1.Sub(v.t0))))
}

const (
	timelineMargin = 16.0
	timelineAxis   = 26.0 // height of the axis band at the bottom
)

// geometry returns the marks' band and the bars' band (top, height).
func (v *timelineView) geometry() (markTop, markH, barTop, barH, laneH float64) {
	h := float64(v.size.Height) - timelineAxis
	markTop, markH = 8, h*0.6-8
	barTop, barH = h*0.6+6, h*0.4-10
	laneH = 20
	if v.nLanes > 0 && float64(v.nLanes)*laneH > markH {
		laneH = markH / float64(v.nLanes)
	}
	return
}

func (v *timelineView) markRect(i int) (x0, y0, x1, y1 float64) {
	if len(v.lanes) != len(v.tl.Marks) {
		v.assignLanes()
	}
	markTop, _, _, _, laneH := v.geometry()
	m := v.tl.Marks[i]
	x0, x1 = v.x(m.Span.Start), v.x(m.Span.End)
	if x1-x0 < 4 {
		c := (x0 + x1) / 2
		x0, x1 = c-2, c+2
	}
	y0 = markTop + float64(v.lanes[i])*laneH
	y1 = y0 + math.Max(laneH-2, 1.5)
	return
}

func (v *timelineView) hitMark(x, y float64) int {
	for i := len(v.tl.Marks) - 1; i >= 0; i-- {
		x0, y0, x1, y1 := v.markRect(i)
		if x >= x0-2 && x <= x1+2 && y >= y0-1 && y <= y1+1 {
			return i
		}
	}
	return -1
}

func (v *timelineView) render(w, h int) image.Image {
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	cols := currentDrawColors()
	draw.Draw(img, img.Bounds(), image.NewUniform(cols.bg), image.Point{}, draw.Src)
	if v.size.Width <= 0 || v.t0.IsZero() {
		return img
	}
	scale := float64(w) / float64(v.size.Width)
	v.assignLanes()
	_, _, barTop, barH, _ := v.geometry()
	// Bars first, behind the axis.
	maxN := v.tl.Max()
	v.drawBars(img, scale, barTop, barH, maxN)
	v.drawMarks(img, scale, cols)
	v.drawAxis(img, scale, cols)
	face := graphFace(10.5 * scale)
	if face != nil && maxN > 0 {
		drawLabel(img, face, fmt.Sprintf("articles per %s (most: %d)", v.tl.Unit, maxN),
			pt{timelineMargin + 90, barTop - 4}, scale, cols.faint, cols.bg, true)
	}
	return img
}

// drawBars draws the articles per week or month in view, the tallest barH high.
func (v *timelineView) drawBars(img *image.RGBA, scale, barTop, barH float64, maxN int) {
	barCol := toNRGBA(theme.Color(theme.ColorNamePrimary))
	barCol.A = 0xb0
	for _, b := range v.tl.Bars {
		if b.Count == 0 || b.End.Before(v.t0) || b.Start.After(v.t1) {
			continue
		}
		x0, x1 := v.x(b.Start), v.x(b.End)
		hgt := barH * float64(b.Count) / float64(maxN)
		fillRect(img, x0+0.5, barTop+barH-hgt, math.Max(x1-x0-1, 1), hgt, scale, barCol)
	}
}

// drawMarks draws the relations in view over their span, coloured by polarity, faint
// when not asserted, the hovered outlined; each is worded when there are few.
func (v *timelineView) drawMarks(img *image.RGBA, scale float64, cols drawColors) {
	lf := graphFace(11 * scale)
	for i, m := range v.tl.Marks {
		if m.Span.End.Before(v.t0) || m.Span.Start.After(v.t1) {
			continue
		}
		x0, y0, x1, y1 := v.markRect(i)
		c := polarityColor(m.Polarity)
		if m.Dashed {
			c.A = 0x70
		}
		if i == v.hover {
			fillRect(img, x0-1.5, y0-1.5, x1-x0+3, y1-y0+3, scale, cols.text)
		}
		fillRect(img, x0, y0, x1-x0, y1-y0, scale, c)
		if lf != nil && len(v.tl.Marks) <= timelineLabelled && y1-y0 >= 10 {
			v.drawMarkText(img, lf, m.Text, x0, x1, (y0+y1)/2, scale, cols)
		}
	}
}

// drawMarkText words a mark after its end, or before its start when there is no room.
func (v *timelineView) drawMarkText(img *image.RGBA, lf font.Face, text string, x0, x1, y, scale float64, cols drawColors) {
	lw := float64(font.MeasureString(lf, text).Ceil()) / scale
	if x1+6+lw > float64(v.size.Width)-timelineMargin/2 {
		drawTextAt(img, lf, text, x0-6-lw, y, scale, cols.text)
		return
	}
	drawTextAt(img, lf, text, x1+6, y, scale, cols.text)
}

// drawTextAt writes text starting at x, centred vertically on y (widget units).
func drawTextAt(img *image.RGBA, face font.Face, text string, x, y, scale float64, fg color.NRGBA) {
	m := face.Metrics()
	d := font.Drawer{Dst: img, Src: image.NewUniform(fg), Face: face,
		Dot: fixed.Point26_6{X: fixed.I(int(x * scale)), Y: fixed.I(int(y*scale)) + (m.Ascent-m.Descent)/2}}
	d.DrawString(text)
}

func fillRect(img *image.RGBA, x, y, w, h, scale float64, c color.NRGBA) {
	fillPolygon(img, []pt{{x, y}, {x + w, y}, {x + w, y + h}, {x, y + h}}, scale, c)
}

// drawAxis draws the time axis with ticks at whole decades, years, months or days,
// whichever gives a readable number of them.
func (v *timelineView) drawAxis(img *image.RGBA, scale float64, cols drawColors) {
	y := float64(v.size.Height) - timelineAxis
	fillRect(img, timelineMargin, y, float64(v.size.Width)-2*timelineMargin, 1, scale, cols.faint)
	face := graphFace(10.5 * scale)
	days := v.t1.Sub(v.t0).Hours() / 24
	step, format := tickStep(days, float64(v.size.Width))
	t := truncateTo(v.t0, step)
	for n := 0; !t.After(v.t1) && n < 400; n++ {
		if !t.Before(v.t0) {
			x := v.x(t)
			fillRect(img, x, y, 1, 5, scale, cols.faint)
			if face != nil {
				drawLabel(img, face, format(t), pt{x, y + 14}, scale, cols.text, cols.bg, false)
			}
		}
		t = step.next(t)
	}
}

type tick struct {
	years, months, days int
}

func (s tick) next(t time.Time) time.Time { return t.AddDate(s.years, s.months, s.days) }

func tickStep(days, width float64) (tick, func(time.Time) string) {
	perTick := days / math.Max(width/80, 1) // about one tick every 80 units
	year := func(t time.Time) string { return strconv.Itoa(t.Year()) }
	switch {
	case perTick > 3650:
		return tick{years: 50}, year
	case perTick > 730:
		return tick{years: 10}, year
	case perTick > 300:
		return tick{years: 2}, year
	case perTick > 100:
		return tick{years: 1}, year
	case perTick > 25:
		return tick{months: 3}, func(t time.Time) string { return app.DateOf(t)[:7].Human() }
	case perTick > 6:
		return tick{months: 1}, func(t time.Time) string { return app.DateOf(t)[:7].Human() }
	case perTick > 2:
		return tick{days: 7}, func(t time.Time) string { return app.DateOf(t).Human() }
	}
	return tick{days: 1}, func(t time.Time) string { return app.DateOf(t).Human() }
}

func truncateTo(t time.Time, s tick) time.Time {
	switch {
	case s.years > 0:
		y := t.Year() - t.Year()%s.years
		return time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC)
	case s.months > 0:
		m := int(t.Month()) - (int(t.Month())-1)%s.months
		return time.Date(t.Year(), time.Month(m), 1, 0, 0, 0, 0, time.UTC)
	}
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
}

// CreateRenderer shows the raster and the hover tip.
func (v *timelineView) CreateRenderer() fyne.WidgetRenderer { return &timelineRenderer{v} }

type timelineRenderer struct{ v *timelineView }

func (r *timelineRenderer) Layout(s fyne.Size) {
	r.v.size = s
	r.v.assignLanes()
	r.v.raster.Resize(s)
}
func (r *timelineRenderer) MinSize() fyne.Size { return fyne.NewSize(300, 220) }
func (r *timelineRenderer) Refresh()           { r.v.raster.Refresh() }
func (r *timelineRenderer) Objects() []fyne.CanvasObject {
	return []fyne.CanvasObject{r.v.raster, r.v.tipBg, r.v.tip}
}
func (r *timelineRenderer) Destroy() {}

// Tapped opens the mark under the pointer.
func (v *timelineView) Tapped(ev *fyne.PointEvent) {
	if i := v.hitMark(float64(ev.Position.X), float64(ev.Position.Y)); i >= 0 && v.onMark != nil {
		v.onMark(v.tl.Marks[i])
	}
}

// MouseIn starts hovering.
func (v *timelineView) MouseIn(ev *desktop.MouseEvent) { v.MouseMoved(ev) }

// MouseMoved says what the mark or the bar under the pointer is.
func (v *timelineView) MouseMoved(ev *desktop.MouseEvent) {
	x, y := float64(ev.Position.X), float64(ev.Position.Y)
	i := v.hitMark(x, y)
	text := ""
	if i >= 0 {
		m := v.tl.Marks[i]
		text = m.Text + " · " + app.Range(m.Start, m.End) + precisionNote(m.Precision) + " · " + m.Confidence
		if m.Dashed {
			text += " · " + m.Modality
		}
	} else if _, _, barTop, _, _ := v.geometry(); y >= barTop && y < float64(v.size.Height)-timelineAxis {
		t := v.timeAt(x)
		for _, b := range v.tl.Bars {
			if !t.Before(b.Start) && t.Before(b.End) {
				label := app.DateOf(b.Start)[:7].Human()
				if v.tl.Unit == graph.Week {
					label = "week of " + app.DateOf(b.Start).Human()
				}
				text = fmt.Sprintf("%s: %s", label, dossierCount(b.Count, "article", "articles"))
			}
		}
	}
	if i != v.hover {
		v.hover = i
		v.raster.Refresh()
	}
	if text == "" {
		v.tip.Hide()
		v.tipBg.Hide()
		return
	}
	v.tip.Text = text
	ts := v.tip.MinSize()
	px := min(ev.Position.X+12, max(0, v.size.Width-ts.Width-12))
	v.tipBg.Move(fyne.NewPos(px-6, ev.Position.Y+14))
	v.tipBg.Resize(fyne.NewSize(ts.Width+12, ts.Height+8))
	v.tip.Move(fyne.NewPos(px, ev.Position.Y+18))
	v.tip.Resize(ts)
	v.tipBg.Show()
	v.tip.Show()
	canvas.Refresh(v.tip)
	canvas.Refresh(v.tipBg)
}

func precisionNote(p int) string {
	switch p {
	case app.Year:
		return " (dated to the year)"
	case app.Month:
		return " (dated to the month)"
	}
	return ""
}

// MouseOut hides the tip.
func (v *timelineView) MouseOut() {
	v.hover = -1
	v.tip.Hide()
	v.tipBg.Hide()
	v.raster.Refresh()
}

// Scrolled zooms around the pointer, from a few days to a century.
func (v *timelineView) Scrolled(ev *fyne.ScrollEvent) {
	v.zoom(math.Exp(-float64(ev.Scrolled.DY)/300), float64(ev.Position.X))
}

func (v *timelineView) zoom(f, x float64) {
	if v.t0.IsZero() {
		return
	}
	at := v.timeAt(x)
	span := time.Duration(float64(v.t1.Sub(v.t0)) / f)
	span = max(min(span, 100*365*24*time.Hour), 3*24*time.Hour)
	frac := (x - timelineMargin) / (float64(v.size.Width) - 2*timelineMargin)
	v.t0 = at.Add(-time.Duration(frac * float64(span)))
	v.t1 = v.t0.Add(span)
	v.raster.Refresh()
}

// Dragged pans.
func (v *timelineView) Dragged(ev *fyne.DragEvent) {
	if v.t0.IsZero() {
		return
	}
	d := time.Duration(-float64(ev.Dragged.DX) / (float64(v.size.Width) - 2*timelineMargin) * float64(v.t1.Sub(v.t0)))
	v.t0, v.t1 = v.t0.Add(d), v.t1.Add(d)
	v.raster.Refresh()
}

// DragEnd does nothing more.
func (v *timelineView) DragEnd() {}

// markAt is the middle of mark i on screen (tests tap there).
func (v *timelineView) markAt(i int) fyne.Position {
	x0, y0, x1, y1 := v.markRect(i)
	return fyne.NewPos(float32((x0+x1)/2), float32((y0+y1)/2))
}

// dossierTimelineTab is the actor's timeline in the dossier.
type dossierTimelineTab struct {
	q       *dossierQuestions
	view    *timelineView
	unit    *widget.RadioGroup
	notes   *widget.Label
	undated *fyne.Container
	stale   bool
	gen     int
	box     fyne.CanvasObject
}

func newDossierTimelineTab(q *dossierQuestions) *dossierTimelineTab {
	t := &dossierTimelineTab{q: q, stale: true}
	t.view = newTimelineView()
	t.view.onMark = func(m graph.Mark) { showRelationEvidence(q.s.u, m.Edge, q.current().AsOf) }
	t.unit = widget.NewRadioGroup([]string{"Auto", "Weeks", "Months"}, func(string) {
		if q.s.shown != 0 {
			t.load(q.s.shown)
		}
	})
	t.unit.Horizontal = true
	t.unit.SetSelected("Auto")
	t.notes = widget.NewLabel("")
	t.notes.Wrapping = fyne.TextWrapWord
	t.undated = container.NewVBox()
	in := widget.NewButtonWithIcon("", theme.ZoomInIcon(), func() { t.view.zoom(1.5, float64(t.view.size.Width)/2) })
	out := widget.NewButtonWithIcon("", theme.ZoomOutIcon(), func() { t.view.zoom(1/1.5, float64(t.view.size.Width)/2) })
	all := widget.NewButtonWithIcon("", theme.ZoomFitIcon(), func() { t.view.setTimeline(t.view.tl) })
	bar := container.NewHBox(widget.NewLabel("Bars per"), t.unit, layout.NewSpacer(), out, in, all)
	below := container.NewVScroll(container.NewVBox(t.notes, t.undated))
	below.SetMinSize(fyne.NewSize(100, 120))
	t.box = container.NewBorder(bar, below, nil, nil, t.view)
	return t
}

func (t *dossierTimelineTab) content() fyne.CanvasObject { return t.box }

func (t *dossierTimelineTab) unitChoice() graph.Unit {
	switch t.unit.Selected {
	case "Weeks":
		return graph.Week
	case "Months":
		return graph.Month
	}
	return -1
}

func (t *dossierTimelineTab) load(actorID int64) {
	qs, ok := t.q.s.u.questions()
	if !ok {
		return
	}
	t.stale = false
	t.gen++
	gen, f, unit := t.gen, t.q.current(), t.unitChoice()
	t.notes.SetText("Reading the timeline…")
	t.q.s.u.async(func(ctx context.Context) {
		tl, err := qs.ActorTimeline(ctx, actorID, f, unit)
		fyne.Do(func() {
			if gen != t.gen {
				return
			}
			if err != nil {
				t.notes.SetText(app.ErrorMessage(err))
				return
			}
			t.show(tl)
		})
	})
}

// show draws tl and lists what it could not place.
func (t *dossierTimelineTab) show(tl graph.Timeline) {
	t.view.setTimeline(tl)
	t.notes.SetText(timelineNotes(tl))
	t.undated.Objects = nil
	for i, m := range tl.Undated {
		if i == 50 {
			t.undated.Add(dossierHint(fmt.Sprintf("and %d more undated relations (in the briefing and the CSV export)", len(tl.Undated)-50)))
			break
		}
		m := m
		b := widget.NewButton(m.Text+" — undated, "+m.Confidence, func() { showRelationEvidence(t.q.s.u, m.Edge, t.q.current().AsOf) })
		b.Alignment = widget.ButtonAlignLeading
		b.Importance = widget.LowImportance
		t.undated.Add(b)
	}
	t.undated.Refresh()
}

// timelineNotes says what the picture holds and what it leaves out, and why.
func timelineNotes(tl graph.Timeline) string {
	s := fmt.Sprintf("%s on the time axis, each over the span its date covers (a relation dated only “2026” spans the year). ",
		dossierCount(len(tl.Marks), "relation", "relations"))
	if len(tl.Undated) > 0 {
		s += fmt.Sprintf("%s not placed: listed below. ", dossierCount(len(tl.Undated), "undated relation is", "undated relations are"))
	}
	if tl.ArticlesUndated > 0 {
		s += fmt.Sprintf("%s not in the bars. ", dossierCount(tl.ArticlesUndated, "undated article is", "undated articles are"))
	}
	if tl.ArticlesCoarse > 0 {
		s += fmt.Sprintf("%s dated too roughly for %sly bars. ", dossierCount(tl.ArticlesCoarse, "article is", "articles are"), tl.Unit)
	}
	return s + "Wheel: zoom; drag: move; click a mark for its evidence."
}

// showRelationEvidence opens a relation's evidence in a dialog.
func showRelationEvidence(u *UI, e graph.Edge, asOf app.Date) {
	u.async(func(ctx context.Context) {
		r, err := u.store.Relation(ctx, e.ID)
		if err != nil {
			u.showError(err)
			return
		}
		fyne.Do(func() {
			var d dialog.Dialog
			box := container.NewVBox(evidenceCard(u, e, r, asOf, func() { d.Hide() })...)
			scroll := container.NewVScroll(box)
			scroll.SetMinSize(fyne.NewSize(560, 320))
			d = dialog.NewCustom("Relation and its evidence", "Close", scroll, u.win)
			u.showKeyed(d, dialogKeys{cancel: d.Hide, confirm: d.Hide}) // Esc or Enter closes it
		})
	})
}
