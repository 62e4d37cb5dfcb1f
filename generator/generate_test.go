package generator

import (
	"bytes"
	"go/format"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/odatagen/odatagen/spec"
	"github.com/odatagen/odatagen/spec/csdl"
	"github.com/odatagen/odatagen/spec/yamlspec"
)

// TestDeterministic generates every golden case twice, and the seed case
// from a spec whose declarations come in reverse order, and compares bytes.
func TestDeterministic(t *testing.T) {
	for _, name := range goldenCases(t) {
		a, errA := generateCase(t, name)
		b, errB := generateCase(t, name)
		if (errA == nil) != (errB == nil) || errA != nil && errA.Error() != errB.Error() {
			t.Fatalf("%s: errors differ: %v / %v", name, errA, errB)
		}
		if errA != nil {
			continue
		}
		if len(a.Files) != len(b.Files) {
			t.Fatalf("%s: %d files, then %d", name, len(a.Files), len(b.Files))
		}
		for i := range a.Files {
			if a.Files[i].Name != b.Files[i].Name || !bytes.Equal(a.Files[i].Data, b.Files[i].Data) {
				t.Errorf("%s: %s differs between runs", name, a.Files[i].Name)
			}
		}
		if notesText(a.Notes) != notesText(b.Notes) {
			t.Errorf("%s: notes differ between runs", name)
		}
	}
}

func readGoldenSpec(t testing.TB, name string) *spec.Spec {
	t.Helper()
	src, err := os.ReadFile(filepath.Join(goldenRoot, name, "input.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	s, err := yamlspec.Read(name+".yaml", src)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestOrderIndependent(t *testing.T) {
	s := readGoldenSpec(t, "names")
	a, err := Generate(s, Options{Package: "p"})
	if err != nil {
		t.Fatal(err)
	}
	for i, j := 0, len(s.Types)-1; i < j; i, j = i+1, j-1 {
		s.Types[i], s.Types[j] = s.Types[j], s.Types[i]
	}
	b, err := Generate(s, Options{Package: "p"})
	if err != nil {
		t.Fatal(err)
	}
	for i := range a.Files {
		if !bytes.Equal(a.Files[i].Data, b.Files[i].Data) {
			t.Errorf("%s changes with the order of the spec's types", a.Files[i].Name)
		}
	}
}

func TestGenerateErrors(t *testing.T) {
	seed := readGoldenSpec(t, "seed")
	for _, tc := range []struct {
		name string
		s    *spec.Spec
		opts Options
		want string
	}{
		{"nil spec", nil, Options{Package: "p"}, "nil spec"},
		{"no package", seed, Options{}, `package name "" is not a Go identifier`},
		{"keyword package", seed, Options{Package: "type"}, `package name "type" is not a Go identifier`},
		{"unknown type", seed, Options{Package: "p", Types: []string{"microsoft.graph.nothing", "entity"}}, `Options.Types: no type named "microsoft.graph.nothing"`},
		{"primitive type", seed, Options{Package: "p", Types: []string{"Edm.String"}}, `no type named "Edm.String"`},
		{"ambiguous outside the primary namespace", &spec.Spec{Types: []*spec.StructuredType{
			{Kind: spec.ComplexKind, Namespace: "n", Name: "a"},
			{Kind: spec.ComplexKind, Namespace: "n", Name: "b"},
			{Kind: spec.ComplexKind, Namespace: "n.x", Name: "t"},
			{Kind: spec.ComplexKind, Namespace: "n.y", Name: "t"},
		}}, Options{Package: "p", Types: []string{"t"}}, `Options.Types: "t" is ambiguous: n.x.t, n.y.t; use a qualified name`},
		{"unresolved without position", &spec.Spec{Types: []*spec.StructuredType{{
			Kind: spec.ComplexKind, Namespace: "n", Name: "a",
			Properties: []*spec.Property{{Name: "b", Type: spec.TypeRef{Name: "n.gone"}}},
		}}}, Options{Package: "p"}, "unresolved type n.gone (property b of n.a)"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Generate(tc.s, tc.opts)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("error %v, want it to contain %q", err, tc.want)
			}
		})
	}
}

// TestSubsetBySimpleName asks for a type by its simple name and checks the
// closure: the derived types (an entity payload may be any entity), the
// base type and the enum come along, nothing else.
func TestSubsetBySimpleName(t *testing.T) {
	s := readGoldenSpec(t, "seed")
	s.Types = append(s.Types, &spec.StructuredType{Kind: spec.EntityKind, Namespace: "microsoft.graph", Name: "unrelated"})
	res, err := Generate(s, Options{Package: "p", Types: []string{"entity"}})
	if err != nil {
		t.Fatal(err)
	}
	all := string(bytes.Join(filesData(res.Files), nil))
	if !strings.Contains(all, "type Entity struct") || !strings.Contains(all, "type CloudPcExternalPartner struct") || strings.Contains(all, "Unrelated") {
		t.Errorf("subset of entity:\n%s", all)
	}
	res, err = Generate(s, Options{Package: "p", Types: []string{"cloudPcExternalPartner"}})
	if err != nil {
		t.Fatal(err)
	}
	all = string(bytes.Join(filesData(res.Files), nil))
	for _, want := range []string{"type Entity struct", "type CloudPcExternalPartner struct", "type CloudPcExternalPartnerStatus string"} {
		if !strings.Contains(all, want) {
			t.Errorf("subset of cloudPcExternalPartner lacks %q", want)
		}
	}
}

// TestSubsetAmbiguousName: a simple name that two namespaces declare means
// the primary namespace's type, with a note; a qualified name picks the
// other.
func TestSubsetAmbiguousName(t *testing.T) {
	s := &spec.Spec{Types: []*spec.StructuredType{
		{Kind: spec.EntityKind, Namespace: "n", Name: "user", Properties: []*spec.Property{{Name: "id", Type: spec.TypeRef{Name: "Edm.String"}}}},
		{Kind: spec.EntityKind, Namespace: "n", Name: "group"},
		{Kind: spec.EntityKind, Namespace: "n.security", Name: "user", Properties: []*spec.Property{{Name: "risk", Type: spec.TypeRef{Name: "Edm.Int32"}}}},
	}}
	res, err := Generate(s, Options{Package: "p", Types: []string{"user"}})
	if err != nil {
		t.Fatal(err)
	}
	src := string(res.Map()["types.go"])
	if !strings.Contains(src, "type User struct") || strings.Contains(src, "Risk") || res.Map()["security_types.go"] != nil {
		t.Errorf("user means n.user:\n%s", src)
	}
	if len(res.Notes) != 1 || !strings.Contains(res.Notes[0].Msg, `type "user" is declared in 2 namespaces (n.security.user, n.user); taken to mean n.user`) {
		t.Errorf("notes: %v", res.Notes)
	}
	res, err = Generate(s, Options{Package: "p", Types: []string{"n.security.user"}})
	if err != nil {
		t.Fatal(err)
	}
	if src := string(res.Map()["security_types.go"]); !strings.Contains(src, "type SecurityUser struct") || res.Map()["types.go"] != nil {
		t.Errorf("n.security.user:\n%s", src)
	}
}

func filesData(fs []File) [][]byte {
	out := make([][]byte, len(fs))
	for i, f := range fs {
		out[i] = f.Data
	}
	return out
}

// TestFormatErrorShowsSource checks the error for source that go/format
// rejects: the message names the file and shows numbered lines.
func TestFormatErrorShowsSource(t *testing.T) {
	src := []byte("package p\n\nfunc f() {\n\treturn (\n}\n")
	_, err := formatSource("bad.go", src)
	if err == nil {
		t.Fatal("no error")
	}
	msg := err.Error()
	for _, want := range []string{"formatting bad.go", "    4  \treturn (", ">     5  }"} {
		if !strings.Contains(msg, want) {
			t.Errorf("error lacks %q:\n%s", want, msg)
		}
	}
}

func TestHeaderLines(t *testing.T) {
	s := readGoldenSpec(t, "seed")
	res, err := Generate(s, Options{Package: "p", Source: "docs\npages "})
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range res.Files {
		if !strings.HasSuffix(f.Name, ".go") {
			continue // schema documents are JSON
		}
		want := generatedMarker + "\n// source: docs pages\n\npackage p\n"
		if !bytes.HasPrefix(f.Data, []byte(want)) {
			t.Errorf("%s starts with %q", f.Name, f.Data[:min(len(f.Data), 80)])
		}
	}
}

func BenchmarkGenerateSeed(b *testing.B) {
	s := readGoldenSpec(b, "seed")
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Generate(s, Options{Package: "seed", Source: "seed"}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkGenerateGraph reads and generates the whole Microsoft Graph v1.0
// CSDL (3,800 types) with the default options, when the shared corpus is
// there.
func BenchmarkGenerateGraph(b *testing.B) {
	benchGraph(b, true, Options{Package: "graph", Source: "graph"})
}

// BenchmarkGenerateGraphCompact reads and generates Graph v1.0 as
// scripts/buildcost.sh does: Options.Compact, the whole-service form.
func BenchmarkGenerateGraphCompact(b *testing.B) {
	benchGraph(b, true, Options{Package: "graph", Source: "graph", Compact: true})
}

// BenchmarkGenerateGraphOnly generates Graph v1.0 (Compact) from a spec
// read once: the generator's share of BenchmarkGenerateGraphCompact.
func BenchmarkGenerateGraphOnly(b *testing.B) {
	benchGraph(b, false, Options{Package: "graph", Source: "graph", Compact: true})
}

// BenchmarkReadGraph reads the Graph v1.0 CSDL: the reader's share.
func BenchmarkReadGraph(b *testing.B) {
	src := corpusFile(b, "graph-v1.0-clean.xml")
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		if _, _, err := csdl.Read("graph-v1.0-clean.xml", src); err != nil {
			b.Fatal(err)
		}
	}
}

func benchGraph(b *testing.B, read bool, opts Options) {
	src := corpusFile(b, "graph-v1.0-clean.xml")
	s, _, err := csdl.Read("graph-v1.0-clean.xml", src)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if read {
			if s, _, err = csdl.Read("graph-v1.0-clean.xml", src); err != nil {
				b.Fatal(err)
			}
		}
		if _, err := Generate(s, opts); err != nil {
			b.Fatal(err)
		}
	}
}

// TestBasePropertyReportedOnce: a base type's property is in every derived
// struct, but a problem with it is reported once.
func TestBasePropertyReportedOnce(t *testing.T) {
	pos := spec.Pos{File: "x.yaml", Line: 3}
	s := &spec.Spec{Types: []*spec.StructuredType{
		{Kind: spec.EntityKind, Namespace: "n", Name: "base", Properties: []*spec.Property{
			{Name: "gap", Type: spec.TypeRef{Name: "n.gone"}, Nullable: true, Pos: pos},
		}},
		{Kind: spec.EntityKind, Namespace: "n", Name: "a", BaseType: "n.base"},
		{Kind: spec.EntityKind, Namespace: "n", Name: "b", BaseType: "n.base"},
	}}
	_, err := Generate(s, Options{Package: "p"})
	if err == nil {
		t.Fatal("no error")
	}
	if want := "x.yaml:3: unresolved type n.gone (property gap of n.base)"; !strings.HasPrefix(err.Error(), want) || strings.Count(err.Error(), "n.gone") != 1 {
		t.Errorf("error:\n%v\nwant one line starting %q", err, want)
	}
	res, err := Generate(s, Options{Package: "p", AllowUnresolved: true})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Notes) != 1 || !strings.Contains(res.Notes[0].Msg, "n.gone") {
		t.Errorf("notes: %v", res.Notes)
	}
	if got := bytes.Count(res.Map()["types.go"], []byte("Gap json.RawMessage")); got != 3 {
		t.Errorf("%d raw Gap fields, want 3:\n%s", got, res.Map()["types.go"])
	}
}

// TestOddPropertyNames: names that a json tag cannot hold get no field.
func TestOddPropertyNames(t *testing.T) {
	s := &spec.Spec{Types: []*spec.StructuredType{{Namespace: "n", Name: "t", Properties: []*spec.Property{
		{Name: "ok", Type: spec.TypeRef{Name: "Edm.String"}},
		{Name: "", Type: spec.TypeRef{Name: "Edm.String"}},
		{Name: "a,b", Type: spec.TypeRef{Name: "Edm.String"}},
		{Name: "q\"uote", Type: spec.TypeRef{Name: "Edm.String"}},
		{Name: "back`tick", Type: spec.TypeRef{Name: "Edm.String"}},
		{Name: "with space", Type: spec.TypeRef{Name: "Edm.String"}},
	}}}}
	res, err := Generate(s, Options{Package: "p"})
	if err != nil {
		t.Fatal(err)
	}
	src := string(res.Map()["types.go"])
	for _, want := range []string{"Ok *string `json:\"ok,omitempty\"`", "WithSpace *string `json:\"with space,omitempty\"`", "type T struct"} {
		if !strings.Contains(src, want) {
			t.Errorf("missing %q in\n%s", want, src)
		}
	}
	if len(res.Notes) != 4 {
		t.Errorf("notes: %v", res.Notes)
	}
}

// assertGofmtStable fails for a generated Go file that gofmt would change:
// go/format of the file must give the file.
func assertGofmtStable(t *testing.T, files []File) {
	t.Helper()
	for _, f := range files {
		if !strings.HasSuffix(f.Name, ".go") {
			continue
		}
		out, err := format.Source(f.Data)
		if err != nil {
			t.Errorf("%s: %v", f.Name, err)
			continue
		}
		if !bytes.Equal(out, f.Data) {
			a, b := strings.Split(string(f.Data), "\n"), strings.Split(string(out), "\n")
			for i := range min(len(a), len(b)) {
				if a[i] != b[i] {
					t.Errorf("%s:%d: gofmt makes %q of %q", f.Name, i+1, b[i], a[i])
					break
				}
			}
		}
	}
}

// TestDocsAreGofmtStable generates descriptions that gofmt's doc comment
// reformatting would change (a lone capitalized line between paragraphs,
// which it makes a heading) on a type, an enum, a member and a property, and
// checks that the output is what gofmt makes of it.
func TestDocsAreGofmtStable(t *testing.T) {
	const heading = "State of the action on the device"
	desc := "First paragraph.\n\n" + heading + "\n\n- a list item\n\n[link]: https://example.com/x\n\nLast paragraph."
	s := &spec.Spec{
		Types: []*spec.StructuredType{{Namespace: "n", Name: "thing", Description: desc, Properties: []*spec.Property{
			{Name: "state", Type: spec.TypeRef{Name: "n.actionState"}, Description: desc},
		}}},
		Enums: []*spec.EnumType{{Namespace: "n", Name: "actionState", Description: desc, Members: []*spec.EnumMember{
			{Name: "none", Description: desc},
		}}},
	}
	res, err := Generate(s, Options{Package: "p"})
	if err != nil {
		t.Fatal(err)
	}
	assertGofmtStable(t, res.Files)
	for _, f := range res.Files {
		if bytes.Contains(f.Data, []byte("// # ")) {
			t.Errorf("%s has a heading:\n%s", f.Name, f.Data)
		}
	}
	if src := string(res.Map()["enums.go"]); !strings.Contains(src, "// "+heading+".\n") {
		t.Errorf("enums.go does not end the lone paragraph with a period:\n%s", src)
	}
}
