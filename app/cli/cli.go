// Package cli is Dossier's batch interface: the commands (import, actor add, relate,
// export, list, version) that the dossier binary runs instead of opening its window when
// its first argument names one. It speaks to the project only through the Store interface
// declared here, so it knows no SQL and no GUI, and its tests can drive it with buffers.
//
// Exit codes: 0 on success, 1 when the work failed (the message on stderr says why), 2
// for a command line that cannot be understood (unknown command or flag, missing flag),
// 75 (EX_TEMPFAIL, "try again") when another program kept the project busy for longer
// than --wait allowed, or changed it while a --read-only command read it.
package cli

import (
	"context"
	"errors"
	"fmt"
	"io"

	"dossier/app"
)

// Store is what the batch interface needs of an open project; *db.Store provides it.
type Store interface {
	CreateArticle(ctx context.Context, a app.Article) (app.Article, error)
	ImportFiles(ctx context.Context, paths []string, opt app.ImportOptions) (app.ImportSummary, error)
	Articles(ctx context.Context, q app.ArticleQuery) ([]app.ArticleRow, error)
	ArticleByRef(ctx context.Context, ref string) (app.Article, error)
	// FindArticle also takes a part of a title no other article's title holds.
	FindArticle(ctx context.Context, ref string) (app.Article, error)
	CreateActor(ctx context.Context, a app.Actor) (app.Actor, error)
	// CreateNewActor refuses a name or alias another actor already goes by.
	CreateNewActor(ctx context.Context, a app.Actor) (app.Actor, error)
	Actors(ctx context.Context, q app.ActorQuery) ([]app.ActorRow, error)
	FindActor(ctx context.Context, name string) (app.Actor, error)
	RelationType(ctx context.Context, name string) (app.RelationType, error)
	CreateRelation(ctx context.Context, r app.Relation) (app.Relation, error)
	// FileRelation adds r's sources to the relation already recording the same fact,
	// unless newRelation is set.
	FileRelation(ctx context.Context, r app.Relation, newRelation bool) (app.RelationFiled, error)
	EachRelation(ctx context.Context, q app.RelationQuery, fn func(app.Relation) error) error
	Dossier(ctx context.Context, actorID int64, mentionLimit int) (app.Dossier, error)
	Close() error
}

// Env is the outside world a command runs in: its streams, how to open a project, and the
// project used when no --db is given.
type Env struct {
	Stdin          io.Reader
	Stdout, Stderr io.Writer
	// Open opens the project file at path (refusing an empty one); Create also makes a
	// new project when the file is missing or empty (--create).
	Open, Create func(ctx context.Context, path string) (Store, error)
	// OpenReadOnly opens a project Open refused as damaged, for reading only (dossier
	// check reports its damage); nil when the build cannot.
	OpenReadOnly func(ctx context.Context, path string) (Store, error)
	// OpenToRead opens a project for a command that only reads it, without waiting for
	// writers (db.OpenToRead); nil: Open is used.
	OpenToRead func(ctx context.Context, path string) (Store, error)
	// OpenForReading opens a project for a --read-only command: nothing is written to
	// the file or beside it.
	OpenForReading func(ctx context.Context, path string) (Store, error)
	// DefaultDB is the project file used when a command has no --db. Its folder holds
	// the backups folder too.
	DefaultDB string
	// VerifyBackup checks a backup file before restore uses it (db.VerifyBackup).
	VerifyBackup func(ctx context.Context, path string) (app.BackupInfo, error)
	// Hub connects to the team hub at a PostgreSQL URL (db/hub).
	Hub func(ctx context.Context, url string) (HubAdmin, error)
}

// command is one top-level command.
type command struct {
	name     string
	synopsis string // the command line, without "dossier "
	summary  string
	run      func(ctx context.Context, env Env, args []string) error
}

// commands lists the top-level commands in the order the usage shows them. It is filled
// in init because helpCmd reads it.
var commands []command

func init() {
	commands = []command{
		{"import", "import [--db FILE] PATH...", "file the articles in files and folders", runImport},
		{"actor", "actor add [--db FILE] --name NAME [--kind KIND] [--alias ALIAS]...", "record an actor", runActor},
		{"actors", "actors duplicates [--db FILE] [--json]", "list actors that are probably the same", runActors},
		{"note", "note add|show [--db FILE] ...", "write a note with [[links]], or show one", runNote},
		{"relate", "relate [--db FILE] --from ACTOR --type TYPE --to ACTOR [--date DATE | --undated] ...", "record a relation between two actors", runRelate},
		{"export", "export dossier|relations|gexf|graphml|ftm|stix|markdown [--db FILE] [--actor A] [--out PATH]", "write a dossier or the project as CSV, GEXF, GraphML, FtM, STIX or Markdown", runExport},
		{"graph", graphSynopsis, "write the relations graph of an actor or the project as JSON or DOT", runGraph},
		{"path", pathSynopsis, "say how two actors are connected", runPath},
		{"list", "list articles|actors|relations|notes [--db FILE] [--read-only] [--json] [--limit N]", "list what the project holds", runList},
		{"search", searchSynopsis, "find articles, actors, relations and notes by their words", runSearch},
		{"suggest", suggestSynopsis, "propose the actors articles name that the project lacks", runSuggest},
		{"merge", "merge [--db FILE] [--dry-run] [--conflicts mine|theirs|both] [--json] THEIRS.dossier", "merge another project into this one, matched by UUID", runMerge},
		{"backup", "backup [--db FILE] [--out FILE]", "write a verified backup of the project", runBackup},
		{"restore", "restore [--db FILE] --from BACKUP", "replace the project with a backup, backing it up first", runRestore},
		{"check", checkSynopsis, "check the project's integrity and indexes; --repair mends them", runCheck},
		{"hub", "hub init|add-user|grant|revoke|history|revert|search --url URL [flags]", "set up the team's shared hub on PostgreSQL", runHub},
		{"sync", syncSynopsis, "send this project's changes to the team's hub and take in colleagues'", runSync},
		{"version", "version", "print Dossier's version", runVersion},
		{"help", "help [COMMAND]", "explain a command", runHelp},
	}
}

// IsCommand reports whether name, the binary's first argument, asks for the batch
// interface rather than the window. It is strict so that anything else (a project file
// opened from the file manager, a GUI flag) still reaches the window.
func IsCommand(name string) bool {
	switch name {
	case "-h", "-help", "--help", "--version":
		return true
	}
	_, ok := lookup(name)
	return ok
}

func lookup(name string) (command, bool) {
	for _, c := range commands {
		if c.name == name {
			return c, true
		}
	}
	return command{}, false
}

// Run runs the command in args (args[0] is the command's name) and returns the process's
// exit code. Results go to env.Stdout, messages to env.Stderr.
func Run(ctx context.Context, args []string, env Env) int {
	if env.Stdout == nil {
		env.Stdout = io.Discard
	}
	if env.Stderr == nil {
		env.Stderr = io.Discard
	}
	if len(args) == 0 {
		printUsage(env.Stdout, env.DefaultDB)
		return 0
	}
	name := args[0]
	switch name {
	case "-h", "-help", "--help":
		name = "help"
	case "--version":
		name = "version"
	}
	c, ok := lookup(name)
	if !ok {
		return report(env, &usageError{msg: fmt.Sprintf("unknown command %q", args[0])})
	}
	return report(env, c.run(ctx, env, args[1:]))
}

// report prints err as the user should see it and returns the exit code it calls for.
func report(env Env, err error) int {
	var ue *usageError
	switch {
	case err == nil, errors.Is(err, errHelpShown):
		return 0
	case errors.As(err, &ue):
		if ue.cmd == "" {
			fmt.Fprintf(env.Stderr, "dossier: %s\nRun 'dossier --help' for usage.\n", shown(ue.msg))
		} else {
			fmt.Fprintf(env.Stderr, "dossier %s: %s\nRun 'dossier %s --help' for usage.\n", ue.cmd, shown(ue.msg), ue.cmd)
		}
		return 2
	case errors.Is(err, context.Canceled):
		fmt.Fprintln(env.Stderr, "dossier: interrupted.")
		return 1
	}
	// Messages name files, titles and actors: escaped like every outside string.
	fmt.Fprintf(env.Stderr, "dossier: %s\n", shown(app.ErrorReport(err)))
	if app.IsCode(err, app.ELOCKED) {
		return ExitTryAgain
	}
	return 1
}

// ExitTryAgain is the exit code of a command that could not get the project because
// another program kept it busy (EX_TEMPFAIL of sysexits.h): running it again later may
// succeed. A script can tell it from a failure (1) and retry.
const ExitTryAgain = 75

// usageError is a command line that cannot be understood; it exits with code 2.
type usageError struct {
	cmd string // "export dossier"; "" for the top level
	msg string
}

func (e *usageError) Error() string { return e.msg }

// errHelpShown ends a command that printed its usage because --help asked for it.
var errHelpShown = errors.New("help shown")

func printUsage(w io.Writer, defaultDB string) {
	fmt.Fprint(w, `Dossier files news articles, the actors they name and the sourced relations between them.
Run without a command to open the window; with one it works in batch and prints its results.

Usage:
`)
	for _, c := range commands {
		fmt.Fprintf(w, "  dossier %s\n", c.synopsis)
	}
	fmt.Fprint(w, "\nCommands:\n")
	for _, c := range commands {
		fmt.Fprintf(w, "  %-8s %s\n", c.name, c.summary)
	}
	fmt.Fprintf(w, `
--db FILE is the project file; without it the commands use
  %s
A missing or empty file becomes a new project only with --create. A command that
writes waits up to --wait SECONDS (default 60) while another program writes to the
project, then exits with 75 (try again). Commands that only read take --read-only.
Run 'dossier COMMAND --help' for a command's flags.
`, shown(defaultDB))
}

func runHelp(ctx context.Context, env Env, args []string) error {
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "-help" {
		printUsage(env.Stdout, env.DefaultDB)
		return nil
	}
	c, ok := lookup(args[0])
	if !ok || c.name == "help" {
		return &usageError{msg: fmt.Sprintf("no help for %q: it is not a command", args[0])}
	}
	return c.run(ctx, env, append(args[1:], "--help"))
}

func runVersion(_ context.Context, env Env, args []string) error {
	f := newFlags(env, "version", "version", "Prints Dossier's version.")
	if _, err := f.parse(args, 0, 0); err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "dossier %s\n", app.CurrentVersion())
	return nil
}
