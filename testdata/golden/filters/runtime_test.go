package filters

// This test is compiled with the generated want/ files by the generator's
// TestGoldenCompile, in a temporary module; the go tool ignores it here.

import (
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/odatagen/odatagen/validate/edm"
	"github.com/odatagen/odatagen/validate/filter"
	"github.com/odatagen/odatagen/validate/validatetest"
)

// Every condition the builder can build passes the generated check.
func TestBuilderPassesCheck(t *testing.T) {
	validatetest.BuilderPassesCheck(t, BookFilter, CheckFilter[Book], GenreEssay, FormatAudio)
}

// Each field's operator set has exactly the operators its property
// supports: the operator functions that take it.
func TestBuilderOperators(t *testing.T) {
	want := map[string][]string{
		"ID":          {"Eq", "In"},
		"Title":       {"Contains", "Eq", "IsNotNull", "IsNull", "StartsWith"},
		"Subtitle":    {"Contains", "EndsWith", "Eq", "Ge", "Gt", "In", "Le", "Lt", "Ne", "StartsWith"},
		"Pages":       {"Ge", "Gt", "Le", "Lt"},
		"Price":       {"Eq", "Ge", "Gt", "In", "Le", "Lt", "Ne"},
		"Published":   {"Ge", "IsNotNull", "IsNull", "Le"},
		"PrintedOn":   {"Eq"},
		"ReadingTime": {"Lt"},
		"InPrint":     {"Eq", "Ne"},
		"Genre":       {"Eq", "In"},
		"Formats":     {"Has"},
		"Isbn":        {"Eq"},
		"Keywords":    {"AnyEq"},
	}
	bt := reflect.TypeOf(BookFilter)
	if bt.NumField() != len(want) {
		t.Errorf("builder has %d fields, want %d (shelves lacks eq, notes is not filterable)", bt.NumField(), len(want))
	}
	got := map[string][]string{}
	for name := range validatetest.BuilderConds(BookFilter, GenreEssay, FormatAudio) {
		field, fn, _ := strings.Cut(name, ".")
		got[field] = append(got[field], fn)
	}
	for i := range bt.NumField() {
		f := bt.Field(i)
		slices.Sort(got[f.Name])
		if !slices.Equal(got[f.Name], want[f.Name]) {
			t.Errorf("%s has operators %v, want %v", f.Name, got[f.Name], want[f.Name])
		}
	}
}

func TestBuiltText(t *testing.T) {
	tests := []struct {
		c    filter.Cond
		want string
	}{
		{filter.Eq(BookFilter.ID, "0F8FAD5B-D9CB-469F-A165-70867728950E"), "id eq 0f8fad5b-d9cb-469f-a165-70867728950e"},
		{filter.StartsWith(BookFilter.Title, "Go"), "startswith(title, 'Go')"},
		{filter.In(BookFilter.Genre, GenreNovel, GenrePoetry), "genre in (example.library.genre'novel', example.library.genre'poetry')"},
		{filter.Has(BookFilter.Formats, FormatEbook), "formats has example.library.format'ebook'"},
		{filter.Ge(BookFilter.Published, time.Date(2020, 1, 2, 3, 4, 5, 0, time.UTC)), "published ge 2020-01-02T03:04:05Z"},
		{filter.Eq(BookFilter.PrintedOn, edm.Date{Year: 2021, Month: 5, Day: 6}), "printedOn eq 2021-05-06"},
		{filter.Lt(BookFilter.ReadingTime, edm.Duration(90*time.Minute)), "readingTime lt duration'PT1H30M'"},
		{filter.AnyEq(BookFilter.Keywords, "sea"), "keywords/any(x: x eq 'sea')"},
		{filter.Or(filter.Gt(BookFilter.Pages, 100), filter.Eq(BookFilter.InPrint, true)), "pages gt 100 or inPrint eq true"},
	}
	for _, tc := range tests {
		if got := tc.c.String(); got != tc.want {
			t.Errorf("built %q, want %q", got, tc.want)
		}
		if err := CheckFilter[Book](tc.c.String()); err != nil {
			t.Errorf("%q: %v", tc.c, err)
		}
	}
}
