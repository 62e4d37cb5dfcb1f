package graph

// Compiled with the package generated from graph-v1.0-clean.xml (all of
// Microsoft Graph v1.0, in the default mode) by the generator's
// TestGraphWholeService.

import (
	"encoding/json"
	"reflect"
	"testing"

	"github.com/odatagen/odatagen/validate"
	"github.com/odatagen/odatagen/validate/edm"
	"github.com/odatagen/odatagen/validate/filter"
	"github.com/odatagen/odatagen/validate/query"
)

// A user with $expand=memberOf,manager: memberOf is a collection of
// directoryObject, manager a single directoryObject; the values decode into
// the derived types their @odata.type names.
const userBody = `{
  "@odata.type": "#microsoft.graph.user",
  "id": "4562bcc8-c436-4b3a-8a1f-7d3a1e6b2e10",
  "displayName": "Ada Example",
  "accountEnabled": true,
  "businessPhones": ["+1 555 0100"],
  "passwordProfile": {"forceChangePasswordNextSignIn": true},
  "memberOf": [
    {"@odata.type": "#microsoft.graph.group", "id": "g-1", "displayName": "Engineers", "mailEnabled": false, "securityEnabled": true},
    {"@odata.type": "#microsoft.graph.directoryRole", "id": "r-1", "displayName": "Reader", "roleTemplateId": "t-1"},
    {"@odata.type": "microsoft.graph.administrativeUnit", "id": "a-1", "displayName": "North"},
    {"id": "o-1"}
  ],
  "manager": {"@odata.type": "#microsoft.graph.user", "id": "m-1", "displayName": "Grace Example"}
}`

func jsonEqual(t *testing.T, got []byte, want string) {
	t.Helper()
	var g, w any
	if err := json.Unmarshal(got, &g); err != nil {
		t.Fatalf("output is not JSON: %v\n%s", err, got)
	}
	if err := json.Unmarshal([]byte(want), &w); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(g, w) {
		t.Fatalf("got  %s\nwant %s", got, want)
	}
}

func TestUserPolymorphicProperties(t *testing.T) {
	var u User
	if err := json.Unmarshal([]byte(userBody), &u); err != nil {
		t.Fatal(err)
	}
	if len(u.MemberOf) != 4 {
		t.Fatalf("MemberOf = %v", u.MemberOf)
	}
	g, ok := u.MemberOf[0].(*Group)
	if !ok {
		t.Fatalf("MemberOf[0] is %T, want *Group", u.MemberOf[0])
	}
	if *edm.Ptr(g.DisplayName) != "Engineers" || !*edm.Ptr(g.SecurityEnabled) || *g.ID != "g-1" {
		t.Errorf("group = %+v", g)
	}
	if r, ok := u.MemberOf[1].(*DirectoryRole); !ok || *edm.Ptr(r.RoleTemplateID) != "t-1" {
		t.Errorf("MemberOf[1] = %#v, want *DirectoryRole", u.MemberOf[1])
	}
	if _, ok := u.MemberOf[2].(*AdministrativeUnit); !ok {
		t.Errorf("MemberOf[2] is %T, want *AdministrativeUnit (@odata.type without #)", u.MemberOf[2])
	}
	if _, ok := u.MemberOf[3].(*DirectoryObject); !ok {
		t.Errorf("MemberOf[3] is %T, want *DirectoryObject (no @odata.type)", u.MemberOf[3])
	}
	if m, ok := u.Manager.(*User); !ok || *edm.Ptr(m.DisplayName) != "Grace Example" {
		t.Errorf("Manager = %#v, want *User", u.Manager)
	}
	if pp, ok := edm.Get(u.PasswordProfile); !ok || !*edm.Ptr(pp.ForceChangePasswordNextSignIn) {
		t.Errorf("PasswordProfile = %+v", u.PasswordProfile)
	}
	out, err := json.Marshal(&u)
	if err != nil {
		t.Fatal(err)
	}
	jsonEqual(t, out, userBody)

	if err := Validate[User]([]byte(userBody), validate.Read); err != nil {
		t.Errorf("Validate[User]: %v", err)
	}
	if err := CheckFilter[User]("startsWith(displayName, 'A') and accountEnabled eq true"); err != nil {
		t.Errorf("CheckFilter[User]: %v", err)
	}
	if got := ODataType[SecurityAlert](); got != "microsoft.graph.security.alert" {
		t.Errorf("ODataType[SecurityAlert] = %q", got)
	}
	if got := ODataType[Alert](); got != "microsoft.graph.alert" {
		t.Errorf("ODataType[Alert] = %q", got)
	}
}

func TestUnmarshalDirectoryObject(t *testing.T) {
	v, err := UnmarshalDirectoryObject([]byte(`{"@odata.type":"#microsoft.graph.servicePrincipal","id":"s","appId":"x"}`))
	if sp, ok := v.(*ServicePrincipal); err != nil || !ok || *edm.Ptr(sp.AppID) != "x" {
		t.Errorf("UnmarshalDirectoryObject = %#v, %v", v, err)
	}
}

// A flags enum keeps the values the CSDL declares: None is 0, Full is 15
// (a member that stands for four others), ForceDeletes 32.
func TestFlagsEnumValues(t *testing.T) {
	for _, c := range []struct {
		e    SynchronizationJobRestartScope
		want int64
	}{
		{SynchronizationJobRestartScopeNone, 0},
		{SynchronizationJobRestartScopeConnectorDataStore, 1},
		{SynchronizationJobRestartScopeFull, 15},
		{SynchronizationJobRestartScopeForceDeletes, 32},
		{NewSynchronizationJobRestartScope(SynchronizationJobRestartScopeEscrows, SynchronizationJobRestartScopeWatermark), 6},
		{"Full,ForceDeletes", 47},
	} {
		if v, ok := EnumValue(c.e); v != c.want || !ok {
			t.Errorf("EnumValue(%q) = %d, %v; want %d", c.e, v, ok, c.want)
		}
	}
	if _, ok := EnumValue(SynchronizationJobRestartScope("Full,Teleport")); ok {
		t.Error("an unknown member is known")
	}
	var job struct {
		Scope SynchronizationJobRestartScope `json:"scope"`
	}
	if err := json.Unmarshal([]byte(`{"scope":"Escrows, Watermark"}`), &job); err != nil {
		t.Fatal(err)
	}
	if !job.Scope.Has(SynchronizationJobRestartScopeWatermark) {
		t.Errorf("Scope = %q", job.Scope)
	}
}

// Null is distinct from absent for every nullable property, enum and
// complex ones too, and survives a round trip.
func TestNullAndAbsent(t *testing.T) {
	const body = `{"id":"e-1","showAs":null,"importance":"high","recurrence":null,"body":{"contentType":"text","content":"hi"}}`
	var e Event
	if err := json.Unmarshal([]byte(body), &e); err != nil {
		t.Fatal(err)
	}
	if !edm.IsNull(e.ShowAs) || !edm.IsNull(e.Recurrence) || edm.IsSet(e.Sensitivity) || !edm.IsSet(e.Body) || edm.IsNull(e.Body) {
		t.Errorf("showAs %v, recurrence %v, sensitivity %v, body %v", e.ShowAs, e.Recurrence, e.Sensitivity, e.Body)
	}
	if v, ok := edm.Get(e.Importance); !ok || v != ImportanceHigh || !IsKnown(v) {
		t.Errorf("importance = %v", e.Importance)
	}
	out, err := json.Marshal(&e)
	if err != nil {
		t.Fatal(err)
	}
	jsonEqual(t, out, body)
}

// The typed builders write queries that the package's checks accept; the
// $filter model is encoded in the package and decoded on first use.
func TestBuildersAndChecks(t *testing.T) {
	cond := filter.And(
		filter.StartsWith(UserFilter.DisplayName, "A"),
		filter.Eq(UserFilter.AccountEnabled, true),
		filter.In(UserFilter.UserType, "Member", "Guest"),
	)
	if err := CheckUserFilter(cond.String()); err != nil {
		t.Errorf("CheckUserFilter(%s): %v", cond, err)
	}
	if err := CheckFilter[User]("assignedLicenses/any(l: l/skuId eq 8a256a2b-b617-496d-b51b-e76466e88db0) and nope eq 1"); err == nil {
		t.Error("CheckFilter[User] accepts a property user does not have")
	}
	if err := FilterModel.Load(); err != nil || FilterModel.Types["microsoft.graph.user"] == nil {
		t.Errorf("FilterModel.Load() = %v; %d types", err, len(FilterModel.Types))
	}
	q := query.New(
		query.Select(UserSelect.DisplayName, UserSelect.Mail),
		query.OrderBy(UserOrderBy.DisplayName),
		query.Expand(UserExpand.Manager),
		query.Filter(cond),
		query.Top(5),
	)
	if err := CheckUsersQuery(q.String()); err != nil {
		t.Errorf("CheckUsersQuery(%s): %v", q, err)
	}
	if err := CheckQuery[User]("$select=displayName&$orderby=nope"); err == nil {
		t.Error("CheckQuery[User] accepts ordering by a property user does not have")
	}
}
