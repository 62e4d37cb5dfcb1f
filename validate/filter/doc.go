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
//     tree records the canonical spelling); null, INF, NaN, $it, $count and
//     type names are case-sensitive.
//   - Whitespace is spaces and tabs. Binary operators need whitespace on
//     both sides ("a eq 1", never "a eq(1)" or "(a)and(b)"); "not" needs
//     whitespace or "(" after it; leading and trailing whitespace is
//     ignored.
//   - in takes a parenthesized list, in ('a', 'b'), or an operand such as a
//     collection path or a parameter alias. has takes an enumeration value.
//   - Paths: properties a/b/c; type casts ns.type/prop (first or inner
//     segments, qualified names only); $it, $this and $root as first
//     segment; /$count; lambdas any(x: ...), any() and all(x: ...), whose
//     variables are known inside their predicate (innermost wins).
//   - Canonical functions with their arities: contains, endswith,
//     startswith, indexof, concat, matchesPattern, length, tolower, toupper,
//     trim, substring (2 or 3), year, month, day, hour, minute, second,
//     fractionalseconds, totalseconds, date, time, totaloffsetminutes, now,
//     mindatetime, maxdatetime, round, floor, ceiling, cast and isof (type
//     name, optionally after an expression), geo.distance, geo.intersects,
//     geo.length, hassubset, hassubsequence, and case(cond: value, ...).
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
//
// Not supported: key predicates and bound or custom functions in paths,
// $count with options, annotations (@ns.term) in paths, JSON arrays and
// objects as operands, and $root paths in the checker (the model has no
// entity sets).
//
// # Limits
//
// Parse refuses input longer than MaxLength bytes (DefaultMaxLength, 8 KiB)
// before reading it, and nesting deeper than MaxDepth levels
// (DefaultMaxDepth, 100: each parenthesis, call, lambda, list and unary
// operator is a level), so hostile input fails fast with an error and never
// exhausts the stack. Chains of binary operators do not nest in the parser;
// their length is bounded by MaxLength. Parsing and checking are linear in
// the length of the input (see the benchmarks).
//
// # Canonical form
//
// Print writes single spaces around binary operators, lower-case
// operators and canonical function names, ", " between arguments and list
// items, "any(x: ...)", parentheses only where precedence needs them, and
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
// In short: paths must resolve; a property must be filterable itself or lie
// under a filterable one (the deepest filterable property on a path, or the
// collection of a lambda variable, governs); operators, functions, not,
// any/all, in and has must be in the governing property's Ops; eq/ne null
// needs Support.Null and $count needs Support.Count; operand types must be
// compatible under Edm promotion; the whole expression must be Boolean.
// Check reports the first error of a depth-first, left-to-right walk.
package filter
