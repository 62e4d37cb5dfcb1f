package markdown

import (
	"fmt"
	"path"
	"regexp"
	"strings"
	"unicode"

	"github.com/odatagen/odatagen/spec"
)

// Read reads one Microsoft Graph docs page (the markdown of
// microsoft-graph-docs, api-reference/{beta,v1.0}/{resources,api}) into a
// Spec fragment:
//
//   - a resource page gives one entity or complex type, the enums that its
//     "x values" sections define, and enums inferred from "Possible values
//     are ..." phrases (see below);
//   - an enum page gives its EnumType, or one EnumType per "x values"
//     section on pages that list several;
//   - a Create (POST, PUT) or Update (PATCH) API page gives one Operation
//     from its Request body table; other API pages (GET, DELETE, actions,
//     $ref and $value requests) give an empty Spec.
//
// The reader is forgiving: a phrase, row or table it does not understand is
// skipped with a Warning or left in the description, and never fails the
// page. It fails only when the page cannot be read at all, for instance a
// resource page with no recognisable type name. Errors are *Error values
// positioned at file:line:col.
//
// Design choices:
//
//   - Type names: a link's text is the type name ("[x](x.md)", "[x][]",
//     "[x](#x-values)"); file names are lower-cased so they are used only
//     when the link text is not a name. Unqualified names get the page
//     namespace: the "Namespace:" line, else the namespace of the resource
//     comment's @odata.type, else microsoft.graph. On a page of a
//     sub-namespace (microsoft.graph.callRecords), an unqualified name whose
//     link goes to a page without the sub-namespace's file prefix
//     ("identityset.md" rather than "callrecords-x.md") is a
//     microsoft.graph type, as the docs write it.
//   - The type's own name and namespace come from the resource comment's
//     @odata.type when there is one, else from the title ("x resource
//     type").
//   - Kind: entity when keyProperty is non-empty, when keyProperty is
//     present (even "") and a base type is set, or when the base type is
//     microsoft.graph.entity or microsoft.graph.directoryObject; otherwise
//     complex. The base type comes from the comment's baseType, else from
//     an "Inherits from [x]" sentence in the introduction.
//   - Descriptions are plain text: links become their text, <br> a space,
//     HTML tags, emphasis and code marks go, white space is collapsed.
//   - Phrases read from descriptions: read-only ("Read-only", "read only",
//     "This property is read-only"; "once set ... read-only" means
//     Immutable), "Required" as a sentence or sentence start, "Not
//     nullable", default values ("The default value is X", "Defaults to X",
//     "X (default)"), $filter support in its many phrasings, the other
//     query options a property supports ("Supports `$orderby`", "`$search`
//     and `$expand`") and whether it is returned by default ("Returned
//     only on `$select`", "Not returned by default"; see query.go),
//     "Possible values are ...", "(deprecated)".
//   - "Possible values are a, b, c" on a property whose type is a plain
//     (unlinked, non-primitive) name that the page does not define becomes
//     an inferred EnumType with those members, so that a page alone still
//     generates. A values table or an enum page for the same name should
//     win over it when specs are merged.
//   - Enum members get their Value column when there is one, else their
//     index. A member spelled "unknownfuturevalue" is read as the sentinel
//     unknownFutureValue (with a warning).
//   - Tables: rows may lack outer pipes, carry padding and tabs, escape
//     pipes ("\|"), or break over lines (a line without a leading pipe
//     continues the previous row's last cell). Cells beyond the header's
//     count are joined back into the last cell, because the docs write
//     unescaped pipes inside code spans. Bold rows with empty cells are
//     group headings and are skipped. Columns are found by their header
//     (Property/Name/Parameter, Type, Description, and Required, Read-only,
//     Nullable, Default columns); other columns are appended to the
//     description.
//   - API pages: the operation's type is, in order, the request example's
//     "@odata.type", the response comment's "@odata.type", the first
//     ../resources/x.md link in the Request body or Response sections, the
//     last word of the title. PUT (create or replace) and POST are Create,
//     PATCH is Update; a POST is an action rather than a create when its
//     title reads "type: action" or its Response names a 200, 202 or 204
//     status but no 201. Body properties are required when their
//     description says so, their Required column says yes, or the line
//     before the table says the table lists required properties.
//   - Every type, property, enum, member, operation and body property
//     carries the position of its heading or table row.
func Read(file string, src []byte) (*spec.Spec, []spec.Warning, error) {
	r := &mdReader{file: file, sc: mdScanPage(src), spec: &spec.Spec{}}
	if err := r.read(); err != nil {
		return nil, r.warns, err
	}
	// A page describes one type (or one operation's): its warnings are
	// about that type.
	subject := ""
	switch {
	case len(r.spec.Types) > 0:
		subject = r.spec.Types[0].QualifiedName()
	case len(r.spec.Enums) > 0:
		subject = r.spec.Enums[0].QualifiedName()
	case len(r.spec.Operations) > 0:
		subject = r.spec.Operations[0].Type
	}
	for i := range r.warns {
		if r.warns[i].Type == "" {
			r.warns[i].Type = subject
		}
	}
	return r.spec, r.warns, nil
}

type mdPageKind int

const (
	mdResourcePage mdPageKind = iota
	mdEnumPage
	mdAPIPage
	mdOtherPage
)

type mdSection int

const (
	mdSecOther mdSection = iota
	mdSecProps
	mdSecRels
	mdSecMembers
	mdSecJSON
	mdSecBody
	mdSecHTTP
	mdSecResponse
	mdSecExamples
	mdSecMethods
)

type mdReader struct {
	file  string
	sc    *mdScan
	spec  *spec.Spec
	warns []spec.Warning

	title    string // H1 text (or front matter title)
	titlePos spec.Pos
	ns       string // the page namespace
	meta     map[string]any
	metaPos  spec.Pos
	odata    string // the resource comment's @odata.type, without '#'

	// Per-block section state, filled by walk.
	blockSec []mdSection
	// blockHead is the index of the most recent heading before each block
	// (-1 when none).
	blockHead []int
}

func (r *mdReader) pos(line, col int) spec.Pos { return spec.Pos{File: r.file, Line: line, Col: col} }

func (r *mdReader) warnf(p spec.Pos, format string, args ...any) {
	r.warns = append(r.warns, spec.Warning{Pos: p, Msg: fmt.Sprintf(format, args...)})
}

func (r *mdReader) read() error {
	sc := r.sc
	if sc.unterminatedComment > 0 {
		r.warnf(r.pos(sc.unterminatedComment, 1), "HTML comment is not closed")
	}
	if sc.unterminatedFence > 0 {
		r.warnf(r.pos(sc.unterminatedFence, 1), "code fence is not closed")
	}
	r.findTitle()
	r.walk()
	r.findMeta()
	r.findNamespace()
	switch r.pageKind() {
	case mdAPIPage:
		r.readAPI()
		return nil
	case mdEnumPage:
		return r.readEnumPage()
	case mdOtherPage:
		r.skipPage(fmt.Sprintf("doc_type %q", sc.front.docType))
		return nil
	}
	if r.describesNoType() {
		r.skipPage("no Properties table, no resource comment, no resource title")
		return nil
	}
	return r.readResource()
}

// skipPage records, with one warning, that the page describes no type
// (an overview or conceptual page) and is read as nothing.
func (r *mdReader) skipPage(why string) {
	r.warns = append(r.warns, spec.Warning{Pos: r.pos(1, 1), Kind: spec.WarnSkippedPage,
		Msg: "describes no type (" + why + "): not a resource, enum or API page; skipped"})
}

// describesNoType reports whether the page gives no sign of describing a
// type: no resource comment or @odata.type, no table in a Properties or
// Relationships section, no resource doc_type, and a title that does not
// read "... resource type" or "... type".
func (r *mdReader) describesNoType() bool {
	lt := strings.ToLower(r.title)
	return r.meta == nil && r.odata == "" && !r.hasPropertiesTable() && r.docKind() != mdResourcePage &&
		!strings.Contains(lt, "resource") && !strings.HasSuffix(lt, " type")
}

// hasPropertiesTable reports whether a table stands in a Properties or
// Relationships section.
func (r *mdReader) hasPropertiesTable() bool {
	for i, b := range r.sc.blocks {
		if b.kind == mdBTable && (r.blockSec[i] == mdSecProps || r.blockSec[i] == mdSecRels) {
			return true
		}
	}
	return false
}

func (r *mdReader) findTitle() {
	for _, b := range r.sc.blocks {
		if b.kind == mdBHeading && b.level == 1 {
			r.title = mdPlain(b.text, r.sc.refs, false)
			r.titlePos = r.pos(b.line, b.col)
			return
		}
	}
	if r.sc.front.title != "" {
		r.title = r.sc.front.title
		r.titlePos = r.pos(r.sc.front.line, 1)
	}
}

// findMeta reads the first <!-- { "blockType": "resource", ... } -->
// comment. Without one, the top-level "@odata.type" of the JSON
// representation still names the type.
func (r *mdReader) findMeta() {
	for _, b := range r.sc.blocks {
		m, s, ok := mdBlockTypeComment(b)
		if !ok {
			continue
		}
		if s != "resource" && !strings.Contains(s, "enum") && s != "complextype" && s != "entitytype" {
			continue
		}
		r.meta = m
		r.metaPos = r.pos(b.line, b.col)
		t, ok := mdJSONKey(m, "@odata.type")
		if !ok {
			t, ok = mdJSONKey(m, "@type")
		}
		if ok {
			if s, ok := mdJSONString(t); ok {
				r.odata = mdTypeFromOData(s)
			}
		}
		return
	}
	// No resource comment: the JSON representation may name the type.
	for i, b := range r.sc.blocks {
		if b.kind != mdBCode || r.blockSec[i] != mdSecJSON {
			continue
		}
		if m, ok := mdParseJSONObject(b.text); ok {
			if v, ok := mdJSONKey(m, "@odata.type"); ok {
				if s, ok := mdJSONString(v); ok {
					r.odata = mdTypeFromOData(s)
					r.metaPos = r.pos(b.line, b.col)
				}
			}
		}
		return
	}
}

// mdTypeFromOData strips "#" and "Collection(...)" from an @odata.type.
func mdTypeFromOData(s string) string {
	s = strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(s), "#"))
	if len(s) > 11 && strings.EqualFold(s[:11], "Collection(") && strings.HasSuffix(s, ")") {
		s = strings.TrimSpace(strings.TrimPrefix(s[11:len(s)-1], "#"))
	}
	if !mdQualifiedRe.MatchString(s) {
		return ""
	}
	return mdNormNS(s)
}

var mdNamespaceLine = regexp.MustCompile(`(?i)^namespace\s*:?\s*(\S+)`)

// findNamespace sets the page namespace from the "Namespace:" line, else
// the @odata.type of the resource comment, else microsoft.graph.
func (r *mdReader) findNamespace() {
	odataNS, _ := spec.SplitQualified(r.odata)
	for _, b := range r.sc.blocks {
		if b.kind != mdBText || b.quote {
			continue
		}
		if !strings.Contains(strings.ToLower(b.text[:min(len(b.text), 16)]), "namespace") {
			continue
		}
		m := mdNamespaceLine.FindStringSubmatch(mdPlain(b.text, nil, false))
		if m == nil {
			continue
		}
		ns := mdNormNS(strings.Trim(m[1], "`*._:"))
		if !mdQualifiedRe.MatchString(ns) {
			r.warnf(r.pos(b.line, b.col), "namespace %q is not a namespace name; ignored", m[1])
			continue
		}
		if odataNS != "" && strings.EqualFold(ns, odataNS) {
			ns = odataNS // the comment spells sub-namespaces as code does
		}
		r.ns = ns
		return
	}
	if odataNS != "" {
		r.ns = odataNS
		return
	}
	r.ns = "microsoft.graph"
}

// mdNormNS lower-cases a leading "Microsoft.Graph" and keeps the rest.
func mdNormNS(s string) string {
	const mg = "microsoft.graph"
	if len(s) >= len(mg) && strings.EqualFold(s[:len(mg)], mg) && (len(s) == len(mg) || s[len(mg)] == '.') {
		return mg + s[len(mg):]
	}
	return s
}

// mdClassifyHeading names the section a heading starts.
func mdClassifyHeading(plain string) mdSection {
	h := strings.ToLower(strings.TrimSpace(strings.TrimRight(plain, ": ")))
	switch {
	case h == "":
		return mdSecOther
	case strings.Contains(h, "relationship") || strings.Contains(h, "navigation propert"):
		return mdSecRels
	case strings.Contains(h, "json representation") || h == "json":
		return mdSecJSON
	case h == "request body" || strings.HasPrefix(h, "request body"):
		return mdSecBody
	case strings.HasPrefix(h, "http request"):
		return mdSecHTTP
	case h == "response" || strings.HasPrefix(h, "response "):
		return mdSecResponse
	case strings.HasPrefix(h, "example"):
		return mdSecExamples
	case h == "methods" || strings.HasPrefix(h, "methods ") || strings.HasPrefix(h, "tasks on"):
		return mdSecMethods
	case h == "members" || h == "values" || h == "enumeration values" || h == "enum values" ||
		h == "enumeration members" || h == "enum members" || h == "members and values" || h == "possible values":
		return mdSecMembers
	case strings.Contains(h, "instance attribute") || strings.Contains(h, "annotation"):
		return mdSecOther
	case strings.Contains(h, "propert"):
		if _, _, ok := mdEnumHeading(plain); ok {
			return mdSecOther
		}
		return mdSecProps
	}
	return mdSecOther
}

// walk assigns each block its section and nearest heading.
func (r *mdReader) walk() {
	n := len(r.sc.blocks)
	r.blockSec = make([]mdSection, n)
	r.blockHead = make([]int, n)
	sec, secLevel, head := mdSecOther, 0, -1
	for i, b := range r.sc.blocks {
		if b.kind == mdBHeading && b.level > 1 {
			plain := mdPlain(b.text, r.sc.refs, false)
			c := mdClassifyHeading(plain)
			head = i
			switch {
			case b.level <= secLevel || secLevel == 0:
				sec, secLevel = c, b.level
			case (sec == mdSecProps || sec == mdSecRels || sec == mdSecMembers) && (c == mdSecProps || c == mdSecRels) && c != sec:
				// A deeper heading that names a section of its own
				// ("### Relationships" under "## Properties").
				sec, secLevel = c, b.level
			case c == mdSecOther && strings.Contains(strings.ToLower(plain), "instance attribute"):
				sec, secLevel = mdSecOther, b.level
			}
		} else if b.kind == mdBHeading {
			sec, secLevel, head = mdSecOther, 0, i
		}
		r.blockSec[i] = sec
		r.blockHead[i] = head
	}
}

func (r *mdReader) hasSection(s mdSection) bool {
	for i, b := range r.sc.blocks {
		if b.kind == mdBHeading && r.blockSec[i] == s {
			return true
		}
	}
	return false
}

var mdTitleSuffixes = []string{
	" resource type", " enum type", " enumeration type", " complex type", " entity type",
	" resource", " enumeration", " enum", " type", " object", " entity",
}

// mdTitleName reads the type name from a title such as "cloudPcExternalPartner
// resource type" or "items resource type (Open Type)".
func mdTitleName(title string) (string, bool) {
	t := strings.TrimSpace(title)
	for {
		i := strings.LastIndex(t, "(")
		if i <= 0 || !strings.HasSuffix(t, ")") {
			break
		}
		t = strings.TrimSpace(t[:i])
	}
	lower := strings.ToLower(t)
	for _, suf := range mdTitleSuffixes {
		if strings.HasSuffix(lower, suf) {
			t = strings.TrimSpace(t[:len(t)-len(suf)])
			break
		}
	}
	t = strings.Trim(t, "`*\"' ")
	if mdQualifiedRe.MatchString(t) {
		return t, true
	}
	// "media resouce type": a name followed by words that read like
	// "resource type" with a typo.
	f := strings.Fields(t)
	if len(f) >= 2 && mdQualifiedRe.MatchString(f[0]) {
		for _, w := range f[1:] {
			w = strings.ToLower(w)
			if !strings.HasPrefix(w, "res") && !strings.HasPrefix(w, "typ") && !strings.HasPrefix(w, "enum") {
				return "", false
			}
		}
		return f[0], true
	}
	return "", false
}

func (r *mdReader) docKind() mdPageKind {
	d := strings.ToLower(r.sc.front.docType)
	switch {
	case d == "":
		return -1
	case strings.Contains(d, "enum"):
		return mdEnumPage
	case strings.Contains(d, "api"):
		return mdAPIPage
	case strings.Contains(d, "res") || strings.Contains(d, "rce"):
		return mdResourcePage
	case strings.Contains(d, "concept") || strings.Contains(d, "overview") || strings.Contains(d, "landing"):
		return mdOtherPage
	}
	return -1
}

func (r *mdReader) pageKind() mdPageKind {
	dk := r.docKind()
	hasProps := r.hasSection(mdSecProps)
	hasMembers := r.hasSection(mdSecMembers)
	hasHTTP := r.hasSection(mdSecHTTP)
	lt := strings.ToLower(r.title)
	titleEnum := strings.HasSuffix(lt, " enum type") || strings.HasSuffix(lt, " enumeration") ||
		strings.HasSuffix(lt, " enumeration type") || strings.HasSuffix(lt, " enum")
	switch {
	case dk == mdAPIPage, hasHTTP && !hasProps && !hasMembers && r.meta == nil:
		return mdAPIPage
	case dk == mdEnumPage && !hasProps, titleEnum && !hasProps, hasMembers && !hasProps:
		return mdEnumPage
	case dk == mdOtherPage && r.meta == nil:
		return mdOtherPage
	}
	return mdResourcePage
}

// typeName returns the name and namespace of the page's own type.
func (r *mdReader) typeName() (ns, name string, err error) {
	if r.odata != "" {
		ns, name = spec.SplitQualified(r.odata)
		if ns == "" {
			ns = r.ns
		} else if !strings.EqualFold(ns, r.ns) {
			r.warnf(r.metaPos, "@odata.type %q is not in the page namespace %q", r.odata, r.ns)
		}
		return ns, name, nil
	}
	if n, ok := mdTitleName(r.title); ok {
		tns, tname := spec.SplitQualified(n)
		if tns == "" {
			tns = r.ns
		}
		return mdNormNS(tns), tname, nil
	}
	p := r.titlePos
	if !p.IsValid() {
		p = r.pos(1, 1)
	}
	if r.title == "" {
		return "", "", spec.Errorf(p, "no type name: the page has no title and no resource comment with an @odata.type")
	}
	return "", "", spec.Errorf(p, "no type name: title %q does not name a type and there is no resource comment with an @odata.type", r.title)
}

// intro returns the plain text of the paragraphs between the title and
// the first section, and the "Inherits from" base type if it names one.
func (r *mdReader) intro() (desc, base string) {
	var parts []string
	started := false
	for _, b := range r.sc.blocks {
		if b.kind == mdBHeading {
			if b.level == 1 && !started {
				started = true
				continue
			}
			break
		}
		if b.kind != mdBText || b.quote {
			continue
		}
		t := b.text
		lt := strings.ToLower(t)
		if strings.HasPrefix(lt, "[!include") || strings.HasPrefix(lt, "namespace") || strings.HasPrefix(lt, "**namespace") {
			continue
		}
		if base == "" {
			base = r.inheritsFrom(t)
		}
		parts = append(parts, t)
	}
	desc = mdPlain(strings.Join(parts, " "), r.sc.refs, false)
	if desc == "" {
		desc = mdPlain(r.sc.front.description, r.sc.refs, false)
	}
	return desc, base
}

var mdInheritsRe = regexp.MustCompile(`(?i)\b(?:inherits|derived|derives|inherited)\s+from\s+(?:the\s+)?`)

// inheritsFrom reads "Inherits from [x](x.md)" / "Derived from [x]".
func (r *mdReader) inheritsFrom(t string) string {
	loc := mdInheritsRe.FindStringIndex(t)
	if loc == nil {
		return ""
	}
	rest := strings.TrimSpace(t[loc[1]:])
	var name, target string
	switch {
	case strings.HasPrefix(rest, "["):
		_, links := mdLinks(rest, r.sc.refs, true)
		if len(links) == 0 {
			return ""
		}
		name, target = mdPlain(links[0].text, nil, false), links[0].target
	case strings.HasPrefix(rest, "**"):
		end := strings.Index(rest[2:], "**")
		if end < 0 {
			return ""
		}
		name = rest[2 : 2+end]
	default:
		return ""
	}
	name = strings.Trim(name, "` ")
	if !mdQualifiedRe.MatchString(name) {
		name = mdNameFromTarget(target)
		if name == "" {
			return ""
		}
	}
	if strings.Contains(name, ".") {
		return mdNormNS(name)
	}
	return r.qualify(name, target)
}

// mdNameFromTarget derives a (lower-case) type name from a link target such
// as "../resources/intune-shared-devicetype.md".
func mdNameFromTarget(target string) string {
	if target == "" || strings.HasPrefix(target, "#") || strings.Contains(target, "://") {
		return ""
	}
	if i := strings.IndexAny(target, "#?"); i >= 0 {
		target = target[:i]
	}
	base := strings.TrimSuffix(path.Base(target), ".md")
	if i := strings.LastIndexByte(base, '-'); i >= 0 {
		base = base[i+1:]
	}
	if !mdIdentRe.MatchString(base) {
		return ""
	}
	return base
}

// qualify puts an unqualified type name into a namespace; see Read.
func (r *mdReader) qualify(name, target string) string {
	ns := r.ns
	if strings.HasPrefix(ns, "microsoft.graph.") && target != "" && !strings.HasPrefix(target, "#") && !strings.Contains(target, "://") {
		t := target
		if i := strings.IndexAny(t, "#?"); i >= 0 {
			t = t[:i]
		}
		base := strings.ToLower(path.Base(t))
		sub := strings.ToLower(ns[strings.LastIndexByte(ns, '.')+1:])
		if strings.HasSuffix(base, ".md") && !strings.HasPrefix(base, sub+"-") {
			ns = "microsoft.graph"
		}
	}
	return ns + "." + name
}

// mdTypeAliases are type spellings of old pages that LookupPrimitive does
// not know.
var mdTypeAliases = map[string]string{
	"numeric": "Edm.Decimal",
	"number":  "Edm.Double",
	"double":  "Edm.Double",
	"object":  "Edm.Untyped",
	"any":     "Edm.Untyped",
}

// mdTypeCell is a parsed type cell.
type mdTypeCell struct {
	ref        spec.TypeRef
	readOnly   bool
	deprecated bool
	linked     bool // the type is a link to another page
	ok         bool
}

var mdCollectionSuffix = regexp.MustCompile(`(?i)\s+(collection|array|list)$`)

// parseType reads a type cell: "String", "Int32", "Edm.Guid", "x
// collection", "Collection(x)", "[x](x.md)", "[x][]", "[x](#x-values)",
// "microsoft.graph.callRecords.x", "`x`", "string (readonly)".
func (r *mdReader) parseType(raw string) mdTypeCell {
	var tc mdTypeCell
	s := mdStripTags(raw)
	s, links := mdLinks(s, r.sc.refs, true)
	s = mdPlain(s, nil, false)
	s = strings.Trim(s, "*_ ")
	// Decorations: "(readonly)", "(identifier)", "(deprecated)".
	for strings.HasSuffix(s, ")") {
		i := strings.LastIndex(s, "(")
		if i <= 0 {
			break
		}
		head := strings.TrimSpace(s[:i])
		if strings.EqualFold(head, "collection") {
			break
		}
		deco := strings.ToLower(s[i+1 : len(s)-1])
		if mdSaysReadOnly(deco) {
			tc.readOnly = true
		}
		if strings.Contains(deco, "deprecated") {
			tc.deprecated = true
		}
		s = head
	}
	if len(s) > 11 && strings.EqualFold(s[:11], "collection(") {
		inner := s[11:]
		inner = strings.TrimSpace(strings.TrimSuffix(inner, ")"))
		s = inner
		tc.ref.Collection = true
	} else if loc := mdCollectionSuffix.FindStringIndex(s); loc != nil {
		s = strings.TrimSpace(s[:loc[0]])
		tc.ref.Collection = true
	} else if l := strings.ToLower(s); strings.HasPrefix(l, "collection of ") {
		s = strings.TrimSpace(s[len("collection of "):])
		tc.ref.Collection = true
	} else if strings.HasSuffix(s, "[]") {
		s = strings.TrimSpace(strings.TrimSuffix(s, "[]"))
		tc.ref.Collection = true
	}
	s = strings.Trim(s, "`*_ \"'")
	target := ""
	if len(links) > 0 {
		target = links[0].target
		tc.linked = target != "" && !strings.HasPrefix(target, "#")
	}
	if s == "" {
		return tc
	}
	if p, ok := spec.LookupPrimitive(s); ok {
		tc.ref.Name, tc.ok = p, true
		return tc
	}
	if p, ok := mdTypeAliases[strings.ToLower(s)]; ok {
		tc.ref.Name, tc.ok = p, true
		return tc
	}
	if !mdQualifiedRe.MatchString(s) {
		// A link whose text is not a name: use its file name.
		if len(links) == 1 {
			if n := mdNameFromTarget(target); n != "" {
				tc.ref.Name, tc.ok = r.qualify(n, target), true
				return tc
			}
		}
		return tc
	}
	if strings.Contains(s, ".") {
		if strings.HasPrefix(strings.ToLower(s), "edm.") {
			// An Edm name LookupPrimitive does not know.
			tc.ref.Name, tc.ok = "Edm."+s[4:], true
			return tc
		}
		tc.ref.Name, tc.ok = mdNormNS(s), true
		return tc
	}
	tc.ref.Name, tc.ok = r.qualify(s, target), true
	return tc
}

// mdPropName reads a property name cell: "**id**", "`id`", "[id](#id)",
// "id (deprecated)".
func mdPropName(raw string) (name string, deprecated bool) {
	s := mdPlain(raw, nil, false)
	for strings.HasSuffix(s, ")") {
		i := strings.LastIndex(s, "(")
		if i < 0 {
			break
		}
		if strings.Contains(strings.ToLower(s[i:]), "deprecated") {
			deprecated = true
		}
		s = strings.TrimSpace(s[:i])
	}
	s = strings.Trim(s, "`*_: \"'")
	if strings.HasSuffix(strings.ToLower(s), " deprecated") {
		deprecated = true
		s = strings.TrimSpace(s[:len(s)-len(" deprecated")])
	}
	return s, deprecated
}

func mdSetSentinel(e *spec.EnumType) {
	if e.Member(spec.SentinelName) != nil {
		e.Sentinel = spec.SentinelName
	}
}

func (r *mdReader) headingOf(i int) (mdBlock, bool) {
	h := r.blockHead[i]
	if h < 0 {
		return mdBlock{}, false
	}
	return r.sc.blocks[h], true
}

// nestedJSONOwner returns the property whose JSON value the table at block
// i describes, or "": a table in the Properties section that follows,
// directly, a heading or a sentence naming a property already read ("The
// definition property is a JSON object with these fields:", "### settings
// object", "Properties of definition"). Pages describe the JSON inside a
// property that way (a policy's definition); those rows are not the
// resource's properties.
func (r *mdReader) nestedJSONOwner(i int, seen map[string]bool) string {
	j := i - 1
	for j >= 0 && r.sc.blocks[j].kind == mdBBlank {
		j--
	}
	if j < 0 || len(seen) == 0 {
		return ""
	}
	prev := r.sc.blocks[j]
	if prev.kind != mdBText && prev.kind != mdBHeading {
		return ""
	}
	text := mdPlain(prev.text, r.sc.refs, false)
	lower := strings.ToLower(text)
	if strings.Contains(lower, "inherit") {
		return ""
	}
	for _, w := range strings.FieldsFunc(text, func(c rune) bool {
		return !(c == '_' || c == '.' || unicode.IsLetter(c) || unicode.IsDigit(c))
	}) {
		w = strings.TrimRight(w, ".")
		if !seen[w] {
			continue
		}
		for _, re := range mdNestedJSONRes {
			if re.MatchString(strings.ReplaceAll(lower, strings.ToLower(w), "\x00")) {
				return w
			}
		}
	}
	return ""
}

// mdNestedJSONRes match the lower-cased text before a table, with the
// property's name replaced by NUL, when it introduces that property's JSON.
var mdNestedJSONRes = []*regexp.Regexp{
	regexp.MustCompile(`\x00\s+(?:property|object|field|json|value|setting|settings|parameter)s?\b`),
	regexp.MustCompile(`\b(?:properties|fields|members|keys|attributes|structure|schema|format)\s+(?:of|in|for)\s+(?:the\s+|each\s+)?\x00\b`),
	regexp.MustCompile(`^\s*\x00\s*:?\s*$`),
}

// readResource reads a resource page.
func (r *mdReader) readResource() error {
	lt := strings.ToLower(r.title)
	if r.meta == nil && r.docKind() != mdResourcePage && !r.hasSection(mdSecProps) && !strings.Contains(lt, "resource") && !strings.HasSuffix(lt, " type") {
		p := r.titlePos
		if !p.IsValid() {
			p = r.pos(1, 1)
		}
		return spec.Errorf(p, "not a docs resource, enum or API page: no doc_type, no resource comment, no Properties section")
	}
	ns, name, err := r.typeName()
	if err != nil {
		return err
	}
	desc, inheritedBase := r.intro()
	t := &spec.StructuredType{Kind: spec.ComplexKind, Name: name, Namespace: ns, Description: desc, Pos: r.titlePos}
	if !t.Pos.IsValid() {
		t.Pos = r.metaPos
	}
	if !t.Pos.IsValid() {
		t.Pos = r.pos(1, 1)
	}
	r.applyMeta(t, inheritedBase)

	enums := map[string]*spec.EnumType{} // by qualified name
	seenProp := map[string]bool{}
	inferFrom := map[*spec.Property]mdRow{}
	addProps := func(rows []mdRow, nav bool) {
		for _, rw := range rows {
			if seenProp[rw.name] {
				r.warnf(rw.pos, "property %s is listed twice; the second is skipped", rw.name)
				continue
			}
			seenProp[rw.name] = true
			p := rw.property()
			if nav {
				t.NavigationProperties = append(t.NavigationProperties, p)
			} else {
				t.Properties = append(t.Properties, p)
				inferFrom[p] = rw
			}
		}
	}
	for i, b := range r.sc.blocks {
		if b.kind != mdBTable {
			continue
		}
		sec := r.blockSec[i]
		kind := mdClassifyTable(b.table)
		head, hasHead := r.headingOf(i)
		if hasHead && kind != mdTableOther {
			if en, byProp, ok := mdEnumHeading(mdPlain(head.text, r.sc.refs, false)); ok && (kind == mdTableEnum || !mdHasTypeColumn(b.table)) {
				r.sectionEnum(t, enums, b, head, en, byProp)
				continue
			}
		}
		switch sec {
		case mdSecProps, mdSecRels:
			switch kind {
			case mdTableEnum:
				r.warnf(r.pos(b.line, b.col), "enum table without a heading that names the enum; skipped")
			case mdTableProps:
				if owner := r.nestedJSONOwner(i, seenProp); owner != "" {
					r.warnf(r.pos(b.line, b.col), "table describes the JSON inside property %s, not properties of %s; skipped", owner, t.Name)
					continue
				}
				addProps(r.readRows(b, true), sec == mdSecRels)
			}
		case mdSecMembers:
			if kind == mdTableEnum {
				r.warnf(r.pos(b.line, b.col), "members table on a resource page; skipped")
			}
		}
	}
	r.spec.Types = append(r.spec.Types, t)
	r.inferEnums(t, enums, inferFrom)
	return nil
}

func mdHasTypeColumn(t *mdTable) bool {
	for _, h := range t.header {
		ht := mdHeaderText(h)
		if ht == "type" || strings.HasSuffix(ht, " type") {
			return true
		}
	}
	return false
}

// sectionEnum reads an "x values" section's table into an enum.
func (r *mdReader) sectionEnum(t *spec.StructuredType, enums map[string]*spec.EnumType, b, head mdBlock, name string, byProp bool) {
	hp := r.pos(head.line, head.col)
	var ns string
	switch {
	case name == "":
		r.warnf(hp, "enum section heading does not name the enum; table skipped")
		return
	case byProp:
		p := t.Property(name)
		if p == nil || p.Type.IsPrimitive() {
			r.warnf(hp, "section names property %s, which is not an enum-typed property of %s; table skipped", name, t.Name)
			return
		}
		ns, name = spec.SplitQualified(p.Type.Name)
	case strings.Contains(name, "."):
		ns, name = spec.SplitQualified(mdNormNS(name))
	default:
		ns = r.ns
		// Prefer the namespace a property's type gives the same name.
		for _, p := range append(t.Properties[:len(t.Properties):len(t.Properties)], t.NavigationProperties...) {
			if pns, pn := spec.SplitQualified(p.Type.Name); strings.EqualFold(pn, name) && pns != "" && pns != "Edm" {
				ns = pns
				break
			}
		}
	}
	q := spec.Qualify(ns, name)
	e := enums[q]
	if e == nil {
		e = &spec.EnumType{Name: name, Namespace: ns, Pos: hp}
		enums[q] = e
		r.spec.Enums = append(r.spec.Enums, e)
	} else if e.Pos != hp {
		r.warnf(hp, "enum %s is defined twice on the page; members are merged", name)
	}
	r.readEnumTable(b, e)
}

// inferEnums turns "Possible values are ..." of plain, non-primitive typed
// properties into enums that the page does not otherwise define.
func (r *mdReader) inferEnums(t *spec.StructuredType, enums map[string]*spec.EnumType, rows map[*spec.Property]mdRow) {
	for _, p := range t.Properties {
		rw := rows[p]
		if len(rw.facts.possible) == 0 || p.Type.IsPrimitive() || rw.typ.linked || !rw.hasType {
			continue
		}
		if enums[p.Type.Name] != nil {
			continue
		}
		ns, name := spec.SplitQualified(p.Type.Name)
		e := &spec.EnumType{Name: name, Namespace: ns, Pos: p.Pos}
		for i, v := range rw.facts.possible {
			if e.Member(v) != nil {
				continue
			}
			e.Members = append(e.Members, &spec.EnumMember{Name: v, Value: int64(i), Pos: p.Pos})
		}
		for i, m := range e.Members {
			m.Value = int64(i)
		}
		mdSetSentinel(e)
		enums[p.Type.Name] = e
		r.spec.Enums = append(r.spec.Enums, e)
	}
}

// applyMeta applies the resource comment to t.
func (r *mdReader) applyMeta(t *spec.StructuredType, inheritedBase string) {
	m := r.meta
	keySet, key := false, ""
	baseSet := false
	if m != nil {
		if v, ok := mdJSONKey(m, "keyProperty"); ok {
			keySet = true
			key, _ = mdJSONString(v)
			if a, isList := v.([]any); isList {
				var parts []string
				for _, x := range a {
					if s, ok := mdJSONString(x); ok && s != "" {
						parts = append(parts, s)
					}
				}
				key = strings.Join(parts, ",")
			}
		}
		if v, ok := mdJSONKey(m, "baseType"); ok {
			baseSet = true
			if s, ok := mdJSONString(v); ok && s != "" && !strings.EqualFold(s, "null") {
				s = mdTypeFromOData(s)
				if s == "" {
					r.warnf(r.metaPos, "baseType is not a type name; ignored")
				} else if !strings.Contains(s, ".") {
					t.BaseType = r.qualify(s, "")
				} else {
					t.BaseType = s
				}
			}
		}
		if v, ok := mdJSONKey(m, "openType"); ok {
			t.Open, _ = mdJSONBool(v)
		} else if strings.Contains(strings.ToLower(r.title), "open type") {
			t.Open = true
		}
		if v, ok := mdJSONKey(m, "abstract"); ok {
			t.Abstract, _ = mdJSONBool(v)
		}
	} else if strings.Contains(strings.ToLower(r.title), "open type") {
		t.Open = true
	}
	if !baseSet && inheritedBase != "" && inheritedBase != t.QualifiedName() {
		t.BaseType = inheritedBase
	}
	for _, k := range strings.Split(key, ",") {
		if k = strings.TrimSpace(k); k != "" {
			t.Key = append(t.Key, k)
		}
	}
	switch {
	case len(t.Key) > 0:
		t.Kind = spec.EntityKind
	case keySet && t.BaseType != "":
		t.Kind = spec.EntityKind
	case t.BaseType == "microsoft.graph.entity" || t.BaseType == "microsoft.graph.directoryObject":
		t.Kind = spec.EntityKind
	}
}

// readEnumPage reads an enum page: one enum named by the page, whose
// members are in a Members section (or in the page's only enum table), and
// any number of enums in "x values" sections (the "Enum values" pages list
// many enums that way).
func (r *mdReader) readEnumPage() error {
	desc, _ := r.intro()
	var page *spec.EnumType // the enum the page itself names
	pageEnum := func() (*spec.EnumType, error) {
		if page != nil {
			return page, nil
		}
		ns, name, err := r.typeName()
		if err != nil {
			return nil, err
		}
		page = &spec.EnumType{Name: name, Namespace: ns, Description: desc, Pos: r.titlePos}
		if !page.Pos.IsValid() {
			page.Pos = r.pos(1, 1)
		}
		ld := strings.ToLower(desc)
		if strings.Contains(ld, "flags enum") || strings.Contains(ld, "flag enum") || strings.Contains(ld, "[flags]") || strings.Contains(ld, "bitwise") {
			page.Flags = true
		}
		return page, nil
	}
	named := map[string]*spec.EnumType{}
	var order []*spec.EnumType
	var loose []mdBlock // enum tables under no naming heading
	for i, b := range r.sc.blocks {
		if b.kind != mdBTable {
			continue
		}
		kind := mdClassifyTable(b.table)
		if kind == mdTableOther {
			continue
		}
		if head, ok := r.headingOf(i); ok && (kind == mdTableEnum || !mdHasTypeColumn(b.table)) {
			hp := r.pos(head.line, head.col)
			if name, byProp, ok := mdEnumHeading(mdPlain(head.text, r.sc.refs, false)); ok && name != "" && !byProp {
				ns := r.ns
				if strings.Contains(name, ".") {
					ns, name = spec.SplitQualified(mdNormNS(name))
				}
				q := spec.Qualify(ns, name)
				e := named[q]
				if e == nil {
					e = &spec.EnumType{Name: name, Namespace: ns, Pos: hp}
					named[q] = e
					order = append(order, e)
				}
				r.readEnumTable(b, e)
				continue
			}
		}
		if r.blockSec[i] == mdSecMembers {
			e, err := pageEnum()
			if err != nil {
				return err
			}
			r.readEnumTable(b, e)
		} else if kind == mdTableEnum {
			loose = append(loose, b)
		}
	}
	if page == nil && len(order) == 0 || page != nil && len(page.Members) == 0 {
		// No Members section: the page's enum tables under other headings.
		e, err := pageEnum()
		if err != nil {
			return err
		}
		for _, b := range loose {
			r.readEnumTable(b, e)
		}
		if len(e.Members) == 0 {
			r.warnf(e.Pos, "enum page lists no members")
		}
	}
	if page != nil {
		if q := page.QualifiedName(); named[q] != nil {
			r.warnf(named[q].Pos, "enum %s is defined twice on the page; the section is kept apart", page.Name)
		}
		r.spec.Enums = append(r.spec.Enums, page)
	}
	r.spec.Enums = append(r.spec.Enums, order...)
	return nil
}
