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
// sets and navigation properties of that type leave unstated.
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
	return qm, nil
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
