package views

import (
	"image"
	"math"
)

// Zooming a network of thousands of relations redraws every line, which takes longer
// than a frame. While the wheel turns, each frame is a preview instead: the last exact
// base (background and edges) scaled to the new zoom, with the actors and names drawn
// exactly over it; the exact picture is drawn once the wheel has rested (graphView).
// A pan, by contrast, moves the last frame and draws only the strips it uncovers.

// maxPreview is how far a preview may scale the last exact base, either way, before a
// frame is drawn whole again: further, its lines would look visibly thick or thin.
const maxPreview = 1.5

// zoomFrame returns p at w×h pixels while a zoom is under way: a preview when the last
// exact frame of this picture can be scaled to it, else a whole drawing.
func (c *frameCache) zoomFrame(p *graphPicture, w, h int, scale float64, cols drawColors) *image.RGBA {
	key := frameKey{p, p.zoom, p.stretch, scale, w, h, p.hoverNode, p.hoverEdge, p.selected, p.version, cols}
	base := c.layerKey
	base.zoom = p.zoom
	r := c.layerKey.zoom / p.zoom
	if c.layer == nil || base != key || r > maxPreview || r < 1/maxPreview {
		return c.frame(p, w, h, scale, cols)
	}
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	c.scaleLayer(img, p, scale, r, cols)
	p.drawOverlay(img, scale, cols)
	c.img, c.key, c.panX, c.panY, c.preview = img, key, p.panX, p.panY, true
	c.previews++
	return img
}

// scaleLayer draws the kept base into img as it would be at p's zoom and pan, each
// pixel taken from the nearest of the base's (r is the base's zoom over p's); what the
// base did not cover is background.
func (c *frameCache) scaleLayer(img *image.RGBA, p *graphPicture, scale, r float64, cols drawColors) {
	w, h := img.Bounds().Dx(), img.Bounds().Dy()
	lw, lh := c.layer.Bounds().Dx(), c.layer.Bounds().Dy()
	// A pixel at x shows the layout point that the base drew at
	// layerPan + (x - pan)·r (in pixels; the stretch is the same in both).
	at := func(x int, pan, layerPan float64, size int) int {
		v := math.Floor(layerPan*scale + (float64(x)+0.5-pan*scale)*r)
		if v < 0 || v >= float64(size) {
			return -1
		}
		return int(v)
	}
	xs := make([]int, w)
	for x := range xs {
		xs[x] = at(x, p.panX, c.layerPanX, lw)
	}
	bg := [4]uint8{cols.bg.R, cols.bg.G, cols.bg.B, 0xff}
	for y := range h {
		row := img.Pix[y*img.Stride : y*img.Stride+4*w]
		ly := at(y, p.panY, c.layerPanY, lh)
		for x, lx := range xs {
			if ly < 0 || lx < 0 {
				copy(row[4*x:4*x+4], bg[:])
				continue
			}
			o := ly*c.layer.Stride + 4*lx
			copy(row[4*x:4*x+4], c.layer.Pix[o:o+4])
		}
	}
}
