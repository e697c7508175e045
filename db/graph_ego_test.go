package db

import (
	"context"
	"database/sql"
	"fmt"
	"math/rand/v2"
	"reflect"
	"testing"

	"dossier/app"
	"dossier/app/graph"
)

// TestEgoCountedIsEgoRead: on random small projects, the two-hop ego graph that SQL counts
// and cuts (egoCounted) is the one read relation by relation (egoRead, graph.Ego over
// every relation within reach) would give: the same relations drawn in the same order,
// the same actors with the same degrees and hops, the same totals, for every centre,
// every limit and random filters on the columns. The many-counterparts way (one pass
// over the table) and the few-counterparts way (the actor indexes) are both walked.
func TestEgoCountedIsEgoRead(t *testing.T) {
	ctx := context.Background()
	rng := rand.New(rand.NewPCG(11, 15))
	defer func(n int) { farIndexedMax = n }(farIndexedMax)
	var cases, cutWithRoom, cutFull, filtered int
	outside := farOutsideRuns
	for p := 0; p < 24; p++ {
		s, actors := randomGraphProject(t, rng)
		farIndexedMax = []int{0, 400}[p%2]
		types, err := s.RelationTypes(ctx)
		if err != nil {
			t.Fatal(err)
		}
		for k := 0; k < 30; k++ {
			center := actors[rng.IntN(len(actors))]
			f := randomColumnFilter(rng, types)
			limit := []int{0, 1, 2, 3, 5, 8, 13, 200}[rng.IntN(8)]
			var read, counted graph.Graph
			err := s.readTx(ctx, func(tx *sql.Tx) error {
				var err error
				if read, err = s.egoRead(ctx, tx, center, 2, f, limit); err != nil {
					return err
				}
				counted, err = s.egoCounted(ctx, tx, center, f, limit)
				return err
			})
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(read, counted) {
				t.Fatalf("project %d, centre %d, limit %d, filter %+v:\nread    %s\ncounted %s", p, center, limit, f, egoText(read), egoText(counted))
			}
			cases++
			if read.Cut() {
				second := false
				for _, e := range read.Edges {
					second = second || (e.From != center && e.To != center)
				}
				if second {
					cutWithRoom++
				} else {
					cutFull++
				}
			}
			if f.Active() {
				filtered++
			}
		}
	}
	// The rule must have been tried where it matters: cuts that draw second-hop actors,
	// cuts filled by the centre's own relations, and filters.
	// The second hop counted from outside it (farTotalOutside) too.
	if cutWithRoom < 20 || cutFull < 20 || filtered < 100 || farOutsideRuns-outside < 20 {
		t.Fatalf("too few telling cases: %d cut with second hop drawn, %d cut by the centre's own, %d filtered, %d counted from outside, of %d",
			cutWithRoom, cutFull, filtered, farOutsideRuns-outside, cases)
	}
}

// egoText writes a graph's telling parts, for a failure message.
func egoText(g graph.Graph) string {
	s := fmt.Sprintf("total %d undated %d nodes", g.Total, g.Undated)
	for _, n := range g.Nodes {
		s += fmt.Sprintf(" %d(deg %d hop %d)", n.ID, n.Degree, n.Hop)
	}
	s += " edges"
	for _, e := range g.Edges {
		s += fmt.Sprintf(" %d(%d art)", e.ID, e.Articles)
	}
	return s
}

// randomGraphProject files a small random project: 6–16 actors of random kinds, some
// articles, 10–70 relations of random types, dates (few, so that ties are common),
// confidences and modalities, each backed by 1–3 articles; now and then an actor is
// put in the trash while its relations stay, as a damaged project may have it.
func randomGraphProject(t *testing.T, rng *rand.Rand) (*Store, []int64) {
	t.Helper()
	ctx := context.Background()
	s := openTest(t)
	types, err := s.RelationTypes(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var actors []int64
	for i := range 6 + rng.IntN(11) {
		a := mustActor(t, s, fmt.Sprintf("Actor %c%d", 'A'+rune(i), i), app.ActorKinds[rng.IntN(len(app.ActorKinds))])
		actors = append(actors, a.ID)
	}
	var arts []int64
	for i := range 5 {
		a, err := s.CreateArticle(ctx, app.Article{Title: fmt.Sprintf("Report %d", i), Date: app.Date(fmt.Sprintf("2025-0%d-1%d", 1+i, i)),
			Body: fmt.Sprintf("An invented report number %d about the quarrels of the actors.", i)})
		if err != nil {
			t.Fatal(err)
		}
		arts = append(arts, a.ID)
	}
	dates := []app.Date{"", "2024", "2025-03", "2025-03-02", "2026-01-28"}
	for range 10 + rng.IntN(61) {
		from, to := actors[rng.IntN(len(actors))], actors[rng.IntN(len(actors))]
		if from == to {
			continue
		}
		var ev []app.Evidence
		for j := range 1 + rng.IntN(3) {
			ev = append(ev, app.Evidence{ArticleID: arts[rng.IntN(len(arts))], Quote: []string{"invented report", "the quarrels", "of the actors"}[j]})
		}
		if _, err := s.CreateRelation(ctx, app.Relation{SourceID: from, TargetID: to, Type: types[rng.IntN(len(types))].Key,
			Start: dates[rng.IntN(len(dates))], Confidence: app.Confidences[rng.IntN(3)], Modality: app.Modalities[rng.IntN(5)],
			Evidence: ev}); err != nil && !app.IsCode(err, app.ECONFLICT) {
			t.Fatal(err)
		}
	}
	if rng.IntN(3) == 0 {
		i := rng.IntN(len(actors))
		if _, err := s.db.Exec(`UPDATE actors SET deleted = '2026-01-01T00:00:00Z' WHERE id = ?`, actors[i]); err != nil {
			t.Fatal(err)
		}
		actors = append(actors[:i], actors[i+1:]...) // the live ones are the centres
	}
	return s, actors
}

// randomColumnFilter draws a filter on the columns only (graph.Filter.OnlyColumns): none
// a third of the time, else one to three of types, polarities, confidences, modalities
// and counterpart kinds.
func randomColumnFilter(rng *rand.Rand, types []app.RelationType) graph.Filter {
	var f graph.Filter
	if rng.IntN(3) == 0 {
		return f
	}
	for range 1 + rng.IntN(3) {
		switch rng.IntN(5) {
		case 0:
			f.Types = append(f.Types, types[rng.IntN(len(types))].Key, types[rng.IntN(len(types))].Key)
		case 1:
			f.Polarities = append(f.Polarities, []app.Polarity{app.Conflictual, app.Cooperative, app.Neutral}[rng.IntN(3)])
		case 2:
			f.Confidences = append(f.Confidences, app.Confidences[rng.IntN(3)])
		case 3:
			f.Modalities = append(f.Modalities, app.Modalities[rng.IntN(5)], app.Modalities[rng.IntN(5)])
		case 4:
			f.Kinds = append(f.Kinds, app.ActorKinds[rng.IntN(len(app.ActorKinds))], app.ActorKinds[rng.IntN(len(app.ActorKinds))])
		}
	}
	return f
}
