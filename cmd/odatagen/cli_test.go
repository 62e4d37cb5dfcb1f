package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// shared is where the seed and corpus pages live, beside the repository.
var shared = filepath.Join("..", "..", "..", "shared")

func seedPath(t *testing.T, rel string) string {
	t.Helper()
	p := filepath.Join(shared, "seeds", rel)
	if _, err := os.Stat(p); err != nil {
		t.Skipf("seed pages not available: %v", err)
	}
	return p
}

// runCLI runs the command line in-process.
func runCLI(t *testing.T, stdin string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	code = run(args, strings.NewReader(stdin), &out, &errb)
	return code, out.String(), errb.String()
}

// httpExample returns the JSON body after the status line in a docs page's
// example (the n-th one, counting from 0).
func httpExample(t *testing.T, page, status string, n int) map[string]any {
	t.Helper()
	src, err := os.ReadFile(page)
	if err != nil {
		t.Fatal(err)
	}
	parts := strings.Split(string(src), status)
	if len(parts) <= n+1 {
		t.Fatalf("%s: no example %d after %q", page, n, status)
	}
	body := parts[n+1]
	start := strings.IndexByte(body, '{')
	end := strings.Index(body, "```")
	if start < 0 || end < start {
		t.Fatalf("%s: no JSON body after %q", page, status)
	}
	var v map[string]any
	if err := json.Unmarshal([]byte(body[start:end]), &v); err != nil {
		t.Fatalf("%s: example %d: %v", page, n, err)
	}
	return v
}

// requestExample returns the JSON body of the first request example.
func requestExample(t *testing.T, page, method string) map[string]any {
	t.Helper()
	src, err := os.ReadFile(page)
	if err != nil {
		t.Fatal(err)
	}
	re := regexp.MustCompile("(?s)```http\\s*\\n" + method + " https://[^\\n]*\\n[^{]*(\\{.*?\\n\\})\\s*```")
	m := re.FindSubmatch(src)
	if m == nil {
		t.Fatalf("%s: no %s request example", page, method)
	}
	var v map[string]any
	if err := json.Unmarshal(m[1], &v); err != nil {
		t.Fatal(err)
	}
	return v
}

func with(v map[string]any, kv ...any) map[string]any {
	c := make(map[string]any, len(v)+len(kv)/2)
	for k, x := range v {
		c[k] = x
	}
	for i := 0; i < len(kv); i += 2 {
		c[kv[i].(string)] = kv[i+1]
	}
	return c
}

func writeJSON(t *testing.T, v any) string {
	t.Helper()
	data, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(t.TempDir(), "payload.json")
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func writeRaw(t *testing.T, s string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "payload.json")
	if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}
