package schemaset_test

import (
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/odatagen/odatagen/internal/plantest"
	"github.com/odatagen/odatagen/validate"
	"github.com/odatagen/odatagen/validate/schemaset"
)

// Benchmarks of Plan.Validate beside Set.Validate and the floor, which is
// encoding/json.Unmarshal of the same bytes into a plain struct shaped
// like the seed type, all in the same run:
//
//	go test ./validate/schemaset -run '^$' -bench 'Plan' -benchmem -count 5
//
// BenchmarkPlanRatio measures the three in alternation and reports the
// median ratios (plan/floor, set/floor), which is what to read on a shared
// machine.

type planBenchCase struct {
	name  string
	data  []byte
	floor func([]byte) error
	set   func([]byte) error
	plan  func([]byte) error
}

// planSeed returns the seed's Plan, built from the seed spec, and its Set,
// from the committed schema documents.
func planSeed(t testing.TB) (*validate.Plan, *schemaset.Set) {
	t.Helper()
	return plantest.Plan(t, plantest.ReadYAML(t, filepath.Join("..", "..", "testdata", "cloudpcexternalpartner.yaml"))), seedSet(t)
}

func planBenchCases(t testing.TB) []planBenchCase {
	plan, set := planSeed(t)
	one, coll := plantest.DecodeOne, plantest.DecodeList(50)
	cases := []planBenchCase{
		{"get", []byte(plantest.Get), one,
			func(d []byte) error { return set.Validate(partner, validate.Read, d) },
			func(d []byte) error { return plan.Validate(partner, validate.Read, d) }},
		{"create", []byte(plantest.Create), one,
			func(d []byte) error { return set.Validate(partner, validate.Create, d) },
			func(d []byte) error { return plan.Validate(partner, validate.Create, d) }},
		{"list50", plantest.Collection(50), coll,
			func(d []byte) error { return set.ValidateCollection(partner, validate.Read, d) },
			func(d []byte) error { return plan.ValidateCollection(partner, validate.Read, d) }},
		// bench_test.go's indented Get response.
		{"get-indented", []byte(getResponse), one,
			func(d []byte) error { return set.Validate(partner, validate.Read, d) },
			func(d []byte) error { return plan.Validate(partner, validate.Read, d) }},
	}
	for _, c := range cases {
		for _, f := range []func([]byte) error{c.floor, c.set, c.plan} {
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
		}{{"floor", c.floor}, {"set", c.set}, {"plan", c.plan}} {
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

// BenchmarkPlanRatio times the floor, the Set and the Plan in alternating
// rounds and reports the medians of the per-round ratios.
func BenchmarkPlanRatio(b *testing.B) {
	for _, c := range planBenchCases(b) {
		b.Run(c.name, func(b *testing.B) {
			const rounds = 21
			iters := max(b.N/rounds, 1)
			timeIt := func(f func([]byte) error) float64 {
				start := time.Now()
				for range iters {
					if err := f(c.data); err != nil {
						b.Fatal(err)
					}
				}
				return float64(time.Since(start)) / float64(iters)
			}
			var planRatio, setRatio, planNs []float64
			for range rounds {
				floor := timeIt(c.floor)
				set := timeIt(c.set)
				plan := timeIt(c.plan)
				planRatio = append(planRatio, plan/floor)
				setRatio = append(setRatio, set/floor)
				planNs = append(planNs, plan)
			}
			slices.Sort(planRatio)
			slices.Sort(setRatio)
			slices.Sort(planNs)
			b.ReportMetric(planRatio[rounds/2], "plan/floor")
			b.ReportMetric(setRatio[rounds/2], "set/floor")
			b.ReportMetric(planNs[rounds/2], "plan-ns/op")
		})
	}
}
