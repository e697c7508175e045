package export

import (
	"bufio"
	"encoding/xml"
	"io"
	"strconv"
	"strings"

	"dossier/app"
)

// streamWriter is a buffered writer that keeps the first error, so the exports check once
// per record instead of after every write.
type streamWriter struct {
	bw  *bufio.Writer
	err error
}

func newStreamWriter(w io.Writer) *streamWriter {
	return &streamWriter{bw: bufio.NewWriterSize(w, 64<<10)}
}

func (s *streamWriter) str(parts ...string) {
	for _, p := range parts {
		if s.err == nil {
			_, s.err = s.bw.WriteString(p)
		}
	}
}

// esc writes text escaped for an XML attribute or element. encoding/xml also replaces
// characters XML 1.0 forbids (most control characters) with U+FFFD, so the file always
// parses.
func (s *streamWriter) esc(text string) {
	if s.err == nil {
		s.err = xml.EscapeText(s.bw, []byte(text))
	}
}

// attr writes ` name="value"`.
func (s *streamWriter) attr(name, value string) {
	s.str(" ", name, `="`)
	s.esc(value)
	s.str(`"`)
}

// finish flushes and returns the first error as an *app.Error naming the format.
func (s *streamWriter) finish(format string) error {
	if s.err == nil {
		s.err = s.bw.Flush()
	}
	if s.err == nil {
		return nil
	}
	return &app.Error{Code: app.EINTERNAL, Err: s.err,
		Message: "The " + format + " file could not be written completely; check that the disk is not full and the file is writable, then export again."}
}

// graphAttr is one attribute of a node or an edge in the graph exports.
type graphAttr struct {
	id, typ string // typ: string, integer or double
}

var nodeAttrs = []graphAttr{{"kind", "string"}, {"aliases", "string"}, {"description", "string"}, {"uuid", "string"}}

var edgeAttrs = []graphAttr{
	{"type", "string"}, {"directed", "boolean"}, {"wording", "string"}, {"polarity", "string"}, {"confidence", "string"},
	{"modality", "string"}, {"evidence_count", "integer"}, {"quote", "string"}, {"article", "string"},
	{"outlet", "string"}, {"url", "string"}, {"article_date", "string"}, {"start", "string"},
	{"end", "string"}, {"speaker", "string"}, {"uuid", "string"},
}

// nodeValues are an actor's attribute values, in nodeAttrs order.
func nodeValues(a *app.Actor) []string {
	return []string{string(a.Kind), strings.Join(a.Aliases, "; "), a.Description, a.UUID}
}

// edgeValues are a relation's attribute values, in edgeAttrs order.
func edgeValues(r *app.Relation, t app.RelationType) []string {
	e := firstEvidence(r)
	return []string{
		r.Type, strconv.FormatBool(t.Directed || t.Key == ""), firstSet(r.TypeLabel, t.Label, r.Type), string(t.Polarity), r.Confidence,
		r.Modality, itoa(len(r.Evidence)), e.Quote, e.ArticleTitle,
		e.Source, e.ArticleURL, string(e.ArticleDate), string(r.Start),
		string(r.End), r.SpeakerName, r.UUID,
	}
}
