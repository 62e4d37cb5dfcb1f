package validate

import (
	"slices"
	"strings"
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

// TestPlanResolve checks that a Plan's prepared lookups (the qualified
// name, then a simple name that one type has ignoring case) choose what
// ResolveTypeName chooses, as a schemaset.Set does: "dictionary" is
// microsoft.graph.Dictionary (the larger namespace), not the one type whose
// simple name is spelled exactly so.
func TestPlanResolve(t *testing.T) {
	names := []string{
		"microsoft.graph.Dictionary", "microsoft.graph.user", "microsoft.graph.group",
		"microsoft.graph.security.dictionary", "microsoft.graph.security.user",
		"a.item", "b.item", "c.Thing", "d.thing", "e.\u212Aelvin", "f.\u017Fign", "Dotless",
	}
	p := &Plan{}
	for _, n := range names {
		p.Types = append(p.Types, PlanType{Name: n})
	}
	pp, err := p.build()
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{
		"dictionary", "Dictionary", "DICTIONARY", "microsoft.graph.security.dictionary",
		"user", "group", "Group", "item", "thing", "kelvin", "KELVIN", "sign", "SIGN",
		"dotless", "Microsoft.Graph.User", "nosuch", "",
	} {
		want, _, ok := ResolveTypeName(name, names, nil)
		i, err := p.resolve(pp, name, Read)
		got := ""
		if err == nil {
			got = p.Types[i].Name
		}
		if got != want || (err == nil) != ok {
			t.Errorf("%q: Plan resolves %q (%v), ResolveTypeName %q (%v)", name, got, err, want, ok)
		}
	}
}

func TestFoldName(t *testing.T) {
	for _, pair := range [][2]string{{"abc", "ABC"}, {"\u212Aelvin", "kelvin"}, {"\u017Fign", "SIGN"}, {"Straße", "STRASSE"}, {"a", "b"}, {"é", "É"}, {"Ǆ", "ǆ"}, {"ǅ", "Ǆ"}, {"ΣΑΣ", "σας"}, {"\xff", "\xfe"}, {"ab", "abc"}} {
		a, b := pair[0], pair[1]
		if (FoldName(a) == FoldName(b)) != strings.EqualFold(a, b) {
			t.Errorf("FoldName(%q)=%q, FoldName(%q)=%q; EqualFold %v", a, FoldName(a), b, FoldName(b), strings.EqualFold(a, b))
		}
	}
}

func FuzzFoldName(f *testing.F) {
	f.Add("kelvin", "\u212Aelvin")
	f.Add("Straße", "STRASSE")
	f.Add("\xff", "\ufffd")
	f.Fuzz(func(t *testing.T, a, b string) {
		if (FoldName(a) == FoldName(b)) != strings.EqualFold(a, b) {
			t.Fatalf("FoldName(%q)=%q, FoldName(%q)=%q; EqualFold %v", a, FoldName(a), b, FoldName(b), strings.EqualFold(a, b))
		}
		if FoldName(FoldName(a)) != FoldName(a) {
			t.Fatalf("FoldName is not idempotent on %q", a)
		}
	})
}
