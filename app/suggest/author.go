package suggest

import (
	"slices"
	"strings"
	"unicode"

	"dossier/app"
)

// ExtractArticle is Extract for an article written by author (its Author field, from the
// file's metadata or byline; "" when unknown). The author is never suggested, nor anyone
// a byline near the top of the body names ("By A. Writer · March 4, 2026"), the
// credits of wire copy name ("(Reporting by …; Editing by …)") or a line crediting
// contributors does ("Omar Saleh contributed reporting."): they made the article, they
// are not in it.
func ExtractArticle(title, body, author string, known []string) []Suggestion {
	sugs := Extract(title, body, known)
	authors := map[string]bool{}
	for _, n := range AuthorNames(author) {
		authors[app.Fold(n)] = true
	}
	for _, l := range append(append(bylines(body), credits(body)...), contributors(body)...) {
		for _, n := range AuthorNames(l) {
			authors[app.Fold(n)] = true
		}
	}
	if len(authors) == 0 {
		return sugs
	}
	return without(sugs, func(folded string) bool { return authors[folded] })
}

// without drops the suggestions that have a name or alias for which drop (given the
// folded form) returns true: any form of the article's author is the byline's person.
func without(sugs []Suggestion, drop func(folded string) bool) []Suggestion {
	out := sugs[:0:0]
	for _, s := range sugs {
		if !slices.ContainsFunc(s.Forms(), drop) {
			out = append(out, s)
		}
	}
	return out
}

// maxBylineLines is how many lines from the top of a body a byline is looked for in.
const maxBylineLines = 8

// bylines returns the names of the "By …" lines at the top of body.
func bylines(body string) []string {
	var out []string
	for i, l := range strings.SplitN(body, "\n", maxBylineLines+1) {
		if i == maxBylineLines {
			break
		}
		if bylineLine(l) {
			out = append(out, strings.TrimSpace(l)[3:])
		}
	}
	return out
}

// creditWords open the credits wire copy ends with: "(Reporting by A. Writer in Baku;
// Editing by B. Other)", "Additional reporting by …", "Compiled by …".
var creditWords = []string{"additional reporting by ", "reporting by ", "writing by ", "editing by ", "written by ", "reported by ",
	"compiled by ", "translated by ", "photos by ", "graphics by "}

// credits returns the names in the credits of body, each part up to a semicolon, a
// bracket or the line's end, with "in <city>" after a name left out: they made the
// article, they are not in it.
func credits(body string) []string {
	var out []string
	low := asciiLower(body) // byte for byte, so that offsets in it are offsets in body
	for _, w := range creditWords {
		for from := 0; ; {
			i := strings.Index(low[from:], w)
			if i < 0 {
				break
			}
			start := from + i + len(w)
			if !creditOpening(low[:from+i]) {
				from = start // "according to reporting by Reuters": prose, not a credit
				continue
			}
			end := start + strings.IndexAny(body[start:]+"\n", ";()\n")
			// "Reporting by A in Giurgiu, B in Ruse and C in Belgrade": each name of the list.
			list := strings.ReplaceAll(body[start:end], ",", " and ")
			for _, part := range strings.Split(list, " and ") {
				if name, _, _ := strings.Cut(part, " in "); strings.TrimSpace(name) != "" {
					out = append(out, strings.TrimSpace(name))
				}
			}
			from = start
		}
	}
	return out
}

// contributors returns the names a line of its own credits as contributing to the report:
// "Omar Saleh contributed reporting from Raqqa.", "A and B contributed to this report."
func contributors(body string) []string {
	var out []string
	for _, l := range strings.Split(body, "\n") {
		l = strings.TrimSpace(l)
		for _, w := range []string{" contributed reporting", " contributed to this report"} {
			if i := strings.Index(l, w); i > 0 && len(l) < 200 {
				for _, part := range strings.Split(strings.ReplaceAll(l[:i], ",", " and "), " and ") {
					if name := strings.TrimSpace(part); name != "" {
						out = append(out, name)
					}
				}
			}
		}
	}
	return out
}

// asciiLower lowers the ASCII letters of s and keeps every other byte as it is.
func asciiLower(s string) string {
	b := []byte(s)
	for i, c := range b {
		if 'A' <= c && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}

// creditOpening reports whether a credit's words start where before ends: at a line's
// start, after a bracket, or after the semicolon or "and" of an earlier credit.
func creditOpening(before string) bool {
	before = strings.TrimRight(before, " ")
	if before == "" {
		return true
	}
	switch before[len(before)-1] {
	case '\n', '(', ';':
		return true
	}
	return strings.HasSuffix(before, "; and") || strings.HasSuffix(before, "(additional")
}

// AuthorNames splits an author field or a byline into the names of the people in it:
// "A. Writer and B. Other", "A. Writer, B. Other", "A. Writer · March 4, 2026", "Jane
// Doe | Reuters". The whole of a one-person field is a name; a part of a longer one is
// taken only when it looks like a person's name (two or more capitalised words), so the
// agency or desk beside the names ("Reuters", "Staff") is not.
func AuthorNames(s string) []string {
	s = strings.TrimSpace(s)
	if s == "" {
		return nil
	}
	// What follows a middle dot, a bar or a dash is a date or a role, not a name.
	for _, sep := range []string{" · ", " | ", " — ", " – ", " - "} {
		if i := strings.Index(s, sep); i > 0 {
			s = s[:i]
		}
	}
	s = strings.TrimSpace(s)
	out := []string{s}
	parts := strings.FieldsFunc(strings.NewReplacer(" and ", ",", " & ", ",", ";", ",").Replace(s), func(r rune) bool { return r == ',' })
	if len(parts) < 2 {
		return out
	}
	for _, p := range parts {
		if p = strings.TrimSpace(p); personLike(p) {
			out = append(out, p)
		}
	}
	return out
}

// personLike reports whether s is two to five words, each starting with a capital
// letter: "A. Writer", "Ines Moreau", "Nouri al-Maliki" passes on its first and last.
func personLike(s string) bool {
	words := strings.Fields(s)
	if len(words) < 2 || len(words) > 5 {
		return false
	}
	first, last := []rune(words[0]), []rune(words[len(words)-1])
	return unicode.IsUpper(first[0]) && (unicode.IsUpper(last[0]) || strings.ContainsRune(words[len(words)-1], '-'))
}
