package edm

// This file holds polymorphic fields: a field whose type is an interface
// that a generated package registers with RegisterPolymorphic (a sealed
// interface such as DirectoryObjectKind), or a slice of one. Decoding picks
// the struct by the object's @odata.type from the registered table. The
// one-pass decoder (decode.go) decodes such a field in place; the
// reference path (unmarshalObjectSlow) hides its member from encoding/json,
// which cannot decode into an interface with methods, and decodes it by the
// table after the other fields.

import (
	"encoding/json"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"unsafe"
)

// Polymorphic is an entry of the table of polymorphic types that a
// generated package registers with [RegisterPolymorphic]: an interface that
// a base struct and the structs derived from it implement, and how to pick
// the struct for a JSON object by its @odata.type. All of it is plain
// values, so that the table is static data:
//
//	var odataPolymorphic = []edm.Polymorphic{{
//		Interface: (*DirectoryObjectKind)(nil),
//		Base:      (*DirectoryObject)(nil),
//		Derived: []edm.DerivedType{
//			{Name: "microsoft.graph.group", Type: (*Group)(nil)},
//			{Name: "microsoft.graph.user", Type: (*User)(nil)},
//		},
//	}}
type Polymorphic struct {
	// Interface is a nil pointer to the interface type.
	Interface any
	// Base is a nil pointer to the struct of the declared type: what an
	// object without @odata.type, or whose @odata.type names no type in
	// Derived, decodes into.
	Base any
	// Derived are the structs of the types derived from the base, sorted
	// by Name.
	Derived []DerivedType
}

// DerivedType is one derived type of a [Polymorphic] entry: its qualified
// OData name ("microsoft.graph.user", without "#") and a nil pointer to its
// struct.
type DerivedType struct {
	Name string
	Type any
}

// The registered tables: pending until an interface is first looked up,
// then indexed by interface type; an entry is checked and resolved to
// reflect types when it is first used.
var (
	polyMu      sync.Mutex
	polyPending [][]Polymorphic
	polyByIface = map[reflect.Type]*polyInfo{}
	polySome    atomic.Bool // a table was registered: until then, no lookups
	// polyResolved holds the entries lookupPoly has resolved, by interface
	// type, so that a lookup on the hot path (UnmarshalPolymorphic, each
	// generated Unmarshal<Base> call) takes no lock.
	polyResolved sync.Map // reflect.Type -> *polyInfo
)

// RegisterPolymorphic registers a table of polymorphic types. A generated
// package calls it once, at init, with its static table:
//
//	func init() { edm.RegisterPolymorphic(odataPolymorphic) }
//
// From then on [UnmarshalStruct], [UnmarshalObject] and [Unmarshal] decode a
// struct field whose type is one of the table's interfaces, or a slice of
// one, by @odata.type (see [UnmarshalPolymorphic]), and
// [UnmarshalPolymorphic] decodes a value of one. The table is only read when
// a value is first decoded, and must not change. It panics then, naming
// the entry, when an entry does not hold nil pointers to an interface and
// to structs whose pointers implement it, with the names sorted.
func RegisterPolymorphic(table []Polymorphic) {
	polyMu.Lock()
	defer polyMu.Unlock()
	polyPending = append(polyPending, table)
	polySome.Store(true)
}

// polyInfo is a resolved table entry.
type polyInfo struct {
	entry    *Polymorphic
	once     sync.Once
	iface    reflect.Type // the interface
	base     *polyCase
	names    []string // the derived types' names, sorted
	cases    []polyCase
	sliceTyp reflect.Type // []iface
}

// polyCase is a struct that a polymorphic value may decode into.
type polyCase struct {
	typ reflect.Type // the struct
	c   atomic.Pointer[codec]
}

// lookupPoly returns the registered entry of the interface type t, or nil.
func lookupPoly(t reflect.Type) *polyInfo {
	if t.Kind() != reflect.Interface || !polySome.Load() {
		return nil
	}
	if pi, ok := polyResolved.Load(t); ok {
		return pi.(*polyInfo)
	}
	polyMu.Lock()
	for _, table := range polyPending {
		for i := range table {
			e := &table[i]
			it := reflect.TypeOf(e.Interface)
			if it == nil || it.Kind() != reflect.Pointer || it.Elem().Kind() != reflect.Interface {
				polyMu.Unlock()
				panic(fmt.Sprintf("edm: RegisterPolymorphic: the Interface of entry %d is %T, not a nil pointer to an interface", i, e.Interface))
			}
			if _, ok := polyByIface[it.Elem()]; !ok {
				polyByIface[it.Elem()] = &polyInfo{entry: e}
			}
		}
	}
	polyPending = nil
	pi := polyByIface[t]
	polyMu.Unlock()
	if pi != nil {
		pi.once.Do(func() { pi.resolve(t) })
		polyResolved.Store(t, pi)
	}
	return pi
}

// resolve checks the entry and turns it into reflect types.
func (pi *polyInfo) resolve(iface reflect.Type) {
	e := pi.entry
	pi.iface = iface
	pi.sliceTyp = reflect.SliceOf(iface)
	structOf := func(what string, v any) reflect.Type {
		t := reflect.TypeOf(v)
		if t == nil || t.Kind() != reflect.Pointer || t.Elem().Kind() != reflect.Struct || !t.Implements(iface) {
			panic(fmt.Sprintf("edm: RegisterPolymorphic: %s of %v is %T, not a nil pointer to a struct that implements it", what, iface, v))
		}
		return t.Elem()
	}
	pi.base = &polyCase{typ: structOf("the Base", e.Base)}
	pi.names = make([]string, len(e.Derived))
	pi.cases = make([]polyCase, len(e.Derived))
	for i, d := range e.Derived {
		pi.names[i] = d.Name
		pi.cases[i].typ = structOf("the derived type "+d.Name, d.Type)
	}
	if !slices.IsSorted(pi.names) {
		panic(fmt.Sprintf("edm: RegisterPolymorphic: the derived types of %v are not sorted by name", iface))
	}
}

// pick returns the case for the @odata.type name (with or without the
// leading "#"): the derived type of that name, or else the base.
func (pi *polyInfo) pick(name string) *polyCase {
	name = strings.TrimPrefix(name, "#")
	if i, ok := slices.BinarySearch(pi.names, name); ok {
		return &pi.cases[i]
	}
	return pi.base
}

// codec returns the codec of the case's struct for the fast path, or nil
// when it has none.
func (pc *polyCase) codec() *codec {
	if c := pc.c.Load(); c != nil {
		if c.kind == 0 {
			return nil
		}
		return c
	}
	codecMu.Lock()
	c := codecOf(pc.typ)
	codecMu.Unlock()
	if c == nil {
		c = &codec{} // none
	}
	pc.c.Store(c)
	if c.kind == 0 {
		return nil
	}
	return c
}

// UnmarshalPolymorphic decodes a JSON object into the struct that its
// @odata.type names among the types of the registered interface that iface
// points to (iface is a nil pointer to it, (*DirectoryObjectKind)(nil)),
// and returns a pointer to that struct (*User). The name may have the
// leading "#" or not. An object without @odata.type, or whose @odata.type
// names no type derived from the base (a newer type, a misspelling), gives
// the base struct; the members it has no field for are kept in Extra. JSON
// null gives nil. Anything else is an error, the base struct's, and gives
// nil. Generated packages wrap it, one line per polymorphic type:
//
//	func UnmarshalDirectoryObject(data []byte) (DirectoryObjectKind, error) {
//		v, err := edm.UnmarshalPolymorphic(data, (*DirectoryObjectKind)(nil))
//		x, _ := v.(DirectoryObjectKind)
//		return x, err
//	}
//
// A struct field of the interface type (or a slice of it) is decoded the
// same way by UnmarshalStruct, UnmarshalObject and Unmarshal, with its
// member's name in the error: "manager: ...", "memberOf: element 1: ...".
func UnmarshalPolymorphic(data []byte, iface any) (any, error) {
	t := reflect.TypeOf(iface)
	var pi *polyInfo
	if t != nil && t.Kind() == reflect.Pointer {
		pi = lookupPoly(t.Elem())
	}
	if pi == nil {
		return nil, fmt.Errorf("edm: UnmarshalPolymorphic: %T is not a pointer to a registered interface", iface)
	}
	if !slowOnly.Load() {
		d := decoder{data: data}
		switch d.peek() {
		case 'n':
			if d.literal("null") && d.end() {
				return nil, nil
			}
		case '{':
			if v, ok := d.polyObject(pi); ok && d.end() {
				return v.Interface(), nil
			}
		}
	}
	v, err := pi.decodeSlow(data)
	if err != nil || !v.IsValid() {
		return nil, err
	}
	return v.Interface(), nil
}

// polyCodec returns the codec of a struct field of type t when t is a
// registered interface or a slice of one, or nil. codecMu is held.
func polyCodec(t reflect.Type) *codec {
	if t.Kind() != reflect.Interface && (t.Kind() != reflect.Slice || t.Elem().Kind() != reflect.Interface) || !polySome.Load() {
		return nil
	}
	if c, ok := polyCodecs[t]; ok {
		return c
	}
	var c *codec
	switch {
	case t.Kind() == reflect.Interface:
		if pi := lookupPoly(t); pi != nil {
			c = &codec{kind: kPoly, typ: t, poly: pi}
		}
	case t.Kind() == reflect.Slice && t.Elem().Kind() == reflect.Interface:
		if elem := polyCodec(t.Elem()); elem != nil {
			c = &codec{kind: kSlice, typ: t, elem: elem}
		}
	}
	polyCodecs[t] = c
	return c
}

// polyCodecs are the codecs of polymorphic fields, by field type, apart
// from built: a registered interface is decoded by the table only as a
// field (or a field's elements), where the reference path decodes it too.
var polyCodecs = map[reflect.Type]*codec{} // under codecMu

// poly decodes a polymorphic value (an object or null, ch is its first
// byte) into the interface at p.
func (d *decoder) poly(c *codec, p unsafe.Pointer, ch byte) bool {
	iv := reflect.NewAt(c.typ, p).Elem()
	switch ch {
	case 'n':
		iv.SetZero()
		return d.literal("null")
	case '{':
		v, ok := d.polyObject(c.poly)
		if ok {
			iv.Set(v)
		}
		return ok
	}
	return false // the reference path gives the error
}

// polyObject decodes the object at d.i into a new struct of the case its
// @odata.type picks, and returns the pointer to it.
func (d *decoder) polyObject(pi *polyInfo) (reflect.Value, bool) {
	// The @odata.type member usually comes first: then only it is read
	// ahead, and the decoded struct's Extra shows whether a later member
	// of the same name overrode it (which encoding/json's last-one-wins
	// makes the one that counts).
	name, first, ok := d.typeAhead(true)
	if !ok {
		return reflect.Value{}, false
	}
	pc := pi.pick(unsafeString(name))
	c := pc.codec()
	if c == nil {
		return reflect.Value{}, false
	}
	check := first != nil
	if check && (c.kind != kObject || c.extraOff < 0 || c.hasField("@odata.type")) {
		if name, _, ok = d.typeAhead(false); !ok {
			return reflect.Value{}, false
		}
		check = false
		pc = pi.pick(unsafeString(name))
		if c = pc.codec(); c == nil {
			return reflect.Value{}, false
		}
	}
	v := reflect.New(pc.typ)
	if !d.value(c, v.UnsafePointer()) {
		return reflect.Value{}, false
	}
	if check {
		extra := *(*map[string]json.RawMessage)(unsafe.Add(v.UnsafePointer(), c.extraOff))
		if string(extra["@odata.type"]) != string(first) {
			return reflect.Value{}, false
		}
	}
	return v, true
}

// hasField reports whether the object codec c has a field of the name.
func (c *codec) hasField(name string) bool {
	for _, f := range c.fields {
		if f.name == name {
			return true
		}
	}
	return false
}

// typeAhead reads the object at d.i (a '{') ahead, without consuming it,
// for the string value of its "@odata.type" member (nil when it has none,
// or its value is not a string; the last one when there are several).
// With firstOnly, when the first member is "@odata.type" it stops there
// and returns that member's value text as first. ok is false for what the
// fast path leaves to the reference path: invalid JSON, an escaped member
// name, an invalid string.
func (d *decoder) typeAhead(firstOnly bool) (name, first []byte, ok bool) {
	s := decoder{data: d.data, i: d.i + 1, depth: d.depth}
	if s.peek() == '}' {
		return nil, nil, true
	}
	for n := 0; ; n++ {
		if s.peek() != '"' {
			return nil, nil, false
		}
		key, raw, ok := s.str()
		if !ok || !raw || s.peek() != ':' {
			return nil, nil, false
		}
		s.i++
		if string(key) == "@odata.type" {
			s.space()
			start := s.i
			if s.peek() == '"' {
				if name, _, ok = s.str(); !ok {
					return nil, nil, false
				}
			} else {
				name = nil
				if !s.skipValue() {
					return nil, nil, false
				}
			}
			if firstOnly && n == 0 {
				return name, d.data[start:s.i], true
			}
		} else if !s.skipValue() {
			return nil, nil, false
		}
		switch s.peek() {
		case ',':
			s.i++
		case '}':
			return name, nil, true
		default:
			return nil, nil, false
		}
	}
}

// decodeSlow decodes one polymorphic value the reference way: the
// returned Value is the pointer to the new struct, or invalid for JSON
// null.
func (pi *polyInfo) decodeSlow(data []byte) (reflect.Value, error) {
	pc := pi.base
	if json.Valid(data) {
		switch i := skipSpace(data, 0); data[i] {
		case 'n':
			return reflect.Value{}, nil
		case '{':
			pc = pi.pick(odataTypeOf(data, i))
		}
	}
	v := reflect.New(pc.typ)
	var err error
	if u, ok := v.Interface().(json.Unmarshaler); ok {
		err = u.UnmarshalJSON(data)
	} else {
		err = json.Unmarshal(data, v.Interface())
	}
	if err != nil {
		return reflect.Value{}, err
	}
	return v, nil
}

// decodeSliceSlow decodes a JSON array of polymorphic values the reference
// way into a new []iface (nil for JSON null).
func (pi *polyInfo) decodeSliceSlow(data []byte) (reflect.Value, error) {
	i := skipSpace(data, 0)
	if data[i] != '[' {
		// encoding/json's error (or nil for null), without an element to
		// decode into the interface.
		s := reflect.New(pi.sliceTyp)
		err := json.Unmarshal(data, s.Interface())
		return s.Elem(), err
	}
	var elems [][]byte
	i = skipSpace(data, i+1)
	for data[i] != ']' {
		end := skipValue(data, i)
		elems = append(elems, data[i:end])
		i = skipSpace(data, end)
		if data[i] == ',' {
			i = skipSpace(data, i+1)
		}
	}
	s := reflect.MakeSlice(pi.sliceTyp, len(elems), len(elems))
	for j, raw := range elems {
		v, err := pi.decodeSlow(raw)
		if err != nil {
			return reflect.Value{}, fmt.Errorf("element %d: %w", j, err)
		}
		if v.IsValid() {
			s.Index(j).Set(v)
		}
	}
	return s, nil
}

// odataTypeOf returns the string value of the last "@odata.type" member of
// the object at data[i] ("" when there is none, or it is not a string); data
// is valid JSON.
func odataTypeOf(data []byte, i int) string {
	name := ""
	i = skipSpace(data, i+1)
	for data[i] != '}' {
		keyEnd, escaped := skipString(data, i)
		var isType bool
		if escaped {
			isType = unquote(data[i:keyEnd]) == "@odata.type"
		} else {
			isType = string(data[i+1:keyEnd-1]) == "@odata.type"
		}
		valStart := skipSpace(data, skipSpace(data, keyEnd)+1)
		valEnd := skipValue(data, valStart)
		if isType {
			name = ""
			if data[valStart] == '"' {
				name = unquote(data[valStart:valEnd])
			}
		}
		i = skipSpace(data, valEnd)
		if data[i] == ',' {
			i = skipSpace(data, i+1)
		}
	}
	return name
}

// polyField is a polymorphic field of a struct, for the reference path.
type polyField struct {
	name  string // the member name
	index int    // the field's index
	info  *polyInfo
	slice bool // a slice of the interface
}

// polyFieldsCache holds polyFieldsOf's results, by struct type.
var polyFieldsCache sync.Map // reflect.Type -> []polyField

// polyFieldsOf returns the polymorphic fields of the struct type t, in
// field order: its own fields (not those of embedded structs) whose type
// is a registered interface or a slice of one.
func polyFieldsOf(t reflect.Type) []polyField {
	if !polySome.Load() {
		return nil
	}
	if v, ok := polyFieldsCache.Load(t); ok {
		return v.([]polyField)
	}
	var fields []polyField
	for i := range t.NumField() {
		sf := t.Field(i)
		if sf.Anonymous {
			continue
		}
		name, ok, supported := fieldName(sf)
		if !ok || !supported {
			continue
		}
		ft, slice := sf.Type, false
		if ft.Kind() == reflect.Slice {
			ft, slice = ft.Elem(), true
		}
		if pi := lookupPoly(ft); pi != nil {
			fields = append(fields, polyField{name: name, index: i, info: pi, slice: slice})
		}
	}
	v, _ := polyFieldsCache.LoadOrStore(t, fields)
	return v.([]polyField)
}

// decodePolyFields decodes the members raws[i] (nil: absent) of the
// polymorphic fields of the struct rv, in field order.
func decodePolyFields(rv reflect.Value, polys []polyField, raws [][]byte) error {
	for i, pf := range polys {
		raw := raws[i]
		if raw == nil {
			continue
		}
		var v reflect.Value
		var err error
		if pf.slice {
			v, err = pf.info.decodeSliceSlow(raw)
		} else {
			v, err = pf.info.decodeSlow(raw)
		}
		if err != nil {
			return fmt.Errorf("%s: %w", pf.name, err)
		}
		f := rv.Field(pf.index)
		if v.IsValid() {
			f.Set(v)
		} else {
			f.SetZero()
		}
	}
	return nil
}
