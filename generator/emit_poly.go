package generator

import (
	"github.com/dave/jennifer/jen"
)

// emitPolyFile writes polymorphic.go: per polymorphic type, its
// interface, its decode function and the marker methods of its structs.
func emitPolyFile(f *jen.File, pf *irPolyFile) {
	for _, p := range pf.Polys {
		emitPoly(f, p)
	}
}

// emitPoly writes the declarations of one polymorphic type: its sealed
// interface, its Unmarshal function, the sorted table of derived qualified
// names, and the marker methods of the base and derived structs. Unmarshal
// switches on the table index that derivedIndex finds (an integer switch,
// cheap to compile for thousands of cases); a missing or unknown
// @odata.type falls back to the base struct, and JSON null gives nil. It
// relies on p.Cases being sorted by qualified name and non-empty.
func emitPoly(f *jen.File, p *irPoly) {
	derived := make([]string, 0, len(p.Cases))
	for _, c := range p.Cases {
		derived = append(derived, "*"+c.GoName)
	}
	f.Add(fixedDoc(p.Iface + " is a value of the OData type " + p.QualifiedName + " or of a type derived from it: *" + p.Base +
		" or " + listNames(derived) + ". A field of type " + p.QualifiedName + " holds one; a type switch gets the struct. " +
		p.Unmarshal + " decodes one by its @odata.type. Only pointers to this package's structs implement it (through an unexported marker method), and they all marshal and unmarshal themselves.").
		Type().Id(p.Iface).Interface(
		jen.Id(p.Marker).Params(),
	))

	// p.Cases are sorted by qualified name: the index in the table is the
	// case. An integer switch is a jump table; a string switch over a
	// thousand names (entity's) is slow to compile.
	cases := make([]jen.Code, 0, len(p.Cases)+1)
	names := make([]jen.Code, len(p.Cases))
	for i, c := range p.Cases {
		cases = append(cases, jen.Case(jen.Lit(i)).Block(jen.Comment(c.QualifiedName), jen.Id("v").Op("=").New(jen.Id(c.GoName))))
		names[i] = jen.Lit(c.QualifiedName)
	}
	cases = append(cases, jen.Default().Block(jen.Id("v").Op("=").New(jen.Id(p.Base))))
	f.Add(fixedDoc(p.Unmarshal+" decodes a JSON object of "+p.QualifiedName+" or of a type derived from it into the struct its @odata.type names, "+
		"with or without the leading \"#\" (\"#"+p.Cases[0].QualifiedName+"\" gives a *"+p.Cases[0].GoName+"). "+
		"An object without @odata.type, or whose @odata.type names no type derived from "+p.QualifiedName+" in this package, gives a *"+p.Base+
		"; the members it has no field for are kept in Extra. JSON null gives nil.").
		Func().Id(p.Unmarshal).Params(jen.Id("data").Index().Byte()).Params(jen.Id(p.Iface), jen.Error()).Block(
		jen.List(jen.Id("name"), jen.Id("null")).Op(":=").Id(localODataType).Call(jen.Id("data")),
		jen.If(jen.Id("null")).Block(jen.Return(jen.Nil(), jen.Nil())),
		jen.Var().Id("v").Id(p.Iface),
		jen.Switch(jen.Id(localDerivedIndex).Call(jen.Id("name"), jen.Id(p.Table))).Block(cases...),
		jen.If(jen.Err().Op(":=").Id("v").Assert(jen.Qual(jsonPath, "Unmarshaler")).Dot("UnmarshalJSON").Call(jen.Id("data")), jen.Err().Op("!=").Nil()).Block(
			jen.Return(jen.Nil(), jen.Err()),
		),
		jen.Return(jen.Id("v"), jen.Nil()),
	))

	f.Add(fixedDoc(p.Table + " are the qualified names of the types derived from " + p.QualifiedName + ", sorted: the cases of " + p.Unmarshal + ".").
		Var().Id(p.Table).Op("=").Index().String().Values(multiline(names)...))
	f.Comment("The marker methods of " + p.Iface + ".")
	f.Add(jen.Func().Params(jen.Op("*").Id(p.Base)).Id(p.Marker).Params().Block())
	for _, c := range p.Cases {
		f.Add(jen.Func().Params(jen.Op("*").Id(c.GoName)).Id(p.Marker).Params().Block())
	}
}

// emitHelpers writes odata.go: the unexported helpers that generated
// methods call.
func emitHelpers(f *jen.File, h *irHelpers) {
	if h.EnumMember != "" {
		f.Add(fixedDoc(localEnumMember+" is an entry of an enum's member table: a member's JSON name and its declared value.").
			Type().Id(localEnumMember).Struct(
			jen.Id("name").String(),
			jen.Id("value").Int64(),
		))
		f.Add(fixedDoc(localEnumValue+" returns the value of the member named s. It is not inlined into the Value methods: one copy of the loop keeps a package of many enums cheap to compile.").
			Comment("//").Line().Comment("//go:noinline").Line().
			Func().Id(localEnumValue).Params(jen.Id("s").String(), jen.Id("members").Index().Id(localEnumMember)).Params(jen.Int64(), jen.Bool()).Block(
			jen.For(jen.List(jen.Id("_"), jen.Id("m")).Op(":=").Range().Id("members")).Block(
				jen.If(jen.Id("m").Dot("name").Op("==").Id("s")).Block(jen.Return(jen.Id("m").Dot("value"), jen.True())),
			),
			jen.Return(jen.Lit(0), jen.False()),
		))
	}
	if h.FlagsValue != "" {
		f.Add(fixedDoc(localFlagsValue+" combines the values of the comma-separated members in s with bitwise OR; ok is false when one of them is not in members.").
			Comment("//").Line().Comment("//go:noinline").Line().
			Func().Id(localFlagsValue).Params(jen.Id("s").String(), jen.Id("members").Index().Id(localEnumMember)).Params(jen.Id("v").Int64(), jen.Id("ok").Bool()).Block(
			jen.For(jen.List(jen.Id("_"), jen.Id("n")).Op(":=").Range().Qual(edmPath, "SplitFlags").Call(jen.Id("s"))).Block(
				jen.List(jen.Id("mv"), jen.Id("known")).Op(":=").Id(localEnumValue).Call(jen.Id("n"), jen.Id("members")),
				jen.If(jen.Op("!").Id("known")).Block(jen.Return(jen.Lit(0), jen.False())),
				jen.Id("v").Op("|=").Id("mv"),
			),
			jen.Return(jen.Id("v"), jen.True()),
		))
	}
	if h.ODataType != "" {
		f.Add(fixedDoc(localODataType+" returns the type name that the @odata.type member of the JSON object data holds, without a leading \"#\" (\"\" when there is none), and whether data is JSON null.").
			Func().Id(localODataType).Params(jen.Id("data").Index().Byte()).Params(jen.Id("name").String(), jen.Id("null").Bool()).Block(
			jen.Var().Id("v").Op("*").Struct(
				jen.Id("Type").String().Tag(map[string]string{"json": "@odata.type"}),
			),
			jen.If(jen.Err().Op(":=").Qual(jsonPath, "Unmarshal").Call(jen.Id("data"), jen.Op("&").Id("v")), jen.Err().Op("!=").Nil().Op("||").Id("v").Op("==").Nil()).Block(
				jen.Return(jen.Lit(""), jen.Err().Op("==").Nil()),
			),
			jen.Return(jen.Qual("strings", "TrimPrefix").Call(jen.Id("v").Dot("Type"), jen.Lit("#")), jen.False()),
		))
	}
	if h.ODataType != "" {
		f.Add(fixedDoc(localDerivedIndex+" returns the index of name in the sorted names, or -1.").
			Func().Id(localDerivedIndex).Params(jen.Id("name").String(), jen.Id("names").Index().String()).Int().Block(
			jen.If(jen.List(jen.Id("i"), jen.Id("ok")).Op(":=").Qual("slices", "BinarySearch").Call(jen.Id("names"), jen.Id("name")), jen.Id("ok")).Block(
				jen.Return(jen.Id("i")),
			),
			jen.Return(jen.Lit(-1)),
		))
	}
	if h.UnmarshalSlice != "" {
		f.Add(fixedDoc(localUnmarshalSlice+" decodes a JSON array, each element with one. JSON null gives nil.").
			Func().Id(localUnmarshalSlice).Types(jen.Id("T").Any()).Params(
			jen.Id("data").Index().Byte(),
			jen.Id("one").Func().Params(jen.Index().Byte()).Params(jen.Id("T"), jen.Error()),
		).Params(jen.Index().Id("T"), jen.Error()).Block(
			jen.Var().Id("raws").Index().Qual(jsonPath, "RawMessage"),
			jen.If(jen.Err().Op(":=").Qual(jsonPath, "Unmarshal").Call(jen.Id("data"), jen.Op("&").Id("raws")), jen.Err().Op("!=").Nil().Op("||").Id("raws").Op("==").Nil()).Block(
				jen.Return(jen.Nil(), jen.Err()),
			),
			jen.Id("out").Op(":=").Make(jen.Index().Id("T"), jen.Len(jen.Id("raws"))),
			jen.For(jen.List(jen.Id("i"), jen.Id("raw")).Op(":=").Range().Id("raws")).Block(
				jen.List(jen.Id("v"), jen.Err()).Op(":=").Id("one").Call(jen.Id("raw")),
				jen.If(jen.Err().Op("!=").Nil()).Block(
					jen.Return(jen.Nil(), jen.Qual("fmt", "Errorf").Call(jen.Lit("element %d: %w"), jen.Id("i"), jen.Err())),
				),
				jen.Id("out").Index(jen.Id("i")).Op("=").Id("v"),
			),
			jen.Return(jen.Id("out"), jen.Nil()),
		))
	}
}
