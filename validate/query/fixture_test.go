package query

import "github.com/odatagen/odatagen/validate/filter"

// The fixture is a small directory service written by hand: users, groups
// and the signed-in user (me), with messages and their attachments.

const (
	tEntity    = "microsoft.graph.entity"
	tDirObj    = "microsoft.graph.directoryObject"
	tUser      = "microsoft.graph.user"
	tGroup     = "microsoft.graph.group"
	tMessage   = "microsoft.graph.message"
	tAttach    = "microsoft.graph.attachment"
	tFileAtt   = "microsoft.graph.fileAttachment"
	tAddress   = "microsoft.graph.physicalAddress"
	tLicense   = "microsoft.graph.assignedLicense"
	tSignIn    = "microsoft.graph.signInActivity"
	tMailbox   = "microsoft.graph.mailboxSettings"
	tImportant = "microsoft.graph.importance"
)

var (
	eq     = &filter.Support{Ops: []filter.Op{filter.OpEq}}
	eqNull = &filter.Support{Ops: []filter.Op{filter.OpEq, filter.OpNe}, Null: true}
	strOps = &filter.Support{Ops: []filter.Op{filter.OpEq, filter.OpNe, filter.OpStartsWith, filter.OpIn}, Null: true}
	order  = &filter.Support{Ops: []filter.Op{filter.OpEq, filter.OpNe, filter.OpGt, filter.OpGe, filter.OpLt, filter.OpLe}}
	anyEq  = &filter.Support{Ops: []filter.Op{filter.OpAny, filter.OpEq, filter.OpStartsWith}, Count: true}
	all    = &filter.Support{}
)

func fixtureTypes() *filter.Model {
	return filter.NewModel([]*filter.Type{
		{Name: tEntity, Properties: []*filter.Property{{Name: "id", Type: "Edm.String", Filter: strOps}}},
		{Name: tDirObj, Base: tEntity, Properties: []*filter.Property{
			{Name: "deletedDateTime", Type: "Edm.DateTimeOffset", Filter: order},
		}},
		{Name: tUser, Base: tDirObj, Properties: []*filter.Property{
			{Name: "displayName", Type: "Edm.String", Filter: strOps},
			{Name: "mail", Type: "Edm.String", Filter: strOps},
			{Name: "employeeId", Type: "Edm.String", Filter: eq},
			{Name: "createdDateTime", Type: "Edm.DateTimeOffset", Filter: order},
			{Name: "age", Type: "Edm.Int32", Filter: order},
			{Name: "accountEnabled", Type: "Edm.Boolean", Filter: eq},
			{Name: "jobTitle", Type: "Edm.String", Filter: all},
			{Name: "proxyAddresses", Type: "Edm.String", Collection: true, Filter: anyEq},
			{Name: "address", Type: tAddress, Filter: all},
			{Name: "assignedLicenses", Type: tLicense, Collection: true, Filter: anyEq},
			{Name: "signInActivity", Type: tSignIn},
			{Name: "mailboxSettings", Type: tMailbox},
			{Name: "photo", Type: "Edm.Stream"},
			{Name: "manager", Type: tDirObj, Navigation: true, Filter: all},
			{Name: "directReports", Type: tDirObj, Collection: true, Navigation: true},
			{Name: "memberOf", Type: tDirObj, Collection: true, Navigation: true, Filter: anyEq},
			{Name: "messages", Type: tMessage, Collection: true, Navigation: true},
		}},
		{Name: tGroup, Base: tDirObj, Properties: []*filter.Property{
			{Name: "displayName", Type: "Edm.String", Filter: strOps},
			{Name: "members", Type: tDirObj, Collection: true, Navigation: true, Filter: anyEq},
			{Name: "owners", Type: tDirObj, Collection: true, Navigation: true},
		}},
		{Name: tMessage, Base: tEntity, Properties: []*filter.Property{
			{Name: "subject", Type: "Edm.String", Filter: strOps},
			{Name: "receivedDateTime", Type: "Edm.DateTimeOffset", Filter: order},
			{Name: "isRead", Type: "Edm.Boolean", Filter: eq},
			{Name: "importance", Type: tImportant, Filter: eq},
			{Name: "attachments", Type: tAttach, Collection: true, Navigation: true},
		}},
		{Name: tAttach, Base: tEntity, Properties: []*filter.Property{
			{Name: "name", Type: "Edm.String", Filter: strOps},
			{Name: "size", Type: "Edm.Int32", Filter: order},
		}},
		{Name: tFileAtt, Base: tAttach, Properties: []*filter.Property{
			{Name: "contentBytes", Type: "Edm.Binary"},
		}},
		{Name: tAddress, Properties: []*filter.Property{
			{Name: "street", Type: "Edm.String"},
			{Name: "city", Type: "Edm.String", Filter: strOps},
			{Name: "tags", Type: "Edm.String", Collection: true},
		}},
		{Name: tLicense, Properties: []*filter.Property{
			{Name: "skuId", Type: "Edm.Guid", Filter: eq},
			{Name: "disabledPlans", Type: "Edm.Guid", Collection: true},
		}},
		{Name: tSignIn, Properties: []*filter.Property{
			{Name: "lastSignInDateTime", Type: "Edm.DateTimeOffset"},
		}},
		{Name: tMailbox, Properties: []*filter.Property{
			{Name: "timeZone", Type: "Edm.String"},
		}},
	}, []*filter.Enum{
		{Name: tImportant, Members: []string{"low", "normal", "high"}},
	}, nil)
}

// consistency is the ConsistencyLevel header of Microsoft Graph's
// directory objects: optional, but required with $search and $count.
var consistency = CustomParameter{
	Name:          "ConsistencyLevel",
	Description:   "Indicates the requested consistency level.",
	ExampleValues: []string{"eventual"},
	RequiredWith:  []string{"$search", "$count"},
}

func fixture() *Model {
	return NewModel(fixtureTypes(),
		[]*EntitySet{
			{Name: "users", Type: tUser, Bindings: []Binding{{Path: "memberOf", Target: "groups"}}},
			{Name: "groups", Type: tGroup},
			{Name: "me", Type: tUser, Singleton: true},
		},
		[]*Property{
			{Type: tUser, Name: "employeeId", Sort: False},
			{Type: tUser, Name: "signInActivity", SelectOnly: true},
			{Type: tUser, Name: "mailboxSettings", Select: False},
			{Type: tUser, Name: "directReports", Expand: False},
		},
		[]*Resource{
			{Path: "", Capabilities: Capabilities{
				CustomHeaders: []CustomParameter{{Name: "client-request-id", Description: "A client-generated request id."}},
			}},
			{Path: "users", Capabilities: Capabilities{
				SkipSupported: False,
				Sort: &SortRestrictions{
					NonSortableProperties:    []string{"mail"},
					AscendingOnlyProperties:  []string{"displayName"},
					DescendingOnlyProperties: []string{"createdDateTime"},
				},
				Expand: &ExpandRestrictions{NonExpandableProperties: []string{"messages"}, MaxLevels: 2},
				Filter: &FilterRestrictions{NonFilterableProperties: []string{"jobTitle"}, MaxLevels: 1},
				Read:   &ReadRestrictions{CustomHeaders: []CustomParameter{consistency}},
				Select: &SelectSupport{Filterable: True, TopSupported: True, Sortable: True},
				Navigation: &NavigationRestrictions{RestrictedProperties: []NavigationPropertyRestriction{
					{NavigationProperty: "directReports", Navigability: NavigationNone},
					{NavigationProperty: "messages", Capabilities: Capabilities{TopSupported: False}},
				}},
			}},
			{Path: "groups", Capabilities: Capabilities{
				TopSupported: False,
				Search:       &SearchRestrictions{Searchable: False},
				Count:        &CountRestrictions{Countable: False},
				Sort:         &SortRestrictions{Sortable: False},
				Filter:       &FilterRestrictions{RequiresFilter: True, RequiredProperties: []string{"displayName"}},
			}},
			{Path: "me", Capabilities: Capabilities{
				Count:  &CountRestrictions{NonCountableNavigationProperties: []string{"memberOf"}},
				Search: &SearchRestrictions{UnsupportedExpressions: SearchExprNOT | SearchExprGroup},
			}},
			{Path: "me/messages", Capabilities: Capabilities{
				Search: &SearchRestrictions{UnsupportedExpressions: SearchExprOR | SearchExprPhrase},
			}},
			{Path: tMessage + "/attachments", Capabilities: Capabilities{
				TopSupported: False,
				Filter:       &FilterRestrictions{Filterable: False},
				Expand:       &ExpandRestrictions{Expandable: False},
			}},
		})
}
