package generator

import (
	"go/token"
	"strings"
	"testing"

	"github.com/odatagen/odatagen/spec"
)

func TestGoName(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"partnerId", "PartnerID"},
		{"webUrl", "WebURL"},
		{"ipAddress", "IPAddress"},
		{"id", "ID"},
		{"userIds", "UserIDs"},
		{"webUrls", "WebURLs"},
		{"httpsPort", "HTTPSPort"},
		{"dnsName", "DNSName"},
		{"osVersion", "OSVersion"},
		{"tenantGuid", "TenantGUID"},
		{"apiUri", "APIURI"},
		{"htmlBody", "HTMLBody"},
		{"cloudPcExternalPartner", "CloudPcExternalPartner"},
		{"oDataType", "ODataType"},
		{"HTTPStatus", "HTTPStatus"},
		{"lastSyncDateTime", "LastSyncDateTime"},
		{"x509Certificate", "X509Certificate"},
		{"win32LobApp", "Win32LobApp"},
		{"web_url", "WebURL"},
		{"remote_Control_Software", "RemoteControlSoftware"},
		{"type", "Type"},
		{"func", "Func"},
		{"string", "String"},
		{"3dModel", "X3dModel"},
		{"1080p", "X1080p"},
		{"@odata.type", "OdataType"},
		{"_", "X"},
		{"", "X"},
		{"élan", "Élan"},
		{"名前", "X名前"},
		{"dns", "DNS"},
		{"os", "OS"},
		{"identity", "Identity"},
	} {
		if got := goName(tc.in); got != tc.want {
			t.Errorf("goName(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestNameSpaceClaim(t *testing.T) {
	ns := newNameSpace()
	ns.reserve("Extra", "Extra")
	steps := []struct {
		holder    string
		cands     []string
		want      string
		wantClash string
	}{
		{"a", []string{"Alert"}, "Alert", ""},
		{"b", []string{"Alert"}, "Alert2", "a"},
		{"c", []string{"Alert"}, "Alert3", "a"},
		{"d", []string{"Extra", "Extra_"}, "Extra_", "Extra"},
		{"e", []string{"Extra", "Extra_"}, "Extra_2", "Extra"},
	}
	for _, s := range steps {
		got, clash := ns.claim(s.holder, s.cands...)
		if got != s.want || clash != s.wantClash {
			t.Errorf("claim(%s, %v) = %s, %q; want %s, %q", s.holder, s.cands, got, clash, s.want, s.wantClash)
		}
	}
}

func TestFileStem(t *testing.T) {
	for in, want := range map[string]string{
		"":                 "",
		"security":         "security",
		"callRecords":      "callrecords",
		"partners.billing": "partners_billing",
		"_x":               "x",
		"a..b":             "a_b",
		"windows":          "windows",
		"Trip-Pin.Models.": "trip_pin_models",
		"ünïcode":          "n_code",
	} {
		if got := fileStem(in); got != want {
			t.Errorf("fileStem(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestEdmTableCoversEveryPrimitive(t *testing.T) {
	for _, p := range spec.Primitives {
		if _, ok := edmGoTypes[p]; !ok {
			t.Errorf("%s has no Go type", p)
		}
	}
	if len(edmGoTypes) != len(spec.Primitives) {
		t.Errorf("table has %d rows, spec.Primitives %d names", len(edmGoTypes), len(spec.Primitives))
	}
}

func TestWrapText(t *testing.T) {
	for _, tc := range []struct {
		in    string
		width int
		want  []string
	}{
		{"a b c", 3, []string{"a b", "c"}},
		{"averyveryverylongword b", 5, []string{"averyveryverylongword", "b"}},
		// "-" would start a list item: the word before it moves down too.
		{"aaa bbb - ccc", 7, []string{"aaa", "bbb - ccc"}},
		{"aaaa 1. bbb", 5, []string{"aaaa 1.", "bbb"}},
		{"a - - - b", 1, []string{"a - - -", "b"}},
		{"xx yy 2) zz", 6, []string{"xx", "yy 2) zz"}},
	} {
		got := wrapText(tc.in, tc.width)
		if strings.Join(got, "|") != strings.Join(tc.want, "|") {
			t.Errorf("wrapText(%q, %d) = %q, want %q", tc.in, tc.width, got, tc.want)
		}
	}
}

func TestDocParagraphs(t *testing.T) {
	var d docBuilder
	d.add("First  line\r\ncontinues.\n\n\n  Second\tparagraph.\x00\x1b ")
	d.addSentences("", "Read-only.", "", "Nullable.")
	got := strings.Join(d.lines(), "|")
	if want := "First line continues.||Second paragraph.||Read-only. Nullable."; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

func FuzzGoName(f *testing.F) {
	for _, s := range []string{"partnerId", "3d", "", "é", "a_b-c", "HTTPServer", "userIds"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n := goName(s)
		if !token.IsIdentifier(n) || !token.IsExported(n) {
			t.Fatalf("goName(%q) = %q: not an exported identifier", s, n)
		}
		if goName(s) != n {
			t.Fatal("not deterministic")
		}
	})
}

func FuzzWrapText(f *testing.F) {
	f.Add("The quick brown fox - jumps 1. over the lazy dog", 10)
	f.Add("", 5)
	f.Fuzz(func(t *testing.T, s string, width int) {
		if width < 1 || width > 200 {
			return
		}
		lines := wrapText(s, width)
		if strings.Join(lines, " ") != strings.Join(strings.Fields(s), " ") {
			t.Fatalf("words changed: %q -> %q", s, lines)
		}
		for i, l := range lines {
			if l == "" {
				t.Fatalf("empty line in %q", lines)
			}
			if w := strings.Fields(l); i > 0 && looksLikeListMarker(w[0]) {
				t.Fatalf("line %q starts with a list marker", l)
			}
		}
	})
}
