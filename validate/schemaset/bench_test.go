package schemaset_test

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/odatagen/odatagen/validate"
)

// benchPartner is a plain Go struct shaped like the seed type, for
// comparing validation with decoding the same bytes.
type benchPartner struct {
	ODataType        string     `json:"@odata.type,omitempty"`
	ID               *string    `json:"id,omitempty"`
	PartnerID        *string    `json:"partnerId,omitempty"`
	EnableConnection *bool      `json:"enableConnection,omitempty"`
	LastSyncDateTime *time.Time `json:"lastSyncDateTime,omitempty"`
	ConnectionStatus *string    `json:"connectionStatus,omitempty"`
	StatusDetails    *string    `json:"statusDetails,omitempty"`
}

type benchPartners struct {
	Context string         `json:"@odata.context"`
	Value   []benchPartner `json:"value"`
}

func benchCollection(n int) []byte {
	items := make([]string, n)
	for i := range items {
		items[i] = fmt.Sprintf(`{"id":"b3548526-e615-3785-3118-be70b3968e%02d","partnerId":"198d7140-80bb-4843-8cc4-811377a49a92",`+
			`"enableConnection":true,"lastSyncDateTime":"2020-11-03T12:43:14Z","connectionStatus":"available",`+
			`"statusDetails":"The external partner is available"}`, i)
	}
	return []byte(`{"@odata.context":"https://graph.microsoft.com/beta/$metadata#deviceManagement/virtualEndpoint/externalPartners","value":[` +
		strings.Join(items, ",") + `]}`)
}

// BenchmarkValidate compares Set.Validate with json.Unmarshal of the same
// bytes into a plain struct:
//
//	go test ./validate/schemaset -run XXX -bench Validate -benchmem
func BenchmarkValidate(b *testing.B) {
	set := seedSet(b)
	coll := benchCollection(50)
	cases := []struct {
		name      string
		data      []byte
		validate  func([]byte) error
		unmarshal func([]byte) error
	}{
		{"get", []byte(getResponse),
			func(d []byte) error { return set.Validate(partner, validate.Read, d) },
			func(d []byte) error { var v benchPartner; return json.Unmarshal(d, &v) }},
		{"create", []byte(createRequest),
			func(d []byte) error { return set.Validate(partner, validate.Create, d) },
			func(d []byte) error { var v benchPartner; return json.Unmarshal(d, &v) }},
		{"list50", coll,
			func(d []byte) error { return set.ValidateCollection(partner, validate.Read, d) },
			func(d []byte) error { var v benchPartners; return json.Unmarshal(d, &v) }},
	}
	for _, c := range cases {
		if err := c.validate(c.data); err != nil { // also compiles, outside the timing
			b.Fatal(err)
		}
		b.Run(c.name+"/validate", func(b *testing.B) {
			b.SetBytes(int64(len(c.data)))
			b.ReportAllocs()
			for b.Loop() {
				if err := c.validate(c.data); err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run(c.name+"/unmarshal", func(b *testing.B) {
			b.SetBytes(int64(len(c.data)))
			b.ReportAllocs()
			for b.Loop() {
				if err := c.unmarshal(c.data); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
