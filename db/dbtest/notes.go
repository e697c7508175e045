package dbtest

import (
	"context"
	"database/sql"
	"fmt"
	"math/rand/v2"
	"net/url"
	"strings"
	"time"

	"dossier/app"
)

// SynthesizeNotes adds count standalone notes to the project at path (migrated to version
// 8 or later: notes with titles and note_links), each linking two to four actors with
// [[links]] picked by a Zipf law over the actors' ids, so the first actor is the most
// linked, as it is the most mentioned; every fifth note also names an actor without a
// link (an unlinked mention). The links are written resolved, as the store would write
// them. Deterministic for a seed.
func SynthesizeNotes(ctx context.Context, path string, count int, seed uint64) error {
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
	actors, err := linkableActors(ctx, conn)
	if err != nil {
		return err
	}
	n := noteWriter{
		actors: actors,
		rng:    rand.New(rand.NewPCG(seed, 13)),
		zipf:   rand.NewZipf(rand.New(rand.NewPCG(seed, 17)), 1.1, 4, uint64(len(actors)-1)),
	}
	g := gen{db: conn, t: time.Now().UTC().Format(time.RFC3339Nano)}
	const batch = 2000
	for done := 0; done < count; done += batch {
		err := g.tx(ctx, func(tx *sql.Tx) error {
			return n.write(ctx, tx, g.t, done, min(count, done+batch))
		})
		if err != nil {
			return err
		}
	}
	return nil
}

// noteActor is an actor notes link to.
type noteActor struct{ uuid, name string }

// linkableActors are the project's actors in id order; at least two, or an error.
func linkableActors(ctx context.Context, conn *sql.DB) ([]noteActor, error) {
	var actors []noteActor
	rows, err := conn.QueryContext(ctx, `SELECT uuid, name FROM actors WHERE deleted = '' ORDER BY id`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var a noteActor
		if err := rows.Scan(&a.uuid, &a.name); err != nil {
			return nil, err
		}
		actors = append(actors, a)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	if len(actors) < 2 {
		return nil, fmt.Errorf("synthesize notes: the project needs actors to link to")
	}
	return actors, nil
}

// noteWriter writes synthetic notes, drawing from its random sources in a fixed order.
type noteWriter struct {
	actors []noteActor
	rng    *rand.Rand
	zipf   *rand.Zipf
}

// noteLink is a [[link]] in a note's body, at bytes start to end.
type noteLink struct {
	start, end int
	a          noteActor
}

// write inserts notes from to to (not included) in tx, each with its links; t is the time written.
func (n *noteWriter) write(ctx context.Context, tx *sql.Tx, t string, from, to int) error {
	ins, err := tx.PrepareContext(ctx, `INSERT INTO notes(uuid, title, tags, body, created, updated) VALUES (?,?,?,?,?,?)`)
	if err != nil {
		return err
	}
	defer ins.Close()
	link, err := tx.PrepareContext(ctx, `INSERT OR IGNORE INTO note_links(note_id, start, end, target, prefix, label, folded, status, kind, uuid)
		VALUES (?,?,?,?,'','',?,'resolved','actor',?)`)
	if err != nil {
		return err
	}
	defer link.Close()
	for i := from; i < to; i++ {
		body, links := n.body(i)
		res, err := ins.ExecContext(ctx, newUUID(), fmt.Sprintf("Note %d %s", i, synthName(n.rng, 1)),
			[]string{"", "sources", "meetings"}[i%3], body, t, t)
		if err != nil {
			return err
		}
		id, _ := res.LastInsertId()
		for _, l := range links {
			if _, err := link.ExecContext(ctx, id, l.start, l.end, l.a.name, app.FoldLink(l.a.name), l.a.uuid); err != nil {
				return err
			}
		}
	}
	return nil
}

// body is the text of note i and its links: two to four, every fifth note also naming
// an actor without a link.
func (n *noteWriter) body(i int) (string, []noteLink) {
	var b strings.Builder
	var links []noteLink
	fmt.Fprintf(&b, "Working note %d. ", i)
	for k := range 2 + n.rng.IntN(3) {
		a := n.actors[n.zipf.Uint64()]
		fmt.Fprintf(&b, "%s ", syllables[n.rng.IntN(len(syllables))])
		start := b.Len()
		b.WriteString("[[" + a.name + "]]")
		links = append(links, noteLink{start, b.Len(), a})
		if k%2 == 0 {
			b.WriteString(" was seen again. ")
		} else {
			b.WriteString(" answered. ")
		}
	}
	if i%5 == 0 {
		fmt.Fprintf(&b, "Later %s spoke.", n.actors[n.zipf.Uint64()].name)
	}
	return b.String(), links
}
