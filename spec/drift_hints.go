package spec

import (
	"fmt"
	"path/filepath"
	"regexp"
	"strings"
)

// Severities of a Finding.
const (
	// SeverityError: one source is wrong; a client that follows it sends
	// a request the service rejects or expects what it does not get.
	SeverityError = "error"
	// SeverityWarning: the sources are inconsistent in a way the service
	// tolerates (a name in another case), or the docs are incomplete (a
	// property they do not list).
	SeverityWarning = "warning"
)

// kindRule is what one kind of Finding means for a reader: its severity
// and its fix hint, worded from the side that is likely wrong.
type kindRule struct {
	severity string
	hint     func(f Finding, n hintNames) string
}

// hintNames are the names a hint is worded with: those of a finding, or
// placeholders (HintTemplate).
type hintNames struct {
	typ  string // the subject's type, short name ("vehicle")
	prop string // the subject's property ("plate"); "" for a type or enum
	// page is the docs page the finding is about (its base name): the
	// finding's position, or Other when the position is in a CSDL
	// document; other is the file of the other position.
	page, other string
}

// driftKinds holds the rule of every kind. Which side is likely wrong:
// the CSDL is generated from the service, so where the docs and the CSDL
// disagree on a name, a type, a flag or a member the docs page is to be
// corrected, except where the CSDL only says nothing (Nullable absent is
// CSDL's default, not a statement) or where it lacks a whole type (the
// page then most often describes another API version). A request body
// table that lists what the resource page does not allow (the Intune
// template that lists every property as "required when you create")
// is the body table's fault.
var driftKinds = map[string]kindRule{
	MissingInDocs: {SeverityWarning, func(f Finding, n hintNames) string {
		if isBody(f) {
			return fmt.Sprintf("add a row for %s to the Properties table of %s, or remove %s from the Request body table of %s", n.prop, n.other, n.prop, n.page)
		}
		table := "Properties"
		if strings.Contains(f.Reason, "declares navigation property") {
			table = "Relationships"
		}
		return fmt.Sprintf("add a row for %s to the %s table of %s", n.prop, table, n.page)
	}},
	MissingInCSDL: {SeverityError, func(f Finding, n hintNames) string {
		switch {
		case isBody(f):
			return fmt.Sprintf("remove %s from the Request body table of %s, or correct its name to one the CSDL type %s declares", n.prop, n.page, n.typ)
		case strings.Contains(f.Subject, "/"):
			return fmt.Sprintf("remove the row for %s from %s, or correct its name to one the CSDL type %s declares", n.prop, n.page, n.typ)
		}
		return fmt.Sprintf("check the name %s in %s against the CSDL; if it is right, the page describes another API version than the CSDL's", n.typ, n.page)
	}},
	TypeMismatch: {SeverityError, func(f Finding, n hintNames) string {
		switch {
		case isBody(f) && strings.Contains(f.Reason, "the resource page says"):
			return fmt.Sprintf("make the type of %s in the Request body table of %s the one %s gives", n.prop, n.page, n.other)
		case isBody(f):
			return fmt.Sprintf("change the type of %s in the Request body table of %s to the CSDL's", n.prop, n.page)
		}
		return fmt.Sprintf("change the type of %s in the Properties table of %s to the CSDL's", n.prop, n.page)
	}},
	NameMismatch: {SeverityWarning, func(f Finding, n hintNames) string {
		return fmt.Sprintf("spell the property %s in %s, as the CSDL does (JSON member names are case-sensitive)", n.prop, n.page)
	}},
	BaseTypeMismatch: {SeverityError, func(f Finding, n hintNames) string {
		return fmt.Sprintf("give %s the CSDL's base type in %s (its resource comment's baseType, or the inheritance it states)", n.typ, n.page)
	}},
	KindMismatch: {SeverityError, func(f Finding, n hintNames) string {
		return fmt.Sprintf("drop the key or the entity base type that %s gives %s: the CSDL makes it a complex type", n.page, n.typ)
	}},
	FlagConflict: {SeverityError, func(f Finding, n hintNames) string {
		r := f.Reason
		switch {
		case isBody(f):
			flag := "read-only"
			if strings.HasSuffix(r, "immutable (settable on create only)") {
				flag = "immutable"
			}
			return fmt.Sprintf("remove %s from the Request body table of %s: %s marks it %s", n.prop, n.page, n.other, flag)
		case strings.Contains(r, "both read-only and required"):
			return fmt.Sprintf("decide whether %s is read-only or required in %s, and drop the other word", n.prop, n.page)
		case strings.Contains(r, "not nullable"):
			return fmt.Sprintf("declare %s Nullable=\"false\" in the CSDL if the service never returns null for it; otherwise drop \"Not nullable\" from %s", n.prop, n.page)
		case strings.Contains(r, "the docs say required"):
			return fmt.Sprintf("drop \"Required\" from the row for %s in %s: the CSDL computes it", n.prop, n.page)
		case strings.Contains(r, "can be set on create"):
			if strings.HasPrefix(r, "the docs say read-only") {
				return fmt.Sprintf("say in %s that %s can be set on create only, instead of read-only", n.page, n.prop)
			}
			return fmt.Sprintf("drop the create-only wording of %s in %s: the CSDL computes it", n.prop, n.page)
		}
		return fmt.Sprintf("make the row for %s in %s agree with the CSDL", n.prop, n.page)
	}},
	CapabilityConflict: {SeverityError, func(f Finding, n hintNames) string {
		switch {
		case strings.HasPrefix(f.Reason, "the CSDL's "):
			return fmt.Sprintf("add the query option to the row for %s in %s, which lists the properties that support it", n.prop, n.page)
		case strings.Contains(f.Reason, "the CSDL allows only"):
			return fmt.Sprintf("list for %s in %s only the $filter operators the CSDL allows", n.prop, n.page)
		}
		return fmt.Sprintf("try the query option on %s against the service, then drop the claim from %s or correct the CSDL restriction", n.prop, n.page)
	}},
	DefaultMismatch: {SeverityError, func(f Finding, n hintNames) string {
		return fmt.Sprintf("correct the default of %s in %s to the CSDL's DefaultValue", n.prop, n.page)
	}},
	EnumMembers: {SeverityError, func(f Finding, n hintNames) string {
		return fmt.Sprintf("make the values of %s in %s the CSDL's members (correct a misspelt one, add a missing one)", n.typ, n.page)
	}},
	EnumValues: {SeverityError, func(f Finding, n hintNames) string {
		return fmt.Sprintf("correct the member values of %s in %s to the CSDL's", n.typ, n.page)
	}},
}

// severityOf is the severity of a kind; a kind without a rule is an
// error.
func severityOf(kind string) string {
	if r, ok := driftKinds[kind]; ok {
		return r.severity
	}
	return SeverityError
}

// hintOf words the hint of f with the names n.
func hintOf(f Finding, n hintNames) string {
	if r, ok := driftKinds[f.Kind]; ok {
		return r.hint(f, n)
	}
	return "make " + n.page + " agree with " + n.other
}

// HintTemplate is f's hint with placeholders for its names: <type>,
// <property>, <page> (the docs page the finding is about) and <other>
// (the file it disagrees with). Findings of one Pattern have one
// template.
func (f Finding) HintTemplate() string {
	return hintOf(f, hintNames{typ: "<type>", prop: "<property>", page: "<page>", other: "<other>"})
}

// isBody reports whether f is about a request body row.
func isBody(f Finding) bool {
	return strings.HasPrefix(f.Reason, "the create request body ") || strings.HasPrefix(f.Reason, "the update request body ")
}

// IsCSDLFile reports whether a file name is a CSDL document's (.xml,
// .edmx, .csdl), as load reads them.
func IsCSDLFile(name string) bool {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".xml", ".edmx", ".csdl":
		return true
	}
	return false
}

// DocsPos is the position of f on the docs side: Pos, or Other when Pos is
// in a CSDL document (a property the docs do not list, a capability list
// that leaves one out).
func (f Finding) DocsPos() Pos {
	if IsCSDLFile(f.Pos.File) && f.Other.IsValid() {
		return f.Other
	}
	return f.Pos
}

// namesOf reads the names of f: type and property from the subject, the
// docs page and the other file from the positions.
func namesOf(f Finding) hintNames {
	typ, prop, _ := strings.Cut(f.Subject, "/")
	n := hintNames{typ: typ[strings.LastIndex(typ, ".")+1:], prop: prop}
	docs := f.DocsPos()
	other := f.Other
	if docs == f.Other {
		other = f.Pos
	}
	n.page, n.other = filepath.Base(docs.File), filepath.Base(other.File)
	if docs.File == "" {
		n.page = "the docs page"
	}
	if other.File == "" {
		n.other = "the other source"
	}
	return n
}

// patternOf formats a finding's reason with placeholders for the names
// among args (see Finding.Pattern).
func patternOf(f Finding, format string, args []any) string {
	typ, prop, _ := strings.Cut(f.Subject, "/")
	short := typ[strings.LastIndex(typ, ".")+1:]
	out := make([]any, len(args))
	for i, a := range args {
		switch a := a.(type) {
		case TypeRef:
			out[i] = typeRefPattern(a)
		case string:
			switch {
			case f.Kind == DefaultMismatch:
				out[i] = "<value>"
			case prop != "" && strings.EqualFold(a, prop):
				out[i] = "<property>"
			case strings.EqualFold(a, typ) || a == short || qualifiedName.MatchString(a) && !strings.HasPrefix(a, "Edm."):
				out[i] = "<type>"
			default:
				out[i] = wordsPattern(a, typ, short, prop)
			}
		default:
			out[i] = a
		}
	}
	return fmt.Sprintf(format, out...)
}

// typeRefPattern is a type reference with <type> for a type that is not
// an Edm primitive.
func typeRefPattern(r TypeRef) string {
	if strings.HasPrefix(r.Name, "Edm.") {
		return r.String()
	}
	r.Name = "<type>"
	return r.String()
}

var (
	qualifiedName = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)+$`)
	// patternWord is a word of a longer argument: a quoted string, a
	// number, an entity set, singleton or path after the word that says
	// what it is, or a run of name characters.
	patternWord = regexp.MustCompile("\"[^\"]*\"|`[^`]*`|\\b(?:entity set|singleton|path|navigation property|navigation) [^ ;,]+|[A-Za-z0-9_.]+")
)

// wordsPattern replaces the names inside a longer argument (a phrase
// such as "the vehicle resource page and the CSDL" or "FilterRestrictions
// on entity set cars list it in NonFilterableProperties").
func wordsPattern(s, typ, short, prop string) string {
	return patternWord.ReplaceAllStringFunc(s, func(w string) string {
		switch {
		case w[0] == '"' || w[0] == '`':
			return "<value>"
		case strings.HasPrefix(w, "entity set ") || strings.HasPrefix(w, "singleton ") || strings.HasPrefix(w, "path ") ||
			strings.HasPrefix(w, "navigation "):
			i := strings.LastIndexByte(w, ' ')
			if w[i+1:] == "property" {
				return w // "navigation property" said of a property
			}
			return w[:i+1] + "<name>"
		case prop != "" && w == prop:
			return "<property>"
		case w == short || strings.EqualFold(w, typ):
			return "<type>"
		case qualifiedName.MatchString(w) && !strings.HasPrefix(w, "Edm."):
			return "<type>"
		case strings.Trim(w, "0123456789") == "":
			return "<n>"
		}
		return w
	})
}
