package app

import (
	"fmt"
	"strings"
	"testing"
)

func TestEventDateChoices(t *testing.T) {
	// An invented article of 28 Jan 2026 that reports what happened the day before.
	body := "Ministers met in Lisbon on Monday.\n\n" +
		"The envoy said on Jan. 27 that the talks had failed, a week after the offer of Jan. 20. " +
		"A statement followed in December.\n\nNothing else was said."
	base := Date("2026-01-28")
	for _, tc := range []struct {
		name, quote string
		base        Date
		want        []string // "date where phrase"
	}{
		{"date in the quote, then the article's as reported", "the talks had failed", base,
			[]string{"2026-01-27 paragraph on Jan. 27", "2026-01-20 paragraph Jan. 20", "2025-12 paragraph in December", "2026-01-28 reported "}},
		{"quote's own date first", "on Jan. 27 that the talks had failed", base,
			[]string{"2026-01-27 quote on Jan. 27", "2026-01-20 paragraph Jan. 20", "2025-12 paragraph in December", "2026-01-28 reported "}},
		{"no date in the text: only the article's", "Nothing else was said", base,
			[]string{"2026-01-28 reported "}},
		{"quote not in the body: its own dates and the article's", "talks on Jan. 27 elsewhere", base,
			[]string{"2026-01-27 quote on Jan. 27", "2026-01-28 reported "}},
		{"undated article: the text's absolute dates only", "on Jan. 27, 2026 the envoy left", "",
			[]string{"2026-01-27 quote on Jan. 27, 2026"}},
		{"nothing at all", "", "", nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, cut := EventDateChoices(tc.quote, body, tc.base, 0)
			var s []string
			for _, c := range got {
				s = append(s, fmt.Sprintf("%s %s %s", c.Date, c.Where, c.Phrase))
			}
			if strings.Join(s, "|") != strings.Join(tc.want, "|") || cut != 0 {
				t.Errorf("got %q (cut %d)\nwant %q", s, cut, tc.want)
			}
		})
	}
}

func TestEventDateChoicesNeverCopyTheArticleDateAsTheEvent(t *testing.T) {
	// The rule: the article's date is offered only as the day it was reported, last, and
	// a date the text gives is never replaced by it.
	body := "Officials said on Jan. 27 that the border would close.\n\nYesterday the border closed."
	choices, _ := EventDateChoices("that the border would close", body, "2026-01-28", 0)
	if len(choices) != 2 || choices[0].Date != "2026-01-27" || choices[0].Where != InParagraph ||
		choices[1].Date != "2026-01-28" || choices[1].Where != ReportedOn {
		t.Fatalf("choices %+v", choices)
	}
	// "Yesterday" in its own paragraph is 27 Jan too: offered once, as the quote says it.
	choices, _ = EventDateChoices("Yesterday the border closed", body, "2026-01-28", 0)
	if len(choices) != 2 || choices[0].Phrase != "Yesterday" || choices[0].Date != "2026-01-27" {
		t.Fatalf("choices %+v", choices)
	}
	// A quote that says "today" gives the article's own date, marked as such.
	choices, _ = EventDateChoices("today the border closed", "today the border closed", "2026-01-28", 0)
	if len(choices) != 1 || choices[0].Where != InQuote || !choices[0].Reported {
		t.Fatalf("choices %+v", choices)
	}
}

func TestEventDateChoicesSaysWhenCut(t *testing.T) {
	body := "On Jan. 2, Jan. 5, Jan. 9 and Jan. 14 the envoy wrote; the talks failed."
	got, cut := EventDateChoices("the talks failed", body, "2026-01-28", 2)
	if len(got) != 3 || cut != 2 || got[2].Where != ReportedOn {
		t.Fatalf("got %+v, cut %d", got, cut)
	}
	// Nearest the quote first.
	if got[0].Date != "2026-01-14" || got[1].Date != "2026-01-09" {
		t.Errorf("order %+v", got)
	}
}

func TestDatesOverlap(t *testing.T) {
	for _, tc := range []struct {
		a1, a2, b1, b2 Date
		want           bool
	}{
		{"2026-01-27", "", "2026-01-27", "", true},
		{"2026-01", "", "2026-01-27", "", true},
		{"2026-01-27", "", "2026-01", "", true},
		{"2026", "", "2026-12-31", "", true},
		{"2026-01-27", "", "2026-01-28", "", false},
		{"2026-01", "", "2026-02-01", "", false},
		{"2025", "", "2026", "", false},
		{"2026-01-01", "2026-03", "2026-03-31", "", true},
		{"2026-01-01", "2026-03", "2026-04", "", false},
		{"", "2026-03", "2025-06", "", true},     // "until Mar 2026" reaches back
		{"", "2026-03", "2026-04-01", "", false}, // but not forward
		{"", "", "", "", true},                   // both undated: the same unknown time
		{"", "", "2026-01-27", "", false},        // unknown is not "any time"
		{"2026-01-27", "", "", "", false},
	} {
		if got := DatesOverlap(tc.a1, tc.a2, tc.b1, tc.b2); got != tc.want {
			t.Errorf("DatesOverlap(%q–%q, %q–%q) = %v, want %v", tc.a1, tc.a2, tc.b1, tc.b2, got, tc.want)
		}
		if got := DatesOverlap(tc.b1, tc.b2, tc.a1, tc.a2); got != tc.want {
			t.Errorf("not symmetric for %q–%q, %q–%q", tc.a1, tc.a2, tc.b1, tc.b2)
		}
	}
}

func TestSameFact(t *testing.T) {
	base := Relation{SourceID: 1, Type: "threatens", TargetID: 2, Start: "2026-01-27", Modality: Asserted}
	for _, tc := range []struct {
		name     string
		change   func(r *Relation)
		directed bool
		want     bool
	}{
		{"identical", func(r *Relation) {}, true, true},
		{"month holds the day", func(r *Relation) { r.Start = "2026-01" }, true, true},
		{"another day", func(r *Relation) { r.Start = "2026-01-29" }, true, false},
		{"reversed, directed", func(r *Relation) { r.SourceID, r.TargetID = 2, 1 }, true, false},
		{"reversed, undirected", func(r *Relation) { r.SourceID, r.TargetID = 2, 1 }, false, true},
		{"another type", func(r *Relation) { r.Type = "criticises" }, true, false},
		{"another target", func(r *Relation) { r.TargetID = 3 }, true, false},
		{"denied is not the deed", func(r *Relation) { r.Modality = Denied }, true, false},
		{"another speaker's claim", func(r *Relation) { r.SpeakerID = 9 }, true, false},
		{"confidence does not matter", func(r *Relation) { r.Confidence = Confirmed }, true, true},
		{"undated against dated", func(r *Relation) { r.Start = "" }, true, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			b := base
			tc.change(&b)
			if got := SameFact(base, b, tc.directed); got != tc.want {
				t.Errorf("SameFact = %v, want %v", got, tc.want)
			}
		})
	}
}

func TestSameEvidence(t *testing.T) {
	a := Evidence{ArticleID: 4, Quote: "would stop\nhelping  Iraq"}
	if !SameEvidence(a, Evidence{ArticleID: 4, Quote: "would stop helping Iraq"}) {
		t.Error("white space made a difference")
	}
	if SameEvidence(a, Evidence{ArticleID: 5, Quote: a.Quote}) || SameEvidence(a, Evidence{ArticleID: 4, Quote: "would stop"}) {
		t.Error("another article or passage counted as the same")
	}
}

func TestRelationFiledSummary(t *testing.T) {
	r := Relation{ID: 2, Confidence: Confirmed}
	for _, tc := range []struct {
		f    RelationFiled
		want string
	}{
		{RelationFiled{Relation: Relation{ID: 7}}, "recorded relation #7"},
		{RelationFiled{Relation: r, Existing: true, Added: 1}, "added evidence to relation #2"},
		{RelationFiled{Relation: r, Existing: true, Known: 1}, "already recorded: relation #2 has this article and quote"},
		{RelationFiled{Relation: r, Existing: true}, "already recorded: relation #2 records this; nothing added"},
		{RelationFiled{Relation: r, Existing: true, Added: 1, NoteAdded: true, Confidence: Reported},
			"added evidence to relation #2; note appended to its note; its confidence stays confirmed (you gave reported)"},
	} {
		if got := tc.f.Summary(); got != tc.want {
			t.Errorf("Summary() = %q, want %q", got, tc.want)
		}
	}
}

func TestNameClashString(t *testing.T) {
	c := NameClash{Name: "maliki", ActorID: 3, Actor: "Nouri al-Maliki", Kind: Person}
	if got := c.String(); got != "“maliki” is already a name of Nouri al-Maliki (#3, person)" {
		t.Errorf("%q", got)
	}
	c.Name = "NOURI AL-MALIKI"
	if got := c.String(); got != "“NOURI AL-MALIKI” is already the actor Nouri al-Maliki (#3, person)" {
		t.Errorf("%q", got)
	}
}

func FuzzEventDateChoices(f *testing.F) {
	f.Add("on Jan. 27 the envoy", "Before.\n\non Jan. 27 the envoy spoke in December", "2026-01-28", 2)
	f.Add("", "", "", 0)
	f.Add("é", "ééé\xffé yesterday", "2026", 1)
	f.Fuzz(func(t *testing.T, quote, body, base string, limit int) {
		d, err := ParseDate(base)
		if err != nil {
			return
		}
		choices, cut := EventDateChoices(quote, body, d, limit%8)
		seen := map[Date]bool{}
		for i, c := range choices {
			if c.Date.Validate() != nil || c.Date == "" || seen[c.Date] {
				t.Fatalf("choice %d %+v invalid or repeated", i, c)
			}
			seen[c.Date] = true
			if c.Where == ReportedOn && (c.Date != d || i != len(choices)-1) {
				t.Fatalf("the article's date %q is not last or not the article's: %+v", d, choices)
			}
		}
		if cut < 0 {
			t.Fatal("negative cut")
		}
	})
}

func TestEventDateChoicesPreferTheQuotesSentence(t *testing.T) {
	body := "The president said on Jan. 27 that aid to Iraq would stop. Last week he wrote to Baghdad."
	got, _ := EventDateChoices("aid to Iraq would stop", body, "2026-01-28", 0)
	if len(got) != 3 || got[0].Phrase != "on Jan. 27" || got[1].Phrase != "Last week" || got[2].Where != ReportedOn {
		t.Fatalf("choices %+v: the date in the quote's own sentence should come first", got)
	}
}

func TestRelationWhenKeepsEventAndReportApart(t *testing.T) {
	src := func(dates ...Date) []Evidence {
		var out []Evidence
		for _, d := range dates {
			out = append(out, Evidence{ArticleDate: d})
		}
		return out
	}
	for _, tc := range []struct {
		r    Relation
		want string
	}{
		{Relation{Start: "2026-01-27", Evidence: src("2026-01-28")}, "27 Jan 2026 (reported 28 Jan 2026)"},
		{Relation{Start: "2026-01-28", Evidence: src("2026-01-28")}, "28 Jan 2026"},
		{Relation{Start: "2026-01", Evidence: src("2026-01-28")}, "Jan 2026 (reported 28 Jan 2026)"},
		{Relation{Evidence: src("2026-01-29", "2026-01-28")}, "date unknown (reported 28 Jan 2026)"},
		{Relation{Evidence: src("")}, ""},
		{Relation{Start: "2026-01-27"}, "27 Jan 2026"},
		{Relation{Start: "2026-01", End: "2026-03", Evidence: src("2026-04-02")}, "Jan 2026 – Mar 2026 (reported 2 Apr 2026)"},
	} {
		if got := tc.r.When(); got != tc.want {
			t.Errorf("When(%s–%s, %v) = %q, want %q", tc.r.Start, tc.r.End, tc.r.Evidence, got, tc.want)
		}
	}
}
