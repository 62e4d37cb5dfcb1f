package validate

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/odatagen/odatagen/validate/internal/report"
)

// Error reports a payload that is JSON but breaks its schema. It lists every
// problem found, not only the first. Use errors.As to get at it:
//
//	var verr *validate.Error
//	if errors.As(err, &verr) {
//		for _, p := range verr.Problems { ... }
//	}
type Error struct {
	// Type is the qualified name of the type the payload was checked
	// against.
	Type string
	// Mode is the mode it was checked in.
	Mode Mode
	// Collection is set when the payload was a collection response.
	Collection bool
	// Problems are the leaf problems, de-duplicated and ordered by
	// pointer (array indexes in numeric order), then by message.
	Problems []Problem
}

func (e *Error) Error() string {
	var sb strings.Builder
	what := e.Type
	if e.Collection {
		what = "collection of " + what
	}
	fmt.Fprintf(&sb, "invalid %s %s payload", e.Mode, what)
	if len(e.Problems) == 1 {
		sb.WriteString(": ")
		sb.WriteString(e.Problems[0].String())
		return sb.String()
	}
	fmt.Fprintf(&sb, " (%d problems):", len(e.Problems))
	for _, p := range e.Problems {
		sb.WriteString("\n\t")
		sb.WriteString(p.String())
	}
	return sb.String()
}

// Has reports whether some problem is at pointer.
func (e *Error) Has(pointer string) bool {
	for _, p := range e.Problems {
		if p.Pointer == pointer {
			return true
		}
	}
	return false
}

// ProblemKind classifies a Problem.
type ProblemKind int

const (
	// Other is a problem of no more specific kind (e.g. a too short array).
	Other ProblemKind = iota
	// WrongType is a value of the wrong JSON type: a string for a Boolean.
	WrongType
	// NotMember is a string that names no member of the enum type.
	NotMember
	// BadFormat is a string that is not a valid value of its Edm type: a
	// date-time that is not RFC 3339.
	BadFormat
	// OutOfRange is a number outside its Edm type's range, or a string
	// longer than its MaxLength.
	OutOfRange
	// ReadOnly is a read-only property in a create or update body.
	ReadOnly
	// Immutable is a property that cannot change in an update body.
	Immutable
	// NotInBody is a property that the operation's request body does not
	// list.
	NotInBody
	// Missing is a required property that is absent.
	Missing
	// Unknown is a property that the type does not declare (and the type is
	// not open).
	Unknown
	// WrongODataType is an @odata.type naming neither the type nor a type
	// derived from it.
	WrongODataType
)

var kindNames = [...]string{
	Other: "other", WrongType: "wrong type", NotMember: "not a member", BadFormat: "bad format",
	OutOfRange: "out of range", ReadOnly: "read-only", Immutable: "immutable",
	NotInBody: "not in body", Missing: "missing", Unknown: "unknown property",
	WrongODataType: "wrong @odata.type",
}

func (k ProblemKind) String() string {
	if k >= 0 && int(k) < len(kindNames) {
		return kindNames[k]
	}
	return "ProblemKind(" + strconv.Itoa(int(k)) + ")"
}

// Problem is one thing wrong with a payload.
type Problem struct {
	// Pointer is the RFC 6901 JSON pointer of the offending value ("" is
	// the whole payload). For a missing property it is the object that
	// lacks it.
	Pointer string
	Kind    ProblemKind
	// Expected is what the schema wants, in words: "Edm.Boolean",
	// "property partnerId", "absent (read-only)".
	Expected string
	// Found is what the payload has, in words: `string "true"`, `"sleeping"`;
	// "" when the value is absent.
	Found string
	// Message is the whole problem in plain words, without the pointer.
	Message string
}

// String formats p as "pointer: message", e.g.
// `/enableConnection: expected Edm.Boolean, found string "true"`.
func (p Problem) String() string { return p.Pointer + ": " + p.Message }

// sortProblems orders and de-duplicates problems as Error.Problems are.
func sortProblems(ps []Problem) []Problem {
	return report.Sort(ps, func(p Problem) report.Key {
		return report.Key{Pointer: p.Pointer, Kind: int(p.Kind), Message: p.Message}
	})
}
