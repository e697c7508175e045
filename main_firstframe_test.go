package main

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"dossier/db"
	"dossier/db/dbtest"
)

// BenchmarkFirstFrame is issue 10's figure: the time from starting the real binary to its
// first drawn window, on a synthetic project of 100,000 articles, 5,000 actors and 100,000
// relations (DOSSIER_BENCH_ARTICLES makes it smaller). "mapped-ms" is when the window
// appears on the X server; "drawn-ms" when a screenshot of it first has content (more than
// a blank window's few colours). Screenshots take a few tens of milliseconds each, so
// drawn-ms is late by up to one screenshot. Needs Xvfb, xdotool and ImageMagick, as
// TestWindowUnderXvfb; the project is built once (a few minutes) and kept in the temp folder.
//
//	go test -tags migrated_fynedo -run '^$' -bench FirstFrame -benchtime 3x .
func BenchmarkFirstFrame(b *testing.B) {
	for _, tool := range []string{"Xvfb", "xdotool", "import", "identify"} {
		if _, err := exec.LookPath(tool); err != nil {
			b.Fatalf("%s is missing: install xvfb, xdotool and imagemagick (make test does)", tool)
		}
	}
	project := firstFrameProject(b)
	dir := b.TempDir()
	bin := filepath.Join(dir, "dossier")
	if out, err := exec.Command("go", "build", "-tags", "migrated_fynedo", "-o", bin, ".").CombinedOutput(); err != nil {
		b.Fatalf("build: %v\n%s", err, out)
	}
	display := startXvfbScreen(b, os.Stderr, "1400x900x24")
	env := append(os.Environ(), "DISPLAY="+display, "XDG_DATA_HOME="+dir, "HOME="+dir, "XDG_CONFIG_HOME="+dir)

	var mapped, drawn time.Duration
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		m, d := firstFrame(b, bin, project, env)
		mapped += m
		drawn += d
	}
	b.StopTimer()
	b.ReportMetric(float64(mapped.Milliseconds())/float64(b.N), "mapped-ms")
	b.ReportMetric(float64(drawn.Milliseconds())/float64(b.N), "drawn-ms")
}

// firstFrame starts the window on project and returns when it was mapped and first drawn.
func firstFrame(b *testing.B, bin, project string, env []string) (mapped, drawn time.Duration) {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	app := exec.CommandContext(ctx, bin, "--db", project)
	app.Env = env
	var logs strings.Builder
	app.Stdout, app.Stderr = &logs, &logs
	start := time.Now()
	if err := app.Start(); err != nil {
		b.Fatal(err)
	}
	// Killed, not quit: a clean quit would back the project up (minutes at this size).
	defer func() { app.Process.Kill(); app.Wait() }()
	search := exec.CommandContext(ctx, "xdotool", "search", "--sync", "--onlyvisible", "--name", "Dossier")
	search.Env = env
	if out, err := search.CombinedOutput(); err != nil {
		b.Fatalf("no window: %v %s\n%s", err, out, logs.String())
	}
	mapped = time.Since(start)
	shot := filepath.Join(b.TempDir(), "shot.png")
	for ctx.Err() == nil {
		imp := exec.Command("import", "-window", "root", shot)
		imp.Env = env
		if out, err := imp.CombinedOutput(); err != nil {
			b.Fatalf("screenshot: %v %s", err, out)
		}
		out, err := exec.Command("identify", "-format", "%k", shot).Output()
		if err != nil {
			b.Fatal(err)
		}
		if n, _ := strconv.Atoi(strings.TrimSpace(string(out))); n >= 8 {
			return mapped, time.Since(start)
		}
	}
	b.Fatalf("the window stayed blank\n%s", logs.String())
	return
}

// firstFrameProject is the synthetic project, built once and kept in the temp folder.
func firstFrameProject(b *testing.B) string {
	n := dbtest.Sizes{Articles: 100_000, Actors: 5_000, Relations: 100_000}
	if v := os.Getenv("DOSSIER_BENCH_ARTICLES"); v != "" {
		fmt.Sscan(v, &n.Articles)
		n.Relations = n.Articles
	}
	path := filepath.Join(os.TempDir(), fmt.Sprintf("dossier-firstframe-%d-%d-%d.dossier", n.Articles, n.Actors, n.Relations))
	if _, err := os.Stat(path); err == nil {
		return path
	}
	ctx := context.Background()
	tmp := path + ".building"
	os.Remove(tmp)
	s, err := db.Open(ctx, tmp)
	if err != nil {
		b.Fatal(err)
	}
	if err := dbtest.Synthesize(ctx, s.Path(), n, 1, nil); err != nil {
		b.Fatal(err)
	}
	if err := s.Close(); err != nil {
		b.Fatal(err)
	}
	if err := os.Rename(tmp, path); err != nil {
		b.Fatal(err)
	}
	return path
}
