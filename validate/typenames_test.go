package validate

import (
	"reflect"
	"testing"
)

type (
	tnCat    struct{}
	tnDog    struct{}
	tnAnimal interface{}
	tnOther  struct{}
)

func TestTypeNames(t *testing.T) {
	pkg := reflect.TypeFor[tnCat]().PkgPath()
	tn := NewTypeNames(pkg, []TypeName{
		{"tnAnimal", "zoo.animal"},
		{"tnCat", "zoo.cat"},
		{"tnDog", "zoo.dog"},
	})
	for _, tc := range []struct {
		t    reflect.Type
		want string
	}{
		{reflect.TypeFor[tnCat](), "zoo.cat"},
		{reflect.TypeFor[tnDog](), "zoo.dog"},
		{reflect.TypeFor[tnAnimal](), "zoo.animal"},
		{reflect.TypeFor[tnOther](), ""},       // in the package, not in the list
		{reflect.TypeFor[*tnCat](), ""},        // a pointer has no name
		{reflect.TypeFor[reflect.Value](), ""}, // another package
	} {
		if got := tn.Name(tc.t); got != tc.want {
			t.Errorf("Name(%v) = %q, want %q", tc.t, got, tc.want)
		}
		got, err := tn.Lookup(tc.t)
		if tc.want == "" {
			if err == nil || err.Error() != tc.t.String()+" is not an OData type of this package" {
				t.Errorf("Lookup(%v) error = %v", tc.t, err)
			}
		} else if got != tc.want || err != nil {
			t.Errorf("Lookup(%v) = %q, %v", tc.t, got, err)
		}
	}
}
