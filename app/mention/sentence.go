package mention

import (
	"strings"
	"unicode"
)

// MaxSentence is the most runes Sentence returns, ellipses included.
const MaxSentence = 300

// Sentence returns the sentence (or line) of text around the rune offsets start..end,
// trimmed, with s and e the offsets of start..end inside it. A sentence longer than
// MaxSentence is cut to a window around the span, with an ellipsis where it was cut.
// Offsets out of range are clamped.
func Sentence(text string, start, end int) (sentence string, s, e int) {
	rs := []rune(text)
	start = min(max(start, 0), len(rs))
	end = min(max(end, start), len(rs))
	left, right := sentenceStart(rs, start), sentenceEnd(rs, end)
	for left < start && unicode.IsSpace(rs[left]) {
		left++
	}
	for right > end && unicode.IsSpace(rs[right-1]) {
		right--
	}
	return window(rs[left:right], start-left, end-left)
}

// sentenceStart returns where the sentence holding rune i begins.
func sentenceStart(rs []rune, i int) int {
	for j := i - 1; j >= 0; j-- {
		if isLineBreak(rs[j]) {
			return j + 1
		}
		if isSentenceEnd(rs, j) {
			j++
			for j < i && isCloser(rs[j]) { // the quote mark closing the sentence before
				j++
			}
			return j
		}
	}
	return 0
}

// sentenceEnd returns where the sentence holding the runes before i ends, after its full
// stop and any closing quote.
func sentenceEnd(rs []rune, i int) int {
	for j := i; j < len(rs); j++ {
		if isLineBreak(rs[j]) {
			return j
		}
		if isSentenceEnd(rs, j) {
			j++
			for j < len(rs) && isCloser(rs[j]) {
				j++
			}
			return j
		}
	}
	return len(rs)
}

func isLineBreak(r rune) bool { return r == '\n' || r == '\r' || r == '\u2028' || r == '\u2029' }

func isCloser(r rune) bool { return strings.ContainsRune(`"'”’»)]`, r) }

// abbreviations end in a full stop that does not end the sentence ("Gen. Smith", "Jan. 28").
var abbreviations = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "prof": true, "gen": true, "lt": true, "col": true,
	"maj": true, "capt": true, "sgt": true, "adm": true, "gov": true, "sen": true, "rep": true, "pres": true,
	"st": true, "jr": true, "sr": true, "vs": true, "etc": true, "inc": true, "ltd": true,
	"co": true, "corp": true, "jan": true, "feb": true, "mar": true, "apr": true, "jun": true, "jul": true,
	"aug": true, "sep": true, "sept": true, "oct": true, "nov": true, "dec": true,
}

// isSentenceEnd reports whether rs[j] ends a sentence: a full stop, question or
// exclamation mark followed by a blank (after any closing quote) or the end of the text,
// and, for a full stop, not the end of an abbreviation or an initial ("U.S.", "J. Harris")
// nor followed by a lower-case word.
func isSentenceEnd(rs []rune, j int) bool {
	if !strings.ContainsRune(".!?…", rs[j]) {
		return false
	}
	k := j + 1
	for k < len(rs) && isCloser(rs[k]) {
		k++
	}
	if k < len(rs) && !unicode.IsSpace(rs[k]) {
		return false
	}
	if rs[j] != '.' {
		return true
	}
	w := j
	for w > 0 && unicode.IsLetter(rs[w-1]) {
		w--
	}
	if word := strings.ToLower(string(rs[w:j])); j-w == 1 || abbreviations[word] {
		return false
	}
	for k < len(rs) && unicode.IsSpace(rs[k]) && !isLineBreak(rs[k]) {
		k++
	}
	return k == len(rs) || !unicode.IsLower(rs[k]) && !unicode.IsDigit(rs[k])
}

// window cuts rs to at most MaxSentence runes around rs[s:e], at word boundaries.
func window(rs []rune, s, e int) (string, int, int) {
	if len(rs) <= MaxSentence {
		return string(rs), s, e
	}
	if e-s > MaxSentence-2 {
		return string(rs[s:e]), 0, e - s // only the name fits
	}
	room := MaxSentence - (e - s) - 2 // two ellipses
	before := min(room/2, s)
	after := min(room-before, len(rs)-e)
	before = min(room-after, s)
	from, to := s-before, e+after
	if from > 0 { // start at a word
		if i := indexSpace(rs[from:s]); i >= 0 {
			from += i + 1
		}
		for from < s && unicode.IsSpace(rs[from]) {
			from++
		}
	}
	if to < len(rs) { // end at a word
		if i := lastIndexSpace(rs[e:to]); i >= 0 {
			to = e + i
		}
		for to > e && unicode.IsSpace(rs[to-1]) {
			to--
		}
	}
	var b strings.Builder
	lead := 0
	if from > 0 {
		b.WriteRune('…')
		lead = 1
	}
	b.WriteString(string(rs[from:to]))
	if to < len(rs) {
		b.WriteRune('…')
	}
	return b.String(), s - from + lead, e - from + lead
}

func indexSpace(rs []rune) int {
	for i, r := range rs {
		if unicode.IsSpace(r) {
			return i
		}
	}
	return -1
}

func lastIndexSpace(rs []rune) int {
	for i := len(rs) - 1; i >= 0; i-- {
		if unicode.IsSpace(rs[i]) {
			return i
		}
	}
	return -1
}
