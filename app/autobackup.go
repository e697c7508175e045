package app

import (
	"context"
	"sync"
	"time"
)

// Timer is a call scheduled for later that can be stopped (*time.Timer is one).
type Timer interface{ Stop() bool }

// AfterFunc schedules f to run on its own goroutine after d (time.AfterFunc); tests pass
// a fake that fires when they say.
type AfterFunc func(d time.Duration, f func()) Timer

// RealAfterFunc is AfterFunc on the system clock.
func RealAfterFunc(d time.Duration, f func()) Timer { return time.AfterFunc(d, f) }

// DefaultBackupIdle is how long the project must go unchanged before it is backed up.
const DefaultBackupIdle = 3 * time.Minute

// AutoBackup decides when the window backs its project up: once it has gone unchanged
// for the idle time after a change, and once more when it closes if it changed since the
// last backup. It never runs two backups at once, and never runs one on the caller's
// goroutine except at Close: the idle backup runs on the timer's goroutine. It knows
// nothing of files: backup does the work (and rotation after it) and reports.
type AutoBackup struct {
	afterFunc AfterFunc
	backup    func(ctx context.Context) error

	mu      sync.Mutex
	idle    time.Duration
	enabled bool
	dirty   bool          // changed since the last backup began
	running chan struct{} // closed when the backup under way ends; nil when none is
	timer   Timer
	closed  bool
	ctx     context.Context // for idle backups; cancelled by Close's deadline
	cancel  context.CancelFunc
}

// NewAutoBackup returns a scheduler that calls backup after idle without a change
// (enabled; see SetEnabled). A project opened with no change yet is not backed up.
func NewAutoBackup(idle time.Duration, afterFunc AfterFunc, backup func(ctx context.Context) error) *AutoBackup {
	ctx, cancel := context.WithCancel(context.Background())
	return &AutoBackup{afterFunc: afterFunc, backup: backup, idle: idle, enabled: true, ctx: ctx, cancel: cancel}
}

// SetIdle changes the idle time; it counts from the next change.
func (a *AutoBackup) SetIdle(d time.Duration) {
	a.mu.Lock()
	defer a.mu.Unlock()
	if d > 0 {
		a.idle = d
	}
}

// SetEnabled turns automatic backups on or off. Turned on with changes not yet backed
// up, the idle time starts again.
func (a *AutoBackup) SetEnabled(on bool) {
	a.mu.Lock()
	defer a.mu.Unlock()
	a.enabled = on
	a.stopTimer()
	if on && a.dirty {
		a.arm()
	}
}

// Changed says the project was written to: the idle time starts again. Any goroutine.
func (a *AutoBackup) Changed() {
	a.mu.Lock()
	defer a.mu.Unlock()
	if a.closed {
		return
	}
	a.dirty = true
	a.stopTimer()
	if a.enabled {
		a.arm()
	}
}

// Pending says whether the project has changed since the last backup began.
func (a *AutoBackup) Pending() bool {
	a.mu.Lock()
	defer a.mu.Unlock()
	return a.dirty
}

// arm starts the idle timer; a.mu is held.
func (a *AutoBackup) arm() {
	a.timer = a.afterFunc(a.idle, a.fire)
}

func (a *AutoBackup) stopTimer() {
	if a.timer != nil {
		a.timer.Stop()
		a.timer = nil
	}
}

// fire is the idle timer's call: back up now, unless one is under way (its end arms the
// timer again when there are changes it did not take).
func (a *AutoBackup) fire() {
	a.mu.Lock()
	a.timer = nil // fired: a backup under way re-arms it at its end when needed
	if a.closed || !a.enabled || !a.dirty || a.running != nil {
		a.mu.Unlock()
		return
	}
	done := a.start()
	a.mu.Unlock()
	a.run(a.ctx, done)
}

// start marks a backup as under way; a.mu is held.
func (a *AutoBackup) start() chan struct{} {
	a.dirty = false
	a.running = make(chan struct{})
	return a.running
}

// run makes one backup. A failed one leaves the changes pending, tried again after the
// next idle time (a busy project may be free by then).
func (a *AutoBackup) run(ctx context.Context, done chan struct{}) error {
	err := a.backup(ctx)
	a.mu.Lock()
	defer a.mu.Unlock()
	a.running = nil
	close(done)
	if err != nil {
		a.dirty = true
	}
	if a.dirty && a.enabled && !a.closed && a.timer == nil {
		a.arm()
	}
	return err
}

// Close stops the scheduler for good and, when enabled and the project changed since the
// last backup, backs it up one last time on the calling goroutine. It returns by ctx's
// deadline whatever happens: a backup under way is waited for until then, and a backup
// cut short by it returns its error (the partial copy is never given a backup's name).
// The caller closes the window either way; the error is for the log.
func (a *AutoBackup) Close(ctx context.Context) error {
	a.mu.Lock()
	if a.closed {
		a.mu.Unlock()
		return nil
	}
	a.closed = true
	a.stopTimer()
	running := a.running
	a.mu.Unlock()
	defer a.cancel()
	stop := context.AfterFunc(ctx, a.cancel) // the deadline also stops an idle backup under way
	defer stop()
	if running != nil {
		select {
		case <-running:
		case <-ctx.Done():
			return context.Cause(ctx)
		}
	}
	a.mu.Lock()
	if !a.enabled || !a.dirty {
		a.mu.Unlock()
		return nil
	}
	done := a.start()
	a.mu.Unlock()
	return a.run(ctx, done)
}
