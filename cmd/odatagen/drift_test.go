package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// driftFixtures holds a CSDL document and docs pages that disagree on
// purpose (see the comment in fleet.xml).
var driftFixtures = filepath.Join("..", "..", "spec", "testdata", "drift")

var driftLine = regexp.MustCompile(`^(\S+:\d+:\d+): (\S+): (.+) \(see also (\S+:\d+(?::\d+)?)\)$`)

func TestDriftText(t *testing.T) {
	code, out, errOut := runCLI(t, "", "drift", "-flat", driftFixtures)
	if code != exitNo {
		t.Fatalf("exit %d, want %d; stderr:\n%s", code, exitNo, errOut)
	}
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	var subjects []string
	for _, l := range lines {
		m := driftLine.FindStringSubmatch(l)
		if m == nil {
			t.Errorf("line does not read POS: SUBJECT: REASON (see also OTHER): %q", l)
			continue
		}
		subjects = append(subjects, m[2])
	}
	want := []string{
		"demo.fleet.fuelKind",
		"demo.fleet.vehicle/mileage", // the create body's type
		"demo.fleet.vehicle/mileage", // the resource page's type
		"demo.fleet.vehicle/plate",
		"demo.fleet.vehicle/vin",
		"demo.fleet.vehicle/wheelbase",
	}
	if !slices.Equal(subjects, want) {
		t.Errorf("subjects %v, want %v\n%s", subjects, want, out)
	}
	if !strings.Contains(out, "vehicle-create.md:15:2: demo.fleet.vehicle/plate: the create request body requires plate, which the CSDL marks read-only (see also ") {
		t.Errorf("no plate finding at the create page's row:\n%s", out)
	}
	// The same inputs named file by file, CSDL last, give the same output.
	_, again, _ := runCLI(t, "", "drift", "-flat",
		filepath.Join(driftFixtures, "vehicle.md"), filepath.Join(driftFixtures, "vehicle-create.md"), filepath.Join(driftFixtures, "fleet.xml"))
	if again != out {
		t.Errorf("file order changed the output:\n%s\nwant\n%s", again, out)
	}
}

func TestDriftJSON(t *testing.T) {
	code, out, errOut := runCLI(t, "", "drift", "-json", driftFixtures)
	if code != exitNo {
		t.Fatalf("exit %d, want %d; stderr:\n%s", code, exitNo, errOut)
	}
	var got []map[string]string
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatalf("output is not a JSON array of string objects: %v\n%s", err, out)
	}
	if len(got) != 6 {
		t.Fatalf("%d findings, want 6:\n%s", len(got), out)
	}
	for _, f := range got {
		var keys []string
		for k := range f {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		if !slices.Equal(keys, []string{"hint", "kind", "other", "pos", "reason", "severity", "subject"}) {
			t.Errorf("fields %v", keys)
		}
		if !regexp.MustCompile(`^\S+:\d+:\d+$`).MatchString(f["pos"]) || !regexp.MustCompile(`^\S+:\d+:\d+$`).MatchString(f["other"]) {
			t.Errorf("positions %q and %q are not file:line:col", f["pos"], f["other"])
		}
	}
	if got[0]["kind"] != "enum-members" || got[0]["subject"] != "demo.fleet.fuelKind" {
		t.Errorf("first finding %v", got[0])
	}
}

func TestDriftClean(t *testing.T) {
	dir := t.TempDir()
	// A page that agrees with fleet.xml about depot.
	page := "# depot resource type\n\nNamespace: demo.fleet\n\nWhere vehicles sleep.\n\n## Properties\n|Property|Type|Description|\n|:---|:---|:---|\n|city|String|Town of the depot.|\n"
	if err := os.WriteFile(filepath.Join(dir, "depot.md"), []byte(page), 0o644); err != nil {
		t.Fatal(err)
	}
	csdl := filepath.Join(driftFixtures, "fleet.xml")
	for _, args := range [][]string{
		{"drift", "-flat", csdl, filepath.Join(dir, "depot.md")},
		{"drift", "-flat", csdl}, // no docs: nothing to compare
	} {
		code, out, errOut := runCLI(t, "", args...)
		if code != exitOK || out != "" {
			t.Errorf("%v: exit %d, stdout %q, stderr %q", args, code, out, errOut)
		}
	}
	if code, out, _ := runCLI(t, "", "drift", csdl, filepath.Join(dir, "depot.md")); code != exitOK || out != "findings: 0 (0 errors, 0 warnings)\n" {
		t.Errorf("grouped without findings: exit %d, %q", code, out)
	}
	code, out, _ := runCLI(t, "", "drift", "-json", csdl, filepath.Join(dir, "depot.md"))
	if code != exitOK || out != "[]\n" {
		t.Errorf("-json without findings: exit %d, %q", code, out)
	}
}

func TestDriftErrors(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.xml")
	if err := os.WriteFile(bad, []byte("<edmx:Edmx Version=\"4.0\">\n<oops"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		args []string
		want string // in stderr
	}{
		{[]string{"drift"}, "no INPUT"},
		{[]string{"drift", "-nope", driftFixtures}, "-nope"},
		{[]string{"drift", filepath.Join(dir, "absent.md")}, "absent.md"},
		{[]string{"drift", bad}, "bad.xml:"},
		{[]string{"drift", filepath.Join(dir, "notes.txt")}, "notes.txt"},
	} {
		code, out, errOut := runCLI(t, "", tt.args...)
		if code != exitCannot || out != "" || !strings.Contains(errOut, tt.want) {
			t.Errorf("%v: exit %d, stdout %q, stderr %q; want exit 2 and %q", tt.args, code, out, errOut, tt.want)
		}
	}
}

// TestDriftSeed: the seed pages and the repository's CSDL of the seed type
// disagree about partnerId (read-only, yet required on create) and
// statusDetails (String in the docs, Edm.Int32 in the CSDL).
func TestDriftSeed(t *testing.T) {
	page := seedPath(t, "cloudpcexternalpartner.md")
	api := seedPath(t, "api")
	csdl := filepath.Join("..", "..", "testdata", "csdl", "cloudpcexternalpartner.xml")
	code, out, errOut := runCLI(t, "", "drift", "-flat", page, api, csdl)
	if code != exitNo {
		t.Fatalf("exit %d, want 1; stderr:\n%s", code, errOut)
	}
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	if len(lines) != 2 ||
		!strings.Contains(lines[0], "virtualendpoint-post-externalpartners.md:50:2: microsoft.graph.cloudPcExternalPartner/partnerId: ") ||
		!strings.Contains(lines[0], "cloudpcexternalpartner.md:31:2)") ||
		!strings.Contains(lines[1], "cloudpcexternalpartner.md:35:2: microsoft.graph.cloudPcExternalPartner/statusDetails: the docs say type Edm.String, the CSDL says Edm.Int32 (see also "+csdl+":") {
		t.Errorf("output:\n%s", out)
	}
	// Without the CSDL the pages still disagree with themselves.
	code, out, _ = runCLI(t, "", "drift", "-flat", page, api)
	if code != exitNo || strings.Count(out, "\n") != 1 || !strings.Contains(out, "partnerId") {
		t.Errorf("docs only: exit %d\n%s", code, out)
	}
}

// TestDriftCapabilities: the rental fixtures disagree with their CSDL's
// Capabilities annotations ($filter, $orderby, $select, $search, $count,
// $expand); each finding has the kind
// capability-conflict, both positions and the restriction's name, in the
// text and the JSON output alike.
func TestDriftCapabilities(t *testing.T) {
	dir := filepath.Join("..", "..", "spec", "testdata", "drift_caps")
	code, out, errOut := runCLI(t, "", "drift", "-flat", dir)
	if code != exitNo {
		t.Fatalf("exit %d, want %d; stderr:\n%s", code, exitNo, errOut)
	}
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	if len(lines) != 18 {
		t.Fatalf("%d findings, want 18:\n%s", len(lines), out)
	}
	for _, l := range lines {
		if !driftLine.MatchString(l) {
			t.Errorf("line does not read POS: SUBJECT: REASON (see also OTHER): %q", l)
		}
	}
	want := filepath.Join(dir, "car.md") + ":15:2: demo.rental.car/colour: the docs say it supports $filter; the CSDL's FilterRestrictions on entity set cars list it in NonFilterableProperties (see also " +
		filepath.Join(dir, "rental.xml") + ":54:9)"
	if lines[3] != want {
		t.Errorf("fourth line\n%s\nwant\n%s", lines[3], want)
	}
	code, out, errOut = runCLI(t, "", "drift", "-json", dir)
	if code != exitNo {
		t.Fatalf("-json: exit %d; stderr:\n%s", code, errOut)
	}
	var got []map[string]string
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatalf("output is not a JSON array of string objects: %v\n%s", err, out)
	}
	if len(got) != 18 {
		t.Fatalf("%d JSON findings, want 18", len(got))
	}
	for _, f := range got {
		if f["kind"] != "capability-conflict" {
			t.Errorf("kind %q: %v", f["kind"], f)
		}
	}
	if f := got[len(got)-1]; f["subject"] != "demo.rental.van/payload" || f["pos"] != filepath.Join(dir, "van.md")+":10:2" ||
		f["other"] != filepath.Join(dir, "rental.xml")+":195:9" || f["reason"] != "the docs say it supports $orderby; the CSDL's SortRestrictions on entity set vans say Sortable false" {
		t.Errorf("last finding %v", f)
	}
}

// TestDriftGrouped: the default output groups the findings that share a
// pattern: the garden fixtures repeat one template on three Create pages,
// which is one group listing the three pages.
func TestDriftGrouped(t *testing.T) {
	dir := filepath.Join("..", "..", "docscheck", "report", "testdata", "drift")
	res, api := filepath.Join(dir, "resources"), filepath.Join(dir, "api")
	code, out, errOut := runCLI(t, "", "drift", res, api)
	if code != exitNo {
		t.Fatalf("exit %d; stderr:\n%s", code, errOut)
	}
	want := "error flag-conflict: 6 findings on 3 pages\n" +
		"  pattern: the create request body requires <property>, which the <type> resource page marks read-only\n" +
		"  hint: remove <property> from the Request body table of <page>: <other> marks it read-only\n" +
		"  " + filepath.Join(api, "garden-greenhouse-create.md") + ": 17:2 id, 18:2 builtDateTime\n" +
		"  " + filepath.Join(api, "garden-pond-create.md") + ": 17:2 id, 18:2 builtDateTime\n" +
		"  " + filepath.Join(api, "garden-shed-create.md") + ": 17:2 id, 18:2 builtDateTime\n"
	if !strings.HasPrefix(out, "findings: 8 (8 errors, 0 warnings) on 4 pages, in 3 groups\n") || !strings.Contains(out, want) {
		t.Errorf("output:\n%s\nwant a group\n%s", out, want)
	}
	// -json has each finding with its severity and hint.
	_, out, _ = runCLI(t, "", "drift", "-json", res, api)
	var got []map[string]string
	if err := json.Unmarshal([]byte(out), &got); err != nil || len(got) != 8 {
		t.Fatalf("%d findings, %v", len(got), err)
	}
	for _, f := range got {
		if f["severity"] != "error" || !strings.HasPrefix(f["hint"], "remove ") && !strings.HasPrefix(f["hint"], "make ") {
			t.Errorf("finding %v", f)
		}
	}
}

func TestDriftHTML(t *testing.T) {
	file := filepath.Join(t.TempDir(), "drift.html")
	code, out, errOut := runCLI(t, "", "drift", "-html", file, driftFixtures)
	if code != exitNo || out != "" {
		t.Fatalf("exit %d, stdout %q, stderr %q", code, out, errOut)
	}
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	page := string(data)
	create := filepath.Join(driftFixtures, "vehicle-create.md")
	for _, want := range []string{"<!DOCTYPE html>", "By kind", `<section class="group error"`,
		`href="` + filepath.ToSlash(create) + `#L15"`, ">" + create + ":15:2</a>", "see also", "fleet.xml#L"} {
		if !strings.Contains(page, want) {
			t.Errorf("page has no %q", want)
		}
	}
	if code, _, _ := runCLI(t, "", "drift", "-json", "-flat", driftFixtures); code != exitCannot {
		t.Errorf("-json -flat: exit %d, want 2", code)
	}
}
