package edm

import (
	"encoding/json"
	"math"
	"reflect"
	"testing"
	"time"
)

func TestParseDuration(t *testing.T) {
	const day = 24 * time.Hour
	tests := []struct {
		in      string
		want    time.Duration
		wantStr string // String() of the result; "" means in
		wantErr string
	}{
		{in: "PT0S", want: 0},
		{in: "P0D", want: 0, wantStr: "PT0S"},
		{in: "-PT0S", want: 0, wantStr: "PT0S"},
		{in: "P1D", want: day},
		{in: "PT1H", want: time.Hour},
		{in: "PT1M", want: time.Minute},
		{in: "PT1S", want: time.Second},
		{in: "P1DT2H", want: day + 2*time.Hour},
		{in: "PT26H", want: day + 2*time.Hour, wantStr: "P1DT2H"},
		{in: "PT90M", want: 90 * time.Minute, wantStr: "PT1H30M"},
		{in: "PT0.5S", want: 500 * time.Millisecond},
		{in: "PT12.123S", want: 12*time.Second + 123*time.Millisecond},
		{in: "PT12H59M10S", want: 12*time.Hour + 59*time.Minute + 10*time.Second},
		{in: "P3DT4H5M6.000000007S", want: 3*day + 4*time.Hour + 5*time.Minute + 6*time.Second + 7},
		{in: "P1DT1S", want: day + time.Second},
		{in: "P1DT1M", want: day + time.Minute},
		{in: "-P1DT2H", want: -(day + 2*time.Hour)},
		{in: "+PT1S", want: time.Second, wantStr: "PT1S"},
		{in: "PT1.5000S", want: 1500 * time.Millisecond, wantStr: "PT1.5S"},
		{in: "PT0.0000000001S", want: 0, wantStr: "PT0S"},
		{in: "PT0.0000000019S", want: 1, wantStr: "PT0.000000001S"},
		{in: "PT3600S", want: time.Hour, wantStr: "PT1H"},
		{in: "P0000000000000000000000001D", want: day, wantStr: "P1D"},
		{in: "PT9223372036.854775807S", want: math.MaxInt64, wantStr: "P106751DT23H47M16.854775807S"},
		{in: "-PT9223372036.854775808S", want: math.MinInt64, wantStr: "-P106751DT23H47M16.854775808S"},
		{in: "PT9223372036.854775808S", wantErr: "out of range"},
		{in: "-PT9223372036.854775809S", wantErr: "out of range"},
		{in: "P106752D", wantErr: "out of range"},
		{in: "P106751DT24H", wantErr: "out of range"},
		{in: "PT99999999999999999999999H", wantErr: "out of range"},
		{in: "P106751DT23H47M17S", wantErr: "out of range"},
		{in: "P", wantErr: "want at least one component"},
		{in: "-P", wantErr: "want at least one component"},
		{in: "PT", wantErr: "want nH, nM or nS after 'T' at offset 1"},
		{in: "P1DT", wantErr: "want nH, nM or nS after 'T' at offset 3"},
		{in: "P1Y", wantErr: "OData durations have no years or months"},
		{in: "P1M", wantErr: "OData durations have no years or months"},
		{in: "P1Y2M3DT4H", wantErr: "OData durations have no years or months"},
		{in: "P1W", wantErr: `unexpected 'W' at offset 2`},
		{in: "", wantErr: "want 'P' at offset 0"},
		{in: "-", wantErr: "want 'P' at offset 1"},
		{in: "1D", wantErr: "want 'P' at offset 0"},
		{in: "p1d", wantErr: "want 'P' at offset 0"},
		{in: "P1d", wantErr: `unexpected 'd' at offset 2`},
		{in: "PT1H1H", wantErr: "H at offset 5 is repeated or out of order"},
		{in: "PT1M1H", wantErr: "H at offset 5 is repeated or out of order"},
		{in: "PT1S1M", wantErr: "M at offset 5 is repeated or out of order"},
		{in: "P1D1D", wantErr: "D at offset 4 is repeated or out of order"},
		{in: "PT1D", wantErr: "days (D) must come before 'T'"},
		{in: "P1H", wantErr: "H needs a 'T' before it"},
		{in: "P1S", wantErr: "S needs a 'T' before it"},
		{in: "PTT1H", wantErr: "second 'T' at offset 2"},
		{in: "PT1HT1M", wantErr: "second 'T' at offset 4"},
		{in: "PT1.5H", wantErr: "only seconds may have a fraction"},
		{in: "P1.5D", wantErr: "only seconds may have a fraction"},
		{in: "PT1.S", wantErr: "want digits after '.' at offset 3"},
		{in: "PT.5S", wantErr: "want a number at offset 2"},
		{in: "PTS", wantErr: "want a number at offset 2"},
		{in: "PT1", wantErr: "number at offset 2 lacks a designator"},
		{in: "PT1.5", wantErr: "number at offset 2 lacks a designator"},
		{in: "PT-1S", wantErr: "want a number at offset 2"},
		{in: "PT1S ", wantErr: "want a number at offset 4"},
		{in: " PT1S", wantErr: "want 'P' at offset 0"},
		{in: "--PT1S", wantErr: "want 'P' at offset 1"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := ParseDuration(tt.in)
			if tt.wantErr != "" {
				checkParseError(t, err, "Edm.Duration", tt.in, tt.wantErr)
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if time.Duration(got) != tt.want {
				t.Fatalf("got %v, want %v", time.Duration(got), tt.want)
			}
			wantStr := tt.wantStr
			if wantStr == "" {
				wantStr = tt.in
			}
			if s := got.String(); s != wantStr {
				t.Fatalf("String() = %q, want %q", s, wantStr)
			}
		})
	}
}

func TestDurationString(t *testing.T) {
	tests := []struct {
		d    time.Duration
		want string
	}{
		{0, "PT0S"},
		{1, "PT0.000000001S"},
		{-1, "-PT0.000000001S"},
		{time.Millisecond, "PT0.001S"},
		{59 * time.Second, "PT59S"},
		{61 * time.Second, "PT1M1S"},
		{24 * time.Hour, "P1D"},
		{48*time.Hour + time.Second, "P2DT1S"},
		{-36 * time.Hour, "-P1DT12H"},
		{math.MinInt64, "-P106751DT23H47M16.854775808S"},
	}
	for _, tt := range tests {
		if got := Duration(tt.d).String(); got != tt.want {
			t.Errorf("Duration(%v).String() = %q, want %q", tt.d, got, tt.want)
		}
	}
}

func TestDurationJSON(t *testing.T) {
	type holder struct {
		D Duration           `json:"d"`
		N Nullable[Duration] `json:"n,omitzero"`
	}
	in := holder{D: Duration(90 * time.Minute), N: Value(Duration(-time.Second))}
	b, err := json.Marshal(in)
	if err != nil {
		t.Fatal(err)
	}
	if want := `{"d":"PT1H30M","n":"-PT1S"}`; string(b) != want {
		t.Fatalf("got %s, want %s", b, want)
	}
	var back holder
	if err := json.Unmarshal(b, &back); err != nil || !reflect.DeepEqual(back, in) {
		t.Fatalf("round trip: %+v, %v", back, err)
	}
	if err := json.Unmarshal([]byte(`{"d":"P1Y"}`), &back); err == nil {
		t.Fatal("P1Y decoded without error")
	}
}

func FuzzParseDuration(f *testing.F) {
	for _, s := range []string{"PT0S", "P1DT2H3M4.5S", "-PT9223372036.854775808S", "P1Y", "PT", "+P0D", "PT0.0000000001S"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := ParseDuration(s)
		if err != nil {
			return
		}
		out := d.String()
		d2, err := ParseDuration(out)
		if err != nil {
			t.Fatalf("ParseDuration(%q) (from %q): %v", out, s, err)
		}
		if d2 != d {
			t.Fatalf("%q -> %d -> %q -> %d", s, d, out, d2)
		}
		if out2 := d2.String(); out2 != out {
			t.Fatalf("String is not canonical: %q then %q", out, out2)
		}
	})
}
