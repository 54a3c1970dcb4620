#!/usr/bin/env python3
"""Side-by-side benchmark of `mentor-match solve` against peer assignment solvers.

One instance is generated from a seed, written as SCORES.csv, solved by
`mentor-match solve` (a subprocess) and, in the same run, by:

* scipy.optimize.linear_sum_assignment on the slot-duplicated n x (m*capacity) matrix,
* lap.lapjv on the same duplicated matrix (costs = -scores),
* OR-tools SimpleMinCostFlow (solve_max_flow_with_min_cost) on the transportation graph.

Every solution is checked (each mentee at most once, no mentor over capacity,
no forbidden pair), its objective recomputed from the original float scores,
and compared with mentor-match's. Exit status: 0 all agree, 1 a disagreement
or an invalid solution, 2 a solver failed to run.

See README.md beside this file.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import platform
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

SCALE = 1_000_000  # OR-tools integer costs: -round(score * SCALE)
REL_TOL = 1e-6
PEERS = ("scipy", "lap", "ortools")
LABELS = {
    "mentor-match": "mentor-match",
    "mentor-match-baseline": "mentor-match (baseline)",
    "scipy": "scipy linear_sum_assignment",
    "lap": "lap.lapjv",
    "ortools": "OR-tools min-cost flow",
}


# ----------------------------------------------------------------------------
# Instance


@dataclass
class Instance:
    scores: np.ndarray  # (n, m) float64, NaN = forbidden
    capacity: int
    mentee_ids: list[str]
    mentor_ids: list[str]

    @property
    def n(self) -> int:
        return self.scores.shape[0]

    @property
    def m(self) -> int:
        return self.scores.shape[1]

    @property
    def forbidden(self) -> np.ndarray:
        return np.isnan(self.scores)


def ident(prefix: str, index: int, count: int) -> str:
    return f"{prefix}{index + 1:0{max(5, len(str(count)))}d}"


def generate(args: argparse.Namespace) -> Instance:
    rng = np.random.default_rng(args.seed)
    n, m = args.mentees, args.mentors
    if args.kind == "cosine":
        a = rng.standard_normal((n, args.dim))
        b = rng.standard_normal((m, args.dim))
        a /= np.linalg.norm(a, axis=1, keepdims=True)
        b /= np.linalg.norm(b, axis=1, keepdims=True)
        scores = np.ascontiguousarray(a @ b.T, dtype=np.float64)
    else:  # ties: small integers 0..levels-1, many equal scores
        scores = rng.integers(0, args.levels, size=(n, m)).astype(np.float64)
    if args.forbidden_share > 0:
        scores[rng.random((n, m)) < args.forbidden_share] = np.nan
    return Instance(
        scores=scores,
        capacity=args.capacity,
        mentee_ids=[ident("E", i, n) for i in range(n)],
        mentor_ids=[ident("M", j, m) for j in range(m)],
    )


def write_scores_csv(inst: Instance, path: Path) -> None:
    """SCORES.csv as `mentor-match solve` reads it; repr() round-trips every float."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="") as out:
        out.write("mentee," + ",".join(inst.mentor_ids) + "\n")
        for mentee, row in zip(inst.mentee_ids, inst.scores.tolist()):
            cells = ["" if x != x else repr(x) for x in row]  # x != x: NaN -> empty cell
            out.write(mentee + "," + ",".join(cells) + "\n")


# ----------------------------------------------------------------------------
# Results


@dataclass
class Result:
    solver: str
    status: str = "ok"  # ok | skipped | failed
    note: str = ""
    solve_seconds: float | None = None
    build_seconds: float | None = None
    wall_seconds: float | None = None  # mentor-match: the whole subprocess
    objective: float | None = None  # recomputed from the original scores
    reported_objective: float | None = None  # as the solver reported it
    assigned: int | None = None
    rows: np.ndarray | None = field(default=None, repr=False)
    cols: np.ndarray | None = field(default=None, repr=False)  # mentor index per row

    @property
    def total_seconds(self) -> float | None:
        if self.wall_seconds is not None:
            return self.wall_seconds
        if self.solve_seconds is None or self.build_seconds is None:
            return None
        return self.solve_seconds + self.build_seconds


def best(values: list[float]) -> float:
    return min(values)


def big_constant(inst: Instance) -> float:
    """A penalty larger than any difference between two totals of allowed pairs."""
    allowed = inst.scores[~inst.forbidden]
    if allowed.size == 0:
        return 1.0
    spread = float(allowed.max() - allowed.min())
    return (inst.n + 1) * (spread + 1.0) + float(np.abs(allowed).max())


def duplicated(inst: Instance, fill: float, negate: bool) -> np.ndarray:
    """n x (m*capacity): each mentor repeated `capacity` times, slot j*cap+k -> mentor j."""
    dup = np.repeat(-inst.scores if negate else inst.scores, inst.capacity, axis=1)
    dup[np.isnan(dup)] = fill
    return dup


def finish(result: Result, inst: Instance, rows: np.ndarray, cols: np.ndarray) -> Result:
    """Drops pairs that use a forbidden cell (a penalty column), stores the pairs."""
    rows = np.asarray(rows, dtype=np.int64)
    cols = np.asarray(cols, dtype=np.int64)
    keep = ~inst.forbidden[rows, cols]
    result.rows, result.cols = rows[keep], cols[keep]
    result.assigned = int(keep.sum())
    result.objective = float(inst.scores[result.rows, result.cols].sum())
    return result


# ----------------------------------------------------------------------------
# Solvers


def run_mentor_match(binary: str, csv_path: Path, inst: Instance, repeat: int,
                     solver: str = "mentor-match") -> Result:
    """Times the whole process `solve SCORES.csv --format json --output plan.json`:
    start, reading, solving, writing the plan file (temporary file, fsync, rename)."""
    res = Result(solver)
    out_path = csv_path.parent / f"plan-{solver}.json"
    cmd = [binary, "solve", str(csv_path), "--capacity", str(inst.capacity), "--format", "json",
           "--output", str(out_path)]
    walls: list[float] = []
    solves: list[float] = []
    doc = None
    for _ in range(repeat):
        out_path.unlink(missing_ok=True)
        t0 = time.perf_counter()
        proc = subprocess.run(cmd, capture_output=True, text=True)
        walls.append(time.perf_counter() - t0)
        if proc.returncode != 0:
            res.status = "failed"
            res.note = f"exit {proc.returncode}: {proc.stderr.strip()[-2000:]}"
            return res
        text = out_path.read_text()
        try:
            doc = json.loads(text)
        except json.JSONDecodeError as error:
            res.status = "failed"
            res.note = f"output is not JSON ({error}): {text[:300]!r}"
            return res
        solve = (doc.get("timings") or {}).get("solve")
        if solve is not None:
            solves.append(float(solve))
    res.wall_seconds = best(walls)
    if solves:
        res.solve_seconds = best(solves)
        res.build_seconds = max(res.wall_seconds - res.solve_seconds, 0.0)
    else:
        res.note = "no timings.solve in the JSON"
    res.reported_objective = float(doc["objective"]) if doc.get("objective") is not None else None
    mentee_index = {e: i for i, e in enumerate(inst.mentee_ids)}
    mentor_index = {mt: j for j, mt in enumerate(inst.mentor_ids)}
    pairs = doc.get("assignments") or []
    try:
        rows = np.array([mentee_index[p["mentee"]] for p in pairs], dtype=np.int64)
        cols = np.array([mentor_index[p["mentor"]] for p in pairs], dtype=np.int64)
    except KeyError as error:
        res.status = "failed"
        res.note = f"unknown identifier in assignments: {error}"
        return res
    res.rows, res.cols = rows, cols
    res.assigned = len(pairs)
    res.objective = float(inst.scores[rows, cols].sum()) if len(pairs) else 0.0
    problems = []
    if "assigned" in doc and int(doc["assigned"]) != len(pairs):
        problems.append(f"'assigned' is {doc['assigned']} but {len(pairs)} assignments are listed")
    unassigned = doc.get("unassigned")
    if unassigned is not None and len(unassigned) + len(pairs) != inst.n:
        problems.append(f"{len(pairs)} assigned + {len(unassigned)} unassigned != {inst.n} mentees")
    for p in pairs[:]:
        if "score" in p and p["score"] is not None:
            i, j = mentee_index[p["mentee"]], mentor_index[p["mentor"]]
            if not math.isclose(float(p["score"]), inst.scores[i, j], rel_tol=1e-12, abs_tol=1e-12):
                problems.append(f"pair {p['mentee']}-{p['mentor']} reports score {p['score']}, "
                                f"SCORES.csv has {inst.scores[i, j]!r}")
                break
    if problems:
        res.note = "; ".join(filter(None, [res.note] + problems))
        res.status = "failed"
    return res


def run_scipy(inst: Instance, repeat: int) -> Result:
    from scipy.optimize import linear_sum_assignment

    res = Result("scipy")
    fill = float(np.nanmin(inst.scores)) - big_constant(inst) if not inst.forbidden.all() else -1.0
    builds, solves = [], []
    for _ in range(repeat):
        t0 = time.perf_counter()
        matrix = duplicated(inst, fill, negate=False)
        t1 = time.perf_counter()
        rows, slots = linear_sum_assignment(matrix, maximize=True)
        t2 = time.perf_counter()
        builds.append(t1 - t0)
        solves.append(t2 - t1)
        del matrix
    res.build_seconds, res.solve_seconds = best(builds), best(solves)
    return finish(res, inst, rows, slots // inst.capacity)


def run_lap(inst: Instance, repeat: int) -> Result:
    try:
        import lap
    except ImportError as error:
        return Result("lap", status="skipped", note=f"lap is not importable: {error}")
    res = Result("lap")
    fill = -float(np.nanmin(inst.scores)) + big_constant(inst) if not inst.forbidden.all() else 1.0
    square = inst.n == inst.m * inst.capacity
    builds, solves = [], []
    for _ in range(repeat):
        t0 = time.perf_counter()
        matrix = duplicated(inst, fill, negate=True)
        t1 = time.perf_counter()
        # lapjv needs a square matrix; extend_cost pads a rectangular one to (n + slots)^2.
        _, x, _ = lap.lapjv(matrix, extend_cost=not square)
        t2 = time.perf_counter()
        builds.append(t1 - t0)
        solves.append(t2 - t1)
        del matrix
    res.build_seconds, res.solve_seconds = best(builds), best(solves)
    res.note = "square matrix" if square else "extend_cost=True (padded to square)"
    rows = np.flatnonzero(x >= 0)
    return finish(res, inst, rows, x[rows] // inst.capacity)


def run_ortools(inst: Instance, repeat: int) -> Result:
    from ortools.graph.python import min_cost_flow

    res = Result("ortools")
    n, m = inst.n, inst.m
    source, sink = 0, n + m + 1  # mentees 1..n, mentors n+1..n+m
    builds, solves = [], []
    for _ in range(repeat):
        t0 = time.perf_counter()
        allowed_i, allowed_j = np.nonzero(~inst.forbidden)
        pair_costs = -np.rint(inst.scores[allowed_i, allowed_j] * SCALE).astype(np.int64)
        tails = np.concatenate([
            np.zeros(n, dtype=np.int32),
            (allowed_i + 1).astype(np.int32),
            np.arange(n + 1, n + m + 1, dtype=np.int32),
        ])
        heads = np.concatenate([
            np.arange(1, n + 1, dtype=np.int32),
            (allowed_j + n + 1).astype(np.int32),
            np.full(m, sink, dtype=np.int32),
        ])
        capacities = np.concatenate([
            np.ones(n + len(allowed_i), dtype=np.int64),
            np.full(m, inst.capacity, dtype=np.int64),
        ])
        costs = np.concatenate([np.zeros(n, dtype=np.int64), pair_costs, np.zeros(m, dtype=np.int64)])
        smcf = min_cost_flow.SimpleMinCostFlow()
        smcf.add_arcs_with_capacity_and_unit_cost(tails, heads, capacities, costs)
        smcf.set_nodes_supplies(np.array([source, sink], dtype=np.int32), np.array([n, -n], dtype=np.int64))
        t1 = time.perf_counter()
        status = smcf.solve_max_flow_with_min_cost()
        t2 = time.perf_counter()
        builds.append(t1 - t0)
        solves.append(t2 - t1)
        if status != smcf.OPTIMAL:
            res.status = "failed"
            res.note = f"solve_max_flow_with_min_cost returned {status}"
            return res
    res.build_seconds, res.solve_seconds = best(builds), best(solves)
    pair_arcs = np.arange(n, n + len(allowed_i), dtype=np.int32)
    used = np.asarray(smcf.flows(pair_arcs)) > 0
    res.reported_objective = -smcf.optimal_cost() / SCALE
    res.note = f"max flow {smcf.maximum_flow()}, integer costs (SCALE={SCALE:g})"
    return finish(res, inst, allowed_i[used], allowed_j[used])


# ----------------------------------------------------------------------------
# Checks


def validate(res: Result, inst: Instance) -> list[str]:
    problems = []
    if res.rows is None:
        return problems
    if len(np.unique(res.rows)) != len(res.rows):
        problems.append("a mentee is assigned twice")
    load = np.bincount(res.cols, minlength=inst.m) if len(res.cols) else np.zeros(inst.m, dtype=int)
    if (load > inst.capacity).any():
        problems.append(f"{int((load > inst.capacity).sum())} mentors over capacity {inst.capacity}")
    if len(res.rows) and inst.forbidden[res.rows, res.cols].any():
        problems.append(f"{int(inst.forbidden[res.rows, res.cols].sum())} forbidden pairs used")
    return problems


def compare(mm: Result, peer: Result, inst: Instance) -> tuple[bool, str]:
    tol = REL_TOL * max(1.0, abs(mm.objective))
    diff = mm.objective - peer.objective  # > 0: mentor-match better
    if peer.assigned != mm.assigned:
        return False, f"assigned {peer.assigned} vs mentor-match {mm.assigned}"
    if peer.solver == "ortools":
        # OR-tools is optimal for rounded integer costs: each of the k pairs of either
        # solution is off by at most 0.5/SCALE, so it may trail the exact optimum by k/SCALE.
        rounding = mm.assigned / SCALE
        if diff < -tol:
            return False, f"mentor-match is worse by {-diff:.3e} (tolerance {tol:.1e})"
        if diff > rounding + tol:
            return False, f"OR-tools is worse by {diff:.3e}, more than rounding explains ({rounding:.1e})"
        return True, f"difference {diff:+.3e} (within rounding {rounding:.1e})"
    if abs(diff) > tol:
        worse = "mentor-match" if diff < 0 else LABELS[peer.solver]
        return False, f"{worse} is worse by {abs(diff):.3e} (tolerance {tol:.1e})"
    return True, f"difference {diff:+.3e}"


# ----------------------------------------------------------------------------
# Report


def fmt(value: float | None, spec: str) -> str:
    return "-" if value is None else format(value, spec)


def environment() -> dict:
    env: dict = {
        "python": platform.python_version(),
        "platform": platform.platform(),
        "cpus": os.cpu_count(),
        "OPENBLAS_CORETYPE": os.environ.get("OPENBLAS_CORETYPE"),
        "OPENBLAS_L2_SIZE": os.environ.get("OPENBLAS_L2_SIZE"),
    }
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                env["cpu"] = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    from importlib import metadata

    for package in ("numpy", "scipy", "lap", "ortools"):
        try:
            env[package] = metadata.version(package)
        except metadata.PackageNotFoundError:
            env[package] = None
    return env


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--mentees", type=int, default=5000)
    parser.add_argument("--mentors", type=int, default=1000)
    parser.add_argument("--capacity", type=int, default=5)
    parser.add_argument("--dim", type=int, default=32, help="vector length for --kind cosine")
    parser.add_argument("--kind", choices=("cosine", "ties"), default="cosine")
    parser.add_argument("--levels", type=int, default=10,
                        help="--kind ties: scores are integers 0..levels-1 (default 10)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--forbidden-share", type=float, default=0.0,
                        help="share of pairs made forbidden (empty cells), 0..1")
    parser.add_argument("--repeat", type=int, default=1, help="best of K runs for every solver")
    parser.add_argument("--skip", default="", help="comma-separated peers to skip: scipy,lap,ortools")
    parser.add_argument("--mentor-match", dest="binary", default=os.environ.get("MENTOR_MATCH_BIN"),
                        help="the mentor-match binary (default: $MENTOR_MATCH_BIN)")
    parser.add_argument("--baseline", dest="baseline", default=os.environ.get("MENTOR_MATCH_BASELINE_BIN"),
                        help="a second mentor-match binary (say, main's build) timed in the same run "
                             "(default: $MENTOR_MATCH_BASELINE_BIN)")
    parser.add_argument("--workdir", type=Path, default=Path(__file__).resolve().parent / "out",
                        help="where SCORES.csv is written")
    parser.add_argument("--json-out", type=Path, help="write the measurements as JSON")
    args = parser.parse_args(argv)

    skip = {s.strip() for s in args.skip.split(",") if s.strip()}
    if skip - set(PEERS):
        parser.error(f"--skip takes {','.join(PEERS)}; got {','.join(sorted(skip - set(PEERS)))}")
    if not args.binary:
        parser.error("no mentor-match binary: pass --mentor-match or set MENTOR_MATCH_BIN")
    if min(args.mentees, args.mentors, args.capacity, args.dim, args.repeat, args.levels) < 1:
        parser.error("--mentees, --mentors, --capacity, --dim, --levels and --repeat must be at least 1")
    if not 0.0 <= args.forbidden_share < 1.0:
        parser.error("--forbidden-share must be in [0, 1)")

    t0 = time.perf_counter()
    inst = generate(args)
    csv_path = args.workdir / "SCORES.csv"
    write_scores_csv(inst, csv_path)
    forbidden = int(inst.forbidden.sum())
    print(f"instance: {args.kind}, {inst.n} mentees x {inst.m} mentors, capacity {inst.capacity} "
          f"({inst.m * inst.capacity} slots), {forbidden} forbidden pairs, seed {args.seed}; "
          f"{csv_path} written in {time.perf_counter() - t0:.1f} s", flush=True)

    results: list[Result] = []
    mm = run_mentor_match(args.binary, csv_path, inst, args.repeat)
    results.append(mm)
    print(f"  mentor-match: {mm.status} {fmt(mm.wall_seconds, '.3f')} s wall", flush=True)
    if args.baseline:
        base = run_mentor_match(args.baseline, csv_path, inst, args.repeat, solver="mentor-match-baseline")
        results.append(base)
        print(f"  mentor-match (baseline): {base.status} {fmt(base.wall_seconds, '.3f')} s wall", flush=True)
    runners = {"scipy": run_scipy, "lap": run_lap, "ortools": run_ortools}
    for name in PEERS:
        if name in skip:
            results.append(Result(name, status="skipped", note="--skip"))
            continue
        try:
            res = runners[name](inst, args.repeat)
        except Exception as error:  # noqa: BLE001 - report and go on with the others
            res = Result(name, status="failed", note=f"{type(error).__name__}: {error}")
        results.append(res)
        print(f"  {LABELS[name]}: {res.status} {fmt(res.solve_seconds, '.3f')} s solve", flush=True)

    # Checks
    checks = []
    agree = True
    failed_to_run = False
    for res in results:
        if res.status == "skipped":
            continue
        if res.status == "failed":
            failed_to_run = True
            checks.append({"solver": res.solver, "ok": False, "message": f"failed: {res.note}"})
            continue
        problems = validate(res, inst)
        if res.solver == "mentor-match" and res.reported_objective is not None:
            tol = REL_TOL * max(1.0, abs(res.objective))
            if abs(res.reported_objective - res.objective) > tol:
                problems.append(f"reported objective {res.reported_objective!r} but its pairs sum to "
                                f"{res.objective!r}")
        if problems:
            checks.append({"solver": res.solver, "ok": False, "message": "; ".join(problems)})
            agree = False
            continue
        if res.solver == "mentor-match-baseline" and mm.status == "ok" and mm.objective is not None:
            ok = abs(res.objective - mm.objective) <= REL_TOL * max(1.0, abs(mm.objective)) \
                and res.assigned == mm.assigned
            agree &= ok
            checks.append({"solver": res.solver, "ok": ok,
                           "message": f"objective {res.objective!r} against {mm.objective!r}"})
            continue
        if res.solver == "mentor-match":
            checks.append({"solver": res.solver, "ok": True, "message": "valid; objective matches its pairs"})
            continue
        if mm.status != "ok" or mm.objective is None:
            checks.append({"solver": res.solver, "ok": True, "message": "valid (no mentor-match result to compare)"})
            continue
        ok, message = compare(mm, res, inst)
        agree &= ok
        checks.append({"solver": res.solver, "ok": ok, "message": message})

    # Table
    mm_solve = mm.solve_seconds if mm.status == "ok" else None
    header = f"{'solver':<30} {'solve s':>9} {'build s':>9} {'total s':>9} {'objective':>20} {'assigned':>9} {'ratio':>8}"
    print()
    print(header)
    print("-" * len(header))
    for res in results:
        if res.status != "ok":
            print(f"{LABELS[res.solver]:<30} {res.status}: {res.note}")
            continue
        ratio = res.solve_seconds / mm_solve if (mm_solve and res.solve_seconds is not None) else None
        print(f"{LABELS[res.solver]:<30} {fmt(res.solve_seconds, '9.3f')} {fmt(res.build_seconds, '9.3f')} "
              f"{fmt(res.total_seconds, '9.3f')} {fmt(res.objective, '20.9f')} {res.assigned:>9} "
              f"{fmt(ratio, '8.2f')}")
    print("(mentor-match: solve = timings.solve; build = rest of the process: start, CSV parse, JSON plan file; "
          "total = wall time of the subprocess. Peers: build = making their input from the in-memory matrix. "
          "ratio = peer solve / mentor-match solve.)")
    print()
    peers_ok = [r for r in results if r.solver in PEERS and r.status == "ok" and r.total_seconds is not None]
    fastest = min(peers_ok, key=lambda r: r.total_seconds) if peers_ok else None
    whole = {}
    for res in results:
        if res.solver.startswith("mentor-match") and res.status == "ok" and fastest is not None:
            whole[res.solver] = res.wall_seconds / fastest.total_seconds
            print(f"{LABELS[res.solver]} whole process {res.wall_seconds:.3f} s = {whole[res.solver]:.2f} x "
                  f"the fastest peer's build + solve ({LABELS[fastest.solver]}, {fastest.total_seconds:.3f} s; "
                  f"target at most 0.5)")
    print()
    for res in results:
        if res.solver not in PEERS or res.status != "ok" or not mm_solve or res.solve_seconds is None:
            continue
        ratio = res.solve_seconds / mm_solve
        if ratio >= 1:
            print(f"mentor-match solve is {ratio:.2f} times faster than {LABELS[res.solver]}'s solve")
        else:
            print(f"mentor-match solve is {1 / ratio:.2f} times slower than {LABELS[res.solver]}'s solve")
    print()
    for check in checks:
        print(f"{'ok  ' if check['ok'] else 'FAIL'} {LABELS[check['solver']]}: {check['message']}")

    if args.json_out:
        doc = {
            "instance": {
                "kind": args.kind, "mentees": inst.n, "mentors": inst.m, "capacity": inst.capacity,
                "dim": args.dim if args.kind == "cosine" else None,
                "levels": args.levels if args.kind == "ties" else None, "seed": args.seed,
                "forbidden_share": args.forbidden_share, "forbidden_pairs": forbidden,
                "slots": inst.m * inst.capacity,
            },
            "repeat": args.repeat,
            "environment": environment(),
            "results": [
                {
                    "solver": r.solver, "label": LABELS[r.solver], "status": r.status, "note": r.note,
                    "solve_seconds": r.solve_seconds, "build_seconds": r.build_seconds,
                    "wall_seconds": r.wall_seconds, "total_seconds": r.total_seconds,
                    "objective": r.objective, "reported_objective": r.reported_objective,
                    "assigned": r.assigned,
                    "ratio_to_mentor_match_solve": (r.solve_seconds / mm_solve
                                                    if mm_solve and r.solve_seconds is not None else None),
                }
                for r in results
            ],
            "whole_process_over_fastest_peer_total": whole,
            "fastest_peer": fastest.solver if fastest else None,
            "checks": checks,
            "agree": agree and not failed_to_run,
        }
        args.json_out.parent.mkdir(parents=True, exist_ok=True)
        args.json_out.write_text(json.dumps(doc, indent=2) + "\n")
        print(f"\nmeasurements written to {args.json_out}")

    if not agree:
        print("\nobjectives or solutions disagree beyond tolerance", file=sys.stderr)
        return 1
    if failed_to_run:
        print("\na solver failed to run", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
