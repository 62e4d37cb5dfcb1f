package edm

import (
	"bytes"
	"encoding/json"
	"errors"
	"maps"
	"reflect"
	"slices"
	"strings"
	"testing"
)

// sample is shaped like a generated type (see the package documentation).
type sample struct {
	ID    *string                    `json:"id,omitempty"`
	Name  Nullable[string]           `json:"displayName,omitzero"`
	Count Nullable[int64]            `json:"count,omitzero"`
	Ratio Nullable[float64]          `json:"ratio,omitzero"`
	On    Nullable[bool]             `json:"enabled,omitzero"`
	Tags  []string                   `json:"tags,omitzero"`
	Inner Nullable[inner]            `json:"inner,omitzero"`
	Items []inner                    `json:"items,omitzero"`
	Extra map[string]json.RawMessage `json:"-"`
}

func (x sample) MarshalJSON() ([]byte, error) {
	type plain sample
	return MarshalObject(plain(x), x.Extra)
}

func (x *sample) UnmarshalJSON(b []byte) error {
	type plain sample
	return UnmarshalObject(b, (*plain)(x), &x.Extra)
}

type inner struct {
	Kind  Nullable[string]           `json:"kind,omitzero"`
	Extra map[string]json.RawMessage `json:"-"`
}

func (x inner) MarshalJSON() ([]byte, error) {
	type plain inner
	return MarshalObject(plain(x), x.Extra)
}

func (x *inner) UnmarshalJSON(b []byte) error {
	type plain inner
	return UnmarshalObject(b, (*plain)(x), &x.Extra)
}

func ptr[T any](v T) *T { return &v }

func raw(s string) json.RawMessage { return json.RawMessage(s) }

func TestMarshalObject(t *testing.T) {
	type plain sample
	full := plain{ID: ptr("1"), Name: Value("x")}
	tests := []struct {
		name    string
		v       any
		extra   map[string]json.RawMessage
		want    string
		wantErr string
	}{
		{name: "no extra", v: full, want: `{"id":"1","displayName":"x"}`},
		{name: "empty extra", v: full, extra: map[string]json.RawMessage{}, want: `{"id":"1","displayName":"x"}`},
		{name: "order", v: full, extra: map[string]json.RawMessage{
			"zzz": raw(`true`), "@odata.type": raw(`"#microsoft.graph.user"`), "aaa": raw(`1`),
			"displayName@odata.type": raw(`"#String"`), "@odata.etag": raw(`"W/1"`), "#x": raw(`2`), "A": raw(`3`), "@": raw(`4`),
		}, want: `{"@":4,"@odata.etag":"W/1","@odata.type":"#microsoft.graph.user","id":"1","displayName":"x","#x":2,"A":3,"aaa":1,"displayName@odata.type":"#String","zzz":true}`},
		{name: "field wins", v: full, extra: map[string]json.RawMessage{"id": raw(`"2"`), "displayName": raw(`"y"`)},
			want: `{"id":"1","displayName":"x"}`},
		{name: "field wins when omitted", v: plain{}, extra: map[string]json.RawMessage{"count": raw(`5`), "b": raw(`1`)},
			want: `{"b":1}`},
		{name: "empty struct annotations only", v: plain{}, extra: map[string]json.RawMessage{"@a": raw(`1`), "@b": raw(`2`)},
			want: `{"@a":1,"@b":2}`},
		{name: "empty struct rest only", v: plain{}, extra: map[string]json.RawMessage{"x": raw(`1`), "y": raw(`2`)},
			want: `{"x":1,"y":2}`},
		{name: "only dropped keys", v: plain{}, extra: map[string]json.RawMessage{"id": raw(`1`)}, want: `{}`},
		{name: "pointer to struct", v: &full, extra: map[string]json.RawMessage{"@a": raw(`1`)},
			want: `{"@a":1,"id":"1","displayName":"x"}`},
		{name: "compacted", v: plain{}, extra: map[string]json.RawMessage{"x": raw(" {\n \"a\" : [ 1 , 2 ] }\t")},
			want: `{"x":{"a":[1,2]}}`},
		{name: "nil value is null", v: plain{}, extra: map[string]json.RawMessage{"x": nil, "y": {}}, want: `{"x":null,"y":null}`},
		{name: "escaped keys", v: plain{}, extra: map[string]json.RawMessage{"a\"b": raw(`1`), "<&>": raw(`2`), "\x01": raw(`3`), "é": raw(`4`)},
			want: `{"\u0001":3,"\u003c\u0026\u003e":2,"a\"b":1,"é":4}`},
		{name: "simple values", v: plain{}, extra: map[string]json.RawMessage{"a": raw(`""`), "b": raw(`"x y"`), "c": raw(`true`), "d": raw(`null`), "e": raw(`"\u00e9\n"`), "f": raw(`-1.5e3`)},
			want: `{"a":"","b":"x y","c":true,"d":null,"e":"\u00e9\n","f":-1.5e3}`},
		{name: "invalid value", v: plain{}, extra: map[string]json.RawMessage{"bad": raw(`{`)}, wantErr: `member "bad" of extra`},
		{name: "quote inside string", v: plain{}, extra: map[string]json.RawMessage{"bad": raw(`"a"b"`)}, wantErr: `member "bad" of extra`},
		{name: "control char in string", v: plain{}, extra: map[string]json.RawMessage{"bad": raw("\"a\x01\"")}, wantErr: `member "bad" of extra`},
		{name: "unterminated string", v: plain{}, extra: map[string]json.RawMessage{"bad": raw(`"abc`)}, wantErr: `member "bad" of extra`},
		{name: "lone quote", v: plain{}, extra: map[string]json.RawMessage{"bad": raw(`"`)}, wantErr: `member "bad" of extra`},
		{name: "bad literal", v: plain{}, extra: map[string]json.RawMessage{"bad": raw(`nul`)}, wantErr: `member "bad" of extra`},
		{name: "two values", v: plain{}, extra: map[string]json.RawMessage{"bad": raw(`1 2`)}, wantErr: `member "bad" of extra`},
		{name: "not an object", v: []int{1}, extra: map[string]json.RawMessage{"a": raw(`1`)}, wantErr: "does not marshal to a JSON object"},
		{name: "nil pointer", v: (*plain)(nil), extra: map[string]json.RawMessage{"a": raw(`1`)}, wantErr: "does not marshal to a JSON object"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := MarshalObject(tt.v, tt.extra)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("err = %v, want %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if string(got) != tt.want {
				t.Fatalf("got  %s\nwant %s", got, tt.want)
			}
			if !json.Valid(got) {
				t.Fatalf("invalid JSON %s", got)
			}
		})
	}
}

func TestMarshalObjectNoExtraIsJSONMarshal(t *testing.T) {
	type plain sample
	for _, v := range []plain{{}, {ID: ptr("a<b"), Tags: []string{}, Inner: Null[inner]()}} {
		want, _ := json.Marshal(v)
		got, err := MarshalObject(v, nil)
		if err != nil || !bytes.Equal(got, want) {
			t.Fatalf("MarshalObject = %s, %v; json.Marshal = %s", got, err, want)
		}
	}
}

func TestUnmarshalObject(t *testing.T) {
	tests := []struct {
		name      string
		in        string
		want      sample // with Extra
		wantExtra map[string]string
	}{
		{name: "empty", in: `{}`},
		{name: "known only", in: `{"id":"1","displayName":"x","count":3}`,
			want: sample{ID: ptr("1"), Name: Value("x"), Count: Value[int64](3)}},
		{name: "unknown only", in: `{"@odata.type":"#x","foo":[1,{"a":"}"}]}`,
			wantExtra: map[string]string{"@odata.type": `"#x"`, "foo": `[1,{"a":"}"}]`}},
		{name: "mixed", in: `{"@odata.etag":"W/1","id":"1","displayName@odata.type":"#String","displayName":null,"dyn":{"x":[]},"enabled":false}`,
			want:      sample{ID: ptr("1"), Name: Null[string](), On: Value(false)},
			wantExtra: map[string]string{"@odata.etag": `"W/1"`, "displayName@odata.type": `"#String"`, "dyn": `{"x":[]}`}},
		{name: "exact names only", in: `{"DisplayName":"x","ID":"2","Count":1}`,
			wantExtra: map[string]string{"DisplayName": `"x"`, "ID": `"2"`, "Count": `1`}},
		{name: "exact and other case", in: `{"DisplayName":"x","displayName":"y"}`,
			want: sample{Name: Value("y")}, wantExtra: map[string]string{"DisplayName": `"x"`}},
		{name: "escaped known key", in: `{"display\u004eame":"x"}`, want: sample{Name: Value("x")}},
		{name: "escaped unknown key", in: `{"a\"b\u00e9":1}`, wantExtra: map[string]string{"a\"bé": `1`}},
		{name: "empty key", in: `{"":1,"id":"1"}`, want: sample{ID: ptr("1")}, wantExtra: map[string]string{"": `1`}},
		{name: "invalid UTF-8 key", in: "{\"a\xffb\":1}", wantExtra: map[string]string{"a\uFFFDb": `1`}},
		{name: "whitespace", in: " {\n \"x\" : [ 1, 2 ] ,\t\"id\" : \"1\" , \"y\" :true } ",
			want: sample{ID: ptr("1")}, wantExtra: map[string]string{"x": `[ 1, 2 ]`, "y": `true`}},
		{name: "unknown last", in: `{"id":"1","x":1}`, want: sample{ID: ptr("1")}, wantExtra: map[string]string{"x": `1`}},
		{name: "unknowns around known", in: `{"a":1,"id":"1","b":2,"count":4,"c":3}`,
			want: sample{ID: ptr("1"), Count: Value[int64](4)}, wantExtra: map[string]string{"a": `1`, "b": `2`, "c": `3`}},
		{name: "duplicate unknown, last wins", in: `{"x":1,"x":2}`, wantExtra: map[string]string{"x": `2`}},
		{name: "duplicate known, last wins", in: `{"count":1,"x":0,"count":2}`, want: sample{Count: Value[int64](2)},
			wantExtra: map[string]string{"x": `0`}},
		{name: "nested generated type", in: `{"inner":{"kind":"k","@odata.type":"#t","Kind":1},"items":[{"z":null}]}`,
			want: sample{
				Inner: Value(inner{Kind: Value("k"), Extra: map[string]json.RawMessage{"@odata.type": raw(`"#t"`), "Kind": raw(`1`)}}),
				Items: []inner{{Extra: map[string]json.RawMessage{"z": raw(`null`)}}},
			}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got sample
			if err := json.Unmarshal([]byte(tt.in), &got); err != nil {
				t.Fatal(err)
			}
			want := tt.want
			if tt.wantExtra != nil {
				want.Extra = map[string]json.RawMessage{}
				for k, v := range tt.wantExtra {
					want.Extra[k] = raw(v)
				}
			}
			if !reflect.DeepEqual(got, want) {
				t.Fatalf("got  %#v\nwant %#v", got, want)
			}
		})
	}
}

func TestUnmarshalObjectExtraIsReplaced(t *testing.T) {
	s := sample{Count: Value[int64](9), Extra: map[string]json.RawMessage{"old": raw(`1`)}}
	if err := json.Unmarshal([]byte(`{"id":"1"}`), &s); err != nil {
		t.Fatal(err)
	}
	if s.Extra != nil {
		t.Fatalf("Extra = %v, want nil", s.Extra)
	}
	if c, ok := Get(s.Count); !ok || c != 9 || *s.ID != "1" {
		t.Fatalf("fields: %+v", s)
	}
	if err := json.Unmarshal([]byte(`{"new":2}`), &s); err != nil {
		t.Fatal(err)
	}
	if !maps.EqualFunc(s.Extra, map[string]json.RawMessage{"new": raw(`2`)}, func(a, b json.RawMessage) bool { return bytes.Equal(a, b) }) {
		t.Fatalf("Extra = %v", s.Extra)
	}
}

func TestUnmarshalObjectCopiesExtra(t *testing.T) {
	data := []byte(`{"a":"xyz","b":[1]}`)
	var s sample
	if err := json.Unmarshal(data, &s); err != nil {
		t.Fatal(err)
	}
	for i := range data {
		data[i] = '!'
	}
	a := append(s.Extra["a"], "more"...) // must not write into "b"
	if string(s.Extra["a"]) != `"xyz"` || string(s.Extra["b"]) != `[1]` || string(a) != `"xyz"more` {
		t.Fatalf("Extra = %q", s.Extra)
	}
}

func TestUnmarshalObjectNilExtra(t *testing.T) {
	type plain sample
	var p plain
	if err := UnmarshalObject([]byte(`{"x":1,"id":"1"}`), &p, nil); err != nil {
		t.Fatal(err)
	}
	if *p.ID != "1" {
		t.Fatalf("got %+v", p)
	}
}

func TestUnmarshalObjectNull(t *testing.T) {
	s := sample{ID: ptr("1"), Extra: map[string]json.RawMessage{"x": raw(`1`)}}
	type plain sample
	if err := UnmarshalObject([]byte(` null `), (*plain)(&s), &s.Extra); err != nil {
		t.Fatal(err)
	}
	if *s.ID != "1" || len(s.Extra) != 1 {
		t.Fatalf("null changed the value: %+v", s)
	}
}

func TestUnmarshalObjectErrors(t *testing.T) {
	tests := []struct {
		name       string
		in         string
		wantType   string // "syntax" or "type"
		wantOffset int64
		wantValue  string // UnmarshalTypeError.Value
		wantMsg    string
	}{
		{name: "array", in: ` [1]`, wantType: "type", wantValue: "array", wantOffset: 2, wantMsg: "array"},
		{name: "string", in: `"x"`, wantType: "type", wantValue: "string", wantOffset: 3, wantMsg: "string"},
		{name: "number", in: `12`, wantType: "type", wantValue: "number", wantOffset: 2, wantMsg: "number"},
		{name: "bool", in: `true`, wantType: "type", wantValue: "bool", wantOffset: 4, wantMsg: "bool"},
		{name: "truncated", in: `{"a":`, wantType: "syntax", wantOffset: 5},
		{name: "bad", in: `{"a":1,}`, wantType: "syntax", wantOffset: 8},
		{name: "empty", in: ``, wantType: "syntax"},
		{name: "trailing", in: `{} {}`, wantType: "syntax", wantOffset: 4},
		// The offset is in the input even though the unknown member before
		// it was removed before decoding.
		{name: "field type", in: `{"unknown":"aaaaaaaa","id":5}`, wantType: "type", wantValue: "number", wantOffset: 28, wantMsg: "id"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := sample{ID: ptr("keep")}
			err := json.Unmarshal([]byte(tt.in), &s)
			if tt.name != "field type" && (*s.ID != "keep" || IsSet(s.Count)) {
				t.Errorf("the value changed: %+v", s)
			}
			if err == nil {
				// json.Unmarshal checks the syntax itself first; call
				// UnmarshalObject directly too.
				t.Fatal("no error")
			}
			type plain sample
			err = UnmarshalObject([]byte(tt.in), (*plain)(&s), &s.Extra)
			switch tt.wantType {
			case "syntax":
				var se *json.SyntaxError
				if !errors.As(err, &se) {
					t.Fatalf("err = %v (%T), want *json.SyntaxError", err, err)
				}
				if tt.wantOffset != 0 && se.Offset != tt.wantOffset {
					t.Errorf("Offset = %d, want %d", se.Offset, tt.wantOffset)
				}
			case "type":
				var te *json.UnmarshalTypeError
				if !errors.As(err, &te) {
					t.Fatalf("err = %v (%T), want *json.UnmarshalTypeError", err, err)
				}
				if te.Value != tt.wantValue || te.Offset != tt.wantOffset {
					t.Errorf("Value, Offset = %q, %d; want %q, %d", te.Value, te.Offset, tt.wantValue, tt.wantOffset)
				}
				// encoding/json alone (which ignores the unknown member)
				// reports the same offset.
				var alone struct {
					ID *string `json:"id"`
				}
				if err := json.Unmarshal([]byte(tt.in), &alone); err != nil {
					var te2 *json.UnmarshalTypeError
					if errors.As(err, &te2) && te2.Offset != te.Offset {
						t.Errorf("Offset = %d, encoding/json says %d", te.Offset, te2.Offset)
					}
				}
				if !strings.Contains(err.Error(), tt.wantMsg) {
					t.Errorf("error %q does not mention %q", err, tt.wantMsg)
				}
			}
		})
	}
}

func TestUnmarshalObjectBadTarget(t *testing.T) {
	var s sample
	var n int
	for _, v := range []any{s, (*sample)(nil), &n, nil} {
		if err := UnmarshalObject([]byte(`{}`), v, nil); err == nil || !strings.Contains(err.Error(), "pointer to a struct") {
			t.Errorf("UnmarshalObject(%T): err = %v", v, err)
		}
	}
}

type Embedded struct {
	E1  string `json:"e1"`
	E2  string
	Dup string `json:"dup"`
}

type embeddedPtr struct {
	P1 string `json:"p1"`
}

type conflictA struct{ Same string }
type conflictB struct{ Same string }
type taggedA struct {
	T string `json:"T"`
}
type untaggedB struct{ T string }

type namesCase struct {
	A            string `json:"a"`
	B            string `json:"b,omitempty"`
	C            string `json:",omitzero"`
	D            string
	Skip         string `json:"-"`
	Dash         string `json:"-,"`
	unexp        string
	Bad          string `json:"a\"b"`
	At           string `json:"@odata.id"`
	Dup          string `json:"dup"` // shallower than Embedded.Dup
	Embedded            // promoted fields
	*embeddedPtr        // promoted through an unexported pointer type
	conflictA           // Same conflicts with conflictB.Same: dropped
	conflictB
	taggedA            // t tagged wins over untaggedB.T
	untaggedB          //
	Named     Embedded `json:"named"`
}

func TestFieldNames(t *testing.T) {
	_ = namesCase{}.unexp
	got := slices.Sorted(maps.Keys(fieldNames(reflect.TypeFor[namesCase]())))
	want := []string{"-", "@odata.id", "Bad", "C", "D", "E2", "T", "a", "b", "dup", "e1", "named", "p1"}
	if !slices.Equal(got, want) {
		t.Fatalf("got  %q\nwant %q", got, want)
	}
	// Cross-check with encoding/json: a populated value marshals exactly
	// those members.
	v := namesCase{A: "1", B: "1", C: "1", D: "1", Skip: "1", Dash: "1", Bad: "1", At: "1", Dup: "1",
		Embedded: Embedded{"1", "1", "1"}, embeddedPtr: &embeddedPtr{"1"}, conflictA: conflictA{"1"}, conflictB: conflictB{"1"},
		taggedA: taggedA{"1"}, untaggedB: untaggedB{"1"}}
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatal(err)
	}
	if fromJSON := slices.Sorted(maps.Keys(m)); !slices.Equal(fromJSON, want) {
		t.Fatalf("encoding/json writes %q", fromJSON)
	}
	if fieldNames(reflect.TypeFor[*namesCase]()) == nil || fieldNames(reflect.TypeFor[int]()) != nil {
		t.Fatal("fieldNames of *struct / int")
	}
}

// jsonEqual reports whether a and b hold equal JSON values.
func jsonEqual(t *testing.T, a, b []byte) bool {
	t.Helper()
	var va, vb any
	if err := json.Unmarshal(a, &va); err != nil {
		t.Fatalf("%s: %v", a, err)
	}
	if err := json.Unmarshal(b, &vb); err != nil {
		t.Fatalf("%s: %v", b, err)
	}
	return reflect.DeepEqual(va, vb)
}

// roundTrip decodes in into a sample and encodes it again. It returns
// false when in does not decode (not an object, or a known member of the
// wrong type).
func roundTrip(t *testing.T, in []byte) ([]byte, bool) {
	var s sample
	if err := json.Unmarshal(in, &s); err != nil {
		return nil, false
	}
	out, err := json.Marshal(s)
	if err != nil {
		t.Fatalf("Marshal after Unmarshal(%s): %v", in, err)
	}
	return out, true
}

// expectedRoundTrip is in as a JSON value, less the members that do not
// survive by design: null for a field that is a pointer (id) or a slice
// (tags, items), which decode to nil and are then left out. A JSON null
// object gives {}.
func expectedRoundTrip(t *testing.T, in []byte) []byte {
	var m map[string]any
	if err := json.Unmarshal(in, &m); err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"id", "tags", "items"} {
		if v, ok := m[k]; ok && v == nil {
			delete(m, k)
		}
	}
	if items, ok := m["items"].([]any); ok {
		for i, it := range items {
			if it == nil {
				items[i] = map[string]any{}
			}
		}
	}
	b, _ := json.Marshal(m)
	return b
}

func TestObjectRoundTrip(t *testing.T) {
	for _, in := range roundTripSeeds {
		out, ok := roundTrip(t, []byte(in))
		if !ok {
			t.Fatalf("%s does not decode", in)
		}
		if want := expectedRoundTrip(t, []byte(in)); !jsonEqual(t, out, want) {
			t.Errorf("in   %s\nout  %s\nwant %s", in, out, want)
		}
	}
}

var roundTripSeeds = []string{
	`{}`,
	`{"id":"1"}`,
	`{"id":null,"tags":null,"items":null}`,
	`{"@odata.type":"#microsoft.graph.user","id":"1","displayName":"x","displayName@odata.type":"#String","extra":{"a":[1,2,{"b":null}]}}`,
	`{"displayName":null,"count":null,"ratio":null,"enabled":null,"inner":null}`,
	`{"count":9007199254740993,"ratio":1e300,"enabled":true,"tags":[],"items":[]}`,
	`{"Count":"not a number here","COUNT":[true]}`,
	`{"inner":{"kind":"k","@odata.type":"#t"},"items":[{"kind":null,"x":1},null,{}]}`,
	`{"a\u0000b":"\ud83d\ude00","":"","<>&":"<>&"}`,
}

func FuzzObjectRoundTrip(f *testing.F) {
	for _, s := range roundTripSeeds {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, in []byte) {
		out, ok := roundTrip(t, in)
		if !ok {
			return
		}
		if !json.Valid(out) {
			t.Fatalf("invalid output %s", out)
		}
		var probe any
		if err := json.Unmarshal(in, &probe); err != nil {
			t.Fatalf("decoded %s but it is not JSON: %v", in, err)
		}
		if probe == nil { // JSON null decodes to the zero sample
			if string(out) != `{}` {
				t.Fatalf("null -> %s", out)
			}
			return
		}
		if want := expectedRoundTrip(t, in); !jsonEqual(t, out, want) {
			t.Fatalf("in   %s\nout  %s\nwant %s", in, out, want)
		}
	})
}

// FuzzMarshalObjectExtra checks that MarshalObject writes valid JSON for any
// extra member, fails exactly when the value is not JSON, and keeps the
// member's key and value.
func FuzzMarshalObjectExtra(f *testing.F) {
	f.Add("@odata.type", []byte(`"#x"`))
	f.Add("a", []byte(` { "b" : [1, "\u00e9"] } `))
	f.Add("id", []byte(`1`))
	f.Add("id", []byte(`not JSON`))
	f.Add("<", []byte(`"a"b"`))
	f.Add("k", []byte(``))
	f.Fuzz(func(t *testing.T, key string, val []byte) {
		type plain sample
		v := plain{ID: ptr("1")}
		out, err := MarshalObject(v, map[string]json.RawMessage{key: val})
		_, isField := fieldNames(reflect.TypeFor[plain]())[key]
		// A key that is a field's name is dropped unread.
		valid := isField || len(val) == 0 || json.Valid(val)
		if (err == nil) != valid {
			t.Fatalf("MarshalObject(%q: %q): err = %v, value valid = %v", key, val, err, valid)
		}
		if err != nil {
			return
		}
		if !json.Valid(out) {
			t.Fatalf("invalid output %s", out)
		}
		var m map[string]json.RawMessage
		if err := json.Unmarshal(out, &m); err != nil {
			t.Fatal(err)
		}
		if isField {
			if len(m) != 1 || string(m["id"]) != `"1"` {
				t.Fatalf("field %q not kept over extra: %s", key, out)
			}
			return
		}
		// The key as encoding/json would decode it.
		var k string
		kb, _ := json.Marshal(key)
		_ = json.Unmarshal(kb, &k)
		want := val
		if len(val) == 0 {
			want = []byte("null")
		}
		if got, ok := m[k]; !ok || !jsonEqual(t, got, want) {
			t.Fatalf("member %q = %s, want %s (output %s)", k, got, want, out)
		}
	})
}
