package cli

import (
	"context"
	"fmt"
	"unicode"
	"unicode/utf8"

	"dossier/app"
)

const importAbout = `Files every article it can read from the files and folders given (folders are read
with everything beneath them; hidden files are skipped). It reads plain text (.txt),
Markdown (.md, with or without front matter), saved web pages (.html), RSS and Atom
feeds (one article per item) and e-mail (.eml).

It prints a line per article: "filed:", "duplicate:" (already in the project, or met
earlier in the same import) or "refused:" with the reason, then a count of each. A
filed article's line ends with its warnings in brackets, when there are any: a file
that was not UTF-8 and the encoding it was read in, bytes that could not be read and
were replaced with � (with their lines), no date found. A last line counts them
("warnings: 1 read as Windows-1252, 3 undated"). The
articles are filed in batches, and the lines of a batch are printed once it is safely
written, so an import stopped with Ctrl+C keeps every article printed as filed; running
it again files the rest and lists those as duplicates. It exits with 1 when it could
file nothing and found nothing already filed, so a script can tell a useless import
from a repeated one.`

// queueFiller reads articles for the review queue: *db.Store provides it.
type queueFiller interface {
	FillSuggestionQueue(ctx context.Context, progress func(done, total int)) error
}

func runImport(ctx context.Context, env Env, args []string) (err error) {
	f := newFlags(env, "import", "import [--db FILE] PATH...", importAbout).withDB()
	paths, err := f.parse(args, 0, -1)
	if err != nil {
		return err
	}
	if len(paths) == 0 {
		return f.usageErr("give at least one file or folder to import")
	}
	s, err := f.open(ctx)
	if err != nil {
		return err
	}
	defer closeStore(s, &err)
	paths, exports, err := importExports(ctx, env, s, paths)
	if err != nil || exports && len(paths) == 0 {
		return err
	}

	// The store files the articles in batches and reports each once its batch is
	// committed, so a line printed as filed is filed even if the import is stopped
	// (Ctrl+C) or fails later. It passes over the project's own files in silence.
	sum, ierr := s.ImportFiles(ctx, paths, app.ImportOptions{Result: func(r app.ImportResult) {
		printResult(env, r)
	}})
	fmt.Fprintf(env.Stdout, "%d filed, %d duplicates, %d refused\n", sum.Filed, sum.Duplicates, sum.Refused)
	// The review queue reads the new articles now, once they are all safely filed.
	if qf, ok := s.(queueFiller); ok && sum.Filed > 0 && ierr == nil {
		ierr = qf.FillSuggestionQueue(ctx, nil)
	}
	if w := sum.WarningText(); w != "" {
		fmt.Fprintf(env.Stdout, "warnings: %s\n", shown(w))
	}
	switch {
	case ierr != nil:
		return ierr
	case sum.Filed+sum.Duplicates+sum.Refused == 0:
		return app.Errorf(app.EINVALID, "Found no files to import.")
	case sum.Filed+sum.Duplicates == 0:
		return app.Errorf(app.EINVALID, "Nothing was filed: every file was refused.")
	}
	return nil
}

// printResult prints the line for one article or refused file, its outside strings
// escaped (see shown) so that each result is one line whatever the file is called.
func printResult(env Env, r app.ImportResult) {
	switch r.Outcome {
	case app.ImportFiled:
		fmt.Fprintf(env.Stdout, "filed: %s — “%s”%s\n", shown(r.Path), shown(r.Title), shown(warningsNote(r)))
	case app.ImportDuplicate:
		fmt.Fprintf(env.Stdout, "duplicate: %s — %s\n", shown(r.Path), shown(lowerFirst(r.Message)))
	default:
		fmt.Fprintf(env.Stdout, "refused: %s — %s\n", shown(r.Path), shown(r.Message))
	}
}

// warningsNote is what a filed article's line adds for its warnings: " [not UTF-8: read
// as Windows-1252; undated: no date found]".
func warningsNote(r app.ImportResult) string {
	if len(r.Warnings) == 0 {
		return ""
	}
	return " [" + r.WarningText() + "]"
}

// lowerFirst lets a message written as a sentence follow a dash: "already filed as …".
func lowerFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if r == utf8.RuneError {
		return s
	}
	return string(unicode.ToLower(r)) + s[n:]
}
