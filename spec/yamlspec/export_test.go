package yamlspec

// RoundTrip is roundTrip, for the external tests (package yamlspec_test).
var RoundTrip = roundTrip
