package cli_test

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"dossier/app"
	"dossier/app/cli"
	"dossier/db"
	"dossier/db/dbtest"
)

// syntheticProject returns the path of the synthetic project the db benchmarks use
// (same name and sizes as db's benchSizes: 100,000 articles; DOSSIER_BENCH_ARTICLES for another size), building it in the
// temporary folder the first time: later runs reuse it.
func syntheticProject(b *testing.B) string {
	b.Helper()
	n := dbtest.Sizes{Articles: 100000, Actors: 5000, Relations: 100000}
	if v := os.Getenv("DOSSIER_BENCH_ARTICLES"); v != "" {
		a, err := strconv.Atoi(v)
		if err != nil {
			b.Fatal(err)
		}
		n.Articles, n.Relations = a, a // as db's benchSizes
	}
	path := filepath.Join(os.TempDir(), fmt.Sprintf("dossier-bench-v2-%d-%d-%d.dossier", n.Articles, n.Actors, n.Relations))
	if _, err := os.Stat(path); err == nil {
		return path
	}
	ctx := context.Background()
	tmp := path + ".building"
	os.Remove(tmp)
	s, err := db.Create(ctx, tmp)
	if err != nil {
		b.Fatal(err)
	}
	if err := dbtest.Synthesize(ctx, s.Path(), n, 1, nil); err != nil {
		b.Fatal(err)
	}
	s.Close()
	if err := os.Rename(tmp, path); err != nil {
		b.Fatal(err)
	}
	return path
}

// BenchmarkRestore is `dossier restore` of a backup of the synthetic project over a copy
// of it: the backup's verification, the verified backup of the current project taken
// first (so the restore can be undone), and the copy of the backup into place.
func BenchmarkRestore(b *testing.B) {
	ctx := context.Background()
	dir := b.TempDir()
	backup := filepath.Join(dir, "saved.dossier")
	s, err := db.Open(ctx, syntheticProject(b))
	if err != nil {
		b.Fatal(err)
	}
	_, err = s.Backup(ctx, backup)
	s.Close()
	if err != nil {
		b.Fatal(err)
	}
	proj := filepath.Join(dir, "research.dossier")
	copyFile(b, backup, proj)
	env := cli.Env{Stdin: os.Stdin, Stdout: io.Discard, Stderr: io.Discard, DefaultDB: proj,
		Open:         func(ctx context.Context, path string) (cli.Store, error) { return store(db.Open(ctx, path)) },
		Create:       func(ctx context.Context, path string) (cli.Store, error) { return store(db.Create(ctx, path)) },
		VerifyBackup: db.VerifyBackup,
	}
	for b.Loop() {
		if code := cli.Run(ctx, []string{"restore", "--db", proj, "--from", backup}, env); code != 0 {
			b.Fatalf("restore: exit %d", code)
		}
		b.StopTimer()
		// The backups the restores took first would fill the disk.
		os.RemoveAll(app.BackupDir(dir, proj))
		b.StartTimer()
	}
}

func copyFile(b *testing.B, src, dst string) {
	b.Helper()
	in, err := os.Open(src)
	if err != nil {
		b.Fatal(err)
	}
	defer in.Close()
	out, err := os.Create(dst)
	if err != nil {
		b.Fatal(err)
	}
	if _, err := io.Copy(out, in); err != nil {
		b.Fatal(err)
	}
	if err := out.Close(); err != nil {
		b.Fatal(err)
	}
}
