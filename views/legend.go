package views

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"dossier/app"
)

// withGraphLegend puts the legend of colours and strokes under a graph. The legend's
// entries wrap onto as many rows as the width needs, so none is ever hidden past the
// window's edge: the layout that places both knows the width, and so the legend's height.
func withGraphLegend(graphView fyne.CanvasObject) *fyne.Container {
	legend := container.New(wrapLayout{}, graphLegendEntries()...)
	return container.New(legendBelow{}, graphView, legend)
}

func graphLegendEntries() []fyne.CanvasObject {
	var items []fyne.CanvasObject
	for _, p := range []app.Polarity{app.Cooperative, app.Conflictual, app.Neutral} {
		items = append(items, legendEntry(dossierPolarityMark(p), string(p)))
	}
	for _, s := range []string{"dashed: not asserted", "thicker: more articles", "bigger: more relations"} {
		items = append(items, legendEntry(nil, s))
	}
	for _, k := range app.ActorKinds {
		dot := canvas.NewCircle(kindColor(k))
		items = append(items, legendEntry(container.NewCenter(container.NewGridWrap(fyne.NewSize(10, 10), dot)), k.Label()))
	}
	return items
}

// legendEntry keeps a mark and its word together when the legend wraps.
func legendEntry(mark fyne.CanvasObject, text string) fyne.CanvasObject {
	l := widget.NewLabel(text)
	if mark == nil {
		return l
	}
	return container.NewHBox(mark, l)
}

// wrapLayout places objects left to right in rows of equal height, starting a new row
// when the next object would pass the right edge; a gap keeps one entry from the next.
type wrapLayout struct{}

// wrapPositions gives where each object goes at the given width, and the height used.
func wrapPositions(objects []fyne.CanvasObject, width float32) ([]fyne.Position, float32) {
	var h float32
	for _, o := range objects {
		h = fyne.Max(h, o.MinSize().Height)
	}
	pos := make([]fyne.Position, len(objects))
	x, y := float32(0), float32(0)
	for i, o := range objects {
		w := o.MinSize().Width
		if x > 0 && x+w > width {
			x, y = 0, y+h
		}
		pos[i] = fyne.NewPos(x, y)
		x += w + 2*theme.Padding()
	}
	if len(objects) == 0 {
		return pos, 0
	}
	return pos, y + h
}

func (wrapLayout) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	pos, _ := wrapPositions(objects, size.Width)
	for i, o := range objects {
		o.Resize(o.MinSize())
		o.Move(pos[i])
	}
}

// MinSize is the widest entry on as many rows as that narrowest width needs.
func (wrapLayout) MinSize(objects []fyne.CanvasObject) fyne.Size {
	var w float32
	for _, o := range objects {
		w = fyne.Max(w, o.MinSize().Width)
	}
	_, h := wrapPositions(objects, w)
	return fyne.NewSize(w, h)
}

// legendBelow places objects[0] above objects[1], a wrapping legend given the height its
// entries need at the full width.
type legendBelow struct{}

func (legendBelow) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	legend := objects[1].(*fyne.Container)
	_, h := wrapPositions(legend.Objects, size.Width)
	objects[0].Resize(fyne.NewSize(size.Width, fyne.Max(0, size.Height-h)))
	objects[0].Move(fyne.NewPos(0, 0))
	legend.Resize(fyne.NewSize(size.Width, h))
	legend.Move(fyne.NewPos(0, size.Height-h))
}

// MinSize asks for one row of legend: at a narrow width the legend's further rows take
// their room from the graph rather than make the window taller.
func (legendBelow) MinSize(objects []fyne.CanvasObject) fyne.Size {
	top := objects[0].MinSize()
	legend := objects[1].(*fyne.Container)
	var w, h float32
	for _, o := range legend.Objects {
		s := o.MinSize()
		w, h = fyne.Max(w, s.Width), fyne.Max(h, s.Height)
	}
	return fyne.NewSize(fyne.Max(top.Width, w), top.Height+h)
}
