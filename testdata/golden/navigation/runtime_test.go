package navigation

// Compiled with the generated want/ files by the generator's
// TestGoldenCompile.

import (
	"encoding/json"
	"testing"

	"github.com/odatagen/odatagen/validate/edm"
)

func TestExpandedNavigation(t *testing.T) {
	body := `{"id":"a","parent":{"id":"root"},"files":[{"id":"f","size":3,"folder":{"id":"a"}}]}`
	var f Folder
	if err := json.Unmarshal([]byte(body), &f); err != nil {
		t.Fatal(err)
	}
	if f.Parent == nil || *f.Parent.ID != "root" || len(f.Files) != 1 || *f.Files[0].Folder.ID != "a" {
		t.Fatalf("decoded %+v", f)
	}
	out, err := json.Marshal(f)
	if err != nil {
		t.Fatal(err)
	}
	if string(out) != body {
		t.Errorf("got %s, want %s", out, body)
	}
}

// TestRecursiveComplex: a complex type that holds itself, directly or
// through another, is held by pointer like every structured value.
func TestRecursiveComplex(t *testing.T) {
	inner := ViewSettings{SortBy: edm.Value("name")}
	v := ViewSettings{Fallback: &inner, Layout: &Layout{Owner: &ViewSettings{}}}
	out, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	if want := `{"fallback":{"sortBy":"name"},"layout":{"owner":{}}}`; string(out) != want {
		t.Errorf("got %s, want %s", out, want)
	}
	var back ViewSettings
	if err := json.Unmarshal([]byte(`{"fallback":null,"layout":{"owner":{"sortBy":"x"}}}`), &back); err != nil {
		t.Fatal(err)
	}
	if back.Fallback != nil || *back.Layout.Owner.SortBy.Ptr() != "x" {
		t.Errorf("decoded %+v", back)
	}
}
