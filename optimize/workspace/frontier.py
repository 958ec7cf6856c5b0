"""The budget frontier as background work: benefit over a budget grid, step by step."""

from __future__ import annotations

import numpy as np
import pandas as pd

from optimize.case import Case
from optimize.sweeps import budget_frontier
from optimize.workspace.jobs import Job, Report

#: Budgets of the frontier, as multiples of the current budget [-].
SPAN = (0.25, 2.0)
#: Points of the grid.
POINTS = 16
#: Budgets solved per step (one appraisal and one compiled model per step).
STEP = 4


def budget_grid(budget: float) -> list[float]:
    """The frontier's budgets [1e8 CNY]: :data:`POINTS` from 0.25 to 2 times `budget`."""
    low, high = (budget * share for share in SPAN)
    return [float(b) for b in np.linspace(low, high, POINTS)] if budget > 0 else [0.0]


def frontier_points(case: Case, report: Report) -> pd.DataFrame:
    """Benefit and spending at each budget of the grid, reporting after every step.

    Returns
    -------
    pandas.DataFrame
        The ``points`` of :func:`optimize.sweeps.budget_frontier` over the whole grid.
    """
    grid = budget_grid(case.budget)
    parts = []
    report(0, len(grid))
    for start in range(0, len(grid), STEP):
        parts.append(budget_frontier(case, grid[start : start + STEP]).points)
        report(min(start + STEP, len(grid)), len(grid))
    return pd.concat(parts, ignore_index=True)


def frontier_job(case: Case) -> Job:
    """Start the frontier of `case` (the session's settings applied) in the background."""
    return Job("frontier", lambda report: frontier_points(case, report))
