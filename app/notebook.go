package app

import (
	"strings"
	"time"
	"unicode"
)

// Heading is what a list shows for a note: its title, else its first line of text
// (markup aside), cut to a line's length.
func (n Note) Heading() string {
	if t := strings.TrimSpace(n.Title); t != "" {
		return t
	}
	for _, line := range strings.Split(MarkdownText(LinksAsText(n.Body)), "\n") {
		if line = strings.TrimSpace(line); line != "" {
			return clipRunes(line, 80)
		}
	}
	return "Untitled note"
}

func clipRunes(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return strings.TrimSpace(string(r[:n-1])) + "…"
}

// WordCount counts the words a reader sees in a note's Markdown.
func WordCount(markdown string) int {
	n := 0
	in := false
	for _, r := range MarkdownText(markdown) {
		w := unicode.IsLetter(r) || unicode.IsDigit(r) || r == '\'' || r == '’' || r == '-'
		if w && !in {
			n++
		}
		in = w
	}
	return n
}

// NoteQuery selects notes for the Notes screen and the batch list: every note of the
// project, the most recently edited first.
type NoteQuery struct {
	Text   string // words the title, tags or text hold (as search folds them); "" for all
	Tag    string // only notes with this tag; "" for all
	Offset int
	Limit  int // 0: all
}

// NoteRow is one line of the Notes screen.
type NoteRow struct {
	ID      int64
	UUID    string
	Heading string // Note.Heading
	Tags    []string
	About   string // the record a note is attached to, "" for a standalone note
	Links   int    // how many [[links]] it holds
	Updated time.Time
}

// NoteBacklink is a note that links to (or names) a record, with the sentence around the
// link or the name, as a dossier's "In your notes" shows it.
type NoteBacklink struct {
	NoteID     int64
	NoteUUID   string
	Heading    string
	Updated    time.Time
	Sentence   string
	Start, End int  // rune offsets of the link or name inside Sentence
	Unlinked   bool // the note names the record without linking to it
	// At and AtEnd are the byte range of the link or the name in the note's body; for an
	// unlinked mention, "link it" turns exactly that range into a link.
	At, AtEnd int
	Text      string // the name as the note writes it, for an unlinked mention
	Body      string // the note's Markdown (the dossier CSV exports it)
}

// Backlinks are the notes pointing at one record: linked first, newest first, then the
// unlinked mentions; each list is capped and its total given.
type Backlinks struct {
	Linked        []NoteBacklink
	LinkedTotal   int // notes linking, even past the cap
	Unlinked      []NoteBacklink
	UnlinkedTotal int
	// UnlinkedMore is set when more notes hold the record's names than were read: the
	// unlinked total is then a lower bound.
	UnlinkedMore bool
}

// LinkSuggestion is a record offered while typing a [[link]].
type LinkSuggestion struct {
	Kind   string // LinkActor, LinkArticle or LinkNote
	ID     int64
	UUID   string
	Name   string // name or title
	Detail string // the alias that matched, the actor's kind, the article's outlet
	// Ambiguous is set when another record answers to the same name, so the link written
	// must name the kind.
	Ambiguous bool
}
