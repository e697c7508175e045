package ingest

import (
	"bytes"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/htmlindex"
	xunicode "golang.org/x/text/encoding/unicode"

	"dossier/app"
)

var (
	utf8BOM    = []byte{0xEF, 0xBB, 0xBF}
	utf16LEBOM = []byte{0xFF, 0xFE}
	utf16BEBOM = []byte{0xFE, 0xFF}
)

// metaCharset finds a charset declared in the head of a web page, the way browsers
// prescan the first kilobyte before parsing.
var metaCharset = regexp.MustCompile(`(?i)<meta[^>]+charset\s*=\s*["']?\s*([a-z0-9_:.+-]+)`)

// decode turns the file's bytes into UTF-8 text. UTF-8 (with or without BOM) and UTF-16
// with a BOM are taken as they are; other bytes are read in the charset a web page
// declares, or as Windows-1252 when they plausibly are, and refused otherwise.
func decode(name string, data []byte, isHTML bool) (string, error) {
	switch {
	case bytes.HasPrefix(data, utf8BOM):
		data = data[len(utf8BOM):]
		if !utf8.Valid(data) {
			return "", fileErr(name, "says it is UTF-8 text but is not valid UTF-8; it may be damaged.")
		}
		return checkText(name, string(data))
	case bytes.HasPrefix(data, utf16LEBOM), bytes.HasPrefix(data, utf16BEBOM):
		s, err := decodeWith(xunicode.UTF16(xunicode.LittleEndian, xunicode.ExpectBOM), data)
		if err != nil {
			return "", fileErr(name, "is not valid UTF-16 text.")
		}
		return checkText(name, s)
	case bytes.IndexByte(data, 0) >= 0:
		return "", binaryErr(name)
	case utf8.Valid(data):
		return checkText(name, string(data))
	}
	if isHTML {
		if enc := declaredCharset(data); enc != nil {
			if s, err := decodeWith(enc, data); err == nil {
				return checkText(name, s)
			}
		}
	}
	if plausibleWindows1252(data) {
		s, err := decodeWith(charmap.Windows1252, data)
		if err == nil {
			return checkText(name, s)
		}
	}
	return "", fileErr(name, "is not valid UTF-8 text, and not Windows-1252 text either; it may be damaged or in another encoding. Save it as UTF-8 and try again.")
}

func decodeWith(enc encoding.Encoding, data []byte) (string, error) {
	out, err := enc.NewDecoder().Bytes(data)
	if err != nil {
		return "", err
	}
	return string(out), nil
}

// declaredCharset returns the encoding named by a <meta charset> in the first kilobyte.
func declaredCharset(data []byte) encoding.Encoding {
	head := data[:min(len(data), 1024)]
	m := metaCharset.FindSubmatch(head)
	if m == nil {
		return nil
	}
	enc, err := htmlindex.Get(string(m[1]))
	if err != nil || enc == xunicode.UTF8 {
		return nil // the bytes are not valid UTF-8, so a UTF-8 label is wrong
	}
	return enc
}

// plausibleWindows1252 reports whether bytes that are not UTF-8 read as Western text in
// Windows-1252: no bytes the code page leaves undefined, few high bytes (Western text is
// mostly ASCII), and not mostly valid UTF-8 with a few damaged bytes (decoding that as
// Windows-1252 would garble every accented letter).
func plausibleWindows1252(data []byte) bool {
	var high, multi, invalid int
	for i := 0; i < len(data); {
		c := data[i]
		switch c {
		case 0x81, 0x8D, 0x8F, 0x90, 0x9D:
			return false
		}
		if c >= 0x80 {
			high++
		}
		r, size := utf8.DecodeRune(data[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			invalid++
		case size > 1:
			multi++
			high += size - 1
		}
		i += size
	}
	return high*10 <= len(data)*3 && multi < invalid
}

// checkText refuses text that is mostly not text: a binary file that happens to have
// no NUL byte, or a UTF-16 file full of control characters.
func checkText(name, s string) (string, error) {
	if strings.IndexByte(s, 0) >= 0 {
		return "", binaryErr(name)
	}
	var bad, total int
	for _, r := range s {
		total++
		if r == utf8.RuneError || (unicode.IsControl(r) && !strings.ContainsRune("\t\n\r\f\v\x1a\u0085", r)) {
			bad++
		}
	}
	if bad*10 > total {
		return "", binaryErr(name)
	}
	return s, nil
}

func binaryErr(name string) error {
	return fileErr(name, "looks like a binary file, not text. %s", readsWhat)
}

// cleanText makes text fit for a field: LF line ends, no control characters but tab and
// newline, no stray byte-order marks, no spaces at line ends, at most one blank line in a
// row, nothing blank at either end.
func cleanText(s string) string {
	s = app.NormalizeNewlines(s)
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		switch {
		case r == '\n' || r == '\t':
			b.WriteRune(r)
		case r == '\f' || r == '\v' || r == '\u0085' || r == '\u2028':
			b.WriteByte('\n')
		case r == '\u2029':
			b.WriteString("\n\n")
		case r == '\uFEFF' || r == utf8.RuneError || unicode.IsControl(r):
			// dropped: invisible, or garbage that would only confuse a search
		default:
			b.WriteRune(r)
		}
	}
	lines := strings.Split(b.String(), "\n")
	out := lines[:0]
	blank := 0
	for _, l := range lines {
		l = strings.TrimRightFunc(l, unicode.IsSpace)
		if l == "" {
			blank++
			if blank > 1 {
				continue
			}
		} else {
			blank = 0
		}
		out = append(out, l)
	}
	return strings.Trim(strings.Join(out, "\n"), "\n")
}

// truncateRunes cuts s to at most n runes.
func truncateRunes(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	i := 0
	for j := range s {
		if i == n {
			return s[:j]
		}
		i++
	}
	return s
}
