package formats

import "testing"

func TestFormats(t *testing.T) {
	for _, tt := range []struct {
		check func(string) error
		name  string
		good  []string
		bad   []string
	}{
		{TimeOfDay, "time-of-day",
			[]string{"00:00", "23:59", "12:30:15", "12:30:15.1234567", "23:59:59.000000000001"},
			[]string{"", "24:00", "12:60", "1:30", "12:30:", "12:30:15.", "12:30:15Z", "12:30:15+01:00", "12-30", "12:30:61"}},
		{Duration, "duration",
			[]string{"P1D", "PT1H", "PT1H30M", "-P1DT2H3M4.5S", "PT0.5S", "P0D", "P1Y2M3W4D", "PT36H"},
			[]string{"", "P", "PT", "1D", "P1H", "PT1D", "P1DT", "PT1.S", "PT.5S", "PT1.5H", "P1D1D", "PT1S1M", "+P1D", "P-1D"}},
		{Base64, "base64url",
			[]string{"", "AQID", "_-8", "_-8=", "+/8=", "aGVsbG8"},
			[]string{"!!", "a", "AQID*"}},
	} {
		for _, s := range tt.good {
			if err := tt.check(s); err != nil {
				t.Errorf("%s %q: %v", tt.name, s, err)
			}
		}
		for _, s := range tt.bad {
			if tt.check(s) == nil {
				t.Errorf("%s %q: accepted", tt.name, s)
			}
		}
	}
}

func FuzzFormats(f *testing.F) {
	for _, s := range []string{"PT1H", "-P1DT2.5S", "12:30:15.5", "AQID"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		_ = Duration(s)
		_ = TimeOfDay(s)
		_ = Base64(s)
	})
}

func TestDateTimeDigitsOnly(t *testing.T) {
	for _, s := range []string{"2020-01-01T+1:+2:-0Z", "2020-01-01T12:00:-0Z", "2020-01-01T12:00:00+-1:00", "2020-11-03 12:43:14Z"} {
		if DateTimeString(s) == nil {
			t.Errorf("%q accepted", s)
		}
	}
	for _, s := range []string{"2020-11-03T12:43:14Z", "2020-11-03t12:43:14.5z", "2016-12-31T23:59:60Z", "2020-11-03T12:43:14-07:00"} {
		if err := DateTimeString(s); err != nil {
			t.Errorf("%q: %v", s, err)
		}
	}
}
