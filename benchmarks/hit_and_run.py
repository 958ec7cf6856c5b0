"""Hit-and-run weight sampling: 1e5 draws in 18 dimensions under 20 linear constraints.

Constraints (20, besides w >= 0 and sum w = 1): a total order of the first six weights
(5), upper bounds on six more (6), lower bounds on three (3), ratio bounds
w[c13..c17] <= 3 w[next] (5) and one cross-branch order (1). Ours runs chains side by
side, vectorised; the baseline, measured in the same run, is one chain stepped in a plain
Python loop (the textbook algorithm) on 5 000 draws, extrapolated linearly. Rejection
sampling from the uniform simplex, the exact alternative, is shown by its acceptance rate.
Times are medians of wall clock and process CPU. Run: python benchmarks/hit_and_run.py
"""

from __future__ import annotations

import itertools
import os
import platform
from functools import partial

import numpy as np
from timing import timed

from mcda.sensitivity import (
    WeightConstraint,
    at_least,
    hit_and_run,
    ratio_at_most,
    total_order,
    uniform_simplex,
    within,
)
from mcda.sensitivity.weight_constraints import inequalities

SAMPLES = 100_000
LOOP_SAMPLES = 5_000
K = 18
RUNS = 5
TARGET_SECONDS = 0.5
CRITERIA = [f"c{j + 1}" for j in range(K)]


def constraints() -> list[WeightConstraint]:
    """The 20 constraints of the module docstring."""
    found = list(total_order(CRITERIA[:6]))
    found += [within(c, 0.0, 0.12)[1] for c in CRITERIA[6:12]]
    found += [within(c, 0.01, 1.0)[0] for c in CRITERIA[12:15]]
    found += [ratio_at_most(a, b, 3.0) for a, b in itertools.pairwise(CRITERIA[12:18])]
    found.append(at_least(CRITERIA[0], CRITERIA[17]))
    assert len(found) == 20
    return found


def single_chain(n: int, seed: int, thin: int) -> np.ndarray:
    """One hit-and-run chain, one step per loop iteration, from the polytope's centre."""
    a, b, _ = inequalities(constraints(), CRITERIA)
    rng = np.random.default_rng(seed)
    start = hit_and_run(CRITERIA, constraints(), 1, seed)[0]  # any interior point
    w = start.copy()
    out = np.empty((n, K))
    for k in range(n * thin):
        d = rng.standard_normal(K)
        d -= d.mean()  # stay on sum w = 1
        d /= np.linalg.norm(d)
        slack, speed = b - a @ w, a @ d
        with np.errstate(divide="ignore"):
            reach = slack / speed
        upper = reach[speed > 0].min()
        lower = reach[speed < 0].max()
        w = w + (lower + rng.random() * (upper - lower)) * d
        if (k + 1) % thin == 0:
            out[k // thin] = w
    return out


def main() -> None:
    limits = constraints()
    a, b, _ = inequalities(limits, CRITERIA)
    simplex = uniform_simplex(K, 200_000, 0)
    accepted = np.mean(np.all(simplex @ a.T <= b, axis=1))
    hit_and_run(CRITERIA, limits, 1000, 0)  # warm-up (scipy.optimize import)
    print(
        f"hit-and-run: {SAMPLES:,} weight vectors, {K} criteria, {len(limits)} constraints "
        f"(+ w >= 0, sum w = 1)"
    )
    print(f"python {platform.python_version()}, numpy {np.__version__}, {os.cpu_count()} CPUs")
    print(f"rejection from the uniform simplex would accept {accepted:.2%} of draws")
    print()
    print("| sampler | thin | samples timed | wall [s] | CPU [s] | wall for 100 000 [s] |")
    print("|---|---|---|---|---|---|")
    times = {}
    for thin in (1, 3, 6, K):
        drawn = hit_and_run(CRITERIA, limits, SAMPLES, 1, thin=thin)
        assert np.all(drawn @ a.T <= b + 1e-9)
        wall, cpu = timed(partial(hit_and_run, CRITERIA, limits, SAMPLES, 1, thin=thin), RUNS)
        times[thin] = wall
        label = f"{thin} (default)" if thin == K else str(thin)
        print(
            f"| mcda hit_and_run, 100 chains | {label} | {SAMPLES:,} (x{RUNS}) | {wall:.3f} | "
            f"{cpu:.3f} | {wall:.3f} |"
        )
    loop_wall, loop_cpu = timed(lambda: single_chain(LOOP_SAMPLES, 2, 1), 1)
    scale = SAMPLES / LOOP_SAMPLES
    print(
        f"| one chain, Python loop | 1 | {LOOP_SAMPLES:,} (x1) | {loop_wall:.3f} | "
        f"{loop_cpu:.3f} | {loop_wall * scale:.1f} (x{scale:.0f}) |"
    )
    print()
    print(f"speed-up at thin 1 over the loop: {loop_wall * scale / times[1]:.0f}x")
    for thin, wall in times.items():
        verdict = "met" if wall <= TARGET_SECONDS else "NOT met"
        print(f"target <= {TARGET_SECONDS} s at thin {thin}: {verdict}")


if __name__ == "__main__":
    main()
