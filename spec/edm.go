package spec

import "strings"

// Primitives lists the Edm primitive types odatagen knows, by qualified name.
var Primitives = []string{
	"Edm.Binary", "Edm.Boolean", "Edm.Byte", "Edm.Date", "Edm.DateTimeOffset",
	"Edm.Decimal", "Edm.Double", "Edm.Duration", "Edm.Guid", "Edm.Int16",
	"Edm.Int32", "Edm.Int64", "Edm.SByte", "Edm.Single", "Edm.Stream",
	"Edm.String", "Edm.TimeOfDay", "Edm.Untyped",
	// Geography and geometry types are carried as GeoJSON.
	"Edm.Geography", "Edm.GeographyPoint", "Edm.GeographyLineString",
	"Edm.GeographyPolygon", "Edm.GeographyMultiPoint",
	"Edm.GeographyMultiLineString", "Edm.GeographyMultiPolygon",
	"Edm.GeographyCollection", "Edm.Geometry", "Edm.GeometryPoint",
	"Edm.GeometryLineString", "Edm.GeometryPolygon", "Edm.GeometryMultiPoint",
	"Edm.GeometryMultiLineString", "Edm.GeometryMultiPolygon",
	"Edm.GeometryCollection",
}

// primitiveAliases maps the lower-cased spellings that docs pages use to Edm
// names. Every Edm name is also reachable without its "Edm." prefix.
var primitiveAliases = map[string]string{
	"int":       "Edm.Int32",
	"integer":   "Edm.Int32",
	"long":      "Edm.Int64",
	"bool":      "Edm.Boolean",
	"float":     "Edm.Single",
	"datetime":  "Edm.DateTimeOffset",
	"timestamp": "Edm.DateTimeOffset",
	"uuid":      "Edm.Guid",
	"json":      "Edm.Untyped",
	"timespan":  "Edm.Duration",
}

var primitiveByLower = func() map[string]string {
	m := make(map[string]string, len(Primitives)*2+len(primitiveAliases))
	for _, p := range Primitives {
		m[strings.ToLower(p)] = p
		m[strings.ToLower(strings.TrimPrefix(p, "Edm."))] = p
	}
	for k, v := range primitiveAliases {
		m[k] = v
	}
	return m
}()

// LookupPrimitive returns the Edm name for a primitive type as docs pages
// spell it ("String", "string", "Int32", "int", "GUID", "Edm.Guid",
// "Json", ...), or false.
func LookupPrimitive(name string) (string, bool) {
	p, ok := primitiveByLower[strings.ToLower(strings.TrimSpace(name))]
	return p, ok
}

// IsPrimitiveName reports whether q is the qualified name of a known Edm type.
func IsPrimitiveName(q string) bool { return primitiveNames[q] }

// primitiveNames are the names IsPrimitiveName accepts: those that
// primitiveByLower gives for themselves, as spelled. A set, so that a
// lookup lowers no string (the plan builder asks for every property).
var primitiveNames = func() map[string]bool {
	m := map[string]bool{}
	for _, p := range primitiveByLower {
		if primitiveByLower[strings.ToLower(p)] == p {
			m[p] = true
		}
	}
	return m
}()
