package validate

import (
	"encoding/base64"
	"errors"
	"strings"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

// The formats the schemas use beside JSON Schema's own "date" (Edm.Date)
// and "uuid" (Edm.Guid), which keep their standard meaning:
//
//   - "date-time": Edm.DateTimeOffset, RFC 3339's with digits where it says
//     digits. It replaces jsonschema's, which read them with strconv.Atoi
//     and so took "2020-01-01T+1:+2:-0Z".
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
var customFormats = []*jsonschema.Format{
	{Name: "date-time", Validate: stringFormat(checkDateTime)},
	{Name: "time-of-day", Validate: stringFormat(checkTimeOfDay)},
	{Name: "duration", Validate: stringFormat(checkDuration)},
	{Name: "base64url", Validate: stringFormat(checkBase64)},
}

// formatWords describes a format in the words of an error message.
var formatWords = map[string]string{
	"date-time":   "RFC 3339 date-time",
	"date":        "RFC 3339 full-date, YYYY-MM-DD",
	"time-of-day": "hh:mm:ss[.fffffff]",
	"duration":    "ISO 8601 duration, e.g. PT1H30M",
	"uuid":        "8-4-4-4-12 hexadecimal digits",
	"base64url":   "base64url",
}

func stringFormat(check func(string) error) func(any) error {
	return func(v any) error {
		s, ok := v.(string)
		if !ok {
			return nil
		}
		return check(s)
	}
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

func checkTimeOfDay(s string) error {
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

// checkDuration is the "duration" format: an optional '-', 'P', then date
// components Y, M, W, D and, after a 'T', time components H, M, S, each an
// integer before its designator, in that order and at most once; only
// seconds may have a fraction. "P", "PT" and a 'T' with nothing after it
// are refused. It is looser than edm.ParseDuration (years, months and
// weeks, any number of digits) but refuses the leading '+' that
// ParseDuration accepts.
func checkDuration(s string) error {
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

func checkBase64(s string) error {
	for _, enc := range []*base64.Encoding{base64.RawURLEncoding, base64.URLEncoding, base64.StdEncoding, base64.RawStdEncoding} {
		if _, err := enc.DecodeString(s); err == nil {
			return nil
		}
	}
	return errors.New("not base64url")
}

func checkDateTime(s string) error {
	if !planDateTime([]byte(s), false) {
		return errors.New("not an RFC 3339 date-time")
	}
	return nil
}
