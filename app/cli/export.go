package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"dossier/app"
	"dossier/app/export"
)

const bomNote = `With --out the file starts with a UTF-8 byte-order mark, so Excel reads accents and
non-Latin names right; on standard output it does not, for other programs. --bom and
--no-bom override either default. The file is written whole or not at all: it is
written under a temporary name beside FILE.csv and renamed when complete.`

func runExport(ctx context.Context, env Env, args []string) error {
	return runGroup(ctx, env, "export", "export dossier|relations|"+formatNames+" [--db FILE] [--read-only] [--actor A] [--out PATH]",
		"Writes CSV for spreadsheets and network tools, and the formats other tools read. Subcommands:\n"+
			"  dossier    everything known about one actor (dossier export dossier --help)\n"+
			"  relations  every relation, one row each, as an edge list (dossier export relations --help)\n"+
			formatHelp,
		append([]subcommand{{"dossier", runExportDossier}, {"relations", runExportRelations}}, formatSubcommands()...), args)
}

func runExportDossier(ctx context.Context, env Env, args []string) (err error) {
	f := newFlags(env, "export dossier", "export dossier [--db FILE] [--read-only] --actor ACTOR [--out FILE.csv] [--bom|--no-bom]",
		"Writes one actor's dossier as CSV: its profile, aliases, relations with their evidence,\nthe articles that mention it and its notes, a row each.\n\n"+bomNote).withDB().readsOnly()
	actor := f.String("actor", "", "the `ACTOR` (name, alias or #id)")
	out := f.String("out", "", "write to `FILE.csv` instead of standard output")
	var bom bomFlag
	bom.register(f)
	if _, err := f.parse(args, 0, 0); err != nil {
		return err
	}
	if err := f.required("actor"); err != nil {
		return err
	}
	s, err := f.open(ctx)
	if err != nil {
		return err
	}
	defer closeStore(s, &err)
	a, err := s.FindActor(ctx, *actor)
	if err != nil {
		return flagError("actor", err)
	}
	d, err := s.Dossier(ctx, a.ID, 0)
	if err != nil {
		return err
	}
	opt := export.Options{BOM: bom.value(*out != "")}
	return writeOutput(env, *out, func(w io.Writer) error { return export.WriteDossier(w, d, opt) })
}

func runExportRelations(ctx context.Context, env Env, args []string) (err error) {
	f := newFlags(env, "export relations", "export relations [--db FILE] [--read-only] [--out FILE.csv] [--bom|--no-bom]",
		"Writes every relation in the project as a CSV edge list, a row per relation, that\nGephi and spreadsheets read.\n\n"+bomNote).withDB().readsOnly()
	out := f.String("out", "", "write to `FILE.csv` instead of standard output")
	var bom bomFlag
	bom.register(f)
	if _, err := f.parse(args, 0, 0); err != nil {
		return err
	}
	s, err := f.open(ctx)
	if err != nil {
		return err
	}
	defer closeStore(s, &err)
	opt := export.Options{BOM: bom.value(*out != "")}
	return writeOutput(env, *out, func(w io.Writer) error {
		return export.WriteEachRelation(w, func(fn func(app.Relation) error) error {
			return s.EachRelation(ctx, app.RelationQuery{}, fn)
		}, opt)
	})
}

// writeOutput runs write on standard output, or on a temporary file beside path that
// replaces path only once complete, so a failed export never leaves half a file.
func writeOutput(env Env, path string, write func(io.Writer) error) error {
	if path == "" {
		return write(env.Stdout)
	}
	dir, base := filepath.Split(path)
	if dir == "" {
		dir = "."
	}
	tmp, err := os.CreateTemp(dir, "."+base+".*.tmp")
	if err != nil {
		return &app.Error{Code: app.EINVALID, Err: err, Message: fmt.Sprintf("Cannot write %s: %v.", path, pathReason(err))}
	}
	keep := false
	defer func() {
		if !keep {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	if err := write(tmp); err != nil {
		return err
	}
	// CreateTemp makes the file private; an export is an ordinary document.
	if err := tmp.Chmod(0o644); err != nil {
		return writeFailed(path, err)
	}
	if err := tmp.Sync(); err != nil {
		return writeFailed(path, err)
	}
	if err := tmp.Close(); err != nil {
		return writeFailed(path, err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return writeFailed(path, err)
	}
	keep = true
	return nil
}

func writeFailed(path string, err error) error {
	return &app.Error{Code: app.EINTERNAL, Err: err,
		Message: fmt.Sprintf("Cannot finish writing %s (%v); nothing was written. Check that the disk is not full.", path, pathReason(err))}
}

// pathReason is the part of a file-system error worth showing: the reason, not the
// temporary file's name.
func pathReason(err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	var le *os.LinkError
	if errors.As(err, &le) {
		return le.Err
	}
	return err
}
