package app

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestParseLinks(t *testing.T) {
	tests := []struct {
		body string
		want []NoteLink
	}{
		{"Met [[Nouri al-Maliki]] today.", []NoteLink{{Start: 4, End: 23, Target: "Nouri al-Maliki"}}},
		{"[[ Maliki |the former PM]] and [[note: Working  hypothesis]]", []NoteLink{
			{Start: 0, End: 26, Target: "Maliki", Label: "the former PM"},
			{Start: 31, End: 60, Target: "Working hypothesis", Kind: LinkNote}}},
		{"[[Actor:Iraq]]", []NoteLink{{Start: 0, End: 14, Target: "Iraq", Kind: LinkActor}}},
		{"[[Time: 10:00]]", []NoteLink{{Start: 0, End: 15, Target: "Time: 10:00"}}}, // not a kind
		{"no link [[]] nor [[ ]] nor [[a\nb]] nor [[x [y]]", nil},
		{"unclosed [[Maliki", nil},
		{"`[[code]]` and \\[[escaped]] are text", nil},
		{"```\n[[fenced]]\n```\nafter [[Iraq]]", []NoteLink{{Start: 25, End: 33, Target: "Iraq"}}},
		{"[[" + strings.Repeat("x", MaxLinkText+1) + "]]", nil},
		{"[[Işık]]", []NoteLink{{Start: 0, End: 10, Target: "Işık"}}},
	}
	for _, tt := range tests {
		got := ParseLinks(tt.body)
		if len(got) != len(tt.want) {
			t.Errorf("ParseLinks(%q) = %+v, want %+v", tt.body, got, tt.want)
			continue
		}
		for i := range got {
			if got[i] != tt.want[i] {
				t.Errorf("ParseLinks(%q)[%d] = %+v, want %+v", tt.body, i, got[i], tt.want[i])
			}
		}
	}
}

func TestResolveLink(t *testing.T) {
	maliki := LinkCandidate{Kind: LinkActor, ID: 1, UUID: "a1", Name: "Nouri al-Maliki"}
	malikiAlias := maliki
	malikiAlias.ByAlias = true
	other := LinkCandidate{Kind: LinkActor, ID: 2, UUID: "a2", Name: "Maliki Transport", ByAlias: true}
	article := LinkCandidate{Kind: LinkArticle, ID: 7, UUID: "r7", Name: "Maliki"}
	note := LinkCandidate{Kind: LinkNote, ID: 3, UUID: "n3", Name: "Maliki"}
	tests := []struct {
		name   string
		link   NoteLink
		cands  []LinkCandidate
		status string
		uuid   string
	}{
		{"by name", NoteLink{Target: "Nouri al-Maliki"}, []LinkCandidate{maliki}, LinkResolved, "a1"},
		{"by alias", NoteLink{Target: "Maliki"}, []LinkCandidate{malikiAlias}, LinkResolved, "a1"},
		{"a name beats an alias", NoteLink{Target: "Maliki"}, []LinkCandidate{malikiAlias, article}, LinkResolved, "r7"},
		{"two aliases: ambiguous", NoteLink{Target: "Maliki"}, []LinkCandidate{malikiAlias, other}, LinkAmbiguous, ""},
		{"article and note: ambiguous", NoteLink{Target: "Maliki"}, []LinkCandidate{article, note}, LinkAmbiguous, ""},
		{"a kind settles it", NoteLink{Target: "Maliki", Kind: LinkNote}, []LinkCandidate{article, note}, LinkResolved, "n3"},
		{"the same record twice", NoteLink{Target: "Maliki"}, []LinkCandidate{malikiAlias, malikiAlias}, LinkResolved, "a1"},
		{"nothing", NoteLink{Target: "Zebulon"}, nil, LinkMissing, ""},
		{"kind finds nothing", NoteLink{Target: "Maliki", Kind: LinkArticle}, []LinkCandidate{malikiAlias}, LinkMissing, ""},
	}
	for _, tt := range tests {
		got := ResolveLink(tt.link, tt.cands)
		if got.Status != tt.status || got.Target.UUID != tt.uuid {
			t.Errorf("%s: %+v, want %s %q", tt.name, got, tt.status, tt.uuid)
		}
		if got.Status == LinkAmbiguous && len(got.Others) < 2 {
			t.Errorf("%s: ambiguous without the records it could mean: %+v", tt.name, got)
		}
	}
}

func TestFoldLinkFoldsAsNames(t *testing.T) {
	if FoldLink("  NOURI   al-Málíki ") != Fold("Nouri al-Maliki") {
		t.Errorf("FoldLink = %q", FoldLink("  NOURI   al-Málíki "))
	}
}

func TestLinkSentence(t *testing.T) {
	body := "First thought. Then [[Nouri al-Maliki|Maliki]] spoke to **the bloc** about it. Later."
	l := ParseLinks(body)[0]
	s, a, b := LinkSentence(body, l.Start, l.End, nil)
	if s != "Then Maliki spoke to the bloc about it." || string([]rune(s)[a:b]) != "Maliki" {
		t.Errorf("LinkSentence = %q [%d:%d]", s, a, b)
	}
	s, a, b = LinkSentence(body, l.Start, l.End, map[int]string{l.Start: "Nouri al-Maliki"})
	if string([]rune(s)[a:b]) != "Maliki" { // a label is shown as written
		t.Errorf("labelled link shown as %q", string([]rune(s)[a:b]))
	}
	plain := "We met [[Iraq]] officials."
	s, a, b = LinkSentence(plain, 7, 15, map[int]string{7: "Republic of Iraq"})
	if s != "We met Republic of Iraq officials." || string([]rune(s)[a:b]) != "Republic of Iraq" {
		t.Errorf("renamed link sentence = %q [%d:%d]", s, a, b)
	}
	// An unlinked mention: the range is plain text.
	s, a, b = LinkSentence("Saw Maliki again.", 4, 10, nil)
	if s != "Saw Maliki again." || string([]rune(s)[a:b]) != "Maliki" {
		t.Errorf("mention sentence = %q [%d:%d]", s, a, b)
	}
}

func TestFindMentions(t *testing.T) {
	body := "Maliki met the US envoy. [[Maliki]] again; al-Maliki's bloc. Let us see. Malikiya is a town."
	got := FindMentions(body, []string{"Nouri al-Maliki", "Maliki", "al-Maliki", "US"})
	var words []string
	for _, r := range got {
		words = append(words, body[r[0]:r[1]])
	}
	want := []string{"Maliki", "US", "al-Maliki"}
	if strings.Join(words, "|") != strings.Join(want, "|") {
		t.Errorf("FindMentions = %q, want %q (not inside a link, not 'us', not part of a word)", words, want)
	}
}

func TestWordCountAndHeading(t *testing.T) {
	if n := WordCount("# Title\n\nThe **bloc** met [[Maliki]] twice — it's 2026."); n != 8 {
		t.Errorf("WordCount = %d, want 8", n)
	}
	if h := (Note{Body: "\n## Meeting with the envoy\nmore"}).Heading(); h != "Meeting with the envoy" {
		t.Errorf("Heading = %q", h)
	}
	if h := (Note{Body: "[[Nouri al-Maliki|Maliki]] called [[Iraq]]."}).Heading(); h != "Maliki called Iraq." {
		t.Errorf("Heading shows the links' text: %q", h)
	}
	if h := (Note{Title: "Hypothesis", Body: "x"}).Heading(); h != "Hypothesis" {
		t.Errorf("Heading = %q", h)
	}
}

// FuzzParseLinks: whatever a note holds, the links found lie inside it, in order, without
// overlapping, and each starts with "[[" and ends with "]]"; the sentence around each is
// valid text with its offsets inside it.
func FuzzParseLinks(f *testing.F) {
	for _, seed := range []string{"[[Maliki]]", "a [[b|c]] [[note:d]]", "```\n[[x]]\n```", "`[[x]]`", "\\[[x]]", "[[[[x]]]]", "[[é|ü]]. Next.", "[[a]]\n[[b"} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, body string) {
		last := 0
		for _, l := range ParseLinks(body) {
			if l.Start < last || l.End > len(body) || l.Start >= l.End {
				t.Fatalf("link %+v out of order or out of %q", l, body)
			}
			if !strings.HasPrefix(body[l.Start:], "[[") || !strings.HasSuffix(body[:l.End], "]]") || l.Target == "" {
				t.Fatalf("link %+v is not [[…]] in %q", l, body)
			}
			last = l.End
			if utf8.ValidString(body) {
				s, a, b := LinkSentence(body, l.Start, l.End, nil)
				if a < 0 || b < a || b > utf8.RuneCountInString(s) {
					t.Fatalf("sentence %q offsets %d:%d", s, a, b)
				}
			}
		}
		names := []string{"maliki", "us"}
		for _, r := range FindMentions(body, names) {
			if r[0] < 0 || r[1] > len(body) || r[0] >= r[1] {
				t.Fatalf("mention %v out of %q", r, body)
			}
		}
	})
}

// TestParseLinksLinearOnBrackets: a huge line of "[[" with no closing is read in linear
// time (each opening looks for its closing within a link's longest text only). The
// benchmark gives the figure; this checks the rule on the result.
func TestParseLinksLinearOnBrackets(t *testing.T) {
	body := strings.Repeat("[[a ", 200_000) + "[[Iraq]]"
	got := ParseLinks(body)
	if len(got) != 1 || got[0].Target != "Iraq" {
		t.Errorf("links %+v", got)
	}
}

func BenchmarkParseLinksBrackets(b *testing.B) {
	body := strings.Repeat("[[a ", 200_000)
	for b.Loop() {
		ParseLinks(body)
	}
}
