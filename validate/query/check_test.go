package query

import (
	"errors"
	"slices"
	"strings"
	"testing"
)

type checkCase struct {
	resource, query string
	off             int    // error offset when msg != ""
	msg             string // substring of the error message
	inResource      bool   // the error is in the resource path
}

var checkCases = []checkCase{
	// Options that the resource does not support, with the term that says so.
	{resource: "/users", query: "$skip=10", off: 0, msg: "$skip is not supported on /users (SkipSupported false)"},
	{resource: "/users", query: "$top=5&$skip=10", off: 7, msg: "$skip is not supported on /users (SkipSupported false)"},
	{resource: "/groups", query: "$filter=displayName eq 'x'&$top=1", off: 27, msg: "$top is not supported on /groups (TopSupported false)"},
	{resource: "/groups", query: "$filter=displayName eq 'x'&$search=x", off: 27, msg: "$search is not supported on /groups (SearchRestrictions Searchable false)"},
	{resource: "/groups", query: "$filter=displayName eq 'x'&$count=true", off: 27, msg: "$count is not supported on /groups (CountRestrictions Countable false)"},
	{resource: "/groups", query: "$filter=displayName eq 'x'&$count=false"},
	{resource: "/groups", query: "$filter=displayName eq 'x'&$orderby=displayName", off: 27, msg: "$orderby is not supported on /groups (SortRestrictions Sortable false)"},
	{resource: "/groups", query: "$select=id", off: 10, msg: "/groups requires a $filter (FilterRestrictions RequiresFilter)"},
	{resource: "/groups", query: "$filter=id eq 'x'", off: 8, msg: "/groups requires displayName in $filter (FilterRestrictions RequiredProperties)"},
	{resource: "/groups", query: "$filter=startswith(displayName,'a')&$expand=members"},
	{resource: "/users", query: "$apply=groupby((displayName))", off: 0, msg: "$apply is not supported by Check"},

	// Collections only.
	{resource: "/me", query: "$top=1", off: 0, msg: "$top applies to collections; /me is a single entity"},
	{resource: "/users/{id}", query: "$filter=id eq 'x'", off: 0, msg: "$filter applies to collections; /users/{id} is a single entity"},
	{resource: "/users('abc')", query: "$orderby=id", off: 0, msg: "$orderby applies to collections; /users({id}) is a single entity"},
	{resource: "/me/manager", query: "$count=true", off: 0, msg: "$count applies to collections; /me/manager is a single entity"},
	{resource: "/me", query: "$search=x", off: 0, msg: "$search applies to collections"},
	{resource: "/me", query: "$select=displayName&$expand=manager"},

	// $orderby.
	{resource: "/users", query: "$orderby=displayName"},
	{resource: "/users", query: "$orderby=displayName asc"},
	{resource: "/users", query: "$orderby=displayName desc", off: 21, msg: "displayName can only be sorted ascending on /users (SortRestrictions AscendingOnlyProperties): drop desc"},
	{resource: "/users", query: "$orderby=createdDateTime desc"},
	{resource: "/users", query: "$orderby=id,createdDateTime", off: 27, msg: "createdDateTime can only be sorted descending on /users (SortRestrictions DescendingOnlyProperties): add desc"},
	{resource: "/users", query: "$orderby=mail", off: 9, msg: "mail cannot be used in $orderby on /users (SortRestrictions NonSortableProperties)"},
	{resource: "/users", query: "$orderby=employeeId", off: 9, msg: "employeeId cannot be used in $orderby (the property is not sortable)"},
	{resource: "/users", query: "$orderby=nope", off: 9, msg: "microsoft.graph.user has no property nope"},
	{resource: "/users", query: "$orderby=proxyAddresses", off: 9, msg: "cannot sort by proxyAddresses: it is a collection (sort by proxyAddresses/$count)"},
	{resource: "/users", query: "$orderby=proxyAddresses/$count desc"},
	{resource: "/users", query: "$orderby=address", off: 9, msg: "cannot sort by address: it is a structured value"},
	{resource: "/users", query: "$orderby=address/city,manager/id"},
	{resource: "/users", query: "$orderby=memberOf/id", off: 9, msg: "cannot sort by memberOf: it is a collection"},
	{resource: "/users", query: "$orderby=microsoft.graph.user/age desc"},
	{resource: "/users", query: "$orderby=length(mail)", off: 16, msg: "mail cannot be used in $orderby on /users (SortRestrictions NonSortableProperties)"},
	{resource: "/users", query: "$orderby=length(nope)", off: 16, msg: "microsoft.graph.user has no property nope"},
	{resource: "/users", query: "$orderby=age%20add%201%20desc"},
	{resource: "/me/memberOf", query: "$orderby=id"},
	{resource: "/me", query: "$expand=memberOf($orderby=id)"},

	// $expand.
	{resource: "/users", query: "$expand=manager,memberOf"},
	{resource: "/users", query: "$expand=messages", off: 8, msg: "messages cannot be expanded on /users (ExpandRestrictions NonExpandableProperties)"},
	{resource: "/users", query: "$expand=directReports", off: 8, msg: "directReports cannot be expanded (the navigation property is not expandable)"},
	{resource: "/users", query: "$expand=displayName", off: 8, msg: "displayName is not a navigation property; $expand takes navigation properties (select displayName with $select)"},
	{resource: "/users", query: "$expand=nope", off: 8, msg: "microsoft.graph.user has no property nope"},
	{resource: "/users", query: "$expand=address", off: 8, msg: "the $expand item address names no navigation property"},
	{resource: "/users", query: "$expand=manager/id", off: 16, msg: "manager is a navigation property: only a type cast, /$ref, /$count or options may follow it"},
	{resource: "/users", query: "$expand=manager/microsoft.graph.user($select=displayName)"},
	{resource: "/users", query: "$expand=manager($select=displayName)", off: 24, msg: "microsoft.graph.directoryObject has no property displayName"},
	{resource: "/users", query: "$expand=manager/microsoft.graph.message", off: 16, msg: "microsoft.graph.message does not derive from microsoft.graph.directoryObject"},
	{resource: "/users", query: "$expand=manager/microsoft.graph.nope", off: 16, msg: "microsoft.graph.nope is no type of the model"},
	{resource: "/users", query: "$expand=microsoft.graph.user/manager"},
	{resource: "/users", query: "$expand=manager($levels=2)"},
	{resource: "/users", query: "$expand=manager($levels=3)", off: 24, msg: "$expand goes 3 levels deep here; /users allows 2 (ExpandRestrictions MaxLevels 2)"},
	{resource: "/users", query: "$expand=manager($levels=max)", off: 24, msg: "$levels=max is not allowed: /users allows 2 levels of $expand (ExpandRestrictions MaxLevels 2)"},
	{resource: "/users", query: "$expand=manager/microsoft.graph.user($expand=manager)"},
	{resource: "/users", query: "$expand=manager/microsoft.graph.user($expand=manager/microsoft.graph.user($expand=manager))", off: 82, msg: "$expand goes 3 levels deep here; /users allows 2"},
	{resource: "/users", query: "$expand=*($levels=3)", off: 18, msg: "$expand goes 3 levels deep here"},
	{resource: "/users", query: "$expand=*,manager/$ref"},
	{resource: "/users", query: "$expand=memberOf/$count", off: 8, msg: "/users/memberOf/$count is not supported (CountRestrictions Countable false)"},
	{resource: "/me", query: "$expand=memberOf/$count", off: 8, msg: "memberOf/$count is not supported on /me (CountRestrictions NonCountableNavigationProperties)"},
	{resource: "/me", query: "$expand=manager/$count", off: 8, msg: "manager/$count needs a collection-valued navigation property"},
	{resource: "/me", query: "$expand=messages($top=2;$expand=attachments($select=name))"},
	{resource: "/me", query: "$expand=messages($expand=attachments($top=1))", off: 37, msg: "$top is not supported on /me/messages/attachments (TopSupported false)"},
	{resource: "/me", query: "$expand=messages($expand=attachments($filter=size gt 1))", off: 37, msg: "$filter is not supported on /me/messages/attachments (FilterRestrictions Filterable false)"},
	{resource: "/me/messages", query: "$expand=attachments($expand=x)", off: 20, msg: "$expand is not supported on /me/messages/attachments (ExpandRestrictions Expandable false)"},
	{resource: "/me/messages", query: "$expand=attachments/microsoft.graph.fileAttachment($select=contentBytes)"},
	{resource: "/me", query: "$expand=messages($filter=isRead eq true;$orderby=receivedDateTime desc;$search=x;$count=true;$skip=1)"},
	{resource: "/me", query: "$expand=messages($filter=isRead ne true)", off: 32, msg: "operator ne is not supported on isRead (supported: eq)"},
	{resource: "/me", query: "$expand=messages($select=nope)", off: 25, msg: "microsoft.graph.message has no property nope"},
	{resource: "/me", query: "$expand=$value"},
	{resource: "/me", query: "$expand=photo"},
	{resource: "/me", query: "$expand=@ns.term"},

	// $select.
	{resource: "/users", query: "$select=id,displayName,address/city,microsoft.graph.user/age,signInActivity"},
	{resource: "/users", query: "$select=*"},
	{resource: "/users", query: "$select=mailboxSettings", off: 8, msg: "mailboxSettings cannot be used in $select (the property is not selectable)"},
	{resource: "/users", query: "$select=nope", off: 8, msg: "microsoft.graph.user has no property nope"},
	{resource: "/users", query: "$select=address/nope", off: 16, msg: "microsoft.graph.physicalAddress has no property nope"},
	{resource: "/users", query: "$select=displayName/x", off: 20, msg: "displayName is a primitive value; nothing can follow it"},
	{resource: "/users", query: "$select=manager/id", off: 16, msg: "manager is a navigation property: select its properties with $expand=manager($select=...)"},
	{resource: "/users", query: "$select=manager"},
	{resource: "/users", query: "$select=microsoft.graph.message/subject", off: 8, msg: "microsoft.graph.message does not derive from microsoft.graph.user"},
	{resource: "/users", query: "$select=microsoft.graph.reminderView(StartDateTime,EndDateTime),microsoft.graph.*"},
	{resource: "/users", query: "$select=nope.reminderView", off: 8, msg: "nope.reminderView is no type of the model"},
	{resource: "/users", query: "$select=nope.*", off: 8, msg: "no type or operation of the model is in the namespace nope"},
	{resource: "/users", query: "$select=@ns.term", off: 8, msg: "annotations in $select are not supported on /users (SelectSupport InstanceAnnotationsSupported false)"},
	{resource: "/me", query: "$select=@ns.term"},
	{resource: "/users", query: "$select=assignedLicenses($filter=skuId eq 01234567-89ab-cdef-0123-456789abcdef;$top=2;$orderby=skuId)"},
	{resource: "/users", query: "$select=assignedLicenses($skip=2)", off: 25, msg: "$skip inside $select is not supported on /users (SelectSupport SkipSupported false)"},
	{resource: "/users", query: "$select=assignedLicenses($count=true)", off: 25, msg: "$count inside $select is not supported on /users (SelectSupport Countable false)"},
	{resource: "/users", query: "$select=assignedLicenses($filter=nope eq 1)", off: 33, msg: "nope"},
	{resource: "/users", query: "$select=address($filter=city eq 'x')", off: 16, msg: "$filter applies to collections; /users/address is a single value"},
	{resource: "/users", query: "$select=address($select=city)"},
	{resource: "/users", query: "$select=address($select=nope)", off: 24, msg: "microsoft.graph.physicalAddress has no property nope"},
	{resource: "/users", query: "$select=proxyAddresses($top=1;$filter=$this eq 'x')"},
	{resource: "/users", query: "$select=proxyAddresses($select=x)", off: 23, msg: "proxyAddresses is a collection of primitive values: only $filter, $search, $count, $orderby, $skip and $top apply"},
	{resource: "/users", query: "$select=displayName($top=1)", off: 20, msg: "displayName is a single primitive value; it takes no options"},
	{resource: "/users", query: "$select=manager($top=1)", off: 16, msg: "options on the navigation property manager belong in $expand=manager(...)"},
	{resource: "/me", query: "$select=address/tags($top=1;$skip=1;$count=true;$search=a)"},

	// $filter.
	{resource: "/users", query: "$filter=startswith(displayName,'a') and accountEnabled eq true"},
	{resource: "/users", query: "$filter=jobTitle eq 'x'", off: 8, msg: "jobTitle cannot be used in $filter on /users (FilterRestrictions NonFilterableProperties)"},
	{resource: "/users", query: "$filter=manager/id eq 'x'"},
	{resource: "/users", query: "$filter=memberOf/any(g:g/id eq 'x')"},
	{resource: "/users", query: "$filter=displayName ne 'x' and age gt 'a'", off: 38, msg: "age is Edm.Int32"},
	{resource: "/users", query: "$filter=employeeId ne 'x'", off: 19, msg: "operator ne is not supported on employeeId (supported: eq)"},
	{resource: "/users", query: "$filter=employeeId%20ne%20'x'", off: 21, msg: "operator ne is not supported on employeeId"},
	{resource: "/users", query: "$filter=displayName eq @n&@n='x'"},
	{resource: "/users", query: "$filter=memberOf/$count eq 0"},
	{resource: "/me", query: "$filter=x eq 1", off: 0, msg: "$filter applies to collections"},
	{resource: "/me/memberOf", query: "$filter=id eq 'x'"},

	// $search and its unsupported expressions.
	{resource: "/users", query: "$search=\"bob\" OR alice"},
	{resource: "/me/messages", query: "$search=a b"},
	{resource: "/me/messages", query: "$search=a OR b", off: 10, msg: "OR is not supported in $search on /me/messages (SearchRestrictions UnsupportedExpressions OR)"},
	{resource: "/me/messages", query: "$search=a \"b c\"", off: 10, msg: "phrases are not supported in $search on /me/messages (SearchRestrictions UnsupportedExpressions phrase)"},
	{resource: "/me/memberOf", query: "$search=NOT a"},
	{resource: "/users", query: "$expand=memberOf($search=NOT a)", off: 17, msg: "$search is not supported on /users/memberOf (SearchRestrictions Searchable false)"}, // memberOf is bound to groups
	{resource: "/me", query: "$expand=memberOf($search=a)"},

	// $compute.
	{resource: "/users", query: "$compute=age add 1 as next&$filter=next gt 3&$orderby=next&$select=next"},
	{resource: "/users", query: "$compute=tolower(displayName) as low&$filter=startswith(low,'a')"},
	{resource: "/users", query: "$compute=age add 1 as next&$filter=next eq 'x'", off: 43, msg: "type mismatch: next is Edm.Decimal"},
	{resource: "/users", query: "$compute=nope add 1 as next", off: 9, msg: "microsoft.graph.user has no property nope"},
	{resource: "/users", query: "$compute=age as id", off: 16, msg: "microsoft.graph.user already has a property id"},

	// Resource paths.
	{resource: "/users/{id}/messages", query: "$top=1", off: 0, msg: "$top is not supported on /users/{id}/messages (TopSupported false)"},
	{resource: "/me/messages", query: "$top=1"},
	{resource: "/me/messages/{id}/attachments", query: "$top=1", off: 0, msg: "$top is not supported on /me/messages/{id}/attachments (TopSupported false)"},
	{resource: "/users/1/directReports", inResource: true, off: 9, msg: "directReports cannot be navigated from /users/{id} (NavigationRestrictions RestrictedProperties Navigability None)"},
	{resource: "/users/1/nope", inResource: true, off: 9, msg: "microsoft.graph.user has no navigation property nope"},
	{resource: "/users/1/displayName", inResource: true, off: 9, msg: "displayName is not a navigation property"},
	{resource: "/nope", inResource: true, off: 1, msg: "nope is no entity set or singleton of the model"},
	{resource: "", query: "$top=1", off: 0, msg: "no resource"},
	{resource: "/me/1", inResource: true, off: 4, msg: "microsoft.graph.user has no navigation property 1"},
	{resource: "/users/1/2", inResource: true, off: 9, msg: "microsoft.graph.user has no navigation property 2"},
	{resource: "/users/microsoft.graph.group", inResource: true, off: 7, msg: "microsoft.graph.group does not derive from microsoft.graph.user"},
	{resource: "/users/microsoft.graph.user/1/manager", query: "$select=id"},
	{resource: "/users/$count", query: "$filter=age gt 1&$search=x"},
	{resource: "/users/$count", query: "$top=1", off: 0, msg: "$top is not allowed on /users/$count (only $filter and $search are)"},
	{resource: "/groups/$count", query: "$filter=displayName eq 'x'", inResource: true, off: 8, msg: "/groups/$count is not supported (CountRestrictions Countable false)"},
	{resource: "/users/1/memberOf/$ref", query: "$select=id", off: 0, msg: "$select is not allowed on /users/{id}/memberOf/$ref"},
	{resource: "/me/memberOf/$ref", query: "$top=1&$orderby=id"},
	{resource: "/users/1/memberOf/$ref", query: "$top=1", off: 0, msg: "$top is not supported on /users/{id}/memberOf/$ref (TopSupported false)"}, // bound to groups
	{resource: "https://graph.microsoft.com/v1.0/users", query: "$select=id"},
	{resource: "/v1.0/me/messages/{id}/attachments", query: "$select=name"},
	{resource: "/users/%7Bid%7D/manager", query: "$select=id"},
	{resource: "/users/1/$value", inResource: true, off: 9, msg: "the resource segment $value is not supported by Check"},
	{resource: "/users/$count/x", inResource: true, off: 14, msg: "nothing may follow /$count or /$ref"},
	{resource: "/me/$count", inResource: true, off: 4, msg: "/$count needs a collection; /me is a single entity"},
	{resource: "/me('x')", inResource: true, off: 3, msg: "/me is a single entity; it takes no key"},
	{resource: "/users/a%zz", inResource: true, off: 8, msg: "% must be followed by two hexadecimal digits"},

	// Custom query options pass.
	{resource: "/users", query: "$top=1&foo=bar&!x"},

	// Options inside $select items, the * item of $expand, $filter on
	// primitive collections ($this is a value) and /$filter(...) segments.
	{resource: "/users", query: "$select=proxyAddresses($filter=$this eq 'a')"},
	{resource: "/users", query: "$select=proxyAddresses($filter=startswith($this,'smtp:'))"},
	{resource: "/users", query: "$select=proxyAddresses($filter=$this eq 1)", off: 40, msg: "type mismatch: $this is Edm.String, 1 is Edm.Int32"},
	{resource: "/users", query: "$select=proxyAddresses($filter=nope eq 'a')", off: 31, msg: "$this is Edm.String and has no properties"},
	{resource: "/users", query: "$select=proxyAddresses($orderby=$this desc;$top=2)"},
	{resource: "/users", query: "$select=address($select=nope)", off: 24, msg: "microsoft.graph.physicalAddress has no property nope"},
	{resource: "/users", query: "$select=assignedLicenses($filter=nope eq 1)", off: 33, msg: "nope"},
	{resource: "/users", query: "$expand=*($levels=2)"},
	{resource: "/users", query: "$expand=*($select=id)", off: 10, msg: "$select is not allowed after * in $expand (allowed: $levels)"},
	{resource: "/users", query: "$expand=*/$ref"},
	{resource: "/users", query: "$expand=*/$ref($levels=2)", off: 14, msg: "*/$ref takes no options"},
	{resource: "/users", query: "$filter=memberOf/$filter(id eq 'a')/$count gt 0"},
	{resource: "/users", query: "$filter=memberOf/$filter(nope eq 'a')/$count gt 0", off: 25, msg: "no property nope on microsoft.graph.directoryObject"},
	{resource: "/users", query: "$filter=proxyAddresses/$filter($this eq 1)/$count gt 0", off: 40, msg: "type mismatch: $this is Edm.String, 1 is Edm.Int32"},
	{resource: "/users", query: "$filter=proxyAddresses/any(p:p eq 1)", off: 34, msg: "type mismatch: p is Edm.String, 1 is Edm.Int32"},
}

func TestCheck(t *testing.T) {
	m := fixture()
	if err := m.Validate(); err != nil {
		t.Fatal(err)
	}
	for _, c := range checkCases {
		res, err := Check(m, c.resource, c.query)
		if c.msg == "" {
			if err != nil {
				t.Errorf("Check(%q, %q):\n%v", c.resource, c.query, err)
			} else if res.Query == nil || res.Type == "" {
				t.Errorf("Check(%q, %q): incomplete result %+v", c.resource, c.query, res)
			}
			continue
		}
		if err == nil {
			t.Errorf("Check(%q, %q) passes, want an error at %d containing %q", c.resource, c.query, c.off, c.msg)
			continue
		}
		var qe *Error
		if !errors.As(err, &qe) {
			t.Errorf("Check(%q, %q): %T is no *Error", c.resource, c.query, err)
			continue
		}
		wantExpr := c.query
		if c.inResource {
			wantExpr = c.resource
		}
		if qe.Offset != c.off || !strings.Contains(qe.Msg, c.msg) || qe.Expr != wantExpr {
			t.Errorf("Check(%q, %q): error at %d %q in %q, want at %d containing %q in %q\n%v",
				c.resource, c.query, qe.Offset, qe.Msg, qe.Expr, c.off, c.msg, wantExpr, err)
		}
	}
}

// TestCheckURL takes the resource from the URL Check is given.
func TestCheckURL(t *testing.T) {
	m := fixture()
	in := "https://graph.microsoft.com/v1.0/users?$top=5&$skip=10"
	_, err := Check(m, "", in)
	var qe *Error
	if !errors.As(err, &qe) || qe.Offset != 46 || qe.Expr != in || !strings.Contains(qe.Msg, "SkipSupported false") {
		t.Fatalf("got %v", err)
	}
	_, err = Check(m, "", "/nope?$top=1")
	if !errors.As(err, &qe) || qe.Offset != 1 || qe.Expr != "/nope?$top=1" {
		t.Fatalf("got %v", err)
	}
	res, err := Check(m, "", "/me/messages/abc/attachments?$select=name")
	if err != nil || res.Resource != "/me/messages/{id}/attachments" || res.Type != tAttach || !res.Collection {
		t.Fatalf("got %+v, %v", res, err)
	}
	res, err = Check(m, "", "/users/abc?$select=id")
	if err != nil || res.Collection || res.Resource != "/users/{id}" {
		t.Fatalf("got %+v, %v", res, err)
	}
}

// TestHeaders: ReadRestrictions CustomHeaders on /users name
// ConsistencyLevel, which $search and $count make required; the entity
// container's client-request-id is optional everywhere.
func TestHeaders(t *testing.T) {
	m := fixture()
	for _, c := range []struct {
		resource, query string
		want            []string // name, required, because...
	}{
		{"/users", "$select=id", []string{"ConsistencyLevel false", "client-request-id false"}},
		{"/users", "$search=bob", []string{"ConsistencyLevel true $search", "client-request-id false"}},
		{"/users", "$count=true&$search=bob", []string{"ConsistencyLevel true $search $count", "client-request-id false"}},
		{"/users", "$count=false", []string{"ConsistencyLevel false", "client-request-id false"}},
		{"/users/$count", "", []string{"ConsistencyLevel true $count", "client-request-id false"}},
		{"/users/x", "$select=id", []string{"ConsistencyLevel false", "client-request-id false"}},
		{"/groups", "$filter=displayName eq 'x'", []string{"client-request-id false"}},
	} {
		res, err := Check(m, c.resource, c.query)
		if err != nil {
			t.Errorf("Check(%q, %q): %v", c.resource, c.query, err)
			continue
		}
		var got []string
		for _, h := range res.Headers {
			s := h.Name + " " + map[bool]string{true: "true", false: "false"}[h.Required]
			for _, b := range h.Because {
				s += " " + b
			}
			got = append(got, s)
		}
		if !slices.Equal(got, c.want) {
			t.Errorf("Check(%q, %q) headers %q, want %q", c.resource, c.query, got, c.want)
		}
	}
	res, _ := Check(m, "/users", "$search=bob")
	if h := res.Headers[0]; h.Description == "" || !slices.Equal(h.ExampleValues, []string{"eventual"}) {
		t.Errorf("header %+v lost the metadata's description or example values", h)
	}
	// A header the metadata always requires has no Because, even when the
	// query uses an option that would require it.
	always := fixture()
	users := *always.Resources["users"]
	read := *users.Read
	read.CustomHeaders = []CustomParameter{{Name: "ConsistencyLevel", Required: true, RequiredWith: []string{"$search"}}}
	users.Read = &read
	always.Resources["users"] = &users
	res, err := Check(always, "/users", "$search=bob")
	if err != nil || !res.Headers[0].Required || len(res.Headers[0].Because) != 0 {
		t.Errorf("always-required header: %+v, %v; want required with no Because", res.Headers, err)
	}
}

func TestCheckType(t *testing.T) {
	m := fixture()
	if _, err := CheckType(m, tUser, "$skip=10&$expand=messages($expand=attachments)"); err != nil {
		t.Errorf("CheckType: %v", err)
	}
	_, err := CheckType(m, tMessage, "$expand=attachments($top=1)")
	var qe *Error
	if !errors.As(err, &qe) || qe.Offset != 20 || !strings.Contains(qe.Msg, "$top is not supported on microsoft.graph.message/attachments (TopSupported false)") {
		t.Errorf("CheckType: got %v", err)
	}
	if _, err := CheckType(m, "nope", "$top=1"); err == nil || !strings.Contains(err.Error(), "unknown type nope") {
		t.Errorf("CheckType of an unknown type: %v", err)
	}
}

// TestRequiredCustomOption: a custom query option that ReadRestrictions
// requires.
func TestRequiredCustomOption(t *testing.T) {
	m := fixture()
	m.Resources["me/memberOf"] = &Capabilities{Read: &ReadRestrictions{
		CustomQueryOptions: []CustomParameter{{Name: "tenant", Required: true}},
	}}
	_, err := Check(m, "/me/memberOf", "$select=id")
	var qe *Error
	if !errors.As(err, &qe) || qe.Offset != 10 || !strings.Contains(qe.Msg, "requires the custom query option tenant") {
		t.Fatalf("got %v", err)
	}
	if _, err := Check(m, "/me/memberOf", "$select=id&tenant=x"); err != nil {
		t.Fatal(err)
	}
}

// TestReadable: ReadRestrictions Readable false refuses the resource;
// ReadByKeyRestrictions may say otherwise for one entity.
func TestReadable(t *testing.T) {
	m := fixture()
	m.Resources["groups/owners"] = &Capabilities{Read: &ReadRestrictions{Readable: False, ReadByKey: &ReadRestrictions{Readable: True}}}
	if _, err := Check(m, "/groups/1/owners", ""); err == nil || !strings.Contains(err.Error(), "cannot be read (ReadRestrictions Readable false)") {
		t.Errorf("got %v", err)
	}
	if _, err := Check(m, "/groups/1/owners/2", ""); err != nil {
		t.Errorf("by key: %v", err)
	}
}

// TestNavigability: Navigability None and Single on an entity set.
func TestNavigability(t *testing.T) {
	m := fixture()
	m.Resources["groups"].Navigation = &NavigationRestrictions{Navigability: NavigationSingle}
	if _, err := Check(m, "/groups/1/members", "$select=id"); err != nil {
		t.Errorf("one level: %v", err)
	}
	m.Resources["groups"].Navigation = &NavigationRestrictions{Navigability: NavigationNone,
		RestrictedProperties: []NavigationPropertyRestriction{{NavigationProperty: "owners", Navigability: NavigationRecursive}}}
	_, err := Check(m, "/groups/1/members", "")
	if err == nil || !strings.Contains(err.Error(), "navigation properties of /groups cannot be navigated (NavigationRestrictions Navigability None)") {
		t.Errorf("got %v", err)
	}
	if _, err := Check(m, "/groups/1/owners", ""); err != nil {
		t.Errorf("owners: %v", err)
	}
}

// TestIndexableByKey refuses a key after an entity set that says so.
func TestIndexableByKey(t *testing.T) {
	m := fixture()
	m.Resources["groups"].IndexableByKey = False
	_, err := Check(m, "/groups/1", "")
	var qe *Error
	if !errors.As(err, &qe) || qe.Offset != 8 || !strings.Contains(qe.Msg, "(IndexableByKey false)") {
		t.Errorf("got %v", err)
	}
}

// TestFilterMaxLevels: FilterRestrictions MaxLevels counts the navigation
// properties a path traverses, lambda variables included.
func TestFilterMaxLevels(t *testing.T) {
	m := fixture()
	m.Types.Types[tDirObj].Properties = append(m.Types.Types[tDirObj].Properties,
		fixtureTypes().Types[tUser].Properties[13]) // manager, on directoryObject too
	for _, c := range []struct {
		q   string
		off int
	}{
		{"$filter=manager/id eq 'x'", -1},
		{"$filter=manager/manager/id eq 'x'", 16},
		{"$filter=memberOf/any(g:g/manager/id eq 'x')", 25},
	} {
		_, err := Check(m, "/users", c.q)
		if c.off < 0 {
			if err != nil {
				t.Errorf("%s: %v", c.q, err)
			}
			continue
		}
		var qe *Error
		if !errors.As(err, &qe) || qe.Offset != c.off || !strings.Contains(qe.Msg, "(FilterRestrictions MaxLevels 1)") {
			t.Errorf("%s: got %v", c.q, err)
		}
	}
}

func TestModelValidate(t *testing.T) {
	m := fixture()
	m.EntitySets["bad"] = &EntitySet{Name: "bad", Type: "nope", Bindings: []Binding{{Path: "x", Target: "none"}}}
	m.Properties["x/y"] = &Property{Type: tUser, Name: "y"}
	m.Properties[tUser+"/nope"] = &Property{Type: tUser, Name: "nope"}
	m.Resources["nope"] = &Capabilities{}
	m.Resources["users/nope"] = &Capabilities{}
	m.Resources[tUser+"/nope"] = &Capabilities{}
	err := m.Validate()
	if err == nil {
		t.Fatal("Validate passes a broken model")
	}
	for _, want := range []string{
		"entity set bad: type nope is not in the model",
		"entity set bad: binding x targets none, which is no entity set",
		"property x/y: Type and Name do not match its key",
		"property microsoft.graph.user/nope: no such property in the model",
		"resource nope: nope is no entity set, singleton or type of the model",
		"resource users/nope: microsoft.graph.user has no property nope",
		"resource microsoft.graph.user/nope: microsoft.graph.user has no property nope",
	} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("Validate: %q missing from\n%v", want, err)
		}
	}
	if (&Model{}).Validate() == nil {
		t.Error("a model without Types validates")
	}
}

// TestCheckTypeAnnotations: the capabilities annotated on the type itself
// apply to a check against the type alone, before the container's.
func TestCheckTypeAnnotations(t *testing.T) {
	m := fixture()
	if _, err := CheckType(m, tUser, "$skip=10"); err != nil {
		t.Fatalf("before: %v", err)
	}
	m.Resources[tUser] = &Capabilities{SkipSupported: False}
	_, err := CheckType(m, tUser, "$top=1&$skip=10")
	var qe *Error
	if !errors.As(err, &qe) || qe.Offset != 7 || !strings.Contains(qe.Msg, "SkipSupported false") {
		t.Errorf("$skip on a type annotated SkipSupported false: %v", err)
	}
	if _, err := CheckType(m, tMessage, "$skip=10"); err != nil {
		t.Errorf("another type: %v", err)
	}
}
