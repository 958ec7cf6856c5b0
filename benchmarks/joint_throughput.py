"""Joint robustness throughput on the 25-cluster method demo case (values and leaf weights sampled).

Joint samples per second serially, on 2 local processes and on a Dask LocalCluster of 2 worker
processes, for each sample count given, with the ratios to serial printed in the same run.
A second table splits one serial run into HiGHS's own solve time and everything else
(appraisal, sampling, scoring, coefficients, model updates; under a profiler, so slower).

The demo case's scores are points; to exercise the per-sample scoring each point becomes an
interval of +-20 % (the point path scores all samples in one batch and is faster).

Usage: ``python benchmarks/joint_throughput.py [--samples 400 2000] [--repeats 1]``.
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import statistics
import time

from mcda.imprecise import Cell, ImpreciseMatrix
from optimize.case import demo_case
from optimize.casefiles import load_case
from optimize.sweeps import joint_robustness


def widened(matrix: ImpreciseMatrix, spread: float) -> ImpreciseMatrix:
    """Every point cell as an interval of +-`spread` around it."""
    value = matrix.number("value")
    cells = {
        (str(a), str(c)): Cell.interval(
            min(v * (1 - spread), v * (1 + spread)), max(v * (1 - spread), v * (1 + spread))
        )
        for a, row in value.iterrows()
        for c, v in row.items()
    }
    return matrix.with_cells(cells)


def main() -> None:
    """Measure and print the throughput table and the stage split."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--samples", type=int, nargs="+", default=[400, 2000])
    parser.add_argument("--repeats", type=int, default=1)
    args = parser.parse_args()
    case = load_case(demo_case())
    values = widened(ImpreciseMatrix.from_point(case.scores), 0.2)

    from dask.distributed import LocalCluster

    def rate(n: int, **engine: object) -> float:
        start = time.perf_counter()
        joint_robustness(case, n, seed=1, values=values, **engine)  # type: ignore[arg-type]
        return n / (time.perf_counter() - start)

    print("joint robustness, method demo case, +-20 % intervals, Dirichlet leaf weights (c = 100)")
    print(f"{'samples':>8} {'engine':<24} {'samples/s':>10} {'x serial':>9}")
    with LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1", dashboard_address=None
    ) as cluster:
        for n in args.samples:
            engines: dict[str, dict[str, object]] = {
                "serial": {},
                "2 processes": {"n_jobs": 2},
                "Dask LocalCluster (2)": {"scheduler": cluster.scheduler_address},
            }
            rates = {
                name: statistics.median(rate(n, **engine) for _ in range(args.repeats))
                for name, engine in engines.items()
            }
            for name, value in rates.items():
                print(f"{n:>8} {name:<24} {value:>10.1f} {value / rates['serial']:>9.2f}")

    # HiGHS's own time, read from a profile (the rest is Python: appraisal, sampling,
    # scoring, coefficients, model updates and reading the solutions).
    n = args.samples[0]
    profile = cProfile.Profile()
    start = time.perf_counter()
    profile.runcall(joint_robustness, case, n, seed=1, values=values)
    total = time.perf_counter() - start
    stats = pstats.Stats(profile).stats  # type: ignore[attr-defined]
    solving = sum(
        row[3] for (_, _, name), row in stats.items() if "highspy" in name and "run" in name
    )
    print(f"\nstage split, serial, {n} samples")
    print(f"{'HiGHS solves':<28} {solving:>7.2f} s {solving / n * 1e3:>7.1f} ms/sample")
    rest = total - solving
    print(f"{'everything else':<28} {rest:>7.2f} s {rest / n * 1e3:>7.1f} ms/sample")


if __name__ == "__main__":
    main()
