package filter

// Prop is a property of a typed $filter builder: its path from the
// builder's type ("enableConnection") and its qualified type, an Edm type
// ("Edm.Boolean") or an enumeration type ("microsoft.graph.status"; type
// definitions as their underlying Edm type). T is the Go type of its
// values and Ops its operator set: a struct type that embeds one operator
// mark (EqOp, NeOp, GtOp, GeOp, LtOp, LeOp, InOp, HasOp, StartsWithOp,
// EndsWithOp, ContainsOp, NullOp, AnyEqOp) for each operator the property
// supports. The operator functions (Eq, Ne, Gt, Ge, Lt, Le, In, Has,
// StartsWith, EndsWith, Contains, IsNull, IsNotNull, AnyEq) take only a Prop
// whose Ops has their mark, so an unsupported filter does not compile:
//
//	type eqNe struct {
//		filter.EqOp
//		filter.NeOp
//	}
//
//	var Partner = struct {
//		EnableConnection filter.Prop[bool, eqNe]
//	}{
//		EnableConnection: filter.Prop[bool, eqNe]{Path: "enableConnection", Type: "Edm.Boolean"},
//	}
//
//	filter.Eq(Partner.EnableConnection, true) // enableConnection eq true
//	filter.Gt(Partner.EnableConnection, true) // does not compile: eqNe does not satisfy filter.SupportsGt
//
// Generated packages declare their builders so, with a variable of static
// data per type and one operator set per combination of operators that
// their properties use. Prop has no methods, on purpose: a method of a
// generic type is compiled once for each of its instantiations (a whole
// service has a thousand: one per value type and operator set, an
// enumeration each), while a generic function is compiled only where a
// program calls it. And Prop is not comparable (the blank [0]func()
// field): a comparable struct type gets a compiled equality function, and
// so would every builder variable's struct type.
//
// The zero-size fields value and ops hold T and Ops for reflection
// (validate/validatetest reads a builder's operators from them).
type Prop[T any, Ops any] struct {
	_          [0]func()
	value      [0]T
	ops        [0]Ops
	Path, Type string
}

// field is p as a Field. It is a function and not a method: a method of
// Prop, even an unexported one, would be compiled with every instantiation.
func field[T, O any](p Prop[T, O]) Field { return Field{Path: p.Path, Type: p.Type} }

// The operator marks: an operator set embeds the mark of each operator it
// has. Their methods are unexported, so only these types give a set an
// operator.
type (
	// EqOp marks eq (Eq).
	EqOp struct{}
	// NeOp marks ne (Ne).
	NeOp struct{}
	// GtOp marks gt (Gt).
	GtOp struct{}
	// GeOp marks ge (Ge).
	GeOp struct{}
	// LtOp marks lt (Lt).
	LtOp struct{}
	// LeOp marks le (Le).
	LeOp struct{}
	// InOp marks in (In).
	InOp struct{}
	// HasOp marks has, on a flags enumeration (Has).
	HasOp struct{}
	// StartsWithOp marks startswith, on a string (StartsWith).
	StartsWithOp struct{}
	// EndsWithOp marks endswith, on a string (EndsWith).
	EndsWithOp struct{}
	// ContainsOp marks contains, on a string (Contains).
	ContainsOp struct{}
	// NullOp marks the comparisons with null (IsNull, IsNotNull).
	NullOp struct{}
	// AnyEqOp marks any with eq over a collection of primitive or
	// enumeration values (AnyEq); the property supports both.
	AnyEqOp struct{}
)

func (EqOp) eq()                 {}
func (NeOp) ne()                 {}
func (GtOp) gt()                 {}
func (GeOp) ge()                 {}
func (LtOp) lt()                 {}
func (LeOp) le()                 {}
func (InOp) in()                 {}
func (HasOp) has()               {}
func (StartsWithOp) startsWith() {}
func (EndsWithOp) endsWith()     {}
func (ContainsOp) contains()     {}
func (NullOp) null()             {}
func (AnyEqOp) anyEq()           {}

// The constraints of the operator functions: an operator set satisfies
// SupportsEq when it embeds EqOp, and so on.
type (
	SupportsEq         interface{ eq() }
	SupportsNe         interface{ ne() }
	SupportsGt         interface{ gt() }
	SupportsGe         interface{ ge() }
	SupportsLt         interface{ lt() }
	SupportsLe         interface{ le() }
	SupportsIn         interface{ in() }
	SupportsHas        interface{ has() }
	SupportsStartsWith interface{ startsWith() }
	SupportsEndsWith   interface{ endsWith() }
	SupportsContains   interface{ contains() }
	SupportsNull       interface{ null() }
	SupportsAnyEq      interface{ anyEq() }
)

// Eq returns "p eq v".
func Eq[T any, O SupportsEq](p Prop[T, O], v T) Cond { return field(p).Compare("eq", v) }

// Ne returns "p ne v".
func Ne[T any, O SupportsNe](p Prop[T, O], v T) Cond { return field(p).Compare("ne", v) }

// Gt returns "p gt v".
func Gt[T any, O SupportsGt](p Prop[T, O], v T) Cond { return field(p).Compare("gt", v) }

// Ge returns "p ge v".
func Ge[T any, O SupportsGe](p Prop[T, O], v T) Cond { return field(p).Compare("ge", v) }

// Lt returns "p lt v".
func Lt[T any, O SupportsLt](p Prop[T, O], v T) Cond { return field(p).Compare("lt", v) }

// Le returns "p le v".
func Le[T any, O SupportsLe](p Prop[T, O], v T) Cond { return field(p).Compare("le", v) }

// Has returns "p has v".
func Has[T any, O SupportsHas](p Prop[T, O], v T) Cond { return field(p).Compare("has", v) }

// In returns "p in (v, more...)".
func In[T any, O SupportsIn](p Prop[T, O], v T, more ...T) Cond { return in(field(p), v, more) }

// StartsWith returns "startswith(p, s)".
func StartsWith[O SupportsStartsWith](p Prop[string, O], s string) Cond {
	return field(p).Call("startswith", s)
}

// EndsWith returns "endswith(p, s)".
func EndsWith[O SupportsEndsWith](p Prop[string, O], s string) Cond {
	return field(p).Call("endswith", s)
}

// Contains returns "contains(p, s)".
func Contains[O SupportsContains](p Prop[string, O], s string) Cond {
	return field(p).Call("contains", s)
}

// IsNull returns "p eq null".
func IsNull[T any, O SupportsNull](p Prop[T, O]) Cond { return field(p).IsNull() }

// IsNotNull returns "p ne null".
func IsNotNull[T any, O SupportsNull](p Prop[T, O]) Cond { return field(p).IsNotNull() }

// AnyEq returns "p/any(x: x eq v)" for a collection property p.
func AnyEq[T any, O SupportsAnyEq](p Prop[T, O], v T) Cond { return field(p).AnyEq(v) }
