package schemaset

import (
	"github.com/odatagen/odatagen/validate/internal/formats"
	"github.com/santhosh-tekuri/jsonschema/v6"
)

// customFormats are the formats the schemas use beside JSON Schema's own
// "date" (Edm.Date) and "uuid" (Edm.Guid), which keep their standard
// meaning: "date-time" (replacing jsonschema's, which read digits with
// strconv.Atoi and so took "2020-01-01T+1:+2:-0Z"), "time-of-day",
// "duration" (replacing JSON Schema's, which has no sign and no
// fractions) and "base64url", each as package internal/formats says and
// validate.Plan checks.
var customFormats = []*jsonschema.Format{
	{Name: "date-time", Validate: stringFormat(formats.DateTimeString)},
	{Name: "time-of-day", Validate: stringFormat(formats.TimeOfDay)},
	{Name: "duration", Validate: stringFormat(formats.Duration)},
	{Name: "base64url", Validate: stringFormat(formats.Base64)},
}

// stringFormat makes a check of strings a format of jsonschema, which
// applies to every value (a format says nothing about other types).
func stringFormat(check func(string) error) func(any) error {
	return func(v any) error {
		s, ok := v.(string)
		if !ok {
			return nil
		}
		return check(s)
	}
}
