package query

import (
	"mime"
	"strconv"
	"strings"
)

// optKind names a system query option.
type optKind uint8

const (
	optSelect optKind = iota + 1
	optExpand
	optFilter
	optSearch
	optOrderBy
	optTop
	optSkip
	optCount
	optLevels
	optCompute
	optIndex
	optSkipToken
	optDeltaToken
	optFormat
	optSchemaVersion
	optID
	optApply
	optMax
)

// optNames are the canonical spellings, in canonical order.
var optNames = [...]string{
	optSelect: "$select", optExpand: "$expand", optFilter: "$filter", optSearch: "$search",
	optOrderBy: "$orderby", optTop: "$top", optSkip: "$skip", optCount: "$count",
	optLevels: "$levels", optCompute: "$compute", optIndex: "$index",
	optSkipToken: "$skiptoken", optDeltaToken: "$deltatoken", optFormat: "$format",
	optSchemaVersion: "$schemaversion", optID: "$id", optApply: "$apply",
}

func (k optKind) String() string { return optNames[k] }

var optByName = func() map[string]optKind {
	m := map[string]optKind{}
	for k := optSelect; k < optMax; k++ {
		m[optNames[k]] = k
	}
	return m
}()

// needsDollar lists the options the ABNF spells only with "$": without
// it, "skiptoken=x" is a custom query option.
var needsDollar = map[optKind]bool{optSkipToken: true, optDeltaToken: true}

// lookupOption returns the option name names (case-insensitively, "$"
// optional as OData 4.01 allows, unless dollar), or 0.
func lookupOption(name string, dollar bool) optKind {
	if len(name) > 16 {
		return 0
	}
	lower := strings.ToLower(name)
	if strings.HasPrefix(lower, "$") {
		return optByName[lower]
	}
	if k := optByName["$"+lower]; k != 0 && !needsDollar[k] && !dollar {
		return k
	}
	return 0
}

// ctxKind is where a list of options stands; it decides which options are
// allowed.
type ctxKind uint8

const (
	ctxTop         ctxKind = iota
	ctxExpand              // expandOption
	ctxExpandRef           // expandRefOption, after /$ref
	ctxExpandCount         // expandCountOption, after /$count
	ctxExpandStar          // after * (only $levels)
	ctxSelect              // selectOption
)

type optSet uint32

func setOf(ks ...optKind) optSet {
	var s optSet
	for _, k := range ks {
		s |= 1 << k
	}
	return s
}

var ctxAllowed = [...]optSet{
	ctxTop: setOf(optSelect, optExpand, optFilter, optSearch, optOrderBy, optTop, optSkip, optCount,
		optCompute, optIndex, optSkipToken, optDeltaToken, optFormat, optSchemaVersion, optID, optApply),
	ctxExpand: setOf(optSelect, optExpand, optFilter, optSearch, optOrderBy, optTop, optSkip, optCount,
		optLevels, optCompute),
	ctxExpandRef:   setOf(optFilter, optSearch, optOrderBy, optTop, optSkip, optCount),
	ctxExpandCount: setOf(optFilter, optSearch),
	ctxExpandStar:  setOf(optLevels),
	ctxSelect:      setOf(optSelect, optFilter, optSearch, optOrderBy, optTop, optSkip, optCount, optCompute),
}

// ctxAliases says where parameter aliases may be defined.
var ctxAliases = [...]bool{ctxTop: true, ctxExpand: true, ctxSelect: true}

var ctxWhere = [...]string{
	ctxTop: "at the top level", ctxExpand: "in $expand", ctxExpandRef: "after /$ref",
	ctxExpandCount: "after /$count", ctxExpandStar: "after * in $expand", ctxSelect: "in $select",
}

func (c ctxKind) allowedList() string {
	var parts []string
	for k := optSelect; k < optMax; k++ {
		if ctxAllowed[c]&(1<<k) != 0 {
			parts = append(parts, optNames[k])
		}
	}
	if ctxAliases[c] {
		parts = append(parts, "@alias")
	}
	return strings.Join(parts, ", ")
}

// Parse parses a query string ("$select=a,b&$top=5", with or without a
// leading "?"), a path with a query ("/users?$select=a") or a whole URL
// ("https://graph.microsoft.com/v1.0/users?$select=a"). A path or URL
// without "?" must start with "/" or a scheme ("https://"); text with a "?"
// before any "=" or "&" is a path and a query. Errors are *Error, whose
// offsets (like the positions of every node) are byte offsets into raw.
//
// Options are separated by "&"; empty ones ("&&") are skipped. Each name
// and value is percent-decoded on its own ("+" is a space, as in HTML
// forms: send a plus as %2B). System query option names are
// case-insensitive and the "$" is optional (OData 4.01; see
// DollarRequired for 4.0), except for $skiptoken and $deltatoken as the
// ABNF spells them; an unknown name
// starting with "$" is an error, other names are custom query options. A
// system query option or alias given twice is an error. Parameter aliases
// (@p=value) are parsed as common expressions or JSON arrays and objects,
// and every alias that an expression uses must be defined where it is
// used. A "#" anywhere is an error (it would start a URL fragment).
func Parse(raw string, opts ...Option) (*Query, error) {
	c := newConfig(opts)
	q, err := parse(raw, c)
	if err != nil {
		err.Expr = raw
		return nil, err
	}
	return q, nil
}

// splitPath returns the offset at which the query starts in in (after
// "?"), and the path before it.
func splitPath(in string) (path string, start int) {
	q := strings.IndexByte(in, '?')
	if strings.HasPrefix(in, "/") || hasScheme(in) {
		if q < 0 {
			return in, len(in)
		}
		return in[:q], q + 1
	}
	if q >= 0 && !strings.ContainsAny(in[:q], "=&") {
		return in[:q], q + 1
	}
	return "", 0
}

// hasScheme reports whether s starts with scheme "://".
func hasScheme(s string) bool {
	i := strings.Index(s, "://")
	if i <= 0 {
		return false
	}
	for j := 0; j < i; j++ {
		c := s[j]
		letter := c|0x20 >= 'a' && c|0x20 <= 'z'
		if !letter && (j == 0 || !(isDigit(c) || c == '+' || c == '-' || c == '.')) {
			return false
		}
	}
	return true
}

// parse is Parse without setting Error.Expr. It refuses input over
// c.maxLength and any "#" (in the path too) before anything else, splits
// off the path (see splitPath), and parses each "&"-separated part in
// order, skipping empty ones; seen and aliases carry the first occurrence
// of each system option and alias for the duplicate errors. Alias uses are
// checked only once every part is parsed, so an alias may be defined
// after its use. The first error is returned, offsets into in.
func parse(in string, c config) (*Query, *Error) {
	if len(in) > c.maxLength {
		return nil, errAt(c.maxLength, "the input is %d bytes long; the limit is %d", len(in), c.maxLength)
	}
	if i := strings.IndexByte(in, '#'); i >= 0 {
		return nil, errAt(i, "# starts a URL fragment, which is not sent to the service; write %%23 for a literal #")
	}
	q := &Query{}
	path, start := splitPath(in)
	q.Path = path
	var seen [optMax]int // 1 + the offset of the first occurrence
	aliases := map[string]int{}
	for o := start; o < len(in); {
		end := strings.IndexByte(in[o:], '&')
		if end < 0 {
			end = len(in)
		} else {
			end += o
		}
		part := in[o:end]
		if part == "" {
			o = end + 1
			continue
		}
		if err := parseOption(q, part, o, c, &seen, aliases); err != nil {
			return nil, err
		}
		o = end + 1
	}
	if err := checkAliasUse(q); err != nil {
		return nil, err
	}
	return q, nil
}

// parseOption parses one name=value part of the query, which starts at
// offset o of the input.
func parseOption(q *Query, part string, o int, c config, seen *[optMax]int, aliases map[string]int) *Error {
	eq := strings.IndexByte(part, '=')
	rawName := part
	if eq >= 0 {
		rawName = part[:eq]
	}
	nt, err := decode(rawName, o)
	if err != nil {
		return err
	}
	name := nt.s
	if name == "" {
		return errAt(o, "expected a query option name before =")
	}
	var vt *text
	op := OptionPos{NamePos: Pos(o), ValuePos: Pos(o + len(rawName))}
	if eq >= 0 {
		op.ValuePos++
		if vt, err = decode(part[eq+1:], o+eq+1); err != nil {
			return err
		}
	}
	if name[0] == '@' {
		if !isIdentifier(name[1:]) {
			return errAt(nt.raw(1), "a parameter alias is @ and an identifier, found %s", describe(name, 1))
		}
		if first, dup := aliases[name[1:]]; dup {
			return errAt(o, "parameter alias %s is defined twice (first at offset %d)", name, first)
		}
		aliases[name[1:]] = o
		if vt == nil {
			return errAt(o+len(rawName), "expected = and a value after %s", name)
		}
		p := &vparser{t: vt, s: vt.s, cfg: c, opt: name}
		v, err := p.aliasValue(false)
		if err != nil {
			return err
		}
		q.Aliases = append(q.Aliases, &Alias{OptionPos: op, Name: name[1:], Value: v})
		return nil
	}
	k := lookupOption(name, c.dollarRequired)
	if k != 0 && ctxAllowed[ctxTop]&(1<<k) == 0 {
		if name[0] != '$' {
			k = 0 // "levels=2" at the top level is a custom query option
		} else {
			return errAt(o, "%s is only allowed inside $expand", k)
		}
	}
	if k == 0 {
		if name[0] == '$' {
			return errAt(o, "unknown system query option %s", name)
		}
		cu := &Custom{OptionPos: op, Name: name, NoValue: vt == nil}
		if vt != nil {
			cu.Value = vt.s
		}
		q.Custom = append(q.Custom, cu)
		return nil
	}
	if first := seen[k]; first != 0 {
		return errAt(o, "%s is given twice (first at offset %d)", k, first-1)
	}
	seen[k] = o + 1
	if vt == nil {
		return errAt(o+len(rawName), "expected = and a value after %s", name)
	}
	p := &vparser{t: vt, s: vt.s, cfg: c, opt: k.String()}
	switch k {
	case optIndex, optSkipToken, optDeltaToken, optFormat, optSchemaVersion, optID, optApply:
		t, err := p.textValue(k, op)
		if err != nil {
			return err
		}
		switch k {
		case optIndex:
			q.Index = t.(*Int)
		case optSkipToken:
			q.SkipToken = t.(*Text)
		case optDeltaToken:
			q.DeltaToken = t.(*Text)
		case optFormat:
			q.Format = t.(*Text)
		case optSchemaVersion:
			q.SchemaVersion = t.(*Text)
		case optID:
			q.ID = t.(*Text)
		case optApply:
			q.Apply = t.(*Text)
		}
		return nil
	}
	if err := p.value(k, op, false, &q.Options); err != nil {
		return err
	}
	if !p.eof() {
		return p.trailing()
	}
	return nil
}

// vparser parses the decoded value of one top-level option, with
// everything nested in it.
type vparser struct {
	t     *text
	s     string // t.s
	pos   int
	cfg   config
	depth int
	opt   string // the top-level option, for messages
}

func (p *vparser) err(i int, format string, args ...any) *Error {
	return errAt(p.t.raw(i), format, args...)
}

func (p *vparser) at(i int) Pos { return Pos(p.t.raw(i)) }

func (p *vparser) eof() bool { return p.pos >= len(p.s) }

// atEnd reports whether the value ends at p.pos: the end of the input at
// the top level, ";" or ")" when nested. A ";" written %3B is no separator.
func (p *vparser) atEnd(nested bool) bool {
	if p.pos >= len(p.s) {
		return true
	}
	return nested && p.isClose(p.pos)
}

// isClose reports whether s[i] ends a nested option: ")" or a literal ";".
func (p *vparser) isClose(i int) bool {
	c := p.s[i]
	return c == ')' || c == ';' && !p.t.escaped(i)
}

func (p *vparser) enter(at int) *Error {
	p.depth++
	if p.depth > p.cfg.maxDepth {
		return p.err(at, "nested more than %d levels deep", p.cfg.maxDepth)
	}
	return nil
}

func (p *vparser) leave() { p.depth-- }

// trailing reports what is left after a top-level value.
func (p *vparser) trailing() *Error {
	switch c := p.s[p.pos]; {
	case c == ')':
		return p.err(p.pos, "unexpected ) without a matching (")
	case c == ',' && (p.opt == "$top" || p.opt == "$skip" || p.opt == "$count"):
		return p.err(p.pos, "%s takes one value", p.opt)
	}
	return p.err(p.pos, "unexpected %s in %s", describe(p.s, p.pos), p.opt)
}

// value parses the value of option k at p.pos into o. nested values end
// at ";" or ")".
func (p *vparser) value(k optKind, op OptionPos, nested bool, o *Options) *Error {
	switch k {
	case optSelect, optExpand:
		items, err := p.list(k == optExpand, nested)
		if err != nil {
			return err
		}
		if k == optSelect {
			o.Select = &SelectOption{OptionPos: op, Items: items}
		} else {
			o.Expand = &ExpandOption{OptionPos: op, Items: items}
		}
	case optFilter:
		a := p.pos
		b := p.exprEnd(a, len(p.s), nestFlag(nested))
		e, err := p.expr(a, b, "$filter")
		if err != nil {
			return err
		}
		p.pos = b
		o.Filter = &FilterOption{OptionPos: op, Expr: e}
	case optOrderBy:
		ob, err := p.orderBy(op, nested)
		if err != nil {
			return err
		}
		o.OrderBy = ob
	case optCompute:
		co, err := p.compute(op, nested)
		if err != nil {
			return err
		}
		o.Compute = co
	case optSearch:
		s, err := p.search(op, nested)
		if err != nil {
			return err
		}
		o.Search = s
	case optTop, optSkip:
		v, err := p.integer(k.String(), false)
		if err != nil {
			return err
		}
		if k == optTop {
			o.Top = &Int{OptionPos: op, Value: v}
		} else {
			o.Skip = &Int{OptionPos: op, Value: v}
		}
	case optCount:
		b, err := p.boolean()
		if err != nil {
			return err
		}
		o.Count = &Boolean{OptionPos: op, Value: b}
	case optLevels:
		l, err := p.levels(op)
		if err != nil {
			return err
		}
		o.Levels = l
	}
	return nil
}

// integer reads 1*DIGIT (with an optional "-" when signed).
func (p *vparser) integer(what string, signed bool) (int64, *Error) {
	i := p.pos
	j := i
	if signed && j < len(p.s) && p.s[j] == '-' {
		j++
	}
	d := j
	for j < len(p.s) && isDigit(p.s[j]) {
		j++
	}
	if j == d {
		if signed {
			return 0, p.err(i, "%s takes an integer, found %s", what, describe(p.s, i))
		}
		if i < len(p.s) && p.s[i] == '-' {
			return 0, p.err(i, "%s takes a non-negative integer", what)
		}
		return 0, p.err(i, "%s takes a non-negative integer, found %s", what, describe(p.s, i))
	}
	v, err := strconv.ParseInt(p.s[i:j], 10, 64)
	if err != nil {
		return 0, p.err(i, "%s is too large: %s", what, p.s[i:j])
	}
	p.pos = j
	return v, nil
}

// word reads a run of ASCII letters.
func (p *vparser) word() string {
	j := p.pos
	for j < len(p.s) && (p.s[j]|0x20 >= 'a' && p.s[j]|0x20 <= 'z') {
		j++
	}
	w := p.s[p.pos:j]
	return w
}

func (p *vparser) boolean() (bool, *Error) {
	w := p.word()
	switch {
	case strings.EqualFold(w, "true"):
		p.pos += len(w)
		return true, nil
	case strings.EqualFold(w, "false"):
		p.pos += len(w)
		return false, nil
	}
	return false, p.err(p.pos, "$count takes true or false, found %s", describe(p.s, p.pos))
}

func (p *vparser) levels(op OptionPos) (*LevelsOption, *Error) {
	i := p.pos
	if w := p.word(); strings.EqualFold(w, "max") {
		p.pos += len(w)
		return &LevelsOption{OptionPos: op, Max: true}, nil
	}
	if i < len(p.s) && p.s[i] == '0' {
		return nil, p.err(i, "$levels takes a positive integer without leading zeros, or max")
	}
	if i >= len(p.s) || !isDigit(p.s[i]) {
		return nil, p.err(i, "$levels takes a positive integer or max, found %s", describe(p.s, i))
	}
	v, err := p.integer("$levels", false)
	if err != nil {
		return nil, err
	}
	return &LevelsOption{OptionPos: op, Value: v}, nil
}

// textValue parses the options whose value is the whole decoded text.
func (p *vparser) textValue(k optKind, op OptionPos) (any, *Error) {
	v := p.s
	switch k {
	case optIndex:
		n, err := p.integer("$index", true)
		if err != nil {
			return nil, err
		}
		if !p.eof() {
			return nil, p.trailing()
		}
		return &Int{OptionPos: op, Value: n}, nil
	case optFormat:
		switch lower := strings.ToLower(v); lower {
		case "json", "atom", "xml":
			v = lower
		default:
			typ, sub, ok := strings.Cut(v, "/")
			if !ok || typ == "" || sub == "" {
				return nil, p.err(0, "$format takes json, atom, xml or a media type such as application/json, found %q", v)
			}
			if _, _, err := mime.ParseMediaType(v); err != nil {
				return nil, p.err(0, "$format: %q is not a valid media type", v)
			}
		}
	case optSchemaVersion:
		if v != "*" {
			if v == "" {
				return nil, p.err(0, "$schemaversion takes * or a version")
			}
			for i := 0; i < len(v); i++ {
				if !isUnreserved(v[i]) {
					return nil, p.err(i, "$schemaversion takes * or a version of letters, digits and - . _ ~, found %s", describe(v, i))
				}
			}
		}
	default:
		if v == "" {
			return nil, p.err(0, "%s needs a value", k)
		}
	}
	return &Text{OptionPos: op, Value: v}, nil
}

func isUnreserved(c byte) bool {
	return isDigit(c) || c|0x20 >= 'a' && c|0x20 <= 'z' || c == '-' || c == '.' || c == '_' || c == '~'
}

// nested parses "(" options ")" at p.pos into a new Options.
func (p *vparser) nested(ctx ctxKind) (*Options, *Error) {
	open := p.pos
	if err := p.enter(open); err != nil {
		return nil, err
	}
	defer p.leave()
	p.pos++
	o := &Options{}
	var seen [optMax]bool
	var aliasNames map[string]bool
	for {
		ns := p.pos
		j := ns
		if j < len(p.s) && (p.s[j] == '$' || p.s[j] == '@') {
			j++
		}
		j = scanIdent(p.s, j)
		if j == ns || j == ns+1 && (p.s[ns] == '$' || p.s[ns] == '@') {
			if ns >= len(p.s) {
				return nil, p.err(open, "( is never closed")
			}
			return nil, p.err(ns, "expected a query option such as $filter=..., found %s", describe(p.s, ns))
		}
		name := p.s[ns:j]
		if j >= len(p.s) || p.s[j] != '=' {
			if j >= len(p.s) {
				return nil, p.err(j, "expected = after %s, found end of input", name)
			}
			return nil, p.err(j, "expected = after %s, found %s", name, describe(p.s, j))
		}
		op := OptionPos{NamePos: p.at(ns), ValuePos: p.at(j + 1)}
		p.pos = j + 1
		if name[0] == '@' {
			if !ctxAliases[ctx] {
				return nil, p.err(ns, "parameter aliases are not allowed %s (allowed: %s)", ctxWhere[ctx], ctx.allowedList())
			}
			if aliasNames[name] {
				return nil, p.err(ns, "parameter alias %s is defined twice in these options", name)
			}
			if aliasNames == nil {
				aliasNames = map[string]bool{}
			}
			aliasNames[name] = true
			v, err := p.aliasValue(true)
			if err != nil {
				return nil, err
			}
			o.Aliases = append(o.Aliases, &Alias{OptionPos: op, Name: name[1:], Value: v})
		} else {
			k := lookupOption(name, p.cfg.dollarRequired)
			if k == 0 {
				return nil, p.err(ns, "unknown query option %s %s (allowed: %s)", name, ctxWhere[ctx], ctx.allowedList())
			}
			if ctxAllowed[ctx]&(1<<k) == 0 {
				return nil, p.err(ns, "%s is not allowed %s (allowed: %s)", k, ctxWhere[ctx], ctx.allowedList())
			}
			if seen[k] {
				return nil, p.err(ns, "%s is given twice in these options", k)
			}
			seen[k] = true
			if err := p.value(k, op, true, o); err != nil {
				return nil, err
			}
		}
		if p.pos >= len(p.s) {
			return nil, p.err(open, "( is never closed")
		}
		if p.s[p.pos] == ')' {
			p.pos++
			return o, nil
		}
		if p.isClose(p.pos) {
			p.pos++
			continue
		}
		return nil, p.err(p.pos, "expected ; or ) after the value of %s, found %s", name, describe(p.s, p.pos))
	}
}
