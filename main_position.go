package main

import (
	"image"
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver"
	"github.com/go-gl/glfw/v3.3/glfw"
)

// The window's position. Fyne 2.7.1 has no API to read or set where a window is, but its
// desktop window is a GLFW window, which has one (glfwGetWindowPos, glfwSetWindowPos), and
// Fyne's window type has an exported RunWithContext that makes that window's GL context
// current on the calling thread, where glfw.GetCurrentContext returns the window. Both run
// on the main thread (Fyne's OnStarted, fyne.Do). driver.NativeWindow's RunNative gives
// only the platform's handle (an X11 window id, an HWND, an NSWindow), which would need
// each platform's own calls; it is used here to know that the window exists. Wayland has
// no positions for clients at all (its protocol leaves them to the compositor), so there
// nothing is kept or restored.

const prefX, prefY, prefPlaced = "window.x", "window.y", "window.placed"

// contextRunner is Fyne's desktop window's RunWithContext.
type contextRunner interface{ RunWithContext(func()) }

// withGLFWWindow calls fn with w's GLFW window, on the main thread; false when there is
// none to call it with (not the desktop driver, the window not made yet, or Wayland).
func withGLFWWindow(w fyne.Window, fn func(*glfw.Window)) bool {
	r, ok := w.(contextRunner)
	nw, ok2 := w.(driver.NativeWindow)
	if !ok || !ok2 {
		return false
	}
	made := false
	nw.RunNative(func(c any) {
		switch c := c.(type) {
		case driver.X11WindowContext:
			made = c.WindowHandle != 0
		case driver.WindowsWindowContext:
			made = c.HWND != 0
		case driver.MacWindowContext:
			made = c.NSWindow != 0
		}
	})
	if !made {
		return false
	}
	done := false
	r.RunWithContext(func() {
		if g := glfw.GetCurrentContext(); g != nil {
			fn(g)
			done = true
		}
	})
	return done
}

// windowPlace follows where the window is and keeps it, with the window's size, in the
// preferences a moment after each move or resize. Kept while the app runs, not only as
// it ends: Fyne 2.7.1 can drop the OnStopped hook at quit (its main loop, draining its
// queue, signals the functions still queued without running them), and with it the
// preferences' last save.
type windowPlace struct {
	mu    sync.Mutex
	at    image.Point
	known bool
	save  *time.Timer
	keep  func() // writes the size and place into the preferences, on the main thread
}

// settle is how long after a move or resize the window's size and place are kept: a
// drag is many moves, and kept once.
const settle = 500 * time.Millisecond

func (p *windowPlace) set(x, y int) {
	p.mu.Lock()
	p.at, p.known = image.Pt(x, y), true
	p.mu.Unlock()
}

func (p *windowPlace) get() (image.Point, bool) {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.at, p.known
}

// changed keeps the size and place once they have settled.
func (p *windowPlace) changed() {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.keep == nil {
		return
	}
	if p.save != nil {
		p.save.Stop()
	}
	keep := p.keep
	p.save = time.AfterFunc(settle, func() { fyne.Do(keep) })
}

// restorePosition puts the window where it was left, moved into the visible part of a
// screen (placeWindow), then follows its moves and resizes and keeps them (windowPlace).
// Run on the main thread once the window is made (Fyne's OnStarted).
func restorePosition(w fyne.Window, prefs fyne.Preferences, place *windowPlace) {
	withGLFWWindow(w, func(g *glfw.Window) {
		if at, ok := rememberedPosition(prefs); ok {
			width, height := g.GetSize()
			left, top, right, bottom := g.GetFrameSize()
			if to, ok := placeWindow(at, image.Pt(width, height), [4]int{left, top, right, bottom}, workAreas()); ok {
				g.SetPos(to.X, to.Y)
			}
		}
		place.set(g.GetPos())
		place.mu.Lock()
		place.keep = func() {
			rememberSize(prefs, w.Canvas().Size())
			rememberPosition(prefs, place)
		}
		place.mu.Unlock()
		// Fyne follows the moves and resizes itself: its callbacks are kept and called first.
		var fyneMoved glfw.PosCallback
		fyneMoved = g.SetPosCallback(func(gw *glfw.Window, x, y int) {
			if fyneMoved != nil {
				fyneMoved(gw, x, y)
			}
			place.set(x, y)
			place.changed()
		})
		var fyneResized glfw.SizeCallback
		fyneResized = g.SetSizeCallback(func(gw *glfw.Window, width, height int) {
			if fyneResized != nil {
				fyneResized(gw, width, height)
			}
			place.changed()
		})
	})
}

// workAreas are the visible parts of the screens (less taskbars, docks and panels), in
// GLFW's screen coordinates, as window positions are.
func workAreas() []image.Rectangle {
	var areas []image.Rectangle
	for _, m := range glfw.GetMonitors() {
		x, y, w, h := m.GetWorkarea()
		if w > 0 && h > 0 {
			areas = append(areas, image.Rect(x, y, x+w, y+h))
		}
	}
	return areas
}

// rememberedPosition is where the window was left, if it was.
func rememberedPosition(p fyne.Preferences) (image.Point, bool) {
	if !p.Bool(prefPlaced) {
		return image.Point{}, false
	}
	return image.Pt(p.Int(prefX), p.Int(prefY)), true
}

// rememberPosition keeps where the window is for the next start; an unknown one (the
// window never made, or Wayland) leaves the last one kept.
func rememberPosition(p fyne.Preferences, place *windowPlace) {
	at, ok := place.get()
	if !ok {
		return
	}
	p.SetInt(prefX, at.X)
	p.SetInt(prefY, at.Y)
	p.SetBool(prefPlaced, true)
}

// placeWindow returns where the window whose content's top-left corner was left at pos
// goes now: its frame (the content of size with the decorations' widths frame: left,
// top, right, bottom around it) moved wholly into the work area it overlaps most, or, in
// one too small for it, with its top-left corner (the title bar) in it. False when it
// overlaps none (a screen unplugged since, a position off every screen): the window
// manager places it then.
func placeWindow(pos, size image.Point, frame [4]int, areas []image.Rectangle) (image.Point, bool) {
	outer := image.Rect(pos.X-frame[0], pos.Y-frame[1], pos.X+size.X+frame[2], pos.Y+size.Y+frame[3])
	best, most := image.Rectangle{}, 0
	for _, a := range areas {
		in := outer.Intersect(a)
		if n := in.Dx() * in.Dy(); n > most {
			best, most = a, n
		}
	}
	if most == 0 {
		return image.Point{}, false
	}
	dx := shiftInto(outer.Min.X, outer.Max.X, best.Min.X, best.Max.X)
	dy := shiftInto(outer.Min.Y, outer.Max.Y, best.Min.Y, best.Max.Y)
	return pos.Add(image.Pt(dx, dy)), true
}

// shiftInto is how far to move the span lo–hi so that it lies within min–max, or, longer
// than that, starts at min.
func shiftInto(lo, hi, min, max int) int {
	d := 0
	if hi > max {
		d = max - hi
	}
	if lo+d < min {
		d = min - lo
	}
	return d
}
