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

// canonical is a text in matching form.
type canonical struct {
	b      []byte  // the canonical text, UTF-8
	runes  []rune  // the same, one entry per canonical rune
	pos    []int32 // pos[q] is the byte offset of canonical rune q in b; pos[len(runes)] = len(b)
	origin []int32 // origin[q] is the index of the original rune canonical rune q comes from
	first  []bool  // first[q] tells whether q is the first canonical rune of its original rune
}

// canonicalize puts the runes of a text into matching form.
func canonicalize(orig []rune) canonical {
	// A local value, returned whole: appending through a pointer to a heap object would
	// pay a GC write barrier per rune.
	c := canonical{
		b:      make([]byte, 0, len(orig)+len(orig)/8),
		runes:  make([]rune, 0, len(orig)),
		pos:    make([]int32, 0, len(orig)+1),
		origin: make([]int32, 0, len(orig)),
		first:  make([]bool, 0, len(orig)),
	}
	inGap := false
	for i, r := range orig {
		switch classOf(r) {
		case ignorable:
			// Dropped; it neither breaks a gap nor starts a word.
		case gap:
			if !inGap {
				c.add(' ', i, true)
				inGap = true
			}
		default:
			inGap = false
			for j, f := range fold(r) {
				c.add(f, i, j == 0)
			}
		}
	}
	c.pos = append(c.pos, int32(len(c.b)))
	return c
}

func (c *canonical) add(r rune, origin int, first bool) {
	c.pos = append(c.pos, int32(len(c.b)))
	c.b = utf8.AppendRune(c.b, r)
	c.runes = append(c.runes, r)
	c.origin = append(c.origin, int32(origin))
	c.first = append(c.first, first)
}

// key returns the canonical form of an alias, without the spaces a leading or trailing
// dash would leave.
func key(alias string) []rune {
	k := canonicalize([]rune(alias)).runes
	for len(k) > 0 && k[0] == ' ' {
		k = k[1:]
	}
	for len(k) > 0 && k[len(k)-1] == ' ' {
		k = k[:len(k)-1]
	}
	return k
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
