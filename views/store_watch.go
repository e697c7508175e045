package views

import (
	"context"

	"dossier/app"
)

// watchedStore is the project as the screens use it: after every call that may write, it
// says so (changed), whatever screen or dialog made the call and whether or not it
// failed half-way. The window refreshes its counts on that signal, so they are live after
// an add, a delete, an import or a restore instead of on the next screen change. Reads
// pass straight through (embedded Store). TestWatchedStoreSignalsEveryWrite walks the
// Store interface: a method that is neither a known read nor wrapped here fails it.
type watchedStore struct {
	Store
	changed func()
}

// watch wraps st so that its writes call u.storeChanged.
func (u *UI) watch(st Store) Store {
	if st == nil {
		return nil
	}
	if w, ok := st.(*watchedStore); ok {
		st = w.Store
	}
	return &watchedStore{Store: st, changed: u.storeChanged}
}

// unwatched is the project behind a watchedStore: what main's sample functions expect.
func unwatched(st Store) Store {
	if w, ok := st.(*watchedStore); ok {
		return w.Store
	}
	return st
}

// storeChanged tells the window the project was written to. It may be called from any
// goroutine.
func (u *UI) storeChanged() {
	if u.onStoreChange != nil {
		u.onStoreChange()
	}
}

// wrote signals a write; it returns err so each method stays one line.
func (s *watchedStore) wrote(err error) error {
	s.changed()
	return err
}

func (s *watchedStore) CreateArticle(ctx context.Context, a app.Article) (app.Article, error) {
	a, err := s.Store.CreateArticle(ctx, a)
	return a, s.wrote(err)
}

// ImportFiles also signals as each batch is committed (its results are reported between
// batches), so the counts grow during a long import instead of jumping at its end.
func (s *watchedStore) ImportFiles(ctx context.Context, paths []string, opt app.ImportOptions) (app.ImportSummary, error) {
	if result := opt.Result; result != nil {
		opt.Result = func(r app.ImportResult) {
			s.changed() // the batch holding r is committed
			result(r)
		}
	}
	sum, err := s.Store.ImportFiles(ctx, paths, opt)
	return sum, s.wrote(err)
}

func (s *watchedStore) UpdateArticle(ctx context.Context, a app.Article) (app.Article, error) {
	a, err := s.Store.UpdateArticle(ctx, a)
	return a, s.wrote(err)
}

func (s *watchedStore) DeleteArticle(ctx context.Context, id int64) error {
	return s.wrote(s.Store.DeleteArticle(ctx, id))
}

func (s *watchedStore) RestoreArticle(ctx context.Context, id int64) error {
	return s.wrote(s.Store.RestoreArticle(ctx, id))
}

func (s *watchedStore) PurgeArticle(ctx context.Context, id int64) error {
	return s.wrote(s.Store.PurgeArticle(ctx, id))
}

func (s *watchedStore) SetMentionStatus(ctx context.Context, id int64, status string) error {
	return s.wrote(s.Store.SetMentionStatus(ctx, id, status))
}

func (s *watchedStore) ResolveMention(ctx context.Context, articleID int64, start int, actorID int64) error {
	return s.wrote(s.Store.ResolveMention(ctx, articleID, start, actorID))
}

// FillSuggestionQueue writes the suggestions of articles not read yet (queue.go).
func (s *watchedStore) FillSuggestionQueue(ctx context.Context, progress func(done, total int)) error {
	return s.wrote(s.Store.FillSuggestionQueue(ctx, progress))
}

func (s *watchedStore) DismissSuggestion(ctx context.Context, name string) error {
	return s.wrote(s.Store.DismissSuggestion(ctx, name))
}

func (s *watchedStore) RestoreSuggestion(ctx context.Context, name string) error {
	return s.wrote(s.Store.RestoreSuggestion(ctx, name))
}

func (s *watchedStore) CreateActor(ctx context.Context, a app.Actor) (app.Actor, error) {
	a, err := s.Store.CreateActor(ctx, a)
	return a, s.wrote(err)
}

func (s *watchedStore) UpdateActor(ctx context.Context, a app.Actor) (app.Actor, error) {
	a, err := s.Store.UpdateActor(ctx, a)
	return a, s.wrote(err)
}

func (s *watchedStore) AddAlias(ctx context.Context, actorID int64, alias string) error {
	return s.wrote(s.Store.AddAlias(ctx, actorID, alias))
}

func (s *watchedStore) DeleteActor(ctx context.Context, id int64) error {
	return s.wrote(s.Store.DeleteActor(ctx, id))
}

func (s *watchedStore) MergeActors(ctx context.Context, keep, drop int64) (app.Actor, error) {
	a, err := s.Store.MergeActors(ctx, keep, drop)
	return a, s.wrote(err)
}

func (s *watchedStore) NotSame(ctx context.Context, a, b int64) error {
	return s.wrote(s.Store.NotSame(ctx, a, b))
}

func (s *watchedStore) Merge(ctx context.Context, keep, drop int64) (app.Actor, app.MergePreview, int64, error) {
	a, p, id, err := s.Store.Merge(ctx, keep, drop)
	return a, p, id, s.wrote(err)
}

func (s *watchedStore) Unmerge(ctx context.Context, id int64) (app.Unmerged, error) {
	u, err := s.Store.Unmerge(ctx, id)
	return u, s.wrote(err)
}

func (s *watchedStore) CreateRelationType(ctx context.Context, t app.RelationType) (app.RelationType, error) {
	t, err := s.Store.CreateRelationType(ctx, t)
	return t, s.wrote(err)
}

func (s *watchedStore) CreateRelation(ctx context.Context, r app.Relation) (app.Relation, error) {
	r, err := s.Store.CreateRelation(ctx, r)
	return r, s.wrote(err)
}

func (s *watchedStore) UpdateRelation(ctx context.Context, r app.Relation) (app.Relation, error) {
	r, err := s.Store.UpdateRelation(ctx, r)
	return r, s.wrote(err)
}

func (s *watchedStore) AddEvidence(ctx context.Context, relationID int64, e app.Evidence) (app.Evidence, error) {
	e, err := s.Store.AddEvidence(ctx, relationID, e)
	return e, s.wrote(err)
}

func (s *watchedStore) DeleteRelation(ctx context.Context, id int64) error {
	return s.wrote(s.Store.DeleteRelation(ctx, id))
}

func (s *watchedStore) CreateNote(ctx context.Context, n app.Note) (app.Note, error) {
	n, err := s.Store.CreateNote(ctx, n)
	return n, s.wrote(err)
}

func (s *watchedStore) UpdateNote(ctx context.Context, n app.Note) (app.Note, error) {
	n, err := s.Store.UpdateNote(ctx, n)
	return n, s.wrote(err)
}

func (s *watchedStore) DeleteNote(ctx context.Context, id int64) error {
	return s.wrote(s.Store.DeleteNote(ctx, id))
}

func (s *watchedStore) FileRelation(ctx context.Context, r app.Relation, newRelation bool) (app.RelationFiled, error) {
	f, err := s.Store.FileRelation(ctx, r, newRelation)
	return f, s.wrote(err)
}

// wroteExport signals that an export file was imported into the project: its records
// are filed through the store behind (export.ImportFile), which does not signal.
func (s *watchedStore) wroteExport() { s.changed() }
