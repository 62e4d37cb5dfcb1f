package query

import (
	"errors"
	"strings"
	"testing"
)

// parseCase is a query and what Parse makes of it: the canonical print
// ("" means the input is already canonical), or an error at an offset.
type parseCase struct {
	in    string
	print string // canonical form; "=" for the input itself
	off   int    // error offset, when msg is set
	msg   string // a substring of the error message
}

// Most positive cases are the test cases of the OData ABNF
// (odata-abnf-testcases.yaml, sections 5.1.2 to 5.3); the negative ones
// come from the same file where it has a FailAt, and from the rules of the
// construction rules that they test. Offsets are those of this package:
// where the ABNF test's FailAt is the position at which a generic parser
// gives up, ours point at the token to blame.
var parseCases = []parseCase{
	// queryOptions: names, "$" optional, case, empty parts, URLs.
	{in: "", print: "="},
	{in: "?", print: ""},
	{in: "$top=5&$skip=10", print: "="},
	{in: "top=5&skip=10", print: "$top=5&$skip=10"},
	{in: "$TOP=5&$Skip=10", print: "$top=5&$skip=10"},
	{in: "%24top=5", print: "$top=5"},
	{in: "&&$top=5&", print: "$top=5"},
	{in: "?$top=5", print: "$top=5"},
	{in: "/users?$top=5", print: "="},
	{in: "/users", print: "="},
	{in: "users?", print: "="},
	{in: "users?$top=1", print: "="},
	{in: "https://graph.microsoft.com/v1.0/users?$select=id", print: "="},
	{in: "http://serviceRoot/Products?$search=blue", print: "="},
	{in: "http://serviceRoot/$all?$search=blue", print: "="},
	{in: "$top=1&$top=2", off: 7, msg: "$top is given twice (first at offset 0)"},
	{in: "$top=1&top=2", off: 7, msg: "$top is given twice"},
	{in: "$foo=1", off: 0, msg: "unknown system query option $foo"},
	{in: "$top=1&$Foo", off: 7, msg: "unknown system query option $Foo"},
	{in: "$levels=2", off: 0, msg: "$levels is only allowed inside $expand"},
	{in: "levels=2", print: "="}, // a custom query option at the top level
	{in: "skiptoken=x", print: "="},
	{in: "$count", off: 6, msg: "expected = and a value after $count"},
	{in: "=1", off: 0, msg: "expected a query option name before ="},
	{in: "$top=1#frag", off: 6, msg: "# starts a URL fragment"},
	{in: "$search=#1", off: 8, msg: "# starts a URL fragment"},
	{in: "$filter=a%2", off: 9, msg: "% must be followed by two hexadecimal digits"},
	{in: "$filter=a%zz", off: 9, msg: "% must be followed by two hexadecimal digits"},

	// Custom query options (5.2).
	{in: "find=O%27Neil", print: "find=O'Neil"},
	{in: "!deltatoken='201208210403'", print: "="},
	{in: "!special", print: "="},
	{in: "find=O%27Neil&!special", print: "find=O'Neil&!special"},
	{in: "$orderby=Name&!deltatoken=0412312321", print: "="},
	{in: "a=1&a=2&b", print: "="},
	{in: "x=1&a%3Fb=2", print: "="},
	{in: "x=1&%2Fa=2", print: "x=1&%2Fa=2"},

	// Parameter aliases (5.3).
	{in: "$filter=contains(Title,@word)&@word='Black'", print: "$filter=contains(Title,%20@word)&@word='Black'"},
	{in: "$filter=Title eq @title&@title='Wizard%20of%20Oz'", print: "$filter=Title%20eq%20@title&@title='Wizard%20of%20Oz'"},
	{in: "@i=[\"Carrots\",\"Ginger\",\"Oranges\"]", print: "@i=%5B%22Carrots%22,%22Ginger%22,%22Oranges%22%5D"},
	{in: "@c={}", print: "@c=%7B%7D"},
	{in: "@c=[]", print: "@c=%5B%5D"},
	{in: "@c={\"Name\":\"Value\"}", print: "@c=%7B%22Name%22:%22Value%22%7D"},
	{in: "@c={\"@odata.type\":\"Model.Customer\",\"Name\":\"Value\"}", print: "@c=%7B%22@odata.type%22:%22Model.Customer%22,%22Name%22:%22Value%22%7D"},
	{in: "@c={\"Name\":false,\"Price\":3.14e0,\"Rating\":null}", print: "@c=%7B%22Name%22:false,%22Price%22:3.14e0,%22Rating%22:null%7D"},
	{in: "@c=[1,[2,{\"a\":\"x\\\"y\\u0041\"}],'s']", print: "@c=%5B1,%5B2,%7B%22a%22:%22x%5C%22yA%22%7D%5D,'s'%5D"},
	{in: "@c=%5B1%2C2%5D", print: "@c=%5B1,2%5D"},
	{in: "$filter=a eq 1&@a=1&@a=2", off: 20, msg: "parameter alias @a is defined twice (first at offset 15)"},
	{in: "$filter=a eq @b", off: 13, msg: "parameter alias @b is not defined"},
	{in: "@a=@b&@b=@a", off: 0, msg: "parameter alias @a refers to itself"},
	{in: "@a=@a", off: 0, msg: "refers to itself"},
	{in: "@1=2", off: 1, msg: "a parameter alias is @ and an identifier"},
	{in: "@a", off: 2, msg: "expected = and a value after @a"},
	{in: "@c=[1,2", off: 3, msg: "[ is never closed"},
	{in: "@c=[1;2]", off: 5, msg: "found ;"},
	{in: "@c=[1 2]", off: 6, msg: ""},
	{in: "@c={\"a\" 1}", off: 8, msg: "expected : after the member name"},
	{in: "@c={a:1}", off: 4, msg: "expected a member name in double quotes"},
	{in: "@c=[\"a\\qb\"]", off: 6, msg: "unknown escape \\q"},
	{in: "@c=[\"ab]", off: 4, msg: "the string is never closed"},
	{in: "@c=[1] x", off: 7, msg: "unexpected"},
	{in: "@c=", off: 3, msg: "expected an expression in the value of the alias"},

	// $expand (5.1.2).
	{in: "$expand=Items", print: "="},
	{in: "expand=Items", print: "$expand=Items"},
	{in: "$expand=Items/$ref", print: "="},
	{in: "$expand=Customer,Items", print: "="},
	{in: "$expand=Customer/$ref,Items", print: "="},
	{in: "$expand=Customer,Items($expand=Product)", print: "="},
	{in: "expand=Customer,Items(expand=Product)", print: "$expand=Customer,Items($expand=Product)"},
	{in: "$expand=Customer($levels=4)", print: "="},
	{in: "expand=Customer(levels=4)", print: "$expand=Customer($levels=4)"},
	{in: "$expand=Customer,Items($expand=Product/$ref)", print: "="},
	{in: "$expand=Customer/$ref($levels=4)", off: 22, msg: "$levels is not allowed after /$ref"},
	{in: "$expand=Customer/$ref($select=Name)", off: 22, msg: "$select is not allowed after /$ref"},
	{in: "$expand=Customer,Items/$ref($expand=Product)", off: 28, msg: "$expand is not allowed after /$ref"},
	{in: "$expand=Items($count=true)", print: "="},
	{in: "$expand=Items/$count", print: "="},
	{in: "$expand=Items/$count($filter=Name eq 'Hugo')", print: "$expand=Items/$count($filter=Name%20eq%20'Hugo')"},
	{in: "expand=Items/$count(filter=Name eq 'Hugo')", print: "$expand=Items/$count($filter=Name%20eq%20'Hugo')"},
	{in: "$expand=Items/$count($search=Hugo)", print: "="},
	{in: "expand=Items/$count(search=Hugo)", print: "$expand=Items/$count($search=Hugo)"},
	{in: "$expand=Items/$count($count=true)", off: 21, msg: "$count is not allowed after /$count (allowed: $filter, $search)"},
	{in: "$expand=Items($select=Quantity;$expand=Product($select=Name,Price);@c=15)", print: "="},
	{in: "$expand=Address/Country", print: "="},
	{in: "$expand=Addresses/Country", print: "="},
	{in: "$expand=Category($levels=4),Category($levels=max)", print: "="},
	{in: "$expand=Category($levels=MAX)", print: "$expand=Category($levels=max)"},
	{in: "$expand=Category($levels=04)", off: 25, msg: "without leading zeros"},
	{in: "$expand=Category($levels=0)", off: 25, msg: "without leading zeros"},
	{in: "$expand=Category($levels=x)", off: 25, msg: "$levels takes a positive integer or max"},
	{in: "$expand=*,*/$ref,*($levels=2),Category", print: "="},
	{in: "$expand=Address/*,Address/Address/*,Addresses/*,Address/Model.AddressWithLocation/*,Model.VipCustomer/Address/*", print: "="},
	{in: "$expand=Address/*/$ref,Address/*($levels=max)", print: "="},
	{in: "$expand=$value,Thumbnail", print: "="},
	{in: "$expand=@Namespace.EntityTerm", print: "="},
	{in: "$expand=@Namespace.EntityTerm($top=2)", print: "="},
	{in: "$expand=@Namespace.SomeTerm/Products($top=2)", print: "="},
	{in: "$expand=@Core.Messages%23q", print: "="},
	{in: "$expand=Items/$count/$ref", off: 14, msg: "$count must end the $expand item"},
	{in: "$expand=$ref", off: 8, msg: "$ref must follow a navigation property"},
	{in: "$expand=*($top=1)", off: 10, msg: "$top is not allowed after * in $expand (allowed: $levels)"},
	{in: "$expand=*/$ref($levels=1)", off: 14, msg: "*/$ref takes no options"},
	{in: "$expand=*/Items", off: 8, msg: "* must end the $expand item"},
	{in: "$expand=*/$count", off: 8, msg: "* must end the $expand item"},
	{in: "$expand=a/$value", off: 10, msg: "$value must be an $expand item of its own"},
	{in: "$expand=$value($top=1)", off: 14, msg: "$value takes no options"},
	{in: "$expand=$Ref", off: 8, msg: "expected a navigation property, *, $ref, $count or $value"},
	{in: "$expand=Model.*", off: 8, msg: "Model.* is not allowed in $expand"},
	{in: "$expand=", off: 8, msg: "expected a property name, found end of input"},
	{in: "$expand=a,", off: 10, msg: "found end of input"},
	{in: "$expand=a(", off: 9, msg: "( is never closed"},
	{in: "$expand=a($top=1", off: 9, msg: "( is never closed"},
	{in: "$expand=a()", off: 10, msg: "expected a query option such as $filter=..., found ')'"},
	{in: "$expand=a($top=1;)", off: 17, msg: "expected a query option"},
	{in: "$expand=a($top)", off: 14, msg: "expected = after $top"},
	{in: "$expand=a($top=1x)", off: 16, msg: "expected ; or ) after the value of $top"},
	{in: "$expand=a($top=1;$top=2)", off: 17, msg: "$top is given twice in these options"},
	{in: "$expand=a($foo=1)", off: 10, msg: "unknown query option $foo in $expand"},
	{in: "$expand=a($format=json)", off: 10, msg: "$format is not allowed in $expand"},
	{in: "$expand=a/$ref(@p=1)", off: 15, msg: "parameter aliases are not allowed after /$ref"},
	{in: "$expand=a(@p=1;@p=2)", off: 15, msg: "parameter alias @p is defined twice"},
	{in: "$expand=a($top=1)b", off: 17, msg: "expected , or the end of the $expand item"},
	{in: "$expand=a)", off: 9, msg: "expected , or the end of the $expand item, found ')'"},
	{in: "$expand=a.", off: 10, msg: "expected an identifier after ."},
	{in: "$expand=@", off: 9, msg: "an annotation is @ and a term name"},
	{in: "$expand=@a%23", off: 13, msg: "expected an annotation qualifier after #"},
	{in: "$expand=a;b", off: 9, msg: "expected , or the end"},
	{in: "$expand=Products(@foo=$this;$filter=@foo/Price gt 3)", print: "$expand=Products($filter=@foo/Price%20gt%203;@foo=$this)"},
	{in: "$expand=Manager(@m=$this;$expand=DirectReports($filter=@m/FirstName eq FirstName))",
		print: "$expand=Manager($expand=DirectReports($filter=@m/FirstName%20eq%20FirstName);@m=$this)"},
	{in: "$expand=a($filter=@x eq 1)", off: 18, msg: "parameter alias @x is not defined"},
	{in: "$filter=@m/FirstName eq 'x'", off: 8, msg: "parameter alias @m is not defined"},
	{in: "$filter=@m/FirstName eq 'x'&@m=$this", print: "$filter=@m/FirstName%20eq%20'x'&@m=$this"},
	{in: "$filter=a in @p&@p=[\"x\"]", print: "$filter=a%20in%20@p&@p=%5B%22x%22%5D"},
	{in: "$expand=a($expand=b($filter=x eq @p);@p=1)", print: "$expand=a($expand=b($filter=x%20eq%20@p);@p=1)"},
	{in: "$expand=a($filter=x eq @p),b(@p=1)", off: 23, msg: "parameter alias @p is not defined"},
	{in: "$expand=Sales($compute=Amount mul Product/TaxRate as Tax)", print: "$expand=Sales($compute=Amount%20mul%20Product/TaxRate%20as%20Tax)"},
	{in: "$expand=a($filter=name eq 'x;y)')", print: "$expand=a($filter=name%20eq%20'x;y)')"},
	{in: "$expand=a($filter=name eq 'x%3By')", print: "$expand=a($filter=name%20eq%20'x;y')"},
	{in: "$expand=a($filter=name eq 1%3B$top=1)", off: 27, msg: "found ;"}, // %3B is no separator

	// $select (5.1.3).
	{in: "$select=Rating,ReleaseDate", print: "="},
	{in: "select=Rating,ReleaseDate", print: "$select=Rating,ReleaseDate"},
	{in: "$select=*", print: "="},
	{in: "$select=Address/Street", print: "="},
	{in: "$select=Address/Country", print: "="},
	{in: "$select=Address/Model.AddressWithLocation", print: "="},
	{in: "$select=Address/Model.AddressWithLocation/Location", print: "="},
	{in: "$select=Address/AddressWithLocation/Location", print: "="},
	{in: "$select=Model.AddressWithLocation/Location", print: "="},
	{in: "$select=AddressWithLocation/Location", print: "="},
	{in: "$expand=Category($select=Name)", print: "="},
	{in: "$select=Model.PreferredSupplier/Name", print: "="},
	{in: "$select=Model.ActionName,Model.MostPopularName,Model.*", print: "="},
	{in: "$select=Model.ActionName,Model.MostPopularName(Location,Kind)", print: "="},
	{in: "$select=ActionName,MostPopularName(Location,Kind)", print: "="},
	{in: "$select=Namespace.PreferredSupplier/AccountRepresentative,Address/Street,Address/Namespace.AddressWithLocation/Location", print: "="},
	{in: "$select=Address($select=Street,City,Namespace.AddressWithLocation/Location)", print: "="},
	{in: "$select=Addresses($filter=startswith(City,'H');$top=5;$skip=0;$count=true;$orderby=$it;$search=blue;@c=15)&$expand=Addresses/Country",
		print: "$select=Addresses($filter=startswith(City,%20'H');$search=blue;$orderby=$it;$top=5;$skip=0;$count=true;@c=15)&$expand=Addresses/Country"},
	{in: "$select=@Core.Messages($top=5)", print: "="},
	{in: "$select=Address/@Core.Messages($top=5)", print: "="},
	{in: "$select=@Measures.Currency,@Core.MayImplement($top=2)", print: "="},
	{in: "$select=addresses(select=city)", print: "$select=addresses($select=city)"},
	{in: "$select=Address/*", off: 16, msg: "* must be a $select item of its own"},
	{in: "$select=*/a", off: 8, msg: "* must be a $select item of its own"},
	{in: "$select=a/Model.*", off: 10, msg: "Model.* must be a $select item of its own"},
	{in: "$select=*($top=1)", off: 9, msg: "* takes no options"},
	{in: "$select=a/$ref", off: 10, msg: "$ref is not allowed in $select"},
	{in: "$select=$value", off: 8, msg: "$value is not allowed in $select"},
	{in: "$select=$foo", off: 8, msg: "expected a property name"},
	{in: "$select=a($expand=b)", off: 10, msg: "$expand is not allowed in $select"},
	{in: "$select=a($levels=1)", off: 10, msg: "$levels is not allowed in $select"},
	{in: "$select=f(a,)", off: 12, msg: "expected a parameter name"},
	{in: "$select=f(a b)", off: 11, msg: "expected , or ) after a parameter name"},
	{in: "$select=f(a", off: 9, msg: "( is never closed"},
	{in: "$select=@Core.Messages(a)", off: 22, msg: "only a function takes parameter names"},
	{in: "$select=a,,b", off: 10, msg: "expected a property name, found ','"},
	{in: "$select=a b", off: 9, msg: "expected , or the end of the $select item, found ' '"},
	{in: "$select=" + strings.Repeat("a", 129), off: 8, msg: "identifier longer than 128 characters"},
	{in: "$select=" + strings.Repeat("a", 128), print: "="},
	{in: "$select=%C3%A9quipe", print: "$select=%C3%A9quipe"},

	// $orderby (5.1.4).
	{in: "$orderby=Name", print: "="},
	{in: "$OrderBy=Name", print: "$orderby=Name"},
	{in: "OrderBy=Name", print: "$orderby=Name"},
	{in: "$orderby=Name\tasc", print: "$orderby=Name"},
	{in: "$orderby=Name asc,Rating,ReleaseDate desc", print: "$orderby=Name,Rating,ReleaseDate%20desc"},
	{in: "$orderby=Name DESC", print: "$orderby=Name%20desc"},
	{in: "$orderby=Cost ge Revenue asc", print: "$orderby=Cost%20ge%20Revenue"},
	{in: "$orderby=desc", print: "="},
	{in: "$orderby=asc desc", print: "$orderby=asc%20desc"},
	{in: "$orderby=x eq desc", print: "$orderby=x%20eq%20desc"},
	{in: "$orderby=concat(a, b) desc,c", print: "$orderby=concat(a,%20b)%20desc,c"},
	{in: "$orderby=Items/$count", print: "="},
	{in: "$orderby=a,", off: 11, msg: "expected an expression in $orderby"},
	{in: "$orderby=,a", off: 9, msg: "expected an expression in $orderby"},
	{in: "$orderby=a desc desc", off: 11, msg: ""},
	{in: "$orderby=a eq", off: 13, msg: "found end of input"},
	{in: "$orderby=(a", off: 9, msg: ""},
	{in: "$orderby=a)", off: 10, msg: "unexpected )"},

	// $top, $skip, $index, $count (5.1.5, 5.1.6, 5.1.9).
	{in: "$top=5&$skip=10", print: "="},
	{in: "$top=0005", print: "$top=5"},
	{in: "$top=-1", off: 5, msg: "$top takes a non-negative integer"},
	{in: "$top=", off: 5, msg: "$top takes a non-negative integer, found end of input"},
	{in: "$top=x", off: 5, msg: "$top takes a non-negative integer, found x"},
	{in: "$top=1,2", off: 6, msg: "$top takes one value"},
	{in: "$top=99999999999999999999", off: 5, msg: "$top is too large"},
	{in: "$skip=1.5", off: 7, msg: "unexpected"},
	{in: "$index=42", print: "="},
	{in: "index=42", print: "$index=42"},
	{in: "index=-42", print: "$index=-42"},
	{in: "$index=fortytwo", off: 7, msg: "$index takes an integer"},
	{in: "$count=true", print: "="},
	{in: "count=true", print: "$count=true"},
	{in: "$count=false", print: "="},
	{in: "$count=TRUE", print: "$count=true"},
	{in: "$count=yes", off: 7, msg: "$count takes true or false"},
	{in: "$count=truex", off: 7, msg: "$count takes true or false, found truex"},

	// $search (5.1.7).
	{in: "$search=blue", print: "="},
	{in: "$search=1984", print: "="},
	{in: "$search=2x4", print: "="},
	{in: "$search=3.14", print: "="},
	{in: "$search=9,81", print: "="},
	{in: "$search=brand-new", print: "="},
	{in: "$search=Daniel's", print: "="},
	{in: "$search=__FILE__", print: "="},
	{in: "$search=$search", print: "="},
	{in: "$search=08/15", print: "="},
	{in: "$search=%231", print: "="},
	{in: "$search=more%26more", print: "="},
	{in: "$search=more&more", print: "$search=more&more"}, // "more" is a custom query option
	{in: "$search=a;b", off: 9, msg: "a search word cannot contain ; (write %3B)"},
	{in: "$search=a%3Bb", print: "="},
	{in: "$search=AND", print: "="},
	{in: "$search=OR", print: "="},
	{in: "$search=NOT", print: "="},
	{in: "$search=NOT blue", print: "$search=NOT%20blue"},
	{in: "$search=NOT (blue green)", print: "$search=NOT%20(blue%20AND%20green)"},
	{in: "$search=NOT NOT", print: "$search=NOT%20(NOT)"},
	{in: "$search=AND OR", print: "$search=(AND)%20AND%20(OR)"},
	{in: "$search=OR AND", print: "$search=(OR)%20AND%20(AND)"},
	{in: "$search=AND OR NOT", print: "$search=(AND)%20OR%20(NOT)"},
	{in: "search=blue", print: "$search=blue"},
	{in: "$search=\"blue%20green\"", print: "$search=%22blue%20green%22"},
	{in: "$search=\"blue green\"", print: "$search=%22blue%20green%22"},
	{in: "$search='\"blue'", print: "$search='%22blue'"},
	{in: "$search=\"blue", off: 8, msg: "the phrase is never closed"},
	{in: "$search=%22blue", off: 8, msg: "the phrase is never closed"},
	{in: "$search='\"blue\" \"green'", print: "$search='%22blue%22%20%22green'"},
	{in: "$search=\"blue%22green", off: 16, msg: "expected whitespace after the phrase, found green"},
	{in: "$search=blue green", print: "$search=blue%20AND%20green"},
	{in: "$search=blue%20green", print: "$search=blue%20AND%20green"},
	{in: "$search=blue AND green", print: "$search=blue%20AND%20green"},
	{in: "$search=blue OR green", print: "$search=blue%20OR%20green"},
	{in: "$search=blue NOT green", print: "$search=blue%20AND%20NOT%20green"},
	{in: "$search=foo AND bar OR foo AND baz OR that AND bar OR that AND baz",
		print: "$search=foo%20AND%20bar%20OR%20foo%20AND%20baz%20OR%20that%20AND%20bar%20OR%20that%20AND%20baz"},
	{in: "$search=(foo OR that) AND (bar OR baz) AND NOT quux",
		print: "$search=(foo%20OR%20that)%20AND%20(bar%20OR%20baz)%20AND%20NOT%20quux"},
	{in: "$search=foo AND (bar OR baz)", print: "$search=foo%20AND%20(bar%20OR%20baz)"},
	{in: "$search=(foo AND bar) OR baz", print: "$search=foo%20AND%20bar%20OR%20baz"},
	{in: "$search=(NOT foo) OR baz", print: "$search=NOT%20foo%20OR%20baz"},
	{in: "$search=(NOT foo)", print: "$search=NOT%20foo"},
	{in: "$search=NOT foo AND bar", print: "$search=NOT%20foo%20AND%20bar"},
	{in: "$search=NOT (foo AND bar)", print: "$search=NOT%20(foo%20AND%20bar)"},
	{in: "$search=a OR (b OR c)", print: "$search=a%20OR%20(b%20OR%20c)"},
	{in: "$search=%CE%94", print: "="},
	{in: "$search='\"'", print: "$search='%22'"},
	{in: "$search='\"bl'", print: "$search='%22bl'"},
	{in: "$search='\"blue%20p'", print: "$search='%22blue%20p'"},
	{in: "$search='('", print: "="},
	{in: "$search='it''s'", print: "="},
	{in: "$search='open", off: 8, msg: "the quoted $search value is never closed"},
	{in: "$search=\"a \\\"b\\\" \\\\ c\"", print: "$search=%22a%20%5C%22b%5C%22%20%5C%5C%20c%22"},
	{in: "$search=\"a\\b\"", off: 10, msg: "a backslash in a phrase escapes only"},
	{in: "$search=\"\"", off: 8, msg: "empty search phrase"},
	{in: "$search=\"a;b\" c", print: "$search=%22a%3Bb%22%20AND%20c"},
	{in: "$expand=Manager($search=(green))", print: "$expand=Manager($search=green)"},
	{in: "$expand=Manager($search=gr(een)", off: 26, msg: "expected whitespace, AND, OR or the end of $search, found '('"},
	{in: "$expand=Manager($search='gr(een')", print: "="},
	{in: "$expand=Manager($search=a%3Bb)", print: "="},
	{in: "$expand=Manager($search='a%3Bb')", print: "="},
	{in: "$expand=Manager($search=\"a)b;c\";$top=1)", print: "$expand=Manager($search=%22a)b%3Bc%22;$top=1)"},
	{in: "$search=", off: 8, msg: "expected a search term, found end of input"},
	{in: "$search=a AND", print: "$search=a%20AND%20(AND)"},
	{in: "$search=(a", off: 8, msg: "( is never closed"},
	{in: "$search=a)", off: 9, msg: "unexpected ) without a matching ( in $search"},
	{in: "$search=()", off: 9, msg: "expected a search term inside ( )"},
	{in: "$search=(a;b)", off: 10, msg: "a search word cannot contain ;"},
	{in: "$search=a 'b", off: 10, msg: "a search word cannot start with '"},
	{in: "$search=a\"b\"", off: 9, msg: "expected whitespace, AND, OR or the end of $search, found '\"'"},
	{in: "$search= blue ", print: "$search=blue"},

	// $format (5.1.8), $skiptoken, $deltatoken, $schemaversion, $id, $apply.
	{in: "$format=json", print: "="},
	{in: "format=json", print: "$format=json"},
	{in: "$format=JSON", print: "$format=json"},
	{in: "$format=Atom", print: "$format=atom"},
	{in: "$format=XML", print: "$format=xml"},
	{in: "$format=text/html", print: "="},
	{in: "$format=application/json;odata.metadata=minimal", print: "="},
	{in: "$format=yaml", off: 8, msg: "$format takes json, atom, xml or a media type"},
	{in: "$format=text/", off: 8, msg: "$format takes json, atom, xml or a media type"},
	{in: "$format=a/b;;", off: 8, msg: "is not a valid media type"},
	{in: "$format=json&$Format=atom", off: 13, msg: "$format is given twice"},
	{in: "$deltatoken=A@Lot_Has:Changed?=Here!", print: "="},
	{in: "$skiptoken=Start@Next_Chunk:From?=Here!", print: "="},
	{in: "$skiptoken=Not&this", print: "="},
	{in: "$skiptoken=", off: 11, msg: "$skiptoken needs a value"},
	{in: "$skiptoken=a%2Bb+c", print: "$skiptoken=a%2Bb%20c"},
	{in: "$schemaversion=*", print: "="},
	{in: "$schemaversion=2.0-beta_1~", print: "="},
	{in: "$schemaversion=1,2", off: 16, msg: "$schemaversion takes * or a version"},
	{in: "$id=http://host/service/Products(0)", print: "="},
	{in: "$apply=groupby((Name))", print: "="},

	// $compute (5.1.10).
	{in: "$compute=Amount mul Product/TaxRate as Tax", print: "$compute=Amount%20mul%20Product/TaxRate%20as%20Tax"},
	{in: "compute=Amount mul Product/TaxRate as Tax", print: "$compute=Amount%20mul%20Product/TaxRate%20as%20Tax"},
	{in: "$compute=Amount mul Product/TaxRate as Tax,day(Time/Date) as WeekDay", print: "$compute=Amount%20mul%20Product/TaxRate%20as%20Tax,day(Time/Date)%20as%20WeekDay"},
	{in: "$compute=concat(a, ' as b') AS c", print: "$compute=concat(a,%20'%20as%20b')%20as%20c"},
	{in: "$compute=a as", off: 13, msg: "expected \"as\" and the name of the computed property"},
	{in: "$compute=a", off: 10, msg: "expected \"as\""},
	{in: "$compute=as x", off: 13, msg: "expected \"as\""},
	{in: "$compute=a eq as x", off: 13, msg: "found end of input"},

	// $filter (5.1.1) is validate/filter's: offsets are rebased.
	{in: "$filter=a eq 1", print: "$filter=a%20eq%201"},
	{in: "$filter=a%20eq%20'%C3%A9'", print: "="},
	{in: "$filter=a eq eq", off: 13, msg: ""},
	{in: "$filter=a%20eq%20eq", off: 17, msg: ""},
	{in: "$filter=name eq 'unterminated", off: 16, msg: ""},
	{in: "$filter=", off: 8, msg: "expected an expression in $filter"},
	{in: "$filter=%20", off: 8, msg: "expected an expression in $filter"},
	{in: "$filter=a eq 1)", off: 14, msg: ""},
	{in: "$filter=a+eq+1", print: "$filter=a%20eq%201"},
	{in: "$filter=a eq 'x&y'", off: 13, msg: "unterminated"}, // & ends the option
	{in: "$filter=a eq 'x%26y'", print: "$filter=a%20eq%20'x%26y'"},
}

// TestOptionString: each option prints on its own.
func TestOptionString(t *testing.T) {
	q, err := Parse("$select=a,b($top=1)&$expand=c/$ref&$filter=x eq 1&$search=a b&$orderby=d desc&$compute=e as f")
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range [][2]string{
		{q.Select.String(), "$select=a,b($top=1)"},
		{q.Expand.String(), "$expand=c/$ref"},
		{q.Filter.String(), "$filter=x%20eq%201"},
		{q.Search.String(), "$search=a%20AND%20b"},
		{q.OrderBy.String(), "$orderby=d%20desc"},
		{q.Compute.String(), "$compute=e%20as%20f"},
		{PrintSearch(q.Search.Expr), "a AND b"},
	} {
		if c[0] != c[1] {
			t.Errorf("got %s, want %s", c[0], c[1])
		}
	}
}

func TestDollarRequired(t *testing.T) {
	q, err := Parse("select=a&$top=1&Expand=b", DollarRequired())
	if err != nil {
		t.Fatal(err)
	}
	if got := Print(q); got != "$top=1&select=a&Expand=b" {
		t.Errorf("got %s", got)
	}
	_, err = Parse("$expand=a(select=b)", DollarRequired())
	var qe *Error
	if !errors.As(err, &qe) || qe.Offset != 10 || !strings.Contains(qe.Msg, "unknown query option select in $expand") {
		t.Errorf("got %v", err)
	}
}

func TestParse(t *testing.T) {
	for _, c := range parseCases {
		q, err := Parse(c.in)
		if c.msg != "" || c.print == "" && c.in != "" && c.in != "?" {
			if err == nil {
				t.Errorf("Parse(%q) = %q, want an error at %d containing %q", c.in, Print(q), c.off, c.msg)
				continue
			}
			var qe *Error
			if !errors.As(err, &qe) {
				t.Errorf("Parse(%q): %T is no *Error", c.in, err)
				continue
			}
			if qe.Offset != c.off || !strings.Contains(qe.Msg, c.msg) || qe.Expr != c.in {
				t.Errorf("Parse(%q): error at %d %q, want at %d containing %q\n%v", c.in, qe.Offset, qe.Msg, c.off, c.msg, err)
			}
			continue
		}
		if err != nil {
			t.Errorf("Parse(%q): %v", c.in, err)
			continue
		}
		want := c.print
		if want == "=" {
			want = c.in
		}
		got := Print(q)
		if got != want {
			t.Errorf("Print(Parse(%q)) = %q, want %q", c.in, got, want)
		}
		again, err := Parse(got)
		if err != nil {
			t.Errorf("Parse(%q) (printed from %q): %v", got, c.in, err)
			continue
		}
		if !Equal(q, again) {
			t.Errorf("Parse(Print(Parse(%q))) differs", c.in)
		}
	}
}
