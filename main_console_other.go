//go:build !windows

package main

// attachConsole is needed on Windows only (main_console_windows.go): elsewhere a program
// started from a terminal always has it.
func attachConsole() {}
