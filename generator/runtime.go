package generator

import (
	"slices"
	"strings"

	"github.com/odatagen/odatagen/spec"
	"github.com/odatagen/odatagen/validate"
	"github.com/odatagen/odatagen/validate/filter"
)

// The runtime stage: what a generated package needs to call the validate/
// runtime. It adds two files to the intermediate form (query.go, the
// third, is built in query.go of this package):
//
//   - validate.go holds the package's validation plan (validate.Plan) as
//     static data, and has Validate[T] and ValidateCollection[T], and
//     ODataType[T], which names the OData type of a struct (a static table
//     for the whole package);
//   - filter.go holds the $filter capability table (FilterModel, built
//     from static data of validate/filter's plain types), CheckFilter[T],
//     and, unless Options.Compact, per type Check<Type>Filter and the typed
//     builder <Type>Filter, whose fields are filter.Props of a few shared
//     operator sets (see filter.Prop).
//
// The functions are generic over the struct type: a function per type is
// thousands of functions for a whole service, and each costs the compiler
// about as much as a struct. The per-type functions (Validate<Type>,
// Validate<Type>Collection, Check<Type>Filter) are one-line wrappers of the
// generic ones, left out by Options.Compact.
//
// The command line builds the same plan (Plan) and the same capability
// tables (FilterModel, QueryModel) in memory, so a generated package and
// the command line check with the same data and the same code.

// irValidateFile is the declaration group of validate.go.
type irValidateFile struct {
	ODataType          string // ODataType
	Validate           string // Validate
	ValidateCollection string // ValidateCollection
	ValidateWith       string // ValidateWith
	Decode             string // Decode
	DecodeCollection   string // DecodeCollection
	Types              []*irValidateType
	Polys              []*irPoly
	// Plan is the validation plan of the package's model (modelPlan),
	// set by Generate after build.
	Plan *validate.Plan
}

// irValidateType is one struct of the type switch of ODataType, and its
// validate functions unless Options.Compact.
type irValidateType struct {
	QualifiedName  string
	GoName         string
	Func           string // Validate<Type>, "" when Compact
	CollectionFunc string // Validate<Type>Collection, "" when Compact
}

// irFilterFile is the declaration group of filter.go.
type irFilterFile struct {
	ModelVar    string        // FilterModel
	CheckFilter string        // CheckFilter
	Model       *filter.Model // the data; Types are written in TypeOrder
	// TypeOrder and EnumOrder are the qualified names in output order.
	TypeOrder, EnumOrder, TypeDefOrder []string
	Types                              []*irFilterType
}

// irFilterType is the check function and the builder of one type (not
// when Options.Compact).
type irFilterType struct {
	QualifiedName string
	GoName        string
	CheckFunc     string // Check<Type>Filter
	BuilderVar    string // <Type>Filter; "" when no property is buildable
	Fields        []*irBuilderField
}

// irBuilderField is one property of a typed builder.
type irBuilderField struct {
	Name      string // Go field name, as in the struct
	Path      string // OData property name
	ODataType string // Edm type or qualified enum type
	Value     *irType
	Ops       []filter.BuilderOp // the marks its operator set embeds (filter.BuilderOps)
	Doc       []string
}

func (*irValidateFile) declName() string { return "" }
func (*irFilterFile) declName() string   { return "" }

// buildRuntime adds validate.go and filter.go to pkg, and returns the
// model of the generated declarations (without navigation properties to
// types not generated), from which the schema documents are made.
func (b *builder) buildRuntime(pkg *irPackage) *spec.Model {
	sub := b.sub
	vf := &irValidateFile{
		ODataType:          b.claimName("ODataType", "the function naming the OData type of a struct"),
		Validate:           b.claimName("Validate", "the validate function"),
		ValidateCollection: b.claimName("ValidateCollection", "the collection validate function"),
		ValidateWith:       b.claimName("ValidateWith", "the validate function with format options"),
		Decode:             b.claimName("Decode", "the validate-and-decode function"),
		DecodeCollection:   b.claimName("DecodeCollection", "the collection validate-and-decode function"),
	}
	ff := &irFilterFile{Model: filterModel(sub)}
	ff.ModelVar = b.claimName("FilterModel", "the $filter capability table")
	ff.CheckFilter = b.claimName("CheckFilter", "the $filter check function")
	for _, t := range sub.Types {
		ff.TypeOrder = append(ff.TypeOrder, t.QualifiedName())
	}
	for _, e := range sub.Enums {
		ff.EnumOrder = append(ff.EnumOrder, e.QualifiedName())
	}
	for _, d := range sub.TypeDefs {
		ff.TypeDefOrder = append(ff.TypeDefOrder, d.QualifiedName())
	}
	slices.Sort(ff.TypeOrder) // output does not depend on input order
	slices.Sort(ff.EnumOrder)
	slices.Sort(ff.TypeDefOrder)
	types := slices.Clone(b.types)
	slices.SortFunc(types, func(x, y *spec.Type) int {
		return strings.Compare(b.structs[x.QualifiedName()].Name, b.structs[y.QualifiedName()].Name)
	})
	for _, t := range types {
		q := t.QualifiedName()
		st := b.structs[q]
		vt := &irValidateType{QualifiedName: q, GoName: st.Name}
		vf.Types = append(vf.Types, vt)
		if b.opts.Compact {
			continue
		}
		vt.Func = b.claimName("Validate"+st.Name, "the validate function of "+q)
		vt.CollectionFunc = b.claimName("Validate"+st.Name+"Collection", "the collection validate function of "+q)
		ft := &irFilterType{
			QualifiedName: q,
			GoName:        st.Name,
			CheckFunc:     b.claimName("Check"+st.Name+"Filter", "the $filter check of "+q),
		}
		for _, fd := range st.Fields {
			bf := b.builderField(fd)
			if bf == nil {
				continue
			}
			ft.Fields = append(ft.Fields, bf)
		}
		if len(ft.Fields) > 0 {
			ft.BuilderVar = b.claimName(st.Name+"Filter", "the $filter builder of "+q)
		}
		ff.Types = append(ff.Types, ft)
	}
	for _, p := range b.polys {
		vf.Polys = append(vf.Polys, p)
	}
	slices.SortFunc(vf.Polys, func(x, y *irPoly) int { return strings.Compare(x.Iface, y.Iface) })
	pkg.Files = append(pkg.Files,
		&irFile{Name: "validate.go", Decls: []irDecl{vf}},
		&irFile{Name: "filter.go", Decls: []irDecl{ff}})
	slices.SortFunc(pkg.Files, func(x, y *irFile) int { return strings.Compare(x.Name, y.Name) })
	return sub
}

// claimName takes an exported package-level name for a generated function,
// variable or interface: want, else the first free alternative, else the
// last candidate with a number; a clash is noted.
func (b *builder) claimName(want, what string, alternatives ...string) string {
	got, clash := b.pkgNS.claim(what, append([]string{want}, alternatives...)...)
	if got != want {
		b.note(spec.Pos{}, "Go name %s of %s is taken by %s; using %s", want, what, clash, got)
	}
	return got
}

func unexport(s string) string {
	if s == "" {
		return s
	}
	i := 1
	for i < len(s) && s[i] >= 'A' && s[i] <= 'Z' && (i+1 == len(s) || s[i+1] >= 'A' && s[i+1] <= 'Z') {
		i++ // "URLThing" -> "urlThing"
	}
	return strings.ToLower(s[:i]) + s[i:]
}

// Builder operators by the kind of value a property holds, in the order
// the builder's fields embed them. defaultOps apply when the spec says
// only that a property supports $filter.
var (
	stringOps  = []spec.FilterOp{spec.OpEq, spec.OpNe, spec.OpGt, spec.OpGe, spec.OpLt, spec.OpLe, spec.OpIn, spec.OpStartsWith, spec.OpEndsWith, spec.OpContains}
	orderedOps = []spec.FilterOp{spec.OpEq, spec.OpNe, spec.OpGt, spec.OpGe, spec.OpLt, spec.OpLe, spec.OpIn}
	equalOps   = []spec.FilterOp{spec.OpEq, spec.OpNe, spec.OpIn}
	flagsOps   = []spec.FilterOp{spec.OpEq, spec.OpNe, spec.OpIn, spec.OpHas}
)

// builderField decides a property's builder field, or nil when the builder
// offers nothing for it: not filterable, structured, navigation, or a
// collection that does not support any with eq.
func (b *builder) builderField(fd *irField) *irBuilderField {
	p := fd.Prop
	if p == nil || p.Filter == nil || fd.Navigation {
		return nil
	}
	odataType, kindOps := b.builderKind(p.Type.Name)
	if kindOps == nil {
		return nil
	}
	value := fd.Type
	for value.Kind != irIdent {
		value = value.Elem
	}
	bf := &irBuilderField{Name: fd.Name, Path: p.Name, ODataType: odataType, Value: value}
	if p.Type.Collection {
		if !p.Filter.Allows(spec.OpAny) || !p.Filter.Allows(spec.OpEq) || value.Name == "uint16" {
			return nil
		}
		bf.Ops = []filter.BuilderOp{filter.BuilderAnyEq}
		bf.Doc = []string{fd.Name + " supports any with eq on its elements."}
		return bf
	}
	var names []string
	for _, op := range kindOps {
		if p.Filter.Allows(op) {
			bop, _ := filter.BuilderOpFor(filter.Op(op)) // kindOps all have one
			bf.Ops = append(bf.Ops, bop)
			names = append(names, string(op))
		}
	}
	if p.Filter.Null {
		bf.Ops = append(bf.Ops, filter.BuilderNull)
		names = append(names, "eq null", "ne null")
	}
	if len(bf.Ops) == 0 {
		return nil
	}
	bf.Doc = []string{fd.Name + " supports " + strings.Join(names, ", ") + "."}
	return bf
}

// builderKind returns the type a builder names for a property of type q
// and the operators that apply to its values, nil when the builder has none.
func (b *builder) builderKind(q string) (string, []spec.FilterOp) {
	if d := b.ix.TypeDef(q); d != nil {
		q = d.UnderlyingType
	}
	if e := b.ix.Enum(q); e != nil {
		if e.Flags {
			return q, flagsOps
		}
		return q, equalOps
	}
	switch q {
	case "Edm.String":
		return q, stringOps
	case "Edm.Boolean", "Edm.Guid":
		return q, equalOps
	case "Edm.Byte", "Edm.SByte", "Edm.Int16", "Edm.Int32", "Edm.Int64", "Edm.Single", "Edm.Double",
		"Edm.Decimal", "Edm.DateTimeOffset", "Edm.Date", "Edm.TimeOfDay", "Edm.Duration":
		return q, orderedOps
	}
	return "", nil
}

// schemaFiles returns the schema documents of sub as generated files.
func schemaFiles(sub *spec.Model, opts Options) ([]File, error) {
	docs, err := modelSchemas(sub, SchemaOptions{AllowUnresolved: opts.AllowUnresolved})
	if err != nil {
		return nil, err
	}
	files := make([]File, 0, len(docs))
	for name, data := range docs {
		files = append(files, File{Name: name, Data: data})
	}
	slices.SortFunc(files, func(x, y File) int { return strings.Compare(x.Name, y.Name) })
	return files, nil
}
