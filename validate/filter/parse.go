package filter

import (
	"encoding/base64"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Default limits of Parse.
const (
	// DefaultMaxLength is the longest expression Parse accepts, in bytes.
	// 8 KiB is well above what fits in a request URL that services accept.
	DefaultMaxLength = 8 << 10
	// DefaultMaxDepth is the deepest nesting Parse accepts: each
	// parenthesis, function call, lambda, list and unary operator opens a
	// level.
	DefaultMaxDepth = 100
)

// maxIdentifier is the longest odataIdentifier the ABNF allows.
const maxIdentifier = 128

// Option configures Parse and Check.
type Option func(*config)

type config struct {
	maxLength int
	maxDepth  int
}

// MaxLength sets the longest expression accepted, in bytes (n <= 0 means
// DefaultMaxLength). Longer input is rejected before parsing.
func MaxLength(n int) Option { return func(c *config) { c.maxLength = n } }

// MaxDepth sets the deepest nesting accepted (n <= 0 means
// DefaultMaxDepth). Chains of binary operators (a or b or c ...) do not
// nest; they are bounded by MaxLength.
func MaxDepth(n int) Option { return func(c *config) { c.maxDepth = n } }

func newConfig(opts []Option) config {
	var c config
	for _, o := range opts {
		o(&c)
	}
	if c.maxLength <= 0 {
		c.maxLength = DefaultMaxLength
	}
	if c.maxDepth <= 0 {
		c.maxDepth = DefaultMaxDepth
	}
	return c
}

// Parse parses a $filter expression: the decoded value of the query
// option (see FromQuery). Errors are *Error.
func Parse(expr string, opts ...Option) (Expr, error) {
	c := newConfig(opts)
	e, err := parse(expr, c)
	if err != nil {
		err.Expr = expr
		return nil, err
	}
	return e, nil
}

func parse(expr string, c config) (Expr, *Error) {
	if len(expr) > c.maxLength {
		return nil, errAt(c.maxLength, "expression is %d bytes long; the limit is %d", len(expr), c.maxLength)
	}
	p := &parser{src: expr, maxDepth: c.maxDepth}
	p.skipWS()
	if p.eof() {
		return nil, errAt(p.pos, "empty expression")
	}
	e, err := p.expr(0)
	if err != nil {
		return nil, err
	}
	p.skipWS()
	if !p.eof() {
		if p.src[p.pos] == ')' {
			return nil, errAt(p.pos, "unexpected ) without a matching (")
		}
		return nil, p.unexpected("an operator or end of input")
	}
	return e, nil
}

type parser struct {
	src      string
	pos      int
	depth    int
	maxDepth int
	vars     []string // lambda variables in scope, innermost last
}

// Operator precedence, lowest first (OData URL conventions, "Operator
// Precedence"): or, and, equality, relational (with has and in), additive,
// multiplicative, unary, primary.
const (
	precOr = 1 + iota
	precAnd
	precEq
	precRel
	precAdd
	precMul
	precUnary
	precPrimary
)

var binaryOps = map[string]int{
	"or": precOr, "and": precAnd,
	"eq": precEq, "ne": precEq,
	"gt": precRel, "ge": precRel, "lt": precRel, "le": precRel, "has": precRel, "in": precRel,
	"add": precAdd, "sub": precAdd,
	"mul": precMul, "div": precMul, "divby": precMul, "mod": precMul,
}

// keyword returns the canonical spelling of a binary operator keyword or
// "not" (operators are case-insensitive in the ABNF), or "".
func keyword(word string) string {
	if len(word) > 5 {
		return ""
	}
	w := strings.ToLower(word)
	if _, ok := binaryOps[w]; ok || w == "not" {
		return w
	}
	return ""
}

// function describes a canonical function: its canonical spelling and
// arity.
type function struct {
	name     string
	min, max int
}

var functions = func() map[string]function {
	m := map[string]function{}
	add := func(name string, min, max int) { m[strings.ToLower(name)] = function{name, min, max} }
	for _, f := range []string{"contains", "endswith", "startswith", "indexof", "concat",
		"matchesPattern", "geo.distance", "geo.intersects", "hassubset", "hassubsequence"} {
		add(f, 2, 2)
	}
	for _, f := range []string{"length", "tolower", "toupper", "trim", "year", "month", "day",
		"hour", "minute", "second", "fractionalseconds", "totalseconds", "date", "time",
		"totaloffsetminutes", "round", "floor", "ceiling", "geo.length"} {
		add(f, 1, 1)
	}
	for _, f := range []string{"now", "mindatetime", "maxdatetime"} {
		add(f, 0, 0)
	}
	add("substring", 2, 3)
	add("cast", 1, 2)
	add("isof", 1, 2)
	add("case", 1, -1)
	return m
}()

func (p *parser) eof() bool { return p.pos >= len(p.src) }

func isWS(c byte) bool { return c == ' ' || c == '\t' }

func (p *parser) skipWS() {
	for p.pos < len(p.src) && isWS(p.src[p.pos]) {
		p.pos++
	}
}

// enter opens a nesting level at the offset at.
func (p *parser) enter(at int) *Error {
	p.depth++
	if p.depth > p.maxDepth {
		return errAt(at, "expression nested more than %d levels deep", p.maxDepth)
	}
	return nil
}

func (p *parser) leave() { p.depth-- }

// unexpected reports what was found at p.pos (after whitespace) when want
// was expected.
func (p *parser) unexpected(want string) *Error {
	p.skipWS()
	if p.eof() {
		return errAt(p.pos, "expected %s, found end of input", want)
	}
	tok := p.token(p.pos)
	if kw := keyword(tok); kw != "" && kw != "not" && p.pos > 0 && !isWS(p.src[p.pos-1]) {
		return errAt(p.pos, "missing whitespace before %s", kw)
	}
	return errAt(p.pos, "expected %s, found %s", want, tok)
}

// token returns a short description of the input at i for messages.
func (p *parser) token(i int) string {
	r, n := utf8.DecodeRuneInString(p.src[i:])
	if !isIdentStart(r) && !isIdentPart(r) {
		if r == utf8.RuneError && n <= 1 {
			return strconv.Quote(p.src[i : i+1])
		}
		if unicode.IsPrint(r) {
			return string(r)
		}
		return strconv.QuoteRune(r)
	}
	j := i
	for j < len(p.src) && j-i < 40 {
		r, n := utf8.DecodeRuneInString(p.src[j:])
		if !isIdentPart(r) && r != '.' {
			break
		}
		j += n
	}
	return p.src[i:j]
}

// expr parses operands joined by binary operators of precedence minPrec
// or higher, left-associatively (precedence climbing).
func (p *parser) expr(minPrec int) (Expr, *Error) {
	left, err := p.unary()
	if err != nil {
		return nil, err
	}
	return p.climb(left, minPrec)
}

// climb continues an expression whose first operand, left, is parsed:
// it joins the operators of precedence minPrec or higher that follow.
func (p *parser) climb(left Expr, minPrec int) (Expr, *Error) {
	for {
		op, at, end, err := p.peekOp()
		if err != nil {
			return nil, err
		}
		if op == "" || binaryOps[op] < minPrec {
			return left, nil
		}
		p.pos = end
		var right Expr
		if op == "in" {
			right, err = p.inRight()
		} else {
			right, err = p.expr(binaryOps[op] + 1)
		}
		if err != nil {
			return nil, err
		}
		if op == "has" {
			if err := hasRight(right, end); err != nil {
				return nil, err
			}
		}
		left = &Binary{Pos: Pos(at), Op: op, L: left, R: right}
	}
}

// hasRight checks the right operand of has, which starts at at: the ABNF's
// hasExpr takes an enumLiteral (ns.type'member', or the quoted members
// without the type), and a parameter alias may stand for one.
func hasRight(right Expr, at int) *Error {
	switch r := right.(type) {
	case *Alias:
		if r.Offset() == at {
			return nil
		}
	case *Literal:
		if r.Offset() == at && (r.Kind == LitEnum || (r.Kind == LitString && validEnumValue(r.Value))) {
			return nil
		}
	}
	return errAt(at, "has needs an enumeration literal (ns.type'member' or 'member') or a parameter alias on its right, found %s", describe(right))
}

// peekOp looks for RWS operator RWS after an operand. It returns the
// operator, its offset and the offset after the whitespace that follows
// it, without moving; op is "" when no operator follows.
func (p *parser) peekOp() (op string, at, end int, err *Error) {
	s := p.src
	i := p.pos
	for i < len(s) && isWS(s[i]) {
		i++
	}
	if i == p.pos || i == len(s) {
		return "", 0, 0, nil
	}
	j := i
	for j < len(s) && (s[j]|0x20 >= 'a' && s[j]|0x20 <= 'z') {
		j++
	}
	op = keyword(s[i:j])
	if op == "" || op == "not" {
		return "", 0, 0, nil
	}
	if j < len(s) {
		if r, _ := utf8.DecodeRuneInString(s[j:]); isIdentPart(r) {
			return "", 0, 0, nil // a longer word such as "equals"
		}
		if !isWS(s[j]) {
			return "", 0, 0, errAt(j, "expected whitespace after %s", op)
		}
	}
	k := j
	for k < len(s) && isWS(s[k]) {
		k++
	}
	return op, i, k, nil
}

// inRight parses the right side of "in": a parenthesized list of
// literals, parameter aliases and JSON values (the ABNF's listExpr, which
// may be empty), or an operand such as a collection path or a JSON array.
// "(x)" with a single item that is no list item is a parenthesized
// operand, as the ABNF reads it (inExpr = listExpr / commonExpr).
func (p *parser) inRight() (Expr, *Error) {
	if p.eof() || p.src[p.pos] != '(' {
		return p.expr(precRel + 1)
	}
	open := p.pos
	p.pos++
	if err := p.enter(open); err != nil {
		return nil, err
	}
	l := &List{Pos: Pos(open)}
	p.skipWS()
	if !p.eof() && p.src[p.pos] == ')' {
		p.pos++
		p.leave()
		return l, nil
	}
	for {
		start := p.pos
		x, err := p.expr(0)
		if err != nil {
			return nil, err
		}
		p.skipWS()
		if p.eof() {
			return nil, errAt(open, "unclosed parenthesis: no ) before end of input")
		}
		c := p.src[p.pos]
		if c == ')' && len(l.Items) == 0 && !isListItem(x, start) {
			// A parenthesized operand; the operators that bind tighter
			// than in may follow it: x in (a) add b.
			p.pos++
			p.leave()
			return p.climb(x, precRel+1)
		}
		if c == ',' || c == ')' {
			if !isListItem(x, start) {
				what := describe(x)
				if p.src[start] == '(' {
					what = "a parenthesized " + what
				}
				return nil, errAt(start, "a list after in holds only literals, parameter aliases and JSON arrays or objects; found %s", what)
			}
			l.Items = append(l.Items, x)
			p.pos++
			if c == ')' {
				p.leave()
				return l, nil
			}
			p.skipWS()
			continue
		}
		return nil, p.unexpected(", or )")
	}
}

// isListItem reports whether x, parsed from the text at start, may be an
// item of a listExpr: a primitive literal, a parameter alias or a JSON
// array or object, written as such (not in parentheses).
func isListItem(x Expr, start int) bool {
	switch x.(type) {
	case *Literal, *Alias, *Array, *Object:
		return x.Offset() == start
	}
	return false
}

// args parses "a, b, c" followed by close, p.pos being just after the
// opening parenthesis at open. An empty list is allowed.
func (p *parser) args(open int, close byte) ([]Expr, *Error) {
	p.skipWS()
	if !p.eof() && p.src[p.pos] == close {
		p.pos++
		return nil, nil
	}
	var list []Expr
	for {
		x, err := p.expr(0)
		if err != nil {
			return nil, err
		}
		list = append(list, x)
		p.skipWS()
		if p.eof() {
			return nil, errAt(open, "unclosed parenthesis: no ) before end of input")
		}
		switch p.src[p.pos] {
		case ',':
			p.pos++
			p.skipWS()
			continue
		case close:
			p.pos++
			return list, nil
		}
		return nil, p.unexpected(", or )")
	}
}

// closeParen expects the ")" matching the "(" at open.
func (p *parser) closeParen(open int) *Error {
	p.skipWS()
	if p.eof() {
		return errAt(open, "unclosed parenthesis: no ) before end of input")
	}
	if p.src[p.pos] != ')' {
		return p.unexpected(") or an operator")
	}
	p.pos++
	return nil
}

// unary parses negation, not, or a primary expression.
func (p *parser) unary() (Expr, *Error) {
	if p.eof() {
		return nil, errAt(p.pos, "expected an operand, found end of input")
	}
	s := p.src
	at := p.pos
	switch c := s[at]; {
	case c == '-':
		if at+1 < len(s) && isDigit(s[at+1]) {
			return p.numeric(at)
		}
		if strings.HasPrefix(s[at+1:], "INF") && !identContinues(s, at+4) {
			p.pos = at + 4
			return &Literal{Pos: Pos(at), Kind: LitDouble, Value: "-INF"}, nil
		}
		p.pos++
		p.skipWS()
		return p.unaryOperand(at, "-")
	case c == '+' && at+1 < len(s) && isDigit(s[at+1]):
		return p.numeric(at)
	case c|0x20 == 'n' && len(s) >= at+3 && strings.EqualFold(s[at:at+3], "not") &&
		(at+3 == len(s) || isWS(s[at+3]) || s[at+3] == '('):
		p.pos = at + 3
		p.skipWS()
		return p.unaryOperand(at, "not")
	}
	return p.primary()
}

func (p *parser) unaryOperand(at int, op string) (Expr, *Error) {
	if err := p.enter(at); err != nil {
		return nil, err
	}
	defer p.leave()
	x, err := p.unary()
	if err != nil {
		return nil, err
	}
	return &Unary{Pos: Pos(at), Op: op, X: x}, nil
}

// primary parses an operand at p.pos, which the caller has moved past
// whitespace and checked is not the end of input. A GUID is tried first,
// since one may start with digits or letters (it is stored in lower case);
// then a parenthesized expression (one nesting level, returned without a
// node of its own), a single-quoted string, a path starting with @ or $, a
// JSON array or object, a number or other digit-led literal (see numeric),
// and an identifier (keyword literal, function call, prefixed literal or
// path; see identOperand). A double-quoted string gets a hint, anything
// else an "expected an operand" error.
func (p *parser) primary() (Expr, *Error) {
	s := p.src
	at := p.pos
	c := s[at]
	if isHex(c) {
		if end, ok := guidAt(s, at); ok {
			p.pos = end
			return &Literal{Pos: Pos(at), Kind: LitGuid, Value: strings.ToLower(s[at:end])}, nil
		}
	}
	switch {
	case c == '(':
		p.pos++
		if err := p.enter(at); err != nil {
			return nil, err
		}
		defer p.leave()
		p.skipWS()
		x, err := p.expr(0)
		if err != nil {
			return nil, err
		}
		if err := p.closeParen(at); err != nil {
			return nil, err
		}
		return x, nil
	case c == '\'':
		v, end, err := p.quoted(at)
		if err != nil {
			return nil, err
		}
		p.pos = end
		return &Literal{Pos: Pos(at), Kind: LitString, Value: v}, nil
	case c == '@', c == '$':
		return p.path()
	case c == '[':
		return p.array()
	case c == '{':
		return p.object()
	case c == '"':
		return nil, errAt(at, "a double-quoted string may only stand inside a JSON array or object; a string literal is single-quoted: 'text'")
	case isDigit(c):
		return p.numeric(at)
	}
	if r, _ := utf8.DecodeRuneInString(s[at:]); isIdentStart(r) {
		return p.identOperand()
	}
	return nil, p.unexpected("an operand")
}

// identOperand parses an operand that starts with an identifier: a
// keyword literal, a canonical function call, a prefixed literal or a path
// (which may start with a custom function call or a key predicate).
func (p *parser) identOperand() (Expr, *Error) {
	s := p.src
	at := p.pos
	name, dotted, end, err := scanQualified(s, at)
	if err != nil {
		return nil, err
	}
	if end < len(s) {
		switch s[end] {
		case '(':
			if _, ok := functions[strings.ToLower(name)]; ok {
				return p.call(at, name, end)
			}
			if lower := strings.ToLower(name); (lower == "any" || lower == "all") && lambdaAhead(s, end+1) {
				return nil, errAt(at, "%s must follow a collection: path/%s(...)", lower, lower)
			}
			return p.path()
		case '\'':
			return p.prefixed(at, name, dotted, end)
		}
	}
	if !dotted {
		lit := func(k LitKind, v string) (Expr, *Error) {
			p.pos = end
			return &Literal{Pos: Pos(at), Kind: k, Value: v}, nil
		}
		switch name {
		case "null":
			return lit(LitNull, "null")
		case "INF", "NaN":
			return lit(LitDouble, name)
		}
		switch strings.ToLower(name) {
		case "true", "false":
			return lit(LitBoolean, strings.ToLower(name))
		}
		if kw := keyword(name); kw != "" && (end == len(s) || isWS(s[end])) {
			return nil, errAt(at, "expected an operand, found operator %s", kw)
		}
	}
	return p.path()
}

// call parses a canonical function call; open is the "(".
func (p *parser) call(at int, name string, open int) (Expr, *Error) {
	f, ok := functions[strings.ToLower(name)]
	if !ok {
		return nil, errAt(at, "unknown function %s", name)
	}
	p.pos = open + 1
	if err := p.enter(open); err != nil {
		return nil, err
	}
	defer p.leave()
	switch f.name {
	case "cast", "isof":
		return p.castArgs(at, f.name, open)
	case "case":
		return p.caseArgs(at, open)
	}
	args, err := p.args(open, ')')
	if err != nil {
		return nil, err
	}
	if len(args) < f.min || len(args) > f.max {
		return nil, errAt(at, "%s takes %s, found %d", f.name, arity(f), len(args))
	}
	return &Call{Pos: Pos(at), Name: f.name, Args: args}, nil
}

func arity(f function) string {
	switch {
	case f.min == 0 && f.max == 0:
		return "no arguments"
	case f.min == 1 && f.max == 1:
		return "1 argument"
	case f.min == f.max:
		return strconv.Itoa(f.min) + " arguments"
	}
	return strconv.Itoa(f.min) + " or " + strconv.Itoa(f.max) + " arguments"
}

// castArgs parses the arguments of cast and isof: [expr ,] typeName.
func (p *parser) castArgs(at int, name string, open int) (Expr, *Error) {
	p.skipWS()
	start := p.pos
	if tn, end, ok := scanTypeName(p.src, start); ok {
		k := end
		for k < len(p.src) && isWS(p.src[k]) {
			k++
		}
		if k < len(p.src) && p.src[k] == ')' {
			p.pos = k + 1
			return &Call{Pos: Pos(at), Name: name, Args: []Expr{&TypeName{Pos: Pos(start), Name: tn}}}, nil
		}
	}
	x, err := p.expr(0)
	if err != nil {
		return nil, err
	}
	p.skipWS()
	if p.eof() {
		return nil, errAt(open, "unclosed parenthesis: no ) before end of input")
	}
	if p.src[p.pos] != ',' {
		return nil, p.unexpected(", and a type name")
	}
	p.pos++
	p.skipWS()
	tstart := p.pos
	tn, end, ok := scanTypeName(p.src, tstart)
	if !ok {
		return nil, p.unexpected("a type name")
	}
	p.pos = end
	if err := p.closeParen(open); err != nil {
		return nil, err
	}
	return &Call{Pos: Pos(at), Name: name, Args: []Expr{x, &TypeName{Pos: Pos(tstart), Name: tn}}}, nil
}

// caseArgs parses case(cond: value, ...).
func (p *parser) caseArgs(at, open int) (Expr, *Error) {
	c := &Case{Pos: Pos(at)}
	p.skipWS()
	for {
		cond, err := p.expr(0)
		if err != nil {
			return nil, err
		}
		p.skipWS()
		if p.eof() || p.src[p.pos] != ':' {
			if p.eof() {
				return nil, errAt(open, "unclosed parenthesis: no ) before end of input")
			}
			return nil, p.unexpected(": after a case condition")
		}
		p.pos++
		p.skipWS()
		val, err := p.expr(0)
		if err != nil {
			return nil, err
		}
		c.Branches = append(c.Branches, Branch{Cond: cond, Value: val})
		p.skipWS()
		if p.eof() {
			return nil, errAt(open, "unclosed parenthesis: no ) before end of input")
		}
		switch p.src[p.pos] {
		case ',':
			p.pos++
			p.skipWS()
			continue
		case ')':
			p.pos++
			return c, nil
		}
		return nil, p.unexpected(", or )")
	}
}

// prefixed parses a literal written prefix'body': duration, binary,
// geography, geometry, or an enumeration value ns.type'member'.
func (p *parser) prefixed(at int, name string, dotted bool, quote int) (Expr, *Error) {
	body, end, err := p.quoted(quote)
	if err != nil {
		return nil, err
	}
	lit := &Literal{Pos: Pos(at)}
	bad := func(what string) (Expr, *Error) {
		return nil, errAt(at, "invalid %s literal %s", what, p.src[at:end])
	}
	if dotted {
		if !validEnumValue(body) {
			return bad("enumeration")
		}
		lit.Kind, lit.Type, lit.Value = LitEnum, name, body
		p.pos = end
		return lit, nil
	}
	switch strings.ToLower(name) {
	case "duration":
		v, ok := canonicalDuration(body)
		if !ok {
			return bad("duration")
		}
		lit.Kind, lit.Value = LitDuration, v
	case "binary":
		if !validBinary(body) {
			return bad("binary")
		}
		lit.Kind, lit.Value = LitBinary, body
	case "geography", "geometry":
		v, ok := canonicalGeo(body)
		if !ok {
			return bad(strings.ToLower(name))
		}
		lit.Kind, lit.Value = LitGeography, v
		if strings.ToLower(name) == "geometry" {
			lit.Kind = LitGeometry
		}
	default:
		return nil, errAt(at, "unknown literal prefix %s (want duration, binary, geography, geometry or a qualified enumeration type)", name)
	}
	p.pos = end
	return lit, nil
}

// quoted scans the single-quoted text starting at open and returns its
// value (a doubled quote stands for one) and the offset after the
// closing quote.
func (p *parser) quoted(open int) (string, int, *Error) {
	s := p.src
	i := open + 1
	var b []byte
	for {
		j := strings.IndexByte(s[i:], '\'')
		if j < 0 {
			return "", 0, errAt(open, "unterminated string literal")
		}
		k := i + j
		if k+1 < len(s) && s[k+1] == '\'' {
			b = append(b, s[i:k+1]...)
			i = k + 2
			continue
		}
		if b == nil {
			return s[i:k], k + 1, nil
		}
		return string(append(b, s[i:k]...)), k + 1, nil
	}
}

// numeric parses a number, a date, a date-time or a time of day starting
// at at (possibly at a sign).
func (p *parser) numeric(at int) (Expr, *Error) {
	s := p.src
	i := at
	sign := ""
	if s[i] == '-' || s[i] == '+' {
		if s[i] == '-' {
			sign = "-"
		}
		i++
	}
	ds := i
	for i < len(s) && isDigit(s[i]) {
		i++
	}
	nd := i - ds
	if i < len(s) && s[i] == ':' && nd == 2 && ds == at {
		return p.timeOfDay(at)
	}
	if i+1 < len(s) && s[i] == '-' && isDigit(s[i+1]) && nd >= 4 {
		return p.date(at, ds, i)
	}
	kind := LitInt
	var b strings.Builder
	b.WriteString(sign)
	b.WriteString(s[ds:i])
	if i < len(s) && s[i] == '.' {
		j := i + 1
		for j < len(s) && isDigit(s[j]) {
			j++
		}
		if j == i+1 {
			return nil, errAt(at, "invalid number %s: a decimal point must be followed by digits", s[at:j])
		}
		b.WriteString(s[i:j])
		kind, i = LitDecimal, j
	}
	if i < len(s) && s[i]|0x20 == 'e' {
		j := i + 1
		esign := ""
		if j < len(s) && (s[j] == '-' || s[j] == '+') {
			if s[j] == '-' {
				esign = "-"
			}
			j++
		}
		k := j
		for k < len(s) && isDigit(s[k]) {
			k++
		}
		if k == j {
			return nil, errAt(at, "invalid number %s: an exponent needs digits", s[at:k])
		}
		b.WriteString("e")
		b.WriteString(esign)
		b.WriteString(s[j:k])
		kind, i = LitDouble, k
	}
	if identContinues(s, i) || (i < len(s) && s[i] == '.') {
		j := i
		for j < len(s) && (identContinues(s, j) || s[j] == '.') {
			_, n := utf8.DecodeRuneInString(s[j:])
			j += n
		}
		return nil, errAt(at, "invalid number %s", s[at:j])
	}
	v := b.String()
	if kind == LitInt {
		if _, err := strconv.ParseInt(v, 10, 64); err != nil {
			kind = LitDecimal
		}
	}
	p.pos = i
	return &Literal{Pos: Pos(at), Kind: kind, Value: v}, nil
}

// date parses dateValue or dateTimeOffsetValueInUrl; the year's digits are
// s[ys:ye] and at is the first byte (a sign or the year).
func (p *parser) date(at, ys, ye int) (Expr, *Error) {
	s := p.src
	bad := func(end int, why string) (Expr, *Error) {
		end = min(max(end, ye), len(s))
		for end < len(s) && (identContinues(s, end) || strings.IndexByte(":.-+", s[end]) >= 0) {
			end++
		}
		return nil, errAt(at, "invalid date %s: %s", s[at:end], why)
	}
	if s[at] == '+' {
		return bad(ye, "a year has no + sign")
	}
	if s[ys] == '0' && ye-ys != 4 {
		return bad(ye, "a year starting with 0 has exactly 4 digits")
	}
	i := ye + 1
	month, ok := twoDigits(s, i)
	if !ok || i+2 >= len(s) || s[i+2] != '-' {
		return bad(i+3, "want YYYY-MM-DD")
	}
	day, ok := twoDigits(s, i+3)
	if !ok {
		return bad(i+5, "want YYYY-MM-DD")
	}
	if month < 1 || month > 12 {
		return bad(i+5, "month out of range")
	}
	if day < 1 || day > daysIn(s[ys:ye], month) {
		return bad(i+5, "day out of range")
	}
	i += 5
	var b strings.Builder
	b.WriteString(s[at:i])
	kind := LitDate
	if i < len(s) && s[i]|0x20 == 't' {
		end, ok := scanTime(s, i+1)
		if !ok {
			return bad(end, "want a time hh:mm[:ss[.fff]] after T")
		}
		b.WriteByte('T')
		b.WriteString(s[i+1 : end])
		i = end
		switch {
		case i < len(s) && s[i]|0x20 == 'z':
			b.WriteByte('Z')
			i++
		case i < len(s) && (s[i] == '+' || s[i] == '-'):
			h, ok1 := twoDigits(s, i+1)
			m, ok2 := twoDigits(s, i+4)
			if !ok1 || !ok2 || s[i+3] != ':' || h > 23 || m > 59 {
				return bad(i+6, "invalid time-zone offset")
			}
			b.WriteString(s[i : i+6])
			i += 6
		default:
			return bad(i, "want Z or a time-zone offset such as +01:00 after the time")
		}
		kind = LitDateTimeOffset
	}
	if identContinues(s, i) || (i < len(s) && (s[i] == '.' || s[i] == ':' || s[i] == '-')) {
		return bad(i+1, "unexpected characters after it")
	}
	p.pos = i
	return &Literal{Pos: Pos(at), Kind: kind, Value: b.String()}, nil
}

func (p *parser) timeOfDay(at int) (Expr, *Error) {
	s := p.src
	end, ok := scanTime(s, at)
	end = min(end, len(s))
	if !ok || identContinues(s, end) || (end < len(s) && (s[end] == '.' || s[end] == ':')) {
		for end < len(s) && (identContinues(s, end) || s[end] == ':' || s[end] == '.') {
			end++
		}
		return nil, errAt(at, "invalid time of day %s: want hh:mm[:ss[.fff]]", s[at:end])
	}
	p.pos = end
	return &Literal{Pos: Pos(at), Kind: LitTimeOfDay, Value: s[at:end]}, nil
}

// scanTime scans hh:mm[:ss[.fractionalSeconds]] at i and returns the end.
func scanTime(s string, i int) (int, bool) {
	h, ok1 := twoDigits(s, i)
	if !ok1 || i+2 >= len(s) || s[i+2] != ':' {
		return i + 2, false
	}
	m, ok2 := twoDigits(s, i+3)
	if !ok2 || h > 23 || m > 59 {
		return i + 5, false
	}
	i += 5
	if i+2 < len(s) && s[i] == ':' && isDigit(s[i+1]) {
		sec, ok := twoDigits(s, i+1)
		if !ok || sec > 60 {
			return i + 3, false
		}
		i += 3
		if i < len(s) && s[i] == '.' {
			j := i + 1
			for j < len(s) && isDigit(s[j]) {
				j++
			}
			if j == i+1 || j-i-1 > 12 {
				return j, false
			}
			i = j
		}
	}
	return i, true
}

func twoDigits(s string, i int) (int, bool) {
	if i+1 >= len(s) || !isDigit(s[i]) || !isDigit(s[i+1]) {
		return 0, false
	}
	return int(s[i]-'0')*10 + int(s[i+1]-'0'), true
}

// daysIn returns the number of days in month of the (proleptic
// Gregorian) year written in digits; only the last four digits matter.
func daysIn(year string, month int) int {
	switch month {
	case 4, 6, 9, 11:
		return 30
	case 2:
		y, _ := strconv.Atoi(year[max(0, len(year)-4):])
		if y%4 == 0 && (y%100 != 0 || y%400 == 0) {
			return 29
		}
		return 28
	}
	return 31
}

// guidAt reports whether an unquoted GUID (8-4-4-4-12 hex digits) starts
// at i, and returns its end.
func guidAt(s string, i int) (int, bool) {
	end := i + 36
	if end > len(s) {
		return 0, false
	}
	for k := i; k < end; k++ {
		switch k - i {
		case 8, 13, 18, 23:
			if s[k] != '-' {
				return 0, false
			}
		default:
			if !isHex(s[k]) {
				return 0, false
			}
		}
	}
	if identContinues(s, end) || (end < len(s) && (s[end] == '-' || s[end] == '.')) {
		return 0, false
	}
	return end, true
}

// canonicalDuration validates an ISO 8601 day-time duration,
// [-]P[nD][T[nH][nM][n[.n]S]], and returns it in upper case without a
// "+" sign.
func canonicalDuration(v string) (string, bool) {
	u := strings.ToUpper(v)
	i := 0
	sign := ""
	if i < len(u) && (u[i] == '-' || u[i] == '+') {
		if u[i] == '-' {
			sign = "-"
		}
		i++
	}
	if i >= len(u) || u[i] != 'P' {
		return "", false
	}
	body := u[i:]
	i++
	parts := 0
	num := func(frac bool) (int, bool) {
		j := i
		for j < len(u) && isDigit(u[j]) {
			j++
		}
		if j == i {
			return j, false
		}
		if frac && j < len(u) && u[j] == '.' {
			k := j + 1
			for k < len(u) && isDigit(u[k]) {
				k++
			}
			if k == j+1 {
				return k, false
			}
			j = k
		}
		return j, true
	}
	unit := func(frac bool, letter byte) bool {
		save := i
		j, ok := num(frac)
		if !ok || j >= len(u) || u[j] != letter {
			i = save
			return false
		}
		i = j + 1
		parts++
		return true
	}
	unit(false, 'D')
	if i < len(u) && u[i] == 'T' {
		i++
		before := parts
		unit(false, 'H')
		unit(false, 'M')
		unit(true, 'S')
		if parts == before {
			return "", false
		}
	}
	if i != len(u) || parts == 0 {
		return "", false
	}
	return sign + body, true
}

// validBinary reports whether v is base64url as the ABNF's binaryValue
// describes it (padding optional; unused bits zero).
func validBinary(v string) bool {
	t := strings.TrimRight(v, "=")
	pad := len(v) - len(t)
	if pad > 2 || (pad > 0 && len(v)%4 != 0) {
		return false
	}
	_, err := base64.RawURLEncoding.Strict().DecodeString(t)
	return err == nil
}

// canonicalGeo checks that v starts with SRID=n; and returns it with SRID
// in upper case. The well-known text after it is kept as written.
func canonicalGeo(v string) (string, bool) {
	if len(v) < 5 || !strings.EqualFold(v[:5], "SRID=") {
		return "", false
	}
	i := 5
	for i < len(v) && isDigit(v[i]) {
		i++
	}
	if i == 5 || i-5 > 5 || i >= len(v) || v[i] != ';' || i+1 == len(v) {
		return "", false
	}
	return "SRID=" + v[5:], true
}

// validEnumValue checks a comma-separated list of member names or
// integer values.
func validEnumValue(v string) bool {
	if v == "" {
		return false
	}
	for m := range strings.SplitSeq(v, ",") {
		if m == "" {
			return false
		}
		if _, err := strconv.ParseInt(m, 10, 64); err == nil {
			continue
		}
		name, end := scanIdent(m, 0)
		if name == "" || end != len(m) || len(name) > maxIdentifier {
			return false
		}
	}
	return true
}

// scanTypeName scans a type name for cast and isof: a (qualified) name or
// Collection(name).
func scanTypeName(s string, i int) (string, int, bool) {
	if strings.HasPrefix(s[i:], "Collection(") {
		name, _, end, err := scanQualified(s, i+len("Collection("))
		if err != nil || name == "" || end >= len(s) || s[end] != ')' {
			return "", i, false
		}
		return "Collection(" + name + ")", end + 1, true
	}
	if r, _ := utf8.DecodeRuneInString(s[i:]); i >= len(s) || !isIdentStart(r) {
		return "", i, false
	}
	name, _, end, err := scanQualified(s, i)
	if err != nil {
		return "", i, false
	}
	return name, end, true
}

// scanQualified scans identifier(.identifier)* at i.
func scanQualified(s string, i int) (name string, dotted bool, end int, err *Error) {
	end = i
	for {
		part, e := scanIdent(s, end)
		if part == "" {
			break
		}
		if err := checkIdentLen(part, end); err != nil {
			return "", false, 0, err
		}
		end = e
		if end+1 < len(s) && s[end] == '.' {
			if r, _ := utf8.DecodeRuneInString(s[end+1:]); isIdentStart(r) {
				end++
				dotted = true
				continue
			}
		}
		break
	}
	return s[i:end], dotted, end, nil
}

func checkIdentLen(name string, at int) *Error {
	if utf8.RuneCountInString(name) > maxIdentifier {
		return errAt(at, "identifier longer than %d characters", maxIdentifier)
	}
	return nil
}

// scanIdent scans an odataIdentifier at i and returns it and its end; ""
// when none starts there.
func scanIdent(s string, i int) (string, int) {
	if i >= len(s) {
		return "", i
	}
	r, n := utf8.DecodeRuneInString(s[i:])
	if !isIdentStart(r) {
		return "", i
	}
	j := i + n
	for j < len(s) {
		r, n := utf8.DecodeRuneInString(s[j:])
		if !isIdentPart(r) {
			break
		}
		j += n
	}
	return s[i:j], j
}

// identContinues reports whether an identifier character is at i.
func identContinues(s string, i int) bool {
	if i >= len(s) {
		return false
	}
	r, _ := utf8.DecodeRuneInString(s[i:])
	return isIdentPart(r)
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

func isHex(c byte) bool { return isDigit(c) || (c|0x20 >= 'a' && c|0x20 <= 'f') }

// isIdentStart: ALPHA / "_" / Unicode letters (L, Nl).
func isIdentStart(r rune) bool {
	if r < utf8.RuneSelf {
		return r == '_' || (r|0x20 >= 'a' && r|0x20 <= 'z')
	}
	return unicode.IsLetter(r) || unicode.Is(unicode.Nl, r)
}

// isIdentPart: ALPHA / "_" / DIGIT / Unicode L, Nl, Nd, Mn, Mc, Pc, Cf.
func isIdentPart(r rune) bool {
	if r < utf8.RuneSelf {
		return r == '_' || (r|0x20 >= 'a' && r|0x20 <= 'z') || (r >= '0' && r <= '9')
	}
	if r == utf8.RuneError {
		return false
	}
	return unicode.IsLetter(r) || unicode.In(r, unicode.Nl, unicode.Nd, unicode.Mn, unicode.Mc, unicode.Pc, unicode.Cf)
}
