package db

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"math"
	"sort"
	"strings"

	"github.com/google/uuid"

	"dossier/app"
)

// The researcher's decisions through the hub (issue 14): which actor a mention is
// (confirmed or rejected), the names dismissed from the suggestions, the pairs of actors
// said not to be the same, and where the network places each actor. None has a UUID or a
// modification stamp of its own in a project: each is named on the hub by a UUID made
// from what it is about (the article's and actor's UUIDs and the place; the folded name;
// the two actors' UUIDs; the actor's UUID), as the project merge matches them, and what
// was decided is compared through a fingerprint (a mention's status, a position's
// place; dismissed and "not the same" are decided by being there). The base of each
// (hub_sync_records) keeps that fingerprint as its local stamp: a decision whose
// fingerprint moved since the last sync is sent, one gone since is sent as a deletion
// marker (a decision undone), and one decided differently here and on the hub is a
// conflict, as for any record. Applied after the records of the same pull, so that the
// articles and actors they name are here first.

const (
	mentionDecisionKind = "mention_decision"
	dismissedKind       = "dismissed_suggestion"
	notSameKind         = "not_same"
	positionKind        = "network_position"
)

// decisionKinds are the kinds of decision, in the order a pull applies them.
var decisionKinds = []string{notSameKind, positionKind, mentionDecisionKind, dismissedKind}

// decisionSpace is the namespace of the UUIDs made for decisions.
var decisionSpace = uuid.MustParse("6f1d3c2e-9b7a-4e55-8c1d-2a4f0e7b9d31")

func isDecisionKind(k string) bool {
	for _, d := range decisionKinds {
		if d == k {
			return true
		}
	}
	return false
}

// keyUUID names a decision by what it is about.
func keyUUID(parts ...string) string {
	return uuid.NewSHA1(decisionSpace, []byte(strings.Join(parts, "\x00"))).String()
}

// decision is one decision as the hub holds it.
type decision struct {
	UUID  string
	Data  json.RawMessage
	FP    string // what was decided: two versions with the same are the same decision
	Label string
}

// decisionKind is how one kind of decision is read, checked and written here.
type decisionKind struct {
	// list reads every decision of the kind this project holds.
	list func(ctx context.Context, q querier) ([]decision, error)
	// decode reads a decision the hub sent, refusing one that is not one of the kind.
	decode func(data json.RawMessage) (decision, error)
	// take writes it here; when it cannot be, it says why ("" when written).
	take func(ctx context.Context, tx *sql.Tx, d decision, t *touched) (string, error)
	// drop undoes it here.
	drop func(ctx context.Context, tx *sql.Tx, d decision, t *touched) error
	// refs are the records it names, as kind/uuid pairs.
	refs func(d decision) [][2]string
}

// labelHere labels a decision pulled with the names this project gives the records it
// is about (none for a record it does not hold): a conflict over a decision undone here
// is named as one made here is.
func labelHere(ctx context.Context, q querier, kind string, d decision) string {
	var names []string
	for _, r := range decisionKindOf(kind).refs(d) {
		var n string
		col := map[string]string{"article": "title", "actor": "name"}[r[0]]
		if q.QueryRowContext(ctx, `SELECT `+col+` FROM main.`+r[0]+`s WHERE uuid = ?`, r[1]).Scan(&n) != nil {
			return d.Label
		}
		names = append(names, n)
	}
	switch len(names) {
	case 1:
		return shortLabel(names[0])
	case 2:
		if kind == mentionDecisionKind {
			return shortLabel("“" + names[1] + "” in “" + names[0] + "”")
		}
		return shortLabel(names[0] + " ≠ " + names[1])
	}
	return d.Label
}

// touched gathers the articles whose mentions a pull decided: relinked once at the end.
type touched struct{ articles map[int64]bool }

func decisionKindOf(kind string) decisionKind {
	switch kind {
	case mentionDecisionKind:
		return hubMentionDecisions
	case dismissedKind:
		return hubDismissedDecisions
	case notSameKind:
		return hubNotSameDecisions
	default:
		return hubPositionDecisions
	}
}

// notHere is why a decision about a record this project does not hold is left out.
const notHere = "is about an article or actor this project does not have"

// decisionOf is a decision from its fields, v the hub record's JSON (its version set).
func decisionOf(id string, v any, fp, label string) (decision, error) {
	b, err := json.Marshal(v)
	return decision{UUID: id, Data: b, FP: fp, Label: shortLabel(label)}, err
}

func corrupt(kind string, data json.RawMessage, why string) error {
	return app.Errorf(app.ECORRUPT, "The hub's %s %s is not one: %s.", app.RecordKindLabel(kind), shortLabel(string(data)), why)
}

// idOfUUID is the id of the row of table with this UUID, 0 when this project has none.
func idOfUUID(ctx context.Context, q querier, table, u string) (int64, error) {
	var id int64
	err := q.QueryRowContext(ctx, `SELECT id FROM main.`+table+` WHERE uuid = ?`, u).Scan(&id)
	if err == sql.ErrNoRows {
		return 0, nil
	}
	return id, err
}

// listDecisions runs q and reads each row with scan.
func listDecisions(ctx context.Context, q querier, query string, scan func(*sql.Rows) (decision, bool, error)) ([]decision, error) {
	rows, err := q.QueryContext(ctx, query)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []decision
	for rows.Next() {
		d, ok, err := scan(rows)
		if err != nil {
			return nil, err
		}
		if ok {
			out = append(out, d)
		}
	}
	return out, rows.Err()
}

// --- Mention decisions: the article, the actor and the place; the status decided.

type hubMention struct {
	V       int    `json:"v"`
	Article string `json:"article_id"`
	Actor   string `json:"actor_id"`
	Start   int64  `json:"start"`
	End     int64  `json:"end"`
	Status  string `json:"status"`
}

func (m hubMention) decision(label string) (decision, error) {
	m.V, m.Article, m.Actor = app.HubFormat, strings.ToLower(m.Article), strings.ToLower(m.Actor)
	// The end is left out of what was decided: relinking sets it from the text.
	return decisionOf(keyUUID("mention", m.Article, m.Actor, fmt.Sprint(m.Start)), m, m.Status, label)
}

// decidedMentionsSQL lists the mentions a researcher decided; its WHERE is the partial
// index mentions_decided's own, so that SQLite reads only them.
const decidedMentionsSQL = `SELECT a.uuid, c.uuid, m.start, m.end, m.status, a.title, c.name FROM main.mentions m
	JOIN main.articles a ON a.id = m.article_id JOIN main.actors c ON c.id = m.actor_id
	WHERE m.status IN ('confirmed', 'rejected') ORDER BY m.id`

var hubMentionDecisions = decisionKind{
	list: func(ctx context.Context, q querier) ([]decision, error) {
		return listDecisions(ctx, q, decidedMentionsSQL, func(rows *sql.Rows) (decision, bool, error) {
			var m hubMention
			var title, name string
			if err := rows.Scan(&m.Article, &m.Actor, &m.Start, &m.End, &m.Status, &title, &name); err != nil {
				return decision{}, false, err
			}
			d, err := m.decision("“" + name + "” in “" + title + "”")
			return d, true, err
		})
	},
	decode: func(data json.RawMessage) (decision, error) {
		var m hubMention
		if err := json.Unmarshal(data, &m); err != nil {
			return decision{}, corrupt(mentionDecisionKind, data, err.Error())
		}
		if m.Status != app.MentionConfirmed && m.Status != app.MentionRejected || m.Article == "" || m.Actor == "" || m.Start < 0 || m.End < m.Start {
			return decision{}, corrupt(mentionDecisionKind, data, "no article, actor, place or decision")
		}
		return m.decision(fmt.Sprintf("a mention at character %d", m.Start))
	},
	take: func(ctx context.Context, tx *sql.Tx, d decision, t *touched) (string, error) {
		var m hubMention
		json.Unmarshal(d.Data, &m)
		art, act, err := mentionIDs(ctx, tx, m)
		if err != nil || art == 0 || act == 0 {
			return notHere, err
		}
		var length int64
		if err := tx.QueryRowContext(ctx, `SELECT length(body) FROM main.articles WHERE id = ?`, art).Scan(&length); err != nil {
			return "", err
		}
		if m.End > length {
			return "is about a place past the end of this project's copy of the article", nil
		}
		t.articles[art] = true
		_, err = tx.ExecContext(ctx, `INSERT INTO main.mentions(article_id, actor_id, start, end, status) VALUES (?, ?, ?, ?, ?)
			ON CONFLICT (article_id, actor_id, start) DO UPDATE SET end = excluded.end, status = excluded.status`, art, act, m.Start, m.End, m.Status)
		return "", err
	},
	// Undone: the place goes back to the linker, which decides it again.
	drop: func(ctx context.Context, tx *sql.Tx, d decision, t *touched) error {
		var m hubMention
		json.Unmarshal(d.Data, &m)
		art, act, err := mentionIDs(ctx, tx, m)
		if err != nil || art == 0 || act == 0 {
			return err
		}
		t.articles[art] = true
		_, err = tx.ExecContext(ctx, `UPDATE main.mentions SET status = 'automatic' WHERE article_id = ? AND actor_id = ? AND start = ?`, art, act, m.Start)
		return err
	},
	refs: func(d decision) [][2]string {
		var m hubMention
		json.Unmarshal(d.Data, &m)
		return [][2]string{{"article", m.Article}, {"actor", m.Actor}}
	},
}

func mentionIDs(ctx context.Context, q querier, m hubMention) (art, act int64, err error) {
	if art, err = idOfUUID(ctx, q, "articles", m.Article); err != nil || art == 0 {
		return 0, 0, err
	}
	act, err = idOfUUID(ctx, q, "actors", m.Actor)
	return art, act, err
}

// --- Dismissed suggestions: the folded name; dismissed by being there.

type hubDismissed struct {
	V         int    `json:"v"`
	Name      string `json:"name"`
	Folded    string `json:"folded"`
	Dismissed string `json:"dismissed"`
}

func (x hubDismissed) decision() (decision, error) {
	x.V = app.HubFormat
	return decisionOf(keyUUID("dismissed", x.Folded), x, "dismissed", x.Name)
}

var hubDismissedDecisions = decisionKind{
	list: func(ctx context.Context, q querier) ([]decision, error) {
		return listDecisions(ctx, q, `SELECT name, folded, dismissed FROM main.dismissed_suggestions ORDER BY id`, func(rows *sql.Rows) (decision, bool, error) {
			var x hubDismissed
			if err := rows.Scan(&x.Name, &x.Folded, &x.Dismissed); err != nil {
				return decision{}, false, err
			}
			d, err := x.decision()
			return d, true, err
		})
	},
	decode: func(data json.RawMessage) (decision, error) {
		var x hubDismissed
		if err := json.Unmarshal(data, &x); err != nil {
			return decision{}, corrupt(dismissedKind, data, err.Error())
		}
		if strings.TrimSpace(x.Name) == "" || x.Folded != app.Fold(strings.TrimSpace(x.Name)) {
			return decision{}, corrupt(dismissedKind, data, "no name, or a folded name that is not the name's")
		}
		return x.decision()
	},
	take: func(ctx context.Context, tx *sql.Tx, d decision, _ *touched) (string, error) {
		var x hubDismissed
		json.Unmarshal(d.Data, &x)
		_, err := tx.ExecContext(ctx, `INSERT INTO main.dismissed_suggestions(name, folded, dismissed) VALUES (?, ?, ?)
			ON CONFLICT (folded) DO NOTHING`, x.Name, x.Folded, x.Dismissed)
		return "", err
	},
	drop: func(ctx context.Context, tx *sql.Tx, d decision, _ *touched) error {
		var x hubDismissed
		json.Unmarshal(d.Data, &x)
		_, err := tx.ExecContext(ctx, `DELETE FROM main.dismissed_suggestions WHERE folded = ?`, x.Folded)
		return err
	},
	refs: func(decision) [][2]string { return nil },
}

// acceptedAs is the actor of this project that goes by the name a dismissal pulled is
// about ("" when none): here the name was accepted as an actor, there dismissed.
func acceptedAs(ctx context.Context, q querier, d decision) (string, error) {
	var x hubDismissed
	json.Unmarshal(d.Data, &x)
	var name string
	err := q.QueryRowContext(ctx, `SELECT a.name FROM main.aliases al JOIN main.actors a ON a.id = al.actor_id
		WHERE al.folded = ? AND a.deleted = '' ORDER BY a.id LIMIT 1`, x.Folded).Scan(&name)
	if err == sql.ErrNoRows {
		return "", nil
	}
	return name, err
}

// --- "Not the same": the two actors' UUIDs, in order; decided by being there.

type hubNotSame struct {
	V       int    `json:"v"`
	A       string `json:"a"`
	B       string `json:"b"`
	Decided string `json:"decided"`
}

func (n hubNotSame) decision(label string) (decision, error) {
	n.V, n.A, n.B = app.HubFormat, strings.ToLower(n.A), strings.ToLower(n.B)
	if n.A > n.B {
		n.A, n.B = n.B, n.A
	}
	return decisionOf(keyUUID("not same", n.A, n.B), n, "not the same", label)
}

var hubNotSameDecisions = decisionKind{
	list: func(ctx context.Context, q querier) ([]decision, error) {
		return listDecisions(ctx, q, `SELECT x.uuid, y.uuid, n.decided, x.name, y.name FROM main.not_same n
			JOIN main.actors x ON x.id = n.a_id JOIN main.actors y ON y.id = n.b_id ORDER BY n.a_id, n.b_id`, func(rows *sql.Rows) (decision, bool, error) {
			var n hubNotSame
			var an, bn string
			if err := rows.Scan(&n.A, &n.B, &n.Decided, &an, &bn); err != nil {
				return decision{}, false, err
			}
			d, err := n.decision(an + " ≠ " + bn)
			return d, true, err
		})
	},
	decode: func(data json.RawMessage) (decision, error) {
		var n hubNotSame
		if err := json.Unmarshal(data, &n); err != nil {
			return decision{}, corrupt(notSameKind, data, err.Error())
		}
		if n.A == "" || n.B == "" || strings.EqualFold(n.A, n.B) {
			return decision{}, corrupt(notSameKind, data, "not two actors")
		}
		return n.decision("two actors not the same")
	},
	take: func(ctx context.Context, tx *sql.Tx, d decision, _ *touched) (string, error) {
		var n hubNotSame
		json.Unmarshal(d.Data, &n)
		p, ok, err := notSameIDs(ctx, tx, n)
		if err != nil || !ok {
			return notHere, err
		}
		_, err = tx.ExecContext(ctx, `INSERT INTO main.not_same(a_id, b_id, decided) VALUES (?, ?, ?) ON CONFLICT DO NOTHING`, p[0], p[1], n.Decided)
		return "", err
	},
	drop: func(ctx context.Context, tx *sql.Tx, d decision, _ *touched) error {
		var n hubNotSame
		json.Unmarshal(d.Data, &n)
		p, ok, err := notSameIDs(ctx, tx, n)
		if err != nil || !ok {
			return err
		}
		_, err = tx.ExecContext(ctx, `DELETE FROM main.not_same WHERE a_id = ? AND b_id = ?`, p[0], p[1])
		return err
	},
	refs: func(d decision) [][2]string {
		var n hubNotSame
		json.Unmarshal(d.Data, &n)
		return [][2]string{{"actor", n.A}, {"actor", n.B}}
	},
}

func notSameIDs(ctx context.Context, q querier, n hubNotSame) ([2]int64, bool, error) {
	a, err := idOfUUID(ctx, q, "actors", n.A)
	if err != nil || a == 0 {
		return [2]int64{}, false, err
	}
	b, err := idOfUUID(ctx, q, "actors", n.B)
	if err != nil || b == 0 {
		return [2]int64{}, false, err
	}
	return orderedPair(a, b), true, nil
}

// --- Network positions: the actor; the place and the pin decided. The hub keeps them
// per member (its table positions): the UUID is the actor's.

type hubPosition struct {
	V      int     `json:"v"`
	Actor  string  `json:"actor_id"`
	X      float64 `json:"x"`
	Y      float64 `json:"y"`
	Pinned bool    `json:"pinned"`
}

func (p hubPosition) decision(label string) (decision, error) {
	p.V, p.Actor = app.HubFormat, strings.ToLower(p.Actor)
	return decisionOf(p.Actor, p, fmt.Sprintf("%v %v %v", p.X, p.Y, p.Pinned), label)
}

func finite(f float64) bool { return !math.IsNaN(f) && !math.IsInf(f, 0) }

var hubPositionDecisions = decisionKind{
	list: func(ctx context.Context, q querier) ([]decision, error) {
		return listDecisions(ctx, q, `SELECT c.uuid, p.x, p.y, p.pinned, c.name FROM main.network_positions p
			JOIN main.actors c ON c.id = p.actor_id ORDER BY p.actor_id`, func(rows *sql.Rows) (decision, bool, error) {
			var p hubPosition
			var name string
			if err := rows.Scan(&p.Actor, &p.X, &p.Y, &p.Pinned, &name); err != nil {
				return decision{}, false, err
			}
			if !finite(p.X) || !finite(p.Y) {
				return decision{}, false, nil // no place at all: the network places the actor afresh
			}
			d, err := p.decision(name)
			return d, true, err
		})
	},
	decode: func(data json.RawMessage) (decision, error) {
		var p hubPosition
		if err := json.Unmarshal(data, &p); err != nil {
			return decision{}, corrupt(positionKind, data, err.Error())
		}
		if _, err := uuid.Parse(p.Actor); err != nil {
			return decision{}, corrupt(positionKind, data, "no actor")
		}
		return p.decision("a place in the network")
	},
	take: func(ctx context.Context, tx *sql.Tx, d decision, _ *touched) (string, error) {
		var p hubPosition
		json.Unmarshal(d.Data, &p)
		id, err := idOfUUID(ctx, tx, "actors", p.Actor)
		if err != nil || id == 0 {
			return notHere, err
		}
		_, err = tx.ExecContext(ctx, `INSERT INTO main.network_positions(actor_id, x, y, pinned) VALUES (?, ?, ?, ?)
			ON CONFLICT (actor_id) DO UPDATE SET x = excluded.x, y = excluded.y, pinned = excluded.pinned`, id, p.X, p.Y, p.Pinned)
		return "", err
	},
	drop: func(ctx context.Context, tx *sql.Tx, d decision, _ *touched) error {
		var p hubPosition
		json.Unmarshal(d.Data, &p)
		_, err := tx.ExecContext(ctx, `DELETE FROM main.network_positions WHERE actor_id = (SELECT id FROM main.actors WHERE uuid = ?)`, p.Actor)
		return err
	},
	refs: func(d decision) [][2]string {
		var p hubPosition
		json.Unmarshal(d.Data, &p)
		return [][2]string{{"actor", p.Actor}}
	},
}

// --- Sending.

// decisionBases reads the bases of the decisions of kind this project synced with place.
func decisionBases(ctx context.Context, q querier, place app.HubPlace, kind string) (map[string]base, error) {
	rows, err := q.QueryContext(ctx, `SELECT uuid, seq, updated, deleted FROM main.hub_sync_records WHERE hub = ? AND kind = ?`, place.Key(), kind)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[string]base{}
	for rows.Next() {
		var u string
		var b base
		if err := rows.Scan(&u, &b.seq, &b.updated, &b.deleted); err != nil {
			return nil, err
		}
		out[u] = b
	}
	return out, rows.Err()
}

// decisionChanges lists the decisions to send to place: made or changed since the last
// sync, and undone since (sent as deletion markers).
func (s *Store) decisionChanges(ctx context.Context, place app.HubPlace) ([]app.HubChange, error) {
	var out []app.HubChange
	for _, kind := range decisionKinds {
		local, err := decisionKindOf(kind).list(ctx, s.db)
		if err != nil {
			return nil, fmt.Errorf("%ss: %w", kind, err)
		}
		bases, err := decisionBases(ctx, s.db, place, kind)
		if err != nil {
			return nil, err
		}
		held := map[string]bool{}
		for _, d := range local {
			held[d.UUID] = true
			if b, ok := bases[d.UUID]; !ok || b.deleted || b.updated != d.FP {
				out = append(out, app.HubChange{Kind: kind, UUID: d.UUID, BaseSeq: b.seq})
			}
		}
		var gone []string
		for u, b := range bases {
			if !b.deleted && !held[u] {
				gone = append(gone, u)
			}
		}
		sort.Strings(gone)
		for _, u := range gone {
			out = append(out, app.HubChange{Kind: kind, UUID: u, BaseSeq: bases[u].seq, Deleted: true})
		}
	}
	return out, nil
}

// decisionRecords reads the decisions changes name (none deleted), as the hub will hold
// them; one undone since HubChanges listed it is left out: the next sync sends that.
func (s *Store) decisionRecords(ctx context.Context, changes []app.HubChange) ([]app.HubRecord, error) {
	byKind := map[string][]app.HubChange{}
	for _, c := range changes {
		byKind[c.Kind] = append(byKind[c.Kind], c)
	}
	var out []app.HubRecord
	for _, kind := range decisionKinds {
		if len(byKind[kind]) == 0 {
			continue
		}
		local, err := decisionKindOf(kind).list(ctx, s.db)
		if err != nil {
			return nil, err
		}
		now := map[string]decision{}
		for _, d := range local {
			now[d.UUID] = d
		}
		for _, c := range byKind[kind] {
			if d, ok := now[c.UUID]; ok {
				out = append(out, app.HubRecord{Kind: kind, UUID: d.UUID, Data: d.Data, BaseSeq: c.BaseSeq, Updated: d.FP})
			}
		}
	}
	return out, nil
}

// decisionRefs lists the records the live decisions of recs name.
func decisionRefs(r app.HubRecord) [][2]string {
	k := decisionKindOf(r.Kind)
	d, err := k.decode(r.Data)
	if err != nil {
		return nil // refused when the pull reads it
	}
	return k.refs(d)
}
