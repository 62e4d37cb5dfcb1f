package markdown

import (
	"regexp"
	"strings"

	"github.com/odatagen/odatagen/spec"
)

// This file reads API pages: the Request body of Create and Update pages.

var (
	mdRequestLineRe = regexp.MustCompile(`^(GET|POST|PATCH|PUT|DELETE)\s+(\S.*)$`)
	mdRequiredIntro = regexp.MustCompile(`(?i)\b(properties|parameters|fields)\s+(that\s+are\s+|are\s+)?required\b|\brequired\s+(properties|parameters|fields)\b`)
	mdStatusRe      = regexp.MustCompile(`\b(20[0-9])\b`)
	mdActionTitleRe = regexp.MustCompile(`^[A-Za-z_][\w.]*\s*:\s*[A-Za-z_]\w*$`)
	mdODataTypeRe   = regexp.MustCompile(`"@odata\.type"\s*:\s*"#?([^"]+)"`)
)

// readAPI reads an API page: an Operation for Create and Update pages.
func (r *mdReader) readAPI() {
	method, reqPath, reqPos, ok := r.requestLine()
	if !ok {
		r.warnf(r.pos(1, 0), "API page without an HTTP request line; nothing read")
		return
	}
	var kind spec.OperationKind
	last := reqPath[strings.LastIndexByte(reqPath, '/')+1:]
	if strings.HasPrefix(last, "$") || last == "content" || strings.Contains(last, ".") {
		return // $ref, $value, content uploads and bound operations
	}
	switch method {
	case "POST":
		if mdActionTitleRe.MatchString(strings.TrimSpace(r.title)) || !r.respondsCreated() {
			return // an action, not a create
		}
		kind = spec.Create
	case "PUT":
		kind = spec.Create
	case "PATCH":
		kind = spec.Update
	default:
		return
	}
	op := &spec.Operation{Kind: kind, Method: method, Path: reqPath, Pos: reqPos}
	tables := 0
	required := false // an intro line says the table lists required properties
	var requiredPos spec.Pos
	seen := map[string]bool{}
	for i, b := range r.sc.blocks {
		if r.blockSec[i] != mdSecBody {
			continue
		}
		switch b.kind {
		case mdBText, mdBHeading:
			required = mdSaysAllRequired(mdPlain(b.text, r.sc.refs, false), b.kind == mdBHeading)
			requiredPos = r.pos(b.line, b.col)
		case mdBTable:
			if mdClassifyTable(b.table) != mdTableProps {
				continue
			}
			tables++
			for _, rw := range r.readRows(b, false) {
				if seen[rw.name] {
					r.warnf(rw.pos, "body property %s is listed twice; the second is skipped", rw.name)
					continue
				}
				seen[rw.name] = true
				bp := &spec.BodyProperty{
					Name:        rw.name,
					Required:    rw.facts.required || rw.required || required && !rw.requiredIn && !rw.facts.optional && !mdRequiredOnlyIf(rw.facts.conditions),
					Description: mdOneLine(rw.desc),
					Pos:         rw.pos,
				}
				switch {
				case rw.required:
					bp.RequiredPos = rw.atPos(rw.requiredAt)
				case rw.facts.required:
					bp.RequiredPos = rw.atPos(rw.descAt)
				case bp.Required:
					bp.RequiredPos = requiredPos
				}
				if rw.hasType {
					bp.Type = rw.typ.ref
				}
				op.Body = append(op.Body, bp)
			}
			required = false
		}
	}
	if tables == 0 || len(op.Body) == 0 {
		r.warnf(reqPos, "%s page has no request body property table; no operation read", kind)
		return
	}
	op.Type = r.operationType()
	if op.Type == "" {
		r.warnf(reqPos, "cannot tell which type the %s request body holds; no operation read", kind)
		return
	}
	r.spec.Operations = append(r.spec.Operations, op)
}

// mdRequiredOnlyIf reports whether a row's conditions make it required
// only in some cases ("Required if kind is custom."): an intro that says
// the table lists required properties does not make such a row required.
func mdRequiredOnlyIf(conditions []string) bool {
	for _, c := range conditions {
		if strings.Contains(strings.ToLower(c), "required") {
			return true
		}
	}
	return false
}

// mdSaysAllRequired reads a line before a request body table: "The
// following table lists the properties that are required when you create
// a user." or a heading "Required properties". Only the first sentence
// counts, and not when it says "optional" or "not".
func mdSaysAllRequired(text string, heading bool) bool {
	ss := mdSentences(text)
	if len(ss) == 0 {
		return false
	}
	s := strings.ToLower(ss[0])
	if strings.Contains(s, "optional") || strings.Contains(s, "not ") || strings.Contains(s, "n't ") {
		return false
	}
	return mdRequiredIntro.MatchString(s) || heading && strings.HasPrefix(s, "required")
}

// respondsCreated reports whether a POST page is a create: its Response
// section names 201 Created, or names no success status at all. Actions
// answer 200, 202 or 204.
func (r *mdReader) respondsCreated() bool {
	other := false
	for i, b := range r.sc.blocks {
		if b.kind != mdBText || r.blockSec[i] != mdSecResponse {
			continue
		}
		for _, m := range mdStatusRe.FindAllStringSubmatch(b.text, -1) {
			if m[1] == "201" {
				return true
			}
			other = true
		}
	}
	return !other
}

// requestLine finds the first request line of the HTTP request section.
func (r *mdReader) requestLine() (method, p string, pos spec.Pos, ok bool) {
	try := func(b mdBlock) bool {
		for k, l := range strings.Split(b.text, "\n") {
			m := mdRequestLineRe.FindStringSubmatch(strings.TrimSpace(l))
			if m == nil {
				continue
			}
			u := strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(m[2]), "HTTP/1.1"))
			if i := strings.Index(u, "://"); i >= 0 {
				// https://graph.microsoft.com/v1.0/x -> /x
				rest := u[i+3:]
				j := strings.IndexByte(rest, '/')
				if j < 0 {
					continue
				}
				rest = rest[j:]
				for _, v := range []string{"/v1.0/", "/beta/"} {
					if strings.HasPrefix(rest, v) {
						rest = rest[len(v)-1:]
					}
				}
				u = rest
			}
			if i := strings.IndexByte(u, '?'); i >= 0 {
				u = u[:i]
			}
			if !strings.HasPrefix(u, "/") {
				continue
			}
			method, p = m[1], u
			pos = r.pos(b.line+1+k, b.col+len(l)-len(strings.TrimLeft(l, " \t")))
			return true
		}
		return false
	}
	for i, b := range r.sc.blocks {
		if b.kind == mdBCode && r.blockSec[i] == mdSecHTTP && try(b) {
			return method, p, pos, true
		}
	}
	return "", "", spec.Pos{}, false
}

// operationType finds the type an API page's request body holds.
func (r *mdReader) operationType() string {
	blocks := r.sc.blocks
	// 1. The request example's "@odata.type".
	// 2. The response comment's "@odata.type".
	var fromResponse string
	for i, b := range blocks {
		m, s, ok := mdBlockTypeComment(b)
		if !ok {
			continue
		}
		switch s {
		case "request":
			for j := i + 1; j < len(blocks); j++ {
				if blocks[j].kind == mdBCode {
					if t := r.requestBodyType(blocks[j].text); t != "" {
						return t
					}
					break
				}
				if blocks[j].kind == mdBComment || blocks[j].kind == mdBHeading && blocks[j].level <= 3 {
					break
				}
			}
		case "response":
			if fromResponse == "" {
				if v, ok := mdJSONKey(m, "@odata.type"); ok {
					if s, ok := mdJSONString(v); ok {
						fromResponse = mdTypeFromOData(s)
					}
				}
			}
		}
	}
	if fromResponse != "" {
		return r.qualifyQ(fromResponse, "")
	}
	// 3. The first ../resources/x.md link of the Request body or Response.
	for i, b := range blocks {
		if b.kind != mdBText || (r.blockSec[i] != mdSecBody && r.blockSec[i] != mdSecResponse) {
			continue
		}
		_, links := mdLinks(b.text, r.sc.refs, false)
		for _, l := range links {
			if !strings.Contains(l.target, "resources/") || !strings.Contains(l.target, ".md") {
				continue
			}
			name := strings.Trim(mdPlain(l.text, nil, false), "` ")
			if !mdQualifiedRe.MatchString(name) {
				name = mdNameFromTarget(l.target)
			}
			if name != "" {
				return r.qualifyQ(name, l.target)
			}
		}
	}
	// 4. The title's last word.
	if f := strings.Fields(r.title); len(f) > 0 {
		name := strings.Trim(f[len(f)-1], "`*.")
		if mdQualifiedRe.MatchString(name) {
			return r.qualifyQ(name, "")
		}
	}
	return ""
}

func (r *mdReader) qualifyQ(name, target string) string {
	if strings.Contains(name, ".") {
		return mdNormNS(name)
	}
	return r.qualify(name, target)
}

// requestBodyType reads the top-level "@odata.type" of a request example.
func (r *mdReader) requestBodyType(code string) string {
	k := strings.IndexByte(code, '{')
	if k < 0 {
		return ""
	}
	body := code[k:]
	if m, ok := mdParseJSONObject(body); ok {
		if v, ok := mdJSONKey(m, "@odata.type"); ok {
			if s, ok := mdJSONString(v); ok {
				if t := mdTypeFromOData(s); t != "" {
					return r.qualifyQ(t, "")
				}
			}
		}
		return ""
	}
	if m := mdODataTypeRe.FindStringSubmatch(body); m != nil {
		if t := mdTypeFromOData(m[1]); t != "" {
			return r.qualifyQ(t, "")
		}
	}
	return ""
}
