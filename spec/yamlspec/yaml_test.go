package yamlspec

import (
	"bytes"
	"fmt"
	"os"
	"reflect"
	"strings"
	"testing"

	"github.com/odatagen/odatagen/internal/golden"
	"github.com/odatagen/odatagen/internal/spectest"
	"github.com/odatagen/odatagen/spec"
)

// roundTrip writes s, reads it back and reports a difference (positions
// aside).
func roundTrip(t *testing.T, name string, s *spec.Spec) *spec.Spec {
	t.Helper()
	out, err := Write(s)
	if err != nil {
		t.Fatalf("%s: Write: %v", name, err)
	}
	back, err := Read(name+".yaml", out)
	if err != nil {
		t.Fatalf("%s: Read of written YAML: %v\n%s", name, err, out)
	}
	if d := spectest.Diff(spectest.ClearPos(back), s); d != "" {
		t.Fatalf("%s: round trip changed the spec: %s\n%s", name, d, out)
	}
	return back
}

func TestYAMLRoundTripEveryField(t *testing.T) {
	s := spectest.FullSpec()
	roundTrip(t, "full", s)
	out, _ := Write(s)
	// The minimal form: defaults stay out, block scalars are used.
	for _, want := range []string{
		"      - name: entity\n        kind: entity\n        abstract: true\n        key: [id]\n",
		"          - name: id\n            type: Edm.String\n            nullable: false\n            readOnly: true\n",
		"filter: {ops: [eq, gt, in], null: true}",
		`default: ""`,
		"filter: {count: true}",
		"            default: true\n            filter: {}\n",
		"type: Collection(Edm.String)",
		"description: |\n          A widget: it has parts.\n          Second line with  two spaces.\n",
		"description: >-\n              A long description that goes on and on, A long description that\n              goes on and on,",
		"default: 0\n", "default: null\n", "default: true\n",
		"          - red\n          - name: green\n            description: Grass.\n          - {name: blue, value: 5}\n",
		"- {name: read, value: 1}",
		"sentinel: \"\"\n", "sentinel: stop\n",
		"      - {name: size, type: Edm.Int32, required: true}\n",
		"  - kind: update\n", // the bare operation
	} {
		if !bytes.Contains(out, []byte(want)) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	if bytes.Count(out, []byte("false")) != bytes.Count(out, []byte("nullable: false\n")) {
		t.Errorf("output has false flags other than nullable:\n%s", out)
	}
	for _, unwanted := range []string{"nullable: true", "value: 0\n", "sentinel: unknownFutureValue", "[]"} {
		if bytes.Contains(out, []byte(unwanted)) {
			t.Errorf("output has %q:\n%s", unwanted, out)
		}
	}
}

func TestYAMLRoundTripNamespaceOrder(t *testing.T) {
	ty := func(ns, name string) *spec.StructuredType {
		return &spec.StructuredType{Kind: spec.ComplexKind, Namespace: ns, Name: name}
	}
	en := func(ns, name string) *spec.EnumType { return &spec.EnumType{Namespace: ns, Name: name} }
	td := func(ns, name string) *spec.TypeDef {
		return &spec.TypeDef{Namespace: ns, Name: name, UnderlyingType: "Edm.String"}
	}
	s := &spec.Spec{
		Types:    []*spec.StructuredType{ty("a", "t1"), ty("b", "t2"), ty("a", "t3"), ty("", "t4")},
		Enums:    []*spec.EnumType{en("b", "e1"), en("a", "e2"), en("c", "e3"), en("b", "e4")},
		TypeDefs: []*spec.TypeDef{td("c", "d1"), td("a", "d2")},
	}
	roundTrip(t, "order", s)
	// One namespace gives one group.
	one := &spec.Spec{Types: []*spec.StructuredType{ty("a", "t1")}, Enums: []*spec.EnumType{en("a", "e1")}, TypeDefs: []*spec.TypeDef{td("a", "d1")}}
	out, _ := Write(one)
	if n := bytes.Count(out, []byte("- name: a\n")); n != 1 {
		t.Errorf("want one namespace group, got %d:\n%s", n, out)
	}
	roundTrip(t, "empty", &spec.Spec{})
}

func TestYAMLSeedFile(t *testing.T) {
	src, err := os.ReadFile("../../testdata/cloudpcexternalpartner.yaml")
	if err != nil {
		t.Fatal(err)
	}
	s, err := Read("cloudpcexternalpartner.yaml", src)
	if err != nil {
		t.Fatal(err)
	}
	// The file is in the writer's canonical form.
	out, err := Write(s)
	if err != nil {
		t.Fatal(err)
	}
	if golden.Update() && !bytes.Equal(out, src) {
		if err := os.WriteFile("../../testdata/cloudpcexternalpartner.yaml", out, 0o644); err != nil {
			t.Fatal(err)
		}
		src = out
	}
	if !bytes.Equal(out, src) {
		t.Errorf("Write(Read(seed)) differs from the seed file (go test -update rewrites it):\n%s", out)
	}
	if len(s.Types) != 2 || len(s.Enums) != 1 || len(s.Operations) != 2 {
		t.Fatalf("got %d types, %d enums, %d operations", len(s.Types), len(s.Enums), len(s.Operations))
	}
	ent, cp := s.Types[0], s.Types[1]
	if ent.QualifiedName() != "microsoft.graph.entity" || !ent.Abstract || ent.Kind != spec.EntityKind ||
		len(ent.Properties) != 1 || ent.Properties[0].Nullable || !ent.Properties[0].ReadOnly {
		t.Errorf("entity: %+v", ent)
	}
	if cp.QualifiedName() != "microsoft.graph.cloudPcExternalPartner" || cp.BaseType != "microsoft.graph.entity" ||
		!reflect.DeepEqual(cp.Key, []string{"id"}) {
		t.Errorf("cloudPcExternalPartner: %+v", cp)
	}
	var names []string
	for _, p := range cp.Properties {
		names = append(names, p.Name)
	}
	if got := strings.Join(names, " "); got != "id partnerId enableConnection lastSyncDateTime connectionStatus statusDetails" {
		t.Errorf("properties %s", got)
	}
	if p := cp.Property("partnerId"); !p.ReadOnly || p.Required || p.Pos.String() != "cloudpcexternalpartner.yaml:25:13" {
		t.Errorf("partnerId: %+v", p)
	}
	if p := cp.Property("enableConnection"); !p.Required || p.ReadOnly || p.Type.Name != "Edm.Boolean" ||
		!p.Filter.Allows(spec.OpEq) || p.Filter.Allows(spec.OpNe) || p.Filter.Pos.String() != "cloudpcexternalpartner.yaml:34:21" {
		t.Errorf("enableConnection: %+v %+v", p, p.Filter)
	}
	if p := cp.Property("connectionStatus"); p.Default == nil || *p.Default != "available" ||
		p.Type.Name != "microsoft.graph.cloudPcExternalPartnerStatus" || !p.ReadOnly {
		t.Errorf("connectionStatus: %+v", p)
	}
	if p := cp.Property("lastSyncDateTime"); p.Type.Name != "Edm.DateTimeOffset" || !p.Nullable || p.ReadOnly {
		t.Errorf("lastSyncDateTime: %+v", p)
	}
	e := s.Enums[0]
	var members []string
	for i, m := range e.Members {
		members = append(members, fmt.Sprintf("%s=%d", m.Name, m.Value))
		if m.Value != int64(i) {
			t.Errorf("member %s value %d", m.Name, m.Value)
		}
	}
	if got := strings.Join(members, " "); got != "notAvailable=0 available=1 healthy=2 unhealthy=3 unknownFutureValue=4" || e.Sentinel != spec.SentinelName {
		t.Errorf("enum: %s, sentinel %q", got, e.Sentinel)
	}
	c, u := s.Operations[0], s.Operations[1]
	if c.Kind != spec.Create || c.Method != "POST" || c.Path != "/deviceManagement/virtualEndpoint/externalPartners" ||
		len(c.Body) != 2 || !c.Body[0].Required || !c.Body[1].Required || c.Body[1].Name != "partnerId" ||
		c.Body[1].Pos.String() != "cloudpcexternalpartner.yaml:69:9" {
		t.Errorf("create: %+v %+v", c, c.Body)
	}
	if u.Kind != spec.Update || u.Method != "PATCH" || len(u.Body) != 1 || u.Body[0].Required || u.Body[0].Name != "enableConnection" {
		t.Errorf("update: %+v", u)
	}
}

func TestYAMLErrors(t *testing.T) {
	const ns = "namespaces:\n  - name: n\n    types:\n"
	for _, tc := range []struct{ name, src, err string }{
		{"syntax", "namespaces: [\n", "f.yaml:1: did not find expected node content"},
		{"two documents", "{}\n---\n{}\n", "f.yaml:2:1: a spec file holds one YAML document"},
		{"top level list", "- a\n", "f.yaml:1:1: spec: want a mapping, got a list"},
		{"unknown top key", "namespace: []\n", `f.yaml:1:1: spec: unknown key "namespace" (want one of namespaces, operations, entitySets, container)`},
		{"repeated key", "operations: []\noperations: []\n", `f.yaml:2:1: spec: key "operations" repeated (first at line 1)`},
		{"namespaces not a list", "namespaces: x\n", `f.yaml:1:13: namespaces: want a list, got "x"`},
		{"alias", "namespaces: &a []\noperations: *a\n", "f.yaml:1:13: anchors are not supported in spec files"},
		{"unknown type key", ns + "      - name: t\n        kind: entity\n        colour: red\n",
			`f.yaml:6:9: type: unknown key "colour" (want one of name, kind, baseType, abstract, open, key, description, properties, navigationProperties, capabilities, inheritedNavigation, sources)`},
		{"missing type name", ns + "      - kind: entity\n", "f.yaml:4:9: type: missing name"},
		{"empty type name", ns + "      - name: ''\n", "f.yaml:4:15: type: name must not be empty"},
		{"unknown kind", ns + "      - name: t\n        kind: Entity\n", `f.yaml:5:15: unknown kind "Entity" (want entity or complex)`},
		{"bad bool", ns + "      - name: t\n        abstract: yes\n", `f.yaml:5:19: abstract: want true or false, got "yes"`},
		{"quoted bool", ns + "      - name: t\n        open: 'true'\n", `f.yaml:5:15: open: want true or false, got "true"`},
		{"bad base type", ns + "      - name: t\n        baseType: a b\n", `f.yaml:5:19: baseType: bad type "a b": want a name like Edm.String or Collection(microsoft.graph.x)`},
		{"duplicate type", ns + "      - name: t\n      - name: T\n", `f.yaml:5:15: duplicate type name "n.T" (first declared at f.yaml:4:15)`},
		{"type and enum share a name", ns + "      - name: t\n    enums:\n      - name: t\n", `f.yaml:6:15: duplicate type name "n.t" (first declared at f.yaml:4:15)`},
		{"duplicate property", ns + "      - name: t\n        properties:\n          - {name: a, type: Edm.String}\n        navigationProperties:\n          - {name: A, type: n.t}\n",
			`f.yaml:8:13: duplicate property "A" (first at line 6)`},
		{"property without type", ns + "      - name: t\n        properties:\n          - name: a\n", "f.yaml:6:13: property a: missing type"},
		{"bad type string", ns + "      - name: t\n        properties:\n          - {name: a, type: Collection(Edm.String}\n",
			`f.yaml:6:29: type: bad collection type "Collection(Edm.String"`},
		{"unknown Edm type", ns + "      - name: t\n        properties:\n          - {name: a, type: Edm.string}\n",
			`f.yaml:6:29: type: unknown Edm type "Edm.string" (did you mean Edm.String?)`},
		{"nested collection", ns + "      - name: t\n        properties:\n          - {name: a, type: Collection(Collection(Edm.String))}\n",
			`f.yaml:6:29: type: bad type "Collection(Edm.String)": want a name like Edm.String or Collection(microsoft.graph.x)`},
		{"unknown filter op", ns + "      - name: t\n        properties:\n          - name: a\n            type: Edm.String\n            filter: {ops: [eq, like]}\n",
			`f.yaml:8:32: unknown filter operator "like"`},
		{"repeated filter op", ns + "      - name: t\n        properties:\n          - name: a\n            type: Edm.String\n            filter: {ops: [eq, EQ]}\n",
			`f.yaml:8:32: filter operator "EQ" repeated`},
		{"unknown filter key", ns + "      - name: t\n        properties:\n          - name: a\n            type: Edm.String\n            filter: {op: [eq]}\n",
			`f.yaml:8:22: filter: unknown key "op" (want one of ops, null, count)`},
		{"filter not a mapping", ns + "      - name: t\n        properties:\n          - name: a\n            type: Edm.String\n            filter: true\n",
			`f.yaml:8:21: filter: want a mapping, got "true"`},
		{"bad max length", ns + "      - name: t\n        properties:\n          - {name: a, type: Edm.String, maxLength: ten}\n",
			`f.yaml:6:52: maxLength: want an integer, got "ten"`},
		{"default list", ns + "      - name: t\n        properties:\n          - {name: a, type: Edm.String, default: [x]}\n",
			`f.yaml:6:50: default: want a literal, got a list`},
		{"enum underlying", "namespaces:\n  - name: n\n    enums:\n      - name: e\n        underlyingType: Edm.String\n",
			`f.yaml:5:25: underlyingType: "Edm.String" is not one of Edm.Byte, Edm.SByte, Edm.Int16, Edm.Int32, Edm.Int64`},
		{"duplicate member", "namespaces:\n  - name: n\n    enums:\n      - name: e\n        members: [a, b, A]\n",
			`f.yaml:5:25: duplicate member "A" (first at line 5)`},
		{"flags member without value", "namespaces:\n  - name: n\n    enums:\n      - name: e\n        flags: true\n        members: [a]\n",
			"f.yaml:6:19: member a of flags enum e needs a value"},
		{"bad member value", "namespaces:\n  - name: n\n    enums:\n      - name: e\n        members: [{name: a, value: 1.5}]\n",
			`f.yaml:5:36: value: want an integer, got "1.5"`},
		{"sentinel not a member", "namespaces:\n  - name: n\n    enums:\n      - name: e\n        sentinel: x\n        members: [a]\n",
			`f.yaml:5:19: sentinel "x" is not a member of e`},
		{"operation kind", "operations:\n  - kind: delete\n", `f.yaml:2:11: unknown operation kind "delete" (want create or update)`},
		{"operation without kind", "operations:\n  - type: n.t\n", "f.yaml:2:5: operation: missing kind (create or update)"},
		{"duplicate body property", "operations:\n  - kind: create\n    body: [{name: a}, {name: a}]\n",
			`f.yaml:3:23: duplicate body property "a" (first at line 3)`},
		{"body property type", "operations:\n  - kind: create\n    body: [{name: a, type: 'Edm.Strin'}]\n",
			`f.yaml:3:28: type: unknown Edm type "Edm.Strin"`},
		{"duplicate entity set", "entitySets:\n  - {name: a, type: n.t}\n  - {name: a, type: n.t, singleton: true}\n",
			`f.yaml:3:5: duplicate entity set "a" (first at line 2)`},
		{"namespace with space", "namespaces:\n  - name: a b\n", `f.yaml:2:11: namespace name: bad namespace "a b"`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s, err := Read("f.yaml", []byte(tc.src))
			if err == nil {
				t.Fatalf("no error; got %+v", s)
			}
			if err.Error() != tc.err {
				t.Errorf("error\n got %s\nwant %s", err, tc.err)
			}
			if _, ok := err.(*spec.Error); !ok {
				t.Errorf("error is %T, want *Error", err)
			}
		})
	}
}

func TestYAMLAccepts(t *testing.T) {
	for _, tc := range []struct{ name, src string }{
		{"empty", ""},
		{"null", "~\n"},
		{"empty mapping", "{}\n"},
		{"comments only", "# nothing\n"},
		{"null lists", "namespaces:\noperations:\nentitySets:\n"},
	} {
		s, err := Read("f.yaml", []byte(tc.src))
		if err != nil || len(s.Types)+len(s.Operations)+len(s.EntitySets) != 0 {
			t.Errorf("%s: %v %+v", tc.name, err, s)
		}
	}
	// Hand-written variations that read as the canonical form.
	s, err := Read("f.yaml", []byte(`namespaces:
  - name: n
    enums:
      - name: e
        members:
          - a
          - {name: b}
          - name: c
            value: 0x10
    types:
      - name: t
        properties:
          - name: p
            type: " Collection( Edm.String ) "
            nullable: true
            filter: {ops: [Contains, eq], count: false}
          - {name: q, type: Edm.Int32, filter: {}}
`))
	if err != nil {
		t.Fatal(err)
	}
	e, p := s.Enums[0], s.Types[0].Properties[0]
	if e.Members[1].Value != 1 || e.Members[2].Value != 16 {
		t.Errorf("members %+v %+v", e.Members[1], e.Members[2])
	}
	if p.Type != (spec.TypeRef{Name: "Edm.String", Collection: true}) || !p.Nullable ||
		!reflect.DeepEqual(p.Filter.Ops, []spec.FilterOp{spec.OpEq, spec.OpContains}) || p.Filter.Count {
		t.Errorf("property %+v filter %+v", p, p.Filter)
	}
	if q := s.Types[0].Properties[1]; q.Filter == nil || q.Filter.Ops != nil || !q.Filter.Allows(spec.OpGt) {
		t.Errorf("filter: {} reads as %+v", q.Filter)
	}
	if s.Types[0].Pos.String() != "f.yaml:11:9" || e.Members[0].Pos.String() != "f.yaml:6:13" || p.Pos.String() != "f.yaml:13:13" {
		t.Errorf("positions: type %s member %s property %s", s.Types[0].Pos, e.Members[0].Pos, p.Pos)
	}
}

func TestWriteNil(t *testing.T) {
	for _, s := range []*spec.Spec{
		nil,
		{Types: []*spec.StructuredType{nil}},
		{Types: []*spec.StructuredType{{Name: "t", Properties: []*spec.Property{nil}}}},
		{Enums: []*spec.EnumType{{Name: "e", Members: []*spec.EnumMember{nil}}}},
		{Operations: []*spec.Operation{{Kind: spec.Create, Body: []*spec.BodyProperty{nil}}}},
		{EntitySets: []*spec.EntitySet{nil}},
	} {
		if _, err := Write(s); err == nil {
			t.Errorf("Write(%+v): no error", s)
		}
	}
}

func FuzzRead(f *testing.F) {
	if src, err := os.ReadFile("../../testdata/cloudpcexternalpartner.yaml"); err == nil {
		f.Add(src)
	}
	if out, err := Write(spectest.FullSpec()); err == nil {
		f.Add(out)
	}
	if out, err := Write(querySpec()); err == nil {
		f.Add(out)
	}
	if out, err := WriteWith(sourcesSpec(), WriteOptions{Sources: true}); err == nil {
		f.Add(out)
	}
	f.Add([]byte("namespaces:\n  - name: n\n    enums:\n      - name: e\n        flags: true\n        members: [{name: a, value: 1}]\n"))
	f.Add([]byte("operations:\n  - kind: create\n    body: [{name: a, description: \"x\\ny\"}]\n"))
	f.Add([]byte("operations:\n  - kind: create\n    body:\n      - name: \"0\"\n        description: |2+\n\n"))
	f.Add([]byte("namespaces:\n  - types:\n      - name: \"\\n0\"\n"))
	f.Fuzz(func(t *testing.T, src []byte) {
		s, err := Read("f.yaml", src)
		if err != nil {
			if _, ok := err.(*spec.Error); !ok {
				t.Fatalf("error %T %v is not *Error", err, err)
			}
			return
		}
		out, err := Write(s)
		if err != nil {
			t.Fatalf("Write of an accepted spec: %v", err)
		}
		back, err := Read("g.yaml", out)
		if err != nil {
			t.Fatalf("Read of written YAML: %v\n%s", err, out)
		}
		// With the sources of what was read (its own positions), the
		// output reads back to the same spec: Read ignores them.
		withSources, err := WriteWith(s, WriteOptions{Sources: true})
		if err != nil {
			t.Fatalf("WriteWith Sources of an accepted spec: %v", err)
		}
		back2, err := Read("h.yaml", withSources)
		if err != nil {
			t.Fatalf("Read of YAML written with sources: %v\n%s", err, withSources)
		}
		if d := spectest.Diff(spectest.ClearPos(back), spectest.ClearPos(s)); d != "" {
			t.Fatalf("round trip: %s\n%s", d, out)
		}
		if d := spectest.Diff(spectest.ClearPos(back2), s); d != "" {
			t.Fatalf("round trip with sources: %s\n%s", d, withSources)
		}
	})
}

// TestDefaultWithLineBreak: a default value with a line break survives the
// round trip (it was written as "").
func TestDefaultWithLineBreak(t *testing.T) {
	def := "line one\nline two"
	s := &spec.Spec{Types: []*spec.StructuredType{{Kind: spec.ComplexKind, Namespace: "ns", Name: "t",
		Properties: []*spec.Property{{Name: "p", Type: spec.TypeRef{Name: "Edm.String"}, Nullable: true, Default: &def}}}}}
	back := roundTrip(t, "default", s)
	if got := back.Types[0].Properties[0].Default; got == nil || *got != def {
		t.Errorf("default read back as %v, want %q", got, def)
	}
}
