// Package report holds what validate's Plan and validate/schemaset's Set
// share to word and order the problems they report, so that the two say
// the same thing the same way: quoting of found values, the simple name of
// a type, and the order of Error.Problems.
package report

import (
	"cmp"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/odatagen/odatagen/validate/internal/jsonvalue"
)

// MaxQuoted is the number of characters of a found value that a message
// quotes; longer values are cut and end with "…".
const MaxQuoted = 64

// Clip cuts s to MaxQuoted characters.
func Clip(s string) string {
	if utf8.RuneCountInString(s) <= MaxQuoted {
		return s
	}
	r := []rune(s)
	return string(r[:MaxQuoted]) + "…"
}

// Quote quotes s as Go does, cut to MaxQuoted characters.
func Quote(s string) string {
	if utf8.RuneCountInString(s) <= MaxQuoted {
		return strconv.Quote(s)
	}
	r := []rune(s)
	return strconv.Quote(string(r[:MaxQuoted])) + "…"
}

// SimpleName returns the part of a qualified name after the last dot.
func SimpleName(q string) string {
	if i := strings.LastIndexByte(q, '.'); i >= 0 {
		return q[i+1:]
	}
	return q
}

// Key is what problems are ordered by: their pointer, kind and message.
type Key struct {
	Pointer string
	Kind    int
	Message string
}

// Sort orders problems as Error.Problems are (by pointer, array indexes
// in numeric order, then by kind, then by message; stable) and drops the
// repeats of a problem (the same pointer and message). key takes a copy,
// not a pointer, so that the problems compared do not escape to the heap.
func Sort[P any](ps []P, key func(P) Key) []P {
	slices.SortStableFunc(ps, func(a, b P) int {
		ka, kb := key(a), key(b)
		if c := jsonvalue.ComparePointers(ka.Pointer, kb.Pointer); c != 0 {
			return c
		}
		if c := cmp.Compare(ka.Kind, kb.Kind); c != 0 {
			return c
		}
		return strings.Compare(ka.Message, kb.Message)
	})
	return slices.CompactFunc(ps, func(a, b P) bool {
		ka, kb := key(a), key(b)
		return ka.Pointer == kb.Pointer && ka.Message == kb.Message
	})
}
