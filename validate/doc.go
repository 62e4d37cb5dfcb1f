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
// A Set holds the documents as data (NewSet from a map, NewSetFS from an
// fs.FS such as a generated package's embedded files) and compiles them
// with github.com/santhosh-tekuri/jsonschema/v6 lazily: a (type, mode) is
// compiled on its first validation, with the documents it references, and
// cached. Creating a Set reads nothing, so a package embedding thousands of
// documents costs nothing at init. A Set is safe for concurrent use.
//
// Format assertions are on. Besides JSON Schema's "date-time", "date" and
// "uuid", the Set knows "time-of-day" (Edm.TimeOfDay), "duration"
// (Edm.Duration, replacing JSON Schema's with OData's spelling) and
// "base64url" (Edm.Binary); see formats.go.
//
// # Payloads
//
// Validate checks one value, ValidateCollection an OData collection
// response ({"@odata.context": ..., "value": [...]}, items checked one by
// one). A payload is first read as JSON: one that does not parse, repeats a
// member name in an object (encoding/json would silently keep the last),
// or is over the size limit (DefaultMaxSize, 4 MiB; see MaxSize) gives a
// *JSONError with the byte offset, and the pointer of a repeated member.
//
// # Errors
//
// A payload that breaks its schema gives an *Error listing every leaf
// problem (jsonschema's nested causes flattened, duplicates dropped),
// ordered by JSON pointer (RFC 6901; array indexes in numeric order). Each
// Problem has the pointer, a ProblemKind, what was expected, what was
// found, and a message:
//
//	/connectionStatus: "sleeping" is not a cloudPcExternalPartnerStatus member (notAvailable, available, healthy, unhealthy, unknownFutureValue)
//	/enableConnection: expected Edm.Boolean, found string "true"
//	/partnerId: read-only property cannot be sent on create
//	: missing required property partnerId
//	/foo: unknown property foo (microsoft.graph.cloudPcExternalPartner is not an open type)
//	/lastSyncDateTime: "2020-11-03 12:43" is not a valid Edm.DateTimeOffset (RFC 3339 date-time)
//
// The words come from the schema documents themselves: besides standard
// keywords the generator writes "x-odata-type" (the OData type a subschema
// checks), "x-odata-mode", "x-odata-operation" (the request line of the
// operation whose body a document follows), "x-odata-immutable",
// "x-odata-flags" and "x-odata-members", which other JSON Schema tools
// ignore. A read-only property in a create or update document is
// {"readOnly": true, "not": {}}.
//
// The package imports only the standard library and jsonschema; it never
// needs the spec or the generator.
//
// The package is about 4,300 lines because it holds two validators that
// must agree word for word: Set, which runs the JSON Schema documents with
// jsonschema (set.go, errors.go, json.go, formats.go), and Plan, which
// checks a compiled plan in one pass over the bytes (plan*.go); a
// differential test holds them to the same verdicts and problems.
package validate
