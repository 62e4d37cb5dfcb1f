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

// docscheckFixtures holds API pages of our own and the resource page they
// use (see docscheck's tests for what each example is for).
var docscheckFixtures = filepath.Join("..", "..", "docscheck", "testdata")

var examplesLine = regexp.MustCompile(`^(\S+:\d+:\d+): (error|warning): ([a-z-]+): (.+)$`)

func TestExamplesText(t *testing.T) {
	api, res := filepath.Join(docscheckFixtures, "api"), filepath.Join(docscheckFixtures, "resources")
	code, out, errOut := runCLI(t, "", "examples", "-flat", "-spec", res, api)
	if code != exitNo {
		t.Fatalf("exit %d, want %d; stderr:\n%s", code, exitNo, errOut)
	}
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	if len(lines) < 3 {
		t.Fatalf("output:\n%s", out)
	}
	var kinds []string
	for _, l := range lines[:len(lines)-3] {
		m := examplesLine.FindStringSubmatch(l)
		if m == nil {
			t.Errorf("line does not read FILE:LINE:COL: SEVERITY: KIND: MESSAGE: %q", l)
			continue
		}
		kinds = append(kinds, m[3])
	}
	want := []string{"read-only-on-create", "unknown-property", "bad-format", "wrong-type",
		"not-strict-json", "not-strict-json", "enum-case", "not-strict-json", "not-strict-json", "not-strict-json"}
	if !slices.Equal(kinds, want) {
		t.Errorf("kinds %v, want %v", kinds, want)
	}
	if !strings.Contains(out, filepath.Join(api, "lamp-create.md")+":43:3: error: read-only-on-create: /id: read-only property cannot be sent on create (from "+filepath.Join(res, "lamp.md")+":19:12)") {
		t.Errorf("no read-only finding with its position and source:\n%s", out)
	}
	summary := strings.Join(lines[len(lines)-3:], "\n")
	wantSummary := "examples: 11 (2 valid, 4 invalid, 5 skipped)\n" +
		"skipped: 1 elided, 1 method, 1 not-entity, 1 unknown-type, 1 untyped\n" +
		"problems: 10 (6 errors, 4 warnings): 5 not-strict-json, 1 bad-format, 1 enum-case, 1 read-only-on-create, 1 unknown-property, 1 wrong-type"
	if summary != wantSummary {
		t.Errorf("summary\n%s\nwant\n%s", summary, wantSummary)
	}
	// -skipped adds one line per skipped example, with its reason.
	_, out, _ = runCLI(t, "", "examples", "-flat", "-skipped", "-spec", res, api)
	if n := strings.Count(out, ": skipped: "); n != 5 {
		t.Errorf("%d skipped lines, want 5:\n%s", n, out)
	}
}

func TestExamplesJSON(t *testing.T) {
	api, res := filepath.Join(docscheckFixtures, "api"), filepath.Join(docscheckFixtures, "resources")
	code, out, errOut := runCLI(t, "", "examples", "-json", "-spec", res, api)
	if code != exitNo {
		t.Fatalf("exit %d, want %d; stderr:\n%s", code, exitNo, errOut)
	}
	var got []map[string]any
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatalf("not a JSON array of objects: %v\n%s", err, out)
	}
	if len(got) != 11 {
		t.Fatalf("%d examples, want 11", len(got))
	}
	filePos, fullPos := regexp.MustCompile(`^\S+\.md:\d+$`), regexp.MustCompile(`^\S+\.md:\d+:\d+$`)
	verdicts := map[string]int{}
	for _, x := range got {
		for _, k := range []string{"pos", "type", "mode", "typedBy", "verdict", "reason", "problems"} {
			if _, ok := x[k]; !ok {
				t.Errorf("%v: no %q", x["pos"], k)
			}
		}
		if !filePos.MatchString(x["pos"].(string)) {
			t.Errorf("pos %q is not file:line", x["pos"])
		}
		v := x["verdict"].(string)
		verdicts[v]++
		if v == "skipped" && x["reason"] == "" {
			t.Errorf("%v: skipped without a reason", x["pos"])
		}
		if v != "skipped" && (x["type"] == "" || x["typedBy"] == "") {
			t.Errorf("%v: checked without a type or how it was typed: %v", x["pos"], x)
		}
		for _, p := range x["problems"].([]any) {
			p := p.(map[string]any)
			for _, k := range []string{"pos", "severity", "kind", "message", "source"} {
				if _, ok := p[k]; !ok {
					t.Errorf("%v: problem without %q", x["pos"], k)
				}
			}
			if !fullPos.MatchString(p["pos"].(string)) || (p["severity"] != "error" && p["severity"] != "warning") {
				t.Errorf("problem %v", p)
			}
		}
	}
	if verdicts["valid"] != 2 || verdicts["invalid"] != 4 || verdicts["skipped"] != 5 {
		t.Errorf("verdicts %v", verdicts)
	}
}

func TestExamplesExit(t *testing.T) {
	res := filepath.Join(docscheckFixtures, "resources")
	// Only valid and skipped examples: exit 0.
	if code, out, errOut := runCLI(t, "", "examples", "-spec", res, filepath.Join(docscheckFixtures, "api", "lamp-switchon.md")); code != exitOK {
		t.Errorf("exit %d, want 0:\n%s%s", code, out, errOut)
	}
	for _, args := range [][]string{
		{"examples"},
		{"examples", filepath.Join(docscheckFixtures, "api", "no-such-page.md")},
		{"examples", "-nosuchflag", res},
	} {
		if code, _, _ := runCLI(t, "", args...); code != exitCannot {
			t.Errorf("%v: exit %d, want 2", args, code)
		}
	}
}

// TestExamplesGrouped: the default output is the grouped report: the
// verdict and skip lines, the totals, the area and kind tables, then one
// group per pattern with its hint and positions.
func TestExamplesGrouped(t *testing.T) {
	api, res := filepath.Join(docscheckFixtures, "api"), filepath.Join(docscheckFixtures, "resources")
	code, out, errOut := runCLI(t, "", "examples", "-spec", res, api)
	if code != exitNo {
		t.Fatalf("exit %d, want %d; stderr:\n%s", code, exitNo, errOut)
	}
	for _, want := range []string{
		"examples: 11 (2 valid, 4 invalid, 5 skipped)\nskipped: 1 elided, 1 method, 1 not-entity, 1 unknown-type, 1 untyped\n" +
			"findings: 10 (6 errors, 4 warnings) on 3 pages, in 10 groups\n",
		"\narea  pages  errors  warnings  kinds\nlamp      3       6         4  5 not-strict-json, ",
		"\nerror read-only-on-create: 1 finding on 1 page\n  pattern: <pointer>: read-only property cannot be sent on create\n" +
			"  hint: remove <property> from the example in <page>: its declaration (<source>) marks it read-only\n" +
			"  " + filepath.Join(api, "lamp-create.md") + ": 43:3 /id\n",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("no\n%s\nin\n%s", want, out)
		}
	}
	if n := strings.Count(out, "\n  pattern: "); n != 10 {
		t.Errorf("%d groups, want 10", n)
	}
	// -skipped puts the skipped lines first.
	_, out, _ = runCLI(t, "", "examples", "-skipped", "-spec", res, api)
	if n := strings.Count(out, ": skipped: "); n != 5 || !strings.HasPrefix(out, filepath.Join(api)) {
		t.Errorf("%d skipped lines, want 5 first:\n%s", n, out)
	}
}

func TestExamplesJSONHints(t *testing.T) {
	api, res := filepath.Join(docscheckFixtures, "api"), filepath.Join(docscheckFixtures, "resources")
	_, out, _ := runCLI(t, "", "examples", "-json", "-spec", res, api)
	var got []struct {
		Problems []map[string]string `json:"problems"`
	}
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, x := range got {
		for _, p := range x.Problems {
			n++
			if p["hint"] == "" || !strings.Contains(p["hint"], "lamp-") {
				t.Errorf("problem %v: hint %q", p["pos"], p["hint"])
			}
		}
	}
	if n != 10 {
		t.Errorf("%d problems, want 10", n)
	}
}

// TestExamplesHTML: -html writes one self-contained page with the summary,
// the groups and a link per problem, and nothing on standard output.
func TestExamplesHTML(t *testing.T) {
	api, res := filepath.Join(docscheckFixtures, "api"), filepath.Join(docscheckFixtures, "resources")
	file := filepath.Join(t.TempDir(), "report.html")
	code, out, errOut := runCLI(t, "", "examples", "-html", file, "-spec", res, api)
	if code != exitNo || out != "" {
		t.Fatalf("exit %d, stdout %q, stderr %q", code, out, errOut)
	}
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	page := string(data)
	for _, want := range []string{"<!DOCTYPE html>", "examples: 11 (2 valid, 4 invalid, 5 skipped)", "By area", "<details",
		`href="` + filepath.ToSlash(filepath.Join(api, "lamp-create.md")) + `#L43"`, ">" + filepath.Join(api, "lamp-create.md") + ":43:3</a>"} {
		if !strings.Contains(page, want) {
			t.Errorf("page has no %q", want)
		}
	}
	if strings.Contains(page, "<script") || strings.Contains(page, "http://") || strings.Contains(page, "https://") {
		t.Error("the page is not self-contained")
	}
	// A file that cannot be written: exit 2.
	if code, _, errOut := runCLI(t, "", "examples", "-html", filepath.Join(t.TempDir(), "no", "such", "dir.html"), "-spec", res, api); code != exitCannot || !strings.Contains(errOut, "dir.html") {
		t.Errorf("unwritable -html: exit %d, stderr %q", code, errOut)
	}
	if code, _, _ := runCLI(t, "", "examples", "-json", "-flat", api); code != exitCannot {
		t.Errorf("-json -flat: exit %d, want 2", code)
	}
}
