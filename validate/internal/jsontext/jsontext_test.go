package jsontext

import (
	"encoding/json"
	"strings"
	"testing"
)

func TestWriteString(t *testing.T) {
	for _, s := range []string{"", "plain", `q"uote`, `back\slash`, "line\nfeed\r\t\b\f", "\x00\x01\x1f", "unicode é ☃", "<&>"} {
		var b strings.Builder
		WriteString(&b, s)
		var back string
		if err := json.Unmarshal([]byte(b.String()), &back); err != nil || back != s {
			t.Errorf("%q: wrote %s, which reads back as %q (%v)", s, b.String(), back, err)
		}
		if strings.Contains(b.String(), `\u003c`) {
			t.Errorf("%q: escaped more than RFC 8259 requires: %s", s, b.String())
		}
	}
}
