package validate

import (
	"fmt"
	"strings"
)

// Mode says what a payload is for, which decides the rules it must follow.
type Mode int

const (
	// Read is a response body: every property may appear, none must.
	Read Mode = iota
	// Create is a POST request body: read-only properties are rejected and
	// the properties required on create must be present.
	Create
	// Update is a PATCH request body: read-only (and immutable) properties
	// are rejected and nothing is required, because a PATCH carries only
	// what changes.
	Update
)

var modeNames = [...]string{Read: "read", Create: "create", Update: "update"}

// String returns "read", "create" or "update".
func (m Mode) String() string {
	if m >= 0 && int(m) < len(modeNames) {
		return modeNames[m]
	}
	return fmt.Sprintf("Mode(%d)", int(m))
}

// ParseMode returns the Mode named s ("read", "create", "update"), in any
// case.
func ParseMode(s string) (Mode, error) {
	for m, name := range modeNames {
		if strings.EqualFold(name, strings.TrimSpace(s)) {
			return Mode(m), nil
		}
	}
	return 0, fmt.Errorf("validate: unknown mode %q (want read, create or update)", s)
}

// IDBase is the base URI of every schema document's $id. A document's $id
// is IDBase followed by its file name (see SchemaID), so the $refs between
// documents are plain relative file names that resolve the same way
// against the $id and against a directory of schema files. The .invalid
// top-level domain (RFC 2606) is reserved and never resolves, so no tool
// will try to fetch the schemas from the network.
const IDBase = "https://odatagen.invalid/schema/"

// schemaSuffix ends every schema file name.
const schemaSuffix = ".schema.json"

// SchemaFile returns the file name of the schema document of a type in a
// mode: the qualified type name, the mode and ".schema.json", e.g.
// "microsoft.graph.cloudPcExternalPartner.create.schema.json".
func SchemaFile(qualifiedType string, mode Mode) string {
	return qualifiedType + "." + mode.String() + schemaSuffix
}

// SchemaID returns the $id of the schema document of a type in a mode:
// IDBase + SchemaFile(qualifiedType, mode).
func SchemaID(qualifiedType string, mode Mode) string {
	return IDBase + SchemaFile(qualifiedType, mode)
}

// EnumSchemaFile returns the file name of the schema document of an
// enumeration type, which the documents of the types whose properties have
// that type $ref: the qualified name and ".enum.schema.json".
func EnumSchemaFile(qualifiedEnum string) string {
	return qualifiedEnum + ".enum" + schemaSuffix
}

// isEnumSchemaFile reports whether name was made by EnumSchemaFile.
func isEnumSchemaFile(name string) bool {
	rest, ok := strings.CutSuffix(name, ".enum"+schemaSuffix)
	return ok && rest != ""
}

// ParseSchemaFile splits a file name made by SchemaFile into the qualified
// type name and the mode.
func ParseSchemaFile(name string) (qualifiedType string, mode Mode, ok bool) {
	rest, ok := strings.CutSuffix(name, schemaSuffix)
	if !ok {
		return "", 0, false
	}
	i := strings.LastIndexByte(rest, '.')
	if i <= 0 {
		return "", 0, false
	}
	m, err := ParseMode(rest[i+1:])
	if err != nil || rest[i+1:] != m.String() {
		return "", 0, false
	}
	return rest[:i], m, true
}
