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

// fullClauses returns a filter of n clauses in the OData 4.01 forms: key
// predicates, functions, $count options, $filter segments, annotations and
// JSON values.
func fullClauses(n int) string {
	forms := []string{
		"Products(sku='a%d')/Value eq 1",
		"ns.fn(a=%d,b='x')/c eq 2",
		"Items/$count($filter=Price gt %d;$search=blue OR red) gt 2",
		"Items/$filter(Price gt %d)/$count gt 1",
		"Price/@Measures.Currency#q eq 'EUR'",
		`Name in ["a", "b", %d] and Obj eq {"a": %d, "b": [true, null, {"c": "\u00e9"}]}`,
		"$root/People/%d/Name eq @a/Street",
	}
	parts := make([]string, n)
	for i := range parts {
		parts[i] = strings.ReplaceAll(forms[i%len(forms)], "%d", fmt.Sprint(i))
	}
	return strings.Join(parts, " and ")
}

// BenchmarkParseFullGrammar parses filters of growing size in the 4.01
// forms; the MB/s column stays flat as for BenchmarkParse.
func BenchmarkParseFullGrammar(b *testing.B) {
	for _, n := range []int{3, 100, 1000} {
		expr := fullClauses(n)
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

// BenchmarkParseNested parses the deepest nesting the default limit allows
// of the forms a backtracking parser would retry: a list after in whose
// item is a JSON array that turns out to be a parenthesized operand.
func BenchmarkParseNested(b *testing.B) {
	expr := strings.Repeat("x in ([", 49) + "1" + strings.Repeat("] add 1)", 49)
	if _, err := Parse(expr); err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(expr)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Parse(expr); err != nil {
			b.Fatal(err)
		}
	}
}
