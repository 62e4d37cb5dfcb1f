package query

import "unicode/utf8"

// list parses the items of $select or $expand, separated by ",".
func (p *vparser) list(expand, nested bool) ([]*Item, *Error) {
	var items []*Item
	for {
		it, err := p.item(expand, nested)
		if err != nil {
			return nil, err
		}
		items = append(items, it)
		if p.pos < len(p.s) && p.s[p.pos] == ',' {
			p.pos++
			continue
		}
		if p.atEnd(nested) {
			return items, nil
		}
		return nil, p.err(p.pos, "expected , or the end of the %s item, found %s", listName(expand), describe(p.s, p.pos))
	}
}

func listName(expand bool) string {
	if expand {
		return "$expand"
	}
	return "$select"
}

// item parses one item of $select or $expand.
func (p *vparser) item(expand, nested bool) (*Item, *Error) {
	it := &Item{Pos: p.at(p.pos)}
	for {
		seg, err := p.segment(expand)
		if err != nil {
			return nil, err
		}
		it.Path = append(it.Path, seg)
		if p.pos < len(p.s) && p.s[p.pos] == '/' {
			p.pos++
			continue
		}
		break
	}
	if err := p.checkShape(it, expand); err != nil {
		return nil, err
	}
	if p.pos >= len(p.s) || p.s[p.pos] != '(' {
		return it, nil
	}
	last := &it.Path[len(it.Path)-1]
	open := p.pos
	if !expand {
		switch last.Kind {
		case SegStar, SegAllOperations:
			return nil, p.err(open, "%s takes no options", last.Kind)
		}
		if p.paramsAhead() {
			if last.Kind != SegName && last.Kind != SegQualified {
				return nil, p.err(open, "only a function takes parameter names in parentheses")
			}
			params, err := p.params()
			if err != nil {
				return nil, err
			}
			last.Params = params
			return it, nil
		}
		o, err := p.nested(ctxSelect)
		if err != nil {
			return nil, err
		}
		it.Options = o
		return it, nil
	}
	ctx := ctxExpand
	switch last.Kind {
	case SegValue:
		return nil, p.err(open, "$value takes no options")
	case SegStar:
		ctx = ctxExpandStar
	case SegRef:
		if len(it.Path) > 1 && it.Path[len(it.Path)-2].Kind == SegStar {
			return nil, p.err(open, "*/$ref takes no options")
		}
		ctx = ctxExpandRef
	case SegCount:
		ctx = ctxExpandCount
	}
	o, err := p.nested(ctx)
	if err != nil {
		return nil, err
	}
	it.Options = o
	return it, nil
}

// checkShape checks where the special segments stand.
func (p *vparser) checkShape(it *Item, expand bool) *Error {
	n := len(it.Path)
	for i, s := range it.Path {
		at := int(s.Pos)
		last := i == n-1
		switch s.Kind {
		case SegStar:
			if !expand && n != 1 {
				return errAt(at, "* must be a $select item of its own")
			}
			if expand && !last && !(i == n-2 && it.Path[n-1].Kind == SegRef) {
				return errAt(at, "* must end the $expand item (or be followed by /$ref)")
			}
		case SegAllOperations:
			if expand {
				return errAt(at, "%s.* is not allowed in $expand", s.Name)
			}
			if n != 1 {
				return errAt(at, "%s.* must be a $select item of its own", s.Name)
			}
		case SegValue:
			if !expand {
				return errAt(at, "$value is not allowed in $select")
			}
			if n != 1 {
				return errAt(at, "$value must be an $expand item of its own")
			}
		case SegRef, SegCount:
			if !expand {
				return errAt(at, "%s is not allowed in $select", s.Kind)
			}
			if !last {
				return errAt(at, "%s must end the $expand item", s.Kind)
			}
			if i == 0 {
				return errAt(at, "%s must follow a navigation property", s.Kind)
			}
			prev := it.Path[i-1].Kind
			if prev == SegRef || prev == SegCount || prev == SegValue || (s.Kind == SegCount && prev == SegStar) {
				return errAt(at, "%s must follow a navigation property", s.Kind)
			}
		}
	}
	return nil
}

// segment parses one path segment of an item.
func (p *vparser) segment(expand bool) (Segment, *Error) {
	i := p.pos
	if i >= len(p.s) {
		return Segment{}, p.err(i, "expected a property name, found end of input")
	}
	seg := Segment{Pos: p.at(i)}
	switch c := p.s[i]; c {
	case '*':
		seg.Kind = SegStar
		p.pos++
		return seg, nil
	case '$':
		j := scanIdent(p.s, i+1)
		switch p.s[i:j] {
		case "$ref":
			seg.Kind = SegRef
		case "$count":
			seg.Kind = SegCount
		case "$value":
			seg.Kind = SegValue
		default:
			if expand {
				return seg, p.err(i, "expected a navigation property, *, $ref, $count or $value, found %s", describe(p.s, i))
			}
			return seg, p.err(i, "expected a property name, found %s", describe(p.s, i))
		}
		p.pos = j
		return seg, nil
	case '@':
		j, err := p.qualifiedName(i + 1)
		if err != nil {
			return seg, err
		}
		if j == i+1 {
			return seg, p.err(i+1, "an annotation is @ and a term name, found %s", describe(p.s, i+1))
		}
		seg.Kind, seg.Name = SegAnnotation, p.s[i+1:j]
		if j < len(p.s) && p.s[j] == '#' {
			k := scanIdent(p.s, j+1)
			if k == j+1 {
				return seg, p.err(j+1, "expected an annotation qualifier after #, found %s", describe(p.s, j+1))
			}
			if err := p.identLength(j+1, k); err != nil {
				return seg, err
			}
			seg.Qualifier = p.s[j+1 : k]
			j = k
		}
		p.pos = j
		return seg, nil
	}
	j := scanIdent(p.s, i)
	if j == i {
		if expand {
			return seg, p.err(i, "expected a navigation property, *, $ref, $count or $value, found %s", describe(p.s, i))
		}
		return seg, p.err(i, "expected a property name, found %s", describe(p.s, i))
	}
	if err := p.identLength(i, j); err != nil {
		return seg, err
	}
	seg.Kind = SegName
	for j < len(p.s) && p.s[j] == '.' {
		if j+1 < len(p.s) && p.s[j+1] == '*' {
			seg.Kind, seg.Name = SegAllOperations, p.s[i:j]
			p.pos = j + 2
			return seg, nil
		}
		k := scanIdent(p.s, j+1)
		if k == j+1 {
			return seg, p.err(j+1, "expected an identifier after ., found %s", describe(p.s, j+1))
		}
		if err := p.identLength(j+1, k); err != nil {
			return seg, err
		}
		seg.Kind = SegQualified
		j = k
	}
	seg.Name = p.s[i:j]
	p.pos = j
	return seg, nil
}

// qualifiedName scans identifiers joined by dots at i and returns the end
// (i when there is none).
func (p *vparser) qualifiedName(i int) (int, *Error) {
	j := scanIdent(p.s, i)
	if j == i {
		return i, nil
	}
	if err := p.identLength(i, j); err != nil {
		return 0, err
	}
	for j < len(p.s) && p.s[j] == '.' {
		k := scanIdent(p.s, j+1)
		if k == j+1 {
			return 0, p.err(j+1, "expected an identifier after ., found %s", describe(p.s, j+1))
		}
		if err := p.identLength(j+1, k); err != nil {
			return 0, err
		}
		j = k
	}
	return j, nil
}

func (p *vparser) identLength(i, j int) *Error {
	if j-i > maxIdentifier && utf8.RuneCountInString(p.s[i:j]) > maxIdentifier {
		return p.err(i, "identifier longer than %d characters", maxIdentifier)
	}
	return nil
}

// paramsAhead reports whether the "(" at p.pos opens the parameter names
// of a function (f(a,b)) rather than nested options (a($top=1)).
func (p *vparser) paramsAhead() bool {
	j := p.pos + 1
	if j >= len(p.s) || p.s[j] == '$' || p.s[j] == '@' {
		return false
	}
	k := scanIdent(p.s, j)
	return k == j || k >= len(p.s) || p.s[k] != '='
}

// params parses "(" name *("," name) ")".
func (p *vparser) params() ([]string, *Error) {
	open := p.pos
	p.pos++
	var names []string
	for {
		j := scanIdent(p.s, p.pos)
		if j == p.pos {
			if p.eof() {
				return nil, p.err(open, "( is never closed")
			}
			return nil, p.err(p.pos, "expected a parameter name, found %s", describe(p.s, p.pos))
		}
		if err := p.identLength(p.pos, j); err != nil {
			return nil, err
		}
		names = append(names, p.s[p.pos:j])
		p.pos = j
		if p.eof() {
			return nil, p.err(open, "( is never closed")
		}
		switch p.s[p.pos] {
		case ',':
			p.pos++
		case ')':
			p.pos++
			return names, nil
		default:
			return nil, p.err(p.pos, "expected , or ) after a parameter name, found %s", describe(p.s, p.pos))
		}
	}
}
