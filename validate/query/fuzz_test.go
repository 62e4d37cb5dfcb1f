package query

import (
	"errors"
	"reflect"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/odatagen/odatagen/validate/filter"
)

// roundTrip checks what Parse does with in: an error is a well-formed
// *Error; a query has every position inside in, prints to text that parses
// back to an Equal query, and prints the same way again.
func roundTrip(t *testing.T, in string) {
	q, err := Parse(in)
	if err != nil {
		var qe *Error
		if !errors.As(err, &qe) {
			t.Fatalf("Parse(%q) returned %T, want *Error", in, err)
		}
		if qe.Offset < 0 || qe.Offset > len(in) || qe.Expr != in || qe.Msg == "" {
			t.Fatalf("Parse(%q): bad error %+v", in, qe)
		}
		if in != "" && utf8.ValidString(in) && !strings.HasPrefix(qe.Error(), in+"\n") {
			t.Fatalf("Parse(%q): Error() does not start with the input", in)
		}
		return
	}
	if bad, ok := positionsIn(q, len(in)); !ok {
		t.Fatalf("Parse(%q): a position %d is outside the input", in, bad)
	}
	printed := Print(q)
	again, err := Parse(printed, MaxLength(4*len(in)+64))
	if err != nil {
		t.Fatalf("Parse(%q) ok, but its print %q fails: %v", in, printed, err)
	}
	if !Equal(q, again) {
		t.Fatalf("round trip changed the query:\n in      %q\n printed %q\n again   %q", in, printed, Print(again))
	}
	if p2 := Print(again); p2 != printed {
		t.Fatalf("Print not stable: %q then %q", printed, p2)
	}
}

var (
	posT       = reflect.TypeFor[Pos]()
	filterPosT = reflect.TypeFor[filter.Pos]()
)

// positionsIn reports whether every Pos and filter.Pos reachable from q is
// in [0, n], and the first one that is not.
func positionsIn(q *Query, n int) (int, bool) {
	bad, ok := 0, true
	var walk func(v reflect.Value)
	walk = func(v reflect.Value) {
		if !ok {
			return
		}
		switch v.Kind() {
		case reflect.Pointer, reflect.Interface:
			if !v.IsNil() {
				walk(v.Elem())
			}
		case reflect.Struct:
			for i := range v.NumField() {
				f := v.Field(i)
				if !v.Type().Field(i).IsExported() {
					continue
				}
				if f.Type() == posT || f.Type() == filterPosT {
					if p := int(f.Int()); p < 0 || p > n {
						bad, ok = p, false
						return
					}
					continue
				}
				walk(f)
			}
		case reflect.Slice:
			for i := range v.Len() {
				walk(v.Index(i))
			}
		}
	}
	walk(reflect.ValueOf(q))
	return bad, ok
}

func addSeeds(f *testing.F, prefix string) {
	for _, c := range slices.Concat(parseCases, refParseCases) {
		if rest, ok := strings.CutPrefix(c.in, prefix); ok || prefix == "" {
			f.Add(rest)
		}
	}
	for _, c := range slices.Concat(checkCases, refCheckCases) {
		if rest, ok := strings.CutPrefix(c.query, prefix); ok || prefix == "" {
			f.Add(rest)
		}
	}
}

// FuzzParse: whole queries.
func FuzzParse(f *testing.F) {
	addSeeds(f, "")
	f.Fuzz(roundTrip)
}

// FuzzSearch: $search values.
func FuzzSearch(f *testing.F) {
	addSeeds(f, "$search=")
	f.Fuzz(func(t *testing.T, v string) {
		roundTrip(t, "$search="+v)
		roundTrip(t, "$expand=a($search="+v+")")
	})
}

// FuzzItems: $select and $expand values.
func FuzzItems(f *testing.F) {
	addSeeds(f, "$expand=")
	addSeeds(f, "$select=")
	f.Fuzz(func(t *testing.T, v string) {
		roundTrip(t, "$expand="+v)
		roundTrip(t, "$select="+v)
	})
}

// FuzzOrderBy: $orderby values, also nested.
func FuzzOrderBy(f *testing.F) {
	addSeeds(f, "$orderby=")
	f.Fuzz(func(t *testing.T, v string) {
		roundTrip(t, "$orderby="+v)
		roundTrip(t, "$expand=a($orderby="+v+")")
	})
}

var fuzzResources = []string{"/users", "/groups", "/me", "/me/messages", "/users/1/memberOf", "/me/messages/1/attachments", "/users/$count"}

// FuzzCheck: Check never panics, returns only *Error with offsets in the
// text it names, and accepts the printed form of what it accepts.
func FuzzCheck(f *testing.F) {
	for _, c := range checkCases {
		f.Add(uint8(0), c.query)
		f.Add(uint8(2), c.query)
		f.Add(uint8(3), c.query)
	}
	m := fixture()
	f.Fuzz(func(t *testing.T, r uint8, in string) {
		resource := fuzzResources[int(r)%len(fuzzResources)]
		_, err := Check(m, resource, in)
		if err != nil {
			var qe *Error
			if !errors.As(err, &qe) || qe.Offset < 0 || qe.Offset > len(qe.Expr) || qe.Msg == "" ||
				qe.Expr != in && qe.Expr != resource {
				t.Fatalf("Check(%q, %q): bad error %#v", resource, in, err)
			}
			return
		}
		q, err := Parse(in)
		if err != nil {
			t.Fatalf("Check accepted %q but Parse fails: %v", in, err)
		}
		printed := Print(q)
		if _, err := Check(m, resource, printed, MaxLength(4*len(in)+64)); err != nil {
			t.Fatalf("Check accepted %q but not its print %q: %v", in, printed, err)
		}
		if _, err := m.CheckQuery(resource, q); err != nil {
			t.Fatalf("Check accepted %q but CheckQuery does not: %v", in, err)
		}
	})
}
