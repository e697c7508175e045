package cli

import (
	"context"
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"time"

	"dossier/app"
)

// backupStore is what backup and restore need of an open project beyond Store; *db.Store
// provides it.
type backupStore interface {
	Backup(ctx context.Context, out string) (app.BackupInfo, error)
	Path() string
}

const backupAbout = `Writes a verified copy of the project. The copy is taken from one consistent snapshot,
written under a temporary name, checked (it opens, SQLite's quick_check is clean, every
full-text index passes its integrity check, and its row counts equal the project's) and
only then given its name. An existing file is never overwritten.

Without --out the backup goes to the project's backups folder,
  %s
named by the time it was taken (UTC); older backups there are then rotated out, keeping
the newest 10 and the newest of each day for 30 days. Prints the backup's path and what
it holds.`

func runBackup(ctx context.Context, env Env, args []string) (err error) {
	f := newFlags(env, "backup", "backup [--db FILE] [--out FILE]",
		fmt.Sprintf(backupAbout, shown(filepath.Join(dataDir(env), "backups", "NAME-HASH")))).withDB()
	out := f.String("out", "", "write the backup to `FILE` (which must not exist) instead of the backups folder")
	if _, err := f.parse(args, 0, 0); err != nil {
		return err
	}
	s, err := f.open(ctx)
	if err != nil {
		return err
	}
	defer closeStore(s, &err)
	bs, ok := s.(backupStore)
	if !ok {
		return app.Errorf(app.EINTERNAL, "this project store cannot write backups")
	}
	if *out != "" {
		info, err := bs.Backup(ctx, *out)
		if err != nil {
			return flagError("out", err)
		}
		printBackup(env.Stdout, "backup", info)
		return nil
	}
	info, removed, err := backupToFolder(ctx, env, bs, time.Now(), true)
	if err != nil {
		return err
	}
	printBackup(env.Stdout, "backup", info)
	if len(removed) > 0 {
		fmt.Fprintf(env.Stdout, "rotated out %d older backup(s)\n", len(removed))
	}
	return nil
}

// dataDir is the folder that holds the default project and the backups folder.
func dataDir(env Env) string {
	return filepath.Dir(env.DefaultDB)
}

// backupToFolder backs the project up into its backups folder and, with rotate, rotates
// the older ones out (app.BackupToFolder).
func backupToFolder(ctx context.Context, env Env, s backupStore, now time.Time, rotate bool) (app.BackupInfo, []string, error) {
	var r *app.Rotation
	if rotate {
		r = &app.DefaultRotation
	}
	return app.BackupToFolder(ctx, dataDir(env), s, now, r)
}

func printBackup(w io.Writer, label string, info app.BackupInfo) {
	fmt.Fprintf(w, "%s: %s\n", label, shown(info.Path))
	c := info.Counts
	fmt.Fprintf(w, "  %d articles, %d actors, %d relations, %d evidence, %d mentions, %d notes; %d bytes\n",
		c.Articles, c.Actors, c.Relations, c.Evidence, c.Mentions, c.Notes, info.Size)
}

func runRestore(ctx context.Context, env Env, args []string) (err error) {
	f := newFlags(env, "restore", "restore [--db FILE] --from BACKUP",
		`Replaces the project with a backup. BACKUP is verified first, as backup verifies its
copies; a damaged backup or another program's file is refused and the project is left
untouched. The project is then backed up into its backups folder, so the restore can be
undone (the path is printed), and replaced: BACKUP is copied under a temporary name
beside the project, saved to the disk, and renamed over it. The project must not be
open in the window or another command.`).withDB()
	from := f.String("from", "", "the `BACKUP` file to restore")
	if _, err := f.parse(args, 0, 0); err != nil {
		return err
	}
	if err := f.required("from"); err != nil {
		return err
	}
	if env.VerifyBackup == nil {
		return app.Errorf(app.EINTERNAL, "this build cannot verify backups")
	}
	info, err := env.VerifyBackup(ctx, *from)
	if err != nil {
		return flagError("from", err)
	}
	project, err := filepath.Abs(strings.TrimSpace(*f.db))
	if err != nil || strings.TrimSpace(*f.db) == "" {
		return f.usageErr("no project file: give --db FILE")
	}
	if app.SameFile(project, info.Path) {
		return f.usageErr("--from names the project itself")
	}
	s, err := f.open(ctx)
	var current app.BackupCloser
	switch {
	case app.IsCode(err, app.ECORRUPT):
		// The case restore is most often for: the project is damaged; app.Restore keeps
		// its file byte for byte instead of a backup.
	case err != nil:
		return err
	default:
		bs, ok := s.(app.BackupCloser)
		if !ok {
			s.Close()
			return app.Errorf(app.EINTERNAL, "this project store cannot write backups")
		}
		current = bs
	}
	res, err := app.Restore(ctx, dataDir(env), info, project, current, current == nil)
	switch {
	case res.Damaged:
		fmt.Fprintf(env.Stdout, "copy of the damaged project (to undo the restore): %s\n", shown(res.Undo))
	case res.Undo != "":
		printBackup(env.Stdout, "backup of the current project (to undo the restore)", res.UndoInfo)
	}
	if err != nil {
		return err
	}
	printBackup(env.Stdout, "restored "+shown(project)+" from", info)
	return nil
}
