package schemaset_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"testing/fstest"

	"github.com/odatagen/odatagen/internal/plantest"
	"github.com/odatagen/odatagen/validate"
	"github.com/odatagen/odatagen/validate/schemaset"
	"github.com/odatagen/odatagen/validate/validatetest"
)

// The seed's schema documents are the generator's golden files; these
// tests use them as plain data.
var seedDir = filepath.Join("..", "..", "testdata", "schema", "seed")

func seedFiles(t testing.TB) map[string][]byte { return schemaFiles(t, seedDir) }

// schemaFiles reads the *.schema.json files of dir.
func schemaFiles(t testing.TB, dir string) map[string][]byte {
	t.Helper()
	names, err := filepath.Glob(filepath.Join(dir, "*.schema.json"))
	if err != nil || len(names) == 0 {
		t.Fatalf("no schemas in %s (%v)", dir, err)
	}
	files := map[string][]byte{}
	for _, n := range names {
		b, err := os.ReadFile(n)
		if err != nil {
			t.Fatal(err)
		}
		files[filepath.Base(n)] = b
	}
	return files
}

func seedSet(t testing.TB, opts ...schemaset.Option) *schemaset.Set {
	t.Helper()
	set, err := schemaset.New(seedFiles(t), opts...)
	if err != nil {
		t.Fatal(err)
	}
	return set
}

const partner = "microsoft.graph.cloudPcExternalPartner"

const getResponse = plantest.GetIndented

const createRequest = `{
  "@odata.type": "#microsoft.graph.cloudPcExternalPartner",
  "partnerId": "198d7140-80bb-4843-8cc4-811377a49a92",
  "enableConnection": true
}`

// TestAllProblems checks that every problem is reported, once, in pointer
// order, and how the error reads.
func TestAllProblems(t *testing.T) {
	set := seedSet(t)
	err := set.Validate("cloudPcExternalPartner", validate.Create,
		[]byte(`{"statusDetails":"y","foo":1,"enableConnection":"no","id":"x","lastSyncDateTime":"2020-11-03T12:43:14Z"}`))
	verr := validatetest.InvalidAt(t, err, "", "/enableConnection", "/foo", "/id", "/lastSyncDateTime", "/statusDetails")
	if verr == nil {
		return
	}
	want := `invalid create microsoft.graph.cloudPcExternalPartner payload (6 problems):
	: missing required property partnerId
	/enableConnection: expected Edm.Boolean, found string "no"
	/foo: unknown property foo (microsoft.graph.cloudPcExternalPartner is not an open type)
	/id: read-only property cannot be sent on create
	/lastSyncDateTime: property lastSyncDateTime is not in the request body of POST /deviceManagement/virtualEndpoint/externalPartners
	/statusDetails: read-only property cannot be sent on create`
	if err.Error() != want {
		t.Errorf("got\n%s\nwant\n%s", err, want)
	}
	p := verr.Problems[1]
	if p.Kind != validate.WrongType || p.Expected != "Edm.Boolean" || p.Found != `string "no"` {
		t.Errorf("problem fields: %+v", p)
	}
	one := set.Validate(partner, validate.Read, []byte(`{"connectionStatus": 3}`))
	if got := one.Error(); got != "invalid read microsoft.graph.cloudPcExternalPartner payload: /connectionStatus: expected microsoft.graph.cloudPcExternalPartnerStatus, found number 3" {
		t.Errorf("got %s", got)
	}
}

func TestCollection(t *testing.T) {
	set := seedSet(t)
	var items []string
	for i := range 12 {
		status := `"available"`
		if i == 2 || i == 10 {
			status = `"bogus"`
		}
		items = append(items, fmt.Sprintf(`{"id":"%d","connectionStatus":%s}`, i, status))
	}
	body := `{"@odata.context":"x","@odata.count":12,"@odata.nextLink":"y","@custom.note":1,"value":[` + strings.Join(items, ",") + `]}`
	verr := validatetest.InvalidAt(t, set.ValidateCollection(partner, validate.Read, []byte(body)),
		"/value/2/connectionStatus", "/value/10/connectionStatus")
	if verr != nil && (verr.Problems[0].Pointer != "/value/2/connectionStatus" || !verr.Collection) {
		t.Errorf("order: %v", verr)
	}
	for _, tt := range []struct {
		body string
		at   []string
	}{
		{`[]`, []string{""}},
		{`{}`, []string{""}},
		{`{"value": {}}`, []string{"/value"}},
		{`{"value": [], "@odata.count": "2", "@odata.nextLink": 1, "extra": true}`, []string{"/@odata.count", "/@odata.nextLink", "/extra"}},
		{`{"value": [1]}`, []string{"/value/0"}},
	} {
		validatetest.InvalidAt(t, set.ValidateCollection(partner, validate.Read, []byte(tt.body)), tt.at...)
	}
	validatetest.Valid(t, set.ValidateCollection(partner, validate.Read, []byte(`{"value": []}`)))
}

func TestTypeNames(t *testing.T) {
	set := seedSet(t)
	for _, name := range []string{partner, "cloudPcExternalPartner", "CloudPCExternalPartner", "MICROSOFT.GRAPH.CLOUDPCEXTERNALPARTNER"} {
		validatetest.Valid(t, set.Validate(name, validate.Read, []byte(getResponse)))
	}
	err := set.Validate("user", validate.Read, []byte(`{}`))
	var verr *validate.Error
	if err == nil || errors.As(err, &verr) || !strings.Contains(err.Error(), `no read schema for type "user"`) {
		t.Errorf("unknown type: %v", err)
	}
	types, err := set.Types()
	if err != nil || len(types) != 1 || types[0] != partner {
		t.Errorf("Types() = %v, %v", types, err)
	}
}

func TestNewErrors(t *testing.T) {
	if _, err := schemaset.New(map[string][]byte{"partner.json": nil}); err == nil || !strings.Contains(err.Error(), "partner.json") {
		t.Errorf("bad name: %v", err)
	}
	// A document whose $id does not follow the convention.
	files := seedFiles(t)
	name := validate.SchemaFile(partner, validate.Update)
	files[name] = []byte(strings.Replace(string(files[name]), validate.IDBase, "https://example.com/", 1))
	set, err := schemaset.New(files)
	if err != nil {
		t.Fatal(err)
	}
	err = set.Validate(partner, validate.Update, []byte(`{}`))
	if err == nil || !strings.Contains(err.Error(), "$id") {
		t.Errorf("bad $id: %v", err)
	}
	// The failure is cached, not retried.
	if err2 := set.Validate(partner, validate.Update, []byte(`{}`)); err2 == nil || err2.Error() != err.Error() {
		t.Errorf("second call: %v", err2)
	}
}

// TestLazy checks that documents are compiled on first use only: a broken
// document of another type does not stop the seed's from working, and
// fails when it is used.
func TestLazy(t *testing.T) {
	fsys := fstest.MapFS{}
	for name, b := range seedFiles(t) {
		fsys[name] = &fstest.MapFile{Data: b}
	}
	fsys["microsoft.graph.broken.read.schema.json"] = &fstest.MapFile{Data: []byte(`{"type": `)}
	fsys["README.md"] = &fstest.MapFile{Data: []byte("not a schema")}
	set := schemaset.NewFS(fsys)
	validatetest.Valid(t, set.Validate(partner, validate.Read, []byte(getResponse)))
	err := set.Validate("broken", validate.Read, []byte(`{}`))
	if err == nil || !strings.Contains(err.Error(), "microsoft.graph.broken.read.schema.json") {
		t.Errorf("broken document: %v", err)
	}
}

func TestMaxSize(t *testing.T) {
	set := seedSet(t, schemaset.MaxSize(64))
	jerr := validatetest.InvalidJSON(t, set.Validate(partner, validate.Read, []byte(getResponse)))
	if jerr != nil && jerr.Offset != 64 {
		t.Errorf("offset %d", jerr.Offset)
	}
	validatetest.Valid(t, set.Validate(partner, validate.Read, []byte(`{"id": "x"}`)))
}

func TestDuplicateKey(t *testing.T) {
	set := seedSet(t)
	jerr := validatetest.InvalidJSON(t, set.Validate(partner, validate.Update, []byte(`{"enableConnection": true, "enableConnection": false}`)))
	if jerr != nil && (jerr.Offset != 27 || jerr.Pointer != "/enableConnection") {
		t.Errorf("got %v", jerr)
	}
}

// TestConcurrent validates from many goroutines while the documents are
// still being compiled (run with -race).
func TestConcurrent(t *testing.T) {
	set := seedSet(t)
	var wg sync.WaitGroup
	for i := range 16 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			mode := validate.Mode(i % 3)
			switch mode {
			case validate.Read:
				validatetest.Valid(t, set.Validate(partner, mode, []byte(getResponse)))
			case validate.Create:
				validatetest.Valid(t, set.Validate("cloudPcExternalPartner", mode, []byte(createRequest)))
			case validate.Update:
				validatetest.InvalidAt(t, set.Validate(partner, mode, []byte(`{"id":"x"}`)), "/id")
			}
		}()
	}
	wg.Wait()
}

// FuzzValidate runs random payloads against the seed's documents, and the
// generator's kitchen-sink documents (every Edm type, enums, flags,
// complex values, @odata.type dispatch), in every mode: each is valid, an
// *Error whose problems all point at values that exist in the payload, or
// a *JSONError; never a panic.
func FuzzValidate(f *testing.F) {
	seed := seedSet(f)
	kitchen, err := schemaset.New(schemaFiles(f, filepath.Join("..", "..", "testdata", "schema", "kitchen")))
	if err != nil {
		f.Fatal(err)
	}
	targets := []struct {
		set *schemaset.Set
		typ string
	}{{seed, partner}, {kitchen, "ns.allTypes"}, {kitchen, "ns.base"}, {kitchen, "ns.holder"}}
	for _, s := range []string{getResponse, createRequest, `{"value":[` + getResponse + `]}`,
		`{"enableConnection": tru`, `{"a/b~":{"x":1,"x":2}}`, `{"connectionStatus":"sleeping","lastSyncDateTime":"2020-11-03 12:43"}`,
		`{"@odata.type":"#microsoft.graph.user","enableConnection":null}`, `[1,"x",null]`, `{"value":[{"id":1},{"foo":[{}]}],"@odata.count":1.5}`,
		`{"i16":40000,"f64":"INF","tod":"25:00","dur":"-PT1.5S","color":"red,blue","tags":[null],"address":{"street":1},"node":{"child":{}}}`,
		`{"@odata.type":"#ns.derivedB","propB":"x","id":"1","manager":3,"reports":[{}]}`,
		`{"owner":{"@odata.type":"ns.derivedA","propA":1},"all":{"u8":-1},"extra":"x","bag":{"k":[]}}`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		for _, target := range targets {
			for _, mode := range []validate.Mode{validate.Read, validate.Create, validate.Update} {
				for _, err := range []error{target.set.Validate(target.typ, mode, data), target.set.ValidateCollection(target.typ, mode, data)} {
					var verr *validate.Error
					var jerr *validate.JSONError
					switch {
					case err == nil:
					case errors.As(err, &jerr):
						if jerr.Offset < 0 || jerr.Offset > int64(len(data)) {
							t.Fatalf("offset %d out of range: %v", jerr.Offset, err)
						}
					case errors.As(err, &verr):
						if len(verr.Problems) == 0 {
							t.Fatalf("an *Error without problems")
						}
						for _, p := range verr.Problems {
							if !resolves(data, p.Pointer) || p.Message == "" {
								t.Fatalf("%s %s: problem %q: pointer does not resolve in %s", target.typ, mode, p, data)
							}
						}
					default:
						t.Fatalf("unexpected error %T: %v", err, err)
					}
				}
			}
		}
	})
}

// resolves reports whether the RFC 6901 pointer names a value of the JSON
// document data.
func resolves(data []byte, ptr string) bool {
	var v any
	d := json.NewDecoder(bytes.NewReader(data))
	d.UseNumber() // 1E1000 is a valid JSON number, too big for a float64
	if d.Decode(&v) != nil {
		return false
	}
	if ptr == "" {
		return true
	}
	if !strings.HasPrefix(ptr, "/") {
		return false
	}
	for _, tok := range strings.Split(ptr[1:], "/") {
		if strings.Count(tok, "~") != strings.Count(tok, "~0")+strings.Count(tok, "~1") {
			return false
		}
		tok = strings.ReplaceAll(strings.ReplaceAll(tok, "~1", "/"), "~0", "~")
		switch x := v.(type) {
		case map[string]any:
			var ok bool
			if v, ok = x[tok]; !ok {
				return false
			}
		case []any:
			i, err := strconv.Atoi(tok)
			if err != nil || i < 0 || i >= len(x) || strconv.Itoa(i) != tok {
				return false
			}
			v = x[i]
		default:
			return false
		}
	}
	return true
}
