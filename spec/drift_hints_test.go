package spec_test

import (
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/odatagen/odatagen/spec"
	"github.com/odatagen/odatagen/spec/load"
	"github.com/odatagen/odatagen/spec/markdown"
)

// hintCSDL and hintDocs disagree in every way Drift knows but capability
// conflicts (TestDriftHintsCapabilities has those): each finding's
// severity and hint are below.
const hintCSDL = `<EntityType Name="vehicle" BaseType="f.asset">
        <Property Name="plate" Type="Edm.String" />
        <Property Name="vin" Type="Edm.String" />
        <Property Name="mileage" Type="Edm.Int64" />
        <Property Name="LicensePlate" Type="Edm.String" />
        <Property Name="odometer" Type="Edm.Int32" />
        <Property Name="nickname" Type="Edm.String" />
        <Property Name="color" Type="Edm.String" DefaultValue="white" />
        <Property Name="seats" Type="Edm.Int32" />
        <NavigationProperty Name="depot" Type="f.depot" />
      </EntityType>
      <EntityType Name="depot" BaseType="f.asset" />
      <ComplexType Name="tire"><Property Name="size" Type="Edm.Int32" /></ComplexType>
      <EnumType Name="fuelKind"><Member Name="petrol" /><Member Name="diesel" /></EnumType>
      <EnumType Name="gearbox" IsFlags="true"><Member Name="manual" Value="1" /><Member Name="automatic" Value="2" /></EnumType>
      <Annotations Target="f.vehicle/odometer"><Annotation Term="Org.OData.Core.V1.Computed" /></Annotations>`

var hintDocs = map[string]string{
	"vehicle.md": fleetPage("vehicle", vehicleMeta,
		"|plate|String|The number plate. Read-only.|\n"+
			"|mileage|Int32|Distance driven.|\n"+
			"|licensePlate|String|The plate again.|\n"+
			"|odometer|Int32|Distance on the clock. Required.|\n"+
			"|nickname|String|A friendly name. Not nullable.|\n"+
			"|color|String|Paint colour. The default value is `black`.|\n"+
			"|seats|Int32|How many seats.|\n"+
			"|wheelbase|Double|Axle distance.|", ""),
	"tire.md":    fleetPage("tire", `"baseType": "demo.fleet.part", "keyProperty": "id"`, "|size|Int32|Rim size.|", ""),
	"trailer.md": fleetPage("trailer", `"keyProperty": "id"`, "|id|String|Its key.|", ""),
	"fuelkind.md": "# fuelKind enum type\n\nNamespace: demo.fleet\n\nWhat a vehicle runs on.\n\n## Members\n|Member|Description|\n|:---|:---|\n" +
		"|petrol|Petrol.|\n|disel|Diesel, misspelt.|\n",
	"gearbox.md": "# gearbox enum type\n\nNamespace: demo.fleet\n\nHow gears change.\n\n## Members\n|Member|Value|Description|\n|:---|:---|:---|\n" +
		"|manual|1|By hand.|\n|automatic|4|By itself.|\n",
	"create.md": fleetAPI("POST", "|plate|String|The number plate. Required.|\n|seats|Int64|How many seats.|\n|trim|String|Trim level.|"),
}

func TestDriftHints(t *testing.T) {
	csdl := readCSDLString(t, "fleet.xml", fleetCSDL(hintCSDL))
	var docs []*spec.Spec
	for _, name := range slices.Sorted(mapKeys(hintDocs)) {
		docs = append(docs, readMarkdownString(t, name, hintDocs[name]))
	}
	got := spec.Drift([]*spec.Spec{csdl}, docs)
	type want struct{ severity, hint string }
	wants := map[string]want{
		"missing-in-csdl demo.fleet.trailer": {"error",
			"check the name trailer in trailer.md against the CSDL; if it is right, the page describes another API version than the CSDL's"},
		"missing-in-csdl demo.fleet.vehicle/wheelbase": {"error",
			"remove the row for wheelbase from vehicle.md, or correct its name to one the CSDL type vehicle declares"},
		"missing-in-csdl demo.fleet.vehicle/trim": {"error",
			"remove trim from the Request body table of create.md, or correct its name to one the CSDL type vehicle declares"},
		"missing-in-docs demo.fleet.vehicle/vin":   {"warning", "add a row for vin to the Properties table of vehicle.md"},
		"missing-in-docs demo.fleet.vehicle/depot": {"warning", "add a row for depot to the Relationships table of vehicle.md"},
		"missing-in-docs demo.fleet.vehicle/trim": {"warning",
			"add a row for trim to the Properties table of vehicle.md, or remove trim from the Request body table of create.md"},
		"type-mismatch demo.fleet.vehicle/mileage": {"error", "change the type of mileage in the Properties table of vehicle.md to the CSDL's"},
		"type-mismatch demo.fleet.vehicle/seats":   {"error", "change the type of seats in the Request body table of create.md to the CSDL's"},
		"name-mismatch demo.fleet.vehicle/LicensePlate": {"warning",
			"spell the property LicensePlate in vehicle.md, as the CSDL does (JSON member names are case-sensitive)"},
		"base-type demo.fleet.tire": {"error",
			"give tire the CSDL's base type in tire.md (its resource comment's baseType, or the inheritance it states)"},
		"kind-mismatch demo.fleet.tire": {"error",
			"drop the key or the entity base type that tire.md gives tire: the CSDL makes it a complex type"},
		"flag-conflict demo.fleet.vehicle/odometer": {"error", `drop "Required" from the row for odometer in vehicle.md: the CSDL computes it`},
		"flag-conflict demo.fleet.vehicle/nickname": {"error",
			`declare nickname Nullable="false" in the CSDL if the service never returns null for it; otherwise drop "Not nullable" from vehicle.md`},
		"flag-conflict demo.fleet.vehicle/plate": {"error",
			"remove plate from the Request body table of create.md: vehicle.md marks it read-only"},
		"default-mismatch demo.fleet.vehicle/color": {"error", "correct the default of color in vehicle.md to the CSDL's DefaultValue"},
		"enum-members demo.fleet.fuelKind": {"error",
			"make the values of fuelKind in fuelkind.md the CSDL's members (correct a misspelt one, add a missing one)"},
		"enum-values demo.fleet.gearbox": {"error", "correct the member values of gearbox in gearbox.md to the CSDL's"},
	}
	seen := map[string]bool{}
	for _, f := range got {
		key := f.Kind + " " + f.Subject
		w, ok := wants[key]
		if !ok {
			t.Errorf("unexpected finding %s: %v", key, f)
			continue
		}
		seen[key] = true
		if f.Severity != w.severity || f.Hint != w.hint {
			t.Errorf("%s:\nseverity %q, hint %q\nwant     %q, hint %q", key, f.Severity, f.Hint, w.severity, w.hint)
		}
		// The pattern keeps no name of the finding.
		typ, prop, _ := strings.Cut(f.Subject, "/")
		for _, name := range []string{typ, typ[strings.LastIndex(typ, ".")+1:], prop} {
			if name != "" && regexp.MustCompile(`\b`+regexp.QuoteMeta(name)+`\b`).MatchString(f.Pattern) {
				t.Errorf("%s: pattern %q names %s", key, f.Pattern, name)
			}
		}
	}
	for key := range wants {
		if !seen[key] {
			t.Errorf("no finding %s", key)
		}
	}
	// Every kind but capability-conflict is above.
	kinds := map[string]bool{}
	for _, f := range got {
		kinds[f.Kind] = true
	}
	if len(kinds) != 10 {
		t.Errorf("%d kinds: %v", len(kinds), kinds)
	}
}

func mapKeys(m map[string]string) func(func(string) bool) {
	return func(yield func(string) bool) {
		for k := range m {
			if !yield(k) {
				return
			}
		}
	}
}

// TestDriftHintsCapabilities: every capability conflict of the rental
// fixtures is an error whose hint names the property and the docs page.
func TestDriftHintsCapabilities(t *testing.T) {
	got, _, err := load.Drift(filepath.Join("testdata", "drift_caps"))
	if err != nil {
		t.Fatal(err)
	}
	if len(got) == 0 {
		t.Fatal("no findings")
	}
	reverse := 0
	for _, f := range got {
		_, prop, _ := strings.Cut(f.Subject, "/")
		page := filepath.Base(f.DocsPos().File)
		if f.Kind != spec.CapabilityConflict || f.Severity != spec.SeverityError ||
			!strings.Contains(f.Hint, prop+" ") || !strings.Contains(f.Hint, page) || filepath.Ext(page) != ".md" {
			t.Errorf("%v: severity %q, hint %q", f, f.Severity, f.Hint)
		}
		if strings.HasPrefix(f.Hint, "add the query option") {
			reverse++
			if !spec.IsCSDLFile(f.Pos.File) {
				t.Errorf("a list that leaves %s out is not found at the CSDL annotation: %v", prop, f)
			}
		}
	}
	if reverse == 0 {
		t.Error("no finding of a docs list that leaves a property out")
	}
}

// TestDriftPatterns: findings that differ only in the names of types,
// properties and values have one Pattern and one HintTemplate; others
// do not.
func TestDriftPatterns(t *testing.T) {
	csdl := readCSDLString(t, "fleet.xml", fleetCSDL(`<EntityType Name="vehicle" BaseType="f.asset">
        <Property Name="plate" Type="Edm.String" /><Property Name="type" Type="Edm.String" />
      </EntityType>
      <EntityType Name="truck" BaseType="f.asset"><Property Name="load" Type="Edm.Int32" /></EntityType>
      <EntityType Name="bus" BaseType="f.asset"><Property Name="seats" Type="Edm.Int32" /></EntityType>`))
	docs := []*spec.Spec{
		// "type" is a property name and a word of the reason: only the
		// name becomes a placeholder.
		readMarkdownString(t, "vehicle.md", fleetPage("vehicle", vehicleMeta, "|plate|Int32|The plate.|\n|type|Int32|The kind.|", "")),
		readMarkdownString(t, "truck.md", fleetPage("truck", `"baseType": "demo.fleet.asset", "keyProperty": "id"`, "|load|String|Payload.|", "")),
		readMarkdownString(t, "bus.md", fleetPage("bus", `"baseType": "demo.fleet.asset", "keyProperty": "id"`, "|seats|Int64|Seats.|", "")),
	}
	got := spec.Drift([]*spec.Spec{csdl}, docs)
	pat := map[string]string{}
	tmpl := map[string]string{}
	for _, f := range got {
		pat[f.Subject] = f.Pattern
		tmpl[f.Subject] = f.HintTemplate()
	}
	if len(got) != 4 {
		t.Fatalf("findings:\n%s", findingLines(got))
	}
	const int32String = "the docs say type Edm.Int32, the CSDL says Edm.String"
	if pat["demo.fleet.vehicle/plate"] != int32String || pat["demo.fleet.vehicle/type"] != int32String {
		t.Errorf("patterns %q and %q, want %q", pat["demo.fleet.vehicle/plate"], pat["demo.fleet.vehicle/type"], int32String)
	}
	if pat["demo.fleet.truck/load"] == int32String || pat["demo.fleet.bus/seats"] == int32String || pat["demo.fleet.truck/load"] == pat["demo.fleet.bus/seats"] {
		t.Errorf("different type pairs share a pattern: %v", pat)
	}
	if tmpl["demo.fleet.vehicle/plate"] != "change the type of <property> in the Properties table of <page> to the CSDL's" ||
		tmpl["demo.fleet.bus/seats"] != tmpl["demo.fleet.vehicle/type"] {
		t.Errorf("hint templates %v", tmpl)
	}
}

// FuzzDriftHints: whatever a page says, every finding has a severity, a
// hint and a pattern, and the pattern and the hint template are well
// formed (no formatting error), and the hint template does not depend
// on the finding's names.
func FuzzDriftHints(f *testing.F) {
	csdl := readCSDLString(f, "fleet.xml", fleetCSDL(hintCSDL))
	for _, name := range slices.Sorted(mapKeys(hintDocs)) {
		f.Add([]byte(hintDocs[name]))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		docs, _, err := markdown.Read("page.md", src)
		if err != nil {
			return
		}
		for _, fd := range spec.Drift([]*spec.Spec{csdl}, []*spec.Spec{docs}) {
			if fd.Severity != spec.SeverityError && fd.Severity != spec.SeverityWarning || fd.Hint == "" || fd.Pattern == "" {
				t.Fatalf("finding %#v", fd)
			}
			tmpl := fd.HintTemplate()
			if strings.Contains(fd.Pattern, "%!") || strings.Contains(fd.Hint, "%!") || strings.Contains(tmpl, "%!") {
				t.Fatalf("formatting error in %q / %q / %q", fd.Pattern, fd.Hint, tmpl)
			}
			// The template is the same for other names.
			other := fd
			other.Subject = "demo.other.thing"
			if strings.Contains(fd.Subject, "/") {
				other.Subject += "/member"
			}
			other.Pos.File = "elsewhere/p" + filepath.Ext(fd.Pos.File)
			other.Other.File = "elsewhere/o" + filepath.Ext(fd.Other.File)
			if o := other.HintTemplate(); o != tmpl {
				t.Fatalf("hint template depends on the names: %q and %q", tmpl, o)
			}
		}
	})
}
