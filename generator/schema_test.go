package generator

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/odatagen/odatagen/spec"
	"github.com/odatagen/odatagen/validate"
	"github.com/odatagen/odatagen/validate/schemaset"
	"github.com/odatagen/odatagen/validate/validatetest"
)

// schSeedSpec is the seed resource (cloudPcExternalPartner) written out by
// hand from the facts of its docs pages, with or without the Create and
// Update pages' operations.
func schSeedSpec(withOps bool) *spec.Spec {
	pos := func(line int) spec.Pos { return spec.Pos{File: "cloudpcexternalpartner.md", Line: line} }
	def := "available"
	s := &spec.Spec{
		Types: []*spec.StructuredType{{
			Kind: spec.EntityKind, Name: "cloudPcExternalPartner", Namespace: "microsoft.graph",
			BaseType: "microsoft.graph.entity", Key: []string{"id"}, Pos: pos(11),
			Properties: []*spec.Property{
				{Name: "id", Type: spec.TypeRef{Name: "Edm.String"}, Nullable: false, ReadOnly: true, Pos: pos(30)},
				{Name: "partnerId", Type: spec.TypeRef{Name: "Edm.String"}, Nullable: true, ReadOnly: true, Pos: pos(31)},
				{Name: "enableConnection", Type: spec.TypeRef{Name: "Edm.Boolean"}, Nullable: true, Required: true,
					Filter: &spec.FilterSupport{Ops: []spec.FilterOp{spec.OpEq}}, Pos: pos(32)},
				{Name: "lastSyncDateTime", Type: spec.TypeRef{Name: "Edm.DateTimeOffset"}, Nullable: true, Pos: pos(33)},
				{Name: "connectionStatus", Type: spec.TypeRef{Name: "microsoft.graph.cloudPcExternalPartnerStatus"},
					Nullable: true, ReadOnly: true, Default: &def, Pos: pos(34)},
				{Name: "statusDetails", Type: spec.TypeRef{Name: "Edm.String"}, Nullable: true, ReadOnly: true, Pos: pos(35)},
			},
		}},
		Enums: []*spec.EnumType{{
			Name: "cloudPcExternalPartnerStatus", Namespace: "microsoft.graph", Sentinel: "unknownFutureValue", Pos: pos(37),
			Members: []*spec.EnumMember{
				{Name: "notAvailable", Value: 0}, {Name: "available", Value: 1}, {Name: "healthy", Value: 2},
				{Name: "unhealthy", Value: 3}, {Name: "unknownFutureValue", Value: 4},
			},
		}},
	}
	if withOps {
		s.Operations = []*spec.Operation{
			{Kind: spec.Create, Type: "microsoft.graph.cloudPcExternalPartner", Method: "POST",
				Path: "/deviceManagement/virtualEndpoint/externalPartners",
				Body: []*spec.BodyProperty{
					{Name: "enableConnection", Type: spec.TypeRef{Name: "Edm.Boolean"}, Required: true},
					{Name: "partnerId", Type: spec.TypeRef{Name: "Edm.String"}, Required: true},
				}},
			{Kind: spec.Update, Type: "microsoft.graph.cloudPcExternalPartner", Method: "PATCH",
				Path: "/deviceManagement/virtualEndpoint/externalPartners/{cloudPcExternalPartnerId}",
				Body: []*spec.BodyProperty{
					{Name: "enableConnection", Type: spec.TypeRef{Name: "Edm.Boolean"}, Required: true},
				}},
		}
	}
	return s
}

// Payloads of the seed's API pages (JSON values are facts).
const (
	schGetResponse = `{
  "@odata.type": "#microsoft.graph.cloudPcExternalPartner",
  "id": "b3548526-e615-3785-3118-be70b3968ec5",
  "partnerId": "198d7140-80bb-4843-8cc4-811377a49a92",
  "enableConnection": true,
  "lastSyncDateTime": "2020-11-03T12:43:14Z",
  "connectionStatus": "available",
  "statusDetails": "The external partner is available"
}`
	schListResponse = `{
  "@odata.context": "https://graph.microsoft.com/beta/$metadata#deviceManagement/virtualEndpoint/externalPartners",
  "value": [
    {
      "id": "b3548526-e615-3785-3118-be70b3968ec5",
      "partnerId": "198d7140-80bb-4843-8cc4-811377a49a92",
      "enableConnection": true,
      "lastSyncDateTime": "2020-11-03T12:43:14Z",
      "connectionStatus": "available",
      "statusDetails": "The external partner is available"
    },
    {
      "id": "dc6422cb-3001-45a7-9dcd-21207eea6b0e",
      "partnerId": "459a0e56-da26-4ba1-a729-8eeef733425b",
      "enableConnection": true,
      "lastSyncDateTime": "2020-11-03T12:43:14Z",
      "connectionStatus": "available",
      "statusDetails": "The external partner is available"
    }
  ]
}`
	schSelectResponse = `{
  "@odata.context": "https://graph.microsoft.com/beta/$metadata#deviceManagement/virtualEndpoint/externalPartners(id,partnerId,enableConnection)",
  "value": [
    {"id": "b3548526-e615-3785-3118-be70b3968ec5", "partnerId": "198d7140-80bb-4843-8cc4-811377a49a92", "enableConnection": true},
    {"id": "dc6422cb-3001-45a7-9dcd-21207eea6b0e", "partnerId": "459a0e56-da26-4ba1-a729-8eeef733425b", "enableConnection": true}
  ]
}`
	schCreateRequest = `{
  "@odata.type": "#microsoft.graph.cloudPcExternalPartner",
  "partnerId": "198d7140-80bb-4843-8cc4-811377a49a92",
  "enableConnection": true
}`
)

// schWith returns the JSON object doc with members set (nil deletes).
func schWith(t testing.TB, doc string, members map[string]any) []byte {
	t.Helper()
	var m map[string]any
	if err := json.Unmarshal([]byte(doc), &m); err != nil {
		t.Fatal(err)
	}
	for k, v := range members {
		if v == nil {
			delete(m, k)
		} else {
			m[k] = v
		}
	}
	b, err := json.Marshal(m)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func schSeedSet(t testing.TB, withOps bool) *schemaset.Set {
	t.Helper()
	files, err := Schemas(schSeedSpec(withOps), SchemaOptions{})
	if err != nil {
		t.Fatal(err)
	}
	set, err := schemaset.New(files)
	if err != nil {
		t.Fatal(err)
	}
	return set
}

const schSeedType = "microsoft.graph.cloudPcExternalPartner"

// TestSchemaSeedAcceptance is the acceptance table of the seed: payloads of
// the API pages and variations of them, in each mode.
func TestSchemaSeedAcceptance(t *testing.T) {
	set := schSeedSet(t, true)
	one := func(mode validate.Mode, data []byte) func() error {
		return func() error { return set.Validate(schSeedType, mode, data) }
	}
	coll := func(data []byte) func() error {
		return func() error { return set.ValidateCollection("cloudPcExternalPartner", validate.Read, data) }
	}
	R, C, U := validate.Read, validate.Create, validate.Update
	tests := []struct {
		n    int
		run  func() error
		at   string // "" = valid
		kind validate.ProblemKind
		msg  string // a substring of the problem's message
	}{
		{1, one(R, []byte(schGetResponse)), "", 0, ""},
		{2, coll([]byte(schListResponse)), "", 0, ""},
		{3, coll([]byte(schSelectResponse)), "", 0, ""},
		{4, one(R, schWith(t, schGetResponse, map[string]any{"connectionStatus": "sleeping"})), "/connectionStatus", validate.NotMember,
			`"sleeping" is not a cloudPcExternalPartnerStatus member (notAvailable, available, healthy, unhealthy, unknownFutureValue)`},
		{5, one(R, schWith(t, schGetResponse, map[string]any{"connectionStatus": "unknownFutureValue"})), "", 0, ""},
		{6, one(R, schWith(t, schGetResponse, map[string]any{"enableConnection": "true"})), "/enableConnection", validate.WrongType,
			`expected Edm.Boolean, found string "true"`},
		{7, one(R, schWith(t, schGetResponse, map[string]any{"lastSyncDateTime": "2020-11-03 12:43"})), "/lastSyncDateTime", validate.BadFormat,
			`"2020-11-03 12:43" is not a valid Edm.DateTimeOffset (RFC 3339 date-time)`},
		{8, one(R, schWith(t, schGetResponse, map[string]any{"foo": 1})), "/foo", validate.Unknown,
			`unknown property foo (microsoft.graph.cloudPcExternalPartner is not an open type)`},
		{9, one(R, schWith(t, schGetResponse, map[string]any{"@odata.etag": `W/"1"`, "enableConnection@odata.type": "#Boolean"})), "", 0, ""},
		{10, one(R, schWith(t, schGetResponse, map[string]any{"@odata.type": "#microsoft.graph.user"})), "/@odata.type", validate.WrongODataType,
			`"#microsoft.graph.user" is not microsoft.graph.cloudPcExternalPartner or a type derived from it`},
		{11, one(C, []byte(schCreateRequest)), "", 0, ""},
		{12, one(C, []byte(`{"enableConnection": true}`)), "", validate.Missing, "missing required property partnerId"},
		{13, one(C, []byte(`{"partnerId": "198d7140-80bb-4843-8cc4-811377a49a92"}`)), "", validate.Missing, "missing required property enableConnection"},
		{14, one(C, schWith(t, schCreateRequest, map[string]any{"connectionStatus": "healthy"})), "/connectionStatus", validate.ReadOnly,
			"read-only property cannot be sent on create"},
		{15, one(C, schWith(t, schCreateRequest, map[string]any{"id": "x"})), "/id", validate.ReadOnly,
			"read-only property cannot be sent on create"},
		{16, one(U, []byte(`{"enableConnection": false}`)), "", 0, ""},
		{17, one(U, []byte(`{}`)), "", 0, ""},
		{18, one(U, []byte(`{"statusDetails":"x"}`)), "/statusDetails", validate.ReadOnly, "read-only property cannot be sent on update"},
		{19, one(U, []byte(`{"partnerId":"198d7140-80bb-4843-8cc4-811377a49a92"}`)), "/partnerId", validate.ReadOnly,
			"read-only property cannot be sent on update"},
		{21, one(C, schWith(t, schCreateRequest, map[string]any{"lastSyncDateTime": "2020-11-03T12:43:14Z"})), "/lastSyncDateTime", validate.NotInBody,
			"property lastSyncDateTime is not in the request body of POST /deviceManagement/virtualEndpoint/externalPartners"},
		{22, one(U, []byte(`{"enableConnection": null}`)), "", 0, ""},
		{23, one(R, []byte(`[]`)), "", validate.WrongType, "expected microsoft.graph.cloudPcExternalPartner object, found array"},
		{24, one(U, []byte(`{"@odata.type": "microsoft.graph.cloudPcExternalPartner"}`)), "", 0, ""},
	}
	for _, tt := range tests {
		err := tt.run()
		if tt.at == "" && tt.msg == "" {
			if err != nil {
				t.Errorf("#%d: want valid, got %v", tt.n, err)
			}
			continue
		}
		var verr *validate.Error
		if !errors.As(err, &verr) {
			t.Errorf("#%d: want *validate.Error at %q, got %v", tt.n, tt.at, err)
			continue
		}
		if len(verr.Problems) != 1 {
			t.Errorf("#%d: want one problem, got %v", tt.n, err)
			continue
		}
		p := verr.Problems[0]
		if p.Pointer != tt.at || p.Kind != tt.kind || !strings.Contains(p.Message, tt.msg) {
			t.Errorf("#%d: got %q (%v), want %s: %s (%v)", tt.n, p.String(), p.Kind, tt.at, tt.msg, tt.kind)
		}
	}

	// #20: invalid JSON, with the offset, in every mode and for collections.
	bad := []byte(`{"enableConnection": tru`)
	for _, err := range []error{
		set.Validate(schSeedType, R, bad), set.Validate(schSeedType, C, bad),
		set.Validate(schSeedType, U, bad), set.ValidateCollection(schSeedType, R, bad),
	} {
		var jerr *validate.JSONError
		if !errors.As(err, &jerr) || jerr.Offset != int64(len(bad)) {
			t.Errorf("#20: want *validate.JSONError at offset %d, got %v", len(bad), err)
		}
	}
}

// TestSchemaSeedResourceOnly checks the rules that the resource page alone
// gives, without the Create and Update pages.
func TestSchemaSeedResourceOnly(t *testing.T) {
	set := schSeedSet(t, false)
	err := set.Validate(schSeedType, validate.Create, []byte(schCreateRequest))
	validatetest.InvalidAt(t, err, "/partnerId")
	var verr *validate.Error
	if errors.As(err, &verr) && (len(verr.Problems) != 1 || verr.Problems[0].Message != "read-only property cannot be sent on create") {
		t.Errorf("got %v, want only /partnerId: read-only property cannot be sent on create", err)
	}
	// Required on create comes from the resource page now.
	validatetest.InvalidAt(t, set.Validate(schSeedType, validate.Create, []byte(`{}`)), "")
	validatetest.Valid(t, set.Validate(schSeedType, validate.Create, []byte(`{"enableConnection": true, "lastSyncDateTime": "2020-11-03T12:43:14Z"}`)))
	// Update: read-only rejected, nothing required.
	validatetest.Valid(t, set.Validate(schSeedType, validate.Update, []byte(`{"lastSyncDateTime": null}`)))
	validatetest.InvalidAt(t, set.Validate(schSeedType, validate.Update, []byte(`{"id": "x", "statusDetails": "y"}`)), "/id", "/statusDetails")
}

// TestSchemaGolden compares the seed's documents with
// testdata/schema/seed (rewrite with -update).
func TestSchemaGolden(t *testing.T) {
	for _, c := range []struct {
		dir     string
		withOps bool
	}{{"seed", true}, {"seed-resource", false}} {
		files, err := Schemas(schSeedSpec(c.withOps), SchemaOptions{})
		if err != nil {
			t.Fatal(err)
		}
		schGolden(t, filepath.Join("..", "testdata", "schema", c.dir), files)
	}
}

// schGolden compares files with the *.schema.json files of dir, or
// rewrites dir with -update.
func schGolden(t *testing.T, dir string, files map[string][]byte) {
	t.Helper()
	if update() {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			t.Fatal(err)
		}
		old, _ := filepath.Glob(filepath.Join(dir, "*.schema.json"))
		for _, f := range old {
			if _, ok := files[filepath.Base(f)]; !ok {
				os.Remove(f)
			}
		}
		for name, b := range files {
			if err := os.WriteFile(filepath.Join(dir, name), b, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		return
	}
	have, _ := filepath.Glob(filepath.Join(dir, "*.schema.json"))
	var names []string
	for name := range files {
		names = append(names, name)
	}
	sort.Strings(names)
	if len(have) != len(names) {
		t.Errorf("%s has %d schema files, generated %d (run go test ./generator -run Schema -update)", dir, len(have), len(names))
	}
	for _, name := range names {
		want, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Errorf("%v (run go test ./generator -run Schema -update)", err)
			continue
		}
		if !bytes.Equal(files[name], want) {
			t.Errorf("%s differs from the golden file (run go test ./generator -run Schema -update to accept):\n%s", name, files[name])
		}
	}
}

// TestSchemaDeterministic generates twice and compares the bytes.
func TestSchemaDeterministic(t *testing.T) {
	a, err := Schemas(schSeedSpec(true), SchemaOptions{})
	if err != nil {
		t.Fatal(err)
	}
	for range 5 {
		b, _ := Schemas(schSeedSpec(true), SchemaOptions{})
		if len(a) != len(b) {
			t.Fatal("different file sets")
		}
		for k := range a {
			if !bytes.Equal(a[k], b[k]) {
				t.Fatalf("%s differs between runs", k)
			}
		}
	}
}
