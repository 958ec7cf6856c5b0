"""Allocation MILP at scale: the project's path vs raw highspy, timed and anytime.

Synthetic cases (:func:`optimize.case.synthetic.synthetic_case`, every rule kind present) are
solved (a) through the project's path: Pyomo model, Pyomo's standard-form compiler, highspy;
(b) through raw highspy with the same matrix built by numpy (the floor,
``benchmarks/raw_highspy.py``). Each measurement runs in a fresh process.

Two tables:

* timed (default): build + solve + extract time, medians over repeats, the ratio to the
  floor and the peak-memory growth; objectives must agree within the MIP gap.
  ``python benchmarks/allocation_scale.py [--sizes 21 209 2084] [--repeats 3] [--gap 1e-4]``
* objectives (``--objectives``): the project's path under the benefit objective
  ``project_curve`` (the synthetic cases' own, the baseline) and ``cluster_returns`` (blocks of
  4 亿 at decay 0.5, 3 blocks, as the shipped case): medians and their ratio.
  ``python benchmarks/allocation_scale.py --objectives [--sizes 21 209 2084] [--repeats 3]``
* anytime (``--anytime``): one run per size and path under a time limit (default 60 s) on
  cases of about 1e4 and 1e5 columns: time from the start of the solve to the first feasible
  allocation, final status, objective, best bound and relative gap. The project's path
  starts HiGHS from a checked greedy plan (:mod:`optimize.model.greedy`).
  ``python benchmarks/allocation_scale.py --anytime [--sizes 209 2084] [--time-limit 60]``
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import math
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent


def measure(path: str, clusters: int, gap: float, time_limit: float | None) -> dict[str, Any]:
    """One build + solve + extract in this process; times [s], memory growth [MiB]."""
    sys.path.insert(0, str(HERE))
    from raw_highspy import build_and_solve

    from optimize.appraisal import appraise
    from optimize.case import synthetic_case
    from optimize.model import CompiledModel, SolverOptions, project_table

    case = synthetic_case(clusters)
    if path == "cluster_returns":
        curve = dataclasses.replace(
            case.benefit,
            objective="cluster_returns",
            cluster_block=4.0,
            cluster_decay=0.5,
            cluster_blocks=3,
        )
        case = dataclasses.replace(case, benefit=curve)
    projects = project_table(case, appraise(case))
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    start = time.perf_counter()
    if path == "raw":
        result = build_and_solve(case, projects, gap, time_limit)
        outcome = {k: result[k] for k in ("objective", "bound", "gap", "status", "first_feasible")}
        outcome["solve"] = result["solve"]
        outcome["read"] = result["extract"]
    else:
        options = SolverOptions(mip_gap=gap, time_limit=time_limit)
        model = CompiledModel(case, projects, options)
        built = time.perf_counter()
        allocation = model.solve("merit")
        outcome = {
            "objective": allocation.objective,
            "bound": allocation.bound,
            "gap": allocation.mip_gap,
            "status": str(allocation.status),
            "first_feasible": model.start_seconds
            if model.start_seconds is not None
            else (allocation.solve_seconds if allocation.status.has_solution else math.nan),
            "solve": allocation.solve_seconds,
            "read": time.perf_counter() - built - allocation.solve_seconds,
        }
    total = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return outcome | {
        "total": total,
        "memory": (peak - before) / 1024.0,
        "columns": len(projects)
        * (1 + case.benefit.segments + max(len(case.benefit.block_slopes) - 1, 0)),
    }


def fresh(path: str, clusters: int, gap: float, time_limit: float | None) -> dict[str, Any]:
    """Run :func:`measure` in a new Python process."""
    command = [sys.executable, __file__, "--one", path, str(clusters), "--gap", str(gap)]
    if time_limit is not None:
        command += ["--time-limit", str(time_limit)]
    done = subprocess.run(command, check=True, capture_output=True, text=True)
    return dict(json.loads(done.stdout.strip().splitlines()[-1]))


def timed_table(sizes: list[int], repeats: int, gap: float, time_limit: float | None) -> None:
    """Medians of build + solve + extract time and memory per size, raw vs the project's path."""
    print(
        f"{'columns':>8} {'raw [s]':>9} {'pyomo [s]':>10} {'ratio':>6} "
        f"{'raw MiB':>8} {'pyomo MiB':>9} {'mem ratio':>9} {'objective (raw / pyomo)':>30}"
    )
    for clusters in sizes:
        runs = {
            p: [fresh(p, clusters, gap, time_limit) for _ in range(repeats)]
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


def objective_table(sizes: list[int], repeats: int, gap: float) -> None:
    """Medians of build + solve + extract time per size under each benefit objective."""
    print(
        f"{'columns':>8} {'project_curve [s]':>17} {'cluster_returns [s]':>19} {'ratio':>6} "
        f"{'objective (curve / returns)':>30} {'status (curve / returns)':>26}"
    )
    for clusters in sizes:
        runs = {
            p: [fresh(p, clusters, gap, None) for _ in range(repeats)]
            for p in ("pyomo", "cluster_returns")
        }
        med = {p: statistics.median(r["total"] for r in runs[p]) for p in runs}
        first = {p: runs[p][0] for p in runs}
        curve, returns = first["pyomo"], first["cluster_returns"]
        objectives = f"{curve['objective']:.4f} / {returns['objective']:.4f}"
        statuses = f"{curve['status']} / {returns['status']}"
        print(
            f"{int(curve['columns']):>8} {med['pyomo']:>17.3f} "
            f"{med['cluster_returns']:>19.3f} {med['cluster_returns'] / med['pyomo']:>6.2f} "
            f"{objectives:>30} {statuses:>26}",
            flush=True,
        )


def anytime_table(sizes: list[int], gap: float, time_limit: float) -> None:
    """First feasible time, status, objective, bound and gap per size and path."""
    print(
        f"time limit {time_limit:g} s (ours answers within it plus a 1 s grace), "
        f"MIP gap {gap:g}; first feasible from the start of the "
        "solve; solve = greedy start (ours) + HiGHS; read = reading the allocation back; "
        "total = build + solve + read"
    )
    print(
        f"{'columns':>8} {'path':<6} {'first feasible [s]':>18} {'solve [s]':>9} "
        f"{'read [s]':>8} {'total [s]':>9} {'status':<20} {'objective':>11} {'bound':>11} "
        f"{'gap':>8}"
    )
    for clusters in sizes:
        for path in ("raw", "pyomo"):
            r = fresh(path, clusters, gap, time_limit)
            print(
                f"{int(r['columns']):>8} {path:<6} {r['first_feasible']:>18.1f} "
                f"{r['solve']:>9.1f} {r['read']:>8.1f} {r['total']:>9.1f} {r['status']:<20} "
                f"{r['objective']:>11.2f} {r['bound']:>11.2f} {r['gap']:>8.2%}",
                flush=True,
            )


def main() -> None:
    """Measure every size and print the table."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", type=int, nargs="+", default=None)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--gap", type=float, default=1e-4)
    parser.add_argument("--time-limit", type=float, default=None)
    parser.add_argument("--anytime", action="store_true")
    parser.add_argument("--objectives", action="store_true")
    parser.add_argument("--one", nargs=2, metavar=("PATH", "CLUSTERS"))
    args = parser.parse_args()
    if args.one:
        print(json.dumps(measure(args.one[0], int(args.one[1]), args.gap, args.time_limit)))
    elif args.objectives:
        objective_table(args.sizes or [21, 209, 2084], args.repeats, args.gap)
    elif args.anytime:
        limit = 60.0 if args.time_limit is None else args.time_limit
        anytime_table(args.sizes or [209, 2084], args.gap, limit)
    else:
        timed_table(args.sizes or [21, 209, 2084], args.repeats, args.gap, args.time_limit)


if __name__ == "__main__":
    main()
