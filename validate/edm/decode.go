package edm

// This file holds the one-pass decoder behind UnmarshalObject and
// Unmarshal: per Go type, a codec built once by reflection (and cached), then
// run over the bytes with unsafe field offsets, in the manner of
// protobuf-go's table-driven fast path and of encoding/json's cached
// decoders. It needs no generated code, so a package of thousands of types
// costs nothing more to compile, and it reads the input once.
//
// The fast path only handles what it can decode exactly as encoding/json
// would (with exact member names). Whenever it meets anything else — invalid
// JSON, a value of the wrong JSON type, a number out of range, an escaped
// member name, a lone surrogate — it gives up and the caller decodes the same
// bytes again with the reference path (objectSlow, which is encoding/json),
// so every error is encoding/json's error. The differential tests and
// FuzzDecodeAgrees hold the two paths to the same results.

import (
	"encoding"
	"encoding/json"
	"reflect"
	"strconv"
	"sync"
	"sync/atomic"
	"time"
	"unicode/utf16"
	"unicode/utf8"
	"unsafe"
)

// ExtraTag is the struct tag that marks a struct's Extra field:
//
//	Extra map[string]json.RawMessage `json:"-" odata:"extra"`
//
// It is a promise about the struct T that holds it: (*T).UnmarshalJSON does
// what UnmarshalStruct(b, x, &x.Extra) does, or UnmarshalObject(b,
// (*plain)(x), &x.Extra), where plain is T without its methods. The decoder then decodes a T that it meets as a
// field, an element or a Nullable's value in place, in the same pass,
// without calling UnmarshalJSON. Generated types all carry the tag: their
// fields of polymorphic interfaces are decoded by the registered table
// (poly.go), in place too.
const ExtraTag = `odata:"extra"`

type codecKind uint8

const (
	kString codecKind = iota + 1
	kBool
	kInt
	kUint
	kFloat
	kNumber      // json.Number
	kRaw         // json.RawMessage
	kTime        // time.Time
	kUnmarshaler // any other json.Unmarshaler: called with the value's bytes
	kText        // encoding.TextUnmarshaler: called with a string's contents
	kPtr
	kSlice
	kNullable
	kObject // a struct: its fields, and its Extra (when extraOff >= 0)
	kPoly   // a registered polymorphic interface (poly.go), as a field or a field's element
)

// codec decodes one Go type.
type codec struct {
	kind codecKind
	typ  reflect.Type
	size uintptr // kInt, kUint, kFloat: the size in bytes

	elem *codec // kPtr, kSlice, kNullable

	// kNullable: the offsets of Nullable's fields.
	valueOff, stateOff uintptr

	// kObject:
	fields   []field
	byName   map[string]int // for structs with many fields
	extraOff int            // offset of the Extra map, or -1

	poly *polyInfo // kPoly
}

type field struct {
	name string
	off  uintptr
	// via is the offset of the embedded struct pointer that the field is
	// reached through, or -1; off is then the offset in that struct.
	via int
	c   *codec
}

// overwrites reports whether decoding a non-null value into the type sets
// all of it, so that Nullable need not zero its value first.
func (c *codec) overwrites() bool {
	switch c.kind {
	case kString, kBool, kInt, kUint, kFloat, kNumber, kTime:
		return true
	}
	return false
}

var (
	unmarshalerType     = reflect.TypeFor[json.Unmarshaler]()
	textUnmarshalerType = reflect.TypeFor[encoding.TextUnmarshaler]()
	numberType          = reflect.TypeFor[json.Number]()
	rawType             = reflect.TypeFor[json.RawMessage]()
	timeType            = reflect.TypeFor[time.Time]()
	extraType           = reflect.TypeFor[map[string]json.RawMessage]()
	edmPkg              = reflect.TypeFor[Nullable[int]]().PkgPath()
)

// The codecs. A codec is built once, under codecMu, with every codec it
// reaches (kept in built, so that a package of thousands of types is walked
// once); the entry points find them in the lock-free tops.
var (
	codecMu sync.Mutex
	built   = map[reflect.Type]*codec{} // value codecs, by type (nil: not supported)
	tops    sync.Map                    // objectKey or reflect.Type -> *codec
)

// objectKey keys UnmarshalObject's codecs in tops: the struct decoded with
// exact member names and without an Extra field of its own.
type objectKey struct{ t reflect.Type }

// objectCodec returns the codec of the struct type t as UnmarshalObject's
// v, or nil when the fast path cannot decode it.
func objectCodec(t reflect.Type) *codec {
	if c, ok := tops.Load(objectKey{t}); ok {
		return c.(*codec)
	}
	codecMu.Lock()
	defer codecMu.Unlock()
	c := newCodec(t, -1)
	if c != nil && c.kind != kObject {
		c = nil
	}
	tops.Store(objectKey{t}, c)
	return c
}

// valueCodec returns the codec of t as Unmarshal's target, or nil.
func valueCodec(t reflect.Type) *codec {
	if c, ok := tops.Load(t); ok {
		return c.(*codec)
	}
	codecMu.Lock()
	defer codecMu.Unlock()
	c := codecOf(t)
	tops.Store(t, c)
	return c
}

// newCodec builds the object codec of the struct t with its Extra at
// extraOff (-1: none), not kept in built. codecMu is held.
func newCodec(t reflect.Type, extraOff int) *codec {
	c := &codec{kind: kObject, typ: t, extraOff: extraOff}
	if !c.buildObject() {
		return nil
	}
	return c
}

// codec returns the codec of t, or nil when t is not supported.
// codecMu is held.
func codecOf(t reflect.Type) *codec {
	if c, ok := built[t]; ok {
		return c
	}
	c := buildCodec(t)
	if _, ok := built[t]; !ok { // objects store themselves first
		built[t] = c
	}
	return built[t]
}

func buildCodec(t reflect.Type) *codec {
	switch {
	case t == timeType:
		return &codec{kind: kTime, typ: t}
	case t == rawType:
		return &codec{kind: kRaw, typ: t}
	case t == numberType:
		return &codec{kind: kNumber, typ: t}
	case t.Kind() == reflect.Struct && t.PkgPath() == edmPkg && hasPrefix(t.Name(), "Nullable["):
		v, _ := t.FieldByName("v")
		state, _ := t.FieldByName("state")
		elem := codecOf(v.Type)
		if elem == nil {
			return nil
		}
		return &codec{kind: kNullable, typ: t, elem: elem, valueOff: v.Offset, stateOff: state.Offset}
	}
	ptrImplements := t.Kind() != reflect.Pointer && reflect.PointerTo(t).Implements(unmarshalerType)
	if ptrImplements {
		if t.Kind() == reflect.Struct {
			if off, ok := extraField(t); ok {
				// Stored before its fields are built, so that recursive
				// types find it; when a field is not supported it becomes
				// a kUnmarshaler in place, which is always right.
				c := &codec{kind: kObject, typ: t, extraOff: int(off)}
				built[t] = c
				if !c.buildObject() {
					*c = codec{kind: kUnmarshaler, typ: t}
				}
				return c
			}
		}
		return &codec{kind: kUnmarshaler, typ: t}
	}
	if t.Kind() == reflect.Pointer && t.Implements(unmarshalerType) && t.Elem().Kind() == reflect.Pointer {
		return nil // a pointer type with its own methods: leave it to encoding/json
	}
	if t.Kind() != reflect.Pointer && reflect.PointerTo(t).Implements(textUnmarshalerType) {
		return &codec{kind: kText, typ: t}
	}
	switch t.Kind() {
	case reflect.String:
		return &codec{kind: kString, typ: t}
	case reflect.Bool:
		return &codec{kind: kBool, typ: t}
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return &codec{kind: kInt, typ: t, size: t.Size()}
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return &codec{kind: kUint, typ: t, size: t.Size()}
	case reflect.Float32, reflect.Float64:
		return &codec{kind: kFloat, typ: t, size: t.Size()}
	case reflect.Pointer:
		if t.Name() != "" {
			return nil
		}
		elem := codecOf(t.Elem())
		if elem == nil {
			return nil
		}
		return &codec{kind: kPtr, typ: t, elem: elem}
	case reflect.Slice:
		if t.Elem().Kind() == reflect.Uint8 {
			return nil // []byte is base64 to encoding/json
		}
		elem := codecOf(t.Elem())
		if elem == nil {
			return nil
		}
		return &codec{kind: kSlice, typ: t, elem: elem}
	}
	// Interfaces, maps, arrays, plain structs (encoding/json matches their
	// member names without regard to case), channels, functions.
	return nil
}

func hasPrefix(s, p string) bool { return len(s) >= len(p) && s[:len(p)] == p }

// extraField returns the offset of t's field tagged ExtraTag, when it has one
// of type map[string]json.RawMessage tagged json:"-".
func extraField(t reflect.Type) (uintptr, bool) {
	for i := range t.NumField() {
		sf := t.Field(i)
		if sf.Tag.Get("odata") == "extra" {
			return sf.Offset, sf.Type == extraType && sf.Tag.Get("json") == "-"
		}
	}
	return 0, false
}

// buildObject fills in the fields of the object codec c, or reports that
// one is not supported.
func (c *codec) buildObject() bool {
	t := c.typ
	if t.Kind() != reflect.Struct {
		return false
	}
	// The struct's own fields, then those of its embedded structs, which
	// encoding/json promotes unless a field of the struct has the name.
	// (Generated types embed their plain twin, beside json.RawMessage
	// fields that shadow its polymorphic ones.) Anything subtler — a
	// name two embedded structs share, embedding two levels deep, a
	// tagged embedded struct — is left to encoding/json.
	seen := map[string]bool{}
	var embedded []reflect.StructField
	for i := range t.NumField() {
		sf := t.Field(i)
		if sf.Anonymous {
			embedded = append(embedded, sf)
			continue
		}
		name, ok, supported := fieldName(sf)
		if !supported {
			return false
		}
		if !ok {
			continue
		}
		if seen[name] {
			return false // conflicting names
		}
		seen[name] = true
		fc := polyCodec(sf.Type) // only the struct's own fields: as the reference path
		if fc == nil {
			fc = codecOf(sf.Type)
		}
		if fc == nil {
			return false
		}
		c.fields = append(c.fields, field{name: name, off: sf.Offset, via: -1, c: fc})
	}
	promoted := map[string]bool{}
	for _, e := range embedded {
		et, via, off := e.Type, -1, e.Offset
		if et.Kind() == reflect.Pointer {
			et, via, off = et.Elem(), int(e.Offset), 0
		}
		if et.Kind() != reflect.Struct {
			if !e.IsExported() {
				continue // encoding/json ignores it
			}
			return false
		}
		if tag := e.Tag.Get("json"); tag != "" {
			return false
		}
		if pt := reflect.PointerTo(et); pt.Implements(unmarshalerType) || pt.Implements(textUnmarshalerType) {
			return false // its methods are the struct's too
		}
		for i := range et.NumField() {
			sf := et.Field(i)
			if sf.Anonymous {
				return false
			}
			name, ok, supported := fieldName(sf)
			if !supported {
				return false
			}
			if !ok || seen[name] {
				continue // not a field, or shadowed by the struct's own
			}
			if promoted[name] {
				return false
			}
			promoted[name] = true
			fc := codecOf(sf.Type)
			if fc == nil {
				return false
			}
			c.fields = append(c.fields, field{name: name, off: off + sf.Offset, via: via, c: fc})
		}
	}
	if len(c.fields) > 12 {
		c.byName = make(map[string]int, len(c.fields))
		for i, f := range c.fields {
			c.byName[f.name] = i
		}
	}
	return true
}

// fieldName returns the member name of a struct field as encoding/json
// reads it, ok false for a field that is not a member (unexported, or
// tagged "-"), and supported false for one the decoder leaves to
// encoding/json (the ",string" option).
func fieldName(sf reflect.StructField) (name string, ok, supported bool) {
	if !sf.IsExported() {
		return "", false, true
	}
	tag := sf.Tag.Get("json")
	if tag == "-" {
		return "", false, true
	}
	name, opts := tag, ""
	for j := range len(tag) {
		if tag[j] == ',' {
			name, opts = tag[:j], tag[j+1:]
			break
		}
	}
	if hasOption(opts, "string") {
		return "", false, false
	}
	if !isValidTag(name) {
		name = sf.Name
	}
	return name, true, true
}

func hasOption(opts, want string) bool {
	for opts != "" {
		var o string
		o, opts = opts, ""
		for j := range len(o) {
			if o[j] == ',' {
				o, opts = o[:j], o[j+1:]
				break
			}
		}
		if o == want {
			return true
		}
	}
	return false
}

// slowOnly turns the fast path off: the tests compare the two paths.
var slowOnly atomic.Bool

// maxDepth is encoding/json's nesting limit; deeper input goes to the
// reference path, which reports it.
const maxDepth = 10000

// decoder is the state of one fast decode. ok false means: give up.
type decoder struct {
	data  []byte
	i     int
	depth int
}

func (d *decoder) space() {
	for d.i < len(d.data) {
		switch d.data[d.i] {
		case ' ', '\t', '\r', '\n':
			d.i++
		default:
			return
		}
	}
}

// peek returns the next non-space byte, or 0 at the end.
func (d *decoder) peek() byte {
	d.space()
	if d.i < len(d.data) {
		return d.data[d.i]
	}
	return 0
}

// literal consumes the literal s (true, false, null) at d.i.
func (d *decoder) literal(s string) bool {
	if len(d.data)-d.i < len(s) || string(d.data[d.i:d.i+len(s)]) != s {
		return false
	}
	d.i += len(s)
	return true
}

// number consumes a JSON number at d.i and returns its text.
func (d *decoder) number() ([]byte, bool) {
	data, start := d.data, d.i
	i := start
	if i < len(data) && data[i] == '-' {
		i++
	}
	switch {
	case i < len(data) && data[i] == '0':
		i++
	case i < len(data) && '1' <= data[i] && data[i] <= '9':
		for i++; i < len(data) && '0' <= data[i] && data[i] <= '9'; i++ {
		}
	default:
		return nil, false
	}
	if i < len(data) && data[i] == '.' {
		i++
		if i >= len(data) || data[i] < '0' || data[i] > '9' {
			return nil, false
		}
		for i++; i < len(data) && '0' <= data[i] && data[i] <= '9'; i++ {
		}
	}
	if i < len(data) && (data[i] == 'e' || data[i] == 'E') {
		i++
		if i < len(data) && (data[i] == '+' || data[i] == '-') {
			i++
		}
		if i >= len(data) || data[i] < '0' || data[i] > '9' {
			return nil, false
		}
		for i++; i < len(data) && '0' <= data[i] && data[i] <= '9'; i++ {
		}
	}
	d.i = i
	return data[start:i], true
}

// str consumes the JSON string at d.i (a '"') and returns its contents:
// a slice of the input when it has no escapes (raw true), or a new buffer.
// Invalid UTF-8 and lone surrogates, which encoding/json replaces with
// U+FFFD, give up.
func (d *decoder) str() (s []byte, raw bool, ok bool) {
	data := d.data
	start := d.i + 1
	ascii := true
	i := start
	for ; i < len(data); i++ {
		c := data[i]
		switch {
		case c == '"':
			if !ascii && !utf8.Valid(data[start:i]) {
				return nil, false, false
			}
			d.i = i + 1
			return data[start:i], true, true
		case c == '\\':
			return d.unescape(start, i)
		case c < 0x20:
			return nil, false, false
		case c >= 0x80:
			ascii = false
		}
	}
	return nil, false, false
}

// unescape decodes a string with escapes; the first is at esc.
func (d *decoder) unescape(start, esc int) ([]byte, bool, bool) {
	data := d.data
	buf := make([]byte, 0, esc-start+16)
	buf = append(buf, data[start:esc]...)
	i := esc
	for i < len(data) {
		c := data[i]
		switch {
		case c == '"':
			if !utf8.Valid(buf) {
				return nil, false, false
			}
			d.i = i + 1
			return buf, false, true
		case c < 0x20:
			return nil, false, false
		case c != '\\':
			buf = append(buf, c)
			i++
			continue
		}
		if i+1 >= len(data) {
			return nil, false, false
		}
		switch data[i+1] {
		case '"', '\\', '/':
			buf = append(buf, data[i+1])
		case 'b':
			buf = append(buf, '\b')
		case 'f':
			buf = append(buf, '\f')
		case 'n':
			buf = append(buf, '\n')
		case 'r':
			buf = append(buf, '\r')
		case 't':
			buf = append(buf, '\t')
		case 'u':
			r, ok := hex4(data, i+2)
			if !ok {
				return nil, false, false
			}
			i += 6
			if utf16.IsSurrogate(r) {
				if i+1 >= len(data) || data[i] != '\\' || data[i+1] != 'u' {
					return nil, false, false
				}
				r2, ok := hex4(data, i+2)
				if !ok {
					return nil, false, false
				}
				r = utf16.DecodeRune(r, r2)
				if r == utf8.RuneError {
					return nil, false, false
				}
				i += 6
			}
			buf = utf8.AppendRune(buf, r)
			continue
		default:
			return nil, false, false
		}
		i += 2
	}
	return nil, false, false
}

func hex4(data []byte, i int) (rune, bool) {
	if len(data)-i < 4 {
		return 0, false
	}
	var r rune
	for _, c := range data[i : i+4] {
		switch {
		case '0' <= c && c <= '9':
			c -= '0'
		case 'a' <= c && c <= 'f':
			c -= 'a' - 10
		case 'A' <= c && c <= 'F':
			c -= 'A' - 10
		default:
			return 0, false
		}
		r = r<<4 | rune(c)
	}
	return r, true
}

// skip consumes one valid JSON value and returns its text.
func (d *decoder) skip() ([]byte, bool) {
	start := d.i
	if !d.skipValue() {
		return nil, false
	}
	return d.data[start:d.i], true
}

func (d *decoder) skipValue() bool {
	switch d.peek() {
	case '"':
		return d.skipString()
	case '{':
		d.depth++
		if d.depth > maxDepth {
			return false
		}
		d.i++
		if d.peek() == '}' {
			d.i++
			d.depth--
			return true
		}
		for {
			if d.peek() != '"' || !d.skipString() || d.peek() != ':' {
				return false
			}
			d.i++
			if !d.skipValue() {
				return false
			}
			switch d.peek() {
			case ',':
				d.i++
			case '}':
				d.i++
				d.depth--
				return true
			default:
				return false
			}
		}
	case '[':
		d.depth++
		if d.depth > maxDepth {
			return false
		}
		d.i++
		if d.peek() == ']' {
			d.i++
			d.depth--
			return true
		}
		for {
			if !d.skipValue() {
				return false
			}
			switch d.peek() {
			case ',':
				d.i++
			case ']':
				d.i++
				d.depth--
				return true
			default:
				return false
			}
		}
	case 't':
		return d.literal("true")
	case 'f':
		return d.literal("false")
	case 'n':
		return d.literal("null")
	default:
		_, ok := d.number()
		return ok
	}
}

// skipString consumes a JSON string without decoding it. encoding/json
// accepts any bytes but controls in a string, and so does this.
func (d *decoder) skipString() bool {
	data := d.data
	for i := d.i + 1; i < len(data); i++ {
		switch c := data[i]; {
		case c == '"':
			d.i = i + 1
			return true
		case c == '\\':
			i++
			if i >= len(data) {
				return false
			}
			switch data[i] {
			case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
			case 'u':
				if _, ok := hex4(data, i+1); !ok {
					return false
				}
				i += 4
			default:
				return false
			}
		case c < 0x20:
			return false
		}
	}
	return false
}

// unsafeString views b as a string, for parsing only.
func unsafeString(b []byte) string { return unsafe.String(unsafe.SliceData(b), len(b)) }

// sliceHeader is the layout of a slice.
type sliceHeader struct {
	data     unsafe.Pointer
	len, cap int
}

// value decodes the next value into the c-typed value at p.
func (d *decoder) value(c *codec, p unsafe.Pointer) bool {
	ch := d.peek()
	switch c.kind {
	case kString:
		switch ch {
		case '"':
			s, _, ok := d.str()
			if !ok {
				return false
			}
			*(*string)(p) = string(s)
			return true
		case 'n':
			return d.literal("null")
		}
		return false
	case kBool:
		switch ch {
		case 't':
			*(*bool)(p) = true
			return d.literal("true")
		case 'f':
			*(*bool)(p) = false
			return d.literal("false")
		case 'n':
			return d.literal("null")
		}
		return false
	case kInt, kUint, kFloat, kNumber:
		if ch == 'n' {
			return d.literal("null")
		}
		if ch != '-' && (ch < '0' || ch > '9') {
			return false
		}
		num, ok := d.number()
		if !ok {
			return false
		}
		return storeNumber(c, p, num)
	case kRaw:
		raw, ok := d.skip()
		if !ok {
			return false
		}
		m := (*json.RawMessage)(p)
		*m = append((*m)[0:0], raw...)
		return true
	case kTime:
		raw, ok := d.skip()
		return ok && (*time.Time)(p).UnmarshalJSON(raw) == nil
	case kUnmarshaler:
		raw, ok := d.skip()
		if !ok {
			return false
		}
		u := reflect.NewAt(c.typ, p).Interface().(json.Unmarshaler)
		return u.UnmarshalJSON(raw) == nil
	case kText:
		switch ch {
		case '"':
			s, _, ok := d.str()
			if !ok {
				return false
			}
			u := reflect.NewAt(c.typ, p).Interface().(encoding.TextUnmarshaler)
			return u.UnmarshalText(s) == nil
		case 'n':
			return d.literal("null")
		}
		return false
	case kPtr:
		pp := (*unsafe.Pointer)(p)
		if ch == 'n' {
			*pp = nil
			return d.literal("null")
		}
		if *pp == nil {
			*pp = reflect.New(c.elem.typ).UnsafePointer()
		}
		return d.value(c.elem, *pp)
	case kNullable:
		state := (*nullableState)(unsafe.Add(p, c.stateOff))
		v := unsafe.Add(p, c.valueOff)
		if ch == 'n' {
			reflect.NewAt(c.elem.typ, v).Elem().SetZero()
			*state = stateNull
			return d.literal("null")
		}
		if !c.elem.overwrites() {
			reflect.NewAt(c.elem.typ, v).Elem().SetZero()
		}
		*state = stateAbsent
		if !d.value(c.elem, v) {
			// Absent is the zero value (omitzero relies on it), also
			// after a decode that gave up halfway.
			reflect.NewAt(c.elem.typ, v).Elem().SetZero()
			return false
		}
		*state = stateValue
		return true
	case kSlice:
		return d.slice(c, p, ch)
	case kPoly:
		return d.poly(c, p, ch)
	case kObject:
		switch ch {
		case '{':
			var extra *map[string]json.RawMessage
			if c.extraOff >= 0 {
				extra = (*map[string]json.RawMessage)(unsafe.Add(p, c.extraOff))
			}
			return d.object(c, p, extra)
		case 'n':
			return d.literal("null")
		}
		return false
	}
	return false
}

// storeNumber parses num into the number-typed value at p.
func storeNumber(c *codec, p unsafe.Pointer, num []byte) bool {
	s := unsafeString(num)
	switch c.kind {
	case kInt:
		n, err := strconv.ParseInt(s, 10, int(c.size*8))
		if err != nil {
			return false
		}
		storeBits(p, c.size, uint64(n))
	case kUint:
		n, err := strconv.ParseUint(s, 10, int(c.size*8))
		if err != nil {
			return false
		}
		storeBits(p, c.size, n)
	case kFloat:
		f, err := strconv.ParseFloat(s, int(c.size*8))
		if err != nil {
			return false
		}
		if c.size == 4 {
			*(*float32)(p) = float32(f)
		} else {
			*(*float64)(p) = f
		}
	case kNumber:
		*(*json.Number)(p) = json.Number(string(num))
	}
	return true
}

// storeBits writes the low size bytes of n to the integer at p: the same
// bits for a signed and an unsigned integer of that size (ParseInt and
// ParseUint have checked the range).
func storeBits(p unsafe.Pointer, size uintptr, n uint64) {
	switch size {
	case 1:
		*(*uint8)(p) = uint8(n)
	case 2:
		*(*uint16)(p) = uint16(n)
	case 4:
		*(*uint32)(p) = uint32(n)
	default:
		*(*uint64)(p) = n
	}
}

// slice decodes a JSON array (or null) into the slice at p the way
// encoding/json does: existing elements are decoded into, the length is
// set to the array's, and an empty array gives an empty non-nil slice.
func (d *decoder) slice(c *codec, p unsafe.Pointer, ch byte) bool {
	h := (*sliceHeader)(p)
	switch ch {
	case 'n':
		h.data, h.len, h.cap = nil, 0, 0
		return d.literal("null")
	case '[':
	default:
		return false
	}
	d.depth++
	if d.depth > maxDepth {
		return false
	}
	d.i++
	if c.elem.kind == kPoly {
		// A new slice, as the reference path makes (decodeSliceSlow).
		h.data, h.len, h.cap = nil, 0, 0
	}
	sv := reflect.NewAt(c.typ, p).Elem()
	size := c.elem.typ.Size()
	n := 0
	if d.peek() == ']' {
		d.i++
	} else {
		for {
			if n >= h.cap {
				sv.Grow(1)
			}
			if n >= h.len {
				sv.SetLen(n + 1)
			}
			if !d.value(c.elem, unsafe.Add(h.data, uintptr(n)*size)) {
				return false
			}
			n++
			switch d.peek() {
			case ',':
				d.i++
				continue
			case ']':
				d.i++
			default:
				return false
			}
			break
		}
	}
	d.depth--
	if n < h.len {
		sv.SetLen(n)
	}
	if n == 0 {
		sv.Set(reflect.MakeSlice(c.typ, 0, 0))
	}
	return true
}

// member is a member of an object that has no field: its name and the
// offsets of its value.
type member struct {
	name       string
	start, end int
}

// object decodes the object at d.i into the struct at p; members without a
// field go to *extra (dropped when extra is nil), which is replaced.
func (d *decoder) object(c *codec, p unsafe.Pointer, extra *map[string]json.RawMessage) bool {
	d.depth++
	if d.depth > maxDepth {
		return false
	}
	d.i++ // '{'
	var stack [8]member
	others := stack[:0]
	size := 0
	next := 0 // the field expected next: members usually come in field order
	if d.peek() == '}' {
		d.i++
	} else {
		for {
			if d.peek() != '"' {
				return false
			}
			key, raw, ok := d.str()
			if !ok || !raw {
				return false // escaped names go the reference way
			}
			if d.peek() != ':' {
				return false
			}
			d.i++
			f := -1
			switch {
			case next < len(c.fields) && c.fields[next].name == unsafeString(key):
				f = next
			case c.byName != nil:
				if j, ok := c.byName[unsafeString(key)]; ok {
					f = j
				}
			default:
				for j := range c.fields {
					if c.fields[j].name == unsafeString(key) {
						f = j
						break
					}
				}
			}
			if f >= 0 {
				next = f + 1
				fp := p
				if via := c.fields[f].via; via >= 0 {
					if fp = *(*unsafe.Pointer)(unsafe.Add(p, via)); fp == nil {
						return false // encoding/json allocates it, or refuses
					}
				}
				if !d.value(c.fields[f].c, unsafe.Add(fp, c.fields[f].off)) {
					return false
				}
			} else {
				d.space()
				start := d.i
				if !d.skipValue() {
					return false
				}
				if extra != nil {
					others = append(others, member{name: string(key), start: start, end: d.i})
					size += d.i - start
				}
			}
			switch d.peek() {
			case ',':
				d.i++
				continue
			case '}':
				d.i++
			default:
				return false
			}
			break
		}
	}
	d.depth--
	if extra == nil {
		return true
	}
	if len(others) == 0 {
		*extra = nil
		return true
	}
	backing := make([]byte, 0, size)
	m := make(map[string]json.RawMessage, len(others))
	for _, o := range others {
		start := len(backing)
		backing = append(backing, d.data[o.start:o.end]...)
		m[o.name] = backing[start:len(backing):len(backing)]
	}
	*extra = m
	return true
}

// decodeObject is the fast path of UnmarshalObject and UnmarshalStruct:
// data is one JSON object (or null) decoded into the struct at p with the
// object codec c. It reports false when the reference path must decode it.
func decodeObject(data []byte, c *codec, p unsafe.Pointer, extra *map[string]json.RawMessage) bool {
	if c == nil || slowOnly.Load() {
		return false
	}
	d := decoder{data: data}
	switch d.peek() {
	case '{':
		return d.object(c, p, extra) && d.end()
	case 'n':
		return d.literal("null") && d.end()
	}
	return false
}

// end reports whether only spaces are left.
func (d *decoder) end() bool {
	d.space()
	return d.i == len(d.data)
}

// Unmarshal decodes the JSON value in data into v, as json.Unmarshal does,
// in one pass where it can: when v points to a type with an Extra field
// tagged ExtraTag (a generated type, or Page), or a pointer, slice or
// Nullable of those or of primitives, it decodes without encoding/json's
// separate syntax check and without calling UnmarshalJSON for each nested
// generated value. Member names match exactly, as in UnmarshalObject. For
// any other v, and for input that is not valid JSON or does not fit v, it
// is json.Unmarshal, and the error is encoding/json's. On error, v may be
// partly set.
func Unmarshal(data []byte, v any) error {
	rv := reflect.ValueOf(v)
	if rv.Kind() == reflect.Pointer && !rv.IsNil() && !slowOnly.Load() {
		if c := valueCodec(rv.Type().Elem()); c != nil && c.kind != kUnmarshaler {
			d := decoder{data: data}
			if d.value(c, rv.UnsafePointer()) && d.end() {
				return nil
			}
		}
	}
	return json.Unmarshal(data, v)
}
