package generator

import (
	"strings"

	"github.com/odatagen/odatagen/spec"
)

// The intermediate form.
//
// Generation has two stages. build (build.go) turns a spec into an irPackage:
// every Go name is chosen and every collision settled, every field's Go type
// and struct tag is decided, every doc comment is written and wrapped, and
// every declaration is assigned to a file in output order. emit (emit.go)
// walks the irPackage with jennifer and decides nothing.
//
// Later stages (validate functions, $filter capability tables, a typed
// filter builder) add their own declarations to irFile.Decls (any type that
// implements irDecl) or their own files, and reserve the method names they
// add to structs in structMethodNames before fields are named.

// irPackage is one generated Go package.
type irPackage struct {
	Name   string    // package clause
	Source string    // text of the "// source:" line
	Files  []*irFile // in output order, names unique
}

// irFile is one generated .go file.
type irFile struct {
	Name  string
	Decls []irDecl // in output order
}

// irDecl is a top-level declaration group of a generated file.
type irDecl interface{ declName() string }

// irStruct is an entity or complex type.
type irStruct struct {
	Name          string // Go name
	QualifiedName string // OData name
	Kind          spec.TypeKind
	Abstract      bool
	Open          bool
	// Derived lists the Go names of the spec's types that derive from this
	// one, directly or not, sorted. Polymorphic decoding (choosing the
	// derived type by @odata.type, needed for abstract types) will use it;
	// today a payload of a derived type decodes into the base struct and
	// the derived members land in Extra.
	Derived []string
	Doc     []string // comment lines, "" for a blank comment line
	Fields  []*irField
	Type    *spec.StructuredType // the spec type, for later stages
}

// irField is one struct field.
type irField struct {
	Name     string // Go name
	JSONName string // OData property name
	Type     *irType
	Tag      string // the json tag value, e.g. "partnerId,omitempty"
	Doc      []string
	// DeclaredBy is the qualified name of the type in the base chain whose
	// property this field is (the base's place, the most derived
	// declaration's facts).
	DeclaredBy string
	Navigation bool
	Prop       *spec.Property
}

// irEnum is an enumeration type: a string type holding the JSON form.
type irEnum struct {
	Name          string
	QualifiedName string
	Flags         bool
	Doc           []string
	Consts        []*irConst
	// NewFunc is the name of the flags constructor (flags enums only).
	NewFunc string
	Type    *spec.EnumType
}

// irConst is one enum member constant.
type irConst struct {
	Name   string // Go name, e.g. "CloudPcExternalPartnerStatusHealthy"
	Member string // OData member name, the JSON value
	Value  int64  // declared numeric value
	Doc    []string
}

// irAlias is a type definition: a Go alias of its underlying type.
type irAlias struct {
	Name          string
	QualifiedName string
	Doc           []string
	Type          *irType
}

func (s *irStruct) declName() string { return s.Name }
func (e *irEnum) declName() string   { return e.Name }
func (a *irAlias) declName() string  { return a.Name }

// irTypeKind is the shape of an irType.
type irTypeKind int

const (
	irIdent    irTypeKind = iota // Pkg.Name, or a local or builtin Name
	irPointer                    // *Elem
	irSlice                      // []Elem
	irNullable                   // edm.Nullable[Elem]
)

// irType is a Go type expression.
type irType struct {
	Kind irTypeKind
	Pkg  string // import path of an irIdent, "" when local or builtin
	Name string
	Elem *irType
}

func identType(pkg, name string) *irType { return &irType{Kind: irIdent, Pkg: pkg, Name: name} }

// String formats t as Go source would, with the package's last path
// element as qualifier.
func (t *irType) String() string {
	switch t.Kind {
	case irPointer:
		return "*" + t.Elem.String()
	case irSlice:
		return "[]" + t.Elem.String()
	case irNullable:
		return "edm.Nullable[" + t.Elem.String() + "]"
	}
	if t.Pkg == "" {
		return t.Name
	}
	return t.Pkg[strings.LastIndexByte(t.Pkg, '/')+1:] + "." + t.Name
}

// structMethodNames are the methods every generated struct has, plus the
// Extra field: no property field may take these names. A property whose Go
// name is one of them gets a "_" suffix ("extra" -> "Extra_").
var structMethodNames = []string{"Extra", "MarshalJSON", "UnmarshalJSON"}
