package edm

import (
	"encoding/json"
	"testing"
	"time"
)

// benchUser is a generated-style struct of typical size.
type benchUser struct {
	ID               *string                    `json:"id,omitempty"`
	DisplayName      Nullable[string]           `json:"displayName,omitzero"`
	GivenName        Nullable[string]           `json:"givenName,omitzero"`
	Surname          Nullable[string]           `json:"surname,omitzero"`
	Mail             Nullable[string]           `json:"mail,omitzero"`
	AccountEnabled   Nullable[bool]             `json:"accountEnabled,omitzero"`
	CreatedDateTime  Nullable[time.Time]        `json:"createdDateTime,omitzero"`
	Birthday         Nullable[Date]             `json:"birthday,omitzero"`
	UsageLocation    Nullable[string]           `json:"usageLocation,omitzero"`
	BusinessPhones   []string                   `json:"businessPhones,omitzero"`
	ProxyAddresses   []string                   `json:"proxyAddresses,omitzero"`
	EmployeeHireDays Nullable[int32]            `json:"employeeHireDays,omitzero"`
	Extra            map[string]json.RawMessage `json:"-"`
}

type benchPlain benchUser

// benchTagged is benchUser as generated code declares it now, with ExtraTag.
type benchTagged struct {
	ID               *string                    `json:"id,omitempty"`
	DisplayName      Nullable[string]           `json:"displayName,omitzero"`
	GivenName        Nullable[string]           `json:"givenName,omitzero"`
	Surname          Nullable[string]           `json:"surname,omitzero"`
	Mail             Nullable[string]           `json:"mail,omitzero"`
	AccountEnabled   Nullable[bool]             `json:"accountEnabled,omitzero"`
	CreatedDateTime  Nullable[time.Time]        `json:"createdDateTime,omitzero"`
	Birthday         Nullable[Date]             `json:"birthday,omitzero"`
	UsageLocation    Nullable[string]           `json:"usageLocation,omitzero"`
	BusinessPhones   []string                   `json:"businessPhones,omitzero"`
	ProxyAddresses   []string                   `json:"proxyAddresses,omitzero"`
	EmployeeHireDays Nullable[int32]            `json:"employeeHireDays,omitzero"`
	Extra            map[string]json.RawMessage `json:"-" odata:"extra"`
}

func (x *benchTagged) UnmarshalJSON(b []byte) error {
	type plain benchTagged
	return UnmarshalObject(b, (*plain)(x), &x.Extra)
}

const benchKnownOnly = `{"id":"87d349ed-44d7-43e1-9a83-5f2406dee5bd","displayName":"Adele Vance","givenName":"Adele","surname":"Vance",` +
	`"mail":"AdeleV@contoso.example","accountEnabled":true,"createdDateTime":"2021-03-04T05:06:07Z","birthday":"1990-01-02",` +
	`"usageLocation":"US","businessPhones":["+1 425 555 0109"],"proxyAddresses":["SMTP:AdeleV@contoso.example","smtp:adele@contoso.example"],` +
	`"employeeHireDays":1200}`

// benchWithExtra is benchKnownOnly with the annotations a response carries.
var benchWithExtra = `{"@odata.context":"https://graph.example/v1.0/$metadata#users/$entity","@odata.type":"#microsoft.graph.user",` +
	`"@odata.etag":"W/\"1\"",` + benchKnownOnly[1:len(benchKnownOnly)-1] +
	`,"mail@odata.type":"#String","extension_1234_costCenter":"CC-42"}`

func benchValue(b *testing.B, in string) benchPlain {
	var v benchPlain
	var extra map[string]json.RawMessage
	if err := UnmarshalObject([]byte(in), &v, &extra); err != nil {
		b.Fatal(err)
	}
	v.Extra = extra
	return v
}

func BenchmarkMarshal(b *testing.B) {
	v := benchValue(b, benchWithExtra)
	extra := v.Extra
	v.Extra = nil
	b.Run("json.Marshal", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := json.Marshal(v); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("MarshalObject/no-extra", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := MarshalObject(v, nil); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("MarshalObject/5-extra", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := MarshalObject(v, extra); err != nil {
				b.Fatal(err)
			}
		}
	})
}

func BenchmarkUnmarshal(b *testing.B) {
	known, withExtra := []byte(benchKnownOnly), []byte(benchWithExtra)
	b.Run("json.Unmarshal/known-only", func(b *testing.B) {
		b.ReportAllocs()
		b.SetBytes(int64(len(known)))
		for b.Loop() {
			var v benchPlain
			if err := json.Unmarshal(known, &v); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("Unmarshal/known-only", func(b *testing.B) {
		b.ReportAllocs()
		b.SetBytes(int64(len(known)))
		for b.Loop() {
			var v benchTagged
			if err := Unmarshal(known, &v); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("Unmarshal/with-extra", func(b *testing.B) {
		b.ReportAllocs()
		b.SetBytes(int64(len(withExtra)))
		for b.Loop() {
			var v benchTagged
			if err := Unmarshal(withExtra, &v); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("UnmarshalObject/known-only", func(b *testing.B) {
		b.ReportAllocs()
		b.SetBytes(int64(len(known)))
		for b.Loop() {
			var v benchPlain
			var extra map[string]json.RawMessage
			if err := UnmarshalObject(known, &v, &extra); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("json.Unmarshal/with-extra", func(b *testing.B) {
		// encoding/json skips the annotations: the lower bound.
		b.ReportAllocs()
		b.SetBytes(int64(len(withExtra)))
		for b.Loop() {
			var v benchPlain
			if err := json.Unmarshal(withExtra, &v); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("UnmarshalObject/with-extra", func(b *testing.B) {
		b.ReportAllocs()
		b.SetBytes(int64(len(withExtra)))
		for b.Loop() {
			var v benchPlain
			var extra map[string]json.RawMessage
			if err := UnmarshalObject(withExtra, &v, &extra); err != nil {
				b.Fatal(err)
			}
		}
	})
}
