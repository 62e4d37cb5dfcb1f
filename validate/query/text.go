package query

import (
	"fmt"
	"unicode"
	"unicode/utf8"
)

// Default limits of Parse, in the spirit of filter.DefaultMaxLength and
// filter.DefaultMaxDepth.
const (
	// DefaultMaxLength is the longest input Parse accepts, in bytes: the
	// whole URL or query string. 16 KiB is above what services accept in
	// a request line.
	DefaultMaxLength = 16 << 10
	// DefaultMaxDepth is the deepest nesting Parse accepts: each
	// parenthesis of $expand and $select options, of $search, of a JSON
	// value, and each NOT of $search opens a level; the nesting inside
	// a $filter or $orderby expression counts on top of the level it is
	// written at.
	DefaultMaxDepth = 100
)

// maxIdentifier is the longest odataIdentifier the ABNF allows.
const maxIdentifier = 128

// Option configures Parse and Check.
type Option func(*config)

type config struct {
	maxLength      int
	maxDepth       int
	dollarRequired bool
}

// MaxLength sets the longest input accepted, in bytes (n <= 0 means
// DefaultMaxLength). Longer input is rejected before it is read.
func MaxLength(n int) Option { return func(c *config) { c.maxLength = n } }

// MaxDepth sets the deepest nesting accepted (n <= 0 means
// DefaultMaxDepth).
func MaxDepth(n int) Option { return func(c *config) { c.maxDepth = n } }

// DollarRequired reads the query as OData 4.0 does: system query options
// must start with "$", and a name without it ("select=a") is a custom
// query option at the top level and an error inside $expand and $select.
func DollarRequired() Option { return func(c *config) { c.dollarRequired = true } }

func newConfig(opts []Option) config {
	var c config
	for _, o := range opts {
		o(&c)
	}
	if c.maxLength <= 0 {
		c.maxLength = DefaultMaxLength
	}
	if c.maxDepth <= 0 {
		c.maxDepth = DefaultMaxDepth
	}
	return c
}

func errAt(off int, format string, args ...any) *Error {
	return &Error{Offset: off, Msg: fmt.Sprintf(format, args...)}
}

// text is the decoded value of one query option (or its name), with the
// map back to offsets in the input.
type text struct {
	s    string  // decoded
	base int     // offset in the input of the first raw byte
	off  []int32 // off[i] is the raw offset of s[i] relative to base, for i <= len(s); nil when nothing was %-escaped
}

// raw returns the offset in the input of s[i] (i == len(s) is the end of
// the raw text).
func (t *text) raw(i int) int {
	if t.off == nil {
		return t.base + i
	}
	return t.base + int(t.off[i])
}

// escaped reports whether s[i] was written as a %XX escape.
func (t *text) escaped(i int) bool {
	return t.off != nil && t.off[i+1]-t.off[i] == 3
}

// decode undoes the percent-encoding of raw, which starts at offset base
// of the input: %XX escapes, and "+" for a space, as HTML forms (and
// filter.FromQuery) do.
func decode(raw string, base int) (*text, *Error) {
	plain := true
	for i := 0; i < len(raw); i++ {
		if raw[i] == '%' || raw[i] == '+' {
			plain = false
			break
		}
	}
	if plain {
		return &text{s: raw, base: base}, nil
	}
	b := make([]byte, 0, len(raw))
	var off []int32
	for i := 0; i < len(raw); {
		c := raw[i]
		switch c {
		case '%':
			if i+2 >= len(raw) || !isHex(raw[i+1]) || !isHex(raw[i+2]) {
				return nil, errAt(base+i, "%% must be followed by two hexadecimal digits (write %%25 for a literal %%)")
			}
			if off == nil {
				off = make([]int32, len(b), len(raw)+1)
				for j := range off {
					off[j] = int32(j)
				}
			}
			off = append(off, int32(i))
			b = append(b, unhex(raw[i+1])<<4|unhex(raw[i+2]))
			i += 3
			continue
		case '+':
			c = ' '
		}
		if off != nil {
			off = append(off, int32(i))
		}
		b = append(b, c)
		i++
	}
	if off != nil {
		off = append(off, int32(len(raw)))
	}
	return &text{s: string(b), base: base, off: off}, nil
}

func isHex(c byte) bool {
	return isDigit(c) || (c|0x20 >= 'a' && c|0x20 <= 'f')
}

func unhex(c byte) byte {
	switch {
	case isDigit(c):
		return c - '0'
	default:
		return c | 0x20 - 'a' + 10
	}
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

func isWS(c byte) bool { return c == ' ' || c == '\t' }

// scanIdent returns the end of the odataIdentifier at s[i:], or i when
// there is none.
func scanIdent(s string, i int) int {
	if i >= len(s) {
		return i
	}
	r, n := utf8.DecodeRuneInString(s[i:])
	if !isIdentStart(r) {
		return i
	}
	j := i + n
	for j < len(s) {
		r, n := utf8.DecodeRuneInString(s[j:])
		if !isIdentPart(r) {
			break
		}
		j += n
	}
	return j
}

// isIdentStart: ALPHA / "_" / Unicode letters (L, Nl).
func isIdentStart(r rune) bool {
	if r < utf8.RuneSelf {
		return r == '_' || (r|0x20 >= 'a' && r|0x20 <= 'z')
	}
	return unicode.IsLetter(r) || unicode.Is(unicode.Nl, r)
}

// isIdentPart: ALPHA / "_" / DIGIT / Unicode L, Nl, Nd, Mn, Mc, Pc, Cf.
func isIdentPart(r rune) bool {
	if r < utf8.RuneSelf {
		return r == '_' || isDigit(byte(r)) || (r|0x20 >= 'a' && r|0x20 <= 'z')
	}
	return unicode.IsLetter(r) || unicode.In(r, unicode.Nl, unicode.Nd, unicode.Mn, unicode.Mc, unicode.Pc, unicode.Cf)
}

// isIdentifier reports whether s is one odataIdentifier.
func isIdentifier(s string) bool {
	return s != "" && len(s) <= 4*maxIdentifier && scanIdent(s, 0) == len(s) && utf8.RuneCountInString(s) <= maxIdentifier
}

// isQualifiedName reports whether s is identifiers joined by dots (one or
// more).
func isQualifiedName(s string) bool {
	start := 0
	for i := 0; i <= len(s); i++ {
		if i == len(s) || s[i] == '.' {
			if !isIdentifier(s[start:i]) {
				return false
			}
			start = i + 1
		}
	}
	return true
}

// describe returns a short description of s[i:] for messages.
func describe(s string, i int) string {
	if i >= len(s) {
		return "end of input"
	}
	r, n := utf8.DecodeRuneInString(s[i:])
	if r == utf8.RuneError && n <= 1 {
		return fmt.Sprintf("byte %#02x", s[i])
	}
	if j := scanIdent(s, i); j > i {
		if j-i > 40 {
			return fmt.Sprintf("%q...", s[i:i+40])
		}
		return s[i:j]
	}
	return fmt.Sprintf("%q", r)
}
