// Package jsonvalue reads payloads for validate and validate/schemaset:
// the value tree that jsonschema validates, with repeated member names
// found (encoding/json silently keeps the last), the place of a syntax
// error, and JSON pointers. Its Error has the fields of validate.JSONError,
// so that either package converts it: (*validate.JSONError)(err).
package jsonvalue

import (
	"bytes"
	"cmp"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// Error is a payload that is not acceptable JSON: validate.JSONError,
// whose fields it has, in the same order, without its methods. (It is not
// an error, so that it cannot be returned unconverted.)
type Error struct {
	Offset  int64
	Pointer string
	Msg     string
}

// Parse decodes data into the value tree jsonschema validates
// (map[string]any, []any, string, json.Number, bool, nil). The syntax is
// checked by encoding/json, so what is accepted is exactly what
// encoding/json accepts; the tree is then built by a small scanner that
// also finds repeated member names, which encoding/json silently accepts
// (the last one wins).
func Parse(data []byte, maxSize int64) (any, *Error) {
	if int64(len(data)) > maxSize {
		return nil, &Error{Offset: maxSize, Msg: fmt.Sprintf("payload of %d bytes is over the limit of %d bytes", len(data), maxSize)}
	}
	if !json.Valid(data) {
		return nil, SyntaxError(data)
	}
	p := parser{data: data}
	p.skipSpace()
	v, err := p.value()
	if err != nil {
		return nil, err
	}
	return v, nil
}

// SyntaxError locates the first syntax error of data, which json.Valid
// rejected. The offset is that of the offending byte, or len(data) when the
// input ends too early.
func SyntaxError(data []byte) *Error {
	d := json.NewDecoder(bytes.NewReader(data))
	var raw json.RawMessage
	err := d.Decode(&raw)
	var se *json.SyntaxError
	switch {
	case err == io.EOF || err == io.ErrUnexpectedEOF:
		return &Error{Offset: int64(len(data)), Msg: "unexpected end of input"}
	case errors.As(err, &se):
		return &Error{Offset: max(se.Offset-1, 0), Msg: se.Error()}
	case err == nil:
		off := d.InputOffset()
		for off < int64(len(data)) && strings.IndexByte(" \t\r\n", data[off]) >= 0 {
			off++
		}
		if off < int64(len(data)) {
			return &Error{Offset: off, Msg: fmt.Sprintf("invalid character %q after top-level value", data[off])}
		}
	}
	return &Error{Offset: 0, Msg: "not valid JSON"}
}

// parser builds the value tree of JSON that json.Valid accepted. It still
// checks every index, so that a bug cannot turn into a panic.
type parser struct {
	data []byte
	pos  int
	// path is where the scanner is: one frame per open object or array.
	path []frame
}

// frame is one level of parser.path: a member name, or an array index.
type frame struct {
	key   string
	index int
	isArr bool
}

// pointer returns the JSON pointer of the value being parsed.
func (p *parser) pointer() string {
	tokens := make([]string, len(p.path))
	for i, f := range p.path {
		if f.isArr {
			tokens[i] = strconv.Itoa(f.index)
		} else {
			tokens[i] = f.key
		}
	}
	return Pointer(tokens)
}

var errScan = errors.New("scanner out of step")

func (p *parser) fail() *Error {
	return &Error{Offset: int64(p.pos), Msg: "internal error: " + errScan.Error()}
}

func (p *parser) skipSpace() {
	for p.pos < len(p.data) {
		switch p.data[p.pos] {
		case ' ', '\t', '\r', '\n':
			p.pos++
		default:
			return
		}
	}
}

// value parses the value at p.pos.
func (p *parser) value() (any, *Error) {
	if p.pos >= len(p.data) {
		return nil, p.fail()
	}
	switch c := p.data[p.pos]; {
	case c == '{':
		return p.object()
	case c == '[':
		return p.array()
	case c == '"':
		return p.str()
	case c == 't':
		p.pos += 4
		return true, nil
	case c == 'f':
		p.pos += 5
		return false, nil
	case c == 'n':
		p.pos += 4
		return nil, nil
	case c == '-' || c >= '0' && c <= '9':
		start := p.pos
		for p.pos < len(p.data) {
			c := p.data[p.pos]
			if c >= '0' && c <= '9' || c == '-' || c == '+' || c == '.' || c == 'e' || c == 'E' {
				p.pos++
				continue
			}
			break
		}
		return json.Number(p.data[start:p.pos]), nil
	default:
		return nil, p.fail()
	}
}

// object parses the object at p.pos (its '{') into a map[string]any,
// keeping p.path in step so that errors have a pointer. A member name that
// the object already has, compared after decoding (so "a" and "\u0061" are
// the same name), is a *JSONError at the repeated name's opening quote,
// with the pointer of that member. Any other surprise means the scanner is
// out of step with json.Valid and is reported through fail.
func (p *parser) object() (any, *Error) {
	p.pos++ // {
	obj := map[string]any{}
	p.skipSpace()
	if p.pos < len(p.data) && p.data[p.pos] == '}' {
		p.pos++
		return obj, nil
	}
	for {
		p.skipSpace()
		keyStart := p.pos
		if p.pos >= len(p.data) || p.data[p.pos] != '"' {
			return nil, p.fail()
		}
		k, err := p.str()
		if err != nil {
			return nil, err
		}
		key := k.(string)
		p.skipSpace()
		if p.pos >= len(p.data) || p.data[p.pos] != ':' {
			return nil, p.fail()
		}
		p.pos++
		p.skipSpace()
		p.path = append(p.path, frame{key: key})
		if _, dup := obj[key]; dup {
			return nil, &Error{Offset: int64(keyStart), Pointer: p.pointer(),
				Msg: fmt.Sprintf("member %s appears twice in the same object", strconv.Quote(key))}
		}
		v, err := p.value()
		if err != nil {
			return nil, err
		}
		p.path = p.path[:len(p.path)-1]
		obj[key] = v
		p.skipSpace()
		if p.pos >= len(p.data) {
			return nil, p.fail()
		}
		switch p.data[p.pos] {
		case ',':
			p.pos++
		case '}':
			p.pos++
			return obj, nil
		default:
			return nil, p.fail()
		}
	}
}

// array parses the array at p.pos (its '[') into a []any, never nil, so
// that an empty array stays an array; p.path holds the index of the item
// being parsed, for the pointers of errors inside it. Like object, it
// relies on json.Valid having accepted the input and calls fail otherwise.
func (p *parser) array() (any, *Error) {
	p.pos++ // [
	arr := []any{}
	p.skipSpace()
	if p.pos < len(p.data) && p.data[p.pos] == ']' {
		p.pos++
		return arr, nil
	}
	for {
		p.skipSpace()
		p.path = append(p.path, frame{index: len(arr), isArr: true})
		v, err := p.value()
		if err != nil {
			return nil, err
		}
		p.path = p.path[:len(p.path)-1]
		arr = append(arr, v)
		p.skipSpace()
		if p.pos >= len(p.data) {
			return nil, p.fail()
		}
		switch p.data[p.pos] {
		case ',':
			p.pos++
		case ']':
			p.pos++
			return arr, nil
		default:
			return nil, p.fail()
		}
	}
}

// str parses the string at p.pos. Plain ASCII strings are sliced directly;
// strings with escapes or other bytes are decoded by encoding/json, so that
// escapes, surrogate pairs and invalid UTF-8 are handled exactly as
// encoding/json handles them.
func (p *parser) str() (any, *Error) {
	start := p.pos
	p.pos++ // opening quote
	plain := true
	for p.pos < len(p.data) {
		c := p.data[p.pos]
		switch {
		case c == '"':
			p.pos++
			if plain {
				return string(p.data[start+1 : p.pos-1]), nil
			}
			var s string
			if err := json.Unmarshal(p.data[start:p.pos], &s); err != nil {
				return nil, p.fail()
			}
			return s, nil
		case c == '\\':
			plain = false
			p.pos += 2
		case c < 0x20 || c >= 0x80:
			plain = false
			p.pos++
		default:
			p.pos++
		}
	}
	return nil, p.fail()
}

// Pointer formats reference tokens as an RFC 6901 JSON pointer.
func Pointer(tokens []string) string {
	var sb strings.Builder
	for _, t := range tokens {
		sb.WriteByte('/')
		sb.WriteString(EscapeToken(t))
	}
	return sb.String()
}

var tokenEscaper = strings.NewReplacer("~", "~0", "/", "~1")

// EscapeToken escapes "~" as "~0" and "/" as "~1" (RFC 6901).
func EscapeToken(t string) string {
	if !strings.ContainsAny(t, "~/") {
		return t
	}
	return tokenEscaper.Replace(t)
}

// ComparePointers orders JSON pointers token by token, numeric tokens by
// value, so that /value/2 comes before /value/10.
func ComparePointers(a, b string) int {
	for a != "" && b != "" {
		var ta, tb string
		ta, a = nextToken(a)
		tb, b = nextToken(b)
		if ta == tb {
			continue
		}
		na, ea := strconv.Atoi(ta)
		nb, eb := strconv.Atoi(tb)
		if ea == nil && eb == nil {
			return cmp.Compare(na, nb)
		}
		return strings.Compare(ta, tb)
	}
	return cmp.Compare(len(a), len(b))
}

func nextToken(p string) (tok, rest string) {
	p = strings.TrimPrefix(p, "/")
	if i := strings.IndexByte(p, '/'); i >= 0 {
		return p[:i], p[i:]
	}
	return p, ""
}
