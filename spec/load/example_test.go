package load_test

import (
	"fmt"
	"path/filepath"
	"strings"

	"github.com/odatagen/odatagen/spec"
	"github.com/odatagen/odatagen/spec/load"
)

// ExampleLoad reads the seed spec and prints a few of its facts: a type's
// properties with their flags, an enum's members, the request bodies and
// what the readers warn about.
func ExampleSpec() {
	s, warnings, err := load.Spec(filepath.Join("..", "..", "testdata", "cloudpcexternalpartner.yaml"))
	if err != nil {
		fmt.Println(err)
		return
	}
	ix := spec.NewIndex(s)
	t := ix.Type("microsoft.graph.cloudPcExternalPartner")
	fmt.Println(t.Kind, t.QualifiedName(), "base", t.BaseType, "key", t.Key)
	for _, p := range t.Properties {
		var flags []string
		if p.ReadOnly {
			flags = append(flags, "read-only")
		}
		if p.Required {
			flags = append(flags, "required")
		}
		if p.Default != nil {
			flags = append(flags, "default "+*p.Default)
		}
		if p.Filter != nil {
			flags = append(flags, fmt.Sprint("$filter ", p.Filter.Ops))
		}
		fmt.Println(strings.TrimRight(fmt.Sprintf("  %s %s %s", p.Name, p.Type, strings.Join(flags, ", ")), " "))
	}
	e := ix.Enum("microsoft.graph.cloudPcExternalPartnerStatus")
	var members []string
	for _, m := range e.Members {
		members = append(members, fmt.Sprintf("%s=%d", m.Name, m.Value))
	}
	fmt.Println(e.Name+":", strings.Join(members, ", "), "sentinel", e.Sentinel)
	for _, op := range s.Operations {
		fmt.Println(op.Method, op.Path, len(op.Body), "body properties")
	}
	for _, w := range warnings {
		fmt.Println("warning:", w.Msg)
	}
	// Output:
	// entity microsoft.graph.cloudPcExternalPartner base microsoft.graph.entity key [id]
	//   id Edm.String read-only
	//   partnerId Edm.String read-only
	//   enableConnection Edm.Boolean required, $filter [eq]
	//   lastSyncDateTime Edm.DateTimeOffset
	//   connectionStatus microsoft.graph.cloudPcExternalPartnerStatus read-only, default available
	//   statusDetails Edm.String read-only
	// cloudPcExternalPartnerStatus: notAvailable=0, available=1, healthy=2, unhealthy=3, unknownFutureValue=4 sentinel unknownFutureValue
	// POST /deviceManagement/virtualEndpoint/externalPartners 2 body properties
	// PATCH /deviceManagement/virtualEndpoint/externalPartners/{cloudPcExternalPartnerId} 1 body properties
	// warning: the create body requires partnerId, which microsoft.graph.cloudPcExternalPartner marks read-only
}
