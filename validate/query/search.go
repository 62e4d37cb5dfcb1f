package query

import "strings"

// The $search grammar (searchExpr of the ABNF) with the precedence of the
// URL conventions: NOT binds tighter than AND, AND tighter than OR, and
// terms written side by side are joined by AND. AND, OR and NOT are
// operators only where an operator may stand and an operand follows
// (case-sensitive); elsewhere they are words ("NOT" alone, "AND OR").

// search parses a $search value at p.pos.
func (p *vparser) search(op OptionPos, nested bool) (*SearchOption, *Error) {
	s := &SearchOption{OptionPos: op}
	p.pos = p.skipWS(p.pos, len(p.s))
	if !p.eof() && p.s[p.pos] == '\'' {
		e, err := p.searchIncomplete()
		if err != nil {
			return nil, err
		}
		s.Expr = e
	} else {
		if p.atEnd(nested) {
			return nil, p.err(p.pos, "expected a search term, found %s", describe(p.s, p.pos))
		}
		e, err := p.searchOr(s, nested)
		if err != nil {
			return nil, err
		}
		s.Expr = e
	}
	p.pos = p.skipWS(p.pos, len(p.s))
	if !p.atEnd(nested) {
		c := p.s[p.pos]
		if c == ')' {
			return nil, p.err(p.pos, "unexpected ) without a matching ( in $search")
		}
		if c == ';' {
			return nil, p.err(p.pos, "a search word cannot contain ; (write %%3B)")
		}
		return nil, p.err(p.pos, "expected whitespace, AND, OR or the end of $search, found %s", describe(p.s, p.pos))
	}
	return s, nil
}

// searchIncomplete parses '...' (searchExpr-incomplete).
func (p *vparser) searchIncomplete() (SearchExpr, *Error) {
	open := p.pos
	var b strings.Builder
	j := open + 1
	for {
		k := strings.IndexByte(p.s[j:], '\'')
		if k < 0 {
			return nil, p.err(open, "the quoted $search value is never closed")
		}
		b.WriteString(p.s[j : j+k])
		j += k + 1
		if j < len(p.s) && p.s[j] == '\'' {
			b.WriteByte('\'')
			j++
			continue
		}
		p.pos = j
		return &SearchIncomplete{Pos: p.at(open), Text: b.String()}, nil
	}
}

// wordChar reports whether s[i] may be part of a search word: anything
// but whitespace, parentheses, double quotes and a literal ";".
func (p *vparser) wordChar(i int) bool {
	switch p.s[i] {
	case ' ', '\t', '(', ')', '"':
		return false
	case ';':
		return p.t.escaped(i)
	}
	return true
}

// operandAt reports whether a search operand starts at i.
func (p *vparser) operandAt(i int) bool {
	if i >= len(p.s) {
		return false
	}
	return p.s[i] == '(' || p.s[i] == '"' || p.wordChar(i)
}

// opAt reports whether the operator kw stands at i: the keyword as a whole
// word, then whitespace, then an operand. It returns where the operand
// starts.
func (p *vparser) opAt(i int, kw string) (int, bool) {
	if !strings.HasPrefix(p.s[i:], kw) {
		return 0, false
	}
	j := i + len(kw)
	if j >= len(p.s) || !isWS(p.s[j]) {
		return 0, false
	}
	j = p.skipWS(j, len(p.s))
	return j, p.operandAt(j)
}

func (p *vparser) searchOr(s *SearchOption, nested bool) (SearchExpr, *Error) {
	left, err := p.searchAnd(s, nested)
	if err != nil {
		return nil, err
	}
	for {
		i := p.skipWS(p.pos, len(p.s))
		if i == p.pos || i >= len(p.s) {
			return left, nil
		}
		next, ok := p.opAt(i, "OR")
		if !ok {
			return left, nil
		}
		p.pos = next
		right, err := p.searchAnd(s, nested)
		if err != nil {
			return nil, err
		}
		left = &SearchBinary{Pos: p.at(i), Op: "OR", L: left, R: right}
	}
}

func (p *vparser) searchAnd(s *SearchOption, nested bool) (SearchExpr, *Error) {
	left, err := p.searchUnary(s, nested)
	if err != nil {
		return nil, err
	}
	for {
		i := p.skipWS(p.pos, len(p.s))
		if i == p.pos || i >= len(p.s) {
			return left, nil
		}
		if _, ok := p.opAt(i, "OR"); ok {
			return left, nil
		}
		at := i
		if next, ok := p.opAt(i, "AND"); ok {
			p.pos = next
		} else if p.operandAt(i) {
			p.pos = i
		} else {
			return left, nil
		}
		right, err := p.searchUnary(s, nested)
		if err != nil {
			return nil, err
		}
		left = &SearchBinary{Pos: p.at(at), Op: "AND", L: left, R: right}
	}
}

func (p *vparser) searchUnary(s *SearchOption, nested bool) (SearchExpr, *Error) {
	if next, ok := p.opAt(p.pos, "NOT"); ok {
		at := p.pos
		if err := p.enter(at); err != nil {
			return nil, err
		}
		defer p.leave()
		p.pos = next
		x, err := p.searchUnary(s, nested)
		if err != nil {
			return nil, err
		}
		return &SearchNot{Pos: p.at(at), X: x}, nil
	}
	return p.searchPrimary(s, nested)
}

// searchPrimary parses a search operand at p.pos: a parenthesized
// expression (one nesting level; its position is added to s.Groups, and
// an empty or unclosed group is an error), a "..." phrase, or a word, the
// longest run of characters other than whitespace, parentheses, '"' and
// an unescaped ";". A word may not start with a single quote (whole-value
// quoting is searchIncomplete's), and a stray ")" or other non-word byte
// is an error.
func (p *vparser) searchPrimary(s *SearchOption, nested bool) (SearchExpr, *Error) {
	i := p.pos
	if i >= len(p.s) {
		return nil, p.err(i, "expected a search term, found end of input")
	}
	switch c := p.s[i]; {
	case c == '(':
		if err := p.enter(i); err != nil {
			return nil, err
		}
		defer p.leave()
		s.Groups = append(s.Groups, p.at(i))
		p.pos = p.skipWS(i+1, len(p.s))
		if p.pos < len(p.s) && p.s[p.pos] == ')' {
			return nil, p.err(p.pos, "expected a search term inside ( ), found )")
		}
		e, err := p.searchOr(s, nested)
		if err != nil {
			return nil, err
		}
		p.pos = p.skipWS(p.pos, len(p.s))
		if p.eof() {
			return nil, p.err(i, "( is never closed")
		}
		if p.s[p.pos] != ')' {
			if p.s[p.pos] == ';' {
				return nil, p.err(p.pos, "a search word cannot contain ; (write %%3B)")
			}
			return nil, p.err(p.pos, "expected ) or an operator in $search, found %s", describe(p.s, p.pos))
		}
		p.pos++
		return e, nil
	case c == '"':
		return p.searchPhrase()
	case c == '\'':
		return nil, p.err(i, "a search word cannot start with '; write the whole $search value in single quotes for incomplete input")
	case c == ')':
		return nil, p.err(i, "expected a search term, found )")
	case !p.wordChar(i):
		return nil, p.err(i, "expected a search term, found %s", describe(p.s, i))
	}
	j := i
	for j < len(p.s) && p.wordChar(j) {
		j++
	}
	p.pos = j
	return &SearchWord{Pos: p.at(i), Text: p.s[i:j]}, nil
}

// searchPhrase parses "...", in which \" is a quote and \\ a backslash.
func (p *vparser) searchPhrase() (SearchExpr, *Error) {
	open := p.pos
	var b strings.Builder
	j := open + 1
	for {
		if j >= len(p.s) {
			return nil, p.err(open, "the phrase is never closed (a \" inside a phrase is written \\\")")
		}
		switch c := p.s[j]; c {
		case '"':
			if b.Len() == 0 {
				return nil, p.err(open, "empty search phrase")
			}
			p.pos = j + 1
			if p.pos < len(p.s) && !isWS(p.s[p.pos]) && p.s[p.pos] != ')' && !p.isClose(p.pos) {
				return nil, p.err(p.pos, "expected whitespace after the phrase, found %s", describe(p.s, p.pos))
			}
			return &SearchPhrase{Pos: p.at(open), Text: b.String()}, nil
		case '\\':
			if j+1 < len(p.s) && (p.s[j+1] == '"' || p.s[j+1] == '\\') {
				b.WriteByte(p.s[j+1])
				j += 2
				continue
			}
			return nil, p.err(j, "a backslash in a phrase escapes only \" or \\ (write \\\\ for a backslash)")
		default:
			b.WriteByte(c)
			j++
		}
	}
}
