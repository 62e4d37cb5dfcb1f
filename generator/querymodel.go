package generator

import (
	"strings"

	"github.com/odatagen/odatagen/spec"
	"github.com/odatagen/odatagen/validate/query"
)

// QueryModel builds the query capability model of validate/query from the
// resolved spec: the types and their $filter support (FilterModel), the
// entity sets and singletons with their navigation property bindings, and
// the Capabilities vocabulary terms the CSDL reader records
// (csdl.ReadWith), keyed as query.Model.Resources says: the set or
// singleton name, "set/path" for an annotated navigation path from it (type
// casts dropped), "ns.type/nav" for a navigation property of a type, and
// "" for the entity container. Terms annotated on an entity type (as
// Microsoft Graph does for the collections of it) fill in what the entity
// sets and navigation properties of that type leave unstated. What docs
// pages say per property (spec.Property.Query) becomes Model.Properties;
// see docsProperties for how and where the CSDL wins over it.
func QueryModel(s *spec.Spec) (*query.Model, error) {
	m, _, err := spec.Resolve(s, spec.ResolveOptions{})
	if err != nil {
		return nil, err
	}
	qm := &query.Model{
		Types:      filterModel(m),
		EntitySets: map[string]*query.EntitySet{},
		Resources:  map[string]*query.Capabilities{},
	}
	typeCaps := map[string]*spec.Capabilities{}
	for _, t := range m.Types {
		if !t.Capabilities.IsZero() {
			typeCaps[t.QualifiedName()] = t.Capabilities
			// For a check against the type alone (query.CheckType).
			if c := queryCaps(t.Capabilities, nil); c != nil {
				qm.Resources[t.QualifiedName()] = c
			}
		}
	}
	for _, es := range s.EntitySets {
		if es == nil || qm.EntitySets[es.Name] != nil || qm.Types.Types[es.Type] == nil {
			continue
		}
		qm.EntitySets[es.Name] = &query.EntitySet{Name: es.Name, Type: es.Type, Singleton: es.Singleton}
	}
	for _, es := range s.EntitySets {
		qs := qm.EntitySets[es.Name]
		if qs == nil || qs.Type != es.Type {
			continue
		}
		for _, b := range es.Bindings {
			target := b.Target
			if i := strings.LastIndexByte(target, '/'); i >= 0 && strings.Contains(target[:i], ".") && !strings.Contains(target[:i], "/") {
				target = target[i+1:] // ns.Container/set
			}
			if qm.EntitySets[target] != nil {
				qs.Bindings = append(qs.Bindings, query.Binding{Path: b.Path, Target: target})
			}
		}
		if c := queryCaps(es.Capabilities, typeCaps[es.Type]); c != nil {
			qm.Resources[es.Name] = c
		}
		for _, p := range es.Paths {
			if c := queryCaps(p.Capabilities, nil); c != nil {
				qm.Resources[es.Name+"/"+withoutCasts(p.Path)] = c
			}
		}
	}
	for _, t := range m.Types {
		for _, p := range t.NavigationProperties {
			if c := queryCaps(p.Capabilities, typeCaps[p.Type.Name]); c != nil {
				qm.Resources[t.QualifiedName()+"/"+p.Name] = c
			}
		}
		for _, ip := range t.InheritedNavigation {
			var target string
			for _, p := range t.Props {
				if p.Nav && p.Name == ip.Path {
					target = p.Type.Name
				}
			}
			if target == "" {
				continue
			}
			if c := queryCaps(ip.Capabilities, typeCaps[target]); c != nil {
				qm.Resources[t.QualifiedName()+"/"+ip.Path] = c
			}
		}
	}
	if c := queryCaps(s.Container, nil); c != nil {
		qm.Resources[""] = c
	}
	qm.Properties = docsProperties(m, csdlSorted(m, s, qm))
	return qm, nil
}

// docsProperties turns what docs pages say of each property's query
// options (spec.Property.Query) into query.Model.Properties, keyed by the
// type whose flattened property it is:
//
//   - "Returned only on $select" sets SelectOnly (and Select, since the
//     property can be selected); "Supports $select" sets Select True, and
//     "Supports $expand" on a navigation property Expand True. These are
//     statements of support: they never refuse anything.
//   - $orderby: a type whose docs state "Supports $orderby" for some of
//     its own structural properties (Microsoft Graph's pages do this for
//     the few a service can sort by: a user's displayName, not its
//     jobTitle) makes its docs the list of its sortable properties, and
//     of its derived types' (whose pages say nothing of sorting, or list
//     their own): each single-valued primitive (or enum) property of the
//     flattened type gets Sort True when its declaration says so and
//     False when not, so
//     that Check refuses an $orderby the service would answer with a 400,
//     and the typed $orderby builder (generator/query.go), which drops
//     fields whose Sort is False, agrees with it. Complex, collection and
//     navigation properties are left alone (Check refuses sorting by a
//     collection or a structured value anyway).
//
// The CSDL wins over the docs for sorting: where sorted says that some
// SortRestrictions term applies to collections of the type or of one of
// its base types, the docs' $orderby phrases are not used for it at all
// (neither True nor False), and the annotation alone decides. The docs
// are prose, sometimes behind the service; an annotation is the service's
// own statement. The choice is per type, not per resource, because the
// builders that must agree with Check are per type too.
func docsProperties(m *spec.Model, sorted map[string]bool) map[string]*query.Property {
	type typeFlags struct{ csdlSorts, listsSort bool }
	flagsOf := map[*spec.Type]typeFlags{}
	flags := func(t *spec.Type) typeFlags {
		if f, ok := flagsOf[t]; ok {
			return f
		}
		var f typeFlags
		for _, c := range t.Chain {
			f.csdlSorts = f.csdlSorts || sorted[c.QualifiedName()]
			for _, p := range c.Props {
				if !p.Nav && p.Owner == c && p.Query.Supports(spec.OptOrderBy) {
					f.listsSort = true
				}
			}
		}
		flagsOf[t] = f
		return f
	}
	// want is what the checker should find for p on t.
	want := func(t *spec.Type, p *spec.Prop) query.Property {
		var qp query.Property
		if q := p.Query; q != nil {
			if q.SelectOnly() {
				qp.SelectOnly, qp.Select = true, query.True
			}
			if q.Supports(spec.OptSelect) {
				qp.Select = query.True
			}
			if p.Nav && q.Supports(spec.OptExpand) {
				qp.Expand = query.True
			}
		}
		if f := flags(t); !f.csdlSorts && !p.Nav {
			switch {
			case p.Query.Supports(spec.OptOrderBy):
				qp.Sort = query.True
			case f.listsSort && !p.Type.Collection && m.Type(p.Type.Name) == nil:
				qp.Sort = query.False
			}
		}
		return qp
	}
	propsOf := map[*spec.Type]map[string]*spec.Prop{}
	propOf := func(t *spec.Type, name string) *spec.Prop {
		ps, ok := propsOf[t]
		if !ok {
			ps = make(map[string]*spec.Prop, len(t.Props))
			for _, p := range t.Props {
				if ps[p.Name] == nil {
					ps[p.Name] = p
				}
			}
			propsOf[t] = ps
		}
		return ps[name]
	}
	out := map[string]*query.Property{}
	for _, t := range m.Types {
		for _, p := range t.Props {
			qp := want(t, p)
			// The checker looks a property up along the base chain, the
			// typed builders (generator/query.go) on the type and then on
			// the type that first declares it. So a property that a base
			// type has too needs an entry here only where its facts differ
			// from the base's or the first declarer's (by induction, both
			// lookups then find this type's facts), and another one only
			// where it has facts.
			var base, first query.Property
			if t.Base != nil {
				if bp := propOf(t.Base, p.Name); bp != nil {
					base = want(t.Base, bp)
				}
			}
			if d := p.DeclaredBy; d != nil && d != t {
				if dp := propOf(d, p.Name); dp != nil {
					first = want(d, dp)
				}
			}
			if qp == base && qp == first {
				continue
			}
			qp.Type, qp.Name = t.QualifiedName(), p.Name
			out[qp.Type+"/"+qp.Name] = &qp
		}
	}
	if len(out) == 0 {
		return nil
	}
	return out
}

// csdlSorted returns the qualified names of the types whose collections
// some SortRestrictions term of the CSDL applies to: annotated on the type
// itself, on an entity set of the type, on a navigation property or a
// navigation path from an entity set that leads to it, in a
// NavigationRestrictions entry for a navigation property that leads to it,
// or on the container (which then applies to every type).
func csdlSorted(m *spec.Model, s *spec.Spec, qm *query.Model) map[string]bool {
	sorted := map[string]bool{}
	if c := qm.Resources[""]; c != nil && c.Sort != nil {
		for _, t := range m.Types {
			sorted[t.QualifiedName()] = true
		}
		return sorted
	}
	// restricted marks the targets of NavigationRestrictions entries that
	// state sorting, the navigation paths starting at type from.
	restricted := func(from string, c *spec.Capabilities) {
		if c == nil || c.Navigation == nil {
			return
		}
		for _, rp := range c.Navigation.RestrictedProperties {
			if rp.Capabilities.Sort != nil {
				if target := pathTarget(m, from, rp.NavigationProperty); target != "" {
					sorted[target] = true
				}
			}
		}
	}
	for _, t := range m.Types {
		if t.Capabilities != nil && t.Capabilities.Sort != nil {
			sorted[t.QualifiedName()] = true
		}
		restricted(t.QualifiedName(), t.Capabilities)
		for _, p := range t.NavigationProperties {
			if p.Capabilities != nil && p.Capabilities.Sort != nil {
				sorted[p.Type.Name] = true
			}
			restricted(p.Type.Name, p.Capabilities)
		}
		for _, ip := range t.InheritedNavigation {
			if ip.Capabilities != nil && ip.Capabilities.Sort != nil {
				if target := pathTarget(m, t.QualifiedName(), ip.Path); target != "" {
					sorted[target] = true
				}
			}
		}
	}
	for _, es := range s.EntitySets {
		if es == nil {
			continue
		}
		if es.Capabilities != nil && es.Capabilities.Sort != nil {
			sorted[es.Type] = true
		}
		restricted(es.Type, es.Capabilities)
		for _, p := range es.Paths {
			if p.Capabilities != nil && p.Capabilities.Sort != nil {
				if target := pathTarget(m, es.Type, p.Path); target != "" {
					sorted[target] = true
				}
			}
		}
	}
	return sorted
}

// pathTarget returns the qualified name of the type a navigation path
// from type from leads to ("manager", "microsoft.graph.user/manager",
// "messages/attachments"), or "" when it leads nowhere the model knows.
func pathTarget(m *spec.Model, from, path string) string {
	cur := from
	for seg := range strings.SplitSeq(path, "/") {
		if strings.Contains(seg, ".") {
			cur = seg // a cast
			continue
		}
		t := m.Type(cur)
		if t == nil {
			return ""
		}
		next := ""
		for _, p := range t.Props {
			if p.Name == seg {
				next = p.Type.Name
			}
		}
		if next == "" {
			return ""
		}
		cur = next
	}
	if m.Type(cur) == nil {
		return ""
	}
	return cur
}

// withoutCasts drops the qualified segments of a path.
func withoutCasts(path string) string {
	var parts []string
	for seg := range strings.SplitSeq(path, "/") {
		if !strings.Contains(seg, ".") {
			parts = append(parts, seg)
		}
	}
	return strings.Join(parts, "/")
}

// queryCaps converts the capabilities of an element, with those of its
// type filling what it leaves unstated; nil when neither states anything.
func queryCaps(own, typ *spec.Capabilities) *query.Capabilities {
	if own.IsZero() && typ.IsZero() {
		return nil
	}
	c := convCaps(own)
	if t := convCaps(typ); t != nil {
		if c == nil {
			return t
		}
		fill := func(dst *query.Bool, v query.Bool) {
			if *dst == query.Default {
				*dst = v
			}
		}
		c.Filter = orPtr(c.Filter, t.Filter)
		c.Sort = orPtr(c.Sort, t.Sort)
		c.Expand = orPtr(c.Expand, t.Expand)
		c.Select = orPtr(c.Select, t.Select)
		c.Search = orPtr(c.Search, t.Search)
		c.Count = orPtr(c.Count, t.Count)
		c.Navigation = orPtr(c.Navigation, t.Navigation)
		c.Read = orPtr(c.Read, t.Read)
		fill(&c.TopSupported, t.TopSupported)
		fill(&c.SkipSupported, t.SkipSupported)
		fill(&c.ComputeSupported, t.ComputeSupported)
		fill(&c.IndexableByKey, t.IndexableByKey)
	}
	return c
}

func orPtr[T any](a, b *T) *T {
	if a != nil {
		return a
	}
	return b
}

func convBool(b spec.Tristate) query.Bool {
	switch b {
	case spec.Yes:
		return query.True
	case spec.No:
		return query.False
	}
	return query.Default
}

func convCaps(c *spec.Capabilities) *query.Capabilities {
	if c.IsZero() {
		return nil
	}
	var q query.Capabilities
	convInto(&q, c)
	return &q
}

func convInto(q *query.Capabilities, c *spec.Capabilities) {
	if f := c.Filter; f != nil {
		q.Filter = &query.FilterRestrictions{
			Filterable: convBool(f.Filterable), RequiresFilter: convBool(f.RequiresFilter),
			RequiredProperties: f.RequiredProperties, NonFilterableProperties: f.NonFilterableProperties,
			MaxLevels: f.MaxLevels,
		}
	}
	if s := c.Sort; s != nil {
		q.Sort = &query.SortRestrictions{
			Sortable:                 convBool(s.Sortable),
			AscendingOnlyProperties:  s.AscendingOnlyProperties,
			DescendingOnlyProperties: s.DescendingOnlyProperties,
			NonSortableProperties:    s.NonSortableProperties,
		}
	}
	if e := c.Expand; e != nil {
		q.Expand = &query.ExpandRestrictions{Expandable: convBool(e.Expandable),
			NonExpandableProperties: e.NonExpandableProperties, MaxLevels: e.MaxLevels}
	}
	if s := c.Select; s != nil {
		q.Select = &query.SelectSupport{
			Supported: convBool(s.Supported), InstanceAnnotationsSupported: convBool(s.InstanceAnnotationsSupported),
			Expandable: convBool(s.Expandable), Filterable: convBool(s.Filterable), Searchable: convBool(s.Searchable),
			TopSupported: convBool(s.TopSupported), SkipSupported: convBool(s.SkipSupported),
			ComputeSupported: convBool(s.ComputeSupported), Countable: convBool(s.Countable), Sortable: convBool(s.Sortable),
		}
	}
	if s := c.Search; s != nil {
		q.Search = &query.SearchRestrictions{Searchable: convBool(s.Searchable), UnsupportedExpressions: searchExprs(s.UnsupportedExpressions)}
	}
	if n := c.Count; n != nil {
		q.Count = &query.CountRestrictions{Countable: convBool(n.Countable),
			NonCountableProperties: n.NonCountableProperties, NonCountableNavigationProperties: n.NonCountableNavigationProperties}
	}
	if n := c.Navigation; n != nil {
		qn := &query.NavigationRestrictions{Navigability: query.Navigability(n.Navigability)}
		for _, rp := range n.RestrictedProperties {
			e := query.NavigationPropertyRestriction{NavigationProperty: rp.NavigationProperty, Navigability: query.Navigability(rp.Navigability)}
			convInto(&e.Capabilities, &rp.Capabilities)
			qn.RestrictedProperties = append(qn.RestrictedProperties, e)
		}
		q.Navigation = qn
	}
	q.Read = convRead(c.Read)
	q.TopSupported = convBool(c.TopSupported)
	q.SkipSupported = convBool(c.SkipSupported)
	q.ComputeSupported = convBool(c.ComputeSupported)
	q.IndexableByKey = convBool(c.IndexableByKey)
	q.CustomHeaders = convParams(c.CustomHeaders)
	q.CustomQueryOptions = convParams(c.CustomQueryOptions)
}

func convRead(r *spec.ReadRestrictions) *query.ReadRestrictions {
	if r == nil {
		return nil
	}
	return &query.ReadRestrictions{
		Readable:           convBool(r.Readable),
		CustomHeaders:      convParams(r.CustomHeaders),
		CustomQueryOptions: convParams(r.CustomQueryOptions),
		ReadByKey:          convRead(r.ReadByKey),
	}
}

func convParams(ps []*spec.CustomParameter) []query.CustomParameter {
	var out []query.CustomParameter
	for _, p := range ps {
		out = append(out, query.CustomParameter{Name: p.Name, Description: p.Description,
			DocumentationURL: p.DocumentationURL, Required: p.Required,
			ExampleValues: p.ExampleValues, RequiredWith: p.RequiredWith})
	}
	return out
}

// searchExprs converts SearchExpressions member names.
func searchExprs(names []string) query.SearchExpressions {
	var e query.SearchExpressions
	for _, n := range names {
		switch strings.ToLower(n) {
		case "and":
			e |= query.SearchExprAND
		case "or":
			e |= query.SearchExprOR
		case "not":
			e |= query.SearchExprNOT
		case "phrase":
			e |= query.SearchExprPhrase
		case "group":
			e |= query.SearchExprGroup
		}
	}
	return e
}
