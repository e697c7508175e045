// Package views holds Dossier's Fyne screens: the main window, the article list and
// editor, the actor list, the relation editor and the dossier. It talks to the project
// through the Store interface below, never to package db directly.
package views

import (
	"context"

	"dossier/app"
	"dossier/app/suggest"
)

// Store is what the screens need from an open project. *db.Store implements it.
type Store interface {
	Path() string
	Close() error
	SaveCopy(ctx context.Context, path string) error

	CreateArticle(ctx context.Context, a app.Article) (app.Article, error)
	// ImportFiles files the articles in files and folders, in batches (File ▸ Import files…).
	ImportFiles(ctx context.Context, paths []string, opt app.ImportOptions) (app.ImportSummary, error)
	UpdateArticle(ctx context.Context, a app.Article) (app.Article, error)
	Article(ctx context.Context, id int64) (app.Article, error)
	Articles(ctx context.Context, q app.ArticleQuery) ([]app.ArticleRow, error)
	CountArticles(ctx context.Context, q app.ArticleQuery) (int, error)
	DeleteArticle(ctx context.Context, id int64) error
	RestoreArticle(ctx context.Context, id int64) error
	PurgeArticle(ctx context.Context, id int64) error
	Mentions(ctx context.Context, articleID int64) ([]app.Mention, error)
	SetMentionStatus(ctx context.Context, id int64, status string) error
	// AmbiguousMentions lists the places where a name shared by several actors stands
	// undecided; ResolveMention says which actor one of them means (views/suggestions.go).
	AmbiguousMentions(ctx context.Context, articleID int64) ([]app.AmbiguousMention, error)
	ResolveMention(ctx context.Context, articleID int64, start int, actorID int64) error
	// SuggestActors proposes the actors an article names that the project lacks; a
	// dismissed name is not proposed again until restored (views/suggestions.go).
	SuggestActors(ctx context.Context, articleID int64) ([]suggest.Suggestion, error)
	DismissSuggestion(ctx context.Context, name string) error
	RestoreSuggestion(ctx context.Context, name string) error
	// The project's review queue of suggested names, grouped across articles
	// (views/queue.go); pending articles are read into it once, with progress.
	SuggestionQueue(ctx context.Context, q app.QueueQuery) ([]app.QueuedName, error)
	CountSuggestionQueue(ctx context.Context) (int, error)
	PendingSuggestions(ctx context.Context) (int, error)
	FillSuggestionQueue(ctx context.Context, progress func(done, total int)) error

	CreateActor(ctx context.Context, a app.Actor) (app.Actor, error)
	UpdateActor(ctx context.Context, a app.Actor) (app.Actor, error)
	Actor(ctx context.Context, id int64) (app.Actor, error)
	Actors(ctx context.Context, q app.ActorQuery) ([]app.ActorRow, error)
	CountActors(ctx context.Context, q app.ActorQuery) (int, error)
	FindActor(ctx context.Context, name string) (app.Actor, error)
	AddAlias(ctx context.Context, actorID int64, alias string) error
	// ActorNameClashes lists the actors other than exceptID that go by one of names.
	ActorNameClashes(ctx context.Context, names []string, exceptID int64) ([]app.NameClash, error)
	DeleteActor(ctx context.Context, id int64) error
	MergeActors(ctx context.Context, keep, drop int64) (app.Actor, error)
	mergeStore // duplicates, merge with undo (duplicates.go)

	RelationTypes(ctx context.Context) ([]app.RelationType, error)
	CreateRelationType(ctx context.Context, t app.RelationType) (app.RelationType, error)
	CreateRelation(ctx context.Context, r app.Relation) (app.Relation, error)
	UpdateRelation(ctx context.Context, r app.Relation) (app.Relation, error)
	Relation(ctx context.Context, id int64) (app.Relation, error)
	Relations(ctx context.Context, q app.RelationQuery) ([]app.Relation, error)
	EachRelation(ctx context.Context, q app.RelationQuery, fn func(app.Relation) error) error
	AddEvidence(ctx context.Context, relationID int64, e app.Evidence) (app.Evidence, error)
	// TwinRelation finds the relation already recording the fact r does; FileRelation
	// adds r's sources to it instead of filing a twin, unless newRelation is set.
	TwinRelation(ctx context.Context, r app.Relation) (app.Relation, bool, error)
	FileRelation(ctx context.Context, r app.Relation, newRelation bool) (app.RelationFiled, error)
	DeleteRelation(ctx context.Context, id int64) error

	CreateNote(ctx context.Context, n app.Note) (app.Note, error)
	UpdateNote(ctx context.Context, n app.Note) (app.Note, error)
	DeleteNote(ctx context.Context, id int64) error
	ArticleNotes(ctx context.Context, articleID int64) ([]app.Note, error)
	notebookStore // the Notes screen, [[links]] and backlinks (notes_store.go)

	Dossier(ctx context.Context, actorID int64, mentionLimit int) (app.Dossier, error)

	// Search runs a full-text query over articles, actors, relations and notes (the search screen).
	Search(ctx context.Context, q app.SearchQuery) (app.SearchResults, error)
}

// Projects opens project files and fills or empties the sample; main wires it to package db
// and app/sample so that views need neither.
type Projects struct {
	Open         func(ctx context.Context, path string) (Store, error)
	LoadSample   func(ctx context.Context, s Store) error
	RemoveSample func(ctx context.Context, s Store) error
	// DataDir is the folder that holds the backups folder (app.BackupDir); "" turns
	// automatic backups and restore off.
	DataDir string
	// VerifyBackup verifies a backup file and says what it holds (db.VerifyBackup).
	VerifyBackup app.VerifyFunc
	// Salvage copies every readable row of a damaged project into a new one (db.Salvage).
	Salvage func(ctx context.Context, from, to string) (app.SalvageReport, error)
	// LogPath is the window's log file (Help ▸ Show log); "" when it keeps none.
	LogPath string
	// Shown is told of the main window once it is built (also when a project opens from
	// the screen of a failed open), so main can close whichever project is open at quit.
	Shown func(*Window)
	// ConnectHub connects to a team hub (db/hub) for File ▸ Team; nil: not offered.
	ConnectHub HubConnector
}
