package main

import (
	"errors"
	"fmt"
	"strings"

	"github.com/odatagen/odatagen/generator"
	"github.com/odatagen/odatagen/validate/query"
)

// runQuery is the query command: it checks one query string (or a URL or
// path with a query) against the query capabilities of the merged -spec
// inputs, for the resource -path names (or the path of QUERY) or for the
// collection of the type -type names. An accepted query prints the custom
// headers the metadata names for it; a rejected one is printed with a caret
// to standard error and ends in exitNo. A usage error, an unloadable spec,
// an unknown -type or a -path that names no resource of the spec is exit 2.
func runQuery(e *env, args []string) error {
	fs := newFlagSet(e, "query", "-spec INPUT [-spec INPUT]... (-path PATH | -type NAME) [--] QUERY\n(QUERY is a query string, \"$top=5&$skip=10\", or a URL or path with one)")
	var specs multiFlag
	fs.Var(&specs, "spec", "spec `INPUT` (docs page, YAML, CSDL or directory; repeatable)")
	path := fs.String("path", "", "the resource `PATH` the query is sent to (/users, /me/messages)")
	typeName := fs.String("type", "", "check against the collection of the type `NAME`, bare or namespace-qualified, with no resource")
	var lf loadFlags
	lf.register(fs)
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	switch {
	case fs.NArg() != 1:
		return usageError{"want exactly one QUERY (quote it)"}
	case len(specs) == 0:
		return usageError{"no -spec INPUT given"}
	case *path != "" && *typeName != "":
		return usageError{"give -path or -type, not both"}
	case *path == "" && *typeName == "" && !hasPath(fs.Arg(0)):
		return usageError{"-path PATH or -type NAME is required unless QUERY is a URL or path"}
	}
	raw := fs.Arg(0)
	s, err := loadSpec(e, lf, specs, namedTypes(*typeName))
	if err != nil {
		return err
	}
	m, err := generator.QueryModel(s)
	if err != nil {
		return err
	}
	var res *query.Result
	if *typeName != "" {
		qname, rerr := resolveType(s, *typeName)
		if rerr != nil {
			return rerr
		}
		if m.Types.Types[qname] == nil {
			return fmt.Errorf("%s is no structured type of the spec", qname)
		}
		res, err = query.CheckType(m, qname, raw)
	} else {
		res, err = query.Check(m, *path, raw)
	}
	if err != nil {
		var qe *query.Error
		if errors.As(err, &qe) && resourceUnknown(qe, *path, raw) {
			fmt.Fprintln(e.stderr, err)
			return exitError{exitCannot}
		}
		fmt.Fprintln(e.stderr, err)
		return exitError{exitNo}
	}
	for _, h := range res.Headers {
		fmt.Fprintln(e.stdout, headerLine(h))
	}
	return nil
}

// hasPath reports whether a QUERY carries its resource: a path or a URL.
func hasPath(raw string) bool {
	return strings.HasPrefix(raw, "/") || strings.Contains(raw, "://")
}

// resourceUnknown reports whether a Check error is about a resource path
// that names nothing in the model (the question cannot be asked), rather
// than a restriction that refuses the path (the answer is no).
func resourceUnknown(qe *query.Error, path, raw string) bool {
	inPath := path != "" && qe.Expr == path
	if !inPath && path == "" && hasPath(raw) {
		end := len(raw)
		if i := strings.IndexByte(raw, '?'); i >= 0 {
			end = i
		}
		inPath = qe.Offset < end
	}
	if !inPath {
		return false
	}
	return !strings.Contains(qe.Msg, "Restrictions") && !strings.Contains(qe.Msg, "IndexableByKey")
}

// headerLine prints a header of a Result: its name, the example values,
// and whether this query must send it.
func headerLine(h query.Header) string {
	var b strings.Builder
	b.WriteString("header " + h.Name)
	if len(h.ExampleValues) > 0 {
		b.WriteString(": " + strings.Join(h.ExampleValues, ", "))
	}
	switch {
	case h.Required && len(h.Because) > 0:
		b.WriteString(" (required for " + strings.Join(h.Because, ", ") + ")")
	case h.Required:
		b.WriteString(" (required)")
	default:
		b.WriteString(" (optional)")
	}
	return b.String()
}
