package main

import (
	"errors"
	"flag"
	"fmt"
	"strings"

	"github.com/odatagen/odatagen/spec"
	"github.com/odatagen/odatagen/spec/load"
)

// loadFlags are the flags every command that reads a spec takes.
type loadFlags struct {
	verbose   bool // print every warning, not a summary
	keepGoing bool // load what can be read when some inputs cannot
	// maxInheritance is load.Options.MaxInheritance (generate's
	// -max-inheritance).
	maxInheritance int
}

func (lf *loadFlags) register(fs *flag.FlagSet) {
	fs.BoolVar(&lf.verbose, "v", false, "print every warning (default: a summary, and those about the types worked on)")
	fs.BoolVar(&lf.keepGoing, "keep-going", false, "when some inputs cannot be read, report them and go on with the rest")
}

// summaryPerKind is how many warnings of each kind the summary shows.
const summaryPerKind = 3

// loadSpec reads and merges inputs (load.Spec). Every input that cannot be
// read is reported on standard error; unless -keep-going is given, that
// fails the command with exit 2 once all of them are reported. Warnings
// are reported as reportWarnings says, with about saying which types the
// command works on (nil: none in particular).
func loadSpec(e *env, lf loadFlags, paths []string, about func(qualifiedType string) bool) (*spec.Spec, error) {
	s, warnings, err := load.SpecWith(load.Options{MaxInheritance: lf.maxInheritance}, paths...)
	if err := e.inputFailures(lf, err); err != nil {
		e.reportWarnings(lf, warnings, about)
		return nil, err
	}
	e.reportWarnings(lf, warnings, about)
	return s, nil
}

// inputFailures prints what load.Spec or load.Drift could not read. It
// returns nil when the command may go on: nothing failed, or only some
// inputs did and -keep-going is given.
func (e *env) inputFailures(lf loadFlags, err error) error {
	if err == nil {
		return nil
	}
	var failed *load.InputErrors
	if !errors.As(err, &failed) {
		fmt.Fprintln(e.stderr, err)
		return exitError{exitCannot}
	}
	for _, ferr := range failed.Errs {
		fmt.Fprintln(e.stderr, ferr)
	}
	if lf.keepGoing {
		fmt.Fprintf(e.stderr, "odatagen: %d %s could not be read; going on without %s (-keep-going)\n",
			len(failed.Errs), plural(len(failed.Errs), "input", "inputs"), plural(len(failed.Errs), "it", "them"))
		return nil
	}
	fmt.Fprintf(e.stderr, "odatagen: %d %s could not be read (-keep-going goes on without %s)\n",
		len(failed.Errs), plural(len(failed.Errs), "input", "inputs"), plural(len(failed.Errs), "it", "them"))
	return exitError{exitCannot}
}

// reportWarnings prints warnings to standard error: all of them with -v;
// otherwise those about the types the command works on (about: the types
// named with -type), then a summary of the rest: the count per kind and
// the first few of each.
func (e *env) reportWarnings(lf loadFlags, warnings []spec.Warning, about func(string) bool) {
	if lf.verbose {
		for _, w := range warnings {
			fmt.Fprintln(e.stderr, w)
		}
		return
	}
	var rest []spec.Warning
	for _, w := range warnings {
		if about != nil && w.Type != "" && about(w.Type) {
			fmt.Fprintln(e.stderr, w)
		} else {
			rest = append(rest, w)
		}
	}
	if len(rest) == 0 {
		return
	}
	if len(rest) <= summaryPerKind {
		for _, w := range rest {
			fmt.Fprintln(e.stderr, w)
		}
		return
	}
	count := map[spec.WarningKind]int{}
	for _, w := range rest {
		count[w.Kind]++
	}
	var parts []string
	for _, k := range spec.WarningKinds {
		if count[k] > 0 {
			parts = append(parts, fmt.Sprintf("%d %s", count[k], k))
		}
	}
	fmt.Fprintf(e.stderr, "odatagen: %d warnings (%s); the first of each kind:\n", len(rest), strings.Join(parts, ", "))
	shown := map[spec.WarningKind]int{}
	for _, w := range rest {
		if shown[w.Kind] < summaryPerKind {
			shown[w.Kind]++
			fmt.Fprintf(e.stderr, "  %s\n", w)
		}
	}
	fmt.Fprintln(e.stderr, "odatagen: -v prints them all")
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// namedTypes returns an about function for reportWarnings that holds the
// types a user named (-type), bare or qualified, in any case; nil when
// none is named.
func namedTypes(names ...string) func(string) bool {
	var lower []string
	for _, n := range names {
		if n != "" {
			lower = append(lower, strings.ToLower(n))
		}
	}
	if len(lower) == 0 {
		return nil
	}
	return func(q string) bool {
		q = strings.ToLower(q)
		for _, n := range lower {
			if q == n || strings.HasSuffix(q, "."+n) {
				return true
			}
		}
		return false
	}
}
