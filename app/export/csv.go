// Package export writes a project's data in formats other programs read, and reads some
// back: a dossier as CSV for spreadsheets and all relations as a CSV edge list; GEXF and
// GraphML graphs (gexf.go, graphml.go); FollowTheMoney JSON lines for Aleph (ftm.go,
// read back by ftmimport.go); a STIX 2.1 bundle (stix.go); a Markdown vault for Obsidian
// (vault.go); and a printable briefing of one dossier as HTML and PDF (briefing*.go).
// All but the briefing stream the records from a Source a page at a time, so their
// memory does not grow with the project.
//
// Every CSV file follows RFC 4180: records end in CRLF, a field is enclosed in double quotes
// when it holds a comma, a double quote, CR or LF, or starts or ends with a space or tab, and
// a double quote inside it is doubled. The records are written here rather than by
// encoding/csv because its writer, with UseCRLF set, drops a lone CR inside a field; this
// writer copies every cell byte for byte, so no text is lost or changed except by the formula
// guard (see Guard). Readers may still normalise: encoding/csv, for one, reads a CRLF inside a
// quoted cell back as LF. The app stores text with LF line ends, so this does not arise for
// data filed through it.
//
// Every cell passes through Guard, so a cell a spreadsheet would run as a formula is written
// as text (and in quotes). The columns the exporter fills itself (row kinds, dates, UUIDs, directions,
// counts) never start with a character Guard changes, so guarding them is harmless.
package export

import (
	"bufio"
	"io"
	"strings"

	"dossier/app"
)

// Options say how a CSV file is written.
type Options struct {
	// BOM writes the UTF-8 byte-order mark first. Excel on Windows needs it to read the
	// file as UTF-8 rather than in the system code page; strict parsers and Unix tools
	// take it as part of the first column name. The app's default is true.
	BOM bool
}

const bom = "\uFEFF"

// Guard returns cell as a spreadsheet will show it rather than run it: a cell starting with
// = + - @, tab, CR or NUL gets a leading single quote (OWASP's CSV injection advice and
// ASVS 1.2.10). Quoting alone does not stop a spreadsheet evaluating a formula. The cost is
// that a negative number such as -2 is written as the text '-2.
func Guard(cell string) string {
	if needsGuard(cell) {
		return "'" + cell
	}
	return cell
}

func needsGuard(s string) bool {
	if s == "" {
		return false
	}
	switch s[0] {
	case '=', '+', '-', '@', '\t', '\r', 0:
		return true
	}
	return false
}

// needsQuotes reports whether RFC 4180 (or a reader that trims unquoted fields) needs the
// cell in double quotes.
func needsQuotes(s string) bool {
	if s == "" {
		return false
	}
	if isBlank(s[0]) || isBlank(s[len(s)-1]) {
		return true
	}
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case ',', '"', '\r', '\n':
			return true
		}
	}
	return false
}

func isBlank(b byte) bool { return b == ' ' || b == '\t' }

// csvWriter writes guarded RFC 4180 records to a buffered writer. It keeps the first write
// error so that callers check once per record instead of after every cell.
type csvWriter struct {
	bw  *bufio.Writer
	err error
}

func newCSVWriter(w io.Writer, opt Options) *csvWriter {
	c := &csvWriter{bw: bufio.NewWriterSize(w, 64<<10)}
	if opt.BOM {
		c.write(bom)
	}
	return c
}

func (c *csvWriter) write(s string) {
	if c.err == nil {
		_, c.err = c.bw.WriteString(s)
	}
}

// record writes one record: the cells, guarded and quoted as needed, and CRLF.
func (c *csvWriter) record(cells []string) error {
	for i, s := range cells {
		if i > 0 {
			c.bw.WriteByte(',') // an error here is sticky in bw and surfaces at the next write
		}
		c.cell(s)
	}
	c.write("\r\n")
	return c.err
}

func (c *csvWriter) cell(s string) {
	guard := needsGuard(s)
	if !guard && !needsQuotes(s) {
		c.write(s)
		return
	}
	// A guarded cell is quoted too, as OWASP advises: some readers strip the quote of an
	// unquoted '= and would run the formula.
	c.write(`"`)
	if guard {
		c.write("'")
	}
	for {
		i := strings.IndexByte(s, '"')
		if i < 0 {
			break
		}
		c.write(s[:i+1])
		c.write(`"`)
		s = s[i+1:]
	}
	c.write(s)
	c.write(`"`)
}

// flush writes out what is buffered and returns the first error, as an *app.Error.
func (c *csvWriter) flush() error {
	if c.err == nil {
		c.err = c.bw.Flush()
	}
	return writeError(c.err)
}

func writeError(err error) error {
	if err == nil {
		return nil
	}
	return &app.Error{
		Code:    app.EINTERNAL,
		Message: "The CSV file could not be written completely; check that the disk is not full and the file is writable, then export again.",
		Err:     err,
	}
}
