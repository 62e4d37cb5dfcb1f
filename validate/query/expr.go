package query

import (
	"errors"
	"reflect"
	"strconv"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/odatagen/odatagen/validate/filter"
)

// Stop conditions of exprEnd.
const (
	stopComma  = 1 << iota // "," at depth 0 ends the expression
	stopNested             // ")" at depth 0 and a literal ";" end it
	stopJSON               // "]" and "}" at depth 0 end it
)

func nestFlag(nested bool) int {
	if nested {
		return stopNested
	}
	return 0
}

// exprEnd returns where the common expression that starts at from ends
// (at most limit): it skips string literals (single-quoted, a doubled quote standing for one)
// and JSON strings ("...", with backslash escapes), counts brackets, and
// stops at the separators that stop allows at depth 0. An unterminated
// string runs to limit; filter.Parse reports it.
func (p *vparser) exprEnd(from, limit, stop int) int {
	s := p.s
	depth := 0
	for i := from; i < limit; i++ {
		switch c := s[i]; c {
		case '\'':
			j := strings.IndexByte(s[i+1:limit], '\'')
			if j < 0 {
				return limit
			}
			i += j + 1
		case '"':
			j := i + 1
			for j < limit && s[j] != '"' {
				if s[j] == '\\' {
					j++
				}
				j++
			}
			if j >= limit {
				return limit
			}
			i = j
		case '(', '[', '{':
			depth++
		case ')', ']', '}':
			if depth > 0 {
				depth--
				continue
			}
			if c == ')' && stop&stopNested != 0 || c != ')' && stop&stopJSON != 0 {
				return i
			}
		case ',':
			if depth == 0 && stop&stopComma != 0 {
				return i
			}
		case ';':
			if depth == 0 && stop&stopNested != 0 && !p.t.escaped(i) {
				return i
			}
		}
	}
	return limit
}

// expr parses s[a:b] as a common expression with filter.Parse and rebases
// the positions of the tree (and of a syntax error) to the input.
func (p *vparser) expr(a, b int, what string) (filter.Expr, *Error) {
	sub := p.s[a:b]
	if strings.Trim(sub, " \t") == "" {
		if b < len(p.s) || a < b {
			return nil, p.err(a, "expected an expression in %s, found %s", what, describe(p.s, b))
		}
		return nil, p.err(a, "expected an expression in %s, found end of input", what)
	}
	depth := max(p.cfg.maxDepth-p.depth, 1)
	e, err := filter.Parse(sub, filter.MaxLength(max(p.cfg.maxLength, len(sub))), filter.MaxDepth(depth))
	if err != nil {
		var fe *filter.Error
		if errors.As(err, &fe) {
			return nil, p.err(a+min(max(fe.Offset, 0), len(sub)), "%s", fe.Msg)
		}
		return nil, p.err(a, "%s", err.Error())
	}
	rebase(e, func(d int) int { return p.t.raw(a + min(max(d, 0), len(sub))) })
	return e, nil
}

var posType = reflect.TypeFor[filter.Pos]()

// rebase maps every filter.Pos in the tree e through f. It walks the tree
// by reflection so that node types the filter package adds later are
// rebased too.
func rebase(e filter.Expr, f func(int) int) {
	if e == nil {
		return
	}
	rebaseValue(reflect.ValueOf(e), f)
}

func rebaseValue(v reflect.Value, f func(int) int) {
	switch v.Kind() {
	case reflect.Pointer, reflect.Interface:
		if !v.IsNil() {
			rebaseValue(v.Elem(), f)
		}
	case reflect.Struct:
		for i := range v.NumField() {
			fv := v.Field(i)
			if !fv.CanSet() {
				continue
			}
			if fv.Type() == posType {
				fv.SetInt(int64(f(int(fv.Int()))))
				continue
			}
			rebaseValue(fv, f)
		}
	case reflect.Slice, reflect.Array:
		for i := range v.Len() {
			rebaseValue(v.Index(i), f)
		}
	}
}

// orderBy parses the items of $orderby.
func (p *vparser) orderBy(op OptionPos, nested bool) (*OrderByOption, *Error) {
	ob := &OrderByOption{OptionPos: op}
	for {
		a := p.pos
		b := p.exprEnd(a, len(p.s), stopComma|nestFlag(nested))
		it, err := p.orderItem(a, b)
		if err != nil {
			return nil, err
		}
		ob.Items = append(ob.Items, it)
		p.pos = b
		if b < len(p.s) && p.s[b] == ',' {
			p.pos++
			continue
		}
		return ob, nil
	}
}

// orderItem parses s[a:b], an expression optionally followed by
// whitespace and asc or desc. When stripping a trailing "asc"/"desc"
// leaves no valid expression but the whole text is one ("x eq desc"), the
// whole text is the expression.
func (p *vparser) orderItem(a, b int) (*OrderItem, *Error) {
	end := b
	for end > a && isWS(p.s[end-1]) {
		end--
	}
	w := end
	for w > a && p.s[w-1]|0x20 >= 'a' && p.s[w-1]|0x20 <= 'z' {
		w--
	}
	kw := p.s[w:end]
	if (strings.EqualFold(kw, "asc") || strings.EqualFold(kw, "desc")) && w > a && isWS(p.s[w-1]) {
		x := w
		for x > a && isWS(p.s[x-1]) {
			x--
		}
		if x > a {
			e, err := p.expr(a, x, "$orderby")
			if err == nil {
				return &OrderItem{Pos: Pos(filter.Start(e)), Expr: e, Desc: len(kw) == 4, DirPos: p.at(w)}, nil
			}
			if whole, err2 := p.expr(a, b, "$orderby"); err2 == nil {
				return &OrderItem{Pos: Pos(filter.Start(whole)), Expr: whole, DirPos: p.at(end)}, nil
			}
			return nil, err
		}
	}
	e, err := p.expr(a, b, "$orderby")
	if err != nil {
		return nil, err
	}
	return &OrderItem{Pos: Pos(filter.Start(e)), Expr: e, DirPos: p.at(end)}, nil
}

// compute parses the items of $compute: expr as name.
func (p *vparser) compute(op OptionPos, nested bool) (*ComputeOption, *Error) {
	co := &ComputeOption{OptionPos: op}
	for {
		a := p.pos
		b := p.exprEnd(a, len(p.s), stopComma|nestFlag(nested))
		end := b
		for end > a && isWS(p.s[end-1]) {
			end--
		}
		n := end
		for n > a && (p.s[n-1] >= utf8.RuneSelf || p.s[n-1] == '_' || isDigit(p.s[n-1]) || p.s[n-1]|0x20 >= 'a' && p.s[n-1]|0x20 <= 'z') {
			n--
		}
		as := n
		for as > a && isWS(p.s[as-1]) {
			as--
		}
		ok := n < end && isIdentifier(p.s[n:end]) && n > as && as-2 > a &&
			strings.EqualFold(p.s[as-2:as], "as") && isWS(p.s[as-3])
		if !ok {
			return nil, p.err(end, "expected \"as\" and the name of the computed property at the end of the $compute item")
		}
		x := as - 2
		for x > a && isWS(p.s[x-1]) {
			x--
		}
		e, err := p.expr(a, x, "$compute")
		if err != nil {
			return nil, err
		}
		co.Items = append(co.Items, &ComputeItem{Pos: Pos(filter.Start(e)), Expr: e, As: p.s[n:end], AsPos: p.at(n)})
		p.pos = b
		if b < len(p.s) && p.s[b] == ',' {
			p.pos++
			continue
		}
		return co, nil
	}
}

// aliasValue parses the value of a parameter alias: a JSON array or
// object, or a common expression.
func (p *vparser) aliasValue(nested bool) (Value, *Error) {
	a := p.pos
	b := p.exprEnd(a, len(p.s), nestFlag(nested))
	i := a
	for i < b && isWS(p.s[i]) {
		i++
	}
	if i < b && (p.s[i] == '[' || p.s[i] == '{') {
		v, end, err := p.json(i, b)
		if err != nil {
			return nil, err
		}
		for end < b && isWS(p.s[end]) {
			end++
		}
		if end < b {
			return nil, p.err(end, "unexpected %s after the JSON value", describe(p.s, end))
		}
		p.pos = b
		return v, nil
	}
	e, err := p.expr(a, b, "the value of the alias")
	if err != nil {
		return nil, err
	}
	p.pos = b
	return &ExprValue{Expr: e}, nil
}

// json parses a valueInUrl at s[i:] (before limit): a JSON array, object
// or string, or a common expression. It returns the end.
func (p *vparser) json(i, limit int) (Value, int, *Error) {
	for i < limit && isWS(p.s[i]) {
		i++
	}
	if i >= limit {
		return nil, i, p.err(i, "expected a JSON value, found %s", describe(p.s[:limit], i))
	}
	switch p.s[i] {
	case '[':
		if err := p.enter(i); err != nil {
			return nil, i, err
		}
		defer p.leave()
		arr := &JSONArray{Pos: p.at(i)}
		j := p.skipWS(i+1, limit)
		if j < limit && p.s[j] == ']' {
			return arr, j + 1, nil
		}
		for {
			v, end, err := p.json(j, limit)
			if err != nil {
				return nil, end, err
			}
			arr.Items = append(arr.Items, v)
			j = p.skipWS(end, limit)
			if j >= limit {
				return nil, j, p.err(i, "[ is never closed")
			}
			switch p.s[j] {
			case ',':
				j++
			case ']':
				return arr, j + 1, nil
			default:
				return nil, j, p.err(j, "expected , or ] in the JSON array, found %s", describe(p.s, j))
			}
		}
	case '{':
		if err := p.enter(i); err != nil {
			return nil, i, err
		}
		defer p.leave()
		obj := &JSONObject{Pos: p.at(i)}
		j := p.skipWS(i+1, limit)
		if j < limit && p.s[j] == '}' {
			return obj, j + 1, nil
		}
		for {
			if j >= limit || p.s[j] != '"' {
				return nil, j, p.err(j, "expected a member name in double quotes, found %s", describe(p.s[:limit], j))
			}
			name, end, err := p.jsonString(j, limit)
			if err != nil {
				return nil, end, err
			}
			m := JSONMember{Pos: p.at(j), Name: name}
			j = p.skipWS(end, limit)
			if j >= limit || p.s[j] != ':' {
				return nil, j, p.err(j, "expected : after the member name, found %s", describe(p.s[:limit], j))
			}
			v, end, err := p.json(j+1, limit)
			if err != nil {
				return nil, end, err
			}
			m.Value = v
			obj.Members = append(obj.Members, m)
			j = p.skipWS(end, limit)
			if j >= limit {
				return nil, j, p.err(i, "{ is never closed")
			}
			switch p.s[j] {
			case ',':
				j = p.skipWS(j+1, limit)
			case '}':
				return obj, j + 1, nil
			default:
				return nil, j, p.err(j, "expected , or } in the JSON object, found %s", describe(p.s, j))
			}
		}
	case '"':
		s, end, err := p.jsonString(i, limit)
		if err != nil {
			return nil, end, err
		}
		return &JSONString{Pos: p.at(i), Value: s}, end, nil
	}
	end := p.exprEnd(i, limit, stopComma|stopJSON)
	x := end
	for x > i && isWS(p.s[x-1]) {
		x--
	}
	e, err := p.expr(i, x, "the JSON value")
	if err != nil {
		return nil, end, err
	}
	return &ExprValue{Expr: e}, end, nil
}

func (p *vparser) skipWS(i, limit int) int {
	for i < limit && isWS(p.s[i]) {
		i++
	}
	return i
}

// jsonString decodes the JSON string whose opening quote is at s[i].
func (p *vparser) jsonString(i, limit int) (string, int, *Error) {
	var b strings.Builder
	j := i + 1
	for {
		if j >= limit {
			return "", j, p.err(i, "the string is never closed")
		}
		c := p.s[j]
		switch {
		case c == '"':
			return b.String(), j + 1, nil
		case c < 0x20:
			return "", j, p.err(j, "control character %#02x in a JSON string (write \\u%04x)", c, c)
		case c != '\\':
			b.WriteByte(c)
			j++
			continue
		}
		if j+1 >= limit {
			return "", j, p.err(i, "the string is never closed")
		}
		switch e := p.s[j+1]; e {
		case '"', '\\', '/':
			b.WriteByte(e)
		case 'b':
			b.WriteByte('\b')
		case 'f':
			b.WriteByte('\f')
		case 'n':
			b.WriteByte('\n')
		case 'r':
			b.WriteByte('\r')
		case 't':
			b.WriteByte('\t')
		case 'u':
			r, n := p.hex4(j+2, limit)
			if n < 0 {
				return "", j, p.err(j, "\\u must be followed by four hexadecimal digits")
			}
			if utf16.IsSurrogate(r) {
				if r2, n2 := p.hex4(j+8, limit); j+7 < limit && p.s[j+6] == '\\' && p.s[j+7] == 'u' && n2 >= 0 {
					if d := utf16.DecodeRune(r, r2); d != utf8.RuneError {
						b.WriteRune(d)
						j += 12
						continue
					}
				}
				r = utf8.RuneError
			}
			b.WriteRune(r)
			j += 6
			continue
		default:
			return "", j, p.err(j, "unknown escape \\%c in a JSON string", e)
		}
		j += 2
	}
}

func (p *vparser) hex4(i, limit int) (rune, int) {
	if i+4 > limit {
		return 0, -1
	}
	v, err := strconv.ParseUint(p.s[i:i+4], 16, 32)
	if err != nil {
		return 0, -1
	}
	return rune(v), 4
}
