package generator

import (
	"bytes"
	"encoding/json"
	"strconv"
)

// schObj is a JSON object that keeps its keys in insertion order, so that
// the schema documents are written byte for byte the same every time.
// Values are string, bool, int64, nil, []any or *schObj.
type schObj struct {
	keys []string
	vals map[string]any
}

func newSchObj() *schObj { return &schObj{vals: map[string]any{}} }

// set adds or replaces a key; a replaced key keeps its place.
func (o *schObj) set(k string, v any) *schObj {
	if _, ok := o.vals[k]; !ok {
		o.keys = append(o.keys, k)
	}
	o.vals[k] = v
	return o
}

// merge sets every key of other, in its order.
func (o *schObj) merge(other *schObj) *schObj {
	for _, k := range other.keys {
		o.set(k, other.vals[k])
	}
	return o
}

// bytes returns the object as JSON indented by two spaces, with a final
// newline. A value whose one-line form fits in schLineWidth columns at its
// indentation is written on one line ("id": {"x-odata-type": ..., "type":
// "string"}), so that a property is one line and a document reads like a
// table of its properties; arrays of scalars are always one line.
func (o *schObj) bytes() []byte {
	var b bytes.Buffer
	schWrite(&b, o, 0)
	b.WriteByte('\n')
	return b.Bytes()
}

// schLineWidth is the widest line that schWrite joins a value onto.
const schLineWidth = 120

func schNewline(b *bytes.Buffer, depth int) {
	b.WriteByte('\n')
	for range depth {
		b.WriteString("  ")
	}
}

// schWrite writes v, one of the value types schObj allows, as indented
// JSON at nesting depth: on one line when it fits (see bytes), else
// objects one key a line in insertion order, arrays of scalars on one line
// and other arrays one element a line; empty objects and arrays are "{}"
// and "[]". Any other type panics.
func schWrite(b *bytes.Buffer, v any, depth int) {
	switch v.(type) {
	case []any, *schObj:
		start := b.Len()
		if schInline(b, v, start+schLineWidth-2*depth-schKeyRoom) {
			return
		}
		b.Truncate(start)
	}
	switch x := v.(type) {
	case []any:
		flat := true
		for _, e := range x {
			switch e.(type) {
			case []any, *schObj:
				flat = false
			}
		}
		if flat {
			schInline(b, x, -1)
			return
		}
		b.WriteByte('[')
		for i, e := range x {
			if i > 0 {
				b.WriteByte(',')
			}
			schNewline(b, depth+1)
			schWrite(b, e, depth+1)
		}
		if len(x) > 0 {
			schNewline(b, depth)
		}
		b.WriteByte(']')
	case *schObj:
		b.WriteByte('{')
		for i, k := range x.keys {
			if i > 0 {
				b.WriteByte(',')
			}
			schNewline(b, depth+1)
			schWriteString(b, k)
			b.WriteString(": ")
			schWrite(b, x.vals[k], depth+1)
		}
		if len(x.keys) > 0 {
			schNewline(b, depth)
		}
		b.WriteByte('}')
	default:
		schInline(b, v, -1)
	}
}

// schKeyRoom is the room left on a line for the key before a value, which
// schWrite does not see: a typical property name.
const schKeyRoom = 24

// schInline writes v on one line ("a": 1, "b": [true]); it stops and
// reports false as soon as the buffer grows past limit (-1: no limit).
func schInline(b *bytes.Buffer, v any, limit int) bool {
	switch x := v.(type) {
	case nil:
		b.WriteString("null")
	case bool:
		b.WriteString(strconv.FormatBool(x))
	case int64:
		b.WriteString(strconv.FormatInt(x, 10))
	case string:
		schWriteString(b, x)
	case []any:
		b.WriteByte('[')
		for i, e := range x {
			if i > 0 {
				b.WriteString(", ")
			}
			if !schInline(b, e, limit) {
				return false
			}
		}
		b.WriteByte(']')
	case *schObj:
		b.WriteByte('{')
		for i, k := range x.keys {
			if i > 0 {
				b.WriteString(", ")
			}
			schWriteString(b, k)
			b.WriteString(": ")
			if !schInline(b, x.vals[k], limit) {
				return false
			}
		}
		b.WriteByte('}')
	default:
		panic("schWrite: unexpected value type") // a generator bug: see schObj
	}
	return limit < 0 || b.Len() <= limit
}

// schWriteString writes s as a JSON string without HTML escaping.
func schWriteString(b *bytes.Buffer, s string) {
	enc := json.NewEncoder(b)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(s)
	b.Truncate(b.Len() - 1) // Encode's newline
}
