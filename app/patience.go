package app

import (
	"context"
	"time"
)

// DefaultWait is how long a write waits, by default, for another program's write to the
// same project to end before it gives up with ETRYAGAIN. Imports from scripts run beside
// the window take turns with it; a minute covers any batch of theirs.
const DefaultWait = 60 * time.Second

// WaitNotice is how long a write waits quietly before it tells the user it is waiting.
const WaitNotice = time.Second

// Patience says how long a write waits for its turn and whom to tell that it waits.
type Patience struct {
	// Wait is the longest a write waits for its turn; 0 means DefaultWait.
	Wait time.Duration
	// Waiting, if set, is called with true once a write has waited WaitNotice, and with
	// false when that write got its turn or gave up. It may be called from any goroutine.
	Waiting func(waiting bool)
}

type patienceKey struct{}

// WithPatience returns ctx carrying p: the project's writes made with it wait as p says.
func WithPatience(ctx context.Context, p Patience) context.Context {
	return context.WithValue(ctx, patienceKey{}, p)
}

// PatienceOf returns the patience ctx carries, with Wait filled in, and whether ctx
// carries one.
func PatienceOf(ctx context.Context) (Patience, bool) {
	p, ok := ctx.Value(patienceKey{}).(Patience)
	if p.Wait <= 0 {
		p.Wait = DefaultWait
	}
	return p, ok
}
