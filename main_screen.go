package main

import (
	"runtime"

	"fyne.io/fyne/v2"
	"github.com/go-gl/glfw/v3.3/glfw"
)

// screenShare is the most of the screen the window takes at start.
const screenShare = 0.9

// fitToScreen makes the window's first size fit the screen it opens on: once Fyne has
// started (GLFW is ready, on the main thread, before the first frame) the primary
// screen is measured and a size above 90% of it is cut down. Fyne's API says nothing of
// screens, so GLFW, which Fyne's window is made with, is asked directly.
// After it, then runs, on the main thread too (restorePosition).
func fitToScreen(a fyne.App, w fyne.Window, want fyne.Size, then func()) {
	a.Lifecycle().SetOnStarted(func() {
		defer then()
		screen, ok := primaryScreen()
		if !ok {
			return // the first size was chosen to fit a 1366×768 screen anyway
		}
		if fit := fitSize(want, screen); fit != want {
			w.Resize(fit)
		}
	})
}

// primaryScreen is the primary screen's size in Fyne's units, or false when GLFW cannot
// say (no monitor reported).
func primaryScreen() (fyne.Size, bool) {
	m := glfw.GetPrimaryMonitor()
	if m == nil {
		return fyne.Size{}, false
	}
	mode := m.GetVideoMode()
	if mode == nil || mode.Width <= 0 || mode.Height <= 0 {
		return fyne.Size{}, false
	}
	size := fyne.NewSize(float32(mode.Width), float32(mode.Height))
	// Elsewhere the mode is in pixels: a 150% display of 1920×1080 is 1280×720 of the
	// window's units. On macOS it is in points already.
	if sx, sy := m.GetContentScale(); runtime.GOOS != "darwin" && sx > 1 && sy > 1 {
		size = fyne.NewSize(size.Width/sx, size.Height/sy)
	}
	return size, true
}

// fitSize is want cut down to at most 90% of screen each way, but never below the
// window's minimum unless the screen itself is smaller than that.
func fitSize(want, screen fyne.Size) fyne.Size {
	limit := fyne.NewSize(screen.Width*screenShare, screen.Height*screenShare)
	fit := want.Min(limit)
	floor := minWindow.Min(screen)
	return fit.Max(floor)
}
