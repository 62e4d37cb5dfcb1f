package load

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/odatagen/odatagen/spec"
)

// isCSDLFile reports whether a file name has one of the CSDL extensions
// (.xml, .edmx, .csdl, in any case). Every other input Load reads (docs
// pages, YAML) is on the docs side of Overlay and Drift.
func isCSDLFile(name string) bool {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".xml", ".edmx", ".csdl":
		return true
	}
	return false
}

// inputFiles expands paths the way Load does: a file stands for itself
// (and must have a known extension), a directory for the spec files
// directly in it, and a directory followed by "/..." for the spec files
// anywhere below it, as in the go command's patterns, each in name order
// (a directory must hold one). A file named twice counts once.
func inputFiles(paths []string) ([]string, error) {
	if len(paths) == 0 {
		return nil, errors.New("load: no input files")
	}
	var files []string
	seen := map[string]bool{}
	for _, p := range paths {
		fs, err := ExpandPath(p, func(name string) bool { return readerFor(name) != nil })
		if err != nil {
			return nil, err
		}
		if len(fs) == 1 && fs[0] == p && readerFor(p) == nil {
			return nil, fmt.Errorf("%s: unknown kind of spec file (want %s)", p, loadExts())
		}
		if len(fs) == 0 {
			dir, _ := strings.CutSuffix(p, "/...")
			return nil, fmt.Errorf("%s: no spec files in the directory (want %s)", dir, loadExts())
		}
		for _, f := range fs {
			if c := filepath.Clean(f); !seen[c] {
				seen[c] = true
				files = append(files, f)
			}
		}
	}
	return files, nil
}

// ExpandPath lists the files that one input path names: a file stands for
// itself, whatever its name; a directory for the files directly in it that
// match accepts; a directory followed by "/..." ("docs/v1.0/...", as in the
// go command's patterns) for the files that match anywhere below it.
// Directory entries whose names start with "." are skipped, and so is every
// directory below one; symbolic links to directories are not followed.
// Files come in lexical order of their paths.
func ExpandPath(p string, match func(name string) bool) ([]string, error) {
	root, recursive := strings.CutSuffix(filepath.ToSlash(p), "/...")
	if recursive {
		root = filepath.FromSlash(root)
		if root == "" {
			root = "."
		}
	} else {
		root = p
	}
	fi, err := os.Stat(root)
	if err != nil {
		return nil, err // *PathError names the path
	}
	if !fi.IsDir() {
		if recursive {
			return nil, fmt.Errorf("%s: not a directory (a path ending in /... names the files below a directory)", root)
		}
		return []string{p}, nil
	}
	var files []string
	err = filepath.WalkDir(root, func(path string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if path == root {
			return nil
		}
		if strings.HasPrefix(d.Name(), ".") || d.IsDir() && !recursive {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if !d.IsDir() && d.Type().IsRegular() && match(d.Name()) {
			files = append(files, path)
		}
		return nil
	})
	return files, err
}

// readInputs reads the files that paths name (see inputFiles) and sorts
// the specs into the CSDL side and the docs side, each in input order. The
// warnings are the readers', file by file. A file that cannot be read
// does not stop the others: every failure is collected into one
// *InputErrors, returned with the specs of the files that could be read.
func readInputs(paths []string) (csdl, docs []*spec.Spec, warnings []spec.Warning, err error) {
	files, err := inputFiles(paths)
	if err != nil {
		return nil, nil, nil, err
	}
	var failed InputErrors
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			failed.Errs = append(failed.Errs, err)
			continue
		}
		s, ws, err := readerFor(f)(f, src)
		warnings = append(warnings, ws...)
		if err != nil {
			failed.Errs = append(failed.Errs, fileError(f, err))
			continue
		}
		if isCSDLFile(f) {
			csdl = append(csdl, s)
		} else {
			docs = append(docs, s)
		}
	}
	if len(failed.Errs) > 0 {
		return csdl, docs, warnings, &failed
	}
	return csdl, docs, warnings, nil
}

// Inputs reads the files that paths name, as Spec does, and returns their
// specs unmerged, sorted into the CSDL side (.xml, .edmx, .csdl) and the
// docs side (docs pages and YAML), each in input order, for spec.Overlay
// and spec.Drift. An *InputErrors comes with the specs of the files that
// could be read.
func Inputs(paths ...string) (csdl, docs []*spec.Spec, warnings []spec.Warning, err error) {
	return readInputs(paths)
}

// InputErrors lists every input file that could not be read, each error
// naming its file (and the position in it, when there is one). Spec and
// Drift return it together with the result of the inputs that could
// be read, so that a caller may report the failures and go on.
type InputErrors struct {
	Errs []error
}

func (e *InputErrors) Error() string {
	if len(e.Errs) == 1 {
		return e.Errs[0].Error()
	}
	msgs := make([]string, len(e.Errs))
	for i, err := range e.Errs {
		msgs[i] = err.Error()
	}
	return fmt.Sprintf("%d inputs could not be read:\n%s", len(e.Errs), strings.Join(msgs, "\n"))
}

// Unwrap returns the errors, for errors.Is and errors.As.
func (e *InputErrors) Unwrap() []error { return e.Errs }

// Drift reads the inputs as Spec does and compares the CSDL documents
// among them (.xml, .edmx, .csdl) with the docs pages and YAML files (see
// Drift). The warnings are the readers'. An *InputErrors means some inputs
// could not be read; the findings are then those of the others. Any other
// error means nothing could be compared.
func Drift(paths ...string) ([]spec.Finding, []spec.Warning, error) {
	csdl, docs, warnings, err := readInputs(paths)
	var failed *InputErrors
	if err != nil && !errors.As(err, &failed) {
		return nil, warnings, err
	}
	return spec.Drift(csdl, docs), warnings, err
}
