package jsonvalue

import (
	"bytes"
	"encoding/json"
	"reflect"
	"strings"
	"testing"
)

// maxSize is validate.DefaultMaxSize.
const maxSize = 4 << 20

func stdDecode(t testing.TB, data []byte) any {
	t.Helper()
	d := json.NewDecoder(bytes.NewReader(data))
	d.UseNumber()
	var v any
	if err := d.Decode(&v); err != nil {
		t.Fatalf("encoding/json: %v", err)
	}
	return v
}

func TestParseJSONValues(t *testing.T) {
	for _, in := range []string{
		`{}`, `[]`, `null`, `true`, `false`, `0`, `-1.5e+10`, `"x"`,
		` { "a" : [ 1 , 2 , { "b" : null } ] , "c" : "\u00e9\n" } `,
		`{"a":"caf` + "\u00e9" + `","b":"\ud83d\ude00","c":"\ud800"}`,
		`["a\"b", "a\\b", "\/"]`,
		"\"\xff\xfe\"",
		`{"a":{"a":{"a":1}}}`,
	} {
		got, err := Parse([]byte(in), maxSize)
		if err != nil {
			t.Errorf("%s: %+v", in, err)
			continue
		}
		if want := stdDecode(t, []byte(in)); !reflect.DeepEqual(got, want) {
			t.Errorf("%s: got %#v, want %#v", in, got, want)
		}
	}
}

func TestParseJSONErrors(t *testing.T) {
	for _, tt := range []struct {
		in      string
		offset  int64
		pointer string
		msg     string
	}{
		{`{"enableConnection": tru`, 24, "", "unexpected end of input"},
		{``, 0, "", "unexpected end of input"},
		{`{"a":1,}`, 7, "", "invalid character '}'"},
		{`{"a":1} x`, 8, "", "invalid character 'x' after top-level value"},
		{`{"a":1,"a":2}`, 7, "/a", `member "a" appears twice`},
		{`{"a":{"b":1, "b":2}}`, 13, "/a/b", `member "b" appears twice`},
		{`[{"x":0},{"a/b":{"c~d":1,"c~d":2}}]`, 25, "/1/a~1b/c~0d", `member "c~d" appears twice`},
		{`{"a":1,"\u0061":2}`, 7, "/a", `member "a" appears twice`},
	} {
		_, jerr := Parse([]byte(tt.in), maxSize)
		if jerr == nil {
			t.Errorf("%s: want an *Error, got nil", tt.in)
			continue
		}
		if jerr.Offset != tt.offset || jerr.Pointer != tt.pointer || !strings.Contains(jerr.Msg, tt.msg) {
			t.Errorf("%s: got offset %d pointer %q msg %q, want %d %q %q", tt.in, jerr.Offset, jerr.Pointer, jerr.Msg, tt.offset, tt.pointer, tt.msg)
		}
	}
}

func TestParseJSONSizeLimit(t *testing.T) {
	data := []byte(`{"a":"` + strings.Repeat("x", 100) + `"}`)
	if _, err := Parse(data, int64(len(data))); err != nil {
		t.Errorf("at the limit: %v", err)
	}
	_, jerr := Parse(data, int64(len(data)-1))
	if jerr == nil || jerr.Offset != int64(len(data)-1) || !strings.Contains(jerr.Msg, "over the limit") {
		t.Errorf("over the limit: got %+v", jerr)
	}
}

func TestPointerEscaping(t *testing.T) {
	if got := Pointer([]string{"a/b", "c~d", "", "0"}); got != "/a~1b/c~0d//0" {
		t.Errorf("got %q", got)
	}
	for _, tt := range []struct {
		a, b string
		want int
	}{
		{"/value/2", "/value/10", -1},
		{"/value/10/x", "/value/10", 1},
		{"", "/a", -1},
		{"/a", "/b", -1},
		{"/b/1", "/b/1", 0},
	} {
		if got := ComparePointers(tt.a, tt.b); got != tt.want {
			t.Errorf("ComparePointers(%q, %q) = %d, want %d", tt.a, tt.b, got, tt.want)
		}
	}
}

// FuzzParseJSON checks the tree builder against encoding/json: the same
// inputs are accepted, and the trees are equal unless a member repeats.
func FuzzParseJSON(f *testing.F) {
	for _, s := range []string{`{"a":[1,{"b":null}],"c":"\u00e9"}`, `{"a":1,"a":2}`, `[1,2`, `"\ud800"`, `{"x":{"y":[]}}`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		v, jerr := Parse(data, maxSize)
		valid := json.Valid(data)
		switch {
		case jerr == nil:
			if !valid {
				t.Fatalf("accepted invalid JSON %q", data)
			}
			if want := stdDecode(t, data); !reflect.DeepEqual(v, want) {
				t.Fatalf("%q: got %#v, want %#v", data, v, want)
			}
		case valid && jerr.Pointer == "":
			t.Fatalf("%q: rejected valid JSON: %+v", data, jerr)
		case jerr.Offset < 0 || jerr.Offset > int64(len(data)):
			t.Fatalf("%q: offset %d out of range", data, jerr.Offset)
		}
	})
}
