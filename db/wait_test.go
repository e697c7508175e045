package db

import (
	"context"
	"database/sql"
	"errors"
	"iter"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"dossier/app"
	"dossier/app/ingest"
)

// holdWriteLock makes another program (a connection of its own) hold the project's write
// lock until the returned func is called.
func holdWriteLock(t *testing.T, path string) (release func()) {
	t.Helper()
	ctx := context.Background()
	h, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	conn, err := h.Conn(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := conn.ExecContext(ctx, "BEGIN IMMEDIATE"); err != nil {
		t.Fatal(err)
	}
	done := false
	release = func() {
		if !done {
			done = true
			conn.ExecContext(ctx, "ROLLBACK")
			conn.Close()
			h.Close()
		}
	}
	t.Cleanup(release)
	return release
}

// newProject makes a project at a fresh path and closes it.
func newProject(t *testing.T) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "p.dossier")
	s, err := Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	return path
}

// waitWatch is a Patience whose notices arrive on a channel.
func waitWatch(wait time.Duration) (app.Patience, chan bool) {
	ch := make(chan bool, 8)
	return app.Patience{Wait: wait, Waiting: func(w bool) { ch <- w }}, ch
}

// Every way a write begins waits for its turn past the old one-second limit, says so once
// it has waited a second, and goes on as soon as the other writer is done: a transaction
// of a Store method, an import's batch, and the open-time probe.
func TestWritesWaitTheirTurn(t *testing.T) {
	// Each prepares its write (opening the project first where the write is not the open)
	// and returns it.
	open := func(t *testing.T, path string) *Store {
		s, err := Open(context.Background(), path)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { s.Close() })
		return s
	}
	writes := map[string]func(t *testing.T, path string) func(ctx context.Context) error{
		"tx": func(t *testing.T, path string) func(ctx context.Context) error {
			s := open(t, path)
			return func(ctx context.Context) error {
				_, err := s.CreateActor(ctx, app.Actor{Name: "Waited for"})
				return err
			}
		},
		"import": func(t *testing.T, path string) func(ctx context.Context) error {
			s := open(t, path)
			return func(ctx context.Context) error {
				items := iter.Seq[ingest.Item](func(yield func(ingest.Item) bool) {
					yield(ingest.Item{Path: "a.txt", Article: app.Article{Title: "Filed after a wait", Body: "An invented report about a harbour.", Date: "2026-02-01"}})
				})
				sum, err := s.ImportArticles(ctx, items, app.ImportOptions{})
				if err == nil && sum.Filed != 1 {
					err = errors.New("the article was not filed")
				}
				return err
			}
		},
		"open": func(t *testing.T, path string) func(ctx context.Context) error {
			return func(ctx context.Context) error {
				s, err := Open(ctx, path)
				if err == nil {
					s.Close()
				}
				return err
			}
		},
	}
	for name, write := range writes {
		t.Run(name, func(t *testing.T) {
			path := newProject(t)
			do := write(t, path)
			release := holdWriteLock(t, path)
			p, told := waitWatch(time.Minute)
			done := make(chan error, 1)
			go func() { done <- do(app.WithPatience(context.Background(), p)) }()
			select {
			case w := <-told:
				if !w {
					t.Fatal("the first notice said the wait was over")
				}
			case err := <-done:
				t.Fatalf("the write ended without waiting for the other writer: %v", err)
			}
			release()
			if err := <-done; err != nil {
				t.Fatalf("the write failed after its wait: %v", err)
			}
			if w := <-told; w {
				t.Fatal("the end of the wait was not told")
			}
		})
	}
}

// A write that waits its whole patience gives up with ELOCKED, saying it waited.
func TestWriteGivesUpAfterItsPatience(t *testing.T) {
	path := newProject(t)
	s, err := Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	holdWriteLock(t, path)
	p, told := waitWatch(3 * time.Second)
	_, err = s.CreateActor(app.WithPatience(context.Background(), p), app.Actor{Name: "Never filed"})
	wantCode(t, err, app.ELOCKED)
	if msg := app.ErrorMessage(err); !strings.Contains(msg, "kept writing to it for 3s") || !strings.Contains(msg, "Try again") {
		t.Fatalf("message = %q", msg)
	}
	if len(told) != 2 || !<-told || <-told {
		t.Fatal("the wait was not told, or its end was not")
	}
}

// The patience of the ctx a project is opened with lasts for its writes (a batch
// command sets it once): a write with a plain ctx waits as long, and tells the same
// listener, as the open's patience says.
func TestStoreKeepsThePatienceItWasOpenedWith(t *testing.T) {
	path := newProject(t)
	p, told := waitWatch(3 * time.Second)
	s, err := Open(app.WithPatience(context.Background(), p), path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	holdWriteLock(t, path)
	_, err = s.CreateActor(context.Background(), app.Actor{Name: "Never filed"})
	wantCode(t, err, app.ELOCKED)
	if !strings.Contains(app.ErrorMessage(err), "for 3s") || len(told) != 2 {
		t.Fatalf("the write did not wait with the patience the Store was opened with: %q, told %d times", app.ErrorMessage(err), len(told))
	}
}

// Cancelling ends a wait at once.
func TestCancelEndsTheWait(t *testing.T) {
	path := newProject(t)
	s, err := Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	holdWriteLock(t, path)
	p, told := waitWatch(time.Minute)
	ctx, cancel := context.WithCancel(app.WithPatience(context.Background(), p))
	done := make(chan error, 1)
	go func() {
		_, err := s.CreateActor(ctx, app.Actor{Name: "Never filed"})
		done <- err
	}()
	<-told
	cancel()
	if err := <-done; !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v, want context.Canceled", err)
	}
}

// A reader's open does not wait for a writer: OpenToRead opens beside a held write lock
// at once (with no patience at all) and reads; its writes, if any, still wait their turn.
func TestOpenToReadDoesNotWaitForWriters(t *testing.T) {
	path := newProject(t)
	release := holdWriteLock(t, path)
	defer release()
	ctx := app.WithPatience(context.Background(), app.Patience{Wait: time.Nanosecond})
	s, err := OpenToRead(ctx, path)
	if err != nil {
		t.Fatalf("a reader waited for the writer: %v", err)
	}
	defer s.Close()
	if _, err := s.CountActors(ctx, app.ActorQuery{}); err != nil {
		t.Fatal(err)
	}
	_, err = s.CreateActor(ctx, app.Actor{Name: "Needs the lock"})
	wantCode(t, err, app.ELOCKED)
}
