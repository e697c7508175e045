//go:build !unix

package db

import "time"

// cpuTime is not measured here: the phases report 0 CPU seconds.
func cpuTime() time.Duration { return 0 }
