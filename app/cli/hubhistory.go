package cli

import (
	"context"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"

	"github.com/google/uuid"

	"dossier/app"
)

// hubHistory is what hub history and hub revert need of a hub (db/hub provides it).
type hubHistory interface {
	Collection(ctx context.Context, name string) (id string, canWrite bool, err error)
	History(ctx context.Context, collectionID string, uuids []string, limit int) ([]app.HubChangeEntry, bool, error)
	Revert(ctx context.Context, collectionID, collection string, change int64) (app.HubChangeEntry, error)
}

// openHubHistory connects to the hub at url and finds the collection coll.
func openHubHistory(ctx context.Context, env Env, url, coll string) (HubAdmin, hubHistory, string, error) {
	h, err := openHub(ctx, env, url)
	if err != nil {
		return nil, nil, "", err
	}
	hh, ok := h.(hubHistory)
	if !ok {
		h.Close(context.Background())
		return nil, nil, "", app.Errorf(app.EINTERNAL, "This build of Dossier cannot read a hub's history.")
	}
	id, _, err := hh.Collection(ctx, coll)
	if err != nil {
		h.Close(context.Background())
		return nil, nil, "", err
	}
	return h, hh, id, nil
}

func runHubHistory(ctx context.Context, env Env, args []string) (err error) {
	f, url := hubFlags(env, "hub history", "hub history --url URL --collection NAME [--record UUID] [--limit N] [--json]", `Lists the changes made to the collection's actors and relations, newest first: the change
number, when, who (the hub's user), what it did (created, changed which fields, deleted,
restored, reverted change N) and the record. The hub's database writes this log itself for
every change, whatever program made it. Any member who may read the collection may read it.
A change can be undone with dossier hub revert --change N.`)
	coll := f.String("collection", "", "the collection's `NAME`")
	record := f.String("record", "", "only the changes of the actor or relation with this `UUID`")
	limit := f.Int("limit", 200, "show at most `N` changes")
	asJSON := f.Bool("json", false, "print the changes as JSON, with each record before and after")
	if _, err := f.parse(args, 0, 0); err != nil {
		return err
	}
	if err := f.required("collection"); err != nil {
		return err
	}
	if *limit < 1 {
		return f.usageErr("--limit is at least 1, not %d", *limit)
	}
	var uuids []string
	if r := strings.TrimSpace(*record); r != "" {
		u, err := uuid.Parse(r)
		if err != nil {
			return f.usageErr("--record is a UUID (as dossier hub history prints them), not %q", r)
		}
		uuids = []string{u.String()}
	}
	h, hh, id, err := openHubHistory(ctx, env, *url, *coll)
	if err != nil {
		return err
	}
	defer h.Close(context.Background())
	hist, more, err := hh.History(ctx, id, uuids, *limit)
	if err != nil {
		return err
	}
	if *asJSON {
		if hist == nil {
			hist = []app.HubChangeEntry{}
		}
		enc := json.NewEncoder(env.Stdout)
		enc.SetIndent("", "  ")
		if err := enc.Encode(struct {
			Changes []app.HubChangeEntry `json:"changes"`
			More    bool                 `json:"more"`
		}{hist, more}); err != nil {
			return err
		}
		return nil
	}
	if len(hist) == 0 {
		fmt.Fprintln(env.Stdout, "no changes")
	}
	for _, e := range hist {
		fmt.Fprintln(env.Stdout, changeLine(e))
	}
	if more {
		fmt.Fprintf(env.Stdout, "(the newest %d changes shown; more with --limit)\n", len(hist))
	}
	return nil
}

// changeLine is a change in one line: "change 812  2026-12-03 14:02  bruno  changed
// note  relation 6f…  Harbour Board threatens Ilse Marquand".
func changeLine(e app.HubChangeEntry) string {
	what := e.Action()
	if fs := e.Fields(); len(fs) > 0 && what != "created" {
		what += " " + strings.Join(fs, ", ")
	}
	s := fmt.Sprintf("change %d  %s  %s  %s  %s %s  %s", e.Change, e.At.Local().Format("2006-01-02 15:04"), shown(e.By),
		what, e.Kind, e.UUID, shown(e.Label))
	if !e.Latest {
		s += "  (changed since)"
	}
	return s
}

func runHubRevert(ctx context.Context, env Env, args []string) (err error) {
	f, url := hubFlags(env, "hub revert", "hub revert --url URL --collection NAME --change N", `Undoes change N to an actor or relation (dossier hub history lists them): the record gets
back the version it had before, written as a new change that every member's next sync takes
in like any edit. A change that created the record is undone by deleting it. Refused when
the record was changed again since (revert the later change first, or edit by hand), and,
by the database, when you may only read the collection.`)
	coll := f.String("collection", "", "the collection's `NAME`")
	change := f.String("change", "", "the change's `NUMBER`")
	if _, err := f.parse(args, 0, 0); err != nil {
		return err
	}
	if err := f.required("collection", "change"); err != nil {
		return err
	}
	n, perr := strconv.ParseInt(strings.TrimSpace(*change), 10, 64)
	if perr != nil || n < 1 {
		return f.usageErr("--change is a change number (as dossier hub history prints them), not %q", *change)
	}
	h, hh, id, err := openHubHistory(ctx, env, *url, *coll)
	if err != nil {
		return err
	}
	defer h.Close(context.Background())
	e, err := hh.Revert(ctx, id, *coll, n)
	if err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "reverted change %d: %s %s is back as it was before, as change %d\n", n, e.Kind, e.UUID, e.Change)
	return nil
}
