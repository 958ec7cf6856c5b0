"""What one more unit of budget, or of a relaxed rule, is worth.

A MILP has no duals. The marginal values here are the duals of the LP obtained by fixing
every build decision at its optimal value (labelled ``lp_dual_fixed_integer``); they are
local: valid while the funded set does not change. Each is cross-checked by re-solving that
LP with the row relaxed by a small step (``finite_difference``). For the budget the value of
one more whole unit (1e8 CNY, or one project for count rules) is measured by re-solving the
MILP with the row relaxed by that unit (``milp_plus_one``), which may fund a different set.
"""

from __future__ import annotations

from typing import Any

import pandas as pd
import pyomo.environ as pyo

from optimize.allocation import Allocation
from optimize.appraise import Appraisal
from optimize.case import Case
from optimize.model import build_model, project_table
from optimize.solve import SolverOptions, make_solver, solve_model

#: Relative step of the finite-difference cross-check [-].
RELATIVE_STEP = 1e-3

MARGINAL_COLUMNS = [
    "rule",
    "key",
    "sense",
    "unit",
    "lp_dual_fixed_integer",
    "finite_difference",
    "milp_plus_one",
]


def fixed_integer_lp(case: Case, projects: pd.DataFrame, funded: pd.Series) -> Any:
    """The allocation model with every build decision fixed and integrality dropped."""
    model = build_model(case, projects)
    for p in model.P:
        model.build[p].domain = pyo.Reals
        model.build[p].fix(1.0 if funded[p] else 0.0)
    return model


def lp_objective(model: Any) -> float:
    """Optimal objective of an LP model solved from scratch with HiGHS."""
    solver = make_solver(SolverOptions())
    results = solver.solve(model)
    return float(results.best_feasible_objective)


def relax_row(model: Any, rule: str, key: str, step: float) -> None:
    """Loosen one rule row by `step` in its own unit."""
    row = next(r for r in model.rows if r.rule == rule and r.key == key)
    if row.sense == "<=":
        model.component(rule)[key].set_value(row.body <= row.rhs + step)
    else:
        model.component(rule)[key].set_value(row.body >= row.rhs - step)


def marginal_values(
    case: Case, appraisal: Appraisal, allocation: Allocation, step: float | None = None
) -> pd.DataFrame:
    """Marginal value of relaxing each binding rule row, and of the budget.

    Parameters
    ----------
    case, appraisal, allocation
        A case, its appraisal and a solved allocation of it.
    step : float, optional
        Finite-difference step [unit of the row]; default 1e-3 x budget.

    Returns
    -------
    pandas.DataFrame
        One row per binding rule row plus ``budget_total`` (the budget parameter, which also
        moves share-based bounds): benefit gained per unit of relaxation [benefit units per
        1e8 CNY or per project] as ``lp_dual_fixed_integer`` and ``finite_difference``;
        ``milp_plus_one`` is the gain of relaxing by one whole unit with re-optimised
        decisions.
    """
    projects = project_table(case, appraisal)
    funded = allocation.projects["funded"]
    model = fixed_integer_lp(case, projects, funded)
    solver = make_solver(SolverOptions())
    base = float(solver.solve(model).best_feasible_objective)
    duals = solver.get_duals()
    delta = step if step is not None else RELATIVE_STEP * case.budget
    records = []
    for binding in allocation.binding.itertuples():
        row = model.component(binding.rule)[binding.key]
        sign = 1.0 if binding.sense == "<=" else -1.0
        dual = sign * float(duals[row])
        relaxed = fixed_integer_lp(case, projects, funded)
        relax_row(relaxed, binding.rule, binding.key, delta)
        difference = (lp_objective(relaxed) - base) / delta
        whole = build_model(case, projects)
        relax_row(whole, binding.rule, binding.key, 1.0)
        gain = milp_objective(whole, case, projects, appraisal) - allocation.objective
        records.append(
            (binding.rule, binding.key, binding.sense, binding.unit, dual, difference, gain)
        )
    records.append(budget_marginal(case, appraisal, projects, funded, base, delta, allocation))
    return pd.DataFrame.from_records(records, columns=MARGINAL_COLUMNS)


def budget_marginal(
    case: Case,
    appraisal: Appraisal,
    projects: pd.DataFrame,
    funded: pd.Series,
    base: float,
    delta: float,
    allocation: Allocation,
) -> tuple[Any, ...]:
    """Value of more budget: fixed-integer LP difference and a whole-unit MILP re-solve."""
    lp = fixed_integer_lp(case, projects, funded)
    lp.budget_total.set_value(case.budget + delta)
    difference = (lp_objective(lp) - base) / delta
    milp = build_model(case, projects)
    milp.budget_total.set_value(case.budget + 1.0)
    gain = milp_objective(milp, case, projects, appraisal) - allocation.objective
    return ("budget_total", "total", "<=", "1e8 CNY", float("nan"), difference, gain)


def milp_objective(model: Any, case: Case, projects: pd.DataFrame, appraisal: Appraisal) -> float:
    """Optimal benefit of a (modified) allocation MILP; NaN if it has no solution."""
    answer = solve_model(
        model, make_solver(SolverOptions()), case, projects, appraisal.priority_rule
    )
    return answer.objective
