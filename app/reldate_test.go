package app

import (
	"fmt"
	"strings"
	"testing"
)

// testBase is a Thursday.
const testBase Date = "2026-01-29"

// found is a suggestion as the tables write it: phrase and date.
type found struct {
	phrase string
	date   Date
}

func suggestions(text string, base Date) []found {
	var out []found
	for _, s := range ResolveDates(text, base) {
		out = append(out, found{s.Phrase, s.Date})
	}
	return out
}

func TestResolveDates(t *testing.T) {
	tests := []struct {
		text string
		want []found
	}{
		// A day without its year takes base's year, or last year's when that would put it
		// more than about two months after base.
		{"The bloc met on Jan. 28 in Baghdad.", []found{{"on Jan. 28", "2026-01-28"}}},
		{"He spoke on January 28.", []found{{"on January 28", "2026-01-28"}}},
		{"The letter, dated 28 January, was leaked.", []found{{"28 January", "2026-01-28"}}},
		{"The 3rd of March plan", []found{{"3rd of March", "2026-03-03"}}},
		{"the 28th of December 2024", []found{{"28th of December 2024", "2024-12-28"}}},
		{"the events of March", nil},
		{"on Jan 28th", []found{{"on Jan 28th", "2026-01-28"}}},
		{"Talks resume on March 15.", []found{{"on March 15", "2026-03-15"}}},
		{"It began on April 15.", []found{{"on April 15", "2025-04-15"}}},
		{"Since Dec. 28 the talks have stalled.", []found{{"Since Dec. 28", "2025-12-28"}}},
		{"on Feb. 29", nil}, // 2026 is no leap year
		{"on Feb. 30", nil},

		// Explicit dates need no base.
		{"Trump wrote on Jan. 27, 2026 that", []found{{"on Jan. 27, 2026", "2026-01-27"}}},
		{"January 27, 2026", []found{{"January 27, 2026", "2026-01-27"}}},
		{"January 27 2026", []found{{"January 27 2026", "2026-01-27"}}},
		{"27 January 2026", []found{{"27 January 2026", "2026-01-27"}}},
		{"27 Jan. 2026", []found{{"27 Jan. 2026", "2026-01-27"}}},
		{"Sept. 3, 2024", []found{{"Sept. 3, 2024", "2024-09-03"}}},
		{"filed 2026-01-27 by", []found{{"2026-01-27", "2026-01-27"}}},
		{"in November 2025", []found{{"in November 2025", "2025-11"}}},
		{"November 2025", []found{{"November 2025", "2025-11"}}},
		{"Jan. 2024", []found{{"Jan. 2024", "2024-01"}}},
		{"October, 2024", []found{{"October, 2024", "2024-10"}}},
		{"in 2022", []found{{"in 2022", "2022"}}},
		{"Since 2019, prices rose", []found{{"Since 2019", "2019"}}},
		{"during 2003", []found{{"during 2003", "2003"}}},
		{"in late 2025", []found{{"in late 2025", "2025"}}},

		// Days and weeks around base.
		{"Yesterday the parliament met.", []found{{"Yesterday", "2026-01-28"}}},
		{"today", []found{{"today", "2026-01-29"}}},
		{"tomorrow", []found{{"tomorrow", "2026-01-30"}}},
		{"Officials said last week that", []found{{"last week", "2026-01-22"}}},
		{"next week", []found{{"next week", "2026-02-05"}}},
		{"this week", nil},
		{"three days ago", []found{{"three days ago", "2026-01-26"}}},
		{"a week ago", []found{{"a week ago", "2026-01-22"}}},
		{"2 weeks ago", []found{{"2 weeks ago", "2026-01-15"}}},

		// Weekdays: a bare one may be base's own day, "last" one is the week before.
		{"said on Monday", []found{{"on Monday", "2026-01-26"}}},
		{"last Tuesday", []found{{"last Tuesday", "2026-01-27"}}},
		{"Friday", []found{{"Friday", "2026-01-23"}}},
		{"on Thursday", []found{{"on Thursday", "2026-01-29"}}},
		{"last Thursday", []found{{"last Thursday", "2026-01-22"}}},
		{"next Monday", []found{{"next Monday", "2026-02-02"}}},
		{"next Thursday", []found{{"next Thursday", "2026-02-05"}}},
		{"Monday’s vote", []found{{"Monday", "2026-01-26"}}},
		{"this Monday", nil},
		{"monday", nil},

		// Months and years around base.
		{"earlier this month", []found{{"earlier this month", "2026-01"}}},
		{"later this year", []found{{"later this year", "2026"}}},
		{"last month", []found{{"last month", "2025-12"}}},
		{"next month", []found{{"next month", "2026-02"}}},
		{"last year", []found{{"last year", "2025"}}},
		{"next year", []found{{"next year", "2027"}}},
		{"two months ago", []found{{"two months ago", "2025-11"}}},
		{"five years ago", []found{{"five years ago", "2021"}}},
		{"in November", []found{{"in November", "2025-11"}}},
		{"in March", []found{{"in March", "2026-03"}}},
		{"last March", []found{{"last March", "2025-03"}}},
		{"last January", []found{{"last January", "2025-01"}}},
		{"next January", []found{{"next January", "2027-01"}}},
		{"in early January", []found{{"in early January", "2026-01"}}},
		{"by mid-January", []found{{"by mid-January", "2026-01"}}},

		// Not dates.
		{"Theresa May said", nil},
		{"The march on Friday", []found{{"on Friday", "2026-01-23"}}},
		{"in May", []found{{"in May", "2025-05"}}},
		{"may 2026", nil},
		{"in Jan", nil},
		{"2022", nil},
		{"won by 2000 votes", nil},
		{"a budget of 2000 dinars", nil},
		{"the 2025-26 season", nil},
		{"in 2025-26", nil},
		{"in 999", nil},
		{"Jan Kowalski", nil},
		{"Janu 28", nil},
		{"", nil},

		// Several phrases, the longest reading of each.
		{"On Jan. 27, 2026 Trump wrote; on Jan. 28 Maliki replied, and last week's talks failed.",
			[]found{{"On Jan. 27, 2026", "2026-01-27"}, {"on Jan. 28", "2026-01-28"}, {"last week", "2026-01-22"}}},
	}
	for _, tt := range tests {
		got := suggestions(tt.text, testBase)
		if fmt.Sprint(got) != fmt.Sprint(tt.want) {
			t.Errorf("ResolveDates(%q) = %v\nwant %v", tt.text, got, tt.want)
		}
	}
}

func TestResolveDatesCoarseBase(t *testing.T) {
	tests := []struct {
		base Date
		text string
		want []found
	}{
		{"2026-01", "yesterday", nil},
		{"2026-01", "on Monday", nil},
		{"2026-01", "last week", nil},
		{"2026-01", "last month", []found{{"last month", "2025-12"}}},
		{"2026-01", "on Jan. 28", []found{{"on Jan. 28", "2026-01-28"}}},
		{"2026-01", "on Dec. 28", []found{{"on Dec. 28", "2025-12-28"}}},
		{"2026", "on Dec. 28", []found{{"on Dec. 28", "2026-12-28"}}},
		{"2026", "in November", []found{{"in November", "2026-11"}}},
		{"2026", "last November", nil},
		{"2026", "last month", nil},
		{"2026", "last year", []found{{"last year", "2025"}}},
		{"", "last year", nil},
		{"", "on Jan. 28", nil},
		{"", "on Jan. 27, 2026 and in 2022", []found{{"on Jan. 27, 2026", "2026-01-27"}, {"in 2022", "2022"}}},
		{"2026-02-30", "yesterday", nil}, // an invalid base is an unknown one
		{"1000-01-01", "last year", nil}, // 999 is out of range
	}
	for _, tt := range tests {
		got := suggestions(tt.text, tt.base)
		if fmt.Sprint(got) != fmt.Sprint(tt.want) {
			t.Errorf("ResolveDates(%q, base %q) = %v\nwant %v", tt.text, tt.base, got, tt.want)
		}
	}
}

func TestResolveDatesOffsetsAreRunes(t *testing.T) {
	text := "Ferrández – “as of Jan. 28” – and Sudani’s aides on Monday."
	got := ResolveDates(text, testBase)
	if len(got) != 2 {
		t.Fatalf("got %v, want two phrases", got)
	}
	runes := []rune(text)
	for _, s := range got {
		if string(runes[s.Start:s.End]) != s.Phrase {
			t.Errorf("runes[%d:%d] = %q, Phrase %q", s.Start, s.End, string(runes[s.Start:s.End]), s.Phrase)
		}
	}
	if got[0].Start != 19 || got[0].Phrase != "Jan. 28" {
		t.Errorf("first = %+v, want “Jan. 28” at rune 19", got[0])
	}
}

func TestSuggestDate(t *testing.T) {
	body := strings.Join([]string{
		"On Tuesday, the Coordination Framework named Maliki. A week later he was still its choice.",
		"Maliki said on Jan. 28 that he would not step aside. “We reject this interference,” he wrote, a day after the post from Washington.",
		"In 2022 he had tried before. “Nothing has changed,” an aide said.",
		"“No date here,” one official said.",
	}, "\n\n")
	tests := []struct {
		name  string
		quote string
		want  Date
		ok    bool
	}{
		{"date in the quote", "he would not step aside on Jan. 27, 2026", "2026-01-27", true},
		{"closest phrase in the paragraph", "“We reject this interference,”", "2026-01-28", true},
		{"phrase before the quote", "“Nothing has changed,”", "2022", true},
		{"phrase after the quote", "the Coordination Framework named Maliki", "2026-01-27", true},
		{"no phrase in the paragraph", "“No date here,”", testBase, false},
		{"quote not in the body", "words nobody wrote", testBase, false},
		{"empty quote", "", testBase, false},
		{"quote with stray spaces", "  “Nothing has changed,” ", "2022", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := SuggestDate(tt.quote, body, testBase)
			if got != tt.want || ok != tt.ok {
				t.Errorf("SuggestDate(%q) = %q, %v; want %q, %v", tt.quote, got, ok, tt.want, tt.ok)
			}
		})
	}
}

func TestSuggestDateLinesAsParagraphs(t *testing.T) {
	// Without blank lines, each line is a paragraph: the date on the line before is not used.
	body := "Maliki spoke on Monday.\nHe said “we stay” to reporters.\nLast week the bloc met."
	if got, ok := SuggestDate("“we stay”", body, testBase); ok || got != testBase {
		t.Errorf("SuggestDate = %q, %v; want base, false", got, ok)
	}
	// With blank lines a hard-wrapped paragraph is one.
	body = "Maliki spoke\non Monday. He said\n“we stay” to reporters.\n\nLast week the bloc met."
	if got, ok := SuggestDate("“we stay”", body, testBase); !ok || got != "2026-01-26" {
		t.Errorf("SuggestDate = %q, %v; want 2026-01-26, true", got, ok)
	}
}

func FuzzResolveDates(f *testing.F) {
	f.Add("On Jan. 27, 2026 Trump wrote; on Jan. 28 Maliki replied, last week, in 2022, 3 days ago", "2026-01-29")
	f.Add("earlier this month in mid-January and next Monday’s vote", "2026-01")
	f.Add("28 January 2026-01-28 yesterday", "")
	f.Fuzz(func(t *testing.T, text, base string) {
		runes := []rune(text)
		last := 0
		for _, s := range ResolveDates(text, Date(base)) {
			if s.Start < last || s.End <= s.Start || s.End > len(runes) {
				t.Fatalf("bad span %d:%d after %d in %d runes", s.Start, s.End, last, len(runes))
			}
			last = s.End
			if string(runes[s.Start:s.End]) != s.Phrase {
				t.Fatalf("Phrase %q is not runes[%d:%d]", s.Phrase, s.Start, s.End)
			}
			if s.Date == "" || s.Date.Validate() != nil {
				t.Fatalf("phrase %q resolved to invalid date %q", s.Phrase, s.Date)
			}
		}
		if d, _ := SuggestDate(text, text+"\n"+text, Date(base)); d != Date(base) && d.Validate() != nil {
			t.Fatalf("SuggestDate gave invalid %q", d)
		}
	})
}
