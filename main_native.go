package main

import (
	"context"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"syscall"

	"fyne.io/fyne/v2"

	"dossier/app/cli"
)

// appID is the app's reverse-DNS id, as in FyneApp.toml (a test checks they agree): Fyne
// keeps the preferences (window size, backup settings) under it, and the packages name
// their .desktop file, AppStream metadata and macOS bundle after it.
const appID = "io.github.dossier_app.dossier"

// The window's first size. Fyne tells nothing of the screen before the window shows, so
// the first size is one that fits the smallest common screen: 1366×768 less a taskbar
// (about 40) and a title bar (about 30) leaves about 1366×698; 1200×690 is 88% of its
// width and 90% of its height. After that the window opens at the size it was left at.
var (
	defaultWindow = fyne.NewSize(1200, 690)
	minWindow     = fyne.NewSize(800, 560)   // below this the screens' columns crowd out
	maxWindow     = fyne.NewSize(7680, 4320) // a remembered size beyond any screen is a bad value
)

const prefWidth, prefHeight = "window.width", "window.height"

// firstSize is the size the window opens at: the last size it was left at, within the
// minimum and a sane maximum, else defaultWindow.
func firstSize(p fyne.Preferences) fyne.Size {
	w, h := float32(p.Float(prefWidth)), float32(p.Float(prefHeight))
	if w <= 0 || h <= 0 || w > maxWindow.Width || h > maxWindow.Height {
		return defaultWindow
	}
	return fyne.NewSize(max(w, minWindow.Width), max(h, minWindow.Height))
}

// rememberSize keeps the window's size for the next start; a zero size (the window never
// drew) is not kept.
func rememberSize(p fyne.Preferences, s fyne.Size) {
	if s.Width <= 0 || s.Height <= 0 {
		return
	}
	p.SetFloat(prefWidth, float64(s.Width))
	p.SetFloat(prefHeight, float64(s.Height))
}

// projectArg says whether the window's arguments are one project to open: what a file
// association, "Open with" or a drop on the app's icon gives (dossier PATH). One argument
// that names a .dossier file, or any file that exists, is taken as the project; --db
// given as well is a contradiction the batch interface reports instead.
func projectArg(args []string, db string) (string, bool) {
	if len(args) != 1 || db != "" || cli.IsCommand(args[0]) {
		return "", false
	}
	p := args[0]
	if strings.EqualFold(filepath.Ext(p), ".dossier") {
		return p, true
	}
	if st, err := os.Stat(p); err == nil && st.Mode().IsRegular() {
		return p, true
	}
	return "", false
}

// expandWildcards expands * and ? in the files an import is given, on Windows only: there
// the shell (cmd.exe, PowerShell) passes "*.txt" as it is and each program expands it,
// as Unix shells do before the program starts. Only import's file arguments are expanded
// (other commands take text, where "?" is a question mark), a pattern that matches nothing
// is left as it is so import names it as not found, and the matches are in name order.
func expandWildcards(goos string, args []string) []string {
	if goos != "windows" || len(args) == 0 || args[0] != "import" {
		return args
	}
	out := []string{args[0]}
	afterFlags, value := false, false
	for _, a := range args[1:] {
		switch {
		case value: // the value of --db or --wait: a file name as written, or a number
			value = false
		case a == "--":
			afterFlags = true
		case !afterFlags && strings.HasPrefix(a, "-"):
			value = importValueFlags[strings.TrimLeft(a, "-")]
		default:
			if strings.ContainsAny(a, "*?") {
				if m, err := filepath.Glob(a); err == nil && len(m) > 0 {
					out = append(out, m...)
					continue
				}
			}
		}
		out = append(out, a)
	}
	return out
}

// importValueFlags are import's flags that take a value in the next argument.
var importValueFlags = map[string]bool{"db": true, "wait": true}

// quitOnSignal stops the app when the session ends it (SIGTERM, as at logout or from a
// service manager) or on Ctrl+C (ctx): runGUI then backs up and closes the open project,
// so the quit is clean. It is registered before the window runs, so a signal can never
// meet Go's default action and kill the process with the project's -wal and -shm left
// beside it. It stops the driver's loop (Driver().Quit) without closing the windows:
// closing them let a pointer move reach a closed window, which crashes Fyne 2.7.1
// (README, "Quitting").
func quitOnSignal(ctx context.Context, a fyne.App) {
	term := make(chan os.Signal, 1)
	signal.Notify(term, syscall.SIGTERM)
	go func() {
		select {
		case <-ctx.Done():
		case <-term:
		}
		fyne.Do(a.Driver().Quit)
	}()
}
