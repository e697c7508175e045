package teamsync

import (
	"context"

	"dossier/app"
)

// A project subscribed to some tags of a collection (Local's HubSyncState says which)
// pulls only the articles with one of them and what they support: the relations that
// quote them, the actors those name, the notes on any of these. The hub filters the
// changes (PullTagged); what a change brings into the subscription without changing
// itself (an article newly tagged brings the relations quoting it, older than the
// cursor) is asked for by reference, as a page's missing references are.

// Subscriber is what a subscribed pull needs of the hub (db/hub's Hub provides it).
type Subscriber interface {
	ArticleSource
	PullTagged(ctx context.Context, collectionID string, after int64, limit int, tags []string) ([]app.HubRecord, int64, error)
	NotesOn(ctx context.Context, collectionID string, uuids []string) ([]app.HubRecord, error)
}

// pullPage reads the next page of changes for the project's subscription, with what the
// records in it bring along; n is how many the hub's page held.
func pullPage(ctx context.Context, local Local, remote Remote, id string, st app.HubSyncState, page int) (recs []app.HubRecord, upTo int64, n int, err error) {
	if len(st.OnlyTags) == 0 {
		recs, upTo, err = remote.Pull(ctx, id, st.PulledSeq, page)
		if err != nil {
			return nil, 0, 0, err
		}
		n = len(recs)
		recs, err = withReferences(ctx, local, remote, id, recs)
		return recs, upTo, n, err
	}
	sub, ok := remote.(Subscriber)
	if !ok {
		return nil, 0, 0, app.Errorf(app.EINTERNAL, "This build of Dossier cannot take part of a hub's collection.")
	}
	recs, upTo, err = sub.PullTagged(ctx, id, st.PulledSeq, page, st.OnlyTags)
	if err != nil {
		return nil, 0, 0, err
	}
	n = len(recs)
	recs, err = withSupported(ctx, local, sub, id, recs)
	return recs, upTo, n, err
}

// withSupported adds to the records of a subscribed page the live relations quoting its
// articles, what those point at, and the notes on any of them.
func withSupported(ctx context.Context, local Local, sub Subscriber, id string, recs []app.HubRecord) ([]app.HubRecord, error) {
	var articles []string
	for _, r := range recs {
		if r.Kind == "article" && !r.Deleted {
			articles = append(articles, r.UUID)
		}
	}
	if len(articles) > 0 {
		citing, err := sub.Citing(ctx, id, articles)
		if err != nil {
			return nil, err
		}
		recs = append(recs, citing...)
	}
	recs, err := withReferences(ctx, local, sub, id, recs)
	if err != nil {
		return nil, err
	}
	var on []string
	for _, r := range recs {
		if r.Kind != "note" && !r.Deleted {
			on = append(on, r.UUID)
		}
	}
	if len(on) == 0 {
		return recs, nil
	}
	notes, err := sub.NotesOn(ctx, id, on)
	if err != nil {
		return nil, err
	}
	return withReferences(ctx, local, sub, id, append(recs, notes...))
}
