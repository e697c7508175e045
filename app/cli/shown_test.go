package cli

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestShown(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Harbour workers walk out", "Harbour workers walk out"},
		{`C:\Users\ines\inbox\a.txt`, `C:\Users\ines\inbox\a.txt`},
		{"Grève à Valdemar – 3 € · Işık", "Grève à Valdemar – 3 € · Işık"},
		{"a.txt\n filed: forged.txt", `a.txt\n filed: forged.txt`},
		{"\x1b]0;pwned\x07.txt", `\x1b]0;pwned\x07.txt`},
		{"\x1b[2J\x1b[31mred", `\x1b[2J\x1b[31mred`},
		{"tab\there\rcr", `tab\there\rcr`},
		{"nul\x00del\x7f", `nul\x00del\x7f`},
		{"c1 \u009b31m csi", `c1 \u009b31m csi`},
		{"line\u2028sep\u2029para", `line\u2028sep\u2029para`},
		{"evil\u202etxt.exe", `evil\u202etxt.exe`},
		{"isolate\u2066x\u2069", `isolate\u2066x\u2069`},
		{"bad \xff\xfe bytes", `bad \xff\xfe bytes`},
		{"replaced \uFFFD kept", "replaced \uFFFD kept"},
	}
	for _, tt := range tests {
		if got := shown(tt.in); got != tt.want {
			t.Errorf("shown(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// terminalSafe reports the first character of s that a terminal would act on, other
// than the line breaks and tabs the output itself writes.
func terminalSafe(s string) (rune, bool) {
	for i, r := range s {
		if r == utf8.RuneError && !strings.HasPrefix(s[i:], "\uFFFD") {
			return r, false
		}
		if r != '\n' && r != '\t' && unsafeRune(r) && r != utf8.RuneError {
			return r, false
		}
	}
	return 0, true
}

// FuzzShown: whatever the string, what shown makes of it is valid UTF-8 holding nothing
// a terminal acts on, and a string with nothing to escape is left as it is.
func FuzzShown(f *testing.F) {
	for _, s := range []string{"", "plain", "a\nb", "\x1b]0;x\x07", "\xff", "\u202e", "\uFFFD", `back\slash`} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := shown(s)
		if !utf8.ValidString(got) {
			t.Fatalf("shown(%q) = %q is not UTF-8", s, got)
		}
		if strings.ContainsAny(got, "\n\t") {
			t.Fatalf("shown(%q) = %q keeps a line break or tab", s, got)
		}
		if r, ok := terminalSafe(got); !ok {
			t.Fatalf("shown(%q) = %q keeps %U", s, got, r)
		}
		if strings.IndexFunc(s, unsafeRune) < 0 && !strings.ContainsRune(s, utf8.RuneError) && got != s {
			t.Fatalf("shown(%q) = %q changed a harmless string", s, got)
		}
	})
}
