"""Among the optimal allocations of a case, the one closest to a reference plan.

A case with tied projects (equal coefficients) has many optimal plans, and which one HiGHS
returns can change with anything that reorders the model. Comparing two solves then shows
changes that no rule asks for. Held at its optimum, the benefit is kept and the plan moved as
little as possible from the reference: fewest build decisions changed first, then the least
money moved.
"""

from __future__ import annotations

import time

import pandas as pd
import pyomo.environ as pyo

from optimize.case.case import Case
from optimize.model.allocation import Allocation
from optimize.model.compiled import SolverOptions
from optimize.model.formulation import build_model
from optimize.model.persistent import _make_solver
from optimize.model.readback import _read_solution, _rule_activity, _spend_for


def closest_optimum(
    case: Case,
    projects: pd.DataFrame,
    allocation: Allocation,
    reference: pd.Series,
    options: SolverOptions | None = None,
) -> Allocation:
    """The optimal allocation of `case` that departs least from `reference`.

    Parameters
    ----------
    case, projects : Case, pandas.DataFrame
        The case and its project table
        (:func:`~optimize.model.formulation.project_table`).
    allocation : Allocation
        An optimal allocation of `case`; its objective is kept (within the MIP gap).
    reference : pandas.Series
        Funding per project of the plan to stay close to [1e8 CNY] (absent projects: 0).
    options : SolverOptions, optional
        HiGHS options.

    Returns
    -------
    Allocation
        `allocation` itself when it has no solution; otherwise an allocation with the same
        benefit (within the gap) that changes fewest build decisions against `reference`,
        then moves the least money (every build change outweighs all moved money).
    """
    if not allocation.status.has_solution:
        return allocation
    options = options or SolverOptions()
    start = time.perf_counter()
    m = build_model(case, projects)
    amount = reference.reindex(projects.index, fill_value=0.0).astype(float)
    was_on = (amount > 0.0).to_dict()
    m.benefit.deactivate()
    # The allocation is a feasible plan: its benefit is reachable (HiGHS row tolerance 1e-7).
    gap = 1e-7 * max(abs(allocation.objective), 1.0)
    m.keep_benefit = pyo.Constraint(expr=m.benefit.expr >= allocation.objective - gap)
    m.moved = pyo.Var(m.P, bounds=(0.0, None), doc="|x_p - reference_p| [1e8 CNY]")
    m.moved_up = pyo.Constraint(m.P, rule=lambda m, p: m.moved[p] >= m.funding[p] - amount[p])
    m.moved_down = pyo.Constraint(m.P, rule=lambda m, p: m.moved[p] >= amount[p] - m.funding[p])
    # All moved money is at most 2 x (budget + reference) < one build change at this scale.
    scale = 2.0 * (case.budget + float(amount.sum())) + 1.0
    m.departure = pyo.Objective(
        expr=pyo.quicksum((1 - m.build[p]) if was_on[p] else m.build[p] for p in m.P)
        + pyo.quicksum(m.moved[p] for p in m.P) / scale,
        sense=pyo.minimize,
    )
    solver = _make_solver(options)
    solver.solve(m)
    solver.load_vars()
    table = _read_solution(m, projects, case.benefit)
    return Allocation(
        table,
        allocation.status,
        float(pyo.value(m.benefit.expr)),
        allocation.bound,
        allocation.mip_gap,
        allocation.solve_seconds + time.perf_counter() - start,
        allocation.budget,
        allocation.priority_rule,
        rules=_rule_activity(m),
        spend=_spend_for(case, projects, table),
    )
