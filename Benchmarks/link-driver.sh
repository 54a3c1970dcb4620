#!/usr/bin/env bash
# Links one benchmark driver (a single Swift file) against a tree's release
# objects, for the readers' and writers' CPU drivers:
#
#   Benchmarks/link-driver.sh TREE SOURCE.swift BINARY
#
# TREE is a checkout whose `swift build -c release --product mentor-match`
# has been run. Compiler warnings are dropped; errors reach stderr.
set -euo pipefail
tree="$(cd "$1" && pwd)"
source_file="$2"
binary="$3"
release="$tree/.build/release"
checkouts="$tree/.build/checkouts"
objects=()
for module in Interchange CompetencyModel Assignment Rationale Circles LinearAlgebra CohortGenerator Yams ZIPFoundation; do
  for object in "$release/$module.build"/*.o; do
    # An object whose source file the tree no longer has (a file removed
    # since the last build: SwiftPM leaves its object behind) is not linked.
    name="$(basename "$object" .o)"
    if [ -d "$tree/Sources/$module" ] && [ -z "$(find "$tree/Sources/$module" -name "$name" -print -quit)" ]; then
      continue
    fi
    objects+=("$object")
  done
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
  "$source_file" "${objects[@]}" -llapack -lblas -lz -o "$binary" 2>&1 | grep -v warning >&2 || true
