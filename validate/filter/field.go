package filter

import (
	"reflect"
	"strings"
)

// Field is a property of a generated typed builder: its path from the
// builder's type ("enableConnection") and its qualified type, an Edm type
// ("Edm.Boolean") or an enumeration type ("microsoft.graph.status"; type
// definitions as their underlying Edm type).
//
// A generated package declares one small type per combination of value
// type and operator set that its properties use, defined as Field, with a
// method per operator that calls the Field methods below:
//
//	type filter_bool_EqNe filter.Field
//
//	func (p *filter_bool_EqNe) Eq(v bool) filter.Cond { return filter.Field(*p).Compare("eq", v) }
//	func (p *filter_bool_EqNe) Ne(v bool) filter.Cond { return filter.Field(*p).Compare("ne", v) }
//
// and gives each property a field of that type in a builder variable
// initialised with static data:
//
//	var CloudPcExternalPartnerFilter = struct {
//		EnableConnection filter_bool_EqNe
//	}{
//		EnableConnection: filter_bool_EqNe{Path: "enableConnection", Type: "Edm.Boolean"},
//	}
//
// so an unsupported operator is not a method and does not compile, as with
// the generic operator types of build.go, while a property costs one struct
// field and two strings instead of a type, a method and one generic
// instantiation per operator: what makes a whole service's builders cheap
// to compile. The Field methods take the value as any: the generated
// method's signature is what types it.
//
// Two choices keep the compiled code of a whole service small (Microsoft
// Graph v1.0 has 836 such types for its enums alone). The methods have
// pointer receivers: a value receiver makes the compiler write a second,
// pointer-receiver wrapper of each method, and a builder variable is
// addressable, so the call reads the same. And Field is not comparable
// (the blank [0]func() field): a comparable struct type gets a compiled
// equality function, and so would every builder variable's anonymous
// struct type, thousands of functions that == on a builder has no use for.
type Field struct {
	_          [0]func()
	Path, Type string
}

func (f Field) path() *Path {
	segs := strings.Split(f.Path, "/")
	out := &Path{Segments: make([]Segment, len(segs))}
	for i, s := range segs {
		out.Segments[i] = Segment{Kind: SegProperty, Name: s}
	}
	return out
}

// Compare returns "path op v" for a comparison operator ("eq", "ne",
// "gt", "ge", "lt", "le", "has").
func (f Field) Compare(op string, v any) Cond {
	return Cond{&Binary{Op: op, L: f.path(), R: Value(f.Type, v)}}
}

// In returns "path in (v, more...)": what a generated In method calls
// with its arguments, more being the method's variadic slice ([]T of the
// value's type). It takes more as any and reads it by reflection, so that
// a list needs no conversion to []any and the function is compiled once,
// not once per enum type (a generic In was 778 instantiations in Microsoft
// Graph v1.0's package). A more that is not a slice adds nothing.
func In(f Field, v, more any) Cond {
	list := &List{Items: []Expr{Value(f.Type, v)}}
	if rv := reflect.ValueOf(more); rv.Kind() == reflect.Slice {
		for i := range rv.Len() {
			list.Items = append(list.Items, Value(f.Type, rv.Index(i).Interface()))
		}
	}
	return Cond{&Binary{Op: "in", L: f.path(), R: list}}
}

// Call returns "fn(path, 's')" for a string function ("startswith",
// "endswith", "contains").
func (f Field) Call(fn, s string) Cond {
	return Cond{&Call{Name: fn, Args: []Expr{f.path(), &Literal{Kind: LitString, Value: s}}}}
}

// IsNull returns "path eq null".
func (f Field) IsNull() Cond {
	return Cond{&Binary{Op: "eq", L: f.path(), R: &Literal{Kind: LitNull, Value: "null"}}}
}

// IsNotNull returns "path ne null".
func (f Field) IsNotNull() Cond {
	return Cond{&Binary{Op: "ne", L: f.path(), R: &Literal{Kind: LitNull, Value: "null"}}}
}

// AnyEq returns "path/any(x: x eq v)" for a collection of primitive or
// enumeration values.
func (f Field) AnyEq(v any) Cond {
	path := f.path()
	x := &Path{Segments: []Segment{{Kind: SegVar, Name: "x"}}}
	path.Segments = append(path.Segments, Segment{Kind: SegAny, Var: "x",
		Pred: &Binary{Op: "eq", L: x, R: Value(f.Type, v)}})
	return Cond{path}
}
