package report

import (
	"bufio"
	"fmt"
	"io"
	"strings"
)

// WriteText writes r as text: the notes, a line of totals, a table per
// area (pages, errors, warnings, kinds), a table per kind, then each
// group: its severity, kind and count, its pattern and hint, and the
// positions of its findings page by page, each with the finding's name
// (the property, the JSON pointer):
//
//	error flag-conflict: 2 findings on 2 pages
//	  pattern: the create request body requires <property>, which the <type> resource page marks read-only
//	  hint: remove <property> from the Request body table of <page>: <other> marks it read-only
//	  api/intune-a-create.md: 15:2 id
//	  api/intune-b-create.md: 15:2 id, 16:2 createdDateTime
//
// A position in another file than the page (a CSDL document) is written
// in full; the other positions are in the HTML report (and in the
// commands' flat and JSON output).
func WriteText(w io.Writer, r *Report) error {
	b := bufio.NewWriter(w)
	for _, n := range r.Notes {
		fmt.Fprintln(b, n)
	}
	fmt.Fprintf(b, "findings: %d (%d %s, %d %s)", r.Total(), r.Errors, plural(r.Errors, "error", "errors"),
		r.Warnings, plural(r.Warnings, "warning", "warnings"))
	if r.Total() > 0 {
		fmt.Fprintf(b, " on %d %s, in %d %s", r.Pages, plural(r.Pages, "page", "pages"), len(r.Groups), plural(len(r.Groups), "group", "groups"))
	}
	fmt.Fprintln(b)
	if r.Total() == 0 {
		return b.Flush()
	}
	fmt.Fprintln(b)
	aw := len("area")
	for _, a := range r.Areas {
		aw = max(aw, len(a.Name))
	}
	fmt.Fprintf(b, "%-*s  %5s  %6s  %8s  %s\n", aw, "area", "pages", "errors", "warnings", "kinds")
	for _, a := range r.Areas {
		fmt.Fprintf(b, "%-*s  %5d  %6d  %8d  %s\n", aw, a.Name, a.Pages, a.Errors, a.Warnings, kindList(a.Kinds))
	}
	fmt.Fprintln(b)
	kw := len("kind")
	for _, k := range r.Kinds {
		kw = max(kw, len(k.Name))
	}
	groups := map[string]int{}
	for _, g := range r.Groups {
		groups[g.Kind]++
	}
	fmt.Fprintf(b, "%-*s  %6s  %8s  %6s\n", kw, "kind", "errors", "warnings", "groups")
	for _, k := range r.Kinds {
		fmt.Fprintf(b, "%-*s  %6d  %8d  %6d\n", kw, k.Name, k.Errors, k.Warnings, groups[k.Name])
	}
	for _, g := range r.Groups {
		fmt.Fprintln(b)
		fmt.Fprintf(b, "%s %s: %d %s on %d %s\n", g.Severity, g.Kind, len(g.Findings), plural(len(g.Findings), "finding", "findings"),
			len(g.Pages), plural(len(g.Pages), "page", "pages"))
		fmt.Fprintf(b, "  pattern: %s\n", g.Pattern)
		if g.Hint != "" {
			fmt.Fprintf(b, "  hint: %s\n", g.Hint)
		}
		for _, p := range g.Pages {
			parts := make([]string, len(p.Findings))
			for i, f := range p.Findings {
				parts[i] = strings.TrimSpace(positionIn(f, p.Page) + " " + f.Name)
			}
			fmt.Fprintf(b, "  %s: %s\n", p.Page, strings.Join(parts, ", "))
		}
	}
	return b.Flush()
}

// positionIn is f's position as line:col when it is on page, else in
// full.
func positionIn(f Finding, page string) string {
	if f.Pos.File != page {
		return f.Pos.String()
	}
	return fmt.Sprintf("%d:%d", f.Pos.Line, f.Pos.Col)
}

func kindList(cs []Count) string {
	parts := make([]string, len(cs))
	for i, c := range cs {
		parts[i] = fmt.Sprintf("%d %s", c.Total(), c.Name)
	}
	return strings.Join(parts, ", ")
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
