package markdown

import (
	"strconv"
	"strings"
)

// mdJSON is a forgiving reader for the JSON-like metadata in docs pages'
// HTML comments (<!-- { "blockType": "resource", ... } -->) and for request
// examples. The docs are hand-written: they have trailing commas, single
// quotes, comments, unquoted keys, raw newlines in strings and missing
// commas. The reader accepts all of those and returns what it could read:
// objects as map[string]any, arrays as []any, strings, float64 numbers,
// bools and nil. It never fails; bytes it cannot place are skipped.
type mdJSON struct {
	s     string
	i     int
	depth int
}

const mdJSONMaxDepth = 64

// mdBlockTypeComment reads b as a <!-- { "blockType": ..., ... } -->
// comment: its JSON object and its blockType in lower case; ok is false
// for any other block.
func mdBlockTypeComment(b mdBlock) (m map[string]any, blockType string, ok bool) {
	if b.kind != mdBComment || !strings.Contains(strings.ToLower(b.text), "blocktype") {
		return nil, "", false
	}
	m, ok = mdParseJSONObject(b.text)
	if !ok {
		return nil, "", false
	}
	bt, _ := mdJSONKey(m, "blockType")
	s, _ := mdJSONString(bt)
	return m, strings.ToLower(s), true
}

// mdParseJSONObject reads the first object in s.
func mdParseJSONObject(s string) (map[string]any, bool) {
	k := strings.IndexByte(s, '{')
	if k < 0 {
		return nil, false
	}
	p := &mdJSON{s: s, i: k}
	v := p.value()
	m, ok := v.(map[string]any)
	return m, ok
}

func (p *mdJSON) skipSpace() {
	for p.i < len(p.s) {
		c := p.s[p.i]
		switch {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r':
			p.i++
		case c == '/' && p.i+1 < len(p.s) && p.s[p.i+1] == '/':
			if k := strings.IndexByte(p.s[p.i:], '\n'); k >= 0 {
				p.i += k + 1
			} else {
				p.i = len(p.s)
			}
		case c == '/' && p.i+1 < len(p.s) && p.s[p.i+1] == '*':
			if k := strings.Index(p.s[p.i+2:], "*/"); k >= 0 {
				p.i += k + 4
			} else {
				p.i = len(p.s)
			}
		case c == '#' && (p.i == 0 || p.s[p.i-1] == '\n' || p.s[p.i-1] == ' '):
			// "# comment" lines; "#microsoft.graph.x" only appears in strings.
			if k := strings.IndexByte(p.s[p.i:], '\n'); k >= 0 {
				p.i += k + 1
			} else {
				p.i = len(p.s)
			}
		default:
			return
		}
	}
}

func (p *mdJSON) value() any {
	p.skipSpace()
	if p.i >= len(p.s) {
		return nil
	}
	switch c := p.s[p.i]; {
	case c == '{':
		return p.object()
	case c == '[':
		return p.array()
	case c == '"' || c == '\'':
		return p.str(c)
	default:
		return p.bare()
	}
}

// object reads an object from the '{' at p.i; it always returns a
// map[string]any, possibly partial. Keys may be quoted with either quote
// or bare (up to a delimiter or space), the ':' may be '=' or missing, a
// key directly followed by ',' or '}' gets nil, a later duplicate key
// wins, and commas and stray ']' are skipped, so missing and trailing
// commas do not matter. It ends at '}' or at the end of the input; past
// mdJSONMaxDepth it gives up on the rest of the input.
func (p *mdJSON) object() any {
	m := map[string]any{}
	p.i++ // {
	if p.depth++; p.depth > mdJSONMaxDepth {
		p.i = len(p.s)
		return m
	}
	defer func() { p.depth-- }()
	for {
		p.skipSpace()
		if p.i >= len(p.s) {
			return m
		}
		switch p.s[p.i] {
		case '}':
			p.i++
			return m
		case ',':
			p.i++
			continue
		case ']':
			// A stray bracket: skip it.
			p.i++
			continue
		}
		var key string
		switch c := p.s[p.i]; c {
		case '"', '\'':
			key = p.str(c)
		default:
			start := p.i
			for p.i < len(p.s) && !strings.ContainsRune(":,}]{[ \t\r\n", rune(p.s[p.i])) {
				p.i++
			}
			key = p.s[start:p.i]
			if key == "" {
				p.i++ // an unexpected byte
				continue
			}
		}
		p.skipSpace()
		if p.i < len(p.s) && (p.s[p.i] == ':' || p.s[p.i] == '=') {
			p.i++
		}
		p.skipSpace()
		if p.i < len(p.s) && (p.s[p.i] == '}' || p.s[p.i] == ',') {
			m[key] = nil
			continue
		}
		m[key] = p.value()
	}
}

// array reads an array from the '[' at p.i; nil when it holds nothing.
// Commas are skipped (missing and trailing ones do not matter); ']', a
// mismatched '}' (which it consumes) or the end of the input ends it. A
// byte that no value can start with is skipped, so the loop always makes
// progress; past mdJSONMaxDepth it gives up on the rest of the input.
func (p *mdJSON) array() any {
	var a []any
	p.i++ // [
	if p.depth++; p.depth > mdJSONMaxDepth {
		p.i = len(p.s)
		return a
	}
	defer func() { p.depth-- }()
	for {
		p.skipSpace()
		if p.i >= len(p.s) {
			return a
		}
		switch p.s[p.i] {
		case ']':
			p.i++
			return a
		case ',':
			p.i++
			continue
		case '}':
			p.i++
			return a
		}
		before := p.i
		a = append(a, p.value())
		if p.i == before {
			p.i++
		}
	}
}

// str reads a string from the quote q at p.i (either " or ') to the
// matching unescaped quote, or to the end of the input when there is none;
// raw newlines are kept. Escapes \n, \t, \r and \uXXXX are decoded (a
// surrogate pair is not combined: each half becomes U+FFFD), \b and \f
// are dropped, and any other escaped byte stands for itself (\" \' \/
// \\). A \u without four hex digits is read as a plain 'u'.
func (p *mdJSON) str(q byte) string {
	p.i++ // opening quote
	var b strings.Builder
	for p.i < len(p.s) {
		c := p.s[p.i]
		switch {
		case c == q:
			p.i++
			return b.String()
		case c == '\\' && p.i+1 < len(p.s):
			p.i++
			switch e := p.s[p.i]; e {
			case 'n':
				b.WriteByte('\n')
			case 't':
				b.WriteByte('\t')
			case 'r':
				b.WriteByte('\r')
			case 'b', 'f':
			case 'u':
				if p.i+4 < len(p.s) {
					if r, err := strconv.ParseUint(p.s[p.i+1:p.i+5], 16, 32); err == nil {
						b.WriteRune(rune(r))
						p.i += 4
						break
					}
				}
				b.WriteByte('u')
			default:
				b.WriteByte(e)
			}
			p.i++
		default:
			b.WriteByte(c)
			p.i++
		}
	}
	return b.String()
}

// bare reads a number, true, false, null or an unquoted word.
func (p *mdJSON) bare() any {
	start := p.i
	for p.i < len(p.s) && !strings.ContainsRune(",}] \t\r\n", rune(p.s[p.i])) {
		p.i++
	}
	if p.i == start {
		p.i++
		return nil
	}
	w := p.s[start:p.i]
	switch strings.ToLower(w) {
	case "true":
		return true
	case "false":
		return false
	case "null":
		return nil
	}
	if f, err := strconv.ParseFloat(w, 64); err == nil {
		return f
	}
	return w
}

// mdJSONBool reads a boolean that may be written as a string ("true").
func mdJSONBool(v any) (val, ok bool) {
	switch x := v.(type) {
	case bool:
		return x, true
	case string:
		switch strings.ToLower(strings.TrimSpace(x)) {
		case "true", "yes":
			return true, true
		case "false", "no":
			return false, true
		}
	}
	return false, false
}

// mdJSONString returns v as a trimmed string.
func mdJSONString(v any) (string, bool) {
	s, ok := v.(string)
	return strings.TrimSpace(s), ok
}

// mdJSONKey looks a key up case-insensitively.
func mdJSONKey(m map[string]any, key string) (any, bool) {
	if v, ok := m[key]; ok {
		return v, true
	}
	for k, v := range m {
		if strings.EqualFold(strings.TrimSpace(k), key) {
			return v, true
		}
	}
	return nil, false
}
