package markdown

import (
	"encoding/json"
	"fmt"
	"strings"
)

// Example is one example request or response of an API page: the fenced
// code block that follows a <!-- { "blockType": ... } --> comment.
type Example struct {
	// BlockType is the comment's "blockType": "request" or "response".
	BlockType string
	// Fields are the comment's members, read as JSON (nil when the
	// comment is not strict JSON; Raw keeps its text).
	Fields map[string]any
	Raw    string
	// Method and URL are a request's HTTP request line (its first line).
	Method, URL string
	// Body is the JSON body: for a request, the text after the request
	// line and headers; for a response, after the status line and
	// headers. BodyLine and BodyCol (1-based) are where it starts in the page.
	Body              string
	BodyLine, BodyCol int
	// Line is the page line of the blockType comment.
	Line int
}

// Warning is a problem with one example's markup, at file:line.
type Warning struct {
	File string
	Line int
	Msg  string
}

func (w Warning) String() string { return fmt.Sprintf("%s:%d: %s", w.File, w.Line, w.Msg) }

// Examples finds the example requests and responses of an API page. Choice:
// a comment is a blockType comment when it holds `"blockType"`; the next
// fenced block (``` or ~~~) is its example; a comment with no block after
// it, or an unterminated block, is a warning.
func Examples(name string, src []byte) ([]Example, []Warning) {
	lines := strings.Split(strings.ReplaceAll(string(src), "\r\n", "\n"), "\n")
	var out []Example
	var warns []Warning
	for i := 0; i < len(lines); i++ {
		l := strings.TrimSpace(lines[i])
		if !strings.HasPrefix(l, "<!--") {
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
		ex := Example{Raw: raw, Line: start + 1}
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
		out = append(out, ex)
		i = k
	}
	return out, warns
}
