package views

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"dossier/app"
)

// Bulk import from the window: File ▸ Import files… (Ctrl+I) asks for a folder or a file,
// dropping files and folders on the window starts at once (importPaths). The store does
// the work on a background goroutine in batches; the window shows a progress dialog with
// Cancel, then a summary that can be saved as a text report.

// importer runs the window's imports, one at a time.
type importer struct {
	u *UI
	// batchSize is how many articles the store files per transaction; 0 leaves it to
	// the store. Tests set it small to see several batches.
	batchSize int

	// Seams: tests replace them so no real file dialog opens.
	pickFolder func(onPath func(string))
	pickFile   func(onPath func(string))
	saveReport func(name, text string)
	// observe, when set, sees every progress report on the import's goroutine (tests).
	observe func(app.ImportProgress)
	// now is the clock that throttles the progress dialog's updates.
	now func() time.Time

	run     *importRun     // the import under way, if any
	summary *importSummary // the last summary shown
}

// importer returns the UI's importer, making it the first time.
func (u *UI) importer() *importer {
	if u.imp == nil {
		imp := &importer{u: u, now: time.Now}
		imp.pickFolder = imp.chooseFolder
		imp.pickFile = imp.chooseFile
		imp.saveReport = imp.saveWithDialog
		u.imp = imp
	}
	return u.imp
}

// importPaths imports files and folders at once, without asking: what was dropped on the
// window. Folders are read with everything beneath them.
func (u *UI) importPaths(paths []string) {
	u.importer().start(paths)
}

// importRunning reports whether an import is under way, so the window can refuse to
// switch projects meanwhile.
func (u *UI) importRunning() bool {
	return u.importer().run != nil
}

// choose asks whether to import a folder or a file, then imports it.
func (imp *importer) choose() {
	if imp.busy() {
		return
	}
	intro := widget.NewLabel("Import every article in a folder and its subfolders, or in one file. " +
		"Dossier reads plain text, Markdown, saved web pages, RSS and Atom feeds and e-mail (.eml); " +
		"a file it cannot read is listed with the reason, " +
		"and an article already filed is listed as a duplicate, not filed twice. " +
		"Dossier's own FollowTheMoney and relations CSV exports are recognised by their content and imported record by record.\n\n" +
		"You can also drop files and folders on the window.")
	intro.Wrapping = fyne.TextWrapWord
	var d *dialog.CustomDialog
	folder := widget.NewButtonWithIcon("Choose a folder…", theme.FolderOpenIcon(), func() {
		d.Hide()
		imp.pickFolder(func(path string) { imp.start([]string{path}) })
	})
	folder.Importance = widget.HighImportance
	file := widget.NewButtonWithIcon("Choose a file…", theme.FileIcon(), func() {
		d.Hide()
		imp.pickFile(func(path string) { imp.start([]string{path}) })
	})
	cancel := widget.NewButtonWithIcon("Cancel", theme.CancelIcon(), func() { d.Hide() })
	d = dialog.NewCustomWithoutButtons("Import articles", intro, imp.u.win)
	d.SetButtons([]fyne.CanvasObject{cancel, file, folder})
	d.Resize(fyne.NewSize(560, 240))
	imp.u.showKeyed(d, dialogKeys{cancel: d.Hide})
}

// busy tells the user an import is already running, and reports whether one is.
func (imp *importer) busy() bool {
	if imp.run == nil {
		return false
	}
	imp.u.showInfo("Import under way", "An import is already running. Wait for it to finish, or cancel it, before starting another.")
	return true
}

// chooseFolder is the real pickFolder: the import's own chooser (see browser).
func (imp *importer) chooseFolder(onPath func(string)) {
	imp.browse(false, onPath)
}

// chooseFile is the real pickFile.
func (imp *importer) chooseFile(onPath func(string)) {
	imp.browse(true, onPath)
}

// importRun is one import under way: its progress dialog and what it has reported.
type importRun struct {
	imp     *importer
	paths   []string
	started time.Time
	cancel  context.CancelFunc

	dlg       *dialog.CustomDialog
	bar       *widget.ProgressBar
	counts    *widget.Label
	current   *widget.Label
	cancelBtn *widget.Button

	// Written on the import's goroutine only, read once it is over.
	shown    time.Time // when the dialog was last updated
	report   strings.Builder
	problems []app.ImportResult // duplicates, refusals and articles filed with warnings, for the summary's list
	// exports are Dossier's own export files imported (import_exports.go), and
	// refusedExports the dossier CSVs refused; articles is false when no path was left
	// for the article import.
	exports        []exportImport
	refusedExports int
	articles       bool
}

// progressEvery is the least time between two updates of the progress dialog: ten a
// second is smooth to the eye and costs the window nothing.
const progressEvery = 100 * time.Millisecond

// start imports paths in the background with a progress dialog.
func (imp *importer) start(paths []string) {
	if len(paths) == 0 || imp.busy() {
		return
	}
	ctx, cancel := context.WithCancel(imp.u.ctx)
	r := &importRun{imp: imp, paths: paths, started: imp.now(), cancel: cancel}
	imp.run = r
	r.showDialog()
	st := imp.u.store
	opt := app.ImportOptions{BatchSize: imp.batchSize, Progress: r.progress, Result: r.result}
	imp.u.async(func(context.Context) {
		var sum app.ImportSummary
		rest, err := r.importExports(ctx, st, paths)
		if err == nil && (len(rest) > 0 || len(r.exports)+r.refusedExports == 0) {
			r.articles = true
			sum, err = st.ImportFiles(ctx, rest, opt)
		}
		cancel()
		fyne.Do(func() { r.finish(sum, err) })
	})
}

func (r *importRun) showDialog() {
	r.bar = widget.NewProgressBar()
	r.counts = widget.NewLabel("Looking for files…")
	r.current = widget.NewLabel(" ")
	r.current.Truncation = fyne.TextTruncateEllipsis
	hint := widget.NewLabel("Cancel stops the import; the articles filed until then stay filed.")
	hint.Importance = widget.LowImportance
	hint.Wrapping = fyne.TextWrapWord
	r.cancelBtn = widget.NewButtonWithIcon("Cancel", theme.CancelIcon(), r.stop)
	r.dlg = dialog.NewCustomWithoutButtons("Importing articles", container.NewVBox(r.bar, r.counts, r.current, hint), r.imp.u.win)
	r.dlg.SetButtons([]fyne.CanvasObject{r.cancelBtn})
	r.dlg.Resize(fyne.NewSize(600, 260))
	// Esc is the Cancel button: it stops the import, keeping what was filed.
	r.imp.u.showKeyed(r.dlg, dialogKeys{cancel: func() {
		if !r.cancelBtn.Disabled() {
			r.stop()
		}
	}})
}

// stop is the Cancel button: the store stops after the article it is filing and keeps
// the batch filed so far.
func (r *importRun) stop() {
	r.cancel()
	r.cancelBtn.SetText("Stopping…")
	r.cancelBtn.Disable()
	r.current.SetText("Stopping: keeping what was filed so far…")
}

// progress runs on the import's goroutine for every article; the dialog is updated at
// most ten times a second.
func (r *importRun) progress(p app.ImportProgress) {
	if r.imp.observe != nil {
		r.imp.observe(p)
	}
	if now := r.imp.now(); now.Sub(r.shown) >= progressEvery {
		r.shown = now
		fyne.Do(func() { r.show(p) })
	}
}

func (r *importRun) show(p app.ImportProgress) {
	if r.imp.run != r {
		return // a late update of an import already over
	}
	if p.TotalFiles > 0 {
		r.bar.Max = float64(p.TotalFiles)
		r.bar.SetValue(float64(min(p.Files, p.TotalFiles)))
	}
	r.counts.SetText(progressText(p))
	if r.cancelBtn.Disabled() {
		return // keep saying it is stopping
	}
	r.current.SetText(shortPath(r.paths, p.Current))
}

// shortPath names a file by where it is in the folder imported ("inbox/2026/page.html"):
// the full path would have its end, the file's name, cut off by the dialog's width.
func shortPath(roots []string, path string) string {
	for _, root := range roots {
		rel, err := filepath.Rel(root, path)
		if err == nil && rel != "." && !strings.HasPrefix(rel, "..") {
			return filepath.Join(filepath.Base(root), rel)
		}
	}
	return path
}

// progressText is the dialog's count line: "1,234 of ~5,000 files · 1,200 filed · 30
// duplicates · 4 refused".
func progressText(p app.ImportProgress) string {
	files := articleGroupDigits(p.Files) + " files"
	switch {
	case p.TotalFiles > 0 && p.TotalKnown:
		files = articleGroupDigits(p.Files) + " of ~" + articleGroupDigits(p.TotalFiles) + " files"
	case p.TotalFiles > 0:
		// The folders are still being counted: the total so far is a floor, not a total.
		files = articleGroupDigits(p.Files) + " of " + articleGroupDigits(p.TotalFiles) + "+ files (still counting)"
	}
	return strings.Join([]string{files, articleGroupDigits(p.Filed) + " filed",
		countPhrase(p.Duplicates, "duplicate", "duplicates"), articleGroupDigits(p.Refused) + " refused"}, " · ")
}

func countPhrase(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return articleGroupDigits(n) + " " + many
}

// result runs on the import's goroutine for every article or refused file, once filed
// for good. It writes the report line, as `dossier import` prints it.
func (r *importRun) result(res app.ImportResult) {
	r.report.WriteString(resultLine(res))
	r.report.WriteByte('\n')
	if res.Outcome != app.ImportFiled || len(res.Warnings) > 0 {
		r.problems = append(r.problems, res)
	}
}

// resultLine is a result's line of the report, as `dossier import` prints it, a filed
// article's warnings in brackets.
func resultLine(res app.ImportResult) string {
	switch res.Outcome {
	case app.ImportFiled:
		if len(res.Warnings) > 0 {
			return fmt.Sprintf("filed: %s — “%s” [%s]", res.Path, res.Title, res.WarningText())
		}
		return fmt.Sprintf("filed: %s — “%s”", res.Path, res.Title)
	case app.ImportDuplicate:
		return fmt.Sprintf("duplicate: %s — %s", res.Path, res.Message)
	}
	return fmt.Sprintf("refused: %s — %s", res.Path, res.Message)
}

// finish closes the progress dialog, shows the summary and brings the article list up
// to date.
func (r *importRun) finish(sum app.ImportSummary, err error) {
	r.dlg.Hide()
	r.imp.run = nil
	if errors.Is(err, context.Canceled) {
		err = nil // the user's own doing; the summary says it was stopped
		sum.Cancelled = true
	}
	r.imp.showSummary(r, sum, err)
	r.imp.u.articles.reload()
	if sum.Filed > 0 {
		// The review queue reads the new articles in the background, its progress on
		// the Suggestions screen (see Store.ImportFiles).
		r.imp.u.queue.reload()
	}
}

// importSummary is the dialog shown at the end of an import.
type importSummary struct {
	dlg      *dialog.CustomDialog
	headline *widget.Label
	note     *widget.Label
	list     *widget.List
	problems []app.ImportResult
	save     *widget.Button
	report   string
	detail   dialog.Dialog // the line shown in full, if any
}

func (imp *importer) showSummary(r *importRun, sum app.ImportSummary, err error) {
	s := &importSummary{problems: r.problems}
	imp.summary = s
	headline := summaryHeadline(sum)
	if !r.articles {
		headline = countPhrase(len(r.exports), "Dossier export imported", "Dossier exports imported")
		if len(r.exports) == 0 {
			headline = "Nothing imported"
		}
	}
	s.headline = widget.NewLabel(headline)
	s.headline.TextStyle = fyne.TextStyle{Bold: true}
	s.headline.Wrapping = fyne.TextWrapWord
	s.note = widget.NewLabel(summaryNote(sum, err, len(s.problems)))
	if !r.articles {
		s.note.SetText(exportsNote(err, len(s.problems)))
	}
	if lines := r.exportLines(); lines != "" {
		s.note.SetText(lines + "\n" + s.note.Text)
	}
	if w := sum.WarningText(); w != "" {
		s.note.SetText("Warnings: " + w + ".\n" + s.note.Text)
	}
	s.note.Wrapping = fyne.TextWrapWord
	if err != nil {
		s.note.Importance = widget.DangerImportance
	}
	s.report = reportText(r, sum, err, imp.u.store.Path())

	var body fyne.CanvasObject = widget.NewLabel("")
	if len(s.problems) > 0 {
		s.list = widget.NewList(func() int { return len(s.problems) }, newProblemRow, s.updateRow)
		s.list.OnSelected = func(i widget.ListItemID) {
			s.list.Unselect(i)
			s.details(i, imp.u)
		}
		body = s.list
	}
	title := "Import finished"
	switch {
	case err != nil:
		title = "Import stopped by an error"
	case sum.Cancelled:
		title = "Import cancelled"
	}
	s.save = widget.NewButtonWithIcon("Save report…", theme.DocumentSaveIcon(), func() {
		imp.saveReport(reportFileName(r.started), s.report)
	})
	closeBtn := widget.NewButtonWithIcon("Close", theme.ConfirmIcon(), func() { s.dlg.Hide() })
	closeBtn.Importance = widget.HighImportance
	s.dlg = dialog.NewCustomWithoutButtons(title, container.NewBorder(container.NewVBox(s.headline, s.note), nil, nil, nil, body), imp.u.win)
	s.dlg.SetButtons([]fyne.CanvasObject{s.save, closeBtn})
	size := imp.u.win.Canvas().Size()
	s.dlg.Resize(fyne.NewSize(min(max(size.Width*0.7, 560), 960), max(size.Height*0.7, 380)))
	imp.u.showKeyed(s.dlg, dialogKeys{cancel: s.dlg.Hide, confirm: s.dlg.Hide})
}

// summaryHeadline is "1,200 articles filed · 30 duplicates · 4 refused, from 1,234 files".
func summaryHeadline(sum app.ImportSummary) string {
	return fmt.Sprintf("%s filed · %s · %s refused, from %s",
		countPhrase(sum.Filed, "article", "articles"), countPhrase(sum.Duplicates, "duplicate", "duplicates"),
		articleGroupDigits(sum.Refused), countPhrase(sum.Files, "file", "files"))
}

func summaryNote(sum app.ImportSummary, err error, problems int) string {
	var parts []string
	switch {
	case err != nil:
		parts = append(parts, "The import stopped: "+app.ErrorMessage(err)+" The articles filed before that stay filed.")
	case sum.Cancelled:
		parts = append(parts, "You cancelled the import. The articles filed until then stay filed; importing the same files again files the rest and lists these as duplicates.")
	case sum.Files == 0:
		parts = append(parts, "No files were found to import (hidden files are passed over).")
	}
	if problems > 0 {
		parts = append(parts, "Below: the files refused, with the reason, the articles already filed and the articles filed with warnings; select a line to read it in full. Save report… keeps the whole list, every filed article included.")
	} else if sum.Files > 0 {
		parts = append(parts, "Nothing was refused, nothing was filed twice and nothing needs a warning.")
	}
	return strings.Join(parts, "\n")
}

func newProblemRow() fyne.CanvasObject {
	what := widget.NewLabel("")
	what.TextStyle = fyne.TextStyle{Bold: true}
	what.Truncation = fyne.TextTruncateEllipsis
	why := widget.NewLabel("")
	why.Truncation = fyne.TextTruncateEllipsis
	return container.NewVBox(what, why)
}

func (s *importSummary) updateRow(i widget.ListItemID, o fyne.CanvasObject) {
	labels := o.(*fyne.Container).Objects
	p := s.problems[i]
	kind, why := problemText(p)
	labels[0].(*widget.Label).SetText(kind + ": " + p.Path)
	labels[1].(*widget.Label).SetText(why)
}

// exportsNote is the summary's note when only exports were imported.
func exportsNote(err error, problems int) string {
	switch {
	case err != nil:
		return "The import stopped: " + app.ErrorMessage(err)
	case problems > 0:
		return "Below: the records skipped and the files refused, with the reason; select a line to read it in full."
	}
	return "Nothing was skipped."
}

// problemText is what the summary's list says of a result: its kind and why.
func problemText(p app.ImportResult) (kind, why string) {
	switch p.Outcome {
	case outcomeSkipped:
		return "Skipped", p.Message
	case app.ImportDuplicate:
		return "Duplicate", p.Message
	case app.ImportFiled:
		return "Filed with warnings", "“" + p.Title + "”: " + p.WarningText()
	}
	return "Refused", p.Message
}

// details shows a line of the list in full, however long its reason.
func (s *importSummary) details(i int, u *UI) {
	win := u.win
	if i < 0 || i >= len(s.problems) {
		return
	}
	kind, why := problemText(s.problems[i])
	path := widget.NewLabel(s.problems[i].Path)
	path.Wrapping = fyne.TextWrapBreak
	path.TextStyle = fyne.TextStyle{Bold: true}
	text := widget.NewLabel(why)
	text.Wrapping = fyne.TextWrapWord
	d := dialog.NewCustom(kind, "Close", container.NewVScroll(container.NewVBox(path, text)), win)
	d.Resize(fyne.NewSize(520, 300))
	u.showKeyed(d, dialogKeys{cancel: d.Hide, confirm: d.Hide})
	s.detail = d
}

// reportText is the saved report: a heading, the counts, then one line per article or
// refused file, as `dossier import` prints them.
func reportText(r *importRun, sum app.ImportSummary, err error, project string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "Dossier import report, %s\n", r.started.Format("2 Jan 2006 15:04"))
	fmt.Fprintf(&b, "Project: %s\n", project)
	for _, p := range r.paths {
		fmt.Fprintf(&b, "Imported: %s\n", p)
	}
	if r.articles {
		fmt.Fprintf(&b, "%d filed, %d duplicates, %d refused, from %d files\n", sum.Filed, sum.Duplicates, sum.Refused, sum.Files)
	}
	if w := sum.WarningText(); w != "" {
		fmt.Fprintf(&b, "Warnings: %s\n", w)
	}
	switch {
	case err != nil:
		fmt.Fprintf(&b, "Stopped by an error: %s\n", app.ErrorMessage(err))
	case sum.Cancelled:
		b.WriteString("Cancelled before the end.\n")
	}
	b.WriteString("\n")
	b.WriteString(r.report.String())
	return b.String()
}

// reportFileName suggests "import-report-2026-05-01-1530.txt".
func reportFileName(t time.Time) string {
	return "import-report-" + t.Format("2006-01-02-1504") + ".txt"
}

// saveWithDialog is the real saveReport: a file-save dialog, then the writing.
func (imp *importer) saveWithDialog(name, text string) {
	d := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		if err != nil {
			imp.u.showError(err)
			return
		}
		if w == nil {
			return // cancelled
		}
		_, err = w.Write([]byte(text))
		if cerr := w.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			imp.u.showError(&app.Error{Code: app.EINTERNAL, Message: "Could not write the report to " + w.URI().Name() + ".", Err: err})
		}
	}, imp.u.win)
	d.SetFileName(name)
	d.Show()
}
