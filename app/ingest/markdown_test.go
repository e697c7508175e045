package ingest

import (
	"slices"
	"strings"
	"testing"

	"dossier/app"
)

func TestParseMarkdownFrontMatter(t *testing.T) {
	arts, err := Parse("strike.md", []byte(storyMarkdown))
	if err != nil {
		t.Fatal(err)
	}
	a := arts[0]
	want := app.Article{
		Title:  storyTitle,
		Source: "The Valdemar Courier",
		URL:    "https://courier.example/news/port-strike",
		Author: "Tomas Reyes",
		Date:   "2026-03-03",
		Tags:   []string{"ports", "labour", "strikes, 2026"},
	}
	if a.Title != want.Title || a.Source != want.Source || a.URL != want.URL || a.Author != want.Author || a.Date != want.Date {
		t.Errorf("got %q / %q / %q / %q / %q", a.Title, a.Source, a.URL, a.Author, a.Date)
	}
	if !slices.Equal(a.Tags, want.Tags) {
		t.Errorf("tags %q, want %q", a.Tags, want.Tags)
	}
	body := strings.Join(storyParagraphs, "\n\n")
	if a.Body != body {
		t.Errorf("body:\n%q\nwant\n%q", a.Body, body)
	}
	if a.Hash != app.ContentHash(a.Body) {
		t.Error("hash not set")
	}
}

func TestParseMarkdown(t *testing.T) {
	tests := []struct {
		name, in                string
		title, source, body     string
		author, dateline, notes string
		date                    app.Date
		tags                    []string
	}{
		{
			name:  "block list, single quotes, comment lines",
			in:    "---\n# saved by hand\ntitle: 'Parliament''s vote on the port bill'\noutlet: Harbour Radio\ntags:\n  - parliament\n  - ports\n  - parliament\nauthors:\n  - Ana Silva\n  - Ben Okoro\n---\nThe bill passed by 212 votes to 190.\n",
			title: "Parliament's vote on the port bill", source: "Harbour Radio", body: "The bill passed by 212 votes to 190.",
			author: "Ana Silva, Ben Okoro", tags: []string{"parliament", "ports"},
		},
		{
			name:  "no front matter: heading is the title",
			in:    "# Parliament passes port bill\n\nThe bill passed by 212 votes to 190.\n",
			title: "Parliament passes port bill", body: "The bill passed by 212 votes to 190.",
		},
		{
			name:  "setext heading and dateline",
			in:    "Parliament passes port bill\n===========================\n\nVALDEMAR, 4 March 2026\n\nThe bill passed.\n",
			title: "Parliament passes port bill", dateline: "VALDEMAR", date: "2026-03-04", body: "The bill passed.",
		},
		{
			name:  "long heading is still the title",
			in:    "## The bill that members of parliament argued about for nine hours passed in the end.\n\nIt passed.",
			title: "The bill that members of parliament argued about for nine hours passed in the end.", body: "It passed.",
		},
		{
			name:  "inline markup reduced",
			in:    "# Vote\n\nThe **bill** passed ([record](https://parl.example/r/1)), see ![chart](c.png) and <https://parl.example>.\n\n> A quote from the floor.\n\n---\n\n    code stays\n\n```\nfenced *stays*\n```\n\n[1]: https://parl.example/ref\n\\*not emphasis\\*",
			title: "Vote", body: "The bill passed (record), see chart and https://parl.example.\n\nA quote from the floor.\n\n    code stays\n\nfenced *stays*\n\n*not emphasis*",
		},
		{
			name:  "nested link words",
			in:    "# Vote\n\n[the [full] record](https://x.example/a_(b)) and [a][ref] and [not a link] (x)",
			title: "Vote", body: "the [full] record and a and [not a link] (x)",
		},
		{
			name:  "unclosed front matter is text",
			in:    "---\ntitle: Never closed\n\nSome text.",
			title: "title: Never closed", body: "Some text.",
		},
		{
			name:  "front matter title wins and repeated heading dropped",
			in:    "---\ntitle: Bill passes\n---\n# Bill passes\n\n## Background\n\nText.",
			title: "Bill passes", body: "Background\n\nText.",
		},
		{
			name:  "bad date kept in notes, block scalar",
			in:    "---\ntitle: Bill passes\ndate: sometime in spring\nnotes: |\n  Checked against\n  the official record.\n---\nText.",
			title: "Bill passes", body: "Text.", notes: "Checked against\nthe official record.\n\nDate in the imported file not understood: “sometime in spring”.",
		},
		{
			name:  "timestamp date, quoted URL, comma tags",
			in:    "---\ntitle: Bill passes\ndate: 2026-03-04T22:10:00+01:00\nlink: \"https://parl.example/news?id=7\"\nkeywords: ports, parliament\n---\nText.",
			title: "Bill passes", body: "Text.", date: "2026-03-04", tags: []string{"ports", "parliament"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			arts, err := Parse("note.md", []byte(tt.in))
			if err != nil {
				t.Fatal(err)
			}
			a := arts[0]
			if a.Title != tt.title || a.Source != tt.source || a.Author != tt.author || a.Dateline != tt.dateline || a.Date != tt.date {
				t.Errorf("got title %q source %q author %q dateline %q date %q", a.Title, a.Source, a.Author, a.Dateline, a.Date)
			}
			if a.Body != tt.body {
				t.Errorf("body:\n%q\nwant\n%q", a.Body, tt.body)
			}
			if a.Notes != tt.notes {
				t.Errorf("notes %q, want %q", a.Notes, tt.notes)
			}
			if !slices.Equal(a.Tags, tt.tags) {
				t.Errorf("tags %q, want %q", a.Tags, tt.tags)
			}
		})
	}
}
