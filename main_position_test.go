package main

import (
	"context"
	"fmt"
	"image"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestPlaceWindow: a window goes back where it was left when that is within a screen's
// work area, is moved wholly into the work area it overlaps most when partly off it,
// keeps its title bar on screen when larger than the area, and is left to the window
// manager when it overlaps no screen any more.
func TestPlaceWindow(t *testing.T) {
	laptop := image.Rect(0, 0, 1366, 728) // 768 less a 40 px taskbar
	left := image.Rect(-1920, 0, 0, 1040) // a second screen left of the first
	frame := [4]int{4, 30, 4, 4}          // borders and a title bar
	for _, tt := range []struct {
		name      string
		pos, size image.Point
		frame     [4]int
		areas     []image.Rectangle
		want      image.Point
		ok        bool
	}{
		{"inside stays", image.Pt(100, 80), image.Pt(1000, 600), frame, []image.Rectangle{laptop}, image.Pt(100, 80), true},
		{"off the right and bottom moves in", image.Pt(900, 500), image.Pt(1000, 600), frame, []image.Rectangle{laptop}, image.Pt(362, 124), true},
		{"title bar above the top moves down", image.Pt(100, 10), image.Pt(1000, 600), frame, []image.Rectangle{laptop}, image.Pt(100, 30), true},
		{"larger than the area: top-left in it", image.Pt(50, 50), image.Pt(1600, 900), frame, []image.Rectangle{laptop}, image.Pt(4, 30), true},
		{"on the other screen stays there", image.Pt(-1500, 100), image.Pt(1000, 600), frame, []image.Rectangle{laptop, left}, image.Pt(-1500, 100), true},
		{"across two screens: into the one it overlaps most", image.Pt(-300, 100), image.Pt(1000, 600), frame, []image.Rectangle{laptop, left}, image.Pt(4, 100), true},
		{"screen unplugged: left to the window manager", image.Pt(-1500, 100), image.Pt(1000, 600), frame, []image.Rectangle{laptop}, image.Point{}, false},
		{"no screens known", image.Pt(100, 80), image.Pt(1000, 600), frame, nil, image.Point{}, false},
		{"minimised on Windows (-32000)", image.Pt(-32000, -32000), image.Pt(1000, 600), frame, []image.Rectangle{laptop}, image.Point{}, false},
	} {
		got, ok := placeWindow(tt.pos, tt.size, tt.frame, tt.areas)
		if got != tt.want || ok != tt.ok {
			t.Errorf("%s: placeWindow(%v, %v) = %v, %v; want %v, %v", tt.name, tt.pos, tt.size, got, ok, tt.want, tt.ok)
		}
		if !ok {
			continue
		}
		// The rule, whatever the case: the title bar's corner is in a work area.
		corner := got.Sub(image.Pt(tt.frame[0], tt.frame[1]))
		in := false
		for _, a := range tt.areas {
			in = in || corner.In(a)
		}
		if !in {
			t.Errorf("%s: the window's top-left corner %v is on no screen", tt.name, corner)
		}
	}
}

// TestWindowRemembersSizeAndPosition: the window opens at the size and place it was left
// at (moved and resized under Xvfb, the app then ended by SIGTERM as a session's end
// does), and a place remembered partly off the screen is moved onto it. Before, neither
// was kept: the size was set after Fyne's last save of the preferences, and dropped. Each
// run ends as soon as the preferences say what it checks: the app keeps them while it runs.
func TestWindowRemembersSizeAndPosition(t *testing.T) {
	for _, tool := range []string{"Xvfb", "xdotool"} {
		if _, err := exec.LookPath(tool); err != nil {
			if os.Getenv("CI") == "true" {
				t.Fatalf("%s is missing; CI must install xvfb and xdotool", tool)
			}
			t.Skipf("%s not installed (xvfb, xdotool); CI runs this test", tool)
		}
	}
	bin := dossierBinary(t)
	dir := t.TempDir()
	var xlog strings.Builder
	display := startXvfbScreen(t, &xlog, "1280x720x24")
	type geom struct{ x, y, w, h int }
	// session runs the app, waits for its window to show want (any place when want is
	// nil), runs act on it, and ends the app; it returns the geometry it saw.
	session := func(want func(geom) bool, act func(x func(...string) string, id string)) geom {
		ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
		defer cancel()
		x, id, end := startWindow(ctx, t, bin, display, dir, "p.dossier")
		defer end()
		var g geom
		look := func() geom {
			s := x("getwindowgeometry", "--shell", id)
			var win int
			fmt.Sscanf(s, "WINDOW=%d\nX=%d\nY=%d\nWIDTH=%d\nHEIGHT=%d", &win, &g.x, &g.y, &g.w, &g.h)
			return g
		}
		// The window is placed and sized just after it shows: look until it settles as
		// wanted, or give up after many looks (no clock involved).
		for range 300 {
			if g = look(); want(g) {
				break
			}
		}
		if act != nil {
			act(x, id)
		}
		return g
	}
	// Within 90% of the screen (a larger size is cut down to it: TestWindowFitsSmallScreen).
	prefsFile := filepath.Join(dir, "config", "fyne", appID, "preferences.json")
	readPrefs := func() string {
		b, _ := os.ReadFile(prefsFile)
		return string(b)
	}
	moved := geom{40, 20, 1100, 640}
	session(func(g geom) bool { return g.w > 0 }, func(x func(...string) string, id string) {
		x("windowmove", "--sync", id, "40", "20")
		x("windowsize", "--sync", id, "800", "500")
		x("windowsize", "--sync", id, "1100", "640")
		// The app keeps the size and place a moment after they settle, while it runs:
		// look until the preferences say so, before it is ended.
		want := `"window.height":640,"window.placed":true,"window.width":1100,"window.x":40,"window.y":20`
		for !strings.Contains(readPrefs(), want) {
			x("getwindowgeometry", id) // a look at the window between looks at the file
		}
	})
	if g := session(func(g geom) bool { return g == moved }, nil); g != moved {
		t.Fatalf("the window was left at %+v and opens at %+v", moved, g)
	}
	// Left partly off the screen's right and bottom (a screen that was larger): moved in.
	if err := os.WriteFile(prefsFile, []byte(`{"window.width":1000,"window.height":600,"window.placed":true,"window.x":1000,"window.y":500}`), 0o644); err != nil {
		t.Fatal(err)
	}
	in := geom{280, 120, 1000, 600} // no window manager under Xvfb: no frame around it
	if g := session(func(g geom) bool { return g == in }, nil); g != in {
		t.Fatalf("a window left partly off the 1280×720 screen opens at %+v, want %+v", g, in)
	}
}
