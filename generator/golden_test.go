package generator

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/odatagen/odatagen/spec"
	"github.com/odatagen/odatagen/spec/csdl"
	"github.com/odatagen/odatagen/spec/yamlspec"
	"gopkg.in/yaml.v3"
)

// Golden tests. Each directory under testdata/golden is a case:
//
//	input.yaml       the spec (yamlspec.Read)
//	options.yaml     optional: package, allowUnresolved, types, namespace, compact
//	want/            the whole generated file set
//	want_notes.txt   the Notes, one a line (absent when there are none)
//	want_error.txt   instead of want/: the expected error
//	*_test.go        optional runtime tests, compiled with want/ by
//	                 TestGoldenCompile (never by this package)
//
// go test ./generator -update rewrites want/, want_notes.txt and
// want_error.txt.

const goldenRoot = "../testdata/golden"

type goldenOptions struct {
	Package         string   `yaml:"package"`
	AllowUnresolved bool     `yaml:"allowUnresolved"`
	Types           []string `yaml:"types"`
	Namespace       string   `yaml:"namespace"`
	Compact         bool     `yaml:"compact"`
}

func goldenCases(t testing.TB) []string {
	entries, err := os.ReadDir(goldenRoot)
	if err != nil {
		t.Fatal(err)
	}
	var cases []string
	for _, e := range entries {
		if e.IsDir() {
			cases = append(cases, e.Name())
		}
	}
	if len(cases) == 0 {
		t.Fatal("no golden cases")
	}
	return cases
}

// goldenPackage is the package name of a case: options.yaml's, else the
// case name without characters a package name cannot have.
func goldenPackage(name string) string {
	return regexp.MustCompile(`[^a-z0-9]`).ReplaceAllString(strings.ToLower(name), "")
}

// generateCase reads a case's input and generates it.
func generateCase(t testing.TB, name string) (*Result, error) {
	t.Helper()
	dir := filepath.Join(goldenRoot, name)
	file := "testdata/golden/" + name + "/input.yaml"
	src, err := os.ReadFile(filepath.Join(dir, "input.yaml"))
	var s *spec.Spec
	if os.IsNotExist(err) { // a CSDL case: input.xml, read with its capabilities
		file = "testdata/golden/" + name + "/input.xml"
		if src, err = os.ReadFile(filepath.Join(dir, "input.xml")); err != nil {
			t.Fatal(err)
		}
		if s, _, err = csdl.ReadWith(file, src, csdl.Options{Capabilities: true}); err != nil {
			t.Fatalf("reading input: %v", err)
		}
	} else if err != nil {
		t.Fatal(err)
	} else if s, err = yamlspec.Read(file, src); err != nil {
		t.Fatalf("reading input: %v", err)
	}
	opts := goldenOptions{Package: goldenPackage(name)}
	if b, err := os.ReadFile(filepath.Join(dir, "options.yaml")); err == nil {
		dec := yaml.NewDecoder(bytes.NewReader(b))
		dec.KnownFields(true)
		if err := dec.Decode(&opts); err != nil {
			t.Fatalf("options.yaml: %v", err)
		}
	} else if !os.IsNotExist(err) {
		t.Fatal(err)
	}
	return Generate(s, Options{
		Package:         opts.Package,
		Source:          file,
		AllowUnresolved: opts.AllowUnresolved,
		Types:           opts.Types,
		Namespace:       opts.Namespace,
		Compact:         opts.Compact,
	})
}

func notesText(notes []Note) string {
	var b strings.Builder
	for _, n := range notes {
		b.WriteString(n.String())
		b.WriteByte('\n')
	}
	return b.String()
}

func TestGolden(t *testing.T) {
	for _, name := range goldenCases(t) {
		t.Run(name, func(t *testing.T) {
			dir := filepath.Join(goldenRoot, name)
			res, err := generateCase(t, name)
			if update() {
				updateGolden(t, dir, res, err)
				return
			}
			wantErr, errFileErr := os.ReadFile(filepath.Join(dir, "want_error.txt"))
			switch {
			case errFileErr == nil && err == nil:
				t.Fatalf("Generate succeeded; want error:\n%s", wantErr)
			case errFileErr == nil:
				if got := err.Error() + "\n"; got != string(wantErr) {
					t.Fatalf("error:\n%s\nwant:\n%s", got, wantErr)
				}
			case err != nil:
				t.Fatalf("Generate: %v", err)
			default:
				compareTree(t, filepath.Join(dir, "want"), res.Files)
				assertGofmtStable(t, res.Files)
			}
			wantNotes, _ := os.ReadFile(filepath.Join(dir, "want_notes.txt"))
			if got := notesText(res.Notes); got != string(wantNotes) {
				t.Errorf("notes:\n%s\nwant:\n%s", got, wantNotes)
			}
		})
	}
}

func updateGolden(t *testing.T, dir string, res *Result, genErr error) {
	for _, p := range []string{"want", "want_error.txt", "want_notes.txt"} {
		if err := os.RemoveAll(filepath.Join(dir, p)); err != nil {
			t.Fatal(err)
		}
	}
	if genErr != nil {
		if err := os.WriteFile(filepath.Join(dir, "want_error.txt"), []byte(genErr.Error()+"\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	} else {
		if err := os.MkdirAll(filepath.Join(dir, "want"), 0o755); err != nil {
			t.Fatal(err)
		}
		for _, f := range res.Files {
			if err := os.WriteFile(filepath.Join(dir, "want", f.Name), f.Data, 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	if res != nil && len(res.Notes) > 0 {
		if err := os.WriteFile(filepath.Join(dir, "want_notes.txt"), []byte(notesText(res.Notes)), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// compareTree compares a generated file set with a directory, whole: the
// same names and the same bytes.
func compareTree(t *testing.T, dir string, files []File) {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatalf("%v (run go test ./generator -update)", err)
	}
	var want []string
	for _, e := range entries {
		want = append(want, e.Name())
	}
	var got []string
	for _, f := range files {
		got = append(got, f.Name)
	}
	if !slices.Equal(got, want) {
		t.Fatalf("files %v, want %v", got, want)
	}
	for _, f := range files {
		w, err := os.ReadFile(filepath.Join(dir, f.Name))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(f.Data, w) {
			t.Errorf("%s differs from %s:\n%s", f.Name, filepath.Join(dir, f.Name), firstDiff(string(f.Data), string(w)))
		}
	}
}

// firstDiff describes the first differing line of two texts.
func firstDiff(got, want string) string {
	g, w := strings.Split(got, "\n"), strings.Split(want, "\n")
	for i := 0; i < len(g) || i < len(w); i++ {
		var gl, wl string
		if i < len(g) {
			gl = g[i]
		}
		if i < len(w) {
			wl = w[i]
		}
		if gl != wl || i >= len(g) || i >= len(w) {
			return fmt.Sprintf("line %d:\n got: %q\nwant: %q", i+1, gl, wl)
		}
	}
	return "(same lines)"
}

// TestGoldenCompile compiles and vets every golden want/ tree and runs the
// cases' runtime tests, all in one temporary module (one package per case)
// that uses this repository through a replace directive.
func TestGoldenCompile(t *testing.T) {
	if testing.Short() {
		t.Skip("compiles generated code")
	}
	goTool, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go tool")
	}
	root, err := filepath.Abs("..")
	if err != nil {
		t.Fatal(err)
	}
	mod := t.TempDir()
	gomod := "module goldens\n\ngo 1.26\n\nrequire github.com/odatagen/odatagen v0.0.0\n\nreplace github.com/odatagen/odatagen => " + root + "\n"
	write := func(path string, data []byte) {
		t.Helper()
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write(filepath.Join(mod, "go.mod"), []byte(gomod))
	if sum, err := os.ReadFile(filepath.Join(root, "go.sum")); err == nil {
		write(filepath.Join(mod, "go.sum"), sum)
	}
	n := 0
	for _, name := range goldenCases(t) {
		dir := filepath.Join(goldenRoot, name)
		want, err := os.ReadDir(filepath.Join(dir, "want"))
		if os.IsNotExist(err) {
			continue
		} else if err != nil {
			t.Fatal(err)
		}
		n++
		pkgDir := filepath.Join(mod, goldenPackage(name))
		for _, e := range want {
			data, err := os.ReadFile(filepath.Join(dir, "want", e.Name()))
			if err != nil {
				t.Fatal(err)
			}
			write(filepath.Join(pkgDir, e.Name()), data)
		}
		tests, _ := filepath.Glob(filepath.Join(dir, "*_test.go"))
		for _, tf := range tests {
			data, err := os.ReadFile(tf)
			if err != nil {
				t.Fatal(err)
			}
			write(filepath.Join(pkgDir, filepath.Base(tf)), data)
		}
	}
	if n == 0 {
		t.Fatal("no golden want/ trees")
	}
	writeSeedExample(t, filepath.Join(mod, "seed", "testdata"))
	run := func(args ...string) {
		t.Helper()
		cmd := exec.Command(goTool, args...)
		cmd.Dir = mod
		cmd.Env = append(os.Environ(), "GOFLAGS=-mod=mod", "GOPROXY=off", "GOWORK=off")
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("go %s: %v\n%s", strings.Join(args, " "), err, out)
		}
		t.Logf("go %s:\n%s", strings.Join(args, " "), out)
	}
	run("vet", "./...")
	run("test", "-count=1", "-v", "./...")
}

// writeSeedExample copies the JSON response example of the seed's Update
// page (when ../shared/seeds is there) into the seed package's testdata,
// where its runtime test looks for it.
func writeSeedExample(t *testing.T, dir string) {
	page, err := os.ReadFile(filepath.Join("..", "..", "shared", "seeds", "api", "cloudpcexternalpartner-update.md"))
	if err != nil {
		return
	}
	i := bytes.Index(page, []byte("HTTP/1.1 200 OK"))
	if i < 0 {
		return
	}
	body := page[i:]
	start, end := bytes.IndexByte(body, '{'), bytes.Index(body, []byte("\n}"))
	if start < 0 || end < start {
		return
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "get_response.json"), body[start:end+2], 0o644); err != nil {
		t.Fatal(err)
	}
}
