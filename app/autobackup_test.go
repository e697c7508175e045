package app

import (
	"context"
	"errors"
	"runtime"
	"sync"
	"testing"
	"time"
)

// fakeTimers stands for the clock: a test fires the scheduled calls when it chooses.
type fakeTimers struct {
	mu     sync.Mutex
	timers []*fakeTimer
}

type fakeTimer struct {
	d       time.Duration
	f       func()
	stopped bool
	fired   bool
}

func (t *fakeTimer) Stop() bool {
	was := !t.stopped && !t.fired
	t.stopped = true
	return was
}

func (ft *fakeTimers) after(d time.Duration, f func()) Timer {
	ft.mu.Lock()
	defer ft.mu.Unlock()
	t := &fakeTimer{d: d, f: f}
	ft.timers = append(ft.timers, t)
	return t
}

// live returns the timers scheduled and neither stopped nor fired.
func (ft *fakeTimers) live() []*fakeTimer {
	ft.mu.Lock()
	defer ft.mu.Unlock()
	var out []*fakeTimer
	for _, t := range ft.timers {
		if !t.stopped && !t.fired {
			out = append(out, t)
		}
	}
	return out
}

// fire runs the one live timer, as time.AfterFunc would when its time comes.
func (ft *fakeTimers) fire(t *testing.T) {
	t.Helper()
	live := ft.live()
	if len(live) != 1 {
		t.Fatalf("%d live timers, want 1", len(live))
	}
	live[0].fired = true
	live[0].f()
}

type counter struct {
	mu   sync.Mutex
	n    int
	err  error
	gate chan struct{} // when not nil, a backup waits on it
}

func (c *counter) backup(ctx context.Context) error {
	c.mu.Lock()
	c.n++
	gate, err := c.gate, c.err
	c.mu.Unlock()
	if gate != nil {
		select {
		case <-gate:
		case <-ctx.Done():
			return ctx.Err()
		}
	}
	return err
}

func (c *counter) count() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.n
}

// TestAutoBackupAfterIdle: nothing is backed up without a change; each change starts the
// idle time again (the earlier timer is stopped); the backup runs when the idle time is
// up, once, and not again until the next change.
func TestAutoBackupAfterIdle(t *testing.T) {
	ft := &fakeTimers{}
	c := &counter{}
	a := NewAutoBackup(3*time.Minute, ft.after, c.backup)
	if len(ft.live()) != 0 {
		t.Fatal("a timer runs before any change")
	}
	a.Changed()
	a.Changed()
	a.Changed()
	live := ft.live()
	if len(live) != 1 || len(ft.timers) != 3 {
		t.Fatalf("after 3 changes: %d live of %d timers, want 1 of 3", len(live), len(ft.timers))
	}
	if live[0].d != 3*time.Minute {
		t.Fatalf("idle time %v, want 3m", live[0].d)
	}
	ft.fire(t)
	if c.count() != 1 || a.Pending() {
		t.Fatalf("after the idle time: %d backups (want 1), pending %v", c.count(), a.Pending())
	}
	if len(ft.live()) != 0 {
		t.Fatal("a timer runs again with no new change")
	}
	a.SetIdle(10 * time.Minute)
	a.Changed()
	if live := ft.live(); len(live) != 1 || live[0].d != 10*time.Minute {
		t.Fatalf("the new idle time is not used: %+v", live)
	}
}

// TestAutoBackupNeverTwoAtOnce: a change made during a backup is not taken by it; its
// timer firing while the backup runs starts no second one, and the end of the first arms
// the timer again for it.
func TestAutoBackupNeverTwoAtOnce(t *testing.T) {
	ft := &fakeTimers{}
	c := &counter{gate: make(chan struct{})}
	a := NewAutoBackup(time.Minute, ft.after, c.backup)
	a.Changed()
	live := ft.live()[0]
	live.fired = true
	ended := make(chan struct{})
	go func() { live.f(); close(ended) }()
	for c.count() == 0 { // the backup has begun (it waits on the gate)
		runtime.Gosched()
	}
	a.Changed()
	ft.fire(t) // the idle time of the second change is up while the first backup runs
	if c.count() != 1 {
		t.Fatalf("%d backups at once, want 1", c.count())
	}
	close(c.gate)
	<-ended
	if !a.Pending() {
		t.Fatal("the change made during the backup is not pending")
	}
	ft.fire(t) // armed again by the end of the first
	if c.count() != 2 || a.Pending() {
		t.Fatalf("after the re-armed timer: %d backups (want 2), pending %v", c.count(), a.Pending())
	}
}

// TestAutoBackupFailureRetries: a failed backup leaves the changes pending and tries
// again after the next idle time.
func TestAutoBackupFailureRetries(t *testing.T) {
	ft := &fakeTimers{}
	c := &counter{err: errors.New("disk full")}
	a := NewAutoBackup(time.Minute, ft.after, c.backup)
	a.Changed()
	ft.fire(t)
	if !a.Pending() {
		t.Fatal("a failed backup cleared the pending changes")
	}
	c.err = nil
	ft.fire(t)
	if c.count() != 2 || a.Pending() {
		t.Fatalf("retry: %d backups (want 2), pending %v", c.count(), a.Pending())
	}
}

// TestAutoBackupOffAndOn: turned off, changes arm nothing and closing backs nothing up;
// turned on again with changes pending, the idle time starts.
func TestAutoBackupOffAndOn(t *testing.T) {
	ft := &fakeTimers{}
	c := &counter{}
	a := NewAutoBackup(time.Minute, ft.after, c.backup)
	a.Changed()
	a.SetEnabled(false)
	if len(ft.live()) != 0 {
		t.Fatal("turning off left a timer running")
	}
	a.Changed()
	if len(ft.live()) != 0 {
		t.Fatal("a change armed a timer while off")
	}
	a.SetEnabled(true)
	ft.fire(t)
	if c.count() != 1 {
		t.Fatalf("%d backups after turning on again, want 1", c.count())
	}
	a.SetEnabled(false)
	a.Changed()
	if err := a.Close(context.Background()); err != nil || c.count() != 1 {
		t.Fatalf("close while off: err %v, %d backups (want 1)", err, c.count())
	}
}

// TestAutoBackupAtClose: closing backs up what changed since the last backup, on the
// caller's goroutine, and nothing when nothing changed; after Close nothing is scheduled.
func TestAutoBackupAtClose(t *testing.T) {
	ft := &fakeTimers{}
	c := &counter{}
	a := NewAutoBackup(time.Minute, ft.after, c.backup)
	if err := a.Close(context.Background()); err != nil || c.count() != 0 {
		t.Fatalf("close with no change: err %v, %d backups", err, c.count())
	}

	b := NewAutoBackup(time.Minute, ft.after, c.backup)
	b.Changed()
	if err := b.Close(context.Background()); err != nil || c.count() != 1 {
		t.Fatalf("close with a change: err %v, %d backups (want 1)", err, c.count())
	}
	if len(ft.live()) != 0 {
		t.Fatal("a timer still runs after Close")
	}
	b.Changed()
	if len(ft.live()) != 0 || b.Close(context.Background()) != nil || c.count() != 1 {
		t.Fatal("a change after Close scheduled or made a backup")
	}
}

// TestAutoBackupCloseIsBounded: a backup that does not end (a stuck disk) does not hold
// the close past its deadline: Close returns the error, for the log.
func TestAutoBackupCloseIsBounded(t *testing.T) {
	ft := &fakeTimers{}
	c := &counter{gate: make(chan struct{})} // never opened: the backup runs until cancelled
	a := NewAutoBackup(time.Minute, ft.after, c.backup)
	a.Changed()
	ctx, cancel := context.WithCancel(context.Background())
	cancel() // the deadline has passed
	if err := a.Close(ctx); err == nil {
		t.Fatal("a backup cut short at close reported no error")
	}

	// A backup under way when the window closes: waited for until the deadline.
	ft2 := &fakeTimers{}
	c2 := &counter{gate: make(chan struct{})}
	b := NewAutoBackup(time.Minute, ft2.after, c2.backup)
	b.Changed()
	live := ft2.live()[0]
	live.fired = true
	go live.f()
	for c2.count() == 0 {
		runtime.Gosched()
	}
	if err := b.Close(ctx); !errors.Is(err, context.Canceled) {
		t.Fatalf("close during a stuck backup: %v, want the deadline's error", err)
	}
}
