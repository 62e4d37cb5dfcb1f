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
// newline.
func (o *schObj) bytes() []byte {
	var compact bytes.Buffer
	schWrite(&compact, o)
	var out bytes.Buffer
	// The compact form is valid JSON by construction; Indent cannot fail.
	_ = json.Indent(&out, compact.Bytes(), "", "  ")
	out.WriteByte('\n')
	return out.Bytes()
}

func schWrite(b *bytes.Buffer, v any) {
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
				b.WriteByte(',')
			}
			schWrite(b, e)
		}
		b.WriteByte(']')
	case *schObj:
		b.WriteByte('{')
		for i, k := range x.keys {
			if i > 0 {
				b.WriteByte(',')
			}
			schWriteString(b, k)
			b.WriteByte(':')
			schWrite(b, x.vals[k])
		}
		b.WriteByte('}')
	default:
		panic("schWrite: unexpected value type") // a bug in this file
	}
}

// schWriteString writes s as a JSON string without HTML escaping.
func schWriteString(b *bytes.Buffer, s string) {
	enc := json.NewEncoder(b)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(s)
	b.Truncate(b.Len() - 1) // Encode's newline
}
