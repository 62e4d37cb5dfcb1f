package edm

import (
	"fmt"
	"time"
)

// ParseError reports text that is not the literal form of its Edm type.
// Every parser in this package returns a *ParseError.
type ParseError struct {
	Type   string // the Edm type, e.g. "Edm.Date"
	Input  string // the text that was parsed
	Reason string // what is wrong with it
}

// Error returns `edm: invalid <Type> "<Input>": <Reason>`. Long inputs are
// shortened in the message (Input keeps them whole).
func (e *ParseError) Error() string {
	in := e.Input
	if len(in) > 64 {
		in = in[:61] + "..."
	}
	return fmt.Sprintf("edm: invalid %s %q: %s", e.Type, in, e.Reason)
}

func parseErr(typ, in, format string, args ...any) error {
	return &ParseError{Type: typ, Input: in, Reason: fmt.Sprintf(format, args...)}
}

// maxYearDigits bounds the year of a Date so that it fits any int and
// time.Date handles it.
const maxYearDigits = 9

// Date is an Edm.Date: a calendar day without a time zone, in the proleptic
// Gregorian calendar.
//
// The text form is the OData ABNF dateValue: `[-]YYYY-MM-DD`. The year has at
// least four digits, and more only without a leading zero ("12345-01-01"
// but not "01234-01-01"); a leading '-' makes it negative. Year 0 exists
// (it is 1 BC, as in XML Schema 1.1 and the time package), so "-0000-01-01"
// and "0000-01-01" are the same Date. This package accepts years with up to
// nine digits.
//
// The zero Date (0000-00-00) is not a valid date; [Date.IsZero] reports it
// and [Date.MarshalText] refuses it, so use *Date or Nullable[Date] for an
// optional date.
type Date struct {
	Year  int        // any year; negative years are before year 0
	Month time.Month // 1 to 12
	Day   int        // 1 to the length of the month
}

// ParseDate parses an Edm.Date such as "2024-02-29".
func ParseDate(s string) (Date, error) {
	const typ = "Edm.Date"
	i := 0
	neg := false
	if i < len(s) && s[i] == '-' {
		neg = true
		i++
	}
	start := i
	year := 0
	for i < len(s) && isDigit(s[i]) {
		if i-start == maxYearDigits {
			return Date{}, parseErr(typ, s, "year has more than %d digits", maxYearDigits)
		}
		year = year*10 + int(s[i]-'0')
		i++
	}
	switch n := i - start; {
	case n == 0:
		return Date{}, parseErr(typ, s, "want a year at offset %d", start)
	case n < 4:
		return Date{}, parseErr(typ, s, "year needs at least 4 digits")
	case n > 4 && s[start] == '0':
		return Date{}, parseErr(typ, s, "a year of more than 4 digits cannot start with 0")
	}
	if neg {
		year = -year
	}
	month, i, ok := twoDigits(s, i, '-')
	if !ok {
		return Date{}, parseErr(typ, s, "want -MM at offset %d", i)
	}
	day, i, ok := twoDigits(s, i, '-')
	if !ok {
		return Date{}, parseErr(typ, s, "want -DD at offset %d", i)
	}
	if i != len(s) {
		return Date{}, parseErr(typ, s, "unexpected text at offset %d", i)
	}
	if month < 1 || month > 12 {
		return Date{}, parseErr(typ, s, "month %02d out of range", month)
	}
	if day < 1 || day > daysIn(time.Month(month), year) {
		return Date{}, parseErr(typ, s, "day %02d out of range for the month", day)
	}
	return Date{Year: year, Month: time.Month(month), Day: day}, nil
}

// twoDigits reads sep followed by two digits at s[i:]. It returns the
// number, the offset after it, and whether it was there. On failure the
// offset is i.
func twoDigits(s string, i int, sep byte) (int, int, bool) {
	if i+3 > len(s) || s[i] != sep || !isDigit(s[i+1]) || !isDigit(s[i+2]) {
		return 0, i, false
	}
	return int(s[i+1]-'0')*10 + int(s[i+2]-'0'), i + 3, true
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

func isLeap(year int) bool {
	return year%4 == 0 && (year%100 != 0 || year%400 == 0)
}

func daysIn(m time.Month, year int) int {
	switch m {
	case time.February:
		if isLeap(year) {
			return 29
		}
		return 28
	case time.April, time.June, time.September, time.November:
		return 30
	}
	return 31
}

// DateOf returns the Date on which t falls, in t's location.
func DateOf(t time.Time) Date {
	y, m, d := t.Date()
	return Date{Year: y, Month: m, Day: d}
}

// IsValid reports whether d is a day of the calendar.
func (d Date) IsValid() bool {
	return d.Month >= time.January && d.Month <= time.December &&
		d.Day >= 1 && d.Day <= daysIn(d.Month, d.Year)
}

// IsZero reports whether d is the zero Date.
func (d Date) IsZero() bool { return d == Date{} }

// Time returns midnight at the start of d in loc (UTC when loc is nil).
func (d Date) Time(loc *time.Location) time.Time {
	return d.At(TimeOfDay{}, loc)
}

// At returns the instant at time of day t on d in loc (UTC when loc is nil).
func (d Date) At(t TimeOfDay, loc *time.Location) time.Time {
	if loc == nil {
		loc = time.UTC
	}
	return time.Date(d.Year, d.Month, d.Day, t.Hour, t.Minute, t.Second, t.Nanosecond, loc)
}

// Compare returns -1, 0 or +1 as d is before, equal to or after e.
func (d Date) Compare(e Date) int {
	switch {
	case d.Year != e.Year:
		return cmpInt(d.Year, e.Year)
	case d.Month != e.Month:
		return cmpInt(int(d.Month), int(e.Month))
	}
	return cmpInt(d.Day, e.Day)
}

func cmpInt(a, b int) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// String returns d in the Edm.Date form, e.g. "2024-02-29" or "-0044-03-15".
// It formats invalid dates too (the zero Date is "0000-00-00").
func (d Date) String() string {
	return string(d.appendText(make([]byte, 0, 16)))
}

func (d Date) appendText(b []byte) []byte {
	y := d.Year
	if y < 0 {
		b = append(b, '-')
		y = -y
	}
	b = appendPadded(b, y, 4)
	b = append(b, '-')
	b = appendPadded(b, int(d.Month), 2)
	b = append(b, '-')
	return appendPadded(b, d.Day, 2)
}

// appendPadded appends the decimal form of n >= 0 with at least width
// digits.
func appendPadded(b []byte, n, width int) []byte {
	var buf [20]byte
	i := len(buf)
	for n >= 10 || width > 1 {
		i--
		buf[i] = byte('0' + n%10)
		n /= 10
		width--
	}
	i--
	buf[i] = byte('0' + n)
	return append(b, buf[i:]...)
}

// MarshalText returns the Edm.Date form of d. It fails for an invalid Date,
// so a zero Date is never sent as "0000-00-00".
func (d Date) MarshalText() ([]byte, error) {
	if !d.IsValid() {
		return nil, fmt.Errorf("edm: Date %s is not a valid Edm.Date", d)
	}
	return d.appendText(make([]byte, 0, 16)), nil
}

// UnmarshalText parses an Edm.Date (see [ParseDate]).
func (d *Date) UnmarshalText(text []byte) error {
	v, err := ParseDate(string(text))
	if err != nil {
		return err
	}
	*d = v
	return nil
}

// TimeOfDay is an Edm.TimeOfDay: a time on a clock, without date or time zone.
//
// The text form is the OData ABNF timeOfDayValue: `hh:mm[:ss[.fffffffffff]]`
// with 1 to 12 fractional digits. TimeOfDay keeps nanoseconds: digits after
// the ninth are read but dropped (truncated). Second may be 60 (a leap
// second), as the ABNF allows. [TimeOfDay.String] always writes the seconds
// and writes only the fractional digits needed, so "12:15" becomes
// "12:15:00" and "12:15:03.120" becomes "12:15:03.12".
//
// The zero TimeOfDay is midnight, 00:00:00.
type TimeOfDay struct {
	Hour       int // 0 to 23
	Minute     int // 0 to 59
	Second     int // 0 to 60
	Nanosecond int // 0 to 999999999
}

// maxFractionDigits is the number of fractional digits of seconds the OData
// ABNF allows in a TimeOfDay.
const maxFractionDigits = 12

// ParseTimeOfDay parses an Edm.TimeOfDay such as "13:45", "13:45:07" or
// "13:45:07.5".
func ParseTimeOfDay(s string) (TimeOfDay, error) {
	const typ = "Edm.TimeOfDay"
	var t TimeOfDay
	var ok bool
	i := 0
	if len(s) < 2 || !isDigit(s[0]) || !isDigit(s[1]) {
		return TimeOfDay{}, parseErr(typ, s, "want hh at offset 0")
	}
	t.Hour, i = int(s[0]-'0')*10+int(s[1]-'0'), 2
	if t.Minute, i, ok = twoDigits(s, i, ':'); !ok {
		return TimeOfDay{}, parseErr(typ, s, "want :mm at offset %d", i)
	}
	if i < len(s) {
		if t.Second, i, ok = twoDigits(s, i, ':'); !ok {
			return TimeOfDay{}, parseErr(typ, s, "want :ss at offset %d", i)
		}
		if i < len(s) && s[i] == '.' {
			ns, n := parseFraction(s[i+1:])
			if n == 0 {
				return TimeOfDay{}, parseErr(typ, s, "want digits after '.' at offset %d", i)
			}
			if n > maxFractionDigits {
				return TimeOfDay{}, parseErr(typ, s, "more than %d fractional digits", maxFractionDigits)
			}
			t.Nanosecond = ns
			i += 1 + n
		}
	}
	if i != len(s) {
		return TimeOfDay{}, parseErr(typ, s, "unexpected text at offset %d", i)
	}
	switch {
	case t.Hour > 23:
		return TimeOfDay{}, parseErr(typ, s, "hour %02d out of range", t.Hour)
	case t.Minute > 59:
		return TimeOfDay{}, parseErr(typ, s, "minute %02d out of range", t.Minute)
	case t.Second > 60:
		return TimeOfDay{}, parseErr(typ, s, "second %02d out of range", t.Second)
	}
	return t, nil
}

// parseFraction reads the digits at the start of s as a fraction of a
// second. It returns the nanoseconds (later digits truncated) and the number
// of digits read.
func parseFraction(s string) (ns int, n int) {
	scale := 100_000_000
	for n < len(s) && isDigit(s[n]) {
		ns += int(s[n]-'0') * scale
		scale /= 10
		n++
	}
	return ns, n
}

// TimeOfDayOf returns the time of day of t in t's location.
func TimeOfDayOf(t time.Time) TimeOfDay {
	h, m, s := t.Clock()
	return TimeOfDay{Hour: h, Minute: m, Second: s, Nanosecond: t.Nanosecond()}
}

// IsValid reports whether every field of t is in range.
func (t TimeOfDay) IsValid() bool {
	return t.Hour >= 0 && t.Hour <= 23 && t.Minute >= 0 && t.Minute <= 59 &&
		t.Second >= 0 && t.Second <= 60 && t.Nanosecond >= 0 && t.Nanosecond <= 999_999_999
}

// Compare returns -1, 0 or +1 as t is before, equal to or after u.
func (t TimeOfDay) Compare(u TimeOfDay) int {
	switch {
	case t.Hour != u.Hour:
		return cmpInt(t.Hour, u.Hour)
	case t.Minute != u.Minute:
		return cmpInt(t.Minute, u.Minute)
	case t.Second != u.Second:
		return cmpInt(t.Second, u.Second)
	}
	return cmpInt(t.Nanosecond, u.Nanosecond)
}

// String returns t in the Edm.TimeOfDay form "hh:mm:ss[.f...]".
func (t TimeOfDay) String() string {
	return string(t.appendText(make([]byte, 0, 18)))
}

func (t TimeOfDay) appendText(b []byte) []byte {
	b = appendPadded(b, t.Hour, 2)
	b = append(b, ':')
	b = appendPadded(b, t.Minute, 2)
	b = append(b, ':')
	b = appendPadded(b, t.Second, 2)
	return appendNanos(b, t.Nanosecond)
}

// appendNanos appends ".fff" for ns > 0 with trailing zeros removed.
func appendNanos(b []byte, ns int) []byte {
	if ns <= 0 {
		return b
	}
	digits := 9
	for ns%10 == 0 {
		ns /= 10
		digits--
	}
	b = append(b, '.')
	return appendPadded(b, ns, digits)
}

// MarshalText returns the Edm.TimeOfDay form of t, or an error when a field
// is out of range.
func (t TimeOfDay) MarshalText() ([]byte, error) {
	if !t.IsValid() {
		return nil, fmt.Errorf("edm: TimeOfDay{%d, %d, %d, %d} is not a valid Edm.TimeOfDay", t.Hour, t.Minute, t.Second, t.Nanosecond)
	}
	return t.appendText(make([]byte, 0, 18)), nil
}

// UnmarshalText parses an Edm.TimeOfDay (see [ParseTimeOfDay]).
func (t *TimeOfDay) UnmarshalText(text []byte) error {
	v, err := ParseTimeOfDay(string(text))
	if err != nil {
		return err
	}
	*t = v
	return nil
}
