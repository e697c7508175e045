//go:build unix

package export

import "os"

// flushDir writes back dir's own entries (a file renamed into it).
func flushDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	err = d.Sync()
	if cerr := d.Close(); err == nil {
		err = cerr
	}
	return err
}
