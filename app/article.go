package app

import (
	"strings"
	"time"
	"unicode/utf8"
)

// Article is a filed news article.
type Article struct {
	ID       int64
	UUID     string
	Title    string
	Source   string // the outlet's name
	URL      string
	Author   string
	Date     Date // publication date, possibly partial
	Dateline string
	Language string
	Body     string
	Tags     []string
	Notes    string
	Hash     string // ContentHash of the body, for duplicate detection
	Filed    time.Time
	Updated  time.Time
	Deleted  time.Time // zero unless the article is in the trash
}

// Limits on what a field may hold; past them input is refused rather than silently cut.
const (
	MaxTitle = 1000
	MaxBody  = 20 << 20
	MaxField = 4000
)

// Normalize trims the article's fields, turns CR and CRLF into LF in its texts (CSV
// cannot carry a lone CR back, see the README) and tidies its tags.
func (a *Article) Normalize() {
	a.Title = strings.TrimSpace(oneLine(a.Title))
	a.Source = strings.TrimSpace(oneLine(a.Source))
	a.URL = strings.TrimSpace(a.URL)
	a.Author = strings.TrimSpace(oneLine(a.Author))
	a.Dateline = strings.TrimSpace(oneLine(a.Dateline))
	a.Language = strings.TrimSpace(a.Language)
	a.Body = strings.TrimSpace(NormalizeNewlines(a.Body))
	a.Notes = strings.TrimSpace(NormalizeNewlines(a.Notes))
	a.Tags = CleanTags(a.Tags)
}

// Validate reports the first thing wrong with the article as an EINVALID error naming the field.
func (a *Article) Validate() error {
	switch {
	case a.Title == "":
		return Errorf(EINVALID, "The article needs a title.")
	case a.Body == "":
		return Errorf(EINVALID, "The article “%s” has no text.", a.Title)
	case len(a.Title) > MaxTitle:
		return Errorf(EINVALID, "The title is too long (%d characters; at most %d).", len(a.Title), MaxTitle)
	case len(a.Body) > MaxBody:
		return Errorf(EINVALID, "The text of “%s” is too long (%d MB; at most %d MB).", a.Title, len(a.Body)>>20, MaxBody>>20)
	case !utf8.ValidString(a.Title) || !utf8.ValidString(a.Body) || !utf8.ValidString(a.Notes):
		return Errorf(EINVALID, "The article “%s” is not valid UTF-8 text.", a.Title)
	case strings.ContainsRune(a.Body, 0):
		return Errorf(EINVALID, "The text of “%s” contains NUL bytes; it looks like a binary file.", a.Title)
	}
	for name, v := range map[string]string{"source": a.Source, "URL": a.URL, "author": a.Author, "dateline": a.Dateline} {
		if len(v) > MaxField {
			return Errorf(EINVALID, "The %s is too long (%d characters; at most %d).", name, len(v), MaxField)
		}
		if !utf8.ValidString(v) {
			return Errorf(EINVALID, "The %s is not valid UTF-8 text.", name)
		}
	}
	if err := a.Date.Validate(); err != nil {
		return err
	}
	return nil
}

// ArticleSort says how an article list is ordered.
type ArticleSort int

// Article orders.
const (
	NewestFirst ArticleSort = iota
	OldestFirst
	ByTitle
)

// ArticleQuery selects a page of articles. The date orders keep the undated articles
// together: NewestFirst lists them after every dated one, OldestFirst before.
type ArticleQuery struct {
	Text    string // words the title, source or body must contain (full-text, prefix matched)
	Sort    ArticleSort
	Trashed bool // list the trash instead of the filed articles
	Undated bool // only the articles whose date is unknown (the list shows them as a group)
	Offset  int
	Limit   int
}

// ArticleRow is an article as a list shows it: no body.
type ArticleRow struct {
	ID     int64
	UUID   string
	Title  string
	Source string
	URL    string
	Author string
	Date   Date
	Tags   []string
}

// CleanTags trims, lower-cases nothing (tags are the user's words), drops empties and duplicates.
func CleanTags(tags []string) []string {
	var out []string
	seen := map[string]bool{}
	for _, t := range tags {
		t = strings.TrimSpace(oneLine(t))
		k := Fold(t)
		if t == "" || seen[k] {
			continue
		}
		seen[k] = true
		out = append(out, t)
	}
	return out
}

// SplitTags splits a comma-separated tag field.
func SplitTags(s string) []string { return CleanTags(strings.Split(s, ",")) }

// NormalizeNewlines turns CRLF and lone CR into LF.
func NormalizeNewlines(s string) string {
	if !strings.Contains(s, "\r") {
		return s
	}
	return strings.ReplaceAll(strings.ReplaceAll(s, "\r\n", "\n"), "\r", "\n")
}

func oneLine(s string) string {
	if !strings.ContainsAny(s, "\r\n\t") {
		return s
	}
	return strings.Join(strings.Fields(s), " ")
}
