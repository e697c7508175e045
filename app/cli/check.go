package cli

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"time"

	"dossier/app"
)

const checkSynopsis = "check [--db FILE] [--read-only | --repair] [--json]"

const checkAbout = `Checks the whole project: every page of the file (SQLite's integrity_check), each
full-text index and its agreement with the text the articles, notes, actors and relations
hold, the links between tables (foreign keys), and mentions and evidence left pointing at
an article, actor or relation that is gone. It prints each check with what it looked at and
how long it took, and exits 0 when all pass, 1 when one finds a problem.

With --repair it first backs the project up into its backups folder (the path is printed:
restoring that backup undoes the repair), then mends what it can (rebuilds the full-text
indexes that differ from the text, relinks the mentions of every article, removes orphan
mentions and evidence), prints exactly what that changed, then checks again. A project
with a damaged page is checked read-only and never repaired in place: restore a backup, or
save a copy of what can still be read, first.

With --json it writes one JSON object: db, damage (why the project was opened read-only,
"" when it was not), backup (the backup --repair took first, or ""), repair (what --repair
changed, or null), check (the checks, each with name, checked, unit, took_ns, problems) and ok.`

// checkStore is what dossier check needs of a project: *db.Store provides it.
type checkStore interface {
	Check(ctx context.Context) (app.CheckReport, error)
	Repair(ctx context.Context) (app.RepairReport, error)
}

// damageReporter is a store that can say it was opened read-only because damaged.
type damageReporter interface{ Damage() string }

// checkJSON is what check --json writes; its field names are a contract with scripts.
type checkJSON struct {
	DB     string            `json:"db"`
	Damage string            `json:"damage"`
	Backup string            `json:"backup"` // the backup --repair took first, "" without --repair
	Repair *app.RepairReport `json:"repair"`
	Check  app.CheckReport   `json:"check"`
	OK     bool              `json:"ok"`
}

func runCheck(ctx context.Context, env Env, args []string) (err error) {
	f := newFlags(env, "check", checkSynopsis, checkAbout).withDB().readsOnly()
	repair := f.Bool("repair", false, "mend what can be mended, say what changed, then check again")
	asJSON := f.Bool("json", false, "write the report as one JSON object")
	if _, err := f.parse(args, 0, 0); err != nil {
		return err
	}
	if *repair && *f.readOnly {
		return f.usageErr("--repair changes the project, so it cannot go with --read-only")
	}
	s, err := openToCheck(ctx, env, f)
	if err != nil {
		return err
	}
	warnSyncFolder(env, strings.TrimSpace(*f.db))
	defer closeStore(s, &err)
	cs, ok := s.(checkStore)
	if !ok {
		return app.Errorf(app.EINTERNAL, "This build of Dossier cannot check projects.")
	}
	out := checkJSON{DB: *f.db}
	if d, ok := s.(damageReporter); ok {
		out.Damage = d.Damage()
	}
	if *repair && out.Damage == "" {
		// Nothing is removed without a copy: the repair deletes rows (orphans), so the
		// project is backed up first, and the backup says how to undo it.
		bs, ok := s.(backupStore)
		if !ok {
			return app.Errorf(app.EINTERNAL, "This build of Dossier cannot back a project up before repairing it.")
		}
		pre, _, err := backupToFolder(ctx, env, bs, time.Now(), false)
		if err != nil {
			return fmt.Errorf("nothing repaired: the project could not be backed up first: %w", err)
		}
		out.Backup = pre.Path
		if !*asJSON {
			printBackup(env.Stdout, "backup before the repair (to undo it)", pre)
		}
		fix, err := cs.Repair(ctx)
		if err != nil {
			return err
		}
		out.Repair = &fix
		if !*asJSON {
			printRepair(env.Stdout, *f.db, fix)
		}
	}
	if out.Check, err = cs.Check(ctx); err != nil {
		return err
	}
	out.OK = out.Check.OK() && out.Damage == ""
	if *asJSON {
		enc := json.NewEncoder(env.Stdout)
		enc.SetIndent("", "  ")
		if err := enc.Encode(out); err != nil {
			return err
		}
	} else {
		printCheck(env.Stdout, out)
	}
	return checkVerdict(out, *repair)
}

// pageChecker is a store that can finish the open-time check of every page, however long
// it takes (*db.Store.CheckPages).
type pageChecker interface {
	CheckPages(ctx context.Context) error
}

// openToCheck opens the project for check. Open checks the large tables only as far as its
// time budget allows, so the rest of the pages are checked here too: a damaged page is
// found whatever the machine's speed, and the project is then checked read-only, as one
// Open refused, to say all that is wrong (and never repaired in place).
func openToCheck(ctx context.Context, env Env, f *flags) (Store, error) {
	path := strings.TrimSpace(*f.db)
	s, err := f.open(ctx)
	if err == nil {
		if pc, ok := s.(pageChecker); ok {
			if err = pc.CheckPages(ctx); err != nil {
				s.Close()
			}
		}
	}
	if app.IsCode(err, app.ECORRUPT) && env.OpenReadOnly != nil {
		// A damaged project is still checked, read-only, to say all that is wrong.
		s, err = env.OpenReadOnly(ctx, path)
		if err == nil {
			warnCopies(env, path)
		}
	}
	return s, err
}

// checkVerdict is the error that makes check exit 1 when a problem remains, saying what
// to do next; nil when the project is whole.
func checkVerdict(out checkJSON, repaired bool) error {
	if out.OK {
		return nil
	}
	var failed []string
	for _, it := range out.Check.Items {
		if !it.OK() {
			failed = append(failed, it.Name)
		}
	}
	what := fmt.Sprintf("The check of %s found problems (%s); they are listed above.", out.DB, strings.Join(failed, ", "))
	switch {
	case out.Damage == "" && out.Check.PageDamage() != "":
		what += " The project is damaged (" + out.Check.PageDamage() + "); the repair cannot mend that." +
			" Restore a backup, or save a copy of what can still be read (File ▸ Save a copy), then check that."
	case out.Damage != "":
		what += " The project is damaged (" + out.Damage + ") and was checked read-only; it cannot be repaired in place." +
			" Restore a backup, or save a copy of what can still be read (File ▸ Save a copy), then check that."
	case repaired:
		what += " The repair could not mend them. Restore a backup, or save a copy of what can still be read (File ▸ Save a copy)."
	default:
		what += " Run 'dossier check --repair' to mend what can be mended; it says exactly what it changes."
	}
	return app.Errorf(app.ECORRUPT, "%s", what)
}

func printRepair(w io.Writer, db string, fix app.RepairReport) {
	fmt.Fprintf(w, "repair of %s (%s):\n", shown(db), round(fix.Took))
	if len(fix.Changes) == 0 {
		fmt.Fprintln(w, "  nothing needed changing")
	}
	for _, ch := range fix.Changes {
		fmt.Fprintf(w, "  %s\n", shown(ch.What))
	}
}

func printCheck(w io.Writer, out checkJSON) {
	rep := out.Check
	fmt.Fprintf(w, "check of %s: %d tables, %d rows, %s\n", shown(out.DB), rep.Tables, rep.Rows, round(rep.Took))
	if out.Damage != "" {
		fmt.Fprintf(w, "  opened read-only because damaged: %s\n", shown(out.Damage))
	}
	for _, it := range rep.Items {
		state := "ok     "
		if !it.OK() {
			state = "PROBLEM"
		}
		fmt.Fprintf(w, "  %s %s (%d %s, %s)\n", state, it.Name, it.Checked, it.Unit, round(it.Took))
		for _, p := range it.Problems {
			fmt.Fprintf(w, "      %s\n", shown(p))
		}
		if it.Cut > 0 {
			fmt.Fprintf(w, "      … and %d more\n", it.Cut)
		}
	}
}

// round shortens a duration for reading: 1.234s, 12ms.
func round(d time.Duration) string {
	if d >= time.Second {
		return d.Round(time.Millisecond).String()
	}
	return d.Round(100 * time.Microsecond).String()
}
