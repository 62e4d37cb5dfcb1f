// Package schemaset validates OData JSON payloads with the JSON Schema
// documents that odatagen generates, running them with
// github.com/santhosh-tekuri/jsonschema/v6: the reference validator, which
// the tests hold validate.Plan to (the same verdicts and the same
// problems, word for word), and a way to check payloads against documents
// without a Plan, e.g. documents edited by hand. Generated packages and
// the odatagen command use validate.Plan; they do not import this
// package, so that programs using them do not pull in jsonschema and
// golang.org/x/text.
//
// # Schemas
//
// There is one JSON Schema (draft 2020-12) document per structured type
// per validate.Mode, named validate.SchemaFile(type, mode) and with $id
// validate.SchemaID(type, mode); documents refer to each other by file
// name, so they work the same from a directory, an embed.FS or a map.
//
// A Set holds the documents as data (New from a map, NewFS from an fs.FS
// such as a generated package's embedded files) and compiles them lazily:
// a (type, mode) is compiled on its first validation, with the documents
// it references, and cached. Creating a Set reads nothing. A Set is safe
// for concurrent use.
//
// Format assertions are on. Besides JSON Schema's "date-time", "date" and
// "uuid", the Set knows "time-of-day" (Edm.TimeOfDay), "duration"
// (Edm.Duration, replacing JSON Schema's with OData's spelling) and
// "base64url" (Edm.Binary), with the meanings validate.Plan checks.
//
// # Errors
//
// The errors are validate's: a *validate.JSONError for a payload that is
// not acceptable JSON (it does not parse, repeats a member name, or is over
// the size limit, validate.DefaultMaxSize unless MaxSize says otherwise),
// a *validate.Error listing every leaf problem (jsonschema's nested causes
// flattened, duplicates dropped, ordered by pointer), worded from the
// x-odata-* keywords of the documents (validate.Keywords).
package schemaset

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/odatagen/odatagen/validate"
	"github.com/odatagen/odatagen/validate/internal/jsonvalue"
	"github.com/santhosh-tekuri/jsonschema/v6"
)

// Set is a set of schema documents, named by validate.SchemaFile, that validates
// payloads. Documents are parsed and compiled lazily, the first time a
// (type, mode) is validated, together with the documents its schema
// references; the result is cached. A Set is safe for concurrent use.
//
// Format assertions are on: a date-time that is not RFC 3339 is an error,
// not an annotation. See the package documentation for the formats.
type Set struct {
	maxSize int64
	files   map[string][]byte // nil when reading from fsys
	fsys    fs.FS

	mu       sync.Mutex // guards compiler
	compiler *jsonschema.Compiler

	docs     sync.Map // URL without fragment -> parsed document (any)
	compiled sync.Map // cacheKey -> *compiled

	namesOnce sync.Once
	names     []string // qualified type names of all files, sorted
	namesErr  error
}

type cacheKey struct {
	typ  string
	mode validate.Mode
}

type compiled struct {
	typ    string // the qualified name
	schema *jsonschema.Schema
	err    error
}

// Option configures a Set.
type Option func(*Set)

// MaxSize sets the payload size limit in bytes (validate.DefaultMaxSize
// when not set). Larger payloads are refused with a *validate.JSONError
// before parsing.
func MaxSize(n int64) Option {
	return func(s *Set) {
		if n > 0 {
			s.maxSize = n
		}
	}
}

// New returns a Set of the given documents, keyed by file name
// (validate.SchemaFile or validate.EnumSchemaFile). Names that do not
// follow the convention are an error; the documents themselves are only
// read when first needed.
func New(files map[string][]byte, opts ...Option) (*Set, error) {
	var bad []string
	for name := range files {
		if _, _, ok := validate.ParseSchemaFile(name); !ok && !isEnumSchemaFile(name) {
			bad = append(bad, name)
		}
	}
	if len(bad) > 0 {
		sort.Strings(bad)
		return nil, fmt.Errorf("validate: file names not made by SchemaFile: %s", strings.Join(bad, ", "))
	}
	s := newSet(opts)
	s.files = files
	return s, nil
}

// NewFS returns a Set reading the documents from the root directory of
// fsys, typically an embed.FS of a generated package:
//
//	//go:embed *.schema.json
//	var schemaFS embed.FS
//	var Schemas = schemaset.NewFS(schemaFS)
//
// Nothing is read until the first validation, so this is cheap at init even
// for thousands of documents.
func NewFS(fsys fs.FS, opts ...Option) *Set {
	s := newSet(opts)
	s.fsys = fsys
	return s
}

func newSet(opts []Option) *Set {
	s := &Set{maxSize: validate.DefaultMaxSize}
	for _, o := range opts {
		o(s)
	}
	c := jsonschema.NewCompiler()
	c.DefaultDraft(jsonschema.Draft2020)
	c.AssertFormat()
	for _, f := range customFormats {
		c.RegisterFormat(f)
	}
	c.UseLoader(loader{s})
	s.compiler = c
	return s
}

// readFile returns the bytes of a schema file.
func (s *Set) readFile(name string) ([]byte, error) {
	if s.files != nil {
		b, ok := s.files[name]
		if !ok {
			return nil, fs.ErrNotExist
		}
		return b, nil
	}
	return fs.ReadFile(s.fsys, name)
}

func (s *Set) hasFile(name string) bool {
	if s.files != nil {
		_, ok := s.files[name]
		return ok
	}
	_, err := fs.Stat(s.fsys, name)
	return err == nil
}

// Types returns the qualified names of the types the Set has schemas for,
// sorted.
func (s *Set) Types() ([]string, error) {
	s.namesOnce.Do(s.listNames)
	return slices.Clone(s.names), s.namesErr
}

func (s *Set) listNames() {
	var files []string
	if s.files != nil {
		for name := range s.files {
			files = append(files, name)
		}
	} else {
		entries, err := fs.ReadDir(s.fsys, ".")
		if err != nil {
			s.namesErr = fmt.Errorf("validate: listing schemas: %w", err)
			return
		}
		for _, e := range entries {
			files = append(files, e.Name())
		}
	}
	for _, f := range files {
		if q, _, ok := validate.ParseSchemaFile(f); ok {
			s.names = append(s.names, q)
		}
	}
	sort.Strings(s.names)
	s.names = slices.Compact(s.names)
}

// resolve finds the qualified type name a caller means, by odatagen's one
// rule (validate.ResolveTypeName) over the types the Set has documents for.
func (s *Set) resolve(typeName string, mode validate.Mode) (string, error) {
	if s.hasFile(validate.SchemaFile(typeName, mode)) {
		return typeName, nil
	}
	s.namesOnce.Do(s.listNames)
	if s.namesErr != nil {
		return "", s.namesErr
	}
	q, candidates, ok := validate.ResolveTypeName(typeName, s.names, nil)
	switch {
	case ok && s.hasFile(validate.SchemaFile(q, mode)):
		return q, nil
	case !ok && len(candidates) > 1:
		return "", fmt.Errorf("validate: type name %q is ambiguous: %s", typeName, strings.Join(candidates, ", "))
	}
	return "", fmt.Errorf("validate: no %s schema for type %q", mode, typeName)
}

// schema returns the compiled schema of a type in a mode, and the type's
// qualified name.
func (s *Set) schema(typeName string, mode validate.Mode) (*jsonschema.Schema, string, error) {
	if v, ok := s.compiled.Load(cacheKey{typeName, mode}); ok {
		c := v.(*compiled)
		return c.schema, c.typ, c.err
	}
	q, err := s.resolve(typeName, mode)
	if err != nil {
		return nil, "", err
	}
	c := s.compileOnce(q, mode)
	if q != typeName {
		s.compiled.Store(cacheKey{typeName, mode}, c) // remember the alias
	}
	return c.schema, c.typ, c.err
}

func (s *Set) compileOnce(q string, mode validate.Mode) *compiled {
	if v, ok := s.compiled.Load(cacheKey{q, mode}); ok {
		return v.(*compiled)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if v, ok := s.compiled.Load(cacheKey{q, mode}); ok { // compiled while we waited
		return v.(*compiled)
	}
	sch, err := s.compile(validate.SchemaID(q, mode))
	if err != nil {
		err = fmt.Errorf("validate: compiling %s: %w", validate.SchemaFile(q, mode), err)
	}
	c := &compiled{typ: q, schema: sch, err: err}
	s.compiled.Store(cacheKey{q, mode}, c)
	return c
}

// compile compiles one document, never panicking.
func (s *Set) compile(id string) (sch *jsonschema.Schema, err error) {
	defer func() {
		if r := recover(); r != nil {
			sch, err = nil, fmt.Errorf("compiler panic: %v", r)
		}
	}()
	return s.compiler.Compile(id)
}

// loader loads schema documents from the Set's files by $id.
type loader struct{ s *Set }

func (l loader) Load(u string) (any, error) {
	name, ok := strings.CutPrefix(u, validate.IDBase)
	if !ok || strings.Contains(name, "/") {
		return nil, fmt.Errorf("not a schema of this set (its $id must start with %s)", validate.IDBase)
	}
	b, err := l.s.readFile(name)
	if err != nil {
		return nil, err
	}
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(b))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	if m, ok := doc.(map[string]any); ok {
		if id, ok := m["$id"].(string); ok && id != u {
			return nil, fmt.Errorf("%s: $id is %q, want %q", name, id, u)
		}
	}
	l.s.docs.Store(u, doc)
	return doc, nil
}

// node returns the schema object at an absolute schema location and the
// root of its document.
func (s *Set) node(location string) (node, root map[string]any) {
	u, frag, _ := strings.Cut(location, "#")
	doc, ok := s.docs.Load(u)
	if !ok {
		return nil, nil
	}
	root, _ = doc.(map[string]any)
	node, _ = resolveFragment(doc, frag)
	return node, root
}

// Validate checks a payload of the type (qualified, or a simple name that
// one type of the Set has) in a mode. It returns nil, a
// *validate.JSONError when data is not acceptable JSON, a *validate.Error
// listing every problem, or another error when the Set has no usable
// schema for the type.
func (s *Set) Validate(typeName string, mode validate.Mode, data []byte) error {
	v, err := parseJSON(data, s.maxSize)
	if err != nil {
		return err
	}
	sch, q, err := s.schema(typeName, mode)
	if err != nil {
		return err
	}
	r := &reporter{set: s, mode: mode}
	r.check(sch, v, nil)
	if len(r.problems) == 0 {
		return nil
	}
	return &validate.Error{Type: q, Mode: mode, Problems: r.finish()}
}

// check validates one value, adding its problems with pointers under
// prefix.
func (r *reporter) check(sch *jsonschema.Schema, v any, prefix []string) {
	err := safeValidate(sch, v)
	if err == nil {
		return
	}
	r.value, r.prefix = v, prefix
	var verr *jsonschema.ValidationError
	if errors.As(err, &verr) {
		r.collect(verr)
		return
	}
	r.add(nil, validate.Other, "", "", err.Error())
}

func safeValidate(sch *jsonschema.Schema, v any) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("validator panic: %v", r)
		}
	}()
	return sch.Validate(v)
}

// ValidateCollection checks an OData collection response: an object whose
// "value" member is an array of the type, validated item by item (problems
// point into /value/i/...), beside the control information @odata.context,
// @odata.nextLink, @odata.deltaLink (strings) and @odata.count (an
// integer). Any other member must be an instance annotation (its name
// holds "@").
func (s *Set) ValidateCollection(typeName string, mode validate.Mode, data []byte) error {
	v, err := parseJSON(data, s.maxSize)
	if err != nil {
		return err
	}
	sch, q, err := s.schema(typeName, mode)
	if err != nil {
		return err
	}
	r := &reporter{set: s, mode: mode}
	obj, ok := v.(map[string]any)
	if !ok {
		found := describe(v)
		r.add(nil, validate.WrongType, "collection response object", found, "expected a collection response object with a value array, found "+found)
		return &validate.Error{Type: q, Mode: mode, Collection: true, Problems: r.finish()}
	}
	names := make([]string, 0, len(obj))
	for k := range obj {
		names = append(names, k)
	}
	sort.Strings(names)
	for _, k := range names {
		val := obj[k]
		switch k {
		case "value":
		case "@odata.context", "@odata.nextLink", "@odata.deltaLink":
			if _, ok := val.(string); !ok {
				found := describe(val)
				r.add([]string{k}, validate.WrongType, "string", found, "expected string, found "+found)
			}
		case "@odata.count":
			n, ok := val.(json.Number)
			if _, err := strconv.ParseInt(string(n), 10, 64); !ok || err != nil {
				found := describe(val)
				r.add([]string{k}, validate.WrongType, "Edm.Int64", found, "expected Edm.Int64, found "+found)
			}
		default:
			if !strings.Contains(k, "@") {
				r.add([]string{k}, validate.Unknown, "value or an annotation", "member "+k,
					"unknown member "+k+" (a collection response has value and annotations only)")
			}
		}
	}
	items, ok := obj["value"]
	switch arr, isArr := items.([]any); {
	case !ok:
		r.add(nil, validate.Missing, "member value", "", "missing required member value")
	case !isArr:
		found := describe(items)
		r.add([]string{"value"}, validate.WrongType, "Collection("+q+")", found, "expected Collection("+q+"), found "+found)
	default:
		for i, item := range arr {
			r.check(sch, item, []string{"value", strconv.Itoa(i)})
		}
	}
	if len(r.problems) == 0 {
		return nil
	}
	return &validate.Error{Type: q, Mode: mode, Collection: true, Problems: r.finish()}
}

// parseJSON reads a payload into the value tree that jsonschema
// validates, refusing what validate.Plan refuses.
func parseJSON(data []byte, maxSize int64) (any, error) {
	v, jerr := jsonvalue.Parse(data, maxSize)
	if jerr != nil {
		return nil, (*validate.JSONError)(jerr)
	}
	return v, nil
}

// isEnumSchemaFile reports whether name was made by
// validate.EnumSchemaFile.
func isEnumSchemaFile(name string) bool {
	rest, ok := strings.CutSuffix(name, validate.EnumSchemaFile(""))
	return ok && rest != ""
}
