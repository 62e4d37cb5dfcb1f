package validate

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/odatagen/odatagen/validate/internal/report"
)

// ResolveTypeName is odatagen's one rule for the type a person means by a
// name, on a command line (odatagen generate -type, validate -type, filter
// -type), in generator.Options.Types, or in Plan.Validate and
// schemaset.Set.Validate:
//
//  1. a qualified name among names, exactly, is that type;
//  2. else a qualified name among names ignoring case, when one matches;
//  3. else a simple name (the part after the last dot), ignoring case: when
//     one type has it, that type; when several namespaces declare it, the
//     one in the namespace with the most declarations (namespaceSize; nil
//     counts names), so "user" is microsoft.graph.user and not
//     microsoft.graph.security.user. A tie is ambiguous.
//
// names are the qualified names the name may stand for. ok is false when
// nothing matches or a tie cannot be broken; candidates then lists the
// qualified names that matched (sorted), for the error message.
func ResolveTypeName(name string, names []string, namespaceSize func(ns string) int) (q string, candidates []string, ok bool) {
	if slices.Contains(names, name) {
		return name, nil, true
	}
	var folded []string
	for _, n := range names {
		if strings.EqualFold(n, name) {
			folded = append(folded, n)
		}
	}
	if len(folded) == 1 {
		return folded[0], nil, true
	}
	for _, n := range names {
		if strings.EqualFold(report.SimpleName(n), name) {
			candidates = append(candidates, n)
		}
	}
	switch len(candidates) {
	case 0:
		return "", nil, false
	case 1:
		return candidates[0], nil, true
	}
	if namespaceSize == nil {
		count := map[string]int{}
		for _, n := range names {
			count[namespaceOf(n)]++
		}
		namespaceSize = func(ns string) int { return count[ns] }
	}
	slices.Sort(candidates)
	best, bestSize, tie := "", -1, false
	for _, c := range candidates {
		switch n := namespaceSize(namespaceOf(c)); {
		case n > bestSize:
			best, bestSize, tie = c, n, false
		case n == bestSize:
			tie = true
		}
	}
	if tie {
		return "", candidates, false
	}
	return best, candidates, true
}

// FoldName returns the key under which ResolveTypeName takes names for
// equal ignoring case: FoldName(a) == FoldName(b) exactly when
// strings.EqualFold(a, b). Each rune becomes the smallest rune of its
// simple case-folding orbit, the orbits EqualFold compares by; for ASCII
// that is the upper case ("kelvin", the Kelvin sign's "\u212Aelvin" and
// "KELVIN" all give "KELVIN"). Indexes of names use it as their map key.
func FoldName(s string) string {
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	if ascii {
		return strings.ToUpper(s)
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		least := r
		for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
			least = min(least, f)
		}
		b.WriteRune(least)
	}
	return b.String()
}

// namespaceOf returns the namespace part of a qualified name.
func namespaceOf(q string) string {
	if i := strings.LastIndexByte(q, '.'); i >= 0 {
		return q[:i]
	}
	return ""
}
