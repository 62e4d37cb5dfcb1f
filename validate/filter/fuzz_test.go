package filter

import (
	"errors"
	"strings"
	"testing"
	"unicode/utf8"
)

var fuzzSeeds = []string{
	"startswith(displayName,'a') and (size gt 3.5e2 or tags/any(t: t eq 'x'))",
	"members/$count eq 0",
	"microsoft.graph.user/displayName eq 'O''Neil'",
	"createdDateTime ge 2024-01-01T00:00:00Z and status eq microsoft.graph.status'active'",
	"id in ('a','b','c')",
	"-price add 2 mul 3 gt 10",
	"name eq 'unterminated",
	"a eq eq b",
	"contains(name)",
	"a eq 1)",
	"not (enableConnection eq true)",
	"enableConnection in (true, false)",
	"a/any(x: x/b/all(y: y ne x/c)) or a/any()",
	"cast(a, Edm.Int32) gt 1 and isof(ns.t) and isof(a, Collection(ns.t))",
	"case(a eq 1: 'x', true: 'y') eq 'x'",
	"x eq 01234567-89ab-cdef-0123-456789abcdef or x eq -0044-03-15 or x eq 12:30:00.5",
	"d eq duration'-P1DT2H3M4.5S' or b eq binary'AQID' or g eq geography'SRID=4326;Point(1 2)'",
	"f has ns.flags'a,b' and x eq -INF and y eq NaN and z eq 1e-5",
	"- -5 eq --(5) and not not a",
	"(eq) eq (not) and $it/x eq @p and $this eq $root/x",
	"x in ((eq), -1, 'a''b') and length(trim(tolower(x))) ge 0",
	"geo.distance(a, b) lt 1 and geo.intersects(a, b) and geo.length(a) gt 0",
	"substring(a, 1, 2) eq 'x' and indexof(a, 'b') ne -1 and concat(a, b) eq 'ab'",
	"year(d) eq 2024 and month(d) eq 1 and day(d) eq 1 and hour(d) eq 0 and now() gt d",
	"a eq 2024-01-01t10:00:00.123456789012+05:30",
	"a\teq\t1",
	"équipe/नाम eq 'x'",
	// OData 4.01 forms: functions, keys, $count options, $filter segments,
	// annotations, aliases as path starts, JSON values, empty lists.
	"Model.Available() and Products/Model.BestProduct()/Name eq 'x' and ns.fn(p=@a)/x eq 1",
	"ns.fn(a=1,b='x') eq 2 and Products/BestProduct()/MostPopularName() eq f()",
	"Products(sku='abc')/Value eq 1 and Products(1)/Name eq 'x' and Orders(OrderID=1,ProductID=2)/Qty gt 1",
	"$root/People(1245)/Name eq $root/People/1245/Name and $root/People('russellwhyte')/Name eq 'x'",
	"F(a=1)(2)/x eq People/8a256a2b-b617-496d-b51b-e76466e88db0/y and P/ns.T(1)/z eq P/-1/2024-01-01/q",
	"Items/$count($filter=Price gt 5) gt 2 and Items/$count($search=blue) gt 0",
	"Items/$count(filter=a;search=(x OR \"y z\") AND NOT w) gt 0 and Items/$count($search='q r') eq 1",
	"Items/$filter(Price gt 5)/$count gt 1 and Items/$filter(@f)(ID='x')/y eq 1",
	"Price/@Measures.Currency eq 'EUR' and @ns.term eq 1 and Address/@Core.Description ne null and P/@T#q eq 1",
	"@a/Street eq 'x' and @Core.Messages/any(m:m/severity eq 'error') and @a in (@b, 1)",
	`Name in ["a","b"] and hassubset(Names, ["a"]) and Tags eq ["x"]`,
	`Obj eq {"a":1,"b":[true,null]} and x eq {"k\"\\\/\b\f\n\r\t\u00e9\ud83d\ude00": [{}, [], -0, 1E5]}`,
	`X in () and Y in ( ) and Z in ([1], {"a": 2}, 'x') and [a, b] in [["c", "d"]]`,
	"x in (a) add 1 and x in ((1)) and style has 'Yellow,Red' and style has @p",
	"a in (b, c)",
	"a has 1",
	"a(1)(2)",
	"a/ns.t/ns.u/b",
	"$root eq 1",
	`["\ud800", "\x"]`,
	"a/$count($search=())",
	"x in (-1, 'a''b', @p, null) and y in (eq) and z in ((eq))",
}

// FuzzParse checks that Parse never panics, and that whatever it accepts
// prints to text that parses back to the same tree and prints the same way.
func FuzzParse(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		e, err := Parse(in)
		if err != nil {
			var fe *Error
			if !errors.As(err, &fe) {
				t.Fatalf("Parse(%q) returned %T, want *Error", in, err)
			}
			if fe.Offset < 0 || fe.Offset > len(in) || fe.Expr != in || fe.Msg == "" {
				t.Fatalf("Parse(%q): bad error %+v", in, fe)
			}
			if in != "" && utf8.ValidString(in) && !strings.HasPrefix(fe.Error(), in+"\n") {
				t.Fatalf("Parse(%q): Error() does not start with the expression", in)
			}
			return
		}
		printed := Print(e)
		again, err := Parse(printed, MaxLength(4*len(in)+64))
		if err != nil {
			t.Fatalf("Parse(%q) ok, but its print %q fails: %v", in, printed, err)
		}
		if !Equal(e, again) {
			t.Fatalf("round trip changed the tree:\n in      %q\n printed %q\n first   %s\n second  %s", in, printed, dump(e), dump(again))
		}
		if p2 := Print(again); p2 != printed {
			t.Fatalf("Print not stable: %q then %q", printed, p2)
		}
	})
}

// FuzzCheck checks that Check never panics, returns only *Error, and that
// an accepted expression is still accepted after printing it canonically.
func FuzzCheck(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	for _, s := range []string{
		"displayName eq 'x' and not (accountEnabled eq true)",
		"proxyAddresses/any(x: startswith(x, 'smtp:')) or assignedLicenses/$count eq 0",
		"memberOf/microsoft.graph.group/any(g: g/displayName eq 'x') and manager/id eq 'y'",
		"status in ('active', microsoft.graph.userStatus'disabled') and permissions has 'read,write'",
		"score add age mul 2 gt -quota and sessionTimeout lt 'PT1H' and birthday lt 2000-01-01",
		"case(age gt 1: tolower(displayName), true: nickname) eq 'a' and hour(lunchTime) eq 1",
		"isof(microsoft.graph.user) and cast(age, Edm.Int64) ge 1 and extra eq @p",
		`displayName in ["a", @p] and id in () and hassubset(tags, ["a", null]) and status in ["active"]`,
		`onPremisesExtensionAttributes eq {"extensionAttribute1": "x", "@odata.type": "#t"}`,
		`assignedLicenses/any(x: x eq {"disabledPlans": [8a256a2b-b617-496d-b51b-e76466e88db0]})`,
		"assignedLicenses/$filter(skuId eq 8a256a2b-b617-496d-b51b-e76466e88db0)/$count gt 0",
		"proxyAddresses/$count($filter=startswith($this, 'smtp:')) gt 0 and @a/b/$count eq 1",
		"manager(1)/id eq 'x' or microsoft.graph.fn() or displayName/@Core.Description eq 'x'",
		"$root/users('x')/displayName eq 'y' or assignedLicenses/$count($search=x) gt 0",
	} {
		f.Add(s)
	}
	m := richModel()
	f.Fuzz(func(t *testing.T, in string) {
		err := Check(m, user, in)
		if err != nil {
			var fe *Error
			if !errors.As(err, &fe) || fe.Expr != in || fe.Offset < 0 || fe.Offset > len(in) || fe.Msg == "" {
				t.Fatalf("Check(%q): bad error %#v", in, err)
			}
			return
		}
		e, err := Parse(in)
		if err != nil {
			t.Fatalf("Check accepted %q but Parse fails: %v", in, err)
		}
		printed := Print(e)
		if err := Check(m, user, printed, MaxLength(4*len(in)+64)); err != nil {
			t.Fatalf("Check accepted %q but not its print %q: %v", in, printed, err)
		}
	})
}
