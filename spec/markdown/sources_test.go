package markdown

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/odatagen/odatagen/spec"
)

// TestSources: each fact of a property read from a table row has the
// position of the cell that stated it (the description cell for what its
// phrases say), and facts the row does not state have none.
func TestSources(t *testing.T) {
	file := filepath.Join("testdata", "markdown", "sources.md")
	src, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(string(src), "\n")
	// cell is the position of the first cell of the row of property name
	// that starts with text.
	cell := func(name, text string) spec.Pos {
		t.Helper()
		for i, l := range lines {
			if strings.HasPrefix(l, "| "+name+" |") {
				if c := strings.Index(l, "| "+text); c >= 0 {
					return spec.Pos{File: file, Line: i + 1, Col: c + 3}
				}
			}
		}
		t.Fatalf("no row %s with a cell %q", name, text)
		return spec.Pos{}
	}
	s, warns, err := Read(file, src)
	if err != nil || len(warns) > 0 {
		t.Fatalf("Read: %v %v", err, warns)
	}
	typ := spec.NewIndex(s).Type("microsoft.graph.gizmo")
	if typ == nil {
		t.Fatal("no gizmo")
	}
	for _, tc := range []struct {
		prop string
		want map[spec.Fact]spec.Pos
	}{
		{"id", map[spec.Fact]spec.Pos{
			spec.FactType: cell("id", "String"), spec.FactReadOnly: cell("id", "The gizmo"),
			spec.FactDescription: cell("id", "The gizmo")}},
		{"serial", map[spec.Fact]spec.Pos{
			spec.FactType: cell("serial", "String"), spec.FactReadOnly: cell("serial", "Serial number"),
			spec.FactNullable: cell("serial", "Serial number"), spec.FactFilter: cell("serial", "Serial number"),
			spec.FactDescription: cell("serial", "Serial number")}},
		{"label", map[spec.Fact]spec.Pos{
			spec.FactType: cell("label", "String"), spec.FactRequired: cell("label", "What"),
			spec.FactDescription: cell("label", "What")}},
		{"weight", map[spec.Fact]spec.Pos{spec.FactType: cell("weight", "Int32")}},
		{"retries", map[spec.Fact]spec.Pos{
			spec.FactType: cell("retries", "Int32"), spec.FactRequired: cell("retries", "Yes"),
			spec.FactDefault: cell("retries", "3"), spec.FactDescription: cell("retries", "How often")}},
		{"parts", map[spec.Fact]spec.Pos{
			spec.FactType: cell("parts", "[part]"), spec.FactQuery: cell("parts", "The pieces"),
			spec.FactDescription: cell("parts", "The pieces")}},
	} {
		p := typ.Property(tc.prop)
		if p == nil {
			t.Errorf("no property %s", tc.prop)
			continue
		}
		for _, f := range spec.Facts {
			from, also := p.Source(f)
			if want := tc.want[f]; from != want || len(also) > 0 {
				t.Errorf("%s: %s comes from %v (also %v), want %v", tc.prop, f, from, also, want)
			}
		}
	}
}
