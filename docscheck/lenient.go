package docscheck

import (
	"fmt"
	"strings"
)

// flaw is one way in which a body is not strict JSON: the first place of
// that flaw and how many times the body has it.
type flaw struct {
	what  string // "trailing comma", "comment", "non-breaking space", "ellipsis", ...
	off   int    // byte offset of the first one
	count int
	// elided flaws stand for content the writer left out ("..."): the
	// body cannot be checked, since what is missing is unknown.
	elided bool
}

func (f flaw) String() string {
	if f.count == 1 {
		return "body is not strict JSON: " + f.what
	}
	return fmt.Sprintf("body is not strict JSON: %d %ss (the first here)", f.count, f.what)
}

// clean returns a copy of a body of the same length, so that every
// offset in it is an offset in the original, in which what JSON does not
// allow but docs writers often put in is blanked out: comments (// to the
// end of the line, /* ... */), trailing commas before } or ], and
// non-breaking spaces (U+00A0), zero-width spaces (U+200B) and byte order
// marks (U+FEFF) between tokens. Inside strings nothing is changed.
// Ellipses ("..." or "…") between tokens are reported as elided and left
// in place: the body then does not parse, and is not to be checked.
// flaws lists each kind found, in the order first met.
func clean(body []byte) (out []byte, flaws []flaw) {
	out = append([]byte(nil), body...)
	index := map[string]int{}
	add := func(what string, off int, elided bool) {
		if k, ok := index[what]; ok {
			flaws[k].count++
			return
		}
		index[what] = len(flaws)
		flaws = append(flaws, flaw{what: what, off: off, count: 1, elided: elided})
	}
	blank := func(from, to int) {
		for k := from; k < to && k < len(out); k++ {
			if out[k] != '\n' {
				out[k] = ' '
			}
		}
	}
	// Pass 1: comments, odd spaces, ellipses.
	for i := 0; i < len(out); {
		c := out[i]
		switch {
		case c == '"':
			i = skipString(out, i)
		case c == '/' && i+1 < len(out) && out[i+1] == '/':
			end := i
			for end < len(out) && out[end] != '\n' {
				end++
			}
			add("comment", i, false)
			blank(i, end)
			i = end
		case c == '/' && i+1 < len(out) && out[i+1] == '*':
			end := strings.Index(string(out[i+2:]), "*/")
			if end < 0 {
				end = len(out)
			} else {
				end += i + 4
			}
			add("comment", i, false)
			blank(i, end)
			i = end
		case strings.HasPrefix(string(out[i:min(i+3, len(out))]), "..."):
			add("ellipsis", i, true)
			i += 3
			for i < len(out) && out[i] == '.' {
				i++
			}
		default:
			if w, name := oddSpace(out[i:]); w > 0 {
				if name == "ellipsis" {
					add(name, i, true)
				} else {
					add(name, i, false)
					blank(i, i+w)
				}
				i += w
				continue
			}
			i++
		}
	}
	// Pass 2: trailing commas (comments are blanks by now).
	for i := 0; i < len(out); {
		c := out[i]
		if c == '"' {
			i = skipString(out, i)
			continue
		}
		if c == ',' {
			j := i + 1
			for j < len(out) && (out[j] == ' ' || out[j] == '\t' || out[j] == '\n' || out[j] == '\r') {
				j++
			}
			if j < len(out) && (out[j] == '}' || out[j] == ']') {
				add("trailing comma", i, false)
				out[i] = ' '
			}
		}
		i++
	}
	return out, flaws
}

// oddSpace reports a character that is not JSON white space but looks
// like it (or an ellipsis character) at the start of b: its length in bytes
// and a name.
func oddSpace(b []byte) (int, string) {
	s := string(b[:min(3, len(b))])
	switch {
	case strings.HasPrefix(s, "\u00a0"):
		return 2, "non-breaking space"
	case strings.HasPrefix(s, "\u200b"):
		return 3, "zero-width space"
	case strings.HasPrefix(s, "\ufeff"):
		return 3, "byte order mark"
	case strings.HasPrefix(s, "\u2026"):
		return 3, "ellipsis"
	}
	return 0, ""
}

// skipString returns the offset after the string that starts at b[i]
// (a quote). A string that a line end cuts (JSON strings hold none) ends
// there, so that one broken string does not hide the rest of the body.
func skipString(b []byte, i int) int {
	i++
	for i < len(b) {
		switch b[i] {
		case '\\':
			i += 2
			continue
		case '"':
			return i + 1
		case '\n':
			return i
		}
		i++
	}
	return len(b)
}
