// Package golden holds the -update flag that every test package of this
// module accepts, so that "go test ./... -update" rewrites the golden files
// of the packages that have them and runs the others as usual. A test
// package with golden files reads Update(); one without imports the
// package for its flag alone:
//
//	import _ "github.com/odatagen/odatagen/internal/golden" // accepts -update
//
// Only tests import it.
package golden

import "flag"

var update = flag.Bool("update", false, "rewrite golden files (testdata/golden, testdata/schema, the seed YAML); review the diff")

// Update reports whether the tests should rewrite their golden files
// instead of comparing with them.
func Update() bool { return *update }
