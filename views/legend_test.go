package views

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
)

// The legend never hides an entry past the right edge: at every width each entry lies
// inside the box, the legend grows a row when it must, and the graph keeps the rest.
func TestGraphLegendWrapsInsideItsWidth(t *testing.T) {
	test.NewTempApp(t)
	graphArea := canvas.NewRectangle(nil)
	box := withGraphLegend(graphArea)
	var lastHeight float32
	for _, width := range []float32{1400, 900, 600, 400, 250} {
		box.Resize(fyne.NewSize(width, 700))
		legend := box.Objects[1].(*fyne.Container)
		for i, o := range legend.Objects {
			right := o.Position().X + o.Size().Width
			bottom := legend.Position().Y + o.Position().Y + o.Size().Height
			if right > width+0.5 && o.Position().X > 0 {
				t.Errorf("width %v: entry %d ends at %v, past the edge", width, i, right)
			}
			if bottom > 700.5 {
				t.Errorf("width %v: entry %d ends at y %v, below the box", width, i, bottom)
			}
		}
		if legend.Size().Height < lastHeight {
			t.Errorf("width %v: legend %v high, lower than at a wider width (%v)", width, legend.Size().Height, lastHeight)
		}
		lastHeight = legend.Size().Height
		if got := graphArea.Size().Height + legend.Size().Height; got > 700.5 || got < 699.5 {
			t.Errorf("width %v: graph and legend take %v of 700", width, got)
		}
	}
	box.Resize(fyne.NewSize(1400, 700))
	wide := box.Objects[1].Size().Height
	if wide >= lastHeight {
		t.Errorf("the legend is %v high at 1400 and %v at 250: it does not wrap", wide, lastHeight)
	}
}
