package spec

import "strings"

// This file compares what docs pages say about the query options a
// property supports with what the CSDL's Capabilities annotations say
// (see Drift and CapabilityConflict).

// capSite is an element of the CSDL that carries query capabilities: an
// entity set or singleton, a type, a navigation property, a navigation
// path from an entity set, or a RestrictedProperties entry of a
// NavigationRestrictions annotation. typ is the type behind it, the one
// whose properties its restrictions name.
type capSite struct {
	where string // "entity set vehicles", "type demo.fleet.vehicle", ...
	typ   *StructuredType
	caps  *Capabilities
}

// maxCapNesting bounds how deep RestrictedProperties entries are followed
// (each may carry NavigationRestrictions of its own).
const maxCapNesting = 8

// capSites returns every element of the CSDL side that carries query
// capabilities, with the type behind it, in document order: types (and
// their navigation properties, own and inherited), then entity sets and
// singletons (and their paths), each followed by its RestrictedProperties
// entries. Elements whose type the CSDL does not define are left out.
// The list is built once.
func (d *drifter) capSites() []capSite {
	if d.sites != nil || d.sitesDone {
		return d.sites
	}
	d.sitesDone = true
	add := func(where string, typ *StructuredType, caps *Capabilities) {
		d.addSite(where, typ, caps, 0)
	}
	for _, t := range d.cs.Types {
		if t == nil {
			continue
		}
		q := t.QualifiedName()
		add("type "+q, t, t.Capabilities)
		for _, n := range t.NavigationProperties {
			if n != nil && n.Capabilities != nil {
				add("navigation property "+q+"/"+n.Name, d.csdlType(n.Type.Name), n.Capabilities)
			}
		}
		for _, pc := range t.InheritedNavigation {
			if pc != nil {
				add("navigation property "+q+"/"+pc.Path, d.navTarget(t, pc.Path), pc.Capabilities)
			}
		}
	}
	for _, es := range d.cs.EntitySets {
		if es == nil {
			continue
		}
		what := "entity set "
		if es.Singleton {
			what = "singleton "
		}
		typ := d.csdlType(es.Type)
		add(what+es.Name, typ, es.Capabilities)
		for _, pc := range es.Paths {
			if pc != nil && typ != nil {
				add("path "+es.Name+"/"+pc.Path, d.navTarget(typ, pc.Path), pc.Capabilities)
			}
		}
	}
	return d.sites
}

func (d *drifter) addSite(where string, typ *StructuredType, caps *Capabilities, depth int) {
	if typ == nil || caps == nil || depth > maxCapNesting {
		return
	}
	d.sites = append(d.sites, capSite{where, typ, caps})
	if caps.Navigation == nil {
		return
	}
	for _, rp := range caps.Navigation.RestrictedProperties {
		if rp != nil && rp.NavigationProperty != "" {
			d.addSite("navigation "+rp.NavigationProperty+" of "+where, d.navTarget(typ, rp.NavigationProperty), &rp.Capabilities, depth+1)
		}
	}
}

// navTarget follows a navigation path ("manager", "ns.derived/members")
// from t: each segment is a property of the current type or its base
// types, or a cast to a type the CSDL defines. It returns the type at
// the end, or nil when a segment names nothing or the path ends at a
// type the CSDL does not define.
func (d *drifter) navTarget(t *StructuredType, path string) *StructuredType {
	cur := t
	for seg := range strings.SplitSeq(path, "/") {
		if cur == nil {
			return nil
		}
		seg = strings.TrimSpace(seg)
		if p, _ := d.csdlProperty(cur, seg); p != nil {
			cur = d.csdlType(p.Type.Name)
			continue
		}
		if strings.Contains(seg, ".") {
			if c := d.csdlType(seg); c != nil {
				cur = c
				continue
			}
		}
		return nil
	}
	return cur
}

// capScope says which capability sites speak about one property of a
// type: chain is the type's CSDL base chain (the type first) by position,
// decl the position in it of the type that first declares the property
// (the last one in the chain that declares it: a redeclaration on a
// derived type is a copy).
type capScope struct {
	chain map[*StructuredType]int
	decl  int
}

func (d *drifter) scopeOf(ct *StructuredType, name string) capScope {
	s := capScope{chain: map[*StructuredType]int{}, decl: -1}
	for i, c := range d.cix.BaseChain(ct) {
		s.chain[c] = i
		if p, _ := findProperty(c, name); p != nil {
			s.decl = i
		}
	}
	return s
}

// covers reports whether restrictions stated on an element whose type is
// t reach the property: t is the type or one of its base types, and the
// property is t's (declared on t or a base type of t).
func (s capScope) covers(t *StructuredType) bool {
	i, ok := s.chain[t]
	return ok && s.decl >= 0 && i <= s.decl
}

// names reports whether a restriction's property path list, stated on an
// element whose type is t, names the property: a path whose last segment
// is the property's name (in any case) and whose other segments, if any,
// are casts to a type that covers it. Paths through other properties
// restrict something else.
func (d *drifter) names(list []string, t *StructuredType, s capScope, name string) bool {
	for _, path := range list {
		segs := strings.Split(path, "/")
		if !strings.EqualFold(strings.TrimSpace(segs[len(segs)-1]), name) {
			continue
		}
		from := t
		for _, seg := range segs[:len(segs)-1] {
			seg = strings.TrimSpace(seg)
			if !strings.Contains(seg, ".") {
				from = nil
				break
			}
			from = d.csdlType(seg)
			if from == nil {
				break
			}
		}
		if from != nil && s.covers(from) {
			return true
		}
	}
	return false
}

// capDenial is a CSDL restriction that takes a query option away from a
// property: the restriction's words and the annotation's position.
type capDenial struct {
	why string
	pos Pos
}

// denials returns the restrictions of the CSDL's capability sites that
// take a query option away from the property name of ct, as deny reads
// each site (deny returns "" for a site that does not deny it).
func (d *drifter) denials(ct *StructuredType, name string, deny func(site capSite, s capScope) (string, Pos)) []capDenial {
	s := d.scopeOf(ct, name)
	var out []capDenial
	for _, site := range d.capSites() {
		if why, pos := deny(site, s); why != "" {
			out = append(out, capDenial{why, capPos(pos, site.caps.Pos)})
		}
	}
	return out
}

// filterDenials returns the FilterRestrictions that make the property
// name of ct unfilterable: Filterable false on an element whose type
// covers it, or NonFilterableProperties naming it (from such an element,
// or through a cast to a type that covers it).
func (d *drifter) filterDenials(ct *StructuredType, name string) []capDenial {
	return d.denials(ct, name, func(site capSite, s capScope) (string, Pos) {
		f := site.caps.Filter
		switch {
		case f == nil:
		case f.Filterable == No && s.covers(site.typ):
			return "FilterRestrictions on " + site.where + " say Filterable false", f.Pos
		case d.names(f.NonFilterableProperties, site.typ, s, name):
			return "FilterRestrictions on " + site.where + " list it in NonFilterableProperties", f.Pos
		}
		return "", Pos{}
	})
}

// queryDenial reads one site for one query option other than $filter: the
// restriction that denies the option to the property name, or "".
func (d *drifter) queryDenial(opt QueryOption, site capSite, s capScope, name string) (string, Pos) {
	c := site.caps
	switch opt {
	case OptOrderBy:
		switch r := c.Sort; {
		case r == nil:
		case r.Sortable == No && s.covers(site.typ):
			return "SortRestrictions on " + site.where + " say Sortable false", r.Pos
		case d.names(r.NonSortableProperties, site.typ, s, name):
			return "SortRestrictions on " + site.where + " list it in NonSortableProperties", r.Pos
		}
	case OptSelect:
		if r := c.Select; r != nil && r.Supported == No && s.covers(site.typ) {
			return "SelectSupport on " + site.where + " says Supported false", r.Pos
		}
	case OptSearch:
		if r := c.Search; r != nil && r.Searchable == No && s.covers(site.typ) {
			return "SearchRestrictions on " + site.where + " say Searchable false", r.Pos
		}
	case OptCount:
		switch r := c.Count; {
		case r == nil:
		case d.names(r.NonCountableProperties, site.typ, s, name):
			return "CountRestrictions on " + site.where + " list it in NonCountableProperties", r.Pos
		case d.names(r.NonCountableNavigationProperties, site.typ, s, name):
			return "CountRestrictions on " + site.where + " list it in NonCountableNavigationProperties", r.Pos
		}
	case OptExpand:
		switch r := c.Expand; {
		case r == nil:
		case r.Expandable == No && s.covers(site.typ):
			return "ExpandRestrictions on " + site.where + " say Expandable false", r.Pos
		case d.names(r.NonExpandableProperties, site.typ, s, name):
			return "ExpandRestrictions on " + site.where + " list it in NonExpandableProperties", r.Pos
		}
	}
	return "", Pos{}
}

// compareQuery records the findings for the query options other than
// $filter that the docs say a property supports (Property.Query): one
// per CSDL restriction that denies the option (see queryDenial), at the
// docs statement. "Returned only on $select" counts as a statement that
// $select works on the property.
func (d *drifter) compareQuery(ct *StructuredType, subject string, cp, dp *Property) {
	q := dp.Query
	if q == nil {
		return
	}
	pos := q.Pos
	if !pos.IsValid() {
		pos = dp.Pos
	}
	for _, opt := range QueryOptions {
		says := "it supports " + string(opt)
		switch {
		case q.Supports(opt):
		case opt == OptSelect && q.SelectOnly():
			says = "it is returned only on $select"
		default:
			continue
		}
		for _, den := range d.denials(ct, cp.Name, func(site capSite, s capScope) (string, Pos) {
			return d.queryDenial(opt, site, s, cp.Name)
		}) {
			d.add(CapabilityConflict, subject, pos, den.pos, "the docs say %s; the CSDL's %s", says, den.why)
		}
	}
}

func capPos(p, def Pos) Pos {
	if p.IsValid() {
		return p
	}
	return def
}

// compareFilter records the $filter findings for a property both sides
// declare: docs $filter support that CSDL FilterRestrictions deny (one
// finding per restriction, at the annotation; when none is found but the
// CSDL reader still left the property unfilterable, one at the CSDL
// property), and docs operators outside the CSDL's
// FilterExpressionRestrictions.
func (d *drifter) compareFilter(ct *StructuredType, subject string, cp, dp *Property) {
	if dp.Filter == nil {
		return
	}
	if cp.Filter == nil {
		denials := d.filterDenials(ct, cp.Name)
		for _, den := range denials {
			d.add(CapabilityConflict, subject, filterPos(dp), den.pos, "the docs say it supports $filter; the CSDL's %s", den.why)
		}
		switch {
		case len(denials) > 0:
		case cp.Type.Name == "Edm.Stream":
			d.add(CapabilityConflict, subject, filterPos(dp), cp.Pos, "the docs say it supports $filter; the CSDL makes it an Edm.Stream, which $filter cannot use")
		default:
			d.add(CapabilityConflict, subject, filterPos(dp), cp.Pos, "the docs say it supports $filter; the CSDL's capabilities make it not filterable")
		}
		return
	}
	if len(dp.Filter.Ops) > 0 && len(cp.Filter.Ops) > 0 {
		var extra []FilterOp
		for _, op := range dp.Filter.Ops {
			if !cp.Filter.Allows(op) {
				extra = append(extra, op)
			}
		}
		if len(extra) > 0 {
			d.add(CapabilityConflict, subject, filterPos(dp), filterPos(cp), "the docs say $filter supports %s; the CSDL allows only %s", opsString(extra), opsString(cp.Filter.Ops))
		}
	}
}

// capList is a property path list of a restriction that states
// something positive about the properties it names.
type capList struct {
	words string // "FilterRestrictions on entity set cars list it in RequiredProperties (...)"
	names []string
	pos   Pos
}

// reverse is one reverse check: the docs make a list of the properties
// that support an option when some structural property of the type says
// so (has), and lists gives the CSDL's positive statements about
// properties on a site.
type reverse struct {
	opt   string // "$filter"
	has   func(*Property) bool
	lists func(site capSite) []capList
}

var reverseChecks = []reverse{{
	opt: "$filter",
	has: func(p *Property) bool { return p.Filter != nil },
	lists: func(site capSite) []capList {
		f := site.caps.Filter
		if f == nil {
			return nil
		}
		return []capList{{"FilterRestrictions on " + site.where + " list it in RequiredProperties (a request must filter by it)", f.RequiredProperties, f.Pos}}
	},
}, {
	opt: "$orderby",
	has: func(p *Property) bool { return p.Query.Supports(OptOrderBy) },
	lists: func(site capSite) []capList {
		r := site.caps.Sort
		if r == nil {
			return nil
		}
		return []capList{
			{"SortRestrictions on " + site.where + " list it in AscendingOnlyProperties (it can be sorted in ascending order)", r.AscendingOnlyProperties, r.Pos},
			{"SortRestrictions on " + site.where + " list it in DescendingOnlyProperties (it can be sorted in descending order)", r.DescendingOnlyProperties, r.Pos},
		}
	},
}}

// reverses records the reverse findings for a type both sides define,
// where they mean something: a property that the CSDL states can (or
// must) be used with an option (FilterRestrictions RequiredProperties for
// $filter; SortRestrictions AscendingOnlyProperties and
// DescendingOnlyProperties for $orderby) while the docs leave it out of
// their list of the properties that support the option. The docs make
// such a list when some structural property of the type states support
// (as Overlay reads $filter statements); docs that never mention the
// option say nothing, and a property they do not describe at all is
// MissingInDocs instead. The finding is at the CSDL annotation, with the
// docs row as Other.
func (d *drifter) reverses(ct *StructuredType, decls []*StructuredType) {
	for _, rv := range reverseChecks {
		d.reverse(ct, decls, rv)
	}
}

func (d *drifter) reverse(ct *StructuredType, decls []*StructuredType, rv reverse) {
	listed := false
	for _, dt := range decls {
		for _, p := range dt.Properties {
			listed = listed || p != nil && rv.has(p)
		}
	}
	if !listed {
		return
	}
	q := ct.QualifiedName()
	done := map[string]bool{}
	for _, dt := range decls {
		for _, dp := range dt.Properties {
			if dp == nil || done[strings.ToLower(dp.Name)] {
				continue
			}
			done[strings.ToLower(dp.Name)] = true
			if docsSay(decls, dp.Name, rv.has) {
				continue
			}
			cp, _ := d.csdlProperty(ct, dp.Name)
			if cp == nil {
				continue
			}
			s := d.scopeOf(ct, cp.Name)
			for _, site := range d.capSites() {
				for _, l := range rv.lists(site) {
					if d.names(l.names, site.typ, s, cp.Name) {
						d.add(CapabilityConflict, q+"/"+cp.Name, capPos(l.pos, site.caps.Pos), dp.Pos,
							"the CSDL's %s; the docs of %s name the properties that support %s, and not %s", l.words, ct.Name, rv.opt, dp.Name)
					}
				}
			}
		}
	}
}

// docsSay reports whether some docs declaration of the property name
// states what has tests.
func docsSay(decls []*StructuredType, name string, has func(*Property) bool) bool {
	for _, dt := range decls {
		if p, _ := findProperty(dt, name); p != nil && has(p) {
			return true
		}
	}
	return false
}
