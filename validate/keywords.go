package validate

// The keywords odatagen adds to its JSON Schema documents, besides the
// standard ones: the generator writes them (generator/schema.go) and this
// package reads them to word its errors (errors.go). Other JSON Schema
// tools ignore them. They are defined here, once, and both sides use these
// constants; a test in the generator checks that every keyword it emits is
// one of Keywords and that each is emitted.
const (
	// KeywordType is the OData type of the value a (sub)schema checks
	// ("Edm.Int32", "microsoft.graph.cloudPcExternalPartnerStatus"); on a
	// document, the type the document is for.
	KeywordType = "x-odata-type"
	// KeywordMode is, on a document, its mode ("read", "create",
	// "update").
	KeywordMode = "x-odata-mode"
	// KeywordOperation is the request line(s) of the operation whose body
	// a document or a property follows ("POST /users").
	KeywordOperation = "x-odata-operation"
	// KeywordImmutable marks a rejected property of an update document
	// that may be set on create only.
	KeywordImmutable = "x-odata-immutable"
	// KeywordFlags marks a flags enum value; KeywordMembers lists its
	// members.
	KeywordFlags   = "x-odata-flags"
	KeywordMembers = "x-odata-members"
)

// Keywords lists every odatagen keyword.
var Keywords = []string{KeywordType, KeywordMode, KeywordOperation, KeywordImmutable, KeywordFlags, KeywordMembers}
