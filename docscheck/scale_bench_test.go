package docscheck

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/odatagen/odatagen/spec/load"
)

// BenchmarkWholeDocs is odatagen examples at the scale of all of the Graph
// beta docs (about 2,900 resource pages and 5,000 API pages) with the
// largest CSDL at hand (the current v1.0 $metadata, 4,000 types, in place
// of beta's): the pages are the corpus's beta pages, copied under new
// type names until there are as many (scaleDocs), written to a temporary
// directory when the benchmark starts. One op loads everything and checks
// every example; the goal is 20 s.
//
//	go test ./docscheck -run '^$' -bench WholeDocs -benchtime 3x
func BenchmarkWholeDocs(b *testing.B) {
	csdl := "../../shared/corpus/csdl/graph-v1.0-clean.xml"
	needCorpus(b, corpusBeta, csdl)
	dir := b.TempDir()
	nres, napi := scaleDocs(b, dir, 2900, 5000)
	apiDir, resDir := filepath.Join(dir, "api"), filepath.Join(dir, "resources")
	var rs []Result
	for b.Loop() {
		s, _, err := load.Spec(apiDir, resDir, csdl)
		if err != nil {
			b.Fatal(err)
		}
		rs, err = Check(s, corpusPages(b, apiDir))
		if err != nil {
			b.Fatal(err)
		}
	}
	// Each copy of the API pages must be found, typed and judged as the
	// corpus's own pages are without the CSDL (the copies' renamed types
	// are the pages' alone), but for the examples typed by a URL: the
	// copies share the URLs their pages name (no type name in them), so a
	// request or response typed by its URL alone meets 125 copies of one
	// path, and the CSDL's navigation targets, where the corpus meets one.
	orig := corpusCheck(b, corpusBeta+"/api", corpusBeta+"/api", corpusBeta+"/resources")
	n, o := tally(rs), tally(orig)
	byURL := map[string]int{}
	for _, r := range orig {
		if r.Type != "" && strings.Contains(r.TypedBy, "URL") {
			byURL["typed"]++
			if r.Verdict == Valid {
				byURL[string(Valid)]++
			}
		}
	}
	copies := napi / len(corpusPages(b, corpusBeta+"/api"))
	if n["found"] != copies*o["found"] {
		b.Errorf("found %d examples, want %d copies of the corpus's %d", n["found"], copies, o["found"])
	}
	for _, k := range []string{"typed", string(Valid)} {
		if want := copies * (o[k] - byURL[k]); n[k] < want {
			b.Errorf("%s: %d, want at least %d: %d copies of the corpus's %d less the %d typed by a URL\ncopies: %v\ncorpus: %v",
				k, n[k], want, copies, o[k], byURL[k], n, o)
		}
	}
	b.ReportMetric(float64(nres), "resource-pages")
	b.ReportMetric(float64(napi), "api-pages")
	b.ReportMetric(float64(n["found"]), "examples")
	b.ReportMetric(float64(n["typed"]), "typed")
	b.ReportMetric(float64(n[string(Valid)]+n[string(Invalid)]), "checked")
}

// scaleDocs writes copies of the corpus's beta resource and API pages into
// dir/resources and dir/api until there are at least nres and napi of
// them. Copy k renames every type the resource pages describe (X becomes
// Xk, in "microsoft.graph.X", in the "# X resource type" title and in links
// to resources/x.md), so that each copy is a docs set of distinct types as
// the real docs are; API copies beyond the resource copies use the types
// of copy k modulo their number. It returns the numbers written.
func scaleDocs(b *testing.B, dir string, nres, napi int) (int, int) {
	b.Helper()
	read := func(sub string) map[string][]byte {
		pages := map[string][]byte{}
		for _, p := range corpusPages(b, filepath.Join(corpusBeta, sub)) {
			pages[filepath.Base(p.File)] = p.Src
		}
		return pages
	}
	res, api := read("resources"), read("api")
	title := regexp.MustCompile(`(?m)^# +(\w+) resource type`)
	var names []string
	for _, src := range res {
		if m := title.FindSubmatch(src); m != nil {
			names = append(names, regexp.QuoteMeta(string(m[1])))
		}
	}
	if len(names) == 0 {
		b.Fatal("no resource page titles in the corpus")
	}
	alt := strings.Join(names, "|")
	// Any case: a docs "@odata.type" in another case stays a case finding.
	qualified := regexp.MustCompile(`(?i)\bmicrosoft\.graph\.(` + alt + `)\b`)
	heading := regexp.MustCompile(`(?m)^(# +)(` + alt + `)( resource type)`)
	link := regexp.MustCompile(`resources/([a-z0-9]+)\.md`)
	rename := func(src []byte, k int) []byte {
		suffix := fmt.Sprint(k)
		src = qualified.ReplaceAll(src, []byte("${0}"+suffix))
		src = heading.ReplaceAll(src, []byte("${1}${2}"+suffix+"${3}"))
		return link.ReplaceAll(src, []byte("resources/${1}"+suffix+".md"))
	}
	write := func(sub string, pages map[string][]byte, want int) (int, int) {
		if err := os.MkdirAll(filepath.Join(dir, sub), 0o755); err != nil {
			b.Fatal(err)
		}
		n, copies := 0, 0
		for ; n < want; copies++ {
			for name, src := range pages {
				k := copies
				if sub == "api" {
					k = copies % resCopies(len(res), nres)
				}
				out := strings.TrimSuffix(name, ".md") + fmt.Sprint(copies) + ".md"
				if sub == "resources" {
					out = strings.TrimSuffix(name, ".md") + fmt.Sprint(k) + ".md"
				}
				if err := os.WriteFile(filepath.Join(dir, sub, out), rename(src, k), 0o644); err != nil {
					b.Fatal(err)
				}
				n++
			}
		}
		return n, copies
	}
	r, _ := write("resources", res, nres)
	a, _ := write("api", api, napi)
	return r, a
}

// resCopies is the number of copies of n resource pages that reach want.
func resCopies(n, want int) int { return (want + n - 1) / n }
