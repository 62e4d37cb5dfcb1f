package spec

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/odatagen/odatagen/validate"
)

// Index looks types up by qualified name. Build it with NewIndex after the
// spec is complete; it does not follow later changes.
type Index struct {
	types    map[string]*StructuredType
	enums    map[string]*EnumType
	typedefs map[string]*TypeDef
	// folded and simple map validate.FoldName of a qualified name, and of a
	// simple name, to the qualified names that have it: ResolveTypeName
	// compares names by strings.EqualFold, and FoldName keys agree with it.
	folded map[string][]string
	simple map[string][]string
	nsSize map[string]int // declarations per namespace
}

// NewIndex indexes s.
func NewIndex(s *Spec) *Index {
	n := len(s.Types) + len(s.Enums) + len(s.TypeDefs)
	ix := &Index{
		types:    make(map[string]*StructuredType, len(s.Types)),
		enums:    make(map[string]*EnumType, len(s.Enums)),
		typedefs: make(map[string]*TypeDef, len(s.TypeDefs)),
		folded:   make(map[string][]string, n),
		simple:   make(map[string][]string, n),
		nsSize:   map[string]int{},
	}
	add := func(ns, name string) string {
		q := Qualify(ns, name)
		ix.nsSize[ns]++
		f := validate.FoldName(q)
		ix.folded[f] = append(ix.folded[f], q)
		f = validate.FoldName(name)
		ix.simple[f] = append(ix.simple[f], q)
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

// Resolve finds the declaration that a type reference inside a spec means,
// by odatagen's one rule for names (validate.ResolveTypeName): an exact
// qualified name, a qualified name in another case, or a simple name that
// one declaration has. No namespace is preferred here: a simple name that
// several namespaces declare resolves to nothing (Merge warns), because a
// guess could silently pick the wrong type for a docs page's reference.
// (ResolveUserName, for the names people type, prefers the largest
// namespace.)
func (ix *Index) Resolve(name string) (string, bool) {
	if ix.Defines(name) {
		return name, true
	}
	q, _, ok := ix.resolveAmong(name, nil, func(string) int { return 0 })
	return q, ok
}

// resolveAmong applies validate.ResolveTypeName to the declarations that
// can match name (the rule looks at no others) and that keep allows (nil:
// all), ranking namespaces by size.
func (ix *Index) resolveAmong(name string, keep func(q string) bool, size func(ns string) int) (string, []string, bool) {
	var cands []string
	f := validate.FoldName(name)
	cands = append(cands, ix.folded[f]...)
	cands = append(cands, ix.simple[f]...)
	slices.Sort(cands)
	cands = slices.Compact(cands) // a type without a namespace is in both lists
	if keep != nil {
		cands = slices.DeleteFunc(cands, func(q string) bool { return !keep(q) })
	}
	return validate.ResolveTypeName(name, cands, size)
}

// BaseChain returns t and its base types, most derived first. It stops at a
// base type the index does not define, at a cycle, and after
// MaxInheritanceCap base types, so that walking every type's chain stays
// linear in the number of types even on hostile input (CheckInheritance
// reports such chains).
func (ix *Index) BaseChain(t *StructuredType) []*StructuredType {
	chain := []*StructuredType{t}
	var seen map[*StructuredType]bool // past a few types; before, a scan of chain
	for cur := t; cur.BaseType != "" && len(chain) <= MaxInheritanceCap; {
		b := ix.types[cur.BaseType]
		if b == nil {
			break
		}
		if seen == nil && len(chain) >= 16 {
			seen = make(map[*StructuredType]bool, 2*len(chain))
			for _, c := range chain {
				seen[c] = true
			}
		}
		if seen != nil && seen[b] || seen == nil && slices.Contains(chain, b) {
			break
		}
		if seen != nil {
			seen[b] = true
		}
		chain = append(chain, b)
		cur = b
	}
	return chain
}

// DefaultMaxInheritance is the deepest inheritance Load and the generator
// accept unless told otherwise: a type may have at most this many base
// types. Real services nest a few levels (Microsoft Graph v1.0: 5).
const DefaultMaxInheritance = 64

// MaxInheritanceCap is the largest limit CheckInheritance takes; a larger
// one is lowered to it.
const MaxInheritanceCap = 256

// CheckInheritance checks every structured type's base chain: a type whose
// base types lead back to it, or that has more than maxDepth base types
// (DefaultMaxInheritance when maxDepth <= 0), is an *Error at the type's
// position; for a chain too deep, at the most derived type of the
// deepest chain, the one a user would look at. Every cycle is reported,
// once, at the type where the walk closes it (several are joined with
// errors.Join; errors.As finds the first *Error). It takes time linear in
// the number of types.
func (ix *Index) CheckInheritance(types []*StructuredType, maxDepth int) error {
	if maxDepth <= 0 {
		maxDepth = DefaultMaxInheritance
	}
	maxDepth = min(maxDepth, MaxInheritanceCap)
	const onPath = -1
	depth := make(map[*StructuredType]int, len(types)) // number of base types; onPath while being walked
	var deepest *StructuredType
	var path []*StructuredType
	var cycles []error
	for _, t := range types {
		if _, done := depth[t]; done {
			continue
		}
		// Walk up to a type whose depth is known, an undefined base, or
		// a type on this walk (a cycle).
		path = path[:0]
		d := 0
		for cur := t; ; {
			depth[cur] = onPath
			path = append(path, cur)
			b := ix.types[cur.BaseType]
			if cur.BaseType == "" || b == nil {
				d = 0
				break
			}
			if bd, ok := depth[b]; ok {
				if bd == onPath { // a cycle: report it, then count its types as roots
					cycles = append(cycles, cycleError(path, b))
					d = 0
					break
				}
				d = bd + 1
				break
			}
			cur = b
		}
		// Assign depths back down the walk.
		for i := len(path) - 1; i >= 0; i-- {
			depth[path[i]] = d
			if d > maxDepth && (deepest == nil || d > depth[deepest]) {
				deepest = path[i]
			}
			d++
		}
	}
	if len(cycles) > 0 {
		return errors.Join(cycles...)
	}
	if deepest != nil {
		return Errorf(deepest.Pos, "type %s has %d base types, more than the limit of %d", deepest.QualifiedName(), depth[deepest], maxDepth)
	}
	return nil
}

// cycleError reports the cycle that path (a walk up base types) closes at
// b: at b's position, naming the types on the cycle (at most a few).
func cycleError(path []*StructuredType, b *StructuredType) error {
	i := 0
	for path[i] != b {
		i++
	}
	cycle := path[i:]
	names := make([]string, 0, min(len(cycle), 8)+2)
	for j, t := range cycle {
		if j == 6 && len(cycle) > 8 {
			names = append(names, fmt.Sprintf("... (%d more)", len(cycle)-7))
			names = append(names, cycle[len(cycle)-1].QualifiedName())
			break
		}
		names = append(names, t.QualifiedName())
	}
	names = append(names, b.QualifiedName())
	return Errorf(b.Pos, "base type cycle: %s", strings.Join(names, " -> "))
}

// ResolveUserName resolves the name of a structured type as a user types
// it on a command line, by odatagen's one rule (validate.ResolveTypeName):
// a qualified name in any case, or a simple name; a simple name that
// several namespaces declare means the one in the namespace with the most
// declarations (microsoft.graph.user over microsoft.graph.security.user).
// ok is false when nothing matches or the tie cannot be broken;
// candidates then lists the qualified names that matched.
func (ix *Index) ResolveUserName(name string) (q string, candidates []string, ok bool) {
	return ix.resolveAmong(name, func(q string) bool { return ix.types[q] != nil }, func(ns string) int { return ix.nsSize[ns] })
}

// sameIgnoringCase returns the qualified names equal to q ignoring case
// (strings.EqualFold), in declaration order.
func (ix *Index) sameIgnoringCase(q string) []string {
	return ix.folded[validate.FoldName(q)]
}
