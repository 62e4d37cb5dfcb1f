package generator

import (
	"github.com/dave/jennifer/jen"

	"github.com/odatagen/odatagen/validate/filter"
)

// Import paths of the runtime that generated code calls.
const (
	validatePath = "github.com/odatagen/odatagen/validate"
	filterPath   = "github.com/odatagen/odatagen/validate/filter"
)

func emitValidateFile(f *jen.File, vf *irValidateFile) {
	f.Comment("//go:embed " + schemaGlob)
	f.Var().Id("schemaFiles").Qual("embed", "FS")
	f.Line()
	f.Add(fixedDoc("schemas are this package's JSON Schema documents, one per type and mode, also written beside this file for other tools. Each type's schema is compiled the first time it is used.").
		Var().Id("schemas").Op("=").Qual(validatePath, "NewSetFS").Call(jen.Id("schemaFiles")))
	for _, t := range vf.Types {
		f.Add(fixedDoc(t.Func+" validates a JSON payload of "+t.QualifiedName+": a response (validate.Read), the body of a create request (validate.Create) or of an update request (validate.Update). It returns nil, a *validate.Error listing every problem with its JSON pointer, or a *validate.JSONError for a payload that is not acceptable JSON.").
			Func().Id(t.Func).Params(jen.Id("data").Index().Byte(), jen.Id("mode").Qual(validatePath, "Mode")).Error().Block(
			jen.Return(jen.Id("schemas").Dot("Validate").Call(jen.Lit(t.QualifiedName), jen.Id("mode"), jen.Id("data"))),
		))
		f.Add(fixedDoc(t.CollectionFunc + " validates an OData collection response of " + t.QualifiedName + ` ({"value": [...]}), item by item.`).
			Func().Id(t.CollectionFunc).Params(jen.Id("data").Index().Byte()).Error().Block(
			jen.Return(jen.Id("schemas").Dot("ValidateCollection").Call(jen.Lit(t.QualifiedName), jen.Qual(validatePath, "Read"), jen.Id("data"))),
		))
	}
}

func emitFilterFile(f *jen.File, ff *irFilterFile) {
	m := ff.Model
	var types, enums []jen.Code
	for _, q := range ff.TypeOrder {
		types = append(types, filterTypeLit(m.Types[q]))
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
	f.Add(fixedDoc(ff.ModelVar+" is the $filter capability table of this package's types: for each property, its type and the operators it supports. The Check...Filter functions check expressions against it.").
		Var().Id(ff.ModelVar).Op("=").Qual(filterPath, "NewModel").Call(
		jen.Line().Index().Op("*").Qual(filterPath, "Type").Values(multiline(types)...),
		jen.Line().Index().Op("*").Qual(filterPath, "Enum").Values(multiline(enums)...),
		jen.Line().Add(typedefsCode),
		jen.Line(),
	))
	for _, t := range ff.Types {
		f.Add(fixedDoc(t.CheckFunc + " checks a $filter expression (the decoded value of the query option) against " + t.QualifiedName + ": its syntax, the properties it names, the types of its operands, and the operators each property supports. The error is a *filter.Error that prints the expression with a caret under the problem.").
			Func().Id(t.CheckFunc).Params(jen.Id("expr").String()).Error().Block(
			jen.Return(jen.Qual(filterPath, "Check").Call(jen.Id(ff.ModelVar), jen.Lit(t.QualifiedName), jen.Id("expr"))),
		))
		if t.BuilderVar == "" {
			continue
		}
		var fields []jen.Code
		for i, bf := range t.Fields {
			if i > 0 {
				fields = append(fields, jen.Line())
			}
			var embeds []jen.Code
			for _, op := range bf.Ops {
				switch op {
				case "StartsWithOp", "EndsWithOp", "ContainsOp", "NullOp":
					embeds = append(embeds, jen.Qual(filterPath, op).Types(jen.Id(bf.PropType)))
				default:
					embeds = append(embeds, jen.Qual(filterPath, op).Types(typeCode(bf.Value), jen.Id(bf.PropType)))
				}
			}
			fields = append(fields, docComment(bf.Doc).Id(bf.Name).Struct(embeds...))
		}
		f.Add(fixedDoc(t.BuilderVar + " builds $filter conditions on " + t.QualifiedName + ". It has a field for each property the builder can filter, and each field has a method for each operator that property supports, so an unsupported filter does not compile. Join conditions with filter.And and filter.Or; a built condition always passes " + t.CheckFunc + ".").
			Var().Id(t.BuilderVar).Struct(fields...))
		for _, bf := range t.Fields {
			f.Type().Id(bf.PropType).Struct()
			f.Func().Params(jen.Id(bf.PropType)).Id("ODataProperty").Params().Params(jen.Id("path"), jen.Id("typ").String()).Block(
				jen.Return(jen.Lit(bf.Path), jen.Lit(bf.ODataType)),
			)
		}
	}
}

func filterTypeLit(t *filter.Type) jen.Code {
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
		if s := p.Filter; s != nil {
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
