package validate_test

import (
	"strings"
	"testing"

	"github.com/odatagen/odatagen/validate"
)

const partner = "microsoft.graph.cloudPcExternalPartner"

func TestModes(t *testing.T) {
	for _, m := range []validate.Mode{validate.Read, validate.Create, validate.Update} {
		got, err := validate.ParseMode(strings.ToUpper(m.String()))
		if err != nil || got != m {
			t.Errorf("ParseMode(%q) = %v, %v", m, got, err)
		}
		name := validate.SchemaFile(partner, m)
		q, mm, ok := validate.ParseSchemaFile(name)
		if !ok || q != partner || mm != m {
			t.Errorf("ParseSchemaFile(%q) = %q, %v, %v", name, q, mm, ok)
		}
		if id := validate.SchemaID(partner, m); id != validate.IDBase+name {
			t.Errorf("SchemaID = %q", id)
		}
	}
	if got := validate.SchemaFile(partner, validate.Create); got != "microsoft.graph.cloudPcExternalPartner.create.schema.json" {
		t.Errorf("SchemaFile = %q", got)
	}
	if _, err := validate.ParseMode("delete"); err == nil {
		t.Error("ParseMode(delete) did not fail")
	}
	for _, bad := range []string{"x.schema.json", "a.b.Read.schema.json", "a.read.json", ".read.schema.json"} {
		if _, _, ok := validate.ParseSchemaFile(bad); ok {
			t.Errorf("ParseSchemaFile(%q) accepted", bad)
		}
	}
}
