package spec

import (
	"fmt"
	"slices"
	"strings"
)

// Merge combines several specs into one: a resource page with its API
// pages, several resource pages, a YAML file, CSDL plus docs pages.
//
// The rules, in order:
//
//  1. Names. Types, enums and type definitions are matched by qualified name
//     without regard to case; the first spelling is kept. A name declared as
//     two different things (a type here, an enum there) keeps the first
//     declaration and warns.
//  2. Resolution. Every type reference (property types, base types,
//     operation types, body property types, entity set types) that does not
//     name a declared type exactly is resolved with Index.Resolve (any case,
//     or a simple name that exactly one declaration has; primitive spellings
//     through LookupPrimitive) and rewritten to the canonical qualified
//     name. Resolution happens before combining, so that two sources that
//     spell a reference differently do not disagree. A name that resolves
//     to nothing is kept as written and warned about once.
//  3. Combining. The first source gives each declaration its skeleton and
//     order; later sources add what it lacks: missing properties are
//     appended, unset descriptions, defaults, filter and query option
//     support, facets, kinds, base types and keys are filled, flags are
//     or-ed (Nullable: a stated false wins over the default true). Where two sources state different
//     facts (a property's type, a base type, a kind, a key, a default, the
//     filter operators, the other query options, returned by default or
//     only on $select, an enum's member list or values), the first is kept
//     and a Warning carries both positions: Pos is the later source, Other
//     the kept one. Operations with the same kind and type, and entity sets
//     with the same name, keep the first.
//  4. Entity kinds. A type whose base chain reaches an entity type is an
//     entity type; a type of unknown kind that has a key is one too.
//  5. Cross-checks, which warn and change nothing: an operation body
//     property that the type (or a base type) marks read-only, or immutable
//     on an update, or does not have at all, or gives another type. The
//     seed pages do this: the resource page says partnerId is read-only,
//     the Create page lists it as required; the merged spec keeps both
//     facts and the warning points at both lines.
//
// A property's Sources follow its facts: the source of the value that
// stands comes first, then those of later inputs that state the same (see
// combineSources).
//
// Merge copies every element it returns, so the inputs are never changed
// and the result shares no pointers with them. The result and the warnings
// depend only on the inputs and their order.
func Merge(parts ...*Spec) (*Spec, []Warning) {
	m := &merger{
		decls:      map[string]*decl{},
		types:      map[string]*StructuredType{},
		enums:      map[string]*EnumType{},
		typeDefs:   map[string]*TypeDef{},
		ops:        map[string]*Operation{},
		sets:       map[string]*EntitySet{},
		unresolved: map[string]*unresolvedRef{},
	}
	m.declare(parts)
	for _, p := range parts {
		if p != nil {
			m.add(p)
		}
	}
	m.reportUnresolved()
	ix := NewIndex(&m.out)
	m.propagateKinds(ix)
	keysNotNullable(ix, m.out.Types)
	m.crossCheck(ix)
	return &m.out, m.warnings
}

type decl struct {
	q    string // canonical qualified name (first spelling)
	what string // "type", "enum" or "type definition"
	pos  Pos
	// json and notJSON: some declaration of the name is, or is not, an
	// empty Json complex type (see declaredJSON).
	json, notJSON bool
}

type unresolvedRef struct {
	name  string
	pos   Pos
	count int
}

type merger struct {
	out      Spec
	warnings []Warning

	decls    map[string]*decl // lower-cased qualified name -> first declaration
	ix       *Index           // of the canonical declarations, for resolution
	types    map[string]*StructuredType
	enums    map[string]*EnumType
	typeDefs map[string]*TypeDef
	ops      map[string]*Operation
	sets     map[string]*EntitySet

	unresolved      map[string]*unresolvedRef
	unresolvedOrder []string

	// subject is the qualified name of the type being merged or
	// checked, for Warning.Type.
	subject string
}

// warn records a warning; one with a second position is a disagreement
// between two sources.
func (m *merger) warn(pos, other Pos, format string, args ...any) {
	kind := WarnInput
	if other.IsValid() {
		kind = WarnDisagreement
	}
	m.warnings = append(m.warnings, Warning{Pos: pos, Other: other, Msg: fmt.Sprintf(format, args...), Kind: kind, Type: m.subject})
}

// declare records the first declaration of every name and indexes them.
func (m *merger) declare(parts []*Spec) {
	stub := &Spec{}
	add := func(ns, name, what string, pos Pos) {
		q := Qualify(ns, name)
		k := strings.ToLower(q)
		if d := m.decls[k]; d != nil {
			if d.what != what {
				m.warn(pos, d.pos, "%s is declared as %s here but as %s first; keeping the %s", q, article(what), article(d.what), d.what)
			}
			return
		}
		m.decls[k] = &decl{q: q, what: what, pos: pos}
		switch what {
		case "type":
			stub.Types = append(stub.Types, &StructuredType{Namespace: ns, Name: name})
		case "enum":
			stub.Enums = append(stub.Enums, &EnumType{Namespace: ns, Name: name})
		default:
			stub.TypeDefs = append(stub.TypeDefs, &TypeDef{Namespace: ns, Name: name})
		}
	}
	for _, p := range parts {
		if p == nil {
			continue
		}
		for _, t := range p.Types {
			if t != nil {
				add(t.Namespace, t.Name, "type", t.Pos)
				d := m.decls[strings.ToLower(t.QualifiedName())]
				d.json, d.notJSON = d.json || emptyJSONType(t), d.notJSON || !emptyJSONType(t)
			}
		}
		for _, e := range p.Enums {
			if e != nil {
				add(e.Namespace, e.Name, "enum", e.Pos)
			}
		}
		for _, d := range p.TypeDefs {
			if d != nil {
				add(d.Namespace, d.Name, "type definition", d.Pos)
			}
		}
	}
	m.ix = NewIndex(stub)
}

func article(what string) string {
	if what[0] == 'e' {
		return "an " + what
	}
	return "a " + what
}

// owns reports whether the declaration at pos is the one that owns its name's
// kind (it is not a type shadowed by an earlier enum of the same name, say).
func (m *merger) owns(ns, name, what string) bool {
	d := m.decls[strings.ToLower(Qualify(ns, name))]
	return d != nil && d.what == what
}

// resolve returns the canonical name for a type reference.
func (m *merger) resolve(name string, pos Pos) string {
	if name == "" || IsPrimitiveName(name) {
		return name
	}
	if q, ok := m.ix.Resolve(name); ok {
		return q
	}
	if p, ok := LookupPrimitive(name); ok {
		return p
	}
	k := strings.ToLower(name)
	if u := m.unresolved[k]; u != nil {
		u.count++
	} else {
		m.unresolved[k] = &unresolvedRef{name: name, pos: pos, count: 1}
		m.unresolvedOrder = append(m.unresolvedOrder, k)
	}
	return name
}

func (m *merger) resolveRef(r TypeRef, pos Pos) TypeRef {
	r.Name = m.resolve(r.Name, pos)
	return r
}

func (m *merger) reportUnresolved() {
	for _, k := range m.unresolvedOrder {
		u := m.unresolved[k]
		more := ""
		if u.count > 1 {
			more = fmt.Sprintf(" (referenced %d times)", u.count)
		}
		m.warnings = append(m.warnings, Warning{Pos: u.pos, Kind: WarnUndefined, Type: u.name,
			Msg: fmt.Sprintf("type %s is not defined by any input%s", u.name, more)})
	}
}

// add merges one input into m.out, after declare has fixed each name's
// first spelling and kind. Types, enums and type definitions that a name's
// first declaration does not own (a type shadowed by an earlier enum of
// that name) are dropped; the rest are deep-copied with their references
// resolved (see resolve), and either appended as the first declaration of
// their lower-cased name, which gives the output its order, or combined
// into it (combineType, combineEnum, or underlying type and description
// for a type definition). An operation with a type is kept only if it is
// the first of its kind for that type (a later one is warned about); ones
// without a type are all kept. An entity set is kept if it is the first of
// its lower-cased name, with a warning when a later one differs in type or
// singleton-ness. m.subject is set for each declaration and operation so
// that warnings carry Warning.Type; entity sets do not set it, so their
// warnings carry whatever subject came last.
func (m *merger) add(p *Spec) {
	for _, t := range p.Types {
		if t == nil || !m.owns(t.Namespace, t.Name, "type") {
			continue
		}
		m.subject = t.QualifiedName()
		c := m.cloneType(t)
		k := strings.ToLower(t.QualifiedName())
		if first := m.types[k]; first != nil {
			m.combineType(first, c)
			continue
		}
		m.types[k] = c
		m.out.Types = append(m.out.Types, c)
	}
	for _, e := range p.Enums {
		if e == nil || !m.owns(e.Namespace, e.Name, "enum") {
			continue
		}
		m.subject = e.QualifiedName()
		c := cloneEnum(e)
		k := strings.ToLower(e.QualifiedName())
		if first := m.enums[k]; first != nil {
			m.combineEnum(first, c)
			continue
		}
		m.enums[k] = c
		m.out.Enums = append(m.out.Enums, c)
	}
	for _, d := range p.TypeDefs {
		if d == nil || !m.owns(d.Namespace, d.Name, "type definition") {
			continue
		}
		m.subject = d.QualifiedName()
		c := *d
		c.UnderlyingType = m.resolve(c.UnderlyingType, c.Pos)
		k := strings.ToLower(d.QualifiedName())
		if first := m.typeDefs[k]; first != nil {
			what := "type definition " + first.QualifiedName()
			m.fillString(&first.UnderlyingType, c.UnderlyingType, what+": underlying type", c.Pos, first.Pos)
			fillText(&first.Description, c.Description)
			continue
		}
		m.typeDefs[k] = &c
		m.out.TypeDefs = append(m.out.TypeDefs, &c)
	}
	for _, op := range p.Operations {
		if op == nil {
			continue
		}
		m.subject = op.Type
		c := m.cloneOperation(op)
		if c.Type != "" {
			k := string(c.Kind) + "\x00" + strings.ToLower(c.Type)
			if first := m.ops[k]; first != nil {
				m.warn(c.Pos, first.Pos, "a second %s operation for %s; keeping the first", c.Kind, c.Type)
				continue
			}
			m.ops[k] = c
		}
		m.out.Operations = append(m.out.Operations, c)
	}
	if p.Container != nil {
		m.subject = ""
		m.combineCaps("entity container", &m.out.Container, p.Container)
	}
	for _, es := range p.EntitySets {
		if es == nil {
			continue
		}
		c := *es
		c.Bindings = slices.Clone(es.Bindings)
		c.Capabilities = es.Capabilities.Clone()
		c.Paths = clonePaths(es.Paths)
		c.Type = m.resolve(c.Type, c.Pos)
		m.subject = c.Type // an entity set's warnings concern its type
		k := strings.ToLower(c.Name)
		if first := m.sets[k]; first != nil {
			if !strings.EqualFold(first.Type, c.Type) || first.Singleton != c.Singleton {
				m.warn(c.Pos, first.Pos, "entity set %s is %s here but %s first; keeping the first",
					c.Name, setString(&c), setString(first))
			}
			what := "entity set " + first.Name
			m.combineCaps(what, &first.Capabilities, c.Capabilities)
			m.combinePaths(what, &first.Paths, c.Paths)
			for _, b := range c.Bindings {
				if !slices.ContainsFunc(first.Bindings, func(a Binding) bool { return strings.EqualFold(a.Path, b.Path) }) {
					first.Bindings = append(first.Bindings, b)
				}
			}
			continue
		}
		m.sets[k] = &c
		m.out.EntitySets = append(m.out.EntitySets, &c)
	}
}

func setString(es *EntitySet) string {
	if es.Singleton {
		return "a singleton of " + es.Type
	}
	return "a set of " + es.Type
}

// cloneType deep-copies t with its references resolved.
func (m *merger) cloneType(t *StructuredType) *StructuredType {
	c := *t
	c.BaseType = m.resolve(t.BaseType, t.Pos)
	c.Key = slices.Clone(t.Key)
	c.Properties = m.cloneProperties(t.Properties)
	c.NavigationProperties = m.cloneProperties(t.NavigationProperties)
	c.Capabilities = t.Capabilities.Clone()
	c.InheritedNavigation = clonePaths(t.InheritedNavigation)
	return &c
}

func (m *merger) cloneProperties(ps []*Property) []*Property {
	var out []*Property
	for _, p := range ps {
		if p == nil {
			continue
		}
		c := m.cloneProperty(p)
		out = append(out, c)
	}
	return out
}

func (m *merger) cloneProperty(p *Property) *Property {
	c := *p
	c.Type = m.resolveRef(p.Type, p.Pos)
	if p.Default != nil {
		d := *p.Default
		c.Default = &d
	}
	c.Filter = cloneFilter(p.Filter)
	c.Query = cloneQuery(p.Query)
	c.Conditions = slices.Clone(p.Conditions)
	c.Capabilities = p.Capabilities.Clone()
	c.Sources = slices.Clip(p.Sources) // appends reallocate: p's stay p's
	return &c
}

func cloneFilter(f *FilterSupport) *FilterSupport {
	if f == nil {
		return nil
	}
	c := *f
	c.Ops = slices.Clone(f.Ops)
	return &c
}

func cloneQuery(q *QuerySupport) *QuerySupport {
	if q == nil {
		return nil
	}
	c := *q
	c.Options = slices.Clone(q.Options)
	return &c
}

func cloneEnum(e *EnumType) *EnumType {
	c := *e
	c.Members = nil
	for _, mem := range e.Members {
		if mem != nil {
			mc := *mem
			c.Members = append(c.Members, &mc)
		}
	}
	return &c
}

func (m *merger) cloneOperation(op *Operation) *Operation {
	c := *op
	c.Type = m.resolve(op.Type, op.Pos)
	c.Body = nil
	for _, b := range op.Body {
		if b != nil {
			bc := *b
			bc.Type = m.resolveRef(b.Type, b.Pos)
			c.Body = append(c.Body, &bc)
		}
	}
	return &c
}

// fillString fills an empty *dst from v, or warns when both are set and
// differ.
func (m *merger) fillString(dst *string, v, what string, pos, first Pos) {
	switch {
	case v == "" || strings.EqualFold(*dst, v):
	case *dst == "":
		*dst = v
	default:
		m.warn(pos, first, "%s is %s here but %s first; keeping %s", what, v, *dst, *dst)
	}
}

func fillText(dst *string, v string) {
	if *dst == "" {
		*dst = v
	}
}

func (m *merger) fillInt(dst *int, v int, what string, pos, first Pos) {
	switch {
	case v == 0 || *dst == v:
	case *dst == 0:
		*dst = v
	default:
		m.warn(pos, first, "%s is %d here but %d first; keeping %d", what, v, *dst, *dst)
	}
}

// combineType merges b, a later declaration of the same type, into a, the
// first: kind, base type and key are filled when a has none and warned
// about when they differ (in more than case; a's stand), Abstract and Open
// are or-ed and an empty description is filled. Properties are matched by
// name in any case across both lists: new ones are appended to the list of
// their kind, one that is structural on one side and navigation on the
// other is warned about and left as a has it, and the rest are combined by
// combineProperty. b must be a copy that a may keep pointers into.
func (m *merger) combineType(a, b *StructuredType) {
	what := "type " + a.QualifiedName()
	m.fillString((*string)(&a.Kind), string(b.Kind), what+": kind", b.Pos, a.Pos)
	m.fillString(&a.BaseType, b.BaseType, what+": base type", b.Pos, a.Pos)
	a.Abstract = a.Abstract || b.Abstract
	a.Open = a.Open || b.Open
	switch {
	case len(b.Key) == 0 || equalFoldList(a.Key, b.Key):
	case len(a.Key) == 0:
		a.Key = b.Key
	default:
		m.warn(b.Pos, a.Pos, "%s: key is [%s] here but [%s] first; keeping [%s]", what,
			strings.Join(b.Key, ", "), strings.Join(a.Key, ", "), strings.Join(a.Key, ", "))
	}
	fillText(&a.Description, b.Description)
	m.combineCaps(what, &a.Capabilities, b.Capabilities)
	m.combinePaths(what+" inherited navigation", &a.InheritedNavigation, b.InheritedNavigation)
	for _, nav := range []bool{false, true} {
		list := b.Properties
		if nav {
			list = b.NavigationProperties
		}
		for _, bp := range list {
			ap, apNav := findProperty(a, bp.Name)
			switch {
			case ap == nil && nav:
				a.NavigationProperties = append(a.NavigationProperties, bp)
			case ap == nil:
				a.Properties = append(a.Properties, bp)
			case apNav != nav:
				m.warn(bp.Pos, ap.Pos, "%s: %s is a %s here but a %s first; keeping the first", what, bp.Name,
					propKind(nav), propKind(apNav))
			default:
				m.combineProperty(what, ap, bp)
			}
		}
	}
}

func propKind(nav bool) string {
	if nav {
		return "navigation property"
	}
	return "structural property"
}

// findProperty finds a property by name in any case, and says whether it
// is a navigation property.
func findProperty(t *StructuredType, name string) (*Property, bool) {
	for _, p := range t.Properties {
		if strings.EqualFold(p.Name, name) {
			return p, false
		}
	}
	for _, p := range t.NavigationProperties {
		if strings.EqualFold(p.Name, name) {
			return p, true
		}
	}
	return nil, false
}

func equalFoldList(a, b []string) bool {
	return slices.EqualFunc(a, b, strings.EqualFold)
}

// combineProperty merges b, a later declaration of a property, into a:
// the type is filled or, when it differs (collection included, case
// ignored), warned about; Nullable is and-ed (a stated false wins) and
// ReadOnly, Required, Immutable, Deprecated and ContainsTarget are or-ed;
// the default, partner and facets are filled, with a warning when both
// differ (the default exactly, facets with 0 as unset). Filter support is
// taken when a has none; when both have one, different Ops (compared in
// order) are warned about and a's kept, while Null and Count are or-ed.
// The other query options and Returned (Query) are combined the same way,
// each on its own: a's options are filled from b's when a names none, and
// two different non-empty lists are warned about, a's kept; Returned is
// filled, and "by default" against "only on $select" is warned about, a's
// kept. typeWhat names the type for the warnings, which carry b's position first.
func (m *merger) combineProperty(typeWhat string, a, b *Property) {
	combineSources(a, b)
	what := typeWhat + ": property " + a.Name
	switch {
	case b.Type.Name == "" || strings.EqualFold(a.Type.String(), b.Type.String()):
	case a.Type.Name == "":
		a.Type = b.Type
	case untypedJSON(a.Type, b.Type, m.declaredJSON):
		if strings.EqualFold(a.Type.Name, "Edm.Untyped") { // any JSON value both: keep the named type
			a.Type = b.Type
		}
	default:
		m.warn(b.Pos, a.Pos, "%s has type %s here but %s first; keeping %s", what, b.Type, a.Type, a.Type)
	}
	a.Nullable = a.Nullable && b.Nullable
	a.ReadOnly = a.ReadOnly || b.ReadOnly
	a.Required = a.Required || b.Required
	if len(a.Conditions) == 0 {
		a.Conditions = slices.Clone(b.Conditions)
	}
	a.Immutable = a.Immutable || b.Immutable
	a.Deprecated = a.Deprecated || b.Deprecated
	a.ContainsTarget = a.ContainsTarget || b.ContainsTarget
	switch {
	case b.Default == nil || (a.Default != nil && *a.Default == *b.Default):
	case a.Default == nil:
		a.Default = b.Default
	default:
		m.warn(b.Pos, a.Pos, "%s has default %q here but %q first; keeping %q", what, *b.Default, *a.Default, *a.Default)
	}
	switch {
	case b.Filter == nil:
	case a.Filter == nil:
		a.Filter = b.Filter
	default:
		if !slices.Equal(a.Filter.Ops, b.Filter.Ops) {
			m.warn(filterPos(b), filterPos(a), "%s supports $filter with %s here but %s first; keeping %s",
				what, opsString(b.Filter.Ops), opsString(a.Filter.Ops), opsString(a.Filter.Ops))
		}
		a.Filter.Null = a.Filter.Null || b.Filter.Null
		a.Filter.Count = a.Filter.Count || b.Filter.Count
	}
	m.combineQuery(what, a, b)
	m.fillString(&a.Partner, b.Partner, what+": partner", b.Pos, a.Pos)
	m.fillInt(&a.MaxLength, b.MaxLength, what+": max length", b.Pos, a.Pos)
	m.fillInt(&a.Precision, b.Precision, what+": precision", b.Pos, a.Pos)
	m.fillInt(&a.Scale, b.Scale, what+": scale", b.Pos, a.Pos)
	fillText(&a.Description, b.Description)
	m.combineCaps(what, &a.Capabilities, b.Capabilities)
}

// combineQuery merges b's Query into a's, as combineProperty says.
func (m *merger) combineQuery(what string, a, b *Property) {
	switch {
	case b.Query == nil:
		return
	case a.Query == nil:
		a.Query = b.Query
		return
	}
	aq, bq := a.Query, b.Query
	switch {
	case len(bq.Options) == 0 || slices.Equal(aq.Options, bq.Options):
	case len(aq.Options) == 0:
		aq.Options = bq.Options
	default:
		m.warn(queryPos(b), queryPos(a), "%s supports %s here but %s first; keeping %s",
			what, optionsString(bq.Options), optionsString(aq.Options), optionsString(aq.Options))
	}
	switch {
	case bq.Returned == ReturnedUnstated || aq.Returned == bq.Returned:
	case aq.Returned == ReturnedUnstated:
		aq.Returned = bq.Returned
	default:
		m.warn(queryPos(b), queryPos(a), "%s is returned %s here but %s first; keeping %s",
			what, returnedString(bq.Returned), returnedString(aq.Returned), returnedString(aq.Returned))
	}
}

func queryPos(p *Property) Pos {
	if p.Query.Pos.IsValid() {
		return p.Query.Pos
	}
	return p.Pos
}

func optionsString(opts []QueryOption) string {
	s := make([]string, len(opts))
	for i, o := range opts {
		s[i] = string(o)
	}
	return strings.Join(s, ", ")
}

func returnedString(r Returned) string {
	if r == ReturnedOnSelect {
		return "only on $select"
	}
	return "by default"
}

func filterPos(p *Property) Pos {
	if p.Filter.Pos.IsValid() {
		return p.Filter.Pos
	}
	return p.Pos
}

func opsString(ops []FilterOp) string {
	if len(ops) == 0 {
		return "any operator"
	}
	s := make([]string, len(ops))
	for i, op := range ops {
		s[i] = string(op)
	}
	return "(" + strings.Join(s, ", ") + ")"
}

// combineEnum merges b, a later declaration of an enum, into a. The
// underlying type and description are filled. a takes b's members (and
// flags) when it has none; member lists that differ in names or order are
// warned about and a's kept. With the same names, empty member
// descriptions are filled, and values decide: equal values or b's implicit
// 0, 1, 2... keep a's; a's implicit values (a not flags) give way to b's,
// with b's Flags; other differences are warned about, a's kept. Apart from
// that case Flags is or-ed, except that a b without members is ignored for
// it. The sentinel is taken from b when a has none and has that member.
func (m *merger) combineEnum(a, b *EnumType) {
	what := "enum " + a.QualifiedName()
	m.fillString(&a.UnderlyingType, b.UnderlyingType, what+": underlying type", b.Pos, a.Pos)
	fillText(&a.Description, b.Description)
	switch {
	case len(b.Members) == 0:
	case len(a.Members) == 0:
		a.Members = b.Members
		a.Flags = a.Flags || b.Flags
	case !slices.EqualFunc(a.Members, b.Members, func(x, y *EnumMember) bool { return strings.EqualFold(x.Name, y.Name) }):
		m.warn(b.Pos, a.Pos, "%s has members %s here but %s first; keeping the first", what,
			memberNames(b), memberNames(a))
		a.Flags = a.Flags || b.Flags
	default:
		for i, bm := range b.Members {
			fillText(&a.Members[i].Description, bm.Description)
		}
		switch {
		case equalValues(a, b):
			a.Flags = a.Flags || b.Flags
		case !b.Flags && implicitValues(b):
			// b only numbered its members; a's values stand.
			a.Flags = a.Flags || b.Flags
		case !a.Flags && implicitValues(a):
			for i, bm := range b.Members {
				a.Members[i].Value = bm.Value
			}
			a.Flags = b.Flags
		default:
			m.warn(b.Pos, a.Pos, "%s has values %s here but %s first; keeping the first", what,
				memberValues(b), memberValues(a))
			a.Flags = a.Flags || b.Flags
		}
	}
	if a.Sentinel == "" && b.Sentinel != "" && a.Member(b.Sentinel) != nil {
		a.Sentinel = b.Sentinel
	}
}

func equalValues(a, b *EnumType) bool {
	return slices.EqualFunc(a.Members, b.Members, func(x, y *EnumMember) bool { return x.Value == y.Value })
}

// implicitValues reports whether every member's value is its index, as
// readers give when the input has no values.
func implicitValues(e *EnumType) bool {
	for i, mem := range e.Members {
		if mem != nil && mem.Value != int64(i) {
			return false
		}
	}
	return true
}

func memberNames(e *EnumType) string {
	s := make([]string, len(e.Members))
	for i, mem := range e.Members {
		s[i] = mem.Name
	}
	return "(" + strings.Join(s, ", ") + ")"
}

func memberValues(e *EnumType) string {
	s := make([]string, len(e.Members))
	for i, mem := range e.Members {
		s[i] = fmt.Sprintf("%s=%d", mem.Name, mem.Value)
	}
	return "(" + strings.Join(s, ", ") + ")"
}

// propagateKinds makes a type of unknown kind that has a key an entity
// type, then every type whose base chain reaches an entity type an entity
// type. (Base type cycles are for Index.CheckInheritance to report: Resolve
// and load.Spec refuse them.)
func (m *merger) propagateKinds(ix *Index) {
	for _, t := range m.out.Types {
		if t.Kind == "" && len(t.Key) > 0 {
			t.Kind = EntityKind
		}
	}
	for _, t := range m.out.Types {
		m.subject = t.QualifiedName()
		chain := ix.BaseChain(t)
		if t.Kind == EntityKind {
			continue
		}
		for _, b := range chain[1:] {
			if b.Kind == EntityKind {
				t.Kind = EntityKind
				break
			}
		}
	}
}

// crossCheck compares operation bodies with their types.
func (m *merger) crossCheck(ix *Index) {
	for _, op := range m.out.Operations {
		t := ix.Type(op.Type)
		if t == nil {
			// An unknown type was reported by resolution; an operation
			// without a type has nothing to check against.
			continue
		}
		m.subject = t.QualifiedName()
		chain := ix.BaseChain(t)
		for _, b := range op.Body {
			var p *Property
			for _, ct := range chain {
				if p, _ = findProperty(ct, b.Name); p != nil {
					break
				}
			}
			if p == nil {
				m.warn(b.Pos, t.Pos, "the %s body has %s, which %s does not have", op.Kind, b.Name, t.QualifiedName())
				continue
			}
			verb := "lists"
			if b.Required {
				verb = "requires"
			}
			if p.ReadOnly {
				m.warn(b.Pos, p.StatedAt(FactReadOnly), "the %s body %s %s, which %s marks read-only", op.Kind, verb, b.Name, t.QualifiedName())
			}
			if op.Kind == Update && p.Immutable {
				m.warn(b.Pos, p.StatedAt(FactImmutable), "the update body lists %s, which %s marks immutable (settable on create only)", b.Name, t.QualifiedName())
			}
			if b.Type.Name != "" && p.Type.Name != "" && !strings.EqualFold(b.Type.String(), p.Type.String()) && !untypedJSON(b.Type, p.Type, func(q string) bool { return emptyJSONType(ix.Type(q)) }) {
				m.warn(b.Pos, p.StatedAt(FactType), "the %s body gives %s type %s, but %s says %s", op.Kind, b.Name, b.Type, t.QualifiedName(), p.Type)
			}
		}
	}
}

// keysNotNullable marks key properties not nullable: OData does not allow a
// nullable key, and docs pages, which state nullability only now and then,
// would otherwise leave every key nullable. A type without a key of its own
// uses the first key of its base chain.
func keysNotNullable(ix *Index, types []*StructuredType) {
	for _, t := range types {
		var key []string
		var keyPos Pos // the type that declares the key: the source of not-nullable
		for _, b := range ix.BaseChain(t) {
			if len(b.Key) > 0 {
				key, keyPos = b.Key, b.Pos
				break
			}
		}
		for _, name := range key {
			for _, p := range t.Properties {
				if p.Name == name && p.Nullable {
					p.Nullable = false
					p.SetSource(FactNullable, keyPos)
				}
			}
		}
	}
}

// combineCaps combines the capabilities b into *dst term by term (see
// combineCapabilities), warning about each term the two state
// differently; b is deep-copied, never shared.
func (m *merger) combineCaps(what string, dst **Capabilities, b *Capabilities) {
	switch {
	case b == nil:
	case *dst == nil:
		*dst = b.Clone()
	default:
		for _, d := range combineCapabilities(*dst, b) {
			m.warn(d.here, d.them, "%s: capability %s differs here from the first; keeping the first", what, d.term)
		}
	}
}

// combinePaths combines path capabilities by path (case-insensitive), new
// paths in b's order after a's.
func (m *merger) combinePaths(what string, dst *[]*PathCapabilities, b []*PathCapabilities) {
	for _, bp := range b {
		if bp == nil {
			continue
		}
		var found *PathCapabilities
		for _, ap := range *dst {
			if strings.EqualFold(ap.Path, bp.Path) {
				found = ap
				break
			}
		}
		if found == nil {
			*dst = append(*dst, &PathCapabilities{Path: bp.Path, Capabilities: bp.Capabilities.Clone()})
			continue
		}
		m.combineCaps(what+" path "+bp.Path, &found.Capabilities, bp.Capabilities)
	}
}

// combineSources merges b's Sources into a's, before combineProperty
// combines the facts: for each fact b states, b's sources replace a's when
// the merged value is b's (a had none, or b's wins: a stated
// not-nullable, a set flag), and follow a's when both state the same; when
// they disagree, a's value stands and b's statement is left out (Merge
// warns about it where it matters). A position a already has for the fact
// is not added twice. a's slice must have no room to append into that
// another property uses (cloneProperty clips it).
func combineSources(a, b *Property) {
	var done [len(factNames)]bool
	for _, s := range b.Sources {
		f := s.Fact
		if int(f) >= len(done) || done[f] {
			continue
		}
		done[f] = true
		taken, agreed := factOutcome(a, b, f)
		switch {
		case taken:
			takeSources(a, b, f)
		case agreed:
			for _, bs := range b.Sources {
				if bs.Fact == f && !slices.Contains(a.Sources, bs) {
					a.Sources = append(a.Sources, bs)
				}
			}
		}
	}
}

// takeSources makes b's sources of fact f a's: a's own stated another
// value (the default nullability, a CSDL "not filterable"), which the
// merged value is not.
func takeSources(a, b *Property, f Fact) {
	a.SetSource(f, Pos{})
	for _, bs := range b.Sources {
		if bs.Fact == f {
			a.Sources = append(a.Sources, bs)
		}
	}
}

// factOutcome says, from a's and b's values of fact f before
// combineProperty combines them, whether the merged value is b's (taken)
// or the one both state (agreed); neither means they differ and a's
// stands.
func factOutcome(a, b *Property, f Fact) (taken, agreed bool) {
	flag := func(x, y bool) (bool, bool) { return !x && y, x == y }
	switch f {
	case FactType:
		return a.Type.Name == "" && b.Type.Name != "", strings.EqualFold(a.Type.String(), b.Type.String())
	case FactNullable:
		return a.Nullable && !b.Nullable, a.Nullable == b.Nullable
	case FactReadOnly:
		return flag(a.ReadOnly, b.ReadOnly)
	case FactRequired:
		return flag(a.Required, b.Required)
	case FactImmutable:
		return flag(a.Immutable, b.Immutable)
	case FactDeprecated:
		return flag(a.Deprecated, b.Deprecated)
	case FactContainsTarget:
		return flag(a.ContainsTarget, b.ContainsTarget)
	case FactDefault:
		return a.Default == nil && b.Default != nil,
			(a.Default == nil) == (b.Default == nil) && (a.Default == nil || *a.Default == *b.Default)
	case FactConditions:
		return len(a.Conditions) == 0 && len(b.Conditions) > 0, slices.Equal(a.Conditions, b.Conditions)
	case FactFilter:
		return a.Filter == nil && b.Filter != nil,
			(a.Filter == nil) == (b.Filter == nil) && (a.Filter == nil || slices.Equal(a.Filter.Ops, b.Filter.Ops))
	case FactQuery:
		if a.Query.IsZero() {
			return !b.Query.IsZero(), b.Query.IsZero()
		}
		if b.Query.IsZero() {
			return false, false
		}
		aq, bq := a.Query, b.Query
		return false, (len(aq.Options) == 0 || len(bq.Options) == 0 || slices.Equal(aq.Options, bq.Options)) &&
			(aq.Returned == ReturnedUnstated || bq.Returned == ReturnedUnstated || aq.Returned == bq.Returned)
	case FactPartner:
		return a.Partner == "" && b.Partner != "", strings.EqualFold(a.Partner, b.Partner)
	case FactMaxLength:
		return a.MaxLength == 0 && b.MaxLength != 0, a.MaxLength == b.MaxLength
	case FactPrecision:
		return a.Precision == 0 && b.Precision != 0, a.Precision == b.Precision
	case FactScale:
		return a.Scale == 0 && b.Scale != 0, a.Scale == b.Scale
	case FactDescription:
		return a.Description == "" && b.Description != "", a.Description == b.Description
	}
	return false, false
}
