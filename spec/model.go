// Package spec is odatagen's resource model and the operations on it: Merge
// (several specs into one, first source wins), Overlay (docs facts over a
// CSDL skeleton), Drift (where CSDL and docs disagree), Index (names) and
// Resolve (a linked Model: types by pointer, base chains, flattened
// properties, derived types), which is what the generator consumes.
//
// A Spec is plain data. The readers and writers live in packages of their
// own, each importing this one: spec/markdown (Microsoft Graph docs pages),
// spec/csdl (OData CSDL XML), spec/yamlspec (the YAML form people review);
// spec/load reads files with the reader each needs and merges them. Names
// of types are always namespace-qualified in references
// ("microsoft.graph.entity", "Edm.String"); a type's own Name is its simple
// name and Namespace says where it lives.
//
// Every element carries the Pos it was read from, so that any later error or
// warning can point at the input.
//
// The package is about 2,700 lines because merging, overlaying and
// comparing specs each handle every kind of fact the model holds; each
// lives in its own file (merge.go, drift_overlay.go, drift.go, resolve.go).
package spec

import (
	"fmt"
	"slices"
	"strings"

	"github.com/odatagen/odatagen/validate/filter"
)

// Spec is a set of OData types and the operations on them.
type Spec struct {
	// Types are the entity and complex types, in input order.
	Types []*StructuredType
	// Enums are the enumeration types, in input order.
	Enums []*EnumType
	// TypeDefs are CSDL type definitions (named aliases of primitive types).
	TypeDefs []*TypeDef
	// Operations are the request bodies read from Create and Update pages
	// (or written in YAML), in input order.
	Operations []*Operation
	// EntitySets are the entity sets and singletons of an entity container.
	EntitySets []*EntitySet
	// Container are the query capabilities annotated on the entity
	// container itself (defaults for every resource), or nil.
	Container *Capabilities
}

// Pos is a position in an input file. Line and Col are 1-based; Col is 0
// when only the line is known.
type Pos struct {
	File string
	Line int
	Col  int
}

// String formats p as file:line:col, file:line or file.
func (p Pos) String() string {
	switch {
	case p.Line == 0:
		return p.File
	case p.Col == 0:
		return fmt.Sprintf("%s:%d", p.File, p.Line)
	default:
		return fmt.Sprintf("%s:%d:%d", p.File, p.Line, p.Col)
	}
}

// IsValid reports whether p names a file.
func (p Pos) IsValid() bool { return p.File != "" }

// TypeKind tells entity types from complex types.
type TypeKind string

const (
	EntityKind  TypeKind = "entity"
	ComplexKind TypeKind = "complex"
)

// StructuredType is an entity or complex type.
type StructuredType struct {
	Kind      TypeKind
	Name      string // simple name, e.g. "cloudPcExternalPartner"
	Namespace string // e.g. "microsoft.graph"
	// BaseType is the qualified name of the base type, or "".
	BaseType string
	Abstract bool
	// Open types accept dynamic properties that the type does not declare.
	Open bool
	// Key lists the key property names (entity types only). Empty when the
	// key is inherited or unknown.
	Key        []string
	Properties []*Property
	// NavigationProperties are the relationships to other entity types.
	NavigationProperties []*Property
	Description          string
	Pos                  Pos
	// Capabilities are the query capabilities annotated on the type
	// (Microsoft Graph annotates entity types for the collections of
	// them), or nil.
	Capabilities *Capabilities
	// InheritedNavigation are the query capabilities annotated on
	// navigation properties that the type inherits, reached through it
	// ("ns.derived/nav" where a base type declares nav); Path is the
	// navigation property's name.
	InheritedNavigation []*PathCapabilities
}

// QualifiedName returns Namespace.Name.
func (t *StructuredType) QualifiedName() string { return Qualify(t.Namespace, t.Name) }

// Property returns the structural or navigation property with the given
// name, or nil.
func (t *StructuredType) Property(name string) *Property {
	for _, p := range t.Properties {
		if p.Name == name {
			return p
		}
	}
	for _, p := range t.NavigationProperties {
		if p.Name == name {
			return p
		}
	}
	return nil
}

// Property is a structural or navigation property.
type Property struct {
	Name string
	Type TypeRef
	// Nullable is OData's Nullable facet. Readers set it to true unless the
	// input says otherwise (CSDL's default; docs pages say "Not nullable").
	Nullable bool
	// ReadOnly properties are set by the service and cannot be sent on
	// create or update.
	ReadOnly bool
	// Required properties must be sent on create.
	Required bool
	// Immutable properties can be sent on create but not on update.
	Immutable bool
	// Deprecated is set from "(deprecated)" in docs or Core.Revisions.
	Deprecated bool
	// Default is the default value's literal text, or nil.
	Default *string
	// Conditions are facts that hold only in some cases, as the docs
	// state them ("Required if type is custom.", "Read-only when
	// isBuiltIn is true."): kept and shown, never enforced, so that a
	// conditional rule does not reject payloads it does not apply to.
	Conditions []string
	// Filter is the $filter support, or nil when the property cannot be
	// used in $filter (or the input does not say it can).
	Filter *FilterSupport
	// Query is what the input says about the property in the other system
	// query options ($orderby, $select, $search, $count, $expand) and
	// whether the service returns it by default, or nil when it says
	// nothing. Docs pages state these per property ("Supports `$orderby`.",
	// "Returned only on `$select`."); CSDL states its restrictions per
	// resource instead (Capabilities), so its reader leaves this nil.
	Query *QuerySupport
	// Navigation-only facts.
	ContainsTarget bool
	Partner        string
	// Facets from CSDL; 0 means unset.
	MaxLength int
	Precision int
	Scale     int

	Description string
	Pos         Pos
	// Capabilities are the query capabilities annotated on the
	// navigation property (inline, or out of line as "ns.type/nav"), or
	// nil.
	Capabilities *Capabilities
	// Sources say where the facts came from (see Source). Only facts
	// that an input stated have one; a fact without is the reader's
	// default. The slice is shared by copies of the Property and only
	// ever appended to (SetSource makes a new one), so a copy made with
	// slices.Clip(p.Sources) can be changed without changing p.
	Sources []Source
}

// Fact names one fact of a Property, for its Sources. The names (String)
// are the YAML spec's keys.
type Fact uint8

// The facts of a Property that Sources tell the origin of.
const (
	FactType Fact = iota + 1
	FactNullable
	FactReadOnly
	FactRequired
	FactImmutable
	FactDeprecated
	FactDefault
	FactConditions
	FactFilter
	FactQuery
	FactContainsTarget
	FactPartner
	FactMaxLength
	FactPrecision
	FactScale
	FactDescription
)

// Facts lists every Fact in order.
var Facts = []Fact{FactType, FactNullable, FactReadOnly, FactRequired, FactImmutable, FactDeprecated,
	FactDefault, FactConditions, FactFilter, FactQuery, FactContainsTarget, FactPartner,
	FactMaxLength, FactPrecision, FactScale, FactDescription}

var factNames = [...]string{"", "type", "nullable", "readOnly", "required", "immutable", "deprecated",
	"default", "conditions", "filter", "query", "containsTarget", "partner",
	"maxLength", "precision", "scale", "description"}

func (f Fact) String() string {
	if int(f) < len(factNames) && f != 0 {
		return factNames[f]
	}
	return fmt.Sprintf("Fact(%d)", f)
}

// Source says that the input at Pos stated a fact of a property: a docs
// table cell, a CSDL element or annotation, a YAML key. A property's
// Sources list, for each fact, first the statement that decided it and
// then the other inputs that stated the same (Merge appends them;
// disagreements are Warnings instead). A statement of a fact's absence
// counts too: the CSDL annotation that makes a property unfilterable is
// the source of its nil Filter.
type Source struct {
	Fact Fact
	Pos  Pos
}

// StatedAt is where fact f of p was decided (Source), or where p was
// declared when no input stated f: what a problem or warning about that
// fact points at.
func (p *Property) StatedAt(f Fact) Pos {
	if from, _ := p.Source(f); from.IsValid() {
		return from
	}
	return p.Pos
}

// Source returns the position that decided fact f of p and the others
// that stated it too; from is not valid when no input stated f.
func (p *Property) Source(f Fact) (from Pos, also []Pos) {
	found := false
	for _, s := range p.Sources {
		if s.Fact != f {
			continue
		}
		if !found {
			from, found = s.Pos, true
		} else {
			also = append(also, s.Pos)
		}
	}
	return from, also
}

// SetSource makes pos the only source of fact f. An invalid pos removes
// f's sources. It gives p a new slice: the old one may be shared.
func (p *Property) SetSource(f Fact, pos Pos) {
	out := make([]Source, 0, len(p.Sources)+1)
	for _, s := range p.Sources {
		if s.Fact != f {
			out = append(out, s)
		}
	}
	if pos.IsValid() {
		out = append(out, Source{Fact: f, Pos: pos})
	}
	if len(out) == 0 {
		out = nil
	}
	p.Sources = out
}

// AddSource appends pos as a source of fact f: the deciding one when f
// has none yet, else one that also stated it. An invalid pos is ignored.
func (p *Property) AddSource(f Fact, pos Pos) {
	if pos.IsValid() {
		p.Sources = append(p.Sources, Source{Fact: f, Pos: pos})
	}
}

// TypeRef is a reference to a type: a qualified name ("Edm.String",
// "microsoft.graph.entity"), possibly a collection of it.
type TypeRef struct {
	Name       string
	Collection bool
}

// String formats r the way CSDL does: "Edm.String", "Collection(Edm.String)".
func (r TypeRef) String() string {
	if r.Collection {
		return "Collection(" + r.Name + ")"
	}
	return r.Name
}

// ParseTypeRef parses the CSDL form written by TypeRef.String.
func ParseTypeRef(s string) (TypeRef, error) {
	s = strings.TrimSpace(s)
	if inner, ok := strings.CutPrefix(s, "Collection("); ok {
		inner, ok = strings.CutSuffix(inner, ")")
		if !ok || inner == "" {
			return TypeRef{}, fmt.Errorf("bad collection type %q", s)
		}
		return TypeRef{Name: strings.TrimSpace(inner), Collection: true}, nil
	}
	if s == "" || strings.ContainsAny(s, "() \t") {
		return TypeRef{}, fmt.Errorf("bad type name %q", s)
	}
	return TypeRef{Name: s}, nil
}

// IsPrimitive reports whether r names an Edm type.
func (r TypeRef) IsPrimitive() bool { return strings.HasPrefix(r.Name, "Edm.") }

// FilterOp is an operator or function that $filter may apply to a property.
// Its values are the runtime's (validate/filter.Op): the operator names are
// defined once, there, and the generator converts one into the other.
type FilterOp string

// The filter operators and functions that docs pages and CSDL name.
const (
	OpEq         = FilterOp(filter.OpEq)
	OpNe         = FilterOp(filter.OpNe)
	OpNot        = FilterOp(filter.OpNot)
	OpGt         = FilterOp(filter.OpGt)
	OpGe         = FilterOp(filter.OpGe)
	OpLt         = FilterOp(filter.OpLt)
	OpLe         = FilterOp(filter.OpLe)
	OpIn         = FilterOp(filter.OpIn)
	OpHas        = FilterOp(filter.OpHas)
	OpStartsWith = FilterOp(filter.OpStartsWith)
	OpEndsWith   = FilterOp(filter.OpEndsWith)
	OpContains   = FilterOp(filter.OpContains)
	OpAny        = FilterOp(filter.OpAny)
	OpAll        = FilterOp(filter.OpAll)
)

// FilterOps lists every FilterOp in canonical order: filter.Ops, converted.
var FilterOps = func() []FilterOp {
	ops := make([]FilterOp, len(filter.Ops))
	for i, op := range filter.Ops {
		ops[i] = FilterOp(op)
	}
	return ops
}()

// ParseFilterOp returns the FilterOp named s, in any case.
func ParseFilterOp(s string) (FilterOp, bool) {
	for _, op := range FilterOps {
		if strings.EqualFold(string(op), s) {
			return op, true
		}
	}
	return "", false
}

// FilterSupport says how a property may be used in $filter.
type FilterSupport struct {
	// Ops are the operators and functions the property supports, in the
	// order of FilterOps. Empty means the source said "Supports $filter"
	// without naming operators: every operator that applies to the
	// property's type is allowed.
	Ops []FilterOp
	// Null allows comparing the property with null (eq null, ne null).
	Null bool
	// Count allows $count on a collection property (prop/$count eq 0).
	Count bool
	Pos   Pos
}

// Allows reports whether op may be applied.
func (f *FilterSupport) Allows(op FilterOp) bool {
	if f == nil {
		return false
	}
	if len(f.Ops) == 0 {
		return true
	}
	for _, o := range f.Ops {
		if o == op {
			return true
		}
	}
	return false
}

// QueryOption is a system query option other than $filter that a source
// may say a property supports. Its value is the option's name as a query
// string spells it.
type QueryOption string

// The query options of QuerySupport.
const (
	OptOrderBy QueryOption = "$orderby"
	OptSelect  QueryOption = "$select"
	OptSearch  QueryOption = "$search"
	OptCount   QueryOption = "$count"
	OptExpand  QueryOption = "$expand"
)

// QueryOptions lists every QueryOption in canonical order.
var QueryOptions = []QueryOption{OptOrderBy, OptSelect, OptSearch, OptCount, OptExpand}

// ParseQueryOption returns the QueryOption named s ("$orderby", "orderBy"),
// in any case, with or without its "$".
func ParseQueryOption(s string) (QueryOption, bool) {
	s = strings.TrimPrefix(s, "$")
	for _, o := range QueryOptions {
		if strings.EqualFold(string(o[1:]), s) {
			return o, true
		}
	}
	return "", false
}

// Returned says whether a service includes a property in its responses
// when the request's $select does not name it.
type Returned string

// The Returned values.
const (
	// ReturnedUnstated: the source does not say.
	ReturnedUnstated Returned = ""
	// ReturnedByDefault: "Returned by default."
	ReturnedByDefault Returned = "default"
	// ReturnedOnSelect: only when $select names the property ("Returned
	// only on `$select`.", "Not returned by default.").
	ReturnedOnSelect Returned = "select"
)

// QuerySupport says how a property may be used in the system query
// options other than $filter (FilterSupport has that one), as a docs page
// states it. The statements are positive only: an option that is not
// listed is unstated, not refused (a page that says nothing of $select does
// not make a property unselectable).
type QuerySupport struct {
	// Options are the options the source says the property supports, in
	// the order of QueryOptions, without duplicates.
	Options []QueryOption
	// Returned says whether the property is in responses by default.
	Returned Returned
	Pos      Pos
}

// Supports reports whether the source says the property supports o.
func (q *QuerySupport) Supports(o QueryOption) bool {
	return q != nil && slices.Contains(q.Options, o)
}

// SelectOnly reports whether the property is returned only when $select
// names it.
func (q *QuerySupport) SelectOnly() bool {
	return q != nil && q.Returned == ReturnedOnSelect
}

// IsZero reports whether q states nothing.
func (q *QuerySupport) IsZero() bool {
	return q == nil || len(q.Options) == 0 && q.Returned == ReturnedUnstated
}

// EnumType is an enumeration.
type EnumType struct {
	Name      string
	Namespace string
	// UnderlyingType is the Edm integer type, "" meaning Edm.Int32.
	UnderlyingType string
	// Flags enums combine members; their values are bit masks and the JSON
	// form is comma-separated.
	Flags   bool
	Members []*EnumMember
	// Sentinel names the evolvable-enum sentinel member
	// ("unknownFutureValue"), or "". Members after it are only sent to
	// clients that opt in; see AfterSentinel.
	Sentinel    string
	Description string
	Pos         Pos
}

// QualifiedName returns Namespace.Name.
func (e *EnumType) QualifiedName() string { return Qualify(e.Namespace, e.Name) }

// SentinelName is the evolvable-enum sentinel member of Microsoft Graph.
const SentinelName = "unknownFutureValue"

// AfterSentinel reports whether member i comes after the sentinel.
func (e *EnumType) AfterSentinel(i int) bool {
	if e.Sentinel == "" {
		return false
	}
	for j, m := range e.Members {
		if m.Name == e.Sentinel {
			return i > j
		}
	}
	return false
}

// Member returns the member with the given name, or nil.
func (e *EnumType) Member(name string) *EnumMember {
	for _, m := range e.Members {
		if m.Name == name {
			return m
		}
	}
	return nil
}

// EnumMember is one member of an EnumType. Value is always set: readers give
// implicit values (the member's index) when the input has none.
type EnumMember struct {
	Name        string
	Value       int64
	Description string
	Pos         Pos
}

// TypeDef is a CSDL TypeDefinition: a named primitive type.
type TypeDef struct {
	Name           string
	Namespace      string
	UnderlyingType string // an Edm type
	Description    string
	Pos            Pos
}

// QualifiedName returns Namespace.Name.
func (t *TypeDef) QualifiedName() string { return Qualify(t.Namespace, t.Name) }

// OperationKind is the kind of a request whose body the spec describes.
type OperationKind string

const (
	Create OperationKind = "create" // POST of a new entity
	Update OperationKind = "update" // PATCH of an existing entity
)

// Operation is the request body of a Create or Update request: which
// properties may be sent and which must be.
type Operation struct {
	Kind OperationKind
	// Type is the qualified name of the structured type the body holds.
	Type string
	// Method and Path are the HTTP request line, e.g. "POST",
	// "/deviceManagement/virtualEndpoint/externalPartners".
	Method string
	Path   string
	// Body lists the properties the request body may carry.
	Body []*BodyProperty
	Pos  Pos
}

// RequestLine returns the operation's HTTP request line, "POST /users":
// the method (POST for a create, PATCH for an update when the source
// names none) and the path, when known.
func (op *Operation) RequestLine() string {
	m := op.Method
	if m == "" {
		m = "POST"
		if op.Kind == Update {
			m = "PATCH"
		}
	}
	return strings.TrimSpace(m + " " + op.Path)
}

// BodyProperty is a property an operation's request body may carry.
type BodyProperty struct {
	Name string
	// Type is what the API page says, when it says; it may be empty.
	Type     TypeRef
	Required bool
	// RequiredPos is where Required was stated, when it is true: the
	// row's Required cell or the description that says so, or the line
	// or heading before the table that says it lists required properties.
	RequiredPos Pos
	Description string
	Pos         Pos
}

// EntitySet is an entity set or singleton of an entity container.
type EntitySet struct {
	Name      string
	Type      string // qualified entity type name
	Singleton bool
	Pos       Pos
	// Bindings are its NavigationPropertyBindings, in input order.
	Bindings []Binding
	// Capabilities are the query capabilities annotated on it, or nil.
	Capabilities *Capabilities
	// Paths are the query capabilities annotated on navigation paths
	// from it ("ns.Container/users/manager"), in input order.
	Paths []*PathCapabilities
}

// Warning is something a reader or Merge wants the user to see without
// failing: a disagreement between sources, a phrase it could not read.
type Warning struct {
	Pos Pos
	// Other is the second position of a disagreement, when there is one.
	Other Pos
	Msg   string
	// Kind says what sort of warning it is, for summaries.
	Kind WarningKind
	// Type is the qualified name of the type the warning concerns, when
	// there is one (the type a docs page describes, the type whose
	// sources disagree), so a command can show the warnings about the
	// types it works on.
	Type string
}

func (w Warning) String() string {
	if w.Other.IsValid() {
		return fmt.Sprintf("%s: warning: %s (see also %s)", w.Pos, w.Msg, w.Other)
	}
	return fmt.Sprintf("%s: warning: %s", w.Pos, w.Msg)
}

// WarningKind classifies warnings.
type WarningKind uint8

// The kinds of warning.
const (
	// WarnInput is a reader's note about its input: a phrase it could
	// not read, a construct it skips, a name that points nowhere.
	WarnInput WarningKind = iota
	// WarnSkippedPage is a docs page that describes no type (an overview
	// or conceptual page), read as nothing.
	WarnSkippedPage
	// WarnDisagreement is a fact that two sources state differently;
	// the first source's stands.
	WarnDisagreement
	// WarnUndefined is a type that a property or base type names and no
	// input defines.
	WarnUndefined
)

// WarningKinds lists every WarningKind in order.
var WarningKinds = []WarningKind{WarnInput, WarnSkippedPage, WarnDisagreement, WarnUndefined}

func (k WarningKind) String() string {
	switch k {
	case WarnSkippedPage:
		return "skipped page"
	case WarnDisagreement:
		return "disagreement"
	case WarnUndefined:
		return "undefined type"
	}
	return "input"
}

// Error is a positioned input error.
type Error struct {
	Pos Pos
	Msg string
}

func (e *Error) Error() string { return e.Pos.String() + ": " + e.Msg }

// Errorf returns a positioned *Error.
func Errorf(pos Pos, format string, args ...any) *Error {
	return &Error{Pos: pos, Msg: fmt.Sprintf(format, args...)}
}

// Qualify returns the qualified name of name in namespace ns ("" for none).
func Qualify(ns, name string) string {
	if ns == "" {
		return name
	}
	return ns + "." + name
}

// SplitQualified splits "a.b.c" into namespace "a.b" and name "c".
func SplitQualified(q string) (ns, name string) {
	i := strings.LastIndexByte(q, '.')
	if i < 0 {
		return "", q
	}
	return q[:i], q[i+1:]
}
