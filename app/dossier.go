package app

// Dossier gathers everything known about one actor. It is assembled by the store, never stored.
type Dossier struct {
	Actor     Actor
	Relations []DossierRelation // both directions, grouped by type, newest first within a type
	// RelationTotal counts all the actor's relations; Relations may hold only the newest of them.
	RelationTotal int
	Mentions      []DossierMention // newest article first
	// MentionTotal counts all articles that mention the actor; Mentions may hold only the newest of them.
	MentionTotal int
	Timeline     []TimelineEntry // oldest first
	Associates   []Associate     // most linked first
	Notes        []Note
	// Backlinks are the notes that link to the actor or name it ("In your notes").
	Backlinks Backlinks
}

// Direction of a relation seen from the dossier's actor.
const (
	Outgoing   = "outgoing"   // the actor is the source
	Incoming   = "incoming"   // the actor is the target
	Undirected = "undirected" // the type has no direction
)

// DossierRelation is a relation as seen from the dossier's actor.
type DossierRelation struct {
	Relation
	Direction       string
	Verb            string // the type's wording from the actor's side: "threatens" or "is threatened by"
	CounterpartID   int64
	CounterpartName string
	CounterpartKind ActorKind
	Polarity        Polarity
}

// Sentence renders the relation as the dossier's briefing line: "threatens Iraq".
func (r DossierRelation) Sentence() string {
	s := r.Verb + " " + r.CounterpartName
	switch r.Modality {
	case Conditional:
		s += " (conditional)"
	case Threatened:
		s += " (threatened)"
	case Hypothetical:
		s += " (hypothetical)"
	case Denied:
		s += " (denied)"
	}
	return s
}

// DossierMention is an article that names the actor, with the sentence around the first mention.
type DossierMention struct {
	ArticleID    int64
	ArticleUUID  string
	Title        string
	Source       string
	URL          string
	Date         Date
	Sentence     string
	Start, End   int // rune offsets of the name inside Sentence
	BodyStart    int // rune offset of the mention in the article body
	MentionCount int
}

// TimelineEntry is one dated event in a dossier's timeline.
type TimelineEntry struct {
	Date       Date
	Kind       string // "relation" or "article"
	Text       string
	RelationID int64
	ArticleID  int64
}

// Associate is an actor often linked with the dossier's actor.
type Associate struct {
	ActorID    int64
	Name       string
	Kind       ActorKind
	Relations  int
	CoMentions int
}
