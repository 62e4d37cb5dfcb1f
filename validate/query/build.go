package query

import (
	"strings"

	"github.com/odatagen/odatagen/validate/filter"
)

// This file is the runtime of the typed $select, $orderby and $expand
// builders that a generator emits. Where validate/filter's builder gives
// each property a type of its own (a generic instantiation per property),
// these builders give each property a field of a small concrete type of
// this package, holding the property's path; what a property may do is
// the field's type, and what a type does not support has no field. Per
// property a generated package then costs one struct field and one string
// in a composite literal: no type, no method, no instantiation.
//
// A generator emits, per entity set (or per entity type, taking the most
// restrictive capabilities of the sets of that type), three variables:
//
//	// UserSelect lists the properties of microsoft.graph.user that
//	// $select may name on /users.
//	var UserSelect = struct {
//		ID, DisplayName, Mail, SignInActivity query.Selectable
//	}{"id", "displayName", "mail", "signInActivity"}
//
//	// UserOrderBy lists the properties /users may be sorted by.
//	var UserOrderBy = struct {
//		ID              query.Sortable
//		DisplayName     query.AscendingOnly  // SortRestrictions AscendingOnlyProperties
//		CreatedDateTime query.DescendingOnly // SortRestrictions DescendingOnlyProperties
//	}{"id", "displayName", "createdDateTime"}
//
//	// UserExpand lists the navigation properties /users may expand.
//	var UserExpand = struct {
//		Manager  query.ExpandableSingle
//		MemberOf query.Expandable
//	}{"manager", "memberOf"}
//
// and a client writes
//
//	q := query.New(
//		query.Select(UserSelect.DisplayName, UserSelect.Mail),
//		query.OrderBy(UserOrderBy.CreatedDateTime.Desc(), UserOrderBy.ID),
//		query.Expand(UserExpand.Manager.With(query.Select(DirectoryObjectSelect.ID))),
//		query.Top(10),
//	)
//	q.String() // $select=displayName,mail&$expand=manager($select=id)&$orderby=createdDateTime desc,id&$top=10
//
// UserOrderBy.Mail (not sortable), UserOrderBy.DisplayName.Desc()
// (ascending only) and UserExpand.Messages (NonExpandableProperties) do
// not compile. Field values are property paths from the type: a path
// through complex properties ("address/city") and type casts
// ("microsoft.graph.fileAttachment/contentBytes") is fine.
//
// The rules a generator follows so that a built query always passes
// Check: a property gets a Selectable field unless Property.Select is False;
// a Sortable field unless it is a collection, structured, Property.Sort is
// False or it is in NonSortableProperties, and an AscendingOnly or
// DescendingOnly field instead when it is in those lists; an Expandable
// field when it is a navigation property that is not Property.Expand False
// nor in NonExpandableProperties, ExpandableSingle when it is
// single-valued (its With takes no $filter, $orderby, $top, ...). Whether
// $top, $skip, $count and $filter are supported depends on the resource,
// not the type: Top, Skip, Count and Filter are not typed, and neither is
// which type's variables a client uses inside With (the options nested in
// /users?$expand=memberOf obey the capabilities of the groups the
// navigation property is bound to). Check catches what the types cannot.

// NotComparable is the first field of a generated builder variable's
// anonymous struct (_ query.NotComparable, given as query.NotComparable{}):
// it makes the struct type not comparable, so that the compiler writes no
// equality function for it, one fewer function per builder variable to
// compile (Microsoft Graph v1.0 has 2,900 of them).
type NotComparable [0]func()

// Selectable is a property that $select may name.
type Selectable string

// Sortable is a property that $orderby may sort by in either direction.
// Used as an item of OrderBy it sorts ascending.
type Sortable string

// AscendingOnly is a property that may only be sorted ascending. Used as
// an item of OrderBy it sorts ascending; it has no Desc.
type AscendingOnly string

// DescendingOnly is a property that may only be sorted descending: its
// only method is Desc.
type DescendingOnly string

// Expandable is a collection-valued navigation property that $expand may
// name.
type Expandable string

// ExpandableSingle is a single-valued navigation property that $expand
// may name: its With takes only the options that apply to one entity.
type ExpandableSingle string

// Order is an item of OrderBy with its direction.
type Order struct {
	path string
	desc bool
}

// ExpandItem is an item of Expand with options.
type ExpandItem struct{ item *Item }

// Asc sorts ascending.
func (s Sortable) Asc() Order { return Order{path: string(s)} }

// Desc sorts descending.
func (s Sortable) Desc() Order { return Order{path: string(s), desc: true} }

// Asc sorts ascending.
func (s AscendingOnly) Asc() Order { return Order{path: string(s)} }

// Desc sorts descending.
func (s DescendingOnly) Desc() Order { return Order{path: string(s), desc: true} }

// With expands the property with nested options: Select, Expand, Filter,
// OrderBy, Top, Skip, Count, Levels.
func (e Expandable) With(parts ...NestedPart) ExpandItem {
	it := &Item{Path: segments(string(e)), Options: &Options{}}
	for _, p := range parts {
		p.applyNested(it.Options)
	}
	return ExpandItem{it}
}

// Ref expands the property as references (nav/$ref).
func (e Expandable) Ref() ExpandItem {
	return ExpandItem{&Item{Path: append(segments(string(e)), Segment{Kind: SegRef})}}
}

// With expands the property with nested Select, Expand or Levels.
func (e ExpandableSingle) With(parts ...EntityPart) ExpandItem {
	it := &Item{Path: segments(string(e)), Options: &Options{}}
	for _, p := range parts {
		p.applyNested(it.Options)
	}
	return ExpandItem{it}
}

// Ref expands the property as a reference (nav/$ref).
func (e ExpandableSingle) Ref() ExpandItem {
	return ExpandItem{&Item{Path: append(segments(string(e)), Segment{Kind: SegRef})}}
}

// Selector is an item of Select: a Selectable.
type Selector interface{ selectItem() *Item }

// Orderer is an item of OrderBy: a Sortable or an AscendingOnly (sorting
// ascending), or the Order of Asc or Desc.
type Orderer interface{ orderItem() *OrderItem }

// Expander is an item of Expand: an Expandable or ExpandableSingle, or
// the ExpandItem of With or Ref.
type Expander interface{ expandItem() *Item }

func (s Selectable) selectItem() *Item { return &Item{Path: segments(string(s))} }

func (s Sortable) orderItem() *OrderItem      { return Order{path: string(s)}.orderItem() }
func (s AscendingOnly) orderItem() *OrderItem { return Order{path: string(s)}.orderItem() }
func (o Order) orderItem() *OrderItem {
	return &OrderItem{Expr: pathExpr(o.path), Desc: o.desc}
}

func (e Expandable) expandItem() *Item       { return &Item{Path: segments(string(e))} }
func (e ExpandableSingle) expandItem() *Item { return &Item{Path: segments(string(e))} }
func (e ExpandItem) expandItem() *Item       { return e.item }

// segments splits a property path into Item segments.
func segments(path string) []Segment {
	var segs []Segment
	for s := range strings.SplitSeq(path, "/") {
		k := SegName
		if strings.Contains(s, ".") {
			k = SegQualified
		}
		segs = append(segs, Segment{Kind: k, Name: s})
	}
	return segs
}

// pathExpr makes the $orderby expression for a property path.
func pathExpr(path string) *filter.Path {
	p := &filter.Path{}
	for s := range strings.SplitSeq(path, "/") {
		k := filter.SegProperty
		if strings.Contains(s, ".") {
			k = filter.SegCast
		}
		p.Segments = append(p.Segments, filter.Segment{Kind: k, Name: s})
	}
	return p
}

// Part is a query option made by a builder: the result of Select,
// Expand, OrderBy, Filter, Top, Skip or Count.
type Part interface {
	NestedPart
	apply(q *Query)
}

// NestedPart is an option that may be nested in the $expand item of a
// collection: a Part, or Levels.
type NestedPart interface{ applyNested(o *Options) }

// EntityPart is an option that may be nested in the $expand item of a
// single entity: Select, Expand, Levels or LevelsMax.
type EntityPart interface {
	NestedPart
	entity()
}

func (*SelectOption) entity() {}
func (*ExpandOption) entity() {}
func (levelsPart) entity()    {}

// New makes a query of the given parts; a later part of the same kind
// replaces an earlier one.
func New(parts ...Part) *Query {
	q := &Query{}
	for _, p := range parts {
		p.apply(q)
	}
	return q
}

// Select makes $select.
func Select(items ...Selector) *SelectOption {
	s := &SelectOption{}
	for _, it := range items {
		s.Items = append(s.Items, it.selectItem())
	}
	return s
}

// OrderBy makes $orderby.
func OrderBy(items ...Orderer) *OrderByOption {
	o := &OrderByOption{}
	for _, it := range items {
		o.Items = append(o.Items, it.orderItem())
	}
	return o
}

// Expand makes $expand.
func Expand(items ...Expander) *ExpandOption {
	e := &ExpandOption{}
	for _, it := range items {
		e.Items = append(e.Items, it.expandItem())
	}
	return e
}

func (s *SelectOption) apply(q *Query)         { q.Select = s }
func (s *SelectOption) applyNested(o *Options) { o.Select = s }
func (e *ExpandOption) apply(q *Query)         { q.Expand = e }
func (e *ExpandOption) applyNested(o *Options) { o.Expand = e }
func (b *OrderByOption) apply(q *Query)        { q.OrderBy = b }
func (b *OrderByOption) applyNested(o *Options) {
	o.OrderBy = b
}

type optionPart func(o *Options)

func (f optionPart) apply(q *Query)         { f(&q.Options) }
func (f optionPart) applyNested(o *Options) { f(o) }

// Filter makes $filter from a condition of validate/filter's typed
// builders; the zero Cond makes no $filter.
func Filter(c filter.Cond) Part {
	return optionPart(func(o *Options) {
		if e := c.Expr(); e != nil {
			o.Filter = &FilterOption{Expr: e}
		} else {
			o.Filter = nil
		}
	})
}

// Top makes $top=n (n >= 0).
func Top(n int) Part {
	return optionPart(func(o *Options) { o.Top = &Int{Value: int64(max(n, 0))} })
}

// Skip makes $skip=n (n >= 0).
func Skip(n int) Part {
	return optionPart(func(o *Options) { o.Skip = &Int{Value: int64(max(n, 0))} })
}

// Count makes $count=true or $count=false.
func Count(b bool) Part {
	return optionPart(func(o *Options) { o.Count = &Boolean{Value: b} })
}

type levelsPart struct{ l *LevelsOption }

func (p levelsPart) applyNested(o *Options) { o.Levels = p.l }

// Levels makes $levels=n (n >= 1) inside an $expand item.
func Levels(n int) EntityPart { return levelsPart{&LevelsOption{Value: int64(max(n, 1))}} }

// LevelsMax makes $levels=max inside an $expand item.
func LevelsMax() EntityPart { return levelsPart{&LevelsOption{Max: true}} }
