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
