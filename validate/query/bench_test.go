package query

import (
	"errors"
	"fmt"
	"strings"
	"testing"
)

// The benchmarks parse (and check) options of growing size; with
// b.SetBytes the MB/s column shows the cost per byte, which stays flat
// from small to large inputs: everything is linear in the length of the
// input.

func repeatJoin(n int, sep string, f func(i int) string) string {
	parts := make([]string, n)
	for i := range parts {
		parts[i] = f(i)
	}
	return strings.Join(parts, sep)
}

var benchSizes = []int{16, 256, 4096}

var benchOptions = map[string]func(n int) string{
	"select": func(n int) string {
		return "$select=" + repeatJoin(n, ",", func(i int) string {
			return []string{"displayName", "address/city", "microsoft.graph.user/age", "assignedLicenses($top=2;$filter=skuId%20eq%2001234567-89ab-cdef-0123-456789abcdef)"}[i%4]
		})
	},
	"expand": func(n int) string {
		return "$expand=" + repeatJoin(n, ",", func(i int) string {
			return []string{"manager($select=id;$levels=2)", "memberOf($filter=id%20eq%20'x';$top=5;$orderby=id%20desc)", "manager/microsoft.graph.user($expand=manager($select=id))", "memberOf/$count($search=x)"}[i%4]
		})
	},
	"orderby": func(n int) string {
		return "$orderby=" + repeatJoin(n, ",", func(i int) string {
			return []string{"createdDateTime desc", "id", "address/city asc", "proxyAddresses/$count desc"}[i%4]
		})
	},
	"search": func(n int) string {
		return "$search=" + repeatJoin(n, " ", func(i int) string {
			return []string{"blue" + fmt.Sprint(i%7), "OR", "\"green%20tea\"", "AND", "NOT", "(a%20OR%20b)"}[i%6]
		})
	},
	"filter": func(n int) string {
		return "$filter=" + repeatJoin(n, "%20and%20", func(i int) string {
			return []string{"startswith(displayName,'a')", "accountEnabled%20eq%20true", "createdDateTime%20ge%202024-01-01T00:00:00Z", "proxyAddresses/any(x:startswith(x,'smtp:'))"}[i%4]
		})
	},
	"alias": func(n int) string {
		return "$filter=id%20eq%20@p&@p=" + "[" + repeatJoin(n, ",", func(i int) string {
			return []string{`"x"`, "1", `{"a":[true,null]}`, "'s'"}[i%4]
		}) + "]"
	},
	"compute": func(n int) string {
		return "$compute=" + repeatJoin(n, ",", func(i int) string {
			return fmt.Sprintf("age%%20add%%20%d%%20as%%20c%d", i, i)
		})
	},
}

func BenchmarkParse(b *testing.B) {
	for _, name := range []string{"select", "expand", "orderby", "search", "filter", "alias", "compute"} {
		for _, n := range benchSizes {
			in := benchOptions[name](n)
			b.Run(fmt.Sprintf("%s/items=%d", name, n), func(b *testing.B) {
				opt := MaxLength(1 << 22)
				if _, err := Parse(in, opt); err != nil {
					b.Fatalf("%.300v", err)
				}
				b.SetBytes(int64(len(in)))
				b.ReportAllocs()
				for b.Loop() {
					if _, err := Parse(in, opt); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}

func BenchmarkPrint(b *testing.B) {
	for _, name := range []string{"select", "expand", "orderby", "search", "filter", "alias"} {
		for _, n := range benchSizes {
			q, err := Parse(benchOptions[name](n), MaxLength(1<<22))
			if err != nil {
				b.Fatal(err)
			}
			out := Print(q)
			b.Run(fmt.Sprintf("%s/items=%d", name, n), func(b *testing.B) {
				b.SetBytes(int64(len(out)))
				b.ReportAllocs()
				for b.Loop() {
					Print(q)
				}
			})
		}
	}
}

// BenchmarkCheck parses and checks a query on /users whose options grow
// together.
func BenchmarkCheck(b *testing.B) {
	m := fixture()
	for _, n := range benchSizes {
		in := strings.Join([]string{
			"$select=" + repeatJoin(n, ",", func(i int) string {
				return []string{"displayName", "address/city", "microsoft.graph.user/age", "assignedLicenses($top=2;$filter=skuId%20eq%2001234567-89ab-cdef-0123-456789abcdef)"}[i%4]
			}),
			"$expand=" + repeatJoin(n, ",", func(i int) string {
				return []string{"manager($select=id;$levels=2)", "memberOf/microsoft.graph.group($filter=displayName%20eq%20'x';$select=id)", "manager/microsoft.graph.user($expand=manager($select=id))", "memberOf/$ref"}[i%4]
			}),
			"$orderby=" + repeatJoin(n, ",", func(i int) string {
				return []string{"createdDateTime desc", "id", "address/city asc", "proxyAddresses/$count desc"}[i%4]
			}),
			benchOptions["filter"](n),
			benchOptions["search"](n),
			"$count=true&$top=10",
		}, "&")
		b.Run(fmt.Sprintf("items=%d", n), func(b *testing.B) {
			opt := MaxLength(1 << 22)
			if _, err := Check(m, "/users", in, opt); err != nil {
				var qe *Error
				if errors.As(err, &qe) {
					b.Fatalf("at %d: %s", qe.Offset, qe.Msg)
				}
				b.Fatal(err)
			}
			b.SetBytes(int64(len(in)))
			b.ReportAllocs()
			for b.Loop() {
				if _, err := Check(m, "/users", in, opt); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
