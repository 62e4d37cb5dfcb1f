package spec_test

import (
	"reflect"
	"testing"

	"github.com/odatagen/odatagen/spec"
	"github.com/odatagen/odatagen/spec/yamlspec"
)

// TestMergeQuery: the query option facts of a property are filled from a
// later source where the first states none, and a different statement is
// kept as the first source made it, with a warning at both positions.
func TestMergeQuery(t *testing.T) {
	parts := readParts(t, []yamlPart{
		{"a.yaml", `namespaces:
  - name: ns
    types:
      - name: w
        kind: entity
        properties:
          - {name: a, type: Edm.String}
          - {name: b, type: Edm.String, query: {returned: select}}
          - {name: c, type: Edm.String, query: {options: [$orderby], returned: default}}
          - {name: d, type: Edm.String, query: {options: [$search]}}
`},
		{"b.yaml", `namespaces:
  - name: ns
    types:
      - name: w
        properties:
          - {name: a, type: Edm.String, query: {options: [$orderby]}}
          - {name: b, type: Edm.String, query: {options: [$select, $orderby]}}
          - {name: c, type: Edm.String, query: {options: [$orderby, $search], returned: select}}
          - {name: d, type: Edm.String, query: {options: [$search], returned: default}}
`},
	})
	got, warnings := spec.Merge(parts...)
	out, err := yamlspec.Write(got)
	if err != nil {
		t.Fatal(err)
	}
	want := `namespaces:
  - name: ns
    types:
      - name: w
        kind: entity
        properties:
          - name: a
            type: Edm.String
            query: {options: [$orderby]}
          - name: b
            type: Edm.String
            query: {options: [$orderby, $select], returned: select}
          - name: c
            type: Edm.String
            query: {options: [$orderby], returned: default}
          - name: d
            type: Edm.String
            query: {options: [$search], returned: default}
`
	if string(out) != want {
		t.Errorf("merged:\n%s\nwant:\n%s", out, want)
	}
	var ws []string
	for _, w := range warnings {
		ws = append(ws, w.String())
		if w.Kind != spec.WarnDisagreement || w.Type != "ns.w" {
			t.Errorf("warning %v: kind %v type %q", w, w.Kind, w.Type)
		}
	}
	wantW := []string{
		"b.yaml:8:48: warning: type ns.w: property c supports $orderby, $search here but $orderby first; keeping $orderby (see also a.yaml:9:48)",
		"b.yaml:8:48: warning: type ns.w: property c is returned only on $select here but by default first; keeping by default (see also a.yaml:9:48)",
	}
	if !reflect.DeepEqual(ws, wantW) {
		t.Errorf("warnings:\n%q\nwant\n%q", ws, wantW)
	}
	// The merged facts are copies: changing them leaves the inputs alone.
	got.Types[0].Properties[3].Query.Options[0] = spec.OptCount
	got.Types[0].Properties[0].Query.Returned = spec.ReturnedOnSelect
	if parts[0].Types[0].Properties[3].Query.Options[0] != spec.OptSearch || parts[1].Types[0].Properties[0].Query.Returned != spec.ReturnedUnstated {
		t.Errorf("Merge shares query facts with its inputs")
	}
}
