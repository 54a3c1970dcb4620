#!/bin/sh
# Circles benchmark: objective, gap to the bound and time of `mentor-match circles`
# (local search) against the greedy constructive start and a random grouping, on
# generated cohorts from 50 to 10,000 participants (circles of 4-6, 16 competencies).
#
# Usage: Benchmarks/circles/run.sh [sizes...]   (default: 50 200 1000 2000 5000 10000)
# Needs the release binary: swift build -c release --product mentor-match
# The shared-language rule is off: generated cohorts hold people who work only in a
# language fewer than four participants list, which makes the rule unsatisfiable
# (the command reports them). Prints a Markdown table.
set -eu
cd "$(dirname "$0")/../.."
bin=.build/release/mentor-match
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
printf 'rules:\n  require_shared_language: false\n' > "$work/config.yaml"
sizes=${*:-50 200 1000 2000 5000 10000}
echo "| participants | method | objective | gap to bound | broken rules | seconds |"
echo "|---:|---|---:|---:|---:|---:|"
for n in $sizes; do
  "$bin" generate --mentees "$n" --mentors 10 --competencies 16 --seed 7 --output "$work/c$n" > /dev/null
  for method in search greedy random; do
    extra=""
    [ "$method" = search ] || extra="--baseline $method"
    # shellcheck disable=SC2086
    "$bin" circles "$work/c$n" --config "$work/config.yaml" $extra --timings -o "$work/out.txt" 2> "$work/t.txt"
    line=$(grep '^timings:' "$work/t.txt")
    seconds=$(echo "$line" | sed -E 's/.*forming ([0-9.]+) s.*/\1/')
    objective=$(echo "$line" | sed -E 's/.*objective ([0-9.]+).*/\1/')
    violations=$(echo "$line" | sed -E 's/.*violations ([0-9]+).*/\1/')
    gap=$(echo "$line" | sed -E 's/.*gap ([0-9.]+) %.*/\1/')
    echo "| $n | $method | $objective | $gap % | $violations | $seconds |"
  done
done
