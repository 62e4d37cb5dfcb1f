package report

import (
	_ "embed"
	"fmt"
	"html/template"
	"io"
	"path/filepath"

	"github.com/odatagen/odatagen/spec"
)

//go:embed report.html.tmpl
var htmlSource string

var htmlTemplate = template.Must(template.New("report").Funcs(template.FuncMap{
	"link": link,
	"base": filepath.Base,
}).Parse(htmlSource))

// htmlData is what the template sees: the report and the count of groups
// per kind.
type htmlData struct {
	*Report
	GroupsPerKind map[string]int
}

// WriteHTML writes r as one self-contained HTML page: inline CSS, no
// script, no external resource. It has the totals, a summary table per
// area, per kind and per severity, then the groups (severity, kind,
// count, pattern, hint, and a collapsible table of the findings, each
// with its position, message, other position and hint), and the areas.
// Every position links to FILE#Lline, FILE the path as given; the link
// text is file:line:col. Everything is escaped by html/template.
func WriteHTML(w io.Writer, r *Report) error {
	d := htmlData{Report: r, GroupsPerKind: map[string]int{}}
	for _, g := range r.Groups {
		d.GroupsPerKind[g.Kind]++
	}
	return htmlTemplate.Execute(w, d)
}

// link is the relative link of a position: FILE#Lline (FILE alone
// without a line), with the path's separators as slashes.
func link(p spec.Pos) string {
	f := filepath.ToSlash(p.File)
	if p.Line == 0 {
		return f
	}
	return fmt.Sprintf("%s#L%d", f, p.Line)
}
