package app

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// QueuedName is one row of the project's review queue of suggested actors: a name that
// articles use and the project has no actor for, grouped across every article.
type QueuedName struct {
	Folded   string    // the key: the name folded as aliases are
	Name     string    // as the article that names it most writes it
	Kind     ActorKind // the kind most articles guess
	Aliases  []string  // the other forms that article uses
	Articles int       // how many articles name it
	Sample   string    // a sentence naming it
	// SampleArticle is the article the name, aliases and sample come from.
	SampleArticle int64
	// Withheld are forms of the name not proposed as aliases, each with the reason: a
	// place or common word in the article, a form of another suggestion, or already a
	// name of an actor of the project.
	Withheld []WithheldAlias
}

// WithheldAlias is a form of a suggested name not proposed as an alias, and why.
type WithheldAlias struct {
	Alias  string `json:"alias"`
	Reason string `json:"reason"`
}

// Actor returns q as a new actor to be saved, with the guessed kind and aliases.
func (q QueuedName) Actor() Actor {
	return Actor{Name: q.Name, Kind: q.Kind, Aliases: append([]string(nil), q.Aliases...)}
}

// QueueQuery asks for one page of the review queue, busiest names first. After is the
// cursor of the last row of the previous page (zero: the first page).
type QueueQuery struct {
	After QueueCursor
	Limit int
}

// QueueCursor is where a page of the queue ends: the order is by Articles descending,
// then Folded.
type QueueCursor struct {
	Articles int
	Folded   string
}

// Cursor returns the cursor just after q.
func (q QueuedName) Cursor() QueueCursor { return QueueCursor{q.Articles, q.Folded} }

// sampleMaxRunes bounds a sample sentence: a run-on paragraph is cut, and says so.
const sampleMaxRunes = 240

// sampleLead is how many runes of a sample may stand before the name: a queue row shows
// about 150, so a name further into its sentence is brought forward, the cut said by "…",
// rather than hidden by the row's own truncation at the right.
const sampleLead = 80

// SentenceAround returns the sentence of text around rune offset at (trimmed, at most
// about 240 runes, cut with "…" where it is longer or where the name stands more than 80
// runes in), or "" when at is outside text.
func SentenceAround(text string, at int) string {
	if at < 0 {
		return ""
	}
	// Byte offset of the rune.
	b := 0
	for i := 0; i < at && b < len(text); i++ {
		_, n := utf8.DecodeRuneInString(text[b:])
		b += n
	}
	if b >= len(text) {
		return ""
	}
	start := 0
	for i := b - 1; i >= 0; i-- {
		if sentenceEnd(text, i) {
			start = i + 1
			break
		}
	}
	end := len(text)
	for i := b; i < len(text); i++ {
		if sentenceEnd(text, i) {
			end = i
			if text[i] != '\n' {
				end++ // keep the full stop
			}
			break
		}
	}
	// Where the name stands in the sentence, so that a long sentence is cut around it.
	rel := utf8.RuneCountInString(strings.TrimLeftFunc(text[start:b], unicode.IsSpace))
	r := []rune(strings.TrimFunc(text[start:end], unicode.IsSpace))
	if len(r) > sampleMaxRunes || rel > sampleLead {
		from := max(0, rel-sampleLead)
		for k := from; k > 0 && k < rel && k < from+15; k++ {
			if r[k-1] == ' ' {
				from = k // start at a word
				break
			}
		}
		to := min(len(r), from+sampleMaxRunes)
		cut := string(r[from:to])
		if from > 0 {
			cut = "…" + cut
		}
		if to < len(r) {
			cut += "…"
		}
		r = []rune(cut)
	}
	return strings.Join(strings.Fields(string(r)), " ")
}

// sentenceEnd reports whether the byte at i ends a sentence: a line break, or ".", "!"
// or "?" followed by a space or the end, where the word before a "." is not an
// abbreviation ("U.S.", "Mr.", "St.": it holds a dot or is at most two letters long).
func sentenceEnd(text string, i int) bool {
	switch text[i] {
	case '\n':
		return true
	case '!', '?':
	case '.':
		w := i
		for w > 0 && text[w-1] != ' ' && text[w-1] != '\n' {
			w--
		}
		word := text[w:i]
		if strings.Contains(word, ".") || utf8.RuneCountInString(word) <= 2 {
			return false
		}
	default:
		return false
	}
	return i+1 == len(text) || text[i+1] == ' ' || text[i+1] == '\n'
}
