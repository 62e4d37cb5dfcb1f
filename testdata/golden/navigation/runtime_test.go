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

func TestRecursiveComplex(t *testing.T) {
	inner := ViewSettings{SortBy: edm.Value("name")}
	v := ViewSettings{Fallback: edm.Value(&inner), Layout: edm.Null[*Layout]()}
	out, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	if want := `{"fallback":{"sortBy":"name"},"layout":null}`; string(out) != want {
		t.Errorf("got %s, want %s", out, want)
	}
}
