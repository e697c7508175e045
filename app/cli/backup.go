package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
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

// staleTemp is how old an unverified temporary copy in a backups folder must be before it
// is removed: younger ones may belong to a backup another process is writing right now.
const staleTemp = time.Hour

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
// the older ones out. Only verified backups (their final names) are counted or removed; a leftover
// temporary copy is removed once it is old enough not to be another backup in progress.
func backupToFolder(ctx context.Context, env Env, s backupStore, now time.Time, rotate bool) (app.BackupInfo, []string, error) {
	dir := app.BackupDir(dataDir(env), s.Path())
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return app.BackupInfo{}, nil, &app.Error{Code: app.EREADONLY, Err: err, Message: fmt.Sprintf("Cannot create the backups folder %s: %v.", dir, pathReason(err))}
	}
	info, err := s.Backup(ctx, filepath.Join(dir, app.BackupName(now)))
	if err != nil {
		return info, nil, err
	}
	if !rotate {
		return info, nil, nil
	}
	removed, err := rotateFolder(dir, app.DefaultRotation, now)
	return info, removed, err
}

// rotateFolder removes the backups in dir that r does not keep, and temporary copies
// older than staleTemp. It returns the names of the backups it removed.
func rotateFolder(dir string, r app.Rotation, now time.Time) ([]string, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, &app.Error{Code: app.EREADONLY, Err: err, Message: fmt.Sprintf("Cannot read the backups folder %s: %v.", dir, pathReason(err))}
	}
	var names []string
	for _, e := range entries {
		if !e.Type().IsRegular() {
			continue
		}
		if strings.Contains(e.Name(), app.BackupTempMarker) {
			if fi, err := e.Info(); err == nil && now.Sub(fi.ModTime()) > staleTemp {
				os.Remove(filepath.Join(dir, e.Name()))
			}
			continue
		}
		names = append(names, e.Name())
	}
	remove := app.Rotate(names, r, now)
	for _, n := range remove {
		if err := os.Remove(filepath.Join(dir, n)); err != nil && !errors.Is(err, os.ErrNotExist) {
			return nil, &app.Error{Code: app.EREADONLY, Err: err, Message: fmt.Sprintf("Cannot remove the old backup %s: %v.", filepath.Join(dir, n), pathReason(err))}
		}
	}
	return remove, nil
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
	if same(project, info.Path) {
		return f.usageErr("--from names the project itself")
	}
	s, err := f.open(ctx)
	switch {
	case app.IsCode(err, app.ECORRUPT):
		// The case restore is most often for: the project is damaged and cannot be
		// backed up as a whole. Its file is kept as it is, byte for byte, instead.
		kept, cerr := keepDamaged(env, project, time.Now())
		if cerr != nil {
			return fmt.Errorf("nothing restored: the damaged project could not be copied first: %w", cerr)
		}
		fmt.Fprintf(env.Stdout, "copy of the damaged project (to undo the restore): %s\n", shown(kept))
	case err != nil:
		return err
	default:
		if err := backupBeforeRestore(ctx, env, s); err != nil {
			return err
		}
	}
	if err := replaceFile(info.Path, project); err != nil {
		return err
	}
	printBackup(env.Stdout, "restored "+shown(project)+" from", info)
	return nil
}

// backupBeforeRestore backs the open project s up into its backups folder and closes it.
func backupBeforeRestore(ctx context.Context, env Env, s Store) error {
	bs, ok := s.(backupStore)
	if !ok {
		s.Close()
		return app.Errorf(app.EINTERNAL, "this project store cannot write backups")
	}
	// No rotation here: it could remove the very backup being restored.
	pre, _, err := backupToFolder(ctx, env, bs, time.Now(), false)
	if err != nil {
		s.Close()
		return fmt.Errorf("nothing restored: the current project could not be backed up first: %w", err)
	}
	printBackup(env.Stdout, "backup of the current project (to undo the restore)", pre)
	// Close before replacing: the last connection's close checkpoints the WAL into the
	// old file, so what remains of -wal/-shm afterwards is stale and removed by replaceFile.
	return s.Close()
}

// keepDamaged copies a damaged project file, and its WAL if it has one, unchanged into
// its backups folder as TIME.damaged.dossier (a name rotation never counts or removes),
// and returns the copy's path.
func keepDamaged(env Env, project string, now time.Time) (string, error) {
	dir := app.BackupDir(dataDir(env), project)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return "", &app.Error{Code: app.EREADONLY, Err: err, Message: fmt.Sprintf("Cannot create the backups folder %s: %v.", dir, pathReason(err))}
	}
	out := filepath.Join(dir, strings.TrimSuffix(app.BackupName(now), app.BackupExt)+".damaged"+app.BackupExt)
	if _, err := os.Lstat(out); err == nil {
		return "", app.Errorf(app.ECONFLICT, "%s already exists; try again in a moment.", out)
	}
	if err := replaceFile(project, out); err != nil {
		return "", err
	}
	if _, err := os.Stat(project + "-wal"); err == nil {
		if err := replaceFile(project+"-wal", out+"-wal"); err != nil {
			return "", err
		}
	}
	return out, nil
}

// same reports whether two paths name one file.
func same(a, b string) bool {
	sa, err1 := os.Stat(a)
	sb, err2 := os.Stat(b)
	return err1 == nil && err2 == nil && os.SameFile(sa, sb)
}

// replaceFile makes dst a copy of src, whole or not at all: src is copied to a temporary
// name in dst's folder, saved to the disk and renamed over dst. dst's stale -wal and -shm
// (dst is closed) are removed first: SQLite would otherwise read the old project's
// journal into the restored one.
func replaceFile(src, dst string) error {
	dir := filepath.Dir(dst)
	in, err := os.Open(src)
	if err != nil {
		return &app.Error{Code: app.ENOTFOUND, Err: err, Message: fmt.Sprintf("Cannot read the backup %s: %v.", src, pathReason(err))}
	}
	defer in.Close()
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(dst)+".restore-*")
	if err != nil {
		return &app.Error{Code: app.EREADONLY, Err: err, Message: fmt.Sprintf("Cannot write in %s: %v; the project was left as it was.", dir, pathReason(err))}
	}
	keep := false
	defer func() {
		if !keep {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	mode := os.FileMode(0o644)
	if st, err := os.Stat(dst); err == nil {
		mode = st.Mode().Perm()
	}
	failed := func(err error) error {
		return &app.Error{Code: app.EINTERNAL, Err: err, Message: fmt.Sprintf("Cannot copy the backup beside %s (%v); the project was left as it was. Check that the disk is not full.", dst, pathReason(err))}
	}
	if _, err := io.Copy(tmp, in); err != nil {
		return failed(err)
	}
	if err := tmp.Chmod(mode); err != nil {
		return failed(err)
	}
	if err := tmp.Sync(); err != nil {
		return failed(err)
	}
	if err := tmp.Close(); err != nil {
		return failed(err)
	}
	for _, ext := range []string{"-wal", "-shm"} {
		if err := os.Remove(dst + ext); err != nil && !errors.Is(err, os.ErrNotExist) {
			return &app.Error{Code: app.EREADONLY, Err: err, Message: fmt.Sprintf("Cannot remove %s%s (%v); the project was left as it was.", dst, ext, pathReason(err))}
		}
	}
	if err := os.Rename(tmp.Name(), dst); err != nil {
		return failed(err)
	}
	keep = true
	if d, err := os.Open(dir); err == nil {
		d.Sync()
		d.Close()
	}
	return nil
}
