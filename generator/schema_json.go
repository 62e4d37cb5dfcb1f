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
// newline. An array of scalars stays on one line: "type": ["string", "null"].
func (o *schObj) bytes() []byte {
	var b bytes.Buffer
	schWrite(&b, o, 0)
	b.WriteByte('\n')
	return b.Bytes()
}

func schNewline(b *bytes.Buffer, depth int) {
	b.WriteByte('\n')
	for range depth {
		b.WriteString("  ")
	}
}

// schWrite writes v, one of the value types schObj allows, as indented
// JSON at nesting depth: objects one key a line in insertion order, arrays
// of scalars on one line and arrays holding arrays or objects one element
// a line; empty objects and arrays are "{}" and "[]". Any other type
// panics.
func schWrite(b *bytes.Buffer, v any, depth int) {
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
		flat := true
		for _, e := range x {
			switch e.(type) {
			case []any, *schObj:
				flat = false
			}
		}
		b.WriteByte('[')
		for i, e := range x {
			if i > 0 {
				b.WriteByte(',')
				if flat {
					b.WriteByte(' ')
				}
			}
			if !flat {
				schNewline(b, depth+1)
			}
			schWrite(b, e, depth+1)
		}
		if !flat && len(x) > 0 {
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
		panic("schWrite: unexpected value type") // a generator bug: see schObj
	}
}

// schWriteString writes s as a JSON string without HTML escaping.
func schWriteString(b *bytes.Buffer, s string) {
	enc := json.NewEncoder(b)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(s)
	b.Truncate(b.Len() - 1) // Encode's newline
}
