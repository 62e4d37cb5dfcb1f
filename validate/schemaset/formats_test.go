package schemaset

import (
	"testing"

	"github.com/odatagen/odatagen/validate/internal/formats"
	"github.com/santhosh-tekuri/jsonschema/v6"
)

// jsonSchemaFormat validates s with a format as the Set's compiler has it:
// jsonschema's own, or one of customFormats.
func jsonSchemaFormat(t testing.TB, format string) func(string) bool {
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	for _, f := range customFormats {
		c.RegisterFormat(f)
	}
	if err := c.AddResource("f.json", map[string]any{"format": format}); err != nil {
		t.Fatal(err)
	}
	sch, err := c.Compile("f.json")
	if err != nil {
		t.Fatal(err)
	}
	return func(s string) bool { return sch.Validate(s) == nil }
}

// FuzzPlanFormats compares the format checks of validate.Plan (those of
// internal/formats, which the Plan calls on the bytes of a string) with
// the Set's: jsonschema's own "date" and "uuid", and "date-time" as
// customFormats registers it, and checks that date-time without seconds
// (validate.Options.DateTimeWithoutSeconds) takes all that the Set takes.
// validate's FuzzPlanFormats compares the others.
func FuzzPlanFormats(f *testing.F) {
	for _, s := range formats.Seeds {
		f.Add(s)
	}
	dateTime := jsonSchemaFormat(f, "date-time")
	date := jsonSchemaFormat(f, "date")
	uuid := jsonSchemaFormat(f, "uuid")
	f.Fuzz(func(t *testing.T, s string) {
		b := []byte(s)
		for _, c := range []struct {
			name      string
			got, want bool
		}{
			{"date-time", formats.DateTime(b, false), dateTime(s)},
			{"date", formats.Date(b), date(s)},
			{"uuid", formats.GUID(b), uuid(s)},
		} {
			if c.got != c.want {
				t.Errorf("%s %q: plan says %v, the Set %v", c.name, s, c.got, c.want)
			}
		}
		if dateTime(s) && !formats.DateTime(b, true) {
			t.Errorf("date-time %q: refused without-seconds", s)
		}
	})
}
