package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestValidateAcceptance runs the acceptance table of the JSON Schema issue
// through the command line: the seed resource page plus its three API pages.
func TestValidateAcceptance(t *testing.T) {
	resource := seedPath(t, "cloudpcexternalpartner.md")
	update := seedPath(t, "api/cloudpcexternalpartner-update.md")
	create := seedPath(t, "api/virtualendpoint-post-externalpartners.md")
	list := seedPath(t, "api/virtualendpoint-list-externalpartners.md")
	specs := []string{"-spec", resource, "-spec", update, "-spec", create, "-spec", list}

	get := httpExample(t, update, "HTTP/1.1 200 OK", 0)
	list1 := httpExample(t, list, "HTTP/1.1 200 OK", 0)
	list2 := httpExample(t, list, "HTTP/1.1 200 OK", 1)
	post := requestExample(t, create, "POST")
	if len(list2["value"].([]any)[0].(map[string]any)) != 3 {
		t.Fatalf("the $select example should have three properties per item: %v", list2)
	}
	const guid = "198d7140-80bb-4843-8cc4-811377a49a92"

	tests := []struct {
		row        int
		mode       string
		collection bool
		payload    string // file path
		wantAt     []string
		wantText   string // a substring of stdout, for rows without a pointer
	}{
		{row: 1, mode: "read", payload: writeJSON(t, get)},
		{row: 2, mode: "read", collection: true, payload: writeJSON(t, list1)},
		{row: 3, mode: "read", collection: true, payload: writeJSON(t, list2)},
		{row: 4, mode: "read", payload: writeJSON(t, with(get, "connectionStatus", "sleeping")), wantAt: []string{"/connectionStatus"}},
		{row: 5, mode: "read", payload: writeJSON(t, with(get, "connectionStatus", "unknownFutureValue"))},
		{row: 6, mode: "read", payload: writeJSON(t, with(get, "enableConnection", "true")), wantAt: []string{"/enableConnection"}},
		{row: 7, mode: "read", payload: writeJSON(t, with(get, "lastSyncDateTime", "2020-11-03 12:43")), wantAt: []string{"/lastSyncDateTime"}},
		{row: 8, mode: "read", payload: writeJSON(t, with(get, "foo", 1)), wantAt: []string{"/foo"}},
		{row: 9, mode: "read", payload: writeJSON(t, with(get, "@odata.etag", `W/"1"`, "enableConnection@odata.type", "#Boolean"))},
		{row: 10, mode: "read", payload: writeJSON(t, with(get, "@odata.type", "#microsoft.graph.user")), wantAt: []string{"/@odata.type"}},
		{row: 11, mode: "create", payload: writeJSON(t, post)},
		{row: 12, mode: "create", payload: writeRaw(t, `{"enableConnection": true}`), wantText: "partnerId"},
		{row: 13, mode: "create", payload: writeRaw(t, `{"partnerId": "`+guid+`"}`), wantText: "enableConnection"},
		{row: 14, mode: "create", payload: writeJSON(t, with(post, "connectionStatus", "healthy")), wantAt: []string{"/connectionStatus"}},
		{row: 15, mode: "create", payload: writeJSON(t, with(post, "id", "x")), wantAt: []string{"/id"}},
		{row: 16, mode: "update", payload: writeRaw(t, `{"enableConnection": false}`)},
		{row: 17, mode: "update", payload: writeRaw(t, `{}`)},
		{row: 18, mode: "update", payload: writeRaw(t, `{"statusDetails": "x"}`), wantAt: []string{"/statusDetails"}},
		{row: 19, mode: "update", payload: writeRaw(t, `{"partnerId": "`+guid+`"}`), wantAt: []string{"/partnerId"}},
		{row: 20, mode: "read", payload: writeRaw(t, `{"enableConnection": tru`), wantText: "invalid JSON at offset 24: unexpected end of input"},
		{row: 20, mode: "create", payload: writeRaw(t, `{"enableConnection": tru`), wantText: "invalid JSON at offset 24: unexpected end of input"},
		{row: 20, mode: "update", payload: writeRaw(t, `{"enableConnection": tru`), wantText: "invalid JSON at offset 24: unexpected end of input"},
	}
	for _, tc := range tests {
		args := append([]string{"validate"}, specs...)
		args = append(args, "-type", "cloudPcExternalPartner", "-mode", tc.mode)
		if tc.collection {
			args = append(args, "-collection")
		}
		args = append(args, tc.payload)
		code, out, errOut := runCLI(t, "", args...)
		valid := len(tc.wantAt) == 0 && tc.wantText == ""
		switch {
		case valid && code != 0:
			t.Errorf("row %d: exit %d, want 0 (valid)\nstdout: %s\nstderr: %s", tc.row, code, out, errOut)
			continue
		case !valid && code != 1:
			t.Errorf("row %d: exit %d, want 1 (invalid)\nstdout: %s\nstderr: %s", tc.row, code, out, errOut)
			continue
		}
		for _, ptr := range tc.wantAt {
			if !strings.Contains(out, tc.payload+": "+ptr+": ") {
				t.Errorf("row %d: no problem at %s in:\n%s", tc.row, ptr, out)
			}
		}
		if tc.wantText != "" && !strings.Contains(out, tc.wantText) {
			t.Errorf("row %d: output does not mention %q:\n%s", tc.row, tc.wantText, out)
		}
		// Every problem line names the payload, then a pointer or the message.
		for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
			if line != "" && !strings.HasPrefix(line, tc.payload+": ") {
				t.Errorf("row %d: line does not start with the payload name: %q", tc.row, line)
			}
		}
	}
}

// Without the API pages, the resource flags decide: partnerId is read-only,
// so the Create example is rejected, and the message says why.
func TestValidateResourceOnly(t *testing.T) {
	resource := seedPath(t, "cloudpcexternalpartner.md")
	post := requestExample(t, seedPath(t, "api/virtualendpoint-post-externalpartners.md"), "POST")
	p := writeJSON(t, post)
	code, out, errOut := runCLI(t, "", "validate", "-spec", resource, "-type", "microsoft.graph.cloudPcExternalPartner", "-mode", "create", p)
	if code != 1 {
		t.Fatalf("exit %d, want 1\n%s%s", code, out, errOut)
	}
	want := p + ": /partnerId: read-only property cannot be sent on create"
	if !strings.Contains(out, want) {
		t.Errorf("output lacks %q:\n%s", want, out)
	}
}

func TestValidateStdinAndUsage(t *testing.T) {
	yaml := "../../testdata/cloudpcexternalpartner.yaml"
	code, out, _ := runCLI(t, `{"enableConnection": false}`, "validate", "-spec", yaml, "-type", "cloudPcExternalPartner", "-mode", "update", "-")
	if code != 0 {
		t.Errorf("stdin payload: exit %d, want 0: %s", code, out)
	}
	code, out, _ = runCLI(t, `{"connectionStatus": "sleeping"}`, "validate", "-spec", yaml, "-type", "cloudPcExternalPartner", "-")
	if code != 1 || !strings.Contains(out, `-: /connectionStatus: "sleeping" is not a cloudPcExternalPartnerStatus member (notAvailable, available, healthy, unhealthy, unknownFutureValue)`) {
		t.Errorf("stdin invalid payload: exit %d, output:\n%s", code, out)
	}
	for _, args := range [][]string{
		{"validate", "-type", "x", "p.json"},                                   // no -spec
		{"validate", "-spec", yaml, "p.json"},                                  // no -type
		{"validate", "-spec", yaml, "-type", "cloudPcExternalPartner"},         // no payload
		{"validate", "-spec", yaml, "-type", "x", "-mode", "delete", "p.json"}, // bad mode
		{"validate", "-spec", yaml, "-type", "cloudPcExternalPartner", "/no/such/payload.json"},
		{"validate", "-spec", "/no/such/spec.yaml", "-type", "x", "p.json"},
		{"validate", "-nosuchflag"},
	} {
		if code, _, errOut := runCLI(t, "", args...); code != 2 {
			t.Errorf("%v: exit %d, want 2 (usage or unreadable)\n%s", args, code, errOut)
		}
	}
	if code, _, errOut := runCLI(t, "", "validate", "-spec", yaml, "-type", "noSuchType", "-"); code != 2 || !strings.Contains(errOut, "noSuchType") {
		t.Errorf("unknown type: exit %d, stderr %q", code, errOut)
	}
}

func TestResolveTypeAmbiguous(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "two.yaml")
	src := "namespaces:\n  - name: a\n    types:\n      - {name: item, kind: complex}\n  - name: b\n    types:\n      - {name: item, kind: complex}\n"
	if err := os.WriteFile(p, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	code, _, errOut := runCLI(t, `{}`, "validate", "-spec", p, "-type", "item", "-")
	if code != 2 || !strings.Contains(errOut, `type name "item" is ambiguous: a.item, b.item`) {
		t.Errorf("exit %d, stderr %q", code, errOut)
	}
	if code, out, errOut := runCLI(t, `{}`, "validate", "-spec", p, "-type", "b.item", "-"); code != 0 {
		t.Errorf("qualified name: exit %d\n%s%s", code, out, errOut)
	}
}

func TestValidateFormatOptions(t *testing.T) {
	yaml := filepath.Join("..", "..", "testdata", "cloudpcexternalpartner.yaml")
	noSeconds := `{"lastSyncDateTime": "2020-11-03T12:43Z"}`
	code, out, _ := runCLI(t, noSeconds, "validate", "-spec", yaml, "-type", "cloudPcExternalPartner", "-")
	if code != exitNo || !strings.Contains(out, "/lastSyncDateTime") {
		t.Errorf("without seconds by default: exit %d, %q; want 1 and a problem at /lastSyncDateTime", code, out)
	}
	code, out, _ = runCLI(t, noSeconds, "validate", "-spec", yaml, "-type", "cloudPcExternalPartner", "-datetime-without-seconds", "-")
	if code != exitOK {
		t.Errorf("-datetime-without-seconds: exit %d, %q; want 0", code, out)
	}
}
