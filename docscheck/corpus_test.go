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
	"github.com/odatagen/odatagen/spec/markdown"
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

// httpFences counts the HTTP blocks of pages, read here apart from
// markdown.Examples: a ``` or ~~~ fence with the info string http, json
// or none whose first line is a request line or a status line. missed is
// how many of them markdown.Examples does not find (its example's block
// is the fence at its Line, or the first after its blockType comment);
// uncommented, how many it finds that have no blockType comment.
var httpFence = regexp.MustCompile("(?m)^[ \\t]*(?:```|~~~)[ \\t]*(?i:http|json)?[ \\t]*\\n[ \\t]*(?:GET|POST|PATCH|PUT|DELETE|HTTP/1\\.1) ")

func httpFences(pages []Page) (missed, uncommented int) {
	for _, p := range pages {
		src := string(p.Src)
		lines := strings.Split(src, "\n")
		found := map[int]bool{} // the 1-based lines of the examples' fences
		exs, _ := markdown.Examples(p.File, p.Src)
		for _, ex := range exs {
			fence := ex.Line
			if ex.Commented {
				for fence < len(lines) && !strings.HasPrefix(strings.TrimSpace(lines[fence-1]), "```") && !strings.HasPrefix(strings.TrimSpace(lines[fence-1]), "~~~") {
					fence++
				}
			} else {
				uncommented++
			}
			found[fence] = true
		}
		for _, m := range httpFence.FindAllStringIndex(src, -1) {
			if line := strings.Count(src[:m[0]], "\n") + 1; !found[line] {
				missed++
			}
		}
	}
	return missed, uncommented
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
		"found": 38, "request": 20, "response": 18, "typed": 20,
		"valid": 13, "invalid": 7, "skipped": 18,
		"skip method": 11, "skip no-body": 3, "skip not-entity": 1, "skip raw-value": 1, "skip syntax": 2,
		"error unknown-property": 9, "error not-strict-json": 1, "error missing-required": 1, "error wrong-odata-type": 4,
		"warning not-strict-json": 1,
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
		// The examples below have no blockType comment.
		// The Request body table says every property, id too, is
		// required on create; the example (rightly) sends no id, which
		// the service makes: the table is wrong about id.
		"intune-companyterms-termsandconditionsassignment-create.md:66:1: missing-required ",
		// configurationManagerCollectionAssignmentTarget is not in the
		// v1.0 CSDL (a beta type): in v1.0 the target is read as the
		// base deviceAndAppManagementAssignmentTarget, which has no
		// collectionId. Request and response of the create, and of the
		// update on the next page.
		"intune-companyterms-termsandconditionsassignment-create.md:69:5: wrong-odata-type /target/@odata.type",
		"intune-companyterms-termsandconditionsassignment-create.md:70:5: unknown-property /target/collectionId",
		"intune-companyterms-termsandconditionsassignment-create.md:86:5: wrong-odata-type /target/@odata.type",
		"intune-companyterms-termsandconditionsassignment-create.md:87:5: unknown-property /target/collectionId",
		"intune-deviceconfig-devicecompliancepolicyassignment-update.md:69:5: wrong-odata-type /target/@odata.type",
		"intune-deviceconfig-devicecompliancepolicyassignment-update.md:70:5: unknown-property /target/collectionId",
		"intune-deviceconfig-devicecompliancepolicyassignment-update.md:86:5: wrong-odata-type /target/@odata.type",
		"intune-deviceconfig-devicecompliancepolicyassignment-update.md:87:5: unknown-property /target/collectionId",
		// A GET of one entity (by key; of a singleton) answers with the
		// entity itself; these responses wrap it in {"value": {...}},
		// as a list would, and an entity has no member value.
		"intune-mam-targetedmanagedapppolicyassignment-get.md:71:3: unknown-property /value",
		"intune-policyset-deviceappmanagement-get.md:67:3: unknown-property /value",
	}
	if rejected := rejections(rs); !slices.Equal(rejected, realErrors) {
		t.Errorf("rejections\n%s\nwant\n%s", strings.Join(rejected, "\n"), strings.Join(realErrors, "\n"))
	}
	// Every HTTP block is found, the 16 without a blockType comment too
	// (the Intune pages' and insights-list-shared's; two of these are the
	// syntax in its HTTP request section, skipped as syntax).
	if missed, n := httpFences(corpusPages(t, corpusV1+"/api")); missed != 0 || n != 16 {
		t.Errorf("%d HTTP blocks not found, %d found without a blockType comment; want 0 and 16", missed, n)
	}
}

// TestCorpusBeta checks the beta pages against their resource pages only
// (no beta CSDL in the corpus).
func TestCorpusBeta(t *testing.T) {
	needCorpus(t, corpusBeta)
	rs := corpusCheck(t, corpusBeta+"/api", corpusBeta+"/api", corpusBeta+"/resources")
	got := tally(rs)
	want := map[string]int{
		"found": 100, "request": 51, "response": 49, "typed": 29,
		"valid": 22, "invalid": 7, "skipped": 71,
		"skip method": 37, "skip no-body": 9, "skip not-entity": 1, "skip not-json": 3, "skip syntax": 3, "skip unknown-type": 3, "skip untyped": 15,
		"error unknown-property": 72, "error not-strict-json": 1, "error missing-required": 6, "error wrong-odata-type": 12,
		"warning not-in-body": 1, "warning odata-type-case": 2,
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
		// The examples below have no blockType comment.
		// The Request body tables say id, createdDateTime and
		// lastModifiedDateTime are required on create; the examples
		// (rightly) leave out these members the service sets.
		"intune-policyset-devicecompliancepolicypolicysetitem-create.md:75:1: missing-required ",
		"intune-policyset-devicecompliancepolicypolicysetitem-create.md:75:1: missing-required ",
		"intune-policyset-devicecompliancepolicypolicysetitem-create.md:75:1: missing-required ",
		"intune-policyset-enrollmentrestrictionsconfigurationpolicysetitem-create.md:77:1: missing-required ",
		"intune-policyset-enrollmentrestrictionsconfigurationpolicysetitem-create.md:77:1: missing-required ",
		"intune-policyset-enrollmentrestrictionsconfigurationpolicysetitem-create.md:77:1: missing-required ",
		// a {"value": [...]} list whose comment lacks "isCollection": true
		"timeoffrequest-list.md:111:3: unknown-property /value",
	}
	// Not docs errors but gaps of the corpus: the update of a macOS
	// device features configuration (request and response) sets members
	// of the derived types credentialSingleSignOnExtension,
	// macOSKerberosSingleSignOnExtension and iPv6Range, which
	// have no resource page in it (and there is no beta CSDL): each
	// object is read as its property's base type, its @odata.type is
	// wrong-odata-type and its own members unknown-property.
	const macOS = "intune-deviceconfig-macosdevicefeaturesconfiguration-update.md:"
	var kept []string
	gaps := map[string]int{}
	for _, r := range rejections(rs) {
		if rest, ok := strings.CutPrefix(r, macOS); ok {
			gaps[strings.Fields(rest)[1]]++
			continue
		}
		kept = append(kept, r)
	}
	if !slices.Equal(kept, realErrors) {
		t.Errorf("rejections\n%s\nwant\n%s", strings.Join(kept, "\n"), strings.Join(realErrors, "\n"))
	}
	if want := map[string]int{"wrong-odata-type": 12, "unknown-property": 68}; !mapsEqual(gaps, want) {
		t.Errorf("%s rejections %v, want %v", macOS, gaps, want)
	}
	if missed, n := httpFences(corpusPages(t, corpusBeta+"/api")); missed != 0 || n != 50 {
		t.Errorf("%d HTTP blocks not found, %d found without a blockType comment; want 0 and 50", missed, n)
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

// TestCorpusMissingRequiredSource checks that each missing-required
// problem of the v1.0 pages names as its source what made the property
// required, which for all of them is on the create page itself, not the
// resource page's Properties row: the Request body row's Required cell or
// description, or, under the Intune template, the line before the table
// that says it shows "the properties that are required when you create".
func TestCorpusMissingRequiredSource(t *testing.T) {
	needCorpus(t, corpusV1, corpusCSDL)
	rs := corpusCheck(t, corpusV1+"/api", corpusV1+"/api", corpusV1+"/resources", corpusCSDL)
	n := 0
	for _, r := range rs {
		for _, p := range r.Problems {
			if p.Kind != "missing-required" {
				continue
			}
			n++
			file, line, _, ok := splitPos(p.Source)
			if !ok {
				t.Errorf("%s: source %q", p.Pos, p.Source)
				continue
			}
			src, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			text := strings.Split(string(src), "\n")[line-1]
			if file != p.Pos.File || !strings.Contains(strings.ToLower(text), "required") {
				t.Errorf("%s: source %s is %q, which does not make the property required", p.Pos, p.Source, text)
			}
		}
	}
	if n == 0 {
		t.Error("no missing-required problem in the v1.0 pages")
	}
}
