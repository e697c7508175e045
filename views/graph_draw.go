package views

import (
	"image"
	"image/color"
	"image/draw"
	"math"
	"runtime"
	"sort"
	"sync"
	"sync/atomic"

	"fyne.io/fyne/v2/theme"
	"golang.org/x/image/font"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/math/fixed"
	"golang.org/x/image/vector"

	"dossier/app"
	"dossier/app/graph"
)

// The drawing of graphs (ego graph, project network) into one image: the screen shows
// it as a single canvas.Raster, whatever the number of actors, and Export PNG writes the
// same picture. Positions are in widget units; scale turns them into pixels.

// kindColors tell actor kinds apart; none is red or green, which say polarity on edges.
var kindColors = map[app.ActorKind]color.NRGBA{
	app.Person:         {0x1e, 0x6f, 0xd9, 0xff},
	app.Organisation:   {0x8e, 0x24, 0xaa, 0xff},
	app.State:          {0x00, 0x83, 0x8f, 0xff},
	app.Party:          {0xef, 0x8a, 0x00, 0xff},
	app.ArmedGroup:     {0x6d, 0x4c, 0x41, 0xff},
	app.GovernmentBody: {0x3f, 0x51, 0xb5, 0xff},
	app.Media:          {0xd8, 0x1b, 0x60, 0xff},
	app.OtherKind:      {0x75, 0x75, 0x75, 0xff},
}

func kindColor(k app.ActorKind) color.NRGBA {
	if c, ok := kindColors[k]; ok {
		return c
	}
	return kindColors[app.OtherKind]
}

// polarityColor is red for conflictual, green for cooperative, grey for neutral.
func polarityColor(p app.Polarity) color.NRGBA {
	switch p {
	case app.Conflictual:
		return color.NRGBA{0xc6, 0x28, 0x28, 0xff}
	case app.Cooperative:
		return color.NRGBA{0x2e, 0x7d, 0x32, 0xff}
	}
	return color.NRGBA{0x80, 0x80, 0x80, 0xff}
}

type pt struct{ X, Y float64 }

// graphPicture is a laid out graph seen through a view: zoom (units per layout unit) and
// the position of the layout's origin, in widget units.
type graphPicture struct {
	g    *graph.Graph
	zoom float64
	// stretch widens (or narrows) the picture across: a force layout comes out about
	// round, and drawn in a wide view at one scale it would fill a column in the middle
	// and crowd its names; fit stretches it, within maxStretch, to the view's shape.
	stretch    float64
	panX, panY float64
	hoverNode  int
	hoverEdge  int
	selected   int // the edge whose evidence is open, -1 none
	maxDegree  int
	// labelLimit: a graph of more nodes names only the busiest that many, the centre
	// and the hovered.
	labelLimit int
	// ends are the node indexes of each edge's source and target; byDegree the nodes
	// busiest first: worked out once, not at every frame.
	ends     [][2]int32
	byDegree []int
	// version changes whenever something other than the pan changes the picture (a node
	// moved or pinned): frameCache then draws it whole.
	version int
}

func newGraphPicture(g *graph.Graph) *graphPicture {
	p := &graphPicture{g: g, stretch: 1, hoverNode: -1, hoverEdge: -1, selected: -1, labelLimit: 60}
	for _, n := range g.Nodes {
		p.maxDegree = max(p.maxDegree, n.Degree)
	}
	idx := p.index()
	p.ends = make([][2]int32, len(g.Edges))
	for i, e := range g.Edges {
		p.ends[i] = [2]int32{int32(idx[e.From]), int32(idx[e.To])}
	}
	p.byDegree = make([]int, len(g.Nodes))
	for i := range p.byDegree {
		p.byDegree[i] = i
	}
	sort.SliceStable(p.byDegree, func(a, b int) bool { return g.Nodes[p.byDegree[a]].Degree > g.Nodes[p.byDegree[b]].Degree })
	return p
}

// maxStretch is how much fit may widen or narrow the picture across against its height;
// maxEgoStretch the same for an ego graph, laid out in rings.
const (
	maxStretch    = 1.6
	maxEgoStretch = 2.6
)

// fit places the whole graph in a w×h area with a margin for labels, stretched across
// or down (within maxStretch) so that it fills a view whose shape is not its own.
func (p *graphPicture) fit(w, h float64) {
	minX, minY, maxX, maxY := math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)
	for _, n := range p.g.Nodes {
		minX, maxX = math.Min(minX, n.X), math.Max(maxX, n.X)
		minY, maxY = math.Min(minY, n.Y), math.Max(maxY, n.Y)
	}
	p.stretch = 1
	if len(p.g.Nodes) == 0 || w <= 0 || h <= 0 {
		p.zoom, p.panX, p.panY = 1, w/2, h/2
		return
	}
	spanX, spanY := math.Max(maxX-minX, 1e-6), math.Max(maxY-minY, 1e-6)
	zx, zy := (w-160)/spanX, (h-90)/spanY
	most := maxStretch
	if p.g.Center != 0 {
		// An ego graph's rings may become a flat ellipse: the names are written across,
		// so room across is what they need, and the dossier's graph is wide and low.
		most = maxEgoStretch
	}
	zx, zy = math.Min(zx, zy*most), math.Min(zy, zx*most)
	p.zoom, p.stretch = zy, zx/zy
	if zx <= 0 || zy <= 0 || len(p.g.Nodes) == 1 {
		p.zoom, p.stretch = math.Min(w, h)/2, 1
	}
	p.panX = w/2 - (minX+maxX)/2*p.zoom*p.stretch
	p.panY = h/2 - (minY+maxY)/2*p.zoom
}

func (p *graphPicture) at(i int) pt {
	n := p.g.Nodes[i]
	return pt{p.panX + n.X*p.zoom*p.stretch, p.panY + n.Y*p.zoom}
}

// radius grows with the node's degree; the centre of an ego graph is a little larger.
func (p *graphPicture) radius(i int) float64 {
	n := p.g.Nodes[i]
	small := len(p.g.Nodes) > 1500
	base, spread := 6.0, 12.0
	if small {
		base, spread = 2.5, 7
	}
	r := base
	if p.maxDegree > 0 {
		r += spread * math.Sqrt(float64(n.Degree)/float64(p.maxDegree))
	}
	if p.g.Center != 0 && n.ID == p.g.Center {
		r += 3
	}
	return r
}

// edgeWidth grows with the number of articles behind the relation.
func edgeWidth(e graph.Edge) float64 { return 1.2 + 0.9*math.Min(float64(e.Articles), 5) }

// edgePath is the polyline of edge i from its source's rim to its target's rim: straight,
// or bowed when several relations join the same two actors, so each can be seen and tapped.
func (p *graphPicture) edgePath(i int, index map[int64]int) []pt {
	e := p.g.Edges[i]
	a, b := p.at(index[e.From]), p.at(index[e.To])
	dx, dy := b.X-a.X, b.Y-a.Y
	d := math.Hypot(dx, dy)
	if d < 1e-6 {
		return []pt{a, b}
	}
	// The bow is measured on the pair's own orientation so opposite directions spread apart.
	sign := 1.0
	if e.From > e.To {
		sign = -1
	}
	bow := (float64(e.Parallel) - float64(e.Siblings-1)/2) * 18 * sign
	if e.Siblings == 1 {
		bow = 0
	}
	nx, ny := -dy/d, dx/d
	ctrl := pt{(a.X+b.X)/2 + nx*bow*2, (a.Y+b.Y)/2 + ny*bow*2}
	const steps = 12
	out := make([]pt, 0, steps+1)
	for s := 0; s <= steps; s++ {
		t := float64(s) / steps
		u := 1 - t
		if bow == 0 && s > 0 && s < steps {
			continue
		}
		out = append(out, pt{u*u*a.X + 2*u*t*ctrl.X + t*t*b.X, u*u*a.Y + 2*u*t*ctrl.Y + t*t*b.Y})
	}
	return trimPath(out, p.radius(index[e.From])+1, p.radius(index[e.To])+2)
}

// labelPoint is where an edge's wording goes: the middle of its path, or, for relations
// sharing a pair of actors, spread along it so that their wordings do not cover each other.
func labelPoint(ps []pt, e graph.Edge) pt {
	f := 0.5
	if e.Siblings > 1 {
		f = float64(e.Parallel+1) / float64(e.Siblings+1)
	}
	total := 0.0
	for k := 0; k+1 < len(ps); k++ {
		total += math.Hypot(ps[k+1].X-ps[k].X, ps[k+1].Y-ps[k].Y)
	}
	want := total * f
	for k := 0; k+1 < len(ps); k++ {
		d := math.Hypot(ps[k+1].X-ps[k].X, ps[k+1].Y-ps[k].Y)
		if want <= d && d > 0 {
			t := want / d
			return pt{ps[k].X + (ps[k+1].X-ps[k].X)*t, ps[k].Y + (ps[k+1].Y-ps[k].Y)*t}
		}
		want -= d
	}
	return ps[len(ps)-1]
}

// trimPath cuts from and to units off the two ends of a polyline.
func trimPath(ps []pt, from, to float64) []pt {
	cut := func(ps []pt, n float64) []pt {
		for len(ps) > 1 {
			d := math.Hypot(ps[1].X-ps[0].X, ps[1].Y-ps[0].Y)
			if d > n {
				f := n / d
				ps[0] = pt{ps[0].X + (ps[1].X-ps[0].X)*f, ps[0].Y + (ps[1].Y-ps[0].Y)*f}
				return ps
			}
			n -= d
			ps = ps[1:]
		}
		return ps
	}
	ps = cut(ps, from)
	for i, j := 0, len(ps)-1; i < j; i, j = i+1, j-1 {
		ps[i], ps[j] = ps[j], ps[i]
	}
	ps = cut(ps, to)
	for i, j := 0, len(ps)-1; i < j; i, j = i+1, j-1 {
		ps[i], ps[j] = ps[j], ps[i]
	}
	return ps
}

func (p *graphPicture) index() map[int64]int {
	m := make(map[int64]int, len(p.g.Nodes))
	for i, n := range p.g.Nodes {
		m[n.ID] = i
	}
	return m
}

// hitNode returns the node under (x, y), -1 when none.
func (p *graphPicture) hitNode(x, y float64) int {
	best, bestD := -1, math.Inf(1)
	for i := range p.g.Nodes {
		c := p.at(i)
		d := math.Hypot(c.X-x, c.Y-y)
		if d <= p.radius(i)+3 && d < bestD {
			best, bestD = i, d
		}
	}
	return best
}

// hitEdge returns the edge passing within 5 units of (x, y), the nearest; -1 when none.
func (p *graphPicture) hitEdge(x, y float64) int {
	idx := p.index()
	best, bestD := -1, 5.0
	for i := range p.g.Edges {
		ps := p.edgePath(i, idx)
		for k := 0; k+1 < len(ps); k++ {
			if d := segDist(pt{x, y}, ps[k], ps[k+1]); d < bestD {
				best, bestD = i, d
			}
		}
	}
	return best
}

func segDist(q, a, b pt) float64 {
	dx, dy := b.X-a.X, b.Y-a.Y
	l := dx*dx + dy*dy
	t := 0.0
	if l > 0 {
		t = math.Max(0, math.Min(1, ((q.X-a.X)*dx+(q.Y-a.Y)*dy)/l))
	}
	return math.Hypot(q.X-(a.X+t*dx), q.Y-(a.Y+t*dy))
}

// labelled reports which nodes get their name written: all of a small graph; of a large
// one the centre, the hovered, the selected edge's ends and the busiest up to labelLimit.
func (p *graphPicture) labelled() map[int]bool {
	out := map[int]bool{}
	if len(p.g.Nodes) <= p.labelLimit {
		for i := range p.g.Nodes {
			out[i] = true
		}
		return out
	}
	for _, i := range p.byDegree[:p.labelLimit] {
		out[i] = true
	}
	if c := p.g.Node(p.g.Center); c >= 0 {
		out[c] = true
	}
	if p.hoverNode >= 0 {
		out[p.hoverNode] = true
	}
	return out
}

// edgeLabelled reports whether edge i's wording is written: on a small graph every edge
// touching the centre; always the hovered and the selected edge, and the edges of the
// hovered node.
func (p *graphPicture) edgeLabelled(i int) bool {
	e := p.g.Edges[i]
	if i == p.hoverEdge || i == p.selected {
		return true
	}
	if p.hoverNode >= 0 {
		id := p.g.Nodes[p.hoverNode].ID
		return e.From == id || e.To == id
	}
	return len(p.g.Edges) <= 24
}

// drawColors are the picture's background, text and halo.
type drawColors struct {
	bg, text, faint color.NRGBA
}

func currentDrawColors() drawColors {
	bg := toNRGBA(theme.Color(theme.ColorNameBackground))
	fg := toNRGBA(theme.Color(theme.ColorNameForeground))
	faint := fg
	faint.A = 0x90
	return drawColors{bg: bg, text: fg, faint: faint}
}

func toNRGBA(c color.Color) color.NRGBA { return color.NRGBAModel.Convert(c).(color.NRGBA) }

// draw paints the picture into img, whose pixels are scale times the widget units.
func (p *graphPicture) draw(img *image.RGBA, scale float64, cols drawColors) {
	p.drawBase(img, scale, cols)
	p.drawOverlay(img, scale, cols)
}

// drawBase paints the background and the edges: what a zoom preview scales (zoomFrame).
func (p *graphPicture) drawBase(img *image.RGBA, scale float64, cols drawColors) {
	draw.Draw(img, img.Bounds(), image.NewUniform(cols.bg), image.Point{}, draw.Src)
	if len(p.g.Nodes) == 0 {
		return
	}
	if p.big() {
		p.drawNetworkEdges(img, scale)
	} else {
		p.drawEdges(img, scale, p.index())
	}
}

// drawOverlay paints the actors, their names and the edges' wordings over the base:
// always drawn exactly, a zoom preview included.
// It returns the room the actors and the written labels take.
func (p *graphPicture) drawOverlay(img *image.RGBA, scale float64, cols drawColors) labelSpace {
	if len(p.g.Nodes) == 0 {
		return nil
	}
	p.drawNodes(img, scale, cols, p.big())
	face := graphFace(12 * scale)
	if face == nil {
		return nil
	}
	// Names first, busiest first, then edge wordings, each on a halo of the background;
	// a label that would cover one already written, or an actor, is left out (hover
	// shows it), so a dense picture stays legible instead of becoming a smear of text.
	taken := p.nodeSpace(scale)
	p.drawNames(img, scale, cols, &taken)
	p.drawEdgeLabels(img, scale, cols, face, p.index(), &taken)
	return taken
}

// nodeSpaceMax is the most actors whose discs labels keep clear of: past it (a project
// network) the check would cost more than the frame, and the names are few anyway.
const nodeSpaceMax = 400

// nodeSpace is the room the actors' discs take, in pixels, for labels to keep clear of:
// a wording written over an actor hid who it was.
func (p *graphPicture) nodeSpace(scale float64) labelSpace {
	if len(p.g.Nodes) > nodeSpaceMax {
		return nil
	}
	taken := make(labelSpace, 0, len(p.g.Nodes)+2*p.labelLimit)
	for i := range p.g.Nodes {
		// The square inside the disc's box: a name written just under its own actor
		// touches the box, not the disc.
		c, r := p.at(i), 0.8*p.radius(i)
		taken = append(taken, image.Rect(int((c.X-r)*scale), int((c.Y-r)*scale), int(math.Ceil((c.X+r)*scale)), int(math.Ceil((c.Y+r)*scale))))
	}
	return taken
}

// big says the picture is a network: edges drawn as thin lines, nodes as dots.
func (p *graphPicture) big() bool { return len(p.g.Edges) > 1500 }

// drawEdges strokes each edge antialiased, dashed when not asserted, with its arrow.
func (p *graphPicture) drawEdges(img *image.RGBA, scale float64, idx map[int64]int) {
	for i, e := range p.g.Edges {
		col := polarityColor(e.Polarity)
		ps := p.edgePath(i, idx)
		w := edgeWidth(e)
		if i == p.hoverEdge || i == p.selected {
			w += 2
		}
		var dash []float64
		if e.Dashed {
			dash = []float64{7, 5}
		}
		strokePath(img, ps, w, scale, col, dash)
		if e.Directed && len(ps) >= 2 {
			arrowHead(img, ps[len(ps)-2], ps[len(ps)-1], 5+w, scale, col)
		}
	}
}

// bandRows is the height of the bands a network's edges are drawn in: a band's rows
// stay in the processor's cache while its lines are walked, and bands are drawn at
// once on several cores. Each pixel belongs to one band and gets its edges in the same
// order as a drawing of the whole, so the picture is the same.
const bandRows = 32

// drawNetworkEdges draws a network's thousands of edges as thin translucent lines, band
// by band: a full redraw (a zoom) walks the whole picture's lines, and done row-band by
// row-band, on every core, it costs a fraction of one pass over the whole image.
func (p *graphPicture) drawNetworkEdges(img *image.RGBA, scale float64) {
	b := img.Bounds()
	if b.Dx() < 4*bandRows || b.Dy() < 4*bandRows {
		// A strip uncovered by a pan: one pass, each line cut to the strip at once.
		for i, e := range p.g.Edges {
			col := polarityColor(e.Polarity)
			col.A = 0x50
			fastLine(img, p.at(int(p.ends[i][0])), p.at(int(p.ends[i][1])), scale, col)
		}
		return
	}
	bands := (b.Dy() + bandRows - 1) / bandRows
	lines := make([][2]pt, len(p.g.Edges))
	cols := make([]color.NRGBA, len(p.g.Edges))
	in := make([][]int32, bands) // the edges crossing each band, in drawing order
	for i, e := range p.g.Edges {
		a, c := p.at(int(p.ends[i][0])), p.at(int(p.ends[i][1]))
		lines[i] = [2]pt{a, c}
		cols[i] = polarityColor(e.Polarity)
		cols[i].A = 0x50
		lo := int(math.Floor(math.Min(a.Y, c.Y)*scale)) - b.Min.Y - 1
		hi := int(math.Ceil(math.Max(a.Y, c.Y)*scale)) - b.Min.Y + 1
		for k := max(lo/bandRows, 0); k <= min(hi/bandRows, bands-1); k++ {
			in[k] = append(in[k], int32(i))
		}
	}
	drawBand := func(k int) {
		r := image.Rect(b.Min.X, b.Min.Y+k*bandRows, b.Max.X, min(b.Min.Y+(k+1)*bandRows, b.Max.Y))
		band := img.SubImage(r).(*image.RGBA)
		for _, i := range in[k] {
			fastLine(band, lines[i][0], lines[i][1], scale, cols[i])
		}
	}
	workers := min(runtime.GOMAXPROCS(0), bands, 8)
	if workers <= 1 {
		for k := range bands {
			drawBand(k)
		}
		return
	}
	var next atomic.Int32
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			for k := int(next.Add(1)) - 1; k < bands; k = int(next.Add(1)) - 1 {
				drawBand(k)
			}
		})
	}
	wg.Wait()
}

// drawNodes draws the actors: a ring around the hovered and the centre, a disc in the
// kind's colour (a plain dot in a network), a hole when pinned.
func (p *graphPicture) drawNodes(img *image.RGBA, scale float64, cols drawColors, big bool) {
	for i := range p.g.Nodes {
		c := p.at(i)
		r := p.radius(i)
		if i == p.hoverNode || (p.g.Center != 0 && p.g.Nodes[i].ID == p.g.Center) {
			fillCircle(img, c, r+2.5, scale, cols.text)
		}
		if big {
			fillDot(img, c, r, scale, kindColor(p.g.Nodes[i].Kind))
		} else {
			fillCircle(img, c, r, scale, kindColor(p.g.Nodes[i].Kind))
		}
		if p.g.Nodes[i].Pinned {
			fillCircle(img, c, math.Max(r/3, 1.5), scale, cols.bg)
		}
	}
}

// labelSpace is the room labels already take in the picture.
type labelSpace []image.Rectangle

// claim takes r when nothing written covers it, and says whether it did.
func (t *labelSpace) claim(r image.Rectangle) bool {
	for _, o := range *t {
		if r.Overlaps(o) {
			return false
		}
	}
	*t = append(*t, r)
	return true
}

// drawNames writes the labelled actors' names, the hovered first, then the busiest
// first: under the actor, or above it or beside it when that is taken; the hovered is
// written under it even where another name is.
func (p *graphPicture) drawNames(img *image.RGBA, scale float64, cols drawColors, taken *labelSpace) {
	labels := p.labelled()
	bold := graphFace(12.5 * scale)
	order := p.byDegree
	if p.hoverNode >= 0 {
		order = append([]int{p.hoverNode}, order...)
	}
	done := map[int]bool{}
	for _, i := range order {
		if !labels[i] || done[i] {
			continue
		}
		done[i] = true
		name := p.g.Nodes[i].Name
		places := p.namePlaces(i, bold, name, scale)
		for k, at := range places {
			if taken.claim(labelRect(bold, name, at, scale)) || (i == p.hoverNode && k == len(places)-1) {
				drawLabel(img, bold, name, at, scale, cols.text, cols.bg, true)
				break
			}
		}
	}
}

// namePlaces are where an actor's name may go, in order of preference: under it, above
// it, to its right, to its left; and under it again, last, for the hovered actor.
func (p *graphPicture) namePlaces(i int, face font.Face, name string, scale float64) []pt {
	c, r := p.at(i), p.radius(i)
	half := float64(labelRect(face, name, pt{}, scale).Dx())/2/scale + 2
	under := pt{c.X, c.Y + r + 9}
	return []pt{under, {c.X, c.Y - r - 9}, {c.X + r + 3 + half, c.Y}, {c.X - r - 3 - half, c.Y}, under}
}

// drawEdgeLabels writes the wording of the labelled edges, the modality when not
// asserted; the hovered and the selected edge are written even where a label is.
func (p *graphPicture) drawEdgeLabels(img *image.RGBA, scale float64, cols drawColors, face font.Face, idx map[int64]int, taken *labelSpace) {
	for i, e := range p.g.Edges {
		if !p.edgeLabelled(i) {
			continue
		}
		m := labelPoint(p.edgePath(i, idx), e)
		text := e.Label
		if e.Modality != app.Asserted && e.Modality != "" {
			text += " (" + e.Modality + ")"
		}
		if taken.claim(labelRect(face, text, m, scale)) || i == p.hoverEdge || i == p.selected {
			drawLabel(img, face, text, m, scale, polarityColor(e.Polarity), cols.bg, true)
		}
	}
}

// labelRect is the box (pixels) drawLabel would cover.
func labelRect(face font.Face, text string, c pt, scale float64) image.Rectangle {
	if len([]rune(text)) > 48 {
		text = string([]rune(text)[:47]) + "…"
	}
	w := font.MeasureString(face, text).Ceil()
	m := face.Metrics()
	h := (m.Ascent + m.Descent).Ceil()
	x, y := int(c.X*scale)-w/2, int(c.Y*scale)-h/2
	return image.Rect(x-2, y-1, x+w+2, y+h+1)
}

// The label font: the theme's, parsed once.
var (
	fontOnce sync.Once
	fontData *opentype.Font
	faces    sync.Map // size in 1/4 px → font.Face
)

func graphFace(px float64) font.Face {
	fontOnce.Do(func() {
		fontData, _ = opentype.Parse(theme.DefaultTextFont().Content())
	})
	if fontData == nil {
		return nil
	}
	key := int(px * 4)
	if f, ok := faces.Load(key); ok {
		return f.(font.Face)
	}
	f, err := opentype.NewFace(fontData, &opentype.FaceOptions{Size: float64(key) / 4, DPI: 72, Hinting: font.HintingNone})
	if err != nil {
		return nil
	}
	faces.Store(key, f)
	return f
}

// drawLabel writes text centred on c (widget units) on a halo of bg.
func drawLabel(img *image.RGBA, face font.Face, text string, c pt, scale float64, fg, bg color.NRGBA, halo bool) {
	if len([]rune(text)) > 48 {
		text = string([]rune(text)[:47]) + "…"
	}
	d := font.Drawer{Dst: img, Src: image.NewUniform(fg), Face: face}
	w := d.MeasureString(text)
	m := face.Metrics()
	x := fixed.I(int(c.X*scale)) - w/2
	y := fixed.I(int(c.Y*scale)) + (m.Ascent-m.Descent)/2
	if halo {
		pad := int(2 * scale)
		r := image.Rect(x.Floor()-pad, (y-m.Ascent).Floor()-pad/2, (x+w).Ceil()+pad, (y+m.Descent).Ceil()+pad/2)
		hb := bg
		hb.A = 0xd8
		draw.Draw(img, r.Intersect(img.Bounds()), image.NewUniform(hb), image.Point{}, draw.Over)
	}
	d.Dot = fixed.Point26_6{X: x, Y: y}
	d.DrawString(text)
}

// fillPolygon fills the polygon ps (widget units) in col, antialiased.
func fillPolygon(img *image.RGBA, ps []pt, scale float64, col color.NRGBA) {
	if len(ps) < 3 {
		return
	}
	minX, minY, maxX, maxY := math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)
	for _, q := range ps {
		minX, maxX = math.Min(minX, q.X*scale), math.Max(maxX, q.X*scale)
		minY, maxY = math.Min(minY, q.Y*scale), math.Max(maxY, q.Y*scale)
	}
	r := image.Rect(int(math.Floor(minX)), int(math.Floor(minY)), int(math.Ceil(maxX))+1, int(math.Ceil(maxY))+1)
	clip := r.Intersect(img.Bounds())
	if clip.Empty() {
		return
	}
	// The rasteriser works on the polygon's own box, not the whole picture.
	z := vector.NewRasterizer(r.Dx(), r.Dy())
	ox, oy := float32(r.Min.X), float32(r.Min.Y)
	z.MoveTo(float32(ps[0].X*scale)-ox, float32(ps[0].Y*scale)-oy)
	for _, q := range ps[1:] {
		z.LineTo(float32(q.X*scale)-ox, float32(q.Y*scale)-oy)
	}
	z.ClosePath()
	z.Draw(img, clip, image.NewUniform(col), clip.Min.Sub(r.Min))
}

func fillCircle(img *image.RGBA, c pt, r, scale float64, col color.NRGBA) {
	n := 20
	ps := make([]pt, n)
	for i := range ps {
		a := 2 * math.Pi * float64(i) / float64(n)
		ps[i] = pt{c.X + r*math.Cos(a), c.Y + r*math.Sin(a)}
	}
	fillPolygon(img, ps, scale, col)
}

// strokePath draws the polyline ps w units wide, dashed when dash gives on/off lengths.
func strokePath(img *image.RGBA, ps []pt, w, scale float64, col color.NRGBA, dash []float64) {
	on, pos, k := true, 0.0, 0
	for i := 0; i+1 < len(ps); i++ {
		a, b := ps[i], ps[i+1]
		l := math.Hypot(b.X-a.X, b.Y-a.Y)
		if len(dash) == 0 {
			segment(img, a, b, w, scale, col)
			continue
		}
		// Walk the segment in dash pieces, carrying the dash phase across segments.
		t := 0.0
		for t < l {
			step := math.Min(dash[k]-pos, l-t)
			if on {
				f0, f1 := t/l, (t+step)/l
				segment(img, pt{a.X + (b.X-a.X)*f0, a.Y + (b.Y-a.Y)*f0}, pt{a.X + (b.X-a.X)*f1, a.Y + (b.Y-a.Y)*f1}, w, scale, col)
			}
			t += step
			pos += step
			if pos >= dash[k]-1e-9 {
				pos, k, on = 0, (k+1)%len(dash), !on
			}
		}
	}
}

func segment(img *image.RGBA, a, b pt, w, scale float64, col color.NRGBA) {
	dx, dy := b.X-a.X, b.Y-a.Y
	l := math.Hypot(dx, dy)
	if l < 1e-9 {
		return
	}
	nx, ny := -dy/l*w/2, dx/l*w/2
	fillPolygon(img, []pt{{a.X + nx, a.Y + ny}, {b.X + nx, b.Y + ny}, {b.X - nx, b.Y - ny}, {a.X - nx, a.Y - ny}}, scale, col)
}

func arrowHead(img *image.RGBA, from, tip pt, size, scale float64, col color.NRGBA) {
	dx, dy := tip.X-from.X, tip.Y-from.Y
	l := math.Hypot(dx, dy)
	if l < 1e-9 {
		return
	}
	ux, uy := dx/l, dy/l
	base := pt{tip.X - ux*size*1.6, tip.Y - uy*size*1.6}
	fillPolygon(img, []pt{tip, {base.X - uy*size*0.7, base.Y + ux*size*0.7}, {base.X + uy*size*0.7, base.Y - ux*size*0.7}}, scale, col)
}

// fastLine draws a one-pixel line blended over img: for the project network, where
// thousands of edges make antialiased strokes too slow for a fluid frame. The whole line
// is walked in 16.16 fixed point, but only the steps inside img are visited: a line's
// pixels are the same whatever part of the picture is being drawn (a band, a strip
// uncovered by a pan, the whole), so the parts drawn apart join seamlessly.
func fastLine(img *image.RGBA, a, b pt, scale float64, col color.NRGBA) {
	x0, y0, x1, y1 := a.X*scale, a.Y*scale, b.X*scale, b.Y*scale
	bounds := img.Bounds()
	t0, t1, ok := clipLine(x0, y0, x1, y1, float64(bounds.Min.X), float64(bounds.Min.Y), float64(bounds.Max.X), float64(bounds.Max.Y))
	if !ok {
		return
	}
	n := int(math.Max(math.Abs(x1-x0), math.Abs(y1-y0)))
	if n == 0 {
		n = 1
	}
	dx, dy := int64((x1-x0)*65536)/int64(n), int64((y1-y0)*65536)/int64(n)
	// One step either side of the clipped part, for rounding; the test below keeps
	// what falls outside.
	s0, s1 := max(int(t0*float64(n))-1, 0), min(int(t1*float64(n))+1, n)
	fx, fy := int64(x0*65536)+int64(s0)*dx, int64(y0*65536)+int64(s0)*dy
	ca := uint32(col.A)
	inv := 255 - ca
	r, g, bl := uint32(col.R)*ca, uint32(col.G)*ca, uint32(col.B)*ca
	pix, stride := img.Pix, img.Stride
	w, h := uint(bounds.Dx()), uint(bounds.Dy())
	for s := s0; s <= s1; s++ {
		x, y := int(fx>>16)-bounds.Min.X, int(fy>>16)-bounds.Min.Y
		fx += dx
		fy += dy
		if uint(x) >= w || uint(y) >= h {
			continue
		}
		o := y*stride + x*4
		q := pix[o : o+4 : o+4] // one bounds check for the four bytes
		// x/255 as (x+1+(x>>8))>>8: exact for these products, and no division.
		v := r + uint32(q[0])*inv
		q[0] = uint8((v + 1 + v>>8) >> 8)
		v = g + uint32(q[1])*inv
		q[1] = uint8((v + 1 + v>>8) >> 8)
		v = bl + uint32(q[2])*inv
		q[2] = uint8((v + 1 + v>>8) >> 8)
		q[3] = 0xff
	}
}

// clipLine clips a segment to the rectangle (Liang–Barsky): the part inside runs from
// t0 to t1 along it; false when none of it is inside.
func clipLine(x0, y0, x1, y1, minX, minY, maxX, maxY float64) (float64, float64, bool) {
	t0, t1 := 0.0, 1.0
	dx, dy := x1-x0, y1-y0
	for _, e := range [4][2]float64{{-dx, x0 - minX}, {dx, maxX - x0}, {-dy, y0 - minY}, {dy, maxY - y0}} {
		p, q := e[0], e[1]
		if p == 0 {
			if q < 0 {
				return 0, 0, false
			}
			continue
		}
		r := q / p
		if p < 0 {
			if r > t1 {
				return 0, 0, false
			}
			t0 = math.Max(t0, r)
		} else {
			if r < t0 {
				return 0, 0, false
			}
			t1 = math.Min(t1, r)
		}
	}
	return t0, t1, true
}

// fillDot fills a small disc pixel by pixel: for thousands of small nodes, faster than
// the antialiasing rasteriser and as readable at that size. A pixel is in when its
// centre is within the radius; each row's run is worked out once, then filled.
func fillDot(img *image.RGBA, c pt, r, scale float64, col color.NRGBA) {
	cx, cy, rr := c.X*scale, c.Y*scale, r*scale
	b := img.Bounds()
	y0, y1 := max(int(cy-rr), b.Min.Y), min(int(cy+rr)+1, b.Max.Y)
	if max(int(cx-rr), b.Min.X) >= min(int(cx+rr)+1, b.Max.X) {
		return // beside the strip being drawn
	}
	px := [4]uint8{col.R, col.G, col.B, 0xff}
	for y := y0; y < y1; y++ {
		ddy := float64(y) + 0.5 - cy
		s2 := rr*rr - ddy*ddy
		if s2 < 0 {
			continue
		}
		s := math.Sqrt(s2)
		x0 := max(int(math.Ceil(cx-s-0.5)), b.Min.X)
		x1 := min(int(math.Floor(cx+s-0.5)), b.Max.X-1)
		if x0 > x1 {
			continue
		}
		row := img.Pix[img.PixOffset(x0, y) : img.PixOffset(x1, y)+4]
		for o := 0; o+4 <= len(row); o += 4 {
			copy(row[o:o+4], px[:])
		}
	}
}

// frameCache keeps the last frame, so that a pan redraws only the strips it uncovers:
// the rest of the picture is the last frame moved. Anything else that changes the
// picture (zoom, hover, a moved node, another size) draws it whole.
type frameCache struct {
	img              *image.RGBA
	panX, panY       float64
	key              frameKey
	fullDraws, moves int // how often each kind of frame was made (tests)
	// layer is a network's last exact base (background and edges), drawn at layerPan
	// and the key's zoom, which a zoom preview scales; preview says the last frame was
	// one (so the next exact frame is drawn whole).
	layer                *image.RGBA
	layerPanX, layerPanY float64
	layerKey             frameKey
	preview              bool
	previews             int
}

type frameKey struct {
	// pic, not its graph: a new picture of a graph kept at the same address (a tab's
	// graph reloaded in place) is another picture.
	pic                       *graphPicture
	zoom, stretch, scale      float64
	w, h                      int
	hoverNode, hoverEdge, sel int
	version                   int
	cols                      drawColors
}

// frame returns the picture p at w×h pixels.
func (c *frameCache) frame(p *graphPicture, w, h int, scale float64, cols drawColors) *image.RGBA {
	key := frameKey{p, p.zoom, p.stretch, scale, w, h, p.hoverNode, p.hoverEdge, p.selected, p.version, cols}
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	dx, dy := math.Round((p.panX-c.panX)*scale), math.Round((p.panY-c.panY)*scale)
	if c.img == nil || c.preview || key != c.key || math.Abs(dx) >= float64(w) || math.Abs(dy) >= float64(h) {
		c.drawWhole(p, img, key, scale, cols)
		return img
	}
	// Snap the pan to whole pixels so the moved part and the new strips agree.
	p.panX, p.panY = c.panX+dx/scale, c.panY+dy/scale
	ix, iy := int(dx), int(dy)
	draw.Draw(img, img.Bounds().Add(image.Pt(ix, iy)), c.img, image.Point{}, draw.Src)
	var strips []image.Rectangle
	switch {
	case ix > 0:
		strips = append(strips, image.Rect(0, 0, ix, h))
	case ix < 0:
		strips = append(strips, image.Rect(w+ix, 0, w, h))
	}
	switch {
	case iy > 0:
		strips = append(strips, image.Rect(0, 0, w, iy))
	case iy < 0:
		strips = append(strips, image.Rect(0, h+iy, w, h))
	}
	for _, r := range strips {
		p.draw(img.SubImage(r).(*image.RGBA), scale, cols)
	}
	c.img, c.panX, c.panY = img, p.panX, p.panY
	c.moves++
	return img
}

// drawWhole draws p into img exactly; a network's base is kept for zoom previews.
func (c *frameCache) drawWhole(p *graphPicture, img *image.RGBA, key frameKey, scale float64, cols drawColors) {
	c.layer = nil
	if p.big() {
		c.layer = image.NewRGBA(img.Bounds())
		p.drawBase(c.layer, scale, cols)
		copy(img.Pix, c.layer.Pix)
		p.drawOverlay(img, scale, cols)
		c.layerPanX, c.layerPanY, c.layerKey = p.panX, p.panY, key
	} else {
		p.draw(img, scale, cols)
	}
	c.img, c.key, c.panX, c.panY, c.preview = img, key, p.panX, p.panY, false
	c.fullDraws++
}
