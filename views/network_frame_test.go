package views

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
)

// shownText is the text a widget puts on screen: its rendered canvas texts, not the
// field a caller set.
func shownText(o fyne.CanvasObject) string {
	var b strings.Builder
	var walk func(fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		switch x := o.(type) {
		case *canvas.Text:
			b.WriteString(x.Text)
		case fyne.Widget:
			for _, c := range test.WidgetRenderer(x).Objects() {
				walk(c)
			}
		case *fyne.Container:
			for _, c := range x.Objects {
				walk(c)
			}
		}
	}
	walk(o)
	return b.String()
}

// TestNetworkFrameTimeShown: the network's status line shows the draw time of the last
// frame after the first draw, after a pan and after a zoom, on screen (the label's
// rendered text), not only in its field.
func TestNetworkFrameTimeShown(t *testing.T) {
	f := newDossierFixture(t)
	n := f.u.networkScreen()
	f.u.win.SetContent(n.content())
	f.u.win.Resize(fyne.NewSize(1000, 700))
	n.load()
	paint := func(what string) {
		t.Helper()
		n.frame.SetText("")
		blank := shownText(n.frame) // blank before the frame
		if blank != "" {
			t.Fatalf("%s: the label was not cleared: %q", what, blank)
		}
		n.view.render(int(n.view.size.Width), int(n.view.size.Height))
		if got := shownText(n.frame); !strings.Contains(got, "last frame drawn in") || !strings.HasSuffix(got, " ms") {
			t.Fatalf("after %s the status line shows %q", what, got)
		}
	}
	if n.view.size.Width <= 0 {
		t.Fatal("the network view has no size")
	}
	paint("the first draw")
	n.view.Dragged(&fyne.DragEvent{PointEvent: fyne.PointEvent{Position: fyne.NewPos(5, 5)}, Dragged: fyne.NewDelta(12, 7)})
	n.view.DragEnd()
	paint("a pan")
	n.view.zoomBy(1.25)
	paint("a zoom")
}
