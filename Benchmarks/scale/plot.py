"""Draws Docs/scaling.svg from Benchmarks/scale/out/results.csv: wall time and
its phases against the number of allowed pairs, on log-log axes. Standard
library only; the SVG is self-contained.

    python3 Benchmarks/scale/plot.py results.csv scaling.svg
"""
import csv
import math
import sys

rows = list(csv.DictReader(open(sys.argv[1])))
width, height = 640, 400
left, right, top, bottom = 70, 170, 30, 50
series = [
    ("wall", "wall (whole command)", "#1f4e79"),
    ("pruning_s", "pruning pass", "#c55a11"),
    ("pricing_s", "pricing passes", "#548235"),
    ("solving_s", "sparse solves", "#7030a0"),
]
xs = [float(r["pairs_allowed"]) for r in rows]
ys = [float(r[key if key != "wall" else "wall_s"]) for r in rows for key, _, _ in series]
x0, x1 = math.floor(math.log10(min(xs))), math.ceil(math.log10(max(xs)))
y0, y1 = math.floor(math.log10(max(min(ys), 1e-3))), math.ceil(math.log10(max(ys)))


def px(x):
    return left + (math.log10(x) - x0) / max(x1 - x0, 1) * (width - left - right)


def py(y):
    return height - bottom - (math.log10(max(y, 10.0**y0)) - y0) / max(y1 - y0, 1) * (height - top - bottom)


out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" font-family="sans-serif" font-size="12">']
out.append(f'<rect width="{width}" height="{height}" fill="white"/>')
out.append(f'<text x="{left}" y="18" font-size="14">mentor-match match: time against allowed pairs (64 competencies)</text>')
for e in range(x0, x1 + 1):
    x = px(10.0**e)
    out.append(f'<line x1="{x:.1f}" y1="{top}" x2="{x:.1f}" y2="{height - bottom}" stroke="#ddd"/>')
    out.append(f'<text x="{x:.1f}" y="{height - bottom + 16}" text-anchor="middle">10^{e}</text>')
for e in range(y0, y1 + 1):
    y = py(10.0**e)
    out.append(f'<line x1="{left}" y1="{y:.1f}" x2="{width - right}" y2="{y:.1f}" stroke="#ddd"/>')
    label = f"{10.0**e:g} s"
    out.append(f'<text x="{left - 6}" y="{y + 4:.1f}" text-anchor="end">{label}</text>')
out.append(f'<text x="{(left + width - right) / 2}" y="{height - 12}" text-anchor="middle">allowed pairs (mentees × mentors, less the excluded)</text>')
for index, (key, label, colour) in enumerate(series):
    column = "wall_s" if key == "wall" else key
    points = sorted((float(r["pairs_allowed"]), float(r[column]), r) for r in rows)
    path = " ".join(f"{px(x):.1f},{py(y):.1f}" for x, y, _ in points)
    out.append(f'<polyline points="{path}" fill="none" stroke="{colour}" stroke-width="2"/>')
    for x, y, r in points:
        out.append(f'<circle cx="{px(x):.1f}" cy="{py(y):.1f}" r="3" fill="{colour}"/>')
    ly = top + 16 + index * 18
    out.append(f'<line x1="{width - right + 12}" y1="{ly - 4}" x2="{width - right + 32}" y2="{ly - 4}" stroke="{colour}" stroke-width="2"/>')
    out.append(f'<text x="{width - right + 38}" y="{ly}">{label}</text>')
# Label each cohort shape once, above its slowest run.
shapes = {}
for r in rows:
    shape = f'{r["mentees"]}×{r["mentors"]}'
    if shape not in shapes or float(r["wall_s"]) > float(shapes[shape]["wall_s"]):
        shapes[shape] = r
for shape, r in shapes.items():
    x, y = float(r["pairs_allowed"]), float(r["wall_s"])
    out.append(f'<text x="{px(x) - 4:.1f}" y="{py(y) - 8:.1f}" font-size="10" text-anchor="end">{shape}</text>')
out.append("</svg>")
open(sys.argv[2], "w").write("\n".join(out) + "\n")
