package spec

import "strings"

// Docs pages write the type of a property that holds any JSON value as
// "Json", which the readers take as Edm.Untyped; Microsoft Graph's CSDL
// names the same thing microsoft.graph.Json, an empty complex type (see
// Type.AnyJSON). A property typed one way in one source and the other way
// in another is one fact, not a disagreement: neither Merge nor Drift
// reports it.

// emptyJSONType reports whether t is a complex type named Json with no
// properties and no base type, the CSDL's way to say "any JSON value".
func emptyJSONType(t *StructuredType) bool {
	return t != nil && t.Name == "Json" && t.Kind == ComplexKind && !t.Abstract && t.BaseType == "" &&
		len(t.Properties)+len(t.NavigationProperties) == 0
}

// untypedJSON reports whether a and b are Edm.Untyped and a type that
// isJSON says is an empty Json complex type (emptyJSONType), in either
// order, both single values or both collections.
func untypedJSON(a, b TypeRef, isJSON func(name string) bool) bool {
	if a.Collection != b.Collection {
		return false
	}
	if strings.EqualFold(b.Name, "Edm.Untyped") {
		a, b = b, a
	}
	return strings.EqualFold(a.Name, "Edm.Untyped") && isJSON(b.Name)
}

// declaredJSON reports whether every declaration of the type q names in
// the inputs of the merge is an empty Json complex type (emptyJSONType).
// It holds from the start of the merge, before the type is merged.
func (m *merger) declaredJSON(q string) bool {
	d := m.decls[strings.ToLower(q)]
	return d != nil && d.what == "type" && d.json && !d.notJSON
}
