package export

import (
	"strconv"

	"codeberg.org/go-pdf/fpdf"

	"dossier/app/graph"
)

// picture draws g's ego graph across the text width, on a new page when it does not fit
// in what is left of this one: the same picture as the HTML briefing's SVG, scaled to
// millimetres, with the notice ("Showing 40 of 95 relations") at its top and the legend
// under it.
func (p pdfWriter) picture(g *graph.Graph) {
	pic := newPicture(g)
	pageW, pageH := p.GetPageSize()
	width := pageW - 2*pdfMargin
	k := width / pic.w
	height := pic.h * k
	if p.GetY()+height+24 > pageH-pdfMargin {
		p.AddPage()
	}
	p.heading("Graph")
	x0, y0 := pdfMargin, p.GetY()
	at := func(q pt) (float64, float64) { return x0 + q.X*k, y0 + q.Y*k }

	p.SetFillColor(244, 247, 252) // the picture's ground, which the tests look for
	p.Rect(x0, y0, width, height, "F")
	p.SetFont(pdfFont, "", 9)
	p.SetTextColor(51, 51, 51)
	p.Text(x0+10*k, y0+18*k, pic.notice)

	p.SetLineCapStyle("round")
	p.SetLineJoinStyle("round")
	for _, e := range pic.edges {
		r, gr, b := hexRGB(e.color)
		p.SetDrawColor(r, gr, b)
		p.SetFillColor(r, gr, b)
		p.SetLineWidth(e.width * k)
		if e.dashed {
			p.SetDashPattern([]float64{5 * k, 3 * k}, 0)
		}
		for i := 1; i < len(e.path); i++ {
			ax, ay := at(e.path[i-1])
			bx, by := at(e.path[i])
			p.Line(ax, ay, bx, by)
		}
		p.SetDashPattern([]float64{}, 0)
		if e.directed {
			var tri []fpdf.PointType
			for _, q := range e.arrow() {
				x, y := at(q)
				tri = append(tri, fpdf.PointType{X: x, Y: y})
			}
			p.Polygon(tri, "F")
		}
	}
	p.SetDrawColor(255, 255, 255)
	p.SetLineWidth(0.25)
	for _, n := range pic.nodes {
		style := ""
		p.SetFillColor(92, 112, 137)
		if n.center {
			p.SetFillColor(26, 35, 126)
			style = "B"
		}
		x, y := at(pt{n.x, n.y})
		p.Circle(x, y, n.r*k, "FD")
		p.SetFont(pdfFont, style, 8)
		p.SetTextColor(17, 17, 17)
		label := shapeRTL(n.label)
		px, py := at(pt{n.lx, n.ly})
		lx, ly := px, py+1 // the baseline a little below the line from the centre
		switch n.anchor {
		case "end":
			lx -= p.GetStringWidth(label)
		case "middle":
			lx -= p.GetStringWidth(label) / 2
		}
		if n.center {
			// The centre's name sits among its edges: a patch of ground keeps it legible.
			p.SetFillColor(244, 247, 252)
			p.Rect(lx-0.8, ly-2.9, p.GetStringWidth(label)+1.6, 3.8, "F")
		}
		if n.rotate != 0 {
			p.TransformBegin()
			p.TransformRotate(-n.rotate, px, py) // fpdf turns counter-clockwise
		}
		p.Text(lx, ly, label)
		if n.rotate != 0 {
			p.TransformEnd()
		}
	}
	p.SetDrawColor(0, 0, 0)
	p.SetLineWidth(0.2)
	p.SetY(y0 + height + 2)
	p.SetTextColor(85, 85, 85)
	p.para("", 8.5, 4.3, pictureLegend)
	p.SetTextColor(17, 17, 17)
}

// hexRGB reads a "#rrggbb" colour; anything else is black.
func hexRGB(s string) (r, g, b int) {
	if len(s) != 7 || s[0] != '#' {
		return 0, 0, 0
	}
	v, err := strconv.ParseUint(s[1:], 16, 32)
	if err != nil {
		return 0, 0, 0
	}
	return int(v >> 16 & 0xff), int(v >> 8 & 0xff), int(v & 0xff)
}
