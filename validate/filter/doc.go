// Package filter parses, prints and checks OData 4.01 $filter expressions.
//
// Parse turns the decoded value of $filter (FromQuery extracts it from a raw
// query or URL) into a tree of Expr nodes that carry byte offsets. Print
// writes a tree back in canonical form, and Parse(Print(e)) is Equal to e.
// Check resolves a tree against a Model, a plain-data table of types,
// properties and the operators each property supports, so that a client can
// reject a filter the service would refuse before sending it:
//
//	err := filter.Check(model, "microsoft.graph.cloudPcExternalPartner", "enableConnection ne true")
//	// enableConnection ne true
//	//                  ^ operator ne is not supported on enableConnection (supported: eq)
//
// Every error is an *Error holding the expression, the byte offset it points
// at and a message; its Error method draws a caret under the offset. Syntax
// errors point at the offending token, or at len(expr) when the input ends
// too early; an unclosed parenthesis is reported at the "(" that is never
// closed. Check errors point at the operator a property does not support,
// at the property that is unknown or not filterable, or at the literal of
// the wrong type.
//
// # Grammar
//
// The parser follows boolCommonExpr of the OData ABNF (odata-abnf
// construction rules, 4.01):
//
//   - Operators, lowest precedence first: or; and; eq ne; gt ge lt le has
//     in; add sub; mul div divby mod; unary - and not; then primary
//     expressions (paths, function calls, literals, parentheses). Binary
//     operators associate to the left. Keywords, function names, true/false
//     and the literal prefixes are case-insensitive as in the ABNF
//     (startsWith, STARTSWITH and startswith are the same function; the
//     tree records the canonical spelling); null, INF, NaN, $it, $this,
//     $root, $count, the $filter segment, and property, function, type and
//     annotation names are case-sensitive (the names of $count options are
//     not).
//   - Whitespace is spaces and tabs. Binary operators need whitespace on
//     both sides ("a eq 1", never "a eq(1)" or "(a)and(b)"); "not" needs
//     whitespace or "(" after it; leading and trailing whitespace is
//     ignored.
//   - in takes a parenthesized list of literals, parameter aliases and
//     JSON values, in ('a', 'b') (the ABNF's listExpr; it may be empty,
//     in ()), or an operand such as a collection path, a parameter alias
//     or a JSON array, in ["a", "b"]. A single operand that is no list item
//     in parentheses is that operand: x in (tags) is x in tags. A list
//     that holds a path or another expression, x in (a, b), is an error.
//     has takes an enumeration literal, ns.type'member' or 'member' (the
//     type is optional in 4.01), or a parameter alias.
//   - Paths: properties a/b/c; type casts ns.type/prop (first or inner
//     segments, qualified names only, not two in a row); $it, $this and
//     $root/name as first segment; a parameter alias as first segment,
//     @a/Street; /$count, and $count with options,
//     /$count($filter=expr;$search=words) ($ optional before filter and
//     search); /$filter(expr) segments, Items/$filter(Price gt 5)/$count;
//     key predicates, Products(1), Products(sku='abc'),
//     Orders(OrderID=1,ProductID=2), after a property, a cast, a function
//     or a $filter segment, and keys as segments, People/1245; custom and
//     bound function calls with name=value parameters, Model.Available(),
//     Products/Model.BestProduct()/Name, ns.fn(p=@a,q=[1,2])/x, also as a
//     whole condition; annotations, Price/@Measures.Currency, @ns.term,
//     @term#qualifier; lambdas any(x: ...), any() and all(x: ...), whose
//     variables are known inside their predicate (innermost wins). Key
//     values are literals (not null, binary or spatial) or parameter
//     aliases; function parameters are any operand. As the ABNF says, no
//     whitespace is allowed inside key predicates, around the "=" of a
//     parameter or option, or inside the parentheses of $count(...) and
//     $filter(...).
//   - Without the service's metadata some forms read alike; the parser
//     decides so: name(...) after an unqualified name is a key predicate,
//     except name() (a function without parameters) and f(a=1)(2) (a
//     function call followed by a key); ns.name(...) is a function call,
//     except a single value after an inner segment, People/ns.Employee(1),
//     which is a cast and a key; @name is a parameter alias where it
//     starts a path, an annotation after "/" or when qualified (@ns.term,
//     @term#q); after "/", a segment that starts with a digit (or "-" and
//     a digit) or is a GUID is a key, any other name a property
//     (People/russell is read as a property, not as the key 'russell').
//   - Canonical functions with their arities: contains, endswith,
//     startswith, indexof, concat, matchesPattern, length, tolower, toupper,
//     trim, substring (2 or 3), year, month, day, hour, minute, second,
//     fractionalseconds, totalseconds, date, time, totaloffsetminutes, now,
//     mindatetime, maxdatetime, round, floor, ceiling, cast and isof (type
//     name, optionally after an expression), geo.distance, geo.intersects,
//     geo.length, hassubset, hassubsequence, and case(cond: value, ...). A
//     canonical name followed by "(" is always the canonical function.
//   - Literals: null, true, false; integers (beyond the Edm.Int64 range
//     they become Decimal), decimals, doubles with exponents, INF, -INF,
//     NaN; strings (a doubled single quote stands for one); dates (checked
//     against the calendar), date-times with Z or an offset, times of day;
//     duration'P1DT2H'; GUIDs; enumeration values ns.type'member' and
//     flags ns.type'a,b' (members or integers); binary'base64url';
//     geography'SRID=n;...' and geometry'SRID=n;...' (the well-known text
//     is kept, not parsed); parameter aliases @p.
//     A quoted ISO duration without the duration prefix ('PT1H') is a
//     string literal; the checker accepts it where an Edm.Duration is
//     compared.
//   - JSON arrays and objects (the ABNF's arrayOrObject) as operands,
//     [1, "a"], {"a": 1, "b": [true, null]}: JSON strings with the escapes
//     of RFC 8259 (control characters escaped, UTF-8 text, a lone
//     surrogate escape decodes to U+FFFD), and as values any operand, so
//     true, false, null, numbers and nested arrays and objects, and also
//     'strings', paths and expressions. A double-quoted string outside
//     JSON is an error.
//
// Not supported: the percent-encoded spellings of punctuation that the
// ABNF also allows (%28 for "(", %5B for "["): decode the query value
// first (FromQuery does); a trailing "/" after a property (the ABNF's
// primitivePathExpr allows "Name/"), which is refused; $search values are checked for balanced
// parentheses, closed phrases and whitespace between terms only, and kept
// as written. The checker does not support what the Model cannot decide:
// custom and bound functions, key predicates, annotations, $root paths
// (the model has no entity sets), $search, and predicates, functions and
// keys after a parameter alias; it reports each as an *Error at the node
// whose message says it is "not supported by the checker".
//
// # Limits
//
// Parse refuses input longer than MaxLength bytes (DefaultMaxLength, 8 KiB)
// before reading it, and nesting deeper than MaxDepth levels
// (DefaultMaxDepth, 100: each parenthesis, call, lambda, list, unary
// operator, key predicate, function parameter list, $count(...) and
// $filter(...), parenthesis of a $search, and JSON array and object is a
// level), so hostile input fails fast with an error and never exhausts the
// stack. The parser never backtracks. Chains of binary operators do not nest in the parser;
// their length is bounded by MaxLength. Parsing and checking are linear in
// the length of the input (see the benchmarks).
//
// # Canonical form
//
// Print writes single spaces around binary operators, lower-case
// operators and canonical function names, ", " between arguments, list
// items, function parameters and JSON values, ": " after JSON member names,
// "any(x: ...)", keys without spaces, "(a=1,b=2)", keys written as
// segments as written, "$count($filter=...;$search=...)" with "$" and lower
// case, strings inside JSON as JSON strings ("x", escaping only what
// RFC 8259 requires), parentheses only where precedence needs them, and
// literals in canonical spelling: true/false in lower case, no "+" signs,
// "e" exponents, upper-case T and Z in date-times, lower-case GUIDs,
// upper-case duration letters, SRID in upper case. A negated literal is
// written -(5), because -5 is a literal of its own.
//
// # Models and checking
//
// A Model is plain data so that a generator can emit it as a Go literal and
// a tool can build the same value from a spec. Types list only their own
// properties and name their Base; lookups walk the base chain and a
// redeclared property overrides the base's. See Model.Check for the rules.
// In short: paths must resolve (inside /$filter(...) and
// $count($filter=...) they start at the collection's members); a property
// must be filterable itself or lie
// under a filterable one (the deepest filterable property on a path, or the
// collection of a lambda variable, governs); operators, functions, not,
// any/all, in and has must be in the governing property's Ops; eq/ne null
// needs Support.Null and $count needs Support.Count; operand types must be
// compatible under Edm promotion (the items of a JSON array or list one by
// one, the members of a JSON object against the properties of a
// structured type); the whole expression must be Boolean.
// Check reports the first error of a depth-first, left-to-right walk.
//
// The package is about 5,100 lines because the 4.01 grammar of $filter is
// large (paths with casts, keys, functions, annotations, $count and
// $filter segments, lambdas, JSON operands) and each form has a parser, a
// printer and a check: parse*.go, print.go, check*.go, plus the model
// (model.go) and the typed builder runtime (prop.go, field.go, build.go,
// builder_ops.go).
package filter
