package generator

import (
	"maps"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"testing"

	"github.com/odatagen/odatagen/spec"
	"github.com/odatagen/odatagen/spec/csdl"
	"github.com/odatagen/odatagen/validate/query"
)

func capsFixture(t *testing.T) *spec.Spec {
	t.Helper()
	f := filepath.Join("..", "spec", "csdl", "testdata", "csdl", "capabilities.xml")
	src, err := os.ReadFile(f)
	if err != nil {
		t.Fatal(err)
	}
	s, _, err := csdl.ReadWith(f, src, csdl.Options{Capabilities: true})
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestQueryModel(t *testing.T) {
	m, err := QueryModel(capsFixture(t))
	if err != nil {
		t.Fatal(err)
	}
	if err := m.Validate(); err != nil {
		t.Fatalf("Validate: %v", err)
	}
	got := slices.Sorted(maps.Keys(m.Resources))
	// shelf.ns.book/author and shelf.ns.shelf/books have no annotation of
	// their own, and their target types (author: Sortable false) fill in
	// only for author; shelf.ns.author (Sortable false on the type) is
	// there for a check against the type alone.
	want := []string{"", "authors", "books", "shelf.ns.author", "shelf.ns.author/books", "shelf.ns.book/author", "shelf.ns.book/related", "shelf.ns.ebook/related", "shelves", "shelves/books"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Resources keys = %q, want %q", got, want)
	}
	if c := m.Resources["shelf.ns.author"]; c == nil || c.Sort == nil || c.Sort.Sortable != query.False {
		t.Errorf("Resources[shelf.ns.author] = %+v, want Sortable false", c)
	}
	if s := m.EntitySets["authors"]; s == nil || !reflect.DeepEqual(s.Bindings, []query.Binding{{Path: "books", Target: "books"}}) {
		t.Errorf("authors = %+v", s)
	}
	if s := m.EntitySets["featured"]; s == nil || !s.Singleton || s.Type != "shelf.ns.shelf" {
		t.Errorf("featured = %+v", s)
	}
	sh := m.Resources["shelves"]
	if sh.Sort == nil || !reflect.DeepEqual(sh.Sort.AscendingOnlyProperties, []string{"title"}) || sh.Expand.MaxLevels != 2 ||
		len(sh.Read.CustomHeaders) != 1 || !sh.Read.CustomHeaders[0].Required {
		t.Errorf("shelves = %+v", sh)
	}
	b := m.Resources["books"]
	if b.Search.Searchable != query.False || b.Search.UnsupportedExpressions != query.SearchExprPhrase|query.SearchExprGroup ||
		b.Count.Countable != query.False || b.TopSupported != query.False || b.SkipSupported != query.True ||
		b.Filter.RequiresFilter != query.True || b.Filter.MaxLevels != 1 || b.Read.ReadByKey.Readable != query.False {
		t.Errorf("books = %+v", b)
	}
	if a := m.Resources["authors"]; a.Sort == nil || a.Sort.Sortable != query.False { // from the type
		t.Errorf("authors Sort = %+v", a.Sort)
	}
	n := m.Resources["authors"].Navigation
	if n.Navigability != query.NavigationSingle || len(n.RestrictedProperties) != 1 ||
		n.RestrictedProperties[0].Navigability != query.NavigationNone || n.RestrictedProperties[0].TopSupported != query.False ||
		n.RestrictedProperties[0].Filter.Filterable != query.False {
		t.Errorf("authors Navigation = %+v", n)
	}
	if m.Resources[""].ComputeSupported != query.False || m.Resources["shelves/books"].SkipSupported != query.False {
		t.Errorf("container %+v, shelves/books %+v", m.Resources[""], m.Resources["shelves/books"])
	}
	// The model checks queries.
	for _, tc := range []struct {
		path, q string
		ok      bool
	}{
		{"/shelves", "$orderby=title", true},
		{"/shelves", "$orderby=label", false},
		{"/shelves/1/books", "$skip=1", false},
		{"/books", "$search=x", false},
		{"/authors", "$orderby=name", false},
		{"/shelves", "$compute=title as t", false},
		{"/books/1/related", "$search=x", true},
		{"/books/1/shelf.ns.ebook/related", "$search=x", false},
	} {
		if _, err := query.Check(m, tc.path, tc.q); (err == nil) != tc.ok {
			t.Errorf("Check(%s, %s) = %v, want ok %v", tc.path, tc.q, err, tc.ok)
		}
	}
}

// TestQueryModelWithoutCapabilities: a spec without capabilities (YAML,
// docs pages, csdl.Read) gives entity sets and no resources.
func TestQueryModelWithoutCapabilities(t *testing.T) {
	s := capsFixture(t)
	for _, es := range s.EntitySets {
		es.Capabilities, es.Bindings, es.Paths = nil, nil, nil
	}
	for _, ty := range s.Types {
		ty.Capabilities, ty.InheritedNavigation = nil, nil
		for _, p := range ty.NavigationProperties {
			p.Capabilities = nil
		}
	}
	s.Container = nil
	m, err := QueryModel(s)
	if err != nil {
		t.Fatal(err)
	}
	if len(m.Resources) != 0 || len(m.EntitySets) != 4 {
		t.Errorf("Resources %v, EntitySets %v", m.Resources, m.EntitySets)
	}
	if _, err := query.Check(m, "/shelves", "$orderby=label&$top=1&$skip=2&$count=true"); err != nil {
		t.Error(err)
	}
}
