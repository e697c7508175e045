package cli

import (
	"context"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"

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
		kind, err := exportKind(p)
		if err != nil {
			return nil, handled, err
		}
		switch kind {
		case "":
			rest = append(rest, p)
		case "ftm":
			handled = true
			if err := importFtMFile(ctx, env, s, p); err != nil {
				return nil, handled, err
			}
		case "relations":
			handled = true
			if err := importRelationsFile(ctx, env, s, p); err != nil {
				return nil, handled, err
			}
		default:
			handled = true
			fmt.Fprintf(env.Stdout, "refused: %s — this is one actor's dossier exported as CSV, a view for spreadsheets; "+
				"import the project's FollowTheMoney export (dossier export ftm) or its relations CSV instead.\n", shown(p))
		}
	}
	return rest, handled, nil
}

// exportKind reads the start of a regular file and says which export it is: "ftm",
// "relations", "dossier", or "" for anything else (folders included).
func exportKind(path string) (string, error) {
	fi, err := os.Stat(path)
	if err != nil || !fi.Mode().IsRegular() {
		return "", nil // the article import reports what is wrong with it
	}
	f, err := os.Open(path)
	if err != nil {
		return "", nil
	}
	defer f.Close()
	head := make([]byte, 64<<10)
	n, _ := io.ReadFull(f, head)
	head = head[:n]
	if export.IsFtM(head) {
		return "ftm", nil
	}
	line, _, _ := strings.Cut(strings.TrimPrefix(string(head), "\ufeff"), "\n")
	switch strings.TrimRight(line, "\r") {
	case strings.Join(export.RelationColumns, ","):
		return "relations", nil
	case strings.Join(export.DossierColumns, ","):
		return "dossier", nil
	}
	return "", nil
}

func importRelationsFile(ctx context.Context, env Env, s Store, path string) error {
	st, ok := s.(export.CSVStore)
	if !ok {
		return app.Errorf(app.EINTERNAL, "This project cannot import relations CSV files.")
	}
	f, err := os.Open(path)
	if err != nil {
		return &app.Error{Code: app.EINVALID, Err: err, Message: fmt.Sprintf("Cannot read %s: %v.", path, pathReason(err))}
	}
	defer f.Close()
	sum, err := export.ImportRelationsCSV(ctx, st, f)
	printImportSummary(env, "relations csv", path, sum)
	return err
}

func importFtMFile(ctx context.Context, env Env, s Store, path string) error {
	st, ok := s.(export.FtMStore)
	if !ok {
		return app.Errorf(app.EINTERNAL, "This project cannot import FollowTheMoney files.")
	}
	sum, err := export.ImportFtM(ctx, st, func() (io.ReadCloser, error) {
		f, err := os.Open(path)
		if err != nil {
			return nil, &app.Error{Code: app.EINVALID, Err: err, Message: fmt.Sprintf("Cannot read %s: %v.", path, pathReason(err))}
		}
		return f, nil
	})
	printImportSummary(env, "ftm", path, sum)
	return err
}

// printImportSummary prints what an export's import did and every record it skipped
// (up to the summary's cut, whose rest is counted).
func printImportSummary(env Env, what, path string, sum export.FtMSummary) {
	fmt.Fprintf(env.Stdout, "%s: %s — added %s; already in the project %s; skipped %d\n",
		what, shown(path), counts(sum.Added), counts(sum.Known), sum.SkippedTotal)
	for _, sk := range sum.Skipped {
		fmt.Fprintf(env.Stdout, "skipped: %s — %s\n", shown(path), shown(sk))
	}
	if sum.SkippedTotal > len(sum.Skipped) {
		fmt.Fprintf(env.Stdout, "skipped: %s — %d more not listed\n", shown(path), sum.SkippedTotal-len(sum.Skipped))
	}
}

// counts writes "3 actors, 1 relation" in a fixed order, "nothing" when empty.
func counts(m map[string]int) string {
	var kinds []string
	for k := range m {
		kinds = append(kinds, k)
	}
	sort.Strings(kinds)
	var parts []string
	for _, k := range kinds {
		parts = append(parts, fmt.Sprintf("%d %s", m[k], k))
	}
	if len(parts) == 0 {
		return "nothing"
	}
	return strings.Join(parts, ", ")
}
