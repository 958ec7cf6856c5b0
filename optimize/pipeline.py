"""The whole planning run: load, appraise, check the ranking, allocate; one value out."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from optimize.appraisal import Appraisal, Robustness, appraise, assess
from optimize.case import Case
from optimize.casefiles import load_case
from optimize.model import Allocation, SolverOptions, SolveStatus, marginal_values, solve


@dataclass(frozen=True)
class RunResult:
    """What one planning run found, from the validated case to the allocation.

    Attributes
    ----------
    case : Case
        The validated case.
    appraisal : Appraisal
        Weights, ranking and cluster priorities.
    allocation : Allocation
        The solved allocation [1e8 CNY].
    robustness : Robustness
        Rankings by every method, their agreement and the rank acceptability.
    marginals : pandas.DataFrame, optional
        Marginal values of the budget and of each binding rule, when asked for.
    """

    case: Case
    appraisal: Appraisal
    allocation: Allocation
    robustness: Robustness
    marginals: pd.DataFrame | None = None


def run_case(
    path: Path, options: SolverOptions | None = None, *, marginals: bool = False
) -> RunResult:
    """Load the case at `path`, appraise it, check the ranking's robustness, allocate.

    Parameters
    ----------
    path : pathlib.Path
        Case folder or workbook.
    options : SolverOptions, optional
        HiGHS options.
    marginals : bool
        Also compute marginal values (several re-solves) when the allocation has a solution
        and the time limit did not stop its solve.
    """
    case = load_case(path)
    appraisal = appraise(case)
    allocation = solve(case, appraisal, options)
    robustness = assess(case, appraisal.weights)
    # After a time-limit stop, marginal values (several unlimited re-solves) are skipped.
    solved = marginals and allocation.status.has_solution
    solved = solved and allocation.status is not SolveStatus.TIME_LIMIT
    values = marginal_values(case, appraisal, allocation) if solved else None
    return RunResult(case, appraisal, allocation, robustness, values)
