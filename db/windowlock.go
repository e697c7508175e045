package db

import (
	"fmt"
	"os"

	"dossier/app"
)

// The window lock keeps a second Dossier window off a project while letting batch
// commands in: SQLite's own locks now only order writers (WAL lets readers run beside
// them), so a window that wants the project to itself takes this lock as well. It is an
// advisory lock held on the project file itself — flock on Unix, a byte range far past
// any SQLite page or lock byte on Windows — so no lock file is left beside the project
// and a crash releases it with the process.

// LockWindow claims the project for this window. A project another window holds is
// refused with ELOCKED. The lock is released by Close.
func (s *Store) LockWindow() error {
	if s.window != nil {
		return nil
	}
	f, err := os.Open(s.path)
	if err != nil {
		return &app.Error{Code: app.EREADONLY, Message: fmt.Sprintf("Cannot open %s: %v.", s.path, err), Err: err}
	}
	held, err := tryLock(f)
	if err != nil {
		f.Close()
		return &app.Error{Code: app.EINVALID, Message: fmt.Sprintf("Cannot lock %s for this window: %v.", s.path, err), Err: err}
	}
	if !held {
		f.Close()
		return app.Errorf(app.ELOCKED, "%s is open in another Dossier window. Switch to that window, or close the project there first. (Batch commands may still use it.)", s.path)
	}
	s.window = f
	return nil
}

// unlockWindow releases the window lock, if this Store holds it.
func (s *Store) unlockWindow() {
	if s.window != nil {
		unlock(s.window)
		s.window.Close()
		s.window = nil
	}
}
