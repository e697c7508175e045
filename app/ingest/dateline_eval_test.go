package ingest

import (
	"testing"

	"dossier/app"
)

// datelineBatch is a fresh batch of invented openings, written before the dateline
// detector was changed for issue 7 and kept as it was written: it measures the
// detector on text it was not fitted to. Each is a headline, a blank line and the first
// paragraph, the way a pasted article arrives.
var datelineBatch = []struct {
	text string
	date app.Date
}{
	{"Ferry talks stall\n\nOSLO (Nordwire) — March 3, 2026 — Negotiators left the table after midnight.", "2026-03-03"},
	{"Ferry talks stall\n\nBERGEN (Nordwire) – March 4, 2026 – The union said it would wait.", "2026-03-04"},
	{"Grain convoy delayed\n\nODESA (Black Sea Desk) - 12 April 2026 - Trucks queued at the border.", "2026-04-12"},
	{"Mayor resigns\n\nLYON (Rhône Press), May 9, 2026 — The mayor stepped down on Friday.", "2026-05-09"},
	{"Court blocks merger\n\nSANTIAGO (Andes Wire) — Jan. 20, 2026 — A court halted the deal.", "2026-01-20"},
	{"Storm cuts power\n\nHALIFAX, Nova Scotia (Coastal News) — Feb 2, 2026 — Thousands were without power.", "2026-02-02"},
	{"Strike ends\n\nGDANSK (Baltic Report) -- June 30, 2026 -- Dock workers returned.", "2026-06-30"},
	{"Vote recount ordered\n\nACCRA (West Africa Service), 7 July 2026 – Officials ordered a recount.", "2026-07-07"},
	{"Bridge reopens\n\nPORTO (Iberia Daily) — Tuesday, August 11, 2026 — The bridge reopened to traffic.", "2026-08-11"},
	{"Talks resume\n\nNAIROBI, Kenya (East Desk) — September 15, 2026: Envoys met again.", "2026-09-15"},
	{"Rail fares rise\n\nLEEDS (Northern Post) — 1 October 2026 — Fares will rise by 4 per cent.", "2026-10-01"},
	{"Airport expansion approved\n\nMONTREAL (Laurentian Wire) — Nov. 23, 2026 — The board approved the plan.", "2026-11-23"},
}

// TestDatelineBatch reports the share of the batch whose date is found, and fails below
// the floor reached when it was written (issue 7: 12 of 12 after the change, 0 before).
func TestDatelineBatch(t *testing.T) {
	found := 0
	for _, tt := range datelineBatch {
		a := FromText(tt.text)
		if a.Date == tt.date {
			found++
		} else {
			t.Logf("missed %q: got %q, want %q", tt.text[:40], a.Date, tt.date)
		}
	}
	t.Logf("dates found: %d of %d", found, len(datelineBatch))
	if found < len(datelineBatch) {
		t.Errorf("dates found in %d of %d openings", found, len(datelineBatch))
	}
}

// dateBatch2 is a second batch, of varied date lines and datelines, written after the
// change above and measured before anything was fitted to it: 7 of 12 on the detector
// before issue 7, 11 of 12 after the dateline change alone (the miss: "Last updated:" with
// a time written 08.30), 12 of 12 once that was taught.
var dateBatch2 = []struct {
	text string
	date app.Date
}{
	{"Port reopens\nUpdated 14 March 2026, 10:02 GMT\n\nThe port reopened after a week.", "2026-03-14"},
	{"Port reopens\n\nROTTERDAM, March 14 (Harbour Wire) - The port reopened after a week.", ""}, // no year: not a full date
	{"Port reopens\nSaturday 14 March 2026\n\nThe port reopened after a week.", "2026-03-14"},
	{"Port reopens\nBy Lena Vos\n14/03/2026\n\nThe port reopened after a week.", "2026-03-14"},
	{"Port reopens\nPosted on March 14, 2026 at 9:15 am\n\nThe port reopened after a week.", "2026-03-14"},
	{"Port reopens\n\nROTTERDAM, Netherlands, March 14, 2026 (Harbour Wire) — The port reopened.", "2026-03-14"},
	{"Port reopens\n\nROTTERDAM — 14.03.2026 — The port reopened after a week.", "2026-03-14"},
	{"Port reopens\nMarch 14th, 2026\n\nThe port reopened after a week.", "2026-03-14"},
	{"Port reopens\nLena Vos | 14 March 2026\n\nThe port reopened after a week.", ""}, // no "By", no metadata: not read as a byline
	{"Port reopens\n2026-03-14T08:30:00Z\n\nThe port reopened after a week.", "2026-03-14"},
	{"Port reopens\n\nTHE HAGUE (Harbour Wire) — Saturday, 14 March 2026 — The port reopened.", "2026-03-14"},
	{"Port reopens\nLast updated: Sat 14 Mar 2026 08.30 CET\n\nThe port reopened after a week.", "2026-03-14"},
}

func TestDateBatch2(t *testing.T) {
	found := 0
	for _, tt := range dateBatch2 {
		a := FromText(tt.text)
		if a.Date == tt.date {
			found++
		} else {
			t.Logf("missed %q: got %q, want %q", tt.text, a.Date, tt.date)
		}
	}
	t.Logf("right: %d of %d", found, len(dateBatch2))
	if found < len(dateBatch2) {
		t.Errorf("right in %d of %d", found, len(dateBatch2))
	}
}
