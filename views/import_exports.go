package views

import (
	"context"
	"fmt"
	"strings"

	"dossier/app"
	"dossier/app/export"
)

// Dossier's own exports dropped on the window or chosen in File ▸ Import are taken by
// their content, as `dossier import` takes them: FollowTheMoney lines and the relations
// CSV are imported record by record with the batch's summary line and the records it
// skipped; a dossier CSV is refused with the batch's reason; every other path goes to
// the article import.

// outcomeSkipped marks, in the summary's list, a record an export's import skipped.
const outcomeSkipped = "skipped"

// exportImport is one export file imported from the window.
type exportImport struct {
	path, kind string
	sum        export.FtMSummary
}

// line is the file's line in the summary and the report, as `dossier import` prints it.
func (e exportImport) line() string {
	return export.KindLabel(e.kind) + ": " + e.path + " — " + e.sum.Line()
}

// importExports files the paths that are exports and returns the others. It runs on the
// import's goroutine; it stops at the first export that fails, as the batch does.
func (r *importRun) importExports(ctx context.Context, st Store, paths []string) (rest []string, err error) {
	for _, p := range paths {
		kind := export.FileKind(p)
		switch kind {
		case "":
			rest = append(rest, p)
			continue
		case export.FileDossier:
			res := app.ImportResult{Path: p, Outcome: app.ImportRefused, Message: "This is " + export.DossierCSVRefusal}
			r.result(res)
			r.refusedExports++
			continue
		}
		cs, ok := unwatched(st).(export.CSVStore)
		if !ok {
			return nil, app.Errorf(app.EINTERNAL, "This project cannot import %s files.", export.KindLabel(kind))
		}
		sum, err := export.ImportFile(ctx, cs, kind, p)
		if w, ok := st.(interface{ wroteExport() }); ok {
			w.wroteExport() // the window's counts follow
		}
		e := exportImport{path: p, kind: kind, sum: sum}
		r.exports = append(r.exports, e)
		r.report.WriteString(e.line() + "\n")
		for _, sk := range sum.Skipped {
			r.report.WriteString("skipped: " + p + " — " + sk + "\n")
			r.problems = append(r.problems, app.ImportResult{Path: p, Outcome: outcomeSkipped, Message: sk})
		}
		if n := sum.Unlisted(); n > 0 {
			msg := fmt.Sprintf("%d more not listed", n)
			r.report.WriteString("skipped: " + p + " — " + msg + "\n")
			r.problems = append(r.problems, app.ImportResult{Path: p, Outcome: outcomeSkipped, Message: msg})
		}
		if err != nil {
			return nil, err
		}
	}
	return rest, nil
}

// exportLines are the exports' summary lines, one per file.
func (r *importRun) exportLines() string {
	var lines []string
	for _, e := range r.exports {
		lines = append(lines, e.line())
	}
	return strings.Join(lines, "\n")
}
