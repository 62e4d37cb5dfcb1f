package spec_test

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/odatagen/odatagen/spec"
	"github.com/odatagen/odatagen/spec/csdl"
	"github.com/odatagen/odatagen/spec/load"
	"github.com/odatagen/odatagen/spec/markdown"
	"github.com/odatagen/odatagen/spec/yamlspec"
)

// The fixtures below describe a made-up vehicle fleet service in
// namespace demo.fleet, written for these tests.

// fleetCSDL wraps schema elements in a CSDL document of namespace
// demo.fleet (alias f) whose asset base type has the key id.
func fleetCSDL(schema string) string {
	return `<?xml version="1.0" encoding="utf-8"?>
<edmx:Edmx Version="4.0" xmlns:edmx="http://docs.oasis-open.org/odata/ns/edmx">
  <edmx:DataServices>
    <Schema Namespace="demo.fleet" Alias="f" xmlns="http://docs.oasis-open.org/odata/ns/edm">
      <EntityType Name="asset" Abstract="true">
        <Key><PropertyRef Name="id" /></Key>
        <Property Name="id" Type="Edm.String" Nullable="false" />
        <Property Name="tag" Type="Edm.String" />
      </EntityType>
` + schema + `
    </Schema>
  </edmx:DataServices>
</edmx:Edmx>
`
}

// fleetPage is a resource page of demo.fleet: meta goes into the resource
// comment, rows into the Properties table, extra after the table.
func fleetPage(name, meta, rows, extra string) string {
	if meta != "" {
		meta = ", " + meta
	}
	return "# " + name + " resource type\n\nNamespace: demo.fleet\n\nA made-up fleet " + name + ".\n\n" +
		"## Properties\n|Property|Type|Description|\n|:---|:---|:---|\n" + rows + "\n" + extra +
		"\n## JSON representation\n<!-- {\n  \"blockType\": \"resource\",\n  \"@odata.type\": \"demo.fleet." + name + "\"" + meta + "\n}\n-->\n```json\n{}\n```\n"
}

// fleetAPI is a Create (POST) or Update (PATCH) page for a vehicle.
func fleetAPI(method, rows string) string {
	title := "Create vehicle"
	if method == "PATCH" {
		title = "Update vehicle"
	}
	return "# " + title + "\n\nNamespace: demo.fleet\n\nChanges a [vehicle](../resources/vehicle.md).\n\n" +
		"## HTTP request\n```http\n" + method + " /fleet/vehicles\n```\n\n" +
		"## Request body\n|Property|Type|Description|\n|:---|:---|:---|\n" + rows + "\n\n" +
		"## Response\nA [vehicle](../resources/vehicle.md) object.\n"
}

const vehicleMeta = `"baseType": "demo.fleet.asset", "keyProperty": "id"`

func readCSDLString(t testing.TB, file, src string) *spec.Spec {
	t.Helper()
	s, _, err := csdl.Read(file, []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func readMarkdownString(t *testing.T, file, src string) *spec.Spec {
	t.Helper()
	s, _, err := markdown.Read(file, []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// findingKeys formats findings as "kind subject" for comparison.
func findingKeys(fs []spec.Finding) []string {
	var out []string
	for _, f := range fs {
		out = append(out, f.Kind+" "+f.Subject)
	}
	return out
}

func TestDrift(t *testing.T) {
	tests := []struct {
		name   string
		csdl   string            // schema elements for fleetCSDL; "" means no CSDL input
		docs   map[string]string // file name -> page
		want   []string          // "kind subject", in result order
		reason []string          // substrings the reasons must contain, in order
	}{{
		name: "agreement",
		csdl: `<EntityType Name="vehicle" BaseType="f.asset">
        <Property Name="plate" Type="Edm.String" Nullable="false" />
        <Property Name="seats" Type="Edm.Int32" />
        <Property Name="fuel" Type="f.fuelKind" />
        <Property Name="stops" Type="Collection(Edm.String)" />
        <Property Name="made" Type="Edm.Date" DefaultValue="2020-01-01" />
      </EntityType>
      <EnumType Name="fuelKind"><Member Name="petrol" /><Member Name="electric" /></EnumType>`,
		docs: map[string]string{"vehicle.md": fleetPage("vehicle", vehicleMeta,
			// Docs read-only where the CSDL is silent is no finding, nor a
			// docs nullable default next to a CSDL Nullable="false", nor
			// $filter next to the CSDL's default support.
			"|id|String|Its key. Read-only.|\n"+
				"|plate|String|The number plate. Supports `$filter` (`eq`).|\n"+
				"|seats|Int32|How many seats. Required.|\n"+
				"|fuel|[FuelKind](#fuelkind-values)|What it runs on.|\n"+
				"|stops|String collection|Where it stops. Not nullable.|\n"+
				"|made|Date|When it was made. The default value is `2020-01-01`.|",
			"### fuelKind values\n|Member|Description|\n|:---|:---|\n|petrol|Burns petrol.|\n|Electric|Runs on a battery.|\n")},
	}, {
		name: "missing",
		csdl: `<EntityType Name="vehicle" BaseType="f.asset">
        <Property Name="plate" Type="Edm.String" />
        <Property Name="vin" Type="Edm.String" />
        <NavigationProperty Name="depot" Type="f.depot" />
      </EntityType>
      <EntityType Name="depot" BaseType="f.asset" />`,
		docs: map[string]string{"vehicle.md": fleetPage("vehicle", vehicleMeta,
			"|plate|String|The number plate.|\n"+
				"|wheelbase|Double|Axle distance in metres.|\n"+
				"|finish|paintFinish|The paint. Possible values are: `matte`, `gloss`.|", ""),
			"trailer.md": fleetPage("trailer", `"keyProperty": "id"`, "|id|String|Its key.|", ""),
		},
		want: []string{
			"missing-in-csdl demo.fleet.paintFinish",
			"missing-in-csdl demo.fleet.trailer",
			"missing-in-docs demo.fleet.vehicle/depot",
			"missing-in-csdl demo.fleet.vehicle/finish",
			"missing-in-docs demo.fleet.vehicle/vin",
			"missing-in-csdl demo.fleet.vehicle/wheelbase",
		},
		reason: []string{"enum demo.fleet.paintFinish", "type demo.fleet.trailer", "navigation property depot",
			"property finish", "property vin", "property wheelbase"},
	}, {
		name: "types",
		csdl: `<EntityType Name="vehicle" BaseType="f.asset">
        <Property Name="mileage" Type="Edm.Int64" />
        <Property Name="stops" Type="Collection(Edm.String)" />
        <Property Name="fuel" Type="f.fuelKind" />
        <Property Name="code" Type="f.shortCode" />
        <Property Name="LicensePlate" Type="Edm.String" />
      </EntityType>
      <TypeDefinition Name="shortCode" UnderlyingType="Edm.String" />
      <EnumType Name="fuelKind"><Member Name="petrol" /></EnumType>`,
		docs: map[string]string{"vehicle.md": fleetPage("vehicle", vehicleMeta,
			"|mileage|Int32|Distance driven.|\n"+
				"|stops|String|Where it stops.|\n"+
				"|fuel|String|What it runs on.|\n"+
				"|code|String|A short code.|\n"+
				"|licensePlate|String|The number plate.|", "")},
		want: []string{
			"name-mismatch demo.fleet.vehicle/LicensePlate", // byte order: upper case first
			"type-mismatch demo.fleet.vehicle/fuel",
			"type-mismatch demo.fleet.vehicle/mileage",
			"type-mismatch demo.fleet.vehicle/stops",
		},
		reason: []string{"spell the property licensePlate, the CSDL LicensePlate", "docs say type Edm.String, the CSDL says demo.fleet.fuelKind",
			"docs say type Edm.Int32, the CSDL says Edm.Int64", "Edm.String, the CSDL says Collection(Edm.String)"},
	}, {
		name: "base and kind",
		csdl: `<EntityType Name="vehicle" BaseType="f.asset" />
      <EntityType Name="machine" BaseType="f.asset" />
      <ComplexType Name="tire"><Property Name="size" Type="Edm.Int32" /></ComplexType>
      <EntityType Name="depot"><Key><PropertyRef Name="code" /></Key><Property Name="code" Type="Edm.String" Nullable="false" /></EntityType>`,
		docs: map[string]string{
			"vehicle.md": fleetPage("vehicle", `"baseType": "demo.fleet.machine", "keyProperty": "id"`, "|id|String|Its key.|", ""),
			"tire.md":    fleetPage("tire", `"baseType": "demo.fleet.part", "keyProperty": "id"`, "|size|Int32|Rim size.|", ""),
			// A page with no key or base reads as complex: no statement.
			"depot.md": fleetPage("depot", "", "|code|String|Its code.|", ""),
		},
		want: []string{
			"base-type demo.fleet.tire",
			"kind-mismatch demo.fleet.tire",
			"base-type demo.fleet.vehicle",
		},
		reason: []string{"base type demo.fleet.part; the CSDL gives it none", "as an entity type", "base type demo.fleet.machine; the CSDL says demo.fleet.asset"},
	}, {
		name: "flags",
		csdl: `<EntityType Name="vehicle" BaseType="f.asset">
        <Property Name="nickname" Type="Edm.String" />
        <Property Name="odometer" Type="Edm.Int32" />
        <Property Name="owner" Type="Edm.String" />
        <Property Name="vin" Type="Edm.String" />
        <Property Name="seats" Type="Edm.Int32" />
        <Property Name="mileage" Type="Edm.Int64" />
        <Property Name="stops" Type="Collection(Edm.String)" />
        <Property Name="color" Type="Edm.String" DefaultValue="white" />
        <Property Name="serial" Type="Edm.String" />
      </EntityType>
      <Annotations Target="f.vehicle/odometer"><Annotation Term="Org.OData.Core.V1.Computed" /></Annotations>
      <Annotations Target="f.vehicle/vin"><Annotation Term="Org.OData.Core.V1.Computed" /></Annotations>
      <Annotations Target="f.vehicle/owner"><Annotation Term="Org.OData.Core.V1.Immutable" /></Annotations>
      <Annotations Target="f.vehicle">
        <Annotation Term="Org.OData.Capabilities.V1.FilterRestrictions"><Record>
          <PropertyValue Property="NonFilterableProperties"><Collection><PropertyPath>seats</PropertyPath></Collection></PropertyValue>
          <PropertyValue Property="FilterExpressionRestrictions"><Collection><Record>
            <PropertyValue Property="Property" PropertyPath="mileage" />
            <PropertyValue Property="AllowedExpressions" String="SingleValue" />
          </Record></Collection></PropertyValue>
        </Record></Annotation>
      </Annotations>`,
		docs: map[string]string{"vehicle.md": fleetPage("vehicle", vehicleMeta,
			"|nickname|String|A friendly name. Not nullable.|\n"+
				"|odometer|Int32|Distance on the clock. Required.|\n"+
				"|owner|String|Who owns it. Read-only.|\n"+
				"|vin|String|Chassis number. Once set, it is read-only.|\n"+
				"|seats|Int32|How many seats. Supports `$filter` (`eq`).|\n"+
				"|mileage|Int64|Distance driven. Supports `$filter` (`eq`, `gt`).|\n"+
				"|stops|String collection|Where it stops. Not nullable.|\n"+
				"|color|String|Paint colour. The default value is `black`.|\n"+
				"|serial|String|Maker's number. Read-only. Required.|", "")},
		want: []string{
			"default-mismatch demo.fleet.vehicle/color",
			"capability-conflict demo.fleet.vehicle/mileage",
			"flag-conflict demo.fleet.vehicle/nickname",
			"flag-conflict demo.fleet.vehicle/odometer",
			"flag-conflict demo.fleet.vehicle/owner",
			"capability-conflict demo.fleet.vehicle/seats",
			"flag-conflict demo.fleet.vehicle/serial",
			"flag-conflict demo.fleet.vehicle/vin",
		},
		reason: []string{"default is black, the CSDL white", "supports (gt); the CSDL allows only (eq)",
			"not nullable; the CSDL says nullable", "docs say required; the CSDL marks it read-only",
			"docs say read-only; the CSDL says it can be set on create", "the CSDL's FilterRestrictions on type demo.fleet.vehicle list it in NonFilterableProperties",
			"both read-only and required", "set on create (immutable); the CSDL marks it read-only"},
	}, {
		name: "enums",
		csdl: `<EnumType Name="fuelKind">
        <Member Name="petrol" /><Member Name="diesel" /><Member Name="hydrogen" /><Member Name="unknownFutureValue" />
      </EnumType>
      <EnumType Name="gearbox" IsFlags="true"><Member Name="manual" Value="1" /><Member Name="automatic" Value="2" /></EnumType>
      <EnumType Name="doors"><Member Name="two" /><Member Name="four" /></EnumType>`,
		docs: map[string]string{
			"fuelkind.md": "# fuelKind enum type\n\nNamespace: demo.fleet\n\nWhat a vehicle runs on.\n\n## Members\n|Member|Description|\n|:---|:---|\n" +
				"|petrol|Petrol.|\n|diesel|Diesel.|\n|electric|Battery.|\n|unknownFutureValue|Sentinel.|\n",
			"gearbox.md": "# gearbox enum type\n\nNamespace: demo.fleet\n\nHow gears change.\n\n## Members\n|Member|Value|Description|\n|:---|:---|:---|\n" +
				"|manual|1|By hand.|\n|automatic|4|By itself.|\n",
			// No values given: implicit ones are no statement.
			"doors.md": "# doors enum type\n\nNamespace: demo.fleet\n\nDoor count.\n\n## Members\n|Member|Description|\n|:---|:---|\n|four|Four.|\n|two|Two.|\n",
		},
		want:   []string{"enum-members demo.fleet.fuelKind", "enum-values demo.fleet.gearbox"},
		reason: []string{"only the docs have electric; only the CSDL has hydrogen", "automatic is 4 in the docs, 2 in the CSDL"},
	}, {
		name: "bodies without CSDL",
		docs: map[string]string{
			"vehicle.md": fleetPage("vehicle", vehicleMeta,
				"|plate|String|The number plate. Read-only.|\n|seats|Int32|How many seats.|\n|owner|String|Who owns it. Once set, it is read-only.|", ""),
			"create.md": fleetAPI("POST", "|plate|String|The number plate. Required.|\n|seats|Int64|How many seats.|\n|trim|String|Trim level.|"),
			"update.md": fleetAPI("PATCH", "|owner|String|Who owns it.|\n|seats|Int32|How many seats.|"),
		},
		want: []string{
			"flag-conflict demo.fleet.vehicle/owner",
			"flag-conflict demo.fleet.vehicle/plate",
			"type-mismatch demo.fleet.vehicle/seats",
			"missing-in-docs demo.fleet.vehicle/trim",
		},
		reason: []string{"the update request body lists owner, which the vehicle resource page marks immutable",
			"the create request body requires plate, which the vehicle resource page marks read-only",
			"gives seats type Edm.Int64, the resource page says Edm.Int32",
			"the create request body lists trim, which the docs of demo.fleet.vehicle do not describe"},
	}, {
		name: "bodies with CSDL",
		csdl: `<EntityType Name="vehicle" BaseType="f.asset">
        <Property Name="plate" Type="Edm.String" />
        <Property Name="seats" Type="Edm.Int32" />
      </EntityType>
      <Annotations Target="f.asset/tag"><Annotation Term="Org.OData.Core.V1.Immutable" /></Annotations>
      <Annotations Target="f.vehicle/plate"><Annotation Term="Org.OData.Core.V1.Computed" /></Annotations>`,
		docs: map[string]string{
			// No resource page: only the CSDL speaks for the type.
			"create.md": fleetAPI("POST", "|plate|String|The number plate. Required.|\n|seats|Int64|How many seats.|\n|trim|String|Trim level.|\n|tag|String|A label.|"),
			"update.md": fleetAPI("PATCH", "|tag|String|A label.|\n|seats|Int32|How many seats.|"),
		},
		want: []string{
			"flag-conflict demo.fleet.vehicle/plate",
			"type-mismatch demo.fleet.vehicle/seats",
			"flag-conflict demo.fleet.vehicle/tag",
			"missing-in-csdl demo.fleet.vehicle/trim",
		},
		reason: []string{"requires plate, which the CSDL marks read-only", "gives seats type Edm.Int64, the CSDL says Edm.Int32",
			"the update request body lists tag, which the CSDL marks immutable", "lists trim, which the CSDL type demo.fleet.vehicle does not have"},
	}, {
		// Only the base type's page is given: a body property it lacks is
		// not missing from docs that were not given.
		name: "bodies with a base page",
		csdl: `<EntityType Name="vehicle" BaseType="f.asset"><Property Name="plate" Type="Edm.String" /></EntityType>`,
		docs: map[string]string{
			"asset.md":  fleetPage("asset", `"keyProperty": "id"`, "|id|String|Its key.|\n|tag|String|A label.|", ""),
			"create.md": fleetAPI("POST", "|plate|String|The number plate.|\n|tag|String|A label.|"),
		},
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var csdl, docs []*spec.Spec
			if tt.csdl != "" {
				csdl = append(csdl, readCSDLString(t, "fleet.xml", fleetCSDL(tt.csdl)))
			}
			names := make([]string, 0, len(tt.docs))
			for name := range tt.docs {
				names = append(names, name)
			}
			slices.Sort(names)
			for _, name := range names {
				docs = append(docs, readMarkdownString(t, name, tt.docs[name]))
			}
			got := spec.Drift(csdl, docs)
			if keys := findingKeys(got); !slices.Equal(keys, tt.want) {
				t.Fatalf("findings:\n%s\nwant:\n%s\nall:\n%s", strings.Join(keys, "\n"), strings.Join(tt.want, "\n"), findingLines(got))
			}
			for i, f := range got {
				if i < len(tt.reason) && !strings.Contains(f.Reason, tt.reason[i]) {
					t.Errorf("finding %d reason %q does not contain %q", i, f.Reason, tt.reason[i])
				}
				if !f.Pos.IsValid() || !f.Other.IsValid() {
					t.Errorf("finding %v lacks a position", f)
				}
				if strings.Contains(f.Reason, "\n") {
					t.Errorf("finding %v has a multi-line reason", f)
				}
			}
			// Order of the inputs does not matter.
			slices.Reverse(docs)
			if again := spec.Drift(csdl, docs); !slices.Equal(again, got) {
				t.Errorf("reversed docs order gives\n%s\nwant\n%s", findingLines(again), findingLines(got))
			}
		})
	}
}

func findingLines(fs []spec.Finding) string {
	var b strings.Builder
	for _, f := range fs {
		b.WriteString(f.Kind + " " + f.String() + "\n")
	}
	return b.String()
}

// TestDriftScope: a CSDL with types the docs do not describe yields no
// findings about them.
func TestDriftScope(t *testing.T) {
	csdl := readCSDLString(t, "fleet.xml", fleetCSDL(`<EntityType Name="vehicle" BaseType="f.asset"><Property Name="plate" Type="Edm.String" /></EntityType>
      <EntityType Name="depot" BaseType="f.asset"><Property Name="city" Type="Edm.String" /></EntityType>
      <EnumType Name="fuelKind"><Member Name="petrol" /></EnumType>`))
	docs := readMarkdownString(t, "vehicle.md", fleetPage("vehicle", vehicleMeta, "|plate|String|The number plate.|\n|id|String|Its key.|", ""))
	if got := spec.Drift([]*spec.Spec{csdl}, []*spec.Spec{docs}); len(got) != 0 {
		t.Errorf("findings for undescribed types:\n%s", findingLines(got))
	}
	if got := spec.Drift([]*spec.Spec{csdl}, nil); len(got) != 0 {
		t.Errorf("findings without docs:\n%s", findingLines(got))
	}
	if got := spec.Drift(nil, nil); len(got) != 0 {
		t.Errorf("findings without inputs: %v", got)
	}
}

// TestDriftInputs does not change its inputs.
func TestDriftInputs(t *testing.T) {
	src := fleetCSDL(`<EntityType Name="vehicle" BaseType="f.asset"><Property Name="plate" Type="Edm.Int32" /></EntityType>`)
	page := fleetPage("vehicle", vehicleMeta, "|plate|String|The number plate. Not nullable.|", "")
	csdl, docs := readCSDLString(t, "fleet.xml", src), readMarkdownString(t, "vehicle.md", page)
	if len(spec.Drift([]*spec.Spec{csdl}, []*spec.Spec{docs})) != 2 {
		t.Fatal("want a type and a flag finding")
	}
	csdl2, docs2 := readCSDLString(t, "fleet.xml", src), readMarkdownString(t, "vehicle.md", page)
	a, _ := yamlspec.Write(csdl)
	b, _ := yamlspec.Write(csdl2)
	c, _ := yamlspec.Write(docs)
	d, _ := yamlspec.Write(docs2)
	if string(a) != string(b) || string(c) != string(d) {
		t.Error("Drift changed its inputs")
	}
}

func TestFindingFormat(t *testing.T) {
	f := spec.Finding{Kind: spec.TypeMismatch, Subject: "demo.fleet.vehicle/plate",
		Pos: spec.Pos{File: "vehicle.md", Line: 12, Col: 2}, Other: spec.Pos{File: "fleet.xml", Line: 7, Col: 9},
		Reason: "the docs say type Edm.String, the CSDL says Edm.Int32", Severity: spec.SeverityError, Hint: "change it"}
	if got, want := f.String(), "vehicle.md:12:2: demo.fleet.vehicle/plate: the docs say type Edm.String, the CSDL says Edm.Int32 (see also fleet.xml:7:9)"; got != want {
		t.Errorf("String() = %q, want %q", got, want)
	}
	data, err := json.Marshal([]spec.Finding{f, {Kind: spec.MissingInCSDL, Subject: "x", Pos: spec.Pos{File: "a.md", Line: 1}, Reason: "r"}})
	if err != nil {
		t.Fatal(err)
	}
	want := `[{"kind":"type-mismatch","severity":"error","subject":"demo.fleet.vehicle/plate","pos":"vehicle.md:12:2","other":"fleet.xml:7:9","reason":"the docs say type Edm.String, the CSDL says Edm.Int32","hint":"change it"},` +
		`{"kind":"missing-in-csdl","severity":"","subject":"x","pos":"a.md:1","other":"","reason":"r","hint":""}]`
	if string(data) != want {
		t.Errorf("JSON:\n%s\nwant\n%s", data, want)
	}
	f.Other = spec.Pos{}
	if got := f.String(); strings.Contains(got, "see also") {
		t.Errorf("String() without Other = %q", got)
	}
}

// driftShared is the folder of read-only inputs next to the repository.
var driftShared = filepath.Join("..", "..", "shared")

func driftSkipWithoutShared(t *testing.T, parts ...string) string {
	t.Helper()
	p := filepath.Join(append([]string{driftShared}, parts...)...)
	if _, err := os.Stat(p); errors.Is(err, os.ErrNotExist) {
		t.Skipf("%s is absent", p)
	}
	return p
}

// TestDriftSeed compares the seed pages with the repository's small CSDL
// of the seed type, which declares statusDetails Edm.Int32 on purpose.
func TestDriftSeed(t *testing.T) {
	page := driftSkipWithoutShared(t, "seeds", "cloudpcexternalpartner.md")
	api := driftSkipWithoutShared(t, "seeds", "api")
	csdl := filepath.Join("..", "testdata", "csdl", "cloudpcexternalpartner.xml")
	const q = "microsoft.graph.cloudPcExternalPartner"
	tests := []struct {
		name   string
		inputs []string
		want   []string
	}{
		{"docs only", []string{page, api}, []string{"flag-conflict " + q + "/partnerId"}},
		{"with CSDL", []string{csdl, page, api}, []string{"flag-conflict " + q + "/partnerId", "type-mismatch " + q + "/statusDetails"}},
		{"CSDL last", []string{api, page, csdl}, []string{"flag-conflict " + q + "/partnerId", "type-mismatch " + q + "/statusDetails"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, _, err := load.Drift(tt.inputs...)
			if err != nil {
				t.Fatal(err)
			}
			if keys := findingKeys(got); !slices.Equal(keys, tt.want) {
				t.Fatalf("findings:\n%s\nwant %v", findingLines(got), tt.want)
			}
			ro := got[0]
			if filepath.Base(ro.Pos.File) != "virtualendpoint-post-externalpartners.md" || filepath.Base(ro.Other.File) != "cloudpcexternalpartner.md" {
				t.Errorf("partnerId finding positions: %v and %v", ro.Pos, ro.Other)
			}
			if !strings.Contains(ro.Reason, "requires partnerId") || !strings.Contains(ro.Reason, "read-only") {
				t.Errorf("partnerId reason: %q", ro.Reason)
			}
			if len(got) > 1 {
				tm := got[1]
				if filepath.Base(tm.Pos.File) != "cloudpcexternalpartner.md" || tm.Other.File != csdl || tm.Other.Line == 0 {
					t.Errorf("statusDetails finding positions: %v and %v", tm.Pos, tm.Other)
				}
				if !strings.Contains(tm.Reason, "Edm.String") || !strings.Contains(tm.Reason, "Edm.Int32") {
					t.Errorf("statusDetails reason: %q", tm.Reason)
				}
				// The CSDL marks partnerId computed too: both sources are named.
				if !strings.Contains(ro.Reason, "and the CSDL") {
					t.Errorf("partnerId reason does not name the CSDL: %q", ro.Reason)
				}
			}
		})
	}
}

// TestDriftGraphCorpus compares the whole Graph v1.0 CSDL with the docs
// pages of the corpus: every finding is about a type or enum that a docs
// page describes (or a property of one).
func TestDriftGraphCorpus(t *testing.T) {
	csdlFile := driftSkipWithoutShared(t, "corpus", "csdl", "graph-v1.0-clean.xml")
	var dirs []string
	for _, d := range []string{"graph-docs-2021", "graph-docs-current"} {
		for _, v := range []string{"v1.0", "beta"} {
			if p := filepath.Join(driftShared, "corpus", d, v); driftDirExists(p) {
				dirs = append(dirs, p)
			}
		}
	}
	if len(dirs) == 0 {
		t.Skip("no corpus docs pages")
	}
	csdl, docs, _, err := load.Inputs(append([]string{csdlFile}, dirs...)...)
	if err != nil {
		t.Fatal(err)
	}
	described := map[string]bool{}
	for _, p := range docs {
		for _, ty := range p.Types {
			described[strings.ToLower(ty.QualifiedName())] = true
		}
		for _, e := range p.Enums {
			described[strings.ToLower(e.QualifiedName())] = true
		}
		for _, op := range p.Operations {
			described[strings.ToLower(op.Type)] = true
		}
	}
	got := spec.Drift(csdl, docs)
	kinds := map[string]int{}
	for _, f := range got {
		kinds[f.Kind]++
		typ, _, _ := strings.Cut(f.Subject, "/")
		if !described[strings.ToLower(typ)] {
			t.Errorf("finding about %s, which no docs page describes: %v", typ, f)
		}
		if !f.Pos.IsValid() || !f.Other.IsValid() {
			t.Errorf("finding lacks a position: %v", f)
		}
	}
	if len(got) == 0 || len(got) > 20*len(described) {
		t.Errorf("%d findings for %d described types and enums", len(got), len(described))
	}
	t.Logf("%d findings for %d docs pages (%d types and enums described): %v", len(got), len(docs), len(described), kinds)
}

func driftDirExists(p string) bool {
	fi, err := os.Stat(p)
	return err == nil && fi.IsDir()
}

func TestDriftFilesErrors(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.xml")
	if err := os.WriteFile(bad, []byte("<edmx:Edmx"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		paths []string
		want  string
	}{
		{nil, "no input files"},
		{[]string{filepath.Join(dir, "absent.md")}, "absent.md"},
		{[]string{bad}, "bad.xml:"},
		{[]string{dir + "/x.txt"}, "x.txt"},
	} {
		if _, _, err := load.Drift(tt.paths...); err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("load.Drift(%v) error = %v, want one naming %q", tt.paths, err, tt.want)
		}
	}
}

// TestDriftPageOrder: two pages of one type give the same findings in
// either order, pointing at the same declarations.
func TestDriftPageOrder(t *testing.T) {
	csdl := readCSDLString(t, "fleet.xml", fleetCSDL(`<EntityType Name="vehicle" BaseType="f.asset"><Property Name="plate" Type="Edm.String" /></EntityType>`))
	a := readMarkdownString(t, "a/vehicle.md", fleetPage("vehicle", vehicleMeta, "|plate|String|The number plate. Read-only.|", ""))
	b := readMarkdownString(t, "b/vehicle.md", fleetPage("vehicle", vehicleMeta, "|plate|Int32|The number plate. Read-only.|\n|seats|Int32|Seats.|", ""))
	create := readMarkdownString(t, "create.md", fleetAPI("POST", "|plate|String|The number plate. Required.|"))
	one := spec.Drift([]*spec.Spec{csdl}, []*spec.Spec{a, b, create})
	two := spec.Drift([]*spec.Spec{csdl}, []*spec.Spec{create, b, a})
	if !slices.Equal(one, two) {
		t.Fatalf("page order changed the findings:\n%s\nversus\n%s", findingLines(one), findingLines(two))
	}
	want := []string{"flag-conflict demo.fleet.vehicle/plate", "type-mismatch demo.fleet.vehicle/plate", "missing-in-csdl demo.fleet.vehicle/seats"}
	if keys := findingKeys(one); !slices.Equal(keys, want) {
		t.Fatalf("findings:\n%s", findingLines(one))
	}
	if one[0].Other.File != "a/vehicle.md" {
		t.Errorf("the read-only finding points at %v, want the first page by position", one[0].Other)
	}
}
