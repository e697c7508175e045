//go:build unix

package export_test

import "syscall"

// benchSync writes back every file system's dirty pages before a timed run.
func benchSync() { syscall.Sync() }
