package validate_test

import (
	"errors"
	"fmt"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/odatagen/odatagen/internal/plantest"
	"github.com/odatagen/odatagen/validate"
	"github.com/odatagen/odatagen/validate/internal/plancases"
	"github.com/odatagen/odatagen/validate/validatetest"
)

// Unit tests of Plan, rule by rule, on the kitchen spec
// (testdata/plan/kitchen.yaml). validate/schemaset runs the same rules
// through the Set made from the same spec, which must say the same.

func planKitchen(t testing.TB) *validate.Plan {
	t.Helper()
	return plantest.Plan(t, plantest.ReadYAML(t, filepath.Join("testdata", "plan", "kitchen.yaml")))
}

func TestPlanRules(t *testing.T) {
	plan := planKitchen(t)
	for _, tt := range plancases.Rules {
		err := plan.Validate(tt.Type, tt.Mode, []byte(tt.Body))
		if tt.At == "-" {
			if err != nil {
				t.Errorf("%s %v %s: %v", tt.Type, tt.Mode, tt.Body, err)
			}
			continue
		}
		var verr *validate.Error
		if !errors.As(err, &verr) || !verr.Has(tt.At) {
			t.Errorf("%s %v %s: want a problem at %q, got %v", tt.Type, tt.Mode, tt.Body, tt.At, err)
			continue
		}
		validatetest.ProblemAt(t, err, tt.At, tt.Msg)
	}
}

func TestPlanOptions(t *testing.T) {
	plan := planKitchen(t)
	lenient := &validate.Plan{Types: plan.Types, Enums: plan.Enums, IEEE754Compatible: true, DateTimeWithoutSeconds: true}
	for _, tt := range []struct {
		body string
		at   string
		msg  string
	}{
		{`{"i64":"-12","dec":"0.5","dto":"2020-11-03T12:43Z"}`, "-", ""},
		{`{"i64":12,"dec":1.5e3}`, "-", ""},
		{`{"i64":"12x"}`, "/i64", `"12x" is not a valid Edm.Int64 (integer in a string)`},
		{`{"i64":"1.5"}`, "/i64", `"1.5" is not a valid Edm.Int64 (integer in a string)`},
		{`{"i64":"9223372036854775808"}`, "/i64", `"9223372036854775808" is out of range for Edm.Int64 (-9223372036854775808..9223372036854775807)`},
		{`{"dec":"1,5"}`, "/dec", `"1,5" is not a valid Edm.Decimal (decimal in a string)`},
		{`{"i32":"1"}`, "/i32", `expected Edm.Int32, found string "1"`},
		{`{"dto":"2020-11-03T12:43"}`, "/dto", `"2020-11-03T12:43" is not a valid Edm.DateTimeOffset (RFC 3339 date-time)`},
	} {
		err := lenient.Validate("ns.allTypes", validate.Read, []byte(tt.body))
		if tt.at == "-" {
			validatetest.Valid(t, err)
			continue
		}
		if validatetest.InvalidAt(t, err, tt.at) != nil {
			validatetest.ProblemAt(t, err, tt.at, tt.msg)
		}
	}
}

func TestPlanAnyJSON(t *testing.T) {
	p := &validate.Plan{Types: []validate.PlanType{
		{Name: "ns.holder", Props: []validate.PlanProp{
			{Name: "data", Value: validate.PlanValue{Kind: validate.KindComplex, Type: 1}},
			{Name: "list", Value: validate.PlanValue{Kind: validate.KindComplex, Type: 1, Collection: true}},
		}},
		{Name: "microsoft.graph.Json", AnyJSON: true},
	}}
	for _, body := range []string{`{"data":1}`, `{"data":null,"list":[1,"x",{"a":[]},null]}`, `{"data":{"anything":true}}`} {
		validatetest.Valid(t, p.Validate("ns.holder", validate.Read, []byte(body)))
	}
	validatetest.Valid(t, p.Validate("microsoft.graph.Json", validate.Create, []byte(`[1,2]`)))
	validatetest.InvalidAt(t, p.Validate("ns.holder", validate.Read, []byte(`{"list":{}}`)), "/list")
	var jerr *validate.JSONError
	if err := p.Validate("Json", validate.Read, []byte(`{"a":1,"a":2}`)); !errors.As(err, &jerr) {
		t.Errorf("got %v", err)
	}
}

func TestPlanCheck(t *testing.T) {
	for _, tt := range []struct {
		plan *validate.Plan
		want string
	}{
		{&validate.Plan{Types: []validate.PlanType{{Name: "a"}, {Name: "a"}}}, "type a appears twice"},
		{&validate.Plan{Types: []validate.PlanType{{}}}, "type 0 has no name"},
		{&validate.Plan{Types: []validate.PlanType{{Name: "a", Props: []validate.PlanProp{{Name: "p", Value: validate.PlanValue{Kind: validate.KindComplex, Type: 3}}}}}}, "type index 3 out of range"},
		{&validate.Plan{Types: []validate.PlanType{{Name: "a", Props: []validate.PlanProp{{Name: "p", Value: validate.PlanValue{Kind: validate.KindEnum, Enum: 0}}}}}}, "enum index 0 out of range"},
		{&validate.Plan{Types: []validate.PlanType{{Name: "a", Props: []validate.PlanProp{{Name: "p"}, {Name: "p", Create: validate.AccessAbsent}}}}}, "property p appears twice in read"},
		{&validate.Plan{Types: []validate.PlanType{{Name: "a", Props: []validate.PlanProp{{Name: "p", Value: validate.PlanValue{Kind: 99}}}}}}, "unknown kind 99"},
		{&validate.Plan{Types: []validate.PlanType{{Name: "a", Derived: []int{0}}}}, "derived type index 0 out of range"},
		{&validate.Plan{Types: []validate.PlanType{{Name: "a", Props: []validate.PlanProp{{Name: "p", Update: 9}}}}}, "unknown access 9"},
	} {
		err := tt.plan.Check()
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("Check() = %v, want %q", err, tt.want)
		}
		if verr := tt.plan.Validate("a", validate.Read, []byte(`{}`)); verr == nil || verr.Error() != err.Error() {
			t.Errorf("Validate = %v, want Check's error", verr)
		}
	}
	// Same names in different modes are fine.
	ok := &validate.Plan{Types: []validate.PlanType{{Name: "a", Props: []validate.PlanProp{
		{Name: "p", Read: validate.AccessAbsent, Update: validate.AccessAbsent, Value: validate.PlanValue{Kind: validate.KindInt32}},
		{Name: "p", Read: validate.AccessAbsent, Create: validate.AccessAbsent, Value: validate.PlanValue{Kind: validate.KindString}},
	}}}}
	if err := ok.Check(); err != nil {
		t.Fatal(err)
	}
	validatetest.InvalidAt(t, ok.Validate("a", validate.Create, []byte(`{"p":"x"}`)), "/p")
	validatetest.InvalidAt(t, ok.Validate("a", validate.Update, []byte(`{"p":1}`)), "/p")
	validatetest.InvalidAt(t, ok.Validate("a", validate.Read, []byte(`{"p":1}`)), "/p")
}

// TestPlanDeepDispatch: objects of a type with derived types, nested deep,
// whose @odata.type is not their first member, cost one look-ahead over
// the bytes, not one per level.
func TestPlanDeepDispatch(t *testing.T) {
	p := &validate.Plan{Types: []validate.PlanType{
		{Name: "ns.node", Derived: []int{1}, Props: []validate.PlanProp{
			{Name: "x", Value: validate.PlanValue{Kind: validate.KindInt32, Name: "Edm.Int32"}},
			{Name: "child", Value: validate.PlanValue{Kind: validate.KindComplex, Type: 0, Nullable: true}},
			{Name: "pad"},
		}},
		{Name: "ns.leaf", Props: []validate.PlanProp{
			{Name: "x", Value: validate.PlanValue{Kind: validate.KindInt32, Name: "Edm.Int32"}},
			{Name: "child", Value: validate.PlanValue{Kind: validate.KindComplex, Type: 0, Nullable: true}},
			{Name: "y", Value: validate.PlanValue{Kind: validate.KindString, Name: "Edm.String"}},
		}},
	}}
	const depth = 9000
	var b strings.Builder
	for i := range depth {
		b.WriteString(`{"x":1,"pad":[[[[[[1]]]]]],"child":`)
		if i == depth-1 {
			b.WriteString(`{"x":"deep","y":2,"@odata.type":"#ns.leaf"}`)
		}
	}
	for range depth {
		b.WriteString(`,"@odata.type":"#ns.node"}`)
	}
	data := []byte(b.String())
	start := time.Now()
	err := p.Validate("ns.node", validate.Read, data)
	if d := time.Since(start); d > 2*time.Second {
		t.Errorf("took %v", d)
	}
	var verr *validate.Error
	if !errors.As(err, &verr) || len(verr.Problems) != 2 {
		t.Fatalf("got %v", err)
	}
	last := verr.Problems[len(verr.Problems)-1]
	if !strings.HasSuffix(last.Pointer, "/child/y") || last.Message != "expected Edm.String, found number 2" {
		t.Errorf("last problem %v", last)
	}
}

// An encoded plan (Plan.Encoded, what a generated package of a whole
// service holds) decodes into the same tables and says the same of every
// rule's case, errors included; options apply to it as to any plan.
func TestEncodedPlan(t *testing.T) {
	plan := planKitchen(t)
	enc, err := validate.EncodePlan(plan.Types, plan.Enums)
	if err != nil {
		t.Fatal(err)
	}
	types, enums, err := validate.DecodePlan(enc)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(types, plan.Types) || !reflect.DeepEqual(enums, plan.Enums) {
		t.Fatal("DecodePlan(EncodePlan(...)) differs from the tables")
	}
	encoded := &validate.Plan{Encoded: enc}
	for _, tt := range plancases.Rules {
		want := plan.Validate(tt.Type, tt.Mode, []byte(tt.Body))
		got := encoded.Validate(tt.Type, tt.Mode, []byte(tt.Body))
		if fmt.Sprint(got) != fmt.Sprint(want) {
			t.Errorf("%s %v %s: encoded plan says %v, the plan %v", tt.Type, tt.Mode, tt.Body, got, want)
		}
	}
	lenient := (&validate.Plan{Encoded: enc}).WithOptions(validate.Options{IEEE754Compatible: true})
	if err := lenient.Validate("ns.allTypes", validate.Read, []byte(`{"i64":"-12"}`)); err != nil {
		t.Errorf("IEEE754Compatible on an encoded plan: %v", err)
	}
	if err := (&validate.Plan{Encoded: enc[:len(enc)/2]}).Check(); err == nil || !strings.Contains(err.Error(), "decoding the plan") {
		t.Errorf("a truncated encoding: Check = %v", err)
	}
}
