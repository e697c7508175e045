package export

import (
	"bytes"
	"encoding/csv"
	"errors"
	"strings"
	"testing"

	"dossier/app"
)

// parse reads a CSV export back with encoding/csv after checking and stripping the BOM, and
// checks that every record has as many cells as the header.
func parse(t testing.TB, data []byte, wantBOM bool) [][]string {
	t.Helper()
	if got := bytes.HasPrefix(data, []byte(bom)); got != wantBOM {
		t.Fatalf("BOM present = %v, want %v; output starts %q", got, wantBOM, head(data))
	}
	data = bytes.TrimPrefix(data, []byte(bom))
	if !bytes.HasSuffix(data, []byte("\r\n")) {
		t.Fatalf("output does not end in CRLF: ...%q", data[max(0, len(data)-20):])
	}
	r := csv.NewReader(bytes.NewReader(data))
	r.FieldsPerRecord = 0 // every record as long as the header
	recs, err := r.ReadAll()
	if err != nil {
		t.Fatalf("reading the export back: %v\n%s", err, data)
	}
	return recs
}

func head(b []byte) []byte { return b[:min(len(b), 20)] }

// readBack is what encoding/csv returns for a cell the exporter was given: the guarded text,
// with CRLF read as LF (the reader's normalisation, not the writer's).
func readBack(s string) string { return strings.ReplaceAll(Guard(s), "\r\n", "\n") }

func TestGuard(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", ""},
		{"plain", "plain"},
		{`=HYPERLINK("http://x","y")`, `'=HYPERLINK("http://x","y")`},
		{"+1", "'+1"},
		{"-2", "'-2"},
		{"@SUM(A1)", "'@SUM(A1)"},
		{"\tx", "'\tx"},
		{"\rx", "'\rx"},
		{"\x00x", "'\x00x"},
		{"a=b", "a=b"},
		{" =1", " =1"}, // not a formula: it starts with a space
		{"'quoted", "'quoted"},
		{"Zoë", "Zoë"},
	}
	for _, tt := range tests {
		if got := Guard(tt.in); got != tt.want {
			t.Errorf("Guard(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestCellBytes pins the exact bytes of a record: RFC 4180 quoting, the guard inside the
// quotes, CRLF at the end.
func TestCellBytes(t *testing.T) {
	tests := []struct{ in, want string }{
		{"plain", "plain"},
		{"", ""},
		{"a,b", `"a,b"`},
		{`say "no"`, `"say ""no"""`},
		{"two\nlines", "\"two\nlines\""},
		{"lone\rcr", "\"lone\rcr\""},
		{"crlf\r\nkept", "\"crlf\r\nkept\""},
		{" padded", `" padded"`},
		{"padded ", `"padded "`},
		{"tab\t", "\"tab\t\""},
		{"=1+1", `"'=1+1"`},
		{`=HYPERLINK("http://x","y")`, `"'=HYPERLINK(""http://x"",""y"")"`},
		{"-2", `"'-2"`},
		{"Zoë", "Zoë"},
		{"نوري المالكي", "نوري المالكي"},
	}
	for _, tt := range tests {
		var buf bytes.Buffer
		c := newCSVWriter(&buf, Options{})
		c.record([]string{tt.in, "x"})
		if err := c.flush(); err != nil {
			t.Fatal(err)
		}
		if got, want := buf.String(), tt.want+",x\r\n"; got != want {
			t.Errorf("record(%q) wrote %q, want %q", tt.in, got, want)
		}
	}
}

// TestCellRoundTrip writes awkward text into every column of both exports and reads it back.
func TestCellRoundTrip(t *testing.T) {
	texts := []string{
		"comma, inside",
		`quote "inside" and at end"`,
		"line one\nline two",
		"lone\rCR",
		"CRLF\r\ninside",
		"Zoë Ferrández",
		"نوري المالكي",
		"  spaces around  ",
		"=HYPERLINK(\"http://evil\",\"click\")",
		"+1", "-2", "@SUM(A1)", "\tx", "\rstart", "\x00nul",
		"",
	}
	for _, s := range texts {
		d := fuzzDossier(s, s, s, s)
		var buf bytes.Buffer
		if err := WriteDossier(&buf, d, Options{BOM: true}); err != nil {
			t.Fatal(err)
		}
		checkDossier(t, parse(t, buf.Bytes(), true), d)

		rels := []app.Relation{d.Relations[0].Relation}
		buf.Reset()
		if err := WriteRelations(&buf, sliceNext(rels), Options{}); err != nil {
			t.Fatal(err)
		}
		got := parse(t, buf.Bytes(), false)
		want := [][]string{RelationColumns, guardAll(relationRecord(rels[0]))}
		compare(t, got, want)
	}
}

func TestBOM(t *testing.T) {
	d := app.Dossier{Actor: app.Actor{UUID: "u1", Name: "Iraq", Kind: app.State}}
	for _, withBOM := range []bool{true, false} {
		var buf bytes.Buffer
		if err := WriteDossier(&buf, d, Options{BOM: withBOM}); err != nil {
			t.Fatal(err)
		}
		got := parse(t, buf.Bytes(), withBOM)
		if strings.Join(got[0], ",") != strings.Join(DossierColumns, ",") {
			t.Errorf("BOM=%v: header %q", withBOM, got[0])
		}
		if withBOM && !bytes.HasPrefix(buf.Bytes(), []byte{0xEF, 0xBB, 0xBF, 'k'}) {
			t.Errorf("BOM=true: output starts %q", head(buf.Bytes()))
		}
	}
}

// failWriter accepts n bytes, then fails.
type failWriter struct{ n int }

var errDiskFull = errors.New("disk full")

func (w *failWriter) Write(p []byte) (int, error) {
	if len(p) > w.n {
		k := w.n
		w.n = 0
		return k, errDiskFull
	}
	w.n -= len(p)
	return len(p), nil
}

func TestWriteError(t *testing.T) {
	tests := []struct {
		name  string
		limit int
	}{
		{"fails at once", 0},
		{"fails mid-way", 100 << 10},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := app.Dossier{Actor: app.Actor{UUID: "u1", Name: "Iraq", Kind: app.State}}
			for i := 0; i < 5000; i++ {
				d.Mentions = append(d.Mentions, app.DossierMention{Title: "A long enough title for the buffer to fill", Sentence: strings.Repeat("text ", 20)})
			}
			err := WriteDossier(&failWriter{n: tt.limit}, d, Options{BOM: true})
			if !app.IsCode(err, app.EINTERNAL) || !errors.Is(err, errDiskFull) {
				t.Fatalf("WriteDossier = %v, want an EINTERNAL *app.Error wrapping %v", err, errDiskFull)
			}
			if !strings.Contains(app.ErrorMessage(err), "CSV file could not be written") {
				t.Errorf("message %q does not say what failed", app.ErrorMessage(err))
			}
		})
	}
}
