package yamlspec

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/odatagen/odatagen/internal/spectest"
	"github.com/odatagen/odatagen/spec"
	"github.com/odatagen/odatagen/spec/csdl"
)

func graphSpec(b *testing.B) *spec.Spec {
	f := filepath.Join(spectest.Shared(b, "corpus", "csdl"), "graph-v1.0-clean.xml")
	src, err := os.ReadFile(f)
	if err != nil {
		b.Fatal(err)
	}
	s, _, err := csdl.Read(f, src)
	if err != nil {
		b.Fatal(err)
	}
	return s
}

// BenchmarkWriteGraph writes the whole Microsoft Graph v1.0 spec.
func BenchmarkWriteGraph(b *testing.B) {
	s := graphSpec(b)
	b.ResetTimer()
	for b.Loop() {
		if _, err := Write(s); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkReadGraph reads the whole Microsoft Graph v1.0 spec as YAML.
func BenchmarkReadGraph(b *testing.B) {
	out, err := Write(graphSpec(b))
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(out)))
	b.ResetTimer()
	for b.Loop() {
		if _, err := Read("graph.yaml", out); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkMergeGraph merges the Graph spec with itself (every type
// combines with its twin).
func BenchmarkMergeGraph(b *testing.B) {
	s := graphSpec(b)
	b.ResetTimer()
	for b.Loop() {
		spec.Merge(s, s)
	}
}
