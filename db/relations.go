package db

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
	"strings"

	"dossier/app"
)

// CreateRelation records a relation with its evidence. The actors, the type, the speaker
// and every evidence article must exist; a quote is located in its article's text when
// the caller did not give its offsets.
func (s *Store) CreateRelation(ctx context.Context, r app.Relation) (_ app.Relation, err error) {
	defer wrapErr(&err, "create relation %d %s %d", r.SourceID, r.Type, r.TargetID)
	r.Evidence = slices.Clone(r.Evidence) // the caller's sources stay as given
	r.Normalize()
	if err := r.Validate(); err != nil {
		return r, err
	}
	err = s.tx(ctx, func(tx *sql.Tx) error {
		if err := checkRelationRefs(ctx, tx, &r); err != nil {
			return err
		}
		var err error
		r, err = s.insertRelation(ctx, tx, r)
		return err
	})
	return r, err
}

// insertRelation writes r, whose references were checked, and its evidence.
func (s *Store) insertRelation(ctx context.Context, tx *sql.Tx, r app.Relation) (app.Relation, error) {
	if r.UUID == "" {
		r.UUID = newUUID()
	}
	t := s.now()
	res, err := tx.ExecContext(ctx, `INSERT INTO relations(uuid, source_id, type, target_id, start, end, confidence,
		modality, speaker_id, note, created, updated) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)`,
		r.UUID, r.SourceID, r.Type, r.TargetID, string(r.Start), string(r.End), r.Confidence, r.Modality,
		nullID(r.SpeakerID), r.Note, t, t)
	if err != nil {
		return r, err
	}
	r.ID, _ = res.LastInsertId()
	for i := range r.Evidence {
		if err := insertEvidence(ctx, tx, r.ID, &r.Evidence[i]); err != nil {
			return r, err
		}
	}
	return r, nil
}

// checkRelationRefs turns dangling references into messages that name what is missing,
// instead of a bare foreign-key failure.
func checkRelationRefs(ctx context.Context, tx *sql.Tx, r *app.Relation) error {
	for _, side := range []struct {
		id   int64
		role string
		name *string
	}{{r.SourceID, "source", &r.SourceName}, {r.TargetID, "target", &r.TargetName}, {r.SpeakerID, "speaker", &r.SpeakerName}} {
		if side.id == 0 {
			continue
		}
		a, err := actor(ctx, tx, side.id)
		if err != nil {
			return app.Errorf(app.ENOTFOUND, "The %s actor (#%d) does not exist any more; it may have been deleted or merged.", side.role, side.id)
		}
		*side.name = a.Name
	}
	t, err := relationType(ctx, tx, r.Type)
	if err != nil {
		return err
	}
	r.Type, r.TypeLabel = t.Key, t.Label
	return nil
}

func insertEvidence(ctx context.Context, tx *sql.Tx, relationID int64, e *app.Evidence) error {
	var body, title string
	err := tx.QueryRowContext(ctx, `SELECT body, title FROM articles WHERE id = ?`, e.ArticleID).Scan(&body, &title)
	if err == sql.ErrNoRows {
		return app.Errorf(app.ENOTFOUND, "The evidence article #%d does not exist.", e.ArticleID)
	}
	if err != nil {
		return err
	}
	e.ArticleTitle = title
	if known, err := knownEvidence(ctx, tx, relationID, *e); err != nil {
		return err
	} else if known != 0 {
		return &app.Error{Code: app.EDUPLICATE, Ref: known,
			Message: fmt.Sprintf("Already recorded: relation #%d already has “%s” with this passage as a source.", relationID, title)}
	}
	if e.Quote != "" && !quoteAt(body, e.Quote, e.Start, e.End) {
		e.Start, e.End = locate(body, e.Quote)
		// A source kept from before (it has an id) may quote an article edited since: its
		// words stay, unplaced. A new quote must come from the article's text.
		if e.Start < 0 && e.ID == 0 {
			return app.Errorf(app.EINVALID, "The quote “%.60s” is not in the text of “%s”; select a passage of that article.", e.Quote, title)
		}
	}
	if e.Quote == "" {
		e.Start, e.End = -1, -1
	}
	if e.UUID == "" {
		e.UUID = newUUID()
	}
	res, err := tx.ExecContext(ctx, `INSERT INTO evidence(uuid, relation_id, article_id, quote, start, end) VALUES (?,?,?,?,?,?)`,
		e.UUID, relationID, e.ArticleID, e.Quote, e.Start, e.End)
	if err != nil {
		return err
	}
	e.ID, _ = res.LastInsertId()
	return nil
}

// knownEvidence returns the id of the relation's source that is the same article and
// passage as e, or 0: a source recorded twice would count as two.
func knownEvidence(ctx context.Context, tx *sql.Tx, relationID int64, e app.Evidence) (int64, error) {
	rows, err := tx.QueryContext(ctx, `SELECT id, quote FROM evidence WHERE relation_id = ? AND article_id = ?`, relationID, e.ArticleID)
	if err != nil {
		return 0, err
	}
	defer rows.Close()
	for rows.Next() {
		var old app.Evidence
		if err := rows.Scan(&old.ID, &old.Quote); err != nil {
			return 0, err
		}
		old.ArticleID = e.ArticleID
		if app.SameEvidence(old, e) {
			return old.ID, nil
		}
	}
	return 0, rows.Err()
}

// quoteAt reports whether body holds quote at the rune offsets start..end.
func quoteAt(body, quote string, start, end int) bool {
	if start < 0 || end <= start {
		return false
	}
	r := []rune(body)
	return end <= len(r) && string(r[start:end]) == quote
}

// locate returns the rune offsets of quote in body, or -1, -1. Whitespace differences
// (a quote copied across a line break) do not stop it.
func locate(body, quote string) (int, int) {
	if i := strings.Index(body, quote); i >= 0 {
		start := len([]rune(body[:i]))
		return start, start + len([]rune(quote))
	}
	words := strings.Fields(quote)
	if len(words) == 0 {
		return -1, -1
	}
	rb := []rune(body)
	// Walk the body matching words in order, skipping any run of spaces between them.
	for i := range rb {
		if end := matchWords(rb, i, words); end > 0 {
			return i, end
		}
	}
	return -1, -1
}

func matchWords(rb []rune, i int, words []string) int {
	for wi, w := range words {
		if wi > 0 {
			j := i
			for j < len(rb) && (rb[j] == ' ' || rb[j] == '\n' || rb[j] == '\t') {
				j++
			}
			if j == i {
				return 0
			}
			i = j
		}
		rw := []rune(w)
		if i+len(rw) > len(rb) || string(rb[i:i+len(rw)]) != w {
			return 0
		}
		i += len(rw)
	}
	return i
}

// relocateEvidence finds each quote of an edited article again; a quote no longer in
// the text keeps its words and loses its offsets.
func relocateEvidence(ctx context.Context, tx *sql.Tx, articleID int64, body string) error {
	rows, err := tx.QueryContext(ctx, `SELECT id, quote FROM evidence WHERE article_id = ? AND quote <> ''`, articleID)
	if err != nil {
		return err
	}
	type ev struct {
		id    int64
		quote string
	}
	var evs []ev
	for rows.Next() {
		var e ev
		if err := rows.Scan(&e.id, &e.quote); err != nil {
			rows.Close()
			return err
		}
		evs = append(evs, e)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	for _, e := range evs {
		start, end := locate(body, e.quote)
		if _, err := tx.ExecContext(ctx, `UPDATE evidence SET start = ?, end = ? WHERE id = ?`, start, end, e.id); err != nil {
			return err
		}
	}
	return nil
}

// AddEvidence backs an existing relation with one more article and quote.
func (s *Store) AddEvidence(ctx context.Context, relationID int64, e app.Evidence) (_ app.Evidence, err error) {
	defer wrapErr(&err, "add evidence to relation %d", relationID)
	e.Quote = strings.TrimSpace(app.NormalizeNewlines(e.Quote))
	err = s.tx(ctx, func(tx *sql.Tx) error {
		var n int
		if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM relations WHERE id = ?`, relationID).Scan(&n); err != nil {
			return err
		}
		if n == 0 {
			return app.Errorf(app.ENOTFOUND, "There is no relation #%d in this project.", relationID)
		}
		if err := insertEvidence(ctx, tx, relationID, &e); err != nil {
			return err
		}
		return s.touch(ctx, tx, "relations", relationID) // an editor open on it must not save over the new source
	})
	return e, err
}

// RemoveEvidence deletes one evidence row.
func (s *Store) RemoveEvidence(ctx context.Context, evidenceID int64) (err error) {
	defer wrapErr(&err, "remove evidence %d", evidenceID)
	return s.tx(ctx, func(tx *sql.Tx) error {
		var relation int64
		err := tx.QueryRowContext(ctx, `SELECT relation_id FROM evidence WHERE id = ?`, evidenceID).Scan(&relation)
		if err == sql.ErrNoRows {
			return nil
		}
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM evidence WHERE id = ?`, evidenceID); err != nil {
			return err
		}
		return s.touch(ctx, tx, "relations", relation)
	})
}

// UpdateRelation saves an edited relation. Its evidence is replaced by r.Evidence.
func (s *Store) UpdateRelation(ctx context.Context, r app.Relation) (_ app.Relation, err error) {
	defer wrapErr(&err, "update relation %d", r.ID)
	r.Normalize()
	if err := r.Validate(); err != nil {
		return r, err
	}
	err = s.tx(ctx, func(tx *sql.Tx) error {
		if err := unchangedSince(ctx, tx, "relations", r.ID, r.Updated); err != nil {
			return err
		}
		if err := checkRelationRefs(ctx, tx, &r); err != nil {
			return err
		}
		res, err := tx.ExecContext(ctx, `UPDATE relations SET source_id=?, type=?, target_id=?, start=?, end=?, confidence=?,
			modality=?, speaker_id=?, note=?, updated=? WHERE id=?`, r.SourceID, r.Type, r.TargetID, string(r.Start),
			string(r.End), r.Confidence, r.Modality, nullID(r.SpeakerID), r.Note, s.now(), r.ID)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return app.Errorf(app.ENOTFOUND, "There is no relation #%d in this project.", r.ID)
		}
		// Evidence from trashed articles is never shown, so the caller cannot send it back:
		// keep it, so that restoring the article restores the source.
		if _, err := tx.ExecContext(ctx, `DELETE FROM evidence WHERE relation_id = ?
			AND article_id NOT IN (SELECT id FROM articles WHERE deleted <> '')`, r.ID); err != nil {
			return err
		}
		for i := range r.Evidence {
			if err := insertEvidence(ctx, tx, r.ID, &r.Evidence[i]); err != nil {
				return err
			}
		}
		r.Updated, err = stamp(ctx, tx, "relations", r.ID)
		return err
	})
	return r, err
}

// DeleteRelation deletes a relation, its evidence and its notes.
func (s *Store) DeleteRelation(ctx context.Context, id int64) (err error) {
	defer wrapErr(&err, "delete relation %d", id)
	return s.tx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `DELETE FROM relations WHERE id = ?`, id)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return app.Errorf(app.ENOTFOUND, "There is no relation #%d in this project.", id)
		}
		return nil
	})
}

const relationSelect = `SELECT r.id, r.uuid, r.source_id, r.type, r.target_id, r.start, r.end, r.confidence, r.modality,
	coalesce(r.speaker_id, 0), r.note, s.name, s.uuid, s.kind, t.name, t.uuid, t.kind, coalesce(sp.name, ''), rt.label, r.updated
	FROM relations r JOIN actors s ON s.id = r.source_id JOIN actors t ON t.id = r.target_id
	LEFT JOIN actors sp ON sp.id = r.speaker_id JOIN relation_types rt ON rt.key = r.type`

func scanRelation(sc scanner) (app.Relation, error) {
	var r app.Relation
	var start, end, sk, tk, updated string
	err := sc.Scan(&r.ID, &r.UUID, &r.SourceID, &r.Type, &r.TargetID, &start, &end, &r.Confidence, &r.Modality,
		&r.SpeakerID, &r.Note, &r.SourceName, &r.SourceUUID, &sk, &r.TargetName, &r.TargetUUID, &tk, &r.SpeakerName, &r.TypeLabel, &updated)
	r.Start, r.End, r.SourceKind, r.TargetKind = app.Date(start), app.Date(end), app.ActorKind(sk), app.ActorKind(tk)
	r.Updated = parseTime(updated)
	return r, err
}

// Relation returns one relation with its evidence.
func (s *Store) Relation(ctx context.Context, id int64) (_ app.Relation, err error) {
	defer wrapErr(&err, "relation %d", id)
	return relationByID(ctx, s.db, id)
}

// Relations returns relations with their evidence, oldest first.
func (s *Store) Relations(ctx context.Context, q app.RelationQuery) (_ []app.Relation, err error) {
	defer wrapErr(&err, "list relations %+v", q)
	var out []app.Relation
	err = s.EachRelation(ctx, q, func(r app.Relation) error {
		out = append(out, r)
		return nil
	})
	return out, err
}

// EachRelation streams the relations a query selects, with their evidence, in the order
// they were filed, so an export of a large project does not hold them all in memory.
func (s *Store) EachRelation(ctx context.Context, q app.RelationQuery, fn func(app.Relation) error) (err error) {
	defer wrapErr(&err, "each relation %+v", q)
	where, args := relationWhere(q)
	remaining := q.Limit
	if remaining <= 0 {
		remaining = -1
	}
	var last int64
	skip := q.Offset
	for {
		n := 500
		if remaining >= 0 && remaining < n {
			n = remaining
		}
		if n == 0 {
			return nil
		}
		// Keyset paging on the id: each page costs the same however deep the export is.
		page, err := s.relationPage(ctx, where+" AND r.id > ?", append(append([]any{}, args...), last), "r.id", n+skip)
		if err != nil {
			return err
		}
		if len(page) == 0 {
			return nil
		}
		last = page[len(page)-1].ID
		if skip > 0 {
			k := min(skip, len(page))
			page, skip = page[k:], skip-k
		}
		for _, r := range page {
			if err := fn(r); err != nil {
				return err
			}
		}
		if remaining > 0 {
			remaining -= len(page)
		}
		if len(page) < n {
			return nil
		}
	}
}

// relationWhere selects by actor with two indexed lookups rather than an OR, which SQLite
// would answer with a scan of every relation.
func relationWhere(q app.RelationQuery) (string, []any) {
	where, args := "1", []any{}
	if q.ActorID != 0 {
		where += " AND r.id IN (SELECT id FROM relations WHERE source_id = ? UNION ALL SELECT id FROM relations WHERE target_id = ?)"
		args = append(args, q.ActorID, q.ActorID)
	}
	if q.ArticleID != 0 {
		where += " AND r.id IN (SELECT relation_id FROM evidence WHERE article_id = ?)"
		args = append(args, q.ArticleID)
	}
	return where, args
}

// relationPage reads up to limit relations in the given order, with their evidence.
func (s *Store) relationPage(ctx context.Context, where string, args []any, order string, limit int) ([]app.Relation, error) {
	rows, err := s.db.QueryContext(ctx, relationSelect+` WHERE `+where+` ORDER BY `+order+` LIMIT ?`,
		append(append([]any{}, args...), limit)...)
	if err != nil {
		return nil, mapError(err)
	}
	var out []app.Relation
	var ids []int64
	for rows.Next() {
		r, err := scanRelation(rows)
		if err != nil {
			rows.Close()
			return nil, err
		}
		out = append(out, r)
		ids = append(ids, r.ID)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	ev, err := evidenceOf(ctx, s.db, ids)
	for i := range out {
		out[i].Evidence = ev[out[i].ID]
	}
	return out, err
}

// evidenceOf returns the evidence of the given relations, trashed articles left out. The
// CROSS JOIN keeps SQLite from walking all articles to find the few that are evidence.
func evidenceOf(ctx context.Context, q querier, ids []int64) (map[int64][]app.Evidence, error) {
	out := map[int64][]app.Evidence{}
	if len(ids) == 0 {
		return out, nil
	}
	args := make([]any, len(ids))
	for i, id := range ids {
		args[i] = id
	}
	// A LEFT JOIN (which, like CROSS JOIN, keeps evidence the outer loop): an article the
	// evidence names but the table does not give back (a damaged page misleads the
	// lookup) shows as a hole instead of the evidence vanishing in silence.
	rows, err := q.QueryContext(ctx, `SELECT e.relation_id, e.id, e.uuid, e.article_id, e.quote, e.start, e.end, a.id,
		coalesce(a.title, ''), coalesce(a.url, ''), coalesce(a.date, ''), coalesce(o.name, ''), coalesce(a.uuid, '')
		FROM evidence e LEFT JOIN articles a ON a.id = e.article_id
		LEFT JOIN outlets o ON o.id = a.outlet_id
		WHERE (a.id IS NULL OR a.deleted = '') AND e.relation_id IN (?`+strings.Repeat(",?", len(ids)-1)+`) ORDER BY a.date, e.id`, args...)
	if err != nil {
		return nil, mapError(err)
	}
	defer rows.Close()
	for rows.Next() {
		var rid int64
		var e app.Evidence
		var date string
		var found sql.NullInt64
		if err := rows.Scan(&rid, &e.ID, &e.UUID, &e.ArticleID, &e.Quote, &e.Start, &e.End, &found, &e.ArticleTitle,
			&e.ArticleURL, &date, &e.Source, &e.ArticleUUID); err != nil {
			return nil, mapError(err)
		}
		if !found.Valid {
			return nil, missingRow("article", e.ArticleID)
		}
		e.ArticleDate = app.Date(date)
		out[rid] = append(out[rid], e)
	}
	return out, mapError(rows.Err())
}

// CountRelations returns the number of relations in the project.
func (s *Store) CountRelations(ctx context.Context) (_ int, err error) {
	defer wrapErr(&err, "count relations")
	var n int
	err = s.db.QueryRowContext(ctx, `SELECT count(*) FROM relations`).Scan(&n)
	return n, mapError(err)
}

func nullID(id int64) any {
	if id == 0 {
		return nil
	}
	return id
}
