#!/usr/bin/env bash
# buildcost.sh measures what the generated whole-Graph package costs to
# build, the way the Microsoft Graph Go SDK's models package was measured:
#
#   1. generate all of Microsoft Graph v1.0 (the CSDL in the shared corpus)
#      as one package, in the default mode (COMPACT=1: with
#      generator.Options{Compact: true});
#   2. build a tiny main that uses that package, with a fresh GOCACHE,
#      under /usr/bin/time -v;
#   3. build the same main using only the standard library, with a fresh
#      GOCACHE, under /usr/bin/time -v;
#   4. report wall time and peak memory (maximum resident set size) of both
#      and their difference, which must be at most a fifth of the SDK's:
#      the SDK's models package took 94 s and 4.44 GB against a stdlib-only
#      baseline of 15 s and 0.28 GB, a difference of 79 s and 4.16 GB, so
#      the limits are 15.8 s and 0.83 GB.
#
# Usage: scripts/buildcost.sh [CSDL]
#   CSDL defaults to ../shared/corpus/csdl/graph-v1.0-clean.xml (from the
#   repository root). RUNS=n builds each main n times and reports the
#   medians (of time and of memory). KEEP=1 keeps the work directory. Exit status: 0 within the
#   limits, 1 over them, 2 when something failed; when the CSDL is absent
#   it says so and exits 0.
#
# Needs go and GNU time (/usr/bin/time). Nothing is downloaded: the
# module cache must hold the repository's dependencies (go build ./...
# in the repository does that).
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
export GOFLAGS=-mod=mod GOPROXY=off GOWORK=off

# The module: the generated package, the two mains, the generating program.
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

# measure MAIN: builds ./MAIN with a fresh GOCACHE under /usr/bin/time -v
# and prints "seconds kilobytes".
measure() {
	local cache log
	cache=$(mktemp -d "$work/gocache.XXXXXX")
	log="$work/time.log"
	if ! (cd "$work" && GOCACHE="$cache" /usr/bin/time -v go build -o /dev/null "./$1") 2>"$log"; then
		cat "$log" >&2
		echo "buildcost: building $1 failed" >&2
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

# median MAIN: the medians of RUNS measurements of wall time and of peak
# memory, each on its own.
median() {
	local i out
	out=$(for ((i = 0; i < runs; i++)); do measure "$1"; done)
	echo "$(echo "$out" | awk '{print $1}' | sort -n | awk -v n="$runs" 'NR == int((n + 1) / 2)')" \
		"$(echo "$out" | awk '{print $2}' | sort -n | awk -v n="$runs" 'NR == int((n + 1) / 2)')"
}

echo "buildcost: building stdonly (fresh GOCACHE, $runs run(s))"
read -r base_s base_kb < <(median stdonly)
echo "buildcost: building withgraph (fresh GOCACHE, $runs run(s))"
read -r graph_s graph_kb < <(median withgraph)

awk -v bs="$base_s" -v bk="$base_kb" -v gs="$graph_s" -v gk="$graph_kb" 'BEGIN {
	ds = gs - bs; dg = (gk - bk) / 1e6
	printf "\n%-34s %9s %10s\n", "", "wall (s)", "peak (GB)"
	printf "%-34s %9.1f %10.2f\n", "main importing the stdlib only", bs, bk / 1e6
	printf "%-34s %9.1f %10.2f\n", "main importing the Graph package", gs, gk / 1e6
	printf "%-34s %9.1f %10.2f\n", "difference", ds, dg
	printf "%-34s %9.1f %10.2f\n", "limit (a fifth of the SDK'"'"'s)", 15.8, 0.83
	printf "%-34s %9.1f %10.2f\n", "SDK models package, for reference", 79, 4.16
	over = ds > 15.8 || dg > 0.83
	printf "\nbuildcost: %s\n", over ? "OVER the limits" : "within the limits"
	exit over ? 1 : 0
}'
