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
release="$tree/.build/release"
checkouts="$tree/.build/checkouts"
binary="${WRITE_CPU_BINARY:-$(mktemp -d)/write-cpu}"
objects=()
for module in Interchange CompetencyModel Assignment Rationale Circles LinearAlgebra CohortGenerator Yams ZIPFoundation; do
  objects+=("$release/$module.build"/*.o)
done
while IFS= read -r object; do objects+=("$object"); done < <(find "$release/CYaml.build" -name "*.o")
kernels=()  # CKernels (C, linked by the Assignment objects), when the tree has it
if [ -d "$release/CKernels.build" ]; then
  objects+=("$release/CKernels.build"/*.o)
  kernels=(-Xcc -fmodule-map-file="$release/CKernels.build/module.modulemap" -Xcc -I"$tree/Sources/CKernels/include")
fi
swiftc -O -I "$release/Modules" -I "$tree/Sources/CLapack" \
  -Xcc -fmodule-map-file="$checkouts/ZIPFoundation/Sources/CZLib/module.modulemap" \
  -Xcc -I"$checkouts/Yams/Sources/CYaml/include" ${kernels[@]+"${kernels[@]}"} \
  "$here/write-cpu.swift" "${objects[@]}" -llapack -lblas -lz -o "$binary" 2>&1 | grep -v warning >&2 || true
"$binary" "${@:2}"
