package main

import (
	"bufio"
	"bytes"
	"context"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

// TestWindowUnderXvfb starts the real binary on a fresh project in a real X window, waits
// for its window, screenshots it and checks the picture is not blank. CI installs Xvfb,
// xdotool and ImageMagick and sets CI=true, so there it always runs.
func TestWindowUnderXvfb(t *testing.T) {
	for _, tool := range []string{"Xvfb", "xdotool", "import", "identify"} {
		if _, err := exec.LookPath(tool); err != nil {
			if os.Getenv("CI") == "true" {
				t.Fatalf("%s is missing; CI must install xvfb, xdotool and imagemagick", tool)
			}
			t.Skipf("%s not installed (xvfb, xdotool, imagemagick); CI runs this test", tool)
		}
	}
	dir := t.TempDir()
	bin := filepath.Join(dir, "dossier")
	build := exec.Command("go", "build", "-tags", "migrated_fynedo", "-o", bin, ".")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("build: %v\n%s", err, out)
	}
	var xlog bytes.Buffer
	display := startXvfb(t, &xlog)

	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	var logs bytes.Buffer
	appCmd := exec.CommandContext(ctx, bin, "--db", filepath.Join(dir, "fresh.dossier"))
	appCmd.Env = append(os.Environ(), "DISPLAY="+display, "XDG_DATA_HOME="+dir, "HOME="+dir)
	appCmd.Stdout, appCmd.Stderr = &logs, &logs
	start := time.Now()
	if err := appCmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer func() { appCmd.Process.Kill(); appCmd.Wait() }()

	search := exec.CommandContext(ctx, "xdotool", "search", "--sync", "--onlyvisible", "--name", "Dossier")
	search.Env = append(os.Environ(), "DISPLAY="+display)
	if out, err := search.CombinedOutput(); err != nil || len(bytes.TrimSpace(out)) == 0 {
		t.Logf("display %s, xdotool: %s\nXvfb: %s", display, out, xlog.String())
		t.Fatalf("no Dossier window appeared: %v\napp output:\n%s", err, logs.String())
	}
	t.Logf("first window after %v", time.Since(start).Round(time.Millisecond))

	shot := filepath.Join(dir, "window.png")
	// The window maps before its first frame is drawn: take shots until one has content.
	var colours int
	for i := 0; i < 50 && colours < 8; i++ {
		imp := exec.Command("import", "-window", "root", shot)
		imp.Env = append(os.Environ(), "DISPLAY="+display)
		if out, err := imp.CombinedOutput(); err != nil {
			t.Fatalf("screenshot: %v %s", err, out)
		}
		out, err := exec.Command("identify", "-format", "%k", shot).Output()
		if err != nil {
			t.Fatal(err)
		}
		colours, _ = strconv.Atoi(strings.TrimSpace(string(out)))
	}
	if colours < 8 {
		t.Fatalf("the window is blank (%d colours)\napp output:\n%s", colours, logs.String())
	}
	t.Logf("screenshot has %d colours", colours)
	if dst := os.Getenv("DOSSIER_SCREENSHOT"); dst != "" {
		b, _ := os.ReadFile(shot)
		os.WriteFile(dst, b, 0o644)
	}
}

// startXvfb starts a virtual X server and returns its display once it accepts clients:
// with -displayfd, Xvfb picks a free display and writes its number when it is ready.
func startXvfb(t testing.TB, xvfbLog io.Writer) string {
	t.Helper()
	return startXvfbScreen(t, xvfbLog, "1400x900x24")
}

// startXvfbScreen is startXvfb with a screen of the given WxHxDEPTH.
func startXvfbScreen(t testing.TB, xvfbLog io.Writer, screen string) string {
	t.Helper()
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	xvfb := exec.Command("Xvfb", "-displayfd", "3", "-screen", "0", screen, "-nolisten", "tcp")
	xvfb.ExtraFiles = []*os.File{w}
	xvfb.Stderr = xvfbLog
	if err := xvfb.Start(); err != nil {
		t.Fatal(err)
	}
	w.Close()
	t.Cleanup(func() { xvfb.Process.Kill(); xvfb.Wait() })
	// Read the whole line: Xvfb writes the number and the newline separately, and dies if
	// the pipe is closed between the two.
	line, err := bufio.NewReader(r).ReadString('\n')
	r.Close()
	if err != nil || strings.TrimSpace(line) == "" {
		t.Fatalf("Xvfb did not start: %v", err)
	}
	return ":" + strings.TrimSpace(line)
}
