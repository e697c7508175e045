package views

import (
	"io"
	"log"
	"strings"
	"sync"
)

// Fyne's file dialogs list the usual folders of a home (Documents, Downloads, Music,
// Pictures, Videos) as favourites, and log an error, three lines on standard error,
// whenever one of them is missing: "Fyne error: Getting favorite locations … Cause: …
// VIDEOS …". Nothing is wrong (the dialog leaves the missing folder out), and Fyne offers
// no way to give the dialog other favourites, so the window drops these lines from the
// log, and these only.

// quietFileDialogs filters the log, unless it is filtered already, before any file
// dialog opens. It is called from the UI goroutine.
func quietFileDialogs() {
	if _, ok := log.Writer().(*favouritesFilter); !ok {
		log.SetOutput(&favouritesFilter{w: log.Writer()})
	}
}

// favouritesFilter passes the log through to w, but for the favourites error and the
// Cause and At lines that follow it.
type favouritesFilter struct {
	mu       sync.Mutex
	w        io.Writer
	dropping bool
}

func (f *favouritesFilter) Write(p []byte) (int, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	line := string(p)
	switch {
	case strings.Contains(line, "Fyne error: ") && strings.Contains(line, "Getting favorite locations"):
		f.dropping = true
		return len(p), nil
	case f.dropping && (strings.Contains(line, "  Cause: ") || strings.Contains(line, "  At: ")):
		return len(p), nil
	}
	f.dropping = false
	return f.w.Write(p)
}
