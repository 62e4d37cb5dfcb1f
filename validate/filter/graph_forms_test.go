package filter

import "testing"

// TestParseGraphForms parses filter shapes common in Microsoft Graph
// requests (written for this test; the shapes, not any page's text).
func TestParseGraphForms(t *testing.T) {
	for _, in := range []string{
		"identities/any(c:c/issuerAssignedId eq 'j.doe@example.com' and c/issuer eq 'contoso.example.com')",
		"assignedLicenses/$count eq 0",
		"onPremisesSyncEnabled ne true and mail eq null",
		"mail in ('a@example.com', 'b@example.com')",
		"signInActivity/lastSignInDateTime le 2019-06-01T00:00:00Z",
		"NOT groupTypes/any(c:c eq 'Unified')",
		"not(groupTypes/any(c:c eq 'Unified'))",
		"endswith(mail,'@example.com')",
		"createdDateTime ge 2021-01-01T00:00:00.000Z",
		"appRoleAssignments/any(a:a/resourceId eq 8e881353-1735-45af-af21-ee1344582a4d)",
		"startsWith(userPrincipalName, 'a') or startswith(givenName,'b')",
		"passwordProfile/forceChangePasswordNextSignIn eq true",
		"employeeOrgData/costCenter eq 'x' and employeeType eq 'Contractor'",
		"proxyAddresses/any(x:startsWith(x,'smtp:a'))",
		"microsoft.graph.user/jobTitle eq 'Engineer'",
		"riskLevel eq 'high' and riskState eq microsoft.graph.riskState'atRisk'",
		"start/dateTime ge '2024-01-01T00:00:00'",
		"isRead eq false and importance eq 'high'",
		"receivedDateTime ge 2016-01-01T00:00:00Z and from/emailAddress/address eq 'a@example.com'",
		"accountEnabled eq true and (department eq 'Sales' or department eq 'Marketing')",
	} {
		e, err := Parse(in)
		if err != nil {
			t.Errorf("Parse(%q):\n%v", in, err)
			continue
		}
		roundTrip(t, in, e)
	}
}
