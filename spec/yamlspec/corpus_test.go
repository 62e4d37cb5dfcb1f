package yamlspec_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/odatagen/odatagen/internal/spectest"
	"github.com/odatagen/odatagen/spec/csdl"
	"github.com/odatagen/odatagen/spec/load"
	"github.com/odatagen/odatagen/spec/markdown"
	"github.com/odatagen/odatagen/spec/yamlspec"
)

// TestYAMLLosslessFromDocs checks docs -> YAML -> spec on the seed pages
// and every corpus page: all but positions survive.
func TestYAMLLosslessFromDocs(t *testing.T) {
	shared := spectest.Shared(t)
	// WalkDir does not follow a symbolic link at its root; ../shared may
	// be one.
	if real, err := filepath.EvalSymlinks(shared); err == nil {
		shared = real
	}
	var pages []string
	err := filepath.WalkDir(shared, func(path string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(shared, path)
		if !d.IsDir() && strings.HasSuffix(path, ".md") && !strings.HasSuffix(path, "README.md") &&
			(strings.HasPrefix(rel, "seeds") || strings.HasPrefix(rel, "corpus")) {
			pages = append(pages, path)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(pages) < 4 {
		t.Fatalf("found only %d pages under %s", len(pages), shared)
	}
	read := 0
	for _, page := range pages {
		src, err := os.ReadFile(page)
		if err != nil {
			t.Fatal(err)
		}
		s, _, err := markdown.Read(page, src)
		if err != nil {
			continue // the markdown reader's tests judge its errors
		}
		read++
		yamlspec.RoundTrip(t, page, spectest.ClearPos(s))
	}
	if read*2 < len(pages) {
		t.Errorf("markdown.Read read only %d of %d pages", read, len(pages))
	}
	// And all of them merged into one spec.
	all, _, err := load.Spec(pages...)
	if err != nil {
		t.Fatalf("Load of every page: %v", err)
	}
	if len(all.Types) == 0 {
		t.Fatal("Load of every page gave no types")
	}
	yamlspec.RoundTrip(t, "all pages", spectest.ClearPos(all))
}

// TestYAMLLosslessFromCSDL checks CSDL -> YAML -> spec on the sample
// services and the whole Microsoft Graph v1.0 metadata.
func TestYAMLLosslessFromCSDL(t *testing.T) {
	dir := spectest.Shared(t, "corpus", "csdl")
	files, err := filepath.Glob(filepath.Join(dir, "*.xml"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no CSDL files in %s: %v", dir, err)
	}
	for _, f := range files {
		if testing.Short() && strings.Contains(f, "graph") {
			continue
		}
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		s, _, err := csdl.Read(f, src)
		if err != nil {
			t.Errorf("%s: %v", f, err)
			continue
		}
		yamlspec.RoundTrip(t, f, spectest.ClearPos(s))
	}
}
