package main

import (
	"encoding/json"
	"fmt"

	"github.com/odatagen/odatagen/spec"
	"github.com/odatagen/odatagen/spec/load"
)

// runDrift compares CSDL documents with docs pages (load.Drift) and
// prints what disagrees (types, properties, flags, enums, request bodies,
// and query capabilities: docs "Supports $filter" ($orderby, $select,
// $search, $count, $expand) against the CSDL's Capabilities annotations,
// kind capability-conflict), one finding a line:
//
//	POS: SUBJECT: REASON (see also OTHER)
//
// or, with -json, a JSON array of {"kind", "subject", "pos", "other",
// "reason"} objects (positions as "file:line:col"; [] when there are
// none). Reader warnings go to standard error. Exit status: 0 when nothing
// disagrees, 1 when something does, 2 for a usage error or an input that
// cannot be read (also one that does not parse, unless -keep-going: exit
// 1 means findings only).
func runDrift(e *env, args []string) error {
	fs := newFlagSet(e, "drift", "[-json] INPUT...")
	asJSON := fs.Bool("json", false, "print the findings as a JSON array")
	var lf loadFlags
	lf.register(fs)
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		return usageError{"no INPUT given"}
	}
	findings, warnings, err := load.Drift(fs.Args()...)
	if err := e.inputFailures(lf, err); err != nil {
		e.reportWarnings(lf, warnings, nil)
		return err
	}
	e.reportWarnings(lf, warnings, nil)
	if *asJSON {
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
	} else {
		for _, f := range findings {
			if _, err := fmt.Fprintln(e.stdout, f); err != nil {
				return err
			}
		}
	}
	if len(findings) > 0 {
		return exitError{exitNo}
	}
	return nil
}
