#!/usr/bin/env bash
# CPU and wall time per read of the cohort and outcomes readers (issue 15,
# target 3), for A/B comparisons of two trees on a loaded machine:
#
#   Benchmarks/readers/run.sh TREE COHORT_FOLDER [OUTCOMES.csv|-] [REPEATS]
#
# TREE is a checkout whose `swift build -c release --product mentor-match`
# has been run; read-cpu.swift is linked against its release objects.
# READ_CPU_BINARY=PATH keeps the driver there (for alternating runs of two
# trees' drivers), else it goes to a temporary folder.
set -euo pipefail
tree="$(cd "$1" && pwd)"
here="$(cd "$(dirname "$0")" && pwd)"
binary="${READ_CPU_BINARY:-$(mktemp -d)/read-cpu}"
"$here/../link-driver.sh" "$tree" "$here/read-cpu.swift" "$binary"
"$binary" "$2" "${3:--}" "${4:-10}"
