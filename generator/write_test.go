package generator

import (
	"errors"
	"maps"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// snapshot reads every file of dir.
func snapshot(t *testing.T, dir string) map[string]string {
	t.Helper()
	m := map[string]string{}
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		b, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		m[e.Name()] = string(b)
	}
	return m
}

func goFile(name, body string) File {
	return File{Name: name, Data: []byte(generatedMarker + "\n\npackage p\n" + body)}
}

func mustWrite(t *testing.T, dir string, files ...File) {
	t.Helper()
	if err := WriteDir(dir, files); err != nil {
		t.Fatal(err)
	}
}

func TestWriteDirReplacesOnlyItsOwnFiles(t *testing.T) {
	dir := t.TempDir()
	user := map[string]string{
		"user.go":       "package p\n\nfunc Hand() {}\n",
		"notes.txt":     "mine\n",
		"a.schema.json": "{}", // like a generated name, but not listed in a manifest
	}
	for name, data := range user {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	mustWrite(t, dir, goFile("types.go", "// v1\n"), goFile("enums.go", ""), File{Name: "x.schema.json", Data: []byte(`{"v":1}`)})
	got := snapshot(t, dir)
	if !strings.Contains(got["types.go"], "// v1") || got["x.schema.json"] != `{"v":1}` {
		t.Fatalf("first write: %v", got)
	}
	if got[ManifestName] != manifestHeader+"\nenums.go\ntypes.go\nx.schema.json\n" {
		t.Errorf("manifest:\n%s", got[ManifestName])
	}

	// Second run: types.go changes, enums.go and x.schema.json are stale.
	mustWrite(t, dir, goFile("types.go", "// v2\n"), File{Name: "y.schema.json", Data: []byte(`{}`)})
	got = snapshot(t, dir)
	for name, data := range user {
		if got[name] != data {
			t.Errorf("user file %s changed to %q", name, got[name])
		}
	}
	for _, name := range []string{"enums.go", "x.schema.json"} {
		if _, ok := got[name]; ok {
			t.Errorf("stale %s not deleted", name)
		}
	}
	if !strings.Contains(got["types.go"], "// v2") || got["y.schema.json"] != "{}" {
		t.Errorf("second write: %v", got)
	}
	for name := range got {
		if strings.HasPrefix(name, tempPrefix) {
			t.Errorf("temporary file %s left", name)
		}
	}
}

func TestWriteDirRefusesUserFiles(t *testing.T) {
	for _, tc := range []struct {
		name     string
		existing map[string]string
		files    []File
	}{
		{"go file without marker", map[string]string{"types.go": "package p\n"}, []File{goFile("types.go", "")}},
		{"marker not on first line", map[string]string{"types.go": "// hi\n" + generatedMarker + "\npackage p\n"}, []File{goFile("types.go", "")}},
		{"unlisted other file", map[string]string{"a.schema.json": "{}"}, []File{{Name: "a.schema.json", Data: []byte("[]")}}},
		{"foreign manifest", map[string]string{ManifestName: "hello\n"}, []File{goFile("types.go", "")}},
		{"bad name", nil, []File{{Name: "../x.go"}}},
		{"duplicate name", nil, []File{goFile("a.go", ""), goFile("a.go", "")}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			mustWrite(t, dir, goFile("old.go", ""))
			for name, data := range tc.existing {
				if err := os.WriteFile(filepath.Join(dir, name), []byte(data), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			before := snapshot(t, dir)
			if err := WriteDir(dir, tc.files); err == nil {
				t.Fatal("WriteDir succeeded")
			}
			if after := snapshot(t, dir); !maps.Equal(before, after) {
				t.Errorf("directory changed:\nbefore %v\nafter  %v", before, after)
			}
		})
	}
}

// TestWriteDirRollsBack fails the commit phase at every step and checks that
// the directory is left as it was.
func TestWriteDirRollsBack(t *testing.T) {
	defer func() { writeDirFault = nil }()
	for fail := 0; ; fail++ {
		dir := t.TempDir()
		mustWrite(t, dir, goFile("a.go", "// a1\n"), goFile("b.go", ""), File{Name: "s.json", Data: []byte("1")})
		if err := os.WriteFile(filepath.Join(dir, "user.go"), []byte("package p\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		before := snapshot(t, dir)
		boom := errors.New("boom")
		writeDirFault = func(step int) error {
			if step == fail {
				return boom
			}
			return nil
		}
		err := WriteDir(dir, []File{goFile("a.go", "// a2\n"), goFile("c.go", ""), {Name: "s.json", Data: []byte("2")}})
		writeDirFault = nil
		if err == nil {
			// Steps: a.go, c.go, s.json, stale b.go, the manifest.
			if fail != 5 {
				t.Fatalf("WriteDir succeeded with a fault at step %d", fail)
			}
			if got := snapshot(t, dir); got["s.json"] != "2" || got["b.go"] != "" || got["user.go"] != "package p\n" {
				t.Fatalf("after success: %v", got)
			}
			return
		}
		if !errors.Is(err, boom) {
			t.Fatal(err)
		}
		if after := snapshot(t, dir); !maps.Equal(before, after) {
			t.Fatalf("fault at step %d: directory changed:\nbefore %v\nafter  %v", fail, before, after)
		}
	}
}

func TestWriteDirUnchangedFilesKeepTheirTimes(t *testing.T) {
	dir := t.TempDir()
	mustWrite(t, dir, goFile("a.go", ""), goFile("b.go", ""))
	path := filepath.Join(dir, "a.go")
	fi1, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	// A rewrite would rename a new file over a.go: another inode.
	mustWrite(t, dir, goFile("a.go", ""), goFile("b.go", "// changed\n"))
	fi2, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if !os.SameFile(fi1, fi2) {
		t.Error("unchanged a.go was rewritten")
	}
}
