//go:build unix

package db

import (
	"syscall"
	"time"
)

// cpuTime is the CPU time (user and system) the process has used so far: on a machine
// shared with other work it says what a phase costs better than the wall clock.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
