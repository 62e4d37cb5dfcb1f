package spec

import (
	"os"
	"path/filepath"
	"testing"
)

func graphSpec(b *testing.B) *Spec {
	f := filepath.Join(sharedDir(b, "corpus", "csdl"), "graph-v1.0-clean.xml")
	src, err := os.ReadFile(f)
	if err != nil {
		b.Fatal(err)
	}
	s, _, err := ReadCSDL(f, src)
	if err != nil {
		b.Fatal(err)
	}
	return s
}

// BenchmarkWriteYAMLGraph writes the whole Microsoft Graph v1.0 spec.
func BenchmarkWriteYAMLGraph(b *testing.B) {
	s := graphSpec(b)
	b.ResetTimer()
	for b.Loop() {
		if _, err := WriteYAML(s); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkReadYAMLGraph reads the whole Microsoft Graph v1.0 spec as YAML.
func BenchmarkReadYAMLGraph(b *testing.B) {
	out, err := WriteYAML(graphSpec(b))
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(out)))
	b.ResetTimer()
	for b.Loop() {
		if _, err := ReadYAML("graph.yaml", out); err != nil {
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
		Merge(s, s)
	}
}
