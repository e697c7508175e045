package cli_test

import (
	"bytes"
	"context"
	"database/sql"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"dossier/app"
	"dossier/app/cli"
	"dossier/db"
)

// backupPath returns the path a backup or restore printed after label.
func backupPath(t *testing.T, out, label string) string {
	t.Helper()
	for _, l := range strings.Split(out, "\n") {
		if p, ok := strings.CutPrefix(l, label+": "); ok {
			return p
		}
	}
	t.Fatalf("no %q line in:\n%s", label, out)
	return ""
}

func verified(t *testing.T, path string) app.BackupInfo {
	t.Helper()
	info, err := db.VerifyBackup(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	return info
}

// TestBackupRestoreRoundTrip: a backup, a change, a restore bring the old content back,
// and the backup the restore took first holds the changed content (the restore can be undone).
func TestBackupRestoreRoundTrip(t *testing.T) {
	p := newProject(t)
	p.must("actor", "add", "--name", "Alder Port Authority")
	saved := filepath.Join(p.dir, "saved.dossier")
	out := p.must("backup", "--out", saved)
	if got := backupPath(t, out, "backup"); got != saved {
		t.Fatalf("printed %q, want %q", got, saved)
	}
	if !strings.Contains(out, "1 actors") {
		t.Fatalf("counts not printed:\n%s", out)
	}
	p.must("actor", "add", "--name", "Birch Shipping Line")

	out = p.must("restore", "--from", saved)
	pre := backupPath(t, out, "backup of the current project (to undo the restore)")
	if info := verified(t, pre); info.Counts.Actors != 2 {
		t.Fatalf("the pre-restore backup holds %d actors, want 2 (the changed content)", info.Counts.Actors)
	}
	if filepath.Dir(pre) != app.BackupDir(p.dir, p.db) {
		t.Fatalf("pre-restore backup in %s, want the project's backups folder", filepath.Dir(pre))
	}
	list := p.must("list", "actors")
	if !strings.Contains(list, "Alder Port Authority") || strings.Contains(list, "Birch Shipping Line") {
		t.Fatalf("after restore the actors are:\n%s", list)
	}
	for _, ext := range []string{"-wal", "-shm"} {
		if _, err := os.Stat(p.db + ext); err == nil {
			t.Errorf("%s%s left beside the restored project after the command", p.db, ext)
		}
	}
	// Undo: restoring the pre-restore backup brings the change back.
	p.must("restore", "--from", pre)
	if list := p.must("list", "actors"); !strings.Contains(list, "Birch Shipping Line") {
		t.Fatalf("undoing the restore lost the change:\n%s", list)
	}
}

// TestRestoreRefusesBadBackup: a damaged backup, another program's database, a text file
// and a missing file are refused before anything happens; the project is untouched byte
// for byte and no backup of it is taken.
func TestRestoreRefusesBadBackup(t *testing.T) {
	p := newProject(t)
	p.must("actor", "add", "--name", "Cedar Freight")
	good := filepath.Join(p.dir, "good.dossier")
	p.must("backup", "--out", good)
	data, _ := os.ReadFile(good)

	truncated := p.write("truncated.dossier", data[:len(data)/2])
	foreign := filepath.Join(p.dir, "other.db")
	execSQL(t, foreign, "CREATE TABLE t(x); INSERT INTO t VALUES (1)")
	damagedFTS := p.write("fts.dossier", data)
	execSQL(t, damagedFTS, "UPDATE actors_fts_data SET block = zeroblob(length(block)) WHERE id > 1")
	text := p.write("notes.txt", []byte("a page of invented notes"))

	before, _ := os.ReadFile(p.db)
	for _, from := range []string{truncated, foreign, damagedFTS, text, filepath.Join(p.dir, "missing.dossier")} {
		r := p.run("restore", "--from", from)
		if r.code != 1 || !strings.Contains(r.errOut, "--from") {
			t.Errorf("restore --from %s: exit %d, stderr %q", filepath.Base(from), r.code, r.errOut)
		}
		if after, _ := os.ReadFile(p.db); !bytes.Equal(before, after) {
			t.Fatalf("restore --from %s changed the project", filepath.Base(from))
		}
	}
	if _, err := os.Stat(filepath.Join(p.dir, "backups")); !os.IsNotExist(err) {
		t.Fatal("a refused restore backed the project up (the backups folder exists)")
	}
}

func TestBackupRefusesToOverwriteOut(t *testing.T) {
	p := newProject(t)
	taken := p.write("taken.dossier", []byte("a file that is not to be lost"))
	r := p.run("backup", "--out", taken)
	if r.code != 1 || !strings.Contains(r.errOut, "already exists") || r.out != "" {
		t.Fatalf("exit %d, stdout %q, stderr %q", r.code, r.out, r.errOut)
	}
	if b, _ := os.ReadFile(taken); string(b) != "a file that is not to be lost" {
		t.Fatal("--out was overwritten")
	}
}

// TestBackupDefaultFolderRotates: without --out the backup lands in the project's backups
// folder under a timestamp name, and older backups there are rotated out; files that are
// not verified backups (a fresh temporary copy, the user's own file) are left alone, and
// only a temporary copy old enough to be abandoned is removed.
func TestBackupDefaultFolderRotates(t *testing.T) {
	p := newProject(t)
	dir := app.BackupDir(p.dir, p.db)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		t.Fatal(err)
	}
	now := time.Now()
	var old []string
	for i := 1; i <= 14; i++ { // 14 backups a minute apart, all today or yesterday
		name := app.BackupName(now.Add(-time.Duration(i) * time.Minute))
		old = append(old, name)
		os.WriteFile(filepath.Join(dir, name), []byte("x"), 0o600)
	}
	mine := filepath.Join(dir, "my notes.txt")
	os.WriteFile(mine, []byte("keep"), 0o600)
	fresh := filepath.Join(dir, old[0]+app.BackupTempMarker+"1")
	stale := filepath.Join(dir, old[1]+app.BackupTempMarker+"2")
	os.WriteFile(fresh, nil, 0o600)
	os.WriteFile(stale, nil, 0o600)
	os.Chtimes(stale, now.Add(-2*time.Hour), now.Add(-2*time.Hour))

	out := p.must("backup")
	path := backupPath(t, out, "backup")
	if filepath.Dir(path) != dir {
		t.Fatalf("backup written to %s, want %s", path, dir)
	}
	if _, ok := app.ParseBackupName(filepath.Base(path)); !ok {
		t.Fatalf("backup name %q is not a timestamp name", filepath.Base(path))
	}
	verified(t, path)
	want := app.Rotate(append(old, filepath.Base(path)), app.DefaultRotation, time.Now())
	if len(want) == 0 || !strings.Contains(out, "rotated out") {
		t.Fatalf("nothing rotated out (want %v):\n%s", want, out)
	}
	for _, n := range want {
		if _, err := os.Stat(filepath.Join(dir, n)); !os.IsNotExist(err) {
			t.Errorf("%s was not rotated out", n)
		}
	}
	entries, _ := os.ReadDir(dir)
	backups := 0
	for _, e := range entries {
		if _, ok := app.ParseBackupName(e.Name()); ok {
			backups++
		}
	}
	if backups > 10+2 || backups < 10 {
		t.Fatalf("%d backups kept, want the last 10 (plus one a day)", backups)
	}
	for _, f := range []string{mine, fresh, path} {
		if _, err := os.Stat(f); err != nil {
			t.Errorf("%s was removed", filepath.Base(f))
		}
	}
	if _, err := os.Stat(stale); !os.IsNotExist(err) {
		t.Error("the abandoned temporary copy was not cleaned up")
	}
}

// execSQL runs statements on the SQLite file at path with a plain connection, as another
// program (or a damaging one) would.
func execSQL(t *testing.T, path, stmts string) {
	t.Helper()
	h, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	defer h.Close()
	if _, err := h.Exec(stmts); err != nil {
		t.Fatal(err)
	}
}

// TestRestoreOverDamagedProject: a project Dossier refuses as damaged can still be
// restored, and its damaged file is kept byte for byte in the backups folder first (under
// a name rotation never removes).
func TestRestoreOverDamagedProject(t *testing.T) {
	p := newProject(t)
	p.must("actor", "add", "--name", "Eider Salvage")
	good := filepath.Join(p.dir, "good.dossier")
	p.must("backup", "--out", good)
	data, err := os.ReadFile(p.db)
	if err != nil {
		t.Fatal(err)
	}
	damaged := data[:len(data)/2]
	p.write(filepath.Base(p.db), damaged)
	if r := p.run("list", "actors"); r.code != 1 {
		t.Fatalf("the damaged project opened: %+v", r)
	}
	out := p.must("restore", "--from", good)
	kept := backupPath(t, out, "copy of the damaged project (to undo the restore)")
	if b, _ := os.ReadFile(kept); !bytes.Equal(b, damaged) {
		t.Fatal("the kept copy is not the damaged file as it was")
	}
	if _, ok := app.ParseBackupName(filepath.Base(kept)); ok || filepath.Dir(kept) != app.BackupDir(p.dir, p.db) {
		t.Fatalf("kept as %s: want a non-rotated name in the backups folder", kept)
	}
	if list := p.must("list", "actors"); !strings.Contains(list, "Eider Salvage") {
		t.Fatalf("after restore:\n%s", list)
	}
}

// TestRestoreNeverReplacesForeignFile: --db naming another program's database is refused,
// even with a good backup: restore replaces only Dossier projects.
func TestRestoreNeverReplacesForeignFile(t *testing.T) {
	p := newProject(t)
	good := filepath.Join(p.dir, "good.dossier")
	p.must("backup", "--out", good)
	foreign := filepath.Join(p.dir, "ledger.db")
	execSQL(t, foreign, "CREATE TABLE entries(x); INSERT INTO entries VALUES (1)")
	before, _ := os.ReadFile(foreign)
	r := p.run("restore", "--db", foreign, "--from", good)
	if r.code != 1 || !strings.Contains(r.errOut, "not a Dossier project") {
		t.Fatalf("exit %d, stderr %q", r.code, r.errOut)
	}
	if after, _ := os.ReadFile(foreign); !bytes.Equal(before, after) {
		t.Fatal("the foreign file changed")
	}
}

// TestRestoreKeepsTheBackupItRestores: restoring the oldest of a full backups folder
// works, and the backup taken first does not rotate the chosen backup (or any) out.
func TestRestoreKeepsTheBackupItRestores(t *testing.T) {
	p := newProject(t)
	p.must("actor", "add", "--name", "Fulmar Docks")
	var first string
	for i := range app.DefaultRotation.KeepLast { // a full folder: the next backup would rotate the first out
		path := backupPath(t, p.must("backup"), "backup")
		if i == 0 {
			first = path
			p.must("actor", "add", "--name", "Gannet Cranes")
		}
	}
	dir := app.BackupDir(p.dir, p.db)
	before, _ := os.ReadDir(dir)
	if _, err := os.Stat(first); err != nil {
		t.Fatalf("the oldest backup is gone before the restore: %v", err)
	}
	p.must("restore", "--from", first)
	after, _ := os.ReadDir(dir)
	if len(after) != len(before)+1 {
		t.Fatalf("%d files in the backups folder after restore, want %d", len(after), len(before)+1)
	}
	if list := p.must("list", "actors"); strings.Contains(list, "Gannet Cranes") {
		t.Fatalf("not restored:\n%s", list)
	}
}

// TestRestoreRefusesAProjectOpenElsewhere: batch commands now work beside the window, so a
// restore may find the project open in another program; replacing the file under its
// connection would mix that connection's WAL with the backup. It is refused as busy
// (exit 75), with the project as it was and the backup of it kept.
func TestRestoreRefusesAProjectOpenElsewhere(t *testing.T) {
	p := newProject(t)
	p.must("actor", "add", "--name", "Heron Pilots")
	good := filepath.Join(p.dir, "good.dossier")
	p.must("backup", "--out", good)
	p.must("actor", "add", "--name", "Filed after the backup")
	window, err := db.Open(context.Background(), p.db)
	if err != nil {
		t.Fatal(err)
	}
	defer window.Close()
	if err := window.LockWindow(); err != nil {
		t.Fatal(err)
	}
	r := p.run("restore", "--from", good)
	if r.code != cli.ExitTryAgain || !strings.Contains(r.errOut, "still open in another program") {
		t.Fatalf("restore beside an open window: exit %d, stderr %q", r.code, r.errOut)
	}
	if n, err := window.CountActors(context.Background(), app.ActorQuery{}); err != nil || n != 2 {
		t.Fatalf("the window's project holds %d actors (%v) after the refused restore, want 2", n, err)
	}
	window.Close()
	out := p.must("restore", "--from", good)
	if !strings.Contains(out, "restored") {
		t.Fatalf("restore once the window closed: %s", out)
	}
}
