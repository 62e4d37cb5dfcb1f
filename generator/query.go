package generator

import (
	"cmp"
	"reflect"
	"slices"
	"strings"

	"github.com/dave/jennifer/jen"

	"github.com/odatagen/odatagen/spec"
	"github.com/odatagen/odatagen/validate/query"
)

// queryPath is the import path of the query runtime.
const queryPath = "github.com/odatagen/odatagen/validate/query"

// irQueryFile is the declaration group of query.go: the query capability
// model of validate/query as static data, the check functions and the
// typed $select, $orderby and $expand builders (validate/query build.go).
type irQueryFile struct {
	ModelVar   string // QueryModel
	CheckQuery string // CheckQuery
	FilterVar  string // FilterModel, the Types of the model
	// SetsVar, PropsVar and ResourcesVar are the unexported tables.
	SetsVar, PropsVar, ResourcesVar string
	Model                           *query.Model
	Types                           []*irQueryType // sorted by Go name
	Sets                            []*irQuerySet  // sorted by name
}

// irQueryType is the check function and the builders of one entity type.
type irQueryType struct {
	QualifiedName, GoName string
	CheckFunc             string // Check<Type>Query; "" when Compact
	// SelectVar, OrderByVar and ExpandVar are "" when the type has no
	// field for them.
	SelectVar, OrderByVar, ExpandVar string
	Select, OrderBy, Expand          []irQueryField
	Sets                             []string // the entity sets of the type, whose restrictions the builders obey
}

// irQueryField is a field of a builder: its Go name, its query package
// type (Selectable, Sortable, ...) and the property path.
type irQueryField struct{ Name, Kind, Path string }

// irQuerySet is the check function of an entity set or singleton.
type irQuerySet struct{ Name, Type, Func string }

func (*irQueryFile) declName() string { return "" }

// buildQuery adds query.go to pkg. The builders follow the rules of
// validate/query build.go: a structural property is Selectable unless the
// docs say it cannot be selected (navigation properties are left to
// $expand); a primitive single-valued property is Sortable, AscendingOnly
// or DescendingOnly unless a restriction forbids it; a navigation property
// is Expandable (ExpandableSingle when single-valued) unless a restriction
// forbids it. The restrictions are the union over the entity sets and
// singletons of the type (the most restrictive): a property ascending-only
// on one set and descending-only on another gets no $orderby field, and a
// set that does not support an option at all removes that builder. The
// checks and builders are per entity type; Options.Compact keeps the
// builders (fields are data) and leaves out the per-type and per-set check
// functions.
func (b *builder) buildQuery(pkg *irPackage) {
	var filterVar string
	for _, f := range pkg.Files {
		for _, d := range f.Decls {
			if ff, ok := d.(*irFilterFile); ok {
				filterVar = ff.ModelVar
			}
		}
	}
	qm := &query.Model{EntitySets: map[string]*query.EntitySet{}, Resources: map[string]*query.Capabilities{}}
	if full, err := QueryModel(b.spec); err == nil {
		for n, es := range full.EntitySets {
			if b.selected[es.Type] {
				qm.EntitySets[n] = es
			}
		}
		for _, es := range qm.EntitySets { // bindings to sets left out go too
			kept := *es
			kept.Bindings = slices.DeleteFunc(slices.Clone(es.Bindings), func(b query.Binding) bool { return qm.EntitySets[b.Target] == nil })
			qm.EntitySets[es.Name] = &kept
		}
		for k, c := range full.Resources {
			if k == "" || qm.EntitySets[strings.SplitN(k, "/", 2)[0]] != nil || b.selected[strings.SplitN(k, "/", 2)[0]] {
				qm.Resources[k] = c
			}
		}
		for k, p := range full.Properties {
			if b.selected[p.Type] {
				if qm.Properties == nil {
					qm.Properties = map[string]*query.Property{}
				}
				qm.Properties[k] = p
			}
		}
	}
	qf := &irQueryFile{Model: qm, FilterVar: filterVar}
	qf.ModelVar = b.claimName("QueryModel", "the query capability model")
	qf.CheckQuery = b.claimName("CheckQuery", "the query check function")
	qf.SetsVar, _ = b.local.claim("the entity set table", "queryEntitySets")
	qf.PropsVar, _ = b.local.claim("the query property table", "queryProperties")
	qf.ResourcesVar, _ = b.local.claim("the query capability table", "queryResources")
	setsOf := map[string][]string{}
	for _, n := range slices.Sorted(mapKeys(qm.EntitySets)) {
		setsOf[qm.EntitySets[n].Type] = append(setsOf[qm.EntitySets[n].Type], n)
	}
	types := slices.Clone(b.types)
	slices.SortFunc(types, func(x, y *spec.Type) int {
		return cmp.Compare(b.structs[x.QualifiedName()].Name, b.structs[y.QualifiedName()].Name)
	})
	for _, t := range types {
		if t.Kind != spec.EntityKind {
			continue
		}
		q := t.QualifiedName()
		st := b.structs[q]
		qt := &irQueryType{QualifiedName: q, GoName: st.Name, Sets: setsOf[q]}
		if !b.opts.Compact {
			qt.CheckFunc = b.claimName("Check"+st.Name+"Query", "the query check of "+q)
		}
		b.queryFields(qm, qt, st)
		if len(qt.Select) > 0 {
			qt.SelectVar = b.claimName(st.Name+"Select", "the $select builder of "+q)
		}
		if len(qt.OrderBy) > 0 {
			qt.OrderByVar = b.claimName(st.Name+"OrderBy", "the $orderby builder of "+q)
		}
		if len(qt.Expand) > 0 {
			qt.ExpandVar = b.claimName(st.Name+"Expand", "the $expand builder of "+q)
		}
		qf.Types = append(qf.Types, qt)
	}
	if !b.opts.Compact {
		for _, n := range slices.Sorted(mapKeys(qm.EntitySets)) {
			es := qm.EntitySets[n]
			qf.Sets = append(qf.Sets, &irQuerySet{Name: n, Type: es.Type,
				Func: b.claimName("Check"+goName(n)+"Query", "the query check of the entity set "+n, "Check"+goName(n)+"SetQuery")})
		}
	}
	pkg.Files = append(pkg.Files, &irFile{Name: "query.go", Decls: []irDecl{qf}})
	slices.SortFunc(pkg.Files, func(x, y *irFile) int { return strings.Compare(x.Name, y.Name) })
}

func mapKeys[V any](m map[string]V) func(func(string) bool) {
	return func(yield func(string) bool) {
		for k := range m {
			if !yield(k) {
				return
			}
		}
	}
}

// restrictions is the union of the restrictions of a type's sets.
type restrictions struct {
	noSelect, noSort, noExpand    bool
	nonSort, asc, desc, nonExpand map[string]bool
}

// effective returns the term t of resource key or the container default.
func effective[T any](qm *query.Model, key string, get func(*query.Capabilities) *T) *T {
	for _, k := range []string{key, ""} {
		if c := qm.Resources[k]; c != nil {
			if v := get(c); v != nil {
				return v
			}
		}
	}
	return nil
}

// propName returns the property a restriction path names on type q, or
// "" when it is a deeper path or a cast to another type.
func propName(path, q string) string {
	if strings.HasPrefix(path, q+"/") {
		path = path[len(q)+1:]
	}
	if strings.Contains(path, "/") {
		return ""
	}
	return path
}

func (b *builder) restrictionsOf(qm *query.Model, qt *irQueryType) restrictions {
	r := restrictions{nonSort: map[string]bool{}, asc: map[string]bool{}, desc: map[string]bool{}, nonExpand: map[string]bool{}}
	keys := qt.Sets
	if len(keys) == 0 {
		keys = []string{"\x00"} // no set: only the container's defaults
	}
	for _, k := range keys {
		if s := effective(qm, k, func(c *query.Capabilities) *query.SelectSupport { return c.Select }); s != nil && s.Supported == query.False {
			r.noSelect = true
		}
		if s := effective(qm, k, func(c *query.Capabilities) *query.SortRestrictions { return c.Sort }); s != nil {
			if s.Sortable == query.False {
				r.noSort = true
			}
			for _, p := range s.NonSortableProperties {
				r.nonSort[propName(p, qt.QualifiedName)] = true
			}
			for _, p := range s.AscendingOnlyProperties {
				r.asc[propName(p, qt.QualifiedName)] = true
			}
			for _, p := range s.DescendingOnlyProperties {
				r.desc[propName(p, qt.QualifiedName)] = true
			}
		}
		if e := effective(qm, k, func(c *query.Capabilities) *query.ExpandRestrictions { return c.Expand }); e != nil {
			if e.Expandable == query.False {
				r.noExpand = true
			}
			for _, p := range e.NonExpandableProperties {
				r.nonExpand[propName(p, qt.QualifiedName)] = true
			}
		}
	}
	return r
}

// queryFields fills the builder fields of qt from the struct's fields.
func (b *builder) queryFields(qm *query.Model, qt *irQueryType, st *irStruct) {
	r := b.restrictionsOf(qm, qt)
	fact := func(fd *irField) *query.Property {
		if p := qm.Properties[qt.QualifiedName+"/"+fd.JSONName]; p != nil {
			return p
		}
		return qm.Properties[fd.DeclaredBy+"/"+fd.JSONName]
	}
	for _, fd := range st.Fields {
		p := fd.Prop
		if p == nil {
			continue
		}
		f := fact(fd)
		if fd.Navigation {
			if r.noExpand || r.nonExpand[fd.JSONName] || (f != nil && f.Expand == query.False) {
				continue
			}
			kind := "ExpandableSingle"
			if p.Type.Collection {
				kind = "Expandable"
			}
			qt.Expand = append(qt.Expand, irQueryField{fd.Name, kind, fd.JSONName})
			continue
		}
		if !r.noSelect && (f == nil || f.Select != query.False) {
			qt.Select = append(qt.Select, irQueryField{fd.Name, "Selectable", fd.JSONName})
		}
		if r.noSort || r.nonSort[fd.JSONName] || p.Type.Collection || b.ix.Type(p.Type.Name) != nil || (f != nil && f.Sort == query.False) {
			continue
		}
		if strings.HasPrefix(p.Type.Name, "Edm.") && !sortableEdm(p.Type.Name) {
			continue
		}
		asc, desc := r.asc[fd.JSONName], r.desc[fd.JSONName]
		switch {
		case asc && desc:
			continue
		case asc:
			qt.OrderBy = append(qt.OrderBy, irQueryField{fd.Name, "AscendingOnly", fd.JSONName})
		case desc:
			qt.OrderBy = append(qt.OrderBy, irQueryField{fd.Name, "DescendingOnly", fd.JSONName})
		default:
			qt.OrderBy = append(qt.OrderBy, irQueryField{fd.Name, "Sortable", fd.JSONName})
		}
	}
}

// sortableEdm reports whether values of an Edm type can be compared:
// streams, untyped values, geography and geometry cannot.
func sortableEdm(name string) bool {
	switch {
	case name == "Edm.Stream", name == "Edm.Untyped",
		strings.HasPrefix(name, "Edm.Geography"), strings.HasPrefix(name, "Edm.Geometry"):
		return false
	}
	return true
}

// emitQueryFile writes query.go.
func emitQueryFile(f *jen.File, qf *irQueryFile) {
	f.ImportName(queryPath, "query")
	m := qf.Model
	var sets, props, res []jen.Code
	for _, n := range slices.Sorted(mapKeys(m.EntitySets)) {
		sets = append(sets, literal(reflect.ValueOf(m.EntitySets[n]), true))
	}
	for _, k := range slices.Sorted(mapKeys(m.Properties)) {
		props = append(props, literal(reflect.ValueOf(m.Properties[k]), true))
	}
	for _, k := range slices.Sorted(mapKeys(m.Resources)) {
		fields := structFields(reflect.ValueOf(m.Resources[k]).Elem())
		d := jen.Dict{jen.Id("Path"): jen.Lit(k)}
		if len(fields) > 0 {
			d[jen.Id("Capabilities")] = jen.Qual(queryPath, "Capabilities").Values(fields)
		}
		res = append(res, jen.Values(d))
	}
	f.Add(fixedDoc(qf.ModelVar+" is the query capability model of this package: the entity sets and singletons, the Capabilities vocabulary restrictions of each resource and the per-property facts, over "+qf.FilterVar+". "+qf.CheckQuery+" checks whole query strings against it.").
		Var().Id(qf.ModelVar).Op("=").Qual(queryPath, "NewModel").Call(jen.Id(qf.FilterVar), jen.Id(qf.SetsVar), jen.Id(qf.PropsVar), jen.Id(qf.ResourcesVar)))
	f.Add(fixedDoc(qf.SetsVar+", "+qf.PropsVar+" and "+qf.ResourcesVar+" are the data of "+qf.ModelVar+": package-level composite literals, static data that cost no code and no init work.").
		Var().Defs(
		jen.Id(qf.SetsVar).Op("=").Index().Op("*").Qual(queryPath, "EntitySet").Values(multiline(sets)...),
		jen.Id(qf.PropsVar).Op("=").Index().Op("*").Qual(queryPath, "Property").Values(multiline(props)...),
		jen.Id(qf.ResourcesVar).Op("=").Index().Op("*").Qual(queryPath, "Resource").Values(multiline(res)...),
	))
	f.Add(fixedDoc(qf.CheckQuery+" checks a query string (\"$select=a,b&$top=5\", encoded or not) against T, an entity type of this package, with the capabilities stated on the type: its syntax, the properties it names and the options each supports. The error is a *query.Error that prints the query with a caret under the problem, or an error when T is not a type of this package.").
		Func().Id(qf.CheckQuery).Types(jen.Id("T").Any()).Params(jen.Id("rawQuery").String()).Error().Block(
		jen.List(jen.Id("name"), jen.Err()).Op(":=").Id(localODataTypes).Dot("Lookup").Call(jen.Qual("reflect", "TypeFor").Types(jen.Id("T")).Call()),
		jen.If(jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Err())),
		jen.List(jen.Id("_"), jen.Err()).Op("=").Qual(queryPath, "CheckType").Call(jen.Id(qf.ModelVar), jen.Id("name"), jen.Id("rawQuery")),
		jen.Return(jen.Err()),
	))
	setVars := make([]funcVar, len(qf.Sets))
	for i, s := range qf.Sets {
		setVars[i] = funcVar{s.Func, s.Func + " checks a query string against the entity set or singleton " + s.Name + " (" + s.Type + ") and its capabilities. The error is a *query.Error with a caret under the problem.", s.Name}
	}
	var types []funcVar
	for _, t := range qf.Types {
		if t.CheckFunc != "" {
			types = append(types, funcVar{t.CheckFunc, t.CheckFunc + " checks a query string against " + t.QualifiedName + ": it is " + qf.CheckQuery + "[" + t.GoName + "].", t.QualifiedName})
		}
	}
	check := func(fn string) jen.Code {
		return jen.List(jen.Id("_"), jen.Err()).Op(":=").Qual(queryPath, fn).Call(jen.Id(qf.ModelVar), jen.Id("name"), jen.Id("rawQuery")).Line().Return(jen.Err())
	}
	emitFuncVars(f, "CheckSetQuery", jen.Qual(queryPath, "CheckFunc"), jen.Func().Params(jen.Id("rawQuery").String()).Error(), check("Check"), setVars)
	emitFuncVars(f, "CheckQuery", jen.Qual(queryPath, "CheckFunc"), jen.Func().Params(jen.Id("rawQuery").String()).Error(), check("CheckType"), types)
	for _, t := range qf.Types {
		on := " of " + t.QualifiedName
		if len(t.Sets) > 0 {
			on += " on " + strings.Join(t.Sets, ", ")
		}
		emitBuilderVar(f, t.SelectVar, t.SelectVar+" lists the properties"+on+" that $select may name.", t.Select)
		emitBuilderVar(f, t.OrderByVar, t.OrderByVar+" lists the properties"+on+" that $orderby may sort by; an AscendingOnly property has no Desc, a DescendingOnly one only Desc.", t.OrderBy)
		emitBuilderVar(f, t.ExpandVar, t.ExpandVar+" lists the navigation properties"+on+" that $expand may name.", t.Expand)
	}
}

// emitBuilderVar writes a builder variable: an anonymous struct with one
// field per property, of a validate/query builder type, holding its path,
// after a query.NotComparable field.
func emitBuilderVar(f *jen.File, name, doc string, fields []irQueryField) {
	if name == "" {
		return
	}
	decl := []jen.Code{jen.Id("_").Qual(queryPath, "NotComparable")}
	vals := []jen.Code{jen.Qual(queryPath, "NotComparable").Values()}
	for _, fd := range fields {
		decl = append(decl, jen.Id(fd.Name).Qual(queryPath, fd.Kind))
		vals = append(vals, jen.Lit(fd.Path))
	}
	f.Add(fixedDoc(doc).Var().Id(name).Op("=").Struct(decl...).Values(multiline(vals)...))
}

// literal writes a value of the query package's model types as a Go
// composite literal, leaving zero fields out. Bool values are written as
// the query constants.
func literal(v reflect.Value, inSlice bool) jen.Code {
	switch v.Kind() {
	case reflect.Pointer:
		if v.IsNil() {
			return jen.Nil()
		}
		if inSlice {
			return jen.Values(structFields(v.Elem()))
		}
		return jen.Op("&").Qual(queryPath, v.Elem().Type().Name()).Values(structFields(v.Elem()))
	case reflect.Struct:
		if inSlice {
			return jen.Values(structFields(v))
		}
		return jen.Qual(queryPath, v.Type().Name()).Values(structFields(v))
	case reflect.Slice:
		var items []jen.Code
		for i := range v.Len() {
			items = append(items, literal(v.Index(i), true))
		}
		elem := v.Type().Elem()
		var et jen.Code
		switch {
		case elem.Kind() == reflect.Pointer:
			et = jen.Op("*").Qual(queryPath, elem.Elem().Name())
		case elem.PkgPath() == queryPath:
			et = jen.Qual(queryPath, elem.Name())
		default:
			et = jen.Id(elem.Name())
		}
		return jen.Index().Add(et).Values(items...)
	}
	if v.Type() == reflect.TypeFor[query.Bool]() {
		switch v.Interface().(query.Bool) {
		case query.True:
			return jen.Qual(queryPath, "True")
		case query.False:
			return jen.Qual(queryPath, "False")
		}
		return jen.Qual(queryPath, "Default")
	}
	if v.Type().PkgPath() == queryPath && v.Type().Name() != "" {
		var lit jen.Code
		switch {
		case v.Kind() == reflect.String:
			lit = jen.Lit(v.String())
		case v.CanUint():
			lit = jen.Lit(int(v.Uint()))
		default:
			lit = jen.Lit(int(v.Int()))
		}
		return jen.Qual(queryPath, v.Type().Name()).Call(lit)
	}
	switch v.Kind() {
	case reflect.String:
		return jen.Lit(v.String())
	case reflect.Bool:
		return jen.Lit(v.Bool())
	case reflect.Int:
		return jen.Lit(int(v.Int()))
	}
	return jen.Lit(v.Interface())
}

// structFields returns the non-zero fields of a struct value as a Dict.
func structFields(v reflect.Value) jen.Dict {
	d := jen.Dict{}
	for i := range v.NumField() {
		fv := v.Field(i)
		if fv.IsZero() || !v.Type().Field(i).IsExported() {
			continue
		}
		d[jen.Id(v.Type().Field(i).Name)] = literal(fv, false)
	}
	return d
}
