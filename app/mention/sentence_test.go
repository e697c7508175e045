package mention

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// span returns the rune offsets of the first name in text.
func span(text, name string) (int, int) {
	i := strings.Index(text, name)
	if i < 0 {
		panic(name + " not in " + text)
	}
	s := utf8.RuneCountInString(text[:i])
	return s, s + utf8.RuneCountInString(name)
}

func TestSentence(t *testing.T) {
	tests := []struct {
		name, text, match, want string
	}{
		{"middle sentence", "The bloc met. Maliki said no. Then it ended.", "Maliki", "Maliki said no."},
		{"first sentence", "Maliki said no. Then it ended.", "Maliki", "Maliki said no."},
		{"last sentence, no stop", "The bloc met. Then Maliki left", "Maliki", "Then Maliki left"},
		{"question and exclamation", "Who knew? Maliki did! Nobody else.", "Maliki", "Maliki did!"},
		{"abbreviations do not end it", "Gen. Smith met Maliki on Jan. 28 in the U.S. capital. Next.", "Maliki",
			"Gen. Smith met Maliki on Jan. 28 in the U.S. capital."},
		{"initials do not end it", "Envoy J. Harris met Maliki. Next.", "Maliki", "Envoy J. Harris met Maliki."},
		{"lower-case after a stop", "Talks in the U.S. ended and Maliki left. Next.", "Maliki", "Talks in the U.S. ended and Maliki left."},
		// "U.S. President" is as likely as a sentence ending in "U.S.": keep the longer text.
		{"the name ends in a stop", "Talks with the U.S. The next day Maliki left. Then.", "U.S.", "Talks with the U.S. The next day Maliki left."},
		{"a number after No.", "It was resolution No. 5 that Maliki cited. Then.", "Maliki", "It was resolution No. 5 that Maliki cited."},
		{"lines", "A headline about Iraq\nMaliki spoke to reporters\nAnother line", "Maliki", "Maliki spoke to reporters"},
		{"closing quote stays with its sentence", "He said “we stay.” Maliki left. Then.", "Maliki", "Maliki left."},
		{"closing quote ends the sentence", "Maliki said “we stay.” He left.", "Maliki", "Maliki said “we stay.”"},
		{"blanks trimmed", "  \n   Maliki spoke.   \n", "Maliki", "Maliki spoke."},
		{"numbers", "It was 2022. Maliki lost 3.5 percent. Then.", "Maliki", "Maliki lost 3.5 percent."},
		{"not rune offsets of bytes", "Ferrández habló. Él y Maliki, sí. Fin.", "Maliki", "Él y Maliki, sí."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			start, end := span(tt.text, tt.match)
			got, s, e := Sentence(tt.text, start, end)
			if got != tt.want {
				t.Errorf("Sentence = %q, want %q", got, tt.want)
			}
			if rs := []rune(got); s < 0 || e > len(rs) || string(rs[s:e]) != tt.match {
				t.Errorf("offsets %d:%d do not point at %q in %q", s, e, tt.match, got)
			}
		})
	}
}

func TestSentenceLongIsCut(t *testing.T) {
	long := strings.Repeat("and then the talks went on ", 30) // 810 runes in one sentence
	tests := []struct {
		name, text      string
		leading, ending bool // ellipsis at the start, at the end
	}{
		{"middle", long + "while Maliki waited " + long + "until noon.", true, true},
		{"near the start", "Maliki waited " + long + "until noon.", false, true},
		{"near the end", long + "until Maliki left.", true, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			start, end := span(tt.text, "Maliki")
			got, s, e := Sentence(tt.text, start, end)
			rs := []rune(got)
			if len(rs) > MaxSentence {
				t.Errorf("got %d runes, want at most %d", len(rs), MaxSentence)
			}
			if len(rs) < MaxSentence-40 {
				t.Errorf("got only %d runes; the window wastes its room", len(rs))
			}
			if string(rs[s:e]) != "Maliki" {
				t.Errorf("offsets %d:%d point at %q", s, e, string(rs[s:e]))
			}
			if strings.HasPrefix(got, "…") != tt.leading || strings.HasSuffix(got, "…") != tt.ending {
				t.Errorf("ellipses wrong in %q", got)
			}
			if tt.leading && strings.HasPrefix(got, "… ") || strings.HasPrefix(got, "…nd") {
				t.Errorf("cut inside a word or before a blank: %q", got[:20])
			}
		})
	}
}

func TestSentenceClampsOffsets(t *testing.T) {
	text := "Maliki spoke."
	tests := []struct {
		start, end int
		want       string
		s, e       int
	}{
		{-5, 6, "Maliki spoke.", 0, 6},
		{7, 1000, "Maliki spoke.", 7, 13},
		{6, 2, "Maliki spoke.", 6, 6},
		{50, 60, "", 0, 0},
	}
	for _, tt := range tests {
		got, s, e := Sentence(text, tt.start, tt.end)
		if got != tt.want || s != tt.s || e != tt.e {
			t.Errorf("Sentence(%d, %d) = %q, %d, %d; want %q, %d, %d", tt.start, tt.end, got, s, e, tt.want, tt.s, tt.e)
		}
	}
	if got, s, e := Sentence("", 0, 0); got != "" || s != 0 || e != 0 {
		t.Errorf("Sentence of empty text = %q, %d, %d", got, s, e)
	}
}

func FuzzSentence(f *testing.F) {
	f.Add("The bloc met. Maliki said “no.” Then U.S. envoy J. Harris left.\nNext line", 14, 20)
	f.Add(strings.Repeat("word ", 100)+"Maliki"+strings.Repeat(" word", 100), 500, 506)
	f.Fuzz(func(t *testing.T, text string, start, end int) {
		got, s, e := Sentence(text, start, end)
		rs := []rune(got)
		if s < 0 || e < s || e > len(rs) {
			t.Fatalf("Sentence(%q, %d, %d) = %q with offsets %d:%d", text, start, end, got, s, e)
		}
		n := utf8.RuneCountInString(text)
		start = min(max(start, 0), n)
		end = min(max(end, start), n)
		if want := []rune(text)[start:end]; string(rs[s:e]) != string(want) {
			t.Fatalf("Sentence(%q, %d, %d): offsets point at %q, want %q", text, start, end, string(rs[s:e]), string(want))
		}
		if len(rs) > MaxSentence && e-s <= MaxSentence-2 {
			t.Fatalf("Sentence is %d runes long", len(rs))
		}
	})
}
