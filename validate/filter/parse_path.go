package filter

import (
	"strings"
	"unicode/utf8"
)

// This file parses member paths: firstMemberExpr, memberExpr and rootExpr
// of the ABNF with the segments they may hold (properties, type casts,
// custom and bound function calls, key predicates, key-as-segment values,
// /$filter(...), /$count with options, any and all, annotations).
//
// The ABNF cannot tell some of these apart without the service's metadata;
// the parser reads them so (and the package doc says so):
//
//   - name(...) after an unqualified name: name() and name( ) are a
//     function without parameters; anything else is a key predicate,
//     (1) or (a=1,b=2), since a compound key and the parameters of an
//     unqualified function look the same, unless a key predicate follows
//     it: f(a=1)(2) is a function call and a key predicate.
//   - ns.name(...) after a qualified name: () and (p=v, ...) are a
//     function call; a single value (1) after an inner segment is a type
//     cast followed by a key predicate (People/ns.Employee(1)).
//   - @name alone or as first segment is a parameter alias; @ns.term and
//     @term#qualifier, and every @ after "/", are annotations.
//   - after "/", a segment that starts with a digit, a "-" and a digit, or
//     a GUID is a key written as a segment (People/1245); a key that is an
//     identifier (People/russell) cannot be told from a property and is
//     read as one.

// path parses a member path starting at p.pos (an identifier, "$" or
// "@"). A lone parameter alias is returned as an *Alias.
func (p *parser) path() (Expr, *Error) {
	s := p.src
	at := p.pos
	first, err := p.firstSegment()
	if err != nil {
		return nil, err
	}
	segs := []Segment{first}
	for !p.eof() {
		last := &segs[len(segs)-1]
		switch s[p.pos] {
		case '(':
			switch {
			case last.Kind == SegProperty && emptyParens(s, p.pos):
				// name() is a function without parameters.
				last.Kind = SegFunction
				p.pos = emptyParensEnd(s, p.pos)
			case last.Kind == SegKey && len(segs) >= 2 && segs[len(segs)-2].Kind == SegProperty &&
				!strings.Contains(segs[len(segs)-2].Name, ".") && last.Params[0].Name != "":
				// A key predicate cannot follow another, so f(a=1)(2)
				// is the call of a function f (a function import, an
				// unqualified bound function) and a key predicate.
				fn := &segs[len(segs)-2]
				fn.Kind, fn.Params = SegFunction, last.Params
				segs = segs[:len(segs)-1]
				seg, err := p.keyPredicate(p.pos)
				if err != nil {
					return nil, err
				}
				segs = append(segs, seg)
			case takesKey(last.Kind):
				seg, err := p.keyPredicate(p.pos)
				if err != nil {
					return nil, err
				}
				segs = append(segs, seg)
			default:
				return nil, errAt(p.pos, "unexpected ( after %s", segmentText(last))
			}
			continue
		case '/':
			switch last.Kind {
			case SegCount, SegAny, SegAll:
				return nil, errAt(p.pos, "no path segment may follow %s", last.Kind)
			}
			p.pos++
			seg, err := p.innerSegment(last)
			if err != nil {
				return nil, err
			}
			segs = append(segs, seg...)
			continue
		}
		break
	}
	if len(segs) == 1 && segs[0].Kind == SegAlias {
		return &Alias{Pos: segs[0].Pos, Name: segs[0].Name}, nil
	}
	if segs[0].Kind == SegRoot && len(segs) == 1 {
		return nil, errAt(p.pos, "expected / and an entity set, a singleton or a function import after $root")
	}
	return &Path{Pos: Pos(at), Segments: segs}, nil
}

// takesKey reports whether a key predicate may follow a segment of kind k:
// a (navigation) property, a cast of a collection, a function returning a
// collection, or a filtered collection.
func takesKey(k SegKind) bool {
	switch k {
	case SegProperty, SegCast, SegFunction, SegFilter:
		return true
	}
	return false
}

// segmentText names a segment in messages.
func segmentText(s *Segment) string {
	switch s.Kind {
	case SegProperty, SegVar:
		return s.Name
	case SegCast:
		return "the type cast " + s.Name
	case SegFunction:
		return s.Name + "()"
	case SegAnnotation, SegAlias:
		return "@" + s.Name
	case SegAny, SegAll, SegFilter:
		return s.Kind.String() + "(...)"
	case SegKey, SegKeyAsSegment:
		return "a key predicate"
	}
	return s.Kind.String()
}

// emptyParens reports whether "(" BWS ")" starts at i.
func emptyParens(s string, i int) bool {
	return emptyParensEnd(s, i) > 0
}

// emptyParensEnd returns the offset after "(" BWS ")" at i, or 0.
func emptyParensEnd(s string, i int) int {
	j := i + 1
	for j < len(s) && isWS(s[j]) {
		j++
	}
	if j < len(s) && s[j] == ')' {
		return j + 1
	}
	return 0
}

// lambdaAhead reports whether the text at i, just after "any(" or "all(",
// reads as a lambda: ")" or "variable:" after optional whitespace.
func lambdaAhead(s string, i int) bool {
	for i < len(s) && isWS(s[i]) {
		i++
	}
	if i < len(s) && s[i] == ')' {
		return true
	}
	name, end := scanIdent(s, i)
	if name == "" {
		return false
	}
	for end < len(s) && isWS(s[end]) {
		end++
	}
	return end < len(s) && s[end] == ':'
}

// firstSegment parses the first segment of a path.
func (p *parser) firstSegment() (Segment, *Error) {
	s := p.src
	at := p.pos
	switch s[at] {
	case '$':
		word, end := scanIdent(s, at+1)
		seg := Segment{Pos: Pos(at)}
		switch word {
		case "it":
			seg.Kind = SegIt
		case "this":
			seg.Kind = SegThis
		case "root":
			seg.Kind = SegRoot
		case "count":
			return seg, errAt(at, "$count must follow a collection-valued path")
		default:
			return seg, errAt(at, "unknown $%s (want $it, $this or $root)", word)
		}
		p.pos = end
		return seg, nil
	case '@':
		seg, err := p.atSegment(true)
		if err != nil {
			return seg, err
		}
		if seg.Kind == SegAlias && !p.eof() && s[p.pos] == '(' {
			return seg, errAt(p.pos, "unexpected ( after the parameter alias @%s", seg.Name)
		}
		return seg, nil
	}
	name, dotted, end, err := scanQualified(s, at)
	if err != nil {
		return Segment{}, err
	}
	seg := Segment{Pos: Pos(at), Kind: SegProperty, Name: name}
	switch {
	case dotted && end < len(s) && s[end] == '(':
		if !functionParamsAhead(s, end) {
			return seg, errAt(at, "unknown function %s (custom and bound functions take parameters as name=value)", name)
		}
		params, err := p.functionParams(end)
		if err != nil {
			return seg, err
		}
		seg.Kind, seg.Params = SegFunction, params
		return seg, nil
	case dotted:
		if end == len(s) || s[end] != '/' {
			return seg, errAt(at, "type cast %s must be followed by /property (a function call by parentheses)", name)
		}
		seg.Kind = SegCast
	case p.isVar(name):
		seg.Kind = SegVar
		if end < len(s) && s[end] == '(' {
			return seg, errAt(end, "unexpected ( after the lambda variable %s", name)
		}
	}
	p.pos = end
	return seg, nil
}

// innerSegment parses the segment after a "/"; prev is the segment before
// it. A type cast followed by a key predicate gives two segments.
func (p *parser) innerSegment(prev *Segment) ([]Segment, *Error) {
	s := p.src
	at := p.pos
	const want = "a path segment after / (a property, type cast, function, key, annotation, $count, $filter, any or all)"
	if p.eof() {
		return nil, errAt(at, "expected %s, found end of input", want)
	}
	if prev.Kind == SegRoot {
		// rootExpr: $root/ is followed by an entity set, a singleton or
		// a function import, all unqualified names.
		name, dotted, _, err := scanQualified(s, at)
		if err != nil {
			return nil, err
		}
		if name == "" || dotted {
			return nil, p.unexpected("an entity set, a singleton or a function import after $root/")
		}
	}
	switch c := s[at]; {
	case c == '$':
		return p.dollarSegment(prev)
	case c == '@':
		seg, err := p.atSegment(false)
		return []Segment{seg}, err
	case isDigit(c) || (c == '-' && at+1 < len(s) && isDigit(s[at+1])):
		end, ok := guidAt(s, at)
		return p.keySegment(prev, at, end, ok)
	case isHex(c):
		if end, ok := guidAt(s, at); ok {
			return p.keySegment(prev, at, end, true)
		}
	}
	if r, _ := utf8.DecodeRuneInString(s[at:]); !isIdentStart(r) {
		return nil, p.unexpected(want)
	}
	name, dotted, end, err := scanQualified(s, at)
	if err != nil {
		return nil, err
	}
	if dotted {
		cast := Segment{Pos: Pos(at), Kind: SegCast, Name: name}
		if end < len(s) && s[end] == '(' {
			if functionParamsAhead(s, end) {
				params, err := p.functionParams(end)
				if err != nil {
					return nil, err
				}
				return []Segment{{Pos: Pos(at), Kind: SegFunction, Name: name, Params: params}}, nil
			}
			if prev.Kind == SegCast {
				return nil, errAt(at, "a type cast may not follow another type cast")
			}
			key, err := p.keyPredicate(end)
			if err != nil {
				return nil, err
			}
			return []Segment{cast, key}, nil
		}
		if prev.Kind == SegCast {
			return nil, errAt(at, "a type cast may not follow another type cast")
		}
		p.pos = end
		return []Segment{cast}, nil
	}
	if end < len(s) && s[end] == '(' {
		switch lower := strings.ToLower(name); lower {
		case "any", "all":
			seg, err := p.lambda(at, lower, end)
			if err != nil {
				return nil, err
			}
			return []Segment{seg}, nil
		}
	}
	p.pos = end
	return []Segment{{Pos: Pos(at), Kind: SegProperty, Name: name}}, nil
}

// dollarSegment parses $count, $count(options) or $filter(...) after "/".
func (p *parser) dollarSegment(prev *Segment) ([]Segment, *Error) {
	s := p.src
	at := p.pos
	word, end := scanIdent(s, at+1)
	switch word {
	case "count":
		seg := Segment{Pos: Pos(at), Kind: SegCount}
		p.pos = end
		if end < len(s) && s[end] == '(' {
			opts, err := p.countOptions(end)
			if err != nil {
				return nil, err
			}
			seg.Options = opts
		}
		return []Segment{seg}, nil
	case "filter":
		if end >= len(s) || s[end] != '(' {
			p.pos = end
			return nil, p.unexpectedHere("( after $filter")
		}
		if !takesKey(prev.Kind) && prev.Kind != SegAnnotation {
			return nil, errAt(at, "$filter(...) must follow a collection, not %s", segmentText(prev))
		}
		open := end
		if err := p.enter(open); err != nil {
			return nil, err
		}
		p.pos = open + 1
		if err := p.noWS("after $filter("); err != nil {
			return nil, err
		}
		pred, err := p.expr(0)
		if err != nil {
			return nil, err
		}
		if err := p.closeTight(open, "$filter(...)"); err != nil {
			return nil, err
		}
		p.leave()
		return []Segment{{Pos: Pos(at), Kind: SegFilter, Pred: pred}}, nil
	}
	return nil, errAt(at, "unexpected $%s in path (only $count and $filter may follow /)", word)
}

// keySegment parses a key written as a path segment (People/1245) at at;
// a GUID ends at guidEnd when isGUID.
func (p *parser) keySegment(prev *Segment, at, guidEnd int, isGUID bool) ([]Segment, *Error) {
	if !takesKey(prev.Kind) && prev.Kind != SegKeyAsSegment {
		return nil, p.unexpected("a path segment after /: a key written as a segment must follow a collection")
	}
	var v Expr
	if isGUID {
		v = &Literal{Pos: Pos(at), Kind: LitGuid, Value: strings.ToLower(p.src[at:guidEnd])}
		p.pos = guidEnd
	} else {
		x, err := p.numeric(at)
		if err != nil {
			return nil, err
		}
		v = x
	}
	return []Segment{{Pos: Pos(at), Kind: SegKeyAsSegment, Params: []Param{{Pos: Pos(at), Value: v}}}}, nil
}

// atSegment parses @name, @ns.term or @term#qualifier at p.pos. As first
// segment, an unqualified @name without qualifier is a parameter alias;
// everything else is an annotation.
func (p *parser) atSegment(first bool) (Segment, *Error) {
	s := p.src
	at := p.pos
	seg := Segment{Pos: Pos(at)}
	name, dotted, end, err := scanQualified(s, at+1)
	if err != nil {
		return seg, err
	}
	if name == "" {
		if first {
			return seg, errAt(at+1, "expected a parameter alias name after @")
		}
		return seg, errAt(at+1, "expected an annotation term after @")
	}
	qualified := end < len(s) && s[end] == '#'
	if qualified {
		q, qend := scanIdent(s, end+1)
		if q == "" {
			return seg, errAt(end+1, "expected an annotation qualifier after #")
		}
		if err := checkIdentLen(q, end+1); err != nil {
			return seg, err
		}
		end = qend
	}
	p.pos = end
	seg.Name = s[at+1 : end]
	if first && !dotted && !qualified {
		seg.Kind = SegAlias
		return seg, nil
	}
	seg.Kind = SegAnnotation
	return seg, nil
}

// functionParamsAhead reports whether the "(" at open starts the
// parameters of a function: "()" or "(name=".
func functionParamsAhead(s string, open int) bool {
	if emptyParens(s, open) {
		return true
	}
	i := open + 1
	for i < len(s) && isWS(s[i]) {
		i++
	}
	name, end := scanIdent(s, i)
	return name != "" && end < len(s) && (s[end] == '=' || isWS(s[end]) && paramEqAhead(s, end))
}

// paramEqAhead reports whether whitespace and "=" follow at i, so that
// "name = value" is reported as a parameter with misplaced whitespace.
func paramEqAhead(s string, i int) bool {
	for i < len(s) && isWS(s[i]) {
		i++
	}
	return i < len(s) && s[i] == '=' && (i+1 >= len(s) || s[i+1] != '=')
}

// functionParams parses functionExprParameters, "(" [p=v *("," p=v)] ")",
// at open: whitespace may surround the commas and the parentheses but not
// the "=", and a value is any operand.
func (p *parser) functionParams(open int) ([]Param, *Error) {
	s := p.src
	if err := p.enter(open); err != nil {
		return nil, err
	}
	defer p.leave()
	p.pos = open + 1
	p.skipWS()
	if !p.eof() && s[p.pos] == ')' {
		p.pos++
		return nil, nil
	}
	var params []Param
	for {
		at := p.pos
		name, end := scanIdent(s, at)
		if name == "" {
			return nil, p.unexpected("a parameter name=value")
		}
		if err := checkIdentLen(name, at); err != nil {
			return nil, err
		}
		p.pos = end
		if !p.eof() && isWS(s[p.pos]) {
			return nil, errAt(p.pos, "no whitespace is allowed between a parameter name and =")
		}
		if p.eof() || s[p.pos] != '=' {
			return nil, p.unexpectedHere("= after the parameter name " + name)
		}
		p.pos++
		if err := p.noWS("after = in a parameter"); err != nil {
			return nil, err
		}
		v, err := p.expr(0)
		if err != nil {
			return nil, err
		}
		params = append(params, Param{Pos: Pos(at), Name: name, Value: v})
		p.skipWS()
		if p.eof() {
			return nil, errAt(open, "unclosed parenthesis: no ) before end of input")
		}
		switch s[p.pos] {
		case ',':
			p.pos++
			p.skipWS()
			continue
		case ')':
			p.pos++
			return params, nil
		}
		return nil, p.unexpected(", or )")
	}
}

// keyPredicate parses a key predicate at open: (value) or
// (name=value,...), each value a literal or a parameter alias. The ABNF
// allows no whitespace inside.
func (p *parser) keyPredicate(open int) (Segment, *Error) {
	s := p.src
	seg := Segment{Pos: Pos(open), Kind: SegKey}
	if err := p.enter(open); err != nil {
		return seg, err
	}
	defer p.leave()
	p.pos = open + 1
	for {
		if err := p.noWS("in a key predicate"); err != nil {
			return seg, err
		}
		if p.eof() {
			return seg, errAt(open, "unclosed parenthesis: no ) before end of input")
		}
		at := p.pos
		if s[at] == ')' {
			return seg, errAt(at, "empty key predicate: want (value) or (name=value,...)")
		}
		name := ""
		if id, end := scanIdent(s, at); id != "" && end < len(s) && s[end] == '=' {
			if err := checkIdentLen(id, at); err != nil {
				return seg, err
			}
			name = id
			p.pos = end + 1
			if err := p.noWS("in a key predicate"); err != nil {
				return seg, err
			}
		}
		v, err := p.keyValue()
		if err != nil {
			return seg, err
		}
		if name == "" && (len(seg.Params) > 0 || (!p.eof() && s[p.pos] == ',')) {
			return seg, errAt(at, "a key of several values names each one: (name=value,name=value)")
		}
		seg.Params = append(seg.Params, Param{Pos: Pos(at), Name: name, Value: v})
		if p.eof() {
			return seg, errAt(open, "unclosed parenthesis: no ) before end of input")
		}
		switch s[p.pos] {
		case ',':
			p.pos++
			continue
		case ')':
			p.pos++
			return seg, nil
		}
		if err := p.noWS("in a key predicate"); err != nil {
			return seg, err
		}
		return seg, p.unexpectedHere(", or ) in a key predicate")
	}
}

// keyValue parses the value of a key: a primitive literal (not null,
// binary or spatial) or a parameter alias.
func (p *parser) keyValue() (Expr, *Error) {
	at := p.pos
	x, err := p.unary()
	if err != nil {
		return nil, err
	}
	switch v := x.(type) {
	case *Alias:
		return v, nil
	case *Literal:
		switch v.Kind {
		case LitNull, LitBinary, LitGeography, LitGeometry:
		default:
			if v.Offset() == at {
				return v, nil
			}
		}
	}
	return nil, errAt(at, "a key value must be a literal (not null, binary or spatial) or a parameter alias, found %s", describe(x))
}

// countOptions parses the options of $count at open:
// "(" option *(";" option) ")", each $filter=boolCommonExpr or
// $search=searchExpr (the "$" is optional, as in the ABNF). No whitespace
// is allowed around the parentheses, the ";" and the "=" ($search allows
// it after its "=").
func (p *parser) countOptions(open int) ([]CountOption, *Error) {
	s := p.src
	if err := p.enter(open); err != nil {
		return nil, err
	}
	defer p.leave()
	p.pos = open + 1
	var opts []CountOption
	for {
		if err := p.noWS("in $count(...)"); err != nil {
			return nil, err
		}
		at := p.pos
		i := at
		if i < len(s) && s[i] == '$' {
			i++
		}
		word, end := scanIdent(s, i)
		var name string
		switch strings.ToLower(word) {
		case "filter":
			name = "$filter"
		case "search":
			name = "$search"
		case "":
			return nil, p.unexpectedHere("a $count option ($filter=... or $search=...)")
		default:
			return nil, errAt(at, "unknown $count option %s (want $filter or $search)", s[at:end])
		}
		for _, o := range opts {
			if o.Name == name {
				return nil, errAt(at, "%s appears twice in $count(...)", name)
			}
		}
		p.pos = end
		if p.eof() || s[p.pos] != '=' {
			if !p.eof() && isWS(s[p.pos]) {
				return nil, errAt(p.pos, "no whitespace is allowed before = in $count(...)")
			}
			return nil, p.unexpectedHere("= after " + s[at:end])
		}
		p.pos++
		opt := CountOption{Pos: Pos(at), Name: name}
		if name == "$filter" {
			if err := p.noWS("after $filter="); err != nil {
				return nil, err
			}
			x, err := p.expr(0)
			if err != nil {
				return nil, err
			}
			opt.Filter = x
		} else {
			p.skipWS()
			text, err := p.search()
			if err != nil {
				return nil, err
			}
			opt.Search = text
		}
		opts = append(opts, opt)
		if err := p.noWS("in $count(...)"); err != nil {
			return nil, err
		}
		if p.eof() {
			return nil, errAt(open, "unclosed parenthesis: no ) before end of input")
		}
		switch s[p.pos] {
		case ';':
			p.pos++
			continue
		case ')':
			p.pos++
			return opts, nil
		}
		return nil, p.unexpectedHere("; or ) in $count(...)")
	}
}

// search scans a searchExpr at p.pos and returns its text: words, "phrases"
// and parenthesized groups separated by whitespace (AND, OR and NOT are
// words the server reads as operators), or one single-quoted string (the
// ABNF's searchExpr-incomplete). It ends before a ";" or ")" outside the
// groups.
func (p *parser) search() (string, *Error) {
	s := p.src
	start := p.pos
	if p.eof() {
		return "", errAt(p.pos, "expected a search expression, found end of input")
	}
	if s[start] == '\'' {
		_, end, err := p.quoted(start)
		if err != nil {
			return "", err
		}
		p.pos = end
		return s[start:end], nil
	}
	var opens []int // the "(" of the groups not yet closed
	defer func() { p.depth -= len(opens) }()
	term := false // a term ends just before p.pos
	for !p.eof() {
		c := s[p.pos]
		if isWS(c) {
			ws := p.pos
			p.skipWS()
			if len(opens) == 0 && (p.eof() || s[p.pos] == ')' || s[p.pos] == ';') {
				return "", errAt(ws, "no whitespace is allowed at the end of a $search option")
			}
			term = false
			continue
		}
		if c == ')' || c == ';' {
			if c == ')' && len(opens) > 0 {
				if !term {
					return "", errAt(p.pos, "expected a search term before )")
				}
				opens = opens[:len(opens)-1]
				p.depth--
				p.pos++
				term = true
				continue
			}
			if len(opens) > 0 {
				return "", errAt(opens[len(opens)-1], "unclosed parenthesis in $search")
			}
			break
		}
		if term {
			return "", errAt(p.pos, "expected whitespace between search terms")
		}
		switch {
		case c == '(':
			if err := p.enter(p.pos); err != nil {
				p.depth-- // enter counted it; opens does not hold it
				return "", err
			}
			opens = append(opens, p.pos)
			p.pos++
			p.skipWS()
			continue
		case c == '"':
			j := strings.IndexByte(s[p.pos+1:], '"')
			if j < 0 {
				return "", errAt(p.pos, "unterminated search phrase")
			}
			if j == 0 {
				return "", errAt(p.pos, "empty search phrase")
			}
			p.pos += j + 2
		case c == '\'':
			return "", errAt(p.pos, "a search word may not start with '")
		default:
			for !p.eof() && !isWS(s[p.pos]) && strings.IndexByte("()\";", s[p.pos]) < 0 {
				p.pos++
			}
		}
		term = true
	}
	if len(opens) > 0 {
		return "", errAt(opens[len(opens)-1], "unclosed parenthesis in $search")
	}
	if p.pos == start {
		return "", p.unexpectedHere("a search expression")
	}
	return s[start:p.pos], nil
}

// noWS reports whitespace at p.pos, where the ABNF allows none.
func (p *parser) noWS(where string) *Error {
	if !p.eof() && isWS(p.src[p.pos]) {
		return errAt(p.pos, "no whitespace is allowed %s", where)
	}
	return nil
}

// closeTight expects the ")" matching the "(" at open right at p.pos.
func (p *parser) closeTight(open int, what string) *Error {
	if p.eof() {
		return errAt(open, "unclosed parenthesis: no ) before end of input")
	}
	if err := p.noWS("before the ) of " + what); err != nil {
		return err
	}
	if p.src[p.pos] != ')' {
		return p.unexpectedHere(") or an operator")
	}
	p.pos++
	return nil
}

// unexpectedHere is unexpected without skipping whitespace first.
func (p *parser) unexpectedHere(want string) *Error {
	if p.eof() {
		return errAt(p.pos, "expected %s, found end of input", want)
	}
	return errAt(p.pos, "expected %s, found %s", want, p.token(p.pos))
}

func (p *parser) isVar(name string) bool {
	for _, v := range p.vars {
		if v == name {
			return true
		}
	}
	return false
}

// lambda parses any(v: pred), any() or all(v: pred); open is the "(".
func (p *parser) lambda(at int, kind string, open int) (Segment, *Error) {
	seg := Segment{Pos: Pos(at), Kind: SegAny}
	if kind == "all" {
		seg.Kind = SegAll
	}
	p.pos = open + 1
	if err := p.enter(open); err != nil {
		return seg, err
	}
	defer p.leave()
	p.skipWS()
	if !p.eof() && p.src[p.pos] == ')' {
		if kind == "all" {
			return seg, errAt(p.pos, "all needs a lambda variable and predicate: all(x: ...)")
		}
		p.pos++
		return seg, nil
	}
	name, end := scanIdent(p.src, p.pos)
	if name == "" {
		return seg, p.unexpected("a lambda variable")
	}
	if err := checkIdentLen(name, p.pos); err != nil {
		return seg, err
	}
	p.pos = end
	p.skipWS()
	if p.eof() || p.src[p.pos] != ':' {
		return seg, p.unexpected(": after the lambda variable " + name)
	}
	p.pos++
	p.skipWS()
	p.vars = append(p.vars, name)
	pred, err := p.expr(0)
	p.vars = p.vars[:len(p.vars)-1]
	if err != nil {
		return seg, err
	}
	if err := p.closeParen(open); err != nil {
		return seg, err
	}
	seg.Var, seg.Pred = name, pred
	return seg, nil
}
