package mention

import (
	"sync"
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

// fastFolds holds the folds of the runes most text is made of; folding one rune through
// app.Fold costs a transform chain, far too much to pay per rune of every article.
var (
	fastFolds     [0x800]string
	fastFoldsOnce sync.Once
	slowFolds     sync.Map // rune → string, for the rest
)

// fold returns app.Fold of the single rune r.
func fold(r rune) string {
	if r >= 0 && r < rune(len(fastFolds)) {
		fastFoldsOnce.Do(func() {
			for c := range fastFolds {
				fastFolds[c] = app.Fold(string(rune(c)))
			}
		})
		return fastFolds[r]
	}
	if f, ok := slowFolds.Load(r); ok {
		return f.(string)
	}
	f := app.Fold(string(r))
	slowFolds.Store(r, f)
	return f
}

// isIgnorable reports whether r is dropped from the canonical form.
func isIgnorable(r rune) bool { return unicode.Is(unicode.Cf, r) || fold(r) == "" }

// isGap reports whether r separates words the way a space does: blanks and dashes.
func isGap(r rune) bool {
	return unicode.IsSpace(r) || unicode.Is(unicode.Pd, r) || fold(r) == "-" || fold(r) == " "
}

// isWord reports whether the canonical rune c belongs to a word: a match may not begin or
// end between two of them.
func isWord(c rune) bool { return unicode.IsLetter(c) || unicode.IsDigit(c) || unicode.IsMark(c) }

// canonical is a text in matching form.
type canonical struct {
	b      []byte  // the canonical text, UTF-8
	runes  []rune  // the same, one entry per canonical rune
	pos    []int32 // pos[q] is the byte offset of canonical rune q in b; pos[len(runes)] = len(b)
	origin []int32 // origin[q] is the index of the original rune canonical rune q comes from
	first  []bool  // first[q] tells whether q is the first canonical rune of its original rune
}

// canonicalize puts the runes of a text into matching form.
func canonicalize(orig []rune) *canonical {
	c := &canonical{
		b:      make([]byte, 0, len(orig)+len(orig)/8),
		runes:  make([]rune, 0, len(orig)),
		pos:    make([]int32, 0, len(orig)+1),
		origin: make([]int32, 0, len(orig)),
		first:  make([]bool, 0, len(orig)),
	}
	inGap := false
	for i, r := range orig {
		switch {
		case isIgnorable(r):
			// Dropped; it neither breaks a gap nor starts a word.
		case isGap(r):
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
