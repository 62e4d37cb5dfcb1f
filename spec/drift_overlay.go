package spec

import (
	"slices"
	"strings"
)

// Overlay combines specs read from CSDL documents with specs read from
// docs pages (and YAML files, which count as the docs side), whatever
// order the user named the files in. CSDL knows types, inheritance, keys
// and nullability; docs pages know what is read-only, required and
// filterable, what request bodies carry, and say it in more words. So:
//
//   - The CSDL gives the skeleton. Overlay merges the CSDL specs first and
//     the docs specs after them (Merge: the first source of a fact wins),
//     so types, base types, keys, kinds, enum members and the order of
//     everything come from the CSDL. A property's type and Nullable come
//     from the CSDL too (docs "Not nullable" does not override a CSDL
//     nullable property; Drift reports the disagreement). A docs page that
//     gives a type no key or entity base (and so reads as complex) does
//     not contradict a CSDL entity type. What only the docs have (a type,
//     a property, an enum, operations) is added as Merge adds it.
//   - The docs give the facts: read-only, required and immutable are or-ed
//     with the CSDL's, and docs descriptions replace CSDL descriptions
//     (of types, properties, enums and members) where the docs have one.
//   - $filter. csdl.Read makes every property filterable unless
//     Capabilities annotations say otherwise, which is what OData promises
//     but rarely what Microsoft Graph does. Docs pages say per property
//     which operators work. The rule, per type that the docs describe:
//     a property whose docs say "Supports $filter (...)" gets exactly the
//     docs' support, replacing the CSDL's (also where the CSDL made it
//     unfilterable: the docs are the more specific statement). When the
//     docs of the type say that about at least one property, they are
//     taken as the list of filterable properties: every other structural
//     property they describe loses its filter support, as it would with
//     the docs alone (Graph rejects $filter on unlisted properties more
//     often than not). When the docs of the type never mention $filter,
//     they say nothing about it and the CSDL's support stands. Properties
//     the docs do not describe, and navigation properties the docs do not
//     mark filterable, keep the CSDL's support.
//   - Inherited properties. Docs pages repeat inherited properties (id);
//     the docs declaration then becomes a redeclaration on the derived
//     type, which generators use in place of the base's. Overlay builds it
//     from the CSDL base declaration (name, type, nullability, facets,
//     default) with the docs facts on top, by the rules above; a docs type
//     that differs from the CSDL's is kept out with a Warning.
//
// A property's Sources move with the facts: the docs' $filter statement
// and description replace the CSDL's sources of them, a docs statement of
// nullability that does not stand is dropped, and a property that loses
// its filter support because the docs list others points at its docs row.
//
// With no CSDL specs, or no docs specs, Overlay is Merge of the others.
// The inputs are not changed. The warnings are Merge's, then Overlay's.
func Overlay(csdl, docs []*Spec) (*Spec, []Warning) {
	csdl, docs = nonNilSpecs(csdl), nonNilSpecs(docs)
	if len(csdl) == 0 || len(docs) == 0 {
		return Merge(slices.Concat(csdl, docs)...)
	}
	o := newOverlay(csdl, docs)
	parts := make([]*Spec, 0, len(csdl)+len(docs))
	for _, p := range csdl {
		parts = append(parts, o.csdlPart(p))
	}
	for _, p := range docs {
		parts = append(parts, o.docsPart(p))
	}
	s, ws := Merge(parts...)
	return s, append(ws, o.warnings...)
}

func nonNilSpecs(parts []*Spec) []*Spec {
	var out []*Spec
	for _, p := range parts {
		if p != nil {
			out = append(out, p)
		}
	}
	return out
}

// overlayer holds what the docs say about each type, by lower-cased
// qualified name, and an index of the CSDL declarations.
type overlayer struct {
	d        *drifter // the CSDL side, for lookups and type comparison
	types    map[string]*docsTypeFacts
	enums    map[string]*docsEnumFacts
	warnings []Warning
}

type docsTypeFacts struct {
	desc     string
	filtered bool // some docs property of the type states $filter support
	props    map[string]*docsPropFacts
}

type docsPropFacts struct {
	filter *FilterSupport // the first docs statement of $filter support
	desc   string
	// filterSrc are the Sources of filter; pos is where the docs first
	// describe the property (the source of its lost filter support when
	// the docs list other properties as filterable).
	filterSrc []Source
	pos       Pos
}

type docsEnumFacts struct {
	desc    string
	members map[string]string // lower-cased name -> description
}

// newOverlay gathers what the docs say, by lower-cased type, enum, property
// and member name: the first non-empty description of each, a property's
// first stated $filter support, and whether any structural property of a
// type states $filter support (which makes the docs the type's list of
// filterable properties, see filterFor). The CSDL specs are concatenated,
// not merged, into the lookup-only drifter used for types and base chains.
// The inputs are not changed; the first statement wins in input order.
func newOverlay(csdl, docs []*Spec) *overlayer {
	all := &Spec{}
	for _, p := range csdl {
		all.Types = append(all.Types, p.Types...)
		all.Enums = append(all.Enums, p.Enums...)
		all.TypeDefs = append(all.TypeDefs, p.TypeDefs...)
	}
	o := &overlayer{
		d:     &drifter{cs: all, cix: NewIndex(all)},
		types: map[string]*docsTypeFacts{},
		enums: map[string]*docsEnumFacts{},
	}
	for _, p := range docs {
		for _, t := range p.Types {
			if t == nil {
				continue
			}
			k := strings.ToLower(t.QualifiedName())
			f := o.types[k]
			if f == nil {
				f = &docsTypeFacts{props: map[string]*docsPropFacts{}}
				o.types[k] = f
			}
			fillText(&f.desc, t.Description)
			for _, dp := range slices.Concat(t.Properties, t.NavigationProperties) {
				if dp == nil {
					continue
				}
				pk := strings.ToLower(dp.Name)
				pf := f.props[pk]
				if pf == nil {
					pf = &docsPropFacts{pos: dp.Pos}
					f.props[pk] = pf
				}
				if pf.filter == nil && dp.Filter != nil {
					pf.filter = dp.Filter
					pf.filterSrc = factSources(dp, FactFilter)
				}
				fillText(&pf.desc, dp.Description)
				f.filtered = f.filtered || dp.Filter != nil && slices.Contains(t.Properties, dp)
			}
		}
		for _, e := range p.Enums {
			if e == nil {
				continue
			}
			k := strings.ToLower(e.QualifiedName())
			f := o.enums[k]
			if f == nil {
				f = &docsEnumFacts{members: map[string]string{}}
				o.enums[k] = f
			}
			fillText(&f.desc, e.Description)
			for _, m := range e.Members {
				if m != nil && m.Description != "" && f.members[strings.ToLower(m.Name)] == "" {
					f.members[strings.ToLower(m.Name)] = m.Description
				}
			}
		}
	}
	return o
}

// filterFor returns the filter support a property gets when the docs of
// its type describe it: the docs' when they state one, none when the docs
// list filterable properties and this is a structural one without, and
// the CSDL's otherwise.
func (f *docsTypeFacts) filterFor(pf *docsPropFacts, csdl *FilterSupport, nav bool) *FilterSupport {
	switch {
	case pf.filter != nil:
		return cloneFilter(pf.filter)
	case f.filtered && !nav:
		return nil
	default:
		return cloneFilter(csdl)
	}
}

// setFilterSources makes c's filter sources say where filterFor's answer
// came from: the docs statement, the docs row of a property left out of
// the docs' list of filterable ones, or (unchanged) the CSDL.
func (f *docsTypeFacts) setFilterSources(c *Property, pf *docsPropFacts, nav bool) {
	switch {
	case pf.filter != nil:
		c.SetSource(FactFilter, Pos{})
		c.Sources = append(c.Sources, pf.filterSrc...)
	case f.filtered && !nav:
		c.SetSource(FactFilter, pf.pos)
	}
}

// factSources returns p's sources of fact f.
func factSources(p *Property, f Fact) []Source {
	var out []Source
	for _, s := range p.Sources {
		if s.Fact == f {
			out = append(out, s)
		}
	}
	return out
}

// csdlPart returns p with the docs' filter facts and with descriptions
// cleared where the docs have their own (Merge fills them from the docs).
// Only what changes is copied.
func (o *overlayer) csdlPart(p *Spec) *Spec {
	out := *p
	out.Types = slices.Clone(p.Types)
	for i, t := range out.Types {
		if t == nil {
			continue
		}
		f := o.types[strings.ToLower(t.QualifiedName())]
		if f == nil {
			continue
		}
		c := *t
		if f.desc != "" {
			c.Description = ""
		}
		c.Properties = o.csdlProperties(f, t.Properties, false)
		c.NavigationProperties = o.csdlProperties(f, t.NavigationProperties, true)
		out.Types[i] = &c
	}
	out.Enums = slices.Clone(p.Enums)
	for i, e := range out.Enums {
		if e == nil {
			continue
		}
		f := o.enums[strings.ToLower(e.QualifiedName())]
		if f == nil {
			continue
		}
		c := *e
		if f.desc != "" {
			c.Description = ""
		}
		c.Members = slices.Clone(e.Members)
		for j, m := range c.Members {
			if m != nil && f.members[strings.ToLower(m.Name)] != "" {
				mc := *m
				mc.Description = ""
				c.Members[j] = &mc
			}
		}
		out.Enums[i] = &c
	}
	return &out
}

func (o *overlayer) csdlProperties(f *docsTypeFacts, ps []*Property, nav bool) []*Property {
	out := slices.Clone(ps)
	for i, p := range out {
		if p == nil {
			continue
		}
		pf := f.props[strings.ToLower(p.Name)]
		if pf == nil {
			continue
		}
		c := *p
		c.Sources = slices.Clip(p.Sources)
		c.Filter = f.filterFor(pf, p.Filter, nav)
		f.setFilterSources(&c, pf, nav)
		if pf.desc != "" {
			c.Description = ""
			c.SetSource(FactDescription, Pos{})
		}
		out[i] = &c
	}
	return out
}

// docsPart returns p with the CSDL's skeleton facts on the docs types the
// CSDL defines: no kind when the docs did not state one, no key, CSDL
// nullability, and inherited properties rebuilt from the CSDL base
// declaration.
func (o *overlayer) docsPart(p *Spec) *Spec {
	out := *p
	out.Types = slices.Clone(p.Types)
	for i, t := range out.Types {
		if t == nil {
			continue
		}
		ct := o.d.csdlType(t.QualifiedName())
		if ct == nil {
			continue
		}
		f := o.types[strings.ToLower(t.QualifiedName())]
		c := *t
		if c.Kind == ComplexKind {
			c.Kind = "" // the docs reader's default, not a statement
		}
		c.Key = nil
		c.Properties = o.docsProperties(f, ct, t.Properties, false)
		c.NavigationProperties = o.docsProperties(f, ct, t.NavigationProperties, true)
		out.Types[i] = &c
	}
	return &out
}

func (o *overlayer) docsProperties(f *docsTypeFacts, ct *StructuredType, ps []*Property, nav bool) []*Property {
	out := slices.Clone(ps)
	for i, dp := range out {
		if dp == nil {
			continue
		}
		if cp, _ := findProperty(ct, dp.Name); cp != nil {
			// Merge combines the two; only nullability needs help, since
			// Merge lets a stated false win.
			if dp.Nullable != cp.Nullable {
				c := *dp
				c.Nullable = cp.Nullable
				c.Sources = slices.Clip(dp.Sources)
				c.SetSource(FactNullable, Pos{}) // the docs' statement does not stand
				out[i] = &c
			}
			continue
		}
		cp, _ := o.d.csdlProperty(ct, dp.Name)
		if cp == nil {
			continue // only the docs have it
		}
		out[i] = o.redeclare(f, ct, cp, dp, nav)
	}
	return out
}

// redeclare builds the derived type's declaration of an inherited
// property: the CSDL base declaration with the docs facts on top.
func (o *overlayer) redeclare(f *docsTypeFacts, ct *StructuredType, cp, dp *Property, nav bool) *Property {
	c := *cp
	c.Pos = dp.Pos
	c.Sources = slices.Clip(cp.Sources)
	combineSources(&c, dp) // before the facts are combined
	c.SetSource(FactNullable, Pos{})
	c.Sources = append(c.Sources, factSources(cp, FactNullable)...) // the CSDL's stands
	if dp.Type.Name != "" && !o.d.sameType(dp.Type, cp.Type) {
		o.warnings = append(o.warnings, Warning{Pos: dp.Pos, Other: cp.Pos, Kind: WarnDisagreement, Type: ct.QualifiedName(),
			Msg: "type " + ct.QualifiedName() + ": inherited property " + cp.Name + " has type " + dp.Type.String() +
				" here but " + cp.Type.String() + " in the CSDL; keeping " + cp.Type.String()})
	}
	c.ReadOnly = cp.ReadOnly || dp.ReadOnly
	c.Required = cp.Required || dp.Required
	if len(c.Conditions) == 0 {
		c.Conditions = slices.Clone(dp.Conditions)
	}
	c.Immutable = cp.Immutable || dp.Immutable
	c.Deprecated = cp.Deprecated || dp.Deprecated
	if c.Default == nil && dp.Default != nil {
		d := *dp.Default
		c.Default = &d
	} else if c.Default != nil {
		d := *c.Default
		c.Default = &d
	}
	pf := f.props[strings.ToLower(dp.Name)]
	c.Filter = f.filterFor(pf, cp.Filter, nav)
	f.setFilterSources(&c, pf, nav)
	if dp.Query != nil {
		c.Query = cloneQuery(dp.Query) // the docs' query option phrases
		c.SetSource(FactQuery, Pos{})
		c.Sources = append(c.Sources, factSources(dp, FactQuery)...)
	} else {
		c.Query = cloneQuery(cp.Query)
	}
	if dp.Description != "" {
		c.Description = dp.Description
		c.SetSource(FactDescription, Pos{})
		c.Sources = append(c.Sources, factSources(dp, FactDescription)...)
	}
	return &c
}
