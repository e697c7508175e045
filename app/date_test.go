package app

import (
	"slices"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

func TestParseDateAccepts(t *testing.T) {
	tests := []struct {
		in   string
		want Date
	}{
		{"", ""},
		{"   ", ""},
		{"2026", "2026"},
		{" 2026 ", "2026"},
		{"2026-01", "2026-01"},
		{"2026-1", "2026-01"},
		{"2026/01", "2026-01"},
		{"2026-01-28", "2026-01-28"},
		{"2026-1-28", "2026-01-28"},
		{"2026/01/28", "2026-01-28"},
		{"2026.01.28", "2026-01-28"},
		{"28.01.2026", "2026-01-28"},
		{"28/01/2026", "2026-01-28"},
		{"3.2.2026", "2026-02-03"}, // day first, as in most of the world
		{"28 Jan 2026", "2026-01-28"},
		{"28 January 2026", "2026-01-28"},
		{"28th January 2026", "2026-01-28"},
		{"1st Feb 2026", "2026-02-01"},
		{"Jan 28, 2026", "2026-01-28"},
		{"Jan. 28, 2026", "2026-01-28"},
		{"January 28th, 2026", "2026-01-28"},
		{"Sept. 3, 2025", "2025-09-03"},
		{"2026 January 28", "2026-01-28"},
		{"28\u00a0Jan\t2026", "2026-01-28"},
		{"January 2026", "2026-01"},
		{"jan 2026", "2026-01"},
		{"Dec. 2025", "2025-12"},
		{"29 Feb 2024", "2024-02-29"},
		{"2026-01-28T10:15:00Z", "2026-01-28"},
		{"2026-01-28T10:15:00.123456Z", "2026-01-28"},
		// The day is kept as written, not moved to UTC.
		{"2026-01-28T23:30:00-05:00", "2026-01-28"},
		{"2026-01-28T00:30:00+03:00", "2026-01-28"},
		{"2026-01-28 10:15:00", "2026-01-28"},
		{"2026-01-28 10:15", "2026-01-28"},
		{"2026-01-28T10:15", "2026-01-28"},
		{"2026-01-28 10:15:00.5 +0000 UTC", "2026-01-28"},
		{"1000", "1000"},
		{"2200-12-31", "2200-12-31"},
	}
	for _, tt := range tests {
		got, err := ParseDate(tt.in)
		if err != nil || got != tt.want {
			t.Errorf("ParseDate(%q) = %q, %v; want %q", tt.in, got, err, tt.want)
		}
	}
}

func TestParseDateRefuses(t *testing.T) {
	tests := []struct {
		in      string
		message string // a part of the message the user sees
	}{
		{"2026-02-30", "not a valid date"},
		{"2025-02-29", "not a valid date"},
		{"30 Feb 2026", "not a valid date"},
		{"13/13/2026", "not a valid date"},
		{"01/28/2026", "not a valid date"}, // month first is not read
		{"2026-13", "not a valid date"},
		{"2026-00", "not a valid date"},
		{"2026-01-00", "not a valid date"},
		{"3000", "out of range"},
		{"0999", "out of range"},
		{"0000", "out of range"},
		{"9999-12-31", "out of range"},
		{"2201-01-01T00:00:00Z", "out of range"},
		{"99999", "not a date Dossier understands"},
		{"year 3000", "not a date Dossier understands"},
		{"tomorrow", "not a date Dossier understands"},
		{"last week", "not a date Dossier understands"},
		{"garbage", "not a date Dossier understands"},
		{"28", "not a date Dossier understands"},
		{"26", "not a date Dossier understands"},
		{"Jan 28", "not a date Dossier understands"},
		{"28 2026", "not a date Dossier understands"},
		{"Jan Feb 2026", "not a date Dossier understands"},
		{"+28 Jan 2026", "not a date Dossier understands"},
		{"2026-01-28 or 29", "not a date Dossier understands"},
		{"2026-01-28Tnoon", "not a date Dossier understands"},
		{"2026-01-28-05", "not a date Dossier understands"},
		{"1-2", "not a date Dossier understands"},
		{"Wed, 28 Jan 2026 10:00:00 +0000", "not a date Dossier understands"},
		{"2026—01—28", "not a date Dossier understands"},
	}
	for _, tt := range tests {
		got, err := ParseDate(tt.in)
		if err == nil {
			t.Errorf("ParseDate(%q) = %q, want an error", tt.in, got)
			continue
		}
		if got != "" {
			t.Errorf("ParseDate(%q) returned %q beside its error; want \"\"", tt.in, got)
		}
		if !IsCode(err, EINVALID) || !strings.Contains(ErrorMessage(err), tt.message) {
			t.Errorf("ParseDate(%q) error = %v (code %s); want EINVALID mentioning %q", tt.in, err, ErrorCode(err), tt.message)
		}
		if !strings.Contains(ErrorMessage(err), strings.TrimSpace(tt.in)) {
			t.Errorf("ParseDate(%q) error %q does not quote the input", tt.in, ErrorMessage(err))
		}
	}
}

func TestMustDatePanicsOnBadDate(t *testing.T) {
	if got := MustDate("2026-01"); got != "2026-01" {
		t.Errorf("MustDate = %q", got)
	}
	defer func() {
		if recover() == nil {
			t.Error("MustDate(\"2026-02-30\") did not panic")
		}
	}()
	MustDate("2026-02-30")
}

func TestMonthNumber(t *testing.T) {
	tests := []struct {
		in   string
		want int
	}{
		{"Jan", 1}, {"Jan.", 1}, {"january", 1}, {"FEBRUARY", 2}, {"Sept", 9}, {"Sept.", 9},
		{"sep", 9}, {"May", 5}, {"dec", 12}, {"Ja", 0}, {"", 0}, {"Mayday", 0}, {"Juno", 0}, {"tomorrow", 0},
	}
	for _, tt := range tests {
		if got := MonthNumber(tt.in); got != tt.want {
			t.Errorf("MonthNumber(%q) = %d, want %d", tt.in, got, tt.want)
		}
	}
}

func TestDatePrecisionAndYear(t *testing.T) {
	tests := []struct {
		d         Date
		precision int
		year      int
	}{
		{"", Unknown, 0},
		{"2026", Year, 2026},
		{"2026-01", Month, 2026},
		{"2026-01-28", Day, 2026},
		{"20", Unknown, 0},
	}
	for _, tt := range tests {
		if got := tt.d.Precision(); got != tt.precision {
			t.Errorf("%q.Precision() = %d, want %d", tt.d, got, tt.precision)
		}
		if got := tt.d.Year(); got != tt.year {
			t.Errorf("%q.Year() = %d, want %d", tt.d, got, tt.year)
		}
	}
}

func TestDateValidate(t *testing.T) {
	tests := []struct {
		d  Date
		ok bool
	}{
		{"", true}, {"2026", true}, {"2026-01", true}, {"2026-01-28", true},
		{"2026-1", false}, {"2026-01-1", false}, {"26", false}, {"abcd", false},
		{"2026-02-29", false}, {"2026/01/28", false}, {"0999", false}, {"2201", false},
		{"2026-01-28T10:00", false},
	}
	for _, tt := range tests {
		err := tt.d.Validate()
		if (err == nil) != tt.ok {
			t.Errorf("%q.Validate() = %v, want ok=%v", tt.d, err, tt.ok)
		}
		if err != nil && !IsCode(err, EINVALID) {
			t.Errorf("%q.Validate() code = %s, want EINVALID", tt.d, ErrorCode(err))
		}
	}
}

func TestDateTime(t *testing.T) {
	tests := []struct {
		d    Date
		want string
		ok   bool
	}{
		{"2026", "2026-01-01", true},
		{"2026-03", "2026-03-01", true},
		{"2026-03-09", "2026-03-09", true},
		{"", "", false},
		{"2026-02-30", "", false},
	}
	for _, tt := range tests {
		got, ok := tt.d.Time()
		if ok != tt.ok || (ok && got.Format("2006-01-02") != tt.want) {
			t.Errorf("%q.Time() = %v, %v; want %s, %v", tt.d, got, ok, tt.want, tt.ok)
		}
	}
	if got := DateOf(time.Date(2026, 1, 28, 23, 59, 0, 0, time.FixedZone("X", -5*3600))); got != "2026-01-28" {
		t.Errorf("DateOf = %q, want the day in the time's own zone", got)
	}
}

func TestDateHuman(t *testing.T) {
	tests := []struct {
		d    Date
		want string
	}{
		{"", ""},
		{"2026", "2026"},
		{"2026-01", "Jan 2026"},
		{"2026-01-27", "27 Jan 2026"},
		{"2026-01-05", "5 Jan 2026"},
		{"2025-12-31", "31 Dec 2025"},
		{"2026-09", "Sep 2026"},
		{"1999-05-01", "1 May 1999"},
		{"not a date", ""},
	}
	for _, tt := range tests {
		if got := tt.d.Human(); got != tt.want {
			t.Errorf("%q.Human() = %q, want %q", tt.d, got, tt.want)
		}
	}
}

func TestDateHumanParsesBack(t *testing.T) {
	for _, d := range []Date{"2026", "2026-01", "2026-01-27", "1999-12-05"} {
		if got, err := ParseDate(d.Human()); err != nil || got != d {
			t.Errorf("ParseDate(%q.Human() = %q) = %q, %v", d, d.Human(), got, err)
		}
	}
}

// The store sorts dates as text, so a partial date must sort before the dates it contains
// and everything must sort in time order.
func TestDateStringOrderIsTimeOrder(t *testing.T) {
	want := []Date{"1999", "2025-12-31", "2026", "2026-01", "2026-01-05", "2026-01-28", "2026-02", "2026-02-01", "2026-10", "2026-11-30", "2027"}
	got := slices.Clone(want)
	slices.Reverse(got)
	slices.Sort(got)
	if !slices.Equal(got, want) {
		t.Errorf("sorted as strings: %v\nwant %v", got, want)
	}
	// And the first instants agree with the text order.
	for i := 1; i < len(want); i++ {
		a, _ := want[i-1].Time()
		b, _ := want[i].Time()
		if b.Before(a) {
			t.Errorf("%s sorts after %s but starts before it", want[i], want[i-1])
		}
	}
}

func TestRange(t *testing.T) {
	tests := []struct {
		start, end Date
		want       string
	}{
		{"", "", ""},
		{"2026-01-27", "", "27 Jan 2026"},
		{"2026-01-27", "2026-01-27", "27 Jan 2026"},
		{"2026-01", "2026-03", "Jan 2026 – Mar 2026"},
		{"2025", "2026-01-28", "2025 – 28 Jan 2026"},
		{"", "2026-03", "until Mar 2026"},
	}
	for _, tt := range tests {
		if got := Range(tt.start, tt.end); got != tt.want {
			t.Errorf("Range(%q, %q) = %q, want %q", tt.start, tt.end, got, tt.want)
		}
	}
}

func FuzzParseDate(f *testing.F) {
	for _, s := range []string{
		"2026", "2026-01", "2026-1-28", "2026/01/28", "28 Jan 2026", "Jan. 28, 2026", "January 2026",
		"28.01.2026", "2026-01-28T10:15:00Z", "2026-01-28 10:15:00", "28th January 2026", "2026-02-30",
		"13/13/2026", "99999", "year 3000", "tomorrow", "", "0000-00-00", "2026-01-28T", "Sept 2025",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := ParseDate(s)
		if err != nil {
			if d != "" {
				t.Fatalf("ParseDate(%q) = %q beside error %v", s, d, err)
			}
			if !IsCode(err, EINVALID) {
				t.Fatalf("ParseDate(%q) error code %s, want EINVALID", s, ErrorCode(err))
			}
			if !utf8.ValidString(ErrorMessage(err)) && utf8.ValidString(s) {
				t.Fatalf("ParseDate(%q) error message is not UTF-8", s)
			}
			return
		}
		if err := d.Validate(); err != nil {
			t.Fatalf("ParseDate(%q) = %q, which does not validate: %v", s, d, err)
		}
		if d == "" {
			if strings.TrimSpace(s) != "" {
				t.Fatalf("ParseDate(%q) = unknown date without an error", s)
			}
			return
		}
		if d.Precision() == Unknown {
			t.Fatalf("ParseDate(%q) = %q has no precision", s, d)
		}
		again, err := ParseDate(string(d))
		if err != nil || again != d {
			t.Fatalf("ParseDate(%q) = %q, but that re-parses to %q, %v", s, d, again, err)
		}
		if h := d.Human(); h == "" {
			t.Fatalf("%q.Human() is empty", d)
		} else if back, err := ParseDate(h); err != nil || back != d {
			t.Fatalf("%q.Human() = %q re-parses to %q, %v", d, h, back, err)
		}
	})
}
