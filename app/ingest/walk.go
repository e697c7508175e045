package ingest

import (
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// Walk reads the files named by paths and, for folders, every file beneath them, and calls
// fn once for each article found and once for each file refused (its Item has Err set).
// Folders are read in name order, so an import is repeatable; paths themselves are taken
// in the order given. Named pipes, sockets and devices are refused with a message, never
// opened in a way that could wait (see Open). Hidden and system files and folders inside a
// folder are skipped silently (see skipInFolder), as are links to folders (they could
// loop); a path named explicitly is read even when hidden. Walk stops when fn returns an error, returning it, or when ctx
// is done, returning ctx.Err().
//
// Walk streams: it reads a folder's names only when it gets to that folder and hands
// each file's articles to fn before reading the next file, so memory holds the names of
// the folders on the current path (a folder of 50,000 files costs a few megabytes of
// names) and one file's articles, never the whole tree.
func Walk(ctx context.Context, paths []string, fn func(Item) error) error {
	for _, root := range paths {
		if err := ctx.Err(); err != nil {
			return err
		}
		st, err := os.Stat(root)
		if err != nil || !st.IsDir() {
			if err := readOne(ctx, root, fn); err != nil {
				return err
			}
			continue
		}
		if real, err := filepath.EvalSymlinks(root); err == nil && real != filepath.Clean(root) {
			if lst, err := os.Lstat(root); err == nil && lst.Mode()&fs.ModeSymlink != 0 {
				root = real // WalkDir does not follow a link, even one it is asked to walk
			}
		}
		if err := walkDir(ctx, root, fn); err != nil {
			return err
		}
	}
	return nil
}

// walkDir reads the files under one folder.
func walkDir(ctx context.Context, root string, fn func(Item) error) error {
	return filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if cerr := ctx.Err(); cerr != nil {
			return cerr
		}
		if d != nil && path != root && skipInFolder(d) {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if err != nil {
			// an unreadable folder: report it like a refused file and go on with the rest
			return fn(Item{Path: path, Err: openError(filepath.Base(path), err)})
		}
		switch {
		case d.IsDir():
			return nil
		case d.Type()&fs.ModeSymlink != 0:
			if st, err := os.Stat(path); err == nil && st.IsDir() {
				return nil
			}
		}
		return readOne(ctx, path, fn)
	})
}

// readOne reads one file and hands its items to fn.
func readOne(ctx context.Context, path string, fn func(Item) error) error {
	items, _ := ReadFileContext(ctx, path) // a refused file arrives as an Item with Err set
	if err := ctx.Err(); err != nil {
		return err // the read was cut short: its items say nothing about the file
	}
	for _, it := range items {
		if err := ctx.Err(); err != nil {
			return err
		}
		if err := fn(it); err != nil {
			return err
		}
	}
	return nil
}

// skipInFolder says whether a folder import passes over d without a word: it is hidden
// or belongs to the operating system rather than to the user, so refusing it would only
// add noise to the summary (every Windows folder can hold a desktop.ini, every macOS
// one a .DS_Store).
func skipInFolder(d fs.DirEntry) bool {
	return isHidden(d.Name()) || isSystemName(d.Name()) || hiddenByAttribute(d)
}

func isHidden(name string) bool {
	return strings.HasPrefix(name, ".") && name != "." && name != ".."
}

// systemNames are files and folders the operating systems write into the user's folders
// for themselves (lower case): Windows' folder settings, thumbnail caches, recycle bin
// and restore points, macOS's custom folder icon ("Icon" and a carriage return). Names
// starting with a dot (.DS_Store, ._resource forks, .Trashes, .Spotlight-V100) are
// hidden already.
var systemNames = map[string]bool{
	"desktop.ini":               true,
	"thumbs.db":                 true,
	"ehthumbs.db":               true,
	"ehthumbs_vista.db":         true,
	"$recycle.bin":              true,
	"system volume information": true,
	"icon\r":                    true,
}

// isSystemName matches on any OS and in any case: a USB stick or a synced folder filled
// on Windows brings its desktop.ini and Thumbs.db to macOS and Linux too.
func isSystemName(name string) bool {
	return systemNames[strings.ToLower(name)]
}
