package generator

import "github.com/odatagen/odatagen/spec"

// DefaultMaxCost is the default generation budget (Options.MaxCost,
// SchemaOptions.MaxCost), in units of about one struct field of output:
// each structured type costs typeCost, each enum enumCost and a unit per
// four members, each flattened field (a type's own properties and its
// base types') a unit, and each derived-type entry (a type counted once
// for every base type it has) a unit. Microsoft Graph v1.0 costs about
// 58,000 and generates in about two seconds; at the default, generation
// stays within about five seconds and half a gigabyte of memory on a
// small machine. Inheritance multiplies a base type's properties into
// every derived type, so a small hostile input (a megabyte of CSDL) can
// ask for an output that would exhaust the machine: the budget refuses it
// before anything is built.
const DefaultMaxCost = 120_000

// Unit costs of checkBudget, measured: a structured type (struct, methods,
// three schema documents) takes the generator about as long as ten
// fields, an enum about eight (its constants, tables and text methods).
const (
	typeCost = 10
	enumCost = 8
)

// checkBudget refuses, before anything is built, a spec whose types cannot
// be flattened (a base type cycle, inheritance deeper than maxDepth; see
// spec.Index.CheckInheritance) or whose output would cost more than
// maxCost (DefaultMaxCost when 0).
func checkBudget(s *spec.Spec, maxDepth, maxCost int) error {
	if s == nil {
		return nil // the builders report a nil spec
	}
	ix := spec.NewIndex(s)
	if err := ix.CheckInheritance(s.Types, maxDepth); err != nil {
		return err
	}
	if maxCost <= 0 {
		maxCost = DefaultMaxCost
	}
	cost := 0
	for _, e := range s.Enums {
		cost += enumCost + len(e.Members)/4
	}
	for _, t := range s.Types {
		chain := ix.BaseChain(t)
		cost += typeCost + len(chain) - 1 + flattened(chain) // t is a derived-type entry of each base
		if cost > maxCost {
			return spec.Errorf(t.Pos, "generator: the spec is too large to generate: it costs more than the budget of %d (reached at type %s, which has %d base types and %d fields with theirs; see Options.MaxCost, odatagen generate -max-cost)",
				maxCost, t.QualifiedName(), len(chain)-1, flattened(chain))
		}
	}
	return nil
}

// flattened counts the properties of a base chain.
func flattened(chain []*spec.StructuredType) int {
	n := 0
	for _, b := range chain {
		n += len(b.Properties) + len(b.NavigationProperties)
	}
	return n
}
