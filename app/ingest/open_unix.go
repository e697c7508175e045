//go:build unix

package ingest

import (
	"os"
	"syscall"
)

// openNoWait opens path for reading without waiting: opening a named pipe for reading
// would otherwise wait for a writer, for ever. O_NONBLOCK changes nothing for the regular
// files that are then read.
func openNoWait(path string) (*os.File, error) {
	return os.OpenFile(path, os.O_RDONLY|syscall.O_NONBLOCK, 0)
}
