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

// TestExamplesUncommented checks the HTTP blocks that no blockType comment
// comes before: found by their first line, typed by it, placed at their
// fence, with the heading and the text line before them; other blocks are
// passed over whole, so a blockType comment inside one is not an example.
func TestExamplesUncommented(t *testing.T) {
	src := "# Update gizmo\n" + // 1
		"## HTTP request\n" + // 2
		"```http\n" + // 3
		"PATCH /gizmos/{id}\n" + // 4
		"```\n" + // 5
		"## Example\n" + // 6
		"### Request\n" + // 7
		"The request.\n" + // 8
		"``` http\n" + // 9
		"PATCH https://graph.microsoft.com/v1.0/gizmos/7\n" + // 10
		"Content-type: application/json\n" + // 11
		"\n" + // 12
		"{\"size\": 2}\n" + // 13
		"```\n" + // 14
		"### Response\n" + // 15
		"# [HTTP](#tab/http)\n" + // 16
		"The response, which may be truncated.\n" + // 17
		"~~~\n" + // 18
		"HTTP/1.1 200 OK\n" + // 19
		"Content-Type: application/json\n" + // 20
		"\n" + // 21
		"{\"id\": \"7\"}\n" + // 22
		"~~~\n" + // 23
		"```csharp\n" + // 24: not HTTP: passed over
		"GET https://graph.microsoft.com/v1.0/gizmos\n" + // 25
		"<!-- { \"blockType\": \"request\" } -->\n" + // 26
		"```\n" + // 27
		"```json\n" + // 28
		"{\"a\": 1}\n" + // 29: JSON, no HTTP line: not an example
		"```\n" + // 30
		"```json\n" + // 31
		"HTTP/1.1 204 No Content\n" + // 32
		"```\n" + // 33
		"<!-- { \"blockType\": \"request\" } -->\n" + // 34
		"```http\n" + // 35
		"DELETE /gizmos/7\n" + // 36
		"```\n" + // 37
		"```http\n" + // 38
		"GET /gizmos\n" // 39: unterminated
	ex, warns := Examples("p.md", []byte(src))
	type row struct {
		bt, method, url, body, section, intro string
		commented                             bool
		line, bodyLine                        int
	}
	var got []row
	for _, e := range ex {
		got = append(got, row{e.BlockType, e.Method, e.URL, e.Body, e.Section, e.Intro, e.Commented, e.Line, e.BodyLine})
	}
	want := []row{
		{"request", "PATCH", "/gizmos/{id}", "", "HTTP request", "", false, 3, 0},
		{"request", "PATCH", "https://graph.microsoft.com/v1.0/gizmos/7", "{\"size\": 2}", "Request", "The request.", false, 9, 13},
		{"response", "", "", "{\"id\": \"7\"}", "Response", "The response, which may be truncated.", false, 18, 22},
		{"response", "", "", "", "Response", "The response, which may be truncated.", false, 31, 0},
		{"request", "DELETE", "/gizmos/7", "", "Response", "The response, which may be truncated.", true, 34, 0},
	}
	if len(got) != len(want) {
		t.Fatalf("got %d examples, want %d:\n%+v", len(got), len(want), got)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("example %d:\n got %+v\nwant %+v", i, got[i], want[i])
		}
	}
	if len(warns) != 1 || warns[0].Line != 38 || warns[0].Msg != "unterminated code block" {
		t.Errorf("warnings: %v", warns)
	}
}

// TestExamplesInteractive finds an uncommented request in a
// "msgraph-interactive" block, as Graph's pages write the requests that
// Graph Explorer can run.
func TestExamplesInteractive(t *testing.T) {
	src := "## Example\n\n```msgraph-interactive\nGET https://graph.microsoft.com/v1.0/me/events\n```\n\n```javascript\nGET https://graph.microsoft.com/v1.0/me/events\n```\n"
	ex, warns := Examples("p.md", []byte(src))
	if len(warns) != 0 || len(ex) != 1 || ex[0].BlockType != "request" || ex[0].Method != "GET" || ex[0].Line != 3 || ex[0].Commented {
		t.Errorf("examples %+v, warnings %v; want the GET request of line 3, uncommented", ex, warns)
	}
}
