package filter

import (
	"maps"
	"reflect"
	"slices"
	"strings"
	"testing"
)

// modelLists returns m's tables as the lists NewModel and EncodeModel take,
// in name order.
func modelLists(m *Model) ([]*Type, []*Enum) {
	var types []*Type
	for _, k := range slices.Sorted(maps.Keys(m.Types)) {
		types = append(types, m.Types[k])
	}
	var enums []*Enum
	for _, k := range slices.Sorted(maps.Keys(m.Enums)) {
		enums = append(enums, m.Enums[k])
	}
	return types, enums
}

func encodedRich(t *testing.T) (*Model, *Model) {
	t.Helper()
	m := richModel()
	types, enums := modelLists(m)
	enc, err := EncodeModel(types, enums, m.TypeDefs)
	if err != nil {
		t.Fatal(err)
	}
	return m, NewEncodedModel(enc)
}

func TestEncodedModelRoundTrip(t *testing.T) {
	m, e := encodedRich(t)
	if len(e.Types) != 0 {
		t.Fatal("an encoded model has its tables before its first use")
	}
	if err := e.Load(); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(e.Types, m.Types) || !reflect.DeepEqual(e.Enums, m.Enums) || !reflect.DeepEqual(e.TypeDefs, m.TypeDefs) {
		t.Fatal("the decoded model differs from the encoded one")
	}
	// A Support that allows every operator ({}) stays one, not nil, and
	// the ones without operators are shared.
	var all []*Support
	for _, ty := range e.Types {
		for _, p := range ty.Properties {
			if s := p.Filter; s != nil && len(s.Ops) == 0 && !s.Null && !s.Count {
				all = append(all, s)
			}
		}
	}
	if len(all) < 2 {
		t.Fatalf("the rich model has %d properties that allow every operator; the test needs two", len(all))
	}
	for _, s := range all[1:] {
		if s != all[0] {
			t.Fatal("equal supports without operators are not shared after decoding")
		}
	}
}

func TestEncodeModelIsDeterministic(t *testing.T) {
	m := richModel()
	types, enums := modelLists(m)
	defs := map[string]string{"ns.a": "Edm.String", "ns.b": "Edm.Int32", "ns.c": "Edm.Guid", "ns.d": "Edm.Date"}
	first, err := EncodeModel(types, enums, defs)
	if err != nil {
		t.Fatal(err)
	}
	for range 20 {
		if again, _ := EncodeModel(types, enums, defs); again != first {
			t.Fatal("EncodeModel gave two encodings of the same tables")
		}
	}
}

// TestEncodedModelChecks: the checks give the same verdicts and errors on
// an encoded model as on the model it encodes, without a call to Load.
func TestEncodedModelChecks(t *testing.T) {
	m, e := encodedRich(t)
	for _, s := range fuzzSeeds {
		want, got := Check(m, user, s), Check(e, user, s)
		if (want == nil) != (got == nil) || want != nil && want.Error() != got.Error() {
			t.Errorf("Check(%q): %v on the model, %v encoded", s, want, got)
		}
	}
	if e.Property(user, "displayName") == nil || e.Validate() != nil {
		t.Error("Property or Validate of the encoded model differ")
	}
}

func TestEncodedModelBadData(t *testing.T) {
	for _, data := range []string{"", "x", "\x07\xff\x81\x03\x01\x01"} {
		e := NewEncodedModel(data)
		err := Check(e, user, "id eq 'x'")
		if err == nil || !strings.Contains(err.Error(), "filter: decoding the model") {
			t.Errorf("Check on %q = %v, want the decoding error", data, err)
		}
		if e.Load() == nil || e.Validate() == nil || e.Property(user, "id") != nil {
			t.Errorf("Load, Validate or Property on %q do not fail", data)
		}
	}
}

func FuzzEncodedModel(f *testing.F) {
	m := richModel()
	types, enums := modelLists(m)
	enc, err := EncodeModel(types, enums, m.TypeDefs)
	if err != nil {
		f.Fatal(err)
	}
	f.Add(enc)
	f.Add(enc[:len(enc)/2])
	f.Add("")
	f.Fuzz(func(t *testing.T, data string) {
		e := NewEncodedModel(data)
		if e.Load() != nil {
			if Check(e, user, "id eq 'x'") == nil {
				t.Fatal("a model that does not decode checks an expression")
			}
			return
		}
		// Whatever decodes must be safe to check against and to validate.
		_ = e.Validate()
		for name := range e.Types {
			_ = Check(e, name, "id eq 'x' and displayName/any(d: d eq 'y')")
		}
	})
}
