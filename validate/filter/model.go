package filter

import (
	"errors"
	"fmt"
	"maps"
	"slices"
	"strings"
)

// Op is an operator or function that a property may allow in $filter. The
// values are those of the spec's FilterOp, so a generator can convert one
// into the other with a plain conversion.
type Op string

// The operators and functions a property may allow.
const (
	OpEq         Op = "eq"
	OpNe         Op = "ne"
	OpNot        Op = "not"
	OpGt         Op = "gt"
	OpGe         Op = "ge"
	OpLt         Op = "lt"
	OpLe         Op = "le"
	OpIn         Op = "in"
	OpHas        Op = "has"
	OpStartsWith Op = "startsWith"
	OpEndsWith   Op = "endsWith"
	OpContains   Op = "contains"
	OpAny        Op = "any"
	OpAll        Op = "all"
)

// Ops lists every Op in canonical order.
var Ops = []Op{OpEq, OpNe, OpNot, OpGt, OpGe, OpLt, OpLe, OpIn, OpHas,
	OpStartsWith, OpEndsWith, OpContains, OpAny, OpAll}

// Model is the $filter capability table of a set of types: what each
// property is, and which operators it allows. It is plain data (maps,
// slices, strings, bools) so that a generator can write it as a Go literal
// and a tool can build the same value in memory; it is never modified by
// this package, so one Model may be shared by concurrent checks. The one
// exception is a Model of NewEncodedModel, whose maps are filled once, on
// first use (see Load).
type Model struct {
	// Types are the entity and complex types, by qualified name.
	Types map[string]*Type
	// Enums are the enumeration types, by qualified name.
	Enums map[string]*Enum
	// TypeDefs maps the qualified name of a type definition to its
	// underlying Edm type ("microsoft.graph.x" -> "Edm.String").
	TypeDefs map[string]string

	// enc is set by NewEncodedModel: the encoded tables, which Load
	// decodes into the maps above.
	enc *encodedModel
}

// Type is an entity or complex type.
type Type struct {
	// Name is the qualified name, the same as the type's key in
	// Model.Types.
	Name string
	// Base is the qualified name of the base type, or "".
	Base string
	// Properties are the structural and navigation properties the type
	// declares itself. Inherited properties are found through Base; a
	// property that a type redeclares (docs pages repeat inherited ones)
	// overrides the base's, so its filter support wins.
	Properties []*Property
}

// Property is a structural or navigation property.
type Property struct {
	Name string
	// Type is the qualified element type: "Edm.String",
	// "microsoft.graph.cloudPcExternalPartnerStatus",
	// "microsoft.graph.user".
	Type string
	// Collection is set for collection-valued properties.
	Collection bool
	// Navigation is set for navigation properties.
	Navigation bool
	// Filter is the property's $filter support; nil means the property
	// cannot be used in $filter.
	Filter *Support
}

// Support says how a property may be used in $filter.
type Support struct {
	// Ops are the operators and functions allowed. Empty means every one
	// that applies to the property's type (the source said only that the
	// property supports $filter).
	Ops []Op
	// Null allows comparing the property with null: eq null, ne null.
	Null bool
	// Count allows $count on a collection property: members/$count eq 0.
	Count bool
}

// Allows reports whether op may be applied. A nil Support allows nothing.
func (s *Support) Allows(op Op) bool {
	if s == nil {
		return false
	}
	return len(s.Ops) == 0 || slices.Contains(s.Ops, op)
}

func (s *Support) supported() string {
	if s == nil {
		return "none"
	}
	if len(s.Ops) == 0 {
		return "all"
	}
	parts := make([]string, len(s.Ops))
	for i, op := range s.Ops {
		parts[i] = string(op)
	}
	return strings.Join(parts, ", ")
}

// Enum is an enumeration type.
type Enum struct {
	// Name is the qualified name, the same as the key in Model.Enums.
	Name    string
	Members []string
	// Flags enumerations allow several members in one value ('a,b').
	Flags bool
}

// Property returns the property name of typeName, its own or inherited,
// or nil.
func (m *Model) Property(typeName, name string) *Property {
	if m.Load() != nil {
		return nil
	}
	t := m.Types[typeName]
	for range len(m.Types) + 1 { // bounded: a cyclic Base chain ends the walk
		if t == nil {
			return nil
		}
		for _, p := range t.Properties {
			if p.Name == name {
				return p
			}
		}
		t = m.Types[t.Base]
	}
	return nil
}

// derives reports whether typeName is base or derives from it.
func (m *Model) derives(typeName, base string) bool {
	for range len(m.Types) + 1 {
		if typeName == base {
			return true
		}
		t := m.Types[typeName]
		if t == nil || t.Base == "" {
			return false
		}
		typeName = t.Base
	}
	return false
}

// Validate checks that the model is consistent: keys match names, base
// types and property types exist, base chains end, names are unique and
// operator names are known. It reports every problem found.
func (m *Model) Validate() error {
	if err := m.Load(); err != nil {
		return err
	}
	var errs []error
	bad := func(format string, args ...any) { errs = append(errs, fmt.Errorf(format, args...)) }
	for _, k := range slices.Sorted(maps.Keys(m.TypeDefs)) {
		if !isEdmName(m.TypeDefs[k]) {
			bad("type definition %s: underlying type %s is not an Edm primitive type", k, m.TypeDefs[k])
		}
	}
	for _, k := range slices.Sorted(maps.Keys(m.Enums)) {
		e := m.Enums[k]
		if e == nil || e.Name != k {
			bad("enum %s: Name does not match its key", k)
			continue
		}
		if len(e.Members) == 0 {
			bad("enum %s: no members", k)
		}
		seen := map[string]bool{}
		for _, mem := range e.Members {
			if name, end := scanIdent(mem, 0); name == "" || end != len(mem) {
				bad("enum %s: member %q is not an identifier", k, mem)
			}
			if seen[mem] {
				bad("enum %s: member %s repeated", k, mem)
			}
			seen[mem] = true
		}
	}
	validOp := map[Op]bool{}
	for _, op := range Ops {
		validOp[op] = true
	}
	for _, k := range slices.Sorted(maps.Keys(m.Types)) {
		t := m.Types[k]
		if t == nil || t.Name != k {
			bad("type %s: Name does not match its key", k)
			continue
		}
		if t.Base != "" {
			if m.Types[t.Base] == nil {
				bad("type %s: base type %s is not in the model", k, t.Base)
			} else if m.derives(t.Base, k) {
				bad("type %s: its base chain is a cycle", k)
			}
		}
		seen := map[string]bool{}
		for _, p := range t.Properties {
			where := k + "/" + p.Name
			if seen[p.Name] {
				bad("%s: declared twice", where)
			}
			seen[p.Name] = true
			switch {
			case m.Types[p.Type] != nil:
			case p.Navigation:
				bad("%s: navigation target %s is not an entity type of the model", where, p.Type)
			case isEdmName(p.Type) || m.Enums[p.Type] != nil || m.TypeDefs[p.Type] != "":
			default:
				bad("%s: type %s is not in the model", where, p.Type)
			}
			if p.Filter == nil {
				continue
			}
			for i, op := range p.Filter.Ops {
				if !validOp[op] {
					bad("%s: unknown filter operator %q", where, op)
				}
				if slices.Contains(p.Filter.Ops[:i], op) {
					bad("%s: filter operator %s repeated", where, op)
				}
			}
			if p.Filter.Count && !p.Collection {
				bad("%s: $count support on a property that is not a collection", where)
			}
		}
	}
	return errors.Join(errs...)
}
