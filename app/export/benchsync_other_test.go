//go:build !unix

package export_test

// benchSync: no system-wide write-back call here; the runs are not made comparable.
func benchSync() {}
