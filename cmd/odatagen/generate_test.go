package main

import (
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// snapshot reads every file of dir.
func snapshot(t *testing.T, dir string) map[string]string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	files := map[string]string{}
	for _, e := range entries {
		data, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		files[e.Name()] = string(data)
	}
	return files
}

func TestGenerate(t *testing.T) {
	out := filepath.Join(t.TempDir(), "graph")
	code, _, errOut := runCLI(t, "", "generate", "-o", out, "../../testdata/cloudpcexternalpartner.yaml")
	if code != 0 {
		t.Fatalf("exit %d\n%s", code, errOut)
	}
	first := snapshot(t, out)
	for _, want := range []string{"types.go", "enums.go", "validate.go", "filter.go",
		"microsoft.graph.cloudPcExternalPartner.create.schema.json", ".odatagen"} {
		if _, ok := first[want]; !ok {
			t.Errorf("no %s in %v", want, slices.Sorted(maps.Keys(first)))
		}
	}
	if !strings.Contains(first["types.go"], "\npackage graph\n") {
		t.Error("the package is not named after the directory")
	}
	// Generating again gives the same bytes, and a user's file beside the
	// generated ones stays.
	mine := filepath.Join(out, "mine.go")
	if err := os.WriteFile(mine, []byte("package graph\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if code, _, errOut := runCLI(t, "", "generate", "-o", out, "../../testdata/cloudpcexternalpartner.yaml"); code != 0 {
		t.Fatalf("second run: exit %d\n%s", code, errOut)
	}
	second := snapshot(t, out)
	delete(second, "mine.go")
	if !maps.Equal(first, second) {
		t.Error("generating twice gave different files")
	}

	// A failing generation leaves the directory as it was.
	bad := filepath.Join(t.TempDir(), "bad.yaml")
	src := "namespaces:\n  - name: n\n    types:\n      - name: t\n        kind: complex\n        properties:\n          - {name: x, type: n.missing}\n"
	if err := os.WriteFile(bad, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	before := snapshot(t, out)
	code, _, errOut = runCLI(t, "", "generate", "-o", out, "-pkg", "graph", bad)
	if code != 2 || !strings.Contains(errOut, "n.missing") || !strings.Contains(errOut, bad+":7:") {
		t.Errorf("unresolved type: exit %d, stderr %q; want 2 naming the type and its position", code, errOut)
	}
	if after := snapshot(t, out); !maps.Equal(before, after) {
		t.Error("a failing generation changed the output directory")
	}
	// With -allow-unresolved it generates, with a note.
	code, _, errOut = runCLI(t, "", "generate", "-o", filepath.Join(t.TempDir(), "raw"), "-allow-unresolved", bad)
	if code != 0 || !strings.Contains(errOut, "n.missing") {
		t.Errorf("-allow-unresolved: exit %d, stderr %q", code, errOut)
	}
}

func TestGenerateUsage(t *testing.T) {
	for _, args := range [][]string{
		{"generate"},
		{"generate", "-o", t.TempDir()},
		{"generate", "../../testdata/cloudpcexternalpartner.yaml"},
		{"generate", "-o", t.TempDir(), "/no/such/input.yaml"},
	} {
		if code, _, errOut := runCLI(t, "", args...); code != 2 {
			t.Errorf("%v: exit %d, want 2\n%s", args, code, errOut)
		}
	}
	if code, _, errOut := runCLI(t, "", "generate", "-o", t.TempDir(), "-pkg", "not-a-name", "../../testdata/cloudpcexternalpartner.yaml"); code != 2 {
		t.Errorf("bad package name: exit %d, want 2\n%s", code, errOut)
	}
}

func TestGenerateCompact(t *testing.T) {
	out := filepath.Join(t.TempDir(), "graph")
	if code, _, errOut := runCLI(t, "", "generate", "-o", out, "-compact", "../../testdata/cloudpcexternalpartner.yaml"); code != 0 {
		t.Fatalf("exit %d\n%s", code, errOut)
	}
	files := snapshot(t, out)
	if strings.Contains(files["validate.go"], "func ValidateCloudPcExternalPartner(") ||
		strings.Contains(files["filter.go"], "CloudPcExternalPartnerFilter struct") {
		t.Error("-compact output has per-type functions or builders")
	}
	if !strings.Contains(files["validate.go"], "func Validate[T any]") || !strings.Contains(files["filter.go"], "func CheckFilter[T any]") {
		t.Error("-compact output lacks the generic entry points")
	}
}
