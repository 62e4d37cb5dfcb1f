package filter

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// Error is a syntax or check error in a $filter expression.
type Error struct {
	// Expr is the expression; "" when the error came from Model.Check on
	// a tree whose source the checker was not given.
	Expr string
	// Offset is the byte offset in Expr that the error points at;
	// len(Expr) means the end of the input.
	Offset int
	// Msg says what is wrong, without position.
	Msg string
}

// Error renders the expression, a caret line under the offending byte and
// the message:
//
//	enableConnection ne true
//	                 ^ operator ne is not supported on enableConnection (supported: eq)
//
// The caret is placed by runes (tabs are kept so that it lines up). Without
// an Expr it renders "offset N: msg".
func (e *Error) Error() string {
	if e.Expr == "" {
		return fmt.Sprintf("offset %d: %s", e.Offset, e.Msg)
	}
	off := min(max(e.Offset, 0), len(e.Expr))
	var b strings.Builder
	b.Grow(len(e.Expr)*2 + len(e.Msg) + 4)
	b.WriteString(e.Expr)
	b.WriteByte('\n')
	for i := 0; i < off; {
		r, n := utf8.DecodeRuneInString(e.Expr[i:])
		if r == '\t' {
			b.WriteByte('\t')
		} else {
			b.WriteByte(' ')
		}
		i += n
	}
	b.WriteString("^ ")
	b.WriteString(e.Msg)
	return b.String()
}

func errAt(off int, format string, args ...any) *Error {
	return &Error{Offset: off, Msg: fmt.Sprintf(format, args...)}
}
