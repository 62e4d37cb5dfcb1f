package generator

import (
	"bytes"
	"encoding/xml"
	"go/ast"
	"go/parser"
	"go/token"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/odatagen/odatagen/spec"
	"github.com/odatagen/odatagen/spec/csdl"
)

// Tests over the shared corpus of CSDL documents (../shared/corpus/csdl),
// skipped when it is absent. Generated packages are compiled in a temporary
// module that uses this repository through a replace directive; the
// runtime tests they run are in ../testdata/wholeservice.

// corpusFile returns the bytes of a corpus document, skipping the test
// when the corpus is absent.
func corpusFile(t testing.TB, name string) []byte {
	t.Helper()
	src, err := os.ReadFile(filepath.Join("..", "..", "shared", "corpus", "csdl", name))
	if err != nil {
		t.Skipf("no corpus document %s: %v", name, err)
	}
	return src
}

func readCorpus(t testing.TB, name string) *spec.Spec {
	t.Helper()
	s, _, err := csdl.Read(name, corpusFile(t, name))
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return s
}

// tempModule is a Go module in a temporary directory that requires this
// repository through a replace directive.
type tempModule struct {
	t   *testing.T
	dir string
	go_ string
}

func newTempModule(t *testing.T) *tempModule {
	t.Helper()
	goTool, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go tool")
	}
	root, err := filepath.Abs("..")
	if err != nil {
		t.Fatal(err)
	}
	m := &tempModule{t: t, dir: t.TempDir(), go_: goTool}
	m.write("go.mod", []byte("module corpus\n\ngo 1.26\n\nrequire github.com/odatagen/odatagen v0.0.0\n\nreplace github.com/odatagen/odatagen => "+root+"\n"))
	if sum, err := os.ReadFile(filepath.Join(root, "go.sum")); err == nil {
		m.write("go.sum", sum)
	}
	return m
}

func (m *tempModule) write(name string, data []byte) {
	m.t.Helper()
	path := filepath.Join(m.dir, name)
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		m.t.Fatal(err)
	}
	if err := os.WriteFile(path, data, 0o644); err != nil {
		m.t.Fatal(err)
	}
}

// addPackage writes a generated file set as package dir, with the runtime
// test ../testdata/wholeservice/<dir>_test.go when there is one.
func (m *tempModule) addPackage(dir string, files []File) {
	m.t.Helper()
	for _, f := range files {
		m.write(filepath.Join(dir, f.Name), f.Data)
	}
	if src, err := os.ReadFile(filepath.Join("..", "testdata", "wholeservice", dir+"_test.go")); err == nil {
		m.write(filepath.Join(dir, dir+"_test.go"), src)
	}
}

func (m *tempModule) run(args ...string) {
	m.t.Helper()
	cmd := exec.Command(m.go_, args...)
	cmd.Dir = m.dir
	cmd.Env = append(os.Environ(), "GOFLAGS=-mod=mod", "GOPROXY=off", "GOWORK=off")
	out, err := cmd.CombinedOutput()
	if err != nil {
		m.t.Fatalf("go %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	m.t.Logf("go %s:\n%s", strings.Join(args, " "), out)
}

// TestCorpusCompiles generates the small sample services, each as one
// package with its default options, and builds, vets and tests them.
func TestCorpusCompiles(t *testing.T) {
	if testing.Short() {
		t.Skip("compiles generated code")
	}
	m := newTempModule(t)
	for _, c := range []struct{ file, pkg string }{
		{"TripPin.ODataSamples.xml", "trippin"},
		{"ODataDemo-V4.ODataSamples.xml", "odatademo"},
		{"Northwind-V4.odata-openapi.xml", "northwind"},
	} {
		s := readCorpus(t, c.file)
		res, err := Generate(s, Options{Package: c.pkg, Source: c.file})
		if err != nil {
			t.Fatalf("%s: %v", c.file, err)
		}
		m.addPackage(c.pkg, res.Files)
	}
	m.run("vet", "./...")
	m.run("test", "-count=1", "./...")
}

// csdlCounts counts the EntityType, ComplexType and EnumType elements of a
// CSDL document with encoding/xml, independently of the spec reader.
func csdlCounts(t *testing.T, src []byte) (entities, complexes, enums int) {
	t.Helper()
	d := xml.NewDecoder(bytes.NewReader(src))
	for {
		tok, err := d.Token()
		if err == io.EOF {
			return
		}
		if err != nil {
			t.Fatal(err)
		}
		if se, ok := tok.(xml.StartElement); ok {
			switch se.Name.Local {
			case "EntityType":
				entities++
			case "ComplexType":
				complexes++
			case "EnumType":
				enums++
			}
		}
	}
}

// generatedKinds parses the generated Go files and sorts the type
// declarations by the kind their doc comment states ("is the OData entity
// type x", "complex type", "enum type", "flags enum type"), by qualified
// name.
func generatedKinds(t *testing.T, files []File) map[string][]string {
	t.Helper()
	kinds := map[string][]string{}
	fset := token.NewFileSet()
	for _, f := range files {
		if !strings.HasSuffix(f.Name, ".go") {
			continue
		}
		af, err := parser.ParseFile(fset, f.Name, f.Data, parser.ParseComments)
		if err != nil {
			t.Fatal(err)
		}
		for _, decl := range af.Decls {
			gd, ok := decl.(*ast.GenDecl)
			if !ok || gd.Tok != token.TYPE || gd.Doc == nil {
				continue
			}
			ts := gd.Specs[0].(*ast.TypeSpec)
			text := strings.Join(strings.Fields(gd.Doc.Text()), " ")
			_, rest, ok := strings.Cut(text, ts.Name.Name+" is the OData ")
			if !ok {
				continue
			}
			rest, _, _ = strings.Cut(rest, ". ") // the first sentence
			for _, k := range []string{"entity type ", "complex type ", "flags enum type ", "enum type ", "type definition "} {
				if i := strings.Index(rest, k); i >= 0 {
					q := strings.TrimSuffix(strings.Fields(rest[i+len(k):])[0], ".")
					kind := strings.TrimPrefix(strings.TrimSpace(k), "flags ")
					kinds[kind] = append(kinds[kind], q)
					break
				}
			}
		}
	}
	for _, qs := range kinds {
		slices.Sort(qs)
	}
	return kinds
}

// TestGraphWholeService generates all of Microsoft Graph v1.0 as one
// package in the default mode (every feature: per-type functions, typed
// builders, edm.Nullable for every nullable property), checks that every
// entity, complex and enum type of the CSDL has its Go type, and builds,
// vets and tests it (../testdata/wholeservice/graph_test.go): user decodes
// a derived type in a polymorphic property, null stays distinct from
// absent, the typed builders give queries the encoded models accept, a
// flags enum keeps its values.
func TestGraphWholeService(t *testing.T) {
	const file = "graph-v1.0-clean.xml"
	src := corpusFile(t, file)
	if testing.Short() {
		t.Skip("compiles a package of 3,800 types")
	}
	s, _, err := csdl.Read(file, src)
	if err != nil {
		t.Fatal(err)
	}
	res, err := Generate(s, Options{Package: "graph", Source: file})
	if err != nil {
		t.Fatal(err)
	}
	entities, complexes, enums := csdlCounts(t, src)
	if entities != 1182 || complexes != 1780 || enums != 861 {
		t.Errorf("the CSDL has %d entity, %d complex, %d enum types; the issue counts 1,182, 1,780, 861", entities, complexes, enums)
	}
	assertGofmtStable(t, res.Files)
	kinds := generatedKinds(t, res.Files)
	for _, c := range []struct {
		kind string
		want int
	}{{"entity type", entities}, {"complex type", complexes}, {"enum type", enums}} {
		if got := len(kinds[c.kind]); got != c.want {
			t.Errorf("%d Go types for %ss, want %d", got, c.kind, c.want)
		}
		if qs := kinds[c.kind]; len(slices.Compact(slices.Clone(qs))) != len(qs) {
			t.Errorf("a %s has two Go types", c.kind)
		}
	}
	for _, n := range res.Notes {
		if strings.Contains(n.Msg, "is taken by") && !strings.Contains(n.Msg, "member ") {
			t.Logf("name clash: %s", n)
		}
	}
	m := newTempModule(t)
	m.addPackage("graph", res.Files)
	m.run("vet", "./graph")
	m.run("test", "-count=1", "./graph")
}

// TestSubsetClosure generates "-type user" of Microsoft Graph and compares
// the generated types with the closure computed here, from the CSDL's own
// elements: the type, its base types, the types of its structural
// properties (not navigation properties), their enums and type
// definitions, and the derived types of the type and of the property
// types (not of the base types), transitively.
func TestSubsetClosure(t *testing.T) {
	const file = "graph-v1.0-clean.xml"
	src := corpusFile(t, file)
	s, _, err := csdl.Read(file, src)
	if err != nil {
		t.Fatal(err)
	}
	want := xmlClosure(t, src, "microsoft.graph.user")
	res, err := Generate(s, Options{Package: "graph", Source: file, Types: []string{"user"}})
	if err != nil {
		t.Fatal(err)
	}
	kinds := generatedKinds(t, res.Files)
	var got []string
	for _, qs := range kinds {
		got = append(got, qs...)
	}
	for _, f := range res.Files {
		if q, ok := strings.CutSuffix(f.Name, ".read.schema.json"); ok && !slices.Contains(got, q) {
			t.Errorf("schema document for %s, which has no Go type", q)
		}
	}
	slices.Sort(got)
	if !slices.Equal(got, want) {
		t.Errorf("generated %d types, want the %d of the closure:\nextra: %v\nmissing: %v",
			len(got), len(want), minus(got, want), minus(want, got))
	}
	if len(want) < 10 || !slices.Contains(want, "microsoft.graph.directoryObject") || !slices.Contains(want, "microsoft.graph.passwordProfile") {
		t.Errorf("closure of user: %v", want)
	}
}

func minus(a, b []string) []string {
	var out []string
	for _, x := range a {
		if !slices.Contains(b, x) {
			out = append(out, x)
		}
	}
	return out
}

// xmlClosure computes the closure of a type from a CSDL document with
// encoding/xml: structured types contribute their BaseType and the Type of
// their Property elements, collections unwrapped; names are qualified by
// the Schema's Namespace (an Alias prefix is replaced by it). A type
// reached as a value (the root, a property's type) brings its derived
// types; one reached as a base type does not.
func xmlClosure(t *testing.T, src []byte, root string) []string {
	t.Helper()
	type decl struct {
		base  string
		props []string
	}
	decls := map[string]*decl{}
	aliases := map[string]string{}
	d := xml.NewDecoder(bytes.NewReader(src))
	var ns string
	var cur *decl
	attr := func(se xml.StartElement, name string) string {
		for _, a := range se.Attr {
			if a.Name.Local == name {
				return a.Value
			}
		}
		return ""
	}
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			switch tok.Name.Local {
			case "Schema":
				ns = attr(tok, "Namespace")
				if a := attr(tok, "Alias"); a != "" {
					aliases[a] = ns
				}
			case "EntityType", "ComplexType", "EnumType", "TypeDefinition":
				cur = &decl{}
				decls[ns+"."+attr(tok, "Name")] = cur
				cur.base = attr(tok, "BaseType")
			case "Property":
				if cur != nil {
					typ := strings.TrimSuffix(strings.TrimPrefix(attr(tok, "Type"), "Collection("), ")")
					cur.props = append(cur.props, typ)
				}
			}
		case xml.EndElement:
			switch tok.Name.Local {
			case "EntityType", "ComplexType", "EnumType", "TypeDefinition":
				cur = nil
			}
		}
	}
	qualify := func(q string) string {
		ns, name := spec.SplitQualified(q)
		if full, ok := aliases[ns]; ok {
			return full + "." + name
		}
		return q
	}
	derived := map[string][]string{}
	for q, dc := range decls {
		if dc.base != "" {
			derived[qualify(dc.base)] = append(derived[qualify(dc.base)], q)
		}
	}
	type item struct {
		q     string
		value bool
	}
	seen, asValue := map[string]bool{}, map[string]bool{}
	work := []item{{root, true}}
	for len(work) > 0 {
		it := work[len(work)-1]
		work = work[:len(work)-1]
		q := qualify(it.q)
		if strings.HasPrefix(q, "Edm.") {
			continue
		}
		dc := decls[q]
		if dc == nil {
			t.Fatalf("closure: %s is not declared", q)
		}
		if it.value && !asValue[q] {
			asValue[q] = true
			for _, d := range derived[q] {
				work = append(work, item{d, true})
			}
		}
		if seen[q] {
			continue
		}
		seen[q] = true
		if dc.base != "" {
			work = append(work, item{dc.base, false})
		}
		for _, p := range dc.props {
			work = append(work, item{p, true})
		}
	}
	var out []string
	for q := range seen {
		out = append(out, q)
	}
	slices.Sort(out)
	return out
}
