//go:build !windows

package ingest

import "io/fs"

// hiddenByAttribute: outside Windows a hidden file is one whose name starts with a dot.
func hiddenByAttribute(fs.DirEntry) bool { return false }
