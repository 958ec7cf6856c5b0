"""HiGHS through Pyomo's persistent interface, for analyses that modify a built model.

Marginal values and infeasibility diagnosis swap single rows or fix variables and re-solve;
the persistent interface follows such edits. Plain solves use :mod:`optimize.model.compiled`.
"""

from __future__ import annotations

import math
import time

import highspy
import pandas as pd
import pyomo.environ as pyo
from pyomo.contrib.appsi.base import TerminationCondition
from pyomo.contrib.appsi.solvers.highs import Highs

from optimize.case.case import Case
from optimize.model.allocation import Allocation, SolveStatus
from optimize.model.compiled import SolverOptions
from optimize.model.readback import rule_activity

__all__ = ["SolverOptions", "make_solver", "solve_model"]
from optimize.model.readback import empty_allocation, read_solution, spend_for

STATUS = {
    TerminationCondition.optimal: SolveStatus.OPTIMAL,
    TerminationCondition.maxTimeLimit: SolveStatus.TIME_LIMIT,
    TerminationCondition.infeasible: SolveStatus.INFEASIBLE,
    TerminationCondition.unbounded: SolveStatus.UNBOUNDED,
    TerminationCondition.infeasibleOrUnbounded: SolveStatus.INFEASIBLE,
}


def make_solver(options: SolverOptions) -> Highs:
    """A HiGHS persistent solver configured from `options`."""
    solver = Highs()
    solver.config.stream_solver = False
    solver.config.load_solution = False
    solver.config.mip_gap = options.mip_gap
    if options.time_limit is not None:
        solver.config.time_limit = options.time_limit
    if options.threads is not None:
        highspy.Highs.resetGlobalScheduler(True)  # see CompiledModel.configure
        solver.highs_options = {"threads": options.threads}
    return solver


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
    spend = spend_for(case, projects, table)
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
