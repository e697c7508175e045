// Package dbtest builds synthetic Dossier projects for the tests and benchmarks of the
// store and the batch interface. It is not part of the shipped program. It writes with
// plain SQL through a connection of its own, so that package db's own tests can use it
// (it does not import package db).
package dbtest

import (
	"context"
	"database/sql"
	"fmt"
	"math/rand/v2"
	"net/url"
	"strings"
	"time"

	"github.com/google/uuid"
	_ "modernc.org/sqlite" // the driver

	"dossier/app"
)

// Sizes says how big a synthetic project to build.
type Sizes struct {
	Articles, Actors, Relations int
}

// Synthesize fills the empty project at path (made by db.Open or db.Create, and open or
// not) with generated articles, actors, mentions and relations, for benchmarks and for
// trying the app at scale. Actor popularity follows a Zipf law, so actor #1 is the
// busiest, as in real news. It is deterministic for a seed. Mentions are written from
// what the generator put in the text, not found by matching.
func Synthesize(ctx context.Context, path string, n Sizes, seed uint64, progress func(done, total int)) error {
	q := url.Values{}
	q.Set("_txlock", "immediate")
	for _, p := range []string{"foreign_keys(1)", "busy_timeout(10000)"} {
		q.Add("_pragma", p)
	}
	conn, err := sql.Open("sqlite", "file:"+(&url.URL{Path: path}).EscapedPath()+"?"+q.Encode())
	if err != nil {
		return err
	}
	defer conn.Close()
	conn.SetMaxOpenConns(1)
	g := gen{db: conn, t: time.Now().UTC().Format(time.RFC3339Nano)}
	rng := rand.New(rand.NewPCG(seed, 7))
	actors, err := g.actors(ctx, n.Actors, rng)
	if err != nil {
		return err
	}
	types, err := g.relationTypes(ctx)
	if err != nil {
		return err
	}
	zipf := rand.NewZipf(rand.New(rand.NewPCG(seed, 11)), 1.1, 4, uint64(len(actors)-1))
	const batch = 2000
	for done := 0; done < n.Articles; done += batch {
		if err := g.tx(ctx, func(tx *sql.Tx) error {
			return synthArticles(ctx, tx, g.t, done, min(batch, n.Articles-done), actors, rng, zipf)
		}); err != nil {
			return err
		}
		if progress != nil {
			progress(min(done+batch, n.Articles), n.Articles)
		}
	}
	return g.tx(ctx, func(tx *sql.Tx) error { return synthRelations(ctx, tx, g.t, n, actors, types, rng, zipf) })
}

// gen is one run of the generator: its connection and the time it records.
type gen struct {
	db *sql.DB
	t  string
}

func (g gen) tx(ctx context.Context, fn func(*sql.Tx) error) error {
	tx, err := g.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if err := fn(tx); err != nil {
		return err
	}
	return tx.Commit()
}

// relationTypes are the keys of the project's built-in relation types, in the order the
// store seeded them (db.Vocabulary's).
func (g gen) relationTypes(ctx context.Context) ([]string, error) {
	rows, err := g.db.QueryContext(ctx, `SELECT key FROM relation_types WHERE builtin ORDER BY rowid`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var k string
		if err := rows.Scan(&k); err != nil {
			return nil, err
		}
		out = append(out, k)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("synthesize: the project has no relation types (not migrated?)")
	}
	return out, nil
}

func newUUID() string { return uuid.Must(uuid.NewV7()).String() }

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

func (g gen) actors(ctx context.Context, count int, rng *rand.Rand) ([]synthActor, error) {
	out := make([]synthActor, 0, count)
	err := g.tx(ctx, func(tx *sql.Tx) error {
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
		t := g.t
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
func synthArticles(ctx context.Context, tx *sql.Tx, t string, first, count int, actors []synthActor, rng *rand.Rand, zipf *rand.Zipf) error {
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

// CommonWords are the plain words synthetic text is made of, between the names.
var CommonWords = strings.Fields("the of and to in a said that for on was with as by at from it government minister " +
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
				write(CommonWords[rng.IntN(len(CommonWords))])
			}
			write(" ")
		}
		write("said.\n\n")
	}
	return b.String(), spans
}

func synthRelations(ctx context.Context, tx *sql.Tx, t string, n Sizes, actors []synthActor, types []string, rng *rand.Rand, zipf *rand.Zipf) error {
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
	for i := range n.Relations {
		src, dst := actors[zipf.Uint64()].id, actors[rng.IntN(len(actors))].id
		if src == dst {
			continue
		}
		typ := types[rng.IntN(len(types))]
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
