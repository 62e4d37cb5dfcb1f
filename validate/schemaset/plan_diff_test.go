package schemaset_test

import (
	"errors"
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"unicode/utf8"

	"github.com/odatagen/odatagen/generator"
	"github.com/odatagen/odatagen/spec"
	"github.com/odatagen/odatagen/spec/load"
	"github.com/odatagen/odatagen/spec/yamlspec"
	"github.com/odatagen/odatagen/validate"
	"github.com/odatagen/odatagen/validate/schemaset"
	"gopkg.in/yaml.v3"
)

// The differential test: a Plan and a Set built from the same spec (the
// Set from generator.Schemas, the Plan from generator.Plan) must give the
// same verdict on every payload, with the same problems, word for word.
//
//	go test ./validate/schemaset -run TestPlanDiff                       # a few thousand payloads
//	go test ./validate/schemaset -run TestPlanDiff -plan.diff.n=1000000  # the long run
//	go test ./validate/schemaset -run '^$' -fuzz FuzzPlanValidate -fuzztime 5m

var (
	planDiffN    = flag.Int("plan.diff.n", 0, "number of payloads for TestPlanDiff (0: a short run)")
	planDiffSeed = flag.Uint64("plan.diff.seed", 1, "random seed of TestPlanDiff")
)

// planCase is one spec with its Set and Plan.
type planCase struct {
	name  string
	set   *schemaset.Set
	plan  *validate.Plan
	types []string
	files map[string][]byte // the schema documents of set
}

var planCasesOnce struct {
	sync.Once
	cases []*planCase
	err   error
}

// planDiffCases returns the specs the differential tests use: every
// golden case that generates, the seed spec with its operations, the
// kitchen spec of validate/testdata/plan, and specs written in Go for what
// YAML cannot say.
func planDiffCases(t testing.TB) []*planCase {
	t.Helper()
	planCasesOnce.Do(func() {
		planCasesOnce.cases, planCasesOnce.err = loadPlanCases()
	})
	if planCasesOnce.err != nil {
		t.Fatal(planCasesOnce.err)
	}
	return planCasesOnce.cases
}

func loadPlanCases() ([]*planCase, error) {
	type input struct {
		name            string
		spec            *spec.Spec
		allowUnresolved bool
	}
	var inputs []input
	read := func(name, file string) (*spec.Spec, error) {
		src, err := os.ReadFile(file)
		if err != nil {
			return nil, err
		}
		return yamlspec.Read(file, src)
	}
	golden, _ := filepath.Glob(filepath.Join("..", "..", "testdata", "golden", "*", "input.yaml"))
	for _, f := range golden {
		s, err := read(f, f)
		if err != nil {
			return nil, err
		}
		var opts struct {
			AllowUnresolved bool `yaml:"allowUnresolved"`
		}
		if b, err := os.ReadFile(filepath.Join(filepath.Dir(f), "options.yaml")); err == nil {
			if err := yaml.Unmarshal(b, &opts); err != nil {
				return nil, fmt.Errorf("%s: %v", f, err)
			}
		}
		inputs = append(inputs, input{"golden/" + filepath.Base(filepath.Dir(f)), s, opts.AllowUnresolved})
	}
	more, _ := filepath.Glob(filepath.Join("..", "testdata", "plan", "*.yaml"))
	more = append([]string{filepath.Join("..", "..", "testdata", "cloudpcexternalpartner.yaml")}, more...)
	for _, f := range more {
		s, err := read(f, f)
		if err != nil {
			return nil, err
		}
		inputs = append(inputs, input{filepath.Base(f), s, false})
	}
	inputs = append(inputs, input{"go/oddEnums", planOddEnumsSpec(), false})
	// The shared corpus beside the clone, when it is there: CSDL services
	// (Microsoft Graph v1.0 among them) and the seed's docs pages.
	shared := filepath.Join("..", "..", "..", "shared")
	csdl, _ := filepath.Glob(filepath.Join(shared, "corpus", "csdl", "*.xml"))
	for _, f := range csdl {
		if strings.Contains(f, "2021") {
			continue // an older Graph: the clean one is enough
		}
		if strings.Contains(f, "graph") && *planDiffN == 0 {
			continue // Microsoft Graph takes seconds to load: the long run only
		}
		s, _, err := load.Spec(f)
		if err != nil {
			return nil, err
		}
		inputs = append(inputs, input{"csdl/" + filepath.Base(f), s, true})
	}
	if pages, _ := filepath.Glob(filepath.Join(shared, "seeds", "api", "*.md")); len(pages) > 0 {
		s, _, err := load.Spec(append([]string{filepath.Join(shared, "seeds", "cloudpcexternalpartner.md")}, pages...)...)
		if err != nil {
			return nil, err
		}
		inputs = append(inputs, input{"seeds/docs", s, false})
	}
	var cases []*planCase
	for _, in := range inputs {
		files, err := generator.Schemas(in.spec, generator.SchemaOptions{AllowUnresolved: in.allowUnresolved})
		plan, perr := generator.Plan(in.spec, generator.SchemaOptions{AllowUnresolved: in.allowUnresolved})
		if err != nil {
			if perr == nil {
				return nil, fmt.Errorf("%s: Schemas failed (%v), generator.Plan did not", in.name, err)
			}
			continue // the unresolved case: neither builds
		}
		if perr != nil {
			return nil, fmt.Errorf("%s: generator.Plan: %v", in.name, perr)
		}
		set, err := schemaset.New(files)
		if err != nil {
			return nil, err
		}
		types, err := set.Types()
		if err != nil {
			return nil, err
		}
		var ptypes []string
		for _, pt := range plan.Types {
			ptypes = append(ptypes, pt.Name)
		}
		slices.Sort(ptypes)
		if !slices.Equal(types, ptypes) {
			return nil, fmt.Errorf("%s: the Set has types %v, the plan %v", in.name, types, ptypes)
		}
		cases = append(cases, &planCase{name: in.name, set: set, plan: plan, types: types, files: files})
	}
	return cases, nil
}

// planOddEnumsSpec has enums that YAML does not let one write: flags
// members with spaces, commas, regular expression characters and a
// prefix of another member; and a type of 130 properties (more than one
// word of the seen bits).
func planOddEnumsSpec() *spec.Spec {
	mem := func(names ...string) []*spec.EnumMember {
		var ms []*spec.EnumMember
		for i, n := range names {
			ms = append(ms, &spec.EnumMember{Name: n, Value: int64(1) << i})
		}
		return ms
	}
	prop := func(name, typ string, coll bool) *spec.Property {
		return &spec.Property{Name: name, Type: spec.TypeRef{Name: typ, Collection: coll}, Nullable: true}
	}
	wide := &spec.StructuredType{Kind: spec.EntityKind, Name: "wide", Namespace: "x", Key: []string{"p0"}}
	for i := range 130 {
		p := prop(fmt.Sprintf("p%d", i), "Edm.Int32", i%40 == 39)
		p.Required = i == 5 || i == 70 || i == 129
		p.ReadOnly = i == 64 || i == 100
		wide.Properties = append(wide.Properties, p)
	}
	return &spec.Spec{
		Types: []*spec.StructuredType{wide, {Kind: spec.ComplexKind, Name: "odd", Namespace: "x",
			Properties: []*spec.Property{prop("spaced", "x.spaced", false), prop("dotted", "x.dotted", false),
				prop("plain", "x.plain", true), prop("json", "x.json", false)}},
			{Kind: spec.ComplexKind, Name: "json", Namespace: "x"}},
		Enums: []*spec.EnumType{
			{Name: "spaced", Namespace: "x", Flags: true, Members: mem("a b", "c,d", "a")},
			{Name: "dotted", Namespace: "x", Flags: true, Members: mem("a.b", "a*", "(x)", "a")},
			{Name: "plain", Namespace: "x", Members: mem("x y", "é", "")},
		},
	}
}

// planSame says how two validation results differ, "" when they do not.
func planSame(want, got error) string {
	if want == nil || got == nil {
		if want == nil && got == nil {
			return ""
		}
		return fmt.Sprintf("Set: %v\nPlan: %v", want, got)
	}
	var we, ge *validate.Error
	if errors.As(want, &we) {
		if !errors.As(got, &ge) {
			return fmt.Sprintf("Set: %v\nPlan: %v", want, got)
		}
		if we.Type != ge.Type || we.Mode != ge.Mode || we.Collection != ge.Collection {
			return fmt.Sprintf("Set: %s %v %v\nPlan: %s %v %v", we.Type, we.Mode, we.Collection, ge.Type, ge.Mode, ge.Collection)
		}
		if !reflect.DeepEqual(we.Problems, ge.Problems) {
			if planSameSet(we.Problems, ge.Problems) && planOrderAmbiguous(we.Problems) {
				planAmbiguous.Add(1)
				return ""
			}
			var b strings.Builder
			b.WriteString("Set:\n")
			for _, p := range we.Problems {
				fmt.Fprintf(&b, "\t%q %v expected=%q found=%q %q\n", p.Pointer, p.Kind, p.Expected, p.Found, p.Message)
			}
			b.WriteString("Plan:\n")
			for _, p := range ge.Problems {
				fmt.Fprintf(&b, "\t%q %v expected=%q found=%q %q\n", p.Pointer, p.Kind, p.Expected, p.Found, p.Message)
			}
			return b.String()
		}
		return ""
	}
	var wj, gj *validate.JSONError
	if errors.As(want, &wj) {
		if !errors.As(got, &gj) || *wj != *gj {
			return fmt.Sprintf("Set: %#v\nPlan: %v", wj, got)
		}
		return ""
	}
	if errors.As(got, &ge) || errors.As(got, &gj) || want.Error() != got.Error() {
		return fmt.Sprintf("Set: %v\nPlan: %v", want, got)
	}
	return ""
}

// planAmbiguous counts the payloads whose problems the Set and the Plan
// give in different orders where the order is not defined (see
// planOrderAmbiguous).
var planAmbiguous atomic.Int64

// planSameSet reports whether two lists hold the same problems, in any
// order.
func planSameSet(a, b []validate.Problem) bool {
	key := func(ps []validate.Problem) []string {
		var out []string
		for _, p := range ps {
			out = append(out, fmt.Sprintf("%q %d %q %q %q", p.Pointer, p.Kind, p.Expected, p.Found, p.Message))
		}
		slices.Sort(out)
		return slices.Compact(out)
	}
	return slices.Equal(key(a), key(b))
}

// planOrderAmbiguous reports whether the order of Error.Problems (pointer
// token by token, numeric tokens by value, then kind, then message) is not
// a total order on these problems, so that the Set's order depends on the
// order jsonschema found them in, which is a map's: sibling names such as
// "8", "010" and "7112Z" compare 8 < 010 (as numbers), 010 < 7112Z and
// 7112Z < 8 (as strings). Such a payload may come back from the Set in
// different orders from one call to the next.
func planOrderAmbiguous(ps []validate.Problem) bool {
	cmpTok := func(a, b string) int {
		for a != "" && b != "" {
			var ta, tb string
			ta, a = planNextToken(a)
			tb, b = planNextToken(b)
			if ta == tb {
				continue
			}
			na, ea := strconv.Atoi(ta)
			nb, eb := strconv.Atoi(tb)
			if ea == nil && eb == nil {
				return cmpInt(na, nb)
			}
			return strings.Compare(ta, tb)
		}
		return cmpInt(len(a), len(b))
	}
	order := func(x, y validate.Problem) int {
		if c := cmpTok(x.Pointer, y.Pointer); c != 0 {
			return c
		}
		if c := cmpInt(int(x.Kind), int(y.Kind)); c != 0 {
			return c
		}
		return strings.Compare(x.Message, y.Message)
	}
	rnd := rand.New(rand.NewPCG(1, 2))
	var first []validate.Problem
	for i := range 20 {
		c := slices.Clone(ps)
		rnd.Shuffle(len(c), func(i, j int) { c[i], c[j] = c[j], c[i] })
		slices.SortStableFunc(c, order)
		if i == 0 {
			first = c
		} else if !reflect.DeepEqual(first, c) {
			return true
		}
	}
	return false
}

func cmpInt(a, b int) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

func planNextToken(p string) (tok, rest string) {
	p = strings.TrimPrefix(p, "/")
	if i := strings.IndexByte(p, '/'); i >= 0 {
		return p[:i], p[i:]
	}
	return p, ""
}

// planCheck validates a payload with both and reports a difference.
func planCheck(c *planCase, typeName string, mode validate.Mode, coll bool, data []byte) string {
	var want, got error
	if coll {
		want = c.set.ValidateCollection(typeName, mode, data)
		got = c.plan.ValidateCollection(typeName, mode, data)
	} else {
		want = c.set.Validate(typeName, mode, data)
		got = c.plan.Validate(typeName, mode, data)
	}
	if d := planSame(want, got); d != "" {
		return fmt.Sprintf("%s: %s %v collection=%v\npayload: %s\n%s", c.name, typeName, mode, coll, strconv.Quote(string(data)), d)
	}
	return ""
}

func TestPlanDiff(t *testing.T) {
	cases := planDiffCases(t)
	n := *planDiffN
	if n == 0 {
		n = 4000
		if testing.Short() {
			n = 1000
		}
	}
	workers := runtime.GOMAXPROCS(0)
	var done, invalid, bad, jsonErrs atomic.Int64
	var mu sync.Mutex
	var reports []string
	kinds := map[validate.ProblemKind]int{}
	var wg sync.WaitGroup
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			rnd := rand.New(rand.NewPCG(*planDiffSeed, uint64(w)))
			for i := w; i < n; i += workers {
				c := cases[rnd.IntN(len(cases))]
				g := newPlanGen(c.plan, rnd)
				typeName, mode, coll, data := g.payload()
				var verr *validate.Error
				var jerr *validate.JSONError
				var err error
				if coll {
					err = c.set.ValidateCollection(typeName, mode, data)
				} else {
					err = c.set.Validate(typeName, mode, data)
				}
				switch {
				case errors.As(err, &verr):
					invalid.Add(1)
					mu.Lock()
					for _, p := range verr.Problems {
						kinds[p.Kind]++
					}
					mu.Unlock()
				case errors.As(err, &jerr):
					jsonErrs.Add(1)
				}
				if d := planCheck(c, typeName, mode, coll, data); d != "" {
					bad.Add(1)
					mu.Lock()
					if len(reports) < 20 {
						reports = append(reports, d)
					}
					mu.Unlock()
				}
				done.Add(1)
			}
		}()
	}
	wg.Wait()
	for _, r := range reports {
		t.Error(r)
	}
	t.Logf("%d payloads over %d specs: %d valid, %d invalid, %d not JSON; %d disagreements",
		done.Load(), len(cases), done.Load()-invalid.Load()-jsonErrs.Load(), invalid.Load(), jsonErrs.Load(), bad.Load())
	t.Logf("problems by kind: %v", kinds)
	t.Logf("%d payloads with the same problems in an order that is not defined", planAmbiguous.Load())
}

// FuzzPlanValidate compares the Plan with the Set on arbitrary payloads of
// the differential test's specs; sel picks the spec and the type.
func FuzzPlanValidate(f *testing.F) {
	cases := planDiffCases(f)
	type target struct {
		c   *planCase
		typ string
	}
	var targets []target
	for _, c := range cases {
		for _, typ := range c.types {
			targets = append(targets, target{c, typ})
		}
	}
	rnd := rand.New(rand.NewPCG(7, 7))
	for i := range 200 {
		ti := rnd.IntN(len(targets))
		tg := targets[ti]
		g := newPlanGen(tg.c.plan, rnd)
		_, mode, coll, data := g.payloadFor(tg.typ)
		f.Add(data, uint16(ti), uint8(mode), coll && i%4 == 0)
	}
	f.Add([]byte(getResponse), uint16(0), uint8(0), false)
	f.Add([]byte(`{"value":[{}],"@odata.count":1}`), uint16(0), uint8(0), true)
	f.Fuzz(func(t *testing.T, data []byte, sel uint16, mode uint8, coll bool) {
		tg := targets[int(sel)%len(targets)]
		if d := planCheck(tg.c, tg.typ, validate.Mode(mode%3), coll, data); d != "" {
			t.Fatal(d)
		}
	})
}

// A generator of payloads: valid ones built from the plan, then mutated
// (wrong types, edge values, extra, missing and rejected members,
// repeated names, @odata.type, escapes, white space, broken syntax).

// gv is a JSON value to write: an object, an array, a string (s decoded)
// or raw JSON text (numbers, literals, anything).
type gv struct {
	k     byte // 'o', 'a', 's', 'r'
	s     string
	keys  []string
	vals  []*gv
	items []*gv
	// What the plan expects here, for mutations that fit the place.
	v  *validate.PlanValue
	ti int // the object's type + 1, 0 for none
}

type planGen struct {
	p    *validate.Plan
	rnd  *rand.Rand
	mode validate.Mode
}

func newPlanGen(p *validate.Plan, rnd *rand.Rand) *planGen { return &planGen{p: p, rnd: rnd} }

func (g *planGen) chance(pct int) bool { return g.rnd.IntN(100) < pct }

func (g *planGen) pick(list []string) string { return list[g.rnd.IntN(len(list))] }

// payload returns a type name as a caller might pass it, a mode, whether
// it is a collection response, and the bytes.
func (g *planGen) payload() (string, validate.Mode, bool, []byte) {
	t := g.p.Types[g.rnd.IntN(len(g.p.Types))]
	typeName := t.Name
	switch {
	case g.chance(3):
		typeName = typeName[strings.LastIndexByte(typeName, '.')+1:]
	case g.chance(1):
		typeName = strings.ToUpper(typeName)
	case g.chance(1):
		typeName = g.pick([]string{"nope", "ns.nope", "", "entity", "ALLTYPES"})
	}
	return g.payloadFor(typeName)
}

func (g *planGen) payloadFor(typeName string) (string, validate.Mode, bool, []byte) {
	ti := -1
	for i := range g.p.Types {
		if g.p.Types[i].Name == typeName {
			ti = i
		}
	}
	if ti < 0 {
		ti = g.rnd.IntN(len(g.p.Types))
	}
	g.mode = validate.Mode(g.rnd.IntN(3))
	coll := g.chance(15)
	var root *gv
	if coll {
		root = g.collection(ti)
	} else {
		root = g.object(ti, 0)
	}
	for range g.rnd.IntN(4) {
		g.mutate(root)
	}
	var b []byte
	b = g.write(b, root, 0)
	if g.chance(8) {
		b = g.breakText(b)
	}
	return typeName, g.mode, coll, b
}

func (g *planGen) collection(ti int) *gv {
	o := &gv{k: 'o'}
	items := &gv{k: 'a'}
	for range g.rnd.IntN(4) {
		items.items = append(items.items, g.object(ti, 1))
	}
	if g.chance(40) {
		o.add("@odata.context", &gv{k: 's', s: "https://x/$metadata#things"})
	}
	if g.chance(30) {
		o.add("@odata.count", &gv{k: 'r', s: g.pick([]string{"3", "-0", "1.0", "1e2", `"3"`, "9223372036854775807", "9223372036854775808", "-9223372036854775808", "null"})})
	}
	if g.chance(20) {
		o.add(g.pick([]string{"@odata.nextLink", "@odata.deltaLink"}), g.pick2(&gv{k: 's', s: "https://x/next"}, &gv{k: 'r', s: "1"}))
	}
	if g.chance(10) {
		o.add(g.pick([]string{"@x.y", "values", "a@b", "val\\u0075e"}), &gv{k: 'r', s: "{}"})
	}
	if !g.chance(5) {
		if g.chance(5) {
			o.add("value", g.interesting(nil))
		} else {
			o.add("value", items)
		}
	}
	g.shuffle(o)
	return o
}

func (g *planGen) pick2(a, b *gv) *gv {
	if g.chance(50) {
		return a
	}
	return b
}

func (o *gv) add(k string, v *gv) {
	o.keys = append(o.keys, k)
	o.vals = append(o.vals, v)
}

func (g *planGen) shuffle(o *gv) {
	if g.chance(70) {
		return
	}
	g.rnd.Shuffle(len(o.keys), func(i, j int) {
		o.keys[i], o.keys[j] = o.keys[j], o.keys[i]
		o.vals[i], o.vals[j] = o.vals[j], o.vals[i]
	})
}

func (g *planGen) access(pr *validate.PlanProp) validate.PropAccess {
	switch g.mode {
	case validate.Create:
		return pr.Create
	case validate.Update:
		return pr.Update
	}
	return pr.Read
}

// object is a value of type ti that is mostly valid in g.mode.
func (g *planGen) object(ti, depth int) *gv {
	t := &g.p.Types[ti]
	o := &gv{k: 'o', ti: ti + 1}
	if len(t.Derived) > 0 && g.chance(50) {
		d := t.Derived[g.rnd.IntN(len(t.Derived))]
		name := g.p.Types[d].Name
		if g.chance(60) {
			name = "#" + name
		}
		o.add("@odata.type", &gv{k: 's', s: name})
		ti = d
		t = &g.p.Types[ti]
	} else if g.chance(25) {
		o.add("@odata.type", &gv{k: 's', s: "#" + t.Name})
	}
	for i := range t.Props {
		pr := &t.Props[i]
		a := g.access(pr)
		var pct int
		switch a {
		case validate.AccessAbsent:
			pct = 2
		case validate.AccessAllowed:
			pct = 45
		case validate.AccessRequired:
			pct = 92
		default:
			pct = 4
		}
		if depth > 3 {
			pct /= 3
		}
		if g.chance(pct) {
			o.add(pr.Name, g.value(&pr.Value, depth+1))
		}
	}
	if g.chance(10) {
		o.add(g.pick([]string{"@odata.etag", "name@odata.type", "@ns.note", "x@y"}), g.any(2))
	}
	g.shuffle(o)
	return o
}

func (g *planGen) value(v *validate.PlanValue, depth int) *gv {
	if v.Collection {
		a := &gv{k: 'a', v: v}
		n := g.rnd.IntN(3)
		if depth > 3 {
			n = 0
		}
		for range n {
			a.items = append(a.items, g.single(v, depth+1))
		}
		return a
	}
	return g.single(v, depth)
}

func (g *planGen) single(v *validate.PlanValue, depth int) *gv {
	if v.Nullable && g.chance(8) {
		return &gv{k: 'r', s: "null", v: v}
	}
	s := func(s string) *gv { return &gv{k: 's', s: s, v: v} }
	r := func(s string) *gv { return &gv{k: 'r', s: s, v: v} }
	switch v.Kind {
	case validate.KindString:
		return s(g.pick([]string{"x", "ab", "abc", "", "héllo", "a/b~c", "日本"}))
	case validate.KindBoolean:
		return r(g.pick([]string{"true", "false"}))
	case validate.KindByte:
		return r(g.pick([]string{"0", "255", "17"}))
	case validate.KindSByte:
		return r(g.pick([]string{"-128", "127", "0"}))
	case validate.KindInt16:
		return r(g.pick([]string{"-32768", "32767", "5"}))
	case validate.KindInt32, validate.KindInt64:
		return r(g.pick([]string{"0", "-1", "2147483647", "12"}))
	case validate.KindSingle, validate.KindDouble:
		if g.chance(20) {
			return s(g.pick([]string{"INF", "-INF", "NaN"}))
		}
		return r(g.pick([]string{"1.5", "0", "-2e10", "3"}))
	case validate.KindDecimal:
		return r(g.pick([]string{"12.345", "0", "-1"}))
	case validate.KindDateTimeOffset:
		return s(g.pick([]string{"2020-11-03T12:43:14Z", "2020-11-03T12:43:14.123+01:00", "1999-12-31t23:59:60z"}))
	case validate.KindDate:
		return s(g.pick([]string{"2020-02-29", "1999-12-31"}))
	case validate.KindTimeOfDay:
		return s(g.pick([]string{"23:59:59.5", "00:00", "12:30:15"}))
	case validate.KindDuration:
		return s(g.pick([]string{"P1D", "-PT0.5S", "PT1H30M"}))
	case validate.KindGuid:
		return s(g.pick([]string{"b3548526-e615-3785-3118-be70b3968ec5", "B3548526-E615-3785-3118-BE70B3968EC5"}))
	case validate.KindBinary:
		return s(g.pick([]string{"AQID", "_-8", "+/8=", ""}))
	case validate.KindEnum:
		e := g.p.Enums[v.Enum]
		if len(e.Members) == 0 {
			return s("")
		}
		m := g.pick(e.Members)
		if e.Flags && g.chance(40) {
			m += g.pick([]string{",", ", ", " ,"}) + g.pick(e.Members)
		}
		return s(m)
	case validate.KindComplex, validate.KindEntity:
		if depth > 5 {
			if v.Nullable {
				return r("null")
			}
			return &gv{k: 'r', s: "{}", v: v}
		}
		o := g.object(v.Type, depth)
		o.v = v
		return o
	case validate.KindNavigation:
		return &gv{k: 'r', s: g.pick([]string{"{}", `{"id":"1","x":[1,{"y":null}]}`}), v: v}
	}
	return g.any(2)
}

// any is a random JSON value.
func (g *planGen) any(depth int) *gv {
	switch n := g.rnd.IntN(7); {
	case n == 0 && depth > 0:
		o := &gv{k: 'o'}
		for i := range g.rnd.IntN(3) {
			o.add(fmt.Sprintf("k%d", i), g.any(depth-1))
		}
		return o
	case n == 1 && depth > 0:
		a := &gv{k: 'a'}
		for range g.rnd.IntN(3) {
			a.items = append(a.items, g.any(depth-1))
		}
		return a
	case n == 2:
		return &gv{k: 's', s: g.pick(planStrings)}
	default:
		return g.interesting(nil)
	}
}

// planStrings are strings that probe formats, enums, lengths and escapes.
var planStrings = []string{
	"", "x", "abc", "abcd", "abcde", "héllo", "日本語", "\x00", "a\"b", "a\\b", "a/b", "~", "\u2028", "😀",
	"INF", "-INF", "NaN", "inf", "nan", "+INF", " INF",
	"2020-11-03T12:43:14Z", "2020-11-03T12:43Z", "2020-11-03 12:43:14Z", "2020-11-03T12:43:14", "2020-11-03T12:43:14.5-08:00",
	"2020-12-31T23:59:60Z", "2020-12-31T22:59:60-01:00", "2020-12-31T12:59:60Z", "2020-01-01T+1:+2:-0Z", "2020-01-01T-1:00:00Z",
	"2020-01-01T00:00:00+24:00", "2020-01-01T00:00:00+05:60", "2020-01-01T00:00:00.Z", "0000-01-01T00:00:00Z", "2020-13-01T00:00:00Z",
	"2020-02-29", "2021-02-29", "1900-02-29", "2000-02-29", "2020-1-01", "2020-01-32", "20200101", "+2020-01-01",
	"23:59", "24:00", "12:60", "12:30:15", "12:30:15.", "12:30:15.1234567", "1:30", "12:30:61", "12:30:15Z",
	"P1D", "PT", "P", "-P1DT2H3M4.5S", "PT0.5S", "P1Y2M3W4D", "PT1.5H", "P1D1D", "+P1D", "PT36H", "P1W", "PT1S1M",
	"b3548526-e615-3785-3118-be70b3968ec5", "b3548526e61537853118be70b3968ec5", "b3548526-e615-3785-3118-be70b3968ecg", "{b3548526-e615-3785-3118-be70b3968ec5}",
	"AQID", "AQI", "AQ", "A", "AQ==", "AQI=", "AQ=", "A===", "AQID\n", "_-8", "+/8=", "_/8", "!!", "aGVsbG8",
	"available", "Available", "available ", "notAvailable", "unknownFutureValue", "low", "extreme", "mid",
	"red", "red,blue", "red, blue", " red , blue ", "red,,blue", "red,", ",", " , ", "redder,red", "pink", "red blue", "Red",
	"a b", "c,d", "a b,c,d", "a,a b", "a.b", "axb", "a*", "(x)", "x y", "é", "a.b, a*",
	"#ns.derivedA", "ns.derivedB", "#ns.base", "#ns.holder", "#ns.sibling", "#ns.circle", "ns.shape", "#microsoft.graph.cloudPcExternalPartner",
	"#example.zoo.puppy", "#example.zoo.cat", "example.zoo.dog", "#example.mail.registeredLetter", "#Edm.String", "#ns.DerivedA",
	"-12", "0.5", "12x", "9223372036854775808", "1e3",
	strings.Repeat("long", 20), strings.Repeat("é", 70),
}

// planNumbers probe integer ranges, big.Rat's view of integers, and clipping.
var planNumbers = []string{
	"0", "-0", "1", "-1", "255", "256", "-128", "-129", "127", "128", "32767", "32768", "-32769",
	"2147483647", "2147483648", "-2147483649", "9223372036854775807", "9223372036854775808", "-9223372036854775808",
	"-9223372036854775809", "18446744073709551616", "1.0", "1.5", "-1.5", "1e2", "1E+2", "1e-2", "100e-2", "0.0e5", "12.50e1",
	"1e1000000", "1e1000001", "1e-1000000", "10e-1000001", "0e99999999999999999999", "1e99999999999999999999",
	"1e9223372036854775807", "1e-9223372036854775808", "0.1e-9223372036854775808", "12345678901234567890123", "1.00000000000000000000001",
	"-0.0", "0.000", "2.55e2", "2.56e2", strings.Repeat("9", 70), "1" + strings.Repeat("0", 18), "1" + strings.Repeat("0", 19),
	"-" + strings.Repeat("0", 1) + ".5",
}

// interesting is an edge value, fitting v when it is given.
func (g *planGen) interesting(v *validate.PlanValue) *gv {
	if v != nil && g.chance(60) {
		switch v.Kind {
		case validate.KindByte, validate.KindSByte, validate.KindInt16, validate.KindInt32, validate.KindInt64,
			validate.KindDecimal, validate.KindSingle, validate.KindDouble:
			return &gv{k: 'r', s: g.pick(planNumbers)}
		case validate.KindEnum:
			e := g.p.Enums[v.Enum]
			if len(e.Members) > 0 && g.chance(50) {
				m := g.pick(e.Members)
				return &gv{k: 's', s: g.pick([]string{" ", "", ","}) + m + g.pick([]string{"", " ", ",", "x", ", " + m})}
			}
		}
	}
	switch g.rnd.IntN(6) {
	case 0:
		return &gv{k: 'r', s: g.pick(planNumbers)}
	case 1:
		return &gv{k: 'r', s: g.pick([]string{"true", "false", "null", "{}", "[]", "[null]", "[1,\"a\"]", `{"a":1}`, `[[],[{}]]`})}
	case 2:
		// Strings written as raw JSON: escapes, surrogates, invalid UTF-8.
		return &gv{k: 'r', s: g.pick([]string{`"\u0041"`, `"\ud83d\ude00"`, `"\ud800"`, `"\udc00x"`, `"\ud800\u0041"`,
			"\"\xff\xfe\"", "\"\xed\xa0\x80\"", `"\/"`, `"\u0000"`, `"IN\u0046"`, `"\u0049NF"`, "\"caf\xc3\xa9\"",
			`"2020-11-03T12:43:14\u005a"`, `"availabl\u0065"`, `"#ns.derived\u0041"`, `"red,\u0020blue"`})}
	default:
		return &gv{k: 's', s: g.pick(planStrings)}
	}
}

// nodes lists the values of a tree, with their parents.
func (g *planGen) nodes(v *gv, out *[]*gv) {
	*out = append(*out, v)
	for _, c := range v.vals {
		g.nodes(c, out)
	}
	for _, c := range v.items {
		g.nodes(c, out)
	}
}

// mutate changes one place of the tree.
func (g *planGen) mutate(root *gv) {
	var all []*gv
	g.nodes(root, &all)
	n := all[g.rnd.IntN(len(all))]
	switch {
	case n.k == 'o' && g.chance(60):
		switch g.rnd.IntN(7) {
		case 0: // a member that may be unknown, an annotation, or of another type
			name := g.pick([]string{"foo", "@odata.etag", "x@odata.type", "id", "kind", "propA", "propB", "geoId",
				"partnerId", "statusDetails", "value", "a@b", "sl/ash~tilde", "zip", "known", "lock", "extra", "twin", "anything", "note", "ÿ",
				"\xff", "\xfe", "\ufffd", "\xed\xa0\x80", "a~1b", "a/b"})
			if n.ti > 0 && g.chance(50) {
				if props := g.p.Types[n.ti-1].Props; len(props) > 0 {
					pr := &props[g.rnd.IntN(len(props))]
					name = pr.Name
					n.add(name, g.value(&pr.Value, 2))
					return
				}
			}
			n.add(name, g.interesting(nil))
		case 1: // a repeated name, maybe spelled with escapes
			if len(n.keys) > 0 {
				i := g.rnd.IntN(len(n.keys))
				n.add(n.keys[i], g.interesting(nil))
			}
		case 2: // drop a member
			if len(n.keys) > 0 {
				i := g.rnd.IntN(len(n.keys))
				n.keys = slices.Delete(n.keys, i, i+1)
				n.vals = slices.Delete(n.vals, i, i+1)
			}
		case 3, 4: // @odata.type
			val := g.interesting(nil)
			if g.chance(70) {
				val = &gv{k: 's', s: g.pick(planStrings[slices.Index(planStrings, "#ns.derivedA"):])}
				if n.ti > 0 && g.chance(50) {
					t := g.p.Types[n.ti-1]
					cands := []string{t.Name, "#" + t.Name, "##" + t.Name}
					for _, d := range t.Derived {
						cands = append(cands, "#"+g.p.Types[d].Name, g.p.Types[d].Name)
					}
					val = &gv{k: 's', s: g.pick(cands)}
				}
			}
			if i := slices.Index(n.keys, "@odata.type"); i >= 0 && g.chance(80) {
				n.vals[i] = val
			} else {
				n.add("@odata.type", val)
			}
		case 5: // many members (the hash path of repeated names)
			for i := range 10 + g.rnd.IntN(40) {
				n.add(fmt.Sprintf("@m%d", i), &gv{k: 'r', s: "1"})
			}
			if g.chance(50) {
				n.add(fmt.Sprintf("@m%d", g.rnd.IntN(10)), &gv{k: 'r', s: "2"})
			}
		default:
			g.shuffle(n)
		}
	case n.k == 'a' && g.chance(50):
		if n.v != nil && g.chance(50) {
			n.items = append(n.items, g.single(n.v, 3))
		} else {
			n.items = append(n.items, g.interesting(n.v))
		}
	default:
		*n = *g.interesting(n.v)
	}
}

// write writes v as JSON with random white space and escapes.
func (g *planGen) write(b []byte, v *gv, depth int) []byte {
	ws := func(b []byte) []byte {
		if g.chance(10) {
			b = append(b, g.pick([]string{" ", "\n  ", "\t", "\r\n"})...)
		}
		return b
	}
	switch v.k {
	case 'o':
		b = append(b, '{')
		for i, k := range v.keys {
			if i > 0 {
				b = append(b, ',')
			}
			b = ws(b)
			b = g.writeString(b, k)
			b = ws(b)
			b = append(b, ':')
			b = ws(b)
			b = g.write(b, v.vals[i], depth+1)
			b = ws(b)
		}
		return append(b, '}')
	case 'a':
		b = append(b, '[')
		for i, it := range v.items {
			if i > 0 {
				b = append(b, ',')
			}
			b = ws(b)
			b = g.write(b, it, depth+1)
			b = ws(b)
		}
		return append(b, ']')
	case 's':
		return g.writeString(b, v.s)
	}
	return append(b, v.s...)
}

// writeString writes a string, escaping some characters that need no
// escape (as \uXXXX or \/) now and then.
func (g *planGen) writeString(b []byte, s string) []byte {
	escapeSome := g.chance(5)
	b = append(b, '"')
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		c := s[i]
		switch {
		case c == '"' || c == '\\':
			b = append(b, '\\', c)
		case c < 0x20:
			b = fmt.Appendf(b, `\u%04x`, c)
		case escapeSome && g.chance(30) && r != utf8.RuneError:
			if r > 0xFFFF {
				r1, r2 := 0xD800+((r-0x10000)>>10), 0xDC00+((r-0x10000)&0x3FF)
				b = fmt.Appendf(b, `\u%04x\u%04X`, r1, r2)
			} else if c == '/' {
				b = append(b, '\\', '/')
			} else {
				b = fmt.Appendf(b, `\u%04X`, r)
			}
		default:
			b = append(b, s[i:i+size]...)
		}
		i += size
	}
	return append(b, '"')
}

// breakText damages the JSON text, or nests it deeply.
func (g *planGen) breakText(b []byte) []byte {
	switch g.rnd.IntN(7) {
	case 0:
		if len(b) > 0 {
			return b[:g.rnd.IntN(len(b))]
		}
	case 1:
		i := g.rnd.IntN(len(b) + 1)
		const chars = "{}[],:\"\\ 0-.eEtfn\x00\x1f\xff"
		c := chars[g.rnd.IntN(len(chars))]
		return slices.Insert(b, i, c)
	case 2:
		if len(b) > 0 {
			i := g.rnd.IntN(len(b))
			return slices.Delete(b, i, i+1)
		}
	case 3:
		return append(b, g.pick([]string{" x", "}", " {}", "\x00", " 1"})...)
	case 4:
		n := g.pick2(&gv{s: "9999"}, &gv{s: "10000"}).s
		depth, _ := strconv.Atoi(n)
		if g.chance(50) {
			depth++ // encoding/json's limit is 10000
		}
		out := []byte(`{"untyped":`)
		out = append(out, strings.Repeat("[", depth-1)...)
		out = append(out, strings.Repeat("]", depth-1)...)
		return append(out, '}')
	case 5:
		return append([]byte("\xef\xbb\xbf"), b...)
	}
	if len(b) > 0 {
		const chars = "{}[],:\"\\ 0a"
		b[g.rnd.IntN(len(b))] = chars[g.rnd.IntN(len(chars))]
	}
	return b
}

// TestPlanDiffSees checks that the differential test can fail: plans with
// the options that go beyond the Set disagree with it on some payloads.
func TestPlanDiffSees(t *testing.T) {
	cases := planDiffCases(t)
	rnd := rand.New(rand.NewPCG(3, 3))
	seen := 0
	for range 3000 {
		c := cases[rnd.IntN(len(cases))]
		lenient := &planCase{name: c.name, set: c.set, types: c.types,
			plan: &validate.Plan{Types: c.plan.Types, Enums: c.plan.Enums, IEEE754Compatible: true, DateTimeWithoutSeconds: true}}
		typeName, mode, coll, data := newPlanGen(c.plan, rnd).payload()
		if planCheck(lenient, typeName, mode, coll, data) != "" {
			seen++
		}
	}
	if seen == 0 {
		t.Error("no payload tells a lenient plan from the Set")
	}
	t.Logf("%d of 3000 payloads tell a lenient plan from the Set", seen)
}
