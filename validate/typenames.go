package validate

import (
	"fmt"
	"reflect"
	"slices"
	"strings"
)

// TypeName pairs the Go name of a struct or polymorphic interface of a
// generated package with the qualified name of its OData type.
type TypeName struct {
	Go, OData string
}

// TypeNames maps the Go types of one generated package to their OData
// types, for the package's generic entry points (Validate[T],
// CheckFilter[T], ODataType[T]). Generated code builds it once from a
// literal list; the lookup lives here so that it is written once, not in
// every generated package.
type TypeNames struct {
	pkgPath string
	names   []TypeName // sorted by Go name
}

// NewTypeNames returns the map of the package with import path pkgPath;
// names must be sorted by Go name, as generated code writes them.
func NewTypeNames(pkgPath string, names []TypeName) *TypeNames {
	return &TypeNames{pkgPath: pkgPath, names: names}
}

// Name returns the OData type of t, or "" when t is not a type of the
// package.
func (tn *TypeNames) Name(t reflect.Type) string {
	if t.PkgPath() != tn.pkgPath {
		return ""
	}
	i, ok := slices.BinarySearchFunc(tn.names, t.Name(), func(e TypeName, name string) int {
		return strings.Compare(e.Go, name)
	})
	if !ok {
		return ""
	}
	return tn.names[i].OData
}

// Lookup is Name with an error, naming t, when t is not a type of the
// package.
func (tn *TypeNames) Lookup(t reflect.Type) (string, error) {
	if name := tn.Name(t); name != "" {
		return name, nil
	}
	return "", fmt.Errorf("%v is not an OData type of this package", t)
}
