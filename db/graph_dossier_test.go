package db

import (
	"context"
	"database/sql"
	"fmt"
	"math/rand/v2"
	"reflect"
	"slices"
	"testing"

	"dossier/app"
	"dossier/app/graph"
)

// TestFilteredDossierIsTheSlowPath: on random small projects, with random filters of
// every kind (dates, "as of", types, polarities, confidences, modalities, counterpart
// kinds, text) and limits, the filtered dossier's counts and lists are those of the
// slow path: every relation of the actor read and checked in Go, every article naming it
// read with its date and judged one by one. Articles in the trash, rejected mentions,
// undated and partly dated articles are in the projects; the cached counts by date are
// checked across a change (an article's date edited) as well.
func TestFilteredDossierIsTheSlowPath(t *testing.T) {
	ctx := context.Background()
	rng := rand.New(rand.NewPCG(3, 17))
	var cases, cut, undated, dated, named int
	for p := 0; p < 12; p++ {
		s, actors, arts := randomDossierProject(t, rng)
		types, err := s.RelationTypes(ctx)
		if err != nil {
			t.Fatal(err)
		}
		for k := 0; k < 40; k++ {
			if k == 20 {
				// A change between reads: the cache must not answer for it.
				a, err := s.Article(ctx, arts[rng.IntN(len(arts))])
				if err != nil {
					t.Fatal(err)
				}
				a.Date = []app.Date{"", "2023-07", "2026-01-29"}[rng.IntN(3)]
				if _, err := s.UpdateArticle(ctx, a); err != nil {
					t.Fatal(err)
				}
			}
			id := actors[rng.IntN(len(actors))]
			f := randomDossierFilter(rng, types)
			limit := []int{0, 1, 2, 3, 5, 200}[rng.IntN(6)]
			d, c, err := s.FilteredDossier(ctx, id, f, limit)
			if err != nil {
				t.Fatal(err)
			}
			want, rels, mentions := slowFilteredDossier(t, s, id, f, limit)
			var gotRels, gotMentions []int64
			for _, r := range d.Relations {
				gotRels = append(gotRels, r.ID)
			}
			for _, m := range d.Mentions {
				gotMentions = append(gotMentions, m.ArticleID)
			}
			slices.Sort(gotRels)
			slices.Sort(rels)
			if c != want || !slices.Equal(gotRels, rels) || !slices.Equal(gotMentions, mentions) || d.MentionTotal != want.Articles || d.RelationTotal != want.Relations {
				t.Fatalf("project %d actor %d limit %d filter %+v:\ncounts %+v\nwant   %+v\nrelations %v want %v\narticles %v want %v",
					p, id, limit, f, c, want, gotRels, rels, gotMentions, mentions)
			}
			cases++
			if want.RelationsShown < want.Relations || want.ArticlesShown < want.Articles {
				cut++
			}
			if want.ArticlesUndated > 0 || want.RelationsUndated > 0 {
				undated++
			}
			if f.From != "" || f.To != "" || f.AsOf != "" {
				dated++
			}
			if want.ArticlesShown > 1 && want.ArticlesShown < want.Articles {
				named++
			}
		}
	}
	if cut < 30 || undated < 30 || dated < 100 || named < 20 {
		t.Fatalf("too few telling cases of %d: %d cut, %d with undated items, %d with dates, %d with several articles listed of more",
			cases, cut, undated, dated, named)
	}
}

// slowFilteredDossier is the filtered dossier's counts, listed relation ids (sorted) and
// listed article ids (newest first) as the first version computed them: everything read.
func slowFilteredDossier(t *testing.T, s *Store, actorID int64, f graph.Filter, limit int) (graph.Counts, []int64, []int64) {
	t.Helper()
	ctx := context.Background()
	var c graph.Counts
	var rels, pick []int64
	err := s.readTx(ctx, func(tx *sql.Tx) error {
		a, err := actor(ctx, tx, actorID)
		if err != nil {
			return err
		}
		snap, ls, err := s.actorLinks(ctx, tx, actorID, f)
		if err != nil {
			return err
		}
		kept, counts := graph.Select(graph.Actor{ID: a.ID, Name: a.Name, Kind: a.Kind}, ls, snap.actors, snap.types, f)
		c = counts
		if limit > 0 && len(kept) > limit {
			kept = kept[:limit]
		}
		c.RelationsShown = len(kept)
		for _, l := range kept {
			rels = append(rels, l.ID)
		}
		rows, err := tx.QueryContext(ctx, `SELECT a.id, a.date FROM articles a WHERE a.deleted = '' AND a.id IN
			(SELECT article_id FROM mentions WHERE actor_id = ? AND status <> 'rejected') ORDER BY a.date DESC, a.id DESC`, actorID)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var id int64
			var date string
			if err := rows.Scan(&id, &date); err != nil {
				return err
			}
			c.ArticleTotal++
			switch f.CheckDate(app.Date(date)) {
			case graph.In:
				c.Articles++
				if limit <= 0 || len(pick) < limit {
					pick = append(pick, id)
				}
			case graph.Undated:
				c.ArticlesUndated++
			}
		}
		c.ArticlesShown = len(pick)
		return rows.Err()
	})
	if err != nil {
		t.Fatal(err)
	}
	return c, rels, pick
}

// randomDossierProject files a small random project whose articles name its actors:
// 5–9 actors, 8–20 articles of dates of every precision (some undated) each naming a few
// actors, some in the trash, some mentions rejected, and 10–50 random relations backed
// by those articles.
func randomDossierProject(t *testing.T, rng *rand.Rand) (*Store, []int64, []int64) {
	t.Helper()
	ctx := context.Background()
	s := openTest(t)
	types, err := s.RelationTypes(ctx)
	if err != nil {
		t.Fatal(err)
	}
	names := []string{"Ilse Marrow", "Kingdom of Vell", "Osk Republic", "Lantern Front", "Harbour Alliance",
		"Tomas Brin", "Orrin Hale", "Grey Brigades", "Envoy Sarit"}
	var actors []int64
	for _, name := range names[:5+rng.IntN(5)] {
		actors = append(actors, mustActor(t, s, name, app.ActorKinds[rng.IntN(len(app.ActorKinds))]).ID)
	}
	dates := []app.Date{"", "2024", "2025-03", "2025-03-02", "2025-11-30", "2026-01", "2026-01-28"}
	var arts []int64
	for i := range 8 + rng.IntN(13) {
		body := fmt.Sprintf("Dispatch %d.", i)
		for range 1 + rng.IntN(3) {
			body += fmt.Sprintf(" %s answered the council.", names[rng.IntN(len(actors))])
		}
		a, err := s.CreateArticle(ctx, app.Article{Title: fmt.Sprintf("Dispatch %d", i), Date: dates[rng.IntN(len(dates))], Body: body})
		if err != nil {
			t.Fatal(err)
		}
		arts = append(arts, a.ID)
	}
	for range 10 + rng.IntN(41) {
		from, to := actors[rng.IntN(len(actors))], actors[rng.IntN(len(actors))]
		if from == to {
			continue
		}
		if _, err := s.CreateRelation(ctx, app.Relation{SourceID: from, TargetID: to, Type: types[rng.IntN(len(types))].Key,
			Start: dates[rng.IntN(len(dates))], Confidence: app.Confidences[rng.IntN(3)], Modality: app.Modalities[rng.IntN(5)],
			Note:     []string{"", "seen at the border", "denied by the council"}[rng.IntN(3)],
			Evidence: []app.Evidence{{ArticleID: arts[rng.IntN(len(arts))], Quote: "answered the council"}}}); err != nil {
			t.Fatal(err)
		}
	}
	for _, id := range arts {
		switch rng.IntN(6) {
		case 0:
			if err := s.DeleteArticle(ctx, id); err != nil {
				t.Fatal(err)
			}
		case 1:
			if _, err := s.db.Exec(`UPDATE mentions SET status = 'rejected' WHERE id = (SELECT min(id) FROM mentions WHERE article_id = ?)`, id); err != nil {
				t.Fatal(err)
			}
		}
	}
	return s, actors, arts
}

// randomDossierFilter draws a filter of one to three criteria of any kind, or none.
func randomDossierFilter(rng *rand.Rand, types []app.RelationType) graph.Filter {
	if rng.IntN(5) == 0 {
		return graph.Filter{}
	}
	f := randomColumnFilter(rng, types)
	dates := []app.Date{"2024", "2025", "2025-03", "2025-03-02", "2025-12", "2026-01-28"}
	for range 1 + rng.IntN(2) {
		switch rng.IntN(4) {
		case 0:
			f.From = dates[rng.IntN(len(dates))]
		case 1:
			f.To = dates[rng.IntN(len(dates))]
		case 2:
			f.AsOf = dates[rng.IntN(len(dates))]
		case 3:
			f.Text = []string{"council", "border", "vell", "denied"}[rng.IntN(4)]
		}
	}
	if reflect.DeepEqual(f, graph.Filter{}) {
		f.From = "2025"
	}
	return f
}
