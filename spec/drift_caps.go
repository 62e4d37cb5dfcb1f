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

// filterDenials returns the FilterRestrictions that make the property
// name of ct unfilterable: Filterable false on an element whose type
// covers it, or NonFilterableProperties naming it (from such an element,
// or through a cast to a type that covers it).
func (d *drifter) filterDenials(ct *StructuredType, name string) []capDenial {
	s := d.scopeOf(ct, name)
	var out []capDenial
	for _, site := range d.capSites() {
		f := site.caps.Filter
		if f == nil {
			continue
		}
		switch {
		case f.Filterable == No && s.covers(site.typ):
			out = append(out, capDenial{"FilterRestrictions on " + site.where + " say Filterable false", capPos(f.Pos, site.caps.Pos)})
		case d.names(f.NonFilterableProperties, site.typ, s, name):
			out = append(out, capDenial{"FilterRestrictions on " + site.where + " list it in NonFilterableProperties", capPos(f.Pos, site.caps.Pos)})
		}
	}
	return out
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

// requiredFilters records the reverse case for a type both sides define:
// FilterRestrictions RequiredProperties (a request must filter by the
// property) naming a property that the docs leave out of their list of
// filterable properties. The docs make such a list when some structural
// property of the type states $filter support (as Overlay reads them); a
// property they do not describe at all is MissingInDocs instead.
func (d *drifter) requiredFilters(ct *StructuredType, decls []*StructuredType) {
	listed := false
	for _, dt := range decls {
		for _, p := range dt.Properties {
			listed = listed || p != nil && p.Filter != nil
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
			if docsFilterable(decls, dp.Name) {
				continue
			}
			cp, _ := d.csdlProperty(ct, dp.Name)
			if cp == nil {
				continue
			}
			s := d.scopeOf(ct, cp.Name)
			for _, site := range d.capSites() {
				f := site.caps.Filter
				if f == nil || !d.names(f.RequiredProperties, site.typ, s, cp.Name) {
					continue
				}
				d.add(CapabilityConflict, q+"/"+cp.Name, capPos(f.Pos, site.caps.Pos), dp.Pos,
					"the CSDL's FilterRestrictions on %s list it in RequiredProperties (a request must filter by it); the docs of %s name the properties that support $filter, and not %s",
					site.where, ct.Name, dp.Name)
			}
		}
	}
}

// docsFilterable reports whether some docs declaration of the property
// name states $filter support.
func docsFilterable(decls []*StructuredType, name string) bool {
	for _, dt := range decls {
		if p, _ := findProperty(dt, name); p != nil && p.Filter != nil {
			return true
		}
	}
	return false
}
