"""Wall time of ``clusterplan run`` on the shipped case, Python start included.

Prints a table of medians over repeated fresh processes, beside a baseline measured in the
same run: a bare ``python -c "import pandas, pyomo.environ"`` (the import floor every run
pays). Target (issue 2): the whole run in <= 3 s on the 2-core reference machine.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPEATS = 5


def wall(command: list[str]) -> float:
    """Seconds one fresh process takes to run `command` to completion."""
    start = time.perf_counter()
    subprocess.run(command, check=True, capture_output=True)
    return time.perf_counter() - start


def main() -> None:
    """Measure and print the table."""
    with tempfile.TemporaryDirectory() as scratch:
        out = Path(scratch) / "out"
        run = [sys.executable, "-m", "optimize", "run", "--out", str(out), "--force"]
        floor = [sys.executable, "-c", "import pandas, pyomo.environ, highspy"]
        rows = {
            "imports only (pandas, pyomo, highspy)": [wall(floor) for _ in range(REPEATS)],
            "clusterplan run (shipped case)": [wall(run) for _ in range(REPEATS)],
        }
    base = statistics.median(rows["imports only (pandas, pyomo, highspy)"])
    print(f"{'what':<40} {'median [s]':>11} {'min [s]':>9} {'ratio':>7}")
    for name, times in rows.items():
        median = statistics.median(times)
        print(f"{name:<40} {median:>11.3f} {min(times):>9.3f} {median / base:>7.2f}")
    target = statistics.median(rows["clusterplan run (shipped case)"])
    print(f"target <= 3.0 s: {'met' if target <= 3.0 else 'NOT met'} ({target:.2f} s)")


if __name__ == "__main__":
    main()
