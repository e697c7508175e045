package views

import (
	"context"
	"io"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"dossier/app"
	"dossier/app/export"
	"dossier/app/graph"
)

// exportFormat is one entry of File ▸ Export.
type exportFormat struct {
	label, ext, about string
	write             func(ctx context.Context, w io.Writer, j export.Job) error // nil: the Markdown vault, a folder
	// briefing writes the open dossier as a document; set for the briefings only.
	briefing func(w io.Writer, b export.Briefing) error
}

var exportFormats = []exportFormat{
	{label: "GEXF for Gephi", ext: ".gexf", about: "A graph for Gephi: actors as nodes, relations as edges with their wording, confidence, first quote and source, and their dates as spells for Gephi's timeline.",
		write: export.WriteGEXF},
	{label: "GraphML", ext: ".graphml", about: "A graph for yEd, Cytoscape and networkx, with the same attributes as the GEXF file.", write: export.WriteGraphML},
	{label: "FollowTheMoney (Aleph)", ext: ".ftm.json", about: "FollowTheMoney JSON lines for Aleph and OpenSanctions: actors, articles as documents, relations citing their articles.", write: export.WriteFtM},
	{label: "STIX 2.1 (OpenCTI, MISP)", ext: ".stix.json", about: "A STIX 2.1 bundle: identities and threat actors, a relationship per relation with its quotes, a report per article.",
		write: func(ctx context.Context, w io.Writer, j export.Job) error { return export.WriteSTIX(ctx, w, j, nil) }},
	{label: "Briefing (HTML)", ext: ".html", briefing: export.WriteBriefingHTML},
	{label: "Briefing (PDF)", ext: ".pdf", briefing: export.WriteBriefingPDF},
	{label: "Markdown vault (Obsidian)", about: "A folder of Markdown notes for Obsidian or any editor: a note per actor with its relations as linked sentences and footnoted quotes, a note per article and per note."},
}

// formatExports runs File ▸ Export. Its save hooks are the file and folder dialogs; the
// tests replace them.
type formatExports struct {
	u          *UI
	saveFile   func(name, ext string, write func(io.Writer) error)
	saveFolder func(name string, write func(dir string) error)
}

func (u *UI) formatExports() *formatExports {
	if u.exports == nil {
		fe := &formatExports{u: u}
		fe.saveFile, fe.saveFolder = fe.fileDialog, fe.folderDialog
		u.exports = fe
	}
	return u.exports
}

// exportMenu is File ▸ Export's submenu.
func (u *UI) exportMenu() *fyne.MenuItem {
	var items []*fyne.MenuItem
	for _, f := range exportFormats {
		items = append(items, fyne.NewMenuItem(f.label+"…", func() { u.formatExports().ask(f) }))
	}
	it := fyne.NewMenuItem("Export", nil)
	it.ChildMenu = fyne.NewMenu("", items...)
	return it
}

// ask offers the open dossier or the whole project, then the file or folder.
func (fe *formatExports) ask(f exportFormat) {
	u := fe.u
	if f.briefing != nil {
		fe.briefing(f)
		return
	}
	// Exports only read, so the unwatched store is asked: the watched one hides its other methods.
	src, ok := unwatched(u.store).(export.Source)
	if !ok {
		u.showInfo("Export", "This project cannot be exported as "+f.label+".")
		return
	}
	project := strings.TrimSuffix(filepath.Base(u.store.Path()), filepath.Ext(u.store.Path()))
	wholeProject := "The whole project"
	options := []string{wholeProject}
	var actor app.Actor
	var seen, whole string
	filter := graph.Filter{}
	if u.dossier.actorID != 0 && u.dossier.shown != 0 {
		actor = u.dossier.d.Actor
		whole = "The dossier of " + actor.Name
		options = append([]string{whole}, options...)
		// While the dossier is filtered, what the researcher sees is offered first.
		if filter = u.dossier.q.current(); filter.Active() {
			whole = "The whole dossier of " + actor.Name
			seen = "The dossier of " + actor.Name + " as I see it (filtered: " + filter.Describe() + ")"
			options = []string{seen, whole, wholeProject}
		}
	}
	scope := widget.NewRadioGroup(options, nil)
	scope.SetSelected(options[0])
	info := widget.NewLabel(f.about)
	info.Wrapping = fyne.TextWrapWord
	button := "Choose file…"
	if f.write == nil {
		button = "Choose folder…"
	}
	d := dialog.NewCustomConfirm("Export as "+f.label, button, "Cancel", container.NewVBox(info, scope), func(ok bool) {
		if !ok {
			return
		}
		j := export.Job{Src: src}
		name := project
		if actor.ID != 0 && scope.Selected != wholeProject {
			j.Scope = app.ExportScope{ActorID: actor.ID, ActorName: actor.Name}
			name = strings.TrimSuffix(dossierFileName(actor.Name), ".csv")
		}
		ctx := u.ctx
		// "As I see it" is read when the file is written, off the UI goroutine: the
		// filtered dossier names the relations and articles the export keeps.
		scoped := func() (export.Job, error) { return j, nil }
		if seen != "" && scope.Selected == seen {
			name += "-filtered"
			scoped = func() (export.Job, error) {
				fd, err := u.filteredDossier(ctx, actor.ID, filter)
				j.Scope = export.FilteredScope(fd, filter.Describe())
				return j, err
			}
		}
		if f.write == nil {
			fe.saveFolder(name+"-vault", func(dir string) error {
				j, err := scoped()
				if err != nil {
					return err
				}
				return export.WriteVaultDir(ctx, dir, j)
			})
			return
		}
		fe.saveFile(name+f.ext, f.ext, func(w io.Writer) error {
			j, err := scoped()
			if err != nil {
				return err
			}
			return f.write(ctx, w, j)
		})
	}, u.win)
	d.Resize(dossierDialogSize(u.win, 560, 340))
	u.showConfirm(d, false)
}

// filteredDossier reads the whole dossier of actorID as filter shows it.
func (u *UI) filteredDossier(ctx context.Context, actorID int64, filter graph.Filter) (app.Dossier, error) {
	qs, ok := u.questions()
	if !ok {
		return app.Dossier{}, &app.Error{Code: app.EINTERNAL, Message: "This project cannot be filtered."}
	}
	d, _, err := qs.FilteredDossier(ctx, actorID, filter, 0)
	return d, err
}

// fileDialog asks where to save, then writes in the background.
func (fe *formatExports) fileDialog(name, ext string, write func(io.Writer) error) {
	u := fe.u
	d := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		if err != nil {
			u.showError(err)
			return
		}
		if w == nil {
			return
		}
		u.async(func(context.Context) {
			err := write(w)
			if cerr := w.Close(); err == nil && cerr != nil {
				err = &app.Error{Code: app.EINTERNAL, Message: "Could not finish writing " + w.URI().Name() + ".", Err: cerr}
			}
			if err != nil {
				u.showError(err)
				return
			}
			path := w.URI().Path()
			fyne.Do(func() { u.showInfo("Exported", "Saved "+path+".") })
		})
	}, u.win)
	d.SetFileName(name)
	d.SetFilter(storage.NewExtensionFileFilter([]string{filepath.Ext(ext)}))
	d.Show()
}

// folderDialog asks for the folder to make the vault in; the vault is a new folder there.
func (fe *formatExports) folderDialog(name string, write func(dir string) error) {
	u := fe.u
	dialog.NewFolderOpen(func(dir fyne.ListableURI, err error) {
		if err != nil {
			u.showError(err)
			return
		}
		if dir == nil {
			return
		}
		path := filepath.Join(dir.Path(), name)
		u.async(func(context.Context) {
			if err := write(path); err != nil {
				u.showError(err)
				return
			}
			fyne.Do(func() { u.showInfo("Exported", "Wrote the vault to "+path+".") })
		})
	}, u.win).Show()
}

// briefing saves the open dossier as a briefing, everything in it (no mention cap) with
// its ego graph; while the dossier is filtered it asks first whether the briefing holds
// what the researcher sees or everything, and the document says which.
func (fe *formatExports) briefing(f exportFormat) {
	u := fe.u
	if u.dossier.actorID == 0 || u.dossier.shown == 0 {
		u.showInfo(f.label, "Open an actor’s dossier first ("+shortcutKey(fyne.KeyD)+"); the briefing is of one dossier.")
		return
	}
	bs, ok := unwatched(u.store).(export.BriefingSource)
	if !ok {
		u.showInfo(f.label, "This project cannot be exported as a briefing.")
		return
	}
	ctx, a := u.ctx, u.dossier.d.Actor
	name := strings.Replace(strings.TrimSuffix(dossierFileName(a.Name), ".csv"), "dossier-", "briefing-", 1)
	save := func(filter graph.Filter) {
		file := name
		if filter.Active() {
			file += "-filtered"
		}
		fe.saveFile(file+f.ext, f.ext, func(w io.Writer) error {
			b, err := export.NewBriefing(ctx, bs, a.ID, filter)
			if err != nil {
				return err
			}
			return f.briefing(w, b)
		})
	}
	filter := u.dossier.q.current()
	if !filter.Active() {
		save(graph.Filter{})
		return
	}
	seen, all := "What I see (filtered: "+filter.Describe()+")", "Everything in the dossier"
	choice := widget.NewRadioGroup([]string{seen, all}, nil)
	choice.SetSelected(seen)
	info := widget.NewLabel("The briefing of " + a.Name + ": its profile, its graph, its relations with their sources, its timeline and notes.")
	info.Wrapping = fyne.TextWrapWord
	d := dialog.NewCustomConfirm(f.label, "Choose file…", "Cancel", container.NewVBox(info, choice), func(ok bool) {
		if !ok {
			return
		}
		if choice.Selected == seen {
			save(filter)
			return
		}
		save(graph.Filter{})
	}, u.win)
	d.Resize(dossierDialogSize(u.win, 560, 300))
	u.showConfirm(d, false)
}
