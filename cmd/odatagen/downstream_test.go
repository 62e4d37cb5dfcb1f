package main

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// The downstream tests follow the README's recipes in a fresh module outside
// this repository: a go:generate line runs odatagen on a spec, and the
// module's own code imports the generated package. Three ways to run the
// command are covered:
//
//   - "go run github.com/odatagen/odatagen/cmd/odatagen" with the module in
//     go.mod (and a replace pointing at this checkout);
//   - a tool directive ("go get -tool", then "go tool odatagen"), the
//     recommended way: the tool's dependencies stay in go.mod and go.sum, so
//     "go mod tidy" does not break go generate;
//   - "go run github.com/odatagen/odatagen/cmd/odatagen@VERSION".
//
// The last two get odatagen as a user does, from a module proxy (see
// proxyEnv): a file proxy serves this checkout as a made-up version, and
// the configured proxy serves what the module cache lacks (gopkg.in/yaml.v3's
// own requirements, for one, which go get -tool needs and this repository's
// build does not download). Nothing relies on what happens to be in the
// module cache; CI runs these tests with an empty one. Where the network is
// truly unavailable and the cache lacks a module, a test skips and says so.
//
// Each recipe runs go generate, go mod tidy, go build, go vet and go test,
// then go generate again, which must leave the generated files as they were.
//
// Finding: with the plain "go run" form (no version, no tool directive),
// "go mod tidy" drops the go.sum entries of the generator's own dependencies
// (jennifer, yaml), which the generated package does not import; go generate
// then fails with "missing go.sum entry" unless GOFLAGS=-mod=mod. That
// variant is therefore run with -mod=mod; the README should prefer the other
// two.

// downstreamMain uses the generated package; downstreamTest asserts what it
// does. The create body is the docs' create example (payload #11).
const (
	downstreamMain = `package main

import (
	"fmt"

	"example.com/downstream/graph"
	"github.com/odatagen/odatagen/validate"
	"github.com/odatagen/odatagen/validate/filter"
)

func main() {
	body := []byte(` + "`" + `{"partnerId":"198d7140-80bb-4843-8cc4-811377a49a92","enableConnection":true}` + "`" + `)
	fmt.Println(graph.ValidateCloudPcExternalPartner(body, validate.Create))
	fmt.Println(filter.Eq(graph.CloudPcExternalPartnerFilter.EnableConnection, true))
}
`
	downstreamTest = `package main

import (
	"testing"

	"example.com/downstream/graph"
	"github.com/odatagen/odatagen/validate"
	"github.com/odatagen/odatagen/validate/filter"
)

func TestGenerated(t *testing.T) {
	create := []byte(` + "`" + `{"@odata.type":"#microsoft.graph.cloudPcExternalPartner","partnerId":"198d7140-80bb-4843-8cc4-811377a49a92","enableConnection":true}` + "`" + `)
	if err := graph.ValidateCloudPcExternalPartner(create, validate.Create); err != nil {
		t.Errorf("create body: %v", err)
	}
	if err := graph.ValidateCloudPcExternalPartner([]byte(` + "`" + `{"enableConnection":"yes"}` + "`" + `), validate.Create); err == nil {
		t.Error("a string enableConnection and no partnerId validated")
	}
	cond := filter.Eq(graph.CloudPcExternalPartnerFilter.EnableConnection, true)
	if got, want := cond.String(), "enableConnection eq true"; got != want {
		t.Errorf("filter = %q, want %q", got, want)
	}
	if err := graph.CheckCloudPcExternalPartnerFilter(cond.String()); err != nil {
		t.Error(err)
	}
	if err := graph.CheckCloudPcExternalPartnerFilter("enableConnection ne true"); err == nil {
		t.Error("ne on enableConnection passed the check")
	}
}
`
)

// downstream is a temporary module and the environment its go commands run
// in.
type downstream struct {
	t   *testing.T
	dir string
	env []string
}

// newDownstream writes a module with the given go.mod, the seed spec as
// spec.yaml, a generate.go holding the go:generate line, and the main
// package and test above. With sums, the repository's go.sum is copied in.
func newDownstream(t *testing.T, root, gomod, generate string, sums bool, env ...string) *downstream {
	t.Helper()
	d := &downstream{t: t, dir: t.TempDir()}
	spec, err := os.ReadFile(filepath.Join(root, "testdata", "cloudpcexternalpartner.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	files := map[string]string{
		"go.mod":       gomod,
		"spec.yaml":    string(spec),
		"generate.go":  "package main\n\n" + generate + "\n",
		"main.go":      downstreamMain,
		"main_test.go": downstreamTest,
	}
	if sums {
		sum, err := os.ReadFile(filepath.Join(root, "go.sum"))
		if err != nil {
			t.Fatal(err)
		}
		files["go.sum"] = string(sum)
	}
	for name, text := range files {
		if err := os.WriteFile(filepath.Join(d.dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	// The checksum database knows neither a replaced module nor a made-up
	// version; the copied go.sum still pins the real dependencies.
	d.env = append(os.Environ(), "GOWORK=off", "GOTOOLCHAIN=local", "GOSUMDB=off", "GOFLAGS=")
	d.env = append(d.env, env...)
	return d
}

// run runs the go command in the module and fails the test when it fails.
func (d *downstream) run(args ...string) string {
	d.t.Helper()
	out, err := d.try(args...)
	if err != nil && offline(out) {
		d.t.Skipf("the network is unavailable and the module cache lacks what go %s needs:\n%s", strings.Join(args, " "), out)
	}
	if err != nil {
		d.t.Fatalf("go %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return out
}

func (d *downstream) try(args ...string) (string, error) {
	cmd := exec.Command("go", args...)
	cmd.Dir = d.dir
	cmd.Env = d.env
	out, err := cmd.CombinedOutput()
	return string(out), err
}

// tidy runs go mod tidy. Without a network it cannot fetch what the module
// cache lacks (the test-only dependencies of dependencies); it then logs the
// reason and tidies with -e, so the remaining steps still run.
func (d *downstream) tidy() {
	d.t.Helper()
	out, err := d.try("mod", "tidy")
	if err == nil {
		return
	}
	if offline(out) {
		d.t.Logf("go mod tidy needs the network here; tidying with -e:\n%s", out)
		d.run("mod", "tidy", "-e")
		return
	}
	d.t.Fatalf("go mod tidy: %v\n%s", err, out)
}

// offline reports whether go command output says a module could not be
// fetched because there is no network (or GOPROXY=off).
func offline(out string) bool {
	for _, s := range []string{"lookup disabled", "dial tcp", "no such host", "connection refused", "network is unreachable"} {
		if strings.Contains(out, s) {
			return true
		}
	}
	return false
}

// generated returns the generated package's files by name, failing unless
// it holds Go source and schema documents.
func (d *downstream) generated() map[string]string {
	d.t.Helper()
	dir := filepath.Join(d.dir, "graph")
	entries, err := os.ReadDir(dir)
	if err != nil {
		d.t.Fatal(err)
	}
	files := map[string]string{}
	var goFiles, schemas int
	for _, e := range entries {
		b, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			d.t.Fatal(err)
		}
		files[e.Name()] = string(b)
		switch {
		case strings.HasSuffix(e.Name(), ".schema.json"):
			schemas++
		case strings.HasSuffix(e.Name(), ".go"):
			goFiles++
		}
	}
	if goFiles == 0 || schemas == 0 {
		d.t.Fatalf("graph/ holds %d .go and %d .schema.json files: %v", goFiles, schemas, slices.Sorted(maps.Keys(files)))
	}
	return files
}

// unsupportedFilterDoesNotCompile builds a program that filters
// enableConnection with ne, which the seed does not support, and fails
// unless the compiler refuses it for that reason.
func (d *downstream) unsupportedFilterDoesNotCompile() {
	d.t.Helper()
	dir := filepath.Join(d.dir, "unsupported")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		d.t.Fatal(err)
	}
	defer os.RemoveAll(dir)
	src := `package main

import (
	"fmt"

	"example.com/downstream/graph"
	"github.com/odatagen/odatagen/validate/filter"
)

func main() {
	fmt.Println(filter.Ne(graph.CloudPcExternalPartnerFilter.EnableConnection, true))
}
`
	if err := os.WriteFile(filepath.Join(dir, "main.go"), []byte(src), 0o644); err != nil {
		d.t.Fatal(err)
	}
	out, err := d.try("build", "-o", os.DevNull, "./unsupported")
	if err == nil {
		d.t.Fatal("filter.Ne on enableConnection, which supports only eq, compiled")
	}
	if !strings.Contains(out, "does not satisfy filter.SupportsNe") {
		d.t.Errorf("the build failed for another reason than the unsupported operator:\n%s", out)
	}
}

// recipe runs the steps every recipe shares, from go generate on.
func (d *downstream) recipe() {
	d.t.Helper()
	d.run("generate", "./...")
	first := d.generated()
	d.tidy()
	d.run("build", "./...")
	d.run("vet", "./...")
	d.run("test", "./...")
	d.unsupportedFilterDoesNotCompile()
	d.run("generate", "./...")
	second := d.generated()
	for name, text := range first {
		if second[name] != text {
			d.t.Errorf("graph/%s changed on the second go generate", name)
		}
	}
	for name := range second {
		if _, ok := first[name]; !ok {
			d.t.Errorf("graph/%s appeared on the second go generate", name)
		}
	}
}

func downstreamRoot(t *testing.T) string {
	t.Helper()
	if testing.Short() {
		t.Skip("runs the go command on a temporary module")
	}
	if _, err := exec.LookPath("go"); err != nil {
		t.Skip("no go command:", err)
	}
	root, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	return root
}

func TestDownstreamGoRun(t *testing.T) {
	root := downstreamRoot(t)
	d := newDownstream(t, root, fmt.Sprintf(`module example.com/downstream

go 1.26

require github.com/odatagen/odatagen v0.0.0

replace github.com/odatagen/odatagen => %s
`, root),
		"//go:generate go run github.com/odatagen/odatagen/cmd/odatagen generate -o graph -pkg graph spec.yaml",
		true, "GOFLAGS=-mod=mod")
	d.recipe()
}

func TestDownstreamGoTool(t *testing.T) {
	root := downstreamRoot(t)
	d := newDownstream(t, root, "module example.com/downstream\n\ngo 1.26\n",
		"//go:generate go tool odatagen generate -o graph -pkg graph spec.yaml",
		false, proxyEnv(t, root)...)
	// As the README says: no version, so go get takes the latest, which
	// the file proxy serves.
	d.run("get", "-tool", "github.com/odatagen/odatagen/cmd/odatagen")
	gomod, err := os.ReadFile(filepath.Join(d.dir, "go.mod"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(gomod), "\ntool github.com/odatagen/odatagen/cmd/odatagen\n") {
		t.Fatalf("go get -tool wrote no tool directive:\n%s", gomod)
	}
	d.recipe()
}

func TestDownstreamGoRunVersion(t *testing.T) {
	root := downstreamRoot(t)
	d := newDownstream(t, root, "module example.com/downstream\n\ngo 1.26\n",
		"//go:generate go run github.com/odatagen/odatagen/cmd/odatagen@"+proxyVersion+" generate -o graph -pkg graph spec.yaml",
		false, proxyEnv(t, root)...)
	d.recipe()
	gomod, err := os.ReadFile(filepath.Join(d.dir, "go.mod"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(gomod), "github.com/odatagen/odatagen "+proxyVersion) {
		t.Errorf("go mod tidy did not require the runtime at %s:\n%s", proxyVersion, gomod)
	}
}

// proxyVersion is the made-up version at which proxyEnv serves this
// checkout.
const proxyVersion = "v0.1.0"

// proxyEnv returns the environment of a downstream module that gets
// odatagen the way a user does, from a module proxy: a file proxy serving
// this checkout as proxyVersion, then the module cache's download
// directory, then the configured proxy (GOPROXY), which serves whatever
// the cache lacks. So the test needs nothing to be in the module cache
// beforehand; on a machine without the network and with an empty cache it
// fails the way a user's go get would.
//
// A private module cache keeps the made-up version out of the real one.
// -trimpath makes the build cache independent of that (temporary)
// directory, so repeated runs do not recompile the dependencies.
func proxyEnv(t *testing.T, root string) []string {
	t.Helper()
	proxy := t.TempDir()
	writeModuleProxy(t, root, proxy, "github.com/odatagen/odatagen", proxyVersion)
	out, err := exec.Command("go", "env", "GOMODCACHE", "GOPROXY").Output()
	if err != nil {
		t.Fatal(err)
	}
	goenv := strings.Split(strings.TrimSpace(string(out)), "\n")
	proxies := []string{
		"file://" + filepath.ToSlash(proxy),
		"file://" + filepath.ToSlash(filepath.Join(goenv[0], "cache", "download")),
	}
	if len(goenv) > 1 && goenv[1] != "" && goenv[1] != "off" {
		proxies = append(proxies, goenv[1])
	}
	return []string{"GOMODCACHE=" + t.TempDir(), "GOFLAGS=-modcacherw -trimpath", "GOPROXY=" + strings.Join(proxies, ",")}
}

// writeModuleProxy lays out a GOPROXY directory serving this checkout as
// module path at version: the list, .info, .mod and .zip files. The zip
// holds the working tree minus hidden directories, nested modules, the
// ignored testdata/fuzz-cache and executables (a built odatagen binary).
func writeModuleProxy(t *testing.T, root, dir, path, version string) {
	t.Helper()
	at := filepath.Join(dir, filepath.FromSlash(path), "@v")
	if err := os.MkdirAll(at, 0o755); err != nil {
		t.Fatal(err)
	}
	gomod, err := os.ReadFile(filepath.Join(root, "go.mod"))
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	err = filepath.WalkDir(root, func(p string, e fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(root, p)
		if err != nil {
			return err
		}
		if e.IsDir() {
			if rel != "." && (strings.HasPrefix(e.Name(), ".") || e.Name() == "fuzz-cache") {
				return filepath.SkipDir
			}
			if _, err := os.Stat(filepath.Join(p, "go.mod")); rel != "." && err == nil {
				return filepath.SkipDir
			}
			return nil
		}
		info, err := e.Info()
		if err != nil {
			return err
		}
		if !info.Mode().IsRegular() || info.Mode()&0o111 != 0 {
			return nil
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		w, err := zw.Create(path + "@" + version + "/" + filepath.ToSlash(rel))
		if err != nil {
			return err
		}
		_, err = w.Write(b)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	files := map[string][]byte{
		"list":            []byte(version + "\n"),
		version + ".info": fmt.Appendf(nil, `{"Version":%q,"Time":"2025-01-01T00:00:00Z"}`, version),
		version + ".mod":  gomod,
		version + ".zip":  buf.Bytes(),
	}
	for name, b := range files {
		if err := os.WriteFile(filepath.Join(at, name), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}
