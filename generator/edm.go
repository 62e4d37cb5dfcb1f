package generator

// Import paths that generated code uses.
const (
	edmPath  = "github.com/odatagen/odatagen/validate/edm"
	jsonPath = "encoding/json"
	timePath = "time"
)

// edmGoType says how one Edm primitive type is held in Go.
type edmGoType struct {
	pkg, name string // the Go type: pkg is an import path, "" for builtins
	// raw types are json.RawMessage: they carry their own null
	// (json.RawMessage("null")), so they are never wrapped in edm.Nullable
	// or a pointer; nil means absent.
	raw bool
	// lossy types do not say the Edm type by themselves (a Guid is a
	// string); the field comment names the Edm type.
	lossy bool
}

// edmGoTypes is THE Edm -> Go table. Every name in spec.Primitives has a row
// (a test checks it).
var edmGoTypes = map[string]edmGoType{
	"Edm.String":         {name: "string"},
	"Edm.Boolean":        {name: "bool"},
	"Edm.Byte":           {name: "uint8"},
	"Edm.SByte":          {name: "int8"},
	"Edm.Int16":          {name: "int16"},
	"Edm.Int32":          {name: "int32"},
	"Edm.Int64":          {name: "int64"},
	"Edm.Single":         {name: "float32"},
	"Edm.Double":         {name: "float64"},
	"Edm.Decimal":        {pkg: jsonPath, name: "Number", lossy: true},
	"Edm.Guid":           {name: "string", lossy: true},
	"Edm.DateTimeOffset": {pkg: timePath, name: "Time"},
	"Edm.Date":           {pkg: edmPath, name: "Date"},
	"Edm.TimeOfDay":      {pkg: edmPath, name: "TimeOfDay"},
	"Edm.Duration":       {pkg: edmPath, name: "Duration"},
	"Edm.Binary":         {pkg: edmPath, name: "Binary"},
	"Edm.Stream":         {pkg: jsonPath, name: "RawMessage", raw: true, lossy: true},
	"Edm.Untyped":        {pkg: jsonPath, name: "RawMessage", raw: true, lossy: true},

	// Geography and geometry values are GeoJSON objects, kept as they come.
	"Edm.Geography":                {pkg: jsonPath, name: "RawMessage", raw: true, lossy: true},
	"Edm.GeographyPoint":           {pkg: jsonPath, name: "RawMessage", raw: true, lossy: true},
	"Edm.GeographyLineString":      {pkg: jsonPath, name: "RawMessage", raw: true, lossy: true},
	"Edm.GeographyPolygon":         {pkg: jsonPath, name: "RawMessage", raw: true, lossy: true},
	"Edm.GeographyMultiPoint":      {pkg: jsonPath, name: "RawMessage", raw: true, lossy: true},
	"Edm.GeographyMultiLineString": {pkg: jsonPath, name: "RawMessage", raw: true, lossy: true},
	"Edm.GeographyMultiPolygon":    {pkg: jsonPath, name: "RawMessage", raw: true, lossy: true},
	"Edm.GeographyCollection":      {pkg: jsonPath, name: "RawMessage", raw: true, lossy: true},
	"Edm.Geometry":                 {pkg: jsonPath, name: "RawMessage", raw: true, lossy: true},
	"Edm.GeometryPoint":            {pkg: jsonPath, name: "RawMessage", raw: true, lossy: true},
	"Edm.GeometryLineString":       {pkg: jsonPath, name: "RawMessage", raw: true, lossy: true},
	"Edm.GeometryPolygon":          {pkg: jsonPath, name: "RawMessage", raw: true, lossy: true},
	"Edm.GeometryMultiPoint":       {pkg: jsonPath, name: "RawMessage", raw: true, lossy: true},
	"Edm.GeometryMultiLineString":  {pkg: jsonPath, name: "RawMessage", raw: true, lossy: true},
	"Edm.GeometryMultiPolygon":     {pkg: jsonPath, name: "RawMessage", raw: true, lossy: true},
	"Edm.GeometryCollection":       {pkg: jsonPath, name: "RawMessage", raw: true, lossy: true},
}

// rawStandIn is the Go type of a property whose type no input defines, when
// Options.AllowUnresolved is set.
var rawStandIn = edmGoType{pkg: jsonPath, name: "RawMessage", raw: true, lossy: true}
