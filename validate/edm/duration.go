package edm

import (
	"math"
	"strconv"
	"time"
)

// Duration is an Edm.Duration: a signed length of time, held in nanoseconds
// like time.Duration (convert with time.Duration(d) and Duration(t)), so it
// covers about ±292 years.
//
// The text form is an XML Schema dayTimeDuration, which the OData ABNF
// spells durationValue: `[-]P[nD][T[nH][nM][n[.n]S]]`. A day is exactly 24
// hours. At least one component must be present and a "T" must be followed
// by one, so "P" and "PT" are invalid. There are no years or months ("P1Y",
// "P2M"), since their length varies. [ParseDuration] also accepts a leading
// '+' (the ABNF allows a sign), any number of digits per component (as long
// as the total fits), and more than nine fractional digits of seconds
// (truncated to nanoseconds).
//
// [Duration.String] writes the canonical form: every component that is not
// zero, largest first, each carried into the next larger one where it can
// be ("P1DT2H" for 26 hours, "PT1M30S" for 90 seconds), the fractional
// seconds without trailing zeros, and "PT0S" for zero.
type Duration time.Duration

const typDuration = "Edm.Duration"

// ParseDuration parses an Edm.Duration such as "P1DT2H", "PT90M" or
// "-PT0.5S".
func ParseDuration(s string) (Duration, error) {
	i := 0
	neg := false
	if i < len(s) && (s[i] == '-' || s[i] == '+') {
		neg = s[i] == '-'
		i++
	}
	if i >= len(s) || s[i] != 'P' {
		return 0, parseErr(typDuration, s, "want 'P' at offset %d", i)
	}
	i++
	// The largest magnitude: -(1<<63) nanoseconds is a valid Duration.
	const limit = uint64(1) << 63
	var total uint64
	inTime := false // after 'T'
	components := 0 // components read so far
	timeStart := -1 // offset of 'T'
	next := 0       // index in order of the next allowed designator
	order := "DHMS" // designators in the order they must appear
	units := [...]uint64{uint64(24 * time.Hour), uint64(time.Hour), uint64(time.Minute), uint64(time.Second)}
	for i < len(s) {
		if s[i] == 'T' {
			if inTime {
				return 0, parseErr(typDuration, s, "second 'T' at offset %d", i)
			}
			inTime, timeStart = true, i
			if next < 1 {
				next = 1
			}
			i++
			continue
		}
		numStart := i
		var n uint64
		overflow := false
		for i < len(s) && isDigit(s[i]) {
			if n > (math.MaxUint64-9)/10 {
				overflow = true
			} else {
				n = n*10 + uint64(s[i]-'0')
			}
			i++
		}
		if i == numStart {
			return 0, parseErr(typDuration, s, "want a number at offset %d", i)
		}
		ns, fracDigits := 0, 0
		if i < len(s) && s[i] == '.' {
			ns, fracDigits = parseFraction(s[i+1:])
			if fracDigits == 0 {
				return 0, parseErr(typDuration, s, "want digits after '.' at offset %d", i)
			}
			i += 1 + fracDigits
		}
		if i >= len(s) {
			return 0, parseErr(typDuration, s, "number at offset %d lacks a designator (D, H, M or S)", numStart)
		}
		c := s[i]
		if c == 'Y' || (c == 'M' && !inTime) {
			return 0, parseErr(typDuration, s, "OData durations have no years or months (Edm.Duration is a dayTimeDuration)")
		}
		k := 0
		for k < len(order) && order[k] != c {
			k++
		}
		switch {
		case k == len(order):
			return 0, parseErr(typDuration, s, "unexpected %q at offset %d", c, i)
		case k == 0 && inTime:
			return 0, parseErr(typDuration, s, "days (D) must come before 'T'")
		case k > 0 && !inTime:
			return 0, parseErr(typDuration, s, "%c needs a 'T' before it", c)
		case k < next:
			return 0, parseErr(typDuration, s, "%c at offset %d is repeated or out of order", c, i)
		case fracDigits > 0 && c != 'S':
			return 0, parseErr(typDuration, s, "only seconds may have a fraction")
		}
		next = k + 1
		components++
		i++
		if overflow || n > limit/units[k] {
			return 0, parseErr(typDuration, s, "out of range (at most about 292 years)")
		}
		if add := n*units[k] + uint64(ns); add <= limit-total {
			total += add
		} else {
			return 0, parseErr(typDuration, s, "out of range (at most about 292 years)")
		}
	}
	if inTime && next <= 1 {
		return 0, parseErr(typDuration, s, "want nH, nM or nS after 'T' at offset %d", timeStart)
	}
	if components == 0 {
		return 0, parseErr(typDuration, s, "want at least one component (nD, nH, nM or nS)")
	}
	if !neg {
		if total > math.MaxInt64 {
			return 0, parseErr(typDuration, s, "out of range (at most about 292 years)")
		}
		return Duration(total), nil
	}
	if total == limit {
		return Duration(math.MinInt64), nil
	}
	return Duration(-int64(total)), nil
}

// String returns d in the canonical Edm.Duration form, e.g. "P1DT2H30M",
// "-PT0.25S" or "PT0S".
func (d Duration) String() string {
	return string(d.appendText(make([]byte, 0, 32)))
}

// appendText appends the canonical text of d to b (see Duration): an
// optional '-', then whole days, then after a 'T' only the hours, minutes
// and seconds that are not zero, the seconds with their fraction trimmed
// of trailing zeros ("PT0.5S" when under a second). Zero is "PT0S"; a
// whole number of days has no 'T'. The magnitude is taken in uint64, so
// math.MinInt64 is written correctly. ParseDuration reads the output back
// to the same value.
func (d Duration) appendText(b []byte) []byte {
	if d == 0 {
		return append(b, "PT0S"...)
	}
	mag := uint64(d)
	if d < 0 {
		b = append(b, '-')
		mag = -mag // two's complement: right for math.MinInt64 too
	}
	b = append(b, 'P')
	day := uint64(24 * time.Hour)
	if days := mag / day; days > 0 {
		b = appendUint(b, days)
		b = append(b, 'D')
	}
	rem := mag % day
	if rem == 0 {
		return b
	}
	b = append(b, 'T')
	if h := rem / uint64(time.Hour); h > 0 {
		b = appendUint(b, h)
		b = append(b, 'H')
	}
	rem %= uint64(time.Hour)
	if m := rem / uint64(time.Minute); m > 0 {
		b = appendUint(b, m)
		b = append(b, 'M')
	}
	rem %= uint64(time.Minute)
	if rem > 0 {
		b = appendUint(b, rem/uint64(time.Second))
		b = appendNanos(b, int(rem%uint64(time.Second)))
		b = append(b, 'S')
	}
	return b
}

func appendUint(b []byte, n uint64) []byte {
	return strconv.AppendUint(b, n, 10)
}

// MarshalText returns the canonical Edm.Duration form of d.
func (d Duration) MarshalText() ([]byte, error) {
	return d.appendText(make([]byte, 0, 32)), nil
}

// UnmarshalText parses an Edm.Duration (see [ParseDuration]).
func (d *Duration) UnmarshalText(text []byte) error {
	v, err := ParseDuration(string(text))
	if err != nil {
		return err
	}
	*d = v
	return nil
}
