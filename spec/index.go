package spec

import "strings"

// Index looks types up by qualified name. Build it with NewIndex after the
// spec is complete; it does not follow later changes.
type Index struct {
	types    map[string]*StructuredType
	enums    map[string]*EnumType
	typedefs map[string]*TypeDef
	lower    map[string]string // lower-cased qualified name -> qualified name
	simple   map[string][]string
}

// NewIndex indexes s.
func NewIndex(s *Spec) *Index {
	ix := &Index{
		types:    map[string]*StructuredType{},
		enums:    map[string]*EnumType{},
		typedefs: map[string]*TypeDef{},
		lower:    map[string]string{},
		simple:   map[string][]string{},
	}
	add := func(ns, name string) string {
		q := qualify(ns, name)
		ix.lower[strings.ToLower(q)] = q
		l := strings.ToLower(name)
		ix.simple[l] = append(ix.simple[l], q)
		return q
	}
	for _, t := range s.Types {
		if q := add(t.Namespace, t.Name); ix.types[q] == nil {
			ix.types[q] = t
		}
	}
	for _, e := range s.Enums {
		if q := add(e.Namespace, e.Name); ix.enums[q] == nil {
			ix.enums[q] = e
		}
	}
	for _, d := range s.TypeDefs {
		if q := add(d.Namespace, d.Name); ix.typedefs[q] == nil {
			ix.typedefs[q] = d
		}
	}
	return ix
}

// Type returns the structured type with qualified name q, or nil.
func (ix *Index) Type(q string) *StructuredType { return ix.types[q] }

// Enum returns the enum type with qualified name q, or nil.
func (ix *Index) Enum(q string) *EnumType { return ix.enums[q] }

// TypeDef returns the type definition with qualified name q, or nil.
func (ix *Index) TypeDef(q string) *TypeDef { return ix.typedefs[q] }

// Defines reports whether q names a primitive or a type in the index.
func (ix *Index) Defines(q string) bool {
	return IsPrimitiveName(q) || ix.types[q] != nil || ix.enums[q] != nil || ix.typedefs[q] != nil
}

// Resolve finds the qualified name that a possibly unqualified or
// differently cased name refers to: an exact qualified name first, then a
// case-insensitive one, then a simple name that exactly one type has.
func (ix *Index) Resolve(name string) (string, bool) {
	if ix.Defines(name) {
		return name, true
	}
	l := strings.ToLower(name)
	if q, ok := ix.lower[l]; ok {
		return q, true
	}
	if qs := ix.simple[l]; len(qs) == 1 {
		return qs[0], true
	}
	return "", false
}

// BaseChain returns t and its base types, most derived first. It stops at a
// base type the index does not define, and at a cycle.
func (ix *Index) BaseChain(t *StructuredType) []*StructuredType {
	chain := []*StructuredType{t}
	seen := map[*StructuredType]bool{t: true}
	for cur := t; cur.BaseType != ""; {
		b := ix.types[cur.BaseType]
		if b == nil || seen[b] {
			break
		}
		seen[b] = true
		chain = append(chain, b)
		cur = b
	}
	return chain
}

// ResolveUserName resolves the name of a structured type as a user types
// it on a command line: like Resolve, and when a bare name is declared in
// several namespaces, the one in the namespace with the most declarations
// (microsoft.graph.user over microsoft.graph.security.user). ok is false
// when nothing matches or the tie cannot be broken; candidates then lists
// the qualified names that matched.
func (ix *Index) ResolveUserName(name string) (q string, candidates []string, ok bool) {
	if q, ok := ix.Resolve(name); ok && ix.types[q] != nil {
		return q, nil, true
	}
	for _, c := range ix.simple[strings.ToLower(name)] {
		if ix.types[c] != nil {
			candidates = append(candidates, c)
		}
	}
	if len(candidates) == 0 {
		return "", nil, false
	}
	size := map[string]int{}
	for q := range ix.lower {
		ns, _ := SplitQualified(ix.lower[q])
		size[ns]++
	}
	best, bestSize, tie := "", -1, false
	for _, c := range candidates {
		ns, _ := SplitQualified(c)
		switch n := size[ns]; {
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
