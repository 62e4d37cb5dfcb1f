package edm

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"time"
)

// The types of the differential tests: generated-style structs with a field
// of every kind the fast path decodes, one it does not (dcPoly), one without
// ExtraTag (dcOld) and recursion.

type dcColor string

type dcLeaf struct {
	Name  Nullable[string]           `json:"name,omitzero"`
	Count *int32                     `json:"count,omitempty"`
	Extra map[string]json.RawMessage `json:"-" odata:"extra"`
}

// dcLeaf and dcNode have the methods generated types have: through
// MarshalStruct and UnmarshalStruct.
func (x dcLeaf) MarshalJSON() ([]byte, error) {
	return MarshalStruct(&x, x.Extra)
}

func (x *dcLeaf) UnmarshalJSON(b []byte) error {
	return UnmarshalStruct(b, x, &x.Extra)
}

// dcPoly has a field the fast path does not decode: it is decoded by its
// UnmarshalJSON, by encoding/json.
type dcPoly struct {
	Any   any                        `json:"any"`
	Extra map[string]json.RawMessage `json:"-" odata:"extra"`
}

func (x *dcPoly) UnmarshalJSON(b []byte) error {
	type plain dcPoly
	return UnmarshalObject(b, (*plain)(x), &x.Extra)
}

// dcWithPoly is decoded the way generated types with polymorphic fields
// are: its plain twin embedded, and a json.RawMessage field shadowing the
// interface field, decoded after.
type dcWithPoly struct {
	ID    *string                    `json:"id,omitempty"`
	Pet   any                        `json:"pet,omitempty"`
	Pets  []any                      `json:"pets,omitzero"`
	Extra map[string]json.RawMessage `json:"-"`
}

func (x *dcWithPoly) UnmarshalJSON(b []byte) error {
	type plain dcWithPoly
	var v struct {
		*plain
		Pet  json.RawMessage `json:"pet"`
		Pets json.RawMessage `json:"pets"`
	}
	v.plain = (*plain)(x)
	if err := UnmarshalObject(b, &v, &x.Extra); err != nil {
		return err
	}
	if v.Pet != nil {
		var leaf dcLeaf
		if err := json.Unmarshal(v.Pet, &leaf); err != nil {
			return err
		}
		x.Pet = &leaf
	}
	if v.Pets != nil {
		var leaves []dcLeaf
		if err := json.Unmarshal(v.Pets, &leaves); err != nil {
			return err
		}
		x.Pets = nil
		for i := range leaves {
			x.Pets = append(x.Pets, &leaves[i])
		}
	}
	return nil
}

// dcOld is a generated type of before ExtraTag.
type dcOld struct {
	Name  Nullable[string]           `json:"name,omitzero"`
	Extra map[string]json.RawMessage `json:"-"`
}

func (x *dcOld) UnmarshalJSON(b []byte) error {
	type plain dcOld
	return UnmarshalObject(b, (*plain)(x), &x.Extra)
}

type dcNode struct {
	ID       *string               `json:"id,omitempty"`
	S        Nullable[string]      `json:"s,omitzero"`
	B        Nullable[bool]        `json:"b,omitzero"`
	I8       Nullable[int8]        `json:"i8,omitzero"`
	U8       Nullable[uint8]       `json:"u8,omitzero"`
	I16      Nullable[int16]       `json:"i16,omitzero"`
	I32      Nullable[int32]       `json:"i32,omitzero"`
	I64      Nullable[int64]       `json:"i64,omitzero"`
	U16      *uint16               `json:"u16,omitempty"`
	F32      Nullable[float32]     `json:"f32,omitzero"`
	F64      Nullable[float64]     `json:"f64,omitzero"`
	Dec      Nullable[json.Number] `json:"dec,omitzero"`
	T        Nullable[time.Time]   `json:"t,omitzero"`
	TP       *time.Time            `json:"tp,omitempty"`
	TL       []time.Time           `json:"tl,omitzero"`
	D        Nullable[Date]        `json:"d,omitzero"`
	TOD      Nullable[TimeOfDay]   `json:"tod,omitzero"`
	Dur      Nullable[Duration]    `json:"dur,omitzero"`
	Bin      Nullable[Binary]      `json:"bin,omitzero"`
	BinP     *Binary               `json:"binP,omitempty"`
	Color    Nullable[dcColor]     `json:"color,omitzero"`
	Colors   []dcColor             `json:"colors,omitzero"`
	Raw      json.RawMessage       `json:"raw,omitempty"`
	Raws     []json.RawMessage     `json:"raws,omitzero"`
	Strs     []string              `json:"strs,omitzero"`
	Ints     []int64               `json:"ints,omitzero"`
	Leaf     Nullable[dcLeaf]      `json:"leaf,omitzero"`
	LeafP    Nullable[*dcLeaf]     `json:"leafP,omitzero"`
	Leaves   []dcLeaf              `json:"leaves,omitzero"`
	Child    *dcNode               `json:"child,omitempty"`
	Children []dcNode              `json:"children,omitzero"`
	Poly     *dcPoly               `json:"poly,omitempty"`
	WithPoly []dcWithPoly          `json:"withPoly,omitzero"`
	Old      Nullable[dcOld]       `json:"old,omitzero"`
	Pet      dcAnimal              `json:"pet,omitempty"`
	Pets     []dcAnimal            `json:"pets,omitzero"`
	NoTag    string
	hidden   string
	Skipped  string                     `json:"-"`
	Extra    map[string]json.RawMessage `json:"-" odata:"extra"`
}

func (x *dcNode) UnmarshalJSON(b []byte) error {
	return UnmarshalStruct(b, x, &x.Extra)
}

// decodeBoth decodes data into a new T with the fast path (by Unmarshal and
// by json.Unmarshal, which calls UnmarshalJSON) and with encoding/json alone,
// and reports any difference in the result or the error.
func decodeBoth[T any](data []byte) error {
	var fast, viaJSON, slow T
	errFast := Unmarshal(data, &fast)
	errJSON := json.Unmarshal(data, &viaJSON)
	slowOnly.Store(true)
	errSlow := json.Unmarshal(data, &slow)
	slowOnly.Store(false)
	if fmt.Sprint(errJSON) != fmt.Sprint(errSlow) {
		return fmt.Errorf("json.Unmarshal: error %v, encoding/json alone: %v", errJSON, errSlow)
	}
	if (errFast == nil) != (errSlow == nil) || errFast != nil && errFast.Error() != errSlow.Error() {
		return fmt.Errorf("Unmarshal: error %v, encoding/json alone: %v", errFast, errSlow)
	}
	if errSlow != nil {
		return nil
	}
	if !reflect.DeepEqual(fast, slow) {
		return fmt.Errorf("Unmarshal gave\n%#v\nencoding/json alone\n%#v", fast, slow)
	}
	if !reflect.DeepEqual(viaJSON, slow) {
		return fmt.Errorf("json.Unmarshal gave\n%#v\nencoding/json alone\n%#v", viaJSON, slow)
	}
	return nil
}

func TestDecodeUsesFastPath(t *testing.T) {
	// The codecs: what is decoded in place and what is left to
	// UnmarshalJSON.
	if c := valueCodec(reflect.TypeFor[dcNode]()); c == nil || c.kind != kObject {
		t.Fatalf("dcNode codec = %+v, want an object", c)
	}
	kinds := map[string]codecKind{}
	c := valueCodec(reflect.TypeFor[dcNode]())
	for _, f := range c.fields {
		kinds[f.name] = f.c.kind
	}
	for name, want := range map[string]codecKind{
		"id": kPtr, "s": kNullable, "t": kNullable, "tp": kPtr, "d": kNullable, "raw": kRaw, "dec": kNullable,
		"leaves": kSlice, "child": kPtr, "poly": kPtr, "NoTag": kString, "pet": kPoly, "pets": kSlice,
	} {
		if kinds[name] != want {
			t.Errorf("field %s: kind %d, want %d", name, kinds[name], want)
		}
	}
	if _, ok := kinds["hidden"]; ok {
		t.Error("unexported field has a codec")
	}
	if _, ok := kinds["Skipped"]; ok {
		t.Error(`json:"-" field has a codec`)
	}
	if k := valueCodec(reflect.TypeFor[dcPoly]()).kind; k != kUnmarshaler {
		t.Errorf("dcPoly: kind %d, want kUnmarshaler (its any field)", k)
	}
	if k := valueCodec(reflect.TypeFor[dcOld]()).kind; k != kUnmarshaler {
		t.Errorf("dcOld: kind %d, want kUnmarshaler (no ExtraTag)", k)
	}
	type plainWithPoly dcWithPoly
	shadowed := objectCodec(reflect.TypeFor[struct {
		*plainWithPoly
		Pet  json.RawMessage `json:"pet"`
		Pets json.RawMessage `json:"pets"`
	}]())
	if shadowed == nil || len(shadowed.fields) != 3 || shadowed.fields[2].name != "id" || shadowed.fields[2].via != 0 {
		t.Errorf("the embedded plain twin of a polymorphic type: codec %+v, want pet, pets and id through the pointer", shadowed)
	}
	if c := objectCodec(reflect.TypeFor[struct{ A map[string]int }]()); c != nil {
		t.Error("a struct with a map field has a fast codec")
	}
	// A valid payload decodes without falling back: no allocations beyond
	// the values themselves.
	data := []byte(`{"s":"x","b":true,"i32":5,"leaves":[{"name":"a"}],"@odata.type":"#n"}`)
	var v dcNode
	allocs := testing.AllocsPerRun(100, func() {
		v = dcNode{}
		if err := Unmarshal(data, &v); err != nil {
			t.Fatal(err)
		}
	})
	// "x", the leaves slice, "a", the Extra map and its backing.
	if allocs > 6 {
		t.Errorf("%v allocations, want at most 6", allocs)
	}
}

func TestDecodeAgrees(t *testing.T) {
	cases := []string{
		`{}`, `null`, ` { } `, `[]`, `"x"`, `1`, `{"s":"a"}x`, `{"s":"a"`, `{"s":}`, `{"s":"a",}`,
		`{"s":null,"b":null,"i8":null,"t":null,"d":null,"leaf":null,"leafP":null,"leaves":null,"child":null}`,
		`{"s":"\u00e9\ud83d\ude00\n\"\\\/","id":"caf\u00e9"}`,
		`{"s":"\ud800"}`, `{"s":"\udc00x"}`, "{\"s\":\"\xff\"}", "{\"s\":\"a\x01\"}", `{"s":"\x"}`,
		`{"i8":127,"u8":255,"i16":-32768,"i32":2147483647,"i64":-9223372036854775808,"u16":65535}`,
		`{"i8":128}`, `{"u8":-1}`, `{"u8":256}`, `{"i32":1.5}`, `{"i64":1e2}`, `{"i64":-0}`, `{"u16":-0}`,
		`{"f32":3.4e39}`, `{"f64":1e400}`, `{"f64":-0.0}`, `{"f32":1.5e-50}`, `{"dec":12.50}`, `{"dec":"12.5"}`, `{"dec":"x"}`,
		`{"t":"2020-11-03T12:43:14Z","tp":"2020-11-03T12:43:14.123+02:00","tl":["2020-11-03T12:43:14Z"]}`,
		`{"t":"2020-11-03T12:43Z"}`, `{"t":5}`, `{"tp":null}`,
		`{"d":"2020-02-29","tod":"12:00:00.5","dur":"PT1H30M","bin":"AQID","binP":"AA=="}`,
		`{"d":"2021-02-29"}`, `{"d":5}`, `{"bin":"!!"}`,
		`{"color":"red","colors":["red","Blue",""]}`, `{"colors":[null]}`, `{"colors":[1]}`,
		`{"raw":{"a":[1,2,{"b":null}]},"raws":[1,"x",null,{}]}`, `{"raw":null}`,
		`{"strs":[],"ints":[1,2,3]}`, `{"strs":[null,"a"]}`, `{"ints":[1,"2"]}`,
		`{"leaf":{"name":"n","count":3,"@odata.type":"#x"},"leafP":{"name":null},"leaves":[{},{"zz":1}]}`,
		`{"leaf":{"Name":"n"}}`, `{"leaf":[]}`, `{"leaf":"x"}`,
		`{"child":{"child":{"s":"deep","children":[{"s":"c"}]}}}`,
		`{"poly":{"any":[1,{"x":true}],"other":1}}`, `{"old":{"name":"o","x":1}}`,
		`{"withPoly":[{"id":"w","pet":{"name":"p","z":1},"pets":[{"count":1},{}],"@odata.type":"#w"},{"pet":null,"pets":null}]}`,
		`{"withPoly":[{"id":"w"},{"pet":"x"}]}`,
		`{"NoTag":"v","hidden":"h","Skipped":"s","noTag":"lower"}`,
		`{"S":"case","s":"a","s":"b","x":1,"x":2}`,
		`{"\u0073":"escaped name"}`,
		`{"pet":{"@odata.type":"#x.cat","lives":1},"pets":[{"@odata.type":"x.dog","friend":{"@odata.type":"#x.cat"}},{},null]}`,
		`{"pet":{"id":"1","@odata.type":"#x.dog"},"pet":null,"pets":[],"pets":null}`,
		`{"pet":{"@odata.type":"#x.cat","@odata.type":"#x.dog","good":true}}`,
		`{"pet":{"@odata.type":"#x.cat","lives":1,"@odata.type":5}}`,
		`{"pet":{"@odata.type":"#x.cat","lives":"1"}}`, `{"pet":[1]}`, `{"pet":"x"}`, `{"pets":{}}`, `{"pets":[1]}`,
		`{"pet":{"\u0040odata.type":"#x.cat"}}`, `{"pet":{"@odata.type":"#x.c\u0061t","lives":2}}`,
		`{"pet":{"@odata.type":"\ud800"}}`, `{"pet":{"@odata.type":"#x.cat"},"Pet":{"@odata.type":"#x.dog"}}`,
		`{"pets":[{"@odata.type":"#x.cat","lives":1},{"@odata.type":"#x.cat","lives":true}],"s":"a"}`,
		`{"@odata.context":"c","@odata.etag":"W/\"1\"","s@odata.type":"#String","ext_1":{"a":1}}`,
		`{"s":"a"} `, "\t{\"s\" :\n\"a\" ,\r\"b\": true}\n",
		`{"i32":01}`, `{"i32":-}`, `{"i32":1.}`, `{"i32":1e}`, `{"b":tru}`, `{"b":nul}`, `{"s":"a"}{}`,
		`{"leaves":[{"name":"a"},]}`, `{"leaves":[{"name":"a"} {"name":"b"}]}`,
		strings.Repeat(`{"child":`, 300) + `{}` + strings.Repeat(`}`, 300),
		`{"raw":` + strings.Repeat(`[`, 10001) + strings.Repeat(`]`, 10001) + `}`,
	}
	for _, in := range cases {
		if err := decodeBoth[dcNode]([]byte(in)); err != nil {
			t.Errorf("%.80q: %v", in, err)
		}
		if err := decodeBoth[[]dcNode]([]byte("[" + in + "]")); err != nil {
			t.Errorf("[%.80q]: %v", in, err)
		}
	}
}

// TestDecodeAgreesRandom feeds payloads made from dcNode's fields, with
// wrong types, nulls, unknown members, escapes and byte-level damage, to
// both paths.
func TestDecodeAgreesRandom(t *testing.T) {
	n := 20000
	if testing.Short() {
		n = 2000
	}
	r := rand.New(rand.NewPCG(1, 2))
	for i := range n {
		in := randomPayload(r, reflect.TypeFor[dcNode](), 0)
		if r.IntN(8) == 0 {
			in = damage(r, in)
		}
		if err := decodeBoth[dcNode](in); err != nil {
			t.Fatalf("payload %d %q: %v", i, in, err)
		}
		// A struct of polymorphic fields: dcAnimal's structs, by
		// @odata.type (writeRandomPoly).
		in = randomPayload(r, reflect.TypeFor[dcZoo](), 0)
		if r.IntN(8) == 0 {
			in = damage(r, in)
		}
		if err := decodeBoth[dcZoo](in); err != nil {
			t.Fatalf("payload %d %q: %v", i, in, err)
		}
	}
}

func FuzzDecodeAgrees(f *testing.F) {
	r := rand.New(rand.NewPCG(3, 4))
	for range 40 {
		f.Add(randomPayload(r, reflect.TypeFor[dcNode](), 0))
	}
	for range 20 {
		f.Add(randomPayload(r, reflect.TypeFor[dcZoo](), 0))
	}
	f.Add([]byte(`{"s":"\ud800","leaves":[{"name":"a"}]}`))
	f.Add([]byte(`{"pet":{"@odata.type":"#x.cat","lives":1},"pets":[{"@odata.type":"x.dog","friend":{}},null]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		if err := decodeBoth[dcNode](data); err != nil {
			t.Fatal(err)
		}
		if err := decodeBoth[dcZoo](data); err != nil {
			t.Fatal(err)
		}
	})
}

var randomStrings = []string{
	``, `a`, `Adele Vance`, `caf\u00e9`, `\"quoted\"`, `line\nbreak`, `\ud83d\ude00`, `\ud800`, "é", `\/`,
	`2020-11-03T12:43:14Z`, `2020-11-03T12:43Z`, `2020-02-29`, `12:30:00`, `PT1H`, `P1D`, `AQID`, `12.5`, `red`,
	"\xff", `\u0000`, `\t`,
}

// randomPayload writes a JSON value for t: mostly of the right kind, now and
// then of another.
func randomPayload(r *rand.Rand, t reflect.Type, depth int) []byte {
	var b strings.Builder
	writeRandom(r, &b, t, depth)
	return []byte(b.String())
}

func writeRandom(r *rand.Rand, b *strings.Builder, t reflect.Type, depth int) {
	if r.IntN(20) == 0 || depth > 4 {
		writeAny(r, b, depth)
		return
	}
	if t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if t.Kind() == reflect.Struct && hasPrefix(t.Name(), "Nullable[") {
		if r.IntN(5) == 0 {
			b.WriteString("null")
			return
		}
		t = t.Field(0).Type
		if t.Kind() == reflect.Pointer {
			t = t.Elem()
		}
	}
	if t == reflect.TypeFor[dcAnimal]() {
		writeRandomPoly(r, b, depth)
		return
	}
	switch {
	case t == timeType || t == reflect.TypeFor[Date]() || t == reflect.TypeFor[TimeOfDay]() ||
		t == reflect.TypeFor[Duration]() || t == reflect.TypeFor[Binary]():
		fmt.Fprintf(b, `"%s"`, randomStrings[r.IntN(len(randomStrings))])
		return
	case t == numberType:
		writeNumber(r, b)
		return
	case t == rawType:
		writeAny(r, b, depth)
		return
	}
	switch t.Kind() {
	case reflect.String:
		fmt.Fprintf(b, `"%s"`, randomStrings[r.IntN(len(randomStrings))])
	case reflect.Bool:
		b.WriteString([]string{"true", "false", "null"}[r.IntN(3)])
	case reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64, reflect.Uint8, reflect.Uint16, reflect.Float32, reflect.Float64:
		writeNumber(r, b)
	case reflect.Slice:
		if r.IntN(6) == 0 {
			b.WriteString("null")
			return
		}
		b.WriteByte('[')
		for i := range r.IntN(4) {
			if i > 0 {
				b.WriteByte(',')
			}
			writeRandom(r, b, t.Elem(), depth+1)
		}
		b.WriteByte(']')
	case reflect.Struct:
		b.WriteByte('{')
		n := 0
		for range r.IntN(8) {
			if n > 0 {
				b.WriteString([]string{",", " , ", ",\n"}[r.IntN(3)])
			}
			n++
			if r.IntN(5) == 0 {
				fmt.Fprintf(b, `"%s":`, []string{"@odata.type", "@odata.etag", "x", "s@odata.type", "S", "Name"}[r.IntN(6)])
				writeAny(r, b, depth+1)
				continue
			}
			sf := t.Field(r.IntN(t.NumField()))
			name, _, _ := strings.Cut(sf.Tag.Get("json"), ",")
			if name == "" || name == "-" {
				name = sf.Name
			}
			fmt.Fprintf(b, `"%s":`, name)
			writeRandom(r, b, sf.Type, depth+1)
		}
		b.WriteByte('}')
	default:
		writeAny(r, b, depth)
	}
}

// writeRandomPoly writes an object of dcAnimal: the members of one of its
// structs, with an @odata.type (most often first) that names it, another
// or none, now and then two.
func writeRandomPoly(r *rand.Rand, b *strings.Builder, depth int) {
	types := []reflect.Type{reflect.TypeFor[dcBase](), reflect.TypeFor[dcCat](), reflect.TypeFor[dcDog]()}
	names := []string{`"#x.cat"`, `"x.dog"`, `"#x.dog"`, `"#x.unicorn"`, `"x.base"`, `5`, `null`, `"#x.c\u0061t"`}
	obj := randomPayload(r, types[r.IntN(len(types))], depth+1)
	if len(obj) < 2 || obj[0] != '{' || r.IntN(10) == 0 {
		b.Write(obj)
		return
	}
	inner := string(obj[1 : len(obj)-1])
	typ := `"@odata.type":` + names[r.IntN(len(names))]
	b.WriteByte('{')
	switch k := r.IntN(6); {
	case k < 3 || inner == "":
		b.WriteString(typ)
		if inner != "" {
			b.WriteString("," + inner)
		}
		if k == 0 {
			b.WriteString(`,"@odata.type":` + names[r.IntN(len(names))])
		}
	case k < 5:
		b.WriteString(inner + "," + typ)
	default:
		b.WriteString(inner)
	}
	b.WriteByte('}')
}

func writeNumber(r *rand.Rand, b *strings.Builder) {
	switch r.IntN(6) {
	case 0:
		b.WriteString(strconv.Itoa(r.IntN(300) - 150))
	case 1:
		b.WriteString(strconv.FormatInt(r.Int64()-r.Int64(), 10))
	case 2:
		b.WriteString(strconv.FormatFloat(r.NormFloat64()*1e3, 'g', -1, 64))
	case 3:
		b.WriteString([]string{"1e2", "-0", "0.5", "1e400", "3.4e39", "65535", "65536", "2147483648", "18446744073709551616"}[r.IntN(9)])
	case 4:
		b.WriteString(`"12.5"`)
	default:
		b.WriteString(strconv.Itoa(r.IntN(100)))
	}
}

func writeAny(r *rand.Rand, b *strings.Builder, depth int) {
	switch k := r.IntN(7); {
	case k == 0 && depth < 6:
		b.WriteString(`{"a":`)
		writeAny(r, b, depth+1)
		b.WriteString(`}`)
	case k == 1 && depth < 6:
		b.WriteString(`[`)
		writeAny(r, b, depth+1)
		b.WriteString(`,1]`)
	case k == 2:
		fmt.Fprintf(b, `"%s"`, randomStrings[r.IntN(len(randomStrings))])
	case k == 3:
		writeNumber(r, b)
	default:
		b.WriteString([]string{"true", "false", "null", "{}", "[]"}[r.IntN(5)])
	}
}

// damage changes a byte, cuts the payload short or doubles a piece of it.
func damage(r *rand.Rand, in []byte) []byte {
	if len(in) == 0 {
		return in
	}
	i := r.IntN(len(in))
	out := append([]byte(nil), in...)
	switch r.IntN(3) {
	case 0:
		out[i] = `{}[]",:\ 0-e.nt`[r.IntN(15)]
	case 1:
		out = out[:i]
	default:
		out = append(out[:i:i], append(in[i:min(len(in), i+5)], in[i:]...)...)
	}
	return out
}

func TestPage(t *testing.T) {
	data := []byte(`{"@odata.context":"c","value":[{"name":"a","x":1},{"count":2}],"@odata.nextLink":"https://graph.example/next?$skiptoken=1"}`)
	if err := decodeBoth[Page[dcLeaf]](data); err != nil {
		t.Fatal(err)
	}
	var p Page[dcLeaf]
	if err := Unmarshal(data, &p); err != nil {
		t.Fatal(err)
	}
	if len(p.Value) != 2 || Or(p.Value[0].Name, "") != "a" || string(p.Value[0].Extra["x"]) != "1" || *p.Value[1].Count != 2 {
		t.Errorf("Value = %+v", p.Value)
	}
	if got := p.NextLink(); got != "https://graph.example/next?$skiptoken=1" {
		t.Errorf("NextLink() = %q", got)
	}
	if got := p.DeltaLink(); got != "" {
		t.Errorf("DeltaLink() = %q, want none", got)
	}
	out, err := json.Marshal(p)
	if err != nil {
		t.Fatal(err)
	}
	var back Page[dcLeaf]
	if err := Unmarshal(out, &back); err != nil || !reflect.DeepEqual(back, p) {
		t.Errorf("round trip: %s gave %+v, %v", out, back, err)
	}
}

func TestMarshalStructIsMarshalObject(t *testing.T) {
	data := []byte(`{"s":"x","i32":5,"leaves":[{"name":"a","q":1}],"Unexported34":"no","hidden":"h","@odata.type":"#n","zz":[1]}`)
	var v dcNode
	if err := Unmarshal(data, &v); err != nil {
		t.Fatal(err)
	}
	v.hidden = "kept out"
	got, err := MarshalStruct(&v, v.Extra)
	if err != nil {
		t.Fatal(err)
	}
	type plain dcNode
	want, err := MarshalObject(plain(v), v.Extra)
	if err != nil {
		t.Fatal(err)
	}
	if string(got) != string(want) {
		t.Errorf("MarshalStruct:\n%s\nMarshalObject:\n%s", got, want)
	}
	if _, err := MarshalStruct(v, nil); err == nil {
		t.Error("MarshalStruct of a struct value, not a pointer: no error")
	}
}
