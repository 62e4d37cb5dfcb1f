package filter

import (
	"errors"
	"strings"
	"testing"
)

// TestCheckFullGrammar checks the OData 4.01 forms against the rich model:
// JSON arrays and objects and empty lists are checked, /$filter(...) and
// $count($filter=...) against the members of their collection; what the
// Model cannot decide (functions, key predicates, annotations, $root,
// $search, predicates over a parameter alias) is an error that says it is
// not supported by the checker, at the node.
func TestCheckFullGrammar(t *testing.T) {
	const guid = "8a256a2b-b617-496d-b51b-e76466e88db0"
	m := richModel()
	runCheck(t, m, user, []checkCase{
		// Lists and JSON arrays after in.
		{"displayName in ()", -1, ""},
		{"displayName in ( )", -1, ""},
		{`displayName in ["a", "b"]`, -1, ""},
		{`displayName in ["a", 'b', @p]`, -1, ""},
		{`displayName in []`, -1, ""},
		{`displayName in [null]`, -1, ""},
		{`displayName in ["a", 1]`, 21, "type mismatch: displayName is Edm.String, 1 is Edm.Int32"},
		{`id in [null]`, 7, "comparison with null is not supported on id"},
		{`id in [displayName]`, -1, ""},
		{`id in [age]`, 3, "operator in is not supported on age"},
		{`age in [1]`, 4, "operator in is not supported on age"},
		{`age in ()`, 4, "operator in is not supported on age"},
		{"tags in ()", 0, "tags is a collection: use any or all to compare its members"},
		{`tags in []`, 0, "tags is a collection"},
		{`status in ["active", "gone"]`, 21, `"gone" is not a member of microsoft.graph.userStatus`},
		{`displayName in [["a"]]`, 16, `["a"] is a collection: use any or all`},
		{`displayName in (["a"])`, 16, `["a"] is a collection`},
		{`onPremisesExtensionAttributes in ({"extensionAttribute1": "x"}, {"extensionAttribute1": null})`, -1, ""},
		{`onPremisesExtensionAttributes in [{"extensionAttribute1": 2}]`, 58, "type mismatch: extensionAttribute1 is Edm.String, 2 is Edm.Int32"},
		// JSON arrays elsewhere.
		{`hassubset(tags, ["a", "b"])`, -1, ""},
		{`hassubset(["a"], tags)`, -1, ""},
		{`hassubset(tags, [])`, -1, ""},
		{`hassubsequence(tags, ["a", null])`, -1, ""},
		{`hassubset(tags, [1])`, 17, "type mismatch"},
		{`hassubset(tags, [["a"]])`, 17, `["a"] is a collection`},
		{`hassubset([1, 2], [3])`, -1, ""},
		{`hassubset(tags, proxyAddresses)`, -1, ""},
		{`tags eq ["x"]`, 0, "tags is a collection: use any or all to compare its members"},
		{`["x"]`, 0, `the filter must be Boolean; ["x"] is Collection(Edm.String)`},
		{`[]`, 0, "the filter must be Boolean; [] is a collection of unknown type"},
		{`[1, "a"] eq 1`, 0, "is a collection"},
		{`length(["a"]) eq 1`, 7, "length needs Edm.String for argument 1"},
		{`[ageGroup] eq 1`, 1, "ageGroup is not filterable"},
		// JSON objects against structured types.
		{`onPremisesExtensionAttributes eq {"extensionAttribute1": "x"}`, -1, ""},
		{`onPremisesExtensionAttributes eq {}`, -1, ""},
		{`onPremisesExtensionAttributes eq {"@odata.type": "#x", "extensionAttribute1@odata.type": "#String", "extensionAttribute1": null}`, -1, ""},
		{`{"extensionAttribute1": "x"} ne onPremisesExtensionAttributes`, -1, ""},
		{`onPremisesExtensionAttributes eq {"nope": 1}`, 34, "no property nope on microsoft.graph.onPremisesExtensionAttributes"},
		{`onPremisesExtensionAttributes eq {"extensionAttribute1": 1}`, 57, "type mismatch: extensionAttribute1 is Edm.String, 1 is Edm.Int32"},
		{`onPremisesExtensionAttributes eq {"extensionAttribute1": ["x"]}`, 57, `type mismatch: extensionAttribute1 is Edm.String, ["x"] is Collection(Edm.String)`},
		{`onPremisesExtensionAttributes eq {"extensionAttribute1": {}}`, 57, "type mismatch: extensionAttribute1 is Edm.String, {} is a JSON object"},
		{`onPremisesExtensionAttributes eq {"extensionAttribute1": ageGroup}`, 57, "ageGroup is not filterable"},
		{`onPremisesExtensionAttributes gt {}`, 30, "operator gt is not supported on onPremisesExtensionAttributes"},
		{`age eq {"a": 1}`, 7, `type mismatch: age is Edm.Int32, {"a": 1} is a JSON object`},
		{`{"a": 1} eq {"b": 2}`, -1, ""},
		{`{"a": 1}`, 0, `the filter must be Boolean; {"a": 1} is a JSON object`},
		{`extra eq {"a": 1} and @p eq {"b": [1]}`, -1, ""},
		{`assignedLicenses/any(x: x eq {"skuId": ` + guid + `, "disabledPlans": [` + guid + `, null]})`, -1, ""},
		{`assignedLicenses/any(x: x eq {"disabledPlans": []})`, -1, ""},
		{`assignedLicenses/any(x: x eq {"disabledPlans": ["x"]})`, 48, "type mismatch: disabledPlans is Edm.Guid, 'x' is Edm.String"},
		{`assignedLicenses/any(x: x eq {"disabledPlans": "x"})`, 47, "type mismatch: disabledPlans is Collection(Edm.Guid), 'x' is Edm.String"},
		{`assignedLicenses/any(x: x eq {"disabledPlans": x/disabledPlans})`, -1, ""},
		{`assignedLicenses/any(x: x eq {"skuId": x/disabledPlans})`, 39, "type mismatch: skuId is Edm.Guid, x/disabledPlans is Collection(Edm.Guid)"},
		{`case(true: {"a": 1}) eq onPremisesExtensionAttributes`, 0, "not supported by the checker"},
		// /$filter(...) segments and $count options.
		{"assignedLicenses/$filter(skuId eq " + guid + ")/$count gt 0", -1, ""},
		{"assignedLicenses/$filter(skuId eq " + guid + ")/any(x: x/skuId eq " + guid + ")", -1, ""},
		{"assignedLicenses/$filter($it/displayName eq 'x')/$count gt 0", -1, ""},
		{"assignedLicenses/$filter(disabledPlans/any(p: p eq " + guid + "))/$count gt 0", -1, ""},
		{"memberOf/$filter(id eq 'x')/$count gt 0", -1, ""},
		{"proxyAddresses/$filter(startswith($this, 'smtp:'))/$count gt 0", -1, ""},
		{"proxyAddresses/$filter(endswith($this, 'x'))/$count gt 0", 23, "function endswith is not supported on proxyAddresses"},
		{"assignedLicenses/$filter(skuId ne " + guid + ")/$count gt 0", 31, "operator ne is not supported on assignedLicenses"},
		{"assignedLicenses/$filter(nosuch eq 1)/$count gt 0", 25, "no property nosuch on microsoft.graph.assignedLicense"},
		{"assignedLicenses/$filter(skuId)/$count gt 0", 25, "the condition of $filter(...) must be Boolean; skuId is Edm.Guid"},
		{"assignedLicenses/$filter(displayName eq 'x')/$count gt 0", 25, "no property displayName on microsoft.graph.assignedLicense"},
		{"displayName/$filter(true)/$count gt 0", 12, "$filter(...) needs a collection; displayName is Edm.String"},
		{"onPremisesExtensionAttributes/extensionAttribute1/$filter(true)", 50, "$filter(...) needs a collection"},
		{"manager/microsoft.graph.group/members/$filter(true)/$count eq 0", -1, ""},
		{"memberOf/microsoft.graph.group/members/$filter(true)", 31, "memberOf/microsoft.graph.group is a collection: use any or all"},
		{"manager/$filter(true)/$count eq 0", 8, "$filter(...) needs a collection; manager is microsoft.graph.directoryObject"},
		{"proxyAddresses/$count($filter=startswith($this, 'smtp:')) gt 0", -1, ""},
		{"assignedLicenses/$count($filter=skuId eq " + guid + ") gt 0", -1, ""},
		{"assignedLicenses/$count($filter=skuId ne " + guid + ") gt 0", 38, "operator ne is not supported on assignedLicenses"},
		{"assignedLicenses/$count($filter=skuId) gt 0", 32, "the $filter option of $count must be Boolean"},
		{"tags/$count($filter=$this eq 'a') gt 0", 5, "$count is not supported on tags"},
		{"assignedLicenses/$count($search=blue) gt 0", 24, "$search is not supported by the checker"},
		{"assignedLicenses/$count($filter=true;$search=blue) gt 0", 37, "$search is not supported by the checker"},
		{"not (proxyAddresses/$count($filter=startswith($this, 'a')) eq 0)", -1, ""},
		{"not (assignedLicenses/$filter(true)/$count eq 0)", -1, ""},
		// What the Model cannot decide.
		{"manager(1)/id eq 'x'", 7, "key predicates are not supported by the checker"},
		{"memberOf('x')/id eq 'x'", 8, "key predicates are not supported by the checker"},
		{"memberOf/1/id eq 'x'", 9, "key predicates are not supported by the checker"},
		{"memberOf(id='x')/id eq 'x'", 8, "key predicates are not supported by the checker"},
		{"nosuch(1)/id eq 'x'", 0, "no property nosuch on microsoft.graph.user"},
		{"microsoft.graph.fn()", 0, "function microsoft.graph.fn is not supported by the checker"},
		{"memberOf/microsoft.graph.fn(a=1) eq 1", 9, "function microsoft.graph.fn is not supported by the checker"},
		{"microsoft.graph.fn(a=ageGroup) eq 1", 0, "function microsoft.graph.fn is not supported by the checker"},
		{"displayName eq f()", 15, "function f is not supported by the checker"},
		{"displayName/@Core.Description eq 'x'", 12, "annotation @Core.Description is not supported by the checker"},
		{"@Core.Messages/$count eq 0", 0, "annotation @Core.Messages is not supported by the checker"},
		{"@Core.Messages#q eq 0", 0, "annotation @Core.Messages#q is not supported by the checker"},
		{"$root/users('x')/displayName eq 'y'", 0, "$root is not supported by the checker"},
		{"displayName eq $root/users/1/displayName", 15, "$root is not supported by the checker"},
		{"@a/Street eq 'x'", -1, ""},
		{"@a/ns.t/b/$count gt 1", -1, ""},
		{"@a/tags/any()", -1, ""},
		{"@a/tags/any(x: x eq 1)", 8, "any(...) after the parameter alias @a is not supported by the checker"},
		{"@a/ns.fn()", 3, "ns.fn() after the parameter alias @a is not supported by the checker"},
		{"@a/b(1) eq 1", 4, "a key predicate after the parameter alias @a is not supported by the checker"},
		{"@a/b/$filter(true)/$count eq 1", 5, "$filter(...) after the parameter alias @a is not supported by the checker"},
		{"@a/$count($filter=true) eq 1", 10, "$count options after the parameter alias @a are not supported by the checker"},
		{"@a/b/@c.d eq 1", 5, "@c.d after the parameter alias @a is not supported by the checker"},
		{"@a/b", -1, ""},
		{"@a/$count", 0, "the filter must be Boolean; @a/$count is Edm.Int32"},
		// has with what hasExpr allows.
		{"permissions has 'read'", -1, ""},
		{"permissions has @p", -1, ""},
	})
	// Model.Check on hand-built trees with the new nodes does not panic.
	for _, e := range []Expr{
		&Path{Segments: []Segment{{Kind: SegKeyAsSegment}}},
		&Path{Segments: []Segment{{Kind: SegProperty, Name: "tags"}, {Kind: SegFilter}}},
		&Path{Segments: []Segment{{Kind: SegProperty, Name: "assignedLicenses"}, {Kind: SegCount, Options: []CountOption{{Name: "$filter"}}}}},
		&Path{Segments: []Segment{{Kind: SegAlias, Name: "a"}}},
		&Array{Items: []Expr{nil}},
		&Object{Members: []Member{{Name: "a"}}},
		&Binary{Op: "eq", L: &Path{Segments: []Segment{{Kind: SegProperty, Name: "onPremisesExtensionAttributes"}}}, R: &Object{Members: []Member{{Name: "extensionAttribute1"}}}},
		&Binary{Op: "in", L: &Path{Segments: []Segment{{Kind: SegProperty, Name: "id"}}}, R: &Array{Items: []Expr{&Object{}}}},
	} {
		err := m.Check(user, e)
		var fe *Error
		if err != nil && !errors.As(err, &fe) {
			t.Errorf("Model.Check(%s) = %v, want nil or an *Error", Print(e), err)
		}
	}
}

// TestCheckNotSupportedWording makes sure every "cannot decide" error says
// so in the same words, so that callers can tell it from a real error.
func TestCheckNotSupportedWording(t *testing.T) {
	m := richModel()
	for _, expr := range []string{
		"manager(1)/id eq 'x'", "memberOf/1/id eq 'x'", "microsoft.graph.fn()", "displayName/@a.b eq 1",
		"$root/x/y eq 1", "assignedLicenses/$count($search=x) gt 0", "@a/ns.fn()", "@a/b/any(x: x)",
	} {
		err := Check(m, user, expr)
		if err == nil || !strings.Contains(err.Error(), "not supported by the checker") {
			t.Errorf("Check(%q) = %v, want \"not supported by the checker\"", expr, err)
		}
	}
}
