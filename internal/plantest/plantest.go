// Package plantest holds what the tests and benchmarks of validate (the
// Plan) and of validate/schemaset (the Plan beside the Set) share: a YAML
// spec made into a Plan and a Set as the generator makes them, and the
// seed's payloads with the floor of the benchmarks, encoding/json into a
// plain struct shaped like the seed type. It is test support: only test
// files import it.
package plantest

import (
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/odatagen/odatagen/generator"
	"github.com/odatagen/odatagen/spec"
	"github.com/odatagen/odatagen/spec/yamlspec"
	"github.com/odatagen/odatagen/validate"
	"github.com/odatagen/odatagen/validate/schemaset"
)

// ReadYAML reads the YAML spec in file.
func ReadYAML(t testing.TB, file string) *spec.Spec {
	t.Helper()
	src, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	s, err := yamlspec.Read(file, src)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// Plan is the validation plan of s, as generated packages hold it.
func Plan(t testing.TB, s *spec.Spec) *validate.Plan {
	t.Helper()
	plan, err := generator.Plan(s, generator.SchemaOptions{AllowUnresolved: false})
	if err != nil {
		t.Fatal(err)
	}
	return plan
}

// Set is the schema set of the JSON Schema documents generated for s.
func Set(t testing.TB, s *spec.Spec) *schemaset.Set {
	t.Helper()
	files, err := generator.Schemas(s, generator.SchemaOptions{})
	if err != nil {
		t.Fatal(err)
	}
	set, err := schemaset.New(files)
	if err != nil {
		t.Fatal(err)
	}
	return set
}

// Partner is the seed type, microsoft.graph.cloudPcExternalPartner, as a
// plain struct: what the floor decodes into.
type Partner struct {
	ODataType        string     `json:"@odata.type,omitempty"`
	ID               *string    `json:"id,omitempty"`
	PartnerID        *string    `json:"partnerId,omitempty"`
	EnableConnection *bool      `json:"enableConnection,omitempty"`
	LastSyncDateTime *time.Time `json:"lastSyncDateTime,omitempty"`
	ConnectionStatus *string    `json:"connectionStatus,omitempty"`
	StatusDetails    *string    `json:"statusDetails,omitempty"`
}

// Partners is a collection response of Partner.
type Partners struct {
	Context string    `json:"@odata.context,omitempty"`
	Value   []Partner `json:"value"`
}

// The docs' examples of the seed, as gen/graph's benchmarks have them: the
// Get response and the Create request body, compact, and the Get response
// as the docs indent it.
const (
	Get         = `{"@odata.type":"#microsoft.graph.cloudPcExternalPartner","id":"b3548526-e615-3785-3118-be70b3968ec5","partnerId":"198d7140-80bb-4843-8cc4-811377a49a92","enableConnection":true,"lastSyncDateTime":"2020-11-03T12:43:14Z","connectionStatus":"available","statusDetails":"The external partner is available"}`
	Create      = `{"@odata.type":"#microsoft.graph.cloudPcExternalPartner","partnerId":"198d7140-80bb-4843-8cc4-811377a49a92","enableConnection":true}`
	GetIndented = `{
  "@odata.type": "#microsoft.graph.cloudPcExternalPartner",
  "id": "b3548526-e615-3785-3118-be70b3968ec5",
  "partnerId": "198d7140-80bb-4843-8cc4-811377a49a92",
  "enableConnection": true,
  "lastSyncDateTime": "2020-11-03T12:43:14Z",
  "connectionStatus": "available",
  "statusDetails": "The external partner is available"
}`
)

// Collection is a collection response of n copies of Get.
func Collection(n int) []byte {
	items := make([]string, n)
	for i := range items {
		items[i] = Get
	}
	return []byte(`{"@odata.context":"https://graph.microsoft.com/beta/$metadata#deviceManagement/virtualEndpoint/externalPartners","value":[` +
		strings.Join(items, ",") + `]}`)
}

// DecodeOne is the floor for one object: encoding/json into a Partner.
func DecodeOne(d []byte) error {
	var v Partner
	return json.Unmarshal(d, &v)
}

// DecodeList is the floor for a collection of n items: encoding/json into
// Partners, which must then hold n.
func DecodeList(n int) func([]byte) error {
	return func(d []byte) error {
		var v Partners
		if err := json.Unmarshal(d, &v); err != nil {
			return err
		}
		if len(v.Value) != n {
			return fmt.Errorf("decoded %d items, want %d", len(v.Value), n)
		}
		return nil
	}
}
