package csdl

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/odatagen/odatagen/spec"
)

// corpusDir holds public CSDL documents outside the repository; tests that
// read it skip when it is absent.
var corpusDir = filepath.Join("..", "..", "..", "shared", "corpus", "csdl")

func readCorpus(tb testing.TB, name string) []byte {
	tb.Helper()
	src, err := os.ReadFile(filepath.Join(corpusDir, name))
	if errors.Is(err, os.ErrNotExist) {
		tb.Skipf("corpus file %s is absent", name)
	}
	if err != nil {
		tb.Fatal(err)
	}
	return src
}

// checkPositions asserts that every element of s points at a '<' of src:
// the start of the element it was read from.
func checkPositions(t *testing.T, s *spec.Spec, src []byte) {
	t.Helper()
	lines := bytes.Split(src, []byte{'\n'})
	lines[0] = bytes.TrimPrefix(lines[0], []byte("\ufeff"))
	bad := 0
	check := func(what string, p spec.Pos) {
		if bad > 5 {
			return
		}
		if p.Line < 1 || p.Line > len(lines) || p.Col < 1 || p.Col > len(lines[p.Line-1]) || lines[p.Line-1][p.Col-1] != '<' {
			bad++
			t.Errorf("%s: position %v does not point at an element", what, p)
		}
	}
	for _, ty := range s.Types {
		check(ty.Name, ty.Pos)
		for _, p := range slices.Concat(ty.Properties, ty.NavigationProperties) {
			check(ty.Name+"/"+p.Name, p.Pos)
			if p.Filter != nil {
				check(ty.Name+"/"+p.Name+" filter", p.Filter.Pos)
			}
		}
	}
	for _, e := range s.Enums {
		check(e.Name, e.Pos)
		for _, m := range e.Members {
			check(e.Name+"/"+m.Name, m.Pos)
		}
	}
	for _, d := range s.TypeDefs {
		check(d.Name, d.Pos)
	}
	for _, es := range s.EntitySets {
		check(es.Name, es.Pos)
	}
}

func TestReadGraph(t *testing.T) {
	src := readCorpus(t, "graph-v1.0-clean.xml")
	s, warns, err := Read("graph-v1.0-clean.xml", src)
	if err != nil {
		t.Fatal(err)
	}
	ix := spec.NewIndex(s)

	// Counts. "Properties" are the structural properties the document
	// declares (its <Property> elements inside types); properties that
	// Read redeclares on a derived type to restrict them are counted
	// apart, as are navigation properties.
	var entities, complexes, flags, declared, redeclared, navs int
	namespaces := map[string]bool{}
	for _, ty := range s.Types {
		namespaces[ty.Namespace] = true
		if ty.Kind == spec.EntityKind {
			entities++
		} else {
			complexes++
		}
		chain := ix.BaseChain(ty)
		for _, p := range ty.Properties {
			inherited := slices.ContainsFunc(chain[1:], func(b *spec.StructuredType) bool { return b.Property(p.Name) != nil })
			if inherited {
				redeclared++
			} else {
				declared++
			}
		}
		navs += len(ty.NavigationProperties)
		for _, p := range ty.Properties {
			if !ix.Defines(p.Type.Name) {
				t.Errorf("%s/%s: type %s is not defined (alias not resolved?)", ty.Name, p.Name, p.Type.Name)
			}
		}
	}
	for _, e := range s.Enums {
		namespaces[e.Namespace] = true
		if e.Flags {
			flags++
		}
	}
	counts := []struct {
		name      string
		got, want int
	}{
		{"entity types", entities, 1182},
		{"complex types", complexes, 1780},
		{"enum types", len(s.Enums), 861},
		{"flags enums", flags, 64},
		{"declared structural properties", declared, 10528},
		{"schemas (namespaces with types)", len(namespaces), 11},
		{"entity sets and singletons", len(s.EntitySets), 40 + 30},
	}
	for _, c := range counts {
		if c.got != c.want {
			t.Errorf("%s = %d, want %d", c.name, c.got, c.want)
		}
	}
	if redeclared == 0 || navs < 1432 {
		t.Errorf("redeclared = %d (want some: restrictions on inherited properties), navigation = %d (want >= 1432)", redeclared, navs)
	}

	// A flags enum keeps its explicit values, composite member included.
	e := ix.Enum("microsoft.graph.synchronizationJobRestartScope")
	if e == nil || !e.Flags {
		t.Fatalf("synchronizationJobRestartScope = %+v", e)
	}
	for name, v := range map[string]int64{"None": 0, "ConnectorDataStore": 1, "Escrows": 2, "Watermark": 4, "QuarantineState": 8, "Full": 15, "ForceDeletes": 32} {
		if m := e.Member(name); m == nil || m.Value != v {
			t.Errorf("synchronizationJobRestartScope.%s = %+v, want %d", name, m, v)
		}
	}
	if e := ix.Enum("microsoft.graph.security.investigationState"); e == nil || e.UnderlyingType != "Edm.Int64" {
		t.Errorf("investigationState = %+v", e)
	}

	// Annotations.
	prop := func(q, name string) *spec.Property {
		ty := ix.Type(q)
		if ty == nil {
			t.Fatalf("no type %s", q)
		}
		return mustProp(t, ty, name)
	}
	facts := []struct {
		name string
		got  any
		want any
	}{
		{"alias-qualified type", prop("microsoft.graph.timeCardBreak", "end").Type.Name, "microsoft.graph.timeCardEvent"},
		{"Core.Computed", prop("microsoft.graph.androidStoreApp", "packageId").ReadOnly, true},
		{"Core.Description", prop("microsoft.graph.androidStoreApp", "appStoreUrl").Description, "The Android app store URL."},
		{"Core.Revisions", prop("microsoft.graph.fido2AuthenticationMethodConfiguration", "isAttestationEnforced").Deprecated, true},
		{"Filterable false on a type", prop("microsoft.graph.subscribedSku", "skuId").Filter == nil, true},
		{"Filterable false reaches inherited id", prop("microsoft.graph.subscribedSku", "id").Filter == nil, true},
		{"entity id elsewhere filterable", prop("microsoft.graph.entity", "id").Filter != nil, true},
		{"FilterExpressionRestrictions through a navigation property",
			prop("microsoft.graph.copilotPackageDetail", "lastModifiedDateTime").Filter.Ops, []spec.FilterOp{spec.OpGe, spec.OpLe}},
		{"NonFilterableProperties", prop("microsoft.graph.bitlockerRecoveryKey", "volumeType").Filter == nil, true},
	}
	for _, f := range facts {
		if !equal(f.got, f.want) {
			t.Errorf("%s: got %#v, want %#v", f.name, f.got, f.want)
		}
	}

	// Warnings: the skipped operations, and annotation targets that the
	// document itself does not define.
	skipped := 0
	for _, w := range warns {
		switch {
		case strings.HasPrefix(w.Msg, "skipped 1181 actions and functions, 11 term definitions:"):
			skipped++
		case strings.HasPrefix(w.Msg, "annotation target ") && strings.HasSuffix(w.Msg, " names nothing in this document"):
		default:
			t.Errorf("unexpected warning: %v", w)
		}
	}
	if skipped != 1 || len(warns) > 10 {
		t.Errorf("%d warnings, %d about skipped operations: %v", len(warns), skipped, warns)
	}
	checkPositions(t, s, src)
}

func TestReadCorpus(t *testing.T) {
	tests := []struct {
		file               string
		types, enums, sets int
	}{
		{"TripPin.ODataSamples.xml", 13, 1, 5},
		{"ODataDemo-V4.ODataSamples.xml", 11, 0, 7},
		{"Northwind-V4.odata-openapi.xml", 26, 0, 26},
		{"TrippinInMemory.ODataSamples.xml", 14, 2, 5},
	}
	for _, tc := range tests {
		t.Run(tc.file, func(t *testing.T) {
			src := readCorpus(t, tc.file)
			s, warns, err := Read(tc.file, src)
			if err != nil {
				t.Fatal(err)
			}
			if len(s.Types) != tc.types || len(s.Enums) != tc.enums || len(s.EntitySets) != tc.sets {
				t.Errorf("types %d enums %d sets %d, want %d %d %d", len(s.Types), len(s.Enums), len(s.EntitySets), tc.types, tc.enums, tc.sets)
			}
			for _, w := range warns {
				if !strings.HasPrefix(w.Msg, "skipped ") {
					t.Errorf("unexpected warning: %v", w)
				}
			}
			checkPositions(t, s, src)
		})
	}
}

func BenchmarkReadGraph(b *testing.B) {
	src := readCorpus(b, "graph-v1.0-clean.xml")
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		if _, _, err := Read("graph-v1.0-clean.xml", src); err != nil {
			b.Fatal(err)
		}
	}
}

// FuzzRead checks that Read never panics and that its errors and
// warnings are positioned. The fixture seeds are a few kilobytes; run with
// -fuzzminimizetime (e.g. 3s) so that minimizing an interesting input does
// not stall the run.
func FuzzRead(f *testing.F) {
	seeds, _ := filepath.Glob(filepath.Join("testdata", "csdl", "*.xml"))
	for _, name := range seeds {
		src, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(src)
	}
	f.Add([]byte(`<edmx:Edmx Version="4.0" xmlns:edmx="http://docs.oasis-open.org/odata/ns/edmx"><edmx:DataServices>` +
		`<Schema Namespace="n" Alias="a" xmlns="http://docs.oasis-open.org/odata/ns/edm"><EntityType Name="t" BaseType="a.t">` +
		`<Property Name="p" Type="a.t"/></EntityType><Annotations Target="a.t/p/p"><Annotation Term="Core.Computed"/></Annotations>` +
		`</Schema></edmx:DataServices></edmx:Edmx>`))
	f.Add([]byte("\ufeff<Schema Namespace=\"a.b\" Alias=\"x\" xmlns=\"http://docs.oasis-open.org/odata/ns/edm\">" +
		`<EnumType Name="e" IsFlags="true"><Member Name="a" Value="1"/><Member Name="unknownFutureValue"/></EnumType>` +
		`<ComplexType Name="c" BaseType="x.d"><Property Name="p" Type="Collection(x.e)" MaxLength="max"/></ComplexType>` +
		`<ComplexType Name="d"><Property Name="q" Type="Edm.Int32"/></ComplexType></Schema>`))
	f.Add([]byte(`<edmx:Edmx Version="4.01" xmlns:edmx="http://docs.oasis-open.org/odata/ns/edmx"><edmx:DataServices>` +
		`<Schema Namespace="n" xmlns="http://docs.oasis-open.org/odata/ns/edm"><EntityType Name="t"><Property Name="p" Type="Edm.String"/>` +
		`</EntityType><EntityContainer Name="c"><EntitySet Name="s" EntityType="n.t"/></EntityContainer>` +
		`<Annotations Target="n.c/s"><Annotation Term="Capabilities.FilterRestrictions"><Record>` +
		`<PropertyValue Property="FilterExpressionRestrictions"><Collection><Record><PropertyValue Property="Property" PropertyPath="p"/>` +
		`<PropertyValue Property="AllowedExpressions" String="MultiValue"/></Record></Collection></PropertyValue>` +
		`</Record></Annotation></Annotations></Schema></edmx:DataServices></edmx:Edmx>`))
	f.Fuzz(func(t *testing.T, src []byte) {
		s, warns, err := Read("fuzz.xml", src)
		if err != nil {
			var pe *spec.Error
			if !errors.As(err, &pe) || pe.Pos.File != "fuzz.xml" || pe.Pos.Line < 1 || pe.Pos.Col < 1 {
				t.Fatalf("error not positioned: %v", err)
			}
			if !strings.HasPrefix(err.Error(), pe.Pos.String()+": ") {
				t.Fatalf("error does not start with its position: %v", err)
			}
			return
		}
		for _, w := range warns {
			if w.Pos.File != "fuzz.xml" || w.Pos.Line < 1 {
				t.Fatalf("warning not positioned: %v", w)
			}
		}
		for _, ty := range s.Types {
			for _, p := range slices.Concat(ty.Properties, ty.NavigationProperties) {
				if p.Pos.Line < 1 {
					t.Fatalf("%s/%s has no position", ty.Name, p.Name)
				}
				if p.Filter != nil && !slices.IsSortedFunc(p.Filter.Ops, func(a, b spec.FilterOp) int {
					return slices.Index(spec.FilterOps, a) - slices.Index(spec.FilterOps, b)
				}) {
					t.Fatalf("%s/%s: operators out of order: %v", ty.Name, p.Name, p.Filter.Ops)
				}
			}
		}
	})
}
