package app

import (
	"context"
	"strings"
	"sync"
	"testing"
	"time"
)

// fakeSync is a hub sync a test steers: each call takes the next outcome (the last
// repeats) and is recorded with the conflict choice it was given.
type fakeSync struct {
	mu       sync.Mutex
	outcomes []SyncOutcome
	choices  []ConflictChoice
	active   int
	most     int           // the most syncs seen running at once
	during   func()        // run inside a sync, once
	gate     chan struct{} // when not nil, a sync waits on it
	ctxErr   error         // the context's error a sync saw when it ended
}

func (f *fakeSync) sync(ctx context.Context, choice ConflictChoice) SyncOutcome {
	f.mu.Lock()
	f.active++
	f.most = max(f.most, f.active)
	f.choices = append(f.choices, choice)
	out := f.outcomes[min(len(f.choices), len(f.outcomes))-1]
	during, gate := f.during, f.gate
	f.during = nil
	f.mu.Unlock()
	if during != nil {
		during()
	}
	if gate != nil {
		select {
		case <-gate:
		case <-ctx.Done():
		}
	}
	f.mu.Lock()
	f.active--
	f.ctxErr = ctx.Err()
	f.mu.Unlock()
	return out
}

func (f *fakeSync) calls() []ConflictChoice {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]ConflictChoice(nil), f.choices...)
}

// syncRig is an AutoSync on fake timers and a fake clock, running asked syncs inline.
type syncRig struct {
	ft      *fakeTimers
	now     time.Time
	fs      *fakeSync
	reports []AutoSyncStatus
	a       *AutoSync
}

func newSyncRig(t *testing.T, enabled bool, outcomes ...SyncOutcome) *syncRig {
	r := &syncRig{ft: &fakeTimers{}, now: time.Date(2026, 12, 3, 14, 5, 0, 0, time.Local), fs: &fakeSync{outcomes: outcomes}}
	r.a = NewAutoSync(AutoSyncConfig{
		After:  r.ft.after,
		Now:    func() time.Time { return r.now },
		Go:     func(f func()) { f() },
		Sync:   r.fs.sync,
		Report: func(s AutoSyncStatus) { r.reports = append(r.reports, s) },
	}, enabled)
	return r
}

// next fires the one live timer after checking it was set for want, moving the clock.
func (r *syncRig) next(t *testing.T, want time.Duration) {
	t.Helper()
	live := r.ft.live()
	if len(live) != 1 {
		t.Fatalf("%d live timers, want 1", len(live))
	}
	if live[0].d != want {
		t.Fatalf("the next sync is set for %v, want %v", live[0].d, want)
	}
	r.now = r.now.Add(want)
	r.ft.fire(t)
}

var hubDown = Errorf(ELOCKED, "Hub unreachable: connection refused")

// TestAutoSyncBackoff: while the hub cannot be reached, each try waits longer (30 s, 1, 2,
// 4, 8, 15 min, then 15 min again); a local change does not hasten the next try; the
// status says since when the hub is out of reach and when the next try is; once it is
// back, the waits start again from the interval.
func TestAutoSyncBackoff(t *testing.T) {
	r := newSyncRig(t, true, SyncOutcome{Err: hubDown})
	start := r.now
	r.next(t, DefaultSyncInterval)
	for i, want := range []time.Duration{30 * time.Second, time.Minute, 2 * time.Minute, 4 * time.Minute, 8 * time.Minute, 15 * time.Minute, 15 * time.Minute} {
		s := r.a.Status()
		if s.State != SyncOffline || !s.Since.Equal(start.Add(DefaultSyncInterval)) || !s.Next.Equal(r.now.Add(want)) {
			t.Fatalf("after failure %d: %+v", i+1, s)
		}
		if i == 2 {
			wantText := "Team: offline since 14:07, retrying at " + r.now.Add(want).Format("15:04")
			if s.Text() != wantText {
				t.Fatalf("status %q, want %q", s.Text(), wantText)
			}
		}
		r.a.Changed()
		r.next(t, want)
	}
	r.fs.mu.Lock()
	r.fs.outcomes = append(r.fs.outcomes[:0], SyncOutcome{At: r.now.Add(15 * time.Minute), Sent: 2})
	r.fs.mu.Unlock()
	r.next(t, 15*time.Minute)
	if s := r.a.Status(); s.State != SyncDone || s.Text() != "Team: synced "+r.now.Format("15:04")+" — 2 sent, 0 received" {
		t.Fatalf("back online: %+v %q", s, s.Text())
	}
	r.next(t, DefaultSyncInterval)
	r.a.Changed()
	r.next(t, DefaultSyncSettle) // no back-off any more
}

// TestAutoSyncNoOverlap: a sync asked for, a change and a timer firing while a sync runs
// start no second one at once; the one asked runs when the first ends, with the choice
// it was asked with. With real goroutines too.
func TestAutoSyncNoOverlap(t *testing.T) {
	r := newSyncRig(t, true, SyncOutcome{})
	r.fs.during = func() {
		r.a.SyncNow(TakeTheirs)
		r.a.Changed()
		r.a.fire() // a timer left over fires
		r.a.SyncNow(KeepMine)
	}
	r.a.SyncNow("")
	if got := r.fs.calls(); len(got) != 2 || got[0] != "" || got[1] != KeepMine {
		t.Fatalf("syncs run %q, want [\"\" mine]", got)
	}
	if r.fs.most != 1 {
		t.Fatalf("%d syncs ran at once", r.fs.most)
	}

	// Goroutines: three asks while one runs make one more sync, never two at once.
	fs := &fakeSync{outcomes: []SyncOutcome{{}}, gate: make(chan struct{})}
	done := make(chan AutoSyncStatus, 10)
	a := NewAutoSync(AutoSyncConfig{After: (&fakeTimers{}).after, Sync: fs.sync, Report: func(s AutoSyncStatus) {
		if s.State != SyncRunning {
			done <- s
		}
	}}, true)
	a.SyncNow("")
	for range 3 {
		a.SyncNow("")
	}
	close(fs.gate)
	<-done
	<-done
	if got := fs.calls(); len(got) != 2 || fs.most != 1 {
		t.Fatalf("%d syncs, %d at once; want 2, 1", len(got), fs.most)
	}
}

// TestAutoSyncAfterChanges: a change schedules a sync after the settle time, each later
// change starting it again; after the sync the interval takes over; a change made while
// a sync runs is sent by the next one, after the settle time.
func TestAutoSyncAfterChanges(t *testing.T) {
	r := newSyncRig(t, true, SyncOutcome{At: time.Now(), Sent: 1})
	r.a.Changed()
	r.a.Changed()
	if n := len(r.ft.timers); n != 3 { // the interval's, then one per change
		t.Fatalf("%d timers set, want 3", n)
	}
	r.next(t, DefaultSyncSettle)
	if len(r.fs.calls()) != 1 {
		t.Fatal("no sync after the changes settled")
	}
	r.next(t, DefaultSyncInterval)
	r.fs.during = r.a.Changed
	r.next(t, DefaultSyncInterval)
	r.next(t, DefaultSyncSettle)
	if got := r.fs.calls(); len(got) != 4 {
		t.Fatalf("%d syncs, want 4", len(got))
	}
	for _, c := range r.fs.calls() {
		if c != "" {
			t.Fatalf("a scheduled sync settled conflicts with %q", c)
		}
	}
}

// TestAutoSyncConflictsWait: conflicts are said, never settled by a scheduled sync, and
// the syncs go on at the interval (no back-off: the hub answered).
func TestAutoSyncConflictsWait(t *testing.T) {
	r := newSyncRig(t, true, SyncOutcome{Conflicts: 3, Err: Errorf(ECONFLICT, "3 conflicts")})
	r.next(t, DefaultSyncInterval)
	if got := r.a.Status().Text(); got != "Team: 3 conflicts to review" {
		t.Fatalf("status %q", got)
	}
	r.next(t, DefaultSyncInterval)
	r.a.Changed()
	r.next(t, DefaultSyncSettle)
	for _, c := range r.fs.calls() {
		if c != "" {
			t.Fatalf("conflicts were settled with %q without being asked", c)
		}
	}
}

// TestAutoSyncStop: after Stop (disconnected) nothing is scheduled, asked or reported;
// a sync under way is cut and its end schedules nothing.
func TestAutoSyncStop(t *testing.T) {
	r := newSyncRig(t, true, SyncOutcome{})
	r.fs.during = func() { r.a.Stop() }
	r.a.Changed()
	r.next(t, DefaultSyncSettle)
	if r.fs.ctxErr == nil {
		t.Fatal("the sync under way was not cut")
	}
	n := len(r.reports)
	r.a.Changed()
	r.a.SyncNow("")
	r.a.SetEnabled(true)
	if len(r.ft.live()) != 0 || len(r.fs.calls()) != 1 || len(r.reports) != n {
		t.Fatalf("after Stop: %d live timers, %d syncs, %d reports (want 0, 1, %d)", len(r.ft.live()), len(r.fs.calls()), len(r.reports), n)
	}
	if r.reports[n-1].State != SyncRunning {
		t.Fatalf("the cut sync's end was reported: %+v", r.reports[n-1])
	}
}

// TestAutoSyncOff: with scheduled syncs off nothing is scheduled and the status says so;
// Sync now still syncs; turned on again, a sync follows soon.
func TestAutoSyncOff(t *testing.T) {
	r := newSyncRig(t, false, SyncOutcome{At: time.Now()})
	if len(r.ft.live()) != 0 || r.a.Status().Text() != "Team: automatic sync is off" {
		t.Fatalf("off: %d live timers, %q", len(r.ft.live()), r.a.Status().Text())
	}
	r.a.Changed()
	if len(r.ft.live()) != 0 {
		t.Fatal("a change scheduled a sync with automatic sync off")
	}
	r.a.SyncNow("")
	if len(r.fs.calls()) != 1 || len(r.ft.live()) != 0 || !strings.HasSuffix(r.a.Status().Text(), "; automatic sync is off") {
		t.Fatalf("Sync now with automatic sync off: %d syncs, %d timers, %q", len(r.fs.calls()), len(r.ft.live()), r.a.Status().Text())
	}
	r.a.SetEnabled(true)
	r.next(t, DefaultSyncSettle)
	r.a.SetEnabled(false)
	if len(r.ft.live()) != 0 || r.a.Status().State != SyncOff {
		t.Fatalf("turned off: %d live timers, %+v", len(r.ft.live()), r.a.Status())
	}
}

// TestAutoSyncStatusTexts: every state has its own line, each starting "Team: ".
func TestAutoSyncStatusTexts(t *testing.T) {
	at := time.Date(2026, 12, 3, 14, 2, 0, 0, time.Local)
	seen := map[string]SyncState{}
	for st := SyncConnected; st <= SyncOff; st++ {
		text := AutoSyncStatus{State: st, At: at, Since: at, Next: at.Add(time.Minute), Conflicts: 2, Message: "No."}.Text()
		if !strings.HasPrefix(text, "Team: ") {
			t.Errorf("state %d: %q", st, text)
		}
		if other, dup := seen[text]; dup {
			t.Errorf("states %d and %d both say %q", other, st, text)
		}
		seen[text] = st
	}
	if got := (AutoSyncStatus{State: SyncDone, At: at}).Text(); got != "Team: synced 14:02" {
		t.Errorf("synced: %q", got)
	}
}
