package enums

// Compiled with the generated want/ files by the generator's
// TestGoldenCompile.

import (
	"encoding/json"
	"fmt"
	"slices"
	"testing"
)

func TestUnknownMemberKept(t *testing.T) {
	body := `{"finish":"someFutureMember","finishes":["gloss","pearl","someFutureMember"]}`
	var c Canvas
	if err := json.Unmarshal([]byte(body), &c); err != nil {
		t.Fatal(err)
	}
	finish, ok := c.Finish.Get()
	if !ok {
		t.Fatal("Finish not decoded")
	}
	if finish != "someFutureMember" || finish.IsKnown() {
		t.Errorf("Finish = %q, known %v", finish, finish.IsKnown())
	}
	if !FinishPearl.IsKnown() || string(FinishPearl) != "pearl" {
		t.Errorf("FinishPearl: known %v, String %q", FinishPearl.IsKnown(), FinishPearl)
	}
	if _, known := c.Finishes[1].Value(); !known || c.Finishes[1] != FinishPearl {
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
		if v, ok := c.e.Value(); v != c.want || ok != c.ok {
			t.Errorf("%s.Value() = %d, %v", c.e, v, ok)
		}
	}
	if v, ok := BigNumberHuge.Value(); v != 9000000000000000000 || !ok {
		t.Errorf("BigNumberHuge.Value() = %d, %v", v, ok)
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
	if v, ok := a.Value(); v != 9 || !ok {
		t.Errorf("Value = %d, %v", v, ok)
	}
	if !a.Has(AccessRead) || a.Has(AccessWrite) || !a.Has(NewAccess(AccessDelete, AccessRead)) {
		t.Error("Has")
	}
	if !slices.Equal(a.Members(), []Access{AccessRead, AccessDelete}) {
		t.Errorf("Members = %q", a.Members())
	}
	if _, known := NewAccess().Value(); !known {
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
	if _, ok := c.Access.Value(); ok {
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
