package views

import (
	"context"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"dossier/app"
)

// Other programs write to the open project too: batch commands run by scripts, which the
// window no longer locks out. The window asks the project once a second whether anyone
// else committed (SQLite's data_version, which the window's own writes leave alone) and,
// when someone did, refreshes what it shows: the counts, the list or dossier on screen
// and the open article. Forms and editors are dialogs over the screens and are not
// touched, so what the user is typing stays; a save of a record changed meanwhile is
// refused by the store (ECONFLICT) rather than overwriting the other program's change.

// pollEvery is how often the window asks whether another program changed the project.
// With the refresh itself, a change shows within two seconds.
const pollEvery = time.Second

// versioned is what a project that can tell others' commits offers (*db.Store).
type versioned interface {
	DataVersion(ctx context.Context) (int64, error)
}

// othersPoll is the watch over one open project.
type othersPoll struct {
	st    versioned
	last  int64
	known bool
	stop  context.CancelFunc
}

// watchOthers starts watching the open project for others' commits, ending the watch
// over the project open before. In the headless tests (inline) nothing ticks: they call
// pollOthers themselves.
func (mw *Window) watchOthers() {
	if mw.poll != nil {
		mw.poll.stop()
		mw.poll = nil
	}
	st, ok := unwatched(mw.u.store).(versioned)
	if !ok {
		return
	}
	ctx, stop := context.WithCancel(mw.u.ctx)
	p := &othersPoll{st: st, stop: stop}
	p.check(ctx) // the version the screens were loaded at
	mw.poll = p
	if mw.u.inline {
		return
	}
	go func() {
		t := time.NewTicker(pollEvery)
		defer t.Stop()
		for {
			select {
			case <-ctx.Done():
				return
			case <-t.C:
				if p.check(ctx) {
					fyne.Do(func() {
						if mw.poll == p { // still the open project
							mw.othersChanged()
						}
					})
				}
			}
		}
	}()
}

// check reports whether another program committed since the last check. A failed
// check says nothing changed: the next tick asks again, and a read the failure concerns
// reports it where it is made.
func (p *othersPoll) check(ctx context.Context) bool {
	v, err := p.st.DataVersion(ctx)
	if err != nil {
		return false
	}
	changed := p.known && v != p.last
	p.last, p.known = v, true
	return changed
}

// pollOthers checks at once, on the UI goroutine, and refreshes when another program
// changed the project: the tick's work, for the tests to drive.
func (mw *Window) pollOthers() {
	if mw.poll != nil && mw.poll.check(mw.u.ctx) {
		mw.othersChanged()
	}
}

// othersChanged refreshes what the window shows after another program's commit. Only the
// screen on view is refetched (the others are when they are shown); dialogs are left as
// they are.
func (mw *Window) othersChanged() {
	mw.storeChanged()
	switch mw.shown.screen {
	case "actors":
		mw.u.actors.reload()
	case "dossier":
		mw.u.dossier.reload()
	case "search":
		mw.u.search.reload()
	default: // articles, article
		mw.u.articles.reload()
		if !mw.u.articles.view.selectingNow() { // never pull a passage being picked from under the mouse
			mw.u.articles.view.refresh()
		}
	}
}

// waitingText is the status line while a write waits for another program's to end.
const waitingText = "Waiting for the project: another program is writing to it…"

// patience is how the window's writes wait for their turn: the default minute, with the
// status bar saying so after a second.
func (mw *Window) patience() app.Patience {
	return app.Patience{Wait: app.DefaultWait, Waiting: func(waiting bool) {
		fyne.Do(func() {
			if waiting {
				mw.waiting.SetText(waitingText)
				mw.waiting.Show()
			} else {
				mw.waiting.Hide()
			}
		})
	}}
}

// newWaitingLabel is the status line that says a write waits its turn.
func newWaitingLabel() *widget.Label {
	l := widget.NewLabel("")
	l.Importance = widget.WarningImportance
	l.Hide()
	return l
}
