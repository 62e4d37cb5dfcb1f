package main

import (
	"os"
	"path/filepath"

	"github.com/odatagen/odatagen/spec/yamlspec"
)

func runSpec(e *env, args []string) error {
	fs := newFlagSet(e, "spec", "[-o FILE] INPUT...")
	out := fs.String("o", "", "write the YAML to `FILE` instead of standard output")
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
	data, err := yamlspec.Write(s)
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
