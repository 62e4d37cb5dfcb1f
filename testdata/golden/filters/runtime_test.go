package filters

// This test is compiled with the generated want/ files by the generator's
// TestGoldenCompile, in a temporary module; the go tool ignores it here.

import (
	"reflect"
	"slices"
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

// Each field has exactly the methods of the operators its property
// supports.
func TestBuilderMethods(t *testing.T) {
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
	for i := range bt.NumField() {
		f := bt.Field(i)
		var got []string // the methods have pointer receivers
		pt := reflect.PointerTo(f.Type)
		for j := range pt.NumMethod() {
			got = append(got, pt.Method(j).Name)
		}
		slices.Sort(got)
		if !slices.Equal(got, want[f.Name]) {
			t.Errorf("%s has methods %v, want %v", f.Name, got, want[f.Name])
		}
	}
}

func TestBuiltText(t *testing.T) {
	tests := []struct {
		c    filter.Cond
		want string
	}{
		{BookFilter.ID.Eq("0F8FAD5B-D9CB-469F-A165-70867728950E"), "id eq 0f8fad5b-d9cb-469f-a165-70867728950e"},
		{BookFilter.Title.StartsWith("Go"), "startswith(title, 'Go')"},
		{BookFilter.Genre.In(GenreNovel, GenrePoetry), "genre in (example.library.genre'novel', example.library.genre'poetry')"},
		{BookFilter.Formats.Has(FormatEbook), "formats has example.library.format'ebook'"},
		{BookFilter.Published.Ge(time.Date(2020, 1, 2, 3, 4, 5, 0, time.UTC)), "published ge 2020-01-02T03:04:05Z"},
		{BookFilter.PrintedOn.Eq(edm.Date{Year: 2021, Month: 5, Day: 6}), "printedOn eq 2021-05-06"},
		{BookFilter.ReadingTime.Lt(edm.Duration(90 * time.Minute)), "readingTime lt duration'PT1H30M'"},
		{BookFilter.Keywords.AnyEq("sea"), "keywords/any(x: x eq 'sea')"},
		{filter.Or(BookFilter.Pages.Gt(100), BookFilter.InPrint.Eq(true)), "pages gt 100 or inPrint eq true"},
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
