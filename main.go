// Command dossier is an offline research app: file news articles, record the actors in
// them and the sourced relations between those actors, and read a dossier per actor.
// With a subcommand (import, actor, relate, export, list, …) it runs as a batch tool;
// without one it opens the desktop window.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log"
	"os"
	"os/signal"
	"path/filepath"
	"runtime"
	"strings"

	fyneapp "fyne.io/fyne/v2/app"

	"dossier/app"
	"dossier/app/cli"
	// For its init, which must run before Fyne's: it makes the locale variables readable
	// by Fyne, which otherwise logs three lines about "C.UTF-8" on every run.
	_ "dossier/app/locale"
	"dossier/app/sample"
	"dossier/assets"
	"dossier/db"
	"dossier/db/hub"
	"dossier/views"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	if len(os.Args) > 1 {
		attachConsole() // dossier.exe on Windows: print a batch command's output in cmd.exe
	}
	go func() {
		<-ctx.Done()
		stop() // the first Ctrl+C asks to stop; a second one ends the process at once
	}()
	if len(os.Args) > 1 && cli.IsCommand(os.Args[1]) {
		os.Exit(cli.Run(ctx, expandWildcards(runtime.GOOS, os.Args[1:]), cliEnv()))
	}
	fs := flag.NewFlagSet("dossier", flag.ContinueOnError)
	path := fs.String("db", "", "the project file to open (default: "+defaultProject()+")")
	readOnly := fs.Bool("read-only", false, "open the project for reading, search and export only; nothing is written to it")
	if err := fs.Parse(os.Args[1:]); err != nil {
		os.Exit(2)
	}
	if p, ok := projectArg(fs.Args(), *path); ok {
		*path = p // dossier FILE.dossier: file association, "Open with", a drop on the icon
	} else if fs.NArg() > 0 {
		// Not a command and not a flag: let the batch interface say so and show its help.
		os.Exit(cli.Run(ctx, fs.Args(), cliEnv()))
	}
	if msg := noDisplay(runtime.GOOS, os.Getenv); msg != "" {
		fmt.Fprintln(os.Stderr, msg)
		os.Exit(1)
	}
	os.Exit(runGUI(ctx, *path, *readOnly))
}

// noDisplay says why the window cannot open, before Fyne tries and dies with a stack
// trace: on Linux and the BSDs a window needs an X11 or Wayland display. "" when there is
// one, or on systems (macOS, Windows) that always have one.
func noDisplay(goos string, getenv func(string) string) string {
	switch goos {
	case "linux", "freebsd", "openbsd", "netbsd", "dragonfly":
	default:
		return ""
	}
	if getenv("DISPLAY") != "" || getenv("WAYLAND_DISPLAY") != "" {
		return ""
	}
	return "dossier: there is no display to open the window on (neither DISPLAY nor WAYLAND_DISPLAY is set).\n" +
		"The batch commands work without one: run 'dossier help' to list them."
}

// defaultProject is the project opened when no --db is given: research.dossier in the
// user's data folder (XDG_DATA_HOME on Linux and the BSDs, Application Support on macOS,
// AppData on Windows).
func defaultProject() string {
	home, _ := os.UserHomeDir()
	config, _ := os.UserConfigDir()
	p := defaultProjectFor(runtime.GOOS, os.Getenv, home, config)
	return keepEarlierDefault(runtime.GOOS, p, filepath.Join(config, "Dossier", "research.dossier"), exists)
}

// keepEarlierDefault: before 0.1.0 the BSDs without XDG_DATA_HOME kept the default
// project in the config folder (old). A project already there stays the default rather
// than a new, empty one taking its place at p.
func keepEarlierDefault(goos, p, old string, exists func(string) bool) string {
	if goos != "linux" && usesXDG(goos) && !exists(p) && exists(old) {
		return old
	}
	return p
}

func exists(path string) bool {
	_, err := os.Stat(path)
	return err == nil
}

// defaultProjectFor is defaultProject for one OS. The XDG variables are the freedesktop
// convention: only Linux and the BSDs honour them; a XDG_DATA_HOME left set on macOS or
// Windows (by a ported shell, say) must not move the project out of the OS's own folder.
func defaultProjectFor(goos string, getenv func(string) string, home, config string) string {
	dir := config
	if usesXDG(goos) {
		dir = getenv("XDG_DATA_HOME")
		if !filepath.IsAbs(dir) && home != "" { // the spec: a relative value is ignored
			dir = filepath.Join(home, ".local", "share")
		}
	}
	return filepath.Join(dir, "Dossier", "research.dossier")
}

func usesXDG(goos string) bool {
	switch goos {
	case "linux", "freebsd", "openbsd", "netbsd", "dragonfly":
		return true
	}
	return false
}

func cliEnv() cli.Env {
	return cli.Env{Stdin: os.Stdin, Stdout: os.Stdout, Stderr: os.Stderr, Open: openForCLI, Create: createForCLI, OpenReadOnly: openReadOnlyForCLI, OpenForReading: openForReadingCLI, OpenToRead: openToReadCLI, DefaultDB: defaultProject(), VerifyBackup: db.VerifyBackup,
		Hub: connectHub}
}

func openForCLI(ctx context.Context, path string) (cli.Store, error) {
	return cliStore(db.Open(ctx, path))
}

func openReadOnlyForCLI(ctx context.Context, path string) (cli.Store, error) {
	return cliStore(db.OpenReadOnly(ctx, path))
}

// openToReadCLI opens a project for a command that only reads it.
func openToReadCLI(ctx context.Context, path string) (cli.Store, error) {
	return cliStore(db.OpenToRead(ctx, path))
}

// openForReadingCLI opens a project for a command given --read-only.
func openForReadingCLI(ctx context.Context, path string) (cli.Store, error) {
	return cliStore(db.OpenForReading(ctx, path, "--read-only was given", true))
}

func createForCLI(ctx context.Context, path string) (cli.Store, error) {
	return cliStore(db.Create(ctx, path))
}

// cliStore keeps a failed open's nil *db.Store out of the interface, where it would not be nil.
func cliStore(s *db.Store, err error) (cli.Store, error) {
	if err != nil {
		return nil, err
	}
	return s, nil
}

// openForGUI opens a project for the window. A damaged one is opened read-only, and the
// window's banner says so and what to do, rather than not opening at all.
func openForGUI(ctx context.Context, path string) (views.Store, error) {
	st, err := openOrReadOnly(ctx, path, false)
	if err != nil {
		return nil, err
	}
	return st, nil
}

// openOrReadOnly opens a project for a window: one window per project (LockWindow), while
// batch commands may still work on it. A project the window may not write (readOnly, a
// read-only file or medium, a damaged file) is opened read-only, and the window's banner
// says why; such a window writes nothing, so it takes no window lock.
func openOrReadOnly(ctx context.Context, path string, readOnly bool) (*db.Store, error) {
	if readOnly {
		return db.OpenForReading(ctx, path, "it was opened with --read-only", false)
	}
	st, err := db.Open(ctx, path)
	switch {
	case app.IsCode(err, app.ECORRUPT):
		if ro, rerr := db.OpenReadOnly(ctx, path); rerr == nil {
			return ro, nil
		}
	case app.IsCode(err, app.EREADONLY):
		if ro, rerr := db.OpenForReading(ctx, path, "Dossier cannot write to the file or its folder: "+app.ReadOnlyCause(), false); rerr == nil {
			return ro, nil
		}
	}
	if err != nil {
		return nil, err
	}
	if err := st.LockWindow(); err != nil {
		st.Close()
		return nil, err
	}
	return st, nil
}

// openStartProject opens the project the window starts on. The default project is created
// with the sample in it the first time, so a newcomer sees a filled dossier at once.
func openStartProject(ctx context.Context, path string, readOnly bool) (*db.Store, error) {
	isDefault := path == ""
	if isDefault {
		path = defaultProject()
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			return nil, app.Errorf(app.EINVALID, "Cannot create the data folder %s: %v", filepath.Dir(path), err)
		}
	}
	_, statErr := os.Stat(path)
	st, err := openOrReadOnly(ctx, path, readOnly)
	if err != nil {
		return nil, err
	}
	if isDefault && errors.Is(statErr, os.ErrNotExist) {
		if err := sample.Load(ctx, st); err != nil {
			fmt.Fprintln(os.Stderr, "dossier: could not load the sample project:", app.ErrorReport(err))
		}
	}
	return st, nil
}

func loadSample(ctx context.Context, s views.Store) error {
	if err := removeSample(ctx, s); err != nil {
		return err
	}
	return sample.Load(ctx, s)
}

func removeSample(ctx context.Context, s views.Store) error {
	st, ok := s.(*db.Store)
	if !ok {
		return app.Errorf(app.EINTERNAL, "this project cannot remove sample data")
	}
	return st.RemoveTagged(ctx, sample.Tag)
}

// harmlessFyneReports are the starts of Fyne's error reports that describe no error: a
// file dialog reports every standard folder (Videos, Music…) the user's desktop does not
// define, each time it opens.
var harmlessFyneReports = []string{"Fyne error:  Getting favorite locations"}

// fyneLogFilter passes the log on, less Fyne's harmless reports: the report line and the
// "  Cause:" and "  At:" lines fyne.LogError writes after it. The log package writes one
// line per Write, one Write at a time.
type fyneLogFilter struct {
	w        io.Writer
	dropping bool
}

func (f *fyneLogFilter) Write(p []byte) (int, error) {
	line := string(p)
	for _, h := range harmlessFyneReports {
		if strings.Contains(line, h) {
			f.dropping = true
			return len(p), nil
		}
	}
	if f.dropping && (strings.Contains(line, "  Cause: ") || strings.Contains(line, "  At: ")) {
		return len(p), nil
	}
	f.dropping = false
	return f.w.Write(p)
}

// runGUI runs the window and returns the exit code.
func runGUI(ctx context.Context, path string, readOnly bool) int {
	// The log goes to the terminal, if any, and to a file in the data folder, which
	// Help ▸ Show log shows: the dialogs say what went wrong in plain words, the log the details.
	logPath := filepath.Join(filepath.Dir(defaultProject()), app.LogName)
	var logOut io.Writer = os.Stderr
	if lf, err := app.OpenLog(logPath, app.DefaultLogSize); err == nil {
		defer lf.Close()
		logOut = io.MultiWriter(lf, os.Stderr) // the file first: a closed terminal must not keep lines from it
	} else {
		fmt.Fprintln(os.Stderr, "dossier: the window keeps no log file:", err)
		logPath = ""
	}
	log.SetOutput(&fyneLogFilter{w: logOut})
	app.SetErrorLog(func(err error) { log.Printf("error: %v", err) })
	a := fyneapp.NewWithID(appID)
	a.SetIcon(assets.Icon)
	w := a.NewWindow("Dossier")
	size := firstSize(a.Preferences())
	w.Resize(size)
	place := &windowPlace{}
	fitToScreen(a, w, size, func() { restorePosition(w, a.Preferences(), place) })
	w.SetMaster()
	// mw is the main window, once there is one: at quit its project is closed, whichever
	// it is by then (File ▸ Open project switches), so no -wal or -shm is left behind.
	var mw *views.Window
	projects := views.Projects{Open: openForGUI, LoadSample: loadSample, RemoveSample: removeSample, ConnectHub: connectHubGUI,
		DataDir: filepath.Dir(defaultProject()), VerifyBackup: db.VerifyBackup, Salvage: db.Salvage, LogPath: logPath,
		Shown: func(w *views.Window) { mw = w }}
	code := 0
	st, err := openStartProject(ctx, path, readOnly)
	if err != nil {
		fmt.Fprintln(os.Stderr, "dossier:", app.ErrorReport(err))
		code = 1 // unless a project is opened from the window's own offer
		views.OpenFailed(ctx, w, err, projects, func() { views.CloseHiddenFirst(w, true) }, func(views.Store) { code = 0 })
	} else if win := views.NewWindow(ctx, w, st, projects); path == "" {
		win.WelcomeIfFirst(a.Preferences()) // the first start: the default project, with the sample
	}
	// Kept when the app stops, not after ShowAndRun returns: Fyne saves the preferences
	// right after OnStopped, and a change made after that save is dropped at exit.
	a.Lifecycle().SetOnStopped(func() {
		rememberSize(a.Preferences(), w.Canvas().Size())
		rememberPosition(a.Preferences(), place)
	})
	quitOnSignal(ctx, a)
	w.ShowAndRun()
	if mw != nil {
		mw.FinishBackups() // when the app was quit without the window's close (a signal)
		if err := mw.CloseProject(); err != nil {
			fmt.Fprintln(os.Stderr, "dossier: closing the project:", app.ErrorReport(err))
		}
	}
	return code
}

// connectHubGUI connects to the team hub for File ▸ Team.
func connectHubGUI(ctx context.Context, url string) (views.TeamHub, error) {
	h, err := hub.Connect(ctx, url)
	if err != nil {
		return nil, err
	}
	return h, nil
}

// connectHub connects to the team hub for the batch commands.
func connectHub(ctx context.Context, url string) (cli.HubAdmin, error) {
	h, err := hub.Connect(ctx, url)
	if err != nil {
		return nil, err
	}
	return h, nil
}
