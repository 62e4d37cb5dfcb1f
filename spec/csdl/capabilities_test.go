package csdl

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/odatagen/odatagen/spec"
)

// readCaps reads testdata/csdl/capabilities.xml with the capabilities.
func readCaps(t *testing.T) (*spec.Spec, []spec.Warning, []byte) {
	t.Helper()
	src, err := os.ReadFile(filepath.Join("testdata", "csdl", "capabilities.xml"))
	if err != nil {
		t.Fatal(err)
	}
	s, ws, err := ReadWith("capabilities.xml", src, Options{Capabilities: true})
	if err != nil {
		t.Fatal(err)
	}
	return s, ws, src
}

func capsSet(t *testing.T, s *spec.Spec, name string) *spec.EntitySet {
	t.Helper()
	for _, es := range s.EntitySets {
		if es.Name == name {
			return es
		}
	}
	t.Fatalf("no entity set %s", name)
	return nil
}

func capsType(t *testing.T, s *spec.Spec, q string) *spec.StructuredType {
	t.Helper()
	for _, ty := range s.Types {
		if ty.QualifiedName() == q {
			return ty
		}
	}
	t.Fatalf("no type %s", q)
	return nil
}

func at(t *testing.T, src []byte, needle string) spec.Pos {
	line, col := posOf(t, src, needle)
	return spec.Pos{File: "capabilities.xml", Line: line, Col: col}
}

// TestReadCapabilitiesInline: terms annotated inside EntitySet elements.
func TestReadCapabilitiesInline(t *testing.T) {
	s, ws, src := readCaps(t)
	if len(ws) != 0 {
		t.Errorf("warnings: %v", ws)
	}
	sh := capsSet(t, s, "shelves")
	c := sh.Capabilities
	if c == nil {
		t.Fatal("shelves: no capabilities")
	}
	wantSort := &spec.SortRestrictions{AscendingOnlyProperties: []string{"title"}, DescendingOnlyProperties: []string{"label"},
		NonSortableProperties: []string{"id"}, Pos: at(t, src, `<Annotation Term="Org.OData.Capabilities.V1.SortRestrictions">`)}
	if !reflect.DeepEqual(c.Sort, wantSort) {
		t.Errorf("Sort = %+v, want %+v", c.Sort, wantSort)
	}
	// The first ExpandRestrictions wins.
	if e := c.Expand; e == nil || e.Expandable != spec.Yes || e.MaxLevels != 2 || len(e.NonExpandableProperties) != 0 {
		t.Errorf("Expand = %+v", e)
	}
	if sel := c.Select; sel == nil || sel.Supported != spec.Yes || sel.Filterable != spec.Yes || sel.Sortable != spec.Unstated {
		t.Errorf("Select = %+v", sel)
	}
	wantH := []*spec.CustomParameter{{Name: "X-Tenant", Description: "The tenant.", Required: true, ExampleValues: []string{"contoso"},
		Pos: at(t, src, "<Record>\n                    <PropertyValue Property=\"Name\" String=\"X-Tenant\"")}}
	if c.Read == nil || !reflect.DeepEqual(c.Read.CustomHeaders, wantH) {
		t.Errorf("Read = %+v", c.Read)
	}
	// TopSupported with Qualifier="Phone" is skipped.
	if c.TopSupported != spec.Unstated {
		t.Errorf("TopSupported = %v: the qualified annotation was applied", c.TopSupported)
	}
	if want := []spec.Binding{{Path: "books", Target: "books", Pos: at(t, src, `<NavigationPropertyBinding Path="books" Target="books" />`)}}; !reflect.DeepEqual(sh.Bindings, want) {
		t.Errorf("Bindings = %+v", sh.Bindings)
	}
	au := capsSet(t, s, "authors")
	if len(au.Bindings) != 1 || au.Bindings[0].Target != "shelf.ns.Container/books" {
		t.Errorf("authors Bindings = %+v", au.Bindings)
	}
	n := au.Capabilities.Navigation
	if n == nil || n.Navigability != "Single" || len(n.RestrictedProperties) != 1 {
		t.Fatalf("Navigation = %+v", n)
	}
	rp := n.RestrictedProperties[0]
	if rp.NavigationProperty != "books" || rp.Navigability != "None" || rp.TopSupported != spec.No || rp.IndexableByKey != spec.No ||
		rp.Filter == nil || rp.Filter.Filterable != spec.No ||
		rp.Read == nil || len(rp.Read.CustomQueryOptions) != 1 || rp.Read.CustomQueryOptions[0].Name != "since" || !rp.Read.CustomQueryOptions[0].Required {
		t.Errorf("RestrictedProperties[0] = %+v", rp)
	}
	// Inline on a navigation property.
	rel := capsType(t, s, "shelf.ns.book").Property("related")
	if rel.Capabilities == nil || rel.Capabilities.Expand == nil || rel.Capabilities.Expand.Expandable != spec.No {
		t.Errorf("book/related: %+v", rel.Capabilities)
	}
}

// TestReadCapabilitiesOutOfLine: <Annotations Target="..."> on an entity
// set, a path from one, a navigation property of a type, a type and the
// container.
func TestReadCapabilitiesOutOfLine(t *testing.T) {
	s, _, src := readCaps(t)
	c := capsSet(t, s, "books").Capabilities
	if c == nil {
		t.Fatal("books: no capabilities")
	}
	if want := (&spec.SearchRestrictions{Searchable: spec.No, UnsupportedExpressions: []string{"phrase", "group"},
		Pos: at(t, src, `<Annotation Term="Org.OData.Capabilities.V1.SearchRestrictions">`)}); !reflect.DeepEqual(c.Search, want) {
		t.Errorf("Search = %+v", c.Search)
	}
	if want := (&spec.CountRestrictions{Countable: spec.No, NonCountableProperties: []string{"tags"}, NonCountableNavigationProperties: []string{"related"},
		Pos: at(t, src, `<Annotation Term="Org.OData.Capabilities.V1.CountRestrictions">`)}); !reflect.DeepEqual(c.Count, want) {
		t.Errorf("Count = %+v", c.Count)
	}
	if c.TopSupported != spec.No || c.SkipSupported != spec.Yes { // SkipSupported is a tag without a value: true
		t.Errorf("TopSupported %v SkipSupported %v", c.TopSupported, c.SkipSupported)
	}
	if want := (&spec.FilterRestrictions{Filterable: spec.Yes, RequiresFilter: spec.Yes, RequiredProperties: []string{"title"},
		NonFilterableProperties: []string{"tags"}, MaxLevels: 1,
		Pos: at(t, src, `<Annotation Term="Org.OData.Capabilities.V1.FilterRestrictions">`)}); !reflect.DeepEqual(c.Filter, want) {
		t.Errorf("Filter = %+v", c.Filter)
	}
	// NonFilterableProperties still takes $filter away from the property.
	if p := capsType(t, s, "shelf.ns.book").Property("tags"); p.Filter != nil {
		t.Errorf("book/tags stays filterable: %+v", p.Filter)
	}
	if c.Read == nil || c.Read.Readable != spec.Yes || c.Read.ReadByKey == nil || c.Read.ReadByKey.Readable != spec.No {
		t.Errorf("Read = %+v", c.Read)
	}
	sh := capsSet(t, s, "shelves")
	if len(sh.Paths) != 1 || sh.Paths[0].Path != "books" || sh.Paths[0].Capabilities.SkipSupported != spec.No {
		t.Errorf("shelves Paths = %+v", sh.Paths)
	}
	if p := capsType(t, s, "shelf.ns.author").Property("books"); p.Capabilities == nil || p.Capabilities.Select == nil || p.Capabilities.Select.Supported != spec.No {
		t.Errorf("author/books: %+v", p.Capabilities)
	}
	// An inherited navigation property reached through the derived type.
	eb := capsType(t, s, "shelf.ns.ebook")
	if len(eb.InheritedNavigation) != 1 || eb.InheritedNavigation[0].Path != "related" ||
		eb.InheritedNavigation[0].Capabilities.Search == nil || eb.InheritedNavigation[0].Capabilities.Search.Searchable != spec.No {
		t.Errorf("ebook InheritedNavigation: %+v", eb.InheritedNavigation)
	}
	if eb.Property("related") != nil {
		t.Errorf("ebook redeclares related")
	}
	if p := capsType(t, s, "shelf.ns.book").Property("related"); p.Capabilities.Search != nil {
		t.Errorf("book/related took ebook/related's SearchRestrictions")
	}
	if ty := capsType(t, s, "shelf.ns.author"); ty.Capabilities == nil || ty.Capabilities.Sort == nil || ty.Capabilities.Sort.Sortable != spec.No {
		t.Errorf("author: %+v", ty.Capabilities)
	}
	// On the container: ComputeSupported false stands over
	// DefaultCapabilities' true, which adds SearchRestrictions.
	if s.Container == nil || s.Container.ComputeSupported != spec.No || s.Container.Search == nil ||
		!reflect.DeepEqual(s.Container.Search.UnsupportedExpressions, []string{"NOT"}) {
		t.Errorf("Container = %+v", s.Container)
	}
	if want := []*spec.CustomParameter{{Name: "X-Trace", Description: "Required with $search: a trace id.", ExampleValues: []string{"abc"},
		RequiredWith: []string{"$search"}, Pos: at(t, src, "<Record>\n              <PropertyValue Property=\"Name\" String=\"X-Trace\"")}}; s.Container == nil || !reflect.DeepEqual(s.Container.CustomHeaders, want) {
		t.Errorf("Container CustomHeaders = %+v", s.Container)
	}
}

// TestReadWithoutCapabilities: ReadWith with zero Options records none of
// them, and applies the same property facts as Read.
func TestReadWithoutCapabilities(t *testing.T) {
	src, err := os.ReadFile(filepath.Join("testdata", "csdl", "capabilities.xml"))
	if err != nil {
		t.Fatal(err)
	}
	s, _, err := ReadWith("capabilities.xml", src, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if s.Container != nil {
		t.Errorf("Container = %+v", s.Container)
	}
	for _, es := range s.EntitySets {
		if es.Capabilities != nil || es.Bindings != nil || es.Paths != nil {
			t.Errorf("%s: %+v", es.Name, es)
		}
	}
	for _, ty := range s.Types {
		if ty.Capabilities != nil || ty.InheritedNavigation != nil {
			t.Errorf("%s: %+v %+v", ty.Name, ty.Capabilities, ty.InheritedNavigation)
		}
		for _, p := range ty.NavigationProperties {
			if p.Capabilities != nil {
				t.Errorf("%s/%s: %+v", ty.Name, p.Name, p.Capabilities)
			}
		}
	}
	w, _, _ := readCaps(t)
	for i, ty := range s.Types {
		for j, p := range ty.Properties {
			if !reflect.DeepEqual(p.Filter, w.Types[i].Properties[j].Filter) {
				t.Errorf("%s/%s: Filter %+v, ReadWith %+v", ty.Name, p.Name, p.Filter, w.Types[i].Properties[j].Filter)
			}
		}
	}
}

func TestRequiredWith(t *testing.T) {
	for _, tc := range []struct {
		desc string
		want []string
	}{
		{"$search and $count queries require the client to set the ConsistencyLevel HTTP header to 'eventual'.", []string{"$search", "$count"}},
		{"Indicates the requested consistency level. Use it with $search.", nil},
		{"Required with $filter (on some properties).", []string{"$filter"}},
	} {
		if got := requiredWith(tc.desc, nil); !reflect.DeepEqual(got, tc.want) {
			t.Errorf("requiredWith(%q) = %v, want %v", tc.desc, got, tc.want)
		}
	}
}

// TestReadCapabilitiesGraph reads the forms Microsoft Graph writes.
func TestReadCapabilitiesGraph(t *testing.T) {
	f := filepath.Join("..", "..", "..", "shared", "corpus", "csdl", "graph-v1.0-clean.xml")
	src, err := os.ReadFile(f)
	if err != nil {
		t.Skipf("corpus not available: %v", err)
	}
	s, _, err := ReadWith(f, src, Options{Capabilities: true})
	if err != nil {
		t.Fatal(err)
	}
	users := capsSet(t, s, "users")
	c := users.Capabilities
	// <Annotations Target="microsoft.graph.GraphService/users">: SkipSupported false, and
	// ExpandRestrictions with Qualifier="Org.OData.Capabilities.V1.ExpandRestrictions".
	if c == nil || c.SkipSupported != spec.No || c.Expand == nil || !reflect.DeepEqual(c.Expand.NonExpandableProperties,
		[]string{"chats", "joinedTeams", "onPremisesSyncBehavior", "permissionGrants", "teamwork"}) {
		t.Fatalf("users: %+v", c)
	}
	// Inline on <EntitySet Name="users">: ReadRestrictions with the ConsistencyLevel header.
	if c.Read == nil || len(c.Read.CustomHeaders) == 0 || c.Read.CustomHeaders[0].Name != "ConsistencyLevel" ||
		!reflect.DeepEqual(c.Read.CustomHeaders[0].ExampleValues, []string{"eventual"}) ||
		!reflect.DeepEqual(c.Read.CustomHeaders[0].RequiredWith, []string{"$search", "$count"}) {
		t.Errorf("users Read: %+v", c.Read)
	}
	if len(users.Bindings) != 11 || users.Bindings[0].Path != "createdObjects" || users.Bindings[0].Target != "directoryObjects" {
		t.Errorf("users Bindings: %+v", users.Bindings)
	}
	// microsoft.graph.message/attachments TopSupported false.
	if p := capsType(t, s, "microsoft.graph.message").Property("attachments"); p.Capabilities == nil || p.Capabilities.TopSupported != spec.No {
		t.Errorf("message/attachments: %+v", p.Capabilities)
	}
	// microsoft.graph.security.intelligenceProfile: SortRestrictions on the type.
	if ty := capsType(t, s, "microsoft.graph.security.intelligenceProfile"); ty.Capabilities == nil || ty.Capabilities.Sort == nil ||
		len(ty.Capabilities.Sort.NonSortableProperties) != 10 {
		t.Errorf("intelligenceProfile: %+v", ty.Capabilities)
	}
}
