package markdown

import (
	"slices"
	"strings"
	"testing"

	"github.com/odatagen/odatagen/spec"
)

// FuzzQueryPhrases checks that reading a description's query phrases
// never panics, that the options come in canonical order without
// duplicates, that each option read is named in the text, that Returned is
// one of its values and that the facts carry the description's position.
func FuzzQueryPhrases(f *testing.F) {
	for _, s := range []string{
		"Supports `$filter` (`eq`, `ne`, `not`, `in`, and `eq` on `null` values), `$search`, and `$orderby`.",
		"Supports `$expand` and `$filter` (`/$count eq 0`, `/$count ne 0`).",
		"Returned only on `$select`. Supports `$filter` (`eq`).",
		"Not returned by default. Supports `$select`.",
		"Supports `$search`; `$orderby` isn't supported.",
		"Supports `$expand` including nested `$select`. For example, `/g?$expand=m($select=id)`.",
		"Supports (($orderby",
		"Returned by default.",
	} {
		f.Add(s)
	}
	pos := spec.Pos{File: "x.md", Line: 3, Col: 5}
	f.Fuzz(func(t *testing.T, desc string) {
		plain := mdPlain(desc, nil, true)
		fa := mdReadFacts(plain, pos)
		q := fa.querySupport()
		if q == nil {
			return
		}
		if q.IsZero() || q.Pos != pos {
			t.Fatalf("query %+v", q)
		}
		switch q.Returned {
		case spec.ReturnedUnstated, spec.ReturnedByDefault, spec.ReturnedOnSelect:
		default:
			t.Fatalf("returned %q", q.Returned)
		}
		lower := strings.ToLower(plain)
		last := -1
		for _, o := range q.Options {
			i := slices.Index(spec.QueryOptions, o)
			if i <= last {
				t.Fatalf("options %v: not canonical", q.Options)
			}
			last = i
			if !strings.Contains(lower, string(o)) {
				t.Fatalf("option %s read from %q", o, plain)
			}
		}
		if q.Returned != spec.ReturnedUnstated && !strings.Contains(lower, "returned") && !strings.Contains(lower, "included") {
			t.Fatalf("returned %q read from %q", q.Returned, plain)
		}
	})
}
