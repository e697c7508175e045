package app

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// MarkdownText returns the text a reader sees in a Markdown note, for search snippets: the
// markup of headings, quotes, lists, rules, code fences, emphasis and code spans goes,
// a link or image keeps its text and loses its address, and a backslash escape keeps the
// character it escapes. Lines stay lines. It is a light reading, not a full CommonMark
// parser: it only ever removes characters, so whatever it misreads, the words stay.
func MarkdownText(s string) string {
	if !strings.ContainsAny(s, "#>*_`~[]!\\-+=|<") && !hasNumberedItem(s) {
		return s // plain text, the common case
	}
	lines := strings.Split(s, "\n")
	out := make([]string, 0, len(lines))
	for _, l := range lines {
		l, keep := markdownBlock(l)
		if keep {
			out = append(out, markdownInline(l))
		}
	}
	return strings.Join(out, "\n")
}

// hasNumberedItem reports whether a line of s may start with "1." or "1)".
func hasNumberedItem(s string) bool {
	return strings.Contains(s, ". ") || strings.Contains(s, ") ")
}

// markdownBlock strips one line's block markup; keep is false for a line that is only
// markup (a rule, a code fence, a link reference definition).
func markdownBlock(l string) (string, bool) {
	t := strings.TrimLeft(l, " \t")
	if isRule(t) || strings.HasPrefix(t, "```") || strings.HasPrefix(t, "~~~") || isLinkDefinition(t) {
		return "", false
	}
	for {
		switch {
		case strings.HasPrefix(t, ">"):
			t = strings.TrimLeft(t[1:], " \t")
			continue
		case strings.HasPrefix(t, "#"):
			n := len(t) - len(strings.TrimLeft(t, "#"))
			if n <= 6 && (n == len(t) || t[n] == ' ' || t[n] == '\t') {
				t = strings.TrimRight(strings.TrimLeft(t[n:], " \t"), " \t#")
			}
		case len(t) >= 2 && strings.ContainsRune("-*+", rune(t[0])) && (t[1] == ' ' || t[1] == '\t'):
			t = strings.TrimLeft(t[2:], " \t")
			continue
		default:
			if n := numberedItem(t); n > 0 {
				t = strings.TrimLeft(t[n:], " \t")
				continue
			}
		}
		break
	}
	for _, box := range []string{"[ ] ", "[x] ", "[X] "} {
		t = strings.TrimPrefix(t, box)
	}
	return t, true
}

// numberedItem returns the length of an ordered list marker ("12. ", "3) ") at the start
// of t, or 0.
func numberedItem(t string) int {
	i := 0
	for i < len(t) && i < 9 && t[i] >= '0' && t[i] <= '9' {
		i++
	}
	if i == 0 || i+1 >= len(t) || (t[i] != '.' && t[i] != ')') || (t[i+1] != ' ' && t[i+1] != '\t') {
		return 0
	}
	return i + 2
}

// isRule reports whether t is a thematic break: three or more of one of - * _, spaced or not.
func isRule(t string) bool {
	t = strings.TrimRight(t, " \t")
	if len(t) < 3 || !strings.ContainsRune("-*_", rune(t[0])) {
		return false
	}
	n := 0
	for i := 0; i < len(t); i++ {
		switch t[i] {
		case t[0]:
			n++
		case ' ', '\t':
		default:
			return false
		}
	}
	return n >= 3
}

// isLinkDefinition reports whether t is a link reference definition, "[label]: url".
func isLinkDefinition(t string) bool {
	if !strings.HasPrefix(t, "[") {
		return false
	}
	end := strings.Index(t, "]:")
	return end > 1 && !strings.ContainsAny(t[1:end], "[]")
}

// markdownInline strips the inline markup of one line. It runs in time linear in the
// line, whatever its brackets: a note is the user's text, and a snippet is made of it at
// every keystroke.
func markdownInline(l string) string {
	closing := bracketPairs(l)
	// resume[j] = k: at the "]" j of a link, go on at k, past its address.
	resume := map[int]int{}
	var b strings.Builder
	for i := 0; i < len(l); {
		if k, ok := resume[i]; ok {
			i = k
			continue
		}
		c := l[i]
		switch {
		case c == '\\' && i+1 < len(l) && isASCIIPunct(l[i+1]):
			b.WriteByte(l[i+1])
			i += 2
			continue
		case c == '!' && i+1 < len(l) && l[i+1] == '[':
			if end, ok := linkEnd(l, i+1, closing); ok {
				resume[closing[i+1]] = end
				i += 2
				continue
			}
		case c == '[':
			if end, ok := linkEnd(l, i, closing); ok {
				resume[closing[i]] = end
				i++
				continue
			}
		case c == '<':
			// An autolink <https://…> keeps its address, which is its text.
			if end := strings.IndexByte(l[i:], '>'); end > 0 && strings.Contains(l[i:i+end], "://") && !strings.ContainsAny(l[i+1:i+end], " <") {
				b.WriteString(l[i+1 : i+end])
				i += end + 1
				continue
			}
		case c == '*' || c == '_' || c == '~' || c == '`':
			n := 1
			for i+n < len(l) && l[i+n] == c {
				n++
			}
			if !isDelimiter(l, i, i+n, c) {
				b.WriteString(l[i : i+n])
			}
			i += n
			continue
		}
		b.WriteByte(c)
		i++
	}
	return b.String()
}

// bracketPairs maps the offset of each "[" of l to that of its "]", skipping escaped ones.
func bracketPairs(l string) map[int]int {
	pairs := map[int]int{}
	var open []int
	for i := 0; i < len(l); i++ {
		switch l[i] {
		case '\\':
			i++
		case '[':
			open = append(open, i)
		case ']':
			if n := len(open); n > 0 {
				pairs[open[n-1]] = i
				open = open[:n-1]
			}
		}
	}
	return pairs
}

// linkEnd reports whether the "[" at i opens a link, "[text](address)" or "[text][label]",
// and returns the offset just past it.
func linkEnd(l string, i int, closing map[int]int) (int, bool) {
	j, ok := closing[i]
	if !ok || j+1 >= len(l) {
		return 0, false
	}
	var closer byte
	switch l[j+1] {
	case '(':
		closer = ')'
	case '[':
		closer = ']'
	default:
		return 0, false
	}
	end := strings.IndexByte(l[j+2:], closer)
	if end < 0 {
		return 0, false
	}
	return j + 2 + end + 1, true
}

// isDelimiter reports whether the run l[from:to] of c is emphasis, strikethrough or code
// markup: it touches a word on one side only (opening or closing), and an underscore
// does not sit inside a word (snake_case stays). A run with blanks on both sides ("5 * 3")
// is text.
func isDelimiter(l string, from, to int, c byte) bool {
	before, _ := utf8.DecodeLastRuneInString(l[:from])
	after, _ := utf8.DecodeRuneInString(l[to:])
	blankBefore := from == 0 || unicode.IsSpace(before)
	blankAfter := to == len(l) || unicode.IsSpace(after)
	if blankBefore && blankAfter {
		return false
	}
	if c == '_' && from > 0 && to < len(l) && mdWordRune(before) && mdWordRune(after) {
		return false
	}
	if c == '~' && to-from < 2 {
		return false // a lone tilde is "about": ~30
	}
	return true
}

func mdWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

func isASCIIPunct(c byte) bool {
	return c < utf8.RuneSelf && unicode.IsPunct(rune(c)) || strings.IndexByte("$+<=>^`|~", c) >= 0
}
