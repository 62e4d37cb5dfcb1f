package main

import (
	"fmt"
	"strings"

	"github.com/odatagen/odatagen/generator"
)

// runGenerate is the generate command: it loads and merges the INPUTs and
// writes the generated Go package (named by -pkg, else after the base name
// of -o) into -o. The -type names, if any, narrow what is generated to
// those types and what they need, and are the types whose load warnings
// are printed in full. The generator's notes go to standard error; a usage,
// load, generation or write error is returned (exit 2).
func runGenerate(e *env, args []string) error {
	fs := newFlagSet(e, "generate", "-o DIR [-pkg NAME] [-type NAME]... [-allow-unresolved] [-compact] INPUT...")
	out := fs.String("o", "", "write the generated package into `DIR` (required)")
	pkg := fs.String("pkg", "", "Go package `NAME` (default: the base name of DIR)")
	var types multiFlag
	fs.Var(&types, "type", "generate only type `NAME` and what it needs: base, derived and property types (repeatable)")
	allowUnresolved := fs.Bool("allow-unresolved", false, "use json.RawMessage for types no input defines, instead of failing")
	compact := fs.Bool("compact", false, "leave out the per-type Validate/Check functions, typed filter builders and edm.Nullable for enum\nand complex properties (the generic Validate[T] and CheckFilter[T] remain)")
	maxCost := fs.Int("max-cost", 0, "the generation `BUDGET` (default 120000; Microsoft Graph v1.0 costs about 58000): a spec that costs more is refused")
	maxDepth := fs.Int("max-inheritance", 0, "the most base types a type may have (default 64)")
	var lf loadFlags
	lf.register(fs)
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if *out == "" {
		return usageError{"-o DIR is required"}
	}
	if fs.NArg() == 0 {
		return usageError{"no INPUT given"}
	}
	if *pkg == "" {
		*pkg = defaultPackage(*out)
	}
	lf.maxInheritance = *maxDepth
	s, err := loadSpec(e, lf, fs.Args(), namedTypes(types...))
	if err != nil {
		return err
	}
	res, err := generator.Generate(s, generator.Options{
		Package:         *pkg,
		Source:          strings.Join(fs.Args(), " "),
		AllowUnresolved: *allowUnresolved,
		Types:           types,
		Compact:         *compact,
		MaxInheritance:  *maxDepth,
		MaxCost:         *maxCost,
	})
	if err != nil {
		return err
	}
	for _, n := range res.Notes {
		fmt.Fprintln(e.stderr, n)
	}
	return generator.WriteDir(*out, res.Files)
}

// defaultPackage derives a package name from the output directory.
func defaultPackage(dir string) string {
	dir = strings.TrimRight(dir, "/")
	if i := strings.LastIndexByte(dir, '/'); i >= 0 {
		dir = dir[i+1:]
	}
	var b strings.Builder
	for _, r := range strings.ToLower(dir) {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' && b.Len() > 0 {
			b.WriteRune(r)
		}
	}
	if b.Len() == 0 {
		return "odata"
	}
	return b.String()
}
