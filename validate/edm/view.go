package edm

import (
	"encoding/json"
	"fmt"
	"reflect"
	"sync"
)

// MarshalStruct is MarshalObject for a struct with a MarshalJSON method of
// its own, without the local "plain" type that generated code used to
// declare to drop the methods (a type per struct, which a package of
// thousands of structs pays for in build time). x is a pointer to the
// struct:
//
//	func (x *T) MarshalJSON() ([]byte, error) {
//		return edm.MarshalStruct(x, x.Extra)
//	}
//
// (With a pointer receiver there is one function to compile, where a value
// receiver has the compiler write a pointer wrapper too; encoding/json then
// calls it for addressable values and pointers, and marshals a T value
// that is not addressable by its fields, without Extra.) A field that holds
// a polymorphic interface marshals its dynamic value, a pointer to a
// struct with its own MarshalJSON.
//
// It marshals the struct through a view of the same memory as a struct type
// with the same fields and no methods (built once per type with
// reflect.StructOf); it must have no embedded fields.
func MarshalStruct(x any, extra map[string]json.RawMessage) ([]byte, error) {
	view, err := plainView(x)
	if err != nil {
		return nil, err
	}
	return MarshalObject(view.Interface(), extra)
}

// UnmarshalStruct is UnmarshalObject for a struct with an UnmarshalJSON
// method of its own, without a local "plain" type (see MarshalStruct). x
// is a pointer to the struct:
//
//	func (x *T) UnmarshalJSON(b []byte) error {
//		return edm.UnmarshalStruct(b, x, &x.Extra)
//	}
//
// Fields whose type is an interface registered with [RegisterPolymorphic],
// or a slice of one, are decoded by @odata.type (see
// [UnmarshalPolymorphic]), with the member's name in the error.
func UnmarshalStruct(data []byte, x any, extra *map[string]json.RawMessage) error {
	rv := reflect.ValueOf(x)
	if rv.Kind() != reflect.Pointer || rv.IsNil() || rv.Elem().Kind() != reflect.Struct {
		return fmt.Errorf("edm: UnmarshalStruct needs a non-nil pointer to a struct, not %T", x)
	}
	if decodeObject(data, objectCodec(rv.Type().Elem()), rv.UnsafePointer(), extra) {
		return nil
	}
	view, err := plainView(x)
	if err != nil {
		return err
	}
	return unmarshalObjectSlow(data, view, extra)
}

// plainTypes caches plainType's views, by struct type.
var plainTypes sync.Map // reflect.Type -> reflect.Type, or error

// plainView returns a pointer to the struct x points to, as its plain type.
func plainView(x any) (reflect.Value, error) {
	rv := reflect.ValueOf(x)
	if rv.Kind() != reflect.Pointer || rv.IsNil() || rv.Elem().Kind() != reflect.Struct {
		return reflect.Value{}, fmt.Errorf("edm: needs a non-nil pointer to a struct, not %T", x)
	}
	t := rv.Type().Elem()
	v, ok := plainTypes.Load(t)
	if !ok {
		pt, err := plainType(t)
		if err != nil {
			v, _ = plainTypes.LoadOrStore(t, err)
		} else {
			v, _ = plainTypes.LoadOrStore(t, pt)
		}
	}
	switch v := v.(type) {
	case reflect.Type:
		return reflect.NewAt(v, rv.UnsafePointer()), nil
	default:
		return reflect.Value{}, v.(error)
	}
}

// plainType returns a struct type with t's fields and no methods, laid out
// as t is.
func plainType(t reflect.Type) (pt reflect.Type, err error) {
	defer func() {
		if r := recover(); r != nil { // StructOf refuses the fields
			pt, err = nil, fmt.Errorf("edm: no plain view of %v: %v", t, r)
		}
	}()
	fields := make([]reflect.StructField, t.NumField())
	for i := range fields {
		sf := t.Field(i)
		switch {
		case sf.Anonymous:
			return nil, fmt.Errorf("edm: %v has an embedded field %s", t, sf.Name)
		case !sf.IsExported():
			// Not a member; a field of the same type, which encoding/json
			// skips, keeps the layout (StructOf takes exported names only).
			fields[i] = reflect.StructField{Name: fmt.Sprintf("Unexported%d", i), Type: sf.Type, Tag: `json:"-"`}
		default:
			fields[i] = reflect.StructField{Name: sf.Name, Type: sf.Type, Tag: sf.Tag}
		}
	}
	pt = reflect.StructOf(fields)
	if pt.Size() != t.Size() {
		return nil, fmt.Errorf("edm: the plain view of %v has another layout", t)
	}
	for i := range fields {
		if pt.Field(i).Offset != t.Field(i).Offset {
			return nil, fmt.Errorf("edm: the plain view of %v has another layout", t)
		}
	}
	return pt, nil
}
