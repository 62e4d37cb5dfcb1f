package query

import "strings"

// resource is a resolved resource path.
type resource struct {
	display    string     // "/users/{id}/messages", for messages
	set        *EntitySet // where the path starts; nil for CheckType
	steps      []string   // Resources key of the path: ["users", "messages"]; nil for CheckType
	typ        string     // qualified type of the items, after casts
	collection bool
	byKey      bool // the last navigation step was addressed by key
	count      bool // ends in /$count
	ref        bool // ends in /$ref
	countAt    int  // offset of /$count
	caps       Capabilities
}

// stripCasts drops the qualified (type cast) segments of a path:
// "microsoft.graph.user/manager" is "manager".
func stripCasts(path string) string {
	if !strings.Contains(path, ".") {
		return path
	}
	var parts []string
	for s := range strings.SplitSeq(path, "/") {
		if !strings.Contains(s, ".") {
			parts = append(parts, s)
		}
	}
	return strings.Join(parts, "/")
}

// listed reports whether path (without casts) is in list, whose entries
// may carry casts.
func listed(list []string, path string) bool {
	for _, l := range list {
		if l == path || stripCasts(l) == path {
			return true
		}
	}
	return false
}

// capsFor merges the capabilities of the resource reached by the
// navigation path steps (steps[0] an entity set or singleton; nil when
// there is none), whose last navigation property nav is declared on owner
// (or a base of it), most specific source first: the path itself, the
// RestrictedProperties of each shorter path, the navigation property of
// the type, the entity set the path is bound to, the entity container.
func (m *Model) capsFor(steps []string, owner, nav string) Capabilities {
	var cands []*Capabilities
	add := func(c *Capabilities) {
		if c != nil {
			cands = append(cands, c)
		}
	}
	if len(steps) > 0 {
		add(m.Resources[strings.Join(steps, "/")])
		for k := len(steps) - 1; k >= 1; k-- {
			r := m.Resources[strings.Join(steps[:k], "/")]
			if r == nil || r.Navigation == nil {
				continue
			}
			rest := strings.Join(steps[k:], "/")
			for i := range r.Navigation.RestrictedProperties {
				e := &r.Navigation.RestrictedProperties[i]
				if e.NavigationProperty == rest || stripCasts(e.NavigationProperty) == rest {
					add(&e.Capabilities)
				}
			}
		}
	}
	if nav != "" {
		t := owner
		for range len(m.Types.Types) + 1 {
			add(m.Resources[t+"/"+nav])
			ty := m.Types.Types[t]
			if ty == nil || ty.Base == "" {
				break
			}
			t = ty.Base
		}
	}
	if len(steps) > 1 {
		if set := m.EntitySets[steps[0]]; set != nil {
			rest := strings.Join(steps[1:], "/")
			for _, b := range set.Bindings {
				if b.Path == rest || stripCasts(b.Path) == rest {
					add(m.Resources[b.Target])
					break
				}
			}
		}
	}
	add(m.Resources[""])
	return merge(cands)
}

// merge takes each term from the first candidate that states it.
func merge(cands []*Capabilities) Capabilities {
	var c Capabilities
	first := func(b *Bool, v Bool) {
		if *b == Default {
			*b = v
		}
	}
	for _, x := range cands {
		if c.Filter == nil {
			c.Filter = x.Filter
		}
		if c.Sort == nil {
			c.Sort = x.Sort
		}
		if c.Expand == nil {
			c.Expand = x.Expand
		}
		if c.Select == nil {
			c.Select = x.Select
		}
		if c.Search == nil {
			c.Search = x.Search
		}
		if c.Count == nil {
			c.Count = x.Count
		}
		if c.Navigation == nil {
			c.Navigation = x.Navigation
		}
		if c.Read == nil {
			c.Read = x.Read
		}
		first(&c.TopSupported, x.TopSupported)
		first(&c.SkipSupported, x.SkipSupported)
		first(&c.ComputeSupported, x.ComputeSupported)
		first(&c.IndexableByKey, x.IndexableByKey)
	}
	return c
}

// pathSeg is one segment of a resource path.
type pathSeg struct {
	at   int    // offset of the segment in the text
	name string // decoded, without a key in parentheses
	key  bool   // a key in parentheses followed the name: users('x')
}

// splitResource splits a resource path (a URL, a path with or without a
// leading "/"; a query after "?" is ignored) into segments. base is the
// offset of path in the text errors refer to.
func splitResource(path string, base int) ([]pathSeg, *Error) {
	if i := strings.IndexByte(path, '?'); i >= 0 {
		path = path[:i]
	}
	start := 0
	if hasScheme(path) {
		i := strings.Index(path, "://") + 3
		j := strings.IndexByte(path[i:], '/')
		if j < 0 {
			return nil, nil
		}
		start = i + j
	}
	var segs []pathSeg
	for i := start; i <= len(path); {
		j := strings.IndexByte(path[i:], '/')
		if j < 0 {
			j = len(path)
		} else {
			j += i
		}
		if raw := path[i:j]; raw != "" {
			t, err := decode(raw, base+i)
			if err != nil {
				return nil, err
			}
			s := pathSeg{at: base + i, name: t.s}
			if k := strings.IndexByte(s.name, '('); k > 0 && strings.HasSuffix(s.name, ")") {
				s.name, s.key = s.name[:k], true
			}
			segs = append(segs, s)
		}
		i = j + 1
	}
	return segs, nil
}

// resolve resolves a resource path against the entity sets, singletons and
// navigation properties of m. base is the offset of path in the text
// errors refer to.
func (m *Model) resolve(path string, base int) (*resource, *Error) {
	segs, err := splitResource(path, base)
	if err != nil {
		return nil, err
	}
	if len(segs) == 0 {
		return nil, errAt(base, "no resource in %q: expected an entity set or singleton such as /users", path)
	}
	// Leading segments that name no entity set or singleton are the
	// service root ("/v1.0").
	i := 0
	for i < len(segs) && m.EntitySets[segs[i].name] == nil {
		i++
	}
	if i == len(segs) {
		return nil, errAt(segs[0].at, "%s is no entity set or singleton of the model", segs[0].name)
	}
	set := m.EntitySets[segs[i].name]
	r := &resource{set: set, steps: []string{set.Name}, typ: set.Type, collection: !set.Singleton}
	var display strings.Builder
	owner, nav := "", ""
	keyed := func(at int) *Error {
		if !r.collection {
			return errAt(at, "%s is a single entity; it takes no key", display.String())
		}
		if m.capsFor(r.steps, owner, nav).IndexableByKey == False {
			return errAt(at, "%s cannot be addressed by key (IndexableByKey false)", display.String())
		}
		r.collection, r.byKey = false, true
		return nil
	}
	display.WriteString("/" + segs[i].name)
	if segs[i].key {
		if err := keyed(segs[i].at + len(segs[i].name)); err != nil {
			return nil, err
		}
		display.WriteString("({id})")
	}
	for _, s := range segs[i+1:] {
		if r.count || r.ref {
			return nil, errAt(s.at, "nothing may follow /$count or /$ref")
		}
		switch {
		case s.name == "$count":
			if !r.collection {
				return nil, errAt(s.at, "/$count needs a collection; %s is a single entity", display.String())
			}
			r.count, r.countAt = true, s.at
			display.WriteString("/$count")
			continue
		case s.name == "$ref":
			r.ref = true
			display.WriteString("/$ref")
			continue
		case strings.HasPrefix(s.name, "$"):
			return nil, errAt(s.at, "the resource segment %s is not supported by Check", s.name)
		case strings.Contains(s.name, "."):
			t := m.Types.Types[s.name]
			if t == nil {
				return nil, errAt(s.at, "%s is no type of the model (bound operations are not supported by Check)", s.name)
			}
			if !m.derives(s.name, r.typ) {
				return nil, errAt(s.at, "%s does not derive from %s", s.name, r.typ)
			}
			r.typ = s.name
			display.WriteString("/" + s.name)
			continue
		case r.collection:
			if err := keyed(s.at); err != nil {
				return nil, err
			}
			display.WriteString("/{id}")
			continue
		}
		p := m.Types.Property(r.typ, s.name)
		if p == nil {
			return nil, errAt(s.at, "%s has no navigation property %s", r.typ, s.name)
		}
		if !p.Navigation {
			return nil, errAt(s.at, "%s is not a navigation property; Check supports paths of entity sets, singletons, keys, casts and navigation properties", s.name)
		}
		if err := m.navigable(r.steps, s.name, display.String(), s.at); err != nil {
			return nil, err
		}
		r.steps = append(r.steps, s.name)
		owner, nav = r.typ, s.name
		r.typ, r.collection, r.byKey = p.Type, p.Collection, false
		display.WriteString("/" + s.name)
		if s.key {
			if err := keyed(s.at + len(s.name)); err != nil {
				return nil, err
			}
			display.WriteString("({id})")
		}
	}
	r.display = display.String()
	r.caps = m.capsFor(r.steps, owner, nav)
	if r.count && r.caps.Count != nil && r.caps.Count.Countable == False {
		return nil, errAt(r.countAt, "%s is not supported (CountRestrictions Countable false)", r.display)
	}
	if rd := r.caps.Read; rd != nil {
		readable := rd.Readable
		if r.byKey && rd.ReadByKey != nil && rd.ReadByKey.Readable != Default {
			readable = rd.ReadByKey.Readable
		}
		if readable == False {
			return nil, errAt(base, "%s cannot be read (ReadRestrictions Readable false)", r.display)
		}
	}
	return r, nil
}

// navigable checks NavigationRestrictions for navigating from the
// resource steps along the navigation property nav.
func (m *Model) navigable(steps []string, nav, where string, at int) *Error {
	full := append(append([]string(nil), steps...), nav)
	for k := len(steps); k >= 1; k-- {
		r := m.Resources[strings.Join(steps[:k], "/")]
		if r == nil || r.Navigation == nil {
			continue
		}
		rest := strings.Join(full[k:], "/")
		for _, e := range r.Navigation.RestrictedProperties {
			if (e.NavigationProperty == rest || stripCasts(e.NavigationProperty) == rest) && e.Navigability != "" {
				if e.Navigability == NavigationNone {
					return errAt(at, "%s cannot be navigated from %s (NavigationRestrictions RestrictedProperties Navigability None)", nav, where)
				}
				return nil
			}
		}
		switch r.Navigation.Navigability {
		case NavigationNone:
			return errAt(at, "navigation properties of /%s cannot be navigated (NavigationRestrictions Navigability None)", strings.Join(steps[:k], "/"))
		case NavigationSingle:
			if len(full)-k > 1 {
				return errAt(at, "/%s allows navigating one level only (NavigationRestrictions Navigability Single)", strings.Join(steps[:k], "/"))
			}
			return nil
		case NavigationRecursive:
			return nil
		}
	}
	return nil
}

// derives reports whether typeName is base or derives from it.
func (m *Model) derives(typeName, base string) bool {
	for range len(m.Types.Types) + 1 {
		if typeName == base {
			return true
		}
		t := m.Types.Types[typeName]
		if t == nil || t.Base == "" {
			return false
		}
		typeName = t.Base
	}
	return false
}

// castTarget resolves a type cast segment from the type from: a qualified
// name, or the simple name of a type of the model that derives from from
// (the ABNF allows unqualified names). It returns "" when the name is no
// such type.
func (m *Model) castTarget(from, name string) string {
	if strings.Contains(name, ".") {
		if m.Types.Types[name] != nil {
			return name
		}
		return ""
	}
	found := ""
	for qn := range m.Types.Types {
		if strings.HasSuffix(qn, "."+name) && m.derives(qn, from) {
			if found != "" {
				return "" // ambiguous
			}
			found = qn
		}
	}
	return found
}

// namespaceKnown reports whether some type of the model lives in ns.
func (m *Model) namespaceKnown(ns string) bool {
	for qn := range m.Types.Types {
		if strings.HasPrefix(qn, ns+".") && !strings.Contains(qn[len(ns)+1:], ".") {
			return true
		}
	}
	for qn := range m.Types.Enums {
		if strings.HasPrefix(qn, ns+".") {
			return true
		}
	}
	return false
}

// isStructured reports whether typeName is an entity or complex type of m.
func (m *Model) isStructured(typeName string) bool { return m.Types.Types[typeName] != nil }
