package edm

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"
	"time"
)

func TestParseDate(t *testing.T) {
	tests := []struct {
		in      string
		want    Date
		wantStr string // String() of the result; "" means in
		wantErr string // part of the error; "" means no error
	}{
		{in: "2024-02-29", want: Date{2024, 2, 29}},
		{in: "2023-12-31", want: Date{2023, 12, 31}},
		{in: "0001-01-01", want: Date{1, 1, 1}},
		{in: "0000-02-29", want: Date{0, 2, 29}}, // year 0 is a leap year
		{in: "-0044-03-15", want: Date{-44, 3, 15}},
		{in: "-0000-01-01", want: Date{0, 1, 1}, wantStr: "0000-01-01"},
		{in: "12345-06-07", want: Date{12345, 6, 7}},
		{in: "2000-02-29", want: Date{2000, 2, 29}},
		{in: "123456789-01-01", want: Date{123456789, 1, 1}},
		{in: "1234567890-01-01", wantErr: "more than 9 digits"},
		{in: "1900-02-29", wantErr: "day 29 out of range"},
		{in: "2023-02-29", wantErr: "day 29 out of range"},
		{in: "2024-04-31", wantErr: "day 31 out of range"},
		{in: "2024-00-10", wantErr: "month 00 out of range"},
		{in: "2024-13-10", wantErr: "month 13 out of range"},
		{in: "2024-01-00", wantErr: "day 00 out of range"},
		{in: "01234-01-01", wantErr: "cannot start with 0"},
		{in: "999-01-01", wantErr: "at least 4 digits"},
		{in: "", wantErr: "want a year at offset 0"},
		{in: "-", wantErr: "want a year at offset 1"},
		{in: "+2024-01-01", wantErr: "want a year"},
		{in: "2024-1-01", wantErr: "want -MM at offset 4"},
		{in: "2024/01/01", wantErr: "want -MM at offset 4"},
		{in: "2024-01-1", wantErr: "want -DD at offset 7"},
		{in: "2024-01-01T00:00:00Z", wantErr: "unexpected text at offset 10"},
		{in: "2024-01-01 ", wantErr: "unexpected text at offset 10"},
		{in: " 2024-01-01", wantErr: "want a year"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := ParseDate(tt.in)
			if tt.wantErr != "" {
				checkParseError(t, err, "Edm.Date", tt.in, tt.wantErr)
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got != tt.want {
				t.Fatalf("got %+v, want %+v", got, tt.want)
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

// checkParseError checks that err is a *ParseError for typ and in whose
// message names the input and contains reason.
func checkParseError(t *testing.T, err error, typ, in, reason string) {
	t.Helper()
	var pe *ParseError
	if !errors.As(err, &pe) {
		t.Fatalf("err = %v (%T), want a *ParseError", err, err)
	}
	if pe.Type != typ || pe.Input != in {
		t.Errorf("ParseError{Type: %q, Input: %q}, want %q, %q", pe.Type, pe.Input, typ, in)
	}
	msg := err.Error()
	if !strings.Contains(msg, reason) || !strings.Contains(msg, typ) {
		t.Errorf("error %q does not contain %q and %q", msg, reason, typ)
	}
	if len(in) <= 64 && !strings.Contains(msg, strings.Trim(strconvQuote(in), `"`)) {
		t.Errorf("error %q does not name the input %q", msg, in)
	}
}

func strconvQuote(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

func TestParseErrorShortensLongInput(t *testing.T) {
	in := strings.Repeat("9", 200)
	_, err := ParseDate(in)
	if err == nil {
		t.Fatal("no error")
	}
	if len(err.Error()) > 150 {
		t.Fatalf("message is %d bytes long: %s", len(err.Error()), err)
	}
	var pe *ParseError
	if !errors.As(err, &pe) || pe.Input != in {
		t.Fatal("ParseError.Input does not keep the whole input")
	}
}

func TestDateMethods(t *testing.T) {
	d := Date{2024, 3, 10}
	loc := time.FixedZone("X", 5*3600)
	if got := d.Time(loc); !got.Equal(time.Date(2024, 3, 10, 0, 0, 0, 0, loc)) || got.Location() != loc {
		t.Errorf("Time(loc) = %v", got)
	}
	if got := d.Time(nil); !got.Equal(time.Date(2024, 3, 10, 0, 0, 0, 0, time.UTC)) {
		t.Errorf("Time(nil) = %v", got)
	}
	if got := d.At(TimeOfDay{13, 4, 5, 6}, time.UTC); !got.Equal(time.Date(2024, 3, 10, 13, 4, 5, 6, time.UTC)) {
		t.Errorf("At = %v", got)
	}
	// DateOf uses the time's own location.
	instant := time.Date(2024, 3, 10, 23, 30, 0, 0, time.UTC)
	if got := DateOf(instant); got != d {
		t.Errorf("DateOf(UTC) = %v", got)
	}
	if got := DateOf(instant.In(loc)); got != (Date{2024, 3, 11}) {
		t.Errorf("DateOf(+05:00) = %v", got)
	}
	if DateOf(d.Time(loc)) != d {
		t.Error("DateOf(d.Time(loc)) != d")
	}

	cmp := []struct {
		a, b Date
		want int
	}{
		{Date{2024, 3, 10}, Date{2024, 3, 10}, 0},
		{Date{2024, 3, 10}, Date{2024, 3, 11}, -1},
		{Date{2024, 4, 1}, Date{2024, 3, 31}, 1},
		{Date{-1, 12, 31}, Date{0, 1, 1}, -1},
		{Date{2025, 1, 1}, Date{2024, 12, 31}, 1},
	}
	for _, c := range cmp {
		if got := c.a.Compare(c.b); got != c.want {
			t.Errorf("%v.Compare(%v) = %d, want %d", c.a, c.b, got, c.want)
		}
		if got := c.b.Compare(c.a); got != -c.want {
			t.Errorf("%v.Compare(%v) = %d, want %d", c.b, c.a, got, -c.want)
		}
	}

	valid := []struct {
		d     Date
		valid bool
	}{
		{Date{}, false},
		{Date{2024, 2, 29}, true},
		{Date{2023, 2, 29}, false},
		{Date{2024, 0, 1}, false},
		{Date{2024, 13, 1}, false},
		{Date{2024, 1, 0}, false},
		{Date{2024, 1, 32}, false},
		{Date{-4, 2, 29}, true},
	}
	for _, v := range valid {
		if got := v.d.IsValid(); got != v.valid {
			t.Errorf("%+v.IsValid() = %v", v.d, got)
		}
	}
	if !(Date{}).IsZero() || d.IsZero() {
		t.Error("IsZero is wrong")
	}
	if s := (Date{}).String(); s != "0000-00-00" {
		t.Errorf("zero String() = %q", s)
	}
}

func TestDateJSON(t *testing.T) {
	type holder struct {
		D  Date  `json:"d"`
		P  *Date `json:"p,omitempty"`
		DS []Date
	}
	in := holder{D: Date{2024, 1, 2}, P: &Date{-5, 12, 31}, DS: []Date{{1, 1, 1}}}
	b, err := json.Marshal(in)
	if err != nil {
		t.Fatal(err)
	}
	if want := `{"d":"2024-01-02","p":"-0005-12-31","DS":["0001-01-01"]}`; string(b) != want {
		t.Fatalf("got %s, want %s", b, want)
	}
	var back holder
	if err := json.Unmarshal(b, &back); err != nil {
		t.Fatal(err)
	}
	if back.D != in.D || *back.P != *in.P || back.DS[0] != in.DS[0] {
		t.Fatalf("round trip gave %+v", back)
	}
	if _, err := json.Marshal(holder{}); err == nil || !strings.Contains(err.Error(), "not a valid Edm.Date") {
		t.Fatalf("marshalling the zero Date: err = %v", err)
	}
	err = json.Unmarshal([]byte(`{"d":"2024-02-30"}`), &back)
	if err == nil || !strings.Contains(err.Error(), `"2024-02-30"`) {
		t.Fatalf("bad date in JSON: err = %v", err)
	}
}

func TestParseTimeOfDay(t *testing.T) {
	tests := []struct {
		in      string
		want    TimeOfDay
		wantStr string
		wantErr string
	}{
		{in: "00:00", want: TimeOfDay{}, wantStr: "00:00:00"},
		{in: "12:15", want: TimeOfDay{12, 15, 0, 0}, wantStr: "12:15:00"},
		{in: "23:59:59", want: TimeOfDay{23, 59, 59, 0}},
		{in: "23:59:60", want: TimeOfDay{23, 59, 60, 0}},
		{in: "12:15:03.123", want: TimeOfDay{12, 15, 3, 123000000}},
		{in: "12:15:03.1230", want: TimeOfDay{12, 15, 3, 123000000}, wantStr: "12:15:03.123"},
		{in: "08:00:00.0000000", want: TimeOfDay{8, 0, 0, 0}, wantStr: "08:00:00"},
		{in: "01:02:03.000000001", want: TimeOfDay{1, 2, 3, 1}},
		{in: "01:02:03.999999999999", want: TimeOfDay{1, 2, 3, 999999999}, wantStr: "01:02:03.999999999"},
		{in: "01:02:03.0000000019", want: TimeOfDay{1, 2, 3, 1}, wantStr: "01:02:03.000000001"},
		{in: "01:02:03.1234567890123", wantErr: "more than 12 fractional digits"},
		{in: "01:02:03.", wantErr: "want digits after '.' at offset 8"},
		{in: "24:00", wantErr: "hour 24 out of range"},
		{in: "23:60", wantErr: "minute 60 out of range"},
		{in: "23:59:61", wantErr: "second 61 out of range"},
		{in: "1:02", wantErr: "want hh at offset 0"},
		{in: "", wantErr: "want hh at offset 0"},
		{in: "12", wantErr: "want :mm at offset 2"},
		{in: "12:3", wantErr: "want :mm at offset 2"},
		{in: "12:30:", wantErr: "want :ss at offset 5"},
		{in: "12:30:1", wantErr: "want :ss at offset 5"},
		{in: "12:30.5", wantErr: "want :ss at offset 5"},
		{in: "12:30:00Z", wantErr: "unexpected text at offset 8"},
		{in: "12:30:00+01:00", wantErr: "unexpected text at offset 8"},
		{in: "12:30:00.5x", wantErr: "unexpected text at offset 10"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := ParseTimeOfDay(tt.in)
			if tt.wantErr != "" {
				checkParseError(t, err, "Edm.TimeOfDay", tt.in, tt.wantErr)
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got != tt.want {
				t.Fatalf("got %+v, want %+v", got, tt.want)
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

func TestTimeOfDayMethods(t *testing.T) {
	loc := time.FixedZone("X", -3*3600)
	instant := time.Date(2024, 5, 6, 1, 2, 3, 4, time.UTC)
	if got := TimeOfDayOf(instant); got != (TimeOfDay{1, 2, 3, 4}) {
		t.Errorf("TimeOfDayOf = %+v", got)
	}
	if got := TimeOfDayOf(instant.In(loc)); got != (TimeOfDay{22, 2, 3, 4}) {
		t.Errorf("TimeOfDayOf in -03:00 = %+v", got)
	}
	cmp := []struct {
		a, b TimeOfDay
		want int
	}{
		{TimeOfDay{1, 2, 3, 4}, TimeOfDay{1, 2, 3, 4}, 0},
		{TimeOfDay{1, 2, 3, 4}, TimeOfDay{1, 2, 3, 5}, -1},
		{TimeOfDay{1, 2, 4, 0}, TimeOfDay{1, 2, 3, 999}, 1},
		{TimeOfDay{1, 3, 0, 0}, TimeOfDay{1, 2, 59, 0}, 1},
		{TimeOfDay{0, 59, 0, 0}, TimeOfDay{1, 0, 0, 0}, -1},
	}
	for _, c := range cmp {
		if got := c.a.Compare(c.b); got != c.want {
			t.Errorf("%v.Compare(%v) = %d, want %d", c.a, c.b, got, c.want)
		}
	}
	invalid := []TimeOfDay{{-1, 0, 0, 0}, {24, 0, 0, 0}, {0, 60, 0, 0}, {0, 0, 61, 0}, {0, 0, 0, 1_000_000_000}, {0, 0, 0, -1}}
	for _, v := range invalid {
		if v.IsValid() {
			t.Errorf("%+v.IsValid() = true", v)
		}
		if _, err := v.MarshalText(); err == nil {
			t.Errorf("%+v.MarshalText() did not fail", v)
		}
	}
	b, err := json.Marshal([]TimeOfDay{{}, {9, 30, 0, 500_000_000}})
	if err != nil || string(b) != `["00:00:00","09:30:00.5"]` {
		t.Fatalf("json.Marshal = %s, %v", b, err)
	}
	var back []TimeOfDay
	if err := json.Unmarshal(b, &back); err != nil || back[1] != (TimeOfDay{9, 30, 0, 500_000_000}) {
		t.Fatalf("json.Unmarshal = %+v, %v", back, err)
	}
}

func FuzzParseDate(f *testing.F) {
	for _, s := range []string{"2024-02-29", "-0044-03-15", "12345-06-07", "0000-01-01", "-0000-01-01", "2023-02-29", "x"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := ParseDate(s)
		if err != nil {
			return
		}
		if !d.IsValid() {
			t.Fatalf("ParseDate(%q) = %+v, not valid", s, d)
		}
		out := d.String()
		d2, err := ParseDate(out)
		if err != nil {
			t.Fatalf("ParseDate(%q) (from %q): %v", out, s, err)
		}
		if d2 != d {
			t.Fatalf("%q -> %+v -> %q -> %+v", s, d, out, d2)
		}
		if DateOf(d.Time(time.UTC)) != d {
			t.Fatalf("DateOf(Time(%+v)) = %+v", d, DateOf(d.Time(time.UTC)))
		}
	})
}

func FuzzParseTimeOfDay(f *testing.F) {
	for _, s := range []string{"00:00", "23:59:60", "12:15:03.123456789012", "12:15:03.1", "x"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		v, err := ParseTimeOfDay(s)
		if err != nil {
			return
		}
		if !v.IsValid() {
			t.Fatalf("ParseTimeOfDay(%q) = %+v, not valid", s, v)
		}
		out := v.String()
		v2, err := ParseTimeOfDay(out)
		if err != nil {
			t.Fatalf("ParseTimeOfDay(%q) (from %q): %v", out, s, err)
		}
		if v2 != v {
			t.Fatalf("%q -> %+v -> %q -> %+v", s, v, out, v2)
		}
	})
}
