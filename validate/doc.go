// Package validate checks OData JSON payloads against the JSON Schema
// documents that odatagen generates, and says what is wrong in plain words.
//
// # Schemas
//
// There is one JSON Schema (draft 2020-12) document per structured type
// per Mode: Read (a response), Create (a POST body), Update (a PATCH
// body). Its file name is SchemaFile(type, mode), e.g.
// "microsoft.graph.cloudPcExternalPartner.create.schema.json", and its $id
// is SchemaID(type, mode): IDBase followed by the file name. Documents
// refer to each other by file name ($ref "microsoft.graph.x.read.schema.json"),
// so they work the same from a directory, an embed.FS or a map.
//
// A Plan is the compiled form of those documents: the same rules as plain
// data (generated packages write theirs as a Go literal), applied in one
// pass over the payload's bytes. Package validate/schemaset holds the
// reference validator, a Set that runs the documents themselves with
// github.com/santhosh-tekuri/jsonschema/v6; the tests hold the two to the
// same verdicts and problems, word for word. It is a package of its own so
// that programs that import validate (every generated package does) do not
// pull in jsonschema and golang.org/x/text.
//
// Formats are asserted, not annotations. Besides JSON Schema's
// "date-time", "date" and "uuid", the documents use "time-of-day" (Edm.TimeOfDay), "duration"
// (Edm.Duration, replacing JSON Schema's with OData's spelling) and
// "base64url" (Edm.Binary); see internal/formats.
//
// # Payloads
//
// Plan.Validate checks one value, Plan.ValidateCollection an OData
// collection response ({"@odata.context": ..., "value": [...]}, items
// checked one by one). A payload is first read as JSON: one that does not parse, repeats a
// member name in an object (encoding/json would silently keep the last),
// or is over the size limit (DefaultMaxSize, 4 MiB; see Plan.MaxSize)
// gives a *JSONError with the byte offset, and the pointer of a repeated
// member.
//
// # Errors
//
// A payload that breaks its schema gives an *Error listing every problem,
// once, ordered by JSON pointer (RFC 6901; array indexes in numeric
// order). Each Problem has the pointer, a ProblemKind, what was expected,
// what was found, and a message:
//
//	/connectionStatus: "sleeping" is not a cloudPcExternalPartnerStatus member (notAvailable, available, healthy, unhealthy, unknownFutureValue)
//	/enableConnection: expected Edm.Boolean, found string "true"
//	/partnerId: read-only property cannot be sent on create
//	: missing required property partnerId
//	/foo: unknown property foo (microsoft.graph.cloudPcExternalPartner is not an open type)
//	/lastSyncDateTime: "2020-11-03 12:43" is not a valid Edm.DateTimeOffset (RFC 3339 date-time)
//
// The words come from the schema documents (a Plan carries them in its
// tables): besides standard keywords the generator writes "x-odata-type"
// (the OData type a subschema checks), "x-odata-mode", "x-odata-operation"
// (the request line of the operation whose body a document follows),
// "x-odata-immutable", "x-odata-flags" and "x-odata-members", which other
// JSON Schema tools ignore. A read-only property in a create or update document is
// {"readOnly": true, "not": {}}.
//
// The package imports only the standard library (a test checks it); it
// never needs the spec or the generator.
package validate
