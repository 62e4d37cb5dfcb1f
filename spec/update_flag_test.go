package spec

import "github.com/odatagen/odatagen/internal/golden"

// update rewrites golden files (testdata/cloudpcexternalpartner.yaml, in
// WriteYAML's form): go test ./... -update.
var update = golden.Update
