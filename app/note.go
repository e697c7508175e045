package app

import "time"

// Note is a Markdown note, attached to an article, an actor, a relation, or to nothing
// (a standalone note: a hypothesis, a meeting, a source assessment). Its [[links]] point
// at actors, articles and other notes (notelinks.go).
type Note struct {
	ID         int64
	UUID       string
	Title      string // "" for a note on a record that has none
	Tags       []string
	Body       string
	ArticleID  int64
	ActorID    int64
	RelationID int64
	Created    time.Time
	Updated    time.Time
}

// Mention statuses.
const (
	MentionAuto      = "automatic"
	MentionConfirmed = "confirmed"
	MentionRejected  = "rejected"
)

// Mention is a place in an article where an actor is named.
type Mention struct {
	ID         int64
	ArticleID  int64
	ActorID    int64
	Start, End int // rune offsets in the body
	Status     string
}
