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
func FilterModel(s *spec.Spec) (*filter.Model, error) {
	m, _, err := spec.Resolve(s, spec.ResolveOptions{})
	if err != nil {
		return nil, err
	}
	return filterModel(m), nil
}

// filterModel is FilterModel on a resolved model.
func filterModel(m *spec.Model) *filter.Model {
	fm := &filter.Model{
		Types:    make(map[string]*filter.Type, len(m.Types)),
		Enums:    make(map[string]*filter.Enum, len(m.Enums)),
		TypeDefs: make(map[string]string, len(m.TypeDefs)),
	}
	for _, t := range m.Types {
		fm.Types[t.QualifiedName()] = filterType(t)
	}
	for _, e := range m.Enums {
		fe := &filter.Enum{Name: e.QualifiedName(), Flags: e.Flags, Members: make([]string, len(e.Members))}
		for i, mem := range e.Members {
			fe.Members[i] = mem.Name
		}
		fm.Enums[e.QualifiedName()] = fe
	}
	for _, d := range m.TypeDefs {
		fm.TypeDefs[d.QualifiedName()] = d.UnderlyingType
	}
	return fm
}

// filterType is the filter table of one type: the properties it declares
// itself (the runtime finds inherited ones through Base), the first of a
// name twice.
func filterType(t *spec.Type) *filter.Type {
	ft := &filter.Type{Name: t.QualifiedName()}
	if t.Base != nil {
		ft.Base = t.Base.QualifiedName()
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
