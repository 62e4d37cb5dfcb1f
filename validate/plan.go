package validate

import (
	"encoding/gob"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/odatagen/odatagen/validate/internal/report"
)

// A Plan is the compiled form of the schema documents (which
// validate/schemaset's Set runs with jsonschema): the same rules, as plain data that a validator applies in one pass over the
// payload's bytes, without building a value tree and without allocating
// when the payload is valid. Validate and ValidateCollection take the same
// arguments as the methods of schemaset.Set and return the same errors: the same
// *JSONError for a payload that is not acceptable JSON (same offset,
// pointer and message), and an *Error with the same Problems (pointer,
// kind, expected, found, message, order) for one that breaks the rules.
// (The order of Error.Problems compares numeric pointer tokens as numbers
// and others as strings, which is no total order when sibling member names
// mix the two, "8", "010" and "7112Z"; a Set's order then depends on the
// order jsonschema met the problems in, a map's, and varies from call to
// call. A plan gives the same problems in one of those orders.)
//
// A generator writes a Plan as a Go literal; the command line builds one in
// memory from a spec. A Plan holds types by index: PlanValue.Type and
// PlanType.Derived are indexes into Types, PlanValue.Enum an index into
// Enums. The order of Types, Enums and Props is free (lookups use tables
// built on first use), but every index must be in range and the names of
// a type's properties present in a mode must differ; Check reports a plan
// that breaks this, and Validate returns Check's error.
//
// What the plan says, and the rule each field stands for in the schema
// documents (see generator.Schemas):
//
//   - A structured value (a PlanType) is a JSON object ("type": "object";
//     "expected T object, found ..." otherwise). Its members are checked by
//     the property table of the mode (properties); a member whose name
//     holds "@" is an instance annotation and may hold anything
//     (patternProperties "@": true), unless a property of that name is
//     declared; any other member is an unknown property unless the type is
//     Open (additionalProperties false). Properties required in the mode
//     must be present (required).
//   - "@odata.type" is checked on every structured value. When the type has
//     Derived types and the member names one of them ("#ns.x" or "ns.x",
//     exactly), the object is checked as that type instead (allOf of
//     if/then $ref, with the base's own rules in else). Otherwise, and for
//     any other value (a name that is not derived from the type, its base
//     type, a number), the object is checked as the declared type, whose
//     own "@odata.type" must name it: "\"#ns.y\" is not ns.x or a type
//     derived from it".
//   - A property is allowed, required, or rejected per mode
//     (PropAccess): rejected as read-only ({"readOnly": true, "not": {}}),
//     immutable (x-odata-immutable) or as not in the request body of the
//     mode's operation (x-odata-operation, PlanType.CreateOperation and
//     UpdateOperation). A rejected value is not looked into.
//   - A property value (PlanValue) is one Edm primitive, an enum, a
//     structured value ($ref to the type's document of the same mode) or a
//     navigation value (an object, checked for shape only), or a
//     collection of those (an array, never null; items may be null when
//     Nullable). KindAny accepts anything: Edm.Stream, Edm.Untyped, the Geo
//     types, types the spec does not define (SchemaOptions.AllowUnresolved)
//     and request body properties without a type.
//
// Two options go beyond today's Set and are off by default, so that a plan
// and a Set agree: IEEE754Compatible and DateTimeWithoutSeconds.
// PlanType.AnyJSON is a third: it makes a structured type stand for any
// JSON value.
//
// The design follows table-driven fast paths such as protobuf-go's
// (internal/impl: a message's fields as a table of coder functions chosen
// once) and the single-pass, allocation-free token readers of
// go-faster/jx and encoding/json/jsontext: the plan is the table, the
// payload is read once, and nothing is built unless a problem is found.
//
// A Plan must not be changed after its first use; it is safe for
// concurrent use.
type Plan struct {
	// Encoded is Types and Enums encoded by EncodePlan: a generated
	// package's plan, a string constant instead of a composite literal of
	// a hundred thousand lines, which the compiler reads in a fraction of
	// the time (what protobuf-go does with its raw descriptors). When
	// Types and Enums are empty, the first use of the plan decodes it into
	// them.
	Encoded string
	// Types are the structured types.
	Types []PlanType
	// Enums are the enumeration types that properties refer to.
	Enums []PlanEnum
	// MaxSize is the payload size limit in bytes; 0 means DefaultMaxSize
	// (schemaset.MaxSize sets a Set's). A larger payload is refused with
	// the same *JSONError as a schemaset.Set gives.
	MaxSize int64
	// IEEE754Compatible accepts Edm.Int64 and Edm.Decimal values as JSON
	// strings as well as numbers, as OData's IEEE754Compatible=true format
	// parameter asks. The string must hold a JSON number (for Int64 an
	// integer within range): "-12" and "0.5" pass, "12x" is a BadFormat
	// problem ("\"12x\" is not a valid Edm.Int64 (integer in a string)"),
	// "9223372036854775808" is OutOfRange. Off, a string is WrongType, as
	// the schema documents have it. To have both behaviours, use two Plans
	// that share the same Types and Enums slices.
	IEEE754Compatible bool
	// DateTimeWithoutSeconds accepts Edm.DateTimeOffset values without
	// seconds ("2020-11-03T12:43Z"), which OData's ABNF allows and RFC 3339
	// (the schemas' "date-time" format) does not. Off by default.
	DateTimeWithoutSeconds bool

	once sync.Once
	prep *planPrep
	err  error
	// decodeOnce decodes Encoded (decoded), for prepared and WithOptions.
	decodeOnce sync.Once
	decodeErr  error
	// variants are the Plans of WithOptions, by Options.
	variants sync.Map
}

// PlanType is a structured (entity or complex) type.
type PlanType struct {
	// Name is the qualified name, "microsoft.graph.cloudPcExternalPartner":
	// the x-odata-type of the type's documents, the words of "expected
	// ... object" and "unknown property p (... is not an open type)", and,
	// with and without "#", the @odata.type values that name the type.
	Name string
	// Open types accept members that are not declared properties.
	Open bool
	// AnyJSON makes the type stand for any JSON value: a value of it, and a
	// payload validated as it, is not checked at all. It is for an empty
	// complex type that metadata uses for "any JSON" (microsoft.graph.Json).
	// Today's schema documents treat such a type as an object with no
	// properties, so a plan that sets it is more lenient than a
	// schemaset.Set.
	AnyJSON bool
	// Props is the flattened property table: the base chain's properties
	// and the type's own (a redeclared property once, with the most
	// derived declaration's facts), structural and navigation, and the
	// request body properties of the type's operations that the type does
	// not declare (present only in the modes whose operations list them).
	Props []PlanProp
	// Derived lists the types derived from this one, directly or not, by
	// index into Plan.Types. A payload whose @odata.type names one of them
	// ("#" + Name or Name) is validated as that type.
	Derived []int
	// CreateOperation and UpdateOperation are the request lines of the
	// operations whose bodies the create and update rules follow ("POST
	// /deviceManagement/virtualEndpoint/externalPartners", several joined
	// by " or "), for the words of a property that is AccessNotInBody.
	CreateOperation, UpdateOperation string
}

// PlanProp is one property of a PlanType.
type PlanProp struct {
	// Name is the JSON member name (case-sensitive).
	Name string
	// Value says what the member's value must be.
	Value PlanValue
	// Read, Create and Update say what each mode does with the property.
	// The zero value, AccessAllowed, lets it be sent.
	Read, Create, Update PropAccess
}

// PropAccess says what a mode does with a property.
type PropAccess uint8

const (
	// AccessAllowed: the property may be sent.
	AccessAllowed PropAccess = iota
	// AccessRequired: the property must be sent (create only, in today's
	// rules; "missing required property p" at the object).
	AccessRequired
	// AccessReadOnly: the property is rejected as read-only ("read-only
	// property cannot be sent on create").
	AccessReadOnly
	// AccessImmutable: the property is rejected as immutable ("immutable
	// property cannot be sent on update").
	AccessImmutable
	// AccessNotInBody: the property is rejected as not in the request body
	// of the mode's operation ("property p is not in the request body of
	// POST /x").
	AccessNotInBody
	// AccessAbsent: the mode's document does not have the property, as if
	// it were not declared (a request body property of another mode's
	// operation).
	AccessAbsent
)

// ValueKind is what a PlanValue holds.
type ValueKind uint8

// The kinds of value. The Edm primitive kinds are named after their Edm
// type.
const (
	// KindAny accepts any JSON value.
	KindAny ValueKind = iota
	KindString
	KindBoolean
	KindByte
	KindSByte
	KindInt16
	KindInt32
	KindInt64
	KindSingle
	KindDouble
	KindDecimal
	KindDateTimeOffset
	KindDate
	KindTimeOfDay
	KindDuration
	KindGuid
	KindBinary
	// KindEnum is a member of Plan.Enums[PlanValue.Enum].
	KindEnum
	// KindComplex and KindEntity are a structured value of
	// Plan.Types[PlanValue.Type], checked by that type's rules in the same
	// mode. The two behave the same; KindEntity is an entity-typed
	// structural property (or request body property).
	KindComplex
	KindEntity
	// KindNavigation is a navigation property's value: a JSON object (or
	// null when nullable), not looked into. PlanValue.Type names the
	// target type, for information only.
	KindNavigation
	kindCount
)

var valueKindNames = [...]string{
	KindAny: "any", KindString: "Edm.String", KindBoolean: "Edm.Boolean", KindByte: "Edm.Byte",
	KindSByte: "Edm.SByte", KindInt16: "Edm.Int16", KindInt32: "Edm.Int32", KindInt64: "Edm.Int64",
	KindSingle: "Edm.Single", KindDouble: "Edm.Double", KindDecimal: "Edm.Decimal",
	KindDateTimeOffset: "Edm.DateTimeOffset", KindDate: "Edm.Date", KindTimeOfDay: "Edm.TimeOfDay",
	KindDuration: "Edm.Duration", KindGuid: "Edm.Guid", KindBinary: "Edm.Binary", KindEnum: "enum",
	KindComplex: "complex", KindEntity: "entity", KindNavigation: "navigation",
}

func (k ValueKind) String() string {
	if int(k) < len(valueKindNames) {
		return valueKindNames[k]
	}
	return "ValueKind(" + strconv.Itoa(int(k)) + ")"
}

// PlanValue says what a property value must be.
type PlanValue struct {
	Kind ValueKind
	// Collection values are JSON arrays of the kind (never null).
	Collection bool
	// Nullable allows null: for a single value the value, for a
	// collection its items.
	Nullable bool
	// MaxLength limits an Edm.String value (and each item of a collection
	// of them) to that many characters (Unicode code points); 0 means no
	// limit.
	MaxLength int
	// Type is the index into Plan.Types for KindComplex, KindEntity and
	// KindNavigation.
	Type int
	// Enum is the index into Plan.Enums for KindEnum.
	Enum int
	// Name is the OData type of one value as problems word it: the
	// x-odata-type of the value's schema ("Edm.Int32", "Edm.String" for a
	// type definition of it, "microsoft.graph.cloudPcExternalPartnerStatus",
	// a navigation target "ns.folder"). For KindComplex and KindEntity the
	// words are those of Plan.Types[Type].Name instead.
	Name string
	// CollectionName is the OData type of a collection as problems word it,
	// "Collection(ns.label)"; "" means "Collection(" + Name + ")".
	CollectionName string
}

// PlanEnum is an enumeration type.
type PlanEnum struct {
	// Name is the qualified name. Problems name the enum by the last
	// segment of the PlanValue's Name that refers to it (which the
	// generator sets to this name), or of this one when that is empty.
	Name string
	// Flags enums take a comma-separated list of members ("red, blue";
	// spaces around the names are allowed; an enum without members takes
	// only commas and spaces).
	Flags bool
	// Members are the member names, in declared order (problems list them
	// in this order).
	Members []string
}

// planPrep is what a Plan derives on first use: lookup tables.
type planPrep struct {
	types  nameIndex // qualified name -> type index
	simple nameIndex // FoldName(simple name) -> index into simples
	// simples lists the type indexes per simple name ignoring case (as
	// ResolveTypeName compares them), in name order.
	simples [][]int32
	ptypes  []prepType
	penums  []prepEnum
}

type prepType struct {
	props    [3]nameIndex // per mode: member name -> property index
	required [3][]int32   // per mode: property indexes, in table order
	derived  nameIndex    // "#ns.x" and "ns.x" -> type index
	words    int          // uint64 words of the seen-bitset: props + @odata.type
}

type prepEnum struct {
	members nameIndex
	// simple: no member holds a space or a comma, so a flags value can be
	// split at commas.
	simple bool
}

// prepared returns the plan's tables, building them on first use.
func (p *Plan) prepared() (*planPrep, error) {
	p.once.Do(func() {
		if p.err = p.decoded(); p.err == nil {
			p.prep, p.err = p.build()
		}
	})
	return p.prep, p.err
}

// decoded decodes Encoded into Types and Enums, once, when they are empty.
func (p *Plan) decoded() error {
	p.decodeOnce.Do(func() {
		if p.Encoded != "" && p.Types == nil && p.Enums == nil {
			p.Types, p.Enums, p.decodeErr = DecodePlan(p.Encoded)
		}
	})
	return p.decodeErr
}

// planTables is what EncodePlan encodes.
type planTables struct {
	Types []PlanType
	Enums []PlanEnum
}

// EncodePlan encodes types and enums for Plan.Encoded, with encoding/gob:
// compact (zero fields take no room) and decoded fast (Microsoft Graph
// v1.0's 1.2 MB plan in about 10 ms, against 80 ms for the same as JSON).
func EncodePlan(types []PlanType, enums []PlanEnum) (string, error) {
	var b strings.Builder
	if err := gob.NewEncoder(&b).Encode(planTables{types, enums}); err != nil {
		return "", fmt.Errorf("validate: encoding the plan: %w", err)
	}
	return b.String(), nil
}

// DecodePlan decodes what EncodePlan encoded.
func DecodePlan(s string) ([]PlanType, []PlanEnum, error) {
	var t planTables
	if err := gob.NewDecoder(strings.NewReader(s)).Decode(&t); err != nil {
		return nil, nil, fmt.Errorf("validate: decoding the plan: %w", err)
	}
	return t.Types, t.Enums, nil
}

// Check reports whether the plan is well formed: every index in range,
// every kind known, names unique where lookups need them. Validate returns
// the same error.
func (p *Plan) Check() error {
	_, err := p.prepared()
	return err
}

func (p *Plan) build() (*planPrep, error) {
	var errs []error
	bad := func(format string, args ...any) {
		errs = append(errs, fmt.Errorf(format, args...))
	}
	pp := &planPrep{ptypes: make([]prepType, len(p.Types)), penums: make([]prepEnum, len(p.Enums))}
	pp.types.init(len(p.Types))
	simple := map[string][]int32{}
	for i := range p.Types {
		t := &p.Types[i]
		if t.Name == "" {
			bad("type %d has no name", i)
		}
		if !pp.types.add(t.Name, int32(i)) {
			bad("type %s appears twice", t.Name)
		}
		s := FoldName(report.SimpleName(t.Name))
		simple[s] = append(simple[s], int32(i))
	}
	names := make([]string, 0, len(simple))
	for s := range simple {
		names = append(names, s)
	}
	slices.Sort(names)
	pp.simple.init(len(names))
	for _, s := range names {
		list := simple[s]
		slices.SortFunc(list, func(a, b int32) int { return strings.Compare(p.Types[a].Name, p.Types[b].Name) })
		pp.simple.add(s, int32(len(pp.simples)))
		pp.simples = append(pp.simples, list)
	}
	for i := range p.Enums {
		e := &p.Enums[i]
		pe := &pp.penums[i]
		pe.members.init(len(e.Members))
		pe.simple = true
		for _, m := range e.Members {
			pe.members.add(m, 0) // a repeated member is harmless
			if m == "" || strings.ContainsAny(m, " ,") {
				pe.simple = false
			}
		}
	}
	for i := range p.Types {
		t := &p.Types[i]
		pt := &pp.ptypes[i]
		pt.words = (len(t.Props) + 1 + 63) / 64
		for m := range 3 {
			pt.props[m].init(len(t.Props))
		}
		for j := range t.Props {
			pr := &t.Props[j]
			if pr.Name == "" {
				bad("type %s: property %d has no name", t.Name, j)
			}
			v := &pr.Value
			switch {
			case v.Kind >= kindCount:
				bad("type %s: property %s: unknown kind %d", t.Name, pr.Name, v.Kind)
			case v.Kind == KindEnum && (v.Enum < 0 || v.Enum >= len(p.Enums)):
				bad("type %s: property %s: enum index %d out of range", t.Name, pr.Name, v.Enum)
			case (v.Kind == KindComplex || v.Kind == KindEntity || v.Kind == KindNavigation) && (v.Type < 0 || v.Type >= len(p.Types)):
				bad("type %s: property %s: type index %d out of range", t.Name, pr.Name, v.Type)
			}
			for m, a := range [3]PropAccess{pr.Read, pr.Create, pr.Update} {
				if a > AccessAbsent {
					bad("type %s: property %s: unknown access %d", t.Name, pr.Name, a)
					continue
				}
				if a == AccessAbsent {
					continue
				}
				if !pt.props[m].add(pr.Name, int32(j)) {
					bad("type %s: property %s appears twice in %s", t.Name, pr.Name, Mode(m))
				}
				if a == AccessRequired {
					pt.required[m] = append(pt.required[m], int32(j))
				}
			}
		}
		pt.derived.init(2 * len(t.Derived))
		for _, d := range t.Derived {
			if d < 0 || d >= len(p.Types) || d == i {
				bad("type %s: derived type index %d out of range", t.Name, d)
				continue
			}
			pt.derived.add("#"+p.Types[d].Name, int32(d))
			pt.derived.add(p.Types[d].Name, int32(d))
		}
	}
	if len(errs) > 0 {
		return nil, fmt.Errorf("validate: invalid plan: %w", errors.Join(errs...))
	}
	return pp, nil
}

func (p *Plan) maxSize() int64 {
	if p.MaxSize > 0 {
		return p.MaxSize
	}
	return DefaultMaxSize
}

// resolve finds the type a caller means by odatagen's one rule
// (ResolveTypeName), as Set.resolve does; the qualified name and a simple
// name that one type has are looked up in the prepared tables first.
func (p *Plan) resolve(pp *planPrep, typeName string, mode Mode) (int, error) {
	hasMode := mode >= Read && mode <= Update
	if hasMode {
		if i := pp.types.lookupString(typeName); i >= 0 {
			return int(i), nil
		}
		if j := pp.lookupSimple(typeName); j >= 0 && len(pp.simples[j]) == 1 {
			return int(pp.simples[j][0]), nil
		}
	}
	names := make([]string, len(p.Types))
	for i := range p.Types {
		names[i] = p.Types[i].Name
	}
	q, candidates, ok := ResolveTypeName(typeName, names, nil)
	switch {
	case ok && hasMode:
		return int(pp.types.lookupString(q)), nil
	case !ok && len(candidates) > 1:
		return -1, fmt.Errorf("validate: type name %q is ambiguous: %s", typeName, strings.Join(candidates, ", "))
	}
	return -1, fmt.Errorf("validate: no %s schema for type %q", mode, typeName)
}

// lookupSimple finds the types whose simple name equals name ignoring case,
// as ResolveTypeName's third step compares them, without allocating: an
// ASCII name without a dot is folded into a buffer on the stack. Any other
// name returns -1 and takes ResolveTypeName's path. (A dotless type that
// has the name ignoring case is in the same list, so ResolveTypeName's
// second step cannot pick another type when the list has one.)
func (pp *planPrep) lookupSimple(name string) int32 {
	var buf [64]byte
	if len(name) > len(buf) {
		return -1
	}
	for i := 0; i < len(name); i++ {
		c := name[i]
		switch {
		case c == '.' || c >= 0x80:
			return -1
		case 'a' <= c && c <= 'z':
			c -= 'a' - 'A'
		}
		buf[i] = c
	}
	return pp.simple.lookup(buf[:len(name)])
}

// Validate checks a payload of the type (qualified, or a simple name that
// one type of the plan has, resolved as a schemaset.Set resolves it) in a
// mode, as schemaset.Set.Validate does. It returns nil, a *JSONError when
// data is not acceptable JSON, an *Error listing every problem, or another
// error when the plan has no such type or is not well formed (see Check).
func (p *Plan) Validate(typeName string, mode Mode, data []byte) error {
	return p.run(typeName, mode, data, false)
}

// ValidateCollection checks an OData collection response, as
// schemaset.Set.ValidateCollection does: an object whose "value" member is an array
// of the type, validated item by item (problems point into /value/i/...),
// beside the control information @odata.context, @odata.nextLink,
// @odata.deltaLink (strings) and @odata.count (an integer). Any other
// member must be an instance annotation (its name holds "@").
func (p *Plan) ValidateCollection(typeName string, mode Mode, data []byte) error {
	return p.run(typeName, mode, data, true)
}

func (p *Plan) run(typeName string, mode Mode, data []byte, collection bool) error {
	pp, err := p.prepared()
	if err != nil {
		return err
	}
	if limit := p.maxSize(); int64(len(data)) > limit {
		return &JSONError{Offset: limit, Msg: fmt.Sprintf("payload of %d bytes is over the limit of %d bytes", len(data), limit)}
	}
	ti, rerr := p.resolve(pp, typeName, mode)
	r := getPlanRun(p, pp, data, mode)
	defer putPlanRun(r)
	if rerr != nil {
		r.quiet = true
		r.document(-1, false)
	} else {
		r.document(ti, collection)
	}
	switch {
	case r.bad:
		return syntaxError(data)
	case r.dup != nil:
		return r.dup
	case rerr != nil:
		return rerr
	case len(r.problems) == 0:
		return nil
	}
	ps := slices.Clone(r.problems)
	return &Error{Type: p.Types[ti].Name, Mode: mode, Collection: collection, Problems: sortProblems(ps)}
}

// nameIndex is an open-addressing hash table from names to int32 values,
// looked up with the bytes of a member name without converting them to a
// string.
type nameIndex struct {
	mask  uint32
	slots []int32 // 1 + index into names; 0 is empty
	names []string
	vals  []int32
}

func (x *nameIndex) init(n int) {
	size := 8
	for size < 2*n {
		size *= 2
	}
	x.mask = uint32(size - 1)
	x.slots = make([]int32, size)
	x.names = make([]string, 0, n)
	x.vals = make([]int32, 0, n)
}

// add adds a name, or reports false when it is there already (keeping the
// first value).
func (x *nameIndex) add(name string, val int32) bool {
	if len(x.slots) == 0 || len(x.names)*2 >= len(x.slots) {
		x.grow()
	}
	h := nameHash(name) & x.mask
	for {
		s := x.slots[h]
		if s == 0 {
			x.names = append(x.names, name)
			x.vals = append(x.vals, val)
			x.slots[h] = int32(len(x.names))
			return true
		}
		if x.names[s-1] == name {
			return false
		}
		h = (h + 1) & x.mask
	}
}

func (x *nameIndex) grow() {
	names, vals := x.names, x.vals
	x.init(max(2*len(names), 4))
	for i, n := range names {
		x.add(n, vals[i])
	}
}

// lookup returns the value of the name, or -1.
func (x *nameIndex) lookup(key []byte) int32 {
	if len(x.names) == 0 {
		return -1
	}
	h := nameHash(key) & x.mask
	for {
		s := x.slots[h]
		if s == 0 {
			return -1
		}
		if x.names[s-1] == string(key) {
			return x.vals[s-1]
		}
		h = (h + 1) & x.mask
	}
}

func (x *nameIndex) lookupString(key string) int32 {
	if len(x.names) == 0 {
		return -1
	}
	h := nameHash(key) & x.mask
	for {
		s := x.slots[h]
		if s == 0 {
			return -1
		}
		if x.names[s-1] == key {
			return x.vals[s-1]
		}
		h = (h + 1) & x.mask
	}
}

// nameHash mixes the length and up to eight bytes from each end of a name:
// cheap for the short member names of OData, and collisions only cost a
// string comparison.
func nameHash[S string | []byte](s S) uint32 {
	n := len(s)
	h := uint64(n) * 0x9E3779B97F4A7C15
	if n >= 8 {
		h ^= le64(s[:8])
		h *= 0xBF58476D1CE4E5B9
		h ^= le64(s[n-8:])
	} else {
		for i := 0; i < n; i++ {
			h = h<<8 | uint64(s[i])
		}
	}
	h *= 0x94D049BB133111EB
	return uint32(h >> 32)
}

func le64[S string | []byte](s S) uint64 {
	_ = s[7]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}

// Options are the OData JSON format options of a payload that a Plan can
// accept beyond the schema documents' rules (see Plan.IEEE754Compatible and
// Plan.DateTimeWithoutSeconds).
type Options struct {
	// IEEE754Compatible: Edm.Int64 and Edm.Decimal values may be strings,
	// as the format parameter IEEE754Compatible=true asks.
	IEEE754Compatible bool
	// DateTimeWithoutSeconds: Edm.DateTimeOffset values may leave out the
	// seconds, as OData's ABNF allows.
	DateTimeWithoutSeconds bool
}

// WithOptions returns a Plan with p's types and enums and the options o:
// p itself when its options are o, else one made once per options value
// and kept, so that generated packages and the command line can ask for
// the options per call. p must not be changed after its first use.
func (p *Plan) WithOptions(o Options) *Plan {
	if o == (Options{p.IEEE754Compatible, p.DateTimeWithoutSeconds}) {
		return p
	}
	if q, ok := p.variants.Load(o); ok {
		return q.(*Plan)
	}
	// An encoded plan is decoded once, for all its variants (which build
	// their own tables); one that does not decode gives each variant the
	// same error.
	p.decoded()
	q, _ := p.variants.LoadOrStore(o, &Plan{
		Encoded: p.Encoded, Types: p.Types, Enums: p.Enums, MaxSize: p.MaxSize,
		IEEE754Compatible: o.IEEE754Compatible, DateTimeWithoutSeconds: o.DateTimeWithoutSeconds,
	})
	return q.(*Plan)
}
