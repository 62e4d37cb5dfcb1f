package spec

// Unexported functions that the external tests (package spec_test) use.
var (
	CompareFindings = compareFindings
	OpsString       = opsString
)
