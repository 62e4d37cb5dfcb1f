package edm

import (
	"encoding/base64"
	"strings"
)

// Binary is an Edm.Binary value: raw bytes.
//
// OData JSON writes a binary value as a string that matches the ABNF rule
// binaryValue: base64url (RFC 4648 section 5, alphabet "A-Za-z0-9-_") in
// which the trailing "=" padding is optional. MarshalText writes base64url
// with padding, which every base64url decoder accepts. UnmarshalText is
// lenient about what real services send: padded or unpadded, in the
// base64url alphabet or in the standard one ("+/", as ODataLib-based
// services such as Microsoft Graph write it), but not both alphabets in one
// value, and no whitespace or line breaks.
//
// A nil Binary marshals as "" (use Nullable[Binary] for null).
type Binary []byte

// ParseBinary decodes a binary value from the text forms described at
// [Binary].
func ParseBinary(s string) (Binary, error) {
	const typ = "Edm.Binary"
	url, std := false, false
	body := strings.TrimRight(s, "=")
	for i := 0; i < len(body); i++ {
		switch c := body[i]; {
		case 'A' <= c && c <= 'Z', 'a' <= c && c <= 'z', '0' <= c && c <= '9':
		case c == '-' || c == '_':
			url = true
		case c == '+' || c == '/':
			std = true
		default:
			return nil, parseErr(typ, s, "unexpected %q at offset %d", c, i)
		}
	}
	if url && std {
		return nil, parseErr(typ, s, "mixes the base64url (-_) and standard (+/) alphabets")
	}
	pad := len(s) - len(body)
	if pad > 0 && (pad > 2 || len(s)%4 != 0) {
		return nil, parseErr(typ, s, "wrong padding")
	}
	enc := base64.RawURLEncoding
	if std {
		enc = base64.RawStdEncoding
	}
	out := make([]byte, enc.DecodedLen(len(body)))
	n, err := enc.Decode(out, []byte(body))
	if err != nil {
		return nil, parseErr(typ, s, "length %d is not valid base64", len(body))
	}
	return Binary(out[:n]), nil
}

// String returns b in base64url with padding, the form MarshalText writes.
func (b Binary) String() string {
	return base64.URLEncoding.EncodeToString(b)
}

// MarshalText returns b in base64url with padding.
func (b Binary) MarshalText() ([]byte, error) {
	out := make([]byte, base64.URLEncoding.EncodedLen(len(b)))
	base64.URLEncoding.Encode(out, b)
	return out, nil
}

// UnmarshalText decodes base64url or standard base64, padded or not (see
// [Binary]).
func (b *Binary) UnmarshalText(text []byte) error {
	v, err := ParseBinary(string(text))
	if err != nil {
		return err
	}
	*b = v
	return nil
}
