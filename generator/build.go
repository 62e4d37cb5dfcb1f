package generator

import (
	"cmp"
	"errors"
	"fmt"
	"math"
	"slices"
	"strings"
	"unicode"

	"github.com/odatagen/odatagen/spec"
	"github.com/odatagen/odatagen/validate"
)

// build turns a spec into the intermediate form. It makes every decision:
// see ir.go.
func build(m *spec.Model, warnings []spec.Warning, opts Options) (*irPackage, *spec.Model, []Note, error) {
	if !isGoIdent(opts.Package) {
		return nil, nil, nil, fmt.Errorf("generator: package name %q is not a Go identifier", opts.Package)
	}
	b := &builder{
		spec:    m.Spec,
		m:       m,
		opts:    opts,
		ix:      m.Index(),
		structs: map[string]*irStruct{},
		enums:   map[string]*irEnum{},
		aliases: map[string]*irAlias{},
		docs:    map[docKey][]string{},
		noted:   map[Note]bool{},
		failed:  map[*spec.Property]bool{},
	}
	for _, w := range warnings { // Resolve's: duplicate declarations
		b.note(w.Pos, "%s", w.Msg)
	}
	b.types, b.enumList, b.typedefs = slices.Clone(m.Types), slices.Clone(m.Enums), slices.Clone(m.TypeDefs)
	b.choosePrimary()
	if err := b.selectTypes(); err != nil {
		return nil, nil, b.notes, err
	}
	b.sub = m.Subset(func(q string) bool { return b.selected[q] })
	b.nameDecls()
	b.reserveLocals()
	b.findPolys()
	if err := b.buildStructs(); err != nil {
		return nil, nil, b.notes, err
	}
	b.buildEnums()
	b.buildAliases()
	pkg := b.layout()
	sub := b.buildRuntime(pkg)
	b.buildQuery(pkg)
	return pkg, sub, b.notes, nil
}

type builder struct {
	spec  *spec.Spec
	m     *spec.Model
	sub   *spec.Model // the declarations to generate (m.Subset of selected)
	opts  Options
	ix    *spec.Index
	notes []Note
	noted map[Note]bool
	// failed marks properties already reported as errors.
	failed map[*spec.Property]bool

	// The declarations to generate, in spec order, without duplicates.
	types    []*spec.Type
	enumList []*spec.EnumType
	typedefs []*spec.TypeDef
	// selected holds the qualified names of the declarations to generate.
	selected map[string]bool

	primary string // the namespace whose names get no prefix

	// Go names of declarations by qualified name.
	goNames map[string]string
	pkgNS   *nameSpace

	structs map[string]*irStruct // by qualified name
	enums   map[string]*irEnum
	aliases map[string]*irAlias

	// derived lists the generated types derived from a type, directly or
	// not, by qualified name, sorted.
	derived map[string][]string
	// polys are the types with derived types that a field holds, by
	// qualified name.
	polys map[string]*irPoly
	// local hands out the package's unexported names: helpers, enum
	// tables, the property types of filter builders.
	local   *nameSpace
	helpers *irHelpers

	docs map[docKey][]string // field doc cache (a base property repeats in every derived struct)
}

type docKey struct {
	prop *spec.Property
	note string
}

// note records a Note, once: a base type's property is in every derived
// struct, and what is said about it is said once.
func (b *builder) note(pos spec.Pos, format string, args ...any) {
	n := Note{Pos: pos, Msg: fmt.Sprintf(format, args...)}
	if b.noted[n] {
		return
	}
	b.noted[n] = true
	b.notes = append(b.notes, n)
}

// resolve finds the declaration a type reference names: exactly, or (with a
// note) by spec.Index.Resolve's looser rules. Primitive spellings are
// normalized.
func (b *builder) resolve(name string, pos spec.Pos) (string, bool) {
	if b.ix.Defines(name) {
		return name, true
	}
	if p, ok := spec.LookupPrimitive(name); ok {
		return p, true
	}
	if q, ok := b.ix.Resolve(name); ok {
		b.note(pos, "type %q taken to mean %s", name, q)
		return q, true
	}
	return "", false
}

// selectTypes decides what to generate: everything, or the closure of
// Options.Types: base types, structural property types, enums, type
// definitions, and the derived types of every type a value may have (the
// types asked for and the property types, not the base types reached
// through them), so that a payload whose @odata.type names a derived type
// is checked as that type by the generated code and schemas just as
// `odatagen validate -type X` checks it with the whole spec. Not the
// targets of navigation properties, which would pull in most of a
// service.
func (b *builder) selectTypes() error {
	b.selected = map[string]bool{}
	if len(b.opts.Types) == 0 {
		for _, t := range b.types {
			b.selected[t.QualifiedName()] = true
		}
		for _, e := range b.enumList {
			b.selected[e.QualifiedName()] = true
		}
		for _, d := range b.typedefs {
			b.selected[d.QualifiedName()] = true
		}
		return nil
	}
	type item struct {
		q     string
		value bool // a value may be of q: its derived types are needed too
	}
	var work []item
	var errs []error
	for _, name := range b.opts.Types {
		q, err := b.resolveOption(name)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		work = append(work, item{q, true})
	}
	if len(errs) > 0 {
		return errors.Join(errs...)
	}
	derived := map[string][]string{} // base -> its direct derived types
	for _, t := range b.types {
		if t.Base != nil {
			derived[t.Base.QualifiedName()] = append(derived[t.Base.QualifiedName()], t.QualifiedName())
		}
	}
	asValue := map[string]bool{} // types whose derived types are queued
	for len(work) > 0 {
		it := work[len(work)-1]
		work = work[:len(work)-1]
		if spec.IsPrimitiveName(it.q) {
			continue
		}
		if it.value && !asValue[it.q] {
			asValue[it.q] = true
			for _, d := range derived[it.q] {
				work = append(work, item{d, true})
			}
		}
		if b.selected[it.q] {
			continue
		}
		b.selected[it.q] = true
		t := b.m.Type(it.q)
		if t == nil {
			continue // enum or type definition: no references
		}
		if t.Base != nil {
			work = append(work, item{t.Base.QualifiedName(), false})
		}
		for _, p := range t.Properties {
			if r, ok := b.resolve(p.Type.Name, p.Pos); ok {
				work = append(work, item{r, true})
			}
		}
	}
	keep := func(q string) bool { return b.selected[q] }
	b.types = slices.DeleteFunc(b.types, func(t *spec.Type) bool { return !keep(t.QualifiedName()) })
	b.enumList = slices.DeleteFunc(b.enumList, func(e *spec.EnumType) bool { return !keep(e.QualifiedName()) })
	b.typedefs = slices.DeleteFunc(b.typedefs, func(d *spec.TypeDef) bool { return !keep(d.QualifiedName()) })
	return nil
}

// resolveOption finds the declaration a name in Options.Types means, by
// odatagen's one rule (validate.ResolveTypeName) over the types, enums and
// type definitions, with the primary namespace counted as the largest: a
// simple name that several namespaces declare means the primary
// namespace's declaration (with a note), so "user" is
// microsoft.graph.user, not microsoft.graph.security.user.
func (b *builder) resolveOption(name string) (string, error) {
	var names []string
	size := map[string]int{}
	add := func(ns, n string) {
		names = append(names, ns+"."+n)
		size[ns]++
	}
	for _, t := range b.types {
		add(t.Namespace, t.Name)
	}
	for _, e := range b.enumList {
		add(e.Namespace, e.Name)
	}
	for _, d := range b.typedefs {
		add(d.Namespace, d.Name)
	}
	q, candidates, ok := validate.ResolveTypeName(name, names, func(ns string) int {
		if ns == b.primary {
			return math.MaxInt
		}
		return size[ns]
	})
	switch {
	case ok && len(candidates) > 1:
		b.note(spec.Pos{}, "type %q is declared in %d namespaces (%s); taken to mean %s, of the primary namespace",
			name, len(candidates), strings.Join(candidates, ", "), q)
		return q, nil
	case ok:
		return q, nil
	case len(candidates) > 1:
		return "", fmt.Errorf("generator: Options.Types: %q is ambiguous: %s; use a qualified name", name, strings.Join(candidates, ", "))
	}
	return "", fmt.Errorf("generator: Options.Types: no type named %q", name)
}

// choosePrimary picks the namespace whose declarations keep their plain
// names: Options.Namespace, or the one with the most declarations in the
// whole spec (ties: the shorter, then the alphabetically first name). Names
// from other namespaces get the namespace's extra segments as a prefix:
// microsoft.graph.security.alert -> SecurityAlert.
func (b *builder) choosePrimary() {
	if b.opts.Namespace != "" {
		b.primary = b.opts.Namespace
		return
	}
	count := map[string]int{}
	for _, t := range b.spec.Types {
		count[t.Namespace]++
	}
	for _, e := range b.spec.Enums {
		count[e.Namespace]++
	}
	for _, d := range b.spec.TypeDefs {
		count[d.Namespace]++
	}
	best, n := "", -1
	for ns, c := range count {
		if c > n || c == n && (len(ns) < len(best) || len(ns) == len(best) && ns < best) {
			best, n = ns, c
		}
	}
	b.primary = best
}

// nsRelative returns the part of ns that names it relative to the primary
// namespace: "" for the primary namespace itself, "security" for
// microsoft.graph.security, the segments after the common prefix otherwise.
func (b *builder) nsRelative(ns string) string {
	if ns == b.primary {
		return ""
	}
	if rest, ok := strings.CutPrefix(ns, b.primary+"."); ok && b.primary != "" {
		return rest
	}
	ps, ns1 := strings.Split(b.primary, "."), strings.Split(ns, ".")
	i := 0
	for i < len(ps) && i < len(ns1)-1 && ps[i] == ns1[i] {
		i++
	}
	return strings.Join(ns1[i:], ".")
}

// nsPrefix is the Go name prefix of a namespace.
func (b *builder) nsPrefix(ns string) string {
	var p strings.Builder
	for _, seg := range strings.Split(b.nsRelative(ns), ".") {
		p.WriteString(goWords(seg))
	}
	return p.String()
}

// pkgDecl is a declaration that needs a package-level name.
type pkgDecl struct {
	q, ns, name string
	pos         spec.Pos
}

// nameDecls names every declaration. Types, enums and type definitions
// claim their names first, sorted with the primary namespace first and
// then by qualified name, so the same spec always gives the same names and
// a type never loses its name to an enum constant. Enum constants and flags
// constructors come next.
func (b *builder) nameDecls() {
	b.goNames = map[string]string{}
	b.pkgNS = newNameSpace()
	var decls []pkgDecl
	for _, t := range b.types {
		decls = append(decls, pkgDecl{t.QualifiedName(), t.Namespace, t.Name, t.Pos})
	}
	for _, e := range b.enumList {
		decls = append(decls, pkgDecl{e.QualifiedName(), e.Namespace, e.Name, e.Pos})
	}
	for _, d := range b.typedefs {
		decls = append(decls, pkgDecl{d.QualifiedName(), d.Namespace, d.Name, d.Pos})
	}
	slices.SortFunc(decls, func(x, y pkgDecl) int {
		if px, py := x.ns == b.primary, y.ns == b.primary; px != py {
			if px {
				return -1
			}
			return 1
		}
		return strings.Compare(x.q, y.q)
	})
	for _, d := range decls {
		want := exported(b.nsPrefix(d.ns) + goWords(d.name))
		got, clash := b.pkgNS.claim(d.q, want)
		if got != want {
			b.note(d.pos, "Go name %s of %s is taken by %s; using %s", want, d.q, clash, got)
		}
		b.goNames[d.q] = got
	}
}

// reserveLocals reserves the unexported names of generated code.
func (b *builder) reserveLocals() {
	b.local = newNameSpace()
	for _, n := range localNames {
		b.local.reserve(n, "generated code")
	}
	b.helpers = &irHelpers{}
	for _, e := range b.enumList {
		b.helpers.EnumMember, b.helpers.EnumValue = localEnumMember, localEnumValue
		if e.Flags {
			b.helpers.FlagsValue = localFlagsValue
		}
	}
}

// findPolys decides which types are polymorphic: a generated type that
// has generated derived types and is the type of a generated property. A
// field of such a type holds an interface that the type's struct and its
// derived structs implement (see the package doc). Types that no field
// holds get no interface: their derived types would carry marker methods
// that nothing uses.
func (b *builder) findPolys() {
	b.derived = map[string][]string{}
	for _, t := range b.sub.Types {
		if len(t.Descendants) > 0 {
			b.derived[t.QualifiedName()] = qualifiedNames(t.Descendants)
		}
	}
	used := map[string]bool{}
	for _, t := range b.types {
		for _, ps := range [][]*spec.Property{t.Properties, t.NavigationProperties} {
			for _, p := range ps {
				if q, ok := b.resolve(p.Type.Name, p.Pos); ok && b.selected[q] && len(b.derived[q]) > 0 {
					used[q] = true
				}
			}
		}
	}
	var bases []string
	for q := range b.derived {
		if used[q] {
			bases = append(bases, q)
		}
	}
	slices.Sort(bases)
	b.polys = map[string]*irPoly{}
	for _, q := range bases {
		goBase := b.goNames[q]
		p := &irPoly{
			QualifiedName: q,
			Base:          goBase,
			Iface:         b.claimName(goBase+"Kind", "the interface of "+q+" and its derived types", "Any"+goBase),
			Marker:        "is" + goBase,
			Unmarshal:     b.claimName("Unmarshal"+goBase, "the decode function of "+q),
		}
		for _, d := range b.derived[q] {
			p.Cases = append(p.Cases, irPolyCase{QualifiedName: d, GoName: b.goNames[d]})
		}
		b.polys[q] = p
	}
}

// polyOf returns the irPoly that a field of property p holds, or nil.
func (b *builder) polyOf(p *spec.Property) *irPoly {
	if q, ok := b.resolve(p.Type.Name, p.Pos); ok {
		return b.polys[q]
	}
	return nil
}

// polyNote is the field comment fact of a polymorphic field.
func polyNote(p *irPoly) string {
	return "The value's struct is chosen by its @odata.type when decoding: see " + p.Iface + "."
}

// buildStructs builds every struct: the flattened fields, their names,
// types, tags and docs.
func (b *builder) buildStructs() error {
	var errs []error
	missingBase := map[string][]*spec.Type{}
	var missingOrder []string
	for _, t := range b.types {
		if root := t.Chain[len(t.Chain)-1]; root.BaseType != "" && root.Base == nil {
			if _, ok := missingBase[root.BaseType]; !ok {
				missingOrder = append(missingOrder, root.BaseType)
			}
			missingBase[root.BaseType] = append(missingBase[root.BaseType], t)
		}
		st, err := b.buildStruct(t)
		errs = append(errs, err...)
		b.structs[t.QualifiedName()] = st
	}
	for _, base := range missingOrder {
		ts := missingBase[base]
		names := make([]string, len(ts))
		for i, t := range ts {
			names[i] = t.QualifiedName()
		}
		b.note(ts[0].Pos, "base type %s is not defined by any input; %s hold%s only the properties listed on %s own page",
			base, listNames(names), map[bool]string{true: "s", false: ""}[len(ts) == 1],
			map[bool]string{true: "its", false: "their"}[len(ts) == 1])
	}
	for q, st := range b.structs {
		for _, d := range b.derived[q] {
			st.Derived = append(st.Derived, b.goNames[d])
		}
		slices.Sort(st.Derived)
		st.Poly = b.polys[q]
	}
	if len(errs) > 0 {
		return errors.Join(errs...)
	}
	return nil
}

// validJSONName reports whether encoding/json accepts name in a struct tag
// (the rule of its isValidTag).
func validJSONName(name string) bool {
	if name == "" {
		return false
	}
	for _, c := range name {
		if !strings.ContainsRune("!#$%&()*+-./:;<=>?@[]^_{|}~ ", c) && !unicode.IsLetter(c) && !unicode.IsDigit(c) {
			return false
		}
	}
	return true
}

func reservedWhat(name string) string {
	if name == "Extra" {
		return "Extra field"
	}
	return name + " method"
}

// listNames formats up to five names, then a count.
func listNames(names []string) string {
	if len(names) <= 5 {
		return strings.Join(names, ", ")
	}
	return fmt.Sprintf("%s and %d more", strings.Join(names[:5], ", "), len(names)-5)
}

// buildStruct builds the struct of t: one field per flattened property
// (spec.Type.Props), named, typed, tagged and documented, with a Note for
// each property that gets no field or a changed name.
func (b *builder) buildStruct(t *spec.Type) (*irStruct, []error) {
	q := t.QualifiedName()
	st := &irStruct{
		Name:          b.goNames[q],
		QualifiedName: q,
		Kind:          t.Kind,
		Abstract:      t.Abstract,
		Open:          t.Open,
		Type:          t.StructuredType,
	}
	chain := make([]*spec.StructuredType, len(t.Chain)) // base first
	for i, c := range t.Chain {
		chain[len(chain)-1-i] = c.StructuredType
	}
	st.Doc = b.structDoc(st, t.StructuredType, chain)
	fieldNS := newNameSpace()
	reserved := map[string]bool{}
	for _, m := range structMethodNames {
		fieldNS.reserve(m, m)
		reserved[m] = true
	}
	var errs []error
	for _, fp := range t.Props {
		p := fp.Property
		owner := fp.Owner.QualifiedName()
		if !validJSONName(p.Name) {
			b.note(p.Pos, "property %q of %s cannot be named in a json struct tag; no field (the member is kept in Extra)", p.Name, owner)
			continue
		}
		typ, tag, edmNote, err := b.fieldType(owner, p, fp.Nav)
		if err != nil {
			// A base type's property is in every derived struct: report
			// it once.
			if !b.failed[p] {
				b.failed[p] = true
				errs = append(errs, err)
			}
			continue
		}
		if typ == nil {
			continue // dropped navigation property
		}
		want := goName(p.Name)
		var got, clash string
		if reserved[want] {
			got, _ = fieldNS.claim(p.Name, want+"_")
			b.note(p.Pos, "property %s of %s: Go name %s is reserved for the struct's own %s; using %s", p.Name, q, want, reservedWhat(want), got)
		} else if got, clash = fieldNS.claim(p.Name, want); got != want {
			b.note(p.Pos, "property %s of %s: Go name %s is taken by property %s; using %s", p.Name, q, want, clash, got)
		}
		st.Fields = append(st.Fields, &irField{
			Name:       got,
			JSONName:   p.Name,
			Type:       typ,
			Tag:        tag,
			Doc:        b.fieldDoc(p, fp.Nav, edmNote),
			DeclaredBy: fp.DeclaredBy.QualifiedName(),
			Navigation: fp.Nav,
			Prop:       p,
			Poly:       b.polyOf(p),
		})
	}
	return st, errs
}

// fieldType decides a property's Go type and json tag (see the package doc
// for the rules). It returns a nil type for a navigation property whose
// target is not generated (Options.Types).
func (b *builder) fieldType(owner string, p *spec.Property, nav bool) (typ *irType, tag, edmNote string, err error) {
	var elem *irType
	var raw, structured bool
	var poly *irPoly
	target, ok := b.resolve(p.Type.Name, p.Pos)
	switch {
	case !ok && !b.opts.AllowUnresolved:
		msg := fmt.Sprintf("unresolved type %s (property %s of %s); define it, or allow unresolved types to get json.RawMessage",
			p.Type.Name, p.Name, owner)
		if p.Pos.IsValid() {
			return nil, "", "", spec.Errorf(p.Pos, "%s", msg)
		}
		return nil, "", "", errors.New(msg)
	case !ok:
		b.note(p.Pos, "property %s of %s: type %s is not defined by any input; using json.RawMessage", p.Name, owner, p.Type.Name)
		elem, raw = identType(rawStandIn.pkg, rawStandIn.name), true
		edmNote = "OData type: " + p.Type.String() + " (not defined by any input; kept as raw JSON)."
	case b.m.Type(target) != nil && b.m.Type(target).AnyJSON:
		g := edmGoTypes["Edm.Untyped"]
		elem, raw = identType(g.pkg, g.name), true
		edmNote = "OData type: " + p.Type.String() + " (any JSON value, kept as raw JSON)."
	case spec.IsPrimitiveName(target):
		g := edmGoTypes[target]
		elem, raw = identType(g.pkg, g.name), g.raw
		if g.lossy {
			edmNote = "OData type: " + spec.TypeRef{Name: target, Collection: p.Type.Collection}.String() + "."
		}
	case !b.selected[target]:
		if nav {
			b.note(p.Pos, "navigation property %s of %s: %s is not generated (Options.Types); no field", p.Name, owner, target)
			return nil, "", "", nil
		}
		// Unreachable: the closure includes every structural property type.
		return nil, "", "", fmt.Errorf("generator: internal error: %s not selected", target)
	default:
		elem = identType("", b.goNames[target])
		if d := b.ix.TypeDef(target); d != nil {
			if u, ok := spec.LookupPrimitive(d.UnderlyingType); ok {
				raw = edmGoTypes[u].raw
			}
		}
		structured = b.ix.Type(target) != nil
		poly = b.polys[target]
	}
	switch {
	case p.Type.Collection && b.isByte(target):
		// encoding/json writes a []uint8 as one base64 string, not as an
		// array of numbers.
		return &irType{Kind: irSlice, Elem: identType("", "uint16")}, p.Name + ",omitzero",
			"OData type: " + p.Type.String() + " (held as []uint16: JSON would write a []uint8 as base64).", nil
	case poly != nil && p.Type.Collection:
		return &irType{Kind: irSlice, Elem: identType("", poly.Iface)}, p.Name + ",omitzero", polyNote(poly), nil
	case poly != nil:
		return identType("", poly.Iface), p.Name + ",omitempty", polyNote(poly), nil
	case p.Type.Collection:
		return &irType{Kind: irSlice, Elem: elem}, p.Name + ",omitzero", edmNote, nil
	case raw:
		return elem, p.Name + ",omitempty", edmNote, nil
	case p.Nullable && !structured && (b.ix.Enum(target) == nil || !b.opts.Compact):
		// Primitive values, and enum values unless Options.Compact, are
		// edm.Nullable: see the package doc.
		return &irType{Kind: irNullable, Elem: elem}, p.Name + ",omitzero", edmNote, nil
	case p.Nullable && structured && !nav && !b.opts.Compact:
		// A nullable complex value is edm.Nullable[*T]: every instantiation
		// over a pointer shares one compiled copy, and a pointer never
		// makes a struct contain itself.
		return &irType{Kind: irNullable, Elem: &irType{Kind: irPointer, Elem: elem}}, p.Name + ",omitzero", edmNote, nil
	default:
		return &irType{Kind: irPointer, Elem: elem}, p.Name + ",omitempty", edmNote, nil
	}
}

// isByte reports whether q is Edm.Byte or a type definition of it.
func (b *builder) isByte(q string) bool {
	if d := b.ix.TypeDef(q); d != nil {
		q, _ = spec.LookupPrimitive(d.UnderlyingType)
	}
	return q == "Edm.Byte"
}

// buildEnums makes the irEnum of every selected enum type, in spec order,
// into b.enums. It claims the Go names of the member constants (enum name
// plus member words, else Enum_Member, then numbered) and, for a flags
// enum, of its New constructor in the package namespace, noting each
// renamed one; the member table gets an unexported local name. It must run
// after nameDecls and reserveLocals, whose names it builds on and avoids.
// Member docs say where a member stands relative to the evolvable-enum
// sentinel.
func (b *builder) buildEnums() {
	for _, e := range b.enumList {
		q := e.QualifiedName()
		ie := &irEnum{Name: b.goNames[q], QualifiedName: q, Flags: e.Flags, Type: e}
		ie.Table, _ = b.local.claim("the member table of "+q, unexport(ie.Name)+"Members")
		ie.Doc = b.enumDoc(ie, e)
		for i, m := range e.Members {
			want := ie.Name + goWords(m.Name)
			got, clash := b.pkgNS.claim("member "+m.Name+" of "+q, want, ie.Name+"_"+goWords(m.Name))
			if got != want {
				b.note(m.Pos, "member %s of %s: Go name %s is taken by %s; using %s", m.Name, q, want, clash, got)
			}
			var d docBuilder
			d.add(m.Description)
			var facts []string
			if m.Name == e.Sentinel {
				facts = append(facts, "The evolvable-enum sentinel: members after it are sent only to clients that ask for them.")
			} else if e.AfterSentinel(i) {
				facts = append(facts, "Comes after "+e.Sentinel+": sent only to clients that ask for it.")
			}
			d.addSentences(facts...)
			ie.Consts = append(ie.Consts, &irConst{Name: got, Member: m.Name, Value: m.Value, Doc: d.lines()})
		}
		if e.Flags {
			want := "New" + ie.Name
			got, clash := b.pkgNS.claim("the flags constructor of "+q, want)
			if got != want {
				b.note(e.Pos, "flags constructor of %s: Go name %s is taken by %s; using %s", q, want, clash, got)
			}
			ie.NewFunc = got
		}
		b.enums[q] = ie
		b.helpers.Enums = append(b.helpers.Enums, ie)
	}
	if len(b.helpers.Enums) > 0 {
		b.helpers.IsKnown = b.claimName("IsKnown", "the function telling declared enum members")
		b.helpers.EnumValueFunc = b.claimName("EnumValue", "the function giving an enum member's value")
	}
}

func (b *builder) buildAliases() {
	for _, d := range b.typedefs {
		q := d.QualifiedName()
		u, ok := spec.LookupPrimitive(d.UnderlyingType)
		if !ok {
			u = "Edm.String"
			b.note(d.Pos, "type definition %s: underlying type %q is not an Edm primitive type; using Edm.String", q, d.UnderlyingType)
		}
		g := edmGoTypes[u]
		var doc docBuilder
		doc.add(fmt.Sprintf("%s is the OData type definition %s (underlying type %s).", b.goNames[q], q, u))
		doc.add(d.Description)
		b.aliases[q] = &irAlias{Name: b.goNames[q], QualifiedName: q, Doc: doc.lines(), Type: identType(g.pkg, g.name)}
	}
}

// layout assigns declarations to files: per namespace, "types.go" (structs
// and type definitions) and "enums.go", prefixed for namespaces other than
// the primary one ("security_types.go"); inside a file, declarations are
// sorted by Go name.
func (b *builder) layout() *irPackage {
	pkg := &irPackage{Name: b.opts.Package, Source: b.opts.Source}
	files := map[string]*irFile{}
	add := func(ns, kind string, d irDecl) {
		name := kind + ".go"
		if stem := fileStem(b.nsRelative(ns)); stem != "" {
			name = stem + "_" + name
		}
		f := files[name]
		if f == nil {
			f = &irFile{Name: name}
			files[name] = f
			pkg.Files = append(pkg.Files, f)
		}
		f.Decls = append(f.Decls, d)
	}
	for _, t := range b.types {
		add(t.Namespace, "types", b.structs[t.QualifiedName()])
	}
	for _, d := range b.typedefs {
		add(d.Namespace, "types", b.aliases[d.QualifiedName()])
	}
	for _, e := range b.enumList {
		add(e.Namespace, "enums", b.enums[e.QualifiedName()])
	}
	for _, f := range pkg.Files {
		slices.SortFunc(f.Decls, func(x, y irDecl) int { return cmp.Compare(x.declName(), y.declName()) })
	}
	if len(b.polys) > 0 {
		pf := &irPolyFile{Table: localPolymorphic}
		for _, p := range b.polys {
			pf.Polys = append(pf.Polys, p)
		}
		slices.SortFunc(pf.Polys, func(x, y *irPoly) int { return cmp.Compare(x.Iface, y.Iface) })
		pkg.Files = append(pkg.Files, &irFile{Name: "polymorphic.go", Decls: []irDecl{pf}})
	}
	if h := b.helpers; h.EnumMember != "" || h.FlagsValue != "" || h.IsKnown != "" {
		pkg.Files = append(pkg.Files, &irFile{Name: "odata.go", Decls: []irDecl{b.helpers}})
	}
	slices.SortFunc(pkg.Files, func(x, y *irFile) int { return cmp.Compare(x.Name, y.Name) })
	return pkg
}

// structDoc writes a struct's doc comment.
func (b *builder) structDoc(st *irStruct, t *spec.StructuredType, chain []*spec.StructuredType) []string {
	var d docBuilder
	kind := "type"
	if t.Kind != "" {
		kind = string(t.Kind) + " type"
	}
	if t.Open {
		kind = "open " + kind
	}
	if t.Abstract {
		kind = "abstract " + kind
	}
	d.add(fmt.Sprintf("%s is the OData %s %s.", st.Name, kind, st.QualifiedName))
	d.add(t.Description)
	var facts []string
	if len(chain) > 1 {
		bases := make([]string, 0, len(chain)-1)
		for i := len(chain) - 2; i >= 0; i-- {
			bases = append(bases, chain[i].QualifiedName())
		}
		facts = append(facts, fmt.Sprintf("Base types: %s. Their properties are fields here too, first.", strings.Join(bases, ", ")))
	} else if t.BaseType != "" {
		facts = append(facts, fmt.Sprintf("Base type: %s, which no input defines; the fields are the properties this type lists.", t.BaseType))
	}
	for i := len(chain) - 1; i >= 0; i-- {
		if len(chain[i].Key) > 0 {
			facts = append(facts, fmt.Sprintf("Key: %s.", strings.Join(chain[i].Key, ", ")))
			break
		}
	}
	if t.Abstract {
		facts = append(facts, "Abstract: a payload always holds a derived type, named by @odata.type; its extra members are kept in Extra.")
	}
	if t.Open {
		facts = append(facts, "Open: dynamic properties (members that are not declared properties) are kept in Extra.")
	}
	d.addSentences(facts...)
	return d.lines()
}

// fieldDoc writes a field's doc comment (cached per property).
func (b *builder) fieldDoc(p *spec.Property, nav bool, edmNote string) []string {
	key := docKey{p, edmNote}
	if nav {
		key.note = "\x00nav" + edmNote
	}
	if lines, ok := b.docs[key]; ok {
		return lines
	}
	var d docBuilder
	d.add(p.Description)
	d.addSentences(propertyFacts(p, nav, edmNote)...)
	if p.Deprecated {
		d.add("Deprecated: the service marks this property as deprecated.")
	}
	lines := d.lines()
	b.docs[key] = lines
	return lines
}

// enumDoc writes an enum's doc comment.
func (b *builder) enumDoc(ie *irEnum, e *spec.EnumType) []string {
	var d docBuilder
	if e.Flags {
		text := fmt.Sprintf("%s is the OData flags enum type %s. A value holds the JSON form: member names joined with commas", ie.Name, ie.QualifiedName)
		if ex := flagsExample(e); ex != "" {
			text += fmt.Sprintf(", e.g. %q", ex)
		}
		d.add(text + ".")
	} else {
		d.add(fmt.Sprintf("%s is the OData enum type %s.", ie.Name, ie.QualifiedName))
	}
	d.add(e.Description)
	facts := []string{"Values this package does not declare decode without error and are kept as they are; IsKnown tells them apart."}
	if e.Sentinel != "" {
		facts = append(facts, fmt.Sprintf("%s is evolvable: members after %s are sent only to clients that ask for them (Prefer: include-unknown-enum-members).", ie.Name, e.Sentinel))
	}
	d.addSentences(facts...)
	return d.lines()
}

func flagsExample(e *spec.EnumType) string {
	var names []string
	for _, m := range e.Members {
		if m.Value != 0 && m.Name != e.Sentinel {
			names = append(names, m.Name)
		}
		if len(names) == 2 {
			break
		}
	}
	if len(names) == 0 && len(e.Members) > 0 {
		names = append(names, e.Members[0].Name)
	}
	return strings.Join(names, ",")
}
