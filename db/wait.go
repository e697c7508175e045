package db

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"dossier/app"
)

// Writers take turns. SQLite lets one connection write at a time; another that wants to
// write waits in its busy handler for busy_timeout (200 ms: see dsn), then gets
// SQLITE_BUSY. A timeout long enough for any import would leave the user staring at
// nothing and deaf to Ctrl+C, so a write instead tries again, each try waiting
// busy_timeout, until its patience (app.Patience, carried by ctx) runs out, telling the
// user once it has waited app.WaitNotice. A write whose patience runs out is refused with
// ELOCKED, which says to try again (exit code 75 in the batch interface).

// retryPause is the pause between two tries when SQLite gave up at once rather than after
// busy_timeout (it does, for instance, while another connection recovers the WAL).
const retryPause = 50 * time.Millisecond

// waiter is one write's wait for its turn.
type waiter struct {
	p     app.Patience
	start time.Time
	told  bool
}

// newWaiter starts a wait with ctx's patience, or else def (the patience the Store was
// opened with: a batch command sets it once, at open).
func newWaiter(ctx context.Context, def app.Patience) *waiter {
	p, ok := app.PatienceOf(ctx)
	if !ok {
		p = def
	}
	if p.Wait <= 0 {
		p.Wait = app.DefaultWait
	}
	return &waiter{p: p, start: time.Now()}
}

// again is called after a try that found the project busy (err). It returns nil when
// the write should try again, or the error to give up with.
func (w *waiter) again(stop <-chan struct{}, path string, err error) error {
	waited := time.Since(w.start)
	if waited >= w.p.Wait {
		w.end()
		return busyError(path, w.p.Wait, err)
	}
	if waited >= app.WaitNotice && !w.told {
		w.told = true
		if w.p.Waiting != nil {
			w.p.Waiting(true)
		}
	}
	t := time.NewTimer(retryPause)
	defer t.Stop()
	select {
	case <-stop:
		w.end()
		return context.Canceled
	case <-t.C:
		return nil
	}
}

// end tells the user the wait is over, if they were told it began.
func (w *waiter) end() {
	if w.told && w.p.Waiting != nil {
		w.p.Waiting(false)
	}
	w.told = false
}

// busyError is the refusal of a write that waited its whole patience.
func busyError(path string, waited time.Duration, err error) error {
	return &app.Error{Code: app.ELOCKED, Err: err, Message: fmt.Sprintf(
		"%s is busy: another program kept writing to it for %s, so this change was not made. Try again when it has finished.",
		path, waited.Round(time.Second))}
}

// busy reports whether err is SQLite saying another connection holds the lock.
func busy(err error) bool { return app.IsCode(mapError(err), app.ELOCKED) }

// beginWrite begins an immediate (writing) transaction, waiting for its turn as ctx's
// patience allows; a close of stop ends the wait. stop is apart from ctx because an
// import begins its batches with a ctx that ignores the cancel (see importItems).
func (s *Store) beginWrite(ctx context.Context, stop <-chan struct{}) (*sql.Tx, error) {
	w := newWaiter(ctx, s.patience)
	for {
		tx, err := s.db.BeginTx(ctx, nil)
		if err == nil {
			w.end()
			return tx, nil
		}
		if !busy(err) {
			w.end()
			return nil, mapError(err)
		}
		if err := w.again(stop, s.path, err); err != nil {
			return nil, err
		}
	}
}

// execWaiting runs a statement that writes outside a transaction (the open-time lock
// probe), waiting for its turn like beginWrite.
func (s *Store) execWaiting(ctx context.Context, query string) error {
	w := newWaiter(ctx, s.patience)
	for {
		_, err := s.db.ExecContext(ctx, query)
		if err == nil || !busy(err) {
			w.end()
			return err
		}
		if err := w.again(ctx.Done(), s.path, err); err != nil {
			return err
		}
	}
}
