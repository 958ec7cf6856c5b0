"""Sweep throughput on the 25-cluster method demo case.

1. Weight-robustness sweep (re-appraise + re-solve per sample): scenarios per second serially,
   with 2 local processes, and on a Dask LocalCluster of 2 worker processes.
2. A 50-point budget sweep through the persistent compiled model, beside the same 50 solves
   through raw highspy (a fresh numpy-built model per point, ``raw_highspy.py``): the ratio.

Usage: ``python benchmarks/sweep_throughput.py [--samples 200] [--repeats 3]``.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

from raw_highspy import build_and_solve

from optimize.appraisal import appraise
from optimize.case import demo_case
from optimize.casefiles import load_case
from optimize.model import project_table
from optimize.sweeps import SWEEP_OPTIONS, budget_frontier, weight_robustness


def timed(task: object) -> float:
    """Wall time of calling `task` [s]."""
    start = time.perf_counter()
    task()  # type: ignore[operator]
    return time.perf_counter() - start


def main() -> None:
    """Measure and print both tables."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--samples", type=int, default=200)
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    case = load_case(demo_case())
    n = args.samples

    from dask.distributed import LocalCluster

    rates: dict[str, list[float]] = {"serial": [], "2 processes": [], "Dask LocalCluster (2)": []}
    with LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1", dashboard_address=None
    ) as cluster:
        for _ in range(args.repeats):
            rates["serial"].append(n / timed(lambda: weight_robustness(case, n, seed=1)))
            rates["2 processes"].append(
                n / timed(lambda: weight_robustness(case, n, seed=1, n_jobs=2))
            )
            rates["Dask LocalCluster (2)"].append(
                n
                / timed(
                    lambda: weight_robustness(case, n, seed=1, scheduler=cluster.scheduler_address)
                )
            )
    print(f"weight robustness, {n} samples, demo case (median of {args.repeats})")
    print(f"{'engine':<24} {'scenarios/s':>12}")
    for engine, values in rates.items():
        print(f"{engine:<24} {statistics.median(values):>12.1f}")

    budgets = [float(b) for b in np.linspace(30.0, 90.0, 50)]
    projects = project_table(case, appraise(case))

    def raw_sweep() -> None:
        for budget in budgets:
            build_and_solve(
                case.__class__(**{**case.__dict__, "budget": budget}),
                projects,
                SWEEP_OPTIONS.mip_gap,
            )

    persistent = [timed(lambda: budget_frontier(case, budgets)) for _ in range(args.repeats)]
    raw = [timed(raw_sweep) for _ in range(args.repeats)]
    print(f"\n50-point budget sweep (median of {args.repeats})")
    print(f"{'path':<34} {'seconds':>8} {'ratio':>6}")
    floor = statistics.median(raw)
    print(f"{'raw highspy (floor)':<34} {floor:>8.2f} {1.0:>6.2f}")
    print(
        f"{'persistent compiled Pyomo model':<34} {statistics.median(persistent):>8.2f} "
        f"{statistics.median(persistent) / floor:>6.2f}"
    )


if __name__ == "__main__":
    main()
