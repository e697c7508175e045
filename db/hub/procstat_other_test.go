//go:build !linux

package hub_test

import "time"

func resetPeakRSS()             {}
func peakRSS() int64            { return 0 }
func processCPU() time.Duration { return 0 }
