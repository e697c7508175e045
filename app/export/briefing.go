package export

import (
	"html/template"
	"io"
	"strings"

	"dossier/app"
)

// briefing is a dossier laid out for reading: every relation as a sentence with
// footnotes, every footnote a source (quote, article, outlet, date, URL). Notes are
// Markdown; a briefing shows them as the plain text they read as (app.MarkdownText).
type briefing struct {
	Actor        app.Actor
	Kind         string
	Relations    []briefRelation
	Timeline     []briefEvent
	Sources      []briefSource
	Notes        []string
	MentionTotal int
	Unsourced    int // relations with no source: said, never hidden
	// Picture is the ego graph as inline SVG, "" when there is none; Notice says what it
	// shows and what it leaves out.
	Picture template.HTML
	Notice  string
	Legend  string
	// Scope says whether the briefing holds the whole dossier or what the filters keep.
	Scope    string
	Filtered bool
}

type briefRelation struct {
	Sentence, When, Confidence string
	Notes                      []int // footnote numbers
}

type briefEvent struct{ When, Text string }

type briefSource struct {
	N                               int
	Quote, Title, Outlet, Date, URL string
}

// newBriefing lays out d. Footnotes are numbered in the order the relations cite them,
// one per piece of evidence.
func newBriefing(in Briefing) briefing {
	d := in.Dossier
	b := briefing{Actor: d.Actor, Kind: d.Actor.Kind.Label(), MentionTotal: d.MentionTotal,
		Scope: ScopeText(in.Filter), Filtered: in.Filter.Active()}
	if in.Graph != nil {
		// Built here rather than in the template so that every name is escaped once, by
		// pictureSVG, and the SVG is trusted as a whole.
		b.Picture = template.HTML(pictureSVG(in.Graph)) //nolint:gosec // names escaped in pictureSVG
		b.Notice, b.Legend = in.Graph.Notice(), pictureLegend
	}
	b.Actor.Notes = app.MarkdownText(b.Actor.Notes)
	for _, r := range d.Relations {
		br := briefRelation{Sentence: d.Actor.Name + " " + r.Sentence(), When: r.When(), Confidence: r.Confidence}
		if r.SpeakerName != "" {
			br.Confidence += ", said by " + r.SpeakerName
		}
		for _, e := range r.Evidence {
			n := len(b.Sources) + 1
			b.Sources = append(b.Sources, briefSource{N: n, Quote: e.Quote, Title: e.ArticleTitle, Outlet: e.Source,
				Date: e.ArticleDate.Human(), URL: e.ArticleURL})
			br.Notes = append(br.Notes, n)
		}
		if len(r.Evidence) == 0 {
			b.Unsourced++
		}
		b.Relations = append(b.Relations, br)
	}
	for _, t := range d.Timeline {
		b.Timeline = append(b.Timeline, briefEvent{When: t.Date.Human(), Text: t.Text})
	}
	for _, n := range d.Notes {
		b.Notes = append(b.Notes, app.MarkdownText(n.Body))
	}
	return b
}

// BriefingTitle is the briefing's title for an actor.
func BriefingTitle(a app.Actor) string { return "Briefing: " + a.Name }

var briefingHTML = template.Must(template.New("briefing").Funcs(template.FuncMap{
	"join": strings.Join,
}).Parse(`<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="Dossier">
<meta name="dossier-scope" content="{{.Scope}}">
<title>Briefing: {{.Actor.Name}}</title>
<style>
body { font-family: "DejaVu Sans", "Noto Sans", "Segoe UI", Arial, sans-serif; max-width: 46em; margin: 2em auto; padding: 0 1em; line-height: 1.45; color: #111; }
h1 { font-size: 2em; margin-bottom: 0.1em; }
.lede { font-size: 1.15em; color: #333; margin-top: 0; }
.profile { color: #444; }
h2 { border-bottom: 1px solid #999; padding-bottom: 0.15em; margin-top: 1.6em; }
ul.relations li { margin: 0.35em 0; }
.when, .conf { color: #555; }
sup a { text-decoration: none; }
ol.sources li { margin: 0.4em 0; }
blockquote, .quote { font-style: italic; }
.warn { background: #fff4d6; border-left: 4px solid #c90; padding: 0.4em 0.8em; }
table.timeline td { vertical-align: top; padding: 0.15em 0.8em 0.15em 0; }
table.timeline td.date { white-space: nowrap; color: #555; }
figure.graph { margin: 1em 0; page-break-inside: avoid; }
figure.graph svg { width: 100%; height: auto; }
figcaption { color: #555; font-size: 0.9em; }
.note { white-space: pre-wrap; border-left: 3px solid #ccc; padding-left: 0.8em; margin: 0.6em 0; }
@media print {
  body { max-width: none; margin: 0; font-size: 10.5pt; }
  h2 { page-break-after: avoid; }
  li, tr, .note { page-break-inside: avoid; }
  a { color: inherit; text-decoration: none; }
  ol.sources a[href]::after { content: " <" attr(href) ">"; font-size: 0.85em; word-break: break-all; }
  @page { margin: 18mm 16mm; }
}
</style>
</head>
<body>
<h1 dir="auto">{{.Actor.Name}}</h1>
{{with .Actor.Description}}<p class="lede" dir="auto">{{.}}</p>{{end}}
<p class="profile">{{.Kind}}{{with .Actor.Aliases}} · also known as <span dir="auto">{{join . ", "}}</span>{{end}}{{with .Actor.Tags}} · tags: {{join . ", "}}{{end}}</p>
{{with .Actor.Notes}}<div class="note" dir="auto">{{.}}</div>{{end}}
<p class="scope{{if .Filtered}} warn{{end}}">{{.Scope}}</p>
{{if .Picture}}<h2>Graph</h2>
<figure class="graph">{{.Picture}}
<figcaption>{{.Notice}} {{.Legend}}</figcaption></figure>{{end}}
<h2>Relations</h2>
{{if .Unsourced}}<p class="warn">{{.Unsourced}} relation(s) below have no source filed.</p>{{end}}
{{if .Relations}}<ul class="relations">
{{range .Relations}}<li><span dir="auto">{{.Sentence}}</span>{{with .When}} <span class="when">— {{.}}</span>{{end}} <span class="conf">({{.Confidence}})</span>{{range .Notes}}<sup><a href="#src{{.}}" id="ref{{.}}">[{{.}}]</a></sup>{{end}}</li>
{{end}}</ul>{{else}}<p>No relations recorded.</p>{{end}}
{{if .Timeline}}<h2>Timeline</h2>
<table class="timeline">
{{range .Timeline}}<tr><td class="date">{{.When}}</td><td dir="auto">{{.Text}}</td></tr>
{{end}}</table>{{end}}
{{if .Notes}}<h2>Notes</h2>
{{range .Notes}}<div class="note" dir="auto">{{.}}</div>
{{end}}{{end}}
{{if .Sources}}<h2>Sources</h2>
<ol class="sources">
{{range .Sources}}<li id="src{{.N}}">{{with .Quote}}<span class="quote" dir="auto">“{{.}}”</span> — {{end}}<span dir="auto">{{.Title}}</span>{{with .Outlet}}, {{.}}{{end}}{{with .Date}}, {{.}}{{end}}{{with .URL}}, <a href="{{.}}">{{.}}</a>{{end}} <a href="#ref{{.N}}" aria-label="back">↩</a></li>
{{end}}</ol>{{end}}
<p class="profile">{{.MentionTotal}} article(s) in the project name {{.Actor.Name}}. Made with Dossier.</p>
</body>
</html>
`))

// WriteBriefingHTML writes d as one self-contained HTML page (no outside file, font or
// script) with print styles: the actor's profile, the scope, the ego graph as inline SVG
// with its notice, its relations as sentences with footnoted sources (quote, article,
// outlet, date, URL), the timeline and the notes.
func WriteBriefingHTML(w io.Writer, in Briefing) error {
	s := newStreamWriter(w)
	if err := briefingHTML.Execute(s.bw, newBriefing(in)); err != nil {
		return &app.Error{Code: app.EINTERNAL, Err: err, Message: "The briefing could not be written: " + err.Error() + "."}
	}
	return s.finish("HTML briefing")
}
