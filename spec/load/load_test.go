package load

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/odatagen/odatagen/internal/spectest"
	"github.com/odatagen/odatagen/spec"
	"github.com/odatagen/odatagen/spec/yamlspec"
)

func TestLoadDirectory(t *testing.T) {
	dir := filepath.Join("testdata", "yaml", "load")
	s, ws, err := Spec(dir)
	if err != nil {
		t.Fatal(err)
	}
	out, err := yamlspec.Write(s)
	if err != nil {
		t.Fatal(err)
	}
	const want = `namespaces:
  - name: shop
    types:
      - name: order
        kind: entity
        key: [id]
        description: Something a customer bought.
        properties:
          - name: id
            type: Edm.String
            nullable: false
            readOnly: true
          - name: total
            type: Edm.Decimal
          - name: note
            type: Edm.String
operations:
  - kind: create
    type: shop.order
    method: POST
    path: /orders
    body:
      - {name: total, required: true}
      - {name: id}
`
	if string(out) != want {
		t.Errorf("Spec(%s):\n%s\nwant:\n%s", dir, out, want)
	}
	// a.yaml comes before b.yml; the skipped files would have failed.
	readOnlyPos := filepath.Join(dir, "a.yaml") + ":9:69" // readOnly: true
	wantW := filepath.Join(dir, "b.yml") + ":16:9: warning: the create body lists id, which shop.order marks read-only (see also " + readOnlyPos + ")"
	if len(ws) != 1 || ws[0].String() != wantW {
		t.Errorf("warnings %v\nwant %s", spectest.WarningStrings(ws), wantW)
	}
	// A file named twice, or named and inside a named directory, is read once.
	again, ws2, err := Spec(filepath.Join(dir, "a.yaml"), dir, filepath.Join(dir, "a.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	if d := spectest.Diff(again, s); d != "" || len(ws2) != 1 {
		t.Errorf("reading twice: %s %v", d, spectest.WarningStrings(ws2))
	}
}

func TestLoadErrors(t *testing.T) {
	tmp := t.TempDir()
	write := func(name, content string) string {
		p := filepath.Join(tmp, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	bad := write("bad/bad.yaml", "namespaces:\n  - name: n\n    typos: []\n")
	txt := write("notes.txt", "x")
	empty := filepath.Join(tmp, "empty")
	write("empty/readme.txt", "x")
	broken := write("broken.xml", "<edmx:Edmx")
	exts := ".md, .yaml, .yml, .xml, .edmx, .csdl"
	for _, tc := range []struct {
		name  string
		paths []string
		err   string // exact, or the prefix when it ends in "..."
	}{
		{"nothing", nil, "load: no input files"},
		{"missing", []string{filepath.Join(tmp, "missing.yaml")}, "stat " + filepath.Join(tmp, "missing.yaml") + ": no such file or directory"},
		{"unknown extension", []string{txt}, txt + ": unknown kind of spec file (want " + exts + ")"},
		{"no spec files in a directory", []string{empty}, empty + ": no spec files in the directory (want " + exts + ")"},
		{"bad YAML in a directory", []string{filepath.Join(tmp, "bad")}, bad + `:3:5: namespace: unknown key "typos" (want one of name, types, enums, typeDefs)`},
		{"bad XML", []string{broken}, broken + ":..."},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s, ws, err := Spec(tc.paths...)
			if err == nil {
				t.Fatalf("no error: %+v %v", s, ws)
			}
			if prefix, ok := strings.CutSuffix(tc.err, "..."); ok {
				if !strings.HasPrefix(err.Error(), prefix) {
					t.Errorf("error %s\nwant it to start with %s", err, prefix)
				}
			} else if err.Error() != tc.err {
				t.Errorf("error\n got %s\nwant %s", err, tc.err)
			}
		})
	}
}

func TestLoadCSDL(t *testing.T) {
	tmp := t.TempDir()
	const csdl = `<?xml version="1.0" encoding="utf-8"?>
<edmx:Edmx Version="4.0" xmlns:edmx="http://docs.oasis-open.org/odata/ns/edmx">
  <edmx:DataServices>
    <Schema Namespace="shop" xmlns="http://docs.oasis-open.org/odata/ns/edm">
      <EntityType Name="order">
        <Key><PropertyRef Name="id"/></Key>
        <Property Name="id" Type="Edm.String" Nullable="false"/>
        <Property Name="total" Type="Edm.Decimal"/>
      </EntityType>
    </Schema>
  </edmx:DataServices>
</edmx:Edmx>
`
	for _, ext := range []string{".xml", ".EDMX", ".csdl"} {
		p := filepath.Join(tmp, "shop"+ext)
		if err := os.WriteFile(p, []byte(csdl), 0o644); err != nil {
			t.Fatal(err)
		}
		s, _, err := Spec(p, filepath.Join("testdata", "yaml", "load", "b.yml"))
		if err != nil {
			t.Fatalf("%s: %v", ext, err)
		}
		// CSDL first, so its facts lead; the YAML adds the note property.
		if len(s.Types) != 1 || s.Types[0].Pos.File != p || len(s.Types[0].Properties) != 3 ||
			s.Types[0].Description != "Something a customer bought." {
			t.Errorf("%s: %+v", ext, s.Types)
		}
	}
}

// TestLoadSeed loads the seed resource page and its three API pages.
func TestLoadSeed(t *testing.T) {
	dir := spectest.Shared(t, "seeds")
	resource := filepath.Join(dir, "cloudpcexternalpartner.md")
	api := filepath.Join(dir, "api")
	create := filepath.Join(api, "virtualendpoint-post-externalpartners.md")
	s, ws, err := Spec(resource, api)
	if err != nil {
		t.Fatal(err)
	}
	if len(s.Types) != 1 || s.Types[0].QualifiedName() != "microsoft.graph.cloudPcExternalPartner" ||
		len(s.Enums) != 1 || len(s.Operations) != 2 {
		t.Fatalf("types %d enums %d operations %d", len(s.Types), len(s.Enums), len(s.Operations))
	}
	kinds := map[spec.OperationKind]*spec.Operation{}
	for _, op := range s.Operations {
		kinds[op.Kind] = op
		if op.Type != "microsoft.graph.cloudPcExternalPartner" {
			t.Errorf("operation %s is for %q", op.Kind, op.Type)
		}
	}
	if c := kinds[spec.Create]; c == nil || c.Path != "/deviceManagement/virtualEndpoint/externalPartners" || len(c.Body) != 2 {
		t.Errorf("create: %+v", c)
	}
	if u := kinds[spec.Update]; u == nil || u.Method != "PATCH" || len(u.Body) != 1 || u.Body[0].Name != "enableConnection" {
		t.Errorf("update: %+v", u)
	}
	ro := 0
	for _, w := range ws {
		if strings.Contains(w.Msg, "partnerId") {
			ro++
			if w.Pos.File != create || w.Other.File != resource ||
				w.Pos.Line != spectest.SeedLine(t, "api/virtualendpoint-post-externalpartners.md", "|partnerId|") ||
				w.Other.Line != spectest.SeedLine(t, "cloudpcexternalpartner.md", "|partnerId|") {
				t.Errorf("partnerId warning at the wrong places: %s", w)
			}
		}
	}
	if ro != 1 {
		t.Errorf("want one partnerId warning, got %v", spectest.WarningStrings(ws))
	}

	// The hand-written YAML first: it defines microsoft.graph.entity, and
	// the pages only add (and repeat the operations, which is reported).
	s2, ws2, err := Spec(filepath.Join("..", "..", "testdata", "cloudpcexternalpartner.yaml"), resource, api)
	if err != nil {
		t.Fatal(err)
	}
	if len(s2.Types) != 2 || s2.Types[1].Property("partnerId") == nil || !s2.Types[1].Property("partnerId").ReadOnly {
		t.Fatalf("types: %+v", s2.Types)
	}
	var msgs []string
	for _, w := range ws2 {
		msgs = append(msgs, w.Msg)
	}
	got := strings.Join(msgs, "\n")
	for _, want := range []string{
		"a second create operation for microsoft.graph.cloudPcExternalPartner; keeping the first",
		"a second update operation for microsoft.graph.cloudPcExternalPartner; keeping the first",
		"the create body requires partnerId, which microsoft.graph.cloudPcExternalPartner marks read-only",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("warnings lack %q:\n%s", want, got)
		}
	}
	if strings.Contains(got, "not defined") {
		t.Errorf("unexpected unresolved names:\n%s", got)
	}
}

// TestOverlayKeepsQueryPhrasesOfInherited: a docs page that repeats an
// inherited property keeps its query option phrases when the CSDL declares
// the property on the base type.
func TestOverlayKeepsQueryPhrasesOfInherited(t *testing.T) {
	dir := t.TempDir()
	csdl := `<?xml version="1.0" encoding="utf-8"?>
<edmx:Edmx Version="4.0" xmlns:edmx="http://docs.oasis-open.org/odata/ns/edmx">
  <edmx:DataServices>
    <Schema Namespace="demo.lot" xmlns="http://docs.oasis-open.org/odata/ns/edm">
      <EntityType Name="asset" Abstract="true">
        <Key><PropertyRef Name="id"/></Key>
        <Property Name="id" Type="Edm.String" Nullable="false"/>
        <Property Name="tag" Type="Edm.String"/>
      </EntityType>
      <EntityType Name="truck" BaseType="demo.lot.asset">
        <Property Name="axles" Type="Edm.Int32"/>
      </EntityType>
    </Schema>
  </edmx:DataServices>
</edmx:Edmx>
`
	page := "# truck resource type\n\nNamespace: demo.lot\n\nA vehicle of the lot.\n\n## Properties\n\n" +
		"|Property|Type|Description|\n|:---|:---|:---|\n" +
		"|id|String|Key. Inherited from asset. Read-only.|\n" +
		"|tag|String|A label, inherited from asset. Supports `$orderby` and `$search`.|\n" +
		"|axles|Int32|How many axles. Supports `$orderby`.|\n"
	for name, body := range map[string]string{"lot.xml": csdl, "truck.md": page} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	s, _, err := Spec(filepath.Join(dir, "lot.xml"), filepath.Join(dir, "truck.md"))
	if err != nil {
		t.Fatal(err)
	}
	for _, st := range s.Types {
		if st.Name != "truck" {
			continue
		}
		for _, p := range st.Properties {
			if p.Name == "tag" {
				if !p.Query.Supports(spec.OptOrderBy) || !p.Query.Supports(spec.OptSearch) {
					t.Errorf("truck/tag query facts = %+v, want $orderby and $search", p.Query)
				}
				return
			}
		}
		t.Fatal("truck has no tag property after the overlay")
	}
	t.Fatal("no truck type")
}

// TestExpandPath lists a directory's own files, the files anywhere below
// it for "dir/...", skips dot entries and what match refuses, and keeps a
// file named directly whatever its name.
func TestExpandPath(t *testing.T) {
	tmp := t.TempDir()
	for _, name := range []string{"a.md", "b.txt", "sub/c.md", "sub/deeper/d.md", ".hidden/e.md", "sub/.f.md"} {
		p := filepath.Join(tmp, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, nil, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	md := func(name string) bool { return strings.HasSuffix(name, ".md") }
	rel := func(fs []string) string {
		for i, f := range fs {
			r, err := filepath.Rel(tmp, f)
			if err != nil {
				t.Fatal(err)
			}
			fs[i] = filepath.ToSlash(r)
		}
		return strings.Join(fs, " ")
	}
	for _, tc := range []struct{ path, want string }{
		{tmp, "a.md"},
		{tmp + "/...", "a.md sub/c.md sub/deeper/d.md"},
		{filepath.Join(tmp, "sub") + "/...", "sub/c.md sub/deeper/d.md"},
		{filepath.Join(tmp, "b.txt"), "b.txt"},
	} {
		fs, err := ExpandPath(tc.path, md)
		if err != nil {
			t.Fatalf("%s: %v", tc.path, err)
		}
		if got := rel(fs); got != tc.want {
			t.Errorf("ExpandPath(%s) = %q, want %q", tc.path, got, tc.want)
		}
	}
	if _, err := ExpandPath(filepath.Join(tmp, "a.md")+"/...", md); err == nil || !strings.Contains(err.Error(), "not a directory") {
		t.Errorf("a file followed by /...: %v", err)
	}
	if _, err := ExpandPath(filepath.Join(tmp, "missing")+"/...", md); err == nil {
		t.Error("a missing directory followed by /...: no error")
	}
}
