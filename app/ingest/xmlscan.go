package ingest

import (
	"bytes"
	"io"
	"strings"
)

// xmlShape is what one quick pass over a feed's bytes finds before the feed parser sees
// them: whether it nests too deeply, how many items it has, and where to cut it when it
// has too many or ends in the middle.
type xmlShape struct {
	tooDeep   bool
	items     int      // item and entry elements, counted up to the limit plus one
	cut       int      // where to cut the bytes, or -1 to keep them whole
	closing   []string // the elements open at cut, outermost first, to close after it
	truncated bool     // the file ends inside an element
	lostItem  bool     // ... and inside an item, which is lost
}

// itemLevel is the deepest an item or entry element sits in a feed: rss/channel/item in
// RSS 2.0, rdf:RDF/item in RSS 1.0, feed/entry in Atom. Elements of those names deeper
// down belong to extensions.
const itemLevel = 3

// scanXML walks the tags of an XML document without building anything. It stops at the
// first element nested deeper than maxDepth (the XML parser under gofeed keeps a stack
// entry, and for extension elements a map or two, per open element: a file of 50 MB
// nested a million deep would cost gigabytes), and at the start of item maxItems+1, where
// the feed is to be cut. A file that ends with elements still open is cut at the start
// of the item it ends in, or where its last tag ends.
func scanXML(data []byte, maxDepth, maxItems int) xmlShape {
	s := xmlShape{cut: -1}
	var stack []string
	itemAt, itemDepth := -1, 0     // start and depth of the open item, if any
	end := func(at int) xmlShape { // the file ends, cut off, before at
		s.truncated = true
		if itemAt >= 0 {
			at, stack, s.lostItem = itemAt, stack[:itemDepth-1], true
		}
		s.cut, s.closing = at, stack
		return s
	}
	i := 0
	for {
		j := bytes.IndexByte(data[i:], '<')
		if j < 0 {
			break
		}
		i += j
		rest := data[i:]
		switch {
		case bytes.HasPrefix(rest, []byte("<!--")):
			k := bytes.Index(rest[4:], []byte("-->"))
			if k < 0 {
				return end(i)
			}
			i += 4 + k + 3
		case bytes.HasPrefix(rest, []byte("<![CDATA[")):
			k := bytes.Index(rest[9:], []byte("]]>"))
			if k < 0 {
				return end(i)
			}
			i += 9 + k + 3
		case bytes.HasPrefix(rest, []byte("<?")):
			k := bytes.Index(rest[2:], []byte("?>"))
			if k < 0 {
				return end(i)
			}
			i += 2 + k + 2
		case bytes.HasPrefix(rest, []byte("<!")):
			k := declEnd(rest)
			if k < 0 {
				return end(i)
			}
			i += k
		case bytes.HasPrefix(rest, []byte("</")):
			k := bytes.IndexByte(rest, '>')
			if k < 0 {
				return end(i)
			}
			stack = pop(stack, string(bytes.TrimSpace(rest[2:k])))
			if itemAt >= 0 && len(stack) < itemDepth {
				itemAt = -1
			}
			i += k + 1
		case len(rest) > 1 && isNameStart(rest[1]):
			k, selfClosing := tagEnd(rest)
			if k < 0 {
				return end(i)
			}
			name := tagName(rest)
			depth := len(stack) + 1
			if isItem(name) && depth <= itemLevel {
				s.items++
				if s.items > maxItems {
					s.cut, s.closing = i, stack
					return s
				}
				if !selfClosing && itemAt < 0 {
					itemAt, itemDepth = i, depth
				}
			}
			if !selfClosing {
				if depth > maxDepth {
					s.tooDeep = true
					return s
				}
				stack = append(stack, name)
			}
			i += k
		default:
			i++ // a lone "<" in text, which the lenient parser keeps as text
		}
	}
	if len(stack) > 0 {
		return end(len(data))
	}
	return s
}

// closeAt returns data cut at s.cut followed by end tags for the elements still open
// there, as a reader: a copy of a 50 MB feed would cost 50 MB more.
func closeAt(data []byte, s xmlShape) io.Reader {
	var end strings.Builder
	for i := len(s.closing) - 1; i >= 0; i-- {
		end.WriteString("</" + s.closing[i] + ">")
	}
	return io.MultiReader(bytes.NewReader(data[:s.cut]), strings.NewReader(end.String()))
}

// pop closes the innermost open element called name. Like the lenient parser, it lets
// an end tag close elements left open inside it, and ignores one that closes nothing.
func pop(stack []string, name string) []string {
	for i := len(stack) - 1; i >= 0; i-- {
		if stack[i] == name {
			return stack[:i]
		}
	}
	return stack
}

// tagEnd returns the length of the start tag at the head of b, quoted attribute values
// and all, and whether it closes itself; -1 when b ends inside it.
func tagEnd(b []byte) (int, bool) {
	var quote byte
	for i := 1; i < len(b); i++ {
		c := b[i]
		switch {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '"' || c == '\'':
			quote = c
		case c == '>':
			return i + 1, b[i-1] == '/'
		}
	}
	return -1, false
}

// declEnd returns the length of a <!DOCTYPE …> or other declaration at the head of b,
// internal subset in brackets included; -1 when b ends inside it.
func declEnd(b []byte) int {
	depth := 0
	for i := 2; i < len(b); i++ {
		switch b[i] {
		case '[':
			depth++
		case ']':
			depth--
		case '>':
			if depth <= 0 {
				return i + 1
			}
		}
	}
	return -1
}

// tagName returns the qualified name of the start tag at the head of b.
func tagName(b []byte) string {
	end := 1
	for end < len(b) && !strings.ContainsRune(" \t\r\n/>", rune(b[end])) {
		end++
	}
	return string(b[1:end])
}

func isNameStart(c byte) bool {
	return c == '_' || c == ':' || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= 0x80
}

// isItem reports whether a qualified name is an RSS item or an Atom entry.
func isItem(name string) bool {
	if i := strings.LastIndexByte(name, ':'); i >= 0 {
		name = name[i+1:]
	}
	return strings.EqualFold(name, "item") || strings.EqualFold(name, "entry")
}
