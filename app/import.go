package app

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
	// Cancelled is set when the import was stopped before the end; what was filed
	// before the stop stays filed.
	Cancelled bool
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
