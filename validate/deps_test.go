package validate_test

import (
	"go/parser"
	"go/token"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// heavyDeps are what validate must not pull into the programs that import
// it (every generated package does): the JSON Schema validator, which
// validate/schemaset uses, and golang.org/x/text, which it imports. Its
// init alone costs such a program some 9 ms and 1.7 MB.
var heavyDeps = []string{"github.com/santhosh-tekuri/jsonschema", "golang.org/x/text"}

const module = "github.com/odatagen/odatagen"

// TestNoHeavyDeps reads the imports of validate's non-test files and,
// recursively, of the packages of this module they import: each must be
// of the standard library or of this module, so jsonschema and x/text
// cannot come in, not even through another module.
func TestNoHeavyDeps(t *testing.T) {
	root, err := filepath.Abs("..")
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	var visit func(pkg string, from []string)
	visit = func(pkg string, from []string) {
		if seen[pkg] {
			return
		}
		seen[pkg] = true
		dir := filepath.Join(root, filepath.FromSlash(strings.TrimPrefix(strings.TrimPrefix(pkg, module), "/")))
		files, err := filepath.Glob(filepath.Join(dir, "*.go"))
		if err != nil || len(files) == 0 {
			t.Fatalf("%s: no Go files in %s (%v)", pkg, dir, err)
		}
		for _, f := range files {
			if strings.HasSuffix(f, "_test.go") {
				continue
			}
			af, err := parser.ParseFile(token.NewFileSet(), f, nil, parser.ImportsOnly)
			if err != nil {
				t.Fatal(err)
			}
			for _, is := range af.Imports {
				path, _ := strconv.Unquote(is.Path.Value)
				chain := append(slices.Clone(from), pkg)
				switch {
				case path == module || strings.HasPrefix(path, module+"/"):
					visit(path, chain)
				case !strings.Contains(strings.SplitN(path, "/", 2)[0], "."):
					// the standard library
				default:
					t.Errorf("%s imports %s (through %s), which is neither of the standard library nor of %s",
						filepath.Base(f), path, strings.Join(chain, " -> "), module)
				}
			}
		}
	}
	visit(module+"/validate", nil)
	if !seen[module+"/validate/internal/jsonvalue"] {
		t.Errorf("the walk did not reach validate/internal/jsonvalue: %v", seen)
	}
}

// TestNoHeavyDepsGoList asks the go command for the dependencies of
// validate, as a build sees them. It skips when go is not on PATH.
func TestNoHeavyDepsGoList(t *testing.T) {
	gobin, err := exec.LookPath("go")
	if err != nil {
		t.Skip("go is not on PATH")
	}
	out, err := exec.Command(gobin, "list", "-deps", module+"/validate").CombinedOutput()
	if err != nil {
		t.Skipf("go list: %v\n%s", err, out)
	}
	for _, dep := range strings.Fields(string(out)) {
		for _, heavy := range heavyDeps {
			if dep == heavy || strings.HasPrefix(dep, heavy+"/") {
				t.Errorf("validate depends on %s", dep)
			}
		}
	}
}
