package schemaset

import (
	"cmp"
	"encoding/json"
	"fmt"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"github.com/odatagen/odatagen/validate"
	"github.com/odatagen/odatagen/validate/internal/formats"
	"github.com/odatagen/odatagen/validate/internal/jsonvalue"
	"github.com/odatagen/odatagen/validate/internal/report"
	"github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/santhosh-tekuri/jsonschema/v6/kind"
)

// reporter turns jsonschema's error tree into Problems, reading the
// x-odata-* keywords of the schema documents for the words.
type reporter struct {
	set      *Set
	value    any      // the validated value (an item, for collections)
	prefix   []string // tokens before the value's own location
	mode     validate.Mode
	problems []validate.Problem
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

func (r *reporter) add(tokens []string, k validate.ProblemKind, expected, found, msg string) {
	all := make([]string, 0, len(r.prefix)+len(tokens))
	all = append(append(all, r.prefix...), tokens...)
	r.problems = append(r.problems, validate.Problem{Pointer: jsonvalue.Pointer(all), Kind: k, Expected: expected, Found: found, Message: msg})
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
	odataType := str(node, validate.KeywordType)
	if odataType == "" {
		odataType = validate.ImpliedType(node)
	}
	typeName := str(root, validate.KeywordType)
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
		r.add(loc, validate.WrongType, exp, found, "expected "+exp+", found "+found)
	case *kind.Enum:
		found := short(val)
		if last == "@odata.type" {
			exp := typeName + " or a type derived from it"
			r.add(loc, validate.WrongODataType, exp, found, found+" is not "+exp)
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
		if w := formats.Words[k.Want]; w != "" {
			exp += " (" + w + ")"
		}
		r.add(loc, validate.BadFormat, exp, found, found+" is not a valid "+exp)
	case *kind.Minimum, *kind.Maximum, *kind.ExclusiveMinimum, *kind.ExclusiveMaximum:
		found := short(val)
		exp := odataType
		lo, hi := numStr(node, "minimum"), numStr(node, "maximum")
		if lo != "" || hi != "" {
			exp += " (" + lo + ".." + hi + ")"
		}
		exp = strings.TrimSpace(exp)
		r.add(loc, validate.OutOfRange, exp, found, found+" is out of range for "+exp)
	case *kind.MaxLength:
		exp := fmt.Sprintf("at most %d characters", k.Want)
		found := fmt.Sprintf("%d characters", k.Got)
		r.add(loc, validate.OutOfRange, exp, found, fmt.Sprintf("string of %s is longer than the MaxLength %d of %s", found, k.Want, cmp.Or(odataType, "the property")))
	case *kind.Pattern:
		found := short(val)
		switch {
		case odataType == "Edm.Single" || odataType == "Edm.Double":
			found = describe(val)
			r.add(loc, validate.WrongType, odataType, found, "expected "+odataType+", found "+found)
		case node != nil && node[validate.KeywordFlags] == true:
			exp := "combination of " + report.SimpleName(odataType) + " members (" + strings.Join(strs(node, validate.KeywordMembers), ", ") + ")"
			r.add(loc, validate.NotMember, exp, found, found+" is not a "+exp)
		default:
			r.add(loc, validate.Other, "a match for "+k.Want, found, found+" does not match the pattern "+k.Want)
		}
	case *kind.Not, *kind.FalseSchema:
		if _, ok := node[validate.KeywordMembers]; ok && node[validate.KeywordFlags] != true {
			// An enum without members (see the generator's enum documents).
			r.notMember(loc, odataType, nil, val)
			return
		}
		r.rejected(loc, node, val, last, mode)
	case *kind.Required:
		for _, m := range k.Missing {
			r.add(loc, validate.Missing, "property "+m, "", "missing required property "+m)
		}
	case *kind.AdditionalProperties:
		for _, p := range k.Properties {
			tok := append(loc[:len(loc):len(loc)], p)
			why := "not an open type"
			if typeName == "" {
				typeName = "the type"
			}
			r.add(tok, validate.Unknown, "a property of "+typeName, "property "+p,
				"unknown property "+p+" ("+typeName+" is "+why+")")
		}
	default:
		msg := (&jsonschema.ValidationError{ErrorKind: e.ErrorKind}).Error()
		if _, after, ok := strings.Cut(msg, ": "); ok {
			msg = after
		}
		r.add(loc, validate.Other, "", describe(val), msg)
	}
}

// notMember reports a value that is none of an enum's members: of the
// OData enum type odataType, or of the listed values when it is "".
func (r *reporter) notMember(loc []string, odataType string, members []string, val any) {
	exp := "one of (" + strings.Join(members, ", ") + ")"
	if odataType != "" {
		exp = report.SimpleName(odataType) + " member (" + strings.Join(members, ", ") + ")"
	}
	found := short(val)
	r.add(loc, validate.NotMember, exp, found, found+" is not a "+exp)
}

// rejected reports a member that a "not" or false schema rejects: a
// read-only, immutable or not-in-body property by the node's keywords.
func (r *reporter) rejected(loc []string, node map[string]any, val any, name string, mode validate.Mode) {
	switch {
	case node != nil && node["readOnly"] == true:
		r.add(loc, validate.ReadOnly, "absent (read-only)", describe(val), "read-only property cannot be sent on "+mode.String())
	case node != nil && node[validate.KeywordImmutable] == true:
		r.add(loc, validate.Immutable, "absent (immutable)", describe(val), "immutable property cannot be sent on "+mode.String())
	case str(node, validate.KeywordOperation) != "":
		op := str(node, validate.KeywordOperation)
		r.add(loc, validate.NotInBody, "absent (not in the request body)", describe(val),
			"property "+name+" is not in the request body of "+op)
	default:
		r.add(loc, validate.Other, "nothing", describe(val), "value not allowed here")
	}
}

// finish sorts and de-duplicates the problems.
func (r *reporter) finish() []validate.Problem {
	return report.Sort(r.problems, func(p validate.Problem) report.Key {
		return report.Key{Pointer: p.Pointer, Kind: int(p.Kind), Message: p.Message}
	})
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
		return "number " + report.Clip(string(x))
	case string:
		return "string " + report.Quote(x)
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
		return report.Quote(x)
	case json.Number:
		return report.Clip(string(x))
	}
	return describe(v)
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

// numStr returns the number at key of a schema node, as written.
func numStr(node map[string]any, key string) string {
	if n, ok := node[key].(json.Number); ok {
		return string(n)
	}
	return ""
}
