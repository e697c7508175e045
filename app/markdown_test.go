package app

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestMarkdownText(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"plain text, nothing to do", "plain text, nothing to do"},
		{"## Budget ##", "Budget"},
		{"> > quoted **bold** and __strong__", "quoted bold and strong"},
		{"- item one\n* item two\n+ item three\n12. numbered\n3) also", "item one\nitem two\nitem three\nnumbered\nalso"},
		{"- [ ] to do\n- [x] done", "to do\ndone"},
		{"see [the minutes](https://example.org/m) and ![a chart](c.png)", "see the minutes and a chart"},
		{"a [reference link][1]\n\n[1]: https://example.org", "a reference link\n"},
		{"`code` and ~~struck~~ and *em* _em_", "code and struck and em em"},
		{"snake_case_name stays, 5 * 3 = 15, about ~30", "snake_case_name stays, 5 * 3 = 15, about ~30"},
		{"escaped \\*stars\\* and \\_under\\_", "escaped *stars* and _under_"},
		{"---\ntext\n***\n```go\ncode\n```", "text\ncode"},
		{"<https://example.org/x> link", "https://example.org/x link"},
		{"#hashtag is not a heading", "#hashtag is not a heading"},
		{"[not a link] (spaced)", "[not a link] (spaced)"},
	} {
		if got := MarkdownText(tt.in); got != tt.want {
			t.Errorf("MarkdownText(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// FuzzMarkdownText: notes are the user's text, any text. MarkdownText never panics, only
// removes characters (so it never makes text up), and keeps valid UTF-8 valid.
func FuzzMarkdownText(f *testing.F) {
	for _, s := range []string{"", "**a**", "[a](b)", "![a](b", "[a][b", "\\", "> # - 1. [ ] x", "_a_b_", "~~~", "<http://", "[[a]](b)", "ı **Işık**"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := MarkdownText(s)
		if len(got) > len(s) {
			t.Fatalf("MarkdownText(%q) = %q, longer than its input", s, got)
		}
		if utf8.ValidString(s) && !utf8.ValidString(got) {
			t.Fatalf("MarkdownText(%q) = %q, not valid UTF-8", s, got)
		}
		if !strings.ContainsAny(s, "#>*_`~[]!\\-+=|<.)") && got != s {
			t.Fatalf("plain text %q changed to %q", s, got)
		}
	})
}
