package app

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestSentenceAroundAbbreviations(t *testing.T) {
	for _, tt := range []struct{ text, name, want string }{
		{"First one here. The mayor of Quillby, Anselm Dray, resigned! Last.", "Anselm", "The mayor of Quillby, Anselm Dray, resigned!"},
		{"The U.S. envoy met Mr. Tobin Asquel on Monday. Then he left.", "Tobin", "The U.S. envoy met Mr. Tobin Asquel on Monday."},
		{"A heading\nOdile Fenwright spoke", "Odile", "Odile Fenwright spoke"},
		{"Version 2.5 of the plan was drafted by Ines Calloway. Nobody read it.", "Ines", "Version 2.5 of the plan was drafted by Ines Calloway."},
	} {
		at := utf8.RuneCountInString(tt.text[:strings.Index(tt.text, tt.name)])
		if got := SentenceAround(tt.text, at); got != tt.want {
			t.Errorf("%q: got %q, want %q", tt.text, got, tt.want)
		}
	}
}

// A long run-on sentence is cut around the name, and says it was cut.
func TestSentenceAroundCutsLongSentences(t *testing.T) {
	text := strings.Repeat("word ", 200) + "Wenna Castellane " + strings.Repeat("more ", 200)
	at := utf8.RuneCountInString(text[:strings.Index(text, "Wenna")])
	got := SentenceAround(text, at)
	if !strings.Contains(got, "Wenna Castellane") || !strings.HasPrefix(got, "…") || !strings.HasSuffix(got, "…") {
		t.Errorf("got %q", got)
	}
	if n := utf8.RuneCountInString(got); n > sampleMaxRunes+2 {
		t.Errorf("%d runes", n)
	}
}

// A name far into a sentence is brought forward, so that a row's width shows it.
func TestSentenceAroundBringsAFarNameForward(t *testing.T) {
	text := "HARBOURTON — Dock workers walked out on Monday across the three terminals of the port, leaving ships at anchor and a line of lorries on the coast road, and blamed the Tolvane Port Authority for the new shifts."
	at := utf8.RuneCountInString(text[:strings.Index(text, "Tolvane")])
	got := SentenceAround(text, at)
	i := strings.Index(got, "Tolvane Port Authority")
	if !strings.HasPrefix(got, "…") || i < 0 || utf8.RuneCountInString(got[:i]) > sampleLead+2 || !strings.HasSuffix(got, "shifts.") {
		t.Errorf("got %q", got)
	}
	if strings.HasPrefix(got, "… ") || !strings.Contains(text, strings.TrimPrefix(got, "…")) {
		t.Errorf("not cut at a word: %q", got)
	}
}

func FuzzSentenceAround(f *testing.F) {
	f.Add("The U.S. envoy met Mr. Tobin Asquel. Then he left.", 20)
	f.Add("", 0)
	f.Add("é.\n.!?", 3)
	f.Add(strings.Repeat("ä ", 300), 150)
	f.Fuzz(func(t *testing.T, text string, at int) {
		got := SentenceAround(text, at)
		if !utf8.ValidString(got) && utf8.ValidString(text) {
			t.Fatalf("invalid UTF-8 from valid text: %q", got)
		}
		if utf8.RuneCountInString(got) > sampleMaxRunes+2 {
			t.Fatalf("%d runes", utf8.RuneCountInString(got))
		}
		if at < 0 || at >= utf8.RuneCountInString(text) {
			if got != "" {
				t.Fatalf("outside the text, got %q", got)
			}
		}
	})
}
