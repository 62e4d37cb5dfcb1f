package filter

import (
	"fmt"
	"strings"
	"testing"
)

// clauses returns a filter of n clauses on microsoft.graph.user, cycling
// through typical forms.
func clauses(n int) string {
	forms := []string{
		"startswith(displayName,'a%d')",
		"accountEnabled eq true",
		"createdDateTime ge 2024-01-01T00:00:00Z",
		"proxyAddresses/any(x: startswith(x, 'smtp:%d'))",
		"status in ('active', 'disabled')",
		"age gt %d",
	}
	parts := make([]string, n)
	for i := range parts {
		f := forms[i%len(forms)]
		if strings.Contains(f, "%d") {
			f = fmt.Sprintf(f, i)
		}
		parts[i] = f
	}
	return strings.Join(parts, " and ")
}

// BenchmarkParseCheck parses and checks filters of growing size; with
// b.SetBytes the MB/s column shows the cost per byte, which stays flat:
// parsing and checking are linear in the length of the expression.
func BenchmarkParseCheck(b *testing.B) {
	m := richModel()
	for _, n := range []int{3, 100, 1000} {
		expr := clauses(n)
		b.Run(fmt.Sprintf("clauses=%d", n), func(b *testing.B) {
			if err := Check(m, user, expr, MaxLength(1<<20)); err != nil {
				b.Fatal(err)
			}
			b.SetBytes(int64(len(expr)))
			b.ReportAllocs()
			for b.Loop() {
				if err := Check(m, user, expr, MaxLength(1<<20)); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkParse is the parser alone.
func BenchmarkParse(b *testing.B) {
	for _, n := range []int{3, 100, 1000} {
		expr := clauses(n)
		b.Run(fmt.Sprintf("clauses=%d", n), func(b *testing.B) {
			b.SetBytes(int64(len(expr)))
			b.ReportAllocs()
			for b.Loop() {
				if _, err := Parse(expr, MaxLength(1<<20)); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkPrint is the printer alone.
func BenchmarkPrint(b *testing.B) {
	e, err := Parse(clauses(100))
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(Print(e))))
	b.ReportAllocs()
	for b.Loop() {
		Print(e)
	}
}
