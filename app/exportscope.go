package app

// ExportScope says what an export covers: the whole project, or one actor's dossier (the
// actor, the actors it has relations with, those relations, the articles that back them
// and the notes on any of these).
type ExportScope struct {
	ActorID int64 // 0: the whole project
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
