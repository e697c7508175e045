package db

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"dossier/app"
)

const articleColumns = `a.id, a.uuid, a.title, coalesce(o.name, ''), a.url, a.author, a.date, a.dateline, a.language,
	a.body, a.tags, a.notes, a.hash, a.filed, a.updated, a.deleted`

// CreateArticle files an article and links the known actors it mentions. An article
// already filed (same canonical URL, or same text) is refused with an EDUPLICATE error
// whose Ref is the filed article's id; one in the trash counts too, and the message says so.
func (s *Store) CreateArticle(ctx context.Context, a app.Article) (_ app.Article, err error) {
	defer wrapErr(&err, "create article %q", a.Title)
	a.Normalize()
	if err := a.Validate(); err != nil {
		return a, err
	}
	err = s.tx(ctx, func(tx *sql.Tx) error {
		return s.insertArticle(ctx, tx, &a)
	})
	return a, err
}

func (s *Store) insertArticle(ctx context.Context, tx *sql.Tx, a *app.Article) error {
	a.Hash = app.ContentHash(a.Body)
	canon := app.CanonicalURL(a.URL)
	if err := checkDuplicate(ctx, tx, a, canon, 0); err != nil {
		return err
	}
	outlet, err := outletID(ctx, tx, a.Source)
	if err != nil {
		return err
	}
	if a.UUID == "" {
		a.UUID = newUUID()
	}
	t := s.now()
	res, err := tx.ExecContext(ctx, `INSERT INTO articles(uuid, title, outlet_id, url, canon_url, author, date, dateline,
		language, body, tags, notes, hash, filed, updated) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)`,
		a.UUID, a.Title, outlet, a.URL, canon, a.Author, string(a.Date), a.Dateline, a.Language, a.Body,
		joinList(a.Tags), a.Notes, a.Hash, t, t)
	if err != nil {
		return err
	}
	a.ID, _ = res.LastInsertId()
	a.Filed, a.Updated = parseTime(t), parseTime(t)
	if err := s.linkArticleMentions(ctx, tx, a.ID, a.Body); err != nil {
		return err
	}
	return storeSuggestionsOf(ctx, tx, a.ID, a.Title, a.Body, a.Author)
}

// checkDuplicate refuses an article whose URL or text is already filed under another id.
func checkDuplicate(ctx context.Context, tx *sql.Tx, a *app.Article, canon string, self int64) error {
	var id int64
	var title, deleted string
	err := tx.QueryRowContext(ctx, `SELECT id, title, deleted FROM articles
		WHERE id <> ?1 AND ((?2 <> '' AND canon_url = ?2) OR hash = ?3) ORDER BY canon_url = ?2 DESC LIMIT 1`,
		self, canon, a.Hash).Scan(&id, &title, &deleted)
	if err == sql.ErrNoRows {
		return nil
	}
	if err != nil {
		return err
	}
	how := "the same text"
	if canon != "" && app.CanonicalURL(a.URL) == canon {
		var c string
		if tx.QueryRowContext(ctx, `SELECT canon_url FROM articles WHERE id = ?`, id).Scan(&c) == nil && c == canon {
			how = "the same URL"
		}
	}
	where := ""
	if deleted != "" {
		where = " (it is in the trash: restore it from there)"
	}
	return &app.Error{Code: app.EDUPLICATE, Ref: id,
		Message: fmt.Sprintf("Already filed as “%s”%s: %s.", title, where, how)}
}

func outletID(ctx context.Context, tx *sql.Tx, name string) (any, error) {
	if name == "" {
		return nil, nil
	}
	folded := app.Fold(name)
	var id int64
	err := tx.QueryRowContext(ctx, `SELECT id FROM outlets WHERE folded = ?`, folded).Scan(&id)
	if err == sql.ErrNoRows {
		res, err := tx.ExecContext(ctx, `INSERT INTO outlets(uuid, name, folded) VALUES (?, ?, ?)`, newUUID(), name, folded)
		if err != nil {
			return nil, err
		}
		return res.LastInsertId()
	}
	return id, err
}

// Article returns one article, trashed or not.
func (s *Store) Article(ctx context.Context, id int64) (_ app.Article, err error) {
	defer wrapErr(&err, "article %d", id)
	row := s.db.QueryRowContext(ctx, `SELECT `+articleColumns+` FROM articles a LEFT JOIN outlets o ON o.id = a.outlet_id WHERE a.id = ?`, id)
	a, err := scanArticle(row)
	if err == sql.ErrNoRows {
		return a, app.Errorf(app.ENOTFOUND, "There is no article #%d in this project.", id)
	}
	return a, mapError(err)
}

// ArticleByRef finds an article by id, UUID or exact title (case-insensitive). A title
// shared by several articles is an EAMBIGUOUS error listing them.
func (s *Store) ArticleByRef(ctx context.Context, ref string) (_ app.Article, err error) {
	defer wrapErr(&err, "article %q", ref)
	ref = strings.TrimSpace(ref)
	rows, err := s.db.QueryContext(ctx, `SELECT id, title, date FROM articles WHERE deleted = '' AND
		(CAST(id AS TEXT) = ?1 OR uuid = lower(?1) OR title = ?1 COLLATE NOCASE) LIMIT 10`, ref)
	if err != nil {
		return app.Article{}, mapError(err)
	}
	var ids []int64
	var names []string
	for rows.Next() {
		var id int64
		var title, date string
		if err := rows.Scan(&id, &title, &date); err != nil {
			rows.Close()
			return app.Article{}, err
		}
		ids = append(ids, id)
		names = append(names, fmt.Sprintf("#%d %s (%s)", id, title, app.Date(date).Human()))
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return app.Article{}, mapError(err)
	}
	switch len(ids) {
	case 0:
		return app.Article{}, app.Errorf(app.ENOTFOUND, "No article has the title or id “%s”.", ref)
	case 1:
		return s.Article(ctx, ids[0])
	}
	return app.Article{}, &app.Error{Code: app.EAMBIGUOUS, Candidates: names,
		Message: fmt.Sprintf("“%s” matches %d articles: %s. Give the id instead.", ref, len(ids), strings.Join(names, "; "))}
}

type scanner interface{ Scan(dest ...any) error }

func scanArticle(r scanner) (app.Article, error) {
	var a app.Article
	var date, tags, filed, updated, deleted string
	err := r.Scan(&a.ID, &a.UUID, &a.Title, &a.Source, &a.URL, &a.Author, &date, &a.Dateline, &a.Language,
		&a.Body, &tags, &a.Notes, &a.Hash, &filed, &updated, &deleted)
	a.Date, a.Tags = app.Date(date), splitList(tags)
	a.Filed, a.Updated = parseTime(filed), parseTime(updated)
	if deleted != "" {
		a.Deleted = parseTime(deleted)
	}
	return a, err
}

// UpdateArticle saves an edited article and relinks its mentions. Evidence quotes keep
// their text; their offsets are located again in the new body.
func (s *Store) UpdateArticle(ctx context.Context, a app.Article) (_ app.Article, err error) {
	defer wrapErr(&err, "update article %d", a.ID)
	a.Normalize()
	if err := a.Validate(); err != nil {
		return a, err
	}
	a.Hash = app.ContentHash(a.Body)
	err = s.tx(ctx, func(tx *sql.Tx) error {
		if err := unchangedSince(ctx, tx, "articles", a.ID, a.Updated); err != nil {
			return err
		}
		canon := app.CanonicalURL(a.URL)
		if err := checkDuplicate(ctx, tx, &a, canon, a.ID); err != nil {
			return err
		}
		outlet, err := outletID(ctx, tx, a.Source)
		if err != nil {
			return err
		}
		res, err := tx.ExecContext(ctx, `UPDATE articles SET title=?, outlet_id=?, url=?, canon_url=?, author=?, date=?,
			dateline=?, language=?, body=?, tags=?, notes=?, hash=?, updated=? WHERE id=?`,
			a.Title, outlet, a.URL, canon, a.Author, string(a.Date), a.Dateline, a.Language, a.Body,
			joinList(a.Tags), a.Notes, a.Hash, s.now(), a.ID)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return app.Errorf(app.ENOTFOUND, "There is no article #%d in this project.", a.ID)
		}
		if err := relocateEvidence(ctx, tx, a.ID, a.Body); err != nil {
			return err
		}
		if err := s.linkArticleMentions(ctx, tx, a.ID, a.Body); err != nil {
			return err
		}
		if err := storeSuggestions(ctx, tx, a.ID); err != nil { // pending again unless in the trash
			return err
		}
		a.Updated, err = stamp(ctx, tx, "articles", a.ID)
		return err
	})
	return a, err
}

// DeleteArticle moves an article to the trash. Its relations' evidence stays, so that
// RestoreArticle brings everything back; dossiers leave trashed articles out.
func (s *Store) DeleteArticle(ctx context.Context, id int64) (err error) {
	defer wrapErr(&err, "delete article %d", id)
	return s.setDeleted(ctx, id, s.now())
}

// RestoreArticle takes an article out of the trash.
func (s *Store) RestoreArticle(ctx context.Context, id int64) (err error) {
	defer wrapErr(&err, "restore article %d", id)
	return s.setDeleted(ctx, id, "")
}

func (s *Store) setDeleted(ctx context.Context, id int64, when string) error {
	return s.tx(ctx, func(tx *sql.Tx) error {
		// Trashing is a change of the article (stamp.go): a hub sync sends it.
		res, err := tx.ExecContext(ctx, `UPDATE articles SET deleted = ?, updated = ? WHERE id = ?`, when, s.now(), id)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return app.Errorf(app.ENOTFOUND, "There is no article #%d in this project.", id)
		}
		return storeSuggestions(ctx, tx, id) // a restored article suggests again
	})
}

// PurgeArticle deletes a trashed article for good, with its evidence and mentions.
// Relations left without evidence remain: the researcher filed them, not the article.
func (s *Store) PurgeArticle(ctx context.Context, id int64) (err error) {
	defer wrapErr(&err, "purge article %d", id)
	return s.tx(ctx, func(tx *sql.Tx) error {
		// The relations it backs lose that evidence: a change of theirs (stamp.go), which a
		// hub sync sends.
		if _, err := tx.ExecContext(ctx, `UPDATE relations SET updated = ?1 WHERE id IN
			(SELECT relation_id FROM evidence WHERE article_id = (SELECT id FROM articles WHERE id = ?2 AND deleted <> ''))`, s.now(), id); err != nil {
			return err
		}
		res, err := tx.ExecContext(ctx, `DELETE FROM articles WHERE id = ? AND deleted <> ''`, id)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return app.Errorf(app.ENOTFOUND, "Article #%d is not in the trash.", id)
		}
		return nil
	})
}

// Articles returns one page of articles, as list rows.
func (s *Store) Articles(ctx context.Context, q app.ArticleQuery) (_ []app.ArticleRow, err error) {
	defer wrapErr(&err, "list articles %+v", q)
	where, args := articleWhere(q)
	order := map[app.ArticleSort]string{
		app.NewestFirst: "a.date DESC, a.id DESC",
		app.OldestFirst: "a.date ASC, a.id ASC",
		app.ByTitle:     "a.title COLLATE NOCASE, a.id",
	}[q.Sort]
	limit := q.Limit
	if limit <= 0 {
		limit = -1
	}
	// The page's ids come first, from the index alone: an OFFSET deep into the list then
	// skips index entries, not whole rows. Each id is then joined to its row with a LEFT
	// JOIN, so that a row the index lists but the table cannot give back (a damaged page
	// misleads the search for it) shows as a hole instead of shortening the page in silence.
	rows, err := s.db.QueryContext(ctx, `SELECT p.id, a.id, a.uuid, a.title, coalesce(o.name, ''), a.url, a.author, a.date, a.tags
		FROM (SELECT a.id FROM articles a WHERE `+where+` ORDER BY `+order+` LIMIT ? OFFSET ?) p
		LEFT JOIN articles a ON a.id = p.id LEFT JOIN outlets o ON o.id = a.outlet_id
		ORDER BY `+order, append(args, limit, q.Offset)...)
	if err != nil {
		return nil, mapError(err)
	}
	defer rows.Close()
	var out []app.ArticleRow
	for rows.Next() {
		var r app.ArticleRow
		var id int64
		var found sql.NullInt64
		var uuid, title, source, url, author, date, tags sql.NullString
		if err := rows.Scan(&id, &found, &uuid, &title, &source, &url, &author, &date, &tags); err != nil {
			return nil, mapError(err)
		}
		if !found.Valid {
			return nil, missingRow("article", id)
		}
		r.ID, r.UUID, r.Title, r.Source, r.URL, r.Author = id, uuid.String, title.String, source.String, url.String, author.String
		r.Date, r.Tags = app.Date(date.String), splitList(tags.String)
		out = append(out, r)
	}
	return out, mapError(rows.Err())
}

// missingRow is the error for a row an index lists but its table does not give back.
func missingRow(what string, id int64) error {
	e := app.Errorf(app.ECORRUPT, "The project file is damaged: %s #%d is listed but cannot be read, so the list would be incomplete. %s", what, id, repairHint)
	e.Ref = id
	return e
}

// CountArticles returns how many articles the query selects in all.
func (s *Store) CountArticles(ctx context.Context, q app.ArticleQuery) (_ int, err error) {
	defer wrapErr(&err, "count articles %+v", q)
	where, args := articleWhere(q)
	var n int
	err = s.db.QueryRowContext(ctx, `SELECT count(*) FROM articles a WHERE `+where, args...).Scan(&n)
	return n, mapError(err)
}

func articleWhere(q app.ArticleQuery) (string, []any) {
	where := "a.deleted = ''"
	if q.Trashed {
		where = "a.deleted <> ''"
	}
	if q.Undated {
		where += " AND a.date = ''"
	}
	var args []any
	if m := MatchExpr(q.Text); m != "" {
		where += " AND a.id IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)"
		args = append(args, m)
	}
	return where, args
}

// MatchExpr turns words typed in a filter box into an FTS5 query that cannot fail to
// parse: every word quoted, the last one prefix-matched, all required.
func MatchExpr(text string) string {
	words := strings.FieldsFunc(ftsFold(text), func(r rune) bool {
		return !(r == '\'' || r == '-' || r >= '0' && r <= '9' || r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z' || r > 127)
	})
	if len(words) == 0 {
		return ""
	}
	for i, w := range words {
		words[i] = `"` + strings.ReplaceAll(w, `"`, `""`) + `"`
	}
	words[len(words)-1] += "*"
	return strings.Join(words, " ")
}
