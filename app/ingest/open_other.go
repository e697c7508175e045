//go:build !unix

package ingest

import "os"

// openNoWait opens path for reading. Outside Unix a named pipe has no name in a folder,
// so the check of the file's kind before opening it is enough.
func openNoWait(path string) (*os.File, error) {
	return os.Open(path)
}
