package filter

// Pos is a byte offset into the expression a node was parsed from. Every
// node embeds one; see each node for which byte it names.
type Pos int

// Offset returns p as an int.
func (p Pos) Offset() int { return int(p) }

// Expr is a node of a parsed $filter expression: *Literal, *Path, *Alias,
// *Unary, *Binary, *List, *Call, *TypeName, *Case, *Array or *Object.
type Expr interface {
	// Offset is the byte offset of the node's key token: the operator of
	// a *Binary, the first byte of every other node.
	Offset() int
	node()
}

// LitKind says which kind of literal a *Literal is.
type LitKind uint8

// The literal kinds. The comment shows the canonical printed form.
const (
	LitNull           LitKind = iota + 1 // null
	LitBoolean                           // true, false
	LitInt                               // 42, -7 (fits in Edm.Int64)
	LitDecimal                           // 3.25, or an integer too large for Edm.Int64
	LitDouble                            // 3.5e2, INF, -INF, NaN
	LitString                            // 'O''Neil'
	LitDate                              // 2024-01-31
	LitDateTimeOffset                    // 2024-01-31T12:00:00Z, 2024-01-31T12:00:00.5+02:00
	LitTimeOfDay                         // 12:30:00
	LitDuration                          // duration'P1DT2H'
	LitGuid                              // 01234567-89ab-cdef-0123-456789abcdef
	LitEnum                              // microsoft.graph.status'active', ns.flags'a,b'
	LitBinary                            // binary'AQID'
	LitGeography                         // geography'SRID=4326;Point(1 2)'
	LitGeometry                          // geometry'SRID=0;Point(1 2)'
)

var litKindNames = [...]string{
	LitNull: "Null", LitBoolean: "Boolean", LitInt: "Int", LitDecimal: "Decimal",
	LitDouble: "Double", LitString: "String", LitDate: "Date",
	LitDateTimeOffset: "DateTimeOffset", LitTimeOfDay: "TimeOfDay",
	LitDuration: "Duration", LitGuid: "Guid", LitEnum: "Enum", LitBinary: "Binary",
	LitGeography: "Geography", LitGeometry: "Geometry",
}

// String returns the kind's name.
func (k LitKind) String() string {
	if int(k) < len(litKindNames) && litKindNames[k] != "" {
		return litKindNames[k]
	}
	return "LitKind(?)"
}

// Literal is a primitive literal.
type Literal struct {
	Pos
	Kind LitKind
	// Value is the literal in canonical text form without quotes or
	// prefix: the decoded text of a string ("O'Neil"), "true", "-42",
	// "3.5e2", "2024-01-31T12:00:00Z", a GUID in lower case, "P1DT2H",
	// the member list of an enum ("a,b"), the base64url text of a binary,
	// the well-known text of a geo literal ("SRID=0;Point(1 2)").
	Value string
	// Type is the qualified enumeration type of a LitEnum
	// ("microsoft.graph.status"), "" for every other kind.
	Type string
}

// Path is a member path: a property, a chain of them separated by "/",
// optionally ending in $count or a lambda (any/all). Its segments may also
// be custom or bound function calls, key predicates, /$filter(...)
// segments and annotations; a path may start at $it, $this, $root, a
// lambda variable, a parameter alias or an annotation.
type Path struct {
	Pos
	Segments []Segment
}

// SegKind says what a path segment is.
type SegKind uint8

// The segment kinds.
const (
	SegProperty SegKind = iota + 1 // a structural or navigation property: Name
	SegCast                        // a type cast to the qualified type Name
	SegVar                         // a lambda variable in scope: Name (first segment only)
	SegIt                          // $it (first segment only)
	SegThis                        // $this (first segment only)
	SegRoot                        // $root (first segment only)
	SegCount                       // $count, or $count(Options) (last segment only)
	SegAny                         // any(Var: Pred), or any() with Var "" and Pred nil (last only)
	SegAll                         // all(Var: Pred) (last only)

	// OData 4.01 forms; see Segment for the fields each one uses.

	SegFunction     // a custom or bound function call Name(p=v, ...): Params
	SegKey          // a key predicate (1) or (a=1,b=2) after the segment before it: Params
	SegKeyAsSegment // a key written as a path segment, People/1245: Params (one, unnamed)
	SegFilter       // /$filter(Pred), a filtered collection
	SegAnnotation   // an annotation @ns.term or @term#qualifier: Name (without the @)
	SegAlias        // a parameter alias @Name followed by more segments (first segment only)
)

var segKindNames = [...]string{
	SegProperty: "property", SegCast: "cast", SegVar: "variable", SegIt: "$it",
	SegThis: "$this", SegRoot: "$root", SegCount: "$count", SegAny: "any", SegAll: "all",
	SegFunction: "function", SegKey: "key predicate", SegKeyAsSegment: "key segment",
	SegFilter: "$filter", SegAnnotation: "annotation", SegAlias: "parameter alias",
}

// String returns the kind's name.
func (k SegKind) String() string {
	if int(k) < len(segKindNames) && segKindNames[k] != "" {
		return segKindNames[k]
	}
	return "SegKind(?)"
}

// Segment is one step of a Path. Pos is its first byte: the "(" of a
// SegKey, the "$" of $count and $filter, the "@" of an annotation or alias.
type Segment struct {
	Pos
	Kind SegKind
	// Name is the property name, the qualified type of a cast, the
	// variable's name, the function's name as written ("Model.Available",
	// "BestProduct"), the annotation's term with its qualifier
	// ("Measures.Currency", "Currency#Reporting") or the alias's name
	// (without "@"); "" for the other kinds.
	Name string
	// Var and Pred are a lambda's variable and predicate; Pred is also the
	// condition of a SegFilter.
	Var  string
	Pred Expr
	// Params are the parameters of a SegFunction (each named), or the key
	// values of a SegKey (one unnamed value, or each named) and of a
	// SegKeyAsSegment (one unnamed value).
	Params []Param
	// Options are the options of $count, $count($filter=...;$search=...),
	// in source order; nil for a plain $count.
	Options []CountOption
}

// Param is a name=value parameter of a function call, a name=value pair
// of a compound key, or the value of a simple key (Name ""). Pos is the
// first byte of the name, or of the value when there is no name. A key's
// Value is a *Literal or an *Alias; a function parameter's is any operand.
type Param struct {
	Pos
	Name  string
	Value Expr
}

// CountOption is one option of $count(...): $filter=Filter or
// $search=Search. Pos is the first byte of the option's name.
type CountOption struct {
	Pos
	// Name is "$filter" or "$search", whatever the spelling in the input
	// ("filter", "$FILTER").
	Name string
	// Filter is the condition of a $filter option.
	Filter Expr
	// Search is the search expression of a $search option, as written.
	Search string
}

// Alias is a parameter alias, @Name. The checker does not know its value
// and accepts it wherever an operand may stand.
type Alias struct {
	Pos
	Name string // without the "@"
}

// Unary is "not X" (Op "not") or "-X" (Op "-"). Pos is the operator.
type Unary struct {
	Pos
	Op string
	X  Expr
}

// Binary is a binary operation. Pos is the operator. Op is the operator's
// lower-case keyword: "or", "and", "eq", "ne", "gt", "ge", "lt", "le",
// "has", "in", "add", "sub", "mul", "div", "divby", "mod". For "in", R is a
// *List (written "(a, b)") or any other operand (a collection path, an
// alias, an *Array). For "has", R is an enumeration literal (of kind
// LitEnum, or a LitString that names members: 'a,b') or an *Alias.
type Binary struct {
	Pos
	Op   string
	L, R Expr
}

// List is the parenthesized list on the right of "in", possibly empty. Its
// items are literals, parameter aliases, and JSON arrays and objects (the
// ABNF's listExpr). Pos is the "(".
type List struct {
	Pos
	Items []Expr
}

// Call is a call of a canonical function. Name is the function's
// canonical spelling ("startswith", "matchesPattern", "geo.distance"),
// whatever the case of the input. The last argument of cast and isof is a
// *TypeName.
type Call struct {
	Pos
	Name string
	Args []Expr
}

// TypeName is the type argument of cast and isof: a qualified or simple
// type name, or "Collection(T)".
type TypeName struct {
	Pos
	Name string
}

// Case is case(cond: value, ...), OData 4.01's conditional.
type Case struct {
	Pos
	Branches []Branch
}

// Branch is one "cond: value" pair of a Case.
type Branch struct {
	Cond, Value Expr
}

// Array is a JSON array, [a, b] (OData 4.01 arrayOrObject). Its items are
// operands: JSON strings ("x", as *Literal of kind LitString), literals,
// arrays, objects, or any other expression. Pos is the "[".
type Array struct {
	Pos
	Items []Expr
}

// Object is a JSON object, {"name": value, ...}. Pos is the "{".
type Object struct {
	Pos
	Members []Member
}

// Member is one "name": value pair of an Object. Pos is the opening
// quote of the name.
type Member struct {
	Pos
	Name  string // decoded
	Value Expr
}

func (*Literal) node()  {}
func (*Path) node()     {}
func (*Alias) node()    {}
func (*Unary) node()    {}
func (*Binary) node()   {}
func (*List) node()     {}
func (*Call) node()     {}
func (*TypeName) node() {}
func (*Case) node()     {}
func (*Array) node()    {}
func (*Object) node()   {}

// Start returns the offset of the first byte of e (for a *Binary, the
// start of its left operand).
func Start(e Expr) int {
	for {
		b, ok := e.(*Binary)
		if !ok {
			return e.Offset()
		}
		e = b.L
	}
}

// Inspect walks e depth-first in source order, calling f for each node; when
// f returns false the node's children are skipped. The expressions inside
// a Path (function parameters and key values, $count options, lambda and
// $filter predicates) are visited as children of the Path.
func Inspect(e Expr, f func(Expr) bool) {
	if e == nil || !f(e) {
		return
	}
	switch n := e.(type) {
	case *Path:
		for _, s := range n.Segments {
			for _, p := range s.Params {
				Inspect(p.Value, f)
			}
			for _, o := range s.Options {
				if o.Filter != nil {
					Inspect(o.Filter, f)
				}
			}
			if s.Pred != nil {
				Inspect(s.Pred, f)
			}
		}
	case *Unary:
		Inspect(n.X, f)
	case *Binary:
		Inspect(n.L, f)
		Inspect(n.R, f)
	case *List:
		for _, x := range n.Items {
			Inspect(x, f)
		}
	case *Call:
		for _, x := range n.Args {
			Inspect(x, f)
		}
	case *Case:
		for _, b := range n.Branches {
			Inspect(b.Cond, f)
			Inspect(b.Value, f)
		}
	case *Array:
		for _, x := range n.Items {
			Inspect(x, f)
		}
	case *Object:
		for _, m := range n.Members {
			Inspect(m.Value, f)
		}
	}
}

// Equal reports whether a and b are the same tree, ignoring positions.
func Equal(a, b Expr) bool {
	if a == nil || b == nil {
		return a == nil && b == nil
	}
	switch x := a.(type) {
	case *Literal:
		y, ok := b.(*Literal)
		return ok && x.Kind == y.Kind && x.Value == y.Value && x.Type == y.Type
	case *Path:
		y, ok := b.(*Path)
		if !ok || len(x.Segments) != len(y.Segments) {
			return false
		}
		for i := range x.Segments {
			if !equalSegment(&x.Segments[i], &y.Segments[i]) {
				return false
			}
		}
		return true
	case *Alias:
		y, ok := b.(*Alias)
		return ok && x.Name == y.Name
	case *Unary:
		y, ok := b.(*Unary)
		return ok && x.Op == y.Op && Equal(x.X, y.X)
	case *Binary:
		y, ok := b.(*Binary)
		return ok && x.Op == y.Op && Equal(x.L, y.L) && Equal(x.R, y.R)
	case *List:
		y, ok := b.(*List)
		return ok && equalAll(x.Items, y.Items)
	case *Call:
		y, ok := b.(*Call)
		return ok && x.Name == y.Name && equalAll(x.Args, y.Args)
	case *TypeName:
		y, ok := b.(*TypeName)
		return ok && x.Name == y.Name
	case *Case:
		y, ok := b.(*Case)
		if !ok || len(x.Branches) != len(y.Branches) {
			return false
		}
		for i := range x.Branches {
			if !Equal(x.Branches[i].Cond, y.Branches[i].Cond) || !Equal(x.Branches[i].Value, y.Branches[i].Value) {
				return false
			}
		}
		return true
	case *Array:
		y, ok := b.(*Array)
		return ok && equalAll(x.Items, y.Items)
	case *Object:
		y, ok := b.(*Object)
		if !ok || len(x.Members) != len(y.Members) {
			return false
		}
		for i := range x.Members {
			if x.Members[i].Name != y.Members[i].Name || !Equal(x.Members[i].Value, y.Members[i].Value) {
				return false
			}
		}
		return true
	}
	return false
}

func equalSegment(s, t *Segment) bool {
	if s.Kind != t.Kind || s.Name != t.Name || s.Var != t.Var || !Equal(s.Pred, t.Pred) ||
		len(s.Params) != len(t.Params) || len(s.Options) != len(t.Options) {
		return false
	}
	for i := range s.Params {
		if s.Params[i].Name != t.Params[i].Name || !Equal(s.Params[i].Value, t.Params[i].Value) {
			return false
		}
	}
	for i := range s.Options {
		o, p := &s.Options[i], &t.Options[i]
		if o.Name != p.Name || o.Search != p.Search || !Equal(o.Filter, p.Filter) {
			return false
		}
	}
	return true
}

func equalAll(a, b []Expr) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if !Equal(a[i], b[i]) {
			return false
		}
	}
	return true
}
