package locale

import (
	"strings"
	"testing"

	"golang.org/x/text/language"
)

func env(m map[string]string) func(string) string { return func(k string) string { return m[k] } }

func TestSanitize(t *testing.T) {
	tests := []struct {
		env    map[string]string
		want   string
		change bool
	}{
		{map[string]string{"LANG": "C.UTF-8"}, "en", true},
		{map[string]string{"LC_ALL": "C.utf8", "LANG": "de_DE.UTF-8"}, "en", true},
		{map[string]string{"LANG": "de_DE@euro"}, "de_DE", true},
		{map[string]string{"LANG": "de_DE.UTF-8", "LANGUAGE": "de:C.UTF-8:fr"}, "de:fr", true},
		{map[string]string{"LC_MESSAGES": "POSIX.UTF-8"}, "en", true},
		{map[string]string{"LANG": "C"}, "", false},
		{map[string]string{"LANG": "POSIX"}, "", false},
		{map[string]string{"LC_ALL": "C", "LANG": "C.UTF-8"}, "", false},
		{map[string]string{}, "", false},
		{map[string]string{"LANG": "en_US.UTF-8"}, "", false},
		{map[string]string{"LANG": "tr_TR.UTF-8", "LANGUAGE": "tr:en"}, "", false},
	}
	for _, tt := range tests {
		got, change := Sanitize(env(tt.env))
		if got != tt.want || change != tt.change {
			t.Errorf("Sanitize(%v) = %q, %v; want %q, %v", tt.env, got, change, tt.want, tt.change)
		}
	}
}

// FuzzSanitize checks the rule: after Sanitize, every language the locale library would
// read from the environment parses, so Fyne logs nothing.
func FuzzSanitize(f *testing.F) {
	f.Add("", "", "C.UTF-8", "")
	f.Add("C.UTF-8", "", "de_DE", "xx:yy")
	f.Add("", "de_DE@euro", "", "fr::")
	f.Add("", "", "en_US.ISO-8859-1", "")
	f.Fuzz(func(t *testing.T, all, messages, lang, languages string) {
		m := map[string]string{"LC_ALL": all, "LC_MESSAGES": messages, "LANG": lang, "LANGUAGE": languages}
		if v, ok := Sanitize(env(m)); ok {
			m["LANGUAGE"] = v
		}
		for _, tag := range libraryTags(m) {
			if _, err := language.Parse(tag); err != nil {
				t.Fatalf("env %q: the library would read %q: %v", m, tag, err)
			}
		}
	})
}

// libraryTags is what github.com/jeandeaual/go-locale reads from the environment on Unix.
func libraryTags(m map[string]string) []string {
	loc := ""
	for _, k := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		if loc = m[k]; loc != "" {
			break
		}
	}
	if loc == "C" || loc == "POSIX" || loc == "" {
		return nil
	}
	if m["LANGUAGE"] != "" {
		loc = m["LANGUAGE"]
	}
	var out []string
	for _, e := range strings.Split(loc, ":") {
		e, _, _ = strings.Cut(e, ".")
		e = strings.ReplaceAll(e, "-", "_")
		l, r, _ := strings.Cut(e, "_")
		if r != "" {
			l += "-" + r
		}
		out = append(out, l)
	}
	return out
}
