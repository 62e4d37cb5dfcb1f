package schemaset_test

import (
	"fmt"

	"github.com/odatagen/odatagen/validate"
	"github.com/odatagen/odatagen/validate/schemaset"
)

// New takes schema documents as bytes, named by validate.SchemaFile.
// Generated packages embed theirs (NewFS reads an embed.FS); a document written by hand only
// needs the $id that SchemaID gives and, for messages in OData's words,
// the x-odata-type keywords.
func ExampleNew() {
	const note = "example.note"
	doc := fmt.Sprintf(`{
		"$schema": "https://json-schema.org/draft/2020-12/schema",
		"$id": %q,
		"x-odata-type": %q,
		"type": "object",
		"properties": {
			"title": {"x-odata-type": "Edm.String", "type": "string"},
			"pages": {"x-odata-type": "Edm.Int32", "type": "integer"}
		},
		"required": ["title"]
	}`, validate.SchemaID(note, validate.Read), note)

	set, err := schemaset.New(map[string][]byte{validate.SchemaFile(note, validate.Read): []byte(doc)})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(set.Types())
	fmt.Println(set.Validate(note, validate.Read, []byte(`{"title": "Minutes", "pages": 3}`)))
	fmt.Println(set.Validate(note, validate.Read, []byte(`{"pages": "three"}`)))
	fmt.Println(set.Validate(note, validate.Read, []byte(`{"title": "Minutes",}`)))
	// Output:
	// [example.note] <nil>
	// <nil>
	// invalid read example.note payload (2 problems):
	// 	: missing required property title
	// 	/pages: expected Edm.Int32, found string "three"
	// invalid JSON at offset 20: invalid character '}' looking for beginning of object key string
}
