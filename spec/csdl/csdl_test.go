package csdl

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/odatagen/odatagen/spec"
)

// readFixture reads spec/testdata/csdl/name with Read.
func readFixture(t *testing.T, name string) (*spec.Spec, []spec.Warning, []byte) {
	t.Helper()
	src, err := os.ReadFile(filepath.Join("testdata", "csdl", name))
	if err != nil {
		t.Fatal(err)
	}
	s, warns, err := Read(name, src)
	if err != nil {
		t.Fatalf("Read(%s): %v", name, err)
	}
	return s, warns, src
}

// posOf returns the 1-based line and byte column at which needle first
// occurs in src, computed independently of Read.
func posOf(t *testing.T, src []byte, needle string) (line, col int) {
	t.Helper()
	i := bytes.Index(src, []byte(needle))
	if i < 0 {
		t.Fatalf("fixture has no %q", needle)
	}
	line = bytes.Count(src[:i], []byte{'\n'}) + 1
	col = i - (bytes.LastIndexByte(src[:i], '\n') + 1) + 1
	return line, col
}

func mustType(t *testing.T, ix *spec.Index, q string) *spec.StructuredType {
	t.Helper()
	ty := ix.Type(q)
	if ty == nil {
		t.Fatalf("no type %s", q)
	}
	return ty
}

func mustProp(t *testing.T, ty *spec.StructuredType, name string) *spec.Property {
	t.Helper()
	p := ty.Property(name)
	if p == nil {
		t.Fatalf("%s has no property %s", ty.QualifiedName(), name)
	}
	return p
}

func names[T any](xs []T, name func(T) string) []string {
	out := make([]string, len(xs))
	for i, x := range xs {
		out[i] = name(x)
	}
	return out
}

func TestReadLibrary(t *testing.T) {
	s, warns, src := readFixture(t, "library.xml")
	ix := spec.NewIndex(s)
	const core, places = "example.library.core", "example.library.places"

	if got, want := names(s.Types, (*spec.StructuredType).QualifiedName), []string{
		core + ".item", core + ".book", core + ".audiobook", core + ".person", core + ".loan",
		places + ".address", places + ".geoAddress",
	}; !slices.Equal(got, want) {
		t.Errorf("types = %v, want %v", got, want)
	}

	item := mustType(t, ix, core+".item")
	book := mustType(t, ix, core+".book")
	audio := mustType(t, ix, core+".audiobook")
	addr := mustType(t, ix, places+".address")
	geo := mustType(t, ix, places+".geoAddress")

	line, col := posOf(t, src, `<EntityType Name="item"`)
	actLine, actCol := posOf(t, src, "<Action ")
	nf := func(p *spec.Property) *spec.FilterSupport { return p.Filter }

	tests := []struct {
		name string
		got  any
		want any
	}{
		{"item kind", item.Kind, spec.EntityKind},
		{"item abstract", item.Abstract, true},
		{"item key", item.Key, []string{"id"}},
		{"item pos", item.Pos, spec.Pos{File: "library.xml", Line: line, Col: col}},
		{"book base (alias resolved)", book.BaseType, core + ".item"},
		{"book open", book.Open, true},
		{"book key inherited", len(book.Key), 0},
		{"audiobook base", audio.BaseType, core + ".book"},
		{"address kind", addr.Kind, spec.ComplexKind},
		{"geoAddress base across schemas", geo.BaseType, places + ".address"},
		{"geoAddress open", geo.Open, true},
		{"item properties", names(item.Properties, func(p *spec.Property) string { return p.Name }),
			[]string{"id", "title", "notes", "shelf", "cover"}},
		{"id nullable", mustProp(t, item, "id").Nullable, false},
		{"title nullable by default", mustProp(t, item, "title").Nullable, true},
		{"title max length", mustProp(t, item, "title").MaxLength, 200},
		{"notes max length max", mustProp(t, item, "notes").MaxLength, 0},
		{"shelf type def ref", mustProp(t, item, "shelf").Type, spec.TypeRef{Name: core + ".shelfCode"}},
		{"stream has no filter", nf(mustProp(t, item, "cover")), (*spec.FilterSupport)(nil)},
		{"pages default", *mustProp(t, book, "pages").Default, "0"},
		{"price precision", mustProp(t, book, "price").Precision, 9},
		{"price scale", mustProp(t, book, "price").Scale, 2},
		{"weight scale variable", mustProp(t, book, "weight").Scale, 0},
		{"genres type", mustProp(t, book, "genres").Type, spec.TypeRef{Name: core + ".genre", Collection: true}},
		{"genres nullable", mustProp(t, book, "genres").Nullable, false},
		{"tags type", mustProp(t, book, "tags").Type, spec.TypeRef{Name: "Edm.String", Collection: true}},
		{"location type other schema", mustProp(t, book, "location").Type, spec.TypeRef{Name: places + ".address"}},
		{"point type", mustProp(t, geo, "point").Type, spec.TypeRef{Name: "Edm.GeographyPoint"}},
		{"room nullable explicit", mustProp(t, addr, "room").Nullable, true},
		{"default filter single", *mustProp(t, book, "pages").Filter,
			spec.FilterSupport{Null: true, Pos: mustProp(t, book, "pages").Pos}},
		{"default filter collection", *mustProp(t, book, "genres").Filter,
			spec.FilterSupport{Count: true, Pos: mustProp(t, book, "genres").Pos}},
		{"navigation properties", names(book.NavigationProperties, func(p *spec.Property) string { return p.Name }),
			[]string{"author", "loans"}},
		{"author type", mustProp(t, book, "author").Type, spec.TypeRef{Name: core + ".person"}},
		{"author nullable", mustProp(t, book, "author").Nullable, false},
		{"author partner", mustProp(t, book, "author").Partner, "books"},
		{"author filter", *mustProp(t, book, "author").Filter,
			spec.FilterSupport{Null: true, Pos: mustProp(t, book, "author").Pos}},
		{"loans contained collection", []any{mustProp(t, book, "loans").ContainsTarget, mustProp(t, book, "loans").Type.Collection}, []any{true, true}},
		{"loans count", mustProp(t, book, "loans").Filter.Count, true},
		{"loans not structural", slices.Contains(book.Properties, mustProp(t, book, "loans")), false},
		{"warnings", names(warns, spec.Warning.String), []string{
			fmt.Sprintf("library.xml:%d:%d: warning: skipped 2 actions and functions, 1 action and function imports, 1 term definitions: odatagen models types, not operations", actLine, actCol),
		}},
	}
	for _, tc := range tests {
		if !equal(tc.got, tc.want) {
			t.Errorf("%s: got %#v, want %#v", tc.name, tc.got, tc.want)
		}
	}

	genre, format, state := ix.Enum(core+".genre"), ix.Enum(core+".format"), ix.Enum(core+".state")
	if genre == nil || format == nil || state == nil {
		t.Fatalf("missing enums: %v", names(s.Enums, (*spec.EnumType).QualifiedName))
	}
	type mv struct {
		Name  string
		Value int64
	}
	members := func(e *spec.EnumType) []mv {
		var out []mv
		for _, m := range e.Members {
			out = append(out, mv{m.Name, m.Value})
		}
		return out
	}
	enumTests := []struct {
		name string
		got  any
		want any
	}{
		{"genre implicit values", members(genre), []mv{{"fiction", 0}, {"poetry", 1}, {"history", 2}}},
		{"genre not flags", genre.Flags, false},
		{"genre underlying", genre.UnderlyingType, ""},
		{"genre sentinel", genre.Sentinel, ""},
		{"format flags", format.Flags, true},
		{"format underlying", format.UnderlyingType, "Edm.Int64"},
		{"format members", members(format), []mv{{"none", 0}, {"print", 1}, {"large", 2}, {"braille", 4},
			{"anyPrint", 3}, {"unknownFutureValue", 8}, {"digital", 16}}},
		{"format sentinel", format.Sentinel, spec.SentinelName},
		{"digital after sentinel", format.AfterSentinel(6), true},
		{"state Edm.Int32 spelled out", state.UnderlyingType, ""},
		{"state values", members(state), []mv{{"open", 10}, {"closed", 20}}},
		{"member pos", format.Member("braille").Pos.Line, func() int { l, _ := posOf(t, src, `"braille"`); return l }()},
	}
	for _, tc := range enumTests {
		if !equal(tc.got, tc.want) {
			t.Errorf("%s: got %#v, want %#v", tc.name, tc.got, tc.want)
		}
	}

	if d := ix.TypeDef(core + ".shelfCode"); d == nil || d.UnderlyingType != "Edm.String" {
		t.Errorf("typedef shelfCode = %+v", d)
	}
	type set struct {
		Name, Type string
		Singleton  bool
	}
	var sets []set
	for _, es := range s.EntitySets {
		sets = append(sets, set{es.Name, es.Type, es.Singleton})
		if !es.Pos.IsValid() || es.Pos.Line == 0 {
			t.Errorf("entity set %s has no position", es.Name)
		}
	}
	if want := []set{{"books", core + ".book", false}, {"people", core + ".person", false}, {"featured", core + ".book", true}}; !slices.Equal(sets, want) {
		t.Errorf("entity sets = %v, want %v", sets, want)
	}
}

// equal compares test values.
func equal(a, b any) bool { return reflect.DeepEqual(a, b) }

func TestReadGarden(t *testing.T) {
	s, warns, src := readFixture(t, "garden.xml")
	ix := spec.NewIndex(s)
	const ns = "example.garden"
	plant := mustType(t, ix, ns+".plant")
	bed := mustType(t, ix, ns+".bed")
	person := mustType(t, ix, ns+".person")
	seed := mustType(t, ix, ns+".seed")
	thing := mustType(t, ix, ns+".thing")
	hue := ix.Enum(ns + ".hue")
	code := ix.TypeDef(ns + ".code")
	p := func(ty *spec.StructuredType, name string) *spec.Property { return mustProp(t, ty, name) }
	ops := func(ty *spec.StructuredType, name string) []spec.FilterOp {
		f := p(ty, name).Filter
		if f == nil {
			return []spec.FilterOp{"<no filter>"}
		}
		return f.Ops
	}
	declared := func(ty *spec.StructuredType) []string {
		return append(names(ty.Properties, func(p *spec.Property) string { return p.Name }),
			names(ty.NavigationProperties, func(p *spec.Property) string { return "/" + p.Name })...)
	}

	tests := []struct {
		name string
		got  any
		want any
	}{
		// Descriptions.
		{"type description beats long", plant.Description, "Something that grows."},
		{"long description when alone", bed.Description, "A patch of soil."},
		{"inline description beats long", p(plant, "name").Description, "What gardeners call it."},
		{"qualified annotation skipped", p(plant, "height").Description, ""},
		{"qualified group skipped", p(plant, "name").Description, "What gardeners call it."},
		{"enum description", hue.Description, "Colors a plant can have."},
		{"inline member description", hue.Member("red").Description, "Like a tomato."},
		{"out-of-line member description", hue.Member("green").Description, "Like a leaf."},
		{"typedef description", code.Description, "A short code."},
		{"navigation description", p(plant, "keeper").Description, "Who looks after it."},
		{"inherited property redeclared for its description", p(plant, "created").Description, "When the plant was put in the ground."},
		{"base keeps its description", p(thing, "created").Description, ""},
		{"redeclared keeps the base's position", p(plant, "created").Pos, p(thing, "created").Pos},
		// Core facts.
		{"Core.Computed tag (well-known alias)", p(plant, "height").ReadOnly, true},
		{"Core.Immutable", p(plant, "planted").Immutable, true},
		{"Core.Immutable through set and cast", p(plant, "height").Immutable, true},
		{"Core.Permissions Read", p(plant, "secret").ReadOnly, true},
		{"Core.Permissions Read Write and Computed false", p(plant, "writable").ReadOnly, false},
		{"Core.Revisions deprecated", p(plant, "color").Deprecated, true},
		{"not deprecated", p(plant, "labels").Deprecated, false},
		// Insert and update restrictions.
		{"non-insertable and non-updatable -> read-only", p(plant, "name").ReadOnly, true},
		{"non-updatable only -> immutable", []any{p(plant, "soil").Immutable, p(plant, "soil").ReadOnly}, []any{true, false}},
		{"non-insertable only -> nothing", []any{p(plant, "labels").Immutable, p(plant, "labels").ReadOnly}, []any{false, false}},
		// Filter restrictions.
		{"SingleRange and MultiRange intersect", ops(plant, "height"), []spec.FilterOp{spec.OpGe, spec.OpLe}},
		{"range cannot compare with null", p(plant, "height").Filter.Null, false},
		{"operator names taken as they are", ops(plant, "labels"), []spec.FilterOp{spec.OpAny}},
		{"SearchExpression", ops(plant, "name"), []spec.FilterOp{spec.OpStartsWith, spec.OpEndsWith, spec.OpContains}},
		{"unknown word dropped, eq kept", ops(plant, "planted"), []spec.FilterOp{spec.OpEq}},
		{"eq keeps null", p(plant, "planted").Filter.Null, true},
		{"restriction position", p(plant, "planted").Filter.Pos.Line, func() int { l, _ := posOf(t, src, `"sometimes eq"`); return l - 2 }()}, // the Record
		{"unrestricted property keeps all", ops(plant, "color"), []spec.FilterOp(nil)},
		{"unrestricted null", p(plant, "color").Filter.Null, true},
		{"complex property filterable (paths)", p(plant, "soil").Filter != nil, true},
		{"NonFilterableProperties on a set", p(bed, "size").Filter == nil, true},
		{"SingleValue on a set", ops(bed, "kind"), []spec.FilterOp{spec.OpEq}},
		{"MultiValue on inherited id", ops(bed, "id"), []spec.FilterOp{spec.OpEq, spec.OpIn}},
		{"bed redeclares id", declared(bed), []string{"size", "kind", "id"}},
		{"thing id untouched", ops(thing, "id"), []spec.FilterOp(nil)},
		{"Filterable false via navigation property", []bool{p(person, "nick").Filter == nil, p(person, "age").Filter == nil,
			p(person, "id").Filter == nil, p(person, "created").Filter == nil}, []bool{true, true, true, true}},
		{"person redeclares inherited", declared(person), []string{"nick", "age", "id", "created"}},
		{"NavigationRestrictions nested filter", p(seed, "origin").Filter == nil, true},
		{"NavigationRestrictions other property", ops(seed, "weight"), []spec.FilterOp(nil)},
		{"NonCountableProperties", p(plant, "labels").Filter.Count, false},
		{"NonCountableNavigationProperties", p(plant, "beds").Filter.Count, false},
		{"countable navigation", p(plant, "seeds").Filter.Count, true},
		{"plant declared", declared(plant), []string{"name", "height", "color", "labels", "planted", "secret",
			"writable", "soil", "created", "/beds", "/keeper", "/seeds"}},
	}
	for _, tc := range tests {
		if !equal(tc.got, tc.want) {
			t.Errorf("%s: got %#v, want %#v", tc.name, tc.got, tc.want)
		}
	}

	wantWarns := []string{
		"NonFilterableProperties of example.garden.plant: path soil/ph is not applied",
		`AllowedExpressions "sometimes eq": unknown expression type "sometimes"`,
		"annotation target g.plant/nothing names nothing in this document",
		"skipped 1 actions and functions, 1 action and function imports: odatagen models types, not operations",
	}
	got := names(warns, func(w spec.Warning) string { return w.Msg })
	if len(got) != len(wantWarns) {
		t.Errorf("warnings = %q, want %d", got, len(wantWarns))
	}
	for _, w := range wantWarns {
		if !slices.ContainsFunc(got, func(g string) bool { return strings.HasPrefix(g, w) }) {
			t.Errorf("no warning %q in %q", w, got)
		}
	}
	for _, w := range warns {
		if w.Pos.File != "garden.xml" || w.Pos.Line == 0 || w.Pos.Col == 0 {
			t.Errorf("warning without position: %v", w)
		}
	}
}

func TestReadSeed(t *testing.T) {
	src, err := os.ReadFile(filepath.Join("..", "..", "testdata", "csdl", "cloudpcexternalpartner.xml"))
	if err != nil {
		t.Fatal(err)
	}
	s, warns, err := Read("cloudpcexternalpartner.xml", src)
	if err != nil {
		t.Fatal(err)
	}
	if len(warns) != 0 {
		t.Errorf("warnings: %v", warns)
	}
	ix := spec.NewIndex(s)
	ty := mustType(t, ix, "microsoft.graph.cloudPcExternalPartner")
	if ty.BaseType != "microsoft.graph.entity" || len(ty.Key) != 0 || mustType(t, ix, "microsoft.graph.entity").Key[0] != "id" {
		t.Errorf("base/key: %q %v", ty.BaseType, ty.Key)
	}
	want := map[string]spec.TypeRef{
		"partnerId":        {Name: "Edm.String"},
		"enableConnection": {Name: "Edm.Boolean"},
		"lastSyncDateTime": {Name: "Edm.DateTimeOffset"},
		"connectionStatus": {Name: "microsoft.graph.cloudPcExternalPartnerStatus"},
		"statusDetails":    {Name: "Edm.Int32"}, // the planted mismatch
	}
	for name, typ := range want {
		if got := mustProp(t, ty, name).Type; got != typ {
			t.Errorf("%s: %v, want %v", name, got, typ)
		}
	}
	if mustProp(t, ty, "enableConnection").Nullable || !mustProp(t, ty, "partnerId").ReadOnly {
		t.Error("enableConnection must be non-nullable and partnerId read-only")
	}
	e := ix.Enum("microsoft.graph.cloudPcExternalPartnerStatus")
	if e == nil || len(e.Members) != 5 || e.Sentinel != spec.SentinelName {
		t.Errorf("enum: %+v", e)
	}
}

func TestReadErrors(t *testing.T) {
	const head = `<edmx:Edmx Version="4.0" xmlns:edmx="http://docs.oasis-open.org/odata/ns/edmx"><edmx:DataServices>` +
		`<Schema Namespace="x" xmlns="http://docs.oasis-open.org/odata/ns/edm">` + "\n"
	const tail = "\n</Schema></edmx:DataServices></edmx:Edmx>"
	tests := []struct {
		name, src string
		want      string // the whole error, or its prefix up to and including the message start
	}{
		{"empty", "", "t.xml:1:1: no root element"},
		{"only a comment", "<!-- nothing -->\n", "t.xml:2:1: no root element"},
		{"wrong root", "\n  <html><body/></html>", "t.xml:2:3: root element is <html>: want edmx:Edmx"},
		{"wrong root namespace", `<Edmx xmlns="urn:other"/>`, "t.xml:1:1: root element is <Edmx> in namespace urn:other"},
		{"v3 edmx", `<edmx:Edmx Version="1.0" xmlns:edmx="http://schemas.microsoft.com/ado/2007/06/edmx"/>`,
			"t.xml:1:1: OData v2/v3 EDMX"},
		{"bad version", `<edmx:Edmx Version="5.0" xmlns:edmx="http://docs.oasis-open.org/odata/ns/edmx"/>`,
			`t.xml:1:1: EDMX Version "5.0"`},
		{"text before root", "hello <x/>", "t.xml:1:1: text outside the root element"},
		{"second root", head + tail + "\n<more/>", "t.xml:4:1: <more> after the root element"},
		{"mismatched end", head + "<EntityType Name=\"a\"></ComplexType>" + tail,
			"t.xml:2:36: malformed XML: element <EntityType> closed by </ComplexType>"},
		{"truncated", head + `<EntityType Name="a">`, "t.xml:2:22: malformed XML: unexpected EOF"},
		{"bad entity", head + `<EntityType Name="a&bogus;"/>` + tail, "t.xml:2:"},
		{"no name", head + `<EntityType><Property Name="p" Type="Edm.String"/></EntityType>` + tail,
			"t.xml:2:1: EntityType has no Name"},
		{"no type", head + `<ComplexType Name="c">` + "\n  " + `<Property Name="p"/></ComplexType>` + tail,
			"t.xml:3:3: Property has no Type"},
		{"bad nullable", head + `<ComplexType Name="c"><Property Name="p" Type="Edm.String" Nullable="yes"/></ComplexType>` + tail,
			`t.xml:2:23: Property Nullable="yes": want true or false`},
		{"bad collection", head + `<ComplexType Name="c"><Property Name="p" Type="Collection(Edm.String"/></ComplexType>` + tail,
			`t.xml:2:23: Property p: bad collection type "Collection(Edm.String"`},
		{"bad max length", head + `<ComplexType Name="c"><Property Name="p" Type="Edm.String" MaxLength="-1"/></ComplexType>` + tail,
			`t.xml:2:23: Property MaxLength="-1": want a non-negative integer`},
		{"bad member value", head + `<EnumType Name="e"><Member Name="a" Value="one"/></EnumType>` + tail,
			`t.xml:2:20: enum member a Value="one": want an integer`},
		{"no target", head + `<Annotations><Annotation Term="Core.Description" String="x"/></Annotations>` + tail,
			"t.xml:2:1: Annotations has no Target"},
		{"no schema namespace", `<edmx:Edmx Version="4.01" xmlns:edmx="http://docs.oasis-open.org/odata/ns/edmx"><edmx:DataServices>` +
			`<Schema xmlns="http://docs.oasis-open.org/odata/ns/edm"/></edmx:DataServices></edmx:Edmx>`, "t.xml:1:100: Schema has no Namespace"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s, _, err := Read("t.xml", []byte(tc.src))
			if err == nil {
				t.Fatalf("no error; spec %+v", s)
			}
			var pe *spec.Error
			if !errors.As(err, &pe) || pe.Pos.Line == 0 || pe.Pos.Col == 0 {
				t.Errorf("error is not positioned: %v", err)
			}
			if !strings.HasPrefix(err.Error(), tc.want) {
				t.Errorf("error\n  %v\nwant prefix\n  %s", err, tc.want)
			}
		})
	}
}

// TestReadBareSchema reads a document whose root is an edm:Schema and
// checks Pos columns after a byte order mark.
func TestReadBareSchema(t *testing.T) {
	src := "\ufeff<Schema Namespace=\"a.b\" xmlns=\"http://docs.oasis-open.org/odata/ns/edm\"><ComplexType Name=\"c\"/></Schema>"
	s, warns, err := Read("b.xml", []byte(src))
	if err != nil || len(warns) != 0 {
		t.Fatal(err, warns)
	}
	if len(s.Types) != 1 || s.Types[0].QualifiedName() != "a.b.c" || s.Types[0].Pos != (spec.Pos{File: "b.xml", Line: 1, Col: 73}) {
		t.Errorf("types: %+v", s.Types)
	}
}

// TestReadOneContainer reads a document with three entity containers: only
// the first one's sets are the service's.
func TestReadOneContainer(t *testing.T) {
	src := `<edmx:Edmx Version="4.0" xmlns:edmx="http://docs.oasis-open.org/odata/ns/edmx"><edmx:DataServices>` +
		`<Schema Namespace="x" xmlns="http://docs.oasis-open.org/odata/ns/edm">` +
		`<EntityType Name="e"><Key><PropertyRef Name="id"/></Key><Property Name="id" Type="Edm.Int32" Nullable="false"/></EntityType>` +
		`<EntityContainer Name="c"><EntitySet Name="s" EntityType="x.e"/></EntityContainer>` +
		`<EntityContainer Name="d"><EntitySet Name="t" EntityType="x.e"/></EntityContainer>` +
		`<EntityContainer Name="c"><Singleton Name="u" Type="x.e"/></EntityContainer>` +
		`</Schema></edmx:DataServices></edmx:Edmx>`
	s, ws, err := Read("t.xml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	var sets []string
	for _, es := range s.EntitySets {
		sets = append(sets, es.Name)
	}
	if !slices.Equal(sets, []string{"s"}) || len(ws) != 2 {
		t.Errorf("sets %v, warnings %v; want [s] and 2 warnings", sets, names(ws, spec.Warning.String))
	}
}

func TestReadWarnings(t *testing.T) {
	const head = `<edmx:Edmx Version="4.0" xmlns:edmx="http://docs.oasis-open.org/odata/ns/edmx"><edmx:DataServices>` +
		`<Schema Namespace="x" Alias="a" xmlns="http://docs.oasis-open.org/odata/ns/edm">` + "\n"
	const tail = "\n</Schema></edmx:DataServices></edmx:Edmx>"
	tests := []struct {
		name, body string
		want       []string // warnings, formatted
	}{
		{"clean", `<ComplexType Name="c"><Property Name="p" Type="other.ns.t"/></ComplexType>`, nil},
		{"undefined type", `<ComplexType Name="c"><Property Name="p" Type="a.nope"/></ComplexType>`,
			[]string{"t.xml:2:23: warning: type x.nope is not defined in this document"}},
		{"undefined base", `<ComplexType Name="c" BaseType="x.nope"/>`,
			[]string{"t.xml:2:1: warning: base type x.nope is not defined in this document"}},
		{"unknown primitive", `<ComplexType Name="c"><Property Name="p" Type="Edm.Strnig"/></ComplexType>`,
			[]string{"t.xml:2:23: warning: type Edm.Strnig is not a primitive type odatagen knows"}},
		{"duplicate type", `<ComplexType Name="c"/>` + "\n" + `<EnumType Name="c"/>`,
			[]string{"t.xml:3:1: warning: x.c is defined twice; using the first definition (see also t.xml:2:1)"}},
		{"duplicate set", `<EntityType Name="e"><Key><PropertyRef Name="id"/></Key><Property Name="id" Type="Edm.Int32" Nullable="false"/></EntityType>` +
			"\n" + `<EntityContainer Name="c"><EntitySet Name="s" EntityType="a.e"/><Singleton Name="s" Type="a.e"/></EntityContainer>`,
			[]string{"t.xml:3:65: warning: entity set or singleton s is defined twice in x.c (see also t.xml:3:27)"}},
		{"second container", `<EntityType Name="e"><Key><PropertyRef Name="id"/></Key><Property Name="id" Type="Edm.Int32" Nullable="false"/></EntityType>` +
			"\n" + `<EntityContainer Name="c"><EntitySet Name="s" EntityType="a.e"/></EntityContainer>` +
			"\n" + `<EntityContainer Name="d"><EntitySet Name="t" EntityType="a.e"/></EntityContainer>` +
			"\n" + `<EntityContainer Name="c"><EntitySet Name="u" EntityType="a.e"/></EntityContainer>`,
			[]string{"t.xml:4:1: warning: entity container x.d is a second one (a service has one, x.c); it is skipped (see also t.xml:3:1)",
				"t.xml:5:1: warning: entity container x.c is defined twice; the second is skipped (see also t.xml:3:1)"}},
		{"unqualified target", `<Annotations Target="nowhere"><Annotation Term="Core.Description" String="d"/></Annotations>`,
			[]string{"t.xml:2:1: warning: annotation target nowhere names nothing in this document"}},
		{"unknown term on a bad target is reported", `<Annotations Target="x.nope"><Annotation Term="Some.Term"/></Annotations>`,
			[]string{"t.xml:2:1: warning: annotation target x.nope names nothing in this document"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, warns, err := Read("t.xml", []byte(head+tc.body+tail))
			if err != nil {
				t.Fatal(err)
			}
			if got := names(warns, spec.Warning.String); !slices.Equal(got, tc.want) {
				t.Errorf("warnings\n  %q\nwant\n  %q", got, tc.want)
			}
		})
	}
}
