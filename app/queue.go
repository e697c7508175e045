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

// SentenceAround returns the sentence of text around rune offset at (trimmed, at most
// about 240 runes, cut with "…" where it is longer), or "" when at is outside text.
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
	start := strings.LastIndexAny(text[:b], ".!?\n")
	if start < 0 {
		start = 0
	} else {
		start++
	}
	end := strings.IndexAny(text[b:], ".!?\n")
	if end < 0 {
		end = len(text)
	} else {
		end = b + end
		if text[end] != '\n' {
			end++ // keep the full stop
		}
	}
	// Where the name stands in the sentence, so that a long sentence is cut around it.
	rel := utf8.RuneCountInString(strings.TrimLeftFunc(text[start:b], unicode.IsSpace))
	r := []rune(strings.TrimFunc(text[start:end], unicode.IsSpace))
	if len(r) > sampleMaxRunes {
		from := max(0, rel-sampleMaxRunes/3)
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
