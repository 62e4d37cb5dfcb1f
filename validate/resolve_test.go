package validate

import (
	"slices"
	"testing"
)

func TestResolveTypeName(t *testing.T) {
	names := []string{
		"microsoft.graph.user", "microsoft.graph.group", "microsoft.graph.entity",
		"microsoft.graph.security.user", "microsoft.graph.security.alert",
		"a.item", "b.item", "c.Thing", "d.thing",
	}
	tests := []struct {
		name, want string
		candidates []string
	}{
		{"microsoft.graph.user", "microsoft.graph.user", nil},
		{"Microsoft.Graph.User", "microsoft.graph.user", nil},
		{"microsoft.graph.security.user", "microsoft.graph.security.user", nil},
		{"group", "microsoft.graph.group", nil},
		{"GROUP", "microsoft.graph.group", nil},
		{"user", "microsoft.graph.user", []string{"microsoft.graph.security.user", "microsoft.graph.user"}}, // the larger namespace
		{"item", "", []string{"a.item", "b.item"}},                                                          // a tie
		{"thing", "", []string{"c.Thing", "d.thing"}},                                                       // case decides nothing
		{"nosuch", "", nil},
	}
	for _, tt := range tests {
		q, c, ok := ResolveTypeName(tt.name, names, nil)
		if q != tt.want || ok != (tt.want != "") || !slices.Equal(c, tt.candidates) {
			t.Errorf("%q: got %q %v %v, want %q %v", tt.name, q, c, ok, tt.want, tt.candidates)
		}
	}
	// namespaceSize overrides the count: a primary namespace wins.
	primary := func(ns string) int {
		if ns == "microsoft.graph.security" {
			return 1 << 30
		}
		return 0
	}
	if q, _, ok := ResolveTypeName("user", names, primary); !ok || q != "microsoft.graph.security.user" {
		t.Errorf("with a primary namespace: got %q %v", q, ok)
	}
}
