#!/usr/bin/env bash
# Scaling runs of `mentor-match match` on generated cohorts: wall time, peak
# memory and the per-phase timings, one CSV row per cohort.
#   Benchmarks/scale/run.sh                      # the sizes of Docs/performance.md (the last takes about a minute)
#   Benchmarks/scale/run.sh 5000x1000x5 20000x4000x2   # MENTEESxMENTORSxCAPACITY, 64 competencies
# Each row also times, right after the match and in the same run, one dense
# MENTEES x MENTORS x 64 double-precision GEMM through the LinearAlgebra module
# (Benchmarks/scale/GEMMTiming, product `gemm-timing`) and reports
# ratio = match's matching seconds / GEMM seconds, with the load average before
# and after the row (the machine may be shared; the ratio partly compensates),
# and the pricing violations of each round (`a;b;0`: the last round is clean),
# the sampled solve's seconds (SampledPriceEstimate; 0 when none ran), the
# final candidate pairs, and the rows each pricing pass scored with its seconds
# (`20000;7031`: the last pass was partial, see Docs/solver.md), and the pairs
# the sparse solver relaxed in each round (deterministic; `--timings`' solve work),
# and the pairs each pricing pass scored (its rows times the mentors).
# Writes Benchmarks/scale/out/results.csv and, with python3, Docs/scaling.svg.
# MENTOR_MATCH_BIN=/path/to/mentor-match and GEMM_TIMING_BIN=/path/to/gemm-timing
# skip the release builds.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
out="$here/out"
mkdir -p "$out"
if [ -n "${MENTOR_MATCH_BIN:-}" ] && [ -n "${GEMM_TIMING_BIN:-}" ]; then
  bin="$MENTOR_MATCH_BIN"
  gemm="$GEMM_TIMING_BIN"
else
  "$root/scripts/ensure-system-packages"
  swift build -c release --product mentor-match --package-path "$root" >&2
  swift build -c release --product gemm-timing --package-path "$root" >&2
  bin="${MENTOR_MATCH_BIN:-$(swift build -c release --show-bin-path --package-path "$root")/mentor-match}"
  gemm="${GEMM_TIMING_BIN:-$(swift build -c release --show-bin-path --package-path "$root")/gemm-timing}"
fi
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(5000x1000x5 20000x4000x2 20000x4000x5 20000x4000x10 50000x10000x5 100000x20000x5)
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
# The runs never read or write the user's programme ledger.
export MENTOR_MATCH_LEDGER="$work/ledger.sqlite"
csv="$out/results.csv"
echo "mentees,mentors,capacity,pairs_allowed,rounds,reading_s,pruning_s,solving_s,pricing_s,matching_s,writing_s,wall_s,peak_mb,gemm_s,ratio,load_before,load_after,violations_per_round,sampling_s,candidate_pairs,rows_priced_per_round,pricing_per_round_s,pairs_relaxed_per_round,pairs_priced_per_round" > "$csv"
for size in "${sizes[@]}"; do
  IFS=x read -r n m c <<< "$size"
  "$bin" generate --mentees "$n" --mentors "$m" --competencies 64 --capacity "$c" --seed 1 --output "$work/cohort" > /dev/null 2>&1
  cut -d' ' -f1 /proc/loadavg > "$work/load_before"
  /usr/bin/time -f "%e %M" -o "$work/time" "$bin" match "$work/cohort" --format json --output "$work/plan.json" --timings 2> "$work/err"
  "$gemm" "$n" "$m" 64 > "$work/gemm"
  cut -d' ' -f1 /proc/loadavg > "$work/load_after"
  python3 - "$n" "$m" "$c" "$work" >> "$csv" <<'PY'
import json, re, sys
n, m, c, work = sys.argv[1:5]
err = open(f"{work}/err").read()
line = next(l for l in err.splitlines() if l.startswith("timings:"))
num = lambda key: float(re.search(key + r" ([0-9.e-]+) s", line).group(1))
wall, peak_kb = open(f"{work}/time").read().split()[-2:]
cert = json.load(open(f"{work}/plan.json"))["certificate"]
gemm = float(re.search(r"seconds=([0-9.e-]+)", open(f"{work}/gemm").read()).group(1))
load = lambda name: open(f"{work}/{name}").read().strip()
print(",".join(str(x) for x in [n, m, c, cert["pairsChecked"], cert["rounds"], num("reading"), num("pruning"),
      num("solving"), num("pricing"), num("matching"), num("writing"), wall, round(int(peak_kb) / 1024),
      round(gemm, 3), round(num("matching") / gemm, 2), load("load_before"), load("load_after"),
      ";".join(str(v) for v in cert["violationsPerRound"]),
      num("sampling") if "sampling" in line else 0, cert["candidatePairs"],
      # The rows each pricing pass scored (fewer than all when it was partial) and its seconds.
      ";".join(re.search(r"rows priced \[([0-9, ]*)\]", line).group(1).replace(" ", "").split(","))
      if "rows priced" in line else "",
      ";".join(str(round(float(x), 3)) for x in re.search(r"pricing [0-9.e-]+ s \[([0-9.e, -]*)\]", line).group(1).split(","))
      if "rows priced" in line else "",
      # The sparse solver's pairs relaxed per round (SparseSolveCounters in `solve work`).
      ";".join(re.findall(r"relaxed ([0-9]+)", line.split("solve work", 1)[1])) if "solve work" in line else "",
      # The pairs each pricing pass scored: a scored row is scored over every column.
      ";".join(str(int(r) * int(m)) for r in re.search(r"rows priced \[([0-9, ]*)\]", line).group(1).replace(" ", "").split(","))
      if "rows priced" in line else ""]))
PY
  tail -1 "$csv" >&2
  rm -rf "$work/cohort"
done
python3 "$here/plot.py" "$csv" "$root/Docs/scaling.svg"
echo "wrote $csv and $root/Docs/scaling.svg" >&2
