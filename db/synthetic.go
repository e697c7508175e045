package db

import (
	"context"
	"database/sql"
	"fmt"
	"math/rand/v2"
	"strings"

	"dossier/app"
)

// Sizes says how big a synthetic project to build.
type Sizes struct {
	Articles, Actors, Relations int
}

// Synthesize fills an empty project with generated articles, actors, mentions and
// relations, for benchmarks and for trying the app at scale. Actor popularity follows a
// Zipf law, so actor #1 is the busiest, as in real news. It is deterministic for a seed.
// Mentions are written from what the generator put in the text, not found by matching.
func (s *Store) Synthesize(ctx context.Context, n Sizes, seed uint64, progress func(done, total int)) error {
	rng := rand.New(rand.NewPCG(seed, 7))
	actors, err := s.synthActors(ctx, n.Actors, rng)
	if err != nil {
		return err
	}
	zipf := rand.NewZipf(rand.New(rand.NewPCG(seed, 11)), 1.1, 4, uint64(len(actors)-1))
	const batch = 2000
	for done := 0; done < n.Articles; done += batch {
		if err := s.tx(ctx, func(tx *sql.Tx) error {
			return synthArticles(ctx, tx, done, min(batch, n.Articles-done), actors, rng, zipf)
		}); err != nil {
			return err
		}
		if progress != nil {
			progress(min(done+batch, n.Articles), n.Articles)
		}
	}
	return s.tx(ctx, func(tx *sql.Tx) error { return synthRelations(ctx, tx, n, actors, rng, zipf) })
}

type synthActor struct {
	id   int64
	name string
}

var syllables = strings.Fields("ka ri mo ta la sen dor vi na lu bek har zan ol mir tes qua fen ul ron")

func synthName(rng *rand.Rand, words int) string {
	var parts []string
	for range words {
		var b strings.Builder
		for range 2 + rng.IntN(2) {
			b.WriteString(syllables[rng.IntN(len(syllables))])
		}
		w := b.String()
		parts = append(parts, strings.ToUpper(w[:1])+w[1:])
	}
	return strings.Join(parts, " ")
}

func (s *Store) synthActors(ctx context.Context, count int, rng *rand.Rand) ([]synthActor, error) {
	out := make([]synthActor, 0, count)
	err := s.tx(ctx, func(tx *sql.Tx) error {
		ins, err := tx.PrepareContext(ctx, `INSERT INTO actors(uuid, name, kind, description, created, updated) VALUES (?,?,?,?,?,?)`)
		if err != nil {
			return err
		}
		defer ins.Close()
		al, err := tx.PrepareContext(ctx, `INSERT OR IGNORE INTO aliases(actor_id, text, folded, is_name) VALUES (?,?,?,1)`)
		if err != nil {
			return err
		}
		defer al.Close()
		t := now()
		for i := range count {
			name := fmt.Sprintf("%s %d", synthName(rng, 2), i)
			kind := app.ActorKinds[i%len(app.ActorKinds)]
			res, err := ins.ExecContext(ctx, newUUID(), name, string(kind), "synthetic actor", t, t)
			if err != nil {
				return err
			}
			id, _ := res.LastInsertId()
			if _, err := al.ExecContext(ctx, id, name, app.Fold(name)); err != nil {
				return err
			}
			out = append(out, synthActor{id, name})
		}
		return nil
	})
	return out, err
}

// synthArticles writes count articles of about 3 KB, each naming about six actors.
func synthArticles(ctx context.Context, tx *sql.Tx, first, count int, actors []synthActor, rng *rand.Rand, zipf *rand.Zipf) error {
	ins, err := tx.PrepareContext(ctx, `INSERT INTO articles(uuid, title, url, canon_url, date, body, hash, filed, updated)
		VALUES (?,?,?,?,?,?,?,?,?)`)
	if err != nil {
		return err
	}
	defer ins.Close()
	men, err := tx.PrepareContext(ctx, `INSERT OR IGNORE INTO mentions(article_id, actor_id, start, end, status) VALUES (?,?,?,?,'automatic')`)
	if err != nil {
		return err
	}
	defer men.Close()
	t := now()
	for i := first; i < first+count; i++ {
		body, spans := synthBody(rng, zipf, actors)
		date := fmt.Sprintf("%04d-%02d-%02d", 2015+i%11, 1+i%12, 1+i%28)
		url := fmt.Sprintf("https://example.org/synthetic/%d", i)
		res, err := ins.ExecContext(ctx, newUUID(), "Synthetic report "+synthName(rng, 3), url, url, date, body,
			fmt.Sprintf("synthetic-%d", i), t, t)
		if err != nil {
			return err
		}
		id, _ := res.LastInsertId()
		for _, sp := range spans {
			if _, err := men.ExecContext(ctx, id, sp.actor, sp.start, sp.end); err != nil {
				return err
			}
		}
	}
	return nil
}

type span struct {
	actor      int64
	start, end int
}

var commonWords = strings.Fields("the of and to in a said that for on was with as by at from it government minister " +
	"talks party election vote council security statement officials week country parliament support pressure")

func synthBody(rng *rand.Rand, zipf *rand.Zipf, actors []synthActor) (string, []span) {
	var b strings.Builder
	var spans []span
	runes := 0
	write := func(s string) {
		b.WriteString(s)
		runes += len([]rune(s))
	}
	for runes < 3000 {
		for w := 0; w < 12+rng.IntN(12); w++ {
			if rng.IntN(60) == 0 {
				a := actors[zipf.Uint64()]
				spans = append(spans, span{a.id, runes, runes + len([]rune(a.name))})
				write(a.name)
			} else if rng.IntN(3) == 0 {
				write(synthName(rng, 1))
			} else {
				write(commonWords[rng.IntN(len(commonWords))])
			}
			write(" ")
		}
		write("said.\n\n")
	}
	return b.String(), spans
}

func synthRelations(ctx context.Context, tx *sql.Tx, n Sizes, actors []synthActor, rng *rand.Rand, zipf *rand.Zipf) error {
	ins, err := tx.PrepareContext(ctx, `INSERT INTO relations(uuid, source_id, type, target_id, start, confidence, modality, created, updated)
		VALUES (?,?,?,?,?,'reported','asserted',?,?)`)
	if err != nil {
		return err
	}
	defer ins.Close()
	ev, err := tx.PrepareContext(ctx, `INSERT INTO evidence(uuid, relation_id, article_id, quote, start, end)
		SELECT ?, ?, id, substr(body, 1, 80), 0, 80 FROM articles WHERE id = ?`)
	if err != nil {
		return err
	}
	defer ev.Close()
	t := now()
	for i := range n.Relations {
		src, dst := actors[zipf.Uint64()].id, actors[rng.IntN(len(actors))].id
		if src == dst {
			continue
		}
		typ := Vocabulary[rng.IntN(len(Vocabulary))].Key
		res, err := ins.ExecContext(ctx, newUUID(), src, typ, dst, fmt.Sprintf("%04d-%02d", 2015+i%11, 1+i%12), t, t)
		if err != nil {
			return err
		}
		id, _ := res.LastInsertId()
		if n.Articles > 0 {
			if _, err := ev.ExecContext(ctx, newUUID(), id, 1+rng.IntN(n.Articles)); err != nil {
				return err
			}
		}
	}
	return nil
}
