package filter

import "strings"

// Print writes e in canonical form: single spaces around binary
// operators, lower-case operators and function names, ", " between
// arguments, "any(x: ...)", canonical literal spelling (see Literal), and
// parentheses only where precedence needs them. For every tree that Parse
// returns, Parse(Print(e)) is Equal to e.
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
		if i > 0 {
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
		case SegAny, SegAll:
			b.WriteString(s.Kind.String())
			b.WriteByte('(')
			if s.Pred != nil {
				b.WriteString(s.Var)
				b.WriteString(": ")
				printExpr(b, s.Pred)
			}
			b.WriteByte(')')
		default:
			b.WriteString(s.Name)
		}
	}
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
