package polymorphism

// Compiled with the generated want/ files by the generator's
// TestGoldenCompile.

import (
	"encoding/json"
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/odatagen/odatagen/validate"
	"github.com/odatagen/odatagen/validate/edm"
)

const zooBody = `{
  "id": "z1",
  "logo": {"@odata.type": "example.zoo.circle", "color": "red", "radius": 2},
  "signs": [{"@odata.type": "#example.zoo.square", "side": 1}, {"color": "blue"}],
  "frame": {"side": 3},
  "star": {"@odata.type": "#example.zoo.puppy", "id": "p1", "name": "Rex", "goodBoy": true, "ageWeeks": 9,
           "friends": [{"@odata.type": "#example.zoo.cat", "id": "c9", "lives": 7}]},
  "animals": [
    {"@odata.type": "#example.zoo.cat", "id": "c1", "lives": 9},
    {"@odata.type": "#example.zoo.dog", "id": "d1", "goodBoy": false},
    {"id": "a1", "name": "no annotation"},
    {"@odata.type": "#example.zoo.unicorn", "id": "u1", "horns": 1},
    null
  ],
  "keepers": [{"@odata.type": "#example.zoo.headKeeper", "id": "k1", "since": "2020-01-02"}]
}`

func jsonEqual(t *testing.T, got []byte, want string) {
	t.Helper()
	var g, w any
	if err := json.Unmarshal(got, &g); err != nil {
		t.Fatalf("output is not JSON: %v\n%s", err, got)
	}
	if err := json.Unmarshal([]byte(want), &w); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(g, w) {
		t.Fatalf("got  %s\nwant %s", got, want)
	}
}

func TestDecodeByODataType(t *testing.T) {
	var z Zoo
	if err := json.Unmarshal([]byte(zooBody), &z); err != nil {
		t.Fatal(err)
	}
	if c, ok := z.Logo.(*Circle); !ok || *edm.Ptr(c.Radius) != 2 || *edm.Ptr(c.Color) != "red" {
		t.Errorf("Logo = %#v, want *Circle without the leading #", z.Logo)
	}
	if s, ok := z.Signs[0].(*Square); !ok || *edm.Ptr(s.Side) != 1 {
		t.Errorf("Signs[0] = %#v", z.Signs[0])
	}
	if s, ok := z.Signs[1].(*Shape); !ok || *edm.Ptr(s.Color) != "blue" {
		t.Errorf("Signs[1] = %#v, want *Shape (abstract, no @odata.type)", z.Signs[1])
	}
	if f, ok := edm.Get(z.Frame); !ok || *edm.Ptr(f.Side) != 3 {
		t.Errorf("Frame = %#v", z.Frame)
	}
	p, ok := z.Star.(*Puppy)
	if !ok {
		t.Fatalf("Star = %T, want *Puppy (two levels below animal)", z.Star)
	}
	if *p.ID != "p1" || !*edm.Ptr(p.GoodBoy) || *edm.Ptr(p.AgeWeeks) != 9 {
		t.Errorf("Star = %+v", p)
	}
	if c, ok := p.Friends[0].(*Cat); !ok || *edm.Ptr(c.Lives) != 7 {
		t.Errorf("Star.Friends[0] = %#v, want *Cat (nested polymorphic field)", p.Friends[0])
	}
	var types []string
	for _, a := range z.Animals {
		types = append(types, fmt.Sprintf("%T", a))
	}
	want := []string{"*polymorphism.Cat", "*polymorphism.Dog", "*polymorphism.Animal", "*polymorphism.Animal", "<nil>"}
	if strings.Join(types, " ") != strings.Join(want, " ") {
		t.Errorf("Animals types = %v, want %v", types, want)
	}
	if u := z.Animals[3].(*Animal); string(u.Extra["horns"]) != "1" || string(u.Extra["@odata.type"]) != `"#example.zoo.unicorn"` {
		t.Errorf("unknown @odata.type: Extra = %s", u.Extra)
	}
	if h, ok := z.Keepers[0].(*HeadKeeper); !ok || edm.Ptr(h.Since).String() != "2020-01-02" {
		t.Errorf("Keepers[0] = %#v", z.Keepers[0])
	}
}

func TestRoundTrip(t *testing.T) {
	var z Zoo
	if err := json.Unmarshal([]byte(zooBody), &z); err != nil {
		t.Fatal(err)
	}
	out, err := json.Marshal(&z)
	if err != nil {
		t.Fatal(err)
	}
	jsonEqual(t, out, zooBody)
}

func TestNullAbsentEmpty(t *testing.T) {
	z := Zoo{Star: &Cat{}, Animals: []AnimalKind{&Dog{}}}
	if err := json.Unmarshal([]byte(`{"id":"z"}`), &z); err != nil {
		t.Fatal(err)
	}
	if z.Star == nil || z.Animals == nil {
		t.Error("absent members changed their fields")
	}
	if err := json.Unmarshal([]byte(`{"star":null,"animals":null,"signs":[]}`), &z); err != nil {
		t.Fatal(err)
	}
	if z.Star != nil || z.Animals != nil || z.Signs == nil || len(z.Signs) != 0 {
		t.Errorf("null and []: Star %v, Animals %v, Signs %#v", z.Star, z.Animals, z.Signs)
	}
	out, err := json.Marshal(z)
	if err != nil {
		t.Fatal(err)
	}
	if string(out) != `{"id":"z","signs":[]}` {
		t.Errorf("got %s", out)
	}
}

func TestBuiltInGo(t *testing.T) {
	z := Zoo{
		Star:    &Cat{Extra: map[string]json.RawMessage{"@odata.type": json.RawMessage(`"#example.zoo.cat"`)}},
		Animals: []AnimalKind{&Dog{}, &Puppy{}},
		Logo:    &Square{},
	}
	out, err := json.Marshal(z)
	if err != nil {
		t.Fatal(err)
	}
	if want := `{"logo":{},"star":{"@odata.type":"#example.zoo.cat"},"animals":[{},{}]}`; string(out) != want {
		t.Errorf("got %s, want %s", out, want)
	}
}

func TestDecodeErrors(t *testing.T) {
	for _, tc := range []struct{ body, want string }{
		{`{"animals":[{"id":"a"},{"id":5}]}`, "animals: element 1: "},
		{`{"star":{"@odata.type":"#example.zoo.cat","lives":"many"}}`, "star: "},
		{`{"logo":[1]}`, "logo: "},
		{`{"signs":{}}`, "signs: "},
	} {
		var z Zoo
		err := json.Unmarshal([]byte(tc.body), &z)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: error %v, want it to contain %q", tc.body, err, tc.want)
		}
	}
}

func TestUnmarshalFunctions(t *testing.T) {
	a, err := UnmarshalAnimal([]byte(`{"@odata.type":"#example.zoo.dog","id":"d"}`))
	if _, ok := a.(*Dog); !ok || err != nil {
		t.Errorf("UnmarshalAnimal = %T, %v", a, err)
	}
	a, err = UnmarshalAnimal([]byte(`{"id":"x"}`))
	if _, ok := a.(*Animal); !ok || err != nil {
		t.Errorf("abstract without @odata.type = %T, %v", a, err)
	}
	a, err = UnmarshalAnimal([]byte(`{"@odata.type":"#example.zoo.circle"}`))
	if _, ok := a.(*Animal); !ok || err != nil {
		t.Errorf("a type that is not derived from animal = %T, %v", a, err)
	}
	a, err = UnmarshalAnimal([]byte(` null `))
	if a != nil || err != nil {
		t.Errorf("null = %v, %v", a, err)
	}
	if _, err := UnmarshalAnimal([]byte(`"cat"`)); err == nil {
		t.Error("a string decoded")
	}
	if _, err := UnmarshalAnimal([]byte(`{`)); err == nil {
		t.Error("bad JSON decoded")
	}
}

// TestSealed: only pointers to the base's own family implement an
// interface.
func TestSealed(t *testing.T) {
	animal := reflect.TypeFor[AnimalKind]()
	for _, c := range []struct {
		typ  reflect.Type
		want bool
	}{
		{reflect.TypeFor[*Animal](), true},
		{reflect.TypeFor[*Puppy](), true},
		{reflect.TypeFor[Cat](), false},
		{reflect.TypeFor[*Circle](), false},
		{reflect.TypeFor[*Zoo](), false},
	} {
		if got := c.typ.Implements(animal); got != c.want {
			t.Errorf("%v implements AnimalKind: %v, want %v", c.typ, got, c.want)
		}
	}
	if _, ok := any(Ticket{}).(interface{ isTicket() }); ok {
		t.Error("ticket, which no field holds, has a marker")
	}
}

func TestGenericEntryPoints(t *testing.T) {
	if got := ODataType[Puppy](); got != "example.zoo.puppy" {
		t.Errorf("ODataType[Puppy] = %q", got)
	}
	if got := ODataType[AnimalKind](); got != "example.zoo.animal" {
		t.Errorf("ODataType[AnimalKind] = %q", got)
	}
	if got := ODataType[string](); got != "" {
		t.Errorf("ODataType[string] = %q", got)
	}
	if err := Validate[Zoo]([]byte(zooBody), validate.Read); err != nil {
		t.Errorf("Validate[Zoo]: %v", err)
	}
	// The base's document dispatches on @odata.type.
	if err := Validate[AnimalKind]([]byte(`{"@odata.type":"#example.zoo.cat","lives":"nine"}`), validate.Read); err == nil {
		t.Error("Validate[AnimalKind] accepted a cat with a string for lives")
	}
	if err := ValidateCollection[Cat]([]byte(`{"value":[{"lives":1}]}`)); err != nil {
		t.Errorf("ValidateCollection[Cat]: %v", err)
	}
	if err := Validate[int]([]byte(`{}`), validate.Read); err == nil || !strings.Contains(err.Error(), "int is not an OData type of this package") {
		t.Errorf("Validate[int]: %v", err)
	}
	if err := CheckFilter[Dog]("goodBoy eq true and name eq 'Rex'"); err != nil {
		t.Errorf("CheckFilter[Dog]: %v", err)
	}
	if err := CheckFilter[Cat]("goodBoy eq true"); err == nil {
		t.Error("CheckFilter[Cat] accepted a dog's property")
	}
	if err := CheckFilter[Zoo]("id eq 'z'"); err != nil || CheckZooFilter("id eq 'z'") != nil {
		t.Errorf("CheckFilter[Zoo]: %v", err)
	}
}
