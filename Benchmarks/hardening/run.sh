#!/usr/bin/env bash
# Timings of the inputs issue 10 found slow (defects 7 and 8): the department
# cap with many departments, and huge `languages`/`preferences` cells and deep
# manager chains in the cohort files. Prints one line per run: what, wall
# seconds, peak memory (MB), exit status.
#   Benchmarks/hardening/run.sh              # every case
#   Benchmarks/hardening/run.sh cap          # the department cap only
#   Benchmarks/hardening/run.sh parse        # the parsing cases only
# MENTOR_MATCH_BIN=/path/to/mentor-match skips the release build;
# TIME_LIMIT (seconds, default 120) stops a run that takes longer; SIZES
# (default "500x100 1000x200") and DEPARTMENTS (default "20 100": cohorts with
# that many departments, beside one department per mentee) choose the cap cases.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
if [ -n "${MENTOR_MATCH_BIN:-}" ]; then
  bin="$MENTOR_MATCH_BIN"
else
  "$root/scripts/ensure-system-packages"
  swift build -c release --product mentor-match --package-path "$root" >&2
  bin="$(swift build -c release --show-bin-path --package-path "$root")/mentor-match"
fi
limit="${TIME_LIMIT:-120}"
which="${1:-all}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
export MENTOR_MATCH_LEDGER="$work/ledger.sqlite"

# run LABEL COMMAND...: wall time and peak memory of one run, under the time limit.
run() {
  local label="$1"
  shift
  local status=0
  /usr/bin/time -f "%e %M" -o "$work/time" timeout "$limit" "$@" > /dev/null 2> "$work/err" || status=$?
  read -r wall peak < <(tail -n 1 "$work/time")
  if [ "$status" = 124 ]; then wall=">$limit"; fi
  printf '%-58s %8s s %7d MB  exit %s\n' "$label" "$wall" "$((peak / 1024))" "$status"
}

# cohort N M DEPARTMENTS: a generated cohort whose mentees' departments are
# rewritten to DEPARTMENTS values ("distinct": one per mentee).
cohort() {
  local n="$1" m="$2" departments="$3" dir="$work/cohort-$1-$2-$3"
  "$bin" generate --mentees "$n" --mentors "$m" --competencies 16 --seed 1 --output "$dir" > /dev/null 2>&1
  python3 - "$dir/mentees.csv" "$departments" <<'PY'
import csv, sys
path, departments = sys.argv[1], sys.argv[2]
rows = list(csv.reader(open(path, newline="")))
column = rows[0].index("department")
for k, row in enumerate(rows[1:]):
    row[column] = f"D{k}" if departments == "distinct" else f"D{k % int(departments)}"
csv.writer(open(path, "w", newline=""), lineterminator="\n").writerows(rows)
PY
  echo "$dir"
}

if [ "$which" = all ] || [ "$which" = cap ]; then
  printf 'rules:\n  max_mentees_per_department: 1\n' > "$work/cap1.yaml"
  printf 'rules:\n  max_mentees_per_department: 2\n' > "$work/cap2.yaml"
  printf 'rules:\n  max_mentees_per_department: null\n' > "$work/nocap.yaml"
  for size in ${SIZES:-500x100 1000x200}; do
    IFS=x read -r n m <<< "$size"
    dir="$(cohort "$n" "$m" distinct)"
    run "match $size, one department per mentee, no cap" "$bin" match "$dir" --config "$work/nocap.yaml" --format json
    run "match $size, one department per mentee, cap 1" "$bin" match "$dir" --config "$work/cap1.yaml" --format json
    for departments in ${DEPARTMENTS-20 100}; do
      dir="$(cohort "$n" "$m" "$departments")"
      run "match $size, $departments departments, no cap" "$bin" match "$dir" --config "$work/nocap.yaml" --format json
      run "match $size, $departments departments, cap 1" "$bin" match "$dir" --config "$work/cap1.yaml" --format json
      run "match $size, $departments departments, cap 2" "$bin" match "$dir" --config "$work/cap2.yaml" --format json
    done
  done
fi

if [ "$which" = all ] || [ "$which" = parse ]; then
  # A cell of a million languages (or preferred mentors), most of them repeats of others.
  for column in languages preferences; do
    dir="$work/big-$column"
    "$bin" generate --mentees 50 --mentors 10 --competencies 4 --seed 1 --output "$dir" > /dev/null 2>&1
    python3 - "$dir/mentees.csv" "$column" <<'PY'
import csv, sys
path, column = sys.argv[1], sys.argv[2]
rows = list(csv.reader(open(path, newline="")))
if column not in rows[0]:
    rows[0].append(column)
    for row in rows[1:]:
        row.append("")
k = rows[0].index(column)
rows[1][k] = ";".join(f"x{i % 700000}" for i in range(1_000_000))
csv.writer(open(path, "w", newline=""), lineterminator="\n").writerows(rows)
PY
    run "validate, one $column cell of 1,000,000 entries" "$bin" validate "$dir"
    run "match, one $column cell of 1,000,000 entries" "$bin" match "$dir" --format json
  done
  # Mentees whose managers form one chain (each the previous mentee's manager),
  # the last mentees' managers being mentors.
  for depth in 8000 100000; do
    dir="$work/chain-$depth"
    "$bin" generate --mentees "$depth" --mentors 20 --competencies 4 --seed 1 --output "$dir" > /dev/null 2>&1
    python3 - "$dir/mentees.csv" "$dir/mentors.csv" <<'PY'
import csv, sys
mentees = list(csv.reader(open(sys.argv[1], newline="")))
mentors = list(csv.reader(open(sys.argv[2], newline="")))
k = mentees[0].index("manager")
for index, row in enumerate(mentees[1:]):
    row[k] = mentees[index][0] if index > 0 else mentors[1][0]
csv.writer(open(sys.argv[1], "w", newline=""), lineterminator="\n").writerows(mentees)
PY
    run "validate, a manager chain $depth deep" "$bin" validate "$dir"
    run "match, a manager chain $depth deep" "$bin" match "$dir" --format json
  done
fi
