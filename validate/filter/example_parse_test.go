package filter_test

import (
	"fmt"

	"github.com/odatagen/odatagen/validate/filter"
)

// Parse checks syntax only, with no model: it returns the tree or an error
// that points at the offending byte.
func ExampleParse() {
	e, err := filter.Parse("startswith(displayName,'Ad') and accountEnabled eq true")
	if err != nil {
		fmt.Println(err)
		return
	}
	filter.Inspect(e, func(n filter.Expr) bool {
		switch n := n.(type) {
		case *filter.Binary:
			fmt.Println("operator", n.Op, "at", n.Offset())
		case *filter.Call:
			fmt.Println("function", n.Name)
		case *filter.Path:
			fmt.Println("property", n.Segments[0].Name)
		case *filter.Literal:
			fmt.Println(n.Kind, "literal", n.Value)
		}
		return true
	})

	_, err = filter.Parse("accountEnabled eq")
	fmt.Println(err)
	// Output:
	// operator and at 29
	// function startswith
	// property displayName
	// String literal Ad
	// operator eq at 48
	// property accountEnabled
	// Boolean literal true
	// accountEnabled eq
	//                  ^ expected an operand, found end of input
}
