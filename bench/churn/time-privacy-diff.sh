#!/usr/bin/env bash
# Wall time of `npx cdk synth` (default shape, into a temporary folder) and of
# `npm run privacy-diff -- --base <rev>` (two synths side by side and the model diff),
# alternated in one run so both see the same machine load. Prints each run and the medians.
#   bash bench/churn/time-privacy-diff.sh [rev] [runs]
set -euo pipefail
cd "$(dirname "$0")/../.."
rev="${1:-HEAD~1}"; runs="${2:-3}"
out="$(mktemp -d "${TMPDIR:-/tmp}/synth-bench-XXXXXX")"
seconds() { local s e; s=$(date +%s.%N); "$@" >/dev/null 2>&1; e=$(date +%s.%N); echo "$e - $s" | bc; }
synth=(); diff=()
for i in $(seq "$runs"); do
  rm -rf "$out"/*
  synth+=("$(seconds npx cdk synth -q --no-notices -o "$out")")
  diff+=("$(seconds npm run --silent privacy-diff -- --base "$rev")")
  echo "run $i: cdk synth ${synth[-1]} s, privacy-diff ${diff[-1]} s"
done
rm -rf "$out"
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
ms="$(median "${synth[@]}")"; md="$(median "${diff[@]}")"
echo "median: cdk synth ${ms} s, privacy-diff ${md} s, ratio $(echo "scale=2; $md / $ms" | bc)"
