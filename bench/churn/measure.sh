#!/usr/bin/env bash
# Snapshot churn of the measured changes at one commit: for each change, a clean
# checkout of <rev> (git archive, this checkout's node_modules linked), the change
# applied alone, the snapshot tests run with `jest -u`, and the lines changed in
# the snapshot files counted (git diff --numstat: added + deleted lines).
#   bash bench/churn/measure.sh <rev> [change...]
set -euo pipefail
here="$(cd "$(dirname "$0")/../.." && pwd)"
rev="${1:?usage: measure.sh <rev> [change...]}"; shift
changes=("${@:-imageBump cspDirective gaCookie logRetention region replication edgeCodeEdit}")
read -r -a changes <<<"${changes[*]}"
cfn_snaps=(test/appman/appman-stack.test.ts test/appman/network-and-checks.test.ts test/forum/forum-stack.test.ts test/foundation/estate.test.ts)
echo "| change | CloudFormation snapshots (lines +/-) | privacy-model snapshot (lines +/-) |"
echo "| --- | --- | --- |"
for change in "${changes[@]}"; do
  dir="$(mktemp -d "${TMPDIR:-/tmp}/churn-XXXXXX")"
  git -C "$here" archive --format=tar "$rev" | tar -x -C "$dir"
  ln -s "$here/node_modules" "$dir/node_modules"
  (cd "$dir" && git init -q && git add -A && git -c user.name=bench -c user.email=bench@localhost commit -qm base)
  node -r ts-node/register "$here/bench/churn/apply-change.ts" "$dir" "$change"
  tests=("${cfn_snaps[@]}")
  [ -f "$dir/test/privacy-model/privacy-diff.test.ts" ] && tests+=(test/privacy-model/privacy-diff.test.ts)
  (cd "$dir" && npx jest -u --silent "${tests[@]}" >/dev/null 2>&1 || true)
  count() { (cd "$dir" && git diff --numstat -- "$@" | awk '{a+=$1; d+=$2} END {printf "%d (+%d/-%d)", a+d, a, d}'); }
  cfn="$(count test/appman/__snapshots__ test/forum/__snapshots__ test/foundation/__snapshots__)"
  model="$(count test/privacy-model/__snapshots__)"
  echo "| $change | $cfn | $model |"
  rm -rf "$dir"
done
