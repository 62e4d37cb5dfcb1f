package generator

import (
	"bytes"
	"encoding/json"
	"testing"

	"github.com/odatagen/odatagen/spec"
	"github.com/odatagen/odatagen/validate"
)

// TestSchemaImpliedTypes ties the generator to validate.ImpliedType: the
// schema of every primitive type in validate.ImpliedTypes, nullable or not,
// has no x-odata-type and says its type by itself; every other primitive
// keeps the keyword.
func TestSchemaImpliedTypes(t *testing.T) {
	prims := []string{"Edm.Single", "Edm.Double", "Edm.Stream", "Edm.Untyped", "Edm.GeographyPoint"}
	prims = append(prims, validate.ImpliedTypes...)
	st := &spec.StructuredType{Kind: spec.ComplexKind, Name: "all", Namespace: "ns"}
	for i, p := range prims {
		for _, nullable := range []bool{false, true} {
			st.Properties = append(st.Properties, &spec.Property{
				Name: p[len("Edm."):] + map[bool]string{true: "N"}[nullable], Type: spec.TypeRef{Name: p}, Nullable: nullable,
				Pos: spec.Pos{File: "t.yaml", Line: i + 1},
			})
		}
	}
	files, err := Schemas(&spec.Spec{Types: []*spec.StructuredType{st}}, SchemaOptions{})
	if err != nil {
		t.Fatal(err)
	}
	dec := json.NewDecoder(bytes.NewReader(files[validate.SchemaFile("ns.all", validate.Read)]))
	dec.UseNumber()
	var doc struct {
		Properties map[string]map[string]any `json:"properties"`
	}
	if err := dec.Decode(&doc); err != nil {
		t.Fatal(err)
	}
	implied := map[string]bool{}
	for _, p := range validate.ImpliedTypes {
		implied[p] = true
	}
	for _, p := range st.Properties {
		node := doc.Properties[p.Name]
		if node == nil {
			t.Fatalf("no schema for %s", p.Name)
		}
		kw, hasKW := node[validate.KeywordType]
		got := validate.ImpliedType(node)
		switch {
		case implied[p.Type.Name] && (hasKW || got != p.Type.Name):
			t.Errorf("%s (%s): x-odata-type %v, implied %q; want no keyword and %q implied", p.Name, p.Type.Name, kw, got, p.Type.Name)
		case !implied[p.Type.Name] && (kw != p.Type.Name || got != ""):
			t.Errorf("%s (%s): x-odata-type %v, implied %q; want the keyword and nothing implied", p.Name, p.Type.Name, kw, got)
		}
	}
}
