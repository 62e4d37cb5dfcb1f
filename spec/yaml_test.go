package spec

import (
	"bytes"
	"fmt"
	"os"
	"reflect"
	"strings"
	"testing"
)

func strp(s string) *string { return &s }

// fullSpec uses every field of the model, with texts that need quoting,
// block scalars and folding.
func fullSpec() *Spec {
	return &Spec{
		Types: []*StructuredType{
			{Kind: EntityKind, Name: "entity", Namespace: "microsoft.graph", Abstract: true, Key: []string{"id"},
				Properties: []*Property{{Name: "id", Type: TypeRef{Name: "Edm.String"}, ReadOnly: true}}},
			{Kind: EntityKind, Name: "widget", Namespace: "microsoft.graph", BaseType: "microsoft.graph.entity",
				Open: true, Key: []string{"id", "version"},
				Description: "A widget: it has parts.\nSecond line with  two spaces.\n",
				Properties: []*Property{
					{Name: "size", Type: TypeRef{Name: "Edm.Int32"}, Nullable: true, Required: true,
						Default: strp("0"), Filter: &FilterSupport{Ops: []FilterOp{OpEq, OpGt, OpIn}, Null: true},
						Precision: 10, Scale: -1},
					{Name: "tags", Type: TypeRef{Name: "Edm.String", Collection: true}, Nullable: true,
						Filter: &FilterSupport{Count: true}, MaxLength: 64, Immutable: true, Deprecated: true,
						Description: strings.Repeat("A long description that goes on and on, ", 6) + "and ends."},
					{Name: "color", Type: TypeRef{Name: "microsoft.graph.color"}, Nullable: false, Default: strp("null"),
						Description: "null"},
					{Name: "flag", Type: TypeRef{Name: "Edm.Boolean"}, Nullable: true, Default: strp("true"), Description: "true",
						Filter: &FilterSupport{}},
					{Name: "empty", Type: TypeRef{Name: "Edm.String"}, Nullable: true, Default: strp(""), Description: "#not a comment: really"},
					{Name: "odd", Type: TypeRef{Name: "Edm.String"}, Nullable: true, Default: strp("- a: b"),
						Description: "  leading spaces and a trailing one "},
					{Name: "ctl", Type: TypeRef{Name: "Edm.Binary"}, Nullable: true, Description: "tab\there\x01 and ü " + strings.Repeat("x", 90)},
				},
				NavigationProperties: []*Property{
					{Name: "parts", Type: TypeRef{Name: "microsoft.graph.part", Collection: true}, Nullable: true,
						ContainsTarget: true, Partner: "widget", Description: "The parts."},
				}},
			{Kind: ComplexKind, Name: "address", Namespace: "other.ns"},
			{Name: "unknownKind", Namespace: "microsoft.graph"},
		},
		Enums: []*EnumType{
			{Name: "color", Namespace: "microsoft.graph", Members: []*EnumMember{
				{Name: "red", Value: 0}, {Name: "green", Value: 1, Description: "Grass."}, {Name: "blue", Value: 5},
				{Name: "unknownFutureValue", Value: 6}, {Name: "late", Value: 7}}, Sentinel: "unknownFutureValue",
				Description: "Colors."},
			{Name: "perms", Namespace: "microsoft.graph", UnderlyingType: "Edm.Int64", Flags: true, Members: []*EnumMember{
				{Name: "none", Value: 0}, {Name: "read", Value: 1}, {Name: "write", Value: 2}}},
			{Name: "noSentinel", Namespace: "other.ns", Members: []*EnumMember{{Name: "unknownFutureValue"}}},
			{Name: "otherSentinel", Namespace: "other.ns", Members: []*EnumMember{{Name: "a"}, {Name: "stop", Value: 1}}, Sentinel: "stop"},
			{Name: "empty", Namespace: "microsoft.graph"},
		},
		TypeDefs: []*TypeDef{
			{Name: "money", Namespace: "microsoft.graph", UnderlyingType: "Edm.Decimal", Description: "Cash."},
			{Name: "bare", Namespace: "other.ns"},
		},
		Operations: []*Operation{
			{Kind: Create, Type: "microsoft.graph.widget", Method: "POST", Path: "/widgets", Body: []*BodyProperty{
				{Name: "size", Type: TypeRef{Name: "Edm.Int32"}, Required: true},
				{Name: "tags", Description: "Some tags."},
				{Name: "breaks", Description: "\n"},
				{Name: "indented", Description: "  a\n b\n\n"},
				{Name: "kept", Description: "a\n\n\n"},
			}},
			{Kind: Update, Type: "microsoft.graph.widget", Method: "PATCH", Path: "/widgets/{id}"},
			{Kind: Update},
		},
		EntitySets: []*EntitySet{
			{Name: "widgets", Type: "microsoft.graph.widget"},
			{Name: "me", Type: "microsoft.graph.user", Singleton: true},
			{Name: "\n0", Type: "x"},
		},
	}
}

// clearPos zeroes every position in s, so that specs from different
// sources compare equal, and turns empty lists into nil.
func clearPos(s *Spec) *Spec {
	clearPosValue(reflect.ValueOf(s))
	return s
}

var posType = reflect.TypeOf(Pos{})

func clearPosValue(v reflect.Value) {
	switch v.Kind() {
	case reflect.Pointer:
		if !v.IsNil() {
			clearPosValue(v.Elem())
		}
	case reflect.Slice:
		if v.Len() == 0 && v.CanSet() {
			v.SetZero()
		}
		for i := 0; i < v.Len(); i++ {
			clearPosValue(v.Index(i))
		}
	case reflect.Struct:
		if v.Type() == posType {
			v.SetZero()
			return
		}
		for i := 0; i < v.NumField(); i++ {
			clearPosValue(v.Field(i))
		}
	}
}

// specDiff describes the first difference between a and b, or "".
func specDiff(a, b *Spec) string {
	return valueDiff("spec", reflect.ValueOf(a), reflect.ValueOf(b))
}

func valueDiff(path string, a, b reflect.Value) string {
	if a.Kind() != b.Kind() {
		return fmt.Sprintf("%s: kinds %v vs %v", path, a.Kind(), b.Kind())
	}
	switch a.Kind() {
	case reflect.Pointer:
		if a.IsNil() || b.IsNil() {
			if a.IsNil() != b.IsNil() {
				return fmt.Sprintf("%s: nil %v vs %v", path, a.IsNil(), b.IsNil())
			}
			return ""
		}
		return valueDiff(path, a.Elem(), b.Elem())
	case reflect.Slice:
		if a.Len() != b.Len() {
			return fmt.Sprintf("%s: length %d vs %d", path, a.Len(), b.Len())
		}
		for i := 0; i < a.Len(); i++ {
			if d := valueDiff(fmt.Sprintf("%s[%d]", path, i), a.Index(i), b.Index(i)); d != "" {
				return d
			}
		}
		return ""
	case reflect.Struct:
		for i := 0; i < a.NumField(); i++ {
			if d := valueDiff(path+"."+a.Type().Field(i).Name, a.Field(i), b.Field(i)); d != "" {
				return d
			}
		}
		return ""
	default:
		if !reflect.DeepEqual(a.Interface(), b.Interface()) {
			return fmt.Sprintf("%s: %#v vs %#v", path, a.Interface(), b.Interface())
		}
		return ""
	}
}

// roundTrip writes s, reads it back and reports a difference (positions
// aside).
func roundTrip(t *testing.T, name string, s *Spec) *Spec {
	t.Helper()
	out, err := WriteYAML(s)
	if err != nil {
		t.Fatalf("%s: WriteYAML: %v", name, err)
	}
	back, err := ReadYAML(name+".yaml", out)
	if err != nil {
		t.Fatalf("%s: ReadYAML of written YAML: %v\n%s", name, err, out)
	}
	if d := specDiff(clearPos(back), s); d != "" {
		t.Fatalf("%s: round trip changed the spec: %s\n%s", name, d, out)
	}
	return back
}

func TestYAMLRoundTripEveryField(t *testing.T) {
	s := fullSpec()
	roundTrip(t, "full", s)
	out, _ := WriteYAML(s)
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
	ty := func(ns, name string) *StructuredType {
		return &StructuredType{Kind: ComplexKind, Namespace: ns, Name: name}
	}
	en := func(ns, name string) *EnumType { return &EnumType{Namespace: ns, Name: name} }
	td := func(ns, name string) *TypeDef {
		return &TypeDef{Namespace: ns, Name: name, UnderlyingType: "Edm.String"}
	}
	s := &Spec{
		Types:    []*StructuredType{ty("a", "t1"), ty("b", "t2"), ty("a", "t3"), ty("", "t4")},
		Enums:    []*EnumType{en("b", "e1"), en("a", "e2"), en("c", "e3"), en("b", "e4")},
		TypeDefs: []*TypeDef{td("c", "d1"), td("a", "d2")},
	}
	roundTrip(t, "order", s)
	// One namespace gives one group.
	one := &Spec{Types: []*StructuredType{ty("a", "t1")}, Enums: []*EnumType{en("a", "e1")}, TypeDefs: []*TypeDef{td("a", "d1")}}
	out, _ := WriteYAML(one)
	if n := bytes.Count(out, []byte("- name: a\n")); n != 1 {
		t.Errorf("want one namespace group, got %d:\n%s", n, out)
	}
	roundTrip(t, "empty", &Spec{})
}

func TestYAMLSeedFile(t *testing.T) {
	src, err := os.ReadFile("../testdata/cloudpcexternalpartner.yaml")
	if err != nil {
		t.Fatal(err)
	}
	s, err := ReadYAML("cloudpcexternalpartner.yaml", src)
	if err != nil {
		t.Fatal(err)
	}
	// The file is in the writer's canonical form.
	out, err := WriteYAML(s)
	if err != nil {
		t.Fatal(err)
	}
	if update() && !bytes.Equal(out, src) {
		if err := os.WriteFile("../testdata/cloudpcexternalpartner.yaml", out, 0o644); err != nil {
			t.Fatal(err)
		}
		src = out
	}
	if !bytes.Equal(out, src) {
		t.Errorf("WriteYAML(ReadYAML(seed)) differs from the seed file (go test -update rewrites it):\n%s", out)
	}
	if len(s.Types) != 2 || len(s.Enums) != 1 || len(s.Operations) != 2 {
		t.Fatalf("got %d types, %d enums, %d operations", len(s.Types), len(s.Enums), len(s.Operations))
	}
	ent, cp := s.Types[0], s.Types[1]
	if ent.QualifiedName() != "microsoft.graph.entity" || !ent.Abstract || ent.Kind != EntityKind ||
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
		!p.Filter.Allows(OpEq) || p.Filter.Allows(OpNe) || p.Filter.Pos.String() != "cloudpcexternalpartner.yaml:34:21" {
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
	if got := strings.Join(members, " "); got != "notAvailable=0 available=1 healthy=2 unhealthy=3 unknownFutureValue=4" || e.Sentinel != SentinelName {
		t.Errorf("enum: %s, sentinel %q", got, e.Sentinel)
	}
	c, u := s.Operations[0], s.Operations[1]
	if c.Kind != Create || c.Method != "POST" || c.Path != "/deviceManagement/virtualEndpoint/externalPartners" ||
		len(c.Body) != 2 || !c.Body[0].Required || !c.Body[1].Required || c.Body[1].Name != "partnerId" ||
		c.Body[1].Pos.String() != "cloudpcexternalpartner.yaml:69:9" {
		t.Errorf("create: %+v %+v", c, c.Body)
	}
	if u.Kind != Update || u.Method != "PATCH" || len(u.Body) != 1 || u.Body[0].Required || u.Body[0].Name != "enableConnection" {
		t.Errorf("update: %+v", u)
	}
}

func TestYAMLErrors(t *testing.T) {
	const ns = "namespaces:\n  - name: n\n    types:\n"
	for _, tc := range []struct{ name, src, err string }{
		{"syntax", "namespaces: [\n", "f.yaml:1: did not find expected node content"},
		{"two documents", "{}\n---\n{}\n", "f.yaml:2:1: a spec file holds one YAML document"},
		{"top level list", "- a\n", "f.yaml:1:1: spec: want a mapping, got a list"},
		{"unknown top key", "namespace: []\n", `f.yaml:1:1: spec: unknown key "namespace" (want one of namespaces, operations, entitySets)`},
		{"repeated key", "operations: []\noperations: []\n", `f.yaml:2:1: spec: key "operations" repeated (first at line 1)`},
		{"namespaces not a list", "namespaces: x\n", `f.yaml:1:13: namespaces: want a list, got "x"`},
		{"alias", "namespaces: &a []\noperations: *a\n", "f.yaml:1:13: anchors are not supported in spec files"},
		{"unknown type key", ns + "      - name: t\n        kind: entity\n        colour: red\n",
			`f.yaml:6:9: type: unknown key "colour" (want one of name, kind, baseType, abstract, open, key, description, properties, navigationProperties)`},
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
			s, err := ReadYAML("f.yaml", []byte(tc.src))
			if err == nil {
				t.Fatalf("no error; got %+v", s)
			}
			if err.Error() != tc.err {
				t.Errorf("error\n got %s\nwant %s", err, tc.err)
			}
			if _, ok := err.(*Error); !ok {
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
		s, err := ReadYAML("f.yaml", []byte(tc.src))
		if err != nil || len(s.Types)+len(s.Operations)+len(s.EntitySets) != 0 {
			t.Errorf("%s: %v %+v", tc.name, err, s)
		}
	}
	// Hand-written variations that read as the canonical form.
	s, err := ReadYAML("f.yaml", []byte(`namespaces:
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
	if p.Type != (TypeRef{Name: "Edm.String", Collection: true}) || !p.Nullable ||
		!reflect.DeepEqual(p.Filter.Ops, []FilterOp{OpEq, OpContains}) || p.Filter.Count {
		t.Errorf("property %+v filter %+v", p, p.Filter)
	}
	if q := s.Types[0].Properties[1]; q.Filter == nil || q.Filter.Ops != nil || !q.Filter.Allows(OpGt) {
		t.Errorf("filter: {} reads as %+v", q.Filter)
	}
	if s.Types[0].Pos.String() != "f.yaml:11:9" || e.Members[0].Pos.String() != "f.yaml:6:13" || p.Pos.String() != "f.yaml:13:13" {
		t.Errorf("positions: type %s member %s property %s", s.Types[0].Pos, e.Members[0].Pos, p.Pos)
	}
}

func TestWriteYAMLNil(t *testing.T) {
	for _, s := range []*Spec{
		nil,
		{Types: []*StructuredType{nil}},
		{Types: []*StructuredType{{Name: "t", Properties: []*Property{nil}}}},
		{Enums: []*EnumType{{Name: "e", Members: []*EnumMember{nil}}}},
		{Operations: []*Operation{{Kind: Create, Body: []*BodyProperty{nil}}}},
		{EntitySets: []*EntitySet{nil}},
	} {
		if _, err := WriteYAML(s); err == nil {
			t.Errorf("WriteYAML(%+v): no error", s)
		}
	}
}

func FuzzReadYAML(f *testing.F) {
	if src, err := os.ReadFile("../testdata/cloudpcexternalpartner.yaml"); err == nil {
		f.Add(src)
	}
	if out, err := WriteYAML(fullSpec()); err == nil {
		f.Add(out)
	}
	f.Add([]byte("namespaces:\n  - name: n\n    enums:\n      - name: e\n        flags: true\n        members: [{name: a, value: 1}]\n"))
	f.Add([]byte("operations:\n  - kind: create\n    body: [{name: a, description: \"x\\ny\"}]\n"))
	f.Add([]byte("operations:\n  - kind: create\n    body:\n      - name: \"0\"\n        description: |2+\n\n"))
	f.Add([]byte("namespaces:\n  - types:\n      - name: \"\\n0\"\n"))
	f.Fuzz(func(t *testing.T, src []byte) {
		s, err := ReadYAML("f.yaml", src)
		if err != nil {
			if _, ok := err.(*Error); !ok {
				t.Fatalf("error %T %v is not *Error", err, err)
			}
			return
		}
		out, err := WriteYAML(s)
		if err != nil {
			t.Fatalf("WriteYAML of an accepted spec: %v", err)
		}
		back, err := ReadYAML("g.yaml", out)
		if err != nil {
			t.Fatalf("ReadYAML of written YAML: %v\n%s", err, out)
		}
		if d := specDiff(clearPos(back), clearPos(s)); d != "" {
			t.Fatalf("round trip: %s\n%s", d, out)
		}
	})
}
