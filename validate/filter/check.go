package filter

import (
	"errors"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Check parses expr and checks it against the type typeName of m (see
// Model.Check). Errors are *Error with Expr set.
func Check(m *Model, typeName, expr string, opts ...Option) error {
	e, err := Parse(expr, opts...)
	if err != nil {
		return err
	}
	if err := m.Check(typeName, e); err != nil {
		var fe *Error
		if errors.As(err, &fe) {
			fe.Expr = expr
		}
		return err
	}
	return nil
}

// Check checks a parsed $filter against the entity or complex type
// typeName (a qualified name). It reports the first error of a depth-first,
// left-to-right walk as an *Error whose Offset is relative to the text e was
// parsed from; Expr is left empty for the caller to fill (the package-level
// Check does).
//
// The rules:
//
//   - Every path resolves: properties exist on the type or its bases,
//     through complex and navigation properties; casts name a type of the
//     model related to the one cast; lambda variables stand for the
//     elements of their collection.
//   - A property must be filterable (Filter != nil), or lie under one that
//     is: the capability that governs a path a/b/c is that of its deepest
//     filterable property, so sub-properties of a filterable complex
//     property, and the members reached through a lambda variable, use the
//     support declared on the property the docs describe.
//   - Each operator applied to a property must be in its Ops: comparisons
//     (eq ne gt ge lt le), in, has, not (for every property under it),
//     startswith/endswith/contains (as startsWith/endsWith/contains), any and
//     all. eq null and ne null need Null instead; $count needs Count. The
//     property "under" an operator is seen through tolower, toupper, trim,
//     cast, negation and arithmetic (price add 1 gt 2 applies gt to price);
//     other functions (length, year, ...) only need the property to be
//     filterable. A Boolean property used alone as a condition means
//     "p eq true" and needs eq.
//   - Operand types are compatible: numbers of any Edm numeric type promote
//     to each other; a Date compares with a DateTimeOffset; an enumeration
//     compares with its own qualified literals or with a string literal that
//     names members; a string literal written as an ISO duration compares
//     with an Edm.Duration; everything else needs the same type. Ordering
//     (gt ge lt le) does not apply to Boolean, structured, spatial or stream
//     values; null only takes part in eq, ne and in.
//   - Function arguments have the types the function takes, and and, or,
//     not, lambda predicates and the whole expression are Boolean.
//
// Parameter aliases (@p) are accepted wherever an operand may stand: their
// values are not known here.
func (m *Model) Check(typeName string, e Expr) error {
	if m == nil {
		return errAt(0, "no model to check against")
	}
	if err := m.Load(); err != nil {
		return err
	}
	root := m.Types[typeName]
	if root == nil {
		return errAt(0, "unknown type %s", typeName)
	}
	c := &checker{m: m, root: root}
	o, err := c.check(e)
	if err == nil {
		err = c.requireBool(o, "the filter")
	}
	if err != nil {
		return err
	}
	return nil
}

// kind classifies types for compatibility.
type kind uint8

const (
	kUnknown kind = iota // aliases, Edm.Untyped, types the model does not define
	kNumeric
	kString
	kBoolean
	kDate
	kDateTimeOffset
	kTimeOfDay
	kDuration
	kGuid
	kBinary
	kGeo
	kStream
	kEnum
	kStruct
	kObject // a JSON object, whose members are checked against a structured type
)

var edmKinds = func() map[string]kind {
	m := map[string]kind{
		"Edm.Byte": kNumeric, "Edm.SByte": kNumeric, "Edm.Int16": kNumeric, "Edm.Int32": kNumeric,
		"Edm.Int64": kNumeric, "Edm.Decimal": kNumeric, "Edm.Single": kNumeric, "Edm.Double": kNumeric,
		"Edm.String": kString, "Edm.Boolean": kBoolean, "Edm.Date": kDate,
		"Edm.DateTimeOffset": kDateTimeOffset, "Edm.TimeOfDay": kTimeOfDay, "Edm.Duration": kDuration,
		"Edm.Guid": kGuid, "Edm.Binary": kBinary, "Edm.Stream": kStream, "Edm.Untyped": kUnknown,
	}
	for _, prefix := range []string{"Edm.Geography", "Edm.Geometry"} {
		for _, s := range []string{"", "Point", "LineString", "Polygon", "MultiPoint",
			"MultiLineString", "MultiPolygon", "Collection"} {
			m[prefix+s] = kGeo
		}
	}
	return m
}()

func isEdmName(name string) bool {
	_, ok := edmKinds[name]
	return ok
}

// numericRank orders the numeric types for promotion.
var numericRank = map[string]int{
	"Edm.Byte": 1, "Edm.SByte": 1, "Edm.Int16": 2, "Edm.Int32": 3, "Edm.Int64": 4,
	"Edm.Decimal": 5, "Edm.Single": 6, "Edm.Double": 7,
}

// ty is the type of an operand.
type ty struct {
	name string // qualified name; "" when unknown
	coll bool
	null bool // the null literal
	obj  bool // a JSON object (or, with coll, a JSON array of them)
}

func (t ty) String() string {
	switch {
	case t.null:
		return "null"
	case t.obj && t.coll:
		return "a JSON array of objects"
	case t.obj:
		return "a JSON object"
	case t.coll && t.name == "":
		return "a collection of unknown type"
	case t.name == "":
		return "of unknown type"
	case t.coll:
		return "Collection(" + t.name + ")"
	}
	return t.name
}

var (
	tyBoolean = ty{name: "Edm.Boolean"}
	tyInt32   = ty{name: "Edm.Int32"}
	tyString  = ty{name: "Edm.String"}
	tyDecimal = ty{name: "Edm.Decimal"}
	tyDouble  = ty{name: "Edm.Double"}
	tyDTO     = ty{name: "Edm.DateTimeOffset"}
)

// operand is a checked expression.
type operand struct {
	e Expr
	t ty
	// subj are the properties whose support governs operators applied to
	// this operand: a path's governing property, passed through
	// transparent functions and arithmetic.
	subj []subject
	// elems are the checked items of a JSON array or the member values
	// of a JSON object, in order.
	elems []operand
}

type subject struct {
	prop *Property
	pos  int
}

type lambdaVar struct {
	name string
	t    ty        // the element type
	gov  *Property // the support that governs the collection
	prop *Property // the collection property
}

type checker struct {
	m    *Model
	root *Type
	vars []lambdaVar
	// scopes are the collections whose members the paths inside a
	// /$filter(...) segment or a $count($filter=...) option address,
	// innermost last; the name of a lambdaVar is unused here.
	scopes []lambdaVar
	inNot  int       // depth of enclosing not operators
	refs   []subject // governing properties seen under a not
}

func (c *checker) kind(t ty) kind {
	if t.obj {
		return kObject
	}
	if t.name == "" || t.null {
		return kUnknown
	}
	if k, ok := edmKinds[t.name]; ok {
		return k
	}
	if c.m.Enums[t.name] != nil {
		return kEnum
	}
	if c.m.Types[t.name] != nil {
		return kStruct
	}
	return kUnknown
}

// propType returns the type of p, type definitions resolved.
func (c *checker) propType(p *Property) ty {
	name := p.Type
	if u, ok := c.m.TypeDefs[name]; ok {
		name = u
	}
	return ty{name: name, coll: p.Collection}
}

// describe is e as written in messages.
func describe(e Expr) string {
	s := Print(e)
	if len(s) > 60 {
		cut := 57
		for cut > 0 && !utf8.RuneStart(s[cut]) {
			cut--
		}
		s = s[:cut] + "..."
	}
	return s
}

func (c *checker) check(e Expr) (operand, *Error) {
	switch n := e.(type) {
	case *Literal:
		return c.literal(n)
	case *Alias:
		return operand{e: n}, nil
	case *Path:
		return c.path(n)
	case *Unary:
		return c.unary(n)
	case *Binary:
		return c.binary(n)
	case *Call:
		return c.call(n)
	case *Case:
		return c.caseExpr(n)
	case *Array:
		return c.array(n)
	case *Object:
		return c.object(n)
	case *List:
		return operand{}, errAt(n.Offset(), "a parenthesized list may only follow in")
	case *TypeName:
		return operand{}, errAt(n.Offset(), "a type name may only be the last argument of cast or isof")
	}
	return operand{}, errAt(0, "unexpected %T in the tree", e)
}

var literalTypes = [...]string{
	LitBoolean: "Edm.Boolean", LitInt: "Edm.Int32", LitDecimal: "Edm.Decimal", LitDouble: "Edm.Double",
	LitString: "Edm.String", LitDate: "Edm.Date", LitDateTimeOffset: "Edm.DateTimeOffset",
	LitTimeOfDay: "Edm.TimeOfDay", LitDuration: "Edm.Duration", LitGuid: "Edm.Guid",
	LitBinary: "Edm.Binary", LitGeography: "Edm.Geography", LitGeometry: "Edm.Geometry",
}

func (c *checker) literal(l *Literal) (operand, *Error) {
	o := operand{e: l}
	switch l.Kind {
	case LitNull:
		o.t = ty{null: true}
	case LitInt:
		o.t = ty{name: "Edm.Int32"}
		if _, err := strconv.ParseInt(l.Value, 10, 32); err != nil {
			o.t = ty{name: "Edm.Int64"}
		}
	case LitEnum:
		en := c.m.Enums[l.Type]
		if en == nil {
			return o, errAt(l.Offset(), "unknown enumeration type %s", l.Type)
		}
		if err := checkMembers(en, l, l.Value); err != nil {
			return o, err
		}
		o.t = ty{name: en.Name}
	default:
		if int(l.Kind) >= len(literalTypes) || literalTypes[l.Kind] == "" {
			return o, errAt(l.Offset(), "unknown literal kind %v", l.Kind)
		}
		o.t = ty{name: literalTypes[l.Kind]}
	}
	return o, nil
}

// checkMembers checks that value ("a" or "a,b") names members of en.
func checkMembers(en *Enum, at Expr, value string) *Error {
	n := 0
	for mem := range strings.SplitSeq(value, ",") {
		n++
		if _, err := strconv.ParseInt(mem, 10, 64); err == nil {
			continue // a member's integer value
		}
		found := false
		for _, x := range en.Members {
			if x == mem {
				found = true
				break
			}
		}
		if !found {
			list := en.Members
			more := ""
			if len(list) > 12 {
				list, more = list[:12], ", ..."
			}
			return errAt(at.Offset(), "%s is not a member of %s (members: %s%s)", strconv.Quote(mem), en.Name, strings.Join(list, ", "), more)
		}
	}
	if n > 1 && !en.Flags {
		return errAt(at.Offset(), "%s is not a flags enumeration; %s names %d members", en.Name, describe(at), n)
	}
	return nil
}

func (c *checker) lookupVar(name string) *lambdaVar {
	for i := len(c.vars) - 1; i >= 0; i-- {
		if c.vars[i].name == name {
			return &c.vars[i]
		}
	}
	return nil
}

// ref records that an operator under the enclosing not operators applies
// to p.
func (c *checker) ref(p *Property, pos int) {
	if c.inNot > 0 && p != nil {
		c.refs = append(c.refs, subject{p, pos})
	}
}

// path checks a path and returns its type, with the property that governs
// it as the operand's subject. It starts at the root type or, inside a
// /$filter(...) or $count($filter=...) condition, at the members of the
// innermost scope (whose governing property it inherits). Segments:
//
//   - $it (the root, also inside scopes) and $this come first only; a
//     lambda variable must be first and in scope; a parameter alias hands
//     the whole path to aliasPath. $root, functions, keys and annotations
//     are errors: the model cannot check them.
//   - A property needs a single structured value (a collection needs
//     any/all first); a cast needs a structured value or collection and a
//     type related to it by derivation either way.
//   - The governing property is the deepest filterable one so far, so a
//     path under a filterable complex property uses its support.
//   - $count ends the path as an Edm.Int32 and needs Count on the
//     collection property itself; its $filter option is checked as a
//     scope, $search is refused. any/all end the path (see lambda).
//     $filter(...) needs a governed collection and leaves the type as is.
//
// A path of only $it, $this or casts has no subject and need not be
// filterable; any other path without a governing property is an error. The
// subject is also recorded for an enclosing not (see ref).
func (c *checker) path(p *Path) (operand, *Error) {
	o := operand{e: p}
	cur := ty{name: c.root.Name}
	var gov, last *Property
	if n := len(c.scopes); n > 0 {
		sc := c.scopes[n-1]
		cur, gov, last = sc.t, sc.gov, sc.prop
	}
	for i := range p.Segments {
		s := &p.Segments[i]
		at := s.Offset()
		switch s.Kind {
		case SegIt, SegThis:
			if i != 0 {
				return o, errAt(at, "%s must be the first segment", s.Kind)
			}
			if s.Kind == SegIt {
				// $it is the resource the filter applies to, also inside
				// $filter(...).
				cur, gov, last = ty{name: c.root.Name}, nil, nil
			}
			continue
		case SegRoot:
			return o, errAt(at, "$root is not supported by the checker: the model has no entity sets")
		case SegAlias:
			return c.aliasPath(p)
		case SegFunction:
			return o, errAt(at, "function %s is not supported by the checker: the model has no functions", s.Name)
		case SegKey, SegKeyAsSegment:
			return o, errAt(at, "key predicates are not supported by the checker: the model has no keys")
		case SegAnnotation:
			return o, errAt(at, "annotation @%s is not supported by the checker: the model has no annotations", s.Name)
		case SegVar:
			v := c.lookupVar(s.Name)
			if i != 0 || v == nil {
				return o, errAt(at, "no lambda variable %s in scope", s.Name)
			}
			cur, gov, last = v.t, v.gov, v.prop
			continue
		case SegCount:
			if !cur.coll {
				return o, errAt(at, "$count needs a collection; %s is %s", pathText(p, i), cur)
			}
			if last == nil || last.Filter == nil || !last.Filter.Count {
				return o, errAt(at, "$count is not supported on %s", pathText(p, i))
			}
			c.ref(last, p.Offset())
			for _, opt := range s.Options {
				if opt.Name == "$search" {
					return o, errAt(opt.Offset(), "$search is not supported by the checker: the model does not say what a search matches")
				}
				if err := c.scoped(ty{name: cur.name}, last, last, opt.Filter, "the $filter option of $count"); err != nil {
					return o, err
				}
			}
			o.t = tyInt32
			return o, nil
		case SegAny, SegAll:
			return c.lambda(p, i, cur, gov, last)
		case SegFilter:
			if !cur.coll {
				return o, errAt(at, "$filter(...) needs a collection; %s is %s", pathText(p, i), cur)
			}
			if gov == nil {
				return o, errAt(p.Offset(), "%s is not filterable", pathText(p, i))
			}
			c.ref(gov, p.Offset())
			if err := c.scoped(ty{name: cur.name}, gov, last, s.Pred, "the condition of $filter(...)"); err != nil {
				return o, err
			}
			continue
		}
		// A cast applies to a value or to each member of a collection; a
		// property needs a single structured value.
		if cur.coll && s.Kind == SegProperty {
			return o, errAt(at, "%s is a collection: use any or all to reach its members", pathText(p, i))
		}
		switch c.kind(cur) {
		case kStruct:
		case kUnknown:
			return o, errAt(at, "%s has type %s, which the model does not define", pathText(p, i), cur)
		default:
			return o, errAt(at, "%s is %s and has no properties", pathText(p, i), cur)
		}
		if s.Kind == SegCast {
			if c.m.Types[s.Name] == nil {
				return o, errAt(at, "unknown type %s", s.Name)
			}
			if !c.m.derives(s.Name, cur.name) && !c.m.derives(cur.name, s.Name) {
				return o, errAt(at, "cannot cast %s to %s: neither derives from the other", cur.name, s.Name)
			}
			cur.name = s.Name
			continue
		}
		prop := c.m.Property(cur.name, s.Name)
		if prop == nil {
			return o, errAt(at, "no property %s on %s", s.Name, cur.name)
		}
		cur, last = c.propType(prop), prop
		if prop.Filter != nil {
			gov = prop
		}
	}
	o.t = cur
	if last == nil {
		return o, nil // $it
	}
	if gov == nil {
		return o, errAt(p.Offset(), "%s is not filterable", pathText(p, len(p.Segments)))
	}
	o.subj = []subject{{gov, p.Offset()}}
	c.ref(gov, p.Offset())
	return o, nil
}

// scoped checks pred, the condition of a /$filter(...) segment or of a
// $count($filter=...) option, whose paths address the members (of type
// elem) of a collection governed by gov.
func (c *checker) scoped(elem ty, gov, prop *Property, pred Expr, what string) *Error {
	c.scopes = append(c.scopes, lambdaVar{t: elem, gov: gov, prop: prop})
	x, err := c.check(pred)
	if err == nil {
		err = c.requireBool(x, what)
	}
	c.scopes = c.scopes[:len(c.scopes)-1]
	return err
}

// aliasPath checks a path that starts at a parameter alias, @a/Street: its
// value, and so its type, is not known here, so the path is of unknown
// type, as the alias is; what needs the type (predicates, functions, keys,
// annotations) is not supported.
func (c *checker) aliasPath(p *Path) (operand, *Error) {
	o := operand{e: p}
	alias := p.Segments[0].Name
	for _, s := range p.Segments[1:] {
		switch s.Kind {
		case SegProperty, SegCast:
			continue
		case SegCount:
			if len(s.Options) > 0 {
				return o, errAt(s.Options[0].Offset(), "$count options after the parameter alias @%s are not supported by the checker: the type of its value is not known", alias)
			}
			o.t = tyInt32
			return o, nil
		case SegAny, SegAll:
			if s.Pred == nil {
				o.t = tyBoolean
				return o, nil
			}
		}
		return o, errAt(s.Offset(), "%s after the parameter alias @%s is not supported by the checker: the type of its value is not known", segmentText(&s), alias)
	}
	return o, nil
}

// pathText is the text of the first n segments of p.
func pathText(p *Path, n int) string {
	return Print(&Path{Segments: p.Segments[:n]})
}

func (c *checker) lambda(p *Path, i int, cur ty, gov, last *Property) (operand, *Error) {
	s := &p.Segments[i]
	o := operand{e: p, t: tyBoolean}
	op := OpAny
	if s.Kind == SegAll {
		op = OpAll
	}
	if !cur.coll {
		return o, errAt(s.Offset(), "%s needs a collection; %s is %s", op, pathText(p, i), cur)
	}
	if gov == nil {
		return o, errAt(p.Offset(), "%s is not filterable", pathText(p, i))
	}
	if !gov.Filter.Allows(op) {
		return o, errAt(s.Offset(), "operator %s is not supported on %s (supported: %s)", op, gov.Name, gov.Filter.supported())
	}
	c.ref(gov, p.Offset())
	if s.Pred == nil {
		return o, nil
	}
	c.vars = append(c.vars, lambdaVar{name: s.Var, t: ty{name: cur.name}, gov: gov, prop: last})
	pred, err := c.check(s.Pred)
	if err == nil {
		err = c.requireBool(pred, "the predicate of "+string(op))
	}
	c.vars = c.vars[:len(c.vars)-1]
	return o, err
}

// requireBool checks that o is a Boolean condition. A property used alone
// as a condition means "p eq true", so it needs eq.
func (c *checker) requireBool(o operand, what string) *Error {
	if o.t.null || o.t.coll || o.t.obj || (o.t.name != "" && o.t.name != "Edm.Boolean") {
		return errAt(Start(o.e), "%s must be Boolean; %s is %s", what, describe(o.e), o.t)
	}
	for _, s := range o.subj {
		if !s.prop.Filter.Allows(OpEq) {
			return errAt(s.pos, "%s used as a condition means %s eq true, but operator eq is not supported on %s (supported: %s)",
				describe(o.e), describe(o.e), s.prop.Name, s.prop.Filter.supported())
		}
	}
	return nil
}

// unary checks not and negation. not needs a Boolean operand, and every
// governing property referred to anywhere under it (collected through ref,
// nested nots included) must allow OpNot; the error is at the not. The
// collected references are dropped only when the outermost not is left.
// Negation takes a single number, duration or operand of unknown type (an
// alias) and keeps its type and subjects, so an operator applied to -p
// applies to p.
func (c *checker) unary(u *Unary) (operand, *Error) {
	if u.Op == "not" {
		mark := len(c.refs)
		c.inNot++
		x, err := c.check(u.X)
		c.inNot--
		if err == nil {
			err = c.requireBool(x, "the operand of not")
		}
		if err == nil {
			for _, r := range c.refs[mark:] {
				if !r.prop.Filter.Allows(OpNot) {
					err = errAt(u.Offset(), "operator not is not supported on %s (supported: %s)", r.prop.Name, r.prop.Filter.supported())
					break
				}
			}
		}
		if c.inNot == 0 {
			c.refs = c.refs[:mark]
		}
		return operand{e: u, t: tyBoolean}, err
	}
	x, err := c.check(u.X)
	if err != nil {
		return x, err
	}
	switch c.kind(x.t) {
	case kNumeric, kDuration, kUnknown:
		if !x.t.null && !x.t.coll {
			return operand{e: u, t: x.t, subj: x.subj}, nil
		}
	}
	return x, errAt(u.Offset(), "negation needs a number or a duration; %s is %s", describe(u.X), x.t)
}

// binary checks a binary operator, left operand first, returning the first
// error. and/or need Boolean operands (a bare Boolean property needs eq,
// see requireBool); in is handed to in before its right side is checked,
// since that side may be a list; comparisons go to compare, has to has,
// and the arithmetic operators to arithmetic, which gives the result type.
// Every other result is Edm.Boolean.
func (c *checker) binary(b *Binary) (operand, *Error) {
	out := operand{e: b, t: tyBoolean}
	l, err := c.check(b.L)
	if err != nil {
		return out, err
	}
	switch b.Op {
	case "and", "or":
		if err := c.requireBool(l, "the left operand of "+b.Op); err != nil {
			return out, err
		}
		r, err := c.check(b.R)
		if err == nil {
			err = c.requireBool(r, "the right operand of "+b.Op)
		}
		return out, err
	case "in":
		return c.in(b, l)
	}
	r, err := c.check(b.R)
	if err != nil {
		return out, err
	}
	switch b.Op {
	case "eq", "ne", "gt", "ge", "lt", "le":
		return out, c.compare(b, l, r)
	case "has":
		return out, c.has(b, l, r)
	}
	return c.arithmetic(b, l, r)
}

// allow checks that op may be applied to the subjects of the operands.
func allow(op Op, at int, operands ...operand) *Error {
	for _, o := range operands {
		for _, s := range o.subj {
			if !s.prop.Filter.Allows(op) {
				return errAt(at, "operator %s is not supported on %s (supported: %s)", op, s.prop.Name, s.prop.Filter.supported())
			}
		}
	}
	return nil
}

// compare checks a comparison (eq ne gt ge lt le). With null on either
// side only eq and ne are allowed, and the other side's governing
// properties need Filter.Null rather than the operator. Otherwise the
// operator must be allowed on the properties of both sides, the types
// must be compatible, and ordering is refused for Boolean, structured,
// spatial and stream values, judged by the type of either operand (an
// alias on one side takes its type from nothing, so the other decides).
func (c *checker) compare(b *Binary, l, r operand) *Error {
	op := Op(b.Op)
	if l.t.null || r.t.null {
		value, null := l, r
		if l.t.null {
			value, null = r, l
		}
		if op != OpEq && op != OpNe {
			return errAt(null.e.Offset(), "null can only be compared with eq or ne, not %s", op)
		}
		for _, s := range value.subj {
			if !s.prop.Filter.Null {
				return errAt(null.e.Offset(), "comparison with null is not supported on %s", s.prop.Name)
			}
		}
		return nil
	}
	if err := allow(op, b.Offset(), l, r); err != nil {
		return err
	}
	if err := c.compatible(l, r); err != nil {
		return err
	}
	if op != OpEq && op != OpNe {
		for _, o := range []operand{l, r} {
			switch k := c.kind(o.t); {
			case k == kBoolean || k == kStruct || k == kGeo || k == kStream:
				return errAt(b.Offset(), "operator %s does not apply to %s", op, o.t)
			}
		}
	}
	return nil
}

// compatible checks that two operands may be compared.
func (c *checker) compatible(l, r operand) *Error {
	for _, o := range []operand{l, r} {
		if o.t.coll {
			return errAt(Start(o.e), "%s is a collection: use any or all to compare its members", describe(o.e))
		}
	}
	kl, kr := c.kind(l.t), c.kind(r.t)
	if kl == kUnknown || kr == kUnknown {
		return nil
	}
	switch {
	case kl == kObject && kr == kObject:
		return nil
	case kl == kStruct && kr == kObject:
		return c.objectFits(l.t, r)
	case kl == kObject && kr == kStruct:
		return c.objectFits(r.t, l)
	case kl == kr && kl == kEnum:
		if l.t.name == r.t.name {
			return nil
		}
	case kl == kr && kl == kStruct:
		if c.m.derives(l.t.name, r.t.name) || c.m.derives(r.t.name, l.t.name) {
			return nil
		}
	case kl == kr:
		return nil
	case (kl == kDate && kr == kDateTimeOffset) || (kl == kDateTimeOffset && kr == kDate):
		return nil
	case kl == kEnum && kr == kString, kl == kString && kr == kEnum:
		en, s := l, r
		if kl == kString {
			en, s = r, l
		}
		if lit, ok := s.e.(*Literal); ok {
			return checkMembers(c.m.Enums[en.t.name], lit, lit.Value)
		}
	case kl == kDuration && kr == kString, kl == kString && kr == kDuration:
		s := r
		if kl == kString {
			s = l
		}
		if lit, ok := s.e.(*Literal); ok {
			if _, ok := canonicalDuration(lit.Value); ok {
				return nil
			}
		}
	}
	// Point at the literal, if one side is, else at the right operand.
	at := Start(r.e)
	if _, ok := l.e.(*Literal); ok {
		if _, ok := r.e.(*Literal); !ok {
			at = Start(l.e)
		}
	}
	return errAt(at, "type mismatch: %s is %s, %s is %s", describe(l.e), l.t, describe(r.e), r.t)
}

func (c *checker) has(b *Binary, l, r operand) *Error {
	if err := allow(OpHas, b.Offset(), l); err != nil {
		return err
	}
	kl := c.kind(l.t)
	if kl == kUnknown && !l.t.null {
		return nil
	}
	if kl != kEnum || l.t.coll {
		return errAt(Start(b.L), "has needs an enumeration value on its left; %s is %s", describe(b.L), l.t)
	}
	switch c.kind(r.t) {
	case kUnknown:
		if !r.t.null {
			return nil
		}
	case kEnum:
		if r.t.name == l.t.name {
			return nil
		}
	case kString:
		if lit, ok := r.e.(*Literal); ok {
			return checkMembers(c.m.Enums[l.t.name], lit, lit.Value)
		}
	}
	return errAt(Start(b.R), "type mismatch: %s is %s, %s is %s", describe(b.L), l.t, describe(b.R), r.t)
}

// in checks "l in r". The left side's governing properties must allow in.
// A parenthesized list or a JSON array on the right is checked item by
// item: the left side must be single-valued (also for an empty list), each
// item's properties must allow in, a null item counts as "l eq null"
// (needing Null), and every other item must be compatible with l. Any
// other right side is an operand that must be a collection of compatible
// elements (see inCollection). The result is Edm.Boolean.
func (c *checker) in(b *Binary, l operand) (operand, *Error) {
	out := operand{e: b, t: tyBoolean}
	if err := allow(OpIn, b.Offset(), l); err != nil {
		return out, err
	}
	var items []operand
	switch r := b.R.(type) {
	case *List:
		for _, item := range r.Items {
			x, err := c.check(item)
			if err != nil {
				return out, err
			}
			items = append(items, x)
		}
	case *Array:
		// A JSON array on the right is a list of its items.
		x, err := c.array(r)
		if err != nil {
			return out, err
		}
		items = x.elems
	default:
		return c.inCollection(b, l)
	}
	if l.t.coll {
		// Checked here too, for an empty list.
		return out, errAt(Start(b.L), "%s is a collection: use any or all to compare its members", describe(b.L))
	}
	for _, r := range items {
		if err := allow(OpIn, b.Offset(), r); err != nil {
			return out, err
		}
		if r.t.null {
			if err := c.compare(&Binary{Pos: b.Pos, Op: "eq", L: b.L, R: r.e}, l, r); err != nil {
				return out, err
			}
			continue
		}
		if err := c.compatible(l, r); err != nil {
			return out, err
		}
	}
	return out, nil
}

// inCollection checks "l in r" where r is an operand: a collection.
func (c *checker) inCollection(b *Binary, l operand) (operand, *Error) {
	out := operand{e: b, t: tyBoolean}
	r, err := c.check(b.R)
	if err != nil {
		return out, err
	}
	if err := allow(OpIn, b.Offset(), r); err != nil {
		return out, err
	}
	if c.kind(r.t) == kUnknown && !r.t.null {
		return out, nil
	}
	if !r.t.coll {
		return out, errAt(Start(b.R), "in needs a list or a collection on its right; %s is %s", describe(b.R), r.t)
	}
	elem := r
	elem.t.coll = false
	return out, c.compatible(l, elem)
}

// arithmetic checks add, sub, mul, div, divby and mod and gives the result
// type, whose subjects are those of both operands (price add 1 gt 2 applies
// gt to price). Both operands must be single and not null. An operand of
// unknown type (an alias) yields the other's type; numbers promote to the
// higher numericRank, and divby gives Edm.Decimal; add and sub also take
// duration plus duration, date or date-time plus or minus a duration
// (duration plus date or date-time too), and the difference of two dates
// or date-times, an Edm.Duration; mul and div take a duration times or
// divided by a number (number times duration too). Anything else is an
// error at the operator.
func (c *checker) arithmetic(b *Binary, l, r operand) (operand, *Error) {
	out := operand{e: b, subj: append(append([]subject(nil), l.subj...), r.subj...)}
	kl, kr := c.kind(l.t), c.kind(r.t)
	if !l.t.coll && !r.t.coll && !l.t.null && !r.t.null {
		switch {
		case kl == kUnknown || kr == kUnknown:
			if kl == kUnknown {
				out.t = r.t
			} else {
				out.t = l.t
			}
			return out, nil
		case kl == kNumeric && kr == kNumeric:
			out.t = l.t
			if numericRank[r.t.name] > numericRank[l.t.name] {
				out.t = r.t
			}
			if b.Op == "divby" {
				out.t = tyDecimal
			}
			return out, nil
		}
		switch b.Op {
		case "add", "sub":
			switch {
			case kl == kDuration && kr == kDuration:
				out.t = l.t
				return out, nil
			case (kl == kDateTimeOffset || kl == kDate) && kr == kDuration:
				out.t = l.t
				return out, nil
			case kl == kDuration && (kr == kDateTimeOffset || kr == kDate) && b.Op == "add":
				out.t = r.t
				return out, nil
			case b.Op == "sub" && ((kl == kDateTimeOffset && kr == kDateTimeOffset) || (kl == kDate && kr == kDate)):
				out.t = ty{name: "Edm.Duration"}
				return out, nil
			}
		case "mul", "div":
			if kl == kDuration && kr == kNumeric || (b.Op == "mul" && kl == kNumeric && kr == kDuration) {
				out.t = ty{name: "Edm.Duration"}
				return out, nil
			}
		}
	}
	return out, errAt(b.Offset(), "operator %s does not apply to %s and %s", b.Op, l.t, r.t)
}

// signature says what a canonical function takes and returns.
type signature struct {
	args   [][]kind // accepted kinds per argument; nil = any
	result ty       // zero: the type of the first argument
	op     Op       // the Op it needs on properties under its arguments
	// transparent functions pass the property under their first
	// argument on to the operator applied to their result.
	transparent bool
}

var (
	kindsString = []kind{kString}
	kindsDate   = []kind{kDate, kDateTimeOffset}
	kindsTime   = []kind{kDateTimeOffset, kTimeOfDay}
	kindsDTO    = []kind{kDateTimeOffset}
	kindsNumber = []kind{kNumeric}
	kindsGeo    = []kind{kGeo}
)

var signatures = map[string]signature{
	"contains":           {args: [][]kind{kindsString, kindsString}, result: tyBoolean, op: OpContains},
	"startswith":         {args: [][]kind{kindsString, kindsString}, result: tyBoolean, op: OpStartsWith},
	"endswith":           {args: [][]kind{kindsString, kindsString}, result: tyBoolean, op: OpEndsWith},
	"matchesPattern":     {args: [][]kind{kindsString, kindsString}, result: tyBoolean},
	"indexof":            {args: [][]kind{kindsString, kindsString}, result: tyInt32},
	"length":             {args: [][]kind{kindsString}, result: tyInt32},
	"substring":          {args: [][]kind{kindsString, kindsNumber, kindsNumber}, result: tyString},
	"concat":             {args: [][]kind{kindsString, kindsString}, result: tyString},
	"tolower":            {args: [][]kind{kindsString}, result: tyString, transparent: true},
	"toupper":            {args: [][]kind{kindsString}, result: tyString, transparent: true},
	"trim":               {args: [][]kind{kindsString}, result: tyString, transparent: true},
	"year":               {args: [][]kind{kindsDate}, result: tyInt32},
	"month":              {args: [][]kind{kindsDate}, result: tyInt32},
	"day":                {args: [][]kind{kindsDate}, result: tyInt32},
	"hour":               {args: [][]kind{kindsTime}, result: tyInt32},
	"minute":             {args: [][]kind{kindsTime}, result: tyInt32},
	"second":             {args: [][]kind{kindsTime}, result: tyInt32},
	"fractionalseconds":  {args: [][]kind{kindsTime}, result: tyDecimal},
	"totalseconds":       {args: [][]kind{{kDuration}}, result: tyDecimal},
	"date":               {args: [][]kind{kindsDTO}, result: ty{name: "Edm.Date"}},
	"time":               {args: [][]kind{kindsDTO}, result: ty{name: "Edm.TimeOfDay"}},
	"totaloffsetminutes": {args: [][]kind{kindsDTO}, result: tyInt32},
	"now":                {result: tyDTO},
	"mindatetime":        {result: tyDTO},
	"maxdatetime":        {result: tyDTO},
	"round":              {args: [][]kind{kindsNumber}},
	"floor":              {args: [][]kind{kindsNumber}},
	"ceiling":            {args: [][]kind{kindsNumber}},
	"geo.distance":       {args: [][]kind{kindsGeo, kindsGeo}, result: tyDouble},
	"geo.length":         {args: [][]kind{kindsGeo}, result: tyDouble},
	"geo.intersects":     {args: [][]kind{kindsGeo, kindsGeo}, result: tyBoolean},
	"hassubset":          {args: [][]kind{nil, nil}, result: tyBoolean},
	"hassubsequence":     {args: [][]kind{nil, nil}, result: tyBoolean},
}

// call checks a canonical function call (cast and isof go to castCall).
// Arguments are checked left to right against the signature: null and
// operands of unknown type pass; a nil kind list (hassubset,
// hassubsequence) wants a collection, whose element types the two must
// share; any other wants a single value of a listed kind. The parser has
// checked the arity; only too many arguments are caught here again. A
// function with an Op (contains, startswith, endswith) needs it on the
// properties of all its arguments. The result is the signature's type, or
// the first argument's for round, floor and ceiling, which, like the
// transparent tolower, toupper and trim, pass its subjects on.
func (c *checker) call(n *Call) (operand, *Error) {
	out := operand{e: n}
	switch n.Name {
	case "cast", "isof":
		return c.castCall(n)
	}
	sig, ok := signatures[n.Name]
	if !ok {
		return out, errAt(n.Offset(), "unknown function %s", n.Name)
	}
	args := make([]operand, len(n.Args))
	for i, a := range n.Args {
		o, err := c.check(a)
		if err != nil {
			return out, err
		}
		args[i] = o
		if i >= len(sig.args) {
			return out, errAt(a.Offset(), "%s takes %d arguments", n.Name, len(sig.args))
		}
		want := sig.args[i]
		if o.t.null || c.kind(o.t) == kUnknown {
			continue
		}
		if want == nil {
			if !o.t.coll {
				return out, errAt(Start(a), "%s needs collections; %s is %s", n.Name, describe(a), o.t)
			}
			continue
		}
		k := c.kind(o.t)
		okKind := !o.t.coll
		if okKind {
			okKind = false
			for _, w := range want {
				if k == w {
					okKind = true
				}
			}
		}
		if !okKind {
			return out, errAt(Start(a), "%s needs %s for argument %d; %s is %s", n.Name, kindNames(want), i+1, describe(a), o.t)
		}
	}
	if (n.Name == "hassubset" || n.Name == "hassubsequence") && len(args) == 2 && args[0].t.coll && args[1].t.coll {
		if err := c.sameElements(args[0], args[1]); err != nil {
			return out, err
		}
	}
	if sig.op != "" {
		if err := allowFunc(n, sig.op, args); err != nil {
			return out, err
		}
	}
	switch {
	case sig.result != (ty{}):
		out.t = sig.result
	case len(args) > 0:
		out.t = args[0].t
	}
	if (sig.transparent || sig.result == (ty{})) && len(args) > 0 {
		out.subj = args[0].subj
	}
	return out, nil
}

func allowFunc(n *Call, op Op, args []operand) *Error {
	for _, a := range args {
		for _, s := range a.subj {
			if !s.prop.Filter.Allows(op) {
				return errAt(n.Offset(), "function %s is not supported on %s (supported: %s)", n.Name, s.prop.Name, s.prop.Filter.supported())
			}
		}
	}
	return nil
}

var kindName = map[kind]string{
	kNumeric: "a number", kString: "Edm.String", kBoolean: "Edm.Boolean", kDate: "Edm.Date",
	kDateTimeOffset: "Edm.DateTimeOffset", kTimeOfDay: "Edm.TimeOfDay", kDuration: "Edm.Duration",
	kGuid: "Edm.Guid", kBinary: "Edm.Binary", kGeo: "a geography or geometry value",
}

func kindNames(ks []kind) string {
	parts := make([]string, len(ks))
	for i, k := range ks {
		parts[i] = kindName[k]
	}
	return strings.Join(parts, " or ")
}

// castCall checks cast and isof.
func (c *checker) castCall(n *Call) (operand, *Error) {
	out := operand{e: n}
	tn, ok := n.Args[len(n.Args)-1].(*TypeName)
	if !ok || len(n.Args) > 2 {
		return out, errAt(n.Offset(), "%s takes [expression,] type name", n.Name)
	}
	target, err := c.typeName(tn)
	if err != nil {
		return out, err
	}
	var x operand
	if len(n.Args) == 2 {
		if x, err = c.check(n.Args[0]); err != nil {
			return out, err
		}
	} else {
		x = operand{e: n, t: ty{name: c.root.Name}}
	}
	if n.Name == "isof" {
		out.t = tyBoolean
		return out, nil
	}
	kx, kt := c.kind(x.t), c.kind(target)
	if kx == kStruct && kt == kStruct && !c.m.derives(target.name, x.t.name) && !c.m.derives(x.t.name, target.name) {
		return out, errAt(tn.Offset(), "cannot cast %s to %s: neither derives from the other", x.t, target)
	}
	if (kx == kStruct) != (kt == kStruct) && kx != kUnknown && kt != kUnknown {
		return out, errAt(tn.Offset(), "cannot cast %s to %s", x.t, target)
	}
	out.t, out.subj = target, x.subj
	return out, nil
}

func (c *checker) typeName(tn *TypeName) (ty, *Error) {
	name, coll := tn.Name, false
	if inner, ok := strings.CutPrefix(name, "Collection("); ok {
		name, coll = strings.TrimSuffix(inner, ")"), true
	}
	if u, ok := c.m.TypeDefs[name]; ok {
		name = u
	}
	t := ty{name: name, coll: coll}
	if !isEdmName(name) && c.m.Enums[name] == nil && c.m.Types[name] == nil {
		return t, errAt(tn.Offset(), "unknown type %s", tn.Name)
	}
	return t, nil
}

// caseExpr checks case(cond: value, ...): every condition must be Boolean
// (see requireBool), and every non-null value compatible with the first
// non-null one, whose type is the result (null when all are null). The
// result has no subjects, so operators applied to a case expression are
// not checked against the properties in its values.
func (c *checker) caseExpr(n *Case) (operand, *Error) {
	out := operand{e: n}
	var first *operand
	for _, br := range n.Branches {
		cond, err := c.check(br.Cond)
		if err != nil {
			return out, err
		}
		if err := c.requireBool(cond, "a case condition"); err != nil {
			return out, err
		}
		v, err := c.check(br.Value)
		if err != nil {
			return out, err
		}
		if v.t.null {
			continue
		}
		if first == nil {
			first = &v
			out.t = v.t
			continue
		}
		if err := c.compatible(*first, v); err != nil {
			return out, err
		}
	}
	if first == nil {
		out.t = ty{null: true}
	}
	return out, nil
}
