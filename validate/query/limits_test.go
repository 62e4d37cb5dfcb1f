package query

import (
	"errors"
	"strings"
	"testing"
	"time"
)

// TestDeepNesting: hostile nesting fails fast with an error at the level
// that is one too deep, whatever the construct, and never exhausts the
// stack.
func TestDeepNesting(t *testing.T) {
	const n = 100_000
	for _, c := range []struct {
		name, in string
		off      int // offset of the 101st level
	}{
		{"expand", "$expand=" + strings.Repeat("a($expand=", n) + "a" + strings.Repeat(")", n),
			len("$expand=") + 100*len("a($expand=") + 1},
		{"select", "$select=" + strings.Repeat("a($select=", n) + "a" + strings.Repeat(")", n),
			len("$select=") + 100*len("a($select=") + 1},
		{"search parens", "$search=" + strings.Repeat("(", n) + "a" + strings.Repeat(")", n), len("$search=") + 100},
		{"search NOT", "$search=" + strings.Repeat("NOT ", n) + "a", len("$search=") + 100*len("NOT ")},
		{"json", "@a=" + strings.Repeat("[", n) + strings.Repeat("]", n), len("@a=") + 100},
		{"filter", "$filter=" + strings.Repeat("(", n) + "a" + strings.Repeat(")", n), len("$filter=") + 100},
		{"filter in expand", "$expand=" + strings.Repeat("a($expand=", 60) + "a($filter=" + strings.Repeat("(", 100) + "a" + strings.Repeat(")", 161),
			len("$expand=") + 60*len("a($expand=") + len("a($filter=") + 39},
	} {
		t.Run(c.name, func(t *testing.T) {
			start := time.Now()
			_, err := Parse(c.in, MaxLength(len(c.in)))
			if d := time.Since(start); d > time.Second {
				t.Errorf("took %v", d)
			}
			var qe *Error
			if !errors.As(err, &qe) {
				t.Fatalf("got %v, want an *Error", err)
			}
			if qe.Offset != c.off || !strings.Contains(qe.Msg, "nested more than") {
				t.Errorf("error at %d %q, want at %d", qe.Offset, qe.Msg, c.off)
			}
		})
	}
	// 100 levels are fine.
	ok := "$expand=" + strings.Repeat("a($expand=", 99) + "a" + strings.Repeat(")", 99)
	if _, err := Parse(ok); err != nil {
		t.Errorf("99 levels: %v", err)
	}
	if _, err := Parse(ok, MaxDepth(50)); err == nil {
		t.Error("MaxDepth(50) accepts 99 levels")
	}
}

func TestMaxLength(t *testing.T) {
	in := "$select=" + strings.Repeat("a,", DefaultMaxLength)
	_, err := Parse(in)
	var qe *Error
	if !errors.As(err, &qe) || qe.Offset != DefaultMaxLength || !strings.Contains(qe.Msg, "the limit is 16384") {
		t.Fatalf("got %v", err)
	}
	if _, err := Parse(in[:len(in)-1], MaxLength(len(in))); err != nil {
		t.Fatal(err)
	}
	// A $filter as long as the query is allowed.
	long := "$filter=" + strings.Repeat("a eq 1 and ", 1400) + "a eq 1"
	if _, err := Parse(long); err != nil {
		t.Fatalf("%.200s", err)
	}
}

// TestLongLists: long lists and chains do not nest.
func TestLongLists(t *testing.T) {
	for _, in := range []string{
		"$select=" + strings.Repeat("a,", 5000) + "a",
		"$expand=" + strings.Repeat("a($top=1),", 1000) + "a",
		"$orderby=" + strings.Repeat("a desc,", 2000) + "a",
		"$search=" + strings.Repeat("a OR b ", 2000) + "c",
		"@a=[" + strings.Repeat("1,", 5000) + "1]",
	} {
		q, err := Parse(in)
		if err != nil {
			t.Fatalf("%.40s...: %v", in, err)
		}
		if again, err := Parse(Print(q), MaxLength(4*len(in))); err != nil || !Equal(q, again) {
			t.Fatalf("%.40s...: round trip: %v", in, err)
		}
	}
}
