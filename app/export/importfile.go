package export

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"sort"
	"strings"

	"dossier/app"
)

// Kinds of Dossier's own export files, as FileKind tells them apart by content.
const (
	FileFtM       = "ftm"       // FollowTheMoney JSON lines
	FileRelations = "relations" // the relations CSV
	FileDossier   = "dossier"   // one actor's dossier CSV, which is not imported
)

// DossierCSVRefusal says why a dossier CSV is not imported, and what to import instead.
const DossierCSVRefusal = "this is one actor's dossier exported as CSV, a view for spreadsheets; " +
	"import the project's FollowTheMoney export (dossier export ftm) or its relations CSV instead."

// FileKind reads the start of a regular file and says which of Dossier's exports it is:
// FileFtM, FileRelations, FileDossier, or "" for anything else (folders and files that
// cannot be read included: the article import reports what is wrong with them). The
// batch import and the window's both ask it, so a file is taken the same way by each.
func FileKind(path string) string {
	fi, err := os.Stat(path)
	if err != nil || !fi.Mode().IsRegular() {
		return ""
	}
	f, err := os.Open(path)
	if err != nil {
		return ""
	}
	defer f.Close()
	head := make([]byte, 64<<10)
	n, _ := io.ReadFull(f, head)
	return kindOf(head[:n])
}

func kindOf(head []byte) string {
	if IsFtM(head) {
		return FileFtM
	}
	line, _, _ := strings.Cut(strings.TrimPrefix(string(head), "\ufeff"), "\n")
	switch strings.TrimRight(line, "\r") {
	case strings.Join(RelationColumns, ","):
		return FileRelations
	case strings.Join(DossierColumns, ","):
		return FileDossier
	}
	return ""
}

// ImportFile imports the export at path, of the kind FileKind found (FileFtM or
// FileRelations), and returns what it did.
func ImportFile(ctx context.Context, st CSVStore, kind, path string) (FtMSummary, error) {
	open := func() (io.ReadCloser, error) {
		f, err := os.Open(path)
		if err != nil {
			reason := err
			var pe *fs.PathError
			if errors.As(err, &pe) {
				reason = pe.Err // "permission denied", the path being said already
			}
			return nil, &app.Error{Code: app.EINVALID, Err: err, Message: fmt.Sprintf("Cannot read %s: %v.", path, reason)}
		}
		return f, nil
	}
	switch kind {
	case FileFtM:
		return ImportFtM(ctx, st, open)
	case FileRelations:
		f, err := open()
		if err != nil {
			return FtMSummary{}, err
		}
		defer f.Close()
		return ImportRelationsCSV(ctx, st, f)
	}
	return FtMSummary{}, app.Errorf(app.EINVALID, "%s is not a FollowTheMoney or relations CSV export.", path)
}

// KindLabel names a kind of export file the way the summaries print it.
func KindLabel(kind string) string {
	if kind == FileRelations {
		return "relations csv"
	}
	return kind
}

// Line is the summary of an export's import in one line, as the batch prints it and the
// window shows it: "added 3 actor, 2 relation; already in the project 1 article; skipped 0".
func (s FtMSummary) Line() string {
	return fmt.Sprintf("added %s; already in the project %s; skipped %d", countsText(s.Added), countsText(s.Known), s.SkippedTotal)
}

// Unlisted is how many skipped records Skipped does not list (it is cut at 200).
func (s FtMSummary) Unlisted() int { return s.SkippedTotal - len(s.Skipped) }

// countsText writes "3 actors, 1 relation" in a fixed order, "nothing" when empty.
func countsText(m map[string]int) string {
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
