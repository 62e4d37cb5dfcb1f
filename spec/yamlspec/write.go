package yamlspec

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"
	"unicode"

	"github.com/odatagen/odatagen/spec"
	"gopkg.in/yaml.v3"
)

// Write writes s in the YAML form that Read reads. Positions are not
// written. The output is deterministic: it follows the order of s.
func Write(s *spec.Spec) ([]byte, error) {
	return WriteWith(s, WriteOptions{})
}

// WriteOptions are the options of WriteWith.
type WriteOptions struct {
	// Sources adds to each type the position it was declared at and to
	// each property where its facts came from (spec.Property.Sources),
	// as a last key, sources:, that maps each fact that has a source to
	// its file:line:col, or to {from: POS, also: [POS, ...]} when other
	// inputs stated it too:
	//
	//	- name: partnerId
	//	  type: Edm.String
	//	  readOnly: true
	//	  sources:
	//	    type: metadata.xml:12:6
	//	    readOnly: {from: page.md:30:42, also: [metadata.xml:20:10]}
	//
	// Read accepts the key and ignores what it says (see Read).
	Sources bool
}

// WriteWith is Write with options.
func WriteWith(s *spec.Spec, o WriteOptions) ([]byte, error) {
	if s == nil {
		return nil, fmt.Errorf("spec: Write of a nil spec")
	}
	root, err := specNode(s, o)
	if err != nil {
		return nil, err
	}
	if len(root.Content) == 0 {
		return []byte("{}\n"), nil
	}
	var buf bytes.Buffer
	if err := emitMapping(&buf, root, "", "", 2); err != nil {
		return nil, fmt.Errorf("spec: writing YAML: %v", err)
	}
	return wrapFolded(buf.Bytes()), nil
}

// emitMapping writes the block mapping m with its keys at column
// len(indent); first prefixes its first line instead of indent ("  - " for
// a sequence item). It writes the block lists of up to depth levels itself
// and hands everything below to yaml.v3 in small pieces, because yaml.v3's
// emitter keeps every event of a document in memory (some 300 MB for the
// whole Microsoft Graph). The layout is the one yaml.v3 gives with an
// indent of 2, so the pieces read as one document.
func emitMapping(b *bytes.Buffer, m *yaml.Node, first, indent string, depth int) error {
	for i := 0; i+1 < len(m.Content); i += 2 {
		k, v := m.Content[i], m.Content[i+1]
		prefix := indent
		if i == 0 {
			prefix = first
		}
		if depth == 0 || v.Kind != yaml.SequenceNode || v.Style&yaml.FlowStyle != 0 || len(v.Content) == 0 {
			pair := &yaml.Node{Kind: yaml.MappingNode, Content: []*yaml.Node{k, v}}
			if err := emitChunk(b, pair, prefix, indent); err != nil {
				return err
			}
			continue
		}
		b.WriteString(prefix + k.Value + ":\n") // keys are plain names
		for _, item := range v.Content {
			var err error
			if depth > 1 && item.Kind == yaml.MappingNode && item.Style&yaml.FlowStyle == 0 && len(item.Content) > 0 {
				err = emitMapping(b, item, indent+"  - ", indent+"    ", depth-1)
			} else {
				err = emitChunk(b, &yaml.Node{Kind: yaml.SequenceNode, Content: []*yaml.Node{item}}, indent+"  ", indent+"  ")
			}
			if err != nil {
				return err
			}
		}
	}
	return nil
}

// emitChunk encodes n with yaml.v3 and writes it with first before its
// first line and indent before the others (empty lines stay empty).
func emitChunk(b *bytes.Buffer, n *yaml.Node, first, indent string) error {
	var chunk bytes.Buffer
	enc := yaml.NewEncoder(&chunk)
	enc.SetIndent(2)
	if err := enc.Encode(n); err != nil {
		return err
	}
	if err := enc.Close(); err != nil {
		return err
	}
	for i, line := range strings.SplitAfter(chunk.String(), "\n") {
		if line == "" {
			continue
		}
		if i == 0 {
			b.WriteString(first)
		} else if line != "\n" {
			b.WriteString(indent)
		}
		b.WriteString(line)
	}
	return nil
}

// A yamlMap builds a mapping node key by key.
type yamlMap struct{ n *yaml.Node }

func newMap() yamlMap { return yamlMap{&yaml.Node{Kind: yaml.MappingNode, Tag: "!!map"}} }

func (m yamlMap) flow() yamlMap { m.n.Style = yaml.FlowStyle; return m }

// add appends key: v. Keys are untagged so that "null" stays plain.
func (m yamlMap) add(key string, v *yaml.Node) {
	m.n.Content = append(m.n.Content, &yaml.Node{Kind: yaml.ScalarNode, Value: key}, v)
}

func (m yamlMap) str(key, v string) {
	if v != "" {
		m.add(key, strNode(v))
	}
}

func (m yamlMap) text(key, v string) {
	if v != "" {
		m.add(key, textNode(v))
	}
}

func (m yamlMap) boolean(key string, v bool) {
	if v {
		m.add(key, &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!bool", Value: "true"})
	}
}

func (m yamlMap) integer(key string, v int64) {
	if v != 0 {
		m.add(key, intNode(v))
	}
}

func (m yamlMap) list(key string, items []*yaml.Node) {
	if len(items) > 0 {
		m.add(key, &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq", Content: items})
	}
}

// strNode is a string scalar. yaml.v3 writes any text with a line break as
// a literal block, which does not read back right for every text (a
// leading line break, say); such texts are double-quoted instead unless
// textNode picks a block that it has checked.
func strNode(s string) *yaml.Node {
	n := &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: s}
	if strings.ContainsAny(s, "\n\r") {
		n.Style = yaml.DoubleQuotedStyle
	}
	return n
}

func intNode(v int64) *yaml.Node {
	return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!int", Value: strconv.FormatInt(v, 10)}
}

func flowList(items []string) *yaml.Node {
	n := &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq", Style: yaml.FlowStyle}
	for _, s := range items {
		n.Content = append(n.Content, strNode(s))
	}
	return n
}

// blockWidth is the column at which long descriptions are folded.
const blockWidth = 80

// textNode is a description: a literal block when it has line breaks, a
// folded block when it is long, and a plain or quoted scalar otherwise. A
// block is used only when it reads back to the same text; otherwise yaml.v3
// quotes the text.
func textNode(s string) *yaml.Node {
	n := strNode(s)
	switch {
	case strings.Contains(s, "\n"):
		// A literal block that starts with a space or a line break needs an
		// indentation indicator, which yaml.v3 does not always get right.
		if s[0] == ' ' || s[0] == '\n' {
			return n
		}
		n.Style = yaml.LiteralStyle
		if !readsBack(n, s) {
			n.Style = yaml.DoubleQuotedStyle
		}
	case len(s) > blockWidth && foldable(s):
		n.Style = yaml.FoldedStyle
	}
	return n
}

// foldable reports whether s can be written as a folded block broken at
// single spaces: one line of printable text, no tabs, no leading, trailing
// or doubled spaces at the break points (wrapFolded only breaks a space
// that has a non-space on both sides).
func foldable(s string) bool {
	if s == "" || s[0] == ' ' || s[len(s)-1] == ' ' {
		return false
	}
	for _, c := range s {
		if c != ' ' && !unicode.IsPrint(c) {
			return false
		}
	}
	return true
}

// readsBack checks that n, written nested as it would be in a spec file,
// reads back as s.
func readsBack(n *yaml.Node, s string) bool {
	doc := newMap()
	item := newMap()
	item.add("d", n)
	doc.add("l", &yaml.Node{Kind: yaml.SequenceNode, Content: []*yaml.Node{item.n}})
	out, err := yaml.Marshal(doc.n)
	var back struct{ L []struct{ D string } }
	return err == nil && yaml.Unmarshal(out, &back) == nil && len(back.L) == 1 && back.L[0].D == s
}

// wrapFolded breaks the single content line of every folded description
// block in out at blockWidth. yaml.v3 writes folded blocks without wrapping
// them (it has no line width setting), which would defeat their purpose.
// Only lines right after a "description: >-" line are touched, and only
// when the wrapped block reads back to the same text.
func wrapFolded(out []byte) []byte {
	lines := strings.SplitAfter(string(out), "\n")
	var b strings.Builder
	b.Grow(len(out) + len(out)/16)
	for i := 0; i < len(lines); i++ {
		b.WriteString(lines[i])
		if !strings.HasSuffix(lines[i], "description: >-\n") || i+1 == len(lines) {
			continue
		}
		next := strings.TrimSuffix(lines[i+1], "\n")
		text := strings.TrimLeft(next, " ")
		indent := next[:len(next)-len(text)]
		if indent == "" || !foldable(text) {
			continue
		}
		chunks := wrapWords(text, max(blockWidth-len(indent), 40))
		if len(chunks) < 2 || !foldsBack(chunks, text) {
			continue
		}
		for _, c := range chunks {
			b.WriteString(indent + c + "\n")
		}
		i++
	}
	return []byte(b.String())
}

// wrapWords splits s at single spaces into lines of at most width bytes
// where it can.
func wrapWords(s string, width int) []string {
	var lines []string
	start, last := 0, -1 // last: the latest break candidate in the line
	for i := 1; i < len(s)-1; i++ {
		if s[i] != ' ' || s[i-1] == ' ' || s[i+1] == ' ' {
			continue
		}
		if i-start > width && last > start {
			lines = append(lines, s[start:last])
			start = last + 1
		}
		last = i
	}
	if len(s)-start > width && last > start {
		lines = append(lines, s[start:last])
		start = last + 1
	}
	return append(lines, s[start:])
}

// foldsBack checks that the folded block of chunks reads as text.
func foldsBack(chunks []string, text string) bool {
	var back struct{ D string }
	src := "d: >-\n  " + strings.Join(chunks, "\n  ") + "\n"
	return yaml.Unmarshal([]byte(src), &back) == nil && back.D == text
}

// specNode builds the root mapping of Write: the namespaces list (see
// namespaceGroups), then operations and entitySets, each in the order of
// s and left out when empty, as are all empty values below it. A nil
// element anywhere in s is an error, since Read could not give it back.
func specNode(s *spec.Spec, o WriteOptions) (*yaml.Node, error) {
	root := newMap()
	groups, err := namespaceGroups(s)
	if err != nil {
		return nil, err
	}
	var nss []*yaml.Node
	for _, g := range groups {
		n, err := g.node(o)
		if err != nil {
			return nil, err
		}
		nss = append(nss, n)
	}
	root.list("namespaces", nss)
	var ops []*yaml.Node
	for _, op := range s.Operations {
		if op == nil {
			return nil, fmt.Errorf("spec: nil operation")
		}
		n, err := operationNode(op)
		if err != nil {
			return nil, err
		}
		ops = append(ops, n)
	}
	root.list("operations", ops)
	var sets []*yaml.Node
	for _, es := range s.EntitySets {
		if es == nil {
			return nil, fmt.Errorf("spec: nil entity set")
		}
		m := newMap()
		m.add("name", strNode(es.Name))
		m.str("type", es.Type)
		m.boolean("singleton", es.Singleton)
		m.list("bindings", bindingsNode(es.Bindings))
		if c := capsNode(es.Capabilities); c != nil {
			m.add("capabilities", c)
		}
		m.list("paths", pathsNode(es.Paths))
		sets = append(sets, m.n)
	}
	root.list("entitySets", sets)
	if c := capsNode(s.Container); c != nil {
		root.add("container", c)
	}
	return root.n, nil
}

// nsGroup is one entry of the namespaces list.
type nsGroup struct {
	ns       string
	types    []*spec.StructuredType
	enums    []*spec.EnumType
	typeDefs []*spec.TypeDef
}

// namespaceGroups splits the declarations into namespace groups such that
// reading the groups back in order gives each list in its original order.
// Types start a group per run of one namespace; each enum and type
// definition goes to the first group at or after the previous one's that has
// its namespace, or to a new group at the end.
func namespaceGroups(s *spec.Spec) ([]*nsGroup, error) {
	var groups []*nsGroup
	for _, t := range s.Types {
		if t == nil {
			return nil, fmt.Errorf("spec: nil type")
		}
		if len(groups) == 0 || groups[len(groups)-1].ns != t.Namespace {
			groups = append(groups, &nsGroup{ns: t.Namespace})
		}
		g := groups[len(groups)-1]
		g.types = append(g.types, t)
	}
	place := func(ns string, from int) int {
		for i := from; i < len(groups); i++ {
			if groups[i].ns == ns {
				return i
			}
		}
		groups = append(groups, &nsGroup{ns: ns})
		return len(groups) - 1
	}
	cur := 0
	for _, e := range s.Enums {
		if e == nil {
			return nil, fmt.Errorf("spec: nil enum")
		}
		cur = place(e.Namespace, cur)
		groups[cur].enums = append(groups[cur].enums, e)
	}
	cur = 0
	for _, d := range s.TypeDefs {
		if d == nil {
			return nil, fmt.Errorf("spec: nil type definition")
		}
		cur = place(d.Namespace, cur)
		groups[cur].typeDefs = append(groups[cur].typeDefs, d)
	}
	return groups, nil
}

func (g *nsGroup) node(o WriteOptions) (*yaml.Node, error) {
	m := newMap()
	m.str("name", g.ns)
	var types, enums, tds []*yaml.Node
	for _, t := range g.types {
		n, err := typeNode(t, o)
		if err != nil {
			return nil, err
		}
		types = append(types, n)
	}
	for _, e := range g.enums {
		n, err := enumNode(e)
		if err != nil {
			return nil, err
		}
		enums = append(enums, n)
	}
	for _, d := range g.typeDefs {
		dm := newMap()
		dm.add("name", strNode(d.Name))
		dm.str("underlyingType", d.UnderlyingType)
		dm.text("description", d.Description)
		tds = append(tds, dm.n)
	}
	m.list("types", types)
	m.list("enums", enums)
	m.list("typeDefs", tds)
	return m.n, nil
}

func typeNode(t *spec.StructuredType, o WriteOptions) (*yaml.Node, error) {
	m := newMap()
	m.add("name", strNode(t.Name))
	m.str("kind", string(t.Kind))
	m.str("baseType", t.BaseType)
	m.boolean("abstract", t.Abstract)
	m.boolean("open", t.Open)
	if len(t.Key) > 0 {
		m.add("key", flowList(t.Key))
	}
	m.text("description", t.Description)
	for _, list := range []struct {
		key   string
		props []*spec.Property
	}{{"properties", t.Properties}, {"navigationProperties", t.NavigationProperties}} {
		var items []*yaml.Node
		for _, p := range list.props {
			if p == nil {
				return nil, fmt.Errorf("spec: nil property in %s", t.QualifiedName())
			}
			n := propertyNode(p)
			if o.Sources {
				addSources(n, p)
			}
			items = append(items, n)
		}
		m.list(list.key, items)
	}
	if c := capsNode(t.Capabilities); c != nil {
		m.add("capabilities", c)
	}
	m.list("inheritedNavigation", pathsNode(t.InheritedNavigation))
	if o.Sources && t.Pos.IsValid() {
		sm := newMap()
		sm.add("declared", strNode(t.Pos.String()))
		m.add("sources", sm.n)
	}
	return m.n, nil
}

// addSources appends the sources: key of WriteOptions.Sources to the
// property mapping n, when p has sources.
func addSources(n *yaml.Node, p *spec.Property) {
	if len(p.Sources) == 0 {
		return
	}
	sm := newMap()
	for _, f := range spec.Facts {
		from, also := p.Source(f)
		if !from.IsValid() {
			continue
		}
		if len(also) == 0 {
			sm.add(f.String(), strNode(from.String()))
			continue
		}
		fm := newMap().flow()
		fm.add("from", strNode(from.String()))
		as := make([]string, len(also))
		for i, a := range also {
			as[i] = a.String()
		}
		fm.add("also", flowList(as))
		sm.add(f.String(), fm.n)
	}
	if len(sm.n.Content) > 0 {
		yamlMap{n}.add("sources", sm.n)
	}
}

// propertyNode builds one property mapping in Read's key order, writing
// only what differs from Read's defaults (nullable only when false). The
// default is an untagged scalar so that Read gets its literal text back;
// an empty default, and one with a line break, are written as "" (the
// latter loses its text). The filter is a flow mapping, {} when it allows
// every operator with neither null nor count. The other query options are
// a flow mapping too, {options: [$orderby, $search], returned: select},
// left out when it states nothing. A property without a type
// name is written without a type, which Read rejects.
func propertyNode(p *spec.Property) *yaml.Node {
	m := newMap()
	m.add("name", strNode(p.Name))
	m.str("type", p.Type.String())
	if !p.Nullable {
		m.add("nullable", &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!bool", Value: "false"})
	}
	m.boolean("readOnly", p.ReadOnly)
	m.boolean("required", p.Required)
	m.boolean("immutable", p.Immutable)
	m.boolean("deprecated", p.Deprecated)
	if p.Default != nil {
		// Untagged, so that numbers and booleans stay plain; the reader
		// takes the literal text whatever YAML would resolve it to.
		d := &yaml.Node{Kind: yaml.ScalarNode, Value: *p.Default}
		if d.Value == "" || strings.ContainsAny(d.Value, "\n\r") {
			d = strNode(d.Value) // double-quoted: line breaks survive
		}
		m.add("default", d)
	}
	if len(p.Conditions) > 0 {
		cn := &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq"}
		for _, c := range p.Conditions {
			cn.Content = append(cn.Content, textNode(c))
		}
		m.add("conditions", cn)
	}
	if f := p.Filter; f != nil {
		fm := newMap().flow()
		if len(f.Ops) > 0 {
			ops := make([]string, len(f.Ops))
			for i, op := range f.Ops {
				ops[i] = string(op)
			}
			fm.add("ops", flowList(ops))
		}
		fm.boolean("null", f.Null)
		fm.boolean("count", f.Count)
		m.add("filter", fm.n)
	}
	if q := p.Query; !q.IsZero() {
		qm := newMap().flow()
		if len(q.Options) > 0 {
			opts := make([]string, len(q.Options))
			for i, o := range q.Options {
				opts[i] = string(o)
			}
			qm.add("options", flowList(opts))
		}
		qm.str("returned", string(q.Returned))
		m.add("query", qm.n)
	}
	m.boolean("containsTarget", p.ContainsTarget)
	m.str("partner", p.Partner)
	m.integer("maxLength", int64(p.MaxLength))
	m.integer("precision", int64(p.Precision))
	m.integer("scale", int64(p.Scale))
	m.text("description", p.Description)
	if c := capsNode(p.Capabilities); c != nil {
		m.add("capabilities", c)
	}
	return m.n
}

// enumNode builds one enum mapping. The sentinel is written only when it
// is not the one Read would assume (an unknownFutureValue member), so an
// empty sentinel beside such a member is written as "". A member whose
// value is its index and that has no description is a bare name; any
// other is a mapping, flow style when it has no description, with its
// value when it is not its index or the enum is flags (Read requires a
// value for every flags member).
func enumNode(e *spec.EnumType) (*yaml.Node, error) {
	m := newMap()
	m.add("name", strNode(e.Name))
	m.str("underlyingType", e.UnderlyingType)
	m.boolean("flags", e.Flags)
	if e.Sentinel != defaultSentinel(e) {
		m.add("sentinel", strNode(e.Sentinel))
	}
	m.text("description", e.Description)
	var members []*yaml.Node
	for i, mem := range e.Members {
		if mem == nil {
			return nil, fmt.Errorf("spec: nil member in enum %s", e.QualifiedName())
		}
		explicit := e.Flags || mem.Value != int64(i)
		if !explicit && mem.Description == "" {
			members = append(members, strNode(mem.Name))
			continue
		}
		mm := newMap()
		if mem.Description == "" {
			mm.flow()
		}
		mm.add("name", strNode(mem.Name))
		if explicit {
			mm.add("value", intNode(mem.Value))
		}
		mm.text("description", mem.Description)
		members = append(members, mm.n)
	}
	m.list("members", members)
	return m.n, nil
}

func operationNode(op *spec.Operation) (*yaml.Node, error) {
	m := newMap()
	m.add("kind", strNode(string(op.Kind)))
	m.str("type", op.Type)
	m.str("method", op.Method)
	m.str("path", op.Path)
	var body []*yaml.Node
	for _, b := range op.Body {
		if b == nil {
			return nil, fmt.Errorf("spec: nil body property in %s %s", op.Kind, op.Type)
		}
		bm := newMap()
		if b.Description == "" {
			bm.flow()
		}
		bm.add("name", strNode(b.Name))
		bm.str("type", b.Type.String())
		bm.boolean("required", b.Required)
		bm.text("description", b.Description)
		body = append(body, bm.n)
	}
	m.list("body", body)
	return m.n, nil
}
