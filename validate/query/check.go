package query

import (
	"errors"
	"slices"
	"sort"
	"strings"

	"github.com/odatagen/odatagen/validate/filter"
)

// Result is what Check learned about a query it accepts.
type Result struct {
	// Query is the parsed query.
	Query *Query
	// Resource is the resource path in canonical form
	// ("/users/{id}/messages"), or the type name given to CheckType.
	Resource string
	// Type is the qualified type of the resource's items.
	Type string
	// Collection is set when the resource is a collection (an entity set, a
	// collection-valued navigation property); not for an entity addressed
	// by key, a singleton or a single-valued navigation property.
	Collection bool
	// Headers are the custom headers the metadata names for GET requests to
	// the resource (ReadRestrictions CustomHeaders, or those of
	// ReadByKeyRestrictions for an entity addressed by key, then the entity
	// container's CustomHeaders), with Required worked out for this query.
	Headers []Header
}

// Header is a custom header a client may or must send.
type Header struct {
	Name string
	// Required is set when the metadata says the header is always
	// required, or when the query uses an option that requires it (see
	// Because).
	Required bool
	// Because are the options of this query that make the header required
	// (CustomParameter.RequiredWith), "$search", "$count"; empty when it is
	// always required or optional.
	Because []string
	// Description, DocumentationURL and ExampleValues are the metadata's.
	Description      string
	DocumentationURL string
	ExampleValues    []string
}

// Check parses raw (a query string, or a URL or path with a query; see
// Parse) and checks it against resource, a path such as "/users",
// "/groups/{id}/members", "/me/messages/{id}/attachments" or a whole URL
// (leading segments that name no entity set or singleton, "/v1.0", are
// taken as the service root; keys may be written as segments or in
// parentheses). When resource is "", the path of raw is the resource.
//
// It checks every option against the types of m and the capabilities of
// the resource (see Model.CheckQuery) and reports the first problem as an
// *Error: a syntax error or an unsupported option points into raw (Expr
// is raw), a problem with a separately given resource into resource.
func Check(m *Model, resource, raw string, opts ...Option) (*Result, error) {
	q, err := Parse(raw, opts...)
	if err != nil {
		return nil, err
	}
	src := resource
	if resource == "" {
		resource, src = q.Path, raw
		if resource == "" {
			return nil, &Error{Expr: raw, Offset: 0, Msg: "no resource: give Check a resource path, or a URL with a path"}
		}
	}
	if m == nil || m.Types == nil {
		return nil, &Error{Expr: raw, Msg: "no model to check against"}
	}
	if err := m.load(); err != nil {
		return nil, err
	}
	r, perr := m.resolve(resource, 0)
	if perr != nil {
		perr.Expr = src
		return nil, perr
	}
	res, cerr := m.check(r, q, len(raw))
	if cerr != nil {
		cerr.Expr = raw
		return nil, cerr
	}
	return res, nil
}

// CheckType parses raw and checks it against the collection of the type
// typeName (a qualified name) with no resource: only the type's
// properties, the per-property facts, the capabilities annotated on the
// type (Resources[typeName]) and then the entity container's
// (Resources[""]) apply, and the capabilities of navigation properties of
// types ("microsoft.graph.message/attachments") inside $expand.
func CheckType(m *Model, typeName, raw string, opts ...Option) (*Result, error) {
	q, err := Parse(raw, opts...)
	if err != nil {
		return nil, err
	}
	if err := m.load(); err != nil {
		return nil, err
	}
	res, cerr := m.checkType(typeName, q, len(raw))
	if cerr != nil {
		cerr.Expr = raw
		return nil, cerr
	}
	return res, nil
}

// CheckQuery checks a parsed query against resource (see Check). Errors are
// *Error whose Offset refers to the text q was parsed from (an error in
// resource has Expr set to resource); Expr is otherwise left empty for
// the caller to fill, as filter.Model.Check does. A query built by the
// typed builders has no text: print it and use Check to see carets.
//
// The rules, each error naming the restriction that refuses the option:
//
//   - The resource path resolves through entity sets, singletons, keys,
//     type casts and navigation properties, as NavigationRestrictions
//     (Navigability) and IndexableByKey allow, and is readable
//     (ReadRestrictions Readable).
//   - $top, $skip, $orderby, $search, $count and $filter apply to
//     collections only; on /$count only $filter and $search are allowed,
//     on /$ref no $select, $expand or $compute.
//   - $top and $skip need TopSupported and SkipSupported; $count=true and
//     /$count need CountRestrictions Countable; $search needs
//     SearchRestrictions Searchable and none of its UnsupportedExpressions;
//     $compute needs ComputeSupported; $filter needs FilterRestrictions
//     Filterable, and RequiredProperties are enforced (RequiresFilter for
//     the resource of the request, not for expanded navigation properties);
//     $orderby needs SortRestrictions Sortable; $expand needs
//     ExpandRestrictions Expandable; $select needs SelectSupport Supported.
//   - $select items name properties of the type (through complex
//     properties and casts), that Model.Properties does not mark
//     Select False; options nested in an item need the SelectSupport flag
//     of each option (Filterable, TopSupported, ...), apply to
//     collection-valued properties only, and are checked against the
//     property's type. Qualified names that are no type are taken as
//     actions or functions and need a namespace of the model; ns.* needs a
//     known namespace; annotations need SelectSupport
//     InstanceAnnotationsSupported.
//   - $expand items name navigation properties (through complex
//     properties and casts) not listed in NonExpandableProperties nor
//     marked Expand False; /$count on them needs CountRestrictions; the
//     nesting of $expand plus $levels stays within MaxLevels; options
//     nested in an item are checked against the navigation target's type
//     and capabilities (as if navigated to: the path's own annotations,
//     RestrictedProperties of NavigationRestrictions, the navigation
//     property's, the bound entity set's).
//   - $filter passes filter.Model.Check against the type, uses no
//     NonFilterableProperties and traverses at most MaxLevels navigation
//     properties per path.
//   - $orderby items that are property paths name single-valued,
//     primitive properties (or collection/$count) that are sortable (not
//     NonSortableProperties, not Sort False), in the direction
//     AscendingOnlyProperties and DescendingOnlyProperties allow; every
//     property path inside other expressions must exist and be sortable.
//   - Properties computed by $compute may be used in $select, $orderby and
//     $filter at the same level; their types are inferred from the
//     expression where obvious (Edm.Untyped otherwise).
//   - Required custom query options (ReadRestrictions CustomQueryOptions
//     and the container's) must be present. $apply is refused: Check does
//     not support the data aggregation extension.
func (m *Model) CheckQuery(resource string, q *Query) (*Result, error) {
	if m == nil || m.Types == nil {
		return nil, errAt(0, "no model to check against")
	}
	if err := m.load(); err != nil {
		return nil, err
	}
	r, perr := m.resolve(resource, 0)
	if perr != nil {
		perr.Expr = resource
		return nil, perr
	}
	res, err := m.check(r, q, 0)
	if err != nil {
		return nil, err
	}
	return res, nil
}

// CheckQueryType checks a parsed query against the collection of the type
// typeName (see CheckType and CheckQuery).
func (m *Model) CheckQueryType(typeName string, q *Query) (*Result, error) {
	if err := m.load(); err != nil {
		return nil, err
	}
	res, err := m.checkType(typeName, q, 0)
	if err != nil {
		return nil, err
	}
	return res, nil
}

func (m *Model) checkType(typeName string, q *Query, end int) (*Result, *Error) {
	if m == nil || m.Types == nil {
		return nil, errAt(0, "no model to check against")
	}
	if m.Types.Types[typeName] == nil {
		return nil, errAt(0, "unknown type %s", typeName)
	}
	caps := m.capsFor(nil, "", "")
	if c := m.Resources[typeName]; c != nil {
		caps = merge([]*Capabilities{c, &caps})
	}
	r := &resource{display: typeName, typ: typeName, collection: true, caps: caps}
	return m.check(r, q, end)
}

type checker struct {
	m   *Model
	q   *Query
	r   *resource
	end int // offset of the end of the input, for "missing" errors
}

// scope is a level of options: the top level, or the options of an
// $expand or $select item.
type scope struct {
	typ        string // the type of the items the options apply to
	collection bool
	primitive  bool   // a collection of primitive values ($select=tags($top=2))
	item       string // with primitive: the Edm type of the values, "" when unknown
	value      bool   // complex or primitive values, not entities
	caps       Capabilities
	where      string            // for messages: "/users", "/users/manager"
	steps      []string          // Resources key of the level, nil without an entity set
	computed   map[string]string // $compute names at this level and their types
	limits     []levelLimit      // MaxLevels in force
	depth      int               // expand levels above this one
	itemPos    int               // offset of the item whose options these are (0 at the top)
}

type levelLimit struct {
	max   int
	base  int // depth where the limit was set
	where string
}

// check checks q against the resolved resource r and builds the Result;
// end is the offset where errors about something missing are placed. On
// /$count only $filter and $search may appear (and the level counts as a
// collection, though Result.Collection is false); on /$ref $select,
// $expand and $compute may not; $apply is refused. The options are then
// checked in source order (see options), after which RequiresFilter (not
// for /$ref) and the required custom query options are enforced; the
// first problem is returned. Result.Headers comes from headers.
func (m *Model) check(r *resource, q *Query, end int) (*Result, *Error) {
	c := &checker{m: m, q: q, r: r, end: end}
	sc := &scope{typ: r.typ, collection: r.collection, caps: r.caps, where: r.display, steps: r.steps}
	if r.count {
		for _, k := range []optKind{optSelect, optExpand, optOrderBy, optTop, optSkip, optCount, optCompute} {
			if at, ok := q.Options.present(k); ok {
				return nil, errAt(int(at), "%s is not allowed on %s (only $filter and $search are)", k, r.display)
			}
		}
		sc.collection = true
	}
	if r.ref {
		for _, k := range []optKind{optSelect, optExpand, optCompute} {
			if at, ok := q.Options.present(k); ok {
				return nil, errAt(int(at), "%s is not allowed on %s", k, r.display)
			}
		}
	}
	if q.Apply != nil {
		return nil, errAt(int(q.Apply.NamePos), "$apply is not supported by Check (the data aggregation extension)")
	}
	if err := c.options(sc, &q.Options); err != nil {
		return nil, err
	}
	// RequiresFilter binds requests to the resource, not expansions of it.
	if f := sc.caps.Filter; f != nil && f.RequiresFilter == True && q.Filter == nil && !r.ref {
		return nil, errAt(end, "%s requires a $filter (FilterRestrictions RequiresFilter)", r.display)
	}
	if err := c.customOptions(); err != nil {
		return nil, err
	}
	return &Result{Query: q, Resource: r.display, Type: r.typ, Collection: r.collection && !r.count,
		Headers: c.headers()}, nil
}

// present returns the position of option k in o, and whether it is there.
func (o *Options) present(k optKind) (Pos, bool) {
	var p *OptionPos
	switch k {
	case optSelect:
		if o.Select != nil {
			p = &o.Select.OptionPos
		}
	case optExpand:
		if o.Expand != nil {
			p = &o.Expand.OptionPos
		}
	case optFilter:
		if o.Filter != nil {
			p = &o.Filter.OptionPos
		}
	case optSearch:
		if o.Search != nil {
			p = &o.Search.OptionPos
		}
	case optOrderBy:
		if o.OrderBy != nil {
			p = &o.OrderBy.OptionPos
		}
	case optTop:
		if o.Top != nil {
			p = &o.Top.OptionPos
		}
	case optSkip:
		if o.Skip != nil {
			p = &o.Skip.OptionPos
		}
	case optCount:
		if o.Count != nil {
			p = &o.Count.OptionPos
		}
	case optLevels:
		if o.Levels != nil {
			p = &o.Levels.OptionPos
		}
	case optCompute:
		if o.Compute != nil {
			p = &o.Compute.OptionPos
		}
	}
	if p == nil {
		return 0, false
	}
	return p.NamePos, true
}

// options checks the options of one level, in source order.
func (c *checker) options(sc *scope, o *Options) *Error {
	if o.Compute != nil {
		sc.computed = map[string]string{}
		for _, it := range o.Compute.Items {
			sc.computed[it.As] = c.inferType(sc, it.Expr)
		}
	}
	type job struct {
		at Pos
		f  func() *Error
	}
	var jobs []job
	add := func(at Pos, f func() *Error) { jobs = append(jobs, job{at, f}) }
	if o.Select != nil {
		add(o.Select.NamePos, func() *Error { return c.selectOption(sc, o.Select) })
	}
	if o.Expand != nil {
		add(o.Expand.NamePos, func() *Error { return c.expandOption(sc, o.Expand) })
	}
	if o.Filter != nil {
		add(o.Filter.NamePos, func() *Error { return c.filterOption(sc, o.Filter) })
	}
	if o.Search != nil {
		add(o.Search.NamePos, func() *Error { return c.searchOption(sc, o.Search) })
	}
	if o.OrderBy != nil {
		add(o.OrderBy.NamePos, func() *Error { return c.orderByOption(sc, o.OrderBy) })
	}
	if o.Top != nil {
		add(o.Top.NamePos, func() *Error {
			return c.paging(sc, o.Top.NamePos, "$top", sc.caps.TopSupported, "TopSupported")
		})
	}
	if o.Skip != nil {
		add(o.Skip.NamePos, func() *Error {
			return c.paging(sc, o.Skip.NamePos, "$skip", sc.caps.SkipSupported, "SkipSupported")
		})
	}
	if o.Count != nil {
		add(o.Count.NamePos, func() *Error { return c.countOption(sc, o.Count) })
	}
	if o.Compute != nil {
		add(o.Compute.NamePos, func() *Error { return c.computeOption(sc, o.Compute) })
	}
	sort.SliceStable(jobs, func(i, j int) bool { return jobs[i].at < jobs[j].at })
	for _, j := range jobs {
		if err := j.f(); err != nil {
			return err
		}
	}
	return nil
}

func (c *checker) collectionOnly(sc *scope, at Pos, opt string) *Error {
	if !sc.collection {
		return errAt(int(at), "%s applies to collections; %s is a single %s", opt, sc.where, singleWhat(sc))
	}
	return nil
}

func singleWhat(sc *scope) string {
	if sc.value {
		return "value"
	}
	return "entity"
}

func (c *checker) paging(sc *scope, at Pos, opt string, supported Bool, term string) *Error {
	if err := c.collectionOnly(sc, at, opt); err != nil {
		return err
	}
	if supported == False {
		return errAt(int(at), "%s is not supported on %s (%s false)", opt, sc.where, term)
	}
	return nil
}

func (c *checker) countOption(sc *scope, b *Boolean) *Error {
	if err := c.collectionOnly(sc, b.NamePos, "$count"); err != nil {
		return err
	}
	if b.Value && sc.caps.Count != nil && sc.caps.Count.Countable == False {
		return errAt(int(b.NamePos), "$count is not supported on %s (CountRestrictions Countable false)", sc.where)
	}
	return nil
}

// searchOption checks $search on the level: it applies to collections,
// needs SearchRestrictions Searchable not false, and refuses each
// construct listed in UnsupportedExpressions: any parentheses (at the
// first group), AND and OR (at the operator, including the implicit AND of
// terms side by side), NOT and phrases, in a left-to-right walk of the
// tree. Without SearchRestrictions everything is accepted.
func (c *checker) searchOption(sc *scope, s *SearchOption) *Error {
	if err := c.collectionOnly(sc, s.NamePos, "$search"); err != nil {
		return err
	}
	sr := sc.caps.Search
	if sr == nil {
		return nil
	}
	if sr.Searchable == False {
		return errAt(int(s.NamePos), "$search is not supported on %s (SearchRestrictions Searchable false)", sc.where)
	}
	un := sr.UnsupportedExpressions
	if un == 0 {
		return nil
	}
	if un&SearchExprGroup != 0 && len(s.Groups) > 0 {
		return errAt(int(s.Groups[0]), "parentheses are not supported in $search on %s (SearchRestrictions UnsupportedExpressions group)", sc.where)
	}
	var err *Error
	var walk func(e SearchExpr)
	walk = func(e SearchExpr) {
		if err != nil {
			return
		}
		switch e := e.(type) {
		case *SearchBinary:
			walk(e.L)
			if err == nil {
				if e.Op == "AND" && un&SearchExprAND != 0 || e.Op == "OR" && un&SearchExprOR != 0 {
					err = errAt(int(e.Pos), "%s is not supported in $search on %s (SearchRestrictions UnsupportedExpressions %s)", e.Op, sc.where, e.Op)
					return
				}
			}
			walk(e.R)
		case *SearchNot:
			if un&SearchExprNOT != 0 {
				err = errAt(int(e.Pos), "NOT is not supported in $search on %s (SearchRestrictions UnsupportedExpressions NOT)", sc.where)
				return
			}
			walk(e.X)
		case *SearchPhrase:
			if un&SearchExprPhrase != 0 {
				err = errAt(int(e.Pos), "phrases are not supported in $search on %s (SearchRestrictions UnsupportedExpressions phrase)", sc.where)
			}
		}
	}
	walk(s.Expr)
	return err
}

func (c *checker) computeOption(sc *scope, co *ComputeOption) *Error {
	if sc.caps.ComputeSupported == False {
		return errAt(int(co.NamePos), "$compute is not supported on %s (ComputeSupported false)", sc.where)
	}
	for _, it := range co.Items {
		if c.m.isStructured(sc.typ) && sc.typ != "" {
			if p := c.m.Types.Property(sc.typ, it.As); p != nil {
				return errAt(int(it.AsPos), "%s already has a property %s", sc.typ, it.As)
			}
		}
		if err := c.pathsExist(sc, it.Expr, nil); err != nil {
			return err
		}
	}
	return nil
}

// pathsExist checks that every property path of e resolves; sortable
// also requires the properties to be sortable.
func (c *checker) pathsExist(sc *scope, e filter.Expr, sortable func(path string, at int) *Error) *Error {
	if !c.m.isStructured(sc.typ) {
		return nil
	}
	return c.walkPaths(sc, sc.typ, e, nil, func(pi pathInfo) *Error {
		if pi.missing != "" {
			return errAt(pi.at, "%s has no property %s", pi.owner, pi.missing)
		}
		if sortable != nil && pi.prop != nil {
			return sortable(pi.path, pi.at)
		}
		return nil
	})
}

// pathInfo describes one property segment of a path in an expression.
type pathInfo struct {
	path    string // property path from the level's type, casts left out
	prop    *filter.Property
	navs    int // navigation properties traversed up to here
	at      int
	owner   string
	missing string // set when owner has no property of that name
	count   bool   // the segment is /$count after path
}

type pathVar struct {
	prefix string
	typ    string
	navs   int
}

// walkPaths calls f for each property segment of each path in e (lambda
// variables stand for their collection's elements).
func (c *checker) walkPaths(sc *scope, root string, e filter.Expr, vars map[string]pathVar, f func(pathInfo) *Error) *Error {
	var err *Error
	filter.Inspect(e, func(n filter.Expr) bool {
		if err != nil {
			return false
		}
		p, ok := n.(*filter.Path)
		if !ok {
			return true
		}
		err = c.walkPath(sc, root, p, vars, f)
		return false
	})
	return err
}

// walkPath follows one path from the level's type root and calls f for
// each property segment, with the property path from root (casts left
// out), the navigation properties traversed so far and the owning type; a
// property the structured type lacks is reported to f as missing, and
// /$count to f as a count of the path so far, which ends the walk. A
// lambda with a predicate walks the predicate, its variable standing for
// the collection's elements (their paths continue the collection's). $it
// and $this restart at root. The walk stops silently, leaving the rest to
// filter.Model.Check, at what it cannot follow: an unknown variable or
// cast type, a $compute name, a segment of a non-structured type, and any
// other segment kind (aliases, functions, keys, $filter(...) segments,
// whose conditions are therefore not walked). f's error ends the walk.
func (c *checker) walkPath(sc *scope, root string, p *filter.Path, vars map[string]pathVar, f func(pathInfo) *Error) *Error {
	cur, prefix, navs := root, "", 0
	for i, s := range p.Segments {
		switch s.Kind {
		case filter.SegVar:
			v, ok := vars[s.Name]
			if !ok {
				return nil
			}
			cur, prefix, navs = v.typ, v.prefix, v.navs
		case filter.SegIt, filter.SegThis:
			cur, prefix, navs = root, "", 0
		case filter.SegCast:
			if c.m.Types.Types[s.Name] == nil {
				return nil
			}
			cur = s.Name
		case filter.SegProperty:
			if i == 0 && sc.computed != nil {
				if _, ok := sc.computed[s.Name]; ok {
					return nil
				}
			}
			prop := c.m.Types.Property(cur, s.Name)
			path := s.Name
			if prefix != "" {
				path = prefix + "/" + s.Name
			}
			if prop == nil {
				if !c.m.isStructured(cur) {
					return nil
				}
				return f(pathInfo{path: path, at: s.Offset(), owner: cur, missing: s.Name})
			}
			if prop.Navigation {
				navs++
			}
			if err := f(pathInfo{path: path, prop: prop, navs: navs, at: s.Offset(), owner: cur}); err != nil {
				return err
			}
			prefix, cur = path, prop.Type
		case filter.SegCount:
			return f(pathInfo{path: prefix, at: s.Offset(), owner: cur, count: true, navs: navs})
		case filter.SegAny, filter.SegAll:
			if s.Pred == nil {
				return nil
			}
			nv := make(map[string]pathVar, len(vars)+1)
			for k, v := range vars {
				nv[k] = v
			}
			nv[s.Var] = pathVar{prefix: prefix, typ: cur, navs: navs}
			return c.walkPaths(sc, root, s.Pred, nv, f)
		default:
			return nil
		}
	}
	return nil
}

// filterOption checks $filter on the level: it applies to collections
// and needs FilterRestrictions Filterable not false. On a collection of
// primitive values nothing more is checked. Otherwise each property path
// (see walkPaths) must not be in NonFilterableProperties nor traverse more
// than MaxLevels navigation properties, a /$count path must pass
// CountRestrictions, and every RequiredProperties entry must be used (the
// error is at the option's value). Last, the expression must pass
// filter.Model.Check against the level's type, with the $compute names of
// the level added as properties filterable with every operator; its
// *filter.Error keeps its offset. So restriction errors come first, even
// when a type error stands earlier in the text.
func (c *checker) filterOption(sc *scope, fo *FilterOption) *Error {
	if err := c.collectionOnly(sc, fo.NamePos, "$filter"); err != nil {
		return err
	}
	fr := sc.caps.Filter
	if fr != nil && fr.Filterable == False {
		return errAt(int(fo.NamePos), "$filter is not supported on %s (FilterRestrictions Filterable false)", sc.where)
	}
	if !c.m.isStructured(sc.typ) {
		return c.valuesFilter(sc, fo) // a collection of primitive values: $this only
	}
	seen := map[string]bool{}
	if err := c.walkPaths(sc, sc.typ, fo.Expr, nil, func(pi pathInfo) *Error {
		if pi.missing != "" {
			return nil // filter.Model.Check reports it
		}
		if pi.count {
			return c.countPath(sc, pi)
		}
		seen[pi.path] = true
		if fr == nil {
			return nil
		}
		if listed(fr.NonFilterableProperties, pi.path) {
			return errAt(pi.at, "%s cannot be used in $filter on %s (FilterRestrictions NonFilterableProperties)", pi.path, sc.where)
		}
		if fr.MaxLevels > 0 && pi.navs > fr.MaxLevels {
			return errAt(pi.at, "this path traverses %d navigation properties; %s allows %d in $filter (FilterRestrictions MaxLevels %d)", pi.navs, sc.where, fr.MaxLevels, fr.MaxLevels)
		}
		return nil
	}); err != nil {
		return err
	}
	if fr != nil {
		for _, req := range fr.RequiredProperties {
			if !seen[stripCasts(req)] {
				return errAt(int(fo.ValuePos), "%s requires %s in $filter (FilterRestrictions RequiredProperties)", sc.where, req)
			}
		}
	}
	model := c.m.Types
	if len(sc.computed) > 0 {
		model = c.overlay(sc)
	}
	if err := model.Check(sc.typ, fo.Expr); err != nil {
		var fe *filter.Error
		if errors.As(err, &fe) {
			return &Error{Offset: fe.Offset, Msg: fe.Msg}
		}
		return errAt(int(fo.ValuePos), "%v", err)
	}
	return nil
}

// valuesFilter checks the $filter of a $select item on a collection of
// primitive values ($select=emails($filter=endswith($this,'.org'))): the
// condition is checked, as the /$filter(...) segment of a path is, with
// $this standing for one value of the item's type, so $this is typed and
// a property name (the values have none) is refused. It is checked in a
// model of one synthetic type whose one property holds the values and
// supports every operator: the resource's FilterRestrictions of the
// property bear on the resource's own $filter, not on this one.
func (c *checker) valuesFilter(sc *scope, fo *FilterOption) *Error {
	if sc.item == "" || fo.Expr == nil {
		return nil
	}
	const owner, name = "$select item", "values"
	at := filter.Pos(fo.ValuePos)
	model := &filter.Model{
		Types: map[string]*filter.Type{owner: {Name: owner, Properties: []*filter.Property{
			{Name: name, Type: sc.item, Collection: true, Filter: &filter.Support{}},
		}}},
		Enums: c.m.Types.Enums, TypeDefs: c.m.Types.TypeDefs,
	}
	wrapped := &filter.Path{Segments: []filter.Segment{
		{Pos: at, Kind: filter.SegProperty, Name: name},
		{Pos: at, Kind: filter.SegFilter, Pred: fo.Expr},
		{Pos: at, Kind: filter.SegAny},
	}}
	if err := model.Check(owner, wrapped); err != nil {
		var fe *filter.Error
		if errors.As(err, &fe) {
			msg := fe.Msg
			if strings.HasPrefix(msg, " is ") { // a path from $this: the values
				msg = "$this" + msg
			}
			return &Error{Offset: fe.Offset, Msg: msg}
		}
		return errAt(int(fo.ValuePos), "%v", err)
	}
	return nil
}

// countPath checks a /$count segment in $filter or $orderby against
// CountRestrictions.
func (c *checker) countPath(sc *scope, pi pathInfo) *Error {
	cr := sc.caps.Count
	if cr == nil {
		return nil
	}
	if listed(cr.NonCountableProperties, pi.path) || listed(cr.NonCountableNavigationProperties, pi.path) {
		return errAt(pi.at, "%s/$count is not supported on %s (CountRestrictions NonCountable%sProperties)", pi.path, sc.where, navWord(listed(cr.NonCountableNavigationProperties, pi.path)))
	}
	return nil
}

func navWord(nav bool) string {
	if nav {
		return "Navigation"
	}
	return ""
}

// overlay returns a filter model in which the level's type also has the
// properties $compute defines, filterable with every operator.
func (c *checker) overlay(sc *scope) *filter.Model {
	base := c.m.Types
	t := base.Types[sc.typ]
	nt := &filter.Type{Name: t.Name, Base: t.Base, Properties: slices.Clone(t.Properties)}
	names := make([]string, 0, len(sc.computed))
	for n := range sc.computed {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		nt.Properties = append(nt.Properties, &filter.Property{Name: n, Type: sc.computed[n], Filter: &filter.Support{Null: true}})
	}
	types := make(map[string]*filter.Type, len(base.Types))
	for k, v := range base.Types {
		types[k] = v
	}
	types[sc.typ] = nt
	return &filter.Model{Types: types, Enums: base.Enums, TypeDefs: base.TypeDefs}
}

func (c *checker) orderByOption(sc *scope, ob *OrderByOption) *Error {
	if err := c.collectionOnly(sc, ob.NamePos, "$orderby"); err != nil {
		return err
	}
	sr := sc.caps.Sort
	if sr != nil && sr.Sortable == False {
		return errAt(int(ob.NamePos), "$orderby is not supported on %s (SortRestrictions Sortable false)", sc.where)
	}
	for _, it := range ob.Items {
		if err := c.orderItem(sc, it); err != nil {
			return err
		}
	}
	return nil
}

// sortable checks that the property path may be sorted by.
func (c *checker) sortable(sc *scope, path string, prop *filter.Property, owner string, at int) *Error {
	if f := c.m.property(owner, prop.Name); f != nil && f.Sort == False {
		return errAt(at, "%s cannot be used in $orderby (the property is not sortable)", path)
	}
	if sr := sc.caps.Sort; sr != nil && listed(sr.NonSortableProperties, path) {
		return errAt(at, "%s cannot be used in $orderby on %s (SortRestrictions NonSortableProperties)", path, sc.where)
	}
	return nil
}

// orderItem checks one $orderby item of a structured level (on primitive
// values nothing is checked). An item that is not a plain path of
// properties, casts and /$count only needs every property path inside it
// to exist and be sortable. A plain path must name, through single-valued
// properties and known casts, a property that is sortable at every step
// (Sort not false, not in NonSortableProperties) and ends single-valued
// and primitive, or a collection followed by /$count (which must pass
// CountRestrictions); the direction must then suit
// AscendingOnlyProperties and DescendingOnlyProperties. A $compute name
// alone is accepted as it is; a path of casts only is accepted.
func (c *checker) orderItem(sc *scope, it *OrderItem) *Error {
	if !c.m.isStructured(sc.typ) {
		return nil
	}
	p, plain := it.Expr.(*filter.Path)
	if plain {
		for _, s := range p.Segments {
			if s.Kind != filter.SegProperty && s.Kind != filter.SegCast && s.Kind != filter.SegCount {
				plain = false
			}
		}
	}
	if !plain {
		return c.walkPaths(sc, sc.typ, it.Expr, nil, func(pi pathInfo) *Error {
			if pi.missing != "" {
				return errAt(pi.at, "%s has no property %s", pi.owner, pi.missing)
			}
			if pi.count {
				return c.countPath(sc, pi)
			}
			return c.sortable(sc, pi.path, pi.prop, pi.owner, pi.at)
		})
	}
	cur, path := sc.typ, ""
	var last *filter.Property
	lastAt := int(it.Pos)
	for i, s := range p.Segments {
		switch s.Kind {
		case filter.SegCast:
			if c.m.Types.Types[s.Name] == nil {
				return errAt(s.Offset(), "%s is no type of the model", s.Name)
			}
			cur = s.Name
			continue
		case filter.SegCount:
			if last == nil || !last.Collection {
				return errAt(s.Offset(), "/$count needs a collection")
			}
			if err := c.countPath(sc, pathInfo{path: path, at: s.Offset()}); err != nil {
				return err
			}
			return c.direction(sc, it, path+"/$count")
		}
		if i == 0 && sc.computed != nil {
			if _, ok := sc.computed[s.Name]; ok && len(p.Segments) == 1 {
				return nil
			}
		}
		if last != nil && last.Collection {
			return errAt(lastAt, "cannot sort by %s: it is a collection (sort by %s/$count, or filter it)", path, path)
		}
		prop := c.m.Types.Property(cur, s.Name)
		if prop == nil {
			return errAt(s.Offset(), "%s has no property %s", cur, s.Name)
		}
		if path == "" {
			path = s.Name
		} else {
			path += "/" + s.Name
		}
		if err := c.sortable(sc, path, prop, cur, s.Offset()); err != nil {
			return err
		}
		last, lastAt, cur = prop, s.Offset(), prop.Type
	}
	if last == nil {
		return nil
	}
	if last.Collection {
		return errAt(lastAt, "cannot sort by %s: it is a collection (sort by %s/$count)", path, path)
	}
	if c.m.isStructured(last.Type) {
		return errAt(lastAt, "cannot sort by %s: it is a structured value; sort by one of its properties", path)
	}
	return c.direction(sc, it, path)
}

// direction checks AscendingOnlyProperties and DescendingOnlyProperties.
func (c *checker) direction(sc *scope, it *OrderItem, path string) *Error {
	sr := sc.caps.Sort
	if sr == nil {
		return nil
	}
	if it.Desc && listed(sr.AscendingOnlyProperties, path) {
		return errAt(int(it.DirPos), "%s can only be sorted ascending on %s (SortRestrictions AscendingOnlyProperties): drop desc", path, sc.where)
	}
	if !it.Desc && listed(sr.DescendingOnlyProperties, path) {
		return errAt(int(it.DirPos), "%s can only be sorted descending on %s (SortRestrictions DescendingOnlyProperties): add desc", path, sc.where)
	}
	return nil
}

func (c *checker) selectOption(sc *scope, sel *SelectOption) *Error {
	if ss := sc.caps.Select; ss != nil && ss.Supported == False {
		return errAt(int(sel.NamePos), "$select is not supported on %s (SelectSupport Supported false)", sc.where)
	}
	if sc.primitive {
		return errAt(int(sel.NamePos), "$select does not apply to a collection of primitive values")
	}
	for _, it := range sel.Items {
		if err := c.selectItem(sc, it); err != nil {
			return err
		}
	}
	return nil
}

// selectItem checks one $select item, walking its path from the level's
// type. Nothing may follow a primitive or a navigation property (the
// latter belongs in $expand). "*" ends the item; ns.* needs a known
// namespace; an annotation needs SelectSupport
// InstanceAnnotationsSupported true when SelectSupport is given. A
// qualified name is a cast when it names a type, which must derive from
// the current one, and otherwise an action or function: it must be last,
// in a known namespace, without options. A $compute name must stand alone.
// Every property must exist and not be marked Select false; the simple
// name of exactly one type derived from the current one may stand as a
// cast before a further segment.
//
// Options are allowed only after a structural property that is complex or
// a collection, a primitive collection taking no $select or $compute; when
// SelectSupport is given, each option needs its flag true (an unset flag
// refuses it). They are checked in a child scope of the property's type
// that has no capabilities, no expand depth and no MaxLevels of its own,
// so restrictions of the enclosing level do not reach into them.
func (c *checker) selectItem(sc *scope, it *Item) *Error {
	cur := sc.typ
	var prop *filter.Property
	path := ""
	for i, s := range it.Path {
		last := i == len(it.Path)-1
		at := int(s.Pos)
		if prop != nil && !c.m.isStructured(prop.Type) {
			return errAt(at, "%s is a primitive value; nothing can follow it", path)
		}
		if prop != nil && prop.Navigation {
			return errAt(at, "%s is a navigation property: select its properties with $expand=%s($select=...)", path, path)
		}
		switch s.Kind {
		case SegStar:
			return nil
		case SegAllOperations:
			if !c.m.namespaceKnown(s.Name) {
				return errAt(at, "no type or operation of the model is in the namespace %s", s.Name)
			}
			return nil
		case SegAnnotation:
			if ss := sc.caps.Select; ss != nil && ss.InstanceAnnotationsSupported != True {
				return errAt(at, "annotations in $select are not supported on %s (SelectSupport InstanceAnnotationsSupported false)", sc.where)
			}
			return nil // annotations are not in the model
		case SegQualified:
			if c.m.Types.Types[s.Name] != nil {
				if !c.m.derives(s.Name, cur) {
					return errAt(at, "%s does not derive from %s", s.Name, cur)
				}
				cur, prop = s.Name, nil
				continue
			}
			ns := s.Name[:strings.LastIndexByte(s.Name, '.')]
			if !last || !c.m.namespaceKnown(ns) {
				return errAt(at, "%s is no type of the model", s.Name)
			}
			if it.Options != nil {
				return errAt(at, "an operation takes no options")
			}
			return nil // an action or function: the model has no operations
		}
		if i == 0 && sc.computed != nil {
			if _, ok := sc.computed[s.Name]; ok {
				if it.Options != nil || !last {
					return errAt(at, "%s is computed; nothing can follow it", s.Name)
				}
				return nil
			}
		}
		p := c.m.Types.Property(cur, s.Name)
		if p == nil {
			if t := c.m.castTarget(cur, s.Name); t != "" && !last {
				cur, prop = t, nil
				continue
			}
			return errAt(at, "%s has no property %s", cur, s.Name)
		}
		if f := c.m.property(cur, s.Name); f != nil && f.Select == False {
			return errAt(at, "%s cannot be used in $select (the property is not selectable)", s.Name)
		}
		if path == "" {
			path = s.Name
		} else {
			path += "/" + s.Name
		}
		prop, cur = p, p.Type
	}
	if it.Options == nil || prop == nil {
		if it.Options != nil {
			return errAt(int(it.Pos), "only a property takes options in $select")
		}
		return nil
	}
	o := it.Options
	optAt := firstOptionPos(o)
	if prop.Navigation {
		return errAt(optAt, "options on the navigation property %s belong in $expand=%s(...)", path, path)
	}
	primitive := !c.m.isStructured(prop.Type)
	if primitive && !prop.Collection {
		return errAt(optAt, "%s is a single primitive value; it takes no options", path)
	}
	if primitive && (o.Select != nil || o.Compute != nil) {
		at, ok := o.present(optSelect)
		if !ok {
			at = o.Compute.NamePos
		}
		return errAt(int(at), "%s is a collection of primitive values: only $filter, $search, $count, $orderby, $skip and $top apply", path)
	}
	if ss := sc.caps.Select; ss != nil {
		for _, f := range []struct {
			k    optKind
			flag Bool
			name string
		}{
			{optFilter, ss.Filterable, "Filterable"},
			{optSearch, ss.Searchable, "Searchable"},
			{optTop, ss.TopSupported, "TopSupported"},
			{optSkip, ss.SkipSupported, "SkipSupported"},
			{optCompute, ss.ComputeSupported, "ComputeSupported"},
			{optCount, ss.Countable, "Countable"},
			{optOrderBy, ss.Sortable, "Sortable"},
		} {
			if at, on := o.present(f.k); on && f.flag != True {
				return errAt(int(at), "%s inside $select is not supported on %s (SelectSupport %s false)", f.k, sc.where, f.name)
			}
		}
	}
	child := &scope{typ: prop.Type, collection: prop.Collection, primitive: primitive, value: true,
		where: sc.where + "/" + path, itemPos: int(it.Pos)}
	if primitive {
		child.typ, child.item = "", prop.Type
	}
	return c.options(child, o)
}

// firstOptionPos returns the offset of the first option of o.
func firstOptionPos(o *Options) int {
	first := -1
	for k := optSelect; k < optMax; k++ {
		if p, ok := o.present(k); ok && (first < 0 || int(p) < first) {
			first = int(p)
		}
	}
	for _, a := range o.Aliases {
		if first < 0 || int(a.NamePos) < first {
			first = int(a.NamePos)
		}
	}
	return max(first, 0)
}

func (c *checker) expandOption(sc *scope, ex *ExpandOption) *Error {
	if sc.primitive {
		return errAt(int(ex.NamePos), "$expand does not apply to primitive values")
	}
	er := sc.caps.Expand
	if er != nil && er.Expandable == False {
		return errAt(int(ex.NamePos), "$expand is not supported on %s (ExpandRestrictions Expandable false)", sc.where)
	}
	limits := sc.limits
	if er != nil && er.MaxLevels > 0 {
		limits = append(slices.Clip(limits), levelLimit{max: er.MaxLevels, base: sc.depth, where: sc.where})
	}
	for _, it := range ex.Items {
		if err := c.expandItem(sc, it, limits); err != nil {
			return err
		}
	}
	return nil
}

// expandItem checks one $expand item. Its path leads, through complex
// properties and casts (a qualified type deriving from the current one, or
// the simple name of exactly one such type), to one navigation property,
// after which only casts, /$ref, /$count and options may follow. $value
// and annotation items, and stream properties, are accepted unchecked, and a
// "*" item is checked only for its expand depth; its options are not
// checked. The navigation property must not be marked Expand false nor be
// in the level's NonExpandableProperties; /$count needs a collection that
// the level's NonCountableNavigationProperties and the target's
// Countable allow. The options are checked in a child scope: the target
// type (after casts), one expand level deeper, with the capabilities
// capsFor gives the path (entity set steps, owner and property). limits
// are the MaxLevels in force, which levels checks.
func (c *checker) expandItem(sc *scope, it *Item, limits []levelLimit) *Error {
	cur := sc.typ
	var nav *filter.Property
	var navAt int
	owner, navPath := "", ""
	path := ""
	star, count := false, false
	for _, s := range it.Path {
		at := int(s.Pos)
		switch s.Kind {
		case SegValue, SegAnnotation:
			return nil // the media resource, annotations: not in the model
		case SegStar:
			star = true
			continue
		case SegRef:
			continue
		case SegCount:
			count = true
			continue
		case SegQualified:
			if c.m.Types.Types[s.Name] == nil {
				return errAt(at, "%s is no type of the model", s.Name)
			}
			if !c.m.derives(s.Name, cur) {
				return errAt(at, "%s does not derive from %s", s.Name, cur)
			}
			cur = s.Name
			continue
		}
		if nav != nil {
			return errAt(at, "%s is a navigation property: only a type cast, /$ref, /$count or options may follow it", navPath)
		}
		p := c.m.Types.Property(cur, s.Name)
		if p == nil {
			if t := c.m.castTarget(cur, s.Name); t != "" {
				cur = t
				continue
			}
			return errAt(at, "%s has no property %s", cur, s.Name)
		}
		if path == "" {
			path = s.Name
		} else {
			path += "/" + s.Name
		}
		switch {
		case p.Navigation:
			nav, navAt, owner, navPath = p, at, cur, path
			cur = p.Type
		case c.m.isStructured(p.Type):
			cur = p.Type
		case p.Type == "Edm.Stream":
			return nil // a stream property (4.01)
		default:
			return errAt(at, "%s is not a navigation property; $expand takes navigation properties (select %s with $select)", path, path)
		}
	}
	if star {
		return c.levels(sc, it, limits, nil)
	}
	if nav == nil {
		return errAt(int(it.Pos), "the $expand item %s names no navigation property", path)
	}
	if f := c.m.property(owner, nav.Name); f != nil && f.Expand == False {
		return errAt(navAt, "%s cannot be expanded (the navigation property is not expandable)", navPath)
	}
	if er := sc.caps.Expand; er != nil && listed(er.NonExpandableProperties, navPath) {
		return errAt(navAt, "%s cannot be expanded on %s (ExpandRestrictions NonExpandableProperties)", navPath, sc.where)
	}
	var steps []string
	if sc.steps != nil {
		steps = append(slices.Clip(sc.steps), navPath)
	}
	child := &scope{typ: cur, collection: nav.Collection, where: sc.where + "/" + navPath,
		steps: steps, depth: sc.depth + 1, itemPos: int(it.Pos), limits: limits}
	child.caps = c.m.capsFor(steps, owner, nav.Name)
	if count {
		if !nav.Collection {
			return errAt(navAt, "%s/$count needs a collection-valued navigation property", navPath)
		}
		if cr := sc.caps.Count; cr != nil && listed(cr.NonCountableNavigationProperties, navPath) {
			return errAt(navAt, "%s/$count is not supported on %s (CountRestrictions NonCountableNavigationProperties)", navPath, sc.where)
		}
		if cr := child.caps.Count; cr != nil && cr.Countable == False {
			return errAt(navAt, "%s/$count is not supported (CountRestrictions Countable false)", child.where)
		}
	}
	if err := c.levels(sc, it, limits, child); err != nil {
		return err
	}
	if it.Options == nil {
		return nil
	}
	return c.options(child, it.Options)
}

// levels checks the depth of an expanded item against the MaxLevels in
// force, and sets the child's depth.
func (c *checker) levels(sc *scope, it *Item, limits []levelLimit, child *scope) *Error {
	n := 1
	at := int(it.Pos)
	isMax := false
	if it.Options != nil && it.Options.Levels != nil {
		l := it.Options.Levels
		at = int(l.ValuePos)
		if l.Max {
			isMax = true
		} else if l.Value > 1<<20 {
			n = 1 << 20
		} else {
			n = int(l.Value)
		}
	}
	depth := sc.depth + n
	for _, l := range limits {
		if isMax {
			return errAt(at, "$levels=max is not allowed: %s allows %d levels of $expand (ExpandRestrictions MaxLevels %d)", l.where, l.max, l.max)
		}
		if depth-l.base > l.max {
			return errAt(at, "$expand goes %d levels deep here; %s allows %d (ExpandRestrictions MaxLevels %d)", depth-l.base, l.where, l.max, l.max)
		}
	}
	if child != nil {
		child.depth = depth
	}
	return nil
}

// customOptions checks required custom query options.
func (c *checker) customOptions() *Error {
	var params []CustomParameter
	if rd := c.r.caps.Read; rd != nil {
		params = rd.CustomQueryOptions
		if c.r.byKey && rd.ReadByKey != nil {
			params = rd.ReadByKey.CustomQueryOptions
		}
	}
	if cont := c.m.Resources[""]; cont != nil {
		params = append(slices.Clip(params), cont.CustomQueryOptions...)
	}
	for _, p := range params {
		if !p.Required && !c.requiredBy(p) {
			continue
		}
		found := false
		for _, cu := range c.q.Custom {
			if cu.Name == p.Name {
				found = true
			}
		}
		if !found {
			return errAt(c.end, "%s requires the custom query option %s (ReadRestrictions CustomQueryOptions)", c.r.display, p.Name)
		}
	}
	return nil
}

func (c *checker) requiredBy(p CustomParameter) bool {
	for _, o := range p.RequiredWith {
		if c.has(o) {
			return true
		}
	}
	return false
}

// has reports whether the top level of the query uses the option opt
// ("$search"; for "$count" $count=true or a /$count segment).
func (c *checker) has(opt string) bool {
	q := c.q
	switch lookupOption(opt, false) {
	case optSelect:
		return q.Select != nil
	case optExpand:
		return q.Expand != nil
	case optFilter:
		return q.Filter != nil
	case optSearch:
		return q.Search != nil
	case optOrderBy:
		return q.OrderBy != nil
	case optTop:
		return q.Top != nil
	case optSkip:
		return q.Skip != nil
	case optCount:
		return q.Count != nil && q.Count.Value || c.r.count
	case optCompute:
		return q.Compute != nil
	case optSkipToken:
		return q.SkipToken != nil
	case optDeltaToken:
		return q.DeltaToken != nil
	case optFormat:
		return q.Format != nil
	}
	return false
}

// headers lists the custom headers the metadata names for the resource:
// ReadRestrictions CustomHeaders (those of ReadByKeyRestrictions instead,
// when the entity is addressed by key and they are given), then the
// entity container's, the first of each name (in any case) kept. A header
// is Required when the metadata says so or when the top level of the query
// uses one of its RequiredWith options, which are listed in Because; they
// are listed even when the header is required anyway.
func (c *checker) headers() []Header {
	var params []CustomParameter
	if rd := c.r.caps.Read; rd != nil {
		params = rd.CustomHeaders
		if c.r.byKey && rd.ReadByKey != nil {
			params = rd.ReadByKey.CustomHeaders
		}
	}
	if cont := c.m.Resources[""]; cont != nil {
		params = append(slices.Clip(params), cont.CustomHeaders...)
	}
	var out []Header
	seen := map[string]bool{}
	for _, p := range params {
		key := strings.ToLower(p.Name)
		if seen[key] {
			continue
		}
		seen[key] = true
		h := Header{Name: p.Name, Required: p.Required, Description: p.Description,
			DocumentationURL: p.DocumentationURL, ExampleValues: p.ExampleValues}
		for _, o := range p.RequiredWith {
			if !p.Required && c.has(o) { // Because stays empty for an always-required header
				h.Required = true
				h.Because = append(h.Because, o)
			}
		}
		out = append(out, h)
	}
	return out
}

// inferType returns the Edm type of a $compute expression where it is
// obvious, "Edm.Untyped" otherwise.
func (c *checker) inferType(sc *scope, e filter.Expr) string {
	const unknown = "Edm.Untyped"
	switch e := e.(type) {
	case *filter.Literal:
		switch e.Kind {
		case filter.LitBoolean:
			return "Edm.Boolean"
		case filter.LitInt:
			return "Edm.Int64"
		case filter.LitDecimal:
			return "Edm.Decimal"
		case filter.LitDouble:
			return "Edm.Double"
		case filter.LitString:
			return "Edm.String"
		case filter.LitDate:
			return "Edm.Date"
		case filter.LitDateTimeOffset:
			return "Edm.DateTimeOffset"
		case filter.LitTimeOfDay:
			return "Edm.TimeOfDay"
		case filter.LitDuration:
			return "Edm.Duration"
		case filter.LitGuid:
			return "Edm.Guid"
		case filter.LitEnum:
			return e.Type
		}
	case *filter.Path:
		cur := sc.typ
		var last *filter.Property
		for _, s := range e.Segments {
			switch s.Kind {
			case filter.SegProperty:
				if !c.m.isStructured(cur) {
					return unknown
				}
				last = c.m.Types.Property(cur, s.Name)
				if last == nil {
					return unknown
				}
				cur = last.Type
			case filter.SegCast:
				cur = s.Name
			case filter.SegCount:
				return "Edm.Int64"
			default:
				return unknown
			}
		}
		if last != nil && !last.Collection && !c.m.isStructured(last.Type) {
			if u := c.m.Types.TypeDefs[last.Type]; u != "" {
				return u
			}
			return last.Type
		}
	case *filter.Unary:
		if e.Op == "not" {
			return "Edm.Boolean"
		}
		return c.inferType(sc, e.X)
	case *filter.Binary:
		switch e.Op {
		case "add", "sub", "mul", "div", "divby", "mod":
			l, r := c.inferType(sc, e.L), c.inferType(sc, e.R)
			if l == "Edm.Double" || r == "Edm.Double" || l == "Edm.Single" || r == "Edm.Single" {
				return "Edm.Double"
			}
			if isNumeric(l) && isNumeric(r) {
				return "Edm.Decimal"
			}
			return unknown
		}
		return "Edm.Boolean"
	case *filter.Call:
		switch e.Name {
		case "contains", "endswith", "startswith", "hassubset", "hassubsequence", "geo.intersects", "isof", "matchesPattern":
			return "Edm.Boolean"
		case "indexof", "length", "year", "month", "day", "hour", "minute", "second", "totaloffsetminutes":
			return "Edm.Int32"
		case "fractionalseconds", "totalseconds":
			return "Edm.Decimal"
		case "concat", "tolower", "toupper", "trim", "substring":
			return "Edm.String"
		case "date":
			return "Edm.Date"
		case "time":
			return "Edm.TimeOfDay"
		case "now", "mindatetime", "maxdatetime":
			return "Edm.DateTimeOffset"
		case "geo.distance", "geo.length":
			return "Edm.Double"
		case "round", "floor", "ceiling":
			if len(e.Args) == 1 {
				return c.inferType(sc, e.Args[0])
			}
		case "cast":
			if len(e.Args) > 0 {
				if t, ok := e.Args[len(e.Args)-1].(*filter.TypeName); ok && !strings.HasPrefix(t.Name, "Collection(") {
					return t.Name
				}
			}
		}
	}
	return unknown
}

func isNumeric(t string) bool {
	switch t {
	case "Edm.Byte", "Edm.SByte", "Edm.Int16", "Edm.Int32", "Edm.Int64", "Edm.Decimal", "Edm.Single", "Edm.Double":
		return true
	}
	return false
}
