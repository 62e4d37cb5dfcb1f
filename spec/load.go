package spec

import (
	"errors"
	"fmt"
	"path/filepath"
	"strings"
)

// A reader reads one input file into a spec.
type reader func(file string, src []byte) (*Spec, []Warning, error)

func readYAMLFile(file string, src []byte) (*Spec, []Warning, error) {
	s, err := ReadYAML(file, src)
	return s, nil, err
}

// loaders lists the file extensions Load reads, with their readers.
var loaders = []struct {
	ext  string
	read reader
}{
	{".md", ReadMarkdown},
	{".yaml", readYAMLFile},
	{".yml", readYAMLFile},
	{".xml", ReadCSDL},
	{".edmx", ReadCSDL},
	{".csdl", ReadCSDL},
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

// Load reads spec files and merges them into one spec.
//
// Each path is a file or a directory. A file is read by its extension:
// .md as a Microsoft Graph docs page (ReadMarkdown), .yaml and .yml as the
// YAML form (ReadYAML), .xml, .edmx and .csdl as CSDL XML (ReadCSDL). A file
// with another extension is an error. A directory contributes the files
// directly in it that have one of those extensions, in name order; it skips
// subdirectories and names starting with a dot, and it is an error for it
// to hold none. A file named twice is read once.
//
// CSDL documents are read first and give the skeleton; docs pages and YAML
// files then add their facts, in the order given (see Overlay, and Merge:
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
// than DefaultMaxInheritance (see LoadWith to change it): such a spec is
// an error at the type's position.
func Load(paths ...string) (*Spec, []Warning, error) {
	return LoadWith(LoadOptions{}, paths...)
}

// LoadOptions are the options of LoadWith.
type LoadOptions struct {
	// MaxInheritance is the most base types a type may have;
	// 0 means DefaultMaxInheritance. See Index.CheckInheritance.
	MaxInheritance int
}

// LoadWith is Load with options.
func LoadWith(opts LoadOptions, paths ...string) (*Spec, []Warning, error) {
	if len(paths) == 0 {
		return nil, nil, errors.New("spec: Load: no input files")
	}
	csdl, docs, warnings, err := readInputs(paths)
	var failed *InputErrors
	if err != nil && !errors.As(err, &failed) {
		return nil, warnings, err
	}
	s, ws := Overlay(csdl, docs)
	warnings = append(warnings, ws...)
	if err := NewIndex(s).CheckInheritance(s.Types, opts.MaxInheritance); err != nil {
		return nil, warnings, err
	}
	if failed != nil {
		return s, warnings, failed
	}
	return s, warnings, nil
}

// fileError makes sure err names file.
func fileError(file string, err error) error {
	var pe *Error
	if errors.As(err, &pe) && pe.Pos.File == file {
		return err
	}
	if strings.HasPrefix(err.Error(), file+":") {
		return err
	}
	return fmt.Errorf("%s: %w", file, err)
}
