package yamlspec

import (
	"bytes"
	"strings"
	"testing"

	"github.com/odatagen/odatagen/internal/spectest"
	"github.com/odatagen/odatagen/spec"
)

// sourcesSpec is a small spec whose properties carry Sources, as
// load.Spec gives them.
func sourcesSpec() *spec.Spec {
	x := func(line, col int) spec.Pos { return spec.Pos{File: "lab.xml", Line: line, Col: col} }
	d := func(line, col int) spec.Pos { return spec.Pos{File: "docs/gizmo.md", Line: line, Col: col} }
	return &spec.Spec{Types: []*spec.StructuredType{{Kind: spec.EntityKind, Namespace: "microsoft.graph", Name: "gizmo",
		Pos: x(14, 7), Properties: []*spec.Property{
			{Name: "serial", Type: spec.TypeRef{Name: "Edm.String"}, Nullable: true, ReadOnly: true,
				Filter: &spec.FilterSupport{Ops: []spec.FilterOp{spec.OpEq}}, Description: "The number on the case.",
				Sources: []spec.Source{{Fact: spec.FactType, Pos: x(15, 9)}, {Fact: spec.FactNullable, Pos: x(15, 9)},
					{Fact: spec.FactReadOnly, Pos: d(17, 21)}, {Fact: spec.FactFilter, Pos: d(17, 21)},
					{Fact: spec.FactType, Pos: d(17, 12)}, {Fact: spec.FactDescription, Pos: d(17, 21)}}},
			{Name: "weight", Type: spec.TypeRef{Name: "Edm.Int32"}, Nullable: true},
		}}}}
}

// TestWriteSources: with Sources, each property with sources ends with a
// sources: mapping, in the order of spec.Facts, a fact stated by one input
// as its position and one stated by more as {from, also}; each type says
// where it was declared. Without, the output is Write's.
func TestWriteSources(t *testing.T) {
	s := sourcesSpec()
	plain, err := Write(s)
	if err != nil {
		t.Fatal(err)
	}
	if off, _ := WriteWith(s, WriteOptions{}); !bytes.Equal(off, plain) {
		t.Errorf("WriteWith without Sources differs from Write:\n%s\n%s", off, plain)
	}
	if bytes.Contains(plain, []byte("sources")) {
		t.Errorf("Write wrote sources:\n%s", plain)
	}
	out, err := WriteWith(s, WriteOptions{Sources: true})
	if err != nil {
		t.Fatal(err)
	}
	want := `          - name: serial
            type: Edm.String
            readOnly: true
            filter: {ops: [eq]}
            description: The number on the case.
            sources:
              type: {from: 'lab.xml:15:9', also: ['docs/gizmo.md:17:12']}
              nullable: lab.xml:15:9
              readOnly: docs/gizmo.md:17:21
              filter: docs/gizmo.md:17:21
              description: docs/gizmo.md:17:21
          - name: weight
            type: Edm.Int32
        sources:
          declared: lab.xml:14:7
`
	if !strings.Contains(string(out), want) {
		t.Errorf("output lacks\n%s\ngot\n%s", want, out)
	}
}

// TestReadIgnoresSources: Read takes the output of WriteWith with Sources
// as the same spec as Write's, and gives its facts the positions of their
// values in the file read, not the sources written there.
func TestReadIgnoresSources(t *testing.T) {
	s := sourcesSpec()
	plain, _ := Write(s)
	out, _ := WriteWith(s, WriteOptions{Sources: true})
	a, err := Read("plain.yaml", plain)
	if err != nil {
		t.Fatal(err)
	}
	b, err := Read("sources.yaml", out)
	if err != nil {
		t.Fatalf("Read of WriteWith's output: %v\n%s", err, out)
	}
	p := b.Types[0].Properties[0]
	from, also := p.Source(spec.FactType)
	defer func() {
		if d := spectest.Diff(spectest.ClearPos(b), spectest.ClearPos(a)); d != "" {
			t.Errorf("sources change what Read gives: %s", d)
		}
	}()
	lines := strings.Split(string(out), "\n")
	for _, f := range []spec.Fact{spec.FactType, spec.FactReadOnly, spec.FactFilter, spec.FactDescription} {
		from, also = p.Source(f)
		var want spec.Pos
		for i, l := range lines {
			// the first line of the property's mapping with the key
			key := "            " + f.String() + ": "
			if strings.HasPrefix(l, key) && want.Line == 0 {
				want = spec.Pos{File: "sources.yaml", Line: i + 1, Col: len(key) + 1}
			}
		}
		if from != want || len(also) > 0 {
			t.Errorf("read back, %s comes from %v (also %v), want %v", f, from, also, want)
		}
	}
	if from, _ := p.Source(spec.FactNullable); from.IsValid() {
		t.Errorf("nullable, which the file does not state, comes from %v", from)
	}
	for _, tc := range []struct{ src, err string }{
		{"namespaces:\n  - name: n\n    types:\n      - name: t\n        sources: [x]\n",
			"f.yaml:5:18: sources: want a mapping, got a list"},
		{"namespaces:\n  - name: n\n    types:\n      - name: t\n        properties:\n          - {name: p, type: Edm.String, sources: x.md:1:2}\n",
			`f.yaml:6:50: sources: want a mapping, got "x.md:1:2"`},
	} {
		if _, err := Read("f.yaml", []byte(tc.src)); err == nil || err.Error() != tc.err {
			t.Errorf("Read(%q): error %v, want %s", tc.src, err, tc.err)
		}
	}
}
