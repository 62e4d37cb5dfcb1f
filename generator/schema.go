package generator

import (
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strings"

	"github.com/odatagen/odatagen/spec"
	"github.com/odatagen/odatagen/validate"
)

// SchemaOptions configures Schemas.
type SchemaOptions struct {
	// AllowUnresolved accepts any value for a property whose type the spec
	// does not define, instead of failing.
	AllowUnresolved bool
	// MaxInheritance and MaxCost are Options.MaxInheritance and
	// Options.MaxCost.
	MaxInheritance, MaxCost int
}

// schModes are the modes Schemas writes, in order.
var schModes = []validate.Mode{validate.Read, validate.Create, validate.Update}

// Schemas returns the JSON Schema documents of every structured type of s in
// every mode, keyed by validate.SchemaFile, and of every enumeration type,
// keyed by validate.EnumSchemaFile. The bytes are deterministic: keys in a
// fixed order, two-space indentation, a value on one line where it fits in
// 120 columns, a final newline.
//
// There is one JSON Schema (draft 2020-12) document per structured
// type per mode (validate.Read, Create, Update), named by
// validate.SchemaFile and identified by validate.SchemaID, and one per
// enumeration type, which the properties of that type $ref (null, where
// allowed, is the property's: anyOf null or the $ref). The documents are
// standard JSON Schema plus a few "x-odata-*" keywords, which other
// validators ignore and the validate package reads to word its errors:
//
//   - x-odata-type: the OData type of the value a (sub)schema checks
//     ("Edm.Boolean", "microsoft.graph.cloudPcExternalPartnerStatus",
//     "Collection(Edm.String)"); on a document, the structured type. A
//     primitive whose schema says its type (validate.ImpliedTypes: a string,
//     a format, a boolean, a number, an integer range) goes without, and so
//     does a $ref to an enum or structured type's document, which names it.
//   - x-odata-mode: on a document, its mode.
//   - x-odata-operation: the request line(s) of the operation whose body a
//     create or update document follows; on a rejected property, the
//     request whose body does not list it.
//   - x-odata-immutable: on a rejected property of an update document.
//   - x-odata-flags, x-odata-members: on a flags enum value.
//   - x-odata-select-only: on a property of a read document that is
//     returned only when $select names it.
//
// Rules by mode:
//
//   - read (a response): every property may appear, none is required;
//     enums accept every member, including those after unknownFutureValue.
//   - create (a POST body): read-only properties are rejected
//     ({"readOnly": true, "not": {}}); required properties are required.
//     When that makes the same rules as update (no property of the type,
//     of the structured types it holds or of its derived types is required
//     or immutable, and none has operations), the create document is a $ref
//     to the update document.
//   - update (a PATCH body): read-only and immutable properties are
//     rejected and nothing is required: a PATCH carries only what changes,
//     so "Required" on an Update page's body table (which means "required
//     to exist", or was copied from the Create page) does not make a
//     property required in the body.
//
// When the spec has Operations of the type's create (or update) kind, their
// request bodies decide instead of the resource's flags: a property that a
// body lists may be sent (even when the resource page calls it read-only,
// as the seed's partnerId shows), a property it does not list is rejected
// (worded as read-only when the resource says so, else as "not in the
// request body of POST /path"), and on create a property is required when
// every such body marks it Required. A body property that the type does not
// declare is allowed with the body's type, or any value when it has none.
//
// Types: Edm integers are "integer" with their ranges; Single and Double are
// numbers or the strings "INF", "-INF", "NaN"; Decimal is a number;
// DateTimeOffset, Date, TimeOfDay, Duration, Guid and Binary are strings of
// the formats "date-time", "date", "time-of-day", "duration", "uuid" and
// "base64url" (see the validate package); Stream, Untyped and the Geo types
// accept anything. Type definitions use their underlying type. Nullable
// adds null. Enums list their members' names; flags enums are a pattern of
// comma-separated member names. Collections are arrays whose items are the
// element schema (null items only when nullable); a collection itself is
// never null. A structural property of a complex or entity type is a $ref
// to that type's document of the same mode (a complex value in a create
// body follows the complex type's create rules). Navigation properties are
// checked for shape only (an object, or an array of objects), so a
// document pulls in only the documents of its structural properties' types
// and of its derived types, not the whole graph of entities.
//
// Inheritance: a document holds the type's base chain's properties (base
// first, then the type's own; a property that a derived type redeclares
// appears once, at the base's place, with the derived type's facts). Where
// the base's properties have the same schemas in the derived type (neither
// has operations for the mode and no property is redeclared), the derived
// document takes them by $ref to the base document's $defs/props and lists
// their names as true, for additionalProperties, instead of repeating them.
// (unevaluatedProperties would not do: it forgets the properties of a
// $ref'd schema that fails, so one bad member would make all unknown.) A
// base type that the spec does not define (docs pages name
// microsoft.graph.entity without defining it) is skipped: the type's own
// property list, which docs pages repeat inherited properties in, stands
// alone. A type with derived types dispatches on @odata.type: when the
// payload's @odata.type names a derived type (with or without "#"), the
// payload is checked against that type's document instead.
//
// Members: additionalProperties is false unless the type is open; OData
// instance annotations (any member name containing "@": @odata.type,
// @odata.etag, prop@odata.type, @microsoft.graph.*) are always allowed, and
// @odata.type, when present, must name the type or a type derived from it.
//
// A property whose type the spec does not define is an error naming the
// type and the property's position, unless SchemaOptions.AllowUnresolved,
// which accepts any value for it. A base type chain that loops back is an
// error too. Descriptions and defaults are not written.
func Schemas(s *spec.Spec, opts SchemaOptions) (map[string][]byte, error) {
	if err := checkCount(s, opts.MaxCost); err != nil {
		return nil, err
	}
	m, _, err := spec.Resolve(s, spec.ResolveOptions{MaxInheritance: opts.MaxInheritance, MaxProps: maxCost(opts.MaxCost)})
	if err != nil {
		return nil, err
	}
	if err := checkBudget(m, opts.MaxCost); err != nil {
		return nil, err
	}
	return modelSchemas(m, opts)
}

// modelSchemas is Schemas on a resolved model.
func modelSchemas(m *spec.Model, opts SchemaOptions) (map[string][]byte, error) {
	g := newSchGen(m, opts)
	out := map[string][]byte{}
	var errs []error
	for _, t := range m.Types {
		for _, mode := range schModes {
			doc, err := g.document(t, mode)
			if err != nil {
				errs = append(errs, err)
				continue
			}
			out[validate.SchemaFile(t.QualifiedName(), mode)] = doc.bytes()
		}
	}
	for _, e := range m.Enums {
		out[validate.EnumSchemaFile(e.QualifiedName())] = schEnumDocument(e).bytes()
	}
	if len(errs) > 0 {
		return nil, errors.Join(schDedupErrors(errs)...)
	}
	return out, nil
}

// schEnumDocument is the document of an enumeration type, which its
// properties $ref so that its members are written once: a string that is
// one of them or, for flags, a comma-separated list of them, in every
// mode; null, where a property allows it, is the property's.
func schEnumDocument(e *spec.EnumType) *schObj {
	q := e.QualifiedName()
	o := newSchObj().
		set("$schema", "https://json-schema.org/draft/2020-12/schema").
		set("$id", validate.IDBase+validate.EnumSchemaFile(q)).
		set(validate.KeywordType, q)
	var members []any
	for _, m := range e.Members {
		members = append(members, m.Name)
	}
	if e.Flags {
		alt := make([]string, len(e.Members))
		for i, m := range e.Members {
			alt[i] = regexp.QuoteMeta(m.Name)
		}
		one := "(" + strings.Join(alt, "|") + ")"
		return o.set(validate.KeywordFlags, true).
			set(validate.KeywordMembers, members).
			set("type", "string").
			set("pattern", "^ *"+one+" *(, *"+one+" *)*$")
	}
	if len(members) == 0 {
		// JSON Schema wants an enum of at least one value (ajv refuses
		// "enum": []): no member is "not": {}, worded as NotMember by
		// the members list.
		return o.set("type", "string").set(validate.KeywordMembers, []any{}).set("not", newSchObj())
	}
	return o.set("type", "string").set("enum", members)
}

func schDedupErrors(errs []error) []error {
	seen := map[string]bool{}
	var out []error
	for _, e := range errs {
		if !seen[e.Error()] {
			seen[e.Error()] = true
			out = append(out, e)
		}
	}
	return out
}

type schOpKey struct {
	typ  string
	kind spec.OperationKind
}

type schGen struct {
	m    *spec.Model
	ix   *spec.Index
	opts SchemaOptions
	ops  map[schOpKey][]*spec.Operation
	// shared caches sharedBase; notCU holds the types for which
	// createIsUpdate is false, made on first use.
	shared map[schShareKey]*spec.Type
	notCU  map[*spec.Type]bool
}

func newSchGen(m *spec.Model, opts SchemaOptions) *schGen {
	g := &schGen{m: m, ix: m.Index(), opts: opts, ops: map[schOpKey][]*spec.Operation{}, shared: map[schShareKey]*spec.Type{}}
	for _, op := range m.Operations {
		k := schOpKey{op.Type, op.Kind}
		g.ops[k] = append(g.ops[k], op)
	}
	return g
}

// qualifiedNames returns the types' qualified names.
func qualifiedNames(ts []*spec.Type) []string {
	out := make([]string, len(ts))
	for i, t := range ts {
		out[i] = t.QualifiedName()
	}
	return out
}

// document builds the whole schema document of t in mode: the $schema,
// $id and x-odata-type/x-odata-mode header, the request line(s) of
// the type's create or update operations (joined with " or "), and the
// object body. A type without descendants gets the body at the top level.
// One with descendants dispatches on @odata.type: an allOf branch per
// direct derived type $refs that type's document (of the same mode) when
// @odata.type names it or one of its descendants, and the body applies
// only in the "else" of the condition that it names no descendant. The
// error is body's, for a property whose type cannot be made a schema.
func (g *schGen) document(t *spec.Type, mode validate.Mode) (*schObj, error) {
	q := t.QualifiedName()
	doc := newSchObj().
		set("$schema", "https://json-schema.org/draft/2020-12/schema").
		set("$id", validate.SchemaID(q, mode)).
		set(validate.KeywordType, q).
		set(validate.KeywordMode, mode.String())

	if t.AnyJSON {
		return doc, nil // any JSON value (see spec.Type.AnyJSON)
	}
	ops := g.opsFor(t, mode)
	var lines []string
	for _, op := range ops {
		lines = append(lines, op.RequestLine())
	}
	lines = slices.Compact(lines)
	if len(lines) > 0 {
		doc.set(validate.KeywordOperation, strings.Join(lines, " or "))
	}
	if mode == validate.Create && g.createIsUpdate(t) {
		// The same rules as the update document: say them once.
		return doc.set("$ref", validate.SchemaFile(q, validate.Update)), nil
	}
	doc.set("type", "object")

	body, props, err := g.body(t, mode, ops, strings.Join(lines, " or "))
	if err != nil {
		return nil, err
	}
	desc := qualifiedNames(t.Descendants)
	if len(desc) == 0 {
		doc.merge(body)
		return doc, nil
	}
	// Dispatch on @odata.type: each direct derived type takes the payloads
	// that name it or one of its own derived types. The conditions are
	// shared, not spelled out: a type's read document defines "derived"
	// (@odata.type names a type derived from it) and, when it has a base,
	// "named" (it names the type or one derived from it) in $defs, each in
	// terms of its direct derived types' conditions, so that every name is
	// written a bounded number of times however deep the hierarchy is.
	var branches []any
	for _, d := range t.Derived {
		branches = append(branches, newSchObj().
			set("if", schNamed(d)).
			set("then", newSchObj().set("$ref", validate.SchemaFile(d.QualifiedName(), mode))))
	}
	doc.set("allOf", branches)
	doc.set("if", newSchObj().set("$ref", validate.SchemaFile(q, validate.Read)+"#/$defs/derived"))
	doc.set("else", body)
	defs := newSchObj()
	if props != nil {
		defs.set("props", props)
	}
	if mode == validate.Read {
		defs.set("derived", schDerived(t))
		if t.Base != nil {
			defs.set("named", newSchObj().set("anyOf", []any{
				schODataTypeIs([]string{q}),
				newSchObj().set("$ref", "#/$defs/derived"),
			}))
		}
	}
	if len(defs.keys) > 0 {
		doc.set("$defs", defs)
	}
	return doc, nil
}

// schNamed is the condition "the payload's @odata.type names d or a type
// derived from d": inline for a type without derived types, else a $ref to
// the "named" definition of d's read document.
func schNamed(d *spec.Type) *schObj {
	if len(d.Derived) == 0 {
		return schODataTypeIs([]string{d.QualifiedName()})
	}
	return newSchObj().set("$ref", validate.SchemaFile(d.QualifiedName(), validate.Read)+"#/$defs/named")
}

// schDerived is the condition "the payload's @odata.type names a type
// derived from t": one enum of the direct derived types without derived
// types of their own, and the "named" conditions of the others.
func schDerived(t *spec.Type) *schObj {
	var leaves []string
	var conds []any
	for _, d := range t.Derived {
		if len(d.Derived) == 0 {
			leaves = append(leaves, d.QualifiedName())
		} else {
			conds = append(conds, schNamed(d))
		}
	}
	if len(leaves) > 0 {
		conds = append([]any{schODataTypeIs(leaves)}, conds...)
	}
	if len(conds) == 1 {
		return conds[0].(*schObj)
	}
	return newSchObj().set("anyOf", conds)
}

// schODataTypeNames lists the @odata.type spellings of the types: with and
// without "#".
func schODataTypeNames(qs []string) []any {
	var out []any
	for _, q := range qs {
		out = append(out, "#"+q, q)
	}
	return out
}

// schODataTypeIs is the condition "the payload's @odata.type names one of
// the types".
func schODataTypeIs(qs []string) *schObj {
	return newSchObj().
		set("required", []any{"@odata.type"}).
		set("properties", newSchObj().set("@odata.type", newSchObj().set("enum", schODataTypeNames(qs))))
}

// body returns the object keywords of a type's own (non-dispatching)
// schema, and, when types derived from it share its properties (see
// sharedBase), the definition "props" they $ref, which the body then
// $refs too.
func (g *schGen) body(t *spec.Type, mode validate.Mode, ops []*spec.Operation, opLine string) (body, propsDef *schObj, err error) {
	q := t.QualifiedName()
	// What the operations' bodies allow and require.
	inBody := map[string]*spec.BodyProperty{}
	reqCount := map[string]int{}
	var bodyOrder []*spec.BodyProperty
	for _, op := range ops {
		seen := map[string]bool{}
		for _, bp := range op.Body {
			if seen[bp.Name] {
				continue
			}
			seen[bp.Name] = true
			if inBody[bp.Name] == nil {
				inBody[bp.Name] = bp
				bodyOrder = append(bodyOrder, bp)
			}
			if bp.Required {
				reqCount[bp.Name]++
			}
		}
	}

	base := g.sharedBase(t, mode)
	inherited := map[string]bool{}
	if base != nil {
		for _, bp := range base.Props {
			inherited[bp.Name] = true
		}
	}
	props := newSchObj()
	var required []any
	var errs []error
	declared := map[string]bool{}
	for _, sp := range t.Props {
		p := sp.Property
		if p.Name == "" {
			continue // no member can name it; the plan leaves it out too
		}
		declared[p.Name] = true
		if inherited[p.Name] {
			continue // in the base's $defs/props
		}
		var ps *schObj
		reject := func() *schObj {
			o := newSchObj()
			switch {
			case p.ReadOnly:
				o.set("readOnly", true)
			case len(ops) == 0 && mode == validate.Update && p.Immutable:
				o.set(validate.KeywordImmutable, true)
			default:
				o.set(validate.KeywordOperation, opLine)
			}
			return o.set("not", newSchObj())
		}
		switch {
		case mode == validate.Read:
		case len(ops) > 0:
			if inBody[p.Name] == nil {
				ps = reject()
			} else if mode == validate.Create && reqCount[p.Name] == len(ops) {
				required = append(required, p.Name)
			}
		case p.ReadOnly || mode == validate.Update && p.Immutable:
			ps = reject()
		case mode == validate.Create && p.Required:
			required = append(required, p.Name)
		}
		if ps == nil {
			var err error
			ps, err = g.value(p.Type, p.Nullable, sp.Nav, mode, p.MaxLength)
			if err != nil {
				errs = append(errs, spec.Errorf(p.Pos, "property %s of %s: %v", p.Name, q, err))
				continue
			}
			if p.Deprecated {
				ps.set("deprecated", true)
			}
			if mode == validate.Read && p.Query.SelectOnly() {
				ps.set(validate.KeywordSelectOnly, true)
			}
		}
		props.set(p.Name, ps)
	}
	// Body properties that the type does not declare.
	for _, bp := range bodyOrder {
		if declared[bp.Name] {
			continue
		}
		ps := newSchObj()
		if bp.Type.Name != "" {
			var err error
			ps, err = g.value(bp.Type, true, false, mode, 0)
			if err != nil {
				errs = append(errs, spec.Errorf(bp.Pos, "request body property %s of %s: %v", bp.Name, q, err))
				continue
			}
		}
		props.set(bp.Name, ps)
		if mode == validate.Create && reqCount[bp.Name] == len(ops) {
			required = append(required, bp.Name)
		}
	}
	if len(errs) > 0 {
		return nil, nil, errors.Join(errs...)
	}
	// The type's own keywords: its properties (but @odata.type) and
	// required ones, after its base's by $ref when it shares them.
	own := newSchObj()
	if base != nil {
		own.set("$ref", validate.SchemaFile(base.QualifiedName(), mode)+"#/$defs/props")
	}
	if len(props.keys) > 0 {
		own.set("properties", props)
	}
	if len(required) > 0 {
		own.set("required", required)
	}
	// The body lists the names of the properties that a $ref checks, as
	// true, so that additionalProperties knows them. (unevaluatedProperties
	// would not do: it forgets every property of a $ref'd schema that
	// fails, and an invalid member would make all the others unknown.)
	names := newSchObj().set("@odata.type", newSchObj().set("enum", schODataTypeNames([]string{q})))
	body = newSchObj()
	if g.sharedByDerived(t, mode) {
		propsDef = own
		body.set("$ref", "#/$defs/props")
		for _, sp := range t.Props {
			if declared[sp.Name] {
				names.set(sp.Name, true)
			}
		}
	} else {
		if base != nil {
			body.set("$ref", own.vals["$ref"])
		}
		for _, sp := range t.Props {
			if inherited[sp.Name] {
				names.set(sp.Name, true)
			} else if ps, ok := props.vals[sp.Name]; ok {
				names.set(sp.Name, ps)
			}
		}
		names.merge(props) // the request body's own properties
	}
	body.set("properties", names)
	body.set("patternProperties", newSchObj().set("@", true))
	if !t.Open {
		body.set("additionalProperties", false)
	}
	if propsDef == nil && len(required) > 0 {
		body.set("required", required)
	}
	return body, propsDef, nil
}

// createIsUpdate reports whether t's create document would say what its
// update document says, so that it can $ref it: neither mode has
// operations, no property is required on create or immutable, and the same
// holds for the structured types of its structural properties and for its
// derived types (whose documents the two $ref and dispatch to).
func (g *schGen) createIsUpdate(t *spec.Type) bool {
	if g.notCU == nil {
		g.notCU = g.createDiffers()
	}
	return !g.notCU[t]
}

// createDiffers returns the types whose create and update documents
// differ: those that differ by themselves, and then, backwards along the
// references, every type that reaches one of them.
func (g *schGen) createDiffers() map[*spec.Type]bool {
	differs := map[*spec.Type]bool{}
	users := map[*spec.Type][]*spec.Type{} // type -> the types whose documents use it
	var queue []*spec.Type
	for _, t := range g.m.Types {
		if t.AnyJSON {
			continue
		}
		self := g.hasOps(t, validate.Create) || g.hasOps(t, validate.Update)
		for _, sp := range t.Props {
			if sp.Required || sp.Immutable {
				self = true
			}
			if sp.Nav {
				continue
			}
			name := sp.Type.Name
			if td := g.ix.TypeDef(name); td != nil {
				name = td.UnderlyingType
			}
			if st := g.m.Type(name); st != nil {
				users[st] = append(users[st], t)
			}
		}
		for _, d := range t.Descendants {
			users[d] = append(users[d], t)
		}
		if self && !differs[t] {
			differs[t] = true
			queue = append(queue, t)
		}
	}
	for len(queue) > 0 {
		t := queue[0]
		queue = queue[1:]
		for _, u := range users[t] {
			if !differs[u] {
				differs[u] = true
				queue = append(queue, u)
			}
		}
	}
	return differs
}

// sharedBase returns the base type whose properties t's document in mode
// takes by $ref to the base's $defs/props instead of repeating them, or
// nil: when neither has create or update operations for mode (whose
// bodies decide the rules per type), the base is in the model and not any
// JSON, and t redeclares none of the base's properties (so each has the
// same facts, hence the same schema, in both).
func (g *schGen) sharedBase(t *spec.Type, mode validate.Mode) *spec.Type {
	key := schShareKey{t, mode}
	if b, ok := g.shared[key]; ok {
		return b
	}
	b := t.Base
	if b == nil || b.AnyJSON || t.AnyJSON || g.m.Type(b.QualifiedName()) != b || g.hasOps(t, mode) || g.hasOps(b, mode) {
		b = nil
	} else {
		mine := make(map[string]*spec.Prop, len(t.Props))
		for _, p := range t.Props {
			mine[p.Name] = p
		}
		for _, bp := range b.Props {
			if p := mine[bp.Name]; p == nil || p.Property != bp.Property || p.Nav != bp.Nav {
				b = nil
				break
			}
		}
	}
	g.shared[key] = b
	return b
}

// sharedByDerived reports whether a type derived from t shares t's
// properties in mode.
func (g *schGen) sharedByDerived(t *spec.Type, mode validate.Mode) bool {
	for _, d := range t.Derived {
		if g.sharedBase(d, mode) == t {
			return true
		}
	}
	return false
}

// opsFor returns t's operations whose request bodies decide mode's rules:
// its create operations for validate.Create, its update operations for
// validate.Update, none for validate.Read.
func (g *schGen) opsFor(t *spec.Type, mode validate.Mode) []*spec.Operation {
	switch mode {
	case validate.Create:
		return g.ops[schOpKey{t.QualifiedName(), spec.Create}]
	case validate.Update:
		return g.ops[schOpKey{t.QualifiedName(), spec.Update}]
	}
	return nil
}

// hasOps reports whether t has operations whose bodies decide mode's
// rules.
func (g *schGen) hasOps(t *spec.Type, mode validate.Mode) bool {
	return len(g.opsFor(t, mode)) > 0
}

type schShareKey struct {
	t    *spec.Type
	mode validate.Mode
}

// value returns the schema of a property value.
func (g *schGen) value(r spec.TypeRef, nullable, nav bool, mode validate.Mode, maxLength int) (*schObj, error) {
	if !r.Collection {
		return g.single(r.Name, nullable, nav, mode, maxLength)
	}
	items, err := g.single(r.Name, nullable, nav, mode, maxLength)
	if err != nil {
		return nil, err
	}
	return newSchObj().
		set(validate.KeywordType, r.String()).
		set("type", "array").
		set("items", items), nil
}

// schTypes is a "type" keyword value, with null when nullable.
func schTypes(nullable bool, ts ...string) any {
	if nullable {
		ts = append(ts, "null")
	}
	if len(ts) == 1 {
		return ts[0]
	}
	out := make([]any, len(ts))
	for i, t := range ts {
		out[i] = t
	}
	return out
}

// schIntRanges are the bounds of the Edm integer types.
var schIntRanges = map[string][2]int64{
	"Edm.Byte":  {0, 255},
	"Edm.SByte": {-128, 127},
	"Edm.Int16": {-32768, 32767},
	"Edm.Int32": {-2147483648, 2147483647},
	"Edm.Int64": {-9223372036854775808, 9223372036854775807},
}

// schFormats are the string formats of Edm types.
var schFormats = map[string]string{
	"Edm.DateTimeOffset": "date-time",
	"Edm.Date":           "date",
	"Edm.TimeOfDay":      "time-of-day",
	"Edm.Duration":       "duration",
	"Edm.Guid":           "uuid",
	"Edm.Binary":         "base64url",
}

// single returns the schema of one non-collection value of type name
// (collections wrap it as their items), tagged with x-odata-type unless
// the schema implies the type (validate.ImpliedTypes) or $refs a document
// that names it: a type
// definition becomes its underlying type, a primitive its JSON type and
// range, format or maxLength, an enum its member list (null added when
// nullable) or, for flags, a comma-separated pattern, and a structured type
// a $ref to its document of the same mode, or for a navigation property
// only "object". A name the spec does not define is an error unless
// AllowUnresolved, which accepts any value.
func (g *schGen) single(name string, nullable, nav bool, mode validate.Mode, maxLength int) (*schObj, error) {
	if td := g.ix.TypeDef(name); td != nil {
		name = td.UnderlyingType
		if p, ok := spec.LookupPrimitive(name); ok {
			name = p
		}
	}
	o := newSchObj()
	if !slices.Contains(validate.ImpliedTypes, name) {
		o.set(validate.KeywordType, name) // else the schema says it (validate.ImpliedType)
	}
	if t := g.m.Type(name); t != nil && t.AnyJSON {
		return o, nil // any JSON value (see spec.Type.AnyJSON)
	}
	if spec.IsPrimitiveName(name) {
		switch {
		case name == "Edm.String":
			o.set("type", schTypes(nullable, "string"))
			if maxLength > 0 {
				o.set("maxLength", int64(maxLength))
			}
		case name == "Edm.Boolean":
			o.set("type", schTypes(nullable, "boolean"))
		case name == "Edm.Single" || name == "Edm.Double":
			o.set("type", schTypes(nullable, "number", "string")).
				set("pattern", "^(-?INF|NaN)$")
		case name == "Edm.Decimal":
			o.set("type", schTypes(nullable, "number"))
		case schFormats[name] != "":
			o.set("type", schTypes(nullable, "string")).set("format", schFormats[name])
		default:
			if rng, ok := schIntRanges[name]; ok {
				o.set("type", schTypes(nullable, "integer")).
					set("minimum", rng[0]).
					set("maximum", rng[1])
			}
			// Stream, Untyped, Geography*, Geometry*: anything.
		}
		return o, nil
	}
	// An enum or structured value is a $ref to the type's document, whose
	// x-odata-type names the type (and words the problems found there), so
	// the value's schema need not.
	refTo := func(file string) *schObj {
		ref := newSchObj().set("$ref", file)
		if nullable {
			return newSchObj().set("anyOf", []any{newSchObj().set("type", "null"), ref})
		}
		return ref
	}
	if e := g.ix.Enum(name); e != nil {
		return refTo(validate.EnumSchemaFile(e.QualifiedName())), nil
	}
	if t := g.ix.Type(name); t != nil {
		if nav {
			return o.set("type", schTypes(nullable, "object")), nil
		}
		return refTo(validate.SchemaFile(name, mode)), nil
	}
	if g.opts.AllowUnresolved {
		return o, nil
	}
	return nil, fmt.Errorf("type %s is not defined", name)
}
