package ingest

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"

	"dossier/app"
)

func TestParseFormats(t *testing.T) {
	utf16 := func(e unicode.Endianness) []byte {
		b, err := unicode.UTF16(e, unicode.UseBOM).NewEncoder().Bytes([]byte(storyText))
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	cp1252, err := charmap.Windows1252.NewEncoder().Bytes([]byte(storyText))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		file string
		data []byte
	}{
		{"UTF-8", "strike.txt", []byte(storyText)},
		{"UTF-8 with BOM and CRLF", "strike.txt", []byte("\uFEFF" + strings.ReplaceAll(storyText, "\n", "\r\n"))},
		{"UTF-16 LE with BOM", "strike.txt", utf16(unicode.LittleEndian)},
		{"UTF-16 BE with BOM", "strike.txt", utf16(unicode.BigEndian)},
		{"Windows-1252", "strike.txt", cp1252},
		{"no extension", "strike", []byte(storyText)},
		{"upper-case extension", "STRIKE.TXT", []byte(storyText)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			arts, err := Parse(tt.file, tt.data)
			if err != nil {
				t.Fatal(err)
			}
			if len(arts) != 1 {
				t.Fatalf("%d articles", len(arts))
			}
			a := arts[0]
			if a.Title != storyTitle || a.Dateline != "VALDEMAR" || a.Date != "2026-03-03" || a.Author != "Tomas Reyes" {
				t.Errorf("header: %q %q %q %q", a.Title, a.Dateline, a.Date, a.Author)
			}
			if want := strings.Join(storyParagraphs, "\n\n"); a.Body != want {
				t.Errorf("body:\n%q\nwant\n%q", a.Body, want)
			}
			if err := a.Validate(); err != nil {
				t.Errorf("not fit to file: %v", err)
			}
		})
	}
}

func TestParseTitleFromFileName(t *testing.T) {
	arts, err := Parse("port-strike_day2.txt", []byte("The strike went on. Ships waited."))
	if err != nil {
		t.Fatal(err)
	}
	if arts[0].Title != "port strike day2" || arts[0].Body != "The strike went on. Ships waited." {
		t.Errorf("got %q / %q", arts[0].Title, arts[0].Body)
	}
}

func TestParseRefuses(t *testing.T) {
	binary := make([]byte, 600)
	for i := range binary {
		binary[i] = byte(i%255 + 1) // every byte value but NUL
	}
	controls := bytes.Repeat([]byte("ab\x01\x02\x03\x04\x05\x06"), 40)
	tests := []struct {
		name, file string
		data       []byte
		says       string // part of the message
	}{
		{"NUL bytes", "strike.txt", []byte("Port strike\x00\x00\x00\x01body"), "binary"},
		{"mostly control characters", "strike.txt", controls, "binary"},
		{"high and control bytes", "strike.txt", binary, "encoding"},
		{"zeros in both lanes", "strike.txt", []byte("P\x00\x00o\x00r\x00\x00t\x00 s\x00"), "binary"},
		{"empty", "strike.txt", nil, "empty"},
		{"only white space", "strike.md", []byte(" \r\n\t\n  "), "empty"},
		{"only a BOM", "strike.txt", []byte("\uFEFF\n"), "empty"},
		{"UTF-16 BOM and spaces", "strike.txt", []byte("\xff\xfe \x00\n\x00"), "empty"},
		{"mostly invalid UTF-8 that is not Windows-1252", "strike.txt", []byte("Port \xc3\xa9 \xff\xfe strike \x81\x8d"), "not valid UTF-8"},
		{"invalid UTF-8 after a UTF-8 BOM", "strike.txt", []byte("\uFEFFPort strike \xe9t\xe9"), "UTF-8"},
		{"PDF", "strike.pdf", []byte("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj"), "PDF"},
		{"PDF named .txt", "strike.txt", []byte("%PDF-1.4\nstuff"), "PDF"},
		{"Word", "strike.docx", []byte("PK\x03\x04\x14\x00\x06\x00"), "is a Word file"},
		{"ZIP named .txt", "strike.txt", []byte("PK\x03\x04\x14\x00\x06\x00"), "is a ZIP file"},
		{"docx extension with text inside", "strike.docx", []byte(storyText), "Word"},
		{"unknown extension", "strike.xyz", []byte(storyText), ".xyz"},
		{"HTML without text", "page.html", []byte("<!doctype html><html><head><title>Courier</title><script>var a = 'lots of script text here';</script></head><body><nav><a href='/'>Home</a> <a href='/b'>News</a></nav><footer>© Courier</footer></body></html>"), "no readable"},
		{"HTML with only markup", "page.htm", []byte("<html><body><div><img src=x.png></div></body></html>"), "no readable"},
		{"too large", "strike.txt", make([]byte, MaxFileSize+1), "too large"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			arts, err := Parse(tt.file, tt.data)
			if err == nil {
				t.Fatalf("accepted: %+v", arts)
			}
			checkRefusal(t, err, tt.file, tt.says)
		})
	}
}

// checkRefusal checks err is an EINVALID *app.Error naming the file and saying what.
func checkRefusal(t *testing.T, err error, file, says string) {
	t.Helper()
	if !app.IsCode(err, app.EINVALID) {
		t.Errorf("code %q, want %q (%v)", app.ErrorCode(err), app.EINVALID, err)
	}
	msg := app.ErrorMessage(err)
	if !strings.Contains(msg, "“"+filepath.Base(file)+"”") || !strings.Contains(msg, says) {
		t.Errorf("message %q should name %q and say %q", msg, file, says)
	}
}

func TestParseWindows1252Letters(t *testing.T) {
	// "Grève à Valdemar – 3 €" in Windows-1252: é, à, en dash and euro are single high bytes.
	data := []byte("Gr\xe8ve \xe0 Valdemar\nLes dockers ont vot\xe9 \x96 le co\xfbt est de 3 \x80.")
	arts, err := Parse("greve.txt", data)
	if err != nil {
		t.Fatal(err)
	}
	if arts[0].Title != "Grève à Valdemar" || arts[0].Body != "Les dockers ont voté – le coût est de 3 €." {
		t.Errorf("got %q / %q", arts[0].Title, arts[0].Body)
	}
}

func TestReadFile(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "strike.txt")
	if err := os.WriteFile(good, []byte(storyText), 0o644); err != nil {
		t.Fatal(err)
	}
	items, err := ReadFile(good)
	if err != nil || len(items) != 1 || items[0].Path != good || items[0].Err != nil || items[0].Article.Title != storyTitle {
		t.Fatalf("ReadFile = %+v, %v", items, err)
	}

	// A sparse file larger than the limit: refused from its size, without reading 51 MB.
	big := filepath.Join(dir, "huge.txt")
	f, err := os.Create(big)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Truncate(MaxFileSize + 1<<20); err != nil {
		t.Fatal(err)
	}
	f.Close()
	items, err = ReadFile(big)
	checkRefusal(t, err, big, "too large (51 MB; at most 50 MB)")
	if len(items) != 1 || items[0].Err != err || items[0].Path != big {
		t.Errorf("refused file should come back as one Item carrying the error: %+v", items)
	}

	_, err = ReadFile(dir)
	checkRefusal(t, err, dir, "folder")

	_, err = ReadFile(filepath.Join(dir, "missing.txt"))
	if !app.IsCode(err, app.ENOTFOUND) || !strings.Contains(app.ErrorMessage(err), "missing.txt") {
		t.Errorf("missing file: %v", err)
	}
}

func TestOutputIsCleanText(t *testing.T) {
	// Whatever the input, what comes out must be storable: valid UTF-8, no CR, no NUL.
	inputs := map[string]string{
		"a.txt":  "Title\r\nline one\rline two\u2028line three\u2029\x00?",
		"b.md":   "---\r\ntitle: A\r\n---\r\n# Head\r\n\r\nText \u0085 more\r",
		"c.html": "<html><body><p>Line\r\none</p><pre>a\r\nb\rc</pre></body></html>",
	}
	for name, in := range inputs {
		arts, err := Parse(name, []byte(in))
		if err != nil {
			continue // refusal is fine; garbage out is not
		}
		for _, a := range arts {
			checkClean(t, a)
		}
	}
}

func checkClean(t *testing.T, a app.Article) {
	t.Helper()
	for field, v := range map[string]string{"title": a.Title, "body": a.Body, "source": a.Source, "author": a.Author,
		"dateline": a.Dateline, "URL": a.URL, "notes": a.Notes, "language": a.Language} {
		if !utf8.ValidString(v) {
			t.Errorf("%s is not valid UTF-8: %q", field, v)
		}
		if strings.ContainsAny(v, "\r\x00") {
			t.Errorf("%s holds CR or NUL: %q", field, v)
		}
	}
	for _, tag := range a.Tags {
		if !utf8.ValidString(tag) || strings.ContainsAny(tag, "\r\n") {
			t.Errorf("bad tag %q", tag)
		}
	}
	if err := a.Date.Validate(); err != nil {
		t.Errorf("date: %v", err)
	}
}

func TestReadFileHugeFiles(t *testing.T) {
	// 200 MB files of every kind are refused from their size alone: the test would take
	// seconds and 200 MB if they were read, and these sparse files cost nothing.
	dir := t.TempDir()
	for _, name := range []string{"huge.xml", "huge.rss", "huge.eml", "huge.html", "huge"} {
		path := filepath.Join(dir, name)
		f, err := os.Create(path)
		if err != nil {
			t.Fatal(err)
		}
		if err := f.Truncate(200 << 20); err != nil {
			t.Fatal(err)
		}
		f.Close()
		items, err := ReadFile(path)
		checkRefusal(t, err, path, "too large (200 MB; at most 50 MB)")
		if len(items) != 1 || items[0].Err == nil {
			t.Errorf("%s: %+v", name, items)
		}
	}
}
