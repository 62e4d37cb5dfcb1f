package filter

import (
	"strconv"
	"unicode/utf16"
	"unicode/utf8"
)

// This file parses JSON arrays and objects, the ABNF's arrayOrObject: JSON
// (RFC 8259) whose values are JSON strings or any operand (valueInUrl =
// stringInUrl / commonExpr), so that true, false, null, numbers, nested
// arrays and objects are read as OData literals and JSON values, and
// 'strings', paths and other expressions may stand among them.

// array parses "[" [value *("," value)] "]" at p.pos.
func (p *parser) array() (Expr, *Error) {
	s := p.src
	open := p.pos
	if err := p.enter(open); err != nil {
		return nil, err
	}
	defer p.leave()
	p.pos++
	a := &Array{Pos: Pos(open)}
	p.skipWS()
	if !p.eof() && s[p.pos] == ']' {
		p.pos++
		return a, nil
	}
	for {
		x, err := p.jsonValue()
		if err != nil {
			return nil, err
		}
		a.Items = append(a.Items, x)
		p.skipWS()
		if p.eof() {
			return nil, errAt(open, "unclosed JSON array: no ] before end of input")
		}
		switch s[p.pos] {
		case ',':
			p.pos++
			p.skipWS()
			continue
		case ']':
			p.pos++
			return a, nil
		}
		return nil, p.unexpected(", or ]")
	}
}

// object parses "{" [member *("," member)] "}" at p.pos, each member
// "name": value.
func (p *parser) object() (Expr, *Error) {
	s := p.src
	open := p.pos
	if err := p.enter(open); err != nil {
		return nil, err
	}
	defer p.leave()
	p.pos++
	o := &Object{Pos: Pos(open)}
	p.skipWS()
	if !p.eof() && s[p.pos] == '}' {
		p.pos++
		return o, nil
	}
	for {
		if p.eof() {
			return nil, errAt(open, "unclosed JSON object: no } before end of input")
		}
		at := p.pos
		if s[at] != '"' {
			return nil, p.unexpected("a member name in double quotes")
		}
		name, end, err := jsonString(s, at)
		if err != nil {
			return nil, err
		}
		p.pos = end
		p.skipWS()
		if p.eof() || s[p.pos] != ':' {
			if p.eof() {
				return nil, errAt(open, "unclosed JSON object: no } before end of input")
			}
			return nil, p.unexpected(": after the member name")
		}
		p.pos++
		p.skipWS()
		v, err := p.jsonValue()
		if err != nil {
			return nil, err
		}
		o.Members = append(o.Members, Member{Pos: Pos(at), Name: name, Value: v})
		p.skipWS()
		if p.eof() {
			return nil, errAt(open, "unclosed JSON object: no } before end of input")
		}
		switch s[p.pos] {
		case ',':
			p.pos++
			p.skipWS()
			continue
		case '}':
			p.pos++
			return o, nil
		}
		return nil, p.unexpected(", or }")
	}
}

// jsonValue parses a value of an array or object: a JSON string or an
// operand.
func (p *parser) jsonValue() (Expr, *Error) {
	if p.eof() {
		return nil, errAt(p.pos, "expected a JSON value, found end of input")
	}
	if at := p.pos; p.src[at] == '"' {
		v, end, err := jsonString(p.src, at)
		if err != nil {
			return nil, err
		}
		p.pos = end
		return &Literal{Pos: Pos(at), Kind: LitString, Value: v}, nil
	}
	return p.expr(0)
}

// jsonString decodes the JSON string (RFC 8259, section 7) whose opening
// quote is at open, and returns its value and the offset after the closing
// quote. Control characters must be escaped and the text must be UTF-8;
// an escaped lone surrogate decodes to U+FFFD, as encoding/json does.
func jsonString(s string, open int) (string, int, *Error) {
	i := open + 1
	var b []byte
	plain := i // start of the bytes not yet copied to b
	for {
		if i >= len(s) {
			return "", 0, errAt(open, "unterminated JSON string")
		}
		c := s[i]
		switch {
		case c == '"':
			if b == nil {
				return s[plain:i], i + 1, nil
			}
			return string(append(b, s[plain:i]...)), i + 1, nil
		case c == '\\':
			b = append(b, s[plain:i]...)
			if i+1 >= len(s) {
				return "", 0, errAt(open, "unterminated JSON string")
			}
			n := 2
			switch e := s[i+1]; e {
			case '"', '\\', '/':
				b = append(b, e)
			case 'b':
				b = append(b, '\b')
			case 'f':
				b = append(b, '\f')
			case 'n':
				b = append(b, '\n')
			case 'r':
				b = append(b, '\r')
			case 't':
				b = append(b, '\t')
			case 'u':
				r, ok := hex4(s, i+2)
				if !ok {
					return "", 0, errAt(i, "invalid escape in JSON string: want \\u and four hex digits")
				}
				n = 6
				if utf16.IsSurrogate(r) {
					r2, ok := rune(0), false
					if i+7 < len(s) && s[i+6] == '\\' && s[i+7] == 'u' {
						r2, ok = hex4(s, i+8)
					}
					if d := utf16.DecodeRune(r, r2); ok && d != utf8.RuneError {
						r, n = d, 12
					} else {
						r = utf8.RuneError
					}
				}
				b = utf8.AppendRune(b, r)
			default:
				_, m := utf8.DecodeRuneInString(s[i+1:])
				return "", 0, errAt(i, "invalid escape %s in JSON string", strconv.Quote(s[i:i+1+m]))
			}
			i += n
			plain = i
		case c < 0x20:
			return "", 0, errAt(i, "control character %s in a JSON string must be escaped", strconv.QuoteRuneToASCII(rune(c)))
		case c < utf8.RuneSelf:
			i++
		default:
			r, n := utf8.DecodeRuneInString(s[i:])
			if r == utf8.RuneError && n == 1 {
				return "", 0, errAt(i, "invalid UTF-8 in a JSON string")
			}
			i += n
		}
	}
}

// hex4 decodes four hex digits at i.
func hex4(s string, i int) (rune, bool) {
	if i+4 > len(s) {
		return 0, false
	}
	var r rune
	for _, c := range []byte(s[i : i+4]) {
		if !isHex(c) {
			return 0, false
		}
		d := rune(c - '0')
		if c > '9' {
			d = rune(c|0x20-'a') + 10
		}
		r = r<<4 | d
	}
	return r, true
}
