package main

import (
	"os"
	"path/filepath"

	"github.com/odatagen/odatagen/spec/yamlspec"
)

func runSpec(e *env, args []string) error {
	fs := newFlagSet(e, "spec", "[-o FILE] [-sources] INPUT...")
	out := fs.String("o", "", "write the YAML to `FILE` instead of standard output")
	sources := fs.Bool("sources", false, "write where each fact came from: under sources: of each property, the file:line:col\n"+
		"of the docs table cell, CSDL element or annotation, or YAML key that stated it (and of the\n"+
		"inputs that also did), and of each type where it was declared; reading the YAML back ignores them")
	var lf loadFlags
	lf.register(fs)
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		return usageError{"no INPUT given"}
	}
	s, err := loadSpec(e, lf, fs.Args(), nil)
	if err != nil {
		return err
	}
	data, err := yamlspec.WriteWith(s, yamlspec.WriteOptions{Sources: *sources})
	if err != nil {
		return err
	}
	if *out == "" {
		_, err = e.stdout.Write(data)
		return err
	}
	return writeFileAtomic(*out, data)
}

// writeFileAtomic writes data to name through a temporary file in the same
// directory, so that readers never see a half-written file.
func writeFileAtomic(name string, data []byte) error {
	f, err := os.CreateTemp(filepath.Dir(name), ".odatagen-*")
	if err != nil {
		return err
	}
	tmp := f.Name()
	_, err = f.Write(data)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Chmod(tmp, 0o644)
	}
	if err == nil {
		err = os.Rename(tmp, name)
	}
	if err != nil {
		os.Remove(tmp)
	}
	return err
}
