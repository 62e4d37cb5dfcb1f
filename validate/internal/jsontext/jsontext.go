// Package jsontext holds the small pieces of JSON text handling that the
// query packages share (validate/filter prints JSON operands, validate/query
// prints parameter alias values), so that they are written once.
package jsontext

import "strings"

// WriteString writes v to b as a JSON string, escaping only what RFC 8259
// requires: the quote, the backslash and control characters (\n, \r, \t,
// \b, \f by name, the others as \u00XX).
func WriteString(b *strings.Builder, v string) {
	const hex = "0123456789abcdef"
	b.WriteByte('"')
	start := 0
	for i := 0; i < len(v); i++ {
		c := v[i]
		if c >= 0x20 && c != '"' && c != '\\' {
			continue
		}
		b.WriteString(v[start:i])
		switch c {
		case '"', '\\':
			b.WriteByte('\\')
			b.WriteByte(c)
		case '\n':
			b.WriteString(`\n`)
		case '\r':
			b.WriteString(`\r`)
		case '\t':
			b.WriteString(`\t`)
		case '\b':
			b.WriteString(`\b`)
		case '\f':
			b.WriteString(`\f`)
		default:
			b.WriteString(`\u00`)
			b.WriteByte(hex[c>>4])
			b.WriteByte(hex[c&0xf])
		}
		start = i + 1
	}
	b.WriteString(v[start:])
	b.WriteByte('"')
}
