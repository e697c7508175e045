package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"time"

	"dossier/app"
)

// flags is one command's flag set with the text its --help prints.
type flags struct {
	*flag.FlagSet
	env      Env
	name     string // "export dossier"
	synopsis string // the command line after "dossier "
	about    string // what the command does, a paragraph
	db       *string
	create   *bool
	wait     *float64
	readOnly *bool
	// reads marks a command that only reads the project: it accepts --read-only.
	reads bool
	// waitTold makes the "waiting for the project" line appear once per command.
	waitTold sync.Once
}

func newFlags(env Env, name, synopsis, about string) *flags {
	fs := flag.NewFlagSet("dossier "+name, flag.ContinueOnError)
	// The flag package would print its own error and usage to stderr; report does that
	// with the hint format every command shares, and --help goes to stdout.
	fs.SetOutput(io.Discard)
	fs.Usage = func() {}
	return &flags{FlagSet: fs, env: env, name: name, synopsis: synopsis, about: about}
}

// withDB adds the --db flag, and --create, which lets a missing or empty file become a
// new project.
func (f *flags) withDB() *flags {
	f.db = f.String("db", f.env.DefaultDB, "the project `FILE`")
	f.create = f.Bool("create", false, "make a new project if FILE is missing or empty")
	f.wait = f.Float64("wait", app.DefaultWait.Seconds(), "wait up to `SECONDS` for another program writing to the project to finish; then exit with 75 (try again)")
	f.readOnly = f.Bool("read-only", false, "open the project for reading only: nothing is written to it or beside it (commands that only read)")
	return f
}

// readsOnly marks the command as one that only reads the project, so that --read-only
// is accepted; a command that writes refuses it.
func (f *flags) readsOnly() *flags {
	f.reads = true
	return f
}

// patience is how the command's writes wait for their turn: --wait, and one line on
// stderr once a write has waited a second, so a script's log says why it is slow.
func (f *flags) patience() app.Patience {
	return app.Patience{
		Wait: time.Duration(*f.wait * float64(time.Second)),
		Waiting: func(waiting bool) {
			if waiting {
				f.waitTold.Do(func() {
					fmt.Fprintln(f.env.Stderr, "dossier: waiting for the project: another program is writing to it…")
				})
			}
		},
	}
}

// parse parses flags wherever they stand among the positional arguments, which it
// returns. Go's flag package stops at the first positional argument, but a researcher
// types "dossier import folder --db x" as readily as "dossier import --db x folder".
// After "--" everything is positional.
func (f *flags) parse(args []string, minPos, maxPos int) ([]string, error) {
	var pos []string
	for {
		err := f.Parse(args)
		if errors.Is(err, flag.ErrHelp) {
			f.usage(f.env.Stdout)
			return nil, errHelpShown
		}
		if err != nil {
			return nil, f.usageErr("%v", err)
		}
		rest := f.Args()
		if n := len(args) - len(rest); n > 0 && args[n-1] == "--" {
			pos = append(pos, rest...)
			break
		}
		if len(rest) == 0 {
			break
		}
		pos = append(pos, rest[0])
		args = rest[1:]
	}
	if f.readOnly != nil && *f.readOnly && !f.reads {
		return nil, f.usageErr("--read-only: this command changes the project, so it cannot open it read-only")
	}
	if len(pos) < minPos {
		return nil, f.usageErr("missing arguments")
	}
	if maxPos >= 0 && len(pos) > maxPos {
		return nil, f.usageErr("unexpected argument %q (quote a value that holds spaces)", pos[maxPos])
	}
	return pos, nil
}

// usageErr is a usage error of this command.
func (f *flags) usageErr(format string, args ...any) error {
	return &usageError{cmd: f.name, msg: fmt.Sprintf(format, args...)}
}

// required returns a usage error naming the first of the given flags left empty.
func (f *flags) required(names ...string) error {
	for _, n := range names {
		if strings.TrimSpace(f.Lookup(n).Value.String()) == "" {
			return f.usageErr("--%s is required", n)
		}
	}
	return nil
}

// usage prints the command's help: its synopsis, what it does and its flags.
func (f *flags) usage(w io.Writer) {
	fmt.Fprintf(w, "Usage: dossier %s\n\n%s\n", f.synopsis, f.about)
	first := true
	f.VisitAll(func(fl *flag.Flag) {
		if first {
			fmt.Fprint(w, "\nFlags:\n")
			first = false
		}
		arg, text := flag.UnquoteUsage(fl)
		line := "  --" + fl.Name
		if arg != "" {
			line += " " + arg
		}
		if fl.DefValue != "" && fl.DefValue != "false" && fl.DefValue != "0" {
			text += fmt.Sprintf(" (default %s)", shown(fl.DefValue))
		}
		fmt.Fprintf(w, "%s\n      %s\n", line, text)
	})
}

// listFlag is a flag that may be given several times: --alias A --alias B.
type listFlag []string

func (l *listFlag) String() string {
	if l == nil {
		return ""
	}
	return strings.Join(*l, ", ")
}

func (l *listFlag) Set(s string) error {
	*l = append(*l, s)
	return nil
}

// boolFlags are the flags of any command that take no value. splitSub needs them to tell
// "--json articles" (a flag, then the subcommand) from "--out articles" (a flag's value).
var boolFlags = map[string]bool{"json": true, "bom": true, "no-bom": true, "h": true, "help": true, "force": true, "read-only": true, "create": true}

// splitSub finds a group's subcommand ("dossier export dossier"): the first argument that
// is neither a flag nor a flag's value, so flags may come before it too. rest is args
// without it.
func splitSub(args []string) (sub string, rest []string) {
	for i := 0; i < len(args); i++ {
		a := args[i]
		if a == "--" {
			if i+1 < len(args) {
				return args[i+1], append(append([]string{}, args[:i+1]...), args[i+2:]...)
			}
			return "", args
		}
		if len(a) > 1 && a[0] == '-' {
			name := strings.TrimLeft(a, "-")
			if !strings.Contains(name, "=") && !boolFlags[name] {
				i++ // skip the flag's value
			}
			continue
		}
		return a, append(append([]string{}, args[:i]...), args[i+1:]...)
	}
	return "", args
}

// subcommand is one subcommand of a group such as export or list.
type subcommand struct {
	name string
	run  func(ctx context.Context, env Env, args []string) error
}

// runGroup runs the subcommand args name, or prints the group's help.
func runGroup(ctx context.Context, env Env, group, synopsis, about string, subs []subcommand, args []string) error {
	sub, rest := splitSub(args)
	for _, s := range subs {
		if s.name == sub {
			return s.run(ctx, env, rest)
		}
	}
	f := newFlags(env, group, synopsis, about)
	for _, a := range args {
		if a == "-h" || a == "-help" || a == "--help" {
			f.usage(env.Stdout)
			return errHelpShown
		}
	}
	var names []string
	for _, s := range subs {
		names = append(names, s.name)
	}
	if sub == "" {
		return f.usageErr("say what to %s: %s", group, strings.Join(names, " or "))
	}
	return f.usageErr("unknown subcommand %q; use %s", sub, strings.Join(names, " or "))
}

// open opens the project named by --db. A missing or empty (zero-byte) file becomes a
// new project only with --create: a mistyped name, or an empty file some other program
// left, is refused by name rather than silently turned into an empty project.
func (f *flags) open(ctx context.Context) (Store, error) {
	path := strings.TrimSpace(*f.db)
	if path == "" {
		return nil, f.usageErr("no project file: give --db FILE")
	}
	if *f.wait < 0 {
		return nil, f.usageErr("--wait cannot be negative")
	}
	// A --wait of 0 still tries once; the smallest patience stands for "do not wait".
	p := f.patience()
	if p.Wait <= 0 {
		p.Wait = time.Nanosecond
	}
	ctx = app.WithPatience(ctx, p)
	if *f.readOnly {
		return f.openReadOnly(ctx, path)
	}
	st, err := os.Stat(path)
	missing := errors.Is(err, os.ErrNotExist)
	if !*f.create {
		switch {
		case missing:
			return nil, app.Errorf(app.ENOTFOUND, "The project %s does not exist. To make a new project there, add --create.", path)
		case err == nil && st.Mode().IsRegular() && st.Size() == 0:
			return nil, app.Errorf(app.ENOTPROJ, "%s is an empty file, not a Dossier project. To make a new project in it, add --create.", path)
		}
	}
	if missing && path == f.env.DefaultDB {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			return nil, &app.Error{Code: app.EINVALID, Err: err,
				Message: fmt.Sprintf("Cannot create the folder %s for the project.", filepath.Dir(path))}
		}
	}
	open := f.env.Open
	switch {
	case *f.create:
		open = f.env.Create
	case f.reads && f.env.OpenToRead != nil:
		open = f.env.OpenToRead // readers do not wait for writers
	}
	if open == nil {
		return nil, app.Errorf(app.EINTERNAL, "This build of Dossier cannot open projects from the command line.")
	}
	s, err := open(ctx, path)
	if err == nil {
		warnCopies(f.env, path)
	}
	return s, err
}

// openReadOnly opens the project for a command given --read-only.
func (f *flags) openReadOnly(ctx context.Context, path string) (Store, error) {
	switch {
	case *f.create:
		return nil, f.usageErr("--read-only and --create cannot go together: a new project has to be written")
	case f.env.OpenForReading == nil:
		return nil, app.Errorf(app.EINTERNAL, "This build of Dossier cannot open projects read-only.")
	}
	if _, err := os.Stat(path); errors.Is(err, os.ErrNotExist) {
		return nil, app.Errorf(app.ENOTFOUND, "The project %s does not exist.", path)
	}
	return f.env.OpenForReading(ctx, path)
}

// closeStore closes s and keeps the first error: a failed close after a successful write
// is still worth reporting.
func closeStore(s Store, err *error) {
	if cerr := s.Close(); cerr != nil && *err == nil {
		*err = cerr
	}
}

// flagError wraps err so its message names the flag whose value caused it.
func flagError(name string, err error) error {
	var e *app.Error
	if errors.As(err, &e) {
		return &app.Error{Code: e.Code, Message: "--" + name + ": " + e.Message, Err: err, Ref: e.Ref, Candidates: e.Candidates}
	}
	return err
}

// bomFlag is the --bom / --no-bom pair: unset until one of them is given, the last one winning.
type bomFlag struct{ set, on bool }

func (b *bomFlag) register(f *flags) {
	set := func(on bool) func(string) error {
		return func(s string) error {
			v, err := strconv.ParseBool(s)
			if err != nil {
				return err
			}
			b.set, b.on = true, v == on
			return nil
		}
	}
	f.BoolFunc("bom", "start the CSV with a UTF-8 byte-order mark, which Excel needs (default: on with --out, off on standard output)", set(true))
	f.BoolFunc("no-bom", "leave the byte-order mark out", set(false))
}

// value returns the choice made, or def when neither flag was given.
func (b *bomFlag) value(def bool) bool {
	if b.set {
		return b.on
	}
	return def
}

// findArticle resolves --article: a #id, id or UUID, an exact title, or a part of a title
// that no other article's title holds (case and accents aside). An ambiguous part is an
// error that lists the candidates.
func findArticle(ctx context.Context, s Store, ref string) (app.Article, error) {
	a, err := s.FindArticle(ctx, ref)
	if err != nil {
		return a, flagError("article", err)
	}
	return a, nil
}

// conflictChoice reads --conflicts (merge and sync): empty, mine, theirs or both.
func (f *flags) conflictChoice(choice string) (app.ConflictChoice, error) {
	switch c := app.ConflictChoice(choice); c {
	case "", app.KeepMine, app.TakeTheirs, app.KeepBoth:
		return c, nil
	}
	return "", f.usageErr("--conflicts is mine, theirs or both, not %q", choice)
}
