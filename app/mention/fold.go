package mention

import (
	"sync"
	"sync/atomic"
	"unicode"
	"unicode/utf8"

	"dossier/app"
)

// Matching compares text in a canonical form built rune by rune, so that every
// canonical rune can be traced back to the original rune it came from:
//
//   - each rune is folded with app.Fold (case and diacritics gone, curly apostrophes and
//     dashes made plain);
//   - runes that fold to nothing (combining marks) and invisible format characters (soft
//     hyphens, zero-width joiners) are dropped: they never separate words;
//   - a run of blanks and dashes becomes one space, so "al-Maliki", "al Maliki" and
//     "al – Maliki" read alike.

// folds caches app.Fold of single runes: through app.Fold one rune costs a transform
// chain, far too much to pay per rune of every article. The runes most text is made of
// get a fixed table, filled as they are met; the rest a map.
var (
	fastFolds [0x800]atomic.Pointer[string]
	slowFolds sync.Map // rune → string
	slowCount atomic.Int32
)

// maxSlowFolds bounds the map, which a text of every code point could otherwise fill.
const maxSlowFolds = 1 << 14

// fold returns app.Fold of the single rune r.
func fold(r rune) string {
	if r >= 0 && r < rune(len(fastFolds)) {
		if f := fastFolds[r].Load(); f != nil {
			return *f
		}
		f := app.Fold(string(r))
		fastFolds[r].Store(&f)
		return f
	}
	if f, ok := slowFolds.Load(r); ok {
		return f.(string)
	}
	f := app.Fold(string(r))
	if slowCount.Load() < maxSlowFolds && slowCount.Add(1) <= maxSlowFolds {
		slowFolds.Store(r, f)
	}
	return f
}

// asciiClass is the class of each ASCII rune, for the loop every rune of a text goes through.
var (
	asciiClass     [utf8.RuneSelf]runeClass
	asciiClassOnce sync.Once
)

type runeClass uint8

const (
	plain runeClass = iota
	ignorable
	gap
)

func classOf(r rune) runeClass {
	if r < utf8.RuneSelf {
		asciiClassOnce.Do(func() {
			for c := range asciiClass {
				asciiClass[c] = slowClassOf(rune(c))
			}
		})
		return asciiClass[r]
	}
	return slowClassOf(r)
}

// asciiKinds and asciiCanon give, for each ASCII byte, what the scanner of Find does with
// it and its canonical form, so that plain English text never goes through fold.
var (
	asciiKinds [utf8.RuneSelf]byte
	asciiCanon [utf8.RuneSelf]byte
)

const (
	kindWord      byte = iota // a letter or digit: its canonical byte continues a word
	kindOther                 // punctuation: its canonical byte stands alone
	kindGap                   // a blank or a dash
	kindIgnorable             // dropped
	kindSlow                  // anything else: decoded and folded rune by rune
)

func init() {
	for c := range asciiKinds {
		r := rune(c)
		f := fold(r)
		switch {
		case classOf(r) == ignorable:
			asciiKinds[c] = kindIgnorable
		case classOf(r) == gap:
			asciiKinds[c] = kindGap
		case len(f) != 1 || f[0] >= utf8.RuneSelf:
			asciiKinds[c] = kindSlow
		case isWord(rune(f[0])):
			asciiKinds[c], asciiCanon[c] = kindWord, f[0]
		default:
			asciiKinds[c], asciiCanon[c] = kindOther, f[0]
		}
	}
}

func slowClassOf(r rune) runeClass {
	switch {
	case isIgnorable(r):
		return ignorable
	case isGap(r):
		return gap
	}
	return plain
}

// isIgnorable reports whether r is dropped from the canonical form.
func isIgnorable(r rune) bool { return unicode.Is(unicode.Cf, r) || fold(r) == "" }

// isGap reports whether r separates words the way a space does: blanks and dashes.
func isGap(r rune) bool {
	return unicode.IsSpace(r) || unicode.Is(unicode.Pd, r) || fold(r) == "-" || fold(r) == " "
}

// isWord reports whether the canonical rune c belongs to a word: a match may not begin or
// end between two of them.
func isWord(c rune) bool {
	if c < utf8.RuneSelf {
		return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
	}
	return unicode.IsLetter(c) || unicode.IsDigit(c) || unicode.IsMark(c)
}

// canonical is the canonical form of a stretch of text, built rune by rune from a starting
// byte as far as it is asked for: a match is checked only where a name may begin, and only
// as far as the name can go.
type canonical struct {
	text   string
	next   int  // byte offset of the next original rune to put in canonical form
	nextR  int  // its rune offset
	inGap  bool // the last rune put in was a blank or a dash
	b      []byte
	runes  []rune  // the canonical runes
	pos    []int32 // pos[q] is the byte offset of canonical rune q in b
	first  []bool  // first[q] tells whether q is the first canonical rune of its original rune
	origR  []int32 // rune offset in text of the original rune canonical rune q comes from
	origB  []int32 // byte offset in text of that rune
	origSz []uint8 // its length in bytes
}

// reset starts the window at byte offset from of text, which is rune offset fromR.
func (w *canonical) reset(text string, from, fromR int) {
	w.text, w.next, w.nextR, w.inGap = text, from, fromR, false
	w.b, w.runes, w.pos, w.first = w.b[:0], w.runes[:0], w.pos[:0], w.first[:0]
	w.origR, w.origB, w.origSz = w.origR[:0], w.origB[:0], w.origSz[:0]
}

// ensure puts runes in canonical form until the window holds n canonical runes or the
// text ends, and reports whether it holds n.
func (w *canonical) ensure(n int) bool {
	for len(w.runes) < n && w.next < len(w.text) {
		r, size := utf8.DecodeRuneInString(w.text[w.next:])
		switch classOf(r) {
		case ignorable:
			// Dropped; it neither breaks a gap nor starts a word.
		case gap:
			if !w.inGap {
				w.add(' ', true, size)
				w.inGap = true
			}
		default:
			w.inGap = false
			for j, f := range fold(r) {
				w.add(f, j == 0, size)
			}
		}
		w.next += size
		w.nextR++
	}
	return len(w.runes) >= n
}

func (w *canonical) add(r rune, first bool, size int) {
	w.pos = append(w.pos, int32(len(w.b)))
	w.b = utf8.AppendRune(w.b, r)
	w.runes = append(w.runes, r)
	w.first = append(w.first, first)
	w.origR = append(w.origR, int32(w.nextR))
	w.origB = append(w.origB, int32(w.next))
	w.origSz = append(w.origSz, uint8(size))
}

// isAcronym reports whether an alias is written all in capitals ("US", "U.S.", "ISIL"):
// such an alias matches only capitals, so that "US" does not match "us".
func isAcronym(alias string) bool {
	upper := false
	for _, r := range alias {
		if unicode.IsLower(r) {
			return false
		}
		upper = upper || unicode.IsUpper(r)
	}
	return upper
}
