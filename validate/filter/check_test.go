package filter

import (
	"errors"
	"strings"
	"testing"
)

const partner = "microsoft.graph.cloudPcExternalPartner"

// seedModel is the capability table of the seed type
// microsoft.graph.cloudPcExternalPartner, built by hand.
func seedModel() *Model {
	return &Model{
		Types: map[string]*Type{
			"microsoft.graph.entity": {Name: "microsoft.graph.entity"},
			partner: {Name: partner, Base: "microsoft.graph.entity", Properties: []*Property{
				{Name: "id", Type: "Edm.String"},
				{Name: "partnerId", Type: "Edm.String"},
				{Name: "enableConnection", Type: "Edm.Boolean", Filter: &Support{Ops: []Op{OpEq}}},
				{Name: "lastSyncDateTime", Type: "Edm.DateTimeOffset"},
				{Name: "connectionStatus", Type: "microsoft.graph.cloudPcExternalPartnerStatus"},
				{Name: "statusDetails", Type: "Edm.String"},
			}},
		},
		Enums: map[string]*Enum{
			"microsoft.graph.cloudPcExternalPartnerStatus": {
				Name:    "microsoft.graph.cloudPcExternalPartnerStatus",
				Members: []string{"notAvailable", "available", "healthy", "unhealthy", "unknownFutureValue"},
			},
		},
	}
}

type checkCase struct {
	expr   string
	offset int    // -1: accepted
	msg    string // substring of Error.Msg
}

func runCheck(t *testing.T, m *Model, typeName string, tests []checkCase) {
	t.Helper()
	for _, tt := range tests {
		err := Check(m, typeName, tt.expr)
		if tt.offset < 0 {
			if err != nil {
				t.Errorf("Check(%q) failed:\n%v", tt.expr, err)
			}
			continue
		}
		var fe *Error
		if !errors.As(err, &fe) {
			t.Errorf("Check(%q) = %v, want an *Error at %d containing %q", tt.expr, err, tt.offset, tt.msg)
			continue
		}
		if fe.Offset != tt.offset || !strings.Contains(fe.Msg, tt.msg) || fe.Expr != tt.expr {
			t.Errorf("Check(%q):\n got  %d %q\n want %d %q", tt.expr, fe.Offset, fe.Msg, tt.offset, tt.msg)
		}
	}
}

// TestCheckSeed is the brief's checker acceptance list for the seed type.
func TestCheckSeed(t *testing.T) {
	m := seedModel()
	if err := m.Validate(); err != nil {
		t.Fatalf("seed model: %v", err)
	}
	runCheck(t, m, partner, []checkCase{
		{"enableConnection eq true", -1, ""},
		{"enableConnection eq false and enableConnection eq true", -1, ""},
		{"(enableConnection eq true)", -1, ""},
		{"enableConnection ne true", 17, "operator ne is not supported on enableConnection (supported: eq)"},
		{"partnerId eq '198d7140-80bb-4843-8cc4-811377a49a92'", 0, "partnerId is not filterable"},
		{"connectionStatus eq 'healthy'", 0, "connectionStatus is not filterable"},
		{"enableConnection eq 'yes'", 20, "type mismatch: enableConnection is Edm.Boolean, 'yes' is Edm.String"},
		{"enableConnection eq null", 20, "comparison with null is not supported on enableConnection"},
		{"enableConnection in (true, false)", 17, "operator in is not supported on enableConnection (supported: eq)"},
		{"not (enableConnection eq true)", 0, "operator not is not supported on enableConnection (supported: eq)"},
		{"nosuchProperty eq 1", 0, "no property nosuchProperty on microsoft.graph.cloudPcExternalPartner"},
		{"enableConnection eq", 19, "expected an operand, found end of input"},
		{"(enableConnection eq true", 0, "unclosed parenthesis"},
		{"enableConnection eq true or", 27, "expected an operand, found end of input"},
		// More on the seed type.
		{"enableConnection", -1, ""}, // means enableConnection eq true
		{"true eq enableConnection", -1, ""},
		{"enableConnection eq @p", -1, ""},
		{"id eq 'x'", 0, "id is not filterable"},
		{"lastSyncDateTime ge 2024-01-01T00:00:00Z", 0, "lastSyncDateTime is not filterable"},
		{"enableConnection gt false", 17, "operator gt is not supported on enableConnection"},
		{"startswith(statusDetails, 'a')", 11, "statusDetails is not filterable"},
		{"enableConnection eq true and partnerId eq 'x'", 29, "partnerId is not filterable"},
		{"enableConnection eq 1", 20, "type mismatch: enableConnection is Edm.Boolean, 1 is Edm.Int32"},
		{"'yes' eq enableConnection", 0, "type mismatch: 'yes' is Edm.String, enableConnection is Edm.Boolean"},
		{"enableConnection eq '" + strings.Repeat("é", 40) + "'", 20, "type mismatch: enableConnection is Edm.Boolean, '" + strings.Repeat("é", 28) + "... is Edm.String"},
	})
	// The rendered error of the brief.
	err := Check(m, partner, "enableConnection ne true")
	want := "enableConnection ne true\n                 ^ operator ne is not supported on enableConnection (supported: eq)"
	if err == nil || err.Error() != want {
		t.Errorf("Check error =\n%v\nwant\n%s", err, want)
	}
}

// richModel is a Graph-like model: inheritance, complex and navigation
// properties, collections, enumerations, a type definition and most Edm
// types.
func richModel() *Model {
	all := &Support{}
	return &Model{
		Types: map[string]*Type{
			"microsoft.graph.entity": {Name: "microsoft.graph.entity", Properties: []*Property{
				{Name: "id", Type: "Edm.String", Filter: &Support{Ops: []Op{OpEq, OpNe, OpIn}}},
			}},
			"microsoft.graph.directoryObject": {Name: "microsoft.graph.directoryObject", Base: "microsoft.graph.entity", Properties: []*Property{
				{Name: "deletedDateTime", Type: "Edm.DateTimeOffset", Filter: &Support{Ops: []Op{OpEq, OpNe, OpGt, OpGe, OpLt, OpLe}, Null: true}},
			}},
			"microsoft.graph.user": {Name: "microsoft.graph.user", Base: "microsoft.graph.directoryObject", Properties: []*Property{
				{Name: "displayName", Type: "Edm.String", Filter: &Support{Ops: []Op{OpEq, OpNe, OpNot, OpGe, OpLe, OpIn, OpStartsWith}, Null: true}},
				{Name: "accountEnabled", Type: "Edm.Boolean", Filter: &Support{Ops: []Op{OpEq, OpNe, OpNot}}},
				{Name: "isArchived", Type: "Edm.Boolean", Filter: &Support{Ops: []Op{OpNe}}},
				{Name: "ageGroup", Type: "Edm.String"},
				{Name: "createdDateTime", Type: "Edm.DateTimeOffset", Filter: &Support{Ops: []Op{OpEq, OpNe, OpNot, OpGe, OpLe, OpIn}, Null: true}},
				{Name: "birthday", Type: "Edm.Date", Filter: all},
				{Name: "lunchTime", Type: "Edm.TimeOfDay", Filter: all},
				{Name: "proxyAddresses", Type: "Edm.String", Collection: true, Filter: &Support{Ops: []Op{OpEq, OpNot, OpGe, OpLe, OpStartsWith, OpAny}, Count: true}},
				{Name: "assignedLicenses", Type: "microsoft.graph.assignedLicense", Collection: true, Filter: &Support{Ops: []Op{OpEq, OpNot, OpAny}, Count: true}},
				{Name: "onPremisesExtensionAttributes", Type: "microsoft.graph.onPremisesExtensionAttributes", Filter: &Support{Ops: []Op{OpEq, OpNe, OpNot, OpIn}}},
				{Name: "manager", Type: "microsoft.graph.directoryObject", Navigation: true},
				{Name: "memberOf", Type: "microsoft.graph.directoryObject", Collection: true, Navigation: true, Filter: &Support{Ops: []Op{OpAny}, Count: true}},
				{Name: "status", Type: "microsoft.graph.userStatus", Filter: &Support{Ops: []Op{OpEq, OpNe, OpIn}}},
				{Name: "permissions", Type: "microsoft.graph.permissions", Filter: &Support{Ops: []Op{OpEq, OpHas}}},
				{Name: "score", Type: "Edm.Double", Filter: all},
				{Name: "age", Type: "Edm.Int32", Filter: &Support{Ops: []Op{OpEq, OpGt, OpGe, OpLt, OpLe}}},
				{Name: "quota", Type: "Edm.Int64", Filter: all},
				{Name: "balance", Type: "Edm.Decimal", Filter: all},
				{Name: "sessionTimeout", Type: "Edm.Duration", Filter: all},
				{Name: "skuGuid", Type: "Edm.Guid", Filter: &Support{Ops: []Op{OpEq}}},
				{Name: "location", Type: "Edm.GeographyPoint", Filter: all},
				{Name: "photo", Type: "Edm.Stream"},
				{Name: "thumbnail", Type: "Edm.Binary", Filter: all},
				{Name: "tags", Type: "Edm.String", Collection: true, Filter: all},
				{Name: "nickname", Type: "microsoft.graph.shortString", Filter: all},
				{Name: "extra", Type: "Edm.Untyped", Filter: all},
			}},
			"microsoft.graph.group": {Name: "microsoft.graph.group", Base: "microsoft.graph.directoryObject", Properties: []*Property{
				{Name: "displayName", Type: "Edm.String", Filter: all},
				{Name: "members", Type: "microsoft.graph.directoryObject", Collection: true, Navigation: true, Filter: &Support{Ops: []Op{OpEq}, Count: true}},
			}},
			"microsoft.graph.device": {Name: "microsoft.graph.device", Base: "microsoft.graph.directoryObject"},
			"microsoft.graph.assignedLicense": {Name: "microsoft.graph.assignedLicense", Properties: []*Property{
				{Name: "skuId", Type: "Edm.Guid"},
				{Name: "disabledPlans", Type: "Edm.Guid", Collection: true},
			}},
			"microsoft.graph.onPremisesExtensionAttributes": {Name: "microsoft.graph.onPremisesExtensionAttributes", Properties: []*Property{
				{Name: "extensionAttribute1", Type: "Edm.String"},
			}},
		},
		Enums: map[string]*Enum{
			"microsoft.graph.userStatus":  {Name: "microsoft.graph.userStatus", Members: []string{"active", "disabled", "unknownFutureValue"}},
			"microsoft.graph.permissions": {Name: "microsoft.graph.permissions", Members: []string{"read", "write", "admin"}, Flags: true},
		},
		TypeDefs: map[string]string{"microsoft.graph.shortString": "Edm.String"},
	}
}

const user = "microsoft.graph.user"

func TestCheckRich(t *testing.T) {
	m := richModel()
	if err := m.Validate(); err != nil {
		t.Fatalf("rich model: %v", err)
	}
	runCheck(t, m, user, []checkCase{
		// Operators on supported properties; inherited properties.
		{"displayName eq 'x'", -1, ""},
		{"displayName eq null or displayName ne null", -1, ""},
		{"startswith(displayName, 'a')", -1, ""},
		{"startsWith(displayName,'a')", -1, ""},
		{"accountEnabled eq true and not (displayName eq 'x')", -1, ""},
		{"not accountEnabled", -1, ""},
		{"accountEnabled", -1, ""},
		{"id in ('a', 'b')", -1, ""},
		{"id eq 'x' and $it/id ne 'y'", -1, ""},
		{"deletedDateTime ge 2024-01-01", -1, ""},
		{"deletedDateTime lt 2024-01-01T00:00:00Z and deletedDateTime eq null", -1, ""},
		{"createdDateTime le now()", -1, ""},
		{"createdDateTime ge deletedDateTime", -1, ""},
		// Collections and lambdas.
		{"proxyAddresses/any(x: startswith(x, 'smtp:'))", -1, ""},
		{"proxyAddresses/any(x: x eq 'SMTP:a@b.c')", -1, ""},
		{"proxyAddresses/$count eq 0", -1, ""},
		{"proxyAddresses/any()", -1, ""},
		{"not proxyAddresses/any(x: x eq 'a')", -1, ""},
		{"assignedLicenses/any(x: x/skuId eq 8a256a2b-b617-496d-b51b-e76466e88db0)", -1, ""},
		{"assignedLicenses/any(x: x/disabledPlans/any(p: p eq 8a256a2b-b617-496d-b51b-e76466e88db0))", -1, ""},
		{"assignedLicenses/$count ne 0", -1, ""},
		{"tags/any(t: t in ('a', 'b'))", -1, ""},
		{"tags/all(t: contains(t, 'x'))", -1, ""},
		{"tags/any(t: tags/any(u: u eq t))", -1, ""},
		{"'a' in tags", -1, ""},
		{"hassubset(tags, tags)", -1, ""},
		// Complex and navigation properties, casts.
		{"onPremisesExtensionAttributes/extensionAttribute1 eq 'x'", -1, ""},
		{"manager/id eq 'x'", -1, ""},
		{"manager/microsoft.graph.user/displayName eq 'x'", -1, ""},
		{"memberOf/$count gt 0", -1, ""},
		{"memberOf/any(g: g/id eq 'x')", -1, ""},
		{"memberOf/microsoft.graph.group/any(g: g/displayName eq 'x')", -1, ""},
		{"microsoft.graph.user/displayName eq 'x'", -1, ""},
		// Enumerations.
		{"status eq 'active'", -1, ""},
		{"status eq microsoft.graph.userStatus'active'", -1, ""},
		{"status in ('active', microsoft.graph.userStatus'disabled')", -1, ""},
		{"permissions has microsoft.graph.permissions'read'", -1, ""},
		{"permissions has 'read,write'", -1, ""},
		{"permissions eq microsoft.graph.permissions'read,write'", -1, ""},
		{"permissions eq microsoft.graph.permissions'3'", -1, ""},
		// Numbers, promotion, arithmetic.
		{"score gt 1 and score gt 1.5 and score gt 1e3 and score lt INF", -1, ""},
		{"age add 1 gt 20", -1, ""},
		{"-age lt -5", -1, ""},
		{"age eq 9999999999", -1, ""},
		{"quota ge 9223372036854775807 and quota lt 99999999999999999999", -1, ""},
		{"balance mul 2 divby 3 gt score mod 2", -1, ""},
		{"round(score) eq 2 and floor(balance) ge 1 and ceiling(score) le 3", -1, ""},
		{"cast(age, Edm.Int64) gt 5", -1, ""},
		// Temporal values.
		{"sessionTimeout gt duration'PT1H' and sessionTimeout lt 'PT2H'", -1, ""},
		{"createdDateTime add duration'P1D' ge now()", -1, ""},
		{"birthday lt 2000-01-01 and year(birthday) eq 1999", -1, ""},
		{"lunchTime lt 12:00 and hour(lunchTime) eq 11", -1, ""},
		{"month(createdDateTime) eq 1 and date(createdDateTime) eq 2024-01-01", -1, ""},
		{"totalseconds(sessionTimeout) gt 60", -1, ""},
		// Other types.
		{"skuGuid eq 8a256a2b-b617-496d-b51b-e76466e88db0", -1, ""},
		{"thumbnail eq binary'AQID'", -1, ""},
		{"geo.distance(location, geography'SRID=4326;Point(1 2)') lt 10", -1, ""},
		{"nickname eq 'x' and length(nickname) gt 3", -1, ""},
		{"extra eq 'anything' and extra eq 1", -1, ""},
		// Functions that are not operators of their own.
		{"tolower(displayName) eq 'x'", -1, ""},
		{"concat(displayName, 'x') eq 'y'", -1, ""},
		{"length(displayName) gt 3", -1, ""},
		{"case(age gt 1: 'a', true: 'b') eq 'a'", -1, ""},
		{"@p eq displayName", -1, ""},
		{"isof(microsoft.graph.user)", -1, ""},

		// Not filterable.
		{"ageGroup eq 'x'", 0, "ageGroup is not filterable"},
		{"manager eq null", 0, "manager is not filterable"},
		{"photo eq null", 0, "photo is not filterable"},
		{"length(ageGroup) eq 1", 7, "ageGroup is not filterable"},
		// Operators a property does not support.
		{"displayName gt 'a'", 12, "operator gt is not supported on displayName (supported: eq, ne, not, ge, le, in, startsWith)"},
		{"endswith(displayName, 'a')", 0, "function endswith is not supported on displayName"},
		{"contains(tolower(displayName), 'a')", 0, "function contains is not supported on displayName"},
		{"tolower(displayName) gt 'x'", 21, "operator gt is not supported on displayName"},
		{"displayName add 'x' gt 'y'", 12, "operator add does not apply to Edm.String and Edm.String"},
		{"age add 1 ne 20", 10, "operator ne is not supported on age"},
		{"accountEnabled gt true", 15, "operator gt is not supported on accountEnabled"},
		{"isArchived", 0, "isArchived used as a condition means isArchived eq true, but operator eq is not supported on isArchived (supported: ne)"},
		{"isArchived ne true", -1, ""},
		{"not (id eq 'x')", 0, "operator not is not supported on id (supported: eq, ne, in)"},
		{"not (status eq 'active')", 0, "operator not is not supported on status"},
		{"not (accountEnabled eq true and not (status eq 'active'))", 32, "operator not is not supported on status"},
		{"not not (id eq 'x')", 4, "operator not is not supported on id"},
		{"status has microsoft.graph.userStatus'active'", 7, "operator has is not supported on status"},
		{"id in ('a', null)", 12, "comparison with null is not supported on id"},
		{"'a' in proxyAddresses", 4, "operator in is not supported on proxyAddresses"},
		{"proxyAddresses/any(x: endswith(x, 'a'))", 22, "function endswith is not supported on proxyAddresses"},
		{"assignedLicenses/all(x: x/skuId eq 8a256a2b-b617-496d-b51b-e76466e88db0)", 17, "operator all is not supported on assignedLicenses (supported: eq, not, any)"},
		{"memberOf/any(g: g/deletedDateTime gt 2024-01-01)", -1, ""},
		{"tags/$count eq 0", 5, "$count is not supported on tags"},
		{"members/$count eq 0", 0, "no property members on microsoft.graph.user"},
		// Types.
		{"accountEnabled eq 1", 18, "type mismatch: accountEnabled is Edm.Boolean, 1 is Edm.Int32"},
		{"score gt true", 9, "type mismatch: score is Edm.Double, true is Edm.Boolean"},
		{"age gt 'x'", 7, "type mismatch"},
		{"createdDateTime eq 'x'", 19, "type mismatch: createdDateTime is Edm.DateTimeOffset, 'x' is Edm.String"},
		{"birthday eq 12:00", 12, "type mismatch: birthday is Edm.Date, 12:00 is Edm.TimeOfDay"},
		{"skuGuid eq '8a256a2b-b617-496d-b51b-e76466e88db0'", 11, "type mismatch: skuGuid is Edm.Guid"},
		{"sessionTimeout gt 'P1Y'", 18, "type mismatch"},
		{"displayName eq age", 15, "type mismatch: displayName is Edm.String, age is Edm.Int32"},
		{"displayName in ('a', 1)", 21, "type mismatch"},
		{"1 in tags", 0, "type mismatch: 1 is Edm.Int32, tags is Edm.String"},
		{"status eq 'deleted'", 10, `"deleted" is not a member of microsoft.graph.userStatus (members: active, disabled, unknownFutureValue)`},
		{"status eq microsoft.graph.permissions'read'", 10, "type mismatch: status is microsoft.graph.userStatus, microsoft.graph.permissions'read' is microsoft.graph.permissions"},
		{"status eq 'active,disabled'", 10, "microsoft.graph.userStatus is not a flags enumeration"},
		{"status eq microsoft.graph.nope'x'", 10, "unknown enumeration type microsoft.graph.nope"},
		{"status eq microsoft.graph.userStatus'gone'", 10, `"gone" is not a member`},
		{"permissions has 'nope'", 16, `"nope" is not a member of microsoft.graph.permissions`},
		{"permissions has 1", 16, "has needs an enumeration literal"}, // a syntax error now: hasExpr takes an enumLiteral
		{"score has microsoft.graph.permissions'read'", 0, "has needs an enumeration value on its left; score is Edm.Double"},
		{"displayName has microsoft.graph.permissions'read'", 12, "operator has is not supported on displayName"},
		{"proxyAddresses eq 'x'", 0, "proxyAddresses is a collection: use any or all"},
		{"deletedDateTime gt null", 19, "null can only be compared with eq or ne, not gt"},
		{"location lt geography'SRID=4326;Point(1 2)'", 9, "operator lt does not apply to Edm.GeographyPoint"},
		{"@a gt true", 3, "operator gt does not apply to Edm.Boolean"}, // the right operand decides when the left is an alias
		{"accountEnabled ge false", 15, "operator ge is not supported on accountEnabled"},
		{"-displayName eq 'x'", 0, "negation needs a number or a duration; displayName is Edm.String"},
		{"startswith(age, 'x')", 11, "startswith needs Edm.String for argument 1; age is Edm.Int32"},
		{"year(displayName) eq 1", 5, "year needs Edm.Date or Edm.DateTimeOffset for argument 1"},
		{"hassubset(tags, displayName)", 16, "hassubset needs collections; displayName is Edm.String"},
		{"geo.distance(location, 1) lt 1", 23, "geo.distance needs a geography or geometry value"},
		// Paths.
		{"tags/any(t: t/foo eq 1)", 14, "t is Edm.String and has no properties"},
		{"displayName/any(x: x eq 'a')", 12, "any needs a collection; displayName is Edm.String"},
		{"ageGroup/$count eq 0", 9, "$count needs a collection; ageGroup is Edm.String"},
		{"tags/x eq 1", 5, "tags is a collection: use any or all to reach its members"},
		{"memberOf/any(m: m/nosuch eq 1)", 18, "no property nosuch on microsoft.graph.directoryObject"},
		{"microsoft.graph.device/displayName eq 'x'", 0, "cannot cast microsoft.graph.user to microsoft.graph.device"},
		{"microsoft.graph.nope/x eq 1", 0, "unknown type microsoft.graph.nope"},
		{"manager/microsoft.graph.group/members/$count eq 0", -1, ""},
		{"$root/me/x eq 1", 0, "$root is not supported"},
		{"isof(microsoft.graph.nope)", 5, "unknown type microsoft.graph.nope"},
		{"cast(displayName, microsoft.graph.user) eq null", 18, "cannot cast Edm.String to microsoft.graph.user"},
		// Booleans.
		{"displayName", 0, "the filter must be Boolean; displayName is Edm.String"},
		{"age add 1", 0, "the filter must be Boolean; age add 1 is Edm.Int32"},
		{"null", 0, "the filter must be Boolean; null is null"},
		{"not displayName eq 'x'", 4, "the operand of not must be Boolean; displayName is Edm.String"},
		{"accountEnabled and displayName", 19, "the right operand of and must be Boolean"},
		{"age or accountEnabled", 0, "the left operand of or must be Boolean"},
		{"tags/any(t: t)", 12, "the predicate of any must be Boolean; t is Edm.String"},
		{"case(age: 1) eq 1", 5, "a case condition must be Boolean"},
		{"case(age gt 1: 'a', true: 2) eq 'a'", 26, "type mismatch"},
		{"@p", -1, ""},
		// Arithmetic.
		{"createdDateTime sub deletedDateTime ge duration'P1D'", -1, ""},
		{"createdDateTime sub deletedDateTime gt duration'P1D'", 36, "operator gt is not supported on createdDateTime"},
		{"birthday add duration'P1D' le 2000-01-01 and birthday sub birthday gt duration'P1D'", -1, ""},
		{"duration'P1D' add createdDateTime ge now()", -1, ""},
		{"sessionTimeout mul 2 gt duration'PT1H' and sessionTimeout div 2 lt sessionTimeout", -1, ""},
		{"2 mul sessionTimeout sub duration'PT1M' gt sessionTimeout", -1, ""},
		{"@p add 1 gt 2 and 1 add @p gt 2", -1, ""},
		{"birthday mul 2 eq 1", 9, "operator mul does not apply to Edm.Date and Edm.Int32"},
		{"tags add 1 eq 1", 5, "operator add does not apply to Collection(Edm.String) and Edm.Int32"},
		{"null add 1 eq 1", 5, "operator add does not apply to null and Edm.Int32"},
		{"displayName sub 'a' eq 'b'", 12, "operator sub does not apply"},
		{"sessionTimeout div sessionTimeout gt 1", 15, "operator div does not apply to Edm.Duration and Edm.Duration"},
		{"birthday add birthday gt birthday", 9, "operator add does not apply to Edm.Date and Edm.Date"},
		{"age divby 2 gt 1.5 and age mod 2 eq 0", -1, ""},
		// in and has with other right sides.
		{"displayName in @list and permissions has @p and @p has microsoft.graph.permissions'read'", -1, ""},
		{"displayName in displayName", 15, "in needs a list or a collection on its right; displayName is Edm.String"},
		{"case(true: null) eq null", -1, ""},
		{"case(age gt 1: null, true: 'b') eq 'a'", -1, ""},
	})
	// An unknown type to check against.
	var fe *Error
	if err := Check(m, "microsoft.graph.nope", "a eq 1"); !errors.As(err, &fe) || fe.Offset != 0 || fe.Msg != "unknown type microsoft.graph.nope" {
		t.Errorf("Check against an unknown type = %v", err)
	}
	// Model.Check leaves Expr empty; offsets refer to the parsed text.
	e, _ := Parse("ageGroup eq 'x'")
	if err := m.Check(user, e); !errors.As(err, &fe) || fe.Expr != "" || fe.Error() != "offset 0: ageGroup is not filterable" {
		t.Errorf("Model.Check = %v", err)
	}
	// The same Model answers for other types: the group redeclares displayName.
	runCheck(t, m, "microsoft.graph.group", []checkCase{
		{"displayName gt 'a'", -1, ""},
		{"members/$count eq 0 and id eq 'x'", -1, ""},
		{"members/any(x: x/id eq 'y')", 8, "operator any is not supported on members (supported: eq)"},
	})
	runCheck(t, m, "microsoft.graph.directoryObject", []checkCase{
		{"microsoft.graph.user/displayName eq 'x'", -1, ""},
		{"displayName eq 'x'", 0, "no property displayName on microsoft.graph.directoryObject"},
		{"isof(microsoft.graph.user) and cast(microsoft.graph.user) ne null", -1, ""},
	})
}

func TestModelProperty(t *testing.T) {
	m := richModel()
	for _, tt := range []struct{ typ, name, wantType string }{
		{user, "displayName", "Edm.String"},
		{user, "deletedDateTime", "Edm.DateTimeOffset"}, // from directoryObject
		{user, "id", "Edm.String"},                      // from entity
		{"microsoft.graph.group", "displayName", "Edm.String"},
		{user, "nope", ""},
		{"microsoft.graph.nope", "id", ""},
	} {
		p := m.Property(tt.typ, tt.name)
		if (p == nil) != (tt.wantType == "") || (p != nil && p.Type != tt.wantType) {
			t.Errorf("Property(%s, %s) = %+v", tt.typ, tt.name, p)
		}
	}
	// A cyclic base chain ends the walk.
	cyc := &Model{Types: map[string]*Type{
		"a": {Name: "a", Base: "b"},
		"b": {Name: "b", Base: "a"},
	}}
	if p := cyc.Property("a", "x"); p != nil {
		t.Errorf("Property on a cycle = %v", p)
	}
	if !(&Support{}).Allows(OpEq) || (*Support)(nil).Allows(OpEq) || (&Support{Ops: []Op{OpNe}}).Allows(OpEq) {
		t.Error("Support.Allows")
	}
}

func TestModelValidate(t *testing.T) {
	m := &Model{
		Types: map[string]*Type{
			"ns.a": {Name: "ns.a", Base: "ns.missing", Properties: []*Property{
				{Name: "x", Type: "Edm.String"},
				{Name: "x", Type: "Edm.String"},
				{Name: "y", Type: "ns.nope"},
				{Name: "z", Type: "Edm.Int32", Filter: &Support{Ops: []Op{"eq", "eq", "like"}, Count: true}},
				{Name: "n", Type: "ns.nope", Navigation: true},
			}},
			"ns.b":     {Name: "ns.b", Base: "ns.c"},
			"ns.c":     {Name: "ns.c", Base: "ns.b"},
			"ns.wrong": {Name: "ns.other"},
		},
		Enums: map[string]*Enum{
			"ns.e": {Name: "ns.e", Members: []string{"a", "a", "1x"}},
			"ns.f": {Name: "ns.f"},
		},
		TypeDefs: map[string]string{"ns.t": "ns.a"},
	}
	err := m.Validate()
	if err == nil {
		t.Fatal("Validate accepted a broken model")
	}
	for _, want := range []string{
		"type definition ns.t: underlying type ns.a is not an Edm primitive type",
		`enum ns.e: member "1x" is not an identifier`,
		"enum ns.e: member a repeated",
		"enum ns.f: no members",
		"type ns.a: base type ns.missing is not in the model",
		"ns.a/x: declared twice",
		"ns.a/y: type ns.nope is not in the model",
		`ns.a/z: filter operator eq repeated`,
		`ns.a/z: unknown filter operator "like"`,
		"ns.a/z: $count support on a property that is not a collection",
		"ns.a/n: navigation target ns.nope is not an entity type of the model",
		"type ns.b: its base chain is a cycle",
		"type ns.c: its base chain is a cycle",
		"type ns.wrong: Name does not match its key",
	} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("Validate error lacks %q", want)
		}
	}
	if err := seedModel().Validate(); err != nil {
		t.Errorf("seed model: %v", err)
	}
}

func TestCheckNilModel(t *testing.T) {
	var m *Model
	if err := Check(m, user, "a eq 1"); err == nil || !strings.Contains(err.Error(), "no model") {
		t.Errorf("Check with a nil model = %v", err)
	}
}
