package docscheck

import (
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/odatagen/odatagen/spec"
	"github.com/odatagen/odatagen/spec/load"
	"github.com/odatagen/odatagen/spec/markdown"
)

// The docs-truth fixtures: a CSDL with an empty complex type Json, and
// resource and API pages written for these tests (testdata/truth).
const truthDir = "testdata/truth"

// truthSpec loads the fixtures' merged spec (CSDL, resource pages, API
// pages) and its warnings.
func truthSpec(t *testing.T) (*spec.Spec, []spec.Warning) {
	t.Helper()
	s, ws, err := load.Spec(truthDir+"/csdl", truthDir+"/resources", truthDir+"/api")
	if err != nil {
		t.Fatal(err)
	}
	return s, ws
}

// truthResults checks the fixtures' API pages with c, by example name
// (the blockType comment's "name", or "page:line" when it has none).
func truthResults(t *testing.T, c *Checker) map[string]Result {
	t.Helper()
	out := map[string]Result{}
	for _, p := range corpusPages(t, truthDir+"/api") {
		names := map[int]string{}
		exs, _ := markdown.Examples(p.File, p.Src)
		for _, ex := range exs {
			if n, _ := ex.Fields["name"].(string); n != "" {
				names[ex.Line] = n
			}
		}
		for _, r := range c.Page(p.File, p.Src) {
			key := names[r.Pos.Line]
			if key == "" {
				key = fmt.Sprintf("%s:%d", filepath.Base(r.Pos.File), r.Pos.Line)
			}
			if _, dup := out[key]; dup {
				t.Fatalf("two examples named %s", key)
			}
			out[key] = r
		}
	}
	return out
}

// findings lists a result's problems as "severity kind pointer".
func findings(r Result) []string {
	var out []string
	for _, p := range r.Problems {
		out = append(out, fmt.Sprintf("%s %s %s", p.Severity, p.Kind, p.Pointer))
	}
	return out
}

// typeProp is a property of a type of s, or a test failure.
func typeProp(t *testing.T, s *spec.Spec, typ, prop string) *spec.Property {
	t.Helper()
	for _, st := range s.Types {
		if st.QualifiedName() == typ {
			if p := st.Property(prop); p != nil {
				return p
			}
		}
	}
	t.Fatalf("%s has no property %s", typ, prop)
	return nil
}

// bodyProp is a property of the create operation of a type of s, or a
// test failure.
func bodyProp(t *testing.T, s *spec.Spec, typ, prop string) *spec.BodyProperty {
	t.Helper()
	for _, op := range s.Operations {
		if op.Type == typ && op.Kind == spec.Create {
			for _, bp := range op.Body {
				if bp.Name == prop {
					return bp
				}
			}
		}
	}
	t.Fatalf("no create operation of %s with body property %s", typ, prop)
	return nil
}

// TestFalseRejectionCauses checks, end to end, that the examples the
// docs give for each cause of a false rejection are accepted: any JSON
// value where the type is microsoft.graph.Json (a), properties that are
// required or read-only only in some cases (b), and a table that
// describes the JSON inside a property (c). Each example is also checked
// against the spec (or plan) altered the way the old reading had it, and
// must then be rejected with the expected kind: what the docs gave before
// the readers learnt the cause.
func TestFalseRejectionCauses(t *testing.T) {
	s, warnings := truthSpec(t)
	c, err := New(s)
	if err != nil {
		t.Fatal(err)
	}
	today := truthResults(t, c)

	// Every example of the fixtures is checked as the type and in the
	// mode it is for (none skipped, but the bodiless 204) and valid,
	// without a finding, not even a warning.
	const g = "microsoft.graph."
	want := map[string]string{ // example: type and mode
		"create_gadget_standard": g + "gadget create", "create_gadget_template": g + "gadget create",
		"update_gadget": g + "gadget update", "gadget-update.md:55": "skipped",
		"create_gadgetpolicy": g + "gadgetPolicy create", "gadgetpolicy-create.md:55": g + "gadgetPolicy read",
		"create_shelf":           g + "shelf create",
		"update_sheetrange_rows": g + "sheetRange update", "update_sheetrange_text": g + "sheetRange update",
		"update_sheetrange_number": g + "sheetRange update", "update_sheetrange_object": g + "sheetRange update",
		"update_sheetrange_null": g + "sheetRange update", "sheetrange-update.md:120": g + "sheetRange read",
	}
	if len(today) != len(want) {
		t.Errorf("%d examples, want %d", len(today), len(want))
	}
	for name, r := range today {
		w, ok := want[name]
		switch {
		case !ok:
			t.Errorf("%s (%s): unexpected example", name, r.Pos)
		case w == "skipped":
			if r.Verdict != Skipped || r.Skip != SkipNoBody {
				t.Errorf("%s: %s %s, want skipped %s", name, r.Verdict, r.Skip, SkipNoBody)
			}
		case r.Type+" "+r.Mode != w || r.Verdict != Valid || len(r.Problems) > 0:
			t.Errorf("%s (%s): %s %s %s %s %v, want %s valid without findings", name, r.Pos, r.Type, r.Mode, r.Verdict, r.Reason, findings(r), w)
		}
	}

	// The readings today that the causes rest on.
	m, _, err := spec.Resolve(s, spec.ResolveOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if jt := m.Type("microsoft.graph.Json"); jt == nil || !jt.AnyJSON {
		t.Errorf("microsoft.graph.Json is not read as any JSON value")
	}
	conditional := map[string]string{ // property of gadget: its condition
		"customLabel":  "Required if kind is custom.",
		"vendorSerial": "Required when the gadget is registered with a vendor.",
		"template":     "Read-only when isBuiltIn is true.",
		"ownerName":    "Read-only for gadgets synced from on-premises.",
	}
	for name, cond := range conditional {
		p := typeProp(t, s, "microsoft.graph.gadget", name)
		if p.Required || p.ReadOnly || p.Immutable || !slices.Equal(p.Conditions, []string{cond}) {
			t.Errorf("gadget.%s: required %v, read-only %v, immutable %v, conditions %q; want only the condition %q",
				name, p.Required, p.ReadOnly, p.Immutable, p.Conditions, cond)
		}
	}
	// The Create shelf page's table follows a line that says it lists
	// the required properties; its rows that say they are required only
	// in some cases are not.
	for name, want := range map[string]bool{"displayName": true, "layout": true, "customWidth": false, "vendorCode": false} {
		if bp := bodyProp(t, s, "microsoft.graph.shelf", name); bp.Required != want {
			t.Errorf("POST /shelves body property %s: required %v, want %v", name, bp.Required, want)
		}
	}
	for _, st := range s.Types {
		if st.Name == "gadgetPolicy" {
			for _, nested := range []string{"maxCount", "allowedKinds"} {
				if st.Property(nested) != nil {
					t.Errorf("gadgetPolicy has property %s, a field of the JSON inside definition", nested)
				}
			}
		}
	}
	skipped := false
	for _, w := range warnings {
		if strings.HasSuffix(w.Pos.File, "gadgetpolicy.md") && w.Pos.Line == 25 && strings.Contains(w.Msg, "inside property definition") {
			skipped = true
		}
	}
	if !skipped {
		t.Errorf("no warning that gadgetpolicy.md:25's table describes the JSON inside definition: %v", warnings)
	}

	// The old readings.
	closedJSON := func(t *testing.T) *Checker { // Json as an object with no properties
		s, _ := truthSpec(t)
		c, err := New(s)
		if err != nil {
			t.Fatal(err)
		}
		found := false
		for i := range c.plan.Types {
			if c.plan.Types[i].Name == "microsoft.graph.Json" {
				if !c.plan.Types[i].AnyJSON {
					t.Fatal("the plan's microsoft.graph.Json is not any JSON")
				}
				c.plan.Types[i].AnyJSON, found = false, true
			}
		}
		if !found {
			t.Fatal("no microsoft.graph.Json in the plan")
		}
		return c
	}
	absolute := func(prop string, required bool) func(t *testing.T) *Checker { // the condition as an absolute fact
		return func(t *testing.T) *Checker {
			s, _ := truthSpec(t)
			p := typeProp(t, s, "microsoft.graph.gadget", prop)
			p.Conditions = nil
			if required {
				p.Required = true
			} else {
				p.ReadOnly = true
			}
			c, err := New(s)
			if err != nil {
				t.Fatal(err)
			}
			return c
		}
	}
	requiredInBody := func(prop string) func(t *testing.T) *Checker { // the row's condition as an absolute Required
		return func(t *testing.T) *Checker {
			s, _ := truthSpec(t)
			bodyProp(t, s, "microsoft.graph.shelf", prop).Required = true
			c, err := New(s)
			if err != nil {
				t.Fatal(err)
			}
			return c
		}
	}
	nestedAsProps := func(t *testing.T) *Checker { // the nested rows as required properties of the policy
		s, _ := truthSpec(t)
		for _, st := range s.Types {
			if st.Name == "gadgetPolicy" {
				st.Properties = append(st.Properties,
					&spec.Property{Name: "maxCount", Type: spec.TypeRef{Name: "Edm.Int32"}, Nullable: true, Required: true},
					&spec.Property{Name: "allowedKinds", Type: spec.TypeRef{Name: "Edm.String", Collection: true}, Nullable: true, Required: true})
			}
		}
		c, err := New(s)
		if err != nil {
			t.Fatal(err)
		}
		return c
	}

	for _, tc := range []struct {
		cause, example string
		old            func(*testing.T) *Checker
		want           []string // the findings of the old reading
	}{
		// (a) microsoft.graph.Json is any JSON value.
		{"a", "update_sheetrange_rows", closedJSON, []string{"error wrong-type /values"}},
		{"a", "update_sheetrange_text", closedJSON, []string{"error wrong-type /formulas"}},
		{"a", "update_sheetrange_number", closedJSON, []string{"error wrong-type /numberFormat"}},
		{"a", "update_sheetrange_object", closedJSON, []string{"error unknown-property /numberFormat/decimals", "error unknown-property /numberFormat/thousands"}},
		// null was never rejected: the property is nullable, and an
		// empty closed object type takes null too.
		{"a", "update_sheetrange_null", closedJSON, nil},
		{"a", "sheetrange-update.md:120", closedJSON, []string{"error wrong-type /values", "error wrong-type /formulas", "error wrong-type /numberFormat"}},
		// (b) conditional facts are kept, not enforced.
		{"b", "create_gadget_standard", absolute("customLabel", true), []string{"error missing-required "}},
		{"b", "create_gadget_standard", absolute("vendorSerial", true), []string{"error missing-required "}},
		{"b", "create_gadget_template", absolute("template", false), []string{"error read-only-on-create /template"}},
		{"b", "create_gadget_template", absolute("ownerName", false), []string{"error read-only-on-create /ownerName"}},
		{"b", "update_gadget", absolute("template", false), []string{"error read-only-on-update /template"}},
		{"b", "update_gadget", absolute("ownerName", false), []string{"error read-only-on-update /ownerName"}},
		{"b", "create_shelf", requiredInBody("customWidth"), []string{"error missing-required "}},
		{"b", "create_shelf", requiredInBody("vendorCode"), []string{"error missing-required "}},
		// (c) the table under definition describes the JSON inside it.
		{"c", "create_gadgetpolicy", nestedAsProps, []string{"error missing-required ", "error missing-required "}},
	} {
		r, ok := today[tc.example]
		if !ok {
			t.Errorf("(%s) %s: no such example", tc.cause, tc.example)
			continue
		}
		old := truthResults(t, tc.old(t))[tc.example]
		wantVerdict := Invalid
		if tc.want == nil {
			wantVerdict = Valid
		}
		if got := findings(old); old.Verdict != wantVerdict || !slices.Equal(got, tc.want) {
			t.Errorf("(%s) %s (%s) read the old way: %s %v, want %s %v", tc.cause, tc.example, r.Pos, old.Verdict, got, wantVerdict, tc.want)
		}
	}
}

// TestCorpusFindingKinds names, for every kind of finding the checker
// gives, one real case in the shared corpus (both versions' pages, as
// TestCorpusV1 and TestCorpusBeta check them) that must be found with
// that kind and severity, each reviewed by hand; and lists the kinds
// the corpus has no case of. A kind found in the corpus that is not
// named here, a listed kind without a case that gets one, and a kind
// the checker can give that is in neither list all fail the test.
func TestCorpusFindingKinds(t *testing.T) {
	needCorpus(t, corpusV1, corpusBeta, corpusCSDL)
	rs := corpusCheck(t, corpusV1+"/api", corpusV1+"/api", corpusV1+"/resources", corpusCSDL)
	rs = append(rs, corpusCheck(t, corpusBeta+"/api", corpusBeta+"/api", corpusBeta+"/resources")...)
	found := map[string][]string{} // "severity kind": "version/api/page.md:line:col pointer"
	for _, r := range rs {
		for _, p := range r.Problems {
			file := p.Pos.File[strings.Index(p.Pos.File, "graph-docs-2021/")+len("graph-docs-2021/"):]
			at := fmt.Sprintf("%s:%d:%d %s", file, p.Pos.Line, p.Pos.Col, p.Pointer)
			key := string(p.Severity) + " " + p.Kind
			found[key] = append(found[key], strings.TrimSpace(at))
		}
	}

	cases := []struct {
		severity Severity
		kind     string
		at       string // page:line:col pointer
	}{
		// The v1.0 CSDL's educationSubmission has returnedBy, submittedBy
		// and unsubmittedBy but no releasedBy, and neither has the v1.0
		// resource page: the list example shows a member that v1.0 does
		// not have (the beta type has it).
		{Error, "unknown-property", "v1.0/api/educationassignment-list-submissions.md:101:7 /value/0/releasedBy"},
		// The releasedBy object ends "}," and then "},": a comma before a
		// closing brace, twice; the body as shown does not parse.
		{Error, "not-strict-json", "v1.0/api/educationassignment-list-submissions.md:105:12"},
		// The response's blockType comment has a comma after its last
		// member ("@odata.type"): the comment is not strict JSON, the
		// body is (a warning: the comment is not sent).
		{Warning, "not-strict-json", "v1.0/api/identityapiconnector-get.md:102:0"},
		// The first listener of the list names its type as the
		// invokeuserflowlistener resource page declares it,
		// "#microsoft.graph.invokeUserFlowListener"; the second writes
		// "#Microsoft.Graph.InvokeUserFlowListener", namespace and name in
		// another case. OData names are case-sensitive: as written, it
		// names no type.
		{Warning, "odata-type-case", "beta/api/authenticationeventspolicy-list-onsignupstart.md:107:7 /value/1/@odata.type"},
		// The Request body table lists displayName only, but the example
		// also sends query, a property the resource page gives the
		// reviewSetQuery: the table and the example disagree.
		{Warning, "not-in-body", "beta/api/ediscovery-reviewsetquery-post.md:72:4 /query"},
		// (An example without a blockType comment.) The Request body
		// table of the create says every property is required, id too;
		// the example sends no id, which the service makes.
		{Error, "missing-required", "v1.0/api/intune-companyterms-termsandconditionsassignment-create.md:66:1"},
		// (An example without a blockType comment.) The target names
		// configurationManagerCollectionAssignmentTarget, a type the
		// v1.0 CSDL does not have (beta has it).
		{Error, "wrong-odata-type", "v1.0/api/intune-companyterms-termsandconditionsassignment-create.md:69:5 /target/@odata.type"},
	}
	// No case in the corpus: no example of its 20 v1.0 and 40 beta pages
	// gives these (the pages' create and update examples send writable,
	// well-typed members, enum values as declared, and no member twice).
	noCase := []string{
		"wrong-type", "bad-enum", "enum-case", "bad-format", "out-of-range",
		"read-only-on-create", "read-only-on-update", "immutable-on-update",
		"duplicate-member", "other",
	}

	named := map[string]bool{}
	for _, c := range cases {
		key := string(c.severity) + " " + c.kind
		named[c.kind], named[key] = true, true
		if !slices.Contains(found[key], c.at) {
			t.Errorf("%s: no %s %s; the corpus has %s: %q", c.at, c.severity, c.kind, key, found[key])
		}
	}
	for key, ats := range found {
		if !named[key] {
			t.Errorf("%s is found in the corpus (%q) but no case of it is named", key, ats)
		}
	}
	for _, k := range noCase {
		if named[k] {
			t.Errorf("%s is both named and listed as having no case", k)
		}
		for _, sev := range []Severity{Error, Warning} {
			if ats := found[string(sev)+" "+k]; len(ats) > 0 {
				t.Errorf("%s, listed as having no case in the corpus, is found: %s %q", k, sev, ats)
			}
		}
	}
	// Every kind the checker can give is named or listed.
	all := []string{"read-only-on-create", "read-only-on-update", "odata-type-case", "enum-case", "not-strict-json", "duplicate-member"}
	for _, k := range kinds {
		all = append(all, k)
	}
	for _, k := range all {
		if !named[k] && !slices.Contains(noCase, k) {
			t.Errorf("kind %s is neither named with a corpus case nor listed as having none", k)
		}
	}
}
