package app

import (
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
)

// NoteImage is a picture kept in the project for notes to show: a note writes
// ![caption](dossier-image:UUID), and the picture is read from the project, never from a
// path or the web.
type NoteImage struct {
	UUID string
	Name string // the file's name
	MIME string // image/png or image/jpeg
	Data []byte
}

// NoteImageScheme is the address scheme of the images kept in the project.
const NoteImageScheme = "dossier-image"

// MaxNoteImage is the largest picture a note keeps, in bytes.
const MaxNoteImage = 10 << 20

// ReadNoteImage reads a PNG or JPEG file for a note, refusing what is too large or not
// such a picture (by its content, not its name).
func ReadNoteImage(path string) (NoteImage, error) {
	f, err := os.Open(path)
	if err != nil {
		return NoteImage{}, Errorf(EINVALID, "Cannot read the image %s: %v", path, err)
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, MaxNoteImage+1))
	if err != nil {
		return NoteImage{}, Errorf(EINVALID, "Cannot read the image %s: %v", path, err)
	}
	return NewNoteImage(filepath.Base(path), data)
}

// NewNoteImage checks data is a PNG or JPEG picture of at most MaxNoteImage bytes.
func NewNoteImage(name string, data []byte) (NoteImage, error) {
	if len(data) > MaxNoteImage {
		return NoteImage{}, Errorf(EINVALID, "The image %s is larger than %d MB; a note keeps pictures up to that size.", name, MaxNoteImage>>20)
	}
	mime := http.DetectContentType(data)
	if mime != "image/png" && mime != "image/jpeg" {
		return NoteImage{}, Errorf(EINVALID, "%s is not a PNG or JPEG picture (it looks like %s); notes keep those two kinds.", name, strings.TrimSpace(mime))
	}
	return NoteImage{Name: name, MIME: mime, Data: data}, nil
}
