#!/usr/bin/env bash
# Match quality against the exact coverage bound (Docs/quality.md): generated
# cohorts, the bundled sample and the real-data cohort built from
# ../shared/data/real (skipped with a message when absent).
#   Benchmarks/quality/run.sh                       # the table of Docs/quality.md
#   Benchmarks/quality/run.sh --small               # also the small real-data cohort of the test suite
#   Benchmarks/quality/run.sh --write-real-cohort out/real   # also write the real cohort as CSV
# Prints a Markdown table to stdout and saves it as Benchmarks/quality/out/quality.md.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
"$root/scripts/ensure-system-packages"
swift build -c release --product quality-benchmark --package-path "$root" >&2
bin="$(swift build -c release --show-bin-path --package-path "$root")/quality-benchmark"
mkdir -p "$here/out"
cd "$root"
"$bin" --sample Datasets/sample "$@" | tee "$here/out/quality.md.tmp"
mv "$here/out/quality.md.tmp" "$here/out/quality.md"
