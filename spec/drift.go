package spec

import (
	"cmp"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
)

// Kinds of Finding.
const (
	// MissingInDocs: CSDL declares a property (or an operation body lists
	// one) that the docs pages describing its type do not.
	MissingInDocs = "missing-in-docs"
	// MissingInCSDL: the docs describe a type, enum or property that the
	// CSDL does not define.
	MissingInCSDL = "missing-in-csdl"
	// TypeMismatch: a property, or a request body property, has another
	// type in the other source.
	TypeMismatch = "type-mismatch"
	// NameMismatch: the sources spell a property name in different case
	// (JSON member names are case-sensitive).
	NameMismatch = "name-mismatch"
	// BaseTypeMismatch: the docs name a base type other than the CSDL's.
	BaseTypeMismatch = "base-type"
	// KindMismatch: an entity type in one source is a complex type in the
	// other.
	KindMismatch = "kind-mismatch"
	// FlagConflict: facts that cannot both hold: read-only and required on
	// create, read-only and settable on create, not nullable and nullable,
	// or a request body that lists a property its type marks read-only (or
	// immutable, for an update).
	FlagConflict = "flag-conflict"
	// CapabilityConflict: the docs and the CSDL's Capabilities annotations
	// disagree on the query options a property supports: the docs say
	// "Supports $filter" (or $orderby, $select, $search, $count, $expand,
	// or "Returned only on $select") where a restriction denies it, name
	// operators that FilterExpressionRestrictions do not allow, or leave
	// out of their list of filterable (sortable) properties one that
	// RequiredProperties (AscendingOnlyProperties,
	// DescendingOnlyProperties) name.
	CapabilityConflict = "capability-conflict"
	// DefaultMismatch: the sources give different default values.
	DefaultMismatch = "default-mismatch"
	// EnumMembers: an enum's member names differ.
	EnumMembers = "enum-members"
	// EnumValues: an enum's members have different values.
	EnumValues = "enum-values"
)

// Finding is one disagreement between CSDL metadata and docs pages, or
// between docs pages.
type Finding struct {
	// Kind is one of the kind constants (MissingInDocs, TypeMismatch, ...).
	Kind string
	// Subject names what the finding is about: a qualified type or enum
	// name, or "type/property" ("microsoft.graph.x/statusDetails").
	Subject string
	// Pos is where the finding is, Other the position it disagrees with.
	// For a docs-versus-CSDL finding Pos is on the side that has the
	// thing or states the fact, Other on the side that lacks or
	// contradicts it; for a request body finding Pos is the body row.
	// Other names at least the file when there is no better place (a type
	// that the CSDL lacks altogether).
	Pos, Other Pos
	// Reason says what disagrees, in one line.
	Reason string
	// Severity is SeverityError (one source is wrong: a client that
	// follows it gets a rejected request or a wrong value) or
	// SeverityWarning (the sources are inconsistent in a way the service
	// tolerates, or the docs are incomplete), by kind (see drift_hints.go).
	Severity string
	// Hint says in a few words what to change, and where: on the side
	// that is likely wrong, by kind (see HintTemplate).
	Hint string
	// Pattern is Reason with the names in it replaced by placeholders:
	// each argument of the reason's wording that names a type (a
	// qualified or short name, or a TypeRef that is not an Edm primitive)
	// is <type>, one that names the subject's property is <property>, an
	// entity set, singleton or path after those words is <name>, a
	// default value is <value>, and inside longer arguments every word
	// equal to one of those names, every qualified name outside Edm, every
	// number (<n>) and every quoted string (<value>) likewise. Findings
	// with the same Kind and Pattern are one problem repeated: the same
	// page template, say, on many pages (docscheck/report groups by it).
	Pattern string
}

// String formats f as "POS: SUBJECT: REASON (see also OTHER)".
func (f Finding) String() string {
	s := fmt.Sprintf("%s: %s: %s", f.Pos, f.Subject, f.Reason)
	if f.Other.IsValid() {
		s += " (see also " + f.Other.String() + ")"
	}
	return s
}

// MarshalJSON writes f as {"kind", "severity", "subject", "pos", "other",
// "reason", "hint"}, positions as "file:line:col" strings ("" when
// unknown).
func (f Finding) MarshalJSON() ([]byte, error) {
	return json.Marshal(struct {
		Kind     string `json:"kind"`
		Severity string `json:"severity"`
		Subject  string `json:"subject"`
		Pos      string `json:"pos"`
		Other    string `json:"other"`
		Reason   string `json:"reason"`
		Hint     string `json:"hint"`
	}{f.Kind, f.Severity, f.Subject, posString(f.Pos), posString(f.Other), f.Reason, f.Hint})
}

func posString(p Pos) string {
	if !p.IsValid() {
		return ""
	}
	return p.String()
}

// Drift compares what CSDL metadata says with what docs pages say. csdl
// holds the specs read from CSDL documents, docs those read from docs pages
// (and YAML files, which count as the docs side); the caller knows which is
// which from the file kind (see load.Drift). Either may be empty.
//
// Scope. Only types and enums that the docs describe are compared: a CSDL
// of thousands of types next to three docs pages yields findings about
// those three types, never "missing in docs" for the rest. For a type both
// sources define (a type or enum the docs describe and the CSDL does not
// define at all is one MissingInCSDL finding):
//
//   - every docs property (structural or navigation) is looked up in the
//     CSDL type and its base types; one that is not there is
//     MissingInCSDL. Every property the CSDL type itself declares (not its
//     inherited ones) that no docs page of the type lists is
//     MissingInDocs.
//   - Types are compared after normalising: docs "String" is Edm.String,
//     names of types match without regard to case, a CSDL type definition
//     matches its underlying type, collections must be collections on both
//     sides.
//   - The base type is compared when the docs name one (docs pages often
//     leave it out). The kind is compared only when the docs make the
//     type an entity type (they give a key or an entity base type) and
//     the CSDL has a complex type: a page that says neither reads as
//     complex by default, which is no statement.
//   - Property names match without regard to case; a difference in case
//     is a NameMismatch, since JSON member names are case-sensitive.
//   - Flags. CSDL is silent about most of them, so only real
//     contradictions count: docs "Not nullable" against a single-valued
//     CSDL property that is nullable (Nullable="true" or, CSDL's default,
//     absent); CSDL read-only (Core.Computed) against docs Required or
//     docs immutable; CSDL Core.Immutable against docs Read-only; a docs
//     row that is both read-only and required. A docs read-only property
//     that the CSDL leaves writable is not a finding: the CSDL just does
//     not say.
//   - Query capabilities (CapabilityConflict). Docs "Supports $filter"
//     against each FilterRestrictions annotation that denies it: Filterable
//     false, or NonFilterableProperties naming the property (directly or
//     through a cast), on an element whose type is the property's type or
//     a base type of it that has the property: the type itself, an entity
//     set or singleton, a navigation property, a navigation path from a
//     set, or a RestrictedProperties entry of NavigationRestrictions. Each
//     restriction is a finding at the docs statement, with the annotation
//     as Other and its element named. Docs operators outside the CSDL's
//     FilterExpressionRestrictions are one too. The other options the
//     docs state per property (Property.Query) likewise: $orderby against
//     SortRestrictions (Sortable false, NonSortableProperties), $select
//     and "Returned only on $select" against SelectSupport Supported
//     false, $search against SearchRestrictions Searchable false, $count
//     against CountRestrictions NonCountableProperties and
//     NonCountableNavigationProperties, $expand against ExpandRestrictions
//     (Expandable false, NonExpandableProperties). The reverse, where it
//     means something: a property that the CSDL says must or can be used
//     (FilterRestrictions RequiredProperties; SortRestrictions
//     AscendingOnlyProperties, DescendingOnlyProperties) and that the
//     docs leave out of their list of the properties supporting the
//     option, when the docs of the type state that option for some of
//     them (as Overlay reads a $filter list); that finding is at the
//     annotation. CSDL silence is no statement: OData makes everything
//     filterable, sortable and so on unless annotated otherwise.
//   - Defaults are compared when both sources give one.
//
// Enums the docs describe (by values table, enum page or "Possible values"
// phrase) are matched by qualified name without regard to case; member
// names that only one side has are EnumMembers, different values of a
// member (when the docs give values at all) EnumValues.
//
// Request bodies. For every Create and Update operation of the docs, each
// body property is checked against the type's declarations in both
// sources, docs and CSDL: a property marked read-only (or, for an update,
// immutable) is a FlagConflict (the seed pages do this: the resource page
// marks partnerId read-only, the Create page requires it); a property the
// resource page or the CSDL type does not have is MissingInDocs or
// MissingInCSDL; a body type other than the property's is TypeMismatch.
// These checks run without any CSDL too.
//
// The result is sorted by subject (byte order), then kind, then position,
// and holds no duplicates; it depends only on the inputs, and not on the
// order of the docs inputs. (Several CSDL documents are merged in the
// order given, as Merge does.)
func Drift(csdl, docs []*Spec) []Finding {
	d := newDrifter(csdl, docs)
	d.types()
	d.enums()
	d.bodies()
	return d.result()
}

// drifter holds the two sides of a comparison.
type drifter struct {
	cs       *Spec  // the CSDL side, merged
	cix      *Index // of cs
	csdlFile Pos    // a position naming the CSDL file, for missing things

	docTypes  map[string][]*StructuredType // lower-cased qualified name -> docs declarations
	typeOrder []string
	docEnums  map[string][]*EnumType
	enumOrder []string
	ops       []*Operation

	sites     []capSite // the CSDL's capability sites, see capSites
	sitesDone bool

	out []Finding
}

// newDrifter prepares a comparison: the CSDL side merged into one spec
// (see mergeSide; Merge's warnings are dropped) with its index, and the
// docs side left unmerged, its types and enums grouped by lower-cased
// qualified name in first-seen order and its operations collected. nil
// specs and nil declarations are skipped. Each group, and the operations,
// are sorted by position, so that the order of the docs inputs does not
// decide which declaration a finding points at.
func newDrifter(csdl, docs []*Spec) *drifter {
	d := &drifter{docTypes: map[string][]*StructuredType{}, docEnums: map[string][]*EnumType{}}
	d.cs = mergeSide(csdl)
	d.cix = NewIndex(d.cs)
	d.csdlFile = firstFile(d.cs)
	for _, p := range docs {
		if p == nil {
			continue
		}
		for _, t := range p.Types {
			if t == nil {
				continue
			}
			k := strings.ToLower(t.QualifiedName())
			if d.docTypes[k] == nil {
				d.typeOrder = append(d.typeOrder, k)
			}
			d.docTypes[k] = append(d.docTypes[k], t)
		}
		for _, e := range p.Enums {
			if e == nil {
				continue
			}
			k := strings.ToLower(e.QualifiedName())
			if d.docEnums[k] == nil {
				d.enumOrder = append(d.enumOrder, k)
			}
			d.docEnums[k] = append(d.docEnums[k], e)
		}
		for _, op := range p.Operations {
			if op != nil {
				d.ops = append(d.ops, op)
			}
		}
	}
	// Sorted by position, so that the order of the docs inputs does not
	// change which declaration a finding points at.
	for _, decls := range d.docTypes {
		slices.SortStableFunc(decls, func(a, b *StructuredType) int { return comparePos(a.Pos, b.Pos) })
	}
	for _, decls := range d.docEnums {
		slices.SortStableFunc(decls, func(a, b *EnumType) int { return comparePos(a.Pos, b.Pos) })
	}
	slices.SortStableFunc(d.ops, func(a, b *Operation) int { return comparePos(a.Pos, b.Pos) })
	return d
}

// mergeSide merges the specs of one side; a single spec is used as it is
// (Drift does not change its inputs).
func mergeSide(parts []*Spec) *Spec {
	var nonNil []*Spec
	for _, p := range parts {
		if p != nil {
			nonNil = append(nonNil, p)
		}
	}
	switch len(nonNil) {
	case 0:
		return &Spec{}
	case 1:
		return nonNil[0]
	}
	s, _ := Merge(nonNil...)
	return s
}

// firstFile returns a position naming the file of s's first element.
func firstFile(s *Spec) Pos {
	for _, t := range s.Types {
		if t != nil && t.Pos.IsValid() {
			return Pos{File: t.Pos.File}
		}
	}
	for _, e := range s.Enums {
		if e != nil && e.Pos.IsValid() {
			return Pos{File: e.Pos.File}
		}
	}
	for _, td := range s.TypeDefs {
		if td != nil && td.Pos.IsValid() {
			return Pos{File: td.Pos.File}
		}
	}
	return Pos{}
}

// add records a finding, with its severity, hint and pattern (the reason
// formatted with placeholders for the names among args, see
// Finding.Pattern).
func (d *drifter) add(kind, subject string, pos, other Pos, format string, args ...any) {
	f := Finding{Kind: kind, Subject: subject, Pos: pos, Other: other, Reason: fmt.Sprintf(format, args...)}
	f.Pattern = patternOf(f, format, args)
	f.Severity = severityOf(kind)
	f.Hint = hintOf(f, namesOf(f))
	d.out = append(d.out, f)
}

func (d *drifter) haveCSDL() bool { return len(d.cs.Types) > 0 || len(d.cs.Enums) > 0 }

// resolve maps a docs type name to the CSDL's spelling when the CSDL
// defines it, and primitive spellings to Edm names.
func (d *drifter) resolve(name string) string {
	if name == "" || IsPrimitiveName(name) {
		return name
	}
	if q, ok := d.cix.Resolve(name); ok {
		return q
	}
	if p, ok := LookupPrimitive(name); ok {
		return p
	}
	return name
}

func (d *drifter) resolveRef(r TypeRef) TypeRef {
	r.Name = d.resolve(r.Name)
	return r
}

// csdlType returns the CSDL type a docs qualified name names, or nil.
func (d *drifter) csdlType(q string) *StructuredType {
	if t := d.cix.Type(q); t != nil {
		return t
	}
	for _, c := range d.cix.sameIgnoringCase(q) {
		if t := d.cix.Type(c); t != nil {
			return t
		}
	}
	return nil
}

func (d *drifter) csdlEnum(q string) *EnumType {
	if e := d.cix.Enum(q); e != nil {
		return e
	}
	for _, c := range d.cix.sameIgnoringCase(q) {
		if e := d.cix.Enum(c); e != nil {
			return e
		}
	}
	return nil
}

// csdlProperty finds a property of t or its base types, in any case.
func (d *drifter) csdlProperty(t *StructuredType, name string) (*Property, bool) {
	for _, c := range d.cix.BaseChain(t) {
		if p, nav := findProperty(c, name); p != nil {
			return p, nav
		}
	}
	return nil, false
}

// sameType reports whether a docs type reference means the CSDL one.
func (d *drifter) sameType(docs, csdl TypeRef) bool {
	if docs.Collection != csdl.Collection {
		return false
	}
	dn := d.resolve(docs.Name)
	if strings.EqualFold(dn, csdl.Name) || untypedJSON(TypeRef{Name: dn, Collection: docs.Collection}, csdl, func(q string) bool { return emptyJSONType(d.csdlType(q)) }) {
		return true
	}
	if td := d.cix.TypeDef(csdl.Name); td != nil {
		u := td.UnderlyingType
		if p, ok := LookupPrimitive(u); ok {
			u = p
		}
		return strings.EqualFold(dn, u)
	}
	return false
}

func (d *drifter) types() {
	for _, k := range d.typeOrder {
		decls := d.docTypes[k]
		ct := d.csdlType(decls[0].QualifiedName())
		if ct == nil {
			if d.haveCSDL() {
				for _, dt := range decls {
					why := "the CSDL does not define it"
					if d.csdlEnum(dt.QualifiedName()) != nil {
						why = "the CSDL defines an enum of that name"
					}
					d.add(MissingInCSDL, dt.QualifiedName(), dt.Pos, d.csdlFile, "the docs describe type %s; %s", dt.QualifiedName(), why)
				}
			}
			d.docsOnlyFlags(decls)
			continue
		}
		for _, dt := range decls {
			d.compareType(ct, dt)
		}
		d.missingInDocs(ct, decls)
		d.reverses(ct, decls)
	}
}

// docsOnlyFlags reports rows that are both read-only and required.
func (d *drifter) docsOnlyFlags(decls []*StructuredType) {
	for _, dt := range decls {
		for _, p := range slices.Concat(dt.Properties, dt.NavigationProperties) {
			if p != nil && p.ReadOnly && p.Required {
				d.add(FlagConflict, dt.QualifiedName()+"/"+p.Name, p.Pos, p.Pos, "the docs mark %s both read-only and required", p.Name)
			}
		}
	}
}

func (d *drifter) compareType(ct, dt *StructuredType) {
	q := ct.QualifiedName()
	// Docs pages rarely state a kind: the reader calls a type complex when
	// the page gives no key and no entity base, so only a docs entity (a
	// page that gives a key or an entity base type) can contradict.
	if dt.Kind == EntityKind && ct.Kind == ComplexKind {
		d.add(KindMismatch, q, dt.Pos, ct.Pos, "the docs describe %s as an entity type (with a key or an entity base type), the CSDL as a complex type", q)
	}
	if b := d.resolve(dt.BaseType); b != "" && !strings.EqualFold(b, ct.BaseType) {
		if ct.BaseType == "" {
			d.add(BaseTypeMismatch, q, dt.Pos, ct.Pos, "the docs give %s the base type %s; the CSDL gives it none", q, b)
		} else {
			d.add(BaseTypeMismatch, q, dt.Pos, ct.Pos, "the docs give %s the base type %s; the CSDL says %s", q, b, ct.BaseType)
		}
	}
	for _, dp := range slices.Concat(dt.Properties, dt.NavigationProperties) {
		if dp == nil {
			continue
		}
		cp, _ := d.csdlProperty(ct, dp.Name)
		if cp == nil {
			d.add(MissingInCSDL, q+"/"+dp.Name, dp.Pos, ct.Pos, "the docs describe property %s; the CSDL type %s has no such property", dp.Name, q)
			if dp.ReadOnly && dp.Required {
				d.add(FlagConflict, q+"/"+dp.Name, dp.Pos, dp.Pos, "the docs mark %s both read-only and required", dp.Name)
			}
			continue
		}
		d.compareProperty(ct, q+"/"+cp.Name, cp, dp)
	}
}

// compareProperty records the findings for one property that both sides
// declare, cp from the CSDL (found in any case, perhaps on a base type)
// and dp from a docs page, under subject ("type/property", in the CSDL's
// spelling): a NameMismatch for a case difference, a TypeMismatch (only
// when both give a type), docs not-nullable against a nullable
// single-valued CSDL property, at most one read-only/required/immutable
// FlagConflict (the first that applies, the docs' own contradiction
// first), the query capability findings (compareFilter), and different
// defaults when both give one. ct is the CSDL type the docs type names.
func (d *drifter) compareProperty(ct *StructuredType, subject string, cp, dp *Property) {
	if cp.Name != dp.Name {
		d.add(NameMismatch, subject, dp.Pos, cp.Pos, "the docs spell the property %s, the CSDL %s", dp.Name, cp.Name)
	}
	if dp.Type.Name != "" && cp.Type.Name != "" && !d.sameType(dp.Type, cp.Type) {
		d.add(TypeMismatch, subject, dp.Pos, cp.Pos, "the docs say type %s, the CSDL says %s", d.resolveRef(dp.Type), cp.Type)
	}
	if !dp.Nullable && cp.Nullable && !cp.Type.Collection {
		d.add(FlagConflict, subject, dp.Pos, cp.Pos, "the docs say not nullable; the CSDL says nullable (Nullable is absent or true)")
	}
	switch {
	case dp.ReadOnly && dp.Required:
		d.add(FlagConflict, subject, dp.Pos, dp.Pos, "the docs mark %s both read-only and required", dp.Name)
	case cp.ReadOnly && dp.Required:
		d.add(FlagConflict, subject, dp.Pos, cp.Pos, "the docs say required; the CSDL marks it read-only (computed)")
	case cp.ReadOnly && dp.Immutable && !dp.ReadOnly:
		d.add(FlagConflict, subject, dp.Pos, cp.Pos, "the docs say it can be set on create (immutable); the CSDL marks it read-only (computed)")
	case cp.Immutable && !cp.ReadOnly && dp.ReadOnly:
		d.add(FlagConflict, subject, dp.Pos, cp.Pos, "the docs say read-only; the CSDL says it can be set on create (immutable)")
	}
	d.compareFilter(ct, subject, cp, dp)
	d.compareQuery(ct, subject, cp, dp)
	if dp.Default != nil && cp.Default != nil && !sameDefault(*dp.Default, *cp.Default) {
		d.add(DefaultMismatch, subject, dp.Pos, cp.Pos, "the docs say the default is %s, the CSDL %s", *dp.Default, *cp.Default)
	}
}

// sameDefault compares default literals without regard to case and quotes.
func sameDefault(a, b string) bool {
	trim := func(s string) string { return strings.Trim(strings.TrimSpace(s), "'\"`") }
	return strings.EqualFold(trim(a), trim(b))
}

// missingInDocs reports the properties that ct declares and no docs page
// of the type lists.
func (d *drifter) missingInDocs(ct *StructuredType, decls []*StructuredType) {
	q := ct.QualifiedName()
	for _, cp := range slices.Concat(ct.Properties, ct.NavigationProperties) {
		if d.redeclared(ct, cp) {
			continue
		}
		found := false
		for _, dt := range decls {
			if p, _ := findProperty(dt, cp.Name); p != nil {
				found = true
				break
			}
		}
		if !found {
			d.add(MissingInDocs, q+"/"+cp.Name, cp.Pos, decls[0].Pos, "the CSDL declares %s %s; the docs of %s do not list it", propKindOf(ct, cp), cp.Name, ct.Name)
		}
	}
}

// redeclared reports whether cp is a copy of a base type's declaration
// that the CSDL reader put on ct (to carry a restriction that reaches the
// inherited property through ct): it has the position of the base's
// declaration. Such a property is inherited, not ct's own.
func (d *drifter) redeclared(ct *StructuredType, cp *Property) bool {
	for _, b := range d.cix.BaseChain(ct)[1:] {
		if bp, _ := findProperty(b, cp.Name); bp != nil && bp.Pos == cp.Pos && cp.Pos.IsValid() {
			return true
		}
	}
	return false
}

func propKindOf(t *StructuredType, p *Property) string {
	if slices.Contains(t.NavigationProperties, p) {
		return "navigation property"
	}
	return "property"
}

func (d *drifter) enums() {
	if !d.haveCSDL() {
		return
	}
	for _, k := range d.enumOrder {
		for _, de := range d.docEnums[k] {
			q := de.QualifiedName()
			ce := d.csdlEnum(q)
			if ce == nil {
				d.add(MissingInCSDL, q, de.Pos, d.csdlFile, "the docs describe enum %s; the CSDL does not define it", q)
				continue
			}
			d.compareEnum(ce, de)
		}
	}
}

// compareEnum records the findings for an enum both sides define: one
// EnumMembers finding listing the member names (matched in any case) that
// only one side has, and one EnumValues finding listing the shared members
// whose values differ. Values are compared only when the docs gave them
// (not just 0, 1, 2, ... in order), or always for a flags enum.
func (d *drifter) compareEnum(ce, de *EnumType) {
	q := ce.QualifiedName()
	var docsOnly, csdlOnly []string
	for _, m := range de.Members {
		if m != nil && enumMember(ce, m.Name) == nil {
			docsOnly = append(docsOnly, m.Name)
		}
	}
	for _, m := range ce.Members {
		if m != nil && enumMember(de, m.Name) == nil {
			csdlOnly = append(csdlOnly, m.Name)
		}
	}
	if len(docsOnly)+len(csdlOnly) > 0 {
		var parts []string
		if len(docsOnly) > 0 {
			parts = append(parts, "only the docs have "+strings.Join(docsOnly, ", "))
		}
		if len(csdlOnly) > 0 {
			parts = append(parts, "only the CSDL has "+strings.Join(csdlOnly, ", "))
		}
		d.add(EnumMembers, q, de.Pos, ce.Pos, "the enum members differ: %s", strings.Join(parts, "; "))
	}
	if implicitValues(de) && !de.Flags {
		return // the docs gave no values
	}
	var diff []string
	for _, m := range de.Members {
		if m == nil {
			continue
		}
		if cm := enumMember(ce, m.Name); cm != nil && cm.Value != m.Value {
			diff = append(diff, fmt.Sprintf("%s is %d in the docs, %d in the CSDL", cm.Name, m.Value, cm.Value))
		}
	}
	if len(diff) > 0 {
		d.add(EnumValues, q, de.Pos, ce.Pos, "the enum values differ: %s", strings.Join(diff, "; "))
	}
}

func enumMember(e *EnumType, name string) *EnumMember {
	for _, m := range e.Members {
		if m != nil && strings.EqualFold(m.Name, name) {
			return m
		}
	}
	return nil
}

// docsDecl is a docs declaration of a property, with its type.
type docsDecl struct {
	t *StructuredType
	p *Property
}

// docsChain returns the docs declarations of the type named q and of its
// base types: through the CSDL's base chain when the CSDL defines q, else
// through the docs' own base types.
func (d *drifter) docsChain(q string) [][]*StructuredType {
	var chain [][]*StructuredType
	if ct := d.csdlType(q); ct != nil {
		for _, c := range d.cix.BaseChain(ct) {
			if decls := d.docTypes[strings.ToLower(c.QualifiedName())]; decls != nil {
				chain = append(chain, decls)
			}
		}
		return chain
	}
	seen := map[string]bool{}
	for k := strings.ToLower(q); k != "" && !seen[k]; {
		seen[k] = true
		decls := d.docTypes[k]
		if decls == nil {
			break
		}
		chain = append(chain, decls)
		k = strings.ToLower(d.resolve(decls[0].BaseType))
	}
	return chain
}

// bodies checks the request bodies of the docs' operations.
func (d *drifter) bodies() {
	for _, op := range d.ops {
		if op.Type == "" {
			continue
		}
		q := d.resolve(op.Type)
		ct := d.csdlType(q)
		if ct != nil {
			q = ct.QualifiedName()
		}
		chain := d.docsChain(q)
		what := "the " + string(op.Kind) + " request body"
		for _, b := range op.Body {
			if b == nil {
				continue
			}
			var decls []docsDecl
			for _, ts := range chain {
				for _, t := range ts {
					if p, _ := findProperty(t, b.Name); p != nil {
						decls = append(decls, docsDecl{t, p})
					}
				}
			}
			var cp *Property
			if ct != nil {
				cp, _ = d.csdlProperty(ct, b.Name)
			}
			name := b.Name
			switch {
			case cp != nil:
				name = cp.Name
			case len(decls) > 0:
				name = decls[0].p.Name
			}
			subject := q + "/" + name
			if own := d.docTypes[strings.ToLower(q)]; own != nil && len(decls) == 0 {
				d.add(MissingInDocs, subject, b.Pos, own[0].Pos, "%s lists %s, which the docs of %s do not describe", what, b.Name, q)
			}
			if ct != nil && cp == nil {
				d.add(MissingInCSDL, subject, b.Pos, ct.Pos, "%s lists %s, which the CSDL type %s does not have", what, b.Name, q)
			}
			d.bodyFlags(op, b, subject, what, decls, cp)
			if b.Type.Name == "" {
				continue
			}
			if cp != nil && cp.Type.Name != "" && !d.sameType(b.Type, cp.Type) {
				d.add(TypeMismatch, subject, b.Pos, cp.Pos, "%s gives %s type %s, the CSDL says %s", what, b.Name, d.resolveRef(b.Type), cp.Type)
			} else if cp == nil && len(decls) > 0 {
				dp := decls[0].p
				if dp.Type.Name != "" && !strings.EqualFold(d.resolveRef(b.Type).String(), d.resolveRef(dp.Type).String()) {
					d.add(TypeMismatch, subject, b.Pos, dp.Pos, "%s gives %s type %s, the resource page says %s", what, b.Name, d.resolveRef(b.Type), d.resolveRef(dp.Type))
				}
			}
		}
	}
}

// bodyFlags reports a body property that the docs or the CSDL mark
// read-only, or immutable in an update.
func (d *drifter) bodyFlags(op *Operation, b *BodyProperty, subject, what string, decls []docsDecl, cp *Property) {
	verb := "lists"
	if b.Required {
		verb = "requires"
	}
	check := func(flag string, has func(*Property) bool) bool {
		var who []string
		var other Pos
		for _, dd := range decls {
			if has(dd.p) {
				who = append(who, "the "+dd.t.Name+" resource page")
				other = dd.p.Pos
				break
			}
		}
		if cp != nil && has(cp) {
			who = append(who, "the CSDL")
			if !other.IsValid() {
				other = cp.Pos
			}
		}
		if len(who) == 0 {
			return false
		}
		d.add(FlagConflict, subject, b.Pos, other, "%s %s %s, which %s mark%s %s", what, verb, b.Name,
			strings.Join(who, " and "), plural(len(who)), flag)
		return true
	}
	if check("read-only", func(p *Property) bool { return p.ReadOnly }) {
		return
	}
	if op.Kind == Update {
		check("immutable (settable on create only)", func(p *Property) bool { return p.Immutable })
	}
}

func plural(n int) string {
	if n == 1 {
		return "s"
	}
	return ""
}

// result sorts and deduplicates the findings.
func (d *drifter) result() []Finding {
	slices.SortFunc(d.out, compareFindings)
	return slices.Compact(d.out)
}

func compareFindings(a, b Finding) int {
	return cmp.Or(
		cmp.Compare(a.Subject, b.Subject),
		cmp.Compare(a.Kind, b.Kind),
		comparePos(a.Pos, b.Pos),
		comparePos(a.Other, b.Other),
		cmp.Compare(a.Reason, b.Reason),
	)
}

func comparePos(a, b Pos) int {
	return cmp.Or(cmp.Compare(a.File, b.File), cmp.Compare(a.Line, b.Line), cmp.Compare(a.Col, b.Col))
}
