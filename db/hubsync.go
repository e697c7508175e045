package db

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"dossier/app"
)

// Syncing with a team hub, the project's side (the hub's side is db/hub, the steps
// app/hubsync). A record travels as JSON: its row's columns, references to other records
// by their UUIDs (an outlet by its folded name, carried whole), and what belongs to it (an
// actor's names, a relation's evidence and type). hub_sync_records keeps, per record, the
// hub's change number and the local stamp of the version both last had in common: a
// local record whose stamp moved is a change to send, a hub record whose number moved a
// change to take, and both is a conflict. What is pulled is written into a temporary
// project and merged by the project merge's own code (projectmerge_apply.go), with this
// plan instead of the merge's time-based one.

// syncKinds are the kinds of record a hub holds, in the order references need.
var syncKinds = []string{"actor", "article", "relation", "note"}

// recordJSON is the SQL expression of a record of kind k (row m of main) as hub JSON.
func (s *Store) recordJSON(ctx context.Context, q querier, k mergeKind) (string, error) {
	cols, err := tableColumns(ctx, q, k.table)
	if err != nil {
		return "", err
	}
	parts := []string{fmt.Sprintf("'v', %d", app.HubFormat)}
	for _, c := range cols {
		e := "m." + c
		if ref, ok := k.refs[c]; ok {
			e = fmt.Sprintf("(SELECT x.%s FROM main.%s x WHERE x.id = m.%s)", refKey(ref), ref, c)
		}
		parts = append(parts, fmt.Sprintf("'%s', %s", c, e))
	}
	switch k.kind {
	case "actor":
		parts = append(parts, `'aliases', json((SELECT json_group_array(json_object('text', a.text, 'folded', a.folded, 'is_name', a.is_name))
			FROM (SELECT * FROM main.aliases a WHERE a.actor_id = m.id ORDER BY a.folded) a))`)
	case "article":
		parts = append(parts, `'outlet', json((SELECT json_object('uuid', o.uuid, 'name', o.name, 'folded', o.folded, 'url', o.url, 'reliability', o.reliability)
			FROM main.outlets o WHERE o.id = m.outlet_id))`)
	case "relation":
		parts = append(parts, `'type_def', json((SELECT json_object('key', y.key, 'label', y.label, 'inverse', y.inverse, 'directed', y.directed,
			'polarity', y.polarity, 'family', y.family, 'builtin', y.builtin) FROM main.relation_types y WHERE y.key = m.type))`,
			`'evidence', json((SELECT json_group_array(json_object('uuid', e.uuid, 'article_id', (SELECT uuid FROM main.articles WHERE id = e.article_id),
				'quote', e.quote, 'start', e.start, 'end', e.end)) FROM (SELECT * FROM main.evidence e WHERE e.relation_id = m.id ORDER BY e.uuid) e))`)
	}
	return "json_object(" + strings.Join(parts, ", ") + ")", nil
}

// tableColumns lists table's columns but its id, in order.
func tableColumns(ctx context.Context, q querier, table string) ([]string, error) {
	rows, err := q.QueryContext(ctx, `SELECT name FROM pragma_table_info(?, 'main') WHERE name <> 'id' ORDER BY cid`, table)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var n string
		if err := rows.Scan(&n); err != nil {
			return nil, err
		}
		out = append(out, n)
	}
	return out, rows.Err()
}

// HubSyncState is what this project remembers of syncing with place (zero the first time).
func (s *Store) HubSyncState(ctx context.Context, place app.HubPlace) (st app.HubSyncState, err error) {
	defer wrapErr(&err, "hub sync state %s", place.Key())
	st.Place = place
	var synced, tags string
	err = s.db.QueryRowContext(ctx, `SELECT pulled_seq, synced_at, sent, received, only_tags FROM hub_sync_state WHERE hub = ?`, place.Key()).
		Scan(&st.PulledSeq, &synced, &st.Sent, &st.Received, &tags)
	if err == sql.ErrNoRows {
		return st, nil
	}
	st.SyncedAt = parseTime(synced)
	st.OnlyTags = splitTags(tags)
	return st, err
}

// HubPlaces lists the hubs this project has synced with, the last one first: the window
// offers the last again.
func (s *Store) HubPlaces(ctx context.Context) (_ []app.HubPlace, err error) {
	defer wrapErr(&err, "hub places")
	rows, err := s.db.QueryContext(ctx, `SELECT url, collection FROM hub_sync_state ORDER BY synced_at DESC, hub`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []app.HubPlace
	for rows.Next() {
		var p app.HubPlace
		if err := rows.Scan(&p.URL, &p.Collection); err != nil {
			return nil, err
		}
		out = append(out, p)
	}
	return out, rows.Err()
}

// RememberHub keeps place as a hub this project syncs with (the URL must hold no password).
func (s *Store) RememberHub(ctx context.Context, place app.HubPlace) (err error) {
	defer wrapErr(&err, "remember hub %s", place.Key())
	if app.WithoutPassword(place.URL) != place.URL {
		return app.Errorf(app.EINVALID, "A hub's password is never kept in the project: give the URL without it.")
	}
	return s.tx(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `INSERT INTO hub_sync_state(hub, url, collection) VALUES (?, ?, ?) ON CONFLICT (hub) DO NOTHING`,
			place.Key(), place.URL, place.Collection)
		return err
	})
}

// HubChanges lists the local records to send to place: those whose stamp moved since the
// hub and this project last had them in common (or that the hub never had), and the
// records deleted here that the hub still holds.
func (s *Store) HubChanges(ctx context.Context, place app.HubPlace) (_ []app.HubChange, err error) {
	defer wrapErr(&err, "hub changes %s", place.Key())
	var out []app.HubChange
	for _, kind := range syncKinds {
		k := kindOf(kind)
		rows, err := s.db.QueryContext(ctx, `SELECT m.uuid, coalesce(b.seq, 0) FROM `+k.table+` m
			LEFT JOIN hub_sync_records b ON b.hub = ? AND b.kind = ? AND b.uuid = m.uuid
			WHERE b.uuid IS NULL OR b.updated IS NOT m.updated ORDER BY m.id`, place.Key(), kind)
		if err != nil {
			return nil, err
		}
		out, err = appendChanges(out, rows, kind, false)
		if err != nil {
			return nil, err
		}
	}
	// A deletion the hub does not know yet; not one undone since (an actor merge undone
	// brings the actor back under its UUID, its deletion mark left behind).
	for _, kind := range syncKinds {
		rows, err := s.db.QueryContext(ctx, `SELECT t.uuid, b.seq FROM tombstones t
			JOIN hub_sync_records b ON b.hub = ? AND b.kind = t.kind AND b.uuid = t.uuid
			WHERE t.kind = ? AND NOT b.deleted AND t.uuid NOT IN (SELECT uuid FROM `+kindOf(kind).table+`) ORDER BY t.uuid`, place.Key(), kind)
		if err != nil {
			return nil, err
		}
		if out, err = appendChanges(out, rows, kind, true); err != nil {
			return nil, err
		}
	}
	images, err := s.noteImageChanges(ctx, place) // hubsync_images.go
	if err != nil {
		return nil, err
	}
	decisions, err := s.decisionChanges(ctx, place) // hubsync_decisions.go
	return append(append(out, images...), decisions...), err
}

func appendChanges(out []app.HubChange, rows *sql.Rows, kind string, deleted bool) ([]app.HubChange, error) {
	defer rows.Close()
	for rows.Next() {
		c := app.HubChange{Kind: kind, Deleted: deleted}
		if err := rows.Scan(&c.UUID, &c.BaseSeq); err != nil {
			return nil, err
		}
		out = append(out, c)
	}
	return out, rows.Err()
}

// HubRecords reads the records changes name, as the hub will hold them. A record gone
// since HubChanges listed it is left out: the next sync sends its deletion.
func (s *Store) HubRecords(ctx context.Context, changes []app.HubChange) (_ []app.HubRecord, err error) {
	defer wrapErr(&err, "hub records")
	var out []app.HubRecord
	byKind := map[string][]string{}
	base := map[string]int64{}
	var images []string
	var decisions []app.HubChange
	for _, c := range changes {
		if c.Kind == noteImageKind {
			images = append(images, c.UUID)
			continue
		}
		if isDecisionKind(c.Kind) && !c.Deleted {
			decisions = append(decisions, c)
			continue
		}
		if c.Deleted {
			out = append(out, app.HubRecord{Kind: c.Kind, UUID: c.UUID, Deleted: true, BaseSeq: c.BaseSeq, Data: s.tombstoneJSON(ctx, c)})
			continue
		}
		byKind[c.Kind] = append(byKind[c.Kind], c.UUID)
		base[c.Kind+"/"+c.UUID] = c.BaseSeq
	}
	for _, kind := range syncKinds {
		if len(byKind[kind]) == 0 {
			continue
		}
		recs, err := s.recordsOf(ctx, s.db, kind, byKind[kind])
		if err != nil {
			return nil, err
		}
		for i := range recs {
			recs[i].BaseSeq = base[kind+"/"+recs[i].UUID]
		}
		out = append(out, recs...)
	}
	recs, err := s.noteImageRecords(ctx, images)
	if err != nil {
		return nil, err
	}
	out = append(out, recs...)
	recs, err = s.decisionRecords(ctx, decisions)
	return append(out, recs...), err
}

// recordsOf reads the local records of kind with these uuids as hub JSON.
func (s *Store) recordsOf(ctx context.Context, q querier, kind string, uuids []string) ([]app.HubRecord, error) {
	k := kindOf(kind)
	expr, err := s.recordJSON(ctx, q, k)
	if err != nil {
		return nil, err
	}
	rows, err := q.QueryContext(ctx, `SELECT m.uuid, m.updated, `+expr+` FROM main.`+k.table+` m
		WHERE m.uuid IN (SELECT value FROM json_each(?)) ORDER BY m.id`, jsonList(uuids))
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []app.HubRecord
	for rows.Next() {
		r := app.HubRecord{Kind: kind}
		var data string
		if err := rows.Scan(&r.UUID, &r.Updated, &data); err != nil {
			return nil, err
		}
		r.Data = json.RawMessage(data)
		out = append(out, r)
	}
	return out, rows.Err()
}

// tombstoneJSON is the data of a deletion marker: for an actor merged into another
// here, which one, so that a colleague's project merges it too instead of deleting it.
func (s *Store) tombstoneJSON(ctx context.Context, c app.HubChange) json.RawMessage {
	d := map[string]any{"v": app.HubFormat}
	if c.Kind == "actor" {
		var into string
		err := s.db.QueryRowContext(ctx, `SELECT a.uuid FROM merges mg JOIN actors a ON a.id = mg.kept_id
			WHERE mg.undone = '' AND json_extract(mg.journal, '$.dropped.UUID') = ? ORDER BY mg.id DESC LIMIT 1`, c.UUID).Scan(&into)
		if err == nil {
			d["merged_into"] = into
		}
	}
	b, _ := json.Marshal(d)
	return b
}

// MarkHubSent records that the hub now holds these records (with the change numbers
// it gave them) as they were read: they are not sent again unless changed again.
func (s *Store) MarkHubSent(ctx context.Context, place app.HubPlace, sent []app.HubRecord) (err error) {
	defer wrapErr(&err, "mark sent to %s", place.Key())
	now := s.now()
	return s.tx(ctx, func(tx *sql.Tx) error {
		if err := ensureHubState(ctx, tx, place); err != nil {
			return err
		}
		for _, r := range sent {
			if err := setBase(ctx, tx, place, r, r.Updated); err != nil {
				return err
			}
		}
		_, err := tx.ExecContext(ctx, `UPDATE hub_sync_state SET pushed_at = ? WHERE hub = ?`, now, place.Key())
		return err
	})
}

// FinishHubSync records what a finished sync sent and received.
func (s *Store) FinishHubSync(ctx context.Context, place app.HubPlace, sent, received int) (at time.Time, err error) {
	defer wrapErr(&err, "finish sync %s", place.Key())
	now := s.now()
	return parseTime(now), s.tx(ctx, func(tx *sql.Tx) error {
		if err := ensureHubState(ctx, tx, place); err != nil {
			return err
		}
		_, err := tx.ExecContext(ctx, `UPDATE hub_sync_state SET synced_at = ?, sent = ?, received = ? WHERE hub = ?`, now, sent, received, place.Key())
		return err
	})
}

func ensureHubState(ctx context.Context, tx *sql.Tx, place app.HubPlace) error {
	_, err := tx.ExecContext(ctx, `INSERT INTO hub_sync_state(hub, url, collection) VALUES (?, ?, ?) ON CONFLICT (hub) DO NOTHING`,
		place.Key(), place.URL, place.Collection)
	return err
}

// setBase records r as the version the hub and this project have in common, with the
// local stamp updated (” when the local record is not that version).
func setBase(ctx context.Context, tx *sql.Tx, place app.HubPlace, r app.HubRecord, updated string) error {
	at := ""
	if !r.UpdatedAt.IsZero() {
		at = r.UpdatedAt.UTC().Format(time.RFC3339Nano)
	}
	_, err := tx.ExecContext(ctx, `INSERT INTO hub_sync_records(hub, kind, uuid, seq, updated, deleted, created_by, updated_by, updated_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (hub, kind, uuid) DO UPDATE SET seq = excluded.seq, updated = excluded.updated,
		deleted = excluded.deleted,
		created_by = CASE WHEN excluded.created_by <> '' THEN excluded.created_by ELSE created_by END,
		updated_by = CASE WHEN excluded.updated_by <> '' THEN excluded.updated_by ELSE updated_by END,
		updated_at = CASE WHEN excluded.updated_at <> '' THEN excluded.updated_at ELSE updated_at END`,
		place.Key(), r.Kind, r.UUID, r.Seq, updated, r.Deleted, r.CreatedBy, r.UpdatedBy, at)
	return err
}

// HubAuthors says, for the records of kind with these uuids that a hub holds, who
// created and last changed them there (the latest seen of any hub the project syncs with).
func (s *Store) HubAuthors(ctx context.Context, kind string, uuids []string) (_ map[string]app.HubAuthor, err error) {
	defer wrapErr(&err, "hub authors of %d %ss", len(uuids), kind)
	rows, err := s.db.QueryContext(ctx, `SELECT uuid, created_by, updated_by, updated_at FROM hub_sync_records
		WHERE kind = ? AND uuid IN (SELECT value FROM json_each(?)) AND created_by <> '' ORDER BY updated_at`, kind, jsonList(uuids))
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[string]app.HubAuthor{}
	for rows.Next() {
		var u, at string
		var a app.HubAuthor
		if err := rows.Scan(&u, &a.CreatedBy, &a.UpdatedBy, &at); err != nil {
			return nil, err
		}
		a.UpdatedAt = parseTime(at)
		out[u] = a // the latest last
	}
	return out, rows.Err()
}
