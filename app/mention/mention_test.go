package mention

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"unicode"

	"dossier/app"
)

// Actors of the tests.
const (
	maliki = iota + 1
	sudani
	us
	iran
	isil
	ferrandez
	kilicdaroglu
	joshuaHarris
	kamalaHarris
	nyt
	newYork
	un
	yildirimoglu
	obrien
	abuBakr
)

var testPatterns = []Pattern{
	{maliki, "Nouri al-Maliki"}, {maliki, "al-Maliki"}, {maliki, "Maliki"}, {maliki, "MALIKI"},
	{sudani, "Mohammed Shia al-Sudani"}, {sudani, "Sudani"},
	{us, "United States"}, {us, "US"}, {us, "U.S."}, {us, "Washington"},
	{iran, "Iran"}, {iran, "Tehran"},
	{isil, "ISIL"},
	{ferrandez, "Ferrández"},
	{kilicdaroglu, "Kılıçdaroğlu"},
	{joshuaHarris, "Harris"}, {joshuaHarris, "Joshua Harris"},
	{kamalaHarris, "Harris"},
	{nyt, "New York Times"},
	{newYork, "New York"},
	{un, "UN"}, {un, "(U.N.)"},
	{yildirimoglu, "Yıldırımoğlu"},
	{obrien, "O'Brien"},
	{abuBakr, "Abu Bakr al Baghdadi"},
	{99, ""}, {99, "  "}, {99, "-"}, {99, "..."}, // nothing to find: ignored
}

// hit is a match as the tables write it.
type hit struct {
	actor int64
	text  string
}

func hits(ms []Match) []hit {
	var out []hit
	for _, m := range ms {
		out = append(out, hit{m.ActorID, m.Text})
	}
	return out
}

func TestFind(t *testing.T) {
	m := New(testPatterns)
	tests := []struct {
		text string
		want []hit
	}{
		// Leftmost-longest: the full name, not also its parts.
		{"Nouri al-Maliki met the press.", []hit{{maliki, "Nouri al-Maliki"}}},
		{"Nouri al-Maliki met Maliki’s aides.", []hit{{maliki, "Nouri al-Maliki"}, {maliki, "Maliki"}}},
		{"New York Times", []hit{{nyt, "New York Times"}}},
		{"New York Timesy", []hit{{newYork, "New York"}}},
		{"the New York-based paper", []hit{{newYork, "New York"}}},

		// Prefix and hyphen variants.
		{"Al-Maliki", []hit{{maliki, "Al-Maliki"}}},
		{"al Maliki", []hit{{maliki, "al Maliki"}}},
		{"AL-MALIKI", []hit{{maliki, "AL-MALIKI"}}},
		{"al‐Maliki", []hit{{maliki, "al‐Maliki"}}}, // U+2010
		{"al – Maliki", []hit{{maliki, "al – Maliki"}}},
		{"Nouri\nal-Maliki", []hit{{maliki, "Nouri\nal-Maliki"}}},
		{"alMaliki", nil},
		{"al-Malikis", nil},

		// Whole words only; possessives allowed.
		{"Iranian officials", nil},
		{"Iran's envoy", []hit{{iran, "Iran"}}},
		{"Iran’s envoy", []hit{{iran, "Iran"}}},
		{"Sudani’s list", []hit{{sudani, "Sudani"}}},
		{"anti-Iran militias", []hit{{iran, "Iran"}}},
		{"Tehran-backed", []hit{{iran, "Tehran"}}},
		{"Iran2", nil},
		{"2Iran", nil},
		{"Malikis", nil},

		// Acronyms match capitals only.
		{"the US said", []hit{{us, "US"}}},
		{"let us say", nil},
		{"Us and them", nil},
		{"USA", nil},
		{"the U.S. said", []hit{{us, "U.S."}}},
		{"the u.s. said", nil},
		{"U.S.-backed", []hit{{us, "U.S."}}},
		{"U.S", nil},
		{"in the US.", []hit{{us, "US"}}},
		{"ISIL fighters", []hit{{isil, "ISIL"}}},
		{"Isil fighters", nil},
		{"un homme", nil},
		{"the UN (U.N.) said", []hit{{un, "UN"}, {un, "(U.N.)"}}},
		{"x(U.N.)", []hit{{un, "(U.N.)"}}},

		// Possessives, straight and curly, after any name.
		{"Yıldırımoğlu's speech", []hit{{yildirimoglu, "Yıldırımoğlu"}}},
		{"Yildirimoglu’s speech", []hit{{yildirimoglu, "Yildirimoglu"}}},
		{"YILDIRIMOĞLU’S speech", []hit{{yildirimoglu, "YILDIRIMOĞLU"}}},
		{"Al-Maliki’s allies", []hit{{maliki, "Al-Maliki"}}},
		{"the U.S.’s envoy", []hit{{us, "U.S."}}},
		{"the US's envoy", []hit{{us, "US"}}},
		{"New York Times’ editors", []hit{{nyt, "New York Times"}}},

		// Apostrophes inside a name: straight and curly alike, and they must be there.
		{"O’Brien said", []hit{{obrien, "O’Brien"}}},
		{"O'Brien's dog", []hit{{obrien, "O'Brien"}}},
		{"O‘Brien", []hit{{obrien, "O‘Brien"}}},
		{"OBrien", nil},
		{"O Brien", nil},

		// A name written with "al " matches "al-" and "Al-" and the reverse.
		{"Abu Bakr al-Baghdadi", []hit{{abuBakr, "Abu Bakr al-Baghdadi"}}},
		{"Abu Bakr Al-Baghdadi", []hit{{abuBakr, "Abu Bakr Al-Baghdadi"}}},
		{"Abu-Bakr al Baghdadi", []hit{{abuBakr, "Abu-Bakr al Baghdadi"}}},
		{"Abu Bakr alBaghdadi", nil},

		// Case and diacritics.
		{"Ferrandez", []hit{{ferrandez, "Ferrandez"}}},
		{"FERRÁNDEZ", []hit{{ferrandez, "FERRÁNDEZ"}}},
		{"Ferrande\u0301z spoke", []hit{{ferrandez, "Ferrande\u0301z"}}}, // decomposed
		{"Kilicdaroglu", []hit{{kilicdaroglu, "Kilicdaroglu"}}},
		{"KILIÇDAROĞLU", []hit{{kilicdaroglu, "KILIÇDAROĞLU"}}},
		{"washington", []hit{{us, "washington"}}},
		{"Mali\u00adki", []hit{{maliki, "Mali\u00adki"}}}, // soft hyphen

		// Text edges and punctuation.
		{"Maliki", []hit{{maliki, "Maliki"}}},
		{"(Maliki)", []hit{{maliki, "Maliki"}}},
		{"Maliki,Sudani;Iran.", []hit{{maliki, "Maliki"}, {sudani, "Sudani"}, {iran, "Iran"}}},
		{"“Maliki”", []hit{{maliki, "Maliki"}}},
		{"", nil},

		// A name two actors share is reported for both.
		{"Harris said", []hit{{joshuaHarris, "Harris"}, {kamalaHarris, "Harris"}}},
		{"Joshua Harris said", []hit{{joshuaHarris, "Joshua Harris"}}},
	}
	for _, tt := range tests {
		got := hits(m.Find(tt.text))
		if fmt.Sprint(got) != fmt.Sprint(tt.want) {
			t.Errorf("Find(%q) = %v\nwant %v", tt.text, got, tt.want)
		}
	}
}

func TestFindOffsetsAreRunes(t *testing.T) {
	m := New(testPatterns)
	text := "😀 Ferrández y al-Maliki, Kılıçdaroğlu; Maliki"
	got := m.Find(text)
	want := []Match{
		{ferrandez, 2, 11, "Ferrández"},
		{maliki, 14, 23, "al-Maliki"},
		{kilicdaroglu, 25, 37, "Kılıçdaroğlu"},
		{maliki, 39, 45, "Maliki"},
	}
	if !slices.Equal(got, want) {
		t.Errorf("Find = %v\nwant %v", got, want)
	}
	rs := []rune(text)
	for _, m := range got {
		if string(rs[m.Start:m.End]) != m.Text {
			t.Errorf("runes[%d:%d] = %q, Text %q", m.Start, m.End, string(rs[m.Start:m.End]), m.Text)
		}
	}
}

func TestFindLeftmostWins(t *testing.T) {
	m := New([]Pattern{{1, "Abu Bakr"}, {2, "Bakr al-Baghdadi"}, {3, "al-Baghdadi"}})
	got := hits(m.Find("Abu Bakr al-Baghdadi"))
	want := []hit{{1, "Abu Bakr"}, {3, "al-Baghdadi"}}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("got %v, want %v", got, want)
	}
}

func TestNewWithoutPatterns(t *testing.T) {
	if got := New(nil).Find("Maliki"); got != nil {
		t.Errorf("Find with no patterns = %v", got)
	}
}

// fold caches app.Fold; the reference matcher relies on it, so check it agrees.
func TestFoldIsAppFold(t *testing.T) {
	for r := rune(0); r < 0x3000; r += 7 {
		for range 2 { // the second time from the cache
			if got, want := fold(r), app.Fold(string(r)); got != want {
				t.Fatalf("fold(%U) = %q, want %q", r, got, want)
			}
		}
	}
}

func TestIsAcronym(t *testing.T) {
	for alias, want := range map[string]bool{
		"US": true, "U.S.": true, "ISIL": true, "UN": true, "M23": true, "Maliki": false,
		"U.S. Army": false, "us": false, "123": false, "": false, "ÉTAT": true,
	} {
		if got := isAcronym(alias); got != want {
			t.Errorf("isAcronym(%q) = %v, want %v", alias, got, want)
		}
	}
}

// bruteForce is the reference matcher: every pattern tried at every rune of the text by
// walking the original runes, written from the rules rather than from Matcher's code.
func bruteForce(patterns []Pattern, text string) []Match {
	orig := []rune(text)
	type cand struct {
		actor      int64
		start, end int
	}
	var cands []cand
	for _, p := range patterns {
		k := refKey(p.Text)
		if !slices.ContainsFunc(k, isWord) {
			continue
		}
		for i := range orig {
			end, ok := walk(orig, i, k)
			if !ok || isWord(k[0]) && isWord(canonBefore(orig, i)) || isWord(k[len(k)-1]) && isWord(canonAt(orig, end)) {
				continue
			}
			if isAcronym(p.Text) && slices.ContainsFunc(orig[i:end], unicode.IsLower) {
				continue
			}
			cands = append(cands, cand{p.ActorID, i, end})
		}
	}
	slices.SortFunc(cands, func(a, b cand) int {
		if a.start != b.start {
			return a.start - b.start
		}
		if a.end != b.end {
			return b.end - a.end
		}
		return int(a.actor - b.actor)
	})
	var out []Match
	lastEnd := 0
	for _, c := range cands {
		if n := len(out); n > 0 && out[n-1].Start == c.start && out[n-1].End == c.end {
			if out[n-1].ActorID != c.actor {
				out = append(out, Match{c.actor, c.start, c.end, string(orig[c.start:c.end])})
			}
			continue
		}
		if c.start < lastEnd {
			continue
		}
		out = append(out, Match{c.actor, c.start, c.end, string(orig[c.start:c.end])})
		lastEnd = c.end
	}
	return out
}

// refKey folds an alias rune by rune: blanks and dashes become one space, trimmed at the ends.
func refKey(alias string) []rune {
	var k []rune
	for _, r := range alias {
		switch {
		case isIgnorable(r):
		case isGap(r):
			if len(k) > 0 && k[len(k)-1] != ' ' {
				k = append(k, ' ')
			}
		default:
			k = append(k, []rune(fold(r))...)
		}
	}
	return []rune(strings.TrimRight(string(k), " "))
}

// walk matches the key k against the original runes from i and returns where the match ends.
func walk(orig []rune, i int, k []rune) (int, bool) {
	if isIgnorable(orig[i]) {
		return 0, false // a match starts at a rune that counts
	}
	j := i
	for q := 0; q < len(k); {
		if j == len(orig) {
			return 0, false
		}
		r := orig[j]
		switch {
		case isIgnorable(r):
			j++
		case isGap(r):
			if k[q] != ' ' {
				return 0, false
			}
			for j < len(orig) && (isGap(orig[j]) || isIgnorable(orig[j])) {
				j++
			}
			q++
		default:
			f := []rune(fold(r))
			if len(f) > len(k)-q || string(k[q:q+len(f)]) != string(f) {
				return 0, false
			}
			q += len(f)
			j++
		}
	}
	for j < len(orig) && isIgnorable(orig[j]) {
		j++
	}
	return j, true
}

// canonBefore returns the last canonical rune before original rune i, or 0.
func canonBefore(orig []rune, i int) rune {
	for j := i - 1; j >= 0; j-- {
		switch r := orig[j]; {
		case isIgnorable(r):
		case isGap(r):
			return ' '
		default:
			f := []rune(fold(r))
			return f[len(f)-1]
		}
	}
	return 0
}

// canonAt returns the first canonical rune at or after original rune i, or 0.
func canonAt(orig []rune, i int) rune {
	for ; i < len(orig); i++ {
		switch r := orig[i]; {
		case isIgnorable(r):
		case isGap(r):
			return ' '
		default:
			return []rune(fold(r))[0]
		}
	}
	return 0
}

func TestFindMatchesBruteForce(t *testing.T) {
	texts := []string{
		"Nouri al-Maliki met Maliki’s aides and the U.S. envoy Joshua Harris in Baghdad; Harris said the US would act.",
		"FERRÁNDEZ, Ferrande\u0301z y KILIÇDAROĞLU — al – Maliki (U.N.) UN un Us US. New York Timesy",
		"Iranian Iran-backed anti-Iran Iran2 2Iran Tehran’s Mali\u00adki Sudani’s al Maliki alMaliki",
	}
	for _, text := range texts {
		got, want := New(testPatterns).Find(text), bruteForce(testPatterns, text)
		if !slices.Equal(got, want) {
			t.Errorf("Find(%q)\n = %v\nbrute force %v", text, got, want)
		}
	}
}

// FuzzFind checks Matcher against the brute-force reference on random texts, with
// patterns cut from the text itself (so that there is something to find), some of them
// re-cased.
func FuzzFind(f *testing.F) {
	f.Add("Nouri al-Maliki met Maliki’s aides; the U.S. and US", []byte{0, 15, 16, 6, 40, 4, 3, 3})
	f.Add("Ferrande\u0301z FERRÁNDEZ Kılıçdaroğlu KILIÇDAROĞLU", []byte{0, 9, 10, 9, 22, 12})
	f.Add("al – Maliki, al-Maliki, al Maliki", []byte{0, 11, 12, 9, 24, 9})
	f.Add("(U.N.) x(U.N.) UN un", []byte{0, 6, 8, 6, 15, 2})
	f.Fuzz(func(t *testing.T, text string, picks []byte) {
		rs := []rune(text)
		if len(rs) == 0 || len(rs) > 400 || len(picks) > 40 {
			return
		}
		var pats []Pattern
		for i := 0; i+1 < len(picks); i += 2 {
			start := int(picks[i]) % len(rs)
			end := min(start+1+int(picks[i+1])%16, len(rs))
			p := string(rs[start:end])
			switch picks[i+1] >> 6 {
			case 1:
				p = strings.ToUpper(p)
			case 2:
				p = strings.ToLower(p)
			}
			pats = append(pats, Pattern{ActorID: int64(picks[i] % 4), Text: p})
		}
		got := New(pats).Find(text)
		if want := bruteForce(pats, text); !slices.Equal(got, want) {
			t.Fatalf("patterns %+v in %q:\nFind        %v\nbrute force %v", pats, text, got, want)
		}
		for i, m := range got {
			if m.Start < 0 || m.End > len(rs) || m.Start >= m.End || string(rs[m.Start:m.End]) != m.Text {
				t.Fatalf("bad match %+v in %d runes", m, len(rs))
			}
			if i > 0 && (m.Start < got[i-1].End && m.Start != got[i-1].Start) {
				t.Fatalf("matches overlap: %+v, %+v", got[i-1], m)
			}
		}
	})
}

// trickyRunes are the runes the matching rules treat specially: capitals and small
// letters, accents precomposed and combining, dotless and dotted i, apostrophes, dashes,
// blanks, a soft hyphen, a digit, a rune outside the BMP and one that folds to two runes.
var trickyRunes = []rune("aAlLmMiIıİéÉ\u0301\u0307'’-‐–— \n\u00a0\u00ad.()5😀\u0ccbsS")

// FuzzFindTricky is FuzzFind over texts made only of trickyRunes, where a random text
// would hardly ever meet them.
func FuzzFindTricky(f *testing.F) {
	f.Add([]byte{0, 2, 4, 14, 0, 2, 4, 26, 2, 3, 7, 9, 16, 2, 4}, []byte{0, 4, 5, 4, 10, 3})
	f.Fuzz(func(t *testing.T, data, picks []byte) {
		if len(data) == 0 || len(data) > 300 || len(picks) > 20 {
			return
		}
		rs := make([]rune, len(data))
		for i, b := range data {
			rs[i] = trickyRunes[int(b)%len(trickyRunes)]
		}
		text := string(rs)
		var pats []Pattern
		for i := 0; i+1 < len(picks); i += 2 {
			start := int(picks[i]) % len(rs)
			end := min(start+1+int(picks[i+1])%8, len(rs))
			pats = append(pats, Pattern{ActorID: int64(picks[i] % 3), Text: string(rs[start:end])})
		}
		if got, want := New(pats).Find(text), bruteForce(pats, text); !slices.Equal(got, want) {
			t.Fatalf("patterns %+v in %+q:\nFind        %v\nbrute force %v", pats, text, got, want)
		}
	})
}

// syntheticNames returns n made-up two-word names, like an actor list of a large project.
func syntheticNames(n int) []Pattern {
	r := rand.New(rand.NewPCG(1, 2))
	syll := []string{"ka", "lo", "mi", "ra", "su", "den", "bar", "tal", "ve", "no", "ze", "hu", "qa", "lin", "dor", "a", "e"}
	word := func() string {
		var b strings.Builder
		for range 2 + r.IntN(2) {
			b.WriteString(syll[r.IntN(len(syll))])
		}
		w := b.String()
		return strings.ToUpper(w[:1]) + w[1:]
	}
	out := make([]Pattern, n)
	for i := range out {
		out[i] = Pattern{ActorID: int64(i + 1), Text: word() + " " + word()}
	}
	return out
}

// syntheticArticle returns about size bytes of prose with some of the names in it.
func syntheticArticle(names []Pattern, size int) string {
	r := rand.New(rand.NewPCG(3, 4))
	common := strings.Fields("the of and to in a said that for on was with he it as at by from his an were are which this be has had not but they who its after government minister party officials")
	var b strings.Builder
	for b.Len() < size {
		if r.IntN(25) == 0 {
			b.WriteString(names[r.IntN(len(names))].Text)
		} else {
			b.WriteString(common[r.IntN(len(common))])
		}
		if r.IntN(12) == 0 {
			b.WriteString(".")
		}
		b.WriteString(" ")
	}
	return b.String()
}

// The matcher agrees with the brute-force reference on news-like text with a large
// project's names: capitals, possessives, "al-" variants, acronyms, accents and
// punctuation, and names sharing first words ("Republic of ...").
func TestNewsMatchesBruteForce(t *testing.T) {
	actors := newsActors(250, 3)
	pats := newsPatterns(actors)
	m := New(pats)
	found := 0
	for _, text := range newsCorpus(actors, 16_000, 2000, 3) {
		got, want := m.Find(text), bruteForce(pats, text)
		if !slices.Equal(got, want) {
			t.Fatalf("in %q:\nFind        %v\nbrute force %v", text, got, want)
		}
		found += len(got)
	}
	if found < 100 {
		t.Errorf("only %d names found: the corpus does not exercise the matcher", found)
	}
}

func TestSyntheticArticleMatchesBruteForce(t *testing.T) {
	names := syntheticNames(300)
	text := syntheticArticle(names, 3000)
	got, want := New(names).Find(text), bruteForce(names, text)
	if len(want) == 0 || !slices.Equal(got, want) {
		t.Errorf("Find found %d, brute force %d (want them equal and not zero)", len(got), len(want))
	}
}

// BenchmarkFind: 5,000 actor names over a 5 KB article. BenchmarkFoldOnly folds the same
// article with app.Fold, the least any case-insensitive matcher must do: the baseline.
func BenchmarkFind(b *testing.B) {
	names := syntheticNames(5000)
	text := syntheticArticle(names, 5000)
	m := New(names)
	b.SetBytes(int64(len(text)))
	b.ResetTimer()
	for b.Loop() {
		m.Find(text)
	}
}

func BenchmarkFoldOnly(b *testing.B) {
	text := syntheticArticle(syntheticNames(5000), 5000)
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		app.Fold(text)
	}
}

func BenchmarkNew(b *testing.B) {
	names := syntheticNames(5000)
	for b.Loop() {
		New(names)
	}
}
