package db

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"dossier/app"
	"dossier/db/dbtest"
)

// benchNotes is how many notes the notebook benchmarks add to the synthetic project.
const benchNotes = 10_000

// notesBenchStore opens the synthetic project of benchStore (100,000 articles, 5,000
// actors) with 10,000 notes added, built once in the temp folder. The shared project is
// copied as a file, never opened here: opening would migrate the file other benchmarks
// (and other branches) use.
func notesBenchStore(b *testing.B) *Store {
	b.Helper()
	n := benchSizes()
	ctx := context.Background()
	path := filepath.Join(os.TempDir(), fmt.Sprintf("dossier-bench-notes-v1-%d-%d-%d-%d.dossier", n.Articles, n.Actors, n.Relations, benchNotes))
	if _, err := os.Stat(path); err != nil {
		src := filepath.Join(os.TempDir(), fmt.Sprintf("dossier-bench-v2-%d-%d-%d.dossier", n.Articles, n.Actors, n.Relations))
		if _, err := os.Stat(src); err != nil {
			benchStore(b).Close() // builds it
		}
		tmp := path + ".building"
		if err := copyBenchFile(src, tmp); err != nil {
			b.Fatal(err)
		}
		s, err := Open(ctx, tmp)
		if err != nil {
			b.Fatal(err)
		}
		s.Close()
		if err := dbtest.SynthesizeNotes(ctx, tmp, benchNotes, 1); err != nil {
			b.Fatal(err)
		}
		if err := os.Rename(tmp, path); err != nil {
			b.Fatal(err)
		}
	}
	s, err := Open(ctx, path)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { s.Close() })
	return s
}

// BenchmarkBacklinksBusiestActor is the store time of the dossier's "In your notes" for
// the actor the most notes link to, in a project of 10,000 notes: linked, the notes
// linking to it (the 100 edited last, all counted, each with its sentence); unlinked, the
// notes naming it without a link; all, both, as the dossier asks. The baseline is the
// lookup of one note by its id, in the same run.
func BenchmarkBacklinksBusiestActor(b *testing.B) {
	s := notesBenchStore(b)
	ctx := context.Background()
	var id, noteID int64
	if err := s.db.QueryRow(`SELECT a.id FROM note_links l JOIN actors a ON a.uuid = l.uuid
		GROUP BY a.id ORDER BY count(DISTINCT l.note_id) DESC LIMIT 1`).Scan(&id); err != nil {
		b.Fatal(err)
	}
	s.db.QueryRow(`SELECT max(id) FROM notes`).Scan(&noteID)
	b.Run("baseline=one-note", func(b *testing.B) {
		for b.Loop() {
			if _, err := s.Note(ctx, noteID); err != nil {
				b.Fatal(err)
			}
		}
	})
	for _, c := range []struct {
		name             string
		linked, unlinked bool
	}{{"linked", true, false}, {"all", true, true}} {
		b.Run(c.name, func(b *testing.B) {
			var bl app.Backlinks
			for b.Loop() {
				var err error
				if bl, err = s.backlinks(ctx, app.LinkActor, id, BacklinkCap, c.unlinked); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(bl.LinkedTotal), "linking-notes")
			b.ReportMetric(float64(bl.UnlinkedTotal), "unlinked")
		})
	}
}

// BenchmarkLinkSuggestions is the store time of the records offered while a [[link]] is
// typed, with 5,000 actors, 100,000 articles and 10,000 notes: the prefixes of a busy
// actor's name as it is typed, from its first letter (the widest) to the whole name.
func BenchmarkLinkSuggestions(b *testing.B) {
	s := notesBenchStore(b)
	ctx := context.Background()
	var name string
	if err := s.db.QueryRow(`SELECT name FROM actors ORDER BY id LIMIT 1`).Scan(&name); err != nil {
		b.Fatal(err)
	}
	for _, n := range []int{1, 2, 3, 5, len(name)} {
		prefix := name[:min(n, len(name))]
		b.Run(fmt.Sprintf("typed=%q", prefix), func(b *testing.B) {
			var got []app.LinkSuggestion
			for b.Loop() {
				var err error
				if got, err = s.LinkSuggestions(ctx, prefix, 8); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(len(got)), "offered")
		})
	}
}
