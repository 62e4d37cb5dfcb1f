package edmtypes

// Compiled with the generated want/ files by the generator's
// TestGoldenCompile.

import (
	"bytes"
	"encoding/json"
	"reflect"
	"testing"

	"github.com/odatagen/odatagen/validate/edm"
)

// A value of every Edm type, as a service would send it.
const everything = `{
  "binary": "aGVsbG8_", "binaryRequired": "AA==", "binaryList": ["AQI="],
  "boolean": true, "booleanRequired": false, "booleanList": [true, false],
  "byte": 255, "byteRequired": 0, "byteList": [1, 2, 255],
  "date": "2024-02-29", "dateRequired": "0001-01-01", "dateList": ["2024-01-01"],
  "dateTimeOffset": "2024-02-29T23:59:59.5+01:00", "dateTimeOffsetRequired": "2024-01-01T00:00:00Z",
  "decimal": 12345678901234567890.123, "decimalRequired": -1, "decimalList": [1.5],
  "double": 1.25, "doubleRequired": -0.5, "doubleList": [1e300],
  "duration": "PT1H30M", "durationRequired": "P1DT2S", "durationList": ["PT0S"],
  "guid": "0f0e0d0c-0b0a-4908-8706-050403020100", "guidList": [],
  "int16": -32768, "int32": 2147483647, "int64": 9007199254740993, "int64List": [-1],
  "sByte": -128, "single": 0.5, "stream": "c3RyZWFt", "stringRequired": "",
  "timeOfDay": "13:45:00.25", "timeOfDayList": ["00:00:00"],
  "untyped": {"any": ["thing", 1]}, "untypedRequired": null,
  "geographyPoint": {"type": "Point", "coordinates": [4.9, 52.4]},
  "geometryCollection": {"type": "GeometryCollection", "geometries": []},
  "tag": "label", "tags": ["a", "b"],
  "string": null
}`

func TestEveryEdmTypeRoundTrips(t *testing.T) {
	var v Everything
	if err := json.Unmarshal([]byte(everything), &v); err != nil {
		t.Fatal(err)
	}
	if len(v.Extra) != 0 {
		t.Errorf("members without a field: %v", v.Extra)
	}
	if !edm.IsNull(v.String) {
		t.Errorf("string: want explicit null, got %+v", v.String)
	}
	if n, _ := edm.Get(v.Int64); n != 9007199254740993 {
		t.Errorf("int64 lost precision: %d", n)
	}
	if !reflect.DeepEqual(v.ByteList, []uint16{1, 2, 255}) {
		t.Errorf("byteList = %v", v.ByteList)
	}
	out, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	var back Everything
	if err := json.Unmarshal(out, &back); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	again, err := json.Marshal(back)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(out, again) {
		t.Errorf("second round trip changed the JSON:\n%s\n%s", out, again)
	}
	var got, want map[string]any
	dec := func(s []byte, m *map[string]any) {
		d := json.NewDecoder(bytes.NewReader(s))
		d.UseNumber()
		if err := d.Decode(m); err != nil {
			t.Fatal(err)
		}
	}
	dec(out, &got)
	dec([]byte(everything), &want)
	if len(got) != len(want) {
		t.Errorf("%d members, want %d:\n%s", len(got), len(want), out)
	}
	for k, w := range want {
		if !sameJSON(got[k], w) {
			t.Errorf("%s: got %v, want %v", k, got[k], w)
		}
	}
}

// sameJSON compares decoded JSON values; numbers by value (1e300 and
// 1e+300 are the same number).
func sameJSON(a, b any) bool {
	switch a := a.(type) {
	case json.Number:
		b, ok := b.(json.Number)
		if !ok {
			return false
		}
		if a == b {
			return true
		}
		fa, errA := a.Float64()
		fb, errB := b.Float64()
		return errA == nil && errB == nil && fa == fb
	case []any:
		b, ok := b.([]any)
		if !ok || len(a) != len(b) {
			return false
		}
		for i := range a {
			if !sameJSON(a[i], b[i]) {
				return false
			}
		}
		return true
	}
	return reflect.DeepEqual(a, b)
}
