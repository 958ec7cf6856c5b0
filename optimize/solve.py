"""Solve the allocation model with HiGHS and read the answer into an Allocation."""

from __future__ import annotations

import math
import time
from dataclasses import dataclass

import pandas as pd
import pyomo.environ as pyo
from pyomo.contrib.appsi.base import TerminationCondition
from pyomo.contrib.appsi.solvers.highs import Highs

from optimize.allocation import Allocation, SolveStatus
from optimize.appraise import Appraisal
from optimize.binding import rule_activity
from optimize.case import Case
from optimize.model import build_model, project_table
from optimize.rule_rows import spend_shares

STATUS = {
    TerminationCondition.optimal: SolveStatus.OPTIMAL,
    TerminationCondition.maxTimeLimit: SolveStatus.TIME_LIMIT,
    TerminationCondition.infeasible: SolveStatus.INFEASIBLE,
    TerminationCondition.unbounded: SolveStatus.UNBOUNDED,
    TerminationCondition.infeasibleOrUnbounded: SolveStatus.INFEASIBLE,
}

#: Project attributes carried into the allocation table.
SOLUTION_COLUMNS = [
    "cluster",
    "instrument",
    "cluster_type",
    "region",
    "tech_domain",
    "min_grant",
    "max_grant",
    "cofunding_ratio",
    "start",
    "coefficient",
]

#: Funding below this is read as zero [1e8 CNY] (solver tolerance).
AMOUNT_TOLERANCE = 1e-7


@dataclass(frozen=True)
class SolverOptions:
    """Options passed through to HiGHS.

    Attributes
    ----------
    time_limit : float, optional
        Wall-time limit [s].
    mip_gap : float
        Relative MIP gap at which HiGHS stops [-].
    threads : int, optional
        Threads HiGHS may use.
    """

    time_limit: float | None = None
    mip_gap: float = 1e-6
    threads: int | None = None


def make_solver(options: SolverOptions) -> Highs:
    """A HiGHS persistent solver configured from `options`."""
    solver = Highs()
    solver.config.stream_solver = False
    solver.config.load_solution = False
    solver.config.mip_gap = options.mip_gap
    if options.time_limit is not None:
        solver.config.time_limit = options.time_limit
    if options.threads is not None:
        solver.highs_options = {"threads": options.threads}
    return solver


def solve(case: Case, appraisal: Appraisal, options: SolverOptions | None = None) -> Allocation:
    """Build the allocation model for `case` and solve it with HiGHS.

    Parameters
    ----------
    case : Case
        A loaded case.
    appraisal : Appraisal
        Cluster priorities from :func:`optimize.appraise.appraise`.
    options : SolverOptions, optional
        Time limit, MIP gap and threads.

    Returns
    -------
    Allocation
        The funded projects; for a status without a solution, every amount is zero and
        the objective is NaN.
    """
    projects = project_table(case, appraisal)
    model = build_model(case, projects)
    solver = make_solver(options or SolverOptions())
    return solve_model(model, solver, case, projects, appraisal.priority_rule)


def solve_model(
    model: pyo.ConcreteModel,
    solver: Highs,
    case: Case,
    projects: pd.DataFrame,
    priority_rule: str,
) -> Allocation:
    """Solve a built model and read its answer (a persistent solver is reused as given).

    The budget recorded in the answer is the model's current ``budget_total`` parameter,
    so that a sweep that changed it reads back what it solved.
    """
    budget = float(pyo.value(model.budget_total))
    start = time.perf_counter()
    try:
        results = solver.solve(model)
    except RuntimeError:
        return empty_allocation(
            projects, SolveStatus.ERROR, budget, priority_rule, time.perf_counter() - start
        )
    seconds = time.perf_counter() - start
    status = STATUS.get(results.termination_condition, SolveStatus.ERROR)
    objective = results.best_feasible_objective
    if objective is None or not math.isfinite(objective):
        return empty_allocation(projects, status, budget, priority_rule, seconds)
    solver.load_vars()
    bound = results.best_objective_bound
    gap = abs(bound - objective) / max(abs(objective), 1e-12)
    if status is SolveStatus.OPTIMAL and gap > solver.config.mip_gap + 1e-9:
        status = SolveStatus.FEASIBLE
    table = read_solution(model, projects, case.benefit.slope_decay)
    spend = None
    if case.rules.periods is not None:
        spend = spend_shares(case, projects).mul(table["amount"], axis=0)
    return Allocation(
        table,
        status,
        float(objective),
        float(bound),
        gap,
        seconds,
        budget,
        priority_rule,
        rules=rule_activity(model),
        spend=spend,
    )


def read_solution(model: pyo.ConcreteModel, projects: pd.DataFrame, decay: float) -> pd.DataFrame:
    """Funded flag, amount and benefit per project from the loaded variable values."""
    ids = list(projects.index)
    built = pd.Series({p: round(pyo.value(model.build[p])) for p in ids}, dtype=float)
    top_up = {p: [max(pyo.value(model.top_up[p, s]), 0.0) for s in model.S] for p in ids}
    amount = built * projects["min_grant"] + pd.Series({p: sum(v) for p, v in top_up.items()})
    amount = amount.where(amount > AMOUNT_TOLERANCE, 0.0)
    weighted = pd.Series(
        {p: sum(decay ** (k + 1) * v for k, v in enumerate(top_up[p])) for p in ids}
    )
    benefit = projects["coefficient"] * (built * projects["min_grant"] + weighted)
    table = projects[SOLUTION_COLUMNS].copy()
    table["funded"] = built.astype(bool)
    table["amount"] = amount
    table["benefit"] = benefit
    return table


def empty_allocation(
    projects: pd.DataFrame, status: SolveStatus, budget: float, rule: str, seconds: float
) -> Allocation:
    """An allocation without a solution: nothing funded, objective NaN."""
    table = projects[SOLUTION_COLUMNS].copy()
    table["funded"] = False
    table["amount"] = 0.0
    table["benefit"] = 0.0
    nan = float("nan")
    return Allocation(table, status, nan, nan, nan, seconds, budget, rule)
