package ingest

import "strings"

// inlineDataMin is the size from which an inline data: URI is dropped before parsing.
const inlineDataMin = 64 << 10

// dropInlineData empties the large data: URIs of a page (images, fonts and stylesheets
// inlined by "save as a single file" tools), keeping their "data:" and media type. They
// are never article text, and the HTML tokenizer holds each in a buffer it grows by
// doubling, so a page of 50 MB that is mostly one inline image took some 300 MB to
// parse. text comes back as it is when it has none.
func dropInlineData(text string) string {
	var b strings.Builder
	last := 0 // text[:last] is in b already
	for i := 0; ; {
		j := strings.Index(text[i:], "data:")
		if j < 0 {
			break
		}
		start := i + j
		end := start + strings.IndexAny(text[start:], "\"'>) \t\r\n")
		if end < start {
			end = len(text)
		}
		i = end
		if end-start < inlineDataMin {
			continue
		}
		head := start + strings.IndexByte(text[start:end], ',') + 1 // "data:image/png;base64,"
		if head <= start {
			head = start + len("data:")
		}
		if b.Len() == 0 {
			b.Grow(len(text) / 16)
		}
		b.WriteString(text[last:head])
		last = end
	}
	if last == 0 {
		return text
	}
	b.WriteString(text[last:])
	return b.String()
}
