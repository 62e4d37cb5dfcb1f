package validate_test

import (
	"testing"

	"github.com/odatagen/odatagen/validate"
)

func TestPlanWithOptions(t *testing.T) {
	p := &validate.Plan{Types: []validate.PlanType{{
		Name: "ns.t",
		Props: []validate.PlanProp{
			{Name: "n", Value: validate.PlanValue{Kind: validate.KindInt64, Name: "Edm.Int64"}},
			{Name: "at", Value: validate.PlanValue{Kind: validate.KindDateTimeOffset, Name: "Edm.DateTimeOffset"}},
		},
	}}}
	str := []byte(`{"n": "12"}`)
	noSec := []byte(`{"at": "2020-11-03T12:43Z"}`)
	if p.Validate("ns.t", validate.Read, str) == nil || p.Validate("ns.t", validate.Read, noSec) == nil {
		t.Fatal("the default plan accepts an Int64 string or a date-time without seconds")
	}
	ieee := p.WithOptions(validate.Options{IEEE754Compatible: true})
	if err := ieee.Validate("ns.t", validate.Read, str); err != nil {
		t.Errorf("IEEE754Compatible: %v", err)
	}
	if ieee.Validate("ns.t", validate.Read, noSec) == nil {
		t.Error("IEEE754Compatible alone accepts a date-time without seconds")
	}
	if err := p.WithOptions(validate.Options{DateTimeWithoutSeconds: true}).Validate("ns.t", validate.Read, noSec); err != nil {
		t.Errorf("DateTimeWithoutSeconds: %v", err)
	}
	if p.WithOptions(validate.Options{}) != p {
		t.Error("WithOptions of the plan's own options is not the plan")
	}
	if ieee != p.WithOptions(validate.Options{IEEE754Compatible: true}) {
		t.Error("WithOptions makes a new plan each time")
	}
	if p.Validate("ns.t", validate.Read, str) == nil {
		t.Error("WithOptions changed the plan it was called on")
	}
}
