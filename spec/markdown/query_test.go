package markdown

import (
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/odatagen/odatagen/spec"
)

// mdQueryString prints what mdReadFacts read of the query option phrases:
// the options and "returned=default|select", "" when nothing.
func mdQueryString(q *spec.QuerySupport) string {
	if q == nil {
		return ""
	}
	var s []string
	for _, o := range q.Options {
		s = append(s, string(o))
	}
	if q.Returned != spec.ReturnedUnstated {
		s = append(s, "returned="+string(q.Returned))
	}
	return strings.Join(s, " ")
}

func TestMarkdownQueryPhrases(t *testing.T) {
	tests := []struct {
		desc string // markdown, as in a table cell
		want string
	}{
		// One option, in its spellings.
		{"Supports `$orderby`.", "$orderby"},
		{"Supports `$orderBy`.", "$orderby"},
		{"Supports $OrderBy", "$orderby"},
		{"Supports `$select`.", "$select"},
		{"Supports `$search`.", "$search"},
		{"Supports `$count`.", "$count"},
		{"Supports `$expand`.", "$expand"},
		{"Read-only. Nullable. Supports `$expand`.  ", "$expand"},
		{"Supports \\$expand.", "$expand"},
		// With $filter, whose operator list holds $count that is not the option.
		{"Supports `$filter` (`eq`, `ne`, `not`, `in`) and `$orderby`.", "$orderby"},
		{"Supports `$filter` and `$orderby`.", "$orderby"},
		{"Supports `$orderby` and `$filter` (`eq`, `le`, and `ge` operators only).", "$orderby"},
		{"Supports `$filter` (`eq`, `ne`, `not`, `ge`, `le`, `in`, `startsWith`, and `eq` on `null` values), `$search`, and `$orderBy`.", "$orderby $search"},
		{"Supports `$expand` and `$filter` (`/$count eq 0`, `/$count ne 0`).", "$expand"},
		{"Supports `$filter` (`/$count eq 0`, `/$count ne 0`).", ""},
		{"Supports `$filter` (`eq`, `not`, `ge`, `le`, `startsWith`,`/$count eq 0`, `/$count ne 0`).", ""},
		{"Supports `$select`, `$filter`, and `$orderby`.", "$orderby $select"},
		{"Supports `$filter` (`eq`), `$count`, `$expand`, `$orderby`, `$search` and `$select`.", "$orderby $select $search $count $expand"},
		// Other wordings of support.
		{"`$orderby` and `$search` are supported.", "$orderby $search"},
		{"This property can be used with `$orderby`.", "$orderby"},
		{"Not nullable. Supports `$orderby`.", "$orderby"},
		// Negations, and support stated for one option only.
		{"Doesn't support `$orderby`.", ""},
		{"Does not support `$orderby` or `$search`.", ""},
		{"`$orderby` isn't supported.", ""},
		{"`$orderby` is not currently supported.", ""},
		{"Unsupported with `$orderby`.", ""},
		{"Can't be used with `$orderby`.", ""},
		{"Supports `$filter` (`eq`) but not `$orderby`.", ""},
		{"Supports `$search`; `$orderby` isn't supported.", "$search"},
		{"Supports `$orderby`, but `$search` is not supported.", "$orderby"},
		// Options named without a statement of support, or as part of a query.
		{"Use `$select` to get this property.", ""},
		{"You can use `$search` on the **displayName**.", ""},
		{"Supports `$expand` including nested `$select`.", "$expand"},
		{"Supports `$expand` with `$select` nested in `$expand`.", "$expand"},
		{"Supports `$expand`. For example, `/groups?$expand=members($select=id)`.", "$expand"},
		{"Supported as in `?$select=id&$orderby=x`.", ""},
		{"Supports /$count.", ""},
		// Returned by default or not.
		{"Returned only on `$select`.", "returned=select"},
		{"Returned only on applying a `$select` query option. Read-only.", "returned=select"},
		{"Only returned with `$select`.", "returned=select"},
		{"This property is only returned when explicitly selected.", "returned=select"},
		{"Not returned by default.", "returned=select"},
		{"This property isn't returned by default.", "returned=select"},
		{"**uniqueBody** is not returned by default but can be retrieved for a given message by use of the `?$select=uniqueBody` query.", "returned=select"},
		{"By default, this property is not returned.", "returned=select"},
		{"Not returned by default. Supports `$select`.", "$select returned=select"},
		{"Returned by default.", "returned=default"},
		{"Returned by default. Supports `$filter` (`eq`, `ne`, `not`, `ge`, `le`, `in`) and `$orderby`. Read-only.", "$orderby returned=default"},
		{"Returned only on `$select`. Supports `$filter` (`eq`, `ne`, `not`, `in`).", "returned=select"},
		{"Returned by default. Returned only on `$select`.", "returned=default"}, // the first statement stands
		{"Returned only for users with a license.", ""},
		{"The values returned by the service.", ""},
		{"Nothing about queries here.", ""},
	}
	for _, tt := range tests {
		plain := mdPlain(tt.desc, nil, true)
		f := mdReadFacts(plain, spec.Pos{File: "x.md", Line: 1})
		q := f.querySupport()
		if got := mdQueryString(q); got != tt.want {
			t.Errorf("%q:\n got %q\nwant %q", tt.desc, got, tt.want)
		}
		if q != nil && q.Pos != (spec.Pos{File: "x.md", Line: 1}) {
			t.Errorf("%q: pos %v", tt.desc, q.Pos)
		}
	}
}

// TestMarkdownQueryKeepsFilter: the query phrases do not change what is
// read for $filter.
func TestMarkdownQueryKeepsFilter(t *testing.T) {
	for desc, want := range map[string]string{
		"Supports `$filter` (`eq`, `ne`, `not`, `in`) and `$orderby`.":              "filter=eq,ne,not,in",
		"Supports `$expand` and `$filter` (`/$count eq 0`, `/$count ne 0`).":        "filter=eq,ne count",
		"Returned only on `$select`. Supports `$filter` (`eq`, `ne`, `not`, `in`).": "filter=eq,ne,not,in",
	} {
		if got := mdFactsString(mdReadFacts(mdPlain(desc, nil, true), spec.Pos{File: "x.md", Line: 1})); got != want {
			t.Errorf("%q: got %q, want %q", desc, got, want)
		}
	}
}

// TestReadQueryPage reads the query phrases of a whole resource page into
// its properties and relationships, at the description's position.
func TestReadQueryPage(t *testing.T) {
	s, _ := mdReadFile(t, filepath.Join("testdata", "markdown", "query-phrases.md"))
	if len(s.Types) != 1 {
		t.Fatalf("%d types", len(s.Types))
	}
	ty := s.Types[0]
	got := map[string]string{}
	for _, p := range slices.Concat(ty.Properties, ty.NavigationProperties) {
		got[p.Name] = mdDescribe(p) + " | " + mdQueryString(p.Query)
		if p.Query != nil && p.Query.Pos.Line != p.Pos.Line {
			t.Errorf("%s: query at %v, property at %v", p.Name, p.Query.Pos, p.Pos)
		}
	}
	want := map[string]string{
		"id":             "id Edm.String ro filter=eq,in | ",
		"displayName":    "displayName Edm.String filter=eq,ne,startsWith null | $orderby $search returned=default",
		"joinedDateTime": "joinedDateTime Edm.DateTimeOffset filter=ge,le | $orderby",
		"homeStation":    "homeStation Edm.String filter=eq | returned=select",
		"rideHistory":    "rideHistory Edm.String | $select returned=select",
		"tags":           "tags Collection(Edm.String) filter=eq,any count | ",
		"notes":          "notes Edm.String | ",
		"coach":          "coach microsoft.graph.bikeRider ro | $expand",
		"pupils":         "pupils Collection(microsoft.graph.bikeRider) filter=eq,ne count | $expand",
	}
	if !reflect.DeepEqual(got, want) {
		for k := range want {
			if got[k] != want[k] {
				t.Errorf("%s:\n got %s\nwant %s", k, got[k], want[k])
			}
		}
		if len(got) != len(want) {
			t.Errorf("properties: %v", got)
		}
	}
}

// TestReadQueryCorpus: the query phrases of real pages, every one that
// these pages state on a property.
func TestReadQueryCorpus(t *testing.T) {
	for _, tc := range []struct {
		path []string
		want map[string]string // property -> mdQueryString; the others have none
	}{
		{[]string{"corpus", "graph-docs-current", "v1.0", "device.md"}, map[string]string{
			"approximateLastSignInDateTime": "$orderby",
			"displayName":                   "$orderby $search",
			"memberOf":                      "$expand",
			"registeredOwners":              "$expand",
			"registeredUsers":               "$expand",
			"transitiveMemberOf":            "$expand",
		}},
		{[]string{"corpus", "graph-docs-2021", "v1.0", "signin.md"}, map[string]string{"createdDateTime": "$orderby"}},
		{[]string{"api-corpus", "graph-docs-2021", "v1.0", "resources", "message.md"}, map[string]string{
			"internetMessageHeaders": "returned=select",
			"uniqueBody":             "returned=select",
		}},
		{[]string{"api-corpus", "graph-docs-2021", "v1.0", "resources", "educationuser.md"}, map[string]string{
			"displayName":       "$orderby",
			"userPrincipalName": "$orderby",
		}},
	} {
		s, _ := mdReadFile(t, mdSharedFile(t, tc.path...))
		got := map[string]string{}
		for _, ty := range s.Types {
			for _, p := range slices.Concat(ty.Properties, ty.NavigationProperties) {
				if p.Query != nil {
					got[p.Name] = mdQueryString(p.Query)
				}
			}
		}
		if !reflect.DeepEqual(got, tc.want) {
			t.Errorf("%s:\n got %v\nwant %v", filepath.Join(tc.path...), got, tc.want)
		}
	}
}
