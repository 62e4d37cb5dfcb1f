package yamlspec

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/odatagen/odatagen/internal/spectest"
	"github.com/odatagen/odatagen/spec"
	"github.com/odatagen/odatagen/spec/csdl"
)

// TestYAMLCapabilitiesRoundTrip writes and reads back the capabilities of
// the CSDL reader's fixtures and of the whole Graph v1.0 metadata.
func TestYAMLCapabilitiesRoundTrip(t *testing.T) {
	files := []string{
		filepath.Join("..", "csdl", "testdata", "csdl", "capabilities.xml"),
		filepath.Join("..", "csdl", "testdata", "csdl", "garden.xml"),
	}
	for _, f := range files {
		capsRoundTrip(t, f)
	}
	if !testing.Short() {
		t.Run("graph", func(t *testing.T) {
			capsRoundTrip(t, filepath.Join(spectest.Shared(t, "corpus", "csdl"), "graph-v1.0-clean.xml"))
		})
	}
}

func capsRoundTrip(t *testing.T, f string) {
	t.Helper()
	{
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		s, _, err := csdl.ReadWith(f, src, csdl.Options{Capabilities: true})
		if err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		if !hasCapabilities(s) {
			t.Fatalf("%s: no capabilities read, the test proves nothing", f)
		}
		roundTrip(t, f, spectest.ClearPos(s))
	}
}

func hasCapabilities(s *spec.Spec) bool {
	if !s.Container.IsZero() {
		return true
	}
	for _, es := range s.EntitySets {
		if !es.Capabilities.IsZero() || len(es.Paths) > 0 || len(es.Bindings) > 0 {
			return true
		}
	}
	for _, t := range s.Types {
		if !t.Capabilities.IsZero() {
			return true
		}
	}
	return false
}

const capsYAML = `namespaces:
  - name: ns
    types:
      - name: user
        kind: entity
        key: [id]
        properties:
          - {name: id, type: Edm.String}
        navigationProperties:
          - name: manager
            type: ns.user
            capabilities: {topSupported: false}
        capabilities:
          search: {searchable: true, unsupportedExpressions: [NOT]}
        inheritedNavigation:
          - path: directReports
            capabilities: {count: {countable: false}}
entitySets:
  - name: users
    type: ns.user
    bindings:
      - {path: manager, target: users}
    capabilities:
      filter: {filterable: true, requiredProperties: [id], maxLevels: -1}
      read:
        customHeaders:
          - {name: ConsistencyLevel, requiredWith: [$search]}
      navigation:
        navigability: Single
        restrictedProperties:
          - navigationProperty: manager
            navigability: None
            sort: {sortable: false}
    paths:
      - path: manager
        capabilities: {skipSupported: true}
container:
  customQueryOptions:
    - {name: debug, required: true, exampleValues: ["1"]}
`

func TestYAMLCapabilitiesRead(t *testing.T) {
	s, err := Read("c.yaml", []byte(capsYAML))
	if err != nil {
		t.Fatal(err)
	}
	es := s.EntitySets[0]
	if f := es.Capabilities.Filter; f == nil || f.Filterable != spec.Yes || f.MaxLevels != -1 || f.Pos.Line != 24 || f.Pos.Col != 15 {
		t.Errorf("filter = %+v", f)
	}
	if h := es.Capabilities.Read.CustomHeaders; len(h) != 1 || h[0].Name != "ConsistencyLevel" || h[0].RequiredWith[0] != "$search" {
		t.Errorf("read headers = %+v", h)
	}
	rp := es.Capabilities.Navigation.RestrictedProperties
	if len(rp) != 1 || rp[0].NavigationProperty != "manager" || rp[0].Navigability != "None" || rp[0].Sort.Sortable != spec.No {
		t.Errorf("restricted = %+v", rp)
	}
	if len(es.Bindings) != 1 || es.Bindings[0].Target != "users" || es.Bindings[0].Pos.Line != 22 {
		t.Errorf("bindings = %+v", es.Bindings)
	}
	if es.Paths[0].Capabilities.SkipSupported != spec.Yes {
		t.Errorf("paths = %+v", es.Paths[0].Capabilities)
	}
	u := s.Types[0]
	if u.NavigationProperties[0].Capabilities.TopSupported != spec.No || u.Capabilities.Search.UnsupportedExpressions[0] != "NOT" ||
		u.InheritedNavigation[0].Capabilities.Count.Countable != spec.No {
		t.Errorf("type capabilities = %+v", u)
	}
	if q := s.Container.CustomQueryOptions; len(q) != 1 || !q[0].Required || q[0].ExampleValues[0] != "1" {
		t.Errorf("container = %+v", s.Container)
	}
	back := roundTrip(t, "caps", spectest.ClearPos(s))
	out, _ := Write(back)
	// Small: unstated terms stay out, scalar records are flow mappings.
	for _, want := range []string{"capabilities: {topSupported: false}", "sort: {sortable: false}", "{path: manager, target: users}"} {
		if !strings.Contains(string(out), want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(string(out), "expand") || strings.Contains(string(out), "indexableByKey") {
		t.Errorf("output has unstated terms:\n%s", out)
	}
}

func TestYAMLCapabilitiesErrors(t *testing.T) {
	for _, c := range []struct{ old, new, want string }{
		{"{count: {countable: false}}", "{countable: false}", "c.yaml:17:28: inheritedNavigation capabilities: unknown key \"countable\""},
		{"filterable: true", "filterable: maybe", "c.yaml:24:28: entity set capabilities filter filterable: want true or false"},
		{"maxLevels: -1", "maxLevels: x", "c.yaml:24:71: entity set capabilities filter maxLevels: want an integer"},
		{"{path: manager, target: users}", "{path: manager}", "c.yaml:22:9: binding: missing target"},
		{"requiredWith: [$search]", "requiredWith: $search", "want a list"},
		{"      - path: manager\n        capabilities: {skipSupported: true}", "      - capabilities: {skipSupported: true}", "c.yaml:35:9: paths: missing path"},
	} {
		src := strings.Replace(capsYAML, c.old, c.new, 1)
		if src == capsYAML {
			t.Fatalf("%q not in the fixture", c.old)
		}
		_, err := Read("c.yaml", []byte(src))
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s -> %s: err = %v, want %q", c.old, c.new, err, c.want)
		}
	}
}
