package app

import "runtime"

// Messages name things in the words of the OS the user is on: Windows has a Read-only
// attribute and says "access is denied"; macOS shows permissions in Get Info; Linux and
// the BSDs speak of a file's permissions. These helpers hold each such phrase, so no
// message writes Unix words on Windows (a rule test looks for stray ones).

// MakeWritableHint says how to let Dossier write a read-only file.
func MakeWritableHint() string { return makeWritableHintOn(runtime.GOOS) }

func makeWritableHintOn(goos string) string {
	switch goos {
	case "windows":
		return "clear the file's Read-only attribute (right-click it ▸ Properties)"
	case "darwin":
		return "give yourself Read & Write access to it (Get Info ▸ Sharing & Permissions)"
	}
	return "change the file's permissions so you may write it"
}

// AccessDenied is the OS's words for a file the user's account may not read.
func AccessDenied() string { return accessDeniedOn(runtime.GOOS) }

func accessDeniedOn(goos string) string {
	if goos == "windows" {
		return "access is denied"
	}
	return "permission denied"
}

// ReadOnlyCause names why a file or its folder cannot be written, in the OS's words.
func ReadOnlyCause() string { return readOnlyCauseOn(runtime.GOOS) }

func readOnlyCauseOn(goos string) string {
	if goos == "windows" {
		return "the file is marked read-only, your account may not change it, or the disk is read-only"
	}
	return "read-only permissions or a read-only disk"
}
