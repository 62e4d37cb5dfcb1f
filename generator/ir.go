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
	// Derived lists the Go names of the generated types that derive from
	// this one, directly or not, sorted.
	Derived []string
	// Poly is set when a generated property has this type and Derived is
	// not empty: the property's field holds Poly's interface.
	Poly   *irPoly
	Doc    []string // comment lines, "" for a blank comment line
	Fields []*irField
	Type   *spec.StructuredType // the spec type, for later stages
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
	// Poly is set when the field holds Poly's interface (or a slice of
	// it): edm decodes the member by the table of polymorphic.go.
	Poly *irPoly
}

// irPoly is a type with derived types that some field holds: the sealed
// interface its struct and its derived structs implement, and the function
// that decodes a JSON object into the struct its @odata.type names.
type irPoly struct {
	QualifiedName string
	Base          string // the base type's Go name
	Iface         string // e.g. "DirectoryObjectKind"
	Marker        string // the unexported marker method, e.g. "isDirectoryObject"
	Unmarshal     string // e.g. "UnmarshalDirectoryObject"
	// Cases are the derived types by qualified name, sorted.
	Cases []irPolyCase
}

// irPolyCase is one derived type of an irPoly.
type irPolyCase struct {
	QualifiedName string
	GoName        string
}

// irPolyFile is the declaration group of polymorphic.go: the interfaces,
// their marker methods and their decode functions.
type irPolyFile struct {
	Polys []*irPoly // sorted by Iface
	// Table is the unexported name of the table of Polys that edm decodes
	// polymorphic fields by.
	Table string
}

// irHelpers names the unexported helpers of odata.go, which generated
// methods call. A name is "" when nothing needs the helper.
type irHelpers struct {
	EnumMember string // the type of an enum table entry
	EnumValue  string // looks a member up in an enum table
	FlagsValue string // ORs the values of a flags enum's members
	// IsKnown and EnumValueFunc are the exported generic functions over
	// every enum of the package (IsKnown, EnumValue), which Enums lists.
	IsKnown, EnumValueFunc string
	Enums                  []*irEnum
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
	// Table is the unexported name of the static table of members and
	// values that Value looks members up in.
	Table string
	Type  *spec.EnumType
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
func (*irPolyFile) declName() string { return "" }
func (*irHelpers) declName() string  { return "" }
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
