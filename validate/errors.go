package validate

import (
	"cmp"
	"encoding/json"
	"fmt"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/santhosh-tekuri/jsonschema/v6/kind"
)

// Error reports a payload that is JSON but breaks its schema. It lists every
// problem found, not only the first. Use errors.As to get at it:
//
//	var verr *validate.Error
//	if errors.As(err, &verr) {
//		for _, p := range verr.Problems { ... }
//	}
type Error struct {
	// Type is the qualified name of the type the payload was checked
	// against.
	Type string
	// Mode is the mode it was checked in.
	Mode Mode
	// Collection is set when the payload was a collection response.
	Collection bool
	// Problems are the leaf problems, de-duplicated and ordered by
	// pointer (array indexes in numeric order), then by message.
	Problems []Problem
}

func (e *Error) Error() string {
	var sb strings.Builder
	what := e.Type
	if e.Collection {
		what = "collection of " + what
	}
	fmt.Fprintf(&sb, "invalid %s %s payload", e.Mode, what)
	if len(e.Problems) == 1 {
		sb.WriteString(": ")
		sb.WriteString(e.Problems[0].String())
		return sb.String()
	}
	fmt.Fprintf(&sb, " (%d problems):", len(e.Problems))
	for _, p := range e.Problems {
		sb.WriteString("\n\t")
		sb.WriteString(p.String())
	}
	return sb.String()
}

// Has reports whether some problem is at pointer.
func (e *Error) Has(pointer string) bool {
	for _, p := range e.Problems {
		if p.Pointer == pointer {
			return true
		}
	}
	return false
}

// ProblemKind classifies a Problem.
type ProblemKind int

const (
	// Other is a problem of no more specific kind (e.g. a too short array).
	Other ProblemKind = iota
	// WrongType is a value of the wrong JSON type: a string for a Boolean.
	WrongType
	// NotMember is a string that names no member of the enum type.
	NotMember
	// BadFormat is a string that is not a valid value of its Edm type: a
	// date-time that is not RFC 3339.
	BadFormat
	// OutOfRange is a number outside its Edm type's range, or a string
	// longer than its MaxLength.
	OutOfRange
	// ReadOnly is a read-only property in a create or update body.
	ReadOnly
	// Immutable is a property that cannot change in an update body.
	Immutable
	// NotInBody is a property that the operation's request body does not
	// list.
	NotInBody
	// Missing is a required property that is absent.
	Missing
	// Unknown is a property that the type does not declare (and the type is
	// not open).
	Unknown
	// WrongODataType is an @odata.type naming neither the type nor a type
	// derived from it.
	WrongODataType
)

var kindNames = [...]string{
	Other: "other", WrongType: "wrong type", NotMember: "not a member", BadFormat: "bad format",
	OutOfRange: "out of range", ReadOnly: "read-only", Immutable: "immutable",
	NotInBody: "not in body", Missing: "missing", Unknown: "unknown property",
	WrongODataType: "wrong @odata.type",
}

func (k ProblemKind) String() string {
	if k >= 0 && int(k) < len(kindNames) {
		return kindNames[k]
	}
	return "ProblemKind(" + strconv.Itoa(int(k)) + ")"
}

// Problem is one thing wrong with a payload.
type Problem struct {
	// Pointer is the RFC 6901 JSON pointer of the offending value ("" is
	// the whole payload). For a missing property it is the object that
	// lacks it.
	Pointer string
	Kind    ProblemKind
	// Expected is what the schema wants, in words: "Edm.Boolean",
	// "property partnerId", "absent (read-only)".
	Expected string
	// Found is what the payload has, in words: `string "true"`, `"sleeping"`;
	// "" when the value is absent.
	Found string
	// Message is the whole problem in plain words, without the pointer.
	Message string
}

// String formats p as "pointer: message", e.g.
// `/enableConnection: expected Edm.Boolean, found string "true"`.
func (p Problem) String() string { return p.Pointer + ": " + p.Message }

// reporter turns jsonschema's error tree into Problems, reading the
// x-odata-* keywords of the schema documents for the words.
type reporter struct {
	set      *Set
	value    any      // the validated value (an item, for collections)
	prefix   []string // tokens before the value's own location
	mode     Mode
	problems []Problem
}

func (r *reporter) collect(e *jsonschema.ValidationError) {
	switch e.ErrorKind.(type) {
	case *kind.Schema, *kind.Group, *kind.Reference, *kind.AllOf, *kind.OneOf:
		for _, c := range e.Causes {
			r.collect(c)
		}
		if len(e.Causes) == 0 {
			r.leaf(e)
		}
	case *kind.AnyOf:
		// Nullable references are anyOf [{type: null}, {$ref}]: the null
		// branch's failure says nothing useful when the value is not null.
		var rest []*jsonschema.ValidationError
		for _, c := range e.Causes {
			if t, ok := c.ErrorKind.(*kind.Type); ok && len(t.Want) == 1 && t.Want[0] == "null" {
				continue
			}
			rest = append(rest, c)
		}
		if len(rest) == 0 {
			r.leaf(e)
		}
		for _, c := range rest {
			r.collect(c)
		}
	default:
		r.leaf(e)
	}
}

func (r *reporter) add(tokens []string, k ProblemKind, expected, found, msg string) {
	all := make([]string, 0, len(r.prefix)+len(tokens))
	all = append(append(all, r.prefix...), tokens...)
	r.problems = append(r.problems, Problem{Pointer: pointer(all), Kind: k, Expected: expected, Found: found, Message: msg})
}

// leaf turns one jsonschema leaf error into Problems, worded from the
// x-odata-* keywords of the subschema that failed (node, found through
// e.SchemaURL) and of its document (root: the structured type and mode,
// the mode overriding r.mode). The pointer is r.prefix plus the instance
// location; Found describes the value there (absent reads as null). By
// error kind:
//
//   - type: WrongType, expecting the node's OData type, else the
//     document's type for the whole payload, else the JSON types; " object"
//     is added when an object is wanted, except for a Collection(...).
//   - enum: WrongODataType when the member is @odata.type (the dispatch
//     list of the document's type), else NotMember, listing the non-null
//     members.
//   - format, minimum/maximum, maxLength: BadFormat or OutOfRange, with the
//     format's words, the node's range or the length in characters.
//   - pattern: the INF/NaN pattern of Edm.Single and Edm.Double means a
//     string where a number was wanted (WrongType); a flags enum's pattern
//     means NotMember; any other pattern is Other.
//   - not or a false schema: a rejected property, ReadOnly, Immutable or
//     NotInBody by the node's keywords in that order, else Other.
//   - required: one Missing problem per absent property, at the object.
//   - additionalProperties: one Unknown problem per member, at the member.
//   - anything else: Other, with jsonschema's own message.
func (r *reporter) leaf(e *jsonschema.ValidationError) {
	loc := e.InstanceLocation
	node, root := r.set.node(e.SchemaURL)
	val, _ := lookup(r.value, loc)
	odataType := str(node, KeywordType)
	if odataType == "" {
		odataType = ImpliedType(node)
	}
	typeName := str(root, KeywordType)
	// The mode asked for, not the document's: a create document may $ref
	// the update one (when the two say the same), and its problems are
	// still those of a create body.
	mode := r.mode
	last := ""
	if len(loc) > 0 {
		last = loc[len(loc)-1]
	}
	switch k := e.ErrorKind.(type) {
	case *kind.Type:
		exp := odataType
		if exp == "" {
			if slices.Contains(k.Want, "object") && typeName != "" && len(loc) == 0 {
				exp = typeName
			} else {
				exp = strings.Join(k.Want, " or ")
			}
		}
		if slices.Contains(k.Want, "object") && !strings.HasPrefix(exp, "Collection(") {
			exp += " object"
		}
		found := describe(val)
		r.add(loc, WrongType, exp, found, "expected "+exp+", found "+found)
	case *kind.Enum:
		found := short(val)
		if last == "@odata.type" {
			exp := typeName + " or a type derived from it"
			r.add(loc, WrongODataType, exp, found, found+" is not "+exp)
			return
		}
		var members []string
		for _, w := range k.Want {
			if w != nil {
				members = append(members, fmt.Sprint(w))
			}
		}
		r.notMember(loc, odataType, members, val)
	case *kind.Format:
		found := short(val)
		exp := odataType
		if exp == "" {
			exp = k.Want
		}
		if w := formatWords[k.Want]; w != "" {
			exp += " (" + w + ")"
		}
		r.add(loc, BadFormat, exp, found, found+" is not a valid "+exp)
	case *kind.Minimum, *kind.Maximum, *kind.ExclusiveMinimum, *kind.ExclusiveMaximum:
		found := short(val)
		exp := odataType
		lo, hi := numStr(node, "minimum"), numStr(node, "maximum")
		if lo != "" || hi != "" {
			exp += " (" + lo + ".." + hi + ")"
		}
		exp = strings.TrimSpace(exp)
		r.add(loc, OutOfRange, exp, found, found+" is out of range for "+exp)
	case *kind.MaxLength:
		exp := fmt.Sprintf("at most %d characters", k.Want)
		found := fmt.Sprintf("%d characters", k.Got)
		r.add(loc, OutOfRange, exp, found, fmt.Sprintf("string of %s is longer than the MaxLength %d of %s", found, k.Want, cmp.Or(odataType, "the property")))
	case *kind.Pattern:
		found := short(val)
		switch {
		case odataType == "Edm.Single" || odataType == "Edm.Double":
			found = describe(val)
			r.add(loc, WrongType, odataType, found, "expected "+odataType+", found "+found)
		case node != nil && node[KeywordFlags] == true:
			exp := "combination of " + simpleName(odataType) + " members (" + strings.Join(strs(node, KeywordMembers), ", ") + ")"
			r.add(loc, NotMember, exp, found, found+" is not a "+exp)
		default:
			r.add(loc, Other, "a match for "+k.Want, found, found+" does not match the pattern "+k.Want)
		}
	case *kind.Not, *kind.FalseSchema:
		if _, ok := node[KeywordMembers]; ok && node[KeywordFlags] != true {
			// An enum without members (see the generator's enum documents).
			r.notMember(loc, odataType, nil, val)
			return
		}
		r.rejected(loc, node, val, last, mode)
	case *kind.Required:
		for _, m := range k.Missing {
			r.add(loc, Missing, "property "+m, "", "missing required property "+m)
		}
	case *kind.AdditionalProperties:
		for _, p := range k.Properties {
			tok := append(loc[:len(loc):len(loc)], p)
			why := "not an open type"
			if typeName == "" {
				typeName = "the type"
			}
			r.add(tok, Unknown, "a property of "+typeName, "property "+p,
				"unknown property "+p+" ("+typeName+" is "+why+")")
		}
	default:
		msg := (&jsonschema.ValidationError{ErrorKind: e.ErrorKind}).Error()
		if _, after, ok := strings.Cut(msg, ": "); ok {
			msg = after
		}
		r.add(loc, Other, "", describe(val), msg)
	}
}

// notMember reports a value that is none of an enum's members: of the
// OData enum type odataType, or of the listed values when it is "".
func (r *reporter) notMember(loc []string, odataType string, members []string, val any) {
	exp := "one of (" + strings.Join(members, ", ") + ")"
	if odataType != "" {
		exp = simpleName(odataType) + " member (" + strings.Join(members, ", ") + ")"
	}
	found := short(val)
	r.add(loc, NotMember, exp, found, found+" is not a "+exp)
}

// rejected reports a member that a "not" or false schema rejects: a
// read-only, immutable or not-in-body property by the node's keywords.
func (r *reporter) rejected(loc []string, node map[string]any, val any, name string, mode Mode) {
	switch {
	case node != nil && node["readOnly"] == true:
		r.add(loc, ReadOnly, "absent (read-only)", describe(val), "read-only property cannot be sent on "+mode.String())
	case node != nil && node[KeywordImmutable] == true:
		r.add(loc, Immutable, "absent (immutable)", describe(val), "immutable property cannot be sent on "+mode.String())
	case str(node, KeywordOperation) != "":
		op := str(node, KeywordOperation)
		r.add(loc, NotInBody, "absent (not in the request body)", describe(val),
			"property "+name+" is not in the request body of "+op)
	default:
		r.add(loc, Other, "nothing", describe(val), "value not allowed here")
	}
}

// finish sorts and de-duplicates the problems.
func (r *reporter) finish() []Problem {
	ps := r.problems
	slices.SortStableFunc(ps, func(a, b Problem) int {
		if c := comparePointers(a.Pointer, b.Pointer); c != 0 {
			return c
		}
		if c := cmp.Compare(a.Kind, b.Kind); c != 0 {
			return c
		}
		return strings.Compare(a.Message, b.Message)
	})
	return slices.CompactFunc(ps, func(a, b Problem) bool {
		return a.Pointer == b.Pointer && a.Message == b.Message
	})
}

// comparePointers orders JSON pointers token by token, numeric tokens by
// value, so that /value/2 comes before /value/10.
func comparePointers(a, b string) int {
	for a != "" && b != "" {
		var ta, tb string
		ta, a = nextToken(a)
		tb, b = nextToken(b)
		if ta == tb {
			continue
		}
		na, ea := strconv.Atoi(ta)
		nb, eb := strconv.Atoi(tb)
		if ea == nil && eb == nil {
			return cmp.Compare(na, nb)
		}
		return strings.Compare(ta, tb)
	}
	return cmp.Compare(len(a), len(b))
}

func nextToken(p string) (tok, rest string) {
	p = strings.TrimPrefix(p, "/")
	if i := strings.IndexByte(p, '/'); i >= 0 {
		return p[:i], p[i:]
	}
	return p, ""
}

// lookup returns the value at the reference tokens loc.
func lookup(v any, loc []string) (any, bool) {
	for _, tok := range loc {
		switch x := v.(type) {
		case map[string]any:
			var ok bool
			if v, ok = x[tok]; !ok {
				return nil, false
			}
		case []any:
			i, err := strconv.Atoi(tok)
			if err != nil || i < 0 || i >= len(x) {
				return nil, false
			}
			v = x[i]
		default:
			return nil, false
		}
	}
	return v, true
}

// describe says what a JSON value is, for "found ..." words.
func describe(v any) string {
	switch x := v.(type) {
	case nil:
		return "null"
	case bool:
		return "boolean " + strconv.FormatBool(x)
	case json.Number:
		return "number " + clip(string(x))
	case string:
		return "string " + quote(x)
	case map[string]any:
		return "object"
	case []any:
		return "array"
	}
	return fmt.Sprintf("%T", v)
}

// short is describe without the JSON type for strings: `"sleeping"`.
func short(v any) string {
	switch x := v.(type) {
	case string:
		return quote(x)
	case json.Number:
		return clip(string(x))
	}
	return describe(v)
}

const maxQuoted = 64

func clip(s string) string {
	if utf8.RuneCountInString(s) <= maxQuoted {
		return s
	}
	r := []rune(s)
	return string(r[:maxQuoted]) + "…"
}

func quote(s string) string {
	if utf8.RuneCountInString(s) <= maxQuoted {
		return strconv.Quote(s)
	}
	r := []rune(s)
	return strconv.Quote(string(r[:maxQuoted])) + "…"
}

func simpleName(q string) string {
	if i := strings.LastIndexByte(q, '.'); i >= 0 {
		return q[i+1:]
	}
	return q
}

func str(node map[string]any, key string) string {
	s, _ := node[key].(string)
	return s
}

func strs(node map[string]any, key string) []string {
	arr, _ := node[key].([]any)
	out := make([]string, 0, len(arr))
	for _, a := range arr {
		if s, ok := a.(string); ok {
			out = append(out, s)
		}
	}
	return out
}

func numStr(node map[string]any, key string) string {
	if n, ok := node[key].(json.Number); ok {
		return string(n)
	}
	return ""
}

// resolveFragment walks a schema document along a URI fragment that holds
// a JSON pointer ("/properties/connectionStatus").
func resolveFragment(doc any, frag string) (map[string]any, bool) {
	if frag != "" {
		for _, tok := range strings.Split(strings.TrimPrefix(frag, "/"), "/") {
			t, err := url.PathUnescape(tok)
			if err != nil {
				return nil, false
			}
			t = strings.ReplaceAll(strings.ReplaceAll(t, "~1", "/"), "~0", "~")
			switch x := doc.(type) {
			case map[string]any:
				doc = x[t]
			case []any:
				i, err := strconv.Atoi(t)
				if err != nil || i < 0 || i >= len(x) {
					return nil, false
				}
				doc = x[i]
			default:
				return nil, false
			}
		}
	}
	m, ok := doc.(map[string]any)
	return m, ok
}
