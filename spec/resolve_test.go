package spec

import (
	"errors"
	"strings"
	"testing"
)

func TestResolve(t *testing.T) {
	p := func(name string) *Property { return &Property{Name: name, Type: TypeRef{Name: "Edm.String"}} }
	st := func(name, base string, props, navs []*Property) *StructuredType {
		return &StructuredType{Kind: EntityKind, Namespace: "n", Name: name, BaseType: base, Properties: props, NavigationProperties: navs, Pos: Pos{File: "f", Line: len(name)}}
	}
	redeclared := p("a")
	redeclared.Description = "the derived type's words"
	s := &Spec{
		Types: []*StructuredType{
			st("root", "", []*Property{p("a")}, []*Property{{Name: "owner", Type: TypeRef{Name: "n.other"}}}),
			st("mid", "n.root", []*Property{p("b")}, nil),
			st("leaf", "n.mid", []*Property{p("c"), redeclared}, []*Property{{Name: "kids", Type: TypeRef{Name: "n.leaf", Collection: true}}}),
			st("twin", "n.root", nil, nil),
			st("other", "", nil, nil),
			st("mid", "", nil, nil), // a duplicate
		},
		Operations: []*Operation{{Kind: Create, Type: "leaf"}},
	}
	m, warnings, err := Resolve(s, ResolveOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if len(warnings) != 1 || !strings.Contains(warnings[0].Msg, "n.mid is declared twice") {
		t.Errorf("warnings %v, want one about the duplicate n.mid", warnings)
	}
	if len(m.Types) != 5 {
		t.Fatalf("%d types, want 5", len(m.Types))
	}
	leaf := m.Type("n.leaf")
	names := func(ts []*Type) string {
		var out []string
		for _, t := range ts {
			out = append(out, t.Name)
		}
		return strings.Join(out, ",")
	}
	if got := names(leaf.Chain); got != "leaf,mid,root" {
		t.Errorf("chain %s", got)
	}
	root := m.Type("n.root")
	if got := names(root.Derived); got != "mid,twin" {
		t.Errorf("derived %s", got)
	}
	if got := names(root.Descendants); got != "leaf,mid,twin" {
		t.Errorf("descendants %s", got)
	}
	var props []string
	for _, fp := range leaf.Props {
		props = append(props, fp.Name+"@"+fp.DeclaredBy.Name+"/"+fp.Owner.Name)
	}
	// Structural base first, then navigation base first; a redeclared
	// property at the base's place with the derived declaration.
	if got := strings.Join(props, " "); got != "a@root/leaf b@mid/mid c@leaf/leaf owner@root/root kids@leaf/leaf" {
		t.Errorf("props %s", got)
	}
	if leaf.Props[0].Property != redeclared || !leaf.Props[3].Nav || leaf.Props[2].Nav {
		t.Errorf("props carry the wrong declaration or kind: %+v", leaf.Props)
	}
	if len(m.Operations) != 1 || m.Operations[0].Type != "n.leaf" {
		t.Errorf("operations %+v, want one on n.leaf", m.Operations)
	}

	// A subset drops navigation properties to types not kept.
	sub := m.Subset(func(q string) bool { return q != "n.other" && q != "n.twin" })
	if got := names(sub.Type("n.root").Derived); got != "mid" {
		t.Errorf("subset derived %s", got)
	}
	for _, fp := range sub.Type("n.leaf").Props {
		if fp.Name == "owner" {
			t.Error("subset kept the navigation property to n.other")
		}
	}
	if m.Type("n.other") == nil || len(m.Type("n.leaf").Props) != 5 {
		t.Error("Subset changed the model")
	}

	// Too many flattened properties: refused at the type, before
	// flattening.
	_, _, err = Resolve(s, ResolveOptions{MaxProps: 4})
	var pe *Error
	if !errors.As(err, &pe) || !strings.Contains(pe.Msg, "more than 4 properties") {
		t.Errorf("MaxProps 4: got %v", err)
	}
}

// TestResolveCycle: every base type cycle is an error at its position, once.
func TestResolveCycle(t *testing.T) {
	st := func(name, base string, line int) *StructuredType {
		return &StructuredType{Namespace: "ns", Name: name, BaseType: base, Pos: Pos{File: "a.yaml", Line: line}}
	}
	s := &Spec{Types: []*StructuredType{st("a", "ns.b", 4), st("b", "ns.a", 5), st("c", "ns.a", 6), st("self", "ns.self", 7)}}
	_, _, err := Resolve(s, ResolveOptions{})
	want := "a.yaml:4: base type cycle: ns.a -> ns.b -> ns.a\na.yaml:7: base type cycle: ns.self -> ns.self"
	if err == nil || err.Error() != want {
		t.Errorf("got %v, want %s", err, want)
	}
}

// TestMergeWarningTypes: every merge warning names the type it concerns,
// an entity set's its entity type (not the type merged before it).
func TestMergeWarningTypes(t *testing.T) {
	a := &Spec{
		Types:      []*StructuredType{{Kind: EntityKind, Namespace: "ns", Name: "w"}, {Kind: EntityKind, Namespace: "ns", Name: "last"}},
		EntitySets: []*EntitySet{{Name: "ws", Type: "ns.w", Pos: Pos{File: "a", Line: 1}}},
	}
	b := &Spec{EntitySets: []*EntitySet{{Name: "ws", Type: "ns.w", Singleton: true, Pos: Pos{File: "b", Line: 1}}}}
	_, ws := Merge(a, b)
	if len(ws) != 1 || ws[0].Type != "ns.w" || !strings.Contains(ws[0].Msg, "entity set ws") {
		t.Errorf("warnings %+v, want one about entity set ws concerning ns.w", ws)
	}
}

// TestDriftNilEnumMember: a spec built by hand may hold a nil enum member;
// Drift skips it instead of panicking.
func TestDriftNilEnumMember(t *testing.T) {
	e := func(members ...*EnumMember) *Spec {
		return &Spec{Enums: []*EnumType{{Namespace: "ns", Name: "e", Members: members}}}
	}
	fs := Drift([]*Spec{e(&EnumMember{Name: "a"}, &EnumMember{Name: "b", Value: 1})}, []*Spec{e(&EnumMember{Name: "a"}, nil)})
	if len(fs) != 1 || !strings.Contains(fs[0].String(), "only the CSDL has b") {
		t.Errorf("findings %v, want one saying only the CSDL has b", fs)
	}
}
