package filter

import (
	"encoding/json"
	"math"
	"testing"
	"time"

	"github.com/odatagen/odatagen/validate/edm"
)

// The operator sets of the builder tests, as generated code declares them.
type (
	opsEqIn struct {
		EqOp
		InOp
	}
	opsGtLe struct {
		GtOp
		LeOp
	}
	opsGe  struct{ GeOp }
	opsEq  struct{ EqOp }
	opsNe  struct{ NeOp }
	opsLt  struct{ LtOp }
	opsAny struct{ AnyEqOp }
	opsStr struct {
		StartsWithOp
		EndsWithOp
		ContainsOp
		NullOp
	}
)

// The properties of the builder tests: a builder variable of static data.
var thing = struct {
	Enable Prop[bool, opsEqIn]
	Size   Prop[float64, opsGtLe]
	When   Prop[time.Time, opsGe]
	ID     Prop[string, opsEq]
	Status Prop[status, opsNe]
	Tags   Prop[string, opsAny]
	Name   Prop[string, opsStr]
	Day    Prop[edm.Date, opsLt]
	Amount Prop[json.Number, opsGe]
	Count  Prop[int32, opsEq]
}{
	Enable: Prop[bool, opsEqIn]{Path: "enableConnection", Type: "Edm.Boolean"},
	Size:   Prop[float64, opsGtLe]{Path: "size", Type: "Edm.Double"},
	When:   Prop[time.Time, opsGe]{Path: "when", Type: "Edm.DateTimeOffset"},
	ID:     Prop[string, opsEq]{Path: "id", Type: "Edm.Guid"},
	Status: Prop[status, opsNe]{Path: "status", Type: "ns.status"},
	Tags:   Prop[string, opsAny]{Path: "tags", Type: "Edm.String"},
	Name:   Prop[string, opsStr]{Path: "name", Type: "Edm.String"},
	Day:    Prop[edm.Date, opsLt]{Path: "day", Type: "Edm.Date"},
	Amount: Prop[json.Number, opsGe]{Path: "amount", Type: "Edm.Decimal"},
	Count:  Prop[int32, opsEq]{Path: "count", Type: "Edm.Int32"},
}

type status string

var builderModel = &Model{
	Types: map[string]*Type{"ns.thing": {Name: "ns.thing", Properties: []*Property{
		{Name: "enableConnection", Type: "Edm.Boolean", Filter: &Support{Ops: []Op{OpEq, OpIn}}},
		{Name: "size", Type: "Edm.Double", Filter: &Support{Ops: []Op{OpGt, OpLe}}},
		{Name: "when", Type: "Edm.DateTimeOffset", Filter: &Support{Ops: []Op{OpGe}}},
		{Name: "id", Type: "Edm.Guid", Filter: &Support{Ops: []Op{OpEq}}},
		{Name: "status", Type: "ns.status", Filter: &Support{Ops: []Op{OpEq, OpNe}}},
		{Name: "tags", Type: "Edm.String", Collection: true, Filter: &Support{Ops: []Op{OpEq, OpAny}}},
		{Name: "name", Type: "Edm.String", Filter: &Support{Ops: []Op{OpStartsWith, OpEndsWith, OpContains}, Null: true}},
		{Name: "day", Type: "Edm.Date", Filter: &Support{Ops: []Op{OpLt}}},
		{Name: "amount", Type: "Edm.Decimal", Filter: &Support{Ops: []Op{OpGe}}},
		{Name: "count", Type: "Edm.Int32", Filter: &Support{}},
	}}},
	Enums: map[string]*Enum{"ns.status": {Name: "ns.status", Members: []string{"active", "gone"}}},
}

func TestBuilder(t *testing.T) {
	enable, name := thing.Enable, thing.Name
	when := time.Date(2024, 1, 2, 3, 4, 5, 500_000_000, time.FixedZone("", 2*3600))
	tests := []struct {
		c    Cond
		want string
	}{
		{Eq(enable, true), "enableConnection eq true"},
		{In(enable, true, false), "enableConnection in (true, false)"},
		{And(Eq(enable, false), Or(Eq(enable, true), Cond{}, In(enable, false))),
			"enableConnection eq false and (enableConnection eq true or enableConnection in (false))"},
		{Or(And(Eq(enable, true), Eq(enable, false)), Eq(enable, true)),
			"enableConnection eq true and enableConnection eq false or enableConnection eq true"},
		{Gt(thing.Size, 350), "size gt 3.5e02"},
		{Le(thing.Size, math.Inf(-1)), "size le -INF"},
		{Ge(thing.When, when), "when ge 2024-01-02T03:04:05.5+02:00"},
		{Eq(thing.ID, "198D7140-80BB-4843-8CC4-811377A49A92"), "id eq 198d7140-80bb-4843-8cc4-811377a49a92"},
		{Ne(thing.Status, "gone"), "status ne ns.status'gone'"},
		{AnyEq(thing.Tags, "x"), "tags/any(x: x eq 'x')"},
		{StartsWith(name, "O'Neil"), "startswith(name, 'O''Neil')"},
		{EndsWith(name, "z"), "endswith(name, 'z')"},
		{Contains(name, "m"), "contains(name, 'm')"},
		{IsNull(name), "name eq null"},
		{IsNotNull(name), "name ne null"},
		{Lt(thing.Day, edm.Date{Year: 2024, Month: 2, Day: 29}), "day lt 2024-02-29"},
		{Ge(thing.Amount, "12.50"), "amount ge 12.50"},
		{Eq(thing.Count, -7), "count eq -7"},
	}
	for _, tc := range tests {
		got := tc.c.String()
		if got != tc.want {
			t.Errorf("built %q, want %q", got, tc.want)
			continue
		}
		// What the builder makes is what the parser reads back ...
		e, err := Parse(got)
		if err != nil {
			t.Errorf("%q: %v", got, err)
			continue
		}
		if !Equal(e, tc.c.Expr()) {
			t.Errorf("%q: the parsed tree differs from the built one", got)
		}
		// ... and the checker accepts it for a property with that support.
		if err := Check(builderModel, "ns.thing", got); err != nil {
			t.Errorf("%q: checker rejects it: %v", got, err)
		}
	}
	if s := And().String(); s != "" {
		t.Errorf("empty And = %q", s)
	}
	if s := (Cond{}).String(); s != "" || (Cond{}).Expr() != nil {
		t.Errorf("zero Cond = %q", s)
	}
}

// A Go value that is no literal of the property's type still builds text
// that parses; the checker then reports the mismatch.
func TestBuilderInvalidValues(t *testing.T) {
	for _, tc := range []struct {
		c    Cond
		want string
	}{
		{Eq(thing.ID, "not-a-guid"), "id eq 'not-a-guid'"},
		{Eq(thing.ID, ""), "id eq ''"},
		{Ge(thing.Amount, ""), "amount ge ''"},
		{Lt(thing.Day, edm.Date{}), "day lt '0000-00-00'"},
	} {
		got := tc.c.String()
		if got != tc.want {
			t.Errorf("built %q, want %q", got, tc.want)
		}
		if _, err := Parse(got); err != nil {
			t.Errorf("%q does not parse: %v", got, err)
		}
		if err := Check(builderModel, "ns.thing", got); err == nil {
			t.Errorf("%q: the checker accepts it", got)
		}
	}
}
