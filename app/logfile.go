package app

import (
	"bytes"
	"errors"
	"io"
	"os"
	"path/filepath"
	"sync"
)

// LogName is the name of the window's log file, in the user's data folder.
const LogName = "dossier.log"

// DefaultLogSize is the size past which the log moves aside (see LogFile).
const DefaultLogSize = 1 << 20

// LogFile is the window's log: lines appended to a file, which is moved to NAME.1
// (replacing the one there) once it would pass max bytes, so the log never takes more
// than twice max and always keeps the most recent lines. It is safe for concurrent use.
type LogFile struct {
	mu   sync.Mutex
	path string
	max  int64
	f    *os.File
	size int64
}

// OpenLog opens (creating it and its folder) the log at path for appending.
func OpenLog(path string, max int64) (*LogFile, error) {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return nil, err
	}
	l := &LogFile{path: path, max: max}
	if err := l.open(); err != nil {
		return nil, err
	}
	return l, nil
}

func (l *LogFile) open() error {
	f, err := os.OpenFile(l.path, os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o644)
	if err != nil {
		return err
	}
	st, err := f.Stat()
	if err != nil {
		f.Close()
		return err
	}
	l.f, l.size = f, st.Size()
	return nil
}

// Path is the log file's path.
func (l *LogFile) Path() string { return l.path }

// Write appends p, first moving the log aside if p would take it past its size.
func (l *LogFile) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.f == nil {
		return 0, os.ErrClosed
	}
	if l.size > 0 && l.size+int64(len(p)) > l.max {
		if err := l.rotate(); err != nil {
			return 0, err
		}
	}
	n, err := l.f.Write(p)
	l.size += int64(n)
	return n, err
}

func (l *LogFile) rotate() error {
	l.f.Close()
	l.f = nil
	if err := os.Rename(l.path, l.path+".1"); err != nil && !errors.Is(err, os.ErrNotExist) {
		// Keep logging where it was rather than lose lines: reopen and go on growing.
		if oerr := l.open(); oerr != nil {
			return oerr
		}
		return nil
	}
	return l.open()
}

// Close closes the log file.
func (l *LogFile) Close() error {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.f == nil {
		return nil
	}
	err := l.f.Close()
	l.f = nil
	return err
}

// LogTail returns the end of the log at path, at most max bytes of it, read across the
// moved-aside NAME.1 and NAME, starting at a line's start; cut says that older lines
// were left out. A log that does not exist yet is empty.
func LogTail(path string, max int) (text string, cut bool, err error) {
	var all []byte
	for _, p := range []string{path + ".1", path} {
		b, err := readTail(p, max)
		if err != nil && !errors.Is(err, os.ErrNotExist) {
			return "", false, err
		}
		all = append(all, b...)
	}
	if len(all) > max {
		all, cut = all[len(all)-max:], true
	}
	if st, err := os.Stat(path + ".1"); err == nil && st.Size() > int64(max) {
		cut = true
	}
	if cut {
		if i := bytes.IndexByte(all, '\n'); i >= 0 {
			all = all[i+1:]
		}
	}
	return string(all), cut, nil
}

// readTail reads the last limit bytes of the file at path.
func readTail(path string, limit int) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, err
	}
	off := max(st.Size()-int64(limit), 0)
	if _, err := f.Seek(off, io.SeekStart); err != nil {
		return nil, err
	}
	return io.ReadAll(io.LimitReader(f, int64(limit)))
}
