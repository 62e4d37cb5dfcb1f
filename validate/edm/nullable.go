package edm

import (
	"bytes"
	"encoding/json"
)

// nullableState is the state of a Nullable. The zero state is absent so that
// the zero Nullable is absent.
type nullableState uint8

const (
	stateAbsent nullableState = iota
	stateNull
	stateValue
)

// Nullable holds the value of a nullable OData property. It has three states:
//
//   - absent: the zero value; the member is not in the payload. With the
//     `json:",omitzero"` option the member is left out when marshalling, which
//     is what a PATCH body that does not touch the property needs.
//   - null: made by [Null]; marshals as JSON null, which is how a client
//     clears a property.
//   - value: made by [Value]; marshals as the value's JSON.
//
// A Nullable is not comparable with ==: compare what [Get] returns. A
// comparable struct type gets a compiled equality function, one per
// instantiation, which a whole service would pay for a thousand times; the
// blank [0]func() field (protobuf-go's DoNotCompare) prevents it, at the
// price of pointer alignment: a Nullable[bool] takes 8 bytes, not 2.
//
// Its only methods are MarshalJSON and UnmarshalJSON, which encoding/json
// needs; it is read with the functions [Get], [IsNull], [IsSet], [Or] and
// [Ptr]. The reason is build cost: every method of a generic type is
// compiled once per instantiation, a value-receiver one twice (the method
// and its pointer wrapper), whether a program calls it or not, and a whole
// service instantiates Nullable for each of its enums and nullable complex
// types (Microsoft Graph v1.0: 943); a generic function is compiled only
// for the types it is called with. MarshalJSON has a value receiver, so
// that encoding/json gets it right for values it cannot address.
//
// There is no IsZero method, and `omitzero` needs none: an absent Nullable
// is the zero value, which encoding/json leaves out by itself (every way
// of making one, and every decode, keeps the value zero unless it holds
// one).
type Nullable[T any] struct {
	_     [0]func()
	v     T
	state nullableState
}

// Value returns a Nullable that holds v.
func Value[T any](v T) Nullable[T] {
	return Nullable[T]{v: v, state: stateValue}
}

// Null returns a Nullable in the null state: it marshals as JSON null.
func Null[T any]() Nullable[T] {
	return Nullable[T]{state: stateNull}
}

// MarshalJSON returns the JSON form of the value, or null when n is null.
// An absent Nullable that is marshalled anyway (a field without omitzero)
// also gives null: JSON has no way to spell "absent" in place.
func (n Nullable[T]) MarshalJSON() ([]byte, error) {
	if n.state != stateValue {
		return []byte("null"), nil
	}
	return json.Marshal(n.v)
}

// UnmarshalJSON sets n to null for the JSON literal null, and otherwise
// decodes the value into a zero T (nothing of a previous value is kept) and
// sets n to hold it. On error n is absent.
func (n *Nullable[T]) UnmarshalJSON(data []byte) error {
	if string(bytes.TrimSpace(data)) == "null" {
		*n = Null[T]()
		return nil
	}
	// Decode in place: a temporary T would cost an allocation per field.
	*n = Nullable[T]{}
	if err := json.Unmarshal(data, &n.v); err != nil {
		*n = Nullable[T]{}
		return err
	}
	n.state = stateValue
	return nil
}

// Get returns the value and true when n holds a value, and the zero T and
// false when n is null or absent. It is a function, not a method, so that
// only the instantiations a program calls are compiled (see Nullable).
func Get[T any](n Nullable[T]) (T, bool) {
	return n.v, n.state == stateValue
}

// IsNull reports whether n is in the null state (an explicit JSON null). It
// is a function for the reason Get is.
func IsNull[T any](n Nullable[T]) bool { return n.state == stateNull }

// IsSet reports whether n is null or holds a value, that is whether the
// member is present in the payload. It is a function for the reason Get is.
func IsSet[T any](n Nullable[T]) bool { return n.state != stateAbsent }

// Or returns the value n holds, or def when n is null or absent. It is a
// function for the reason Get is.
func Or[T any](n Nullable[T], def T) T {
	if n.state == stateValue {
		return n.v
	}
	return def
}

// Ptr returns a pointer to a copy of the value n holds, or nil when n is
// null or absent. It is a function for the reason Or is.
func Ptr[T any](n Nullable[T]) *T {
	if n.state != stateValue {
		return nil
	}
	return &n.v
}
