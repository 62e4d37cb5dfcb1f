package generator

import (
	"github.com/dave/jennifer/jen"
)

// emitPolyFile writes polymorphic.go: per polymorphic type, its
// interface, its decode function and the marker methods of its structs;
// then the table by which edm decodes the fields that hold the interfaces,
// and the init function that registers it.
func emitPolyFile(f *jen.File, pf *irPolyFile) {
	for _, p := range pf.Polys {
		emitPoly(f, p)
	}
	// The table is static data: nil pointers converted to interfaces and
	// strings in composite literals, which the compiler lays out without
	// code, where a function or a generic instantiation per type would
	// each be compiled.
	entries := make([]jen.Code, len(pf.Polys))
	for i, p := range pf.Polys {
		derived := make([]jen.Code, len(p.Cases))
		for j, c := range p.Cases {
			derived[j] = jen.Values(jen.Id("Name").Op(":").Lit(c.QualifiedName), jen.Id("Type").Op(":").Add(nilPointer(c.GoName)))
		}
		entries[i] = jen.Values(multiline([]jen.Code{
			jen.Id("Interface").Op(":").Add(nilPointer(p.Iface)),
			jen.Id("Base").Op(":").Add(nilPointer(p.Base)),
			jen.Id("Derived").Op(":").Index().Qual(edmPath, "DerivedType").Values(multiline(derived)...),
		})...)
	}
	f.Add(fixedDoc(pf.Table+" is the table by which edm decodes a field that holds one of the interfaces above: per interface, the struct of its type and those of the types derived from it, by qualified name (sorted). An object's @odata.type picks the struct.").
		Var().Id(pf.Table).Op("=").Index().Qual(edmPath, "Polymorphic").Values(multiline(entries)...))
	f.Add(jen.Func().Id("init").Params().Block(
		jen.Qual(edmPath, "RegisterPolymorphic").Call(jen.Id(pf.Table)),
	))
}

// nilPointer is (*name)(nil).
func nilPointer(name string) *jen.Statement {
	return jen.Parens(jen.Op("*").Id(name)).Call(jen.Nil())
}

// emitPoly writes the declarations of one polymorphic type: its sealed
// interface, its Unmarshal function (a call of edm.UnmarshalPolymorphic,
// which finds the struct in the package's table), and the marker methods
// of the base and derived structs. It relies on p.Cases being sorted by
// qualified name and non-empty.
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

	f.Add(fixedDoc(p.Unmarshal+" decodes a JSON object of "+p.QualifiedName+" or of a type derived from it into the struct its @odata.type names, "+
		"with or without the leading \"#\" (\"#"+p.Cases[0].QualifiedName+"\" gives a *"+p.Cases[0].GoName+"). "+
		"An object without @odata.type, or whose @odata.type names no type derived from "+p.QualifiedName+" in this package, gives a *"+p.Base+
		"; the members it has no field for are kept in Extra. JSON null gives nil.").
		Func().Id(p.Unmarshal).Params(jen.Id("data").Index().Byte()).Params(jen.Id(p.Iface), jen.Error()).Block(
		jen.List(jen.Id("v"), jen.Err()).Op(":=").Qual(edmPath, "UnmarshalPolymorphic").Call(jen.Id("data"), nilPointer(p.Iface)),
		jen.List(jen.Id("x"), jen.Id("_")).Op(":=").Id("v").Assert(jen.Id(p.Iface)),
		jen.Return(jen.Id("x"), jen.Err()),
	))

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
	if h.IsKnown != "" {
		emitEnumFuncs(f, h)
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
}

// emitEnumFuncs writes the table of the package's enums (a typed nil
// pointer of each type and the address of its member table: static data),
// its index by reflect type, built on first use, and the generic functions
// EnumValue and IsKnown over it.
func emitEnumFuncs(f *jen.File, h *irHelpers) {
	flags := false
	rows := make([]jen.Code, len(h.Enums))
	for i, e := range h.Enums {
		rows[i] = jen.Values(jen.Parens(jen.Op("*").Id(e.Name)).Call(jen.Nil()), jen.Op("&").Id(e.Table), jen.Lit(e.Flags))
		flags = flags || e.Flags
	}
	f.Add(fixedDoc(localEnumTable+" is an entry of "+localEnumTables+": an enum type (as a typed nil pointer), its member table, and whether it is a flags enum.").
		Type().Id(localEnumTable).Struct(
		jen.Id("t").Any(),
		jen.Id("members").Op("*").Index().Id(localEnumMember),
		jen.Id("flags").Bool(),
	))
	f.Add(fixedDoc(localEnumTables + " lists the enum types of this package with their member tables: static data, which " + localEnumIndex + " indexes by type on first use.").
		Var().Id(localEnumTables).Op("=").Index().Id(localEnumTable).Values(multiline(rows)...))
	f.Add(fixedDoc(localEnumIndex+" returns the entries of "+localEnumTables+" by enum type.").
		Var().Id(localEnumIndex).Op("=").Qual("sync", "OnceValue").Call(jen.Func().Params().Map(jen.Qual("reflect", "Type")).Op("*").Id(localEnumTable).Block(
		jen.Id("m").Op(":=").Make(jen.Map(jen.Qual("reflect", "Type")).Op("*").Id(localEnumTable), jen.Len(jen.Id(localEnumTables))),
		jen.For(jen.Id("i").Op(":=").Range().Id(localEnumTables)).Block(
			jen.Id("m").Index(jen.Qual("reflect", "TypeOf").Call(jen.Id(localEnumTables).Index(jen.Id("i")).Dot("t")).Dot("Elem").Call()).Op("=").Op("&").Id(localEnumTables).Index(jen.Id("i")),
		),
		jen.Return(jen.Id("m")),
	)))
	lookup := []jen.Code{
		jen.Id("t").Op(":=").Id(localEnumIndex).Call().Index(jen.Qual("reflect", "TypeFor").Types(jen.Id("E")).Call()),
		jen.If(jen.Id("t").Op("==").Nil()).Block(jen.Return(jen.Lit(0), jen.False())),
	}
	if flags {
		lookup = append(lookup, jen.If(jen.Id("t").Dot("flags")).Block(
			jen.Return(jen.Id(localFlagsValue).Call(jen.String().Call(jen.Id("e")), jen.Op("*").Id("t").Dot("members"))),
		))
	}
	lookup = append(lookup, jen.Return(jen.Id(localEnumValue).Call(jen.String().Call(jen.Id("e")), jen.Op("*").Id("t").Dot("members"))))
	f.Add(fixedDoc(h.EnumValueFunc+" returns the numeric value that the enum type E declares for e (for a flags enum, the values of the members e holds combined with bitwise OR); ok is false when e is not a declared member (a value this package does not know, decoded as it came), and when E is not an enum type of this package.").
		Func().Id(h.EnumValueFunc).Types(jen.Id("E").Op("~").String()).Params(jen.Id("e").Id("E")).Params(jen.Id("v").Int64(), jen.Id("ok").Bool()).Block(lookup...))
	f.Add(fixedDoc(h.IsKnown+" reports whether e is a member that the enum type E declares (for a flags enum, whether every member e holds is); a value decoded from a newer service may not be. It is false when E is not an enum type of this package.").
		Func().Id(h.IsKnown).Types(jen.Id("E").Op("~").String()).Params(jen.Id("e").Id("E")).Bool().Block(
		jen.List(jen.Id("_"), jen.Id("ok")).Op(":=").Id(h.EnumValueFunc).Call(jen.Id("e")),
		jen.Return(jen.Id("ok")),
	))
}
