package app

import (
	"fmt"
	"slices"
	"strings"
)

// What became of one article (or one refused file) in a bulk import (ImportResult.Outcome).
const (
	ImportFiled     = "filed"
	ImportDuplicate = "duplicate"
	ImportRefused   = "refused"
)

// DefaultImportBatch is how many articles a bulk import files per transaction when
// ImportOptions.BatchSize is not set: large enough that the commit costs little per
// article, small enough that a cancel or a crash loses at most a moment's work.
const DefaultImportBatch = 500

// ImportResult is what became of one article of an import, or of one file refused as a
// whole. A file holding several articles (a feed) gives several results with its Path.
type ImportResult struct {
	Path    string
	Outcome string // ImportFiled, ImportDuplicate or ImportRefused
	// Title is the article's title (filed or duplicate); empty for a file refused before
	// it could be read.
	Title string
	// ID is the filed article's id, or for a duplicate the id of the article it repeats.
	ID int64
	// Message says why, for a duplicate ("Already filed as “…”: the same URL.") and a refusal.
	Message string
	// Warnings says what the importer could not do perfectly for a filed article (a
	// lossy decode, an encoding it chose, a date it could not find). Each must reach
	// the article's line and the summary: see WarningText and ImportSummary.Warnings.
	Warnings []ImportWarning
}

// Kinds of import warnings (ImportWarning.Kind). WarningKinds lists them all.
const (
	// WarnReplaced: bytes that are not text in the file's encoding were replaced with
	// U+FFFD (�), which the article's text shows where they were.
	WarnReplaced = "replaced"
	// WarnEncoding: the file was not UTF-8 and was read in the encoding named.
	WarnEncoding = "encoding"
	// WarnUndated: no date was found; the article is filed undated.
	WarnUndated = "undated"
)

// WarningKinds is every kind of import warning, in the order a summary names them.
var WarningKinds = []string{WarnReplaced, WarnEncoding, WarnUndated}

// UndatedWarning is the warning of an article filed without a date.
var UndatedWarning = ImportWarning{Kind: WarnUndated, Message: "undated: no date found", Tally: "undated"}

// ImportWarning is one thing an import did not do perfectly for an article.
type ImportWarning struct {
	Kind string // one of WarningKinds
	// Message is what the article's line says: "2 invalid bytes replaced with �, line 14".
	Message string
	// Tally is what the summary counts the article under: "with invalid bytes replaced",
	// "read as Windows-1252", "undated". Articles with the same tally are counted together.
	Tally string
}

// WarningText joins the warnings of one result for its line: "2 invalid bytes replaced
// with �, line 14; undated: no date found". It is empty without warnings.
func (r ImportResult) WarningText() string {
	msgs := make([]string, len(r.Warnings))
	for i, w := range r.Warnings {
		msgs[i] = w.Message
	}
	return strings.Join(msgs, "; ")
}

// WarningCount is how many filed articles share one tally of warning.
type WarningCount struct {
	Kind, Tally string
	Articles    int
}

// ImportProgress is how far an import has got. Counts include the batch being filed,
// which a cancel still keeps; Committed counts only what is safely in the project.
type ImportProgress struct {
	Files int // files read so far (a feed counts once)
	// TotalFiles is how many files were found to read; it grows while the folders are
	// still being counted (TotalKnown false), and it is an estimate: files that turn out
	// to be folders or links are not read.
	TotalFiles int
	TotalKnown bool

	Filed, Duplicates, Refused int
	Committed                  int    // articles filed and committed
	Current                    string // the file whose articles are being filed
}

// ImportSummary is what an import did, counted over committed work only.
type ImportSummary struct {
	Files                      int
	Filed, Duplicates, Refused int
	// Warnings counts the filed articles under each tally of warning, in the order of
	// WarningKinds, then of first appearance (see Warn and WarningText).
	Warnings []WarningCount
	// Cancelled is set when the import was stopped before the end; what was filed
	// before the stop stays filed.
	Cancelled bool
}

// Warn counts a filed article's warnings in the summary.
func (s *ImportSummary) Warn(ws []ImportWarning) {
	for _, w := range ws {
		i := slices.IndexFunc(s.Warnings, func(c WarningCount) bool { return c.Kind == w.Kind && c.Tally == w.Tally })
		if i < 0 {
			s.Warnings = append(s.Warnings, WarningCount{Kind: w.Kind, Tally: w.Tally})
			i = len(s.Warnings) - 1
			// Keep the kinds in their order; a new tally of a kind goes after its others.
			rank := func(c WarningCount) int { return slices.Index(WarningKinds, c.Kind) }
			for i > 0 && rank(s.Warnings[i-1]) > rank(s.Warnings[i]) {
				s.Warnings[i-1], s.Warnings[i] = s.Warnings[i], s.Warnings[i-1]
				i--
			}
		}
		s.Warnings[i].Articles++
	}
}

// WarningText is the summary's line of warnings: "2 with invalid bytes replaced, 1 read as
// Windows-1252, 3 undated"; empty when there were none.
func (s ImportSummary) WarningText() string {
	parts := make([]string, len(s.Warnings))
	for i, c := range s.Warnings {
		parts[i] = fmt.Sprintf("%d %s", c.Articles, c.Tally)
	}
	return strings.Join(parts, ", ")
}

// ImportOptions tunes a bulk import. The callbacks run on the goroutine that called the
// import (a GUI hands their news to its own goroutine).
type ImportOptions struct {
	// BatchSize is the number of articles filed per transaction; 0 means DefaultImportBatch.
	BatchSize int
	// Progress, when set, is called after each article or refused file, and after
	// each commit. It is called while the batch's transaction is open: it must not use
	// the store, which is busy until the batch is committed.
	Progress func(ImportProgress)
	// Result, when set, is called once for each article or refused file, in order,
	// when its batch has been committed: a result is never reported for work that a
	// failed commit then lost. It runs between batches, with the store free to use.
	Result func(ImportResult)
}
