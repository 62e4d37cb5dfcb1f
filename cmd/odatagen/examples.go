package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/odatagen/odatagen/docscheck"
	"github.com/odatagen/odatagen/docscheck/report"
	"github.com/odatagen/odatagen/spec/load"
)

const examplesUsage = "[-json | -flat] [-html FILE] [-skipped] [-spec INPUT]... INPUT...\n" +
	"Checks every example request and response of the API pages among INPUTs (.md files, or directories of them)\n" +
	"against the spec that all INPUTs and -spec INPUTs make together (see docscheck for how examples are typed)."

// runExamples is the examples command: it merges every INPUT and -spec
// INPUT into one spec, checks the examples of the .md pages among the
// INPUTs (docscheck), and prints the problems as a grouped report
// (report.WriteText: the examples per verdict and skipped per reason,
// counts per docs area and kind, then the groups of problems that share
// a pattern, each with its hint and positions). -flat prints the flat
// list instead, one line per problem,
//
//	FILE:LINE:COL: SEVERITY: KIND: MESSAGE (from SOURCE)
//
// then a summary (examples per verdict, skipped per reason, problems per
// kind); -skipped also prints "FILE:LINE: skipped: REASON" for each
// skipped example. With -json it prints a JSON array with one object per
// example instead (see exampleJSON). -html FILE writes the grouped
// report as one HTML page (report.WriteHTML) in place of the text. Exit
// status: 0 when no example is invalid, 1 when one is, 2 for a usage
// error, inputs that cannot be loaded or a FILE that cannot be written.
func runExamples(e *env, args []string) error {
	fs := newFlagSet(e, "examples", examplesUsage)
	var specs multiFlag
	fs.Var(&specs, "spec", "spec `INPUT` whose pages are not checked (docs page, YAML, CSDL or directory; repeatable)")
	asJSON := fs.Bool("json", false, "print one JSON object per example, as an array")
	showSkipped := fs.Bool("skipped", false, "print a line for each skipped example with its reason")
	flat := fs.Bool("flat", false, "print one line per problem and a summary, not the grouped report")
	htmlFile := fs.String("html", "", "write the grouped report as an HTML page to `FILE` instead of the text")
	var lf loadFlags
	lf.register(fs)
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		return usageError{"no INPUT given"}
	}
	s, err := loadSpec(e, lf, append(slices.Clone(fs.Args()), specs...), nil)
	if err != nil {
		return err
	}
	pages, err := examplePages(fs.Args())
	if err != nil {
		fmt.Fprintf(e.stderr, "odatagen examples: %v\n", err)
		return exitError{exitCannot}
	}
	results, err := docscheck.Check(s, pages)
	if err != nil {
		fmt.Fprintf(e.stderr, "odatagen examples: %v\n", err)
		return exitError{exitCannot}
	}
	if *asJSON && *flat {
		return usageError{"-json and -flat are two formats of the flat list: give one"}
	}
	switch {
	case *asJSON:
		err = writeExamplesJSON(e, results)
	case *flat:
		err = writeExamplesText(e, results, *showSkipped)
	case *htmlFile == "":
		err = writeExamplesReport(e, results, *showSkipped)
	}
	if err != nil {
		return err
	}
	if *htmlFile != "" {
		r := report.New("odatagen examples", report.FromExamples(results))
		r.Notes = append(examplesNotes(results), "inputs: "+strings.Join(fs.Args(), ", "))
		if err := writeHTMLFile(*htmlFile, r); err != nil {
			fmt.Fprintf(e.stderr, "odatagen examples: %v\n", err)
			return exitError{exitCannot}
		}
	}
	for _, r := range results {
		if r.Verdict == docscheck.Invalid {
			return exitError{exitNo}
		}
	}
	return nil
}

// examplePages reads the .md files that the inputs name or that the
// directories among them hold (not their subdirectories, nor dot files),
// named as load names them, so that positions agree with the spec's.
func examplePages(inputs []string) ([]docscheck.Page, error) {
	var pages []docscheck.Page
	seen := map[string]bool{}
	add := func(path string) error {
		if c := filepath.Clean(path); seen[c] || !strings.EqualFold(filepath.Ext(path), ".md") {
			return nil
		} else {
			seen[c] = true
		}
		src, err := os.ReadFile(path)
		if err == nil {
			pages = append(pages, docscheck.Page{File: path, Src: src})
		}
		return err
	}
	for _, in := range inputs {
		files, err := load.ExpandPath(in, func(name string) bool { return strings.EqualFold(filepath.Ext(name), ".md") })
		if err != nil {
			return nil, err
		}
		for _, f := range files {
			if err := add(f); err != nil {
				return nil, err
			}
		}
	}
	return pages, nil
}

// exampleJSON is one example in -json output.
type exampleJSON struct {
	Pos        string        `json:"pos"` // file:line of the blockType comment
	BlockType  string        `json:"blockType"`
	Method     string        `json:"method,omitempty"`
	URL        string        `json:"url,omitempty"`
	Type       string        `json:"type"`
	Mode       string        `json:"mode"`
	Collection bool          `json:"collection"`
	TypedBy    string        `json:"typedBy"`
	Verdict    string        `json:"verdict"` // valid, invalid or skipped
	Skip       string        `json:"skip,omitempty"`
	Reason     string        `json:"reason"`
	Problems   []problemJSON `json:"problems"`
}

type problemJSON struct {
	Pos      string `json:"pos"` // file:line:col
	Severity string `json:"severity"`
	Kind     string `json:"kind"`
	Pointer  string `json:"pointer"`
	Message  string `json:"message"`
	Source   string `json:"source"`
	Hint     string `json:"hint"` // report.ExampleHint
}

func writeExamplesJSON(e *env, results []docscheck.Result) error {
	out := make([]exampleJSON, 0, len(results))
	for _, r := range results {
		x := exampleJSON{
			Pos: fmt.Sprintf("%s:%d", r.Pos.File, r.Pos.Line), BlockType: r.BlockType, Method: r.Method, URL: r.URL,
			Type: r.Type, Mode: r.Mode, Collection: r.Collection, TypedBy: r.TypedBy, Verdict: string(r.Verdict),
			Skip: r.Skip, Reason: r.Reason, Problems: []problemJSON{},
		}
		for _, p := range r.Problems {
			x.Problems = append(x.Problems, problemJSON{Pos: posText(p), Severity: string(p.Severity), Kind: p.Kind,
				Pointer: p.Pointer, Message: p.Message, Source: p.Source, Hint: report.ExampleHint(r, p)})
		}
		out = append(out, x)
	}
	data, err := json.MarshalIndent(out, "", "  ")
	if err != nil {
		return err
	}
	_, err = e.stdout.Write(append(data, '\n'))
	return err
}

// posText is a problem's position as file:line:col (col 0 when only the
// line is known).
func posText(p docscheck.Problem) string {
	return fmt.Sprintf("%s:%d:%d", p.Pos.File, p.Pos.Line, p.Pos.Col)
}

func writeExamplesText(e *env, results []docscheck.Result, showSkipped bool) error {
	verdicts := map[docscheck.Verdict]int{}
	skips := map[string]int{}
	kinds := map[string]int{}
	severities := map[docscheck.Severity]int{}
	for _, r := range results {
		verdicts[r.Verdict]++
		if r.Verdict == docscheck.Skipped {
			skips[r.Skip]++
			if showSkipped {
				if _, err := fmt.Fprintf(e.stdout, "%s:%d: skipped: %s\n", r.Pos.File, r.Pos.Line, r.Reason); err != nil {
					return err
				}
			}
		}
		for _, p := range r.Problems {
			kinds[p.Kind]++
			severities[p.Severity]++
			line := fmt.Sprintf("%s: %s: %s: %s", posText(p), p.Severity, p.Kind, p.Message)
			if p.Source != "" {
				line += " (from " + p.Source + ")"
			}
			if _, err := fmt.Fprintln(e.stdout, line); err != nil {
				return err
			}
		}
	}
	_, err := fmt.Fprintf(e.stdout, "examples: %d (%d valid, %d invalid, %d skipped)\n", len(results),
		verdicts[docscheck.Valid], verdicts[docscheck.Invalid], verdicts[docscheck.Skipped])
	if err != nil {
		return err
	}
	if len(skips) > 0 {
		if _, err := fmt.Fprintf(e.stdout, "skipped: %s\n", counts(skips)); err != nil {
			return err
		}
	}
	if len(kinds) > 0 {
		ne, nw := severities[docscheck.Error], severities[docscheck.Warning]
		_, err = fmt.Fprintf(e.stdout, "problems: %d (%d %s, %d %s): %s\n", ne+nw,
			ne, plural(ne, "error", "errors"), nw, plural(nw, "warning", "warnings"), counts(kinds))
	}
	return err
}

// examplesNotes are the summary lines of a run: examples per verdict,
// skipped per reason.
func examplesNotes(results []docscheck.Result) []string {
	verdicts := map[docscheck.Verdict]int{}
	skips := map[string]int{}
	for _, r := range results {
		verdicts[r.Verdict]++
		if r.Verdict == docscheck.Skipped {
			skips[r.Skip]++
		}
	}
	notes := []string{fmt.Sprintf("examples: %d (%d valid, %d invalid, %d skipped)", len(results),
		verdicts[docscheck.Valid], verdicts[docscheck.Invalid], verdicts[docscheck.Skipped])}
	if len(skips) > 0 {
		notes = append(notes, "skipped: "+counts(skips))
	}
	return notes
}

// writeExamplesReport prints the grouped report (after the skipped
// lines, with -skipped).
func writeExamplesReport(e *env, results []docscheck.Result, showSkipped bool) error {
	if showSkipped {
		for _, r := range results {
			if r.Verdict != docscheck.Skipped {
				continue
			}
			if _, err := fmt.Fprintf(e.stdout, "%s:%d: skipped: %s\n", r.Pos.File, r.Pos.Line, r.Reason); err != nil {
				return err
			}
		}
	}
	r := report.New("odatagen examples", report.FromExamples(results))
	r.Notes = examplesNotes(results)
	return report.WriteText(e.stdout, r)
}

// writeHTMLFile writes r as HTML to name.
func writeHTMLFile(name string, r *report.Report) error {
	var b bytes.Buffer
	if err := report.WriteHTML(&b, r); err != nil {
		return err
	}
	return os.WriteFile(name, b.Bytes(), 0o644)
}

// counts lists "N name" pairs, the most frequent first, then by name.
func counts(m map[string]int) string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, func(a, b string) int {
		if m[a] != m[b] {
			return m[b] - m[a]
		}
		return strings.Compare(a, b)
	})
	parts := make([]string, len(keys))
	for i, k := range keys {
		parts[i] = fmt.Sprintf("%d %s", m[k], k)
	}
	return strings.Join(parts, ", ")
}
