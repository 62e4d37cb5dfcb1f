package generator

import "github.com/odatagen/odatagen/internal/golden"

// update makes golden tests rewrite their want files: go test ./generator -update
var update = golden.Update
