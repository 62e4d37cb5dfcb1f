// Package docscheck checks the example requests and responses of API docs
// pages (Microsoft Graph's api-reference/*/api) against a spec: each
// example is typed, given a mode, validated with the spec's validation
// plan, and each problem is placed at the page line and column of the
// JSON member at fault.
//
// How an example is typed and put in a mode (Result.TypedBy says which
// rule decided):
//
//   - A response is read in mode read. Its type is the blockType
//     comment's "@odata.type" (a leading "#" dropped; "Collection(T)" is
//     a collection of T), else the body's own top-level "@odata.type",
//     else the type its "@odata.context" names, else the type the URL of
//     the GET or PATCH request before it leads to, or the item type of
//     the collection a POST request before it creates in; "isCollection": true
//     makes it a collection response ({"value": [...]}, each item
//     checked), as does a context or URL naming a collection when the body
//     has a "value" array. A "truncated": true response is checked too,
//     but missing members are not problems: the writer said some were left
//     out. The response to a /$value or /$count request is skipped.
//   - A request with a body is a create (POST) or an update (PATCH). A POST
//     is a create when its URL names a collection (an entity set or a
//     collection-valued navigation property, read against the spec's
//     entity sets), or, when the URL cannot be read that way, when the page
//     is a Create page (the spec holds a create operation from it). Any
//     other POST (an action, a $ref) is skipped. The type is the body's own
//     "@odata.type", else the type the page's Request body section links
//     to ("[user](../resources/user.md)"), else the page's operation, else
//     the type the URL leads to.
//   - An example without a blockType comment (an HTTP block found by its
//     first line, see markdown.Examples) is typed the same way, with no
//     comment members: its TypedBy ends "(no blockType comment)", and the
//     text line before a response stands in for "truncated" when it says
//     the response may be truncated or shortened. Such a block in the
//     page's HTTP request section is the request syntax, skipped.
//   - Requests without a body (GET, DELETE), other methods (PUT), bodies
//     that are not JSON (HTML, multipart), and examples whose type the spec
//     does not hold are skipped with a reason.
//
// A body that is not strict JSON is a problem of kind not-strict-json at
// the first flaw of each sort: trailing commas, non-breaking or zero-width
// spaces and byte order marks are errors (a copied body fails), comments
// are warnings (notes for the reader); the body is then checked with
// those blanked out. A body with an ellipsis ("..." or "…") between
// tokens is skipped: what was left out is unknown.
//
// An "@odata.type" that names a type in another case is a warning
// (odata-type-case), and the object is checked as the type it names; an
// enum value that is a member in another case is a warning (enum-case).
//
// A result is invalid when it has a problem of severity error, valid when
// it has none, skipped when it could not be checked (a skipped example
// may still carry the not-strict-json findings of its body). Positions
// are page lines and byte columns, 1-based; column 0 means the line only.
package docscheck

import (
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"slices"
	"strings"

	"github.com/odatagen/odatagen/generator"
	"github.com/odatagen/odatagen/spec"
	"github.com/odatagen/odatagen/spec/markdown"
	"github.com/odatagen/odatagen/validate"
)

// Page is an API page to check: its file name (as positions show it) and
// its text.
type Page struct {
	File string
	Src  []byte
}

// Verdict is the outcome of checking one example.
type Verdict string

const (
	Valid   Verdict = "valid"
	Invalid Verdict = "invalid"
	Skipped Verdict = "skipped"
)

// Severity says how bad a problem is: an error means the example (or the
// metadata) is wrong; a warning, that it is inconsistent but tolerated.
type Severity string

const (
	Error   Severity = "error"
	Warning Severity = "warning"
)

// Skip reasons, the stable part of Result.Reason that summaries count.
const (
	SkipNoBody      = "no-body"      // a request or response without a body
	SkipNotJSON     = "not-json"     // a body that is not JSON (HTML, multipart, text)
	SkipMethod      = "method"       // a request method that sends no entity (GET, DELETE, PUT)
	SkipNotEntity   = "not-entity"   // a POST that creates nothing: an action, a $ref
	SkipUntyped     = "untyped"      // nothing says what type the body is
	SkipUnknownType = "unknown-type" // the type named is not in the spec
	SkipElided      = "elided"       // the body leaves content out with "..."
	SkipRaw         = "raw-value"    // the response to a /$value or /$count request
	SkipSyntax      = "syntax"       // a block without a blockType comment in the HTTP request section: the syntax, not an example
)

// Result is the outcome of checking one example.
type Result struct {
	// Pos is where the example is: its blockType comment (File, Line), or
	// the opening fence of an example without one.
	Pos spec.Pos `json:"pos"`
	// BlockType is "request" or "response"; Method and URL are a request's.
	BlockType string `json:"blockType"`
	Method    string `json:"method,omitempty"`
	URL       string `json:"url,omitempty"`
	// Type is the qualified type the body was checked against ("" when
	// skipped before it was known), Mode "read", "create" or "update",
	// Collection whether it was checked as a collection response.
	Type       string `json:"type,omitempty"`
	Mode       string `json:"mode,omitempty"`
	Collection bool   `json:"collection,omitempty"`
	// TypedBy says how the type and mode were decided, in words.
	TypedBy string  `json:"typedBy,omitempty"`
	Verdict Verdict `json:"verdict"`
	// Skip is one of the Skip* constants and Reason says why in words,
	// for a skipped example.
	Skip     string    `json:"skip,omitempty"`
	Reason   string    `json:"reason,omitempty"`
	Problems []Problem `json:"problems,omitempty"`
}

// Problem is one thing wrong with an example.
type Problem struct {
	// Pos is the page position (1-based line, byte column) of the JSON
	// member at fault: its name for an object member, the value for an
	// array item, the object for a missing member.
	Pos      spec.Pos `json:"pos"`
	Severity Severity `json:"severity"`
	// Kind classifies the problem: not-strict-json, duplicate-member,
	// unknown-property, wrong-type, read-only-on-create,
	// read-only-on-update, immutable-on-update, missing-required, bad-enum,
	// bad-format, out-of-range, wrong-odata-type or other (errors); and
	// warnings: enum-case and odata-type-case (a name in another case),
	// not-in-body (a property of the type that the page's Request body
	// table does not list).
	Kind string `json:"kind"`
	// Pointer is the JSON pointer in the body; Message says what is wrong.
	Pointer string `json:"pointer,omitempty"`
	Message string `json:"message"`
	// Source is where the rule broken comes from, when known: the input
	// that stated the property's fact the body breaks (the docs table cell
	// or CSDL annotation that made it read-only or required, that gave its
	// type: spec.Property.Sources), else the position of the property's
	// (or type's, or operation's) declaration.
	Source string `json:"source,omitempty"`
}

func (p Problem) String() string {
	return fmt.Sprintf("%s: %s: %s: %s", p.Pos, p.Severity, p.Kind, p.Message)
}

// Checker checks examples against one spec. Build it with New; it is not
// safe for concurrent use.
type Checker struct {
	spec *spec.Spec
	ix   *spec.Index
	plan *validate.Plan
	sets map[string]*spec.EntitySet // by name, and by lower-case name
	ns   []string                   // the namespaces, for names read off file names
	ops  map[string][]*spec.Operation
}

// New builds a checker for s: its validation plan (generator.Plan, with
// types the spec does not define accepted as any value) and lookup tables.
func New(s *spec.Spec) (*Checker, error) {
	plan, err := generator.Plan(s, generator.SchemaOptions{AllowUnresolved: true})
	if err != nil {
		return nil, err
	}
	c := &Checker{spec: s, ix: spec.NewIndex(s), plan: plan, sets: map[string]*spec.EntitySet{}, ops: map[string][]*spec.Operation{}}
	for _, es := range s.EntitySets {
		c.sets[es.Name] = es
		if _, ok := c.sets[strings.ToLower(es.Name)]; !ok {
			c.sets[strings.ToLower(es.Name)] = es
		}
	}
	seen := map[string]bool{}
	for _, t := range s.Types {
		if !seen[t.Namespace] {
			seen[t.Namespace] = true
			c.ns = append(c.ns, t.Namespace)
		}
	}
	for _, op := range s.Operations {
		c.ops[op.Pos.File] = append(c.ops[op.Pos.File], op)
	}
	return c, nil
}

// Check checks every example of pages against s (see New and
// Checker.Page), in page order.
func Check(s *spec.Spec, pages []Page) ([]Result, error) {
	c, err := New(s)
	if err != nil {
		return nil, err
	}
	var out []Result
	for _, p := range pages {
		out = append(out, c.Page(p.File, p.Src)...)
	}
	return out, nil
}

// Page checks the example requests and responses of one page
// (markdown.Examples finds them; other blockType comments are not
// examples and give no result).
func (c *Checker) Page(file string, src []byte) []Result {
	exs, _ := markdown.Examples(file, src)
	var link string
	linkDone := false
	var out []Result
	var req *markdown.Example // the request before a response
	for i, ex := range exs {
		if ex.BlockType != "request" && ex.BlockType != "response" {
			continue
		}
		if ex.BlockType == "request" && !linkDone {
			link, linkDone = requestBodyLink(src), true
		}
		out = append(out, c.example(file, ex, link, req))
		if ex.BlockType == "request" {
			req = &exs[i]
		}
	}
	return out
}

// example checks one example; req is the request before a response on
// its page, or nil.
func (c *Checker) example(file string, ex markdown.Example, link string, req *markdown.Example) (res Result) {
	r := Result{Pos: spec.Pos{File: file, Line: ex.Line}, BlockType: ex.BlockType, Method: ex.Method, URL: ex.URL}
	skip := func(kind, reason string, args ...any) Result {
		r.Verdict, r.Skip, r.Reason = Skipped, kind, fmt.Sprintf(reason, args...)
		return r
	}
	if !ex.Commented && strings.EqualFold(ex.Section, "HTTP request") {
		return skip(SkipSyntax, "a block without a blockType comment in the HTTP request section: the request syntax, not an example")
	}
	if !ex.Commented {
		defer func() {
			if res.TypedBy != "" {
				res.TypedBy += " (no blockType comment)"
			}
		}()
	}
	body := []byte(ex.Body)
	trim := strings.TrimSpace(ex.Body)
	if ex.BlockType == "request" && ex.Method != "POST" && ex.Method != "PATCH" {
		if ex.Method == "" {
			return skip(SkipMethod, "no request line")
		}
		switch ex.Method {
		case "GET", "DELETE", "HEAD", "OPTIONS":
			return skip(SkipMethod, "a %s request sends no entity to check", ex.Method)
		}
		return skip(SkipMethod, "%s bodies are not checked (only POST creates and PATCH updates)", ex.Method)
	}
	if trim == "" {
		return skip(SkipNoBody, "no body")
	}
	if ex.BlockType == "response" && req != nil {
		if p := urlPath(req.URL); strings.HasSuffix(p, "/$value") || strings.HasSuffix(p, "/$count") {
			return skip(SkipRaw, "the response to %s %s is the raw value, not an entity", req.Method, p)
		}
	}
	if trim[0] != '{' && trim[0] != '[' {
		return skip(SkipNotJSON, "the body is not JSON")
	}
	cleaned, flaws := clean(body)
	elided := false
	for _, f := range flaws {
		sev := Error
		if f.what == "comment" || f.elided {
			sev = Warning
		}
		elided = elided || f.elided
		r.Problems = append(r.Problems, c.problemAt(file, ex, cleaned, f.off, Problem{Severity: sev, Kind: "not-strict-json", Message: f.String()}))
	}
	top := topMembers(cleaned)
	fields := ex.Fields
	if fields == nil && ex.Raw != "" { // a comment that is not strict JSON
		raw, cflaws := clean([]byte(ex.Raw))
		if json.Unmarshal(raw, &fields) == nil && len(cflaws) > 0 {
			what := make([]string, len(cflaws))
			for i, f := range cflaws {
				what[i] = f.what
			}
			r.Problems = append(r.Problems, Problem{Pos: r.Pos, Severity: Warning, Kind: "not-strict-json",
				Message: "blockType comment is not strict JSON: " + strings.Join(what, ", ")})
		}
	}

	// noType says what has no "@odata.type" for a response's skip reason.
	noType := "the response comment names no @odata.type"
	truncated, _ := fields["truncated"].(bool)
	if !ex.Commented {
		noType = "no blockType comment names an @odata.type"
		// Without a comment, the text before the block stands in for
		// its "truncated": "the response object shown here may be
		// truncated (shortened) ...".
		intro := strings.ToLower(ex.Intro)
		truncated = ex.BlockType == "response" && (strings.Contains(intro, "truncated") || strings.Contains(intro, "shortened"))
	}
	var mode validate.Mode
	switch ex.BlockType {
	case "response":
		mode = validate.Read
		r.Mode = "read"
		t, _ := fields["@odata.type"].(string)
		r.Collection, _ = fields["isCollection"].(bool)
		var created, createdHow string // the type a POST request before it creates
		if req != nil && req.Method == "POST" && !strings.Contains(req.URL, "$ref") {
			if q, coll, how, ok := c.walkURL(urlPath(req.URL)); ok && coll {
				created, createdHow = q, how
			}
		}
		if inner, ok := strings.CutPrefix(t, "Collection("); ok {
			t, r.Collection = strings.TrimSuffix(inner, ")"), true
		}
		switch {
		case t != "":
			r.TypedBy = "response comment's @odata.type"
		case top.typ != "":
			t, r.TypedBy = top.typ, "body's @odata.type"
		case top.context != "":
			q, coll, ok := c.contextType(top.context)
			if !ok {
				return skip(SkipUntyped, "%s, the body has none, and its @odata.context %s names no type of the spec", noType, top.context)
			}
			t, r.TypedBy = q, "body's @odata.context"
			r.Collection = r.Collection || (coll && top.value)
		case req != nil && (req.Method == "GET" || req.Method == "PATCH"):
			q, coll, how, ok := c.walkURL(urlPath(req.URL))
			if !ok {
				return skip(SkipUntyped, "%s, the body has none, and the request URL leads to no type of the spec", noType)
			}
			t, r.TypedBy = q, "the URL of the "+req.Method+" request before it ("+how+")"
			r.Collection = r.Collection || (coll && top.value)
		case req != nil && req.Method == "POST" && created != "":
			// the response to a create is the entity created: one item
			// of the collection the request's URL names
			t, r.TypedBy = created, "the URL of the POST request before it (a create in "+createdHow+")"
		default:
			return skip(SkipUntyped, "%s and the body has none", noType)
		}
		if comment, _ := fields["isCollection"].(bool); comment {
			r.TypedBy += ", isCollection"
		} else if r.Collection {
			r.TypedBy += ", a collection"
		}
		if truncated && !ex.Commented {
			r.TypedBy += ", truncated as the text before it says"
		}
		q, ok := c.resolve(t)
		if !ok {
			return skip(SkipUnknownType, "%s is not a structured type of the spec", t)
		}
		r.Type = q
	case "request":
		path := urlPath(ex.URL)
		at, coll, how, resolved := c.walkURL(path)
		op := c.pageOperation(file, ex.Method)
		switch ex.Method {
		case "POST":
			if strings.Contains(path, "$ref") {
				return skip(SkipNotEntity, "POST to a $ref adds a reference, not an entity")
			}
			switch {
			case resolved && coll:
				r.TypedBy = "POST to a collection (" + how + "): create"
			case !resolved && op != nil && op.Kind == spec.Create:
				r.TypedBy = "POST on a Create page (" + op.Pos.String() + "): create"
			case resolved:
				return skip(SkipNotEntity, "POST to %s, which is not a collection (an action?)", how)
			default:
				return skip(SkipNotEntity, "POST to a URL the spec does not lead through, on a page that is not a Create page (an action?)")
			}
			mode, r.Mode = validate.Create, "create"
		case "PATCH":
			r.TypedBy = "PATCH: update"
			mode, r.Mode = validate.Update, "update"
		}
		var t, by string
		switch {
		case top.typ != "":
			t, by = top.typ, "body's @odata.type"
		case link != "" && c.linkType(link) != "":
			text, target, _ := strings.Cut(link, "|")
			t, by = c.linkType(link), "Request body link ["+text+"]("+target+")"
		case op != nil:
			t, by = op.Type, "page's operation "+op.RequestLine()
		case resolved:
			t, by = at, "URL ("+how+")"
		default:
			return skip(SkipUntyped, "no @odata.type in the body, no resource link in the Request body section, and the URL leads to no type")
		}
		r.TypedBy += "; type from " + by
		q, ok := c.resolve(t)
		if !ok {
			return skip(SkipUnknownType, "%s is not a structured type of the spec", t)
		}
		r.Type = q
	}
	if elided {
		return skip(SkipElided, "the body leaves content out (...)")
	}
	run := func() error {
		if r.Collection {
			return c.plan.ValidateCollection(r.Type, mode, cleaned)
		}
		return c.plan.Validate(r.Type, mode, cleaned)
	}
	err := run()
	// An "@odata.type" that names a type in another case is a warning;
	// the object is then checked again as that type, the name respelt in
	// place (same length: every offset stays).
	var respelt []Problem
	for round := 0; round < 8; round++ {
		var verr *validate.Error
		if !errors.As(err, &verr) {
			break
		}
		fixed := false
		for _, vp := range verr.Problems {
			if vp.Kind != validate.WrongODataType {
				continue
			}
			p := c.problem(file, ex, cleaned, r, vp)
			if p.Kind == "odata-type-case" && c.respell(cleaned, vp.Pointer) {
				respelt = append(respelt, p)
				fixed = true
			}
		}
		if !fixed {
			break
		}
		err = run()
	}
	r.Problems = append(r.Problems, respelt...)
	var verr *validate.Error
	var jerr *validate.JSONError
	switch {
	case err == nil:
	case errors.As(err, &verr):
		for _, p := range verr.Problems {
			if truncated && p.Kind == validate.Missing {
				continue
			}
			r.Problems = append(r.Problems, c.problem(file, ex, cleaned, r, p))
		}
	case errors.As(err, &jerr):
		kind := "not-strict-json"
		off := int(jerr.Offset)
		if jerr.Pointer != "" {
			kind = "duplicate-member"
			if at, _, _, ok := locate(cleaned, jerr.Pointer); ok {
				off = at
			}
		}
		r.Problems = append(r.Problems, c.problemAt(file, ex, cleaned, off, Problem{Severity: Error, Kind: kind, Pointer: jerr.Pointer, Message: "body is not JSON: " + jerr.Msg}))
	default:
		return skip(SkipUnknownType, "cannot validate: %v", err)
	}
	slices.SortStableFunc(r.Problems, func(a, b Problem) int {
		if a.Pos.Line != b.Pos.Line {
			return a.Pos.Line - b.Pos.Line
		}
		return a.Pos.Col - b.Pos.Col
	})
	r.Verdict = Valid
	for _, p := range r.Problems {
		if p.Severity == Error {
			r.Verdict = Invalid
		}
	}
	return r
}

// resolve finds the structured type a page names, bare or qualified, a
// leading "#" dropped.
func (c *Checker) resolve(name string) (string, bool) {
	name = strings.TrimPrefix(strings.TrimSpace(name), "#")
	if q, ok := c.ix.Resolve(name); ok && c.ix.Type(q) != nil {
		return q, true
	}
	q, _, ok := c.ix.ResolveUserName(name)
	return q, ok && c.ix.Type(q) != nil
}

// linkType is the type a Request body link names: its text, else its
// file name's last dash-separated part ("intune-x-fooBar.md": fooBar).
func (c *Checker) linkType(link string) string {
	text, target, _ := strings.Cut(link, "|")
	if q, ok := c.resolve(text); ok {
		return q
	}
	base := target[strings.LastIndex(target, "/")+1:]
	base = strings.TrimSuffix(base, ".md")
	base = base[strings.LastIndex(base, "-")+1:]
	if q, ok := c.resolve(base); ok {
		return q
	}
	for _, ns := range c.ns {
		if q, ok := c.resolve(ns + "." + base); ok {
			return q
		}
	}
	return ""
}

// pageOperation is the spec's operation read from the page with the
// method, or nil.
func (c *Checker) pageOperation(file, method string) *spec.Operation {
	for _, op := range c.ops[file] {
		if op.Method == method {
			return op
		}
	}
	return nil
}

// members are the top-level facts of a body that typing needs: its
// "@odata.type" (without "#") and "@odata.context", and whether it has a
// "value" array.
type members struct {
	typ, context string
	value        bool
}

func topMembers(body []byte) members {
	var m members
	str := func(ptr string) string {
		var s string
		if _, start, end, ok := locate(body, ptr); ok && json.Unmarshal(body[start:end], &s) == nil {
			return s
		}
		return ""
	}
	m.typ = strings.TrimPrefix(str("/@odata.type"), "#")
	m.context = str("/@odata.context")
	_, start, _, ok := locate(body, "/value")
	m.value = ok && body[start] == '['
	return m
}

// contextType reads the type out of a context URL: the part after
// "$metadata#", as Collection(ns.type), ns.type, an entity set (a
// collection) or a path from one ("users('x')/messages"), up to a select
// list, "/$entity" meaning one entity of it.
func (c *Checker) contextType(ctx string) (typ string, coll bool, ok bool) {
	i := strings.Index(ctx, "#")
	if i < 0 {
		return "", false, false
	}
	frag := ctx[i+1:]
	if inner, ok := strings.CutPrefix(frag, "Collection("); ok {
		q, found := c.resolve(strings.TrimSuffix(inner, ")"))
		return q, true, found
	}
	entity := strings.HasSuffix(frag, "/$entity")
	frag = strings.TrimSuffix(frag, "/$entity")
	if q, found := c.resolve(frag); found {
		return q, false, true
	}
	// a path: drop select lists "(a,b)" after the last segment
	k := strings.LastIndex(frag, "/") // -1: the whole fragment is the last segment
	last := frag[k+1:]
	if p := strings.IndexByte(last, '('); p >= 0 && !strings.Contains(last[p:], "'") {
		frag = frag[:k+1] + last[:p]
	}
	typ, coll, _, ok = c.walkURL("/" + frag)
	return typ, coll && !entity, ok
}

// urlPath is the resource path of a request URL: without scheme, host,
// the version segment and the query.
func urlPath(raw string) string {
	raw = strings.TrimSpace(raw)
	if i := strings.IndexAny(raw, " \t"); i >= 0 { // "URL HTTP/1.1"
		raw = raw[:i]
	}
	if i := strings.Index(raw, "?"); i >= 0 {
		raw = raw[:i]
	}
	if i := strings.Index(raw, "://"); i >= 0 {
		raw = raw[i+3:]
		if j := strings.Index(raw, "/"); j >= 0 {
			raw = raw[j:]
		} else {
			raw = "/"
		}
	}
	if u, err := url.PathUnescape(raw); err == nil {
		raw = u
	}
	raw = strings.TrimPrefix(raw, "/")
	for _, v := range []string{"v1.0/", "beta/"} {
		raw = strings.TrimPrefix(raw, v)
	}
	return "/" + raw
}

// walkURL follows a resource path through the spec's entity sets and
// navigation properties: the type it leads to, whether that is a
// collection, how it got there in words, and whether it could follow the
// whole path.
func (c *Checker) walkURL(path string) (typ string, coll bool, how string, ok bool) {
	segs := strings.Split(strings.Trim(path, "/"), "/")
	if len(segs) == 0 || segs[0] == "" {
		return "", false, "", false
	}
	for i, seg := range segs {
		name, key := seg, false
		if k := strings.IndexByte(seg, '('); k > 0 && strings.HasSuffix(seg, ")") {
			name, key = seg[:k], true
		}
		switch {
		case i == 0:
			es := c.sets[name]
			if es == nil {
				es = c.sets[strings.ToLower(name)]
			}
			if es == nil {
				return "", false, "", false
			}
			typ, coll, how = es.Type, !es.Singleton, "entity set "+es.Name
			if es.Singleton {
				how = "singleton " + es.Name
			}
		case coll && !strings.Contains(name, "."):
			if key { // nav(key): never here, keys follow names
				return "", false, "", false
			}
			coll = false // a key segment: {id}, 'x', 42
			continue
		case strings.Contains(name, "."): // a cast, or a bound operation
			q, found := c.resolve(name)
			if !found {
				return "", false, "", false
			}
			typ, how = q, how+" as "+name
		default:
			p := c.property(typ, name)
			if p == nil {
				return "", false, "", false
			}
			if p.Type.IsPrimitive() {
				return "", false, "", false
			}
			q, found := c.ix.Resolve(p.Type.Name)
			if !found || c.ix.Type(q) == nil {
				return "", false, "", false
			}
			typ, coll, how = q, p.Type.Collection, "navigation "+name+" of "+typ
		}
		if key {
			if !coll {
				return "", false, "", false
			}
			coll = false
		}
	}
	return typ, coll, how, true
}

// property finds a structural or navigation property of a type or its
// bases, exactly named, else in another case.
func (c *Checker) property(typ, name string) *spec.Property {
	t := c.ix.Type(typ)
	if t == nil {
		return nil
	}
	var fold *spec.Property
	for _, b := range c.ix.BaseChain(t) {
		for _, list := range [][]*spec.Property{b.Properties, b.NavigationProperties} {
			for _, p := range list {
				if p.Name == name {
					return p
				}
				if fold == nil && strings.EqualFold(p.Name, name) {
					fold = p
				}
			}
		}
	}
	return fold
}

// requestBodyLink finds the first link to a resource page in the page's
// Request body section: "text|target", or "".
func requestBodyLink(src []byte) string {
	lines := strings.Split(string(src), "\n")
	in := false
	for _, l := range lines {
		t := strings.TrimSpace(l)
		if strings.HasPrefix(t, "#") {
			h := strings.ToLower(strings.TrimSpace(strings.TrimLeft(t, "#")))
			if in {
				return ""
			}
			in = h == "request body"
			continue
		}
		if !in {
			continue
		}
		for rest := t; ; {
			i := strings.Index(rest, "](")
			if i < 0 {
				break
			}
			j := strings.LastIndex(rest[:i], "[")
			k := strings.IndexByte(rest[i:], ')')
			if j < 0 || k < 0 {
				break
			}
			text, target := rest[j+1:i], rest[i+2:i+k]
			rest = rest[i+k:]
			if h := strings.IndexByte(target, '#'); h >= 0 {
				target = target[:h]
			}
			if strings.Contains(target, "resources/") && strings.HasSuffix(target, ".md") {
				return strings.Trim(text, "`* ") + "|" + target
			}
		}
	}
	return ""
}

// problemAt places p at byte offset off of an example's body.
func (c *Checker) problemAt(file string, ex markdown.Example, body []byte, off int, p Problem) Problem {
	line, col := lineCol(body, off)
	p.Pos = spec.Pos{File: file, Line: ex.BodyLine + line - 1, Col: col}
	if line == 1 {
		p.Pos.Col = ex.BodyCol + col - 1
	}
	return p
}

var kinds = map[validate.ProblemKind]string{
	validate.WrongType: "wrong-type", validate.NotMember: "bad-enum", validate.BadFormat: "bad-format",
	validate.OutOfRange: "out-of-range", validate.Immutable: "immutable-on-update", validate.NotInBody: "not-in-body",
	validate.Missing: "missing-required", validate.Unknown: "unknown-property", validate.WrongODataType: "wrong-odata-type",
	validate.Other: "other",
}

// problem turns a validation problem into a positioned Problem with its
// kind and source.
func (c *Checker) problem(file string, ex markdown.Example, body []byte, r Result, vp validate.Problem) Problem {
	p := Problem{Severity: Error, Pointer: vp.Pointer, Message: vp.Message, Kind: kinds[vp.Kind]}
	if vp.Pointer != "" {
		p.Message = vp.Pointer + ": " + vp.Message
	}
	if vp.Kind == validate.ReadOnly {
		p.Kind = "read-only-on-" + r.Mode
	}
	if p.Kind == "" {
		p.Kind = "other"
	}
	off := 0
	if at, _, _, ok := locate(body, vp.Pointer); ok {
		off = at
	}
	prop, owner, at := c.follow(body, r, vp.Pointer)
	switch vp.Kind {
	case validate.Missing:
		name := strings.TrimPrefix(vp.Expected, "property ")
		if t := at; t != "" {
			if q := c.property(t, name); q != nil {
				if at := q.StatedAt(spec.FactRequired); at.IsValid() {
					p.Source = at.String()
				}
				if bp := c.bodyRow(t, r.Method, name); bp != nil && bp.Required && bp.RequiredPos.IsValid() {
					// the page's Request body table made it required: its
					// cell, or the line before the table that says so
					p.Source = bp.RequiredPos.String()
				}
			}
		}
	case validate.Unknown:
		if t := c.ix.Type(owner); t != nil && t.Pos.IsValid() {
			p.Source = t.Pos.String()
		}
	case validate.NotInBody:
		// The type has the property and may take it; only the page's
		// Request body table leaves it out (often a table of the required
		// properties only): inconsistent, not wrong.
		p.Severity = Warning
		for _, op := range c.spec.Operations {
			if op.Type == owner && op.Method == r.Method && op.Pos.IsValid() {
				p.Source = op.Pos.String()
				break
			}
		}
	default:
		if prop != nil {
			if at := prop.StatedAt(problemFacts[vp.Kind]); at.IsValid() {
				p.Source = at.String()
			}
		}
	}
	if vp.Kind == validate.WrongODataType {
		var got string
		if _, s, en, ok := locate(body, vp.Pointer); ok {
			_ = json.Unmarshal(body[s:en], &got)
		}
		if q, ok := c.resolve(got); ok && !c.exact(got) && c.derives(q, owner, at, vp.Pointer, body, r) {
			p.Kind, p.Severity = "odata-type-case", Warning
			p.Message = fmt.Sprintf("%s: %q names %s in another case", vp.Pointer, got, q)
		}
	}
	if vp.Kind == validate.NotMember && prop != nil {
		if e := c.enumOf(prop); e != nil {
			var got string
			if _, s, en, ok := locate(body, vp.Pointer); ok {
				_ = json.Unmarshal(body[s:en], &got)
			}
			if m := foldMember(e, got); m != "" {
				p.Kind, p.Severity = "enum-case", Warning
				p.Message = fmt.Sprintf("%s: %q is member %s of %s in another case", vp.Pointer, got, m, e.QualifiedName())
			}
		}
	}
	return c.problemAt(file, ex, body, off, p)
}

// bodyRow is the Request body row of the operation with method on type
// typ that names the property, or nil.
func (c *Checker) bodyRow(typ, method, name string) *spec.BodyProperty {
	for _, op := range c.spec.Operations {
		if op.Type != typ || op.Method != method {
			continue
		}
		for _, bp := range op.Body {
			if bp.Name == name {
				return bp
			}
		}
	}
	return nil
}

// problemFacts are the facts of a property that a kind of problem breaks.
var problemFacts = map[validate.ProblemKind]spec.Fact{
	validate.ReadOnly: spec.FactReadOnly, validate.Immutable: spec.FactImmutable, validate.Missing: spec.FactRequired,
	validate.WrongType: spec.FactType, validate.NotMember: spec.FactType, validate.BadFormat: spec.FactType,
	validate.OutOfRange: spec.FactType,
}

// enumOf is the enum type of a property, or nil.
func (c *Checker) enumOf(p *spec.Property) *spec.EnumType {
	if q, ok := c.ix.Resolve(p.Type.Name); ok {
		return c.ix.Enum(q)
	}
	return nil
}

// foldMember is the member of e that value names in another case (each
// part of a flags value), or "".
func foldMember(e *spec.EnumType, value string) string {
	if value == "" {
		return ""
	}
	var names []string
	for _, part := range strings.Split(value, ",") {
		part = strings.TrimSpace(part)
		found := ""
		for _, m := range e.Members {
			if strings.EqualFold(m.Name, part) {
				found = m.Name
				break
			}
		}
		if found == "" || (!e.Flags && part != value) {
			return ""
		}
		names = append(names, found)
	}
	if slices.Equal(names, strings.Split(value, ",")) {
		return ""
	}
	return strings.Join(names, ",")
}

// follow walks a pointer from the result's type through the spec and
// the body (an object's own "@odata.type" naming a type switches to it):
// the property the last member token names (nil when none), the type
// that declares or lacks that member, and the structured type of the
// value the pointer names ("" when it is none).
func (c *Checker) follow(body []byte, r Result, pointer string) (prop *spec.Property, owner, at string) {
	toks := tokens(pointer)
	path := ""
	if r.Collection { // /value/N is an item of the result's type
		if len(toks) < 2 || toks[0] != "value" {
			return nil, "", ""
		}
		path, toks = "/value/"+escape(toks[1]), toks[2:]
	}
	cur, coll := r.Type, false
	for _, tok := range toks {
		path += "/" + escape(tok)
		if coll { // an item of a collection value
			coll = false
			if cur != "" {
				if t := c.ownType(body, path); t != "" {
					cur = t
				}
			}
			continue
		}
		if cur == "" {
			return nil, "", ""
		}
		owner = cur
		prop = c.property(cur, tok)
		if prop == nil {
			return nil, owner, ""
		}
		cur, coll = "", prop.Type.Collection
		if q, ok := c.ix.Resolve(prop.Type.Name); ok && c.ix.Type(q) != nil {
			cur = q
			if t := c.ownType(body, path); t != "" && !coll {
				cur = t
			}
		}
	}
	if coll {
		return prop, owner, ""
	}
	if len(toks) == 0 && cur != "" {
		if t := c.ownType(body, path); t != "" {
			cur = t
		}
	}
	return prop, owner, cur
}

// ownType is the type that the object at pointer names with its own
// "@odata.type", when the spec has it; else "".
func (c *Checker) ownType(body []byte, pointer string) string {
	_, s, e, ok := locate(body, pointer+"/@odata.type")
	if !ok {
		return ""
	}
	var name string
	if json.Unmarshal(body[s:e], &name) != nil {
		return ""
	}
	q, _ := c.resolve(name)
	return q
}

// tokens splits a JSON pointer into its unescaped tokens.
func tokens(pointer string) []string {
	if pointer == "" {
		return nil
	}
	parts := strings.Split(strings.TrimPrefix(pointer, "/"), "/")
	for i, t := range parts {
		parts[i] = strings.ReplaceAll(strings.ReplaceAll(t, "~1", "/"), "~0", "~")
	}
	return parts
}

func escape(tok string) string {
	return strings.ReplaceAll(strings.ReplaceAll(tok, "~", "~0"), "/", "~1")
}

// exact reports whether name (without "#") is a qualified type name the
// spec declares exactly so.
func (c *Checker) exact(name string) bool {
	return c.ix.Type(strings.TrimPrefix(name, "#")) != nil
}

// derives reports whether q is, or derives from, the type expected at the
// object that holds the "@odata.type" member at pointer.
func (c *Checker) derives(q, owner, at, pointer string, body []byte, r Result) bool {
	parent := pointer[:max(0, strings.LastIndex(pointer, "/"))]
	want := r.Type
	if parent != "" && !(r.Collection && len(tokens(parent)) == 2) {
		prop, _, _ := c.follow(body, r, parent)
		if prop == nil {
			return false
		}
		w, ok := c.ix.Resolve(prop.Type.Name)
		if !ok {
			return false
		}
		want = w
	}
	t := c.ix.Type(q)
	if t == nil {
		return false
	}
	for _, b := range c.ix.BaseChain(t) {
		if b.QualifiedName() == want {
			return true
		}
	}
	return false
}

// respell rewrites, in place, the "@odata.type" string at pointer to the
// spelling of the type it names in another case; false when it cannot do
// so without changing the length or touching an escape.
func (c *Checker) respell(body []byte, pointer string) bool {
	_, s, e, ok := locate(body, pointer)
	if !ok || e-s < 2 {
		return false
	}
	raw := string(body[s+1 : e-1])
	if strings.ContainsRune(raw, '\\') {
		return false
	}
	name := strings.TrimPrefix(raw, "#")
	q, ok := c.resolve(name)
	if !ok || len(q) != len(name) || !strings.EqualFold(q, name) {
		return false
	}
	copy(body[e-1-len(name):e-1], q)
	return true
}
