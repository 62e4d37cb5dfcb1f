package generator

import (
	"github.com/dave/jennifer/jen"

	"github.com/odatagen/odatagen/validate"
)

// This file writes a validate.Plan as Go source: the validation tables of a
// generated package, which its Validate functions run. The plan is the one
// the command line builds in memory (modelPlan on the same model), so a
// generated package and `odatagen validate` run the same tables through the
// same code.
//
// Why static data and not generated code per type: a package-level
// composite literal of constants is laid out by the linker, costs no code
// and no init work, and compiles in time linear in its size with a small
// constant; a validation function per type would be thousands of
// functions for a whole service, each costing about as much to compile as
// its struct (measured on Graph v1.0 with scripts/buildcost.sh; see the
// README's figures). Writing only the non-zero fields keeps the literal
// small: most properties are a name and a kind.

// Names of validate's constants, by value.
var (
	kindConsts = [...]string{
		validate.KindAny: "KindAny", validate.KindString: "KindString", validate.KindBoolean: "KindBoolean",
		validate.KindByte: "KindByte", validate.KindSByte: "KindSByte", validate.KindInt16: "KindInt16",
		validate.KindInt32: "KindInt32", validate.KindInt64: "KindInt64", validate.KindSingle: "KindSingle",
		validate.KindDouble: "KindDouble", validate.KindDecimal: "KindDecimal",
		validate.KindDateTimeOffset: "KindDateTimeOffset", validate.KindDate: "KindDate",
		validate.KindTimeOfDay: "KindTimeOfDay", validate.KindDuration: "KindDuration", validate.KindGuid: "KindGuid",
		validate.KindBinary: "KindBinary", validate.KindEnum: "KindEnum", validate.KindComplex: "KindComplex",
		validate.KindEntity: "KindEntity", validate.KindNavigation: "KindNavigation",
	}
	accessConsts = [...]string{
		validate.AccessAllowed: "AccessAllowed", validate.AccessRequired: "AccessRequired",
		validate.AccessReadOnly: "AccessReadOnly", validate.AccessImmutable: "AccessImmutable",
		validate.AccessNotInBody: "AccessNotInBody", validate.AccessAbsent: "AccessAbsent",
	}
)

// encodedPlanMinTypes is the size from which a plan is written encoded
// (validate.EncodePlan, in Plan.Encoded) rather than as a composite
// literal: a whole service's plan as a literal is a third of its
// package's lines and a fifth of its compile time (Microsoft Graph v1.0:
// 167,000 lines, 2.4 s of a 11.8 s compile), as a string constant almost
// nothing, and it decodes in about 10 ms on first use. Smaller plans stay
// literals, which a reader (and a golden file's reviewer) can read.
const encodedPlanMinTypes = 200

// planLit renders p as a *validate.Plan composite literal, encoded when it
// has encodedPlanMinTypes types or more.
func planLit(p *validate.Plan) jen.Code {
	if len(p.Types) >= encodedPlanMinTypes {
		if enc, err := validate.EncodePlan(p.Types, p.Enums); err == nil {
			return jen.Op("&").Qual(validatePath, "Plan").Values(jen.Dict{jen.Id("Encoded"): jen.Lit(enc)})
		}
	}
	types := make([]jen.Code, len(p.Types))
	for i := range p.Types {
		types[i] = planTypeLit(&p.Types[i])
	}
	enums := make([]jen.Code, len(p.Enums))
	for i, e := range p.Enums {
		d := jen.Dict{jen.Id("Name"): jen.Lit(e.Name)}
		if e.Flags {
			d[jen.Id("Flags")] = jen.True()
		}
		if len(e.Members) > 0 {
			d[jen.Id("Members")] = stringsLit(e.Members)
		}
		enums[i] = jen.Values(d)
	}
	d := jen.Dict{}
	if len(types) > 0 {
		d[jen.Id("Types")] = jen.Index().Qual(validatePath, "PlanType").Values(multiline(types)...)
	}
	if len(enums) > 0 {
		d[jen.Id("Enums")] = jen.Index().Qual(validatePath, "PlanEnum").Values(multiline(enums)...)
	}
	return jen.Op("&").Qual(validatePath, "Plan").Values(d)
}

func planTypeLit(t *validate.PlanType) jen.Code {
	d := jen.Dict{jen.Id("Name"): jen.Lit(t.Name)}
	if t.Open {
		d[jen.Id("Open")] = jen.True()
	}
	if t.AnyJSON {
		d[jen.Id("AnyJSON")] = jen.True()
	}
	if t.CreateOperation != "" {
		d[jen.Id("CreateOperation")] = jen.Lit(t.CreateOperation)
	}
	if t.UpdateOperation != "" {
		d[jen.Id("UpdateOperation")] = jen.Lit(t.UpdateOperation)
	}
	if len(t.Derived) > 0 {
		ids := make([]jen.Code, len(t.Derived))
		for i, x := range t.Derived {
			ids[i] = jen.Lit(x)
		}
		d[jen.Id("Derived")] = jen.Index().Int().Values(ids...)
	}
	if len(t.Props) > 0 {
		props := make([]jen.Code, len(t.Props))
		for i := range t.Props {
			props[i] = planPropLit(&t.Props[i])
		}
		d[jen.Id("Props")] = jen.Index().Qual(validatePath, "PlanProp").Values(multiline(props)...)
	}
	return jen.Values(d)
}

func planPropLit(p *validate.PlanProp) jen.Code {
	d := jen.Dict{jen.Id("Name"): jen.Lit(p.Name)}
	v := p.Value
	vd := jen.Dict{}
	if v.Kind != validate.KindAny {
		vd[jen.Id("Kind")] = jen.Qual(validatePath, kindConsts[v.Kind])
	}
	if v.Collection {
		vd[jen.Id("Collection")] = jen.True()
	}
	if v.Nullable {
		vd[jen.Id("Nullable")] = jen.True()
	}
	if v.MaxLength != 0 {
		vd[jen.Id("MaxLength")] = jen.Lit(v.MaxLength)
	}
	if v.Type != 0 {
		vd[jen.Id("Type")] = jen.Lit(v.Type)
	}
	if v.Enum != 0 {
		vd[jen.Id("Enum")] = jen.Lit(v.Enum)
	}
	if v.Name != "" {
		vd[jen.Id("Name")] = jen.Lit(v.Name)
	}
	if v.CollectionName != "" {
		vd[jen.Id("CollectionName")] = jen.Lit(v.CollectionName)
	}
	if len(vd) > 0 {
		d[jen.Id("Value")] = jen.Qual(validatePath, "PlanValue").Values(vd)
	}
	for _, m := range []struct {
		name string
		a    validate.PropAccess
	}{{"Read", p.Read}, {"Create", p.Create}, {"Update", p.Update}} {
		if m.a != validate.AccessAllowed {
			d[jen.Id(m.name)] = jen.Qual(validatePath, accessConsts[m.a])
		}
	}
	return jen.Values(d)
}
