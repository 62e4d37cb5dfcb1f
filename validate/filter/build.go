package filter

import (
	"encoding/json"
	"fmt"
	"math"
	"reflect"
	"strconv"
	"strings"
	"time"

	"github.com/odatagen/odatagen/validate/edm"
)

// This file holds generic operator types for typed filter builders written
// by hand: a builder field's type embeds one of them for every operator the
// property supports, so that an unsupported operator is not a method and
// does not compile:
//
//	var Partner struct {
//		EnableConnection struct{ filter.EqOp[bool, partnerEnableConnection] }
//	}
//	Partner.EnableConnection.Eq(true) // enableConnection eq true
//	Partner.EnableConnection.Ne(true) // compile error: no method Ne
//
// The property is named by a type parameter P, a zero-size type whose
// ODataProperty method gives the property's path and type, so builder
// fields need no initialisation and cost no memory. Generated packages do
// not use them: a type and generic instantiations per property are too
// much to compile for a whole service, so odatagen emits shared operator
// types over Field instead (field.go). Both build their conditions with
// Field's methods.
//
// The builder covers comparisons, in, has, the string functions, null
// comparisons and any with eq over a primitive collection. Paths through
// complex or navigation properties, not, and $count are not built: write
// those by hand and check them with Check.

// Prop names a property for the generic operator types. Generated code
// implements it on zero-size types.
type Prop interface {
	// ODataProperty returns the property's path ("enableConnection") and
	// its qualified type: an Edm type ("Edm.Boolean"), or an enumeration
	// type ("microsoft.graph.status"). Type definitions are given as their
	// underlying Edm type.
	ODataProperty() (path, typ string)
}

// Cond is a Boolean $filter condition built by a typed builder. The zero
// Cond is "no condition": And and Or skip it, and String returns "".
type Cond struct{ e Expr }

// Expr returns the condition's syntax tree, nil for the zero Cond.
func (c Cond) Expr() Expr { return c.e }

// String returns the condition as $filter text, in canonical form.
func (c Cond) String() string {
	if c.e == nil {
		return ""
	}
	return Print(c.e)
}

// And joins conditions with and, skipping zero ones.
func And(conds ...Cond) Cond { return join("and", conds) }

// Or joins conditions with or, skipping zero ones.
func Or(conds ...Cond) Cond { return join("or", conds) }

func join(op string, conds []Cond) Cond {
	var e Expr
	for _, c := range conds {
		switch {
		case c.e == nil:
		case e == nil:
			e = c.e
		default:
			e = &Binary{Op: op, L: e, R: c.e}
		}
	}
	return Cond{e}
}

// propField is the Field that property type P names.
func propField[P Prop]() Field {
	var p P
	path, typ := p.ODataProperty()
	return Field{Path: path, Type: typ}
}

func compare[T any, P Prop](op string, v T) Cond { return propField[P]().Compare(op, v) }

// EqOp is the eq operator on property P, whose values are T.
type EqOp[T any, P Prop] struct{}

// Eq returns "p eq v".
func (EqOp[T, P]) Eq(v T) Cond { return compare[T, P]("eq", v) }

// NeOp is the ne operator.
type NeOp[T any, P Prop] struct{}

// Ne returns "p ne v".
func (NeOp[T, P]) Ne(v T) Cond { return compare[T, P]("ne", v) }

// GtOp is the gt operator.
type GtOp[T any, P Prop] struct{}

// Gt returns "p gt v".
func (GtOp[T, P]) Gt(v T) Cond { return compare[T, P]("gt", v) }

// GeOp is the ge operator.
type GeOp[T any, P Prop] struct{}

// Ge returns "p ge v".
func (GeOp[T, P]) Ge(v T) Cond { return compare[T, P]("ge", v) }

// LtOp is the lt operator.
type LtOp[T any, P Prop] struct{}

// Lt returns "p lt v".
func (LtOp[T, P]) Lt(v T) Cond { return compare[T, P]("lt", v) }

// LeOp is the le operator.
type LeOp[T any, P Prop] struct{}

// Le returns "p le v".
func (LeOp[T, P]) Le(v T) Cond { return compare[T, P]("le", v) }

// HasOp is the has operator on a flags enumeration.
type HasOp[T any, P Prop] struct{}

// Has returns "p has v".
func (HasOp[T, P]) Has(v T) Cond { return compare[T, P]("has", v) }

// InOp is the in operator.
type InOp[T any, P Prop] struct{}

// In returns "p in (v, more...)".
func (InOp[T, P]) In(v T, more ...T) Cond { return In(propField[P](), v, more) }

func call[P Prop](name, s string) Cond { return propField[P]().Call(name, s) }

// StartsWithOp is the startswith function on a string property.
type StartsWithOp[P Prop] struct{}

// StartsWith returns "startswith(p, s)".
func (StartsWithOp[P]) StartsWith(s string) Cond { return call[P]("startswith", s) }

// EndsWithOp is the endswith function on a string property.
type EndsWithOp[P Prop] struct{}

// EndsWith returns "endswith(p, s)".
func (EndsWithOp[P]) EndsWith(s string) Cond { return call[P]("endswith", s) }

// ContainsOp is the contains function on a string property.
type ContainsOp[P Prop] struct{}

// Contains returns "contains(p, s)".
func (ContainsOp[P]) Contains(s string) Cond { return call[P]("contains", s) }

// NullOp is the comparison of a property with null.
type NullOp[P Prop] struct{}

// IsNull returns "p eq null".
func (NullOp[P]) IsNull() Cond { return propField[P]().IsNull() }

// IsNotNull returns "p ne null".
func (NullOp[P]) IsNotNull() Cond { return propField[P]().IsNotNull() }

// AnyEqOp is any with eq over a collection of primitive or enumeration
// values; the property must support both any and eq.
type AnyEqOp[T any, P Prop] struct{}

// AnyEq returns "p/any(x: x eq v)".
func (AnyEqOp[T, P]) AnyEq(v T) Cond { return propField[P]().AnyEq(v) }

// Value returns the literal for the Go value v of a property of type typ
// (an Edm type or a qualified enumeration type), in the form Print writes:
// a Guid property's string is a GUID literal, an enumeration's value is a
// qualified enum literal, a time.Time a DateTimeOffset.
func Value(typ string, v any) *Literal {
	if !strings.HasPrefix(typ, "Edm.") {
		return &Literal{Kind: LitEnum, Type: typ, Value: fmt.Sprint(v)}
	}
	switch v := v.(type) {
	case bool:
		return &Literal{Kind: LitBoolean, Value: strconv.FormatBool(v)}
	case string:
		if typ == "Edm.Guid" {
			return canonical(LitGuid, v)
		}
		return &Literal{Kind: LitString, Value: v}
	case time.Time:
		return canonical(LitDateTimeOffset, v.Format(time.RFC3339Nano))
	case edm.Date:
		return canonical(LitDate, v.String())
	case edm.TimeOfDay:
		return canonical(LitTimeOfDay, v.String())
	case edm.Duration:
		return &Literal{Kind: LitDuration, Value: v.String()}
	case json.Number:
		if _, err := strconv.ParseInt(string(v), 10, 64); err == nil {
			return canonical(LitInt, string(v))
		}
		return canonical(LitDecimal, string(v))
	case float32:
		return floatLiteral(float64(v), 32)
	case float64:
		return floatLiteral(v, 64)
	}
	rv := reflect.ValueOf(v)
	switch rv.Kind() {
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return &Literal{Kind: LitInt, Value: strconv.FormatInt(rv.Int(), 10)}
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return &Literal{Kind: LitInt, Value: strconv.FormatUint(rv.Uint(), 10)}
	case reflect.String:
		return &Literal{Kind: LitString, Value: rv.String()}
	}
	return &Literal{Kind: LitString, Value: fmt.Sprint(v)}
}

func floatLiteral(f float64, bits int) *Literal {
	switch {
	case math.IsNaN(f):
		return &Literal{Kind: LitDouble, Value: "NaN"}
	case math.IsInf(f, 1):
		return &Literal{Kind: LitDouble, Value: "INF"}
	case math.IsInf(f, -1):
		return &Literal{Kind: LitDouble, Value: "-INF"}
	}
	return canonical(LitDouble, strconv.FormatFloat(f, 'e', -1, bits))
}

// canonical returns the literal the parser makes of text, so that a built
// expression equals the parse of its printed form; text is the literal's
// $filter spelling, of the given kind.
//
// A Go value that is no valid literal of its kind (a string that is no
// GUID, a json.Number that is no number, an invalid edm.Date) becomes a
// string literal: the expression still parses, and the checker reports the
// type mismatch instead of the builder writing broken text.
func canonical(kind LitKind, text string) *Literal {
	if e, err := Parse(text); err == nil {
		if l, ok := e.(*Literal); ok && l.Kind == kind {
			return l
		}
	}
	return &Literal{Kind: LitString, Value: text}
}

// NewModel makes a Model from lists, the form generated packages write:
// slices of plain values compile to static data, where a map literal would
// be built by init code. Later entries with a name already seen are
// ignored; typeDefs may be nil.
func NewModel(types []*Type, enums []*Enum, typeDefs map[string]string) *Model {
	m := &Model{
		Types:    make(map[string]*Type, len(types)),
		Enums:    make(map[string]*Enum, len(enums)),
		TypeDefs: typeDefs,
	}
	for _, t := range types {
		if _, ok := m.Types[t.Name]; !ok {
			m.Types[t.Name] = t
		}
	}
	for _, e := range enums {
		if _, ok := m.Enums[e.Name]; !ok {
			m.Enums[e.Name] = e
		}
	}
	if m.TypeDefs == nil {
		m.TypeDefs = map[string]string{}
	}
	return m
}
