package validatetest

import (
	"encoding/json"
	"maps"
	"reflect"
	"slices"
	"testing"

	"github.com/odatagen/odatagen/validate/edm"
	"github.com/odatagen/odatagen/validate/filter"
)

// BuilderConds calls every method of a generated $filter builder (such as
// graph.CloudPcExternalPartnerFilter) and returns the conditions it built,
// keyed "Field.Method". Each argument is the sample of its type, when
// samples has one, else a valid edm.Date or json.Number, a GUID for a
// string (good for Edm.String and Edm.Guid properties), else the zero value; give
// a member of each enumeration type as a sample, since the zero value of an
// enumeration is no member. Use it to check that what a builder can build, a
// check function accepts:
//
//	for name, c := range validatetest.BuilderConds(graph.CloudPcExternalPartnerFilter) { ... }
func BuilderConds(builder any, samples ...any) map[string]filter.Cond {
	sample := map[reflect.Type]reflect.Value{
		reflect.TypeOf(edm.Date{}):      reflect.ValueOf(edm.Date{Year: 2000, Month: 1, Day: 1}),
		reflect.TypeOf(json.Number("")): reflect.ValueOf(json.Number("0")),
		// A GUID's text is a valid value of Edm.String and Edm.Guid alike.
		reflect.TypeOf(""): reflect.ValueOf("0f8fad5b-d9cb-469f-a165-70867728950e"),
	}
	for _, s := range samples {
		sample[reflect.TypeOf(s)] = reflect.ValueOf(s)
	}
	conds := map[string]filter.Cond{}
	bv := reflect.ValueOf(builder)
	if bv.Kind() != reflect.Struct {
		return conds
	}
	// The operator methods have pointer receivers: call them on the
	// fields of an addressable copy.
	addressable := reflect.New(bv.Type()).Elem()
	addressable.Set(bv)
	condType := reflect.TypeOf(filter.Cond{})
	for i := range bv.NumField() {
		field := addressable.Field(i).Addr()
		ft := field.Type()
		for j := range ft.NumMethod() {
			m := ft.Method(j)
			mt := m.Type // receiver first
			if mt.NumOut() != 1 || mt.Out(0) != condType {
				continue
			}
			args := []reflect.Value{field}
			for k := 1; k < mt.NumIn(); k++ {
				if mt.IsVariadic() && k == mt.NumIn()-1 {
					break
				}
				if v, ok := sample[mt.In(k)]; ok {
					args = append(args, v)
				} else {
					args = append(args, reflect.Zero(mt.In(k)))
				}
			}
			out := m.Func.Call(args)
			conds[bv.Type().Field(i).Name+"."+m.Name] = out[0].Interface().(filter.Cond)
		}
	}
	return conds
}

// BuilderPassesCheck fails t for each condition of BuilderConds(builder,
// samples...) that check rejects; it also fails when the builder builds
// nothing.
func BuilderPassesCheck(t testing.TB, builder any, check func(expr string) error, samples ...any) {
	t.Helper()
	conds := BuilderConds(builder, samples...)
	if len(conds) == 0 {
		t.Errorf("builder %T builds no condition", builder)
	}
	for _, name := range slices.Sorted(maps.Keys(conds)) {
		c := conds[name]
		if err := check(c.String()); err != nil {
			t.Errorf("%s builds %q, which the check rejects:\n%v", name, c.String(), err)
		}
	}
}
