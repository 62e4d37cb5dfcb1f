package csdl

import (
	"slices"
	"strings"
	"testing"

	"github.com/odatagen/odatagen/spec"
)

// TestSources: the sources of a property's facts are the Property element
// (type, nullability, facets, default, containsTarget, and the $filter
// support OData gives every property), the annotation that sets a fact
// (Core.Computed, Core.Description), and the PropertyPath of the
// Capabilities restriction entry that names the property
// (NonFilterableProperties, NonInsertableProperties with
// NonUpdatableProperties). An inherited property that an annotation
// changes on a derived type keeps the base element's sources and adds the
// annotation's; the base declaration is not changed.
func TestSources(t *testing.T) {
	s, warns, src := readFixture(t, "sources.xml")
	if len(warns) > 0 {
		t.Fatalf("warnings: %v", warns)
	}
	lines := strings.Split(string(src), "\n")
	// at is the position of the first elem on the n-th line (from 1)
	// that holds text.
	at := func(text, elem string, n int) spec.Pos {
		t.Helper()
		for i, l := range lines {
			if strings.Contains(l, text) {
				if n--; n == 0 {
					return spec.Pos{File: "sources.xml", Line: i + 1, Col: strings.Index(l, elem) + 1}
				}
			}
		}
		t.Fatalf("no line %q", text)
		return spec.Pos{}
	}
	elem := func(name string) spec.Pos { return at(`Property Name="`+name+`"`, "<", 1) }
	type source struct {
		from spec.Pos
		also []spec.Pos
	}
	one := func(p spec.Pos) source { return source{from: p} }
	for _, tc := range []struct {
		typ, prop string
		want      map[spec.Fact]source
	}{
		{"entity", "id", map[spec.Fact]source{
			spec.FactType: one(elem("id")), spec.FactNullable: one(elem("id")), spec.FactFilter: one(elem("id"))}},
		{"gizmo", "id", map[spec.Fact]source{
			spec.FactType: one(elem("id")), spec.FactNullable: one(elem("id")), spec.FactFilter: one(elem("id")),
			spec.FactReadOnly: one(at(`Term="Org.OData.Core.V1.Computed" />`, "<Annotation", 1))}},
		{"gizmo", "serial", map[spec.Fact]source{
			spec.FactType: one(elem("serial")), spec.FactNullable: one(elem("serial")), spec.FactFilter: one(elem("serial")),
			spec.FactDescription: one(at("The number on the case.", "<Annotation", 1))}},
		{"gizmo", "label", map[spec.Fact]source{
			spec.FactType: one(elem("label")), spec.FactNullable: one(elem("label")), spec.FactFilter: one(elem("label")),
			spec.FactMaxLength: one(elem("label")),
			spec.FactReadOnly: {from: at("<PropertyPath>label</PropertyPath></Collection>", "<PropertyPath>", 1),
				also: []spec.Pos{at("<PropertyPath>label</PropertyPath><PropertyPath>owner", "<PropertyPath>label", 1)}}}},
		{"gizmo", "weight", map[spec.Fact]source{
			spec.FactType: one(elem("weight")), spec.FactNullable: one(elem("weight")), spec.FactFilter: one(elem("weight")),
			spec.FactDefault:  one(elem("weight")),
			spec.FactReadOnly: one(at(`Term="Org.OData.Core.V1.Computed" Bool="true"`, "<Annotation", 1))}},
		{"gizmo", "owner", map[spec.Fact]source{
			spec.FactType: one(elem("owner")), spec.FactNullable: one(elem("owner")),
			spec.FactFilter:    one(at("<PropertyPath>owner</PropertyPath></Collection>", "<PropertyPath>", 1)),
			spec.FactImmutable: one(at("<PropertyPath>label</PropertyPath><PropertyPath>owner", "<PropertyPath>owner", 1))}},
		{"gizmo", "parts", map[spec.Fact]source{
			spec.FactType: one(elem("parts")), spec.FactNullable: one(elem("parts")), spec.FactFilter: one(elem("parts")),
			spec.FactContainsTarget: one(elem("parts"))}},
	} {
		typ := spec.NewIndex(s).Type("microsoft.graph." + tc.typ)
		var p *spec.Property
		if typ != nil {
			p = typ.Property(tc.prop)
		}
		if p == nil {
			t.Errorf("no %s.%s", tc.typ, tc.prop)
			continue
		}
		for _, f := range spec.Facts {
			from, also := p.Source(f)
			if w := tc.want[f]; from != w.from || !slices.Equal(also, w.also) {
				t.Errorf("%s.%s: %s comes from %v (also %v), want %v (also %v)", tc.typ, tc.prop, f, from, also, w.from, w.also)
			}
		}
	}
}
