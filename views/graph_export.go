package views

import (
	"context"
	"fmt"
	"html"
	"image"
	"image/png"
	"io"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"

	"dossier/app"
)

// export asks where to save the graph as it is shown (positions, zoom, filter) as PNG
// or SVG; the notice ("Showing 200 of 1,340 relations") is written in the picture too.
func (t *dossierGraphTab) export(kind string) {
	if len(t.g.Nodes) == 0 {
		t.q.s.u.showInfo("Export the graph", "Open an actor’s dossier and its Graph tab first.")
		return
	}
	name := dossierFileName(t.q.s.d.Actor.Name)
	name = strings.TrimSuffix(name, ".csv") + "-graph." + kind
	pic, notice := t.view.pic, t.noticeText()
	w, h := float64(t.view.size.Width), float64(t.view.size.Height)
	write := func(out io.Writer) error {
		if kind == "svg" {
			return writeGraphSVG(out, pic, w, h, notice)
		}
		return writeGraphPNG(out, pic, w, h, notice)
	}
	saver := t.saveFile
	if saver == nil {
		saver = func(name string, write func(io.Writer) error) { saveWithDialog(t.q.s.u, name, kind, write) }
	}
	saver(name, write)
}

// writeGraphPNG draws the picture at twice the screen's size, with the notice at the top.
func writeGraphPNG(out io.Writer, pic *graphPicture, w, h float64, notice string) error {
	const scale = 2
	img := image.NewRGBA(image.Rect(0, 0, int(w*scale), int(h*scale)))
	cols := currentDrawColors()
	pic.draw(img, scale, cols)
	if face := graphFace(12 * scale); face != nil {
		drawLabel(img, face, notice, pt{w / 2, 12}, scale, cols.text, cols.bg, true)
	}
	return png.Encode(out, img)
}

// writeGraphSVG writes the same picture as vector graphics: a line or curve per edge
// (dashed when not asserted, with its wording as a title), a circle per actor with its
// name.
func writeGraphSVG(out io.Writer, pic *graphPicture, w, h float64, notice string) error {
	var b strings.Builder
	esc := html.EscapeString
	fmt.Fprintf(&b, `<svg xmlns="http://www.w3.org/2000/svg" width="%.0f" height="%.0f" viewBox="0 0 %.0f %.0f" font-family="sans-serif">`+"\n", w, h, w, h)
	b.WriteString(`<defs>`)
	for _, c := range []string{"cooperative", "conflictual", "neutral"} {
		col := polarityColor(app.Polarity(c))
		fmt.Fprintf(&b, `<marker id="arrow-%s" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="#%02x%02x%02x"/></marker>`, c, col.R, col.G, col.B)
	}
	b.WriteString("</defs>\n")
	fmt.Fprintf(&b, `<rect width="100%%" height="100%%" fill="white"/><text x="%.0f" y="16" text-anchor="middle" font-size="12">%s</text>`+"\n", w/2, esc(notice))
	idx := pic.index()
	for i, e := range pic.g.Edges {
		ps := pic.edgePath(i, idx)
		col := polarityColor(e.Polarity)
		var d strings.Builder
		for k, q := range ps {
			op := "L"
			if k == 0 {
				op = "M"
			}
			fmt.Fprintf(&d, "%s%.1f,%.1f ", op, q.X, q.Y)
		}
		dash := ""
		if e.Dashed {
			dash = ` stroke-dasharray="7,5"`
		}
		marker := ""
		if e.Directed {
			pol := string(e.Polarity)
			if pol == "" {
				pol = "neutral"
			}
			marker = fmt.Sprintf(` marker-end="url(#arrow-%s)"`, pol)
		}
		fmt.Fprintf(&b, `<path d="%s" fill="none" stroke="#%02x%02x%02x" stroke-width="%.1f"%s%s><title>%s</title></path>`+"\n",
			strings.TrimSpace(d.String()), col.R, col.G, col.B, edgeWidth(e), dash, marker, esc(edgeSummary(pic.g, e)))
		if pic.edgeLabelled(i) {
			m := labelPoint(ps, e)
			fmt.Fprintf(&b, `<text x="%.1f" y="%.1f" text-anchor="middle" font-size="11" fill="#%02x%02x%02x">%s</text>`+"\n", m.X, m.Y, col.R, col.G, col.B, esc(e.Label))
		}
	}
	labels := pic.labelled()
	for i, n := range pic.g.Nodes {
		c := pic.at(i)
		col := kindColor(n.Kind)
		fmt.Fprintf(&b, `<circle cx="%.1f" cy="%.1f" r="%.1f" fill="#%02x%02x%02x"><title>%s (%s, %d relations)</title></circle>`+"\n",
			c.X, c.Y, pic.radius(i), col.R, col.G, col.B, esc(n.Name), esc(n.Kind.Label()), n.Degree)
		if labels[i] {
			fmt.Fprintf(&b, `<text x="%.1f" y="%.1f" text-anchor="middle" font-size="12.5">%s</text>`+"\n", c.X, c.Y+pic.radius(i)+13, esc(n.Name))
		}
	}
	b.WriteString("</svg>\n")
	_, err := io.WriteString(out, b.String())
	return err
}

// saveWithDialog asks where to save a file of the given extension and writes it in the
// background.
func saveWithDialog(u *UI, name, ext string, write func(io.Writer) error) {
	d := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		if err != nil {
			u.showError(err)
			return
		}
		if w == nil {
			return
		}
		u.async(func(context.Context) {
			err := write(w)
			if cerr := w.Close(); err == nil && cerr != nil {
				err = cerr
			}
			if err != nil {
				u.showError(err)
				return
			}
			path := w.URI().Path()
			fyne.Do(func() { u.showInfo("Graph exported", "Saved to "+path+".") })
		})
	}, u.win)
	d.SetFileName(name)
	d.SetFilter(storage.NewExtensionFileFilter([]string{"." + ext}))
	d.Show()
}
