package filter

// BuilderOp names, for generators, a generic operator type of the builder
// runtime (build.go): a struct type that gives a builder field the method of
// one operator when the field embeds it. Params is its number of type
// parameters: 2 for [value type, property type] (EqOp[T, P]), 1 for
// [property type] (StartsWithOp[P]). Generated code refers to these types
// only through this table, and a test checks it against build.go, so the
// generator and the runtime cannot drift apart.
type BuilderOp struct {
	Op     Op // the operator the method builds; "" for NullOp
	Type   string
	Params int
}

// BuilderOps lists the builder's operator types for comparison and
// string operators, in Ops order.
var BuilderOps = []BuilderOp{
	{OpEq, "EqOp", 2}, {OpNe, "NeOp", 2}, {OpGt, "GtOp", 2}, {OpGe, "GeOp", 2},
	{OpLt, "LtOp", 2}, {OpLe, "LeOp", 2}, {OpIn, "InOp", 2}, {OpHas, "HasOp", 2},
	{OpStartsWith, "StartsWithOp", 1}, {OpEndsWith, "EndsWithOp", 1}, {OpContains, "ContainsOp", 1},
}

// BuilderNull is the operator type of the null tests (IsNull, IsNotNull:
// eq null and ne null); BuilderAnyEq the one of any with eq on the elements
// of a collection (AnyEq).
var (
	BuilderNull  = BuilderOp{Type: "NullOp", Params: 1}
	BuilderAnyEq = BuilderOp{Op: OpAny, Type: "AnyEqOp", Params: 2}
)

// BuilderOpFor returns the operator type that builds op, if there is one.
func BuilderOpFor(op Op) (BuilderOp, bool) {
	for _, b := range BuilderOps {
		if b.Op == op {
			return b, true
		}
	}
	return BuilderOp{}, false
}
