package app

import (
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode"
)

// Date is a partial ISO date kept as written: "2026", "2026-01" or "2026-01-28"; "" means
// unknown. Its string order is its time order (a year sorts before its months), so the
// store can sort and compare it as text.
type Date string

// Date precisions.
const (
	Unknown = iota
	Year
	Month
	Day
)

// Years outside this range are refused as typing mistakes.
const (
	MinYear = 1000
	MaxYear = 2200
)

var monthNames = [...]string{"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"}

// ParseDate reads a date the way a researcher types it: "2026", "2026-01", "2026-1-28",
// "2026/01/28", "28 Jan 2026", "Jan 28, 2026", "January 2026", "28.01.2026". Empty input
// is the unknown date. Anything else, or an impossible day, is an EINVALID error.
func ParseDate(s string) (Date, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return "", nil
	}
	d, ok := parseNumeric(s)
	if !ok {
		d, ok = parseWords(s)
	}
	if ok {
		// Name what the user typed, not our rewriting of it; never hand back an impossible date.
		if err := d.check(s); err != nil {
			return "", err
		}
		return d, nil
	}
	return "", Errorf(EINVALID, "“%s” is not a date Dossier understands; write it as 2026, 2026-01 or 2026-01-28.", s)
}

// MustDate is ParseDate for literals known to be right; it panics on a bad one.
func MustDate(s string) Date {
	d, err := ParseDate(s)
	if err != nil {
		panic(err)
	}
	return d
}

// DateOf returns the day-precision date of t.
func DateOf(t time.Time) Date { return Date(t.Format("2006-01-02")) }

// timestampLayouts are the date-and-time forms ParseDate accepts. Only the day is kept, as
// written: the offset is not applied, because the outlet's own calendar day is the one that counts.
var timestampLayouts = []string{
	time.RFC3339, "2006-01-02T15:04:05", "2006-01-02T15:04", "2006-01-02 15:04:05Z07:00",
	"2006-01-02 15:04:05", "2006-01-02 15:04", "2006-01-02 15:04:05 -0700 MST", "2006-01-02 15:04:05 -0700",
}

func parseNumeric(s string) (Date, bool) {
	if t, err := time.Parse("2006-01-02", s); err == nil {
		return DateOf(t), true
	}
	// Only a real time of day may follow the date: "2026-01-28 or 29" is not a date.
	if len(s) > 10 && (s[10] == 'T' || s[10] == ' ') {
		for _, layout := range timestampLayouts {
			if t, err := time.Parse(layout, s); err == nil {
				return DateOf(t), true
			}
		}
	}
	sep := func(r rune) bool { return r == '-' || r == '/' || r == '.' }
	parts := strings.FieldsFunc(s, sep)
	if len(parts) == 0 || len(parts) > 3 || strings.Trim(s, "0123456789-/.") != "" {
		return "", false
	}
	n := make([]int, len(parts))
	for i, p := range parts {
		v, err := strconv.Atoi(p)
		if err != nil || len(p) > 4 {
			return "", false
		}
		n[i] = v
	}
	if len(parts[0]) < 4 { // day first: 28.01.2026 or 28/01/2026
		if len(parts) != 3 || len(parts[2]) != 4 {
			return "", false
		}
		n[0], n[2] = n[2], n[0]
	}
	return build(n...), true
}

func parseWords(s string) (Date, bool) {
	f := strings.FieldsFunc(s, func(r rune) bool { return unicode.IsSpace(r) || r == ',' || r == '.' })
	var year, month, day int
	for _, w := range f {
		if m := MonthNumber(w); m > 0 && month == 0 {
			month = m
			continue
		}
		num := strings.TrimRight(w, "stndrh") // "28th", "1st"
		if num == "" || strings.Trim(num, "0123456789") != "" {
			return "", false // Atoi alone would take "+28"
		}
		v, err := strconv.Atoi(num)
		switch {
		case err != nil:
			return "", false
		case len(num) == 4 && num == w && year == 0: // "28th" is four bytes but a day
			year = v
		case v >= 1 && v <= 31 && day == 0:
			day = v
		default:
			return "", false
		}
	}
	if year == 0 || (day > 0 && month == 0) {
		return "", false
	}
	if day == 0 {
		if month == 0 {
			return build(year), true
		}
		return build(year, month), true
	}
	return build(year, month, day), true
}

// MonthNumber returns 1–12 for an English month name or abbreviation ("Jan", "Jan.",
// "January", "Sept"), 0 otherwise.
func MonthNumber(w string) int {
	w = strings.ToLower(strings.TrimSuffix(w, "."))
	if len(w) < 3 {
		return 0
	}
	full := []string{"january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"}
	for i, m := range full {
		if strings.HasPrefix(m, w) {
			return i + 1
		}
	}
	if w == "sept" {
		return 9
	}
	return 0
}

func build(n ...int) Date {
	switch len(n) {
	case 1:
		return Date(fmt.Sprintf("%04d", n[0]))
	case 2:
		return Date(fmt.Sprintf("%04d-%02d", n[0], n[1]))
	default:
		return Date(fmt.Sprintf("%04d-%02d-%02d", n[0], n[1], n[2]))
	}
}

// Precision returns Unknown, Year, Month or Day.
func (d Date) Precision() int {
	switch len(d) {
	case 4:
		return Year
	case 7:
		return Month
	case 10:
		return Day
	}
	return Unknown
}

// Validate reports an EINVALID error for a malformed or absurd date.
func (d Date) Validate() error { return d.check(string(d)) }

// check is Validate with the messages quoting shown, the text the date was read from.
func (d Date) check(shown string) error {
	if d == "" {
		return nil
	}
	s := string(d)
	bad := Errorf(EINVALID, "“%s” is not a valid date; write it as 2026, 2026-01 or 2026-01-28.", shown)
	layout := map[int]string{4: "2006", 7: "2006-01", 10: "2006-01-02"}[len(s)]
	if layout == "" {
		return bad
	}
	t, err := time.Parse(layout, s)
	if err != nil {
		return bad
	}
	if t.Year() < MinYear || t.Year() > MaxYear {
		return Errorf(EINVALID, "The year %d in “%s” is out of range (%d–%d).", t.Year(), shown, MinYear, MaxYear)
	}
	return nil
}

// Year returns the date's year, 0 when unknown.
func (d Date) Year() int {
	if len(d) < 4 {
		return 0
	}
	y, _ := strconv.Atoi(string(d[:4]))
	return y
}

// Time returns the first instant of the date (1 Jan for a year), and false when unknown.
func (d Date) Time() (time.Time, bool) {
	s := string(d)
	switch len(s) {
	case 4:
		s += "-01-01"
	case 7:
		s += "-01"
	}
	t, err := time.Parse("2006-01-02", s)
	return t, err == nil
}

// Human returns the date as a person writes it: "27 Jan 2026", "Jan 2026", "2026", or "" when unknown.
func (d Date) Human() string {
	t, ok := d.Time()
	if !ok {
		return ""
	}
	switch d.Precision() {
	case Year:
		return strconv.Itoa(t.Year())
	case Month:
		return monthNames[t.Month()-1] + " " + strconv.Itoa(t.Year())
	}
	return strconv.Itoa(t.Day()) + " " + monthNames[t.Month()-1] + " " + strconv.Itoa(t.Year())
}

// Range formats a start and optional end date: "27 Jan 2026", "Jan 2026 – Mar 2026".
func Range(start, end Date) string {
	if end == "" || end == start {
		return start.Human()
	}
	if start == "" {
		return "until " + end.Human()
	}
	return start.Human() + " – " + end.Human()
}
