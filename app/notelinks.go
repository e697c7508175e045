package app

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Links between notes and records: a note's Markdown may hold [[links]] to actors,
// articles and other notes, named by name, alias or title as a researcher types them.
// ParseLinks finds them; the store looks up the records each could mean (by the folded
// text, as search and mentions fold it) and ResolveLink decides, never guessing between
// several. A resolved link is stored by UUID so that it survives a rename; it is shown
// by the record's current name.

// Link kinds: what a [[link]] points at.
const (
	LinkActor   = "actor"
	LinkArticle = "article"
	LinkNote    = "note"
)

// Link statuses.
const (
	LinkResolved  = "resolved"  // one record answers to the text
	LinkMissing   = "missing"   // none does (yet): it can be created
	LinkAmbiguous = "ambiguous" // several do; the text must say which ([[actor:…]], [[note:…]])
)

// MaxLinkText is the longest text a [[link]] may hold, in bytes: a longer run between
// brackets is prose, not a name.
const MaxLinkText = 300

// NoteLink is one [[link]] in a note's text.
type NoteLink struct {
	Start, End int    // byte offsets of "[[" and just past "]]"
	Target     string // the text naming the record, trimmed, without its kind prefix
	Kind       string // "" or the kind the text asks for: [[actor:Maliki]]
	Label      string // the text to show instead, after a "|": [[Nouri al-Maliki|the former PM]]
}

// Folded is the link's target folded for lookup.
func (l NoteLink) Folded() string { return FoldLink(l.Target) }

// FoldLink folds a link's text, or a name or title compared with it: case, accents and
// runs of spaces aside.
func FoldLink(s string) string { return Fold(cleanLinkText(s)) }

// ParseLinks returns the [[links]] of a note's Markdown in order. A link stays on one line
// and holds no bracket; links inside code (a fenced block or a `code span`) are text, and
// so is a link escaped as \[[…]].
func ParseLinks(body string) []NoteLink {
	var out []NoteLink
	offset := 0
	fenced := false
	for _, line := range strings.SplitAfter(body, "\n") {
		t := strings.TrimLeft(line, " \t")
		if strings.HasPrefix(t, "```") || strings.HasPrefix(t, "~~~") {
			fenced = !fenced
		} else if !fenced {
			out = append(out, lineLinks(line, offset)...)
		}
		offset += len(line)
	}
	return out
}

// lineLinks finds the links of one line that starts at byte offset base of the body.
func lineLinks(line string, base int) []NoteLink {
	var out []NoteLink
	inCode := 0 // the length of the backtick run that opened the code span, 0 outside one
	for i := 0; i < len(line); i++ {
		c := line[i]
		switch {
		case c == '\\':
			i++ // an escaped character is text
		case c == '`':
			n := 1
			for i+n < len(line) && line[i+n] == '`' {
				n++
			}
			switch {
			case inCode == 0 && strings.Contains(line[i+n:], strings.Repeat("`", n)):
				inCode = n
			case inCode == n:
				inCode = 0
			}
			i += n - 1
		case inCode == 0 && c == '[' && strings.HasPrefix(line[i:], "[["):
			if l, ok := linkAt(line, i); ok {
				l.Start += base
				l.End += base
				out = append(out, l)
				i = l.End - base - 1
			}
		}
	}
	return out
}

// linkAt reads the link opening at line[i:], "[[…]]". The closing is looked for no further
// than a link's longest text, so a line of many "[[" is read in linear time.
func linkAt(line string, i int) (NoteLink, bool) {
	window := line[i+2 : min(len(line), i+2+MaxLinkText+2)]
	end := strings.Index(window, "]]")
	if end < 0 {
		return NoteLink{}, false
	}
	inner := line[i+2 : i+2+end]
	if inner == "" || len(inner) > MaxLinkText || strings.ContainsAny(inner, "[]\n\r") {
		return NoteLink{}, false
	}
	l := NoteLink{Start: i, End: i + 2 + end + 2}
	target, label, _ := strings.Cut(inner, "|")
	l.Target, l.Label = cleanLinkText(target), cleanLinkText(label)
	if kind, rest, ok := strings.Cut(l.Target, ":"); ok {
		switch k := strings.ToLower(strings.TrimSpace(kind)); k {
		case LinkActor, LinkArticle, LinkNote:
			l.Kind, l.Target = k, cleanLinkText(rest)
		}
	}
	if l.Target == "" || !utf8.ValidString(l.Target) {
		return NoteLink{}, false
	}
	return l, true
}

// cleanLinkText trims a link's text and turns its runs of spaces into one.
func cleanLinkText(s string) string {
	return strings.Join(strings.FieldsFunc(s, unicode.IsSpace), " ")
}

// LinkCandidate is a record that answers to a link's folded text, as the store found it.
type LinkCandidate struct {
	Kind string // LinkActor, LinkArticle or LinkNote
	ID   int64
	UUID string
	Name string // the record's current name or title
	// ByAlias is set when the text is one of an actor's other names, not its name.
	ByAlias bool
}

// LinkResolution is what a link points at.
type LinkResolution struct {
	Status string          // LinkResolved, LinkMissing or LinkAmbiguous
	Target LinkCandidate   // the record, when resolved
	Others []LinkCandidate // the records it could mean, when ambiguous
}

// ResolveLink decides what l points at among the records whose name, alias or title
// folds to its text. A kind prefix keeps only records of that kind. A name or title beats
// an alias ([[Iraq]] is the actor named Iraq, not one that has Iraq as an alias); past
// that, two records answering equally well make the link ambiguous, not a guess.
func ResolveLink(l NoteLink, cands []LinkCandidate) LinkResolution {
	var named, aliased []LinkCandidate
	seen := map[string]bool{}
	for _, c := range cands {
		if (l.Kind != "" && c.Kind != l.Kind) || seen[c.UUID] {
			continue
		}
		seen[c.UUID] = true
		if c.ByAlias {
			aliased = append(aliased, c)
		} else {
			named = append(named, c)
		}
	}
	best := named
	if len(best) == 0 {
		best = aliased
	}
	switch len(best) {
	case 0:
		return LinkResolution{Status: LinkMissing}
	case 1:
		return LinkResolution{Status: LinkResolved, Target: best[0]}
	}
	others := append([]LinkCandidate(nil), best...)
	sort.Slice(others, func(i, j int) bool {
		if others[i].Kind != others[j].Kind {
			return others[i].Kind < others[j].Kind
		}
		return others[i].ID < others[j].ID
	})
	return LinkResolution{Status: LinkAmbiguous, Others: others}
}

// LinkText is the [[link]] to write for a record named name of kind: with the kind
// prefix when the plain name would be ambiguous.
func LinkText(kind, name string, ambiguous bool) string {
	name = strings.NewReplacer("[", "(", "]", ")", "|", "/", "\n", " ").Replace(cleanLinkText(name))
	if ambiguous {
		return "[[" + kind + ":" + name + "]]"
	}
	return "[[" + name + "]]"
}

// StoredLink is a link as the store keeps it: where it is in its note, what it says and
// what it points at (by UUID), with the record's current name for showing.
type StoredLink struct {
	NoteLink
	Status string
	Kind   string // of the record, when resolved ("" otherwise); NoteLink.Kind is the prefix asked for
	UUID   string
	ID     int64  // the record's id, when it still exists
	Name   string // its current name or title ("" when gone)
	Gone   bool   // resolved once, but the record was deleted or trashed since
}

// Shown is the text a rendered note shows for the link: its label, else the record's
// current name (so a rename shows), else the text as written.
func (l StoredLink) Shown() string {
	switch {
	case l.Label != "":
		return l.Label
	case l.Name != "":
		return l.Name
	}
	return l.Target
}

// LinkSentence returns the sentence of body around the byte range start..end, as the
// backlinks show it, with the link markup read as the text it shows (links maps a link's
// start to its shown text). s and e are the rune offsets of the range inside it.
func LinkSentence(body string, start, end int, shown map[int]string) (sentence string, s, e int) {
	start = min(max(start, 0), len(body))
	end = min(max(end, start), len(body))
	left := sentenceStartByte(body, start)
	right := sentenceEndByte(body, end)
	var b strings.Builder
	lnk := ParseLinks(body[left:right])
	pos := left
	for _, l := range lnk {
		ls, le := l.Start+left, l.End+left
		b.WriteString(body[pos:ls])
		if ls == start {
			s = utf8.RuneCountInString(b.String())
		}
		text := firstSet(l.Label, shown[ls], l.Target)
		b.WriteString(text)
		if ls == start {
			e = utf8.RuneCountInString(b.String())
		}
		pos = le
	}
	if pos < start { // the range is not a link: an unlinked mention
		b.WriteString(body[pos:start])
		s = utf8.RuneCountInString(b.String())
		b.WriteString(body[start:end])
		e = utf8.RuneCountInString(b.String())
		pos = end
	}
	b.WriteString(body[pos:right])
	out := MarkdownText(b.String())
	if out != b.String() { // markup went: the offsets are found again by the text
		mark := []rune(b.String())[s:e]
		if i := strings.Index(out, string(mark)); i >= 0 {
			s = utf8.RuneCountInString(out[:i])
			e = s + len(mark)
		} else {
			s, e = 0, 0
		}
	}
	out = strings.ReplaceAll(out, "\n", " ")
	trimmed := strings.TrimLeftFunc(out, unicode.IsSpace)
	cut := utf8.RuneCountInString(out[:len(out)-len(trimmed)])
	out = strings.TrimRightFunc(trimmed, unicode.IsSpace)
	n := utf8.RuneCountInString(out)
	s, e = min(max(s-cut, 0), n), min(max(e-cut, 0), n)
	return out, s, e
}

func firstSet(s ...string) string {
	for _, v := range s {
		if v != "" {
			return v
		}
	}
	return ""
}

// maxSentenceBytes bounds a backlink's sentence on either side of the link.
const maxSentenceBytes = 240

// sentenceStartByte is where the sentence holding byte i of s begins: after the last
// full stop followed by a space, or line break, before i, and at most maxSentenceBytes back.
func sentenceStartByte(s string, i int) int {
	floor := max(0, i-maxSentenceBytes)
	for j := i - 1; j >= floor; j-- {
		switch s[j] {
		case '\n':
			return j + 1
		case '.', '!', '?':
			if j+1 < i && (s[j+1] == ' ' || s[j+1] == '\n') {
				return j + 1
			}
		}
	}
	for floor > 0 && floor < len(s) && !utf8.RuneStart(s[floor]) {
		floor++
	}
	return floor
}

// sentenceEndByte is where the sentence holding the bytes before i ends.
func sentenceEndByte(s string, i int) int {
	ceil := min(len(s), i+maxSentenceBytes)
	for j := i; j < ceil; j++ {
		switch s[j] {
		case '\n':
			return j
		case '.', '!', '?':
			if j+1 == len(s) || s[j+1] == ' ' || s[j+1] == '\n' {
				return j + 1
			}
		}
	}
	for ceil < len(s) && !utf8.RuneStart(s[ceil]) {
		ceil--
	}
	return ceil
}

// FindMentions returns the byte ranges of body where one of names is written as whole
// words, outside [[links]]; the longest name wins where two overlap. Names compare
// folded (case and accents aside), but an acronym ("US") only as written, so that "us"
// is not the United States. It finds the unlinked mentions of an actor in a note.
func FindMentions(body string, names []string) [][2]int {
	if len(names) == 0 {
		return nil
	}
	type name struct {
		parts []string
		exact bool
	}
	var ns []name
	for _, n := range names {
		exact := isAcronymName(n)
		if !exact {
			n = Fold(n)
		}
		parts := strings.FieldsFunc(n, func(r rune) bool { return !(unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)) })
		if len(parts) > 0 {
			ns = append(ns, name{parts, exact})
		}
	}
	skip := ParseLinks(body)
	var out [][2]int
	words := wordSpans(body)
	folded := make([]string, len(words)) // each word folded once, however many names
	for i, w := range words {
		folded[i] = Fold(body[w[0]:w[1]])
	}
	for wi := 0; wi < len(words); wi++ {
		bestEnd := -1
		for _, n := range ns {
			if end, ok := matchWords(body, words, folded, wi, n.parts, n.exact); ok && end > bestEnd {
				bestEnd = end
			}
		}
		if bestEnd < 0 {
			continue
		}
		start := words[wi][0]
		if inLink(skip, start) {
			continue
		}
		out = append(out, [2]int{start, bestEnd})
		for wi+1 < len(words) && words[wi+1][0] < bestEnd {
			wi++
		}
	}
	return out
}

func inLink(links []NoteLink, at int) bool {
	for _, l := range links {
		if at >= l.Start && at < l.End {
			return true
		}
	}
	return false
}

// wordSpans are the byte ranges of the words (letters and digits) of s.
func wordSpans(s string) [][2]int {
	var out [][2]int
	start := -1
	for i, r := range s {
		w := unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
		switch {
		case w && start < 0:
			start = i
		case !w && start >= 0:
			out = append(out, [2]int{start, i})
			start = -1
		}
	}
	if start >= 0 {
		out = append(out, [2]int{start, len(s)})
	}
	return out
}

// matchWords reports whether the words of body from words[wi] on are parts (folded
// unless exact; punctuation between words is ignored) and returns the end of the last.
func matchWords(body string, words [][2]int, folded []string, wi int, parts []string, exact bool) (int, bool) {
	if wi+len(parts) > len(words) {
		return 0, false
	}
	for k, p := range parts {
		w := body[words[wi+k][0]:words[wi+k][1]]
		if exact && w != p || !exact && folded[wi+k] != p {
			return 0, false
		}
	}
	return words[wi+len(parts)-1][1], true
}

// isAcronymName reports whether a name is an acronym, matched only as written: two to six
// letters, all capitals ("US", "ISIL").
func isAcronymName(s string) bool {
	n := 0
	for _, r := range s {
		if !unicode.IsUpper(r) {
			return false
		}
		n++
	}
	return n >= 2 && n <= 6
}

// LinksAsText writes each [[link]] of body as the text it shows as written (its label,
// else its target), for where a note is shown without resolving its links: a list's
// heading, a search snippet, a note drawn in a dossier.
func LinksAsText(body string) string {
	links := ParseLinks(body)
	if len(links) == 0 {
		return body
	}
	var b strings.Builder
	pos := 0
	for _, l := range links {
		b.WriteString(body[pos:l.Start])
		b.WriteString(firstSet(l.Label, l.Target))
		pos = l.End
	}
	b.WriteString(body[pos:])
	return b.String()
}
