// Package teamsync syncs a project with a collection of the team's hub: it pulls the
// changes others sent since the last sync and merges them (the project merge's rules,
// conflicts refused until the researcher says how to settle them), then sends the
// local changes in batches. Every step can be cut and done again: the pulled cursor
// moves only in the transaction that applies the pull, a batch sent is recorded as
// sent only after the hub committed it, and the hub takes a change only if its copy is
// still the version the change was made on.
package teamsync

import (
	"context"
	"time"

	"dossier/app"
)

// Local is the project's side (db.Store provides it).
type Local interface {
	HubSyncState(ctx context.Context, place app.HubPlace) (app.HubSyncState, error)
	ApplyHubPull(ctx context.Context, place app.HubPlace, recs []app.HubRecord, upTo int64, opt app.HubSyncOptions) (app.HubSyncReport, error)
	// MissingRefs lists the records recs point at that neither recs nor the project holds.
	MissingRefs(ctx context.Context, recs []app.HubRecord) ([]app.HubChange, error)
	HubChanges(ctx context.Context, place app.HubPlace) ([]app.HubChange, error)
	HubRecords(ctx context.Context, changes []app.HubChange) ([]app.HubRecord, error)
	MarkHubSent(ctx context.Context, place app.HubPlace, sent []app.HubRecord) error
	FinishHubSync(ctx context.Context, place app.HubPlace, sent, received int) (time.Time, error)
}

// Remote is the hub's side (db/hub's Hub provides it).
type Remote interface {
	Collection(ctx context.Context, name string) (id string, canWrite bool, err error)
	Pull(ctx context.Context, collectionID string, after int64, limit int) ([]app.HubRecord, int64, error)
	Fetch(ctx context.Context, collectionID string, refs []app.HubChange) ([]app.HubRecord, error)
	Push(ctx context.Context, collectionID, collection string, recs []app.HubRecord) ([]app.HubRecord, int, error)
}

// rounds is how many times a sync pulls and sends again when a colleague's change
// arrived on the hub during its own sending.
const rounds = 3

// Sync syncs local with the collection place names on remote.
func Sync(ctx context.Context, local Local, remote Remote, place app.HubPlace, opt app.HubSyncOptions) (app.HubSyncReport, error) {
	rep := app.HubSyncReport{Place: place, Merge: app.ProjectMergeReport{From: place.Key()}}
	id, canWrite, err := remote.Collection(ctx, place.Collection)
	if err != nil {
		return rep, err
	}
	for round := 0; round < rounds; round++ {
		if err := pull(ctx, local, remote, place, id, opt, &rep); err != nil {
			if opt.SendDespiteConflicts && app.IsCode(err, app.ECONFLICT) {
				sendBeside(ctx, local, remote, place, id, canWrite, opt, &rep)
			}
			return rep, err
		}
		stale, err := send(ctx, local, remote, place, id, canWrite, opt, &rep)
		if err != nil {
			return rep, err
		}
		rep.Stale = stale
		if stale == 0 {
			break
		}
	}
	at, err := local.FinishHubSync(ctx, place, rep.Sent, rep.Received)
	rep.At = at
	return rep, err
}

// pull takes what changed on the hub since the last pull, a page at a time (each page
// its own local transaction, the cursor moved with it), so that memory stays bounded on
// a first sync of a large collection. A page's records may point at records that come
// in a later page (changed since): those are fetched as they are now and taken with it.
// While a page is written here, the next is read from the hub: the hub's connection is
// then used by that read alone, and its records are taken only once the page before
// them is committed.
func pull(ctx context.Context, local Local, remote Remote, place app.HubPlace, id string, opt app.HubSyncOptions, rep *app.HubSyncReport) error {
	page := opt.Page
	if page <= 0 {
		page = 2000
	}
	st, err := local.HubSyncState(ctx, place)
	if err != nil {
		return err
	}
	rep.OnlyTags = st.OnlyTags
	next := readPage(ctx, remote, id, st.PulledSeq, st.OnlyTags, page)
	for {
		if next.err != nil || (len(next.recs) == 0 && next.upTo <= st.PulledSeq) {
			return next.err
		}
		cur := next
		recs, err := completePage(ctx, local, remote, id, st.OnlyTags, cur.recs)
		if err != nil {
			return err
		}
		more := len(cur.recs) >= page
		var reading chan hubPage
		if more {
			reading = make(chan hubPage, 1)
			go func() { reading <- readPage(ctx, remote, id, cur.upTo, st.OnlyTags, page) }()
		}
		r, err := local.ApplyHubPull(ctx, place, recs, cur.upTo, opt)
		add(rep, r)
		if reading != nil {
			next = <-reading // waited for even on failure: the connection is then free
		}
		if err != nil || !more {
			return err
		}
		st.PulledSeq = cur.upTo
	}
}

// send writes the local changes to the hub, a batch per transaction.
func send(ctx context.Context, local Local, remote Remote, place app.HubPlace, id string, canWrite bool, opt app.HubSyncOptions, rep *app.HubSyncReport) (stale int, err error) {
	changes, err := local.HubChanges(ctx, place)
	if err != nil || len(changes) == 0 {
		return 0, err
	}
	if !canWrite {
		return 0, app.Errorf(app.EREADONLY, "You may only read the collection “%s” on this hub: %d change(s) made here were not sent (ask for a write grant).", place.Collection, len(changes))
	}
	batch := opt.Batch
	if batch <= 0 {
		batch = 500
	}
	for len(changes) > 0 {
		n := min(batch, len(changes))
		recs, err := local.HubRecords(ctx, changes[:n])
		if err != nil {
			return stale, err
		}
		changes = changes[n:]
		sent, st, err := remote.Push(ctx, id, place.Collection, recs)
		if err != nil {
			return stale, err
		}
		stale += st
		if err := local.MarkHubSent(ctx, place, sent); err != nil {
			return stale, err
		}
		rep.Sent += len(sent)
	}
	return stale, nil
}

// sendBeside sends the local changes while conflicts wait for review: the changes made
// on the hub's current version reach the team; the records in conflict are stale on the
// hub and not written. A failure here is left to the sync after the review, which
// sends again and reports it: the conflicts are what the researcher must see now.
func sendBeside(ctx context.Context, local Local, remote Remote, place app.HubPlace, id string, canWrite bool, opt app.HubSyncOptions, rep *app.HubSyncReport) {
	stale, err := send(ctx, local, remote, place, id, canWrite, opt, rep)
	if err == nil {
		rep.Stale = stale
	}
}

// add adds one pull's report to the sync's.
func add(rep *app.HubSyncReport, r app.HubSyncReport) {
	rep.Received += r.Received
	rep.Deleted = append(rep.Deleted, r.Deleted...)
	m, o := &rep.Merge, r.Merge
	for _, c := range o.Counts {
		found := false
		for i := range m.Counts {
			if m.Counts[i].Kind == c.Kind {
				m.Counts[i].Added += c.Added
				m.Counts[i].Updated += c.Updated
				m.Counts[i].Unchanged += c.Unchanged
				m.Counts[i].KeptMine += c.KeptMine
				found = true
			}
		}
		if !found {
			m.Counts = append(m.Counts, c)
		}
	}
	m.Conflicts = append(m.Conflicts, o.Conflicts...)
	m.DeletedHere = append(m.DeletedHere, o.DeletedHere...)
	m.DeletedThere = append(m.DeletedThere, o.DeletedThere...)
	m.SameArticle = append(m.SameArticle, o.SameArticle...)
	m.LeftOut = append(m.LeftOut, o.LeftOut...)
}
