package spec

import (
	"slices"
	"testing"
)

func srcs(pairs ...any) []Source {
	var out []Source
	for i := 0; i+1 < len(pairs); i += 2 {
		out = append(out, Source{Fact: pairs[i].(Fact), Pos: pairs[i+1].(Pos)})
	}
	return out
}

func at(file string, line, col int) Pos { return Pos{File: file, Line: line, Col: col} }

// wantSources checks every fact's sources of p against want (fact ->
// decider, then the others).
func wantSources(t *testing.T, what string, p *Property, want map[Fact][]Pos) {
	t.Helper()
	if p == nil {
		t.Errorf("%s: no property", what)
		return
	}
	for _, f := range Facts {
		from, also := p.Source(f)
		var got []Pos
		if from.IsValid() {
			got = append([]Pos{from}, also...)
		}
		if !slices.Equal(got, want[f]) {
			t.Errorf("%s: %s sources %v, want %v", what, f, got, want[f])
		}
	}
}

// TestMergeSources: the first input's statement of a fact decides it and a
// later one that states the same is added after it; a later one that fills
// what the first lacks decides; one that disagrees is left out. The inputs'
// Sources are not changed.
func TestMergeSources(t *testing.T) {
	a := &Spec{Types: []*StructuredType{{Name: "gizmo", Namespace: "ns", Properties: []*Property{
		{Name: "serial", Type: TypeRef{Name: "Edm.String"}, Nullable: true, ReadOnly: true,
			Sources: srcs(FactType, at("a.md", 3, 12), FactNullable, at("a.md", 3, 3), FactReadOnly, at("a.md", 3, 21))},
	}}}}
	b := &Spec{Types: []*StructuredType{{Name: "gizmo", Namespace: "ns", Properties: []*Property{
		{Name: "serial", Type: TypeRef{Name: "Edm.Int32"}, Nullable: false, ReadOnly: true, Description: "The number.",
			Sources: srcs(FactType, at("b.md", 7, 12), FactNullable, at("b.md", 7, 20), FactReadOnly, at("b.md", 7, 20),
				FactDescription, at("b.md", 7, 20))},
	}}}}
	before := slices.Clone(a.Types[0].Properties[0].Sources)
	s, _ := Merge(a, b)
	wantSources(t, "serial", s.Types[0].Properties[0], map[Fact][]Pos{
		FactType:        {at("a.md", 3, 12)}, // b's Edm.Int32 disagrees: a warning, not a source
		FactNullable:    {at("b.md", 7, 20)}, // a stated false wins; a's true is no source of it
		FactReadOnly:    {at("a.md", 3, 21), at("b.md", 7, 20)},
		FactDescription: {at("b.md", 7, 20)},
	})
	if !slices.Equal(a.Types[0].Properties[0].Sources, before) {
		t.Errorf("Merge changed its input's Sources: %v", a.Types[0].Properties[0].Sources)
	}
	// Two merges of an input whose Sources have room to grow do not write
	// into each other's.
	a.Types[0].Properties[0].Sources = slices.Grow(a.Types[0].Properties[0].Sources, 4)
	also := func(file string) *Spec {
		return &Spec{Types: []*StructuredType{{Name: "gizmo", Namespace: "ns", Properties: []*Property{
			{Name: "serial", Type: TypeRef{Name: "Edm.String"}, Nullable: true, ReadOnly: true,
				Sources: srcs(FactReadOnly, at(file, 1, 1))}}}}}
	}
	first, _ := Merge(a, also("one.md"))
	kept := slices.Clone(first.Types[0].Properties[0].Sources)
	Merge(a, also("two.md"))
	if got := first.Types[0].Properties[0].Sources; !slices.Equal(got, kept) {
		t.Errorf("a second Merge changed the first's Sources: %v, was %v", got, kept)
	}
	// A key property is not nullable because the type declaring the key
	// says so.
	k := &Spec{Types: []*StructuredType{{Name: "thing", Namespace: "ns", Kind: EntityKind, Key: []string{"id"}, Pos: at("k.xml", 2, 3),
		Properties: []*Property{{Name: "id", Type: TypeRef{Name: "Edm.String"}, Nullable: true,
			Sources: srcs(FactType, at("k.md", 9, 8))}}}}}
	s, _ = Merge(k)
	wantSources(t, "key id", s.Types[0].Properties[0], map[Fact][]Pos{
		FactType: {at("k.md", 9, 8)}, FactNullable: {at("k.xml", 2, 3)}})
}

// TestOverlaySources: docs facts over a CSDL skeleton, as load.Spec merges
// them. The CSDL decides the type (the docs' same type is added) and
// nullability (the docs' "Not nullable" does not stand, so it is no
// source); read-only comes from the docs row; the docs' $filter statement
// and description replace the CSDL's, and so do their sources. A property
// the docs repeat from a base type (id) is redeclared from the CSDL base
// declaration: type and nullability from the base element, read-only from
// the docs row.
func TestOverlaySources(t *testing.T) {
	x := func(line, col int) Pos { return at("lab.xml", line, col) }
	d := func(line, col int) Pos { return at("gizmo.md", line, col) }
	csdl := &Spec{Types: []*StructuredType{
		{Kind: EntityKind, Name: "entity", Namespace: "ns", Key: []string{"id"}, Pos: x(8, 7), Properties: []*Property{
			{Name: "id", Type: TypeRef{Name: "Edm.String"}, Filter: &FilterSupport{}, Pos: x(12, 9),
				Sources: srcs(FactType, x(12, 9), FactNullable, x(12, 9), FactFilter, x(12, 9))}}},
		{Kind: EntityKind, Name: "gizmo", Namespace: "ns", BaseType: "ns.entity", Pos: x(14, 7), Properties: []*Property{
			{Name: "serial", Type: TypeRef{Name: "Edm.String"}, Nullable: true, Filter: &FilterSupport{}, Description: "CSDL words.",
				Pos: x(15, 9), Sources: srcs(FactType, x(15, 9), FactNullable, x(15, 9), FactFilter, x(15, 9), FactDescription, x(28, 9))},
			{Name: "weight", Type: TypeRef{Name: "Edm.Int32"}, Nullable: true, Filter: &FilterSupport{},
				Pos: x(16, 9), Sources: srcs(FactType, x(16, 9), FactNullable, x(16, 9), FactFilter, x(16, 9))}}},
	}}
	docs := &Spec{Types: []*StructuredType{{Name: "gizmo", Namespace: "ns", Kind: ComplexKind, Pos: d(6, 1), Properties: []*Property{
		{Name: "id", Type: TypeRef{Name: "Edm.String"}, Nullable: true, ReadOnly: true, Pos: d(16, 3),
			Sources: srcs(FactType, d(16, 8), FactReadOnly, d(16, 17))},
		{Name: "serial", Type: TypeRef{Name: "Edm.String"}, Nullable: false, ReadOnly: true, Filter: &FilterSupport{Ops: []FilterOp{OpEq}},
			Description: "Docs words.", Pos: d(17, 3),
			Sources: srcs(FactType, d(17, 12), FactNullable, d(17, 21), FactReadOnly, d(17, 21), FactFilter, d(17, 21), FactDescription, d(17, 21))},
		{Name: "weight", Type: TypeRef{Name: "Edm.Int32"}, Nullable: true, Pos: d(18, 3), Sources: srcs(FactType, d(18, 12))},
	}}}}
	s, _ := Overlay([]*Spec{csdl}, []*Spec{docs})
	g := NewIndex(s).Type("ns.gizmo")
	if g == nil {
		t.Fatal("no gizmo")
	}
	wantSources(t, "serial", g.Property("serial"), map[Fact][]Pos{
		FactType:        {x(15, 9), d(17, 12)},
		FactNullable:    {x(15, 9)},
		FactReadOnly:    {d(17, 21)},
		FactFilter:      {d(17, 21)},
		FactDescription: {d(17, 21)},
	})
	// The docs list serial as filterable and not weight: weight loses the
	// CSDL's support, because of the docs row.
	wantSources(t, "weight", g.Property("weight"), map[Fact][]Pos{
		FactType:     {x(16, 9), d(18, 12)},
		FactNullable: {x(16, 9)},
		FactFilter:   {d(18, 3)},
	})
	wantSources(t, "inherited id", g.Property("id"), map[Fact][]Pos{
		FactType:     {x(12, 9), d(16, 8)},
		FactNullable: {x(12, 9)}, // the base element says Nullable="false"
		FactReadOnly: {d(16, 17)},
		FactFilter:   {d(16, 3)}, // id is not among the docs' filterable properties
	})
}
