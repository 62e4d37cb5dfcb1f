package filter

import (
	"encoding/json"
	"math"
	"testing"
	"time"

	"github.com/odatagen/odatagen/validate/edm"
)

// Property names for the builder tests, as generated code writes them.
type (
	bEnable struct{}
	bSize   struct{}
	bWhen   struct{}
	bID     struct{}
	bStatus struct{}
	bTags   struct{}
	bName   struct{}
	bDay    struct{}
	bAmount struct{}
	bCount  struct{}
)

func (bEnable) ODataProperty() (string, string) { return "enableConnection", "Edm.Boolean" }
func (bSize) ODataProperty() (string, string)   { return "size", "Edm.Double" }
func (bWhen) ODataProperty() (string, string)   { return "when", "Edm.DateTimeOffset" }
func (bID) ODataProperty() (string, string)     { return "id", "Edm.Guid" }
func (bStatus) ODataProperty() (string, string) { return "status", "ns.status" }
func (bTags) ODataProperty() (string, string)   { return "tags", "Edm.String" }
func (bName) ODataProperty() (string, string)   { return "name", "Edm.String" }
func (bDay) ODataProperty() (string, string)    { return "day", "Edm.Date" }
func (bAmount) ODataProperty() (string, string) { return "amount", "Edm.Decimal" }
func (bCount) ODataProperty() (string, string)  { return "count", "Edm.Int32" }

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
	var enable struct {
		EqOp[bool, bEnable]
		InOp[bool, bEnable]
	}
	var name struct {
		StartsWithOp[bName]
		EndsWithOp[bName]
		ContainsOp[bName]
		NullOp[bName]
	}
	when := time.Date(2024, 1, 2, 3, 4, 5, 500_000_000, time.FixedZone("", 2*3600))
	tests := []struct {
		c    Cond
		want string
	}{
		{enable.Eq(true), "enableConnection eq true"},
		{enable.In(true, false), "enableConnection in (true, false)"},
		{And(enable.Eq(false), Or(enable.Eq(true), Cond{}, enable.In(false))),
			"enableConnection eq false and (enableConnection eq true or enableConnection in (false))"},
		{Or(And(enable.Eq(true), enable.Eq(false)), enable.Eq(true)),
			"enableConnection eq true and enableConnection eq false or enableConnection eq true"},
		{GtOp[float64, bSize]{}.Gt(350), "size gt 3.5e02"},
		{LeOp[float64, bSize]{}.Le(math.Inf(-1)), "size le -INF"},
		{GeOp[time.Time, bWhen]{}.Ge(when), "when ge 2024-01-02T03:04:05.5+02:00"},
		{EqOp[string, bID]{}.Eq("198D7140-80BB-4843-8CC4-811377A49A92"), "id eq 198d7140-80bb-4843-8cc4-811377a49a92"},
		{NeOp[status, bStatus]{}.Ne("gone"), "status ne ns.status'gone'"},
		{AnyEqOp[string, bTags]{}.AnyEq("x"), "tags/any(x: x eq 'x')"},
		{name.StartsWith("O'Neil"), "startswith(name, 'O''Neil')"},
		{name.EndsWith("z"), "endswith(name, 'z')"},
		{name.Contains("m"), "contains(name, 'm')"},
		{name.IsNull(), "name eq null"},
		{name.IsNotNull(), "name ne null"},
		{LtOp[edm.Date, bDay]{}.Lt(edm.Date{Year: 2024, Month: 2, Day: 29}), "day lt 2024-02-29"},
		{GeOp[json.Number, bAmount]{}.Ge("12.50"), "amount ge 12.50"},
		{EqOp[int32, bCount]{}.Eq(-7), "count eq -7"},
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
		{EqOp[string, bID]{}.Eq("not-a-guid"), "id eq 'not-a-guid'"},
		{EqOp[string, bID]{}.Eq(""), "id eq ''"},
		{GeOp[json.Number, bAmount]{}.Ge(""), "amount ge ''"},
		{LtOp[edm.Date, bDay]{}.Lt(edm.Date{}), "day lt '0000-00-00'"},
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
