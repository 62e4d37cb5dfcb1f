package schemaset_test

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/odatagen/odatagen/generator"
	"github.com/odatagen/odatagen/spec/yamlspec"
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

// planBenchPartner is the seed type as a plain struct.
type planBenchPartner struct {
	ODataType        string     `json:"@odata.type,omitempty"`
	ID               *string    `json:"id,omitempty"`
	PartnerID        *string    `json:"partnerId,omitempty"`
	EnableConnection *bool      `json:"enableConnection,omitempty"`
	LastSyncDateTime *time.Time `json:"lastSyncDateTime,omitempty"`
	ConnectionStatus *string    `json:"connectionStatus,omitempty"`
	StatusDetails    *string    `json:"statusDetails,omitempty"`
}

type planBenchPartners struct {
	Context string             `json:"@odata.context,omitempty"`
	Value   []planBenchPartner `json:"value"`
}

// The docs' examples, as gen/graph's benchmarks have them: the Get
// response and the Create request body, compact.
const (
	planBenchGet    = `{"@odata.type":"#microsoft.graph.cloudPcExternalPartner","id":"b3548526-e615-3785-3118-be70b3968ec5","partnerId":"198d7140-80bb-4843-8cc4-811377a49a92","enableConnection":true,"lastSyncDateTime":"2020-11-03T12:43:14Z","connectionStatus":"available","statusDetails":"The external partner is available"}`
	planBenchCreate = `{"@odata.type":"#microsoft.graph.cloudPcExternalPartner","partnerId":"198d7140-80bb-4843-8cc4-811377a49a92","enableConnection":true}`
)

func planBenchCollection(n int) []byte {
	items := make([]string, n)
	for i := range items {
		items[i] = planBenchGet
	}
	return []byte(`{"@odata.context":"https://graph.microsoft.com/beta/$metadata#deviceManagement/virtualEndpoint/externalPartners","value":[` +
		strings.Join(items, ",") + `]}`)
}

// planSeed returns the seed's Plan, built from the seed spec, and its Set,
// from the committed schema documents.
func planSeed(t testing.TB) (*validate.Plan, *schemaset.Set) {
	t.Helper()
	file := filepath.Join("..", "..", "testdata", "cloudpcexternalpartner.yaml")
	src, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	s, err := yamlspec.Read(file, src)
	if err != nil {
		t.Fatal(err)
	}
	plan, err := generator.Plan(s, generator.SchemaOptions{AllowUnresolved: false})
	if err != nil {
		t.Fatal(err)
	}
	return plan, seedSet(t)
}

type planBenchCase struct {
	name  string
	data  []byte
	floor func([]byte) error
	set   func([]byte) error
	plan  func([]byte) error
}

func planBenchCases(t testing.TB) []planBenchCase {
	plan, set := planSeed(t)
	one := func(d []byte) error { var v planBenchPartner; return json.Unmarshal(d, &v) }
	coll := func(d []byte) error {
		var v planBenchPartners
		if err := json.Unmarshal(d, &v); err != nil {
			return err
		}
		if len(v.Value) != 50 {
			return fmt.Errorf("decoded %d items", len(v.Value))
		}
		return nil
	}
	cases := []planBenchCase{
		{"get", []byte(planBenchGet), one,
			func(d []byte) error { return set.Validate(partner, validate.Read, d) },
			func(d []byte) error { return plan.Validate(partner, validate.Read, d) }},
		{"create", []byte(planBenchCreate), one,
			func(d []byte) error { return set.Validate(partner, validate.Create, d) },
			func(d []byte) error { return plan.Validate(partner, validate.Create, d) }},
		{"list50", planBenchCollection(50), coll,
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
