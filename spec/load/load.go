// Package load reads spec files (docs pages, YAML specs, CSDL documents, or
// directories of them) with the reader each one needs and merges them into
// one spec (Spec), or compares the CSDL among them with the docs (Drift).
// It lives apart from spec because it needs every reader, and every reader
// needs the spec model.
package load

import (
	"errors"
	"fmt"
	"path/filepath"
	"strings"

	"github.com/odatagen/odatagen/spec"
	"github.com/odatagen/odatagen/spec/csdl"
	"github.com/odatagen/odatagen/spec/markdown"
	"github.com/odatagen/odatagen/spec/yamlspec"
)

// A reader reads one input file into a spec.
type reader func(file string, src []byte) (*spec.Spec, []spec.Warning, error)

func readYAMLFile(file string, src []byte) (*spec.Spec, []spec.Warning, error) {
	s, err := yamlspec.Read(file, src)
	return s, nil, err
}

// loaders lists the file extensions Load reads, with their readers.
var loaders = []struct {
	ext  string
	read reader
}{
	{".md", markdown.Read},
	{".yaml", readYAMLFile},
	{".yml", readYAMLFile},
	{".xml", csdl.Read},
	{".edmx", csdl.Read},
	{".csdl", csdl.Read},
}

// readerFor returns the reader for a file name's extension (in any case),
// or nil.
func readerFor(name string) reader {
	ext := filepath.Ext(name)
	for _, l := range loaders {
		if strings.EqualFold(l.ext, ext) {
			return l.read
		}
	}
	return nil
}

func loadExts() string {
	exts := make([]string, len(loaders))
	for i, l := range loaders {
		exts[i] = l.ext
	}
	return strings.Join(exts, ", ")
}

// Spec reads spec files and merges them into one spec.
//
// Each path is a file or a directory. A file is read by its extension:
// .md as a Microsoft Graph docs page (markdown.Read), .yaml and .yml as the
// YAML form (yamlspec.Read), .xml, .edmx and .csdl as CSDL XML (csdl.Read). A file
// with another extension is an error. A directory contributes the files
// directly in it that have one of those extensions, in name order; it skips
// subdirectories and names starting with a dot, and it is an error for it
// to hold none. A file named twice is read once.
//
// CSDL documents are read first and give the skeleton; docs pages and YAML
// files then add their facts, in the order given (see spec.Overlay, and spec.Merge:
// the first source of a fact wins). The warnings are the readers', file by
// file, then the merge's. A docs page that describes no type (an overview
// or conceptual page) reads as nothing, with one WarnSkippedPage warning.
//
// A file that cannot be read does not stop the others. When some fail,
// Load returns an *InputErrors listing every failure, each naming its
// file and the position in it when there is one, together with the spec
// merged from the files that could be read (so a caller can report the
// failures and go on). Any other error (no inputs, a path that does not
// exist, a directory without spec files) comes with a nil spec.
//
// The merged spec must not have base type cycles nor inheritance deeper
// than DefaultMaxInheritance (see SpecWith to change it): such a spec is
// an error at the type's position.
func Spec(paths ...string) (*spec.Spec, []spec.Warning, error) {
	return SpecWith(Options{}, paths...)
}

// Options are the options of SpecWith.
type Options struct {
	// MaxInheritance is the most base types a type may have;
	// 0 means DefaultMaxInheritance. See Index.CheckInheritance.
	MaxInheritance int
}

// SpecWith is Spec with options.
func SpecWith(opts Options, paths ...string) (*spec.Spec, []spec.Warning, error) {
	if len(paths) == 0 {
		return nil, nil, errors.New("load: no input files")
	}
	csdl, docs, warnings, err := readInputs(paths)
	var failed *InputErrors
	if err != nil && !errors.As(err, &failed) {
		return nil, warnings, err
	}
	s, ws := spec.Overlay(csdl, docs)
	warnings = append(warnings, ws...)
	if err := spec.NewIndex(s).CheckInheritance(s.Types, opts.MaxInheritance); err != nil {
		return nil, warnings, err
	}
	if failed != nil {
		return s, warnings, failed
	}
	return s, warnings, nil
}

// fileError makes sure err names file.
func fileError(file string, err error) error {
	var pe *spec.Error
	if errors.As(err, &pe) && pe.Pos.File == file {
		return err
	}
	if strings.HasPrefix(err.Error(), file+":") {
		return err
	}
	return fmt.Errorf("%s: %w", file, err)
}
