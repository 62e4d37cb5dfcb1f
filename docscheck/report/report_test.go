package report

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/odatagen/odatagen/docscheck"
	"github.com/odatagen/odatagen/internal/golden"
	"github.com/odatagen/odatagen/spec"
	"github.com/odatagen/odatagen/spec/load"
)

// The drift fixtures (testdata/drift, written for these tests) describe a
// made-up garden service: three resource pages and their Create pages,
// which repeat one template ("This table gives the required properties
// for a new X.") over rows the resource pages mark read-only; one Create
// page gives a property another type, and an Update page lists a
// property the resource page makes settable on create only.
var driftInputs = []string{filepath.Join("testdata", "drift", "resources"), filepath.Join("testdata", "drift", "api")}

func driftReport(t *testing.T) *Report {
	t.Helper()
	fs, _, err := load.Drift(driftInputs...)
	if err != nil {
		t.Fatal(err)
	}
	return New("odatagen drift", FromDrift(fs))
}

// TestDriftGrouping: the template repeated on three pages is one group
// that lists the three pages; a different finding (another kind, or the
// same kind with other words) is a group of its own.
func TestDriftGrouping(t *testing.T) {
	r := driftReport(t)
	if r.Total() != 8 || len(r.Groups) != 3 {
		t.Fatalf("%d findings in %d groups, want 8 in 3:\n%s", r.Total(), len(r.Groups), groupLines(r))
	}
	g := r.Groups[0]
	const template = "the create request body requires <property>, which the <type> resource page marks read-only"
	if g.Kind != spec.FlagConflict || g.Severity != Error || g.Pattern != template || len(g.Findings) != 6 {
		t.Fatalf("first group: %s %s %q with %d findings", g.Severity, g.Kind, g.Pattern, len(g.Findings))
	}
	var pages []string
	for _, p := range g.Pages {
		pages = append(pages, filepath.Base(p.Page))
		var names []string
		for _, f := range p.Findings {
			names = append(names, f.Name)
		}
		if !slices.Equal(names, []string{"id", "builtDateTime"}) {
			t.Errorf("%s: findings %v, want id and builtDateTime", p.Page, names)
		}
	}
	if want := []string{"garden-greenhouse-create.md", "garden-pond-create.md", "garden-shed-create.md"}; !slices.Equal(pages, want) {
		t.Errorf("pages %v, want %v", pages, want)
	}
	if g.Hint != "remove <property> from the Request body table of <page>: <other> marks it read-only" {
		t.Errorf("group hint %q", g.Hint)
	}
	// The concrete hints name the page and the resource page.
	if h := g.Findings[0].Hint; h != "remove id from the Request body table of garden-greenhouse-create.md: garden-greenhouse.md marks it read-only" {
		t.Errorf("first hint %q", h)
	}
	for _, o := range r.Groups[1:] {
		if len(o.Findings) != 1 || o.Pattern == template {
			t.Errorf("group %s %q has %d findings", o.Kind, o.Pattern, len(o.Findings))
		}
	}
	kinds := []string{r.Groups[1].Kind, r.Groups[2].Kind}
	slices.Sort(kinds)
	if !slices.Equal(kinds, []string{spec.FlagConflict, spec.TypeMismatch}) {
		t.Errorf("other groups %v", kinds)
	}
	if len(r.Areas) != 1 || r.Areas[0].Name != "garden" || r.Areas[0].Errors != 8 || r.Areas[0].Pages != 4 {
		t.Errorf("areas %+v", r.Areas)
	}
}

func groupLines(r *Report) string {
	var b strings.Builder
	for _, g := range r.Groups {
		b.WriteString(g.Kind + " " + g.Pattern + "\n")
	}
	return b.String()
}

func TestAreaOf(t *testing.T) {
	for page, want := range map[string]string{
		"api/intune-deviceconfig-x-create.md": "intune",
		"security-alert.md":                   "security",
		"../resources/user.md":                "user",
		"graph.xml":                           "graph",
		"-odd.md":                             "-odd",
		"":                                    "(none)",
	} {
		if got := AreaOf(page); got != want {
			t.Errorf("AreaOf(%q) = %q, want %q", page, got, want)
		}
	}
}

func TestParsePos(t *testing.T) {
	for s, want := range map[string]spec.Pos{
		"a/b.md:12:3": {File: "a/b.md", Line: 12, Col: 3},
		"b.md:12":     {File: "b.md", Line: 12},
		"b.xml":       {File: "b.xml"},
		"c:/x.md:1:2": {File: "c:/x.md", Line: 1, Col: 2},
		"":            {},
	} {
		if got := ParsePos(s); got != want {
			t.Errorf("ParsePos(%q) = %+v, want %+v", s, got, want)
		}
	}
}

// TestExamplePattern: problems that differ in their page, pointer,
// property, type and values have one pattern; others do not.
func TestExamplePattern(t *testing.T) {
	res := func(typ string) docscheck.Result { return docscheck.Result{Type: typ} }
	prob := func(kind, ptr, msg string) docscheck.Problem {
		if ptr != "" {
			msg = ptr + ": " + msg
		}
		return docscheck.Problem{Kind: kind, Pointer: ptr, Message: msg}
	}
	same := [][2]struct {
		r docscheck.Result
		p docscheck.Problem
	}{
		{{res("demo.a.lamp"), prob("unknown-property", "/brightness", "unknown property brightness (demo.a.lamp is not an open type)")},
			{res("demo.b.desk"), prob("unknown-property", "/value/0/legs", "unknown property legs (demo.b.desk is not an open type)")}},
		{{res("demo.a.lamp"), prob("wrong-type", "/wattage", `expected Edm.Int32, found string "forty"`)},
			{res("demo.a.lamp"), prob("wrong-type", "/value/3/height", `expected Edm.Int32, found string "tall"`)}},
		{{res("demo.a.lamp"), prob("missing-required", "", "missing required property serial")},
			{res("demo.a.desk"), prob("missing-required", "", "missing required property top")}},
		{{res("demo.a.lamp"), prob("enum-case", "/color", `"Red" is member red of demo.a.colour in another case`)},
			{res("demo.a.lamp"), prob("enum-case", "/shade", `"CONE" is member cone of demo.a.shape in another case`)}},
		{{res("demo.a.lamp"), prob("not-in-body", "/plug", "property plug is not in the request body of POST /lamps")},
			{res("demo.a.desk"), prob("not-in-body", "/drawer", "property drawer is not in the request body of POST /rooms/{id}/desks")}},
		{{res("demo.a.lamp"), prob("not-strict-json", "", "body is not strict JSON: 2 trailing commas (the first here)")},
			{res("demo.a.lamp"), prob("not-strict-json", "", "body is not strict JSON: 5 trailing commas (the first here)")}},
	}
	for _, c := range same {
		a, b := examplePattern(c[0].r, c[0].p), examplePattern(c[1].r, c[1].p)
		if a != b {
			t.Errorf("patterns differ:\n%q\n%q", a, b)
		}
		if exampleHintTemplate(c[0].r, c[0].p) != exampleHintTemplate(c[1].r, c[1].p) {
			t.Errorf("hint templates differ for %q", a)
		}
		for _, name := range []string{"brightness", "lamp", "serial", "Red", "red", "plug", "/lamps", "forty"} {
			if regexp.MustCompile(`\b` + regexp.QuoteMeta(name) + `\b`).MatchString(a) {
				t.Errorf("pattern %q keeps the name %s", a, name)
			}
		}
	}
	differ := [][2]docscheck.Problem{
		// The collection wrapper is not a property name.
		{prob("unknown-property", "/value", "unknown property value (demo.a.lamp is not an open type)"),
			prob("unknown-property", "/brightness", "unknown property brightness (demo.a.lamp is not an open type)")},
		{prob("wrong-type", "/wattage", `expected Edm.Int32, found string "forty"`),
			prob("wrong-type", "/wattage", `expected Edm.Boolean, found string "forty"`)},
		{prob("not-strict-json", "", "body is not strict JSON: trailing comma"),
			prob("not-strict-json", "", "body is not strict JSON: comment")},
	}
	for _, c := range differ {
		if a, b := examplePattern(res("demo.a.lamp"), c[0]), examplePattern(res("demo.a.lamp"), c[1]); a == b {
			t.Errorf("one pattern for two problems: %q", a)
		}
	}
	if got := examplePattern(res("demo.a.lamp"), prob("unknown-property", "/brightness", "unknown property brightness (demo.a.lamp is not an open type)")); got != "<pointer>: unknown property <property> (<type> is not an open type)" {
		t.Errorf("pattern %q", got)
	}
}

// TestExampleHints: every kind docscheck reports has its own hint, which
// names the property and the page.
func TestExampleHints(t *testing.T) {
	kinds := []string{"not-strict-json", "duplicate-member", "unknown-property", "wrong-type", "read-only-on-create",
		"read-only-on-update", "immutable-on-update", "missing-required", "bad-enum", "enum-case", "bad-format",
		"out-of-range", "wrong-odata-type", "odata-type-case", "not-in-body", "other"}
	seen := map[string]string{}
	for _, k := range kinds {
		p := docscheck.Problem{Kind: k, Pointer: "/shade", Pos: spec.Pos{File: "api/lamp-create.md", Line: 40, Col: 3},
			Message: "/shade: something", Source: "resources/lamp.md:20:2"}
		h := ExampleHint(docscheck.Result{Type: "demo.a.lamp"}, p)
		if !strings.Contains(h, "lamp-create.md") {
			t.Errorf("%s: hint %q does not name the page", k, h)
		}
		if k != "not-strict-json" && k != "odata-type-case" && k != "other" && !strings.Contains(h, "shade") {
			t.Errorf("%s: hint %q does not name the property", k, h)
		}
		if o, dup := seen[h]; dup && !(strings.HasPrefix(o, "read-only-on-") && strings.HasPrefix(k, "read-only-on-")) {
			t.Errorf("%s and %s share the hint %q", k, o, h)
		}
		seen[h] = k
	}
	h := ExampleHint(docscheck.Result{Type: "demo.a.lamp"}, docscheck.Problem{Kind: "missing-required", Message: "missing required property serial",
		Pos: spec.Pos{File: "lamp-create.md", Line: 3}, Source: "lamp.md:9:2"})
	if h != `add serial to the example in lamp-create.md, or drop "Required" from its declaration (lamp.md)` {
		t.Errorf("missing-required hint %q", h)
	}
}

// examplesFixtures are docscheck's fixture pages.
var examplesFixtures = filepath.Join("..", "testdata")

func examplesReport(t *testing.T) *Report {
	t.Helper()
	api, res := filepath.Join(examplesFixtures, "api"), filepath.Join(examplesFixtures, "resources")
	s, _, err := load.Spec(api, res)
	if err != nil {
		t.Fatal(err)
	}
	var pages []docscheck.Page
	entries, err := os.ReadDir(api)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		file := filepath.Join(api, e.Name())
		src, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		pages = append(pages, docscheck.Page{File: filepath.ToSlash(file), Src: src})
	}
	rs, err := docscheck.Check(s, pages)
	if err != nil {
		t.Fatal(err)
	}
	return New("odatagen examples", FromExamples(rs))
}

// checkGolden compares got with testdata/NAME (go test -update rewrites
// it).
func checkGolden(t *testing.T, name string, got []byte) {
	t.Helper()
	file := filepath.Join("testdata", name)
	if golden.Update() {
		if err := os.WriteFile(file, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("output differs from %s (go test -update rewrites it):\n%s", file, got)
	}
}

func TestText(t *testing.T) {
	for name, r := range map[string]*Report{"examples.txt": examplesReport(t), "drift.txt": driftReport(t)} {
		var b bytes.Buffer
		if err := WriteText(&b, r); err != nil {
			t.Fatal(err)
		}
		checkGolden(t, name, b.Bytes())
	}
	var b bytes.Buffer
	if err := WriteText(&b, New("x", nil)); err != nil || b.String() != "findings: 0 (0 errors, 0 warnings)\n" {
		t.Errorf("empty report %q, %v", b.String(), err)
	}
}

var (
	hrefRe     = regexp.MustCompile(`href="([^"]*)"`)
	externalRe = regexp.MustCompile(`(?i)(src|href|action)\s*=\s*"?(https?:|//)|@import|url\(|<script|<link|<iframe`)
)

func TestHTML(t *testing.T) {
	r := examplesReport(t)
	var b bytes.Buffer
	if err := WriteHTML(&b, r); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	checkGolden(t, "examples.html", b.Bytes())
	if m := externalRe.FindString(out); m != "" {
		t.Errorf("the page is not self-contained: %q", m)
	}
	// Each finding links to its file:line, the link text file:line:col.
	links := map[string]bool{}
	for _, m := range hrefRe.FindAllStringSubmatch(out, -1) {
		links[m[1]] = true
	}
	for _, f := range r.Findings {
		want := filepath.ToSlash(f.Pos.File) + "#L" + strconv.Itoa(f.Pos.Line)
		if !links[want] {
			t.Errorf("no link %s", want)
		}
		if !strings.Contains(out, ">"+f.Pos.String()+"</a>") {
			t.Errorf("no link text %s", f.Pos)
		}
	}
	for _, want := range []string{"<table>", "<details", "<summary>", "By area", "By kind", "By severity", `class="pattern"`, `class="hint"`} {
		if !strings.Contains(out, want) {
			t.Errorf("no %s in the page", want)
		}
	}
	if n := strings.Count(out, `<section class="group `); n != len(r.Groups) {
		t.Errorf("%d group sections, want %d", n, len(r.Groups))
	}
}

// TestHTMLEscapes: names and messages from pages cannot inject markup.
func TestHTMLEscapes(t *testing.T) {
	f := Finding{Kind: "unknown-property", Severity: Error, Pos: spec.Pos{File: `a"<b>.md`, Line: 3, Col: 1}, Page: `a"<b>.md`,
		Message: `/x: unknown property <script>alert(1)</script>`, Pattern: "<pointer>: <script>", Hint: "remove <img src=x>",
		HintTemplate: "remove <img>", Name: "/x"}
	var b bytes.Buffer
	if err := WriteHTML(&b, New("t", []Finding{f})); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	for _, bad := range []string{"<script>", "<img", `a"<b>`} {
		if strings.Contains(out, bad) {
			t.Errorf("unescaped %q in the page", bad)
		}
	}
	if !strings.Contains(out, "&lt;script&gt;alert(1)&lt;/script&gt;") {
		t.Error("the message is not in the page, escaped")
	}
}

// TestDriftCorpusGroups: on the real beta pages of ../shared/api-corpus
// with the v1.0 CSDL, the Intune Update pages' template (every property
// listed as required, read-only ones too) is one group over its pages,
// and the groups are far fewer than the findings.
func TestDriftCorpusGroups(t *testing.T) {
	const dir = "../../../shared/api-corpus/graph-docs-2021/beta"
	const csdl = "../../../shared/corpus/csdl/graph-v1.0-2021-07.xml"
	for _, p := range []string{dir, csdl} {
		if _, err := os.Stat(p); err != nil {
			t.Skipf("corpus absent: %v", err)
		}
	}
	fs, _, err := load.Drift(csdl, dir+"/api", dir+"/resources")
	if err != nil {
		t.Fatal(err)
	}
	r := New("drift", FromDrift(fs))
	if len(r.Groups) == 0 || len(r.Groups)*10 > r.Total() {
		t.Errorf("%d groups for %d findings", len(r.Groups), r.Total())
	}
	found := false
	for _, g := range r.Groups {
		if g.Kind == spec.FlagConflict && g.Pattern == "the update request body requires <property>, which the <type> resource page marks read-only" {
			found = true
			if len(g.Pages) < 3 {
				t.Errorf("the template's group has %d pages", len(g.Pages))
			}
			for _, p := range g.Pages {
				if AreaOf(p.Page) != "intune" {
					t.Errorf("page %s in the Intune template's group", p.Page)
				}
			}
		}
	}
	if !found {
		t.Errorf("no group of the Intune template:\n%s", groupLines(r))
	}
	if r.Areas[0].Name != "intune" {
		t.Errorf("first area %s", r.Areas[0].Name)
	}
}
