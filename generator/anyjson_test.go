package generator

import (
	"strings"
	"testing"

	"github.com/odatagen/odatagen/spec/csdl"
	"github.com/odatagen/odatagen/validate"
	"github.com/odatagen/odatagen/validate/schemaset"
)

// anyJSONCSDL declares microsoft.graph.Json as Microsoft Graph does (an
// empty complex type) and uses it for a range's values.
const anyJSONCSDL = `<edmx:Edmx Version="4.0" xmlns:edmx="http://docs.oasis-open.org/odata/ns/edmx"><edmx:DataServices>
<Schema Namespace="microsoft.graph" xmlns="http://docs.oasis-open.org/odata/ns/edm">
<ComplexType Name="Json"/>
<EntityType Name="workbookRange"><Key><PropertyRef Name="id"/></Key>
<Property Name="id" Type="Edm.String" Nullable="false"/>
<Property Name="values" Type="microsoft.graph.Json"/>
<Property Name="formulas" Type="Collection(microsoft.graph.Json)"/>
</EntityType>
</Schema></edmx:DataServices></edmx:Edmx>`

// TestAnyJSON: a property of microsoft.graph.Json takes any JSON value in
// the schema documents and in the plan alike, and is json.RawMessage in Go.
func TestAnyJSON(t *testing.T) {
	s, _, err := csdl.Read("json.xml", []byte(anyJSONCSDL))
	if err != nil {
		t.Fatal(err)
	}
	docs, err := Schemas(s, SchemaOptions{})
	if err != nil {
		t.Fatal(err)
	}
	set, err := schemaset.New(docs)
	if err != nil {
		t.Fatal(err)
	}
	plan, err := Plan(s, SchemaOptions{})
	if err != nil {
		t.Fatal(err)
	}
	for _, body := range []string{
		`{"values": [["Hello", "100"], [1, true]]}`,
		`{"values": {"a": 1}, "formulas": ["=A1", 2, null, {"x": []}]}`,
		`{"values": "text"}`,
		`{"values": null}`,
	} {
		for name, err := range map[string]error{
			"set":  set.Validate("microsoft.graph.workbookRange", validate.Update, []byte(body)),
			"plan": plan.Validate("microsoft.graph.workbookRange", validate.Update, []byte(body)),
		} {
			if err != nil {
				t.Errorf("%s rejected %s: %v", name, body, err)
			}
		}
	}
	// The type itself stands for any JSON value too.
	for name, err := range map[string]error{
		"set":  set.Validate("microsoft.graph.Json", validate.Read, []byte(`[1, "two"]`)),
		"plan": plan.Validate("microsoft.graph.Json", validate.Read, []byte(`[1, "two"]`)),
	} {
		if err != nil {
			t.Errorf("%s rejected an array as microsoft.graph.Json: %v", name, err)
		}
	}
	// Other properties are still checked.
	if err := plan.Validate("microsoft.graph.workbookRange", validate.Read, []byte(`{"id": 5}`)); err == nil {
		t.Error("a number for id validated")
	}
	res, err := Generate(s, Options{Package: "wb"})
	if err != nil {
		t.Fatal(err)
	}
	src := string(res.Map()["types.go"])
	for _, want := range []string{"Values json.RawMessage `json:\"values,omitempty\"`", "Formulas []json.RawMessage `json:\"formulas,omitzero\"`"} {
		if !strings.Contains(src, want) {
			t.Errorf("types.go lacks %s:\n%s", want, src)
		}
	}
}
