package ingest

import (
	"strings"
	"testing"

	"dossier/app"
)

// tramPage is an invented page whose byline, under the headline, repeats its metadata.
func tramPage(meta, byline string) string {
	return `<!doctype html><html lang="en"><head><title>Tram line opens | Riverside Courier</title>` + meta + `
<meta property="og:site_name" content="Riverside Courier"></head><body><nav><a href="/">Home</a></nav>
<article><h1>Tram line opens</h1><p>` + byline + `</p>
<p>The new tram line opened on Wednesday morning, two years after the council approved it. Riders queued at the first stop before dawn.</p>
<p>Mayor Pablo Ortiz cut the ribbon and thanked the engineers who built the line through the old market district.</p></article></body></html>`
}

// Issue 7, point 12: a byline that repeats the page's author and date leaves the body; one
// that says something else stays, and the fields keep the metadata's word.
func TestHTMLDropsDuplicateByline(t *testing.T) {
	const both = `<meta name="author" content="Ines Moreau"><meta property="article:published_time" content="2026-03-04T09:00:00+01:00">`
	tests := []struct {
		name, meta, byline string
		dropped            bool
		author             string
		date               app.Date
	}{
		{"middle dot", both, "By Ines Moreau · March 4, 2026", true, "Ines Moreau", "2026-03-04"},
		{"bar and label", both, "By Ines Moreau | Published: 4 March 2026", true, "Ines Moreau", "2026-03-04"},
		{"comma", both, "By Ines Moreau, March 4, 2026", true, "Ines Moreau", "2026-03-04"},
		{"on", both, "by Ines Moreau on Wednesday, March 4, 2026", true, "Ines Moreau", "2026-03-04"},
		{"no By", both, "Ines Moreau · March 4, 2026", true, "Ines Moreau", "2026-03-04"},
		{"two writers", `<meta name="author" content="Ines Moreau, Tomas Reyes"><meta property="article:published_time" content="2026-03-04">`,
			"By Ines Moreau and Tomas Reyes · March 4, 2026", true, "Ines Moreau, Tomas Reyes", "2026-03-04"},
		{"only the author in the metadata", `<meta name="author" content="Ines Moreau">`, "By Ines Moreau · March 4, 2026", true, "Ines Moreau", "2026-03-04"},
		{"no metadata", "", "By Ines Moreau · March 4, 2026", true, "Ines Moreau", "2026-03-04"},
		{"another date", both, "By Ines Moreau · Updated March 5, 2026", false, "Ines Moreau", "2026-03-04"},
		{"another writer", both, "By Tomas Reyes · March 4, 2026", false, "Ines Moreau", "2026-03-04"},
		{"a name and a date without By, no metadata", "", "Ines Moreau · March 4, 2026", false, "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			arts, err := Parse("tram.html", []byte(tramPage(tt.meta, tt.byline)))
			if err != nil {
				t.Fatal(err)
			}
			a := arts[0]
			kept := strings.Contains(a.Body, tt.byline)
			if kept == tt.dropped {
				t.Errorf("byline kept %v, want dropped %v; body:\n%s", kept, tt.dropped, a.Body)
			}
			if !strings.HasPrefix(a.Body, "The new tram line") && tt.dropped {
				t.Errorf("body starts %q", a.Body[:min(len(a.Body), 60)])
			}
			if a.Author != tt.author || a.Date != tt.date {
				t.Errorf("author %q date %q, want %q %q", a.Author, a.Date, tt.author, tt.date)
			}
		})
	}
}

// The same byline in a text file gives the author and the date, not an author called
// "Ines Moreau · March 4, 2026".
func TestTextDatedByline(t *testing.T) {
	for _, l := range []string{"By Ines Moreau · March 4, 2026", "By Ines Moreau | Updated March 4, 2026", "Published 4 March 2026"} {
		a := FromText("Tram line opens\n" + l + "\n\nThe new tram line opened on Wednesday.")
		author := "Ines Moreau"
		if !strings.HasPrefix(l, "By") {
			author = ""
		}
		if a.Author != author || a.Date != "2026-03-04" || a.Body != "The new tram line opened on Wednesday." {
			t.Errorf("%q: got author %q date %q body %q", l, a.Author, a.Date, a.Body)
		}
	}
}
