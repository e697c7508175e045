package views

import (
	"bytes"
	"context"
	"image"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/storage"

	"dossier/app"
)

// A picture dropped on the window while a note is open goes into the note, kept in the
// project; dropped anywhere else, or with other files, files are imported as ever.
func TestPictureDroppedOnAnOpenNote(t *testing.T) {
	mw, st := newTestWindow(t)
	u := mw.u
	u.notes.after = (&manualTimers{}).after
	dir := t.TempDir()
	var buf bytes.Buffer
	png.Encode(&buf, image.NewRGBA(image.Rect(0, 0, 40, 20)))
	pic := filepath.Join(dir, "map.png")
	os.WriteFile(pic, buf.Bytes(), 0o644)
	text := filepath.Join(dir, "wire.txt")
	os.WriteFile(text, []byte("Harbour strike ends\n\nDockers went back to work on Friday after a week.\n"), 0o644)

	u.navigate(route{screen: "notes"})
	u.notes.newNote()
	ed := u.notes.ed
	if ed == nil {
		t.Fatal("no note open")
	}
	mw.dropped(fyne.Position{}, []fyne.URI{storage.NewFileURI(pic)})
	if !strings.Contains(ed.source.Text, "![map.png]("+app.NoteImageScheme+":") {
		t.Fatalf("the dropped picture is not in the note: %q", ed.source.Text)
	}
	n, err := st.CountArticles(context.Background(), app.ArticleQuery{})
	if err != nil || n != 0 {
		t.Errorf("a dropped picture was imported as an article (%d, %v)", n, err)
	}
	// A text file dropped with it is no picture: both go to the import.
	mw.dropped(fyne.Position{}, []fyne.URI{storage.NewFileURI(text), storage.NewFileURI(pic)})
	if strings.Count(ed.source.Text, app.NoteImageScheme) != 1 {
		t.Errorf("a mixed drop went into the note: %q", ed.source.Text)
	}
	if n, _ := st.CountArticles(context.Background(), app.ArticleQuery{}); n != 1 {
		t.Errorf("the dropped text file was not imported: %d articles", n)
	}
}
