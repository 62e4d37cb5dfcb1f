package spec

import (
	"slices"
	"testing"
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
