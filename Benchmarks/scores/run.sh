#!/usr/bin/env bash
# Wall and CPU time per read of a SCORES.csv (issue 15, target 3), for A/B
# comparisons of two trees on a loaded machine:
#
#   Benchmarks/scores/run.sh TREE SCORES.csv [REPEATS] [BITS_OUT]
#
# TREE is a checkout whose `swift build -c release --product mentor-match`
# has been run; read-scores.swift is linked against its release objects.
# READ_SCORES_BINARY=PATH keeps the driver there, else it goes to a
# temporary folder.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
binary="${READ_SCORES_BINARY:-$(mktemp -d)/read-scores}"
"$here/../link-driver.sh" "$1" "$here/read-scores.swift" "$binary"
"$binary" "$2" "${3:-5}" ${4:+"$4"}
