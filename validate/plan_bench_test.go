package validate_test

import (
	"path/filepath"
	"testing"

	"github.com/odatagen/odatagen/internal/plantest"
	"github.com/odatagen/odatagen/validate"
)

// Benchmarks of Plan.Validate beside the floor, which is
// encoding/json.Unmarshal of the same bytes into a plain struct shaped
// like the seed type, in the same run:
//
//	go test ./validate -run '^$' -bench 'Plan' -benchmem -count 5
//
// validate/schemaset's benchmarks of the same names add the Set
// (schemaset.Set.Validate), and its BenchmarkPlanRatio measures the three
// in alternation and reports the median ratios (plan/floor, set/floor),
// which is what to read on a shared machine.

type planBenchCase struct {
	name  string
	data  []byte
	floor func([]byte) error
	plan  func([]byte) error
}

func planBenchCases(t testing.TB) []planBenchCase {
	plan := plantest.Plan(t, plantest.ReadYAML(t, filepath.Join("..", "testdata", "cloudpcexternalpartner.yaml")))
	one, coll := plantest.DecodeOne, plantest.DecodeList(50)
	cases := []planBenchCase{
		{"get", []byte(plantest.Get), one,
			func(d []byte) error { return plan.Validate(partner, validate.Read, d) }},
		{"create", []byte(plantest.Create), one,
			func(d []byte) error { return plan.Validate(partner, validate.Create, d) }},
		{"list50", plantest.Collection(50), coll,
			func(d []byte) error { return plan.ValidateCollection(partner, validate.Read, d) }},
		// the Get response as the docs indent it
		{"get-indented", []byte(plantest.GetIndented), one,
			func(d []byte) error { return plan.Validate(partner, validate.Read, d) }},
	}
	for _, c := range cases {
		for _, f := range []func([]byte) error{c.floor, c.plan} {
			if err := f(c.data); err != nil {
				t.Fatalf("%s: %v", c.name, err)
			}
		}
	}
	return cases
}

func BenchmarkPlan(b *testing.B) {
	for _, c := range planBenchCases(b) {
		for _, step := range []struct {
			name string
			f    func([]byte) error
		}{{"floor", c.floor}, {"plan", c.plan}} {
			b.Run(c.name+"/"+step.name, func(b *testing.B) {
				b.SetBytes(int64(len(c.data)))
				b.ReportAllocs()
				for b.Loop() {
					if err := step.f(c.data); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}

// TestPlanSeedAllocs checks that validating the seed's valid payloads
// allocates nothing, and that each is valid.
func TestPlanSeedAllocs(t *testing.T) {
	if planRace {
		t.Skip("sync.Pool drops objects under the race detector")
	}
	for _, c := range planBenchCases(t) {
		if n := testing.AllocsPerRun(200, func() {
			if err := c.plan(c.data); err != nil {
				t.Fatal(err)
			}
		}); n != 0 {
			t.Errorf("%s: %v allocations per run, want 0", c.name, n)
		}
	}
}
