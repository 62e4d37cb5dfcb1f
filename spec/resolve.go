package spec

import (
	"fmt"
	"slices"
	"strings"
)

// Model is a resolved spec: every declaration once, linked by pointer, with
// each structured type's base chain, flattened properties and derived
// types worked out once, in one defined order. Resolve builds it; the
// generator, the schema emitter and the filter model consume it, so none
// of them walks base chains, dedupes names or looks for cycles on its own.
//
// A Model is read-only once built.
type Model struct {
	// Spec is the spec the model was resolved from.
	Spec *Spec
	// Types are the structured types, the first declaration of each
	// qualified name, in input order.
	Types []*Type
	// Enums and TypeDefs are the enumeration types and type definitions,
	// the first declaration of each qualified name, in input order.
	Enums    []*EnumType
	TypeDefs []*TypeDef
	// Operations are the spec's operations whose type is a structured type
	// of the model, in input order, with Type qualified.
	Operations []*Operation

	ix    *Index
	types map[string]*Type
}

// Type is a structured type of a Model.
type Type struct {
	*StructuredType
	// Base is the base type, or nil (none, or not defined by any input).
	Base *Type
	// Chain is the type and its base types, most derived first.
	Chain []*Type
	// Derived are the types whose base type is this one, sorted by
	// qualified name; Descendants all types derived from it, directly or
	// not, sorted by qualified name.
	Derived, Descendants []*Type
	// AnyJSON is set for a type that stands for any JSON value: a complex
	// type named Json with no properties, no base type and no derived
	// types, as Microsoft Graph declares microsoft.graph.Json and uses it
	// (a workbook range's values, a policy's settings). Its values are not
	// checked, and Go holds them as json.RawMessage.
	AnyJSON bool
	// Props are the flattened properties (see Prop): the structural
	// properties of the chain, base first, then its navigation
	// properties, base first; a property that a derived type redeclares
	// (docs pages repeat inherited ones) stands at the base's place with
	// the most derived declaration's facts.
	Props []*Prop
}

// Prop is a property of a flattened type.
type Prop struct {
	// Property is the most derived declaration.
	*Property
	// Nav is set for a navigation property.
	Nav bool
	// Owner is the type of the most derived declaration; DeclaredBy the
	// base-most type that declares the property.
	Owner, DeclaredBy *Type
}

// ResolveOptions are the options of Resolve.
type ResolveOptions struct {
	// MaxInheritance is the most base types a type may have (0:
	// DefaultMaxInheritance). See Index.CheckInheritance.
	MaxInheritance int
	// MaxProps is the most properties the flattened types may hold in
	// all (0: DefaultMaxProps; negative: no limit).
	MaxProps int
}

// Resolve links a merged spec into a Model. It keeps the first declaration
// of every qualified name (Merge has settled duplicates: each further one
// is a warning here, at its position), and fails, at the type's position,
// on a base type cycle, inheritance deeper than opts.MaxInheritance, or
// types whose flattened form would hold more than opts.MaxProps
// properties.
// Names that no declaration defines are left as they are: what they mean
// is the consumer's decision (the generator fails on them, or makes them
// raw JSON).
func Resolve(s *Spec, opts ResolveOptions) (*Model, []Warning, error) {
	if s == nil {
		return nil, nil, fmt.Errorf("spec: Resolve: nil spec")
	}
	m := &Model{Spec: s, ix: NewIndex(s)}
	var warnings []Warning
	seen := make(map[string]Pos, len(s.Types)+len(s.Enums)+len(s.TypeDefs))
	first := func(q string, pos Pos) bool {
		if p, ok := seen[q]; ok {
			warnings = append(warnings, Warning{Pos: pos, Other: p, Kind: WarnDisagreement, Type: q,
				Msg: fmt.Sprintf("%s is declared twice (first at %s); the second declaration is ignored", q, p)})
			return false
		}
		seen[q] = pos
		return true
	}
	var decls []*StructuredType
	for _, t := range s.Types {
		if first(t.QualifiedName(), t.Pos) {
			decls = append(decls, t)
		}
	}
	for _, e := range s.Enums {
		if first(e.QualifiedName(), e.Pos) {
			m.Enums = append(m.Enums, e)
		}
	}
	for _, d := range s.TypeDefs {
		if first(d.QualifiedName(), d.Pos) {
			m.TypeDefs = append(m.TypeDefs, d)
		}
	}
	if err := m.ix.CheckInheritance(decls, opts.MaxInheritance); err != nil {
		return nil, warnings, err
	}
	maxProps := opts.MaxProps
	if maxProps == 0 {
		maxProps = DefaultMaxProps
	}
	if err := m.link(decls, maxProps); err != nil {
		return nil, warnings, err
	}
	for _, op := range s.Operations {
		q, ok := m.ix.Resolve(op.Type)
		if !ok || m.types[q] == nil {
			continue // no type to attach the body to
		}
		if q != op.Type {
			c := *op
			c.Type = q
			op = &c
		}
		m.Operations = append(m.Operations, op)
	}
	return m, warnings, nil
}

// DefaultMaxProps is the default of ResolveOptions.MaxProps: 2,000,000
// flattened properties, over a hundred times Microsoft Graph v1.0's.
const DefaultMaxProps = 2_000_000

// link makes the model's types of decls (unique qualified names, no
// cycles): their bases, chains, derived types and flattened properties.
// It refuses, before flattening anything, decls whose flattened types
// would hold more than maxProps properties: inheritance multiplies a base
// type's properties into every derived type, so a small input can ask for
// a huge model.
func (m *Model) link(decls []*StructuredType, maxProps int) error {
	all := make([]Type, len(decls)) // one allocation, not one per type
	m.Types = make([]*Type, len(decls))
	m.types = make(map[string]*Type, len(decls))
	for i, d := range decls {
		all[i].StructuredType = d
		m.Types[i] = &all[i]
		m.types[d.QualifiedName()] = &all[i]
	}
	chains, props := 0, 0
	for _, t := range m.Types {
		t.Base = m.types[t.BaseType]
		n := 0
		for c := t; c != nil; c = m.types[c.BaseType] {
			n++
			props += len(c.Properties) + len(c.NavigationProperties)
		}
		chains += n
		if maxProps > 0 && props > maxProps {
			return Errorf(t.Pos, "the spec is too large: its types flattened hold more than %d properties (reached at type %s, which has %d base types)",
				maxProps, t.QualifiedName(), n-1)
		}
	}
	backing := make([]*Type, 0, chains)
	// In name order, so that Derived and Descendants, appended to as the
	// types come, are in name order too.
	for _, t := range SortedByName(m.Types) {
		start := len(backing)
		for c := t; c != nil; c = c.Base {
			backing = append(backing, c)
		}
		t.Chain = backing[start:len(backing):len(backing)]
		if t.Base != nil {
			t.Base.Derived = append(t.Base.Derived, t)
		}
		for _, b := range t.Chain[1:] {
			b.Descendants = append(b.Descendants, t)
		}
		t.Props = flatten(t)
	}
	for _, t := range m.Types {
		t.AnyJSON = t.Name == "Json" && t.Kind == ComplexKind && !t.Abstract && t.BaseType == "" &&
			len(t.Properties)+len(t.NavigationProperties) == 0 && len(t.Derived) == 0
	}
	return nil
}

// flatten lists the properties of t's chain: structural properties base
// first, then navigation properties base first, each at the place of its
// base-most declaration with the facts of the most derived one.
func flatten(t *Type) []*Prop {
	n := 0
	for _, c := range t.Chain {
		n += len(c.Properties) + len(c.NavigationProperties)
	}
	if n == 0 {
		return nil
	}
	out := make([]*Prop, 0, n)
	var at map[string]int // past a few properties; before, a scan of out
	find := func(name string) (int, bool) {
		if at != nil {
			i, ok := at[name]
			return i, ok
		}
		for i, p := range out {
			if p.Name == name {
				return i, true
			}
		}
		return 0, false
	}
	add := func(c *Type, p *Property, nav bool) {
		if i, ok := find(p.Name); ok {
			out[i] = &Prop{Property: p, Nav: out[i].Nav, Owner: c, DeclaredBy: out[i].DeclaredBy}
			return
		}
		if at == nil && len(out) == 16 {
			at = make(map[string]int, n)
			for i, p := range out {
				at[p.Name] = i
			}
		}
		if at != nil {
			at[p.Name] = len(out)
		}
		out = append(out, &Prop{Property: p, Nav: nav, Owner: c, DeclaredBy: c})
	}
	for i := len(t.Chain) - 1; i >= 0; i-- {
		for _, p := range t.Chain[i].Properties {
			add(t.Chain[i], p, false)
		}
	}
	for i := len(t.Chain) - 1; i >= 0; i-- {
		for _, p := range t.Chain[i].NavigationProperties {
			add(t.Chain[i], p, true)
		}
	}
	return out
}

// Index returns the index of the model's spec, for resolving names.
func (m *Model) Index() *Index { return m.ix }

// Type returns the structured type with qualified name q, or nil.
func (m *Model) Type(q string) *Type { return m.types[q] }

// Subset returns the model restricted to the declarations keep holds (by
// qualified name): the types, enums, type definitions and operations kept,
// linked among themselves (a base type that is not kept is no base; the
// caller keeps what it needs), and without the navigation properties whose
// target is not kept.
func (m *Model) Subset(keep func(q string) bool) *Model {
	sub := &Model{Spec: m.Spec, ix: m.ix}
	var decls []*StructuredType
	for _, t := range m.Types {
		if !keep(t.QualifiedName()) {
			continue
		}
		d := t.StructuredType
		kept := slices.DeleteFunc(slices.Clone(d.NavigationProperties), func(p *Property) bool {
			q, ok := m.ix.Resolve(p.Type.Name)
			return !ok || !keep(q)
		})
		if len(kept) != len(d.NavigationProperties) {
			c := *d
			c.NavigationProperties = kept
			d = &c
		}
		decls = append(decls, d)
	}
	sub.link(decls, -1) // no larger than m
	for _, e := range m.Enums {
		if keep(e.QualifiedName()) {
			sub.Enums = append(sub.Enums, e)
		}
	}
	for _, d := range m.TypeDefs {
		if keep(d.QualifiedName()) {
			sub.TypeDefs = append(sub.TypeDefs, d)
		}
	}
	for _, op := range m.Operations {
		if keep(op.Type) {
			sub.Operations = append(sub.Operations, op)
		}
	}
	return sub
}

// SortedByName returns a copy of types sorted by qualified name. It makes
// each name once: a comparison that built both names would allocate two
// strings per comparison (a whole service has thousands of types).
func SortedByName(types []*Type) []*Type {
	type keyed struct {
		name string
		t    *Type
	}
	ks := make([]keyed, len(types))
	for i, t := range types {
		ks[i] = keyed{t.QualifiedName(), t}
	}
	slices.SortFunc(ks, func(x, y keyed) int { return strings.Compare(x.name, y.name) })
	out := make([]*Type, len(ks))
	for i, k := range ks {
		out[i] = k.t
	}
	return out
}
