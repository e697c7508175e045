package cli

import (
	"context"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"dossier/app"
	"dossier/app/export"
	"dossier/app/graph"
)

// exportFormat is one of the export formats beyond CSV.
type exportFormat struct {
	name, about, ext string
	write            func(ctx context.Context, w io.Writer, j export.Job, notice func(string)) error
}

var exportFormats = []exportFormat{
	{"gexf", "a GEXF 1.3 graph for Gephi, dates as spells for its timeline", "gexf",
		func(ctx context.Context, w io.Writer, j export.Job, _ func(string)) error {
			return export.WriteGEXF(ctx, w, j)
		}},
	{"graphml", "a GraphML graph with the same attributes", "graphml",
		func(ctx context.Context, w io.Writer, j export.Job, _ func(string)) error {
			return export.WriteGraphML(ctx, w, j)
		}},
	{"ftm", "FollowTheMoney JSON lines for Aleph and OpenSanctions", "ftm.json",
		func(ctx context.Context, w io.Writer, j export.Job, _ func(string)) error {
			return export.WriteFtM(ctx, w, j)
		}},
	{"stix", "a STIX 2.1 bundle for OpenCTI and MISP", "stix.json", export.WriteSTIX},
	{"briefing", "one actor's dossier as a briefing to read or print: HTML, or PDF when --out ends in .pdf (--actor is required)", "", nil},
	{"markdown", "a Markdown vault for Obsidian: a folder, or a zip archive when --out ends in .zip", "", nil},
}

// formatNames and formatHelp describe the formats in the export group's usage.
var formatNames, formatHelp = func() (string, string) {
	var names []string
	var help strings.Builder
	for _, f := range exportFormats {
		names = append(names, f.name)
		fmt.Fprintf(&help, "\n  %-10s %s", f.name, f.about)
	}
	return strings.Join(names, "|"), strings.TrimPrefix(help.String(), "\n")
}()

// exportSource is what the format exports need of the store; *db.Store has it. It is
// asserted rather than added to Store so that the batch interface's Store stays as it is.
type exportSource interface {
	Store
	export.Source
}

func formatSubcommands() []subcommand {
	var subs []subcommand
	for _, f := range exportFormats {
		subs = append(subs, subcommand{f.name, func(ctx context.Context, env Env, args []string) error {
			return runExportFormat(ctx, env, f, args)
		}})
	}
	return subs
}

func runExportFormat(ctx context.Context, env Env, fm exportFormat, args []string) (err error) {
	outHelp := "write to `FILE` instead of standard output"
	switch fm.name {
	case "markdown":
		outHelp = "the `FOLDER` to make (new or empty), or the FOLDER.zip to write"
	case "briefing":
		outHelp = "write to `FILE.html` or FILE.pdf instead of HTML on standard output"
	}
	f := newFlags(env, "export "+fm.name, "export "+fm.name+" [--db FILE] [--read-only] [--actor ACTOR] [--out PATH]",
		"Writes "+fm.about+": the whole project, or with --actor one actor's dossier (the actor,\n"+
			"the actors it has relations with, those relations, their articles and notes).\n"+
			"The output is written whole or not at all.").withDB().readsOnly()
	actor := f.String("actor", "", "only this `ACTOR`'s dossier (name, alias or #id)")
	out := f.String("out", "", outHelp)
	if _, err := f.parse(args, 0, 0); err != nil {
		return err
	}
	switch fm.name {
	case "markdown":
		if err := f.required("out"); err != nil {
			return err
		}
	case "briefing":
		if err := f.required("actor"); err != nil {
			return err
		}
	}
	s, err := f.open(ctx)
	if err != nil {
		return err
	}
	defer closeStore(s, &err)
	src, ok := s.(exportSource)
	if !ok {
		return app.Errorf(app.EINTERNAL, "This project cannot be exported as %s.", fm.name)
	}
	j := export.Job{Src: src}
	if *actor != "" {
		a, err := s.FindActor(ctx, *actor)
		if err != nil {
			return flagError("actor", err)
		}
		j.Scope.ActorID = a.ID
	}
	// What the format could not carry is said: on stdout beside the file written, on
	// stderr only when the export itself goes to stdout.
	notice := func(msg string) {
		w := env.Stdout
		if *out == "" || *out == "-" {
			w = env.Stderr
		}
		fmt.Fprintln(w, "dossier export "+fm.name+": "+shown(msg))
	}
	if fm.name == "briefing" {
		bs, ok := s.(export.BriefingSource)
		if !ok {
			return app.Errorf(app.EINTERNAL, "This project cannot be exported as a briefing.")
		}
		b, err := export.NewBriefing(ctx, bs, j.Scope.ActorID, graph.Filter{})
		if err != nil {
			return err
		}
		return writeOutput(env, *out, func(w io.Writer) error {
			if strings.EqualFold(filepath.Ext(*out), ".pdf") {
				return export.WriteBriefingPDF(w, b)
			}
			return export.WriteBriefingHTML(w, b)
		})
	}
	if fm.write == nil {
		if strings.EqualFold(filepath.Ext(*out), ".zip") {
			return writeOutput(env, *out, func(w io.Writer) error { return export.WriteVaultZip(ctx, w, j) })
		}
		return export.WriteVaultDir(ctx, *out, j)
	}
	return writeOutput(env, *out, func(w io.Writer) error { return fm.write(ctx, w, j, notice) })
}
