"""How many mentors tie at a mentee's best competency term, under the covered-growth term
(mentors at or above every goal: term 1) and under the earlier term (Σ need share × level / 5),
for 200 mentees drawn with a fixed seed from a generated cohort. Standard library only.

    mentor-match generate --mentees 20000 --mentors 4000 --competencies 64 --capacity 5 --seed 1 --output C
    python3 Benchmarks/scale/ties.py C
"""
import csv
import random
import sys

folder = sys.argv[1]
mentees = list(csv.DictReader(open(f"{folder}/mentees.csv")))
mentors = list(csv.DictReader(open(f"{folder}/mentors.csv")))
competencies = [k[len("level:"):] for k in mentees[0] if k.startswith("level:")]
levels = [{c: float(r["level:" + c] or 0) for c in competencies} for r in mentors]
random.seed(1)
covering, tied_before = [], []
for e in random.sample(mentees, 200):
    goals = [
        (c, float(e["level:" + c] or 0), float(e["goal:" + c]))
        for c in competencies
        if e.get("goal:" + c) and float(e["goal:" + c]) > float(e["level:" + c] or 0)
    ]
    need = sum(g - a for _, a, g in goals)
    covering.append(sum(1 for m in levels if all(m[c] >= g for c, _, g in goals)))
    before = [round(sum((g - a) / need * m[c] / 5 for c, a, g in goals), 9) for m in levels]
    tied_before.append(before.count(max(before)))
for name, counts in [("covered growth: mentors at or above every goal", covering),
                     ("earlier term: mentors tied at the best term", tied_before)]:
    counts.sort()
    print(f"{name}: median {counts[100]}, 10th percentile {counts[20]}, 90th percentile {counts[180]} of {len(mentors)}")
