package generator

import (
	"errors"
	"fmt"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/odatagen/odatagen/spec"
	"github.com/odatagen/odatagen/spec/csdl"
)

// hostileCSDL returns a CSDL document in namespace h whose schema body is
// made by body, one element a line; element i is on line i+5.
func hostileCSDL(n int, body func(i int) string) []byte {
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="utf-8"?>
<edmx:Edmx Version="4.0" xmlns:edmx="http://docs.oasis-open.org/odata/ns/edmx">
<edmx:DataServices>
<Schema Namespace="h" xmlns="http://docs.oasis-open.org/odata/ns/edm">
`)
	for i := range n {
		b.WriteString(body(i))
		b.WriteByte('\n')
	}
	b.WriteString("</Schema>\n</edmx:DataServices>\n</edmx:Edmx>\n")
	return []byte(b.String())
}

// chainCSDL is an inheritance chain of n entity types, t1 deriving from
// t0 and so on; with cycle, t0 derives from the last one.
func chainCSDL(n int, cycle bool) []byte {
	return hostileCSDL(n, func(i int) string {
		switch {
		case i > 0:
			return fmt.Sprintf(`<EntityType Name="t%d" BaseType="h.t%d"><Property Name="p%d" Type="Edm.String"/></EntityType>`, i, i-1, i)
		case cycle:
			return fmt.Sprintf(`<EntityType Name="t0" BaseType="h.t%d"/>`, n-1)
		}
		return `<EntityType Name="t0"><Key><PropertyRef Name="id"/></Key><Property Name="id" Type="Edm.String" Nullable="false"/></EntityType>`
	})
}

// hostileShapes are documents of up to about a megabyte that ask for far
// more output than their size: each must be refused, at a position, with
// little memory.
var hostileShapes = []struct {
	name    string
	src     func() []byte
	wantMsg string
	line    int // where the error points
}{
	{"1,000-level chain", func() []byte { return chainCSDL(1000, false) }, "h.t999 has 999 base types, more than the limit of 64", 1004},
	{"5,000-level chain", func() []byte { return chainCSDL(5000, false) }, "h.t4999 has 4999 base types, more than the limit of 64", 5004},
	{"base type cycle", func() []byte { return chainCSDL(50, true) }, "base type cycle: h.t0 -> h.t49", 5},
	{"wide root under a 64-level chain", func() []byte {
		return hostileCSDL(65, func(i int) string {
			if i > 0 {
				return fmt.Sprintf(`<EntityType Name="t%d" BaseType="h.t%d"/>`, i, i-1)
			}
			var b strings.Builder
			b.WriteString(`<EntityType Name="t0"><Key><PropertyRef Name="id"/></Key><Property Name="id" Type="Edm.String" Nullable="false"/>`)
			for j := range 25000 {
				fmt.Fprintf(&b, `<Property Name="p%d" Type="Edm.String"/>`, j)
			}
			return b.String() + "</EntityType>"
		})
	}, "too large", 0},
	{"40,000 empty types", func() []byte {
		return hostileCSDL(40000, func(i int) string { return fmt.Sprintf(`<ComplexType Name="e%d"/>`, i) })
	}, "too large", 0},
	{"fan-out under a chain", func() []byte {
		return hostileCSDL(60+60*150, func(i int) string {
			switch {
			case i == 0:
				return `<EntityType Name="c0"><Key><PropertyRef Name="id"/></Key><Property Name="id" Type="Edm.String" Nullable="false"/></EntityType>`
			case i < 60:
				return fmt.Sprintf(`<EntityType Name="c%d" BaseType="h.c%d"><Property Name="q%d" Type="Edm.Int32"/></EntityType>`, i, i-1, i)
			}
			k := i - 60
			return fmt.Sprintf(`<EntityType Name="l%d" BaseType="h.c%d"/>`, k, k/150)
		})
	}, "too large", 0},
}

// TestHostileInputRefused loads each hostile shape and generates from it:
// loading (for the chains and the cycle) or generating (for the rest)
// fails with a positioned error, before building anything, within a
// memory bound: the bytes allocated, from reading the CSDL to the error,
// stay under 40 times the input's size (the reader's own tree included).
func TestHostileInputRefused(t *testing.T) {
	for _, tt := range hostileShapes {
		t.Run(tt.name, func(t *testing.T) {
			src := tt.src()
			if len(src) > 1<<20+1<<18 {
				t.Fatalf("the shape is %d bytes, want about a megabyte at most", len(src))
			}
			var before, after runtime.MemStats
			runtime.ReadMemStats(&before)
			s, _, err := csdl.Read("hostile.xml", src)
			if err != nil {
				t.Fatal(err)
			}
			_, err = Generate(s, Options{Package: "h"})
			if err == nil {
				_, err = Schemas(s, SchemaOptions{})
			}
			runtime.ReadMemStats(&after)
			var pe *spec.Error
			if !errors.As(err, &pe) || !strings.Contains(pe.Msg, tt.wantMsg) || pe.Pos.File != "hostile.xml" || pe.Pos.Line == 0 {
				t.Fatalf("got %v, want a positioned error saying %q", err, tt.wantMsg)
			}
			if tt.line != 0 && pe.Pos.Line != tt.line {
				t.Errorf("error at line %d, want %d: %v", pe.Pos.Line, tt.line, err)
			}
			if alloc := after.TotalAlloc - before.TotalAlloc; alloc > 40*uint64(len(src)) {
				t.Errorf("allocated %d MB for a %d KB input, want under %d MB", alloc>>20, len(src)>>10, 40*len(src)>>20)
			} else {
				t.Logf("%s: %d KB in, %d MB allocated: %v", tt.name, len(src)>>10, alloc>>20, err)
			}
			// The schema emitter refuses the same way on its own.
			if _, serr := Schemas(s, SchemaOptions{}); serr == nil {
				t.Error("Schemas generated what Generate refused")
			}
		})
	}
}

// TestCostOfRealServices: the budget is far above what real services cost.
func TestCostOfRealServices(t *testing.T) {
	src := corpusFile(t, "graph-v1.0-clean.xml")
	s, _, err := csdl.Read("graph.xml", src)
	if err != nil {
		t.Fatal(err)
	}
	m, _, err := spec.Resolve(s, spec.ResolveOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if err := checkBudget(m, DefaultMaxCost/2); err != nil {
		t.Errorf("Graph v1.0 is over half the default budget: %v", err)
	}
	for c := 1000; c <= DefaultMaxCost; c += 1000 {
		if checkBudget(m, c) == nil {
			t.Logf("Graph v1.0 costs %d-%d", c-1000, c)
			break
		}
	}
}

// BenchmarkHostileLargeButAllowed generates shapes of about a megabyte that
// stay within the budget, for their time and memory (the bound:
// 10 s and 1 GB each).
func BenchmarkHostileLargeButAllowed(b *testing.B) {
	shapes := []struct {
		name string
		src  []byte
	}{
		{"one type of 26,000 properties", hostileCSDL(1, func(int) string {
			var sb strings.Builder
			sb.WriteString(`<ComplexType Name="w">`)
			for j := range 26000 {
				fmt.Fprintf(&sb, `<Property Name="p%d" Type="Edm.Int64"/>`, j)
			}
			return sb.String() + "</ComplexType>"
		})},
		{"10,000 nested complex types", hostileCSDL(10000, func(i int) string {
			return fmt.Sprintf(`<ComplexType Name="n%d"><Property Name="child" Type="h.n%d"/></ComplexType>`, i, (i+1)%10000)
		})},
		{"10,000 enums", hostileCSDL(10000, func(i int) string {
			return fmt.Sprintf(`<EnumType Name="m%d"><Member Name="a"/></EnumType>`, i)
		})},
	}
	for _, sh := range shapes {
		b.Run(sh.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				s, _, err := csdl.Read("big.xml", sh.src)
				if err != nil {
					b.Fatal(err)
				}
				if _, err := Generate(s, Options{Package: "h"}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// FuzzSchemasCSDL reads a CSDL document and generates its schemas with a
// small budget: whatever the shape, it generates or fails with an error,
// never panics, and is bounded by the budget. The seeds are the hostile
// shapes, scaled down. (Schemas, not Generate: under the fuzzer's
// instrumentation, formatting Go source runs a few times a minute.)
func FuzzSchemasCSDL(f *testing.F) {
	f.Add(chainCSDL(100, false))
	f.Add(chainCSDL(8, true))
	f.Add(hostileCSDL(3, func(i int) string {
		return fmt.Sprintf(`<ComplexType Name="n%d"><Property Name="child" Type="h.n%d"/></ComplexType>`, i, (i+1)%3)
	}))
	f.Add(hostileCSDL(12, func(i int) string {
		if i == 0 {
			return `<EntityType Name="c0" Abstract="true"><Key><PropertyRef Name="id"/></Key><Property Name="id" Type="Edm.String" Nullable="false"/><NavigationProperty Name="n" Type="Collection(h.c0)"/></EntityType>`
		}
		return fmt.Sprintf(`<EntityType Name="l%d" BaseType="h.c%d"/>`, i, 0)
	}))
	f.Fuzz(func(t *testing.T, src []byte) {
		if len(src) > 64<<10 {
			return
		}
		s, _, err := csdl.Read("fuzz.xml", src)
		if err != nil {
			return
		}
		done := make(chan struct{})
		go func() {
			defer close(done)
			docs, err := Schemas(s, SchemaOptions{MaxCost: 2000, AllowUnresolved: true})
			if err == nil && len(s.Types) > 0 && len(docs) == 0 {
				t.Error("no error and no schemas")
			}
		}()
		select {
		case <-done:
		case <-time.After(5 * time.Second):
			t.Fatalf("Schemas ran for 5 s on %d bytes", len(src))
		}
	})
}
