// Package mention finds the names of known actors in article text. An actor is known by
// its name and aliases; a name matches whole words only, regardless of case and
// diacritics ("Ferrandez" finds "Ferrández"), except an all-capitals alias, which must
// appear in capitals ("US" does not find "us"). Blanks and dashes inside a name are
// interchangeable ("al-Maliki" finds "Al Maliki"). Offsets are in runes of the text.
package mention

import (
	"bytes"
	"slices"
	"unicode"
)

// Pattern is one name or alias of an actor.
type Pattern struct {
	ActorID int64
	Text    string
}

// Match is a name found in a text: Start and End are rune offsets into the text, and
// Text is the name as the text writes it.
type Match struct {
	ActorID    int64
	Start, End int
	Text       string
}

// Matcher finds a fixed set of patterns in texts. It is safe for concurrent use.
type Matcher struct {
	pats []pattern
	// byWord indexes patterns by their first word, so that a text is scanned word by word
	// and each word costs one map look-up, however many patterns there are.
	byWord map[string][]int32
	// byRune indexes the rare patterns that begin with a non-word character ("(UN)").
	byRune map[rune][]int32
}

type pattern struct {
	actor   int64
	key     []byte // canonical form, UTF-8
	runes   int    // canonical runes in key
	first   rune   // key's first rune
	last    rune   // key's last rune
	acronym bool
}

// New prepares a matcher for the patterns. Patterns with no letter or digit are ignored.
func New(patterns []Pattern) *Matcher {
	m := &Matcher{byWord: map[string][]int32{}, byRune: map[rune][]int32{}}
	type id struct {
		actor   int64
		key     string
		acronym bool
	}
	seen := map[id]bool{}
	for _, p := range patterns {
		k := key(p.Text)
		if !slices.ContainsFunc(k, isWord) {
			continue
		}
		pat := pattern{actor: p.ActorID, key: []byte(string(k)), runes: len(k), first: k[0], last: k[len(k)-1], acronym: isAcronym(p.Text)}
		if i := (id{pat.actor, string(pat.key), pat.acronym}); seen[i] {
			continue
		} else {
			seen[i] = true
		}
		n := int32(len(m.pats))
		m.pats = append(m.pats, pat)
		if !isWord(pat.first) {
			m.byRune[pat.first] = append(m.byRune[pat.first], n)
			continue
		}
		w := 0
		for w < len(k) && isWord(k[w]) {
			w++
		}
		first := string(k[:w])
		m.byWord[first] = append(m.byWord[first], n)
	}
	return m
}

// Find returns the names in text, sorted by Start. Where names overlap, the one that
// starts first wins, and of those the longest: "Nouri al-Maliki" is one match, not also
// "Maliki". Actors sharing the very same span (the same alias) all get a Match there.
func (m *Matcher) Find(text string) []Match {
	if len(m.pats) == 0 || text == "" {
		return nil
	}
	orig := []rune(text)
	c := canonicalize(orig)
	var out []Match
	var cands []candidate
	lastEnd := 0 // in original runes: matches may not overlap
	for q := 0; q < len(c.runes); {
		if int(c.origin[q]) < lastEnd || !c.first[q] {
			q++
			continue
		}
		cands = cands[:0]
		next := q + 1
		if r := c.runes[q]; isWord(r) {
			if q > 0 && isWord(c.runes[q-1]) {
				q++ // inside a word
				continue
			}
			for next < len(c.runes) && isWord(c.runes[next]) {
				next++
			}
			cands = m.try(&c, orig, q, m.byWord[string(c.b[c.pos[q]:c.pos[next]])], cands)
		} else if ids, ok := m.byRune[r]; ok {
			cands = m.try(&c, orig, q, ids, cands)
		}
		if len(cands) == 0 {
			q = next // no pattern starts inside the rest of this word
			continue
		}
		out, lastEnd = appendLongest(out, cands, orig)
		q++
	}
	return out
}

// candidate is a pattern found at a position, before overlaps are settled.
type candidate struct {
	actor      int64
	start, end int // original runes
}

// try appends to cands the patterns among ids that match at canonical rune q.
func (m *Matcher) try(c *canonical, orig []rune, q int, ids []int32, cands []candidate) []candidate {
	for _, id := range ids {
		p := &m.pats[id]
		e := q + p.runes
		if e > len(c.runes) || !bytes.HasPrefix(c.b[c.pos[q]:], p.key) {
			continue
		}
		if e < len(c.runes) && (!c.first[e] || isWord(p.last) && isWord(c.runes[e])) {
			continue // the text goes on inside the same rune or the same word
		}
		start, end := spanOf(c, orig, q, e)
		if p.acronym && hasLower(orig[start:end]) {
			continue
		}
		cands = append(cands, candidate{p.actor, start, end})
	}
	return cands
}

// spanOf returns the original runes canonical runes q..e come from, with any combining
// marks that trail the last one.
func spanOf(c *canonical, orig []rune, q, e int) (start, end int) {
	start, end = int(c.origin[q]), int(c.origin[e-1])+1
	for end < len(orig) && isIgnorable(orig[end]) {
		end++
	}
	return start, end
}

func hasLower(rs []rune) bool {
	for _, r := range rs {
		if unicode.IsLower(r) {
			return true
		}
	}
	return false
}

// appendLongest appends the longest of candidates sharing a start, once per actor, and
// returns where it ends.
func appendLongest(out []Match, cands []candidate, orig []rune) ([]Match, int) {
	end := 0
	for _, c := range cands {
		end = max(end, c.end)
	}
	var actors []int64
	for _, c := range cands {
		if c.end == end && !slices.Contains(actors, c.actor) {
			actors = append(actors, c.actor)
		}
	}
	slices.Sort(actors)
	start := cands[0].start
	text := string(orig[start:end])
	for _, a := range actors {
		out = append(out, Match{ActorID: a, Start: start, End: end, Text: text})
	}
	return out, end
}
