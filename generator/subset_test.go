package generator

import (
	"strings"
	"testing"

	"github.com/odatagen/odatagen/spec"
	"github.com/odatagen/odatagen/validate"
	"github.com/odatagen/odatagen/validate/schemaset"
)

// TestSubsetAgreesOnDerivedTypes: for each type X of the polymorphism case,
// the package of Options.Types [X] (its schema documents and its
// validation plan) gives every payload of X's derived types the verdict
// that the whole spec's plan gives it, which is what `odatagen validate
// -type X` runs. Before the closure took derived types along, the subset
// rejected "@odata.type": "#example.zoo.dog" as an animal.
func TestSubsetAgreesOnDerivedTypes(t *testing.T) {
	s := readGoldenSpec(t, "polymorphism")
	whole, err := Plan(s, SchemaOptions{})
	if err != nil {
		t.Fatal(err)
	}
	m, warnings, err := spec.Resolve(s, spec.ResolveOptions{})
	if err != nil {
		t.Fatal(err)
	}
	checked := 0
	for _, x := range m.Types {
		xq := x.QualifiedName()
		opts := Options{Package: "p", Types: []string{xq}}
		res, err := Generate(s, opts)
		if err != nil {
			t.Fatal(err)
		}
		schemas := map[string][]byte{}
		for _, f := range res.Files {
			if strings.HasSuffix(f.Name, ".json") {
				schemas[f.Name] = f.Data
			}
		}
		set, err := schemaset.New(schemas)
		if err != nil {
			t.Fatal(err)
		}
		_, sub, _, err := build(m, warnings, opts)
		if err != nil {
			t.Fatal(err)
		}
		subPlan, err := modelPlan(sub, false)
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range m.Types {
			if !derivesFrom(d, x) {
				continue
			}
			for _, body := range []string{
				`{"@odata.type": "#` + d.QualifiedName() + `"}`,
				`{"@odata.type": "#` + d.QualifiedName() + `", "noSuchMember": 1}`,
			} {
				for _, mode := range []validate.Mode{validate.Read, validate.Update} {
					want := whole.Validate(xq, mode, []byte(body))
					if got := subPlan.Validate(xq, mode, []byte(body)); (got == nil) != (want == nil) {
						t.Errorf("-type %s, %s %s: subset plan says %v, whole spec %v", xq, mode, body, got, want)
					}
					if got := set.Validate(xq, mode, []byte(body)); (got == nil) != (want == nil) {
						t.Errorf("-type %s, %s %s: subset schemas say %v, whole spec %v", xq, mode, body, got, want)
					}
					checked++
				}
			}
		}
	}
	if checked < 20 {
		t.Fatalf("checked %d verdicts; the case should have more derived types", checked)
	}
}

// derivesFrom reports whether d is x or derives from it.
func derivesFrom(d, x *spec.Type) bool {
	for ; d != nil; d = d.Base {
		if d == x {
			return true
		}
	}
	return false
}
