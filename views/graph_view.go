package views

import (
	"fmt"
	"image"
	"math"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"dossier/app"
	"dossier/app/graph"
)

// graphView shows a laid out graph as one raster: hover says what a node or an edge is,
// a tap on a node or an edge calls onNode or onEdge, dragging a node moves (and pins) it,
// dragging the background pans, the wheel zooms around the pointer.
type graphView struct {
	widget.BaseWidget
	pic    *graphPicture
	raster *canvas.Raster
	tipBg  *canvas.Rectangle
	tip    *canvas.Text
	onNode func(graph.Node)
	onEdge func(graph.Edge)
	// onMoved is told when a node was dragged to a new place (the network remembers it).
	onMoved func(graph.Node)
	fitted  bool
	// moved is set once the researcher pans or zooms: until then a new size fits the
	// picture to it again (the window settles its size after the first draw).
	moved bool
	size  fyne.Size
	drag  int // node being dragged, -1 none, -2 panning
	// lastFrame is the time the last frame took to draw, for the network's status line.
	lastFrame func(ms float64)
	frames    frameCache
	// zoomedAt is when the view was last zoomed: until settleAfter has passed, frames
	// are previews (zoomFrame), and settle then asks for the exact one.
	zoomedAt time.Time
	settle   *time.Timer
}

// settleAfter is how long the wheel must rest before the exact picture is drawn.
const settleAfter = 150 * time.Millisecond

func newGraphView(g *graph.Graph) *graphView {
	v := &graphView{pic: newGraphPicture(g), drag: -1}
	v.raster = canvas.NewRaster(v.render)
	v.tipBg = canvas.NewRectangle(theme.Color(theme.ColorNameOverlayBackground))
	v.tipBg.StrokeColor = theme.Color(theme.ColorNameShadow)
	v.tipBg.StrokeWidth = 1
	v.tipBg.CornerRadius = 4
	v.tip = canvas.NewText("", theme.Color(theme.ColorNameForeground))
	v.tip.TextSize = theme.TextSize()
	v.tipBg.Hide()
	v.tip.Hide()
	v.ExtendBaseWidget(v)
	return v
}

// setGraph shows another graph, fitted anew.
func (v *graphView) setGraph(g *graph.Graph) {
	v.pic = newGraphPicture(g)
	v.fitted, v.moved = false, false
	v.hideTip()
	if v.size.Width > 0 {
		v.pic.fit(float64(v.size.Width), float64(v.size.Height))
		v.fitted = true
	}
	v.raster.Refresh()
}

func (v *graphView) render(w, h int) image.Image {
	if v.size.Width <= 0 {
		return image.NewRGBA(image.Rect(0, 0, w, h))
	}
	start := nowMillis()
	scale, cols := float64(w)/float64(v.size.Width), currentDrawColors()
	var img *image.RGBA
	if time.Since(v.zoomedAt) < settleAfter {
		img = v.frames.zoomFrame(v.pic, w, h, scale, cols)
	} else {
		img = v.frames.frame(v.pic, w, h, scale, cols)
	}
	if v.lastFrame != nil {
		v.lastFrame(nowMillis() - start)
	}
	return img
}

// CreateRenderer draws the raster with the hover tip over it.
func (v *graphView) CreateRenderer() fyne.WidgetRenderer {
	return &graphViewRenderer{v: v}
}

type graphViewRenderer struct{ v *graphView }

func (r *graphViewRenderer) Layout(s fyne.Size) {
	v := r.v
	resized := s != v.size
	v.size = s
	if (!v.fitted || resized && !v.moved) && s.Width > 0 && s.Height > 0 {
		v.pic.fit(float64(s.Width), float64(s.Height))
		v.fitted = true
	}
	v.raster.Resize(s)
	v.raster.Move(fyne.Position{})
}
func (r *graphViewRenderer) MinSize() fyne.Size { return fyne.NewSize(200, 200) }
func (r *graphViewRenderer) Refresh() {
	r.v.raster.Refresh()
	canvas.Refresh(r.v.tip)
}
func (r *graphViewRenderer) Objects() []fyne.CanvasObject {
	return []fyne.CanvasObject{r.v.raster, r.v.tipBg, r.v.tip}
}
func (r *graphViewRenderer) Destroy() {}

// Tapped opens what is under the pointer: a node's dossier or an edge's evidence.
func (v *graphView) Tapped(ev *fyne.PointEvent) {
	x, y := float64(ev.Position.X), float64(ev.Position.Y)
	if i := v.pic.hitNode(x, y); i >= 0 {
		if v.onNode != nil {
			v.onNode(v.pic.g.Nodes[i])
		}
		return
	}
	if i := v.pic.hitEdge(x, y); i >= 0 {
		v.pic.selected = i
		v.raster.Refresh()
		if v.onEdge != nil {
			v.onEdge(v.pic.g.Edges[i])
		}
	}
}

// MouseIn starts hovering.
func (v *graphView) MouseIn(ev *desktop.MouseEvent) { v.MouseMoved(ev) }

// MouseMoved says what is under the pointer.
func (v *graphView) MouseMoved(ev *desktop.MouseEvent) {
	x, y := float64(ev.Position.X), float64(ev.Position.Y)
	node, edge := v.pic.hitNode(x, y), -1
	if node < 0 {
		edge = v.pic.hitEdge(x, y)
	}
	if node == v.pic.hoverNode && edge == v.pic.hoverEdge {
		return
	}
	v.pic.hoverNode, v.pic.hoverEdge = node, edge
	switch {
	case node >= 0:
		v.showTip(v.nodeTip(v.pic.g.Nodes[node]), ev.Position)
	case edge >= 0:
		v.showTip(v.edgeTip(v.pic.g.Edges[edge]), ev.Position)
	default:
		v.hideTip()
	}
	v.raster.Refresh()
}

// MouseOut stops hovering.
func (v *graphView) MouseOut() {
	v.pic.hoverNode, v.pic.hoverEdge = -1, -1
	v.hideTip()
	v.raster.Refresh()
}

func (v *graphView) nodeTip(n graph.Node) string {
	return fmt.Sprintf("%s — %s, %s", n.Name, n.Kind.Label(), dossierCount(n.Degree, "relation", "relations"))
}

// edgeTip is the relation's facts; its ends are in the picture.
func (v *graphView) edgeTip(e graph.Edge) string {
	when := app.Range(e.Start, e.End)
	if when == "" {
		when = "undated"
	}
	s := e.Label + " · " + when + " · " + e.Confidence
	if e.Modality != app.Asserted && e.Modality != "" {
		s += " · " + e.Modality
	}
	return s + " · " + dossierCount(e.Articles, "article", "articles")
}

// edgeSummary is an edge as a line: "Donald Trump threatens Iraq · 27 Jan 2026 · reported ·
// conditional · 1 article".
func edgeSummary(g *graph.Graph, e graph.Edge) string {
	name := func(id int64) string {
		if i := g.Node(id); i >= 0 {
			return g.Nodes[i].Name
		}
		return fmt.Sprintf("#%d", id)
	}
	when := app.Range(e.Start, e.End)
	if when == "" {
		when = "undated"
	}
	s := fmt.Sprintf("%s %s %s · %s · %s", name(e.From), e.Label, name(e.To), when, e.Confidence)
	if e.Modality != app.Asserted && e.Modality != "" {
		s += " · " + e.Modality
	}
	return s + " · " + dossierCount(e.Articles, "article", "articles")
}

func (v *graphView) showTip(text string, at fyne.Position) {
	v.tip.Text = text
	v.tip.Color = theme.Color(theme.ColorNameForeground)
	ts := v.tip.MinSize()
	pad := float32(6)
	x := at.X + 14
	if x+ts.Width+2*pad > v.size.Width {
		x = max(0, v.size.Width-ts.Width-2*pad)
	}
	y := at.Y + 18
	if y+ts.Height+2*pad > v.size.Height {
		y = at.Y - ts.Height - 2*pad - 6
	}
	v.tipBg.Move(fyne.NewPos(x, y))
	v.tipBg.Resize(fyne.NewSize(ts.Width+2*pad, ts.Height+2*pad))
	v.tip.Move(fyne.NewPos(x+pad, y+pad))
	v.tip.Resize(ts)
	v.tipBg.Show()
	v.tip.Show()
	canvas.Refresh(v.tipBg)
	canvas.Refresh(v.tip)
}

func (v *graphView) hideTip() {
	v.tip.Hide()
	v.tipBg.Hide()
}

// Dragged moves the node the drag began on, or pans.
func (v *graphView) Dragged(ev *fyne.DragEvent) {
	if v.drag == -1 {
		start := ev.Position.Subtract(ev.Dragged)
		if i := v.pic.hitNode(float64(start.X), float64(start.Y)); i >= 0 {
			v.drag = i
		} else {
			v.drag = -2
		}
	}
	dx, dy := float64(ev.Dragged.DX), float64(ev.Dragged.DY)
	if v.drag >= 0 {
		n := &v.pic.g.Nodes[v.drag]
		n.X += dx / (v.pic.zoom * v.pic.stretch)
		n.Y += dy / v.pic.zoom
		n.Pinned = true
		v.pic.version++
	} else {
		v.pic.panX += dx
		v.pic.panY += dy
		v.moved = true
	}
	v.hideTip()
	v.raster.Refresh()
}

// DragEnd ends a drag; a moved node is reported.
func (v *graphView) DragEnd() {
	if v.drag >= 0 && v.onMoved != nil {
		v.onMoved(v.pic.g.Nodes[v.drag])
	}
	v.drag = -1
}

// Scrolled zooms around the pointer.
func (v *graphView) Scrolled(ev *fyne.ScrollEvent) {
	v.zoomAt(math.Exp(float64(ev.Scrolled.DY)/300), float64(ev.Position.X), float64(ev.Position.Y))
}

// zoomAt scales the view by f keeping the point (x, y) where it is.
func (v *graphView) zoomAt(f, x, y float64) {
	f = math.Max(0.2, math.Min(5, f))
	v.pic.panX = x - (x-v.pic.panX)*f
	v.pic.panY = y - (y-v.pic.panY)*f
	v.pic.zoom *= f
	v.moved = true
	v.hideTip()
	v.zoomedAt = time.Now()
	if v.settle == nil {
		v.settle = time.AfterFunc(settleAfter, func() { fyne.Do(v.raster.Refresh) })
	} else {
		v.settle.Reset(settleAfter)
	}
	v.raster.Refresh()
}

// zoomBy zooms around the middle (the toolbar's buttons, the keyboard).
func (v *graphView) zoomBy(f float64) {
	v.zoomAt(f, float64(v.size.Width)/2, float64(v.size.Height)/2)
}

// refit shows the whole graph again.
func (v *graphView) refit() {
	v.moved = false
	v.pic.fit(float64(v.size.Width), float64(v.size.Height))
	v.raster.Refresh()
}

// nodeAt returns the on-screen position of actor id (tests tap there), false when not drawn.
func (v *graphView) nodeAt(id int64) (fyne.Position, bool) {
	i := v.pic.g.Node(id)
	if i < 0 {
		return fyne.Position{}, false
	}
	p := v.pic.at(i)
	return fyne.NewPos(float32(p.X), float32(p.Y)), true
}

// edgeAt returns a point on edge i (tests tap there).
func (v *graphView) edgeAt(i int) fyne.Position {
	ps := v.pic.edgePath(i, v.pic.index())
	m := ps[len(ps)/2] // on the line even when bowed
	if len(ps) == 2 {
		m = pt{(ps[0].X + ps[1].X) / 2, (ps[0].Y + ps[1].Y) / 2}
	}
	return fyne.NewPos(float32(m.X), float32(m.Y))
}
