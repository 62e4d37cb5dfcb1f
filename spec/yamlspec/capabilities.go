package yamlspec

import (
	"fmt"
	"reflect"
	"strconv"
	"unicode"
	"unicode/utf8"

	"github.com/odatagen/odatagen/spec"
	"gopkg.in/yaml.v3"
)

// This file writes and reads the query capabilities (spec.Capabilities and
// the records below it) of the container, entity sets, singletons, their
// navigation bindings and paths, types and navigation properties.
//
// Design choices:
//   - The capability records are plain data, so one reflective walk writes
//     and reads them all: each field is a key named as the Go field with a
//     lower-case first letter (FilterRestrictions' Filterable is
//     filterable, Capabilities' Sort is sort). A new field of those records
//     therefore needs no change here.
//   - Only stated facts are written: an Unstated Tristate, a zero int, an
//     empty string or list and a nil record are left out; yes and no are
//     written as true and false. A record whose values are all scalars or
//     lists of names is a flow mapping ({filterable: true, maxLevels: 1}).
//   - The embedded Capabilities of a RestrictedProperties entry are written
//     in the entry's own mapping, beside navigationProperty.
//   - Pos fields are not written; Read sets each record's Pos to its
//     mapping's position, and an embedded record gets its entry's.
//   - Unknown or repeated keys and values of the wrong kind are errors at
//     file:line:col, as everywhere in the reader.

var (
	posType      = reflect.TypeOf(spec.Pos{})
	tristateType = reflect.TypeOf(spec.Tristate(0))
)

// capKey is the YAML key of a capability record field.
func capKey(name string) string {
	r, n := utf8.DecodeRuneInString(name)
	return string(unicode.ToLower(r)) + name[n:]
}

// capsNode writes c, or returns nil when c is nil; a non-nil c that
// states nothing is {}, so that it reads back non-nil.
func capsNode(c *spec.Capabilities) *yaml.Node {
	if c == nil {
		return nil
	}
	if n := recordNode(reflect.ValueOf(c).Elem()); n != nil {
		return n
	}
	return newMap().flow().n
}

// recordNode writes the struct v as a mapping of its stated fields, nil
// when none is stated.
func recordNode(v reflect.Value) *yaml.Node {
	m := newMap()
	addRecordFields(m, v)
	if len(m.n.Content) == 0 {
		return nil
	}
	flow := true
	for i := 1; i < len(m.n.Content); i += 2 {
		c := m.n.Content[i]
		if c.Kind == yaml.MappingNode || c.Kind == yaml.SequenceNode && c.Style != yaml.FlowStyle {
			flow = false
		}
	}
	if flow {
		m.n.Style = yaml.FlowStyle
	}
	return m.n
}

func addRecordFields(m yamlMap, v reflect.Value) {
	t := v.Type()
	for i := 0; i < t.NumField(); i++ {
		f, fv := t.Field(i), v.Field(i)
		if f.Type == posType {
			continue
		}
		if f.Anonymous {
			addRecordFields(m, fv)
			continue
		}
		key := capKey(f.Name)
		switch {
		case f.Type == tristateType:
			switch spec.Tristate(fv.Int()) {
			case spec.Yes:
				m.add(key, &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!bool", Value: "true"})
			case spec.No:
				m.add(key, &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!bool", Value: "false"})
			}
		case f.Type.Kind() == reflect.Bool:
			m.boolean(key, fv.Bool())
		case f.Type.Kind() == reflect.Int:
			m.integer(key, fv.Int())
		case f.Type.Kind() == reflect.String:
			m.str(key, fv.String())
		case f.Type.Kind() == reflect.Slice && f.Type.Elem().Kind() == reflect.String:
			if fv.Len() > 0 {
				m.add(key, flowList(fv.Interface().([]string)))
			}
		case f.Type.Kind() == reflect.Slice: // of record pointers
			var items []*yaml.Node
			for j := 0; j < fv.Len(); j++ {
				e := fv.Index(j)
				if e.IsNil() {
					continue
				}
				n := recordNode(e.Elem())
				if n == nil {
					n = newMap().flow().n
				}
				items = append(items, n)
			}
			m.list(key, items)
		case f.Type.Kind() == reflect.Pointer:
			if !fv.IsNil() {
				n := recordNode(fv.Elem())
				if n == nil { // a record stated with nothing in it
					n = newMap().flow().n
				}
				m.add(key, n)
			}
		default:
			panic(fmt.Sprintf("yamlspec: capability field %s of type %s", f.Name, f.Type))
		}
	}
}

// capabilities reads a capabilities mapping; nil for an absent or null
// value.
func (r *yamlReader) capabilities(n *yaml.Node, what string) (*spec.Capabilities, error) {
	if n == nil || isNull(n) {
		return nil, nil
	}
	c := &spec.Capabilities{}
	if err := r.record(n, what, reflect.ValueOf(c).Elem()); err != nil {
		return nil, err
	}
	return c, nil
}

// recordKeys lists the keys of the struct type t, embedded fields'
// included.
func recordKeys(t reflect.Type, keys []string) []string {
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		switch {
		case f.Type == posType:
		case f.Anonymous:
			keys = recordKeys(f.Type, keys)
		default:
			keys = append(keys, capKey(f.Name))
		}
	}
	return keys
}

// record reads the mapping n into the struct v.
func (r *yamlReader) record(n *yaml.Node, what string, v reflect.Value) error {
	m, err := r.fields(n, what, recordKeys(v.Type(), nil)...)
	if err != nil {
		return err
	}
	return r.recordFields(n, m, what, v)
}

func (r *yamlReader) recordFields(n *yaml.Node, m map[string]*yaml.Node, what string, v reflect.Value) error {
	t := v.Type()
	for i := 0; i < t.NumField(); i++ {
		f, fv := t.Field(i), v.Field(i)
		if f.Type == posType {
			fv.Set(reflect.ValueOf(r.pos(n)))
			continue
		}
		if f.Anonymous {
			if err := r.recordFields(n, m, what, fv); err != nil {
				return err
			}
			continue
		}
		key := capKey(f.Name)
		vn := m[key]
		if vn == nil {
			continue
		}
		name := what + " " + key
		switch {
		case f.Type == tristateType:
			if isNull(vn) {
				continue
			}
			b, err := r.boolean(vn, name)
			if err != nil {
				return err
			}
			if b {
				fv.SetInt(int64(spec.Yes))
			} else {
				fv.SetInt(int64(spec.No))
			}
		case f.Type.Kind() == reflect.Bool:
			b, err := r.boolean(vn, name)
			if err != nil {
				return err
			}
			fv.SetBool(b)
		case f.Type.Kind() == reflect.Int:
			x, err := r.integer(vn, name, strconv.IntSize)
			if err != nil {
				return err
			}
			fv.SetInt(x)
		case f.Type.Kind() == reflect.String:
			s, err := r.str(vn, name)
			if err != nil {
				return err
			}
			fv.SetString(s)
		case f.Type.Kind() == reflect.Slice && f.Type.Elem().Kind() == reflect.String:
			items, err := r.list(vn, name)
			if err != nil {
				return err
			}
			var out []string
			for _, it := range items {
				s, err := r.str(it, name)
				if err != nil {
					return err
				}
				out = append(out, s)
			}
			fv.Set(reflect.ValueOf(out))
		case f.Type.Kind() == reflect.Slice:
			items, err := r.list(vn, name)
			if err != nil {
				return err
			}
			out := reflect.MakeSlice(f.Type, 0, len(items))
			for _, it := range items {
				e := reflect.New(f.Type.Elem().Elem())
				if err := r.record(it, name, e.Elem()); err != nil {
					return err
				}
				out = reflect.Append(out, e)
			}
			if len(items) > 0 {
				fv.Set(out)
			}
		case f.Type.Kind() == reflect.Pointer:
			if isNull(vn) {
				continue
			}
			e := reflect.New(f.Type.Elem())
			if err := r.record(vn, name, e.Elem()); err != nil {
				return err
			}
			fv.Set(e)
		}
	}
	return nil
}

// pathsNode writes PathCapabilities as a list of {path, capabilities}.
func pathsNode(ps []*spec.PathCapabilities) []*yaml.Node {
	var items []*yaml.Node
	for _, p := range ps {
		if p == nil {
			continue
		}
		m := newMap()
		m.add("path", strNode(p.Path))
		if n := capsNode(p.Capabilities); n != nil {
			m.add("capabilities", n)
		}
		items = append(items, m.n)
	}
	return items
}

// paths reads a list written by pathsNode.
func (r *yamlReader) paths(n *yaml.Node, what string) ([]*spec.PathCapabilities, error) {
	items, err := r.list(n, what)
	if err != nil {
		return nil, err
	}
	var out []*spec.PathCapabilities
	for _, it := range items {
		m, err := r.fields(it, what, "path", "capabilities")
		if err != nil {
			return nil, err
		}
		p := &spec.PathCapabilities{}
		if m["path"] == nil {
			return nil, r.errf(it, "%s: missing path", what)
		}
		if p.Path, err = r.str(m["path"], what+" path"); err != nil {
			return nil, err
		}
		if p.Capabilities, err = r.capabilities(m["capabilities"], what+" capabilities"); err != nil {
			return nil, err
		}
		out = append(out, p)
	}
	return out, nil
}

// bindingsNode writes navigation bindings as flow mappings {path, target}.
func bindingsNode(bs []spec.Binding) []*yaml.Node {
	var items []*yaml.Node
	for _, b := range bs {
		m := newMap().flow()
		m.add("path", strNode(b.Path))
		m.add("target", strNode(b.Target))
		items = append(items, m.n)
	}
	return items
}

// bindings reads a list written by bindingsNode; path and target are
// required.
func (r *yamlReader) bindings(n *yaml.Node) ([]spec.Binding, error) {
	items, err := r.list(n, "bindings")
	if err != nil {
		return nil, err
	}
	var out []spec.Binding
	for _, it := range items {
		m, err := r.fields(it, "binding", "path", "target")
		if err != nil {
			return nil, err
		}
		b := spec.Binding{Pos: r.pos(it)}
		for _, f := range []struct {
			key string
			dst *string
		}{{"path", &b.Path}, {"target", &b.Target}} {
			if m[f.key] == nil {
				return nil, r.errf(it, "binding: missing %s", f.key)
			}
			if *f.dst, err = r.str(m[f.key], "binding "+f.key); err != nil {
				return nil, err
			}
		}
		out = append(out, b)
	}
	return out, nil
}
