package yamlspec

import (
	"bytes"
	"reflect"
	"strings"
	"testing"

	"github.com/odatagen/odatagen/spec"
)

// querySpec has one property per form of the query key.
func querySpec() *spec.Spec {
	prop := func(name string, q *spec.QuerySupport) *spec.Property {
		return &spec.Property{Name: name, Type: spec.TypeRef{Name: "Edm.String"}, Nullable: true, Query: q}
	}
	return &spec.Spec{Types: []*spec.StructuredType{{
		Kind: spec.EntityKind, Namespace: "n", Name: "user",
		Properties: []*spec.Property{
			prop("displayName", &spec.QuerySupport{Options: []spec.QueryOption{spec.OptOrderBy, spec.OptSearch}, Returned: spec.ReturnedByDefault}),
			prop("signInActivity", &spec.QuerySupport{Returned: spec.ReturnedOnSelect}),
			prop("mail", &spec.QuerySupport{Options: spec.QueryOptions}),
			prop("plain", nil),
		},
		NavigationProperties: []*spec.Property{
			{Name: "manager", Type: spec.TypeRef{Name: "n.user"}, Nullable: true, Query: &spec.QuerySupport{Options: []spec.QueryOption{spec.OptExpand}}},
		},
	}}}
}

func TestYAMLQueryRoundTrip(t *testing.T) {
	s := querySpec()
	roundTrip(t, "query", s)
	out, _ := Write(s)
	for _, want := range []string{
		"            query: {options: [$orderby, $search], returned: default}\n",
		"          - name: signInActivity\n            type: Edm.String\n            query: {returned: select}\n",
		"            query: {options: [$orderby, $select, $search, $count, $expand]}\n",
		"          - name: plain\n            type: Edm.String\n        navigationProperties:\n",
		"query: {options: [$expand]}",
	} {
		if !bytes.Contains(out, []byte(want)) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	if n := bytes.Count(out, []byte("query:")); n != 4 {
		t.Errorf("%d query keys, want 4:\n%s", n, out)
	}
}

func TestYAMLQueryRead(t *testing.T) {
	const head = "namespaces:\n  - name: n\n    types:\n      - name: t\n        properties:\n          - name: a\n            type: Edm.String\n"
	s, err := Read("f.yaml", []byte(head+"            query: {options: [Search, orderBy, count], returned: select}\n"+
		"          - {name: b, type: Edm.String, query: {}}\n"))
	if err != nil {
		t.Fatal(err)
	}
	a, b := s.Types[0].Properties[0], s.Types[0].Properties[1]
	if a.Query == nil || !reflect.DeepEqual(a.Query.Options, []spec.QueryOption{spec.OptOrderBy, spec.OptSearch, spec.OptCount}) ||
		!a.Query.SelectOnly() || a.Query.Pos.String() != "f.yaml:8:20" {
		t.Errorf("query reads as %+v", a.Query)
	}
	if b.Query != nil {
		t.Errorf("query: {} reads as %+v, want nil", b.Query)
	}
	for _, tc := range []struct{ name, src, want string }{
		{"unknown option", "            query: {options: [$orderby, $top]}\n", `f.yaml:8:41: unknown query option "$top"`},
		{"filter as option", "            query: {options: [$filter]}\n", `f.yaml:8:31: unknown query option "$filter"`},
		{"repeated option", "            query: {options: [$orderby, orderby]}\n", `f.yaml:8:41: query option "orderby" repeated`},
		{"bad returned", "            query: {returned: always}\n", `f.yaml:8:31: query returned: want default or select, got "always"`},
		{"unknown key", "            query: {sort: true}\n", `f.yaml:8:21: query: unknown key "sort" (want one of options, returned)`},
		{"not a mapping", "            query: [$orderby]\n", `f.yaml:8:20: query: want a mapping`},
		{"option not a string", "            query: {options: [[x]]}\n", `f.yaml:8:31: query option: want a string`},
	} {
		_, err := Read("f.yaml", []byte(head+tc.src))
		if err == nil || !strings.HasPrefix(err.Error(), tc.want) {
			t.Errorf("%s: got %v, want %s...", tc.name, err, tc.want)
		}
	}
}
