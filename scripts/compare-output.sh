#!/usr/bin/env bash
# compare-output.sh [BASE]: generate all of Microsoft Graph v1.0 (default
# mode and -compact, from ../shared/corpus/csdl/graph-v1.0-clean.xml) and
# the seed package with odatagen at BASE (default: HEAD~1) and with the
# working tree, and diff the outputs. Refactors must leave them
# byte-identical, except where a named bug fix changes them; schema
# documents that differ only in the order of their members (equal as JSON
# values) are counted as such. The golden
# cases are compared by go test ./generator (TestGolden) and gen/graph by
# go generate ./... && git diff --exit-code.
set -euo pipefail
cd "$(dirname "$0")/.."
base=${1:-HEAD~1}
csdl=../shared/corpus/csdl/graph-v1.0-clean.xml
[ -f "$csdl" ] || { echo "no $csdl: nothing to compare"; exit 0; }
work=$(mktemp -d)
trap 'rm -rf "$work"; git worktree remove --force "$work/base" 2>/dev/null || true' EXIT
git worktree add -q --detach "$work/base" "$base"
(cd "$work/base" && go build -o "$work/odatagen-base" ./cmd/odatagen)
go build -o "$work/odatagen-new" ./cmd/odatagen
status=0
for which in base new; do
  bin="$work/odatagen-$which"
  "$bin" generate -o "$work/$which/default" -pkg graph "$csdl" 2>/dev/null
  "$bin" generate -o "$work/$which/compact" -pkg graph -compact "$csdl" 2>/dev/null
  "$bin" generate -o "$work/$which/seed" -pkg graph testdata/cloudpcexternalpartner.yaml 2>/dev/null
done
for out in default compact seed; do
  if diff -r -q "$work/base/$out" "$work/new/$out" >/dev/null; then
    echo "$out: identical ($(ls "$work/new/$out" | wc -l) files)"
    continue
  fi
  # Say what differs: Go files byte for byte; schema documents also as JSON
  # values, so that a change of member order alone shows as such.
  python3 - "$work/base/$out" "$work/new/$out" "$out" <<'PY' || status=1
import json, os, sys
a, b, name = sys.argv[1:]
fa, fb = set(os.listdir(a)), set(os.listdir(b))
bad = sorted(fa ^ fb)
order_only, changed = [], []
for f in sorted(fa & fb):
    x, y = open(os.path.join(a, f), 'rb').read(), open(os.path.join(b, f), 'rb').read()
    if x == y:
        continue
    if f.endswith('.json') and json.loads(x) == json.loads(y):
        order_only.append(f)
    else:
        changed.append(f)
print(f"{name}: {len(fa & fb) - len(order_only) - len(changed)} files identical, {len(order_only)} schema documents differ only in member order, {len(changed)} changed, {len(bad)} only on one side")
for f in (changed + bad)[:20]:
    print("  ", f)
sys.exit(1 if changed or bad else 0)
PY
done
exit $status
