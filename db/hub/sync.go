package hub

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"

	"dossier/app"
)

// A sync's side on the hub: find the collection, read the records changed after a
// change number, write a batch of records in one transaction. Every write to a
// collection first takes the collection's advisory lock, so that the change numbers a
// collection's records get are handed out in the order their transactions commit: a
// reader that has seen number n then never later finds a record numbered below n (a
// concurrent writer holding a lower number, committing after). A record is written only
// if the hub's copy is still the version the local change was made on.

// Collection finds the collection name this member may read, and whether it may write.
func (h *Hub) Collection(ctx context.Context, name string) (id string, canWrite bool, err error) {
	err = h.conn.QueryRow(ctx, `SELECT c.id::text, coalesce((SELECT g.can_write FROM `+Schema+`.grants g
		WHERE g.member = current_user AND g.collection_id = c.id), false) FROM `+Schema+`.collections c WHERE c.name = $1`, name).Scan(&id, &canWrite)
	if errors.Is(err, pgx.ErrNoRows) {
		return "", false, app.Errorf(app.ENOTFOUND, "The hub has no collection “%s” you may read: ask the hub's administrator for a grant (dossier hub grant).", name)
	}
	if err != nil {
		return "", false, syncError(err, name)
	}
	return id, canWrite, nil
}

// Pull returns the records of the collection changed after change number after, in
// order, at most limit of them (0: all), and the highest change number read (after
// when none).
func (h *Hub) Pull(ctx context.Context, collectionID string, after int64, limit int) ([]app.HubRecord, int64, error) {
	lim := "ALL"
	if limit > 0 {
		lim = fmt.Sprint(limit)
	}
	return h.records(ctx, after, `SELECT kind, uuid::text, data, deleted, seq, created_by, updated_by, updated_at FROM (
		SELECT kind, uuid, data, deleted, seq, created_by, updated_by, updated_at FROM `+Schema+`.records WHERE collection_id = $1 AND seq > $2
		UNION ALL `+ownPositions+`) r ORDER BY seq LIMIT `+lim, collectionID, after)
}

// positionKind is the kind a member's network positions travel as (migration 4): they
// are kept apart from the records, each member's own.
const positionKind = "network_position"

// ownPositions selects the member's own positions of collection $1 changed after $2,
// as records (the row-level security of positions lets a member read only its own).
const ownPositions = `SELECT '` + positionKind + `', actor, data, deleted, seq, member, member, updated_at FROM ` + Schema + `.positions
	WHERE collection_id = $1 AND seq > $2 AND member = current_user`

// Fetch returns the records of the collection named by kind and uuid, as they are now:
// those a page of a pull points at that come later in the pull.
func (h *Hub) Fetch(ctx context.Context, collectionID string, refs []app.HubChange) ([]app.HubRecord, error) {
	kinds, uuids := make([]string, len(refs)), make([]string, len(refs))
	for i, r := range refs {
		kinds[i], uuids[i] = r.Kind, r.UUID
	}
	recs, _, err := h.records(ctx, 0, `SELECT r.kind, r.uuid::text, r.data, r.deleted, r.seq, r.created_by, r.updated_by, r.updated_at
		FROM `+Schema+`.records r JOIN unnest($2::text[], $3::uuid[]) AS w(kind, uuid) ON r.kind = w.kind AND r.uuid = w.uuid
		WHERE r.collection_id = $1 ORDER BY r.seq`, collectionID, kinds, uuids)
	return recs, err
}

// records runs a query of records and returns them with the highest change number.
func (h *Hub) records(ctx context.Context, after int64, q string, args ...any) ([]app.HubRecord, int64, error) {
	return readRecords(ctx, h.conn, after, q, args...)
}

// readRecords runs a query of records on c (the connection, or a transaction of it).
func readRecords(ctx context.Context, c interface {
	Query(ctx context.Context, sql string, args ...any) (pgx.Rows, error)
}, after int64, q string, args ...any) ([]app.HubRecord, int64, error) {
	rows, err := c.Query(ctx, q, args...)
	if err != nil {
		return nil, after, syncError(err, "")
	}
	defer rows.Close()
	upTo := after
	var out []app.HubRecord
	for rows.Next() {
		var r app.HubRecord
		var data []byte
		if err := rows.Scan(&r.Kind, &r.UUID, &data, &r.Deleted, &r.Seq, &r.CreatedBy, &r.UpdatedBy, &r.UpdatedAt); err != nil {
			return nil, after, syncError(err, "")
		}
		r.Data = data
		if r.Seq > upTo {
			upTo = r.Seq
		}
		out = append(out, r)
	}
	if err := rows.Err(); err != nil {
		return nil, after, syncError(err, "")
	}
	return out, upTo, nil
}

// pushHook, set by tests, runs before each record a push writes: an error stands for a
// connection cut there.
var pushHook func(i int) error

// Push writes recs into the collection in one transaction and returns those written,
// with the change numbers and stamps the hub gave them, and how many were stale (the
// hub's copy changed since the version they were made on: not written). collection is
// the name, for the messages.
func (h *Hub) Push(ctx context.Context, collectionID, collection string, recs []app.HubRecord) (sent []app.HubRecord, stale int, err error) {
	tx, err := h.conn.Begin(ctx)
	if err != nil {
		return nil, 0, syncError(err, collection)
	}
	defer tx.Rollback(ctx)
	if _, err := tx.Exec(ctx, `SELECT pg_advisory_xact_lock(hashtext('dossier_hub push ' || $1))`, collectionID); err != nil {
		return nil, 0, syncError(err, collection)
	}
	for i, r := range recs {
		if pushHook != nil {
			if err := pushHook(i); err != nil {
				return nil, 0, err
			}
		}
		var row pgx.Row
		switch {
		case r.Kind == positionKind:
			row = pushPosition(ctx, tx, collectionID, r)
		case r.BaseSeq == 0:
			row = tx.QueryRow(ctx, `INSERT INTO `+Schema+`.records(collection_id, kind, uuid, data, deleted) VALUES ($1, $2, $3, $4, $5)
				ON CONFLICT (collection_id, kind, uuid) DO NOTHING RETURNING seq, created_by, updated_by, updated_at`,
				collectionID, r.Kind, r.UUID, []byte(r.Data), r.Deleted)
		default:
			row = tx.QueryRow(ctx, `UPDATE `+Schema+`.records SET data = $4, deleted = $5
				WHERE collection_id = $1 AND kind = $2 AND uuid = $3 AND seq = $6 RETURNING seq, created_by, updated_by, updated_at`,
				collectionID, r.Kind, r.UUID, []byte(r.Data), r.Deleted, r.BaseSeq)
		}
		var at time.Time
		err := row.Scan(&r.Seq, &r.CreatedBy, &r.UpdatedBy, &at)
		if errors.Is(err, pgx.ErrNoRows) {
			stale++
			continue
		}
		if err != nil {
			return nil, 0, syncError(err, collection)
		}
		r.UpdatedAt = at
		sent = append(sent, r)
	}
	if err := tx.Commit(ctx); err != nil {
		return nil, 0, syncError(err, collection)
	}
	return sent, stale, nil
}

// pushPosition writes one of the member's network positions, as Push writes a record:
// only if the hub's copy is still the version the change was made on.
func pushPosition(ctx context.Context, tx pgx.Tx, collectionID string, r app.HubRecord) pgx.Row {
	if r.BaseSeq == 0 {
		return tx.QueryRow(ctx, `INSERT INTO `+Schema+`.positions(collection_id, actor, data, deleted) VALUES ($1, $2, $3, $4)
			ON CONFLICT (collection_id, member, actor) DO NOTHING RETURNING seq, member, member, updated_at`,
			collectionID, r.UUID, []byte(r.Data), r.Deleted)
	}
	return tx.QueryRow(ctx, `UPDATE `+Schema+`.positions SET data = $3, deleted = $4
		WHERE collection_id = $1 AND member = current_user AND actor = $2 AND seq = $5 RETURNING seq, member, member, updated_at`,
		collectionID, r.UUID, []byte(r.Data), r.Deleted, r.BaseSeq)
}

// syncError says in plain words why the hub refused or failed.
func syncError(err error, collection string) error {
	var pe *pgconn.PgError
	if errors.As(err, &pe) && pe.Code == "42501" {
		return &app.Error{Code: app.EREADONLY, Err: err, Message: "You may only read the collection “" + collection + "” on this hub: your changes were not sent (ask for a write grant)."}
	}
	if errors.As(err, &pe) && pe.Code == "42P01" { // a table of a newer hub schema
		return &app.Error{Code: app.ETOONEW, Err: err, Message: "The hub's schema is older than this Dossier: its owner must run `dossier hub init` again to update it."}
	}
	if pgconn.SafeToRetry(err) || pgconn.Timeout(err) || isConnErr(err) {
		return &app.Error{Code: app.ELOCKED, Err: err, Message: "Hub unreachable: " + err.Error()}
	}
	return err
}

func isConnErr(err error) bool {
	var pe *pgconn.PgError
	if errors.As(err, &pe) {
		return pe.Code == "57P01" || pe.Code[:2] == "08" // terminated by the administrator; connection exceptions
	}
	var ce *pgconn.ConnectError
	return errors.As(err, &ce) || !errors.As(err, &pe)
}
