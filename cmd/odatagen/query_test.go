package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// graphCSDL returns the Microsoft Graph v1.0 metadata of the corpus, or
// skips the test.
func graphCSDL(t *testing.T) string {
	t.Helper()
	p := filepath.Join(shared, "corpus", "csdl", "graph-v1.0-clean.xml")
	if _, err := os.Stat(p); err != nil {
		t.Skipf("corpus not available: %v", err)
	}
	return p
}

// TestQueryGraph checks queries against what graph-v1.0-clean.xml says;
// each row names the annotation it relies on.
func TestQueryGraph(t *testing.T) {
	g := graphCSDL(t)
	for _, tc := range []struct {
		name       string
		where      []string // -path PATH or -type NAME
		query      string
		code       int
		caret, msg string // the caret line's offset and message, for a rejection
		out        string // a line on stdout, for an acceptance
	}{
		// GraphService/users: no term on $select, $orderby, $top; ReadRestrictions
		// CustomHeaders ConsistencyLevel (Required false, "$search and $count
		// queries require ... 'eventual'").
		{name: "accepted", where: []string{"-path", "/users"}, query: "$select=displayName,mail&$orderby=displayName&$top=5",
			out: "header ConsistencyLevel: eventual (optional)"},
		{name: "consistency level", where: []string{"-path", "/users"}, query: `$search="displayName:x"&$count=true`,
			out: "header ConsistencyLevel: eventual (required for $search, $count)"},
		// <Annotations Target="microsoft.graph.GraphService/users"> SkipSupported false.
		{name: "skip", where: []string{"-path", "/users"}, query: "$top=5&$skip=10", code: exitNo,
			caret: "       ^", msg: "$skip is not supported on /users (SkipSupported false)"},
		// GraphService/users ExpandRestrictions NonExpandableProperties lists joinedTeams
		// (with Qualifier = the term's own name).
		{name: "non-expandable", where: []string{"-path", "/users"}, query: "$expand=joinedTeams", code: exitNo,
			caret: "        ^", msg: "joinedTeams cannot be expanded on /users (ExpandRestrictions NonExpandableProperties)"},
		{name: "expandable", where: []string{"-path", "/users"}, query: "$expand=manager"},
		// microsoft.graph.security.intelligenceProfile SortRestrictions
		// NonSortableProperties lists description, not title.
		{name: "non-sortable", where: []string{"-path", "/security/threatIntelligence/intelProfiles"}, query: "$orderby=title,description desc", code: exitNo,
			caret: "               ^", msg: "description cannot be used in $orderby on /security/threatIntelligence/intelProfiles (SortRestrictions NonSortableProperties)"},
		// microsoft.graph.calendar/events SearchRestrictions Searchable false.
		{name: "not searchable", where: []string{"-path", "/me/calendar/events"}, query: "$search=hello", code: exitNo,
			caret: "^", msg: "$search is not supported on /me/calendar/events (SearchRestrictions Searchable false)"},
		// microsoft.graph.message/attachments TopSupported false.
		{name: "top", where: []string{"-path", "/me/messages/1/attachments"}, query: "$top=2", code: exitNo,
			caret: "^", msg: "$top is not supported on /me/messages/{id}/attachments (TopSupported false)"},
		// GraphService/drives CountRestrictions Countable false.
		{name: "count", where: []string{"-path", "/drives"}, query: "$count=true", code: exitNo,
			caret: "^", msg: "$count is not supported on /drives (CountRestrictions Countable false)"},
		// users binds memberOf to directoryObjects; groups' members are
		// directoryObjects, so a nested $filter is checked against that type.
		{name: "nested filter", where: []string{"-path", "/groups"}, query: "$expand=members($filter=id eq 'x')"},
		{name: "nested filter rejected", where: []string{"-path", "/groups"}, query: "$expand=members($filter=displayName eq 'x')", code: exitNo,
			caret: "                        ^", msg: "no property displayName on microsoft.graph.directoryObject"},
		{name: "url", query: "https://graph.microsoft.com/v1.0/users?$skip=1", code: exitNo,
			caret: strings.Repeat(" ", len("https://graph.microsoft.com/v1.0/users?")) + "^", msg: "$skip is not supported on /users (SkipSupported false)"},
		{name: "type", where: []string{"-type", "user"}, query: "$select=displayName&$orderby=displayName desc"},
		{name: "unknown path", where: []string{"-path", "/nosuch"}, query: "$top=1", code: exitCannot,
			caret: " ^", msg: "nosuch is no entity set or singleton of the model"},
		{name: "unknown type", where: []string{"-type", "nosuchtype"}, query: "$top=1", code: exitCannot, msg: `no structured type "nosuchtype"`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			args := append(append([]string{"query", "-spec", g}, tc.where...), tc.query)
			code, out, errOut := runCLI(t, "", args...)
			if code != tc.code {
				t.Fatalf("exit %d, want %d\nstdout:\n%s\nstderr:\n%s", code, tc.code, out, errOut)
			}
			if tc.out != "" && !strings.Contains(out, tc.out+"\n") {
				t.Errorf("stdout:\n%s\nwant a line %q", out, tc.out)
			}
			if tc.msg != "" {
				want := tc.msg
				if tc.caret != "" {
					want = "\n" + tc.caret + " " + tc.msg + "\n"
				}
				if !strings.Contains(errOut, want) {
					t.Errorf("stderr:\n%s\nwant a line %q", errOut, want)
				}
			}
		})
	}
}

// TestQueryFixture runs the command on the reader's own fixture, for the
// forms Microsoft Graph does not write.
func TestQueryFixture(t *testing.T) {
	fx := filepath.Join("..", "..", "spec", "csdl", "testdata", "csdl", "capabilities.xml")
	for _, tc := range []struct {
		path, query string
		code        int
		msg         string
	}{
		{"/shelves", "$orderby=title", exitOK, ""},
		{"/shelves", "$orderby=title desc", exitNo, "  ^ title can only be sorted ascending on /shelves (SortRestrictions AscendingOnlyProperties)"},
		{"/shelves", "$expand=books($expand=author($expand=books))", exitNo, "MaxLevels"},
		{"/shelves", "$expand=books($expand=author)", exitOK, ""},
		{"/shelves", "$search=x", exitOK, "header X-Tenant: contoso (required)\nheader X-Trace: abc (required for $search)\n"},
		{"/shelves", "$top=1", exitOK, "header X-Tenant: contoso (required)\nheader X-Trace: abc (optional)\n"},
		{"/shelves", "$search=NOT x", exitNo, "^ NOT is not supported in $search on /shelves (SearchRestrictions UnsupportedExpressions NOT)"},
	} {
		code, out, errOut := runCLI(t, "", "query", "-spec", fx, "-path", tc.path, tc.query)
		if code != tc.code || !strings.Contains(out+errOut, tc.msg) {
			t.Errorf("%s %s: exit %d, want %d with %q\nstdout:\n%s\nstderr:\n%s", tc.path, tc.query, code, tc.code, tc.msg, out, errOut)
		}
	}
}

func TestQueryUsage(t *testing.T) {
	for _, args := range [][]string{
		{"query", "$top=1"},
		{"query", "-spec", "x.xml", "$top=1"},
		{"query", "-spec", "x.xml", "-path", "/a", "-type", "b", "$top=1"},
		{"query", "-spec", "x.xml", "-path", "/a"},
	} {
		if code, _, _ := runCLI(t, "", args...); code != exitCannot {
			t.Errorf("%v: exit %d, want %d", args, code, exitCannot)
		}
	}
}

// TestQueryTypeAnnotations: with -type, the capabilities annotated on the
// type itself apply.
func TestQueryTypeAnnotations(t *testing.T) {
	csdl := filepath.Join(t.TempDir(), "shop.xml")
	doc := `<?xml version="1.0" encoding="utf-8"?>
<edmx:Edmx Version="4.0" xmlns:edmx="http://docs.oasis-open.org/odata/ns/edmx">
  <edmx:DataServices>
    <Schema Namespace="demo.shop" xmlns="http://docs.oasis-open.org/odata/ns/edm">
      <EntityType Name="order">
        <Key><PropertyRef Name="id"/></Key>
        <Property Name="id" Type="Edm.String" Nullable="false"/>
      </EntityType>
      <EntityType Name="item">
        <Key><PropertyRef Name="id"/></Key>
        <Property Name="id" Type="Edm.String" Nullable="false"/>
      </EntityType>
      <Annotations Target="demo.shop.order">
        <Annotation Term="Org.OData.Capabilities.V1.SkipSupported" Bool="false"/>
      </Annotations>
    </Schema>
  </edmx:DataServices>
</edmx:Edmx>
`
	if err := os.WriteFile(csdl, []byte(doc), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, errOut := runCLI(t, "", "query", "-spec", csdl, "-type", "order", "$top=2&$skip=1")
	if code != exitNo || !strings.Contains(out+errOut, "SkipSupported false") {
		t.Errorf("$skip on a type annotated SkipSupported false: exit %d\n%s%s", code, out, errOut)
	}
	if code, out, errOut := runCLI(t, "", "query", "-spec", csdl, "-type", "item", "$skip=1"); code != exitOK {
		t.Errorf("$skip on a type without the annotation: exit %d\n%s%s", code, out, errOut)
	}
}
