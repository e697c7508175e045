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

// decode turns the file's bytes into UTF-8 text and says how (see decoding). UTF-8 (with
// or without BOM) and UTF-16 with a BOM are taken as they are. Other bytes are read in
// the charset a web page declares, as UTF-16 when the file as a whole reads as UTF-16
// without a BOM, as Windows-1252 (Latin-1) when every byte that is not ASCII reads as
// that and hardly any as UTF-8, and otherwise as UTF-8 with the invalid bytes replaced
// by U+FFFD, which the warnings count and place. Text too damaged for any of these is
// refused.
func decode(name string, data []byte, isHTML bool) (string, decoding, error) {
	switch {
	case bytes.HasPrefix(data, utf8BOM):
		s, d := replaceInvalid(data[len(utf8BOM):])
		return checkDecoded(name, s, d)
	case bytes.HasPrefix(data, utf16LEBOM), bytes.HasPrefix(data, utf16BEBOM):
		s, err := decodeWith(xunicode.UTF16(xunicode.LittleEndian, xunicode.ExpectBOM), data)
		if err != nil {
			return "", decoding{}, fileErr(name, "is not valid UTF-16 text.")
		}
		return checkDecoded(name, s, decoding{})
	case bytes.IndexByte(data, 0) >= 0:
		// Text has no NUL, except UTF-16, where the ASCII characters have a zero byte.
		if s, d, ok := utf16NoBOM(data); ok {
			return checkDecoded(name, s, d)
		}
		return "", decoding{}, binaryErr(name)
	case utf8.Valid(data):
		return checkDecoded(name, string(data), decoding{})
	}
	s, d := toText(data, htmlCharset(data, isHTML))
	return checkDecoded(name, s, d)
}

// htmlCharset is the charset a web page declares, or nil.
func htmlCharset(data []byte, isHTML bool) *namedEncoding {
	if !isHTML {
		return nil
	}
	return declaredCharset(data)
}

// namedEncoding is an encoding with the name the warnings give it.
type namedEncoding struct {
	enc  encoding.Encoding
	name string
}

// decoding says how a file's bytes became text, so the import can say so: the encoding
// chosen when it was not UTF-8, and the bytes that were not text in it.
type decoding struct {
	enc string // "" for UTF-8
	how string // why that encoding: ", the encoding the page declares"
	// replaced counts the bytes replaced with U+FFFD, and lines lists the first few
	// lines (from 1) they are on, with more the number of further lines.
	replaced int
	lines    []int
	more     int
	last     int // the line of the last byte replaced
}

// maxWarnLines is how many lines a warning names before it says "and N more".
const maxWarnLines = 3

// addLine notes that a replaced byte is on line n; lines come in ascending order.
func (d *decoding) addLine(n int) {
	if n == d.last {
		return
	}
	d.last = n
	if len(d.lines) < maxWarnLines {
		d.lines = append(d.lines, n)
	} else {
		d.more++
	}
}

// warnings are the import warnings the decoding calls for.
func (d decoding) warnings() []app.ImportWarning {
	var ws []app.ImportWarning
	if d.enc != "" {
		ws = append(ws, app.ImportWarning{Kind: app.WarnEncoding, Message: "not UTF-8: read as " + d.enc + d.how, Tally: "read as " + d.enc})
	}
	if d.replaced > 0 {
		ws = append(ws, app.ImportWarning{Kind: app.WarnReplaced, Tally: "with invalid bytes replaced",
			Message: plural(d.replaced, "invalid byte", "invalid bytes") + " replaced with �" + d.where()})
	}
	return ws
}

// where names the lines of the replaced bytes: ", line 14", ", lines 3, 14 and 20",
// ", lines 3, 14, 20 and 5 more"; nothing when the lines are not known (parts of an e-mail).
func (d decoding) where() string {
	if len(d.lines) == 0 {
		return ""
	}
	nums := make([]string, len(d.lines))
	for i, n := range d.lines {
		nums[i] = thousands(n)
	}
	if d.more > 0 {
		nums = append(nums, thousands(d.more)+" more")
	}
	if len(nums) == 1 {
		return ", line " + nums[0]
	}
	return ", lines " + strings.Join(nums[:len(nums)-1], ", ") + " and " + nums[len(nums)-1]
}

func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return thousands(n) + " " + many
}

// checkDecoded refuses decoded text that is mostly not text: a binary file, or bytes in
// an encoding Dossier did not recognise, which read as UTF-8 would be mostly replaced.
func checkDecoded(name, s string, d decoding) (string, decoding, error) {
	if d.replaced > 0 && d.replaced*10 > utf8.RuneCountInString(s) {
		bad := plural(d.replaced, "byte is", "bytes are")
		return "", d, fileErr(name, "is not valid UTF-8 text (%s not), and not Windows-1252 text either; it may be damaged or in another encoding. Save it as UTF-8 and try again.", bad)
	}
	s, err := checkText(name, s)
	return s, d, err
}

// toText reads bytes that are not valid UTF-8. The encoding a page declares is used, and
// Windows-1252 is taken when the whole file reads as it; but a file that is mostly UTF-8
// (more valid multi-byte sequences than invalid bytes, for a declared encoding; any
// noticeable share, for a guessed one) is read as UTF-8 with its invalid bytes replaced:
// read in a legacy encoding, its every accent and dash would turn to mojibake ("â€”").
func toText(data []byte, declared *namedEncoding) (string, decoding) {
	st := scanBytes(data)
	if declared != nil && st.multi < st.invalid {
		if s, err := decodeWith(declared.enc, data); err == nil {
			return s, decoding{enc: declared.name, how: ", the encoding the page declares"}
		}
	}
	if st.wholeWindows1252(len(data)) {
		if s, err := decodeWith(charmap.Windows1252, data); err == nil {
			enc := "Windows-1252"
			if st.c1 == 0 {
				enc = "Latin-1 (ISO-8859-1)" // the two agree on every byte the file has
			}
			return s, decoding{enc: enc}
		}
	}
	return replaceInvalid(data)
}

// byteStats counts what the bytes of a file are, read as UTF-8.
type byteStats struct {
	multi     int // valid multi-byte UTF-8 sequences
	invalid   int // bytes that are not part of a valid UTF-8 sequence
	high      int // bytes ≥ 0x80
	c1        int // bytes 0x80–0x9F, where Windows-1252 and Latin-1 differ
	undefined int // bytes Windows-1252 leaves undefined
}

func scanBytes(data []byte) byteStats {
	var st byteStats
	for i := 0; i < len(data); {
		c := data[i]
		if c < utf8.RuneSelf {
			i++
			continue
		}
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && size == 1 {
			st.invalid++
		} else {
			st.multi++
		}
		for _, b := range data[i : i+size] {
			st.high++
			switch {
			case b == 0x81 || b == 0x8D || b == 0x8F || b == 0x90 || b == 0x9D:
				st.undefined++
				st.c1++
			case b <= 0x9F:
				st.c1++
			}
		}
		i += size
	}
	return st
}

// wholeWindows1252 reports whether bytes that are not UTF-8 read as Western text in
// Windows-1252 as a whole: no bytes the code page leaves undefined, few high bytes
// (Western text is mostly ASCII), and next to no valid UTF-8 sequences, which a
// Windows-1252 text makes only by the rare accident of an accented capital followed by
// a symbol ("Ã©").
func (st byteStats) wholeWindows1252(size int) bool {
	return st.invalid > 0 && st.undefined == 0 && st.high*10 <= size*3 && st.multi*20 < st.invalid
}

// replaceInvalid reads data as UTF-8, replacing each byte that is not part of a valid
// sequence with U+FFFD, and notes how many there were and on which lines.
func replaceInvalid(data []byte) (string, decoding) {
	if utf8.Valid(data) {
		return string(data), decoding{}
	}
	var d decoding
	var b strings.Builder
	b.Grow(len(data) + len(data)/8)
	line := 1
	for i := 0; i < len(data); {
		c := data[i]
		if c < utf8.RuneSelf {
			if c == '\n' || c == '\r' && (i+1 == len(data) || data[i+1] != '\n') {
				line++
			}
			b.WriteByte(c)
			i++
			continue
		}
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && size == 1 {
			b.WriteRune(utf8.RuneError)
			d.replaced++
			d.addLine(line)
		} else {
			b.Write(data[i : i+size])
		}
		i += size
	}
	return b.String(), d
}

// utf16NoBOM reads data as UTF-16 without a byte-order mark when the file as a whole
// reads as it: an even length, zero bytes in one lane only (the high bytes of the
// ASCII letters, spaces and digits that every text has), and decoded, nothing that is
// not text. A binary file with zeros in it fails one test or the other.
func utf16NoBOM(data []byte) (string, decoding, bool) {
	if len(data) < 4 || len(data)%2 != 0 {
		return "", decoding{}, false
	}
	var zeros [2]int
	for i, c := range data {
		if c == 0 {
			zeros[i%2]++
		}
	}
	pairs := len(data) / 2
	var order xunicode.Endianness
	var name string
	switch {
	case zeros[1]*10 >= pairs && zeros[0]*50 <= pairs:
		order, name = xunicode.LittleEndian, "UTF-16LE"
	case zeros[0]*10 >= pairs && zeros[1]*50 <= pairs:
		order, name = xunicode.BigEndian, "UTF-16BE"
	default:
		return "", decoding{}, false
	}
	s, err := decodeWith(xunicode.UTF16(order, xunicode.IgnoreBOM), data)
	if err != nil {
		return "", decoding{}, false
	}
	for _, r := range s {
		if r == utf8.RuneError || r == 0 || unicode.IsControl(r) && !strings.ContainsRune("\t\n\r\f", r) {
			return "", decoding{}, false
		}
	}
	return s, decoding{enc: name, how: " (the file has no byte-order mark)"}, true
}

func decodeWith(enc encoding.Encoding, data []byte) (string, error) {
	out, err := enc.NewDecoder().Bytes(data)
	if err != nil {
		return "", err
	}
	return string(out), nil
}

// declaredCharset returns the encoding named by a <meta charset> in the first kilobyte.
func declaredCharset(data []byte) *namedEncoding {
	head := data[:min(len(data), 1024)]
	m := metaCharset.FindSubmatch(head)
	if m == nil {
		return nil
	}
	enc, err := htmlindex.Get(string(m[1]))
	if err != nil || enc == xunicode.UTF8 {
		return nil // the bytes are not valid UTF-8, so a UTF-8 label is wrong
	}
	name, err := htmlindex.Name(enc)
	if err != nil {
		name = string(m[1])
	}
	return &namedEncoding{enc: enc, name: name}
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
		case r == '\uFEFF' || unicode.IsControl(r):
			// dropped: invisible, or garbage that would only confuse a search. U+FFFD
			// stays: it shows where bytes could not be read, as the import warns.
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
