package spec_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/odatagen/odatagen/spec"
)

// TestUntypedJSONAgrees checks that a docs property of type Json (read as
// Edm.Untyped) and a CSDL property of the empty complex type Json are one
// fact: Drift finds no type-mismatch for it (resource page and Update
// page body), Merge warns about nothing in either order and keeps the
// CSDL's Json; while a Json type with a property, a collection against a
// single value, and another docs type are still mismatches.
func TestUntypedJSONAgrees(t *testing.T) {
	schema := func(jsonType string) string {
		return `<EntityType Name="vehicle" BaseType="f.asset">
        <Property Name="settings" Type="f.Json" />
        <Property Name="rows" Type="Collection(f.Json)" />
        <Property Name="extras" Type="f.Json" />
        <Property Name="notes" Type="f.Json" />
      </EntityType>
      ` + jsonType
	}
	page := fleetPage("vehicle", vehicleMeta,
		"|settings|Json|Any settings, as JSON.|\n"+
			"|rows|Json collection|Rows of cells.|\n"+
			"|extras|Json collection|More of it.|\n"+
			"|notes|String|Free text.|", "")
	api := fleetAPI("PATCH", "|settings|Json|New settings.|")
	docs := func(t *testing.T) []*spec.Spec {
		return []*spec.Spec{readMarkdownString(t, "vehicle.md", page), readMarkdownString(t, "vehicle-update.md", api)}
	}
	for _, tc := range []struct {
		name, jsonType string
		want           []string
	}{
		{"empty Json", `<ComplexType Name="Json" />`, []string{
			"type-mismatch demo.fleet.vehicle/extras", // a collection against one value
			"type-mismatch demo.fleet.vehicle/notes",  // String is not any JSON value
		}},
		{"Json with a property", `<ComplexType Name="Json"><Property Name="a" Type="Edm.String" /></ComplexType>`, []string{
			"type-mismatch demo.fleet.vehicle/extras",
			"type-mismatch demo.fleet.vehicle/notes",
			"type-mismatch demo.fleet.vehicle/rows",
			"type-mismatch demo.fleet.vehicle/settings",
			"type-mismatch demo.fleet.vehicle/settings", // the Update page's body
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := readCSDLString(t, "fleet.xml", fleetCSDL(schema(tc.jsonType)))
			var got []string
			for _, k := range findingKeys(spec.Drift([]*spec.Spec{c}, docs(t))) {
				if strings.HasPrefix(k, "type-mismatch") {
					got = append(got, k)
				}
			}
			slices.Sort(got)
			if !slices.Equal(got, tc.want) {
				t.Errorf("drift\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(tc.want, "\n"))
			}
		})
	}
	// Merge, the CSDL first and last: no warning about settings or rows
	// (nor about the Update page's settings), both keep the CSDL's type;
	// extras is still a disagreement.
	c := readCSDLString(t, "fleet.xml", fleetCSDL(schema(`<ComplexType Name="Json" />`)))
	for _, parts := range [][]*spec.Spec{append([]*spec.Spec{c}, docs(t)...), append(docs(t), c)} {
		s, ws := spec.Merge(parts...)
		extras := 0
		for _, w := range ws {
			if strings.Contains(w.Msg, "settings") || strings.Contains(w.Msg, "property rows") {
				t.Errorf("merge warns: %s: %s", w.Pos, w.Msg)
			}
			if strings.Contains(w.Msg, "property extras has type") {
				extras++
			}
		}
		if extras != 1 {
			t.Errorf("merge warns %d times about extras (a collection against one value), want once", extras)
		}
		want := map[string]string{"settings": "demo.fleet.Json", "rows": "Collection(demo.fleet.Json)"}
		for _, ty := range s.Types {
			if ty.Name != "vehicle" {
				continue
			}
			for _, p := range ty.Properties {
				if w, ok := want[p.Name]; ok && p.Type.String() != w {
					t.Errorf("merged %s has type %s, want %s", p.Name, p.Type, w)
				}
			}
		}
	}
}
