package views

import (
	"bytes"
	"context"
	"encoding/csv"
	"fmt"
	"io"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"dossier/app"
	"dossier/db"
)

// dossierFixture is a small project about a standoff: Trump threatens Iraq, Iran
// threatens Trump, and an article that names all three.
type dossierFixture struct {
	u                 *UI
	st                *db.Store
	trump, iraq, iran app.Actor
	article           app.Article
	threat, counter   app.Relation
	routes            []route
}

const dossierBody = "Washington, 27 Jan. Donald Trump said on Tuesday that the United States could stop helping Iraq " +
	"if the former prime minister returned to office.\n\n" +
	"Officials in Iran answered on Jan. 28 that they would hold Trump responsible for any pressure on Baghdad."

func newDossierFixture(t *testing.T) *dossierFixture {
	t.Helper()
	u, st := newTestUI(t)
	f := &dossierFixture{u: u, st: st}
	f.trump = mustActor(t, st, "Donald Trump", app.Person, "Trump")
	f.iraq = mustActor(t, st, "Iraq", app.State)
	f.iran = mustActor(t, st, "Iran", app.State)
	f.article = mustArticle(t, st, "US warns Baghdad over choice of premier", "2026-01-29", dossierBody)
	ctx := context.Background()
	var err error
	f.threat, err = st.CreateRelation(ctx, app.Relation{SourceID: f.trump.ID, Type: "threatens", TargetID: f.iraq.ID,
		Start: "2026-01-27", Modality: app.Conditional,
		Evidence: []app.Evidence{{ArticleID: f.article.ID, Quote: "the United States could stop helping Iraq"}}})
	if err != nil {
		t.Fatal(err)
	}
	f.counter, err = st.CreateRelation(ctx, app.Relation{SourceID: f.iran.ID, Type: "threatens", TargetID: f.trump.ID,
		Start: "2026-01-28", Confidence: app.Alleged,
		Evidence: []app.Evidence{{ArticleID: f.article.ID, Quote: "they would hold Trump responsible"}}})
	if err != nil {
		t.Fatal(err)
	}
	// Navigation puts the dossier in the window the way the main window does.
	u.show = func(r route) {
		f.routes = append(f.routes, r)
		if r.screen == "dossier" {
			u.win.SetContent(u.dossier.content())
			if r.id != 0 {
				u.dossier.load(r.id)
			}
		}
	}
	return f
}

// open shows an actor's dossier through navigation.
func (f *dossierFixture) open(a app.Actor) *dossierScreen {
	f.u.openDossier(a.ID)
	return f.u.dossier
}

// dossierText gathers the text of everything laid out under o, one piece per line.
func dossierText(o fyne.CanvasObject) string {
	var b strings.Builder
	inFlow := map[*widget.RichText]bool{} // the rows of a flow, already read through it
	for _, obj := range test.LaidOutObjects(o) {
		switch w := obj.(type) {
		case *articleFlow:
			inFlow[w.rt] = true
			b.WriteString(w.String())
		case *widget.RichText:
			if inFlow[w] {
				continue
			}
			b.WriteString(w.String())
		case *widget.Label:
			b.WriteString(w.Text)
		case *widget.Button:
			b.WriteString(w.Text)
		case *widget.Hyperlink:
			b.WriteString(w.Text)
		case *widget.Check:
			b.WriteString(w.Text)
		case *canvas.Text:
			continue // already read through its widget
		default:
			continue
		}
		b.WriteByte('\n')
	}
	return b.String()
}

func mustContain(t *testing.T, text string, want ...string) {
	t.Helper()
	for _, w := range want {
		if !strings.Contains(text, w) {
			t.Errorf("missing %q in:\n%s", w, text)
		}
	}
}

// tapDialogButton taps the button labelled text in the top dialog.
func tapDialogButton(t *testing.T, w fyne.Window, text string) {
	t.Helper()
	top := w.Canvas().Overlays().Top()
	if top == nil {
		t.Fatalf("no dialog open to tap %q in", text)
	}
	for _, o := range test.LaidOutObjects(top) {
		if b, ok := o.(*widget.Button); ok && b.Text == text {
			test.Tap(b)
			return
		}
	}
	t.Fatalf("no %q button in the dialog:\n%s", text, dossierText(top))
}

func TestDossierShowsBothDirections(t *testing.T) {
	f := newDossierFixture(t)
	ctx := context.Background()
	if _, err := f.st.CreateNote(ctx, app.Note{ActorID: f.trump.ID, Body: "**Watch** the talks in February."}); err != nil {
		t.Fatal(err)
	}
	s := f.open(f.trump)
	if s.shown != f.trump.ID {
		t.Fatalf("shown = %d, want %d", s.shown, f.trump.ID)
	}
	text := dossierText(s.content())
	mustContain(t, text,
		"Donald Trump", "person", "also: Trump",
		// The event's date, then the day the article reported it.
		"threatens Iraq (conditional) — 27 Jan 2026 (reported 29 Jan 2026)",
		"is threatened by Iran — 28 Jan 2026 (reported 29 Jan 2026) · alleged",
		"Reported by Test Wire, “US warns Baghdad over choice of premier”",
		"“the United States could stop helping Iraq”",
		"Articles mentioning Donald Trump",
		"US warns Baghdad over choice of premier",
		"Donald Trump said on Tuesday",
		"Most linked with", "1 relation",
		"Notes", "Watch the talks in February.",
		"Timeline", "Donald Trump threatens Iraq (conditional)",
	)
	if got := len(s.relRows); got != 2 {
		t.Fatalf("%d relation rows, want 2", got)
	}
	verbs := map[string]string{}
	for _, r := range s.relRows {
		verbs[r.counterpart.Text] = r.rel.Verb
	}
	if verbs["Iraq"] != "threatens" || verbs["Iran"] != "is threatened by" {
		t.Errorf("verbs by counterpart = %v", verbs)
	}
}

func TestDossierMentionHighlightsName(t *testing.T) {
	f := newDossierFixture(t)
	s := f.open(f.trump)
	var found bool
	for _, o := range test.LaidOutObjects(s.content()) {
		f, ok := o.(*articleFlow)
		if !ok || !strings.Contains(f.String(), "said on Tuesday") {
			continue
		}
		for _, seg := range f.Segments {
			if ts, ok := seg.(*widget.TextSegment); ok && ts.Text == "Donald Trump" && ts.Style.TextStyle.Bold {
				found = true
			}
		}
	}
	if !found {
		t.Error("the mention sentence does not pick out “Donald Trump” in bold")
	}
}

func TestDossierNavigation(t *testing.T) {
	f := newDossierFixture(t)
	s := f.open(f.trump)
	var iraqRow *dossierRelationRow
	for _, r := range s.relRows {
		if r.rel.CounterpartID == f.iraq.ID {
			iraqRow = r
		}
	}
	if iraqRow == nil {
		t.Fatal("no row for Iraq")
	}
	// Tap the link the way a user does: find the hyperlink the rich text draws.
	var link *widget.Hyperlink
	for _, o := range test.LaidOutObjects(s.content()) {
		if h, ok := o.(*widget.Hyperlink); ok && h.Text == "Iraq" {
			link = h
			break
		}
	}
	if link == nil {
		t.Fatal("no Iraq link on screen")
	}
	test.TapAt(link, fyne.NewPos(link.Size().Width/2, link.Size().Height/2))
	if cur := *f.u.history.current; cur != (route{screen: "dossier", id: f.iraq.ID}) {
		t.Fatalf("after tapping Iraq the route is %+v", cur)
	}
	if s.d.Actor.ID != f.iraq.ID {
		t.Fatalf("the dossier shows %q, want Iraq", s.d.Actor.Name)
	}
	mustContain(t, dossierText(s.content()), "is threatened by Donald Trump")

	f.u.goBack()
	if s.d.Actor.ID != f.trump.ID || f.u.history.current.id != f.trump.ID {
		t.Fatalf("Back shows %q (route %+v), want Donald Trump", s.d.Actor.Name, *f.u.history.current)
	}
	f.u.goForward()
	if s.d.Actor.ID != f.iraq.ID {
		t.Fatalf("Forward shows %q, want Iraq", s.d.Actor.Name)
	}
}

func TestDossierSourceOpensArticleAtQuote(t *testing.T) {
	f := newDossierFixture(t)
	s := f.open(f.trump)
	for _, r := range s.relRows {
		if r.rel.ID != f.threat.ID {
			continue
		}
		test.Tap(r.sources[0])
		cur := *f.u.history.current
		ev := f.threat.Evidence[0]
		want := route{screen: "article", id: f.article.ID, span: [2]int{ev.Start, ev.End}}
		if cur != want || ev.Start <= 0 {
			t.Fatalf("route %+v, want %+v", cur, want)
		}
		return
	}
	t.Fatal("no row for the threat")
}

func TestDossierEmptyStates(t *testing.T) {
	f := newDossierFixture(t)
	lone := mustActor(t, f.st, "Zaynab Quietly", app.Person)
	s := f.open(lone)
	mustContain(t, dossierText(s.content()),
		"No relations yet — select a quote in an article and choose New relation from quote, or press New relation.",
		"No filed article names Zaynab Quietly yet",
		"No notes yet", "Nothing dated yet", "0 relations · named in no article yet")

	// No actor chosen: the screen says what to do.
	s.load(0)
	mustContain(t, dossierText(s.content()), "Choose an actor to read its dossier")
	if s.empty == nil || s.empty.OnTapped == nil {
		t.Fatal("the empty state has no button to choose an actor")
	}

	// A project switch resets actorID; the old dossier must not linger.
	s.load(f.trump.ID)
	s.actorID = 0
	if strings.Contains(dossierText(s.content()), "Donald Trump") {
		t.Error("the dossier of the previous project is still shown")
	}
}

func TestDossierMissingActor(t *testing.T) {
	u, _ := newTestUI(t)
	u.dossier.load(4242)
	mustContain(t, dossierText(u.dossier.content()), "Choose another actor")
}

func TestDossierExportCSV(t *testing.T) {
	for _, bom := range []bool{true, false} {
		t.Run(fmt.Sprintf("bom=%v", bom), func(t *testing.T) {
			f := newDossierFixture(t)
			s := f.open(f.trump)
			f.u.win.SetContent(s.content())
			var buf bytes.Buffer
			var name string
			s.saveCSV = func(suggested string, write func(io.Writer) error) {
				name = suggested
				if err := write(&buf); err != nil {
					t.Fatal(err)
				}
			}
			s.exportCSV()
			if !bom {
				var check *keyCheck
				for _, o := range test.LaidOutObjects(f.u.win.Canvas().Overlays().Top()) {
					if c, ok := o.(*keyCheck); ok {
						check = c
					}
				}
				if check == nil || !check.Checked {
					t.Fatal("no byte-order mark check, on by default")
				}
				test.Tap(check)
			}
			tapDialogButton(t, f.u.win, "Choose file…")
			if name != "dossier-donald-trump.csv" {
				t.Errorf("suggested name %q", name)
			}
			data := buf.Bytes()
			if got := bytes.HasPrefix(data, []byte("\uFEFF")); got != bom {
				t.Errorf("byte-order mark written = %v, want %v", got, bom)
			}
			records, err := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(data, []byte("\uFEFF")))).ReadAll()
			if err != nil {
				t.Fatal(err)
			}
			if got := strings.Join(records[0][:5], ","); got != "kind,date,relation,direction,counterpart" {
				t.Fatalf("header starts %q", got)
			}
			if s.exportedRows != len(records)-1 {
				t.Errorf("counted %d rows, the file has %d", s.exportedRows, len(records)-1)
			}
			rels := map[string]string{}
			for _, rec := range records[1:] {
				if rec[0] == "relation" {
					rels[rec[4]] = rec[2] + "/" + rec[3]
				}
			}
			if rels["Iraq"] != "threatens/outgoing" || rels["Iran"] != "is threatened by/incoming" {
				t.Errorf("relation rows by counterpart: %v", rels)
			}
		})
	}
}

func TestDossierExportWithoutActor(t *testing.T) {
	u, _ := newTestUI(t)
	called := false
	u.dossier.saveCSV = func(string, func(io.Writer) error) { called = true }
	u.dossier.exportCSV()
	if called {
		t.Fatal("export ran with no dossier open")
	}
	top := u.win.Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("nothing told the user to open a dossier first")
	}
	mustContain(t, dossierText(top), "Open an actor’s dossier first")
}

func TestDossierDeleteRelation(t *testing.T) {
	f := newDossierFixture(t)
	s := f.open(f.trump)
	f.u.win.SetContent(s.content())
	var row *dossierRelationRow
	for _, r := range s.relRows {
		if r.rel.ID == f.threat.ID {
			row = r
		}
	}
	test.Tap(row.del)
	mustContain(t, dossierText(f.u.win.Canvas().Overlays().Top()), "Delete “Donald Trump threatens Iraq (conditional)” and its 1 source?")
	tapDialogButton(t, f.u.win, "Delete")
	if _, err := f.st.Relation(context.Background(), f.threat.ID); !app.IsCode(err, app.ENOTFOUND) {
		t.Fatalf("relation still stored (err %v)", err)
	}
	if len(s.relRows) != 1 {
		t.Errorf("%d rows after the delete, want 1", len(s.relRows))
	}
}

func TestDossierNotes(t *testing.T) {
	f := newDossierFixture(t)
	s := f.open(f.trump)
	f.u.win.SetContent(s.content())
	s.editNote(app.Note{ActorID: f.trump.ID})
	ed := s.noteEditor

	// An empty note is refused and the dialog stays.
	test.Tap(ed.save)
	if !ed.problem.Visible() || ed.problem.Text == "" {
		t.Fatal("saving an empty note shows no problem")
	}
	if f.u.win.Canvas().Overlays().Top() == nil {
		t.Fatal("the note dialog closed on an error")
	}

	test.Type(ed.entry, "Denies any *deal* with Baghdad.")
	test.Tap(ed.save)
	notes, err := f.st.ActorNotes(context.Background(), f.trump.ID)
	if err != nil || len(notes) != 1 || notes[0].Body != "Denies any *deal* with Baghdad." {
		t.Fatalf("notes %+v, err %v", notes, err)
	}
	mustContain(t, dossierText(s.content()), "Denies any deal with Baghdad.", "1 note")

	// Edit it.
	s.editNote(notes[0])
	s.noteEditor.entry.SetText("Denies any deal.")
	test.Tap(s.noteEditor.save)
	notes, _ = f.st.ActorNotes(context.Background(), f.trump.ID)
	if len(notes) != 1 || notes[0].Body != "Denies any deal." {
		t.Fatalf("after editing: %+v", notes)
	}
}

func TestDossierCapsRelations(t *testing.T) {
	u, _ := newTestUI(t)
	d := app.Dossier{Actor: app.Actor{ID: 1, Name: "Busy", Kind: app.State}, RelationTotal: 5000}
	for i := range 420 {
		verb := "supports"
		if i%3 == 0 {
			verb = "criticises"
		}
		d.Relations = append(d.Relations, app.DossierRelation{
			Relation: app.Relation{ID: int64(i + 1), Start: "2026-01-01"},
			Verb:     verb, CounterpartID: int64(1000 + i), CounterpartName: fmt.Sprintf("Actor %d", i),
		})
	}
	// The store orders by verb; keep that promise.
	var sorted []app.DossierRelation
	for _, v := range []string{"criticises", "supports"} {
		for _, r := range d.Relations {
			if r.Verb == v {
				sorted = append(sorted, r)
			}
		}
	}
	d.Relations = sorted
	u.dossier.actorID = 1
	u.win.SetContent(u.dossier.content())
	u.dossier.render(d)
	if n := len(u.dossier.relRows); n > dossierRelationsPage {
		t.Fatalf("built %d relation rows at first, page is %d", n, dossierRelationsPage)
	}
	// Show more until the cap, counting the taps.
	taps := 0
	for ; taps < 20; taps++ {
		more := findButton(u.dossier.content(), "Show more relations")
		if more == nil {
			break
		}
		before := len(u.dossier.relRows)
		test.Tap(more)
		if len(u.dossier.relRows) <= before {
			t.Fatalf("Show more went from %d to %d rows", before, len(u.dossier.relRows))
		}
	}
	if n := len(u.dossier.relRows); n > dossierMaxRelations || n < dossierMaxRelations-2 || taps == 0 {
		t.Fatalf("after %d taps, %d relation rows; cap is %d", taps, n, dossierMaxRelations)
	}
	mustContain(t, dossierText(u.dossier.content()), "more relations not shown here (export CSV to see all)", "criticises Actor 0", "supports Actor 1",
		"and 120 more “supports”",
		"Relations  5,000", "showing the newest 420 of 5,000 (export CSV to see all)", "5,000 relations · named in no article yet")

	// Reloading the same actor keeps what was expanded.
	u.dossier.render(d)
	if n := len(u.dossier.relRows); n < dossierMaxRelations-2 {
		t.Errorf("a reload collapsed the relations to %d rows", n)
	}
}

// findButton returns the first button under o whose label starts with prefix.
func findButton(o fyne.CanvasObject, prefix string) *widget.Button {
	for _, obj := range test.LaidOutObjects(o) {
		if b, ok := obj.(*widget.Button); ok && strings.HasPrefix(b.Text, prefix) {
			return b
		}
	}
	return nil
}

func TestDossierGrowsMentionsAndTimeline(t *testing.T) {
	u, _ := newTestUI(t)
	d := app.Dossier{Actor: app.Actor{ID: 1, Name: "Busy", Kind: app.State}, MentionTotal: 500}
	for i := range 200 {
		date := app.Date(fmt.Sprintf("2025-%02d-%02d", 1+i%12, 1+i%28))
		d.Mentions = append(d.Mentions, app.DossierMention{ArticleID: int64(i + 1), Title: fmt.Sprintf("Report %d", i), Date: date,
			Sentence: "Busy did something.", Start: 0, End: 4})
		d.Timeline = append(d.Timeline, app.TimelineEntry{Date: date, Kind: "article", Text: fmt.Sprintf("Report %d", i), ArticleID: int64(i + 1)},
			app.TimelineEntry{Date: date, Kind: "article", Text: fmt.Sprintf("Echo %d", i), ArticleID: int64(i + 1)})
	}
	u.dossier.actorID = 1
	u.win.SetContent(u.dossier.content())
	u.dossier.render(d)
	text := dossierText(u.dossier.content())
	mustContain(t, text, "showing the newest 200 of 500", "Report 29", "Show more articles (170 not shown)", "Show earlier events (340 not shown)")
	if strings.Contains(text, "Report 30\n") {
		t.Error("more than a page of articles built at first")
	}
	test.Tap(findButton(u.dossier.content(), "Show more articles"))
	mustContain(t, dossierText(u.dossier.content()), "Report 59", "Show more articles (140 not shown)")
	for findButton(u.dossier.content(), "Show earlier events") != nil {
		test.Tap(findButton(u.dossier.content(), "Show earlier events"))
	}
	mustContain(t, dossierText(u.dossier.content()), "Showing the latest 300 of 400 events (export CSV to see all).")
}

func TestDossierGroupCap(t *testing.T) {
	for _, tc := range []struct {
		sizes []int
		limit int
		want  int
	}{
		{[]int{3, 2}, 300, 3},
		{[]int{280, 140}, 300, 160},
		{[]int{1000}, 300, 300},
		{[]int{10, 10, 10}, 2, 1},
		{nil, 300, 0},
	} {
		if got := dossierGroupCap(tc.sizes, tc.limit); got != tc.want {
			t.Errorf("dossierGroupCap(%v, %d) = %d, want %d", tc.sizes, tc.limit, got, tc.want)
		}
	}
}

func TestDossierHighlight(t *testing.T) {
	for _, tc := range []struct {
		sentence   string
		start, end int
		want       string // the bold part
	}{
		{"Then al-Mālikī spoke.", 5, 14, "al-Mālikī"},
		{"Trump left.", 0, 5, "Trump"},
		{"short", 2, 99, ""},
		{"short", -1, 2, ""},
		{"", 0, 0, ""},
	} {
		got := ""
		for _, s := range dossierHighlight(tc.sentence, tc.start, tc.end) {
			if ts := s.(*widget.TextSegment); ts.Style.TextStyle.Bold {
				got = ts.Text
			}
		}
		if got != tc.want {
			t.Errorf("dossierHighlight(%q, %d, %d) picks %q, want %q", tc.sentence, tc.start, tc.end, got, tc.want)
		}
	}
}

func TestDossierFileName(t *testing.T) {
	for name, want := range map[string]string{
		"Donald Trump":        "dossier-donald-trump.csv",
		"Nouri al-Mālikī":     "dossier-nouri-al-maliki.csv",
		"  ../etc/passwd  ":   "dossier-etc-passwd.csv",
		"???":                 "dossier-actor.csv",
		"حزب الدعوة":          "dossier-حزب-الدعوة.csv",
		"U.S. State Dept: HQ": "dossier-u-s-state-dept-hq.csv",
	} {
		if got := dossierFileName(name); got != want {
			t.Errorf("dossierFileName(%q) = %q, want %q", name, got, want)
		}
	}
}

func TestDossierRecordCounter(t *testing.T) {
	for _, tc := range []struct {
		data string
		want int
	}{
		{"a,b\r\n1,2\r\n", 2},
		{"a\r\n\"x\r\ny\",\"he said \"\"hi\"\"\"\r\n", 2},
		{"", 0},
		{"a\n", 0},
	} {
		// One byte at a time, so a CRLF split across writes still counts.
		c := &dossierRecordCounter{w: io.Discard}
		for i := range len(tc.data) {
			c.Write([]byte{tc.data[i]})
		}
		if c.records != tc.want {
			t.Errorf("%q: %d records, want %d", tc.data, c.records, tc.want)
		}
	}
}

func TestDossierThousands(t *testing.T) {
	for n, want := range map[int]string{0: "0", 999: "999", 1000: "1,000", 1234567: "1,234,567", -4500: "-4,500"} {
		if got := dossierThousands(n); got != want {
			t.Errorf("dossierThousands(%d) = %q, want %q", n, got, want)
		}
	}
}

func FuzzDossierHighlight(f *testing.F) {
	f.Add("Then al-Mālikī spoke.", 5, 14)
	f.Add("", 0, 0)
	f.Add("\xff\xfe", 0, 1)
	f.Fuzz(func(t *testing.T, s string, start, end int) {
		var b strings.Builder
		for _, seg := range dossierHighlight(s, start, end) {
			b.WriteString(seg.Textual())
		}
		if b.String() != string([]rune(s)) {
			t.Fatalf("the segments of %q read %q", s, b.String())
		}
	})
}
