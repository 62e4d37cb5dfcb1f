package spec

import "reflect"

// This file holds the query capabilities of the OData Capabilities
// vocabulary (Org.OData.Capabilities.V1) as plain data: what a service
// says about $filter, $orderby, $expand, $select, $search, $count, $top,
// $skip, navigation and GET request headers on an entity set, a singleton,
// a navigation property or a type. The types mirror those of
// validate/query (the runtime that checks query strings against them);
// generator.QueryModel converts one into the other.

// Tristate is a Boolean term or record field that a source may leave
// unstated: Unstated means the annotation does not say, and the
// vocabulary's default (or a less specific annotation) applies.
type Tristate int8

// The Tristate values.
const (
	Unstated Tristate = iota
	Yes
	No
)

// String returns "yes", "no" or "unstated".
func (b Tristate) String() string {
	switch b {
	case Yes:
		return "yes"
	case No:
		return "no"
	}
	return "unstated"
}

// Binding is a CSDL NavigationPropertyBinding of an entity set or
// singleton: the entity set that the entities reached through Path belong
// to.
type Binding struct {
	// Path is the navigation property path from the set's type, as
	// written ("manager", "microsoft.graph.group/members").
	Path string
	// Target is the entity set or singleton it leads to, as written: a
	// name of the same container ("directoryObjects"), a path through a
	// containment navigation property ("employeeExperience/x"), or a
	// qualified container name and a set ("ns.Container/set").
	Target string
	Pos    Pos
}

// Capabilities are the Capabilities vocabulary terms on one element that
// bear on queries. A nil term or an Unstated tag means the annotation does
// not state it. Each term keeps the position of its annotation.
type Capabilities struct {
	Filter     *FilterRestrictions     // FilterRestrictions
	Sort       *SortRestrictions       // SortRestrictions
	Expand     *ExpandRestrictions     // ExpandRestrictions
	Select     *SelectSupport          // SelectSupport
	Search     *SearchRestrictions     // SearchRestrictions
	Count      *CountRestrictions      // CountRestrictions
	Navigation *NavigationRestrictions // NavigationRestrictions
	Read       *ReadRestrictions       // ReadRestrictions
	// TopSupported, SkipSupported, ComputeSupported and IndexableByKey are
	// the tags of the same names.
	TopSupported     Tristate
	SkipSupported    Tristate
	ComputeSupported Tristate
	IndexableByKey   Tristate
	// CustomHeaders and CustomQueryOptions are the terms of the same
	// names, which the vocabulary puts on the entity container: custom
	// headers and query options for every request of the service.
	CustomHeaders      []*CustomParameter
	CustomQueryOptions []*CustomParameter
	// Pos is where the first of these annotations is.
	Pos Pos
}

// IsZero reports whether c states nothing.
func (c *Capabilities) IsZero() bool {
	return c == nil || c.Filter == nil && c.Sort == nil && c.Expand == nil && c.Select == nil &&
		c.Search == nil && c.Count == nil && c.Navigation == nil && c.Read == nil &&
		c.TopSupported == Unstated && c.SkipSupported == Unstated &&
		c.ComputeSupported == Unstated && c.IndexableByKey == Unstated &&
		len(c.CustomHeaders) == 0 && len(c.CustomQueryOptions) == 0
}

// FilterRestrictions is FilterRestrictionsType: the resource-level flags.
// The per-property facts (NonFilterableProperties, FilterExpressionRestrictions)
// are also applied to Property.Filter by the CSDL reader.
type FilterRestrictions struct {
	Filterable              Tristate
	RequiresFilter          Tristate
	RequiredProperties      []string
	NonFilterableProperties []string
	// MaxLevels is the vocabulary's MaxLevels; 0 when unstated (-1 is no limit).
	MaxLevels int
	Pos       Pos
}

// SortRestrictions is SortRestrictionsType.
type SortRestrictions struct {
	Sortable                 Tristate
	AscendingOnlyProperties  []string
	DescendingOnlyProperties []string
	NonSortableProperties    []string
	Pos                      Pos
}

// ExpandRestrictions is ExpandRestrictionsType.
type ExpandRestrictions struct {
	Expandable              Tristate
	NonExpandableProperties []string
	// MaxLevels is the deepest expansion; 0 when unstated (-1 is no limit).
	MaxLevels int
	Pos       Pos
}

// SelectSupport is SelectSupportType.
type SelectSupport struct {
	Supported                    Tristate
	InstanceAnnotationsSupported Tristate
	Expandable                   Tristate
	Filterable                   Tristate
	Searchable                   Tristate
	TopSupported                 Tristate
	SkipSupported                Tristate
	ComputeSupported             Tristate
	Countable                    Tristate
	Sortable                     Tristate
	Pos                          Pos
}

// SearchRestrictions is SearchRestrictionsType.
type SearchRestrictions struct {
	Searchable Tristate
	// UnsupportedExpressions are the SearchExpressions members named
	// ("AND", "OR", "NOT", "phrase", "group"), as written.
	UnsupportedExpressions []string
	Pos                    Pos
}

// CountRestrictions is CountRestrictionsType.
type CountRestrictions struct {
	Countable                        Tristate
	NonCountableProperties           []string
	NonCountableNavigationProperties []string
	Pos                              Pos
}

// NavigationRestrictions is NavigationRestrictionsType.
type NavigationRestrictions struct {
	// Navigability is the NavigationType member: "Recursive", "Single",
	// "None", or "" when unstated.
	Navigability         string
	RestrictedProperties []*NavigationPropertyRestriction
	Pos                  Pos
}

// NavigationPropertyRestriction is one RestrictedProperties entry: the
// navigation property path relative to the annotated element, and the
// restrictions of the resource it leads to.
type NavigationPropertyRestriction struct {
	NavigationProperty string
	Navigability       string
	Capabilities
}

// ReadRestrictions is ReadRestrictionsType (RetrieveRestrictions in older
// vocabulary versions).
type ReadRestrictions struct {
	Readable           Tristate
	CustomHeaders      []*CustomParameter
	CustomQueryOptions []*CustomParameter
	// ReadByKey is ReadByKeyRestrictions, or nil.
	ReadByKey *ReadRestrictions
	Pos       Pos
}

// CustomParameter is the vocabulary's CustomParameter: a custom header or
// query option.
type CustomParameter struct {
	Name             string
	Description      string
	DocumentationURL string
	Required         bool
	// ExampleValues are the Value of each PrimitiveExampleValue.
	ExampleValues []string
	// RequiredWith is not in the vocabulary: the query options ("$search",
	// "$count") whose presence makes the parameter required, as the
	// descriptions say (Microsoft Graph: "$search and $count queries
	// require the client to set the ConsistencyLevel HTTP header").
	RequiredWith []string
	Pos          Pos
}

// PathCapabilities are the capabilities annotated on a navigation path
// from an entity set or singleton.
type PathCapabilities struct {
	// Path is the path from the set, as written ("manager",
	// "messages/attachments").
	Path         string
	Capabilities *Capabilities
}

// Clone returns a deep copy of c (nil for nil): no record, list or
// parameter is shared with c.
func (c *Capabilities) Clone() *Capabilities {
	if c == nil {
		return nil
	}
	return deepCopy(reflect.ValueOf(c)).Interface().(*Capabilities)
}

// deepCopy copies the capability data v (pointers, slices, structs and
// scalars) with nothing shared.
func deepCopy(v reflect.Value) reflect.Value {
	switch v.Kind() {
	case reflect.Pointer:
		if v.IsNil() {
			return v
		}
		c := reflect.New(v.Type().Elem())
		c.Elem().Set(deepCopy(v.Elem()))
		return c
	case reflect.Slice:
		if v.IsNil() {
			return v
		}
		c := reflect.MakeSlice(v.Type(), v.Len(), v.Len())
		for i := 0; i < v.Len(); i++ {
			c.Index(i).Set(deepCopy(v.Index(i)))
		}
		return c
	case reflect.Struct:
		c := reflect.New(v.Type()).Elem()
		for i := 0; i < v.NumField(); i++ {
			c.Field(i).Set(deepCopy(v.Field(i)))
		}
		return c
	}
	return v
}

// clonePaths deep-copies path capabilities.
func clonePaths(ps []*PathCapabilities) []*PathCapabilities {
	if ps == nil {
		return nil
	}
	out := make([]*PathCapabilities, 0, len(ps))
	for _, p := range ps {
		if p != nil {
			out = append(out, &PathCapabilities{Path: p.Path, Capabilities: p.Capabilities.Clone()})
		}
	}
	return out
}

// capTermDisagreement is one term that two sources state differently.
type capTermDisagreement struct {
	term       string
	here, them Pos // positions of b's and a's statement
}

// combineCapabilities adds to a, term by term, the terms that b states and
// a does not (a deep copy of them). A term both state differently is kept
// as a has it and returned, with both positions, for a warning; the order
// of the sources decides (Merge: the first source wins; Overlay puts the
// CSDL first). A term is a field of Capabilities: its records are
// compared whole, positions aside. a must not be nil.
func combineCapabilities(a, b *Capabilities) []capTermDisagreement {
	if b == nil {
		return nil
	}
	var out []capTermDisagreement
	av, bv := reflect.ValueOf(a).Elem(), reflect.ValueOf(b).Elem()
	t := av.Type()
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		if f.Name == "Pos" {
			continue
		}
		af, bf := av.Field(i), bv.Field(i)
		if bf.IsZero() || (bf.Kind() == reflect.Slice && bf.Len() == 0) {
			continue
		}
		if af.IsZero() || (af.Kind() == reflect.Slice && af.Len() == 0) {
			af.Set(deepCopy(bf))
			if !a.Pos.IsValid() {
				a.Pos = b.Pos
			}
			continue
		}
		if !equalIgnoringPos(af, bf) {
			out = append(out, capTermDisagreement{term: f.Name, here: termPos(bf, b.Pos), them: termPos(af, a.Pos)})
		}
	}
	return out
}

// termPos is the position of a term's record, or def for a tag.
func termPos(v reflect.Value, def Pos) Pos {
	if v.Kind() == reflect.Pointer && !v.IsNil() {
		if p := v.Elem().FieldByName("Pos"); p.IsValid() {
			if pos := p.Interface().(Pos); pos.IsValid() {
				return pos
			}
		}
	}
	return def
}

// equalIgnoringPos compares capability data, positions aside.
func equalIgnoringPos(a, b reflect.Value) bool {
	if a.Type() == reflect.TypeOf(Pos{}) {
		return true
	}
	switch a.Kind() {
	case reflect.Pointer:
		if a.IsNil() || b.IsNil() {
			return a.IsNil() == b.IsNil()
		}
		return equalIgnoringPos(a.Elem(), b.Elem())
	case reflect.Slice:
		if a.Len() != b.Len() {
			return false
		}
		for i := 0; i < a.Len(); i++ {
			if !equalIgnoringPos(a.Index(i), b.Index(i)) {
				return false
			}
		}
		return true
	case reflect.Struct:
		for i := 0; i < a.NumField(); i++ {
			if !equalIgnoringPos(a.Field(i), b.Field(i)) {
				return false
			}
		}
		return true
	}
	return a.Interface() == b.Interface()
}
