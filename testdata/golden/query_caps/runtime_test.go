package querycaps

// Compiled with the generated want/ files by the generator's
// TestGoldenCompile: every query the typed builders make passes the
// generated checks, the checks refuse what the capabilities forbid, and
// what the builders leave out (a use that would not compile) is absent
// from their types, found by reflection as gen/graph's filter builder
// test does.

import (
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/odatagen/odatagen/validate/query"
)

func TestBuiltQueriesPassCheck(t *testing.T) {
	for _, q := range []*query.Query{
		query.New(query.Select(PersonSelect.DisplayName, PersonSelect.Mail, PersonSelect.Emails, PersonSelect.Home)),
		query.New(query.OrderBy(PersonOrderBy.Created.Desc(), PersonOrderBy.DisplayName, PersonOrderBy.ID.Desc())),
		query.New(query.OrderBy(PersonOrderBy.DisplayName.Asc())),
		query.New(query.Expand(PersonExpand.Manager.With(query.Select(PersonSelect.ID)), PersonExpand.Teams.With(query.Select(TeamSelect.Name), query.OrderBy(TeamOrderBy.Name)))),
		query.New(query.Expand(PersonExpand.Teams.Ref())),
		query.New(query.Select(PersonSelect.ID), query.Expand(PersonExpand.Manager), query.OrderBy(PersonOrderBy.ID)),
	} {
		raw := q.String()
		if err := CheckPeopleQuery(raw); err != nil {
			t.Errorf("CheckPeopleQuery(%q): %v", raw, err)
		}
		if err := CheckPersonQuery(raw); err != nil {
			t.Errorf("CheckPersonQuery(%q): %v", raw, err)
		}
		if err := CheckQuery[Person](raw); err != nil {
			t.Errorf("CheckQuery[Person](%q): %v", raw, err)
		}
	}
	for _, q := range []*query.Query{
		query.New(query.Select(TeamSelect.ID, TeamSelect.Name), query.OrderBy(TeamOrderBy.Name.Desc()), query.Top(3)),
		query.New(query.Expand(TeamExpand.Members.With(query.Select(PersonSelect.Mail)))),
	} {
		if err := CheckTeamsQuery(q.String()); err != nil {
			t.Errorf("CheckTeamsQuery(%q): %v", q.String(), err)
		}
	}
	if q := query.New(query.OrderBy(MessageOrderBy.Subject)); CheckMessagesQuery(q.String()) != nil {
		t.Errorf("CheckMessagesQuery(%q): %v", q.String(), CheckMessagesQuery(q.String()))
	}
}

func TestCheckRefuses(t *testing.T) {
	for _, c := range []struct {
		check func(string) error
		raw   string
		want  string
	}{
		{CheckPeopleQuery, "$orderby=mail", "mail"},
		{CheckPeopleQuery, "$orderby=displayName desc", "displayName"},
		{CheckPeopleQuery, "$orderby=created asc", "created"},
		{CheckPeopleQuery, "$expand=messages", "messages"},
		{CheckPeopleQuery, "$top=5", "$top"},
		{CheckPeopleQuery, "$select=nope", "nope"},
		{CheckMessagesQuery, "$select=subject", "$select"},
		{CheckTeamsQuery, "$expand=members($orderby=mail)", "mail"},
		{CheckPersonQuery, "$expand=nope", "nope"},
	} {
		err := c.check(c.raw)
		if err == nil {
			t.Errorf("%q accepted", c.raw)
			continue
		}
		if !strings.Contains(err.Error(), c.want) {
			t.Errorf("%q: error %q does not name %q", c.raw, err, c.want)
		}
	}
}

// TestUnsupportedUsesDoNotCompile: PersonOrderBy.Mail (NonSortableProperties),
// PersonOrderBy.DisplayName.Desc() (AscendingOnlyProperties),
// PersonOrderBy.Created.Asc() (DescendingOnlyProperties), PersonExpand.Messages
// (NonExpandableProperties), PersonOrderBy.Emails (a collection), any
// MessageSelect (SelectSupport Supported false on messages) and With on a
// single-valued navigation taking $top do not compile.
func TestUnsupportedUsesDoNotCompile(t *testing.T) {
	for _, c := range []struct {
		v     any
		field string
	}{
		{PersonOrderBy, "Mail"}, {PersonOrderBy, "Emails"}, {PersonOrderBy, "Home"},
		{PersonExpand, "Messages"}, {PersonSelect, "Manager"},
	} {
		if _, ok := reflect.TypeOf(c.v).FieldByName(c.field); ok {
			t.Errorf("%T has field %s", c.v, c.field)
		}
	}
	if _, ok := reflect.TypeOf(PersonOrderBy.DisplayName).MethodByName("Desc"); ok {
		t.Error("PersonOrderBy.DisplayName has Desc")
	}
	if _, ok := reflect.TypeOf(PersonOrderBy.Created).MethodByName("Asc"); ok {
		t.Error("PersonOrderBy.Created has Asc")
	}
	var top any = query.Top(1)
	if _, ok := top.(query.EntityPart); ok {
		t.Error("Top is an EntityPart: PersonExpand.Manager.With(query.Top(1)) would compile")
	}
	if reflect.TypeOf(PersonExpand.Manager) != reflect.TypeFor[query.ExpandableSingle]() {
		t.Errorf("PersonExpand.Manager is %T", PersonExpand.Manager)
	}
}

// TestUnsupportedUsesFailToBuild builds, with the go tool, a package that
// uses each unsupported builder form, and expects the compiler to refuse
// every one of them.
func TestUnsupportedUsesFailToBuild(t *testing.T) {
	goTool, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go tool")
	}
	root, err := filepath.Abs("..") // the module of the golden packages
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(root, "go.mod")); err != nil {
		t.Skip("not in the golden module")
	}
	dir, err := os.MkdirTemp(root, "querycaps_compilefail")
	if err != nil {
		t.Fatal(err)
	}
	defer os.RemoveAll(dir)
	src := `package compilefail

import (
	"goldens/querycaps"

	"github.com/odatagen/odatagen/validate/query"
)

var (
	_ = querycaps.PersonOrderBy.Mail
	_ = querycaps.PersonOrderBy.DisplayName.Desc()
	_ = querycaps.PersonOrderBy.Created.Asc()
	_ = querycaps.PersonExpand.Messages
	_ = querycaps.PersonExpand.Manager.With(query.Top(1))
	_ = querycaps.MessageSelect
)
`
	if err := os.WriteFile(filepath.Join(dir, "x.go"), []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(goTool, "build", "-gcflags=-e", "./"+filepath.Base(dir))
	cmd.Dir = root
	out, err := cmd.CombinedOutput()
	if err == nil {
		t.Fatalf("unsupported builder uses compiled:\n%s", src)
	}
	for _, want := range []string{
		"PersonOrderBy.Mail undefined",
		"PersonOrderBy.DisplayName.Desc undefined",
		"PersonOrderBy.Created.Asc undefined",
		"PersonExpand.Messages undefined",
		"cannot use query.Top(1)",
		"undefined: querycaps.MessageSelect",
	} {
		if !strings.Contains(string(out), want) {
			t.Errorf("go build output lacks %q:\n%s", want, out)
		}
	}
}
