package filter

// BuilderOp names, for generators, an operator mark of the builder runtime
// (prop.go): the struct type that an operator set embeds to give its
// properties one operator. Generated code refers to the marks only through
// this table, and a test checks it against prop.go, so the generator and
// the runtime cannot drift apart.
type BuilderOp struct {
	Op   Op     // the operator the function builds; "" for NullOp
	Type string // the mark's name: "EqOp"
	Func string // the operator function: "Eq"; for NullOp, IsNull and IsNotNull
}

// BuilderOps lists the marks of the comparison and string operators, in
// Ops order.
var BuilderOps = []BuilderOp{
	{OpEq, "EqOp", "Eq"}, {OpNe, "NeOp", "Ne"}, {OpGt, "GtOp", "Gt"}, {OpGe, "GeOp", "Ge"},
	{OpLt, "LtOp", "Lt"}, {OpLe, "LeOp", "Le"}, {OpIn, "InOp", "In"}, {OpHas, "HasOp", "Has"},
	{OpStartsWith, "StartsWithOp", "StartsWith"}, {OpEndsWith, "EndsWithOp", "EndsWith"}, {OpContains, "ContainsOp", "Contains"},
}

// BuilderNull is the mark of the null tests (IsNull, IsNotNull: eq null and
// ne null); BuilderAnyEq the one of any with eq on the elements of a
// collection (AnyEq).
var (
	BuilderNull  = BuilderOp{Type: "NullOp", Func: "IsNull"}
	BuilderAnyEq = BuilderOp{Op: OpAny, Type: "AnyEqOp", Func: "AnyEq"}
)

// BuilderOpFor returns the mark of op, if there is one.
func BuilderOpFor(op Op) (BuilderOp, bool) {
	for _, b := range BuilderOps {
		if b.Op == op {
			return b, true
		}
	}
	return BuilderOp{}, false
}
