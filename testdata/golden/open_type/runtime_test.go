package opentype

// Compiled with the generated want/ files by the generator's
// TestGoldenCompile.

import (
	"encoding/json"
	"testing"
)

func TestDynamicPropertiesKept(t *testing.T) {
	body := `{"version":3,"theme":"dark","limits":{"max":10},"@odata.type":"#example.bag.settings"}`
	var s Settings
	if err := json.Unmarshal([]byte(body), &s); err != nil {
		t.Fatal(err)
	}
	if s.Version == nil || *s.Version != 3 {
		t.Errorf("Version = %v", s.Version)
	}
	if string(s.Extra["theme"]) != `"dark"` || string(s.Extra["limits"]) != `{"max":10}` {
		t.Errorf("Extra = %s", s.Extra)
	}
	out, err := json.Marshal(&s)
	if err != nil {
		t.Fatal(err)
	}
	var got, want map[string]any
	if err := json.Unmarshal(out, &got); err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal([]byte(body), &want); err != nil {
		t.Fatal(err)
	}
	if len(got) != len(want) || got["theme"] != "dark" || got["version"] != float64(3) {
		t.Errorf("got %s, want %s", out, body)
	}
	// MarshalJSON has a pointer receiver: a value that is not addressable
	// marshals its fields alone.
	if out, err := json.Marshal(s); err != nil || string(out) != `{"version":3}` {
		t.Errorf("json.Marshal of the value: %s, %v; want the fields alone", out, err)
	}
	if out, err := json.Marshal([]Settings{s}); err != nil || len(out) < 10 || !json.Valid(out) || string(out) == `[{"version":3}]` {
		t.Errorf("json.Marshal of a slice (addressable elements): %s, %v; want Extra too", out, err)
	}
}
