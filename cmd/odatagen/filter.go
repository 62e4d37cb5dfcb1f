package main

import (
	"fmt"

	"github.com/odatagen/odatagen/generator"
	"github.com/odatagen/odatagen/validate/filter"
)

// runFilter is the filter command: it checks one $filter EXPR, either for
// syntax alone (-syntax, no spec) or against the type -type names in the
// merged -spec inputs. A rejected expression is printed bare to standard
// error and ends in exitNo; a usage error, an unloadable spec, an unknown
// or ambiguous type or a spec the filter model cannot be built from is
// returned as an error (exit 2).
func runFilter(e *env, args []string) error {
	fs := newFlagSet(e, "filter", "(-spec INPUT [-spec INPUT]... -type NAME | -syntax) [--] EXPR\n(write -- before an EXPR that starts with -)")
	var specs multiFlag
	fs.Var(&specs, "spec", "spec `INPUT` (docs page, YAML, CSDL or directory; repeatable)")
	typeName := fs.String("type", "", "the type `NAME` the expression filters, bare or namespace-qualified")
	syntax := fs.Bool("syntax", false, "check the syntax only, with no spec")
	var lf loadFlags
	lf.register(fs)
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	switch {
	case fs.NArg() != 1:
		return usageError{"want exactly one EXPR (quote it)"}
	case *syntax && (len(specs) > 0 || *typeName != ""):
		return usageError{"-syntax takes no -spec or -type"}
	case !*syntax && len(specs) == 0:
		return usageError{"no -spec INPUT given (or use -syntax)"}
	case !*syntax && *typeName == "":
		return usageError{"-type NAME is required with -spec"}
	}
	expr := fs.Arg(0)
	var err error
	if *syntax {
		_, err = filter.Parse(expr)
	} else {
		s, lerr := loadSpec(e, lf, specs, namedTypes(*typeName))
		if lerr != nil {
			return lerr
		}
		qname, rerr := resolveType(s, *typeName)
		if rerr != nil {
			return rerr // exit 2: the question cannot be asked
		}
		model, merr := generator.FilterModel(s)
		if merr != nil {
			return merr
		}
		err = filter.Check(model, qname, expr)
	}
	if err != nil {
		fmt.Fprintln(e.stderr, err)
		return exitError{exitNo}
	}
	return nil
}
