package report

import (
	"path/filepath"
	"regexp"
	"strconv"
	"strings"

	"github.com/odatagen/odatagen/docscheck"
	"github.com/odatagen/odatagen/spec"
)

// FromExamples is the problems of checked examples in report form: one
// Finding per problem, at the problem's position, with its source as
// Other.
func FromExamples(rs []docscheck.Result) []Finding {
	var out []Finding
	for _, r := range rs {
		for _, p := range r.Problems {
			out = append(out, Finding{
				Kind: p.Kind, Severity: string(p.Severity), Pos: p.Pos, Other: ParsePos(p.Source), OtherRole: "from",
				Page: p.Pos.File, Subject: r.Type, Name: p.Pointer, Message: p.Message,
				Hint: ExampleHint(r, p), Pattern: examplePattern(r, p), HintTemplate: exampleHintTemplate(r, p),
			})
		}
	}
	return out
}

// ParsePos reads a position written as file:line:col, file:line or file
// (spec.Pos.String); "" is the zero Pos.
func ParsePos(s string) spec.Pos {
	var p spec.Pos
	var nums []int
	for len(nums) < 2 {
		i := strings.LastIndexByte(s, ':')
		if i < 0 {
			break
		}
		n, err := strconv.Atoi(s[i+1:])
		if err != nil || n < 0 {
			break
		}
		nums = append(nums, n)
		s = s[:i]
	}
	p.File = s
	switch len(nums) {
	case 1:
		p.Line = nums[0]
	case 2:
		p.Line, p.Col = nums[1], nums[0]
	}
	return p
}

// exampleNames are the names an example's hint is worded with.
type exampleNames struct {
	prop, typ, page, source string
}

// ExampleHint says in a few words how to fix an example problem, by its
// kind: mostly in the example, on its page; in the resource page or the
// CSDL where the example is likely right (a property the service
// returns that the type lacks, a body table that leaves a property out).
func ExampleHint(r docscheck.Result, p docscheck.Problem) string {
	src := ParsePos(p.Source).File
	n := exampleNames{prop: problemProperty(p), typ: shortName(r.Type), page: filepath.Base(p.Pos.File), source: filepath.Base(src)}
	if n.prop == "" {
		n.prop = "the member"
	}
	if n.typ == "" {
		n.typ = "its type"
	}
	if p.Pos.File == "" {
		n.page = "its page"
	}
	if src == "" {
		n.source = ""
	}
	return exampleHint(p, n)
}

// exampleHintTemplate is ExampleHint with placeholders for the names.
func exampleHintTemplate(r docscheck.Result, p docscheck.Problem) string {
	n := exampleNames{prop: "<property>", typ: "<type>", page: "<page>", source: "<source>"}
	if p.Source == "" {
		n.source = ""
	}
	return exampleHint(p, n)
}

func exampleHint(p docscheck.Problem, n exampleNames) string {
	ex := "the example in " + n.page
	declared := func(what string) string { // where the type's rule is
		if n.source == "" {
			return what
		}
		return what + " (" + n.source + ")"
	}
	switch p.Kind {
	case "not-strict-json":
		m := p.Message
		switch {
		case strings.HasPrefix(m, "blockType comment"):
			return "make the blockType comment before " + ex + " strict JSON"
		case strings.Contains(m, "trailing comma"):
			return "remove the trailing commas from " + ex
		case strings.Contains(m, "ellipsis"):
			return "write out what the ellipsis in " + ex + " stands for, or leave it out"
		case strings.Contains(m, "comment"):
			return "move the comments out of " + ex + " into the text: JSON has none"
		}
		return "replace the invisible characters in " + ex + " with plain spaces, or delete them"
	case "duplicate-member":
		return "keep one of the members " + n.prop + " in " + ex
	case "unknown-property":
		if p.Pointer == "/value" {
			return `if the body is a {"value": [...]} list, add "isCollection": true to the blockType comment before ` + ex +
				"; else remove " + n.prop
		}
		return "remove " + n.prop + " from " + ex + ", or, if the service has it, add it to " + declared("the type "+n.typ)
	case "wrong-type":
		return "give " + n.prop + " in " + ex + " a value of the type " + declared("its declaration") + " gives"
	case "read-only-on-create", "read-only-on-update":
		return "remove " + n.prop + " from " + ex + ": " + declared("its declaration") + " marks it read-only"
	case "immutable-on-update":
		return "remove " + n.prop + " from the update in " + n.page + ": " + declared("its declaration") + " lets it be set on create only"
	case "missing-required":
		return "add " + n.prop + " to " + ex + ", or drop \"Required\" from " + declared("its declaration")
	case "bad-enum":
		return "give " + n.prop + " in " + ex + " a member of its enum " + declared("")
	case "enum-case":
		return "write the value of " + n.prop + " in " + ex + " in the enum member's case"
	case "bad-format":
		return "write " + n.prop + " in " + ex + " in its type's format (a Date is 2021-07-01, a DateTimeOffset 2021-07-01T09:30:00Z), not a placeholder"
	case "out-of-range":
		return "give " + n.prop + " in " + ex + " a value in its type's range"
	case "wrong-odata-type":
		return "make the @odata.type of " + n.prop + " in " + ex + " name " + n.typ + " or a type derived from it"
	case "odata-type-case":
		return "spell the @odata.type in " + ex + " in the case of the type's name"
	case "not-in-body":
		return "add " + n.prop + " to the Request body table " + declared("of the page") + ", or remove it from " + ex
	}
	return "correct " + ex
}

// problemProperty is the property a problem is about: the name a
// "missing required property P" message gives, else the last name of
// the pointer.
func problemProperty(p docscheck.Problem) string {
	if p.Kind == "missing-required" {
		if _, after, ok := strings.Cut(p.Message, "missing required property "); ok {
			return strings.Fields(after + " ")[0]
		}
	}
	segs := strings.Split(p.Pointer, "/")
	for i := len(segs) - 1; i >= 0; i-- {
		s := strings.ReplaceAll(strings.ReplaceAll(segs[i], "~1", "/"), "~0", "~")
		if s != "" && strings.Trim(s, "0123456789") != "" {
			return s
		}
	}
	return ""
}

func shortName(q string) string {
	q = strings.TrimSuffix(strings.TrimPrefix(q, "Collection("), ")")
	return q[strings.LastIndex(q, ".")+1:]
}

var (
	// exampleWord is a quoted string, a path (a word that starts with
	// '/'), or a word of name characters.
	exampleWord = regexp.MustCompile(`"(?:[^"\\]|\\.)*"|(?:^|\s)/\S*|[#@$A-Za-z0-9_.]+`)
	qualified   = regexp.MustCompile(`^#?[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)+$`)
)

// examplePattern is a problem's message with placeholders for its names
// (see the package doc).
func examplePattern(r docscheck.Result, p docscheck.Problem) string {
	m, prefix := p.Message, ""
	if p.Pointer != "" && strings.HasPrefix(m, p.Pointer+": ") {
		m, prefix = strings.TrimPrefix(m, p.Pointer+": "), "<pointer>: "
	}
	var quoted []string
	for _, q := range regexp.MustCompile(`"(?:[^"\\]|\\.)*"`).FindAllString(m, -1) {
		if s, err := strconv.Unquote(q); err == nil {
			quoted = append(quoted, strings.TrimPrefix(s, "#"))
		}
	}
	prop, typ := problemProperty(p), shortName(r.Type)
	if p.Pointer == "/value" {
		prop = "" // the collection wrapper, not a name: its own problem
	}
	out := exampleWord.ReplaceAllStringFunc(m, func(w string) string {
		switch {
		case w[0] == '"':
			return "<value>"
		case strings.HasPrefix(strings.TrimSpace(w), "/"):
			return w[:len(w)-len(strings.TrimLeft(w, " \t\n"))] + "<path>"
		case qualified.MatchString(w) && !strings.HasPrefix(w, "Edm."):
			return "<type>"
		case prop != "" && w == prop:
			for _, q := range quoted {
				if strings.EqualFold(q, w) {
					return "<value>"
				}
			}
			return "<property>"
		case typ != "" && w == typ:
			return "<type>"
		case strings.Trim(w, "0123456789") == "":
			return "<n>"
		}
		for _, q := range quoted {
			if strings.EqualFold(q, w) {
				return "<value>"
			}
		}
		return w
	})
	return prefix + out
}
