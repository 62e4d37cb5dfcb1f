package report

import (
	"fmt"
	"slices"
	"strings"
	"testing"
)

type problem struct {
	Pointer  string
	Kind     int
	Expected string
	Found    string
	Message  string
}

func key(p problem) Key { return Key{Pointer: p.Pointer, Kind: p.Kind, Message: p.Message} }

func TestSort(t *testing.T) {
	ps := []problem{
		{Pointer: "/value/10/id", Kind: 1, Message: "b"},
		{Pointer: "/value/2/id", Kind: 1, Message: "b"},
		{Pointer: "", Kind: 8, Message: "missing"},
		{Pointer: "/value/2/id", Kind: 1, Message: "a"},
		{Pointer: "/value/2", Kind: 3, Message: "z"},
		{Pointer: "/value/2/id", Kind: 0, Message: "c"},
		{Pointer: "/value/2/id", Kind: 1, Message: "a", Found: "again"}, // a repeat: dropped
	}
	var got []string
	for _, p := range Sort(ps, key) {
		got = append(got, fmt.Sprintf("%s %d %s", p.Pointer, p.Kind, p.Message))
	}
	want := []string{" 8 missing", "/value/2 3 z", "/value/2/id 0 c", "/value/2/id 1 a", "/value/2/id 1 b", "/value/10/id 1 b"}
	if !slices.Equal(got, want) {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestSortAllocs: Sort itself allocates nothing (a key taking a pointer
// to the compared copies would make each comparison allocate them). The
// pointers are array indexes: a token that is not a number costs
// ComparePointers an allocation (strconv.Atoi's error), which is not
// Sort's.
func TestSortAllocs(t *testing.T) {
	var orig []problem
	for i := range 40 {
		orig = append(orig, problem{Pointer: fmt.Sprintf("/%d/%d", i%7, 40-i), Kind: i % 3, Message: "m"})
	}
	buf := make([]problem, len(orig))
	if n := testing.AllocsPerRun(50, func() {
		copy(buf, orig)
		Sort(buf, key)
	}); n != 0 {
		t.Errorf("%v allocations per Sort, want 0", n)
	}
}

func TestQuote(t *testing.T) {
	long := strings.Repeat("é", MaxQuoted+1)
	if got, want := Quote(long), `"`+strings.Repeat("é", MaxQuoted)+`"…`; got != want {
		t.Errorf("Quote = %s", got)
	}
	if got := Clip("12345"); got != "12345" {
		t.Errorf("Clip = %s", got)
	}
	if got := SimpleName("microsoft.graph.user"); got != "user" {
		t.Errorf("SimpleName = %s", got)
	}
}
