#!/usr/bin/env bash
# buildcost.sh measures what the generated whole-Graph package costs to
# build, side by side with the Microsoft Graph Go SDK's models package:
#
#   1. generate all of Microsoft Graph v1.0 (the CSDL in the shared corpus)
#      as one package, in the default mode (COMPACT=1: with
#      generator.Options{Compact: true});
#   2. build three tiny mains, each with a fresh GOCACHE under
#      /usr/bin/time -v: one using only the standard library, one using the
#      generated package, one using the SDK's models package
#      (github.com/microsoftgraph/msgraph-sdk-go/models, SDK_VERSION,
#      v1.89.0 by default);
#   3. report wall time and peak memory (maximum resident set size) of each
#      and the differences from the stdlib-only main; the generated
#      package's must be at most a fifth of the SDK's, in both.
#
# Usage: scripts/buildcost.sh [CSDL]
#   CSDL defaults to ../shared/corpus/csdl/graph-v1.0-clean.xml (from the
#   repository root). RUNS=n builds each main n times, interleaved (stdlib,
#   Graph, SDK, stdlib, ...), and reports the medians (of time and of
#   memory). KEEP=1 keeps the work directory. Exit status: 0 within the
#   limits, 1 over them, 2 when something failed; when the CSDL is absent
#   it says so and exits 0.
#
# Needs go and GNU time (/usr/bin/time). The repository's dependencies come
# from the module cache (go build ./... in the repository puts them there);
# the SDK is fetched through the module proxy (GOPROXY) the first time. When
# it cannot be (no network), or with SDK=0, the SDK is not built and the
# limits are those of an earlier side-by-side run on the project machine:
# the SDK's main took 80.2 s and 4.40 GB against the stdlib-only main's
# 6.9 s and 0.30 GB, a difference of 73.3 s and 4.10 GB, so 14.7 s and
# 0.82 GB.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
csdl=${1:-$root/../shared/corpus/csdl/graph-v1.0-clean.xml}
runs=${RUNS:-1}
if [ ! -f "$csdl" ]; then
	echo "buildcost: no CSDL at $csdl; nothing to measure"
	exit 0
fi
if [ ! -x /usr/bin/time ]; then
	echo "buildcost: /usr/bin/time (GNU time) is needed" >&2
	exit 2
fi
csdl=$(cd "$(dirname "$csdl")" && pwd)/$(basename "$csdl")

work=$(mktemp -d "${TMPDIR:-/tmp}/buildcost.XXXXXX")
if [ "${KEEP:-}" = 1 ]; then
	echo "buildcost: work directory $work"
else
	trap 'chmod -R u+w "$work" 2>/dev/null; rm -rf "$work"' EXIT
fi
proxy=$(go env GOPROXY)
export GOFLAGS=-mod=mod GOPROXY=off GOWORK=off

# The module: the generated package, two of the mains, the generating program.
cat >"$work/go.mod" <<EOF
module buildcost

go 1.26

require github.com/odatagen/odatagen v0.0.0

replace github.com/odatagen/odatagen => $root
EOF
cp "$root/go.sum" "$work/go.sum"
mkdir -p "$work/gen" "$work/withgraph" "$work/stdonly"
cat >"$work/gen/main.go" <<'EOF'
// Command gen writes the whole-service package of a CSDL document.
package main

import (
	"fmt"
	"os"
	"path/filepath"

	"github.com/odatagen/odatagen/generator"
	"github.com/odatagen/odatagen/spec"
	"github.com/odatagen/odatagen/spec/csdl"
)

func main() {
	src, err := os.ReadFile(os.Args[1])
	if err == nil {
		var s *spec.Spec
		s, _, err = csdl.Read(filepath.Base(os.Args[1]), src)
		if err == nil {
			var res *generator.Result
			res, err = generator.Generate(s, generator.Options{Package: "graph", Source: filepath.Base(os.Args[1]), Compact: os.Getenv("COMPACT") == "1"})
			if err == nil {
				err = generator.WriteDir(os.Args[2], res.Files)
			}
		}
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
EOF
cat >"$work/withgraph/main.go" <<'EOF'
package main

import (
	"fmt"

	"buildcost/graph"
)

func main() {
	var u graph.User
	fmt.Println(u.ID == nil, graph.ODataType[graph.User]())
}
EOF
cat >"$work/stdonly/main.go" <<'EOF'
package main

import "fmt"

func main() {
	fmt.Println(true, "microsoft.graph.user")
}
EOF

echo "buildcost: generating $(basename "$csdl") into one package (COMPACT=${COMPACT:-0})"
(cd "$work" && COMPACT=${COMPACT:-0} go run ./gen "$csdl" ./graph)
gofiles=$(find "$work/graph" -name '*.go' | wc -l)
schemas=$(find "$work/graph" -name '*.schema.json' | wc -l)
gosize=$(cat "$work/graph"/*.go | wc -c)
echo "buildcost: $gofiles Go files ($((gosize / 1024 / 1024)) MB), $schemas schema documents"

# The SDK's module, beside the other: a main using its models package.
sdk=0
if [ "${SDK:-1}" != 0 ]; then
	mkdir -p "$work/sdk/withsdk"
	cat >"$work/sdk/go.mod" <<'EOF'
module sdkcost

go 1.26
EOF
	cat >"$work/sdk/withsdk/main.go" <<'EOF'
package main

import (
	"fmt"

	"github.com/microsoftgraph/msgraph-sdk-go/models"
)

func main() {
	u := models.NewUser()
	fmt.Println(u.GetId() == nil, "microsoft.graph.user")
}
EOF
	if (cd "$work/sdk" && GOPROXY=$proxy GOFLAGS= go get "github.com/microsoftgraph/msgraph-sdk-go@${SDK_VERSION:-v1.89.0}" && GOPROXY=$proxy GOFLAGS= go mod tidy) >"$work/sdk.log" 2>&1; then
		sdk=1
	else
		echo "buildcost: could not fetch the SDK (see below); using the limits of an earlier side-by-side run" >&2
		tail -3 "$work/sdk.log" >&2
	fi
fi

# measure DIR MAIN: builds ./MAIN in the module DIR with a fresh GOCACHE
# under /usr/bin/time -v and prints "seconds kilobytes".
measure() {
	local cache log
	cache=$(mktemp -d "$work/gocache.XXXXXX")
	log="$work/time.log"
	if ! (cd "$1" && GOCACHE="$cache" /usr/bin/time -v go build -o /dev/null "./$2") 2>"$log"; then
		cat "$log" >&2
		echo "buildcost: building $2 failed" >&2
		exit 2
	fi
	chmod -R u+w "$cache" && rm -rf "$cache"
	awk -F': ' '
		/Elapsed \(wall clock\)/ {
			n = split($2, p, ":"); s = 0
			for (i = 1; i <= n; i++) s = s * 60 + p[i]
			secs = s
		}
		/Maximum resident set size/ { kb = $2 }
		END { printf "%.2f %d\n", secs, kb }' "$log"
}

# median FILE: the medians of the measurements in FILE ("seconds
# kilobytes" lines), each column on its own.
median() {
	local n
	n=$(wc -l <"$1")
	echo "$(awk '{print $1}' "$1" | sort -n | awk -v n="$n" 'NR == int((n + 1) / 2)')" \
		"$(awk '{print $2}' "$1" | sort -n | awk -v n="$n" 'NR == int((n + 1) / 2)')"
}

: >"$work/stdonly.txt"
: >"$work/withgraph.txt"
: >"$work/withsdk.txt"
for ((i = 1; i <= runs; i++)); do
	echo "buildcost: round $i of $runs: stdonly, withgraph$([ $sdk = 1 ] && echo ", withsdk") (each with a fresh GOCACHE)"
	measure "$work" stdonly >>"$work/stdonly.txt"
	measure "$work" withgraph >>"$work/withgraph.txt"
	if [ $sdk = 1 ]; then
		measure "$work/sdk" withsdk >>"$work/withsdk.txt"
	fi
done
read -r base_s base_kb < <(median "$work/stdonly.txt")
read -r graph_s graph_kb < <(median "$work/withgraph.txt")
sdk_s=0 sdk_kb=0
if [ $sdk = 1 ]; then
	read -r sdk_s sdk_kb < <(median "$work/withsdk.txt")
fi

awk -v bs="$base_s" -v bk="$base_kb" -v gs="$graph_s" -v gk="$graph_kb" -v sdk="$sdk" -v ss="$sdk_s" -v sk="$sdk_kb" 'BEGIN {
	ds = gs - bs; dg = (gk - bk) / 1e6
	if (sdk) { lims = (ss - bs) / 5; limg = (sk - bk) / 5e6 } else { lims = 14.7; limg = 0.82 }
	printf "\n%-36s %9s %10s\n", "", "wall (s)", "peak (GB)"
	printf "%-36s %9.1f %10.2f\n", "main importing the stdlib only", bs, bk / 1e6
	printf "%-36s %9.1f %10.2f\n", "main importing the Graph package", gs, gk / 1e6
	if (sdk) printf "%-36s %9.1f %10.2f\n", "main importing the SDK models", ss, sk / 1e6
	printf "%-36s %9.1f %10.2f\n", "Graph package: difference", ds, dg
	if (sdk) printf "%-36s %9.1f %10.2f\n", "SDK models: difference", ss - bs, (sk - bk) / 1e6
	printf "%-36s %9.1f %10.2f%s\n", "limit (a fifth of the SDK'"'"'s)", lims, limg, sdk ? "" : " (an earlier run)"
	if (sdk) printf "%-36s %9.3f %10.3f\n", "Graph / SDK", ds / (ss - bs), dg / ((sk - bk) / 1e6)
	over = ds > lims || dg > limg
	printf "\nbuildcost: %s\n", over ? "OVER the limits" : "within the limits"
	exit over ? 1 : 0
}'
