#!/usr/bin/env bash
# benchratio.sh runs gen/graph's BenchmarkValidate in COUNT rounds
# (default 8), each running every sub-benchmark once, so that the floor and
# the paths alternate and a swing of the machine's load falls on all of
# them; it prints, per payload, the median time per op of each path and its
# ratio to the floor's median (encoding/json into a hand-written plain
# struct, measured in the same rounds), and allocs/op.
#
# Usage: scripts/benchratio.sh [COUNT]
set -euo pipefail
cd "$(dirname "$0")/.."
count=${1:-8}
out=$(mktemp)
trap 'rm -f "$out"' EXIT
go test -c -o "$out.test" ./gen/graph
for _ in $(seq "$count"); do
	"$out.test" -test.run '^$' -test.bench Validate -test.benchmem -test.count 1 | grep '^Benchmark' >>"$out"
done
rm -f "$out.test"
awk '
function median(list,   n, a, i, j, t) {
	n = split(list, a, " ")
	for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (a[j] < a[i]) { t = a[i]; a[i] = a[j]; a[j] = t }
	return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
}
{
	name = $1; sub(/^BenchmarkValidate\//, "", name); sub(/-[0-9]+$/, "", name)
	split(name, p, "/"); c = p[1]; s = p[2]
	ns[c "/" s] = ns[c "/" s] " " $3
	for (i = 4; i <= NF; i++) if ($(i) == "allocs/op") allocs[c "/" s] = $(i - 1)
	if (!(c in seen)) { seen[c] = 1; cases[++nc] = c }
	if (!((c "/" s) in seenS)) { seenS[c "/" s] = 1; steps[c] = steps[c] " " s }
}
END {
	printf "%-14s %-16s %12s %8s %10s\n", "payload", "path", "median ns/op", "x floor", "allocs/op"
	for (k = 1; k <= nc; k++) {
		c = cases[k]; f = median(ns[c "/floor"])
		n = split(steps[c], ss, " ")
		for (i = 1; i <= n; i++) {
			m = median(ns[c "/" ss[i]])
			printf "%-14s %-16s %12.0f %8.2f %10s\n", c, ss[i], m, m / f, allocs[c "/" ss[i]]
		}
	}
}' "$out"
