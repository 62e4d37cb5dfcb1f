package schemaset_test

import (
	"errors"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/odatagen/odatagen/internal/plantest"
	"github.com/odatagen/odatagen/validate"
	"github.com/odatagen/odatagen/validate/internal/plancases"
	"github.com/odatagen/odatagen/validate/schemaset"
	"github.com/odatagen/odatagen/validate/validatetest"
)

// The Plan's unit tests (validate/plan_test.go), rule by rule, on the
// kitchen spec (validate/testdata/plan/kitchen.yaml), run through the Set
// made from the same spec too, which must say the same; and the tests that
// compare the two on collections, bad JSON, type names, concurrent use and
// the order of problems.

func planKitchen(t testing.TB) (*validate.Plan, *schemaset.Set) {
	t.Helper()
	s := plantest.ReadYAML(t, filepath.Join("..", "testdata", "plan", "kitchen.yaml"))
	return plantest.Plan(t, s), plantest.Set(t, s)
}

func TestPlanRules(t *testing.T) {
	plan, set := planKitchen(t)
	for _, tt := range plancases.Rules {
		for _, v := range []struct {
			name string
			f    func(string, validate.Mode, []byte) error
		}{{"plan", plan.Validate}, {"set", set.Validate}} {
			err := v.f(tt.Type, tt.Mode, []byte(tt.Body))
			if tt.At == "-" {
				if err != nil {
					t.Errorf("%s: %s %v %s: %v", v.name, tt.Type, tt.Mode, tt.Body, err)
				}
				continue
			}
			var verr *validate.Error
			if !errors.As(err, &verr) || !verr.Has(tt.At) {
				t.Errorf("%s: %s %v %s: want a problem at %q, got %v", v.name, tt.Type, tt.Mode, tt.Body, tt.At, err)
				continue
			}
			validatetest.ProblemAt(t, err, tt.At, tt.Msg)
		}
		if d := planCheck(&planCase{name: "kitchen", set: set, plan: plan}, tt.Type, tt.Mode, false, []byte(tt.Body)); d != "" {
			t.Error(d)
		}
	}
}

func TestPlanCollection(t *testing.T) {
	plan, set := planSeed(t)
	for _, body := range []string{
		`{"@odata.context":"x","@odata.count":12,"@odata.nextLink":"y","@custom.note":1,"value":[{"id":"1","connectionStatus":"bogus"},{},{"id":"2"}]}`,
		`[]`, `{}`, `{"value":{}}`, `{"value":[1,null,"x",{"foo":1}]}`, `{"value":[],"@odata.context":1,"@odata.count":"1","@odata.deltaLink":null}`,
		`{"value":[],"@odata.count":1.0}`, `{"value":[],"@odata.count":-9223372036854775808}`, `{"value":[],"@odata.count":9223372036854775808}`,
		`{"value":[],"values":[],"a@b":1}`, `{"value":[],"value":[]}`, `{"val\u0075e":[]}`, `{"value":[{"id":"1","id":"2"}]}`,
	} {
		if d := planCheck(&planCase{name: "seed", set: set, plan: plan}, partner, validate.Read, true, []byte(body)); d != "" {
			t.Error(d)
		}
	}
	err := plan.ValidateCollection(partner, validate.Read, []byte(`{"value":[{"id":1},{"id":2}]}`))
	want := `invalid read collection of microsoft.graph.cloudPcExternalPartner payload (2 problems):
	/value/0/id: expected Edm.String, found number 1
	/value/1/id: expected Edm.String, found number 2`
	if err == nil || err.Error() != want {
		t.Errorf("got %v, want\n%s", err, want)
	}
}

func TestPlanJSONErrors(t *testing.T) {
	plan, set := planSeed(t)
	c := &planCase{name: "seed", set: set, plan: plan}
	for _, body := range []string{
		``, ` `, `{`, `{"id":}`, `{"id":"x"} {}`, `{"id":"x",}`, `{"id":01}`, "{\"id\":\"\x01\"}", `{"id":"\q"}`,
		`{"id":"a","id":"b"}`, `{"id":"a","i\u0064":"b"}`, `{"foo":{"a":1,"a":2}}`, `{"foo":[{"x":1},{"x":1,"x":2}]}`,
		`{"@odata.type":"#x","@odata.type":"#y"}`, `{"a/b":1,"a\/b":2}`, `{"id":"a","id":"b",}`, `{"id":"a","id":"b"`,
		"\xef\xbb\xbf{}", `{"enableConnection":tru}`, `{"x":1e}`,
		`{"foo":` + strings.Repeat("[", 10000) + strings.Repeat("]", 10000) + `}`,
		`{"foo":` + strings.Repeat("[", 9999) + strings.Repeat("]", 9999) + `}`,
	} {
		for _, mode := range []validate.Mode{validate.Read, validate.Create} {
			if d := planCheck(c, partner, mode, false, []byte(body)); d != "" {
				t.Error(d)
			}
			if d := planCheck(c, "nope", mode, false, []byte(body)); d != "" {
				t.Error(d)
			}
		}
		if d := planCheck(c, partner, validate.Read, true, []byte(body)); d != "" {
			t.Error(d)
		}
	}
	var jerr *validate.JSONError
	err := plan.Validate(partner, validate.Read, []byte(`{"foo":[{"x":1},{"x":1,"x":2}]}`))
	if !errors.As(err, &jerr) || jerr.Pointer != "/foo/1/x" || jerr.Offset != 23 || jerr.Msg != `member "x" appears twice in the same object` {
		t.Errorf("got %#v", err)
	}
	// The size limit.
	small := &validate.Plan{Types: plan.Types, Enums: plan.Enums, MaxSize: 10}
	smallSet := seedSet(t, schemaset.MaxSize(10))
	body := []byte(`{"id":"12345"}`)
	if d := planSame(smallSet.Validate(partner, validate.Read, body), small.Validate(partner, validate.Read, body)); d != "" {
		t.Error(d)
	}
}

func TestPlanTypeNames(t *testing.T) {
	cases := planDiffCases(t)
	for _, c := range cases {
		names := append([]string{"", "nope", "x.nope", "ALERT", "alert", "security.alert", "Entity", "ENTITY", "letter", "LETTER"}, c.types...)
		for _, q := range c.types {
			names = append(names, q[strings.LastIndexByte(q, '.')+1:], strings.ToUpper(q), strings.ToLower(q[strings.LastIndexByte(q, '.')+1:]))
		}
		for _, name := range names {
			for _, mode := range []validate.Mode{validate.Read, validate.Update, validate.Mode(7)} {
				if d := planCheck(c, name, mode, false, []byte(`{}`)); d != "" {
					t.Error(d)
				}
			}
			if d := planCheck(c, name, validate.Read, false, []byte(`{`)); d != "" {
				t.Error(d)
			}
		}
	}
}

// TestPlanConcurrent validates from many goroutines at once (run with
// -race).
func TestPlanConcurrent(t *testing.T) {
	plan, set := planSeed(t)
	c := &planCase{name: "seed", set: set, plan: plan}
	bodies := []string{plantest.Get, plantest.Create, `{"id":1,"foo":2}`, `{"id":"a","id":"b"}`, `{`}
	var wg sync.WaitGroup
	for g := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range 200 {
				body := bodies[(g+i)%len(bodies)]
				if d := planCheck(c, partner, validate.Mode(i%3), i%5 == 0, []byte(body)); d != "" {
					t.Error(d)
					return
				}
			}
		}()
	}
	wg.Wait()
}

// TestPlanOrder: problems come in the order of Error.Problems; where that
// order is not a total one (sibling names "8", "010", "7112Z"), the Set's
// order varies from call to call and the Plan's is one of them.
func TestPlanOrder(t *testing.T) {
	plan, set := planSeed(t)
	body := []byte(`{"2":"","7":27,"1":97,"010":70,"011":10,"8":"","7112Z":"0","000":"","10":1,"0010":{"1":""},"0":0,"a":1,"b":{}}`)
	want, got := set.Validate(partner, validate.Read, body), plan.Validate(partner, validate.Read, body)
	var we, ge *validate.Error
	if !errors.As(want, &we) || !errors.As(got, &ge) || !planSameSet(we.Problems, ge.Problems) || !planOrderAmbiguous(we.Problems) {
		t.Errorf("Set: %v\nPlan: %v", want, got)
	}
	body = []byte(`{"b":1,"a":2,"10":3,"9":4,"id":5}`)
	if d := planSame(set.Validate(partner, validate.Read, body), plan.Validate(partner, validate.Read, body)); d != "" {
		t.Error(d)
	}
}
