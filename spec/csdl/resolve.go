package csdl

import (
	"fmt"
	"slices"
	"strings"

	"github.com/odatagen/odatagen/spec"
)

// Qualified names of the vocabulary terms that Read applies.
const (
	termDescription     = "Org.OData.Core.V1.Description"
	termLongDescription = "Org.OData.Core.V1.LongDescription"
	termComputed        = "Org.OData.Core.V1.Computed"
	termPermissions     = "Org.OData.Core.V1.Permissions"
	termImmutable       = "Org.OData.Core.V1.Immutable"
	termRevisions       = "Org.OData.Core.V1.Revisions"
	termFilter          = "Org.OData.Capabilities.V1.FilterRestrictions"
	termCount           = "Org.OData.Capabilities.V1.CountRestrictions"
	termNavigation      = "Org.OData.Capabilities.V1.NavigationRestrictions"
	termInsert          = "Org.OData.Capabilities.V1.InsertRestrictions"
	termUpdate          = "Org.OData.Capabilities.V1.UpdateRestrictions"
)

// wellKnownAliases are the customary aliases of the standard vocabularies,
// understood even when a document does not declare them.
var wellKnownAliases = map[string]string{
	"Core":         "Org.OData.Core.V1",
	"Capabilities": "Org.OData.Capabilities.V1",
	"Validation":   "Org.OData.Validation.V1",
}

// filterExpressionOps maps Capabilities.FilterExpressionType values to the
// operators they allow.
var filterExpressionOps = map[string][]spec.FilterOp{
	"SingleValue":                  {spec.OpEq},
	"MultiValue":                   {spec.OpEq, spec.OpIn},
	"SingleRange":                  {spec.OpGe, spec.OpLe},
	"MultiRange":                   {spec.OpEq, spec.OpGt, spec.OpGe, spec.OpLt, spec.OpLe},
	"SearchExpression":             {spec.OpStartsWith, spec.OpEndsWith, spec.OpContains},
	"MultiRangeOrSearchExpression": {spec.OpEq, spec.OpGt, spec.OpGe, spec.OpLt, spec.OpLe, spec.OpStartsWith, spec.OpEndsWith, spec.OpContains},
}

// Marks in csdlReader.access.
const (
	nonInsertable uint8 = 1 << iota
	nonUpdatable
)

// csdlAccess are the NonInsertable/NonUpdatable marks of a property and
// the positions of the restriction entries that made them.
type csdlAccess struct {
	marks    uint8
	ins, upd spec.Pos
}

// qname resolves an alias-qualified name to a namespace-qualified one and
// normalizes Edm names.
func (r *csdlReader) qname(s string) string {
	if s == "" {
		return s
	}
	ns, name := spec.SplitQualified(s)
	if ns == "Edm" {
		if p, ok := spec.LookupPrimitive(s); ok {
			return p
		}
		return s
	}
	if full, ok := r.aliases[ns]; ok {
		return full + "." + name
	}
	return s
}

// qterm resolves a term name.
func (r *csdlReader) qterm(s string) string {
	ns, name := spec.SplitQualified(strings.TrimSpace(s))
	if full, ok := r.aliases[ns]; ok {
		return full + "." + name
	}
	if full, ok := wellKnownAliases[ns]; ok {
		return full + "." + name
	}
	return s
}

// resolve runs after the whole document is read: it resolves names,
// indexes the types, sets the default $filter support and applies the
// annotations.
func (r *csdlReader) resolve() {
	s := r.spec
	for _, t := range s.Types {
		t.BaseType = r.qname(t.BaseType)
		for _, p := range t.Properties {
			p.Type.Name = r.qname(p.Type.Name)
		}
		for _, p := range t.NavigationProperties {
			p.Type.Name = r.qname(p.Type.Name)
		}
	}
	for _, e := range s.Enums {
		if e.UnderlyingType = r.qname(e.UnderlyingType); e.UnderlyingType == "Edm.Int32" {
			e.UnderlyingType = ""
		}
	}
	for _, d := range s.TypeDefs {
		d.UnderlyingType = r.qname(d.UnderlyingType)
	}
	for _, es := range s.EntitySets {
		es.Type = r.qname(es.Type)
	}

	r.index()
	r.checkRefs()

	for _, t := range s.Types {
		for _, p := range t.Properties {
			p.Filter = defaultFilter(p)
			p.AddSource(spec.FactFilter, p.Pos)
		}
		for _, p := range t.NavigationProperties {
			p.Filter = defaultFilter(p)
			p.AddSource(spec.FactFilter, p.Pos)
		}
	}

	for _, a := range r.annots {
		a.term = r.qterm(a.term)
	}
	// Descriptions and property facts first, long descriptions where there
	// is no description, then the restrictions, which may copy inherited
	// properties (with their facts) onto derived types.
	for pass := range 3 {
		for _, a := range r.annots {
			if termPass(a.term) != pass {
				continue
			}
			if tg, ok := r.target(a); ok {
				if tg.setPath != "" {
					// A path from an entity set restricts what is behind it.
					r.apply(a, csdlTarget{typ: tg.typ, prop: tg.prop})
				} else {
					r.apply(a, tg)
				}
			}
		}
	}
	if r.opts.Capabilities {
		for _, a := range r.annots {
			if tg, ok := r.target(a); ok {
				r.capture(a, tg)
			}
		}
	}
	for p, a := range r.access {
		switch a.marks {
		case nonInsertable | nonUpdatable:
			p.ReadOnly = true
			p.AddSource(spec.FactReadOnly, a.ins)
			p.AddSource(spec.FactReadOnly, a.upd)
		case nonUpdatable:
			p.Immutable = true
			p.AddSource(spec.FactImmutable, a.upd)
		}
	}

	if r.nOps+r.nImports+r.nTerms > 0 {
		var parts []string
		if r.nOps > 0 {
			parts = append(parts, fmt.Sprintf("%d actions and functions", r.nOps))
		}
		if r.nImports > 0 {
			parts = append(parts, fmt.Sprintf("%d action and function imports", r.nImports))
		}
		if r.nTerms > 0 {
			parts = append(parts, fmt.Sprintf("%d term definitions", r.nTerms))
		}
		r.warn(r.skippedAt, "skipped %s: odatagen models types, not operations", strings.Join(parts, ", "))
	}
}

// termPass says in which pass a term is applied, -1 for terms Read
// ignores.
func termPass(term string) int {
	switch term {
	case termDescription, termComputed, termPermissions, termImmutable, termRevisions:
		return 0
	case termLongDescription:
		return 1
	case termFilter, termCount, termNavigation, termInsert, termUpdate:
		return 2
	}
	return -1
}

func defaultFilter(p *spec.Property) *spec.FilterSupport {
	if p.Type.Name == "Edm.Stream" {
		return nil
	}
	return &spec.FilterSupport{Null: !p.Type.Collection, Count: p.Type.Collection, Pos: p.Pos}
}

// index builds the lookup maps and reports duplicate definitions.
func (r *csdlReader) index() {
	r.types = make(map[string]*spec.StructuredType, len(r.spec.Types))
	r.enums = make(map[string]*spec.EnumType, len(r.spec.Enums))
	r.typedefs = map[string]*spec.TypeDef{}
	seen := make(map[string]spec.Pos, len(r.spec.Types)+len(r.spec.Enums))
	dup := func(q string, pos spec.Pos) bool {
		if prev, ok := seen[q]; ok {
			r.warnings = append(r.warnings, spec.Warning{Pos: pos, Other: prev, Kind: spec.WarnDisagreement,
				Msg: fmt.Sprintf("%s is defined twice; using the first definition", q)})
			return true
		}
		seen[q] = pos
		return false
	}
	for _, t := range r.spec.Types {
		if q := t.QualifiedName(); !dup(q, t.Pos) {
			r.types[q] = t
		}
	}
	for _, e := range r.spec.Enums {
		if q := e.QualifiedName(); !dup(q, e.Pos) {
			r.enums[q] = e
		}
	}
	for _, d := range r.spec.TypeDefs {
		if q := d.QualifiedName(); !dup(q, d.Pos) {
			r.typedefs[q] = d
		}
	}
}

func (r *csdlReader) defined(q string) bool {
	return spec.IsPrimitiveName(q) || r.types[q] != nil || r.enums[q] != nil || r.typedefs[q] != nil
}

// checkRefs warns about references to types that should be in this
// document (their namespace is one of its schemas, or Edm) but are not.
func (r *csdlReader) checkRefs() {
	check := func(q string, pos spec.Pos, what string) {
		if q == "" || r.defined(q) {
			return
		}
		ns, _ := spec.SplitQualified(q)
		switch {
		case ns == "Edm":
			r.warn(pos, "%s %s is not a primitive type odatagen knows", what, q)
		case r.namespaces[ns]:
			r.warn(pos, "%s %s is not defined in this document", what, q)
		}
	}
	for _, t := range r.spec.Types {
		check(t.BaseType, t.Pos, "base type")
		for _, p := range t.Properties {
			check(p.Type.Name, p.Pos, "type")
		}
		for _, p := range t.NavigationProperties {
			check(p.Type.Name, p.Pos, "type")
		}
	}
	for _, es := range r.spec.EntitySets {
		check(es.Type, es.Pos, "type")
	}
}

// lookup finds the property called name on t or its base types, and
// whether it is a navigation property.
func (r *csdlReader) lookup(t *spec.StructuredType, name string) (owner *spec.StructuredType, p *spec.Property, nav bool) {
	for cur, n := t, 0; cur != nil && n <= len(r.spec.Types); cur, n = r.types[cur.BaseType], n+1 {
		for _, p := range cur.Properties {
			if p.Name == name {
				return cur, p, false
			}
		}
		for _, p := range cur.NavigationProperties {
			if p.Name == name {
				return cur, p, true
			}
		}
	}
	return nil, nil, false
}

// own returns t's own declaration of the property called name. When t
// inherits it, own redeclares it on t: a copy of the base's declaration.
// It returns nil when neither t nor its bases have the property.
func (r *csdlReader) own(t *spec.StructuredType, name string) *spec.Property {
	owner, p, nav := r.lookup(t, name)
	if p == nil || owner == t {
		return p
	}
	c := *p
	c.Sources = slices.Clip(p.Sources) // appends reallocate: p's stay p's
	if p.Filter != nil {
		f := *p.Filter
		f.Ops = slices.Clone(f.Ops)
		c.Filter = &f
	}
	if p.Default != nil {
		d := *p.Default
		c.Default = &d
	}
	if nav {
		t.NavigationProperties = append(t.NavigationProperties, &c)
	} else {
		t.Properties = append(t.Properties, &c)
	}
	return &c
}

// target resolves the target of an annotation.
func (r *csdlReader) target(a *csdlAnnot) (csdlTarget, bool) {
	g := a.group
	if g == nil {
		return a.on, true
	}
	switch g.state {
	case 1:
		return g.tgt, true
	case 2:
		return csdlTarget{}, false
	}
	tg, ok, quiet := r.resolveTarget(strings.TrimSpace(g.target))
	g.tgt, g.state = tg, 1
	if !ok {
		g.state = 2
		if !quiet {
			r.warn(g.pos, "annotation target %s names nothing in this document", g.target)
		}
	}
	return tg, ok
}

// resolveTarget resolves a target path. quiet is set for targets that are
// left alone on purpose: operations, parameters, entity containers, and
// elements of namespaces that other documents define.
func (r *csdlReader) resolveTarget(path string) (tg csdlTarget, ok, quiet bool) {
	if i := strings.IndexByte(path, '('); i >= 0 {
		return tg, false, true // an operation overload or its parts
	}
	segs := strings.Split(path, "/")
	head := r.qname(segs[0])
	if r.ops[head] {
		return tg, false, true
	}
	if t := r.types[head]; t != nil {
		tg, ok = r.walk(t, segs[1:])
		return tg, ok, false
	}
	if e := r.enums[head]; e != nil {
		switch len(segs) {
		case 1:
			return csdlTarget{enum: e}, true, false
		case 2:
			if m := e.Member(segs[1]); m != nil {
				return csdlTarget{enum: e, member: m}, true, false
			}
		}
		return tg, false, false
	}
	if d := r.typedefs[head]; d != nil && len(segs) == 1 {
		return csdlTarget{typedef: d}, true, false
	}
	if c := r.containers[head]; c != nil {
		if len(segs) == 1 {
			if r.opts.Capabilities {
				return csdlTarget{container: true}, true, false
			}
			return tg, false, true
		}
		s := c.sets[segs[1]]
		if s == nil {
			return tg, false, c.imports[segs[1]]
		}
		if len(segs) == 2 {
			return csdlTarget{set: s}, true, false
		}
		t := r.types[s.Type]
		if t == nil {
			return tg, false, false
		}
		tg, ok = r.walk(t, segs[2:])
		tg.set, tg.setPath = s, strings.Join(segs[2:], "/")
		return tg, ok, false
	}
	ns, _ := spec.SplitQualified(head)
	return tg, false, ns != "" && !r.namespaces[ns]
}

// walk follows a path of properties and type casts from t.
func (r *csdlReader) walk(t *spec.StructuredType, segs []string) (csdlTarget, bool) {
	cur := t
	for i, s := range segs {
		last := i == len(segs)-1
		if strings.Contains(s, ".") {
			c := r.types[r.qname(s)]
			if c == nil {
				return csdlTarget{}, false
			}
			cur = c
			continue
		}
		_, p, _ := r.lookup(cur, s)
		if p == nil {
			return csdlTarget{}, false
		}
		if last {
			return csdlTarget{typ: cur, prop: p}, true
		}
		if cur = r.types[p.Type.Name]; cur == nil {
			return csdlTarget{}, false
		}
	}
	return csdlTarget{typ: cur}, true
}

// apply applies one annotation to its resolved target.
func (r *csdlReader) apply(a *csdlAnnot, tg csdlTarget) {
	switch a.term {
	case termDescription, termLongDescription:
		if a.val == nil || a.val.kind != "String" {
			return
		}
		r.describe(tg, strings.TrimSpace(a.val.text), a.term == termLongDescription, a.pos)
	case termComputed, termImmutable, termPermissions, termRevisions:
		if !propFact(a) {
			return
		}
		p := r.change(tg.typ, tg.prop, func(p *spec.Property) bool {
			return a.term == termImmutable && !p.Immutable ||
				a.term == termRevisions && !p.Deprecated ||
				(a.term == termComputed || a.term == termPermissions) && !p.ReadOnly
		})
		switch {
		case p == nil:
		case a.term == termImmutable:
			p.Immutable = true
			p.AddSource(spec.FactImmutable, a.pos)
		case a.term == termRevisions:
			p.Deprecated = true
			p.AddSource(spec.FactDeprecated, a.pos)
		default:
			p.ReadOnly = true
			p.AddSource(spec.FactReadOnly, a.pos)
		}
	case termNavigation:
		r.navRestrictions(tg, a.val)
	default:
		if t := r.behind(tg); t != nil {
			r.restrict(t, a.term, a.val)
		}
	}
}

// navRestrictions applies the FilterRestrictions and CountRestrictions of
// each RestrictedProperties entry to the type behind its navigation path.
// The path starts at the type behind the annotated element or, for an
// annotated navigation property, at the type that declares it (Microsoft
// Graph writes it that way).
func (r *csdlReader) navRestrictions(tg csdlTarget, rec *csdlExpr) {
	if rec == nil || rec.kind != "Record" {
		return
	}
	starts := []*spec.StructuredType{r.behind(tg)}
	if tg.prop != nil {
		starts = append(starts, tg.typ)
	}
	for _, np := range items(field(rec, "RestrictedProperties")) {
		path := field(np, "NavigationProperty")
		f, c := field(np, "FilterRestrictions"), field(np, "CountRestrictions")
		if path == nil || f == nil && c == nil {
			continue // nothing Read applies
		}
		var bt *spec.StructuredType
		for _, t := range starts {
			if t == nil {
				continue
			}
			if x, ok := r.walk(t, strings.Split(strings.TrimSpace(path.text), "/")); ok && x.prop != nil {
				bt = r.types[x.prop.Type.Name]
				break
			}
		}
		if bt == nil {
			r.warn(path.pos, "NavigationRestrictions names %s, which is not a navigation path in this document", path.text)
			continue
		}
		if f != nil && f.kind == "Record" {
			r.filterRestrictions(bt, f)
		}
		if c != nil && c.kind == "Record" {
			r.countRestrictions(bt, c)
		}
	}
}

// propFact reports whether a Core.Computed, Core.Immutable,
// Core.Permissions or Core.Revisions annotation sets its fact.
func propFact(a *csdlAnnot) bool {
	switch a.term {
	case termComputed, termImmutable:
		return boolVal(a.val, true)
	case termPermissions:
		perms := enumMembers(a.val)
		return len(perms) == 1 && perms[0] == "Read"
	case termRevisions:
		if a.val != nil {
			for _, rev := range a.val.items {
				if slices.Contains(enumMembers(field(rev, "Kind")), "Deprecated") {
					return true
				}
			}
		}
	}
	return false
}

// change returns the declaration of p to modify when need(p) says that p,
// reached through t, must change, and nil otherwise. When t inherits p,
// the declaration is a copy of p that change redeclares on t.
func (r *csdlReader) change(t *spec.StructuredType, p *spec.Property, need func(*spec.Property) bool) *spec.Property {
	if t == nil || p == nil || !need(p) {
		return nil
	}
	return r.own(t, p.Name)
}

// describe sets the description of tg. A long description only fills an
// empty one.
func (r *csdlReader) describe(tg csdlTarget, text string, long bool, pos spec.Pos) {
	var d *string
	switch {
	case tg.member != nil:
		d = &tg.member.Description
	case tg.enum != nil:
		d = &tg.enum.Description
	case tg.typedef != nil:
		d = &tg.typedef.Description
	case tg.prop != nil:
		p := r.change(tg.typ, tg.prop, func(p *spec.Property) bool {
			return p.Description != text && (!long || p.Description == "")
		})
		if p == nil {
			return
		}
		d = &p.Description
		if !long || *d == "" {
			p.SetSource(spec.FactDescription, pos)
		}
	case tg.typ != nil:
		d = &tg.typ.Description
	default:
		return
	}
	if !long || *d == "" {
		*d = text
	}
}

// behind returns the structured type that a restriction on tg restricts:
// the type itself, the type of an entity set or singleton, the type of a
// navigation (or complex) property.
func (r *csdlReader) behind(tg csdlTarget) *spec.StructuredType {
	switch {
	case tg.set != nil:
		return r.types[tg.set.Type]
	case tg.prop != nil:
		return r.types[tg.prop.Type.Name]
	case tg.enum == nil && tg.typedef == nil:
		return tg.typ
	}
	return nil
}

// restrict applies a Capabilities restriction record to t.
func (r *csdlReader) restrict(t *spec.StructuredType, term string, rec *csdlExpr) {
	if rec == nil || rec.kind != "Record" {
		return
	}
	switch term {
	case termFilter:
		r.filterRestrictions(t, rec)
	case termCount:
		r.countRestrictions(t, rec)
	case termInsert:
		for _, path := range items(field(rec, "NonInsertableProperties")) {
			if cur, p := r.restricted(t, path, "NonInsertableProperties"); p != nil {
				r.mark(r.own(cur, p.Name), nonInsertable, path.pos)
			}
		}
	case termUpdate:
		for _, path := range items(field(rec, "NonUpdatableProperties")) {
			if cur, p := r.restricted(t, path, "NonUpdatableProperties"); p != nil {
				r.mark(r.own(cur, p.Name), nonUpdatable, path.pos)
			}
		}
	}
}

func (r *csdlReader) mark(p *spec.Property, m uint8, pos spec.Pos) {
	if r.access == nil {
		r.access = map[*spec.Property]*csdlAccess{}
	}
	a := r.access[p]
	if a == nil {
		a = &csdlAccess{}
		r.access[p] = a
	}
	a.marks |= m
	if m == nonInsertable && !a.ins.IsValid() {
		a.ins = pos
	}
	if m == nonUpdatable && !a.upd.IsValid() {
		a.upd = pos
	}
}

// filterRestrictions applies a Capabilities.FilterRestrictions record to t
// (the type behind the annotated element). Filterable false removes Filter
// from every property of t and its bases, navigation properties included;
// NonFilterableProperties removes it from the named ones; each
// FilterExpressionRestrictions entry narrows the property's Ops to those
// its AllowedExpressions allow (intersecting with earlier restrictions,
// an empty Ops meaning all), drops Filter when none remain, keeps Null only
// if eq or ne survives, and moves Filter.Pos to the entry. An entry whose
// words are all unknown changes nothing. An inherited property is changed
// on a copy redeclared on the type it is reached through (t, or the type
// a path casts to; see change), never on the base; paths that name
// nothing or go through properties are warned about by restricted.
func (r *csdlReader) filterRestrictions(t *spec.StructuredType, rec *csdlExpr) {
	if !boolVal(field(rec, "Filterable"), true) {
		for cur, n := t, 0; cur != nil && n <= len(r.spec.Types); cur, n = r.types[cur.BaseType], n+1 {
			for _, list := range [][]*spec.Property{cur.Properties, cur.NavigationProperties} {
				for _, p := range list {
					if p := r.change(t, p, hasFilter); p != nil {
						p.Filter = nil
						p.SetSource(spec.FactFilter, field(rec, "Filterable").pos)
					}
				}
			}
		}
	}
	for _, path := range items(field(rec, "NonFilterableProperties")) {
		if cur, p := r.restricted(t, path, "NonFilterableProperties"); p != nil {
			if p := r.change(cur, p, hasFilter); p != nil {
				p.Filter = nil
				p.SetSource(spec.FactFilter, path.pos)
			}
		}
	}
	for _, fe := range items(field(rec, "FilterExpressionRestrictions")) {
		path, allowed := field(fe, "Property"), field(fe, "AllowedExpressions")
		if path == nil || allowed == nil {
			continue
		}
		ops := r.allowedOps(allowed)
		if len(ops) == 0 {
			continue
		}
		cur, p := r.restricted(t, path, "FilterExpressionRestrictions")
		p = r.change(cur, p, func(p *spec.Property) bool {
			return p.Filter != nil && !slices.Equal(p.Filter.Ops, intersect(p.Filter.Ops, ops))
		})
		if p == nil {
			continue
		}
		f := p.Filter
		p.SetSource(spec.FactFilter, fe.pos)
		if f.Ops = intersect(f.Ops, ops); len(f.Ops) == 0 {
			p.Filter = nil
			continue
		}
		f.Null = f.Null && (f.Allows(spec.OpEq) || f.Allows(spec.OpNe))
		f.Pos = fe.pos
	}
}

func (r *csdlReader) countRestrictions(t *spec.StructuredType, rec *csdlExpr) {
	for _, name := range []string{"NonCountableProperties", "NonCountableNavigationProperties"} {
		for _, path := range items(field(rec, name)) {
			cur, p := r.restricted(t, path, name)
			if p := r.change(cur, p, func(p *spec.Property) bool { return p.Filter != nil && p.Filter.Count }); p != nil {
				p.Filter.Count = false
				p.AddSource(spec.FactFilter, path.pos)
			}
		}
	}
}

// allowedOps reads an AllowedExpressions value, in FilterOps order.
func (r *csdlReader) allowedOps(e *csdlExpr) []spec.FilterOp {
	set := make([]bool, len(spec.FilterOps))
	for _, w := range strings.FieldsFunc(e.text, func(c rune) bool { return c == ' ' || c == ',' || c == '\t' || c == '\n' || c == '\r' }) {
		if ops, ok := filterExpressionOps[w]; ok {
			for _, op := range ops {
				set[slices.Index(spec.FilterOps, op)] = true
			}
		} else if op, ok := spec.ParseFilterOp(w); ok {
			set[slices.Index(spec.FilterOps, op)] = true
		} else {
			r.warn(e.pos, "AllowedExpressions %q: unknown expression type %q", e.text, w)
		}
	}
	var ops []spec.FilterOp
	for i, ok := range set {
		if ok {
			ops = append(ops, spec.FilterOps[i])
		}
	}
	return ops
}

func hasFilter(p *spec.Property) bool { return p.Filter != nil }

// intersect returns the operators of have (all of them when have is
// empty) that allow also allows.
func intersect(have, allow []spec.FilterOp) []spec.FilterOp {
	if len(have) == 0 {
		return slices.Clone(allow)
	}
	var out []spec.FilterOp
	for _, op := range have {
		if slices.Contains(allow, op) {
			out = append(out, op)
		}
	}
	return out
}

// restricted resolves the property path of a restriction on t (following
// type casts) to the property and the type it is reached through, or
// warns and returns nil.
func (r *csdlReader) restricted(t *spec.StructuredType, path *csdlExpr, what string) (*spec.StructuredType, *spec.Property) {
	text := strings.TrimSpace(path.text)
	segs := strings.Split(text, "/")
	cur := t
	for _, s := range segs[:len(segs)-1] {
		c := r.types[r.qname(s)]
		if !strings.Contains(s, ".") || c == nil {
			r.warn(path.pos, "%s of %s: path %s is not applied: odatagen keeps $filter support per type and property, not per path",
				what, t.QualifiedName(), text)
			return nil, nil
		}
		cur = c
	}
	_, p, _ := r.lookup(cur, segs[len(segs)-1])
	if p == nil {
		r.warn(path.pos, "%s of %s names %s, which %s does not have", what, t.QualifiedName(), text, cur.QualifiedName())
		return nil, nil
	}
	return cur, p
}

// field returns the value of a record's property, or nil.
func field(rec *csdlExpr, name string) *csdlExpr {
	if rec == nil {
		return nil
	}
	for _, f := range rec.fields {
		if f.name == name {
			return f.val
		}
	}
	return nil
}

// items returns the non-nil items of a collection.
func items(e *csdlExpr) []*csdlExpr {
	if e == nil {
		return nil
	}
	return slices.DeleteFunc(slices.Clone(e.items), func(x *csdlExpr) bool { return x == nil })
}

// boolVal reads a Bool constant; an absent value (a Tag) is def.
func boolVal(e *csdlExpr, def bool) bool {
	if e == nil || e.kind != "Bool" {
		return def
	}
	switch strings.TrimSpace(e.text) {
	case "true", "1":
		return true
	case "false", "0":
		return false
	}
	return def
}

// enumMembers returns the member names of an EnumMember value
// ("Org.OData.Core.V1.Permission/Read Org.OData.Core.V1.Permission/Write"),
// or of a collection of them.
func enumMembers(e *csdlExpr) []string {
	if e == nil {
		return nil
	}
	var out []string
	if e.kind == "EnumMember" {
		for _, w := range strings.Fields(e.text) {
			_, m, _ := strings.Cut(w, "/")
			out = append(out, m)
		}
	}
	for _, it := range e.items {
		out = append(out, enumMembers(it)...)
	}
	return out
}
