package spec

import (
	"slices"
	"testing"

	"github.com/odatagen/odatagen/validate/filter"
)

// TestFilterOpsAreTheRuntimes ties the spec's filter operators to the
// runtime's: the same names in the same order, so an operator one side
// adds is one the other knows.
func TestFilterOpsAreTheRuntimes(t *testing.T) {
	var got []string
	for _, op := range FilterOps {
		got = append(got, string(op))
	}
	var want []string
	for _, op := range filter.Ops {
		want = append(want, string(op))
	}
	if !slices.Equal(got, want) {
		t.Errorf("spec.FilterOps = %v, filter.Ops = %v", got, want)
	}
	for _, op := range []FilterOp{OpEq, OpNe, OpNot, OpGt, OpGe, OpLt, OpLe, OpIn, OpHas, OpStartsWith, OpEndsWith, OpContains, OpAny, OpAll} {
		if !slices.Contains(FilterOps, op) {
			t.Errorf("constant %q is not in FilterOps", op)
		}
	}
}
