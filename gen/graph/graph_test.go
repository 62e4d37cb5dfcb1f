package graph_test

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/odatagen/odatagen/gen/graph"
	"github.com/odatagen/odatagen/validate"
	"github.com/odatagen/odatagen/validate/edm"
)

// getExample returns the JSON body after "HTTP/1.1 200 OK" in the seed's
// Update page (the Get response), skipping when ../shared is absent.
func getExample(t *testing.T) []byte {
	t.Helper()
	page := filepath.Join("..", "..", "..", "shared", "seeds", "api", "cloudpcexternalpartner-update.md")
	src, err := os.ReadFile(page)
	if err != nil {
		t.Skipf("seed pages not available: %v", err)
	}
	_, after, ok := strings.Cut(string(src), "HTTP/1.1 200 OK")
	if !ok {
		t.Fatal("no 200 OK example")
	}
	start := strings.IndexByte(after, '{')
	end := strings.Index(after, "```")
	return []byte(after[start:end])
}

func jsonEqual(t *testing.T, a, b []byte) bool {
	t.Helper()
	var x, y any
	if err := json.Unmarshal(a, &x); err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(b, &y); err != nil {
		t.Fatal(err)
	}
	return reflect.DeepEqual(x, y)
}

func TestGetResponseRoundTrip(t *testing.T) {
	in := getExample(t)
	var p graph.CloudPcExternalPartner
	if err := json.Unmarshal(in, &p); err != nil {
		t.Fatal(err)
	}
	if p.ID == nil || *p.ID != "b3548526-e615-3785-3118-be70b3968ec5" {
		t.Errorf("ID = %v", p.ID)
	}
	if v, ok := edm.Get(p.ConnectionStatus); !ok || v != graph.CloudPcExternalPartnerStatusAvailable {
		t.Errorf("ConnectionStatus = %v, %v", v, ok)
	}
	if string(p.Extra["@odata.type"]) != `"#microsoft.graph.cloudPcExternalPartner"` {
		t.Errorf("@odata.type not kept: %s", p.Extra)
	}
	out, err := json.Marshal(&p)
	if err != nil {
		t.Fatal(err)
	}
	if !jsonEqual(t, in, out) {
		t.Errorf("round trip changed the payload:\nin:  %s\nout: %s", in, out)
	}
}

func TestEnum(t *testing.T) {
	b, err := json.Marshal(graph.CloudPcExternalPartnerStatusHealthy)
	if err != nil || string(b) != `"healthy"` {
		t.Fatalf("Healthy marshals to %s, %v", b, err)
	}
	if !graph.IsKnown(graph.CloudPcExternalPartnerStatusHealthy) {
		t.Error("Healthy is not known")
	}
	if v, known := graph.EnumValue(graph.CloudPcExternalPartnerStatusHealthy); !known || v != 2 {
		t.Errorf("Healthy.Value() = %d, %v", v, known)
	}
	var s graph.CloudPcExternalPartnerStatus
	if err := json.Unmarshal([]byte(`"someFutureMember"`), &s); err != nil {
		t.Fatalf("unknown member: %v", err)
	}
	if graph.IsKnown(s) {
		t.Error("someFutureMember is known")
	}
	b, err = json.Marshal(s)
	if err != nil || string(b) != `"someFutureMember"` {
		t.Errorf("unknown member marshals to %s, %v", b, err)
	}
}

func TestPatchValues(t *testing.T) {
	for _, v := range []bool{false, true} {
		b, err := json.Marshal(graph.CloudPcExternalPartner{EnableConnection: edm.Value(v)})
		want := `{"enableConnection":` + map[bool]string{false: "false", true: "true"}[v] + `}`
		if err != nil || string(b) != want {
			t.Errorf("PATCH with enableConnection=%v: %s, %v; want %s", v, b, err, want)
		}
	}
	b, err := json.Marshal(graph.CloudPcExternalPartner{LastSyncDateTime: edm.Null[time.Time]()})
	if err != nil || string(b) != `{"lastSyncDateTime":null}` {
		t.Errorf("clearing lastSyncDateTime: %s, %v", b, err)
	}
	b, err = json.Marshal(graph.CloudPcExternalPartner{ConnectionStatus: edm.Null[graph.CloudPcExternalPartnerStatus]()})
	if err != nil || string(b) != `{"connectionStatus":null}` {
		t.Errorf("clearing connectionStatus: %s, %v", b, err)
	}
	b, err = json.Marshal(graph.CloudPcExternalPartner{})
	if err != nil || !bytes.Equal(b, []byte(`{}`)) {
		t.Errorf("zero value: %s, %v", b, err)
	}
}

func TestValidateWith(t *testing.T) {
	noSeconds := []byte(`{"lastSyncDateTime": "2020-11-03T12:43Z"}`)
	if graph.Validate[graph.CloudPcExternalPartner](noSeconds, validate.Read) == nil {
		t.Error("Validate accepts a date-time without seconds")
	}
	if err := graph.ValidateWith[graph.CloudPcExternalPartner](noSeconds, validate.Read, validate.Options{DateTimeWithoutSeconds: true}); err != nil {
		t.Errorf("ValidateWith(DateTimeWithoutSeconds): %v", err)
	}
}
