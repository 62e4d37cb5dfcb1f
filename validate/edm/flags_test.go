package edm

import (
	"slices"
	"testing"
)

func TestSplitFlags(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"", nil},
		{" , ,", nil},
		{"read", []string{"read"}},
		{"read,write", []string{"read", "write"}},
		{" read , write ,", []string{"read", "write"}},
		{"a,,b", []string{"a", "b"}},
		{"a,a", []string{"a", "a"}},
	}
	for _, tt := range tests {
		if got := SplitFlags(tt.in); !slices.Equal(got, tt.want) || (got == nil) != (tt.want == nil) {
			t.Errorf("SplitFlags(%q) = %#v, want %#v", tt.in, got, tt.want)
		}
	}
}

func TestJoinFlags(t *testing.T) {
	tests := []struct {
		in   []string
		want string
	}{
		{nil, ""},
		{[]string{"read"}, "read"},
		{[]string{"read", "write"}, "read,write"},
		{[]string{" read ", "", "write"}, "read,write"},
		{[]string{"", " "}, ""},
	}
	for _, tt := range tests {
		if got := JoinFlags(tt.in); got != tt.want {
			t.Errorf("JoinFlags(%q) = %q, want %q", tt.in, got, tt.want)
		}
		if got := JoinFlags(SplitFlags(tt.want)); got != tt.want {
			t.Errorf("JoinFlags(SplitFlags(%q)) = %q", tt.want, got)
		}
	}
}
