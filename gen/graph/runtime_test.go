package graph_test

import (
	"encoding/json"
	"maps"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/odatagen/odatagen/gen/graph"
	"github.com/odatagen/odatagen/validate"
	"github.com/odatagen/odatagen/validate/filter"
	"github.com/odatagen/odatagen/validate/validatetest"
)

func withMember(t *testing.T, payload []byte, key string, value any) []byte {
	t.Helper()
	var m map[string]any
	if err := json.Unmarshal(payload, &m); err != nil {
		t.Fatal(err)
	}
	m[key] = value
	out, err := json.Marshal(m)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// createBody is the Create request example of the seed's API page.
const createBody = `{
  "@odata.type": "#microsoft.graph.cloudPcExternalPartner",
  "partnerId": "198d7140-80bb-4843-8cc4-811377a49a92",
  "enableConnection": true
}`

// The rows 1, 4, 11, 12, 16 and 18 of the JSON Schema issue, through the
// generated function.
func TestValidateCloudPcExternalPartner(t *testing.T) {
	get := getExample(t)
	validatetest.Valid(t, graph.ValidateCloudPcExternalPartner(get, validate.Read))                       // 1
	validatetest.ProblemAt(t, graph.ValidateCloudPcExternalPartner(withMember(t, get, "connectionStatus", // 4
		"sleeping"), validate.Read), "/connectionStatus", `"sleeping" is not a cloudPcExternalPartnerStatus member`)
	validatetest.Valid(t, graph.ValidateCloudPcExternalPartner([]byte(createBody), validate.Create))     // 11
	validatetest.ProblemAt(t, graph.ValidateCloudPcExternalPartner([]byte(`{"enableConnection": true}`), // 12
		validate.Create), "", "partnerId")
	validatetest.Valid(t, graph.ValidateCloudPcExternalPartner([]byte(`{"enableConnection": false}`), validate.Update)) // 16
	validatetest.InvalidAt(t, graph.ValidateCloudPcExternalPartner([]byte(`{"statusDetails": "x"}`), validate.Update),  // 18
		"/statusDetails")

	list := `{"@odata.context": "x", "value": [` + string(get) + `, {"id": "2", "enableConnection": "no"}]}`
	validatetest.InvalidAt(t, graph.ValidateCloudPcExternalPartnerCollection([]byte(list)), "/value/1/enableConnection")
	validatetest.InvalidJSON(t, graph.ValidateCloudPcExternalPartner([]byte(`{"enableConnection": tru`), validate.Read))
}

// The seed rows of the $filter issue, through the generated function.
func TestCheckCloudPcExternalPartnerFilter(t *testing.T) {
	tests := []struct {
		expr   string
		offset int // -1: accepted
		msg    string
	}{
		{"enableConnection eq true", -1, ""},
		{"enableConnection eq false and enableConnection eq true", -1, ""},
		{"(enableConnection eq true)", -1, ""},
		{"enableConnection ne true", 17, "operator ne is not supported on enableConnection (supported: eq)"},
		{"partnerId eq '198d7140-80bb-4843-8cc4-811377a49a92'", 0, "partnerId is not filterable"},
		{"connectionStatus eq 'healthy'", 0, "connectionStatus is not filterable"},
		{"enableConnection eq 'yes'", 20, "type mismatch"},
		{"enableConnection eq null", 20, "comparison with null is not supported"},
		{"enableConnection in (true, false)", 17, "operator in is not supported"},
		{"not (enableConnection eq true)", 0, "operator not is not supported"},
		{"nosuchProperty eq 1", 0, "no property nosuchProperty"},
		{"enableConnection eq", 19, "end of input"},
		{"(enableConnection eq true", 0, "parenthesis"},
		{"enableConnection eq true or", 27, "end of input"},
	}
	for _, tc := range tests {
		err := graph.CheckCloudPcExternalPartnerFilter(tc.expr)
		if tc.offset < 0 {
			if err != nil {
				t.Errorf("%q: %v", tc.expr, err)
			}
			continue
		}
		fe, ok := err.(*filter.Error)
		if !ok {
			t.Errorf("%q: got %v, want a *filter.Error", tc.expr, err)
			continue
		}
		if fe.Offset != tc.offset || !strings.Contains(fe.Msg, tc.msg) {
			t.Errorf("%q: offset %d %q; want offset %d and %q", tc.expr, fe.Offset, fe.Msg, tc.offset, tc.msg)
		}
	}
}

func TestFilterBuilder(t *testing.T) {
	c := filter.And(filter.Eq(graph.CloudPcExternalPartnerFilter.EnableConnection, true),
		filter.Eq(graph.CloudPcExternalPartnerFilter.EnableConnection, false))
	if got, want := c.String(), "enableConnection eq true and enableConnection eq false"; got != want {
		t.Errorf("built %q, want %q", got, want)
	}
	// Only the supported operator is in the field's operator set, so
	// filter.Ne on it does not compile (cmd/odatagen's downstream tests
	// build such a program).
	conds := validatetest.BuilderConds(graph.CloudPcExternalPartnerFilter)
	if got := slices.Sorted(maps.Keys(conds)); !slices.Equal(got, []string{"EnableConnection.Eq"}) {
		t.Errorf("the builder's operators are %v; the spec supports only eq on enableConnection", got)
	}
	// Properties that do not support $filter have no builder field.
	if n := reflect.TypeOf(graph.CloudPcExternalPartnerFilter).NumField(); n != 1 {
		t.Errorf("builder has %d fields, want 1 (enableConnection)", n)
	}
	validatetest.BuilderPassesCheck(t, graph.CloudPcExternalPartnerFilter, graph.CheckCloudPcExternalPartnerFilter)
}
