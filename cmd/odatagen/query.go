package main

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/odatagen/odatagen/generator"
	"github.com/odatagen/odatagen/spec"
	"github.com/odatagen/odatagen/spec/csdl"
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
	if err := attachCapabilities(s, specs); err != nil {
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

// attachCapabilities reads the query capabilities of the CSDL documents
// among paths (csdl.ReadWith; load reads them without, since the YAML form
// does not carry them) and sets them on the matching entity sets, types
// and navigation properties of s, the spec loaded from the same paths.
func attachCapabilities(s *spec.Spec, paths []string) error {
	sets := map[string]*spec.EntitySet{}
	for _, es := range s.EntitySets {
		if k := strings.ToLower(es.Name); sets[k] == nil {
			sets[k] = es
		}
	}
	types := map[string]*spec.StructuredType{}
	for _, t := range s.Types {
		if k := strings.ToLower(t.QualifiedName()); types[k] == nil {
			types[k] = t
		}
	}
	for _, f := range csdlFiles(paths) {
		src, err := os.ReadFile(f)
		if err != nil {
			return err
		}
		cs, _, err := csdl.ReadWith(f, src, csdl.Options{Capabilities: true})
		if err != nil {
			return err // load.Spec has reported it, unless -keep-going
		}
		if s.Container == nil {
			s.Container = cs.Container
		}
		for _, es := range cs.EntitySets {
			to := sets[strings.ToLower(es.Name)]
			if to == nil || to.Capabilities != nil || len(to.Bindings) > 0 || len(to.Paths) > 0 {
				continue
			}
			to.Bindings, to.Capabilities, to.Paths = es.Bindings, es.Capabilities, es.Paths
		}
		for _, t := range cs.Types {
			to := types[strings.ToLower(t.QualifiedName())]
			if to == nil {
				continue
			}
			if to.Capabilities == nil {
				to.Capabilities = t.Capabilities
			}
			if to.InheritedNavigation == nil {
				to.InheritedNavigation = t.InheritedNavigation
			}
			for _, p := range t.NavigationProperties {
				if p.Capabilities == nil {
					continue
				}
				for _, q := range to.NavigationProperties {
					if q.Name == p.Name && q.Capabilities == nil {
						q.Capabilities = p.Capabilities
					}
				}
			}
		}
	}
	return nil
}

// csdlFiles lists the CSDL documents among the inputs: files with a CSDL
// extension, and those directly in a directory.
func csdlFiles(paths []string) []string {
	isCSDL := func(name string) bool {
		switch strings.ToLower(filepath.Ext(name)) {
		case ".xml", ".edmx", ".csdl":
			return true
		}
		return false
	}
	var out []string
	seen := map[string]bool{}
	add := func(f string) {
		if !seen[f] {
			seen[f] = true
			out = append(out, f)
		}
	}
	for _, p := range paths {
		fi, err := os.Stat(p)
		switch {
		case err != nil:
		case fi.IsDir():
			entries, _ := os.ReadDir(p)
			for _, d := range entries {
				if !d.IsDir() && !strings.HasPrefix(d.Name(), ".") && isCSDL(d.Name()) {
					add(filepath.Join(p, d.Name()))
				}
			}
		case isCSDL(p):
			add(p)
		}
	}
	return out
}
