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

// hubPage is one page of changes read from the hub: the records, the change number
// read up to, and why the read failed.
type hubPage struct {
	recs []app.HubRecord
	upTo int64
	err  error
}

// readPage reads the page of changes after change number after: of the whole
// collection, or of the project's subscription to tags.
func readPage(ctx context.Context, remote Remote, id string, after int64, tags []string, page int) hubPage {
	var p hubPage
	if len(tags) == 0 {
		p.recs, p.upTo, p.err = remote.Pull(ctx, id, after, page)
		return p
	}
	sub, ok := remote.(Subscriber)
	if !ok {
		p.err = app.Errorf(app.EINTERNAL, "This build of Dossier cannot take part of a hub's collection.")
		return p
	}
	p.recs, p.upTo, p.err = sub.PullTagged(ctx, id, after, page, tags)
	return p
}

// completePage adds to a page's records what they bring along: the records they point
// at that the project lacks and, for a subscription, what its articles support.
func completePage(ctx context.Context, local Local, remote Remote, id string, tags []string, recs []app.HubRecord) ([]app.HubRecord, error) {
	if len(tags) == 0 {
		return withReferences(ctx, local, remote, id, recs)
	}
	return withSupported(ctx, local, remote.(Subscriber), id, recs)
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
