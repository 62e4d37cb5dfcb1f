package query

import (
	"errors"
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/odatagen/odatagen/validate/filter"
)

// Model is the query capability table of a service: its entity sets and
// singletons, the restrictions of the OData Capabilities vocabulary
// (Org.OData.Capabilities.V1) on each resource, and per-property facts
// that the docs give. Types, their properties and each property's $filter
// support come from a *filter.Model.
//
// A Model is plain data (maps, slices, strings, bools, small named types
// and pointers) so that a generator can write it as a Go literal and a tool
// can build it in memory; this package never modifies it, so one Model may
// be shared by concurrent checks. Capabilities that the model does not
// state are assumed supported: a nil term or a Default Bool never refuses
// anything (the vocabulary's stance that annotations call out
// restrictions).
type Model struct {
	// Types are the entity and complex types with their properties and
	// $filter support. Required for checking.
	Types *filter.Model

	// EntitySets are the entity sets and singletons of the entity
	// container, by name ("users", "me").
	EntitySets map[string]*EntitySet

	// Properties are the per-property facts, keyed by the qualified name of
	// the declaring type, "/" and the property's name
	// ("microsoft.graph.user/signInActivity"). Only properties with a fact
	// need an entry; a derived type may have an entry of its own for an
	// inherited property, which then wins for it.
	Properties map[string]*Property

	// Resources are the capability annotations, keyed by what they are
	// annotated on (the target, see Resource.Path):
	//
	//   - ""                                  the entity container: defaults for every resource
	//                                         (the DefaultCapabilities term), and the container's
	//                                         CustomHeaders and CustomQueryOptions
	//   - "users", "me"                       an entity set or singleton
	//   - "users/manager", "me/messages/attachments"
	//                                         a navigation path from an entity set or singleton
	//                                         (navigation property names only: no keys, no casts;
	//                                         a path through complex properties names them too,
	//                                         "users/address/country")
	//   - "microsoft.graph.message/attachments"
	//                                         a navigation property of a type, wherever it is
	//                                         reached (a CSDL annotation on the navigation property)
	//   - "microsoft.graph.message"           a type: what a check against the type alone
	//                                         (CheckType) applies; the sets of the type have
	//                                         those terms merged into their own
	Resources map[string]*Capabilities
}

// EntitySet is an entity set or a singleton.
type EntitySet struct {
	// Name is the name in the entity container, the same as the key in
	// Model.EntitySets.
	Name string
	// Type is the qualified name of the entity type of its members (or of
	// the singleton).
	Type string
	// Singleton is set for a singleton ("me"): it addresses one entity,
	// not a collection.
	Singleton bool
	// Bindings are the navigation property bindings: the entity set that
	// the entities reached through a navigation path belong to, so that the
	// target set's capabilities apply to them.
	Bindings []Binding
}

// Binding is a navigation property binding.
type Binding struct {
	// Path is the navigation property path from the set's type
	// ("manager", "microsoft.graph.group/members", "address/country").
	Path string
	// Target is the name of the entity set the path leads to.
	Target string
}

// Property holds the facts about one property that neither
// filter.Property nor the capability terms carry: what the docs say per
// property ("Supports $select", "returned only on $select", ...).
type Property struct {
	// Type is the qualified name of the type that declares the property;
	// Name its name. Type + "/" + Name is the key in Model.Properties.
	Type, Name string
	// Select is False when the property cannot be named in $select.
	Select Bool
	// Sort is False when the property cannot be used in $orderby (the
	// per-property form of SortRestrictions NonSortableProperties).
	Sort Bool
	// Expand is False when the navigation property cannot be expanded (the
	// per-property form of ExpandRestrictions NonExpandableProperties).
	Expand Bool
	// SelectOnly is set for properties the service leaves out of its
	// responses unless $select names them (Microsoft Graph's "returned only
	// on $select"). Check refuses nothing for it: it tells clients and
	// builder documentation that such a property must be selected.
	SelectOnly bool
}

// Bool is a Boolean that a source may leave unstated. Default means the
// source says nothing; the vocabulary's default (or, for Model.Properties
// facts, "allowed") applies, and for a resource the next less specific
// annotation is asked (see Model.Resources).
type Bool int8

// The Bool values.
const (
	Default Bool = iota
	True
	False
)

// Or returns b as a bool, def when b is Default.
func (b Bool) Or(def bool) bool {
	switch b {
	case True:
		return true
	case False:
		return false
	}
	return def
}

// String returns "true", "false" or "default".
func (b Bool) String() string {
	switch b {
	case True:
		return "true"
	case False:
		return "false"
	}
	return "default"
}

// Capabilities are the Capabilities vocabulary terms on one resource that
// bear on query options. Each term is looked up on its own along the
// resource's candidates (see Model.Resources and Check): a nil pointer or
// a Default Bool means the annotation does not state it.
type Capabilities struct {
	// Filter is FilterRestrictions.
	Filter *FilterRestrictions
	// Sort is SortRestrictions.
	Sort *SortRestrictions
	// Expand is ExpandRestrictions.
	Expand *ExpandRestrictions
	// Select is SelectSupport.
	Select *SelectSupport
	// Search is SearchRestrictions.
	Search *SearchRestrictions
	// Count is CountRestrictions.
	Count *CountRestrictions
	// Navigation is NavigationRestrictions: navigability from this
	// resource, and restrictions on the resources its navigation
	// properties lead to.
	Navigation *NavigationRestrictions
	// Read is ReadRestrictions (RetrieveRestrictions in older versions of
	// the vocabulary): readability and the custom headers and query
	// options of GET requests.
	Read *ReadRestrictions
	// TopSupported is the TopSupported tag: False refuses $top.
	TopSupported Bool
	// SkipSupported is the SkipSupported tag: False refuses $skip.
	SkipSupported Bool
	// ComputeSupported is the ComputeSupported tag: False refuses $compute.
	ComputeSupported Bool
	// IndexableByKey is the IndexableByKey tag: False refuses a key segment
	// after the resource in a path (/users/{id}).
	IndexableByKey Bool
	// CustomHeaders and CustomQueryOptions are the terms of the same name
	// on the entity container (Resources[""]): custom headers and query
	// options for every request of the service.
	CustomHeaders      []CustomParameter
	CustomQueryOptions []CustomParameter
}

// FilterRestrictions is FilterRestrictionsType.
type FilterRestrictions struct {
	// Filterable is False when $filter is not supported at all.
	Filterable Bool
	// RequiresFilter is True when a request must have a $filter.
	RequiresFilter Bool
	// RequiredProperties must each appear in the $filter.
	RequiredProperties []string
	// NonFilterableProperties cannot be used in $filter (property paths,
	// "displayName", "address/city").
	NonFilterableProperties []string
	// MaxLevels is the largest number of navigation properties a path in
	// $filter may traverse (lambda variables included); 0 or -1 means no
	// limit.
	MaxLevels int
}

// SortRestrictions is SortRestrictionsType.
type SortRestrictions struct {
	// Sortable is False when $orderby is not supported at all.
	Sortable Bool
	// AscendingOnlyProperties may only be sorted ascending.
	AscendingOnlyProperties []string
	// DescendingOnlyProperties may only be sorted descending.
	DescendingOnlyProperties []string
	// NonSortableProperties cannot be used in $orderby.
	NonSortableProperties []string
}

// ExpandRestrictions is ExpandRestrictionsType.
type ExpandRestrictions struct {
	// Expandable is False when $expand is not supported at all.
	Expandable Bool
	// NonExpandableProperties are navigation property paths that cannot be
	// expanded ("manager", "microsoft.graph.user/manager").
	NonExpandableProperties []string
	// MaxLevels is the deepest expansion allowed: nested $expand levels
	// plus $levels; 0 or -1 means no limit.
	MaxLevels int
}

// SelectSupport is SelectSupportType. Supported defaults to true; the
// others say which options may be nested in a $select item
// ($select=addresses($filter=...)) and default to false once the term is
// given (a nil SelectSupport allows all of them).
type SelectSupport struct {
	Supported                    Bool // False refuses $select
	InstanceAnnotationsSupported Bool // @ns.term items in $select
	Expandable                   Bool // not used: the ABNF has no $expand inside $select
	Filterable                   Bool // $filter inside a $select item
	Searchable                   Bool // $search inside a $select item
	TopSupported                 Bool // $top inside a $select item
	SkipSupported                Bool // $skip inside a $select item
	ComputeSupported             Bool // $compute inside a $select item
	Countable                    Bool // $count inside a $select item
	Sortable                     Bool // $orderby inside a $select item
}

// SearchRestrictions is SearchRestrictionsType.
type SearchRestrictions struct {
	// Searchable is False when $search is not supported at all.
	Searchable Bool
	// UnsupportedExpressions are the kinds of search expressions the
	// service does not support.
	UnsupportedExpressions SearchExpressions
}

// SearchExpressions is the SearchExpressions flags enumeration.
type SearchExpressions uint8

// The SearchExpressions members ("none" is 0: a single search term).
const (
	SearchExprAND    SearchExpressions = 1 << iota // terms joined by AND (or side by side)
	SearchExprOR                                   // terms joined by OR
	SearchExprNOT                                  // NOT
	SearchExprPhrase                               // "phrases"
	SearchExprGroup                                // parentheses
)

// CountRestrictions is CountRestrictionsType.
type CountRestrictions struct {
	// Countable is False when $count=true and /$count are not supported.
	Countable Bool
	// NonCountableProperties are collection properties that do not allow
	// /$count (in $filter and $orderby).
	NonCountableProperties []string
	// NonCountableNavigationProperties are navigation properties that do
	// not allow /$count (in $filter, $orderby and $expand=nav/$count).
	NonCountableNavigationProperties []string
}

// Navigability is the NavigationType enumeration.
type Navigability string

// The Navigability members; "" is unstated.
const (
	NavigationRecursive Navigability = "Recursive"
	NavigationSingle    Navigability = "Single"
	NavigationNone      Navigability = "None"
)

// NavigationRestrictions is NavigationRestrictionsType.
type NavigationRestrictions struct {
	// Navigability is the default for every navigation property of the
	// resource: None refuses navigating from it in a resource path, Single
	// allows one navigation step.
	Navigability Navigability
	// RestrictedProperties override it per navigation property and carry
	// restrictions on the resources they lead to.
	RestrictedProperties []NavigationPropertyRestriction
}

// NavigationPropertyRestriction is one entry of RestrictedProperties: the
// navigation property path (relative to the annotated resource) and the
// restrictions of the resource it leads to. The vocabulary's
// NavigationPropertyRestriction has FilterRestrictions, SearchRestrictions,
// SortRestrictions, TopSupported, SkipSupported, SelectSupport,
// IndexableByKey and ReadRestrictions; the other fields of Capabilities
// are honoured too.
type NavigationPropertyRestriction struct {
	// NavigationProperty is the navigation property path relative to the
	// annotated resource ("memberOf", "messages/attachments"); type casts
	// in it are ignored.
	NavigationProperty string
	// Navigability overrides NavigationRestrictions.Navigability for this
	// navigation property ("" keeps it).
	Navigability Navigability
	// Capabilities are the restrictions on the resource the navigation
	// property leads to.
	Capabilities
}

// ReadRestrictions is ReadRestrictionsType.
type ReadRestrictions struct {
	// Readable is False when the resource cannot be read.
	Readable Bool
	// CustomHeaders are headers that GET requests to the resource support
	// or require.
	CustomHeaders []CustomParameter
	// CustomQueryOptions are custom query options they support or
	// require.
	CustomQueryOptions []CustomParameter
	// ReadByKey is ReadByKeyRestrictions: the same for one entity
	// addressed by key (/users/{id}); nil means these restrictions apply.
	ReadByKey *ReadRestrictions
}

// CustomParameter is the vocabulary's CustomParameter, a custom header or
// query option.
type CustomParameter struct {
	// Name is the header's or query option's name ("ConsistencyLevel").
	Name string
	// Description says what it is for.
	Description string
	// DocumentationURL links to its documentation.
	DocumentationURL string
	// Required is the vocabulary's Required: the parameter must always be
	// sent.
	Required bool
	// ExampleValues are example values ("eventual").
	ExampleValues []string
	// RequiredWith is not in the vocabulary: the query options (spelled
	// "$search", "$count", ...) whose presence makes the parameter
	// required, as docs pages say ("ConsistencyLevel: eventual is required
	// with $search and $count"). Only $count=true counts for "$count", and
	// a /$count path segment does too.
	RequiredWith []string
}

// Resource is an entry of Model.Resources in list form, for NewModel.
type Resource struct {
	// Path is the key (see Model.Resources).
	Path string
	Capabilities
}

// NewModel makes a Model from lists, the form generated packages write:
// package-level slices of plain values compile to static data, where a
// map literal would be built by init code. Later entries with a key
// already seen are ignored.
func NewModel(types *filter.Model, sets []*EntitySet, props []*Property, resources []*Resource) *Model {
	m := &Model{
		Types:      types,
		EntitySets: make(map[string]*EntitySet, len(sets)),
		Properties: make(map[string]*Property, len(props)),
		Resources:  make(map[string]*Capabilities, len(resources)),
	}
	for _, s := range sets {
		if _, ok := m.EntitySets[s.Name]; !ok {
			m.EntitySets[s.Name] = s
		}
	}
	for _, p := range props {
		k := p.Type + "/" + p.Name
		if _, ok := m.Properties[k]; !ok {
			m.Properties[k] = p
		}
	}
	for _, r := range resources {
		if _, ok := m.Resources[r.Path]; !ok {
			m.Resources[r.Path] = &r.Capabilities
		}
	}
	return m
}

// load decodes the tables of m.Types when a generated package encoded
// them (filter.NewEncodedModel), and returns the error of that decoding.
func (m *Model) load() error {
	if m == nil || m.Types == nil {
		return nil
	}
	return m.Types.Load()
}

// property returns the facts of property name of typeName (its own or
// inherited), or nil.
func (m *Model) property(typeName, name string) *Property {
	if len(m.Properties) == 0 {
		return nil
	}
	t := typeName
	for range len(m.Types.Types) + 1 {
		if p := m.Properties[t+"/"+name]; p != nil {
			return p
		}
		ty := m.Types.Types[t]
		if ty == nil || ty.Base == "" {
			return nil
		}
		t = ty.Base
	}
	return nil
}

// Validate checks that the model is consistent: it has types, entity sets
// name entity types of the model, bindings lead to entity sets, property
// facts name properties that exist, and resource keys name entity sets,
// singletons, navigation paths or type/navigation pairs that exist. It
// reports every problem found.
func (m *Model) Validate() error {
	if m.Types == nil {
		return errors.New("the model has no Types")
	}
	var errs []error
	bad := func(format string, args ...any) { errs = append(errs, fmt.Errorf(format, args...)) }
	if err := m.Types.Validate(); err != nil {
		errs = append(errs, err)
	}
	for _, k := range slices.Sorted(maps.Keys(m.EntitySets)) {
		s := m.EntitySets[k]
		if s == nil || s.Name != k {
			bad("entity set %s: Name does not match its key", k)
			continue
		}
		if m.Types.Types[s.Type] == nil {
			bad("entity set %s: type %s is not in the model", k, s.Type)
		}
		for _, b := range s.Bindings {
			if m.EntitySets[b.Target] == nil {
				bad("entity set %s: binding %s targets %s, which is no entity set", k, b.Path, b.Target)
			}
		}
	}
	for _, k := range slices.Sorted(maps.Keys(m.Properties)) {
		p := m.Properties[k]
		if p == nil || p.Type+"/"+p.Name != k {
			bad("property %s: Type and Name do not match its key", k)
			continue
		}
		if m.Types.Property(p.Type, p.Name) == nil {
			bad("property %s: no such property in the model", k)
		}
	}
	for _, k := range slices.Sorted(maps.Keys(m.Resources)) {
		if k == "" {
			continue
		}
		first, rest, _ := strings.Cut(k, "/")
		switch {
		case m.EntitySets[first] != nil:
			if rest != "" {
				if _, err := m.walkNav(m.EntitySets[first].Type, rest); err != nil {
					bad("resource %s: %v", k, err)
				}
			}
		case m.Types.Types[first] != nil && rest != "":
			if _, err := m.walkNav(first, rest); err != nil {
				bad("resource %s: %v", k, err)
			}
		case m.Types.Types[first] != nil:
			// The capabilities of the type itself.
		default:
			bad("resource %s: %s is no entity set, singleton or type of the model", k, first)
		}
	}
	return errors.Join(errs...)
}

// walkNav follows a path of property names from typeName and returns the
// type it ends at.
func (m *Model) walkNav(typeName, path string) (string, error) {
	for seg := range strings.SplitSeq(path, "/") {
		if m.Types.Types[seg] != nil {
			typeName = seg
			continue
		}
		p := m.Types.Property(typeName, seg)
		if p == nil {
			return "", fmt.Errorf("%s has no property %s", typeName, seg)
		}
		typeName = p.Type
	}
	return typeName, nil
}
