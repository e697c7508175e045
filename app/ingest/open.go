package ingest

import (
	"bytes"
	"context"
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"syscall"

	"dossier/app"
)

// Source is a file opened to be imported: a regular file, its size known, not yet read.
// Opening and reading are apart so that an importer can weigh the file (Size) before it
// commits memory to reading it, and can stop a read under way (Read's ctx).
type Source struct {
	f    *os.File
	path string
	size int64
}

// Open opens path for Read. It refuses, with an error naming the file, what is not a
// regular file (a folder, a named pipe, a socket, a device), a file larger than
// MaxFileSize and a symbolic link that loops. It never blocks: the kind of file is
// checked before it is opened, the open itself does not wait (see openNoWait), and the
// opened file is checked again in case another took its name in between.
func Open(path string) (*Source, error) {
	name := filepath.Base(path)
	st, err := os.Stat(path)
	if err != nil {
		return nil, openError(name, err)
	}
	if err := checkKind(name, st); err != nil {
		return nil, err
	}
	f, err := openNoWait(path)
	if err != nil {
		return nil, openError(name, err)
	}
	if st, err = f.Stat(); err == nil {
		err = checkKind(name, st)
	} else {
		err = openError(name, err)
	}
	if err != nil {
		f.Close()
		return nil, err
	}
	return &Source{f: f, path: path, size: st.Size()}, nil
}

// checkKind refuses anything but a regular file of at most MaxFileSize bytes.
func checkKind(name string, st fs.FileInfo) error {
	m := st.Mode()
	switch {
	case m.IsDir():
		return fileErr(name, "is a folder, not a file.")
	case m&fs.ModeNamedPipe != 0:
		return fileErr(name, "is a named pipe (FIFO), not a file; it was skipped.")
	case m&fs.ModeSocket != 0:
		return fileErr(name, "is a socket, not a file; it was skipped.")
	case m&fs.ModeDevice != 0:
		return fileErr(name, "is a device, not a file; it was skipped.")
	case !m.IsRegular():
		return fileErr(name, "is not a regular file (a device, pipe or socket); it was skipped.")
	case st.Size() > MaxFileSize:
		return tooLarge(name, st.Size())
	}
	return nil
}

// Size is the file's size when it was opened.
func (s *Source) Size() int64 { return s.size }

// Path is the path the file was opened by.
func (s *Source) Path() string { return s.path }

// Close closes the file.
func (s *Source) Close() error { return s.f.Close() }

// Read reads the file and returns its articles, as ReadFile does. Sizes are enforced
// while reading, before any parsing: the first bytes say what the file is, and a file
// too large for what it is (see sizeLimit) is refused without reading the rest. The read
// never takes more than the limit and one byte, nor more than the size the file had
// when opened and one byte, so a file that grows meanwhile is refused rather than read
// without end. Read stops, returning ctx.Err(), when ctx is done.
func (s *Source) Read(ctx context.Context) ([]Item, error) {
	data, err := readData(ctx, s.f, filepath.Base(s.path), s.size)
	if err != nil {
		return []Item{{Path: s.path, Err: err}}, err
	}
	return parseItems(s.path, data)
}

// headSize is how much of a file is read first to tell what it is: as much as detect
// looks at (looksLikeEmail reads the most, 64 KB).
const headSize = 64 << 10

// readChunk is how much is read between two looks at the context.
const readChunk = 1 << 20

// readData reads the bytes of the file name from r, size being its size when opened.
func readData(ctx context.Context, r io.Reader, name string, size int64) ([]byte, error) {
	// One byte more than the size lets the read see a file that has grown.
	want := min(size, MaxFileSize) + 1
	head, err := readUpTo(ctx, r, make([]byte, 0, min(want, headSize)))
	if err != nil {
		return nil, readError(name, err)
	}
	data := head
	if len(head) == cap(head) && int64(len(head)) < want {
		// Only part of the file is in: judge its size by what the head says it is
		// before taking memory for the rest.
		if limit := sizeLimit(name, head); size > limit {
			return nil, tooLargeFor(name, size, limit)
		}
		data = make([]byte, len(head), want)
		copy(data, head)
		if data, err = readUpTo(ctx, r, data); err != nil {
			return nil, readError(name, err)
		}
	}
	if int64(len(data)) > size {
		return nil, fileErr(name, "grew while it was being read (another program is still writing it); import it again once it is complete.")
	}
	return data, nil
}

// readUpTo appends to buf from r until buf is full (len equals cap) or r ends, looking
// at ctx between chunks. It never reads more than cap(buf) bytes in all.
func readUpTo(ctx context.Context, r io.Reader, buf []byte) ([]byte, error) {
	for len(buf) < cap(buf) {
		if err := ctx.Err(); err != nil {
			return buf, err
		}
		m, err := r.Read(buf[len(buf):min(cap(buf), len(buf)+readChunk)])
		buf = buf[:len(buf)+m]
		if err == io.EOF {
			return buf, nil
		}
		if err != nil {
			return buf, err
		}
	}
	return buf, nil
}

// readError is openError for a failed read; a cancel is passed on as it is.
func readError(name string, err error) error {
	if errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
		return err
	}
	return openError(name, err)
}

// sizeLimit is the largest file of the kind head (the file's first bytes, or all of
// them) shows that can make an article. Plain text and Markdown become the article's
// text nearly byte for byte, so a file beyond app.MaxBody would be parsed only to be
// refused, at a cost in memory many times its size; UTF-16 (with NULs between ASCII
// letters) takes two bytes a letter, so it may be twice as large. Web pages, feeds and
// e-mail carry markup, several articles or attachments, and may be as large as any file.
func sizeLimit(name string, head []byte) int64 {
	f, err := detect(name, head)
	if err != nil || f == formatFeed || f == formatEmail || f == formatHTML || looksLikeHTMLBytes(head) {
		return MaxFileSize
	}
	if bytes.HasPrefix(head, utf16LEBOM) || bytes.HasPrefix(head, utf16BEBOM) || bytes.IndexByte(head, 0) >= 0 {
		return min(2*app.MaxBody+2, MaxFileSize)
	}
	return app.MaxBody
}

// tooLargeFor refuses a file larger than what its kind allows (see sizeLimit).
func tooLargeFor(name string, size, limit int64) *app.Error {
	if limit >= MaxFileSize {
		return tooLarge(name, size)
	}
	return fileErr(name, "is too large for one article (%d MB of text; an article holds at most %d MB).", mb(size), app.MaxBody>>20)
}

func mb(size int64) int64 { return (size + (1 << 20) - 1) >> 20 }

// isLoop reports whether err says a symbolic link leads back to itself.
func isLoop(err error) bool {
	return errors.Is(err, syscall.ELOOP)
}
