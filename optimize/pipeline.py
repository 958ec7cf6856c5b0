"""The whole planning run: load, appraise, allocate, summarise."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from optimize.allocation import Allocation
from optimize.appraise import Appraisal, appraise
from optimize.case import Case
from optimize.load import load_case
from optimize.robustness import assess
from optimize.solve import SolverOptions, solve
from optimize.summary import summarize


def run_case(
    path: Path, options: SolverOptions | None = None
) -> tuple[Case, Appraisal, Allocation, dict[str, Any]]:
    """Load the case at `path`, appraise it, check the ranking's robustness, allocate.

    Returns
    -------
    tuple
        The case, its appraisal, the allocation and the summary.
    """
    case = load_case(path)
    appraisal = appraise(case)
    allocation = solve(case, appraisal, options)
    robustness = assess(case, appraisal.weights)
    return case, appraisal, allocation, summarize(case, appraisal, allocation, robustness)
