"""Wall time of ``clusterplan validate`` and ``clusterplan run``, Python start included.

Each command runs in a fresh process, several times, interleaved with a baseline measured in
the same run: a bare ``python -c "import pandas, pyomo.environ, highspy"`` (the import floor a
solving run pays). The table gives medians, minima, the ratio of each median to the floor's,
and PASS/FAIL against the targets on the 2-core reference machine: ``validate`` <= 1.0 s,
``run`` on the shipped case <= 3.0 s. On a faster or slower machine the seconds mislead, so the
targets are also judged as ratios to the floor, scaled by the reference machine's floor.

Usage: ``python benchmarks/run_time.py [--repeats N]`` (default 5).
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
FLOOR = "imports only (pandas, pyomo, highspy)"
#: Median of the import floor on the reference machine [s] (run took 3.9 s there, 4.7 floors).
REFERENCE_FLOOR = 0.83
#: Row name -> target median on the reference machine [s] (None: no target).
TARGETS: dict[str, float | None] = {
    FLOOR: None,
    "clusterplan validate (shipped case)": 1.0,
    "clusterplan run (shipped case)": 3.0,
}


def wall(command: list[str]) -> float:
    """Seconds one fresh process takes to run `command` to completion [s]."""
    start = time.perf_counter()
    # From the repository root, so that ``-m optimize`` runs this checkout's code.
    subprocess.run(command, check=True, capture_output=True, cwd=REPO)
    return time.perf_counter() - start


def measure(repeats: int, out: Path) -> dict[str, list[float]]:
    """Wall times [s] of each row; rounds interleave the rows so that load drift hits all."""
    cli = [sys.executable, "-m", "optimize"]
    commands = {
        FLOOR: [sys.executable, "-c", "import pandas, pyomo.environ, highspy"],
        "clusterplan validate (shipped case)": [*cli, "validate"],
        "clusterplan run (shipped case)": [*cli, "run", "--out", str(out), "--force"],
    }
    for command in commands.values():  # warm the file cache; not counted
        wall(command)
    times: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(repeats):
        for name, command in commands.items():
            times[name].append(wall(command))
    return times


def verdict(value: float, limit: float | None) -> str:
    """PASS or FAIL of `value` against `limit`, or nothing without a limit."""
    if limit is None:
        return ""
    return "PASS" if value <= limit else "FAIL"


def table(times: dict[str, list[float]]) -> list[str]:
    """Lines of the result table: median, min, ratio to the floor, targets and verdicts."""
    floor = statistics.median(times[FLOOR])
    lines = [
        f"{'what':<38} {'median [s]':>10} {'min [s]':>8} {'target [s]':>10} {'':>4} "
        f"{'ratio':>6} {'target':>6} {'':>4}",
    ]
    for name, values in times.items():
        median, target = statistics.median(values), TARGETS[name]
        ratio_target = None if target is None else target / REFERENCE_FLOOR
        seconds = "" if target is None else f"<= {target:.1f}"
        ratio = "" if ratio_target is None else f"<= {ratio_target:.1f}"
        lines.append(
            f"{name:<38} {median:>10.3f} {min(values):>8.3f} {seconds:>10} "
            f"{verdict(median, target):>4} {median / floor:>6.2f} {ratio:>6} "
            f"{verdict(median / floor, ratio_target):>4}"
        )
    return lines


def main() -> None:
    """Measure and print the table."""
    parser = argparse.ArgumentParser(description="Wall time of validate and run.")
    parser.add_argument("--repeats", type=int, default=5, help="Runs per row (>= 1).")
    repeats = max(1, parser.parse_args().repeats)
    with tempfile.TemporaryDirectory() as scratch:
        times = measure(repeats, Path(scratch) / "out")
    print(
        f"{repeats} fresh processes per row; ratio = median / median of the import floor; "
        f"ratio targets = targets / {REFERENCE_FLOOR} s (the reference machine's floor)"
    )
    print("\n".join(table(times)))


if __name__ == "__main__":
    main()
