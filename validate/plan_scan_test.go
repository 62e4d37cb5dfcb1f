package validate

import (
	"encoding/json"
	"math/big"
	"strings"
	"testing"

	"github.com/odatagen/odatagen/validate/internal/formats"
	"github.com/odatagen/odatagen/validate/internal/jsonvalue"
)

// Tests of the Plan's scanner, decoder and checks against what
// schemaset.Set relies on: encoding/json's Valid and its string decoding,
// the value tree of internal/jsonvalue, jsonschema's integers, the
// formats of internal/formats. (The formats of jsonschema itself are
// compared in validate/schemaset, which imports it.)

// planScanOnly runs the scanner over data as a syntax-only validation.
func planScanOnly(data []byte) (ok bool, dup *JSONError) {
	p := &Plan{}
	pp, _ := p.prepared()
	r := getPlanRun(p, pp, data, Read)
	defer putPlanRun(r)
	r.quiet = true
	r.document(-1, false)
	return !r.bad, r.dup
}

var planScanSeeds = []string{
	`{}`, `[]`, `""`, `0`, `-0`, `1.5e+3`, `true`, `null`, ` {"a" : [1, 2, {"b": null}] } `,
	`{"a":1,"a":2}`, `{"a":1,"\u0061":2}`, `{"\ud800":1,"\udbff":2}`, "{\"\xff\":1,\"\xfe\":2}", `{"a":{"b":1,"b":2}}`,
	`[1,]`, `{"a":1,}`, `01`, `1.`, `.5`, `-`, `1e`, `"\x"`, "\"\x01\"", `"\u12"`, `tru`, `nul`, `[`, `{"a"}`, `{"a":}`,
	`{1:2}`, `"abc`, "\"\\u00e9\\ud83d\\ude00\"", `{"a":"b"} x`, "\xef\xbb\xbf{}", "", " ", `[[[[[]]]]]`, "\"\xed\xa0\x80\"",
}

func FuzzPlanScan(f *testing.F) {
	for _, s := range planScanSeeds {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		ok, dup := planScanOnly(data)
		if ok != json.Valid(data) {
			t.Fatalf("scanner says %v, json.Valid %v: %q", ok, !ok, data)
		}
		if !ok {
			return
		}
		_, jerr := jsonvalue.Parse(data, DefaultMaxSize)
		switch {
		case jerr == nil && dup != nil:
			t.Fatalf("scanner finds %v, the parser nothing: %q", dup, data)
		case jerr != nil && (dup == nil || *dup != JSONError(*jerr)):
			t.Fatalf("scanner finds %v, the parser %+v: %q", dup, jerr, data)
		}
		// Every string decodes as encoding/json decodes it.
		for i := 0; i < len(data); i++ {
			if data[i] != '"' {
				continue
			}
			end, _, ok := planScanString(data, i)
			if !ok {
				break
			}
			var want string
			if json.Unmarshal(data[i:end+1], &want) == nil {
				if got := string(planUnquote(nil, data[i+1:end])); got != want {
					t.Fatalf("decoded %q as %q, encoding/json %q", data[i:end+1], got, want)
				}
			}
			i = end
		}
	})
}

func TestPlanScanSeeds(t *testing.T) {
	for _, s := range planScanSeeds {
		ok, _ := planScanOnly([]byte(s))
		if ok != json.Valid([]byte(s)) {
			t.Errorf("%q: scanner says %v", s, ok)
		}
	}
	for _, depth := range []int{planMaxDepth, planMaxDepth + 1} {
		data := []byte(strings.Repeat("[", depth) + strings.Repeat("]", depth))
		if ok, _ := planScanOnly(data); ok != json.Valid(data) || ok != (depth <= planMaxDepth) {
			t.Errorf("depth %d: scanner says %v", depth, ok)
		}
	}
	// A big object: repeats are found through the hash table.
	var b strings.Builder
	b.WriteString("{")
	for i := range 1000 {
		b.WriteString(`"k` + strings.Repeat("x", i%7) + string(rune('a'+i%26)) + `":1,`)
	}
	b.WriteString(`"k\u0078a":2}`)
	_, jerr := jsonvalue.Parse([]byte(b.String()), DefaultMaxSize)
	if _, dup := planScanOnly([]byte(b.String())); dup == nil || jerr == nil || *dup != JSONError(*jerr) {
		t.Errorf("big object: scanner %v, parser %+v", dup, jerr)
	}
}

func FuzzPlanFormats(f *testing.F) {
	for _, s := range formats.Seeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		b := []byte(s)
		for _, c := range []struct {
			name      string
			got, want bool
		}{
			{"date-time", planDateTime(b, false), formats.DateTimeString(s) == nil},
			{"time-of-day", planTimeOfDay(b), formats.TimeOfDay(s) == nil},
			{"duration", planDuration(b), formats.Duration(s) == nil},
			{"base64url", planBase64(b), formats.Base64(s) == nil},
		} {
			if c.got != c.want {
				t.Errorf("%s %q: plan says %v, the Set %v", c.name, s, c.got, c.want)
			}
		}
		// Without seconds is a superset.
		if formats.DateTimeString(s) == nil && !planDateTime(b, true) {
			t.Errorf("date-time %q: refused without-seconds", s)
		}
	})
}

func TestPlanDateTimeWithoutSeconds(t *testing.T) {
	for s, want := range map[string]bool{
		"2020-11-03T12:43Z": true, "2020-11-03T12:43+01:00": true, "2020-11-03t12:43z": true,
		"2020-11-03T12:43": false, "2020-11-03T12:43.5Z": false, "2020-11-03T24:43Z": false, "2020-11-03T12:4Z": false,
		"2020-11-03T12:43:14Z": true, "2020-11-03T12:43:61Z": false,
	} {
		if got := planDateTime([]byte(s), true); got != want {
			t.Errorf("%q: %v, want %v", s, got, want)
		}
	}
}

// planRefInteger is jsonschema's view: big.Rat, IsInt, the bounds.
func planRefInteger(raw string, k ValueKind) int {
	rat, ok := new(big.Rat).SetString(raw)
	if !ok || !rat.IsInt() {
		return intNotInteger
	}
	b := planIntBounds[k]
	if rat.Cmp(new(big.Rat).SetInt64(b.lo)) < 0 || rat.Cmp(new(big.Rat).SetInt64(b.hi)) > 0 {
		return intOutOfRange
	}
	return intOK
}

var planIntegerSeeds = []string{"0", "-0", "255", "256", "-129", "1.0", "1.5", "1e2", "1E+2", "1e-2", "100e-2", "0.0e5",
	"1e1000000", "1e1000001", "0e99999999999999999999", "9223372036854775807", "9223372036854775808",
	"-9223372036854775808", "-9223372036854775809", "12345678901234567890123", "1.00000000000000000000001",
	"10e-1000001", "1e-9223372036854775808", "0.1e-9223372036854775808", "9.223372036854775807e18", "-0.0e-0",
	"1e999999", "100e-1000002", "1000000e-1000006", "0.5e-999999"}

func TestPlanIntegerBig(t *testing.T) {
	for _, s := range planIntegerSeeds {
		for _, k := range []ValueKind{KindByte, KindSByte, KindInt16, KindInt32, KindInt64} {
			if got, want := planInteger([]byte(s), k), planRefInteger(s, k); got != want {
				t.Errorf("%q as %v: %d, want %d", s, k, got, want)
			}
		}
	}
}

func FuzzPlanInteger(f *testing.F) {
	for _, s := range planIntegerSeeds {
		if !strings.Contains(s, "e9") && !strings.Contains(s, "e1000") && !strings.Contains(s, "e-1000") {
			f.Add(s)
		}
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !planNumberLiteral([]byte(s)) {
			return
		}
		if json.Valid([]byte(s)) != true {
			t.Fatalf("%q: planNumberLiteral takes what json.Valid does not", s)
		}
		// Exponents of five digits and more make big.Rat slow; the limits
		// of a million are in TestPlanIntegerBig.
		if i := strings.IndexAny(s, "eE"); i >= 0 && len(strings.TrimLeft(s[i+1:], "+-0")) > 4 {
			return
		}
		for _, k := range []ValueKind{KindByte, KindSByte, KindInt16, KindInt32, KindInt64} {
			if got, want := planInteger([]byte(s), k), planRefInteger(s, k); got != want {
				t.Fatalf("%q as %v: %d, want %d", s, k, got, want)
			}
		}
	})
}

func TestPlanCount(t *testing.T) {
	for _, s := range []string{"0", "-0", "12", "9223372036854775807", "9223372036854775808", "-9223372036854775808",
		"-9223372036854775809", "1.0", "1e2", "99999999999999999999"} {
		_, err := parseInt(s)
		if got := planCount([]byte(s)); got != (err == nil) {
			t.Errorf("%q: %v", s, got)
		}
	}
}

func parseInt(s string) (int64, error) {
	var n json.Number = json.Number(s)
	return n.Int64()
}

func TestPlanFlagsGeneral(t *testing.T) {
	ms := []string{"a b", "c,d", "a"}
	for s, want := range map[string]bool{
		"a b": true, "c,d": true, "a": true, " a b , c,d ": true, "a,a b": true, "a b,": false, "": false,
		"a  b": false, "c": false, "a,c,d,a": true, " ": false,
	} {
		if got := planFlagsGeneral([]byte(s), ms); got != want {
			t.Errorf("%q: %v, want %v", s, got, want)
		}
	}
	for s, want := range map[string]bool{"": true, " , ": true, ",": true, "x": false} {
		if got := planFlagsGeneral([]byte(s), nil); got != want {
			t.Errorf("empty enum %q: %v, want %v", s, got, want)
		}
	}
}
