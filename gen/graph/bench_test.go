package graph_test

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/odatagen/odatagen/gen/graph"
	"github.com/odatagen/odatagen/validate"
	"github.com/odatagen/odatagen/validate/edm"
)

// Payloads of the docs' examples: the Get response and the Create request
// body.
const (
	benchGet    = `{"@odata.type":"#microsoft.graph.cloudPcExternalPartner","id":"b3548526-e615-3785-3118-be70b3968ec5","partnerId":"198d7140-80bb-4843-8cc4-811377a49a92","enableConnection":true,"lastSyncDateTime":"2020-11-03T12:43:14Z","connectionStatus":"available","statusDetails":"The external partner is available"}`
	benchCreate = `{"@odata.type":"#microsoft.graph.cloudPcExternalPartner","partnerId":"198d7140-80bb-4843-8cc4-811377a49a92","enableConnection":true}`
)

// benchCollection is a collection response of n Get responses.
func benchCollection(n int) string {
	items := make([]string, n)
	for i := range items {
		items[i] = benchGet
	}
	return `{"value":[` + strings.Join(items, ",") + `]}`
}

// plainPartner is the floor of the benchmarks: a hand-written plain struct
// with the type's fields, which encoding/json decodes without any of the
// generated type's work (Extra, null versus absent, evolvable enums).
type plainPartner struct {
	ODataType        string     `json:"@odata.type"`
	ID               string     `json:"id"`
	PartnerID        *string    `json:"partnerId"`
	EnableConnection *bool      `json:"enableConnection"`
	LastSyncDateTime *time.Time `json:"lastSyncDateTime"`
	ConnectionStatus *string    `json:"connectionStatus"`
	StatusDetails    *string    `json:"statusDetails"`
}

// BenchmarkValidate measures each generated validate function beside the
// floor (json.Unmarshal of the same bytes into plainPartner) and
// json.Unmarshal into the generated type, so the ratios (not the absolute
// times) are what to read. scripts/benchratio.sh runs it in interleaved
// rounds and prints the medians and ratios:
//
//	scripts/benchratio.sh 6
func BenchmarkValidate(b *testing.B) {
	type collection struct {
		Value []graph.CloudPcExternalPartner `json:"value"`
	}
	type plainCollection struct {
		Value []plainPartner `json:"value"`
	}
	plain := func(d []byte) error {
		var v plainPartner
		return json.Unmarshal(d, &v)
	}
	cases := []struct {
		name      string
		data      string
		validate  func([]byte) error
		unmarshal func([]byte) error
		decode    func([]byte) error // edm.Unmarshal: the one-pass decoder
		both      func([]byte) error // Decode: validate, then decode
		floor     func([]byte) error
	}{
		{
			name:     "get",
			data:     benchGet,
			validate: func(d []byte) error { return graph.ValidateCloudPcExternalPartner(d, validate.Read) },
			unmarshal: func(d []byte) error {
				var v graph.CloudPcExternalPartner
				return json.Unmarshal(d, &v)
			},
			decode: func(d []byte) error {
				var v graph.CloudPcExternalPartner
				return edm.Unmarshal(d, &v)
			},
			both: func(d []byte) error {
				_, err := graph.Decode[graph.CloudPcExternalPartner](d, validate.Read)
				return err
			},
			floor: plain,
		},
		{
			name:     "create",
			data:     benchCreate,
			validate: func(d []byte) error { return graph.ValidateCloudPcExternalPartner(d, validate.Create) },
			unmarshal: func(d []byte) error {
				var v graph.CloudPcExternalPartner
				return json.Unmarshal(d, &v)
			},
			decode: func(d []byte) error {
				var v graph.CloudPcExternalPartner
				return edm.Unmarshal(d, &v)
			},
			both: func(d []byte) error {
				_, err := graph.Decode[graph.CloudPcExternalPartner](d, validate.Create)
				return err
			},
			floor: plain,
		},
		{
			name:     "collection50",
			data:     benchCollection(50),
			validate: graph.ValidateCloudPcExternalPartnerCollection,
			unmarshal: func(d []byte) error {
				var v collection
				if err := json.Unmarshal(d, &v); err != nil {
					return err
				}
				if len(v.Value) != 50 {
					return fmt.Errorf("decoded %d items, want 50", len(v.Value))
				}
				return nil
			},
			decode: func(d []byte) error {
				var p edm.Page[graph.CloudPcExternalPartner]
				if err := edm.Unmarshal(d, &p); err != nil {
					return err
				}
				if len(p.Value) != 50 {
					return fmt.Errorf("decoded %d items, want 50", len(p.Value))
				}
				return nil
			},
			both: func(d []byte) error {
				p, err := graph.DecodeCollection[graph.CloudPcExternalPartner](d)
				if err == nil && len(p.Value) != 50 {
					return fmt.Errorf("decoded %d items, want 50", len(p.Value))
				}
				return err
			},
			floor: func(d []byte) error {
				var v plainCollection
				return json.Unmarshal(d, &v)
			},
		},
	}
	for _, c := range cases {
		data := []byte(c.data)
		for _, step := range []struct {
			name string
			f    func([]byte) error
		}{{"floor", c.floor}, {"validate", c.validate}, {"decode", c.decode}, {"decode+validate", c.both}, {"json.Unmarshal", c.unmarshal}} {
			b.Run(c.name+"/"+step.name, func(b *testing.B) {
				if err := step.f(data); err != nil {
					b.Fatal(err)
				}
				b.SetBytes(int64(len(data)))
				b.ReportAllocs()
				for b.Loop() {
					if err := step.f(data); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}
