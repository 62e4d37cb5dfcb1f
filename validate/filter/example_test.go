package filter_test

import (
	"fmt"

	"github.com/odatagen/odatagen/validate/filter"
)

func model() *filter.Model {
	return &filter.Model{
		Types: map[string]*filter.Type{
			"microsoft.graph.cloudPcExternalPartner": {
				Name: "microsoft.graph.cloudPcExternalPartner",
				Properties: []*filter.Property{
					{Name: "partnerId", Type: "Edm.String"},
					{Name: "enableConnection", Type: "Edm.Boolean", Filter: &filter.Support{Ops: []filter.Op{filter.OpEq}}},
				},
			},
		},
	}
}

func ExampleCheck() {
	m := model()
	for _, expr := range []string{
		"enableConnection eq true",
		"enableConnection ne true",
		"partnerId eq 'x'",
	} {
		if err := filter.Check(m, "microsoft.graph.cloudPcExternalPartner", expr); err != nil {
			fmt.Println(err)
			continue
		}
		fmt.Println(expr, "is fine")
	}
	// Output:
	// enableConnection eq true is fine
	// enableConnection ne true
	//                  ^ operator ne is not supported on enableConnection (supported: eq)
	// partnerId eq 'x'
	// ^ partnerId is not filterable
}

func ExamplePrint() {
	e, err := filter.Parse("(StartsWith(displayName,'a'))AND size GT 3.5E+2")
	if err != nil {
		fmt.Println(err)
	}
	e, err = filter.Parse("(StartsWith(displayName,'a')) AND size GT 3.5E+2")
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(filter.Print(e))
	// Output:
	// (StartsWith(displayName,'a'))AND size GT 3.5E+2
	//                              ^ missing whitespace before and
	// startswith(displayName, 'a') and size gt 3.5e2
}

func ExampleFromQuery() {
	f, err := filter.FromQuery("https://graph.microsoft.com/v1.0/users?%24filter=startswith(displayName,%27Ad%27)&$top=5")
	fmt.Println(f, err)
	// Output:
	// startswith(displayName,'Ad') <nil>
}

// A typed builder by hand: each field's operator set embeds the marks of
// the operators the property supports, and the operator functions accept
// the field only for those; filter.Ne(partner.EnableConnection, true) does
// not compile.
func ExampleProp() {
	type eqOnly struct{ filter.EqOp }
	type text struct {
		filter.EqOp
		filter.StartsWithOp
		filter.NullOp
	}
	partner := struct {
		EnableConnection filter.Prop[bool, eqOnly]
		DisplayName      filter.Prop[string, text]
	}{
		EnableConnection: filter.Prop[bool, eqOnly]{Path: "enableConnection", Type: "Edm.Boolean"},
		DisplayName:      filter.Prop[string, text]{Path: "displayName", Type: "Edm.String"},
	}
	c := filter.And(filter.Eq(partner.EnableConnection, true),
		filter.Or(filter.StartsWith(partner.DisplayName, "Con"), filter.IsNull(partner.DisplayName)))
	fmt.Println(c)
	// Output:
	// enableConnection eq true and (startswith(displayName, 'Con') or displayName eq null)
}
