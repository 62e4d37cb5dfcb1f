package generator

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/odatagen/odatagen/spec"
	"github.com/odatagen/odatagen/spec/yamlspec"
	"github.com/odatagen/odatagen/validate"
	"github.com/odatagen/odatagen/validate/schemaset"
	"github.com/odatagen/odatagen/validate/validatetest"
)

// schP builds a property: type "Collection(x)" or "x", nullable unless
// the type has a "!" after the name.
func schP(name, typ string, mod ...func(*spec.Property)) *spec.Property {
	nullable := !strings.Contains(typ, "!")
	r, err := spec.ParseTypeRef(strings.ReplaceAll(typ, "!", ""))
	if err != nil {
		panic(err)
	}
	p := &spec.Property{Name: name, Type: r, Nullable: nullable, Pos: spec.Pos{File: "kitchen.yaml", Line: 1}}
	for _, m := range mod {
		m(p)
	}
	return p
}

func readOnly(p *spec.Property)  { p.ReadOnly = true }
func required(p *spec.Property)  { p.Required = true }
func immutable(p *spec.Property) { p.Immutable = true }

// schKitchenSpec has one of everything the schema generator handles.
func schKitchenSpec() *spec.Spec {
	ct := func(name string, props ...*spec.Property) *spec.StructuredType {
		return &spec.StructuredType{Kind: spec.ComplexKind, Name: name, Namespace: "ns", Properties: props}
	}
	et := func(name, base string, props ...*spec.Property) *spec.StructuredType {
		return &spec.StructuredType{Kind: spec.EntityKind, Name: name, Namespace: "ns", BaseType: base, Properties: props}
	}
	members := func(names ...string) []*spec.EnumMember {
		var ms []*spec.EnumMember
		for i, n := range names {
			ms = append(ms, &spec.EnumMember{Name: n, Value: int64(1 << i)})
		}
		return ms
	}
	all := ct("allTypes",
		schP("str", "Edm.String!"), schP("short", "Edm.String", func(p *spec.Property) { p.MaxLength = 3 }),
		schP("b", "Edm.Boolean"), schP("u8", "Edm.Byte"), schP("i8", "Edm.SByte"), schP("i16", "Edm.Int16"),
		schP("i32", "Edm.Int32"), schP("i64", "Edm.Int64"), schP("f32", "Edm.Single"), schP("f64", "Edm.Double"),
		schP("dec", "Edm.Decimal"), schP("dto", "Edm.DateTimeOffset"), schP("date", "Edm.Date"),
		schP("tod", "Edm.TimeOfDay"), schP("dur", "Edm.Duration"), schP("guid", "Edm.Guid"), schP("bin", "Edm.Binary"),
		schP("stream", "Edm.Stream"), schP("untyped", "Edm.Untyped"), schP("geo", "Edm.GeographyPoint"),
		schP("tags", "Collection(Edm.String!)"), schP("maybe", "Collection(Edm.Int32)"),
		schP("color", "ns.color"), schP("colors", "Collection(ns.color!)"), schP("level", "ns.level!"),
		schP("name", "ns.shortName"),
		schP("address", "ns.address"), schP("home", "ns.address!"), schP("addresses", "Collection(ns.address!)"),
		schP("node", "ns.node"),
	)
	address := ct("address", schP("street", "Edm.String"), schP("geoId", "Edm.String", readOnly), schP("zip", "Edm.String", required))
	node := ct("node", schP("label", "Edm.String"), schP("child", "ns.node"))
	open := ct("bag", schP("known", "Edm.Int32"))
	open.Open = true

	base := et("base", "ns.undefinedRoot", schP("id", "Edm.String", readOnly), schP("code", "Edm.String", immutable),
		schP("kind", "Edm.String", required))
	base.NavigationProperties = []*spec.Property{schP("manager", "ns.base"), schP("reports", "Collection(ns.base)")}
	derivedA := et("derivedA", "ns.base", schP("propA", "Edm.String"), schP("id", "Edm.String", readOnly))
	derivedB := et("derivedB", "ns.derivedA", schP("propB", "Edm.Int32"))
	holder := et("holder", "", schP("owner", "ns.base"), schP("bag", "ns.bag"), schP("all", "ns.allTypes"))

	return &spec.Spec{
		Types: []*spec.StructuredType{all, address, node, open, base, derivedA, derivedB, holder},
		Enums: []*spec.EnumType{
			{Name: "color", Namespace: "ns", Flags: true, Members: members("red", "green", "blue")},
			{Name: "level", Namespace: "ns", Sentinel: "unknownFutureValue", Members: members("low", "high", "unknownFutureValue", "extreme")},
		},
		TypeDefs: []*spec.TypeDef{{Name: "shortName", Namespace: "ns", UnderlyingType: "Edm.String"}},
		Operations: []*spec.Operation{
			{Kind: spec.Create, Type: "holder", Method: "POST", Path: "/holders", Body: []*spec.BodyProperty{
				{Name: "owner", Required: true}, {Name: "all", Required: true}, {Name: "extra", Type: spec.TypeRef{Name: "Edm.Int32"}}}},
			{Kind: spec.Create, Type: "ns.holder", Method: "POST", Path: "/groups/{id}/holders", Body: []*spec.BodyProperty{
				{Name: "owner", Required: true}, {Name: "all"}, {Name: "note"}}},
		},
	}
}

func TestSchemaKitchen(t *testing.T) {
	files, err := Schemas(schKitchenSpec(), SchemaOptions{})
	if err != nil {
		t.Fatal(err)
	}
	schGolden(t, filepath.Join("..", "testdata", "schema", "kitchen"), files)
	set, err := schemaset.New(files)
	if err != nil {
		t.Fatal(err)
	}
	R, C, U := validate.Read, validate.Create, validate.Update
	for _, tt := range []struct {
		typ  string
		mode validate.Mode
		body string
		at   string // "-" = valid
		msg  string
	}{
		// Primitives.
		{"allTypes", R, `{"str":"x","short":"abc","b":false,"u8":255,"i8":-128,"i16":32767,"i32":-2147483648,"i64":9223372036854775807,
			"f32":1.5,"f64":"-INF","dec":12.345,"dto":"2020-11-03T12:43:14.123+01:00","date":"2020-02-29","tod":"23:59:59.5",
			"dur":"-P1DT0.5S","guid":"B3548526-E615-3785-3118-BE70B3968EC5","bin":"_-8","stream":{"x":1},"untyped":[1,"a"],
			"geo":{"type":"Point","coordinates":[1,2]},"tags":["a"],"maybe":[1,null],"color":"red, blue","colors":["green"],
			"level":"extreme","name":"n"}`, "-", ""},
		{"allTypes", R, `{"str":null}`, "/str", "expected Edm.String, found null"},
		{"allTypes", R, `{"short":"abcd"}`, "/short", "string of 4 characters is longer than the MaxLength 3 of Edm.String"},
		{"allTypes", R, `{"u8":256}`, "/u8", "256 is out of range for Edm.Byte (0..255)"},
		{"allTypes", R, `{"i8":-129}`, "/i8", "-129 is out of range for Edm.SByte (-128..127)"},
		{"allTypes", R, `{"i16":40000}`, "/i16", "40000 is out of range for Edm.Int16 (-32768..32767)"},
		{"allTypes", R, `{"i32":1.5}`, "/i32", "expected Edm.Int32, found number 1.5"},
		{"allTypes", R, `{"i64":9223372036854775808}`, "/i64", "out of range for Edm.Int64"},
		{"allTypes", R, `{"f64":"abc"}`, "/f64", `expected Edm.Double, found string "abc"`},
		{"allTypes", R, `{"f32":true}`, "/f32", "expected Edm.Single, found boolean true"},
		{"allTypes", R, `{"f64":"NaN","f32":"INF"}`, "-", ""},
		{"allTypes", R, `{"date":"2020-01-32"}`, "/date", `"2020-01-32" is not a valid Edm.Date (RFC 3339 full-date, YYYY-MM-DD)`},
		{"allTypes", R, `{"tod":"25:00"}`, "/tod", `"25:00" is not a valid Edm.TimeOfDay`},
		{"allTypes", R, `{"dur":"1 hour"}`, "/dur", `"1 hour" is not a valid Edm.Duration (ISO 8601 duration`},
		{"allTypes", R, `{"guid":"nope"}`, "/guid", `"nope" is not a valid Edm.Guid (8-4-4-4-12 hexadecimal digits)`},
		{"allTypes", R, `{"bin":"!!"}`, "/bin", `"!!" is not a valid Edm.Binary (base64url)`},
		{"allTypes", R, `{"dec":"1.5"}`, "/dec", `expected Edm.Decimal, found string "1.5"`},
		{"allTypes", R, `{"name":1}`, "/name", "expected Edm.String, found number 1"},
		// Collections.
		{"allTypes", R, `{"tags":[null]}`, "/tags/0", "expected Edm.String, found null"},
		{"allTypes", R, `{"tags":"a"}`, "/tags", `expected Collection(Edm.String), found string "a"`},
		{"allTypes", R, `{"tags":null}`, "/tags", "expected Collection(Edm.String), found null"},
		{"allTypes", R, `{"maybe":[1,"2"]}`, "/maybe/1", `expected Edm.Int32, found string "2"`},
		// Enums.
		{"allTypes", R, `{"color":"red,pink"}`, "/color", `"red,pink" is not a combination of color members (red, green, blue)`},
		{"allTypes", R, `{"colors":["red",null]}`, "/colors/1", "expected ns.color, found null"},
		{"allTypes", R, `{"level":null}`, "/level", "expected ns.level, found null"},
		{"allTypes", R, `{"level":"mid"}`, "/level", `"mid" is not a level member (low, high, unknownFutureValue, extreme)`},
		// Complex values, nullable or not, and recursive.
		{"allTypes", R, `{"address":null,"addresses":[]}`, "-", ""},
		{"allTypes", R, `{"home":null}`, "/home", "expected ns.address object, found null"},
		{"allTypes", R, `{"address":"x"}`, "/address", `expected ns.address object, found string "x"`},
		{"allTypes", R, `{"address":{"street":1}}`, "/address/street", "expected Edm.String, found number 1"},
		{"allTypes", R, `{"addresses":[{"zip":"1"},{"city":"x"}]}`, "/addresses/1/city", "unknown property city (ns.address is not an open type)"},
		{"allTypes", R, `{"node":{"child":{"child":{"label":2}}}}`, "/node/child/child/label", "expected Edm.String, found number 2"},
		{"allTypes", C, `{"str":"x","address":{"geoId":"g","zip":"1"}}`, "/address/geoId", "read-only property cannot be sent on create"},
		{"allTypes", C, `{"str":"x","address":{"street":"s"}}`, "/address", "missing required property zip"},
		{"allTypes", U, `{"address":{"street":"s"}}`, "-", ""},
		// Open types.
		{"bag", R, `{"known":1,"anything":{"goes":true}}`, "-", ""},
		{"bag", R, `{"known":"1"}`, "/known", "expected Edm.Int32"},
		// Inheritance and @odata.type dispatch.
		{"base", R, `{"id":"1","code":"c","kind":"k","manager":{"x":1},"reports":[{}]}`, "-", ""},
		{"base", R, `{"manager":"x"}`, "/manager", `expected ns.base object, found string "x"`},
		{"base", R, `{"reports":[1]}`, "/reports/0", "expected ns.base object, found number 1"},
		{"base", R, `{"propA":"x"}`, "/propA", "unknown property propA (ns.base is not an open type)"},
		{"base", R, `{"@odata.type":"#ns.derivedA","propA":"x","id":"1"}`, "-", ""},
		{"base", R, `{"@odata.type":"ns.derivedB","propA":"x","propB":2,"kind":"k"}`, "-", ""},
		{"base", R, `{"@odata.type":"#ns.derivedB","propB":"2"}`, "/propB", `expected Edm.Int32, found string "2"`},
		{"base", R, `{"@odata.type":"#ns.derivedA","propB":2}`, "/propB", "unknown property propB (ns.derivedA is not an open type)"},
		{"base", R, `{"@odata.type":"#ns.holder"}`, "/@odata.type", `"#ns.holder" is not ns.base or a type derived from it`},
		{"derivedA", R, `{"@odata.type":"#ns.base"}`, "/@odata.type", `"#ns.base" is not ns.derivedA or a type derived from it`},
		{"derivedB", C, `{"propB":1}`, "", "missing required property kind"},
		{"base", C, `{"@odata.type":"#ns.derivedB","kind":"k","propB":1,"id":"x"}`, "/id", "read-only property cannot be sent on create"},
		{"base", U, `{"code":"c"}`, "/code", "immutable property cannot be sent on update"},
		{"base", C, `{"code":"c","kind":"k"}`, "-", ""},
		{"holder", R, `{"owner":{"@odata.type":"#ns.derivedA","propA":"x"},"bag":{"z":1}}`, "-", ""},
		{"holder", R, `{"owner":{"@odata.type":"#ns.derivedA","propA":1}}`, "/owner/propA", "expected Edm.String, found number 1"},
		// Two create operations: allowed is the union, required the intersection.
		{"holder", C, `{"owner":{"kind":"k"},"all":{"str":"s"},"extra":1,"note":[1]}`, "-", ""},
		{"holder", C, `{"owner":{"kind":"k"}}`, "-", ""},
		{"holder", C, `{"all":{"str":"s"}}`, "", "missing required property owner"},
		{"holder", C, `{"owner":{"kind":"k"},"extra":"1"}`, "/extra", `expected Edm.Int32, found string "1"`},
		{"holder", C, `{"owner":{"kind":"k"},"bag":{}}`, "/bag", "property bag is not in the request body of POST /holders or POST /groups/{id}/holders"},
	} {
		err := set.Validate(tt.typ, tt.mode, []byte(tt.body))
		if tt.at == "-" {
			validatetest.Valid(t, err)
			continue
		}
		if validatetest.InvalidAt(t, err, tt.at) != nil {
			validatetest.ProblemAt(t, err, tt.at, tt.msg)
		}
	}
}

func TestSchemaUnresolved(t *testing.T) {
	s := &spec.Spec{Types: []*spec.StructuredType{{Kind: spec.ComplexKind, Name: "t", Namespace: "ns",
		Properties: []*spec.Property{
			{Name: "ok", Type: spec.TypeRef{Name: "Edm.String"}, Nullable: true},
			{Name: "gone", Type: spec.TypeRef{Name: "ns.missing", Collection: true}, Pos: spec.Pos{File: "t.yaml", Line: 12, Col: 5}},
		}}}}
	_, err := Schemas(s, SchemaOptions{})
	var serr *spec.Error
	if !errors.As(err, &serr) || err.Error() != "t.yaml:12:5: property gone of ns.t: type ns.missing is not defined" {
		t.Fatalf("got %v", err)
	}
	files, err := Schemas(s, SchemaOptions{AllowUnresolved: true})
	if err != nil {
		t.Fatal(err)
	}
	set, err := schemaset.New(files)
	if err != nil {
		t.Fatal(err)
	}
	validatetest.Valid(t, set.Validate("ns.t", validate.Read, []byte(`{"gone":[1,{"a":"b"},null]}`)))
	validatetest.InvalidAt(t, set.Validate("ns.t", validate.Read, []byte(`{"gone":1}`)), "/gone")
}

func TestSchemaBaseCycle(t *testing.T) {
	et := func(name, base string, line int) *spec.StructuredType {
		return &spec.StructuredType{Kind: spec.EntityKind, Name: name, Namespace: "ns", BaseType: base,
			Pos: spec.Pos{File: "c.yaml", Line: line}}
	}
	s := &spec.Spec{Types: []*spec.StructuredType{
		et("top", "ns.a", 1), et("a", "ns.b", 2), et("b", "ns.a", 3), et("self", "ns.self", 4), et("fine", "ns.top", 5),
	}}
	_, err := Schemas(s, SchemaOptions{})
	want := "c.yaml:2: base type cycle: ns.a -> ns.b -> ns.a\nc.yaml:4: base type cycle: ns.self -> ns.self"
	if err == nil || err.Error() != want {
		t.Errorf("got %v, want %s", err, want)
	}
}

// TestSchemaKeywordsAreTheRuntimes ties the x-odata-* keywords the schema
// emitter writes to the ones the runtime reads (validate.Keywords): over
// the golden specs and the seed, every x-odata-* key in every document is one of them,
// and each of them appears somewhere.
func TestSchemaKeywordsAreTheRuntimes(t *testing.T) {
	inputs, err := filepath.Glob(filepath.Join("..", "testdata", "golden", "*", "input.yaml"))
	if err != nil || len(inputs) == 0 {
		t.Fatalf("no golden inputs: %v", err)
	}
	inputs = append(inputs, filepath.Join("..", "testdata", "cloudpcexternalpartner.yaml")) // has operations
	seen := map[string]bool{}
	var walk func(v any)
	walk = func(v any) {
		switch v := v.(type) {
		case map[string]any:
			for k, x := range v {
				if strings.HasPrefix(k, "x-odata") {
					seen[k] = true
					if !slices.Contains(validate.Keywords, k) {
						t.Errorf("the emitter writes %q, which validate.Keywords lacks", k)
					}
				}
				walk(x)
			}
		case []any:
			for _, x := range v {
				walk(x)
			}
		}
	}
	for _, in := range inputs {
		src, err := os.ReadFile(in)
		if err != nil {
			t.Fatal(err)
		}
		s, err := yamlspec.Read(in, src)
		if err != nil {
			t.Fatal(err)
		}
		docs, err := Schemas(s, SchemaOptions{AllowUnresolved: true})
		if err != nil {
			continue // the cases that must fail
		}
		for _, d := range docs {
			var v any
			if err := json.Unmarshal(d, &v); err != nil {
				t.Fatal(err)
			}
			walk(v)
		}
	}
	for _, k := range validate.Keywords {
		if !seen[k] {
			t.Errorf("validate.Keywords has %q, which no golden schema carries", k)
		}
	}
}
