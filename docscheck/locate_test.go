package docscheck

import (
	"encoding/json"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/odatagen/odatagen/spec/load"
)

func TestLocate(t *testing.T) {
	text := `{
  "a": 1,
  "b~/c": {"x": [10, {"y": "\"}"}, 30]},
  "esc\u0041": true,
  "list": [ ]
}`
	for _, c := range []struct {
		ptr   string
		at    string // the text at the offset, a prefix
		value string // the value, whole
		ok    bool
	}{
		{"", "{", text, true},
		{"/a", `"a"`, "1", true},
		{"/b~0~1c/x", `"x"`, `[10, {"y": "\"}"}, 30]`, true},
		{"/b~0~1c/x/1/y", `"y"`, `"\"}"`, true},
		{"/b~0~1c/x/2", `30`, `30`, true},
		{"/escA", `"esc\u0041"`, `true`, true},
		{"/b~0~1c/x/3", "", "", false},
		{"/b~0~1c/x/01", "", "", false},
		{"/list/0", "", "", false},
		{"/nope", "", "", false},
		{"a", "", "", false},
		{"/a/b", "", "", false},
	} {
		at, s, e, ok := locate([]byte(text), c.ptr)
		if ok != c.ok {
			t.Errorf("%q: ok %v, want %v", c.ptr, ok, c.ok)
			continue
		}
		if ok && (!strings.HasPrefix(text[at:], c.at) || text[s:e] != c.value) {
			t.Errorf("%q: at %q value %q, want %q and %q", c.ptr, text[at:min(at+10, len(text))], text[s:e], c.at, c.value)
		}
	}
}

func TestClean(t *testing.T) {
	in := "{\n  \"u\": \"http://x/y, ]\", // note\n\u00a0\"v\": [1, 2,],\n  /* c */ \"w\": 3,\n}"
	out, flaws := clean([]byte(in))
	if len(out) != len(in) {
		t.Fatalf("length %d, want %d", len(out), len(in))
	}
	if !json.Valid(out) {
		t.Fatalf("not valid: %s", out)
	}
	var v map[string]any
	_ = json.Unmarshal(out, &v)
	if v["u"] != "http://x/y, ]" {
		t.Errorf("string changed: %q", v["u"])
	}
	var got []string
	for _, f := range flaws {
		got = append(got, f.what+"@"+in[f.off:f.off+1])
	}
	if strings.Join(got, " ") != "comment@/ non-breaking space@\xc2 trailing comma@," || flaws[0].count != 2 || flaws[2].count != 2 {
		t.Errorf("flaws %v %+v", got, flaws)
	}
	if _, fl := clean([]byte(`{"a": 1, … }`)); len(fl) != 1 || !fl[0].elided {
		t.Errorf("ellipsis character: %+v", fl)
	}
	if _, fl := clean([]byte(`{"a": "...", "b": 2}`)); len(fl) != 0 {
		t.Errorf("dots in a string: %+v", fl)
	}
}

// FuzzLocate: locate never panics, and what it finds is inside the text:
// the offsets ordered, the value a JSON value when the text is JSON.
func FuzzLocate(f *testing.F) {
	f.Add([]byte(`{"a": [1, {"b": "x"}]}`), "/a/1/b")
	f.Add([]byte(`[{"~/": 1}]`), "/0/~0~1")
	f.Add([]byte(`{"a": "\u00e9"}`), "/a")
	f.Fuzz(func(t *testing.T, text []byte, ptr string) {
		at, s, e, ok := locate(text, ptr)
		if !ok {
			return
		}
		if at < 0 || at > s || s > e || e > len(text) {
			t.Fatalf("offsets %d %d %d in %d bytes", at, s, e, len(text))
		}
		if json.Valid(text) && !json.Valid(text[s:e]) {
			t.Fatalf("value %q at %q is not JSON", text[s:e], ptr)
		}
	})
}

// FuzzClean: clean never panics, keeps the length and every line break,
// changes only to spaces, and leaves strict JSON strictly as it was.
func FuzzClean(f *testing.F) {
	f.Add([]byte("{\"a\": 1, // x\n}"))
	f.Add([]byte("[1, 2, /* y */ ]"))
	f.Add([]byte("{\u00a0\"a\": \"...\", ...}"))
	f.Fuzz(func(t *testing.T, body []byte) {
		out, flaws := clean(body)
		if len(out) != len(body) {
			t.Fatalf("length %d, want %d", len(out), len(body))
		}
		for i := range body {
			if out[i] != body[i] && (out[i] != ' ' || body[i] == '\n') {
				t.Fatalf("byte %d: %q became %q", i, body[i], out[i])
			}
		}
		for _, fl := range flaws {
			if fl.off < 0 || fl.off >= len(body) || fl.count < 1 {
				t.Fatalf("flaw %+v in %d bytes", fl, len(body))
			}
		}
		if json.Valid(body) && utf8.Valid(body) && !strings.ContainsAny(string(body), "\u00a0\u200b\ufeff\u2026") && len(flaws) != 0 {
			t.Fatalf("strict JSON %q has flaws %+v", body, flaws)
		}
	})
}

// FuzzPage: checking any page never panics, every result is typed or
// skipped with a reason, and every problem is placed on a line of the
// page.
func FuzzPage(f *testing.F) {
	s, _, err := load.Spec("testdata/api", "testdata/resources", "testdata/csdl/desk.xml")
	if err != nil {
		f.Fatal(err)
	}
	c, err := New(s)
	if err != nil {
		f.Fatal(err)
	}
	for _, dir := range []string{"testdata/api", "testdata/api-csdl"} {
		for _, p := range corpusPages(f, dir) {
			f.Add(p.Src)
		}
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		lines := strings.Count(strings.ReplaceAll(string(src), "\r\n", "\n"), "\n") + 1
		for _, r := range c.Page("page.md", src) {
			if r.Verdict == Skipped && r.Reason == "" {
				t.Fatalf("%s: skipped without a reason", r.Pos)
			}
			if r.Verdict != Skipped && r.Type == "" {
				t.Fatalf("%s: %s without a type", r.Pos, r.Verdict)
			}
			for _, p := range r.Problems {
				if p.Pos.Line < 1 || p.Pos.Line > lines || p.Pos.Col < 0 {
					t.Fatalf("problem %v outside the page's %d lines", p, lines)
				}
			}
		}
	})
}
