package cli

import (
	"context"
	"fmt"
	"os"

	"dossier/app"
	"dossier/app/export"
)

// importExports files the paths that are Dossier's own exports, recognised by their
// content whatever their names: FollowTheMoney JSON lines and the relations CSV are
// imported record by record, UUIDs kept (the CSV's sources only where the project has
// their articles, see export.ImportRelationsCSV); a dossier CSV is refused with the
// reason. It returns the other paths, for the article
// import, and whether it handled any.
func importExports(ctx context.Context, env Env, s Store, paths []string) (rest []string, handled bool, err error) {
	for _, p := range paths {
		kind := export.FileKind(p)
		switch kind {
		case "":
			rest = append(rest, p)
		case export.FileFtM, export.FileRelations:
			handled = true
			if err := importExportFile(ctx, env, s, kind, p); err != nil {
				return nil, handled, err
			}
		default:
			handled = true
			fmt.Fprintf(env.Stdout, "refused: %s — %s\n", shown(p), export.DossierCSVRefusal)
		}
	}
	return rest, handled, nil
}

func importExportFile(ctx context.Context, env Env, s Store, kind, path string) error {
	st, ok := s.(export.CSVStore)
	if !ok {
		return app.Errorf(app.EINTERNAL, "This project cannot import %s files.", export.KindLabel(kind))
	}
	if _, err := os.Stat(path); err != nil {
		return &app.Error{Code: app.EINVALID, Err: err, Message: fmt.Sprintf("Cannot read %s: %v.", path, pathReason(err))}
	}
	sum, err := export.ImportFile(ctx, st, kind, path)
	printImportSummary(env, export.KindLabel(kind), path, sum)
	return err
}

// printImportSummary prints what an export's import did and every record it skipped
// (up to the summary's cut, whose rest is counted).
func printImportSummary(env Env, what, path string, sum export.FtMSummary) {
	fmt.Fprintf(env.Stdout, "%s: %s — %s\n", what, shown(path), sum.Line())
	for _, sk := range sum.Skipped {
		fmt.Fprintf(env.Stdout, "skipped: %s — %s\n", shown(path), shown(sk))
	}
	if n := sum.Unlisted(); n > 0 {
		fmt.Fprintf(env.Stdout, "skipped: %s — %d more not listed\n", shown(path), n)
	}
}
