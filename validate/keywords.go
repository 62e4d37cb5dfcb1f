package validate

import "encoding/json"

// The keywords odatagen adds to its JSON Schema documents, besides the
// standard ones: the generator writes them (generator/schema.go) and this
// package reads them to word its errors (errors.go). Other JSON Schema
// tools ignore them. They are defined here, once, and both sides use these
// constants; a test in the generator checks that every keyword it emits is
// one of Keywords and that each is emitted.
const (
	// KeywordType is the OData type of the value a (sub)schema checks
	// ("Edm.Int32", "microsoft.graph.cloudPcExternalPartnerStatus"); on a
	// document, the type the document is for.
	KeywordType = "x-odata-type"
	// KeywordMode is, on a document, its mode ("read", "create",
	// "update").
	KeywordMode = "x-odata-mode"
	// KeywordOperation is the request line(s) of the operation whose body
	// a document or a property follows ("POST /users").
	KeywordOperation = "x-odata-operation"
	// KeywordImmutable marks a rejected property of an update document
	// that may be set on create only.
	KeywordImmutable = "x-odata-immutable"
	// KeywordFlags marks a flags enum value; KeywordMembers lists its
	// members, and is on the document of an enum without members too
	// (whose "not": {} takes the place of an empty "enum").
	KeywordFlags   = "x-odata-flags"
	KeywordMembers = "x-odata-members"
	// KeywordSelectOnly marks a property of a read document that the
	// service returns only when $select names it (docs pages: "Returned
	// only on $select"). It is a note for readers and tools; the rules
	// are the same.
	KeywordSelectOnly = "x-odata-select-only"
)

// Keywords lists every odatagen keyword.
var Keywords = []string{KeywordType, KeywordMode, KeywordOperation, KeywordImmutable, KeywordFlags, KeywordMembers, KeywordSelectOnly}

// The primitive types whose schema says what they are, so that the
// generator leaves KeywordType out of it: a string without a format is
// Edm.String, one with a format the type of that format, a boolean
// Edm.Boolean, a number Edm.Decimal and an integer the Edm integer type of
// its minimum and maximum. (Edm.Single and Edm.Double, a number or an
// INF/NaN string, share one schema and keep the keyword.)
var (
	impliedFormats = map[string]string{
		"date-time":   "Edm.DateTimeOffset",
		"date":        "Edm.Date",
		"time-of-day": "Edm.TimeOfDay",
		"duration":    "Edm.Duration",
		"uuid":        "Edm.Guid",
		"base64url":   "Edm.Binary",
	}
	impliedRanges = map[[2]string]string{
		{"0", "255"}:                  "Edm.Byte",
		{"-128", "127"}:               "Edm.SByte",
		{"-32768", "32767"}:           "Edm.Int16",
		{"-2147483648", "2147483647"}: "Edm.Int32",
		{"-9223372036854775808", "9223372036854775807"}: "Edm.Int64",
	}
)

// ImpliedTypes are the primitive types whose schemas need no KeywordType
// (see ImpliedType).
var ImpliedTypes = []string{
	"Edm.String", "Edm.Boolean", "Edm.Decimal",
	"Edm.DateTimeOffset", "Edm.Date", "Edm.TimeOfDay", "Edm.Duration", "Edm.Guid", "Edm.Binary",
	"Edm.Byte", "Edm.SByte", "Edm.Int16", "Edm.Int32", "Edm.Int64",
}

// ImpliedType returns the OData type of a schema node (a JSON object as
// decoded with UseNumber) that has no KeywordType, by its "type",
// "format", "pattern", "minimum" and "maximum" as the generator writes
// them for ImpliedTypes, or "" when they do not name one.
func ImpliedType(node map[string]any) string {
	var jt string
	switch t := node["type"].(type) {
	case string:
		jt = t
	case []any:
		for _, e := range t {
			s, _ := e.(string)
			switch {
			case s == "null":
			case jt == "":
				jt = s
			default:
				return ""
			}
		}
	}
	if _, ok := node["pattern"]; ok {
		return ""
	}
	switch jt {
	case "string":
		if f, ok := node["format"].(string); ok {
			return impliedFormats[f]
		}
		return "Edm.String"
	case "boolean":
		return "Edm.Boolean"
	case "number":
		return "Edm.Decimal"
	case "integer":
		return impliedRanges[[2]string{numStr(node, "minimum"), numStr(node, "maximum")}]
	}
	return ""
}

// numStr returns the number at key of a schema node, as written.
func numStr(node map[string]any, key string) string {
	if n, ok := node[key].(json.Number); ok {
		return string(n)
	}
	return ""
}
