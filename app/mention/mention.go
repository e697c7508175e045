// Package mention finds the names of known actors in article text. An actor is known by
// its name and aliases; a name matches whole words only, regardless of case and
// diacritics ("Ferrandez" finds "Ferrández"), except an all-capitals alias, which must
// appear in capitals ("US" does not find "us"). Blanks and dashes inside a name are
// interchangeable ("al-Maliki" finds "Al Maliki"), curly and straight apostrophes are
// alike, and a possessive does not hide a name ("Maliki’s" holds Maliki). Where names
// overlap, the leftmost wins, and of those the longest. Offsets are in runes of the text.
package mention

import (
	"math"
	"math/bits"
	"slices"
	"sync"
	"unicode"
	"unicode/utf8"
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
//
// It reads a text once, word by word, hashing each word's canonical form as it goes; a
// word whose hash is not among the hashes of the patterns' first words costs nothing
// more. Where one is, the text from there is put in canonical form and walked down a
// byte trie of all the patterns' canonical forms, which yields every pattern that
// matches there. Most of a news text is skipped at a few nanoseconds a byte
// (BenchmarkMatchVsGrep). An Aho-Corasick automaton over folded text was the other
// candidate; github.com/coregx/ahocorasick's FindAll reports the match that ends first
// ("new york" inside "new york times"), not the leftmost-longest one, and would still
// need the word-boundary checks done here.
type Matcher struct {
	pats   []pattern
	nodes  []node // the trie; nodes[0] is the root
	edges  []edge // nodes[n]'s edges are edges[lo:hi], sorted by byte
	patIDs []int32
	root   [256]int32 // the root's edges, -1 where there is none
	// firstWords is a bit set of the hashes of the patterns' first words; shift brings a
	// hash down to a bit index.
	firstWords []uint64
	shift      uint
	// startsOther marks the first bytes of patterns that begin with punctuation ("(U.N.)"),
	// which may start anywhere, not only at a word.
	startsOther [256]bool
	// firstHashes and firstNodes find, by hash, a first word of the patterns and the trie
	// node it leads to: for a word in ASCII one look-up replaces a walk of the trie byte
	// by byte, each byte a likely cache miss in a trie of thousands of names. An
	// open-addressing table of a power-of-two size; the hashes, probed first, apart from
	// the rest so that a probe touches as little memory as possible. 0 marks a free slot
	// (stored hashes have their low bit set).
	firstHashes []uint64
	firstNodes  []firstNode
}

type firstNode struct {
	word string // the canonical first word
	node int32
}

type pattern struct {
	actor    int64
	lastWord bool // the pattern ends with a letter or digit: the text's word must end too
	acronym  bool
}

type node struct {
	lo, hi       int32 // edges
	patLo, patHi int32 // patIDs of the patterns that end here
	// chain counts the nodes from this one that have a single edge and no pattern
	// ending: the keys were inserted in order, so such a node's child is the next node,
	// and the chain's bytes are the consecutive edges[lo:lo+chain], which a walk can
	// compare without visiting the nodes.
	chain int32
}

type edge struct {
	b    byte
	next int32
}

// New prepares a matcher for the patterns. Patterns with no letter or digit are ignored.
func New(patterns []Pattern) *Matcher {
	type entry struct {
		key   string
		first int // bytes of key in its first word; 0 if it begins with punctuation
		pat   pattern
	}
	entries := make([]entry, 0, len(patterns))
	firsts := make([]uint64, 0, len(patterns))
	m := &Matcher{}
	for i := range m.root {
		m.root[i] = -1
	}
	var w canonical
	for _, p := range patterns {
		w.reset(p.Text, 0, 0)
		w.ensure(math.MaxInt)
		lo, hi := 0, len(w.runes) // without the spaces a leading or trailing dash leaves
		for lo < hi && w.runes[lo] == ' ' {
			lo++
		}
		for hi > lo && w.runes[hi-1] == ' ' {
			hi--
		}
		k := w.runes[lo:hi]
		if !slices.ContainsFunc(k, isWord) {
			continue
		}
		at := func(q int) int { // byte offset of canonical rune q
			if q < len(w.pos) {
				return int(w.pos[q])
			}
			return len(w.b)
		}
		e := entry{key: string(w.b[at(lo):at(hi)]), pat: pattern{actor: p.ActorID, lastWord: isWord(k[len(k)-1]), acronym: isAcronym(p.Text)}}
		if isWord(k[0]) {
			n := 0
			for n < len(k) && isWord(k[n]) {
				n++
			}
			e.first = at(lo+n) - at(lo)
			firsts = append(firsts, hashString(e.key[:e.first]))
		} else {
			m.startsOther[e.key[0]] = true
		}
		entries = append(entries, e)
	}
	// Patterns in key order make the trie in one pass: each key shares with the one
	// before it the path of their common prefix, and a node's edges come in byte order.
	slices.SortFunc(entries, func(a, b entry) int {
		if c := cmpString(a.key, b.key); c != 0 {
			return c
		}
		if a.pat.actor != b.pat.actor {
			return cmpInt(a.pat.actor, b.pat.actor)
		}
		return boolInt(a.pat.acronym) - boolInt(b.pat.acronym)
	})
	entries = slices.CompactFunc(entries, func(a, b entry) bool { return a.key == b.key && a.pat == b.pat })
	type rawEdge struct {
		from int32
		edge
	}
	size := 0 // at most one node and edge per byte of the keys
	for _, e := range entries {
		size += len(e.key)
	}
	raw := make([]rawEdge, 0, size)
	slots := 8
	for slots < 2*len(firsts) {
		slots <<= 1
	}
	m.firstHashes = make([]uint64, slots)
	m.firstNodes = make([]firstNode, slots)
	m.nodes = make([]node, 1, size+1)
	m.pats = make([]pattern, 0, len(entries))
	m.patIDs = make([]int32, 0, len(entries))
	path := []int32{0} // path[d] is the node reached by the previous key's first d bytes
	prev := ""
	for _, e := range entries {
		if e.key != prev {
			common := 0
			for common < len(e.key) && common < len(prev) && e.key[common] == prev[common] {
				common++
			}
			path = path[:common+1]
			for d := common; d < len(e.key); d++ {
				n := int32(len(m.nodes))
				m.nodes = append(m.nodes, node{})
				raw = append(raw, rawEdge{path[d], edge{e.key[d], n}})
				path = append(path, n)
			}
			prev = e.key
		}
		if e.first > 0 {
			m.addFirst(e.key[:e.first], path[e.first])
		}
		n := &m.nodes[path[len(e.key)]]
		if n.patHi == 0 {
			n.patLo = int32(len(m.patIDs))
		}
		m.patIDs = append(m.patIDs, int32(len(m.pats)))
		n.patHi = int32(len(m.patIDs))
		m.pats = append(m.pats, e.pat)
	}
	// Edges grouped by their node: raw is in key order, so each node's edges are in byte
	// order already and a stable counting sort by node keeps them so.
	count := make([]int32, len(m.nodes)+1)
	for _, r := range raw {
		count[r.from+1]++
	}
	for n := range m.nodes {
		count[n+1] += count[n]
		m.nodes[n].lo, m.nodes[n].hi = count[n], count[n]
	}
	m.edges = make([]edge, len(raw))
	for _, r := range raw {
		n := &m.nodes[r.from]
		m.edges[n.hi] = r.edge
		n.hi++
	}
	for _, e := range m.edges[m.nodes[0].lo:m.nodes[0].hi] {
		m.root[e.b] = e.next
	}
	for n := len(m.nodes) - 1; n > 0; n-- {
		if nd := &m.nodes[n]; nd.hi-nd.lo == 1 && nd.patLo == nd.patHi && m.edges[nd.lo].next == int32(n+1) {
			nd.chain = 1 + m.nodes[n+1].chain
		}
	}
	// About 32 bits per first word keeps false hits near 3 %.
	nbits := 1 << 10
	for nbits < 32*len(firsts) && nbits < 1<<24 {
		nbits <<= 1
	}
	m.firstWords = make([]uint64, nbits/64)
	m.shift = uint(64 - bits.TrailingZeros(uint(nbits)))
	for _, h := range firsts {
		b := mix(h) >> m.shift
		m.firstWords[b/64] |= 1 << (b % 64)
	}
	return m
}

func cmpString(a, b string) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

func cmpInt(a, b int64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// FNV-1a over a word's canonical bytes, computed by the scanner as it reads.
const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

func hashString(s string) uint64 {
	h := uint64(fnvOffset)
	for i := 0; i < len(s); i++ {
		h = (h ^ uint64(s[i])) * fnvPrime
	}
	return h
}

func hashRune(h uint64, r rune) uint64 {
	if r < utf8.RuneSelf {
		return (h ^ uint64(r)) * fnvPrime
	}
	var buf [utf8.UTFMax]byte
	for _, c := range buf[:utf8.EncodeRune(buf[:], r)] {
		h = (h ^ uint64(c)) * fnvPrime
	}
	return h
}

// mix spreads FNV's low-bit entropy into the top bits the bit set is indexed by.
func mix(h uint64) uint64 { return h * 0x9e3779b97f4a7c15 }

// mayStart reports whether a word of hash h may be the first word of a pattern.
func (m *Matcher) mayStart(h uint64) bool {
	b := mix(h) >> m.shift
	return m.firstWords[b/64]&(1<<(b%64)) != 0
}

// addFirst records the node a first word leads to, once.
func (m *Matcher) addFirst(word string, node int32) {
	h := hashString(word) | 1
	mask := uint64(len(m.firstHashes) - 1)
	for i := mix(h) & mask; ; i = (i + 1) & mask {
		switch {
		case m.firstHashes[i] == 0:
			m.firstHashes[i], m.firstNodes[i] = h, firstNode{word, node}
			return
		case m.firstHashes[i] == h && m.firstNodes[i].word == word:
			return
		}
	}
}

// firstNode returns the trie node the ASCII word text[from:to] leads to as the first word
// of a pattern, h being the hash of its canonical form, or -1.
func (m *Matcher) firstNode(text string, from, to int, h uint64) int32 {
	h |= 1
	mask := uint64(len(m.firstHashes) - 1)
	for i := mix(h) & mask; m.firstHashes[i] != 0; i = (i + 1) & mask {
		if f := &m.firstNodes[i]; m.firstHashes[i] == h && len(f.word) == to-from && asciiCanonEqual(text[from:to], f.word) {
			return f.node
		}
	}
	return -1
}

// asciiCanonEqual reports whether the ASCII text folds to the canonical word w.
func asciiCanonEqual(text, w string) bool {
	for i := 0; i < len(text); i++ {
		if asciiCanon[text[i]] != w[i] {
			return false
		}
	}
	return true
}

// child follows node n's edge for byte c, or returns -1.
func (m *Matcher) child(n int32, c byte) int32 {
	if n == 0 {
		return m.root[c]
	}
	nd := &m.nodes[n]
	es := m.edges[nd.lo:nd.hi]
	if len(es) <= 8 {
		for _, e := range es {
			if e.b == c {
				return e.next
			}
		}
		return -1
	}
	lo, hi := 0, len(es)
	for lo < hi {
		mid := int(uint(lo+hi) >> 1)
		if es[mid].b < c {
			lo = mid + 1
		} else {
			hi = mid
		}
	}
	if lo < len(es) && es[lo].b == c {
		return es[lo].next
	}
	return -1
}

// Find returns the names in text, sorted by Start. Where names overlap, the one that
// starts first wins, and of those the longest: "Nouri al-Maliki" is one match, not also
// "Maliki". Actors sharing the very same span (the same alias) all get a Match there.
func (m *Matcher) Find(text string) []Match {
	if len(m.pats) == 0 || text == "" {
		return nil
	}
	s := scanners.Get().(*scanner)
	cands, w := s.cands[:0], s.w
	*s = scanner{m: m, text: text, cands: cands, w: w}
	defer func() {
		s.text, s.w.text, s.out = "", "", nil // keep the buffers, not the text
		scanners.Put(s)
	}()
	// The loop reads the text's runes in canonical form (see fold.go) without storing it:
	// plain ASCII through two tables, the rest through fold. Matches begin only at the
	// first canonical rune of an original rune: at the start of a word, or at punctuation
	// some pattern starts with.
	var h uint64 // hash of the word being read
	i, ri := 0, 0
	for i < len(text) {
		c := text[i]
		if c < utf8.RuneSelf {
			switch asciiKinds[c] {
			case kindWord:
				if !s.inWord {
					s.inWord, s.eligible, s.wordB, s.wordR, s.wordASCII, h = true, true, i, ri, true, fnvOffset
				}
				s.inGap = false
				for {
					h = (h ^ uint64(asciiCanon[c])) * fnvPrime
					i++
					ri++
					if i == len(text) {
						break
					}
					if c = text[i]; c >= utf8.RuneSelf || asciiKinds[c] != kindWord {
						break
					}
				}
				continue
			case kindIgnorable:
				s.wordASCII = false
				i++
				ri++
				continue
			case kindGap:
				if !s.inGap {
					s.inGap = true
					if s.inWord && s.separator(' ', true, i, ri, h) {
						i, ri = s.resumeB, s.resumeR
						continue
					}
				}
				i++
				ri++
				continue
			case kindOther:
				s.inGap = false
				// Most punctuation neither ends a word nor starts a name: no call.
				if (s.inWord || m.startsOther[asciiCanon[c]]) && s.separator(rune(asciiCanon[c]), true, i, ri, h) {
					i, ri = s.resumeB, s.resumeR
					continue
				}
				i++
				ri++
				continue
			}
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		switch classOf(r) {
		case ignorable:
			s.wordASCII = false // the word's bytes are no longer its canonical form
		case gap:
			if !s.inGap {
				s.inGap = true
				if s.separator(' ', true, i, ri, h) {
					i, ri = s.resumeB, s.resumeR
					continue
				}
			}
		default:
			s.inGap = false
			resumed := false
			for j, f := range fold(r) {
				if !isWord(f) {
					if resumed = s.separator(f, j == 0, i, ri, h); resumed {
						break
					}
					continue
				}
				if !s.inWord {
					s.inWord, s.eligible, s.wordB, s.wordR, h = true, j == 0, i, ri, fnvOffset
				}
				s.wordASCII = false
				h = hashRune(h, f)
			}
			if resumed {
				i, ri = s.resumeB, s.resumeR
				continue
			}
		}
		i += size
		ri++
	}
	if s.inWord && s.eligible && m.mayStart(h) {
		s.matchWord(len(text), h)
	}
	return s.out
}

// scanners keeps scanners between calls of Find, for the buffers they grow.
var scanners = sync.Pool{New: func() any { return new(scanner) }}

// scanner is the state of one Find.
type scanner struct {
	m    *Matcher
	text string
	out  []Match
	w    canonical
	// the word being read: it began at byte wordB, rune wordR; a match may begin there
	// if eligible (it begins with an original rune, after any match found before)
	inWord, eligible bool
	wordASCII        bool // the word is plain ASCII (so far)
	wordB, wordR     int
	inGap            bool // the last canonical rune was the space of a gap
	// where to go on reading after a match
	resumeB, resumeR int
	cands            []candidate
}

// candidate is a pattern found at a position, before overlaps are settled.
type candidate struct {
	actor     int64
	end, endB int // original rune and byte the match ends at
	lastWord  bool
}

// separator handles a canonical rune r that is not part of a word, which the original
// rune at byte i (rune ri) yields, as its first canonical rune if first. It ends the
// word being read, looks for a match at the start of that word and then at r, and
// reports whether it found one; the scan then goes on from resumeB.
func (s *scanner) separator(r rune, first bool, i, ri int, h uint64) bool {
	if s.inWord {
		s.inWord = false
		if s.eligible && s.m.mayStart(h) && s.matchWord(i, h) {
			return true
		}
	}
	if first && s.m.startsOther[firstByte(r)] && s.matchAt(i, ri) {
		return true
	}
	return false
}

// matchWord is matchAt for the word being read, which ends at byte end and whose
// canonical form hashes to h.
func (s *scanner) matchWord(end int, h uint64) bool {
	if !s.wordASCII {
		return s.matchAt(s.wordB, s.wordR)
	}
	n := s.m.firstNode(s.text, s.wordB, end, h)
	if n < 0 {
		return false // no pattern begins with this word
	}
	s.cands = s.cands[:0]
	if !s.walkASCII(s.wordB, s.wordR, n, end) {
		s.cands = s.cands[:0]
		s.walk(s.wordB, s.wordR)
	}
	return s.settle(s.wordB, s.wordR)
}

func firstByte(r rune) byte {
	if r < utf8.RuneSelf {
		return byte(r)
	}
	var buf [utf8.UTFMax]byte
	utf8.EncodeRune(buf[:], r)
	return buf[0]
}

// matchAt walks the trie from the canonical form of the text at byte from (rune fromR),
// keeps the longest of the patterns that match there, and reports whether there was one.
func (s *scanner) matchAt(from, fromR int) bool {
	s.cands = s.cands[:0]
	if !s.walkASCII(from, fromR, 0, from) {
		s.cands = s.cands[:0]
		s.walk(from, fromR)
	}
	return s.settle(from, fromR)
}

// walkASCII is walk for the usual case of a name in plain ASCII, where each byte is one
// canonical rune or part of a gap, read straight from the text; it goes on from node n,
// which the text from byte from up to byte i leads to. It reports false, leaving the work
// to walk, when it meets anything else before it is done.
func (s *scanner) walkASCII(from, fromR int, n int32, i int) bool {
	m, text := s.m, s.text
	for {
		if nd := &m.nodes[n]; nd.patLo != nd.patHi {
			after, _, ok := asciiCanonAt(text, i)
			if !ok {
				return false
			}
			nextWord := i < len(text) && asciiKinds[after] == kindWord
			for _, id := range m.patIDs[nd.patLo:nd.patHi] {
				p := &m.pats[id]
				if nextWord && p.lastWord || p.acronym && hasASCIILower(text[from:i]) {
					continue
				}
				s.cands = append(s.cands, candidate{p.actor, fromR + i - from, i, p.lastWord})
			}
		}
		if k := m.nodes[n].chain; k > 0 {
			for _, e := range m.edges[m.nodes[n].lo : m.nodes[n].lo+k] {
				c, next, ok := asciiCanonAt(text, i)
				if !ok {
					return false
				}
				if next == i || c != e.b {
					return true // the end of the text, or of the patterns' road
				}
				i = next
			}
			n += k
			continue
		}
		c, next, ok := asciiCanonAt(text, i)
		if !ok {
			return false
		}
		if next == i {
			return true // the end of the text
		}
		if n = m.child(n, c); n < 0 {
			return true
		}
		i = next
	}
}

// asciiCanonAt returns the canonical byte the text holds at byte i and where the next
// one begins: a run of blanks and dashes is one space. At the end of the text, next is
// i. ok is false where the text is not plain ASCII.
func asciiCanonAt(text string, i int) (c byte, next int, ok bool) {
	for ; i < len(text); i++ {
		b := text[i]
		if b >= utf8.RuneSelf {
			return 0, 0, false
		}
		switch asciiKinds[b] {
		case kindIgnorable:
			continue
		case kindWord, kindOther:
			return asciiCanon[b], i + 1, true
		case kindGap:
			for i++; i < len(text); i++ {
				if b := text[i]; b >= utf8.RuneSelf {
					return 0, 0, false // perhaps another blank
				} else if k := asciiKinds[b]; k != kindGap && k != kindIgnorable {
					break
				}
			}
			return ' ', i, true
		default:
			return 0, 0, false
		}
	}
	return 0, i, true
}

func hasASCIILower(s string) bool {
	for i := 0; i < len(s); i++ {
		if 'a' <= s[i] && s[i] <= 'z' {
			return true
		}
	}
	return false
}

// walk finds the patterns that match at byte from (rune fromR) by walking the trie along
// the canonical form of the text from there.
func (s *scanner) walk(from, fromR int) {
	m, w := s.m, &s.w
	w.reset(s.text, from, fromR)
	n := int32(0)
	for k := 0; w.ensure(k + 1); {
		end := len(w.b)
		if k+1 < len(w.pos) {
			end = int(w.pos[k+1])
		}
		for _, c := range w.b[w.pos[k]:end] {
			if n = m.child(n, c); n < 0 {
				return
			}
		}
		k++
		nd := &m.nodes[n]
		if nd.patLo == nd.patHi {
			continue
		}
		more := w.ensure(k + 1)
		if more && !w.first[k] {
			continue // the text goes on inside the same original rune
		}
		nextWord := more && isWord(w.runes[k])
		endB, endR := skipIgnorable(s.text, int(w.origB[k-1])+int(w.origSz[k-1]), int(w.origR[k-1])+1)
		for _, id := range m.patIDs[nd.patLo:nd.patHi] {
			p := &m.pats[id]
			if nextWord && p.lastWord {
				continue // the text goes on inside the same word
			}
			if p.acronym && hasLower(s.text[from:endB]) {
				continue
			}
			s.cands = append(s.cands, candidate{p.actor, endR, endB, p.lastWord})
		}
	}
}

// settle keeps the longest of the candidates found at from, once per actor and in actor
// order, and sets where the scan goes on.
func (s *scanner) settle(from, fromR int) bool {
	if len(s.cands) == 0 {
		return false
	}
	if s.out == nil {
		s.out = make([]Match, 0, max(8, len(s.text)/256)) // news names a few actors a paragraph
	}
	last := s.cands[len(s.cands)-1] // candidates come in order of their end
	first := len(s.out)
	text := s.text[from:last.endB]
	if !utf8.ValidString(text) {
		text = string([]rune(text)) // as a []rune conversion of the whole text would read it
	}
	s.resumeB, s.resumeR = last.endB, last.end
	s.inWord, s.eligible, s.inGap = last.lastWord, false, false
	if len(s.cands) == 1 || s.cands[len(s.cands)-2].end != last.end {
		s.out = append(s.out, Match{ActorID: last.actor, Start: fromR, End: last.end, Text: text})
		return true // one actor: the usual case
	}
	for _, c := range s.cands {
		if c.end != last.end || slices.ContainsFunc(s.out[first:], func(o Match) bool { return o.ActorID == c.actor }) {
			continue
		}
		s.out = append(s.out, Match{ActorID: c.actor, Start: fromR, End: c.end, Text: text})
	}
	slices.SortFunc(s.out[first:], func(a, b Match) int { return cmpInt(a.ActorID, b.ActorID) })
	return true
}

// skipIgnorable moves an end past the runes that are dropped from the canonical form
// (combining marks, soft hyphens), so that a match takes the accent on its last letter.
func skipIgnorable(text string, b, r int) (int, int) {
	for b < len(text) {
		c, size := utf8.DecodeRuneInString(text[b:])
		if classOf(c) != ignorable {
			break
		}
		b += size
		r++
	}
	return b, r
}

func hasLower(s string) bool {
	for _, r := range s {
		if unicode.IsLower(r) {
			return true
		}
	}
	return false
}

// Words returns the words of text in the form the matcher compares them: folded, and cut
// at anything that is not a letter or digit ("al-Maliki’s" gives al, maliki, s). A name
// can only be found in a text that holds its words in a row, which is what a full-text
// index can look up.
func Words(text string) []string {
	var w canonical
	w.reset(text, 0, 0)
	w.ensure(math.MaxInt)
	var out []string
	start := -1
	for q, r := range w.runes {
		switch {
		case isWord(r) && start < 0:
			start = q
		case !isWord(r) && start >= 0:
			out = append(out, string(w.b[w.pos[start]:w.pos[q]]))
			start = -1
		}
	}
	if start >= 0 {
		out = append(out, string(w.b[w.pos[start]:]))
	}
	return out
}
