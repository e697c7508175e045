package main

import (
	"os"
	"syscall"
)

// dossier.exe is built as a GUI-subsystem program (-H windowsgui), so no console window
// opens beside the app. Windows then gives it no console, and a batch command typed in
// cmd.exe or PowerShell would print nothing. attachConsole borrows the console of the
// shell it was started from, if any, and points stdin/stdout/stderr at it. Output
// redirected to a file or pipe (dossier list > out.txt) already has valid handles and is
// left alone. Started from Explorer there is no parent console, and nothing changes.
//
// The shell does not wait for a GUI program: in an interactive cmd.exe the prompt comes
// back before the output (press Enter to redraw it). Scripts that need the exit code use
// dossier-cli.exe, the same program built as a console program, which the installer
// puts beside dossier.exe.
func attachConsole() {
	if validStd(syscall.STD_OUTPUT_HANDLE) && validStd(syscall.STD_ERROR_HANDLE) {
		return
	}
	const attachParentProcess = ^uintptr(0) // ATTACH_PARENT_PROCESS, (DWORD)-1
	if r, _, _ := procAttachConsole.Call(attachParentProcess); r == 0 {
		return
	}
	if !validStd(syscall.STD_OUTPUT_HANDLE) {
		reopen(&os.Stdout, "CONOUT$", os.O_WRONLY)
	}
	if !validStd(syscall.STD_ERROR_HANDLE) {
		reopen(&os.Stderr, "CONOUT$", os.O_WRONLY)
	}
	if !validStd(syscall.STD_INPUT_HANDLE) {
		reopen(&os.Stdin, "CONIN$", os.O_RDONLY)
	}
}

var procAttachConsole = syscall.NewLazyDLL("kernel32.dll").NewProc("AttachConsole")

// validStd says whether the standard handle n leads somewhere: a GUI program started
// without redirection has none (0 or INVALID_HANDLE_VALUE).
func validStd(n int) bool {
	h, err := syscall.GetStdHandle(n)
	if err != nil || h == 0 || h == syscall.InvalidHandle {
		return false
	}
	t, err := syscall.GetFileType(h)
	return err == nil && t != syscall.FILE_TYPE_UNKNOWN
}

func reopen(f **os.File, name string, flag int) {
	if c, err := os.OpenFile(name, flag, 0); err == nil {
		*f = c
	}
}
