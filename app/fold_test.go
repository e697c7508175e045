package app

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

func TestFold(t *testing.T) {
	tests := []struct {
		in, want string
	}{
		{"", ""},
		{"Ferrández", "ferrandez"},
		{"FERRANDEZ", "ferrandez"},
		{"Ferrande\u0301z", "ferrandez"}, // decomposed accent
		{"Kılıçdaroğlu", "kilicdaroglu"},
		{"İstanbul", "istanbul"},
		{"ISTANBUL", "istanbul"},
		{"Øresund", "oresund"},
		{"Łódź", "lodz"},
		{"Đorđe", "dorde"},
		{"Müller", "muller"},
		{"Sudani’s", "sudani's"},
		{"Sudani‘s", "sudani's"},
		{"Sudaniʼs", "sudani's"},
		{"al‐Maliki", "al-maliki"}, // U+2010 hyphen
		{"al‑Maliki", "al-maliki"}, // U+2011 non-breaking hyphen
		{"2020–2022", "2020-2022"},
		{"yes—no", "yes-no"},
		{"U.S.", "u.s."},
		{"نوري المالكي", "نوري المالكي"}, // Arabic has no case; it passes through
		{"ΑΘΗΝΑ", "αθηνα"},
	}
	for _, tt := range tests {
		if got := Fold(tt.in); got != tt.want {
			t.Errorf("Fold(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestContentHash(t *testing.T) {
	base := "Maliki said on Monday: “We will not step aside.” The bloc agreed."
	same := []string{
		base,
		"  maliki said on monday we will not step aside the bloc agreed  ",
		"Maliki said, on Monday —\n\n\"We will not step aside\". The bloc agreed!",
		"MALIKI SAID ON MONDAY: WE WILL NOT STEP ASIDE. THE BLOC AGREED.",
		"Malikí said on Monday: We will not step aside. The bloc agreed.",
	}
	different := []string{
		"Maliki said on Tuesday: “We will not step aside.” The bloc agreed.",
		"Maliki said on Monday: “We will step aside.” The bloc agreed.",
		"The bloc agreed. Maliki said on Monday: “We will not step aside.”",
		"Maliki said on Monday: “We will not step a side.” The bloc agreed.",
		"",
	}
	want := ContentHash(base)
	if len(want) != 64 || strings.Trim(want, "0123456789abcdef") != "" {
		t.Fatalf("ContentHash = %q, want 64 hex digits", want)
	}
	for _, s := range same {
		if got := ContentHash(s); got != want {
			t.Errorf("ContentHash(%q) differs from the original's", s)
		}
	}
	for _, s := range different {
		if got := ContentHash(s); got == want {
			t.Errorf("ContentHash(%q) equals the original's", s)
		}
	}
	if ContentHash("") != ContentHash(" \n\t.,;") {
		t.Error("empty and punctuation-only texts should hash alike")
	}
}

func TestCanonicalURL(t *testing.T) {
	tests := []struct {
		in, want string
	}{
		{"", ""},
		{"   ", ""},
		{"https://example.com/news/2026/01/maliki", "https://example.com/news/2026/01/maliki"},
		{"  https://www.Example.COM/news/maliki/  ", "https://example.com/news/maliki"},
		{"http://example.com/news/maliki", "https://example.com/news/maliki"},
		{"HTTPS://EXAMPLE.com/News/Maliki", "https://example.com/News/Maliki"}, // paths are case-sensitive
		{"https://example.com/a#comments", "https://example.com/a"},
		{"https://example.com/a?id=3&utm_source=feed&utm_medium=rss", "https://example.com/a?id=3"},
		{"https://example.com/a?utm_source=feed&id=3&fbclid=x&gclid=y", "https://example.com/a?id=3"},
		{"https://example.com/a/?page=2&id=3", "https://example.com/a?page=2&id=3"},
		{"https://example.com/a?", "https://example.com/a"},
		{"https://example.com/", "https://example.com"},
		{"https://example.com", "https://example.com"},
		{"https://Example.com:8080/x", "https://example.com:8080/x"},
		{"https://example.com?ID=AbC", "https://example.com?ID=AbC"}, // the query keeps its case
		{"https://example.com?utm_source=x", "https://example.com"},
		{"https://example.com/?ID=AbC", "https://example.com?ID=AbC"},
		{"https://example.com/login?next=/", "https://example.com/login?next=/"},
		{"ftp://Files.example.com/a/", "ftp://files.example.com/a"},
		{"example.com/news/", "example.com/news"},
		{"https://example.com/a#x?utm_source=y", "https://example.com/a"},
	}
	for _, tt := range tests {
		if got := CanonicalURL(tt.in); got != tt.want {
			t.Errorf("CanonicalURL(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func FuzzFold(f *testing.F) {
	for _, s := range []string{"Ferrández", "Kılıçdaroğlu", "İSTANBUL", "al‐Maliki’s", "Ferrande\u0301z", "ΑΘΗΝΑ"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			return
		}
		got := Fold(s)
		if !utf8.ValidString(got) {
			t.Fatalf("Fold(%q) = %q is not valid UTF-8", s, got)
		}
		if again := Fold(got); again != got {
			t.Fatalf("Fold is not idempotent: Fold(%q) = %q, Fold(that) = %q", s, got, again)
		}
		if Fold(strings.ToUpper(s)) != Fold(strings.ToUpper(got)) {
			t.Fatalf("Fold(%q) depends on more than case and marks", s)
		}
	})
}

func FuzzCanonicalURL(f *testing.F) {
	for _, s := range []string{"https://www.Example.com/a/?utm_source=x&id=1#f", "http://example.com?x=1", "example.com/", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, u string) {
		got := CanonicalURL(u)
		if strings.Contains(got, "#") || strings.Contains(got, "utm_") && !strings.Contains(u, "utm_") {
			t.Fatalf("CanonicalURL(%q) = %q keeps a fragment or invents a parameter", u, got)
		}
		if strings.Contains(strings.ToLower(got), "www.www.") || strings.ContainsFunc(strings.TrimSpace(u), unicode.IsSpace) {
			return // only one "www." is taken off, and a URL has no blanks inside: neither is real input
		}
		if again := CanonicalURL(got); again != got {
			t.Fatalf("CanonicalURL is not idempotent: %q → %q → %q", u, got, again)
		}
	})
}
