package query_test

import (
	"fmt"

	"github.com/odatagen/odatagen/validate/filter"
	"github.com/odatagen/odatagen/validate/query"
)

func ExampleParse() {
	q, err := query.Parse("/me/messages?$select=subject,from&$filter=isRead%20eq%20false&$orderby=receivedDateTime%20DESC&$top=5&$search=%22project%20x%22%20budget")
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(q.Path)
	for _, it := range q.Select.Items {
		fmt.Println("select", it.Path[0].Name, "at", it.Pos)
	}
	fmt.Println("filter", filter.Print(q.Filter.Expr))
	fmt.Println("orderby", filter.Print(q.OrderBy.Items[0].Expr), "desc:", q.OrderBy.Items[0].Desc)
	fmt.Println("top", q.Top.Value)
	fmt.Println("search", query.PrintSearch(q.Search.Expr))
	fmt.Println(q)

	_, err = query.Parse("$expand=manager($levels=0)")
	fmt.Println(err)
	// Output:
	// /me/messages
	// select subject at 21
	// select from at 29
	// filter isRead eq false
	// orderby receivedDateTime desc: true
	// top 5
	// search "project x" AND budget
	// /me/messages?$select=subject,from&$filter=isRead%20eq%20false&$search=%22project%20x%22%20AND%20budget&$orderby=receivedDateTime%20desc&$top=5
	// $expand=manager($levels=0)
	//                         ^ $levels takes a positive integer without leading zeros, or max
}

func ExampleCheck() {
	types := filter.NewModel([]*filter.Type{{
		Name: "microsoft.graph.user",
		Properties: []*filter.Property{
			{Name: "id", Type: "Edm.String", Filter: &filter.Support{Ops: []filter.Op{filter.OpEq}}},
			{Name: "displayName", Type: "Edm.String", Filter: &filter.Support{Ops: []filter.Op{filter.OpEq, filter.OpStartsWith}}},
			{Name: "mail", Type: "Edm.String"},
			{Name: "manager", Type: "microsoft.graph.user", Navigation: true},
		},
	}}, nil, nil)
	m := query.NewModel(types,
		[]*query.EntitySet{{Name: "users", Type: "microsoft.graph.user"}},
		[]*query.Property{{Type: "microsoft.graph.user", Name: "mail", Sort: query.False}},
		[]*query.Resource{{Path: "users", Capabilities: query.Capabilities{
			SkipSupported: query.False,
			Read: &query.ReadRestrictions{CustomHeaders: []query.CustomParameter{{
				Name: "ConsistencyLevel", ExampleValues: []string{"eventual"},
				RequiredWith: []string{"$search", "$count"},
			}}},
		}}},
	)

	_, err := query.Check(m, "/users", "$top=5&$skip=10")
	fmt.Println(err)
	_, err = query.Check(m, "/users", "$orderby=mail")
	fmt.Println(err)
	_, err = query.Check(m, "https://graph.microsoft.com/v1.0/users/42", "$filter=displayName eq 'x'")
	fmt.Println(err)

	res, err := query.Check(m, "", "https://graph.microsoft.com/v1.0/users?$search=%22bob%22&$count=true&$expand=manager($select=displayName)")
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(res.Resource, res.Type, res.Collection)
	for _, h := range res.Headers {
		fmt.Println(h.Name, h.ExampleValues, "required:", h.Required, h.Because)
	}
	// Output:
	// $top=5&$skip=10
	//        ^ $skip is not supported on /users (SkipSupported false)
	// $orderby=mail
	//          ^ mail cannot be used in $orderby (the property is not sortable)
	// $filter=displayName eq 'x'
	// ^ $filter applies to collections; /users/{id} is a single entity
	// /users microsoft.graph.user true
	// ConsistencyLevel [eventual] required: true [$search $count]
}

// Builders: generated code lists, per resource, the properties each
// option may use as fields of small types; what is not supported has no
// field or no method.
func ExampleNew() {
	var UserSelect = struct{ ID, DisplayName query.Selectable }{"id", "displayName"}
	var UserOrderBy = struct {
		DisplayName     query.AscendingOnly
		CreatedDateTime query.DescendingOnly
	}{"displayName", "createdDateTime"}
	var UserExpand = struct{ Manager query.ExpandableSingle }{"manager"}

	q := query.New(
		query.Select(UserSelect.ID, UserSelect.DisplayName),
		query.Expand(UserExpand.Manager.With(query.Select(UserSelect.DisplayName))),
		query.OrderBy(UserOrderBy.CreatedDateTime.Desc(), UserOrderBy.DisplayName),
		query.Top(10),
	)
	fmt.Println(q)
	// UserOrderBy.DisplayName.Desc() and UserExpand.Manager.With(query.Top(1))
	// do not compile.
	// Output:
	// $select=id,displayName&$expand=manager($select=displayName)&$orderby=createdDateTime%20desc,displayName&$top=10
}
