package views

import (
	"os"
	"path/filepath"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// The import's own chooser. Fyne's folder dialog hides the files of the folders it
// shows, so a researcher cannot see what a folder holds before importing it; it starts
// wherever the last file dialog of the app left off; and it logs an error for every usual
// folder (Videos, Music…) the home folder lacks, as it builds its favourites. This one
// shows every folder's files, starts in the folder of the last import or else the home
// folder (never silently the working folder), and logs nothing.

// importFolderPref is the preference holding the folder the last import was chosen in.
const importFolderPref = "import.lastFolder"

// browser is one chooser: of a folder to import, or of a file.
type browser struct {
	u      *UI
	files  bool // choosing a file; else a folder
	onPath func(string)

	dir     string
	entries []os.DirEntry // the folder's visible entries: folders first, then files, by name
	chosen  int           // the file chosen, or -1

	where *widget.Label
	note  *widget.Label
	list  *keyList
	ok    *widget.Button
	dlg   *dialog.CustomDialog
}

// browse opens the chooser; onPath gets the folder or file chosen.
func (imp *importer) browse(files bool, onPath func(string)) *browser {
	b := &browser{u: imp.u, files: files, onPath: onPath, chosen: -1}
	b.where = widget.NewLabel("")
	b.where.Wrapping = fyne.TextWrapBreak
	b.where.TextStyle = fyne.TextStyle{Bold: true}
	b.note = widget.NewLabel("")
	b.note.Importance = widget.LowImportance
	b.note.Wrapping = fyne.TextWrapWord
	b.list = imp.u.newKeyList(func() int { return len(b.entries) }, func() fyne.CanvasObject {
		return container.NewHBox(widget.NewIcon(theme.FolderIcon()), widget.NewLabel(""))
	}, b.updateRow)
	b.list.OnSelected = b.selected
	up := widget.NewButtonWithIcon("Up", theme.NavigateBackIcon(), func() { b.open(filepath.Dir(b.dir)) })
	home := widget.NewButtonWithIcon("Home", theme.HomeIcon(), func() {
		if h, err := os.UserHomeDir(); err == nil {
			b.open(h)
		}
	})
	title, confirm := "Import a folder of articles", "Import this folder"
	if files {
		title, confirm = "Import a file of articles", "Import this file"
	}
	b.ok = widget.NewButtonWithIcon(confirm, theme.ConfirmIcon(), b.confirm)
	b.ok.Importance = widget.HighImportance
	cancel := widget.NewButtonWithIcon("Cancel", theme.CancelIcon(), func() { b.dlg.Hide() })
	top := container.NewVBox(container.NewBorder(nil, nil, container.NewHBox(up, home), nil, b.where), b.note)
	b.dlg = dialog.NewCustomWithoutButtons(title, container.NewBorder(top, nil, nil, nil, b.list), imp.u.win)
	b.dlg.SetButtons([]fyne.CanvasObject{cancel, b.ok})
	b.open(startFolder())
	size := imp.u.win.Canvas().Size()
	b.dlg.Resize(fyne.NewSize(min(max(size.Width*0.6, 560), 900), max(size.Height*0.7, 420)))
	imp.u.showKeyed(b.dlg, dialogKeys{cancel: b.dlg.Hide, confirm: func() {
		if !b.ok.Disabled() {
			b.confirm()
		}
	}})
	return b
}

// startFolder is where a chooser opens: the folder of the last import, if it is still
// there, else the home folder, else the root of the file system.
func startFolder() string {
	if dir := fyne.CurrentApp().Preferences().String(importFolderPref); dir != "" {
		if st, err := os.Stat(dir); err == nil && st.IsDir() {
			return dir
		}
	}
	if home, err := os.UserHomeDir(); err == nil {
		return home
	}
	return string(filepath.Separator)
}

// open shows the folder dir. A folder that cannot be read is shown empty, saying why.
func (b *browser) open(dir string) {
	b.dir, b.chosen, b.entries = dir, -1, nil
	b.list.UnselectAll()
	b.where.SetText(dir)
	all, err := os.ReadDir(dir)
	for _, e := range all {
		if !isHiddenName(e.Name()) {
			b.entries = append(b.entries, e)
		}
	}
	// Folders first, as file managers list them; ReadDir gave the names in order.
	slices.SortStableFunc(b.entries, func(x, y os.DirEntry) int {
		return boolOrder(!b.isDir(x), !b.isDir(y))
	})
	folders := 0
	for _, e := range b.entries {
		if b.isDir(e) {
			folders++
		}
	}
	files := len(b.entries) - folders
	switch {
	case err != nil:
		b.note.SetText("This folder cannot be read: " + err.Error())
	case b.files:
		b.note.SetText(countPhrase(files, "file", "files") + " and " + countPhrase(folders, "folder", "folders") +
			" here (hidden ones not shown). Open a folder, or choose a file to import.")
	default:
		b.note.SetText(countPhrase(files, "file", "files") + " and " + countPhrase(folders, "folder", "folders") +
			" here (hidden ones are not shown, nor imported). Import this folder reads them all, and the folders' too.")
	}
	b.ok.Disable()
	if !b.files && err == nil {
		b.ok.Enable()
	}
	b.list.Refresh()
	b.list.ScrollToTop()
}

// isDir reports whether e is a folder, following a link to one.
func (b *browser) isDir(e os.DirEntry) bool {
	if e.IsDir() {
		return true
	}
	if e.Type()&os.ModeSymlink != 0 {
		st, err := os.Stat(filepath.Join(b.dir, e.Name()))
		return err == nil && st.IsDir()
	}
	return false
}

func (b *browser) updateRow(i widget.ListItemID, o fyne.CanvasObject) {
	row := o.(*fyne.Container).Objects
	e := b.entries[i]
	icon, label := row[0].(*widget.Icon), row[1].(*widget.Label)
	if b.isDir(e) {
		icon.SetResource(theme.FolderIcon())
		label.SetText(e.Name() + string(filepath.Separator))
		label.Importance = widget.MediumImportance
	} else {
		icon.SetResource(theme.FileIcon())
		label.SetText(e.Name())
		// In a folder chooser the files are there to be seen, not chosen.
		label.Importance = widget.MediumImportance
		if !b.files {
			label.Importance = widget.LowImportance
		}
	}
	label.Refresh()
}

// selected opens a folder, or chooses a file when choosing files.
func (b *browser) selected(i widget.ListItemID) {
	if i < 0 || i >= len(b.entries) {
		return
	}
	e := b.entries[i]
	if b.isDir(e) {
		b.open(filepath.Join(b.dir, e.Name()))
		return
	}
	if !b.files {
		b.list.Unselect(i)
		return
	}
	b.chosen = i
	b.ok.Enable()
}

// confirm imports what was chosen and remembers the folder for the next time.
func (b *browser) confirm() {
	path := b.dir
	if b.files {
		if b.chosen < 0 {
			return
		}
		path = filepath.Join(b.dir, b.entries[b.chosen].Name())
	}
	fyne.CurrentApp().Preferences().SetString(importFolderPref, b.dir)
	b.dlg.Hide()
	b.onPath(path)
}

// isHiddenName reports whether a name is hidden, as the import passes such names over.
func isHiddenName(name string) bool { return strings.HasPrefix(name, ".") }

// boolOrder orders false before true.
func boolOrder(x, y bool) int {
	switch {
	case x == y:
		return 0
	case !x:
		return -1
	}
	return 1
}
