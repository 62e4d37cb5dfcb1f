package spec

import "flag"

// update rewrites golden files (testdata/cloudpcexternalpartner.yaml, in
// WriteYAML's form): go test ./... -update.
var update = flag.Bool("update", false, "rewrite golden files")
