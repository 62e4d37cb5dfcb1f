package spec_test

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/odatagen/odatagen/internal/spectest"
	"github.com/odatagen/odatagen/spec"
	"github.com/odatagen/odatagen/spec/markdown"
	"github.com/odatagen/odatagen/spec/yamlspec"
)

type yamlPart struct{ file, src string }

func readParts(t *testing.T, parts []yamlPart) []*spec.Spec {
	t.Helper()
	var specs []*spec.Spec
	for _, p := range parts {
		s, err := yamlspec.Read(p.file, []byte(p.src))
		if err != nil {
			t.Fatalf("%s: %v", p.file, err)
		}
		specs = append(specs, s)
	}
	return specs
}

func TestMerge(t *testing.T) {
	for _, tc := range []struct {
		name     string
		parts    []yamlPart
		want     string   // merged spec as YAML
		warnings []string // Warning.String()
	}{
		{
			name: "later sources fill what the first lacks",
			parts: []yamlPart{
				{"a.yaml", `namespaces:
  - name: ns
    types:
      - name: widget
        kind: entity
        properties:
          - {name: size, type: Edm.Int32}
`},
				{"b.yaml", `namespaces:
  - name: NS
    types:
      - name: Widget
        baseType: ns.base
        key: [id]
        open: true
        description: A widget.
        properties:
          - name: Size
            type: Edm.Int32
            nullable: false
            readOnly: true
            default: "1"
            filter: {ops: [eq], null: true}
            maxLength: 3
            description: How big.
          - {name: color, type: Edm.String}
        navigationProperties:
          - {name: parts, type: Collection(ns.widget), containsTarget: true}
      - {name: base, kind: entity}
`},
			},
			want: `namespaces:
  - name: ns
    types:
      - name: widget
        kind: entity
        baseType: NS.base
        open: true
        key: [id]
        description: A widget.
        properties:
          - name: size
            type: Edm.Int32
            nullable: false
            readOnly: true
            default: 1
            filter: {ops: [eq], null: true}
            maxLength: 3
            description: How big.
          - name: color
            type: Edm.String
        navigationProperties:
          - name: parts
            type: Collection(ns.widget)
            containsTarget: true
  - name: NS
    types:
      - name: base
        kind: entity
`,
		},
		{
			name: "different facts keep the first and warn with both positions",
			parts: []yamlPart{
				{"a.yaml", `namespaces:
  - name: ns
    types:
      - name: w
        kind: entity
        baseType: ns.b1
        key: [id]
        properties:
          - {name: id, type: Edm.String, default: x, filter: {ops: [eq]}}
          - {name: n, type: ns.b1}
      - {name: b1, kind: entity}
      - {name: b2, kind: entity}
    enums:
      - {name: e, members: [a, b]}
      - {name: f, members: [{name: a, value: 2}]}
`},
				{"b.yaml", `namespaces:
  - name: ns
    types:
      - name: w
        kind: complex
        baseType: ns.b2
        key: [key]
        properties:
          - {name: id, type: Edm.Guid, default: y, filter: {ops: [eq, ne]}}
        navigationProperties:
          - {name: n, type: ns.b1}
    enums:
      - {name: e, members: [a, c]}
      - {name: f, members: [{name: a, value: 4}]}
`},
			},
			want: `namespaces:
  - name: ns
    types:
      - name: w
        kind: entity
        baseType: ns.b1
        key: [id]
        properties:
          - name: id
            type: Edm.String
            nullable: false
            default: x
            filter: {ops: [eq]}
          - name: n
            type: ns.b1
      - name: b1
        kind: entity
      - name: b2
        kind: entity
    enums:
      - name: e
        members:
          - a
          - b
      - name: f
        members:
          - {name: a, value: 2}
`,
			warnings: []string{
				"b.yaml:4:9: warning: type ns.w: kind is complex here but entity first; keeping entity (see also a.yaml:4:9)",
				"b.yaml:4:9: warning: type ns.w: base type is ns.b2 here but ns.b1 first; keeping ns.b1 (see also a.yaml:4:9)",
				"b.yaml:4:9: warning: type ns.w: key is [key] here but [id] first; keeping [id] (see also a.yaml:4:9)",
				"b.yaml:9:13: warning: type ns.w: property id has type Edm.Guid here but Edm.String first; keeping Edm.String (see also a.yaml:9:13)",
				`b.yaml:9:13: warning: type ns.w: property id has default "y" here but "x" first; keeping "x" (see also a.yaml:9:13)`,
				"b.yaml:9:60: warning: type ns.w: property id supports $filter with (eq, ne) here but (eq) first; keeping (eq) (see also a.yaml:9:62)",
				"b.yaml:11:13: warning: type ns.w: n is a navigation property here but a structural property first; keeping the first (see also a.yaml:10:13)",
				"b.yaml:13:9: warning: enum ns.e has members (a, c) here but (a, b) first; keeping the first (see also a.yaml:14:9)",
				"b.yaml:14:9: warning: enum ns.f has values (a=4) here but (a=2) first; keeping the first (see also a.yaml:15:9)",
			},
		},
		{
			name: "enum values: explicit values replace implicit ones",
			parts: []yamlPart{
				{"docs.yaml", `namespaces:
  - name: ns
    enums:
      - {name: perms, members: [none, read, write]}
`},
				{"csdl.yaml", `namespaces:
  - name: ns
    enums:
      - name: Perms
        flags: true
        description: Access rights.
        members: [{name: none, value: 0}, {name: read, value: 1}, {name: write, value: 2, description: W.}]
`},
			},
			want: `namespaces:
  - name: ns
    enums:
      - name: perms
        flags: true
        description: Access rights.
        members:
          - {name: none, value: 0}
          - {name: read, value: 1}
          - name: write
            value: 2
            description: W.
`,
		},
		{
			name: "references resolve to canonical names; unknown ones warn once",
			parts: []yamlPart{
				{"a.yaml", `namespaces:
  - name: microsoft.graph
    types:
      - name: Entity
        kind: entity
        key: [id]
        properties:
          - {name: id, type: Edm.String}
      - name: widget
        baseType: entity
        properties:
          - {name: color, type: COLOR}
          - {name: made, type: DateTimeOffset}
          - {name: gadgets, type: Collection(gadget)}
          - {name: more, type: Collection(microsoft.graph.gadget)}
    enums:
      - {name: color, members: [red]}
operations:
  - kind: create
    type: Widget
    body:
      - {name: color, type: microsoft.graph.Color}
      - {name: made, type: datetime}
entitySets:
  - {name: widgets, type: WIDGET}
`},
			},
			want: `namespaces:
  - name: microsoft.graph
    types:
      - name: Entity
        kind: entity
        key: [id]
        properties:
          - name: id
            type: Edm.String
            nullable: false
      - name: widget
        kind: entity
        baseType: microsoft.graph.Entity
        properties:
          - name: color
            type: microsoft.graph.color
          - name: made
            type: Edm.DateTimeOffset
          - name: gadgets
            type: Collection(gadget)
          - name: more
            type: Collection(microsoft.graph.gadget)
    enums:
      - name: color
        members:
          - red
operations:
  - kind: create
    type: microsoft.graph.widget
    body:
      - {name: color, type: microsoft.graph.color}
      - {name: made, type: Edm.DateTimeOffset}
entitySets:
  - name: widgets
    type: microsoft.graph.widget
`,
			warnings: []string{
				"a.yaml:14:13: warning: type gadget is not defined by any input",
				"a.yaml:15:13: warning: type microsoft.graph.gadget is not defined by any input",
			},
		},
		{
			name: "simple names that two namespaces share do not resolve",
			parts: []yamlPart{
				{"a.yaml", `namespaces:
  - name: a
    types:
      - {name: x, kind: complex}
      - name: user
        kind: complex
        properties:
          - {name: p, type: x}
          - {name: q, type: X}
  - name: b
    types:
      - {name: x, kind: complex}
`},
			},
			want: `namespaces:
  - name: a
    types:
      - name: x
        kind: complex
      - name: user
        kind: complex
        properties:
          - name: p
            type: x
          - name: q
            type: X
  - name: b
    types:
      - name: x
        kind: complex
`,
			warnings: []string{
				"a.yaml:8:13: warning: type x is not defined by any input (referenced 2 times)",
			},
		},
		{
			name: "entity kind propagates down base chains",
			parts: []yamlPart{
				{"a.yaml", `namespaces:
  - name: ns
    types:
      - {name: c, kind: complex, baseType: ns.b}
      - {name: b, baseType: ns.a}
      - {name: a, key: [id]}
      - {name: plain}
      - {name: value, kind: complex}
`},
			},
			want: `namespaces:
  - name: ns
    types:
      - name: c
        kind: entity
        baseType: ns.b
      - name: b
        kind: entity
        baseType: ns.a
      - name: a
        kind: entity
        key: [id]
      - name: plain
      - name: value
        kind: complex
`,
		},
		{
			name: "one name, two kinds of declaration",
			parts: []yamlPart{
				{"a.yaml", "namespaces:\n  - name: ns\n    types:\n      - {name: status, kind: complex}\n"},
				{"b.yaml", "namespaces:\n  - name: ns\n    enums:\n      - {name: Status, members: [a]}\n"},
				{"c.yaml", "namespaces:\n  - name: ns\n    typeDefs:\n      - {name: status, underlyingType: Edm.String}\n"},
			},
			want: "namespaces:\n  - name: ns\n    types:\n      - name: status\n        kind: complex\n",
			warnings: []string{
				"b.yaml:4:9: warning: ns.Status is declared as an enum here but as a type first; keeping the type (see also a.yaml:4:9)",
				"c.yaml:4:9: warning: ns.status is declared as a type definition here but as a type first; keeping the type (see also a.yaml:4:9)",
			},
		},
		{
			name: "operations and entity sets keep the first",
			parts: []yamlPart{
				{"a.yaml", `namespaces:
  - name: ns
    types:
      - {name: w, kind: entity}
operations:
  - {kind: create, type: ns.w, method: POST, path: /a}
  - {kind: update, type: ns.w}
  - {kind: create}
entitySets:
  - {name: ws, type: ns.w}
  - {name: me, type: ns.w, singleton: true}
`},
				{"b.yaml", `operations:
  - {kind: create, type: ns.W, method: POST, path: /b}
  - {kind: create}
entitySets:
  - {name: WS, type: ns.w}
  - {name: me, type: ns.w}
`},
			},
			want: `namespaces:
  - name: ns
    types:
      - name: w
        kind: entity
operations:
  - kind: create
    type: ns.w
    method: POST
    path: /a
  - kind: update
    type: ns.w
  - kind: create
  - kind: create
entitySets:
  - name: ws
    type: ns.w
  - name: me
    type: ns.w
    singleton: true
`,
			warnings: []string{
				"b.yaml:2:5: warning: a second create operation for ns.w; keeping the first (see also a.yaml:6:5)",
				"b.yaml:6:5: warning: entity set me is a set of ns.w here but a singleton of ns.w first; keeping the first (see also a.yaml:11:5)",
			},
		},
		{
			name: "operation bodies are checked against their types",
			parts: []yamlPart{
				{"type.yaml", `namespaces:
  - name: ns
    types:
      - name: base
        kind: entity
        properties:
          - {name: id, type: Edm.String, readOnly: true}
      - name: w
        baseType: ns.base
        properties:
          - {name: serial, type: Edm.String, immutable: true}
          - {name: size, type: Edm.Int32}
`},
				{"ops.yaml", `operations:
  - kind: create
    type: ns.w
    body:
      - {name: id, required: true}
      - {name: serial, type: Edm.String}
      - {name: size, type: Edm.Int64}
      - {name: weight}
  - kind: update
    type: ns.w
    body:
      - {name: ID}
      - {name: serial}
`},
			},
			warnings: []string{
				"ops.yaml:5:9: warning: the create body requires id, which ns.w marks read-only (see also type.yaml:7:52)",
				"ops.yaml:7:9: warning: the create body gives size type Edm.Int64, but ns.w says Edm.Int32 (see also type.yaml:12:32)",
				"ops.yaml:8:9: warning: the create body has weight, which ns.w does not have (see also type.yaml:8:9)",
				"ops.yaml:12:9: warning: the update body lists ID, which ns.w marks read-only (see also type.yaml:7:52)",
				"ops.yaml:13:9: warning: the update body lists serial, which ns.w marks immutable (settable on create only) (see also type.yaml:11:57)",
			},
		},
		{
			name: "base type cycles",
			parts: []yamlPart{
				{"a.yaml", "namespaces:\n  - name: ns\n    types:\n      - {name: a, baseType: ns.b}\n      - {name: b, baseType: ns.a}\n      - {name: c, baseType: ns.a}\n"},
			},
			// Merge keeps them; Resolve refuses them (TestResolveCycle).
			warnings: nil,
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, ws := spec.Merge(readParts(t, tc.parts)...)
			if tc.want != "" {
				out, err := yamlspec.Write(got)
				if err != nil {
					t.Fatal(err)
				}
				if string(out) != tc.want {
					t.Errorf("merged spec:\n%s\nwant:\n%s", out, tc.want)
				}
			}
			if gw := spectest.WarningStrings(ws); !reflect.DeepEqual(gw, tc.warnings) {
				t.Errorf("warnings:\n%s\nwant:\n%s", strings.Join(gw, "\n"), strings.Join(tc.warnings, "\n"))
			}
		})
	}
}

// pointers collects every pointer reachable from v.
func pointers(v reflect.Value, seen map[uintptr]bool) {
	switch v.Kind() {
	case reflect.Pointer:
		if v.IsNil() || seen[v.Pointer()] {
			return
		}
		seen[v.Pointer()] = true
		pointers(v.Elem(), seen)
	case reflect.Slice:
		if v.Len() > 0 {
			seen[v.Pointer()] = true // the backing array
		}
		for i := 0; i < v.Len(); i++ {
			pointers(v.Index(i), seen)
		}
	case reflect.Struct:
		for i := 0; i < v.NumField(); i++ {
			pointers(v.Field(i), seen)
		}
	}
}

func TestMergeCopiesEverything(t *testing.T) {
	src := spectest.FullSpec()
	other := &spec.Spec{Types: []*spec.StructuredType{{Name: "WIDGET", Namespace: "microsoft.graph", Properties: []*spec.Property{
		{Name: "extra", Type: spec.TypeRef{Name: "Edm.String"}, Default: spectest.Strp("d"), Filter: &spec.FilterSupport{Ops: []spec.FilterOp{spec.OpEq}}}}}},
		Enums: []*spec.EnumType{{Name: "empty", Namespace: "microsoft.graph", Members: []*spec.EnumMember{{Name: "x"}}}}}
	got, _ := spec.Merge(src, other, nil)
	in := map[uintptr]bool{}
	pointers(reflect.ValueOf(src), in)
	pointers(reflect.ValueOf(other), in)
	out := map[uintptr]bool{}
	pointers(reflect.ValueOf(got), out)
	for p := range out {
		if in[p] {
			t.Fatalf("the merged spec shares memory with an input")
		}
	}
	if d := spectest.Diff(src, spectest.FullSpec()); d != "" {
		t.Errorf("Merge changed its first input: %s", d)
	}
	// The merged spec is the first input plus what the second adds.
	w := got.Types[1]
	if w.Name != "widget" || w.Properties[len(w.Properties)-1].Name != "extra" || got.Enums[4].Members[0].Name != "x" {
		t.Errorf("merged: %+v", w)
	}
	// Merging one spec gives it back unchanged (nothing to resolve in it
	// but the references that do not resolve).
	alone, _ := spec.Merge(spectest.FullSpec())
	want := spectest.FullSpec()
	want.Types[3].Kind = "" // no key, no base: stays unknown
	if d := spectest.Diff(alone, want); d != "" {
		t.Errorf("Merge of one spec: %s", d)
	}
}

func TestMergeDeterministic(t *testing.T) {
	parts := func() []*spec.Spec {
		a := spectest.FullSpec()
		b := spectest.FullSpec()
		b.Types[1].Properties[0].Type = spec.TypeRef{Name: "Edm.Int64"}
		b.Operations[0].Body = append(b.Operations[0].Body, &spec.BodyProperty{Name: "nope"})
		return []*spec.Spec{a, b, a}
	}
	first, fw := spec.Merge(parts()...)
	for range 5 {
		again, aw := spec.Merge(parts()...)
		if d := spectest.Diff(first, again); d != "" || !reflect.DeepEqual(fw, aw) {
			t.Fatalf("Merge is not deterministic: %s", d)
		}
	}
}

// seedLine returns the 1-based line of the first line of a seed page that

// seedDir is ../shared/seeds seen from the repository root; tests skip when

func readSeedPage(t *testing.T, page string) *spec.Spec {
	t.Helper()
	path := filepath.Join(spectest.Shared(t, "seeds"), page)
	src, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	s, _, err := markdown.Read(page, src)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestMergeSeedWarning(t *testing.T) {
	const resource, create = "cloudpcexternalpartner.md", "api/virtualendpoint-post-externalpartners.md"
	got, ws := spec.Merge(readSeedPage(t, resource), readSeedPage(t, create))
	roLine := spectest.SeedLine(t, resource, "|partnerId|")
	reqLine := spectest.SeedLine(t, create, "|partnerId|")
	var found []spec.Warning
	for _, w := range ws {
		if strings.Contains(w.Msg, "partnerId") {
			found = append(found, w)
		}
	}
	if len(found) != 1 {
		t.Fatalf("want one warning about partnerId, got %v", ws)
	}
	w := found[0]
	if w.Pos.File != create || w.Pos.Line != reqLine || w.Other.File != resource || w.Other.Line != roLine ||
		!strings.Contains(w.Msg, "read-only") {
		t.Errorf("warning %s: want it at %s:%d and %s:%d", w, create, reqLine, resource, roLine)
	}
	// Both facts stay.
	p := got.Types[0].Property("partnerId")
	if p == nil || !p.ReadOnly {
		t.Errorf("partnerId is no longer read-only: %+v", p)
	}
	var op *spec.Operation
	for _, o := range got.Operations {
		if o.Kind == spec.Create {
			op = o
		}
	}
	if op == nil || op.Type != "microsoft.graph.cloudPcExternalPartner" {
		t.Fatalf("no create operation for the type: %+v", got.Operations)
	}
	req := false
	for _, b := range op.Body {
		req = req || (b.Name == "partnerId" && b.Required)
	}
	if !req {
		t.Errorf("the create body no longer requires partnerId: %+v", op.Body)
	}
}
