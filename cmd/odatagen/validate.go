package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"

	"github.com/odatagen/odatagen/generator"
	"github.com/odatagen/odatagen/spec"
	"github.com/odatagen/odatagen/validate"
)

func runValidate(e *env, args []string) error {
	fs := newFlagSet(e, "validate", "-spec INPUT [-spec INPUT]... -type NAME [-mode read|create|update] [-collection] PAYLOAD...")
	var specs multiFlag
	fs.Var(&specs, "spec", "spec `INPUT` (docs page, YAML, CSDL or directory; repeatable)")
	typeName := fs.String("type", "", "the type `NAME` to validate against, bare or namespace-qualified")
	modeName := fs.String("mode", "read", "`MODE`: read (a response), create (a POST body) or update (a PATCH body)")
	collection := fs.Bool("collection", false, "each payload is an OData collection response ({\"value\": [...]})")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	mode, err := validate.ParseMode(*modeName)
	switch {
	case err != nil:
		return usageError{err.Error()}
	case len(specs) == 0:
		return usageError{"no -spec INPUT given"}
	case *typeName == "":
		return usageError{"-type NAME is required"}
	case fs.NArg() == 0:
		return usageError{"no PAYLOAD given (use - for standard input)"}
	}
	s, err := loadSpec(e, specs)
	if err != nil {
		return err
	}
	qname, err := resolveType(s, *typeName)
	if err != nil {
		return err
	}
	set, err := schemaSet(s)
	if err != nil {
		return err
	}
	code := exitOK
	for _, name := range fs.Args() {
		data, err := readPayload(e, name)
		if err != nil {
			fmt.Fprintf(e.stderr, "%s: %v\n", name, err)
			return exitError{exitUsage}
		}
		if *collection {
			err = set.ValidateCollection(qname, mode, data)
		} else {
			err = set.Validate(qname, mode, data)
		}
		var verr *validate.Error
		switch {
		case err == nil:
		case errors.As(err, &verr):
			for _, p := range verr.Problems {
				if p.Pointer == "" { // the payload as a whole
					fmt.Fprintf(e.stdout, "%s: %s\n", name, p.Message)
				} else {
					fmt.Fprintf(e.stdout, "%s: %s: %s\n", name, p.Pointer, p.Message)
				}
			}
			code = exitBad
		default:
			fmt.Fprintf(e.stdout, "%s: %v\n", name, err)
			code = exitBad
		}
	}
	if code != exitOK {
		return exitError{code}
	}
	return nil
}

// schemaSet builds the validation runtime in-process from a spec: the same
// schema documents that generated packages embed.
func schemaSet(s *spec.Spec) (*validate.Set, error) {
	files, err := generator.Schemas(s, generator.SchemaOptions{})
	if err != nil {
		return nil, err
	}
	return validate.NewSet(files)
}

// resolveType finds the structured type a user named, bare or qualified
// (see spec.Index.ResolveUserName). A bare name that several namespaces of
// the same size declare is ambiguous: the error lists the qualified names.
func resolveType(s *spec.Spec, name string) (string, error) {
	q, candidates, ok := spec.NewIndex(s).ResolveUserName(name)
	switch {
	case ok:
		return q, nil
	case len(candidates) > 1:
		slices.Sort(candidates)
		return "", fmt.Errorf("type name %q is ambiguous: %s; give a qualified name", name, strings.Join(candidates, ", "))
	}
	return "", fmt.Errorf("no structured type %q in the spec", name)
}

func readPayload(e *env, name string) ([]byte, error) {
	if name == "-" {
		return io.ReadAll(e.stdin)
	}
	return os.ReadFile(name)
}
