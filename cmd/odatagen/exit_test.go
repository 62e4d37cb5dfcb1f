package main

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// threeTypes is a spec of three types in one namespace, with an entity set
// for one of them, for payloads that name their own type.
const threeTypes = `namespaces:
  - name: shop
    types:
      - name: widget
        kind: entity
        key: [id]
        properties:
          - {name: id, type: Edm.String, nullable: false, readOnly: true}
          - {name: size, type: Edm.Int32}
      - name: gadget
        kind: entity
        key: [id]
        properties:
          - {name: id, type: Edm.String, nullable: false, readOnly: true}
          - {name: on, type: Edm.Boolean, required: true}
      - name: label
        kind: complex
        properties:
          - {name: text, type: Edm.String}
entitySets:
  - {name: widgets, type: shop.widget}
`

// brokenPage is a page that seems to describe a type (a Properties table)
// but whose title names none: it cannot be read.
const brokenPage = "# Some words here\n\nNamespace: microsoft.graph\n\n## Properties\n\n|Property|Type|Description|\n|-|-|-|\n|a|String|A.|\n"

func writeFile(t *testing.T, dir, name, text string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// TestFolderWithOverviewPages reads whole folders of real resource pages,
// with an overview page of our own among them: spec and drift succeed, and
// each page that describes no type gets one warning.
func TestFolderWithOverviewPages(t *testing.T) {
	corpus := filepath.Join(shared, "corpus", "graph-docs-2021", "v1.0")
	apiRes := filepath.Join(shared, "api-corpus", "graph-docs-2021", "v1.0", "resources")
	if _, err := os.Stat(corpus); err != nil {
		t.Skipf("corpus not available: %v", err)
	}
	mine := t.TempDir()
	overview, err := os.ReadFile(filepath.Join("..", "..", "spec", "markdown", "testdata", "markdown", "overview.md"))
	if err != nil {
		t.Fatal(err)
	}
	writeFile(t, mine, "widgets-overview.md", string(overview))
	inputs := []string{corpus, mine}
	if _, err := os.Stat(apiRes); err == nil {
		inputs = append(inputs, apiRes) // holds real overview pages
	}
	code, _, errOut := runCLI(t, "", append([]string{"spec", "-v"}, inputs...)...)
	if code != 0 {
		t.Fatalf("spec: exit %d\n%s", code, errOut)
	}
	skipped := regexp.MustCompile(`(?m)^(\S+\.md):1:1: warning: describes no type`).FindAllStringSubmatch(errOut, -1)
	perPage := map[string]int{}
	for _, m := range skipped {
		perPage[m[1]]++
	}
	if perPage[filepath.Join(mine, "widgets-overview.md")] != 1 {
		t.Errorf("our overview page: %d warnings, want 1\n%s", perPage[filepath.Join(mine, "widgets-overview.md")], errOut)
	}
	for page, n := range perPage {
		if n != 1 {
			t.Errorf("%s: %d skipped-page warnings, want 1", page, n)
		}
	}
	t.Logf("%d pages skipped", len(perPage))

	// Without -v, a summary that counts them.
	code, _, errOut = runCLI(t, "", append([]string{"spec"}, inputs...)...)
	if code != 0 || !regexp.MustCompile(`\d+ skipped page`).MatchString(errOut) {
		t.Errorf("spec summary: exit %d, stderr:\n%s", code, errOut)
	}

	csdl := filepath.Join(shared, "corpus", "csdl", "graph-v1.0-2021-07.xml")
	code, _, errOut = runCLI(t, "", append([]string{"drift", csdl}, inputs...)...)
	if code != 0 && code != 1 {
		t.Errorf("drift: exit %d, want 0 or 1\n%s", code, errOut)
	}
}

// TestFolderWithBrokenPages: every page that cannot be read is reported in
// the same run, with its position, and the command fails with exit 2;
// -keep-going loads the rest and answers.
func TestFolderWithBrokenPages(t *testing.T) {
	dir := t.TempDir()
	a := writeFile(t, dir, "a-broken.md", brokenPage)
	b := writeFile(t, dir, "b-broken.md", "---\ndoc_type: resourcePageType\n---\n\ntext\n\n## Properties\n\n|Property|Type|Description|\n|-|-|-|\n|a|String|A.|\n")
	seed, err := os.ReadFile(filepath.Join("..", "..", "testdata", "cloudpcexternalpartner.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	writeFile(t, dir, "seed.yaml", string(seed))

	for _, cmd := range []string{"spec", "drift"} {
		code, _, errOut := runCLI(t, "", cmd, dir)
		if code != 2 || !strings.Contains(errOut, a+":1:") || !strings.Contains(errOut, b+":1:") {
			t.Errorf("%s: exit %d, want 2 naming both pages with positions:\n%s", cmd, code, errOut)
		}
	}
	code, out, errOut := runCLI(t, "", "spec", "-keep-going", dir)
	if code != 0 || !strings.Contains(out, "cloudPcExternalPartner") || !strings.Contains(errOut, a+":1:") || !strings.Contains(errOut, b+":1:") {
		t.Errorf("spec -keep-going: exit %d, want 0 with the seed's types and both failures reported\n%s", code, errOut)
	}
	// drift answers: the seed's create body requires partnerId, which
	// the seed marks read-only.
	if code, out, errOut := runCLI(t, "", "drift", "-keep-going", dir); code != 1 || !strings.Contains(out, "partnerId") {
		t.Errorf("drift -keep-going: exit %d, want 1 with the partnerId finding\n%s%s", code, out, errOut)
	}
	// validate and filter go on too, and answer.
	if code, _, errOut := runCLI(t, `{"enableConnection": false}`, "validate", "-keep-going", "-spec", dir, "-type", "cloudPcExternalPartner", "-mode", "update", "-"); code != 0 {
		t.Errorf("validate -keep-going: exit %d\n%s", code, errOut)
	}
	if code, _, errOut := runCLI(t, "", "filter", "-keep-going", "-spec", dir, "-type", "cloudPcExternalPartner", "enableConnection ne true"); code != 1 {
		t.Errorf("filter -keep-going: exit %d, want 1 (rejected)\n%s", code, errOut)
	}
}

// TestExitStatus: 0 yes, 1 no, 2 could not ask, for every command.
func TestExitStatus(t *testing.T) {
	seed := filepath.Join("..", "..", "testdata", "cloudpcexternalpartner.yaml")
	dir := t.TempDir()
	unloadable := writeFile(t, dir, "broken.md", brokenPage)
	clean := writeFile(t, dir, "shop.yaml", threeTypes)
	valid := writeFile(t, dir, "valid.json", `{"enableConnection": false}`)
	invalid := writeFile(t, dir, "invalid.json", `{"enableConnection": "no"}`)
	out := t.TempDir()
	tests := []struct {
		name string
		want int
		args []string
	}{
		{"spec yes", 0, []string{"spec", seed}},
		{"spec unloadable", 2, []string{"spec", unloadable}},
		{"spec missing input", 2, []string{"spec", filepath.Join(dir, "none.yaml")}},
		{"spec usage", 2, []string{"spec"}},
		{"generate yes", 0, []string{"generate", "-o", filepath.Join(out, "a"), seed}},
		{"generate unknown -type", 2, []string{"generate", "-o", filepath.Join(out, "b"), "-type", "noSuchType", seed}},
		{"generate unloadable", 2, []string{"generate", "-o", filepath.Join(out, "c"), unloadable}},
		{"generate usage", 2, []string{"generate", seed}},
		{"validate yes", 0, []string{"validate", "-spec", seed, "-type", "cloudPcExternalPartner", "-mode", "update", valid}},
		{"validate no", 1, []string{"validate", "-spec", seed, "-type", "cloudPcExternalPartner", "-mode", "update", invalid}},
		{"validate unknown -type", 2, []string{"validate", "-spec", seed, "-type", "noSuchType", valid}},
		{"validate unloadable", 2, []string{"validate", "-spec", unloadable, "-type", "cloudPcExternalPartner", valid}},
		{"validate no type anywhere", 2, []string{"validate", "-spec", seed, valid}},
		{"validate usage", 2, []string{"validate", "-spec", seed}},
		{"filter yes", 0, []string{"filter", "-spec", seed, "-type", "cloudPcExternalPartner", "enableConnection eq true"}},
		{"filter no", 1, []string{"filter", "-spec", seed, "-type", "cloudPcExternalPartner", "enableConnection ne true"}},
		{"filter unknown -type", 2, []string{"filter", "-spec", seed, "-type", "noSuchType", "a eq 1"}},
		{"filter unloadable", 2, []string{"filter", "-spec", unloadable, "-type", "cloudPcExternalPartner", "a eq 1"}},
		{"filter syntax yes", 0, []string{"filter", "-syntax", "a eq 1"}},
		{"filter syntax no", 1, []string{"filter", "-syntax", "a eq"}},
		{"filter usage", 2, []string{"filter", "-syntax"}},
		{"drift yes", 0, []string{"drift", clean}},
		{"drift no", 1, []string{"drift", seed}},
		{"drift unloadable", 2, []string{"drift", seed, unloadable}},
		{"drift usage", 2, []string{"drift"}},
		{"unknown command", 2, []string{"nosuch"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, stdout, stderr := runCLI(t, "", tt.args...)
			if code != tt.want {
				t.Errorf("%v: exit %d, want %d\nstdout: %s\nstderr: %s", tt.args, code, tt.want, stdout, stderr)
			}
		})
	}
}

// TestValidateManyTypes validates payloads of three types in one call,
// each naming its type (by @odata.type, a collection by @odata.context or
// its items), and the same as JSON Lines; every problem names its payload.
func TestValidateManyTypes(t *testing.T) {
	dir := t.TempDir()
	specFile := writeFile(t, dir, "shop.yaml", threeTypes)
	w := writeFile(t, dir, "widget.json", `{"@odata.type": "#shop.widget", "id": "1", "size": "big"}`)
	g := writeFile(t, dir, "gadget.json", `{"@odata.type": "#shop.gadget", "id": "2", "on": true}`)
	l := writeFile(t, dir, "label.json", `{"@odata.type": "#shop.label", "text": 5}`)
	ctx := writeFile(t, dir, "widgets.json", `{"@odata.context": "https://example.invalid/$metadata#widgets", "value": [{"id": "1", "size": 1}, {"id": "2", "size": true}]}`)
	items := writeFile(t, dir, "gadgets.json", `{"value": [{"@odata.type": "#shop.gadget", "on": "yes"}]}`)
	none := writeFile(t, dir, "none.json", `{"size": 1}`)

	code, out, errOut := runCLI(t, "", "validate", "-spec", specFile, w, g, l, ctx, items)
	if code != 1 {
		t.Errorf("exit %d, want 1\n%s%s", code, out, errOut)
	}
	for _, want := range []string{
		w + `: /size: expected Edm.Int32, found string "big"`,
		l + `: /text: expected Edm.String, found number 5`,
		ctx + `: /value/1/size: expected Edm.Int32, found boolean true`,
		items + `: /value/0/on: expected Edm.Boolean, found string "yes"`,
	} {
		if !strings.Contains(out, want+"\n") {
			t.Errorf("no line %q in:\n%s", want, out)
		}
	}
	if strings.Contains(out, g+":") {
		t.Errorf("the valid gadget has problems:\n%s", out)
	}
	// A payload that names no type, with no -type: exit 2 for it, the
	// others still validated.
	code, out, _ = runCLI(t, "", "validate", "-spec", specFile, none, g)
	if code != 2 || !strings.Contains(out, none+": cannot validate: no @odata.type") {
		t.Errorf("untyped payload: exit %d\n%s", code, out)
	}

	jsonl := writeFile(t, dir, "batch.jsonl", strings.Join([]string{
		`{"type": "widget", "payload": {"id": "1", "size": 2}}`,
		`{"type": "shop.gadget", "mode": "create", "payload": {"id": "2", "on": true}}`,
		``,
		`{"payload": {"@odata.type": "#shop.label", "text": false}}`,
		`{"type": "widget", "collection": true, "payload": {"value": [{"size": "x"}]}}`,
		`{"type": "nosuch", "payload": {}}`,
		`not json`,
	}, "\n")+"\n")
	code, out, errOut = runCLI(t, "", "validate", "-spec", specFile, "-jsonl", jsonl)
	if code != 2 {
		t.Errorf("-jsonl: exit %d, want 2 (two lines could not be asked)\n%s%s", code, out, errOut)
	}
	for _, want := range []string{
		jsonl + `:2: /id: read-only property cannot be sent on create`,
		jsonl + `:4: /text: expected Edm.String, found boolean false`,
		jsonl + `:5: /value/0/size: expected Edm.Int32, found string "x"`,
		jsonl + `:6: cannot validate: no structured type "nosuch" in the spec`,
		jsonl + `:7: cannot validate: not a line of the -jsonl form`,
	} {
		if !strings.Contains(out, want) {
			t.Errorf("no line %q in:\n%s", want, out)
		}
	}
	if strings.Contains(out, jsonl+":1:") || strings.Contains(out, jsonl+":3:") {
		t.Errorf("valid or empty lines have problems:\n%s", out)
	}
}

// TestWarningSummary: without -v, the warnings about the named type in
// full, the rest as a count per kind with the first few; -v prints all.
func TestWarningSummary(t *testing.T) {
	dir := t.TempDir()
	var sb strings.Builder
	sb.WriteString("namespaces:\n  - name: shop\n    types:\n")
	for i := range 10 {
		fmt.Fprintf(&sb, "      - {name: t%d, kind: complex, properties: [{name: p, type: shop.missing%d}]}\n", i, i)
	}
	specFile := writeFile(t, dir, "shop.yaml", sb.String())
	_, _, all := runCLI(t, "", "spec", "-v", specFile)
	if n := strings.Count(all, "warning: type shop.missing"); n != 10 {
		t.Fatalf("-v: %d undefined-type warnings, want 10:\n%s", n, all)
	}
	_, _, summary := runCLI(t, "", "spec", specFile)
	if !strings.Contains(summary, "10 warnings (10 undefined type)") || strings.Count(summary, "warning: type shop.missing") != 3 || !strings.Contains(summary, "-v prints them all") {
		t.Errorf("summary:\n%s", summary)
	}
	// -type names the type whose warnings are shown in full: the
	// warning about shop.missing4 concerns shop.missing4.
	_, _, about := runCLI(t, "", "generate", "-o", t.TempDir(), "-allow-unresolved", "-type", "missing4", specFile)
	if !strings.Contains(about, "warning: type shop.missing4 is not defined") {
		t.Errorf("generate -type missing4 does not show its warning:\n%s", about)
	}
}
