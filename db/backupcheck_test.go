package db

import (
	"context"
	"database/sql"
	"encoding/binary"
	"fmt"
	"os"
	"path/filepath"
	"testing"
)

// splitCheckBase is a verified backup of a small project from which rows were deleted,
// so that its freelist has pages.
func splitCheckBase(t *testing.T) string {
	t.Helper()
	s := backupSource(t)
	out := filepath.Join(t.TempDir(), "base.dossier")
	if _, err := s.Backup(context.Background(), out); err != nil {
		t.Fatal(err)
	}
	execOn(t, out, "DELETE FROM articles WHERE id % 2 = 0")
	db, err := sql.Open("sqlite", out)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var free int
	if err := db.QueryRow("PRAGMA freelist_count").Scan(&free); err != nil || free < 3 {
		t.Fatalf("the base has %d free pages (%v), want some", free, err)
	}
	return out
}

// header32 reads a 4-byte number of the file header at off.
func header32(t *testing.T, path string, off int64) uint32 {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	b := make([]byte, 4)
	if _, err := f.ReadAt(b, off); err != nil {
		t.Fatal(err)
	}
	return binary.BigEndian.Uint32(b)
}

func setHeader32(t *testing.T, path string, off int64, v uint32) {
	t.Helper()
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	b := binary.BigEndian.AppendUint32(nil, v)
	if _, err := f.WriteAt(b, off); err != nil {
		t.Fatal(err)
	}
}

// bothChecks runs SQLite's whole-file quick_check and quickCheckSplit on the file.
func bothChecks(t *testing.T, path string) (whole, split string) {
	t.Helper()
	ctx := context.Background()
	db, err := sql.Open("sqlite", "file:"+path+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	db.SetMaxOpenConns(3)
	whole, _ = quickCheckRows(ctx, db, "PRAGMA quick_check")
	guard, err := db.Conn(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer guard.Close()
	if _, err := guard.ExecContext(ctx, "BEGIN"); err != nil {
		t.Fatal(err)
	}
	defer guard.ExecContext(ctx, "ROLLBACK")
	split, _ = quickCheckSplit(ctx, db, guard, 2)
	return whole, split
}

// TestQuickCheckSplitAgrees is the rule behind the split verification: on a whole file
// and on each kind of damage, the split check finds a problem exactly when SQLite's own
// whole-file quick_check does, the damage only a whole-file check sees (pages shared,
// lost, a broken freelist) included.
func TestQuickCheckSplitAgrees(t *testing.T) {
	base := splitCheckBase(t)
	baseBytes, err := os.ReadFile(base)
	if err != nil {
		t.Fatal(err)
	}
	pageSize := int64(len(baseBytes)) / pagesIn(t, base)
	pageCount := uint32(pagesIn(t, base))
	trunk := header32(t, base, 32)
	cases := []struct {
		name string
		harm func(t *testing.T, path string) // nil: the whole file
	}{
		{"whole", nil},
		{"table page", func(t *testing.T, path string) {
			_, pages := tablePages(t, path, "articles")
			overwrite(t, path, (pages[len(pages)/2]-1)*pageSize+8, 64, 0xA5)
		}},
		{"index page", func(t *testing.T, path string) {
			execOn(t, path, "CREATE INDEX zz_bodies ON articles(body)")
			_, pages := tablePages(t, path, "zz_bodies")
			overwrite(t, path, (pages[len(pages)/2]-1)*pageSize+8, 64, 0xA5)
		}},
		{"full-text index", func(t *testing.T, path string) {
			execOn(t, path, "UPDATE articles_fts_data SET block = zeroblob(length(block)) WHERE id > 10")
		}},
		{"freelist past the end", func(t *testing.T, path string) { setHeader32(t, path, 32, pageCount+5) }},
		{"freelist count", func(t *testing.T, path string) { setHeader32(t, path, 36, header32(t, path, 36)+1) }},
		{"freelist lost", func(t *testing.T, path string) {
			setHeader32(t, path, 32, 0)
			setHeader32(t, path, 36, 0)
		}},
		{"free page in a b-tree", func(t *testing.T, path string) {
			// The trunk's first leaf is made page 2, which a b-tree uses.
			setHeader32(t, path, (int64(trunk)-1)*pageSize+8, 2)
		}},
		{"trunk lists too many", func(t *testing.T, path string) {
			setHeader32(t, path, (int64(trunk)-1)*pageSize+4, uint32(pageSize))
		}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "c.dossier")
			if err := os.WriteFile(path, baseBytes, 0o644); err != nil {
				t.Fatal(err)
			}
			if tc.harm != nil {
				tc.harm(t, path)
			}
			whole, split := bothChecks(t, path)
			t.Logf("whole: %q\nsplit: %q", whole, split)
			if (whole == "") != (split == "") {
				t.Fatalf("the checks disagree: whole %q, split %q", whole, split)
			}
			if (tc.harm == nil) != (split == "") {
				t.Fatalf("damage %s: split check says %q", tc.name, split)
			}
		})
	}
}

// FuzzWalkFreelist: any bytes as the pages of a file, any first trunk and count: the
// walk ends, never panics, and never marks a page twice without saying so.
func FuzzWalkFreelist(f *testing.F) {
	const size = 64
	page := func(trunkNext, n uint32, leaves ...uint32) []byte {
		b := binary.BigEndian.AppendUint32(nil, trunkNext)
		b = binary.BigEndian.AppendUint32(b, n)
		for _, l := range leaves {
			b = binary.BigEndian.AppendUint32(b, l)
		}
		return append(b, make([]byte, size-len(b))...)
	}
	good := append(append(append(make([]byte, size), page(3, 1, 4)...), page(0, 0)...), make([]byte, size)...)
	f.Add(good, uint32(2), uint32(3))
	f.Add(good, uint32(2), uint32(2))
	f.Add(good, uint32(9), uint32(1))
	f.Add(append(make([]byte, size), page(2, 1, 2)...), uint32(2), uint32(5))
	f.Fuzz(func(t *testing.T, data []byte, first, total uint32) {
		pages := len(data) / size
		used := make([]bool, pages+1)
		read := func(p uint32) ([]byte, error) {
			if p < 1 || int(p) > pages {
				return nil, fmt.Errorf("no page %d", p)
			}
			return data[(p-1)*size : p*size], nil
		}
		problem, _ := walkFreelist(read, first, total, size, used)
		if problem == "" {
			marked := 0
			for _, u := range used {
				if u {
					marked++
				}
			}
			if uint32(marked) != total {
				t.Fatalf("a well-formed list marked %d pages, the count says %d", marked, total)
			}
		}
	})
}
