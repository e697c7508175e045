package hub_test

import (
	"context"
	"fmt"
	"sync"
	"testing"

	"dossier/app"
	"dossier/db"
)

// Twenty clients syncing at once, each filing actors between syncs: no sync fails, and
// once each has synced again every project holds every actor, as the hub does. The
// collection's advisory lock orders the change numbers as the writes commit; without it
// a client reading while another commits could step over a change and never see it.
func TestSyncConcurrentClients(t *testing.T) {
	ctx := context.Background()
	tm := newTeam(t)
	const clients, rounds, each = 20, 3, 4
	users := make([]string, clients)
	stores := make([]*db.Store, clients)
	for i := range users {
		users[i] = fmt.Sprintf("w%d", i)
		if err := tm.admin.AddUser(ctx, tm.user(users[i]), users[i]+"-password"); err != nil {
			t.Fatal(err)
		}
		if err := tm.admin.Grant(ctx, tm.user(users[i]), "desk", true); err != nil {
			t.Fatal(err)
		}
		stores[i] = newProject(t)
	}
	var wg sync.WaitGroup
	errs := make(chan error, clients*rounds)
	for i := range stores {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			for r := 0; r < rounds; r++ {
				for k := 0; k < each; k++ {
					if _, err := stores[i].CreateActor(ctx, app.Actor{Name: fmt.Sprintf("Source %d-%d-%d", i, r, k), Kind: app.Person}); err != nil {
						errs <- err
						return
					}
				}
				if _, err := tm.sync(t, stores[i], users[i], app.HubSyncOptions{}); err != nil {
					errs <- fmt.Errorf("client %d, round %d: %w", i, r, err)
				}
			}
		}(i)
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	for pass := 0; pass < 2; pass++ {
		for i := range stores {
			tm.mustSync(t, stores[i], users[i])
		}
	}
	if n := len(tm.hubRecords(t)); n != clients*rounds*each {
		t.Errorf("the hub holds %d actors, want %d", n, clients*rounds*each)
	}
	tm.agree(t, stores...)
}
