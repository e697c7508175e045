package views

import (
	"context"
	"io"
	"strings"
	"unicode"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"dossier/app"
	"dossier/app/export"
)

// prefExportBOM remembers whether the researcher wants the byte-order mark in CSV files.
const prefExportBOM = "export.bom"

// exportCSV asks where to save the current dossier as CSV (Ctrl+E).
func (s *dossierScreen) exportCSV() {
	if s.actorID == 0 || s.shown == 0 {
		s.u.showInfo("Export dossier as CSV",
			"Open an actor’s dossier first ("+shortcutKey(fyne.KeyD)+"), then export it with "+shortcutKey(fyne.KeyE)+".")
		return
	}
	a := s.d.Actor
	prefs := fyne.CurrentApp().Preferences()
	bom := s.u.newKeyCheck("Add the byte-order mark Excel needs", nil)
	bom.SetChecked(prefs.BoolWithFallback(prefExportBOM, true))
	info := widget.NewLabel("One row per fact: the actor’s record and aliases, each source of each relation, " +
		"every article that names " + a.Name + " (" + dossierThousands(s.d.MentionTotal) + "), and each note. " +
		"Dates are written 2026-01-27, so they sort as text.\n\n" +
		"Leave the mark on for Excel on Windows; turn it off for scripts and databases.")
	info.Wrapping = fyne.TextWrapWord
	scope, writer := s.q.exportChoice() // what I see or everything, when filtered (dossier_graph.go)
	s.exportDialog = dialog.NewCustomConfirm("Export the dossier of "+a.Name, "Choose file…", "Cancel",
		container.NewVBox(info, scope, bom), func(ok bool) {
			if !ok {
				return
			}
			prefs.SetBool(prefExportBOM, bom.Checked)
			s.saveCSV(dossierFileName(a.Name), writer(a.ID, bom.Checked))
		}, s.u.win)
	s.exportDialog.Resize(dossierDialogSize(s.u.win, 560, 300))
	s.u.showConfirm(s.exportDialog, false)
}

// csvWriter returns the function that writes the whole dossier, every mention included,
// as CSV. It may run off the UI goroutine.
func (s *dossierScreen) csvWriter(actorID int64, bom bool) func(io.Writer) error {
	st, ctx := s.u.store, s.u.ctx
	return func(w io.Writer) error {
		d, err := st.Dossier(ctx, actorID, 0)
		if err != nil {
			return err
		}
		c := &dossierRecordCounter{w: w}
		if err := export.WriteDossier(c, d, export.Options{BOM: bom}); err != nil {
			return err
		}
		s.exportedRows = max(c.records-1, 0) // the header is not a row of data
		return nil
	}
}

// saveWithDialog is the real saveCSV: a file-save dialog, then the writing in the background.
func (s *dossierScreen) saveWithDialog(name string, write func(io.Writer) error) {
	d := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		if err != nil {
			s.u.showError(err)
			return
		}
		if w == nil {
			return // cancelled
		}
		s.u.async(func(context.Context) {
			err := write(w)
			if cerr := w.Close(); err == nil && cerr != nil {
				err = &app.Error{Code: app.EINTERNAL, Message: "Could not finish writing " + w.URI().Name() + ".", Err: cerr}
			}
			if err != nil {
				s.u.showError(err)
				return
			}
			path := w.URI().Path()
			fyne.Do(func() { s.exported(path) })
		})
	}, s.u.win)
	d.SetFileName(name)
	d.SetFilter(storage.NewExtensionFileFilter([]string{".csv"}))
	d.Show()
}

// exported confirms a finished export.
func (s *dossierScreen) exported(path string) {
	s.u.showInfo("Dossier exported", "Saved "+dossierCount(s.exportedRows, "row", "rows")+" to "+path+".")
}

// dossierFileName suggests a file name for an actor's dossier: "dossier-nouri-al-maliki.csv".
// Folding and dashes keep it valid on every system and easy to type in a shell.
func dossierFileName(name string) string {
	var b strings.Builder
	dash := false
	for _, r := range app.Fold(name) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			b.WriteRune(r)
			dash = false
			continue
		}
		dash = true
	}
	slug := b.String()
	if slug == "" {
		slug = "actor"
	}
	return "dossier-" + slug + ".csv"
}

// dossierRecordCounter passes bytes through and counts the CSV records written: a CRLF
// outside double quotes ends one. A doubled quote inside a quoted cell toggles twice, so
// it leaves the count right.
type dossierRecordCounter struct {
	w       io.Writer
	records int
	quoted  bool
	cr      bool
}

func (c *dossierRecordCounter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	for _, b := range p[:n] {
		switch {
		case b == '"':
			c.quoted = !c.quoted
			c.cr = false
		case b == '\r' && !c.quoted:
			c.cr = true
		case b == '\n' && c.cr:
			c.records++
			c.cr = false
		default:
			c.cr = false
		}
	}
	return n, err
}
