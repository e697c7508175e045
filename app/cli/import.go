package cli

import (
	"context"
	"fmt"
	"path/filepath"
	"unicode"
	"unicode/utf8"

	"dossier/app"
	"dossier/app/ingest"
)

const importAbout = `Files every article it can read from the files and folders given (folders are read
with everything beneath them; hidden files are skipped). It reads plain text (.txt),
Markdown (.md, with or without front matter) and saved web pages (.html).

It prints a line per article: "filed:", "duplicate:" (already in the project) or
"refused:" with the reason, then a count of each. It exits with 1 when it could file
nothing and found nothing already filed, so a script can tell a useless import from a
repeated one.`

// importTally counts what an import did.
type importTally struct{ filed, duplicates, refused int }

func runImport(ctx context.Context, env Env, args []string) (err error) {
	f := newFlags(env, "import", "import [--db FILE] PATH...", importAbout).withDB()
	paths, err := f.parse(args, 0, -1)
	if err != nil {
		return err
	}
	if len(paths) == 0 {
		return f.usageErr("give at least one file or folder to import")
	}
	s, err := f.open(ctx, true)
	if err != nil {
		return err
	}
	defer closeStore(s, &err)

	var t importTally
	own := projectFiles(*f.db)
	werr := ingest.Walk(ctx, paths, func(it ingest.Item) error {
		if abs, err := filepath.Abs(it.Path); err == nil && own[abs] {
			return nil // the project itself, when it sits in the folder being imported
		}
		return fileItem(ctx, env, s, it, &t)
	})
	fmt.Fprintf(env.Stdout, "%d filed, %d duplicates, %d refused\n", t.filed, t.duplicates, t.refused)
	switch {
	case werr != nil:
		return werr
	case t.filed+t.duplicates+t.refused == 0:
		return app.Errorf(app.EINVALID, "Found no files to import.")
	case t.filed+t.duplicates == 0:
		return app.Errorf(app.EINVALID, "Nothing was filed: every file was refused.")
	}
	return nil
}

// fileItem files one article and prints what became of it. Only a failure of the project
// itself (locked, read-only, full disk) stops the import; a bad article does not.
func fileItem(ctx context.Context, env Env, s Store, it ingest.Item, t *importTally) error {
	if it.Err != nil {
		t.refused++
		fmt.Fprintf(env.Stdout, "refused: %s — %s\n", it.Path, app.ErrorMessage(it.Err))
		return nil
	}
	a, err := s.CreateArticle(ctx, it.Article)
	switch app.ErrorCode(err) {
	case "":
		t.filed++
		fmt.Fprintf(env.Stdout, "filed: %s — “%s”\n", it.Path, a.Title)
	case app.EDUPLICATE:
		t.duplicates++
		fmt.Fprintf(env.Stdout, "duplicate: %s — %s\n", it.Path, lowerFirst(app.ErrorMessage(err)))
	case app.EINVALID, app.ECONFLICT:
		t.refused++
		fmt.Fprintf(env.Stdout, "refused: %s — %s\n", it.Path, app.ErrorMessage(err))
	default:
		return err
	}
	return nil
}

// projectFiles returns the absolute names of the project file and of the files SQLite
// keeps beside it.
func projectFiles(path string) map[string]bool {
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil
	}
	return map[string]bool{abs: true, abs + "-wal": true, abs + "-shm": true, abs + "-journal": true}
}

// lowerFirst lets a message written as a sentence follow a dash: "already filed as …".
func lowerFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if r == utf8.RuneError {
		return s
	}
	return string(unicode.ToLower(r)) + s[n:]
}
