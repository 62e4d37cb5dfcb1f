package schemaset_test

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/odatagen/odatagen/internal/plantest"
	"github.com/odatagen/odatagen/validate"
)

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
			func(d []byte) error { var v plantest.Partner; return json.Unmarshal(d, &v) }},
		{"create", []byte(createRequest),
			func(d []byte) error { return set.Validate(partner, validate.Create, d) },
			func(d []byte) error { var v plantest.Partner; return json.Unmarshal(d, &v) }},
		{"list50", coll,
			func(d []byte) error { return set.ValidateCollection(partner, validate.Read, d) },
			func(d []byte) error { var v plantest.Partners; return json.Unmarshal(d, &v) }},
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
