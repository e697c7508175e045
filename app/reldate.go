package app

import (
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// DateSuggestion is a date phrase found in article text and the date it stands for.
type DateSuggestion struct {
	Date       Date
	Start, End int    // rune offsets of the phrase in the text
	Phrase     string // the phrase as written, with its preposition: "on Jan. 28", "last week"
}

// ResolveDates finds the date phrases in an article's text, in text order, and resolves
// the relative ones ("on Jan. 28", "last Tuesday", "earlier this month") against base,
// the article's own date. A phrase base is too coarse to resolve is left out: "yesterday"
// needs a day, "last month" a month, "28 January" a year. Explicit dates ("Jan. 27, 2026",
// "November 2025", "in 2022") need no base.
func ResolveDates(text string, base Date) []DateSuggestion {
	r := newResolver(text, base)
	var out []DateSuggestion
	for i := 0; i < len(r.toks); {
		d, j, ok := r.at(i)
		if !ok {
			i++
			continue
		}
		start, end := r.toks[i].start, r.toks[j-1].end
		out = append(out, DateSuggestion{Date: d, Start: start, End: end, Phrase: string(r.text[start:end])})
		i = j
	}
	return out
}

// SuggestDate proposes the date of an event an article reports in quote: the first date
// phrase inside the quote, else the phrase closest to the quote within the paragraph of
// body that holds it, else base. ok is false when the answer is base, that is when the
// text itself gave no date.
func SuggestDate(quote, body string, base Date) (d Date, ok bool) {
	if s := ResolveDates(quote, base); len(s) > 0 {
		return s[0].Date, true
	}
	q := strings.TrimSpace(quote)
	at := strings.Index(body, q)
	if q == "" || at < 0 {
		return base, false
	}
	ps, pe := paragraphAround(body, at, at+len(q))
	qs := utf8.RuneCountInString(body[ps:at])
	qe := qs + utf8.RuneCountInString(q)
	best := -1
	for _, s := range ResolveDates(body[ps:pe], base) {
		if dist := max(qs-s.End, s.Start-qe, 0); best < 0 || dist < best {
			d, best = s.Date, dist
		}
	}
	if best < 0 {
		return base, false
	}
	return d, true
}

// paragraphAround returns the byte bounds of the paragraph holding body[from:to]. Bodies
// with blank lines between paragraphs may be hard-wrapped, so there a paragraph runs from
// blank line to blank line; elsewhere each line is a paragraph.
func paragraphAround(body string, from, to int) (start, end int) {
	sep := "\n"
	if strings.Contains(body, "\n\n") {
		sep = "\n\n"
	}
	start = strings.LastIndex(body[:from], sep) + 1
	if start > 0 {
		start += len(sep) - 1
	}
	end = len(body)
	if i := strings.Index(body[to:], sep); i >= 0 {
		end = to + i
	}
	return start, end
}

// dateToken is a run of letters and digits in the text, with its rune offsets.
type dateToken struct {
	word       string
	lower      string
	start, end int
}

type resolver struct {
	text []rune
	toks []dateToken
	base Date
	t    time.Time // base's first instant, when base is valid
	prec int       // base's precision; Unknown when base is invalid
}

func newResolver(text string, base Date) *resolver {
	r := &resolver{text: []rune(text), base: base}
	if base.Validate() == nil {
		r.t, _ = base.Time()
		r.prec = base.Precision()
	}
	for i := 0; i < len(r.text); {
		if !isWordRune(r.text[i]) {
			i++
			continue
		}
		j := i
		for j < len(r.text) && isWordRune(r.text[j]) {
			j++
		}
		w := string(r.text[i:j])
		r.toks = append(r.toks, dateToken{word: w, lower: strings.ToLower(w), start: i, end: j})
		i = j
	}
	return r
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// qualifiers are the words that may lead a date phrase. The last one decides how a bare
// month or weekday is read ("last November", "next Monday"); a bare year or month needs one.
var qualifiers = map[string]bool{
	"on": true, "in": true, "since": true, "until": true, "till": true, "during": true, "by": true,
	"from": true, "early": true, "late": true, "mid": true, "last": true, "next": true,
	"this": true, "earlier": true, "later": true,
}

// at tries to read a date phrase starting at token i, with up to three leading qualifiers
// ("on", "in early", "earlier this"). It returns the date and the token after the phrase.
func (r *resolver) at(i int) (Date, int, bool) {
	k, prep := i, ""
	for k < len(r.toks) && k-i < 3 && qualifiers[r.toks[k].lower] && r.spaced(k, r.toks[k].lower == "mid") {
		prep = r.toks[k].lower
		k++
	}
	if k >= len(r.toks) {
		return "", 0, false
	}
	for _, form := range []func(int, string) (Date, int, bool){r.iso, r.ago, r.unit, r.weekday, r.monthFirst, r.dayFirst, r.bareYear} {
		// A form may match yet resolve to nothing, when base is too coarse; then others may read it.
		if d, j, ok := form(k, prep); ok && d != "" && d.Validate() == nil {
			return d, j, true
		}
	}
	return "", 0, false
}

// spaced reports whether token k is followed, after blank space (or a hyphen, when
// hyphen is set: "mid-January"), by another token on the same paragraph.
func (r *resolver) spaced(k int, hyphen bool) bool {
	g, ok := r.gap(k)
	if hyphen && g == "-" {
		return true
	}
	return ok && isBlank(g)
}

// gap returns the text between token k and token k+1.
func (r *resolver) gap(k int) (string, bool) {
	if k+1 >= len(r.toks) {
		return "", false
	}
	return string(r.text[r.toks[k].end:r.toks[k+1].start]), true
}

// isBlank reports whether g is white space within one paragraph.
func isBlank(g string) bool {
	return g != "" && strings.TrimSpace(g) == "" && strings.Count(g, "\n") <= 1
}

// gapIs reports whether token k is followed by blank space, optionally preceded by the
// given punctuation marks, each at most once and in that order ("Jan. 28", "28, 2026").
func (r *resolver) gapIs(k int, punct ...string) bool {
	g, ok := r.gap(k)
	if !ok {
		return false
	}
	for _, p := range punct {
		g = strings.TrimPrefix(g, p)
	}
	return isBlank(g)
}

// iso reads "2026-01-28".
func (r *resolver) iso(k int, _ string) (Date, int, bool) {
	if k+2 >= len(r.toks) || !isDigits(r.toks[k].word, 4) || !isDigits(r.toks[k+1].word, 2) || !isDigits(r.toks[k+2].word, 2) {
		return "", 0, false
	}
	if g, _ := r.gap(k); g != "-" {
		return "", 0, false
	}
	if g, _ := r.gap(k + 1); g != "-" {
		return "", 0, false
	}
	return Date(r.toks[k].word + "-" + r.toks[k+1].word + "-" + r.toks[k+2].word), k + 3, true
}

// ago reads "three days ago", "a week ago", "2 months ago".
func (r *resolver) ago(k int, _ string) (Date, int, bool) {
	if k+2 >= len(r.toks) || r.toks[k+2].lower != "ago" || !r.spaced(k, false) || !r.spaced(k+1, false) {
		return "", 0, false
	}
	n := countWord(r.toks[k].lower)
	if n == 0 {
		return "", 0, false
	}
	unit := strings.TrimSuffix(r.toks[k+1].lower, "s")
	switch {
	case unit == "day" && r.prec == Day:
		return DateOf(r.t.AddDate(0, 0, -n)), k + 3, true
	case unit == "week" && r.prec == Day:
		return DateOf(r.t.AddDate(0, 0, -7*n)), k + 3, true
	case unit == "month" && r.prec >= Month:
		return addMonths(r.t, -n), k + 3, true
	case unit == "year" && r.prec >= Year:
		return yearOf(r.t.Year() - n), k + 3, true
	}
	return "", 0, false
}

// unit reads "yesterday", "today", "tomorrow", and "last week", "this month",
// "earlier this month", "next year" and the like.
func (r *resolver) unit(k int, prep string) (Date, int, bool) {
	w := r.toks[k].lower
	if r.prec == Day {
		switch w {
		case "yesterday":
			return DateOf(r.t.AddDate(0, 0, -1)), k + 1, true
		case "today":
			return r.base, k + 1, true
		case "tomorrow":
			return DateOf(r.t.AddDate(0, 0, 1)), k + 1, true
		}
	}
	step := map[string]int{"last": -1, "this": 0, "next": 1}
	n, ok := step[prep]
	if !ok {
		return "", 0, false
	}
	switch {
	case w == "week" && r.prec == Day && n != 0: // "this week" is no one day
		return DateOf(r.t.AddDate(0, 0, 7*n)), k + 1, true
	case w == "month" && r.prec >= Month:
		return addMonths(r.t, n), k + 1, true
	case w == "year" && r.prec >= Year:
		return yearOf(r.t.Year() + n), k + 1, true
	}
	return "", 0, false
}

var weekdayNames = map[string]time.Weekday{
	"Sunday": time.Sunday, "Monday": time.Monday, "Tuesday": time.Tuesday, "Wednesday": time.Wednesday,
	"Thursday": time.Thursday, "Friday": time.Friday, "Saturday": time.Saturday,
}

// weekday reads "on Monday", "Tuesday", "last Tuesday", "next Friday". News says "on
// Thursday" of the day it is published, so a bare weekday may be base itself; "last
// Thursday" is the one before.
func (r *resolver) weekday(k int, prep string) (Date, int, bool) {
	wd, ok := weekdayNames[r.toks[k].word]
	if !ok || r.prec != Day || prep == "this" || (k > 0 && r.toks[k-1].lower == "this" && r.spaced(k-1, false)) {
		return "", 0, false // "this Monday" may be either side of base
	}
	back := (int(r.t.Weekday()) - int(wd) + 7) % 7
	switch prep {
	case "last":
		if back == 0 {
			back = 7
		}
	case "next":
		back -= 7
	}
	return DateOf(r.t.AddDate(0, 0, -back)), k + 1, true
}

// monthFirst reads "Jan. 27, 2026", "January 28", "January 2026" and, after a qualifier,
// a bare month: "in November", "last March".
func (r *resolver) monthFirst(k int, prep string) (Date, int, bool) {
	m, abbr := monthWord(r.toks[k].word)
	if m == 0 {
		return "", 0, false
	}
	dot := "."
	if !abbr {
		dot = ""
	}
	if k+1 < len(r.toks) {
		next := r.toks[k+1].word
		if day := dayWord(next); day > 0 && r.gapIs(k, dot) {
			if k+2 < len(r.toks) && isYear(r.toks[k+2].word) && r.gapIs(k+1, ",") {
				return build(atoi(r.toks[k+2].word), m, day), k + 3, true
			}
			return r.dayInYear(m, day), k + 2, true
		}
		if isYear(next) && r.gapIs(k, dot, ",") {
			return build(atoi(next), m), k + 2, true
		}
	}
	if prep == "" || prep == "on" || abbr {
		return "", 0, false // "May" alone is a verb as often as a month
	}
	return r.monthInYear(m, prep), k + 1, true
}

// dayFirst reads "28 January 2026", "28 January" and "the 3rd of March".
func (r *resolver) dayFirst(k int, _ string) (Date, int, bool) {
	day := dayWord(r.toks[k].word)
	if day == 0 || k+1 >= len(r.toks) || !r.gapIs(k) {
		return "", 0, false
	}
	if r.toks[k+1].lower == "of" && r.gapIs(k+1) {
		k++ // read "3rd of March" as "3rd March"
	}
	m, abbr := monthWord(r.toks[k+1].word)
	if m == 0 {
		return "", 0, false
	}
	dot := "."
	if !abbr {
		dot = ""
	}
	if k+2 < len(r.toks) && isYear(r.toks[k+2].word) && r.gapIs(k+1, dot, ",") {
		return build(atoi(r.toks[k+2].word), m, day), k + 3, true
	}
	return r.dayInYear(m, day), k + 2, true
}

// bareYear reads "in 2022", "since 2019". Without such a word a four-digit number is as
// likely a count as a year; "by" and "of" are left out for the same reason ("by 2000 votes").
func (r *resolver) bareYear(k int, prep string) (Date, int, bool) {
	if prep == "" || prep == "by" || prep == "of" || prep == "on" || !isYear(r.toks[k].word) {
		return "", 0, false
	}
	if g, ok := r.gap(k); ok && g == "-" && isDigits(r.toks[k+1].word, 2) {
		return "", 0, false // "2025-26" is a season or a range, and "2026-01" a month: leave both
	}
	return yearOf(atoi(r.toks[k].word)), k + 1, true
}

// dayInYear dates a day written without its year: in base's year, unless that falls more
// than about two months after base, when it is last year's (a January article's "Dec. 28").
func (r *resolver) dayInYear(m, day int) Date {
	if r.prec == Unknown {
		return ""
	}
	y := r.t.Year()
	if r.prec >= Month && time.Date(y, time.Month(m), day, 0, 0, 0, 0, time.UTC).After(r.t.AddDate(0, 2, 0)) {
		y--
	}
	return build(y, m, day)
}

// monthInYear dates a month written without its year, read after the qualifier prep.
func (r *resolver) monthInYear(m int, prep string) Date {
	if r.prec == Unknown {
		return ""
	}
	y, bm := r.t.Year(), int(r.t.Month())
	if r.prec == Year {
		if prep == "last" || prep == "next" {
			return "" // which November is "last November" in an article dated only 2026?
		}
		return build(y, m)
	}
	switch prep {
	case "last":
		if m >= bm {
			y--
		}
	case "next":
		if m <= bm {
			y++
		}
	case "this":
	default:
		if time.Date(y, time.Month(m), 1, 0, 0, 0, 0, time.UTC).After(r.t.AddDate(0, 2, 0)) {
			y--
		}
	}
	return build(y, m)
}

// addMonths returns the month n months from t's. Counting from the first of the month
// keeps 29 January + 1 month in February, where time.AddDate would reach 1 March.
func addMonths(t time.Time, n int) Date {
	return Date(time.Date(t.Year(), t.Month()+time.Month(n), 1, 0, 0, 0, 0, time.UTC).Format("2006-01"))
}

func yearOf(y int) Date { return build(y) }

// monthWord returns the month a capitalised English month name or abbreviation stands
// for, and whether it is an abbreviation (which may take a full stop).
func monthWord(w string) (month int, abbr bool) {
	if w == "" || !unicode.IsUpper([]rune(w)[0]) {
		return 0, false
	}
	m := MonthNumber(w)
	if m == 0 {
		return 0, false
	}
	full := strings.ToLower(time.Month(m).String())
	switch l := strings.ToLower(w); {
	case l == full:
		return m, false
	case l == full[:3] || l == "sept":
		return m, true
	}
	return 0, false // "Janu" is no one's spelling
}

// dayWord returns 1–31 for "28", "28th", "1st", else 0.
func dayWord(w string) int {
	for _, suf := range []string{"st", "nd", "rd", "th"} {
		if n := strings.TrimSuffix(w, suf); n != w {
			w = n
			break
		}
	}
	if w == "" || len(w) > 2 || !isDigits(w, len(w)) {
		return 0
	}
	if d := atoi(w); d >= 1 && d <= 31 {
		return d
	}
	return 0
}

func isYear(w string) bool {
	if !isDigits(w, 4) {
		return false
	}
	y := atoi(w)
	return y >= MinYear && y <= MaxYear
}

// isDigits reports whether w is n ASCII digits.
func isDigits(w string, n int) bool {
	if len(w) != n {
		return false
	}
	for i := 0; i < len(w); i++ {
		if w[i] < '0' || w[i] > '9' {
			return false
		}
	}
	return true
}

func atoi(w string) int {
	n, _ := strconv.Atoi(w)
	return n
}

var countWords = map[string]int{
	"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
	"seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
}

// countWord returns the number a small count is written as ("three", "a", "3"), else 0.
func countWord(w string) int {
	if n, ok := countWords[w]; ok {
		return n
	}
	if len(w) <= 2 && isDigits(w, len(w)) {
		return atoi(w)
	}
	return 0
}

// Where a DateChoice was found.
const (
	InQuote     = "quote"     // written in the quoted passage
	InParagraph = "paragraph" // written in the paragraph that holds the quote
	ReportedOn  = "reported"  // the article's own date: the day the event was reported
)

// DateChoice is a date offered for the event a quote reports, and where it was found.
type DateChoice struct {
	Date   Date
	Phrase string // the words that gave it ("on Jan. 27"); "" for the article's date
	Where  string // InQuote, InParagraph or ReportedOn
	// Reported is set when the date is also the article's: the text may only say "today".
	Reported bool
}

// EventDateChoices lists the dates an article offers for the event it reports in quote,
// the likeliest first: the dates written in the quote, in text order; then those in the
// quote's paragraph of body, nearest the quote first; then base, the article's date, as
// the day the event was reported, which is not always the day it happened. Relative
// phrases are resolved against base. Each date is offered once, with the first reason
// found for it, and at most limit dates come from the text (limit <= 0: no cap); cut
// says how many more the text held.
func EventDateChoices(quote, body string, base Date, limit int) (choices []DateChoice, cut int) {
	seen, over := map[Date]bool{}, map[Date]bool{}
	fromText := 0
	add := func(c DateChoice) {
		if c.Date == "" || seen[c.Date] || c.Date.Validate() != nil {
			return
		}
		if c.Where != ReportedOn {
			if limit > 0 && fromText == limit {
				if !over[c.Date] {
					over[c.Date] = true
					cut++
				}
				return
			}
			fromText++
		}
		seen[c.Date] = true
		choices = append(choices, c)
	}
	q := strings.TrimSpace(quote)
	for _, s := range ResolveDates(q, base) {
		add(DateChoice{Date: s.Date, Phrase: s.Phrase, Where: InQuote})
	}
	for _, s := range paragraphDates(q, body, base) {
		add(DateChoice{Date: s.Date, Phrase: s.Phrase, Where: InParagraph})
	}
	add(DateChoice{Date: base, Where: ReportedOn})
	for i := range choices {
		choices[i].Reported = choices[i].Date == base
	}
	return choices, cut
}

// paragraphDates returns the date phrases of the paragraph of body that holds quote,
// outside the quote: those in the quote's own sentence first, then by the number of
// sentences between, then nearest the quote.
func paragraphDates(quote, body string, base Date) []DateSuggestion {
	at := strings.Index(body, quote)
	if quote == "" || at < 0 {
		return nil
	}
	ps, pe := paragraphAround(body, at, at+len(quote))
	para := []rune(body[ps:pe])
	qs := utf8.RuneCountInString(body[ps:at])
	qe := qs + utf8.RuneCountInString(quote)
	type ranked struct {
		s               DateSuggestion
		sentences, dist int
	}
	var found []ranked
	for _, s := range ResolveDates(string(para), base) {
		if s.Start >= qs && s.End <= qe {
			continue // inside the quote: already offered
		}
		from, to := s.End, qs // the text between the phrase and the quote
		if s.Start >= qe {
			from, to = qe, s.Start
		}
		found = append(found, ranked{s, sentenceEnds(para, from, to), max(to-from, 0)})
	}
	sort.SliceStable(found, func(i, j int) bool {
		if found[i].sentences != found[j].sentences {
			return found[i].sentences < found[j].sentences
		}
		return found[i].dist < found[j].dist
	})
	out := make([]DateSuggestion, len(found))
	for i, f := range found {
		out[i] = f.s
	}
	return out
}

// sentenceEnds counts the sentence ends (".", "!" or "?" and a space) in text[from:to].
// An abbreviation's full stop ("Jan. 27") counts too; that only ranks its date a little lower.
func sentenceEnds(text []rune, from, to int) int {
	n := 0
	for i := max(from, 0); i < to && i+1 < len(text); i++ {
		if (text[i] == '.' || text[i] == '!' || text[i] == '?') && unicode.IsSpace(text[i+1]) {
			n++
		}
	}
	return n
}
