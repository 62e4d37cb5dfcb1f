package schemaset

import (
	"fmt"
	"testing"

	"github.com/odatagen/odatagen/validate"
)

// TestLazyCompile checks that a Set with thousands of documents reads only
// the ones a validation needs: the type's document and those it refers to.
func TestLazyCompile(t *testing.T) {
	files := map[string][]byte{}
	const n = 5000
	for i := range n {
		q := fmt.Sprintf("ns.t%d", i)
		ref := ""
		if i%2 == 0 { // even types hold a value of the next type
			ref = fmt.Sprintf(`,"properties":{"next":{"$ref":%q}}`, validate.SchemaFile(fmt.Sprintf("ns.t%d", i+1), validate.Read))
		}
		files[validate.SchemaFile(q, validate.Read)] = fmt.Appendf(nil, `{"$schema":"https://json-schema.org/draft/2020-12/schema","$id":%q,"x-odata-type":%q,"type":"object"%s}`,
			validate.SchemaID(q, validate.Read), q, ref)
	}
	set, err := New(files)
	if err != nil {
		t.Fatal(err)
	}
	if err := set.Validate("ns.t42", validate.Read, []byte(`{"next":{}}`)); err != nil {
		t.Fatal(err)
	}
	if err := set.Validate("t42", validate.Read, []byte(`{"next":1}`)); err == nil {
		t.Fatal("want a problem at /next")
	}
	loaded := 0
	set.docs.Range(func(k, v any) bool { loaded++; return true })
	if loaded != 2 {
		t.Errorf("%d documents loaded, want 2 (ns.t42 and ns.t43)", loaded)
	}
}
