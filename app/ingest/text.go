package ingest

import (
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"dossier/app"
)

// Limits of the heuristics that read the top of a text.
const (
	maxHeadline   = 200 // a longer first line is a paragraph, not a headline
	maxHeaderRows = 6   // title, dateline, date and byline sit within the first few lines
	maxDateLine   = 60
	maxCityWords  = 4
	maxCityLen    = 40
)

// FromText makes an article of pasted or plain text. The first line that looks like a
// headline (short, not ending like a sentence) becomes the title and the rest the body.
// Lines just below it may give the dateline ("ANKARA, Feb. 11, 2026"), the date alone, or
// a byline ("By Jane Doe"); they are taken out of the body. A dateline that opens the
// first paragraph ("BAGHDAD (Reuters) — …") is recognised too but left in the text.
func FromText(text string) app.Article {
	var a app.Article
	fromLines(&a, strings.Split(cleanText(strings.TrimPrefix(text, "\uFEFF")), "\n"), nil)
	a.Normalize()
	return a
}

// fromLines reads the header rows of lines into a and makes the rest its body. heading
// marks the lines that were headings in the source (Markdown): a heading can be a title
// and is never a dateline. When a already has a title (from front matter or a page's
// metadata), a first line that only repeats it is dropped.
func fromLines(a *app.Article, lines []string, heading []bool) {
	isHeading := func(i int) bool { return i < len(heading) && heading[i] }
	known := a.Title
	start := -1 // first non-empty line, for the fallback body
	i, rows := 0, 0
scan:
	for ; i < len(lines) && rows < maxHeaderRows; i++ {
		l := strings.TrimSpace(lines[i])
		if l == "" {
			continue
		}
		if start < 0 {
			start = i
		}
		rows++
		switch {
		case a.Title == "":
			if d, ok := dateLine(l); ok && !isHeading(i) {
				a.Date = d
				continue
			}
			if !isHeading(i) && !looksLikeHeadline(l) {
				break scan
			}
			a.Title = l
		case rows == 1 && known != "" && app.Fold(l) == app.Fold(known):
			// the text repeats the title it was given as its first line
		case isHeading(i):
			break scan
		default:
			if !readMetaLine(a, l) {
				break scan
			}
		}
	}
	a.Body = strings.Trim(strings.Join(lines[i:], "\n"), "\n")
	if strings.TrimSpace(a.Body) == "" && start >= 0 {
		// everything was header: keep the text as the body rather than file nothing
		a.Body = strings.Join(lines[start:], "\n")
	}
	if a.Dateline == "" {
		inlineDateline(a)
	}
}

// readMetaLine takes l as the dateline, the date or the byline when it is one of them
// and that field is still empty (or already says the same), and reports whether it did.
func readMetaLine(a *app.Article, l string) bool {
	if a.Dateline == "" {
		if place, d, ok := dateline(l); ok {
			a.Dateline = place
			if d != "" && a.Date == "" {
				a.Date = d
			}
			return true
		}
	}
	if d, ok := dateLine(l); ok && (a.Date == "" || a.Date == d) {
		a.Date = d
		return true
	}
	// A byline, perhaps with the date: taken when it says no more than the fields do
	// (or fills them), so a page's "By A. Writer · March 4, 2026" under its headline
	// leaves the text once the metadata has both.
	if who, d, by, ok := datedByline(l); ok && (by || a.Author != "" && d != "") &&
		sameAuthors(a.Author, who) && (d == "" || a.Date == "" || a.Date == d) {
		if a.Author == "" {
			a.Author = who
		}
		if a.Date == "" {
			a.Date = d
		}
		return true
	}
	return false
}

// bylineSeps are what pages put between the writer's name and the date in a byline.
var bylineSeps = []string{" · ", " • ", " | ", " — ", " – ", " - ", ", ", " on "}

// datedByline reads a byline with or without a date: "By Jane Doe", "By A. Writer ·
// March 4, 2026", "By Jane Doe, Reuters | Published: 4 March 2026", and, without the
// "By" (by false), a name and a date: "A. Writer · March 4, 2026".
func datedByline(l string) (who string, d app.Date, by, ok bool) {
	if len(l) > 160 {
		return "", "", false, false
	}
	rest := l
	if len(l) > 3 && strings.EqualFold(l[:3], "by ") {
		rest, by = strings.TrimSpace(l[3:]), true
	}
	for i := 0; i < len(rest); i++ {
		for _, sep := range bylineSeps {
			if !strings.HasPrefix(rest[i:], sep) {
				continue
			}
			if dd, ok := dateLine(strings.TrimSpace(rest[i+len(sep):])); ok {
				if who, ok := byline("By " + strings.TrimSpace(rest[:i])); ok {
					return who, dd, by, true
				}
				return "", "", false, false
			}
		}
	}
	if !by {
		return "", "", false, false
	}
	who, ok = byline(l)
	return who, "", true, ok
}

// sameAuthors reports whether known is empty or names the same people as who, in any
// order and joined in any way: "Ines Moreau, Tomas Reyes" and "Ines Moreau and Tomas Reyes".
func sameAuthors(known, who string) bool {
	if known == "" {
		return true
	}
	people := func(s string) []string {
		s = strings.NewReplacer(" and ", ",", " & ", ",", ";", ",").Replace(app.Fold(s))
		var out []string
		for _, p := range strings.Split(s, ",") {
			if p = strings.TrimSpace(p); p != "" {
				out = append(out, p)
			}
		}
		slices.Sort(out)
		return out
	}
	return slices.Equal(people(known), people(who))
}

// inlineDateline finds a dateline that opens the first paragraph: "BAGHDAD — …",
// "ANKARA, Feb. 11, 2026 (AP) – …", and the date written after the place and the outlet:
// "OSLO (Nordwire) — March 3, 2026 — …", "LYON (Rhône Press), May 9, 2026 — …". Without
// a place, a full date alone in that position is the dateline's date too: "March 2, 2026 —
// …", "2 March 2026 - …", "Mar. 2, 2026: …". The body keeps it: it is part of the story's text.
func inlineDateline(a *app.Article) {
	first, more, _ := strings.Cut(strings.TrimSpace(a.Body), "\n")
	if placeDateline(a, first) || a.Date != "" {
		return
	}
	a.Date = openingDate(first, more)
}

// placeDateline reads a dateline with a place from the first paragraph into a, and
// reports whether there was one.
func placeDateline(a *app.Article, first string) bool {
	head := first[:min(len(first), 160)]
	prefix, rest, ok := cutDash(head)
	if !ok {
		return false
	}
	prefix = strings.TrimSpace(prefix)
	var after string // what follows the outlet: ", May 9, 2026"
	if j := strings.IndexByte(prefix, '('); j > 0 {
		if k := strings.IndexByte(prefix[j:], ')'); k > 0 {
			prefix, after = strings.TrimSpace(prefix[:j]), strings.TrimSpace(prefix[j+k+1:])
		}
	}
	place, d, ok := dateline(prefix)
	if !ok {
		return false
	}
	if after != "" {
		ad, ok := looseDate(strings.TrimLeft(after, ", "))
		if !ok {
			return false // "OSLO (Nordwire) and others —" is not a dateline
		}
		d = ad
	}
	if d == "" {
		d = leadingDate(rest)
	}
	a.Dateline = place
	if a.Date == "" {
		a.Date = d
	}
	return true
}

// openingDate returns the date that opens the first paragraph as a dateline without a
// place ("March 2, 2026 — Traffic …"), or "" when there is none. A date anywhere else in
// the prose ("On 4 March 2026 the …") is an event's date, never the article's, so only
// this position counts, and only when nothing says it is an event after all: it must name
// a day ("2025: the year …" is prose), not open a range ("2 March 2026 – 5 March 2026:"),
// and the next paragraph must not open with a date too (a timeline lists events).
func openingDate(first, more string) app.Date {
	d, rest, ok := dateBeforeSep(first)
	if !ok || d.Precision() != app.Day {
		return ""
	}
	if _, _, ok := dateBeforeSep(strings.TrimSpace(rest)); ok {
		return ""
	}
	for _, l := range strings.Split(more, "\n") {
		if l = strings.TrimSpace(l); l != "" {
			if _, _, ok := dateBeforeSep(l); ok {
				return ""
			}
			break
		}
	}
	return d
}

// dashes are the separators between a dateline and the story, longest first so that
// " -- " is not read as " - ".
var dashes = []string{" -- ", " — ", " – ", " - ", "—", "–"}

// cutDash cuts s at its first dash.
func cutDash(s string) (before, after string, ok bool) {
	return cutFirst(s, dashes)
}

// cutFirst cuts s at the earliest of seps (the longest one there when two start together).
func cutFirst(s string, seps []string) (before, after string, ok bool) {
	cut, size := firstSep(s, seps)
	if cut < 0 {
		return s, "", false
	}
	return s[:cut], s[cut+size:], true
}

// firstSep returns where the earliest of seps starts in s and its length, or -1.
func firstSep(s string, seps []string) (cut, size int) {
	cut = -1
	for _, sep := range seps {
		if j := strings.Index(s, sep); j > 0 && (cut < 0 || j < cut) {
			cut, size = j, len(sep)
		}
	}
	return cut, size
}

// dateSeps close a date that opens a text: a dash or a colon, whichever comes first.
var dateSeps = append(slices.Clone(dashes), ": ")

// dateBeforeSep reads a date that opens s and is closed by a dash or a colon, and
// returns it with the text after the separator.
func dateBeforeSep(s string) (d app.Date, rest string, ok bool) {
	// a separator that starts within the first maxDateLine bytes, without scanning a
	// long paragraph
	cut, size := firstSep(s[:min(len(s), maxDateLine+len(" -- "))], dateSeps)
	if cut < 0 || cut > maxDateLine {
		return "", "", false
	}
	d, ok = looseDate(s[:cut])
	if !ok {
		return "", "", false
	}
	return d, s[cut+size:], true
}

// leadingDate reads a date that opens s and is closed by a dash or a colon: "March 3,
// 2026 — Negotiators …", "Tuesday, August 11, 2026 — …", "September 15, 2026: …".
func leadingDate(s string) app.Date {
	d, _, _ := dateBeforeSep(s)
	return d
}

// looksLikeHeadline reports whether a line can be a title: short, with a letter in it,
// and not ending like a sentence or a clause.
func looksLikeHeadline(l string) bool {
	if utf8.RuneCountInString(l) >= maxHeadline || !strings.ContainsFunc(l, unicode.IsLetter) {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(l)
	return !strings.ContainsRune(".,;", last)
}

// dateline reads a dateline row: a place in capitals, optionally followed by a region
// and a date: "BAGHDAD", "ANKARA, Feb. 11, 2026", "DAR ES SALAAM, Tanzania, 3 March 2026".
// It returns the place (with its region) and the date, if any.
func dateline(l string) (place string, d app.Date, ok bool) {
	city, rest, _ := strings.Cut(l, ",")
	city = strings.TrimSpace(city)
	if !isCapsPlace(city) {
		return "", "", false
	}
	rest = strings.TrimSpace(rest)
	if rest == "" {
		return city, "", true
	}
	if d, ok := looseDate(rest); ok {
		return city, d, true
	}
	region, rest, _ := strings.Cut(rest, ",")
	region, rest = strings.TrimSpace(region), strings.TrimSpace(rest)
	if !isRegion(region) {
		return "", "", false
	}
	if rest == "" {
		return city + ", " + region, "", true
	}
	if d, ok := looseDate(rest); ok {
		return city + ", " + region, d, true
	}
	return "", "", false
}

// Labels that pages print in capitals above a story, where a dateline could be.
var kickers = map[string]bool{
	"ANALYSIS": true, "BREAKING": true, "COMMENT": true, "EDITORIAL": true, "EXCLUSIVE": true,
	"FEATURE": true, "INTERVIEW": true, "LIVE": true, "OPINION": true, "PHOTOS": true,
	"REVIEW": true, "UPDATE": true, "UPDATED": true, "VIDEO": true, "WATCH": true,
	"ADVERTISEMENT": true, "BREAKING NEWS": true, "FACT CHECK": true, "NEWS": true,
}

// isCapsPlace reports whether s is a place name in capitals, as datelines print it.
func isCapsPlace(s string) bool {
	if kickers[s] {
		return false
	}
	words := strings.Fields(s)
	if len(words) == 0 || len(words) > maxCityWords || len(s) > maxCityLen {
		return false
	}
	letters := 0
	for _, r := range s {
		switch {
		case unicode.IsLetter(r):
			if !unicode.IsUpper(r) {
				return false
			}
			letters++
		case r == ' ' || r == '.' || r == '-' || r == '\'' || r == '’':
		default:
			return false
		}
	}
	return letters >= 2
}

// isRegion reports whether s can be the region or country of a dateline: one to three
// capitalised words without digits ("Turkey", "Northern Iraq").
func isRegion(s string) bool {
	words := strings.Fields(s)
	if len(words) == 0 || len(words) > 3 {
		return false
	}
	for _, w := range words {
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(r) || strings.ContainsFunc(w, unicode.IsDigit) {
			return false
		}
	}
	return true
}

// dateLine reads a row that holds only a date, perhaps labelled: "11 February 2026",
// "Published: Wednesday, Feb. 11, 2026 09:30".
func dateLine(l string) (app.Date, bool) {
	if len(l) > maxDateLine {
		return "", false
	}
	if k, v, ok := strings.Cut(l, ":"); ok {
		switch strings.ToLower(strings.TrimSpace(k)) {
		case "date", "published", "posted", "updated", "published on", "posted on", "last updated", "last modified":
			l = v
		}
	}
	for _, label := range []string{"published on ", "posted on ", "updated on ", "published ", "posted ", "updated "} {
		if len(l) > len(label) && strings.EqualFold(l[:len(label)], label) {
			l = l[len(label):]
			break
		}
	}
	return looseDate(l)
}

// byline reads "By Jane Doe" or "By Jane Doe and Ali Demir, Reuters".
func byline(l string) (string, bool) {
	if len(l) < 4 || len(l) > 120 || !strings.EqualFold(l[:3], "by ") {
		return "", false
	}
	who := strings.TrimSpace(l[3:])
	r, _ := utf8.DecodeRuneInString(who)
	if !unicode.IsUpper(r) || len(strings.Fields(who)) > 12 || strings.HasSuffix(who, ".") {
		return "", false
	}
	return who, true
}

// Layouts of full timestamps found in pages and feeds; only their day is kept.
var timestampLayouts = []string{
	time.RFC3339, "2006-01-02T15:04:05Z0700", "2006-01-02T15:04Z07:00", "2006-01-02 15:04:05",
	time.RFC1123Z, time.RFC1123, time.RFC850, time.RFC822Z, time.RFC822, time.ANSIC,
	"Mon, 2 Jan 2006 15:04:05 -0700", "Mon, 2 Jan 2006 15:04:05 MST", "2 Jan 2006 15:04:05 -0700",
}

var weekdays = []string{"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
	"mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun"}

// looseDate reads a date as app.ParseDate does, and also a full timestamp (keeping the
// day as written, in the writer's own time zone), a leading weekday and a trailing time
// of day. It returns false for anything else and for impossible dates.
func looseDate(s string) (app.Date, bool) {
	s = strings.TrimSpace(s)
	if s == "" || len(s) > 100 {
		return "", false
	}
	if d, err := app.ParseDate(s); err == nil && d != "" {
		return d, true
	}
	for _, layout := range timestampLayouts {
		if t, err := time.Parse(layout, s); err == nil {
			d := app.DateOf(t)
			return d, d.Validate() == nil
		}
	}
	words := strings.Fields(strings.ReplaceAll(s, ",", " , "))
	if len(words) > 0 && isWeekday(words[0]) {
		words = words[1:]
	}
	for len(words) > 0 && isTimeWord(words[len(words)-1]) {
		words = words[:len(words)-1]
	}
	rest := strings.Trim(strings.Join(words, " "), " ,")
	rest = strings.ReplaceAll(rest, " ,", ",")
	if rest == "" || rest == s {
		return "", false
	}
	if d, err := app.ParseDate(rest); err == nil && d != "" {
		return d, true
	}
	return "", false
}

func isWeekday(w string) bool {
	w = strings.ToLower(strings.TrimRight(w, ".,"))
	for _, d := range weekdays {
		if w == d {
			return true
		}
	}
	return false
}

// isTimeWord reports whether w is part of a time of day: "09:30", "9.30am", "PM", "GMT",
// "+03:00", "(UTC)".
func isTimeWord(w string) bool {
	w = strings.Trim(strings.ToLower(w), "(),")
	switch w {
	case "am", "pm", "a.m.", "p.m.", "gmt", "utc", "bst", "cet", "cest", "est", "edt", "pst", "pdt", "at", ",", "":
		return true
	}
	if strings.ContainsRune(w, ':') {
		return strings.Trim(w, "0123456789:+-apm.") == ""
	}
	// "08.30", as British papers write the time
	if h, m, ok := strings.Cut(w, "."); ok && len(h) == 2 && len(m) == 2 {
		hh, err1 := strconv.Atoi(h)
		mm, err2 := strconv.Atoi(m)
		return err1 == nil && err2 == nil && hh <= 23 && mm <= 59
	}
	return false
}
