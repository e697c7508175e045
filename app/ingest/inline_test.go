package ingest

import (
	"strings"
	"testing"
)

func TestDropInlineData(t *testing.T) {
	big := strings.Repeat("QUJD", inlineDataMin/4+1)
	small := strings.Repeat("QUJD", 10)
	tests := []struct{ in, want string }{
		{`<p>No data here.</p>`, `<p>No data here.</p>`},
		{`<img src="data:image/png;base64,` + small + `">`, `<img src="data:image/png;base64,` + small + `">`},
		{`<img src="data:image/png;base64,` + big + `"><p>Text</p>`, `<img src="data:image/png;base64,"><p>Text</p>`},
		{`<img src='data:image/png;base64,` + big + `'>`, `<img src='data:image/png;base64,'>`},
		{`<style>a{background:url(data:font/woff2;base64,` + big + `)}</style>`, `<style>a{background:url(data:font/woff2;base64,)}</style>`},
		{`<img src="data:` + big + `"><img src="data:image/gif,` + big, `<img src="data:"><img src="data:image/gif,`},
		{`<p>The word data: comes up in text.</p>`, `<p>The word data: comes up in text.</p>`},
	}
	for _, tt := range tests {
		if got := dropInlineData(tt.in); got != tt.want {
			t.Errorf("dropInlineData(%.60q…) = %.80q…, want %.80q…", tt.in, got, tt.want)
		}
	}
}

// TestBigInlineImagePageParses: a saved page that is mostly one inline image is read for
// its article, the image left out.
func TestBigInlineImagePageParses(t *testing.T) {
	page := `<!doctype html><html><head><title>Harbour levy vote</title></head><body><article><h1>Harbour levy vote</h1>
<p>The council voted on Tuesday to raise the harbour levy by two per cent, the first rise in six years.</p>
<p>Opponents said the money would be better spent on the breakwater.</p><img alt="chart" src="data:image/png;base64,` +
		strings.Repeat("QUJD", 1<<20) + `"></article></body></html>`
	arts, err := Parse("levy.html", []byte(page))
	if err != nil || len(arts) != 1 {
		t.Fatalf("%d articles, %v", len(arts), err)
	}
	if !strings.Contains(arts[0].Body, "breakwater") || strings.Contains(arts[0].Body, "QUJD") {
		t.Errorf("body %.200q", arts[0].Body)
	}
}

// FuzzDropInlineData: the page never grows, and one without a long data: URI is left as
// it is.
func FuzzDropInlineData(f *testing.F) {
	f.Add(`<img src="data:image/png;base64,QUJD">`, 3)
	f.Add(`<p>data: and more data:</p>`, 0)
	f.Fuzz(func(t *testing.T, s string, repeat int) {
		if repeat > 0 && repeat < 20 {
			s = strings.Replace(s, "QUJD", strings.Repeat("QUJD", repeat<<12), 1)
		}
		got := dropInlineData(s)
		if len(got) > len(s) {
			t.Fatalf("grew: %d → %d", len(s), len(got))
		}
		if len(s) < inlineDataMin && got != s {
			t.Fatalf("changed a page with no long data: URI: %q → %q", s, got)
		}
	})
}
