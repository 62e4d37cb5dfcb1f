package edm

import (
	"bytes"
	"encoding/json"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// MarshalObject returns the JSON object for v with the members of extra
// merged in. Generated types call it through [MarshalStruct]; a type of
// one's own can call it from MarshalJSON:
//
//	func (x T) MarshalJSON() ([]byte, error) {
//		type plain T
//		return edm.MarshalObject(plain(x), x.Extra)
//	}
//
// v must be a struct (or pointer to struct) whose type has no MarshalJSON
// method, or MarshalObject would call itself; the conversion to a local
// "plain" type drops the methods. v is marshalled with encoding/json, then
// the members of extra are spliced into the bytes without decoding them
// again:
//
//  1. the instance annotations of the object, the keys of extra that start
//     with "@" ("@odata.type", "@odata.etag"), sorted;
//  2. the struct's members, in field order;
//  3. the other keys of extra, sorted: property annotations
//     ("name@odata.type") and dynamic properties of open types.
//
// A key of extra that is also the JSON name of one of v's fields is dropped:
// the field wins, so a stale Extra entry can never produce a duplicate
// member. A nil or empty value in extra is written as null; every other
// value must be valid JSON and is written compacted. The result is compact
// and deterministic. With an empty extra it is exactly json.Marshal(v).
func MarshalObject(v any, extra map[string]json.RawMessage) ([]byte, error) {
	b, err := json.Marshal(v)
	if err != nil || len(extra) == 0 {
		return b, err
	}
	if len(b) < 2 || b[0] != '{' || b[len(b)-1] != '}' {
		return nil, fmt.Errorf("edm: MarshalObject: %T does not marshal to a JSON object", v)
	}
	names := fieldNames(reflect.TypeOf(v))
	keys := make([]string, 0, len(extra))
	size := len(b)
	for k, raw := range extra {
		if _, ok := names[k]; ok {
			continue
		}
		keys = append(keys, k)
		size += len(k) + len(raw) + 8
	}
	if len(keys) == 0 {
		return b, nil
	}
	slices.Sort(keys)
	// Keys starting with '@' are one run of the sorted keys: those >= "@"
	// and < "A", the byte after '@'.
	lo, _ := slices.BinarySearch(keys, "@")
	hi, _ := slices.BinarySearch(keys, "A")

	var buf bytes.Buffer
	buf.Grow(size)
	buf.WriteByte('{')
	first := true
	write := func(ks []string) error {
		for _, k := range ks {
			if !first {
				buf.WriteByte(',')
			}
			first = false
			writeKey(&buf, k)
			buf.WriteByte(':')
			raw := extra[k]
			if len(raw) == 0 {
				buf.WriteString("null")
				continue
			}
			if isSimpleValue(raw) {
				buf.Write(raw)
				continue
			}
			if err := json.Compact(&buf, raw); err != nil {
				return fmt.Errorf("edm: MarshalObject: member %q of extra: %w", k, err)
			}
		}
		return nil
	}
	if err := write(keys[lo:hi]); err != nil {
		return nil, err
	}
	if inner := b[1 : len(b)-1]; len(inner) > 0 {
		if !first {
			buf.WriteByte(',')
		}
		first = false
		buf.Write(inner)
	}
	if err := write(keys[:lo]); err != nil {
		return nil, err
	}
	if err := write(keys[hi:]); err != nil {
		return nil, err
	}
	buf.WriteByte('}')
	return buf.Bytes(), nil
}

// isSimpleValue reports whether raw is, as it stands, a compact JSON value
// of the common simple kinds: true, false, null, or a string without
// escapes or control characters. Anything else goes through json.Compact,
// which checks it.
func isSimpleValue(raw []byte) bool {
	switch string(raw) {
	case "true", "false", "null":
		return true
	}
	if len(raw) < 2 || raw[0] != '"' || raw[len(raw)-1] != '"' {
		return false
	}
	for _, c := range raw[1 : len(raw)-1] {
		if c < 0x20 || c == '"' || c == '\\' {
			return false
		}
	}
	return true
}

// writeKey writes k as a JSON string, escaped as encoding/json escapes it.
func writeKey(buf *bytes.Buffer, k string) {
	for i := 0; i < len(k); i++ {
		if c := k[i]; c < 0x20 || c >= 0x7f || c == '"' || c == '\\' || c == '<' || c == '>' || c == '&' {
			b, _ := json.Marshal(k) // cannot fail for a string
			buf.Write(b)
			return
		}
	}
	buf.WriteByte('"')
	buf.WriteString(k)
	buf.WriteByte('"')
}

// UnmarshalObject decodes the JSON object in data into the struct v points
// to, and collects the members that are not fields of the struct into
// *extra. Generated types call it through [UnmarshalStruct]; a type of
// one's own can call it from UnmarshalJSON:
//
//	func (x *T) UnmarshalJSON(b []byte) error {
//		type plain T
//		return edm.UnmarshalObject(b, (*plain)(x), &x.Extra)
//	}
//
// The fields of the struct are the members encoding/json would use: the
// name from the json tag, or the Go field name when there is none; fields
// tagged "-" and unexported fields are not fields; the fields of embedded
// structs count as the struct's own, following encoding/json's rules for
// conflicting names.
//
// Member names match field names exactly, as in OData, where names are
// case-sensitive. (encoding/json alone would also fill the field "name" from
// a member "Name".) A member whose name is not exactly a field name goes to
// *extra and nowhere else. This holds for the top level of every object
// decoded with UnmarshalObject, which is every generated type at any depth.
//
// *extra is replaced: it is set to the map of the other members (values are
// copies of their JSON text, as found), or to nil when there are none. extra
// may be nil to drop them. The fields of v are set as encoding/json sets
// them: members that are absent leave their field unchanged.
//
// JSON null leaves v and *extra unchanged, as encoding/json does for null.
// Any other non-object value gives a *json.UnmarshalTypeError, invalid JSON a
// *json.SyntaxError; the offsets in errors are offsets in data. On an error
// v may be partly set (called by json.Unmarshal, which checks the syntax
// first, it is not on a syntax error).
//
// It reads data once: fields of the types Unmarshal lists (primitives,
// time.Time, the edm types, json.RawMessage and json.Number, pointers,
// slices and Nullables of those, and nested structs tagged ExtraTag) are
// decoded in place as the bytes are scanned, with codecs built once per type.
// The fields of an embedded struct count (one level deep). So do fields
// (not those of embedded structs) of a polymorphic interface registered
// with [RegisterPolymorphic], or a slice of one: they are decoded by
// @odata.type, after the other fields, with the member's name in the
// error (see [UnmarshalPolymorphic]). A struct with any other field (an
// interface, a map) is decoded by encoding/json, in several passes, with
// the same result.
func UnmarshalObject(data []byte, v any, extra *map[string]json.RawMessage) error {
	rv := reflect.ValueOf(v)
	if rv.Kind() != reflect.Pointer || rv.IsNil() || rv.Elem().Kind() != reflect.Struct {
		return fmt.Errorf("edm: UnmarshalObject needs a non-nil pointer to a struct, not %T", v)
	}
	if decodeObject(data, objectCodec(rv.Type().Elem()), rv.UnsafePointer(), extra) {
		return nil
	}
	return unmarshalObjectSlow(data, rv, extra)
}

// unmarshalObjectSlow is UnmarshalObject by encoding/json: the reference
// that the one-pass decoder (decode.go) is held to, and the path that gives
// every error.
func unmarshalObjectSlow(data []byte, rv reflect.Value, extra *map[string]json.RawMessage) error {
	v := rv.Interface()
	if !json.Valid(data) {
		// encoding/json checks the syntax before it sets anything, so v
		// stays as it was; the error carries the offset.
		return json.Unmarshal(data, v)
	}
	i := skipSpace(data, 0)
	switch data[i] {
	case '{':
	case 'n':
		return nil
	default:
		// encoding/json reports a *json.UnmarshalTypeError for a struct
		// and sets nothing.
		return json.Unmarshal(data, v)
	}
	names := fieldNames(rv.Type())
	// Polymorphic fields (poly.go) are hidden from encoding/json, like
	// unknown members, and decoded after the others.
	polys := polyFieldsOf(rv.Type().Elem())
	var polyRaws [][]byte
	if len(polys) > 0 {
		polyRaws = make([][]byte, len(polys))
	}

	// Scan the members. data is valid JSON, so the scan needs no checks.
	type member struct {
		comma    int // offset of the ',' before the member, or -1
		keyStart int
		valStart int
		valEnd   int
		known    bool   // the name is a field name
		poly     bool   // the field is polymorphic
		name     string // set for unknown members only
	}
	var members []member
	var stack [16]member
	members = stack[:0]
	known, unknown, hidden, extraSize := 0, 0, 0, 0
	comma := -1
	i = skipSpace(data, i+1)
	for data[i] != '}' {
		keyStart := i
		keyEnd, escaped := skipString(data, i)
		key := data[keyStart+1 : keyEnd-1]
		i = skipSpace(data, keyEnd) // at ':'
		valStart := skipSpace(data, i+1)
		valEnd := skipValue(data, valStart)
		m := member{comma: comma, keyStart: keyStart, valStart: valStart, valEnd: valEnd}
		var name string
		plainKey := !escaped && utf8.Valid(key)
		if plainKey {
			_, m.known = names[string(key)] // no allocation
		} else {
			name = unquote(data[keyStart:keyEnd])
			_, m.known = names[name]
		}
		if m.known && len(polys) > 0 {
			for j, pf := range polys {
				if plainKey && pf.name == string(key) || !plainKey && pf.name == name {
					m.poly = true
					polyRaws[j] = data[valStart:valEnd]
					hidden++
					break
				}
			}
		}
		if m.known {
			if !m.poly {
				known++
			}
		} else {
			if plainKey {
				name = string(key)
			}
			m.name = name
			unknown++
			extraSize += valEnd - valStart
		}
		members = append(members, m)
		i = skipSpace(data, valEnd)
		if data[i] == ',' {
			comma = i
			i = skipSpace(data, i+1)
		}
	}

	if unknown > 0 && extra != nil {
		backing := make([]byte, 0, extraSize)
		m := make(map[string]json.RawMessage, unknown)
		for _, mb := range members {
			if mb.known {
				continue
			}
			start := len(backing)
			backing = append(backing, data[mb.valStart:mb.valEnd]...)
			m[mb.name] = backing[start:len(backing):len(backing)]
		}
		*extra = m
	} else if extra != nil {
		*extra = nil
	}

	var err error
	switch {
	case known == 0:
	case unknown == 0 && hidden == 0:
		err = json.Unmarshal(data, v)
	default:
		// Blank out the unknown and polymorphic members and fix the
		// commas, so that encoding/json sees only exact field names while
		// every offset stays the offset in data.
		buf := slices.Clone(data)
		for _, mb := range members {
			if mb.comma >= 0 {
				buf[mb.comma] = ' '
			}
			if !mb.known || mb.poly {
				for j := mb.keyStart; j < mb.valEnd; j++ {
					buf[j] = ' '
				}
			}
		}
		firstKnown := true
		for _, mb := range members {
			if !mb.known || mb.poly {
				continue
			}
			if !firstKnown {
				buf[mb.comma] = ','
			}
			firstKnown = false
		}
		err = json.Unmarshal(buf, v)
	}
	if err != nil || hidden == 0 {
		return err
	}
	return decodePolyFields(rv.Elem(), polys, polyRaws)
}

// unquote decodes the JSON string q as encoding/json does (escapes, invalid
// UTF-8 replaced by U+FFFD).
func unquote(q []byte) string {
	var s string
	_ = json.Unmarshal(q, &s) // q is a valid JSON string
	return s
}

// skipSpace returns the offset of the first non-space byte at or after i.
func skipSpace(data []byte, i int) int {
	for i < len(data) {
		switch data[i] {
		case ' ', '\t', '\r', '\n':
			i++
		default:
			return i
		}
	}
	return i
}

// skipString returns the offset after the JSON string starting at data[i]
// (a '"'), and whether it holds escapes.
func skipString(data []byte, i int) (end int, escaped bool) {
	for i++; i < len(data); i++ {
		switch data[i] {
		case '\\':
			escaped = true
			i++
		case '"':
			return i + 1, escaped
		}
	}
	return len(data), escaped
}

// skipValue returns the offset after the valid JSON value starting at
// data[i].
func skipValue(data []byte, i int) int {
	switch data[i] {
	case '"':
		end, _ := skipString(data, i)
		return end
	case '{', '[':
		depth := 0
		for i < len(data) {
			switch data[i] {
			case '"':
				i, _ = skipString(data, i)
				continue
			case '{', '[':
				depth++
			case '}', ']':
				depth--
				if depth == 0 {
					return i + 1
				}
			}
			i++
		}
		return i
	}
	// A number, true, false or null.
	for i < len(data) {
		switch data[i] {
		case ',', '}', ']', ' ', '\t', '\r', '\n':
			return i
		}
		i++
	}
	return i
}

// fieldNameCache maps a struct type to its set of JSON member names.
var fieldNameCache sync.Map // reflect.Type -> map[string]struct{}

// fieldNames returns the JSON member names encoding/json uses for the
// struct type t (or pointer to it), or nil for other types.
func fieldNames(t reflect.Type) map[string]struct{} {
	for t != nil && t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if t == nil || t.Kind() != reflect.Struct {
		return nil
	}
	if names, ok := fieldNameCache.Load(t); ok {
		return names.(map[string]struct{})
	}
	names, _ := fieldNameCache.LoadOrStore(t, computeFieldNames(t))
	return names.(map[string]struct{})
}

// computeFieldNames follows encoding/json's rules: a breadth-first walk of
// embedded structs; among fields with the same name the shallowest wins,
// and among equally shallow ones the only tagged one; otherwise none does.
func computeFieldNames(t reflect.Type) map[string]struct{} {
	type field struct {
		name   string
		depth  int
		tagged bool
	}
	var fields []field
	next := []reflect.Type{t}
	nextCount := map[reflect.Type]int{t: 1}
	visited := map[reflect.Type]bool{}
	for depth := 0; len(next) > 0; depth++ {
		current, count := next, nextCount
		next, nextCount = nil, map[reflect.Type]int{}
		for _, st := range current {
			if visited[st] {
				continue
			}
			visited[st] = true
			for i := 0; i < st.NumField(); i++ {
				sf := st.Field(i)
				if sf.Anonymous {
					ft := sf.Type
					if ft.Kind() == reflect.Pointer {
						ft = ft.Elem()
					}
					if !sf.IsExported() && ft.Kind() != reflect.Struct {
						continue
					}
				} else if !sf.IsExported() {
					continue
				}
				tag := sf.Tag.Get("json")
				if tag == "-" {
					continue
				}
				name, _, _ := strings.Cut(tag, ",")
				if !isValidTag(name) {
					name = ""
				}
				ft := sf.Type
				if ft.Name() == "" && ft.Kind() == reflect.Pointer {
					ft = ft.Elem()
				}
				if name != "" || !sf.Anonymous || ft.Kind() != reflect.Struct {
					f := field{name: name, depth: depth, tagged: name != ""}
					if f.name == "" {
						f.name = sf.Name
					}
					fields = append(fields, f)
					if count[st] > 1 {
						// The same struct embedded twice at this depth:
						// its fields conflict with themselves.
						fields = append(fields, f)
					}
					continue
				}
				nextCount[ft]++
				if nextCount[ft] == 1 {
					next = append(next, ft)
				}
			}
		}
	}
	type best struct {
		depth, n, tagged int
	}
	byName := map[string]*best{}
	for _, f := range fields {
		b := byName[f.name]
		if b == nil || f.depth < b.depth {
			b = &best{depth: f.depth}
			byName[f.name] = b
		}
		if f.depth == b.depth {
			b.n++
			if f.tagged {
				b.tagged++
			}
		}
	}
	names := make(map[string]struct{}, len(byName))
	for name, b := range byName {
		if b.n == 1 || b.tagged == 1 {
			names[name] = struct{}{}
		}
	}
	return names
}

// isValidTag reports whether encoding/json accepts s as a member name in a
// json tag.
func isValidTag(s string) bool {
	if s == "" {
		return false
	}
	for _, c := range s {
		switch {
		case strings.ContainsRune("!#$%&()*+-./:;<=>?@[]^_{|}~ ", c):
		case !unicode.IsLetter(c) && !unicode.IsDigit(c):
			return false
		}
	}
	return true
}
