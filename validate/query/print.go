package query

import (
	"strconv"
	"strings"

	"github.com/odatagen/odatagen/validate/filter"
	"github.com/odatagen/odatagen/validate/internal/jsontext"
)

// Print writes q in canonical form: the path (if any) and "?", then the
// system query options in the order $select, $expand, $filter, $search,
// $orderby, $top, $skip, $count, $levels, $compute, $index, $format,
// $skiptoken, $deltatoken, $schemaversion, $id, $apply, then the aliases
// and the custom options in source order. Names are lower-case with "$";
// values are canonical (filter.Print for expressions, "desc" only when
// descending, upper-case AND/OR/NOT and parentheses only where precedence
// needs them in $search, lower-case true/false/max/json/atom/xml,
// integers without leading zeros) and percent-encoded where the query
// syntax needs it: %, &, #, +, space, controls, non-ASCII bytes, the
// characters RFC 3986 does not allow in a query (" < > [ ] { } \ ^ ` |),
// and ; in $search. For every query Parse returns, Parse(Print(q)) is
// Equal to q.
func Print(q *Query) string {
	var w writer
	w.query(q)
	return w.b.String()
}

// String returns Print(q).
func (q *Query) String() string { return Print(q) }

// String returns the option as it appears in a query: "$select=a,b".
func (s *SelectOption) String() string { return optionString(&Options{Select: s}) }

// String returns the option as it appears in a query.
func (e *ExpandOption) String() string { return optionString(&Options{Expand: e}) }

// String returns the option as it appears in a query.
func (o *OrderByOption) String() string { return optionString(&Options{OrderBy: o}) }

// String returns the option as it appears in a query.
func (s *SearchOption) String() string { return optionString(&Options{Search: s}) }

// String returns the option as it appears in a query.
func (f *FilterOption) String() string { return optionString(&Options{Filter: f}) }

// String returns the option as it appears in a query.
func (c *ComputeOption) String() string { return optionString(&Options{Compute: c}) }

func optionString(o *Options) string {
	var w writer
	w.options(o, "&")
	return w.b.String()
}

// PrintSearch writes a $search expression in canonical form, decoded (not
// percent-encoded).
func PrintSearch(e SearchExpr) string {
	var w writer
	w.raw = true
	w.searchExpr(e, 0, true)
	return w.b.String()
}

type writer struct {
	b   strings.Builder
	raw bool // no percent-encoding (PrintSearch)
}

const hexDigits = "0123456789ABCDEF"

// lit writes s percent-encoded for a query value; semi also encodes ";".
func (w *writer) enc(s string, semi bool) {
	if w.raw {
		w.b.WriteString(s)
		return
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if needsEscape(c) || semi && c == ';' {
			w.b.WriteByte('%')
			w.b.WriteByte(hexDigits[c>>4])
			w.b.WriteByte(hexDigits[c&15])
			continue
		}
		w.b.WriteByte(c)
	}
}

func (w *writer) lit(s string) { w.enc(s, false) }

func needsEscape(c byte) bool {
	if c <= ' ' || c >= 0x7f {
		return true
	}
	switch c {
	case '%', '&', '#', '+', '"', '<', '>', '[', ']', '{', '}', '\\', '^', '`', '|':
		return true
	}
	return false
}

// query writes the whole query: the path as it is, then "?" and the
// options, built first in a separate writer, in Print's order. The "?" is
// also written with no options when the path starts with neither "/" nor
// a scheme, since Parse reads such a path only before a "?". Custom option
// names are percent-encoded more strictly than values, so that "=" and
// "&" in a name survive.
func (w *writer) query(q *Query) {
	var o writer
	o.optionsOnly(&q.Options, "&", 0)
	sep := func() {
		if o.b.Len() > 0 {
			o.b.WriteByte('&')
		}
	}
	text := func(name string, t *Text) {
		if t != nil {
			sep()
			o.b.WriteString(name)
			o.b.WriteByte('=')
			o.lit(t.Value)
		}
	}
	if q.Index != nil {
		sep()
		o.b.WriteString("$index=")
		o.b.WriteString(strconv.FormatInt(q.Index.Value, 10))
	}
	text("$format", q.Format)
	text("$skiptoken", q.SkipToken)
	text("$deltatoken", q.DeltaToken)
	text("$schemaversion", q.SchemaVersion)
	text("$id", q.ID)
	text("$apply", q.Apply)
	for _, a := range q.Aliases {
		sep()
		o.alias(a)
	}
	for _, c := range q.Custom {
		sep()
		o.customName(c.Name)
		if !c.NoValue {
			o.b.WriteByte('=')
			o.lit(c.Value)
		}
	}
	if q.Path != "" {
		w.b.WriteString(q.Path)
		// A path that does not start with "/" or a scheme is a path only
		// before a "?".
		if o.b.Len() > 0 || !strings.HasPrefix(q.Path, "/") && !hasScheme(q.Path) {
			w.b.WriteByte('?')
		}
	}
	w.b.WriteString(o.b.String())
}

func (w *writer) customName(s string) {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !isUnreserved(c) && !strings.ContainsRune("!'()*,;:@$", rune(c)) {
			w.b.WriteByte('%')
			w.b.WriteByte(hexDigits[c>>4])
			w.b.WriteByte(hexDigits[c&15])
			continue
		}
		w.b.WriteByte(c)
	}
}

// options writes o's options separated by sep, aliases included.
func (w *writer) options(o *Options, sep string) {
	start := w.b.Len()
	w.optionsOnly(o, sep, start)
	for _, a := range o.Aliases {
		if w.b.Len() > start {
			w.b.WriteString(sep)
		}
		w.alias(a)
	}
}

// optionsOnly writes the system query options of o (not the aliases);
// sep goes before each one written after offset start of the output.
func (w *writer) optionsOnly(o *Options, sep string, start int) {
	next := func(name string) {
		if w.b.Len() > start {
			w.b.WriteString(sep)
		}
		w.b.WriteString(name)
		w.b.WriteByte('=')
	}
	if o.Select != nil {
		next("$select")
		w.items(o.Select.Items)
	}
	if o.Expand != nil {
		next("$expand")
		w.items(o.Expand.Items)
	}
	if o.Filter != nil {
		next("$filter")
		w.lit(filter.Print(o.Filter.Expr))
	}
	if o.Search != nil {
		next("$search")
		w.search(o.Search.Expr)
	}
	if o.OrderBy != nil {
		next("$orderby")
		for i, it := range o.OrderBy.Items {
			if i > 0 {
				w.b.WriteByte(',')
			}
			w.lit(filter.Print(it.Expr))
			if it.Desc {
				w.lit(" desc")
			}
		}
	}
	if o.Top != nil {
		next("$top")
		w.b.WriteString(strconv.FormatInt(o.Top.Value, 10))
	}
	if o.Skip != nil {
		next("$skip")
		w.b.WriteString(strconv.FormatInt(o.Skip.Value, 10))
	}
	if o.Count != nil {
		next("$count")
		w.b.WriteString(strconv.FormatBool(o.Count.Value))
	}
	if o.Levels != nil {
		next("$levels")
		if o.Levels.Max {
			w.b.WriteString("max")
		} else {
			w.b.WriteString(strconv.FormatInt(o.Levels.Value, 10))
		}
	}
	if o.Compute != nil {
		next("$compute")
		for i, it := range o.Compute.Items {
			if i > 0 {
				w.b.WriteByte(',')
			}
			w.lit(filter.Print(it.Expr))
			w.lit(" as ")
			w.lit(it.As)
		}
	}
}

func (w *writer) alias(a *Alias) {
	w.b.WriteByte('@')
	w.lit(a.Name)
	w.b.WriteByte('=')
	w.value(a.Value)
}

func (w *writer) value(v Value) {
	switch v := v.(type) {
	case *ExprValue:
		w.lit(filter.Print(v.Expr))
	case *JSONString:
		w.jsonString(v.Value)
	case *JSONArray:
		w.lit("[")
		for i, it := range v.Items {
			if i > 0 {
				w.b.WriteByte(',')
			}
			w.value(it)
		}
		w.lit("]")
	case *JSONObject:
		w.lit("{")
		for i, m := range v.Members {
			if i > 0 {
				w.b.WriteByte(',')
			}
			w.jsonString(m.Name)
			w.b.WriteByte(':')
			w.value(m.Value)
		}
		w.lit("}")
	}
}

// jsonString writes s as a JSON string literal (JSON escapes, no HTML
// escaping), percent-encoded for the query like any value, so its quotes
// come out as %22.
func (w *writer) jsonString(s string) {
	var b strings.Builder
	jsontext.WriteString(&b, s)
	w.lit(b.String())
}

func (w *writer) items(items []*Item) {
	for i, it := range items {
		if i > 0 {
			w.b.WriteByte(',')
		}
		w.item(it)
	}
}

// item writes one $select or $expand item: its path segments joined by
// "/" (*, ns.*, @annotation with #qualifier encoded as %23, $ref, $count,
// $value, else the name with any function parameters in parentheses),
// then its nested options, aliases included, in parentheses and separated
// by ";".
func (w *writer) item(it *Item) {
	for i, s := range it.Path {
		if i > 0 {
			w.b.WriteByte('/')
		}
		switch s.Kind {
		case SegStar:
			w.b.WriteByte('*')
		case SegAllOperations:
			w.lit(s.Name)
			w.b.WriteString(".*")
		case SegAnnotation:
			w.b.WriteByte('@')
			w.lit(s.Name)
			if s.Qualifier != "" {
				w.lit("#")
				w.lit(s.Qualifier)
			}
		case SegRef:
			w.b.WriteString("$ref")
		case SegCount:
			w.b.WriteString("$count")
		case SegValue:
			w.b.WriteString("$value")
		default:
			w.lit(s.Name)
			if len(s.Params) > 0 {
				w.b.WriteByte('(')
				for j, p := range s.Params {
					if j > 0 {
						w.b.WriteByte(',')
					}
					w.lit(p)
				}
				w.b.WriteByte(')')
			}
		}
	}
	if it.Options != nil {
		w.b.WriteByte('(')
		w.options(it.Options, ";")
		w.b.WriteByte(')')
	}
}

// Search precedence, lowest first.
const (
	sprecOr = 1 + iota
	sprecAnd
	sprecNot
	sprecPrimary
)

func searchPrec(e SearchExpr) int {
	switch e := e.(type) {
	case *SearchBinary:
		if e.Op == "OR" {
			return sprecOr
		}
		return sprecAnd
	case *SearchNot:
		return sprecNot
	}
	return sprecPrimary
}

func (w *writer) search(e SearchExpr) { w.searchExpr(e, 0, true) }

// searchExpr writes e, in parentheses when its precedence is below min.
// whole is set when e is the whole expression.
func (w *writer) searchExpr(e SearchExpr, min int, whole bool) {
	if searchPrec(e) < min {
		w.b.WriteByte('(')
		w.searchExpr(e, 0, false)
		w.b.WriteByte(')')
		return
	}
	switch e := e.(type) {
	case *SearchWord:
		if !whole && (e.Text == "AND" || e.Text == "OR" || e.Text == "NOT") {
			// A word spelled like an operator: parentheses keep it a word.
			w.b.WriteByte('(')
			w.b.WriteString(e.Text)
			w.b.WriteByte(')')
			return
		}
		w.enc(e.Text, true)
	case *SearchPhrase:
		w.enc(`"`, true)
		w.enc(strings.NewReplacer(`\`, `\\`, `"`, `\"`).Replace(e.Text), true)
		w.enc(`"`, true)
	case *SearchNot:
		w.enc("NOT ", true)
		w.searchExpr(e.X, sprecNot, false)
	case *SearchBinary:
		p := searchPrec(e)
		w.searchExpr(e.L, p, false)
		w.enc(" "+e.Op+" ", true)
		w.searchExpr(e.R, p+1, false)
	case *SearchIncomplete:
		w.enc("'"+strings.ReplaceAll(e.Text, "'", "''")+"'", true)
	}
}
