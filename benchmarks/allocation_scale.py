"""Build + solve + extract time of the allocation MILP: the project's path vs raw highspy.

Synthetic cases (:func:`optimize.case.synthetic.synthetic_case`, every rule kind present) of about
1e3, 1e4 and 1e5 columns are solved (a) through the project's path: Pyomo model, Pyomo's
standard-form compiler, highspy; (b) through raw highspy with the same matrix built by numpy
(the floor, ``benchmarks/raw_highspy.py``). Each measurement runs in a fresh process; the
table gives medians, the ratio to the floor and the peak-memory growth. Objectives must agree
within the MIP gap.

Usage: ``python benchmarks/allocation_scale.py [--sizes 21 209 2084] [--repeats 3]
[--gap 1e-4] [--time-limit S]``.
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def measure(path: str, clusters: int, gap: float, time_limit: float | None) -> dict[str, float]:
    """One build + solve + extract in this process; times [s], memory growth [MiB]."""
    sys.path.insert(0, str(HERE))
    from raw_highspy import build_and_solve

    from optimize.appraisal import appraise
    from optimize.case import synthetic_case
    from optimize.model import CompiledModel, SolverOptions, project_table

    case = synthetic_case(clusters)
    projects = project_table(case, appraise(case))
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    start = time.perf_counter()
    if path == "raw":
        result = build_and_solve(case, projects, gap, time_limit)
        objective = result["objective"]
    else:
        options = SolverOptions(mip_gap=gap, time_limit=time_limit)
        allocation = CompiledModel(case, projects, options).solve("merit")
        objective = allocation.objective
    total = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return {
        "total": total,
        "objective": objective,
        "memory": (peak - before) / 1024.0,
        "columns": len(projects) * (1 + case.benefit.top_up_segments),
    }


def fresh(path: str, clusters: int, gap: float, time_limit: float | None) -> dict[str, float]:
    """Run :func:`measure` in a new Python process."""
    command = [sys.executable, __file__, "--one", path, str(clusters), "--gap", str(gap)]
    if time_limit is not None:
        command += ["--time-limit", str(time_limit)]
    done = subprocess.run(command, check=True, capture_output=True, text=True)
    return dict(json.loads(done.stdout.strip().splitlines()[-1]))


def main() -> None:
    """Measure every size and print the table."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", type=int, nargs="+", default=[21, 209, 2084])
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--gap", type=float, default=1e-4)
    parser.add_argument("--time-limit", type=float, default=None)
    parser.add_argument("--one", nargs=2, metavar=("PATH", "CLUSTERS"))
    args = parser.parse_args()
    if args.one:
        print(json.dumps(measure(args.one[0], int(args.one[1]), args.gap, args.time_limit)))
        return
    print(
        f"{'columns':>8} {'raw [s]':>9} {'pyomo [s]':>10} {'ratio':>6} "
        f"{'raw MiB':>8} {'pyomo MiB':>9} {'mem ratio':>9} {'objective (raw / pyomo)':>30}"
    )
    for clusters in args.sizes:
        runs = {
            p: [fresh(p, clusters, args.gap, args.time_limit) for _ in range(args.repeats)]
            for p in ("raw", "pyomo")
        }
        med = {p: statistics.median(r["total"] for r in runs[p]) for p in runs}
        mem = {p: statistics.median(r["memory"] for r in runs[p]) for p in runs}
        objectives = f"{runs['raw'][0]['objective']:.4f} / {runs['pyomo'][0]['objective']:.4f}"
        print(
            f"{int(runs['raw'][0]['columns']):>8} {med['raw']:>9.3f} {med['pyomo']:>10.3f} "
            f"{med['pyomo'] / med['raw']:>6.2f} {mem['raw']:>8.1f} {mem['pyomo']:>9.1f} "
            f"{mem['pyomo'] / max(mem['raw'], 1e-9):>9.2f} {objectives:>30}",
            flush=True,
        )


if __name__ == "__main__":
    main()
