package app

import (
	"context"
	"fmt"
	"sync"
	"time"
)

// AutoSync decides when the window syncs its project with the team's hub on its own: a
// short while after local changes settle, at an interval to take in colleagues' changes,
// and, when the hub cannot be reached, again after a growing back-off. It never runs two
// syncs at once and never runs one on the caller's goroutine: scheduled syncs run on the
// timer's goroutine, asked ones through Go. It knows nothing of hubs: Sync does the work
// and says how it went; Report is told every change of status.
type AutoSync struct {
	cfg AutoSyncConfig

	mu       sync.Mutex
	enabled  bool // scheduled syncs on (asked ones run either way)
	stopped  bool
	running  bool
	asked    bool           // a sync was asked while one ran: run it when that one ends
	choice   ConflictChoice // what the asked sync settles conflicts with
	changed  bool           // a local change came while a sync ran
	timer    Timer
	failures int           // failed syncs in a row
	held     bool          // the hub refused what only the researcher can fix: no retry until asked
	wait     time.Duration // after the last of them: the back-off before the next try
	status   AutoSyncStatus
	ctx      context.Context // cancelled by Stop: a sync under way is cut (sync is resumable)
	cancel   context.CancelFunc
}

// AutoSyncConfig is what an AutoSync runs on. Zero durations take the defaults.
type AutoSyncConfig struct {
	After AfterFunc        // the clock's timers
	Now   func() time.Time // the clock's time, for the status
	// Go runs an asked sync off the caller's goroutine (nil: a new goroutine).
	Go func(func())
	// Sync syncs once, settling conflicts with choice ("" refuses them: listed, nothing written).
	Sync func(ctx context.Context, choice ConflictChoice) SyncOutcome
	// Report is told each new status; it must not call the AutoSync back (it runs under its lock).
	Report   func(AutoSyncStatus)
	Settle   time.Duration   // quiet time after a local change before sending it
	Interval time.Duration   // time between syncs that take in colleagues' changes
	Backoff  []time.Duration // waits after 1, 2, … failures in a row; the last repeats
}

// The automatic sync's defaults.
const (
	DefaultSyncSettle   = 15 * time.Second
	DefaultSyncInterval = 2 * time.Minute
)

// DefaultSyncBackoff is how long the automatic sync waits after 1, 2, … failed syncs in
// a row (the last repeats): a hub out of reach is not hammered, and one back is found
// within a quarter of an hour.
var DefaultSyncBackoff = []time.Duration{30 * time.Second, time.Minute, 2 * time.Minute, 4 * time.Minute, 8 * time.Minute, 15 * time.Minute}

// SyncOutcome is how one sync went.
type SyncOutcome struct {
	At             time.Time
	Sent, Received int
	Conflicts      int   // records changed on both sides, waiting for review (nothing written)
	Err            error // nil; ELOCKED when the hub could not be reached; else what it refused
	// Stale counts the changes the hub refused because its record changed meanwhile;
	// Subscribed says the project takes part of the collection (then syncing again may
	// not help: see StaleText).
	Stale      int
	Subscribed bool
}

// SyncState is where the automatic sync stands.
type SyncState int

// The states of the automatic sync.
const (
	SyncConnected SyncState = iota // connected, not synced yet
	SyncRunning
	SyncDone
	SyncConflicts
	SyncOffline // the hub could not be reached
	SyncFailed  // the hub refused (rights, password, …); Next zero: no retry is scheduled
	SyncOff     // scheduled syncs turned off
)

// AutoSyncStatus is what the status bar says about syncing.
type AutoSyncStatus struct {
	State          SyncState
	At             time.Time // the last sync that went through (zero: none this session)
	Sent, Received int       // and what it moved
	Since          time.Time // offline or failing since
	Next           time.Time // offline or failed: when the next try is
	Conflicts      int
	Message        string // failed: why
	Stale          int    // done: changes the hub refused as stale (SyncOutcome)
	Subscribed     bool
}

// StaleTakeAll is the window's way for a subscribed project to take the whole collection.
const StaleTakeAll = "choose Everything in File ▸ Team ▸ Subscriptions…"

// Text is the status bar's line: "Team: synced 14:02", "Team: offline since 14:05,
// retrying at 14:07", "Team: 3 conflicts to review", "Team: syncing…". The times are
// the clock's own, so the line stays true without being redrawn each minute.
func (s AutoSyncStatus) Text() string {
	hm := func(t time.Time) string { return t.Local().Format("15:04") }
	switch s.State {
	case SyncRunning:
		return "Team: syncing…"
	case SyncDone:
		t := "Team: synced " + hm(s.At)
		if s.Sent > 0 || s.Received > 0 {
			t += fmt.Sprintf(" — %d sent, %d received", s.Sent, s.Received)
		}
		return t + s.staleText()
	case SyncConflicts:
		if s.Conflicts == 1 {
			return "Team: 1 conflict to review"
		}
		return fmt.Sprintf("Team: %d conflicts to review", s.Conflicts)
	case SyncOffline:
		if s.Next.IsZero() {
			return fmt.Sprintf("Team: offline since %s; automatic sync is off", hm(s.Since))
		}
		return fmt.Sprintf("Team: offline since %s, retrying at %s", hm(s.Since), hm(s.Next))
	case SyncFailed:
		if s.Next.IsZero() {
			return "Team: not synced — " + s.Message + " Automatic sync waits: File ▸ Team ▸ Connect…"
		}
		return fmt.Sprintf("Team: not synced — %s Retrying at %s.", s.Message, hm(s.Next))
	case SyncOff:
		if !s.At.IsZero() {
			return "Team: synced " + hm(s.At) + "; automatic sync is off" + s.staleText()
		}
		return "Team: automatic sync is off"
	}
	return "Team: connected"
}

// staleText is what the status line adds about changes the hub refused ("" for none).
func (s AutoSyncStatus) staleText() string {
	if s.Stale == 0 {
		return ""
	}
	return "; " + StaleText(s.Stale, s.Subscribed, StaleTakeAll)
}

// NewAutoSync returns a scheduler for a hub just connected, its scheduled syncs on or off
// (SetEnabled). Nothing runs until a change, SyncNow, or the interval.
func NewAutoSync(cfg AutoSyncConfig, enabled bool) *AutoSync {
	if cfg.Settle <= 0 {
		cfg.Settle = DefaultSyncSettle
	}
	if cfg.Interval <= 0 {
		cfg.Interval = DefaultSyncInterval
	}
	if len(cfg.Backoff) == 0 {
		cfg.Backoff = DefaultSyncBackoff
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	if cfg.Go == nil {
		cfg.Go = func(f func()) { go f() }
	}
	ctx, cancel := context.WithCancel(context.Background())
	a := &AutoSync{cfg: cfg, enabled: enabled, ctx: ctx, cancel: cancel}
	a.mu.Lock()
	defer a.mu.Unlock()
	if enabled {
		a.arm(cfg.Interval)
	} else {
		a.set(AutoSyncStatus{State: SyncOff})
	}
	return a
}

// Status is the status last reported.
func (a *AutoSync) Status() AutoSyncStatus {
	a.mu.Lock()
	defer a.mu.Unlock()
	return a.status
}

// Enabled says whether scheduled syncs are on.
func (a *AutoSync) Enabled() bool {
	a.mu.Lock()
	defer a.mu.Unlock()
	return a.enabled
}

// Changed says the project was written to: a sync follows once changes settle. While the
// hub is out of reach the back-off's next try stands (a change does not hasten it). Any
// goroutine.
func (a *AutoSync) Changed() {
	a.mu.Lock()
	defer a.mu.Unlock()
	if a.stopped || !a.enabled {
		return
	}
	if a.running {
		a.changed = true
		return
	}
	if a.failures > 0 || a.held {
		return
	}
	a.arm(a.cfg.Settle)
}

// SyncNow syncs at once (off the caller's goroutine), settling conflicts with choice; if
// a sync is under way, right after it. It runs with scheduled syncs off too.
func (a *AutoSync) SyncNow(choice ConflictChoice) {
	a.mu.Lock()
	if a.stopped || a.running {
		if a.running {
			a.asked, a.choice = true, choice
		}
		a.mu.Unlock()
		return
	}
	a.stopTimer()
	a.start()
	a.mu.Unlock()
	a.cfg.Go(func() { a.run(choice) })
}

// SetEnabled turns scheduled syncs on (one runs soon) or off (none is scheduled; a sync
// under way ends).
func (a *AutoSync) SetEnabled(on bool) {
	a.mu.Lock()
	defer a.mu.Unlock()
	if a.stopped || a.enabled == on {
		return
	}
	a.enabled = on
	a.stopTimer()
	if on {
		a.failures = 0
		if !a.running {
			a.arm(a.cfg.Settle)
		}
		return
	}
	if !a.running {
		s := a.status
		s.State = SyncOff
		a.set(s)
	}
}

// Stop ends the scheduler for good (disconnected, or the project closed): no sync is
// scheduled or reported any more, and one under way is cut (a cut sync is finished by the
// next one).
func (a *AutoSync) Stop() {
	a.mu.Lock()
	defer a.mu.Unlock()
	a.stopped = true
	a.stopTimer()
	a.cancel()
}

// arm schedules the next sync after d, replacing any; a.mu is held.
func (a *AutoSync) arm(d time.Duration) {
	a.stopTimer()
	a.timer = a.cfg.After(d, a.fire)
}

func (a *AutoSync) stopTimer() {
	if a.timer != nil {
		a.timer.Stop()
		a.timer = nil
	}
}

// fire is a timer's call: sync now on this goroutine, unless one is under way (its end
// schedules the next).
func (a *AutoSync) fire() {
	a.mu.Lock()
	a.timer = nil
	if a.stopped || !a.enabled || a.running {
		a.mu.Unlock()
		return
	}
	a.start()
	a.mu.Unlock()
	a.run("")
}

// start marks a sync as under way and says so; a.mu is held.
func (a *AutoSync) start() {
	a.running, a.changed = true, false
	s := a.status
	s.State = SyncRunning
	a.set(s)
}

// run syncs once and schedules what comes next from how it went.
func (a *AutoSync) run(choice ConflictChoice) {
	out := a.cfg.Sync(a.ctx, choice)
	a.mu.Lock()
	a.running = false
	if a.stopped {
		a.mu.Unlock()
		return
	}
	a.set(a.after(out))
	if a.asked {
		a.asked = false
		a.start()
		next := a.choice
		a.mu.Unlock()
		a.cfg.Go(func() { a.run(next) })
		return
	}
	switch {
	case !a.enabled, a.held:
	case a.failures > 0:
		a.arm(a.wait)
	case a.changed:
		a.arm(a.cfg.Settle)
	default:
		a.arm(a.cfg.Interval)
	}
	a.mu.Unlock()
}

// after is the status a sync's outcome leads to, counting failures in a row; a.mu is held.
func (a *AutoSync) after(out SyncOutcome) AutoSyncStatus {
	s := a.status
	a.held = false
	if out.Err == nil || out.Conflicts > 0 {
		a.failures = 0
		s = AutoSyncStatus{State: SyncDone, At: out.At, Sent: out.Sent, Received: out.Received, Stale: out.Stale, Subscribed: out.Subscribed}
		if out.Conflicts > 0 {
			s = AutoSyncStatus{State: SyncConflicts, At: a.status.At, Conflicts: out.Conflicts}
		}
		if !a.enabled && s.State == SyncDone {
			s.State = SyncOff
		}
		return s
	}
	now := a.cfg.Now()
	if a.failures == 0 {
		s.Since = now
	}
	a.failures++
	a.wait = a.cfg.Backoff[min(a.failures, len(a.cfg.Backoff))-1]
	s.Next = time.Time{} // scheduled syncs off: no retry comes
	if a.enabled {
		s.Next = now.Add(a.wait)
	}
	s.State, s.Message = SyncFailed, ErrorMessage(out.Err)
	if IsCode(out.Err, ELOCKED) {
		s.State, s.Message = SyncOffline, ""
	}
	if IsCode(out.Err, EINVALID) {
		// A refused password or a wrong address: trying again changes nothing, and a
		// server may lock out a name that keeps failing. Scheduled syncs wait for the
		// researcher (Sync now, or Connect… again).
		a.held, s.Next = true, time.Time{}
	}
	return s
}

// set keeps s as the status and reports it; a.mu is held.
func (a *AutoSync) set(s AutoSyncStatus) {
	a.status = s
	if a.cfg.Report != nil {
		a.cfg.Report(s)
	}
}
