package markdown

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/odatagen/odatagen/spec"
)

// mdShared is the shared data folder seen from the package directory.
var mdShared = filepath.Join("..", "..", "..", "shared")

func mdReadFile(t testing.TB, path string) (*spec.Spec, []spec.Warning) {
	t.Helper()
	src, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	s, warns, err := Read(filepath.Base(path), src)
	if err != nil {
		t.Fatalf("Read(%s): %v", path, err)
	}
	return s, warns
}

func mdSharedFile(t *testing.T, parts ...string) string {
	t.Helper()
	p := filepath.Join(append([]string{mdShared}, parts...)...)
	if _, err := os.Stat(p); err != nil {
		t.Skipf("shared data not available: %v", err)
	}
	return p
}

// mdDescribe prints a property as a compact list of its facts, so that
// table tests can state them in one line.
func mdDescribe(p *spec.Property) string {
	f := []string{p.Name, p.Type.String()}
	flag := func(ok bool, s string) {
		if ok {
			f = append(f, s)
		}
	}
	flag(p.ReadOnly, "ro")
	flag(p.Required, "req")
	flag(!p.Nullable, "notnull")
	flag(p.Immutable, "imm")
	flag(p.Deprecated, "dep")
	if p.Default != nil {
		f = append(f, "default="+*p.Default)
	}
	if p.Filter != nil {
		ops := "all"
		if len(p.Filter.Ops) > 0 {
			var s []string
			for _, o := range p.Filter.Ops {
				s = append(s, string(o))
			}
			ops = strings.Join(s, ",")
		}
		f = append(f, "filter="+ops)
		flag(p.Filter.Null, "null")
		flag(p.Filter.Count, "count")
	}
	return strings.Join(f, " ")
}

func mdDescribeEnum(e *spec.EnumType) string {
	var ms []string
	for _, m := range e.Members {
		ms = append(ms, fmt.Sprintf("%s=%d", m.Name, m.Value))
	}
	s := e.QualifiedName() + ": " + strings.Join(ms, " ")
	if e.Sentinel != "" {
		s += " sentinel=" + e.Sentinel
	}
	if e.Flags {
		s += " flags"
	}
	return s
}

func mdDescribeOp(o *spec.Operation) string {
	var b []string
	for _, p := range o.Body {
		s := p.Name
		if p.Type.Name != "" {
			s += ":" + p.Type.String()
		}
		if p.Required {
			s += "!"
		}
		b = append(b, s)
	}
	return fmt.Sprintf("%s %s %s %s [%s]", o.Kind, o.Type, o.Method, o.Path, strings.Join(b, " "))
}

func mdFindType(s *spec.Spec, q string) *spec.StructuredType {
	for _, t := range s.Types {
		if t.QualifiedName() == q {
			return t
		}
	}
	return nil
}

func mdFindEnum(s *spec.Spec, q string) *spec.EnumType {
	for _, e := range s.Enums {
		if e.QualifiedName() == q {
			return e
		}
	}
	return nil
}

func TestReadSeed(t *testing.T) {
	s, warns := mdReadFile(t, mdSharedFile(t, "seeds", "cloudpcexternalpartner.md"))
	if len(warns) != 0 {
		t.Errorf("warnings: %v", warns)
	}
	if len(s.Types) != 1 {
		t.Fatalf("got %d types, want 1", len(s.Types))
	}
	ty := s.Types[0]
	if ty.Namespace != "microsoft.graph" || ty.Name != "cloudPcExternalPartner" {
		t.Errorf("type = %s.%s", ty.Namespace, ty.Name)
	}
	if ty.Kind != spec.EntityKind || ty.BaseType != "microsoft.graph.entity" || !reflect.DeepEqual(ty.Key, []string{"id"}) || ty.Open || ty.Abstract {
		t.Errorf("kind %s base %q key %v open %v abstract %v", ty.Kind, ty.BaseType, ty.Key, ty.Open, ty.Abstract)
	}
	want := []string{
		"id Edm.String ro",
		"partnerId Edm.String ro",
		"enableConnection Edm.Boolean req filter=eq",
		"lastSyncDateTime Edm.DateTimeOffset",
		"connectionStatus microsoft.graph.cloudPcExternalPartnerStatus ro default=available",
		"statusDetails Edm.String ro",
	}
	var got []string
	for _, p := range ty.Properties {
		got = append(got, mdDescribe(p))
		if p.Pos.File != "cloudpcexternalpartner.md" || p.Pos.Line == 0 || p.Pos.Col == 0 {
			t.Errorf("%s: position %v", p.Name, p.Pos)
		}
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("properties:\n got %q\nwant %q", got, want)
	}
	ec := ty.Property("enableConnection")
	if ec == nil || ec.Filter == nil || !reflect.DeepEqual(ec.Filter.Ops, []spec.FilterOp{spec.OpEq}) || ec.Filter.Null || ec.Filter.Count {
		t.Errorf("enableConnection filter = %+v", ec.Filter)
	}
	if len(ty.NavigationProperties) != 0 {
		t.Errorf("navigation properties: %d", len(ty.NavigationProperties))
	}
	if len(s.Enums) != 1 {
		t.Fatalf("got %d enums, want 1", len(s.Enums))
	}
	e := s.Enums[0]
	if got, want := mdDescribeEnum(e), "microsoft.graph.cloudPcExternalPartnerStatus: notAvailable=0 available=1 healthy=2 unhealthy=3 unknownFutureValue=4 sentinel=unknownFutureValue"; got != want {
		t.Errorf("enum:\n got %s\nwant %s", got, want)
	}
	if ty.Pos.Line != 11 || e.Pos.Line != 37 || e.Members[0].Pos.Line != 40 {
		t.Errorf("positions: type %v enum %v member %v", ty.Pos, e.Pos, e.Members[0].Pos)
	}
	if ty.Description == "" || strings.Contains(ty.Description, "](") {
		t.Errorf("description %q", ty.Description)
	}
}

func TestReadSeedAPI(t *testing.T) {
	tests := []struct {
		file string
		want string // "" means no operation
	}{
		{"virtualendpoint-post-externalpartners.md", "create microsoft.graph.cloudPcExternalPartner POST /deviceManagement/virtualEndpoint/externalPartners [enableConnection:Edm.Boolean! partnerId:Edm.String!]"},
		{"cloudpcexternalpartner-update.md", "update microsoft.graph.cloudPcExternalPartner PATCH /deviceManagement/virtualEndpoint/externalPartners/{cloudPcExternalPartnerId} [enableConnection:Edm.Boolean!]"},
		{"virtualendpoint-list-externalpartners.md", ""},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			s, _ := mdReadFile(t, mdSharedFile(t, "seeds", "api", tt.file))
			if len(s.Types) != 0 || len(s.Enums) != 0 {
				t.Errorf("API page gave types or enums")
			}
			if tt.want == "" {
				if len(s.Operations) != 0 {
					t.Errorf("got %s, want no operation", mdDescribeOp(s.Operations[0]))
				}
				return
			}
			if len(s.Operations) != 1 {
				t.Fatalf("got %d operations, want 1", len(s.Operations))
			}
			op := s.Operations[0]
			if got := mdDescribeOp(op); got != tt.want {
				t.Errorf("\n got %s\nwant %s", got, tt.want)
			}
			if op.Pos.Line == 0 || op.Body[0].Pos.Line <= op.Pos.Line {
				t.Errorf("positions: op %v body %v", op.Pos, op.Body[0].Pos)
			}
		})
	}
}

// TestReadFixtures checks the parsed facts of the fixture pages in
// testdata/markdown, which exercise the variations the corpus lacks.
func TestReadFixtures(t *testing.T) {
	type typeWant struct {
		name  string   // qualified
		head  string   // "kind base key open abstract"
		props []string // mdDescribe of properties then navigation properties
	}
	tests := []struct {
		file  string
		types []typeWant
		enums []string // mdDescribeEnum
		ops   []string // mdDescribeOp
		warns []string // substrings of warnings, in order
	}{{
		file: "widget-quirks.md",
		types: []typeWant{{
			name: "microsoft.graph.workshop.gizmo",
			head: "entity microsoft.graph.workshop.machine [] open abstract",
			props: []string{
				"id Edm.String ro notnull",
				"serial Edm.Guid ro filter=eq,in",
				"label Edm.String req filter=eq,ne,not,ge,le,in,startsWith",
				"tag Edm.Int64 filter=eq",
				"speed Edm.Int32 default=12 filter=all",
				"warmup Edm.Duration default=PT5M",
				"builtOn Edm.Date ro",
				"opensAt Edm.TimeOfDay filter=all",
				"firmware Edm.Binary default=AAAA",
				"manual Edm.Stream",
				"extraData Edm.Untyped",
				"oldName Edm.String dep",
				"nickname Edm.String req",
				"motto Edm.String",
				"colors Collection(microsoft.graph.workshop.widgetColor) filter=eq null count",
				"shape microsoft.graph.workshop.gizmoShape filter=eq,startsWith",
				"size microsoft.graph.workshop.sizeClass default=medium",
				"parts Collection(microsoft.graph.workshop.part)",
				"owner microsoft.graph.identitySet",
				"maker microsoft.graph.workshop.maker ro filter=eq",
				"spares Collection(Edm.String) filter=eq,any",
				"weight Edm.Double default=1.5",
				"Status microsoft.graph.workshop.Status",
				"bench microsoft.graph.workshop.bench ro",
				"spareGizmos Collection(microsoft.graph.workshop.gizmo)",
			},
		}},
		enums: []string{
			"microsoft.graph.workshop.widgetColor: red=0 green=1 unknownFutureValue=2 sentinel=unknownFutureValue",
			"microsoft.graph.workshop.sizeClass: small=0 medium=1 large=2 unknownFutureValue=3 sentinel=unknownFutureValue",
			"microsoft.graph.workshop.Status: idle=0 running=16 broken=2",
		},
		warns: []string{`value "two" of enum member broken`},
	}, {
		file:  "enum-page.md",
		enums: []string{"microsoft.graph.gizmoShape: none=0 round=1 square=2 tall=4 unknownFutureValue=8 pointy=16 sentinel=unknownFutureValue flags"},
	}, {
		file: "enum-values-page.md",
		enums: []string{
			"microsoft.graph.workshop.toolKind: hammer=0 saw=1 unknownFutureValue=2 sentinel=unknownFutureValue",
			"microsoft.graph.workshop.finish: matte=1 gloss=2",
		},
		warns: []string{"enum member unknownfuturevalue read as unknownFutureValue"},
	}, {
		file: "complex-nometa.md",
		types: []typeWant{{
			name:  "microsoft.graph.steelBeam",
			head:  "complex microsoft.graph.support []",
			props: []string{"length Edm.Single", "loads Collection(Edm.Double)"},
		}},
	}, {
		file: "legacy-type.md",
		types: []typeWant{{
			name:  "microsoft.graph.clamp",
			head:  "entity  [id]",
			props: []string{"grip microsoft.graph.gripKind", "id Edm.String"},
		}},
		enums: []string{"microsoft.graph.gripKind: loose=0 firm=1"},
	}, {
		file: "api-create.md",
		ops:  []string{"create microsoft.graph.workshop.gizmo POST /workshop/gizmos [label:Edm.String! speed:Edm.Int32 tag:Edm.Int64! motto nickname!]"},
	}, {
		file: "api-update.md",
		ops:  []string{"update microsoft.graph.workshop.woodBench PATCH /workshop/benches/{benchId} [height:Edm.Single! owner:microsoft.graph.identitySet]"},
	}, {
		file: "api-put.md",
		ops:  []string{"create microsoft.graph.workshop.rack PUT /workshop/benches/{id | name}/rack [shelves:Edm.Int32!]"},
	}, {
		file: "api-action.md",
	}, {
		file: "api-action-plain.md",
	}, {
		file: "api-ref.md",
	}, {
		file: "api-get.md",
	}}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			s, warns := mdReadFile(t, filepath.Join("testdata", "markdown", tt.file))
			if len(s.Types) != len(tt.types) {
				t.Errorf("got %d types, want %d", len(s.Types), len(tt.types))
			}
			for _, w := range tt.types {
				ty := mdFindType(s, w.name)
				if ty == nil {
					t.Errorf("type %s missing", w.name)
					continue
				}
				head := fmt.Sprintf("%s %s %v", ty.Kind, ty.BaseType, ty.Key)
				if ty.Open {
					head += " open"
				}
				if ty.Abstract {
					head += " abstract"
				}
				if head != w.head {
					t.Errorf("%s: got %q, want %q", w.name, head, w.head)
				}
				var got []string
				for _, p := range append(ty.Properties, ty.NavigationProperties...) {
					got = append(got, mdDescribe(p))
				}
				if !reflect.DeepEqual(got, w.props) {
					t.Errorf("%s properties:\n got %q\nwant %q", w.name, got, w.props)
				}
			}
			var enums, ops []string
			for _, e := range s.Enums {
				enums = append(enums, mdDescribeEnum(e))
			}
			for _, o := range s.Operations {
				ops = append(ops, mdDescribeOp(o))
			}
			if !reflect.DeepEqual(enums, tt.enums) {
				t.Errorf("enums:\n got %q\nwant %q", enums, tt.enums)
			}
			if !reflect.DeepEqual(ops, tt.ops) {
				t.Errorf("operations:\n got %q\nwant %q", ops, tt.ops)
			}
			k := 0
			for _, w := range warns {
				if !w.Pos.IsValid() || w.Pos.Line == 0 {
					t.Errorf("warning without a position: %v", w)
				}
				if k < len(tt.warns) && strings.Contains(w.Msg, tt.warns[k]) {
					k++
				}
			}
			if k < len(tt.warns) {
				t.Errorf("warnings %v do not include %q", warns, tt.warns[k])
			}
		})
	}
}

// TestReadPositions checks that every element of a fixture carries
// its own line.
func TestReadPositions(t *testing.T) {
	s, _ := mdReadFile(t, filepath.Join("testdata", "markdown", "widget-quirks.md"))
	ty := s.Types[0]
	tests := []struct {
		what string
		pos  spec.Pos
		line int
		col  int
	}{
		{"type", ty.Pos, 7, 1},
		{"id", ty.Property("id").Pos, 27, 3},
		{"label", ty.Property("label").Pos, 29, 2},
		{"nickname", ty.Property("nickname").Pos, 40, 3},
		{"motto (after a broken row)", ty.Property("motto").Pos, 43, 3},
		{"label filter", ty.Property("label").Filter.Pos, 29, 2},
		{"bench", ty.Property("bench").Pos, 88, 2},
		{"enum widgetColor", s.Enums[0].Pos, 59, 1},
		{"member green", s.Enums[0].Member("green").Pos, 64, 2},
	}
	for _, tt := range tests {
		if tt.pos.File != "widget-quirks.md" || tt.pos.Line != tt.line || tt.pos.Col != tt.col {
			t.Errorf("%s: got %v, want widget-quirks.md:%d:%d", tt.what, tt.pos, tt.line, tt.col)
		}
	}
	api, _ := mdReadFile(t, filepath.Join("testdata", "markdown", "api-create.md"))
	op := api.Operations[0]
	if op.Pos.Line != 16 || op.Body[0].Pos.Line != 26 || op.Body[4].Pos.Line != 35 {
		t.Errorf("operation positions: %v, %v, %v", op.Pos, op.Body[0].Pos, op.Body[4].Pos)
	}
	// Where each body row's Required was stated: label's Required cell
	// ("Yes", column 26), nickname's description ("Another name.
	// Required.", column 11); speed is not required.
	for _, tt := range []struct {
		name      string
		line, col int
	}{{"label", 26, 26}, {"nickname", 35, 11}, {"speed", 0, 0}} {
		for _, bp := range op.Body {
			if bp.Name == tt.name && (bp.RequiredPos.Line != tt.line || bp.RequiredPos.Col != tt.col) {
				t.Errorf("%s: RequiredPos %v, want %d:%d", tt.name, bp.RequiredPos, tt.line, tt.col)
			}
		}
	}
	// A row under a line that says the table lists the required
	// properties, with no Required column: the line is where it was said.
	src := []byte("# Create shelf\n\nNamespace: microsoft.graph\n\n## HTTP request\n\n```http\nPOST /shelves\n```\n\n" +
		"## Request body\n\nThe following table lists the required properties.\n\n|Property|Type|Description|\n|:--|:--|:--|\n|width|Int32|How wide.|\n\n" +
		"## Response\n\nIf successful, this method returns a `201 Created` response code and a shelf object in the response body.\n")
	s2, _, err := Read("shelf-create.md", src)
	if err != nil {
		t.Fatal(err)
	}
	if len(s2.Operations) != 1 || len(s2.Operations[0].Body) != 1 {
		t.Fatalf("operations: %+v", s2.Operations)
	}
	if bp := s2.Operations[0].Body[0]; !bp.Required || bp.RequiredPos.String() != "shelf-create.md:13:1" {
		t.Errorf("width: required %v at %v, want true at shelf-create.md:13:1", bp.Required, bp.RequiredPos)
	}
}

// TestReadSkipsPagesWithoutType reads pages that describe no type
// (overview and conceptual pages, notes, an empty file): each is read as
// nothing, with one warning of kind WarnSkippedPage at its first line.
func TestReadSkipsPagesWithoutType(t *testing.T) {
	overview, err := os.ReadFile(filepath.Join("testdata", "markdown", "overview.md"))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, src, why string
	}{
		{"conceptual page with a properties heading", string(overview), "doc_type"},
		{"conceptual doc_type", "---\ndoc_type: conceptualPageType\n---\n# Working with widgets\n\n## Widget properties\n\nSome words.\n", "doc_type"},
		{"notes", "# Notes\n\nJust notes.\n", "no Properties table"},
		{"empty", "", "no Properties table"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, ws, err := Read("page.md", []byte(tt.src))
			if err != nil {
				t.Fatal(err)
			}
			if len(s.Types)+len(s.Enums)+len(s.Operations) != 0 {
				t.Errorf("read %d types, %d enums, %d operations; want nothing", len(s.Types), len(s.Enums), len(s.Operations))
			}
			if len(ws) != 1 || ws[0].Kind != spec.WarnSkippedPage || ws[0].Pos.Line != 1 || !strings.Contains(ws[0].Msg, tt.why) {
				t.Errorf("warnings %v, want one skipped-page warning at line 1 saying %q", ws, tt.why)
			}
		})
	}
}

func TestReadErrors(t *testing.T) {
	tests := []struct {
		name string
		src  string
		line int
		msg  string
	}{
		{"no name", "---\ndoc_type: resourcePageType\n---\n\ntext\n\n## Properties\n\n|Property|Type|Description|\n|-|-|-|\n|a|String|A.|\n", 1, "no type name"},
		{"title not a name", "# Some words here\n\nNamespace: microsoft.graph\n\n## Properties\n\n|Property|Type|Description|\n|-|-|-|\n|a|String|A.|\n", 1, "does not name a type"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, _, err := Read("page.md", []byte(tt.src))
			var e *spec.Error
			if !errors.As(err, &e) {
				t.Fatalf("got %v, want *Error", err)
			}
			if e.Pos.File != "page.md" || e.Pos.Line != tt.line || !strings.Contains(e.Msg, tt.msg) {
				t.Errorf("got %v, want page.md:%d: ...%s...", err, tt.line, tt.msg)
			}
		})
	}
	// The fixture without a name fails the same way.
	src, err := os.ReadFile(filepath.Join("testdata", "markdown", "no-name.md"))
	if err != nil {
		t.Fatal(err)
	}
	if _, _, err := Read("no-name.md", src); err == nil || !strings.HasPrefix(err.Error(), "no-name.md:1:1: ") {
		t.Errorf("no-name.md: got %v", err)
	}
}

// TestReadCorpus reads every page of the shared corpus.
func TestReadCorpus(t *testing.T) {
	files := mdCorpusFiles(t)
	ok := 0
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		func() {
			defer func() {
				if p := recover(); p != nil {
					t.Errorf("%s: panic: %v", f, p)
				}
			}()
			_, warns, err := Read(f, src)
			for _, w := range warns {
				if w.Pos.File != f {
					t.Errorf("%s: warning not positioned in the file: %v", f, w)
				}
			}
			if err != nil {
				var e *spec.Error
				if !errors.As(err, &e) || e.Pos.File != f || e.Pos.Line < 1 {
					t.Errorf("%s: error is not positioned: %v", f, err)
				}
				t.Logf("%v", err)
				return
			}
			ok++
		}()
	}
	t.Logf("read %d of %d corpus pages without error", ok, len(files))
	if len(files) != 68 {
		t.Errorf("corpus has %d pages, want 68", len(files))
	}
	if ok < 66 {
		t.Errorf("only %d of %d pages read", ok, len(files))
	}
}

func mdCorpusFiles(t testing.TB) []string {
	t.Helper()
	var files []string
	for _, dir := range []string{"graph-docs-2021", "graph-docs-current"} {
		for _, v := range []string{"beta", "v1.0"} {
			m, err := filepath.Glob(filepath.Join(mdShared, "corpus", dir, v, "*.md"))
			if err != nil {
				t.Fatal(err)
			}
			files = append(files, m...)
		}
	}
	if len(files) == 0 {
		t.Skip("corpus not available")
	}
	return files
}

// TestReadCorpusFacts spot-checks facts of corpus pages.
func TestReadCorpusFacts(t *testing.T) {
	tests := []struct {
		file string
		typ  string // qualified type ("" for enum pages)
		prop string // a property's mdDescribe, or a type header "kind base key"
		enum string // an enum's mdDescribe
	}{
		// Sub-namespaces.
		{file: "graph-docs-2021/beta/callrecords-session.md", typ: "microsoft.graph.callRecords.session", prop: "modalities Collection(microsoft.graph.callRecords.modality)"},
		{file: "graph-docs-2021/beta/callrecords-session.md", typ: "microsoft.graph.callRecords.session", prop: "segments Collection(microsoft.graph.callRecords.segment) ro"},
		{file: "graph-docs-2021/beta/ediscovery-estimatestatisticsoperation.md", typ: "microsoft.graph.ediscovery.estimateStatisticsOperation", prop: "createdBy microsoft.graph.identitySet ro"},
		{file: "graph-docs-2021/beta/ediscovery-estimatestatisticsoperation.md", typ: "microsoft.graph.ediscovery.estimateStatisticsOperation", prop: "entity microsoft.graph.ediscovery.caseOperation [id]"},
		{file: "graph-docs-current/beta/healthmonitoring-alert.md", typ: "microsoft.graph.healthMonitoring.alert", prop: "state microsoft.graph.healthMonitoring.alertState"},
		{file: "graph-docs-current/beta/networkaccess-filteringpolicy.md", typ: "microsoft.graph.networkaccess.filteringPolicy", prop: "policyRules Collection(microsoft.graph.networkaccess.policyRule)"},
		// Enum page and enum sections.
		{file: "graph-docs-current/v1.0/activitytype.md", enum: "microsoft.graph.activityType: signin=0 user=1 unknownFutureValue=2 servicePrincipal=3 sentinel=unknownFutureValue"},
		{file: "graph-docs-2021/beta/authorizationpolicy.md", enum: "microsoft.graph.allowInvitesFrom: none=0 adminsAndGuestInviters=1 adminsGuestInvitersAndAllMembers=2 everyone=3"},
		// Filter phrases.
		{file: "graph-docs-current/v1.0/device.md", typ: "microsoft.graph.device", prop: "displayName Edm.String req filter=eq,ne,not,ge,le,in,startsWith null"},
		{file: "graph-docs-current/v1.0/device.md", typ: "microsoft.graph.device", prop: "physicalIds Collection(Edm.String) notnull filter=eq,not,ge,le,startsWith count"},
		{file: "graph-docs-current/v1.0/device.md", typ: "microsoft.graph.device", prop: "accountEnabled Edm.Boolean req default=true filter=eq,ne,not,in"},
		{file: "graph-docs-current/v1.0/device.md", typ: "microsoft.graph.device", prop: "entity microsoft.graph.directoryObject [id]"},
		{file: "graph-docs-2021/v1.0/signin.md", typ: "microsoft.graph.signIn", prop: "createdDateTime Edm.DateTimeOffset filter=eq,ge,le"},
		{file: "graph-docs-2021/v1.0/signin.md", typ: "microsoft.graph.signIn", prop: "appDisplayName Edm.String filter=eq,startsWith"},
		{file: "graph-docs-2021/v1.0/schemaextension.md", typ: "microsoft.graph.schemaExtension", prop: "owner Edm.String imm filter=eq"},
		// Relationships tables.
		{file: "graph-docs-current/v1.0/device.md", typ: "microsoft.graph.device", prop: "memberOf Collection(microsoft.graph.directoryObject) ro"},
		{file: "graph-docs-2021/v1.0/team.md", typ: "microsoft.graph.team", prop: "installedApps Collection(microsoft.graph.teamsAppInstallation)"},
		// Type cell spellings.
		{file: "graph-docs-2021/v1.0/team.md", typ: "microsoft.graph.team", prop: "webUrl Edm.String ro"},
		{file: "graph-docs-2021/v1.0/licenseassignmentstate.md", typ: "microsoft.graph.licenseAssignmentState", prop: "disabledPlans Collection(Edm.String) ro"},
		{file: "graph-docs-2021/v1.0/driveItemVersion.md", typ: "microsoft.graph.driveItemVersion", prop: "lastModifiedDateTime Edm.DateTimeOffset ro"},
		{file: "graph-docs-2021/beta/educationcsvdataprovider.md", typ: "microsoft.graph.educationCsvDataProvider", prop: "customizations microsoft.graph.educationSynchronizationCustomizations"},
		{file: "graph-docs-2021/beta/workinghours.md", typ: "microsoft.graph.workingHours", prop: "startTime Edm.TimeOfDay"},
		// Names from @odata.type rather than the title.
		{file: "graph-docs-2021/v1.0/formatprotection.md", typ: "microsoft.graph.workbookFormatProtection", prop: "entity microsoft.graph.entity []"},
		{file: "graph-docs-2021/beta/teamstabconfiguration.md", typ: "microsoft.graph.teamsTabConfiguration", prop: "contentUrl Edm.String req"},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			s, _ := mdReadFile(t, mdSharedFile(t, "corpus", tt.file))
			if tt.enum != "" {
				var got []string
				for _, e := range s.Enums {
					got = append(got, mdDescribeEnum(e))
				}
				if !mdContains(got, tt.enum) {
					t.Errorf("enum %q not in %q", tt.enum, got)
				}
			}
			if tt.typ == "" {
				return
			}
			ty := mdFindType(s, tt.typ)
			if ty == nil {
				t.Fatalf("type %s missing", tt.typ)
			}
			got := []string{fmt.Sprintf("%s %s %v", ty.Kind, ty.BaseType, ty.Key)}
			for _, p := range append(ty.Properties, ty.NavigationProperties...) {
				got = append(got, mdDescribe(p))
			}
			if !mdContains(got, tt.prop) {
				t.Errorf("%q not in %q", tt.prop, got)
			}
		})
	}
}

func mdContains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// TestReadConditionalFacts: "Required if ...", "Read-only when ..." and
// "Read-only for ..." are conditions, kept on the property and not enforced;
// "Required when you create ..." stays absolute.
func TestReadConditionalFacts(t *testing.T) {
	src, err := os.ReadFile(filepath.Join("testdata", "markdown", "conditional.md"))
	if err != nil {
		t.Fatal(err)
	}
	s, _, err := Read("conditional.md", src)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, p := range s.Types[0].Properties {
		got[p.Name] = fmt.Sprintf("ro=%v req=%v cond=%q", p.ReadOnly, p.Required, p.Conditions)
	}
	want := map[string]string{
		"id":         `ro=true req=false cond=[]`,
		"kind":       `ro=false req=true cond=[]`,
		"scriptBody": `ro=false req=false cond=["Required if kind is custom."]`,
		"isBuiltIn":  `ro=false req=false cond=["Read-only when isBuiltIn is true."]`,
		"owner":      `ro=false req=false cond=["Read-only for teams synced from the old catalog."]`,
		"notes":      `ro=false req=true cond=[]`,
	}
	for name, w := range want {
		if got[name] != w {
			t.Errorf("%s: %s, want %s", name, got[name], w)
		}
	}
}

// TestReadNestedJSONTable: a table under a sentence that introduces a
// property's JSON describes that JSON, not the resource; a table of
// inherited properties is still read.
func TestReadNestedJSONTable(t *testing.T) {
	src, err := os.ReadFile(filepath.Join("testdata", "markdown", "nested-json.md"))
	if err != nil {
		t.Fatal(err)
	}
	s, ws, err := Read("nested-json.md", src)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, p := range s.Types[0].Properties {
		names = append(names, p.Name)
	}
	if got := strings.Join(names, " "); got != "id definition displayName createdDateTime" {
		t.Errorf("properties %s, want id definition displayName createdDateTime", got)
	}
	found := false
	for _, w := range ws {
		found = found || strings.Contains(w.Msg, "JSON inside property definition")
	}
	if !found {
		t.Errorf("no warning about the definition table in %v", ws)
	}
}
