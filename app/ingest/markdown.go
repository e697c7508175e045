package ingest

import (
	"regexp"
	"strings"

	"dossier/app"
)

// parseMarkdown reads a Markdown file: the YAML front matter, if any, gives the fields it
// names; the text becomes plain text (headings without their marks, links as their
// words) and is then read like a text file for what the front matter left out.
func parseMarkdown(text string) app.Article {
	text = cleanText(strings.TrimPrefix(text, "\uFEFF"))
	fm, body := splitFrontMatter(text)
	lines, heading := markdownLines(body)
	a := app.Article{Title: fm.first("title", "headline")}
	fromLines(&a, lines, heading)
	a.Body = cleanText(a.Body)
	fm.apply(&a)
	return a
}

// Front matter keys whose values are tags.
var tagKeys = map[string]bool{"tags": true, "keywords": true, "categories": true}

// frontMatter holds the keys of a YAML front matter block, lower-cased, each with its
// values: one for a scalar, several for a list.
type frontMatter map[string][]string

func (fm frontMatter) first(keys ...string) string {
	for _, k := range keys {
		for _, v := range fm[k] {
			if v != "" {
				return v
			}
		}
	}
	return ""
}

// apply sets the article's fields from the front matter, which wins over what the
// heuristics found in the text: the researcher or the saving tool wrote it on purpose.
func (fm frontMatter) apply(a *app.Article) {
	set := func(dst *string, keys ...string) {
		if v := fm.first(keys...); v != "" {
			*dst = v
		}
	}
	set(&a.Title, "title", "headline")
	set(&a.Source, "source", "outlet", "publisher", "site", "site_name", "publication")
	set(&a.URL, "url", "link", "canonical", "source_url")
	set(&a.Dateline, "dateline")
	set(&a.Language, "language", "lang")
	set(&a.Notes, "notes", "note")
	for _, k := range []string{"author", "authors", "byline"} {
		if vs := nonEmpty(fm[k]); len(vs) > 0 {
			a.Author = strings.Join(vs, ", ")
			break
		}
	}
	if raw := fm.first("date", "published", "pubdate", "published_at", "date_published"); raw != "" {
		if d, ok := looseDate(raw); ok {
			a.Date = d
		} else {
			// keep what the file said where the researcher will see it, rather than drop it
			a.Notes = strings.TrimSpace(a.Notes + "\n\nDate in the imported file not understood: “" + raw + "”.")
		}
	}
	for _, k := range []string{"tags", "keywords", "categories"} { // in this order
		a.Tags = append(a.Tags, fm[k]...)
	}
	a.Tags = app.CleanTags(a.Tags)
}

func nonEmpty(vs []string) []string {
	var out []string
	for _, v := range vs {
		if v = strings.TrimSpace(v); v != "" {
			out = append(out, v)
		}
	}
	return out
}

// splitFrontMatter separates a leading "---" block from the body. Without a closing
// "---" (or "...") line there is no front matter: a thematic break opened the text.
func splitFrontMatter(text string) (frontMatter, string) {
	if !strings.HasPrefix(text, "---\n") {
		return frontMatter{}, text
	}
	rest := text[len("---\n"):]
	lines := strings.Split(rest, "\n")
	for i, l := range lines {
		if l == "---" || l == "..." {
			return parseFrontMatter(lines[:i]), strings.Join(lines[i+1:], "\n")
		}
	}
	return frontMatter{}, text
}

// parseFrontMatter reads the small YAML subset front matter uses: "key: value" with
// plain or quoted scalars, flow lists "[a, b]", block lists of "- item" lines, and "|"
// or ">" block scalars. Anything else is skipped, never an error: a front matter is a
// convenience, and the article's text matters more.
func parseFrontMatter(lines []string) frontMatter {
	fm := frontMatter{}
	for i := 0; i < len(lines); i++ {
		l := lines[i]
		if l == "" || l[0] == ' ' || l[0] == '\t' || l[0] == '#' || l[0] == '-' {
			continue
		}
		k, v, ok := strings.Cut(l, ":")
		if !ok {
			continue
		}
		key := strings.ToLower(strings.TrimSpace(k))
		v = strings.TrimSpace(v)
		switch {
		case v == "":
			var items []string
			for i+1 < len(lines) && isIndentedOrItem(lines[i+1]) {
				i++
				if item, ok := strings.CutPrefix(strings.TrimSpace(lines[i]), "-"); ok {
					items = append(items, scalar(item))
				}
			}
			fm[key] = items
		case v == "|" || v == ">" || v == "|-" || v == ">-":
			var block []string
			for i+1 < len(lines) && (lines[i+1] == "" || isIndentedOrItem(lines[i+1]) && lines[i+1][0] != '-') {
				i++
				block = append(block, strings.TrimSpace(lines[i]))
			}
			sep := "\n"
			if v[0] == '>' {
				sep = " "
			}
			fm[key] = []string{strings.TrimSpace(strings.Join(block, sep))}
		case v[0] == '[':
			fm[key] = flowList(v)
		case tagKeys[key]:
			fm[key] = app.SplitTags(scalar(v)) // "tags: a, b" is how people write it by hand
		default:
			fm[key] = []string{scalar(v)}
		}
	}
	return fm
}

func isIndentedOrItem(l string) bool {
	return l != "" && (l[0] == ' ' || l[0] == '\t' || l[0] == '-')
}

// flowList reads "[a, 'b c', "d"]".
func flowList(v string) []string {
	v = strings.TrimSpace(strings.TrimSuffix(strings.TrimPrefix(v, "["), "]"))
	var out []string
	for _, item := range splitOutsideQuotes(v) {
		if s := scalar(item); s != "" {
			out = append(out, s)
		}
	}
	return out
}

// splitOutsideQuotes splits on commas that are not inside quotes.
func splitOutsideQuotes(s string) []string {
	var out []string
	var quote rune
	start := 0
	for i, r := range s {
		switch {
		case quote != 0:
			if r == quote {
				quote = 0
			}
		case r == '"' || r == '\'':
			quote = r
		case r == ',':
			out = append(out, s[start:i])
			start = i + 1
		}
	}
	return append(out, s[start:])
}

// scalar reads a YAML scalar: quotes removed (with their escapes), a trailing comment
// dropped from a plain one.
func scalar(v string) string {
	v = strings.TrimSpace(v)
	if len(v) >= 2 {
		switch {
		case v[0] == '"' && strings.HasSuffix(v, `"`):
			return strings.NewReplacer(`\"`, `"`, `\\`, `\`, `\n`, "\n", `\t`, "\t").Replace(v[1 : len(v)-1])
		case v[0] == '\'' && strings.HasSuffix(v, "'"):
			return strings.ReplaceAll(v[1:len(v)-1], "''", "'")
		}
	}
	if i := strings.Index(v, " #"); i >= 0 {
		v = strings.TrimSpace(v[:i])
	}
	return v
}

var (
	atxHeading  = regexp.MustCompile(`^ {0,3}#{1,6}(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$`)
	setextLine  = regexp.MustCompile(`^ {0,3}(?:=+|-+)[ \t]*$`)
	thematic    = regexp.MustCompile(`^ {0,3}(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,})$`)
	fence       = regexp.MustCompile("^ {0,3}(```|~~~)")
	linkDef     = regexp.MustCompile(`^ {0,3}\[[^\]]+\]:\s*\S+`)
	blockquote  = regexp.MustCompile(`^ {0,3}(?:> ?)+`)
	autolink    = regexp.MustCompile(`<((?:https?|mailto):[^>\s]*)>`)
	mdEscape    = regexp.MustCompile("\\\\([!-/:-@\\[-`{-~])")
	boldMarkers = strings.NewReplacer("**", "", "__", "")
)

// markdownLines turns Markdown into plain lines and marks which of them were headings.
// Code blocks keep their text; links keep their words; emphasis marks of bold go.
func markdownLines(md string) ([]string, []bool) {
	in := strings.Split(md, "\n")
	out := make([]string, 0, len(in))
	heading := make([]bool, 0, len(in))
	add := func(l string, h bool) {
		out = append(out, l)
		heading = append(heading, h)
	}
	inFence := ""
	for i, l := range in {
		if inFence != "" {
			if strings.HasPrefix(strings.TrimSpace(l), inFence) {
				inFence = ""
				continue
			}
			add(l, false)
			continue
		}
		if m := fence.FindStringSubmatch(l); m != nil {
			inFence = m[1]
			continue
		}
		prevText := i > 0 && strings.TrimSpace(in[i-1]) != "" && len(out) > 0 && !heading[len(out)-1]
		switch {
		case setextLine.MatchString(l) && prevText:
			heading[len(out)-1] = true
		case thematic.MatchString(l):
			add("", false)
		case atxHeading.MatchString(l):
			add(inline(strings.TrimSpace(atxHeading.FindStringSubmatch(l)[1])), true)
		case linkDef.MatchString(l):
			// a reference link's target: not text
		default:
			add(inline(blockquote.ReplaceAllString(l, "")), false)
		}
	}
	return out, heading
}

// inline reduces a line's inline Markdown: images and links to their words, autolinks to
// their address, bold marks dropped (when they pair up), escapes undone.
func inline(l string) string {
	if strings.ContainsAny(l, "[<") {
		l = links(l)
		l = autolink.ReplaceAllString(l, "$1")
	}
	if strings.Count(l, "**")%2 == 0 && strings.Count(l, "__")%2 == 0 {
		l = boldMarkers.Replace(l)
	}
	if strings.Contains(l, `\`) {
		l = mdEscape.ReplaceAllString(l, "$1")
	}
	return l
}

// links replaces "[words](target)", "![words](target)" and "[words][ref]" with words,
// also when links nest inside a link's words. Brackets are paired first in one pass, so
// a line full of unmatched brackets costs linear time, not quadratic.
func links(l string) string {
	sq := pairs(l, '[', ']')
	if len(sq) == 0 {
		return l
	}
	par := pairs(l, '(', ')')
	var b strings.Builder
	// ends[k] is where the words of an open link stop; from there the reader jumps past
	// the link's target, tails[k].
	var ends, tails []int
	for i := 0; i < len(l); {
		if n := len(ends); n > 0 && i == ends[n-1] {
			i = tails[n-1] + 1
			ends, tails = ends[:n-1], tails[:n-1]
			continue
		}
		open := i
		if l[i] == '!' && i+1 < len(l) && l[i+1] == '[' {
			open = i + 1
		}
		if end, tail, ok := link(l, open, sq, par); ok && (len(ends) == 0 || tail < ends[len(ends)-1]) {
			ends, tails = append(ends, end), append(tails, tail)
			i = open + 1
			continue
		}
		b.WriteByte(l[i])
		i++
	}
	return b.String()
}

// link reports whether a link starts at l[open]: the index of the "]" ending its words
// and of the ")" or "]" ending its target.
func link(l string, open int, sq, par map[int]int) (end, tail int, ok bool) {
	if l[open] != '[' {
		return 0, 0, false
	}
	end, ok = sq[open]
	if !ok || end+1 >= len(l) {
		return 0, 0, false
	}
	switch l[end+1] {
	case '(':
		tail, ok = par[end+1]
	case '[':
		tail, ok = sq[end+1]
	default:
		ok = false
	}
	return end, tail, ok
}

// pairs maps the index of each opening bracket in l to that of its closing one, skipping
// backslash-escaped characters.
func pairs(l string, open, close byte) map[int]int {
	m := map[int]int{}
	var stack []int
	for j := 0; j < len(l); j++ {
		switch l[j] {
		case '\\':
			j++
		case open:
			stack = append(stack, j)
		case close:
			if n := len(stack); n > 0 {
				m[stack[n-1]] = j
				stack = stack[:n-1]
			}
		}
	}
	return m
}
