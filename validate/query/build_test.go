package query

import (
	"reflect"
	"strings"
	"testing"

	"github.com/odatagen/odatagen/validate/filter"
)

// The variables below are what a generator emits for the fixture's /users
// (microsoft.graph.user) and the types its builders reach, written by hand
// as if generated: one field and one string per property.

// UserSelect lists the properties of microsoft.graph.user that $select
// may name on /users (mailboxSettings is not selectable).
var UserSelect = struct {
	ID, DeletedDateTime, DisplayName, Mail, EmployeeID, CreatedDateTime, Age,
	AccountEnabled, JobTitle, ProxyAddresses, Address, AddressCity, AssignedLicenses,
	SignInActivity, Photo, Manager, DirectReports, MemberOf, Messages Selectable
}{
	"id", "deletedDateTime", "displayName", "mail", "employeeId", "createdDateTime", "age",
	"accountEnabled", "jobTitle", "proxyAddresses", "address", "address/city", "assignedLicenses",
	"signInActivity", "photo", "manager", "directReports", "memberOf", "messages",
}

// UserOrderBy lists the properties /users may be sorted by: mail is in
// NonSortableProperties and employeeId is not sortable, so they have no
// field; displayName sorts ascending only, createdDateTime descending only.
var UserOrderBy = struct {
	ID, DeletedDateTime, Age, AccountEnabled, JobTitle, AddressCity, AgeAsUser Sortable
	DisplayName                                                                AscendingOnly
	CreatedDateTime                                                            DescendingOnly
}{
	ID: "id", DeletedDateTime: "deletedDateTime", Age: "age", AccountEnabled: "accountEnabled",
	JobTitle: "jobTitle", AddressCity: "address/city", AgeAsUser: "microsoft.graph.user/age",
	DisplayName: "displayName", CreatedDateTime: "createdDateTime",
}

// UserExpand lists the navigation properties /users may expand: messages
// is in NonExpandableProperties, directReports is not expandable.
var UserExpand = struct {
	Manager  ExpandableSingle
	MemberOf Expandable
}{"manager", "memberOf"}

// DirectoryObjectSelect lists the properties of
// microsoft.graph.directoryObject that $select may name.
var DirectoryObjectSelect = struct {
	ID, DeletedDateTime Selectable
}{"id", "deletedDateTime"}

// DirectoryObjectOrderBy lists the properties of directory objects that
// $orderby may name (in expanded collections).
var DirectoryObjectOrderBy = struct {
	ID, DeletedDateTime Sortable
}{"id", "deletedDateTime"}

// MessageSelect, MessageOrderBy and MessageExpand are those of /me/messages.
var (
	MessageSelect = struct {
		ID, Subject, ReceivedDateTime, IsRead, Importance, Attachments Selectable
	}{"id", "subject", "receivedDateTime", "isRead", "importance", "attachments"}
	MessageOrderBy = struct {
		ID, Subject, ReceivedDateTime, IsRead, Importance Sortable
	}{"id", "subject", "receivedDateTime", "isRead", "importance"}
	MeExpand = struct {
		Messages Expandable
		Manager  ExpandableSingle
	}{"messages", "manager"}
	MessageExpand = struct {
		Attachments Expandable
	}{"attachments"}
	AttachmentSelect = struct {
		ID, Name, Size, ContentBytes Selectable
	}{"id", "name", "size", "microsoft.graph.fileAttachment/contentBytes"}
)

// messageFilter is validate/filter's builder, for Filter.
var messageFilter = struct {
	IsRead filter.Prop[bool, struct{ filter.EqOp }]
}{
	IsRead: filter.Prop[bool, struct{ filter.EqOp }]{Path: "isRead", Type: "Edm.Boolean"},
}

func TestBuilderExample(t *testing.T) {
	q := New(
		Select(UserSelect.DisplayName, UserSelect.Mail),
		OrderBy(UserOrderBy.CreatedDateTime.Desc(), UserOrderBy.ID),
		Expand(UserExpand.Manager.With(Select(DirectoryObjectSelect.ID)), UserExpand.MemberOf.Ref()),
		Top(10),
		Count(true),
	)
	want := "$select=displayName,mail&$expand=manager($select=id),memberOf/$ref&$orderby=createdDateTime%20desc,id&$top=10&$count=true"
	if got := q.String(); got != want {
		t.Fatalf("got  %s\nwant %s", got, want)
	}
	if _, err := Check(fixture(), "/users", q.String()); err != nil {
		t.Fatal(err)
	}
	if _, err := fixture().CheckQuery("/users", q); err != nil {
		t.Fatal(err)
	}

	m := New(
		Filter(filter.Eq(messageFilter.IsRead, false)),
		Expand(MessageExpand.Attachments.With(Select(AttachmentSelect.Name, AttachmentSelect.ContentBytes))),
		OrderBy(MessageOrderBy.ReceivedDateTime.Desc()),
		Skip(5),
	)
	want = "$expand=attachments($select=name,microsoft.graph.fileAttachment/contentBytes)&$filter=isRead%20eq%20false&$orderby=receivedDateTime%20desc&$skip=5"
	if got := m.String(); got != want {
		t.Fatalf("got  %s\nwant %s", got, want)
	}
	if _, err := Check(fixture(), "/me/messages", m.String()); err != nil {
		t.Fatal(err)
	}
	// Later parts replace earlier ones; the zero Cond is no filter.
	if got := New(Top(1), Top(2), Filter(filter.Eq(messageFilter.IsRead, true)), Filter(filter.Cond{})).String(); got != "$top=2" {
		t.Errorf("got %s", got)
	}
	// UserExpand.Manager.With(Top(1)) does not compile: manager is one entity.
	if got := New(Expand(MeExpand.Messages.With(Levels(2), Top(1), Skip(1), Count(true), Filter(filter.Cond{})))).String(); got != "$expand=messages($top=1;$skip=1;$count=true;$levels=2)" {
		t.Errorf("got %s", got)
	}
	if got := New(Expand(UserExpand.Manager.With(LevelsMax()))).String(); got != "$expand=manager($levels=max)" {
		t.Errorf("got %s", got)
	}
}

// TestBuilderTypes: what the capabilities forbid is no method, so it does
// not compile.
func TestBuilderTypes(t *testing.T) {
	for _, c := range []struct {
		v       any
		methods []string
	}{
		{Sortable(""), []string{"Asc", "Desc"}},
		{AscendingOnly(""), []string{"Asc"}},
		{DescendingOnly(""), []string{"Desc"}},
		{Expandable(""), []string{"Ref", "With"}},
		{ExpandableSingle(""), []string{"Ref", "With"}},
		{Selectable(""), nil},
	} {
		typ := reflect.TypeOf(c.v)
		var got []string
		for i := range typ.NumMethod() {
			got = append(got, typ.Method(i).Name)
		}
		if strings.Join(got, ",") != strings.Join(c.methods, ",") {
			t.Errorf("%s has methods %v, want %v", typ, got, c.methods)
		}
	}
	var _ Orderer = AscendingOnly("")
	if _, ok := any(DescendingOnly("")).(Orderer); ok {
		t.Error("a DescendingOnly property can be sorted ascending")
	}
}

// fields returns the values of the struct's fields of type T.
func fields[T any](v any) []T {
	rv := reflect.ValueOf(v)
	var out []T
	for i := range rv.NumField() {
		if f, ok := rv.Field(i).Interface().(T); ok {
			out = append(out, f)
		}
	}
	return out
}

// TestBuilderPassesCheck: every query the builders can make from the
// generated variables passes Check on the resource they were generated
// for: each item alone, all of them together, each direction allowed.
func TestBuilderPassesCheck(t *testing.T) {
	m := fixture()
	check := func(resource string, q *Query) {
		t.Helper()
		if _, err := Check(m, resource, q.String()); err != nil {
			t.Errorf("%s?%s:\n%v", resource, q, err)
		}
		if _, err := m.CheckQuery(resource, q); err != nil {
			t.Errorf("CheckQuery %s?%s: %v", resource, q, err)
		}
		again, err := Parse(q.String())
		if err != nil || !Equal(again, q) {
			t.Errorf("%s does not parse back to the built query: %v", q, err)
		}
	}
	var sel []Selector
	for _, s := range fields[Selectable](UserSelect) {
		check("/users", New(Select(s)))
		sel = append(sel, s)
	}
	check("/users", New(Select(sel...)))
	var ord []Orderer
	for _, s := range fields[Sortable](UserOrderBy) {
		check("/users", New(OrderBy(s)))
		check("/users", New(OrderBy(s.Asc())))
		check("/users", New(OrderBy(s.Desc())))
		ord = append(ord, s.Desc())
	}
	for _, s := range fields[AscendingOnly](UserOrderBy) {
		check("/users", New(OrderBy(s)))
		check("/users", New(OrderBy(s.Asc())))
		ord = append(ord, s)
	}
	for _, s := range fields[DescendingOnly](UserOrderBy) {
		check("/users", New(OrderBy(s.Desc())))
		ord = append(ord, s.Desc())
	}
	check("/users", New(OrderBy(ord...)))
	var exp []Expander
	for _, e := range fields[Expandable](UserExpand) {
		check("/users", New(Expand(e)))
		check("/users", New(Expand(e.Ref())))
		check("/users", New(Expand(e.With(Select(DirectoryObjectSelect.ID)))))
		exp = append(exp, e)
	}
	for _, e := range fields[ExpandableSingle](UserExpand) {
		check("/users", New(Expand(e)))
		check("/users", New(Expand(e.Ref())))
		check("/users", New(Expand(e.With(Select(DirectoryObjectSelect.ID), Levels(2)))))
		exp = append(exp, e)
	}
	check("/users", New(Expand(exp...), Select(sel...), OrderBy(ord...), Top(3), Count(true)))

	for _, s := range fields[Selectable](MessageSelect) {
		check("/me/messages", New(Select(s)))
	}
	for _, s := range fields[Sortable](MessageOrderBy) {
		check("/me/messages", New(OrderBy(s.Desc()), Top(1), Skip(1)))
		check("/me", New(Expand(MeExpand.Messages.With(OrderBy(s), Top(1), Skip(1), Count(true)))))
	}
	for _, s := range fields[Selectable](AttachmentSelect) {
		check("/me/messages", New(Expand(MessageExpand.Attachments.With(Select(s)))))
		check("/me/messages/1/attachments", New(Select(s)))
	}
}
