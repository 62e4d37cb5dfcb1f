package schemaset_test

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/odatagen/odatagen/validate"
)

// TestAjvAgrees gives the payloads of the differential test to ajv, the
// most used JavaScript validator, on the same schema documents, and
// requires the Set's verdict (valid or not) for each: the documents are
// standard 2020-12, not only what jsonschema/v6 reads. It needs node and
// the npm package ajv; it skips when it is not there.
// Set ODATAGEN_AJV to the directory where it was installed:
//
//	npm install --prefix /tmp/ajv ajv@8
//	ODATAGEN_AJV=/tmp/ajv go test ./validate/schemaset -run TestAjvAgrees
//
// Payloads with numbers of more than 15 digits or exponents of three digits
// are left out: JavaScript reads them as doubles, so ajv cannot tell
// 9223372036854775807 from 9223372036854775808, nor 1e-1000000 (not an
// integer) from 0. Collections are left out too (the Set wraps them
// itself; there is no document for them).
func TestAjvAgrees(t *testing.T) {
	node, err := exec.LookPath("node")
	dir := os.Getenv("ODATAGEN_AJV")
	if err != nil || dir == "" {
		t.Skip("needs node and ODATAGEN_AJV (a directory with the npm package ajv)")
	}
	modules := filepath.Join(dir, "node_modules")
	if _, err := os.Stat(filepath.Join(modules, "ajv", "dist", "2020.js")); err != nil {
		t.Skipf("no ajv in %s", modules)
	}
	script, err := filepath.Abs(filepath.Join("testdata", "ajv", "verdicts.js"))
	if err != nil {
		t.Fatal(err)
	}
	n := 300
	if *planDiffN > 0 {
		n = *planDiffN
	}
	bigInt := regexp.MustCompile(`[0-9]{16,}|[eE][-+]?[0-9]{3,}`)
	checked, disagree := 0, 0
	for ci, c := range planDiffCases(t) {
		tmp := t.TempDir()
		for name, b := range c.files {
			if err := os.WriteFile(filepath.Join(tmp, name), b, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		type job struct {
			File string `json:"file"`
			Data string `json:"data"`
		}
		var jobs []job
		var verdicts []string
		rnd := rand.New(rand.NewPCG(*planDiffSeed, uint64(ci)))
		g := newPlanGen(c.plan, rnd)
		for len(jobs) < n {
			typeName, mode, coll, data := g.payload()
			if coll || bigInt.Match(data) || !json.Valid(data) {
				continue
			}
			q := typeName
			if !slices.Contains(c.types, q) {
				continue // a simple name: the Set resolves it, ajv cannot
			}
			err := c.set.Validate(q, mode, data)
			var jerr *validate.JSONError
			v := "1"
			switch {
			case errors.As(err, &jerr):
				continue // refused before any schema (size, depth, duplicate members)
			case err != nil:
				v = "0"
			}
			jobs = append(jobs, job{validate.SchemaFile(q, mode), string(data)})
			verdicts = append(verdicts, v)
		}
		var in bytes.Buffer
		enc := json.NewEncoder(&in)
		for _, j := range jobs {
			if err := enc.Encode(j); err != nil {
				t.Fatal(err)
			}
		}
		jobsFile := filepath.Join(tmp, "jobs.jsonl")
		if err := os.WriteFile(jobsFile, in.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		cmd := exec.Command(node, script, tmp, jobsFile)
		cmd.Env = append(os.Environ(), "NODE_PATH="+modules)
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		out, err := cmd.Output()
		if err != nil {
			t.Fatalf("%s: node: %v\n%s", c.name, err, stderr.String())
		}
		sc := bufio.NewScanner(bytes.NewReader(out))
		i := 0
		for sc.Scan() {
			if i >= len(jobs) {
				t.Fatalf("%s: ajv gave more verdicts than payloads", c.name)
			}
			if got := sc.Text(); got != verdicts[i] {
				disagree++
				if disagree <= 10 {
					t.Errorf("%s: %s: the Set says %s, ajv %s, on %s", c.name, jobs[i].File, verdicts[i], got, strings.TrimSpace(jobs[i].Data))
				}
			}
			i++
		}
		if i != len(jobs) {
			t.Fatalf("%s: %d verdicts from ajv for %d payloads", c.name, i, len(jobs))
		}
		checked += len(jobs)
	}
	t.Logf("%d payloads: %d disagreements with ajv", checked, disagree)
}
