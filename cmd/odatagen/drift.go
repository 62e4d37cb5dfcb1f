package main

import (
	"encoding/json"
	"fmt"
	"strings"

	"github.com/odatagen/odatagen/docscheck/report"
	"github.com/odatagen/odatagen/spec"
	"github.com/odatagen/odatagen/spec/load"
)

// runDrift compares CSDL documents with docs pages (load.Drift) and
// prints what disagrees (types, properties, flags, enums, request bodies,
// and query capabilities: docs "Supports $filter" ($orderby, $select,
// $search, $count, $expand) against the CSDL's Capabilities annotations,
// kind capability-conflict), each finding with a severity and a fix hint
// (spec.Finding). By default it prints the grouped report
// (report.WriteText: counts per docs area and kind, then the findings
// that share a pattern as one group, with its hint and positions page by
// page). -flat prints one finding a line instead:
//
//	POS: SUBJECT: REASON (see also OTHER)
//
// and -json a JSON array of {"kind", "severity", "subject", "pos",
// "other", "reason", "hint"} objects (positions as "file:line:col"; []
// when there are none). -html FILE writes the grouped report as one HTML
// page (report.WriteHTML) in place of the text. Reader warnings go to
// standard error. Exit status: 0 when nothing disagrees, 1 when something
// does, 2 for a usage error, an input that cannot be read (also one that
// does not parse, unless -keep-going: exit 1 means findings only) or a
// FILE that cannot be written.
func runDrift(e *env, args []string) error {
	fs := newFlagSet(e, "drift", "[-json | -flat] [-html FILE] INPUT...")
	asJSON := fs.Bool("json", false, "print the findings as a JSON array")
	flat := fs.Bool("flat", false, "print one finding a line, not the grouped report")
	htmlFile := fs.String("html", "", "write the grouped report as an HTML page to `FILE` instead of the text")
	var lf loadFlags
	lf.register(fs)
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		return usageError{"no INPUT given"}
	}
	if *asJSON && *flat {
		return usageError{"-json and -flat are two formats of the flat list: give one"}
	}
	findings, warnings, err := load.Drift(fs.Args()...)
	if err := e.inputFailures(lf, err); err != nil {
		e.reportWarnings(lf, warnings, nil)
		return err
	}
	e.reportWarnings(lf, warnings, nil)
	newReport := func() *report.Report {
		r := report.New("odatagen drift", report.FromDrift(findings))
		r.Notes = []string{"inputs: " + strings.Join(fs.Args(), ", ")}
		return r
	}
	switch {
	case *asJSON:
		if findings == nil {
			findings = []spec.Finding{}
		}
		data, err := json.MarshalIndent(findings, "", "  ")
		if err != nil {
			return err
		}
		if _, err := e.stdout.Write(append(data, '\n')); err != nil {
			return err
		}
	case *flat:
		for _, f := range findings {
			if _, err := fmt.Fprintln(e.stdout, f); err != nil {
				return err
			}
		}
	case *htmlFile == "":
		r := newReport()
		r.Notes = nil // the inputs are on the command line
		if err := report.WriteText(e.stdout, r); err != nil {
			return err
		}
	}
	if *htmlFile != "" {
		if err := writeHTMLFile(*htmlFile, newReport()); err != nil {
			fmt.Fprintf(e.stderr, "odatagen drift: %v\n", err)
			return exitError{exitCannot}
		}
	}
	if len(findings) > 0 {
		return exitError{exitNo}
	}
	return nil
}
