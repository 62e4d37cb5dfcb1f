package compact

// Compiled with the generated want/ files by the generator's
// TestGoldenCompile: the compact output keeps the generic entry points and
// the polymorphic decoding, and has no per-type functions (a test naming
// one would not compile).

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/odatagen/odatagen/validate"
	"github.com/odatagen/odatagen/validate/edm"
)

func TestCompactEntryPoints(t *testing.T) {
	if got := ODataType[Puppy](); got != "example.zoo.puppy" {
		t.Errorf("ODataType[Puppy] = %q", got)
	}
	if err := Validate[Dog]([]byte(`{"goodBoy": true, "friends": [{"@odata.type": "#example.zoo.cat", "lives": 7}]}`), validate.Read); err != nil {
		t.Errorf("Validate[Dog]: %v", err)
	}
	if err := Validate[AnimalKind]([]byte(`{"@odata.type":"#example.zoo.cat","lives":"nine"}`), validate.Read); err == nil {
		t.Error("Validate[AnimalKind] accepted a cat with a string for lives")
	}
	if err := ValidateCollection[Cat]([]byte(`{"value":[{"lives":1}]}`)); err != nil {
		t.Errorf("ValidateCollection[Cat]: %v", err)
	}
	if err := CheckFilter[Dog]("goodBoy ne true"); err != nil {
		t.Errorf("CheckFilter[Dog]: %v", err)
	}
	if err := CheckFilter[Cat]("lives gt 1"); err == nil || !strings.Contains(err.Error(), "lives") {
		t.Errorf("CheckFilter[Cat] on a property without $filter support: %v", err)
	}
}

func TestCompactDecodes(t *testing.T) {
	var d Dog
	if err := json.Unmarshal([]byte(`{"id": "d1", "friends": [{"@odata.type": "#example.zoo.puppy", "id": "p1", "ageWeeks": 9}]}`), &d); err != nil {
		t.Fatal(err)
	}
	if len(d.Friends) != 1 {
		t.Fatalf("friends: %v", d.Friends)
	}
	if p, ok := d.Friends[0].(*Puppy); !ok || edm.Or(p.AgeWeeks, 0) != 9 {
		t.Errorf("friend decoded as %T %+v, want *Puppy with ageWeeks 9", d.Friends[0], d.Friends[0])
	}
}
