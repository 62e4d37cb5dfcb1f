package filter

import "strings"

// Field is a property named at run time, for conditions that a typed
// builder (Prop) does not cover or that a program composes from data: its
// path ("enableConnection", "address/city") and its qualified type, an Edm
// type ("Edm.Boolean") or an enumeration type ("microsoft.graph.status";
// type definitions as their underlying Edm type). Nothing checks at compile
// time that the property supports the operator: Check does, on the built
// condition. The operator functions of Prop build their conditions with
// it. It is not comparable, like Prop.
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

// In returns "path in (v, more...)".
func (f Field) In(v any, more ...any) Cond { return in(f, v, more) }

// in is "f in (v, more...)", for Field.In and the typed In alike.
func in[T any](f Field, v T, more []T) Cond {
	list := &List{Items: []Expr{Value(f.Type, v)}}
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
