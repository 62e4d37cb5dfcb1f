package generator

import (
	"bytes"
	"maps"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/odatagen/odatagen/spec"
	"github.com/odatagen/odatagen/spec/yamlspec"
	"github.com/odatagen/odatagen/validate/query"
)

// docsQuerySpec: what docs pages say of query options, per property. The
// user page lists its sortable properties; the group page does too, but
// the CSDL's SortRestrictions on groups speak for sorting there.
const docsQuerySpec = `namespaces:
  - name: ns
    types:
      - name: entity
        kind: entity
        key: [id]
        properties:
          - {name: id, type: Edm.String, nullable: false}
      - name: user
        kind: entity
        baseType: ns.entity
        properties:
          - name: displayName
            type: Edm.String
            filter: {ops: [eq]}
            query: {options: [$orderby, $search], returned: default}
          - {name: createdDateTime, type: Edm.DateTimeOffset, query: {options: [$orderby]}}
          - {name: mail, type: Edm.String}
          - {name: kind, type: ns.kind}
          - {name: tags, type: Collection(Edm.String)}
          - {name: address, type: ns.address}
          - {name: signInActivity, type: ns.address, query: {returned: select}}
          - {name: aboutMe, type: Edm.String, query: {options: [$select], returned: select}}
        navigationProperties:
          - {name: manager, type: ns.user, query: {options: [$expand]}}
      - name: employee
        kind: entity
        baseType: ns.user
        properties:
          - {name: badge, type: Edm.String}
      - name: group
        kind: entity
        baseType: ns.entity
        properties:
          - {name: displayName, type: Edm.String, query: {options: [$orderby]}}
          - {name: description, type: Edm.String}
      - name: address
        kind: complex
        properties:
          - {name: city, type: Edm.String}
    enums:
      - {name: kind, members: [a, b]}
entitySets:
  - {name: users, type: ns.user}
  - {name: employees, type: ns.employee}
  - name: groups
    type: ns.group
    capabilities:
      sort: {nonSortableProperties: [displayName]}
`

func TestQueryModelDocsFacts(t *testing.T) {
	s, err := yamlspec.Read("docs.yaml", []byte(docsQuerySpec))
	if err != nil {
		t.Fatal(err)
	}
	m, err := QueryModel(s)
	if err != nil {
		t.Fatal(err)
	}
	if err := m.Validate(); err != nil {
		t.Fatalf("Validate: %v", err)
	}
	got := map[string]query.Property{}
	for k, p := range m.Properties {
		if p.Type+"/"+p.Name != k {
			t.Errorf("key %s holds %s/%s", k, p.Type, p.Name)
		}
		got[k] = query.Property{Select: p.Select, Sort: p.Sort, Expand: p.Expand, SelectOnly: p.SelectOnly}
	}
	want := map[string]query.Property{
		// The user page lists what sorts: the rest of its single-valued
		// primitive and enum properties, inherited id too, do not.
		"ns.user/displayName":     {Sort: query.True},
		"ns.user/createdDateTime": {Sort: query.True},
		"ns.user/mail":            {Sort: query.False},
		"ns.user/kind":            {Sort: query.False},
		"ns.user/id":              {Sort: query.False},
		"ns.user/signInActivity":  {Select: query.True, SelectOnly: true},
		"ns.user/aboutMe":         {Select: query.True, Sort: query.False, SelectOnly: true},
		"ns.user/manager":         {Expand: query.True},
		// employee's page says nothing of $orderby: the user's list
		// stands for it too, through the base chain for what it inherits
		// and with an entry for its own property.
		"ns.employee/badge": {Sort: query.False},
		// id is declared by entity, whose page lists nothing: employee
		// needs an entry for the builders, which look there second.
		"ns.employee/id": {Sort: query.False},
		// groups: the CSDL's SortRestrictions win, so the docs' $orderby
		// is not used.
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Properties:\n got %v\nwant %v", got, want)
	}
	// The typed builders look a fact up on the type and then on the type
	// that first declares the property, the checker along the base chain:
	// both find the same, so builder output passes the check.
	rm, _, err := spec.Resolve(s, spec.ResolveOptions{})
	if err != nil {
		t.Fatal(err)
	}
	for _, ty := range rm.Types {
		for _, p := range ty.Props {
			if p.Nav || p.Type.Collection || rm.Type(p.Type.Name) != nil {
				continue
			}
			f := m.Properties[ty.QualifiedName()+"/"+p.Name]
			if f == nil {
				f = m.Properties[p.DeclaredBy.QualifiedName()+"/"+p.Name]
			}
			builder := f == nil || f.Sort != query.False
			_, err := query.CheckType(m, ty.QualifiedName(), "$orderby="+p.Name)
			if builder != (err == nil) {
				t.Errorf("%s/%s: the builder has it %v, the check says %v", ty.QualifiedName(), p.Name, builder, err)
			}
		}
	}
	for _, tc := range []struct{ path, q, err string }{
		{"/users", "$orderby=displayName desc,createdDateTime", ""},
		{"/users", "$orderby=mail", "mail cannot be used in $orderby (the property is not sortable)"},
		{"/users", "$orderby=id", "id cannot be used in $orderby"},
		{"/users", "$orderby=address/city", ""}, // complex: the page says nothing of its members
		{"/users", "$select=aboutMe,signInActivity&$expand=manager", ""},
		{"/employees", "$orderby=displayName", ""},
		{"/employees", "$orderby=badge", "badge cannot be used in $orderby"},
		{"/employees", "$orderby=mail", "mail cannot be used in $orderby"},
		{"/groups", "$orderby=description", ""}, // the docs would refuse it; the CSDL speaks
		{"/groups", "$orderby=displayName", "displayName cannot be used in $orderby on /groups (SortRestrictions NonSortableProperties)"},
	} {
		_, err := query.Check(m, tc.path, tc.q)
		switch {
		case tc.err == "" && err != nil:
			t.Errorf("%s?%s: %v", tc.path, tc.q, err)
		case tc.err != "" && (err == nil || !strings.Contains(err.Error(), tc.err)):
			t.Errorf("%s?%s: got %v, want %q", tc.path, tc.q, err, tc.err)
		}
	}
}

// TestQueryModelCSDLSortWins: a SortRestrictions term on the type, on a
// navigation property leading to it, or on the container turns the docs'
// $orderby list off for that type.
func TestQueryModelCSDLSortWins(t *testing.T) {
	for _, tc := range []struct{ name, old, new string }{
		{"type", "        baseType: ns.entity\n        properties:\n          - name: displayName\n",
			"        baseType: ns.entity\n        capabilities:\n          sort: {sortable: true}\n        properties:\n          - name: displayName\n"},
		{"navigation property", "          - {name: description, type: Edm.String}\n",
			"          - {name: description, type: Edm.String}\n        navigationProperties:\n          - {name: owners, type: Collection(ns.user), capabilities: {sort: {nonSortableProperties: [mail]}}}\n"},
		{"set path", "          - {name: description, type: Edm.String}\n",
			"          - {name: description, type: Edm.String}\n        navigationProperties:\n          - {name: owners, type: Collection(ns.user)}\n"},
		{"navigation restriction", "  - {name: users, type: ns.user}\n",
			"  - name: users\n    type: ns.user\n    capabilities:\n      navigation: {restrictedProperties: [{navigationProperty: manager, sort: {sortable: false}}]}\n"},
		{"container", "entitySets:\n", "container:\n  sort: {sortable: true}\nentitySets:\n"},
	} {
		src := strings.Replace(docsQuerySpec, tc.old, tc.new, 1)
		if tc.name == "set path" {
			src += "    paths:\n      - path: owners\n        capabilities: {sort: {sortable: true}}\n"
		}
		if src == docsQuerySpec {
			t.Fatalf("%s: the spec is unchanged", tc.name)
		}
		s, err := yamlspec.Read("docs.yaml", []byte(src))
		if err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		m, err := QueryModel(s)
		if err != nil {
			t.Fatal(err)
		}
		for _, k := range slices.Sorted(maps.Keys(m.Properties)) {
			if p := m.Properties[k]; p.Sort != query.Default && (strings.HasPrefix(k, "ns.user/") || strings.HasPrefix(k, "ns.employee/")) {
				t.Errorf("%s: %s has Sort %v", tc.name, k, p.Sort)
			}
		}
		if p := m.Properties["ns.user/aboutMe"]; p == nil || !p.SelectOnly {
			t.Errorf("%s: aboutMe %+v: the other facts stay", tc.name, p)
		}
		if _, err := query.Check(m, "/users", "$orderby=jobTitle"); err == nil {
			t.Errorf("%s: an unknown property sorts", tc.name)
		}
	}
}

// TestDocsQueryComment: the field doc comment states the query options
// and "Returned only on $select."
func TestDocsQueryComment(t *testing.T) {
	s, err := yamlspec.Read("docs.yaml", []byte(docsQuerySpec))
	if err != nil {
		t.Fatal(err)
	}
	res, err := Generate(s, Options{Package: "docsq", Source: "docs.yaml"})
	if err != nil {
		t.Fatal(err)
	}
	var types []byte
	for _, f := range res.Files {
		if f.Name == "types.go" {
			types = f.Data
		}
	}
	for _, want := range []string{
		"Nullable. $filter: eq. $orderby, $search.\n\tDisplayName ",
		"Nullable. $orderby.\n\tCreatedDateTime ",
		"Nullable. $select. Returned only on $select.\n\tAboutMe ",
		"Returned only on $select.\n\tSignInActivity ",
		"see UserKind.\n\tManager ", // $expand: the first sentence says it
	} {
		if !bytes.Contains(types, []byte(want)) {
			t.Errorf("types.go lacks %q:\n%s", want, types)
		}
	}
	// The typed $orderby builder holds what the docs list, no more.
	var q []byte
	for _, f := range res.Files {
		if f.Name == "query.go" {
			q = f.Data
		}
	}
	if want := "var UserOrderBy = struct {\n\t_               query.NotComparable\n\tDisplayName     query.Sortable\n\tCreatedDateTime query.Sortable\n}"; !bytes.Contains(q, []byte(want)) {
		t.Errorf("query.go lacks %q:\n%s", want, q)
	}
	if bytes.Contains(types, []byte("default.")) || bytes.Contains(types, []byte("Mail string // $")) {
		t.Errorf("types.go states more than the docs:\n%s", types)
	}
}
