package spec

import (
	"strings"
	"testing"
)

func capsSpec(file string, c *Capabilities) *Spec {
	return &Spec{
		Types: []*StructuredType{{Namespace: "ns", Name: "t", Kind: EntityKind, Key: []string{"id"}, Pos: Pos{File: file, Line: 1},
			Properties:           []*Property{{Name: "id", Type: TypeRef{Name: "Edm.String"}, Pos: Pos{File: file, Line: 2}}},
			NavigationProperties: []*Property{{Name: "nav", Type: TypeRef{Name: "ns.t"}, Pos: Pos{File: file, Line: 3}, Capabilities: c.Clone()}},
			Capabilities:         c.Clone(),
			InheritedNavigation:  []*PathCapabilities{{Path: "base", Capabilities: c.Clone()}}}},
		EntitySets: []*EntitySet{{Name: "ts", Type: "ns.t", Pos: Pos{File: file, Line: 4}, Capabilities: c.Clone(),
			Bindings: []Binding{{Path: "nav", Target: "ts", Pos: Pos{File: file, Line: 5}}},
			Paths:    []*PathCapabilities{{Path: "nav", Capabilities: c.Clone()}}}},
		Container: c.Clone(),
	}
}

// TestMergeCapabilitiesTermByTerm: a term stated by one source only is
// kept, a term both state differently keeps the first and warns with both
// positions, and the output shares nothing with the inputs.
func TestMergeCapabilitiesTermByTerm(t *testing.T) {
	a := capsSpec("a", &Capabilities{
		Filter:       &FilterRestrictions{Filterable: Yes, RequiredProperties: []string{"id"}, Pos: Pos{File: "a", Line: 10}},
		TopSupported: No,
		Pos:          Pos{File: "a", Line: 10},
	})
	b := capsSpec("b", &Capabilities{
		Filter:        &FilterRestrictions{Filterable: No, Pos: Pos{File: "b", Line: 20}},
		Search:        &SearchRestrictions{Searchable: Yes, Pos: Pos{File: "b", Line: 21}},
		TopSupported:  No,
		SkipSupported: Yes,
		CustomHeaders: []*CustomParameter{{Name: "h", ExampleValues: []string{"x"}}},
		Pos:           Pos{File: "b", Line: 20},
	})
	out, ws := Merge(a, b)
	all := []*Capabilities{out.Container, out.EntitySets[0].Capabilities, out.EntitySets[0].Paths[0].Capabilities,
		out.Types[0].Capabilities, out.Types[0].InheritedNavigation[0].Capabilities, out.Types[0].NavigationProperties[0].Capabilities}
	for i, c := range all {
		if c.Filter == nil || c.Filter.Filterable != Yes || c.Search == nil || c.Search.Searchable != Yes ||
			c.TopSupported != No || c.SkipSupported != Yes || len(c.CustomHeaders) != 1 {
			t.Errorf("%d: merged = %+v", i, c)
		}
	}
	var disagree int
	for _, w := range ws {
		if strings.Contains(w.Msg, "capability Filter differs") {
			disagree++
			if w.Pos.File != "b" || w.Pos.Line != 20 || w.Other.File != "a" || w.Other.Line != 10 {
				t.Errorf("warning positions %v / %v", w.Pos, w.Other)
			}
		} else if strings.Contains(w.Msg, "capability") {
			t.Errorf("unexpected warning %s", w.Msg)
		}
	}
	if disagree != len(all) {
		t.Errorf("%d Filter disagreements, want %d: %v", disagree, len(all), ws)
	}
	// No aliasing: changing the output leaves the inputs alone, and back.
	for _, c := range all {
		c.Filter.RequiredProperties[0] = "changed"
		c.Search.Searchable = No
		c.CustomHeaders[0].ExampleValues[0] = "changed"
	}
	for _, in := range []*Spec{a, b} {
		for _, c := range []*Capabilities{in.Container, in.EntitySets[0].Capabilities, in.EntitySets[0].Paths[0].Capabilities,
			in.Types[0].Capabilities, in.Types[0].InheritedNavigation[0].Capabilities, in.Types[0].NavigationProperties[0].Capabilities} {
			if c.Filter.RequiredProperties != nil && c.Filter.RequiredProperties[0] != "id" ||
				c.Search != nil && c.Search.Searchable != Yes || len(c.CustomHeaders) > 0 && c.CustomHeaders[0].ExampleValues[0] != "x" {
				t.Fatalf("an input changed with the output: %+v", c)
			}
		}
	}
	if len(out.EntitySets[0].Bindings) != 1 {
		t.Errorf("bindings = %v", out.EntitySets[0].Bindings)
	}
}

// TestOverlayCapabilities: the CSDL states a term first whatever the file
// order, and a docs-only term is added.
func TestOverlayCapabilities(t *testing.T) {
	csdl := capsSpec("c.xml", &Capabilities{Sort: &SortRestrictions{Sortable: No, Pos: Pos{File: "c.xml", Line: 7}}})
	docs := capsSpec("d.md", &Capabilities{Sort: &SortRestrictions{Sortable: Yes, Pos: Pos{File: "d.md", Line: 8}}, TopSupported: Yes})
	out, ws := Overlay([]*Spec{csdl}, []*Spec{docs})
	c := out.EntitySets[0].Capabilities
	if c.Sort.Sortable != No || c.TopSupported != Yes {
		t.Errorf("overlay = %+v", c)
	}
	found := false
	for _, w := range ws {
		if strings.Contains(w.Msg, "capability Sort") && w.Pos.File == "d.md" && w.Other.File == "c.xml" {
			found = true
		}
	}
	if !found {
		t.Errorf("no Sort disagreement in %v", ws)
	}
}
