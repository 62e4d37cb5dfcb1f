package generator

import "flag"

// update makes golden-file tests rewrite their files instead of comparing:
//
//	go test ./generator -run Schema -update
var update = flag.Bool("update", false, "rewrite golden files under testdata/")
