package app

// MentionAmbiguous is the status of a mention whose name belongs to several actors (two
// "Harris"): one such mention is stored per candidate until the user picks one.
const MentionAmbiguous = "ambiguous"

// ActorRef names an actor briefly, for a choice among several.
type ActorRef struct {
	ID   int64
	Name string
	Kind ActorKind
}

// AmbiguousMention is a place in an article body where a name shared by several actors
// stands and nobody has said yet which of them it means.
type AmbiguousMention struct {
	Start, End int    // rune offsets in the body
	Text       string // the name as the body writes it
	Candidates []ActorRef
	// Proposed is the candidate the article names elsewhere by a fuller name, or has had
	// confirmed elsewhere, nearest before this place (else nearest after); 0 when none is.
	Proposed int64
}
