// Package locale makes the locale environment readable by Fyne before Fyne starts. Fyne
// reads the language from LC_ALL, LC_MESSAGES, LANG and LANGUAGE and logs "Fyne error:
// Error parsing user locale C" for values such as C.UTF-8 (Debian's and Docker's default)
// or de_DE@euro, three lines on stderr for every command, even a batch one that never
// opens a window. Fyne does this while its packages initialise, so this package fixes the
// environment in its own init: Go initialises it first, because it sorts before
// fyne.io/... and imports nothing that Fyne's lang package does not (Go spec, "Package
// initialization"). It only ever sets LANGUAGE, the list of languages for messages, and
// only to the languages that were already asked for, or to English for the C locale
// (whose messages are untranslated English): LANG and the LC_ variables, which also
// decide the character set of programs Dossier starts, are left alone.
package locale

import (
	"os"
	"strings"

	"golang.org/x/text/language"
)

func init() {
	if v, ok := Sanitize(os.Getenv); ok {
		os.Setenv("LANGUAGE", v)
	}
}

// Sanitize returns the value LANGUAGE must take so that every language the environment
// names parses as a BCP 47 tag, and whether it must change at all. It reads the variables
// in the order Fyne's locale library does (github.com/jeandeaual/go-locale, Unix).
func Sanitize(getenv func(string) string) (string, bool) {
	loc := ""
	for _, k := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		if loc = getenv(k); loc != "" {
			break
		}
	}
	if loc == "" || loc == "C" || loc == "POSIX" {
		return "", false // the library reads nothing then: no error
	}
	list := getenv("LANGUAGE")
	if list == "" {
		list = loc
	}
	var good []string
	changed := false
	for _, e := range strings.Split(list, ":") {
		tag, ok := Tag(e)
		if ok {
			good = append(good, tag)
		}
		changed = changed || !ok || tag != e
	}
	if !changed {
		return "", false
	}
	if len(good) == 0 {
		good = []string{"en"}
	}
	return strings.Join(good, ":"), true
}

// Tag returns the entry of a locale list ("de_DE.UTF-8", "de_DE@euro", "fr") in a form
// the locale library turns into a language tag that parses: the entry itself when it
// does, without its @modifier when that is what stands in the way, and false when there is
// none (there is none for "C.UTF-8").
func Tag(entry string) (string, bool) {
	for _, e := range []string{entry, strings.SplitN(entry, "@", 2)[0]} {
		if tag, ok := libraryTag(e); ok {
			if _, err := language.Parse(tag); err == nil {
				return e, true
			}
		}
	}
	return "", false
}

// libraryTag is what the locale library makes of an entry: the encoding cut off, the
// language and territory joined by a hyphen.
func libraryTag(entry string) (string, bool) {
	entry, _, _ = strings.Cut(entry, ".")
	entry = strings.ReplaceAll(entry, "-", "_")
	lang, territory, _ := strings.Cut(entry, "_")
	if lang == "" {
		return "", false
	}
	if territory != "" {
		return lang + "-" + territory, true
	}
	return lang, true
}
