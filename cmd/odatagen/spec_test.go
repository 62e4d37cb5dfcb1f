package main

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/odatagen/odatagen/internal/spectest"
	"github.com/odatagen/odatagen/spec"
	"github.com/odatagen/odatagen/spec/yamlspec"
	"gopkg.in/yaml.v3"
)

// TestSpecSeed checks the facts of the seed resource page through the
// command line: the YAML it prints, read back.
func TestSpecSeed(t *testing.T) {
	resource := seedPath(t, "cloudpcexternalpartner.md")
	code, out, errOut := runCLI(t, "", "spec", resource)
	if code != 0 {
		t.Fatalf("exit %d\n%s", code, errOut)
	}
	s, err := yamlspec.Read("stdout", []byte(out))
	if err != nil {
		t.Fatalf("output is not a YAML spec: %v\n%s", err, out)
	}
	ix := spec.NewIndex(s)
	typ := ix.Type("microsoft.graph.cloudPcExternalPartner")
	if typ == nil {
		t.Fatalf("no microsoft.graph.cloudPcExternalPartner in:\n%s", out)
	}
	if typ.Namespace != "microsoft.graph" || typ.Kind != spec.EntityKind || typ.BaseType != "microsoft.graph.entity" ||
		!slices.Equal(typ.Key, []string{"id"}) || typ.Open {
		t.Errorf("type facts: namespace %q kind %q base %q key %v open %v", typ.Namespace, typ.Kind, typ.BaseType, typ.Key, typ.Open)
	}
	type fact struct {
		name, typ          string
		readOnly, required bool
		ops                []spec.FilterOp
		def                string
	}
	want := []fact{
		{name: "id", typ: "Edm.String", readOnly: true},
		{name: "partnerId", typ: "Edm.String", readOnly: true},
		{name: "enableConnection", typ: "Edm.Boolean", required: true, ops: []spec.FilterOp{spec.OpEq}},
		{name: "lastSyncDateTime", typ: "Edm.DateTimeOffset"},
		{name: "connectionStatus", typ: "microsoft.graph.cloudPcExternalPartnerStatus", readOnly: true, def: "available"},
		{name: "statusDetails", typ: "Edm.String", readOnly: true},
	}
	if len(typ.Properties) != len(want) {
		t.Fatalf("%d properties, want %d", len(typ.Properties), len(want))
	}
	for i, w := range want {
		p := typ.Properties[i]
		got := fact{name: p.Name, typ: p.Type.String(), readOnly: p.ReadOnly, required: p.Required}
		if p.Filter != nil {
			got.ops = p.Filter.Ops
			if p.Filter.Null || p.Filter.Count {
				t.Errorf("%s: filter allows null %v, $count %v; want neither", p.Name, p.Filter.Null, p.Filter.Count)
			}
		}
		if p.Default != nil {
			got.def = *p.Default
		}
		if w.name != got.name || w.typ != got.typ || w.readOnly != got.readOnly || w.required != got.required ||
			!slices.Equal(w.ops, got.ops) || w.def != got.def || (w.ops != nil) != (p.Filter != nil) {
			t.Errorf("property %d: got %+v, want %+v", i, got, w)
		}
	}
	enum := ix.Enum("microsoft.graph.cloudPcExternalPartnerStatus")
	if enum == nil {
		t.Fatal("no enum cloudPcExternalPartnerStatus")
	}
	var members []string
	for _, m := range enum.Members {
		members = append(members, m.Name)
	}
	if !slices.Equal(members, []string{"notAvailable", "available", "healthy", "unhealthy", "unknownFutureValue"}) {
		t.Errorf("members %v", members)
	}
	if enum.Sentinel != "unknownFutureValue" {
		t.Errorf("sentinel %q, want unknownFutureValue", enum.Sentinel)
	}
}

// TestSpecSeedWithAPIPages: the Create and Update pages add operations, and
// the read-only/required disagreement on partnerId is a warning naming both
// positions.
func TestSpecSeedWithAPIPages(t *testing.T) {
	resource := seedPath(t, "cloudpcexternalpartner.md")
	create := seedPath(t, "api/virtualendpoint-post-externalpartners.md")
	update := seedPath(t, "api/cloudpcexternalpartner-update.md")
	list := seedPath(t, "api/virtualendpoint-list-externalpartners.md")
	out := filepath.Join(t.TempDir(), "spec.yaml")
	code, _, errOut := runCLI(t, "", "spec", "-o", out, resource, create, update, list)
	if code != 0 {
		t.Fatalf("exit %d\n%s", code, errOut)
	}
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	s, err := yamlspec.Read(out, data)
	if err != nil {
		t.Fatal(err)
	}
	ops := map[spec.OperationKind]*spec.Operation{}
	for _, op := range s.Operations {
		if op.Type != "microsoft.graph.cloudPcExternalPartner" {
			t.Errorf("operation %s on %s", op.Kind, op.Type)
		}
		ops[op.Kind] = op
	}
	body := func(op *spec.Operation) (names []string, required []string) {
		for _, b := range op.Body {
			names = append(names, b.Name)
			if b.Required {
				required = append(required, b.Name)
			}
		}
		slices.Sort(names)
		slices.Sort(required)
		return
	}
	if op := ops[spec.Create]; op == nil {
		t.Error("no create operation")
	} else if names, req := body(op); !slices.Equal(names, []string{"enableConnection", "partnerId"}) || !slices.Equal(req, names) {
		t.Errorf("create body %v, required %v", names, req)
	}
	if op := ops[spec.Update]; op == nil {
		t.Error("no update operation")
	} else if names, _ := body(op); !slices.Equal(names, []string{"enableConnection"}) {
		t.Errorf("update body %v", names)
	}
	// One warning line names partnerId, the Create page's position and the
	// resource page's position.
	re := regexp.MustCompile(`(?m)^.*partnerId.*$`)
	var found bool
	for _, line := range re.FindAllString(errOut, -1) {
		if regexp.MustCompile(regexp.QuoteMeta(create)+`:\d+`).MatchString(line) &&
			regexp.MustCompile(regexp.QuoteMeta(resource)+`:\d+`).MatchString(line) {
			found = true
		}
	}
	if !found {
		t.Errorf("no warning naming partnerId with both positions in:\n%s", errOut)
	}
}

func TestSpecErrors(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.yaml")
	if err := os.WriteFile(bad, []byte("namespaces:\n  - name: x\n    typez: []\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, _, errOut := runCLI(t, "", "spec", bad)
	if code != 2 || !strings.Contains(errOut, bad+":3:") {
		t.Errorf("bad YAML: exit %d, want 2 with %s:3: in %q", code, bad, errOut)
	}
	if code, _, _ := runCLI(t, "", "spec"); code != 2 {
		t.Errorf("no input: exit %d, want 2", code)
	}
	if code, _, _ := runCLI(t, "", "spec", filepath.Join(dir, "missing.md")); code != 2 {
		t.Errorf("missing input: exit %d, want 2", code)
	}
	if code, _, _ := runCLI(t, "", "nosuchcommand"); code != 2 {
		t.Errorf("unknown command: exit %d, want 2", code)
	}
}

// TestSpecSources: spec -sources on a docs page and a CSDL document of the
// same type (the readers' fixtures) writes, per property, where each fact
// came from: serial's type from the CSDL Property element (the page's type
// cell also says it), its read-only and $filter support from the page's
// description cell; weight's read-only from the CSDL's Core.Computed. Read
// back, the YAML is the spec that spec writes without -sources, and that
// output has no sources at all.
func TestSpecSources(t *testing.T) {
	page := filepath.Join("..", "..", "spec", "markdown", "testdata", "markdown", "sources.md")
	csdlFile := filepath.Join("..", "..", "spec", "csdl", "testdata", "csdl", "sources.xml")
	// at is file:line:col of the first line of file holding text, at the
	// column where want (on that line) starts.
	at := func(file, text, want string) string {
		t.Helper()
		src, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		for i, l := range strings.Split(string(src), "\n") {
			if strings.Contains(l, text) {
				return fmt.Sprintf("%s:%d:%d", file, i+1, strings.Index(l, want)+1)
			}
		}
		t.Fatalf("%s has no line with %q", file, text)
		return ""
	}
	code, out, errOut := runCLI(t, "", "spec", "-sources", page, csdlFile)
	if code != 0 {
		t.Fatalf("exit %d\n%s", code, errOut)
	}
	var doc struct {
		Namespaces []struct {
			Types []struct {
				Name       string
				Sources    map[string]any
				Properties []struct {
					Name    string
					Sources map[string]any
				}
			}
		}
	}
	if err := yaml.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatalf("output is not YAML: %v\n%s", err, out)
	}
	sources := map[string]map[string]any{} // "type.property" -> sources
	typeSources := map[string]map[string]any{}
	for _, ns := range doc.Namespaces {
		for _, ty := range ns.Types {
			typeSources[ty.Name] = ty.Sources
			for _, p := range ty.Properties {
				sources[ty.Name+"."+p.Name] = p.Sources
			}
		}
	}
	serialRow := "| serial | String |"
	for _, tc := range []struct {
		prop, fact string
		want       any
	}{
		{"gizmo.serial", "type", map[string]any{
			"from": at(csdlFile, `Property Name="serial"`, "<Property"),
			"also": []any{at(page, serialRow, "String")}}},
		{"gizmo.serial", "nullable", at(csdlFile, `Property Name="serial"`, "<Property")},
		{"gizmo.serial", "readOnly", at(page, serialRow, "Serial number")},
		{"gizmo.serial", "filter", at(page, serialRow, "Serial number")},
		{"gizmo.weight", "readOnly", at(csdlFile, `Term="Org.OData.Core.V1.Computed" Bool="true"`, "<Annotation")},
		{"gizmo.retries", "default", at(page, "| retries |", "3 | How")},
	} {
		got := sources[tc.prop][tc.fact]
		if !reflect.DeepEqual(got, tc.want) {
			t.Errorf("%s: %s source %#v, want %#v", tc.prop, tc.fact, got, tc.want)
		}
	}
	if got, want := typeSources["gizmo"]["declared"], at(csdlFile, `EntityType Name="gizmo"`, "<EntityType"); got != want {
		t.Errorf("gizmo declared at %v, want %v", got, want)
	}

	code, plain, errOut := runCLI(t, "", "spec", page, csdlFile)
	if code != 0 {
		t.Fatalf("without -sources: exit %d\n%s", code, errOut)
	}
	if strings.Contains(plain, "sources:") {
		t.Errorf("spec without -sources wrote sources:\n%s", plain)
	}
	a, err := yamlspec.Read("plain.yaml", []byte(plain))
	if err != nil {
		t.Fatal(err)
	}
	b, err := yamlspec.Read("sources.yaml", []byte(out))
	if err != nil {
		t.Fatalf("-sources output does not read back: %v", err)
	}
	if d := spectest.Diff(spectest.ClearPos(b), spectest.ClearPos(a)); d != "" {
		t.Errorf("-sources output reads back as another spec: %s", d)
	}
}
