package edm

import "strings"

// SplitFlags splits the JSON form of a flags enum value, the member names
// joined by commas ("read,write"), into its names. Spaces around names are
// trimmed and empty names dropped, so "read, write," gives [read write]. It
// returns nil when there is no name.
func SplitFlags(s string) []string {
	var names []string
	for part := range strings.SplitSeq(s, ",") {
		if part = strings.TrimSpace(part); part != "" {
			names = append(names, part)
		}
	}
	return names
}

// JoinFlags joins member names into the JSON form of a flags enum value:
// comma-separated without spaces. Spaces around names are trimmed and empty
// names dropped, so JoinFlags(SplitFlags(s)) is the canonical form of s.
func JoinFlags(names []string) string {
	var b strings.Builder
	for _, n := range names {
		if n = strings.TrimSpace(n); n == "" {
			continue
		}
		if b.Len() > 0 {
			b.WriteByte(',')
		}
		b.WriteString(n)
	}
	return b.String()
}
