package query

import (
	"maps"
	"slices"
	"strings"
	"testing"

	"github.com/odatagen/odatagen/validate/filter"
)

// encodedFixture is fixture() over its types encoded as a generated
// package of a whole service writes them (filter.NewEncodedModel).
func encodedFixture(t *testing.T, data func(string) string) *Model {
	t.Helper()
	ft := fixtureTypes()
	var types []*filter.Type
	for _, k := range slices.Sorted(maps.Keys(ft.Types)) {
		types = append(types, ft.Types[k])
	}
	var enums []*filter.Enum
	for _, k := range slices.Sorted(maps.Keys(ft.Enums)) {
		enums = append(enums, ft.Enums[k])
	}
	enc, err := filter.EncodeModel(types, enums, ft.TypeDefs)
	if err != nil {
		t.Fatal(err)
	}
	m := fixture()
	m.Types = filter.NewEncodedModel(data(enc))
	return m
}

// The checks decode an encoded filter model on first use and give the
// verdicts of the model it encodes; one that does not decode fails every
// check with the decoding error.
func TestCheckEncodedTypes(t *testing.T) {
	plain := fixture()
	for _, q := range []string{
		"$select=displayName,mail&$orderby=displayName&$top=5",
		"$filter=startswith(displayName,'a')&$expand=memberOf($select=id)",
		"$orderby=mail",
		"$select=nope",
		"$expand=directReports",
	} {
		m := encodedFixture(t, func(s string) string { return s })
		_, want := Check(plain, "/users", q)
		_, got := Check(m, "/users", q)
		if (want == nil) != (got == nil) || want != nil && want.Error() != got.Error() {
			t.Errorf("Check(%q): %v on the model, %v with its types encoded", q, want, got)
		}
		m = encodedFixture(t, func(s string) string { return s })
		_, want = CheckType(plain, tUser, q)
		_, got = CheckType(m, tUser, q)
		if (want == nil) != (got == nil) || want != nil && want.Error() != got.Error() {
			t.Errorf("CheckType(%q): %v on the model, %v with its types encoded", q, want, got)
		}
	}
	bad := encodedFixture(t, func(s string) string { return s[:len(s)/2] })
	if _, err := Check(bad, "/users", "$top=1"); err == nil || !strings.Contains(err.Error(), "decoding the model") {
		t.Errorf("Check on a model that does not decode = %v", err)
	}
	if _, err := bad.CheckQueryType(tUser, &Query{}); err == nil {
		t.Error("CheckQueryType on a model that does not decode succeeds")
	}
	if err := bad.Validate(); err == nil {
		t.Error("Validate on a model that does not decode succeeds")
	}
}
