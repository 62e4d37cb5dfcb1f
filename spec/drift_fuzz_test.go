package spec_test

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/odatagen/odatagen/spec"
	"github.com/odatagen/odatagen/spec/csdl"
	"github.com/odatagen/odatagen/spec/load"
	"github.com/odatagen/odatagen/spec/markdown"
)

// FuzzDrift reads a fuzzed docs page beside the drift fixtures and checks
// that Drift and Overlay never panic, that findings are sorted, unique,
// positioned and one line each, and that Overlay keeps the CSDL's types
// first.
func FuzzDrift(f *testing.F) {
	dir := filepath.Join("testdata", "drift")
	csdlSrc, err := os.ReadFile(filepath.Join(dir, "fleet.xml"))
	if err != nil {
		f.Fatal(err)
	}
	csdl, _, err := csdl.Read("fleet.xml", csdlSrc)
	if err != nil {
		f.Fatal(err)
	}
	for _, name := range []string{"vehicle.md", "vehicle-create.md"} {
		src, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(src)
	}
	f.Add([]byte(fleetPage("depot", `"keyProperty": "city", "baseType": "demo.fleet.vehicle"`,
		"|city|Int32 collection|Town. Read-only. Required. Not nullable. Supports `$filter` (`eq`).|\n|plate|x|?|", "")))
	f.Add([]byte(fleetAPI("PATCH", "|plate|String|Plate.|\n|id|String|Key.|\n|nowhere|Edm.Guid|None.|")))
	f.Fuzz(func(t *testing.T, src []byte) {
		docs, _, err := markdown.Read("page.md", src)
		if err != nil {
			return
		}
		got := spec.Drift([]*spec.Spec{csdl}, []*spec.Spec{docs, docs})
		for i, fd := range got {
			if i > 0 && spec.CompareFindings(got[i-1], fd) >= 0 {
				t.Fatalf("findings out of order or repeated: %v, %v", got[i-1], fd)
			}
			if !fd.Pos.IsValid() || !fd.Other.IsValid() || fd.Subject == "" || fd.Kind == "" {
				t.Fatalf("incomplete finding %#v", fd)
			}
			if strings.ContainsAny(fd.Reason, "\n\r") {
				t.Fatalf("multi-line reason %q", fd.Reason)
			}
		}
		if again := spec.Drift([]*spec.Spec{csdl}, []*spec.Spec{docs, docs}); !slices.Equal(again, got) {
			t.Fatal("Drift is not deterministic")
		}
		s, _ := spec.Overlay([]*spec.Spec{csdl}, []*spec.Spec{docs})
		for i, ty := range csdl.Types {
			if i >= len(s.Types) || !strings.EqualFold(s.Types[i].QualifiedName(), ty.QualifiedName()) {
				t.Fatalf("Overlay did not keep the CSDL's types first")
			}
		}
	})
}

// BenchmarkDriftGraph compares the Graph v1.0 CSDL with the corpus pages
// (the files are read once, outside the timing).
func BenchmarkDriftGraph(b *testing.B) {
	csdlFile := filepath.Join(driftShared, "corpus", "csdl", "graph-v1.0-clean.xml")
	pages := filepath.Join(driftShared, "corpus", "graph-docs-2021", "v1.0")
	if !driftDirExists(pages) {
		b.Skip("corpus absent")
	}
	csdl, docs, _, err := load.Inputs(csdlFile, pages)
	if err != nil {
		b.Fatal(err)
	}
	b.Run("Drift", func(b *testing.B) {
		for b.Loop() {
			spec.Drift(csdl, docs)
		}
	})
	b.Run("Overlay", func(b *testing.B) {
		for b.Loop() {
			spec.Overlay(csdl, docs)
		}
	})
}
