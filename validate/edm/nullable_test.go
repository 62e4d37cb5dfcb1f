package edm

import (
	"encoding/json"
	"reflect"
	"testing"
)

// nullableHolder is how generated structs use Nullable.
type nullableHolder struct {
	S Nullable[string]            `json:"s,omitzero"`
	I Nullable[int32]             `json:"i,omitzero"`
	L Nullable[[]string]          `json:"l,omitzero"`
	D Nullable[Date]              `json:"d,omitzero"`
	O Nullable[map[string]string] `json:"o,omitzero"`
}

func TestNullableStates(t *testing.T) {
	tests := []struct {
		name                  string
		n                     Nullable[int]
		wantValue             int
		wantOK, isNull, isSet bool
		isZero                bool
		wantOr                int
		wantPtrNil            bool
		wantJSON              string
	}{
		{name: "absent", n: Nullable[int]{}, wantOK: false, isNull: false, isSet: false, isZero: true, wantOr: 7, wantPtrNil: true, wantJSON: "null"},
		{name: "null", n: Null[int](), wantOK: false, isNull: true, isSet: true, isZero: false, wantOr: 7, wantPtrNil: true, wantJSON: "null"},
		{name: "value", n: Value(3), wantValue: 3, wantOK: true, isNull: false, isSet: true, isZero: false, wantOr: 3, wantJSON: "3"},
		{name: "zero value", n: Value(0), wantValue: 0, wantOK: true, isNull: false, isSet: true, isZero: false, wantOr: 0, wantJSON: "0"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v, ok := Get(tt.n)
			if v != tt.wantValue || ok != tt.wantOK {
				t.Errorf("Get() = %v, %v; want %v, %v", v, ok, tt.wantValue, tt.wantOK)
			}
			if got := IsNull(tt.n); got != tt.isNull {
				t.Errorf("IsNull() = %v", got)
			}
			if got := IsSet(tt.n); got != tt.isSet {
				t.Errorf("IsSet() = %v", got)
			}
			if got := reflect.ValueOf(tt.n).IsZero(); got != tt.isZero {
				t.Errorf("is the zero value: %v", got)
			}
			if got := Or(tt.n, 7); got != tt.wantOr {
				t.Errorf("Or(7) = %v, want %v", got, tt.wantOr)
			}
			p := Ptr(tt.n)
			if (p == nil) != tt.wantPtrNil {
				t.Errorf("Ptr() = %v, want nil: %v", p, tt.wantPtrNil)
			}
			if p != nil && *p != tt.wantValue {
				t.Errorf("*Ptr() = %v, want %v", *p, tt.wantValue)
			}
			b, err := json.Marshal(tt.n)
			if err != nil || string(b) != tt.wantJSON {
				t.Errorf("json.Marshal = %s, %v; want %s", b, err, tt.wantJSON)
			}
		})
	}
}

func TestNullablePtrIsACopy(t *testing.T) {
	n := Value([]int{1})
	p := Ptr(n)
	*p = nil
	if v, _ := Get(n); len(v) != 1 {
		t.Fatalf("writing through Ptr changed the Nullable: %v", v)
	}
}

// A Nullable is not comparable, so that no instantiation costs an equality
// function; reflect says so.
func TestNullableNotComparable(t *testing.T) {
	if reflect.TypeFor[Nullable[string]]().Comparable() {
		t.Fatal("Nullable[string] is comparable")
	}
}

// TestNullableInStruct checks the whole absent/null/value matrix through a
// struct with omitzero, both ways.
func TestNullableInStruct(t *testing.T) {
	d := Date{Year: 2024, Month: 2, Day: 29}
	tests := []struct {
		name string
		in   nullableHolder
		want string
	}{
		{name: "all absent", in: nullableHolder{}, want: `{}`},
		{name: "all null", in: nullableHolder{S: Null[string](), I: Null[int32](), L: Null[[]string](), D: Null[Date](), O: Null[map[string]string]()},
			want: `{"s":null,"i":null,"l":null,"d":null,"o":null}`},
		{name: "all values", in: nullableHolder{S: Value("x"), I: Value[int32](-4), L: Value([]string{"a"}), D: Value(d), O: Value(map[string]string{"k": "v"})},
			want: `{"s":"x","i":-4,"l":["a"],"d":"2024-02-29","o":{"k":"v"}}`},
		{name: "zero values", in: nullableHolder{S: Value(""), I: Value[int32](0), L: Value([]string{}), O: Value(map[string]string{})},
			want: `{"s":"","i":0,"l":[],"o":{}}`},
		{name: "mixed", in: nullableHolder{S: Value("x"), I: Null[int32]()},
			want: `{"s":"x","i":null}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b, err := json.Marshal(tt.in)
			if err != nil {
				t.Fatal(err)
			}
			if string(b) != tt.want {
				t.Fatalf("Marshal = %s, want %s", b, tt.want)
			}
			var back nullableHolder
			if err := json.Unmarshal(b, &back); err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(back, tt.in) {
				t.Fatalf("decoded %+v, want %+v", back, tt.in)
			}
		})
	}
}

func TestNullableUnmarshal(t *testing.T) {
	tests := []struct {
		in      string
		want    Nullable[int]
		wantErr bool
	}{
		{in: `null`, want: Null[int]()},
		{in: ` null `, want: Null[int]()},
		{in: `5`, want: Value(5)},
		{in: `0`, want: Value(0)},
		{in: `"5"`, wantErr: true},
		{in: `nul`, wantErr: true},
		{in: `[1]`, wantErr: true},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			n := Value(9)
			err := n.UnmarshalJSON([]byte(tt.in))
			if (err != nil) != tt.wantErr {
				t.Fatalf("err = %v, wantErr %v", err, tt.wantErr)
			}
			if !reflect.DeepEqual(n, tt.want) {
				t.Fatalf("got %+v, want %+v", n, tt.want)
			}
		})
	}
}

func TestNullableUnmarshalReplaces(t *testing.T) {
	// A value decodes into a fresh T: nothing of the old value survives.
	n := Value(map[string]int{"old": 1})
	if err := json.Unmarshal([]byte(`{"new":2}`), &n); err != nil {
		t.Fatal(err)
	}
	if v, _ := Get(n); !reflect.DeepEqual(v, map[string]int{"new": 2}) {
		t.Fatalf("got %v", v)
	}
}
