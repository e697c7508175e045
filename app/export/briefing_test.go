package export_test

import (
	"bytes"
	"context"
	"fmt"
	"image"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"dossier/app"
	"dossier/app/export"
	"dossier/app/graph"
)

// TestBriefingHTML: Maliki's briefing is one self-contained page with print styles; it
// names every relation, and each source (quote, article, outlet, date, URL) has its
// footnote and each footnote its source.
func TestBriefingHTML(t *testing.T) {
	p := newExportProject(t)
	d, err := p.store.Dossier(context.Background(), p.maliki.ID, 0)
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := export.WriteBriefingHTML(&b, export.Briefing{Dossier: d}); err != nil {
		t.Fatal(err)
	}
	page := b.String()
	if regexp.MustCompile(`<(script|link|img|iframe)\b|@import|url\(`).MatchString(page) {
		t.Error("the briefing loads something from outside")
	}
	for _, want := range []string{"@media print", "<h1 dir=\"auto\">Nouri al-Maliki</h1>", "كتائب النخيل", "Timeline", "Sources"} {
		if !strings.Contains(page, want) {
			t.Errorf("briefing lacks %q", want)
		}
	}
	evidence := 0
	for _, r := range d.Relations {
		evidence += len(r.Evidence)
		for _, e := range r.Evidence {
			if e.ArticleURL != "" && !strings.Contains(page, `href="`+e.ArticleURL+`"`) {
				t.Errorf("source URL %s missing", e.ArticleURL)
			}
		}
	}
	refs := len(regexp.MustCompile(`id="ref\d+"`).FindAllString(page, -1))
	srcs := len(regexp.MustCompile(`<li id="src\d+"`).FindAllString(page, -1))
	if evidence == 0 || refs != evidence || srcs != evidence {
		t.Errorf("%d footnote marks and %d sources for %d pieces of evidence", refs, srcs, evidence)
	}
}

// TestBriefingPDFRenders: Maliki's PDF briefing renders with poppler's pdftoppm into
// pages that are not blank, embeds the DejaVu font, and one page holds the ego graph's
// picture: its ground (a large area of exactly its colour) with polarity-coloured edges on it.
func TestBriefingPDFRenders(t *testing.T) {
	if _, err := exec.LookPath("pdftoppm"); err != nil {
		t.Fatal("pdftoppm is not installed: install Debian's poppler-utils (make test-deps does)")
	}
	p := newExportProject(t)
	br, err := export.NewBriefing(context.Background(), p.store, p.maliki.ID, graph.Filter{})
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := export.WriteBriefingPDF(&b, br); err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(b.Bytes(), []byte("%PDF-")) || !bytes.Contains(b.Bytes(), []byte("/FontFile2")) {
		t.Fatalf("not a PDF with DejaVu embedded: %q", regexp.MustCompile(`/FontName /[^/ ]+`).FindAll(b.Bytes(), -1))
	}
	dir := t.TempDir()
	pdf := filepath.Join(dir, "maliki.pdf")
	os.WriteFile(pdf, b.Bytes(), 0o644)
	if out, err := exec.Command("pdftoppm", "-r", "60", "-png", pdf, filepath.Join(dir, "page")).CombinedOutput(); err != nil {
		t.Fatalf("pdftoppm: %v\n%s", err, out)
	}
	if keep := os.Getenv("DOSSIER_KEEP_BRIEFING"); keep != "" {
		os.WriteFile(keep+".pdf", b.Bytes(), 0o644)
		exec.Command("pdftoppm", "-r", "90", "-png", pdf, keep).Run()
	}
	pages, _ := filepath.Glob(filepath.Join(dir, "page*.png"))
	if len(pages) < 2 {
		t.Fatalf("%d pages rendered; the briefing with its sources is longer than a page", len(pages))
	}
	pictures := 0
	for _, pg := range pages {
		if ink := inked(t, pg); ink < 0.005 {
			t.Errorf("%s is blank (%.4f of pixels inked)", filepath.Base(pg), ink)
		}
		ground, edges := pictureInk(t, pg)
		if ground > 0.15 {
			pictures++
			if edges < 0.0005 {
				t.Errorf("%s holds the picture's ground but no coloured edge (%.5f)", filepath.Base(pg), edges)
			}
		}
	}
	if pictures != 1 {
		t.Errorf("%d pages hold the ego graph's picture, want 1", pictures)
	}
}

// pictureInk returns the share of a page's pixels in the picture's ground colour
// (244,247,252) and the share in the red or green of its edges.
func pictureInk(t *testing.T, path string) (ground, edges float64) {
	img := readPNG(t, path)
	var g, e, all int
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			r, gr, bl, _ := img.At(x, y).RGBA()
			r, gr, bl = r>>8, gr>>8, bl>>8
			all++
			switch {
			case r == 244 && gr == 247 && bl == 252:
				g++
			case (r > 150 && gr < 90 && bl < 90) || (gr > 90 && r < 90 && bl < 90):
				e++
			}
		}
	}
	return float64(g) / float64(all), float64(e) / float64(all)
}

func readPNG(t *testing.T, path string) image.Image {
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		t.Fatal(err)
	}
	return img
}

// inked returns the share of a PNG's pixels that are not near white.
func inked(t *testing.T, path string) float64 {
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		t.Fatal(err)
	}
	var dark, all int
	bounds := img.Bounds()
	for y := bounds.Min.Y; y < bounds.Max.Y; y++ {
		for x := bounds.Min.X; x < bounds.Max.X; x++ {
			r, g, bl, _ := img.At(x, y).RGBA()
			all++
			if r+g+bl < 3*0xC000 {
				dark++
			}
		}
	}
	return float64(dark) / float64(all)
}

// TestBriefingGraphSVG: the HTML briefing holds the actor's one-hop ego graph as inline
// SVG with one edge per relation drawn, each naming its relation; uncut, every relation
// of the dossier is drawn; cut, the picture says "Showing N of M relations"; filtered,
// the picture and the list agree and the page says which scope it holds.
func TestBriefingGraphSVG(t *testing.T) {
	ctx := context.Background()
	p := newExportProject(t)
	edgeIDs := func(page string) []string {
		var ids []string
		for _, m := range regexp.MustCompile(`<path class="edge" data-relation="(\d+)"`).FindAllStringSubmatch(page, -1) {
			ids = append(ids, m[1])
		}
		return ids
	}
	write := func(b export.Briefing) string {
		var buf bytes.Buffer
		if err := export.WriteBriefingHTML(&buf, b); err != nil {
			t.Fatal(err)
		}
		return buf.String()
	}
	relIDs := func(d app.Dossier) map[string]bool {
		m := map[string]bool{}
		for _, r := range d.Relations {
			m[strconv.FormatInt(r.ID, 10)] = true
		}
		return m
	}

	b, err := export.NewBriefing(ctx, p.store, p.maliki.ID, graph.Filter{})
	if err != nil {
		t.Fatal(err)
	}
	page := write(b)
	if n := strings.Count(page, "<svg"); n != 1 {
		t.Fatalf("%d SVG pictures in the briefing, want 1", n)
	}
	ids, want := edgeIDs(page), relIDs(b.Dossier)
	if len(ids) != len(b.Graph.Edges) || len(ids) != len(want) || len(want) < 3 {
		t.Errorf("%d edges drawn for %d graph edges and %d relations", len(ids), len(b.Graph.Edges), len(want))
	}
	for _, id := range ids {
		if !want[id] {
			t.Errorf("edge of relation %s, which is not in the dossier", id)
		}
		delete(want, id)
	}
	if len(want) > 0 {
		t.Errorf("relations not drawn: %v", want)
	}
	if !strings.Contains(page, `content="Everything in the dossier."`) {
		t.Error("the briefing does not say it holds the whole dossier")
	}

	// Cut: the picture says so, in the SVG itself.
	g, err := p.store.EgoGraph(ctx, p.maliki.ID, 1, graph.Filter{}, 2)
	if err != nil {
		t.Fatal(err)
	}
	graph.Layout(&g, 80, nil)
	b.Graph = &g
	page = write(b)
	notice := fmt.Sprintf("Showing 2 of %d relations", g.Total)
	if !regexp.MustCompile(`<text class="notice"[^>]*>` + notice).MatchString(page) {
		t.Errorf("the cut picture does not say %q", notice)
	}
	if n := len(edgeIDs(page)); n != 2 {
		t.Errorf("%d edges drawn in a picture cut to 2", n)
	}

	// Filtered: the same filter narrows the list and the picture.
	f := graph.Filter{Polarities: []app.Polarity{app.Conflictual}}
	b, err = export.NewBriefing(ctx, p.store, p.maliki.ID, f)
	if err != nil {
		t.Fatal(err)
	}
	page = write(b)
	ids, want = edgeIDs(page), relIDs(b.Dossier)
	if len(ids) != len(want) || len(want) == 0 || len(want) >= len(relIDs(mustDossier(t, p))) {
		t.Errorf("filtered: %d edges for %d relations", len(ids), len(want))
	}
	for _, id := range ids {
		if !want[id] {
			t.Errorf("filtered: edge of relation %s, which the filter leaves out", id)
		}
	}
	if !strings.Contains(page, "Only what the dossier’s filters keep: conflictual.") {
		t.Error("the filtered briefing does not say its scope")
	}
}

func mustDossier(t *testing.T, p *exportProject) app.Dossier {
	d, err := p.store.Dossier(context.Background(), p.maliki.ID, 0)
	if err != nil {
		t.Fatal(err)
	}
	return d
}
