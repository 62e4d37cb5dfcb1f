package yamlspec

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"github.com/odatagen/odatagen/spec"
	"gopkg.in/yaml.v3"
)

// Read reads the YAML form of a spec. file is used in positions and
// error messages. A property's Sources are the positions of its fact keys'
// values; a sources: mapping (WriteOptions.Sources) is not read.
func Read(file string, src []byte) (*spec.Spec, error) {
	r := &yamlReader{file: file}
	dec := yaml.NewDecoder(bytes.NewReader(src))
	var doc yaml.Node
	if err := dec.Decode(&doc); err != nil {
		if errors.Is(err, io.EOF) {
			return &spec.Spec{}, nil
		}
		return nil, r.syntaxError(err)
	}
	var more yaml.Node
	if err := dec.Decode(&more); !errors.Is(err, io.EOF) {
		if err != nil {
			return nil, r.syntaxError(err)
		}
		return nil, r.errf(&more, "a spec file holds one YAML document")
	}
	s := &spec.Spec{}
	if len(doc.Content) == 0 {
		return s, nil
	}
	root := doc.Content[0]
	if isNull(root) {
		return s, nil
	}
	if err := r.spec(root, s); err != nil {
		return nil, err
	}
	return s, nil
}

type yamlReader struct {
	file string
	// names maps a lower-cased qualified name to the position that declared it.
	names map[string]spec.Pos
}

func (r *yamlReader) pos(n *yaml.Node) spec.Pos {
	return spec.Pos{File: r.file, Line: n.Line, Col: n.Column}
}

func (r *yamlReader) errf(n *yaml.Node, format string, args ...any) error {
	return spec.Errorf(r.pos(n), format, args...)
}

var yamlLineErr = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)

// syntaxError turns a yaml.v3 parse error into a positioned *Error.
func (r *yamlReader) syntaxError(err error) error {
	msg := err.Error()
	if m := yamlLineErr.FindStringSubmatch(msg); m != nil {
		line, _ := strconv.Atoi(m[1])
		return spec.Errorf(spec.Pos{File: r.file, Line: line}, "%s", m[2])
	}
	return spec.Errorf(spec.Pos{File: r.file}, "%s", strings.TrimPrefix(msg, "yaml: "))
}

func isNull(n *yaml.Node) bool {
	return n.Kind == yaml.ScalarNode && n.ShortTag() == "!!null" && (n.Value == "" || n.Value == "~" || strings.EqualFold(n.Value, "null"))
}

// fields checks that n is a mapping whose keys are among allowed, each at
// most once, and returns the value nodes by key.
func (r *yamlReader) fields(n *yaml.Node, what string, allowed ...string) (map[string]*yaml.Node, error) {
	if err := r.noAlias(n); err != nil {
		return nil, err
	}
	if n.Kind != yaml.MappingNode {
		return nil, r.errf(n, "%s: want a mapping, got %s", what, kindName(n))
	}
	m := make(map[string]*yaml.Node, len(n.Content)/2)
	keys := make(map[string]*yaml.Node, len(n.Content)/2)
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if err := r.noAlias(k); err != nil {
			return nil, err
		}
		if k.Kind != yaml.ScalarNode {
			return nil, r.errf(k, "%s: keys must be plain names", what)
		}
		known := false
		for _, a := range allowed {
			if k.Value == a {
				known = true
				break
			}
		}
		if !known {
			return nil, r.errf(k, "%s: unknown key %q (want one of %s)", what, k.Value, strings.Join(allowed, ", "))
		}
		if first, dup := keys[k.Value]; dup {
			return nil, r.errf(k, "%s: key %q repeated (first at line %d)", what, k.Value, first.Line)
		}
		if err := r.noAlias(v); err != nil {
			return nil, err
		}
		keys[k.Value] = k
		m[k.Value] = v
	}
	return m, nil
}

func (r *yamlReader) noAlias(n *yaml.Node) error {
	if n.Kind == yaml.AliasNode {
		return r.errf(n, "aliases are not supported in spec files")
	}
	if n.Anchor != "" {
		return r.errf(n, "anchors are not supported in spec files")
	}
	return nil
}

func kindName(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping"
	case yaml.SequenceNode:
		return "a list"
	case yaml.ScalarNode:
		if isNull(n) {
			return "null"
		}
		return fmt.Sprintf("%q", n.Value)
	}
	return "something else"
}

// list returns the items of a sequence (nil for an absent or null value).
func (r *yamlReader) list(n *yaml.Node, what string) ([]*yaml.Node, error) {
	if n == nil || isNull(n) {
		return nil, nil
	}
	if n.Kind != yaml.SequenceNode {
		return nil, r.errf(n, "%s: want a list, got %s", what, kindName(n))
	}
	for _, c := range n.Content {
		if err := r.noAlias(c); err != nil {
			return nil, err
		}
	}
	return n.Content, nil
}

// str returns a scalar's text; null reads as "".
func (r *yamlReader) str(n *yaml.Node, what string) (string, error) {
	if n == nil {
		return "", nil
	}
	if n.Kind != yaml.ScalarNode {
		return "", r.errf(n, "%s: want a string, got %s", what, kindName(n))
	}
	if isNull(n) {
		return "", nil
	}
	return n.Value, nil
}

// name returns a required, non-empty name.
func (r *yamlReader) name(m map[string]*yaml.Node, parent *yaml.Node, what string) (string, error) {
	n := m["name"]
	if n == nil {
		return "", r.errf(parent, "%s: missing name", what)
	}
	s, err := r.str(n, what+" name")
	if err != nil {
		return "", err
	}
	if strings.TrimSpace(s) == "" {
		return "", r.errf(n, "%s: name must not be empty", what)
	}
	return s, nil
}

func (r *yamlReader) boolean(n *yaml.Node, what string) (bool, error) {
	if n == nil {
		return false, nil
	}
	if n.Kind != yaml.ScalarNode || n.ShortTag() != "!!bool" {
		return false, r.errf(n, "%s: want true or false, got %s", what, kindName(n))
	}
	return strings.EqualFold(n.Value, "true"), nil
}

func (r *yamlReader) integer(n *yaml.Node, what string, bits int) (int64, error) {
	if n == nil {
		return 0, nil
	}
	var v int64
	if n.Kind != yaml.ScalarNode || n.ShortTag() != "!!int" || n.Decode(&v) != nil {
		return 0, r.errf(n, "%s: want an integer, got %s", what, kindName(n))
	}
	if bits < 64 && (v < -1<<(bits-1) || v > 1<<(bits-1)-1) {
		return 0, r.errf(n, "%s: %d is out of range", what, v)
	}
	return v, nil
}

// typeName reads a qualified type name (not a collection); "" when absent.
func (r *yamlReader) typeName(n *yaml.Node, what string) (string, error) {
	s, err := r.str(n, what)
	if err != nil || n == nil {
		return s, err
	}
	if err := checkTypeName(s); err != nil {
		return "", r.errf(n, "%s: %v", what, err)
	}
	return s, nil
}

// typeRef reads a CSDL type string such as "Collection(Edm.String)".
func (r *yamlReader) typeRef(n *yaml.Node, what string) (spec.TypeRef, error) {
	s, err := r.str(n, what)
	if err != nil || n == nil {
		return spec.TypeRef{}, err
	}
	ref, err := spec.ParseTypeRef(s)
	if err == nil {
		err = checkTypeName(ref.Name)
	}
	if err != nil {
		return spec.TypeRef{}, r.errf(n, "%s: %v", what, err)
	}
	return ref, nil
}

// checkTypeName accepts what can stand in a TypeRef.Name: a name without
// spaces or parentheses, which must be an exact Edm type when it is spelled
// like one.
func checkTypeName(s string) error {
	if s == "" {
		return fmt.Errorf("empty type name")
	}
	if strings.IndexFunc(s, func(c rune) bool { return c == '(' || c == ')' || unicode.IsSpace(c) }) >= 0 {
		return fmt.Errorf("bad type %q: want a name like Edm.String or Collection(microsoft.graph.x)", s)
	}
	if len(s) >= 4 && strings.EqualFold(s[:4], "Edm.") && !spec.IsPrimitiveName(s) {
		if p, ok := spec.LookupPrimitive(s); ok {
			return fmt.Errorf("unknown Edm type %q (did you mean %s?)", s, p)
		}
		return fmt.Errorf("unknown Edm type %q", s)
	}
	return nil
}

// declare records a type, enum or type definition name and rejects a
// second declaration of the same qualified name (in any case).
func (r *yamlReader) declare(ns, name string, n *yaml.Node) error {
	if r.names == nil {
		r.names = map[string]spec.Pos{}
	}
	q := strings.ToLower(spec.Qualify(ns, name))
	if first, dup := r.names[q]; dup {
		return r.errf(n, "duplicate type name %q (first declared at %s)", spec.Qualify(ns, name), first)
	}
	r.names[q] = r.pos(n)
	return nil
}

// unique rejects a second use of a name within one list (in any case).
type uniqueNames map[string]*yaml.Node

func (u uniqueNames) check(r *yamlReader, name string, n *yaml.Node, what string) error {
	l := strings.ToLower(name)
	if first, dup := u[l]; dup {
		return r.errf(n, "duplicate %s %q (first at line %d)", what, name, first.Line)
	}
	u[l] = n
	return nil
}

// spec reads the root mapping (keys namespaces, operations, entitySets; all
// optional, null meaning empty) into s, in document order. Entity set names
// must be unique in any case within the file. Like every read method it
// stops at the first problem, returned as a positioned *spec.Error; an
// unknown or repeated key, an anchor or an alias is one too.
func (r *yamlReader) spec(n *yaml.Node, s *spec.Spec) error {
	m, err := r.fields(n, "spec", "namespaces", "operations", "entitySets", "container")
	if err != nil {
		return err
	}
	nss, err := r.list(m["namespaces"], "namespaces")
	if err != nil {
		return err
	}
	for _, ns := range nss {
		if err := r.namespace(ns, s); err != nil {
			return err
		}
	}
	ops, err := r.list(m["operations"], "operations")
	if err != nil {
		return err
	}
	for _, o := range ops {
		op, err := r.operation(o)
		if err != nil {
			return err
		}
		s.Operations = append(s.Operations, op)
	}
	sets, err := r.list(m["entitySets"], "entitySets")
	if err != nil {
		return err
	}
	seen := uniqueNames{}
	for _, e := range sets {
		es, err := r.entitySet(e)
		if err != nil {
			return err
		}
		if err := seen.check(r, es.Name, e, "entity set"); err != nil {
			return err
		}
		s.EntitySets = append(s.EntitySets, es)
	}
	if s.Container, err = r.capabilities(m["container"], "container"); err != nil {
		return err
	}
	return nil
}

// namespace reads one namespaces item and appends its types, enums and
// type definitions to s, in that order. The name is optional (no name
// declares unqualified names) but must not contain spaces or parentheses;
// a namespace may be listed more than once, since type names, not
// namespaces, are checked for duplicates (see declare).
func (r *yamlReader) namespace(n *yaml.Node, s *spec.Spec) error {
	m, err := r.fields(n, "namespace", "name", "types", "enums", "typeDefs")
	if err != nil {
		return err
	}
	ns, err := r.str(m["name"], "namespace name")
	if err != nil {
		return err
	}
	if err := checkNamespace(ns); err != nil {
		return r.errf(m["name"], "namespace name: %v", err)
	}
	types, err := r.list(m["types"], "types")
	if err != nil {
		return err
	}
	for _, tn := range types {
		t, err := r.structured(tn, ns)
		if err != nil {
			return err
		}
		s.Types = append(s.Types, t)
	}
	enums, err := r.list(m["enums"], "enums")
	if err != nil {
		return err
	}
	for _, en := range enums {
		e, err := r.enum(en, ns)
		if err != nil {
			return err
		}
		s.Enums = append(s.Enums, e)
	}
	tds, err := r.list(m["typeDefs"], "typeDefs")
	if err != nil {
		return err
	}
	for _, dn := range tds {
		d, err := r.typeDef(dn, ns)
		if err != nil {
			return err
		}
		s.TypeDefs = append(s.TypeDefs, d)
	}
	return nil
}

func checkNamespace(ns string) error {
	if strings.IndexFunc(ns, func(c rune) bool { return c == '(' || c == ')' || unicode.IsSpace(c) }) >= 0 {
		return fmt.Errorf("bad namespace %q", ns)
	}
	return nil
}

// structured reads one types item of namespace ns. The name is required
// and declared (no other type, enum or type definition of the file may
// have it, in any case); kind, if given, is entity or complex; baseType is
// checked as a type name, not resolved; key lists non-empty property names,
// which are not checked against the properties. Property names must be
// unique in any case across properties and navigationProperties together.
func (r *yamlReader) structured(n *yaml.Node, ns string) (*spec.StructuredType, error) {
	m, err := r.fields(n, "type", "name", "kind", "baseType", "abstract", "open", "key",
		"description", "properties", "navigationProperties", "capabilities", "inheritedNavigation", "sources")
	if err != nil {
		return nil, err
	}
	if err := r.ignoredSources(m["sources"]); err != nil {
		return nil, err
	}
	t := &spec.StructuredType{Namespace: ns, Pos: r.pos(n)}
	if t.Name, err = r.name(m, n, "type"); err != nil {
		return nil, err
	}
	if err := r.declare(ns, t.Name, m["name"]); err != nil {
		return nil, err
	}
	if k := m["kind"]; k != nil {
		s, err := r.str(k, "kind")
		if err != nil {
			return nil, err
		}
		switch spec.TypeKind(s) {
		case spec.EntityKind, spec.ComplexKind:
			t.Kind = spec.TypeKind(s)
		default:
			return nil, r.errf(k, "unknown kind %q (want entity or complex)", s)
		}
	}
	if t.BaseType, err = r.typeName(m["baseType"], "baseType"); err != nil {
		return nil, err
	}
	if t.Abstract, err = r.boolean(m["abstract"], "abstract"); err != nil {
		return nil, err
	}
	if t.Open, err = r.boolean(m["open"], "open"); err != nil {
		return nil, err
	}
	keys, err := r.list(m["key"], "key")
	if err != nil {
		return nil, err
	}
	for _, k := range keys {
		s, err := r.str(k, "key")
		if err != nil {
			return nil, err
		}
		if s == "" {
			return nil, r.errf(k, "key: empty property name")
		}
		t.Key = append(t.Key, s)
	}
	if t.Description, err = r.str(m["description"], "description"); err != nil {
		return nil, err
	}
	seen := uniqueNames{}
	for _, list := range []struct {
		key string
		dst *[]*spec.Property
	}{{"properties", &t.Properties}, {"navigationProperties", &t.NavigationProperties}} {
		items, err := r.list(m[list.key], list.key)
		if err != nil {
			return nil, err
		}
		for _, pn := range items {
			p, err := r.property(pn)
			if err != nil {
				return nil, err
			}
			if err := seen.check(r, p.Name, pn, "property"); err != nil {
				return nil, err
			}
			*list.dst = append(*list.dst, p)
		}
	}
	if t.Capabilities, err = r.capabilities(m["capabilities"], "type capabilities"); err != nil {
		return nil, err
	}
	if t.InheritedNavigation, err = r.paths(m["inheritedNavigation"], "inheritedNavigation"); err != nil {
		return nil, err
	}
	return t, nil
}

// property reads one property mapping. name and type are required; type is
// a CSDL type string, and an Edm name must be spelled exactly. nullable
// defaults to true, the other flags to false. default is any scalar, kept
// as its literal text (so default: null is the text "null", not absent);
// filter, when present, is read by filter (an empty mapping means every
// operator), and query by query. Facets must fit an int.
func (r *yamlReader) property(n *yaml.Node) (*spec.Property, error) {
	m, err := r.fields(n, "property", "name", "type", "nullable", "readOnly", "required",
		"immutable", "deprecated", "default", "conditions", "filter", "query", "containsTarget", "partner",
		"maxLength", "precision", "scale", "description", "capabilities", "sources")
	if err != nil {
		return nil, err
	}
	if err := r.ignoredSources(m["sources"]); err != nil {
		return nil, err
	}
	p := &spec.Property{Nullable: true, Pos: r.pos(n), Sources: r.sources(m)}
	if p.Name, err = r.name(m, n, "property"); err != nil {
		return nil, err
	}
	if m["type"] == nil {
		return nil, r.errf(n, "property %s: missing type", p.Name)
	}
	if p.Type, err = r.typeRef(m["type"], "type"); err != nil {
		return nil, err
	}
	if v := m["nullable"]; v != nil {
		if p.Nullable, err = r.boolean(v, "nullable"); err != nil {
			return nil, err
		}
	}
	for _, f := range []struct {
		key string
		dst *bool
	}{{"readOnly", &p.ReadOnly}, {"required", &p.Required}, {"immutable", &p.Immutable},
		{"deprecated", &p.Deprecated}, {"containsTarget", &p.ContainsTarget}} {
		if *f.dst, err = r.boolean(m[f.key], f.key); err != nil {
			return nil, err
		}
	}
	if d := m["default"]; d != nil {
		if d.Kind != yaml.ScalarNode {
			return nil, r.errf(d, "default: want a literal, got %s", kindName(d))
		}
		v := d.Value
		p.Default = &v
	}
	conds, err := r.list(m["conditions"], "conditions")
	if err != nil {
		return nil, err
	}
	for _, c := range conds {
		s, err := r.str(c, "conditions")
		if err != nil {
			return nil, err
		}
		p.Conditions = append(p.Conditions, s)
	}
	if f := m["filter"]; f != nil {
		if p.Filter, err = r.filter(f); err != nil {
			return nil, err
		}
	}
	if q := m["query"]; q != nil {
		if p.Query, err = r.query(q); err != nil {
			return nil, err
		}
	}
	if p.Partner, err = r.str(m["partner"], "partner"); err != nil {
		return nil, err
	}
	for _, f := range []struct {
		key string
		dst *int
	}{{"maxLength", &p.MaxLength}, {"precision", &p.Precision}, {"scale", &p.Scale}} {
		v, err := r.integer(m[f.key], f.key, strconv.IntSize)
		if err != nil {
			return nil, err
		}
		*f.dst = int(v)
	}
	if p.Description, err = r.str(m["description"], "description"); err != nil {
		return nil, err
	}
	if p.Capabilities, err = r.capabilities(m["capabilities"], "property capabilities"); err != nil {
		return nil, err
	}
	return p, nil
}

// ignoredSources checks the sources: of a type or property (as
// WriteOptions.Sources writes them): a mapping, whose content is not read.
// They say where the facts came from when the file was written; the file
// states the facts now, and may have been edited since, so Read makes each
// fact's value in the file its source (see sources) instead.
func (r *yamlReader) ignoredSources(n *yaml.Node) error {
	if n != nil && n.Kind != yaml.MappingNode {
		return r.errf(n, "sources: want a mapping, got %s", kindName(n))
	}
	return nil
}

// sources returns the positions of the fact values of a property's
// mapping m: the file is the source of every fact it states.
func (r *yamlReader) sources(m map[string]*yaml.Node) []spec.Source {
	var buf [16]spec.Source // one per spec.Facts
	s := buf[:0]
	for _, f := range spec.Facts {
		if v := m[f.String()]; v != nil {
			s = append(s, spec.Source{Fact: f, Pos: r.pos(v)})
		}
	}
	if len(s) == 0 {
		return nil
	}
	return slices.Clone(s)
}

// filter reads a property's filter mapping (ops, null, count) into a
// FilterSupport positioned at the mapping. An unknown or repeated operator
// is an error; the ops are stored in the canonical spec.FilterOps order,
// whatever order the file lists them in, and none listed means every
// operator that applies.
func (r *yamlReader) filter(n *yaml.Node) (*spec.FilterSupport, error) {
	m, err := r.fields(n, "filter", "ops", "null", "count")
	if err != nil {
		return nil, err
	}
	f := &spec.FilterSupport{Pos: r.pos(n)}
	ops, err := r.list(m["ops"], "filter ops")
	if err != nil {
		return nil, err
	}
	have := map[spec.FilterOp]bool{}
	for _, o := range ops {
		s, err := r.str(o, "filter op")
		if err != nil {
			return nil, err
		}
		op, ok := spec.ParseFilterOp(s)
		if !ok {
			return nil, r.errf(o, "unknown filter operator %q", s)
		}
		if have[op] {
			return nil, r.errf(o, "filter operator %q repeated", s)
		}
		have[op] = true
	}
	for _, op := range spec.FilterOps { // canonical order
		if have[op] {
			f.Ops = append(f.Ops, op)
		}
	}
	if f.Null, err = r.boolean(m["null"], "filter null"); err != nil {
		return nil, err
	}
	if f.Count, err = r.boolean(m["count"], "filter count"); err != nil {
		return nil, err
	}
	return f, nil
}

// query reads a property's query mapping (options, returned) into a
// QuerySupport positioned at the mapping. options lists system query
// options other than $filter ($orderby, $select, $search, $count,
// $expand; the "$" and case optional), stored in the canonical
// spec.QueryOptions order; an unknown or repeated one is an error.
// returned is default or select. A mapping that states nothing reads as
// no query support (nil), as Write leaves such a one out.
func (r *yamlReader) query(n *yaml.Node) (*spec.QuerySupport, error) {
	m, err := r.fields(n, "query", "options", "returned")
	if err != nil {
		return nil, err
	}
	q := &spec.QuerySupport{Pos: r.pos(n)}
	opts, err := r.list(m["options"], "query options")
	if err != nil {
		return nil, err
	}
	have := map[spec.QueryOption]bool{}
	for _, o := range opts {
		s, err := r.str(o, "query option")
		if err != nil {
			return nil, err
		}
		opt, ok := spec.ParseQueryOption(s)
		if !ok {
			return nil, r.errf(o, "unknown query option %q (want one of $orderby, $select, $search, $count, $expand; $filter has filter:)", s)
		}
		if have[opt] {
			return nil, r.errf(o, "query option %q repeated", s)
		}
		have[opt] = true
	}
	for _, o := range spec.QueryOptions { // canonical order
		if have[o] {
			q.Options = append(q.Options, o)
		}
	}
	ret, err := r.str(m["returned"], "query returned")
	if err != nil {
		return nil, err
	}
	switch spec.Returned(ret) {
	case spec.ReturnedUnstated, spec.ReturnedByDefault, spec.ReturnedOnSelect:
		q.Returned = spec.Returned(ret)
	default:
		return nil, r.errf(m["returned"], "query returned: want default or select, got %q", ret)
	}
	if q.IsZero() {
		return nil, nil
	}
	return q, nil
}

var enumUnderlying = []string{"Edm.Byte", "Edm.SByte", "Edm.Int16", "Edm.Int32", "Edm.Int64"}

// enum reads one enums item of namespace ns; its name is declared like a
// type's. underlyingType must be one of the Edm integer types, spelled
// exactly. A member is a bare name or a mapping (name, value,
// description); a member without a value gets its index, which a flags
// enum does not allow. Member names must be unique in any case; values are
// not checked. The sentinel defaults to an unknownFutureValue member; an
// explicit one must name a member exactly, and an empty or null one means
// none.
func (r *yamlReader) enum(n *yaml.Node, ns string) (*spec.EnumType, error) {
	m, err := r.fields(n, "enum", "name", "underlyingType", "flags", "sentinel", "description", "members")
	if err != nil {
		return nil, err
	}
	e := &spec.EnumType{Namespace: ns, Pos: r.pos(n)}
	if e.Name, err = r.name(m, n, "enum"); err != nil {
		return nil, err
	}
	if err := r.declare(ns, e.Name, m["name"]); err != nil {
		return nil, err
	}
	if u := m["underlyingType"]; u != nil {
		if e.UnderlyingType, err = r.str(u, "underlyingType"); err != nil {
			return nil, err
		}
		ok := false
		for _, t := range enumUnderlying {
			ok = ok || t == e.UnderlyingType
		}
		if !ok {
			return nil, r.errf(u, "underlyingType: %q is not one of %s", e.UnderlyingType, strings.Join(enumUnderlying, ", "))
		}
	}
	if e.Flags, err = r.boolean(m["flags"], "flags"); err != nil {
		return nil, err
	}
	if e.Description, err = r.str(m["description"], "description"); err != nil {
		return nil, err
	}
	items, err := r.list(m["members"], "members")
	if err != nil {
		return nil, err
	}
	seen := uniqueNames{}
	for i, mn := range items {
		mem := &spec.EnumMember{Value: int64(i), Pos: r.pos(mn)}
		if mn.Kind == yaml.ScalarNode {
			if mem.Name, err = r.str(mn, "member"); err != nil {
				return nil, err
			}
			if mem.Name == "" {
				return nil, r.errf(mn, "member: name must not be empty")
			}
			if e.Flags {
				return nil, r.errf(mn, "member %s of flags enum %s needs a value", mem.Name, e.Name)
			}
		} else {
			mm, err := r.fields(mn, "member", "name", "value", "description")
			if err != nil {
				return nil, err
			}
			if mem.Name, err = r.name(mm, mn, "member"); err != nil {
				return nil, err
			}
			if v := mm["value"]; v != nil {
				if mem.Value, err = r.integer(v, "value", 64); err != nil {
					return nil, err
				}
			} else if e.Flags {
				return nil, r.errf(mn, "member %s of flags enum %s needs a value", mem.Name, e.Name)
			}
			if mem.Description, err = r.str(mm["description"], "description"); err != nil {
				return nil, err
			}
		}
		if err := seen.check(r, mem.Name, mn, "member"); err != nil {
			return nil, err
		}
		e.Members = append(e.Members, mem)
	}
	e.Sentinel = defaultSentinel(e)
	if sn := m["sentinel"]; sn != nil {
		if e.Sentinel, err = r.str(sn, "sentinel"); err != nil {
			return nil, err
		}
		if e.Sentinel != "" && e.Member(e.Sentinel) == nil {
			return nil, r.errf(sn, "sentinel %q is not a member of %s", e.Sentinel, e.Name)
		}
	}
	return e, nil
}

// defaultSentinel is the sentinel an enum has when the YAML does not say:
// the member named unknownFutureValue, if there is one.
func defaultSentinel(e *spec.EnumType) string {
	for _, m := range e.Members {
		if m != nil && m.Name == spec.SentinelName {
			return spec.SentinelName
		}
	}
	return ""
}

func (r *yamlReader) typeDef(n *yaml.Node, ns string) (*spec.TypeDef, error) {
	m, err := r.fields(n, "type definition", "name", "underlyingType", "description")
	if err != nil {
		return nil, err
	}
	d := &spec.TypeDef{Namespace: ns, Pos: r.pos(n)}
	if d.Name, err = r.name(m, n, "type definition"); err != nil {
		return nil, err
	}
	if err := r.declare(ns, d.Name, m["name"]); err != nil {
		return nil, err
	}
	if d.UnderlyingType, err = r.typeName(m["underlyingType"], "underlyingType"); err != nil {
		return nil, err
	}
	if d.Description, err = r.str(m["description"], "description"); err != nil {
		return nil, err
	}
	return d, nil
}

// operation reads one operations item: kind (create or update) is
// required; type (a type name, not resolved), method and path are
// optional and not checked further. Each body item is a mapping with a
// required name, unique in any case, and an optional type, required flag
// and description.
func (r *yamlReader) operation(n *yaml.Node) (*spec.Operation, error) {
	m, err := r.fields(n, "operation", "kind", "type", "method", "path", "body")
	if err != nil {
		return nil, err
	}
	op := &spec.Operation{Pos: r.pos(n)}
	k := m["kind"]
	if k == nil {
		return nil, r.errf(n, "operation: missing kind (create or update)")
	}
	s, err := r.str(k, "kind")
	if err != nil {
		return nil, err
	}
	switch spec.OperationKind(s) {
	case spec.Create, spec.Update:
		op.Kind = spec.OperationKind(s)
	default:
		return nil, r.errf(k, "unknown operation kind %q (want create or update)", s)
	}
	if op.Type, err = r.typeName(m["type"], "type"); err != nil {
		return nil, err
	}
	if op.Method, err = r.str(m["method"], "method"); err != nil {
		return nil, err
	}
	if op.Path, err = r.str(m["path"], "path"); err != nil {
		return nil, err
	}
	items, err := r.list(m["body"], "body")
	if err != nil {
		return nil, err
	}
	seen := uniqueNames{}
	for _, bn := range items {
		bm, err := r.fields(bn, "body property", "name", "type", "required", "description")
		if err != nil {
			return nil, err
		}
		b := &spec.BodyProperty{Pos: r.pos(bn)}
		if b.Name, err = r.name(bm, bn, "body property"); err != nil {
			return nil, err
		}
		if err := seen.check(r, b.Name, bn, "body property"); err != nil {
			return nil, err
		}
		if b.Type, err = r.typeRef(bm["type"], "type"); err != nil {
			return nil, err
		}
		if b.Required, err = r.boolean(bm["required"], "required"); err != nil {
			return nil, err
		}
		if b.Description, err = r.str(bm["description"], "description"); err != nil {
			return nil, err
		}
		op.Body = append(op.Body, b)
	}
	return op, nil
}

func (r *yamlReader) entitySet(n *yaml.Node) (*spec.EntitySet, error) {
	m, err := r.fields(n, "entity set", "name", "type", "singleton", "bindings", "capabilities", "paths")
	if err != nil {
		return nil, err
	}
	es := &spec.EntitySet{Pos: r.pos(n)}
	if es.Name, err = r.name(m, n, "entity set"); err != nil {
		return nil, err
	}
	if es.Type, err = r.typeName(m["type"], "type"); err != nil {
		return nil, err
	}
	if es.Singleton, err = r.boolean(m["singleton"], "singleton"); err != nil {
		return nil, err
	}
	if es.Bindings, err = r.bindings(m["bindings"]); err != nil {
		return nil, err
	}
	if es.Capabilities, err = r.capabilities(m["capabilities"], "entity set capabilities"); err != nil {
		return nil, err
	}
	if es.Paths, err = r.paths(m["paths"], "paths"); err != nil {
		return nil, err
	}
	return es, nil
}
