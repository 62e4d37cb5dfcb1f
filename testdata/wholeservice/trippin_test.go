package trippin

// Compiled with the package generated from TripPin.ODataSamples.xml by the
// generator's TestCorpusCompiles.

import (
	"encoding/json"
	"testing"

	"github.com/odatagen/odatagen/validate"
	"github.com/odatagen/odatagen/validate/edm"
)

// A trip's plan items are a polymorphic collection (PlanItem <-
// PublicTransportation <- Flight); each item decodes into the type its
// @odata.type names.
func TestPlanItems(t *testing.T) {
	body := `{
  "TripId": 7,
  "Name": "Lakes",
  "PlanItems": [
    {"@odata.type": "#Microsoft.OData.SampleService.Models.TripPin.Flight", "PlanItemId": 1, "FlightNumber": "AB12", "SeatNumber": "3C"},
    {"@odata.type": "#Microsoft.OData.SampleService.Models.TripPin.Event", "PlanItemId": 2, "Description": "Boat tour",
     "OccursAt": {"Address": "Pier 4", "BuildingInfo": "Gate 2"}},
    {"PlanItemId": 3, "ConfirmationCode": "XYZ"}
  ]
}`
	var trip Trip
	if err := json.Unmarshal([]byte(body), &trip); err != nil {
		t.Fatal(err)
	}
	if f, ok := trip.PlanItems[0].(*Flight); !ok || f.FlightNumber == nil || *f.FlightNumber != "AB12" {
		t.Errorf("PlanItems[0] = %#v, want *Flight", trip.PlanItems[0])
	}
	if e, ok := trip.PlanItems[1].(*Event); !ok || e.OccursAt == nil || *edm.Ptr(e.OccursAt.BuildingInfo) != "Gate 2" {
		t.Errorf("PlanItems[1] = %#v, want *Event", trip.PlanItems[1])
	}
	if p, ok := trip.PlanItems[2].(*PlanItem); !ok || *edm.Ptr(p.ConfirmationCode) != "XYZ" {
		t.Errorf("PlanItems[2] = %#v, want *PlanItem", trip.PlanItems[2])
	}
	if err := Validate[Trip]([]byte(body), validate.Read); err != nil {
		t.Errorf("Validate[Trip]: %v", err)
	}
	if err := CheckFilter[Person]("UserName eq 'russellwhyte'"); err != nil {
		t.Errorf("CheckFilter[Person]: %v", err)
	}
}
