package db

import (
	"context"
	"database/sql"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/google/uuid"

	"dossier/app"
)

// The research notebook (issue #12, migration 0008): every note of the project, its
// [[links]] stored by UUID in note_links, backlinks and unlinked mentions, and the
// records offered while a link is typed.

// linkKey is what makes two links of a note the same link across saves: their text as
// folded and the kind they ask for.
type linkKey struct{ folded, prefix string }

// previousLinks are the records a note's links pointed at before this save, so that a
// link keeps its record when that record was renamed since (the text no longer names it).
func previousLinks(ctx context.Context, tx *sql.Tx, noteID int64) (map[linkKey]string, error) {
	rows, err := tx.QueryContext(ctx, `SELECT folded, prefix, uuid FROM note_links WHERE note_id = ? AND uuid <> ''`, noteID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	prev := map[linkKey]string{}
	for rows.Next() {
		var k linkKey
		var id string
		if err := rows.Scan(&k.folded, &k.prefix, &id); err != nil {
			return nil, err
		}
		prev[k] = id
	}
	return prev, rows.Err()
}

// writeLinks replaces the stored links of note noteID with those of body, each resolved:
// to the record it pointed at before (prev, by UUID) while that record exists, else by
// name, alias or title (app.ResolveLink). force pins the link starting at a byte offset
// to a record (LinkMention).
func writeLinks(ctx context.Context, tx *sql.Tx, noteID int64, body string, prev map[linkKey]string, force ...forcedLink) error {
	if _, err := tx.ExecContext(ctx, `DELETE FROM note_links WHERE note_id = ?`, noteID); err != nil {
		return err
	}
	links := app.ParseLinks(body)
	if len(links) == 0 {
		return nil
	}
	ins, err := tx.PrepareContext(ctx, `INSERT INTO note_links(note_id, start, end, target, prefix, label, folded, status, kind, uuid)
		VALUES (?,?,?,?,?,?,?,?,?,?)`)
	if err != nil {
		return err
	}
	defer ins.Close()
	for _, l := range links {
		res, err := resolveStored(ctx, tx, l, prev, force)
		if err != nil {
			return err
		}
		if _, err := ins.ExecContext(ctx, noteID, l.Start, l.End, l.Target, l.Kind, l.Label, l.Folded(),
			res.Status, res.Target.Kind, res.Target.UUID); err != nil {
			return err
		}
	}
	return nil
}

// forcedLink pins the link at byte offset start to a record.
type forcedLink struct {
	start int
	to    app.LinkCandidate
}

func resolveStored(ctx context.Context, q querier, l app.NoteLink, prev map[linkKey]string, force []forcedLink) (app.LinkResolution, error) {
	for _, f := range force {
		if f.start == l.Start {
			return app.LinkResolution{Status: app.LinkResolved, Target: f.to}, nil
		}
	}
	if id, ok := prev[linkKey{l.Folded(), l.Kind}]; ok {
		c, found, err := recordByUUID(ctx, q, id)
		if err != nil || found {
			return app.LinkResolution{Status: app.LinkResolved, Target: c}, err
		}
	}
	cands, err := linkCandidates(ctx, q, l.Folded())
	if err != nil {
		return app.LinkResolution{}, err
	}
	return app.ResolveLink(l, cands), nil
}

// resolveWaitingLinks points the missing links whose text is name at the record id of kind
// that now goes by it (a note just given that title).
func resolveWaitingLinks(ctx context.Context, tx *sql.Tx, kind, id, name string) error {
	if strings.TrimSpace(name) == "" {
		return nil
	}
	_, err := tx.ExecContext(ctx, `UPDATE note_links SET status = 'resolved', kind = ?1, uuid = ?2
		WHERE uuid = '' AND status = 'missing' AND folded = ?3 AND prefix IN ('', ?1)`, kind, id, app.FoldLink(name))
	return err
}

// recordByUUID finds the live actor, article or note with that UUID.
func recordByUUID(ctx context.Context, q querier, id string) (app.LinkCandidate, bool, error) {
	c := app.LinkCandidate{UUID: id}
	err := q.QueryRowContext(ctx, `SELECT 'actor', id, name FROM actors WHERE uuid = ?1 AND deleted = ''
		UNION ALL SELECT 'article', id, title FROM articles WHERE uuid = ?1 AND deleted = ''
		UNION ALL SELECT 'note', id, `+noteHeadingSQL("")+` FROM notes WHERE uuid = ?1 LIMIT 1`, id).Scan(&c.Kind, &c.ID, &c.Name)
	if err == sql.ErrNoRows {
		return c, false, nil
	}
	return c, err == nil, err
}

// noteHeadingSQL is a note's title, or the start of its first line when it has none.
func noteHeadingSQL(alias string) string {
	p := alias
	if p != "" {
		p += "."
	}
	return `CASE WHEN ` + p + `title <> '' THEN ` + p + `title ELSE substr(` + p + `body, 1, coalesce(nullif(instr(substr(` + p + `body, 1, 200), char(10)), 0) - 1, 80)) END`
}

// titleMatchCap is how many titles holding a link's words at their start are compared
// with it: an exact title is among the first of them unless thousands begin alike.
const titleMatchCap = 200

// linkCandidates are the live records whose name, alias or title folds to folded.
func linkCandidates(ctx context.Context, q querier, folded string) ([]app.LinkCandidate, error) {
	if folded == "" {
		return nil, nil
	}
	var out []app.LinkCandidate
	rows, err := q.QueryContext(ctx, `SELECT a.id, a.uuid, a.name, al.is_name FROM aliases al CROSS JOIN actors a ON a.id = al.actor_id
		WHERE al.folded = ? AND a.deleted = '' ORDER BY a.id`, folded)
	if err != nil {
		return nil, err
	}
	for rows.Next() {
		c := app.LinkCandidate{Kind: app.LinkActor}
		var isName bool
		if err := rows.Scan(&c.ID, &c.UUID, &c.Name, &isName); err != nil {
			rows.Close()
			return nil, err
		}
		// The name itself is stored as an alias too; a name another actor also has as an
		// alias is a name here.
		c.ByAlias = !isName && app.FoldLink(c.Name) != folded
		out = append(out, c)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	phrase := ftsPhrase(folded)
	if phrase == "" {
		return out, nil
	}
	for _, t := range []struct{ kind, sql string }{
		{app.LinkArticle, `SELECT a.id, a.uuid, a.title FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid
			WHERE articles_fts MATCH ? AND a.deleted = '' LIMIT ?`},
		{app.LinkNote, `SELECT n.id, n.uuid, n.title FROM notes_fts JOIN notes n ON n.id = notes_fts.rowid
			WHERE notes_fts MATCH ? AND n.title <> '' LIMIT ?`},
	} {
		rows, err := q.QueryContext(ctx, t.sql, "title : ^"+phrase, titleMatchCap)
		if err != nil {
			return nil, err
		}
		for rows.Next() {
			c := app.LinkCandidate{Kind: t.kind}
			if err := rows.Scan(&c.ID, &c.UUID, &c.Name); err != nil {
				rows.Close()
				return nil, err
			}
			if app.FoldLink(c.Name) == folded {
				out = append(out, c)
			}
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// ftsPhrase quotes text as one FTS5 phrase, or returns "" when it holds no word.
func ftsPhrase(text string) string {
	if !strings.ContainsFunc(text, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) {
		return ""
	}
	text = strings.Map(func(r rune) rune {
		if r < 0x20 || r == 0x7f {
			return ' '
		}
		return r
	}, strings.ToValidUTF8(ftsFold(text), " "))
	return `"` + strings.ReplaceAll(text, `"`, `""`) + `"`
}

// Note reads one note.
func (s *Store) Note(ctx context.Context, id int64) (_ app.Note, err error) {
	defer wrapErr(&err, "note %d", id)
	n, err := scanNote(s.db.QueryRowContext(ctx, `SELECT `+noteColumns+` FROM notes WHERE id = ?`, id))
	if err == sql.ErrNoRows {
		return n, app.Errorf(app.ENOTFOUND, "There is no note #%d.", id)
	}
	return n, mapError(err)
}

// FindNote reads the note a batch command names: by number (12 or #12) or UUID.
func (s *Store) FindNote(ctx context.Context, ref string) (_ app.Note, err error) {
	ref = strings.TrimSpace(ref)
	if id, err := strconv.ParseInt(strings.TrimPrefix(ref, "#"), 10, 64); err == nil {
		return s.Note(ctx, id)
	}
	defer wrapErr(&err, "note %q", ref)
	if _, err := uuid.Parse(ref); err != nil {
		return app.Note{}, app.Errorf(app.EINVALID, "%q is not a note number (12 or #12) or UUID.", ref)
	}
	n, err := scanNote(s.db.QueryRowContext(ctx, `SELECT `+noteColumns+` FROM notes WHERE uuid = lower(?)`, ref))
	if err == sql.ErrNoRows {
		return n, app.Errorf(app.ENOTFOUND, "There is no note %s.", ref)
	}
	return n, mapError(err)
}

// noteWhere is the WHERE clause of a NoteQuery.
func noteWhere(q app.NoteQuery) (string, []any) {
	where, args := "1", []any(nil)
	if q.Tag != "" {
		where += ` AND instr(char(10) || n.tags || char(10), char(10) || ? || char(10)) > 0` // not LIKE: a tag may hold % or _
		args = append(args, q.Tag)
	}
	if fq := parseQuery(q.Text); fq.expr != "" {
		where += ` AND n.id IN (SELECT rowid FROM notes_fts WHERE notes_fts MATCH ?)`
		args = append(args, fq.expr)
	}
	return where, args
}

// Notes lists the notes of the project, the most recently edited first, a page at a time.
func (s *Store) Notes(ctx context.Context, q app.NoteQuery) (_ []app.NoteRow, err error) {
	defer wrapErr(&err, "notes %+v", q)
	where, args := noteWhere(q)
	limit := q.Limit
	if limit <= 0 {
		limit = -1
	}
	rows, err := s.db.QueryContext(ctx, `SELECT n.id, n.uuid, n.title, n.tags, n.body, n.updated,
			coalesce(a.title, ac.name, src.name || ' – ' || coalesce(t.label, rel.type) || ' – ' || dst.name, ''),
			(SELECT count(*) FROM note_links l WHERE l.note_id = n.id)
		FROM notes n
		LEFT JOIN articles a ON a.id = n.article_id
		LEFT JOIN actors ac ON ac.id = n.actor_id
		LEFT JOIN relations rel ON rel.id = n.relation_id
		LEFT JOIN actors src ON src.id = rel.source_id
		LEFT JOIN actors dst ON dst.id = rel.target_id
		LEFT JOIN relation_types t ON t.key = rel.type
		WHERE `+where+` ORDER BY n.updated DESC, n.id DESC LIMIT ? OFFSET ?`, append(args, limit, q.Offset)...)
	if err != nil {
		return nil, mapError(err)
	}
	defer rows.Close()
	var out []app.NoteRow
	for rows.Next() {
		var r app.NoteRow
		var title, tags, body, updated string
		if err := rows.Scan(&r.ID, &r.UUID, &title, &tags, &body, &updated, &r.About, &r.Links); err != nil {
			return nil, mapError(err)
		}
		r.Tags = splitList(tags)
		r.Heading = app.Note{Title: title, Body: body}.Heading()
		r.Updated = parseTime(updated)
		out = append(out, r)
	}
	return out, mapError(rows.Err())
}

// CountNotes counts the notes a query selects.
func (s *Store) CountNotes(ctx context.Context, q app.NoteQuery) (n int, err error) {
	defer wrapErr(&err, "count notes %+v", q)
	where, args := noteWhere(q)
	err = s.db.QueryRowContext(ctx, `SELECT count(*) FROM notes n WHERE `+where, args...).Scan(&n)
	return n, mapError(err)
}

// NoteTags lists the tags the notes use, sorted.
func (s *Store) NoteTags(ctx context.Context) (_ []string, err error) {
	defer wrapErr(&err, "note tags")
	rows, err := s.db.QueryContext(ctx, `SELECT DISTINCT tags FROM notes WHERE tags <> ''`)
	if err != nil {
		return nil, mapError(err)
	}
	defer rows.Close()
	seen := map[string]bool{}
	var out []string
	for rows.Next() {
		var tags string
		if err := rows.Scan(&tags); err != nil {
			return nil, mapError(err)
		}
		for _, t := range splitList(tags) {
			if !seen[t] {
				seen[t] = true
				out = append(out, t)
			}
		}
	}
	sort.Slice(out, func(i, j int) bool { return app.Fold(out[i]) < app.Fold(out[j]) })
	return out, mapError(rows.Err())
}

// NoteLinks returns a note's links as stored, each with its record's current name; a link
// still missing or ambiguous is looked up again (the record may exist now), without
// writing.
func (s *Store) NoteLinks(ctx context.Context, noteID int64) (_ []app.StoredLink, err error) {
	defer wrapErr(&err, "links of note %d", noteID)
	rows, err := s.db.QueryContext(ctx, `SELECT start, end, target, prefix, label, status, kind, uuid FROM note_links
		WHERE note_id = ? ORDER BY start`, noteID)
	if err != nil {
		return nil, mapError(err)
	}
	var out []app.StoredLink
	for rows.Next() {
		var l app.StoredLink
		if err := rows.Scan(&l.Start, &l.End, &l.Target, &l.NoteLink.Kind, &l.Label, &l.Status, &l.Kind, &l.UUID); err != nil {
			rows.Close()
			return nil, mapError(err)
		}
		out = append(out, l)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, mapError(err)
	}
	for i := range out {
		if err := s.currentTarget(ctx, &out[i]); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// currentTarget fills in what l points at now.
func (s *Store) currentTarget(ctx context.Context, l *app.StoredLink) error {
	if l.UUID != "" {
		c, found, err := recordByUUID(ctx, s.db, l.UUID)
		if err != nil {
			return mapError(err)
		}
		l.ID, l.Name, l.Gone = c.ID, c.Name, !found
		return nil
	}
	cands, err := linkCandidates(ctx, s.db, l.Folded())
	if err != nil {
		return mapError(err)
	}
	res := app.ResolveLink(l.NoteLink, cands)
	l.Status = res.Status
	if res.Status == app.LinkResolved {
		l.Kind, l.UUID, l.ID, l.Name = res.Target.Kind, res.Target.UUID, res.Target.ID, res.Target.Name
	}
	return nil
}

// RelinkNote resolves a note's links again, as a save would: after a record was created
// for one of its missing links.
func (s *Store) RelinkNote(ctx context.Context, noteID int64) (err error) {
	defer wrapErr(&err, "relink note %d", noteID)
	return s.tx(ctx, func(tx *sql.Tx) error {
		var body string
		if err := tx.QueryRowContext(ctx, `SELECT body FROM notes WHERE id = ?`, noteID).Scan(&body); err != nil {
			if err == sql.ErrNoRows {
				return app.Errorf(app.ENOTFOUND, "There is no note #%d.", noteID)
			}
			return err
		}
		prev, err := previousLinks(ctx, tx, noteID)
		if err != nil {
			return err
		}
		return writeLinks(ctx, tx, noteID, body, prev)
	})
}

// BacklinkCap is how many linking notes, and how many unlinked mentions, a dossier lists;
// the totals count them all.
const BacklinkCap = 100

// mentionScanCap is how many notes that hold an actor's names are read to find unlinked
// mentions; past it, the count says "at least".
const mentionScanCap = 500

// Backlinks lists the notes that link to the record of kind with id, the newest first,
// each with the sentence around its first link to it. For an actor it also lists the
// notes that name it (its name or an alias) without linking to it: the unlinked mentions.
// Links are read by UUID only: a link still missing when its record was made was pointed
// at it then (migration 0008's trigger, resolveWaitingLinks).
func (s *Store) Backlinks(ctx context.Context, kind string, id int64) (_ app.Backlinks, err error) {
	defer wrapErr(&err, "backlinks of %s %d", kind, id)
	return s.backlinks(ctx, kind, id, BacklinkCap, true)
}

// backlinks is Backlinks listing at most limit linking notes (-1: all of them, for an
// export), and the unlinked mentions when unlinked is set.
func (s *Store) backlinks(ctx context.Context, kind string, id int64, limit int, unlinked bool) (app.Backlinks, error) {
	var b app.Backlinks
	target, names, err := s.linkTarget(ctx, kind, id)
	if err != nil {
		return b, err
	}
	// One row per note, its first link to the record, from the (uuid, note_id, start) index.
	if err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM (SELECT note_id FROM note_links WHERE uuid = ? GROUP BY note_id)`,
		target).Scan(&b.LinkedTotal); err != nil {
		return b, mapError(err)
	}
	// The page is chosen on small rows (id, date, offset); only its notes' text is read.
	rows, err := s.db.QueryContext(ctx, `SELECT n.id, n.uuid, n.title, n.body, n.updated, l.start, l.end
		FROM (SELECT x.note_id, x.start, m.updated AS up FROM
				(SELECT note_id, min(start) AS start FROM note_links WHERE uuid = ?1 GROUP BY note_id) x
				JOIN notes m ON m.id = x.note_id ORDER BY m.updated DESC, m.id DESC LIMIT ?2) y
		JOIN notes n ON n.id = y.note_id JOIN note_links l ON l.note_id = y.note_id AND l.start = y.start
		ORDER BY y.up DESC, n.id DESC`, target, limit)
	if err != nil {
		return b, mapError(err)
	}
	for rows.Next() {
		var l app.NoteBacklink
		var title, body, updated string
		if err := rows.Scan(&l.NoteID, &l.NoteUUID, &title, &body, &updated, &l.At, &l.AtEnd); err != nil {
			rows.Close()
			return b, mapError(err)
		}
		l.Heading = app.Note{Title: title, Body: body}.Heading()
		l.Updated = parseTime(updated)
		l.Body = body
		shown := map[int]string{}
		if len(names) > 0 {
			shown[l.At] = names[0]
		}
		l.Sentence, l.Start, l.End = app.LinkSentence(body, l.At, l.AtEnd, shown)
		b.Linked = append(b.Linked, l)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return b, mapError(err)
	}
	if kind == app.LinkActor && unlinked {
		b.Unlinked, b.UnlinkedTotal, b.UnlinkedMore, err = s.unlinkedMentions(ctx, id, target, names)
	}
	return b, err
}

// linkTarget is the UUID and the names of the record a backlinks query is about.
func (s *Store) linkTarget(ctx context.Context, kind string, id int64) (string, []string, error) {
	var target, name string
	var err error
	switch kind {
	case app.LinkActor:
		err = s.db.QueryRowContext(ctx, `SELECT uuid, name FROM actors WHERE id = ?`, id).Scan(&target, &name)
	case app.LinkArticle:
		err = s.db.QueryRowContext(ctx, `SELECT uuid, title FROM articles WHERE id = ?`, id).Scan(&target, &name)
	case app.LinkNote:
		err = s.db.QueryRowContext(ctx, `SELECT uuid, title FROM notes WHERE id = ?`, id).Scan(&target, &name)
	default:
		return "", nil, app.Errorf(app.EINVALID, "Notes link to actors, articles and notes, not to %q.", kind)
	}
	if err == sql.ErrNoRows {
		return "", nil, app.Errorf(app.ENOTFOUND, "There is no %s #%d.", kind, id)
	}
	if err != nil {
		return "", nil, mapError(err)
	}
	names := []string{}
	if name != "" {
		names = append(names, name)
	}
	if kind == app.LinkActor {
		rows, err := s.db.QueryContext(ctx, `SELECT text FROM aliases WHERE actor_id = ? AND is_name = 0 ORDER BY id`, id)
		if err != nil {
			return "", nil, mapError(err)
		}
		defer rows.Close()
		for rows.Next() {
			var a string
			if err := rows.Scan(&a); err != nil {
				return "", nil, mapError(err)
			}
			names = append(names, a)
		}
		return target, names, mapError(rows.Err())
	}
	return target, names, nil
}

// unlinkedMentions finds the notes that write one of names as words, outside links, and
// do not link to the actor: the full-text index finds the candidates (newest first, at
// most mentionScanCap), app.FindMentions confirms each. The notes written on the actor
// itself are left out: the dossier lists them as its own.
func (s *Store) unlinkedMentions(ctx context.Context, actorID int64, target string, names []string) (out []app.NoteBacklink, total int, more bool, err error) {
	var phrases []string
	for _, n := range names {
		if p := ftsPhrase(n); p != "" {
			phrases = append(phrases, p)
		}
	}
	if len(phrases) == 0 {
		return nil, 0, false, nil
	}
	rows, err := s.db.QueryContext(ctx, `SELECT n.id, n.uuid, n.title, n.body, n.updated FROM notes n
		WHERE n.id IN (SELECT c.id FROM notes_fts JOIN notes c ON c.id = notes_fts.rowid
			WHERE notes_fts MATCH ?1 AND NOT EXISTS (SELECT 1 FROM note_links l WHERE l.note_id = c.id AND l.uuid = ?2)
				AND c.actor_id IS NOT ?4
			ORDER BY c.updated DESC, c.id DESC LIMIT ?3)
		ORDER BY n.updated DESC, n.id DESC`, "body : ("+strings.Join(phrases, " OR ")+")", target, mentionScanCap+1, actorID)
	if err != nil {
		return nil, 0, false, mapError(err)
	}
	defer rows.Close()
	read := 0
	for rows.Next() {
		if read++; read > mentionScanCap {
			more = true
			break
		}
		var l app.NoteBacklink
		var title, body, updated string
		if err := rows.Scan(&l.NoteID, &l.NoteUUID, &title, &body, &updated); err != nil {
			return nil, 0, false, mapError(err)
		}
		found := app.FindMentions(body, names)
		if len(found) == 0 {
			continue
		}
		total++
		if len(out) >= BacklinkCap {
			continue
		}
		l.Heading = app.Note{Title: title, Body: body}.Heading()
		l.Updated = parseTime(updated)
		l.Unlinked = true
		l.Body = body
		l.At, l.AtEnd = found[0][0], found[0][1]
		l.Text = body[l.At:l.AtEnd]
		l.Sentence, l.Start, l.End = app.LinkSentence(body, l.At, l.AtEnd, nil)
		out = append(out, l)
	}
	return out, total, more, mapError(rows.Err())
}

// jsonStrings encodes strings as a JSON array for json_each.
func jsonStrings(l []any) string {
	var b strings.Builder
	b.WriteByte('[')
	for i, v := range l {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(strconv.Quote(v.(string)))
	}
	b.WriteByte(']')
	return b.String()
}

// LinkMention turns an unlinked mention into a link: the text at body[at:end] of the
// note, which must still be one of the actor's names (the note may have changed since it
// was listed), becomes a [[link]] to the actor, pinned to it by UUID. The shown text
// stays as the note wrote it.
func (s *Store) LinkMention(ctx context.Context, noteID int64, at, end int, actorID int64) (err error) {
	defer wrapErr(&err, "link the mention at %d in note %d to actor %d", at, noteID, actorID)
	return s.tx(ctx, func(tx *sql.Tx) error {
		var body string
		if err := tx.QueryRowContext(ctx, `SELECT body FROM notes WHERE id = ?`, noteID).Scan(&body); err != nil {
			if err == sql.ErrNoRows {
				return app.Errorf(app.ENOTFOUND, "There is no note #%d.", noteID)
			}
			return err
		}
		var c app.LinkCandidate
		c.Kind, c.ID = app.LinkActor, actorID
		if err := tx.QueryRowContext(ctx, `SELECT uuid, name FROM actors WHERE id = ? AND deleted = ''`, actorID).Scan(&c.UUID, &c.Name); err != nil {
			if err == sql.ErrNoRows {
				return app.Errorf(app.ENOTFOUND, "There is no actor #%d.", actorID)
			}
			return err
		}
		if at < 0 || end > len(body) || at >= end {
			return app.Errorf(app.ECONFLICT, "The note changed since its mentions were listed; nothing was linked.")
		}
		text := body[at:end]
		var n int
		if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM aliases WHERE actor_id = ? AND folded = ?`, actorID, app.FoldLink(text)).Scan(&n); err != nil {
			return err
		}
		if n == 0 || inAnyLink(body, at) {
			return app.Errorf(app.ECONFLICT, "The note changed since its mentions were listed (“%s” is no longer there); nothing was linked.", text)
		}
		link := "[[" + text + "]]"
		if app.FoldLink(text) != app.FoldLink(c.Name) {
			link = "[[" + strings.NewReplacer("[", "(", "]", ")", "|", "/").Replace(c.Name) + "|" + text + "]]"
		}
		body = body[:at] + link + body[end:]
		if _, err := tx.ExecContext(ctx, `UPDATE notes SET body = ?, updated = ? WHERE id = ?`, body, s.now(), noteID); err != nil {
			return err
		}
		prev, err := previousLinks(ctx, tx, noteID)
		if err != nil {
			return err
		}
		return writeLinks(ctx, tx, noteID, body, prev, forcedLink{start: at, to: c})
	})
}

func inAnyLink(body string, at int) bool {
	for _, l := range app.ParseLinks(body) {
		if at >= l.Start && at < l.End {
			return true
		}
	}
	return false
}

// suggestionCap is how many records of each kind LinkSuggestions reads.
const suggestionCap = 8

// LinkSuggestions offers the actors, articles and notes whose name, alias or title has a
// word starting with text (folded), for the [[link]] being typed: actors first, then
// notes, then articles; within each kind, a name that starts with the text first.
func (s *Store) LinkSuggestions(ctx context.Context, text string, limit int) (_ []app.LinkSuggestion, err error) {
	defer wrapErr(&err, "link suggestions for %q", text)
	folded := app.FoldLink(text)
	phrase := ftsPhrase(folded)
	if phrase == "" {
		return nil, nil
	}
	if limit <= 0 {
		limit = 3 * suggestionCap
	}
	actors, err := s.actorSuggestions(ctx, folded, phrase)
	if err != nil {
		return nil, err
	}
	groups := [][]app.LinkSuggestion{bestFirst(actors, folded, suggestionCap)}
	kinds := titleSuggestionKinds
	// A prefix of one or two letters matches a large part of 100,000 titles and costs a
	// tenth of a second: articles are offered from the third letter on.
	if utf8.RuneCountInString(folded) < minArticlePrefix {
		kinds = kinds[:1]
	}
	for _, t := range kinds {
		found, err := s.titleSuggestions(ctx, t.kind, t.sql, phrase)
		if err != nil {
			return nil, err
		}
		groups = append(groups, bestFirst(found, folded, suggestionCap))
	}
	out := shareOut(groups, limit)
	if err := s.markAmbiguous(ctx, out); err != nil {
		return nil, err
	}
	return out, nil
}

// titleSuggestionKinds are the notes and the articles a link may go to, found by title.
var titleSuggestionKinds = []struct{ kind, sql string }{
	{app.LinkNote, `SELECT n.id, n.uuid, n.title, '' FROM notes_fts JOIN notes n ON n.id = notes_fts.rowid
			WHERE notes_fts MATCH ? AND n.title <> '' ORDER BY notes_fts.rowid DESC LIMIT ?`},
	{app.LinkArticle, `SELECT a.id, a.uuid, a.title, coalesce(o.name, '') FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid
			LEFT JOIN outlets o ON o.id = a.outlet_id
			WHERE articles_fts MATCH ? AND a.deleted = '' ORDER BY articles_fts.rowid DESC LIMIT ?`},
}

// actorSuggestions are the actors whose name or an alias starts with the phrase (folded);
// one found by an alias says which.
func (s *Store) actorSuggestions(ctx context.Context, folded, phrase string) ([]app.LinkSuggestion, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT a.id, a.uuid, a.name, a.kind,
			coalesce((SELECT group_concat(text, char(10)) FROM aliases WHERE actor_id = a.id AND is_name = 0), '')
		FROM actors_fts JOIN actors a ON a.id = actors_fts.rowid
		WHERE actors_fts MATCH ? AND a.deleted = '' ORDER BY rank LIMIT ?`, "{name aliases} : "+phrase+"*", 4*suggestionCap)
	if err != nil {
		return nil, mapError(err)
	}
	defer rows.Close()
	var actors []app.LinkSuggestion
	for rows.Next() {
		sg := app.LinkSuggestion{Kind: app.LinkActor}
		var kind, aliases string
		if err := rows.Scan(&sg.ID, &sg.UUID, &sg.Name, &kind, &aliases); err != nil {
			return nil, mapError(err)
		}
		sg.Detail = app.ActorKind(kind).Label()
		if al := aliasFound(sg.Name, aliases, folded); al != "" {
			sg.Detail = "also " + al + " · " + sg.Detail
		}
		actors = append(actors, sg)
	}
	if err := rows.Err(); err != nil {
		return nil, mapError(err)
	}
	return actors, nil
}

// aliasFound is the first of aliases that holds folded when name does not, "" otherwise.
func aliasFound(name, aliases, folded string) string {
	if strings.Contains(app.FoldLink(name), folded) {
		return ""
	}
	for _, al := range splitList(aliases) {
		if strings.Contains(app.FoldLink(al), folded) {
			return al
		}
	}
	return ""
}

// titleSuggestions are the rows of one kind whose title starts with the phrase (query q).
func (s *Store) titleSuggestions(ctx context.Context, kind, q, phrase string) ([]app.LinkSuggestion, error) {
	rows, err := s.db.QueryContext(ctx, q, "title : "+phrase+"*", 4*suggestionCap)
	if err != nil {
		return nil, mapError(err)
	}
	defer rows.Close()
	var found []app.LinkSuggestion
	for rows.Next() {
		sg := app.LinkSuggestion{Kind: kind}
		if err := rows.Scan(&sg.ID, &sg.UUID, &sg.Name, &sg.Detail); err != nil {
			return nil, mapError(err)
		}
		found = append(found, sg)
	}
	if err := rows.Err(); err != nil {
		return nil, mapError(err)
	}
	return found, nil
}

// shareOut keeps at most limit suggestions, shared fairly among the kinds (a turn each
// until the limit or the lists run out), so that eight actors matching a common prefix do
// not hide the note or the article looked for; the kinds stay in their order.
func shareOut(groups [][]app.LinkSuggestion, limit int) []app.LinkSuggestion {
	take := make([]int, len(groups))
	for n := 0; n < limit; {
		grew := false
		for i, g := range groups {
			if take[i] < len(g) && n < limit {
				take[i]++
				n++
				grew = true
			}
		}
		if !grew {
			break
		}
	}
	var out []app.LinkSuggestion
	for i, g := range groups {
		out = append(out, g[:take[i]]...)
	}
	return out
}

// bestFirst orders suggestions with those whose name starts with folded first (shorter
// first among them), keeping the store's order otherwise, and keeps at most n.
func bestFirst(l []app.LinkSuggestion, folded string, n int) []app.LinkSuggestion {
	sort.SliceStable(l, func(i, j int) bool {
		pi, pj := strings.HasPrefix(app.FoldLink(l[i].Name), folded), strings.HasPrefix(app.FoldLink(l[j].Name), folded)
		if pi != pj {
			return pi
		}
		return pi && len(l[i].Name) < len(l[j].Name)
	})
	if len(l) > n {
		l = l[:n]
	}
	return l
}

// minArticlePrefix is how many letters must be typed before articles are offered.
const minArticlePrefix = 3

// markAmbiguous marks the suggestions whose name another record also answers to, so the
// link written names the kind: another actor with that name or alias (an index lookup),
// or another suggestion of the list. A clash with a title outside the list is found when
// the note is saved, and the link is then shown as ambiguous.
func (s *Store) markAmbiguous(ctx context.Context, l []app.LinkSuggestion) error {
	byName := map[string]int{}
	for _, sg := range l {
		byName[app.FoldLink(sg.Name)]++
	}
	for i := range l {
		folded := app.FoldLink(l[i].Name)
		var others int
		if err := s.db.QueryRowContext(ctx, `SELECT count(DISTINCT al.actor_id) FROM aliases al CROSS JOIN actors a ON a.id = al.actor_id
			WHERE al.folded = ? AND a.deleted = '' AND a.uuid <> ?`, /* CROSS JOIN: from the alias index, never a scan of the actors */ folded, l[i].UUID).Scan(&others); err != nil {
			return mapError(err)
		}
		l[i].Ambiguous = others > 0 || byName[folded] > 1
	}
	return nil
}
