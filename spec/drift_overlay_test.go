package spec_test

import (
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/odatagen/odatagen/spec"
	"github.com/odatagen/odatagen/spec/load"
	"github.com/odatagen/odatagen/spec/yamlspec"
)

func ovType(t *testing.T, s *spec.Spec, q string) *spec.StructuredType {
	t.Helper()
	ty := spec.NewIndex(s).Type(q)
	if ty == nil {
		t.Fatalf("no type %s", q)
	}
	return ty
}

func ovProp(t *testing.T, ty *spec.StructuredType, name string) *spec.Property {
	t.Helper()
	p := ty.Property(name)
	if p == nil {
		t.Fatalf("%s has no property %s", ty.Name, name)
	}
	return p
}

func filterString(f *spec.FilterSupport) string {
	if f == nil {
		return "none"
	}
	return spec.OpsString(f.Ops)
}

// TestOverlaySeed overlays the seed pages on the repository's CSDL of the
// seed type.
func TestOverlaySeed(t *testing.T) {
	page := driftSkipWithoutShared(t, "seeds", "cloudpcexternalpartner.md")
	api := driftSkipWithoutShared(t, "seeds", "api")
	// Named docs first: Overlay puts the CSDL first whatever the order.
	csdl, docs, _, err := load.Inputs(page, api, filepath.Join("..", "testdata", "csdl", "cloudpcexternalpartner.xml"))
	if err != nil {
		t.Fatal(err)
	}
	s, ws := spec.Overlay(csdl, docs)
	var names []string
	for _, ty := range s.Types {
		names = append(names, ty.Name)
	}
	if want := []string{"entity", "cloudPcExternalPartner"}; !slices.Equal(names, want) {
		t.Errorf("types %v, want the CSDL's %v", names, want)
	}
	ty := ovType(t, s, "microsoft.graph.cloudPcExternalPartner")
	if ty.Kind != spec.EntityKind || ty.BaseType != "microsoft.graph.entity" || len(ty.Key) != 0 {
		t.Errorf("skeleton: kind %q base %q key %v", ty.Kind, ty.BaseType, ty.Key)
	}
	if got := ovProp(t, ty, "statusDetails").Type.Name; got != "Edm.Int32" {
		t.Errorf("statusDetails type %s, want the CSDL's Edm.Int32", got)
	}
	for name, want := range map[string]string{"enableConnection": "(eq)", "partnerId": "none", "lastSyncDateTime": "none", "statusDetails": "none", "id": "none"} {
		if got := filterString(ovProp(t, ty, name).Filter); got != want {
			t.Errorf("%s filter %s, want %s", name, got, want)
		}
	}
	if f := ovProp(t, ovType(t, s, "microsoft.graph.entity"), "id").Filter; f == nil {
		t.Error("entity/id lost the CSDL's filter support; the docs do not describe entity")
	}
	id := ovProp(t, ty, "id")
	if id.Type.Name != "Edm.String" || id.Nullable || !id.ReadOnly || filepath.Base(id.Pos.File) != "cloudpcexternalpartner.md" {
		t.Errorf("redeclared id: %+v", id)
	}
	p := ovProp(t, ty, "partnerId")
	if !p.ReadOnly || !strings.HasPrefix(p.Description, "The partner identifier used") {
		t.Errorf("partnerId: read-only %v, description %q", p.ReadOnly, p.Description)
	}
	if !ovProp(t, ty, "enableConnection").Required {
		t.Error("enableConnection lost the docs' Required")
	}
	if e := spec.NewIndex(s).Enum("microsoft.graph.cloudPcExternalPartnerStatus"); e == nil || !strings.Contains(e.Members[0].Description, "isn't established") {
		t.Errorf("enum member descriptions are not the docs': %+v", e)
	}
	if len(s.Operations) != 2 {
		t.Errorf("%d operations, want create and update", len(s.Operations))
	}
	var typeWarning bool
	for _, w := range ws {
		msg := w.String()
		if strings.Contains(msg, "$filter") || strings.Contains(msg, "kind is") || strings.Contains(msg, "key is") {
			t.Errorf("overlay noise: %s", msg)
		}
		if strings.Contains(msg, "statusDetails has type Edm.String here but Edm.Int32 first") && w.Other.IsValid() {
			typeWarning = true
		}
	}
	if !typeWarning {
		t.Errorf("no warning about statusDetails' type in %v", ws)
	}
}

func TestOverlay(t *testing.T) {
	csdlSrc := fleetCSDL(`<EntityType Name="vehicle" BaseType="f.asset">
        <Property Name="plate" Type="Edm.String" />
        <Property Name="seats" Type="Edm.Int32" />
        <Property Name="nickname" Type="Edm.String" />
        <Property Name="vin" Type="Edm.String" />
        <NavigationProperty Name="depot" Type="f.depot" />
      </EntityType>
      <EntityType Name="depot" BaseType="f.asset"><Property Name="city" Type="Edm.String" /></EntityType>
      <EntityType Name="trailer" BaseType="f.asset"><Property Name="axles" Type="Edm.Int32" /></EntityType>
      <EnumType Name="fuelKind"><Member Name="petrol" /><Member Name="diesel" /></EnumType>
      <Annotations Target="f.vehicle">
        <Annotation Term="Org.OData.Core.V1.Description" String="From the metadata." />
        <Annotation Term="Org.OData.Capabilities.V1.FilterRestrictions"><Record>
          <PropertyValue Property="NonFilterableProperties"><Collection><PropertyPath>seats</PropertyPath></Collection></PropertyValue>
        </Record></Annotation>
      </Annotations>
      <Annotations Target="f.vehicle/vin"><Annotation Term="Org.OData.Core.V1.Description" String="Metadata words." /></Annotations>`)
	// vehicle's page states $filter support for one property; depot's page
	// never mentions $filter.
	vehicle := fleetPage("vehicle", vehicleMeta,
		"|id|String|Its key. Read-only.|\n"+
			"|plate|String|The number plate. Required.|\n"+
			"|seats|Int32|How many seats. Supports `$filter` (`eq`, `ge`).|\n"+
			"|nickname|String|A friendly name. Not nullable.|\n"+
			"|vin|String|Chassis number.|\n"+
			"|wheelbase|Double|Only the docs have it.|", "")
	depot := fleetPage("depot", "", "|city|String|Where it is.|", "")
	fuel := "# fuelKind enum type\n\nNamespace: demo.fleet\n\nFuels.\n\n## Members\n|Member|Description|\n|:---|:---|\n|petrol|Docs words.|\n|diesel|More docs words.|\n"
	csdl := readCSDLString(t, "fleet.xml", csdlSrc)
	docs := []*spec.Spec{
		readMarkdownString(t, "vehicle.md", vehicle),
		readMarkdownString(t, "depot.md", depot),
		readMarkdownString(t, "fuelkind.md", fuel),
	}
	before, _ := yamlspec.Write(csdl)
	s, ws := spec.Overlay([]*spec.Spec{csdl}, docs)
	if after, _ := yamlspec.Write(csdl); string(after) != string(before) {
		t.Error("Overlay changed its CSDL input")
	}
	for _, w := range ws {
		t.Errorf("unexpected warning: %s", w)
	}
	v := ovType(t, s, "demo.fleet.vehicle")
	tests := []struct {
		prop, filter string
		nullable     bool
	}{
		{"plate", "none", true},         // the page lists filterable properties; plate is not one
		{"seats", "(eq, ge)", true},     // the docs' support replaces the CSDL's restriction
		{"nickname", "none", true},      // CSDL nullability wins
		{"vin", "none", true},           //
		{"depot", "any operator", true}, // navigation: the CSDL's support stands
		{"wheelbase", "none", true},     // only the docs have it
		{"id", "none", false},           // redeclared from the CSDL base
	}
	for _, tt := range tests {
		p := ovProp(t, v, tt.prop)
		if got := filterString(p.Filter); got != tt.filter {
			t.Errorf("vehicle/%s filter %s, want %s", tt.prop, got, tt.filter)
		}
		if p.Nullable != tt.nullable {
			t.Errorf("vehicle/%s nullable %v, want %v", tt.prop, p.Nullable, tt.nullable)
		}
	}
	if !ovProp(t, v, "plate").Required || !ovProp(t, v, "id").ReadOnly {
		t.Error("docs flags were lost")
	}
	if v.Description != "A made-up fleet vehicle." || ovProp(t, v, "vin").Description != "Chassis number." {
		t.Errorf("descriptions are not the docs': %q, %q", v.Description, ovProp(t, v, "vin").Description)
	}
	// A page that never mentions $filter leaves the CSDL's support.
	if f := ovProp(t, ovType(t, s, "demo.fleet.depot"), "city").Filter; f == nil {
		t.Error("depot/city lost the CSDL's filter support")
	}
	if ovType(t, s, "demo.fleet.depot").Kind != spec.EntityKind {
		t.Error("depot is not an entity type")
	}
	if f := ovProp(t, ovType(t, s, "demo.fleet.trailer"), "axles").Filter; f == nil {
		t.Error("trailer/axles lost the CSDL's filter support")
	}
	if e := spec.NewIndex(s).Enum("demo.fleet.fuelKind"); e.Members[0].Description != "Docs words." {
		t.Errorf("member description %q", e.Members[0].Description)
	}
}

// TestOverlayOneSide: without CSDL or without docs, Overlay is Merge.
func TestOverlayOneSide(t *testing.T) {
	csdl := readCSDLString(t, "fleet.xml", fleetCSDL(`<EntityType Name="vehicle" BaseType="f.asset"><Property Name="plate" Type="Edm.String" /></EntityType>`))
	docs := readMarkdownString(t, "vehicle.md", fleetPage("vehicle", vehicleMeta, "|plate|String|The number plate. Supports `$filter` (`eq`).|", ""))
	for _, tt := range []struct {
		name       string
		csdl, docs []*spec.Spec
	}{{"csdl", []*spec.Spec{csdl}, nil}, {"docs", nil, []*spec.Spec{docs, nil}}} {
		got, _ := spec.Overlay(tt.csdl, tt.docs)
		want, _ := spec.Merge(slices.Concat(tt.csdl, tt.docs)...)
		a, _ := yamlspec.Write(got)
		b, _ := yamlspec.Write(want)
		if string(a) != string(b) {
			t.Errorf("%s: Overlay differs from Merge:\n%s\nwant\n%s", tt.name, a, b)
		}
	}
}

// TestOverlayInheritedType: a docs page that gives an inherited property
// another type keeps the CSDL's, with a warning naming both places.
func TestOverlayInheritedType(t *testing.T) {
	csdl := readCSDLString(t, "fleet.xml", fleetCSDL(`<EntityType Name="vehicle" BaseType="f.asset" />`))
	docs := readMarkdownString(t, "vehicle.md", fleetPage("vehicle", vehicleMeta, "|tag|Int32|A label.|", ""))
	s, ws := spec.Overlay([]*spec.Spec{csdl}, []*spec.Spec{docs})
	if got := ovProp(t, ovType(t, s, "demo.fleet.vehicle"), "tag").Type.Name; got != "Edm.String" {
		t.Errorf("tag type %s, want the CSDL's Edm.String", got)
	}
	if len(ws) != 1 || !strings.Contains(ws[0].Msg, "inherited property tag has type Edm.Int32 here but Edm.String in the CSDL") ||
		ws[0].Pos.File != "vehicle.md" || ws[0].Other.File != "fleet.xml" {
		t.Errorf("warnings %v", ws)
	}
}
