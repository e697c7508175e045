package views

import (
	"time"

	"fyne.io/fyne/v2"
)

// CloseProject closes the project open in the window when the app quits. After File ▸
// Open project that is not the project the window started with, so main asks the window
// rather than closing the one it opened: a project left open keeps its -wal and -shm
// beside it, and most of its data in the -wal, so copying the .dossier file alone would
// copy an empty project. Closing the last connection checkpoints the WAL into the file
// and removes both. The hub's connections are closed first (a sync under way is cut;
// the next finishes its work).
func (mw *Window) CloseProject() error {
	mw.dropHub()
	return mw.u.store.Close()
}

// closeAfterHide is how long a hidden window waits before it is closed: several of the
// driver's event polls (60 a second), so every pointer event that reached the window
// before it was hidden has been handled while it still stood.
const closeAfterHide = 100 * time.Millisecond

// CloseHiddenFirst closes w, or quits the app when quit is true, the way that cannot crash
// Fyne 2.7.1: a pointer move handled after a window's Close and before its destruction
// dereferences a nil window (README, "Quitting"). The window is hidden first, which stops
// new pointer events, and closed a few event polls later.
func CloseHiddenFirst(w fyne.Window, quit bool) {
	w.Hide()
	time.AfterFunc(closeAfterHide, func() {
		fyne.Do(func() {
			if quit {
				fyne.CurrentApp().Quit()
				return
			}
			w.Close()
		})
	})
}
