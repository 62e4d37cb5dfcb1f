package edm

import (
	"bytes"
	"encoding/json"
	"testing"
)

func TestParseBinary(t *testing.T) {
	tests := []struct {
		in      string
		want    []byte
		wantErr string
	}{
		{in: "", want: []byte{}},
		{in: "QQ==", want: []byte("A")},
		{in: "QQ", want: []byte("A")},
		{in: "QUI=", want: []byte("AB")},
		{in: "QUI", want: []byte("AB")},
		{in: "QUJD", want: []byte("ABC")},
		{in: "-_8", want: []byte{0xfb, 0xff}},
		{in: "-_8=", want: []byte{0xfb, 0xff}},
		{in: "+/8", want: []byte{0xfb, 0xff}},
		{in: "+/8=", want: []byte{0xfb, 0xff}},
		{in: "+_8=", wantErr: "mixes the base64url (-_) and standard (+/) alphabets"},
		{in: "QQ=", wantErr: "wrong padding"},
		{in: "QUJD====", wantErr: "wrong padding"},
		{in: "QUJDR===", wantErr: "wrong padding"},
		{in: "=", wantErr: "wrong padding"},
		{in: "Q", wantErr: "length 1 is not valid base64"},
		{in: "QUJDR", wantErr: "length 5 is not valid base64"},
		{in: "QQ=A", wantErr: `unexpected '=' at offset 2`},
		{in: "QU JD", wantErr: `unexpected ' ' at offset 2`},
		{in: "QUJD\nQUJD", wantErr: `unexpected '\n' at offset 4`},
		{in: "QUJD\r", wantErr: `unexpected '\r' at offset 4`},
		{in: "QU.D", wantErr: `unexpected '.' at offset 2`},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := ParseBinary(tt.in)
			if tt.wantErr != "" {
				checkParseError(t, err, "Edm.Binary", tt.in, tt.wantErr)
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(got, tt.want) {
				t.Fatalf("got %x, want %x", got, tt.want)
			}
		})
	}
}

func TestBinaryJSON(t *testing.T) {
	tests := []struct {
		b    Binary
		want string
	}{
		{nil, `""`},
		{Binary{}, `""`},
		{Binary("A"), `"QQ=="`},
		{Binary{0xfb, 0xff}, `"-_8="`},
		{Binary{0xfb, 0xef, 0xbe}, `"----"`},
	}
	for _, tt := range tests {
		b, err := json.Marshal(tt.b)
		if err != nil || string(b) != tt.want {
			t.Errorf("Marshal(%x) = %s, %v; want %s", []byte(tt.b), b, err, tt.want)
			continue
		}
		if s := tt.b.String(); `"`+s+`"` != tt.want {
			t.Errorf("String() = %q", s)
		}
		var back Binary
		if err := json.Unmarshal(b, &back); err != nil || !bytes.Equal(back, tt.b) {
			t.Errorf("Unmarshal(%s) = %x, %v", b, []byte(back), err)
		}
	}
	var n struct {
		B Nullable[Binary] `json:"b,omitzero"`
	}
	if err := json.Unmarshal([]byte(`{"b":"+/8"}`), &n); err != nil {
		t.Fatal(err)
	}
	if v, _ := Get(n.B); !bytes.Equal(v, []byte{0xfb, 0xff}) {
		t.Fatalf("std base64 in JSON gave %x", []byte(v))
	}
	if err := json.Unmarshal([]byte(`{"b":"a b"}`), &n); err == nil {
		t.Fatal("bad base64 decoded without error")
	}
}

func FuzzParseBinary(f *testing.F) {
	for _, s := range []string{"", "QQ==", "-_8", "+/8=", "QUJD", "Q"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		b, err := ParseBinary(s)
		if err != nil {
			return
		}
		out := b.String()
		b2, err := ParseBinary(out)
		if err != nil || !bytes.Equal(b, b2) {
			t.Fatalf("%q -> %x -> %q -> %x, %v", s, []byte(b), out, []byte(b2), err)
		}
	})
}
