//go:build windows

package db

// dirWritable reports whether this process may create files in dir. Windows has no cheap
// test that writes nothing; a read-only file is told by its own attribute (Perm) instead.
func dirWritable(dir string) bool { return true }
