"""Solve a case's allocation: build the Pyomo model, compile it, solve it with HiGHS."""

from __future__ import annotations

from optimize.appraisal.appraise import Appraisal
from optimize.case.case import Case
from optimize.model.allocation import Allocation
from optimize.model.compiled import CompiledModel, SolverOptions
from optimize.model.formulation import project_table

__all__ = ["SolverOptions", "solve"]


def solve(case: Case, appraisal: Appraisal, options: SolverOptions | None = None) -> Allocation:
    """Build the allocation model for `case` and solve it with HiGHS.

    Parameters
    ----------
    case : Case
        A loaded case.
    appraisal : Appraisal
        Cluster priorities from :func:`optimize.appraisal.appraise.appraise`.
    options : SolverOptions, optional
        Time limit, MIP gap and threads.

    Returns
    -------
    Allocation
        The funded projects; for a status without a solution, every amount is zero and
        the objective is NaN.
    """
    projects = project_table(case, appraisal)
    return CompiledModel(case, projects, options).solve(appraisal.priority_rule)
