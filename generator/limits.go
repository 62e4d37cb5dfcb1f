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

// maxCost returns the budget: n, or DefaultMaxCost when n is 0. Resolve
// gets it as its limit on flattened properties, each of which costs a unit.
func maxCost(n int) int {
	if n <= 0 {
		return DefaultMaxCost
	}
	return n
}

// checkCount refuses, before Resolve builds anything, a spec whose
// declarations alone cost more than the budget (see checkBudget).
func checkCount(s *spec.Spec, budget int) error {
	budget = maxCost(budget)
	if cost := typeCost*len(s.Types) + enumCost*len(s.Enums); cost > budget {
		pos := spec.Pos{}
		if i := (budget + 1) / typeCost; i < len(s.Types) {
			pos = s.Types[i].Pos
		}
		return spec.Errorf(pos, "generator: the spec is too large to generate: its %d structured types and %d enums cost more than the budget of %d (see Options.MaxCost, odatagen generate -max-cost)",
			len(s.Types), len(s.Enums), budget)
	}
	return nil
}

// checkBudget refuses, before anything is built, a resolved spec whose
// output would cost more than maxCost (DefaultMaxCost when 0). (Resolve
// has refused base type cycles and inheritance that is too deep.)
func checkBudget(m *spec.Model, budget int) error {
	budget = maxCost(budget)
	cost := 0
	for _, e := range m.Enums {
		cost += enumCost + len(e.Members)/4
	}
	for _, t := range m.Types {
		cost += typeCost + len(t.Chain) - 1 + len(t.Props) // t is a derived-type entry of each base
		if cost > budget {
			return spec.Errorf(t.Pos, "generator: the spec is too large to generate: it costs more than the budget of %d (reached at type %s, which has %d base types and %d fields with theirs; see Options.MaxCost, odatagen generate -max-cost)",
				budget, t.QualifiedName(), len(t.Chain)-1, len(t.Props))
		}
	}
	return nil
}
