package query

import (
	"errors"
	"strings"
	"testing"
)

// The options of $expand items that end in /$ref, /$count or *, by the
// OData 4.01 ABNF (odata-abnf-construction-rules, expandPath):
//
//	STAR [ ref / OPEN levels CLOSE ]
//	navigationProperty [ "/" optionallyQualifiedEntityTypeName ]
//	  [ ref   [ OPEN expandRefOption   *( SEMI expandRefOption   ) CLOSE ]
//	  / count [ OPEN expandCountOption *( SEMI expandCountOption ) CLOSE ]
//	  /         OPEN expandOption      *( SEMI expandOption      ) CLOSE ]
//	expandCountOption = filter / search
//	expandRefOption   = expandCountOption / orderby / skip / top / inlinecount
//	expandOption      = expandRefOption / select / expand / compute / levels / aliasAndValue
//
// So a reference list takes $filter, $search, $orderby, $skip, $top and
// $count (references have no properties to select or expand, and no
// levels), no parameter alias, and */$ref takes no options at all.

// expandOptionSamples is a valid value for every system query option, as
// it would stand inside the parentheses of an $expand item.
var expandOptionSamples = []struct {
	kind optKind
	text string
}{
	{optSelect, "$select=Name"},
	{optExpand, "$expand=Product"},
	{optFilter, "$filter=Price gt 3"},
	{optSearch, "$search=blue"},
	{optOrderBy, "$orderby=Price desc"},
	{optTop, "$top=2"},
	{optSkip, "$skip=1"},
	{optCount, "$count=true"},
	{optLevels, "$levels=2"},
	{optCompute, "$compute=Price mul 2 as Twice"},
	{optIndex, "$index=1"},
	{optSkipToken, "$skiptoken=abc"},
	{optDeltaToken, "$deltatoken=abc"},
	{optFormat, "$format=json"},
	{optSchemaVersion, "$schemaversion=1"},
	{optID, "$id=Products(1)"},
	{optApply, "$apply=groupby((Name))"},
}

// TestExpandRefOptionsMatrix tries every system query option in each
// place: after nav/$ref (and a cast), after nav/$count, after * and after
// */$ref, and checks that exactly the grammar's options are accepted and
// every other one is refused at the offset of its name (or of the "(" for
// */$ref), naming what is allowed there.
func TestExpandRefOptionsMatrix(t *testing.T) {
	places := []struct {
		prefix  string // up to and including "("
		allowed []optKind
		where   string // in the error
		star    bool   // */$ref: refused at the "("
	}{
		{"$expand=Items/$ref(", []optKind{optFilter, optSearch, optOrderBy, optTop, optSkip, optCount}, "after /$ref (allowed: $filter, $search, $orderby, $top, $skip, $count)", false},
		{"$expand=Items/Model.Special/$ref(", []optKind{optFilter, optSearch, optOrderBy, optTop, optSkip, optCount}, "after /$ref", false},
		{"$expand=Customer,Address/Orders/$ref(", []optKind{optFilter, optSearch, optOrderBy, optTop, optSkip, optCount}, "after /$ref", false},
		{"$expand=Items/$count(", []optKind{optFilter, optSearch}, "after /$count (allowed: $filter, $search)", false},
		{"$expand=*(", []optKind{optLevels}, "after * in $expand (allowed: $levels)", false},
		{"$expand=Address/*(", []optKind{optLevels}, "after * in $expand", false},
		{"$expand=*/$ref(", nil, "*/$ref takes no options", true},
		{"$expand=Address/*/$ref(", nil, "*/$ref takes no options", true},
	}
	for _, pl := range places {
		for _, o := range expandOptionSamples {
			in := pl.prefix + o.text + ")"
			allowed := false
			for _, k := range pl.allowed {
				allowed = allowed || k == o.kind
			}
			q, err := Parse(in)
			if allowed {
				if err != nil {
					t.Errorf("Parse(%q): %v", in, err)
					continue
				}
				if again, err := Parse(Print(q)); err != nil || !Equal(q, again) {
					t.Errorf("Parse(Print(Parse(%q))) = %q: %v", in, Print(q), err)
				}
				continue
			}
			off, msg := len(pl.prefix), o.kind.String()+" is not allowed "+pl.where
			if pl.star {
				off, msg = len(pl.prefix)-1, pl.where
			}
			checkParseError(t, in, off, msg)
		}
	}
}

func checkParseError(t *testing.T, in string, off int, msg string) {
	t.Helper()
	q, err := Parse(in)
	var qe *Error
	if !errors.As(err, &qe) {
		t.Errorf("Parse(%q) = %q, %v; want an *Error at %d containing %q", in, Print(q), err, off, msg)
		return
	}
	if qe.Offset != off || !strings.Contains(qe.Msg, msg) || qe.Expr != in {
		t.Errorf("Parse(%q): error at %d %q, want at %d containing %q", in, qe.Offset, qe.Msg, off, msg)
	}
	// The caret stands under the offending byte.
	lines := strings.Split(err.Error(), "\n")
	if len(lines) != 2 || lines[0] != in || lines[1] != strings.Repeat(" ", off)+"^ "+qe.Msg {
		t.Errorf("Parse(%q): the caret is not under offset %d:\n%v", in, off, err)
	}
}

// refParseCases are the other rules of $ref and * items, with exact
// offsets: 4.01 names without "$", no aliases, no empty or trailing
// option lists, duplicates, unknown names, errors inside the values, and
// $ref items nested in $expand options.
var refParseCases = []parseCase{
	{in: "$expand=Items/$ref($filter=Price gt 3;$search=blue;$orderby=Price desc;$skip=1;$top=2;$count=true)",
		print: "$expand=Items/$ref($filter=Price%20gt%203;$search=blue;$orderby=Price%20desc;$top=2;$skip=1;$count=true)"},
	{in: "$expand=Items/$ref(top=2;filter=Price gt 3;count=false)", print: "$expand=Items/$ref($filter=Price%20gt%203;$top=2;$count=false)"},
	{in: "$expand=Items/$ref(select=Name)", off: 19, msg: "$select is not allowed after /$ref"},
	{in: "$expand=Items/$ref(levels=2)", off: 19, msg: "$levels is not allowed after /$ref"},
	{in: "$expand=Items/$ref($top=1;$select=Name)", off: 26, msg: "$select is not allowed after /$ref"},
	{in: "$expand=Items/$ref(@p=1)", off: 19, msg: "parameter aliases are not allowed after /$ref (allowed: $filter, $search, $orderby, $top, $skip, $count)"},
	{in: "$expand=Items/$ref($top=1;@p=1)", off: 26, msg: "parameter aliases are not allowed after /$ref"},
	{in: "$expand=Items/$ref($filter=Price gt @p)&@p=3", print: "$expand=Items/$ref($filter=Price%20gt%20@p)&@p=3"},
	{in: "$expand=Items/$ref()", off: 19, msg: "expected a query option such as $filter=..., found ')'"},
	{in: "$expand=Items/$ref($top=1;)", off: 26, msg: "expected a query option"},
	{in: "$expand=Items/$ref(", off: 18, msg: "( is never closed"},
	{in: "$expand=Items/$ref($top=1", off: 18, msg: "( is never closed"},
	{in: "$expand=Items/$ref($top=1;$top=2)", off: 26, msg: "$top is given twice in these options"},
	{in: "$expand=Items/$ref(foo=1)", off: 19, msg: "unknown query option foo after /$ref"},
	{in: "$expand=Items/$ref($top=x)", off: 24, msg: "$top"},
	{in: "$expand=Items/$ref($filter=Price gt)", off: 35, msg: "expected"},
	{in: "$expand=Items/$ref($top=1)x", off: 26, msg: "expected , or the end of the $expand item"},
	{in: "$expand=Items/$ref($top=1),Customer/$ref($skip=2)", print: "="},
	{in: "$expand=Items($expand=Product/$ref($top=1))", print: "="},
	{in: "$expand=Items($expand=Product/$ref($select=Name))", off: 35, msg: "$select is not allowed after /$ref"},
	{in: "$expand=Items($expand=Product/$ref($expand=Maker))", off: 35, msg: "$expand is not allowed after /$ref"},
	{in: "$expand=Items/$ref($filter=Price gt 3)/x", off: 38, msg: "expected , or the end of the $expand item"},
	{in: "$expand=*/$ref()", off: 14, msg: "*/$ref takes no options"},
	{in: "$expand=*/$ref($filter=Price gt 3)", off: 14, msg: "*/$ref takes no options"},
	{in: "$expand=*/$ref(@p=1)", off: 14, msg: "*/$ref takes no options"},
	{in: "$expand=*($levels=1;$levels=2)", off: 20, msg: "$levels is given twice"},
	{in: "$expand=*(@p=1)", off: 10, msg: "parameter aliases are not allowed after * in $expand (allowed: $levels)"},
	{in: "$expand=*(levels=max)", print: "$expand=*($levels=max)"},
	{in: "$expand=Items/$count(@p=1)", off: 21, msg: "parameter aliases are not allowed after /$count (allowed: $filter, $search)"},
	// An annotation may be expanded as references; a type cast may come
	// before */$ref; percent-encoding keeps the offsets of the raw text.
	{in: "$expand=@Namespace.EntityTerm/$ref($top=1)", print: "="},
	{in: "$expand=@Namespace.EntityTerm/$ref($select=Name)", off: 35, msg: "$select is not allowed after /$ref"},
	{in: "$expand=Model.VipCustomer/*/$ref", print: "="},
	{in: "$expand=Model.VipCustomer/*/$ref($top=1)", off: 32, msg: "*/$ref takes no options"},
	{in: "$expand=*/Model.VipCustomer/$ref", off: 8, msg: "* must end the $expand item (or be followed by /$ref)"},
	{in: "$expand=Items/%24ref(%24top=1)", print: "$expand=Items/$ref($top=1)"},
	{in: "$expand=Items/%24ref(%24select=Name)", off: 21, msg: "$select is not allowed after /$ref"},
	{in: "$expand=Items/$ref/$count", off: 14, msg: "$ref must end the $expand item"},
}

func TestExpandRefParse(t *testing.T) {
	for _, c := range refParseCases {
		if c.msg != "" {
			checkParseError(t, c.in, c.off, c.msg)
			continue
		}
		q, err := Parse(c.in)
		if err != nil {
			t.Errorf("Parse(%q): %v", c.in, err)
			continue
		}
		want := c.print
		if want == "=" {
			want = c.in
		}
		if got := Print(q); got != want {
			t.Errorf("Print(Parse(%q)) = %q, want %q", c.in, got, want)
		}
		if again, err := Parse(Print(q)); err != nil || !Equal(q, again) {
			t.Errorf("Parse(Print(Parse(%q))): %v", c.in, err)
		}
	}
}

// refCheckCases check the options of $ref items against the capabilities
// of the navigation target, as the options of other $expand items are.
var refCheckCases = []checkCase{
	{resource: "/me", query: "$expand=messages/$ref($filter=isRead eq true;$orderby=receivedDateTime desc;$search=x;$count=true;$skip=1)"},
	{resource: "/me", query: "$expand=messages/$ref($filter=isRead ne true)", off: 37, msg: "operator ne is not supported on isRead (supported: eq)"},
	{resource: "/me", query: "$expand=messages/$ref($orderby=nope)", off: 31, msg: "microsoft.graph.message has no property nope"},
	{resource: "/me", query: "$expand=messages($expand=attachments/$ref($top=1))", off: 42, msg: "$top is not supported on /me/messages/attachments (TopSupported false)"},
	{resource: "/me", query: "$expand=messages($expand=attachments/$ref($filter=size gt 1))", off: 42, msg: "$filter is not supported on /me/messages/attachments (FilterRestrictions Filterable false)"},
	{resource: "/me", query: "$expand=manager/$ref($top=1)", off: 21, msg: "$top applies to collections; /me/manager is a single entity"},
	{resource: "/users", query: "$expand=messages/$ref", off: 8, msg: "messages cannot be expanded on /users (ExpandRestrictions NonExpandableProperties)"},
	{resource: "/users", query: "$expand=manager/$ref($select=id)", off: 21, msg: "$select is not allowed after /$ref"},
	{resource: "/users", query: "$expand=*/$ref($top=1)", off: 14, msg: "*/$ref takes no options"},
}

func TestExpandRefCheck(t *testing.T) {
	m := fixture()
	for _, c := range refCheckCases {
		_, err := Check(m, c.resource, c.query)
		if c.msg == "" {
			if err != nil {
				t.Errorf("Check(%q, %q):\n%v", c.resource, c.query, err)
			}
			continue
		}
		var qe *Error
		if !errors.As(err, &qe) {
			t.Errorf("Check(%q, %q) = %v, want an error at %d containing %q", c.resource, c.query, err, c.off, c.msg)
			continue
		}
		if qe.Offset != c.off || !strings.Contains(qe.Msg, c.msg) || qe.Expr != c.query {
			t.Errorf("Check(%q, %q): error at %d %q, want at %d containing %q\n%v", c.resource, c.query, qe.Offset, qe.Msg, c.off, c.msg, err)
		}
	}
}
