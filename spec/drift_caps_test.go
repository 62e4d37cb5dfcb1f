package spec_test

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/odatagen/odatagen/spec"
	"github.com/odatagen/odatagen/spec/csdl"
	"github.com/odatagen/odatagen/spec/load"
	"github.com/odatagen/odatagen/spec/markdown"
)

// driftCaps holds a CSDL document of a made-up rental service and docs
// pages that disagree with its Capabilities annotations on purpose (see
// the comments in rental.xml).
var driftCaps = filepath.Join("testdata", "drift_caps")

// capRow is one expected finding: subject, both positions (file base
// name:line:col) and a part of the reason.
type capRow struct {
	kind, subject, pos, other, reason string
}

func capRows(fs []spec.Finding) []capRow {
	var out []capRow
	for _, f := range fs {
		out = append(out, capRow{f.Kind, f.Subject, relPos(f.Pos), relPos(f.Other), f.Reason})
	}
	return out
}

func relPos(p spec.Pos) string {
	p.File = filepath.Base(p.File)
	return p.String()
}

func TestDriftCapabilities(t *testing.T) {
	const cc = spec.CapabilityConflict
	want := []capRow{
		{cc, "demo.rental.branch/cars", "branch.md:18:2", "rental.xml:223:9",
			"the docs say it supports $count; the CSDL's CountRestrictions on entity set branches list it in NonCountableNavigationProperties"},
		{cc, "demo.rental.branch/manager", "branch.md:19:2", "rental.xml:214:9",
			"the docs say it supports $expand; the CSDL's ExpandRestrictions on entity set branches list it in NonExpandableProperties"},
		{cc, "demo.rental.car/branchCode", "rental.xml:54:9", "car.md:16:2",
			"the CSDL's FilterRestrictions on entity set cars list it in RequiredProperties (a request must filter by it); the docs of car name the properties that support $filter, and not branchCode"},
		{cc, "demo.rental.car/colour", "car.md:15:2", "rental.xml:54:9",
			"the docs say it supports $filter; the CSDL's FilterRestrictions on entity set cars list it in NonFilterableProperties"},
		// Annotated on the base type, reaching the inherited property.
		{cc, "demo.rental.car/label", "car.md:11:2", "rental.xml:80:9",
			"the docs say it supports $filter; the CSDL's FilterRestrictions on type demo.rental.record list it in NonFilterableProperties"},
		{cc, "demo.rental.car/mileage", "rental.xml:174:9", "car.md:17:2",
			"the CSDL's SortRestrictions on entity set cars list it in AscendingOnlyProperties (it can be sorted in ascending order); the docs of car name the properties that support $orderby, and not mileage"},
		{cc, "demo.rental.car/model", "car.md:13:2", "rental.xml:114:9",
			"the docs say it supports $filter; the CSDL's FilterRestrictions on navigation property demo.rental.branch/cars list it in NonFilterableProperties"},
		{cc, "demo.rental.car/model", "rental.xml:174:9", "car.md:13:2",
			"the CSDL's SortRestrictions on entity set cars list it in DescendingOnlyProperties (it can be sorted in descending order); the docs of car name the properties that support $orderby, and not model"},
		{cc, "demo.rental.car/plate", "car.md:12:2", "rental.xml:157:9",
			"the docs say it supports $filter; the CSDL's FilterRestrictions on path hq/cars list it in NonFilterableProperties"},
		{cc, "demo.rental.car/seats", "car.md:14:2", "rental.xml:69:17",
			"the docs say $filter supports (ge); the CSDL allows only (eq)"},
		{cc, "demo.rental.car/seats", "car.md:14:2", "rental.xml:174:9",
			"the docs say it supports $orderby; the CSDL's SortRestrictions on entity set cars list it in NonSortableProperties"},
		{cc, "demo.rental.person/email", "person.md:13:2", "rental.xml:104:9",
			"the docs say it supports $filter; the CSDL's FilterRestrictions on entity set people say Filterable false"},
		{cc, "demo.rental.person/email", "person.md:13:2", "rental.xml:207:9",
			"the docs say it is returned only on $select; the CSDL's SelectSupport on entity set people says Supported false"},
		// Two restrictions, two findings.
		{cc, "demo.rental.person/name", "person.md:12:2", "rental.xml:104:9",
			"the docs say it supports $filter; the CSDL's FilterRestrictions on entity set people say Filterable false"},
		{cc, "demo.rental.person/name", "person.md:12:2", "rental.xml:132:21",
			"the docs say it supports $filter; the CSDL's FilterRestrictions on navigation manager of entity set branches list it in NonFilterableProperties"},
		{cc, "demo.rental.person/name", "person.md:12:2", "rental.xml:202:9",
			"the docs say it supports $search; the CSDL's SearchRestrictions on entity set people say Searchable false"},
		// Through a cast in the path.
		{cc, "demo.rental.van/payload", "van.md:10:2", "rental.xml:54:9",
			"the docs say it supports $filter; the CSDL's FilterRestrictions on entity set cars list it in NonFilterableProperties"},
		{cc, "demo.rental.van/payload", "van.md:10:2", "rental.xml:195:9",
			"the docs say it supports $orderby; the CSDL's SortRestrictions on entity set vans say Sortable false"},
	}
	// Not findings: car/id (no restriction), car/mileage's $filter
	// (restricted on the set of the derived van only), car/plate's
	// $orderby (vans are not sortable, cars are), branch/city (the
	// restriction's path goes through address), van/mileage (the reader's
	// copy of the inherited declaration is no property of van's own).
	for _, order := range [][]string{
		{driftCaps},
		{filepath.Join(driftCaps, "van.md"), filepath.Join(driftCaps, "person.md"), filepath.Join(driftCaps, "car.md"),
			filepath.Join(driftCaps, "branch.md"), filepath.Join(driftCaps, "rental.xml")},
	} {
		got, _, err := load.Drift(order...)
		if err != nil {
			t.Fatal(err)
		}
		if rows := capRows(got); !slices.Equal(rows, want) {
			t.Errorf("inputs %v: findings\n%s", order, findingLines(got))
			for i := range max(len(rows), len(want)) {
				switch {
				case i >= len(rows):
					t.Errorf("missing %v", want[i])
				case i >= len(want):
					t.Errorf("extra %v", rows[i])
				case rows[i] != want[i]:
					t.Errorf("got  %v\nwant %v", rows[i], want[i])
				}
			}
		}
	}
}

// TestDriftCapabilitiesEdges: the fallback reasons, and the reverse check
// only where the docs list filterable properties.
func TestDriftCapabilitiesEdges(t *testing.T) {
	csdl := readCSDLString(t, "fleet.xml", fleetCSDL(`<EntityType Name="vehicle" BaseType="f.asset">
        <Property Name="plate" Type="Edm.String" />
        <Property Name="photo" Type="Edm.Stream" />
        <Property Name="vin" Type="Edm.String" />
      </EntityType>
      <EntityContainer Name="C"><EntitySet Name="vehicles" EntityType="f.vehicle" /></EntityContainer>
      <Annotations Target="f.C/vehicles">
        <Annotation Term="Org.OData.Capabilities.V1.FilterRestrictions"><Record>
          <PropertyValue Property="RequiredProperties"><Collection><PropertyPath>vin</PropertyPath></Collection></PropertyValue>
        </Record></Annotation>
      </Annotations>`))
	tests := []struct {
		name, rows string
		want       []string // "kind subject: reason part"
	}{
		{"stream", "|plate|String|Its plate.|\n|photo|Stream|A picture. Supports `$filter`.|\n|vin|String|Chassis number. Supports `$filter` (`eq`).|",
			[]string{"capability-conflict demo.fleet.vehicle/photo: the CSDL makes it an Edm.Stream"}},
		{"required and listed", "|plate|String|Its plate. Supports `$filter` (`eq`).|\n|photo|Stream|A picture.|\n|vin|String|Chassis number.|",
			[]string{"capability-conflict demo.fleet.vehicle/vin: list it in RequiredProperties"}},
		// The docs name no filterable property: silence, not a list.
		{"required and silent", "|plate|String|Its plate.|\n|photo|Stream|A picture.|\n|vin|String|Chassis number.|", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			docs := readMarkdownString(t, "vehicle.md", fleetPage("vehicle", vehicleMeta, tt.rows, ""))
			got := spec.Drift([]*spec.Spec{csdl}, []*spec.Spec{docs})
			var keys []string
			for _, f := range got {
				if f.Kind == spec.CapabilityConflict {
					keys = append(keys, f.Kind+" "+f.Subject)
				}
			}
			if len(keys) != len(tt.want) {
				t.Fatalf("findings:\n%s\nwant %v", findingLines(got), tt.want)
			}
			for i, w := range tt.want {
				key, part, _ := strings.Cut(w, ": ")
				if keys[i] != key || !strings.Contains(got[slices.IndexFunc(got, func(f spec.Finding) bool { return f.Kind+" "+f.Subject == key })].Reason, part) {
					t.Errorf("finding %d: got\n%s\nwant %s", i, findingLines(got), w)
				}
			}
		})
	}
}

// TestDriftCapabilitiesGraph is a real case: a current docs page of
// device says id supports $filter, and the Graph v1.0 CSDL of July 2021
// annotates its base type directoryObject with Filterable false.
func TestDriftCapabilitiesGraph(t *testing.T) {
	csdlFile := driftSkipWithoutShared(t, "corpus", "csdl", "graph-v1.0-2021-07.xml")
	page := driftSkipWithoutShared(t, "corpus", "graph-docs-current", "v1.0", "device.md")
	got, _, err := load.Drift(csdlFile, page)
	if err != nil {
		t.Fatal(err)
	}
	var caps []spec.Finding
	for _, f := range got {
		if f.Kind == spec.CapabilityConflict {
			caps = append(caps, f)
		}
	}
	if len(caps) != 1 {
		t.Fatalf("capability findings:\n%s", findingLines(caps))
	}
	f := caps[0]
	if f.Subject != "microsoft.graph.device/id" || filepath.Base(f.Pos.File) != "device.md" || f.Other.File != csdlFile || f.Other.Line == 0 ||
		f.Reason != "the docs say it supports $filter; the CSDL's FilterRestrictions on type microsoft.graph.directoryObject say Filterable false" {
		t.Errorf("finding %v", f)
	}
}

// FuzzDriftCapabilities compares a fuzzed docs page with a fuzzed CSDL
// document (seeded with the rental fixtures): Drift never panics, and its
// findings are sorted, unique, positioned on both sides and one line each,
// whatever paths and nesting the Capabilities annotations hold.
func FuzzDriftCapabilities(f *testing.F) {
	csdlSrc, err := os.ReadFile(filepath.Join(driftCaps, "rental.xml"))
	if err != nil {
		f.Fatal(err)
	}
	for _, name := range []string{"car.md", "van.md", "person.md", "branch.md"} {
		page, err := os.ReadFile(filepath.Join(driftCaps, name))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(page, csdlSrc)
	}
	f.Fuzz(func(t *testing.T, page, src []byte) {
		docs, _, err := markdown.Read("page.md", page)
		if err != nil {
			return
		}
		cs, _, err := csdl.Read("rental.xml", src)
		if err != nil {
			return
		}
		got := spec.Drift([]*spec.Spec{cs}, []*spec.Spec{docs})
		for i, fd := range got {
			if i > 0 && spec.CompareFindings(got[i-1], fd) >= 0 {
				t.Fatalf("findings out of order or repeated: %v, %v", got[i-1], fd)
			}
			if !fd.Pos.IsValid() || !fd.Other.IsValid() || fd.Subject == "" || fd.Kind == "" {
				t.Fatalf("incomplete finding %#v", fd)
			}
			if strings.ContainsAny(fd.Reason, "\n\r") {
				t.Fatalf("multi-line reason %q", fd.Reason)
			}
		}
		if again := spec.Drift([]*spec.Spec{cs}, []*spec.Spec{docs}); !slices.Equal(again, got) {
			t.Fatal("Drift is not deterministic")
		}
	})
}
