package main

import (
	"context"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/BurntSushi/toml"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"dossier/app"
	"dossier/db"
)

// TestOneVersionAndID: FyneApp.toml (read by fyne package for the installers' version and
// id) says the version and id the binary uses, its website is not a placeholder, and the
// Makefile stamps the tag into the variable the binary reads.
func TestOneVersionAndID(t *testing.T) {
	var meta struct {
		Website string
		Details struct{ ID, Version, Name string }
	}
	if _, err := toml.DecodeFile("FyneApp.toml", &meta); err != nil {
		t.Fatal(err)
	}
	if meta.Details.Version != app.BaseVersion {
		t.Errorf("FyneApp.toml says version %q, app.BaseVersion %q", meta.Details.Version, app.BaseVersion)
	}
	if meta.Details.ID != appID {
		t.Errorf("FyneApp.toml says id %q, main uses %q", meta.Details.ID, appID)
	}
	if strings.Contains(meta.Website, "example.") || !strings.HasPrefix(meta.Website, "https://") {
		t.Errorf("FyneApp.toml's website is a placeholder: %q", meta.Website)
	}
	// The id's reverse-DNS must match the website (github.com/OWNER → io.github.OWNER, with
	// - as _ as AppStream asks).
	owner := strings.Split(strings.TrimPrefix(meta.Website, "https://github.com/"), "/")[0]
	if want := "io.github." + strings.ReplaceAll(owner, "-", "_") + "."; !strings.HasPrefix(appID, want) {
		t.Errorf("id %q does not match the website %q (want %s…)", appID, meta.Website, want)
	}
	mk, err := os.ReadFile("Makefile")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(mk), "-X dossier/app.Version=$(VERSION)") || !strings.Contains(string(mk), "git describe --tags") {
		t.Error("the Makefile does not set dossier/app.Version from git describe --tags")
	}
}

// TestVersionFromLdflags: a binary built as the Makefile builds a tagged release reports
// the tag's version in `dossier version`.
func TestVersionFromLdflags(t *testing.T) {
	bin := filepath.Join(t.TempDir(), "dossier")
	build := exec.Command("go", "build", "-tags", "migrated_fynedo", "-ldflags", "-X dossier/app.Version=v7.8.9", "-o", bin, ".")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("build: %v\n%s", err, out)
	}
	code, out, errOut := runBinary(t, bin, nil, "version")
	if code != 0 || out != "dossier 7.8.9\n" || errOut != "" {
		t.Errorf("version: exit %d, %q, stderr %q", code, out, errOut)
	}
}

func TestProjectArg(t *testing.T) {
	dir := t.TempDir()
	existing := filepath.Join(dir, "notes.db")
	if err := os.WriteFile(existing, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		args []string
		db   string
		want string
	}{
		{[]string{filepath.Join(dir, "new.dossier")}, "", filepath.Join(dir, "new.dossier")},
		{[]string{filepath.Join(dir, "Case.DOSSIER")}, "", filepath.Join(dir, "Case.DOSSIER")},
		{[]string{existing}, "", existing},        // any existing file: "Open with"
		{[]string{dir}, "", ""},                   // a folder is not a project
		{[]string{"nosuch.txt"}, "", ""},          // unknown words go to the batch interface
		{[]string{"import"}, "", ""},              // a command stays a command
		{[]string{existing, existing}, "", ""},    // one project at a time
		{[]string{existing}, "other.dossier", ""}, // --db and a path: reported, not chosen
		{nil, "", ""},
	} {
		got, ok := projectArg(tt.args, tt.db)
		if got != tt.want || ok != (tt.want != "") {
			t.Errorf("projectArg(%q, %q) = %q, %v; want %q", tt.args, tt.db, got, ok, tt.want)
		}
	}
}

// TestExpandWildcards runs on every OS: it asks for Windows' behaviour by name.
func TestExpandWildcards(t *testing.T) {
	dir := t.TempDir()
	for _, n := range []string{"b.txt", "a.txt", "c.md", "q1.txt"} {
		if err := os.WriteFile(filepath.Join(dir, n), []byte("x"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	j := func(n string) string { return filepath.Join(dir, n) }
	for _, tt := range []struct {
		goos string
		args []string
		want []string
	}{
		{"windows", []string{"import", j("*.txt")}, []string{"import", j("a.txt"), j("b.txt"), j("q1.txt")}},
		{"windows", []string{"import", "--db", j("*.md"), j("q?.txt"), j("c.md")}, []string{"import", "--db", j("*.md"), j("q1.txt"), j("c.md")}},
		{"windows", []string{"import", "--db=" + j("x.dossier"), j("*.md")}, []string{"import", "--db=" + j("x.dossier"), j("c.md")}},
		{"windows", []string{"import", j("*.pdf")}, []string{"import", j("*.pdf")}}, // no match: named as not found
		{"windows", []string{"import", "--", j("*.md")}, []string{"import", "--", j("c.md")}},
		{"windows", []string{"relate", "Who?", j("*.txt")}, []string{"relate", "Who?", j("*.txt")}},
		{"linux", []string{"import", j("*.txt")}, []string{"import", j("*.txt")}}, // the shell expanded it already
		{"darwin", []string{"import", j("*.txt")}, []string{"import", j("*.txt")}},
	} {
		if got := expandWildcards(tt.goos, tt.args); !slices.Equal(got, tt.want) {
			t.Errorf("%s %q:\n got %q\nwant %q", tt.goos, tt.args, got, tt.want)
		}
	}
}

// TestDefaultProjectFor: XDG_DATA_HOME counts on Linux and the BSDs only.
func TestDefaultProjectFor(t *testing.T) {
	env := func(v string) func(string) string {
		return func(k string) string {
			if k == "XDG_DATA_HOME" {
				return v
			}
			return ""
		}
	}
	home, config := filepath.FromSlash("/home/ada"), filepath.FromSlash("/cfg")
	xdg := filepath.FromSlash("/xdg")
	for _, tt := range []struct {
		goos, xdg, want string
	}{
		{"linux", xdg, filepath.Join(xdg, "Dossier", "research.dossier")},
		{"freebsd", xdg, filepath.Join(xdg, "Dossier", "research.dossier")},
		{"linux", "", filepath.Join(home, ".local", "share", "Dossier", "research.dossier")},
		{"linux", "relative/dir", filepath.Join(home, ".local", "share", "Dossier", "research.dossier")},
		{"darwin", xdg, filepath.Join(config, "Dossier", "research.dossier")},
		{"windows", xdg, filepath.Join(config, "Dossier", "research.dossier")},
		{"windows", "", filepath.Join(config, "Dossier", "research.dossier")},
	} {
		if got := defaultProjectFor(tt.goos, env(tt.xdg), home, config); got != tt.want {
			t.Errorf("%s with XDG_DATA_HOME=%q: %s, want %s", tt.goos, tt.xdg, got, tt.want)
		}
	}
}

// TestKeepEarlierDefault: on a BSD whose project is still in the config folder, that
// project stays the default; everywhere else, and once the new one exists, the new path.
func TestKeepEarlierDefault(t *testing.T) {
	newP, old := "/home/ada/.local/share/Dossier/research.dossier", "/home/ada/.config/Dossier/research.dossier"
	has := func(paths ...string) func(string) bool {
		return func(p string) bool { return slices.Contains(paths, p) }
	}
	for _, tt := range []struct {
		goos   string
		exists func(string) bool
		want   string
	}{
		{"freebsd", has(old), old},
		{"openbsd", has(old, newP), newP},
		{"freebsd", has(), newP},
		{"linux", has(old), newP},
		{"windows", has(old), newP},
	} {
		if got := keepEarlierDefault(tt.goos, newP, old, tt.exists); got != tt.want {
			t.Errorf("%s: %s, want %s", tt.goos, got, tt.want)
		}
	}
}

// TestWindowSize: the first size fits a 1366×768 screen less a taskbar and title bar
// (at most 90% of it); after that the last size is used, within the minimum and a sane
// maximum.
func TestWindowSize(t *testing.T) {
	p := test.NewTempApp(t).Preferences()
	if s := firstSize(p); s != defaultWindow {
		t.Fatalf("first start: %v", s)
	}
	if defaultWindow.Width > 0.9*1366 || defaultWindow.Height > 0.9*768 {
		t.Errorf("the first size %v is more than 90%% of a 1366×768 screen", defaultWindow)
	}
	if defaultWindow.Height > 768-40-30 {
		t.Errorf("the first size %v is taller than a 1366×768 screen less taskbar and title bar", defaultWindow)
	}
	for _, tt := range []struct{ left, want fyne.Size }{
		{fyne.NewSize(1500, 950), fyne.NewSize(1500, 950)},
		{fyne.NewSize(0, 0), fyne.NewSize(1500, 950)}, // a window that never drew keeps the last size
		{fyne.NewSize(300, 200), minWindow},
		{fyne.NewSize(90000, 700), defaultWindow},
	} {
		rememberSize(p, tt.left)
		if got := firstSize(p); got != tt.want {
			t.Errorf("left at %v, opens at %v; want %v", tt.left, got, tt.want)
		}
	}
}

// TestWindowOpensProjectArgumentAndQuitsClean: `dossier PATH.dossier` (a file association,
// "Open with") opens that project in the window, and when the session ends the app
// (SIGTERM) the project is closed: no -wal or -shm is left beside it.
func TestWindowOpensProjectArgumentAndQuitsClean(t *testing.T) {
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
	project := filepath.Join(dir, "Harbour inquiry.dossier")
	st, err := db.Create(context.Background(), project)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := st.CreateActor(context.Background(), app.Actor{Name: "Ilse Brandt", Kind: app.Person}); err != nil {
		t.Fatal(err)
	}
	st.Close()
	var xlog strings.Builder
	display := startXvfb(t, &xlog)
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	var logs strings.Builder
	cmd := exec.CommandContext(ctx, bin, project)
	cmd.Env = append(os.Environ(), "DISPLAY="+display, "XDG_DATA_HOME="+dir, "HOME="+dir)
	cmd.Stdout, cmd.Stderr = &logs, &logs
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	// An ASCII part of the title: xdotool matches names as regular expressions in the C
	// locale when the test machine lacks en_US.UTF-8, where the em dash never matches.
	search := exec.CommandContext(ctx, "xdotool", "search", "--sync", "--onlyvisible", "--name", "Harbour inquiry")
	search.Env = append(os.Environ(), "DISPLAY="+display)
	if out, err := search.CombinedOutput(); err != nil || len(strings.TrimSpace(string(out))) == 0 {
		names, _ := exec.Command("xwininfo", "-display", display, "-root", "-tree").CombinedOutput()
		cmd.Process.Kill()
		cmd.Wait()
		t.Fatalf("no window on the project given as argument: %v %s\nwindows: %s\napp output:\n%s", err, out, names, logs.String())
	}
	if _, err := os.Stat(project + "-wal"); err != nil {
		t.Fatalf("the open project has no -wal (%v): the test proves nothing", err)
	}
	// The pointer keeps moving over the window while the signal arrives: Fyne 2.7.1's GLFW
	// driver crashed (a nil window in SetInputMode) when a pointer move reached a window
	// already closed, which a quit that closes windows made possible (see README).
	moves := []string{}
	for i := 0; i < 150; i++ {
		moves = append(moves, "mousemove", fmt.Sprint(100+(i*37)%900), fmt.Sprint(100+(i*53)%600))
	}
	wiggle := exec.CommandContext(ctx, "xdotool", moves...)
	wiggle.Env = append(os.Environ(), "DISPLAY="+display)
	if err := wiggle.Start(); err != nil {
		t.Fatal(err)
	}
	if err := cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	wiggle.Wait()
	if err := cmd.Wait(); err != nil {
		t.Fatalf("the app did not end cleanly: %v\n%s", err, logs.String())
	}
	for _, side := range []string{"-wal", "-shm"} {
		if _, err := os.Stat(project + side); !os.IsNotExist(err) {
			t.Errorf("%s left beside the project after quitting (%v)", side, err)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "Dossier", "research.dossier")); !os.IsNotExist(err) {
		t.Errorf("the default project was made although a project was given (%v)", err)
	}
}

// TestMessagesUseTheOSWords is the rule behind app/oswords.go: no string in the shipped
// code (app, db, views, main) writes an OS-specific word for file access ("permission",
// "chmod") itself; such words come from the helpers there, which pick the OS's own.
func TestMessagesUseTheOSWords(t *testing.T) {
	var files []string
	for _, dir := range []string{".", "app", "db", "views"} {
		err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if d.IsDir() && p != dir && (dir == "." || strings.HasPrefix(d.Name(), ".") || d.Name() == "testdata") {
				return filepath.SkipDir
			}
			if strings.HasSuffix(p, ".go") && !strings.HasSuffix(p, "_test.go") && p != filepath.Join("app", "oswords.go") {
				files = append(files, p)
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	fset := token.NewFileSet()
	for _, p := range files {
		f, err := parser.ParseFile(fset, p, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(f, func(n ast.Node) bool {
			lit, ok := n.(*ast.BasicLit)
			if !ok || lit.Kind != token.STRING {
				return true
			}
			s, _ := strconv.Unquote(lit.Value)
			for _, w := range []string{"permission", "chmod"} {
				if strings.Contains(strings.ToLower(s), w) {
					t.Errorf("%s: %q says %q itself; use a helper of app/oswords.go", fset.Position(lit.Pos()), s, w)
				}
			}
			return true
		})
	}
	if len(files) < 50 {
		t.Fatalf("only %d files read: the rule checks nothing", len(files))
	}
}

// TestSymlinkTestsSkipWithReason: every test that makes a symbolic link makes its first one
// with symlinkOrSkip, which skips saying why where the OS or account cannot (Windows
// without Developer Mode); a bare os.Symlink first would fail there instead.
func TestSymlinkTestsSkipWithReason(t *testing.T) {
	fset := token.NewFileSet()
	checked := 0
	err := filepath.WalkDir(".", func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, "_test.go") {
			return err
		}
		f, err := parser.ParseFile(fset, p, nil, 0)
		if err != nil {
			return err
		}
		for _, decl := range f.Decls {
			fn, ok := decl.(*ast.FuncDecl)
			if !ok || fn.Body == nil || fn.Name.Name == "symlinkOrSkip" {
				continue
			}
			first := "" // the first call that makes a link in this function
			ast.Inspect(fn.Body, func(n ast.Node) bool {
				call, ok := n.(*ast.CallExpr)
				if !ok || first != "" {
					return first == ""
				}
				switch c := call.Fun.(type) {
				case *ast.Ident:
					if c.Name == "symlinkOrSkip" {
						first = "symlinkOrSkip"
					}
				case *ast.SelectorExpr:
					if x, ok := c.X.(*ast.Ident); ok && x.Name == "os" && c.Sel.Name == "Symlink" {
						first = "os.Symlink"
					}
				}
				return true
			})
			if first != "" {
				checked++
			}
			if first == "os.Symlink" {
				t.Errorf("%s: %s makes its first link with os.Symlink; use symlinkOrSkip", p, fn.Name.Name)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if checked == 0 {
		t.Fatal("no test makes a link: the rule checks nothing")
	}
}

func TestFitSize(t *testing.T) {
	for _, tt := range []struct{ want, screen, fit fyne.Size }{
		{defaultWindow, fyne.NewSize(1920, 1080), defaultWindow},
		{defaultWindow, fyne.NewSize(1366, 768), fyne.NewSize(1200, 690)},
		{defaultWindow, fyne.NewSize(1280, 720), fyne.NewSize(1152, 648)},
		{fyne.NewSize(2400, 1400), fyne.NewSize(1920, 1080), fyne.NewSize(1728, 972)}, // left big on another screen
		{defaultWindow, fyne.NewSize(800, 600), fyne.NewSize(800, 560)},               // the minimum, as the screen allows
		{defaultWindow, fyne.NewSize(640, 480), fyne.NewSize(640, 480)},
	} {
		if got := fitSize(tt.want, tt.screen); got != tt.fit {
			t.Errorf("fitSize(%v on %v) = %v, want %v", tt.want, tt.screen, got, tt.fit)
		}
	}
}

// TestWindowFitsSmallScreen: on a 1280×720 screen the window opens within 90% of it (the
// fixed 1280×820 it asked for before was taller than the screen), and the size it is left
// at is the size it opens at next time.
func TestWindowFitsSmallScreen(t *testing.T) {
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
	geometry := func() (w, h int) {
		ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
		defer cancel()
		x, id, end := startWindow(ctx, t, bin, display, dir, "small.dossier")
		defer end()
		// The first frame may come before the fit: wait until the size settles below the
		// screen, or give up after many looks (no clock involved).
		for range 200 {
			g := x("getwindowgeometry", "--shell", id)
			fmt.Sscanf(g[strings.Index(g, "WIDTH="):], "WIDTH=%d\nHEIGHT=%d", &w, &h)
			if w > 0 && float64(w) <= 0.9*1280+1 && float64(h) <= 0.9*720+1 {
				break
			}
		}
		return w, h
	}
	w, h := geometry()
	if float64(w) > 0.9*1280+1 || float64(h) > 0.9*720+1 || w < 600 || h < 400 {
		t.Fatalf("on a 1280×720 screen the window is %d×%d; want at most 90%% of the screen", w, h)
	}
	t.Logf("on a 1280×720 screen the window opens at %d×%d", w, h)
	w2, h2 := geometry()
	if w2 != w || h2 != h {
		t.Errorf("the window was left at %d×%d and opens at %d×%d", w, h, w2, h2)
	}
}

// startWindow starts the app on project (in dir) on display and waits for its window. It
// returns x, which runs xdotool there (failing the test with the app's output), the
// window's id, and end, which ends the app by SIGTERM and checks it ended cleanly.
func startWindow(ctx context.Context, t *testing.T, bin, display, dir, project string) (x func(args ...string) string, id string, end func()) {
	t.Helper()
	var logs strings.Builder
	cmd := exec.CommandContext(ctx, bin, "--db", filepath.Join(dir, project))
	cmd.Env = append(os.Environ(), "DISPLAY="+display, "XDG_DATA_HOME="+dir, "HOME="+dir, "XDG_CONFIG_HOME="+filepath.Join(dir, "config"))
	cmd.Stdout, cmd.Stderr = &logs, &logs
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	end = func() {
		cmd.Process.Signal(syscall.SIGTERM)
		if err := cmd.Wait(); err != nil {
			t.Errorf("the app did not end cleanly: %v\n%s", err, logs.String())
		}
	}
	x = func(args ...string) string {
		c := exec.CommandContext(ctx, "xdotool", args...)
		c.Env = append(os.Environ(), "DISPLAY="+display)
		out, err := c.CombinedOutput()
		if err != nil {
			t.Fatalf("xdotool %v: %v %s\napp output:\n%s", args, err, out, logs.String())
		}
		return strings.TrimSpace(string(out))
	}
	return x, strings.Fields(x("search", "--sync", "--onlyvisible", "--name", "Dossier"))[0], end
}
