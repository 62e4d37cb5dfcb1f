package csdl

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"

	"github.com/odatagen/odatagen/spec"
)

// XML namespaces of OData v4 CSDL XML (the same for 4.0 and 4.01).
const (
	nsEdmx = "http://docs.oasis-open.org/odata/ns/edmx"
	nsEdm  = "http://docs.oasis-open.org/odata/ns/edm"
)

// Read reads an OData v4 CSDL XML document (EDMX 4.0 or 4.01, or a
// bare edm:Schema root) into a Spec. file names the input in positions;
// src is its content.
//
// What it reads:
//
//   - Every Schema of the document. Alias-qualified names (types, base
//     types, terms, annotation targets) are resolved to namespace-qualified
//     ones, using the aliases of the document's Schemas and of its
//     edmx:Reference/edmx:Include elements. Namespaces may contain dots.
//     The well-known vocabulary aliases Core, Capabilities and Validation
//     are understood even when the document does not declare them.
//   - EntityType and ComplexType, with BaseType, Abstract, OpenType and Key
//     (Key stays empty when it is inherited); HasStream is ignored.
//     Property: Type (Collection(...) becomes TypeRef.Collection; Edm names
//     are normalized with LookupPrimitive), Nullable (CSDL's default: true),
//     MaxLength ("max" means unset), Precision, Scale ("variable" and
//     "floating" mean unset), DefaultValue (Default). NavigationProperty
//     goes to NavigationProperties with Type, Nullable, ContainsTarget and
//     Partner.
//   - EnumType: UnderlyingType ("" for the default Edm.Int32, also when
//     spelled out), IsFlags, members with their explicit values, or their
//     index when the document gives none; Sentinel is "unknownFutureValue"
//     when such a member exists.
//   - TypeDefinition (TypeDefs), EntitySet and Singleton (EntitySets).
//     NavigationPropertyBinding goes to EntitySet.Bindings.
//   - Action, Function, ActionImport, FunctionImport and Term are skipped:
//     odatagen models types, not operations. One Warning per document says
//     how many were skipped.
//
// Annotations, inline and out-of-line (<Annotations Target="...">, with
// targets such as "ns.Type", "ns.Type/property", "ns.Enum/member",
// "ns.Container/set" and paths through navigation properties and type
// casts), are applied as follows. Annotations that carry a Qualifier, or sit
// in an <Annotations> element that does, are skipped: a qualifier names a
// context (a device, a client) that a consumer has to opt into, and the
// unqualified annotation is the one that holds by default. Unknown terms are
// ignored.
//
//   - Core.Description sets Description (of types, properties, enums,
//     members, type definitions). Core.LongDescription is used only where
//     there is no Core.Description.
//   - Core.Computed, and Core.Permissions exactly Read, set ReadOnly.
//   - Core.Immutable sets Immutable.
//   - Core.Revisions with a revision of Kind Deprecated sets Deprecated on
//     properties (the model has no such fact for types and members).
//   - Validation.AllowedValues and everything else are ignored.
//
// $filter support. OData says a service is expected to support $filter and
// to call out what it does not support with Capabilities annotations. So
// every property starts filterable: Filter = &FilterSupport{} (every
// operator that applies to its type), Null true for single-valued
// properties (collections cannot be compared with null) and Count true for
// collections (structural and navigation). Navigation properties get a
// Filter too, since paths go through them. Edm.Stream properties get none.
// Capabilities annotations then take support away; a restriction that
// targets an entity set, a singleton or a navigation property applies to
// the type behind it, and restrictions from several places all apply (a
// type keeps what every path to it allows):
//
//   - FilterRestrictions: Filterable false removes Filter from every
//     property of the type; NonFilterableProperties removes it from those
//     properties; FilterExpressionRestrictions limits Ops to its
//     AllowedExpressions: SingleValue = eq; MultiValue = eq, in (several
//     eq joined by or amount to one in); SingleRange = ge, le; MultiRange = eq, gt, ge, lt, le;
//     SearchExpression = startsWith, endsWith, contains;
//     MultiRangeOrSearchExpression = both of the last two. Microsoft Graph
//     also writes operator names ("ge le", "any"); those are taken as they
//     are. Null stays true only if eq or ne is allowed. RequiresFilter and
//     RequiredProperties say what a request must filter by, not what it
//     may; they are ignored.
//   - CountRestrictions: NonCountableProperties and
//     NonCountableNavigationProperties clear Count.
//   - NavigationRestrictions: the FilterRestrictions and CountRestrictions
//     of each RestrictedProperties entry apply to the type behind that
//     navigation property.
//   - InsertRestrictions.NonInsertableProperties and
//     UpdateRestrictions.NonUpdatableProperties (older vocabulary
//     versions): a property in both lists becomes ReadOnly, one only
//     non-updatable becomes Immutable (it can be sent on create only). A
//     property only non-insertable has no fact in the model and is left as
//     it is.
//   - Restriction paths with several segments (through complex or
//     navigation properties) cannot be expressed per type and are reported
//     as a Warning.
//
// The model keeps facts on the type that declares a property. When an
// annotation or restriction reaches an inherited property through a derived
// type ("ns.Derived/id", NonFilterableProperties of a derived type naming
// id), Read redeclares the property on the derived type: a copy of the
// base's declaration (same Pos) that carries the changed facts; it does so
// only when a fact actually changes. Generators already accept redeclared
// properties, which docs pages have too.
//
// Warnings: the skipped operations; annotation targets and restriction
// paths that name nothing in the document; types of a namespace of the
// document that the document does not define; duplicate definitions; and
// AllowedExpressions words it does not know.
//
// Errors: malformed XML, a root other than edmx:Edmx or edm:Schema, an EDMX
// Version other than 4.0 and 4.01, and malformed CSDL (a missing Name or Type, a bad
// boolean or number) fail with a *Error positioned at file:line:col. Lines
// and columns are 1-based; columns count bytes.
//
// Read also records the query capabilities and navigation bindings (see
// ReadWith); they are ordinary facts of the spec, which the YAML form
// carries too.
func Read(file string, src []byte) (*spec.Spec, []spec.Warning, error) {
	return ReadWith(file, src, Options{Capabilities: true})
}

// Options are the options of ReadWith. The zero Options leave the query
// capabilities out; Read sets Capabilities.
type Options struct {
	// Capabilities also records the query capabilities of the
	// Capabilities vocabulary (see ReadWith) and the entity sets'
	// NavigationPropertyBindings. Without it they are left out (a
	// spec of types and sets only).
	Capabilities bool
}

// ReadWith is Read with options. With Capabilities set it also records,
// as plain data with positions, the query capabilities that the
// Capabilities vocabulary annotates, inline or out of line, on entity
// sets and singletons (EntitySet.Capabilities), on navigation paths from
// them ("ns.Container/users/manager": EntitySet.Paths), on navigation
// properties ("ns.type/nav", or inline: Property.Capabilities;
// StructuredType.InheritedNavigation when a base type declares it), on
// types (StructuredType.Capabilities) and on the entity container
// (Spec.Container): FilterRestrictions (the resource-level flags, besides
// what Read applies to properties), SortRestrictions, ExpandRestrictions,
// SelectSupport, SearchRestrictions, CountRestrictions,
// NavigationRestrictions (Navigability and RestrictedProperties with
// their nested restrictions), ReadRestrictions (Readable, CustomHeaders,
// CustomQueryOptions, ReadByKeyRestrictions), TopSupported,
// SkipSupported, ComputeSupported and IndexableByKey, and on the
// container also CustomHeaders, CustomQueryOptions and
// DefaultCapabilities (whose fields count as the terms); and each entity
// set's NavigationPropertyBindings (EntitySet.Bindings). The first
// annotation of a term on an element wins. Read records all of these
// (it is ReadWith with Capabilities set); the YAML form carries them.
//
// Both Read and ReadWith take an annotation whose Qualifier is its own
// term's name (Microsoft Graph writes Qualifier="Org.OData.Capabilities.V1.ExpandRestrictions")
// as unqualified: such a qualifier names no context.
func ReadWith(file string, src []byte, opts Options) (*spec.Spec, []spec.Warning, error) {
	r := &csdlReader{
		opts:       opts,
		file:       file,
		lines:      newLineIndex(src),
		d:          xml.NewDecoder(bytes.NewReader(src)),
		spec:       &spec.Spec{},
		aliases:    map[string]string{},
		namespaces: map[string]bool{},
		containers: map[string]*csdlContainer{},
		ops:        map[string]bool{},
	}
	if err := r.document(); err != nil {
		return nil, nil, err
	}
	r.resolve()
	return r.spec, r.warnings, nil
}

// lineIndex turns byte offsets into line:col positions.
type lineIndex struct {
	starts []int64 // offsets at which lines start
	bom    bool    // the input starts with a UTF-8 byte order mark
}

func newLineIndex(src []byte) lineIndex {
	starts := make([]int64, 1, bytes.Count(src, []byte{'\n'})+1)
	for i := 0; ; {
		j := bytes.IndexByte(src[i:], '\n')
		if j < 0 {
			break
		}
		i += j + 1
		starts = append(starts, int64(i))
	}
	return lineIndex{starts: starts, bom: bytes.HasPrefix(src, []byte("\ufeff"))}
}

func (li lineIndex) pos(file string, off int64) spec.Pos {
	i := sort.Search(len(li.starts), func(k int) bool { return li.starts[k] > off }) - 1
	if i < 0 {
		i = 0
	}
	col := off - li.starts[i] + 1
	if i == 0 && li.bom {
		col = max(col-3, 1)
	}
	return spec.Pos{File: file, Line: i + 1, Col: int(col)}
}

// csdlReader holds the state of one Read call.
type csdlReader struct {
	opts  Options
	file  string
	lines lineIndex
	d     *xml.Decoder

	spec     *spec.Spec
	warnings []spec.Warning

	aliases    map[string]string // alias -> namespace
	namespaces map[string]bool   // namespaces of the document's schemas
	containers map[string]*csdlContainer
	ops        map[string]bool // qualified names of skipped actions and functions

	annots []*csdlAnnot

	nOps, nImports, nTerms int
	skippedAt              spec.Pos

	// Filled by resolve.
	types    map[string]*spec.StructuredType
	enums    map[string]*spec.EnumType
	typedefs map[string]*spec.TypeDef
	access   map[*spec.Property]*csdlAccess // NonInsertable/NonUpdatable marks

	sourceBlock []spec.Source // what newSources cuts from
}

type csdlContainer struct {
	name    string // qualified
	sets    map[string]*spec.EntitySet
	imports map[string]bool // names of the skipped action and function imports
	pos     spec.Pos
}

// csdlTarget is the model element an annotation applies to.
type csdlTarget struct {
	typ     *spec.StructuredType // the type, or the type through which prop is reached
	prop    *spec.Property
	enum    *spec.EnumType
	member  *spec.EnumMember
	typedef *spec.TypeDef
	set     *spec.EntitySet
	// setPath is the navigation path from set ("manager") of an
	// out-of-line target "ns.Container/set/path", or "".
	setPath string
	// container is set for the entity container itself.
	container bool
}

// csdlGroup is an out-of-line <Annotations> element: a target shared by
// its annotations.
type csdlGroup struct {
	target string
	pos    spec.Pos
	tgt    csdlTarget
	state  uint8 // 0 unresolved, 1 resolved, 2 ignored
}

// csdlAnnot is one <Annotation>.
type csdlAnnot struct {
	term  string // as written; resolved later
	pos   spec.Pos
	val   *csdlExpr // nil when the annotation has no value (a Tag: true)
	on    csdlTarget
	group *csdlGroup // out-of-line target, or nil
}

// csdlExpr is an annotation expression: a Record, a Collection, or a
// constant (String, Bool, EnumMember, PropertyPath, ...).
type csdlExpr struct {
	kind   string
	text   string
	fields []csdlField
	items  []*csdlExpr
	pos    spec.Pos
}

type csdlField struct {
	name string
	val  *csdlExpr
}

// maxExprDepth bounds the nesting of annotation expressions that Read
// keeps; deeper ones are skipped.
const maxExprDepth = 32

// constExprs are the constant and path expressions, which may be written
// as an attribute or as an element holding text.
var constExprs = map[string]bool{
	"Binary": true, "Bool": true, "Date": true, "DateTimeOffset": true, "Decimal": true,
	"Duration": true, "EnumMember": true, "Float": true, "Guid": true, "Int": true,
	"String": true, "TimeOfDay": true, "AnnotationPath": true, "ModelElementPath": true,
	"NavigationPropertyPath": true, "PropertyPath": true, "Path": true, "UrlRef": true,
}

func (r *csdlReader) pos(off int64) spec.Pos { return r.lines.pos(r.file, off) }

func (r *csdlReader) warn(pos spec.Pos, format string, args ...any) {
	r.warnings = append(r.warnings, spec.Warning{Pos: pos, Msg: fmt.Sprintf(format, args...)})
}

// next returns the next token and the offset at which it starts.
func (r *csdlReader) next() (xml.Token, int64, error) {
	off := r.d.InputOffset()
	tok, err := r.d.Token()
	if err != nil {
		return nil, off, r.xmlError(err)
	}
	return tok, off, nil
}

func (r *csdlReader) xmlError(err error) error {
	if err == io.EOF {
		return err
	}
	msg := err.Error()
	var se *xml.SyntaxError
	if errors.As(err, &se) {
		msg = se.Msg
	}
	return spec.Errorf(r.pos(r.d.InputOffset()), "malformed XML: %s", msg)
}

// skip consumes the rest of the current element.
func (r *csdlReader) skip() error {
	for depth := 1; depth > 0; {
		tok, off, err := r.next()
		if err != nil {
			return r.eof(err, off)
		}
		switch tok.(type) {
		case xml.StartElement:
			depth++
		case xml.EndElement:
			depth--
		}
	}
	return nil
}

// eof turns an io.EOF inside an element into a positioned error.
func (r *csdlReader) eof(err error, off int64) error {
	if err == io.EOF {
		return spec.Errorf(r.pos(off), "malformed XML: unexpected end of file")
	}
	return err
}

// children calls f for every child element of the current element, up to
// its end. f must consume the child completely. Text is ignored.
func (r *csdlReader) children(f func(se xml.StartElement, off int64) error) error {
	for {
		tok, off, err := r.next()
		if err != nil {
			return r.eof(err, off)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if err := f(t, off); err != nil {
				return err
			}
		case xml.EndElement:
			return nil
		}
	}
}

// text returns the character data of the current element up to its end,
// skipping child elements.
func (r *csdlReader) text() (string, error) {
	var b strings.Builder
	for {
		tok, off, err := r.next()
		if err != nil {
			return "", r.eof(err, off)
		}
		switch t := tok.(type) {
		case xml.CharData:
			b.Write(t)
		case xml.StartElement:
			if err := r.skip(); err != nil {
				return "", err
			}
		case xml.EndElement:
			return b.String(), nil
		}
	}
}

func attr(se xml.StartElement, name string) (string, bool) {
	for _, a := range se.Attr {
		if a.Name.Space == "" && a.Name.Local == name {
			return a.Value, true
		}
	}
	return "", false
}

// need returns the required attribute name, or a positioned error.
func (r *csdlReader) need(se xml.StartElement, off int64, name string) (string, error) {
	v, ok := attr(se, name)
	if !ok || strings.TrimSpace(v) == "" {
		return "", spec.Errorf(r.pos(off), "%s has no %s", se.Name.Local, name)
	}
	return strings.TrimSpace(v), nil
}

func (r *csdlReader) boolAttr(se xml.StartElement, off int64, name string, def bool) (bool, error) {
	v, ok := attr(se, name)
	if !ok {
		return def, nil
	}
	switch strings.TrimSpace(v) {
	case "true", "1":
		return true, nil
	case "false", "0":
		return false, nil
	}
	return def, spec.Errorf(r.pos(off), "%s %s=%q: want true or false", se.Name.Local, name, v)
}

// intAttr reads a non-negative integer facet; the words in unset mean 0.
func (r *csdlReader) intAttr(se xml.StartElement, off int64, name string, unset ...string) (int, error) {
	v, ok := attr(se, name)
	if !ok {
		return 0, nil
	}
	v = strings.TrimSpace(v)
	for _, u := range unset {
		if strings.EqualFold(v, u) {
			return 0, nil
		}
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < 0 {
		return 0, spec.Errorf(r.pos(off), "%s %s=%q: want a non-negative integer", se.Name.Local, name, v)
	}
	return n, nil
}

func isSpace(b []byte) bool {
	return len(bytes.TrimSpace(bytes.TrimPrefix(b, []byte("\ufeff")))) == 0
}

func elemName(n xml.Name) string {
	if n.Space == "" {
		return "<" + n.Local + ">"
	}
	return fmt.Sprintf("<%s> in namespace %s", n.Local, n.Space)
}

// document reads the whole input: one root element and nothing else.
func (r *csdlReader) document() error {
	root := false
	for {
		tok, off, err := r.next()
		if err == io.EOF {
			if !root {
				return spec.Errorf(r.pos(off), "no root element: want edmx:Edmx (OData CSDL XML)")
			}
			return nil
		}
		if err != nil {
			return err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if root {
				return spec.Errorf(r.pos(off), "%s after the root element", elemName(t.Name))
			}
			root = true
			switch {
			case t.Name.Space == nsEdmx && t.Name.Local == "Edmx":
				if err := r.edmx(t, off); err != nil {
					return err
				}
			case t.Name.Space == nsEdm && t.Name.Local == "Schema":
				if err := r.schema(t, off); err != nil {
					return err
				}
			case t.Name.Local == "Edmx" && strings.HasPrefix(t.Name.Space, "http://schemas.microsoft.com/ado/"):
				return spec.Errorf(r.pos(off), "OData v2/v3 EDMX (namespace %s): odatagen reads OData v4 CSDL", t.Name.Space)
			default:
				return spec.Errorf(r.pos(off), "root element is %s: want edmx:Edmx (OData CSDL XML)", elemName(t.Name))
			}
		case xml.CharData:
			if !isSpace(t) {
				return spec.Errorf(r.pos(off), "text outside the root element")
			}
		}
	}
}

// edmx reads an edmx:Edmx root: it refuses a Version other than 4.0 or
// 4.01 (none given is accepted), records the Alias of every
// edmx:Reference/edmx:Include (a later one silently replaces an earlier),
// and reads each edm:Schema of edmx:DataServices. Everything else,
// including elements of other namespaces, is skipped. Errors are
// positioned; the element is consumed up to its end.
func (r *csdlReader) edmx(se xml.StartElement, off int64) error {
	if v, ok := attr(se, "Version"); ok && v != "4.0" && v != "4.01" {
		return spec.Errorf(r.pos(off), "EDMX Version %q: odatagen reads OData 4.0 and 4.01", v)
	}
	return r.children(func(c xml.StartElement, off int64) error {
		if c.Name.Space != nsEdmx {
			return r.skip()
		}
		switch c.Name.Local {
		case "Reference":
			return r.children(func(c xml.StartElement, off int64) error {
				if c.Name.Space == nsEdmx && c.Name.Local == "Include" {
					ns, err := r.need(c, off, "Namespace")
					if err != nil {
						return err
					}
					if a, ok := attr(c, "Alias"); ok && a != "" {
						r.aliases[a] = ns
					}
				}
				return r.skip()
			})
		case "DataServices":
			return r.children(func(c xml.StartElement, off int64) error {
				if c.Name.Space == nsEdm && c.Name.Local == "Schema" {
					return r.schema(c, off)
				}
				return r.skip()
			})
		}
		return r.skip()
	})
}

// schema reads one edm:Schema: it records the namespace (so that checkRefs
// and annotation targets know it is this document's) and its Alias (a
// reused alias is warned about and the later schema wins), then reads the
// types, enums, type definitions, containers and out-of-line Annotations
// in document order. Actions, functions and terms are counted for the
// one summary warning of resolve and skipped; the qualified names of
// actions and functions are kept so that annotations on them stay quiet.
// Names are kept as written: resolve qualifies aliases after the whole
// document is read, so an alias may be declared after its use.
func (r *csdlReader) schema(se xml.StartElement, off int64) error {
	ns, err := r.need(se, off, "Namespace")
	if err != nil {
		return err
	}
	r.namespaces[ns] = true
	if a, ok := attr(se, "Alias"); ok && a != "" {
		if prev, ok := r.aliases[a]; ok && prev != ns {
			r.warn(r.pos(off), "alias %s names both %s and %s; using %s", a, prev, ns, ns)
		}
		r.aliases[a] = ns
	}
	return r.children(func(c xml.StartElement, off int64) error {
		if c.Name.Space != nsEdm {
			return r.skip()
		}
		switch c.Name.Local {
		case "EntityType":
			return r.structured(c, off, ns, spec.EntityKind)
		case "ComplexType":
			return r.structured(c, off, ns, spec.ComplexKind)
		case "EnumType":
			return r.enum(c, off, ns)
		case "TypeDefinition":
			return r.typedef(c, off, ns)
		case "EntityContainer":
			return r.container(c, off, ns)
		case "Annotations":
			return r.annotations(c, off)
		case "Action", "Function":
			if name, ok := attr(c, "Name"); ok {
				r.ops[ns+"."+name] = true
			}
			r.nOps++
			r.skipped(off)
		case "Term":
			r.nTerms++
			r.skipped(off)
		}
		return r.skip()
	})
}

func (r *csdlReader) skipped(off int64) {
	if !r.skippedAt.IsValid() {
		r.skippedAt = r.pos(off)
	}
}

// structured reads an EntityType or ComplexType of namespace ns and appends
// it to the spec before its children are read: BaseType (still
// alias-qualified), Abstract, OpenType, the Key's PropertyRef names in
// order, Properties and NavigationProperties (with their inline
// annotations) and the type's own inline annotations. Any other child is
// skipped. A missing Name or a malformed attribute is a positioned error.
func (r *csdlReader) structured(se xml.StartElement, off int64, ns string, kind spec.TypeKind) error {
	name, err := r.need(se, off, "Name")
	if err != nil {
		return err
	}
	t := &spec.StructuredType{Kind: kind, Name: name, Namespace: ns, Pos: r.pos(off)}
	if b, ok := attr(se, "BaseType"); ok {
		t.BaseType = strings.TrimSpace(b)
	}
	if t.Abstract, err = r.boolAttr(se, off, "Abstract", false); err != nil {
		return err
	}
	if t.Open, err = r.boolAttr(se, off, "OpenType", false); err != nil {
		return err
	}
	r.spec.Types = append(r.spec.Types, t)
	return r.children(func(c xml.StartElement, off int64) error {
		if c.Name.Space != nsEdm {
			return r.skip()
		}
		switch c.Name.Local {
		case "Key":
			return r.children(func(c xml.StartElement, off int64) error {
				if c.Name.Space == nsEdm && c.Name.Local == "PropertyRef" {
					n, err := r.need(c, off, "Name")
					if err != nil {
						return err
					}
					t.Key = append(t.Key, n)
				}
				return r.skip()
			})
		case "Property", "NavigationProperty":
			p, err := r.property(c, off)
			if err != nil {
				return err
			}
			if c.Name.Local == "Property" {
				t.Properties = append(t.Properties, p)
			} else {
				t.NavigationProperties = append(t.NavigationProperties, p)
			}
			return r.inline(csdlTarget{typ: t, prop: p})
		case "Annotation":
			return r.annotation(c, off, csdlTarget{typ: t}, nil)
		}
		return r.skip()
	})
}

// property reads the attributes of a Property or NavigationProperty; the
// caller reads its children.
func (r *csdlReader) property(se xml.StartElement, off int64) (*spec.Property, error) {
	name, err := r.need(se, off, "Name")
	if err != nil {
		return nil, err
	}
	typ, err := r.need(se, off, "Type")
	if err != nil {
		return nil, err
	}
	p := &spec.Property{Name: name, Pos: r.pos(off)}
	if p.Type, err = spec.ParseTypeRef(typ); err != nil {
		return nil, spec.Errorf(p.Pos, "%s %s: %v", se.Name.Local, name, err)
	}
	if p.Nullable, err = r.boolAttr(se, off, "Nullable", true); err != nil {
		return nil, err
	}
	// The element states its type and nullability (CSDL's default when
	// it has no Nullable), and resolve adds its $filter default: room for
	// those and one annotation.
	p.Sources = r.newSources()
	p.Sources = append(p.Sources, spec.Source{Fact: spec.FactType, Pos: p.Pos}, spec.Source{Fact: spec.FactNullable, Pos: p.Pos})
	if se.Name.Local == "NavigationProperty" {
		if p.ContainsTarget, err = r.boolAttr(se, off, "ContainsTarget", false); err != nil {
			return nil, err
		}
		p.Partner, _ = attr(se, "Partner")
		r.stated(p, spec.FactContainsTarget, p.ContainsTarget)
		r.stated(p, spec.FactPartner, p.Partner != "")
		return p, nil
	}
	if p.MaxLength, err = r.intAttr(se, off, "MaxLength", "max"); err != nil {
		return nil, err
	}
	if p.Precision, err = r.intAttr(se, off, "Precision"); err != nil {
		return nil, err
	}
	if p.Scale, err = r.intAttr(se, off, "Scale", "variable", "floating"); err != nil {
		return nil, err
	}
	if d, ok := attr(se, "DefaultValue"); ok {
		p.Default = &d
	}
	r.stated(p, spec.FactMaxLength, p.MaxLength != 0)
	r.stated(p, spec.FactPrecision, p.Precision != 0)
	r.stated(p, spec.FactScale, p.Scale != 0)
	r.stated(p, spec.FactDefault, p.Default != nil)
	return p, nil
}

// newSources returns an empty slice with room for 4 sources, cut from a
// block shared by many properties (one allocation for up to 256 of them,
// the blocks growing from 8 so that a small document stays small; the
// capacity limit keeps each slice its own).
func (r *csdlReader) newSources() []spec.Source {
	const room = 4
	if cap(r.sourceBlock)-len(r.sourceBlock) < room {
		r.sourceBlock = make([]spec.Source, 0, min(max(2*cap(r.sourceBlock), 8*room), 256*room))
	}
	n := len(r.sourceBlock)
	r.sourceBlock = r.sourceBlock[:n+room]
	return r.sourceBlock[n : n : n+room]
}

// stated records the property element as the source of fact f when ok.
func (r *csdlReader) stated(p *spec.Property, f spec.Fact, ok bool) {
	if ok {
		p.AddSource(f, p.Pos)
	}
}

// inline reads the children of an element whose only children of interest
// are its inline annotations.
func (r *csdlReader) inline(on csdlTarget) error {
	return r.children(func(c xml.StartElement, off int64) error {
		if c.Name.Space == nsEdm && c.Name.Local == "Annotation" {
			return r.annotation(c, off, on, nil)
		}
		return r.skip()
	})
}

// enum reads an EnumType of namespace ns, appended to the spec before its
// members: UnderlyingType as written (resolve drops Edm.Int32), IsFlags,
// and the members in order, each with its Value or else its index among
// the members read so far (CSDL gives values to all members or to none),
// and their inline annotations. A member named unknownFutureValue becomes
// the Sentinel. A Value that is not an int64 is a positioned error.
func (r *csdlReader) enum(se xml.StartElement, off int64, ns string) error {
	name, err := r.need(se, off, "Name")
	if err != nil {
		return err
	}
	e := &spec.EnumType{Name: name, Namespace: ns, Pos: r.pos(off)}
	if u, ok := attr(se, "UnderlyingType"); ok {
		e.UnderlyingType = strings.TrimSpace(u)
	}
	if e.Flags, err = r.boolAttr(se, off, "IsFlags", false); err != nil {
		return err
	}
	r.spec.Enums = append(r.spec.Enums, e)
	return r.children(func(c xml.StartElement, off int64) error {
		if c.Name.Space != nsEdm {
			return r.skip()
		}
		switch c.Name.Local {
		case "Member":
			n, err := r.need(c, off, "Name")
			if err != nil {
				return err
			}
			m := &spec.EnumMember{Name: n, Value: int64(len(e.Members)), Pos: r.pos(off)}
			if v, ok := attr(c, "Value"); ok {
				if m.Value, err = strconv.ParseInt(strings.TrimSpace(v), 10, 64); err != nil {
					return spec.Errorf(m.Pos, "enum member %s Value=%q: want an integer", n, v)
				}
			}
			if n == spec.SentinelName {
				e.Sentinel = n
			}
			e.Members = append(e.Members, m)
			return r.inline(csdlTarget{enum: e, member: m})
		case "Annotation":
			return r.annotation(c, off, csdlTarget{enum: e}, nil)
		}
		return r.skip()
	})
}

func (r *csdlReader) typedef(se xml.StartElement, off int64, ns string) error {
	name, err := r.need(se, off, "Name")
	if err != nil {
		return err
	}
	u, err := r.need(se, off, "UnderlyingType")
	if err != nil {
		return err
	}
	d := &spec.TypeDef{Name: name, Namespace: ns, UnderlyingType: u, Pos: r.pos(off)}
	r.spec.TypeDefs = append(r.spec.TypeDefs, d)
	return r.inline(csdlTarget{typedef: d})
}

// container reads an EntityContainer of namespace ns: its EntitySets and
// Singletons go to the spec's EntitySets (the type still alias-qualified),
// with their inline annotations, and the names of its action and function
// imports are kept so that annotations on them stay quiet; the imports are
// counted as skipped. A set defined twice is warned about. A service has
// one entity container (OData CSDL, "Entity Container": a metadata document
// defines exactly one), so a second one, under the first one's name or
// another, is warned about and skipped whole: its sets are not the
// service's.
func (r *csdlReader) container(se xml.StartElement, off int64, ns string) error {
	name, err := r.need(se, off, "Name")
	if err != nil {
		return err
	}
	c := &csdlContainer{name: ns + "." + name, sets: map[string]*spec.EntitySet{}, imports: map[string]bool{}, pos: r.pos(off)}
	for _, prev := range r.containers {
		msg := "entity container " + c.name + " is defined twice; the second is skipped"
		if prev.name != c.name {
			msg = "entity container " + c.name + " is a second one (a service has one, " + prev.name + "); it is skipped"
		}
		r.warnings = append(r.warnings, spec.Warning{Pos: c.pos, Other: prev.pos, Msg: msg})
		return r.skip()
	}
	r.containers[c.name] = c
	return r.children(func(ce xml.StartElement, off int64) error {
		if ce.Name.Space != nsEdm {
			return r.skip()
		}
		switch ce.Name.Local {
		case "EntitySet", "Singleton":
			name, err := r.need(ce, off, "Name")
			if err != nil {
				return err
			}
			typeAttr := "EntityType"
			if ce.Name.Local == "Singleton" {
				typeAttr = "Type"
			}
			typ, err := r.need(ce, off, typeAttr)
			if err != nil {
				return err
			}
			s := &spec.EntitySet{Name: name, Type: typ, Singleton: ce.Name.Local == "Singleton", Pos: r.pos(off)}
			r.spec.EntitySets = append(r.spec.EntitySets, s)
			if prev := c.sets[name]; prev != nil {
				r.warnings = append(r.warnings, spec.Warning{Pos: s.Pos, Other: prev.Pos, Kind: spec.WarnDisagreement,
					Msg: fmt.Sprintf("entity set or singleton %s is defined twice in %s", name, c.name)})
			} else {
				c.sets[name] = s
			}
			return r.children(func(c xml.StartElement, off int64) error {
				if c.Name.Space != nsEdm {
					return r.skip()
				}
				switch c.Name.Local {
				case "Annotation":
					return r.annotation(c, off, csdlTarget{set: s}, nil)
				case "NavigationPropertyBinding":
					if r.opts.Capabilities {
						p, _ := attr(c, "Path")
						t, _ := attr(c, "Target")
						if p, t = strings.TrimSpace(p), strings.TrimSpace(t); p != "" && t != "" {
							s.Bindings = append(s.Bindings, spec.Binding{Path: p, Target: t, Pos: r.pos(off)})
						}
					}
				}
				return r.skip()
			})
		case "ActionImport", "FunctionImport":
			if name, ok := attr(ce, "Name"); ok {
				c.imports[name] = true
			}
			r.nImports++
			r.skipped(off)
		}
		return r.skip()
	})
}

// annotations reads an out-of-line <Annotations Target="...">.
func (r *csdlReader) annotations(se xml.StartElement, off int64) error {
	target, err := r.need(se, off, "Target")
	if err != nil {
		return err
	}
	if q, ok := attr(se, "Qualifier"); ok && q != "" {
		return r.skip()
	}
	g := &csdlGroup{target: target, pos: r.pos(off)}
	return r.children(func(c xml.StartElement, off int64) error {
		if c.Name.Space == nsEdm && c.Name.Local == "Annotation" {
			return r.annotation(c, off, csdlTarget{}, g)
		}
		return r.skip()
	})
}

// annotation reads an <Annotation> of the given inline target or
// out-of-line group.
func (r *csdlReader) annotation(se xml.StartElement, off int64, on csdlTarget, g *csdlGroup) error {
	term, err := r.need(se, off, "Term")
	if err != nil {
		return err
	}
	if q, ok := attr(se, "Qualifier"); ok && q != "" && r.qterm(q) != r.qterm(term) {
		return r.skip()
	}
	a := &csdlAnnot{term: term, pos: r.pos(off), on: on, group: g}
	if a.val, err = r.holder(se, off, 0); err != nil {
		return err
	}
	r.annots = append(r.annots, a)
	return nil
}

// holder reads the value of an element that holds one expression, as an
// attribute (String="...") or as a child element: Annotation and
// PropertyValue. It consumes the element.
func (r *csdlReader) holder(se xml.StartElement, off int64, depth int) (*csdlExpr, error) {
	var val *csdlExpr
	for _, a := range se.Attr {
		if a.Name.Space == "" && constExprs[a.Name.Local] {
			val = &csdlExpr{kind: a.Name.Local, text: a.Value, pos: r.pos(off)}
			break
		}
	}
	err := r.children(func(c xml.StartElement, off int64) error {
		if val != nil || c.Name.Space != nsEdm || c.Name.Local == "Annotation" {
			return r.skip()
		}
		var err error
		val, err = r.expr(c, off, depth+1)
		return err
	})
	return val, err
}

// expr reads an expression element.
func (r *csdlReader) expr(se xml.StartElement, off int64, depth int) (*csdlExpr, error) {
	e := &csdlExpr{kind: se.Name.Local, pos: r.pos(off)}
	if depth > maxExprDepth {
		return e, r.skip()
	}
	var err error
	switch {
	case e.kind == "Record":
		err = r.children(func(c xml.StartElement, off int64) error {
			if c.Name.Space != nsEdm || c.Name.Local != "PropertyValue" {
				return r.skip()
			}
			name, err := r.need(c, off, "Property")
			if err != nil {
				return err
			}
			v, err := r.holder(c, off, depth+1)
			e.fields = append(e.fields, csdlField{name: name, val: v})
			return err
		})
	case e.kind == "Collection":
		err = r.children(func(c xml.StartElement, off int64) error {
			if c.Name.Space != nsEdm || c.Name.Local == "Annotation" {
				return r.skip()
			}
			v, err := r.expr(c, off, depth+1)
			e.items = append(e.items, v)
			return err
		})
	case constExprs[e.kind]:
		e.text, err = r.text()
	default:
		err = r.skip()
	}
	return e, err
}
