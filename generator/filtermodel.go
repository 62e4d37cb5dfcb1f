package generator

import (
	"github.com/odatagen/odatagen/spec"
	"github.com/odatagen/odatagen/validate/filter"
)

// FilterModel builds the $filter capability table of s: the data that
// generated packages hold as a Go literal and that the command line builds
// in memory, so that both run the same checker on the same facts.
//
// A base type that s does not define is left out of the table (docs pages
// repeat inherited properties, so the derived type has them itself).
func FilterModel(s *spec.Spec) *filter.Model {
	ix := spec.NewIndex(s)
	m := &filter.Model{
		Types:    make(map[string]*filter.Type, len(s.Types)),
		Enums:    make(map[string]*filter.Enum, len(s.Enums)),
		TypeDefs: make(map[string]string, len(s.TypeDefs)),
	}
	for _, t := range s.Types {
		q := t.QualifiedName()
		if m.Types[q] != nil {
			continue // Merge reports duplicates; the first one wins everywhere.
		}
		m.Types[q] = filterType(ix, t)
	}
	for _, e := range s.Enums {
		q := e.QualifiedName()
		if m.Enums[q] != nil {
			continue
		}
		fe := &filter.Enum{Name: q, Flags: e.Flags, Members: make([]string, len(e.Members))}
		for i, mem := range e.Members {
			fe.Members[i] = mem.Name
		}
		m.Enums[q] = fe
	}
	for _, d := range s.TypeDefs {
		m.TypeDefs[d.QualifiedName()] = d.UnderlyingType
	}
	return m
}

func filterType(ix *spec.Index, t *spec.StructuredType) *filter.Type {
	ft := &filter.Type{Name: t.QualifiedName()}
	if ix.Type(t.BaseType) != nil {
		ft.Base = t.BaseType
	}
	add := func(p *spec.Property, nav bool) {
		for _, have := range ft.Properties {
			if have.Name == p.Name {
				return
			}
		}
		ft.Properties = append(ft.Properties, &filter.Property{
			Name:       p.Name,
			Type:       p.Type.Name,
			Collection: p.Type.Collection,
			Navigation: nav,
			Filter:     filterSupport(p.Filter),
		})
	}
	for _, p := range t.Properties {
		add(p, false)
	}
	for _, p := range t.NavigationProperties {
		add(p, true)
	}
	return ft
}

func filterSupport(f *spec.FilterSupport) *filter.Support {
	if f == nil {
		return nil
	}
	s := &filter.Support{Null: f.Null, Count: f.Count}
	for _, op := range f.Ops {
		s.Ops = append(s.Ops, filter.Op(op))
	}
	return s
}
