package docscheck

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/odatagen/odatagen/spec"
	"github.com/odatagen/odatagen/spec/load"
)

var update = flag.Bool("update", false, "rewrite the golden files")

// corpusPages reads the .md files under dir, in name order.
func corpusPages(t testing.TB, dir string) []Page {
	t.Helper()
	var pages []Page
	err := filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".md") {
			return err
		}
		src, err := os.ReadFile(path)
		pages = append(pages, Page{File: path, Src: src})
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return pages
}

// fixtureResults checks the fixture pages against the spec they and the
// resource page make.
func fixtureResults(t *testing.T) []Result {
	t.Helper()
	s, _, err := load.Spec("testdata/api", "testdata/resources")
	if err != nil {
		t.Fatal(err)
	}
	rs, err := Check(s, corpusPages(t, "testdata/api"))
	if err != nil {
		t.Fatal(err)
	}
	return rs
}

func TestFixturesGolden(t *testing.T) {
	got, err := json.MarshalIndent(fixtureResults(t), "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	got = append(got, '\n')
	golden := filepath.Join("testdata", "fixtures.golden.json")
	if *update {
		if err := os.WriteFile(golden, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("results differ from %s (go test -update rewrites it):\n%s", golden, got)
	}
}

// TestFixtures states, per fixture example, the verdict and the problems
// (kind at page line:col) the checker must give.
func TestFixtures(t *testing.T) {
	want := map[string]struct {
		verdict Verdict
		skip    string
		typ     string
		mode    string
		kinds   []string // "kind@line:col"
	}{
		"testdata/api/lamp-create.md:37": {Invalid, "", "microsoft.graph.lamp", "create",
			[]string{"read-only-on-create@43:3", "unknown-property@45:3"}},
		"testdata/api/lamp-create.md:51": {Invalid, "", "microsoft.graph.lamp", "read", []string{"bad-format@59:3"}},
		"testdata/api/lamp-get.md:23":    {Skipped, SkipMethod, "", "", nil},
		"testdata/api/lamp-get.md:30":    {Valid, "", "microsoft.graph.lamp", "read", nil},
		// truncated: the missing name is no problem, the wrong type is
		"testdata/api/lamp-get.md:51":      {Invalid, "", "microsoft.graph.lamp", "read", []string{"wrong-type@59:17"}},
		"testdata/api/lamp-switchon.md:27": {Skipped, SkipNotEntity, "", "", nil},
		"testdata/api/lamp-switchon.md:36": {Skipped, SkipUntyped, "", "read", nil},
		"testdata/api/lamp-switchon.md:45": {Skipped, SkipUnknownType, "", "read", nil},
		"testdata/api/lamp-update.md:30": {Invalid, "", "microsoft.graph.lamp", "update",
			[]string{"not-strict-json@36:18", "not-strict-json@37:1", "enum-case@37:4", "not-strict-json@37:19"}},
		"testdata/api/lamp-update.md:43": {Skipped, SkipElided, "microsoft.graph.lamp", "update", []string{"not-strict-json@49:3"}},
		"testdata/api/lamp-update.md:55": {Valid, "", "microsoft.graph.lamp", "read", []string{"not-strict-json@55:0"}},
	}
	rs := fixtureResults(t)
	if len(rs) != len(want) {
		t.Errorf("%d results, want %d", len(rs), len(want))
	}
	for _, r := range rs {
		key := r.Pos.File + ":" + strconv.Itoa(r.Pos.Line)
		w, ok := want[key]
		if !ok {
			t.Errorf("%s: unexpected result %+v", key, r)
			continue
		}
		var kinds []string
		for _, p := range r.Problems {
			if p.Pos.File != r.Pos.File {
				t.Errorf("%s: problem in file %s", key, p.Pos.File)
			}
			kinds = append(kinds, fmt.Sprintf("%s@%d:%d", p.Kind, p.Pos.Line, p.Pos.Col))
		}
		if r.Verdict != w.verdict || r.Skip != w.skip || r.Type != w.typ || r.Mode != w.mode || !slices.Equal(kinds, w.kinds) {
			t.Errorf("%s: got %s %q %s %s %v (%s), want %s %q %s %s %v", key, r.Verdict, r.Skip, r.Type, r.Mode, kinds, r.Reason,
				w.verdict, w.skip, w.typ, w.mode, w.kinds)
		}
		if r.Verdict == Skipped && r.Reason == "" {
			t.Errorf("%s: skipped without a reason", key)
		}
	}
}

// TestProblemLines checks that each positioned problem's page line holds
// the member its pointer names.
func TestProblemLines(t *testing.T) {
	for _, r := range fixtureResults(t) {
		src, err := os.ReadFile(r.Pos.File)
		if err != nil {
			t.Fatal(err)
		}
		lines := strings.Split(string(src), "\n")
		for _, p := range r.Problems {
			toks := tokens(p.Pointer)
			if len(toks) == 0 {
				continue
			}
			last := toks[len(toks)-1]
			if p.Kind == "missing-required" {
				continue
			}
			line := lines[p.Pos.Line-1]
			if p.Pos.Col < 1 || p.Pos.Col > len(line) || !strings.HasPrefix(line[p.Pos.Col-1:], strconv.Quote(last)) {
				t.Errorf("%s: %s is not at the start of %q", p.Pos, p.Pointer, line)
			}
		}
	}
}

// TestURLTyping checks pages against a CSDL with an entity container: a
// POST to a collection URL is a create of its type, a POST to an action
// is skipped, a PATCH and its response are typed by the URL, a list by
// its context.
func TestURLTyping(t *testing.T) {
	s, _, err := load.Spec("testdata/csdl/desk.xml")
	if err != nil {
		t.Fatal(err)
	}
	rs, err := Check(s, corpusPages(t, "testdata/api-csdl"))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, r := range rs {
		line := fmt.Sprintf("%d %s %s %s %s", r.Pos.Line, r.Verdict, r.Mode, r.Type, r.TypedBy)
		if r.Verdict == Skipped {
			line += " (" + r.Skip + ")"
		}
		for _, p := range r.Problems {
			line += fmt.Sprintf(" [%s %s@%d:%d]", p.Severity, p.Kind, p.Pos.Line, p.Pos.Col)
		}
		got = append(got, line)
	}
	want := []string{
		"16 invalid create microsoft.graph.lamp POST to a collection (navigation lamps of microsoft.graph.desk): create; type from URL (navigation lamps of microsoft.graph.desk) [error wrong-type@23:3]",
		"29 valid create microsoft.graph.floorLamp POST to a collection (entity set lamps): create; type from body's @odata.type",
		"43 skipped    (not-entity)",
		"55 valid update microsoft.graph.lamp PATCH: update; type from URL (navigation favourite of microsoft.graph.desk)",
		"67 invalid read microsoft.graph.lamp the URL of the PATCH request before it (navigation favourite of microsoft.graph.desk) [error unknown-property@75:3]",
		// FloorLamp is respelt floorLamp and checked as one: heightCm is no problem
		"81 valid read microsoft.graph.lamp body's @odata.context, a collection [warning odata-type-case@90:6]",
	}
	if !slices.Equal(got, want) {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestWalkURL(t *testing.T) {
	s, _, err := load.Spec("testdata/csdl/desk.xml")
	if err != nil {
		t.Fatal(err)
	}
	c, err := New(s)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		path string
		typ  string
		coll bool
		ok   bool
	}{
		{"/desk", "microsoft.graph.desk", false, true},
		{"/desk/lamps", "microsoft.graph.lamp", true, true},
		{"/desk/lamps/{id}", "microsoft.graph.lamp", false, true},
		{"/desk/lamps('7')", "microsoft.graph.lamp", false, true},
		{"/Lamps", "microsoft.graph.lamp", true, true},
		{"/lamps/7/microsoft.graph.floorLamp", "microsoft.graph.floorLamp", false, true},
		{"/lamps/microsoft.graph.floorLamp", "microsoft.graph.floorLamp", true, true},
		{"/lamps/7/switchOn", "", false, false},
		{"/lamps/7/microsoft.graph.switchOn", "", false, false},
		{"/desk('x')", "", false, false},
		{"/desk/height", "", false, false},
		{"/nowhere", "", false, false},
		{"/", "", false, false},
	} {
		typ, coll, _, ok := c.walkURL(tc.path)
		if typ != tc.typ || coll != tc.coll || ok != tc.ok {
			t.Errorf("%s: %q %v %v, want %q %v %v", tc.path, typ, coll, ok, tc.typ, tc.coll, tc.ok)
		}
	}
	for _, u := range []struct{ in, want string }{
		{"https://graph.microsoft.com/v1.0/desk/lamps?$select=id", "/desk/lamps"},
		{"https://graph.microsoft.com/beta/me/events HTTP/1.1", "/me/events"},
		{"/v1.0/users/a%40b.com", "/users/a@b.com"},
		{"https://host", "/"},
	} {
		if got := urlPath(u.in); got != u.want {
			t.Errorf("urlPath(%q) = %q, want %q", u.in, got, u.want)
		}
	}
}

// TestUncommented checks fixture pages whose examples have no blockType
// comment: each is found by its block's first line and placed at its
// fence; a block in the HTTP request section is the syntax, skipped; a
// response is typed by the request before it (a POST to a collection
// creates one item of it; a GET or PATCH leads to what its URL names), by
// its body's @odata.type or @odata.context, or else skipped; the text
// before a response stands in for the comment's "truncated"; TypedBy says
// there was no comment; each problem is at the page line and column of
// its member.
func TestUncommented(t *testing.T) {
	desk, _, err := load.Spec("testdata/csdl/desk.xml")
	if err != nil {
		t.Fatal(err)
	}
	lamp, _, err := load.Spec("testdata/api", "testdata/resources")
	if err != nil {
		t.Fatal(err)
	}
	var rs []Result
	for _, c := range []struct {
		dir  string
		spec *spec.Spec
	}{{"testdata/uncommented/desk", desk}, {"testdata/uncommented/lamp", lamp}} {
		got, err := Check(c.spec, corpusPages(t, c.dir))
		if err != nil {
			t.Fatal(err)
		}
		rs = append(rs, got...)
	}
	var got []string
	for _, r := range rs {
		line := fmt.Sprintf("%s:%d %s %s %s %s | %s", filepath.Base(r.Pos.File), r.Pos.Line, r.BlockType, r.Verdict, r.Mode, r.Type, r.TypedBy)
		if r.Verdict == Skipped {
			line += " (" + r.Skip + ": " + r.Reason + ")"
		}
		for _, p := range r.Problems {
			line += fmt.Sprintf(" [%s %s@%d:%d]", p.Severity, p.Kind, p.Pos.Line, p.Pos.Col)
		}
		got = append(got, line)
	}
	const d, l = "desk-lamps-uncommented.md", "lamp-list-uncommented.md"
	want := []string{
		d + ":16 request skipped   |  (syntax: a block without a blockType comment in the HTTP request section: the request syntax, not an example)",
		d + ":27 request valid create microsoft.graph.lamp | POST to a collection (navigation lamps of microsoft.graph.desk): create; type from URL (navigation lamps of microsoft.graph.desk) (no blockType comment)",
		d + ":41 response invalid read microsoft.graph.lamp | the URL of the POST request before it (a create in navigation lamps of microsoft.graph.desk) (no blockType comment) [error wrong-type@48:3]",
		d + ":56 request skipped   |  (method: a GET request sends no entity to check)",
		d + ":64 response invalid read microsoft.graph.lamp | the URL of the GET request before it (entity set lamps), a collection, truncated as the text before it says (no blockType comment) [error unknown-property@71:17]",
		d + ":78 request valid update microsoft.graph.lamp | PATCH: update; type from URL (navigation favourite of microsoft.graph.desk) (no blockType comment)",
		d + ":89 response valid read microsoft.graph.lamp | the URL of the PATCH request before it (navigation favourite of microsoft.graph.desk) (no blockType comment)",
		d + ":100 request skipped   |  (not-entity: POST to a URL the spec does not lead through, on a page that is not a Create page (an action?))",
		// an action's response: its own @odata.type (a derived type) decides
		d + ":107 response valid read microsoft.graph.floorLamp | body's @odata.type (no blockType comment)",
		d + ":119 request skipped   |  (not-entity: POST to a URL the spec does not lead through, on a page that is not a Create page (an action?))",
		d + ":126 response skipped read  |  (untyped: no blockType comment names an @odata.type and the body has none)",
		l + ":17 request skipped   |  (method: a GET request sends no entity to check)",
		l + ":23 response valid read microsoft.graph.lamp | body's @odata.type, truncated as the text before it says (no blockType comment)",
		l + ":36 request skipped   |  (method: a GET request sends no entity to check)",
		l + ":42 response invalid read microsoft.graph.lamp | body's @odata.type (no blockType comment) [error wrong-type@49:3]",
		l + ":55 request skipped   |  (method: a GET request sends no entity to check)",
		l + ":59 response invalid read microsoft.graph.lamp | body's @odata.context, a collection (no blockType comment) [error bad-enum@66:32]",
		l + ":73 request skipped   |  (method: a GET request sends no entity to check)",
		l + ":77 response skipped read  |  (untyped: no blockType comment names an @odata.type, the body has none, and the request URL leads to no type of the spec)",
	}
	if !slices.Equal(got, want) {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	// Each result is at its opening fence, each problem at its member.
	for _, r := range rs {
		src, err := os.ReadFile(r.Pos.File)
		if err != nil {
			t.Fatal(err)
		}
		lines := strings.Split(string(src), "\n")
		if f := strings.TrimSpace(lines[r.Pos.Line-1]); !strings.HasPrefix(f, "```") && !strings.HasPrefix(f, "~~~") {
			t.Errorf("%s: result line is %q, not a fence", r.Pos, f)
		}
		for _, p := range r.Problems {
			toks := tokens(p.Pointer)
			line := lines[p.Pos.Line-1]
			if len(toks) == 0 || p.Pos.Col < 1 || !strings.HasPrefix(line[p.Pos.Col-1:], strconv.Quote(toks[len(toks)-1])) {
				t.Errorf("%s: %s is not at the start of %q", p.Pos, p.Pointer, line)
			}
		}
	}
}

// TestProblemSourceIsTheFact checks that a problem's source is the
// statement of the broken fact: a read-only problem's is the table cell
// that says "Read-only", a type problem's the Type cell.
func TestProblemSourceIsTheFact(t *testing.T) {
	n := 0
	for _, r := range fixtureResults(t) {
		for _, p := range r.Problems {
			var want string
			switch {
			case strings.HasPrefix(p.Kind, "read-only-on-"):
				want = "Read-only"
			case p.Kind == "wrong-type" || p.Kind == "bad-format":
				want = "|" // the Type cell: checked below by its column
			default:
				continue
			}
			file, line, col, ok := splitPos(p.Source)
			if !ok || !strings.HasPrefix(file, "testdata/resources/") {
				t.Errorf("%s %s: source %q is not a resource page cell", p.Pos, p.Kind, p.Source)
				continue
			}
			src, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			row := strings.Split(string(src), "\n")[line-1]
			cell, _, _ := strings.Cut(row[col-1:], "|")
			if want == "|" {
				if cells := strings.Split(row, "|"); len(cells) < 3 || strings.TrimSpace(cells[2]) != strings.TrimSpace(cell) {
					t.Errorf("%s %s: source %s is %q, not the Type cell of %q", p.Pos, p.Kind, p.Source, cell, row)
				}
			} else if !strings.Contains(cell, want) {
				t.Errorf("%s %s: source %s is %q, which does not say %s", p.Pos, p.Kind, p.Source, cell, want)
			}
			n++
		}
	}
	if n < 3 {
		t.Errorf("%d problems with a fact's source, want the fixtures' 3 or more", n)
	}
}

// splitPos splits "file:line:col".
func splitPos(s string) (file string, line, col int, ok bool) {
	i := strings.LastIndexByte(s, ':')
	j := strings.LastIndexByte(s[:max(i, 0)], ':')
	if i < 0 || j < 0 {
		return "", 0, 0, false
	}
	line, err1 := strconv.Atoi(s[j+1 : i])
	col, err2 := strconv.Atoi(s[i+1:])
	return s[:j], line, col, err1 == nil && err2 == nil && line > 0 && col > 0
}
