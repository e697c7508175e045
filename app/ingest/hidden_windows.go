package ingest

import (
	"io/fs"
	"syscall"
)

// hiddenByAttribute says whether Windows marks the file hidden or as the system's own
// (Explorer does not show it, so the user did not put it there to be imported).
func hiddenByAttribute(d fs.DirEntry) bool {
	info, err := d.Info()
	if err != nil {
		return false
	}
	attr, ok := info.Sys().(*syscall.Win32FileAttributeData)
	if !ok {
		return false
	}
	return attr.FileAttributes&(syscall.FILE_ATTRIBUTE_HIDDEN|syscall.FILE_ATTRIBUTE_SYSTEM) != 0
}
