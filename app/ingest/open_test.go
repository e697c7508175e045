package ingest

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"dossier/app"
)

// endless is a file that never ends, counting the bytes read from it.
type endless struct {
	fill byte
	n    int64
}

func (e *endless) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = e.fill
	}
	e.n += int64(len(p))
	return len(p), nil
}

// TestReadNeverReadsPastTheLimit: whatever the file holds and however long it goes on,
// the read stops at the limit and one byte, and a file whose kind has a lower limit
// (plain text) is refused from its first bytes without reading the rest.
func TestReadNeverReadsPastTheLimit(t *testing.T) {
	tests := []struct {
		name      string
		file      string
		fill      byte
		size      int64 // what the file's size said when it was opened
		maxRead   int64
		says      string
		sizeLimit int64
	}{
		// Plain text beyond what an article holds: only the head is read.
		{"text beyond an article", "big.txt", 'a', 30 << 20, headSize, "too large for one article (30 MB of text; an article holds at most 20 MB)", app.MaxBody},
		{"markdown beyond an article", "big.md", 'a', app.MaxBody + 1, headSize, "too large for one article", app.MaxBody},
		// A web page may be larger, as large as any file: read to its size and a byte.
		{"page that grows", "page.html", '<', MaxFileSize, MaxFileSize + 1, "grew while it was being read", MaxFileSize},
		{"text that grows", "small.txt", 'a', 1000, 1001, "grew while it was being read", app.MaxBody},
		{"empty file that grows", "empty.txt", 'a', 0, 1, "grew while it was being read", app.MaxBody},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := &endless{fill: tt.fill}
			_, err := readData(context.Background(), r, tt.file, tt.size)
			if err == nil || !strings.Contains(app.ErrorMessage(err), tt.says) || !strings.Contains(app.ErrorMessage(err), "“"+tt.file+"”") {
				t.Errorf("err = %v, want it to name the file and say %q", err, tt.says)
			}
			if r.n > tt.maxRead {
				t.Errorf("read %d bytes, want at most %d", r.n, tt.maxRead)
			}
			if r.n > tt.sizeLimit+1 && r.n > headSize {
				t.Errorf("read %d bytes of a file whose limit is %d", r.n, tt.sizeLimit)
			}
		})
	}
}

// TestReadStopsOnCancel: a read of a long file stops at the next chunk once the context
// is done, and says so with the context's error, not as a fault of the file.
func TestReadStopsOnCancel(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	r := &cancelAfter{endless: endless{fill: '<'}, after: 3 * readChunk, cancel: cancel}
	_, err := readData(ctx, r, "page.html", MaxFileSize)
	if !errors.Is(err, context.Canceled) {
		t.Errorf("err = %v, want context.Canceled", err)
	}
	if r.n > 3*readChunk+readChunk {
		t.Errorf("read %d bytes after the cancel at %d", r.n, 3*readChunk)
	}
}

type cancelAfter struct {
	endless
	after  int64
	cancel func()
}

func (c *cancelAfter) Read(p []byte) (int, error) {
	n, err := c.endless.Read(p)
	if c.n >= c.after {
		c.cancel()
	}
	return n, err
}

// TestParseRefusesTextBeyondAnArticle: Parse, given the bytes, applies the same limit as
// the read: text longer than an article can hold is refused before it is decoded.
func TestParseRefusesTextBeyondAnArticle(t *testing.T) {
	_, err := Parse("long.txt", []byte(strings.Repeat("word ", app.MaxBody/5+1)))
	checkRefusal(t, err, "long.txt", "too large for one article")
	// UTF-16 takes two bytes a letter: twice the limit is allowed before decoding.
	if got := sizeLimit("long.txt", []byte("\xff\xfeH\x00i\x00")); got != 2*app.MaxBody+2 {
		t.Errorf("UTF-16 limit %d", got)
	}
	// A page, a feed or a message may be as large as any file.
	for name, head := range map[string]string{"a.html": "<html><body>", "a.txt": "<!doctype html><html>", "a.rss": `<?xml version="1.0"?><rss version="2.0"><channel>`} {
		if got := sizeLimit(name, []byte(head)); got != MaxFileSize {
			t.Errorf("%s: limit %d, want %d", name, got, MaxFileSize)
		}
	}
}

// TestSymlinkLoopNamesItsReason: a link that leads back to itself is refused as a
// symlink loop, named, in a folder and named on its own.
func TestSymlinkLoopNamesItsReason(t *testing.T) {
	dir := t.TempDir()
	a, b := filepath.Join(dir, "a.txt"), filepath.Join(dir, "b.txt")
	symlinkOrSkip(t, b, a)
	if err := os.Symlink(a, b); err != nil {
		t.Fatal(err)
	}
	var got []string
	err := Walk(context.Background(), []string{dir, a}, func(it Item) error {
		got = append(got, app.ErrorMessage(it.Err))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 3 {
		t.Fatalf("got %q", got)
	}
	for i, name := range []string{"a.txt", "b.txt", "a.txt"} {
		if !strings.Contains(got[i], "“"+name+"”") || !strings.Contains(got[i], "symlink loop") {
			t.Errorf("item %d: %q should name %s and say it is a symlink loop", i, got[i], name)
		}
	}
}

// TestRefusalsUseTheRightArticle: every kind of file a refusal can name takes "a" or
// "an" as it is said, the image of the issue included ("is an image file").
func TestRefusalsUseTheRightArticle(t *testing.T) {
	want := map[string]string{
		"image": "an image", "PDF": "a PDF", "ZIP": "a ZIP", "RTF": "an RTF", "old Microsoft Office": "an old Microsoft Office",
		"Word": "a Word", "OpenDocument": "an OpenDocument", "EPUB": "an EPUB", "Pages": "a Pages", "Excel": "an Excel",
		"CSV": "a CSV", "TSV": "a TSV", "JSON": "a JSON", "Outlook message": "an Outlook message", "mailbox": "a mailbox",
		"web archive": "a web archive", ".xyz": "a .xyz",
	}
	kinds := map[string]bool{}
	for _, k := range knownUnsupported {
		kinds[k] = true
	}
	for _, m := range magics {
		kinds[m.kind] = true
	}
	for k := range kinds {
		w, ok := want[k]
		if !ok {
			t.Errorf("no expectation for the kind %q: add it", k)
			continue
		}
		if got := withArticle(k); got != w {
			t.Errorf("withArticle(%q) = %q, want %q", k, got, w)
		}
	}
	_, err := Parse("chart.png", []byte("\x89PNG\r\n\x1a\n...."))
	checkRefusal(t, err, "chart.png", "is an image file")
}
