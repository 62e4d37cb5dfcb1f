// Package query parses, prints and checks OData 4.01 query strings: the
// system query options ($select, $expand, $filter, $orderby, $search,
// $top, $skip, $count, ...), parameter aliases and custom query options
// of a request URL.
//
// Parse turns a raw query string ("$select=a,b&$top=5"), a path with a
// query ("/users?$top=5") or a whole URL into a *Query whose nodes carry
// byte offsets into the text given, however each value was
// percent-encoded. Print writes a Query back in canonical form, and
// Parse(Print(q)) is Equal to q. Check resolves a query against a Model,
// a plain-data table of entity sets, types and the restrictions of the
// OData Capabilities vocabulary, so that a client can reject a request the
// service would refuse before sending it, and learn which headers to send:
//
//	res, err := query.Check(model, "/users", "$top=5&$skip=10")
//	// $top=5&$skip=10
//	//        ^ $skip is not supported on /users (SkipSupported false)
//
// Every error is an *Error (the type of validate/filter): the text, the
// byte offset it points at and a message; its Error method draws a caret
// under the offset. Syntax errors point at the offending token (an
// unclosed parenthesis at the "(" never closed); Check errors at the
// option, item, property or keyword the model refuses, naming the
// capability term that refuses it and, where there is one, what to do
// instead.
//
// # Grammar
//
// The parser follows the rules of the OData ABNF construction rules
// (4.01) for queryOptions, systemQueryOption, aliasAndValue and
// customQueryOption, with the test cases of odata-abnf-testcases.yaml
// (sections 5.1.2 to 5.3) as table tests:
//
//   - Options: names are case-insensitive and the "$" is optional, as
//     4.01 allows (select=a is $select=a); $skiptoken and $deltatoken
//     need their "$", as the ABNF writes them; an unknown name with "$"
//     is an error, a name without "$" that is no system query option a
//     custom query option (levels=2 at the top level too); the option
//     DollarRequired reads names as OData 4.0 does, where the "$" is
//     needed. A system query option or alias given twice is an error.
//     Empty options ("&&") are skipped.
//   - Percent-decoding is per name and per value; "+" is a space, as in
//     HTML forms and filter.FromQuery (send a plus as %2B). OPEN, CLOSE,
//     COMMA, STAR and quotes are the same written literally or encoded, as
//     the ABNF says; a ";" written %3B is content, not the separator of
//     nested options ($search=a%3Bb is one word). A "#" is an error: it
//     would start a URL fragment (write %23).
//   - $select: *, ns.*, property paths through complex properties and
//     type casts (qualified, or unqualified as the ABNF allows), annotations
//     (@ns.term, %23 qualifier), actions and functions with parameter
//     names (ns.f(a,b)), and nested options in parentheses on an item
//     ($filter, $search, $count, $orderby, $skip, $top, $compute, $select
//     and aliases; selectOption).
//   - $expand: $value, paths with type casts and complex properties ending
//     in a navigation property, *, or an annotation, optionally followed by
//     /$ref (expandRefOption) or /$count (expandCountOption); nested options
//     separated by ";" ($filter, $select, $expand, $orderby, $top, $skip,
//     $count, $search, $levels (a positive integer without leading zeros,
//     or max), $compute and aliases; expandOption); * takes only $levels.
//   - $filter, and the expressions of $orderby, $compute and alias values:
//     validate/filter's Parse, on the decoded text, with the positions of
//     the tree and of its errors rebased to the input.
//   - $orderby: comma-separated expressions, split at top-level commas
//     outside parentheses and string literals, each optionally followed by
//     whitespace and asc or desc (case-insensitive; "desc" alone is a
//     property, and so is the last word when stripping it would leave no
//     valid expression, as in "x eq desc").
//   - $search: searchExpr with the precedence of the URL conventions, NOT
//     over AND over OR; terms side by side are an AND; AND, OR and NOT are
//     operators (case-sensitive) only where an operator may stand and an
//     operand follows, words elsewhere ("NOT" alone, "AND OR"); phrases in
//     double quotes, in which \" is a quote and \\ a backslash; parentheses;
//     and searchExpr-incomplete, the whole value in single quotes. Words
//     are runs without whitespace, parentheses, double quotes and literal
//     ";", not starting with "'".
//   - $top and $skip (non-negative integers that fit in an int64), $index
//     (an integer), $count (true or false, case-insensitive), $format
//     (json, atom, xml in any case, or a media type with parameters),
//     $skiptoken and $deltatoken (opaque, non-empty), $schemaversion (* or
//     1*unreserved), $id (opaque), $compute (expr as name, ...).
//   - Parameter aliases: @name=value at the top level and in nested
//     options (visible there and below), the value a common expression or a
//     JSON array or object (whose members are JSON strings, nested JSON, or
//     common expressions). Every alias an expression uses must be defined
//     where it is used, and none may refer to itself.
//
// Not supported: $apply (the data aggregation extension) is kept as opaque
// text and Check refuses it; the nested options of /$count in $filter and
// $orderby paths are validate/filter's business; custom query options and
// function parameters in the query (nameAndValue) are both kept as custom
// options; the values of aliases are parsed but not substituted, so their
// types are not checked where they are used.
//
// # Limits
//
// Parse refuses input longer than MaxLength bytes (DefaultMaxLength, 16
// KiB: the whole URL or query) before reading it, and nesting deeper than
// MaxDepth levels (DefaultMaxDepth, 100): each parenthesis of nested
// options, of $search and of JSON, and each NOT, opens a level, and an
// expression in nested options may use only the levels left, so a 100,000
// levels deep $expand=a($expand=a(...)) fails fast with an error and never
// exhausts the stack. Lists and chains of operators do not nest. Parsing,
// printing and checking are linear in the length of the input (see the
// benchmarks).
//
// # Canonical form
//
// Print writes the path (if any), then the system query options in a
// fixed order ($select, $expand, $filter, $search, $orderby, $top, $skip,
// $count, $levels, $compute, $index, $format, $skiptoken, $deltatoken,
// $schemaversion, $id, $apply), then aliases and custom options in source
// order; nested options in the same order, separated by ";". Names are
// lower-case with "$". Expressions are filter.Print's canonical form;
// $orderby writes " desc" only for descending items; $search writes AND,
// OR and NOT in upper case with single spaces, an explicit AND for terms
// side by side, parentheses only where precedence needs them, and a word
// spelled like an operator as (AND); true, false, max, json, atom and xml
// are lower-case; integers have no leading zeros. Values are
// percent-encoded where the query syntax needs it: %, &, #, +, spaces and
// other controls, non-ASCII bytes, the characters RFC 3986 does not allow
// in a query (" < > [ ] { } \ ^ ` |), and ";" in $search.
//
// # Models, checking and builders
//
// A Model is plain data so that a generator can emit it as a Go literal
// (NewModel takes the lists that compile to static data) and a tool can
// build the same value in memory. It points at a *filter.Model for the
// types, properties and $filter operators, lists the entity sets and
// singletons with their navigation property bindings, holds per-property
// facts (selectable, sortable, expandable, returned only on $select), and
// the Capabilities terms per resource: entity sets and singletons,
// navigation paths from them, navigation properties of types, and the
// entity container. What the model does not state is allowed. See
// Model.CheckQuery for the rules.
//
// Select, OrderBy and Expand build options from fields of the small
// concrete types Selectable, Sortable, AscendingOnly, DescendingOnly and
// Expandable that generated code lists per type, so that what a service
// does not support does not compile (see the comment in build.go for what
// a generator emits).
//
// The package is about 5,600 lines because it covers every system query
// option of the 4.01 ABNF and the Capabilities vocabulary they are checked
// against; it is split by job: parse.go, items.go, search.go, alias.go and
// expr.go (parsing), print.go and equal.go (canonical form), model.go and
// resolve.go (capabilities and resources), check.go (the checker) and
// build.go (the typed builders).
package query
