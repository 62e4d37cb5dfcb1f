// Package report turns the findings of odatagen examples (docscheck) and
// odatagen drift (spec.Drift) into a report a docs team can act on:
// every finding with a kind, a severity, both positions and a fix hint;
// findings grouped by pattern, so that one page template repeated on 400
// pages is one group listing its pages; and counts per docs area. It
// writes the report as text (WriteText) or as one self-contained HTML
// page (WriteHTML).
//
// Grouping. Two findings are in one group when they have the same kind,
// severity and pattern. The pattern is the finding's message with its
// names replaced by placeholders, so that findings that say the same
// thing about different pages, types and properties collapse while
// different problems do not:
//
//   - for a drift finding, spec.Finding.Pattern: the reason with each
//     argument that names a type <type> (qualified or short, or a type
//     reference outside Edm: "Edm.String" stays, since which primitive
//     types disagree is the problem), the subject's property <property>,
//     an entity set, singleton or path <name>, a default value, quoted
//     string or number <value> or <n>;
//   - for an example problem (examplePattern): the message with its
//     leading JSON pointer <pointer>, every quoted string <value> (and a
//     word equal to one in another case, such as the member an enum-case
//     value misspells), every path or URL after the method <path>, every
//     qualified name outside Edm <type>, the property the problem is
//     about (the pointer's last name, or the one a missing-required
//     message names) <property>, the example type's short name <type>,
//     and every number <n>. A top-level "value" member (the wrapper of a
//     collection response) is no name: it is its own problem.
//
// Enum member names stay in the pattern (only the CSDL has
// unknownFutureValue is one problem wherever it occurs); so do the
// create or update mode and the flags a request body breaks.
//
// Areas. A finding counts for the docs page it is about (an example's
// page; a drift finding's docs side, spec.Finding.DocsPos), and the page
// for its area: the file name up to its first '-' ("intune" for
// intune-deviceconfig-x.md, "security" for security-alert.md); a file
// name without '-' is an area of its own, named by the file name without
// its extension ("user" for user.md).
package report

import (
	"cmp"
	"path/filepath"
	"slices"
	"strings"

	"github.com/odatagen/odatagen/spec"
)

// Severities, as both sources spell them.
const (
	Error   = "error"
	Warning = "warning"
)

// Finding is one finding of either command, in one form.
type Finding struct {
	Kind     string
	Severity string // Error or Warning
	// Pos is where the finding is; Other the position it disagrees with
	// (a drift finding's Other) or the source of the rule it breaks (an
	// example problem's Source); OtherRole says which ("see also",
	// "from") in text.
	Pos, Other spec.Pos
	OtherRole  string
	// Page is the docs page the finding is about, whose area it counts
	// for.
	Page string
	// Subject is what the finding is about (a drift finding's
	// "type/property"; an example's type), Name its short form for lists
	// (the property, the JSON pointer).
	Subject, Name string
	Message       string
	Hint          string
	// Pattern is Message with placeholders (see the package doc);
	// HintTemplate is Hint with the same placeholders.
	Pattern, HintTemplate string
}

// Group is the findings of one kind, severity and pattern.
type Group struct {
	Kind, Severity, Pattern string
	Hint                    string     // the hint template of the group
	Findings                []Finding  // by position
	Pages                   []PageList // by page
}

// PageList is one page of a group and its findings there.
type PageList struct {
	Page     string
	Findings []Finding
}

// Count is a number of findings per severity.
type Count struct {
	Name             string
	Errors, Warnings int
}

// Total is Errors + Warnings.
func (c Count) Total() int { return c.Errors + c.Warnings }

// Area is the count of one docs area, with its kinds.
type Area struct {
	Count
	Kinds []Count // most first
	Pages int     // pages with findings
}

// Report is a grouped, counted list of findings.
type Report struct {
	Title string
	// Notes are lines that summarise what was checked, shown before the
	// counts (examples: the verdicts and the skip reasons).
	Notes    []string
	Findings []Finding
	Count            // all findings
	Areas    []Area  // most findings first
	Kinds    []Count // most findings first
	Groups   []Group // errors first, then the largest
	Pages    int     // pages with findings
}

// New groups and counts findings.
func New(title string, findings []Finding) *Report {
	r := &Report{Title: title, Findings: findings}
	type groupKey struct{ kind, severity, pattern string }
	groups := map[groupKey]*Group{}
	areas := map[string]*Area{}
	areaKinds := map[string]map[string]*Count{}
	areaPages := map[string]map[string]bool{}
	kinds := map[string]*Count{}
	pages := map[string]bool{}
	for _, f := range findings {
		count(&r.Count, f.Severity)
		k := groupKey{f.Kind, f.Severity, f.Pattern}
		g := groups[k]
		if g == nil {
			g = &Group{Kind: f.Kind, Severity: f.Severity, Pattern: f.Pattern, Hint: f.HintTemplate}
			groups[k] = g
		}
		g.Findings = append(g.Findings, f)
		a := AreaOf(f.Page)
		if areas[a] == nil {
			areas[a] = &Area{Count: Count{Name: a}}
			areaKinds[a] = map[string]*Count{}
			areaPages[a] = map[string]bool{}
		}
		count(&areas[a].Count, f.Severity)
		if areaKinds[a][f.Kind] == nil {
			areaKinds[a][f.Kind] = &Count{Name: f.Kind}
		}
		count(areaKinds[a][f.Kind], f.Severity)
		areaPages[a][f.Page] = true
		if kinds[f.Kind] == nil {
			kinds[f.Kind] = &Count{Name: f.Kind}
		}
		count(kinds[f.Kind], f.Severity)
		pages[f.Page] = true
	}
	r.Pages = len(pages)
	for _, g := range groups {
		slices.SortStableFunc(g.Findings, func(a, b Finding) int { return comparePos(a.Pos, b.Pos) })
		for _, f := range g.Findings {
			if n := len(g.Pages); n > 0 && g.Pages[n-1].Page == f.Page {
				g.Pages[n-1].Findings = append(g.Pages[n-1].Findings, f)
				continue
			}
			g.Pages = append(g.Pages, PageList{Page: f.Page, Findings: []Finding{f}})
		}
		// Findings are by position; a page's findings stay together
		// even when some are placed in another file (a CSDL document).
		slices.SortStableFunc(g.Pages, func(a, b PageList) int { return strings.Compare(a.Page, b.Page) })
		g.Pages = mergePages(g.Pages)
		r.Groups = append(r.Groups, *g)
	}
	slices.SortFunc(r.Groups, func(a, b Group) int {
		return cmp.Or(
			cmp.Compare(severityRank(a.Severity), severityRank(b.Severity)),
			cmp.Compare(len(b.Findings), len(a.Findings)),
			cmp.Compare(a.Kind, b.Kind),
			cmp.Compare(a.Pattern, b.Pattern),
		)
	})
	for name, a := range areas {
		for _, c := range areaKinds[name] {
			a.Kinds = append(a.Kinds, *c)
		}
		sortCounts(a.Kinds)
		a.Pages = len(areaPages[name])
		r.Areas = append(r.Areas, *a)
	}
	slices.SortFunc(r.Areas, func(a, b Area) int {
		return cmp.Or(cmp.Compare(b.Total(), a.Total()), cmp.Compare(a.Name, b.Name))
	})
	for _, c := range kinds {
		r.Kinds = append(r.Kinds, *c)
	}
	sortCounts(r.Kinds)
	return r
}

// mergePages joins adjacent lists of one page (sorted by page).
func mergePages(ps []PageList) []PageList {
	out := ps[:0]
	for _, p := range ps {
		if n := len(out); n > 0 && out[n-1].Page == p.Page {
			out[n-1].Findings = append(out[n-1].Findings, p.Findings...)
			continue
		}
		out = append(out, p)
	}
	return out
}

func count(c *Count, severity string) {
	if severity == Warning {
		c.Warnings++
	} else {
		c.Errors++
	}
}

func sortCounts(cs []Count) {
	slices.SortFunc(cs, func(a, b Count) int {
		return cmp.Or(cmp.Compare(b.Total(), a.Total()), cmp.Compare(a.Name, b.Name))
	})
}

func severityRank(s string) int {
	if s == Warning {
		return 1
	}
	return 0
}

func comparePos(a, b spec.Pos) int {
	return cmp.Or(cmp.Compare(a.File, b.File), cmp.Compare(a.Line, b.Line), cmp.Compare(a.Col, b.Col))
}

// AreaOf is the docs area of a page (see the package doc): its file name
// up to the first '-', or the whole name without its extension.
func AreaOf(page string) string {
	base := filepath.Base(page)
	if i := strings.IndexByte(base, '-'); i > 0 {
		return base[:i]
	}
	if ext := filepath.Ext(base); ext != base {
		base = strings.TrimSuffix(base, ext)
	}
	if base == "" || base == "." {
		return "(none)"
	}
	return base
}

// FromDrift is the findings of spec.Drift in report form.
func FromDrift(fs []spec.Finding) []Finding {
	out := make([]Finding, 0, len(fs))
	for _, f := range fs {
		page := f.DocsPos().File
		if page == "" {
			page = f.Pos.File
		}
		typ, prop, _ := strings.Cut(f.Subject, "/")
		name := prop
		if name == "" {
			name = typ[strings.LastIndex(typ, ".")+1:]
		}
		out = append(out, Finding{
			Kind: f.Kind, Severity: cmp.Or(f.Severity, Error), Pos: f.Pos, Other: f.Other, OtherRole: "see also",
			Page: page, Subject: f.Subject, Name: name, Message: f.Reason, Hint: f.Hint,
			Pattern: cmp.Or(f.Pattern, f.Reason), HintTemplate: f.HintTemplate(),
		})
	}
	return out
}
