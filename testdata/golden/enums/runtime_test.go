package enums

// Compiled with the generated want/ files by the generator's
// TestGoldenCompile.

import (
	"encoding/json"
	"fmt"
	"slices"
	"testing"

	"github.com/odatagen/odatagen/validate/edm"
)

func TestUnknownMemberKept(t *testing.T) {
	body := `{"finish":"someFutureMember","finishes":["gloss","pearl","someFutureMember"]}`
	var c Canvas
	if err := json.Unmarshal([]byte(body), &c); err != nil {
		t.Fatal(err)
	}
	finish, ok := edm.Get(c.Finish)
	if !ok {
		t.Fatal("Finish not decoded")
	}
	if finish != "someFutureMember" || IsKnown(finish) {
		t.Errorf("Finish = %q, known %v", finish, IsKnown(finish))
	}
	if !IsKnown(FinishPearl) || string(FinishPearl) != "pearl" {
		t.Errorf("FinishPearl: known %v, String %q", IsKnown(FinishPearl), FinishPearl)
	}
	if _, known := EnumValue(c.Finishes[1]); !known || c.Finishes[1] != FinishPearl {
		t.Errorf("Finishes[1] = %q", c.Finishes[1])
	}
	out, err := json.Marshal(c)
	if err != nil {
		t.Fatal(err)
	}
	if string(out) != body {
		t.Errorf("got %s, want %s", out, body)
	}
}

func TestEnumValues(t *testing.T) {
	for _, c := range []struct {
		e    Finish
		want int64
		ok   bool
	}{{FinishMatte, 0, true}, {FinishUnknownFutureValue, 3, true}, {FinishPearl, 5, true}, {"chalk", 0, false}} {
		if v, ok := EnumValue(c.e); v != c.want || ok != c.ok {
			t.Errorf("EnumValue(%s) = %d, %v", c.e, v, ok)
		}
	}
	if v, ok := EnumValue(BigNumberHuge); v != 9000000000000000000 || !ok {
		t.Errorf("EnumValue(BigNumberHuge) = %d, %v", v, ok)
	}
	if fmt.Sprint(Resolution1080p) != "1080p" {
		t.Errorf("Resolution1080p = %q", Resolution1080p)
	}
}

func TestFlags(t *testing.T) {
	a := NewAccess(AccessRead, AccessDelete)
	if a != "read,delete" {
		t.Errorf("NewAccess = %q", a)
	}
	if v, ok := EnumValue(a); v != 9 || !ok {
		t.Errorf("Value = %d, %v", v, ok)
	}
	if !a.Has(AccessRead) || a.Has(AccessWrite) || !a.Has(NewAccess(AccessDelete, AccessRead)) {
		t.Error("Has")
	}
	if !slices.Equal(a.Members(), []Access{AccessRead, AccessDelete}) {
		t.Errorf("Members = %q", a.Members())
	}
	if _, known := EnumValue(NewAccess()); !known {
		t.Error("the empty flags value is not known")
	}
	var c Canvas
	body := `{"access":"read,teleport"}`
	if err := json.Unmarshal([]byte(body), &c); err != nil {
		t.Fatal(err)
	}
	if !c.Access.Has(AccessRead) || !c.Access.Has("teleport") {
		t.Errorf("Access = %q", *c.Access)
	}
	if _, ok := EnumValue(*c.Access); ok {
		t.Error("Value of an unknown member is ok")
	}
	out, err := json.Marshal(c)
	if err != nil {
		t.Fatal(err)
	}
	if string(out) != body {
		t.Errorf("got %s, want %s", out, body)
	}
}
