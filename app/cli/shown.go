package cli

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// shown makes a string from outside Dossier (a file name, a title, an actor's name, a
// message quoting them) safe to print as part of a line of the batch interface's output.
// Every character that could break the line or command the terminal is written as a Go
// escape: control characters (newline \n, carriage return \r, tab \t, ESC \x1b that
// starts terminal sequences such as ESC ] 0 ; title BEL, BEL \x07, DEL, the C1 controls
// U+0080–U+009F), the Unicode line and paragraph separators and the bidirectional
// controls that reorder what is shown (\u202e); bytes that are not UTF-8 become \xff. So
// a file name cannot forge a "filed:" line, retitle the terminal or hide its end.
//
// Every command prints outside strings through shown, directly or through cells. A
// backslash is left as it is, so Windows paths stay readable; the cost is that a name
// holding a real backslash and "n" reads like one holding a line break.
func shown(s string) string {
	i := strings.IndexFunc(s, unsafeRune)
	if i < 0 {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 8)
	b.WriteString(s[:i])
	for s = s[i:]; s != ""; {
		r, n := utf8.DecodeRuneInString(s)
		switch {
		case r == utf8.RuneError && n <= 1:
			b.WriteString(`\x`)
			b.WriteString(hex2(s[0]))
		case r == utf8.RuneError:
			b.WriteString(s[:n]) // a real U+FFFD, as a decoder leaves for bad bytes
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\r':
			b.WriteString(`\r`)
		case r == '\t':
			b.WriteString(`\t`)
		case r < 0x80 && unsafeRune(r):
			b.WriteString(`\x`)
			b.WriteString(hex2(byte(r)))
		case unsafeRune(r):
			b.WriteString(`\u`)
			h := strconv.FormatInt(int64(r), 16)
			b.WriteString(strings.Repeat("0", max(0, 4-len(h))) + h)
		default:
			b.WriteString(s[:n])
		}
		s = s[n:]
	}
	return b.String()
}

// unsafeRune reports whether r may not be printed as it is (see shown). A byte that is
// not UTF-8 decodes as utf8.RuneError, so it is caught here too; the character U+FFFD
// itself is printed as it is.
func unsafeRune(r rune) bool {
	switch {
	case r < 0x20, r == 0x7f, r >= 0x80 && r <= 0x9f:
		return true
	case r == utf8.RuneError:
		return true // maybe a bad byte: shown tells it from a real U+FFFD
	case r == 0x2028, r == 0x2029: // line and paragraph separators
		return true
	case r == 0x061c, r == 0x200e, r == 0x200f, r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069:
		return true // bidirectional marks, embeddings, overrides and isolates
	}
	return false
}

func hex2(c byte) string {
	const digits = "0123456789abcdef"
	return string([]byte{digits[c>>4], digits[c&15]})
}
