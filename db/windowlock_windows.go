//go:build windows

package db

import (
	"errors"
	"os"

	"golang.org/x/sys/windows"
)

// windowLockOffset is far past SQLite's lock bytes (at 1 GiB) and any page a project
// will reach, so the mandatory Windows range lock never covers data SQLite reads.
const windowLockOffset uint64 = 1 << 62

// lockRange is the one byte at windowLockOffset, as LockFileEx takes it.
func lockRange() *windows.Overlapped {
	return &windows.Overlapped{Offset: uint32(windowLockOffset & 0xffffffff), OffsetHigh: uint32(windowLockOffset >> 32)}
}

func tryLock(f *os.File) (bool, error) {
	err := windows.LockFileEx(windows.Handle(f.Fd()), windows.LOCKFILE_EXCLUSIVE_LOCK|windows.LOCKFILE_FAIL_IMMEDIATELY, 0, 1, 0, lockRange())
	if errors.Is(err, windows.ERROR_LOCK_VIOLATION) {
		return false, nil
	}
	return err == nil, err
}

func unlock(f *os.File) {
	windows.UnlockFileEx(windows.Handle(f.Fd()), 0, 1, 0, lockRange())
}
