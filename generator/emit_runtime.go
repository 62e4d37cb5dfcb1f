package generator

import (
	"fmt"
	"slices"
	"strings"

	"github.com/dave/jennifer/jen"

	"github.com/odatagen/odatagen/validate/filter"
)

// Import paths of the runtime that generated code calls.
const (
	validatePath = "github.com/odatagen/odatagen/validate"
	filterPath   = "github.com/odatagen/odatagen/validate/filter"
)

// emitValidateFile writes validate.go: the validation plan (vf.Plan) as a
// static composite literal (of a string, encoded, for a large plan: see
// planLit), the table mapping Go names of structs and
// polymorphic interfaces (sorted by Go name) to OData names, the generic
// ODataType, Validate and ValidateCollection functions, and, for each type
// with a Func (none when Options.Compact), its Validate<Type> and
// Validate<Type>Collection wrappers. Collections are always validated in
// validate.Read mode.
func emitValidateFile(f *jen.File, vf *irValidateFile) {
	static := "as static data"
	if len(vf.Plan.Types) >= encodedPlanMinTypes {
		static = "as static data (encoded by validate.EncodePlan, and decoded on first use)"
	}
	f.Add(fixedDoc(localPlan + " is this package's validation plan: the tables of every type's rules in each mode, " + static + ", which the Validate functions run in one pass over a payload. The command line builds the same plan in memory. The JSON Schema documents written beside this file (*.schema.json) state the same rules for other tools.").
		Var().Id(localPlan).Op("=").Add(planLit(vf.Plan)))
	type entry struct{ goName, name string }
	entries := make([]entry, 0, len(vf.Types)+len(vf.Polys))
	for _, t := range vf.Types {
		entries = append(entries, entry{t.GoName, t.QualifiedName})
	}
	for _, p := range vf.Polys {
		entries = append(entries, entry{p.Iface, p.QualifiedName})
	}
	slices.SortFunc(entries, func(a, b entry) int { return strings.Compare(a.goName, b.goName) })
	items := make([]jen.Code, len(entries))
	for i, e := range entries {
		items[i] = jen.Values(jen.Id("Go").Op(":").Lit(e.goName), jen.Id("OData").Op(":").Lit(e.name))
	}
	f.Add(fixedDoc(localODataPackage + " names this package for " + localODataTypes + ".").
		Type().Id(localODataPackage).Struct())
	f.Add(fixedDoc(localODataTypes+" maps the structs and polymorphic interfaces of this package, by Go name, to their OData types: static data, where a type switch over thousands of types would be a large function to compile.").
		Var().Id(localODataTypes).Op("=").Qual(validatePath, "NewTypeNames").Call(
		jen.Qual("reflect", "TypeFor").Types(jen.Id(localODataPackage)).Call().Dot("PkgPath").Call(),
		jen.Index().Qual(validatePath, "TypeName").Values(multiline(items)...),
	))
	f.Add(fixedDoc(vf.ODataType + " returns the qualified name of the OData type that T stands for: T is a struct of this package, or the interface of a type with derived types (which stands for that type). It returns \"\" for any other T.").
		Func().Id(vf.ODataType).Types(jen.Id("T").Any()).Params().String().Block(
		jen.Return(jen.Id(localODataTypes).Dot("Name").Call(jen.Qual("reflect", "TypeFor").Types(jen.Id("T")).Call())),
	))
	f.Add(fixedDoc(vf.Validate+" validates a JSON payload of T (a struct of this package, or the interface of a type with derived types): a response (validate.Read), the body of a create request (validate.Create) or of an update request (validate.Update). It returns nil, a *validate.Error listing every problem with its JSON pointer, a *validate.JSONError for a payload that is not acceptable JSON, or an error when T is not a type of this package.").
		Func().Id(vf.Validate).Types(jen.Id("T").Any()).Params(jen.Id("data").Index().Byte(), jen.Id("mode").Qual(validatePath, "Mode")).Error().Block(
		jen.List(jen.Id("name"), jen.Err()).Op(":=").Id(localODataTypes).Dot("Lookup").Call(jen.Qual("reflect", "TypeFor").Types(jen.Id("T")).Call()),
		jen.If(jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Err())),
		jen.Return(jen.Id(localPlan).Dot("Validate").Call(jen.Id("name"), jen.Id("mode"), jen.Id("data"))),
	))
	f.Add(fixedDoc(vf.ValidateWith+" is "+vf.Validate+" for a payload in an OData JSON format with options: opts.IEEE754Compatible accepts Edm.Int64 and Edm.Decimal values as strings, opts.DateTimeWithoutSeconds date-times without seconds.").
		Func().Id(vf.ValidateWith).Types(jen.Id("T").Any()).Params(jen.Id("data").Index().Byte(), jen.Id("mode").Qual(validatePath, "Mode"), jen.Id("opts").Qual(validatePath, "Options")).Error().Block(
		jen.List(jen.Id("name"), jen.Err()).Op(":=").Id(localODataTypes).Dot("Lookup").Call(jen.Qual("reflect", "TypeFor").Types(jen.Id("T")).Call()),
		jen.If(jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Err())),
		jen.Return(jen.Id(localPlan).Dot("WithOptions").Call(jen.Id("opts")).Dot("Validate").Call(jen.Id("name"), jen.Id("mode"), jen.Id("data"))),
	))
	f.Add(fixedDoc(vf.ValidateCollection+" validates an OData collection response of T ({\"value\": [...]}), item by item.").
		Func().Id(vf.ValidateCollection).Types(jen.Id("T").Any()).Params(jen.Id("data").Index().Byte()).Error().Block(
		jen.List(jen.Id("name"), jen.Err()).Op(":=").Id(localODataTypes).Dot("Lookup").Call(jen.Qual("reflect", "TypeFor").Types(jen.Id("T")).Call()),
		jen.If(jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Err())),
		jen.Return(jen.Id(localPlan).Dot("ValidateCollection").Call(jen.Id("name"), jen.Qual(validatePath, "Read"), jen.Id("data"))),
	))
	f.Add(fixedDoc(vf.Decode+" validates a JSON payload of T (a struct of this package) as "+vf.Validate+" does and, when it is valid, decodes it into a T with edm.Unmarshal, in one more pass over the bytes. An invalid payload gives the zero T and "+vf.Validate+"'s error.").
		Func().Id(vf.Decode).Types(jen.Id("T").Any()).Params(jen.Id("data").Index().Byte(), jen.Id("mode").Qual(validatePath, "Mode")).Params(jen.Id("T"), jen.Error()).Block(
		jen.Var().Id("v").Id("T"),
		jen.If(jen.Err().Op(":=").Id(vf.Validate).Types(jen.Id("T")).Call(jen.Id("data"), jen.Id("mode")), jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Id("v"), jen.Err())),
		jen.Err().Op(":=").Qual(edmPath, "Unmarshal").Call(jen.Id("data"), jen.Op("&").Id("v")),
		jen.Return(jen.Id("v"), jen.Err()),
	))
	f.Add(fixedDoc(vf.DecodeCollection+" validates an OData collection response of T as "+vf.ValidateCollection+" does and, when it is valid, decodes it: the items in Value, the other members (@odata.nextLink) in Extra.").
		Func().Id(vf.DecodeCollection).Types(jen.Id("T").Any()).Params(jen.Id("data").Index().Byte()).Params(jen.Qual(edmPath, "Page").Types(jen.Id("T")), jen.Error()).Block(
		jen.Var().Id("p").Qual(edmPath, "Page").Types(jen.Id("T")),
		jen.If(jen.Err().Op(":=").Id(vf.ValidateCollection).Types(jen.Id("T")).Call(jen.Id("data")), jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Id("p"), jen.Err())),
		jen.Err().Op(":=").Qual(edmPath, "Unmarshal").Call(jen.Id("data"), jen.Op("&").Id("p")),
		jen.Return(jen.Id("p"), jen.Err()),
	))
	var one, coll []funcVar
	for _, t := range vf.Types {
		if t.Func == "" {
			continue
		}
		one = append(one, funcVar{t.Func, t.Func + " validates a JSON payload of " + t.QualifiedName + ": it is " + vf.Validate + "[" + t.GoName + "].", t.QualifiedName})
		coll = append(coll, funcVar{t.CollectionFunc, t.CollectionFunc + " validates an OData collection response of " + t.QualifiedName + ": it is " + vf.ValidateCollection + "[" + t.GoName + "].", t.QualifiedName})
	}
	emitFuncVars(f, "Validate", jen.Qual(validatePath, "ValidateFunc"), jen.Func().Params(jen.Id("data").Index().Byte(), jen.Id("mode").Qual(validatePath, "Mode")).Error(),
		jen.Return(jen.Id(localPlan).Dot("Validate").Call(jen.Id("name"), jen.Id("mode"), jen.Id("data"))), one)
	emitFuncVars(f, "ValidateCollection", jen.Qual(validatePath, "CollectionFunc"), jen.Func().Params(jen.Id("data").Index().Byte()).Error(),
		jen.Return(jen.Id(localPlan).Dot("ValidateCollection").Call(jen.Id("name"), jen.Qual(validatePath, "Read"), jen.Id("data"))), coll)
}

// funcVar is a per-type function that generated code declares as a
// variable: its Go name, doc comment and the name it passes on (the OData
// type or entity set).
type funcVar struct{ Name, Doc, Arg string }

// emitFuncVars declares per-type functions of one signature (fn, whose body
// is body over a variable "name") as variables, in one var block, set when
// the package is initialized from a static table by one loop and one
// function literal. A call looks the same as a call of a declared function,
// but the package compiles no function per variable: a declared function
// costs its package about 17 KB of compiler memory and a little build time,
// and all of Microsoft Graph v1.0 has about 10,000 of them (0.22 GB of its
// compile's peak). Making the variables costs about one allocation each at
// init (0.7 ms and 240 KB for all of Graph). The variables are declared
// with typ, the runtime's alias of fn's type (validate.ValidateFunc and the
// like), which is cheaper to read and check than a type literal each.
func emitFuncVars(f *jen.File, suffix string, typ jen.Code, fn *jen.Statement, body jen.Code, vars []funcVar) {
	if len(vars) == 0 {
		return
	}
	table := localFuncVars + suffix
	decls := make([]jen.Code, 0, 2*len(vars))
	rows := make([]jen.Code, len(vars))
	for i, v := range vars {
		if i > 0 {
			decls = append(decls, jen.Line())
		}
		decls = append(decls, fixedDoc(v.Doc).Id(v.Name).Add(typ))
		rows[i] = jen.Values(jen.Op("&").Id(v.Name), jen.Lit(v.Arg))
	}
	f.Var().Defs(decls...)
	f.Add(fixedDoc(table+" lists the variables above with the name each passes on: static data, which init turns into functions.").
		Var().Id(table).Op("=").Index().Struct(jen.Id("f").Op("*").Add(typ), jen.Id("name").String()).Values(multiline(rows)...))
	f.Func().Id("init").Params().Block(
		jen.For(jen.List(jen.Id("_"), jen.Id("t")).Op(":=").Range().Id(table)).Block(
			jen.Id("name").Op(":=").Id("t").Dot("name"),
			jen.Op("*").Id("t").Dot("f").Op("=").Add(fn.Clone()).Block(body),
		),
	)
}

// emitFilterFile writes filter.go: the $filter model (encoded, for a
// whole service, or else as composite literals: see encodedFilterModel),
// the generic CheckFilter, and per
// irFilterType its Check<Type>Filter function and, when it has a BuilderVar,
// the typed builder: a struct variable of static data with one
// filter.Prop field per property, whose operator set (a struct type that
// embeds the filter.BuilderOps marks of its operators) says which operator
// functions of validate/filter take it.
func emitFilterFile(f *jen.File, ff *irFilterFile) {
	var ops builderOpTypes
	if enc, ok := encodedFilterModel(ff); ok {
		f.Add(fixedDoc(ff.ModelVar+" is the $filter capability table of this package's types: for each property, its type and the operators it supports. "+ff.CheckFilter+" checks expressions against it. Its tables are decoded on first use (filter.Model.Load, which code that reads them directly calls first).").
			Var().Id(ff.ModelVar).Op("=").Qual(filterPath, "NewEncodedModel").Call(jen.Id(localFilterEncoded)))
		f.Add(fixedDoc(localFilterEncoded + " is the data of " + ff.ModelVar + ", encoded by filter.EncodeModel: the compiler reads a string constant in almost no time, where the same tables as composite literals would cost it a sixth of the package.").
			Const().Id(localFilterEncoded).Op("=").Lit(enc))
	} else {
		emitFilterTables(f, ff)
	}
	f.Add(fixedDoc(ff.CheckFilter+" checks a $filter expression (the decoded value of the query option) against T (a struct of this package, or the interface of a type with derived types): its syntax, the properties it names, the types of its operands, and the operators each property supports. The error is a *filter.Error that prints the expression with a caret under the problem, or an error when T is not a type of this package.").
		Func().Id(ff.CheckFilter).Types(jen.Id("T").Any()).Params(jen.Id("expr").String()).Error().Block(
		jen.List(jen.Id("name"), jen.Err()).Op(":=").Id(localODataTypes).Dot("Lookup").Call(jen.Qual("reflect", "TypeFor").Types(jen.Id("T")).Call()),
		jen.If(jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Err())),
		jen.Return(jen.Qual(filterPath, "Check").Call(jen.Id(ff.ModelVar), jen.Id("name"), jen.Id("expr"))),
	))
	checks := make([]funcVar, 0, len(ff.Types))
	for _, t := range ff.Types {
		checks = append(checks, funcVar{t.CheckFunc, t.CheckFunc + " checks a $filter expression against " + t.QualifiedName + ": it is " + ff.CheckFilter + "[" + t.GoName + "].", t.QualifiedName})
	}
	emitFuncVars(f, "CheckFilter", jen.Qual(filterPath, "CheckFunc"), jen.Func().Params(jen.Id("expr").String()).Error(),
		jen.Return(jen.Qual(filterPath, "Check").Call(jen.Id(ff.ModelVar), jen.Id("name"), jen.Id("expr"))), checks)
	for _, t := range ff.Types {
		if t.BuilderVar == "" {
			continue
		}
		var fields []jen.Code
		var values []jen.Code
		for i, bf := range t.Fields {
			if i > 0 {
				fields = append(fields, jen.Line())
			}
			name := ops.name(bf)
			fields = append(fields, docComment(bf.Doc).Id(bf.Name).Id(name))
			values = append(values, jen.Id(bf.Name).Op(":").Id(name).Values(jen.Id("Path").Op(":").Lit(bf.Path), jen.Id("Type").Op(":").Lit(bf.ODataType)))
		}
		f.Add(fixedDoc(t.BuilderVar + " builds $filter conditions on " + t.QualifiedName + ". It has a field for each property the builder can filter, a filter.Prop whose operator set lets the operator functions of validate/filter (filter.Eq, filter.In, filter.StartsWith, filter.IsNull and the others) take it for the operators that property supports and no others, so an unsupported filter does not compile: filter.Eq(" + t.BuilderVar + "." + t.Fields[0].Name + ", v). Join conditions with filter.And and filter.Or; a built condition always passes " + ff.CheckFilter + "[" + t.GoName + "].").
			Var().Id(t.BuilderVar).Op("=").Struct(fields...).Values(multiline(values)...))
	}
	ops.emit(f)
}

// builderOpTypes are the property types of a package's builders: one
// alias of filter.Prop per combination of value type and operator set that
// its properties use, named filter_<value type>_<operators>
// ("filter_bool_EqNe", "filter_time_Time_EqNeGtGeLtLeIn"), and one operator
// set per combination of operators, named filterOps_<operators>
// ("filterOps_EqNe"), a struct type that embeds the marks of its operators.
// Names with an underscore are taken by no other generated name. Neither
// has methods of its own: an operator set has the marks' (a few wrappers
// per set), and what an instantiation of filter.Prop costs to compile is
// its type descriptor.
type builderOpTypes struct {
	byName map[string]*irBuilderField // a field that first used the name
	order  []string
	sets   map[string]*irBuilderField // a field that first used the operator set
	setOrd []string
}

func (o *builderOpTypes) name(bf *irBuilderField) string {
	var b strings.Builder
	b.WriteString("filter_")
	for _, r := range fmt.Sprintf("%#v", typeCode(bf.Value)) {
		switch {
		case r == '.':
			b.WriteByte('_')
		case r == '[' || r == ']':
			if r == '[' {
				b.WriteString("Slice")
			}
		case r == '*':
			b.WriteString("Ptr")
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('_')
	b.WriteString(opsSuffix(bf))
	name := b.String()
	if o.byName == nil {
		o.byName = map[string]*irBuilderField{}
		o.sets = map[string]*irBuilderField{}
	}
	if _, ok := o.byName[name]; !ok {
		o.byName[name] = bf
		o.order = append(o.order, name)
	}
	set := "filterOps_" + opsSuffix(bf)
	if _, ok := o.sets[set]; !ok {
		o.sets[set] = bf
		o.setOrd = append(o.setOrd, set)
	}
	return name
}

// opsSuffix names bf's operator set by its marks: "EqNeInNull".
func opsSuffix(bf *irBuilderField) string {
	var b strings.Builder
	for _, op := range bf.Ops {
		b.WriteString(strings.TrimSuffix(op.Type, "Op"))
	}
	return b.String()
}

// emit writes the operator sets and then the property types, each in name
// order.
func (o *builderOpTypes) emit(f *jen.File) {
	slices.Sort(o.setOrd)
	for _, set := range o.setOrd {
		bf := o.sets[set]
		var words []string
		marks := make([]jen.Code, 0, len(bf.Ops))
		for _, op := range bf.Ops {
			w := string(op.Op)
			if op.Type == filter.BuilderNull.Type {
				w = "eq null, ne null"
			}
			words = append(words, w)
			marks = append(marks, jen.Qual(filterPath, op.Type))
		}
		f.Comment(set + " is the $filter operator set " + strings.Join(words, ", ") + ".")
		f.Type().Id(set).Struct(marks...)
	}
	slices.Sort(o.order)
	for _, name := range o.order {
		bf := o.byName[name]
		value := typeCode(bf.Value)
		f.Comment(name + " is the $filter builder type of a " + fmt.Sprintf("%#v", value) + " property with " + "filterOps_" + opsSuffix(bf) + ".")
		f.Type().Id(name).Op("=").Qual(filterPath, "Prop").Types(typeCode(bf.Value), jen.Id("filterOps_"+opsSuffix(bf)))
	}
}

// encodedFilterModel returns ff's model encoded by filter.EncodeModel,
// and true, when it has encodedPlanMinTypes types or more: a whole
// service's filter tables as composite literals are 78,000 lines of
// Microsoft Graph v1.0's package and about a second of its compile, as a
// string constant almost nothing. Smaller ones stay literals, which a
// reader (and a golden file's reviewer) can read.
func encodedFilterModel(ff *irFilterFile) (string, bool) {
	if len(ff.TypeOrder) < encodedPlanMinTypes {
		return "", false
	}
	m := ff.Model
	types := make([]*filter.Type, len(ff.TypeOrder))
	for i, q := range ff.TypeOrder {
		types[i] = m.Types[q]
	}
	enums := make([]*filter.Enum, len(ff.EnumOrder))
	for i, q := range ff.EnumOrder {
		enums[i] = m.Enums[q]
	}
	enc, err := filter.EncodeModel(types, enums, m.TypeDefs)
	return enc, err == nil
}

// emitFilterTables writes ff's model as static composite literals:
// FilterModel, made by filter.NewModel from filterTypes (in TypeOrder) and
// filterEnums (in EnumOrder), type definitions as an inline map (nil when
// there are none), and filterSupports, the supports most properties share.
func emitFilterTables(f *jen.File, ff *irFilterFile) {
	m := ff.Model
	var types, enums []jen.Code
	sharedSupports := false
	for _, q := range ff.TypeOrder {
		types = append(types, filterTypeLit(m.Types[q], &sharedSupports))
	}
	for _, q := range ff.EnumOrder {
		e := m.Enums[q]
		fields := jen.Dict{jen.Id("Name"): jen.Lit(e.Name), jen.Id("Members"): stringsLit(e.Members)}
		if e.Flags {
			fields[jen.Id("Flags")] = jen.True()
		}
		enums = append(enums, jen.Values(fields))
	}
	typedefs := jen.Dict{}
	for _, q := range ff.TypeDefOrder {
		typedefs[jen.Lit(q)] = jen.Lit(m.TypeDefs[q])
	}
	var typedefsCode jen.Code = jen.Nil()
	if len(typedefs) > 0 {
		typedefsCode = jen.Map(jen.String()).String().Values(typedefs)
	}
	f.Add(fixedDoc(ff.ModelVar+" is the $filter capability table of this package's types: for each property, its type and the operators it supports. "+ff.CheckFilter+" checks expressions against it.").
		Var().Id(ff.ModelVar).Op("=").Qual(filterPath, "NewModel").Call(jen.Id(localFilterTypes), jen.Id(localFilterEnums), typedefsCode))
	f.Add(fixedDoc(localFilterTypes+" and "+localFilterEnums+" are the data of "+ff.ModelVar+". Package-level composite literals of plain values are static data: they cost no code to compile and no work at init.").
		Var().Defs(
		jen.Id(localFilterTypes).Op("=").Index().Op("*").Qual(filterPath, "Type").Values(multiline(types)...),
		jen.Id(localFilterEnums).Op("=").Index().Op("*").Qual(filterPath, "Enum").Values(multiline(enums)...),
	))
	if sharedSupports {
		f.Add(fixedDoc(localFilterSupports+" are the two supports most properties have, which "+localFilterTypes+" points to rather than repeating them: eq null and ne null only ([0]), $count only ([1]).").
			Var().Id(localFilterSupports).Op("=").Index(jen.Op("...")).Qual(filterPath, "Support").Values(
			jen.Values(jen.Dict{jen.Id("Null"): jen.True()}),
			jen.Values(jen.Dict{jen.Id("Count"): jen.True()}),
		))
	}
}

// filterTypeLit renders a filter.Type as a composite literal, writing only
// the non-zero fields (Base, Collection, Navigation, and the Filter support
// with its Ops as OpXxx constants) so that the generated table stays
// small. The nil and empty Support stay apart: a property without Filter
// cannot be filtered, while an empty &filter.Support{} allows every
// operator that applies to its type.
func filterTypeLit(t *filter.Type, shared *bool) jen.Code {
	fields := jen.Dict{jen.Id("Name"): jen.Lit(t.Name)}
	if t.Base != "" {
		fields[jen.Id("Base")] = jen.Lit(t.Base)
	}
	var props []jen.Code
	for _, p := range t.Properties {
		pf := jen.Dict{jen.Id("Name"): jen.Lit(p.Name), jen.Id("Type"): jen.Lit(p.Type)}
		if p.Collection {
			pf[jen.Id("Collection")] = jen.True()
		}
		if p.Navigation {
			pf[jen.Id("Navigation")] = jen.True()
		}
		if s := p.Filter; s != nil && len(s.Ops) == 0 && s.Null != s.Count {
			// The common supports are shared: fewer nodes for the
			// compiler to read than a literal each (Graph v1.0: 11,000).
			i := 0
			if s.Count {
				i = 1
			}
			pf[jen.Id("Filter")] = jen.Op("&").Id(localFilterSupports).Index(jen.Lit(i))
			*shared = true
		} else if s != nil {
			sf := jen.Dict{}
			if len(s.Ops) > 0 {
				var ops []jen.Code
				for _, op := range s.Ops {
					ops = append(ops, jen.Qual(filterPath, opConst(op)))
				}
				sf[jen.Id("Ops")] = jen.Index().Qual(filterPath, "Op").Values(ops...)
			}
			if s.Null {
				sf[jen.Id("Null")] = jen.True()
			}
			if s.Count {
				sf[jen.Id("Count")] = jen.True()
			}
			pf[jen.Id("Filter")] = jen.Op("&").Qual(filterPath, "Support").Values(sf)
		}
		props = append(props, jen.Values(pf))
	}
	if len(props) > 0 {
		fields[jen.Id("Properties")] = jen.Index().Op("*").Qual(filterPath, "Property").Values(multiline(props)...)
	}
	return jen.Values(fields)
}

// opConst names validate/filter's constant for op ("startsWith" ->
// OpStartsWith).
func opConst(op filter.Op) string {
	s := string(op)
	return "Op" + string(s[0]-'a'+'A') + s[1:]
}

func stringsLit(ss []string) jen.Code {
	var items []jen.Code
	for _, s := range ss {
		items = append(items, jen.Lit(s))
	}
	return jen.Index().String().Values(items...)
}

// multiline puts each element of a composite literal on its own line.
func multiline(items []jen.Code) []jen.Code {
	if len(items) == 0 {
		return nil
	}
	out := make([]jen.Code, 0, len(items)+1)
	for _, it := range items {
		out = append(out, jen.Line().Add(it))
	}
	return append(out, jen.Line())
}
