package cli

import (
	"context"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"

	"dossier/app"
)

// mergeStore is what the duplicate and merge commands need beyond Store; *db.Store
// provides it. It is asked for by type so that Store stays as other commands need it.
type mergeStore interface {
	DuplicateActors(ctx context.Context) (app.Duplicates, error)
	NotSame(ctx context.Context, a, b int64) error
	MergePreview(ctx context.Context, keep, drop int64) (app.MergePreview, error)
	Merge(ctx context.Context, keep, drop int64) (app.Actor, app.MergePreview, int64, error)
	Unmerge(ctx context.Context, id int64) (app.Unmerged, error)
	LastMerge(ctx context.Context, actorID int64) (app.MergeRecord, error)
}

func asMergeStore(s Store) (mergeStore, error) {
	m, ok := s.(mergeStore)
	if !ok {
		return nil, app.Errorf(app.EINVALID, "This project cannot merge actors here.")
	}
	return m, nil
}

const actorsAbout = `Works on all the project's actors at once. Subcommands:
  duplicates   list pairs of actors that are probably the same, scored and explained`

func runActors(ctx context.Context, env Env, args []string) error {
	return runGroup(ctx, env, "actors", "actors duplicates [--db FILE] [--json]", actorsAbout,
		[]subcommand{{"duplicates", runActorsDuplicates}}, args)
}

// dupJSON is one pair as duplicates --json writes it.
type dupJSON struct {
	Score   float64      `json:"score"`
	A       dupActorJSON `json:"a"`
	B       dupActorJSON `json:"b"`
	Reasons []string     `json:"reasons"`
}

type dupActorJSON struct {
	ID   int64  `json:"id"`
	Name string `json:"name"`
	Kind string `json:"kind"`
}

func runActorsDuplicates(ctx context.Context, env Env, args []string) (err error) {
	f := newFlags(env, "actors duplicates", "actors duplicates [--db FILE] [--json]", `Lists pairs of actors that are probably the same person, state or group, best first:
the score (0 to 1), the two actors (#id, name, kind) and why, in words ("same name apart
from a particle", "“US” is the initials of “United States”", "same surname"). Pairs said
to be different (dossier actor not-same) are never listed again. Merge a pair with
dossier actor merge; a merge can be undone with dossier actor unmerge.

A word shared by too many actors to compare them all is named on stderr: pairs found only
through it are not listed.`).withDB().readsOnly()
	asJSON := f.Bool("json", false, "write a JSON object: {pairs: [{score, a, b, reasons}], crowded: [...]}")
	if _, err := f.parse(args, 0, 0); err != nil {
		return err
	}
	s, err := f.open(ctx)
	if err != nil {
		return err
	}
	defer closeStore(s, &err)
	ms, err := asMergeStore(s)
	if err != nil {
		return err
	}
	d, err := ms.DuplicateActors(ctx)
	if err != nil {
		return err
	}
	if *asJSON {
		out := struct {
			Pairs   []dupJSON `json:"pairs"`
			Crowded []string  `json:"crowded"`
		}{Pairs: []dupJSON{}, Crowded: d.Crowded}
		if out.Crowded == nil {
			out.Crowded = []string{}
		}
		for _, p := range d.Pairs {
			out.Pairs = append(out.Pairs, dupJSON{p.Score, dupActorJSON{p.A.ID, p.A.Name, string(p.A.Kind)}, dupActorJSON{p.B.ID, p.B.Name, string(p.B.Kind)}, p.Reasons})
		}
		enc := json.NewEncoder(env.Stdout)
		enc.SetIndent("", "  ")
		if err := enc.Encode(out); err != nil {
			return err
		}
	} else {
		for _, p := range d.Pairs {
			fmt.Fprintf(env.Stdout, "%.2f\t#%d %s (%s)\t#%d %s (%s)\t%s\n", p.Score, p.A.ID, shown(p.A.Name), p.A.Kind.Label(),
				p.B.ID, shown(p.B.Name), p.B.Kind.Label(), shown(p.Explain()))
		}
		if len(d.Pairs) == 0 {
			fmt.Fprintln(env.Stdout, "no duplicate actors found")
		}
	}
	if len(d.Crowded) > 0 {
		fmt.Fprintf(env.Stderr, "dossier: %d word(s) are shared by too many actors to compare them all, so pairs found only through them are not listed: %s\n",
			len(d.Crowded), shown(strings.Join(d.Crowded, ", ")))
	}
	return nil
}

func runActorMerge(ctx context.Context, env Env, args []string) (err error) {
	f := newFlags(env, "actor merge", "actor merge [--db FILE] --from ACTOR --into ACTOR [--dry-run]", `Merges one actor into another: the actor --into keeps its name and gains the other's
name and aliases as aliases, its relations (as source, target or speaker), mentions,
notes, tags and notes text; the actor --from is removed. It prints what moves, then the
merge's id: dossier actor unmerge --merge ID undoes it exactly, even after other edits.
Two actors with relations between them are refused. --dry-run prints what would move and
changes nothing. An actor is a name, an alias, #id or UUID.`).withDB()
	from := f.String("from", "", "the `ACTOR` merged away")
	into := f.String("into", "", "the `ACTOR` kept")
	dry := f.Bool("dry-run", false, "print what would move, change nothing")
	if _, err := f.parse(args, 0, 0); err != nil {
		return err
	}
	if err := f.required("from", "into"); err != nil {
		return err
	}
	s, err := f.open(ctx)
	if err != nil {
		return err
	}
	defer closeStore(s, &err)
	ms, err := asMergeStore(s)
	if err != nil {
		return err
	}
	drop, err := s.FindActor(ctx, *from)
	if err != nil {
		return flagError("from", err)
	}
	keep, err := s.FindActor(ctx, *into)
	if err != nil {
		return flagError("into", err)
	}
	p, err := ms.MergePreview(ctx, keep.ID, drop.ID)
	if err != nil {
		return err
	}
	for _, l := range p.Lines() {
		fmt.Fprintln(env.Stdout, shown(l))
	}
	if *dry || p.Between > 0 {
		if p.Between > 0 {
			return app.Errorf(app.ECONFLICT, "“%s” and “%s” have %d relation(s) with each other; a merged actor cannot relate to itself. Delete those relations first.", shown(keep.Name), shown(drop.Name), p.Between)
		}
		fmt.Fprintln(env.Stdout, "dry run: nothing changed")
		return nil
	}
	_, _, id, err := ms.Merge(ctx, keep.ID, drop.ID)
	if err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "merged #%d %s into #%d %s: merge #%d (undo: dossier actor unmerge --merge %d)\n", drop.ID, shown(drop.Name), keep.ID, shown(keep.Name), id, id)
	return nil
}

func runActorUnmerge(ctx context.Context, env Env, args []string) (err error) {
	f := newFlags(env, "actor unmerge", "actor unmerge [--db FILE] (--merge ID | --actor ACTOR)", `Undoes a merge: the actor merged away comes back with its id, names, fields, relations,
notes and mentions; the kept actor loses the names and text the merge gave it. Relations
and notes changed since the merge keep their change (a relation edited later goes back
with its edit; one made after the merge stays with the kept actor); what could not be
given back is listed. --merge takes the id dossier actor merge printed; --actor undoes the
latest merge not yet undone that kept or dropped that actor (its kept actor's name, or an
alias it gained).`).withDB()
	mergeID := f.String("merge", "", "the merge `ID` to undo")
	name := f.String("actor", "", "undo the latest merge of this `ACTOR`")
	if _, err := f.parse(args, 0, 0); err != nil {
		return err
	}
	if (*mergeID == "") == (*name == "") {
		return f.usageErr("give either --merge ID or --actor ACTOR")
	}
	var id int64
	if *mergeID != "" {
		if id, err = strconv.ParseInt(strings.TrimPrefix(strings.TrimSpace(*mergeID), "#"), 10, 64); err != nil || id <= 0 {
			return f.usageErr("--merge: %q is not a merge id (a number, as dossier actor merge printed)", *mergeID)
		}
	}
	s, err := f.open(ctx)
	if err != nil {
		return err
	}
	defer closeStore(s, &err)
	ms, err := asMergeStore(s)
	if err != nil {
		return err
	}
	if *name != "" {
		a, err := s.FindActor(ctx, *name)
		if err != nil {
			return flagError("actor", err)
		}
		rec, err := ms.LastMerge(ctx, a.ID)
		if err != nil {
			return err
		}
		id = rec.ID
	}
	u, err := ms.Unmerge(ctx, id)
	if err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "undid merge #%d: #%d %s is back beside #%d %s (%d relation(s), %d note(s), %d mention(s) given back)\n",
		id, u.Restored.ID, shown(u.Restored.Name), u.Record.KeptID, shown(u.Record.KeptName), u.Relations, u.Notes, u.Mentions)
	for _, l := range u.Left {
		fmt.Fprintf(env.Stdout, "left as it is: %s\n", shown(l))
	}
	return nil
}

func runActorNotSame(ctx context.Context, env Env, args []string) (err error) {
	f := newFlags(env, "actor not-same", "actor not-same [--db FILE] ACTOR ACTOR", `Records that two actors are different, so that dossier actors duplicates never
proposes the pair again. An actor is a name, an alias, #id or UUID.`).withDB()
	pos, err := f.parse(args, 2, 2)
	if err != nil {
		return err
	}
	s, err := f.open(ctx)
	if err != nil {
		return err
	}
	defer closeStore(s, &err)
	ms, err := asMergeStore(s)
	if err != nil {
		return err
	}
	var ids [2]app.Actor
	for i, n := range pos {
		if ids[i], err = s.FindActor(ctx, n); err != nil {
			return err
		}
	}
	if err := ms.NotSame(ctx, ids[0].ID, ids[1].ID); err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "noted: #%d %s and #%d %s are not the same\n", ids[0].ID, shown(ids[0].Name), ids[1].ID, shown(ids[1].Name))
	return nil
}
