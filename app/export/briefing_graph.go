package export

import (
	"context"
	"fmt"
	"html"
	"math"
	"strings"

	"dossier/app"
	"dossier/app/graph"
)

// Briefing is what a briefing document holds: the dossier, the picture of the actor's
// ego graph (one hop, the same filter), and the scope, said in the document.
type Briefing struct {
	Dossier app.Dossier
	// Graph is the ego graph, laid out (graph.Layout); nil leaves the picture out.
	Graph *graph.Graph
	// Filter is what the dossier and the graph were narrowed to; the zero Filter is the
	// whole dossier. The document says which.
	Filter graph.Filter
}

// BriefingGraphLimit is how many relations the briefing's picture draws before it says
// "showing N of M": more than this on one printed page cannot be read.
const BriefingGraphLimit = 40

// BriefingSource is what NewBriefing reads; *db.Store has it.
type BriefingSource interface {
	Dossier(ctx context.Context, actorID int64, limit int) (app.Dossier, error)
	FilteredDossier(ctx context.Context, actorID int64, f graph.Filter, limit int) (app.Dossier, graph.Counts, error)
	EgoGraph(ctx context.Context, actorID int64, hops int, f graph.Filter, limit int) (graph.Graph, error)
}

// NewBriefing reads everything a briefing of actorID shows, as f narrows it: the whole
// dossier (no mention cap) and its one-hop ego graph under the same filter, laid out as
// the Graph tab lays it out.
func NewBriefing(ctx context.Context, src BriefingSource, actorID int64, f graph.Filter) (Briefing, error) {
	b := Briefing{Filter: f}
	var err error
	if f.Active() {
		b.Dossier, _, err = src.FilteredDossier(ctx, actorID, f, 0)
	} else {
		b.Dossier, err = src.Dossier(ctx, actorID, 0)
	}
	if err != nil {
		return b, err
	}
	g, err := src.EgoGraph(ctx, actorID, 1, f, BriefingGraphLimit)
	if err != nil {
		return b, err
	}
	graph.Layout(&g, 80, nil)
	b.Graph = &g
	return b, nil
}

// ScopeText says which part of the dossier a briefing or an export holds.
func ScopeText(f graph.Filter) string {
	if !f.Active() {
		return "Everything in the dossier."
	}
	return "Only what the dossier’s filters keep: " + f.Describe() + "."
}

// picture is an ego graph placed in a box of w × h units, shared by the SVG (HTML) and
// the PDF drawings so that both show the same thing.
type picture struct {
	w, h   float64
	notice string
	nodes  []picNode
	edges  []picEdge
}

type picNode struct {
	x, y, r float64
	center  bool
	label   string
	// lx, ly is where the label starts; anchor is "start", "end" or "middle"; rotate
	// (degrees, clockwise on the page) turns it along the line from the centre, so that
	// the names around a ring never run into each other.
	lx, ly float64
	anchor string
	rotate float64
}

type picEdge struct {
	id       int64
	path     []pt
	color    string // hex, the polarity's
	dashed   bool
	directed bool
	width    float64
}

type pt struct{ X, Y float64 }

// picture box, in units: the SVG's user units, and a millimetre each times pdfPicScale.
const (
	picW     = 600.0
	picH     = 600.0
	picTop   = 26.0 // the notice line above the drawing
	picLabel = 24   // runes of a name shown: the ring leaves room for this many
)

// newPicture places g's nodes (layout coordinates in a disc of radius 0.5) in the box,
// leaving room all round for the names, which point away from the centre.
func newPicture(g *graph.Graph) picture {
	p := picture{w: picW, h: picH, notice: g.Notice()}
	room := float64(picLabel)*6 + 12 // a name's length at font size 11, and a gap
	scale := 2 * math.Min(picW/2-room, (picH-picTop)/2-room)
	cx, cy := picW/2, picTop+(picH-picTop)/2
	index := make(map[int64]int, len(g.Nodes))
	for i, n := range g.Nodes {
		index[n.ID] = i
		nd := picNode{x: cx + n.X*scale, y: cy + n.Y*scale, r: 4 + 0.8*math.Min(float64(n.Degree), 6),
			center: n.ID == g.Center, label: cut(n.Name, picLabel)}
		if nd.center {
			nd.r = 10
			nd.lx, nd.ly, nd.anchor = nd.x, nd.y+nd.r+8, "middle"
			p.nodes = append(p.nodes, nd)
			continue
		}
		// Along the ray from the centre: on the right half the name reads outwards from
		// the node; on the left it is turned half a circle so that it is not upside
		// down, and ends at the node.
		a := math.Atan2(nd.y-cy, nd.x-cx)
		ux, uy := math.Cos(a), math.Sin(a)
		nd.lx, nd.ly = nd.x+ux*(nd.r+4), nd.y+uy*(nd.r+4)
		nd.rotate, nd.anchor = a*180/math.Pi, "start"
		if ux < -1e-9 {
			nd.rotate, nd.anchor = nd.rotate+180, "end"
		}
		p.nodes = append(p.nodes, nd)
	}
	for _, e := range g.Edges {
		a, b := p.nodes[index[e.From]], p.nodes[index[e.To]]
		p.edges = append(p.edges, picEdge{id: e.ID, path: bowed(a, b, e), color: graph.PolarityColor(string(e.Polarity)),
			dashed: e.Dashed, directed: e.Directed, width: 0.8 + 0.45*math.Min(float64(e.Articles), 5)})
	}
	return p
}

// bowed is the line of an edge from rim to rim: straight, or bowed when several relations
// join the same two actors, as the Graph tab draws them, so each stays visible.
func bowed(a, b picNode, e graph.Edge) []pt {
	dx, dy := b.x-a.x, b.y-a.y
	d := math.Hypot(dx, dy)
	if d < 1e-6 {
		return []pt{{a.x, a.y}, {b.x, b.y}}
	}
	bow := 0.0
	if e.Siblings > 1 {
		sign := 1.0
		if e.From > e.To {
			sign = -1
		}
		bow = (float64(e.Parallel) - float64(e.Siblings-1)/2) * 24 * sign
	}
	nx, ny := -dy/d, dx/d
	ctrl := pt{(a.x+b.x)/2 + nx*bow, (a.y+b.y)/2 + ny*bow}
	steps := 1
	if bow != 0 {
		steps = 12
	}
	var out []pt
	for s := 0; s <= steps; s++ {
		t := float64(s) / float64(steps)
		u := 1 - t
		q := pt{u*u*a.x + 2*u*t*ctrl.X + t*t*b.x, u*u*a.y + 2*u*t*ctrl.Y + t*t*b.y}
		// Keep the points outside the two circles: the line starts and ends at the rims.
		if math.Hypot(q.X-a.x, q.Y-a.y) < a.r+1 || math.Hypot(q.X-b.x, q.Y-b.y) < b.r+1.5 {
			if s != 0 && s != steps {
				continue
			}
			q = rim(q, a, b, s == 0)
		}
		out = append(out, q)
	}
	return out
}

// rim moves an end of a line onto the edge of its circle, along the line.
func rim(q pt, a, b picNode, start bool) pt {
	c, r, other := b, b.r+1.5, a
	if start {
		c, r, other = a, a.r+1, b
	}
	dx, dy := other.x-c.x, other.y-c.y
	d := math.Hypot(dx, dy)
	if d < 1e-6 {
		return q
	}
	return pt{c.x + dx/d*r, c.y + dy/d*r}
}

// arrow is the triangle at the end of a directed edge: tip, and the two back corners.
func (e picEdge) arrow() [3]pt {
	n := len(e.path)
	tip, from := e.path[n-1], e.path[n-2]
	dx, dy := tip.X-from.X, tip.Y-from.Y
	d := math.Hypot(dx, dy)
	if d < 1e-6 {
		return [3]pt{tip, tip, tip}
	}
	ux, uy := dx/d, dy/d
	const length, half = 8.0, 3.5
	bx, by := tip.X-ux*length, tip.Y-uy*length
	return [3]pt{tip, {bx - uy*half, by + ux*half}, {bx + uy*half, by - ux*half}}
}

// cut shortens a name to n runes, with an ellipsis that says it was shortened.
func cut(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}

// pictureSVG draws g as inline SVG: one <path class="edge"> per relation drawn (coloured
// by polarity, dashed when not asserted, with an arrow when directed), one circle and
// name per actor, and the graph's notice ("Showing 40 of 95 relations") at the top.
func pictureSVG(g *graph.Graph) string {
	p := newPicture(g)
	var b strings.Builder
	fmt.Fprintf(&b, `<svg class="ego" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 %.0f %.0f" font-family="DejaVu Sans, Noto Sans, Arial, sans-serif" role="img" aria-label="%s">`+"\n",
		p.w, p.h, html.EscapeString("Ego graph. "+p.notice))
	fmt.Fprintf(&b, `<rect x="0" y="0" width="%.0f" height="%.0f" fill="#f4f7fc" stroke="none"/>`+"\n", p.w, p.h)
	fmt.Fprintf(&b, `<text class="notice" x="10" y="18" font-size="13" fill="#333">%s</text>`+"\n", html.EscapeString(p.notice))
	for _, e := range p.edges {
		var d strings.Builder
		for i, q := range e.path {
			if i == 0 {
				fmt.Fprintf(&d, "M%.1f %.1f", q.X, q.Y)
			} else {
				fmt.Fprintf(&d, " L%.1f %.1f", q.X, q.Y)
			}
		}
		dash := ""
		if e.dashed {
			dash = ` stroke-dasharray="5 3"`
		}
		fmt.Fprintf(&b, `<path class="edge" data-relation="%d" d="%s" fill="none" stroke="%s" stroke-width="%.1f"%s/>`+"\n",
			e.id, d.String(), e.color, e.width, dash)
		if e.directed {
			a := e.arrow()
			fmt.Fprintf(&b, `<polygon class="arrow" points="%.1f,%.1f %.1f,%.1f %.1f,%.1f" fill="%s" stroke="none"/>`+"\n",
				a[0].X, a[0].Y, a[1].X, a[1].Y, a[2].X, a[2].Y, e.color)
		}
	}
	for _, n := range p.nodes {
		fill, weight := "#5c7089", "normal"
		if n.center {
			fill, weight = "#1a237e", "bold"
		}
		fmt.Fprintf(&b, `<circle class="node" cx="%.1f" cy="%.1f" r="%.1f" fill="%s" stroke="#fff" stroke-width="1"/>`+"\n", n.x, n.y, n.r, fill)
		if n.center {
			// The centre's name sits among its edges: a patch of ground keeps it legible.
			w := 7 * float64(len([]rune(n.label)))
			fmt.Fprintf(&b, `<rect x="%.1f" y="%.1f" width="%.1f" height="14" fill="#f4f7fc" stroke="none" opacity="0.9"/>`+"\n", n.lx-w/2, n.ly-7, w)
		}
		// translate then rotate: the plainest transform, which every SVG renderer reads.
		fmt.Fprintf(&b, `<text transform="translate(%.1f %.1f) rotate(%.1f)" dy="0.35em" font-size="11" font-weight="%s" text-anchor="%s" fill="#111">%s</text>`+"\n",
			n.lx, n.ly, n.rotate, weight, n.anchor, html.EscapeString(n.label))
	}
	b.WriteString("</svg>")
	return b.String()
}

// pictureLegend explains the picture's colours and lines.
const pictureLegend = "Red: conflictual; green: cooperative; grey: neutral. Dashed: not asserted (a threat, a condition, a denial). Thicker: more articles."
