package views

import (
	"context"
	"sync"

	"dossier/app"
)

// "Added by": the dossier names who created and last changed a relation synced with
// the team's hub (the hub stamps it; the project keeps it from the last sync).

// hubAuthors is what the dossier needs to say it (db.Store).
type hubAuthors interface {
	HubAuthors(ctx context.Context, kind string, uuids []string) (map[string]app.HubAuthor, error)
}

// authorsOf holds, for the dossier on screen, who added its relations.
type authorsOf struct {
	mu sync.Mutex
	by map[string]app.HubAuthor // relation uuid → author
}

// load reads who added d's relations; off the UI goroutine. A failure only leaves the
// names out: the dossier itself was read.
func (a *authorsOf) load(ctx context.Context, st Store, d app.Dossier) {
	ha, ok := unwatched(st).(hubAuthors)
	var by map[string]app.HubAuthor
	if ok && len(d.Relations) > 0 {
		uuids := make([]string, len(d.Relations))
		for i, r := range d.Relations {
			uuids[i] = r.UUID
		}
		by, _ = ha.HubAuthors(ctx, "relation", uuids)
	}
	a.mu.Lock()
	a.by = by
	a.mu.Unlock()
}

// text is "added by …" for the relation with uuid, "" when it was never synced.
func (a *authorsOf) text(uuid string) string {
	a.mu.Lock()
	defer a.mu.Unlock()
	return a.by[uuid].Text()
}
