package app

import (
	"fmt"
	"sort"
	"strings"
	"time"
	"unicode"
)

// Duplicate actors: two actors filed for one person, state or group split the dossier in
// two. These rules propose pairs that are probably the same, each scored and explained;
// the user merges them or says they are not the same. Pairs are found through blocking
// keys (a name's words without particles, its initials, its surname, its consonant
// skeleton), never by comparing every pair, so ten thousand actors take milliseconds.

// DupActor is what duplicate detection reads of an actor.
type DupActor struct {
	ID      int64
	Name    string
	Kind    ActorKind
	Aliases []string
}

// DupPair is two actors that are probably the same, A having the lower id.
type DupPair struct {
	A, B    DupActor
	Score   float64  // 0..1: how sure the rules are
	Reasons []string // in words, strongest first
}

// Explain says why the pair is proposed: "same name apart from “al-”; same kind".
func (p DupPair) Explain() string { return strings.Join(p.Reasons, "; ") }

// Duplicates is the result of a search for duplicate actors.
type Duplicates struct {
	Pairs []DupPair // best first
	// Crowded lists the keys shared by too many actors to compare them all (a word
	// hundreds of names share): pairs found only through them are not proposed, and the
	// user is told.
	Crowded []string
}

// MinDupScore is the lowest score proposed.
const MinDupScore = 0.5

// maxBlock bounds the actors compared under one key: a block of n costs n² comparisons.
const maxBlock = 200

// particles are the words a name may carry or drop without becoming another name.
var particles = map[string]bool{
	"al": true, "el": true, "ad": true, "ar": true, "as": true, "ash": true, "at": true, "az": true,
	"bin": true, "ibn": true, "abu": false, "de": true, "del": true, "der": true, "di": true, "da": true,
	"du": true, "la": true, "le": true, "van": true, "von": true, "the": true,
}

// initialsSkip are the small words an acronym leaves out ("UN" for United Nations,
// "US" for the United States of America is not matched: its initials are USA).
var initialsSkip = map[string]bool{"of": true, "the": true, "and": true, "for": true, "&": true}

// dupName is one name of an actor, prepared for comparison.
type dupName struct {
	text    string
	words   []string // folded words, particles dropped
	all     []string // folded words, particles kept
	core    string   // words joined by a space
	acronym string   // the name as an acronym ("us" for "U.S."), "" when it is not one
}

func prepName(s string) dupName {
	n := dupName{text: s}
	n.all = nameWords(Fold(s))
	for _, w := range n.all {
		if !particles[w] {
			n.words = append(n.words, w)
		}
	}
	if len(n.words) == 0 {
		n.words = n.all
	}
	n.core = strings.Join(n.words, " ")
	n.acronym = acronymOf(s)
	return n
}

// nameWords cuts a folded name into words at anything not a letter or digit, so that
// "al-sudani" is "al" "sudani" and "u.s." is "u" "s".
func nameWords(f string) []string {
	return strings.FieldsFunc(f, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
}

// acronymOf returns an all-capital name ("US", "U.S.", "NATO") folded, its dots removed.
func acronymOf(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '.' || r == ' ':
		case unicode.IsUpper(r):
			b.WriteRune(unicode.ToLower(r))
		default:
			return ""
		}
	}
	if b.Len() < 2 {
		return ""
	}
	return Fold(b.String())
}

// initials returns the first letters of a name of several words, small words left out
// ("us" for United States), or "" for a name of one word or with a number in it.
func initials(n dupName) string {
	var b strings.Builder
	words := 0
	for _, w := range n.all {
		if initialsSkip[w] {
			continue
		}
		r := []rune(w)
		if !unicode.IsLetter(r[0]) {
			return ""
		}
		b.WriteRune(r[0])
		words++
	}
	if words < 2 {
		return ""
	}
	return b.String()
}

// skeleton returns the consonants of a core name, doubled letters once and letters that
// transliterations swap made one ("mhmd" for Mohammed and Muhammad), for blocking only.
func skeleton(core string) string {
	var b strings.Builder
	var last rune
	for _, r := range core {
		switch r {
		case 'a', 'e', 'i', 'o', 'u', 'y', 'w', 'h':
			last = 0
			continue
		case 'q', 'c':
			r = 'k'
		case 'z':
			r = 's'
		}
		if r != last {
			b.WriteRune(r)
		}
		last = r
	}
	return b.String()
}

// surnameOf returns the last word of a name of several words when it is a word (not a
// number), or "".
func surnameOf(n dupName) string {
	if len(n.words) < 2 {
		return ""
	}
	w := n.words[len(n.words)-1]
	if len([]rune(w)) < 3 || strings.ContainsFunc(w, unicode.IsDigit) {
		return ""
	}
	return w
}

type dupEntry struct {
	a     DupActor
	names []dupName // the name first, then the aliases
}

// FindDuplicates proposes pairs of actors that are probably the same, best first.
// notSame reports pairs the user said are different (ids in either order); they are never
// proposed.
func FindDuplicates(actors []DupActor, notSame func(a, b int64) bool) Duplicates {
	entries := make([]dupEntry, len(actors))
	blocks := map[string][]int32{}
	for i, a := range actors {
		e := dupEntry{a: a}
		for _, s := range append([]string{a.Name}, a.Aliases...) {
			if strings.TrimSpace(s) != "" {
				e.names = append(e.names, prepName(s))
			}
		}
		entries[i] = e
		for _, k := range dupKeys(e) {
			blocks[k] = append(blocks[k], int32(i))
		}
	}
	var out Duplicates
	seen := map[[2]int32]bool{}
	keys := make([]string, 0, len(blocks))
	for k := range blocks {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	compare := func(i, j int32) {
		if i > j {
			i, j = j, i
		}
		if i == j || seen[[2]int32{i, j}] {
			return
		}
		seen[[2]int32{i, j}] = true
		if notSame != nil && notSame(entries[i].a.ID, entries[j].a.ID) {
			return
		}
		if p, ok := comparePair(entries[i], entries[j]); ok {
			out.Pairs = append(out.Pairs, p)
		}
	}
	for _, k := range keys {
		fam := k[:2]
		if fam == "i:" || fam == "t:" {
			continue // compared only with their partners, below
		}
		b := blocks[k]
		// Acronyms are compared with the names whose initials they are, one-word names
		// with the fuller names ending with them; never the fuller names among
		// themselves, which share initials and surnames by the hundred.
		var partners []int32
		switch fam {
		case "a:":
			partners = blocks["i:"+k[2:]]
		case "s:":
			partners = blocks["t:"+k[2:]]
		}
		if len(b)+len(partners) < 2 {
			continue
		}
		if len(b) > maxBlock || len(b)*len(partners) > maxBlock*maxBlock {
			out.Crowded = append(out.Crowded, fmt.Sprintf("%s (%d actors)", k[2:], len(b)+len(partners)))
			continue
		}
		for x := 0; x < len(b); x++ {
			for y := x + 1; y < len(b); y++ {
				compare(b[x], b[y])
			}
			for _, j := range partners {
				compare(b[x], j)
			}
		}
	}
	sort.Slice(out.Pairs, func(i, j int) bool {
		p, q := out.Pairs[i], out.Pairs[j]
		if p.Score != q.Score {
			return p.Score > q.Score
		}
		if p.A.ID != q.A.ID {
			return p.A.ID < q.A.ID
		}
		return p.B.ID < q.B.ID
	})
	return out
}

// dupKeys returns the blocking keys of an actor: two actors are compared only when they
// share one. Each key starts with its family ("n:" core name, "a:" acronym, "i:" initials
// of a longer name, "s:" one-word name, "t:" surname of a person's fuller name, "k:"
// skeleton) so that families never collide.
func dupKeys(e dupEntry) []string {
	var keys []string
	for _, n := range e.names {
		keys = append(keys, "n:"+n.core)
		if n.acronym != "" {
			keys = append(keys, "a:"+n.acronym)
		} else if ini := initials(n); ini != "" {
			keys = append(keys, "i:"+ini)
		}
		if len(n.words) == 1 && len([]rune(n.words[0])) >= 3 && n.acronym == "" {
			keys = append(keys, "s:"+n.words[0])
		} else if s := surnameOf(n); s != "" && e.a.Kind == Person {
			keys = append(keys, "t:"+s)
		}
		// The skeleton and each skeleton one letter shorter: two spellings a letter
		// apart in their consonants ("Lumen Lab", "Lumen Labs") share one of these keys
		// (symmetric deletion), without comparing every pair.
		if sk := []rune(skeleton(n.core)); len(sk) >= 3 {
			keys = append(keys, "k:"+string(sk))
			for i := range sk {
				keys = append(keys, "k:"+string(sk[:i])+string(sk[i+1:]))
			}
		}
	}
	return keys
}

// A reason found by comparePair, with its weight.
type dupReason struct {
	score float64
	text  string
}

// comparePair scores two actors; ok is false when they are not probably the same.
func comparePair(x, y dupEntry) (DupPair, bool) {
	var rs []dupReason
	for i, m := range x.names {
		for j, n := range y.names {
			rs = append(rs, nameReasons(m, n, i == 0, j == 0, x, y)...)
		}
	}
	if len(rs) == 0 {
		return DupPair{}, false
	}
	sort.SliceStable(rs, func(i, j int) bool { return rs[i].score > rs[j].score })
	score := rs[0].score
	var texts []string
	have := map[string]bool{}
	for _, r := range rs {
		if !have[r.text] && len(texts) < 3 {
			texts = append(texts, r.text)
			have[r.text] = true
		}
	}
	switch {
	case x.a.Kind == y.a.Kind:
		score += 0.05
		texts = append(texts, "same kind ("+x.a.Kind.Label()+")")
	case x.a.Kind != OtherKind && y.a.Kind != OtherKind && x.a.Kind != "" && y.a.Kind != "":
		score -= 0.25
		texts = append(texts, fmt.Sprintf("but of different kinds (%s, %s)", x.a.Kind.Label(), y.a.Kind.Label()))
	}
	score = min(score, 1)
	if score < MinDupScore {
		return DupPair{}, false
	}
	return DupPair{A: x.a, B: y.a, Score: float64(int(score*100+0.5)) / 100, Reasons: texts}, true
}

// nameReasons compares one name of each actor; xName and yName say whether each is the
// actor's own name (not an alias).
func nameReasons(m, n dupName, xName, yName bool, x, y dupEntry) []dupReason {
	var rs []dupReason
	q := func(s string) string { return "“" + s + "”" }
	switch {
	case m.core == n.core && xName && yName:
		if strings.Join(m.all, " ") == strings.Join(n.all, " ") {
			rs = append(rs, dupReason{0.95, "same name, case and accents aside"})
		} else {
			rs = append(rs, dupReason{0.9, fmt.Sprintf("same name apart from a particle (%s, %s)", q(m.text), q(n.text))})
		}
	case m.core == n.core && xName:
		rs = append(rs, dupReason{0.9, fmt.Sprintf("%s is an alias of %s", q(m.text), q(y.a.Name))})
	case m.core == n.core && yName:
		rs = append(rs, dupReason{0.9, fmt.Sprintf("%s is an alias of %s", q(n.text), q(x.a.Name))})
	case m.core == n.core:
		rs = append(rs, dupReason{0.8, fmt.Sprintf("both go by %s", q(m.text))})
	}
	if m.acronym != "" && n.acronym != "" && m.acronym == n.acronym && m.core != n.core {
		rs = append(rs, dupReason{0.9, fmt.Sprintf("%s and %s are the same acronym", q(m.text), q(n.text))})
	}
	if m.acronym != "" && n.acronym == "" && initials(n) == m.acronym {
		rs = append(rs, dupReason{0.8, fmt.Sprintf("%s is the initials of %s", q(m.text), q(n.text))})
	}
	if n.acronym != "" && m.acronym == "" && initials(m) == n.acronym {
		rs = append(rs, dupReason{0.8, fmt.Sprintf("%s is the initials of %s", q(n.text), q(m.text))})
	}
	if r, ok := surnameReason(m, n, x, y); ok {
		rs = append(rs, r)
	} else if r, ok := surnameReason(n, m, y, x); ok {
		rs = append(rs, r)
	}
	if m.core != n.core && m.acronym == "" && n.acronym == "" && digits(m.core) == digits(n.core) {
		// A letter in four, at most three: Mohammed and Muhammad are two apart; names
		// further apart are other names.
		if d := editDistance(m.core, n.core); d <= min(3, max(1, len(m.core)/4)) {
			rs = append(rs, dupReason{0.8 - 0.05*float64(d), fmt.Sprintf("spelling variants (%s, %s: %d letter(s) apart)", q(m.text), q(n.text), d)})
		}
	}
	return rs
}

// surnameReason: m is a name of one word and n a person's fuller name ending with it.
func surnameReason(m, n dupName, x, y dupEntry) (dupReason, bool) {
	if len(m.words) != 1 || m.acronym != "" || surnameOf(n) != m.words[0] || y.a.Kind != Person {
		return dupReason{}, false
	}
	if x.a.Kind != Person && x.a.Kind != OtherKind {
		return dupReason{}, false
	}
	return dupReason{0.65, fmt.Sprintf("same surname: “%s” is the surname of “%s”", m.text, n.text)}, true
}

// digits returns the digits of s: names that differ in a number ("Unit 17", "Unit 18")
// are different names, however close their spelling.
func digits(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsDigit(r) {
			return r
		}
		return -1
	}, s)
}

// editDistance is the Levenshtein distance of two strings, in runes.
func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			c := prev[j-1]
			if ra[i-1] != rb[j-1] {
				c = 1 + min(prev[j-1], prev[j], cur[j-1])
			} else {
				c = min(c, prev[j]+1, cur[j-1]+1)
			}
			cur[j] = c
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}

// MergePreview says what merging Drop into Keep moves, before it is done.
type MergePreview struct {
	Keep, Drop Actor
	NewAliases []string // names Keep gains: Drop's name and aliases it does not have yet
	Relations  int      // relations naming Drop (as source, target or speaker)
	Evidence   int      // sources of those relations
	Mentions   int      // Drop's mentions in articles
	Articles   int      // the articles they are in
	Notes      int      // notes attached to Drop
	Between    int      // relations between the two: while there are any, the merge is refused
}

// Lines says the preview in words, one line each, as the window and the batch show it.
func (p MergePreview) Lines() []string {
	out := []string{fmt.Sprintf("“%s” (#%d) goes into “%s” (#%d).", p.Drop.Name, p.Drop.ID, p.Keep.Name, p.Keep.ID)}
	if len(p.NewAliases) > 0 {
		out = append(out, fmt.Sprintf("aliases gained: %s", strings.Join(p.NewAliases, ", ")))
	}
	out = append(out,
		fmt.Sprintf("relations moved: %d (with %d source(s))", p.Relations, p.Evidence),
		fmt.Sprintf("mentions moved: %d in %d article(s)", p.Mentions, p.Articles),
		fmt.Sprintf("notes moved: %d", p.Notes))
	if p.Drop.Notes != "" || len(p.Drop.Tags) > 0 {
		out = append(out, "its tags and notes are added to the kept actor's")
	}
	if p.Between > 0 {
		out = append(out, fmt.Sprintf("REFUSED: the two have %d relation(s) with each other; delete those first", p.Between))
	}
	return out
}

// MergeRecord is one merge as the undo journal keeps it.
type MergeRecord struct {
	ID                    int64
	KeptID, DroppedID     int64
	KeptName, DroppedName string // as they were at the merge
	Merged, Undone        time.Time
}

// Unmerged says what undoing a merge restored, and what it left because it was changed
// since (a relation moved to a third actor, a deleted note).
type Unmerged struct {
	Record    MergeRecord
	Restored  Actor // the dropped actor, back
	Relations int   // relations given back
	Notes     int
	Mentions  int
	Left      []string // what was not given back, and why
}
