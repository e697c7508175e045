package cli

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"dossier/app"
)

// projectMerger is what merge needs beyond Store: *db.Store provides it.
type projectMerger interface {
	backupStore
	MergeProject(ctx context.Context, theirs string, opt app.ProjectMergeOptions) (app.ProjectMergeReport, error)
	FillSuggestionQueue(ctx context.Context, progress func(done, total int)) error
}

const mergeAbout = `Merges another project (a colleague's, or a copy of this one worked on elsewhere) into
this one. Every record is matched by its UUID; articles also by address and text, so an
article both filed on their own is not filed twice. A record changed on one side only since
the projects last met is taken from that side; one changed on both is a conflict: the merge
then stops and lists them until --conflicts says which version to keep (mine, theirs, or
both: theirs as a second record beside mine), or --keep says it record by record. Deletions on either side are listed, never
applied. Actors that look like the same person under different UUIDs are counted and
proposed in 'dossier actors duplicates'.

The merge is one transaction, taken after a verified backup of this project (printed);
the other project's file is only read. Merging the same project twice changes nothing.
--dry-run prints what would be added, updated and in conflict, and writes nothing.`

func runMerge(ctx context.Context, env Env, args []string) (err error) {
	f := newFlags(env, "merge", "merge [--db FILE] [--dry-run] [--conflicts mine|theirs|both] [--keep UUID=mine|theirs|both]... [--json] THEIRS.dossier", mergeAbout).withDB()
	dry := f.Bool("dry-run", false, "print what the merge would do, and change nothing")
	choice := f.String("conflicts", "", "how to settle records changed on both sides: `mine`, theirs or both")
	keep := keepFlag{}
	f.Var(keep, "keep", "settle one conflict, `UUID=mine`, theirs or both (the UUID a dry run lists); repeat for several; --conflicts settles the rest")
	asJSON := f.Bool("json", false, "print the report as JSON")
	pos, err := f.parse(args, 1, 1)
	if err != nil {
		return err
	}
	conflicts, err := f.conflictChoice(*choice)
	if err != nil {
		return err
	}
	opt := app.ProjectMergeOptions{DryRun: *dry, Conflicts: conflicts, Keep: keep}
	s, err := f.open(ctx)
	if err != nil {
		return err
	}
	defer closeStore(s, &err)
	pm, ok := s.(projectMerger)
	if !ok {
		return app.Errorf(app.EINTERNAL, "this project store cannot merge projects")
	}
	if !opt.DryRun {
		info, _, err := backupToFolder(ctx, env, pm, time.Now(), false)
		if err != nil {
			return fmt.Errorf("the backup taken before merging failed, so nothing was merged: %w", err)
		}
		printBackup(env.Stdout, "backup before merging", info)
	}
	rep, err := pm.MergeProject(ctx, pos[0], opt)
	if err != nil && !app.IsCode(err, app.ECONFLICT) {
		return err
	}
	if err := printReport(env, *asJSON, rep, err); err != nil {
		return err
	}
	if !opt.DryRun && rep.Changed() {
		return pm.FillSuggestionQueue(ctx, nil)
	}
	return nil
}

// printReport writes a merge's or a sync's report, as indented JSON or as escaped text,
// and then returns err, the run's own error: a conflict still prints what it found.
func printReport(env Env, asJSON bool, rep interface{ Text() string }, err error) error {
	if asJSON {
		enc := json.NewEncoder(env.Stdout)
		enc.SetIndent("", "  ")
		if jerr := enc.Encode(rep); jerr != nil {
			return jerr
		}
	} else {
		fmt.Fprint(env.Stdout, shownLines(rep.Text()))
	}
	return err
}

// shownLines escapes each line of a multi-line text as shown does, keeping the line breaks.
func shownLines(text string) string {
	lines := strings.SplitAfter(text, "\n")
	for i, l := range lines {
		body, nl := strings.CutSuffix(l, "\n")
		lines[i] = shown(body)
		if nl {
			lines[i] += "\n"
		}
	}
	return strings.Join(lines, "")
}

// keepFlag collects --keep UUID=CHOICE, one conflict each.
type keepFlag map[string]app.ConflictChoice

func (k keepFlag) String() string { return "" }

func (k keepFlag) Set(v string) error {
	uuid, choice, ok := strings.Cut(v, "=")
	uuid = strings.TrimSpace(uuid)
	c := app.ConflictChoice(strings.TrimSpace(choice))
	if !ok || uuid == "" {
		return fmt.Errorf("give UUID=mine, UUID=theirs or UUID=both, not %q", v)
	}
	switch c {
	case app.KeepMine, app.TakeTheirs, app.KeepBoth:
	default:
		return fmt.Errorf("%s: the choice is mine, theirs or both, not %q", uuid, choice)
	}
	if prev, seen := k[uuid]; seen && prev != c {
		return fmt.Errorf("%s is given both %s and %s", uuid, prev, c)
	}
	k[uuid] = c
	return nil
}
