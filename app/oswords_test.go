package app

import (
	"strings"
	"testing"
)

// TestOSWords: every phrase helper says something on every OS, and on Windows none uses
// the Unix word "permission" (Windows speaks of access and the Read-only attribute).
func TestOSWords(t *testing.T) {
	helpers := map[string]func(string) string{
		"makeWritableHint": makeWritableHintOn, "accessDenied": accessDeniedOn, "readOnlyCause": readOnlyCauseOn,
	}
	for name, h := range helpers {
		for _, goos := range []string{"windows", "darwin", "linux", "freebsd"} {
			s := h(goos)
			if strings.TrimSpace(s) == "" {
				t.Errorf("%s(%s) is empty", name, goos)
			}
			if goos == "windows" && strings.Contains(strings.ToLower(s), "permission") {
				t.Errorf("%s on Windows uses Unix words: %q", name, s)
			}
		}
	}
	if !strings.Contains(makeWritableHintOn("windows"), "Read-only") || !strings.Contains(accessDeniedOn("windows"), "access is denied") {
		t.Error("the Windows phrases do not use Windows' own words")
	}
}
