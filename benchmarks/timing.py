"""Timing helper shared by the benchmark scripts."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable


def timed(task: Callable[[], object], runs: int) -> tuple[float, float]:
    """Median wall time and median process CPU time of `runs` calls [s].

    On a shared, busy machine wall time exceeds CPU time; printing both tells the two apart.
    """
    walls, cpus = [], []
    for _ in range(runs):
        wall, cpu = time.perf_counter(), time.process_time()
        task()
        walls.append(time.perf_counter() - wall)
        cpus.append(time.process_time() - cpu)
    return statistics.median(walls), statistics.median(cpus)
