package main

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/odatagen/odatagen/generator"
	"github.com/odatagen/odatagen/spec"
	"github.com/odatagen/odatagen/spec/load"
	"github.com/odatagen/odatagen/validate"
)

// BenchmarkValidateBatch is the whole-service batch of the fresh-machine
// issue: one odatagen validate call that loads Microsoft Graph v1.0's CSDL
// with the sample docs pages and validates 2,000 payloads of 500 types
// from a -jsonl file (for each type: a response naming its type, one with
// a property of the wrong JSON type, a create body, an update body with an
// unknown member). One op is the whole call, load included; the goal is
// at most 30 s. Run it with
//
//	go test ./cmd/odatagen -run '^$' -bench ValidateBatch -benchtime 1x
func BenchmarkValidateBatch(b *testing.B) {
	csdl := filepath.Join(shared, "corpus", "csdl", "graph-v1.0-clean.xml")
	if _, err := os.Stat(csdl); err != nil {
		b.Skipf("corpus not available: %v", err)
	}
	inputs := []string{"-spec", csdl, "-spec", filepath.Join(shared, "corpus", "graph-docs-current", "v1.0"),
		"-spec", filepath.Join(shared, "corpus", "graph-docs-2021", "v1.0"), "-keep-going"}
	s, _, err := load.Spec(csdl)
	if err != nil {
		b.Fatal(err)
	}
	jsonl := filepath.Join(b.TempDir(), "batch.jsonl")
	n := writeBatch(b, s, jsonl, 500)
	b.ResetTimer()
	for b.Loop() {
		var out strings.Builder
		code := run(append(append([]string{"validate"}, inputs...), "-jsonl", jsonl), strings.NewReader(""), &out, io.Discard)
		if code != exitNo {
			b.Fatalf("exit %d, want 1 (some payloads are invalid)\n%s", code, out.String())
		}
		if lines := strings.Count(out.String(), "\n"); lines < n/4 {
			b.Fatalf("%d problem lines for %d payloads, want at least one per invalid payload", lines, n)
		}
	}
	b.ReportMetric(float64(n), "payloads/op")
}

// writeBatch writes four payloads for each of types types of s that are
// not abstract, spread evenly over them in order of qualified name, and
// returns how many.
func writeBatch(b *testing.B, s *spec.Spec, file string, types int) int {
	var ts []*spec.StructuredType
	for _, t := range s.Types {
		if !t.Abstract {
			ts = append(ts, t)
		}
	}
	slices.SortFunc(ts, func(x, y *spec.StructuredType) int { return strings.Compare(x.QualifiedName(), y.QualifiedName()) })
	if len(ts) > types { // spread over the whole service
		picked := make([]*spec.StructuredType, types)
		for i := range picked {
			picked[i] = ts[i*len(ts)/types]
		}
		ts = picked
	}
	var sb strings.Builder
	line := func(typ, mode string, payload map[string]any) {
		data, err := json.Marshal(map[string]any{"type": typ, "mode": mode, "payload": payload})
		if err != nil {
			b.Fatal(err)
		}
		sb.Write(data)
		sb.WriteByte('\n')
	}
	n := 0
	for _, t := range ts {
		q := t.QualifiedName()
		wrong := map[string]any{"@odata.type": "#" + q}
		for _, p := range t.Properties {
			if p.Type.Name == "Edm.String" && !p.Type.Collection {
				wrong[p.Name] = 42
				break
			}
		}
		if len(wrong) == 1 {
			wrong["noSuchProperty"] = 1
		}
		line(q, "read", map[string]any{"@odata.type": "#" + q})
		line(q, "read", wrong)
		line(q, "create", map[string]any{})
		line(q, "update", map[string]any{"noSuchProperty": fmt.Sprint(n)})
		n += 4
	}
	if err := os.WriteFile(file, []byte(sb.String()), 0o644); err != nil {
		b.Fatal(err)
	}
	return n
}

// BenchmarkFirstVerdict is the time from a loaded spec (Microsoft Graph
// v1.0's CSDL) to the first verdict of validate -type on a base type with
// many derived types: building the plan and validating one payload, each
// op from scratch. The goal is 50 ms. Run it with
//
//	go test ./cmd/odatagen -run '^$' -bench FirstVerdict -benchtime 5x
func BenchmarkFirstVerdict(b *testing.B) {
	csdlFile := filepath.Join(shared, "corpus", "csdl", "graph-v1.0-clean.xml")
	if _, err := os.Stat(csdlFile); err != nil {
		b.Skipf("corpus not available: %v", err)
	}
	s, _, err := load.Spec(csdlFile)
	if err != nil {
		b.Fatal(err)
	}
	for _, typ := range []string{"microsoft.graph.entity", "microsoft.graph.directoryObject"} {
		b.Run(typ, func(b *testing.B) {
			for b.Loop() {
				plan, err := generator.Plan(s, generator.SchemaOptions{})
				if err != nil {
					b.Fatal(err)
				}
				if err := plan.Validate(typ, validate.Read, []byte(`{"@odata.type": "#microsoft.graph.user", "id": "x", "displayName": 5}`)); err == nil {
					b.Fatal("a user with a number for displayName validated")
				}
			}
		})
	}
}
