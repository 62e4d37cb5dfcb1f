package validate_test

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/odatagen/odatagen/generator"
	"github.com/odatagen/odatagen/spec/yamlspec"
	"github.com/odatagen/odatagen/validate"
	"github.com/odatagen/odatagen/validate/validatetest"
)

// Unit tests of Plan, rule by rule, on the kitchen spec
// (testdata/plan/kitchen.yaml). Each case is also run through the Set made
// from the same spec, which must say the same.

func planKitchen(t testing.TB) (*validate.Plan, *validate.Set) {
	t.Helper()
	file := filepath.Join("testdata", "plan", "kitchen.yaml")
	src, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	s, err := yamlspec.Read(file, src)
	if err != nil {
		t.Fatal(err)
	}
	plan, err := generator.Plan(s, generator.SchemaOptions{AllowUnresolved: false})
	if err != nil {
		t.Fatal(err)
	}
	files, err := generator.Schemas(s, generator.SchemaOptions{})
	if err != nil {
		t.Fatal(err)
	}
	set, err := validate.NewSet(files)
	if err != nil {
		t.Fatal(err)
	}
	return plan, set
}

func TestPlanRules(t *testing.T) {
	plan, set := planKitchen(t)
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
			"level":"extreme","name":"n","a@b":1,"sl/ash~tilde":2}`, "-", ""},
		{"allTypes", R, `{"str":null}`, "/str", "expected Edm.String, found null"},
		{"allTypes", R, `{"short":"abcd"}`, "/short", "string of 4 characters is longer than the MaxLength 3 of Edm.String"},
		{"allTypes", R, `{"short":"ééé"}`, "-", ""},
		{"allTypes", R, `{"short":"\u00e9\u00e9\u00e9\u00e9"}`, "/short", "string of 4 characters is longer than the MaxLength 3 of Edm.String"},
		{"allTypes", R, `{"tags":["abc"]}`, "/tags/0", "string of 3 characters is longer than the MaxLength 2 of Edm.String"},
		{"allTypes", R, `{"name":"abcde"}`, "/name", "string of 5 characters is longer than the MaxLength 4 of Edm.String"},
		{"allTypes", R, `{"u8":256}`, "/u8", "256 is out of range for Edm.Byte (0..255)"},
		{"allTypes", R, `{"u8":-1}`, "/u8", "-1 is out of range for Edm.Byte (0..255)"},
		{"allTypes", R, `{"u8":2.55e2}`, "-", ""},
		{"allTypes", R, `{"i8":-129}`, "/i8", "-129 is out of range for Edm.SByte (-128..127)"},
		{"allTypes", R, `{"i16":40000}`, "/i16", "40000 is out of range for Edm.Int16 (-32768..32767)"},
		{"allTypes", R, `{"i32":1.5}`, "/i32", "expected Edm.Int32, found number 1.5"},
		{"allTypes", R, `{"i32":1e2}`, "-", ""},
		{"allTypes", R, `{"i32":1e1000001}`, "/i32", "expected Edm.Int32, found number 1e1000001"},
		{"allTypes", R, `{"i64":9223372036854775808}`, "/i64", "9223372036854775808 is out of range for Edm.Int64 (-9223372036854775808..9223372036854775807)"},
		{"allTypes", R, `{"i64":"1"}`, "/i64", `expected Edm.Int64, found string "1"`},
		{"allTypes", R, `{"f64":"abc"}`, "/f64", `expected Edm.Double, found string "abc"`},
		{"allTypes", R, `{"f64":"\u0049NF"}`, "-", ""},
		{"allTypes", R, `{"f64":null}`, "/f64", "expected Edm.Double, found null"},
		{"allTypes", R, `{"f32":true}`, "/f32", "expected Edm.Single, found boolean true"},
		{"allTypes", R, `{"f64":"NaN","f32":"INF"}`, "-", ""},
		{"allTypes", R, `{"date":"2020-01-32"}`, "/date", `"2020-01-32" is not a valid Edm.Date (RFC 3339 full-date, YYYY-MM-DD)`},
		{"allTypes", R, `{"dto":"2020-11-03 12:43"}`, "/dto", `"2020-11-03 12:43" is not a valid Edm.DateTimeOffset (RFC 3339 date-time)`},
		{"allTypes", R, `{"dto":"2020-11-03T12:43Z"}`, "/dto", `"2020-11-03T12:43Z" is not a valid Edm.DateTimeOffset (RFC 3339 date-time)`},
		{"allTypes", R, `{"tod":"25:00"}`, "/tod", `"25:00" is not a valid Edm.TimeOfDay (hh:mm:ss[.fffffff])`},
		{"allTypes", R, `{"dur":"1 hour"}`, "/dur", `"1 hour" is not a valid Edm.Duration (ISO 8601 duration, e.g. PT1H30M)`},
		{"allTypes", R, `{"guid":"nope"}`, "/guid", `"nope" is not a valid Edm.Guid (8-4-4-4-12 hexadecimal digits)`},
		{"allTypes", R, `{"bin":"!!"}`, "/bin", `"!!" is not a valid Edm.Binary (base64url)`},
		{"allTypes", R, `{"dec":"1.5"}`, "/dec", `expected Edm.Decimal, found string "1.5"`},
		{"allTypes", R, `{"name":1}`, "/name", "expected Edm.String, found number 1"},
		{"allTypes", R, `{"str":"` + strings.Repeat("é", 70) + `","b":"` + strings.Repeat("x", 70) + `"}`,
			"/b", `expected Edm.Boolean, found string "` + strings.Repeat("x", 64) + `"…`},
		{"allTypes", R, `{"i32":` + strings.Repeat("1", 70) + `}`, "/i32", strings.Repeat("1", 64) + "… is out of range"},
		// Collections.
		{"allTypes", R, `{"tags":[null]}`, "/tags/0", "expected Edm.String, found null"},
		{"allTypes", R, `{"tags":"a"}`, "/tags", `expected Collection(Edm.String), found string "a"`},
		{"allTypes", R, `{"tags":null}`, "/tags", "expected Collection(Edm.String), found null"},
		{"allTypes", R, `{"names":{}}`, "/names", "expected Collection(ns.shortName), found object"},
		{"allTypes", R, `{"maybe":[1,"2"]}`, "/maybe/1", `expected Edm.Int32, found string "2"`},
		{"allTypes", R, `{"dates":["2020-02-30"]}`, "/dates/0", `"2020-02-30" is not a valid Edm.Date`},
		// Enums.
		{"allTypes", R, `{"color":"red,pink"}`, "/color", `"red,pink" is not a combination of color members (red, green, blue, redder)`},
		{"allTypes", R, `{"color":" redder , red "}`, "-", ""},
		{"allTypes", R, `{"color":"red,"}`, "/color", `"red," is not a combination of color members`},
		{"allTypes", R, `{"colors":["red",null]}`, "/colors/1", "expected ns.color, found null"},
		{"allTypes", R, `{"level":null}`, "/level", "expected ns.level, found null"},
		{"allTypes", R, `{"level":"mid"}`, "/level", `"mid" is not a level member (low, high, unknownFutureValue, extreme)`},
		{"allTypes", R, `{"level":3}`, "/level", "expected ns.level, found number 3"},
		{"allTypes", R, `{"levels":[null,"low"]}`, "-", ""},
		{"allTypes", R, `{"none":"x"}`, "/none", `"x" is not a nothing member ()`},
		{"allTypes", R, `{"none":null,"noFlags":" , "}`, "-", ""},
		{"allTypes", R, `{"noFlags":"x"}`, "/noFlags", `"x" is not a combination of noFlags members ()`},
		// Complex values, nullable or not, and recursive.
		{"allTypes", R, `{"address":null,"addresses":[]}`, "-", ""},
		{"allTypes", R, `{"home":null}`, "/home", "expected ns.address object, found null"},
		{"allTypes", R, `{"address":"x"}`, "/address", `expected ns.address object, found string "x"`},
		{"allTypes", R, `{"address":{"street":1}}`, "/address/street", "expected Edm.String, found number 1"},
		{"allTypes", R, `{"addresses":[{"zip":"1"},{"city":"x"}]}`, "/addresses/1/city", "unknown property city (ns.address is not an open type)"},
		{"allTypes", R, `{"addresses":[null]}`, "/addresses/0", "expected ns.address object, found null"},
		{"allTypes", R, `{"maybeAddresses":[null]}`, "-", ""},
		{"allTypes", R, `{"node":{"child":{"child":{"label":2}}}}`, "/node/child/child/label", "expected Edm.String, found number 2"},
		{"allTypes", R, `{"node":{"children":[{"children":[{"label":[]}]}]}}`, "/node/children/0/children/0/label", "expected Edm.String, found array"},
		{"allTypes", C, `{"str":"x","f64":1,"level":"low","home":{"zip":"1"},"addresses":[],"address":{"geoId":"g","zip":"1"}}`, "/address/geoId", "read-only property cannot be sent on create"},
		{"allTypes", C, `{"str":"x","f64":1,"level":"low","home":{"zip":"1"},"addresses":[],"address":{"street":"s"}}`, "/address", "missing required property zip"},
		{"allTypes", U, `{"address":{"street":"s"}}`, "-", ""},
		{"allTypes", U, `{"address":{"fixed":"s"}}`, "/address/fixed", "immutable property cannot be sent on update"},
		// Pointers escape ~ and /; names with @ that are declared are checked.
		{"allTypes", R, `{"sl/ash~tilde":"x"}`, "/sl~1ash~0tilde", `expected Edm.Int32, found string "x"`},
		{"allTypes", R, `{"a@b":"x"}`, "/a@b", `expected Edm.Int32, found string "x"`},
		{"allTypes", R, `{"x@y":"anything","@odata.etag":1}`, "-", ""},
		{"allTypes", R, `{"a\u002fb":1}`, "/a~1b", "unknown property a/b (ns.allTypes is not an open type)"},
		// Open types.
		{"bag", R, `{"known":1,"anything":{"goes":true}}`, "-", ""},
		{"bag", R, `{"known":"1"}`, "/known", "expected Edm.Int32"},
		{"bag", C, `{"lock":"1"}`, "/lock", "read-only property cannot be sent on create"},
		// Inheritance and @odata.type dispatch.
		{"base", R, `{"id":"1","code":"c","kind":"k","manager":{"x":1},"reports":[{}],"boss":{},"peers":[]}`, "-", ""},
		{"base", R, `{"manager":"x"}`, "/manager", `expected ns.base object, found string "x"`},
		{"base", R, `{"manager":null,"boss":null}`, "/boss", "expected ns.base object, found null"},
		{"base", R, `{"reports":[1]}`, "/reports/0", "expected ns.base object, found number 1"},
		{"base", R, `{"reports":{}}`, "/reports", "expected Collection(ns.base), found object"},
		{"base", R, `{"peers":[null]}`, "/peers/0", "expected ns.base object, found null"},
		{"base", R, `{"propA":"x"}`, "/propA", "unknown property propA (ns.base is not an open type)"},
		{"base", R, `{"@odata.type":"#ns.derivedA","propA":"x","id":"1"}`, "-", ""},
		{"base", R, `{"id":"123456","@odata.type":"#ns.derivedA"}`, "/id", "string of 6 characters is longer than the MaxLength 5 of Edm.String"},
		{"base", R, `{"@odata.type":"ns.derivedB","propA":"x","propB":2,"kind":"k"}`, "-", ""},
		{"base", R, `{"@odata.type":"#ns.derivedB","propB":"2"}`, "/propB", `expected Edm.Int32, found string "2"`},
		{"base", R, `{"@odata.type":"#ns.derivedA","propB":2}`, "/propB", "unknown property propB (ns.derivedA is not an open type)"},
		{"base", R, `{"@odata.type":"#ns.holder"}`, "/@odata.type", `"#ns.holder" is not ns.base or a type derived from it`},
		{"base", R, `{"@odata.type":7}`, "/@odata.type", `7 is not ns.base or a type derived from it`},
		{"base", R, `{"@odata.type":null}`, "/@odata.type", `null is not ns.base or a type derived from it`},
		{"base", R, `{"@odata.type":"#ns.DerivedA"}`, "/@odata.type", `"#ns.DerivedA" is not ns.base or a type derived from it`},
		{"base", R, `{"@odata.type":"#ns.derived\u0041","propA":"x"}`, "-", ""},
		{"base", R, `{"@odata.type":"#ns.sibling","anything":1}`, "-", ""},
		{"base", C, `{"@odata.type":"#ns.sibling","kind":"k"}`, "", "missing required property propS"},
		{"derivedA", R, `{"@odata.type":"#ns.base"}`, "/@odata.type", `"#ns.base" is not ns.derivedA or a type derived from it`},
		{"derivedB", C, `{"propB":1}`, "-", ""},
		{"derivedA", C, `{"propA":"1"}`, "", "missing required property kind"},
		{"base", C, `{"@odata.type":"#ns.derivedB","kind":"k","propB":1,"id":"x"}`, "/id", "read-only property cannot be sent on create"},
		{"base", U, `{"code":"c"}`, "/code", "immutable property cannot be sent on update"},
		{"base", C, `{"code":"c","kind":"k"}`, "-", ""},
		{"holder", R, `{"owner":{"@odata.type":"#ns.derivedA","propA":"x"},"bag":{"z":1}}`, "-", ""},
		{"holder", R, `{"owner":{"@odata.type":"#ns.derivedA","propA":1}}`, "/owner/propA", "expected Edm.String, found number 1"},
		{"holder", R, `{"owner":{"propA":1,"@odata.type":"#ns.derivedA"}}`, "/owner/propA", "expected Edm.String, found number 1"},
		{"holder", R, `{"shapes":[{"@odata.type":"#ns.circle","radius":null}],"logo":{"color":"blue"}}`, "/shapes/0/radius", "expected Edm.Double, found null"},
		// Two create operations: allowed is the union, required the intersection.
		{"holder", C, `{"owner":{"kind":"k"},"all":{"str":"s","f64":1,"level":"low","home":{"zip":"z"},"addresses":[]},"extra":1,"note":"n","anything":[1]}`, "-", ""},
		{"holder", C, `{"owner":{"kind":"k"}}`, "-", ""},
		{"holder", C, `{"all":{"str":"s"}}`, "", "missing required property owner"},
		{"holder", C, `{"owner":{"kind":"k"},"extra":"1"}`, "/extra", `expected Edm.Int32, found string "1"`},
		{"holder", C, `{"owner":{"kind":"k"},"twin":[{"zip":"1"},{}]}`, "/twin/1", "missing required property zip"},
		{"holder", C, `{"owner":{"kind":"k"},"bag":{}}`, "/bag", "property bag is not in the request body of POST /holders or POST /groups/{id}/holders"},
		{"holder", C, `{"owner":{"kind":"k"},"id":"1"}`, "/id", "read-only property cannot be sent on create"},
		{"holder", U, `{"note":"n","extra":"x","twin":{"kind":"k"}}`, "-", ""},
		{"holder", U, `{"stamp":"2020-11-03T12:43:14Z"}`, "/stamp", "property stamp is not in the request body of PATCH /holders/{id}"},
		{"holder", U, `{"flag":true}`, "/flag", "read-only property cannot be sent on update"},
		{"holder", U, `{"extra":1}`, "/extra", `expected Edm.String, found number 1`},
		{"holder", U, `{"anything":1}`, "/anything", "unknown property anything (ns.holder is not an open type)"},
		{"holder", R, `{"extra":1}`, "/extra", "unknown property extra (ns.holder is not an open type)"},
		// The root.
		{"holder", R, `[]`, "", "expected ns.holder object, found array"},
		{"holder", R, `"x"`, "", `expected ns.holder object, found string "x"`},
		{"holder", R, `null`, "", "expected ns.holder object, found null"},
	} {
		for _, v := range []struct {
			name string
			f    func(string, validate.Mode, []byte) error
		}{{"plan", plan.Validate}, {"set", set.Validate}} {
			err := v.f(tt.typ, tt.mode, []byte(tt.body))
			if tt.at == "-" {
				if err != nil {
					t.Errorf("%s: %s %v %s: %v", v.name, tt.typ, tt.mode, tt.body, err)
				}
				continue
			}
			var verr *validate.Error
			if !errors.As(err, &verr) || !verr.Has(tt.at) {
				t.Errorf("%s: %s %v %s: want a problem at %q, got %v", v.name, tt.typ, tt.mode, tt.body, tt.at, err)
				continue
			}
			validatetest.ProblemAt(t, err, tt.at, tt.msg)
		}
		if d := planCheck(&planCase{name: "kitchen", set: set, plan: plan}, tt.typ, tt.mode, false, []byte(tt.body)); d != "" {
			t.Error(d)
		}
	}
}

func TestPlanCollection(t *testing.T) {
	plan, set := planSeed(t)
	for _, body := range []string{
		`{"@odata.context":"x","@odata.count":12,"@odata.nextLink":"y","@custom.note":1,"value":[{"id":"1","connectionStatus":"bogus"},{},{"id":"2"}]}`,
		`[]`, `{}`, `{"value":{}}`, `{"value":[1,null,"x",{"foo":1}]}`, `{"value":[],"@odata.context":1,"@odata.count":"1","@odata.deltaLink":null}`,
		`{"value":[],"@odata.count":1.0}`, `{"value":[],"@odata.count":-9223372036854775808}`, `{"value":[],"@odata.count":9223372036854775808}`,
		`{"value":[],"values":[],"a@b":1}`, `{"value":[],"value":[]}`, `{"val\u0075e":[]}`, `{"value":[{"id":"1","id":"2"}]}`,
	} {
		if d := planCheck(&planCase{name: "seed", set: set, plan: plan}, partner, validate.Read, true, []byte(body)); d != "" {
			t.Error(d)
		}
	}
	err := plan.ValidateCollection(partner, validate.Read, []byte(`{"value":[{"id":1},{"id":2}]}`))
	want := `invalid read collection of microsoft.graph.cloudPcExternalPartner payload (2 problems):
	/value/0/id: expected Edm.String, found number 1
	/value/1/id: expected Edm.String, found number 2`
	if err == nil || err.Error() != want {
		t.Errorf("got %v, want\n%s", err, want)
	}
}

func TestPlanJSONErrors(t *testing.T) {
	plan, set := planSeed(t)
	c := &planCase{name: "seed", set: set, plan: plan}
	for _, body := range []string{
		``, ` `, `{`, `{"id":}`, `{"id":"x"} {}`, `{"id":"x",}`, `{"id":01}`, "{\"id\":\"\x01\"}", `{"id":"\q"}`,
		`{"id":"a","id":"b"}`, `{"id":"a","i\u0064":"b"}`, `{"foo":{"a":1,"a":2}}`, `{"foo":[{"x":1},{"x":1,"x":2}]}`,
		`{"@odata.type":"#x","@odata.type":"#y"}`, `{"a/b":1,"a\/b":2}`, `{"id":"a","id":"b",}`, `{"id":"a","id":"b"`,
		"\xef\xbb\xbf{}", `{"enableConnection":tru}`, `{"x":1e}`,
		`{"foo":` + strings.Repeat("[", 10000) + strings.Repeat("]", 10000) + `}`,
		`{"foo":` + strings.Repeat("[", 9999) + strings.Repeat("]", 9999) + `}`,
	} {
		for _, mode := range []validate.Mode{validate.Read, validate.Create} {
			if d := planCheck(c, partner, mode, false, []byte(body)); d != "" {
				t.Error(d)
			}
			if d := planCheck(c, "nope", mode, false, []byte(body)); d != "" {
				t.Error(d)
			}
		}
		if d := planCheck(c, partner, validate.Read, true, []byte(body)); d != "" {
			t.Error(d)
		}
	}
	var jerr *validate.JSONError
	err := plan.Validate(partner, validate.Read, []byte(`{"foo":[{"x":1},{"x":1,"x":2}]}`))
	if !errors.As(err, &jerr) || jerr.Pointer != "/foo/1/x" || jerr.Offset != 23 || jerr.Msg != `member "x" appears twice in the same object` {
		t.Errorf("got %#v", err)
	}
	// The size limit.
	small := &validate.Plan{Types: plan.Types, Enums: plan.Enums, MaxSize: 10}
	smallSet := seedSet(t, validate.MaxSize(10))
	body := []byte(`{"id":"12345"}`)
	if d := planSame(smallSet.Validate(partner, validate.Read, body), small.Validate(partner, validate.Read, body)); d != "" {
		t.Error(d)
	}
}

func TestPlanTypeNames(t *testing.T) {
	cases := planDiffCases(t)
	for _, c := range cases {
		names := append([]string{"", "nope", "x.nope", "ALERT", "alert", "security.alert", "Entity", "ENTITY", "letter", "LETTER"}, c.types...)
		for _, q := range c.types {
			names = append(names, q[strings.LastIndexByte(q, '.')+1:], strings.ToUpper(q), strings.ToLower(q[strings.LastIndexByte(q, '.')+1:]))
		}
		for _, name := range names {
			for _, mode := range []validate.Mode{validate.Read, validate.Update, validate.Mode(7)} {
				if d := planCheck(c, name, mode, false, []byte(`{}`)); d != "" {
					t.Error(d)
				}
			}
			if d := planCheck(c, name, validate.Read, false, []byte(`{`)); d != "" {
				t.Error(d)
			}
		}
	}
}

func TestPlanOptions(t *testing.T) {
	plan, _ := planKitchen(t)
	lenient := &validate.Plan{Types: plan.Types, Enums: plan.Enums, IEEE754Compatible: true, DateTimeWithoutSeconds: true}
	for _, tt := range []struct {
		body string
		at   string
		msg  string
	}{
		{`{"i64":"-12","dec":"0.5","dto":"2020-11-03T12:43Z"}`, "-", ""},
		{`{"i64":12,"dec":1.5e3}`, "-", ""},
		{`{"i64":"12x"}`, "/i64", `"12x" is not a valid Edm.Int64 (integer in a string)`},
		{`{"i64":"1.5"}`, "/i64", `"1.5" is not a valid Edm.Int64 (integer in a string)`},
		{`{"i64":"9223372036854775808"}`, "/i64", `"9223372036854775808" is out of range for Edm.Int64 (-9223372036854775808..9223372036854775807)`},
		{`{"dec":"1,5"}`, "/dec", `"1,5" is not a valid Edm.Decimal (decimal in a string)`},
		{`{"i32":"1"}`, "/i32", `expected Edm.Int32, found string "1"`},
		{`{"dto":"2020-11-03T12:43"}`, "/dto", `"2020-11-03T12:43" is not a valid Edm.DateTimeOffset (RFC 3339 date-time)`},
	} {
		err := lenient.Validate("ns.allTypes", validate.Read, []byte(tt.body))
		if tt.at == "-" {
			validatetest.Valid(t, err)
			continue
		}
		if validatetest.InvalidAt(t, err, tt.at) != nil {
			validatetest.ProblemAt(t, err, tt.at, tt.msg)
		}
	}
}

func TestPlanAnyJSON(t *testing.T) {
	p := &validate.Plan{Types: []validate.PlanType{
		{Name: "ns.holder", Props: []validate.PlanProp{
			{Name: "data", Value: validate.PlanValue{Kind: validate.KindComplex, Type: 1}},
			{Name: "list", Value: validate.PlanValue{Kind: validate.KindComplex, Type: 1, Collection: true}},
		}},
		{Name: "microsoft.graph.Json", AnyJSON: true},
	}}
	for _, body := range []string{`{"data":1}`, `{"data":null,"list":[1,"x",{"a":[]},null]}`, `{"data":{"anything":true}}`} {
		validatetest.Valid(t, p.Validate("ns.holder", validate.Read, []byte(body)))
	}
	validatetest.Valid(t, p.Validate("microsoft.graph.Json", validate.Create, []byte(`[1,2]`)))
	validatetest.InvalidAt(t, p.Validate("ns.holder", validate.Read, []byte(`{"list":{}}`)), "/list")
	var jerr *validate.JSONError
	if err := p.Validate("Json", validate.Read, []byte(`{"a":1,"a":2}`)); !errors.As(err, &jerr) {
		t.Errorf("got %v", err)
	}
}

func TestPlanCheck(t *testing.T) {
	for _, tt := range []struct {
		plan *validate.Plan
		want string
	}{
		{&validate.Plan{Types: []validate.PlanType{{Name: "a"}, {Name: "a"}}}, "type a appears twice"},
		{&validate.Plan{Types: []validate.PlanType{{}}}, "type 0 has no name"},
		{&validate.Plan{Types: []validate.PlanType{{Name: "a", Props: []validate.PlanProp{{Name: "p", Value: validate.PlanValue{Kind: validate.KindComplex, Type: 3}}}}}}, "type index 3 out of range"},
		{&validate.Plan{Types: []validate.PlanType{{Name: "a", Props: []validate.PlanProp{{Name: "p", Value: validate.PlanValue{Kind: validate.KindEnum, Enum: 0}}}}}}, "enum index 0 out of range"},
		{&validate.Plan{Types: []validate.PlanType{{Name: "a", Props: []validate.PlanProp{{Name: "p"}, {Name: "p", Create: validate.AccessAbsent}}}}}, "property p appears twice in read"},
		{&validate.Plan{Types: []validate.PlanType{{Name: "a", Props: []validate.PlanProp{{Name: "p", Value: validate.PlanValue{Kind: 99}}}}}}, "unknown kind 99"},
		{&validate.Plan{Types: []validate.PlanType{{Name: "a", Derived: []int{0}}}}, "derived type index 0 out of range"},
		{&validate.Plan{Types: []validate.PlanType{{Name: "a", Props: []validate.PlanProp{{Name: "p", Update: 9}}}}}, "unknown access 9"},
	} {
		err := tt.plan.Check()
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("Check() = %v, want %q", err, tt.want)
		}
		if verr := tt.plan.Validate("a", validate.Read, []byte(`{}`)); verr == nil || verr.Error() != err.Error() {
			t.Errorf("Validate = %v, want Check's error", verr)
		}
	}
	// Same names in different modes are fine.
	ok := &validate.Plan{Types: []validate.PlanType{{Name: "a", Props: []validate.PlanProp{
		{Name: "p", Read: validate.AccessAbsent, Update: validate.AccessAbsent, Value: validate.PlanValue{Kind: validate.KindInt32}},
		{Name: "p", Read: validate.AccessAbsent, Create: validate.AccessAbsent, Value: validate.PlanValue{Kind: validate.KindString}},
	}}}}
	if err := ok.Check(); err != nil {
		t.Fatal(err)
	}
	validatetest.InvalidAt(t, ok.Validate("a", validate.Create, []byte(`{"p":"x"}`)), "/p")
	validatetest.InvalidAt(t, ok.Validate("a", validate.Update, []byte(`{"p":1}`)), "/p")
	validatetest.InvalidAt(t, ok.Validate("a", validate.Read, []byte(`{"p":1}`)), "/p")
}

// TestPlanConcurrent validates from many goroutines at once (run with
// -race).
func TestPlanConcurrent(t *testing.T) {
	plan, set := planSeed(t)
	c := &planCase{name: "seed", set: set, plan: plan}
	bodies := []string{planBenchGet, planBenchCreate, `{"id":1,"foo":2}`, `{"id":"a","id":"b"}`, `{`}
	var wg sync.WaitGroup
	for g := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range 200 {
				body := bodies[(g+i)%len(bodies)]
				if d := planCheck(c, partner, validate.Mode(i%3), i%5 == 0, []byte(body)); d != "" {
					t.Error(d)
					return
				}
			}
		}()
	}
	wg.Wait()
}

// TestPlanOrder: problems come in the order of Error.Problems; where that
// order is not a total one (sibling names "8", "010", "7112Z"), the Set's
// order varies from call to call and the Plan's is one of them.
func TestPlanOrder(t *testing.T) {
	plan, set := planSeed(t)
	body := []byte(`{"2":"","7":27,"1":97,"010":70,"011":10,"8":"","7112Z":"0","000":"","10":1,"0010":{"1":""},"0":0,"a":1,"b":{}}`)
	want, got := set.Validate(partner, validate.Read, body), plan.Validate(partner, validate.Read, body)
	var we, ge *validate.Error
	if !errors.As(want, &we) || !errors.As(got, &ge) || !planSameSet(we.Problems, ge.Problems) || !planOrderAmbiguous(we.Problems) {
		t.Errorf("Set: %v\nPlan: %v", want, got)
	}
	body = []byte(`{"b":1,"a":2,"10":3,"9":4,"id":5}`)
	if d := planSame(set.Validate(partner, validate.Read, body), plan.Validate(partner, validate.Read, body)); d != "" {
		t.Error(d)
	}
}

// TestPlanDeepDispatch: objects of a type with derived types, nested deep,
// whose @odata.type is not their first member, cost one look-ahead over
// the bytes, not one per level.
func TestPlanDeepDispatch(t *testing.T) {
	p := &validate.Plan{Types: []validate.PlanType{
		{Name: "ns.node", Derived: []int{1}, Props: []validate.PlanProp{
			{Name: "x", Value: validate.PlanValue{Kind: validate.KindInt32, Name: "Edm.Int32"}},
			{Name: "child", Value: validate.PlanValue{Kind: validate.KindComplex, Type: 0, Nullable: true}},
			{Name: "pad"},
		}},
		{Name: "ns.leaf", Props: []validate.PlanProp{
			{Name: "x", Value: validate.PlanValue{Kind: validate.KindInt32, Name: "Edm.Int32"}},
			{Name: "child", Value: validate.PlanValue{Kind: validate.KindComplex, Type: 0, Nullable: true}},
			{Name: "y", Value: validate.PlanValue{Kind: validate.KindString, Name: "Edm.String"}},
		}},
	}}
	const depth = 9000
	var b strings.Builder
	for i := range depth {
		b.WriteString(`{"x":1,"pad":[[[[[[1]]]]]],"child":`)
		if i == depth-1 {
			b.WriteString(`{"x":"deep","y":2,"@odata.type":"#ns.leaf"}`)
		}
	}
	for range depth {
		b.WriteString(`,"@odata.type":"#ns.node"}`)
	}
	data := []byte(b.String())
	start := time.Now()
	err := p.Validate("ns.node", validate.Read, data)
	if d := time.Since(start); d > 2*time.Second {
		t.Errorf("took %v", d)
	}
	var verr *validate.Error
	if !errors.As(err, &verr) || len(verr.Problems) != 2 {
		t.Fatalf("got %v", err)
	}
	last := verr.Problems[len(verr.Problems)-1]
	if !strings.HasSuffix(last.Pointer, "/child/y") || last.Message != "expected Edm.String, found number 2" {
		t.Errorf("last problem %v", last)
	}
}
