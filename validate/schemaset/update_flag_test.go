package schemaset_test

import _ "github.com/odatagen/odatagen/internal/golden" // accepts -update (no golden files here)
