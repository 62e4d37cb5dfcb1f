package filter

import (
	"encoding/json"
	"fmt"
	"math"
	"reflect"
	"strconv"
	"strings"
	"time"
)

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
	case json.Number:
		if _, err := strconv.ParseInt(string(v), 10, 64); err == nil {
			return canonical(LitInt, string(v))
		}
		return canonical(LitDecimal, string(v))
	case float32:
		return floatLiteral(float64(v), 32)
	case float64:
		return floatLiteral(v, 64)
	case fmt.Stringer:
		// edm.Date, edm.TimeOfDay and edm.Duration print as their literals
		// (json.Number and time.Time, Stringers too, are matched above).
		// They are known by the property's type rather than by their Go
		// types, so that this package does not import edm and compiles
		// beside it, not after it: it is on the build path of every
		// generated package.
		switch typ {
		case "Edm.Date":
			return canonical(LitDate, v.String())
		case "Edm.TimeOfDay":
			return canonical(LitTimeOfDay, v.String())
		case "Edm.Duration":
			return &Literal{Kind: LitDuration, Value: v.String()}
		}
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
