package db

import (
	"context"
	"fmt"
	"strings"

	"dossier/app"
)

// titleCandidatesShown is how many articles an ambiguous part of a title lists.
const titleCandidatesShown = 10

// FindArticle resolves the article a user names on a command line: its #id, id or UUID,
// its exact title, or a part of its title found in no other, titles compared folded (case
// and accents aside, as names are). A part found in several titles is EAMBIGUOUS with the
// candidates listed; a title that matches exactly wins over titles that merely contain it.
func (s *Store) FindArticle(ctx context.Context, ref string) (_ app.Article, err error) {
	defer wrapErr(&err, "find article %q", ref)
	ref = strings.TrimSpace(ref)
	// "#12" is how the lists print an id.
	if id, ok := strings.CutPrefix(ref, "#"); ok && id != "" && strings.Trim(id, "0123456789") == "" {
		ref = id
	}
	if isArticleID(ref) {
		a, err := s.ArticleByRef(ctx, ref)
		if !app.IsCode(err, app.ENOTFOUND) {
			return a, err
		}
	}
	// Titles, exact or in part, in one walk of the table: ArticleByRef would walk it too.
	part := app.Fold(ref)
	if part == "" {
		return app.Article{}, app.Errorf(app.ENOTFOUND, "No article is named “%s”: give a title, part of one, or an id.", ref)
	}
	exact, contains, err := s.titlesMatching(ctx, part)
	if err != nil {
		return app.Article{}, err
	}
	matches := contains
	if len(exact) > 0 {
		matches = exact
	}
	switch len(matches) {
	case 0:
		return app.Article{}, app.Errorf(app.ENOTFOUND, "No article has the title or id “%s”, and no title contains it.", ref)
	case 1:
		return s.Article(ctx, matches[0].ID)
	}
	var names []string
	for _, m := range matches[:min(len(matches), titleCandidatesShown)] {
		names = append(names, fmt.Sprintf("#%d %s (%s)", m.ID, m.Title, dateOrUndated(m.Date)))
	}
	list := strings.Join(names, "; ")
	if more := len(matches) - len(names); more > 0 {
		list += fmt.Sprintf("; and %d more", more)
	}
	return app.Article{}, &app.Error{Code: app.EAMBIGUOUS, Candidates: names,
		Message: fmt.Sprintf("“%s” is in the titles of %d articles: %s. Give more of the title, or the #id.", ref, len(matches), list)}
}

// titlesMatching returns the articles whose folded title is part, and those whose folded
// title contains it, in id order. Folding is done here rather than in SQL, whose lower()
// knows neither accents nor the Turkish dotless i; a title is short, so reading them all
// costs little next to a command's start.
func (s *Store) titlesMatching(ctx context.Context, part string) (exact, contains []app.ArticleRow, err error) {
	// A plain walk of the table, in id order: through the date index, each row would be
	// a separate lookup, five times slower on a large project.
	rows, err := s.db.QueryContext(ctx, `SELECT id, title, date FROM articles NOT INDEXED WHERE deleted = ''`)
	if err != nil {
		return nil, nil, mapError(err)
	}
	defer rows.Close()
	for rows.Next() {
		var r app.ArticleRow
		var date string
		if err := rows.Scan(&r.ID, &r.Title, &date); err != nil {
			return nil, nil, mapError(err)
		}
		r.Date = app.Date(date)
		switch t := app.Fold(r.Title); {
		case t == part:
			exact = append(exact, r)
		case strings.Contains(t, part):
			contains = append(contains, r)
		}
	}
	return exact, contains, mapError(rows.Err())
}

// isArticleID reports whether ref may be an article's id or UUID rather than words of a title.
func isArticleID(ref string) bool {
	if ref != "" && strings.Trim(ref, "0123456789") == "" {
		return true
	}
	return len(ref) == 36 && strings.Trim(strings.ToLower(ref), "0123456789abcdef-") == ""
}

func dateOrUndated(d app.Date) string {
	if d == "" {
		return "undated"
	}
	return d.Human()
}
