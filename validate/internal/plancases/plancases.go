// Package plancases holds test cases that the tests of validate (the
// Plan) and of validate/schemaset (the Plan beside the Set, which must say
// the same) both run, so that they are written once.
package plancases

import (
	"strings"

	"github.com/odatagen/odatagen/validate"
)

// Rule is one payload of the kitchen spec (validate/testdata/plan/kitchen.yaml)
// and what the validators must say of it.
type Rule struct {
	Type string
	Mode validate.Mode
	Body string
	// At is the pointer of a problem the payload must have; "-" means
	// that the payload is valid.
	At string
	// Msg is (part of) the message of the problem at At.
	Msg string
}

const (
	read   = validate.Read
	create = validate.Create
	update = validate.Update
)

// Rules are the Plan's rules, one by one.
var Rules = []Rule{
	// Primitives.
	{"allTypes", read, `{"str":"x","short":"abc","b":false,"u8":255,"i8":-128,"i16":32767,"i32":-2147483648,"i64":9223372036854775807,
		"f32":1.5,"f64":"-INF","dec":12.345,"dto":"2020-11-03T12:43:14.123+01:00","date":"2020-02-29","tod":"23:59:59.5",
		"dur":"-P1DT0.5S","guid":"B3548526-E615-3785-3118-BE70B3968EC5","bin":"_-8","stream":{"x":1},"untyped":[1,"a"],
		"geo":{"type":"Point","coordinates":[1,2]},"tags":["a"],"maybe":[1,null],"color":"red, blue","colors":["green"],
		"level":"extreme","name":"n","a@b":1,"sl/ash~tilde":2}`, "-", ""},
	{"allTypes", read, `{"str":null}`, "/str", "expected Edm.String, found null"},
	{"allTypes", read, `{"short":"abcd"}`, "/short", "string of 4 characters is longer than the MaxLength 3 of Edm.String"},
	{"allTypes", read, `{"short":"ééé"}`, "-", ""},
	{"allTypes", read, `{"short":"\u00e9\u00e9\u00e9\u00e9"}`, "/short", "string of 4 characters is longer than the MaxLength 3 of Edm.String"},
	{"allTypes", read, `{"tags":["abc"]}`, "/tags/0", "string of 3 characters is longer than the MaxLength 2 of Edm.String"},
	{"allTypes", read, `{"name":"abcde"}`, "/name", "string of 5 characters is longer than the MaxLength 4 of Edm.String"},
	{"allTypes", read, `{"u8":256}`, "/u8", "256 is out of range for Edm.Byte (0..255)"},
	{"allTypes", read, `{"u8":-1}`, "/u8", "-1 is out of range for Edm.Byte (0..255)"},
	{"allTypes", read, `{"u8":2.55e2}`, "-", ""},
	{"allTypes", read, `{"i8":-129}`, "/i8", "-129 is out of range for Edm.SByte (-128..127)"},
	{"allTypes", read, `{"i16":40000}`, "/i16", "40000 is out of range for Edm.Int16 (-32768..32767)"},
	{"allTypes", read, `{"i32":1.5}`, "/i32", "expected Edm.Int32, found number 1.5"},
	{"allTypes", read, `{"i32":1e2}`, "-", ""},
	{"allTypes", read, `{"i32":1e1000001}`, "/i32", "expected Edm.Int32, found number 1e1000001"},
	{"allTypes", read, `{"i64":9223372036854775808}`, "/i64", "9223372036854775808 is out of range for Edm.Int64 (-9223372036854775808..9223372036854775807)"},
	{"allTypes", read, `{"i64":"1"}`, "/i64", `expected Edm.Int64, found string "1"`},
	{"allTypes", read, `{"f64":"abc"}`, "/f64", `expected Edm.Double, found string "abc"`},
	{"allTypes", read, `{"f64":"\u0049NF"}`, "-", ""},
	{"allTypes", read, `{"f64":null}`, "/f64", "expected Edm.Double, found null"},
	{"allTypes", read, `{"f32":true}`, "/f32", "expected Edm.Single, found boolean true"},
	{"allTypes", read, `{"f64":"NaN","f32":"INF"}`, "-", ""},
	{"allTypes", read, `{"date":"2020-01-32"}`, "/date", `"2020-01-32" is not a valid Edm.Date (RFC 3339 full-date, YYYY-MM-DD)`},
	{"allTypes", read, `{"dto":"2020-11-03 12:43"}`, "/dto", `"2020-11-03 12:43" is not a valid Edm.DateTimeOffset (RFC 3339 date-time)`},
	{"allTypes", read, `{"dto":"2020-11-03T12:43Z"}`, "/dto", `"2020-11-03T12:43Z" is not a valid Edm.DateTimeOffset (RFC 3339 date-time)`},
	{"allTypes", read, `{"tod":"25:00"}`, "/tod", `"25:00" is not a valid Edm.TimeOfDay (hh:mm:ss[.fffffff])`},
	{"allTypes", read, `{"dur":"1 hour"}`, "/dur", `"1 hour" is not a valid Edm.Duration (ISO 8601 duration, e.g. PT1H30M)`},
	{"allTypes", read, `{"guid":"nope"}`, "/guid", `"nope" is not a valid Edm.Guid (8-4-4-4-12 hexadecimal digits)`},
	{"allTypes", read, `{"bin":"!!"}`, "/bin", `"!!" is not a valid Edm.Binary (base64url)`},
	{"allTypes", read, `{"dec":"1.5"}`, "/dec", `expected Edm.Decimal, found string "1.5"`},
	{"allTypes", read, `{"name":1}`, "/name", "expected Edm.String, found number 1"},
	{"allTypes", read, `{"str":"` + strings.Repeat("é", 70) + `","b":"` + strings.Repeat("x", 70) + `"}`,
		"/b", `expected Edm.Boolean, found string "` + strings.Repeat("x", 64) + `"…`},
	{"allTypes", read, `{"i32":` + strings.Repeat("1", 70) + `}`, "/i32", strings.Repeat("1", 64) + "… is out of range"},
	// Collections.
	{"allTypes", read, `{"tags":[null]}`, "/tags/0", "expected Edm.String, found null"},
	{"allTypes", read, `{"tags":"a"}`, "/tags", `expected Collection(Edm.String), found string "a"`},
	{"allTypes", read, `{"tags":null}`, "/tags", "expected Collection(Edm.String), found null"},
	{"allTypes", read, `{"names":{}}`, "/names", "expected Collection(ns.shortName), found object"},
	{"allTypes", read, `{"maybe":[1,"2"]}`, "/maybe/1", `expected Edm.Int32, found string "2"`},
	{"allTypes", read, `{"dates":["2020-02-30"]}`, "/dates/0", `"2020-02-30" is not a valid Edm.Date`},
	// Enums.
	{"allTypes", read, `{"color":"red,pink"}`, "/color", `"red,pink" is not a combination of color members (red, green, blue, redder)`},
	{"allTypes", read, `{"color":" redder , red "}`, "-", ""},
	{"allTypes", read, `{"color":"red,"}`, "/color", `"red," is not a combination of color members`},
	{"allTypes", read, `{"colors":["red",null]}`, "/colors/1", "expected ns.color, found null"},
	{"allTypes", read, `{"level":null}`, "/level", "expected ns.level, found null"},
	{"allTypes", read, `{"level":"mid"}`, "/level", `"mid" is not a level member (low, high, unknownFutureValue, extreme)`},
	{"allTypes", read, `{"level":3}`, "/level", "expected ns.level, found number 3"},
	{"allTypes", read, `{"levels":[null,"low"]}`, "-", ""},
	{"allTypes", read, `{"none":"x"}`, "/none", `"x" is not a nothing member ()`},
	{"allTypes", read, `{"none":null,"noFlags":" , "}`, "-", ""},
	{"allTypes", read, `{"noFlags":"x"}`, "/noFlags", `"x" is not a combination of noFlags members ()`},
	// Complex values, nullable or not, and recursive.
	{"allTypes", read, `{"address":null,"addresses":[]}`, "-", ""},
	{"allTypes", read, `{"home":null}`, "/home", "expected ns.address object, found null"},
	{"allTypes", read, `{"address":"x"}`, "/address", `expected ns.address object, found string "x"`},
	{"allTypes", read, `{"address":{"street":1}}`, "/address/street", "expected Edm.String, found number 1"},
	{"allTypes", read, `{"addresses":[{"zip":"1"},{"city":"x"}]}`, "/addresses/1/city", "unknown property city (ns.address is not an open type)"},
	{"allTypes", read, `{"addresses":[null]}`, "/addresses/0", "expected ns.address object, found null"},
	{"allTypes", read, `{"maybeAddresses":[null]}`, "-", ""},
	{"allTypes", read, `{"node":{"child":{"child":{"label":2}}}}`, "/node/child/child/label", "expected Edm.String, found number 2"},
	{"allTypes", read, `{"node":{"children":[{"children":[{"label":[]}]}]}}`, "/node/children/0/children/0/label", "expected Edm.String, found array"},
	{"allTypes", create, `{"str":"x","f64":1,"level":"low","home":{"zip":"1"},"addresses":[],"address":{"geoId":"g","zip":"1"}}`, "/address/geoId", "read-only property cannot be sent on create"},
	{"allTypes", create, `{"str":"x","f64":1,"level":"low","home":{"zip":"1"},"addresses":[],"address":{"street":"s"}}`, "/address", "missing required property zip"},
	{"allTypes", update, `{"address":{"street":"s"}}`, "-", ""},
	{"allTypes", update, `{"address":{"fixed":"s"}}`, "/address/fixed", "immutable property cannot be sent on update"},
	// Pointers escape ~ and /; names with @ that are declared are checked.
	{"allTypes", read, `{"sl/ash~tilde":"x"}`, "/sl~1ash~0tilde", `expected Edm.Int32, found string "x"`},
	{"allTypes", read, `{"a@b":"x"}`, "/a@b", `expected Edm.Int32, found string "x"`},
	{"allTypes", read, `{"x@y":"anything","@odata.etag":1}`, "-", ""},
	{"allTypes", read, `{"a\u002fb":1}`, "/a~1b", "unknown property a/b (ns.allTypes is not an open type)"},
	// Open types.
	{"bag", read, `{"known":1,"anything":{"goes":true}}`, "-", ""},
	{"bag", read, `{"known":"1"}`, "/known", "expected Edm.Int32"},
	{"bag", create, `{"lock":"1"}`, "/lock", "read-only property cannot be sent on create"},
	// Inheritance and @odata.type dispatch.
	{"base", read, `{"id":"1","code":"c","kind":"k","manager":{"x":1},"reports":[{}],"boss":{},"peers":[]}`, "-", ""},
	{"base", read, `{"manager":"x"}`, "/manager", `expected ns.base object, found string "x"`},
	{"base", read, `{"manager":null,"boss":null}`, "/boss", "expected ns.base object, found null"},
	{"base", read, `{"reports":[1]}`, "/reports/0", "expected ns.base object, found number 1"},
	{"base", read, `{"reports":{}}`, "/reports", "expected Collection(ns.base), found object"},
	{"base", read, `{"peers":[null]}`, "/peers/0", "expected ns.base object, found null"},
	{"base", read, `{"propA":"x"}`, "/propA", "unknown property propA (ns.base is not an open type)"},
	{"base", read, `{"@odata.type":"#ns.derivedA","propA":"x","id":"1"}`, "-", ""},
	{"base", read, `{"id":"123456","@odata.type":"#ns.derivedA"}`, "/id", "string of 6 characters is longer than the MaxLength 5 of Edm.String"},
	{"base", read, `{"@odata.type":"ns.derivedB","propA":"x","propB":2,"kind":"k"}`, "-", ""},
	{"base", read, `{"@odata.type":"#ns.derivedB","propB":"2"}`, "/propB", `expected Edm.Int32, found string "2"`},
	{"base", read, `{"@odata.type":"#ns.derivedA","propB":2}`, "/propB", "unknown property propB (ns.derivedA is not an open type)"},
	{"base", read, `{"@odata.type":"#ns.holder"}`, "/@odata.type", `"#ns.holder" is not ns.base or a type derived from it`},
	{"base", read, `{"@odata.type":7}`, "/@odata.type", `7 is not ns.base or a type derived from it`},
	{"base", read, `{"@odata.type":null}`, "/@odata.type", `null is not ns.base or a type derived from it`},
	{"base", read, `{"@odata.type":"#ns.DerivedA"}`, "/@odata.type", `"#ns.DerivedA" is not ns.base or a type derived from it`},
	{"base", read, `{"@odata.type":"#ns.derived\u0041","propA":"x"}`, "-", ""},
	{"base", read, `{"@odata.type":"#ns.sibling","anything":1}`, "-", ""},
	{"base", create, `{"@odata.type":"#ns.sibling","kind":"k"}`, "", "missing required property propS"},
	{"derivedA", read, `{"@odata.type":"#ns.base"}`, "/@odata.type", `"#ns.base" is not ns.derivedA or a type derived from it`},
	{"derivedB", create, `{"propB":1}`, "-", ""},
	{"derivedA", create, `{"propA":"1"}`, "", "missing required property kind"},
	{"base", create, `{"@odata.type":"#ns.derivedB","kind":"k","propB":1,"id":"x"}`, "/id", "read-only property cannot be sent on create"},
	{"base", update, `{"code":"c"}`, "/code", "immutable property cannot be sent on update"},
	{"base", create, `{"code":"c","kind":"k"}`, "-", ""},
	{"holder", read, `{"owner":{"@odata.type":"#ns.derivedA","propA":"x"},"bag":{"z":1}}`, "-", ""},
	{"holder", read, `{"owner":{"@odata.type":"#ns.derivedA","propA":1}}`, "/owner/propA", "expected Edm.String, found number 1"},
	{"holder", read, `{"owner":{"propA":1,"@odata.type":"#ns.derivedA"}}`, "/owner/propA", "expected Edm.String, found number 1"},
	{"holder", read, `{"shapes":[{"@odata.type":"#ns.circle","radius":null}],"logo":{"color":"blue"}}`, "/shapes/0/radius", "expected Edm.Double, found null"},
	// Two create operations: allowed is the union, required the intersection.
	{"holder", create, `{"owner":{"kind":"k"},"all":{"str":"s","f64":1,"level":"low","home":{"zip":"z"},"addresses":[]},"extra":1,"note":"n","anything":[1]}`, "-", ""},
	{"holder", create, `{"owner":{"kind":"k"}}`, "-", ""},
	{"holder", create, `{"all":{"str":"s"}}`, "", "missing required property owner"},
	{"holder", create, `{"owner":{"kind":"k"},"extra":"1"}`, "/extra", `expected Edm.Int32, found string "1"`},
	{"holder", create, `{"owner":{"kind":"k"},"twin":[{"zip":"1"},{}]}`, "/twin/1", "missing required property zip"},
	{"holder", create, `{"owner":{"kind":"k"},"bag":{}}`, "/bag", "property bag is not in the request body of POST /holders or POST /groups/{id}/holders"},
	{"holder", create, `{"owner":{"kind":"k"},"id":"1"}`, "/id", "read-only property cannot be sent on create"},
	{"holder", update, `{"note":"n","extra":"x","twin":{"kind":"k"}}`, "-", ""},
	{"holder", update, `{"stamp":"2020-11-03T12:43:14Z"}`, "/stamp", "property stamp is not in the request body of PATCH /holders/{id}"},
	{"holder", update, `{"flag":true}`, "/flag", "read-only property cannot be sent on update"},
	{"holder", update, `{"extra":1}`, "/extra", `expected Edm.String, found number 1`},
	{"holder", update, `{"anything":1}`, "/anything", "unknown property anything (ns.holder is not an open type)"},
	{"holder", read, `{"extra":1}`, "/extra", "unknown property extra (ns.holder is not an open type)"},
	// The root.
	{"holder", read, `[]`, "", "expected ns.holder object, found array"},
	{"holder", read, `"x"`, "", `expected ns.holder object, found string "x"`},
	{"holder", read, `null`, "", "expected ns.holder object, found null"},
}
