//go:build unix

package views

import "syscall"

// cpuSeconds is the processor time the test process has used (user and system, all
// threads): on a loaded machine a benchmark's wall time says more of the others' work
// than of the code measured.
func cpuSeconds() float64 {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return float64(ru.Utime.Nano()+ru.Stime.Nano()) / 1e9
}
