// Package formats holds the string formats of odatagen's schema
// documents that both validators check: validate's Plan, on bytes, and
// validate/schemaset's Set, which registers them with jsonschema. They are
// here, once, so that the two cannot drift apart:
//
//   - "date-time": Edm.DateTimeOffset, RFC 3339's with digits where it says
//     digits (jsonschema's own read them with strconv.Atoi and so took
//     "2020-01-01T+1:+2:-0Z"); "date": Edm.Date, as jsonschema's.
//
//   - "time-of-day": Edm.TimeOfDay, hh:mm[:ss[.fffffffff]] with no offset.
//     (JSON Schema's "time" requires an offset, which OData's TimeOfDay
//     never has.)
//
//   - "duration": Edm.Duration as OData writes it: an optional sign, "P",
//     days, and a "T" part of hours, minutes and seconds with an optional
//     fraction ("-P1DT2H", "PT0.5S"). Years, months and weeks, which
//     ISO 8601 has and OData's dayTimeDuration does not, are accepted too,
//     since services do send them. This replaces JSON Schema's "duration",
//     which has no sign and no fractions.
//
//   - "base64url": Edm.Binary, base64url text (RFC 4648 section 5) with or
//     without padding; standard base64 is accepted as well, as edm.Binary
//     accepts it on input.
//
// Words describes each in the words of an error message.
package formats

import (
	"encoding/base64"
	"errors"
	"strings"
)

// Words describes a format in the words of an error message.
var Words = map[string]string{
	"date-time":   "RFC 3339 date-time",
	"date":        "RFC 3339 full-date, YYYY-MM-DD",
	"time-of-day": "hh:mm:ss[.fffffff]",
	"duration":    "ISO 8601 duration, e.g. PT1H30M",
	"uuid":        "8-4-4-4-12 hexadecimal digits",
	"base64url":   "base64url",
}

// Date is jsonschema's "date": time.Parse("2006-01-02", s), which takes
// exactly four digits, two and two, a month from 1 to 12 and a day of that
// month.
func Date(s []byte) bool {
	if len(s) != 10 || s[4] != '-' || s[7] != '-' {
		return false
	}
	for _, i := range [...]int{0, 1, 2, 3, 5, 6, 8, 9} {
		if s[i]-'0' >= 10 {
			return false
		}
	}
	year := int(s[0]-'0')*1000 + int(s[1]-'0')*100 + int(s[2]-'0')*10 + int(s[3]-'0')
	month := int(s[5]-'0')*10 + int(s[6]-'0')
	day := int(s[8]-'0')*10 + int(s[9]-'0')
	if month < 1 || month > 12 || day < 1 {
		return false
	}
	days := [...]int{31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31}[month-1]
	if month == 2 && year%4 == 0 && (year%100 != 0 || year%400 == 0) {
		days = 29
	}
	return day <= days
}

// DateTime is the "date-time" format (RFC 3339, digits only): a date,
// "T" or "t", and a time; with noSeconds also a time without seconds, as OData's ABNF
// allows.
func DateTime(s []byte, noSeconds bool) bool {
	if len(s) >= 20 && (s[10] == 'T' || s[10] == 't') && Date(s[:10]) && fullTime(s[11:]) {
		return true
	}
	return noSeconds && len(s) >= 17 && (s[10] == 'T' || s[10] == 't') && Date(s[:10]) && timeNoSeconds(s[11:])
}

// atoi2 reads two digits. (jsonschema's own "date-time" reads them
// with strconv.Atoi, which also takes "+7" and "-0", so that it accepted
// "2020-01-01T+1:+2:-0Z"; DateTime replaces it.)
func atoi2(a, b byte) (int, bool) {
	if a-'0' >= 10 || b-'0' >= 10 {
		return 0, false
	}
	return int(a-'0')*10 + int(b-'0'), true
}

// fullTime is RFC 3339's full-time: hh:mm:ss, an optional
// fraction, and Z or an offset ±hh:mm; a leap second only at 23:59 UTC.
func fullTime(s []byte) bool {
	if len(s) < 9 || s[2] != ':' || s[5] != ':' {
		return false
	}
	h, ok1 := atoi2(s[0], s[1])
	m, ok2 := atoi2(s[3], s[4])
	sec, ok3 := atoi2(s[6], s[7])
	if !ok1 || !ok2 || !ok3 || h > 23 || m > 59 || sec > 60 {
		return false
	}
	return timeRest(s[8:], h, m, sec)
}

// timeNoSeconds is hh:mm and Z or an offset.
func timeNoSeconds(s []byte) bool {
	if len(s) < 6 || s[2] != ':' || s[0]-'0' >= 10 || s[1]-'0' >= 10 || s[3]-'0' >= 10 || s[4]-'0' >= 10 {
		return false
	}
	h := int(s[0]-'0')*10 + int(s[1]-'0')
	m := int(s[3]-'0')*10 + int(s[4]-'0')
	if h > 23 || m > 59 || s[5] == '.' {
		return false
	}
	return timeRest(s[5:], h, m, 0)
}

// timeRest checks what follows the seconds: a fraction, then the
// offset, then the leap second rule.
func timeRest(s []byte, h, m, sec int) bool {
	if len(s) > 0 && s[0] == '.' {
		n := 1
		for n < len(s) && s[n]-'0' < 10 {
			n++
		}
		if n == 1 {
			return false
		}
		s = s[n:]
	}
	if !(len(s) == 1 && (s[0] == 'Z' || s[0] == 'z')) {
		if len(s) != 6 || s[3] != ':' {
			return false
		}
		sign := 0
		switch s[0] {
		case '+':
			sign = -1
		case '-':
			sign = 1
		default:
			return false
		}
		zh, ok1 := atoi2(s[1], s[2])
		zm, ok2 := atoi2(s[4], s[5])
		if !ok1 || !ok2 || zh > 23 || zm > 59 {
			return false
		}
		hm := h*60 + m + sign*(zh*60+zm)
		if hm < 0 {
			hm += 24 * 60
		}
		h, m = hm/60, hm%60
	}
	return sec < 60 || h == 23 && m == 59
}

// GUID is jsonschema's "uuid": 8-4-4-4-12 hexadecimal digits.
func GUID(s []byte) bool {
	if len(s) != 36 {
		return false
	}
	for i, c := range s {
		switch i {
		case 8, 13, 18, 23:
			if c != '-' {
				return false
			}
		default:
			if !isHex(c) {
				return false
			}
		}
	}
	return true
}

func isHex(c byte) bool {
	return c-'0' < 10 || (c|0x20)-'a' < 6
}

func digits(s string) int {
	n := 0
	for n < len(s) && s[n] >= '0' && s[n] <= '9' {
		n++
	}
	return n
}

// twoDigits reads exactly two digits at the start of s, at most max.
func twoDigits(s string, max int) (string, bool) {
	if len(s) < 2 || digits(s[:2]) != 2 {
		return s, false
	}
	v := int(s[0]-'0')*10 + int(s[1]-'0')
	return s[2:], v <= max
}

// TimeOfDay is the "time-of-day" format (Edm.TimeOfDay):
// hh:mm[:ss[.fffffff]], with no offset.
func TimeOfDay(s string) error {
	bad := errors.New("not hh:mm[:ss[.fffffff]]")
	rest, ok := twoDigits(s, 23)
	if !ok || !strings.HasPrefix(rest, ":") {
		return bad
	}
	if rest, ok = twoDigits(rest[1:], 59); !ok {
		return bad
	}
	if rest == "" {
		return nil
	}
	if !strings.HasPrefix(rest, ":") {
		return bad
	}
	if rest, ok = twoDigits(rest[1:], 59); !ok {
		return bad
	}
	if rest == "" {
		return nil
	}
	if rest[0] != '.' || len(rest) == 1 || digits(rest[1:]) != len(rest)-1 {
		return bad
	}
	return nil
}

// Duration is the "duration" format: an optional '-', 'P', then date
// components Y, M, W, D and, after a 'T', time components H, M, S, each an
// integer before its designator, in that order and at most once; only
// seconds may have a fraction. "P", "PT" and a 'T' with nothing after it
// are refused. It is looser than edm.ParseDuration (years, months and
// weeks, any number of digits) but refuses the leading '+' that
// ParseDuration accepts.
func Duration(s string) error {
	bad := errors.New("not an ISO 8601 duration")
	s = strings.TrimPrefix(s, "-")
	s, ok := strings.CutPrefix(s, "P")
	if !ok || s == "" {
		return bad
	}
	date, tm, hasT := strings.Cut(s, "T")
	if hasT && tm == "" {
		return bad
	}
	units := "YMWD"
	for date != "" {
		n := digits(date)
		if n == 0 || n == len(date) {
			return bad
		}
		i := strings.IndexByte(units, date[n])
		if i < 0 {
			return bad
		}
		units = units[i+1:]
		date = date[n+1:]
	}
	units = "HMS"
	for tm != "" {
		n := digits(tm)
		if n == 0 || n == len(tm) {
			return bad
		}
		rest := tm[n:]
		if rest[0] == '.' {
			f := digits(rest[1:])
			if f == 0 || 1+f == len(rest) || rest[1+f] != 'S' {
				return bad
			}
			rest = rest[1+f:]
		}
		i := strings.IndexByte(units, rest[0])
		if i < 0 {
			return bad
		}
		units = units[i+1:]
		tm = rest[1:]
	}
	return nil
}

// Base64 is the "base64url" format (Edm.Binary): base64url text with or
// without padding, or standard base64, as edm.Binary accepts on input.
func Base64(s string) error {
	for _, enc := range []*base64.Encoding{base64.RawURLEncoding, base64.URLEncoding, base64.StdEncoding, base64.RawStdEncoding} {
		if _, err := enc.DecodeString(s); err == nil {
			return nil
		}
	}
	return errors.New("not base64url")
}

// DateTimeString is the "date-time" format (Edm.DateTimeOffset) of a
// string: DateTime with seconds required.
func DateTimeString(s string) error {
	if !DateTime([]byte(s), false) {
		return errors.New("not an RFC 3339 date-time")
	}
	return nil
}
