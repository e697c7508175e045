package app

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"
)

// This file holds the file side of backing up and restoring, shared by the batch
// interface (app/cli) and the window (views): the backups folder, its rotation, keeping a
// damaged project's file and replacing a project by a backup. Writing and verifying a
// backup is the store's (db); here are only files and folders.

// BackupWriter is what backing a project up needs of it; *db.Store provides it.
type BackupWriter interface {
	Backup(ctx context.Context, out string) (BackupInfo, error)
	Path() string
}

// VerifyFunc verifies a backup file and says what it holds (db.VerifyBackup).
type VerifyFunc func(ctx context.Context, path string) (BackupInfo, error)

// staleTemp is how old an unverified temporary copy in a backups folder must be before it
// is removed: younger ones may belong to a backup another process is writing right now.
const staleTemp = time.Hour

// DamagedMarker ends the stem of the name a damaged project's file is kept under in its
// backups folder (TIME.damaged.dossier): ParseBackupName does not take it for a backup,
// so rotation never counts or removes it.
const DamagedMarker = ".damaged"

// BackupToFolder backs the project up into its backups folder (BackupDir(dataDir, …)),
// named by now, and, when rotate is not nil, then rotates the older ones out by it. Only
// a backup verified and given its name is counted or removed; rotation runs only after
// the new one is in place. It returns the backup and the names rotation removed.
func BackupToFolder(ctx context.Context, dataDir string, s BackupWriter, now time.Time, rotate *Rotation) (BackupInfo, []string, error) {
	dir := BackupDir(dataDir, s.Path())
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return BackupInfo{}, nil, &Error{Code: EREADONLY, Err: err, Message: fmt.Sprintf("Cannot create the backups folder %s: %v.", dir, PathReason(err))}
	}
	info, err := s.Backup(ctx, filepath.Join(dir, BackupName(now)))
	if err != nil {
		return info, nil, err
	}
	if rotate == nil {
		return info, nil, nil
	}
	removed, err := RotateFolder(dir, *rotate, now)
	return info, removed, err
}

// RotateFolder removes the backups in dir that r does not keep, and temporary copies
// older than staleTemp. It returns the names of the backups it removed.
func RotateFolder(dir string, r Rotation, now time.Time) ([]string, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, &Error{Code: EREADONLY, Err: err, Message: fmt.Sprintf("Cannot read the backups folder %s: %v.", dir, PathReason(err))}
	}
	var names []string
	for _, e := range entries {
		if !e.Type().IsRegular() {
			continue
		}
		if strings.Contains(e.Name(), BackupTempMarker) {
			if fi, err := e.Info(); err == nil && now.Sub(fi.ModTime()) > staleTemp {
				os.Remove(filepath.Join(dir, e.Name()))
			}
			continue
		}
		names = append(names, e.Name())
	}
	remove := Rotate(names, r, now)
	for _, n := range remove {
		if err := os.Remove(filepath.Join(dir, n)); err != nil && !errors.Is(err, os.ErrNotExist) {
			return nil, &Error{Code: EREADONLY, Err: err, Message: fmt.Sprintf("Cannot remove the old backup %s: %v.", filepath.Join(dir, n), PathReason(err))}
		}
	}
	return remove, nil
}

// BackupFile is one backup found in a backups folder, before it is verified.
type BackupFile struct {
	Path string
	Time time.Time // from its name (UTC)
	Size int64
}

// ListBackups lists the backups in dir, newest first: only files named as backups are
// (ParseBackupName); temporary copies and kept damaged files are not. A missing folder
// holds none.
func ListBackups(dir string) ([]BackupFile, error) {
	entries, err := os.ReadDir(dir)
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, &Error{Code: EREADONLY, Err: err, Message: fmt.Sprintf("Cannot read the backups folder %s: %v.", dir, PathReason(err))}
	}
	var out []BackupFile
	for _, e := range entries {
		t, ok := ParseBackupName(e.Name())
		if !ok || !e.Type().IsRegular() {
			continue
		}
		fi, err := e.Info()
		if err != nil {
			continue // removed meanwhile (rotation by another process)
		}
		out = append(out, BackupFile{Path: filepath.Join(dir, e.Name()), Time: t, Size: fi.Size()})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Time.After(out[j].Time) })
	return out, nil
}

// Refused is a backup NewestVerified tried and passed over, with why.
type Refused struct {
	File BackupFile
	Err  error
}

// NewestVerified verifies the backups in dir newest first and returns the first that
// passes, with those passed over before it (each with its reason). ok is false when none
// verifies (or there are none).
func NewestVerified(ctx context.Context, dir string, verify VerifyFunc) (info BackupInfo, refused []Refused, ok bool, err error) {
	files, err := ListBackups(dir)
	if err != nil {
		return BackupInfo{}, nil, false, err
	}
	for _, f := range files {
		info, verr := verify(ctx, f.Path)
		if ctx.Err() != nil {
			return BackupInfo{}, refused, false, ctx.Err()
		}
		if verr == nil {
			info.Time = f.Time // when it was taken, not when the file was last touched
			return info, refused, true, nil
		}
		refused = append(refused, Refused{File: f, Err: verr})
	}
	return BackupInfo{}, refused, false, nil
}

// KeepDamaged copies a damaged project file, and its WAL if it has one, unchanged into
// its backups folder as TIME.damaged.dossier (a name rotation never counts or removes),
// and returns the copy's path.
func KeepDamaged(dataDir, project string, now time.Time) (string, error) {
	dir := BackupDir(dataDir, project)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return "", &Error{Code: EREADONLY, Err: err, Message: fmt.Sprintf("Cannot create the backups folder %s: %v.", dir, PathReason(err))}
	}
	out := filepath.Join(dir, strings.TrimSuffix(BackupName(now), BackupExt)+DamagedMarker+BackupExt)
	if _, err := os.Lstat(out); err == nil {
		return "", Errorf(ECONFLICT, "%s already exists; try again in a moment.", out)
	}
	if err := ReplaceFile(project, out); err != nil {
		return "", err
	}
	if _, err := os.Stat(project + "-wal"); err == nil {
		if err := ReplaceFile(project+"-wal", out+"-wal"); err != nil {
			return "", err
		}
	}
	return out, nil
}

// SameFile reports whether two paths name one file.
func SameFile(a, b string) bool {
	sa, err1 := os.Stat(a)
	sb, err2 := os.Stat(b)
	return err1 == nil && err2 == nil && os.SameFile(sa, sb)
}

// removeStaleRestores removes the temporary copies a restore killed half-way left beside
// dst (hidden, named .NAME.restore-*), once they are older than staleTemp: they are never
// the project, only a partial copy of a backup that is still in the backups folder.
func removeStaleRestores(dst string, now time.Time) {
	dir, prefix := filepath.Dir(dst), "."+filepath.Base(dst)+".restore-"
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if !strings.HasPrefix(e.Name(), prefix) || !e.Type().IsRegular() {
			continue
		}
		if st, err := e.Info(); err == nil && now.Sub(st.ModTime()) > staleTemp {
			os.Remove(filepath.Join(dir, e.Name()))
		}
	}
}

// ReplaceFile makes dst a copy of src, whole or not at all: src is copied to a temporary
// name in dst's folder, saved to the disk and renamed over dst. dst's stale -wal and -shm
// (dst is closed) are removed first: SQLite would otherwise read the old project's
// journal into the restored one.
func ReplaceFile(src, dst string) error {
	dir := filepath.Dir(dst)
	in, err := os.Open(src)
	if err != nil {
		return &Error{Code: ENOTFOUND, Err: err, Message: fmt.Sprintf("Cannot read the backup %s: %v.", src, PathReason(err))}
	}
	defer in.Close()
	removeStaleRestores(dst, time.Now())
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(dst)+".restore-*")
	if err != nil {
		return &Error{Code: EREADONLY, Err: err, Message: fmt.Sprintf("Cannot write in %s: %v; the project was left as it was.", dir, PathReason(err))}
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
		return &Error{Code: EINTERNAL, Err: err, Message: fmt.Sprintf("Cannot copy the backup beside %s (%v); the project was left as it was. Check that the disk is not full.", dst, PathReason(err))}
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
			return &Error{Code: EREADONLY, Err: err, Message: fmt.Sprintf("Cannot remove %s%s (%v); the project was left as it was.", dst, ext, PathReason(err))}
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

// PathReason is the part of a file-system error worth showing: the reason, not the
// operation and path the message already names.
func PathReason(err error) error {
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

// BackupCloser is an open project that can be backed up and closed (*db.Store).
type BackupCloser interface {
	BackupWriter
	Close() error
}

// RestoreResult says what a restore did, and how to undo it.
type RestoreResult struct {
	Restored BackupInfo // the backup now in the project's place
	// Undo is the copy of what was replaced: a verified backup of it (UndoInfo), or, for a
	// damaged project, its file kept byte for byte (Damaged set).
	Undo     string
	UndoInfo BackupInfo
	Damaged  bool
}

// inUseElsewhere reports whether another connection still has the project at path open,
// once this process closed its own: the last connection to close a WAL project checkpoints
// it and deletes its -wal and -shm, so files left behind belong to a connection still
// open. Replacing the file under it would mix its WAL with another database.
func inUseElsewhere(path string) bool {
	for _, ext := range []string{"-wal", "-shm"} {
		if _, err := os.Stat(path + ext); err == nil {
			return true
		}
	}
	return false
}

// Restore replaces the project file at project with the backup from, which the caller
// has verified (VerifyBackup). Nothing is replaced without a copy: a whole project
// (current, open) is first backed up into its backups folder, without rotation, which
// could remove the very backup being restored; a damaged one (damaged set; current may be
// nil) is kept byte for byte (KeepDamaged). current is closed before its file is
// replaced, whatever happens: the caller opens the project again. A copy that fails stops
// the restore with the project as it was.
func Restore(ctx context.Context, dataDir string, from BackupInfo, project string, current BackupCloser, damaged bool) (RestoreResult, error) {
	res := RestoreResult{Restored: from}
	closeCurrent := func() error {
		if current == nil {
			return nil
		}
		c := current
		current = nil
		return c.Close()
	}
	defer closeCurrent()
	if SameFile(project, from.Path) {
		return res, Errorf(EINVALID, "%s is the project itself, not a backup of it.", from.Path)
	}
	if damaged || current == nil {
		// The case restore is most often for: the project is damaged and cannot be
		// backed up as a whole. Its file is kept as it is, byte for byte, instead; it is
		// closed first so that nothing writes to it meanwhile.
		closeCurrent()
		kept, err := KeepDamaged(dataDir, project, time.Now())
		if err != nil {
			return res, fmt.Errorf("nothing restored: the damaged project could not be copied first: %w", err)
		}
		res.Undo, res.Damaged = kept, true
	} else {
		pre, _, err := BackupToFolder(ctx, dataDir, current, time.Now(), nil)
		if err != nil {
			return res, fmt.Errorf("nothing restored: the current project could not be backed up first: %w", err)
		}
		res.Undo, res.UndoInfo = pre.Path, pre
		// Close before replacing: the last connection's close checkpoints the WAL into
		// the old file, so what remains of -wal/-shm afterwards is stale and removed.
		if err := closeCurrent(); err != nil {
			return res, fmt.Errorf("nothing restored: the project could not be closed: %w", err)
		}
		if inUseElsewhere(project) {
			return res, Errorf(ELOCKED, "Nothing restored: %s is still open in another program (a Dossier window or a batch command that has not finished). Close it there, then restore again. The backup of the current project is kept: %s", project, pre.Path)
		}
	}
	if err := ReplaceFile(from.Path, project); err != nil {
		return res, err
	}
	return res, nil
}
