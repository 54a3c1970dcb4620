#!/usr/bin/env bash
# CPU and wall time per write of the CSV and JSON plans (issue 15, target 4),
# for A/B comparisons of two trees on a loaded machine:
#
#   Benchmarks/writers/run.sh TREE MENTEES MENTORS REPEATS csv|json [FILE]
#
# TREE is a checkout whose `swift build -c release --product mentor-match`
# has been run; write-cpu.swift is linked against its release objects.
# WRITE_CPU_BINARY=PATH keeps the driver there (for alternating runs of two
# trees' drivers, or for callgrind), else it goes to a temporary folder.
set -euo pipefail
tree="$(cd "$1" && pwd)"
here="$(cd "$(dirname "$0")" && pwd)"
binary="${WRITE_CPU_BINARY:-$(mktemp -d)/write-cpu}"
"$here/../link-driver.sh" "$tree" "$here/write-cpu.swift" "$binary"
"$binary" "${@:2}"
