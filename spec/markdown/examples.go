package markdown

import (
	"encoding/json"
	"fmt"
	"regexp"
	"strings"
)

// Example is one example request or response of an API page: the fenced
// code block that follows a <!-- { "blockType": ... } --> comment, or an
// HTTP fenced block with no such comment (Commented false).
type Example struct {
	// BlockType is the comment's "blockType": "request" or "response";
	// for an example without a comment, "request" when its first line is
	// a request line and "response" when it is a status line.
	BlockType string
	// Fields are the comment's members, read as JSON (nil when the
	// comment is not strict JSON, or there is no comment; Raw keeps its
	// text).
	Fields map[string]any
	Raw    string
	// Commented is true when a blockType comment comes before the block;
	// false for an HTTP block found by its first line alone.
	Commented bool
	// Section is the text of the last heading before the example ("" when
	// none), Intro the last text line between that heading and the
	// example ("Here is an example of the response.").
	Section, Intro string
	// Method and URL are a request's HTTP request line (its first line).
	Method, URL string
	// Body is the JSON body: for a request, the text after the request
	// line and headers; for a response, after the status line and
	// headers. BodyLine and BodyCol (1-based) are where it starts in the page.
	Body              string
	BodyLine, BodyCol int
	// Line is the page line of the blockType comment, or of the opening
	// fence of an example without one.
	Line int
}

// Warning is a problem with one example's markup, at file:line.
type Warning struct {
	File string
	Line int
	Msg  string
}

func (w Warning) String() string { return fmt.Sprintf("%s:%d: %s", w.File, w.Line, w.Msg) }

// httpRequestLine is an HTTP request line with an absolute or relative
// URL ("GET https://graph.microsoft.com/v1.0/me", "POST /users",
// "GET /me HTTP/1.1"); httpStatusLine is a status line ("HTTP/1.1 201
// Created").
var (
	httpRequestLine = regexp.MustCompile(`^(GET|POST|PATCH|PUT|DELETE|HEAD|OPTIONS)[ \t]+(https?://|/)\S*([ \t]+HTTP/\d(\.\d)?)?$`)
	httpStatusLine  = regexp.MustCompile(`^HTTP/\d(\.\d)?[ \t]+\d{3}\b`)
)

// Examples finds the example requests and responses of an API page. Choice:
// a comment is a blockType comment when it holds `"blockType"`; the next
// fenced block (``` or ~~~) is its example; a comment with no block after
// it, or an unterminated block, is a warning. A fenced block that no
// blockType comment comes before is an example when its info string is
// "http", "msgraph-interactive" (Graph Explorer's "try it" request
// blocks), "json" or empty and its first line is an HTTP request line
// (BlockType "request") or status line ("response"); an unterminated one
// is a warning. Other fenced blocks are passed over whole.
func Examples(name string, src []byte) ([]Example, []Warning) {
	lines := strings.Split(strings.ReplaceAll(string(src), "\r\n", "\n"), "\n")
	var out []Example
	var warns []Warning
	section, intro := "", ""
	for i := 0; i < len(lines); i++ {
		l := strings.TrimSpace(lines[i])
		if mdIsFence(l) {
			fence, info := l[:3], strings.ToLower(strings.TrimSpace(strings.TrimLeft(l, l[:1])))
			k := i + 1
			for k < len(lines) && !strings.HasPrefix(strings.TrimSpace(lines[k]), fence) {
				k++
			}
			first := ""
			if i+1 < len(lines) && i+1 < k {
				first = strings.TrimSpace(lines[i+1])
			}
			bt := ""
			switch {
			case info != "http" && info != "msgraph-interactive" && info != "json" && info != "":
			case httpRequestLine.MatchString(first):
				bt = "request"
			case httpStatusLine.MatchString(first):
				bt = "response"
			}
			if bt != "" {
				if k >= len(lines) {
					warns = append(warns, Warning{name, i + 1, "unterminated code block"})
					break
				}
				ex := Example{BlockType: bt, Line: i + 1, Section: section, Intro: intro}
				exampleBody(&ex, lines, i, k)
				out = append(out, ex)
			}
			i = k
			continue
		}
		if lvl := mdHeadingLevel(l); lvl > 0 {
			if !mdIsTabHeading(l) { // a code sample tab is not a section
				section, intro = strings.TrimSpace(strings.TrimRight(strings.TrimSpace(l[lvl:]), "#")), ""
			}
			continue
		}
		if !strings.HasPrefix(l, "<!--") {
			if l != "" {
				intro = l
			}
			continue
		}
		start := i
		text := l
		for !strings.Contains(text, "-->") && i+1 < len(lines) && i-start < 50 {
			i++
			text += "\n" + lines[i]
		}
		if !strings.Contains(text, "blockType") {
			continue
		}
		raw := strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(strings.TrimPrefix(strings.SplitN(text, "-->", 2)[0], "<!--")), "-->"))
		ex := Example{Raw: raw, Line: start + 1, Commented: true, Section: section, Intro: intro}
		var f map[string]any
		if json.Unmarshal([]byte(raw), &f) == nil {
			ex.Fields = f
			ex.BlockType, _ = f["blockType"].(string)
		} else if k := strings.Index(raw, `"blockType"`); k >= 0 {
			rest := raw[k+len(`"blockType"`):]
			if a := strings.Index(rest, `"`); a >= 0 {
				if b := strings.Index(rest[a+1:], `"`); b >= 0 {
					ex.BlockType = rest[a+1 : a+1+b]
				}
			}
		}
		// the next fence
		j := i + 1
		for j < len(lines) && strings.TrimSpace(lines[j]) == "" {
			j++
		}
		if j >= len(lines) || !mdIsFence(strings.TrimSpace(lines[j])) {
			warns = append(warns, Warning{name, start + 1, "blockType comment without a code block after it"})
			continue
		}
		fence := strings.TrimSpace(lines[j])[:3]
		k := j + 1
		for k < len(lines) && !strings.HasPrefix(strings.TrimSpace(lines[k]), fence) {
			k++
		}
		if k >= len(lines) {
			warns = append(warns, Warning{name, j + 1, "unterminated code block"})
			continue
		}
		exampleBody(&ex, lines, j, k)
		out = append(out, ex)
		i = k
	}
	return out, warns
}

// exampleBody reads the block between the fence lines j and k: a
// request's method and URL, and the body after the first line and its
// headers.
func exampleBody(ex *Example, lines []string, j, k int) {
	body := lines[j+1 : k]
	b := 0
	if len(body) > 0 {
		first := strings.TrimSpace(body[0])
		if ex.BlockType == "request" {
			if m, u, ok := strings.Cut(first, " "); ok && m == strings.ToUpper(m) && !strings.HasPrefix(first, "{") {
				ex.Method, ex.URL = m, strings.TrimSpace(u)
				b = 1
			}
		} else if strings.HasPrefix(first, "HTTP/") {
			b = 1
		}
		if b == 1 { // headers up to the first blank line or a JSON start
			for b < len(body) {
				t := strings.TrimSpace(body[b])
				if t == "" || strings.HasPrefix(t, "{") || strings.HasPrefix(t, "[") {
					break
				}
				b++
			}
		}
	}
	for b < len(body) && strings.TrimSpace(body[b]) == "" {
		b++
	}
	if b < len(body) {
		ex.Body = strings.Join(body[b:], "\n")
		ex.BodyLine = j + 2 + b
		ex.BodyCol = 1
	}
}
