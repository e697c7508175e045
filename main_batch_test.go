package main

import (
	"bytes"
	"context"
	"log"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"

	"dossier/app"
	"dossier/db"
)

var (
	buildOnce sync.Once
	builtBin  string
	buildErr  error
	buildOut  []byte
)

// dossierBinary builds the real binary once for the tests of this file.
func dossierBinary(t *testing.T) string {
	t.Helper()
	buildOnce.Do(func() {
		dir, err := os.MkdirTemp("", "dossier-bin-")
		if err != nil {
			buildErr = err
			return
		}
		builtBin = filepath.Join(dir, "dossier")
		buildOut, buildErr = exec.Command("go", "build", "-tags", "migrated_fynedo", "-o", builtBin, ".").CombinedOutput()
	})
	if buildErr != nil {
		t.Fatalf("build: %v\n%s", buildErr, buildOut)
	}
	return builtBin
}

func TestMain(m *testing.M) {
	code := m.Run()
	if builtBin != "" {
		os.RemoveAll(filepath.Dir(builtBin))
	}
	os.Exit(code)
}

// run runs the binary with exactly env (nothing inherited but PATH) and returns its exit
// code, stdout and stderr.
func runBinary(t *testing.T, bin string, env []string, args ...string) (int, string, string) {
	t.Helper()
	cmd := exec.Command(bin, args...)
	cmd.Env = append([]string{"PATH=" + os.Getenv("PATH")}, env...)
	var out, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	err := cmd.Run()
	code := 0
	if ee, ok := err.(*exec.ExitError); ok {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	return code, out.String(), errOut.String()
}

// TestBatchCommandsAreQuietUnderEveryLocale runs a session of batch commands under many
// locale settings: each must succeed with nothing at all on stderr (Fyne used to print
// "Fyne error: Error parsing user locale C" three times for C.UTF-8).
func TestBatchCommandsAreQuietUnderEveryLocale(t *testing.T) {
	bin := dossierBinary(t)
	locales := [][]string{
		{"LANG=C.UTF-8"}, {"LANG=C"}, {"LANG=POSIX"}, {"LANG=en_US.UTF-8"}, {"LANG=de_DE.UTF-8@euro"},
		{"LANG=de_DE@euro"}, {"LC_ALL=C.UTF-8"}, {"LC_ALL=C.utf8", "LANG=fr_FR.UTF-8"}, {"LC_MESSAGES=POSIX.UTF-8"},
		{"LANG=tr_TR.UTF-8", "LANGUAGE=tr:C.UTF-8:en"}, {"LANG=C.UTF-8", "LANGUAGE=::"}, {"LANG=not a locale"}, {},
	}
	for _, loc := range locales {
		t.Run(strings.Join(loc, " "), func(t *testing.T) {
			dir := t.TempDir()
			p := filepath.Join(dir, "p.dossier")
			article := filepath.Join(dir, "a.txt")
			os.WriteFile(article, []byte("Ferry service resumes\n\nThe island ferry sailed again on Monday after a week of storms kept it in port.\n"), 0o644)
			env := append([]string{"HOME=" + dir, "XDG_DATA_HOME=" + dir}, loc...)
			for _, args := range [][]string{
				{"version"}, {"help"}, {"list", "--help"},
				{"actor", "add", "--db", p, "--create", "--name", "Island Council", "--kind", "organization"},
				{"import", "--db", p, article},
				{"list", "articles", "--db", p}, {"list", "actors", "--db", p, "--json"},
				{"search", "--db", p, "ferry"}, {"export", "relations", "--db", p}, {"suggest", "--db", p},
				{"backup", "--db", p}, {"backup", "--db", p, "--out", filepath.Join(dir, "b.dossier")},
				{"restore", "--db", p, "--from", filepath.Join(dir, "b.dossier")},
			} {
				code, _, stderr := runBinary(t, bin, env, args...)
				if code != 0 || stderr != "" {
					t.Errorf("dossier %s: exit %d, stderr:\n%s", strings.Join(args, " "), code, stderr)
				}
			}
		})
	}
}

// TestNoDisplayPointsToHelp: started without a display, dossier says so in two lines that
// point to 'dossier help', exits 1, and creates no project.
func TestNoDisplayPointsToHelp(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("the display check is for Linux and the BSDs")
	}
	bin := dossierBinary(t)
	dir := t.TempDir()
	env := []string{"HOME=" + dir, "XDG_DATA_HOME=" + dir, "LANG=C.UTF-8"}
	for _, args := range [][]string{nil, {"--db", filepath.Join(dir, "x.dossier")}} {
		code, stdout, stderr := runBinary(t, bin, env, args...)
		if code != 1 {
			t.Errorf("%q: exit %d, want 1", args, code)
		}
		if !strings.Contains(stderr, "no display") || !strings.Contains(stderr, "dossier help") {
			t.Errorf("%q: stderr does not say there is no display and point to 'dossier help':\n%s", args, stderr)
		}
		for _, bad := range []string{"panic", "goroutine", "GLFW", "Fyne error"} {
			if strings.Contains(stderr, bad) {
				t.Errorf("%q: stderr shows %q:\n%s", args, bad, stderr)
			}
		}
		if n := strings.Count(stderr, "\n"); n > 2 || stdout != "" {
			t.Errorf("%q: %d lines on stderr, stdout %q", args, n, stdout)
		}
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("starting without a display left files behind: %v", entries)
	}
}

func TestNoDisplay(t *testing.T) {
	env := func(m map[string]string) func(string) string { return func(k string) string { return m[k] } }
	for _, tt := range []struct {
		goos string
		env  map[string]string
		want bool
	}{
		{"linux", map[string]string{}, true},
		{"linux", map[string]string{"DISPLAY": ":0"}, false},
		{"linux", map[string]string{"WAYLAND_DISPLAY": "wayland-0"}, false},
		{"freebsd", map[string]string{}, true},
		{"darwin", map[string]string{}, false},
		{"windows", map[string]string{}, false},
	} {
		if got := noDisplay(tt.goos, env(tt.env)) != ""; got != tt.want {
			t.Errorf("noDisplay(%s, %v) = %v", tt.goos, tt.env, got)
		}
	}
}

// TestWindowOpensDamagedProjectReadOnly: the window's way of opening a project falls back
// to a read-only store that reports the damage; the batch interface's refuses it.
func TestWindowOpensDamagedProjectReadOnly(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "p.dossier")
	st, err := db.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := st.CreateActor(ctx, app.Actor{Name: "Ada Keller", Kind: app.Person}); err != nil {
		t.Fatal(err)
	}
	leaves, _, pageSize, err := st.PagesOf(ctx, "actors")
	if err != nil {
		t.Fatal(err)
	}
	st.Close()
	f, _ := os.OpenFile(path, os.O_RDWR, 0)
	f.WriteAt(bytes.Repeat([]byte{0xA5}, pageSize), (leaves[0]-1)*int64(pageSize))
	f.Close()
	if _, err := openForCLI(ctx, path); !app.IsCode(err, app.ECORRUPT) {
		t.Fatalf("batch open of a damaged project: %v, want ECORRUPT", err)
	}
	s, err := openForGUI(ctx, path)
	if err != nil {
		t.Fatalf("the window could not open the damaged project: %v", err)
	}
	defer s.Close()
	if d := s.(*db.Store).Damage(); !strings.Contains(d, "page") {
		t.Fatalf("the read-only store reports %q", d)
	}
}

// TestFyneLogFilter: Fyne's report of a standard folder the desktop does not define (a
// file dialog writes it each time it opens) is dropped, every other report kept whole.
func TestFyneLogFilter(t *testing.T) {
	var out bytes.Buffer
	logger := log.New(&fyneLogFilter{w: &out}, "", log.LstdFlags)
	logger.Println("Fyne error: ", "Getting favorite locations")
	logger.Println("  Cause:", "this computer does not define a VIDEOS folder")
	logger.Printf("  At: %s:%d", "/fyne/dialog/file.go", 396)
	logger.Println("Fyne error: ", "Failed to open window")
	logger.Println("  Cause:", "no GL context")
	logger.Printf("  At: %s:%d", "/fyne/driver.go", 12)
	logger.Println("dossier: could not load the sample project")
	got := out.String()
	if strings.Contains(got, "favorite") || strings.Contains(got, "VIDEOS") || strings.Contains(got, "file.go") {
		t.Errorf("the harmless report got through:\n%s", got)
	}
	for _, want := range []string{"Failed to open window", "no GL context", "driver.go:12", "could not load the sample"} {
		if !strings.Contains(got, want) {
			t.Errorf("%q was dropped:\n%s", want, got)
		}
	}
}
