package app

// ExportScope says what an export covers: the whole project, or one actor's dossier (the
// actor, the actors it has relations with, those relations, the articles that back them
// and the notes on any of these).
type ExportScope struct {
	ActorID int64 // 0: the whole project
	// Relations, when not nil, narrows the actor's dossier to these relations: what the
	// dossier's filters keep ("what I see"). The actors, articles and notes in scope are
	// then those of these relations.
	Relations []int64
	// Articles, with Relations, are the articles behind the evidence the filters keep
	// (an "as of" date leaves later articles out); other evidence is not exported.
	Articles []int64
	// Filter says in words what the filters keep, for the scope line a file carries.
	Filter string
	// ActorName names the dossier's actor in that line.
	ActorName string
}

// Filtered reports whether the scope is a dossier narrowed by its filters.
func (sc ExportScope) Filtered() bool { return sc.ActorID != 0 && sc.Relations != nil }

// Describe says in a sentence what an export holds, for the comment or metadata field
// of the formats that have one.
func (sc ExportScope) Describe() string {
	switch {
	case sc.ActorID == 0:
		return "Scope: the whole project."
	case sc.Filtered():
		return "Scope: the dossier of " + sc.actorName() + ", only what its filters keep (" + sc.Filter + ")."
	}
	return "Scope: the dossier of " + sc.actorName() + ", everything in it."
}

func (sc ExportScope) actorName() string {
	if sc.ActorName == "" {
		return "one actor"
	}
	return sc.ActorName
}

// LinkedNote is a note with the UUIDs of what it is attached to, as exports name them.
type LinkedNote struct {
	Note
	ArticleUUID, ActorUUID, RelationUUID string
	ArticleTitle, ActorName              string
	// The source actor of the relation the note is on, so a vault can link to it.
	RelationSourceUUID, RelationSourceName string
}

// RelationRef says that an article backs a relation, with the UUIDs of the relation and
// its two actors: what an export needs to list what an article supports.
type RelationRef struct {
	ArticleID                            int64
	RelationUUID, SourceUUID, TargetUUID string
	SourceID, TargetID                   int64
}
