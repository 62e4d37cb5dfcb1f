package filter

import "strings"

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
//	func (p filter_bool_EqNe) Eq(v bool) filter.Cond { return filter.Field(p).Compare("eq", v) }
//	func (p filter_bool_EqNe) Ne(v bool) filter.Cond { return filter.Field(p).Compare("ne", v) }
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
type Field struct{ Path, Type string }

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
// with its arguments. It is generic so that a list needs no conversion to
// []any; its instantiations are one per GC shape (all string-based enums
// share one), not one per property.
func In[T any](f Field, v T, more []T) Cond {
	list := &List{Items: make([]Expr, 0, 1+len(more))}
	list.Items = append(list.Items, Value(f.Type, v))
	for _, m := range more {
		list.Items = append(list.Items, Value(f.Type, m))
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
