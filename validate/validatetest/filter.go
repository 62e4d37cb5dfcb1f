package validatetest

import (
	"encoding/json"
	"maps"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/odatagen/odatagen/validate/edm"
	"github.com/odatagen/odatagen/validate/filter"
)

// BuilderConds builds, for every field of a generated $filter builder (such
// as graph.CloudPcExternalPartnerFilter), a condition with each operator its
// operator set has, and returns them keyed "Field.Function" ("ID.Eq",
// "Name.IsNotNull"): what filter.Eq and the other operator functions build
// from that field. Each value is the sample of the field's value type, when
// samples has one, else a valid edm.Date or json.Number, a GUID for a string
// (good for Edm.String and Edm.Guid properties), else the zero value; give a
// member of each enumeration type as a sample, since the zero value of an
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
	valueOf := func(t reflect.Type) any {
		if v, ok := sample[t]; ok {
			return v.Interface()
		}
		return reflect.Zero(t).Interface()
	}
	marks := map[string]filter.BuilderOp{}
	for _, b := range append(slices.Clone(filter.BuilderOps), filter.BuilderNull, filter.BuilderAnyEq) {
		marks[b.Type] = b
	}
	markPkg := reflect.TypeFor[filter.EqOp]().PkgPath()
	conds := map[string]filter.Cond{}
	bv := reflect.ValueOf(builder)
	if bv.Kind() != reflect.Struct {
		return conds
	}
	for i := range bv.NumField() {
		fv := bv.Field(i)
		value, vok := fv.Type().FieldByName("value")
		ops, ook := fv.Type().FieldByName("ops")
		if fv.Kind() != reflect.Struct || !vok || !ook || value.Type.Kind() != reflect.Array || ops.Type.Kind() != reflect.Array {
			continue // not a filter.Prop
		}
		f := filter.Field{Path: fv.FieldByName("Path").String(), Type: fv.FieldByName("Type").String()}
		name := bv.Type().Field(i).Name + "."
		set := ops.Type.Elem()
		for j := range set.NumField() {
			mt := set.Field(j).Type
			b, ok := marks[mt.Name()]
			if !ok || mt.PkgPath() != markPkg {
				continue
			}
			v := valueOf(value.Type.Elem())
			switch {
			case b == filter.BuilderNull:
				conds[name+"IsNull"] = f.IsNull()
				conds[name+"IsNotNull"] = f.IsNotNull()
			case b == filter.BuilderAnyEq:
				conds[name+b.Func] = f.AnyEq(v)
			case b.Op == filter.OpIn:
				conds[name+b.Func] = f.In(v)
			case b.Op == filter.OpStartsWith || b.Op == filter.OpEndsWith || b.Op == filter.OpContains:
				conds[name+b.Func] = f.Call(strings.ToLower(string(b.Op)), valueOf(reflect.TypeFor[string]()).(string))
			default:
				conds[name+b.Func] = f.Compare(string(b.Op), v)
			}
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
