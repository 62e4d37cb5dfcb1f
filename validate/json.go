package validate

import (
	"fmt"

	"github.com/odatagen/odatagen/validate/internal/jsonvalue"
)

// DefaultMaxSize is the default payload size limit of a Plan (see
// Plan.MaxSize) and of a schemaset.Set: 4 MiB, well above Microsoft
// Graph's request body limit, so that only runaway input is refused.
const DefaultMaxSize = 4 << 20

// JSONError reports a payload that is not acceptable JSON: it does not
// parse, it repeats a member name in an object, or it is over the size
// limit. It is returned instead of an *Error, because without a JSON value
// there is nothing to validate.
type JSONError struct {
	// Offset is the byte offset in the payload where the problem is: the
	// offending byte, the start of the repeated member name, or the size
	// limit.
	Offset int64
	// Pointer is the JSON pointer of the repeated member, for duplicate
	// keys; "" otherwise.
	Pointer string
	// Msg says what is wrong, without the offset.
	Msg string
}

func (e *JSONError) Error() string {
	if e.Pointer != "" {
		return fmt.Sprintf("invalid JSON at offset %d (%s): %s", e.Offset, e.Pointer, e.Msg)
	}
	return fmt.Sprintf("invalid JSON at offset %d: %s", e.Offset, e.Msg)
}

// syntaxError locates the first syntax error of data, which the scanner
// rejected (see jsonvalue.SyntaxError).
func syntaxError(data []byte) *JSONError { return (*JSONError)(jsonvalue.SyntaxError(data)) }
