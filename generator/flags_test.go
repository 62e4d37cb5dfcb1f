package generator

import "flag"

// update makes golden tests rewrite their want files: go test ./generator -update
var update = flag.Bool("update", false, "rewrite golden files")
