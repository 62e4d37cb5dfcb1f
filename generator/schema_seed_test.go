package generator

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/odatagen/odatagen/spec"
	"github.com/odatagen/odatagen/spec/markdown"
	"github.com/odatagen/odatagen/validate"
	"github.com/odatagen/odatagen/validate/schemaset"
	"github.com/odatagen/odatagen/validate/validatetest"
)

// schSeedsDir is where the seed pages live, outside the repository.
var schSeedsDir = filepath.Join("..", "..", "shared", "seeds")

// schReadSeedPages reads the seed resource page and its API pages, merged
// in that order, or skips the test when they are absent.
func schReadSeedPages(t *testing.T) (*spec.Spec, map[string][]byte) {
	t.Helper()
	resource := filepath.Join(schSeedsDir, "cloudpcexternalpartner.md")
	if _, err := os.Stat(resource); err != nil {
		t.Skipf("seed pages not available: %v", err)
	}
	apis, _ := filepath.Glob(filepath.Join(schSeedsDir, "api", "*.md"))
	sort.Strings(apis)
	pages := map[string][]byte{}
	var parts []*spec.Spec
	for _, f := range append([]string{resource}, apis...) {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		pages[filepath.Base(f)] = src
		s, _, err := markdown.Read(filepath.Base(f), src)
		if err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		parts = append(parts, s)
	}
	merged, _ := spec.Merge(parts...)
	return merged, pages
}

// schHTTPBlock matches a fenced http block of a docs page.
var schHTTPBlock = regexp.MustCompile("(?s)```\\s*(?:http|msgraph-interactive)\\s*\\n(.*?)```")

// schPagePayloads returns the JSON bodies of a page's http blocks, keyed
// by their first line ("POST https://...", "HTTP/1.1 200 OK"); several
// bodies under the same line are numbered in page order.
func schPagePayloads(page []byte) map[string][][]byte {
	out := map[string][][]byte{}
	for _, m := range schHTTPBlock.FindAllSubmatch(page, -1) {
		block := strings.ReplaceAll(string(m[1]), "\r", "")
		first, _, _ := strings.Cut(block, "\n")
		_, body, ok := strings.Cut(block, "\n\n") // the body follows the headers' blank line
		body = strings.TrimSpace(body)
		if !ok || !strings.HasPrefix(body, "{") || first == "" {
			continue
		}
		key := strings.Fields(first)[0]
		if strings.HasPrefix(first, "HTTP/") {
			key = strings.TrimSpace(first)
		}
		out[key] = append(out[key], []byte(body))
	}
	return out
}

// TestSchemaSeedPages generates from the real seed pages (read with
// markdown.Read and merged) and checks that the documents equal the
// ones generated from the hand-written seed spec, and that the pages'
// examples pass.
func TestSchemaSeedPages(t *testing.T) {
	merged, pages := schReadSeedPages(t)
	files, err := Schemas(merged, SchemaOptions{})
	if err != nil {
		t.Fatal(err)
	}
	want, err := Schemas(schSeedSpec(true), SchemaOptions{})
	if err != nil {
		t.Fatal(err)
	}
	for name, b := range want {
		if !bytes.Equal(files[name], b) {
			t.Errorf("%s from the pages differs from the hand-written seed's:\n%s", name, files[name])
		}
	}
	set, err := schemaset.New(files)
	if err != nil {
		t.Fatal(err)
	}
	update := schPagePayloads(pages["cloudpcexternalpartner-update.md"])
	create := schPagePayloads(pages["virtualendpoint-post-externalpartners.md"])
	list := schPagePayloads(pages["virtualendpoint-list-externalpartners.md"])
	checks := []struct {
		name string
		got  [][]byte
		run  func([]byte) error
	}{
		{"Get/Update response", update["HTTP/1.1 200 OK"], func(b []byte) error { return set.Validate(schSeedType, validate.Read, b) }},
		{"Update request", update["PATCH"], func(b []byte) error { return set.Validate(schSeedType, validate.Update, b) }},
		{"Create request", create["POST"], func(b []byte) error { return set.Validate(schSeedType, validate.Create, b) }},
		{"List responses", list["HTTP/1.1 200 OK"], func(b []byte) error { return set.ValidateCollection(schSeedType, validate.Read, b) }},
	}
	for _, c := range checks {
		if len(c.got) == 0 {
			t.Errorf("%s: no example found on the page", c.name)
		}
		for _, b := range c.got {
			if !json.Valid(b) {
				t.Errorf("%s: example is not JSON: %s", c.name, b)
				continue
			}
			validatetest.Valid(t, c.run(b))
		}
	}
	if n := len(list["HTTP/1.1 200 OK"]); n != 2 {
		t.Errorf("want the 2 List responses, found %d", n)
	}
	// #4 on the page's Get response.
	if r := update["HTTP/1.1 200 OK"]; len(r) > 0 {
		validatetest.InvalidAt(t, set.Validate(schSeedType, validate.Read,
			schWith(t, string(r[0]), map[string]any{"connectionStatus": "sleeping"})), "/connectionStatus")
	}
}
