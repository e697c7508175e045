package teamsync

import (
	"context"

	"github.com/google/uuid"

	"dossier/app"
)

// Copying one article found on the hub into the project: the article, the relations
// that quote it, and what those point at (their actors, the other articles they quote),
// merged as a pull merges, without moving the pull's cursor: the next sync takes the
// rest of the collection's changes as before, and skips these (the same change numbers).

// ArticleSource is what copying an article needs of the hub (db/hub's Hub provides it).
type ArticleSource interface {
	Remote
	// Citing lists the live relations quoting any of the articles named.
	Citing(ctx context.Context, collectionID string, articles []string) ([]app.HubRecord, error)
}

// refRounds bounds how many times the references of records fetched are followed:
// relations point at actors and articles, which point at nothing further.
const refRounds = 3

// CopyArticle copies the article articleUUID of the collection place names into local,
// with the relations quoting it.
func CopyArticle(ctx context.Context, local Local, remote ArticleSource, place app.HubPlace, articleUUID string, opt app.HubSyncOptions) (app.HubSyncReport, error) {
	rep := app.HubSyncReport{Place: place, Merge: app.ProjectMergeReport{From: place.Key()}}
	u, err := uuid.Parse(articleUUID)
	if err != nil {
		return rep, app.Errorf(app.EINVALID, "“%s” is not an article's UUID (as dossier hub search lists them).", articleUUID)
	}
	articleUUID = u.String()
	id, _, err := remote.Collection(ctx, place.Collection)
	if err != nil {
		return rep, err
	}
	recs, err := remote.Fetch(ctx, id, []app.HubChange{{Kind: "article", UUID: articleUUID}})
	if err != nil {
		return rep, err
	}
	if len(recs) == 0 || recs[0].Deleted {
		return rep, app.Errorf(app.ENOTFOUND, "The collection “%s” has no article %s (deleted, or never there).", place.Collection, articleUUID)
	}
	citing, err := remote.Citing(ctx, id, []string{articleUUID})
	if err != nil {
		return rep, err
	}
	recs, err = withReferences(ctx, local, remote, id, append(recs, citing...))
	if err != nil {
		return rep, err
	}
	return local.ApplyHubPull(ctx, place, recs, 0, opt)
}

// withReferences adds to recs the records they point at that neither they nor the
// project hold, fetched from the hub as they are now.
func withReferences(ctx context.Context, local Local, remote Remote, collectionID string, recs []app.HubRecord) ([]app.HubRecord, error) {
	for i := 0; i < refRounds; i++ {
		missing, err := local.MissingRefs(ctx, recs)
		if err != nil || len(missing) == 0 {
			return recs, err
		}
		later, err := remote.Fetch(ctx, collectionID, missing)
		if err != nil {
			return nil, err
		}
		if len(later) == 0 {
			return recs, nil // gone from the hub: the merge leaves out what points at them, and says so
		}
		recs = append(recs, later...)
	}
	return recs, nil
}
