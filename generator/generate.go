// Package generator turns a spec into Go source files and JSON Schema
// documents. It does no file I/O except WriteDir, which writes a generated
// file set into a directory atomically.
//
// # Go types
//
// Generate makes one Go package from a spec:
//
//   - Every entity and complex type is a struct. The base chain is
//     FLATTENED: a struct holds its base types' properties (base first) and
//     then its own, instead of embedding the base struct. Composite literals
//     stay plain (CloudPcExternalPartner{ID: ..., EnableConnection: ...}
//     rather than nested Entity{...} values), and embedding would promote
//     the base's MarshalJSON/UnmarshalJSON into the derived type, which
//     would then encode as its base and drop its own fields. A property the
//     derived type redeclares (docs pages repeat inherited ones) appears
//     once, at the base's place, with the derived declaration's facts. A
//     base type no input defines contributes nothing: the struct holds the
//     properties its own type lists, and a Note says so.
//   - Fields: a collection is []T with omitzero (nil = absent, []T{} =
//     []). A nullable single value is edm.Nullable with omitzero (zero =
//     absent, edm.Null[T]() = null, edm.Value(v) = v): edm.Nullable[T] for
//     a primitive or enum value, edm.Nullable[*T] for a complex value. A
//     non-nullable primitive, enum or complex value, and an entity
//     (navigation) value, is *T with omitempty (nil = absent). So the zero
//     struct encodes as {}, a PATCH with one field set encodes as exactly
//     that field, and a PATCH can clear a nullable property. Values that
//     are raw JSON (Edm.Stream, Edm.Untyped, geography and geometry,
//     unresolved types) are json.RawMessage with omitempty and carry their
//     own null; a polymorphic value is an interface (nil = absent).
//   - Options.Compact, for whole services, holds nullable enum and complex
//     values as plain pointers (a JSON null decodes as nil and cannot be
//     sent): every instantiation of the generic edm.Nullable over a
//     distinct enum or struct type compiles its methods again, and with a
//     thousand of them the Microsoft Graph package needed twice the memory
//     to compile. edm.Nullable[*T] shares one compiled copy across all T
//     (pointers have one shape), and a pointer never makes a struct
//     contain itself.
//   - Every struct has Extra map[string]json.RawMessage for the JSON members
//     it has no field for (annotations, unknown members, dynamic properties
//     of open types), tagged `json:"-" odata:"extra"` (edm.ExtraTag), and
//     the same two one-line methods, MarshalJSON through edm.MarshalStruct
//     and UnmarshalJSON through edm.UnmarshalStruct, both with pointer
//     receivers (a value receiver is a second function to compile, the
//     pointer wrapper, and copies the struct). So json.Marshal(&x) keeps
//     Extra, as does marshalling any addressable struct (a field of a
//     struct reached by a pointer, a slice element: generated structs hold
//     structs only through pointers and slices), while json.Marshal(x) of a
//     struct value writes its fields alone (Nullable fields still right).
//     Navigation properties are fields too (they appear in payloads with
//     $expand).
//   - Abstract types are structs like the others.
//   - Enums are string types holding the JSON form; unknown members decode
//     and encode unchanged. Constants are <Enum><Member>; members after
//     unknownFutureValue are constants like the others. An enum has no
//     methods: the package's generic EnumValue reports the declared number,
//     and ok = false for a value the package does not know, and IsKnown
//     says whether it knows it. Flags enums hold the comma-separated form
//     and add Members, Has and New<Enum>; EnumValue ORs their members'
//     values. Both look the member up in the type's static table (a
//     package-level slice literal, which is data: no code, no init),
//     found by reflect type in a table of all the package's enums. There
//     is no String, MarshalText or UnmarshalText: a string type prints,
//     encodes and decodes as its text without them, and each method of an
//     enum is two functions to compile (with its pointer wrapper), a
//     thousand for a whole service.
//   - Edm types map to Go by the table in edm.go. One exception:
//     Collection(Edm.Byte) is []uint16, as encoding/json writes a []uint8
//     as one base64 string.
//   - Type definitions are Go aliases of their underlying Go type.
//
// # Polymorphism
//
// A type with derived types that some generated property has as its type
// (directoryObject, which user.memberOf holds) is polymorphic. It gets:
//
//   - a sealed interface, <Type>Kind (DirectoryObjectKind), whose one
//     method is an unexported marker (isDirectoryObject) that
//     *DirectoryObject and the pointer to every struct derived from it
//     have. Only those implement it, so putting a *Message into a
//     []DirectoryObjectKind does not compile. (With json.Marshaler and
//     json.Unmarshaler in the interface, every itab would carry them: 7%
//     more memory to compile Graph for no use, as the values marshal
//     themselves anyway.)
//   - an entry in the package's table of polymorphic types
//     (odataPolymorphic in polymorphic.go, registered with
//     edm.RegisterPolymorphic by the package's one init function): the
//     interface, the base struct and the derived structs by qualified
//     name, sorted, as typed nil pointers and strings in a composite
//     literal. That is static data, laid out by the compiler without code,
//     where a function per type (a switch over the derived types) or a
//     generic instantiation per type would each be compiled. edm reads
//     @odata.type ("#microsoft.graph.group" or "microsoft.graph.group")
//     and decodes the object into that struct (*Group). An absent
//     @odata.type, or one that names no type derived from the declared
//     type in this package (a newer type, a misspelling), gives the
//     declared type's struct, abstract or not, with the members it has no
//     field for in Extra: decoding keeps the data and never fails on the
//     annotation; validation reports a wrong @odata.type. JSON null gives
//     nil.
//   - a decode function, Unmarshal<Type> (UnmarshalDirectoryObject), one
//     line calling edm.UnmarshalPolymorphic with the table, for a response
//     whose body is polymorphic (GET /directoryObjects/{id}).
//
// A field whose property has a polymorphic type holds the interface: a
// single value is <Type>Kind (nil = absent or null), a collection is
// []<Type>Kind. Other fields are not interfaces: a type without derived
// types in the package, or one no field holds, stays a plain struct. The
// UnmarshalJSON of a struct with such fields is the same one line as any
// other's: edm.UnmarshalStruct decodes them by the table, with the member's
// name in an error ("manager: ...", "memberOf: element 1: ..."), in the
// same pass as the other fields; MarshalJSON writes each value's own JSON,
// and the @odata.type a decoded value came with stays in its Extra. A value
// built in Go that must say its type (a derived type in a request body)
// sets Extra["@odata.type"] itself. The interfaces' marker methods are
// one function per (type, polymorphic base) pair; for Microsoft Graph
// v1.0 that is 2,400, most of them entity's.
//
// # Whole services
//
// Generate writes all namespaces of a spec into one Go package, so types
// of different namespaces refer to each other without imports (and import
// cycles). Declarations of the namespace with the most declarations keep
// their plain names; other namespaces' get a prefix from their extra
// segments (microsoft.graph.security.alert -> SecurityAlert, beside
// microsoft.graph.alert -> Alert). A name that is still taken goes to the
// declaration that comes first (primary namespace first, then by qualified
// name) and the other gets a number, with a Note naming both.
//
// The validate and filter entry points are generic over the struct type
// (Validate[T], ValidateCollection[T], CheckFilter[T], ODataType[T]), so
// the package has a handful of functions where one per type would be
// thousands; ODataType finds T's OData name by its Go name in a sorted
// static table (reflect.TypeFor[T]().Name()), not in a type switch over
// every struct. The per-type wrappers (Validate<Type>, Check<Type>Filter)
// and the typed filter builders come on top unless Options.Compact.
//
// Compile cost is the constraint that shaped these choices: what a Go
// compiler pays for is functions (each method of each type, with the
// pointer wrappers it generates for value receivers) and generic
// instantiations, not struct fields or static data. A struct costs its
// MarshalJSON and UnmarshalJSON (one line each, pointer receivers); an
// enum nothing (IsKnown and EnumValue are generic functions over a table);
// a polymorphic base its one-line Unmarshal function and one marker
// method per derived type; a nullable enum or complex type the methods of
// its edm.Nullable instantiation. scripts/buildcost.sh measures a cold
// build of the whole Microsoft Graph v1.0 package (3,800 types) in the
// default mode beside the Graph SDK's models package.
//
// Doc comments (docs.go) hold the description, wrapped at 76 columns, and a
// paragraph of facts: "Read-only.", "Required on create.", "Immutable: ...",
// "Nullable." or "Not nullable.", "Default: x.", "Max length: n.",
// "$filter: eq, ne; eq null, ne null; $count.", and the OData type when the
// Go type does not show it (Edm.Guid is a string).
//
// Notes are made once each: a problem with a base type's property is
// reported for the declaring type, not for every derived struct.
//
// Names follow names.go: initialisms upper case, collisions settled
// deterministically (first come, first served in a fixed order) and each
// settlement reported as a Note. Declarations of the namespace with the most
// declarations keep their plain names; other namespaces' get a prefix from
// their extra segments (microsoft.graph.security.alert -> SecurityAlert).
//
// # File layout
//
// Per namespace, "types.go" holds the structs and type aliases and
// "enums.go" the enums; namespaces other than the primary one prefix the
// file names ("security_types.go", "callrecords_enums.go").
// "polymorphic.go" holds the interfaces, decode functions and marker
// methods, "odata.go" the unexported helpers, "validate.go" and
// "filter.go" the runtime entry points, and *.schema.json the schema
// documents. Inside a file declarations are sorted by Go name. Every file
// starts with "// Code generated by odatagen. DO NOT EDIT." and
// "// source: ...". There are no init functions and no package-level maps
// (FilterModel's one call at init indexes static data): tables are
// package-level slice literals of plain values, which the compiler lays
// out as data, and dispatch is switch statements.
//
// The package is about 3,800 lines because it makes every decision about
// the Go shape of a service (names, field types, docs, polymorphism,
// builders) and writes two artifacts; the work is split by stage: build.go
// (spec.Model to the intermediate form of ir.go), names.go and docs.go
// (identifiers and comments), emit*.go (Go source), schema*.go (JSON
// Schema), limits.go (the budget), write.go (the one atomic write).
package generator

import (
	"errors"
	"slices"
	"strings"

	"github.com/odatagen/odatagen/spec"
)

// Options configures Generate.
type Options struct {
	// Package is the Go package name. Required.
	Package string
	// Source is written on the second line of every file, after
	// "// source: " (newlines become spaces). Say where the spec came from.
	Source string
	// AllowUnresolved makes a property whose type no input defines a
	// json.RawMessage field (with a Note) instead of an error.
	AllowUnresolved bool
	// Types, when not empty, restricts generation to these types and what
	// they need: their base types and the types of their structural
	// properties (entity, complex, enum, type definition), transitively,
	// and nothing else: not their derived types, not the targets of
	// navigation properties (which would pull in most of a service).
	// Navigation properties to types outside that set are left out, each
	// with a Note. A name is qualified, or a simple name (in any case) that
	// one declaration has; a simple name that several namespaces declare
	// ("user": microsoft.graph.user and microsoft.graph.security.user)
	// means the primary namespace's declaration, with a Note.
	Types []string
	// Namespace is the namespace whose names get no prefix. Empty means
	// the namespace with the most declarations.
	Namespace string
	// Compact leaves out the per-type functions and variables: the typed
	// $filter builders (<Type>Filter) and the wrappers Validate<Type>,
	// Validate<Type>Collection and Check<Type>Filter. The generic
	// Validate[T], ValidateCollection[T] and CheckFilter[T] do the same
	// work and are generated either way. Nullable enum and complex
	// properties are plain pointers (see the package doc). The default
	// mode compiles a whole service (Microsoft Graph v1.0: 3,800 types,
	// 12,000 properties that $filter accepts) within a fifth of the Graph
	// SDK's build; Compact takes a third off that time and half its
	// memory (the README's build cost figures), for small machines.
	Compact bool
	// MaxInheritance is the most base types a type may have (0:
	// spec.DefaultMaxInheritance); a deeper chain, or a base type cycle,
	// is an error at the type's position.
	MaxInheritance int
	// MaxCost is the generation budget (0: DefaultMaxCost): a spec whose
	// flattened types cost more is refused before anything is built.
	MaxCost int
}

// Result is the output of Generate.
type Result struct {
	// Files are the generated files, sorted by name.
	Files []File
	// Notes are decisions the user may want to review: renamed
	// identifiers, missing base types, raw stand-ins for unresolved types.
	Notes []Note
}

// File is one generated file.
type File struct {
	Name string // a base name, e.g. "types.go"
	Data []byte
}

// Note is something Generate decided that the user may want to know.
type Note struct {
	Pos spec.Pos // where in the input, when known
	Msg string
}

func (n Note) String() string {
	if n.Pos.IsValid() {
		return n.Pos.String() + ": note: " + n.Msg
	}
	return "note: " + n.Msg
}

// Generate makes the Go files for s. It does no I/O. The output depends only
// on s and opts: generating twice gives the same bytes. An error names the
// input position when it can; on error the Result (possibly nil) carries
// the Notes made so far.
func Generate(s *spec.Spec, opts Options) (*Result, error) {
	opts.Source = strings.Join(strings.Fields(opts.Source), " ")
	if s == nil {
		return nil, errors.New("generator: nil spec")
	}
	if err := checkCount(s, opts.MaxCost); err != nil {
		return &Result{}, err
	}
	m, warnings, err := spec.Resolve(s, spec.ResolveOptions{MaxInheritance: opts.MaxInheritance, MaxProps: maxCost(opts.MaxCost)})
	if err != nil {
		return &Result{}, err
	}
	if err := checkBudget(m, opts.MaxCost); err != nil {
		return &Result{}, err
	}
	pkg, sub, notes, err := build(m, warnings, opts)
	if err != nil {
		return &Result{Notes: notes}, err
	}
	plan, err := modelPlan(sub, opts.AllowUnresolved)
	if err != nil {
		return &Result{Notes: notes}, err
	}
	for _, f := range pkg.Files {
		for _, d := range f.Decls {
			if vf, ok := d.(*irValidateFile); ok {
				vf.Plan = plan
			}
		}
	}
	files, err := emit(pkg)
	if err != nil {
		return &Result{Notes: notes}, err
	}
	schemas, err := schemaFiles(sub, opts)
	if err != nil {
		return &Result{Notes: notes}, err
	}
	files = append(files, schemas...)
	slices.SortFunc(files, func(x, y File) int { return strings.Compare(x.Name, y.Name) })
	return &Result{Files: files, Notes: notes}, nil
}

// Map returns the files as a map from name to content.
func (r *Result) Map() map[string][]byte {
	m := make(map[string][]byte, len(r.Files))
	for _, f := range r.Files {
		m[f.Name] = f.Data
	}
	return m
}
