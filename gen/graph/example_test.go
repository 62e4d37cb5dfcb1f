package graph_test

import (
	"encoding/json"
	"errors"
	"fmt"

	"github.com/odatagen/odatagen/gen/graph"
	"github.com/odatagen/odatagen/validate"
	"github.com/odatagen/odatagen/validate/edm"
	"github.com/odatagen/odatagen/validate/filter"
	"github.com/odatagen/odatagen/validate/query"
)

// A create body is checked against the create schema: required properties
// must be there, read-only ones may not, and every value must have its
// type. The error lists every problem with its JSON pointer.
func ExampleValidateCloudPcExternalPartner() {
	good := []byte(`{"partnerId": "198d7140-80bb-4843-8cc4-811377a49a92", "enableConnection": true}`)
	fmt.Println(graph.ValidateCloudPcExternalPartner(good, validate.Create))

	bad := []byte(`{"enableConnection": "yes", "statusDetails": "fine"}`)
	err := graph.ValidateCloudPcExternalPartner(bad, validate.Create)
	fmt.Println(err)

	// The problems are data too: a JSON pointer, a kind, what was expected
	// and what was found.
	var verr *validate.Error
	if errors.As(err, &verr) {
		for _, p := range verr.Problems {
			fmt.Printf("%q %s\n", p.Pointer, p.Kind)
		}
	}
	// Output:
	// <nil>
	// invalid create microsoft.graph.cloudPcExternalPartner payload (3 problems):
	// 	: missing required property partnerId
	// 	/enableConnection: expected Edm.Boolean, found string "yes"
	// 	/statusDetails: read-only property cannot be sent on create
	// "" missing
	// "/enableConnection" wrong type
	// "/statusDetails" read-only
}

// A $filter expression is checked against the type's capability table; the
// error shows where the problem is.
func ExampleCheckCloudPcExternalPartnerFilter() {
	fmt.Println(graph.CheckCloudPcExternalPartnerFilter("enableConnection eq true"))
	fmt.Println(graph.CheckCloudPcExternalPartnerFilter("enableConnection ne true"))
	// Output:
	// <nil>
	// enableConnection ne true
	//                  ^ operator ne is not supported on enableConnection (supported: eq)
}

// The operator functions take a builder field only for the operators its
// property supports, so filter.Ne(f.EnableConnection, true) does not
// compile. A built condition always passes the check.
func ExampleCloudPcExternalPartnerFilter() {
	f := graph.CloudPcExternalPartnerFilter
	cond := filter.Or(filter.Eq(f.EnableConnection, true), filter.Eq(f.EnableConnection, false))
	fmt.Println(cond)
	fmt.Println(graph.CheckCloudPcExternalPartnerFilter(cond.String()))
	// Output:
	// enableConnection eq true or enableConnection eq false
	// <nil>
}

// A PATCH body holds only the fields that are set: the zero struct is {},
// edm.Value sends a value and edm.Null an explicit null.
func ExampleCloudPcExternalPartner_patch() {
	for _, patch := range []graph.CloudPcExternalPartner{
		{},
		{EnableConnection: edm.Value(false)},
		{EnableConnection: edm.Null[bool]()},
	} {
		body, err := json.Marshal(patch)
		if err != nil {
			fmt.Println(err)
			continue
		}
		fmt.Println(string(body), graph.ValidateCloudPcExternalPartner(body, validate.Update))
	}
	// Output:
	// {} <nil>
	// {"enableConnection":false} <nil>
	// {"enableConnection":null} <nil>
}

// The typed builders make $select and $orderby from the properties the
// service supports (a property it cannot sort by has no OrderBy field, so
// using it does not compile), and the generated check accepts what they
// build and refuses an unknown property at its offset.
func ExampleCloudPcExternalPartnerSelect() {
	q := query.New(
		query.Select(graph.CloudPcExternalPartnerSelect.PartnerID, graph.CloudPcExternalPartnerSelect.ConnectionStatus),
		query.OrderBy(graph.CloudPcExternalPartnerOrderBy.LastSyncDateTime.Desc()),
		query.Top(5),
	)
	fmt.Println(q.String())
	fmt.Println(graph.CheckCloudPcExternalPartnerQuery(q.String()))
	fmt.Println(graph.CheckQuery[graph.CloudPcExternalPartner]("$select=partnerId,colour"))
	// Output:
	// $select=partnerId,connectionStatus&$orderby=lastSyncDateTime%20desc&$top=5
	// <nil>
	// $select=partnerId,colour
	//                   ^ microsoft.graph.cloudPcExternalPartner has no property colour
}

// Decode checks a payload against the plan and, when it is valid, decodes
// it in one pass; annotations and unknown members land in Extra, and a
// nullable property tells null from absent.
func ExampleDecode() {
	data := []byte(`{"@odata.type": "#microsoft.graph.cloudPcExternalPartner", "id": "b3548526",
		"enableConnection": true, "statusDetails": null, "connectionStatus": "healthy"}`)
	p, err := graph.Decode[graph.CloudPcExternalPartner](data, validate.Read)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(*p.ID, edm.Or(p.EnableConnection, false), edm.Or(p.ConnectionStatus, ""))
	fmt.Println("statusDetails null:", edm.IsNull(p.StatusDetails), "partnerId set:", edm.IsSet(p.PartnerID))
	fmt.Println(string(p.Extra["@odata.type"]))

	_, err = graph.Decode[graph.CloudPcExternalPartner]([]byte(`{"enableConnection": "yes"}`), validate.Read)
	fmt.Println(err)
	// Output:
	// b3548526 true healthy
	// statusDetails null: true partnerId set: false
	// "#microsoft.graph.cloudPcExternalPartner"
	// invalid read microsoft.graph.cloudPcExternalPartner payload: /enableConnection: expected Edm.Boolean, found string "yes"
}

// DecodeCollection reads one page of a collection response: the items,
// and the link to the next page.
func ExampleDecodeCollection() {
	data := []byte(`{"value": [{"id": "a", "enableConnection": true}, {"id": "b"}],
		"@odata.nextLink": "https://graph.microsoft.com/v1.0/deviceManagement/virtualEndpoint/externalPartners?$skiptoken=2"}`)
	page, err := graph.DecodeCollection[graph.CloudPcExternalPartner](data)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, p := range page.Value {
		fmt.Println(*p.ID, edm.IsSet(p.EnableConnection))
	}
	fmt.Println(page.NextLink())
	// Output:
	// a true
	// b false
	// https://graph.microsoft.com/v1.0/deviceManagement/virtualEndpoint/externalPartners?$skiptoken=2
}

// Enums are evolvable: a member this package does not know decodes as it
// came, and IsKnown tells it apart; EnumValue gives a member's declared
// number.
func ExampleIsKnown() {
	var s graph.CloudPcExternalPartnerStatus
	_ = json.Unmarshal([]byte(`"someFutureMember"`), &s)
	fmt.Println(s, graph.IsKnown(s), graph.IsKnown(graph.CloudPcExternalPartnerStatusHealthy))
	fmt.Println(graph.EnumValue(graph.CloudPcExternalPartnerStatusHealthy))
	// Output:
	// someFutureMember false true
	// 2 true
}
