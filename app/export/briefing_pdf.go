package export

import (
	"fmt"
	"io"
	"strings"

	"codeberg.org/go-pdf/fpdf"

	"dossier/app"
	"dossier/assets/fonts"
)

// The PDF briefing is made with codeberg.org/go-pdf/fpdf v0.12.0, the maintained fork of
// jung-kurt/gofpdf, with DejaVu Sans embedded (assets/fonts), so names in Latin
// (Turkish ı included), Cyrillic and Arabic all render; Arabic is shaped by shapeRTL.

const (
	pdfFont   = "DejaVu"
	pdfMargin = 18.0 // mm
)

// WriteBriefingPDF writes in as an A4 PDF briefing with the same content as the HTML one:
// profile, scope, the ego graph picture, relations with footnote numbers, timeline, notes, and the numbered sources
// (quote, article, outlet, date, URL), with page numbers in the footer.
func WriteBriefingPDF(w io.Writer, in Briefing) error {
	d := in.Dossier
	b := newBriefing(in)
	pdf := fpdf.New("P", "mm", "A4", "")
	pdf.SetTitle(BriefingTitle(d.Actor), true)
	pdf.SetCreator("Dossier", true)
	// The scope is in the document's metadata too, so a reader of the file can tell.
	pdf.SetSubject(b.Scope, true)
	pdf.AddUTF8FontFromBytes(pdfFont, "", fonts.Regular)
	pdf.AddUTF8FontFromBytes(pdfFont, "B", fonts.Bold)
	pdf.SetMargins(pdfMargin, pdfMargin, pdfMargin)
	pdf.SetAutoPageBreak(true, pdfMargin)
	pdf.AliasNbPages("{nb}")
	pdf.SetFooterFunc(func() {
		pdf.SetY(-12)
		pdf.SetFont(pdfFont, "", 8)
		pdf.SetTextColor(110, 110, 110)
		pdf.CellFormat(0, 5, shapeRTL(BriefingTitle(d.Actor))+fmt.Sprintf(" — page %d of {nb}", pdf.PageNo()), "", 0, "C", false, 0, "")
	})
	pdf.AddPage()
	p := pdfWriter{pdf}

	pdf.SetTextColor(17, 17, 17)
	p.para("B", 22, 10, b.Actor.Name)
	if b.Actor.Description != "" {
		p.para("", 13, 6.5, b.Actor.Description)
	}
	profile := b.Kind
	if len(b.Actor.Aliases) > 0 {
		profile += " · also known as " + strings.Join(b.Actor.Aliases, ", ")
	}
	if len(b.Actor.Tags) > 0 {
		profile += " · tags: " + strings.Join(b.Actor.Tags, ", ")
	}
	pdf.SetTextColor(70, 70, 70)
	p.para("", 10, 5, profile)
	pdf.SetTextColor(17, 17, 17)
	if b.Actor.Notes != "" {
		p.para("", 10, 5, b.Actor.Notes)
	}
	if b.Filtered {
		pdf.Ln(1)
		p.para("B", 10, 5, b.Scope)
	}
	if in.Graph != nil {
		p.picture(in.Graph)
	}

	p.heading("Relations")
	if b.Unsourced > 0 {
		p.para("B", 10, 5, fmt.Sprintf("%d relation(s) below have no source filed.", b.Unsourced))
	}
	if len(b.Relations) == 0 {
		p.para("", 10.5, 5.5, "No relations recorded.")
	}
	for _, r := range b.Relations {
		pdf.SetFont(pdfFont, "", 10.5)
		pdf.Write(5.5, "•  "+shapeRTL(r.Sentence))
		pdf.SetTextColor(85, 85, 85)
		if r.When != "" {
			pdf.Write(5.5, " — "+r.When)
		}
		pdf.Write(5.5, " ("+shapeRTL(r.Confidence)+")")
		pdf.SetTextColor(17, 17, 17)
		for _, n := range r.Notes {
			pdf.SubWrite(5.5, fmt.Sprintf("[%d]", n), 7, 2.5, 0, "")
		}
		pdf.Ln(7)
	}

	if len(b.Timeline) > 0 {
		p.heading("Timeline")
		for _, e := range b.Timeline {
			pdf.SetFont(pdfFont, "", 9.5)
			pdf.SetTextColor(85, 85, 85)
			pdf.CellFormat(30, 5, e.When, "", 0, "L", false, 0, "")
			pdf.SetTextColor(17, 17, 17)
			pdf.MultiCell(0, 5, shapeRTL(e.Text), "", "L", false)
		}
	}
	if len(b.Notes) > 0 {
		p.heading("Notes")
		for _, n := range b.Notes {
			p.para("", 10, 5, n)
			pdf.Ln(1.5)
		}
	}
	if len(b.Sources) > 0 {
		p.heading("Sources")
		for _, s := range b.Sources {
			var cite []string
			for _, part := range []string{s.Title, s.Outlet, s.Date} {
				if part != "" {
					cite = append(cite, part)
				}
			}
			text := fmt.Sprintf("[%d] ", s.N)
			if s.Quote != "" {
				text += "“" + s.Quote + "” — "
			}
			text += strings.Join(cite, ", ")
			p.para("", 9.5, 4.8, text)
			if s.URL != "" {
				pdf.SetFont(pdfFont, "", 8.5)
				pdf.SetTextColor(30, 60, 150)
				pdf.SetX(pdfMargin + 6)
				pdf.MultiCell(0, 4.5, s.URL, "", "L", false)
				pdf.SetTextColor(17, 17, 17)
			}
			pdf.Ln(1.2)
		}
	}
	pdf.Ln(3)
	pdf.SetTextColor(110, 110, 110)
	p.para("", 8.5, 4.5, fmt.Sprintf("%d article(s) in the project name %s. Made with Dossier.", b.MentionTotal, b.Actor.Name))
	if err := pdf.Output(w); err != nil {
		return &app.Error{Code: app.EINTERNAL, Err: err, Message: "The PDF briefing could not be written: " + err.Error() + "."}
	}
	return nil
}

type pdfWriter struct{ *fpdf.Fpdf }

// para writes a paragraph, shaping right-to-left text line by line so that each line
// reads in order.
func (p pdfWriter) para(style string, size, lineHeight float64, text string) {
	p.SetFont(pdfFont, style, size)
	for _, line := range strings.Split(text, "\n") {
		p.MultiCell(0, lineHeight, shapeRTL(line), "", "L", false)
	}
}

// heading starts a section, on a new page when fewer than a few lines are left, so a
// heading never ends a page alone.
func (p pdfWriter) heading(text string) {
	_, pageHeight := p.GetPageSize()
	if p.GetY() > pageHeight-pdfMargin-30 {
		p.AddPage()
	}
	p.Ln(4)
	p.SetFont(pdfFont, "B", 14)
	p.CellFormat(0, 8, text, "B", 1, "L", false, 0, "")
	p.Ln(2)
}
