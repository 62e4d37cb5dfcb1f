package generator

// The unexported package-level names that generated code declares: the
// validation plan, the filter tables, the helpers of odata.go, the
// type-name table and the table of polymorphic types. They are defined
// here once; build.go reserves them (localNames) so that no generated name
// takes them, and the emitters write them from these constants.
const (
	localPlan           = "odataPlan"
	localFilterTypes    = "filterTypes"
	localFilterEnums    = "filterEnums"
	localFilterSupports = "filterSupports"
	localFilterEncoded  = "filterModelEncoded"
	localEnumMember     = "enumMember"
	localEnumValue      = "enumValue"
	localFlagsValue     = "flagsValue"
	localODataPackage   = "odataPackage"
	localODataTypes     = "odataTypes"
	localPolymorphic    = "odataPolymorphic"
	localFuncVars       = "funcVars" // + a suffix per function type: funcVarsValidate, ...
	localEnumTables     = "odataEnums"
	localEnumTable      = "enumTable"
	localEnumIndex      = "odataEnumIndex"
)

// localNames are the unexported names that generated code declares or
// uses as locals: the package-level names above, and the parameters and
// locals of generated methods. Tables and filter builder property types
// never take them. ("filterTypeDefs" is reserved too, for the type
// definition table that filter.go may hold one day as the others do.)
var localNames = []string{
	"b", "data", "e", "err", "expr", "have", "i", "known", "m", "members", "mode", "mv", "n",
	"name", "names", "s", "text", "v", "x",
	localPlan, localFilterTypes, localFilterEnums, localFilterSupports, localFilterEncoded,
	localEnumMember, localEnumValue, localFlagsValue, localODataPackage, localODataTypes,
	localPolymorphic, "filterTypeDefs", "t", "ok", "path", "typ",
	localEnumTables, localEnumTable, localEnumIndex,
	localFuncVars + "Validate", localFuncVars + "ValidateCollection", localFuncVars + "CheckFilter",
	localFuncVars + "CheckQuery", localFuncVars + "CheckSetQuery",
}
