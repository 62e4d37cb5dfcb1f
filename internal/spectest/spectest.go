// Package spectest holds the test helpers of the spec packages: a spec
// that uses every field of the model, and a comparison of specs that says
// where they differ. Only tests import it.
package spectest

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/odatagen/odatagen/spec"
)

func Strp(s string) *string { return &s }

// FullSpec returns a spec that uses every field of the model, with texts that need quoting,
// block scalars and folding.
func FullSpec() *spec.Spec {
	return &spec.Spec{
		Types: []*spec.StructuredType{
			{Kind: spec.EntityKind, Name: "entity", Namespace: "microsoft.graph", Abstract: true, Key: []string{"id"},
				Properties: []*spec.Property{{Name: "id", Type: spec.TypeRef{Name: "Edm.String"}, ReadOnly: true}}},
			{Kind: spec.EntityKind, Name: "widget", Namespace: "microsoft.graph", BaseType: "microsoft.graph.entity",
				Open: true, Key: []string{"id", "version"},
				Description: "A widget: it has parts.\nSecond line with  two spaces.\n",
				Properties: []*spec.Property{
					{Name: "size", Type: spec.TypeRef{Name: "Edm.Int32"}, Nullable: true, Required: true,
						Default: Strp("0"), Conditions: []string{"Required if kind is custom.", "Read-only when: locked."}, Filter: &spec.FilterSupport{Ops: []spec.FilterOp{spec.OpEq, spec.OpGt, spec.OpIn}, Null: true},
						Precision: 10, Scale: -1},
					{Name: "tags", Type: spec.TypeRef{Name: "Edm.String", Collection: true}, Nullable: true,
						Filter: &spec.FilterSupport{Count: true}, MaxLength: 64, Immutable: true, Deprecated: true,
						Description: strings.Repeat("A long description that goes on and on, ", 6) + "and ends."},
					{Name: "color", Type: spec.TypeRef{Name: "microsoft.graph.color"}, Nullable: false, Default: Strp("null"),
						Description: "null"},
					{Name: "flag", Type: spec.TypeRef{Name: "Edm.Boolean"}, Nullable: true, Default: Strp("true"), Description: "true",
						Filter: &spec.FilterSupport{}},
					{Name: "empty", Type: spec.TypeRef{Name: "Edm.String"}, Nullable: true, Default: Strp(""), Description: "#not a comment: really"},
					{Name: "odd", Type: spec.TypeRef{Name: "Edm.String"}, Nullable: true, Default: Strp("- a: b"),
						Description: "  leading spaces and a trailing one "},
					{Name: "ctl", Type: spec.TypeRef{Name: "Edm.Binary"}, Nullable: true, Description: "tab\there\x01 and ü " + strings.Repeat("x", 90)},
				},
				NavigationProperties: []*spec.Property{
					{Name: "parts", Type: spec.TypeRef{Name: "microsoft.graph.part", Collection: true}, Nullable: true,
						ContainsTarget: true, Partner: "widget", Description: "The parts."},
				}},
			{Kind: spec.ComplexKind, Name: "address", Namespace: "other.ns"},
			{Name: "unknownKind", Namespace: "microsoft.graph"},
		},
		Enums: []*spec.EnumType{
			{Name: "color", Namespace: "microsoft.graph", Members: []*spec.EnumMember{
				{Name: "red", Value: 0}, {Name: "green", Value: 1, Description: "Grass."}, {Name: "blue", Value: 5},
				{Name: "unknownFutureValue", Value: 6}, {Name: "late", Value: 7}}, Sentinel: "unknownFutureValue",
				Description: "Colors."},
			{Name: "perms", Namespace: "microsoft.graph", UnderlyingType: "Edm.Int64", Flags: true, Members: []*spec.EnumMember{
				{Name: "none", Value: 0}, {Name: "read", Value: 1}, {Name: "write", Value: 2}}},
			{Name: "noSentinel", Namespace: "other.ns", Members: []*spec.EnumMember{{Name: "unknownFutureValue"}}},
			{Name: "otherSentinel", Namespace: "other.ns", Members: []*spec.EnumMember{{Name: "a"}, {Name: "stop", Value: 1}}, Sentinel: "stop"},
			{Name: "empty", Namespace: "microsoft.graph"},
		},
		TypeDefs: []*spec.TypeDef{
			{Name: "money", Namespace: "microsoft.graph", UnderlyingType: "Edm.Decimal", Description: "Cash."},
			{Name: "bare", Namespace: "other.ns"},
		},
		Operations: []*spec.Operation{
			{Kind: spec.Create, Type: "microsoft.graph.widget", Method: "POST", Path: "/widgets", Body: []*spec.BodyProperty{
				{Name: "size", Type: spec.TypeRef{Name: "Edm.Int32"}, Required: true},
				{Name: "tags", Description: "Some tags."},
				{Name: "breaks", Description: "\n"},
				{Name: "indented", Description: "  a\n b\n\n"},
				{Name: "kept", Description: "a\n\n\n"},
			}},
			{Kind: spec.Update, Type: "microsoft.graph.widget", Method: "PATCH", Path: "/widgets/{id}"},
			{Kind: spec.Update},
		},
		EntitySets: []*spec.EntitySet{
			{Name: "widgets", Type: "microsoft.graph.widget"},
			{Name: "me", Type: "microsoft.graph.user", Singleton: true},
			{Name: "\n0", Type: "x"},
		},
	}
}

// ClearPos zeroes every position in s, so that specs from different
// sources compare equal, and turns empty lists into nil. It drops the
// properties' Sources, which are positions too (and which facts have one
// depends on the reader).
func ClearPos(s *spec.Spec) *spec.Spec {
	clearPosValue(reflect.ValueOf(s))
	return s
}

var (
	posType     = reflect.TypeOf(spec.Pos{})
	sourcesType = reflect.TypeOf([]spec.Source(nil))
)

func clearPosValue(v reflect.Value) {
	switch v.Kind() {
	case reflect.Pointer:
		if !v.IsNil() {
			clearPosValue(v.Elem())
		}
	case reflect.Slice:
		if v.Type() == sourcesType && v.CanSet() {
			v.SetZero()
			return
		}
		if v.Len() == 0 && v.CanSet() {
			v.SetZero()
		}
		for i := 0; i < v.Len(); i++ {
			clearPosValue(v.Index(i))
		}
	case reflect.Struct:
		if v.Type() == posType {
			v.SetZero()
			return
		}
		for i := 0; i < v.NumField(); i++ {
			clearPosValue(v.Field(i))
		}
	}
}

// Diff describes the first difference between a and b, or "".
func Diff(a, b *spec.Spec) string {
	return valueDiff("spec", reflect.ValueOf(a), reflect.ValueOf(b))
}

// valueDiff walks a and b in step and describes their first difference,
// prefixed with its Go path from path ("spec.Types[2].Name"), or returns "".
// Pointers are followed, slices compared element by element and structs
// field by field; anything else (maps included) is compared whole with
// reflect.DeepEqual. A nil and an empty slice compare equal, unlike under
// DeepEqual. There is no cycle detection, and a leaf reached through an
// unexported field would panic (reflect.Value.Interface): spec values are
// trees of exported fields.
func valueDiff(path string, a, b reflect.Value) string {
	if a.Kind() != b.Kind() {
		return fmt.Sprintf("%s: kinds %v vs %v", path, a.Kind(), b.Kind())
	}
	switch a.Kind() {
	case reflect.Pointer:
		if a.IsNil() || b.IsNil() {
			if a.IsNil() != b.IsNil() {
				return fmt.Sprintf("%s: nil %v vs %v", path, a.IsNil(), b.IsNil())
			}
			return ""
		}
		return valueDiff(path, a.Elem(), b.Elem())
	case reflect.Slice:
		if a.Len() != b.Len() {
			return fmt.Sprintf("%s: length %d vs %d", path, a.Len(), b.Len())
		}
		for i := 0; i < a.Len(); i++ {
			if d := valueDiff(fmt.Sprintf("%s[%d]", path, i), a.Index(i), b.Index(i)); d != "" {
				return d
			}
		}
		return ""
	case reflect.Struct:
		for i := 0; i < a.NumField(); i++ {
			if d := valueDiff(path+"."+a.Type().Field(i).Name, a.Field(i), b.Field(i)); d != "" {
				return d
			}
		}
		return ""
	default:
		if !reflect.DeepEqual(a.Interface(), b.Interface()) {
			return fmt.Sprintf("%s: %#v vs %#v", path, a.Interface(), b.Interface())
		}
		return ""
	}
}

// Shared returns the path of ../shared/<sub...> beside the module's root
// (the directory holding go.mod, found upwards from the test's working
// directory), or skips the test when it is not there.
func Shared(t testing.TB, sub ...string) string {
	t.Helper()
	root, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(root, "go.mod")); err == nil {
			break
		}
		up := filepath.Dir(root)
		if up == root {
			t.Fatal("no go.mod above the test's directory")
		}
		root = up
	}
	dir := filepath.Join(append([]string{root, "..", "shared"}, sub...)...)
	if _, err := os.Stat(dir); err != nil {
		t.Skip("no shared inputs:", err)
	}
	return dir
}

// WarningStrings returns the warnings as their String forms.
func WarningStrings(ws []spec.Warning) []string {
	var out []string
	for _, w := range ws {
		out = append(out, w.String())
	}
	return out
}

// SeedLine returns the number of the first line of the seed page (under
// ../shared/seeds) that starts with prefix.
func SeedLine(t *testing.T, page, prefix string) int {
	t.Helper()
	src, err := os.ReadFile(filepath.Join(Shared(t, "seeds"), page))
	if err != nil {
		t.Fatal(err)
	}
	for i, l := range strings.Split(string(src), "\n") {
		if strings.HasPrefix(l, prefix) {
			return i + 1
		}
	}
	t.Fatalf("%s has no line starting %q", page, prefix)
	return 0
}
