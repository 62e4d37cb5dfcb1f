package query

import "github.com/odatagen/odatagen/validate/filter"

// Pos is a byte offset into the text that Parse was given (the whole URL,
// path and query, not the decoded value of one option). Every node embeds
// one or more; each node says which byte it names.
type Pos int

// Offset returns p as an int.
func (p Pos) Offset() int { return int(p) }

// Error is a syntax or check error. It is filter.Error: Expr is the text
// Parse or Check was given (the raw query or URL), Offset the byte in it
// that the error points at (len(Expr) means the end of the input), Msg
// what is wrong. Its Error method draws the text with a caret under the
// offending byte:
//
//	$top=5&$skip=10
//	       ^ $skip is not supported on /users (SkipSupported false)
//
// Errors about a resource path given to Check on its own have that path as
// Expr.
type Error = filter.Error

// Query is a parsed query string. Options that are absent are nil.
type Query struct {
	// Path is the text before the "?" when Parse was given a URL or a
	// path ("https://graph.microsoft.com/v1.0/users", "/me/messages"),
	// verbatim; "" for a bare query string. It starts at offset 0.
	Path string

	// Options are the options that may also be nested in $expand and
	// $select; $levels is never set at the top level.
	Options

	Index         *Int  // $index=-1
	SkipToken     *Text // $skiptoken, opaque
	DeltaToken    *Text // $deltatoken, opaque
	Format        *Text // $format=json, atom, xml or a media type (lower-case keywords)
	SchemaVersion *Text // $schemaversion=* or a version
	ID            *Text // $id=IRI (the entity id of /$entity requests)
	// Apply is $apply, kept as opaque text: its grammar (the data
	// aggregation extension) is not parsed, and Check refuses it.
	Apply *Text
	// Custom are the custom query options (names without "$" or "@" that
	// are no system query option), in source order; they may repeat.
	Custom []*Custom
}

// Options are the query options that may be given at the top level and
// inside the parentheses of an $expand or $select item. Which of them
// Parse accepts in each place follows the ABNF (expandOption,
// expandRefOption, expandCountOption, selectOption).
type Options struct {
	Select  *SelectOption
	Expand  *ExpandOption
	Filter  *FilterOption
	Search  *SearchOption
	OrderBy *OrderByOption
	Top     *Int
	Skip    *Int
	Count   *Boolean
	Levels  *LevelsOption // only inside $expand
	Compute *ComputeOption
	// Aliases are the parameter aliases defined here (@p=value), in source
	// order. Aliases defined in an item's options are visible in that
	// item's options and below; top-level ones everywhere.
	Aliases []*Alias
}

// OptionPos says where an option is: the first byte of its name ("$" of
// "$top", or "t" of "top") and the first byte of its value (after "=";
// the end of the name for a custom option without "=").
type OptionPos struct {
	NamePos  Pos
	ValuePos Pos
}

// Int is $top, $skip or $index.
type Int struct {
	OptionPos
	Value int64
}

// Boolean is $count=true or $count=false.
type Boolean struct {
	OptionPos
	Value bool
}

// LevelsOption is $levels=n or $levels=max inside $expand.
type LevelsOption struct {
	OptionPos
	Max   bool  // $levels=max
	Value int64 // n >= 1 when !Max
}

// Text is an option whose value is kept as its decoded text.
type Text struct {
	OptionPos
	Value string
}

// Custom is a custom query option, name=value or a bare name.
type Custom struct {
	OptionPos
	Name, Value string // decoded
	// NoValue is set for a bare name without "=" ("!special").
	NoValue bool
}

// FilterOption is $filter. Expr is its condition, parsed by filter.Parse; its
// positions are rebased to the text Parse was given.
type FilterOption struct {
	OptionPos
	Expr filter.Expr
}

// SelectOption is $select: a list of items.
type SelectOption struct {
	OptionPos
	Items []*Item
}

// ExpandOption is $expand: a list of items.
type ExpandOption struct {
	OptionPos
	Items []*Item
}

// Item is an item of $select or $expand: a path of segments separated by
// "/", optionally followed by options in parentheses. Pos is its first
// byte.
//
// In $select an item is * alone, ns.* alone, or a path of properties,
// type casts and annotations that may end in an action or function (with
// parameter names, ns.f(a,b)); options may follow a (collection-valued)
// property. In $expand an item is $value alone, or a path of complex
// properties, type casts and annotations, a navigation property (or *),
// and optionally /$ref or /$count; options may follow.
type Item struct {
	Pos
	Path []Segment
	// Options are the options in parentheses after the path, nil when
	// there are none.
	Options *Options
}

// SegKind says what a segment of an Item is.
type SegKind uint8

// The segment kinds.
const (
	SegName          SegKind = iota + 1 // an identifier: a property, an unqualified type or operation name
	SegQualified                        // a qualified name: a type cast or an operation (ns.Name)
	SegStar                             // *
	SegAllOperations                    // ns.*: every operation of the namespace Name
	SegAnnotation                       // @Name, @Name#Qualifier
	SegRef                              // $ref (last, in $expand)
	SegCount                            // $count (last, in $expand)
	SegValue                            // $value (alone, in $expand)
)

var segKindNames = [...]string{
	SegName: "name", SegQualified: "qualified name", SegStar: "*",
	SegAllOperations: "ns.*", SegAnnotation: "annotation", SegRef: "$ref",
	SegCount: "$count", SegValue: "$value",
}

// String returns the kind's name.
func (k SegKind) String() string {
	if int(k) < len(segKindNames) && segKindNames[k] != "" {
		return segKindNames[k]
	}
	return "SegKind(?)"
}

// Segment is one step of an Item's path. Pos is its first byte.
type Segment struct {
	Pos
	Kind SegKind
	// Name is the identifier, the qualified name, the namespace of ns.*
	// or the annotation's term (without "@" and qualifier).
	Name string
	// Qualifier is an annotation's qualifier (after "#", written %23).
	Qualifier string
	// Params are the parameter names of a function in $select,
	// ns.f(a,b); nil when none are written.
	Params []string
}

// OrderByOption is $orderby.
type OrderByOption struct {
	OptionPos
	Items []*OrderItem
}

// OrderItem is one item of $orderby: an expression and its direction.
// Pos is the first byte of the expression.
type OrderItem struct {
	Pos
	Expr filter.Expr
	// Desc is set for "desc"; "asc" and no keyword both leave it unset.
	Desc bool
	// DirPos is the first byte of "asc" or "desc", or the end of the
	// expression when there is no keyword.
	DirPos Pos
}

// ComputeOption is $compute.
type ComputeOption struct {
	OptionPos
	Items []*ComputeItem
}

// ComputeItem is "expr as name". Pos is the first byte of the expression.
type ComputeItem struct {
	Pos
	Expr  filter.Expr
	As    string
	AsPos Pos // the first byte of the name
}

// Alias is a parameter alias definition, @Name=Value. NamePos is the "@".
type Alias struct {
	OptionPos
	Name  string // without "@"
	Value Value
}

// Value is the value of a parameter alias: *ExprValue, *JSONString,
// *JSONArray or *JSONObject (aliasAndValue, parameterValue and
// arrayOrObject of the ABNF).
type Value interface {
	Offset() int
	value()
}

// ExprValue is a common expression: a literal, a path, $this, another
// alias, ... Expr's positions are rebased to the text Parse was given.
type ExprValue struct {
	Expr filter.Expr
}

// Offset returns the offset of the expression's first byte.
func (v *ExprValue) Offset() int { return filter.Start(v.Expr) }

// JSONString is a JSON string, "text", inside an array or object. Pos is
// the opening quote.
type JSONString struct {
	Pos
	Value string // decoded
}

// JSONArray is [v, ...]. Pos is the "[".
type JSONArray struct {
	Pos
	Items []Value
}

// JSONObject is {"name": v, ...}. Pos is the "{".
type JSONObject struct {
	Pos
	Members []JSONMember
}

// JSONMember is one "name": value pair. Pos is the opening quote of the
// name.
type JSONMember struct {
	Pos
	Name  string
	Value Value
}

func (*ExprValue) value()  {}
func (*JSONString) value() {}
func (*JSONArray) value()  {}
func (*JSONObject) value() {}

// SearchOption is $search.
type SearchOption struct {
	OptionPos
	Expr SearchExpr
	// Groups are the offsets of the "(" written in the input. The tree
	// has no node for parentheses (Print writes them where precedence
	// needs them), so Equal ignores Groups; Check uses them for
	// SearchRestrictions UnsupportedExpressions "group".
	Groups []Pos
}

// SearchExpr is a node of a $search expression: *SearchWord,
// *SearchPhrase, *SearchNot, *SearchBinary or *SearchIncomplete.
type SearchExpr interface {
	Offset() int
	searchNode()
}

// SearchWord is a search term, a run of characters without whitespace,
// parentheses or double quotes. Pos is its first byte.
type SearchWord struct {
	Pos
	Text string
}

// SearchPhrase is "a phrase" in double quotes. Pos is the opening quote.
type SearchPhrase struct {
	Pos
	Text string // decoded, without the quotes and escapes
}

// SearchNot is NOT X. Pos is the keyword.
type SearchNot struct {
	Pos
	X SearchExpr
}

// SearchBinary is L AND R or L OR R; juxtaposed terms ("blue green") are an
// AND. Pos is the keyword, or for a juxtaposition the first byte of R.
type SearchBinary struct {
	Pos
	Op   string // "AND" or "OR"
	L, R SearchExpr
}

// SearchIncomplete is the whole $search value written in single quotes,
// '"blue' (searchExpr-incomplete, for type-ahead input): the text is
// passed on uninterpreted. Pos is the opening quote.
type SearchIncomplete struct {
	Pos
	Text string // without the quotes, a doubled quote undone
}

func (*SearchWord) searchNode()       {}
func (*SearchPhrase) searchNode()     {}
func (*SearchNot) searchNode()        {}
func (*SearchBinary) searchNode()     {}
func (*SearchIncomplete) searchNode() {}
