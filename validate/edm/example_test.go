package edm_test

import (
	"encoding/json"
	"fmt"
	"time"

	"github.com/odatagen/odatagen/validate/edm"
)

// Contact is written the way odatagen generates types.
type Contact struct {
	ID          *string                    `json:"id,omitempty"`
	DisplayName edm.Nullable[string]       `json:"displayName,omitzero"`
	Birthday    edm.Nullable[edm.Date]     `json:"birthday,omitzero"`
	Emails      []string                   `json:"emails,omitzero"`
	Extra       map[string]json.RawMessage `json:"-"`
}

func (x Contact) MarshalJSON() ([]byte, error) {
	type plain Contact
	return edm.MarshalObject(plain(x), x.Extra)
}

func (x *Contact) UnmarshalJSON(b []byte) error {
	type plain Contact
	return edm.UnmarshalObject(b, (*plain)(x), &x.Extra)
}

func ExampleNullable() {
	// A PATCH body: set the name, clear the birthday, leave the rest alone.
	patch := Contact{
		DisplayName: edm.Value("Ada"),
		Birthday:    edm.Null[edm.Date](),
	}
	b, _ := json.Marshal(patch)
	fmt.Println(string(b))

	var c Contact
	_ = json.Unmarshal([]byte(`{"displayName":null}`), &c)
	fmt.Println(edm.IsSet(c.DisplayName), edm.IsNull(c.DisplayName), edm.Or(c.DisplayName, "(none)"))
	fmt.Println(edm.IsSet(c.Birthday))
	// Output:
	// {"displayName":"Ada","birthday":null}
	// true true (none)
	// false
}

func ExampleUnmarshalObject() {
	in := `{"@odata.type":"#microsoft.graph.contact","id":"42","DisplayName":"case differs","emails":[]}`
	var c Contact
	if err := json.Unmarshal([]byte(in), &c); err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(*c.ID, edm.IsSet(c.DisplayName), c.Emails != nil)
	fmt.Println(string(c.Extra["@odata.type"]), string(c.Extra["DisplayName"]))
	// Output:
	// 42 false true
	// "#microsoft.graph.contact" "case differs"
}

func ExampleMarshalObject() {
	c := Contact{
		ID:          new("42"),
		DisplayName: edm.Value("Ada"),
		Extra: map[string]json.RawMessage{
			"displayName@odata.type": json.RawMessage(`"#String"`),
			"@odata.type":            json.RawMessage(`"#microsoft.graph.contact"`),
			"id":                     json.RawMessage(`"ignored: the field wins"`),
		},
	}
	b, _ := json.Marshal(c)
	fmt.Println(string(b))
	// Output:
	// {"@odata.type":"#microsoft.graph.contact","id":"42","displayName":"Ada","displayName@odata.type":"#String"}
}

func ExampleParseDate() {
	d, err := edm.ParseDate("2024-02-29")
	fmt.Println(d, err)
	fmt.Println(d.Time(time.UTC).Weekday())
	_, err = edm.ParseDate("2023-02-29")
	fmt.Println(err)
	// Output:
	// 2024-02-29 <nil>
	// Thursday
	// edm: invalid Edm.Date "2023-02-29": day 29 out of range for the month
}

func ExampleParseTimeOfDay() {
	t, _ := edm.ParseTimeOfDay("08:30")
	fmt.Println(t)
	t, _ = edm.ParseTimeOfDay("23:59:59.1250000")
	fmt.Println(t, t.Nanosecond)
	d := edm.Date{Year: 2024, Month: time.March, Day: 1}
	fmt.Println(d.At(t, time.UTC).Format(time.RFC3339Nano))
	// Output:
	// 08:30:00
	// 23:59:59.125 125000000
	// 2024-03-01T23:59:59.125Z
}

func ExampleParseDuration() {
	d, _ := edm.ParseDuration("PT36H")
	fmt.Println(d, time.Duration(d))
	fmt.Println(edm.Duration(90 * time.Second))
	_, err := edm.ParseDuration("P1Y")
	fmt.Println(err)
	// Output:
	// P1DT12H 36h0m0s
	// PT1M30S
	// edm: invalid Edm.Duration "P1Y": OData durations have no years or months (Edm.Duration is a dayTimeDuration)
}

func ExampleBinary() {
	b, _ := json.Marshal(edm.Binary{0xfb, 0xff})
	fmt.Println(string(b))
	var back edm.Binary
	_ = json.Unmarshal([]byte(`"+/8"`), &back) // standard base64 is accepted too
	fmt.Printf("%x\n", []byte(back))
	// Output:
	// "-_8="
	// fbff
}

func ExampleSplitFlags() {
	names := edm.SplitFlags("read, write,")
	fmt.Printf("%q\n", names)
	fmt.Println(edm.JoinFlags(append(names, "delete")))
	// Output:
	// ["read" "write"]
	// read,write,delete
}
