package markdown

import "testing"

func TestExamples(t *testing.T) {
	src := "# Create widget\n\n<!-- { \"blockType\": \"request\", \"name\": \"w\" } -->\n```http\nPOST https://graph.microsoft.com/v1.0/widgets\nContent-type: application/json\n\n{\"name\": \"a\"}\n```\n\n<!-- {\n  \"blockType\": \"response\",\n  \"@odata.type\": \"microsoft.graph.widget\"\n} -->\n```http\nHTTP/1.1 201 Created\n\n{\"id\": \"1\"}\n```\n<!-- { \"blockType\": \"ignored\" } -->\n"
	ex, warns := Examples("p.md", []byte(src))
	if len(ex) != 2 {
		t.Fatalf("got %d examples: %+v", len(ex), ex)
	}
	if ex[0].Method != "POST" || ex[0].URL != "https://graph.microsoft.com/v1.0/widgets" || ex[0].Body != "{\"name\": \"a\"}" || ex[0].BodyLine != 8 {
		t.Errorf("request: %+v", ex[0])
	}
	if ex[1].BlockType != "response" || ex[1].Fields["@odata.type"] != "microsoft.graph.widget" || ex[1].Body != "{\"id\": \"1\"}" || ex[1].BodyLine != 18 {
		t.Errorf("response: %+v", ex[1])
	}
	if len(warns) != 1 || warns[0].Line != 20 {
		t.Errorf("warnings: %v", warns)
	}
}
