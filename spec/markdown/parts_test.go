package markdown

import (
	"reflect"
	"strings"
	"testing"

	"github.com/odatagen/odatagen/spec"
)

// mdFactsString prints the facts of a description compactly.
func mdFactsString(f mdFacts) string {
	var s []string
	flag := func(ok bool, x string) {
		if ok {
			s = append(s, x)
		}
	}
	flag(f.readOnly, "ro")
	flag(f.required, "req")
	flag(f.optional, "opt")
	flag(f.immutable, "imm")
	flag(f.notNullable, "notnull")
	flag(f.deprecated, "dep")
	flag(len(f.conditions) > 0, "cond")
	if f.defaultValue != nil {
		s = append(s, "default="+*f.defaultValue)
	}
	if f.filter != nil {
		p := &spec.Property{Name: "x", Type: spec.TypeRef{Name: "T"}, Nullable: true, Filter: f.filter}
		s = append(s, strings.TrimPrefix(mdDescribe(p), "x T "))
	}
	if f.possible != nil {
		s = append(s, "values="+strings.Join(f.possible, ","))
	}
	return strings.Join(s, " ")
}

func TestMarkdownDescriptionPhrases(t *testing.T) {
	tests := []struct {
		desc string // markdown, as in a table cell
		want string
	}{
		// Read-only in its spellings.
		{"The id. Read-only.", "ro"},
		{"The id. Read-Only", "ro"},
		{"The id. read only.", "ro"},
		{"The id. Readonly.", "ro"},
		{"The id. READ-ONLY.", "ro"},
		{"This property is read-only.", "ro"},
		{"This is a read-only attribute that the service sets.", "ro"},
		{"The id (read-only).", "ro"},
		{"Read-only; set by the service.", "ro"},
		{"The id.<br>Read-only.", "ro"},
		{"Whether the team is in read-only mode.", ""},
		{"Grants read-only access to files.", ""},
		{"Once set, the value is read-only and stays fixed.", "imm"},
		// Required.
		{"The name. Required.", "req"},
		{"The name. Required. Supports `$filter` (`eq`).", "req filter=eq"},
		{"Required. The name of the thing.", "req"},
		{"Required when the kind is `x`.", "cond"}, // conditional: kept in Conditions, not enforced
		{"Required if **type** is `custom`.", "cond"},
		{"Read-only when **isBuiltIn** is true.", "cond"},
		{"Read-only for users synced from on-premises.", "cond"},
		{"Required, only if the policy is scoped.", "cond"},
		{"Required when you create the group.", "req"},
		{"Key, Required.", "req"},
		{"This property is required when you create it.", "req"},
		{"This is a required property.", "req"},
		{"Lists the required permissions.", ""},
		{"`true` if the parameter is required; otherwise `false`.", ""},
		{"This property is not required.", ""},
		{"Optional. A note.", "opt"},
		// Nullability.
		{"Items. Not nullable.", "notnull"},
		{"Items. Non-nullable.", "notnull"},
		{"Items. Read-only. Nullable.", "ro"},
		// Defaults.
		{"The mode. The default value is `fast`.", "default=fast"},
		{"The mode. Default value is `fast`.", "default=fast"},
		{"The mode. Defaults to Public.", "default=Public"},
		{"The mode. If not set, default is `false`.", "default=false"},
		{"The mode. The default is false.", "default=false"},
		{"The ratio. Default value: 0.5.", "default=0.5"},
		{"The time. Default value is the current time.", ""},
		{"Possible values: `a` (default), `b`.", "default=a values=a,b"},
		{"Set if the object has never been synced (default).", ""},
		// Possible values.
		{"Possible values are: `a`, `b`, `unknownFutureValue`.", "values=a,b,unknownFutureValue"},
		{"The possible values are: `x`, `y`, or `z`.", "values=x,y,z"},
		{"Possible values: Active, Disabled and Error.", "values=Active,Disabled,Error"},
		{"Possible values are: `a b`, `c`.", ""},
		// Deprecated.
		{"This property is deprecated. Use `other` instead.", "dep"},
		{"Deprecated. Use other.", "dep"},
		// $filter in its phrasings.
		{"Supports $filter (eq, ne, NOT, ge, le, in, startsWith).", "filter=eq,ne,not,ge,le,in,startsWith"},
		{"Supports `$filter` (`eq`).", "filter=eq"},
		{"Supports `$filter` (`eq` operator only).", "filter=eq"},
		{"Supports `$filter` (`eq` and `startsWith` operators only).", "filter=eq,startsWith"},
		{"Supports `$filter`.", "filter=all"},
		{"Supports $filter(eq).", "filter=eq"},
		{"Supports $filter and $orderby.", "filter=all"},
		{"Supports `$select`, `$filter`, and `$orderby`.", "filter=all"},
		{"Supports `$orderby` and `$filter` (`eq`, `le`, and `ge` operators only).", "filter=eq,ge,le"},
		{"Supports `$filter` (`eq`, `ne`, `not`, `ge`, `le`, and `eq` on `null` values) and `$orderBy`.", "filter=eq,ne,not,ge,le null"},
		{"Supports `$filter` (`eq` on `null` values).", "filter=eq null"},
		{"Supports `$filter` (`eq`, `not`, `startsWith`,`/$count eq 0`, `/$count ne 0`).", "filter=eq,not,startsWith count"},
		{"Supports `$filter` (`/$count eq 0`, `/$count ne 0`).", "filter=eq,ne count"},
		{"Supports `$filter` (`any` with `eq`).", "filter=eq,any"},
		{"Supports `$filter` (`eq`).<br><br>Read-only.", "ro filter=eq"},
		{"Doesn't support `$filter`.", ""},
		{"Does not support $filter.", ""},
		{"Use $filter to find these.", ""},
		{"Supports `$expand`.", ""},
	}
	for _, tt := range tests {
		plain := mdPlain(tt.desc, nil, true)
		got := mdFactsString(mdReadFacts(plain, spec.Pos{File: "x.md", Line: 1}))
		if got != tt.want {
			t.Errorf("%q:\n got %q\nwant %q", tt.desc, got, tt.want)
		}
	}
}

func TestMarkdownTypeCells(t *testing.T) {
	r := &mdReader{file: "x.md", ns: "microsoft.graph.callRecords", sc: &mdScan{refs: map[string]string{
		"identityset": "../resources/identityset.md",
		"session":     "callrecords-session.md",
	}}}
	tests := []struct {
		cell string
		want string // TypeRef.String, "!" when not a type
		ro   bool
	}{
		{"String", "Edm.String", false},
		{"string", "Edm.String", false},
		{"Int32", "Edm.Int32", false},
		{"int", "Edm.Int32", false},
		{"Guid", "Edm.Guid", false},
		{"GUID", "Edm.Guid", false},
		{"DateTimeOffset", "Edm.DateTimeOffset", false},
		{"Edm.Int64", "Edm.Int64", false},
		{"Duration", "Edm.Duration", false},
		{"Date", "Edm.Date", false},
		{"TimeOfDay", "Edm.TimeOfDay", false},
		{"Binary", "Edm.Binary", false},
		{"Stream", "Edm.Stream", false},
		{"Json", "Edm.Untyped", false},
		{"String collection", "Collection(Edm.String)", false},
		{"Collection(String)", "Collection(Edm.String)", false},
		{"Collection(Edm.String)", "Collection(Edm.String)", false},
		{"`String`", "Edm.String", false},
		{"**segment**", "microsoft.graph.callRecords.segment", false},
		{"[segment](callrecords-segment.md)", "microsoft.graph.callRecords.segment", false},
		{"[segment](callrecords-segment.md) collection", "Collection(microsoft.graph.callRecords.segment)", false},
		{"Collection([segment](../resources/callrecords-segment.md))", "Collection(microsoft.graph.callRecords.segment)", false},
		{"[identitySet](../resources/identityset.md)", "microsoft.graph.identitySet", false},
		{"[identitySet][]", "microsoft.graph.identitySet", false},
		{"[identitySet]", "microsoft.graph.identitySet", false},
		{"[session][]", "microsoft.graph.callRecords.session", false},
		{"[modality](#modality-values)", "microsoft.graph.callRecords.modality", false},
		{"microsoft.graph.callRecords.modality collection", "Collection(microsoft.graph.callRecords.modality)", false},
		{"Microsoft.Graph.CallRecords.modality", "microsoft.graph.CallRecords.modality", false},
		{"[DateTimeOffset](../resources/timestamp.md)", "Edm.DateTimeOffset", false},
		{"string (readonly)", "Edm.String", true},
		{"String (identifier)", "Edm.String", false},
		{"[Call Record Session](../resources/callrecords-session.md)", "microsoft.graph.callRecords.session", false},
		{"numeric", "Edm.Decimal", false},
		{"String or Int32", "!", false},
		{"", "!", false},
	}
	for _, tt := range tests {
		tc := r.parseType(tt.cell)
		got := tc.ref.String()
		if !tc.ok {
			got = "!"
		}
		if got != tt.want || tc.readOnly != tt.ro {
			t.Errorf("%q: got %s ro=%v, want %s ro=%v", tt.cell, got, tc.readOnly, tt.want, tt.ro)
		}
	}
}

func TestMarkdownTableRows(t *testing.T) {
	tests := []struct {
		name string
		src  string
		want [][]string
	}{
		{"plain", "|a|b|c|\n|-|-|-|\n|1|2|3|\n", [][]string{{"1", "2", "3"}}},
		{"no trailing pipe", "|a|b|c|\n|-|-|-|\n|1|2|3\n|4|5|6|\n", [][]string{{"1", "2", "3"}, {"4", "5", "6"}}},
		{"no outer pipes", "a | b\n--- | ---\n1 | 2\n3 | 4\n", [][]string{{"1", "2"}, {"3", "4"}}},
		{"padded and tabs", "| a\t| b |\n|:--|--:|\n|  1\t|\t2  |\n", [][]string{{"1", "2"}}},
		{"escaped pipe", "|a|b|\n|-|-|\n|1|x \\| y|\n", [][]string{{"1", "x | y"}}},
		{"extra cells join the last", "|a|b|\n|-|-|\n|1|pipe (`|`) here|\n", [][]string{{"1", "pipe (`|`) here"}}},
		{"broken row", "|a|b|c|\n|-|-|-|\n|1|2|three\nand more|\n|4|5|6|\n", [][]string{{"1", "2", "three and more"}, {"4", "5", "6"}}},
		{"broken row closed by a lone pipe", "|a|b|c|\n|-|-|-|\n|1|2|three\n |\n|4|5|6|\n", [][]string{{"1", "2", "three"}, {"4", "5", "6"}}},
		{"broken over cells", "|a|b|c|\n|-|-|-|\n|1|two\nlines|3|\n", [][]string{{"1", "two lines", "3"}}},
		{"ends at text", "|a|b|\n|-|-|\n|1|2|\nSome text.\n", [][]string{{"1", "2"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sc := mdScanPage([]byte(tt.src))
			var tbl *mdTable
			for _, b := range sc.blocks {
				if b.kind == mdBTable {
					tbl = b.table
					break
				}
			}
			if tbl == nil {
				t.Fatal("no table")
			}
			var got [][]string
			for _, row := range tbl.rows {
				var r []string
				for _, c := range row {
					r = append(r, c.text)
				}
				got = append(got, r)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestMarkdownPlain(t *testing.T) {
	tests := []struct{ in, want string }{
		{"See [the docs](x.md) now.", "See the docs now."},
		{"Line one.<br>Line two.<br/>Three.", "Line one. Line two. Three."},
		{"<ul><li>One</li><li>Two</li></ul>", "One Two"},
		{"**Bold** and *italic* and `code`.", "Bold and italic and code."},
		{"Use <server>:<port>.", "Use <server>:<port>."},
		{"A&nbsp;B &amp; C", "A B & C"},
		{"\\{id\\}\\_x", "{id}_x"},
		{"![alt text](img.png) here", "alt text here"},
		{"[ref][r] and [r]", "ref and r"},
		{"[not a link] stays", "[not a link] stays"},
		{"  many   spaces\tand\ttabs  ", "many spaces and tabs"},
		{"keep <!-- hidden --> this", "keep this"},
	}
	refs := map[string]string{"r": "r.md"}
	for _, tt := range tests {
		if got := mdPlain(tt.in, refs, false); got != tt.want {
			t.Errorf("mdPlain(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestMarkdownLenientJSON(t *testing.T) {
	tests := []struct {
		in   string
		key  string
		want any
	}{
		{`{ "blockType": "resource", "keyProperty": "id" }`, "keyProperty", "id"},
		{`{ "blockType": "resource", "keyProperty": "", }`, "keyProperty", ""},
		{`{ 'blockType': 'resource', 'baseType': null }`, "baseType", nil},
		{`{ "openType": false, // comment
		   "abstract": "true" }`, "abstract", "true"},
		{`{ /* c */ blockType: resource, openType: true }`, "openType", true},
		{`{ "optionalProperties": [ "a", "b", ], "x": 1 }`, "x", float64(1)},
		{`{ "a": "line
break" }`, "a", "line\nbreak"},
		{`{ "a": "x" "b": "y" }`, "b", "y"},
		{`{ "a": {"b": [1, {"c": 2}]}, "d": "e" }`, "d", "e"},
		{`{ "a": "\u0041\"" }`, "a", `A"`},
		{`{ "a": "unterminated`, "a", "unterminated"},
	}
	for _, tt := range tests {
		m, ok := mdParseJSONObject(tt.in)
		if !ok {
			t.Errorf("%q: no object", tt.in)
			continue
		}
		if got, ok := m[tt.key]; !ok || !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%q: %s = %#v (present %v), want %#v", tt.in, tt.key, got, ok, tt.want)
		}
	}
	deep := strings.Repeat("[", 10000) + strings.Repeat("]", 10000)
	if _, ok := mdParseJSONObject(`{"a": ` + deep + `}`); !ok {
		t.Errorf("deep nesting: no object")
	}
}

func TestMarkdownEnumHeadings(t *testing.T) {
	tests := []struct {
		in     string
		name   string
		byProp bool
		ok     bool
	}{
		{"cloudPcExternalPartnerStatus values", "cloudPcExternalPartnerStatus", false, true},
		{"widgetColor value", "widgetColor", false, true},
		{"`shape` enumeration values", "shape", false, true},
		{"status property values", "status", true, true},
		{"microsoft.graph.security.alertStatus values", "microsoft.graph.security.alertStatus", false, true},
		{"riskLevel enum", "riskLevel", false, true},
		{"Values of mode", "mode", false, true},
		{"Property values", "", false, true},
		{"Enumeration values", "", false, true},
		{"Properties", "", false, false},
		{"JSON representation", "", false, false},
	}
	for _, tt := range tests {
		name, byProp, ok := mdEnumHeading(tt.in)
		if name != tt.name || byProp != tt.byProp || ok != tt.ok {
			t.Errorf("%q: got %q %v %v, want %q %v %v", tt.in, name, byProp, ok, tt.name, tt.byProp, tt.ok)
		}
	}
}

func TestMarkdownNamespaces(t *testing.T) {
	tests := []struct {
		name, src, want string
	}{
		{"line", "# x resource type\n\nNamespace: microsoft.graph.security\n\n## Properties\n", "microsoft.graph.security"},
		{"cased line", "# x resource type\n\nNamespace: Microsoft.Graph\n\n## Properties\n", "microsoft.graph"},
		{"bold and code", "# x resource type\n\n**Namespace:** `microsoft.graph.callRecords`\n\n## Properties\n", "microsoft.graph.callRecords"},
		{"cased sub-namespace follows the comment", "# x resource type\n\nnamespace: Microsoft.Graph.CallRecords\n\n<!-- { \"blockType\": \"resource\", \"@odata.type\": \"microsoft.graph.callRecords.x\" } -->\n", "microsoft.graph.callRecords"},
		{"from the comment", "# x resource type\n\n## Properties\n\n<!-- { \"blockType\": \"resource\", \"@odata.type\": \"#microsoft.graph.ediscovery.x\" } -->\n", "microsoft.graph.ediscovery"},
		{"default", "# x resource type\n\n## Properties\n", "microsoft.graph"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, _, err := Read("x.md", []byte(tt.src))
			if err != nil {
				t.Fatal(err)
			}
			if len(s.Types) != 1 || s.Types[0].Namespace != tt.want || s.Types[0].Name != "x" {
				t.Errorf("got %+v, want %s.x", s.Types, tt.want)
			}
		})
	}
}

// TestMarkdownKinds covers the resource comment's keyProperty and baseType
// forms.
func TestMarkdownKinds(t *testing.T) {
	page := func(comment string) string {
		return "# x resource type\n\n## Properties\n\n|Property|Type|Description|\n|-|-|-|\n|id|String|Id.|\n\n<!-- " + comment + " -->\n"
	}
	tests := []struct {
		comment string
		want    string // kind base key open abstract
	}{
		{`{"blockType": "resource", "@odata.type": "microsoft.graph.x", "keyProperty": "id"}`, "entity  [id] false false"},
		{`{"blockType": "resource", "@odata.type": "microsoft.graph.x", "keyProperty": "", "baseType": "microsoft.graph.y"}`, "entity microsoft.graph.y [] false false"},
		{`{"blockType": "resource", "@odata.type": "microsoft.graph.x", "keyProperty": ""}`, "complex  [] false false"},
		{`{"blockType": "resource", "@odata.type": "microsoft.graph.x", "baseType": null}`, "complex  [] false false"},
		{`{"blockType": "resource", "@odata.type": "microsoft.graph.x", "baseType": "microsoft.graph.entity"}`, "entity microsoft.graph.entity [] false false"},
		{`{"blockType": "resource", "@odata.type": "microsoft.graph.x", "baseType": "y", "openType": "true", "abstract": true}`, "complex microsoft.graph.y [] true true"},
		{`{"blockType": "resource", "@type": "microsoft.graph.x", "keyProperty": "a,b"}`, "entity  [a b] false false"},
	}
	for _, tt := range tests {
		s, _, err := Read("x.md", []byte(page(tt.comment)))
		if err != nil {
			t.Fatalf("%s: %v", tt.comment, err)
		}
		ty := s.Types[0]
		got := strings.Join([]string{string(ty.Kind), ty.BaseType, "[" + strings.Join(ty.Key, " ") + "]",
			mdBoolStr(ty.Open), mdBoolStr(ty.Abstract)}, " ")
		if got != tt.want {
			t.Errorf("%s:\n got %q\nwant %q", tt.comment, got, tt.want)
		}
	}
}

func mdBoolStr(b bool) string {
	if b {
		return "true"
	}
	return "false"
}

func TestMarkdownInferredEnums(t *testing.T) {
	src := `# thing resource type

## Properties

|Property|Type|Description|
|-|-|-|
|plain|mode|Possible values are: ` + "`a`, `b`" + `.|
|again|mode|Possible values are: ` + "`a`, `b`" + `.|
|anchor|[level](#level-values)|Possible values are: ` + "`low`, `high`" + `.|
|linked|[flow](../resources/flow.md)|The possible value is: ` + "`x` or `y`" + `.|
|text|String|Possible values are: ` + "`p`, `q`" + `.|
|listed|[kind](#kind-values)|Possible values are: ` + "`one`" + `.|
|odd|odd|Possible values are: ` + "`a b`, `c`" + `.|

### kind values

|Member|
|-|
|one|
|two|
`
	s, _, err := Read("thing.md", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range s.Enums {
		got = append(got, mdDescribeEnum(e))
	}
	want := []string{
		"microsoft.graph.kind: one=0 two=1",
		"microsoft.graph.mode: a=0 b=1",
		"microsoft.graph.level: low=0 high=1",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("\n got %q\nwant %q", got, want)
	}
}

func TestMarkdownTruthy(t *testing.T) {
	for in, want := range map[string]bool{
		"Yes": true, "true": true, "✓": true, "Yes, on create": true, "**Required**": true,
		"No": false, "": false, "Optional": false, "false": false, "n/a": false,
	} {
		if got := mdTruthy(in); got != want {
			t.Errorf("mdTruthy(%q) = %v, want %v", in, got, want)
		}
	}
}
