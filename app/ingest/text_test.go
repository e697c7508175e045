package ingest

import (
	"strings"
	"testing"

	"dossier/app"
)

func TestFromText(t *testing.T) {
	body := strings.Join(storyParagraphs, "\n\n")
	tests := []struct {
		name                          string
		in                            string
		title, dateline, author, body string
		date                          app.Date
	}{
		{"full header", storyText, storyTitle, "VALDEMAR", "Tomas Reyes", body, "2026-03-03"},
		{"CRLF", strings.ReplaceAll(storyText, "\n", "\r\n"), storyTitle, "VALDEMAR", "Tomas Reyes", body, "2026-03-03"},
		{"lone CR", strings.ReplaceAll(storyText, "\n", "\r"), storyTitle, "VALDEMAR", "Tomas Reyes", body, "2026-03-03"},
		{"BOM", "\uFEFF" + storyText, storyTitle, "VALDEMAR", "Tomas Reyes", body, "2026-03-03"},
		{"dateline without date", "Vote on budget delayed\nANKARA\n\nThe vote was put off.", "Vote on budget delayed", "ANKARA", "", "The vote was put off.", ""},
		{"dateline with abbreviated month", "Vote on budget delayed\nANKARA, Feb. 11, 2026\nThe vote was put off.", "Vote on budget delayed", "ANKARA", "", "The vote was put off.", "2026-02-11"},
		{"dateline with region", "Vote on budget delayed\nDAR ES SALAAM, Tanzania, 3 March 2026\nThe vote was put off.", "Vote on budget delayed", "DAR ES SALAAM, Tanzania", "", "The vote was put off.", "2026-03-03"},
		{"date line below title", "Vote on budget delayed\n\n11 February 2026\n\nThe vote was put off.", "Vote on budget delayed", "", "", "The vote was put off.", "2026-02-11"},
		{"labelled date with weekday and time", "Vote on budget delayed\nPublished: Wednesday, Feb. 11, 2026 09:30 GMT\nThe vote was put off.", "Vote on budget delayed", "", "", "The vote was put off.", "2026-02-11"},
		{"date line above title", "2026-02-11\nVote on budget delayed\nThe vote was put off.", "Vote on budget delayed", "", "", "The vote was put off.", "2026-02-11"},
		{"leading blank lines", "\n\n  \nVote on budget delayed\nThe vote was put off.", "Vote on budget delayed", "", "", "The vote was put off.", ""},
		{"question headline", "Will the budget pass?\nThe vote was put off.", "Will the budget pass?", "", "", "The vote was put off.", ""},
		{"first line is a sentence", "The vote was put off.\nMembers went home.", "", "", "", "The vote was put off.\nMembers went home.", ""},
		{"first line too long", strings.Repeat("word ", 45) + "\nSecond line", "", "", "", strings.TrimSpace(strings.Repeat("word ", 45)) + "\nSecond line", ""},
		{"inline dateline kept in body", "Vote on budget delayed\n\nBAGHDAD (Reuters) — The vote was put off.", "Vote on budget delayed", "BAGHDAD", "", "BAGHDAD (Reuters) — The vote was put off.", ""},
		{"inline dateline with date", "Vote on budget delayed\n\nANKARA, Feb. 11, 2026 - The vote was put off.", "Vote on budget delayed", "ANKARA", "", "ANKARA, Feb. 11, 2026 - The vote was put off.", "2026-02-11"},
		{"outlet then date, em dash", "Vote on budget delayed\n\nOSLO (Nordwire) — March 3, 2026 — The vote was put off.", "Vote on budget delayed", "OSLO", "", "OSLO (Nordwire) — March 3, 2026 — The vote was put off.", "2026-03-03"},
		{"outlet then date, en dash", "Vote on budget delayed\n\nOSLO (Nordwire) – 3 March 2026 – The vote was put off.", "Vote on budget delayed", "OSLO", "", "OSLO (Nordwire) – 3 March 2026 – The vote was put off.", "2026-03-03"},
		{"outlet then date, hyphen", "Vote on budget delayed\n\nOSLO (Nordwire) - Mar. 3, 2026 - The vote was put off.", "Vote on budget delayed", "OSLO", "", "OSLO (Nordwire) - Mar. 3, 2026 - The vote was put off.", "2026-03-03"},
		{"outlet, comma, date", "Vote on budget delayed\n\nOSLO (Nordwire), March 3, 2026 — The vote was put off.", "Vote on budget delayed", "OSLO", "", "OSLO (Nordwire), March 3, 2026 — The vote was put off.", "2026-03-03"},
		{"outlet then date and colon", "Vote on budget delayed\n\nOSLO, Norway (Nordwire) — Tuesday, March 3, 2026: The vote was put off.", "Vote on budget delayed", "OSLO, Norway", "", "OSLO, Norway (Nordwire) — Tuesday, March 3, 2026: The vote was put off.", "2026-03-03"},
		{"outlet then words is no date", "Vote on budget delayed\n\nOSLO (Nordwire) — Police said on Tuesday — the vote was put off.", "Vote on budget delayed", "OSLO", "", "OSLO (Nordwire) — Police said on Tuesday — the vote was put off.", ""},
		{"words after the outlet are no dateline", "Vote on budget delayed\n\nOSLO (Nordwire) and others — the vote was put off.", "Vote on budget delayed", "", "", "OSLO (Nordwire) and others — the vote was put off.", ""},
		{"lower-case place is not a dateline", "Vote on budget delayed\nAnkara\nThe vote was put off.", "Vote on budget delayed", "", "", "Ankara\nThe vote was put off.", ""},
		{"all-caps sentence is not a dateline", "Vote on budget delayed\nTHE VOTE WAS PUT OFF AGAIN TODAY\nMore.", "Vote on budget delayed", "", "", "THE VOTE WAS PUT OFF AGAIN TODAY\nMore.", ""},
		{"kicker is not a dateline", "Vote on budget delayed\nANALYSIS\nThe vote was put off.", "Vote on budget delayed", "", "", "ANALYSIS\nThe vote was put off.", ""},
		{"only a title", "Vote on budget delayed", "Vote on budget delayed", "", "", "Vote on budget delayed", ""},
		{"extra blank lines collapse", "Title here\n\n\n\nOne.\n\n\n\nTwo.   \n", "Title here", "", "", "One.\n\nTwo.", ""},
		{"control characters dropped", "Title\x07 here\nOne\x1b.\fTwo.", "Title here", "", "", "One.\nTwo.", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := FromText(tt.in)
			if a.Title != tt.title || a.Dateline != tt.dateline || a.Author != tt.author || a.Date != tt.date {
				t.Errorf("got title %q dateline %q author %q date %q; want %q %q %q %q",
					a.Title, a.Dateline, a.Author, a.Date, tt.title, tt.dateline, tt.author, tt.date)
			}
			if a.Body != tt.body {
				t.Errorf("body:\n%q\nwant\n%q", a.Body, tt.body)
			}
		})
	}
}

func TestLooseDate(t *testing.T) {
	tests := []struct {
		in   string
		want app.Date
		ok   bool
	}{
		{"2026-03-03", "2026-03-03", true},
		{"2026-03-03T23:30:00-05:00", "2026-03-03", true}, // the day as the outlet wrote it, not UTC's
		{"Tue, 03 Mar 2026 18:45:00 +0100", "2026-03-03", true},
		{"Tuesday, March 3, 2026", "2026-03-03", true},
		{"3 March 2026 at 18:45", "2026-03-03", true},
		{"Sat 14 Mar 2026 08.30 CET", "2026-03-14", true},
		{"14 Mar 2026 31.99", "", false},
		{"March 2026", "2026-03", true},
		{"2026", "2026", true},
		{"2026-02-30", "", false},
		{"0001-01-01T00:00:00Z", "", false},
		{"yesterday", "", false},
		{"42", "", false},
		{"", "", false},
	}
	for _, tt := range tests {
		got, ok := looseDate(tt.in)
		if ok != tt.ok || (ok && got != tt.want) {
			t.Errorf("looseDate(%q) = %q, %v; want %q, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}
