package filter

import (
	"strings"
	"unicode/utf8"

	"github.com/odatagen/odatagen/validate/internal/jsontext"
)

// Print writes e in canonical form: single spaces around binary
// operators, lower-case operators and canonical function names, ", "
// between arguments, function parameters and JSON values, "any(x: ...)",
// canonical literal spelling (see Literal), JSON strings for the strings
// inside JSON arrays and objects, key predicates without spaces ("(1)",
// "(a=1,b=2)"), "$count($filter=...;$search=...)", and parentheses only
// where precedence needs them. For every tree that Parse returns,
// Parse(Print(e)) is Equal to e.
func Print(e Expr) string {
	var b strings.Builder
	printExpr(&b, e)
	return b.String()
}

func prec(e Expr) int {
	switch n := e.(type) {
	case *Binary:
		return binaryOps[n.Op]
	case *Unary:
		return precUnary
	}
	return precPrimary
}

// printSub prints e, in parentheses when its precedence is below min.
func printSub(b *strings.Builder, e Expr, min int) {
	if prec(e) < min {
		b.WriteByte('(')
		printExpr(b, e)
		b.WriteByte(')')
		return
	}
	printExpr(b, e)
}

// printExpr writes e in Print's canonical form. Operands of binary
// operators are parenthesized when their precedence is lower (on the right
// also when equal, as the operators are left-associative), the operand of
// a unary operator when it is a binary one, and a literal after "-" always
// ("-(5)": -5 would be a literal). The list after in is written as is; JSON
// strings in arrays and objects are JSON strings. A nil Expr is written
// "<nil>" and a node type it does not know as nothing.
func printExpr(b *strings.Builder, e Expr) {
	switch n := e.(type) {
	case nil:
		b.WriteString("<nil>")
	case *Literal:
		printLiteral(b, n)
	case *Path:
		printPath(b, n)
	case *Alias:
		b.WriteByte('@')
		b.WriteString(n.Name)
	case *Unary:
		if n.Op == "not" {
			b.WriteString("not ")
		} else {
			b.WriteString(n.Op)
		}
		if _, lit := n.X.(*Literal); lit && n.Op == "-" {
			// -(5) is the negation of 5; -5 is a literal.
			b.WriteByte('(')
			printExpr(b, n.X)
			b.WriteByte(')')
			return
		}
		printSub(b, n.X, precUnary)
	case *Binary:
		p := binaryOps[n.Op]
		printSub(b, n.L, p)
		b.WriteByte(' ')
		b.WriteString(n.Op)
		b.WriteByte(' ')
		if l, ok := n.R.(*List); ok && n.Op == "in" {
			printList(b, l.Items)
			return
		}
		printSub(b, n.R, p+1)
	case *List:
		printList(b, n.Items)
	case *Call:
		b.WriteString(n.Name)
		printList(b, n.Args)
	case *TypeName:
		b.WriteString(n.Name)
	case *Array:
		b.WriteByte('[')
		for i, x := range n.Items {
			if i > 0 {
				b.WriteString(", ")
			}
			printJSONValue(b, x)
		}
		b.WriteByte(']')
	case *Object:
		b.WriteByte('{')
		for i, m := range n.Members {
			if i > 0 {
				b.WriteString(", ")
			}
			jsontext.WriteString(b, m.Name)
			b.WriteString(": ")
			printJSONValue(b, m.Value)
		}
		b.WriteByte('}')
	case *Case:
		b.WriteString("case(")
		for i, br := range n.Branches {
			if i > 0 {
				b.WriteString(", ")
			}
			printExpr(b, br.Cond)
			b.WriteString(": ")
			printExpr(b, br.Value)
		}
		b.WriteByte(')')
	}
}

func printList(b *strings.Builder, items []Expr) {
	b.WriteByte('(')
	for i, x := range items {
		if i > 0 {
			b.WriteString(", ")
		}
		printExpr(b, x)
	}
	b.WriteByte(')')
}

// printPath writes a path, its segments joined by '/' except key
// predicates, which follow their segment directly. A path that is a single
// property or variable named like an operator is parenthesized so that it
// reads back as an operand. $count options are joined by ';' ($search text
// as written), any/all print "(v: pred)" or "()", and the parameters of an
// unqualified function are written without spaces, as keys are, since
// they read as a compound key.
func printPath(b *strings.Builder, p *Path) {
	// A lone property or variable named like an operator ("eq", "not")
	// would read as the operator; parentheses keep it an operand.
	if len(p.Segments) == 1 && keyword(p.Segments[0].Name) != "" &&
		(p.Segments[0].Kind == SegProperty || p.Segments[0].Kind == SegVar) {
		b.WriteByte('(')
		b.WriteString(p.Segments[0].Name)
		b.WriteByte(')')
		return
	}
	for i, s := range p.Segments {
		if i > 0 && s.Kind != SegKey {
			b.WriteByte('/')
		}
		switch s.Kind {
		case SegIt:
			b.WriteString("$it")
		case SegThis:
			b.WriteString("$this")
		case SegRoot:
			b.WriteString("$root")
		case SegCount:
			b.WriteString("$count")
			if len(s.Options) > 0 {
				b.WriteByte('(')
				for j, o := range s.Options {
					if j > 0 {
						b.WriteByte(';')
					}
					b.WriteString(o.Name)
					b.WriteByte('=')
					if o.Name == "$search" {
						b.WriteString(o.Search)
					} else {
						printExpr(b, o.Filter)
					}
				}
				b.WriteByte(')')
			}
		case SegAny, SegAll:
			b.WriteString(s.Kind.String())
			b.WriteByte('(')
			if s.Pred != nil {
				b.WriteString(s.Var)
				b.WriteString(": ")
				printExpr(b, s.Pred)
			}
			b.WriteByte(')')
		case SegFilter:
			b.WriteString("$filter(")
			printExpr(b, s.Pred)
			b.WriteByte(')')
		case SegFunction:
			b.WriteString(s.Name)
			if strings.Contains(s.Name, ".") {
				printParams(b, s.Params, ", ")
			} else {
				// Parameters of an unqualified function read as a
				// compound key until a key follows; keys take no spaces.
				printParams(b, s.Params, ",")
			}
		case SegKey:
			printParams(b, s.Params, ",")
		case SegKeyAsSegment:
			for _, k := range s.Params {
				printExpr(b, k.Value)
			}
		case SegAnnotation, SegAlias:
			b.WriteByte('@')
			b.WriteString(s.Name)
		default:
			b.WriteString(s.Name)
		}
	}
}

// printParams writes (name=value, ...), or (value) for a simple key.
func printParams(b *strings.Builder, params []Param, sep string) {
	b.WriteByte('(')
	for i, p := range params {
		if i > 0 {
			b.WriteString(sep)
		}
		if p.Name != "" {
			b.WriteString(p.Name)
			b.WriteByte('=')
		}
		printExpr(b, p.Value)
	}
	b.WriteByte(')')
}

// printJSONValue writes a value of a JSON array or object: a string as a
// JSON string, anything else as an operand. A string that is not UTF-8
// keeps the single-quoted form, which JSON cannot hold.
func printJSONValue(b *strings.Builder, e Expr) {
	if l, ok := e.(*Literal); ok && l.Kind == LitString && utf8.ValidString(l.Value) {
		jsontext.WriteString(b, l.Value)
		return
	}
	printExpr(b, e)
}

func printLiteral(b *strings.Builder, l *Literal) {
	quote := func(prefix, v string) {
		b.WriteString(prefix)
		b.WriteByte('\'')
		b.WriteString(strings.ReplaceAll(v, "'", "''"))
		b.WriteByte('\'')
	}
	switch l.Kind {
	case LitString:
		quote("", l.Value)
	case LitDuration:
		quote("duration", l.Value)
	case LitBinary:
		quote("binary", l.Value)
	case LitGeography:
		quote("geography", l.Value)
	case LitGeometry:
		quote("geometry", l.Value)
	case LitEnum:
		quote(l.Type, l.Value)
	case LitNull:
		b.WriteString("null")
	default:
		b.WriteString(l.Value)
	}
}
