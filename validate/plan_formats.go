package validate

import "github.com/odatagen/odatagen/validate/internal/formats"

// Format and number checks of a Plan, on bytes and without allocating.
// Each accepts exactly what the check of schemaset.Set accepts:
// jsonschema's "date" and "uuid", and internal/formats' "date-time"
// (formats.DateTime, which both use), "time-of-day", "duration" and
// "base64url"; the tests compare them on fuzzed input.

// planDate is jsonschema's "date" (formats.Date).
func planDate(s []byte) bool { return formats.Date(s) }

// planDateTime is the "date-time" format (formats.DateTime), with
// noSeconds also a time without seconds.
func planDateTime(s []byte, noSeconds bool) bool { return formats.DateTime(s, noSeconds) }

// planGUID is jsonschema's "uuid" (formats.GUID).
func planGUID(s []byte) bool { return formats.GUID(s) }

// planTwoDigits is formats.twoDigits: two digits, at most max.
func planTwoDigits(s []byte, max int) ([]byte, bool) {
	if len(s) < 2 || s[0]-'0' >= 10 || s[1]-'0' >= 10 {
		return s, false
	}
	return s[2:], int(s[0]-'0')*10+int(s[1]-'0') <= max
}

// planTimeOfDay is formats.TimeOfDay: hh:mm[:ss[.fffffff]].
func planTimeOfDay(s []byte) bool {
	rest, ok := planTwoDigits(s, 23)
	if !ok || len(rest) == 0 || rest[0] != ':' {
		return false
	}
	if rest, ok = planTwoDigits(rest[1:], 59); !ok {
		return false
	}
	if len(rest) == 0 {
		return true
	}
	if rest[0] != ':' {
		return false
	}
	if rest, ok = planTwoDigits(rest[1:], 59); !ok {
		return false
	}
	if len(rest) == 0 {
		return true
	}
	return rest[0] == '.' && len(rest) > 1 && planDigits(rest[1:]) == len(rest)-1
}

func planDigits(s []byte) int {
	n := 0
	for n < len(s) && s[n]-'0' < 10 {
		n++
	}
	return n
}

// planDuration is formats.Duration.
func planDuration(s []byte) bool {
	if len(s) > 0 && s[0] == '-' {
		s = s[1:]
	}
	if len(s) == 0 || s[0] != 'P' || len(s) == 1 {
		return false
	}
	s = s[1:]
	date, tm, hasT := s, []byte(nil), false
	for i, c := range s {
		if c == 'T' {
			date, tm, hasT = s[:i], s[i+1:], true
			break
		}
	}
	if hasT && len(tm) == 0 {
		return false
	}
	units := "YMWD"
	for len(date) > 0 {
		n := planDigits(date)
		if n == 0 || n == len(date) {
			return false
		}
		i := indexByteString(units, date[n])
		if i < 0 {
			return false
		}
		units = units[i+1:]
		date = date[n+1:]
	}
	units = "HMS"
	for len(tm) > 0 {
		n := planDigits(tm)
		if n == 0 || n == len(tm) {
			return false
		}
		rest := tm[n:]
		if rest[0] == '.' {
			f := planDigits(rest[1:])
			if f == 0 || 1+f == len(rest) || rest[1+f] != 'S' {
				return false
			}
			rest = rest[1+f:]
		}
		i := indexByteString(units, rest[0])
		if i < 0 {
			return false
		}
		units = units[i+1:]
		tm = rest[1:]
	}
	return true
}

func indexByteString(s string, c byte) int {
	for i := 0; i < len(s); i++ {
		if s[i] == c {
			return i
		}
	}
	return -1
}

// planBase64 is formats.Base64: what one of encoding/base64's
// RawURLEncoding, URLEncoding, StdEncoding and RawStdEncoding decodes.
// Those skip '\r' and '\n' anywhere; one alphabet must hold every other
// character; padded, the length is a multiple of four and "=" or "=="
// ends it; unpadded, the length leaves no single character over.
func planBase64(s []byte) bool {
	n, pad := 0, 0
	urlOnly, stdOnly := false, false
	for _, c := range s {
		switch {
		case c == '\r' || c == '\n':
			continue
		case c == '=':
			pad++
			n++
			continue
		case pad > 0:
			return false // a character after the padding
		case c-'A' < 26 || c-'a' < 26 || c-'0' < 10:
		case c == '-' || c == '_':
			urlOnly = true
		case c == '+' || c == '/':
			stdOnly = true
		default:
			return false
		}
		n++
	}
	if urlOnly && stdOnly {
		return false
	}
	if pad == 0 {
		return n%4 != 1
	}
	return pad <= 2 && n%4 == 0
}

// Integer checks. The schemas say "type": "integer" with a minimum and a
// maximum, which jsonschema decides with math/big: a number is an integer
// when big.Rat's SetString takes it (an exponent that fits an int64, and a
// power of ten of at most a million once the fraction is counted) and its
// value has no fraction ("1.0" and "1e2" are integers); then its value must
// lie within the bounds.

const (
	intOK = iota
	intNotInteger
	intOutOfRange
)

// planIntBounds are the minimum and maximum of the Edm integer kinds, and
// their words.
var planIntBounds = [...]struct {
	lo, hi int64
	words  string
}{
	KindByte:  {0, 255, " (0..255)"},
	KindSByte: {-128, 127, " (-128..127)"},
	KindInt16: {-32768, 32767, " (-32768..32767)"},
	KindInt32: {-2147483648, 2147483647, " (-2147483648..2147483647)"},
	KindInt64: {-9223372036854775808, 9223372036854775807, " (-9223372036854775808..9223372036854775807)"},
}

// planInteger classifies a JSON number literal for an integer kind.
func planInteger(raw []byte, k ValueKind) int {
	b := planIntBounds[k]
	// The common case: a few digits.
	d := raw
	neg := len(d) > 0 && d[0] == '-'
	if neg {
		d = d[1:]
	}
	if len(d) > 0 && len(d) <= 18 {
		var v int64
		for _, c := range d {
			if c-'0' >= 10 {
				return planIntegerSlow(raw, b.lo, b.hi)
			}
			v = v*10 + int64(c-'0')
		}
		if neg {
			v = -v
		}
		if v < b.lo || v > b.hi {
			return intOutOfRange
		}
		return intOK
	}
	return planIntegerSlow(raw, b.lo, b.hi)
}

// planIntegerSlow handles fractions, exponents and long numbers the way
// big.Rat does.
func planIntegerSlow(raw []byte, lo, hi int64) int {
	i, n := 0, len(raw)
	neg := i < n && raw[i] == '-'
	if neg {
		i++
	}
	intStart := i
	for i < n && raw[i]-'0' < 10 {
		i++
	}
	intEnd := i
	fracStart, fracEnd := i, i
	if i < n && raw[i] == '.' {
		i++
		fracStart = i
		for i < n && raw[i]-'0' < 10 {
			i++
		}
		fracEnd = i
	}
	var exp int64
	if i < n && raw[i]|0x20 == 'e' {
		i++
		expNeg := false
		if i < n && (raw[i] == '+' || raw[i] == '-') {
			expNeg = raw[i] == '-'
			i++
		}
		// strconv.ParseInt of the exponent: it must fit an int64.
		var u uint64
		for ; i < n && raw[i]-'0' < 10; i++ {
			if u > (1<<63)/10 {
				return intNotInteger
			}
			u = u*10 + uint64(raw[i]-'0')
			if u > 1<<63 {
				return intNotInteger
			}
		}
		if !expNeg && u == 1<<63 {
			return intNotInteger
		}
		exp = int64(u)
		if expNeg {
			exp = -exp // -(1<<63) wraps to itself, which is right
		}
	}
	// The mantissa's digits, without leading zeros.
	digit := func(j int) byte { // j-th digit of int part + fraction
		if j < intEnd-intStart {
			return raw[intStart+j]
		}
		return raw[fracStart+j-(intEnd-intStart)]
	}
	total := (intEnd - intStart) + (fracEnd - fracStart)
	first := 0
	for first < total && digit(first) == '0' {
		first++
	}
	if first == total { // zero, whatever the exponent
		if 0 < lo || 0 > hi {
			return intOutOfRange
		}
		return intOK
	}
	last := total // one past the last non-zero digit
	for digit(last-1) == '0' {
		last--
	}
	tz := total - last
	frac := int64(fracEnd - fracStart)
	// exp5 = exp - frac, as big.Rat computes it in int64 (wrapping).
	e5 := exp - frac
	if exp < 0 && e5 > exp { // wrapped around
		return intNotInteger
	}
	if e5 > 1e6 || e5 < -1e6 {
		return intNotInteger
	}
	if e5 < 0 && int64(tz) < -e5 {
		return intNotInteger
	}
	// The value's digits: the significant ones, then e5 zeros (or with
	// -e5 trailing zeros dropped).
	ndigits := int64(total-first) + e5
	if ndigits > 19 {
		return intOutOfRange
	}
	var mag uint64
	for j := int64(0); j < ndigits; j++ {
		c := byte('0')
		if j < int64(total-first) {
			c = digit(first + int(j))
		}
		next := mag*10 + uint64(c-'0')
		if next/10 != mag {
			return intOutOfRange
		}
		mag = next
	}
	if neg {
		if mag > uint64(-(lo+1))+1 {
			return intOutOfRange
		}
		if lo == 0 && mag > 0 {
			return intOutOfRange
		}
		return intOK
	}
	if mag > uint64(hi) {
		return intOutOfRange
	}
	return intOK
}

// planNumberLiteral reports whether s is a JSON number literal.
func planNumberLiteral(s []byte) bool {
	i, n := 0, len(s)
	if i < n && s[i] == '-' {
		i++
	}
	switch {
	case i >= n:
		return false
	case s[i] == '0':
		i++
	case s[i]-'1' < 9:
		for i < n && s[i]-'0' < 10 {
			i++
		}
	default:
		return false
	}
	if i < n && s[i] == '.' {
		i++
		if i >= n || s[i]-'0' >= 10 {
			return false
		}
		for i < n && s[i]-'0' < 10 {
			i++
		}
	}
	if i < n && s[i]|0x20 == 'e' {
		i++
		if i < n && (s[i] == '+' || s[i] == '-') {
			i++
		}
		if i >= n || s[i]-'0' >= 10 {
			return false
		}
		for i < n && s[i]-'0' < 10 {
			i++
		}
	}
	return i == n
}

// planCount is the collection response's @odata.count check,
// strconv.ParseInt(n, 10, 64) of the number literal.
func planCount(raw []byte) bool {
	d := raw
	if len(d) > 0 && d[0] == '-' {
		d = d[1:]
	}
	if len(d) == 0 || len(d) > 19 {
		return false
	}
	var u uint64
	for _, c := range d {
		if c-'0' >= 10 {
			return false
		}
		u = u*10 + uint64(c-'0')
	}
	if raw[0] == '-' {
		return u <= 1<<63
	}
	return u < 1<<63
}
