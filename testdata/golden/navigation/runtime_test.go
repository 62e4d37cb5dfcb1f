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
// through another, is held through a pointer (edm.Nullable[*T] when
// nullable), so the struct never contains itself; an explicit null is kept.
func TestRecursiveComplex(t *testing.T) {
	inner := ViewSettings{SortBy: edm.Value("name")}
	v := ViewSettings{Fallback: edm.Value(&inner), Layout: edm.Value(&Layout{Owner: edm.Value(&ViewSettings{})})}
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
	layout, ok := edm.Get(back.Layout)
	if !edm.IsNull(back.Fallback) || !ok {
		t.Fatalf("decoded %+v", back)
	}
	if owner, ok := edm.Get(layout.Owner); !ok || *edm.Ptr(owner.SortBy) != "x" {
		t.Errorf("decoded owner %+v", layout.Owner)
	}
	// The null is written back: a PATCH can clear a complex property.
	out, err = json.Marshal(ViewSettings{Fallback: edm.Null[*ViewSettings]()})
	if err != nil || string(out) != `{"fallback":null}` {
		t.Errorf("clearing fallback: %s, %v", out, err)
	}
}
