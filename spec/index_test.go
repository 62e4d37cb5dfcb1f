package spec

import (
	"slices"
	"testing"

	"github.com/odatagen/odatagen/validate"
)

func TestResolveUserName(t *testing.T) {
	s := &Spec{Types: []*StructuredType{
		{Namespace: "microsoft.graph", Name: "user"},
		{Namespace: "microsoft.graph", Name: "group"},
		{Namespace: "microsoft.graph.security", Name: "user"},
		{Namespace: "a", Name: "item"},
		{Namespace: "b", Name: "item"},
	}, Enums: []*EnumType{{Namespace: "microsoft.graph", Name: "status"}}}
	ix := NewIndex(s)
	for _, tc := range []struct {
		name, want string
		candidates []string
	}{
		{"microsoft.graph.security.user", "microsoft.graph.security.user", nil},
		{"Microsoft.Graph.User", "microsoft.graph.user", nil},
		{"group", "microsoft.graph.group", nil},
		// The larger namespace wins a bare name.
		{"user", "microsoft.graph.user", []string{"microsoft.graph.security.user", "microsoft.graph.user"}}, // sorted
		// Equal namespaces: ambiguous.
		{"item", "", []string{"a.item", "b.item"}},
		// Enums are not structured types.
		{"status", "", nil},
		{"nothing", "", nil},
	} {
		q, cands, ok := ix.ResolveUserName(tc.name)
		if q != tc.want || ok != (tc.want != "") || !slices.Equal(cands, tc.candidates) {
			t.Errorf("ResolveUserName(%q) = %q, %v, %v; want %q, %v", tc.name, q, cands, ok, tc.want, tc.candidates)
		}
	}
}

// TestResolveUserNameAgrees checks that the index's prefiltered lookup
// chooses what validate.ResolveTypeName chooses over all the structured
// types (as a Plan and a schemaset.Set do), also for names that differ only
// in case and for runes whose case folding is not their lower case.
func TestResolveUserNameAgrees(t *testing.T) {
	s := &Spec{Types: []*StructuredType{
		{Namespace: "microsoft.graph", Name: "Dictionary"},
		{Namespace: "microsoft.graph", Name: "user"},
		{Namespace: "microsoft.graph.security", Name: "dictionary"},
		{Namespace: "a", Name: "Foo"}, {Namespace: "a", Name: "foo"},
		{Namespace: "f", Name: "\u017Fign"}, // the long s folds to s but is not its lower case
		{Name: "Dotless"},
	}}
	var qualified []string
	for _, t := range s.Types {
		qualified = append(qualified, t.QualifiedName())
	}
	ix := NewIndex(s)
	for _, name := range []string{
		"dictionary", "DICTIONARY", "user", "a.FOO", "A.foo", "foo",
		"sign", "F.SIGN", "dotless", "Dotless", "nosuch",
	} {
		want, wantCands, wantOK := validate.ResolveTypeName(name, qualified, func(ns string) int { return ix.nsSize[ns] })
		q, cands, ok := ix.ResolveUserName(name)
		if q != want || ok != wantOK || !slices.Equal(cands, wantCands) {
			t.Errorf("%q: index %q %v %v, ResolveTypeName %q %v %v", name, q, cands, ok, want, wantCands, wantOK)
		}
	}
}
