package edm

import (
	"encoding/json"
	"fmt"
	"reflect"
	"strings"
	"testing"
)

// The polymorphic types of the tests, declared as generated code declares
// them: a sealed interface, pointer-receiver codec methods, a static table.

type dcAnimal interface{ isDCAnimal() }

type dcBase struct {
	ID      *string                    `json:"id,omitempty"`
	Friend  dcAnimal                   `json:"friend,omitempty"`
	Friends []dcAnimal                 `json:"friends,omitzero"`
	Extra   map[string]json.RawMessage `json:"-" odata:"extra"`
}

type dcCat struct {
	ID      *string                    `json:"id,omitempty"`
	Friend  dcAnimal                   `json:"friend,omitempty"`
	Friends []dcAnimal                 `json:"friends,omitzero"`
	Lives   Nullable[int32]            `json:"lives,omitzero"`
	Extra   map[string]json.RawMessage `json:"-" odata:"extra"`
}

type dcDog struct {
	ID      *string                    `json:"id,omitempty"`
	Friend  dcAnimal                   `json:"friend,omitempty"`
	Friends []dcAnimal                 `json:"friends,omitzero"`
	Good    Nullable[bool]             `json:"good,omitzero"`
	Leaf    Nullable[*dcLeaf]          `json:"leaf,omitzero"`
	Extra   map[string]json.RawMessage `json:"-" odata:"extra"`
}

func (x *dcBase) MarshalJSON() ([]byte, error)   { return MarshalStruct(x, x.Extra) }
func (x *dcBase) UnmarshalJSON(b []byte) error   { return UnmarshalStruct(b, x, &x.Extra) }
func (x *dcCat) MarshalJSON() ([]byte, error)    { return MarshalStruct(x, x.Extra) }
func (x *dcCat) UnmarshalJSON(b []byte) error    { return UnmarshalStruct(b, x, &x.Extra) }
func (x *dcDog) MarshalJSON() ([]byte, error)    { return MarshalStruct(x, x.Extra) }
func (x *dcDog) UnmarshalJSON(b []byte) error    { return UnmarshalStruct(b, x, &x.Extra) }
func (*dcBase) isDCAnimal()                      {}
func (*dcCat) isDCAnimal()                       {}
func (*dcDog) isDCAnimal()                       {}
func (x *dcZoo) UnmarshalJSON(b []byte) error    { return UnmarshalStruct(b, x, &x.Extra) }
func (x *dcZoo) MarshalJSON() ([]byte, error)    { return MarshalStruct(x, x.Extra) }
func (x *dcUnreg) UnmarshalJSON(b []byte) error  { return UnmarshalStruct(b, x, &x.Extra) }
func (x *dcNested) UnmarshalJSON(b []byte) error { return UnmarshalStruct(b, x, &x.Extra) }

// dcZoo holds polymorphic fields beside plain ones.
type dcZoo struct {
	Name    Nullable[string]           `json:"name,omitzero"`
	Star    dcAnimal                   `json:"star,omitempty"`
	Animals []dcAnimal                 `json:"animals,omitzero"`
	Nested  *dcNested                  `json:"nested,omitempty"`
	Extra   map[string]json.RawMessage `json:"-" odata:"extra"`
}

// dcNested is a plain struct (no interface of its own) that holds a
// polymorphic field: the fast path decodes it in place.
type dcNested struct {
	Pet   dcAnimal                   `json:"pet,omitempty"`
	Extra map[string]json.RawMessage `json:"-" odata:"extra"`
}

// dcUnregistered is an interface that no table registers.
type dcUnregistered interface{ isUnregistered() }

type dcUnreg struct {
	U     dcUnregistered             `json:"u,omitempty"`
	Extra map[string]json.RawMessage `json:"-" odata:"extra"`
}

var dcPolymorphic = []Polymorphic{{
	Interface: (*dcAnimal)(nil),
	Base:      (*dcBase)(nil),
	Derived: []DerivedType{
		{Name: "x.cat", Type: (*dcCat)(nil)},
		{Name: "x.dog", Type: (*dcDog)(nil)},
	},
}}

func init() { RegisterPolymorphic(dcPolymorphic) }

// bothPaths runs f with the fast path on and with the reference path only.
func bothPaths(t *testing.T, f func(t *testing.T)) {
	t.Run("fast", f)
	t.Run("slow", func(t *testing.T) {
		slowOnly.Store(true)
		defer slowOnly.Store(false)
		f(t)
	})
}

func typesOf(vs []dcAnimal) string {
	var s []string
	for _, v := range vs {
		s = append(s, fmt.Sprintf("%T", v))
	}
	return strings.Join(s, " ")
}

func TestPolymorphicFields(t *testing.T) {
	bothPaths(t, func(t *testing.T) {
		data := `{"name":"z",
		  "star": {"@odata.type":"#x.dog","id":"d","good":true,"leaf":{"name":"l"},
		           "friend":{"@odata.type":"x.cat","lives":7,"friends":[{"@odata.type":"#x.dog"},null]}},
		  "animals": [
		    {"@odata.type":"#x.cat","id":"c","lives":9},
		    {"id":"b"},
		    {"@odata.type":"#x.unicorn","horns":1},
		    {"id":"late","@odata.type":"x.dog"},
		    {"@odata.type":"#x.cat","@odata.type":"#x.dog"},
		    {"@odata.type":5},
		    {"\u0040odata.type":"#x.cat"},
		    null
		  ],
		  "nested": {"pet": {"@odata.type":"#x.cat","lives":1}},
		  "@odata.etag":"e"}`
		var z dcZoo
		if err := json.Unmarshal([]byte(data), &z); err != nil {
			t.Fatal(err)
		}
		d, ok := z.Star.(*dcDog)
		if !ok || *d.ID != "d" || !Or(d.Good, false) || Or(d.Leaf, nil) == nil || Or(Or(d.Leaf, nil).Name, "") != "l" {
			t.Fatalf("star = %#v, want a *dcDog", z.Star)
		}
		c, ok := d.Friend.(*dcCat)
		if !ok || Or(c.Lives, 0) != 7 {
			t.Fatalf("star.friend = %#v, want a *dcCat by a name without #", d.Friend)
		}
		if got := typesOf(c.Friends); got != "*edm.dcDog <nil>" {
			t.Errorf("star.friend.friends: %s", got)
		}
		want := "*edm.dcCat *edm.dcBase *edm.dcBase *edm.dcDog *edm.dcDog *edm.dcBase *edm.dcCat <nil>"
		if got := typesOf(z.Animals); got != want {
			t.Errorf("animals:\n got %s\nwant %s", got, want)
		}
		if u := z.Animals[2].(*dcBase); string(u.Extra["horns"]) != "1" || string(u.Extra["@odata.type"]) != `"#x.unicorn"` {
			t.Errorf("an unknown @odata.type: Extra %s", u.Extra)
		}
		if dup := z.Animals[4].(*dcDog); string(dup.Extra["@odata.type"]) != `"#x.dog"` {
			t.Errorf("two @odata.type members: Extra %s, want the last", dup.Extra)
		}
		if p, ok := z.Nested.Pet.(*dcCat); !ok || Or(p.Lives, 0) != 1 {
			t.Errorf("nested.pet = %#v", z.Nested.Pet)
		}
		if string(z.Extra["@odata.etag"]) != `"e"` || Or(z.Name, "") != "z" {
			t.Errorf("zoo: %+v", z)
		}

		// Round trip: MarshalJSON writes each value's own JSON, with the
		// @odata.type it came with.
		out, err := json.Marshal(&z)
		if err != nil {
			t.Fatal(err)
		}
		var again dcZoo
		if err := json.Unmarshal(out, &again); err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(again, z) {
			t.Errorf("round trip through %s changed the value", out)
		}
	})
}

func TestPolymorphicNullAbsentEmpty(t *testing.T) {
	bothPaths(t, func(t *testing.T) {
		z := dcZoo{Star: &dcCat{}, Animals: []dcAnimal{&dcDog{}}}
		if err := json.Unmarshal([]byte(`{"name":"n"}`), &z); err != nil {
			t.Fatal(err)
		}
		if z.Star == nil || z.Animals == nil {
			t.Error("absent members changed their fields")
		}
		if err := json.Unmarshal([]byte(`{"star":null,"animals":null}`), &z); err != nil {
			t.Fatal(err)
		}
		if z.Star != nil || z.Animals != nil {
			t.Errorf("null: star %v, animals %v", z.Star, z.Animals)
		}
		if err := json.Unmarshal([]byte(`{"animals":[]}`), &z); err != nil {
			t.Fatal(err)
		}
		if z.Animals == nil || len(z.Animals) != 0 {
			t.Errorf("[]: animals %#v", z.Animals)
		}
		// A decoded slice is a new one: the old backing array is not
		// written.
		old := []dcAnimal{&dcDog{}, &dcDog{}}
		z.Animals = old
		if err := json.Unmarshal([]byte(`{"animals":[{"@odata.type":"#x.cat"}]}`), &z); err != nil {
			t.Fatal(err)
		}
		if _, ok := old[0].(*dcDog); !ok || len(z.Animals) != 1 {
			t.Errorf("old backing array written: %s", typesOf(old))
		}
	})
}

func TestPolymorphicErrors(t *testing.T) {
	bothPaths(t, func(t *testing.T) {
		for _, tc := range []struct{ body, want string }{
			{`{"animals":[{"id":"a"},{"id":5}]}`, "animals: element 1: json: cannot unmarshal number into Go struct field"},
			{`{"star":{"@odata.type":"#x.cat","lives":"many"}}`, "star: json: cannot unmarshal string into Go struct field"},
			{`{"star":{"@odata.type":"#x.dog","friend":{"@odata.type":"#x.cat","lives":"x"}}}`, "star: friend: json: cannot unmarshal string"},
			{`{"star":{"@odata.type":"#x.dog","friends":[{},{},{"@odata.type":"#x.cat","lives":true}]}}`, "star: friends: element 2: json: cannot unmarshal bool"},
			{`{"nested":{"pet":[1]}}`, "pet: json: cannot unmarshal array into Go value of type struct"},
			{`{"star":[1]}`, "star: json: cannot unmarshal array into Go value of type struct"},
			{`{"star":"cat"}`, "star: json: cannot unmarshal string into Go value of type struct"},
			{`{"animals":{}}`, "animals: json: cannot unmarshal object into Go value of type []edm.dcAnimal"},
			{`{"animals":"x"}`, "animals: json: cannot unmarshal string into Go value of type []edm.dcAnimal"},
			{`{"animals":[1]}`, "animals: element 0: json: cannot unmarshal number into Go value of type struct"},
			// The other fields first, then the polymorphic ones.
			{`{"star":[1],"name":5}`, "json: cannot unmarshal number into Go struct field .name of type string"},
			{`{"star":{}`, "unexpected end of JSON input"},
		} {
			var z dcZoo
			err := json.Unmarshal([]byte(tc.body), &z)
			if err == nil || !strings.HasPrefix(err.Error(), tc.want) {
				t.Errorf("%s: error\n%v\nwant it to start with\n%s", tc.body, err, tc.want)
			}
			if err2 := Unmarshal([]byte(tc.body), &z); fmt.Sprint(err2) != fmt.Sprint(err) {
				t.Errorf("%s: Unmarshal: %v, json.Unmarshal: %v", tc.body, err2, err)
			}
		}
	})
}

func TestUnmarshalPolymorphic(t *testing.T) {
	bothPaths(t, func(t *testing.T) {
		for _, tc := range []struct{ in, want string }{
			{`{"@odata.type":"#x.dog","id":"d"}`, "*edm.dcDog"},
			{`{"@odata.type":"x.cat"}`, "*edm.dcCat"},
			{` {"id":"x"} `, "*edm.dcBase"},
			{`{"@odata.type":"#x.base"}`, "*edm.dcBase"},
			{`{"@odata.type":"##x.cat"}`, "*edm.dcBase"},
			{` null `, "<nil>"},
		} {
			v, err := UnmarshalPolymorphic([]byte(tc.in), (*dcAnimal)(nil))
			if got := fmt.Sprintf("%T", v); got != tc.want || err != nil {
				t.Errorf("%s: %s, %v; want %s", tc.in, got, err, tc.want)
			}
		}
		for _, in := range []string{`"cat"`, `{`, `{"@odata.type":"#x.cat"}x`, `[{}]`, `{"@odata.type":"#x.cat","lives":"x"}`, ``} {
			if v, err := UnmarshalPolymorphic([]byte(in), (*dcAnimal)(nil)); err == nil || v != nil {
				t.Errorf("%q: %v, %v; want nil and an error", in, v, err)
			}
		}
		if _, err := UnmarshalPolymorphic([]byte(`{}`), (*dcUnregistered)(nil)); err == nil || !strings.Contains(err.Error(), "not a pointer to a registered interface") {
			t.Errorf("unregistered: %v", err)
		}
	})
	// No allocation but the struct's own: as many as decoding into a
	// struct variable (which escapes) takes.
	data := []byte(`{"@odata.type":"#x.cat","lives":3,"x":1}`)
	allocs := testing.AllocsPerRun(100, func() {
		if _, err := UnmarshalPolymorphic(data, (*dcAnimal)(nil)); err != nil {
			t.Fatal(err)
		}
	})
	plain := testing.AllocsPerRun(100, func() {
		var c dcCat
		if err := Unmarshal(data, &c); err != nil {
			t.Fatal(err)
		}
	})
	if allocs > plain {
		t.Errorf("%v allocations, want at most %v (decoding a dcCat)", allocs, plain)
	}
}

func TestPolymorphicFastPath(t *testing.T) {
	c := valueCodec(reflect.TypeFor[dcZoo]())
	if c == nil || c.kind != kObject {
		t.Fatalf("dcZoo codec = %+v, want an object", c)
	}
	kinds := map[string]codecKind{}
	for _, f := range c.fields {
		kinds[f.name] = f.c.kind
	}
	if kinds["star"] != kPoly || kinds["animals"] != kSlice || kinds["nested"] != kPtr {
		t.Errorf("field kinds %v", kinds)
	}
	if c := valueCodec(reflect.TypeFor[dcUnreg]()); c.kind != kUnmarshaler {
		t.Errorf("a struct with an unregistered interface field: kind %d, want kUnmarshaler", c.kind)
	}
	if c := valueCodec(reflect.TypeFor[dcAnimal]()); c != nil {
		t.Errorf("a registered interface on its own has codec %+v; Unmarshal leaves it to encoding/json", c)
	}
	// No allocation but the values', with @odata.type first or not: as
	// many as decoding the structs as variables, and the slice.
	cat, dog := `{"@odata.type":"#x.cat","lives":3}`, `{"good":true,"@odata.type":"#x.dog"}`
	data := []byte(`{"star":` + cat + `,"animals":[` + dog + `]}`)
	catData, dogData := []byte(cat), []byte(dog)
	allocs := testing.AllocsPerRun(100, func() {
		var z dcZoo
		if err := Unmarshal(data, &z); err != nil {
			t.Fatal(err)
		}
	})
	plain := testing.AllocsPerRun(100, func() {
		var c dcCat
		var d dcDog
		if Unmarshal(catData, &c) != nil || Unmarshal(dogData, &d) != nil {
			t.Fatal("no cat or dog")
		}
	})
	t.Logf("%v allocations; %v for the cat and the dog", allocs, plain)
	if allocs > plain+2 {
		t.Errorf("%v allocations, want at most %v (a dcZoo and a slice, and the cat's and the dog's)", allocs, plain+2)
	}
	if err := decodeBoth[dcUnreg]([]byte(`{"u":{}}`)); err != nil {
		t.Error(err)
	}
}

func TestPolymorphicPage(t *testing.T) {
	data := []byte(`{"@odata.nextLink":"n","value":[{"@odata.type":"#x.cat","lives":1},{"id":"b"},null]}`)
	if err := decodeBoth[Page[dcAnimal]](data); err != nil {
		t.Fatal(err)
	}
	var p Page[dcAnimal]
	if err := json.Unmarshal(data, &p); err != nil {
		t.Fatal(err)
	}
	if got := typesOf(p.Value); got != "*edm.dcCat *edm.dcBase <nil>" || p.NextLink() != "n" {
		t.Errorf("Page: %s, next link %q", got, p.NextLink())
	}
}

func TestRegisterPolymorphicChecks(t *testing.T) {
	type iface interface{ isDCAnimal() }
	for _, tc := range []struct {
		name  string
		entry Polymorphic
		want  string
	}{
		{"base", Polymorphic{Interface: (*iface)(nil), Base: dcBase{}}, "the Base of edm.iface is edm.dcBase"},
		{"derived", Polymorphic{Interface: (*iface)(nil), Base: (*dcBase)(nil), Derived: []DerivedType{{Name: "a", Type: (*dcLeaf)(nil)}}}, "the derived type a of edm.iface is *edm.dcLeaf"},
		{"sorted", Polymorphic{Interface: (*iface)(nil), Base: (*dcBase)(nil), Derived: []DerivedType{{Name: "b", Type: (*dcCat)(nil)}, {Name: "a", Type: (*dcDog)(nil)}}}, "not sorted"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			defer func() {
				polyMu.Lock()
				delete(polyByIface, reflect.TypeFor[iface]())
				polyMu.Unlock()
				if r := recover(); r == nil || !strings.Contains(fmt.Sprint(r), tc.want) {
					t.Errorf("panic %v, want %q", r, tc.want)
				}
			}()
			RegisterPolymorphic([]Polymorphic{tc.entry})
			lookupPoly(reflect.TypeFor[iface]())
		})
	}
}
