package docscheck

import (
	"encoding/json"
	"strconv"
	"strings"
)

// locate finds the value a JSON pointer (RFC 6901) names in a JSON text.
// It returns the byte offset of the member name's opening quote when the
// pointer's last token is an object member, of the value itself when it
// is an array item or the whole text (pointer ""), and the offsets where
// that value starts and ends (end exclusive). ok is false when the text
// holds no such value or cannot be read that far; locate never panics on
// any input.
func locate(text []byte, pointer string) (at, start, end int, ok bool) {
	var tokens []string
	if pointer != "" {
		if pointer[0] != '/' {
			return 0, 0, 0, false
		}
		for _, t := range strings.Split(pointer[1:], "/") {
			tokens = append(tokens, strings.ReplaceAll(strings.ReplaceAll(t, "~1", "/"), "~0", "~"))
		}
	}
	s := scanner{b: text}
	s.space()
	at = s.i
	for _, tok := range tokens {
		if s.i >= len(s.b) {
			return 0, 0, 0, false
		}
		switch s.b[s.i] {
		case '{':
			s.i++
			for {
				s.space()
				if s.i >= len(s.b) || s.b[s.i] == '}' {
					return 0, 0, 0, false
				}
				nameAt := s.i
				name, ok := s.str()
				if !ok {
					return 0, 0, 0, false
				}
				s.space()
				if s.i >= len(s.b) || s.b[s.i] != ':' {
					return 0, 0, 0, false
				}
				s.i++
				s.space()
				if name == tok {
					at = nameAt
					break
				}
				if !s.value() || !s.comma() {
					return 0, 0, 0, false
				}
			}
		case '[':
			n, err := strconv.Atoi(tok)
			if err != nil || n < 0 || (len(tok) > 1 && tok[0] == '0') {
				return 0, 0, 0, false
			}
			s.i++
			for k := 0; ; k++ {
				s.space()
				if s.i >= len(s.b) || s.b[s.i] == ']' {
					return 0, 0, 0, false
				}
				if k == n {
					at = s.i
					break
				}
				if !s.value() || !s.comma() {
					return 0, 0, 0, false
				}
			}
		default:
			return 0, 0, 0, false
		}
	}
	start = s.i
	if !s.value() {
		return 0, 0, 0, false
	}
	return at, start, s.i, true
}

// scanner reads JSON text just well enough to skip values.
type scanner struct {
	b []byte
	i int
}

func (s *scanner) space() {
	for s.i < len(s.b) && (s.b[s.i] == ' ' || s.b[s.i] == '\t' || s.b[s.i] == '\n' || s.b[s.i] == '\r') {
		s.i++
	}
}

// comma consumes the separator after a member or item: a comma, or
// nothing before the closing bracket (which it leaves).
func (s *scanner) comma() bool {
	s.space()
	if s.i < len(s.b) && s.b[s.i] == ',' {
		s.i++
		return true
	}
	return s.i < len(s.b) && (s.b[s.i] == '}' || s.b[s.i] == ']')
}

// str reads a string and returns its decoded value.
func (s *scanner) str() (string, bool) {
	if s.i >= len(s.b) || s.b[s.i] != '"' {
		return "", false
	}
	start := s.i
	s.i++
	escaped := false
	for s.i < len(s.b) {
		c := s.b[s.i]
		s.i++
		switch {
		case c == '\\':
			escaped = true
			if s.i < len(s.b) {
				s.i++
			}
		case c == '"':
			raw := s.b[start:s.i]
			if !escaped {
				return string(raw[1 : len(raw)-1]), true
			}
			var v string
			if json.Unmarshal(raw, &v) != nil {
				return "", false
			}
			return v, true
		}
	}
	return "", false
}

// value skips one value, brackets balanced; scalars up to the next
// delimiter.
func (s *scanner) value() bool {
	s.space()
	if s.i >= len(s.b) {
		return false
	}
	switch s.b[s.i] {
	case '"':
		_, ok := s.str()
		return ok
	case '{', '[':
		depth := 0
		for s.i < len(s.b) {
			switch s.b[s.i] {
			case '"':
				if _, ok := s.str(); !ok {
					return false
				}
				continue
			case '{', '[':
				depth++
			case '}', ']':
				depth--
				if depth == 0 {
					s.i++
					return true
				}
			}
			s.i++
		}
		return false
	case '}', ']', ',', ':':
		return false
	}
	start := s.i
	for s.i < len(s.b) && !strings.ContainsRune(",}] \t\r\n", rune(s.b[s.i])) {
		s.i++
	}
	return s.i > start
}

// lineCol gives the 1-based line and byte column of offset off in text.
func lineCol(text []byte, off int) (line, col int) {
	off = min(max(off, 0), len(text))
	line, col = 1, 1
	for _, c := range text[:off] {
		if c == '\n' {
			line++
			col = 1
		} else {
			col++
		}
	}
	return line, col
}
