// Package ingest turns files from outside Dossier (plain text, Markdown, saved web pages,
// RSS and Atom feeds, e-mail messages) into app.Article values ready to be filed. It
// reads and judges the bytes; it never touches the store. Every refusal is an *app.Error
// whose message names the file and says what is wrong with it, so the GUI and the batch
// interface can show it as it is.
package ingest

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"path/filepath"
	"strings"

	"dossier/app"
)

// MaxFileSize is the largest file accepted. Larger files are refused before they are
// read, so a stray disk image dropped on the window costs nothing; plain text has a
// lower limit, see sizeLimit.
const MaxFileSize = 50 << 20

// Item is the result of reading one file. A file that yields several articles (a feed)
// gives several items with the same Path.
type Item struct {
	Path    string
	Article app.Article
	// Warnings says what reading the article could not do perfectly: a lossy decode, an
	// encoding other than UTF-8, a date not found. An import shows each on the
	// article's line and counts it in its summary.
	Warnings []app.ImportWarning
	Err      error // an *app.Error naming the file and what is wrong; Article is empty then
}

// format is what a file holds, as far as ingest is concerned.
type format int

const (
	formatText format = iota
	formatMarkdown
	formatHTML
	formatFeed
	formatEmail
)

// Extensions read as each format. A file with no extension is read as text.
var extFormats = map[string]format{
	"":          formatText,
	".txt":      formatText,
	".text":     formatText,
	".md":       formatMarkdown,
	".markdown": formatMarkdown,
	".mdown":    formatMarkdown,
	".mkd":      formatMarkdown,
	".html":     formatHTML,
	".htm":      formatHTML,
	".xhtml":    formatHTML,
	".shtml":    formatHTML,
	".rss":      formatFeed,
	".atom":     formatFeed,
	".xml":      formatFeed, // or not: see detect
	".eml":      formatEmail,
}

// Names for formats people will try to import and that are not read yet, so the refusal
// can say what the file is rather than only that its extension is unknown.
var knownUnsupported = map[string]string{
	".pdf": "PDF", ".doc": "Word", ".docx": "Word", ".odt": "OpenDocument", ".rtf": "RTF",
	".epub": "EPUB", ".pages": "Pages", ".xls": "Excel", ".xlsx": "Excel", ".ods": "OpenDocument",
	".csv": "CSV", ".tsv": "TSV", ".json": "JSON", ".msg": "Outlook message", ".mbox": "mailbox",
	".mht": "web archive", ".mhtml": "web archive", ".webarchive": "web archive", ".zip": "ZIP", ".png": "image", ".jpg": "image",
	".jpeg": "image", ".gif": "image", ".webp": "image", ".tif": "image", ".tiff": "image",
}

// Signatures of binary formats, checked before the extension so a PDF saved as .txt is
// still called a PDF.
var magics = []struct {
	prefix, kind string
}{
	{"%PDF-", "PDF"},
	{"PK\x03\x04", "ZIP"},
	{"{\\rtf", "RTF"},
	{"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "old Microsoft Office"},
	{"\x89PNG", "image"},
	{"\xff\xd8\xff", "image"},
	{"GIF8", "image"},
}

// ReadFile reads one file and returns its articles. A file refused as a whole (missing,
// too large, binary, unsupported, not a regular file) gives one Item carrying the error,
// and the same error is returned, so a caller that wants only the articles can check err
// alone. A feed read in part (see Parse) gives an Item per article and a last Item
// carrying the error that says what was left out; the returned error is nil then, as
// there are articles to file. It never blocks on a named pipe (see Open).
func ReadFile(path string) ([]Item, error) {
	return ReadFileContext(context.Background(), path)
}

// ReadFileContext is ReadFile that stops reading when ctx is done.
func ReadFileContext(ctx context.Context, path string) ([]Item, error) {
	src, err := Open(path)
	if err != nil {
		return []Item{{Path: path, Err: err}}, err
	}
	defer src.Close()
	return src.Read(ctx)
}

// parseItems parses data, the bytes of the file at path, into its items.
func parseItems(path string, data []byte) ([]Item, error) {
	items, err := ParseItems(filepath.Base(path), data)
	if len(items) == 0 {
		return []Item{{Path: path, Err: err}}, err
	}
	for i := range items {
		items[i].Path = path
	}
	if err != nil {
		items = append(items, Item{Path: path, Err: err})
	}
	return items, nil
}

// Parse reads the articles in data, a file called name. The format comes from the
// content first (a .txt holding a web page is read as HTML, an .xml or .txt holding a
// feed as a feed, a file opening with mail headers as an e-mail) and from the extension
// of name. The articles are normalised and valid; a title missing from the content is
// made from the file name.
//
// A feed gives an article per item. When only part of it can be read (more than
// MaxFeedItems items, a file cut off in the middle, items with nothing to file), Parse
// returns the articles it read together with an error saying what was left out. In every
// other case the error comes alone.
func Parse(name string, data []byte) ([]app.Article, error) {
	items, err := ParseItems(name, data)
	arts := make([]app.Article, len(items))
	for i, it := range items {
		arts[i] = it.Article
	}
	return arts, err
}

// ParseItems is Parse with the warnings of each article (see Item.Warnings), which an
// import must pass on. The items have neither Path nor Err: the error is returned.
func ParseItems(name string, data []byte) ([]Item, error) {
	arts, d, err := parse(name, data)
	items := make([]Item, len(arts))
	for i, a := range arts {
		items[i] = Item{Article: a, Warnings: articleWarnings(a, d)}
	}
	return items, err
}

// articleWarnings are the warnings of one article read with decoding d: d's own, one
// for characters shown as U+FFFD that d did not account for (a part of an e-mail or a
// feed in a charset declared wrongly), and one when no date was found.
func articleWarnings(a app.Article, d decoding) []app.ImportWarning {
	ws := d.warnings()
	if d.replaced == 0 {
		if n := strings.Count(a.Title, "\uFFFD") + strings.Count(a.Body, "\uFFFD"); n > 0 {
			ws = append(ws, app.ImportWarning{Kind: app.WarnReplaced, Tally: "with invalid bytes replaced",
				Message: plural(n, "character", "characters") + " could not be decoded and show as �"})
		}
	}
	if a.Date == "" {
		ws = append(ws, app.UndatedWarning)
	}
	return ws
}

// parse is Parse, with how the bytes were decoded.
func parse(name string, data []byte) ([]app.Article, decoding, error) {
	var d decoding
	if len(data) > MaxFileSize {
		return nil, d, tooLarge(name, int64(len(data)))
	}
	if len(bytes.TrimSpace(bytes.TrimPrefix(data, utf8BOM))) == 0 {
		return nil, d, fileErr(name, "is empty.")
	}
	f, err := detect(name, data)
	if err != nil {
		return nil, d, err
	}
	if limit := sizeLimit(name, data); int64(len(data)) > limit {
		return nil, d, tooLargeFor(name, int64(len(data)), limit)
	}
	switch f {
	case formatFeed:
		return parseFeed(name, data)
	case formatEmail:
		a, err := parseEmail(name, data, &d)
		if err == nil {
			err = finish(name, &a)
		}
		if err != nil {
			return nil, d, err
		}
		return []app.Article{a}, d, nil
	}
	text, d, err := decode(name, data, f == formatHTML || looksLikeHTMLBytes(data))
	if err != nil {
		return nil, d, err
	}
	if strings.TrimSpace(text) == "" {
		return nil, d, fileErr(name, "is empty.")
	}
	switch {
	case f != formatHTML && looksLikeHTML(text):
		f = formatHTML
	case f == formatHTML && !strings.Contains(text, "<"):
		f = formatText // no markup at all: HTML parsing would only lose its paragraph breaks
	}
	var a app.Article
	switch f {
	case formatHTML:
		a, err = parseHTML(name, text)
	case formatMarkdown:
		a = parseMarkdown(text)
	default:
		a = FromText(text)
	}
	if err != nil {
		return nil, d, err
	}
	if err := finish(name, &a); err != nil {
		return nil, d, err
	}
	return []app.Article{a}, d, nil
}

// detect picks the format from magic numbers, the extension and the content, refusing
// formats that are not read yet. Web pages in other files are found later, once the
// bytes are text.
func detect(name string, data []byte) (format, error) {
	ext := strings.ToLower(filepath.Ext(name))
	for _, m := range magics {
		if bytes.HasPrefix(data, []byte(m.prefix)) {
			kind := m.kind
			if k := knownUnsupported[ext]; k != "" && m.prefix == "PK\x03\x04" {
				kind = k // a ZIP container says no more; the extension says which
			}
			return 0, fileErr(name, "is %s file; Dossier cannot read those yet. Save the article as text (.txt), Markdown (.md) or a web page (.html) and import that.", withArticle(kind))
		}
	}
	f, ok := extFormats[ext]
	if !ok {
		kind := knownUnsupported[ext]
		if kind == "" {
			kind = ext
		}
		return 0, fileErr(name, "is %s file; Dossier cannot read that format yet. %s", withArticle(kind), readsWhat)
	}
	switch {
	case looksLikeFeed(data):
		return formatFeed, nil
	case f == formatText && looksLikeEmail(data):
		return formatEmail, nil
	case ext == ".xml" && !looksLikeHTMLBytes(data):
		return 0, fileErr(name, "is an XML file but not an RSS or Atom feed; Dossier reads feeds, not other XML.")
	case ext == ".xml":
		return formatHTML, nil // XHTML saved as .xml
	}
	return f, nil
}

// withArticle puts "a" or "an" before a kind of file, as it is said: "an image", "an
// Excel", "a PDF", "an RTF" and "an XML" (read letter by letter), "a .xyz" (read "dot").
func withArticle(kind string) string {
	if kind == "" {
		return "a"
	}
	an := false
	switch upper := strings.ToUpper(kind); {
	case kind[0] == '.':
	case len(kind) > 1 && kind == upper && kind != "ZIP" && kind != "JSON":
		// an initialism: "an" before the letters said with a vowel sound, F as "eff"
		an = strings.ContainsRune("AEFHILMNORSX", rune(kind[0]))
	default:
		an = strings.ContainsRune("aeiouAEIOU", rune(kind[0]))
	}
	if an {
		return "an " + kind
	}
	return "a " + kind
}

// readsWhat lists the formats read, for refusals.
const readsWhat = "It reads text (.txt), Markdown (.md), web pages (.html), RSS and Atom feeds (.rss, .atom, .xml) and e-mail (.eml)."

// finish normalises the article, fills what the content left out and checks it is
// fit to file, naming the file in any complaint.
func finish(name string, a *app.Article) error {
	a.Normalize()
	if a.Title == "" {
		a.Title = titleFromName(name)
	}
	if a.Body == "" {
		return fileErr(name, "has no article text.")
	}
	a.Hash = app.ContentHash(a.Body)
	if err := a.Validate(); err != nil {
		var e *app.Error
		if errors.As(err, &e) {
			return &app.Error{Code: e.Code, Message: fmt.Sprintf("“%s”: %s", name, e.Message)}
		}
		return fileErr(name, "cannot be filed: %v", err)
	}
	return nil
}

// titleFromName makes a title of a file name: "port-strike_day2.txt" → "port strike day2".
func titleFromName(name string) string {
	base := filepath.Base(name)
	base = strings.TrimSuffix(base, filepath.Ext(base))
	base = strings.NewReplacer("_", " ", "-", " ").Replace(base)
	base = strings.Join(strings.Fields(base), " ")
	if base == "" || base == "." {
		return "Untitled"
	}
	return truncateRunes(base, app.MaxTitle/4)
}

// fileErr is an EINVALID error whose message starts with the file's name.
func fileErr(name, format string, args ...any) *app.Error {
	return app.Errorf(app.EINVALID, "“%s” "+format, append([]any{name}, args...)...)
}

func tooLarge(name string, size int64) *app.Error {
	return fileErr(name, "is too large (%d MB; at most %d MB).", mb(size), MaxFileSize>>20)
}

// openError turns an error from the file system into a message a researcher can act on.
func openError(name string, err error) *app.Error {
	var e *app.Error
	switch {
	case errors.Is(err, fs.ErrNotExist):
		e = app.Errorf(app.ENOTFOUND, "“%s” does not exist.", name)
	case errors.Is(err, fs.ErrPermission):
		e = fileErr(name, "cannot be read: %s.", app.AccessDenied())
	case isLoop(err):
		e = fileErr(name, "is a symbolic link that leads back to itself (a symlink loop: too many levels of symbolic links); it was skipped.")
	default:
		e = fileErr(name, "cannot be read.")
	}
	e.Err = err
	return e
}
