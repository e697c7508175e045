package ingest

import (
	"bytes"
	"fmt"
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/jhillyerd/enmime/v2"
	"github.com/jhillyerd/enmime/v2/mediatype"

	"dossier/app"
)

// maxMultiparts is the most multipart containers an e-mail may declare. A newsletter has
// two or three (mixed, related, alternative). The MIME reader nests a buffered reader per
// level and reads through all of them for every byte, so a file nesting 20,000 deep takes
// minutes and hundreds of megabytes; counting the media type "multipart/" (the word
// "boundary" would do too, but an election newsletter may well be about boundaries) is a
// cheap, generous bound on the nesting.
const maxMultiparts = 64

// Header fields that mark a file as an e-mail message.
var mailHeaders = map[string]bool{
	"from": true, "to": true, "cc": true, "subject": true, "date": true, "sender": true,
	"reply-to": true, "message-id": true, "mime-version": true, "content-type": true,
	"content-transfer-encoding": true, "received": true, "return-path": true,
	"delivered-to": true, "list-id": true, "list-unsubscribe": true, "dkim-signature": true,
	"x-mailer": true, "user-agent": true, "in-reply-to": true, "references": true,
}

// looksLikeEmail reports whether data opens with a block of mail header lines ("From:",
// "Subject:", "MIME-Version:" …) ending in a blank line: at least two fields known from
// mail, one of them From, Subject or MIME-Version, and nothing that is not a header line
// before the blank line. A text that merely starts "Subject: budget" stays a text.
func looksLikeEmail(data []byte) bool {
	head := bytes.TrimPrefix(data[:min(len(data), 64<<10)], utf8BOM)
	head = skipMboxLine(head)
	known := map[string]bool{}
	lines := 0
	for len(head) > 0 {
		line, rest, found := bytes.Cut(head, []byte("\n"))
		line = bytes.TrimSuffix(line, []byte("\r"))
		head = rest
		switch {
		case len(line) == 0:
			return len(known) >= 2 && (known["from"] || known["subject"] || known["mime-version"])
		case line[0] == ' ' || line[0] == '\t':
			if lines == 0 {
				return false // a continuation with nothing to continue
			}
		default:
			field, ok := headerField(line)
			if !ok {
				return false
			}
			if mailHeaders[field] {
				known[field] = true
			}
		}
		lines++
		if !found || lines > 500 {
			break
		}
	}
	return false
}

// headerField returns the lower-cased name of a "Name: value" header line.
func headerField(line []byte) (string, bool) {
	i := bytes.IndexByte(line, ':')
	if i <= 0 || i > 76 {
		return "", false
	}
	for _, c := range line[:i] {
		if c <= ' ' || c > '~' {
			return "", false
		}
	}
	return strings.ToLower(string(line[:i])), true
}

// skipMboxLine drops the "From sender date" line an mbox file puts before each message.
func skipMboxLine(data []byte) []byte {
	if bytes.HasPrefix(data, []byte("From ")) {
		if _, rest, ok := bytes.Cut(data, []byte("\n")); ok {
			return rest
		}
	}
	return data
}

// parseEmail reads an e-mail message, a newsletter say: the subject is the title, the
// sender the source, the Date header the date, and the text part the text; when there is
// no text part, or it is only a stub pointing to the HTML ("view this e-mail in your
// browser"), the HTML part reduced to text.
func parseEmail(name string, data []byte, d *decoding) (app.Article, error) {
	if countFold(data, "multipart/", maxMultiparts+1) > maxMultiparts {
		return app.Article{}, fileErr(name, "has more than %d nested MIME parts; no e-mail needs that many, so it was not read.", maxMultiparts)
	}
	env, err := readEnvelope(skipMboxLine(bytes.TrimPrefix(data, utf8BOM)))
	if err != nil {
		return app.Article{}, fileErr(name, "could not be read as an e-mail message (%v).", err)
	}
	a := app.Article{
		Title:    headerText(env.GetHeader("Subject"), d),
		Source:   sender(env, d),
		Language: language(strings.TrimSpace(strings.Split(env.GetHeader("Content-Language"), ",")[0])),
	}
	if t, err := env.Date(); err == nil && t.Year() > 1 {
		if d := app.DateOf(t); d.Validate() == nil {
			a.Date = d
		}
	}
	if a.Date == "" {
		a.Date, _ = looseDate(env.GetHeader("Date"))
	}
	fromLines(&a, dropMailNoise(strings.Split(mailBody(env, d), "\n")), nil)
	if strings.TrimSpace(a.Body) == "" {
		return app.Article{}, fileErr(name, "is an e-mail with no text to file (only attachments, or nothing).")
	}
	return a, nil
}

// readEnvelope runs enmime, turning a panic inside it into an error.
func readEnvelope(data []byte) (env *enmime.Envelope, err error) {
	defer func() {
		if r := recover(); r != nil {
			env, err = nil, fmt.Errorf("the message reader failed: %v", r)
		}
	}()
	p := enmime.NewParser(
		enmime.DisableTextConversion(true), // done by markupText, like the rest of ingest
		enmime.DisableCharacterDetection(true),
		enmime.SkipMalformedParts(true),
		enmime.SetReadPartErrorPolicy(enmime.AllowCorruptTextPartErrorPolicy),
		enmime.MaxStoredPartErrors(10),
		enmime.SetCustomParseMediaType(mailMediaType),
	)
	return p.ReadEnvelope(bytes.NewReader(data))
}

// mailMediaType parses a Content-Type as enmime does, but drops a US-ASCII charset
// (which a part without one has too): enmime would read such a part's 8-bit bytes as
// Windows-1252, so a UTF-8 message that forgot its charset would turn to mojibake in
// silence. Left as they are, the bytes are read by toUTF8 as a text file's are, and the
// article's warnings say how.
func mailMediaType(ctype string) (string, map[string]string, []string, error) {
	mtype, params, invalid, err := mediatype.Parse(ctype)
	switch strings.ToLower(strings.TrimSpace(params["charset"])) {
	case "us-ascii", "ascii", "iso646-us", "us", "ansi_x3.4-1968":
		delete(params, "charset")
	}
	return mtype, params, invalid, err
}

// mailBody picks the message's text: its text part, unless that is missing or much
// shorter than the text of its HTML part, which happens when the plain part is a stub.
func mailBody(env *enmime.Envelope, d *decoding) string {
	plain := cleanText(toUTF8(env.Text, d))
	if env.HTML == "" {
		return plain
	}
	rich, err := markupText(toUTF8(env.HTML, d))
	if err != nil {
		return plain
	}
	if plain == "" || utf8.RuneCountInString(plain)*3 < utf8.RuneCountInString(rich) {
		return rich
	}
	return plain
}

// mailNoise matches the lines newsletters wrap around their text: links to the web
// version and to the subscription settings.
var mailNoise = regexp.MustCompile(`(?i)^(?:(?:view|read|open|see)(?: (?:this|the))?(?: e-?mail| newsletter| message| issue| briefing)?(?: online| in (?:(?:your|a|the) )?(?:web )?browser)|unsubscribe(?: here)?|manage (?:your )?(?:preferences|subscription)|update (?:your )?preferences)[.!]?$`)

// dropMailNoise removes the lines that are only a newsletter's web-version or
// unsubscribe link.
func dropMailNoise(lines []string) []string {
	out := lines[:0]
	for _, l := range lines {
		if t := strings.TrimSpace(l); len(t) < 60 && mailNoise.MatchString(t) {
			continue
		}
		out = append(out, l)
	}
	return out
}

// sender is the display name of whoever sent the message, or their address.
func sender(env *enmime.Envelope, d *decoding) string {
	for _, field := range []string{"From", "Sender", "Reply-To"} {
		if list, err := env.AddressList(field); err == nil {
			for _, addr := range list {
				if s := headerText(firstOf(addr.Name, addr.Address), d); s != "" {
					return s
				}
			}
		}
		// A header net/mail cannot parse ("Courier <news at courier>") is kept as written.
		if raw := headerText(env.GetHeader(field), d); raw != "" {
			return strings.Trim(raw, "<>\" ")
		}
	}
	return ""
}

// headerText is a header value on one line, in UTF-8 even when the sender put raw
// Latin-1 bytes in it instead of encoding them.
func headerText(s string, d *decoding) string {
	return strings.Join(strings.Fields(cleanText(toUTF8(s, d))), " ")
}

// toUTF8 returns s as valid UTF-8, as a text file is read (see toText), and adds to d
// what it did: an encoding chosen, bytes replaced. A part's lines are not the file's,
// so the replaced bytes are counted without their lines.
func toUTF8(s string, d *decoding) string {
	if utf8.ValidString(s) {
		return s
	}
	out, pd := toText([]byte(s), nil)
	if pd.enc != "" && d.enc == "" {
		d.enc, d.how = pd.enc, " where the message does not say its encoding"
	}
	d.replaced += pd.replaced
	return out
}

// countFold counts the times word (lower-case ASCII) occurs in data, ignoring case,
// stopping at limit.
func countFold(data []byte, word string, limit int) int {
	n := 0
	first := word[0]
	for i := 0; i+len(word) <= len(data) && n < limit; i++ {
		j := bytes.IndexAny(data[i:], string([]byte{first, first - 'a' + 'A'}))
		if j < 0 {
			break
		}
		i += j
		if i+len(word) <= len(data) && bytes.EqualFold(data[i:i+len(word)], []byte(word)) {
			n++
		}
	}
	return n
}
