package views

import (
	"bytes"
	"context"
	"image"
	_ "image/jpeg" // the pictures notes keep: their sizes are read to lay them out
	_ "image/png"
	"regexp"
	"strings"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/widget"

	"dossier/app"
)

// noteImageLine is a line that shows a picture kept in the project: ![caption](dossier-image:UUID).
var noteImageLine = regexp.MustCompile(`^[ \t]*!\[([^\]\n]*)\]\(` + app.NoteImageScheme + `:([0-9a-fA-F-]{1,64})\)[ \t]*$`)

// Largest size a picture is drawn at in a note.
const (
	noteImageWidth  = 560
	noteImageHeight = 420
)

// noteChunk is a run of Markdown, or a picture on a line of its own.
type noteChunk struct {
	markdown         string
	caption, imageID string
}

// noteChunks cuts a note's Markdown at the lines that show a picture kept in the project.
func noteChunks(md string) []noteChunk {
	var out []noteChunk
	var run []string
	flush := func() {
		if len(run) > 0 {
			out = append(out, noteChunk{markdown: strings.Join(run, "\n")})
			run = nil
		}
	}
	for _, line := range strings.Split(md, "\n") {
		if m := noteImageLine.FindStringSubmatch(line); m != nil {
			flush()
			out = append(out, noteChunk{caption: m[1], imageID: m[2]})
			continue
		}
		run = append(run, line)
	}
	flush()
	return out
}

// noteImageObject draws a picture kept in the project, scaled to fit, with its caption;
// one that is not in the project says so.
func noteImageObject(img app.NoteImage, err error, caption string) fyne.CanvasObject {
	if caption == "" {
		caption = img.Name
	}
	if err != nil {
		return dossierHint("[picture not shown: " + dossierProblem(err) + "]")
	}
	cfg, _, derr := image.DecodeConfig(bytes.NewReader(img.Data))
	if derr != nil || cfg.Width <= 0 || cfg.Height <= 0 {
		return dossierHint("[picture " + img.Name + " cannot be read]")
	}
	w, h := float32(cfg.Width), float32(cfg.Height)
	scale := min(1, noteImageWidth/w, noteImageHeight/h)
	pic := canvas.NewImageFromResource(fyne.NewStaticResource(img.Name, img.Data))
	pic.FillMode = canvas.ImageFillContain
	pic.SetMinSize(fyne.NewSize(w*scale, h*scale))
	return dossierStack(0, pic, dossierProse(dossierSmall(caption)))
}

// addImage asks for a PNG or JPEG file, keeps it in the project and shows it in the note
// at the cursor, on a line of its own.
func (ed *noteEditor) addImage() {
	ed.u.chooseFile("Add picture", []string{".png", ".jpg", ".jpeg"}, ed.addImageFile)
}

// addImageFile keeps the picture at path and writes its line into the note.
func (ed *noteEditor) addImageFile(path string) {
	st := ed.u.store
	ed.u.async(func(ctx context.Context) {
		img, err := app.ReadNoteImage(path)
		if err == nil {
			img, err = st.AddNoteImage(ctx, img)
		}
		if err != nil {
			ed.u.showError(err)
			return
		}
		fyne.Do(func() {
			ed.insertLine("![" + strings.NewReplacer("[", "(", "]", ")").Replace(img.Name) + "](" + app.NoteImageScheme + ":" + img.UUID + ")")
		})
	})
}

// insertLine puts text on a line of its own after the cursor's line.
func (ed *noteEditor) insertLine(text string) {
	lines := strings.Split(ed.source.Text, "\n")
	row := min(max(ed.source.CursorRow, 0), len(lines)-1)
	lines = append(lines[:row+1], append([]string{text}, lines[row+1:]...)...)
	ed.source.SetText(strings.Join(lines, "\n"))
	ed.source.CursorRow, ed.source.CursorColumn = row+1, utf8.RuneCountInString(text)
	ed.source.Refresh()
	if ed.previewing {
		ed.flushNow()
		ed.render()
	}
}

// renderChunks draws md, a note's Markdown with its links made (linkedMarkdown), with the
// pictures kept in the project drawn where their lines stand; wire makes the links live.
func (ed *noteEditor) renderChunks(md string, wire func([]widget.RichTextSegment)) []fyne.CanvasObject {
	var objs []fyne.CanvasObject
	for _, c := range noteChunks(md) {
		if c.imageID == "" {
			segs := markdownSegments(c.markdown)
			wire(segs)
			objs = append(objs, dossierMarkdownBlocks(segs)...)
			continue
		}
		img, err := ed.u.store.NoteImage(ed.u.ctx, c.imageID)
		objs = append(objs, noteImageObject(img, err, c.caption))
	}
	return objs
}
