package export_test

import (
	"bytes"
	"context"
	"image"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"dossier/app/export"
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
	if err := export.WriteBriefingHTML(&b, d); err != nil {
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
// pages that are not blank, and embeds the DejaVu font.
func TestBriefingPDFRenders(t *testing.T) {
	if _, err := exec.LookPath("pdftoppm"); err != nil {
		t.Fatal("pdftoppm is not installed: install Debian's poppler-utils (make test-deps does)")
	}
	p := newExportProject(t)
	d, err := p.store.Dossier(context.Background(), p.maliki.ID, 0)
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := export.WriteBriefingPDF(&b, d); err != nil {
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
	for _, pg := range pages {
		if ink := inked(t, pg); ink < 0.005 {
			t.Errorf("%s is blank (%.4f of pixels inked)", filepath.Base(pg), ink)
		}
	}
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

var _ image.Image
