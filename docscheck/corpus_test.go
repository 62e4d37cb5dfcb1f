package docscheck

import (
	"fmt"
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/odatagen/odatagen/spec"
	"github.com/odatagen/odatagen/spec/load"
)

// The shared corpus: real Graph docs pages (July 2021) and the v1.0 CSDL
// of the same month. Read only; the tests skip when it is absent.
const (
	corpusV1   = "../../shared/api-corpus/graph-docs-2021/v1.0"
	corpusBeta = "../../shared/api-corpus/graph-docs-2021/beta"
	corpusCSDL = "../../shared/corpus/csdl/graph-v1.0-2021-07.xml"
)

func needCorpus(t testing.TB, paths ...string) {
	t.Helper()
	for _, p := range paths {
		if _, err := os.Stat(p); err != nil {
			t.Skipf("corpus absent: %v", err)
		}
	}
}

// corpusCheck loads the spec of inputs and checks the pages of api.
func corpusCheck(t testing.TB, api string, inputs ...string) []Result {
	t.Helper()
	s, _, err := load.Spec(inputs...)
	if err != nil {
		t.Fatal(err)
	}
	rs, err := Check(s, corpusPages(t, api))
	if err != nil {
		t.Fatal(err)
	}
	return rs
}

// tally counts results: found, typed (a type decided), each verdict,
// skipped per reason, and problems per kind.
func tally(rs []Result) map[string]int {
	n := map[string]int{}
	for _, r := range rs {
		n["found"]++
		n[r.BlockType]++
		if r.Type != "" {
			n["typed"]++
		}
		n[string(r.Verdict)]++
		if r.Verdict == Skipped {
			n["skip "+r.Skip]++
		}
		for _, p := range r.Problems {
			n[string(p.Severity)+" "+p.Kind]++
		}
	}
	return n
}

// uncommented counts the HTTP example blocks (a request line or a status
// line first) that no blockType comment comes before: examples that
// markdown.Examples does not find, and so that are not checked.
var exampleFence = regexp.MustCompile("(?m)^(<!--[^\\n]*(?:\\n[^\\n]*){0,8}?-->\\s*\\n)?\\s*```\\s*http\\s*\\n(GET|POST|PATCH|PUT|DELETE|HTTP/1\\.1) ")

func uncommented(pages []Page) int {
	n := 0
	for _, p := range pages {
		for _, m := range exampleFence.FindAllStringSubmatch(string(p.Src), -1) {
			if m[1] == "" {
				n++
			}
		}
	}
	return n
}

// TestCorpusV1 checks the v1.0 pages against the CSDL and their resource
// pages. Every example is typed or skipped with a reason; the counts are
// what the checker gives today, and each rejection is named below with
// why it is a real docs error.
func TestCorpusV1(t *testing.T) {
	needCorpus(t, corpusV1, corpusCSDL)
	rs := corpusCheck(t, corpusV1+"/api", corpusV1+"/api", corpusV1+"/resources", corpusCSDL)
	got := tally(rs)
	want := map[string]int{
		"found": 22, "request": 11, "response": 11, "typed": 10,
		"valid": 9, "invalid": 1, "skipped": 12,
		"skip method": 7, "skip no-body": 3, "skip not-entity": 1, "skip raw-value": 1,
		"error unknown-property": 3, "error not-strict-json": 1, "warning not-strict-json": 1,
	}
	if !mapsEqual(got, want) {
		t.Errorf("counts\n%v\nwant\n%v", got, want)
	}
	for _, r := range rs {
		if r.Verdict == Skipped && (r.Reason == "" || r.Skip == "") {
			t.Errorf("%s: skipped without a reason", r.Pos)
		}
		if r.Verdict != Skipped && (r.Type == "" || r.TypedBy == "") {
			t.Errorf("%s: checked without a type or how it was typed", r.Pos)
		}
	}
	// The rejections, each a real docs error (reviewed by hand).
	realErrors := []string{
		// the recipient has no @odata.type, so it reads as the abstract
		// educationSubmissionRecipient, which has no userId; the service
		// sends the derived type's name
		"educationassignment-list-submissions.md:98:9: unknown-property /value/0/recipient/userId",
		// releasedBy and releasedDateTime are beta properties shown on a
		// v1.0 page: the v1.0 CSDL has neither
		"educationassignment-list-submissions.md:101:7: unknown-property /value/0/releasedBy",
		"educationassignment-list-submissions.md:105:12: not-strict-json ",
		"educationassignment-list-submissions.md:107:7: unknown-property /value/0/releasedDateTime",
	}
	if rejected := rejections(rs); !slices.Equal(rejected, realErrors) {
		t.Errorf("rejections\n%s\nwant\n%s", strings.Join(rejected, "\n"), strings.Join(realErrors, "\n"))
	}
	// The examples without a blockType comment (the Intune pages' and
	// insights-list-shared's) are not found: markdown.Examples needs the comment.
	if n := uncommented(corpusPages(t, corpusV1+"/api")); n != 16 {
		t.Errorf("%d uncommented HTTP examples, want 16", n)
	}
}

// TestCorpusBeta checks the beta pages against their resource pages only
// (no beta CSDL in the corpus).
func TestCorpusBeta(t *testing.T) {
	needCorpus(t, corpusBeta)
	rs := corpusCheck(t, corpusBeta+"/api", corpusBeta+"/api", corpusBeta+"/resources")
	got := tally(rs)
	want := map[string]int{
		"found": 50, "request": 24, "response": 26, "typed": 17,
		"valid": 14, "invalid": 3, "skipped": 33,
		"skip method": 20, "skip no-body": 4, "skip not-entity": 1, "skip not-json": 1, "skip unknown-type": 3, "skip untyped": 4,
		"error unknown-property": 4, "error not-strict-json": 1, "warning not-in-body": 1, "warning odata-type-case": 2,
	}
	if !mapsEqual(got, want) {
		t.Errorf("counts\n%v\nwant\n%v", got, want)
	}
	for _, r := range rs {
		if r.Verdict == Skipped && (r.Reason == "" || r.Skip == "") {
			t.Errorf("%s: skipped without a reason", r.Pos)
		}
	}
	realErrors := []string{
		// messageId is not a property of teamsTab on its resource page
		"chat-list-tabs.md:129:7: unknown-property /value/1/messageId",
		"chat-list-tabs.md:149:7: unknown-property /value/2/messageId",
		"chat-list-tabs.md:227:13: unknown-property /value/0/messageId",
		// two trailing commas (the example is then skipped: the group
		// resource page is not in the corpus)
		"group-list-transitivemembers.md:240:35: not-strict-json ",
		// a {"value": [...]} list whose comment lacks "isCollection": true
		"timeoffrequest-list.md:111:3: unknown-property /value",
	}
	if got := rejections(rs); !slices.Equal(got, realErrors) {
		t.Errorf("rejections\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(realErrors, "\n"))
	}
}

// rejections lists the error problems as "page:line:col: kind pointer".
func rejections(rs []Result) []string {
	var out []string
	for _, r := range rs {
		for _, p := range r.Problems {
			if p.Severity == Error {
				out = append(out, fmt.Sprintf("%s:%d:%d: %s %s", p.Pos.File[strings.LastIndex(p.Pos.File, "/")+1:], p.Pos.Line, p.Pos.Col, p.Kind, p.Pointer))
			}
		}
	}
	return out
}

func mapsEqual(a, b map[string]int) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if b[k] != v {
			return false
		}
	}
	return true
}

// BenchmarkCorpus loads the spec of all of ../shared/api-corpus (both
// versions' API and resource pages, and the v1.0 CSDL with the v1.0
// pages) and checks every example of its API pages: the cost of one run
// of odatagen examples on each version (all), and of the checking alone,
// the specs loaded once (check: the plans built and the examples checked).
func BenchmarkCorpus(b *testing.B) {
	needCorpus(b, corpusV1, corpusBeta, corpusCSDL)
	v1, beta := corpusPages(b, corpusV1+"/api"), corpusPages(b, corpusBeta+"/api")
	loadBoth := func() (s1, sb *spec.Spec) {
		s1, _, err := load.Spec(corpusV1+"/api", corpusV1+"/resources", corpusCSDL)
		if err != nil {
			b.Fatal(err)
		}
		sb, _, err = load.Spec(corpusBeta+"/api", corpusBeta+"/resources")
		if err != nil {
			b.Fatal(err)
		}
		return s1, sb
	}
	checkBoth := func(s1, sb *spec.Spec) int {
		r1, err := Check(s1, v1)
		if err != nil {
			b.Fatal(err)
		}
		r2, err := Check(sb, beta)
		if err != nil {
			b.Fatal(err)
		}
		return len(r1) + len(r2)
	}
	b.Run("all", func(b *testing.B) {
		n := 0
		for b.Loop() {
			n = checkBoth(loadBoth())
		}
		b.ReportMetric(float64(n), "examples")
	})
	b.Run("check", func(b *testing.B) {
		s1, sb := loadBoth()
		n := 0
		for b.Loop() {
			n = checkBoth(s1, sb)
		}
		b.ReportMetric(float64(n), "examples")
	})
}
