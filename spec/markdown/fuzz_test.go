package markdown

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/odatagen/odatagen/spec"
)

// FuzzRead checks that Read never panics, that its errors
// are positioned *Error values and that every element it returns carries a
// position in the file.
func FuzzRead(f *testing.F) {
	fixtures, _ := filepath.Glob(filepath.Join("testdata", "markdown", "*.md"))
	for _, p := range fixtures {
		if src, err := os.ReadFile(p); err == nil {
			f.Add(src)
		}
	}
	f.Add([]byte("|a|b|\n|-|-|\n|1|2\n"))
	f.Add([]byte("<!-- { \"blockType\": \"resource\", \"@odata.type\": \"x.y\" "))
	f.Add([]byte("# x resource type\n\n## Properties\n|Property|Type|Description|\n|-|-|-|\n|a|[b](#c) collection|Supports $filter (eq on null values|\n"))
	f.Fuzz(func(t *testing.T, src []byte) {
		const file = "fuzz.md"
		s, warns, err := Read(file, src)
		for _, w := range warns {
			if w.Pos.File != file || w.Pos.Line < 1 {
				t.Fatalf("warning without a position: %v", w)
			}
		}
		if err != nil {
			var e *spec.Error
			if !errors.As(err, &e) || e.Pos.File != file || e.Pos.Line < 1 {
				t.Fatalf("error is not positioned: %v", err)
			}
			if s != nil {
				t.Fatalf("spec returned with an error")
			}
			return
		}
		lines := strings.Count(string(src), "\n") + 1
		check := func(what string, p spec.Pos) {
			if p.File != file || p.Line < 1 || p.Line > lines {
				t.Fatalf("%s has position %v (page has %d lines)", what, p, lines)
			}
		}
		for _, ty := range s.Types {
			check("type "+ty.Name, ty.Pos)
			if ty.Name == "" {
				t.Fatalf("type without a name")
			}
			for _, p := range append(ty.Properties, ty.NavigationProperties...) {
				check("property "+p.Name, p.Pos)
				if p.Type.Name == "" {
					t.Fatalf("property %s without a type", p.Name)
				}
				if p.Filter != nil {
					check("filter of "+p.Name, p.Filter.Pos)
					for i := 1; i < len(p.Filter.Ops); i++ {
						if mdOpIndex(p.Filter.Ops[i-1]) >= mdOpIndex(p.Filter.Ops[i]) {
							t.Fatalf("filter ops out of order: %v", p.Filter.Ops)
						}
					}
				}
			}
		}
		for _, e := range s.Enums {
			check("enum "+e.Name, e.Pos)
			for _, m := range e.Members {
				check("member "+m.Name, m.Pos)
			}
		}
		for _, o := range s.Operations {
			check("operation", o.Pos)
			for _, b := range o.Body {
				check("body property "+b.Name, b.Pos)
			}
		}
	})
}

func mdOpIndex(op spec.FilterOp) int {
	for i, o := range spec.FilterOps {
		if o == op {
			return i
		}
	}
	return -1
}

// FuzzExamples checks that Examples never panics, that every example's
// line is in the page (the opening fence of one without a blockType
// comment), that its body is the text of the page from its BodyLine and
// BodyCol on, and that every warning has a position in the file.
func FuzzExamples(f *testing.F) {
	fixtures, _ := filepath.Glob(filepath.Join("testdata", "markdown", "*.md"))
	for _, p := range fixtures {
		if src, err := os.ReadFile(p); err == nil {
			f.Add(src)
		}
	}
	f.Add([]byte("<!-- {\"blockType\": \"request\"} -->\n```http\nPOST /x\nContent-Type: application/json\n\n{\"a\": 1}\n```\n"))
	f.Add([]byte("<!--\n{\n\"blockType\": \"response\",\n\"@odata.type\": \"x.y\"\n}\n-->\n~~~\nHTTP/1.1 200 OK\n\n{}\n"))
	f.Add([]byte("<!-- { blockType: 'request' -->\n```\n"))
	f.Add([]byte("## HTTP request\n``` http\nPATCH /x/{id}\n```\n### Response\nMay be truncated.\n~~~\nHTTP/1.1 200 OK\r\nContent-Type: application/json\r\n\r\n{\"a\": 1}\n~~~\n"))
	f.Add([]byte("```json\nHTTP/1.1 204 No Content\n```\n```\nGET https://graph.microsoft.com/v1.0/me\n"))
	f.Fuzz(func(t *testing.T, src []byte) {
		const file = "fuzz.md"
		exs, warns := Examples(file, src)
		lines := strings.Split(strings.ReplaceAll(string(src), "\r\n", "\n"), "\n")
		for _, w := range warns {
			if w.File != file || w.Line < 1 || w.Line > len(lines) {
				t.Fatalf("warning without a position in the page: %v", w)
			}
		}
		for _, ex := range exs {
			if ex.Line < 1 || ex.Line > len(lines) {
				t.Fatalf("example at line %d, page has %d lines", ex.Line, len(lines))
			}
			if l := strings.TrimSpace(lines[ex.Line-1]); !ex.Commented && !mdIsFence(l) {
				t.Fatalf("example without a comment at line %d %q, not a fence", ex.Line, l)
			}
			if ex.Body == "" {
				continue
			}
			if ex.BodyLine < 1 || ex.BodyLine > len(lines) || ex.BodyCol < 1 {
				t.Fatalf("body at %d:%d, page has %d lines", ex.BodyLine, ex.BodyCol, len(lines))
			}
			first, _, _ := strings.Cut(ex.Body, "\n")
			if !strings.Contains(lines[ex.BodyLine-1], strings.TrimSpace(first)) {
				t.Fatalf("body's first line %q is not on page line %d %q", first, ex.BodyLine, lines[ex.BodyLine-1])
			}
			if rest := strings.Join(lines[ex.BodyLine-1:], "\n"); ex.BodyCol > len(rest)+1 || !strings.HasPrefix(rest[ex.BodyCol-1:], ex.Body) {
				t.Fatalf("body %q is not the page's text from %d:%d", ex.Body, ex.BodyLine, ex.BodyCol)
			}
		}
	})
}
