package hub_test

import (
	"context"
	"errors"
	"fmt"
	"math/rand"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"dossier/app"
	"dossier/app/teamsync"
	"dossier/db"
	"dossier/db/hub"
)

// cutter cuts a sync at its n-th step: the hub connection killed by the server's
// administrator (pg_terminate_backend) before a hub call or in the middle of a batch
// written, or the program "crashing" just before or just after a local step commits.
type cutter struct {
	t      *testing.T
	tm     *team
	user   string
	at     int // the step to cut at
	step   int
	after  bool // a local cut comes after the step's commit
	cutDid string
	// mu guards step and cutDid: a pull reads the hub's next page while it writes one here.
	mu sync.Mutex
}

var errCrash = errors.New("the program stopped here")

// kill terminates the member's hub connections and waits until they are gone.
func (c *cutter) kill() {
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, hub.SharedCluster().AdminURL(c.tm.db))
	if err != nil {
		c.t.Fatal(err)
	}
	defer conn.Close(ctx)
	if _, err := conn.Exec(ctx, `SELECT pg_terminate_backend(pid, 10000) FROM pg_stat_activity WHERE usename = $1`, c.tm.user(c.user)); err != nil {
		c.t.Fatal(err)
	}
}

// next counts a step and says whether it is the one to cut.
func (c *cutter) next(what string) bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.step++
	if c.step == c.at {
		c.cutDid = what
		return true
	}
	return false
}

type cutRemote struct {
	c *cutter
	h *hub.Hub
}

func (r cutRemote) Collection(ctx context.Context, name string) (string, bool, error) {
	if r.c.next("hub: collection") {
		r.c.kill()
	}
	return r.h.Collection(ctx, name)
}

func (r cutRemote) Pull(ctx context.Context, id string, after int64, limit int) ([]app.HubRecord, int64, error) {
	if r.c.next("hub: pull") {
		r.c.kill()
	}
	return r.h.Pull(ctx, id, after, limit)
}

func (r cutRemote) Fetch(ctx context.Context, id string, refs []app.HubChange) ([]app.HubRecord, error) {
	if r.c.next("hub: fetch") {
		r.c.kill()
	}
	return r.h.Fetch(ctx, id, refs)
}

func (r cutRemote) Push(ctx context.Context, id, name string, recs []app.HubRecord) ([]app.HubRecord, int, error) {
	if r.c.next(fmt.Sprintf("hub: push of %d", len(recs))) {
		if len(recs) > 1 { // in the middle of the batch's transaction
			hub.SetPushHook(func(i int) error {
				if i == len(recs)/2 {
					r.c.kill()
				}
				return nil
			})
			defer hub.SetPushHook(nil)
		} else {
			r.c.kill()
		}
	}
	return r.h.Push(ctx, id, name, recs)
}

type cutLocal struct {
	c *cutter
	*db.Store
}

// around runs a local step, cut before or after it as the cutter says.
func (l cutLocal) around(what string, fn func() error) error {
	if !l.c.next("project: " + what) {
		return fn()
	}
	if !l.c.after {
		return errCrash
	}
	if err := fn(); err != nil {
		return err
	}
	return errCrash
}

func (l cutLocal) ApplyHubPull(ctx context.Context, place app.HubPlace, recs []app.HubRecord, upTo int64, opt app.HubSyncOptions) (rep app.HubSyncReport, err error) {
	err = l.around("apply pull", func() error {
		rep, err = l.Store.ApplyHubPull(ctx, place, recs, upTo, opt)
		return err
	})
	return rep, err
}

func (l cutLocal) MarkHubSent(ctx context.Context, place app.HubPlace, sent []app.HubRecord) error {
	return l.around("mark sent", func() error { return l.Store.MarkHubSent(ctx, place, sent) })
}

func (l cutLocal) FinishHubSync(ctx context.Context, place app.HubPlace, sent, received int) (at time.Time, err error) {
	err = l.around("finish", func() error {
		at, err = l.Store.FinishHubSync(ctx, place, sent, received)
		return err
	})
	return at, err
}

// A sync cut at each of its steps in turn, each kind of cut in turn, over rounds of random changes
// on two projects: the next syncs always finish the job, both projects and the hub agree,
// and a further sync changes nothing.
func TestSyncResumesAfterCuts(t *testing.T) {
	ctx := context.Background()
	tm := newTeam(t)
	a, b := newProject(t), newProject(t)
	rng := rand.New(rand.NewSource(14))
	own := map[*db.Store][]app.Actor{}
	change := func(s *db.Store, who string, round int) {
		for i := 0; i < 1+rng.Intn(4); i++ {
			own[s] = append(own[s], mustActor(t, s, fmt.Sprintf("%s's contact %d-%d", who, round, i), app.Person))
		}
		if l := own[s]; len(l) > 2 {
			x := l[rng.Intn(len(l)-1)]
			got, err := s.Actor(ctx, x.ID)
			if err != nil {
				t.Fatal(err)
			}
			got.Description = fmt.Sprintf("seen in round %d", round)
			if _, err := s.UpdateActor(ctx, got); err != nil {
				t.Fatal(err)
			}
			if rng.Intn(2) == 0 {
				y := l[len(l)-1]
				if err := s.DeleteActor(ctx, y.ID); err != nil {
					t.Fatal(err)
				}
				own[s] = l[:len(l)-1]
			}
		}
	}
	cuts := 0
	kinds := map[string]bool{}
	for round := 0; round < 30; round++ {
		change(a, "ayse", round)
		change(b, "bruno", round)
		for i, p := range []struct {
			s    *db.Store
			user string
		}{{a, "ayse"}, {b, "bruno"}} {
			// Every step in turn (a sync here has up to about nine), each cut once before
			// and once after its commit.
			c := &cutter{t: t, tm: tm, user: p.user, at: 1 + (round+i)%9, after: (round/9)%2 == 1}
			h, err := hub.Connect(ctx, tm.url(p.user))
			if err != nil {
				t.Fatal(err)
			}
			_, err = teamsync.Sync(ctx, cutLocal{c, p.s}, cutRemote{c, h}, tm.place(p.user), app.HubSyncOptions{Batch: 2, Page: 3})
			h.Close(ctx)
			if c.cutDid != "" {
				cuts++
				kinds[fmt.Sprintf("%s/%v", strings.Fields(c.cutDid)[1], c.after)] = true
				t.Logf("round %d, %s: cut at %s (after the commit: %v): %v", round, p.user, c.cutDid, c.after, err)
				if err == nil {
					t.Errorf("round %d: cut at %s, yet the sync said nothing", round, c.cutDid)
				}
			} else if err != nil {
				t.Fatalf("round %d: an uncut sync failed: %v", round, err)
			}
		}
		for _, p := range []struct {
			s    *db.Store
			user string
		}{{a, "ayse"}, {b, "bruno"}, {a, "ayse"}} {
			tm.mustSync(t, p.s, p.user)
		}
		tm.agree(t, a, b)
		tm.quiet(t, a, "ayse")
		tm.quiet(t, b, "bruno")
		if t.Failed() {
			t.Fatalf("round %d", round)
		}
		// So that ayse has something to take in at the next round too.
		change(b, "bruno", 100+round)
		tm.mustSync(t, b, "bruno")
	}
	if cuts < 20 {
		t.Errorf("only %d syncs were cut: the test should cut most", cuts)
	}
	// Every kind of cut happened, before and after the commit of the step.
	for _, k := range []string{"collection", "pull", "push", "apply", "mark", "finish"} {
		for _, after := range []bool{false, true} {
			if (k == "pull" || k == "collection") && after {
				continue // a hub read has no commit
			}
			if !kinds[fmt.Sprintf("%s/%v", k, after)] {
				t.Errorf("no sync was cut at %s (after its commit: %v): %v", k, after, kinds)
			}
		}
	}
}
