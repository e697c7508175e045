package db

import (
	"context"
	"database/sql"
	"encoding/json"
	"strings"
	"unicode"
	"unicode/utf8"

	"dossier/app"
	"dossier/app/mention"
	"dossier/app/suggest"
)

// SuggestActors proposes the actors that article articleID names but the project does not
// have yet: names that are not the name or alias of a live actor, that the user has not
// dismissed, and that are not the article's author (see suggest.ExtractArticle). It reads one article and looks the candidate names up by index, so it is
// fast enough to run each time an article is shown; nothing is stored.
func (s *Store) SuggestActors(ctx context.Context, articleID int64) (_ []suggest.Suggestion, err error) {
	defer wrapErr(&err, "suggest actors for article %d", articleID)
	a, err := s.Article(ctx, articleID)
	if err != nil {
		return nil, err
	}
	sugs := suggest.ExtractArticle(a.Title, firstRunes(a.Body, suggestMaxRunes), a.Author, nil)
	if len(sugs) == 0 {
		return nil, nil
	}
	var forms []string
	for _, sg := range sugs {
		forms = append(forms, sg.Forms()...)
	}
	known, err := s.knownNames(ctx, forms)
	if err != nil {
		return nil, err
	}
	sugs = suggest.Sift(sugs, func(f string) (string, bool) { why, ok := known[f]; return why, ok })
	common := map[string]bool{}
	for i := range sugs {
		var err error
		sugs[i].Aliases, sugs[i].Withheld, err = s.withholdCommon(ctx, sugs[i].Aliases, sugs[i].Withheld, common)
		if err != nil {
			return nil, err
		}
	}
	return sugs, nil
}

// withholdCommon moves to withheld the aliases the project's articles also write as a
// common word (see commonWord); common caches the answers across suggestions.
func (s *Store) withholdCommon(ctx context.Context, aliases []string, withheld []app.WithheldAlias, common map[string]bool) ([]string, []app.WithheldAlias, error) {
	kept := aliases[:0:0]
	for _, a := range aliases {
		c, seen := common[a]
		if !seen {
			var err error
			if c, err = s.commonWord(ctx, a); err != nil {
				return nil, nil, err
			}
			common[a] = c
		}
		if c {
			withheld = append(withheld, app.WithheldAlias{Alias: a, Reason: ReasonCommonInProject})
			continue
		}
		kept = append(kept, a)
	}
	return kept, withheld, nil
}

// suggestMaxRunes bounds the text read for suggestions (about 0.15 s of work): a
// book-length paste is read up to there, as the article view shows it up to there.
const suggestMaxRunes = 200_000

// firstRunes returns s cut after n runes.
func firstRunes(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for i := range s {
		if n == 0 {
			return s[:i]
		}
		n--
	}
	return s
}

// knownNames returns which of the folded names are a live actor's name or alias, or were
// dismissed, each with the reason to give when it is withheld as an alias.
func (s *Store) knownNames(ctx context.Context, folded []string) (map[string]string, error) {
	list, err := json.Marshal(folded)
	if err != nil {
		return nil, err
	}
	// One statement whatever the number of names: json_each turns the list into rows. CROSS
	// JOIN keeps SQLite from walking every actor and probing its aliases, which it would
	// otherwise choose: each name is looked up in the aliases' index instead.
	rows, err := s.db.QueryContext(ctx, `
		SELECT al.folded, min(a.name) FROM json_each(?1) j CROSS JOIN aliases al ON al.folded = j.value
			CROSS JOIN actors a ON a.id = al.actor_id WHERE a.deleted = '' GROUP BY al.folded
		UNION ALL
		SELECT d.folded, '' FROM json_each(?1) j CROSS JOIN dismissed_suggestions d ON d.folded = j.value`, string(list))
	if err != nil {
		return nil, mapError(err)
	}
	defer rows.Close()
	known := map[string]string{}
	for rows.Next() {
		var f, actor string
		if err := rows.Scan(&f, &actor); err != nil {
			return nil, err
		}
		switch {
		case actor != "":
			known[f] = "already a name of “" + actor + "”"
		case known[f] == "":
			known[f] = "dismissed in this project"
		}
	}
	return known, rows.Err()
}

// siftQueue withholds the aliases of queue rows that are already known (see knownNames)
// or common words in the project (see commonWord), with the reason: the row's own name is
// not known, or the row would not have been read.
func (s *Store) siftQueue(ctx context.Context, rows []app.QueuedName) error {
	var forms []string
	for _, r := range rows {
		for _, a := range r.Aliases {
			forms = append(forms, app.Fold(a))
		}
	}
	if len(forms) == 0 {
		return nil
	}
	known, err := s.knownNames(ctx, forms)
	if err != nil {
		return err
	}
	common := map[string]bool{}
	for i := range rows {
		r := &rows[i]
		kept := r.Aliases[:0:0]
		for _, a := range r.Aliases {
			if why, ok := known[app.Fold(a)]; ok {
				r.Withheld = append(r.Withheld, app.WithheldAlias{Alias: a, Reason: why})
				continue
			}
			kept = append(kept, a)
		}
		if r.Aliases, r.Withheld, err = s.withholdCommon(ctx, kept, r.Withheld, common); err != nil {
			return err
		}
	}
	return nil
}

// ReasonCommonInProject withholds a one-word alias that the project's articles also write
// in lower case: the matcher ignores case, so it would link every "bridge" to the party
// Bridge.
const ReasonCommonInProject = "also a common word in this project's articles"

// commonWordSample is how many articles holding a word commonWord reads: enough to meet
// a common word's lower-case use at once, few enough that a page of the queue stays quick.
const commonWordSample = 20

// commonWord reports whether a one-word alias (not an acronym) is written in lower case in
// one of the first articles the full-text index finds it in. The index ignores case, so
// it only narrows the search; the bodies are read to see how each writes the word.
func (s *Store) commonWord(ctx context.Context, alias string) (bool, error) {
	words := mention.Words(alias)
	if len(words) != 1 || strings.ToUpper(alias) == alias || !utf8.ValidString(alias) {
		return false, nil
	}
	lower := strings.ToLower(alias)
	if lower == alias {
		return false, nil
	}
	rows, err := s.db.QueryContext(ctx, `SELECT a.body FROM articles_fts f CROSS JOIN articles a ON a.id = f.rowid
		WHERE articles_fts MATCH ? AND a.deleted = '' LIMIT ?`, `body : "`+words[0]+`"`, commonWordSample)
	if err != nil {
		return false, mapError(err)
	}
	defer rows.Close()
	for rows.Next() {
		var body string
		if err := rows.Scan(&body); err != nil {
			return false, err
		}
		if hasWord(body, lower) {
			return true, nil
		}
	}
	return false, rows.Err()
}

// hasWord reports whether text holds w as a whole word, exactly as written.
func hasWord(text, w string) bool {
	for i := 0; ; {
		j := strings.Index(text[i:], w)
		if j < 0 {
			return false
		}
		at := i + j
		before, _ := utf8.DecodeLastRuneInString(text[:at])
		after, _ := utf8.DecodeRuneInString(text[at+len(w):])
		if at == 0 || !unicode.IsLetter(before) {
			if at+len(w) == len(text) || !unicode.IsLetter(after) {
				return true
			}
		}
		i = at + len(w)
	}
}

// DismissSuggestion remembers that the user does not want name suggested as an actor, in
// any article of the project. Dismissing a name twice is not an error.
func (s *Store) DismissSuggestion(ctx context.Context, name string) (err error) {
	defer wrapErr(&err, "dismiss suggestion %q", name)
	name = strings.TrimSpace(name)
	if name == "" {
		return app.Errorf(app.EINVALID, "Say which name to stop suggesting.")
	}
	return s.tx(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `INSERT INTO dismissed_suggestions(name, folded, dismissed) VALUES (?,?,?)
		ON CONFLICT (folded) DO NOTHING`, name, app.Fold(name), s.now())
		return err
	})
}

// DismissedSuggestions returns the names the user dismissed, in the order dismissed.
func (s *Store) DismissedSuggestions(ctx context.Context) (_ []string, err error) {
	defer wrapErr(&err, "dismissed suggestions")
	rows, err := s.db.QueryContext(ctx, `SELECT name FROM dismissed_suggestions ORDER BY id`)
	if err != nil {
		return nil, mapError(err)
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

// RestoreSuggestion lets a dismissed name be suggested again.
func (s *Store) RestoreSuggestion(ctx context.Context, name string) (err error) {
	defer wrapErr(&err, "restore suggestion %q", name)
	return s.tx(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `DELETE FROM dismissed_suggestions WHERE folded = ?`, app.Fold(strings.TrimSpace(name)))
		return err
	})
}
