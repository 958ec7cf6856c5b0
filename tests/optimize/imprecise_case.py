"""The tiny test case with imprecise scores: intervals, a triangle, an unknown and expert ratings.

Made from ``tests/cases/tiny`` at test time: a:L1 is the interval [1, 3], b:L1 the triangle
(low 2, mode 3, high 6), c:L2 is unknown (drawn over the observed range of L2), and every L3
cell is rated by experts on a three-level scale (good 1, fair 0.5, poor 0.2).
"""

from __future__ import annotations

import shutil
from pathlib import Path

HEADER = "cluster,criterion,value,provenance,rule,status,low,high,mode"

#: (cluster, criterion) -> the rest of its scores row after cluster and criterion.
CHANGED = {
    ("a", "L1"): ",,illustrative,t,interval,1,3,",
    ("b", "L1"): ",,illustrative,t,triangular,2,6,3",
    ("c", "L2"): ",,unknown,not published,unknown,,,",
}
RATED_CRITERION = "L3"

SCALES_CSV = "criterion,level,intensity\nL3,good,1\nL3,fair,0.5\nL3,poor,0.2\n"
RATINGS_CSV = (
    "expert,cluster,criterion,level\n"
    "e1,a,L3,good\ne2,a,L3,fair\ne1,b,L3,poor\ne1,c,L3,fair\ne1,d,L3,good\n"
)
TABLES = 'rating_scales = "rating_scales.csv"\nratings = "ratings.csv"\n'
UNCERTAINTY = (
    '\n[uncertainty]\nunknown = "draw"\nprovenance = "test"\n\n'
    '[uncertainty.ranges]\nL2 = "observed"\n'
)


def imprecise_scores(points: str) -> str:
    """The tiny case's scores CSV text with the imprecise cells above."""
    lines = [HEADER]
    for line in points.strip().splitlines()[1:]:
        cluster, criterion, *_ = line.split(",")
        if (cluster, criterion) in CHANGED:
            lines.append(f"{cluster},{criterion}{CHANGED[cluster, criterion]}")
        elif criterion == RATED_CRITERION:
            lines.append(f"{cluster},{criterion},,ratings,,rated,,,")
        else:
            lines.append(f"{line},,,,")
    return "\n".join(lines) + "\n"


def write_imprecise_tiny(tiny: Path, dest: Path) -> Path:
    """Copy the tiny case to `dest` and make its scores imprecise; returns `dest`."""
    shutil.copytree(tiny, dest)
    scores = dest / "scores.csv"
    scores.write_text(imprecise_scores(scores.read_text(encoding="utf-8")), encoding="utf-8")
    (dest / "rating_scales.csv").write_text(SCALES_CSV, encoding="utf-8")
    (dest / "ratings.csv").write_text(RATINGS_CSV, encoding="utf-8")
    toml = (dest / "case.toml").read_text(encoding="utf-8")
    toml = toml.replace('projects = "projects.csv"\n', f'projects = "projects.csv"\n{TABLES}')
    (dest / "case.toml").write_text(toml + UNCERTAINTY, encoding="utf-8")
    return dest
